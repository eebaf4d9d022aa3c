/* SPDX-License-Identifier: MIT */
/* text_priv: what the two readers of identifiers in text share (ident/
 * text.c, typed or pasted lines; ident/freetext.c, identifiers inside a
 * listing's free text): the class of a character and E-notation. */
#ifndef HANDOVER_TEXT_PRIV_H
#define HANDOVER_TEXT_PRIV_H

#include <stddef.h>

#include "ident/ident.h"

#define MAX_CHUNKS 32	/* pieces of one identifier, or digit groups of a run */
#define SEG_MAX 96	/* characters of one identifier or run */

enum cls {
	C_DIGIT,	/* 0-9 in any script we map */
	C_ALPHA,	/* a Latin letter (ASCII or fullwidth) */
	C_WEAK,		/* joins the parts of one identifier */
	C_STRONG,	/* separates identifiers */
	C_IGNORE,	/* zero-width, dropped */
	C_OTHER		/* any other character: part of a word */
};

/* The class of the character at s[i]; *len is its size in bytes, *ascii
 * its cleaned ASCII form (upper case) for digits and letters. */
enum cls ident_char_class(const char *s, size_t n, size_t i, size_t *len, char *ascii);

/* Length of spreadsheet E-notation (3.54178E+14, 8,9049E+31) at s[i], or 0. */
size_t ident_sci_length(const char *s, size_t n, size_t i);

/* id as the E-notation number at start, len bytes long: unknown, its
 * digits lost. */
void ident_set_sci(struct ident *id, size_t start, size_t len);

#endif
