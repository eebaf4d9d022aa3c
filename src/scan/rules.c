/* SPDX-License-Identifier: MIT */
/* rules: the one place that says which findings make a listing
 * "stop" and which "caution". */
#include <string.h>

#include "scan/scan.h"

static const struct {
	const char *code;
	enum scan_risk risk;
} rules[SCAN_NREASONS] = {
	/* the row could not be read: nobody has judged it */
	[SCAN_MALFORMED_ROW] = { "malformed_row", SCAN_CAUTION },
	/* an erased or test IMEI: the phone's identity was changed */
	[SCAN_PLACEHOLDER_IMEI] = { "placeholder_imei", SCAN_STOP },
	/* a typo as often as a fake: ask for a photo of *#06# */
	[SCAN_INVALID_IMEI] = { "invalid_imei", SCAN_CAUTION },
	[SCAN_MISSING_CHECK_DIGIT] = { "missing_check_digit", SCAN_CAUTION },
	[SCAN_SCIENTIFIC_NOTATION] = { "scientific_notation", SCAN_CAUTION },
	/* the TAC tables are incomplete and sellers paste the wrong IMEI */
	[SCAN_TAC_BRAND_MISMATCH] = { "tac_brand_mismatch", SCAN_CAUTION },
	/* one phone, two sellers: one of them does not hold it */
	[SCAN_DUP_OTHER_SELLER] = { "duplicate_imei_other_seller", SCAN_STOP },
	/* a relisting, most often */
	[SCAN_DUP_SAME_SELLER] = { "duplicate_imei_same_seller", SCAN_CAUTION },
	[SCAN_PHRASE_LOCK] = { "phrase_lock", SCAN_STOP },
	[SCAN_PHRASE_BYPASS] = { "phrase_bypass", SCAN_STOP },
	[SCAN_PHRASE_THEFT] = { "phrase_theft", SCAN_STOP },
	/* a loan can be paid off: ask for the lender's closure letter */
	[SCAN_PHRASE_FINANCING] = { "phrase_financing", SCAN_CAUTION },
	[SCAN_PHRASE_NO_PROOF] = { "phrase_no_proof", SCAN_CAUTION },
	/* a weight-1 phrase ("locked", "balance"): common in clean listings */
	[SCAN_WEAK_PHRASE] = { "weak_phrase", SCAN_CAUTION },
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

int
scan_reason_for_phrase(const char *category, int weight)
{
	static const struct {
		const char *name;
		int reason;
	} cats[] = {
		{ "financing", SCAN_PHRASE_FINANCING }, { "lock", SCAN_PHRASE_LOCK },
		{ "theft", SCAN_PHRASE_THEFT }, { "no_proof", SCAN_PHRASE_NO_PROOF },
		{ "bypass", SCAN_PHRASE_BYPASS },
	};
	size_t i;

	for (i = 0; i < sizeof cats / sizeof cats[0]; i++)
		if (strcmp(category, cats[i].name) == 0)
			return weight <= 1 ? SCAN_WEAK_PHRASE : cats[i].reason;
	return -1;
}
