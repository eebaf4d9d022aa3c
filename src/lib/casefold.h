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

/* 1 when every code point in [lo, hi] folds to itself (casefold_full
 * gives the code point alone) and none is white space: text in such a
 * range can be matched byte for byte as written. */
int casefold_range_is_plain(uint32_t lo, uint32_t hi);

#endif
