/* SPDX-License-Identifier: MIT */
/* buf: buffered writer with output, memory and null sinks and a sticky
 * error. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "lib/buf.h"
#include "lib/term.h"
#include "lib/utf8.h"

#define OUT_STAGE (64 * 1024)

/* ------------------------------------------------------------------ sinks */

static void
init(struct buf *b, enum buf_sink sink)
{
	memset(b, 0, sizeof *b);
	b->sink = sink;
	b->fd = -1;
	b->fail_after = -1;
}

void
buf_init_out(struct buf *b, buf_write_fn write)
{
	init(b, BUF_OUT);
	b->write = write;
}

void
buf_init_mem(struct buf *b)
{
	init(b, BUF_MEM);
}

void
buf_init_null(struct buf *b)
{
	init(b, BUF_NULL);
}

static int
write_all(struct buf *b, const char *p, size_t n)
{
	int err = n ? b->write(b, p, n) : 0;

	if (err) {
		b->err = err;
		return -1;
	}
	return 0;
}

static int
grow(struct buf *b, size_t need)
{
	size_t cap = b->cap ? b->cap : 256;
	char *m;

	if (b->len + need + 1 <= b->cap)
		return 0;
	while (cap < b->len + need + 1) {
		if (cap > (size_t)-1 / 2) {
			b->err = ENOMEM;
			return -1;
		}
		cap *= 2;
	}
	m = realloc(b->mem, cap);
	if (!m) {
		b->err = ENOMEM;
		return -1;
	}
	b->mem = m;
	b->cap = cap;
	return 0;
}

void
buf_put_slow(struct buf *b, const char *p, size_t n)
{
	if (b->err || n == 0)
		return;
	if (b->fail_after >= 0 && b->written + (long)n > b->fail_after) {
		b->err = EIO;
		return;
	}
	b->written += (long)n;
	switch (b->sink) {
	case BUF_NULL:
		return;
	case BUF_MEM:
		if (grow(b, n) == 0) {
			memcpy(b->mem + b->len, p, n);
			b->len += n;
			b->mem[b->len] = '\0';
		}
		return;
	case BUF_OUT:
		if (!b->mem) {
			b->mem = malloc(OUT_STAGE);
			if (!b->mem) {
				b->err = ENOMEM;
				return;
			}
			b->cap = OUT_STAGE;
		}
		if (b->len + n >= b->cap) {
			if (write_all(b, b->mem, b->len) != 0)
				return;
			b->len = 0;
			if (n >= b->cap) {
				write_all(b, p, n);
				return;
			}
		}
		memcpy(b->mem + b->len, p, n);
		b->len += n;
		return;
	}
}

/* ------------------------------------------------------- text and numbers */

void
buf_puts(struct buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

void
buf_put_long(struct buf *b, long v)
{
	char d[24], *e = d + sizeof d, *q = e;
	unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;

	do
		*--q = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--q = '-';
	buf_put(b, q, (size_t)(e - q));
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	char small[512], *big;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0) {
		if (!b->err)
			b->err = EINVAL;
		return;
	}
	if ((size_t)n < sizeof small) {
		buf_put(b, small, (size_t)n);
		return;
	}
	big = malloc((size_t)n + 1);
	if (!big) {
		if (!b->err)
			b->err = ENOMEM;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	buf_put(b, big, (size_t)n);
	free(big);
}

/* 1 for the bytes a JSON string can hold as they are. */
static const unsigned char json_plain[256] = {
	['\x20'] = 1, 1, 0 /* " */, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0 /* \\ */, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

#define ONES UINT64_C(0x0101010101010101)
#define HIGH UINT64_C(0x8080808080808080)

/* 1 when none of the eight bytes in w needs escaping or a UTF-8 check:
 * no control byte, no quote, no backslash, no byte above 0x7F. */
static int
json_plain8(uint64_t w)
{
	uint64_t q = w ^ (ONES * '"'), s = w ^ (ONES * '\\');

	if (w & HIGH)
		return 0;
	/* with every high bit clear, each test below flags exactly the
	 * bytes asked for (a borrow only follows a flagged byte) */
	return (((w - ONES * 0x20) | (q - ONES) | (s - ONES)) & ~w & HIGH) == 0;
}

/* --------------------------------------------------------------- escapers */

void
buf_put_json_chars(struct buf *b, const char *p, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0, run = 0;

	while (i < n) {
		unsigned char c = (unsigned char)p[i];
		const char *esc = NULL;
		char u[7];
		uint64_t w;

		if (i + 8 <= n) {
			/* eight bytes at a time while none needs a look */
			memcpy(&w, p + i, 8);
			if (json_plain8(w)) {
				i += 8;
				run += 8;
				continue;
			}
		}
		if (json_plain[c]) {
			i++;
			run++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF && i + 1 < n &&
		    ((unsigned char)p[i + 1] & 0xC0) == 0x80 &&
		    (c != 0xC2 || (unsigned char)p[i + 1] >= 0xA0)) {
			/* two bytes (Latin, Cyrillic, Arabic...): valid as they are;
			 * not the C1 controls (C2 80 - C2 9F), escaped below */
			i += 2;
			run += 2;
			continue;
		}
		if (c >= 0xE1 && c <= 0xEC && c != 0xE2 && i + 2 < n &&
		    ((unsigned char)p[i + 1] & 0xC0) == 0x80 &&
		    ((unsigned char)p[i + 2] & 0xC0) == 0x80) {
			/* three bytes with no overlong or surrogate to rule out
			 * (Devanagari, most of the BMP); not E2 (U+2000-U+2FFF),
			 * where the bidi controls and line separators are */
			i += 3;
			run += 3;
			continue;
		}
		if (c >= 0x80) {
			size_t len = utf8_valid_prefix(p + i, n - i);
			uint32_t cp = 0;
			if (len > 0 && !term_active(utf8_decode(p + i, len, &cp) ? cp : 0)) {
				i += len;
				run += len;
				continue;
			}
			if (len > 0) {
				/* the same character, escaped: JSON read in a terminal
				 * must not drive it (see lib/term.h) */
				buf_put(b, p + i - run, run);
				run = 0;
				memcpy(u, "\\u", 2);
				u[2] = hex[cp >> 12];
				u[3] = hex[(cp >> 8) & 15];
				u[4] = hex[(cp >> 4) & 15];
				u[5] = hex[cp & 15];
				u[6] = '\0';
				buf_puts(b, u);
				i += len;
				continue;
			}
		}
		buf_put(b, p + i - run, run);
		run = 0;
		switch (c) {
		case '"': esc = "\\\""; break;
		case '\\': esc = "\\\\"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\t': esc = "\\t"; break;
		case '\b': esc = "\\b"; break;
		case '\f': esc = "\\f"; break;
		default:
			if (c >= 0x80) {
				esc = "\\ufffd";
			} else {
				memcpy(u, "\\u00", 4);
				u[4] = hex[c >> 4];
				u[5] = hex[c & 15];
				u[6] = '\0';
				esc = u;
			}
		}
		buf_puts(b, esc);
		i++;
	}
	if (run > 0)	/* (p may be NULL when n is 0) */
		buf_put(b, p + i - run, run);
}

void
buf_put_json_str(struct buf *b, const char *p, size_t n)
{
	buf_putc(b, '"');
	buf_put_json_chars(b, p, n);
	buf_putc(b, '"');
}

void
buf_put_json_or_null(struct buf *b, const char *p)
{
	if (p)
		buf_put_json_str(b, p, strlen(p));
	else
		buf_puts(b, "null");
}

void
buf_put_html(struct buf *b, const char *p, size_t n)
{
	size_t i, start = 0;

	if (n == 0)
		return;	/* p may be NULL then: an empty buffer's mem */
	for (i = 0; i < n; i++) {
		const char *ent;
		switch (p[i]) {
		case '&': ent = "&amp;"; break;
		case '<': ent = "&lt;"; break;
		case '>': ent = "&gt;"; break;
		case '"': ent = "&quot;"; break;
		case '\'': ent = "&#39;"; break;
		default: continue;
		}
		buf_put(b, p + start, i - start);
		buf_puts(b, ent);
		start = i + 1;
	}
	buf_put(b, p + start, n - start);
}

int
buf_csv_would_run(const char *p, size_t n)
{
	static const char fullwidth[][3] = {	/* U+FF1D = + - @ */
		{ '\xEF', '\xBC', '\x9D' }, { '\xEF', '\xBC', '\x8B' },
		{ '\xEF', '\xBC', '\x8D' }, { '\xEF', '\xBC', '\xA0' },
	};
	size_t k;

	if (n == 0)
		return 0;
	if (strchr("=+-@\t\r", p[0]) && p[0] != '\0')
		return 1;
	for (k = 0; n >= 3 && k < sizeof fullwidth / sizeof fullwidth[0]; k++)
		if (memcmp(p, fullwidth[k], 3) == 0)
			return 1;
	return 0;
}

/* One CSV cell, its bytes as given. */
static void
put_csv_cell(struct buf *b, const char *p, size_t n, char delim)
{
	int run = buf_csv_would_run(p, n);
	size_t i, start = 0;

	if (!run && !memchr(p, delim, n) && !memchr(p, '"', n) && !memchr(p, '\n', n) &&
	    !memchr(p, '\r', n)) {
		buf_put(b, p, n);
		return;
	}
	buf_putc(b, '"');
	if (run)
		buf_putc(b, '\'');
	for (i = 0; i < n; i++)
		if (p[i] == '"') {
			buf_put(b, p + start, i + 1 - start);
			buf_putc(b, '"');
			start = i + 1;
		}
	buf_put(b, p + start, n - start);
	buf_putc(b, '"');
}

void
buf_put_csv(struct buf *b, const char *p, size_t n, char delim)
{
	struct buf t;
	size_t i = 0;
	int changed = 0;

	/* what a terminal would obey is shown visibly (lib/term.h), as CSV
	 * has no escape of its own: a listing's ESC must not drive the
	 * terminal a moderator reads the output in; tabs and line ends are
	 * the quoting's */
	while (i < n) {
		char esc[TERM_ESC_MAX];
		size_t k = term_char(p + i, n - i, esc);
		if (esc[0] && p[i] != '\t' && p[i] != '\n' && p[i] != '\r') {
			if (!changed) {
				buf_init_mem(&t);
				buf_put(&t, p, i);
				changed = 1;
			}
			buf_puts(&t, esc);
		} else if (changed) {
			buf_put(&t, p + i, k);
		}
		i += k;
	}
	if (!changed) {
		put_csv_cell(b, p, n, delim);
		return;
	}
	put_csv_cell(b, buf_str(&t), t.len, delim);
	if (t.err && !b->err)
		b->err = t.err;
	buf_release(&t);
}

/* --------------------------------------------------------------- flushing */

int
buf_flush(struct buf *b)
{
	if (b->sink == BUF_OUT && !b->err && b->len > 0) {
		write_all(b, b->mem, b->len);
		b->len = 0;
	}
	return b->err;
}

const char *
buf_str(struct buf *b)
{
	if (b->sink != BUF_MEM || !b->mem)
		return "";
	return b->mem;
}

void
buf_release(struct buf *b)
{
	free(b->mem);
	b->mem = NULL;
	b->len = b->cap = 0;
}
