/* SPDX-License-Identifier: MIT */
/* dupset: the compact set of IMEIs a scan has seen, each with a hash of
 * the seller of the first listing that showed it. */
#ifndef HANDOVER_DUPSET_H
#define HANDOVER_DUPSET_H

#include <stddef.h>
#include <stdint.h>

/*
 * Open addressing with linear probing over keys from ident_imei_key (the
 * 14-digit IMEI body plus one: never 0 and below 2^47).  A slot is 8
 * bytes: the key in the top 47 bits, the low 17 bits of the first seller's
 * hash below it; 0 marks a free slot.  The other 15 bits of the hash are
 * kept in a second array beside the slots (2 bytes a slot), so the whole
 * 32-bit hash tells sellers apart: two different sellers count as the same
 * one pair in 4.3 billion.  A third array holds, per slot, a 32-bit
 * reference the caller gives a new key (where the IMEI was first seen:
 * scan/seen.h).  The table doubles when it is 4/5 full, so a set of n IMEIs
 * takes 17.5 to 35 bytes an IMEI (and, while it doubles, the old table too).
 */

enum {
	DUPSET_NEW = 0,		/* first time: inserted */
	DUPSET_SAME_SELLER = 1,	/* seen before, with the same seller */
	DUPSET_OTHER_SELLER = 2,	/* seen before, with another seller */
	DUPSET_NOMEM = -1,	/* could not grow: not inserted */
	DUPSET_BADKEY = -2	/* 0, or 2^47 and above */
};

#define DUPSET_KEY_BITS 47
#define DUPSET_SELLER_BITS 17

struct dupset {
	uint64_t *slot;
	uint16_t *more;		/* per slot: seller hash bits 17-31 */
	uint32_t *ref;		/* per slot: the caller's reference */
	size_t cap;		/* a power of two, or 0 */
	size_t n;
};

void dupset_init(struct dupset *d);
/* Looks key up; inserts it with seller when new.  Returns a DUPSET_
 * value; *slot is then the key's slot (for dupset_ref, dupset_set_ref),
 * until the next dupset_add or dupset_reserve. */
int dupset_add(struct dupset *d, uint64_t key, uint32_t seller, size_t *slot);
/* The keys one after another, in no order: from *pos = 0, 1 and the key
 * and its reference while there is one more, then 0. */
int dupset_next(const struct dupset *d, size_t *pos, uint64_t *key, uint32_t *ref);
/* The reference kept in a slot (0 until one is set). */
uint32_t dupset_ref(const struct dupset *d, size_t slot);
void dupset_set_ref(struct dupset *d, size_t slot, uint32_t ref);
void dupset_release(struct dupset *d);
/* Makes room for n keys at once, so that adding them moves nothing.
 * Returns 0, or -1 when out of memory (the set is as it was). */
int dupset_reserve(struct dupset *d, size_t n);
/* A hint that key is about to be added: starts loading its slot, so that
 * a batch of keys waits for memory once rather than once a key. */
void dupset_prefetch(const struct dupset *d, uint64_t key);

/* The seller hash dupset_add takes: lib/hash.h's FNV-1a folded to 32
 * bits. */
uint32_t dupset_hash(const char *p, size_t n);

#endif
