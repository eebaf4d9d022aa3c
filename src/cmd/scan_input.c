/* SPDX-License-Identifier: MIT */
/* scan_input: the input side of "handover scan": opening an input,
 * telling what it is (and refusing, with what to do, what it cannot
 * read), reading it as UTF-8, and running it through the pipe
 * (cmd/scan_fill.c fills the batches, cmd/scan_columns.c says what each
 * column is for). */
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
	st.fill = scan_fill;
	st.prepare = r->pass == 1 ? scan_output_prepare1 : scan_output_prepare;
	st.finish = r->pass == 1 ? scan_output_finish1 : scan_output_finish;
	st.identifiers_only = r->pass == 1;
	st.text_none = r->pass == 2 ? f->text_none : NULL;
	st.ntext_none = r->pass == 2 ? f->ntext_none : 0;
	st.ctx = r;
	stopped = pipeline_run(&r->scan, r->threads, &st) != 0;
	if (f->fmt == SCAN_IN_CSV)
		csv_reader_release(&r->rd.csv);
	else
		jsonl_reader_release(&r->rd.jsonl);
	scan_progress(r, 1);
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
		scan_forget_keys(r);
		columns_new_input(&r->cols);
		status = run_pipe(r, skip_first);
		scan_release_header(r);
	}
	f->bytes = r->in.bytes;
	close_input(r);
	return status;
}
