/* SPDX-License-Identifier: MIT */
/* csv: RFC 4180 records from a sliding window, a memchr fast path for
 * lines without quotes, and a resumable state machine for the rest. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define CSV_SSE2 1
#endif

#include "lib/grow.h"
#include "lib/csv.h"

enum { ST_REC, ST_FIELD, ST_UNQ, ST_Q, ST_QQ, ST_QCR, ST_SKIP };
enum { DONE, NEED };

struct csv_slot {
	size_t off, len;	/* from the record start, raw */
	int dq;			/* holds doubled quotes to undo */
};


void
csv_reader_init(struct csv_reader *r, size_t max_record_bytes,
    window_read_fn fn, void *ctx)
{
	memset(r, 0, sizeof *r);
	window_init(&r->w, max_record_bytes, fn, ctx);
	r->max_record = max_record_bytes;
	r->max_fields = CSV_MAX_FIELDS;
	r->line = 1;
	r->state = ST_REC;
	csv_reader_set_delimiter(r, ',');
}

void
csv_reader_set_delimiter(struct csv_reader *r, char delim)
{
	memset(r->stop, 0, sizeof r->stop);
	r->stop[0] = r->stop['\n'] = r->stop['"'] = 1;
	r->stop[(unsigned char)delim] = 1;
	r->delim = delim;
}

void
csv_reader_init_mem(struct csv_reader *r, size_t max_record_bytes,
    const char *p, size_t n)
{
	csv_reader_init(r, max_record_bytes, NULL, NULL);
	window_init_mem(&r->w, max_record_bytes, p, n);
}

void
csv_reader_release(struct csv_reader *r)
{
	window_release(&r->w);
	free(r->slots);
	free(r->fields);
	memset(r, 0, sizeof *r);
}

/* Notes the first problem of the current record. */
#define BAD(r, ...) do { \
	if (!(r)->bad) \
		error_set(&(r)->why, (r)->rec_line, 0, __VA_ARGS__); \
	(r)->bad = 1; \
} while (0)

/* Keeps field [off, off + len) of the window; 0, or -1 out of memory. */
static int
push(struct csv_reader *r, size_t off, size_t len, int dq)
{
	if (r->bad || r->discard)
		return 0;
	if (r->nf >= r->max_fields) {
		BAD(r, "record has more than %zu fields", r->max_fields);
		return 0;
	}
	if ((r->nf >= r->slotcap &&
	    grow_array(&r->slots, &r->slotcap, r->nf + 1, sizeof *r->slots) != 0) ||
	    (r->nf >= r->fieldcap &&
	    grow_array(&r->fields, &r->fieldcap, r->nf + 1, sizeof *r->fields) != 0))
		return -1;
	r->slots[r->nf].off = off - r->rs;
	r->slots[r->nf].len = len;
	r->slots[r->nf].dq = dq;
	r->nf++;
	return 0;
}

#ifdef CSV_SSE2
/* Bits of the bytes of the 16 at p equal to c. */
static unsigned
eq16(__m128i v, char c)
{
	return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(c)));
}
#endif

/* The first byte in [p, n) that is a line end, a quote or a NUL, or n:
 * one pass where memchr would take three. */
static size_t
find_nl_quote_nul(const char *b, size_t p, size_t n)
{
#ifdef CSV_SSE2
	for (; p + 16 <= n; p += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(b + p));
		unsigned m = eq16(v, '\n') | eq16(v, '"') | eq16(v, '\0');

		if (m)
			return p + (size_t)__builtin_ctz(m);
	}
#endif
	while (p < n && b[p] != '\n' && b[p] != '"' && b[p] != '\0')
		p++;
	return p;
}

/* The end of a quoted field's run from p: the next quote or NUL, or n;
 * adds the line ends before it to *lines. */
static size_t
find_quote_nul(const char *b, size_t p, size_t n, long *lines)
{
#ifdef CSV_SSE2
	for (; p + 16 <= n; p += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(b + p));
		unsigned m = eq16(v, '"') | eq16(v, '\0'), nl = eq16(v, '\n');

		if (m)
			nl &= (1u << __builtin_ctz(m)) - 1;
		for (; nl; nl &= nl - 1)	/* line ends are few */
			(*lines)++;
		if (m)
			return p + (size_t)__builtin_ctz(m);
	}
#endif
	for (; p < n && b[p] != '"' && b[p] != '\0'; p++)
		*lines += b[p] == '\n';
	return p;
}

/* The first byte from p that ends an unquoted run (r->stop), or n. */
static size_t
find_unq_stop(const struct csv_reader *r, const char *b, size_t p, size_t n)
{
#ifdef CSV_SSE2
	for (; p + 16 <= n; p += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(b + p));
		unsigned m = eq16(v, r->delim) | eq16(v, '\n') | eq16(v, '"') |
		    eq16(v, '\0');

		if (m)
			return p + (size_t)__builtin_ctz(m);
	}
#endif
	while (p < n && !r->stop[(unsigned char)b[p]])
		p++;
	return p;
}

/*
 * Runs the state machine from r->p to the end of the record (DONE, r->p
 * past its line end) or of the window (NEED).  Returns -1 out of memory.
 */
static int
step(struct csv_reader *r)
{
	char *b = r->w.buf;
	size_t n = r->w.len, p = r->p, e;
	const char *q;

	for (;;) {
		switch (r->state) {
		case ST_FIELD:
			if (p == n)
				goto need;
			if (b[p] == '"') {
				r->state = ST_Q;
				r->fs = ++p;
				r->dq = 0;
				r->qline = r->line;
				continue;
			}
			r->fs = p;
			r->state = ST_UNQ;
			/* FALLTHROUGH */
		case ST_UNQ:
			p = find_unq_stop(r, b, p, n);
			if (p == n)
				goto need;
			if (b[p] == r->delim) {
				if (push(r, r->fs, p - r->fs, 0))
					return -1;
				p++;
				r->state = ST_FIELD;
			} else if (b[p] == '\n') {
				e = p;
				if (e > r->fs && b[e - 1] == '\r')
					e--;
				if (push(r, r->fs, e - r->fs, 0))
					return -1;
				r->line++;
				r->p = p + 1;
				return DONE;
			} else if (b[p] == '"') {
				BAD(r, "quote inside an unquoted field (field %zu, line %ld)",
				    r->nf + 1, r->line);
				r->state = ST_SKIP;
			} else {
				BAD(r, "NUL byte on line %ld: binary data is not CSV",
				    r->line);
				r->state = ST_SKIP;
			}
			continue;
		case ST_Q:
			p = find_quote_nul(b, p, n, &r->line);
			if (p == n)
				goto need;
			if (b[p] == '\0') {
				BAD(r, "NUL byte on line %ld: binary data is not CSV",
				    r->line);
				p++;
				r->state = ST_SKIP;
				continue;
			}
			p++;
			r->state = ST_QQ;
			/* FALLTHROUGH */
		case ST_QQ:
			if (p == n)
				goto need;
			if (b[p] == '"') {
				r->dq = 1;
				p++;
				r->state = ST_Q;
				continue;
			}
			if (b[p] == r->delim || b[p] == '\n' || b[p] == '\r') {
				if (push(r, r->fs, p - 1 - r->fs, r->dq))
					return -1;
			}
			if (b[p] == r->delim) {
				p++;
				r->state = ST_FIELD;
			} else if (b[p] == '\n') {
				r->line++;
				r->p = p + 1;
				return DONE;
			} else if (b[p] == '\r') {
				p++;
				r->state = ST_QCR;
			} else {
				BAD(r, "text after the closing quote of field %zu (line %ld)",
				    r->nf + 1, r->line);
				r->state = ST_SKIP;
			}
			continue;
		case ST_QCR:
			if (p == n)
				goto need;
			if (b[p] == '\n') {
				r->line++;
				r->p = p + 1;
				return DONE;
			}
			BAD(r, "text after the closing quote of field %zu (line %ld)",
			    r->nf, r->line);
			r->state = ST_SKIP;
			continue;
		case ST_SKIP:
			q = memchr(b + p, '\n', n - p);
			if (!q) {
				p = n;
				goto need;
			}
			r->line++;
			r->p = (size_t)(q - b) + 1;
			return DONE;
		}
	}
need:
	r->p = p;
	return NEED;
}

/* The input ended inside the current record. */
static int
finish_eof(struct csv_reader *r)
{
	size_t p = r->p, e;
	int rc = 0;

	switch (r->state) {
	case ST_FIELD:
		rc = push(r, p, 0, 0);
		break;
	case ST_UNQ:
		e = p;
		if (e > r->fs && r->w.buf[e - 1] == '\r')
			e--;
		rc = push(r, r->fs, e - r->fs, 0);
		break;
	case ST_Q:
		BAD(r, "file ends inside a quoted field that starts on line %ld",
		    r->qline);
		break;
	case ST_QQ:
		rc = push(r, r->fs, p - 1 - r->fs, r->dq);
		break;
	}
	if (!r->last_nl)
		r->line++;	/* the last line had no line end */
	return rc;
}

/* Hands over the record that ends at r->p. */
static int
emit(struct csv_reader *r, struct csv_record *out, struct error *err)
{
	size_t i, j, k;

	r->state = ST_REC;
	out->line = r->rec_line;
	out->nlines = r->line - r->rec_line;
	if (!r->bad && !r->discard && r->p - r->rs > r->max_record)
		BAD(r, "record is longer than %zu bytes", r->max_record);
	if (r->bad || r->discard) {
		out->nfields = 0;
		out->fields = NULL;
		if (err)
			*err = r->why;
		return CSV_MALFORMED;
	}
	for (i = 0; i < r->nf; i++) {
		char *f = r->w.buf + r->rs + r->slots[i].off;
		size_t len = r->slots[i].len;

		if (r->slots[i].dq) {
			/* "" stands for one quote: move the runs between them */
			char *w = f, *s = f, *end = f + len, *q;
			while ((q = memchr(s, '"', (size_t)(end - s))) != NULL) {
				j = (size_t)(q - s) + 1;
				if (w != s)
					memmove(w, s, j);
				w += j;
				s = q + 2 < end ? q + 2 : end;
			}
			k = (size_t)(end - s);
			if (w != s)
				memmove(w, s, k);
			len = (size_t)(w - f) + k;
		}
		r->fields[i].p = f;
		r->fields[i].len = len;
	}
	out->nfields = r->nf;
	out->fields = r->fields;
	return CSV_RECORD;
}

/* The fast path: a whole line [r->p, e) in the window that has no quote
 * and no NUL (the caller looked). */
static int
fast_line(struct csv_reader *r, size_t e, int has_nl)
{
	char *b = r->w.buf;
	size_t s = r->p, last;
	const char *c;

	if (e - s > r->max_record)
		return 0;
	while ((c = memchr(b + s, r->delim, e - s)) != NULL) {
		if (r->nf + 1 >= r->max_fields) {
			r->nf = 0;	/* the slow path reports it */
			return 0;
		}
		if (push(r, s, (size_t)(c - b) - s, 0))
			return -1;
		s = (size_t)(c - b) + 1;
	}
	last = e;
	if (last > s && b[last - 1] == '\r')
		last--;
	if (push(r, s, last - s, 0))
		return -1;
	r->p = e + (has_nl ? 1 : 0);
	r->line++;
	return 1;
}

static int
fail(struct csv_reader *r, struct error *err)
{
	error_set(err, r->line, 0, "cannot read the input: %s",
	    r->w.err == ENOMEM ? "out of memory" : strerror(r->w.err));
	return CSV_FAIL;
}

/* Reads more, keeping what the current state still needs. */
static int
refill(struct csv_reader *r)
{
	size_t drop;
	int rc;

	if (r->state != ST_REC && !r->discard && r->state != ST_SKIP &&
	    r->w.len - r->rs > r->max_record) {
		BAD(r, "record is longer than %zu bytes", r->max_record);
		r->discard = 1;
	}
	drop = (r->state == ST_REC) ? r->p :
	    (r->discard || r->state == ST_SKIP) ? r->p : r->rs;
	rc = window_fill(&r->w, drop);
	if (rc == WINDOW_MORE)
		r->last_nl = r->w.buf[r->w.len - 1] == '\n';
	if (rc == WINDOW_FULL && !r->discard) {
		BAD(r, "record is longer than %zu bytes", r->max_record);
		r->discard = 1;
	}
	r->p -= drop;
	r->rs = r->rs >= drop ? r->rs - drop : 0;
	r->fs = r->fs >= drop ? r->fs - drop : 0;
	return rc;
}

int
csv_reader_next(struct csv_reader *r, struct csv_record *out,
    struct error *err)
{
	size_t e;
	int rc;

	for (;;) {
		if (r->state == ST_REC) {
			if ((r->p == r->w.len || (!r->started &&
			    r->w.len - r->p < 3)) && !r->w.eof) {
				if (refill(r) == WINDOW_ERR)
					return fail(r, err);
				continue;
			}
			if (!r->started) {
				r->started = 1;
				if (r->w.len - r->p >= 3 &&
				    memcmp(r->w.buf + r->p, "\xEF\xBB\xBF", 3) == 0)
					r->p += 3;
				continue;
			}
			if (r->p == r->w.len)
				return CSV_END;
			r->rs = r->p;
			r->rec_line = r->line;
			r->nf = 0;
			r->bad = r->discard = 0;
			/* the first line end, quote or NUL: only a line end
			 * first leaves a line the fast path can take */
			e = find_nl_quote_nul(r->w.buf, r->p, r->w.len);
			if (e == r->w.len && !r->w.eof && r->w.len - r->p < r->max_record) {
				rc = refill(r);
				if (rc == WINDOW_ERR)
					return fail(r, err);
				if (rc != WINDOW_FULL)
					continue;
			}
			if (e == r->w.len ? r->w.eof : r->w.buf[e] == '\n') {
				rc = fast_line(r, e, e < r->w.len);
				if (rc < 0)
					goto oom;
				if (rc > 0)
					return emit(r, out, err);
			}
			r->state = ST_FIELD;
		}
		rc = step(r);
		if (rc < 0)
			goto oom;
		if (rc == DONE)
			return emit(r, out, err);
		rc = refill(r);
		if (rc == WINDOW_ERR)
			return fail(r, err);
		if (rc == WINDOW_EOF && r->p == r->w.len) {
			if (finish_eof(r))
				goto oom;
			return emit(r, out, err);
		}
	}
oom:
	r->w.err = ENOMEM;
	return fail(r, err);
}

int
csv_parse_buffer(const char *p, size_t n, size_t max_record_bytes,
    csv_record_fn fn, void *ctx, struct error *err)
{
	struct csv_reader r;
	struct csv_record rec;
	struct error bad;
	int rc, stop = 0;

	csv_reader_init_mem(&r, max_record_bytes, p, n);
	while (!stop && (rc = csv_reader_next(&r, &rec, &bad)) != CSV_END) {
		if (rc == CSV_FAIL) {
			if (err)
				*err = bad;
			csv_reader_release(&r);
			return -1;
		}
		stop = fn(ctx, &rec, rc == CSV_MALFORMED ? &bad : NULL);
	}
	csv_reader_release(&r);
	return stop;
}

char
csv_sniff_delimiter(const char *p, size_t n)
{
	static const char cand[] = { ',', ';', '\t' };
	size_t count[3] = { 0, 0, 0 }, i, k, best = 0;
	int quoted = 0;

	for (i = 0; i < n && (quoted || p[i] != '\n'); i++) {
		if (p[i] == '"') {
			quoted = !quoted;
			continue;
		}
		if (quoted)
			continue;
		for (k = 0; k < 3; k++)
			count[k] += p[i] == cand[k];
	}
	for (k = 1; k < 3; k++)
		if (count[k] > count[best])
			best = k;
	return cand[best];
}
