/* SPDX-License-Identifier: MIT */
/* format: a scanned listing written as a JSON line, a CSV row, or the
 * keyed lines that "handover dups" reads. */
#ifndef HANDOVER_FORMAT_H
#define HANDOVER_FORMAT_H

#include <stddef.h>

#include "lib/buf.h"
#include "scan/scan.h"

struct scanfmt_listing {
	long line;
	const char *id;		/* NULL when the listing has none */
	size_t idlen;
	const char *seller;	/* NULL when none */
	size_t sellerlen;
	const struct scan_field *f;	/* the fields ids[] and hits[] name */
	size_t nf;
	unsigned reasons;	/* duplicates included */
	const struct scan_found *ids;
	size_t nids;
	const struct scan_hit *hits;
	size_t nhits;
	const char *error;	/* a malformed row: what is wrong, else NULL */
};

/* What the formats write again and again, made once: each phrase's JSON
 * up to its field name, each reason code in quotes. */
struct scanfmt {
	const struct scan *scan;	/* borrowed */
	char *text;			/* the pieces, back to back */
	size_t *phrase_at;		/* per phrase: its piece is */
	size_t *phrase_len;		/* text + phrase_at[i], phrase_len[i] */
	size_t reason_at[SCAN_NREASONS], reason_len[SCAN_NREASONS];
};

/* Returns 0, or -1 when out of memory. */
int scanfmt_init(struct scanfmt *f, const struct scan *s);
void scanfmt_release(struct scanfmt *f);

/* {"id","line","risk","reasons","identifiers","phrases"} and a newline. */
void scanfmt_json(struct buf *b, const struct scanfmt *f, const struct scanfmt_listing *l);
void scanfmt_csv_header(struct buf *b);
/* id,line,risk,reasons,identifiers,phrases (RFC 4180 quoting). */
void scanfmt_csv(struct buf *b, const struct scanfmt *f, const struct scanfmt_listing *l);
/* One "IMEI<TAB>listing<TAB>seller" line per valid IMEI (key != 0); the
 * listing is its id, else its line number; tabs and line ends in the id
 * and seller become spaces. */
void scanfmt_keyed(struct buf *b, const struct scanfmt_listing *l);

#endif
