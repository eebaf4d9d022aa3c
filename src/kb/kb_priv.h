/* SPDX-License-Identifier: MIT */
/* kb_priv: what kb.c (loading) and kb_find.c (lookups) share: the
 * storage behind struct kb's mem; nothing else includes it. */
#ifndef HANDOVER_KB_PRIV_H
#define HANDOVER_KB_PRIV_H

#include <stddef.h>

#include "kb/kb.h"

/* A block of the arena the tables' strings are copied into. */
struct kb_chunk {
	struct kb_chunk *next;
	size_t used, cap;
	char mem[];
};

struct kb_lang {		/* country-languages.tsv */
	const char *code, *languages;
	struct kb_fact fact;
};

/* lock-apps.tsv rows by package name, for lookups in O(log n): apps
 * looks up every package of a phone, and a --data table of 100,000 rows
 * made 20,000 packages take 4 minutes when each lookup read every row. */
struct kb_app_key {
	const char *key;	/* the package, or a prefix row's "com.vendor." */
	size_t len;
	size_t row;
};

/* What struct kb's mem points to. */
struct kb_private {
	struct kb_chunk *chunks;
	struct kb_lang *langs;
	size_t nlangs;
	struct kb_app_key *app_exact, *app_prefix;	/* sorted: key, then row */
	size_t napp_prefix;
};

/* ASCII lower case of c. */
int kb_lower(int c);
/* ASCII case-insensitive comparison of a[0..n) with the string b. */
int kb_equal_ci(const char *a, size_t n, const char *b);
/* qsort's order of struct kb_app_key: key, then row. */
int kb_by_app_key(const void *a, const void *b);

#endif
