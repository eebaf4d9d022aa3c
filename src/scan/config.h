/* SPDX-License-Identifier: MIT */
/* config: a team's scan settings, kept in version control: column names,
 * extra phrases, allow-lists, per-category rules (the --config file). */
#ifndef HANDOVER_CONFIG_H
#define HANDOVER_CONFIG_H

#include <stddef.h>

#include "lib/error.h"
#include "scan/scan.h"

/*
 * The format (docs/scan-config.md has it with examples): UTF-8 lines; a
 * line whose first non-blank character is '#' is a comment; blank lines
 * do nothing.  "[columns]", "[phrases]", "[allow]" and "[category NAME]"
 * begin sections.
 *
 *   [columns]            ROLE = NAME, NAME ...   (id title text imei brand
 *                        model seller price category data), include = NAME...
 *   [phrases]            CATEGORY WEIGHT LANGUAGE PHRASE...
 *                        (financing lock theft no_proof bypass; 1-3; a code)
 *   [allow]              phrase = PHRASE   (never flags)
 *                        seller = SELLER   (never flagged)
 *   [category NAME]      ignore = REASON, REASON ...
 *
 * Anything else is an error naming its line and column.
 */

#define CONFIG_MAX_BYTES (1u << 20)
#define CONFIG_MAX_NAMES 16	/* per role */
#define CONFIG_MAX_INCLUDE 16
#define CONFIG_MAX_ITEMS 10000	/* phrases, allowed phrases, allowed sellers */
#define CONFIG_MAX_CATEGORIES 256

struct config_phrase {
	const char *phrase, *category, *language;
	int weight;
};

struct config_category {
	const char *name;
	unsigned ignore;	/* 1u << enum scan_reason */
};

struct config {
	char *mem;		/* the text, owned, cut into strings */
	const char *names[SCAN_NROLES][CONFIG_MAX_NAMES];
	size_t nnames[SCAN_NROLES];
	const char *include[CONFIG_MAX_INCLUDE];
	size_t ninclude;
	struct config_phrase *phrases;
	size_t nphrases;
	const char **allow_phrases;
	size_t nallow_phrases;
	const char **allow_sellers;
	size_t nallow_sellers;
	struct config_category *cats;
	size_t ncats;
};

/* Parses (p, n; borrowed, copied).  Returns 0, or -1 with e giving the
 * line and column of the first problem (c then holds nothing). */
int config_parse(struct config *c, const char *p, size_t n, struct error *e);
void config_release(struct config *c);

/* The ignore mask of the category named (p, n) (any case, blanks around
 * it trimmed), or 0. */
unsigned config_category_ignore(const struct config *c, const char *p, size_t n);
/* 1 when the seller (p, n) is on the allow-list (any case, trimmed). */
int config_seller_allowed(const struct config *c, const char *p, size_t n);

#endif
