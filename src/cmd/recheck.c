/* SPDX-License-Identifier: MIT */
/* recheck: "handover recheck ID": the day-1 and day-7 look at a phone
 * bought with a sealed check, asked like the check (at a terminal, from
 * piped answers or an answers file, in the buyer's language), judged by
 * the checklist's re-check rules, and appended to the record as a block
 * with a seal of its own.  The logic is the session core's. */
#include <stdlib.h>

#include "cli/cli.h"
#include "cli/opt.h"
#include "cmd/check_run.h"
#include "cmd/commands.h"

static int
run_recheck(struct cli *c, int argc, char **argv)
{
	enum { O_ANSWERS, O_STEPS, O_JSON, O_TACDB, O_LANG };
	static const struct opt_spec specs[] = {
		{"answers", 0, 1, O_ANSWERS}, {"steps", 0, 0, O_STEPS}, {"json", 0, 0, O_JSON},
		{"tac-db", 0, 1, O_TACDB}, {"lang", 0, 1, O_LANG},
		{"help", 'h', 0, OPT_HELP}, {NULL, 0, 0, 0}
	};
	struct check_run *r;
	struct opt o;
	const char *answers = NULL, *tacdb = NULL, *lang_opt = NULL, *lang;
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
		case O_ANSWERS: answers = o.arg; break;
		case O_STEPS: steps = 1; break;
		case O_JSON: json = 1; break;
		case O_TACDB: tacdb = o.arg; break;
		case O_LANG: lang_opt = o.arg; break;
		case OPT_HELP: status = cli_help(&command_recheck); goto done;
		default: status = cli_usage("recheck", "%s", o.errmsg); goto done;
		}
	}
	if (json && !steps) {
		status = cli_usage("recheck", "--json goes with --steps");
		goto done;
	}
	if (steps ? o.noperands > 0 : o.noperands != 1) {
		status = o.noperands > 1 || steps ? cli_usage("recheck", "unexpected argument '%s'",
		    o.operands[steps ? 0 : 1]) : cli_usage("recheck", "which check? "
		    "'handover list' shows them");
		goto done;
	}
	lang = cli_lang(lang_opt, langbuf, &named);
	status = checkrun_open(r, c, tacdb, lang, named, steps);
	if (status != EXIT_OK)
		goto done;
	if (steps) {
		status = checkrun_steps(r, json, 1);
		goto done;
	}
	status = checkrun_recheck(r, o.operands[0]);
	if (status != EXIT_OK) {
		status = cli_finish_output(&r->out, status);
		goto done;
	}
	status = checkrun_drive(r, answers);
done:
	checkrun_close(r);
	free(r);
	opt_release(&o);
	return status;
}

const struct command command_recheck = {
	"recheck", run_recheck,
	"recheck [--lang LL] [--answers FILE] ID | --steps [--json]",
	"look at a bought phone again on day 1 and day 7; the record grows",
	"usage: handover recheck [--lang LL] [--answers FILE] ID\n"
	"       handover recheck --steps [--json] [--lang LL]\n"
	"\n"
	"Some lender locks enrol a phone days after the sale: Samsung Knox Guard\n"
	"looks for an enrolment every 24 hours for 7 days after the first online\n"
	"setup, and carriers blacklist a phone for its first owner's bills weeks\n"
	"later.  For the sealed check ID, asks again what may have changed: the\n"
	"Knox Guard state (Samsung), a lender's app, a notice or lock screen, the\n"
	"country's official IMEI check (where there is one), your own SIM.\n"
	"Ends with a verdict (GO, CAUTION or STOP) and what to do, and adds the\n"
	"re-check to the record as a block with a seal of its own: the check's\n"
	"seal still holds, and 'handover verify' checks every seal.  Saved after\n"
	"every answer; run it again to go on with an unfinished one.\n"
	"\n"
	"Due on day 1 and day 7 after the sale ('handover list' says when; 'export\n"
	"--ics' puts both in a calendar).  Earlier is allowed (a notice that shows\n"
	"an hour after the sale is worth recording) and says so: CAUTION\n"
	"recheck_too_early, look again on day 1.  A check that is not finished,\n"
	"or a record changed since it was sealed, is refused.\n"
	"\n"
	"At any question:  ?  help and where to tap    back  the previous question\n"
	"                  skip  leave it open (never counted as no)\n"
	"                  status  what is done and what is still open\n"
	"                  quit  save and stop; Ctrl-C does the same\n"
	"\n"
	"options:\n"
	"  --lang LL        the language to ask in (default: HANDOVER_LANG, then the\n"
	"                   locale)\n"
	"  --answers FILE   take answers from FILE: 'step.id = answer' lines; see\n"
	"                   --steps for the ids and answers\n"
	"  --steps          list the re-check's steps: id, type, answers, when asked\n"
	"  --json           with --steps: the same as JSON, with their words\n"
	"  --tac-db FILE    the Osmocom TAC database, to name the IMEI's model\n"
	"\n"
	"Answers can also be piped on stdin, one a line.\n"
	"\n"
	"exit status: 0 GO, 4 CAUTION, 5 STOP, 6 not finished (saved; run again),\n"
	"1 the record was changed since it was sealed, 2 usage error, a check not\n"
	"finished or a bad answer in the file, 3 input/output error, or the check\n"
	"is open in another handover\n"
};
