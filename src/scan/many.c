/* SPDX-License-Identifier: MIT */
/* many: many listings judged at once, their titles and descriptions
 * going through the phrase matcher side by side; each listing gets exactly
 * what scan_listing would give it. */
#include <stdlib.h>
#include <string.h>

#include "lib/grow.h"
#include "scan/scan_priv.h"

void
scan_many_init(struct scan_many *w)
{
	memset(w, 0, sizeof *w);
}

void
scan_many_release(struct scan_many *w)
{
	free(w->texts);
	free(w->where);
	free(w->first);
	free(w->hits);
	free(w->sorted);
	scan_many_init(w);
}

static int
collect_hit(void *ctx, const struct matcher_match *m)
{
	struct scan_many *w = ctx;

	if (grow_array(&w->hits, &w->caphits, w->nhits + 1, sizeof *w->hits) != 0)
		return w->nomem = -1;
	w->hits[w->nhits].text = (uint32_t)m->text;
	w->hits[w->nhits].phrase = (uint32_t)m->phrase;
	w->hits[w->nhits].off = (uint32_t)m->off;
	w->hits[w->nhits].len = (uint32_t)m->len;
	w->nhits++;
	return 0;
}

/* The hits ordered by text (stable: each text's in the matcher's order);
 * first[k] is where text k's hits begin. */
static int
sort_hits(struct scan_many *w)
{
	size_t k, i;

	if (grow_array(&w->first, &w->capfirst, w->ntexts + 1, sizeof *w->first) != 0 ||
	    grow_array(&w->sorted, &w->capsorted, w->nhits + 1, sizeof *w->sorted) != 0)
		return -1;
	memset(w->first, 0, (w->ntexts + 1) * sizeof *w->first);
	for (i = 0; i < w->nhits; i++)
		w->first[w->hits[i].text + 1]++;
	for (k = 0; k < w->ntexts; k++)
		w->first[k + 1] += w->first[k];
	for (i = 0; i < w->nhits; i++)
		w->sorted[w->first[w->hits[i].text]++] = w->hits[i];
	/* the placing moved each start to the next text's: move back */
	for (k = w->ntexts; k > 0; k--)
		w->first[k] = w->first[k - 1];
	w->first[0] = 0;
	return 0;
}

int
scan_many(const struct scan *s, struct scan_many *w, const struct scan_listing *in,
    size_t n, scan_many_fn fn, void *ctx, struct scan_result *res)
{
	size_t i, k, f, h;

	w->ntexts = w->nhits = 0;
	w->nomem = 0;
	for (i = 0; i < n; i++)
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
	matcher_run_many(&s->m, w->texts, w->ntexts, collect_hit, w);
	if (w->nomem || sort_hits(w) != 0)
		return -1;
	/* the texts are in listing order, so one walk hands them out */
	for (i = 0, k = 0; i < n; i++) {
		scan_identifiers(s, &in[i], res);
		for (; k < w->ntexts && w->where[k].listing == i; k++)
			for (h = w->first[k]; h < w->first[k + 1]; h++) {
				struct matcher_match m;

				m.phrase = w->sorted[h].phrase;
				m.off = w->sorted[h].off;
				m.len = w->sorted[h].len;
				m.text = k;
				scan_add_hit(s, res, w->where[k].field, &m);
			}
		if (fn(ctx, i, res) != 0)
			return 1;
	}
	return 0;
}
