/* SPDX-License-Identifier: MIT */
/* json_priv: the JSON value parser (lib/json.c) as the JSON Lines reader
 * (lib/jsonl.c) drives it, one line at a time. */
#ifndef HANDOVER_JSON_PRIV_H
#define HANDOVER_JSON_PRIV_H

#include <stddef.h>

#include "lib/error.h"
#include "lib/jsonl.h"

/* One line being parsed. */
struct jp {
	char *s;
	size_t n, i;
	long line;
	struct error *err;
};

/* A byte that ends a plain run inside a string: a quote, a backslash, a
 * control character, or the start of a multi-byte sequence to check. */
#define STR_STOP(c) ((unsigned char)((c) - 0x20) >= 0x60 || (c) == '"' || \
	(c) == '\\')

int json_fail(struct jp *j, const char *what);

void json_skip_ws(struct jp *j);

/* The string at j->i (its opening quote); when write, unescapes it in
 * place and sets *out and *len. */
int json_string(struct jp *j, int write, const char **out, size_t *len);

/* Any value at j->i, checked but not unescaped; depth counts the
 * containers it is in. */
int json_value(struct jp *j, int depth, enum jsonl_type *type);

#endif
