/* SPDX-License-Identifier: MIT */
/* check: "handover check": walks the buyer through the checklist at a
 * terminal, from piped answers or an answers file; saves after every
 * answer; ends with the verdict and a sealed record. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check/answers.h"
#include "check/persist.h"
#include "cmd/check_run.h"
#include "cli/cli.h"
#include "cmd/commands.h"
#include "cli/opt.h"
#include "cli/prompt.h"

/* ----------------------------------------------------------------- saving */

static int
save(struct check_run *r, int seal)
{
	struct record rec;
	struct error e;
	time_t now = time(NULL);
	int rc;

	store_timestamp(now, r->meta.updated);
	if (!r->meta.created[0])
		snprintf(r->meta.created, sizeof r->meta.created, "%s", r->meta.updated);
	if (checkrec_build(&r->cl, &r->meta, seal, &rec) != 0) {
		record_release(&rec);
		cli_error("out of memory");
		return -1;
	}
	rc = store_save(&r->store, &rec, &e);
	record_release(&rec);
	if (rc != 0) {
		buf_flush(&r->out);
		cli_error("cannot save the check: %s", e.msg);
		return -1;
	}
	return 0;
}

static void
challenge_code(char out[8])
{
	static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
	unsigned char b[6] = {0};
	int fd = open("/dev/urandom", O_RDONLY), i;

	if (fd < 0 || read(fd, b, sizeof b) != (ssize_t)sizeof b) {
		unsigned long x = (unsigned long)time(NULL) ^ (unsigned long)getpid() * 2654435761u;
		for (i = 0; i < 6; i++, x >>= 5)
			b[i] = (unsigned char)x;
	}
	if (fd >= 0)
		close(fd);
	for (i = 0; i < 6; i++)
		out[i] = alphabet[b[i] & 31];
	out[6] = '\0';
}

/* --------------------------------------------------------------- answers */

/* Records an accepted answer and what follows from it. */
static void
accept(struct check_run *r, size_t i, const char *value)
{
	cl_answer(&r->cl, i, value);
	if (strcmp(cl_steps[i].id, "listing.mode") == 0 && strcmp(value, "remote") == 0 &&
	    !r->cl.challenge[0])
		challenge_code(r->cl.challenge);
	if (strcmp(cl_steps[i].id, "identity.imei1") == 0)
		checkrun_set_tac(r);
}

/* Applies one answer typed for step i: a command word or a value.  From a
 * file, line is its line number.  Returns 0 when the step is done, 1 when
 * it is to be asked again (message printed), -1 on a bad answer in a file. */
static int
apply(struct check_run *r, size_t i, const char *in, long line)
{
	const struct cl_step *st = &cl_steps[i];
	char value[CL_VALUE_MAX], msg[320];
	int v;

	if (strcmp(in, "skip") == 0) {
		cl_skip(&r->cl, i);
		return 0;
	}
	if (st->type == CL_FILES && strcmp(in, "done") == 0) {
		snprintf(value, sizeof value, "%zu", r->cl.nfiles);
		accept(r, i, value);
		return 0;
	}
	v = cl_validate(&r->cl, i, in, value, msg, sizeof msg);
	if (v < 0) {
		if (line > 0) {
			cli_error("%s: line %ld: %s: %s", r->answers_path, line, st->id, msg);
			return -1;
		}
		checkrun_say(r, "  %s\n", msg);
		return 1;
	}
	if (st->type == CL_FILES)
		return checkrun_attach(r, value, line);
	if (v == 1) {
		/* An invalid IMEI is accepted when it is what the phone shows:
		 * typed twice the same, or given in a file. */
		checkrun_say(r, "  %s\n", msg);
		if ((st->type == CL_IDENT || st->type == CL_EID) && line == 0 &&
		    strcmp(r->pending, value) != 0) {
			snprintf(r->pending, sizeof r->pending, "%s", value);
			checkrun_say(r, "  If that is exactly what the phone shows, type it again; "
			    "otherwise type the right number.\n");
			return 1;
		}
	}
	r->pending[0] = '\0';
	accept(r, i, value);
	return 0;
}

/* ------------------------------------------------------- the answers file */

static int
apply_file(struct check_run *r, const char *path)
{
	struct answers *a = calloc(1, sizeof *a);
	struct error e;
	char *text = NULL;
	size_t len, k;
	int cur, status = 0;

	if (!a) {
		cli_error("out of memory");
		return EXIT_IO;
	}
	if (cli_read_file(path, 1u << 20, &text, &len) != 0) {
		cli_error("cannot read '%s': %s", path, strerror(errno));
		free(a);
		return EXIT_IO;
	}
	r->answers_path = path;
	if (answers_parse(a, text, len, &e) != 0) {
		cli_error("%s: %s", path, e.msg);
		status = EXIT_USAGE;
		goto out;
	}
	for (k = 0; k < a->n; k++)
		if (cl_find(a->a[k].id) < 0) {
			cli_error("%s: line %ld: no step '%s' (see 'handover check --steps')",
			    path, a->a[k].line, a->a[k].id);
			status = EXIT_USAGE;
			goto out;
		}
	/* Walk the steps in order, as a person would, taking each answer. */
	while ((cur = cl_next_open(&r->cl, 0)) >= 0) {
		int found = 0;
		for (k = 0; k < a->n; k++) {
			if (a->a[k].used || strcmp(a->a[k].id, cl_steps[cur].id) != 0)
				continue;
			found = 1;
			a->a[k].used = 1;
			if (apply(r, (size_t)cur, a->a[k].value, a->a[k].line) < 0) {
				status = EXIT_USAGE;
				goto out;
			}
			checkrun_notice(r);
			if (cl_steps[cur].type != CL_FILES || r->cl.state[cur] == CL_ANSWERED)
				break;
		}
		if (cl_steps[cur].type == CL_FILES && r->cl.state[cur] == CL_OPEN && found) {
			char done[8];
			snprintf(done, sizeof done, "%zu", r->cl.nfiles);
			accept(r, (size_t)cur, done);
		}
		if (!found)
			break;
		if (save(r, 0) != 0) {
			status = EXIT_IO;
			goto out;
		}
	}
	for (k = 0; k < a->n; k++)
		if (!a->a[k].used) {
			int i = cl_find(a->a[k].id);
			fprintf(stderr, "handover: %s: line %ld: %s is not asked here (%s); ignored\n",
			    path, a->a[k].line, a->a[k].id,
			    cl_steps[i].when ? cl_steps[i].when : "already answered");
		}
out:
	free(text);
	free(a);
	return status;
}

/* ------------------------------------------------------------ interactive */

static int
run_prompts(struct check_run *r)
{
	struct prompt p;
	char in[1024];
	int cur = cl_next_open(&r->cl, 0), got, status = EXIT_OK;

	prompt_init(&p, STDIN_FILENO);
	while (cur >= 0) {
		checkrun_question(r, (size_t)cur);
		if (buf_flush(&r->out) != 0) {
			status = EXIT_IO;
			break;
		}
		got = prompt_read(&p, in, sizeof in);
		if (got != PROMPT_LINE) {
			if (got == PROMPT_ERROR) {
				cli_error("cannot read the answer: %s", strerror(errno));
				status = EXIT_IO;
			} else {
				status = EXIT_UNFINISHED;
			}
			break;
		}
		if (!p.tty)
			checkrun_say(r, "%s\n", in);	/* echo piped answers */
		if (strcmp(in, "?") == 0 || strcmp(in, "help") == 0) {
			checkrun_help(r, (size_t)cur);
			continue;
		}
		if (strcmp(in, "status") == 0) {
			checkrun_status(r);
			continue;
		}
		if (strcmp(in, "quit") == 0 || strcmp(in, "q") == 0) {
			status = EXIT_UNFINISHED;
			break;
		}
		if (strcmp(in, "back") == 0) {
			int prev = cl_prev(&r->cl, (size_t)cur);
			if (prev < 0) {
				checkrun_say(r, "  this is the first question\n");
				continue;
			}
			if (r->cl.state[prev] == CL_ANSWERED)
				snprintf(r->def, sizeof r->def, "%s", r->cl.value[prev]);
			r->cl.state[prev] = CL_OPEN;
			if (cl_steps[prev].type == CL_FILES)
				r->cl.nfiles = 0;
			cur = prev;
			continue;
		}
		if (in[0] == '\0' && r->def[0])
			snprintf(in, sizeof in, "%s", r->def);
		if (apply(r, (size_t)cur, in, 0) != 0)
			continue;
		r->def[0] = '\0';
		checkrun_notice(r);
		if (save(r, 0) != 0) {
			status = EXIT_IO;
			break;
		}
		cur = cl_next_open(&r->cl, (size_t)cur);
		if (cur >= 0 && prompt_interrupted()) {
			status = EXIT_UNFINISHED;
			break;
		}
	}
	prompt_release(&p);
	return status;
}

/* ------------------------------------------------------------------ main */

static int
run_check(struct cli *c, int argc, char **argv)
{
	enum { O_COUNTRY, O_ANSWERS, O_RESUME, O_STEPS, O_JSON, O_TACDB };
	static const struct opt_spec specs[] = {
		{"country", 0, 1, O_COUNTRY}, {"answers", 0, 1, O_ANSWERS},
		{"resume", 0, 1, O_RESUME}, {"steps", 0, 0, O_STEPS}, {"json", 0, 0, O_JSON},
		{"tac-db", 0, 1, O_TACDB}, {"help", 'h', 0, OPT_HELP}, {NULL, 0, 0, 0}
	};
	struct check_run *r;
	struct opt o;
	const char *country = NULL, *answers = NULL, *resume = NULL, *tacdb = NULL;
	int k, steps = 0, json = 0, status;

	if (opt_init(&o, argc, argv) != 0 || !(r = calloc(1, sizeof *r))) {
		cli_error("out of memory");
		opt_release(&o);
		return EXIT_IO;
	}
	while ((k = opt_next(&o, specs)) != OPT_END) {
		switch (k) {
		case O_COUNTRY: country = o.arg; break;
		case O_ANSWERS: answers = o.arg; break;
		case O_RESUME: resume = o.arg; break;
		case O_STEPS: steps = 1; break;
		case O_JSON: json = 1; break;
		case O_TACDB: tacdb = o.arg; break;
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
	status = checkrun_open(r, c, tacdb, steps);
	if (status != EXIT_OK)
		goto done;
	if (steps) {
		status = checkrun_steps(r, json);
		goto done;
	}
	status = checkrun_start(r, resume, country);
	if (status != EXIT_OK)
		goto done;
	if (answers && (status = apply_file(r, answers)) != EXIT_OK)
		goto saved;
	if (cl_next_open(&r->cl, 0) >= 0)
		status = run_prompts(r);
	if (status == EXIT_OK) {
		enum cl_level level;
		if (save(r, 1) != 0) {
			status = EXIT_IO;
			goto done;
		}
		level = checkrun_summary(r);
		status = level == CL_STOP ? EXIT_STOP : level == CL_CAUTION ? EXIT_CAUTION : EXIT_OK;
		status = cli_finish_output(&r->out, status);
		goto done;
	}
saved:
	if (status == EXIT_UNFINISHED || status == EXIT_USAGE) {
		if (save(r, 0) == 0)
			checkrun_say(r, "\nSaved. Continue with: handover check --resume %s\n",
			    r->meta.id);
		else
			status = EXIT_IO;
	}
	status = cli_finish_output(&r->out, status);
done:
	checkrun_close(r);
	free(r);
	opt_release(&o);
	return status;
}

const struct command command_check = {
	"check", run_check,
	"check [--country CC] [--answers FILE] [--resume ID] [--steps [--json]]",
	"the buyer's checklist, question by question, ending in a verdict",
	"usage: handover check [--country CC] [--answers FILE] [--resume ID]\n"
	"       handover check --steps [--json]\n"
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
	"                  status  what is done and the verdict so far\n"
	"                  quit  save and stop; Ctrl-C does the same\n"
	"\n"
	"options:\n"
	"  --country CC     the country you are buying in (ISO code, e.g. IN)\n"
	"  --answers FILE   take answers from FILE: 'step.id = answer' lines, '#'\n"
	"                   comments; see --steps for the ids and answers\n"
	"  --resume ID      continue a saved check ('handover list' shows them)\n"
	"  --steps          list every step: id, type, answers, when it is asked\n"
	"  --json           with --steps: the same as JSON\n"
	"  --tac-db FILE    the Osmocom TAC database, to name the IMEI's model\n"
	"\n"
	"Answers can also be piped on stdin, one a line, with the same checks.\n"
	"An invalid IMEI is accepted when it is typed twice the same (it is what\n"
	"the phone shows), and then counts as a reason to stop.\n"
	"\n"
	"exit status: 0 GO, 4 CAUTION, 5 STOP, 6 not finished (saved; resume\n"
	"later), 2 usage error or a bad answer in the file, 3 input/output error\n"
};
