/* SPDX-License-Identifier: MIT */
/* check_run: the state of one 'handover check' run and what it prints:
 * questions, help, status, live STOP notices, the summary, --steps. */
#ifndef HANDOVER_CHECK_RUN_H
#define HANDOVER_CHECK_RUN_H

#include "check/checklist.h"
#include "check/persist.h"
#include "cli/cli.h"
#include "cli/load.h"
#include "kb/kb.h"
#include "cli/store.h"
#include "cli/tac_load.h"

struct check_run {
	struct cli *cli;
	struct kb kb;
	int kb_loaded;
	struct ident_tables idt;
	struct cl_texts texts;
	struct tacload tl;
	struct checklist cl;
	struct store store;
	struct checkrec_meta meta;
	struct buf out;
	const char *answers_path;	/* for messages about its lines */
	char pending[CL_VALUE_MAX];	/* an invalid IMEI typed once */
	char def[CL_VALUE_MAX];		/* the answer kept by 'back' */
	char stops[CL_MAX_REASONS][32];	/* STOP reasons already told */
	size_t nstops;
	const char *section;		/* the last section header shown */
};

/* Loads the data; for --steps the records folder is not needed. */
int checkrun_open(struct check_run *r, struct cli *c, const char *tacdb, int steps_only);
/* A new check (country may be NULL) or a saved one (resume: id or path). */
int checkrun_start(struct check_run *r, const char *resume, const char *country);
void checkrun_close(struct check_run *r);

void checkrun_say(struct check_run *r, const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void checkrun_question(struct check_run *r, size_t i);
void checkrun_help(struct check_run *r, size_t i);
void checkrun_status(struct check_run *r);
/* Tells the buyer at once about STOP reasons the last answer raised. */
void checkrun_notice(struct check_run *r);
/* Looks up the model of identity.imei1's TAC. */
void checkrun_set_tac(struct check_run *r);
/* Hashes a file for proof.files.  Returns 1 (ask again), or -1 when a
 * file named in an answers file cannot be read. */
int checkrun_attach(struct check_run *r, const char *path, long line);
/* The verdict, its reasons and where the record is. */
enum cl_level checkrun_summary(struct check_run *r);
int checkrun_steps(struct check_run *r, int json);

#endif
