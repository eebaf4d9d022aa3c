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
add_name(struct scan_run *r, enum scan_role role, const char *name)
{
	if (!r->custom[role]) {		/* a flag replaces the default names */
		r->custom[role] = 1;
		r->nnames[role] = 0;
	}
	if (r->nnames[role] == SCAN_MAX_NAMES)
		return -1;
	r->names[role][r->nnames[role]++] = name;
	return 0;
}

static int
default_threads(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > DEFAULT_THREADS_MAX ? DEFAULT_THREADS_MAX : (int)n;
}

/* What the options ask for beyond the run itself. */
struct scan_opts {
	const char *tacdb;
	const char *path;	/* the input, or NULL for stdin */
	int infmt;		/* SCAN_IN_* */
	int keyed;
	long threads;
};

/* Reads the options into r and o.  Returns -1 to go on, else the exit
 * status to stop with (after --help, or a usage error). */
static int
parse_options(struct scan_run *r, struct scan_opts *o, struct opt *op)
{
	/* --X-column options carry O_COLUMN + the role they name */
	enum { O_INPUT_FORMAT, O_OUTPUT, O_ONLY_FLAGGED, O_KEYED, O_THREADS, O_TACDB,
	    O_QUIET, O_COLUMN };
	static const struct opt_spec specs[] = {
		{"input-format", 0, 1, O_INPUT_FORMAT}, {"output", 0, 1, O_OUTPUT},
		{"format", 0, 1, O_OUTPUT}, {"only-flagged", 0, 0, O_ONLY_FLAGGED},
		{"keyed", 0, 0, O_KEYED}, {"threads", 0, 1, O_THREADS}, {"tac-db", 0, 1, O_TACDB},
		{"quiet", 'q', 0, O_QUIET},
		{"id-column", 0, 1, O_COLUMN + SCAN_ID},
		{"title-column", 0, 1, O_COLUMN + SCAN_TITLE},
		{"text-column", 0, 1, O_COLUMN + SCAN_TEXT},
		{"imei-column", 0, 1, O_COLUMN + SCAN_IMEI},
		{"brand-column", 0, 1, O_COLUMN + SCAN_BRAND},
		{"model-column", 0, 1, O_COLUMN + SCAN_MODEL},
		{"seller-column", 0, 1, O_COLUMN + SCAN_SELLER},
		{"help", 'h', 0, OPT_HELP}, {NULL, 0, 0, 0}
	};
	int k;

	while ((k = opt_next(op, specs)) != OPT_END) {
		if (k >= O_COLUMN && k < O_COLUMN + SCAN_NROLES) {
			if (add_name(r, (enum scan_role)(k - O_COLUMN), op->arg) != 0)
				return cli_usage("scan", "too many --%s options (at most %d)",
				    op->spec->name, SCAN_MAX_NAMES);
			continue;
		}
		switch (k) {
		case O_INPUT_FORMAT:
			if (strcmp(op->arg, "csv") == 0)
				o->infmt = SCAN_IN_CSV;
			else if (strcmp(op->arg, "jsonl") == 0)
				o->infmt = SCAN_IN_JSONL;
			else
				return cli_usage("scan", "--input-format takes csv or jsonl, not '%s'",
				    op->arg);
			break;
		case O_OUTPUT:
			if (strcmp(op->arg, "csv") == 0)
				r->outfmt = SCAN_OUT_CSV;
			else if (strcmp(op->arg, "jsonl") == 0 || strcmp(op->arg, "json") == 0)
				r->outfmt = SCAN_OUT_JSONL;
			else
				return cli_usage("scan", "--%s takes jsonl or csv, not '%s'",
				    op->spec->name, op->arg);
			break;
		case O_ONLY_FLAGGED: r->only_flagged = 1; break;
		case O_KEYED: o->keyed = 1; break;
		case O_THREADS:
			if (opt_long(op->arg, 1, PIPELINE_MAX_THREADS, &o->threads) != 0)
				return cli_usage("scan", "--threads takes a number from 1 to %d, not '%s'",
				    PIPELINE_MAX_THREADS, op->arg);
			break;
		case O_TACDB: o->tacdb = op->arg; break;
		case O_QUIET: r->quiet = 1; break;
		case OPT_HELP: return cli_help(&command_scan);
		default: return cli_usage("scan", "%s", op->errmsg);
		}
	}
	if (op->noperands > 1)
		return cli_usage("scan", "one input file at most (or - for stdin), not %d",
		    op->noperands);
	if (o->keyed)
		r->outfmt = SCAN_OUT_KEYED;
	if (op->noperands == 1 && strcmp(op->operands[0], "-") != 0)
		o->path = op->operands[0];
	return -1;
}

static int
open_input(struct scan_run *r, const char *path)
{
	struct stat st;

	r->in.fd = STDIN_FILENO;
	r->in.size = -1;
	if (path) {
		r->in.fd = open(path, O_RDONLY);
		if (r->in.fd < 0) {
			cli_error("cannot open '%s': %s", path, strerror(errno));
			return -1;
		}
	}
	if (fstat(r->in.fd, &st) == 0 && S_ISREG(st.st_mode))
		r->in.size = (long long)st.st_size;
	if (fstat(r->in.fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		cli_error("cannot read '%s': %s", path ? path : "-", strerror(EISDIR));
		return -1;
	}
	return 0;
}

/* A file's size tells roughly how many IMEIs to expect (a listing takes a
 * few hundred bytes): room for them now spares the set its doublings.  At
 * most SCAN_RESERVE_IMEIS; it grows past that. */
static void
reserve_imeis(struct scan_run *r)
{
	size_t n;

	if (r->in.size <= 0 || r->outfmt == SCAN_OUT_KEYED)
		return;
	n = (size_t)(r->in.size / SCAN_BYTES_PER_IMEI);
	(void)dupset_reserve(&r->seen, n < SCAN_RESERVE_IMEIS ? n : SCAN_RESERVE_IMEIS);
}

/* Scans the opened input and writes the summary.  Returns the exit
 * status. */
static int
scan_input(struct scan_run *r, const struct scan_opts *o)
{
	const char *name = o->path ? o->path : "stdin";
	int fmt = o->infmt, status;

	if (fmt == SCAN_IN_AUTO && cli_scan_guess(&r->in, o->path, &fmt) != 0) {
		cli_error("cannot read '%s': %s", name, strerror(errno));
		return EXIT_IO;
	}
	r->progress = !r->quiet && r->in.size > 0 && isatty(STDERR_FILENO);
	r->t0 = cli_scan_now();
	if (r->outfmt == SCAN_OUT_CSV)
		scanfmt_csv_header(&r->out);
	status = cli_scan_read(r, (int)o->threads, fmt, name);
	if (status == EXIT_OK && r->flagged && r->outfmt != SCAN_OUT_KEYED)
		status = EXIT_FINDINGS;
	status = cli_finish_output(&r->out, status);
	cli_scan_summary(r, cli_scan_now() - r->t0);
	return status;
}

static int
run_scan(struct cli *c, int argc, char **argv)
{
	struct scan_opts o = { NULL, NULL, SCAN_IN_AUTO, 0, 0 };
	struct scan_run *r;
	struct opt op;
	int status;

	if (!(r = malloc(sizeof *r))) {
		cli_error("out of memory");
		return EXIT_IO;
	}
	scan_run_init(r, c);
	o.threads = default_threads();
	if (opt_init(&op, argc, argv) != 0) {
		cli_error("out of memory");
		scan_run_release(r);
		free(r);
		return EXIT_IO;
	}
	if ((status = parse_options(r, &o, &op)) < 0) {
		status = EXIT_IO;
		if (open_input(r, o.path) == 0 && scan_run_load(r, o.tacdb) == 0) {
			reserve_imeis(r);
			status = scan_input(r, &o);
		}
	}
	scan_run_release(r);
	free(r);
	opt_release(&op);
	return status;
}

const struct command command_scan = {
	"scan", run_scan,
	"scan [--input-format F] [--output F] [--only-flagged] [--keyed] [FILE | -]",
	"judge exported marketplace listings (CSV or JSON Lines), one finding each",
	"usage: handover scan [options] [FILE | -]\n"
	"\n"
	"Reads listings from FILE, or from stdin when there is none or it is '-',\n"
	"and writes one finding per listing: id, line, risk (stop, caution, ok),\n"
	"reasons, identifiers (value, kind, valid, problem, brand, field) and\n"
	"phrases (phrase, category, language, field).  Input is CSV (RFC 4180,\n"
	"with a header row) or JSON Lines (one object a line).  Columns are found\n"
	"by name, any case: id/listing_id, title, description/body/text,\n"
	"imei/imei1/imei2/serial, brand, model, seller/seller_id, price; other\n"
	"columns are searched for identifiers.  A malformed row becomes a finding\n"
	"with reason malformed_row and the scan goes on.  An IMEI seen in an\n"
	"earlier listing is flagged on the later ones only.\n"
	"\n"
	"options:\n"
	"  --input-format F   csv or jsonl (default: from the file name, else\n"
	"                     sniffed: a '{' first means jsonl)\n"
	"  --output F         jsonl (default) or csv: the findings' format;\n"
	"  --format F         the same as --output\n"
	"  --only-flagged     leave out listings whose risk is ok\n"
	"  --keyed            write IMEI<TAB>listing<TAB>seller lines for\n"
	"                     'handover dups' instead of findings (exit 0)\n"
	"  --threads N        threads, 1-16, each reading, scanning and writing out\n"
	"                     its own batches; the output keeps the input order\n"
	"                     (default: the CPUs, at most 4)\n"
	"  --tac-db FILE      the Osmocom TAC database (CSV) for TAC brands\n"
	"  -q, --quiet        no summary and no progress on stderr\n"
	"  --id-column NAME, --title-column NAME, --text-column NAME,\n"
	"  --imei-column NAME, --brand-column NAME, --model-column NAME,\n"
	"  --seller-column NAME\n"
	"                     the column (or JSON key) that holds this, instead\n"
	"                     of the names above; repeat for several\n"
	"\n"
	"reasons and their risk:\n"
	"  stop:    placeholder_imei, duplicate_imei_other_seller, phrase_lock,\n"
	"           phrase_bypass, phrase_theft\n"
	"  caution: malformed_row, invalid_imei, missing_check_digit,\n"
	"           scientific_notation, tac_brand_mismatch,\n"
	"           duplicate_imei_same_seller, phrase_financing, phrase_no_proof,\n"
	"           weak_phrase\n"
	"\n"
	"exit status: 0 nothing flagged, 1 something flagged, 2 usage error,\n"
	"3 input/output error\n"
	"\n"
	"examples:\n"
	"  handover scan listings.csv > findings.jsonl\n"
	"  handover scan --only-flagged --output csv listings.jsonl > flagged.csv\n"
	"  handover scan --keyed listings.csv | LC_ALL=C sort | handover dups\n"
};
