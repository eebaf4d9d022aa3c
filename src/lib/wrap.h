/* SPDX-License-Identifier: MIT */
/* wrap: text broken into lines at spaces by the columns a terminal gives
 * each character (none for combining marks and joiners, two for wide
 * East Asian ones), so no line is wider than asked and no grapheme is
 * split.  Pure. */
#ifndef HANDOVER_WRAP_H
#define HANDOVER_WRAP_H

#include <stddef.h>
#include <stdint.h>

#include "lib/buf.h"

/* The columns code point cp takes on a terminal: 0, 1 or 2. */
int wrap_cp_width(uint32_t cp);
/* The columns the UTF-8 text (s, n) takes. */
size_t wrap_width(const char *s, size_t n);

/*
 * Writes text (one paragraph) word by word, starting at column col,
 * breaking lines before width columns; a new line starts with indent
 * spaces.  A word is never split (one longer than the line stands alone),
 * and a word that starts with '>' never starts a line (it would look like
 * the prompt).  width 0 means no wrapping.  Ends without a newline.
 * The text is for a terminal: every word goes through the sanitiser
 * (lib/term.h), as it may carry a TAC database's model, a data table's
 * words or an answer.
 */
void wrap_text(struct buf *out, const char *text, size_t col, size_t indent, size_t width);

#endif
