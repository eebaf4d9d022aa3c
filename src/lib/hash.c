/* SPDX-License-Identifier: MIT */
/* hash: FNV-1a (Fowler, Noll, Vo), 64-bit offset basis and prime. */
#include "lib/hash.h"

uint64_t
hash_fnv1a64(const char *p, size_t n)
{
	uint64_t h = 14695981039346656037ull;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)p[i];
		h *= 1099511628211ull;
	}
	return h;
}
