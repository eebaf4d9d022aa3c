/* SPDX-License-Identifier: MIT */
/* scan: "handover scan": listings from a CSV or JSON Lines export in,
 * one finding per listing out, a summary on stderr. */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/scan_run.h"
#include "cmd/commands.h"
#include "cli/opt.h"
#include "scan/format.h"
#include "cli/fd.h"

#define DEFAULT_THREADS_MAX 4

static int
default_threads(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > DEFAULT_THREADS_MAX ? DEFAULT_THREADS_MAX : (int)n;
}

/* --delimiter: one character, or a name for the invisible one. */
static int
parse_delimiter(const char *s, char *out)
{
	if (strcmp(s, "tab") == 0 || strcmp(s, "TAB") == 0 || strcmp(s, "\\t") == 0)
		*out = '\t';
	else if (strlen(s) == 1 && !strchr("\"\r\n", s[0]))
		*out = s[0];
	else
		return -1;
	return 0;
}

/* --include-columns a,b: each name a copy the run keeps. */
static int
add_includes(struct scan_run *r, const char *list)
{
	const char *s = list, *comma;

	for (;;) {
		size_t n = (comma = strchr(s, ',')) != NULL ? (size_t)(comma - s) : strlen(s);
		char *c;

		if (n) {
			if (r->fmt.ninclude == SCANFMT_MAX_INCLUDE || !(c = malloc(n + 1)))
				return -1;
			memcpy(c, s, n);
			c[n] = '\0';
			r->include_mem[r->fmt.ninclude] = c;
			r->fmt.include[r->fmt.ninclude++] = c;
		}
		if (!comma)
			return 0;
		s = comma + 1;
	}
}

/* --X-column options carry O_COLUMN + the role they name */
enum { O_INPUT_FORMAT, O_OUTPUT, O_ONLY_FLAGGED, O_KEYED, O_THREADS, O_TACDB,
    O_QUIET, O_DELIMITER, O_ENCODING, O_NO_TEXT_OK, O_INCLUDE, O_EXCEL, O_CONFIG,
    O_SEEN, O_SEEN_DAYS, O_SEEN_MAX, O_SUMMARY, O_REPORT, O_ONE_PASS, O_COLUMN };

static const struct opt_spec scan_specs[] = {
	{"input-format", 0, 1, O_INPUT_FORMAT}, {"output", 0, 1, O_OUTPUT},
	{"format", 0, 1, O_OUTPUT}, {"only-flagged", 0, 0, O_ONLY_FLAGGED},
	{"keyed", 0, 0, O_KEYED}, {"threads", 0, 1, O_THREADS}, {"tac-db", 0, 1, O_TACDB},
	{"quiet", 'q', 0, O_QUIET}, {"delimiter", 0, 1, O_DELIMITER},
	{"one-pass", 0, 0, O_ONE_PASS},
	{"encoding", 0, 1, O_ENCODING}, {"no-text-ok", 0, 0, O_NO_TEXT_OK},
	{"include-columns", 0, 1, O_INCLUDE}, {"excel", 0, 0, O_EXCEL},
	{"config", 0, 1, O_CONFIG}, {"seen", 0, 1, O_SEEN},
	{"seen-days", 0, 1, O_SEEN_DAYS}, {"seen-max", 0, 1, O_SEEN_MAX},
	{"summary-json", 0, 1, O_SUMMARY}, {"report", 0, 1, O_REPORT},
	{"id-column", 0, 1, O_COLUMN + SCAN_ID},
	{"title-column", 0, 1, O_COLUMN + SCAN_TITLE},
	{"text-column", 0, 1, O_COLUMN + SCAN_TEXT},
	{"imei-column", 0, 1, O_COLUMN + SCAN_IMEI},
	{"brand-column", 0, 1, O_COLUMN + SCAN_BRAND},
	{"model-column", 0, 1, O_COLUMN + SCAN_MODEL},
	{"seller-column", 0, 1, O_COLUMN + SCAN_SELLER},
	{"price-column", 0, 1, O_COLUMN + SCAN_PRICE},
	{"category-column", 0, 1, O_COLUMN + SCAN_CATEGORY},
	{"help", 'h', 0, OPT_HELP}, {NULL, 0, 0, 0}
};

/* --input-format and --output (--format).  Returns -1 to go on, else the
 * exit status of a usage error. */
static int
parse_format(struct scan_run *r, const struct opt *op, int key)
{
	const char *a = op->arg;

	if (key == O_INPUT_FORMAT) {
		if (strcmp(a, "csv") == 0)
			r->infmt = SCAN_IN_CSV;
		else if (strcmp(a, "jsonl") == 0)
			r->infmt = SCAN_IN_JSONL;
		else if (strcmp(a, "json") == 0)
			r->infmt = SCAN_IN_JSON;
		else
			return cli_usage("scan", "--input-format takes csv, jsonl or json, "
			    "not '%s'", a);
		return -1;
	}
	if (strcmp(a, "csv") == 0)
		r->outfmt = SCAN_OUT_CSV;
	else if (strcmp(a, "long") == 0)
		r->outfmt = SCAN_OUT_LONG;
	else if (strcmp(a, "jsonl") == 0 || strcmp(a, "json") == 0)
		r->outfmt = SCAN_OUT_JSONL;
	else
		return cli_usage("scan", "--%s takes jsonl, csv or long, not '%s'",
		    op->spec->name, a);
	return -1;
}

/* --threads, --seen-days and --seen-max.  Returns -1 to go on, else the
 * exit status of a usage error. */
static int
parse_number(struct scan_run *r, const struct opt *op, int key)
{
	long v;

	switch (key) {
	case O_THREADS:
		if (opt_long(op->arg, 1, PIPELINE_MAX_THREADS, &v) != 0)
			return cli_usage("scan", "--threads takes a number from 1 to %d, not '%s'",
			    PIPELINE_MAX_THREADS, op->arg);
		r->threads = (int)v;
		break;
	case O_SEEN_DAYS:
		if (opt_long(op->arg, 0, 36500, &v) != 0)
			return cli_usage("scan", "--seen-days takes a number of days from 0 "
			    "(keep all) to 36500, not '%s'", op->arg);
		r->seen_days = (int)v;
		break;
	default:	/* O_SEEN_MAX */
		if (opt_long(op->arg, 0, 100000000, &v) != 0)
			return cli_usage("scan", "--seen-max takes a number from 0 (no bound) "
			    "to 100000000, not '%s'", op->arg);
		r->seen_max = v;
		break;
	}
	return -1;
}

/* The options that depend on each other, once all are read.  Returns -1
 * to go on, else the exit status of a usage error. */
static int
settle_options(struct scan_run *r, int keyed, int output)
{
	if (r->fmt.excel && !output)
		r->outfmt = SCAN_OUT_CSV;
	if (r->fmt.excel && r->outfmt == SCAN_OUT_JSONL)
		return cli_usage("scan", "--excel is for CSV output (--output csv or long)");
	if (keyed && r->seen_path)
		return cli_usage("scan", "--seen does not go with --keyed: the duplicates of "
		    "a cluster run come from its reduce step (see docs/scale.md)");
	if (keyed)
		r->outfmt = SCAN_OUT_KEYED;
	return -1;
}

/* Reads the options into r; the operands stay in op.  Returns -1 to go
 * on, else the exit status to stop with (after --help, or a usage
 * error). */
static int
parse_options(struct scan_run *r, struct opt *op, const char **tacdb)
{
	int k, st, keyed = 0, output = 0;

	while ((k = opt_next(op, scan_specs)) != OPT_END) {
		if (k >= O_COLUMN && k < O_COLUMN + SCAN_NROLES) {
			if (scan_run_name(r, (enum scan_role)(k - O_COLUMN), op->arg) != 0)
				return cli_usage("scan", "too many --X-column options (at most %d)",
				    COLUMNS_MAX_CUSTOM);
			continue;
		}
		switch (k) {
		case O_OUTPUT:
			output = 1;
			/* fall through */
		case O_INPUT_FORMAT:
			if ((st = parse_format(r, op, k)) >= 0)
				return st;
			break;
		case O_THREADS: case O_SEEN_DAYS: case O_SEEN_MAX:
			if ((st = parse_number(r, op, k)) >= 0)
				return st;
			break;
		case O_ONLY_FLAGGED: r->only_flagged = 1; break;
		case O_KEYED: keyed = 1; break;
		case O_TACDB: *tacdb = op->arg; break;
		case O_QUIET: r->quiet = 1; break;
		case O_ONE_PASS: r->one_pass = 1; break;
		case O_DELIMITER:
			if (parse_delimiter(op->arg, &r->delim) != 0)
				return cli_usage("scan", "--delimiter takes one character (',' ';' '|') "
				    "or 'tab', not '%s'", op->arg);
			break;
		case O_ENCODING:
			if (transcode_parse_name(op->arg, &r->enc) != 0)
				return cli_usage("scan", "--encoding takes utf-8, utf-16le, utf-16be or "
				    "cp1252 (windows-1252, latin1), not '%s'", op->arg);
			r->enc_given = 1;
			break;
		case O_NO_TEXT_OK: r->no_text_ok = 1; break;
		case O_INCLUDE:
			if (add_includes(r, op->arg) != 0)
				return cli_usage("scan", "--include-columns: at most %d columns",
				    SCANFMT_MAX_INCLUDE);
			break;
		case O_EXCEL: r->fmt.excel = 1; break;
		case O_CONFIG: r->config_path = op->arg; break;
		case O_SEEN: r->seen_path = op->arg; break;
		case O_SUMMARY: r->summary_path = op->arg; break;
		case O_REPORT: r->report_path = op->arg; break;
		case OPT_HELP: return cli_help(&command_scan);
		default: return cli_usage("scan", "%s", op->errmsg);
		}
	}
	return settle_options(r, keyed, output);
}

/* The inputs: the operands, or stdin.  Returns -1 to go on, else an exit
 * status. */
static int
list_files(struct scan_run *r, const struct opt *op)
{
	size_t i, n = op->noperands ? (size_t)op->noperands : 1;
	int stdin_seen = 0;

	if (!(r->files = calloc(n, sizeof *r->files))) {
		cli_error("out of memory");
		return EXIT_IO;
	}
	r->nfiles = n;
	for (i = 0; i < n; i++) {
		const char *p = op->noperands ? op->operands[i] : "-";

		if (strcmp(p, "-") == 0) {
			if (stdin_seen++)
				return cli_usage("scan", "'-' (stdin) may be named once");
			r->files[i].path = NULL;
			r->files[i].name = "stdin";
		} else {
			r->files[i].path = p;
			r->files[i].name = p;
		}
	}
	return -1;
}

/* A file's size tells roughly how many IMEIs to expect (a listing takes a
 * few hundred bytes): room for them now spares the set its doublings.  At
 * most SCAN_RESERVE_IMEIS; it grows past that. */
static void
reserve_imeis(struct scan_run *r)
{
	struct stat st;
	long long bytes = 0;
	size_t i, n;

	if (r->outfmt == SCAN_OUT_KEYED)
		return;
	for (i = 0; i < r->nfiles; i++)
		if (r->files[i].path && stat(r->files[i].path, &st) == 0 && S_ISREG(st.st_mode))
			bytes += (long long)st.st_size;
	if (bytes <= 0)
		return;
	n = (size_t)(bytes / SCAN_BYTES_PER_IMEI);
	n = n < SCAN_RESERVE_IMEIS ? n : SCAN_RESERVE_IMEIS;
	if (!r->seen_groups_only)
		(void)dupset_reserve(&r->seen, n);
	(void)groups_reserve(&r->groups, n);
}

/* How an exit status ranks when several inputs give several. */
static int
rank(int status)
{
	switch (status) {
	case EXIT_IO: return 5;
	case EXIT_USAGE: return 4;
	case EXIT_NOT_UNDERSTOOD: return 3;
	case EXIT_OK: return 0;
	}
	return 1;
}

/* The run's status: the worst input's, else some rows malformed (8),
 * else something flagged (1).  With --keyed, only errors count. */
static int
run_status(const struct scan_run *r)
{
	int status = EXIT_OK, flagged = r->stats.flagged > 0;
	size_t i;

	for (i = 0; i < r->nfiles; i++) {
		if (rank(r->files[i].status) > rank(status))
			status = r->files[i].status;
		flagged |= r->files[i].enotation;
	}
	if (status != EXIT_OK || r->outfmt == SCAN_OUT_KEYED)
		return status;
	if (r->stats.malformed)
		return EXIT_MALFORMED;
	return flagged ? EXIT_FINDINGS : EXIT_OK;
}

/* 1 when every input is a regular file (stdin too, redirected from one),
 * so that it can be read twice; then *start is where stdin starts. */
static int
all_regular(const struct scan_run *r, off_t *start)
{
	struct stat st;
	size_t i;

	*start = -1;
	for (i = 0; i < r->nfiles; i++) {
		if (r->files[i].path ? stat(r->files[i].path, &st) != 0 :
		    fstat(STDIN_FILENO, &st) != 0)
			return 0;
		if (!S_ISREG(st.st_mode))
			return 0;
		if (!r->files[i].path && (*start = lseek(STDIN_FILENO, 0, SEEK_CUR)) < 0)
			return 0;
	}
	return 1;
}

/* The first of two passes over regular files: what listings share (IMEIs,
 * sellers, prices by model), noted quietly; the files' counts are the
 * second pass's.  A file this pass cannot read keeps its status (its
 * message is out) and is not read again.  Returns 0, or -1 when memory
 * failed. */
static int
first_pass(struct scan_run *r, off_t start)
{
	int quiet = r->quiet;
	size_t i;

	r->pass = 1;
	r->quiet = 1;
	for (i = 0; i < r->nfiles; i++) {
		struct scan_file keep = r->files[i];
		int st;

		r->file = &r->files[i];
		st = scan_input_read(r);
		keep.text_none = r->files[i].text_none;	/* for the second pass */
		keep.ntext_none = r->files[i].ntext_none;
		keep.captext_none = r->files[i].captext_none;
		r->files[i] = keep;
		r->files[i].status = st;
		if (r->nomem)
			break;
	}
	r->quiet = quiet;
	if (start >= 0 && lseek(STDIN_FILENO, start, SEEK_SET) < 0) {
		cli_error("cannot read stdin again: %s", strerror(errno));
		return -1;
	}
	if (r->nomem) {
		cli_error("out of memory");
		return -1;
	}
	groups_seal(&r->groups);
	r->pass = 2;
	r->ordinal = 0;
	return 0;
}

/* Scans every input in turn, then writes what the run made.  Returns the
 * exit status. */
static int
scan_all(struct scan_run *r)
{
	off_t start = -1;
	size_t i;
	int status, two;

	r->t0 = scan_now();
	for (i = 0; i < r->nfiles; i++) {
		int no = seen_file(&r->first, r->files[i].name, strlen(r->files[i].name));

		r->files[i].seen_no = no < 0 ? 0 : no;
	}
	/* Regular files are read twice: first what listings share, then each
	 * listing judged with all of it.  A stream is read once, each listing
	 * judged against the ones before it. */
	two = r->outfmt != SCAN_OUT_KEYED && !r->one_pass && all_regular(r, &start);
	if (two)
		groups_init(&r->groups, GROUPS_TWO_PASS);	/* nothing held yet */
	r->seen_groups_only = two && r->nfiles == 1 && !r->seen_path;
	reserve_imeis(r);
	if (two && first_pass(r, start) != 0)
		return EXIT_IO;
	if (r->outfmt == SCAN_OUT_CSV)
		scanfmt_csv_header(&r->out, &r->fmt);
	else if (r->outfmt == SCAN_OUT_LONG)
		scanfmt_long_header(&r->out, &r->fmt);
	for (i = 0; i < r->nfiles && !r->out.err; i++) {
		if (r->files[i].status != EXIT_OK)
			continue;	/* the first pass could not read it */
		r->file = &r->files[i];
		r->file->status = scan_input_read(r);
		if (r->file->status == EXIT_IO && (r->out.err || r->nomem))
			break;	/* the output or the memory failed: the rest would too */
	}
	status = cli_finish_output(&r->out, run_status(r));
	if ((scan_seen_save(r) != 0 || scan_write_summary(r, status) != 0 ||
	    scan_write_report(r) != 0) && rank(status) < rank(EXIT_IO))
		status = EXIT_IO;
	scan_output_summary(r, scan_now() - r->t0);
	return status;
}

static int
run_scan(struct cli *c, int argc, char **argv)
{
	const char *tacdb = NULL;
	struct scan_run *r;
	struct opt op;
	int status;

	if (!(r = malloc(sizeof *r))) {
		cli_error("out of memory");
		return EXIT_IO;
	}
	scan_run_init(r, c);
	r->threads = default_threads();
	if (opt_init(&op, argc, argv) != 0) {
		cli_error("out of memory");
		scan_run_release(r);
		free(r);
		return EXIT_IO;
	}
	if ((status = parse_options(r, &op, &tacdb)) < 0 &&
	    (status = list_files(r, &op)) < 0) {
		if ((status = scan_run_load(r, tacdb)) == EXIT_OK) {
			if (scan_seen_load(r) == 0) {
				status = scan_all(r);
			} else {
				status = EXIT_IO;
			}
		}
	}
	scan_run_release(r);
	free(r);
	opt_release(&op);
	return status;
}

const struct command command_scan = {
	"scan", run_scan,
	"scan [--output F] [--only-flagged] [--keyed] [--config FILE] [--seen FILE] [FILE...]",
	"judge exported marketplace listings (CSV or JSON), one finding each",
	"usage: handover scan [options] [FILE... | -]\n"
	"\n"
	"Reads listings from each FILE, or stdin, and writes one finding per\n"
	"listing (JSON, \"schema\":2; the manual lists its fields).  Input: CSV\n"
	"(',' ';' or TAB, with a header row), JSON Lines, a JSON array or\n"
	"pretty-printed JSON; UTF-8, UTF-16 with a byte order mark, Windows-1252\n"
	"with --encoding.  Columns and keys (nested: seller.id) take a role from\n"
	"their name as sites write it (ad_title, subject, judul, user_id...);\n"
	"all but dates, links and counts are searched for phrases.  stderr says\n"
	"first which column took which role.\n"
	"\n"
	"options:\n"
	"  --input-format F   csv, jsonl or json (default: from the content)\n"
	"  --delimiter C      the CSV delimiter: ',' ';' '|' or tab (default:\n"
	"                     sniffed from the header, or Excel's sep= line)\n"
	"  --encoding E       utf-8, utf-16le, utf-16be or cp1252 (default: UTF-8,\n"
	"                     or what the byte order mark says)\n"
	"  --output F         jsonl (default), csv (one row a listing) or long\n"
	"                     (CSV, one row a reason);  --format F: the same\n"
	"  --excel            CSV for a spreadsheet: a byte order mark, and long\n"
	"                     digit runs (IMEIs) as =\"...\" so they stay text\n"
	"  --include-columns A,B  carry these columns into each finding\n"
	"  --only-flagged     leave out listings whose risk is ok\n"
	"  --one-pass         read files once, as a pipe\n"
	"  --keyed            write IMEI<TAB>listing<TAB>seller lines for\n"
	"                     'handover dups' instead of findings (exit 0)\n"
	"  --threads N        threads, 1-16; the output keeps the input order\n"
	"                     (default: the CPUs, at most 4)\n"
	"  --tac-db FILE      the Osmocom TAC database (CSV) for TAC brands\n"
	"  --config FILE      settings: column names, extra phrases, allow-lists,\n"
	"                     per-category rules (see the manual)\n"
	"  --seen FILE        the IMEIs seen on earlier days: read, flagged when\n"
	"                     shown again, updated (created when missing)\n"
	"  --seen-days N      forget IMEIs not seen for N days (default 365; 0 never)\n"
	"  --seen-max N       keep at most N IMEIs, the most recent (default\n"
	"                     2000000; 0 no bound)\n"
	"  --summary-json FILE  the counts, per reason, file, language, category\n"
	"  --report FILE      a page for a manager (HTML, self-contained)\n"
	"  --no-text-ok       scan an input that has no title or description\n"
	"  -q, --quiet        nothing on stderr but errors\n"
	"  --id-column NAME, --title-column NAME, --text-column NAME,\n"
	"  --imei-column NAME, --brand-column NAME, --model-column NAME,\n"
	"  --seller-column NAME, --price-column NAME, --category-column NAME\n"
	"                     the column (or key path) that holds this; repeat\n"
	"                     for several; not in the header: exit 2\n"
	"\n"
	"reasons and their risk:\n"
	"  stop:    placeholder_imei, duplicate_imei_other_seller, stolen_pattern,\n"
	"           phrase_lock, phrase_bypass, phrase_theft\n"
	"  caution: malformed_row, invalid_imei, missing_check_digit,\n"
	"           scientific_notation, tac_brand_mismatch,\n"
	"           duplicate_imei_same_seller, phrase_financing, phrase_no_proof,\n"
	"           weak_phrase, phrase_advance_payment, price_far_below,\n"
	"           limit_reached, phrase_asked;  ok: repost\n"
	"An IMEI column in E-notation is one finding for the file, not per listing.\n"
	"\n"
	"CSV and TSV output: a cell that starts with = + - @ TAB or CR (or their\n"
	"fullwidth forms) gets a leading ' so a spreadsheet shows it as text.\n"
	"\n"
	"exit status: 0 nothing flagged, 1 something flagged, 2 usage error\n"
	"(also: no title or description, a --X-column not in the header, a\n"
	"wrong --config), 3 input/output error, 7 an input it cannot read as\n"
	"listings, 8 some rows could not be read (the others were scanned)\n"
	"\n"
	"examples (the manual has one for each export shape):\n"
	"  handover scan --only-flagged listings.csv > flagged.jsonl\n"
	"  handover scan --encoding cp1252 windows1252.csv\n"
	"  handover scan --include-columns seller.name api.jsonl\n"
	"  handover scan --output long --excel --include-columns url olx.csv > day.csv\n"
	"  handover scan --config team.conf --seen seen.tsv --report day.html exports/*\n"
	"  handover scan --keyed listings.csv | LC_ALL=C sort | handover dups\n"
};
