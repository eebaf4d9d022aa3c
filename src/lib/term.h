/* SPDX-License-Identifier: MIT */
/* term: the one sanitiser for untrusted text on its way to a terminal.
 * A record brought to a dispute, a data table, a TAC database, an answers
 * file or a listing may hold characters a terminal obeys instead of
 * showing: C0 controls (ESC starts an escape sequence; CR, BS and LF move
 * the cursor or add lines), DEL, the C1 controls U+0080-U+009F (U+009B is
 * a CSI on its own), bidi overrides and isolates that reorder what is
 * shown (U+202A-U+202E, U+2066-U+2069), line and paragraph separators
 * (U+2028, U+2029), and bytes that are not UTF-8.  Each is shown in a
 * visible form instead; everything else passes unchanged.  Pure. */
#ifndef HANDOVER_TERM_H
#define HANDOVER_TERM_H

#include <stddef.h>
#include <stdint.h>

#include "lib/buf.h"

#define TERM_ESC_MAX 10		/* "<U+202E>" and its NUL */

/*
 * The length (1-4) of the character at p[0..n), n > 0, and its visible
 * form in esc when it must not reach a terminal as it is, or esc[0] ==
 * '\0' when it may:
 *   C0 controls and DEL      \n \r \t, else \xHH (lowercase hex): "\x1b"
 *   a byte that is not UTF-8  \xHH: "\xff" (a length of 1)
 *   C1 controls, bidi controls, U+2028, U+2029   <U+HHHH>: "<U+009B>"
 */
size_t term_char(const char *p, size_t n, char esc[TERM_ESC_MAX]);

/* 1 for a code point past U+007F that a terminal may obey: C1 controls,
 * bidi overrides and isolates, line and paragraph separators. */
int term_active(uint32_t cp);

/* 1 when p[0..n) holds nothing term_char would show differently. */
int term_is_safe(const char *p, size_t n);

/* Appends p[0..n) to b, each character as term_char says. */
void buf_put_term(struct buf *b, const char *p, size_t n);
/* buf_put_term of a NUL-terminated string (NULL writes nothing). */
void buf_puts_term(struct buf *b, const char *s);
/* p[0..n) on one line for plain text (export --text): each thing a
 * terminal would obey (as term_char finds them) written as a space. */
void buf_put_blanked(struct buf *b, const char *p, size_t n);

/* The NUL-terminated s, sanitised as buf_put_term does, into out (cap
 * bytes, cap > 0), cut on a character boundary when it does not fit;
 * returns out.  For messages built with a format. */
const char *term_safe(const char *s, char *out, size_t cap);

#endif
