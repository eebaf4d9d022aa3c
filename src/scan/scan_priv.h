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

/* scan_listing in parts: the identifiers, the TAC brand check, the price
 * and model (out is reset first); then the phrase matches of the listing's
 * texts and the cue matches around them, judged by the cue rules
 * (judge.c).  With text_none the caller knows that no field but an IMEI
 * column holds an identifier (a first pass found none, out->text_ids):
 * only IMEI columns are read. */
void scan_identifiers(const struct scan *s, const struct scan_listing *in,
    struct scan_result *out, int text_none);
/* The same without the TAC brands (no tac_brand_mismatch): what a first
 * pass that collects IMEIs, models and prices needs. */
void scan_identifiers_light(const struct scan *s, const struct scan_listing *in,
    struct scan_result *out);

/* A match in one of a listing's fields. */
struct scan_ev {
	uint32_t idx;		/* phrase or cue */
	uint32_t field;
	uint32_t off, len;
};

/* The reasons a result's own findings add at the end (a limit reached). */
void scan_finish_result(struct scan_result *out);

/* 1 when the listing's category column names accessories or SIM cards, in
 * the languages of the markets (and a few words stores use): only bypass and
 * theft phrases count there, and its price is no phone's price.  Pure. */
int scan_accessory_category(const struct scan_listing *in);

/* Judges the phrase matches ph (nph, in any order) with the cue matches
 * (ncue) of the same listing: fills out's hits, their status, reasons and
 * signals.  ph and cue are scratch: reordered.  Pure. */
void scan_judge(const struct scan *s, const struct scan_listing *in, struct scan_ev *ph,
    size_t nph, struct scan_ev *cue, size_t ncue, struct scan_result *out);


/* Matches of many texts, sorted by text (many.c). */
struct scan_many_hits {
	struct scan_many_hit { uint32_t text, idx, off, len; } *hits, *sorted;
	size_t *first;			/* per text: its first sorted hit */
	size_t nhits, caphits, capsorted, capfirst;
};

/* Scratch space for scan_many, kept from one call to the next. */
struct scan_many {
	struct matcher_text *texts;	/* the title and text fields */
	struct scan_text_at { size_t listing; uint32_t field; } *where;
	size_t *listing_first;		/* per listing: its first text */
	struct scan_many_hits ph;	/* phrase matches of every text */
	struct matcher_text *texts2;	/* the texts of listings with a phrase */
	uint32_t *text2_of;		/* texts2 -> texts */
	size_t *first2;			/* per text: its first texts2, or SIZE_MAX */
	struct scan_many_hits cue;	/* cue matches of texts2 */
	struct matcher_text *texts3;	/* the titles among texts2 */
	uint32_t *text3_of;		/* texts3 -> texts */
	size_t *first3;			/* per text: its first texts3, or SIZE_MAX */
	struct scan_many_hits acc;	/* accessory cue matches of texts3 */
	struct scan_ev *ev, *evc;	/* one listing's, for scan_judge */
	const unsigned char *text_none;	/* set by the caller, or NULL: per
					 * listing, scan_identifiers' text_none */
	const struct scan *scan;	/* while collecting */
	size_t ntexts, ntexts2, ntexts3;
	size_t captexts, capwhere, caplfirst, captexts2, captext2_of, capfirst2;
	size_t captexts3, captext3_of, capfirst3;
	size_t capev, capevc;
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

/* build.c: the bits of a ';'-joined list of language codes ("*": all). */
uint32_t scan_lang_bits(const char *list);
/* build_cues.c: the cue tables into s->cue and the cue matchers s->cm
 * and s->ca; 0, or -1 with e set.  cueset_release frees one set. */
int scan_build_cues(struct scan *s, struct error *e);
void scan_cueset_release(struct scan_cueset *set);

/* The filter that spares most fields the identifier search: 0 only when
 * (p, n) cannot hold an identifier (fewer than 14 digits in any script
 * the engine reads, and no E-notation).  The _exact one looks byte by
 * byte; the other, eight bytes at a time, must never say 0 where the
 * exact one says 1.  (the unit tests hold them to that). */
int scan_may_hold_id(const char *p, size_t n);
int scan_may_hold_id_exact(const char *p, size_t n);

#endif
