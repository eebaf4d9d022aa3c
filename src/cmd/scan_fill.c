/* SPDX-License-Identifier: MIT */
/* scan_fill: filling the pipe's batches with listings, one thread at a
 * time: CSV records under the header's names, JSON objects under their
 * keys, bad records kept as such, the progress line, and the file-level
 * look at a spreadsheet's E-notation IMEIs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/scan_run.h"
#include "lib/csv.h"
#include "lib/jsonl.h"

void
scan_progress(struct scan_run *r, int done)
{
	double t;

	if (!r->progress)
		return;
	if (done) {
		fputs("\r                                        \r", stderr);
		return;
	}
	t = scan_now();
	if (t - r->last_progress < 0.25)
		return;
	r->last_progress = t;
	/* two passes over a file: each is half of the way */
	fprintf(stderr, "\rhandover scan: %3d%%", r->pass == 0 ?
	    (int)(r->in.bytes * 100 / (r->in.size > 0 ? r->in.size : 1)) :
	    (int)(((r->pass == 2 ? r->in.size : 0) + r->in.bytes) * 50 /
	    (r->in.size > 0 ? r->in.size : 1)));
}

static int
full(const struct pipeline_batch *b)
{
	return b->len >= SCAN_BATCH_BYTES || b->nrec >= SCAN_BATCH_RECS;
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

/* Stops the reading; status says why (after a message). */
static int
read_failed(struct scan_run *r, int status)
{
	r->rd.status = status;
	r->rd.eof = 1;
	return -1;
}

/* A spreadsheet's E-notation: 3.54178E+14. */
static int
looks_enotation(const char *p, size_t n)
{
	size_t i = 0, d = 0;

	if (!memchr(p, '+', n))
		return 0;
	while (i < n && p[i] == ' ')
		i++;
	for (; i < n && ((p[i] >= '0' && p[i] <= '9') || p[i] == '.' || p[i] == ','); i++)
		d++;
	if (!d || i + 2 > n || (p[i] != 'E' && p[i] != 'e'))
		return 0;
	i++;
	if (p[i] == '+')
		i++;
	for (d = 0; i < n && p[i] >= '0' && p[i] <= '9'; i++)
		d++;
	return d > 0;
}

/* An IMEI column's value, counted for the file-level finding. */
static void
count_imei(struct scan_file *f, const char *p, size_t n)
{
	if (!n)
		return;
	f->imei_values++;
	if (looks_enotation(p, n))
		f->imei_enotation++;
}

/* After the first batch: a file whose IMEI column is mostly E-notation
 * was turned into it by a spreadsheet; that is one finding for the file,
 * not a caution on every listing. */
static void
judge_first_batch(struct scan_run *r)
{
	struct scan_file *f = r->file;

	if (r->rd.batches++ > 0)
		return;
	if (f->imei_enotation >= 2 && f->imei_enotation * 2 >= f->imei_values) {
		f->enotation = 1;
		f->mask &= ~(1u << SCAN_SCIENTIFIC_NOTATION);
	}
}

static int
csv_header(struct scan_run *r, const struct csv_record *rec, int st, const struct error *e)
{
	struct scan_names nm;
	int status;

	if (st == CSV_MALFORMED) {
		cli_error("'%s': line %ld: the header row is malformed: %s; is it a CSV file?",
		    r->file->name, rec->line, e->msg);
		return read_failed(r, EXIT_NOT_UNDERSTOOD);
	}
	if (scan_keep_header(r, rec) != 0) {
		cli_error("out of memory");
		return read_failed(r, EXIT_IO);
	}
	r->rd.have_header = 1;
	r->rd.row = 1;
	nm.p = (const char *const *)r->hdr;
	nm.n = r->hdrlen;
	nm.role = r->hdrrole;
	nm.count = r->nhdr;
	if ((status = scan_report_columns(r, &nm, 0)) != EXIT_OK)
		return read_failed(r, status);
	return 0;
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
			cli_error("'%s': %s", r->file->name, e.msg);
			return read_failed(r, EXIT_IO);
		}
		if (r->rd.have_header < 0) {	/* Excel's sep= line */
			r->rd.have_header = 0;
			continue;
		}
		if (!r->rd.have_header) {
			if (csv_header(r, &rec, st, &e) != 0)
				return -1;
			continue;
		}
		r->rd.row++;
		if (st == CSV_MALFORMED) {
			bad_message(msg, sizeof msg, &e);
			pipeline_add_bad(b, rec.line, r->rd.row, msg);
			continue;
		}
		/* the fields lie in order in the record's bytes: one copy */
		base = rec.fields[0].p;
		last = &rec.fields[rec.nfields - 1];
		pipeline_add_rec(b, rec.line, r->rd.row);
		pipeline_add_span(b, base, (size_t)(last->p + last->len - base), &off);
		for (i = 0; i < rec.nfields; i++) {
			if (i < r->nhdr) {
				if (r->hdrrole[i] == SCAN_IMEI)
					count_imei(r->file, rec.fields[i].p, rec.fields[i].len);
				pipeline_add_field_at(b, r->hdr[i], r->hdrlen[i],
				    off + (size_t)(rec.fields[i].p - base), rec.fields[i].len,
				    r->hdrrole[i], r->hdrincl[i]);
			} else {
				int w = snprintf(msg, sizeof msg, "column %zu", i + 1);
				pipeline_add_field(b, NULL, msg, (size_t)w, rec.fields[i].p,
				    rec.fields[i].len, SCAN_OTHER, -1);
			}
		}
	}
	return 0;
}

/* The index after the '[' at p[at] of the key (p, n), bounded by n (keys
 * are not NUL-terminated, and one may hold a '[' of its own); -1 when
 * there is no number there. */
static long
index_at(const char *p, size_t n, size_t at)
{
	long v = -1;
	size_t i;

	for (i = at + 1; i < n && p[i] >= '0' && p[i] <= '9' && v < 100000000; i++)
		v = (v < 0 ? 0 : v * 10) + (p[i] - '0');
	return v;
}

/* An API's envelope, {"items": [{"title": ...}, {"title": ...}]}: the
 * first object's title or text comes under one array at two indices, and
 * nowhere else (a listing with its own title may have variants[0].title).
 * Returns the length of that array's path, *which a key that starts
 * with it, or 0. */
static size_t
envelope_key(const char *const *p, const size_t *n, const enum scan_role *role, size_t count,
    size_t *which)
{
	size_t i, k;

	for (i = 0; i < count; i++) {
		const char *b = role[i] == SCAN_TITLE || role[i] == SCAN_TEXT ?
		    memchr(p[i], '[', n[i]) : NULL;
		size_t at = b ? (size_t)(b - p[i]) : 0;

		if (!at)
			continue;
		for (k = i + 1; k < count; k++)
			if ((role[k] == SCAN_TITLE || role[k] == SCAN_TEXT) && n[k] > at &&
			    memcmp(p[k], p[i], at + 1) == 0 &&
			    index_at(p[i], n[i], at) >= 0 &&
			    index_at(p[k], n[k], at) != index_at(p[i], n[i], at))
				break;
		if (k == count)
			continue;
		for (k = 0; k < count; k++)
			if ((role[k] == SCAN_TITLE || role[k] == SCAN_TEXT) &&
			    (n[k] <= at || memcmp(p[k], p[i], at + 1) != 0))
				return 0;
		*which = i;
		return at;
	}
	return 0;
}

/* The first object's keys said as a header is. */
static int
json_header(struct scan_run *r, const struct jsonl_record *rec)
{
	const char *p[256];
	size_t n[256], i, k = 0, at = 0;
	enum scan_role role[256];
	struct scan_names nm;
	int status, incl;

	r->json_reported = 1;
	for (i = 0; i < rec->nmembers && k < 256; i++) {
		const struct jsonl_member *m = &rec->members[i];

		p[k] = m->key;
		n[k] = m->keylen;
		role[k++] = scan_key_role(r, m->key, m->keylen, &incl);
	}
	if ((i = envelope_key(p, n, role, k, &at)) != 0) {
		if (r->file->path)
			cli_error("'%s' holds its listings inside one object, in the array "
			    "'%.*s': take them out first: jq -c '.%.*s[]' '%s' | handover scan -",
			    r->file->name, (int)i, p[at], (int)i, p[at], r->file->path);
		else
			cli_error("'stdin' holds its listings inside one object, in the array "
			    "'%.*s': pipe it through jq -c '.%.*s[]' first", (int)i, p[at], (int)i,
			    p[at]);
		return read_failed(r, EXIT_NOT_UNDERSTOOD);
	}
	nm.p = p;
	nm.n = n;
	nm.role = role;
	nm.count = k;
	if ((status = scan_report_columns(r, &nm, 1)) != EXIT_OK)
		return read_failed(r, status);
	return 0;
}

static int
fill_jsonl(struct scan_run *r, struct pipeline_batch *b)
{
	struct jsonl_record rec;
	struct error e;
	char msg[400];
	size_t i;
	int st, incl;

	while (!full(b) && !r->rd.eof) {
		st = jsonl_reader_next(&r->rd.jsonl, &rec, &e);
		if (st == JSONL_END) {
			r->rd.eof = 1;
			break;
		}
		if (st == JSONL_FAIL) {
			cli_error("'%s': %s", r->file->name, e.msg);
			return read_failed(r, EXIT_IO);
		}
		r->rd.row++;
		if (st == JSONL_MALFORMED) {
			bad_message(msg, sizeof msg, &e);
			pipeline_add_bad(b, rec.line, r->rd.row, msg);
			continue;
		}
		if (!r->json_reported && json_header(r, &rec) != 0)
			return -1;
		pipeline_add_rec(b, rec.line, r->rd.row);
		for (i = 0; i < rec.nmembers; i++) {
			const struct jsonl_member *m = &rec.members[i];
			enum scan_role role = scan_key_role(r, m->key, m->keylen, &incl);
			size_t len = m->type == JSONL_NULL ? 0 : m->vallen;

			if (role == SCAN_IMEI)
				count_imei(r->file, m->val, len);
			pipeline_add_field(b, NULL, m->key, m->keylen, m->val, len, role, incl);
		}
	}
	return 0;
}

int
scan_fill(void *ctx, struct pipeline_batch *b)
{
	struct scan_run *r = ctx;

	if (r->rd.eof)
		return 0;
	if ((r->file->fmt == SCAN_IN_CSV ? fill_csv(r, b) : fill_jsonl(r, b)) != 0)
		return -1;
	if (b->nomem) {
		cli_error("out of memory");
		return read_failed(r, EXIT_IO);
	}
	judge_first_batch(r);
	scan_progress(r, 0);
	return b->nrec > 0;
}
