/* SPDX-License-Identifier: MIT */
/* jsonl: a streaming JSON Lines reader with bounded memory: one object per
 * line, its top-level members handed over with strings unescaped. */
#ifndef HANDOVER_JSONL_H
#define HANDOVER_JSONL_H

#include <stddef.h>

#include "lib/error.h"
#include "lib/window.h"

/*
 * Each line must be one JSON object (RFC 8259, checked in full: no
 * trailing commas, no single quotes, no comments, numbers by the grammar,
 * no control characters in strings, valid UTF-8).  Lines may end in LF or
 * CRLF; the last one may lack its line end; a UTF-8 byte order mark at the
 * start is skipped; lines holding only white space are skipped.
 *
 * Strings come back unescaped into UTF-8: every escape, \uXXXX, surrogate
 * pairs; a lone surrogate becomes U+FFFD; \u0000 becomes a NUL byte, so a
 * value may hold NULs.  Invalid UTF-8 in the input makes the line malformed
 * (it is reported, never replaced silently).  Numbers come back as their
 * text, true/false/null as their text, and nested objects and arrays
 * (checked, at most JSONL_MAX_DEPTH deep) as their raw JSON text.
 *
 * A line that is not such an object, or is longer than max_line_bytes, is
 * JSONL_MALFORMED with its line number; the reader then goes on with the
 * next line.
 *
 * With flatten set, a member whose value is an object or an array comes
 * back as its leaves instead, each keyed by its path: {"seller":{"id":7},
 * "tags":["a","b"]} as seller.id 7, tags[0] "a", tags[1] "b" (at most
 * JSONL_MAX_PATH bytes a path; empty containers give nothing).
 *
 * With stream set, objects may span lines and be separated by white space
 * or, inside one top-level array ([{...}, {...}]), by commas: a JSON array
 * or pretty-printed JSON.  A record's line is where its object starts.
 * Something else than an object is malformed, and the reader goes on at
 * the next '{'; an object longer than max_line_bytes, or not closed at the
 * end, ends the input (there is no line to start again from).
 */

#define JSONL_MAX_DEPTH 64
#define JSONL_MAX_MEMBERS 4096	/* default for jsonl_reader.max_members */
#define JSONL_MAX_PATH 256	/* bytes of a flattened key path */

enum jsonl_type {
	JSONL_STRING, JSONL_NUMBER, JSONL_TRUE, JSONL_FALSE, JSONL_NULL,
	JSONL_OBJECT, JSONL_ARRAY
};

enum {
	JSONL_RECORD = 1,	/* out holds an object */
	JSONL_END = 0,		/* no more input */
	JSONL_MALFORMED = -1,	/* err says what and where; call again */
	JSONL_FAIL = -2		/* read error or out of memory: stop */
};

struct jsonl_member {
	const char *key;	/* unescaped, not NUL-terminated */
	size_t keylen;
	enum jsonl_type type;
	const char *val;	/* see above; not NUL-terminated */
	size_t vallen;
};

struct jsonl_record {
	size_t nmembers;	/* in the order of the line; keys may repeat */
	const struct jsonl_member *members;	/* borrowed from the reader */
	long line;		/* 1-based */
};

struct jsonl_reader {
	struct window w;
	size_t max_line;	/* bytes of one line, line end not counted */
	size_t max_members;	/* may be changed after init */
	/* set after init, before the first record: */
	int flatten;		/* nested values as leaves with key paths */
	int stream;		/* objects over several lines, or in an array */
	size_t p;		/* start of the next line in the window */
	long line;		/* its number */
	int started, in_array, ended;
	long objects;		/* stream: values seen */
	size_t nmem, memcap, koffcap;
	struct jsonl_member *mem;
	size_t *koff;		/* per member: its key in keys, or none */
	char *keys;		/* flattened key paths */
	size_t keylen, keycap;
	char path[JSONL_MAX_PATH];	/* the path being walked */
	size_t pathlen;
};

/* A reader pulling bytes from fn(ctx) (ctx borrowed, see window.h); it
 * holds at most about max_line_bytes + 64 KiB plus the member table. */
void jsonl_reader_init(struct jsonl_reader *r, size_t max_line_bytes,
    window_read_fn fn, void *ctx);
/* A reader over the bytes (p, n), borrowed until jsonl_reader_release. */
void jsonl_reader_init_mem(struct jsonl_reader *r, size_t max_line_bytes,
    const char *p, size_t n);

/*
 * The next object.  Returns JSONL_RECORD with out filled (valid until the
 * next call or jsonl_reader_release), JSONL_END, JSONL_MALFORMED with err
 * set (line, and the 1-based byte column when known) and out->line set, or
 * JSONL_FAIL with err set.
 */
int jsonl_reader_next(struct jsonl_reader *r, struct jsonl_record *out,
    struct error *err);

void jsonl_reader_release(struct jsonl_reader *r);

/* The end of the JSON object or array that starts at b[p] (its '{' or
 * '['), quotes and escapes followed, or 0 when b[0..n) does not hold all
 * of it; *nl counts the line ends inside it. */
size_t jsonl_object_end(const char *b, size_t p, size_t n, long *nl);
#endif
