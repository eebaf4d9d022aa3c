/* SPDX-License-Identifier: MIT */
/* affix: prefixes and suffixes glued to a word in the languages that glue
 * them to borrowed words too (Tagalog, Indonesian, Swahili) and Arabic. */
#ifndef HANDOVER_AFFIX_H
#define HANDOVER_AFFIX_H

#include <stddef.h>

/* Whose affixes a phrase takes (scan_phrase.affixes). */
enum {
	SCAN_AFFIX_TL = 1, SCAN_AFFIX_ID = 2, SCAN_AFFIX_SW = 4, SCAN_AFFIX_AR = 8,
	SCAN_AFFIX_AR_CONJ = 16	/* the Arabic conjunctions alone (a particle's) */
};

/*
 * 1 when the match (off, len) in the text (p, n), glued to word characters
 * on the sides glued says (1 before, 2 after: matcher_match.glued), is
 * glued only to an affix of one of the languages langs: what stands
 * between the start of its word and the match is a prefix, what stands
 * between the match and the end of its word a suffix, of one language.
 */
int scan_affix_glued_ok(unsigned langs, const char *p, size_t n, size_t off, size_t len,
    unsigned glued);

#endif
