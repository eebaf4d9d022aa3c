/* SPDX-License-Identifier: MIT */
/* kb: the knowledge base: countries and their official IMEI checks and
 * what their replies mean, lock systems, lock-app package names, lenders,
 * listing phrases and brands,
 * read from the tables in data/ (see docs/data-sources.md).  Pure: the caller
 * hands in each file's bytes. */
#ifndef HANDOVER_KB_H
#define HANDOVER_KB_H

#include <stddef.h>

#include "lib/error.h"

/* Every string below is NUL-terminated and owned by the kb. */

struct kb_fact {		/* the provenance every fact row carries */
	const char *source;	/* one or more URLs, space-separated */
	const char *checked;	/* YYYY-MM-DD */
	const char *confidence;	/* "confirmed" or "reported" */
};

struct kb_check {		/* countries.tsv: one official check */
	const char *code, *name, *check_name, *how, *checks, *result_meaning,
	    *limits, *instead;
	struct kb_fact fact;
};

struct kb_reply {		/* registry-replies.tsv: one answer a check gives */
	const char *code;	/* the country */
	const char *check_name;	/* the countries.tsv check it belongs to */
	const char *reply;	/* stable lowercase key, a public interface */
	const char *shown;	/* the text as the buyer sees it (original language) */
	const char *meaning;	/* what it means, in plain English */
	const char *outcome;	/* clean, blocked, owed, not_approved, invalid,
				 * compare_model or unknown */
	struct kb_fact fact;
};

struct kb_lock_system {		/* lock-systems.tsv */
	const char *id, *name, *regions, *visible_signs, *survives_reset,
	    *how_cleared, *proof_document;
	const char *kind;	/* financing, carrier, collateral, management,
				 * account; "" in an older file without it */
	struct kb_fact fact;
};

struct kb_lock_app {		/* lock-apps.tsv */
	const char *package, *system, *strength, *what_to_do;
	const char *preinstalled;	/* no, some or all; "" in an older file */
	const char *grade_reason;	/* why strong or weak; "" in an older file */
	struct kb_fact fact;
};

struct kb_lender {		/* lenders.tsv */
	const char *name, *countries, *lock, *closure_document, *how_to_get;
	struct kb_fact fact;
};

struct kb_phrase {		/* phrases.tsv */
	const char *phrase, *language, *category;
	int weight;		/* 1-3 */
	const char *cues;	/* cue kinds that may cancel it, ';'-joined, or
				 * "none"; "" in an older file */
	const char *form_of;	/* the phrase this row is a written form of,
				 * or "" */
	struct kb_fact fact;
};

/* negation-cues.tsv, completion-cues.tsv, context-cues.tsv: words around a
 * phrase that change what it means (docs/data-sources.md). */
struct kb_cue {
	const char *cue;	/* as written; "\\n" a line break, "\\s" a space */
	const char *language;	/* ISO 639-1, or "*" */
	const char *kind;	/* negation, boundary, completion, offer,
				 * accessory, included, person */
	const char *position;	/* before, after, either, over, - */
	const char *reach;	/* Nw, Nc, clause, listing, title, - */
	const char *applies_to;	/* categories ';'-joined, *, - */
	struct kb_fact fact;
};

struct kb_brand {		/* brands.tsv */
	const char *brand, *aliases, *imei_path, *admin_apps_path, *accounts_path,
	    *find_device_path, *reset_path, *account_lock, *financing_signals;
	const char *model_path;	/* where the model number is shown; "" when no
				 * source gave one or in an older file */
	struct kb_fact fact;
};

struct kb {
	struct kb_check *checks;
	size_t nchecks;
	struct kb_lock_system *systems;
	size_t nsystems;
	struct kb_lock_app *apps;
	size_t napps;
	struct kb_lender *lenders;
	size_t nlenders;
	struct kb_phrase *phrases;
	size_t nphrases;
	struct kb_cue *cues;	/* the three cue tables in that order (each is
				 * optional: an older --data folder lacks them) */
	size_t ncues;
	struct kb_brand *brands;
	size_t nbrands;
	struct kb_reply *replies;	/* grouped by country, file order */
	size_t nreplies;
	void *mem;		/* private: owned storage */
};

/* Fetches a data file by name ("countries.tsv"); returns 0 or -1. */
typedef int (*kb_getter)(void *ctx, const char *name, const char **data, size_t *len);

/* Loads every table.  Returns 0, or -1 with e naming the file and line. */
int kb_load(struct kb *kb, kb_getter get, void *ctx, struct error *e);
void kb_release(struct kb *kb);

/* The official checks of a country (ISO code, any case), in file order;
 * *n is set; NULL when the country is not in the knowledge base. */
const struct kb_check *kb_country_checks(const struct kb *kb, const char *code, size_t *n);
/* The replies of a country's checks (ISO code, any case), in file order;
 * *n is set; NULL when none are known. */
const struct kb_reply *kb_country_replies(const struct kb *kb, const char *code, size_t *n);
/* The reply of a country's check by its key, or NULL. */
const struct kb_reply *kb_reply_find(const struct kb *kb, const char *code,
    const char *check_name, const char *reply);
/* The brand whose id or one of whose aliases equals name (case-insensitive),
 * or NULL.  kb_brand_generic() is the "android" row. */
const struct kb_brand *kb_brand_find(const struct kb *kb, const char *name);
const struct kb_brand *kb_brand_generic(const struct kb *kb);
/* The brand named as a whole word in free text such as "Redmi Note 12
 * 128GB" (case-insensitive), or NULL. */
const struct kb_brand *kb_brand_in_text(const struct kb *kb, const char *text, size_t n);
const struct kb_lock_system *kb_lock_system_find(const struct kb *kb, const char *id);
const struct kb_lock_app *kb_lock_app_find(const struct kb *kb, const char *package);
/* A lock-apps.tsv row whose package ends in ".*" (e.g. "com.vendor.*")
 * stands for every package under that name: kb_lock_app_find() returns
 * it, the longest such prefix, when no row names the package exactly.
 * kb_lock_app_is_prefix() tells such a row apart. */
int kb_lock_app_is_prefix(const struct kb_lock_app *a);
/* 1 when the ';'-joined list (e.g. a regions or countries field) holds
 * code, or is "global". */
int kb_list_has(const char *list, const char *code);

/* The ';'-joined ISO 639-1 languages of a country (any case) from
 * country-languages.tsv, e.g. "hi;en", with *fact set when fact is not
 * NULL; NULL when the country is not listed or the file is absent (it is
 * the one optional table). */
const char *kb_country_languages(const struct kb *kb, const char *code,
    const struct kb_fact **fact);

#endif
