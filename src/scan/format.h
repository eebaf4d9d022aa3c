/* SPDX-License-Identifier: MIT */
/* format: a scanned listing written as a JSON line, a CSV row (wide: one
 * row a listing; long: one row a reason), or the keyed lines that
 * "handover dups" reads. */
#ifndef HANDOVER_FORMAT_H
#define HANDOVER_FORMAT_H

#include <stddef.h>

#include "lib/buf.h"
#include "scan/groups.h"
#include "scan/scan.h"

#define SCANFMT_SCHEMA 2	/* the "schema" of every finding */
#define SCANFMT_MAX_INCLUDE 16	/* --include-columns */

/* Where a duplicate identifier was first shown. */
struct scanfmt_first {
	const char *file;
	long row;
	const char *id, *seller;	/* NULL when the listing had none */
	size_t idlen, sellerlen;
	int day;		/* days since 1970-01-01, or 0: this run */
};

struct scanfmt_listing {
	const char *file;	/* the input's name */
	long line;		/* the physical line it starts on */
	long row;		/* the spreadsheet row (the header is 1), or the
				 * object's number in JSON */
	const char *id;		/* NULL when the listing has none */
	size_t idlen;
	const char *seller;	/* NULL when none */
	size_t sellerlen;
	const struct scan_field *f;	/* the fields ids[] and hits[] name */
	size_t nf;
	unsigned reasons;	/* duplicates included, allowed ones taken out */
	const struct scan_found *ids;
	size_t nids;
	const struct scanfmt_first *first;	/* per identifier (its duplicate
						 * flag says which), or NULL */
	const struct scan_hit *hits;
	size_t nhits;
	int strong;		/* counted phrases of weight 3 (the score) */
	const struct groups_seen *groups;	/* per identifier, or NULL */
	double price, median;	/* price_far_below: the price and the median */
	const char *currency;
	uint32_t nprices;	/* listings the median is of */
	const char *error;	/* a malformed row: what is wrong, else NULL */
	const char *allowed;	/* why reasons were set aside ("seller ..."), or NULL */
	const struct scan_field *include[SCANFMT_MAX_INCLUDE];	/* NULL: not there */
};

/* What the formats write again and again, made once, and the settings of
 * the run. */
struct scanfmt {
	const struct scan *scan;	/* borrowed */
	char *text;			/* the pieces, back to back */
	size_t *phrase_at;		/* per phrase: its piece is */
	size_t *phrase_len;		/* text + phrase_at[i], phrase_len[i] */
	size_t reason_at[SCAN_NREASONS], reason_len[SCAN_NREASONS];
	size_t why_at[SCAN_NREASONS], why_len[SCAN_NREASONS];
	char *head;		/* '{"schema":2,"file":NAME,"line":' (scanfmt_file) */
	size_t headlen;
	/* settings, set after init */
	int excel;		/* CSV: long digit runs as ="..." (text in Excel) */
	const char *include[SCANFMT_MAX_INCLUDE];	/* names, borrowed */
	size_t ninclude;
};

/* Returns 0, or -1 when out of memory. */
int scanfmt_init(struct scanfmt *f, const struct scan *s);
/* The file whose listings come next (its name goes in every finding).
 * Returns 0, or -1 when out of memory. */
int scanfmt_file(struct scanfmt *f, const char *name);
void scanfmt_release(struct scanfmt *f);

/*
 * {"schema":2,"file","line","row","id","seller","risk","score","reasons",
 * "why","allowed","error","identifiers","phrases","price","columns"} and a
 * newline; every field always there (null, [] or {} when empty).
 * Identifiers carry value, kind, valid, problem, explain (the words of
 * "handover imei"), brand, field, duplicate, first_seen and group
 * {listings, sellers, others: [{id, line}]} when other listings of this
 * export show it; phrases carry phrase, category, language, form_of,
 * field, offset (bytes), match, context, status (counted, weak, negated,
 * ...) and cue (the cue that cancelled it).  "score" is 0-100, to sort a
 * queue by; "price" {amount, currency, median, listings} comes with
 * price_far_below.
 */
void scanfmt_json(struct buf *b, const struct scanfmt *f, const struct scanfmt_listing *l);

/* The wide CSV: file, line, row, id, seller, risk, reasons, why,
 * identifiers, phrases (a phrase not counted says its status after its
 * language), context, first_seen, score, then the included columns.
 * A byte order mark first with excel. */
void scanfmt_csv_header(struct buf *b, const struct scanfmt *f);
void scanfmt_csv(struct buf *b, const struct scanfmt *f, const struct scanfmt_listing *l);

/* The long CSV, one row a reason (one with an empty reason for a listing
 * that has none): file, line, row, id, seller, risk, reason, reason_risk,
 * why, field, evidence, context, then the included columns. */
void scanfmt_long_header(struct buf *b, const struct scanfmt *f);
void scanfmt_long(struct buf *b, const struct scanfmt *f, const struct scanfmt_listing *l);

/* One "IMEI<TAB>listing<TAB>seller" line per valid IMEI (key != 0); the
 * listing is its id, else its line number; tabs and line ends in the id
 * and seller become spaces, and a value a spreadsheet would run
 * (buf_csv_would_run) gets a leading '. */
void scanfmt_keyed(struct buf *b, const struct scanfmt_listing *l);

#endif
