/* SPDX-License-Identifier: MIT */
/* scan_run: one run of "handover scan": its lifecycle and settings
 * (cmd/scan_run.c), the reading of each input (cmd/scan_input.c), what
 * each of its columns is for (cmd/scan_columns.c), the batches of
 * listings it fills (cmd/scan_fill.c), the ordered finishing
 * (cmd/scan_output.c), the --seen store and the summaries
 * (cmd/scan_after.c); cmd/scan.c parses the options and drives it. */
#ifndef HANDOVER_SCAN_RUN_H
#define HANDOVER_SCAN_RUN_H

#include <sys/types.h>

#include <stddef.h>

#include "cli/cli.h"
#include "cli/tac_load.h"
#include "ident/ident.h"
#include "kb/kb.h"
#include "lib/csv.h"
#include "lib/jsonl.h"
#include "lib/transcode.h"
#include "scan/columns.h"
#include "scan/config.h"
#include "scan/dupset.h"
#include "scan/format.h"
#include "scan/groups.h"
#include "scan/pipeline.h"
#include "scan/scan.h"
#include "scan/seen.h"
#include "scan/stats.h"

#define SCAN_MAX_RECORD (4u << 20)		/* bytes of one row or line */
#define SCAN_BATCH_BYTES (512u << 10)
#define SCAN_BATCH_RECS 4096
#define SCAN_SNIFF_BYTES (64u << 10)		/* read ahead to tell what it is */
#define SCAN_BYTES_PER_IMEI 512			/* to size the IMEI set ahead */
#define SCAN_RESERVE_IMEIS (3u << 20)		/* at most: 32 MB of slots */
#define SCAN_KEY_CACHE 1024			/* JSON key paths whose role is kept */
#define SCAN_SEEN_DAYS 365			/* --seen-days default */
#define SCAN_SEEN_MAX 2000000			/* --seen-max default */
#define SCAN_SEEN_FILE_MAX (1u << 30)		/* bytes of a --seen store */

enum { SCAN_IN_AUTO, SCAN_IN_CSV, SCAN_IN_JSONL, SCAN_IN_JSON };
enum { SCAN_OUT_JSONL, SCAN_OUT_CSV, SCAN_OUT_LONG, SCAN_OUT_KEYED };

/* One input's bytes: what was read ahead to sniff it, then the file,
 * turned into UTF-8 on the way when it is in another encoding. */
struct scan_input {
	int fd;
	char *raw;		/* SCAN_SNIFF_BYTES: read ahead, then a staging area */
	size_t rawlen, rawpos;
	int eof;		/* the file is read to its end */
	int transcoding;
	struct transcode tc;
	char pend[16];		/* transcoded for a read shorter than a character */
	size_t npend, pendpos;
	long long bytes;	/* read so far */
	long long size;		/* of a regular file, else -1 */
};

/* One input, for the messages, the findings and the summary. */
struct scan_file {
	const char *path;	/* NULL for stdin */
	const char *name;	/* as findings name it: the path, or "stdin" */
	int seen_no;		/* its number among the seen store's files */
	int fmt;		/* SCAN_IN_CSV, _JSONL, _JSON */
	char delim;
	enum transcode_enc enc;
	int bom;
	char how[96];		/* what it was read as, in words */
	int status;		/* EXIT_OK, or why it was not read (in full) */
	long long bytes, listings, flagged, stop, malformed;
	/* a file-level finding: the IMEI column in E-notation */
	long long imei_values, imei_enotation;
	int enotation;
	unsigned mask;		/* reasons this file's listings may get */
	int has_category;	/* a column or key is the category */
	/* the first pass's note for the second: bit i, record i holds no
	 * identifier outside its IMEI columns (pipeline_steps' text_none) */
	unsigned char *text_none;
	size_t ntext_none, captext_none;	/* in bits, in bytes */
};

/* A JSON key path and what it is. */
struct scan_key {
	char *key;
	size_t len;
	enum scan_role role;
	int incl;
};

struct scan_run {
	struct cli *cli;
	struct ident_tables tables;
	struct kb kb;		/* as loaded */
	struct kb kbx;		/* the kb with the config's phrases (shallow) */
	struct kb_phrase *phrases;	/* kbx's phrases */
	struct tacload tl;
	struct scan scan;
	struct scanfmt fmt;
	struct columns cols;
	struct config cfg;
	struct dupset seen;	/* the IMEIs met, for the --seen store */
	struct groups groups;	/* this run's IMEI groups and prices by model */
	struct groups_seen gseen[SCAN_MAX_IDS];	/* groups_judge of one listing */
	uint64_t ordinal;	/* listings met in this pass */
	int pass;		/* 0: one pass; 1, 2: two over regular files */
	int one_pass;		/* --one-pass */
	int seen_groups_only;	/* two passes over one file, no --seen: only
				 * IMEIs this file shows twice need a first
				 * listing kept (nothing later can meet the
				 * others) */
	struct seen first;	/* where each was first shown */
	struct scan_stats stats;
	struct buf out;
	/* settings */
	int outfmt, only_flagged, quiet, progress, no_text_ok;
	int infmt;		/* SCAN_IN_* from --input-format */
	char delim;		/* --delimiter, or 0 */
	int enc_given;
	enum transcode_enc enc;
	int threads;
	const char *seen_path, *summary_path, *report_path, *config_path;
	int seen_days;
	long seen_max;
	struct { enum scan_role role; const char *name; } names[COLUMNS_MAX_CUSTOM];
	size_t nnames;		/* the --X-column options, in order */
	char *include_mem[SCANFMT_MAX_INCLUDE];	/* --include-columns' names */
	int today;		/* days since 1970-01-01, from the clock */
	/* the inputs */
	struct scan_file *files;
	size_t nfiles;
	struct scan_file *file;	/* the one being read */
	/* the CSV header of the file being read */
	char **hdr;
	size_t *hdrlen, nhdr;
	enum scan_role *hdrrole;
	int *hdrincl;
	/* JSON keys met, and whether the first object was reported */
	struct scan_key keys[SCAN_KEY_CACHE];
	size_t nkeys;
	int json_reported;
	/* the reading, one thread at a time */
	struct scan_reader {
		struct csv_reader csv;
		struct jsonl_reader jsonl;
		int have_header, eof, batches;
		long row;		/* records read, the header counted */
		int status;		/* EXIT_OK, or why the reading stopped */
	} rd;
	/* finish step (the counts are in stats and the files) */
	int nomem;
	struct scan_input in;
	double t0, last_progress;
};

/* scan_run.c: the lifecycle.  init cannot fail; load reads the tables and
 * files the scan needs and returns EXIT_OK, or the exit status after a
 * message (EXIT_USAGE for a --config that is wrong); release frees all a
 * run holds and closes its input. */
void scan_run_init(struct scan_run *r, struct cli *c);
int scan_run_load(struct scan_run *r, const char *tacdb);
void scan_run_release(struct scan_run *r);
/* The user's name for a role, from an option (name borrowed); applied by
 * scan_run_load.  Returns 0, or -1 when there are too many. */
int scan_run_name(struct scan_run *r, enum scan_role role, const char *name);

/* scan_input.c: reads one input (r->file) through the pipe, writing the
 * findings to r->out.  Returns the file's exit status, after printing
 * what went wrong. */
int scan_input_read(struct scan_run *r);

/* scan_columns.c: what each column or key is for. */
/* The names the columns (or first object's keys) have, for messages. */
struct scan_names {
	const char *const *p;
	const size_t *n;
	const enum scan_role *role;
	size_t count;
};

/* The role and --include-columns entry (*incl, or -1) of a JSON key path,
 * remembered for the input; forget_keys forgets them. */
enum scan_role scan_key_role(struct scan_run *r, const char *p, size_t n, int *incl);
void scan_forget_keys(struct scan_run *r);
/* What was understood, on stderr (unless quiet), and what cannot be
 * scanned that way (json: nm are the first object's keys).  Returns
 * EXIT_OK or EXIT_USAGE (after a message). */
int scan_report_columns(struct scan_run *r, const struct scan_names *nm, int json);
/* The CSV header's names, roles and --include-columns entries, kept in
 * r->hdr...: 0, or -1 when out of memory (release frees what was made). */
int scan_keep_header(struct scan_run *r, const struct csv_record *rec);
void scan_release_header(struct scan_run *r);

/* scan_fill.c: the pipe's fill step (ctx: the scan_run): a batch of
 * listings; 1 while there are more, 0 at the end, -1 when the reading
 * stopped (r->rd.status says why, after a message). */
int scan_fill(void *ctx, struct pipeline_batch *b);
/* The progress line on a terminal; done clears it. */
void scan_progress(struct scan_run *r, int done);

/* scan_output.c: the pipeline steps after the reading: a batch's output
 * (where it was read and scanned), and in input order the duplicates,
 * counts and writing. */
int scan_output_prepare(void *ctx, struct pipeline_batch *b);
int scan_output_finish(void *ctx, struct pipeline_batch *b);
/* The first of two passes: identifiers only, noting in input order what
 * listings share (groups_note). */
int scan_output_prepare1(void *ctx, struct pipeline_batch *b);
int scan_output_finish1(void *ctx, struct pipeline_batch *b);
/* The clock, in seconds, for the timing and the progress line. */
double scan_now(void);

/* scan_after.c: what is written once the inputs are read. */
/* The summary on stderr (unless r->quiet). */
void scan_output_summary(struct scan_run *r, double secs);
/* --seen: loads the store (0, or -1 after a message); saves it (0, or -1
 * after a message). */
int scan_seen_load(struct scan_run *r);
int scan_seen_save(struct scan_run *r);
/* --summary-json and --report: 0, or -1 after a message. */
int scan_write_summary(struct scan_run *r, int status);
int scan_write_report(struct scan_run *r);

#endif
