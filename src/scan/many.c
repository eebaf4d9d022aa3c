/* SPDX-License-Identifier: MIT */
/* many: many listings judged at once: their titles and descriptions go
 * through the phrase matcher side by side, then the texts of the listings
 * that matched a phrase through the cue matcher, side by side too; each
 * listing gets exactly what scan_listing would give it. */
#include <stdlib.h>
#include <string.h>

#include "lib/grow.h"
#include "scan/affix.h"
#include "scan/scan_priv.h"

void
scan_many_init(struct scan_many *w)
{
	memset(w, 0, sizeof *w);
}

static void
hits_release(struct scan_many_hits *h)
{
	free(h->hits);
	free(h->sorted);
	free(h->first);
}

void
scan_many_release(struct scan_many *w)
{
	free(w->texts);
	free(w->where);
	free(w->listing_first);
	free(w->texts2);
	free(w->text2_of);
	free(w->first2);
	free(w->texts3);
	free(w->text3_of);
	free(w->first3);
	hits_release(&w->acc);
	free(w->ev);
	free(w->evc);
	hits_release(&w->ph);
	hits_release(&w->cue);
	scan_many_init(w);
}

static int
push_hit(struct scan_many *w, struct scan_many_hits *h, const struct matcher_match *m)
{
	if (grow_array(&h->hits, &h->caphits, h->nhits + 1, sizeof *h->hits) != 0)
		return w->nomem = -1;
	h->hits[h->nhits].text = (uint32_t)m->text;
	h->hits[h->nhits].idx = (uint32_t)m->phrase;
	h->hits[h->nhits].off = (uint32_t)m->off;
	h->hits[h->nhits].len = (uint32_t)m->len;
	h->nhits++;
	return 0;
}

/* A phrase match, unless it is glued to letters that are no affix of it. */
static int
collect_phrase(void *ctx, const struct matcher_match *m)
{
	struct scan_many *w = ctx;
	const struct matcher_text *t = &w->texts[m->text];

	if (m->glued ? !scan_affix_glued_ok(w->scan->ph[m->phrase].affixes, t->p, t->n,
	    m->off, m->len, m->glued) : w->scan->ph[m->phrase].affix_only)
		return 0;
	return push_hit(w, &w->ph, m);
}

static int
collect_cue(void *ctx, const struct matcher_match *m)
{
	struct scan_many *w = ctx;
	const struct matcher_text *t = &w->texts2[m->text];

	if (m->glued && !scan_affix_glued_ok(w->scan->cm.affixes[m->phrase], t->p, t->n,
	    m->off, m->len, m->glued))
		return 0;
	return push_hit(w, &w->cue, m);
}

static int
collect_acc(void *ctx, const struct matcher_match *m)
{
	struct scan_many *w = ctx;

	return push_hit(w, &w->acc, m);
}

/* The hits ordered by text (stable: each text's in the matcher's order);
 * first[k] is where text k's hits begin. */
static int
sort_hits(struct scan_many_hits *h, size_t ntexts)
{
	size_t k, i;

	if (grow_array(&h->first, &h->capfirst, ntexts + 1, sizeof *h->first) != 0 ||
	    grow_array(&h->sorted, &h->capsorted, h->nhits + 1, sizeof *h->sorted) != 0)
		return -1;
	memset(h->first, 0, (ntexts + 1) * sizeof *h->first);
	for (i = 0; i < h->nhits; i++)
		h->first[h->hits[i].text + 1]++;
	for (k = 0; k < ntexts; k++)
		h->first[k + 1] += h->first[k];
	for (i = 0; i < h->nhits; i++)
		h->sorted[h->first[h->hits[i].text]++] = h->hits[i];
	/* the placing moved each start to the next text's: move back */
	for (k = ntexts; k > 0; k--)
		h->first[k] = h->first[k - 1];
	h->first[0] = 0;
	return 0;
}

/* The title and text fields of the n listings, in listing order. */
static int
gather_texts(struct scan_many *w, const struct scan_listing *in, size_t n)
{
	size_t i, f;

	w->ntexts = 0;
	if (grow_array(&w->listing_first, &w->caplfirst, n + 1, sizeof *w->listing_first) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		w->listing_first[i] = w->ntexts;
		for (f = 0; f < in[i].nf; f++) {
			if (!scan_role_has_phrases(in[i].f[f].role) || in[i].f[f].len == 0)
				continue;
			if (grow_array(&w->texts, &w->captexts, w->ntexts + 1, sizeof *w->texts) != 0 ||
			    grow_array(&w->where, &w->capwhere, w->ntexts + 1, sizeof *w->where) != 0)
				return -1;
			w->texts[w->ntexts].p = in[i].f[f].p;
			w->texts[w->ntexts].n = in[i].f[f].len;
			w->where[w->ntexts].listing = i;
			w->where[w->ntexts].field = (uint32_t)f;
			w->ntexts++;
		}
	}
	w->listing_first[n] = w->ntexts;
	return 0;
}

/* The texts of the listings that matched a phrase, for the cue matcher,
 * and their titles, for the accessory cues. */
static int
gather_texts2(struct scan_many *w, const struct scan_listing *in, size_t n)
{
	size_t i, k;

	w->ntexts2 = w->ntexts3 = 0;
	if (grow_array(&w->first2, &w->capfirst2, w->ntexts + 1, sizeof *w->first2) != 0 ||
	    grow_array(&w->first3, &w->capfirst3, w->ntexts + 1, sizeof *w->first3) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		size_t a = w->listing_first[i], b = w->listing_first[i + 1];

		for (k = a; k < b; k++)
			w->first2[k] = w->first3[k] = SIZE_MAX;
		if (a == b || w->ph.first[a] == w->ph.first[b])
			continue;	/* no phrase in any of its texts */
		for (k = a; k < b; k++) {
			if (grow_array(&w->texts2, &w->captexts2, w->ntexts2 + 1,
			    sizeof *w->texts2) != 0 ||
			    grow_array(&w->text2_of, &w->captext2_of, w->ntexts2 + 1,
			    sizeof *w->text2_of) != 0)
				return -1;
			w->texts2[w->ntexts2] = w->texts[k];
			w->text2_of[w->ntexts2] = (uint32_t)k;
			w->first2[k] = w->ntexts2++;
			if (in[i].f[w->where[k].field].role != SCAN_TITLE)
				continue;
			if (grow_array(&w->texts3, &w->captexts3, w->ntexts3 + 1,
			    sizeof *w->texts3) != 0 ||
			    grow_array(&w->text3_of, &w->captext3_of, w->ntexts3 + 1,
			    sizeof *w->text3_of) != 0)
				return -1;
			w->texts3[w->ntexts3] = w->texts[k];
			w->text3_of[w->ntexts3] = (uint32_t)k;
			w->first3[k] = w->ntexts3++;
		}
	}
	return 0;
}

/* Appends the hits of text t (of hs) to w->evc as cue events of field f,
 * one for each cue row a text stands for. */
static int
cue_events(struct scan_many *w, const struct scan_many_hits *hs, size_t t, uint32_t f,
    const struct scan_cueset *set, size_t *ncue)
{
	size_t h, r, from = hs->first[t], to = hs->first[t + 1];

	for (h = from; h < to; h++) {
		uint32_t p = hs->sorted[h].idx, a = set->at[p], b = set->at[p + 1];

		if (grow_array(&w->evc, &w->capevc, *ncue + (b - a) + 1, sizeof *w->evc) != 0)
			return -1;
		for (r = a; r < b; r++, (*ncue)++) {
			w->evc[*ncue].idx = set->rows[r];
			w->evc[*ncue].field = f;
			w->evc[*ncue].off = hs->sorted[h].off;
			w->evc[*ncue].len = hs->sorted[h].len;
		}
	}
	return 0;
}

/* Listing i's matches as events with their fields, into w->ev and w->evc;
 * their counts in *nph and *ncue. */
static int
listing_events(struct scan_many *w, size_t i, size_t *nph, size_t *ncue)
{
	size_t k, h, a = w->listing_first[i], b = w->listing_first[i + 1];

	*nph = *ncue = 0;
	for (k = a; k < b; k++) {
		size_t from = w->ph.first[k], to = w->ph.first[k + 1];

		if (grow_array(&w->ev, &w->capev, *nph + (to - from) + 1, sizeof *w->ev) != 0)
			return -1;
		for (h = from; h < to; h++, (*nph)++) {
			w->ev[*nph].idx = w->ph.sorted[h].idx;
			w->ev[*nph].field = w->where[k].field;
			w->ev[*nph].off = w->ph.sorted[h].off;
			w->ev[*nph].len = w->ph.sorted[h].len;
		}
		if (w->first2[k] != SIZE_MAX && cue_events(w, &w->cue, w->first2[k],
		    w->where[k].field, &w->scan->cm, ncue) != 0)
			return -1;
		if (w->first3[k] != SIZE_MAX && cue_events(w, &w->acc, w->first3[k],
		    w->where[k].field, &w->scan->ca, ncue) != 0)
			return -1;
	}
	return 0;
}

int
scan_many(const struct scan *s, struct scan_many *w, const struct scan_listing *in,
    size_t n, scan_many_fn fn, void *ctx, struct scan_result *res)
{
	size_t i, nph, ncue;

	w->nomem = 0;
	w->scan = s;
	w->ph.nhits = w->cue.nhits = w->acc.nhits = 0;
	if (gather_texts(w, in, n) != 0)
		return -1;
	matcher_run_many(&s->m, w->texts, w->ntexts, collect_phrase, w);
	if (w->nomem || sort_hits(&w->ph, w->ntexts) != 0 || gather_texts2(w, in, n) != 0)
		return -1;
	if (w->ntexts2)
		matcher_run_many(&s->cm.m, w->texts2, w->ntexts2, collect_cue, w);
	if (w->ntexts3)
		matcher_run_many(&s->ca.m, w->texts3, w->ntexts3, collect_acc, w);
	if (w->nomem || sort_hits(&w->cue, w->ntexts2) != 0 ||
	    sort_hits(&w->acc, w->ntexts3) != 0)
		return -1;
	/* the texts are in listing order, so one walk hands them out */
	for (i = 0; i < n; i++) {
		scan_identifiers(s, &in[i], res, w->text_none && w->text_none[i]);
		if (listing_events(w, i, &nph, &ncue) != 0)
			return -1;
		if (nph)
			scan_judge(s, &in[i], w->ev, nph, w->evc, ncue, res);
		scan_finish_result(res);
		if (fn(ctx, i, res) != 0)
			return 1;
	}
	return 0;
}
