/* SPDX-License-Identifier: MIT */
/* dupset: the compact set of IMEIs a scan has seen, each with the seller
 * and line of the first listing that showed it. */
#ifndef HANDOVER_DUPSET_H
#define HANDOVER_DUPSET_H

#include <stddef.h>
#include <stdint.h>

/*
 * Open addressing with linear probing over keys from ident_imei_key (never
 * 0, so 0 marks a free slot).  A slot is 16 bytes: the key (8), a 32-bit
 * hash of the first listing's seller (4) and its line (4, saturating at
 * 2^32 - 1).  The table doubles when it is 3/4 full, so a set of n IMEIs
 * takes between 21 and 43 bytes an IMEI.  Two sellers whose hashes
 * collide (about one pair in 4 billion) count as the same seller.
 */

enum {
	DUPSET_NEW = 0,		/* first time: inserted */
	DUPSET_SAME_SELLER = 1,	/* seen before, with the same seller */
	DUPSET_OTHER_SELLER = 2,	/* seen before, with another seller */
	DUPSET_NOMEM = -1	/* could not grow: not inserted */
};

struct dupset_slot {
	uint64_t key;
	uint32_t seller;
	uint32_t line;
};

struct dupset {
	struct dupset_slot *slot;
	size_t cap;		/* a power of two, or 0 */
	size_t n;
};

void dupset_init(struct dupset *d);
/*
 * Looks key (non-zero) up; inserts it with seller and line when new.
 * Returns a DUPSET_ value; for a key seen before, *first_line is the line
 * of the listing that showed it first.
 */
int dupset_add(struct dupset *d, uint64_t key, uint32_t seller, long line,
    long *first_line);
void dupset_release(struct dupset *d);

/* FNV-1a over bytes: the seller hash dupset_add takes. */
uint32_t dupset_hash(const char *p, size_t n);

#endif
