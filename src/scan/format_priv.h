/* SPDX-License-Identifier: MIT */
/* format_priv: what format.c, format_json.c and format_csv.c share;
 * nothing else includes it. */
#ifndef HANDOVER_FORMAT_PRIV_H
#define HANDOVER_FORMAT_PRIV_H

#include <stddef.h>

#include "lib/buf.h"
#include "scan/format.h"

#define SCANFMT_CONTEXT_BYTES 40	/* of the field on each side of a match */
/* room for a match's context (scanfmt_context) */
#define SCANFMT_CONTEXT_CAP (4 * SCANFMT_CONTEXT_BYTES + 2 * 1024 + 16)

/* The codes (or, with why, the sentences) of the reasons, as a JSON
 * list's items (json) or joined by sep. */
void scanfmt_put_reasons(struct buf *b, const struct scanfmt *f, unsigned reasons, int json,
    int why, const char *sep);
/* What "handover imei" says of identifier d, into out (NUL-terminated);
 * returns the length. */
size_t scanfmt_explain(const struct scanfmt *f, const struct scan_found *d, char *out,
    size_t cap);
/* The bounds of a match's context in its field: SCANFMT_CONTEXT_BYTES
 * either side, not inside a UTF-8 sequence. */
void scanfmt_context_span(const struct scan_field *fl, const struct scan_hit *h, size_t *st,
    size_t *en);
/* The context itself, white space runs as one space, "…" where it was
 * cut, into out (SCANFMT_CONTEXT_CAP); returns the length. */
size_t scanfmt_context(const struct scan_field *fl, const struct scan_hit *h, char *out,
    size_t cap);

#endif
