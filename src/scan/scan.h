/* SPDX-License-Identifier: MIT */
/* scan: the moderator's judgement of one listing, from the listing alone:
 * identifiers in any field, TAC brand against the claimed brand, red-flag
 * phrases, and the risk those reasons add up to.  Pure: no I/O. */
#ifndef HANDOVER_SCAN_H
#define HANDOVER_SCAN_H

#include <stddef.h>
#include <stdint.h>

#include "lib/error.h"
#include "ident/ident.h"
#include "kb/kb.h"
#include "lib/matcher.h"
#include "ident/tac.h"

/* What a column holds, found from its header name or a flag
 * (scan/columns.h). */
enum scan_role {
	SCAN_OTHER,		/* unknown: searched for phrases and identifiers */
	SCAN_ID, SCAN_TITLE, SCAN_TEXT, SCAN_IMEI, SCAN_BRAND, SCAN_MODEL,
	SCAN_SELLER, SCAN_PRICE,
	SCAN_CATEGORY,		/* the listing's category: per-category rules */
	SCAN_DATA,		/* not text (dates, links, counts): identifiers only */
	SCAN_NROLES
};

/* Reason codes, in the order findings list them (see scan/rules.c for
 * the risk of each).  A listing's reasons are a mask of 1u << reason. */
enum scan_reason {
	SCAN_MALFORMED_ROW,
	SCAN_PLACEHOLDER_IMEI,
	SCAN_INVALID_IMEI,
	SCAN_MISSING_CHECK_DIGIT,
	SCAN_SCIENTIFIC_NOTATION,
	SCAN_TAC_BRAND_MISMATCH,
	SCAN_DUP_OTHER_SELLER,
	SCAN_DUP_SAME_SELLER,
	SCAN_PHRASE_LOCK,
	SCAN_PHRASE_BYPASS,
	SCAN_PHRASE_THEFT,
	SCAN_PHRASE_FINANCING,
	SCAN_PHRASE_NO_PROOF,
	SCAN_WEAK_PHRASE,
	SCAN_NREASONS
};

enum scan_risk { SCAN_OK, SCAN_CAUTION, SCAN_STOP };

/* scan/rules.c: every rule that turns findings into reasons and risk. */
const char *scan_reason_code(enum scan_reason r);	/* "placeholder_imei" */
enum scan_risk scan_reason_risk(enum scan_reason r);
/* The risk of a listing: the highest risk among its reasons. */
enum scan_risk scan_risk_of(unsigned reasons);
const char *scan_risk_name(enum scan_risk k);		/* "stop", ... */
/* scan/why.c: the reason in one sentence, for a moderator. */
const char *scan_reason_sentence(enum scan_reason r);
/* The reason an identifier's problem gives, or -1 for none (valid). */
int scan_reason_for_problem(enum ident_problem p);
/* The reason a phrase of this category and weight (1-3) gives, or -1 for
 * an unknown category. */
int scan_reason_for_phrase(const char *category, int weight);

#define SCAN_MAX_IDS 32		/* identifiers kept per listing */
#define SCAN_MAX_HITS 64	/* phrase matches kept per listing */

struct scan_phrase {
	const char *phrase;	/* borrowed from the kb */
	const char *category;	/* borrowed from the kb */
	const char *language;	/* "es" or, for a phrase in several, "es;pt" */
	int reason;		/* enum scan_reason */
};

struct scan {
	const struct ident_tables *ids;	/* borrowed */
	const struct tac_db *tac;	/* borrowed; finished; may be NULL */
	const struct kb *kb;		/* borrowed */
	struct matcher m;
	struct scan_phrase *ph;		/* one per distinct phrase */
	size_t nph;
	char *langs;			/* storage for merged languages */
};

/* Builds the phrase matcher over every kb phrase (whole words, case
 * folded).  Returns 0, or -1 with e set.  The scan is read-only
 * afterwards: threads may share it. */
int scan_init(struct scan *s, const struct kb *kb, const struct ident_tables *ids,
    const struct tac_db *tac, struct error *e);
void scan_release(struct scan *s);

struct scan_field {
	const char *name;	/* the column's name, for findings */
	size_t namelen;
	const char *p;		/* its value (borrowed) */
	size_t len;
	enum scan_role role;
};

struct scan_listing {
	const struct scan_field *f;
	size_t nf;
};

struct scan_found {
	char value[IDENT_TEXT_MAX + 1];	/* normalized, else as written */
	enum ident_kind kind;
	enum ident_problem problem;
	uint64_t key;		/* ident_imei_key of a valid IMEI, else 0 */
	const char *brand;	/* TAC brand (borrowed from the TAC db), or NULL */
	size_t field;		/* index into the listing's fields */
	int duplicate;		/* set by the caller's duplicate check: an
				 * earlier listing showed this IMEI */
};

struct scan_hit {
	uint32_t phrase;	/* index into scan.ph */
	uint32_t field;
	uint32_t off, len;	/* the first match in the field, in bytes */
};

struct scan_result {
	unsigned reasons;	/* 1u << enum scan_reason */
	size_t nids, nhits;
	int more;		/* more identifiers or hits than kept */
	struct scan_found ids[SCAN_MAX_IDS];
	struct scan_hit hits[SCAN_MAX_HITS];
};

/*
 * Judges one listing: identifiers in IMEI columns (a column with no digit
 * at all, like "n/a", is taken as not given) and inside every other
 * column but id, seller, price, brand and category; each identifier
 * once; TAC brand of each valid IMEI against the brand column, else the
 * brand named in the title, else in the model; phrases in title, text and
 * unknown (SCAN_OTHER) columns, each phrase once per field.  Duplicates across listings are not judged
 * here (see dupset.h).  Borrows in; fills out.
 */
void scan_listing(const struct scan *s, const struct scan_listing *in,
    struct scan_result *out);

/* 1 for the columns searched for phrases: title, text, and the ones no
 * name told apart (SCAN_OTHER): text a site calls something else. */
int scan_role_has_phrases(enum scan_role role);

#endif
