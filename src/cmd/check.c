/* SPDX-License-Identifier: MIT */
/* check: "handover check": walks the buyer through the checklist at a
 * terminal, from piped answers or an answers file, in the buyer's
 * language; saves after every answer; ends with the verdict and a sealed
 * record.  The checklist's logic is the session core's (check/session.c);
 * this file reads lines and prints. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/opt.h"
#include "cmd/check_run.h"
#include "cmd/commands.h"

/* How to name handover in advice: as it was started when that was a path
 * (after 'make run' it is build/handover), else "handover". */
const char *
checkrun_prog_name(const char *argv0)
{
	return argv0 && strchr(argv0, '/') ? argv0 : "handover";
}

static int
run_check(struct cli *c, int argc, char **argv)
{
	enum { O_COUNTRY, O_ANSWERS, O_RESUME, O_STEPS, O_JSON, O_TACDB, O_LANG };
	static const struct opt_spec specs[] = {
		{"country", 0, 1, O_COUNTRY}, {"answers", 0, 1, O_ANSWERS},
		{"resume", 0, 1, O_RESUME}, {"steps", 0, 0, O_STEPS}, {"json", 0, 0, O_JSON},
		{"tac-db", 0, 1, O_TACDB}, {"lang", 0, 1, O_LANG},
		{"help", 'h', 0, OPT_HELP}, {NULL, 0, 0, 0}
	};
	struct check_run *r;
	struct opt o;
	const char *country = NULL, *answers = NULL, *resume = NULL, *tacdb = NULL;
	const char *lang_opt = NULL, *lang;
	char langbuf[8];
	int k, steps = 0, json = 0, named, status;

	if (opt_init(&o, argc, argv) != 0 || !(r = calloc(1, sizeof *r))) {
		cli_error("out of memory");
		opt_release(&o);
		return EXIT_IO;
	}
	r->prog = checkrun_prog_name(c->argv0);
	while ((k = opt_next(&o, specs)) != OPT_END) {
		switch (k) {
		case O_COUNTRY: country = o.arg; break;
		case O_ANSWERS: answers = o.arg; break;
		case O_RESUME: resume = o.arg; break;
		case O_STEPS: steps = 1; break;
		case O_JSON: json = 1; break;
		case O_TACDB: tacdb = o.arg; break;
		case O_LANG: lang_opt = o.arg; break;
		case OPT_HELP: status = cli_help(&command_check); goto done;
		default: status = cli_usage("check", "%s", o.errmsg); goto done;
		}
	}
	if (o.noperands > 0) {
		status = cli_usage("check", "unexpected argument '%s'", o.operands[0]);
		goto done;
	}
	if (json && !steps) {
		status = cli_usage("check", "--json goes with --steps");
		goto done;
	}
	if (resume && country) {
		status = cli_usage("check", "--country is for a new check, not with --resume");
		goto done;
	}
	lang = cli_lang(lang_opt, langbuf, &named);
	status = checkrun_open(r, c, tacdb, lang, named, steps);
	if (status != EXIT_OK)
		goto done;
	if (steps) {
		status = checkrun_steps(r, json, 0);
		goto done;
	}
	status = checkrun_start(r, resume, country);
	if (status != EXIT_OK)
		goto done;
	status = checkrun_drive(r, answers);
done:
	checkrun_close(r);
	free(r);
	opt_release(&o);
	return status;
}

const struct command command_check = {
	"check", run_check,
	"check [--country CC] [--lang LL] [--answers FILE] [--resume ID] [--steps [--json]]",
	"the buyer's checklist, question by question, ending in a verdict",
	"usage: handover check [--country CC] [--lang LL] [--answers FILE] [--resume ID]\n"
	"       handover check --steps [--json] [--lang LL]\n"
	"\n"
	"Walks you through the checks to make before paying for a used phone:\n"
	"the listing, the phone's identity (*#06#), the official IMEI registry,\n"
	"financing and lender locks, accounts and reset, proof of purchase and\n"
	"the seller's declaration.  Ends with a verdict (GO, CAUTION or STOP) and\n"
	"every reason, and a sealed record in $XDG_DATA_HOME/handover/.  The\n"
	"check is saved after every answer.\n"
	"\n"
	"At any question:  ?  help and where to tap    back  the previous question\n"
	"                  skip  leave it open (never counted as yes)\n"
	"                  status  what is done and what is still open\n"
	"                  quit  save and stop; Ctrl-C does the same\n"
	"Choices take their number (1, 2, ...) or their words.\n"
	"\n"
	"options:\n"
	"  --country CC     the country you are buying in (code or name, e.g. IN)\n"
	"  --lang LL        the language to ask in: en, hi, bn, ur, id, tl, sw,\n"
	"                   es, pt, fr (default: HANDOVER_LANG, then the locale)\n"
	"  --answers FILE   take answers from FILE: 'step.id = answer' lines, '#'\n"
	"                   comments; see --steps for the ids and answers\n"
	"  --resume ID      continue a saved check ('handover list' shows them)\n"
	"  --steps          list every step: id, type, answers, when it is asked\n"
	"  --json           with --steps: the same as JSON, with each step's\n"
	"                   question, help and choices in the language asked for\n"
	"  --tac-db FILE    the Osmocom TAC database, to name the IMEI's model\n"
	"\n"
	"Answers can also be piped on stdin, one a line, with the same checks.\n"
	"An invalid IMEI is accepted when it is typed twice the same (it is what\n"
	"the phone shows), and then counts as a reason to stop.  Answers files\n"
	"written for older versions keep working: steps added since may be left\n"
	"out of them.\n"
	"\n"
	"exit status: 0 GO, 4 CAUTION, 5 STOP, 6 not finished (saved; resume\n"
	"later), 2 usage error or a bad answer in the file, 3 input/output error,\n"
	"or the check is open in another handover\n"
};
