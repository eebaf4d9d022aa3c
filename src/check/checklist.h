/* SPDX-License-Identifier: MIT */
/* checklist: the buyer's checklist as data and rules: the steps, their
 * answer types, when each is asked, validation of answers, the texts with
 * their placeholders filled in, and the verdict.  Pure: the front end
 * (cmd/check.c) reads, prints, hashes files and saves. */
#ifndef HANDOVER_CHECKLIST_H
#define HANDOVER_CHECKLIST_H

#include <stddef.h>
#include <stdint.h>

#include "lib/buf.h"
#include "lib/error.h"
#include "ident/ident.h"
#include "kb/kb.h"

enum cl_type {
	CL_CHOICE,		/* one of the step's choices */
	CL_COUNTRY,		/* ISO 3166 alpha-2 */
	CL_TEXT,		/* one line of text */
	CL_AMOUNT,		/* a number with an optional currency */
	CL_DATE,		/* YYYY-MM-DD */
	CL_IDENT,		/* an IMEI or MEID, checked by the engine */
	CL_EID,			/* an EID, or "none" */
	CL_LAST4,		/* the last 4 characters of an ID document */
	CL_FILES		/* file paths, one an answer, until "done" */
};

enum cl_state { CL_OPEN, CL_ANSWERED, CL_SKIPPED };

struct checklist;

struct cl_step {
	const char *id;		/* stable, e.g. "identity.imei1" */
	const char *section;	/* "listing", "identity", ... */
	enum cl_type type;
	const char *choices;	/* "yes|no|unsure" for CL_CHOICE, else NULL */
	int (*asked)(const struct checklist *cl);	/* NULL: always */
	const char *when;	/* the condition in words, for --steps */
};

extern const struct cl_step cl_steps[];
extern const size_t cl_nsteps;

#define CL_VALUE_MAX 256
#define CL_MAX_FILES 16

struct cl_attachment {
	char sha256[65];
	uint64_t size;
	char name[CL_VALUE_MAX];
};

struct cl_texts {		/* checklist.tsv and verdict.tsv, borrowed rows */
	struct cl_text {
		char *id, *label;	/* label: steps only, "" for reasons */
		char *a, *b;		/* question/help, or sentence/todo */
	} *steps, *reasons;
	size_t nsteps, nreasons;
	char *mem;
};

struct checklist {
	const struct kb *kb;			/* borrowed */
	const struct ident_tables *idt;		/* borrowed */
	enum cl_state state[64];
	char value[64][CL_VALUE_MAX];
	struct cl_attachment files[CL_MAX_FILES];
	size_t nfiles;
	char challenge[8];	/* remote purchases: the code for the photo */
	char tac_brand[64];	/* from the TAC tables, set by the front end */
	char tac_model[128];
};

enum cl_level { CL_GO, CL_CAUTION, CL_STOP };

struct cl_reason {
	const char *code;	/* e.g. "financed_no_closure" */
	enum cl_level level;
	const char *step;	/* the step that raised it */
	char detail[160];	/* filled into {detail} */
};

#define CL_MAX_REASONS 48

void cl_init(struct checklist *cl, const struct kb *kb, const struct ident_tables *idt);
/* The index of step id, or -1. */
int cl_find(const char *id);
/* 1 when step i is asked, given the answers so far. */
int cl_is_asked(const struct checklist *cl, size_t i);
/* The first asked step at or after i that is still open, or -1. */
int cl_next_open(const struct checklist *cl, size_t i);
/* The asked step before i, or -1. */
int cl_prev(const struct checklist *cl, size_t i);

/* Checks an answer typed for step i and writes its normalized form to out
 * (CL_VALUE_MAX bytes).  Returns 0 (valid), 1 (accepted, with a warning
 * in msg: e.g. an invalid IMEI typed as the phone shows it), or -1 with
 * msg saying what to type.  "skip", "back" etc. are the front end's. */
int cl_validate(const struct checklist *cl, size_t i, const char *in, char *out,
    char *msg, size_t msgcap);
/* Records a normalized answer (and, for CL_FILES, nothing: see
 * cl_add_file).  Later steps that are no longer asked keep their answers
 * but count as not asked. */
void cl_answer(struct checklist *cl, size_t i, const char *value);
void cl_skip(struct checklist *cl, size_t i);
/* Adds a hashed attachment; -1 when there are too many. */
int cl_add_file(struct checklist *cl, const char *sha256, uint64_t size, const char *name);

/* The answer to step id, or NULL when open, skipped or not asked. */
const char *cl_get(const struct checklist *cl, const char *id);
/* The brand row for the claimed brand (generic Android when unknown). */
const struct kb_brand *cl_brand(const struct checklist *cl);

/* Fills {placeholders} in tmpl from the answers and the knowledge base. */
void cl_render(const struct checklist *cl, const char *tmpl, struct buf *out);

/* The verdict and its reasons (STOP ones first). */
enum cl_level cl_verdict(const struct checklist *cl, struct cl_reason *out, size_t max,
    size_t *n);
const char *cl_level_name(enum cl_level l);	/* "GO", "CAUTION", "STOP" */

/* Loads checklist.tsv and verdict.tsv; every step and every reason code
 * must have its words.  Returns 0 or -1 with e filled. */
int cl_texts_load(struct cl_texts *t, const char *steps_tsv, size_t steps_len,
    const char *reasons_tsv, size_t reasons_len, struct error *e);
const struct cl_text *cl_text_step(const struct cl_texts *t, const char *id);
const struct cl_text *cl_text_reason(const struct cl_texts *t, const char *code);
void cl_texts_release(struct cl_texts *t);

/* Every reason code the verdict rules can raise, NULL-terminated. */
extern const char *const cl_reason_codes[];

#endif
