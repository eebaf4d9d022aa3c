/* SPDX-License-Identifier: MIT */
/* fuzz_matcher: the first lines of the input are phrases (a leading '!'
 * makes one whole-word), the rest is the text; every match must lie
 * inside the text, and a text of at most 4 KB without a sharp s must get
 * exactly the matches of the slow reference (tests/unit/matcher_ref.h:
 * folding, invisible characters, look-alikes, word boundaries).  The text
 * is also cut into texts at 0x1E bytes and run through matcher_run_many:
 * each text must get exactly the matches, in the same order, that
 * matcher_run gives it alone. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/matcher.h"
#include "../unit/matcher_ref.h"

#define MAX_TEXTS 64
#define MAX_HITS 4096

struct hits {
	const struct matcher_text *t;	/* the texts, or NULL for one */
	size_t n1;			/* the one text's length */
	size_t text[MAX_HITS], phrase[MAX_HITS], off[MAX_HITS], len[MAX_HITS];
	size_t n;
	int full;
};

static int
keep(void *ctx, const struct matcher_match *m)
{
	struct hits *h = ctx;
	size_t n = h->t ? h->t[m->text].n : h->n1;

	if (m->len == 0 || m->off + m->len > n)
		abort();
	if (h->n == MAX_HITS) {
		h->full = 1;
		return 0;
	}
	h->text[h->n] = m->text;
	h->phrase[h->n] = m->phrase;
	h->off[h->n] = m->off;
	h->len[h->n] = m->len;
	h->n++;
	return 0;
}

static int
has_bytes(const char *p, size_t n, const char *b, size_t k)
{
	size_t i;

	for (i = 0; i + k <= n; i++)
		if (memcmp(p + i, b, k) == 0)
			return 1;
	return 0;
}

/* The matches of the text (p, n) against the slow reference: the same
 * set (the matcher gives them in the order they end). */
static void
check_reference(const char *p, size_t n, const char *const *php, const size_t *phn,
    const unsigned *phf, size_t nph, const struct hits *one)
{
	static struct ref_hit want[MAX_HITS], got[MAX_HITS];
	struct ref_text c;
	size_t i, nwant = 0;

	if (ref_cut(p, n, &c) != 0)
		abort();
	for (i = 0; i < nph; i++)
		if (ref_find(&c, php[i], phn[i], phf[i], i, want, MAX_HITS, &nwant) != 0)
			nwant = MAX_HITS;	/* not judged */
	ref_text_free(&c);
	if (nwant >= MAX_HITS)
		return;
	for (i = 0; i < one->n; i++) {
		got[i].phrase = one->phrase[i];
		got[i].off = one->off[i];
		got[i].len = one->len[i];
	}
	qsort(got, one->n, sizeof got[0], ref_cmp_hit);
	qsort(want, nwant, sizeof want[0], ref_cmp_hit);
	if (nwant != one->n)
		abort();
	for (i = 0; i < nwant; i++)
		if (ref_cmp_hit(&got[i], &want[i]) != 0)
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct hits all, one;
	const char *p = (const char *)data, *end = p + size, *nl, *q;
	struct matcher_text t[MAX_TEXTS];
	struct matcher m;
	struct error e;
	const char *php[8];
	size_t phn[8], nph = 0, nt = 0, k, i, j;
	unsigned phf[8];

	matcher_init(&m);
	for (k = 0; k < 8 && (nl = memchr(p, '\n', (size_t)(end - p))); k++) {
		int word = nl > p && *p == '!';

		php[nph] = p + word;
		phn[nph] = (size_t)(nl - p) - (size_t)word;
		phf[nph] = word ? MATCHER_WORD : 0;
		if (matcher_add(&m, php[nph], phn[nph], phf[nph], &e) == 0)
			nph++;
		p = nl + 1;
	}
	if (matcher_compile(&m, &e) != 0) {
		matcher_release(&m);
		return 0;
	}
	memset(&one, 0, sizeof one);
	one.n1 = (size_t)(end - p);
	matcher_run(&m, p, one.n1, keep, &one);
	if (!one.full && one.n1 <= 4096 && !has_bytes(p, one.n1, "\xC3\x9F", 2) &&
	    !has_bytes(p, one.n1, "\xE1\xBA\x9E", 3))
		check_reference(p, one.n1, php, phn, phf, nph, &one);
	/* the same bytes as several texts, side by side */
	for (q = p; nt < MAX_TEXTS; q = nl + 1) {
		nl = memchr(q, 0x1E, (size_t)(end - q));
		t[nt].p = q;
		t[nt++].n = nl ? (size_t)(nl - q) : (size_t)(end - q);
		if (!nl)
			break;
	}
	memset(&all, 0, sizeof all);
	all.t = t;
	matcher_run_many(&m, t, nt, keep, &all);
	for (k = 0; k < nt && !all.full; k++) {
		memset(&one, 0, sizeof one);
		one.n1 = t[k].n;
		matcher_run(&m, t[k].p, t[k].n, keep, &one);
		if (one.full)
			break;
		for (i = 0, j = 0; i < all.n; i++) {
			if (all.text[i] != k)
				continue;
			if (j == one.n || all.phrase[i] != one.phrase[j] ||
			    all.off[i] != one.off[j] || all.len[i] != one.len[j])
				abort();
			j++;
		}
		if (j != one.n)
			abort();
	}
	matcher_release(&m);
	return 0;
}
