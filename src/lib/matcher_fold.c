/* SPDX-License-Identifier: MIT */
/* matcher_fold: how the matcher reads one code point of a phrase or a
 * text: folded, compatibility forms as ASCII, invisible characters
 * dropped, and a Cyrillic or Greek look-alike in a word that holds a Latin
 * letter read as the Latin letter it imitates. */
#include <stdint.h>
#include <string.h>

#include "lib/casefold.h"
#include "lib/matcher.h"
#include "lib/matcher_priv.h"
#include "lib/utf8.h"

/* Code points a look-alike's word is looked through for a Latin letter,
 * at most, each way. */
#define WORD_SCAN_MAX 64

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

/* 0 when cp is no part of a word, 2 for a Latin letter, 1 for any other
 * word character (invisible ones count: they do not split a word). */
static int
word_class(uint32_t cp)
{
	if (cp < 0x80)
		return ((cp | 32) >= 'a' && (cp | 32) <= 'z') ? 2 : (cp >= '0' && cp <= '9');
	if (cp >= 0x0400 && cp < 0x0530)	/* Cyrillic: letters and marks */
		return cp == 0x0482 ? 0 : 1;
	if (casefold_is_latin(cp))
		return 2;
	return casefold_is_word(cp) || casefold_is_ignorable(cp);
}

int
matcher_word_latin(const unsigned char *t, size_t n, size_t i, size_t len,
    size_t *end, int *whole)
{
	size_t q = i, k;
	uint32_t cp;
	int c, latin = 0;

	*whole = 1;
	for (k = 0; q > 0; k++) {
		if (k == WORD_SCAN_MAX) {
			*whole = 0;
			break;
		}
		if (t[q - 1] < 0x80) {
			cp = t[q - 1];
			q--;
		} else if (q >= 2 && (t[q - 2] == 0xD0 || t[q - 2] == 0xD1) &&
		    (t[q - 1] & 0xC0) == 0x80) {
			q -= 2;		/* Cyrillic: a word character */
			continue;
		} else {
			q = matcher_prev_cp(t, q, &cp);
		}
		if ((c = word_class(cp)) == 0)
			break;
		latin |= c == 2;
	}
	for (q = i + len, k = 0; q < n; k++) {
		size_t l;

		if (k == WORD_SCAN_MAX) {
			*whole = 0;
			break;
		}
		if (t[q] < 0x80) {
			cp = t[q];
			l = 1;
		} else if ((t[q] == 0xD0 || t[q] == 0xD1) && q + 1 < n &&
		    (t[q + 1] & 0xC0) == 0x80) {
			q += 2;		/* Cyrillic: a word character */
			continue;
		} else {
			l = utf8_decode((const char *)t + q, n - q, &cp);
		}
		if ((c = word_class(cp)) == 0)
			break;
		latin |= c == 2;
		q += l;
	}
	*end = q;
	return latin;
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
	if (k == 1 && f[0] >= 0x370 && (c = casefold_confusable(f[0])) != 0) {
		size_t end;
		int whole;

		if (matcher_word_latin(t, n, i, *len, &end, &whole)) {
			out[0] = (unsigned char)c;
			return 1;
		}
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
