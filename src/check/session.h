/* SPDX-License-Identifier: MIT */
/* session: one buyer's check as every front end drives it.  It takes
 * what the buyer typed (an answer, or back, skip, ?, status, quit),
 * applies it, and says what to show and what to ask next; it walks an
 * answers file the same way; it gives the record to save.  Pure: the
 * front end supplies the date, random bytes, and the hashing of files. */
#ifndef HANDOVER_SESSION_H
#define HANDOVER_SESSION_H

#include <stdint.h>

#include "check/checklist.h"
#include "check/saved.h"
#include "ident/tac.h"
#include "lib/buf.h"
#include "record/record.h"

struct session_env {
	const struct kb *kb;			/* borrowed, like the rest */
	const struct ident_tables *idt;
	const struct tac_db *tac;		/* may be NULL: no model names */
	const struct words *words;		/* the buyer's language */
	/* Hashes the file the buyer named for proof.files.  *name is the name
	 * to record (its last path component).  0, or -1 with e saying why. */
	int (*hash_file)(void *ctx, const char *path, char hex[65], uint64_t *size,
	    const char **name, struct error *e);
	void *ctx;
};

/* What a message is, for the front end to show it right. */
enum say_kind {
	SAY_INFO,	/* plain: "Resuming check ..." */
	SAY_OK,		/* an answer confirmed: "IMEI ... is valid" */
	SAY_PROBLEM,	/* the answer was not taken: what to type */
	SAY_WARN,	/* taken, but worth a look */
	SAY_STOP,	/* a reason to stop, as soon as it is known */
	SAY_CAUTION,	/* a reason for caution (status, recap) */
	SAY_TODO,	/* what to do about the reason just said */
	SAY_HELP,	/* the help of the step */
	SAY_LIST	/* one item of a list (status: a step still open) */
};

#define SESSION_MAX_SAYS 128

struct session_reply {
	enum session_outcome {
		SESSION_NEXT,	/* taken: ask session_current() next */
		SESSION_AGAIN,	/* ask the same step again */
		SESSION_QUIT,	/* the buyer wants to stop: save and leave */
		SESSION_BAD	/* an answers file holds a bad answer (said) */
	} outcome;
	struct {
		enum say_kind kind;
		size_t off;		/* into text: a NUL-terminated string */
	} says[SESSION_MAX_SAYS];
	size_t nsays;
	struct buf text;
	struct buf overflow;	/* a null sink for what does not fit */
};

struct session {
	const struct session_env *env;
	struct checklist cl;
	struct saved_meta meta;
	int from_file;			/* an answers file: bad answers are fatal */
	long line;			/* its line being applied */
	char pending[CL_VALUE_MAX];	/* an invalid identifier typed once */
	char told[CL_MAX_REASONS][32];	/* STOP reasons already said */
	size_t ntold;
	unsigned char rnd[6];		/* for the challenge code */
	char began[128];		/* a re-check: when it began */
	int resumed;			/* a re-check: an unfinished one goes on */
};

void session_reply_init(struct session_reply *r);
void session_reply_release(struct session_reply *r);
/* The text of message k. */
const char *session_say_text(const struct session_reply *r, size_t k);

/* A new check with the id and time the front end made; today is the
 * buyer's date (YYYY-MM-DD), rnd six random bytes. */
void session_start(struct session *s, const struct session_env *env, const char *id,
    const char *now, const char *today, const unsigned char rnd[6]);
/* An open check read back by saved_check_read.  Refuses a sealed one.
 * Returns 0, or -1 with e. */
int session_resume(struct session *s, const struct session_env *env,
    const struct saved_check *sc, const char *today, const unsigned char rnd[6],
    struct error *e);
/* A re-check after the sale of the sealed check sc (read from rec, the
 * record as saved), begun at now: its steps are the checklist's
 * CL_RECHECK ones, judged by the re-check's rules.  When rec's last block
 * is an unfinished re-check, it goes on from its answers and its time.
 * Refuses a check that is not sealed, or whose time of sale does not
 * read.  Returns 0, or -1 with e. */
int session_recheck(struct session *s, const struct session_env *env,
    const struct saved_check *sc, const struct record *rec, const char *now,
    struct error *e);
/* 1 when session_recheck went on with an unfinished re-check. */
int session_recheck_resumed(const struct session *s);
/* The re-check as a block for record_append_block (blk initialised
 * here; caller releases), sealed with its verdict when seal.  Returns
 * 0, or -1 with e. */
int session_recheck_block(const struct session *s, int seal, struct record *blk,
    struct error *e);

/* What the check found so far, for a buyer who resumes it. */
void session_recap(struct session *s, struct session_reply *out);

/* The step to ask now, or -1 when every asked step is answered or skipped. */
int session_current(const struct session *s);
/* Applies one line the buyer typed for the current step. */
void session_answer(struct session *s, const char *line, struct session_reply *out);
/* Applies the answers file text ("step.id = answer" lines) in step
 * order, as a person would, until a step has no answer in it.  Returns 0,
 * or -1 when the file is bad (out says where, outcome SESSION_BAD). */
int session_answers_file(struct session *s, const char *text, size_t len,
    struct session_reply *out);

/* The current step's question, its help, and its choices (for buttons or
 * numbers); the default that Enter takes, in words, or "" . */
void session_question(const struct session *s, struct buf *out);
void session_help(const struct session *s, struct buf *out);
size_t session_choices(const struct session *s, struct cl_choice *out, size_t max);
void session_default(const struct session *s, struct buf *out);
/* The section of the current step, and its title. */
const char *session_section(const struct session *s);

/* What is done and what is open, never calling an unfinished check GO. */
void session_status(const struct session *s, struct session_reply *out);

/* Every reason of the answers so far, with what to do about it. */
void session_reasons(const struct session *s, struct session_reply *out);
/* The verdict of the answers so far. */
enum cl_level session_verdict(const struct session *s, struct cl_reason *r, size_t *n);
/* The record to save now; now is the time of this save. */
int session_record(struct session *s, int seal, const char *now, struct record *r);

#endif
