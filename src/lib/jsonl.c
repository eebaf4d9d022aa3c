/* SPDX-License-Identifier: MIT */
/* jsonl: lines from a sliding window, each checked as a JSON object
 * (lib/json.c) and flattened into its members; JSON arrays of objects
 * read as records too. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/grow.h"
#include "lib/json_priv.h"
#include "lib/jsonl.h"
#include "lib/utf8.h"

/* Keeps a member; its key is in the line, or (koff != NO_KEY) in
 * r->keys, whose address is known only when the object is done. */
#define NO_KEY ((size_t)-1)

static int
add_member(struct jsonl_reader *r, struct jp *j, const struct jsonl_member *m,
    size_t koff)
{
	if (r->nmem >= r->max_members)
		return error_set(j->err, j->line, (long)j->i + 1,
		    "object has more than %zu members", r->max_members);
	if (grow_array(&r->mem, &r->memcap, r->nmem + 1, sizeof *r->mem) != 0 ||
	    grow_array(&r->koff, &r->koffcap, r->nmem + 1, sizeof *r->koff) != 0)
		return -2;
	r->koff[r->nmem] = koff;
	r->mem[r->nmem++] = *m;
	return 0;
}

/* Appends (p, n) to the path being built; -1 when it grows too long. */
static int
path_add(struct jsonl_reader *r, struct jp *j, const char *p, size_t n)
{
	if (r->pathlen + n > JSONL_MAX_PATH)
		return json_fail(j, "a key path longer than 256 bytes");
	memcpy(r->path + r->pathlen, p, n);
	r->pathlen += n;
	return 0;
}

/* A leaf at the current path: its key copied to r->keys. */
static int
add_leaf(struct jsonl_reader *r, struct jp *j, struct jsonl_member *m)
{
	size_t off = r->keylen;

	if (grow_array(&r->keys, &r->keycap, r->keylen + r->pathlen + 1, 1) != 0)
		return -2;
	memcpy(r->keys + off, r->path, r->pathlen);
	r->keylen += r->pathlen;
	m->key = NULL;
	m->keylen = r->pathlen;
	return add_member(r, j, m, off);
}

/* The value at j->i under the path r->path: a leaf is kept (a string
 * unescaped in place), a container walked, its members' paths
 * "path.key" and "path[i]". */
static int
flatten(struct jsonl_reader *r, struct jp *j, int depth)
{
	struct jsonl_member m;
	size_t st, base = r->pathlen, idx = 0;
	char close, num[24];
	int rc, n;

	json_skip_ws(j);
	if (j->i >= j->n)
		return json_fail(j, "line ends where a value should be");
	st = j->i;
	if (j->s[j->i] == '"') {
		m.type = JSONL_STRING;
		if (json_string(j, 1, &m.val, &m.vallen))
			return -1;
		return add_leaf(r, j, &m);
	}
	if (j->s[j->i] != '{' && j->s[j->i] != '[') {
		if (json_value(j, depth, &m.type))
			return -1;
		m.val = j->s + st;
		m.vallen = j->i - st;
		return add_leaf(r, j, &m);
	}
	if (depth + 1 > JSONL_MAX_DEPTH)
		return json_fail(j, "nested deeper than 64 levels");
	close = j->s[j->i] == '{' ? '}' : ']';
	j->i++;
	json_skip_ws(j);
	if (j->i < j->n && j->s[j->i] == close) {
		j->i++;
		return 0;	/* empty: nothing to search */
	}
	for (;;) {
		r->pathlen = base;
		if (close == '}') {
			const char *k;
			size_t kn;

			json_skip_ws(j);
			if (j->i >= j->n || j->s[j->i] != '"')
				return json_fail(j, "expected a key in quotes");
			if (json_string(j, 1, &k, &kn))
				return -1;
			if (path_add(r, j, ".", 1) || path_add(r, j, k, kn))
				return -1;
			json_skip_ws(j);
			if (j->i >= j->n || j->s[j->i] != ':')
				return json_fail(j, "expected ':' after the key");
			j->i++;
		} else {
			n = snprintf(num, sizeof num, "[%zu]", idx++);
			if (path_add(r, j, num, (size_t)n))
				return -1;
		}
		if ((rc = flatten(r, j, depth + 1)) != 0)
			return rc;
		json_skip_ws(j);
		if (j->i < j->n && j->s[j->i] == ',') {
			j->i++;
			continue;
		}
		if (j->i < j->n && j->s[j->i] == close) {
			j->i++;
			r->pathlen = base;
			return 0;
		}
		return json_fail(j, close == '}' ? "expected ',' or '}'" :
		    "expected ',' or ']'");
	}
}

/* The object on one line; -1 malformed, -2 out of memory. */
static int
object(struct jsonl_reader *r, struct jp *j)
{
	struct jsonl_member m;
	size_t st;
	int rc;

	r->nmem = 0;
	r->keylen = 0;
	json_skip_ws(j);
	if (j->i >= j->n || j->s[j->i] != '{')
		return json_fail(j, r->stream ? "expected a JSON object" :
		    "a line must hold one JSON object");
	j->i++;
	json_skip_ws(j);
	if (j->i < j->n && j->s[j->i] == '}') {
		j->i++;
		goto end;
	}
	for (;;) {
		json_skip_ws(j);
		if (j->i >= j->n || j->s[j->i] != '"')
			return json_fail(j, "expected a key in quotes");
		if (json_string(j, 1, &m.key, &m.keylen))
			return -1;
		json_skip_ws(j);
		if (j->i >= j->n || j->s[j->i] != ':')
			return json_fail(j, "expected ':' after the key");
		j->i++;
		json_skip_ws(j);
		st = j->i;
		if (r->flatten && j->i < j->n && (j->s[j->i] == '{' || j->s[j->i] == '[')) {
			r->pathlen = 0;
			if (path_add(r, j, m.key, m.keylen))
				return -1;
			if ((rc = flatten(r, j, 1)) != 0)
				return rc;
		} else {
			if (j->i < j->n && j->s[j->i] == '"') {
				m.type = JSONL_STRING;
				if (json_string(j, 1, &m.val, &m.vallen))
					return -1;
			} else {
				if (json_value(j, 1, &m.type))
					return -1;
				m.val = j->s + st;
				m.vallen = j->i - st;
			}
			if ((rc = add_member(r, j, &m, NO_KEY)) != 0)
				return rc;
		}
		json_skip_ws(j);
		if (j->i < j->n && j->s[j->i] == ',') {
			j->i++;
			continue;
		}
		if (j->i < j->n && j->s[j->i] == '}') {
			j->i++;
			break;
		}
		return json_fail(j, "expected ',' or '}'");
	}
end:
	json_skip_ws(j);
	if (j->i < j->n)
		return json_fail(j, "text after the object");
	return 0;
}

void
jsonl_reader_init(struct jsonl_reader *r, size_t max_line_bytes,
    window_read_fn fn, void *ctx)
{
	memset(r, 0, sizeof *r);
	window_init(&r->w, max_line_bytes, fn, ctx);
	r->max_line = max_line_bytes;
	r->max_members = JSONL_MAX_MEMBERS;
	r->line = 1;
}

void
jsonl_reader_init_mem(struct jsonl_reader *r, size_t max_line_bytes,
    const char *p, size_t n)
{
	jsonl_reader_init(r, max_line_bytes, NULL, NULL);
	window_init_mem(&r->w, max_line_bytes, p, n);
}

void
jsonl_reader_release(struct jsonl_reader *r)
{
	window_release(&r->w);
	free(r->mem);
	free(r->koff);
	free(r->keys);
	memset(r, 0, sizeof *r);
}

/* The object is done: the keys kept aside get their addresses. */
static void
fix_keys(struct jsonl_reader *r)
{
	size_t i;

	for (i = 0; i < r->nmem; i++)
		if (r->koff[i] != NO_KEY)
			r->mem[i].key = r->keys + r->koff[i];
}

static int
fail(struct jsonl_reader *r, struct error *err, int e)
{
	error_set(err, r->line, 0, "cannot read the input: %s",
	    e == ENOMEM ? "out of memory" : strerror(e));
	return JSONL_FAIL;
}

/* Skips the rest of a line too long to keep; returns like window_fill. */
static int
skip_long(struct jsonl_reader *r)
{
	const char *nl;
	int rc;

	for (;;) {
		nl = memchr(r->w.buf + r->p, '\n', r->w.len - r->p);
		if (nl) {
			r->p = (size_t)(nl - r->w.buf) + 1;
			return WINDOW_MORE;
		}
		rc = window_fill(&r->w, r->w.len);
		r->p = 0;
		if (rc != WINDOW_MORE)
			return rc;
	}
}

size_t
jsonl_object_end(const char *b, size_t p, size_t n, long *nl)
{
	size_t i;
	int depth = 0, quoted = 0;

	*nl = 0;
	for (i = p; i < n; i++) {
		char c = b[i];

		if (c == '\n')
			(*nl)++;
		if (quoted) {
			if (c == '\\')
				i++;
			else if (c == '"')
				quoted = 0;
			continue;
		}
		if (c == '"')
			quoted = 1;
		else if (c == '{' || c == '[')
			depth++;
		else if ((c == '}' || c == ']') && --depth == 0)
			return i + 1;
	}
	return 0;
}

/* Stream mode: skips what may come between objects (white space, a
 * BOM, the array's brackets and commas).  Returns 1 at an object or
 * anything else, 0 when the window is used up. */
static int
skip_between(struct jsonl_reader *r)
{
	const char *b = r->w.buf;

	while (r->p < r->w.len) {
		char c = b[r->p];

		if (!r->started && (unsigned char)c == 0xEF) {
			if (r->w.len - r->p < 3 && !r->w.eof)
				return 0;	/* a BOM, perhaps: read on */
			if (r->w.len - r->p >= 3 && memcmp(b + r->p, "\xEF\xBB\xBF", 3) == 0) {
				r->p += 3;
				r->started = 1;
				continue;
			}
		}
		if (c == '\n')
			r->line++;
		else if (c == '[' && !r->in_array && !r->objects)
			r->in_array = 1;
		else if (c == ']' && r->in_array)
			r->in_array = 0;
		else if (!(c == ' ' || c == '\t' || c == '\r' || (c == ',' && r->in_array)))
			return 1;
		r->started = 1;
		r->p++;
	}
	return 0;
}

static int
next_stream(struct jsonl_reader *r, struct jsonl_record *out, struct error *err)
{
	struct jp j;
	size_t e;
	long nl;
	int rc;

	out->nmembers = 0;
	out->members = NULL;
	for (;;) {
		if (r->ended)
			return JSONL_END;
		if (!skip_between(r)) {
			if (r->w.eof && r->p == r->w.len)
				return JSONL_END;
			rc = window_fill(&r->w, r->p);
			r->p = 0;
			if (rc == WINDOW_ERR)
				return fail(r, err, r->w.err);
			continue;
		}
		r->started = 1;
		r->objects++;
		out->line = r->line;
		if (r->w.buf[r->p] != '{') {
			/* not an object: skip to the next one that might be */
			error_set(err, r->line, 0, "expected a JSON object, not '%c'",
			    (unsigned char)r->w.buf[r->p] >= 0x20 &&
			    (unsigned char)r->w.buf[r->p] < 0x7F ? r->w.buf[r->p] : '?');
			for (r->p++; r->p < r->w.len && r->w.buf[r->p] != '{'; r->p++)
				r->line += r->w.buf[r->p] == '\n';
			return JSONL_MALFORMED;
		}
		e = jsonl_object_end(r->w.buf, r->p, r->w.len, &nl);
		if (e == 0 || e - r->p > r->max_line) {
			if (r->w.len - r->p > r->max_line || r->w.eof) {
				r->ended = 1;
				error_set(err, r->line, 0, r->w.eof ?
				    "the input ends inside an object" :
				    "an object longer than %zu bytes: if the listings are inside "
				    "one object (as in {\"data\": [...]}), take them out first, "
				    "e.g. jq -c '.data[]'", r->max_line);
				return JSONL_MALFORMED;
			}
			rc = window_fill(&r->w, r->p);
			r->p = 0;
			if (rc == WINDOW_ERR)
				return fail(r, err, r->w.err);
			if (rc == WINDOW_FULL) {
				r->ended = 1;
				error_set(err, r->line, 0, "an object longer than %zu bytes",
				    r->max_line);
				return JSONL_MALFORMED;
			}
			continue;
		}
		j.s = r->w.buf + r->p;
		j.n = e - r->p;
		j.i = 0;
		j.line = r->line;
		j.err = err;
		r->p = e;
		r->line += nl;
		rc = object(r, &j);
		if (rc == -2)
			return fail(r, err, ENOMEM);
		if (rc)
			return JSONL_MALFORMED;
		fix_keys(r);
		out->nmembers = r->nmem;
		out->members = r->mem;
		return JSONL_RECORD;
	}
}

int
jsonl_reader_next(struct jsonl_reader *r, struct jsonl_record *out,
    struct error *err)
{
	struct jp j;
	const char *nl;
	size_t e, k;
	int rc, full = 0;

	if (r->stream)
		return next_stream(r, out, err);
	for (;;) {
		nl = r->p < r->w.len ?
		    memchr(r->w.buf + r->p, '\n', r->w.len - r->p) : NULL;
		if (!nl && !r->w.eof) {
			if (r->w.len - r->p > r->max_line || full) {
				out->line = r->line++;
				out->nmembers = 0;
				out->members = NULL;
				error_set(err, out->line, 0,
				    "line is longer than %zu bytes", r->max_line);
				if (skip_long(r) == WINDOW_ERR)
					return fail(r, err, r->w.err);
				return JSONL_MALFORMED;
			}
			rc = window_fill(&r->w, r->p);
			r->p = 0;
			if (rc == WINDOW_ERR)
				return fail(r, err, r->w.err);
			full = rc == WINDOW_FULL;
			continue;
		}
		if (!r->started) {
			r->started = 1;
			if (r->w.len - r->p >= 3 &&
			    memcmp(r->w.buf + r->p, "\xEF\xBB\xBF", 3) == 0)
				r->p += 3;
		}
		if (!nl && r->p == r->w.len)
			return JSONL_END;
		e = nl ? (size_t)(nl - r->w.buf) : r->w.len;
		j.s = r->w.buf + r->p;
		j.n = e - r->p;
		j.i = 0;
		j.line = r->line;
		j.err = err;
		r->p = nl ? e + 1 : e;
		out->line = r->line++;
		out->nmembers = 0;
		out->members = NULL;
		if (j.n > 0 && j.s[j.n - 1] == '\r')
			j.n--;
		for (k = 0; k < j.n; k++)
			if (j.s[k] != ' ' && j.s[k] != '\t' && j.s[k] != '\r')
				break;
		if (k == j.n)
			continue;	/* a blank line */
		if (j.n > r->max_line) {
			error_set(err, out->line, 0, "line is longer than %zu bytes",
			    r->max_line);
			return JSONL_MALFORMED;
		}
		rc = object(r, &j);
		if (rc == -2)
			return fail(r, err, ENOMEM);
		if (rc)
			return JSONL_MALFORMED;
		fix_keys(r);
		out->nmembers = r->nmem;
		out->members = r->mem;
		return JSONL_RECORD;
	}
}
