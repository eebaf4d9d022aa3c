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
	SCAN_PHRASE_ADVANCE,	/* money asked for before the buyer sees it */
	SCAN_PRICE_FAR_BELOW,	/* far below the model's median in the export */
	SCAN_STOLEN_PATTERN,	/* no proof + no box + far below the median */
	SCAN_REPOST,		/* the same seller listed this phone before (ok) */
	SCAN_LIMIT,		/* more identifiers or matches than judged */
	SCAN_PHRASE_ASKED,	/* a lock, theft or bypass word asked about */
	SCAN_NREASONS
};

/* The categories of phrases.tsv. */
enum scan_cat {
	SCAN_CAT_FINANCING, SCAN_CAT_LOCK, SCAN_CAT_THEFT, SCAN_CAT_NO_PROOF,
	SCAN_CAT_BYPASS, SCAN_CAT_ADVANCE, SCAN_NCATS
};

/* The kinds of the cue tables. */
enum scan_cue_kind {
	SCAN_CUE_NEGATION, SCAN_CUE_BOUNDARY, SCAN_CUE_COMPLETION, SCAN_CUE_OFFER,
	SCAN_CUE_ACCESSORY, SCAN_CUE_INCLUDED, SCAN_CUE_PERSON, SCAN_CUE_ONGOING,
	SCAN_CUE_FIRST, SCAN_CUE_COORDINATOR, SCAN_CUE_HOMOGRAPH, SCAN_CUE_RECEIPT,
	SCAN_CUE_ACCOUNT, SCAN_NCUEKINDS
};

/* What became of a phrase match: counted, or why not (a cue and which). */
enum scan_hit_status {
	SCAN_HIT_COUNTED,	/* a reason (weight 2 or 3) */
	SCAN_HIT_WEAK,		/* weight 1: not a finding on its own */
	SCAN_HIT_NEGATED,	/* "no EMI", "EMI nahi", "hindi nakaw" */
	SCAN_HIT_PAID_OFF,	/* a finished plan: "fully paid", "NOC" */
	SCAN_HIT_OFFER,		/* a shop offers new financing: "no cost EMI" */
	SCAN_HIT_ACCESSORY,	/* an accessory or SIM listing */
	SCAN_HIT_NAME,		/* a person's name: "contact Emi" */
	SCAN_HIT_CATEGORY,	/* the category column rules it out */
	SCAN_HIT_ASKED,		/* a lock, theft or bypass word with a question
				 * mark after it: "iCloud locked?" */
	SCAN_NHITSTATUS
};

/* Signals a listing's phrases give the rules that combine them. */
enum {
	SCAN_SIG_NO_BILL = 1,	/* a counted no-proof phrase of weight 2-3 */
	SCAN_SIG_NO_BOX = 2	/* a weight-1 no-proof phrase ("no box") */
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
/* The reason a phrase of this category and weight (1-3) gives when it
 * counts (weight 1: weak_phrase), or -1 for an unknown category. */
int scan_reason_for_phrase(const char *category, int weight);
/* The category (enum scan_cat) of a phrases.tsv category name, or -1. */
int scan_cat_of(const char *category);
/* The reason a counted phrase of this category gives. */
enum scan_reason scan_reason_for_cat(enum scan_cat cat);
/* "counted", "weak", "negated", ... */
const char *scan_hit_status_name(enum scan_hit_status st);
/* A number from 0 to 100 to sort a moderator's queue by: the strongest
 * reason's weight, a little more for each further reason and each counted
 * phrase of weight 3 (rules.c has the weights). */
int scan_score(unsigned reasons, int strong_phrases);
/* The reasons that add up from others and the phrases' signals
 * (SCAN_SIG_): stolen_pattern = price_far_below + no bill + no box. */
unsigned scan_combine(unsigned reasons, unsigned signals);

#define SCAN_MAX_IDS 64		/* identifiers judged per listing */
#define SCAN_MAX_HITS 128	/* phrase matches judged per listing */

struct scan_phrase {
	const char *phrase;	/* borrowed from the kb, or derived (below) */
	const char *category;	/* borrowed from the kb */
	const char *language;	/* "es" or, for a phrase in several, "es;pt";
				 * "*" for a lender's or lock system's name */
	const char *form_of;	/* the phrase it is a form of, or NULL */
	uint32_t langs;		/* its languages as bits (scan.c) */
	uint8_t cat;		/* enum scan_cat */
	uint8_t weight;		/* 1-3 */
	uint8_t cues;		/* 1 << enum scan_cue_kind: what may cancel it */
	uint8_t affixes;	/* whose affixes it takes (affix.h), 0: none */
	uint8_t person;		/* may be a given name ("Emi") */
	uint8_t affix_only;	/* a stem ("block" of "blocked"): only with an
				 * affix glued to it ("diblock", "nablock") */
};

/* Where a cue stands and how far it reaches (the cue tables' columns). */
enum scan_pos { SCAN_POS_NONE, SCAN_POS_BEFORE, SCAN_POS_AFTER, SCAN_POS_EITHER, SCAN_POS_OVER };
enum scan_reach {
	SCAN_REACH_NONE, SCAN_REACH_WORDS, SCAN_REACH_CHARS, SCAN_REACH_CLAUSE,
	SCAN_REACH_LISTING, SCAN_REACH_TITLE
};

/* One row of the cue tables, as the judge reads it. */
struct scan_cue {
	const char *text;	/* borrowed from the kb */
	uint32_t langs;		/* the languages it acts on, as bits */
	uint8_t kind;		/* enum scan_cue_kind */
	uint8_t position;	/* enum scan_pos */
	uint8_t reach;		/* enum scan_reach */
	uint8_t applies;	/* 1 << enum scan_cat */
	uint8_t on_names;	/* 0: a word of one or two Latin letters of
				 * another language than English ("ko", "na"),
				 * no cue of a name (a lender, written in every
				 * language); a coordinator ("o", "ou") is */
	uint8_t sentence;	/* Nws, Ncs: commas end no clause for it */
	uint32_t not_langs;	/* homograph rows: languages in which its text is
				 * another word ("no" is Portuguese "em o") */
	uint16_t reach_n;	/* N of Nw or Nc */
};

/* A cue matcher: one phrase for each distinct cue text, standing for
 * the cue rows rows[at[k]..at[k + 1]) (a cue in several languages). */
struct scan_cueset {
	struct matcher m;
	uint32_t *at, *rows;
	uint8_t *affixes;	/* per text: the SCAN_AFFIX_ its matches may wear */
	size_t n;
};

struct scan {
	const struct ident_tables *ids;	/* borrowed */
	struct ident_tables find;	/* *ids, quiet: the finding makes no
					 * message (scanfmt_explain makes one) */
	const struct tac_db *tac;	/* borrowed; finished; may be NULL */
	const struct kb *kb;		/* borrowed */
	struct matcher m;		/* the phrases */
	struct scan_phrase *ph;		/* one per distinct phrase */
	size_t nph;
	char *langs;			/* storage for merged languages */
	char *names;			/* storage for derived names */
	struct scan_cueset cm;		/* the cues, but for accessories (text) */
	struct scan_cueset ca;		/* accessory and included cues (titles) */
	struct scan_cue *cue;		/* one per row matched */
	size_t ncue;
	uint32_t *boundary_cp;		/* punctuation that ends a clause, sorted */
	size_t nboundary_cp;
	uint32_t thai;			/* the language bit of Thai */
};

/* Builds the phrase matcher over every kb phrase and the names of every
 * lender and lock system (whole words, read as matcher.h says), and the
 * cue matcher over the cue tables.  Returns 0, or -1 with e set.  The scan
 * is read-only afterwards: threads may share it. */
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
	uint32_t off, len;	/* the match in the field, in bytes */
	uint32_t cue;		/* the cue that cancelled it (index into
				 * scan.cue), or UINT32_MAX */
	uint8_t status;		/* enum scan_hit_status */
};

struct scan_result {
	unsigned reasons;	/* 1u << enum scan_reason */
	size_t nids, nhits;
	int more;		/* more identifiers or hits than judged */
	unsigned signals;	/* SCAN_SIG_ */
	int strong;		/* counted phrases of weight 3 */
	int text_ids;		/* identifiers found outside IMEI columns */
	/* for the rules across listings (cmd/ and groups.c) */
	double price;		/* the price column read (price.c), or 0 */
	char currency[8];	/* its currency code, or "" */
	uint64_t model_key;	/* hash of the model column folded, or 0 */
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
