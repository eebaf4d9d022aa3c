/* SPDX-License-Identifier: MIT */
/* tac_load: the front ends' TAC tables, loaded on the first lookup: the
 * built-in data/tac.tsv, then the Osmocom database from --tac-db FILE,
 * HANDOVER_TAC_DB, or $XDG_DATA_HOME/handover/tacdb.csv when present. */
#ifndef HANDOVER_TAC_LOAD_H
#define HANDOVER_TAC_LOAD_H

#include "cli/cli.h"
#include "ident/tac.h"

struct tacload {
	struct cli *cli;
	const char *path;	/* --tac-db, or NULL */
	struct tac_db db;
	char *file;		/* the Osmocom CSV, kept while db points into it */
	int loaded;
	int failed;		/* a named database could not be read (reported) */
	int loaded_osmocom;
	long osmocom_rows;
};

void tacload_init(struct tacload *tl, struct cli *c, const char *path);
/* When the user named a database (--tac-db, HANDOVER_TAC_DB), checks now
 * that it can be read, so a typo fails before any output.  Returns 0, or
 * -1 after printing what went wrong. */
int tacload_check_named(struct tacload *tl);
/* Loads now (done by the first tacload_find otherwise).  Returns 0 or -1
 * after printing what went wrong. */
int tacload_load(struct tacload *tl);
const struct tac_entry *tacload_find(struct tacload *tl, const char *tac8, size_t *count);
void tacload_release(struct tacload *tl);

#endif
