/* SPDX-License-Identifier: MIT */
/* slots: what the scan's open-addressing tables of IMEI keys share: the
 * slot a key hashes to, and zeroed memory for a large table. */
#ifndef HANDOVER_SLOTS_H
#define HANDOVER_SLOTS_H

#include <stddef.h>
#include <stdint.h>

/* The slot of key in a table of cap slots (a power of two): Fibonacci
 * hashing, since the IMEIs of one model share their leading digits. */
static inline size_t
slots_of(uint64_t key, size_t cap)
{
	return (size_t)((key * 0x9E3779B97F4A7C15ull) >> 20) & (cap - 1);
}

/* n zeroed items of size bytes, freed with free().  A large table is
 * touched all over at random, so where the system has them it asks for
 * 2 MB pages: fewer TLB misses and page faults. */
void *slots_alloc(size_t n, size_t size);

#endif
