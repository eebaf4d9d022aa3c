/* SPDX-License-Identifier: MIT */
/* grow: room in an array that doubles as it fills. */
#ifndef HANDOVER_GROW_H
#define HANDOVER_GROW_H

#include <stddef.h>

/*
 * pp points to an array pointer (NULL at first) of *cap items of size
 * bytes each; makes it hold at least need items, doubling from 16.
 * Returns 0, or -1 when out of memory or the size would overflow (the
 * array and *cap stay as they were).
 */
int grow_array(void *pp, size_t *cap, size_t need, size_t size);

#endif
