/* SPDX-License-Identifier: MIT */
/* why: one sentence per reason, the words a finding gives a moderator
 * beside its code (the risk of each lives in scan/rules.c). */
#include "scan/scan.h"

static const char *const sentences[SCAN_NREASONS] = {
	[SCAN_MALFORMED_ROW] =
	    "The row could not be read, so nobody has judged it: look at it in the export.",
	[SCAN_PLACEHOLDER_IMEI] =
	    "The IMEI is a placeholder (zeros, a repeated digit or a test number): "
	    "a phone that shows it has had its IMEI erased or changed.",
	[SCAN_INVALID_IMEI] =
	    "The IMEI is not valid: a typo as often as a fake; ask for a photo of *#06#.",
	[SCAN_MISSING_CHECK_DIGIT] =
	    "The IMEI has 14 digits: its last (check) digit is missing; ask for the "
	    "full number from *#06#.",
	[SCAN_SCIENTIFIC_NOTATION] =
	    "A spreadsheet turned the IMEI into E-notation and its last digits are "
	    "lost: ask for the number again.",
	[SCAN_TAC_BRAND_MISMATCH] =
	    "The IMEI belongs to another brand than the listing names: a wrong number "
	    "pasted, or not the phone it claims to be.",
	[SCAN_DUP_OTHER_SELLER] =
	    "Another seller listed a phone with the same IMEI: one of them does not hold it.",
	[SCAN_DUP_SAME_SELLER] =
	    "The same seller shows this IMEI in another listing (of another model, or "
	    "of an earlier run), or no seller column tells who.",
	[SCAN_PHRASE_LOCK] =
	    "The listing says the phone is locked (an account, carrier or lender lock).",
	[SCAN_PHRASE_BYPASS] =
	    "The listing offers or mentions getting around a lock.",
	[SCAN_PHRASE_THEFT] =
	    "The listing says the phone is blacklisted, reported or stolen.",
	[SCAN_PHRASE_FINANCING] =
	    "The listing says the phone is on instalments or a loan: the lender can "
	    "lock it if payments stop; ask for the closure letter.",
	[SCAN_PHRASE_NO_PROOF] =
	    "The seller has no bill or other proof of purchase.",
	[SCAN_WEAK_PHRASE] =
	    "Words that hint at problems of two kinds (each alone is common in clean "
	    "listings).",
	[SCAN_PHRASE_ADVANCE] =
	    "The seller asks for money before the buyer has seen the phone: the "
	    "commonest way a listing takes money for nothing.",
	[SCAN_PRICE_FAR_BELOW] =
	    "The price is far below what the same model sells for in this export: "
	    "ask why before anything else.",
	[SCAN_STOLEN_PATTERN] =
	    "Far below the price, no bill and no box together: how stolen phones "
	    "are sold.",
	[SCAN_REPOST] =
	    "The same seller listed the same phone again: shown, not a problem.",
	[SCAN_PHRASE_ASKED] =
	    "The listing asks whether the phone is locked, stolen or bypassed, as "
	    "sellers do to deny it: read the answer before anything else.",
	[SCAN_LIMIT] =
	    "The listing holds more identifiers or phrases than are judged: the "
	    "rest was not looked at.",
};

const char *
scan_reason_sentence(enum scan_reason r)
{
	return (unsigned)r < SCAN_NREASONS && sentences[r] ? sentences[r] : "";
}
