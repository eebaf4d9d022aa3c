/* SPDX-License-Identifier: MIT */
/* ident json: one identifier as "handover imei --json" prints it, the one
 * writer of that format for every front end (the terminal and the page). */
#ifndef HANDOVER_IDENT_JSON_H
#define HANDOVER_IDENT_JSON_H

#include <stddef.h>

#include "ident/ident.h"
#include "ident/tac.h"
#include "lib/buf.h"

/* Writes {"input", "kind", "valid", "normalized", "reporting_body", "tac",
 * "serial", "check_digit", "brand", "model", "problem", "message"} and a
 * newline.  in[0..inlen) is the text as given; te the nte TAC entries
 * found (NULL: none); t names the reporting body. */
void ident_write_json(struct buf *b, const struct ident_tables *t, const char *in,
    size_t inlen, const struct ident *id, const struct tac_entry *te, size_t nte);

#endif
