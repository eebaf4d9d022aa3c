/* SPDX-License-Identifier: MIT */
/* check_run: one 'handover check' at a terminal or from a pipe: its data,
 * its records folder, and everything it prints around the session core
 * (check/session.h): questions with numbered choices, messages wrapped to
 * the terminal, the verdict and where the record is. */
#ifndef HANDOVER_CHECK_RUN_H
#define HANDOVER_CHECK_RUN_H

#include "check/session.h"
#include "cli/cli.h"
#include "cli/load.h"
#include "cli/store.h"
#include "cli/tac_load.h"
#include "kb/kb.h"

struct check_run {
	struct cli *cli;
	const char *prog;		/* how to name handover in advice */
	struct kb kb;
	int kb_loaded;
	struct ident_tables idt;
	struct cli_words words;
	struct tacload tl;
	struct session_env env;
	struct session s;
	struct store store;
	struct store_lock lock;		/* this check, held until checkrun_close */
	struct buf out;
	size_t width;			/* terminal columns; 0: do not wrap */
	const char *section;		/* the last section title shown */
	const char *answers_path;	/* for messages about its lines */
	int lang_named;			/* the buyer chose the language */
	int lang_offered;		/* the country's languages were offered */
	/* a re-check (r->s.cl.recheck): the record's bytes as read, which
	 * its block is appended to; owned */
	char *text;
	size_t len;
};

/* Loads the data in the buyer's language; for --steps the records folder
 * is not needed.  Returns an exit status. */
int checkrun_open(struct check_run *r, struct cli *c, const char *tacdb, const char *lang,
    int lang_named, int steps_only);
/* A new check (country may be NULL) or a saved one (resume: id or path). */
int checkrun_start(struct check_run *r, const char *resume, const char *country);
void checkrun_close(struct check_run *r);
/* Between check_run.c and check_open.c: the text of key in the run's
 * words (the key itself when none), and text wrapped to the terminal from
 * column col, later lines at indent. */
const char *checkrun_w(const struct check_run *r, const char *key);
void checkrun_wrapped(struct check_run *r, const char *text, size_t col, size_t indent);

/* Prints what the session said. */
void checkrun_print(struct check_run *r, const struct session_reply *reply, int to_stderr);
/* Prints the current question: its section, the question, its choices,
 * the default, and the prompt. */
void checkrun_question(struct check_run *r);
/* The buyer's words in the language code (e.g. "hi"); the check goes on
 * in it.  Returns 0, or -1 when handover has no such language (said). */
int checkrun_switch_lang(struct check_run *r, const char *code);
/* Once the country is known: the languages of that country handover
 * speaks, offered when the buyer chose none. */
void checkrun_offer_langs(struct check_run *r);
/* Saves the check (sealed when seal).  Returns 0 or -1 (printed). */
int checkrun_save(struct check_run *r, int seal);
/* The verdict, its reasons and what to do next. */
enum cl_level checkrun_summary(struct check_run *r);
/* 'check --steps [--json]', or 'recheck --steps' when recheck. */
int checkrun_steps(struct check_run *r, int json, int recheck);

/* Applies an answers file.  Returns an exit status. */
int checkrun_answers(struct check_run *r, const char *path);
/* Asks until every step is answered or skipped, the buyer quits or
 * input ends; saves after every answer.  Returns EXIT_OK (done),
 * EXIT_UNFINISHED or EXIT_IO. */
int checkrun_prompts(struct check_run *r);
/* Seals and prints the verdict (EXIT_OK in), or saves an unfinished
 * session and says how to go on.  Returns the exit status. */
int checkrun_finish(struct check_run *r, int status);
/* The answers file (when path is not NULL), then the prompts for what it
 * left open, then the end: the exit status. */
int checkrun_drive(struct check_run *r, const char *answers);
/* How to name handover in advice: as it was started when that was a
 * path (after 'make run' it is build/handover), else "handover". */
const char *checkrun_prog_name(const char *argv0);

/* A re-check of the sealed check id in the records folder: refuses one
 * that is not there, not sealed, or changed since.  Returns an exit
 * status. */
int checkrun_recheck(struct check_run *r, const char *id);

#endif
