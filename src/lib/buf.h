/* SPDX-License-Identifier: MIT */
/* buf: the one writer all output goes through.  A buf stages bytes for a
 * write function its caller gives (the front ends write to a file
 * descriptor: cli/fd.h), grows in memory, or discards; it remembers its
 * first error so callers check once, at the end. */
#ifndef HANDOVER_BUF_H
#define HANDOVER_BUF_H

#include <stddef.h>
#include <string.h>

enum buf_sink { BUF_OUT, BUF_MEM, BUF_NULL };

struct buf;
/* Writes all n bytes out.  Returns 0, or an errno value. */
typedef int (*buf_write_fn)(struct buf *b, const char *p, size_t n);

struct buf {
	enum buf_sink sink;
	buf_write_fn write;	/* BUF_OUT only */
	int fd;			/* for write's own use: the front end's descriptor */
	char *mem;		/* staging area (out) or the contents (mem) */
	size_t len, cap;
	int err;		/* first errno seen, 0 if none */
	long fail_after;	/* tests: fail with EIO after this many bytes; -1 never */
	long written;		/* bytes accepted so far */
};

/* Output through write, staged in blocks of 64 KiB. */
void buf_init_out(struct buf *b, buf_write_fn write);
void buf_init_mem(struct buf *b);
void buf_init_null(struct buf *b);

void buf_put_slow(struct buf *b, const char *p, size_t n);

/* Appends n bytes; the common case is a copy into the staging area. */
static inline void
buf_put(struct buf *b, const char *p, size_t n)
{
	if (n == 0)
		return;	/* p may be NULL then: an empty buffer's mem */
	if (b->len + n < b->cap && b->fail_after < 0 && !b->err && b->sink != BUF_NULL) {
		memcpy(b->mem + b->len, p, n);
		b->len += n;
		b->mem[b->len] = '\0';
		b->written += (long)n;
		return;
	}
	buf_put_slow(b, p, n);
}

/* A string literal, without strlen. */
#define BUF_LIT(b, lit) buf_put((b), "" lit, sizeof(lit) - 1)

void buf_puts(struct buf *b, const char *s);
/* A decimal number, without printf. */
void buf_put_long(struct buf *b, long v);

static inline void
buf_putc(struct buf *b, char c)
{
	buf_put(b, &c, 1);
}
void buf_printf(struct buf *b, const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* The only JSON string escaper: writes "..." with the quotes.  Invalid
 * UTF-8 bytes become U+FFFD so the output is always valid JSON; what a
 * terminal would obey (C0, C1, bidi controls, U+2028/9: term.h) is
 * written as \uXXXX, so JSON is safe to read in a terminal too. */
void buf_put_json_str(struct buf *b, const char *p, size_t n);
/* The same without the quotes, for a string written in pieces. */
void buf_put_json_chars(struct buf *b, const char *p, size_t n);
/* buf_put_json_str, or null when p is NULL. */
void buf_put_json_or_null(struct buf *b, const char *p);
/* The only HTML escaper: & < > " ' become entities. */
void buf_put_html(struct buf *b, const char *p, size_t n);
/*
 * The only CSV cell writer (RFC 4180, for every CSV and TSV handover
 * writes): the bytes as they are, or in quotes with quotes doubled when
 * they hold delim, a quote or a line end.  A cell a spreadsheet would run
 * as a formula (buf_csv_would_run) gets a leading ' inside quotes, so it
 * shows as text: "'=HYPERLINK(...)".  What a terminal would obey (ESC,
 * C1, bidi controls: lib/term.h) is written in its visible form ("\x1b").
 */
void buf_put_csv(struct buf *b, const char *p, size_t n, char delim);
/* 1 when a spreadsheet would take the cell for a formula: it starts with
 * = + - @ TAB or CR, or their fullwidth forms (U+FF1D, U+FF0B, U+FF0D,
 * U+FF20). */
int buf_csv_would_run(const char *p, size_t n);

/* Writes out what is staged (out sink).  Returns 0 or the first errno. */
int buf_flush(struct buf *b);
/* Memory sink: a NUL-terminated view of the contents (borrowed). */
const char *buf_str(struct buf *b);
/* Frees the memory (an out sink's destination stays open). */
void buf_release(struct buf *b);

#endif
