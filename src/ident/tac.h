/* SPDX-License-Identifier: MIT */
/* tac: Type Allocation Code lookup (the first 8 IMEI digits name the
 * model).  Tables come from data/tac.tsv and, when the user has it, the
 * Osmocom TAC database CSV.  A TAC not found is "unknown", never "fake". */
#ifndef HANDOVER_TAC_H
#define HANDOVER_TAC_H

#include <stddef.h>
#include <stdint.h>

#include "lib/error.h"

struct tac_entry {
	uint32_t tac;
	uint32_t order;		/* load order: the first source wins a tie */
	const char *brand;	/* owned by the db */
	const char *model;
};

struct tac_arena;

struct tac_db {
	struct tac_entry *e;
	size_t n, cap;
	struct tac_arena *arena;
	int sorted;
};

void tac_db_init(struct tac_db *db);
/* Adds the rows of a TSV with columns tac, brand, model.  Returns 0, or
 * -1 with e filled (a TAC that is not 8 digits names its line). */
int tac_db_add_tsv(struct tac_db *db, const char *name, const char *data, size_t len,
    struct error *e);
/* Adds the Osmocom TAC database export (CSV: a licence line, a header
 * "tac,name,name,...", CRLF; TACs may carry a leading space).  Returns
 * the number of rows added, or -1 with e filled. */
long tac_db_add_osmocom(struct tac_db *db, const char *data, size_t len, struct error *e);
/* Sorts the table; call after adding, before looking up. */
void tac_db_finish(struct tac_db *db);
/* The entries for an 8-digit TAC (several when sources disagree), with
 * *count set; NULL when unknown. */
const struct tac_entry *tac_db_find(const struct tac_db *db, const char *tac8, size_t *count);
void tac_db_release(struct tac_db *db);

#endif
