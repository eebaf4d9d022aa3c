/* SPDX-License-Identifier: MIT */
/* lines: buffered line reading for the front ends. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/lines.h"

int
lines_init(struct lines *l, int fd, size_t cap)
{
	memset(l, 0, sizeof *l);
	l->fd = fd;
	l->cap = cap < 1024 ? 1024 : cap;
	l->buf = malloc(l->cap);
	return l->buf ? 0 : -1;
}

void
lines_release(struct lines *l)
{
	free(l->buf);
	l->buf = NULL;
}

static int
fill(struct lines *l)
{
	ssize_t r;

	if (l->start > 0) {
		memmove(l->buf, l->buf + l->start, l->end - l->start);
		l->end -= l->start;
		l->start = 0;
	}
	do
		r = read(l->fd, l->buf + l->end, l->cap - l->end);
	while (r < 0 && errno == EINTR);
	if (r < 0) {
		l->err = errno;
		return -1;
	}
	if (r == 0)
		l->eof = 1;
	l->end += (size_t)r;
	return 0;
}

int
lines_next(struct lines *l, const char **p, size_t *n, int *cut)
{
	size_t scanned = 0;

	*cut = 0;
	for (;;) {
		char *s = l->buf + l->start;
		size_t avail = l->end - l->start;
		char *nl = memchr(s + scanned, '\n', avail - scanned);

		if (nl || (l->eof && avail > 0)) {
			size_t len = nl ? (size_t)(nl - s) : avail;
			l->start += len + (nl ? 1 : 0);
			l->bytes += (long long)(len + (nl ? 1 : 0));
			l->lineno++;
			if (len > 0 && s[len - 1] == '\r')
				len--;
			*p = s;
			*n = len;
			return 1;
		}
		if (l->eof)
			return 0;
		scanned = avail;
		if (avail == l->cap) {
			/* Too long: give its start, then skip to its end. */
			size_t len = avail;
			*cut = 1;
			*p = s;
			*n = len;
			l->lineno++;
			for (;;) {
				l->start = l->end = 0;
				l->bytes += (long long)len;
				if (fill(l) < 0)
					return -1;
				if (l->end == 0)
					break;
				nl = memchr(l->buf, '\n', l->end);
				if (nl) {
					l->start = (size_t)(nl - l->buf) + 1;
					l->bytes += (long long)l->start;
					break;
				}
				len = l->end;
			}
			/* the start was overwritten: give an empty marker instead */
			*p = l->buf;
			*n = 0;
			return 1;
		}
		if (fill(l) < 0)
			return -1;
	}
}
