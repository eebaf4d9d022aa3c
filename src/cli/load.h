/* SPDX-License-Identifier: MIT */
/* load: every data resource a command needs, from the built-in data or
 * the --data folder (cli_data), each loaded one way.  On a bad file each
 * prints one message (cli_bad_data) and returns -1. */
#ifndef HANDOVER_LOAD_H
#define HANDOVER_LOAD_H

#include "check/checklist.h"
#include "check/words.h"
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
/* The words a buyer reads: English, and the language asked for in front
 * of it when there is one. */
struct cli_words {
	struct words en, local;
	int has_local;
};
/* lang NULL or "en": English only.  A language handover has no words for
 * is said (when said is set: the user asked for it by name) and English
 * is used.  Returns 0 or -1 (printed). */
int cli_load_words(struct cli *c, const char *lang, int said, struct cli_words *w);
/* The words to read: the language with English behind it. */
const struct words *cli_words_of(const struct cli_words *w);
void cli_words_release(struct cli_words *w);
/* The language asked for: opt (--lang), else HANDOVER_LANG, else the
 * locale (LC_ALL, LC_MESSAGES, LANG: "hi_IN.UTF-8" gives "hi"); "C" and
 * "POSIX" give NULL.  *named is set when opt or HANDOVER_LANG named it. */
const char *cli_lang(const char *opt, char out[8], int *named);

#endif
