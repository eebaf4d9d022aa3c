/* SPDX-License-Identifier: MIT */
/* scan_priv: what the scan's own files share (scan.c judges a listing,
 * many.c many at once, prefilter.c spares fields the identifier search,
 * pipeline.c runs batches through them); nothing outside src/scan/ but
 * the unit tests includes it. */
#ifndef HANDOVER_SCAN_PRIV_H
#define HANDOVER_SCAN_PRIV_H

#include <stddef.h>
#include <stdint.h>

#include "lib/matcher.h"
#include "scan/scan.h"

/* scan_listing in two parts: the identifiers and the TAC brand check
 * (out is reset first), then each phrase match (m->phrase at m->off,
 * m->len in field), which counts once per phrase and field. */
void scan_identifiers(const struct scan *s, const struct scan_listing *in,
    struct scan_result *out);
void scan_add_hit(const struct scan *s, struct scan_result *out, uint32_t field,
    const struct matcher_match *m);

/* Scratch space for scan_many, kept from one call to the next. */
struct scan_many {
	struct matcher_text *texts;	/* the title and text fields */
	struct scan_text_at { size_t listing; uint32_t field; } *where;
	struct scan_many_hit { uint32_t text, phrase, off, len; } *hits, *sorted;
	size_t *first;			/* per text: its first sorted hit */
	size_t ntexts, nhits;
	size_t captexts, capwhere, caphits, capsorted, capfirst;
	int nomem;
};

void scan_many_init(struct scan_many *w);
void scan_many_release(struct scan_many *w);

/* Called with each listing's result, in input order; res is reused for
 * the next listing.  A non-zero return stops scan_many. */
typedef int (*scan_many_fn)(void *ctx, size_t listing, const struct scan_result *res);

/*
 * Judges the n listings in, exactly as scan_listing would one by one,
 * but with the phrase matcher running over all their texts side by side
 * (matcher_run_many): several times faster on short texts.  res is
 * scratch for one result.  Returns 0, 1 when fn stopped it, or -1 when
 * out of memory (w says nothing then).
 */
int scan_many(const struct scan *s, struct scan_many *w, const struct scan_listing *in,
    size_t n, scan_many_fn fn, void *ctx, struct scan_result *res);

/* The filter that spares most fields the identifier search: 0 only when
 * (p, n) cannot hold an identifier (fewer than 14 digits in any script
 * the engine reads, and no E-notation).  The _exact one looks byte by
 * byte; the other, eight bytes at a time, must never say 0 where the
 * exact one says 1 (the unit tests hold them to that). */
int scan_may_hold_id(const char *p, size_t n);
int scan_may_hold_id_exact(const char *p, size_t n);

#endif
