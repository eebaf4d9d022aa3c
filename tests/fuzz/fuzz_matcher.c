/* SPDX-License-Identifier: MIT */
/* fuzz_matcher: the first lines of the input are phrases (a leading '!'
 * makes one whole-word), the rest is the text; every match must lie
 * inside the text.  The text is also cut into texts at 0x1E bytes and run
 * through matcher_run_many: each text must get exactly the matches, in
 * the same order, that matcher_run gives it alone. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/matcher.h"

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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct hits all, one;
	const char *p = (const char *)data, *end = p + size, *nl, *q;
	struct matcher_text t[MAX_TEXTS];
	struct matcher m;
	struct error e;
	size_t nt = 0, k, i, j;

	matcher_init(&m);
	for (k = 0; k < 8 && (nl = memchr(p, '\n', (size_t)(end - p))); k++) {
		int word = nl > p && *p == '!';

		matcher_add(&m, p + word, (size_t)(nl - p) - (size_t)word,
		    word ? MATCHER_WORD : 0, &e);
		p = nl + 1;
	}
	if (matcher_compile(&m, &e) != 0) {
		matcher_release(&m);
		return 0;
	}
	memset(&one, 0, sizeof one);
	one.n1 = (size_t)(end - p);
	matcher_run(&m, p, one.n1, keep, &one);
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
