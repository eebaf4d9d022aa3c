/* SPDX-License-Identifier: MIT */
/* scan_input: the input side of "handover scan": guessing the format,
 * reading, the column roles from header names, filling batches with
 * listings (one thread at a time), and running the pipe over them. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/scan_run.h"
#include "lib/csv.h"
#include "lib/jsonl.h"
#include "cli/fd.h"

const char *const scan_default_names[SCAN_NROLES][5] = {
	[SCAN_ID] = { "id", "listing_id" },
	[SCAN_TITLE] = { "title" },
	[SCAN_TEXT] = { "description", "body", "text" },
	[SCAN_IMEI] = { "imei", "imei1", "imei2", "serial" },
	[SCAN_BRAND] = { "brand" },
	[SCAN_MODEL] = { "model" },
	[SCAN_SELLER] = { "seller", "seller_id" },
	[SCAN_PRICE] = { "price" },
};

static ssize_t
input_read(void *ctx, char *buf, size_t n)
{
	struct scan_input *in = ctx;
	ssize_t got;

	if (in->prepos < in->prelen) {
		size_t k = in->prelen - in->prepos;
		if (k > n)
			k = n;
		memcpy(buf, in->pre + in->prepos, k);
		in->prepos += k;
		return (ssize_t)k;
	}
	got = fd_window_read(&in->fd, buf, n);
	if (got > 0)
		in->bytes += got;
	return got;
}

static int
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* The format a file name says, or SCAN_IN_AUTO. */
static int
format_of_name(const char *path)
{
	if (!path)
		return SCAN_IN_AUTO;
	if (ends_with(path, ".csv") || ends_with(path, ".CSV"))
		return SCAN_IN_CSV;
	if (ends_with(path, ".jsonl") || ends_with(path, ".ndjson") || ends_with(path, ".json"))
		return SCAN_IN_JSONL;
	return SCAN_IN_AUTO;
}

/* Reads the first bytes (kept for the reader) and guesses from them: a
 * '{' first means JSON Lines, anything else CSV. */
static int
format_of_content(struct scan_input *in, int *fmt)
{
	size_t i = 0;
	ssize_t got;

	while (in->prelen < sizeof in->pre) {
		got = fd_window_read(&in->fd, in->pre + in->prelen, sizeof in->pre - in->prelen);
		if (got < 0)
			return -1;
		if (got == 0)
			break;
		in->prelen += (size_t)got;
		in->bytes += got;
		if (memchr(in->pre, '\n', in->prelen))
			break;
	}
	if (in->prelen >= 3 && memcmp(in->pre, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < in->prelen && strchr(" \t\r\n", in->pre[i]))
		i++;
	*fmt = i < in->prelen && in->pre[i] == '{' ? SCAN_IN_JSONL : SCAN_IN_CSV;
	return 0;
}

int
cli_scan_guess(struct scan_input *in, const char *path, int *fmt)
{
	if ((*fmt = format_of_name(path)) != SCAN_IN_AUTO)
		return 0;
	return format_of_content(in, fmt);
}

static int
name_eq(const char *a, size_t n, const char *b)
{
	size_t i;

	while (n && (*a == ' ' || *a == '\t')) {
		a++;
		n--;
	}
	while (n && (a[n - 1] == ' ' || a[n - 1] == '\t'))
		n--;
	for (i = 0; i < n; i++) {
		unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
		if (!y || (x | (x >= 'A' && x <= 'Z' ? 0x20 : 0)) !=
		    (y | (y >= 'A' && y <= 'Z' ? 0x20 : 0)))
			return 0;
	}
	return b[n] == '\0';
}

static enum scan_role
role_of(const struct scan_run *r, const char *name, size_t n)
{
	int k, i;

	for (k = SCAN_ID; k < SCAN_NROLES; k++)
		for (i = 0; i < r->nnames[k]; i++)
			if (name_eq(name, n, r->names[k][i]))
				return (enum scan_role)k;
	return SCAN_OTHER;
}

static void
progress(struct scan_run *r, int done)
{
	double t;

	if (!r->progress)
		return;
	if (done) {
		fputs("\r                                        \r", stderr);
		return;
	}
	t = cli_scan_now();
	if (t - r->last_progress < 0.25)
		return;
	r->last_progress = t;
	fprintf(stderr, "\rhandover scan: %3d%%",
	    (int)(r->in.bytes * 100 / (r->in.size > 0 ? r->in.size : 1)));
}

static int
full(const struct pipeline_batch *b)
{
	return b->len >= SCAN_BATCH_BYTES || b->nrec >= SCAN_BATCH_RECS;
}

static int
keep_header(struct scan_run *r, const struct csv_record *rec)
{
	size_t i;

	r->nhdr = rec->nfields;
	r->hdr = calloc(r->nhdr + 1, sizeof *r->hdr);
	r->hdrlen = calloc(r->nhdr + 1, sizeof *r->hdrlen);
	r->hdrrole = calloc(r->nhdr + 1, sizeof *r->hdrrole);
	if (!r->hdr || !r->hdrlen || !r->hdrrole)
		return -1;
	for (i = 0; i < r->nhdr; i++) {
		if (!(r->hdr[i] = malloc(rec->fields[i].len + 1)))
			return -1;
		memcpy(r->hdr[i], rec->fields[i].p, rec->fields[i].len);
		r->hdr[i][rec->fields[i].len] = '\0';
		r->hdrlen[i] = rec->fields[i].len;
		r->hdrrole[i] = role_of(r, r->hdr[i], r->hdrlen[i]);
	}
	return 0;
}

static void
bad_message(char *msg, size_t cap, const struct error *e)
{
	int w;

	if (e->column > 0)
		w = snprintf(msg, cap, "column %ld: %s", e->column, e->msg);
	else
		w = snprintf(msg, cap, "%s", e->msg);
	if (w < 0 || (size_t)w >= cap)
		msg[cap - 1] = '\0';
}

/* Stops the reading with a message; the run's status says why. */
static int
read_failed(struct scan_run *r)
{
	r->rd.status = EXIT_IO;
	r->rd.eof = 1;
	return -1;
}

static int
fill_csv(struct scan_run *r, struct pipeline_batch *b)
{
	struct csv_record rec;
	const struct csv_field *last;
	const char *base;
	struct error e;
	char msg[320];
	size_t i, off;
	int st;

	while (!full(b) && !r->rd.eof) {
		st = csv_reader_next(&r->rd.csv, &rec, &e);
		if (st == CSV_END) {
			r->rd.eof = 1;
			break;
		}
		if (st == CSV_FAIL) {
			cli_error("'%s': %s", r->rd.name, e.msg);
			return read_failed(r);
		}
		if (!r->rd.have_header) {
			if (st == CSV_MALFORMED) {
				cli_error("'%s': line %ld: the header row is malformed: %s; "
				    "is it a CSV file?", r->rd.name, rec.line, e.msg);
				return read_failed(r);
			}
			if (keep_header(r, &rec) != 0) {
				cli_error("out of memory");
				return read_failed(r);
			}
			r->rd.have_header = 1;
			continue;
		}
		if (st == CSV_MALFORMED) {
			bad_message(msg, sizeof msg, &e);
			pipeline_add_bad(b, rec.line, msg);
			continue;
		}
		/* the fields lie in order in the record's bytes: one copy */
		base = rec.fields[0].p;
		last = &rec.fields[rec.nfields - 1];
		pipeline_add_rec(b, rec.line);
		pipeline_add_span(b, base, (size_t)(last->p + last->len - base), &off);
		for (i = 0; i < rec.nfields; i++) {
			if (i < r->nhdr) {
				pipeline_add_field_at(b, r->hdr[i], r->hdrlen[i],
				    off + (size_t)(rec.fields[i].p - base), rec.fields[i].len,
				    r->hdrrole[i]);
			} else {
				int w = snprintf(msg, sizeof msg, "column %zu", i + 1);
				pipeline_add_field(b, NULL, msg, (size_t)w, rec.fields[i].p,
				    rec.fields[i].len, SCAN_OTHER);
			}
		}
	}
	return 0;
}

static int
fill_jsonl(struct scan_run *r, struct pipeline_batch *b)
{
	struct jsonl_record rec;
	struct error e;
	char msg[320];
	size_t i;
	int st;

	while (!full(b) && !r->rd.eof) {
		st = jsonl_reader_next(&r->rd.jsonl, &rec, &e);
		if (st == JSONL_END) {
			r->rd.eof = 1;
			break;
		}
		if (st == JSONL_FAIL) {
			cli_error("'%s': %s", r->rd.name, e.msg);
			return read_failed(r);
		}
		if (st == JSONL_MALFORMED) {
			bad_message(msg, sizeof msg, &e);
			pipeline_add_bad(b, rec.line, msg);
			continue;
		}
		pipeline_add_rec(b, rec.line);
		for (i = 0; i < rec.nmembers; i++) {
			const struct jsonl_member *m = &rec.members[i];
			pipeline_add_field(b, NULL, m->key, m->keylen, m->val,
			    m->type == JSONL_NULL ? 0 : m->vallen,
			    role_of(r, m->key, m->keylen));
		}
	}
	return 0;
}

static int
fill(void *ctx, struct pipeline_batch *b)
{
	struct scan_run *r = ctx;

	if (r->rd.eof)
		return 0;
	if ((r->rd.fmt == SCAN_IN_JSONL ? fill_jsonl(r, b) : fill_csv(r, b)) != 0)
		return -1;
	if (b->nomem) {
		cli_error("out of memory");
		return read_failed(r);
	}
	progress(r, 0);
	return b->nrec > 0;
}

int
cli_scan_read(struct scan_run *r, int threads, int fmt, const char *name)
{
	struct pipeline_steps st;
	int stopped;

	r->rd.fmt = fmt;
	r->rd.name = name;
	r->rd.status = EXIT_OK;
	if (fmt == SCAN_IN_JSONL)
		jsonl_reader_init(&r->rd.jsonl, SCAN_MAX_RECORD, input_read, &r->in);
	else
		csv_reader_init(&r->rd.csv, SCAN_MAX_RECORD, input_read, &r->in);
	st.fill = fill;
	st.prepare = cli_scan_prepare;
	st.finish = cli_scan_finish;
	st.ctx = r;
	stopped = pipeline_run(&r->scan, threads, &st) != 0;
	if (fmt == SCAN_IN_JSONL)
		jsonl_reader_release(&r->rd.jsonl);
	else
		csv_reader_release(&r->rd.csv);
	progress(r, 1);
	if (stopped && r->rd.status == EXIT_OK) {
		/* not the reading: out of memory, or the output failed */
		if (r->nomem || !r->out.err)
			cli_error("out of memory");
		return EXIT_IO;
	}
	return r->rd.status;
}
