/* SPDX-License-Identifier: MIT */
/* how: what a buyer can tap in an official check's steps (the "how" of
 * countries.tsv): the web addresses to open, the SMS to send and the
 * codes to dial, each found in the sentence that names it.  For a front
 * end that can open links (the page); the words stay as they are.  Pure. */
#ifndef HANDOVER_HOW_H
#define HANDOVER_HOW_H

#include <stddef.h>

enum kb_tap_kind {
	KB_TAP_URL,	/* open target, a web address ("https://" added to "www.") */
	KB_TAP_SMS,	/* send an SMS to the number target */
	KB_TAP_DIAL	/* dial the code target, e.g. "*1205#" */
};

struct kb_tap {
	enum kb_tap_kind kind;
	char target[200];
	char keyword[16];	/* SMS: the word sent before the IMEI ("KYM"), or "" */
	int imei;		/* SMS: the message is the IMEI (after keyword and a space) */
};

/* The taps in how, in the order they appear, at most max; the code that
 * shows the IMEI (*#06#) and addresses said to be former ones are left
 * out.  Returns how many. */
size_t kb_how_taps(const char *how, struct kb_tap *out, size_t max);

#endif
