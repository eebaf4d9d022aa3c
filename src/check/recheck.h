/* SPDX-License-Identifier: MIT */
/* recheck: the re-checks after the handover, on day 1 and day 7: their
 * steps (ids and answers are a public interface, docs/record-format.md),
 * checking an answer, a re-check block built for a record and read back
 * from one, when each re-check is due, and their words (step.recheck.*,
 * choice.recheck.*, reason.recheck_* in data/words-LL.tsv).  Pure: the
 * caller gives the record, the time and the words; the verdict rules are
 * the checklist's (check/verdict.c), not here. */
#ifndef HANDOVER_RECHECK_H
#define HANDOVER_RECHECK_H

#include <stddef.h>
#include <stdint.h>

#include "check/checklist.h"
#include "check/words.h"
#include "lib/buf.h"
#include "lib/error.h"
#include "record/record.h"

#define RECHECK_NDAYS 2
#define RECHECK_MAX_STEPS 16
#define RECHECK_VALUE_MAX 256

/* The days after the sale a re-check is due: 1 and 7. */
extern const int recheck_days[RECHECK_NDAYS];

/* The steps are the checklist's CL_RECHECK ones (check/steps.c), in the
 * order they are asked: re-check step k is checklist step
 * CL_RECHECK_FIRST + k. */
#define RECHECK_STEP(k) (&cl_steps[CL_RECHECK_FIRST + (k)])
extern const size_t recheck_nsteps;

/* The index of step id, or -1. */
int recheck_find(const char *id);
/* Which steps are asked, and how an answer is read, are the checklist's
 * (cl_is_asked, cl_validate with cl->recheck set): one rule for both. */
/* The words of step i: part is "label", "question" or "help"
 * (step.recheck.X.part); NULL when w has none. */
const char *recheck_step_words(const struct words *w, size_t i, const char *part);
/* How answer a of step i is shown: choice.recheck.X.a, else choice.a,
 * else a itself. */
const char *recheck_choice_words(const struct words *w, size_t i, const char *a);

/* What the session gives to build a block.  Strings are borrowed. */
struct recheck_input {
	const char *time;	/* when the re-check began, isotime form */
	const char *version;	/* handover's version */
	int sealed;		/* finished, with a verdict */
	const char *answer[RECHECK_MAX_STEPS];	/* by step index, canonical;
						 * NULL: not answered */
	int skipped[RECHECK_MAX_STEPS];
	const char *verdict;	/* "GO", "CAUTION", "STOP" when sealed */
	const char *const *reasons;	/* "LEVEL code detail", NULL-ended;
					 * may be NULL */
};

/* Builds the block into blk (initialised here; caller releases): the
 * "recheck:" line, handover's version, state, the answers in step order,
 * skipped steps, verdict and reasons; then record_append_block(text,
 * len, blk, RECORD_REPLACE_OPEN, ...) grows the record.  Returns 0, or -1
 * with e (a bad time, answer or verdict; out of memory). */
int recheck_build(const struct recheck_input *in, struct record *blk, struct error *e);

/* A re-check block read back.  Strings and fields are borrowed from the
 * record. */
struct recheck {
	size_t block;		/* index in r->blocks */
	const char *time;	/* the "recheck:" value */
	int time_ok;		/* it reads as a time: at and offset are set */
	int64_t at;		/* seconds since 1970 UTC */
	int offset;		/* minutes from UTC */
	int sealed;		/* recheck.state is "sealed" */
	const char *verdict;	/* recheck.verdict, or NULL */
	const char *answer[RECHECK_MAX_STEPS];	/* by step index, or NULL */
	int skipped[RECHECK_MAX_STEPS];
	const struct record_field *fields;	/* the block's lines */
	size_t nfields;
	const char *seal;	/* its seal's hex, "" when unsealed */
};

/* Reads block b of r.  Returns 0, or -1 with e when b is not a block. */
int recheck_read(const struct record *r, size_t b, struct recheck *x, struct error *e);

/* When the re-checks of a record are due and which are done. */
struct recheck_plan {
	int applies;		/* the check is sealed and "updated" reads as a
				 * time: re-checks are planned */
	int64_t sale;		/* when the check was sealed ("updated") */
	int offset;		/* its offset from UTC, minutes: the buyer's time */
	int64_t due[RECHECK_NDAYS];	/* sale + 1 day, sale + 7 days */
	size_t done_by[RECHECK_NDAYS];	/* 1 + the block of the first sealed
					 * re-check that counts for it, 0 none */
	size_t nrechecks;	/* blocks in the record, sealed or not */
};

/* A re-check counts for day N when it is sealed and began at least N x 24
 * hours after the sale.  Never fails: a record with no usable "updated"
 * or an unsealed check gets applies = 0. */
void recheck_plan(const struct record *r, struct recheck_plan *p);
/* Whole days from the sale to t (rounded down; negative before it). */
long recheck_day_of(const struct recheck_plan *p, int64_t t);

/* The next re-check at time now: its day (1 or 7), when it is due and
 * whether it is due already.  Returns 1, or 0 when none is left (both
 * done) or the plan does not apply. */
struct recheck_next {
	int day;
	int64_t at;
	int due;
};
int recheck_next(const struct recheck_plan *p, int64_t now, struct recheck_next *n);

/* One line for a list of checks: each sealed re-check as "d<day>
 * <verdict>", then the next, "d7 2026-11-30" or "d1 due"; "-" when the
 * plan does not apply. */
void recheck_status(const struct record *r, const struct recheck_plan *p, int64_t now,
    struct buf *out);

/* Checks that w (English must) has every re-check step's label,
 * question and help, every choice's words, and every reason's sentence
 * and todo.  Returns 0 or -1 with e naming the first missing key. */
int recheck_words_check(const struct words *w, struct error *e);

/* The reason codes a re-check's verdict may give, NULL-ended: their
 * words are reason.CODE and reason.CODE.todo, the rules the checklist's. */
extern const char *const recheck_reason_codes[];

#endif
