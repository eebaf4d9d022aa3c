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

#include "cli/load.h"
#include "cmd/scan_run.h"
#include "cmd/commands.h"
#include "cli/opt.h"
#include "scan/format.h"
#include "cli/fd.h"

#define DEFAULT_THREADS_MAX 4

static int
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

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

/* Loads the tables the scan needs.  Returns 0 or -1 after a message. */
static int
load(struct scan_run *r, const char *tacdb)
{
	struct error e;

	if (cli_load_idents(r->cli, &r->tables) != 0 || cli_load_kb(r->cli, &r->kb) != 0)
		return -1;
	r->tl.path = tacdb;
	if (tacload_check_named(&r->tl) != 0 || tacload_load(&r->tl) != 0)
		return -1;
	if (scan_init(&r->scan, &r->kb, &r->tables, &r->tl.db, &e) != 0) {
		cli_error("cannot build the phrase matcher: %s", e.msg);
		return -1;
	}
	if (scanfmt_init(&r->fmt, &r->scan) != 0) {
		cli_error("out of memory");
		return -1;
	}
	return 0;
}

static int
open_input(struct scan_run *r, const char *path)
{
	struct stat st;

	r->in.fd = STDIN_FILENO;
	r->in.size = -1;
	if (path && strcmp(path, "-") != 0) {
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

static int
run_scan(struct cli *c, int argc, char **argv)
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
	struct scan_run *r;
	struct opt o;
	const char *tacdb = NULL, *path = NULL, *name;
	int k, i, status = EXIT_USAGE, infmt = SCAN_IN_AUTO, keyed = 0;
	long threads = default_threads();

	if (!(r = calloc(1, sizeof *r))) {
		cli_error("out of memory");
		return EXIT_IO;
	}
	r->cli = c;
	r->in.fd = -1;
	fd_buf_init(&r->out, STDOUT_FILENO);
	tacload_init(&r->tl, c, NULL);
	dupset_init(&r->seen);
	for (k = 0; k < SCAN_NROLES; k++)
		for (i = 0; i < 5 && scan_default_names[k][i]; i++)
			r->names[k][r->nnames[k]++] = scan_default_names[k][i];
	if (opt_init(&o, argc, argv) != 0) {
		cli_error("out of memory");
		free(r);
		return EXIT_IO;
	}
	while ((k = opt_next(&o, specs)) != OPT_END) {
		if (k >= O_COLUMN && k < O_COLUMN + SCAN_NROLES) {
			if (add_name(r, (enum scan_role)(k - O_COLUMN), o.arg) != 0) {
				status = cli_usage("scan", "too many --%s options (at most %d)",
				    o.spec->name, SCAN_MAX_NAMES);
				goto out;
			}
			continue;
		}
		switch (k) {
		case O_INPUT_FORMAT:
			if (strcmp(o.arg, "csv") == 0)
				infmt = SCAN_IN_CSV;
			else if (strcmp(o.arg, "jsonl") == 0)
				infmt = SCAN_IN_JSONL;
			else {
				status = cli_usage("scan", "--input-format takes csv or jsonl, not '%s'", o.arg);
				goto out;
			}
			break;
		case O_OUTPUT:
			if (strcmp(o.arg, "csv") == 0)
				r->outfmt = SCAN_OUT_CSV;
			else if (strcmp(o.arg, "jsonl") == 0 || strcmp(o.arg, "json") == 0)
				r->outfmt = SCAN_OUT_JSONL;
			else {
				status = cli_usage("scan", "--%s takes jsonl or csv, not '%s'",
				    o.spec->name, o.arg);
				goto out;
			}
			break;
		case O_ONLY_FLAGGED: r->only_flagged = 1; break;
		case O_KEYED: keyed = 1; break;
		case O_THREADS:
			if (opt_long(o.arg, 1, SCANPIPE_MAX_THREADS, &threads) != 0) {
				status = cli_usage("scan", "--threads takes a number from 1 to %d, not '%s'",
				    SCANPIPE_MAX_THREADS, o.arg);
				goto out;
			}
			break;
		case O_TACDB: tacdb = o.arg; break;
		case O_QUIET: r->quiet = 1; break;
		case OPT_HELP: status = cli_help(&command_scan); goto out;
		default: status = cli_usage("scan", "%s", o.errmsg); goto out;
		}
	}
	if (o.noperands > 1) {
		status = cli_usage("scan", "one input file at most (or - for stdin), not %d",
		    o.noperands);
		goto out;
	}
	if (keyed)
		r->outfmt = SCAN_OUT_KEYED;
	if (o.noperands == 1)
		path = o.operands[0];
	name = path && strcmp(path, "-") != 0 ? path : "stdin";
	status = EXIT_IO;
	if (open_input(r, path) != 0 || load(r, tacdb) != 0)
		goto out;
	/* A file's size tells roughly how many IMEIs to expect (a listing
	 * takes a few hundred bytes): room for them now spares the set its
	 * doublings.  At most SCAN_RESERVE_IMEIS; it grows past that. */
	if (r->in.size > 0 && r->outfmt != SCAN_OUT_KEYED)
		(void)dupset_reserve(&r->seen, (size_t)(r->in.size / SCAN_BYTES_PER_IMEI) <
		    SCAN_RESERVE_IMEIS ? (size_t)(r->in.size / SCAN_BYTES_PER_IMEI) :
		    SCAN_RESERVE_IMEIS);
	if (infmt == SCAN_IN_AUTO && path) {
		if (ends_with(path, ".csv") || ends_with(path, ".CSV"))
			infmt = SCAN_IN_CSV;
		else if (ends_with(path, ".jsonl") || ends_with(path, ".ndjson") ||
		    ends_with(path, ".json"))
			infmt = SCAN_IN_JSONL;
	}
	if (infmt == SCAN_IN_AUTO && cli_scan_sniff(&r->in, &infmt) != 0) {
		cli_error("cannot read '%s': %s", name, strerror(errno));
		goto out;
	}
	r->progress = !r->quiet && r->in.size > 0 && isatty(STDERR_FILENO);
	r->t0 = cli_scan_now();
	if (r->outfmt == SCAN_OUT_CSV)
		scanfmt_csv_header(&r->out);
	status = cli_scan_read(r, (int)threads, infmt, name);
	if (status == EXIT_OK && r->flagged && r->outfmt != SCAN_OUT_KEYED)
		status = EXIT_FINDINGS;
	status = cli_finish_output(&r->out, status);
	cli_scan_summary(r, cli_scan_now() - r->t0);
out:
	if (r->in.fd > STDIN_FILENO)
		close(r->in.fd);
	buf_release(&r->out);
	scanfmt_release(&r->fmt);
	scan_release(&r->scan);
	tacload_release(&r->tl);
	kb_release(&r->kb);
	ident_tables_release(&r->tables);
	dupset_release(&r->seen);
	for (i = 0; i < (int)r->nhdr; i++)
		free(r->hdr[i]);
	free(r->hdr);
	free(r->hdrlen);
	free(r->hdrrole);
	opt_release(&o);
	free(r);
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
