/* SPDX-License-Identifier: MIT */
/* csv: a streaming RFC 4180 reader with bounded memory that reports each
 * malformed record and goes on with the next line. */
#ifndef HANDOVER_CSV_H
#define HANDOVER_CSV_H

#include <stddef.h>

#include "lib/error.h"
#include "lib/window.h"

/*
 * What is accepted: RFC 4180 (with ',' or another delimiter) with CRLF or LF line ends (CR alone is data),
 * a UTF-8 byte order mark at the very start (skipped), a last record with
 * or without a line end, empty fields anywhere.  Fields are bytes: UTF-8
 * is not checked here.  A blank line is a record of one empty field.
 *
 * What is malformed (reported as CSV_MALFORMED, after which the reader
 * resumes at the next physical line): a quote inside an unquoted field,
 * text after a closing quote, a NUL byte (binary input), more than
 * max_fields fields, a record longer than max_record_bytes (skipped to its
 * real end without being kept, so memory stays bounded), and a quoted
 * field still open at the end of the input.
 */

#define CSV_MAX_FIELDS 10000	/* default for csv_reader.max_fields */

enum {
	CSV_RECORD = 1,		/* out holds a record */
	CSV_END = 0,		/* no more input */
	CSV_MALFORMED = -1,	/* err says what; out has line and nlines; call again */
	CSV_FAIL = -2		/* read error or out of memory: stop */
};

struct csv_field {
	const char *p;		/* unescaped bytes, not NUL-terminated */
	size_t len;
};

struct csv_record {
	size_t nfields;		/* 0 for a malformed record */
	const struct csv_field *fields;	/* borrowed from the reader */
	long line;		/* 1-based physical line where it starts */
	long nlines;		/* physical lines it spans (>= 1) */
};

struct csv_slot;

struct csv_reader {
	struct window w;
	size_t max_record;	/* bytes of one record, line end included */
	size_t max_fields;	/* may be changed after init */
	char delim;		/* csv_reader_set_delimiter */
	unsigned char stop[256];	/* bytes that end an unquoted run */
	/* parser state */
	int state, started, dq, bad, discard;
	int last_nl;		/* the last byte read was a line end */
	size_t rs, p, fs;	/* record start, scan position, field start */
	long line, rec_line, qline;
	struct error why;	/* first problem of the current record */
	size_t nf, slotcap, fieldcap;
	struct csv_slot *slots;	/* fields as offsets from rs */
	struct csv_field *fields;
};

/* A reader pulling bytes from fn(ctx) (ctx borrowed, see window.h).  It
 * holds at most about max_record_bytes + 64 KiB plus the field table. */
void csv_reader_init(struct csv_reader *r, size_t max_record_bytes,
    window_read_fn fn, void *ctx);
/* A reader over the bytes (p, n), borrowed until csv_reader_release. */
void csv_reader_init_mem(struct csv_reader *r, size_t max_record_bytes,
    const char *p, size_t n);
/* The byte between fields: ',' after init; ';' and TAB are the others
 * spreadsheets write.  Set it before the first record; never a quote,
 * CR, LF or NUL. */
void csv_reader_set_delimiter(struct csv_reader *r, char delim);

/*
 * The delimiter a header line (p, n: the first line, or as much of it as
 * there is) most likely uses: the one of ',' ';' TAB that occurs most
 * often outside quotes, ',' on a tie or when none occurs.
 */
char csv_sniff_delimiter(const char *p, size_t n);

/*
 * The next record.  Returns CSV_RECORD with out filled (its fields stay
 * valid until the next call or csv_reader_release), CSV_END, CSV_MALFORMED
 * with err set (err->line is where the record starts) and out->line and
 * out->nlines set, or CSV_FAIL with err set.
 */
int csv_reader_next(struct csv_reader *r, struct csv_record *out,
    struct error *err);

void csv_reader_release(struct csv_reader *r);

/* Called for each record by csv_parse_buffer: bad is NULL for a good
 * record, else the problem (rec has nfields 0).  Non-zero stops. */
typedef int (*csv_record_fn)(void *ctx, const struct csv_record *rec,
    const struct error *bad);

/*
 * Reads all of (p, n) (borrowed), calling fn for each record, good or
 * malformed.  Returns 0 at the end, fn's value if it stopped, or -1 with
 * err set when memory runs out.
 */
int csv_parse_buffer(const char *p, size_t n, size_t max_record_bytes,
    csv_record_fn fn, void *ctx, struct error *err);

#endif
