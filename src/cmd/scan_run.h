/* SPDX-License-Identifier: MIT */
/* scan_run: one run of "handover scan": its lifecycle (cmd/scan_run.c),
 * the reading (cmd/scan_input.c), the ordered finishing and summary
 * (cmd/scan_output.c); cmd/scan.c parses the options and drives it. */
#ifndef HANDOVER_SCAN_RUN_H
#define HANDOVER_SCAN_RUN_H

#include <sys/types.h>

#include <stddef.h>

#include "cli/cli.h"
#include "lib/csv.h"
#include "lib/jsonl.h"
#include "scan/dupset.h"
#include "ident/ident.h"
#include "kb/kb.h"
#include "scan/scan.h"
#include "scan/format.h"
#include "scan/pipeline.h"
#include "cli/tac_load.h"

#define SCAN_MAX_RECORD (4u << 20)		/* bytes of one row or line */
#define SCAN_BATCH_BYTES (512u << 10)
#define SCAN_BATCH_RECS 4096
#define SCAN_MAX_NAMES 16			/* column names per role */
#define SCAN_SNIFF_BYTES 4096
#define SCAN_BYTES_PER_IMEI 512			/* to size the IMEI set ahead */
#define SCAN_RESERVE_IMEIS (3u << 20)		/* at most: 32 MB of slots */

enum { SCAN_IN_AUTO, SCAN_IN_CSV, SCAN_IN_JSONL };
enum { SCAN_OUT_JSONL, SCAN_OUT_CSV, SCAN_OUT_KEYED };

struct scan_input {
	int fd;
	char pre[SCAN_SNIFF_BYTES];	/* bytes read to sniff the format */
	size_t prelen, prepos;
	long long bytes;	/* read so far */
	long long size;		/* of a regular file, else -1 */
};

struct scan_run {
	struct cli *cli;
	struct ident_tables tables;
	struct kb kb;
	struct tacload tl;
	struct scan scan;
	struct scanfmt fmt;
	struct dupset seen;
	struct buf out;
	int outfmt, only_flagged, quiet, progress;
	const char *names[SCAN_NROLES][SCAN_MAX_NAMES];
	int nnames[SCAN_NROLES];
	int custom[SCAN_NROLES];
	/* the CSV header */
	char **hdr;
	size_t *hdrlen, nhdr;
	enum scan_role *hdrrole;
	/* the reading, one thread at a time */
	struct scan_reader {
		int fmt;		/* SCAN_IN_CSV or SCAN_IN_JSONL */
		const char *name;	/* for messages */
		struct csv_reader csv;
		struct jsonl_reader jsonl;
		int have_header, eof;
		int status;		/* EXIT_OK, or EXIT_IO once it failed */
	} rd;
	/* finish step */
	int nomem;
	long long listings, flagged, stop, malformed, per_reason[SCAN_NREASONS];
	struct scan_input in;
	double t0, last_progress;
};

extern const char *const scan_default_names[SCAN_NROLES][5];

/* scan_run.c: the lifecycle.  init cannot fail; load reads the tables the
 * scan needs (0, or -1 after a message); release frees all a run holds
 * and closes its input. */
void scan_run_init(struct scan_run *r, struct cli *c);
int scan_run_load(struct scan_run *r, const char *tacdb);
void scan_run_release(struct scan_run *r);

/* The one place the input format is guessed: from the file name (path,
 * or NULL for stdin), else from the first bytes of in (read and kept for
 * the reader).  Sets *fmt to SCAN_IN_CSV or SCAN_IN_JSONL.  Returns 0, or
 * -1 with errno set. */
int cli_scan_guess(struct scan_input *in, const char *path, int *fmt);
/* Scans every record of the input (format SCAN_IN_CSV or SCAN_IN_JSONL)
 * on threads threads, writing the findings to r->out.  Returns an exit
 * status (EXIT_OK or EXIT_IO, after printing what went wrong). */
int cli_scan_read(struct scan_run *r, int threads, int fmt, const char *name);
/* The pipeline steps after the reading: a batch's output (where it was
 * read and scanned), and in input order the duplicates, counts and
 * writing. */
int cli_scan_prepare(void *ctx, struct pipeline_batch *b);
int cli_scan_finish(void *ctx, struct pipeline_batch *b);
/* The summary on stderr (unless r->quiet). */
void cli_scan_summary(struct scan_run *r, double secs);
double cli_scan_now(void);

#endif
