/* SPDX-License-Identifier: MIT */
/* matcher_ref: a slow reference for the phrase matcher, shared by
 * test_matcher and fuzz_matcher.  Each code point of the text is read as
 * the matcher reads it in its context (matcher_fold_at); a phrase matches
 * a run of whole code points that starts and ends with a visible one and
 * whose reading, runs of white space as one space, is the phrase's
 * (matcher_fold); a whole-word phrase also needs no word character next
 * to it (nor one read as an ASCII letter or digit), invisible ones passed
 * over, letters of scripts without spaces not counting.  Not for a text with a sharp s: the matcher may match
 * half of its "ss". */
#ifndef HANDOVER_MATCHER_REF_H
#define HANDOVER_MATCHER_REF_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/casefold.h"
#include "lib/matcher.h"
#include "lib/matcher_priv.h"
#include "lib/utf8.h"

struct ref_hit {
	size_t phrase, off, len;
};

/* A text cut into code points, each with its reading in context. */
struct ref_text {
	size_t n;
	size_t *at;		/* byte offset of each; at[n] = the end */
	unsigned char (*f)[8];
	size_t *fl;
	uint32_t *cp;
};

static int
ref_cut(const char *text, size_t n, struct ref_text *c)
{
	size_t i = 0, len;

	c->n = 0;
	c->at = malloc((n + 1) * sizeof *c->at);
	c->f = malloc((n + 1) * sizeof *c->f);
	c->fl = malloc((n + 1) * sizeof *c->fl);
	c->cp = malloc((n + 1) * sizeof *c->cp);
	if (!c->at || !c->f || !c->fl || !c->cp)
		return -1;
	while (i < n) {
		c->at[c->n] = i;
		utf8_decode(text + i, n - i, &c->cp[c->n]);
		c->fl[c->n] = matcher_fold_at((const unsigned char *)text, n, i, c->f[c->n], &len);
		i += len;
		c->n++;
	}
	c->at[c->n] = n;
	return 0;
}

static void
ref_text_free(struct ref_text *c)
{
	free(c->at);
	free(c->f);
	free(c->fl);
	free(c->cp);
}

static int
ref_boundary_word(uint32_t cp)
{
	return casefold_is_word(cp) && !casefold_is_nospace(cp);
}

/* Code point k of the text next to a match: a word character, or one the
 * matcher reads as an ASCII letter or digit ("ⓐ", "١"). */
static int
ref_text_word(const struct ref_text *c, size_t k)
{
	unsigned char last = c->fl[k] ? c->f[k][c->fl[k] - 1] : 0;

	return ref_boundary_word(c->cp[k]) || (c->cp[k] >= 0x80 &&
	    ((last >= '0' && last <= '9') || (last >= 'a' && last <= 'z')));
}

/* The word-boundary checks matcher_add makes for the phrase p (n bytes)
 * with flags. */
static void
ref_edges(const char *p, size_t n, unsigned flags, int *left, int *right)
{
	size_t i = 0, len;
	uint32_t cp, first = 0, last = 0;
	unsigned char f[8];
	int seen = 0;

	while (i < n) {
		size_t k = matcher_fold_at((const unsigned char *)p, n, i, f, &len);

		utf8_decode(p + i, n - i, &cp);
		i += len;
		if (k == 0 || f[0] == ' ')
			continue;
		if (!seen)
			first = cp;
		seen = 1;
		last = cp;
	}
	*left = (flags & MATCHER_WORD) && ref_boundary_word(first);
	*right = (flags & MATCHER_WORD) && ref_boundary_word(last);
}

/*
 * Appends to out (room for max, *nout used) the matches of the phrase
 * (p, pn, flags), number phrase, in the cut text c.  Returns 0, or -1
 * for a phrase whose reading is longer than 1000 bytes (not looked for).
 */
static int
ref_find(const struct ref_text *c, const char *p, size_t pn, unsigned flags, size_t phrase,
    struct ref_hit *out, size_t max, size_t *nout)
{
	unsigned char buf[1100], fph[3 * 1024 + 8];
	size_t a, b, k, o, fl;
	int left, right;

	if (pn > 1024)
		return -1;
	fl = matcher_fold(p, pn, (char *)fph);
	/* matcher_add trims the white space around a phrase */
	while (fl > 0 && fph[fl - 1] == ' ')
		fl--;
	for (a = 0; a < fl && fph[a] == ' '; a++)
		;
	memmove(fph, fph + a, fl - a);
	fl -= a;
	if (fl > 1000)
		return -1;
	if (fl == 0)
		return 0;
	ref_edges(p, pn, flags, &left, &right);
	for (a = 0; a < c->n; a++) {
		if (c->fl[a] == 0 || c->f[a][0] == ' ')
			continue;	/* a match starts at a visible code point */
		for (o = 0, b = a; b < c->n && o <= fl; b++) {
			if (c->fl[b] == 1 && c->f[b][0] == ' ' && o > 0 && buf[o - 1] == ' ')
				continue;
			memcpy(buf + o, c->f[b], c->fl[b]);
			o += c->fl[b];
			if (c->fl[b] == 0 || o != fl || memcmp(buf, fph, fl) != 0)
				continue;
			if (left) {
				for (k = a; k > 0 && casefold_is_ignorable(c->cp[k - 1]); k--)
					;
				if (k > 0 && ref_text_word(c, k - 1))
					continue;
			}
			if (right) {
				for (k = b + 1; k < c->n && casefold_is_ignorable(c->cp[k]); k++)
					;
				if (k < c->n && ref_text_word(c, k))
					continue;
			}
			if (*nout < max) {
				out[*nout].phrase = phrase;
				out[*nout].off = c->at[a];
				out[*nout].len = c->at[b + 1] - c->at[a];
				(*nout)++;
			}
		}
	}
	return 0;
}

static int
ref_cmp_hit(const void *a, const void *b)
{
	const struct ref_hit *x = a, *y = b;

	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	return x->phrase < y->phrase ? -1 : x->phrase > y->phrase;
}

#endif
