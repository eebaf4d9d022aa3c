/* SPDX-License-Identifier: MIT */
/* judge_priv: what the judge's files share (judge.c the rules,
 * judge_reach.c where a cue reaches, judge_names.c accessories and
 * names); nothing else includes it. */
#ifndef HANDOVER_JUDGE_PRIV_H
#define HANDOVER_JUDGE_PRIV_H

#include <stddef.h>
#include <stdint.h>

#include "scan/scan_priv.h"

#define JUDGE_MAX_CUES 512	/* cue matches looked at per listing */
#define LANG_EN 1u		/* build.c: "en" is the first bit */
#define NAME_NEAR 3		/* words: another red flag this near a title-case
				 * name makes it the word, not the name */

/* One listing being judged: its phrase and cue matches (sorted) and
 * what the rules found out about them. */
struct judge {
	const struct scan *s;
	const struct scan_listing *in;
	struct scan_ev *ph, *cue;
	size_t nph, ncue;
	uint8_t pdead[SCAN_MAX_HITS];	/* inside a longer phrase */
	uint8_t psig[SCAN_MAX_HITS];	/* signals, the insiders' too */
	uint8_t cdead[JUDGE_MAX_CUES];
	int32_t contrast[JUDGE_MAX_CUES];	/* denial_after_contrast, once:
						 * -2 not known yet */
};

/* 1 when a cue in cue_langs may speak for a phrase in phrase_langs:
 * they share a language, or one is English (written everywhere). */
static inline int
judge_compat(uint32_t cue_langs, uint32_t phrase_langs)
{
	return (cue_langs & phrase_langs) || (cue_langs & LANG_EN) || (phrase_langs & LANG_EN);
}

/* 1 when cue may speak for phrase ph: judge_compat, a name (every
 * language) takes no short foreign word (Vietnamese "ko", not, is
 * Tagalog "ko", I, in "kinuha ko sa Home Credit"), and a phrase takes no
 * cue whose text is another word in every language of the phrase (a
 * homograph row: English "no" before Portuguese "Pix" is "no Pix", by
 * Pix). */
static inline int
judge_cue_fits(const struct scan_cue *cue, const struct scan_phrase *ph)
{
	return judge_compat(cue->langs, ph->langs) &&
	    (cue->on_names || ph->langs != UINT32_MAX) &&
	    (ph->langs & ~cue->not_langs) != 0;
}

static inline const struct scan_field *
judge_field(const struct judge *j, uint32_t f)
{
	return &j->in->f[f];
}

/* judge_reach.c */
/* 1 when cp ends a clause (a sign of the boundary table). */
int judge_is_boundary_cp(const struct scan *s, uint32_t cp);
/* 1 when a clause ends in [a, b) of field f, for a phrase of langs. */
int judge_clause_ends(const struct judge *j, uint32_t f, size_t a, size_t b, uint32_t langs);
/* Words (runs of what is not white space) in [a, b) of field f, counted
 * up to most + 1. */
size_t judge_words_in(const struct judge *j, uint32_t f, size_t a, size_t b, size_t most);
/* 1 when the cue match c reaches the span t in the languages langs. */
int judge_within(const struct judge *j, const struct scan_ev *c, const struct scan_ev *t,
    uint32_t langs);
/* 1 when the cue k may cancel phrase match p as a cue of kind. */
int judge_cancels(const struct judge *j, size_t k, const struct scan_ev *p, int kind);
/* 1 when offer cue k, written over its own financing word, speaks for
 * p within three words in its clause. */
int judge_offer_near(const struct judge *j, size_t k, const struct scan_ev *p);
int judge_lifts(const struct judge *j, size_t k, const struct scan_ev *p);

/* judge_names.c (scan_accessory_category is in scan_priv.h) */
/* The accessory cue in a title that makes the listing an accessory's,
 * or -1. */
long judge_accessory_title(const struct judge *j);
/* 1 when the match is written in title case: "Emi", not "EMI" or "emi". */
int judge_title_case(const struct judge *j, const struct scan_ev *p);
/* 1 when a title-case name with no cue of its own is a name all the
 * same (status: the phrase matches' so far). */
int judge_more_names(struct judge *j, size_t pi, const uint8_t *status);

#endif
