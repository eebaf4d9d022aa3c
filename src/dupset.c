/* SPDX-License-Identifier: MIT */
/* dupset: an open-addressing set of IMEI keys that grows by doubling. */
#include <stdlib.h>

#include "dupset.h"

#define DUPSET_MIN 1024

void
dupset_init(struct dupset *d)
{
	d->slot = NULL;
	d->cap = 0;
	d->n = 0;
}

static size_t
slot_of(uint64_t key, size_t cap)
{
	/* Fibonacci hashing: IMEIs of one model share their leading digits */
	return (size_t)((key * 0x9E3779B97F4A7C15ull) >> 20) & (cap - 1);
}

static int
grow(struct dupset *d)
{
	size_t cap = d->cap ? d->cap * 2 : DUPSET_MIN, i, j;
	struct dupset_slot *s;

	if (cap > SIZE_MAX / sizeof *s)
		return -1;
	s = calloc(cap, sizeof *s);
	if (!s)
		return -1;
	for (i = 0; i < d->cap; i++) {
		if (!d->slot[i].key)
			continue;
		for (j = slot_of(d->slot[i].key, cap); s[j].key; j = (j + 1) & (cap - 1))
			;
		s[j] = d->slot[i];
	}
	free(d->slot);
	d->slot = s;
	d->cap = cap;
	return 0;
}

int
dupset_add(struct dupset *d, uint64_t key, uint32_t seller, long line,
    long *first_line)
{
	size_t j;

	if ((d->n + 1) * 4 > d->cap * 3 && grow(d) != 0)
		return DUPSET_NOMEM;
	for (j = slot_of(key, d->cap); d->slot[j].key; j = (j + 1) & (d->cap - 1)) {
		if (d->slot[j].key != key)
			continue;
		*first_line = (long)d->slot[j].line;
		return d->slot[j].seller == seller ? DUPSET_SAME_SELLER : DUPSET_OTHER_SELLER;
	}
	d->slot[j].key = key;
	d->slot[j].seller = seller;
	d->slot[j].line = line < 0 ? 0 : (uint64_t)line > UINT32_MAX ? UINT32_MAX : (uint32_t)line;
	d->n++;
	return DUPSET_NEW;
}

void
dupset_release(struct dupset *d)
{
	free(d->slot);
	dupset_init(d);
}

uint32_t
dupset_hash(const char *p, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)p[i];
		h *= 16777619u;
	}
	return h;
}
