/* SPDX-License-Identifier: MIT */
/* ident json: the identifiers of a line as "handover imei" reports them,
 * and one identifier as "--json" prints it: the one reader and writer of
 * that report for every front end (the terminal and the page). */
#ifndef HANDOVER_IDENT_JSON_H
#define HANDOVER_IDENT_JSON_H

#include <stddef.h>

#include "ident/ident.h"
#include "ident/tac.h"
#include "lib/buf.h"

/* The identifiers of one line as "handover imei" reports them: every one
 * ident_parse_line finds (at most max), or, when it finds none on a line
 * that is not blank (a label only, "IMEI:"), one saying what is missing,
 * spanning the line.  Returns how many; 0 for a blank line. */
size_t ident_check_line(const struct ident_tables *t, const char *s, size_t n,
    struct ident *out, size_t max);

/* Writes {"input", "kind", "valid", "normalized", "reporting_body", "tac",
 * "serial", "check_digit", "brand", "model", "problem", "message"} and a
 * newline.  in[0..inlen) is the text as given; te the nte TAC entries
 * found (NULL: none); t names the reporting body. */
void ident_write_json(struct buf *b, const struct ident_tables *t, const char *in,
    size_t inlen, const struct ident *id, const struct tac_entry *te, size_t nte);

#endif
