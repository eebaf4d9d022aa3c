/* SPDX-License-Identifier: MIT */
/* scan_output: the output side of "handover scan": each batch's findings
 * made where it was scanned, then in input order the duplicates, counts
 * and writing, and the summary (cmd/scan_input.c does the reading). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lib/grow.h"
#include "cmd/scan_run.h"
#include "scan/format.h"

double
cli_scan_now(void)
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

static void
count(struct scan_run *r, unsigned reasons)
{
	enum scan_risk k = scan_risk_of(reasons);
	int i;

	r->listings++;
	if (k != SCAN_OK)
		r->flagged++;
	if (k == SCAN_STOP)
		r->stop++;
	for (i = 0; i < SCAN_NREASONS; i++)
		if (reasons & (1u << i))
			r->per_reason[i]++;
}

/* The listing rec is, as the formats take it (reasons as scanned). */
static int
listing_of(struct pipeline_batch *b, const struct pipeline_rec *rec,
    struct scanfmt_listing *l)
{
	const struct scan_field *f;

	memset(l, 0, sizeof *l);
	l->line = rec->line;
	if (rec->bad) {
		l->reasons = 1u << SCAN_MALFORMED_ROW;
		l->error = b->bytes + rec->msg_off;
		return 0;
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
	l->reasons = rec->res.reasons;
	l->ids = b->found + rec->res.first_id;
	l->nids = rec->res.nids;
	l->hits = b->hits + rec->res.first_hit;
	l->nhits = rec->res.nhits;
	return 0;
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
	else
		scanfmt_json(out, &r->fmt, l);
}

int
cli_scan_prepare(void *ctx, struct pipeline_batch *b)
{
	const struct scan_run *r = ctx;
	size_t i;

	/* the keys the ordered duplicate check reads, eight to a cache line
	 * (it may run on another thread) */
	if (grow_array(&b->keys, &b->capkeys, b->nfound, sizeof *b->keys) != 0)
		return -1;
	for (i = 0; i < b->nfound; i++)
		b->keys[i] = b->found[i].key;

	for (i = 0; i < b->nrec; i++) {
		struct pipeline_rec *rec = &b->rec[i];
		struct scanfmt_listing l;

		if (listing_of(b, rec, &l) != 0)
			return -1;
		rec->seller_hash = l.seller ? dupset_hash(l.seller, l.sellerlen) : 0;
		rec->out_off = b->out.len;
		format(r, &b->out, &l);
		rec->out_len = b->out.len - rec->out_off;
	}
	return b->out.err ? -1 : 0;
}

/* Duplicates across listings, in input order so the output does not
 * depend on threads: marks the IMEIs seen before and returns the reasons
 * they add. */
#define PREFETCH_AHEAD 12	/* IMEIs whose slots are being loaded */

static unsigned
check_dups(struct scan_run *r, struct pipeline_batch *b, const struct pipeline_rec *rec)
{
	const uint64_t *keys = b->keys + rec->res.first_id;
	unsigned add = 0;
	size_t i, ahead = rec->res.first_id + PREFETCH_AHEAD;

	for (i = 0; i < rec->res.nids; i++, ahead++) {
		size_t slot;
		int d;

		if (ahead < b->nfound && b->keys[ahead])
			dupset_prefetch(&r->seen, b->keys[ahead]);
		if (!keys[i])
			continue;
		d = dupset_add(&r->seen, keys[i], rec->seller_hash, &slot);
		if (d == DUPSET_NOMEM)
			r->nomem = 1;
		if (d <= DUPSET_NEW)
			continue;
		b->found[rec->res.first_id + i].duplicate = 1;
		add |= 1u << (d == DUPSET_OTHER_SELLER ? SCAN_DUP_OTHER_SELLER :
		    SCAN_DUP_SAME_SELLER);
	}
	return add;
}

int
cli_scan_finish(void *ctx, struct pipeline_batch *b)
{
	struct scan_run *r = ctx;
	size_t i, from = 0;	/* prepared output not yet written */

	if (r->outfmt != SCAN_OUT_KEYED)	/* the first ones; check_dups the rest */
		for (i = 0; i < b->nfound && i < PREFETCH_AHEAD; i++)
			if (b->keys[i])
				dupset_prefetch(&r->seen, b->keys[i]);
	for (i = 0; i < b->nrec; i++) {
		struct pipeline_rec *rec = &b->rec[i];
		unsigned add = 0;

		if (rec->bad) {
			r->malformed++;
			count(r, 1u << SCAN_MALFORMED_ROW);
			continue;
		}
		if (r->outfmt != SCAN_OUT_KEYED)
			add = check_dups(r, b, rec);
		count(r, rec->res.reasons | add);
		if (add) {
			/* a duplicate: this one is written anew */
			struct scanfmt_listing l;

			buf_put(&r->out, b->out.mem + from, rec->out_off - from);
			from = rec->out_off + rec->out_len;
			if (listing_of(b, rec, &l) != 0)
				return r->nomem = -1;
			l.reasons |= add;
			format(r, &r->out, &l);
		}
	}
	buf_put(&r->out, b->out.mem + from, b->out.len - from);
	return r->out.err || r->nomem ? -1 : 0;
}

void
cli_scan_summary(struct scan_run *r, double secs)
{
	double mb = (double)r->in.bytes / 1e6;
	int i, any = 0;

	if (r->quiet)
		return;
	fprintf(stderr, "handover scan: %lld listings, %lld flagged (%lld stop, %lld caution), "
	    "%lld malformed\n", r->listings, r->flagged, r->stop, r->flagged - r->stop,
	    r->malformed);
	for (i = 0; i < SCAN_NREASONS; i++) {
		if (!r->per_reason[i])
			continue;
		fprintf(stderr, "%s%s %lld", any ? ", " : "  ", scan_reason_code((enum scan_reason)i),
		    r->per_reason[i]);
		any = 1;
	}
	if (any)
		fputc('\n', stderr);
	fprintf(stderr, "  %.1f MB in %.2f s, %.1f MB/s\n", mb, secs,
	    secs > 0 ? mb / secs : 0.0);
}
