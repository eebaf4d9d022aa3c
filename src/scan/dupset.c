/* SPDX-License-Identifier: MIT */
/* dupset: an open-addressing set of IMEI keys that grows by doubling. */
#include <stdlib.h>
#include <string.h>

#include "lib/hash.h"
#include "lib/slots.h"
#include "scan/dupset.h"

#define DUPSET_MIN 1024
#define SELLER_MASK ((1u << DUPSET_SELLER_BITS) - 1)

/* The part of a seller hash kept beside the slot. */
#define SELLER_MORE(seller) ((uint16_t)((seller) >> DUPSET_SELLER_BITS))

void
dupset_init(struct dupset *d)
{
	d->slot = NULL;
	d->more = NULL;
	d->ref = NULL;
	d->cap = 0;
	d->n = 0;
}

/* Moves everything into a table of cap slots (a power of two that holds
 * them). */
static int
rehash(struct dupset *d, size_t cap)
{
	size_t i, j;
	uint64_t *s;
	uint16_t *more;
	uint32_t *ref;

	if (cap > SIZE_MAX / sizeof *s)
		return -1;
	if (!(s = slots_alloc(cap, sizeof *s)))
		return -1;
	more = slots_alloc(cap, sizeof *more);
	ref = slots_alloc(cap, sizeof *ref);
	if (!more || !ref) {
		free(s);
		free(more);
		free(ref);
		return -1;
	}
	for (i = 0; i < d->cap; i++) {
		uint64_t v = d->slot[i];
#if defined(__GNUC__) || defined(__clang__)
		/* the new slots are all over the table: ask for one a few
		 * keys ahead, so that their loads overlap */
		if (i + 8 < d->cap && d->slot[i + 8])
			__builtin_prefetch(&s[slots_of(d->slot[i + 8] >> DUPSET_SELLER_BITS, cap)], 1);
#endif
		if (!v)
			continue;
		for (j = slots_of(v >> DUPSET_SELLER_BITS, cap); s[j]; j = (j + 1) & (cap - 1))
			;
		s[j] = v;
		more[j] = d->more[i];
		ref[j] = d->ref[i];
	}
	free(d->slot);
	free(d->more);
	free(d->ref);
	d->slot = s;
	d->more = more;
	d->ref = ref;
	d->cap = cap;
	return 0;
}

static int
grow(struct dupset *d)
{
	return rehash(d, d->cap ? d->cap * 2 : DUPSET_MIN);
}

int
dupset_reserve(struct dupset *d, size_t n)
{
	size_t cap = d->cap ? d->cap : DUPSET_MIN;

	if (n > SIZE_MAX / 8)
		return -1;
	while (n * 5 > cap * 4) {
		if (cap > SIZE_MAX / 16)
			return -1;
		cap *= 2;
	}
	return cap == d->cap ? 0 : rehash(d, cap);
}

int
dupset_add(struct dupset *d, uint64_t key, uint32_t seller, size_t *slot)
{
	size_t j;

	if (key == 0 || key >> DUPSET_KEY_BITS)
		return DUPSET_BADKEY;
	if ((d->n + 1) * 5 > d->cap * 4 && grow(d) != 0)
		return DUPSET_NOMEM;
	for (j = slots_of(key, d->cap); d->slot[j]; j = (j + 1) & (d->cap - 1)) {
		if (d->slot[j] >> DUPSET_SELLER_BITS != key)
			continue;
		*slot = j;
		return (d->slot[j] & SELLER_MASK) == (seller & SELLER_MASK) &&
		    d->more[j] == SELLER_MORE(seller) ?
		    DUPSET_SAME_SELLER : DUPSET_OTHER_SELLER;
	}
	d->slot[j] = key << DUPSET_SELLER_BITS | (seller & SELLER_MASK);
	d->more[j] = SELLER_MORE(seller);
	d->ref[j] = 0;
	d->n++;
	*slot = j;
	return DUPSET_NEW;
}

void
dupset_prefetch(const struct dupset *d, uint64_t key)
{
#if defined(__GNUC__) || defined(__clang__)
	if (d->cap) {
		size_t j = slots_of(key, d->cap);

		__builtin_prefetch(&d->slot[j], 1);
		__builtin_prefetch(&d->more[j], 1);
		__builtin_prefetch(&d->ref[j], 1);
	}
#else
	(void)d;
	(void)key;
#endif
}

int
dupset_next(const struct dupset *d, size_t *pos, uint64_t *key, uint32_t *ref)
{
	for (; *pos < d->cap; (*pos)++)
		if (d->slot[*pos]) {
			*key = d->slot[*pos] >> DUPSET_SELLER_BITS;
			*ref = d->ref[*pos];
			(*pos)++;
			return 1;
		}
	return 0;
}

uint32_t
dupset_ref(const struct dupset *d, size_t slot)
{
	return d->ref[slot];
}

void
dupset_set_ref(struct dupset *d, size_t slot, uint32_t ref)
{
	d->ref[slot] = ref;
}

void
dupset_release(struct dupset *d)
{
	free(d->slot);
	free(d->more);
	free(d->ref);
	dupset_init(d);
}

uint32_t
dupset_hash(const char *p, size_t n)
{
	uint64_t h = hash_fnv1a64(p, n);

	return (uint32_t)(h ^ h >> 32);
}
