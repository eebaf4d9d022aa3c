/* SPDX-License-Identifier: MIT */
/* scan_after: what "handover scan" writes once its inputs are read: the
 * summary on stderr, the --seen store (loaded before, saved after), and
 * the --summary-json and --report files, each replaced atomically. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/file.h"
#include "cmd/scan_run.h"

/* ------------------------------------------------------------ summary */

/* The file-level finding of f in words, or NULL. */
static const char *
file_finding(const struct scan_file *f, char *out, size_t cap)
{
	if (!f->enotation)
		return NULL;
	snprintf(out, cap, "the IMEI column was turned into E-notation by a spreadsheet "
	    "(%lld of %lld values): its last digits are lost; export it again with that "
	    "column formatted as text", f->imei_enotation, f->imei_values);
	return out;
}

void
scan_output_summary(struct scan_run *r, double secs)
{
	const struct scan_stats *st = &r->stats;
	long long bytes = 0;
	double mb;
	size_t k;
	int i, any = 0;
	char why[256];

	if (r->quiet)
		return;
	for (k = 0, i = 0; k < r->nfiles; k++) {
		bytes += r->files[k].bytes;
		i |= r->files[k].status == EXIT_OK || r->files[k].listings;
	}
	if (!i)
		return;		/* nothing was read: the errors said why */
	mb = (double)bytes / 1e6;
	fprintf(stderr, "handover scan: %lld listings, %lld flagged (%lld stop, %lld caution), "
	    "%lld malformed\n", st->listings, st->flagged, st->stop, st->flagged - st->stop,
	    st->malformed);
	for (i = 0; i < SCAN_NREASONS; i++) {
		if (!st->per_reason[i])
			continue;
		fprintf(stderr, "%s%s %lld", any ? ", " : "  ", scan_reason_code((enum scan_reason)i),
		    st->per_reason[i]);
		any = 1;
	}
	if (any)
		fputc('\n', stderr);
	for (k = 0; k < r->nfiles; k++) {
		const struct scan_file *f = &r->files[k];

		if (r->nfiles > 1)
			fprintf(stderr, "  '%s': %lld listings, %lld flagged, %lld malformed%s\n",
			    f->name, f->listings, f->flagged, f->malformed,
			    f->status == EXIT_OK ? "" : " (not read in full)");
		if (file_finding(f, why, sizeof why))
			fprintf(stderr, "  '%s': %s\n", f->name, why);
	}
	if (bytes >= 1000000)	/* the speed of less says nothing */
		fprintf(stderr, "  %.1f MB in %.2f s, %.1f MB/s\n", mb, secs,
		    secs > 0 ? mb / secs : 0.0);
}

/* ---------------------------------------------------- files we write */

/* Replaces path with (p, n) atomically (file_write_atomic).  Returns 0,
 * or -1 after a message (path untouched). */
static int
write_atomic(const char *path, const char *p, size_t n)
{
	const char *step;

	if (file_write_atomic(path, p, n, NULL, NULL, &step) == 0)
		return 0;
	if (strcmp(step, "create") == 0)
		cli_error("cannot create a file beside '%s': %s", path, strerror(errno));
	else
		cli_error("cannot %s '%s': %s", strcmp(step, "rename") == 0 ? "save" : "write",
		    path, strerror(errno ? errno : EIO));
	return -1;
}

/* --seen: each IMEI of the store as if an earlier listing had shown it. */
static int
load_one(void *ctx, uint64_t key, uint32_t seller_hash, uint32_t ref)
{
	struct scan_run *r = ctx;
	size_t slot;
	int d = dupset_add(&r->seen, key, seller_hash, &slot);

	if (d == DUPSET_NOMEM)
		return 1;
	if (d == DUPSET_NEW)
		dupset_set_ref(&r->seen, slot, ref);
	return 0;
}

int
scan_seen_load(struct scan_run *r)
{
	struct error e;
	char *text;
	size_t len;

	if (!r->seen_path)
		return 0;
	if (cli_read_file(r->seen_path, SCAN_SEEN_FILE_MAX, &text, &len) != 0) {
		if (errno == ENOENT) {
			if (!r->quiet)
				fprintf(stderr, "handover scan: '%s' does not exist yet: it will hold "
				    "the IMEIs of this scan\n", r->seen_path);
			return 0;
		}
		cli_error("cannot read the seen store '%s': %s", r->seen_path, strerror(errno));
		return -1;
	}
	if (seen_load(&r->first, text, len, load_one, r, &e) != 0) {
		cli_error("the seen store '%s': line %ld: %s: repair or remove it", r->seen_path,
		    e.line, e.msg);
		free(text);
		return -1;
	}
	free(text);
	return 0;
}

int
scan_seen_save(struct scan_run *r)
{
	struct seen_item *items;
	struct buf b;
	size_t pos = 0, n = 0, lines;
	uint64_t key;
	uint32_t ref;
	int rc;

	if (!r->seen_path)
		return 0;
	if (!(items = malloc((r->seen.n + 1) * sizeof *items))) {
		cli_error("out of memory: the seen store '%s' is as it was", r->seen_path);
		return -1;
	}
	while (dupset_next(&r->seen, &pos, &key, &ref))
		if (ref != SEEN_NONE && n < r->seen.n) {
			items[n].key = key;
			items[n++].ref = ref;
		}
	buf_init_mem(&b);
	lines = seen_write(&r->first, items, n, r->today, r->seen_days, (size_t)r->seen_max, &b);
	free(items);
	if (b.err) {
		cli_error("out of memory: the seen store '%s' is as it was", r->seen_path);
		buf_release(&b);
		return -1;
	}
	rc = write_atomic(r->seen_path, b.mem ? b.mem : "", b.len);
	buf_release(&b);
	if (rc == 0 && !r->quiet)
		fprintf(stderr, "handover scan: '%s': %zu IMEIs kept (%zu dropped: older than %d "
		    "days or past %ld)\n", r->seen_path, lines, n - lines, r->seen_days, r->seen_max);
	return rc;
}

/* The inputs as the summaries show them; whys holds their findings. */
static struct stats_file *
file_rows(const struct scan_run *r, char (*whys)[256])
{
	struct stats_file *rows = calloc(r->nfiles + 1, sizeof *rows);
	size_t k;

	if (!rows)
		return NULL;
	for (k = 0; k < r->nfiles; k++) {
		const struct scan_file *f = &r->files[k];

		rows[k].name = f->name;
		rows[k].how = f->how[0] ? f->how : "not read";
		rows[k].listings = f->listings;
		rows[k].flagged = f->flagged;
		rows[k].stop = f->stop;
		rows[k].malformed = f->malformed;
		rows[k].finding = file_finding(f, whys[k], sizeof whys[k]);
		rows[k].status = f->status;
	}
	return rows;
}

/* Writes what render makes to path (atomically). */
static int
write_doc(struct scan_run *r, const char *path, int status, int html)
{
	struct stats_group groups[STATS_TOP];
	struct stats_file *rows;
	char (*whys)[256] = calloc(r->nfiles + 1, sizeof *whys), day[11];
	size_t ng = r->outfmt == SCAN_OUT_KEYED ? 0 :
	    scan_stats_groups(&r->seen, &r->first, groups, STATS_TOP);
	struct buf b;
	int rc;

	if (!whys || !(rows = file_rows(r, whys))) {
		free(whys);
		cli_error("out of memory");
		return -1;
	}
	buf_init_mem(&b);
	seen_day_str(r->today, day);
	if (html)
		scan_report_html(&b, &r->stats, rows, r->nfiles, groups, ng, day);
	else
		scan_stats_json(&b, &r->stats, rows, r->nfiles, groups, ng, status,
		    cli_exit_words[status]);
	free(rows);
	free(whys);
	if (b.err) {
		buf_release(&b);
		cli_error("out of memory");
		return -1;
	}
	rc = write_atomic(path, b.mem ? b.mem : "", b.len);
	buf_release(&b);
	return rc;
}

int
scan_write_summary(struct scan_run *r, int status)
{
	return r->summary_path ? write_doc(r, r->summary_path, status, 0) : 0;
}

int
scan_write_report(struct scan_run *r)
{
	return r->report_path ? write_doc(r, r->report_path, 0, 1) : 0;
}
