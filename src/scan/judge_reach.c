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

static int
is_thai(uint32_t cp)
{
	return cp >= 0x0E01 && cp <= 0x0E5B;
}

/* 1 when the white space at t[i] stands between two Thai letters: Thai
 * writes a space where a clause ends, but around a Latin word or a
 * number ("ไม่ติด MDM", "มัดจำ 1,000") the space only sets it apart. */
static int
thai_space(const unsigned char *t, size_t n, size_t i)
{
	size_t k = i, len;
	uint32_t cp = 0;

	while (k > 0) {		/* back to the last code point that is no space */
		size_t q = k - 1;

		while (q > 0 && (t[q] & 0xC0) == 0x80)
			q--;
		utf8_decode((const char *)t + q, k - q, &cp);
		k = q;
		if (!casefold_is_space(cp))
			break;
	}
	if (!is_thai(cp))
		return 0;
	for (k = i; k < n; k += len) {
		len = utf8_decode((const char *)t + k, n - k, &cp);
		if (!casefold_is_space(cp))
			return is_thai(cp);
	}
	return 0;
}

/* 1 when a clause ends in [a, b) of field f, for a phrase of langs: a line
 * break, a sign that ends clauses (a '.' or ',' between digits, as in
 * "Rs. 15.000" or "1,500", is none), a contrast word of a language that
 * meets the phrase's, and for a Thai phrase a space between Thai letters.
 * With sentence, commas (Latin, Arabic, CJK) end nothing: only the end
 * of a sentence does. */
static int
ends(const struct judge *j, uint32_t f, size_t a, size_t b, uint32_t langs, int sentence)
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
		if (cp == '\n' || cp == '\r' ||
		    (thai && casefold_is_space(cp) && thai_space(t, fl->len, i)))
			return 1;
		if (!judge_is_boundary_cp(j->s, cp))
			continue;
		if (sentence && (cp == ',' || cp == 0x060C || cp == 0x3001 || cp == 0xFF0C))
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

int
judge_clause_ends(const struct judge *j, uint32_t f, size_t a, size_t b,
    uint32_t langs)
{
	return ends(j, f, a, b, langs, 0);
}

/* Words (runs of what is not white space) in [a, b) of field f.  What
 * has no letter is no word (an amount, a sign: "20 000", "1,500.00",
 * "৫০০", "$40", "700 ₽"), nor is a number with a short multiplier glued
 * to it ("200k", "500rb", "5tr"): "send first 20 000 by M-Pesa" has one
 * word between the cue and the phrase.  Counting stops past most: every
 * caller asks whether a cue is near, and a cue far off in a long text
 * would otherwise cost a walk to it. */
size_t
judge_words_in(const struct judge *j, uint32_t f, size_t a, size_t b, size_t most)
{
	const struct scan_field *fl = judge_field(j, f);
	size_t i, n = 0, len = 1;
	uint32_t cp = 0;
	unsigned letters = 0, digits = 0;	/* of the current run */

	for (i = a; i <= b && i <= fl->len; i += len) {
		int end = i == b || i == fl->len;

		if (!end) {
			if ((unsigned char)fl->p[i] < 0x80) {
				len = 1;
				cp = (unsigned char)fl->p[i];
			} else {
				len = utf8_decode(fl->p + i, fl->len - i, &cp);
			}
		}
		if (end || cp == ' ' || (cp >= '\t' && cp <= '\r') ||
		    (cp >= 0x80 && casefold_is_space(cp))) {
			n += letters > 2 || (letters > 0 && digits == 0);
			letters = digits = 0;
			if (end || n > most)
				break;
			continue;
		}
		if (cp < 0x80 ? (cp - '0' < 10u) : utf8_digit(cp) >= 0)
			digits++;
		else if (cp < 0x80 ? ((cp | 32) - 'a' < 26u) : casefold_is_word(cp))
			letters++;
	}
	return n;
}

/* Code points in [a, b) of field f, invisible ones and white space not
 * counted (in "ไม่ติด MDM" the space only sets the Latin word apart), up
 * to most + 1. */
static size_t
chars_in(const struct judge *j, uint32_t f, size_t a, size_t b, size_t most)
{
	const struct scan_field *fl = judge_field(j, f);
	size_t i, n = 0, len;
	uint32_t cp;

	for (i = a; i < b && i < fl->len && n <= most; i += len) {
		if ((unsigned char)fl->p[i] < 0x80) {
			len = 1;
			n += fl->p[i] != ' ' && (fl->p[i] < '\t' || fl->p[i] > '\r');
			continue;
		}
		len = utf8_decode(fl->p + i, fl->len - i, &cp);
		n += !casefold_is_ignorable(cp) && !casefold_is_space(cp);
	}
	return n;
}

/* 1 when the cue match c reaches the span t of a phrase (or cue) in the
 * languages langs, by the cue's position and reach (a reach within the
 * sentence, "6ws", goes over commas). */
int
judge_within(const struct judge *j, const struct scan_ev *c, const struct scan_ev *t,
    uint32_t langs)
{
	const struct scan_cue *cue = &j->s->cue[c->idx];
	size_t a, b;
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
	if (cue->reach == SCAN_REACH_WORDS &&
	    judge_words_in(j, c->field, a, b, cue->reach_n) > cue->reach_n)
		return 0;
	if (cue->reach == SCAN_REACH_CHARS && chars_in(j, c->field, a, b, cue->reach_n) > cue->reach_n)
		return 0;
	return !ends(j, c->field, a, b, langs, cue->sentence);
}

/* 1 when the cue k may cancel phrase match p (kind, category, cues
 * column, language, reach). */
int
judge_cancels(const struct judge *j, size_t k, const struct scan_ev *p, int kind)
{
	const struct scan_cue *cue = &j->s->cue[j->cue[k].idx];
	const struct scan_phrase *ph = &j->s->ph[p->idx];

	return !j->cdead[k] && cue->kind == kind && (ph->cues >> kind & 1) &&
	    (cue->applies >> ph->cat & 1) && judge_cue_fits(cue, ph) &&
	    judge_within(j, &j->cue[k], p, ph->langs);
}

/* A cue that makes a weak word of its categories say what it means: an
 * ongoing cue ("faltam", "baaki", "remaining") a financing word (the plan
 * is still running), a first cue ("first", "pehle", "muna") a payment
 * word (the money is asked before the buyer sees the phone), an account
 * cue ("জিমেইল", Gmail; "iCloud") a lock word (the lock is the account's,
 * which no reset removes).  A first cue lifts a payment word of any
 * language but one its text is another word in (a homograph row): a
 * wallet is a name its markets write alike in each of their languages
 * ("Lipa kwa MTN MoMo kwanza", "envoyez le montant par Airtel Money et
 * je l'expédie"). */
int
judge_lifts(const struct judge *j, size_t k, const struct scan_ev *p)
{
	const struct scan_cue *cue = &j->s->cue[j->cue[k].idx];
	const struct scan_phrase *ph = &j->s->ph[p->idx];

	return !j->cdead[k] && (cue->kind == SCAN_CUE_ONGOING || cue->kind == SCAN_CUE_FIRST ||
	    cue->kind == SCAN_CUE_ACCOUNT) &&
	    (cue->applies >> ph->cat & 1) &&
	    (cue->kind == SCAN_CUE_FIRST ? (ph->langs & ~cue->not_langs) != 0 :
	    judge_cue_fits(cue, ph)) &&
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
	    !judge_cue_fits(cue, ph) || c->field != p->field)
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
	return judge_words_in(j, c->field, a, b, 3) <= 3 &&
	    !judge_clause_ends(j, c->field, a, b, ph->langs);
}
