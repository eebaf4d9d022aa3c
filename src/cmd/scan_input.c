/* SPDX-License-Identifier: MIT */
/* scan_input: the input side of "handover scan": opening an input,
 * telling what it is (and refusing, with what to do, what it cannot
 * read), reading it as UTF-8, saying which column took which role, and
 * filling batches with listings (one thread at a time) for the pipe. */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/fd.h"
#include "cmd/scan_run.h"
#include "lib/csv.h"
#include "lib/hash.h"
#include "lib/jsonl.h"
#include "scan/sniff.h"

/* ---------------------------------------------------------------- bytes */

static int
open_input(struct scan_run *r, const struct scan_file *f)
{
	struct stat st;
	struct scan_input *in = &r->in;

	in->fd = STDIN_FILENO;
	in->size = -1;
	in->rawlen = in->rawpos = 0;
	in->npend = in->pendpos = 0;
	in->eof = in->transcoding = 0;
	in->bytes = 0;
	if (!in->raw && !(in->raw = malloc(SCAN_SNIFF_BYTES))) {
		cli_error("out of memory");
		return -1;
	}
	if (f->path && (in->fd = open(f->path, O_RDONLY)) < 0) {
		cli_error("cannot open '%s': %s", f->path, strerror(errno));
		return -1;
	}
	if (fstat(in->fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		cli_error("cannot read '%s': %s", f->name, strerror(EISDIR));
		return -1;
	}
	if (fstat(in->fd, &st) == 0 && S_ISREG(st.st_mode))
		in->size = (long long)st.st_size;
	return 0;
}

static void
close_input(struct scan_run *r)
{
	if (r->in.fd > STDIN_FILENO)
		close(r->in.fd);
	r->in.fd = -1;
}

/* Reads up to SCAN_SNIFF_BYTES ahead, to tell what the input is. */
static int
read_ahead(struct scan_input *in)
{
	while (in->rawlen < SCAN_SNIFF_BYTES) {
		ssize_t got = fd_window_read(&in->fd, in->raw + in->rawlen,
		    SCAN_SNIFF_BYTES - in->rawlen);

		if (got < 0)
			return -1;
		if (got == 0) {
			in->eof = 1;
			break;
		}
		in->rawlen += (size_t)got;
		in->bytes += got;
	}
	return 0;
}

/* The readers' window_read_fn: what was read ahead, then the file; in
 * another encoding, both through the transcoder. */
static ssize_t
input_read(void *ctx, char *buf, size_t n)
{
	struct scan_input *in = ctx;
	size_t used, w;
	ssize_t got;

	if (!in->transcoding) {
		if (in->rawpos < in->rawlen) {
			size_t k = in->rawlen - in->rawpos;

			if (k > n)
				k = n;
			memcpy(buf, in->raw + in->rawpos, k);
			in->rawpos += k;
			return (ssize_t)k;
		}
		if (in->eof)
			return 0;
		got = fd_window_read(&in->fd, buf, n);
		if (got > 0)
			in->bytes += got;
		return got;
	}
	for (;;) {
		int final = in->eof && in->rawpos == in->rawlen;

		if (in->pendpos < in->npend) {	/* what a short read left */
			w = in->npend - in->pendpos < n ? in->npend - in->pendpos : n;
			memcpy(buf, in->pend + in->pendpos, w);
			in->pendpos += w;
			return (ssize_t)w;
		}
		if (n < sizeof in->pend) {
			/* the transcoder needs room for a whole character */
			in->npend = transcode_run(&in->tc, in->raw + in->rawpos,
			    in->rawlen - in->rawpos, in->pend, sizeof in->pend, &used, final);
			in->pendpos = 0;
			w = 0;
		} else {
			w = transcode_run(&in->tc, in->raw + in->rawpos, in->rawlen - in->rawpos,
			    buf, n, &used, final);
		}
		in->rawpos += used;
		if (w > 0 || (final && in->npend == 0))
			return (ssize_t)w;
		if (in->npend > in->pendpos || in->rawpos < in->rawlen)
			continue;
		/* all of raw went in without a whole character out: read on */
		in->rawlen = in->rawpos = 0;
		got = fd_window_read(&in->fd, in->raw, SCAN_SNIFF_BYTES);
		if (got < 0)
			return -1;
		if (got == 0)
			in->eof = 1;
		in->rawlen = (size_t)got;
		in->bytes += got;
	}
}

/* ------------------------------------------------- what the input is */

static void
not_understood(const struct scan_file *f, enum sniff_kind k)
{
	const char *what = sniff_kind_name(k), *name = f->name;

	switch (k) {
	case SNIFF_XLSX: case SNIFF_XLS: case SNIFF_ODS:
		cli_error("'%s' is %s, not CSV or JSON: save it from the spreadsheet as "
		    "'CSV UTF-8' (Excel: File > Save As) and scan that file", name, what);
		break;
	case SNIFF_GZIP:
		cli_error("'%s' is %s: gunzip -c '%s' | handover scan -", name, what, name);
		break;
	case SNIFF_BZIP2:
		cli_error("'%s' is %s: bunzip2 -c '%s' | handover scan -", name, what, name);
		break;
	case SNIFF_XZ:
		cli_error("'%s' is %s: xz -dc '%s' | handover scan -", name, what, name);
		break;
	case SNIFF_ZIP:
		cli_error("'%s' is %s: unzip it (unzip -p '%s' | handover scan -)", name, what,
		    name);
		break;
	case SNIFF_PDF:
		cli_error("'%s' is %s, not an export: ask for the listings as CSV or JSON", name,
		    what);
		break;
	case SNIFF_MARKUP:
		cli_error("'%s' looks like HTML or XML, not CSV or JSON: if a spreadsheet saved "
		    "it, open it there and save it as 'CSV UTF-8'", name);
		break;
	default:
		cli_error("'%s' is %s (a NUL byte in its first line), not CSV or JSON", name,
		    what);
		break;
	}
}

static const char *
delim_name(char d)
{
	return d == '\t' ? "TAB" : d == ';' ? "';'" : d == '|' ? "'|'" : "','";
}

/* The encoding to read f in; 0, or -1 after saying why it cannot be read
 * as it is. */
static int
choose_encoding(struct scan_run *r, struct scan_file *f, const struct sniff_bytes *sb)
{
	if (r->enc_given) {
		f->enc = r->enc;
		f->bom = sb->bom && sb->enc == r->enc ? (int)sb->bom : 0;
		return 0;
	}
	f->enc = sb->enc;
	f->bom = (int)sb->bom;
	if (sb->utf16_guess >= 0) {
		cli_error("'%s' looks like UTF-16 (%s endian) without a byte order mark: run "
		    "again with --encoding %s", f->name,
		    sb->utf16_guess == TRANSCODE_UTF16LE ? "little" : "big",
		    sb->utf16_guess == TRANSCODE_UTF16LE ? "utf-16le" : "utf-16be");
		return -1;
	}
	if (sb->not_utf8 && sb->cp1252_likely) {
		cli_error("'%s' is not UTF-8 (line %ld has the byte 0x%02X, which UTF-8 does not "
		    "allow there); it looks like Windows-1252: run again with --encoding cp1252",
		    f->name, sb->bad_line, sb->bad_byte);
		return -1;
	}
	return 0;
}

/* Tells what f is and how to read it (f->fmt, f->delim, f->how).
 * Returns EXIT_OK, or the exit status after a message (*empty set when
 * there is nothing to read). */
static int
decide(struct scan_run *r, struct scan_file *f, int *skip_first, int *empty)
{
	struct scan_input *in = &r->in;
	struct sniff_bytes sb;
	struct sniff_text st;
	char *text = NULL;
	const char *t;
	size_t tn;
	int fmt = r->infmt;

	*skip_first = *empty = 0;
	sniff_bytes(in->raw, in->rawlen, in->eof, &sb);
	if (sb.kind != SNIFF_CSV) {
		not_understood(f, sb.kind);
		return EXIT_NOT_UNDERSTOOD;
	}
	if (choose_encoding(r, f, &sb) != 0)
		return EXIT_NOT_UNDERSTOOD;
	in->rawpos = (size_t)f->bom;
	t = in->raw + in->rawpos;
	tn = in->rawlen - in->rawpos;
	if (f->enc != TRANSCODE_UTF8) {
		struct transcode tc;
		size_t used, cap = tn * 3 + 16;

		if (!(text = malloc(cap))) {
			cli_error("out of memory");
			return EXIT_IO;
		}
		transcode_init(&tc, f->enc);
		tn = transcode_run(&tc, t, tn, text, cap, &used, in->eof);
		t = text;
		transcode_init(&in->tc, f->enc);
		in->transcoding = 1;
	}
	sniff_text(t, tn, in->eof, &st);
	free(text);
	if (st.kind == SNIFF_MARKUP) {
		not_understood(f, st.kind);
		return EXIT_NOT_UNDERSTOOD;
	}
	if (st.kind == SNIFF_EMPTY) {
		*empty = 1;
		snprintf(f->how, sizeof f->how, "empty");
		return EXIT_OK;
	}
	if (fmt == SCAN_IN_AUTO)
		fmt = st.kind == SNIFF_CSV ? SCAN_IN_CSV : st.kind == SNIFF_JSONL ?
		    SCAN_IN_JSONL : SCAN_IN_JSON;
	else if (fmt == SCAN_IN_JSONL && (st.kind == SNIFF_JSON_ARRAY ||
	    st.kind == SNIFF_JSON_OBJECTS))
		fmt = SCAN_IN_JSON;	/* --input-format jsonl, but it is not one a line */
	f->fmt = fmt;
	if (fmt == SCAN_IN_CSV) {
		f->delim = r->delim ? r->delim : st.delim;
		*skip_first = st.skip > 0 && !r->delim;
		snprintf(f->how, sizeof f->how, "CSV separated by %s%s, %s%s", delim_name(f->delim),
		    *skip_first ? " (its sep= line)" : "", transcode_name(f->enc),
		    f->bom ? " with a byte order mark" : "");
	} else {
		snprintf(f->how, sizeof f->how, "%s, %s%s", fmt == SCAN_IN_JSONL ? "JSON Lines" :
		    sniff_kind_name(st.kind == SNIFF_JSONL || st.kind == SNIFF_CSV ?
		    SNIFF_JSON_OBJECTS : st.kind), transcode_name(f->enc),
		    f->bom ? " with a byte order mark" : "");
	}
	return EXIT_OK;
}

/* ------------------------------------------- what each column is for */

/* The --include-columns entry the name (p, n) is, or -1. */
static int
include_of(const struct scan_run *r, const char *p, size_t n)
{
	char a[COLUMNS_KEY_MAX], b[COLUMNS_KEY_MAX];
	size_t i, an = columns_key(p, n, a, sizeof a);

	for (i = 0; i < r->fmt.ninclude; i++)
		if (columns_key(r->fmt.include[i], strlen(r->fmt.include[i]), b, sizeof b) == an &&
		    memcmp(a, b, an) == 0)
			return (int)i;
	return -1;
}

/* The role and --include-columns entry of a JSON key path, remembered. */
static enum scan_role
key_role(struct scan_run *r, const char *p, size_t n, int *incl)
{
	uint64_t h = hash_fnv1a64(p, n);
	size_t i, j = (size_t)h & (SCAN_KEY_CACHE - 1);
	enum scan_role role;

	for (i = 0; i < SCAN_KEY_CACHE; i++, j = (j + 1) & (SCAN_KEY_CACHE - 1)) {
		struct scan_key *k = &r->keys[j];

		if (!k->key)
			break;
		if (k->len == n && memcmp(k->key, p, n) == 0) {
			*incl = k->incl;
			return k->role;
		}
	}
	role = columns_role(&r->cols, p, n);
	*incl = include_of(r, p, n);
	r->file->has_category |= role == SCAN_CATEGORY;
	if (i < SCAN_KEY_CACHE && r->nkeys < SCAN_KEY_CACHE * 3 / 4 &&
	    (r->keys[j].key = malloc(n + 1)) != NULL) {
		memcpy(r->keys[j].key, p, n);
		r->keys[j].key[n] = '\0';
		r->keys[j].len = n;
		r->keys[j].role = role;
		r->keys[j].incl = *incl;
		r->nkeys++;
	}
	return role;
}

static void
forget_keys(struct scan_run *r)
{
	size_t i;

	for (i = 0; i < SCAN_KEY_CACHE; i++) {
		free(r->keys[i].key);
		r->keys[i].key = NULL;
	}
	r->nkeys = 0;
}

/* The names the columns (or first object's keys) have, for messages. */
struct names {
	const char *const *p;
	const size_t *n;
	const enum scan_role *role;
	size_t count;
};

static void
list_names(struct buf *b, const struct names *nm, int role, const char *sep)
{
	size_t i;
	int any = 0;

	for (i = 0; i < nm->count; i++) {
		if (role >= 0 && nm->role[i] != (enum scan_role)role)
			continue;
		if (any++)
			buf_puts(b, sep);
		if (nm->n[i])
			buf_put(b, nm->p[i], nm->n[i]);
		else
			buf_printf(b, "(column %zu, no name)", i + 1);
	}
}

/* What was understood, on stderr (unless quiet), and what cannot be
 * scanned that way.  Returns EXIT_OK or EXIT_USAGE (after a message). */
static int
report_columns(struct scan_run *r, const struct names *nm, int json)
{
	static const enum scan_role order[] = {
		SCAN_TITLE, SCAN_TEXT, SCAN_ID, SCAN_SELLER, SCAN_IMEI, SCAN_BRAND, SCAN_MODEL,
		SCAN_CATEGORY
	};
	struct scan_file *f = r->file;
	size_t i, count[SCAN_NROLES];
	struct buf b, all;
	int status = EXIT_OK;

	memset(count, 0, sizeof count);
	for (i = 0; i < nm->count; i++)
		count[nm->role[i]]++;
	buf_init_mem(&all);
	list_names(&all, nm, -1, ", ");
	for (i = 0; i < r->cols.ncustom; i++)
		if (r->cols.custom[i].replaces && !r->cols.custom[i].matched) {
			if (json) {
				if (!r->quiet)
					fprintf(stderr, "handover scan: '%s': the first object has no "
					    "key '%s' (--%s-column): it is looked for in every object\n",
					    f->name, r->cols.custom[i].given,
					    scan_role_name(r->cols.custom[i].role));
				continue;
			}
			cli_error("'%s': no column is called '%s' (--%s-column); its columns are: %s",
			    f->name, r->cols.custom[i].given, scan_role_name(r->cols.custom[i].role),
			    buf_str(&all));
			status = EXIT_USAGE;
		}
	for (i = 0; i < r->fmt.ninclude; i++) {
		size_t k;

		for (k = 0; k < nm->count && include_of(r, nm->p[k], nm->n[k]) != (int)i; k++)
			;
		if (k < nm->count || json || !r->include_mem[i])
			continue;	/* there, or a key later objects may have, or the
					 * config file's (absent: null) */
		cli_error("'%s': no column is called '%s' (--include-columns); its columns are: "
		    "%s", f->name, r->fmt.include[i], buf_str(&all));
		status = EXIT_USAGE;
	}
	if (status == EXIT_OK && !count[SCAN_TITLE] && !count[SCAN_TEXT] && !r->no_text_ok) {
		cli_error("'%s': no title or description %s among: %s; name one with "
		    "--title-column or --text-column, or pass --no-text-ok to scan it as it is",
		    f->name, json ? "key" : "column", buf_str(&all));
		status = EXIT_USAGE;
	}
	buf_release(&all);
	if (r->quiet || status != EXIT_OK)
		return status;
	buf_init_mem(&b);
	buf_printf(&b, "handover scan: '%s': %s; %s:\n", f->name, f->how,
	    json ? "keys of the first object" : "columns");
	for (i = 0; i < sizeof order / sizeof order[0]; i++) {
		if (!count[order[i]])
			continue;
		buf_printf(&b, "  %s: ", scan_role_name(order[i]));
		list_names(&b, nm, (int)order[i], ", ");
		buf_putc(&b, '\n');
	}
	if (count[SCAN_OTHER]) {
		BUF_LIT(&b, "  searched as text too: ");
		list_names(&b, nm, SCAN_OTHER, ", ");
		buf_putc(&b, '\n');
	}
	if (count[SCAN_DATA]) {
		BUF_LIT(&b, "  searched for identifiers only: ");
		list_names(&b, nm, SCAN_DATA, ", ");
		buf_putc(&b, '\n');
	}
	if (count[SCAN_PRICE]) {
		BUF_LIT(&b, "  not searched: ");
		list_names(&b, nm, SCAN_PRICE, ", ");
		buf_putc(&b, '\n');
	}
	if (!count[SCAN_TITLE] && !count[SCAN_TEXT])
		BUF_LIT(&b, "  no title or description: only the other columns are searched "
		    "(--no-text-ok)\n");
	if (!count[SCAN_ID])
		BUF_LIT(&b, "  no id: findings name the row\n");
	if (!count[SCAN_SELLER])
		BUF_LIT(&b, "  no seller: a repeated IMEI cannot tell another seller from a "
		    "relisting, so it is a caution, never a stop (--seller-column)\n");
	if (!count[SCAN_IMEI])
		BUF_LIT(&b, "  no IMEI column: IMEIs are looked for in the text\n");
	if (b.mem)
		fputs(b.mem, stderr);
	buf_release(&b);
	return EXIT_OK;
}

/* ------------------------------------------------------------ filling */

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
release_header(struct scan_run *r)
{
	size_t i;

	for (i = 0; r->hdr && i < r->nhdr; i++)	/* hdr may have failed */
		free(r->hdr[i]);
	free(r->hdr);
	free(r->hdrlen);
	free(r->hdrrole);
	free(r->hdrincl);
	r->hdr = NULL;
	r->hdrlen = NULL;
	r->hdrrole = NULL;
	r->hdrincl = NULL;
	r->nhdr = 0;
}

static int
keep_header(struct scan_run *r, const struct csv_record *rec)
{
	size_t i;

	r->nhdr = rec->nfields;
	r->hdr = calloc(r->nhdr + 1, sizeof *r->hdr);
	r->hdrlen = calloc(r->nhdr + 1, sizeof *r->hdrlen);
	r->hdrrole = calloc(r->nhdr + 1, sizeof *r->hdrrole);
	r->hdrincl = calloc(r->nhdr + 1, sizeof *r->hdrincl);
	if (!r->hdr || !r->hdrlen || !r->hdrrole || !r->hdrincl)
		return -1;
	for (i = 0; i < r->nhdr; i++) {
		if (!(r->hdr[i] = malloc(rec->fields[i].len + 1)))
			return -1;
		memcpy(r->hdr[i], rec->fields[i].p, rec->fields[i].len);
		r->hdr[i][rec->fields[i].len] = '\0';
		r->hdrlen[i] = rec->fields[i].len;
		r->hdrrole[i] = columns_role(&r->cols, r->hdr[i], r->hdrlen[i]);
		r->file->has_category |= r->hdrrole[i] == SCAN_CATEGORY;
		r->hdrincl[i] = include_of(r, r->hdr[i], r->hdrlen[i]);
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
	struct names nm;
	int status;

	if (st == CSV_MALFORMED) {
		cli_error("'%s': line %ld: the header row is malformed: %s; is it a CSV file?",
		    r->file->name, rec->line, e->msg);
		return read_failed(r, EXIT_NOT_UNDERSTOOD);
	}
	if (keep_header(r, rec) != 0) {
		cli_error("out of memory");
		return read_failed(r, EXIT_IO);
	}
	r->rd.have_header = 1;
	r->rd.row = 1;
	nm.p = (const char *const *)r->hdr;
	nm.n = r->hdrlen;
	nm.role = r->hdrrole;
	nm.count = r->nhdr;
	if ((status = report_columns(r, &nm, 0)) != EXIT_OK)
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
	struct names nm;
	int status, incl;

	r->json_reported = 1;
	for (i = 0; i < rec->nmembers && k < 256; i++) {
		const struct jsonl_member *m = &rec->members[i];

		p[k] = m->key;
		n[k] = m->keylen;
		role[k++] = key_role(r, m->key, m->keylen, &incl);
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
	if ((status = report_columns(r, &nm, 1)) != EXIT_OK)
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
			enum scan_role role = key_role(r, m->key, m->keylen, &incl);
			size_t len = m->type == JSONL_NULL ? 0 : m->vallen;

			if (role == SCAN_IMEI)
				count_imei(r->file, m->val, len);
			pipeline_add_field(b, NULL, m->key, m->keylen, m->val, len, role, incl);
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
	if ((r->file->fmt == SCAN_IN_CSV ? fill_csv(r, b) : fill_jsonl(r, b)) != 0)
		return -1;
	if (b->nomem) {
		cli_error("out of memory");
		return read_failed(r, EXIT_IO);
	}
	judge_first_batch(r);
	progress(r, 0);
	return b->nrec > 0;
}

/* ------------------------------------------------------------ reading */

/* Scans what the input holds once it is known what it is. */
static int
run_pipe(struct scan_run *r, int skip_first)
{
	struct pipeline_steps st;
	struct scan_file *f = r->file;
	int stopped;

	memset(&r->rd, 0, sizeof r->rd);
	r->rd.status = EXIT_OK;
	r->json_reported = 0;
	if (f->fmt == SCAN_IN_CSV) {
		csv_reader_init(&r->rd.csv, SCAN_MAX_RECORD, input_read, &r->in);
		csv_reader_set_delimiter(&r->rd.csv, f->delim);
		r->rd.have_header = skip_first ? -1 : 0;
	} else {
		jsonl_reader_init(&r->rd.jsonl, SCAN_MAX_RECORD, input_read, &r->in);
		r->rd.jsonl.flatten = 1;
		r->rd.jsonl.stream = f->fmt == SCAN_IN_JSON;
	}
	st.fill = fill;
	st.prepare = r->pass == 1 ? scan_output_prepare1 : scan_output_prepare;
	st.finish = r->pass == 1 ? scan_output_finish1 : scan_output_finish;
	st.identifiers_only = r->pass == 1;
	st.ctx = r;
	stopped = pipeline_run(&r->scan, r->threads, &st) != 0;
	if (f->fmt == SCAN_IN_CSV)
		csv_reader_release(&r->rd.csv);
	else
		jsonl_reader_release(&r->rd.jsonl);
	progress(r, 1);
	if (f->fmt == SCAN_IN_CSV && !r->rd.have_header && r->rd.status == EXIT_OK &&
	    !r->quiet)
		fprintf(stderr, "handover scan: '%s': %s; no header row\n", f->name, f->how);
	if (stopped && r->rd.status == EXIT_OK) {
		/* not the reading: out of memory, or the output failed */
		if (r->nomem || !r->out.err)
			cli_error("out of memory");
		return EXIT_IO;
	}
	return r->rd.status;
}

int
scan_input_read(struct scan_run *r)
{
	struct scan_file *f = r->file;
	int status, skip_first, empty;

	f->mask = ~0u;
	if (open_input(r, f) != 0) {
		close_input(r);
		return EXIT_IO;
	}
	if (read_ahead(&r->in) != 0) {
		cli_error("cannot read '%s': %s", f->name, strerror(errno));
		close_input(r);
		return EXIT_IO;
	}
	if (scanfmt_file(&r->fmt, f->name) != 0) {
		cli_error("out of memory");
		close_input(r);
		return EXIT_IO;
	}
	status = decide(r, f, &skip_first, &empty);
	if (status == EXIT_OK && empty) {
		if (!r->quiet)
			fprintf(stderr, "handover scan: '%s': empty\n", f->name);
	} else if (status == EXIT_OK) {
		r->progress = !r->quiet && r->in.size > 0 && isatty(STDERR_FILENO);
		forget_keys(r);
		columns_new_input(&r->cols);
		status = run_pipe(r, skip_first);
		release_header(r);
	}
	f->bytes = r->in.bytes;
	close_input(r);
	return status;
}
