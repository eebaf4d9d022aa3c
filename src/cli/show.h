/* SPDX-License-Identifier: MIT */
/* show: what the commands that show knowledge-base facts share: wrapped
 * text, a fact's sources as JSON. */
#ifndef HANDOVER_SHOW_H
#define HANDOVER_SHOW_H

#include <stddef.h>

#include "kb/kb.h"
#include "lib/buf.h"

/* Writes text (one paragraph) word by word, breaking lines before width
 * columns; col is the column the cursor is at, indent the column later
 * lines start at.  Ends without a newline.  Every word goes through the
 * terminal sanitiser (lib/term.h). */
void cli_wrap(struct buf *b, const char *text, size_t col, size_t indent, size_t width);

/* The columns s[0..n) takes on a terminal, roughly: one per character
 * (UTF-8 continuation bytes take none). */
size_t cli_columns(const char *s, size_t n);

/* The fields every fact carries, as JSON members:
 * "source":[URL...],"checked":"...","confidence":"..." (no braces). */
void cli_json_fact(struct buf *b, const struct kb_fact *f);
/* A ';'-joined list as a JSON array of strings ("" gives []). */
void cli_json_list(struct buf *b, const char *list);
/* A JSON string, or null when s is NULL or empty. */
void cli_json_str(struct buf *b, const char *s);

#endif
