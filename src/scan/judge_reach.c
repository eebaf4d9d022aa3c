/* SPDX-License-Identifier: MIT */
/* judge_reach: where a cue of the judge (judge.c) reaches: the clauses
 * of a field, the words and characters between two matches, and whether
 * a cue's position and reach take in a phrase, so that a negation or a
 * completion speaks only for its own clause. */
#include "lib/casefold.h"
#include "lib/utf8.h"
#include "scan/judge_priv.h"

int
judge_is_boundary_cp(const struct scan *s, uint32_t cp)
{
	size_t lo = 0, hi = s->nboundary_cp;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cp < s->boundary_cp[mid])
			hi = mid;
		else if (cp > s->boundary_cp[mid])
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

/* 1 when a clause ends in [a, b) of field f, for a phrase of langs: a line
 * break, a sign that ends clauses (a '.' or ',' between digits, as in
 * "Rs. 15.000" or "1,500", is none), a contrast word of a language that
 * meets the phrase's, and for a Thai phrase a space. */
int
judge_clause_ends(const struct judge *j, uint32_t f, size_t a, size_t b,
    uint32_t langs)
{
	const struct scan_field *fl = judge_field(j, f);
	const unsigned char *t = (const unsigned char *)fl->p;
	int thai = langs == j->s->thai;
	size_t i, len, k;
	uint32_t cp;

	for (i = a; i < b && i < fl->len; i += len) {
		if (t[i] < 0x80) {
			len = 1;
			cp = t[i];
			if ((cp | 32) >= 'a' && (cp | 32) <= 'z')
				continue;	/* the common case */
		} else {
			len = utf8_decode(fl->p + i, fl->len - i, &cp);
		}
		if (cp == '\n' || cp == '\r' || (thai && casefold_is_space(cp)))
			return 1;
		if (!judge_is_boundary_cp(j->s, cp))
			continue;
		if ((cp == '.' || cp == ',') && i > 0 && i + 1 < fl->len &&
		    (unsigned)(t[i - 1] - '0') < 10u &&
		    (unsigned)(t[i + 1] - '0') < 10u)
			continue;
		return 1;
	}
	for (k = 0; k < j->ncue; k++) {
		const struct scan_ev *c = &j->cue[k];

		if (j->cdead[k] || c->field != f || j->s->cue[c->idx].kind != SCAN_CUE_BOUNDARY)
			continue;
		if (c->off >= a && c->off + c->len <= b && judge_compat(j->s->cue[c->idx].langs, langs))
			return 1;
	}
	return 0;
}

/* 1 for an ASCII digit or a sign inside a written amount ("20 000",
 * "1,000", "1.200,00", "15'000"). */
static int
amount_char(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || cp == ',' || cp == '.' || cp == '\'';
}

/* Words (runs of what is not white space) in [a, b) of field f; a run
 * of digits, an amount ("send first 20 000 by M-Pesa"), is no word. */
size_t
judge_words_in(const struct judge *j, uint32_t f, size_t a, size_t b)
{
	const struct scan_field *fl = judge_field(j, f);
	size_t i, n = 0, len;
	uint32_t cp;
	int in = 0, word = 0;	/* in a run; the run holds more than an amount */

	for (i = a; i < b && i < fl->len; i += len) {
		if ((unsigned char)fl->p[i] < 0x80) {
			len = 1;
			cp = (unsigned char)fl->p[i];
		} else {
			len = utf8_decode(fl->p + i, fl->len - i, &cp);
		}
		if (cp == ' ' || (cp >= '\t' && cp <= '\r') || (cp >= 0x80 && casefold_is_space(cp))) {
			n += word;
			in = word = 0;
			continue;
		}
		in = 1;
		word |= !amount_char(cp);
	}
	return n + (in && word);
}

/* Code points in [a, b) of field f, invisible ones not counted. */
static size_t
chars_in(const struct judge *j, uint32_t f, size_t a, size_t b)
{
	const struct scan_field *fl = judge_field(j, f);
	size_t i, n = 0, len;
	uint32_t cp;

	for (i = a; i < b && i < fl->len; i += len) {
		if ((unsigned char)fl->p[i] < 0x80) {
			len = 1;
			n++;
			continue;
		}
		len = utf8_decode(fl->p + i, fl->len - i, &cp);
		n += !casefold_is_ignorable(cp);
	}
	return n;
}

/* 1 when the cue match c reaches the span t of a phrase (or cue) in the
 * languages langs, by the cue's position and reach. */
int
judge_within(const struct judge *j, const struct scan_ev *c, const struct scan_ev *t,
    uint32_t langs)
{
	const struct scan_cue *cue = &j->s->cue[c->idx];
	size_t a, b, d;
	int side;

	if (cue->position == SCAN_POS_OVER)
		return c->field == t->field && c->off <= t->off &&
		    t->off + t->len <= c->off + c->len;
	if (cue->reach == SCAN_REACH_LISTING)
		return 1;
	if (cue->reach == SCAN_REACH_TITLE)
		return judge_field(j, c->field)->role == SCAN_TITLE;
	if (cue->reach == SCAN_REACH_NONE || c->field != t->field)
		return 0;
	if (c->off + c->len <= t->off) {
		side = SCAN_POS_BEFORE;
		a = c->off + c->len;
		b = t->off;
	} else if (t->off + t->len <= c->off) {
		side = SCAN_POS_AFTER;
		a = t->off + t->len;
		b = c->off;
	} else {
		return 0;
	}
	if (cue->position != side && cue->position != SCAN_POS_EITHER)
		return 0;
	if (cue->reach == SCAN_REACH_WORDS && judge_words_in(j, c->field, a, b) > cue->reach_n)
		return 0;
	if (cue->reach == SCAN_REACH_CHARS && (d = chars_in(j, c->field, a, b)) > cue->reach_n)
		return 0;
	return !judge_clause_ends(j, c->field, a, b, langs);
}

/* 1 when the cue k may cancel phrase match p (kind, category, cues
 * column, language, reach). */
int
judge_cancels(const struct judge *j, size_t k, const struct scan_ev *p, int kind)
{
	const struct scan_cue *cue = &j->s->cue[j->cue[k].idx];
	const struct scan_phrase *ph = &j->s->ph[p->idx];

	return !j->cdead[k] && cue->kind == kind && (ph->cues >> kind & 1) &&
	    (cue->applies >> ph->cat & 1) && judge_compat(cue->langs, ph->langs) &&
	    judge_within(j, &j->cue[k], p, ph->langs);
}

/* A cue that makes a weak word of its categories say what it means: an
 * ongoing cue ("faltam", "baaki", "remaining") a financing word (the plan
 * is still running), a first cue ("first", "pehle", "muna") a payment
 * word (the money is asked before the buyer sees the phone). */
int
judge_lifts(const struct judge *j, size_t k, const struct scan_ev *p)
{
	const struct scan_cue *cue = &j->s->cue[j->cue[k].idx];
	const struct scan_phrase *ph = &j->s->ph[p->idx];

	return !j->cdead[k] && (cue->kind == SCAN_CUE_ONGOING || cue->kind == SCAN_CUE_FIRST) &&
	    (cue->applies >> ph->cat & 1) && judge_compat(cue->langs, ph->langs) &&
	    judge_within(j, &j->cue[k], p, ph->langs);
}

/* An offer written over its financing word ("installment available")
 * speaks for the financing words within three words of it in its clause
 * too ("installment available thru Home Credit"). */
int
judge_offer_near(const struct judge *j, size_t k, const struct scan_ev *p)
{
	const struct scan_ev *c = &j->cue[k];
	const struct scan_cue *cue = &j->s->cue[c->idx];
	const struct scan_phrase *ph = &j->s->ph[p->idx];
	size_t a, b;

	if (j->cdead[k] || cue->kind != SCAN_CUE_OFFER || cue->position != SCAN_POS_OVER ||
	    !(ph->cues >> SCAN_CUE_OFFER & 1) || !(cue->applies >> ph->cat & 1) ||
	    !judge_compat(cue->langs, ph->langs) || c->field != p->field)
		return 0;
	if (c->off + c->len <= p->off) {
		a = c->off + c->len;
		b = p->off;
	} else if (p->off + p->len <= c->off) {
		a = p->off + p->len;
		b = c->off;
	} else {
		return 0;
	}
	return judge_words_in(j, c->field, a, b) <= 3 &&
	    !judge_clause_ends(j, c->field, a, b, ph->langs);
}
