/* SPDX-License-Identifier: MIT */
/* saved: a check as a record (docs/record-format.md) and back.  The one
 * reader of a saved check: resume, show, export and the browser all take
 * what saved_check_read returns.  Pure. */
#ifndef HANDOVER_SAVED_H
#define HANDOVER_SAVED_H

#include "check/checklist.h"
#include "record/record.h"

struct saved_meta {
	char id[128];
	char created[128];
	char updated[128];
	char version[128];	/* handover-version that wrote it */
	int sealed;
};

/* A reason as the record states it: "LEVEL code detail". */
struct saved_reason {
	char level[16];
	char code[64];
	char detail[160];
};

struct saved_check {
	struct checklist cl;		/* the answers, as when saved */
	struct saved_meta meta;
	char verdict[16];		/* the record's verdict, "" when none */
	struct saved_reason stated[CL_MAX_REASONS];	/* the record's reasons */
	size_t nstated;
	/* what today's rules make of the answers */
	enum cl_level level;
	struct cl_reason reasons[CL_MAX_REASONS];
	size_t nreasons;
	/* 0 when the record states a verdict milder than its answers give:
	 * edited and sealed again, or written by rules older than today's */
	int follows;
};

/* Builds r (initialised here; caller releases) from the checklist; with
 * seal, adds the verdict and its reasons.  Returns 0 or -1 (memory). */
int saved_check_build(const struct checklist *cl, const struct saved_meta *m, int seal,
    struct record *r);

/* Reads a parsed record into sc, its checklist judged with kb, idt and
 * words (borrowed, may be NULL).  Refuses what handover never writes: a
 * key twice that is not a list, an answer the checklist would not
 * accept, more than 4 characters of an ID document, a stated verdict
 * that is not GO, CAUTION or STOP.  Returns 0, or -1 with e saying which
 * line. */
int saved_check_read(struct saved_check *sc, const struct record *r, const struct kb *kb,
    const struct ident_tables *idt, const struct words *words, struct error *e);

/* A reason the record states, as a sentence (todo 0) or what to do
 * (todo 1), in sc's words: cl_reason_text of the stated reason. */
void saved_reason_text(const struct saved_check *sc, const struct saved_reason *x, int todo,
    struct buf *out);

/* The verdict handover's re-check rules give the answers of re-check
 * block x of the record sc was read from (its day counted from the
 * check's "updated"): what a reader compares with the block's stated
 * verdict, since anyone can seal a file.  CL_GO when out of memory. */
struct recheck;
enum cl_level saved_recheck_level(const struct saved_check *sc, const struct recheck *x);

#endif
