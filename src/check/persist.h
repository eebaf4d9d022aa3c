/* SPDX-License-Identifier: MIT */
/* persist: turning a checklist into a record (docs/record-format.md) and
 * back, so a check can be saved after every answer and resumed. */
#ifndef HANDOVER_PERSIST_H
#define HANDOVER_PERSIST_H

#include "check/checklist.h"
#include "record/record.h"

struct checkrec_meta {
	char id[72];
	char created[40];
	char updated[40];
	int sealed;
};

/* Builds r (initialised here; caller releases) from the checklist; with
 * seal, adds the verdict and its reasons.  Returns 0 or -1 (memory). */
int checkrec_build(const struct checklist *cl, const struct checkrec_meta *m, int seal,
    struct record *r);
/* Restores answers, skips, attachments and the rest from r into cl (which
 * the caller has initialised).  Returns 0 or -1 with e filled. */
int checkrec_restore(struct checklist *cl, const struct record *r, struct checkrec_meta *m,
    struct error *e);

#endif
