/* SPDX-License-Identifier: MIT */
/* answers: the answers-file format of 'handover check --answers FILE':
 * "step.id = answer" lines, "#" comments, blank lines; a step may appear
 * more than once only where it takes a list (proof.files).  Pure. */
#ifndef HANDOVER_ANSWERS_H
#define HANDOVER_ANSWERS_H

#include <stddef.h>

#include "lib/error.h"

#define ANSWERS_MAX 256

struct answer_line {
	long line;
	char id[64];
	char value[256];
	int used;		/* set by the caller once applied */
};

struct answers {
	struct answer_line a[ANSWERS_MAX];
	size_t n;
};

/* Parses the whole file.  Returns 0, or -1 with e naming the line:
 * a line without " = ", a key that is not a step id shape, a value that
 * is too long, too many lines. */
int answers_parse(struct answers *out, const char *text, size_t len, struct error *e);

#endif
