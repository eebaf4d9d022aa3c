/* SPDX-License-Identifier: MIT */
/* scan_output: the output side of "handover scan": each batch's findings
 * made where it was scanned, then in input order the duplicates, counts
 * and writing (cmd/scan_input.c does the reading, cmd/scan_after.c what
 * is written once the inputs are read). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd/scan_run.h"
#include "lib/grow.h"
#include "scan/format.h"

enum { ALLOWED_NONE, ALLOWED_SELLER, ALLOWED_CATEGORY };

double
scan_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The first non-empty field of a role, or NULL. */
static const struct scan_field *
first_of(const struct scan_field *f, size_t nf, enum scan_role role)
{
	size_t i;

	for (i = 0; i < nf; i++)
		if (f[i].role == role && f[i].len)
			return &f[i];
	return NULL;
}

/* ------------------------------------------------------- per listing */

/* The listing rec is, as the formats take it (reasons as scanned, less
 * the ones its file and rules set aside).  why holds the words of
 * l->allowed. */
static void
listing_of(const struct scan_run *r, const struct pipeline_batch *b,
    const struct pipeline_rec *rec, struct scanfmt_listing *l, char *why, size_t cap)
{
	const struct scan_field *f;
	size_t i;

	memset(l, 0, sizeof *l);
	l->file = r->file->name;
	l->line = rec->line;
	l->row = rec->row;
	if (rec->bad) {
		l->reasons = 1u << SCAN_MALFORMED_ROW;
		l->error = b->bytes + rec->msg_off;
		return;
	}
	l->f = b->sf + rec->first;	/* made when the batch was scanned */
	l->nf = rec->nf;
	if ((f = first_of(l->f, l->nf, SCAN_ID)) != NULL) {
		l->id = f->p;
		l->idlen = f->len;
	}
	if ((f = first_of(l->f, l->nf, SCAN_SELLER)) != NULL) {
		l->seller = f->p;
		l->sellerlen = f->len;
	}
	l->reasons = rec->res.reasons & rec->mask;
	l->strong = rec->res.strong;
	l->price = rec->res.price;
	l->currency = rec->res.currency;
	l->median = rec->res.median;
	l->nprices = rec->res.nprices;
	l->strong = rec->res.strong;
	l->ids = b->found + rec->res.first_id;
	l->nids = rec->res.nids;
	l->hits = b->hits + rec->res.first_hit;
	l->nhits = rec->res.nhits;
	if (r->fmt.ninclude)
		for (i = 0; i < rec->nf; i++) {
			int k = b->fld[rec->first + i].incl;

			if (k >= 0 && !l->include[k])
				l->include[k] = &l->f[i];
		}
	if ((rec->res.reasons & ~rec->mask) && rec->allowed == ALLOWED_SELLER)
		l->allowed = "seller: on the allow-list";
	else if ((rec->res.reasons & ~rec->mask) && rec->allowed == ALLOWED_CATEGORY &&
	    (f = first_of(l->f, l->nf, SCAN_CATEGORY)) != NULL) {
		snprintf(why, cap, "category: %.*s", (int)(f->len < 64 ? f->len : 64), f->p);
		l->allowed = why;
	}
}

/* What the config's rules and the file set aside for rec. */
static void
rules_of(const struct scan_run *r, const struct pipeline_batch *b, struct pipeline_rec *rec)
{
	const struct scan_field *f = b->sf + rec->first;
	const struct scan_field *x;
	unsigned ignore;

	rec->mask = r->file->mask;
	rec->allowed = ALLOWED_NONE;
	if (rec->bad)
		return;
	if (r->cfg.nallow_sellers && (x = first_of(f, rec->nf, SCAN_SELLER)) != NULL &&
	    config_seller_allowed(&r->cfg, x->p, x->len)) {
		rec->mask = 0;
		rec->allowed = ALLOWED_SELLER;
		return;
	}
	if (r->cfg.ncats && (x = first_of(f, rec->nf, SCAN_CATEGORY)) != NULL &&
	    (ignore = config_category_ignore(&r->cfg, x->p, x->len)) != 0) {
		rec->mask &= ~ignore;
		rec->allowed = ALLOWED_CATEGORY;
	}
}

/* Writes the listing in the run's output format (nothing for an ok one
 * under --only-flagged). */
static void
format(const struct scan_run *r, struct buf *out, const struct scanfmt_listing *l)
{
	if (r->outfmt == SCAN_OUT_KEYED)
		scanfmt_keyed(out, l);
	else if (r->only_flagged && scan_risk_of(l->reasons) == SCAN_OK)
		return;
	else if (r->outfmt == SCAN_OUT_CSV)
		scanfmt_csv(out, &r->fmt, l);
	else if (r->outfmt == SCAN_OUT_LONG)
		scanfmt_long(out, &r->fmt, l);
	else
		scanfmt_json(out, &r->fmt, l);
}

/* The keys the ordered steps read, eight to a cache line (they may run on
 * another thread); one more than the batch's identifiers, so that the
 * array is there even for a batch without any (keys + first_id must
 * point into an object: a null pointer plus 0 is undefined). */
static int
keep_keys(struct pipeline_batch *b)
{
	size_t i;

	if (grow_array(&b->keys, &b->capkeys, b->nfound + 1, sizeof *b->keys) != 0)
		return -1;
	for (i = 0; i < b->nfound; i++)
		b->keys[i] = b->found[i].key;
	return 0;
}

int
scan_output_prepare(void *ctx, struct pipeline_batch *b)
{
	const struct scan_run *r = ctx;
	char why[96];
	size_t i;

	if (keep_keys(b) != 0)
		return -1;
	for (i = 0; i < b->nrec; i++) {
		struct pipeline_rec *rec = &b->rec[i];
		struct scanfmt_listing l;

		/* the second of two passes: the export's medians are known,
		 * and read by every thread */
		if (r->pass == 2 && !rec->bad) {
			struct groups_price_seen ps;
			unsigned v = groups_price(&r->groups, rec->res.model_key, rec->res.currency,
			    rec->res.price, &ps);

			if (v) {
				rec->res.median = ps.median;
				rec->res.nprices = ps.listings;
			}
			rec->res.reasons = scan_combine(rec->res.reasons | v, rec->res.signals);
		}
		rules_of(r, b, rec);
		listing_of(r, b, rec, &l, why, sizeof why);
		rec->seller_hash = l.seller ? dupset_hash(l.seller, l.sellerlen) : 0;
		rec->out_off = b->out.len;
		format(r, &b->out, &l);
		rec->out_len = b->out.len - rec->out_off;
	}
	return b->out.err ? -1 : 0;
}

/* --------------------------------------------------- in input order */

static void
count(struct scan_run *r, const struct pipeline_batch *b, const struct pipeline_rec *rec,
    unsigned reasons)
{
	enum scan_risk k = scan_risk_of(reasons);
	const struct scan_field *cat = NULL;

	r->file->listings++;
	r->file->flagged += k != SCAN_OK;
	r->file->stop += k == SCAN_STOP;
	if (rec->bad) {
		scan_stats_listing(&r->stats, reasons, NULL, 0, NULL, 0);
		return;
	}
	if (r->file->has_category)
		cat = first_of(b->sf + rec->first, rec->nf, SCAN_CATEGORY);
	scan_stats_listing(&r->stats, reasons, b->hits + rec->res.first_hit, rec->res.nhits,
	    cat ? cat->p : NULL, cat ? cat->len : 0);
}

/* Where each duplicate identifier of rec was first shown. */
static void
first_of_ref(const struct scan_run *r, uint32_t ref, struct scanfmt_first *out)
{
	struct seen_entry e;

	memset(out, 0, sizeof *out);
	out->file = "";
	if (ref == SEEN_NONE)
		return;
	seen_get(&r->first, ref, &e);
	out->file = e.file;
	out->row = e.row;
	out->id = e.idlen ? e.id : NULL;
	out->idlen = e.idlen;
	out->seller = e.sellerlen ? e.seller : NULL;
	out->sellerlen = e.sellerlen;
	out->day = e.first_day;
}

#define PREFETCH_AHEAD 12	/* IMEIs whose slots are being loaded */

/* What the groups need of the listing rec. */
static void
groups_listing_of(struct scan_run *r, const struct pipeline_batch *b,
    const struct pipeline_rec *rec, struct groups_listing *gl)
{
	const struct scan_field *f = b->sf + rec->first, *x;

	memset(gl, 0, sizeof *gl);
	gl->ordinal = r->ordinal;
	gl->line = rec->line;
	if ((x = first_of(f, rec->nf, SCAN_ID)) != NULL) {
		gl->id = x->p;
		gl->idlen = x->len;
	}
	if ((x = first_of(f, rec->nf, SCAN_SELLER)) != NULL) {
		gl->seller = x->p;
		gl->sellerlen = x->len;
	}
	gl->model_key = rec->res.model_key;
	gl->price = rec->res.price;
	gl->currency = rec->res.currency;
	gl->keys = b->keys + rec->res.first_id;
	gl->nkeys = rec->res.nids;
}

/* Starts loading the slots of the first IMEIs of a batch; prefetch_ahead
 * the rest, a few keys ahead of the one looked up. */
static void
prefetch_first(struct scan_run *r, const struct pipeline_batch *b)
{
	size_t i;

	for (i = 0; i < b->nfound && i < PREFETCH_AHEAD; i++)
		if (b->keys[i]) {
			groups_prefetch(&r->groups, b->keys[i]);
			if (r->pass != 1)
				dupset_prefetch(&r->seen, b->keys[i]);
		}
}

static void
prefetch_ahead(struct scan_run *r, const struct pipeline_batch *b,
    const struct pipeline_rec *rec)
{
	size_t i, k = rec->res.first_id + PREFETCH_AHEAD;

	for (i = 0; i < rec->res.nids; i++, k++)
		if (k < b->nfound && b->keys[k]) {
			groups_prefetch(&r->groups, b->keys[k]);
			if (r->pass != 1)
				dupset_prefetch(&r->seen, b->keys[k]);
		}
}

int
scan_output_prepare1(void *ctx, struct pipeline_batch *b)
{
	(void)ctx;
	return keep_keys(b);
}

/* Notes, for the second pass, which of b's records hold no identifier
 * outside their IMEI columns.  When memory fails, the records from b on
 * are not noted: the second pass searches their texts, as without it. */
static void
note_text_none(struct scan_file *f, const struct pipeline_batch *b)
{
	size_t i, end = b->first_rec + b->nrec;

	if (f->ntext_none < b->first_rec ||	/* an earlier batch was not noted */
	    grow_array(&f->text_none, &f->captext_none, end / CHAR_BIT + 1, 1) != 0)
		return;
	for (i = 0; i < b->nrec; i++) {
		size_t at = b->first_rec + i;
		unsigned char bit = (unsigned char)(1u << (at % CHAR_BIT));

		if (!b->rec[i].bad && b->rec[i].res.text_ids == 0)
			f->text_none[at / CHAR_BIT] |= bit;
		else
			f->text_none[at / CHAR_BIT] &= (unsigned char)~bit;
	}
	f->ntext_none = end;
}

int
scan_output_finish1(void *ctx, struct pipeline_batch *b)
{
	struct scan_run *r = ctx;
	size_t i;

	note_text_none(r->file, b);
	prefetch_first(r, b);
	for (i = 0; i < b->nrec; i++, r->ordinal++) {
		const struct pipeline_rec *rec = &b->rec[i];
		struct groups_listing gl;

		if (rec->bad || (!rec->res.nids && !rec->res.model_key))
			continue;
		prefetch_ahead(r, b, rec);
		groups_listing_of(r, b, rec, &gl);
		if (groups_note(&r->groups, &gl) != 0)
			return r->nomem = -1;
	}
	return 0;
}

/* This run's duplicates (and, on a stream, prices), in input order so the
 * output does not depend on threads: the reasons they add, and r->gseen
 * for the listing's identifiers; *grouped when one is in a group. */
static unsigned
cross_listings(struct scan_run *r, struct pipeline_batch *b, struct pipeline_rec *rec,
    int *grouped)
{
	struct groups_listing gl;
	struct groups_price_seen ps;
	unsigned add;
	size_t k;

	*grouped = 0;
	for (k = 0; k < rec->res.nids && k < SCAN_MAX_IDS; k++)
		r->gseen[k].listings = 1;
	if (!rec->res.nids && (r->pass == 2 || !rec->res.model_key))
		return 0;
	groups_listing_of(r, b, rec, &gl);
	add = groups_judge(&r->groups, &gl, r->gseen, &ps);
	if (r->groups.nomem)
		r->nomem = 1;
	for (k = 0; k < rec->res.nids; k++)
		if (gl.keys[k] && r->gseen[k].listings > 1) {
			b->found[rec->res.first_id + k].duplicate = 1;
			*grouped = 1;
		}
	if (add & (1u << SCAN_PRICE_FAR_BELOW)) {
		rec->res.median = ps.median;
		rec->res.nprices = ps.listings;
	}
	return add;
}

/* The --seen store: notes where each IMEI was first shown, fills firsts[]
 * for the listing's duplicate identifiers, and returns the reasons an IMEI
 * of an earlier run adds (this run's groups judge its own duplicates,
 * sellers compared exactly: cross_listings). */
static unsigned
check_seen(struct scan_run *r, struct pipeline_batch *b, const struct pipeline_rec *rec,
    struct scanfmt_first *firsts)
{
	const uint64_t *keys = b->keys + rec->res.first_id;
	const struct scan_field *f = b->sf + rec->first, *id = NULL, *seller = NULL;
	unsigned add = 0;
	size_t i;
	int looked = 0, day = r->seen_path ? r->today : 0;

	for (i = 0; i < rec->res.nids; i++) {
		int grouped = r->gseen[i].listings > 1;
		size_t slot;
		uint32_t ref;
		int d;

		/* none until found: a key dupset could not take (out of memory)
		 * may still be a duplicate of this run's groups, and its
		 * first_seen must not be a stale entry */
		first_of_ref(r, SEEN_NONE, &firsts[i]);
		if (!keys[i] || (!grouped && r->seen_groups_only))
			continue;
		d = dupset_add(&r->seen, keys[i], rec->seller_hash, &slot);
		if (d == DUPSET_NOMEM)
			r->nomem = 1;
		if (d == DUPSET_NEW) {
			if (!looked) {
				id = first_of(f, rec->nf, SCAN_ID);
				seller = first_of(f, rec->nf, SCAN_SELLER);
				looked = 1;
			}
			ref = seen_add(&r->first, r->file->seen_no, rec->row, id ? id->p : "",
			    id ? id->len : 0, seller ? seller->p : "", seller ? seller->len : 0, day);
			dupset_set_ref(&r->seen, slot, ref);
			if (grouped)	/* the first of its group: first shown here */
				first_of_ref(r, ref, &firsts[i]);
			continue;
		}
		if (d < DUPSET_NEW)
			continue;
		ref = dupset_ref(&r->seen, slot);
		if (ref != SEEN_NONE)
			seen_touch(&r->first, ref, day, d == DUPSET_OTHER_SELLER);
		first_of_ref(r, ref, &firsts[i]);
		b->found[rec->res.first_id + i].duplicate = 1;
		if (!grouped)
			add |= 1u << (d == DUPSET_OTHER_SELLER ? SCAN_DUP_OTHER_SELLER :
			    SCAN_DUP_SAME_SELLER);
	}
	return add;
}

int
scan_output_finish(void *ctx, struct pipeline_batch *b)
{
	struct scan_run *r = ctx;
	struct scanfmt_first firsts[SCAN_MAX_IDS];
	size_t i, from = 0;	/* prepared output not yet written */
	char why[96];

	if (r->outfmt != SCAN_OUT_KEYED)	/* the first ones; prefetch_ahead the rest */
		prefetch_first(r, b);
	for (i = 0; i < b->nrec; i++, r->ordinal++) {
		struct pipeline_rec *rec = &b->rec[i];
		unsigned reasons = rec->res.reasons, add = 0;
		int grouped = 0;

		if (rec->bad) {
			r->file->malformed++;
			count(r, b, rec, 1u << SCAN_MALFORMED_ROW);
			continue;
		}
		if (r->outfmt != SCAN_OUT_KEYED) {
			prefetch_ahead(r, b, rec);
			add = cross_listings(r, b, rec, &grouped);
			add |= check_seen(r, b, rec, firsts);
			reasons = scan_combine(reasons | add, rec->res.signals);
		}
		count(r, b, rec, reasons & rec->mask);
		if (reasons != rec->res.reasons || grouped || add) {
			/* a duplicate, a price: this one is written anew */
			struct scanfmt_listing l;

			if (rec->out_off > from)	/* (mem is NULL while empty) */
				buf_put(&r->out, b->out.mem + from, rec->out_off - from);
			from = rec->out_off + rec->out_len;
			rec->res.reasons = reasons;
			listing_of(r, b, rec, &l, why, sizeof why);
			l.first = firsts;
			l.groups = grouped ? r->gseen : NULL;
			format(r, &r->out, &l);
		}
	}
	if (b->out.len > from)
		buf_put(&r->out, b->out.mem + from, b->out.len - from);
	return r->out.err || r->nomem ? -1 : 0;
}
