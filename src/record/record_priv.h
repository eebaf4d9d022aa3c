/* SPDX-License-Identifier: MIT */
/* record_priv: what the record's own files share and no one else uses. */
#ifndef HANDOVER_RECORD_PRIV_H
#define HANDOVER_RECORD_PRIV_H

#include <stddef.h>

#include "lib/buf.h"
#include "record/record.h"

#define SEAL_PREFIX "sha256:"
#define SEAL_PREFIX_LEN 7
#define SEAL_LINE_LEN (SEAL_PREFIX_LEN + 1 + 64)	/* without the newline */

/* A value escaped as docs/record-format.md says (record.c, the only
 * escaper). */
void escape_value(struct buf *b, const char *v);
/* "key: value\n", escaped. */
void put_field_line(struct buf *b, const struct record_field *f);
/* "sha256: <hex>\n" over every byte of the memory buf b so far; E2BIG in
 * b->err when the record would pass RECORD_MAX_SIZE. */
void put_seal_line(struct buf *b);

/* A NUL-terminated copy of p[0..n), or NULL when out of memory. */
char *record_dup_n(const char *p, size_t n);
/* Decodes the n escaped bytes at p into out (room for n + 1).  Returns
 * the decoded length, or -1 with *bad at the offending offset. */
long record_unescape(const char *p, size_t n, char *out, size_t *bad);
/* Appends a field taking ownership of key and value (freed on failure). */
int record_append_owned(struct record *r, char *key, char *value);
/* Where a key may stand: 0 anywhere in the check, 1 "recheck" (a
 * block's first line), 2 "recheck.*" (inside a block). */
int record_key_scope(const char *key, size_t n);

#endif
