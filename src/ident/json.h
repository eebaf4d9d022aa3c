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
 * ident_parse_line finds (at most max), or, when it finds none, one saying
 * what is missing, spanning the line: for a label only ("IMEI:") how many
 * digits were typed, for a blank line (empty or only spaces) that it holds
 * no identifier, naming lineno (0: an argument, not a line).  A line with
 * no identifier is never passed over: a script must not read "all valid"
 * from a line that held none.  Returns how many (1 or more; 0 when max is 0). */
size_t ident_check_line(const struct ident_tables *t, const char *s, size_t n, long lineno,
    struct ident *out, size_t max);

/* Writes {"input", "kind", "valid", "normalized", "reporting_body", "tac",
 * "serial", "check_digit", "brand", "model", "problem", "message"} and a
 * newline.  in[0..inlen) is the text as given; te the nte TAC entries
 * found (NULL: none); t names the reporting body. */
void ident_write_json(struct buf *b, const struct ident_tables *t, const char *in,
    size_t inlen, const struct ident *id, const struct tac_entry *te, size_t nte);

#endif
