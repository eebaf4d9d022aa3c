/* SPDX-License-Identifier: MIT */
/* casefold: Unicode case folding of single code points (Latin, Greek,
 * Cyrillic, Armenian, fullwidth Latin) and the character classes the
 * phrase matcher needs (word characters, white space). */
#ifndef HANDOVER_CASEFOLD_H
#define HANDOVER_CASEFOLD_H

#include <stddef.h>
#include <stdint.h>

/*
 * Simple case folding: the C and S mappings of Unicode's CaseFolding.txt
 * for the blocks listed above, with two deliberate departures for matching
 * Turkish and Azerbaijani text written either way:
 *   U+0130 (capital I with dot above) folds to "i" (the T mapping), and
 *   U+0131 (dotless small i) folds to "i",
 * so I, i, dotted capital I and dotless small i all compare equal.
 * Code points outside the tables (Devanagari, CJK, ...) are returned
 * unchanged.  Polytonic Greek (U+1F00-U+1FFF) is not folded.
 */
uint32_t casefold_simple(uint32_t cp);

/*
 * Full case folding for matching: casefold_simple, except that sharp s
 * (U+00DF) and capital sharp s (U+1E9E) fold to "ss" (their F mapping).
 * Writes 1 or 2 code points to out and returns how many.
 */
size_t casefold_full(uint32_t cp, uint32_t out[2]);

/*
 * Folds the UTF-8 text (p, n) with casefold_full into out, which must have
 * room for 3 * n bytes; invalid bytes become U+FFFD.  Returns the length
 * written.  Borrows p, writes only out.
 */
size_t casefold_utf8(const char *p, size_t n, char *out);

/*
 * 1 when cp is part of a word: ASCII letters and digits, and the letters,
 * combining marks and digits of Latin, Greek, Cyrillic, Armenian, Hebrew,
 * Arabic, the Indic scripts (Devanagari vowel signs and virama included,
 * so a phrase cannot end inside a syllable), Thai, Georgian, Hangul and
 * fullwidth Latin; also ZWNJ and ZWJ.  CJK ideographs and kana are not
 * word characters (those scripts do not separate words).
 */
int casefold_is_word(uint32_t cp);

/* 1 when cp is white space: ASCII space, tab, LF, VT, FF, CR, NEL, NBSP,
 * U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000. */
int casefold_is_space(uint32_t cp);

/*
 * Folding for matching text as people type it: casefold_full, and also
 *   Default_Ignorable_Code_Point (DerivedCoreProperties.txt: soft hyphen,
 *     zero-width space and joiners, bidi controls, variation selectors,
 *     tags, ...) -> nothing (returns 0);
 *   the compatibility forms NFKC turns into ASCII letters and digits:
 *     fullwidth ASCII (U+FF01-FF5E), circled letters (U+24B6-24E9) and
 *     the mathematical alphanumeric symbols (U+1D400-1D7FF);
 *   Arabic-Indic and Eastern Arabic-Indic digits -> ASCII digits;
 *   the apostrophes phones and keyboards type (U+2019 and U+2018
 *     quotation marks, U+02BC modifier letter, U+00B4 acute accent) ->
 *     "'" ("n’est plus", "don´t" read as "n'est plus", "don't").
 * Writes 0 to 2 code points to out and returns how many.  White space is
 * returned as itself (the caller collapses it).
 */
size_t casefold_match(uint32_t cp, uint32_t out[2]);

/* 1 for a Default_Ignorable_Code_Point (Unicode 15). */
int casefold_is_ignorable(uint32_t cp);

/*
 * The Latin letter (a-z) a Cyrillic or Greek letter looks like, from
 * Unicode's confusables.txt (UTS #39): the entries that map the letter,
 * or its capital, to one Latin letter, taken after folding (so Cyrillic
 * "о" and "О" both give 'o'); 0 for any other code point.  cp is folded
 * (casefold_simple) by the caller.
 */
uint32_t casefold_confusable(uint32_t cp);

/* 1 for a Latin letter: ASCII, Latin-1, Latin Extended-A/B, Latin
 * Extended Additional (Vietnamese), fullwidth Latin. */
int casefold_is_latin(uint32_t cp);

/* 1 for the letters of the scripts written without spaces between words
 * that are word characters here: Thai, Lao, Myanmar, Khmer (CJK and kana
 * are no word characters at all). */
int casefold_is_nospace(uint32_t cp);

/* 1 when every code point in [lo, hi] reads as itself under
 * casefold_match (one code point, the same) and none is white space or a
 * look-alike casefold_confusable maps: text in such a range can be
 * matched byte for byte as written. */
int casefold_range_is_plain(uint32_t lo, uint32_t hi);

#endif
