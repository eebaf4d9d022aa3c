/* SPDX-License-Identifier: MIT */
/* tsv: reads the project's data tables: tab-separated, UTF-8, "#" comment
 * lines, blank lines ignored, the first other line is the header. */
#ifndef HANDOVER_TSV_H
#define HANDOVER_TSV_H

#include <stddef.h>

#include "lib/error.h"

#define TSV_MAX_FIELDS 24
#define TSV_MAX_LINE (64 * 1024)	/* bytes in a line; the longest real one is ~1.5 KB */

struct tsv_field {
	const char *p;		/* borrowed from the data */
	size_t n;
};

struct tsv_row {
	struct tsv_field f[TSV_MAX_FIELDS];
	size_t nfields;
	long line;
};

struct tsv {
	const char *data;	/* borrowed */
	size_t len, pos;
	long line;
	const char *name;	/* for messages, e.g. "tac.tsv" */
	struct tsv_row header;
};

/* Reads the header.  Returns 0, or -1 with e filled. */
int tsv_open(struct tsv *t, const char *name, const char *data, size_t len,
    struct error *e);
/* The next row: 1, 0 at the end, -1 with e filled when the row has not
 * as many fields as the header, or is longer than TSV_MAX_LINE, or is not
 * plain UTF-8 text. */
int tsv_next(struct tsv *t, struct tsv_row *row, struct error *e);
/* The index of the header column called name, or -1. */
int tsv_column(const struct tsv *t, const char *name);
/* Field i of row as a NUL-terminated copy in out (cut to cap - 1). */
void tsv_copy(const struct tsv_row *row, int i, char *out, size_t cap);
/* 1 when field i of row equals s. */
int tsv_equals(const struct tsv_row *row, int i, const char *s);

#endif
