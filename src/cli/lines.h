/* SPDX-License-Identifier: MIT */
/* lines: reads a file descriptor line by line through one buffer, with no
 * allocation per line; a line longer than the buffer is cut and flagged. */
#ifndef HANDOVER_LINES_H
#define HANDOVER_LINES_H

#include <stddef.h>

struct lines {
	int fd;
	char *buf;
	size_t cap, start, end;
	int eof;
	int err;		/* errno of a failed read */
	long lineno;
	long long bytes;	/* bytes consumed so far */
};

/* Returns 0, or -1 when out of memory.  cap is the longest line kept. */
int lines_init(struct lines *l, int fd, size_t cap);
/* The next line without its "\n" (and "\r"): 1 and *p, *n set (valid
 * until the next call; *cut set when the line was longer than cap and
 * only its start is given), 0 at the end, -1 on a read error (l->err). */
int lines_next(struct lines *l, const char **p, size_t *n, int *cut);
void lines_release(struct lines *l);

#endif
