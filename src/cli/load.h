/* SPDX-License-Identifier: MIT */
/* load: every data resource a command needs, from the built-in data or
 * the --data folder (cli_data), each loaded one way.  On a bad file each
 * prints one message (cli_bad_data) and returns -1. */
#ifndef HANDOVER_LOAD_H
#define HANDOVER_LOAD_H

#include "check/checklist.h"
#include "cli/cli.h"
#include "ident/ident.h"
#include "kb/kb.h"
#include "lib/error.h"

/* "bad data file: ...: fix it, or remove it from the data folder" (or, with
 * no --data, that the built-in copy is broken). */
void cli_bad_data(const struct cli *c, const struct error *e);

/* The knowledge-base tables (kb.c).  Returns 0 or -1 (printed). */
int cli_load_kb(struct cli *c, struct kb *kb);
/* reporting-bodies.tsv and imei-placeholders.tsv.  0 or -1 (printed). */
int cli_load_idents(struct cli *c, struct ident_tables *t);
/* The checklist's words.  Returns 0 or -1 (printed). */
int cli_load_words(struct cli *c, struct cl_texts *t);

#endif
