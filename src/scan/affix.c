/* SPDX-License-Identifier: MIT */
/* affix: the prefixes and suffixes Tagalog, Indonesian, Swahili and
 * Arabic glue to a word, so that "nabypass", "diblock", "imeblockiwa" and
 * "ومقفل" are the phrases "bypass", "block", "lock" and "مقفل". */
#include <stddef.h>
#include <string.h>

#include "lib/casefold.h"
#include "lib/utf8.h"
#include "scan/affix.h"

/*
 * The affixes, from the grammars: Tagalog verb and adjective prefixes on
 * borrowed words (na-, nag-, mag-, ma-, naka-, maka-, i-, ipa-, pa-, pag-,
 * ni-; Schachter & Otanes, Tagalog Reference Grammar), Indonesian
 * prefixes di-, ter-, ke-, me(N)-, ber-, se- and the colloquial nge-, with
 * the suffixes -kan, -an, -i, -in, -nya (Sneddon, Indonesian: A
 * Comprehensive Grammar), Swahili subject, tense and relative prefixes
 * (ku-, i-/zi- + -me-/-li-/-na-/-ta-, -yo-/-zo-, ni-/u-/a-/tu-/wa-) and
 * the passive and applied endings -(i)wa, -ewa, -lia, -liwa (Ashton,
 * Swahili Grammar), and the Arabic prefixes wa-, fa-, bi-, li-, ka- and
 * the article al-, alone and together (wal-, bil-, lil-).  A hyphen is a
 * word boundary anyway: "na-bypass" needs no rule.
 */
static const char *const tl_pre[] = {
	"na", "nag", "mag", "ma", "naka", "maka", "nai", "mai", "i", "ipa", "pina",
	"pa", "pag", "ni", NULL
};
static const char *const id_pre[] = {
	"di", "ter", "ke", "ng", "nge", "me", "mem", "men", "meng", "ber", "se", NULL
};
static const char *const id_suf[] = { "in", "kan", "an", "i", "nya", NULL };
static const char *const sw_pre[] = {
	"ku", "i", "zi", "ime", "ili", "iliyo", "ina", "inayo", "ita", "zime", "zili",
	"zilizo", "nime", "nili", "ume", "uli", "ame", "ali", "tume", "tuli", "wame",
	"wali", "kime", "kili", "imeshakuwa", NULL
};
static const char *const sw_suf[] = { "iwa", "wa", "ewa", "liwa", "lia", "iwe", "we", NULL };
static const char *const ar_pre[] = {
	"\xD9\x88", "\xD9\x81", "\xD8\xA8", "\xD9\x84", "\xD9\x83",	/* و ف ب ل ك */
	"\xD8\xA7\xD9\x84", "\xD9\x88\xD8\xA7\xD9\x84",			/* ال وال */
	"\xD9\x81\xD8\xA7\xD9\x84", "\xD8\xA8\xD8\xA7\xD9\x84",	/* فال بال */
	"\xD9\x83\xD8\xA7\xD9\x84", "\xD9\x84\xD9\x84",		/* كال لل */
	"\xD9\x88\xD9\x84\xD9\x84", "\xD9\x88\xD8\xA8",		/* ولل وب */
	"\xD9\x88\xD9\x84", "\xD9\x88\xD8\xA8\xD8\xA7\xD9\x84",	/* ول وبال */
	NULL
};
/* what a particle wears: "وما" (and not), never "لما" (when) nor "كما" (as) */
static const char *const ar_conj_pre[] = {
	"\xD9\x88", "\xD9\x81", NULL			/* و ف */
};
static const char *const none[] = { NULL };

static const struct {
	const char *const *pre, *const *suf;
} affixes[] = {
	[0] = { tl_pre, none },		/* SCAN_AFFIX_TL */
	[1] = { id_pre, id_suf },	/* SCAN_AFFIX_ID */
	[2] = { sw_pre, sw_suf },	/* SCAN_AFFIX_SW */
	[3] = { ar_pre, none },		/* SCAN_AFFIX_AR */
	[4] = { ar_conj_pre, none },	/* SCAN_AFFIX_AR_CONJ */
};

#define WORD_MAX 32	/* bytes of an affix looked at, at most */

static int
in_list(const char *const *list, const unsigned char *p, size_t n)
{
	size_t i, k;

	for (i = 0; list[i]; i++) {
		if (strlen(list[i]) != n)
			continue;
		for (k = 0; k < n; k++)
			if ((p[k] >= 'A' && p[k] <= 'Z' ? p[k] + 32 : p[k]) !=
			    (unsigned char)list[i][k])
				break;
		if (k == n)
			return 1;
	}
	return 0;
}

/* Where the word that ends at pos begins (word characters back). */
static size_t
word_start(const unsigned char *t, size_t pos)
{
	size_t q = pos, k;
	uint32_t cp;

	while (q > 0 && pos - q < WORD_MAX) {
		for (k = q - 1; k > 0 && q - k < 4 && (t[k] & 0xC0) == 0x80; k--)
			;
		if (utf8_decode((const char *)t + k, q - k, &cp) != q - k ||
		    !casefold_is_word(cp))
			break;
		q = k;
	}
	return q;
}

/* Where the word that begins at pos ends. */
static size_t
word_end(const unsigned char *t, size_t n, size_t pos)
{
	size_t q = pos, len;
	uint32_t cp;

	while (q < n && q - pos < WORD_MAX) {
		len = utf8_decode((const char *)t + q, n - q, &cp);
		if (!casefold_is_word(cp))
			break;
		q += len;
	}
	return q;
}

int
scan_affix_glued_ok(unsigned langs, const char *p, size_t n, size_t off, size_t len,
    unsigned glued)
{
	const unsigned char *t = (const unsigned char *)p;
	size_t a = off, b = off + len, k;

	if (glued & 1) {
		a = word_start(t, off);
		if (a == off || (a > 0 && off - a >= WORD_MAX))
			return 0;
	}
	if (glued & 2) {
		b = word_end(t, n, off + len);
		if (b - (off + len) >= WORD_MAX)
			return 0;
	}
	for (k = 0; k < sizeof affixes / sizeof affixes[0]; k++) {
		if (!(langs & (1u << k)))
			continue;
		if ((glued & 1) && !in_list(affixes[k].pre, t + a, off - a))
			continue;
		if ((glued & 2) && !in_list(affixes[k].suf, t + off + len, b - off - len))
			continue;
		return 1;
	}
	return 0;
}
