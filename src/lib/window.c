/* SPDX-License-Identifier: MIT */
/* window: a bounded sliding buffer filled from a callback or from memory. */
#include <sys/types.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "lib/window.h"

void
window_init(struct window *w, size_t max, window_read_fn fn, void *ctx)
{
	memset(w, 0, sizeof *w);
	w->max = max + WINDOW_CHUNK;
	w->read = fn;
	w->ctx = ctx;
}

void
window_init_mem(struct window *w, size_t max, const char *p, size_t n)
{
	window_init(w, max, NULL, NULL);
	w->mem = p;
	w->memlen = n;
}

void
window_release(struct window *w)
{
	free(w->buf);
	memset(w, 0, sizeof *w);
}

int
window_fill(struct window *w, size_t drop)
{
	size_t room, want;
	ssize_t got;

	if (drop > 0) {
		memmove(w->buf, w->buf + drop, w->len - drop);
		w->len -= drop;
	}
	if (w->eof)
		return WINDOW_EOF;
	if (w->cap - w->len < WINDOW_CHUNK && w->cap < w->max) {
		size_t ncap = w->cap ? w->cap * 2 : 2 * WINDOW_CHUNK;
		char *nb;

		if (ncap < w->len + WINDOW_CHUNK)
			ncap = w->len + WINDOW_CHUNK;
		if (ncap > w->max)
			ncap = w->max;
		/* from memory, never more than what is left to read */
		if (!w->read && ncap > w->len + (w->memlen - w->mempos) + 1)
			ncap = w->len + (w->memlen - w->mempos) + 1;
		if (!(nb = realloc(w->buf, ncap))) {
			w->err = ENOMEM;
			return WINDOW_ERR;
		}
		w->buf = nb;
		w->cap = ncap;
	}
	room = w->cap - w->len;
	if (room == 0 && !w->read && w->mempos == w->memlen) {
		w->eof = 1;
		return WINDOW_EOF;
	}
	if (room == 0)
		return WINDOW_FULL;
	if (!w->read) {
		want = w->memlen - w->mempos;
		if (want > room)
			want = room;
		memcpy(w->buf + w->len, w->mem + w->mempos, want);
		w->mempos += want;
		got = (ssize_t)want;
	} else {
		got = w->read(w->ctx, w->buf + w->len, room);
	}
	if (got < 0) {
		w->err = errno ? errno : EIO;
		return WINDOW_ERR;
	}
	if (got == 0) {
		w->eof = 1;
		return WINDOW_EOF;
	}
	w->len += (size_t)got;
	return WINDOW_MORE;
}
