/* SPDX-License-Identifier: MIT */
/* imei: "handover imei": validates and explains identifiers from the
 * arguments or from stdin, one readable line or JSON object each. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/load.h"
#include "cmd/commands.h"
#include "ident/ident.h"
#include "ident/json.h"
#include "cli/lines.h"
#include "cli/opt.h"
#include "ident/tac.h"
#include "cli/tac_load.h"
#include "cli/fd.h"
#include "lib/term.h"

#define MAX_PER_LINE 16
#define LINE_MAX_BYTES (64 * 1024)

struct imei_run {
	struct cli *cli;
	struct ident_tables tables;
	struct tacload tl;
	int json;
	int invalid;
	long seen;		/* arguments and lines checked */
	struct buf out;
};

static void
emit_text(struct imei_run *r, const char *in, size_t inlen, const struct ident *id,
    const struct tac_entry *te, size_t nte)
{
	struct buf *b = &r->out;
	int color = r->cli->color;
	const struct ident_rb *rb = id->rb >= 0 ? ident_reporting_body(&r->tables, id->rb) : NULL;
	size_t i;

	/* the input, the TAC database and the data tables are untrusted:
	 * every string from them goes through the terminal sanitiser */
	for (i = 0; i < inlen && (in[i] == ' ' || in[i] == '\t'); i++)
		;
	if (i == inlen)		/* nothing to see: show that it was empty */
		buf_putc(b, '\'');
	buf_put_term(b, in, inlen);
	if (i == inlen)
		buf_putc(b, '\'');
	buf_puts(b, ": ");
	if (id->problem == IDENT_OK) {
		buf_puts(b, color ? "\033[32m" : "");
		buf_puts_term(b, id->message);
		buf_puts(b, color ? "\033[0m" : "");
	} else {
		buf_printf(b, "%s%s%s: ", color ? "\033[31m" : "",
		    ident_problem_code(id->problem), color ? "\033[0m" : "");
		buf_puts_term(b, id->message);
	}
	buf_putc(b, '\n');
	if (id->problem != IDENT_OK && id->problem != IDENT_MISSING_CHECK_DIGIT &&
	    id->problem != IDENT_BAD_CHECK_DIGIT)
		return;
	if (id->tac[0]) {
		buf_printf(b, "  TAC %s: ", id->tac);
		if (te) {
			for (i = 0; i < nte; i++) {
				buf_puts(b, i ? " / " : "");
				buf_puts_term(b, te[i].brand);
				buf_putc(b, ' ');
				buf_puts_term(b, te[i].model);
			}
		} else {
			buf_puts(b, r->tl.loaded_osmocom ? "unknown TAC (not in the TAC tables)"
			    : "unknown TAC (only the built-in table was searched; see --tac-db)");
		}
		buf_printf(b, "\n  serial %s", id->serial);
		if (id->kind == IDENT_IMEISV)
			buf_printf(b, ", software version %s", id->check);
		else if (id->check[0])
			buf_printf(b, ", check digit %s", id->check);
		buf_putc(b, '\n');
	}
	if (id->rb >= 0) {
		buf_printf(b, "  reporting body %02d: ", id->rb);
		buf_puts_term(b, rb ? rb->name : "not allocated");
		buf_putc(b, '\n');
	}
}

static void
emit(struct imei_run *r, const char *line, const struct ident *id)
{
	const struct tac_entry *te = NULL;
	size_t nte = 0;

	if (id->problem != IDENT_OK)
		r->invalid = 1;
	if (id->tac[0] && id->problem != IDENT_PLACEHOLDER)
		te = tacload_find(&r->tl, id->tac, &nte);
	if (r->json)
		ident_write_json(&r->out, &r->tables, line + id->start, id->len, id, te, nte);
	else
		emit_text(r, line + id->start, id->len, id, te, nte);
}

/* Checks every identifier in s[0..n), or says there is none
 * (ident_check_line).  lineno: the stdin line, or 0 for an argument. */
static void
check_line(struct imei_run *r, const char *s, size_t n, long lineno)
{
	struct ident ids[MAX_PER_LINE];
	size_t k, count = ident_check_line(&r->tables, s, n, lineno, ids, MAX_PER_LINE);

	r->seen++;
	for (k = 0; k < count; k++)
		emit(r, s, &ids[k]);
}

static int
read_stdin(struct imei_run *r)
{
	struct lines l;
	const char *p;
	size_t n;
	int cut, got;

	if (lines_init(&l, STDIN_FILENO, LINE_MAX_BYTES) != 0) {
		cli_error("out of memory");
		return EXIT_IO;
	}
	while ((got = lines_next(&l, &p, &n, &cut)) == 1) {
		if (cut) {
			struct ident id;
			ident_classify(&r->tables, "", 0, IDENT_UNKNOWN, &id);
			id.problem = IDENT_BAD_LENGTH;
			snprintf(id.message, sizeof id.message,
			    "line %ld is longer than %d bytes: not an identifier", l.lineno,
			    LINE_MAX_BYTES - 1);
			id.start = 0;
			id.len = 0;
			emit(r, "", &id);
			continue;
		}
		check_line(r, p, n, l.lineno);
		if (r->out.err)
			break;
	}
	lines_release(&l);
	if (got < 0) {
		cli_error("cannot read the input: %s", strerror(l.err));
		return EXIT_IO;
	}
	return EXIT_OK;
}

static int
run_imei(struct cli *c, int argc, char **argv)
{
	static const struct opt_spec specs[] = {
		{"json", 0, 0, 'j'}, {"tac-db", 0, 1, 't'}, {"help", 'h', 0, OPT_HELP},
		{NULL, 0, 0, 0}
	};
	struct imei_run r;
	struct opt o;
	const char *tacdb = NULL;
	int i, k, status = EXIT_OK, use_stdin;

	memset(&r, 0, sizeof r);
	r.cli = c;
	fd_buf_init(&r.out, STDOUT_FILENO);
	tacload_init(&r.tl, c, NULL);
	if (opt_init(&o, argc, argv) != 0) {
		cli_error("out of memory");
		return EXIT_IO;
	}
	while ((k = opt_next(&o, specs)) != OPT_END) {
		switch (k) {
		case 'j': r.json = 1; break;
		case 't': tacdb = o.arg; break;
		case OPT_HELP: status = cli_help(&command_imei); goto out;
		default: status = cli_usage("imei", "%s", o.errmsg); goto out;
		}
	}
	status = EXIT_IO;
	if (cli_load_idents(c, &r.tables) != 0)
		goto out;
	r.tl.path = tacdb;
	if (tacload_check_named(&r.tl) != 0)
		goto out;
	status = EXIT_OK;
	use_stdin = o.noperands == 0;
	for (i = 0; i < o.noperands && !r.out.err; i++) {
		if (strcmp(o.operands[i], "-") == 0)
			use_stdin = 1;
		else
			check_line(&r, o.operands[i], strlen(o.operands[i]), 0);
	}
	if (use_stdin && !r.out.err) {
		status = read_stdin(&r);
		if (status == EXIT_OK && r.seen == 0) {
			cli_error("no identifier in the input: give IMEIs as arguments, or one a "
			    "line on standard input");
			r.invalid = 1;
		}
	}
	if (r.tl.failed)
		status = EXIT_IO;
	if (status == EXIT_OK && r.invalid)
		status = EXIT_FINDINGS;
	status = cli_finish_output(&r.out, status);
out:
	buf_release(&r.out);
	tacload_release(&r.tl);
	ident_tables_release(&r.tables);
	opt_release(&o);
	return status;
}

const struct command command_imei = {
	"imei", run_imei,
	"imei [--json] [--tac-db FILE] [ID... | -]",
	"validate and explain IMEI, IMEISV, MEID, ESN and EID values",
	"usage: handover imei [--json] [--tac-db FILE] [ID... | -]\n"
	"\n"
	"Validates and explains phone identifiers: IMEI (15 digits), IMEISV (16),\n"
	"MEID (14 hex digits, 15 with check digit, or 18 decimal), ESN (8 hex or\n"
	"11 decimal; label it ESN) and EID (32 digits).  IDs come from the\n"
	"arguments, or from stdin one line at a time when there are none or '-'\n"
	"is given.  Labels (IMEI1:, IMEI 2:, MEID, EID), spaces, dashes, dots,\n"
	"slashes and fullwidth digits are understood; a line may hold several.\n"
	"\n"
	"options:\n"
	"  --json          one JSON object per identifier: input, kind, valid,\n"
	"                  normalized, reporting_body, tac, serial, check_digit,\n"
	"                  brand, model, problem, message\n"
	"  --tac-db FILE   the Osmocom TAC database (CSV) for brand and model;\n"
	"                  also HANDOVER_TAC_DB, or $XDG_DATA_HOME/handover/tacdb.csv\n"
	"                  when present\n"
	"\n"
	"problems: bad_length, not_digits, bad_check_digit, missing_check_digit,\n"
	"  scientific_notation, placeholder, bad_component\n"
	"\n"
	"An argument or line with no identifier in it (empty, only spaces, only a\n"
"label) is reported as invalid, as is an input with no line at all.\n"
"\n"
"exit status: 0 all valid, 1 any invalid or none given, 2 usage error,\n"
"3 input/output error\n"
	"\n"
	"examples:\n"
	"  handover imei 354178036859789\n"
	"  handover imei 'IMEI1: 35 417803 685978 9'\n"
	"  cut -d, -f3 listings.csv | handover imei --json\n"
};
