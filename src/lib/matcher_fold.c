/* SPDX-License-Identifier: MIT */
/* matcher_fold: how the matcher reads one code point of a phrase or a
 * text: folded, compatibility forms as ASCII, invisible characters
 * dropped, and a Cyrillic or Greek look-alike inside a Latin word read as
 * the Latin letter it imitates. */
#include <stdint.h>
#include <string.h>

#include "lib/casefold.h"
#include "lib/matcher.h"
#include "lib/matcher_priv.h"
#include "lib/utf8.h"

/* Look-alikes and invisible characters a look-alike's context check
 * passes over, at most. */
#define CONTEXT_MAX 16

size_t
matcher_prev_cp(const unsigned char *t, size_t pos, uint32_t *cp)
{
	size_t q = pos - 1;

	while (q > 0 && pos - q < 4 && (t[q] & 0xC0) == 0x80)
		q--;
	if (q + utf8_decode((const char *)t + q, pos - q, cp) == pos)
		return q;
	*cp = 0xFFFD;
	return pos - 1;
}

/* 0 when cp decides nothing about its neighbour's script (an invisible
 * character or another look-alike), else 1 for a Latin letter and -1 for
 * anything else. */
static int
latin_side(uint32_t cp)
{
	if (casefold_is_ignorable(cp))
		return 0;
	if (cp >= 0x370 && casefold_confusable(casefold_simple(cp)))
		return 0;
	return casefold_is_latin(cp) ? 1 : -1;
}

/* 1 when the look-alike at t[i..i+len) stands in a Latin word: the
 * nearest code point before or after it that is neither invisible nor
 * another look-alike is a Latin letter. */
static int
latin_beside(const unsigned char *t, size_t n, size_t i, size_t len)
{
	size_t q = i, k;
	uint32_t cp;
	int r;

	for (k = 0; k < CONTEXT_MAX && q > 0; k++) {
		q = matcher_prev_cp(t, q, &cp);
		if ((r = latin_side(cp)) != 0) {
			if (r > 0)
				return 1;
			break;
		}
	}
	for (q = i + len, k = 0; k < CONTEXT_MAX && q < n; k++) {
		q += utf8_decode((const char *)t + q, n - q, &cp);
		if ((r = latin_side(cp)) != 0)
			return r > 0;
	}
	return 0;
}

size_t
matcher_fold_at(const unsigned char *t, size_t n, size_t i, unsigned char *out,
    size_t *len)
{
	uint32_t cp, f[2], c;
	size_t k, j, e = 0;

	if (t[i] < 0x80) {
		*len = 1;
		out[0] = casefold_is_space(t[i]) ? ' ' :
		    t[i] >= 'A' && t[i] <= 'Z' ? (unsigned char)(t[i] + 32) : t[i];
		return 1;
	}
	*len = utf8_decode((const char *)t + i, n - i, &cp);
	if (cp == 0xFFFD && *len == 1) {
		out[0] = SEP;	/* no phrase spans an invalid byte */
		return 1;
	}
	if (casefold_is_space(cp)) {
		out[0] = ' ';
		return 1;
	}
	k = casefold_match(cp, f);
	if (k == 1 && f[0] >= 0x370 && (c = casefold_confusable(f[0])) != 0 &&
	    latin_beside(t, n, i, *len)) {
		out[0] = (unsigned char)c;
		return 1;
	}
	for (j = 0; j < k; j++)
		e += utf8_encode(f[j], (char *)out + e);
	return e;
}

size_t
matcher_fold(const char *p, size_t n, char *out)
{
	const unsigned char *t = (const unsigned char *)p;
	size_t i = 0, o = 0, len, k;
	unsigned char tmp[8];

	while (i < n) {
		k = matcher_fold_at(t, n, i, tmp, &len);
		i += len;
		if (k == 1 && tmp[0] == ' ' && o > 0 && out[o - 1] == ' ')
			continue;	/* a run of white space is one space */
		memcpy(out + o, tmp, k);
		o += k;
	}
	return o;
}
