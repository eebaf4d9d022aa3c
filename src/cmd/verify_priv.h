/* SPDX-License-Identifier: MIT */
/* verify_priv: what verify.c (the command and the seals) and
 * verify_intact.c (an intact record's content and attached files) share;
 * nothing else includes it. */
#ifndef HANDOVER_VERIFY_PRIV_H
#define HANDOVER_VERIFY_PRIV_H

#include "cli/cli.h"
#include "cli/load.h"
#include "kb/kb.h"
#include "lib/buf.h"
#include "record/record.h"

struct verify {
	const char *attach_dir;	/* --attachments, or NULL */
	int json;
	struct buf *out;
	int findings;		/* something to exit 1 for */
	int io_error;		/* something to exit 3 for */
	struct cli *cli;
	int loaded;		/* kb, idt and words: 0 not yet, 1 loaded, -1 failed */
	struct kb kb;
	struct ident_tables idt;
	struct cli_words words;
};

/* The intact record r read as the checklist reads it; a finding is
 * reported to v->out and counted. */
void verify_content(struct verify *v, const struct record *r);

/* Each attachment line of the intact record r, read from file ("-" for
 * standard input), checked against the file it names and reported. */
void verify_attachments(struct verify *v, const char *file, const struct record *r);

/* Releases the tables verify_content loaded, if it loaded them. */
void verify_rules_release(struct verify *v);

#endif
