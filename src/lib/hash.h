/* SPDX-License-Identifier: MIT */
/* hash: the one string hash handover uses to tell values apart without
 * keeping them (sellers in a scan's IMEI set and in "handover dups"). */
#ifndef HANDOVER_HASH_H
#define HANDOVER_HASH_H

#include <stddef.h>
#include <stdint.h>

/* 64-bit FNV-1a over the n bytes at p. */
uint64_t hash_fnv1a64(const char *p, size_t n);

#endif
