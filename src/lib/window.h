/* SPDX-License-Identifier: MIT */
/* window: a bounded sliding buffer over a byte stream, shared by the
 * streaming readers (csv, jsonl). */
#ifndef HANDOVER_WINDOW_H
#define HANDOVER_WINDOW_H

#include <sys/types.h>

#include <stddef.h>

/*
 * Reads up to n bytes into buf: returns how many (> 0), 0 at the end of
 * the input, or -1 with errno set.  The readers call it only when they
 * need more bytes; the front ends' fd_window_read (cli/fd.h) is one for
 * a file descriptor.
 */
typedef ssize_t (*window_read_fn)(void *ctx, char *buf, size_t n);

#define WINDOW_CHUNK (64u * 1024)	/* read size, and the slack kept */

enum {
	WINDOW_MORE = 1,	/* bytes were added */
	WINDOW_EOF = 0,		/* nothing more to read (w->eof is set) */
	WINDOW_ERR = -1,	/* read error (w->err) or out of memory */
	WINDOW_FULL = -2	/* the window holds max bytes already */
};

struct window {
	char *buf;		/* bytes [0, len) are valid */
	size_t len, cap, max;	/* cap grows up to max */
	int eof;
	int err;		/* errno of a failed read, ENOMEM */
	window_read_fn read;
	void *ctx;
	const char *mem;	/* memory source, when read is NULL */
	size_t memlen, mempos;
};

/* A window over a read callback (ctx borrowed), at most max + WINDOW_CHUNK
 * bytes of memory. */
void window_init(struct window *w, size_t max, window_read_fn fn, void *ctx);
/* A window over the bytes (p, n), borrowed until window_release. */
void window_init_mem(struct window *w, size_t max, const char *p, size_t n);

/* Drops the first drop bytes (callers subtract drop from their offsets),
 * then reads more.  Returns one of the WINDOW_ values. */
int window_fill(struct window *w, size_t drop);

void window_release(struct window *w);

#endif
