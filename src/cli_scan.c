/* SPDX-License-Identifier: MIT */
/* cli_scan: reading listings into batches, the ordered finish step
 * (duplicates, counts, output), progress and the summary. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli_scan.h"
#include "csv.h"
#include "jsonl.h"
#include "scanfmt.h"

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

double
cli_scan_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

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
	got = window_read_fd(&in->fd, buf, n);
	if (got > 0)
		in->bytes += got;
	return got;
}

/* Reads the first bytes and guesses: a '{' first means JSON Lines. */
int
cli_scan_sniff(struct scan_input *in, int *fmt)
{
	size_t i = 0;
	ssize_t got;

	while (in->prelen < sizeof in->pre) {
		got = window_read_fd(&in->fd, in->pre + in->prelen, sizeof in->pre - in->prelen);
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

/* The first non-empty field of a role, or NULL. */
static const struct scan_field *
first_of(const struct scan_field *f, size_t nf, enum scan_role role)
{
	size_t i;

	for (i = 0; i < nf; i++)
		if (f[i].role == role && f[i].len)
			return &f[i];
	return NULL;
}

static void
count(struct scan_run *r, unsigned reasons)
{
	enum scan_risk k = scan_risk_of(reasons);
	int i;

	r->listings++;
	if (k != SCAN_OK)
		r->flagged++;
	if (k == SCAN_STOP)
		r->stop++;
	for (i = 0; i < SCAN_NREASONS; i++)
		if (reasons & (1u << i))
			r->per_reason[i]++;
}

/* The listing rec is, as the formats take it (reasons as scanned). */
static int
listing_of(struct sbatch *b, const struct sbatch_rec *rec, struct scanfmt_listing *l)
{
	const struct scan_field *f;

	memset(l, 0, sizeof *l);
	l->line = rec->line;
	if (rec->bad) {
		l->reasons = 1u << SCAN_MALFORMED_ROW;
		l->error = b->bytes + rec->msg_off;
		return 0;
	}
	l->f = b->sf + rec->first;	/* made when the batch was scanned */
	l->nf = rec->nf;
	if ((f = first_of(l->f, l->nf, SCAN_ID)) != NULL) {
		l->id = f->p;
		l->idlen = f->len;
	}
	if ((f = first_of(l->f, l->nf, SCAN_SELLER)) != NULL) {
		l->seller = f->p;
		l->sellerlen = f->len;
	}
	l->reasons = rec->res.reasons;
	l->ids = b->found + rec->res.first_id;
	l->nids = rec->res.nids;
	l->hits = b->hits + rec->res.first_hit;
	l->nhits = rec->res.nhits;
	return 0;
}

/* Writes the listing in the run's output format (nothing for an ok one
 * under --only-flagged). */
static void
format(const struct scan_run *r, struct buf *out, const struct scanfmt_listing *l)
{
	if (r->outfmt == SCAN_OUT_KEYED)
		scanfmt_keyed(out, l);
	else if (r->only_flagged && scan_risk_of(l->reasons) == SCAN_OK)
		return;
	else if (r->outfmt == SCAN_OUT_CSV)
		scanfmt_csv(out, &r->fmt, l);
	else
		scanfmt_json(out, &r->fmt, l);
}

int
cli_scan_prepare(void *ctx, struct sbatch *b)
{
	const struct scan_run *r = ctx;
	size_t i;

	/* the keys the ordered duplicate check reads, eight to a cache line
	 * (it may run on another thread) */
	if (b->nfound > b->capkeys) {
		uint64_t *k = realloc(b->keys, b->nfound * 2 * sizeof *k);
		if (!k)
			return -1;
		b->keys = k;
		b->capkeys = b->nfound * 2;
	}
	for (i = 0; i < b->nfound; i++)
		b->keys[i] = b->found[i].key;

	for (i = 0; i < b->nrec; i++) {
		struct sbatch_rec *rec = &b->rec[i];
		struct scanfmt_listing l;

		if (listing_of(b, rec, &l) != 0)
			return -1;
		rec->seller_hash = l.seller ? dupset_hash(l.seller, l.sellerlen) : 0;
		rec->out_off = b->out.len;
		format(r, &b->out, &l);
		rec->out_len = b->out.len - rec->out_off;
	}
	return b->out.err ? -1 : 0;
}

/* Duplicates across listings, in input order so the output does not
 * depend on threads: marks the IMEIs seen before and returns the reasons
 * they add. */
#define PREFETCH_AHEAD 12	/* IMEIs whose slots are being loaded */

static unsigned
check_dups(struct scan_run *r, struct sbatch *b, const struct sbatch_rec *rec)
{
	const uint64_t *keys = b->keys + rec->res.first_id;
	unsigned add = 0;
	size_t i, ahead = rec->res.first_id + PREFETCH_AHEAD;

	for (i = 0; i < rec->res.nids; i++, ahead++) {
		int d;

		if (ahead < b->nfound && b->keys[ahead])
			dupset_prefetch(&r->seen, b->keys[ahead]);
		if (!keys[i])
			continue;
		d = dupset_add(&r->seen, keys[i], rec->seller_hash);
		if (d == DUPSET_NOMEM)
			r->nomem = 1;
		if (d <= DUPSET_NEW)
			continue;
		b->found[rec->res.first_id + i].duplicate = 1;
		add |= 1u << (d == DUPSET_OTHER_SELLER ? SCAN_DUP_OTHER_SELLER :
		    SCAN_DUP_SAME_SELLER);
	}
	return add;
}

int
cli_scan_finish(void *ctx, struct sbatch *b)
{
	struct scan_run *r = ctx;
	size_t i, from = 0;	/* prepared output not yet written */

	if (r->outfmt != SCAN_OUT_KEYED)	/* the first ones; check_dups the rest */
		for (i = 0; i < b->nfound && i < PREFETCH_AHEAD; i++)
			if (b->keys[i])
				dupset_prefetch(&r->seen, b->keys[i]);
	for (i = 0; i < b->nrec; i++) {
		struct sbatch_rec *rec = &b->rec[i];
		unsigned add = 0;

		if (rec->bad) {
			r->malformed++;
			count(r, 1u << SCAN_MALFORMED_ROW);
			continue;
		}
		if (r->outfmt != SCAN_OUT_KEYED)
			add = check_dups(r, b, rec);
		count(r, rec->res.reasons | add);
		if (add) {
			/* a duplicate: this one is written anew */
			struct scanfmt_listing l;

			buf_put(&r->out, b->out.mem + from, rec->out_off - from);
			from = rec->out_off + rec->out_len;
			if (listing_of(b, rec, &l) != 0)
				return r->nomem = -1;
			l.reasons |= add;
			format(r, &r->out, &l);
		}
	}
	buf_put(&r->out, b->out.mem + from, b->out.len - from);
	return r->out.err || r->nomem ? -1 : 0;
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
full(const struct sbatch *b)
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
fill_csv(struct scan_run *r, struct sbatch *b)
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
			sbatch_add_bad(b, rec.line, msg);
			continue;
		}
		/* the fields lie in order in the record's bytes: one copy */
		base = rec.fields[0].p;
		last = &rec.fields[rec.nfields - 1];
		sbatch_add_rec(b, rec.line);
		sbatch_add_span(b, base, (size_t)(last->p + last->len - base), &off);
		for (i = 0; i < rec.nfields; i++) {
			if (i < r->nhdr) {
				sbatch_add_field_at(b, r->hdr[i], r->hdrlen[i],
				    off + (size_t)(rec.fields[i].p - base), rec.fields[i].len,
				    r->hdrrole[i]);
			} else {
				int w = snprintf(msg, sizeof msg, "column %zu", i + 1);
				sbatch_add_field(b, NULL, msg, (size_t)w, rec.fields[i].p,
				    rec.fields[i].len, SCAN_OTHER);
			}
		}
	}
	return 0;
}

static int
fill_jsonl(struct scan_run *r, struct sbatch *b)
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
			sbatch_add_bad(b, rec.line, msg);
			continue;
		}
		sbatch_add_rec(b, rec.line);
		for (i = 0; i < rec.nmembers; i++) {
			const struct jsonl_member *m = &rec.members[i];
			sbatch_add_field(b, NULL, m->key, m->keylen, m->val,
			    m->type == JSONL_NULL ? 0 : m->vallen,
			    role_of(r, m->key, m->keylen));
		}
	}
	return 0;
}

int
cli_scan_fill(void *ctx, struct sbatch *b)
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

void
cli_scan_summary(struct scan_run *r, double secs)
{
	double mb = (double)r->in.bytes / 1e6;
	int i, any = 0;

	if (r->quiet)
		return;
	fprintf(stderr, "handover scan: %lld listings, %lld flagged (%lld stop, %lld caution), "
	    "%lld malformed\n", r->listings, r->flagged, r->stop, r->flagged - r->stop,
	    r->malformed);
	for (i = 0; i < SCAN_NREASONS; i++) {
		if (!r->per_reason[i])
			continue;
		fprintf(stderr, "%s%s %lld", any ? ", " : "  ", scan_reason_code((enum scan_reason)i),
		    r->per_reason[i]);
		any = 1;
	}
	if (any)
		fputc('\n', stderr);
	fprintf(stderr, "  %.1f MB in %.2f s, %.1f MB/s\n", mb, secs,
	    secs > 0 ? mb / secs : 0.0);
}

int
cli_scan_read(struct scan_run *r, int threads, int fmt, const char *name)
{
	struct scanpipe_steps st;
	int stopped;

	r->rd.fmt = fmt;
	r->rd.name = name;
	r->rd.status = EXIT_OK;
	if (fmt == SCAN_IN_JSONL)
		jsonl_reader_init(&r->rd.jsonl, SCAN_MAX_RECORD, input_read, &r->in);
	else
		csv_reader_init(&r->rd.csv, SCAN_MAX_RECORD, input_read, &r->in);
	st.fill = cli_scan_fill;
	st.prepare = cli_scan_prepare;
	st.finish = cli_scan_finish;
	st.ctx = r;
	stopped = scanpipe_run(&r->scan, threads, &st) != 0;
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
