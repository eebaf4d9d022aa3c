/* SPDX-License-Identifier: MIT */
/* rules: the one place that says which findings make a listing
 * "stop" and which "caution". */
#include <string.h>

#include "scan/scan_priv.h"

static const struct {
	const char *code;
	enum scan_risk risk;
	int score;		/* scan_score: how urgent for a moderator */
} rules[SCAN_NREASONS] = {
	/* the row could not be read: nobody has judged it */
	[SCAN_MALFORMED_ROW] = { "malformed_row", SCAN_CAUTION, 30 },
	/* an erased or test IMEI: the phone's identity was changed */
	[SCAN_PLACEHOLDER_IMEI] = { "placeholder_imei", SCAN_STOP, 90 },
	/* a typo as often as a fake: ask for a photo of *#06# */
	[SCAN_INVALID_IMEI] = { "invalid_imei", SCAN_CAUTION, 35 },
	[SCAN_MISSING_CHECK_DIGIT] = { "missing_check_digit", SCAN_CAUTION, 30 },
	[SCAN_SCIENTIFIC_NOTATION] = { "scientific_notation", SCAN_CAUTION, 20 },
	/* the TAC tables are incomplete and sellers paste the wrong IMEI */
	[SCAN_TAC_BRAND_MISMATCH] = { "tac_brand_mismatch", SCAN_CAUTION, 40 },
	/* one phone, two sellers: one of them does not hold it */
	[SCAN_DUP_OTHER_SELLER] = { "duplicate_imei_other_seller", SCAN_STOP, 90 },
	/* a relisting, most often */
	[SCAN_DUP_SAME_SELLER] = { "duplicate_imei_same_seller", SCAN_CAUTION, 45 },
	[SCAN_PHRASE_LOCK] = { "phrase_lock", SCAN_STOP, 80 },
	[SCAN_PHRASE_BYPASS] = { "phrase_bypass", SCAN_STOP, 85 },
	[SCAN_PHRASE_THEFT] = { "phrase_theft", SCAN_STOP, 85 },
	/* a loan can be paid off: ask for the lender's closure letter */
	[SCAN_PHRASE_FINANCING] = { "phrase_financing", SCAN_CAUTION, 55 },
	[SCAN_PHRASE_NO_PROOF] = { "phrase_no_proof", SCAN_CAUTION, 40 },
	/* weight-1 phrases of two kinds or more ("locked", "balance"): one
	 * alone is common in clean listings and no finding */
	[SCAN_WEAK_PHRASE] = { "weak_phrase", SCAN_CAUTION, 25 },
	/* money before seeing the phone: the classic classifieds scam */
	[SCAN_PHRASE_ADVANCE] = { "phrase_advance_payment", SCAN_CAUTION, 50 },
	/* far below what the same model fetches in the export: ask why */
	[SCAN_PRICE_FAR_BELOW] = { "price_far_below", SCAN_CAUTION, 45 },
	/* no proof, no box and far below the price: how stolen phones sell */
	[SCAN_STOLEN_PATTERN] = { "stolen_pattern", SCAN_STOP, 88 },
	/* a seller relisting the same phone: shown, not flagged */
	[SCAN_REPOST] = { "repost", SCAN_OK, 5 },
	/* more identifiers or phrase matches than a listing's limit: the
	 * rest was not judged */
	[SCAN_LIMIT] = { "limit_reached", SCAN_CAUTION, 30 },
	/* "iCloud locked? No": a seller asks to answer, most often to deny;
	 * an answer no cue reads is the moderator's to read */
	[SCAN_PHRASE_ASKED] = { "phrase_asked", SCAN_CAUTION, 60 },
};

const char *
scan_reason_code(enum scan_reason r)
{
	return (unsigned)r < SCAN_NREASONS ? rules[r].code : "unknown";
}

enum scan_risk
scan_reason_risk(enum scan_reason r)
{
	return (unsigned)r < SCAN_NREASONS ? rules[r].risk : SCAN_CAUTION;
}

enum scan_risk
scan_risk_of(unsigned reasons)
{
	enum scan_risk k = SCAN_OK;
	int r;

	/* the usual case first: no reason at all */
	for (r = 0; reasons != 0 && r < SCAN_NREASONS; r++, reasons >>= 1)
		if ((reasons & 1u) && rules[r].risk > k)
			k = rules[r].risk;
	return k;
}

const char *
scan_risk_name(enum scan_risk k)
{
	return k == SCAN_STOP ? "stop" : k == SCAN_CAUTION ? "caution" : "ok";
}

int
scan_reason_for_problem(enum ident_problem p)
{
	switch (p) {
	case IDENT_OK:
		return -1;
	case IDENT_PLACEHOLDER:
		return SCAN_PLACEHOLDER_IMEI;
	case IDENT_MISSING_CHECK_DIGIT:
		return SCAN_MISSING_CHECK_DIGIT;
	case IDENT_SCIENTIFIC_NOTATION:
		return SCAN_SCIENTIFIC_NOTATION;
	case IDENT_BAD_LENGTH:
	case IDENT_NOT_DIGITS:
	case IDENT_BAD_CHECK_DIGIT:
	case IDENT_BAD_COMPONENT:
		break;
	}
	return SCAN_INVALID_IMEI;
}

static const struct {
	const char *name;
	enum scan_reason reason;
} cats[SCAN_NCATS] = {
	[SCAN_CAT_FINANCING] = { "financing", SCAN_PHRASE_FINANCING },
	[SCAN_CAT_LOCK] = { "lock", SCAN_PHRASE_LOCK },
	[SCAN_CAT_THEFT] = { "theft", SCAN_PHRASE_THEFT },
	[SCAN_CAT_NO_PROOF] = { "no_proof", SCAN_PHRASE_NO_PROOF },
	[SCAN_CAT_BYPASS] = { "bypass", SCAN_PHRASE_BYPASS },
	[SCAN_CAT_ADVANCE] = { "advance_payment", SCAN_PHRASE_ADVANCE },
};

int
scan_cat_of(const char *category)
{
	int i;

	for (i = 0; i < SCAN_NCATS; i++)
		if (strcmp(category, cats[i].name) == 0)
			return i;
	return -1;
}

enum scan_reason
scan_reason_for_cat(enum scan_cat cat)
{
	return (unsigned)cat < SCAN_NCATS ? cats[cat].reason : SCAN_WEAK_PHRASE;
}

int
scan_reason_for_phrase(const char *category, int weight)
{
	int c = scan_cat_of(category);

	if (c < 0)
		return -1;
	return weight <= 1 ? SCAN_WEAK_PHRASE : (int)cats[c].reason;
}

const char *
scan_hit_status_name(enum scan_hit_status st)
{
	static const char *const names[SCAN_NHITSTATUS] = {
		[SCAN_HIT_COUNTED] = "counted", [SCAN_HIT_WEAK] = "weak",
		[SCAN_HIT_NEGATED] = "negated", [SCAN_HIT_PAID_OFF] = "paid_off",
		[SCAN_HIT_OFFER] = "shop_offer", [SCAN_HIT_ACCESSORY] = "accessory",
		[SCAN_HIT_NAME] = "name", [SCAN_HIT_CATEGORY] = "category",
		[SCAN_HIT_ASKED] = "asked",
	};

	return (unsigned)st < SCAN_NHITSTATUS ? names[st] : "counted";
}

int
scan_score(unsigned reasons, int strong_phrases)
{
	int r, best = 0, more = 0, score;

	for (r = 0; r < SCAN_NREASONS; r++) {
		if (!(reasons & (1u << r)))
			continue;
		if (rules[r].score > best) {
			more += best ? 1 : 0;
			best = rules[r].score;
		} else {
			more++;
		}
	}
	if (best == 0)
		return 0;
	/* each further reason and strong phrase: a little nearer 100 */
	score = best + 4 * more + 2 * (strong_phrases > 1 ? strong_phrases - 1 : 0);
	return score > 100 ? 100 : score;
}

void
scan_finish_result(struct scan_result *out)
{
	if (out->more)
		out->reasons |= 1u << SCAN_LIMIT;
}

unsigned
scan_combine(unsigned reasons, unsigned signals)
{
	/* no bill, no box and far below the price: how stolen phones sell */
	if ((reasons & (1u << SCAN_PRICE_FAR_BELOW)) && (signals & SCAN_SIG_NO_BILL) &&
	    (signals & SCAN_SIG_NO_BOX))
		reasons |= 1u << SCAN_STOLEN_PATTERN;
	return reasons;
}
