/* SPDX-License-Identifier: MIT */
/* record_priv: what the record's own files share and no one else uses. */
#ifndef HANDOVER_RECORD_PRIV_H
#define HANDOVER_RECORD_PRIV_H

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

#endif
