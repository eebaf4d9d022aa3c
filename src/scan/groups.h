/* SPDX-License-Identifier: MIT */
/* groups: what a listing shares with the rest of the export: the other
 * listings that show one of its IMEIs (whole groups, sellers told apart
 * exactly) and the prices of the same model. */
#ifndef HANDOVER_GROUPS_H
#define HANDOVER_GROUPS_H

#include <stddef.h>
#include <stdint.h>

/*
 * Two ways to use it.  On a file read twice (GROUPS_TWO_PASS): the first
 * pass notes every listing (groups_note), groups_seal ends it, and the
 * second pass asks about each listing in input order (groups_judge) and,
 * from any thread, about prices (groups_price): every listing of a group
 * is flagged and names the others, and a price is compared with the
 * median of the whole export.  On a stream read once (GROUPS_STREAM):
 * groups_judge notes each listing as it asks, so a listing is compared
 * with the listings before it only: the first of a group is not flagged,
 * and a price is compared once its model has GROUPS_MIN_PRICES listings.
 *
 * Memory: 8 bytes a slot for each distinct IMEI, at most four fifths
 * full (on a stream 12, and 24 bytes and the seller's name for the first
 * listing of each); the ids and sellers of the listings of groups; up to
 * GROUPS_SAMPLE prices a model.
 */

#define GROUPS_MIN_PRICES 5	/* listings of a model and currency with a
				 * price before its median is trusted */
#define GROUPS_FAR_BELOW 0.4	/* below this share of the median: far below */
#define GROUPS_SAMPLE 255	/* prices kept a model (a uniform sample of
				 * more), for its median */
#define GROUPS_OTHERS 10	/* other listings named per identifier */
#define GROUPS_MAX_MEMBERS 4096	/* listings of a group whose ids are kept */

enum { GROUPS_TWO_PASS, GROUPS_STREAM };

/* What the groups need of a listing (all borrowed for the call). */
struct groups_listing {
	uint64_t ordinal;	/* its number in the input, from 0 */
	long line;
	const char *id;		/* NULL when it has none */
	size_t idlen;
	const char *seller;	/* NULL when none */
	size_t sellerlen;
	uint64_t model_key;	/* 0 when none */
	double price;		/* 0 when none */
	const char *currency;	/* "" when none */
	const uint64_t *keys;	/* its valid IMEIs (ident_imei_key); 0s skipped */
	size_t nkeys;
};

/* Another listing of a group: its id, else its line. */
struct groups_other {
	const char *id;		/* NULL when it has none (or on a stream, the
				 * first listing: only its line is kept) */
	size_t idlen;
	long line;
};

/* What groups_judge says of one IMEI of a listing. */
struct groups_seen {
	uint32_t listings;	/* listings that show it, this one too (on a
				 * stream: so far); 1 when alone */
	uint32_t sellers;	/* different sellers among them */
	size_t nothers;
	struct groups_other others[GROUPS_OTHERS];
};

struct groups_price_seen {
	double median;		/* of the model and currency, or 0 */
	uint32_t listings;	/* with a price, the median's base */
};

struct groups {
	int mode;
	/* the IMEIs: slot = key << 1 | grouped (0: free); on a stream, ref =
	 * the index into first[] of the IMEI's first listing */
	uint64_t *slot;
	uint32_t *ref;
	size_t cap, n;
	uint64_t *gkey;			/* grouped IMEIs -> their group */
	uint32_t *gidx;
	size_t gcap, ngkey;
	struct groups_first *first;	/* stream: an IMEI's first listing */
	size_t nfirst, capfirst;
	struct groups_group *grp;
	size_t ngrp, capgrp;
	struct groups_member *mem;
	size_t nmem, capmem;
	struct groups_seller *sel;	/* the groups' distinct sellers, listed */
	size_t nsel, capsel;
	char *text;			/* ids and sellers, back to back */
	size_t textlen, textcap;
	/* prices: by model and currency */
	struct groups_model *pg;
	size_t npg, cappg;
	uint32_t *pslot;		/* index + 1 into pg, 0: free */
	size_t pcap;
	int nomem;			/* something could not be kept */
};

int groups_init(struct groups *g, int mode);
void groups_release(struct groups *g);
/* Room for n IMEIs ahead (a file's size says roughly how many). */
int groups_reserve(struct groups *g, size_t n);

/* A hint that key is about to be looked up: starts loading its slot, so
 * that a batch of keys waits for memory once rather than once a key. */
void groups_prefetch(const struct groups *g, uint64_t key);

/* Two passes: the first pass's note of a listing, in input order.
 * Returns 0, or -1 when out of memory. */
int groups_note(struct groups *g, const struct groups_listing *l);
/* Two passes: the first pass is over. */
void groups_seal(struct groups *g);

/*
 * In input order: the listing's IMEIs (seen[k] for keys[k], nothing
 * written for a 0 key) and the reasons they give (1u << enum
 * scan_reason: duplicate_imei_other_seller when another seller shows one
 * of them, duplicate_imei_same_seller when one seller did under another
 * model or a seller is missing, repost when one seller listed the same
 * model again).  On a stream it notes the listing first, its price too,
 * and fills *price (the price verdict's reasons are added).  Strings in
 * seen are borrowed from g until the next call.  Returns the reasons.
 */
unsigned groups_judge(struct groups *g, const struct groups_listing *l,
    struct groups_seen *seen, struct groups_price_seen *price);

/* Two passes, after groups_seal, from any thread: the price verdict of a
 * listing: 1 u<< price_far_below or 0, and the median in *price. */
unsigned groups_price(const struct groups *g, uint64_t model_key, const char *currency,
    double amount, struct groups_price_seen *price);

#endif
