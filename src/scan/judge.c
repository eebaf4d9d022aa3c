/* SPDX-License-Identifier: MIT */
/* judge: the cue rules of docs/data-sources.md over one listing's phrase
 * matches: which are negated, paid off, a shop's offer, an accessory
 * listing's, a person's name, ruled out by the category, and which count.
 *
 *   1. longest match: a cue inside a longer cue or phrase is none, a
 *      phrase inside a longer phrase is the longer one's
 *   2. clauses: punctuation, line breaks, contrast words (and, for Thai,
 *      spaces) end them; Nw, Nc and clause reaches stay inside one
 *   3. a negation that reaches a completion cue cancels the completion
 *   4. a phrase inside a completion or offer cue written over it is that
 *      cue's; otherwise a cue cancels a phrase whose category it applies
 *      to, whose cues column lists its kind, in a language that meets the
 *      phrase's, within its position and reach
 *   5. an accessory or SIM listing (its category column, or an accessory
 *      in the title not sold with a phone) counts only bypass and theft
 *   6. a given name ("Emi") in title case is a name after a person cue,
 *      before "'s", where the listing names it so elsewhere, or in the
 *      middle of a sentence with no other red flag near it
 */
#include <stdlib.h>
#include <string.h>

#include "lib/casefold.h"
#include "lib/utf8.h"
#include "scan/scan_priv.h"

#define JUDGE_MAX_CUES 512	/* cue matches looked at per listing */
#define LANG_EN 1u		/* build.c: "en" is the first bit */
#define NAME_NEAR 3		/* words: another red flag this near a title-case
				 * name makes it the word, not the name */

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

static int
cmp_ev(const void *a, const void *b)
{
	const struct scan_ev *x = a, *y = b;

	if (x->field != y->field)
		return x->field < y->field ? -1 : 1;
	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	if (x->len != y->len)
		return x->len > y->len ? -1 : 1;	/* longer first */
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* Sorts by cmp_ev: insertion sort for the few matches of a listing. */
static void
sort_ev(struct scan_ev *e, size_t n)
{
	size_t i, k;

	if (n > 64) {
		qsort(e, n, sizeof *e, cmp_ev);
		return;
	}
	for (i = 1; i < n; i++) {
		struct scan_ev x = e[i];

		for (k = i; k > 0 && cmp_ev(&e[k - 1], &x) > 0; k--)
			e[k] = e[k - 1];
		e[k] = x;
	}
}

/* 1 when b lies inside a and a is longer. */
static int
inside(const struct scan_ev *b, const struct scan_ev *a)
{
	return a->field == b->field && a->off <= b->off &&
	    b->off + b->len <= a->off + a->len && a->len > b->len;
}

static int
compat(uint32_t cue_langs, uint32_t phrase_langs)
{
	return (cue_langs & phrase_langs) || (cue_langs & LANG_EN) || (phrase_langs & LANG_EN);
}

static const struct scan_field *
field(const struct judge *j, uint32_t f)
{
	return &j->in->f[f];
}

static int
is_boundary_cp(const struct scan *s, uint32_t cp)
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
 * break, a sign that ends clauses (a '.' between digits, as in "Rs. 15.000",
 * is none), a contrast word of a language that meets the phrase's, and for
 * a Thai phrase a space. */
static int
clause_ends(const struct judge *j, uint32_t f, size_t a, size_t b, uint32_t langs)
{
	const struct scan_field *fl = field(j, f);
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
		if (!is_boundary_cp(j->s, cp))
			continue;
		if (cp == '.' && i > 0 && i + 1 < fl->len && (unsigned)(t[i - 1] - '0') < 10u &&
		    (unsigned)(t[i + 1] - '0') < 10u)
			continue;
		return 1;
	}
	for (k = 0; k < j->ncue; k++) {
		const struct scan_ev *c = &j->cue[k];

		if (j->cdead[k] || c->field != f || j->s->cue[c->idx].kind != SCAN_CUE_BOUNDARY)
			continue;
		if (c->off >= a && c->off + c->len <= b && compat(j->s->cue[c->idx].langs, langs))
			return 1;
	}
	return 0;
}

/* Words (runs of what is not white space) in [a, b) of field f. */
static size_t
words_in(const struct judge *j, uint32_t f, size_t a, size_t b)
{
	const struct scan_field *fl = field(j, f);
	size_t i, n = 0, len;
	uint32_t cp;
	int in = 0;

	for (i = a; i < b && i < fl->len; i += len) {
		if ((unsigned char)fl->p[i] < 0x80) {
			len = 1;
			cp = (unsigned char)fl->p[i];
			if (cp == ' ' || (cp >= '\t' && cp <= '\r')) {
				in = 0;
				continue;
			}
		} else {
			len = utf8_decode(fl->p + i, fl->len - i, &cp);
		}
		if (cp >= 0x80 && casefold_is_space(cp))
			in = 0;
		else if (!in) {
			in = 1;
			n++;
		}
	}
	return n;
}

/* Code points in [a, b) of field f, invisible ones not counted. */
static size_t
chars_in(const struct judge *j, uint32_t f, size_t a, size_t b)
{
	const struct scan_field *fl = field(j, f);
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
static int
within(const struct judge *j, const struct scan_ev *c, const struct scan_ev *t,
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
		return field(j, c->field)->role == SCAN_TITLE;
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
	if (cue->reach == SCAN_REACH_WORDS && words_in(j, c->field, a, b) > cue->reach_n)
		return 0;
	if (cue->reach == SCAN_REACH_CHARS && (d = chars_in(j, c->field, a, b)) > cue->reach_n)
		return 0;
	return !clause_ends(j, c->field, a, b, langs);
}

/* 1 when the cue k may cancel phrase match p (kind, category, cues
 * column, language, reach). */
static int
cancels(const struct judge *j, size_t k, const struct scan_ev *p, int kind)
{
	const struct scan_cue *cue = &j->s->cue[j->cue[k].idx];
	const struct scan_phrase *ph = &j->s->ph[p->idx];

	return !j->cdead[k] && cue->kind == kind && (ph->cues >> kind & 1) &&
	    (cue->applies >> ph->cat & 1) && compat(cue->langs, ph->langs) &&
	    within(j, &j->cue[k], p, ph->langs);
}

/* An offer written over its financing word ("installment available")
 * speaks for the financing words within three words of it in its clause
 * too ("installment available thru Home Credit"). */
static int
offer_near(const struct judge *j, size_t k, const struct scan_ev *p)
{
	const struct scan_ev *c = &j->cue[k];
	const struct scan_cue *cue = &j->s->cue[c->idx];
	const struct scan_phrase *ph = &j->s->ph[p->idx];
	size_t a, b;

	if (j->cdead[k] || cue->kind != SCAN_CUE_OFFER || cue->position != SCAN_POS_OVER ||
	    !(ph->cues >> SCAN_CUE_OFFER & 1) || !(cue->applies >> ph->cat & 1) ||
	    !compat(cue->langs, ph->langs) || c->field != p->field)
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
	return words_in(j, c->field, a, b) <= 3 && !clause_ends(j, c->field, a, b, ph->langs);
}

/* -------------------------------------------------- longest match first */

static void
longest_match(struct judge *j)
{
	size_t a, b;

	for (a = 0; a < j->ncue; a++)
		for (b = 0; b < j->ncue && !j->cdead[a]; b++)
			if (b != a && inside(&j->cue[a], &j->cue[b]))
				j->cdead[a] = 1;
	for (a = 0; a < j->ncue; a++)
		for (b = 0; b < j->nph && !j->cdead[a]; b++)
			if (inside(&j->cue[a], &j->ph[b]))
				j->cdead[a] = 1;
	for (a = 0; a < j->nph; a++)
		for (b = 0; b < j->nph; b++)
			if (b != a && inside(&j->ph[a], &j->ph[b])) {
				j->pdead[a] = 1;
				/* "no box" inside "no box no bill" still says it */
				j->psig[b] |= j->psig[a];
			}
}

/* A completion cue a negation reaches is none ("not fully paid"). */
static void
negated_completions(struct judge *j)
{
	size_t c, n;

	for (c = 0; c < j->ncue; c++) {
		const struct scan_cue *cc = &j->s->cue[j->cue[c].idx];

		if (j->cdead[c] || cc->kind != SCAN_CUE_COMPLETION)
			continue;
		for (n = 0; n < j->ncue; n++) {
			const struct scan_cue *nc = &j->s->cue[j->cue[n].idx];

			if (!j->cdead[n] && nc->kind == SCAN_CUE_NEGATION &&
			    compat(nc->langs, cc->langs) &&
			    within(j, &j->cue[n], &j->cue[c], cc->langs)) {
				j->cdead[c] = 1;
				break;
			}
		}
	}
}

/* The denial after a contrast word that answers the clause before it:
 * "nakaw daw, pero hindi!", "stolen they say, but no.": a negation cue
 * right after a contrast word (boundary) with nothing after it in its
 * clause.  Returns the contrast word's index, or -1. */
static long
denial_after_contrast(const struct judge *j, size_t n)
{
	const struct scan_ev *c = &j->cue[n];
	const struct scan_field *f = field(j, c->field);
	size_t b, i, len;
	uint32_t cp;

	for (b = 0; b < j->ncue; b++) {
		const struct scan_ev *w = &j->cue[b];

		if (j->cdead[b] || j->s->cue[w->idx].kind != SCAN_CUE_BOUNDARY ||
		    w->field != c->field || w->off + w->len > c->off ||
		    words_in(j, c->field, w->off + w->len, c->off) != 0)
			continue;
		/* nothing but signs and blanks until the clause ends */
		for (i = c->off + c->len; i < f->len; i += len) {
			len = utf8_decode(f->p + i, f->len - i, &cp);
			if (cp == '\n' || is_boundary_cp(j->s, cp))
				break;
			if (!casefold_is_space(cp) && casefold_is_word(cp))
				return -1;
		}
		return (long)b;
	}
	return -1;
}

/* 1 when the negation cue n denies phrase match p from after a contrast
 * word (denial_after_contrast): p stands in the clause right before the
 * contrast word, within six words of it. */
static int
denies_back(struct judge *j, size_t n, const struct scan_ev *p)
{
	const struct scan_cue *cue = &j->s->cue[j->cue[n].idx];
	const struct scan_phrase *ph = &j->s->ph[p->idx];
	const struct scan_ev *w;
	long b;
	size_t i;

	if (j->cdead[n] || cue->kind != SCAN_CUE_NEGATION || !(ph->cues >> SCAN_CUE_NEGATION & 1) ||
	    !(cue->applies >> ph->cat & 1) || !compat(cue->langs, ph->langs) ||
	    j->cue[n].field != p->field || j->cue[n].off < p->off + p->len)
		return 0;
	if (j->contrast[n] == -2)
		j->contrast[n] = (int32_t)denial_after_contrast(j, n);
	if ((b = j->contrast[n]) < 0)
		return 0;
	w = &j->cue[b];
	if (p->off + p->len > w->off || words_in(j, p->field, p->off + p->len, w->off) > 6)
		return 0;
	for (i = p->off + p->len; i < w->off; i++)
		if (field(j, p->field)->p[i] == '\n')
			return 0;
	for (i = 0; i < j->ncue; i++)	/* no other contrast word between */
		if (i != (size_t)b && !j->cdead[i] &&
		    j->s->cue[j->cue[i].idx].kind == SCAN_CUE_BOUNDARY &&
		    j->cue[i].field == p->field && j->cue[i].off >= p->off + p->len &&
		    j->cue[i].off < w->off)
			return 0;
	return 1;
}

/* ---------------------------------------------------- accessory listings */

int
scan_accessory_category(const struct scan_listing *in)
{
	static const char *const words[] = {
		"accessor", "accesor", "acessór", "acessor", "aksesor", "aksesuar",
		"аксессуар", "アクセサリ", "配件", "phụ kiện", "อุปกรณ์เสริม",
		"ملحقات", "إكسسوار", "sim", "chip", "case", "cover", "charger",
	};
	size_t i, k, w;
	char low[128];

	for (i = 0; i < in->nf; i++) {
		const struct scan_field *f = &in->f[i];

		if (f->role != SCAN_CATEGORY || f->len == 0)
			continue;
		for (k = 0; k < f->len && k < sizeof low - 1; k++)
			low[k] = f->p[k] >= 'A' && f->p[k] <= 'Z' ? (char)(f->p[k] + 32) : f->p[k];
		low[k] = '\0';
		for (w = 0; w < sizeof words / sizeof words[0]; w++) {
			const char *at = strstr(low, words[w]);
			size_t wl = strlen(words[w]);

			/* "sim", "case": a word of its own, or its plural
			 * ("Phone cases"), not "simple" */
			if (at && (wl > 5 || ((at == low || !casefold_is_word((unsigned char)at[-1])) &&
			    (!casefold_is_word((unsigned char)at[wl]) ||
			    (at[wl] == 's' && !casefold_is_word((unsigned char)at[wl + 1]))))))
				return 1;
		}
	}
	return 0;
}

/* The accessory cue in a title that makes the listing an accessory's, or
 * -1: one no included cue governs ("with charger" sells a phone). */
static long
accessory_title(const struct judge *j)
{
	size_t a, i;

	for (a = 0; a < j->ncue; a++) {
		const struct scan_cue *ac = &j->s->cue[j->cue[a].idx];
		int governed = 0;

		if (j->cdead[a] || ac->kind != SCAN_CUE_ACCESSORY ||
		    field(j, j->cue[a].field)->role != SCAN_TITLE)
			continue;
		for (i = 0; i < j->ncue && !governed; i++) {
			const struct scan_cue *ic = &j->s->cue[j->cue[i].idx];

			governed = !j->cdead[i] && ic->kind == SCAN_CUE_INCLUDED &&
			    compat(ic->langs, ac->langs) &&
			    within(j, &j->cue[i], &j->cue[a], ac->langs);
		}
		if (!governed)
			return (long)a;
	}
	return -1;
}

/* ---------------------------------------------------------------- names */

/* 1 when the match is written in title case: "Emi", not "EMI" or "emi". */
static int
title_case(const struct judge *j, const struct scan_ev *p)
{
	const char *t = field(j, p->field)->p + p->off;
	size_t i;

	if (p->len < 2 || !(t[0] >= 'A' && t[0] <= 'Z'))
		return 0;
	for (i = 1; i < p->len; i++)
		if (t[i] >= 'A' && t[i] <= 'Z')
			return 0;
	return 1;
}

/* 1 when the match stands inside a sentence of a description (not its
 * first word), and no other phrase or cue of the listing stands within
 * NAME_NEAR words of it. */
static int
mid_sentence_alone(const struct judge *j, size_t pi)
{
	const struct scan_ev *p = &j->ph[pi];
	const struct scan_field *f = field(j, p->field);
	size_t i = p->off, k;
	uint32_t cp;

	if (f->role == SCAN_TITLE)
		return 0;
	while (i > 0) {		/* the character before the word */
		for (k = i - 1; k > 0 && ((unsigned char)f->p[k] & 0xC0) == 0x80; k--)
			;
		utf8_decode(f->p + k, i - k, &cp);
		if (!casefold_is_space(cp))
			break;
		i = k;
	}
	if (i == 0 || is_boundary_cp(j->s, cp) || cp == '\n')
		return 0;
	for (k = 0; k < j->nph; k++) {
		const struct scan_ev *q = &j->ph[k];

		if (k == pi || j->pdead[k] || q->field != p->field)
			continue;
		if (q->off + q->len <= p->off &&
		    words_in(j, p->field, q->off + q->len, p->off) <= NAME_NEAR)
			return 0;
		if (p->off + p->len <= q->off &&
		    words_in(j, p->field, p->off + p->len, q->off) <= NAME_NEAR)
			return 0;
	}
	for (k = 0; k < j->ncue; k++) {
		const struct scan_ev *q = &j->cue[k];
		int kind = j->s->cue[q->idx].kind;

		if (j->cdead[k] || q->field != p->field || (kind != SCAN_CUE_COMPLETION &&
		    kind != SCAN_CUE_OFFER && kind != SCAN_CUE_NEGATION))
			continue;
		if (q->off + q->len <= p->off &&
		    words_in(j, p->field, q->off + q->len, p->off) <= NAME_NEAR)
			return 0;
		if (p->off + p->len <= q->off &&
		    words_in(j, p->field, p->off + p->len, q->off) <= NAME_NEAR)
			return 0;
	}
	return 1;
}

/* ------------------------------------------------------------- the rules */

/* The status of phrase match pi and the cue behind it (*cue). */
static int
judge_one(struct judge *j, size_t pi, int acc_cat, long acc_cue, uint32_t *cue)
{
	const struct scan_ev *p = &j->ph[pi];
	const struct scan_phrase *ph = &j->s->ph[p->idx];
	size_t k;

	*cue = UINT32_MAX;
	/* inside a completion or offer written over it ("no cost emi") */
	for (k = 0; k < j->ncue; k++) {
		const struct scan_cue *c = &j->s->cue[j->cue[k].idx];

		if (!j->cdead[k] && c->position == SCAN_POS_OVER &&
		    (c->kind == SCAN_CUE_COMPLETION || c->kind == SCAN_CUE_OFFER) &&
		    within(j, &j->cue[k], p, ph->langs)) {
			*cue = j->cue[k].idx;
			return c->kind == SCAN_CUE_OFFER ? SCAN_HIT_OFFER : SCAN_HIT_PAID_OFF;
		}
	}
	if (acc_cat && ph->cat != SCAN_CAT_BYPASS && ph->cat != SCAN_CAT_THEFT)
		return SCAN_HIT_CATEGORY;
	for (k = 0; k < j->ncue; k++)
		if (cancels(j, k, p, SCAN_CUE_NEGATION) || denies_back(j, k, p)) {
			*cue = j->cue[k].idx;
			return SCAN_HIT_NEGATED;
		}
	for (k = 0; k < j->ncue; k++)
		if (cancels(j, k, p, SCAN_CUE_COMPLETION)) {
			*cue = j->cue[k].idx;
			return SCAN_HIT_PAID_OFF;
		}
	for (k = 0; k < j->ncue; k++)
		if (cancels(j, k, p, SCAN_CUE_OFFER) || offer_near(j, k, p)) {
			*cue = j->cue[k].idx;
			return SCAN_HIT_OFFER;
		}
	if (acc_cue >= 0 && (ph->cues >> SCAN_CUE_ACCESSORY & 1) &&
	    (ph->cat == SCAN_CAT_FINANCING || ph->cat == SCAN_CAT_LOCK)) {
		*cue = j->cue[acc_cue].idx;
		return SCAN_HIT_ACCESSORY;
	}
	if (ph->person && title_case(j, p))
		for (k = 0; k < j->ncue; k++)
			if (cancels(j, k, p, SCAN_CUE_PERSON)) {
				*cue = j->cue[k].idx;
				return SCAN_HIT_NAME;
			}
	return ph->weight >= 2 ? SCAN_HIT_COUNTED : SCAN_HIT_WEAK;
}

/* 1 when the nearest letters before and after the match (past blanks
 * and signs) are of another script than Latin, or there are none: a
 * Latin word in Japanese or Arabic text ("Emiより", "اتصل بـ Emi"). */
static int
among_other_script(const struct judge *j, const struct scan_ev *p)
{
	const struct scan_field *f = field(j, p->field);
	size_t i = p->off, k, len;
	uint32_t cp = 0;
	int other = 0, any = 0;

	while (i > 0) {
		for (k = i - 1; k > 0 && ((unsigned char)f->p[k] & 0xC0) == 0x80; k--)
			;
		utf8_decode(f->p + k, i - k, &cp);
		i = k;
		if (casefold_is_word(cp) || cp >= 0x3000) {
			if (casefold_is_latin(cp) || (cp >= '0' && cp <= '9'))
				return 0;
			other = any = 1;
			break;
		}
	}
	for (i = p->off + p->len; i < f->len; i += len) {
		len = utf8_decode(f->p + i, f->len - i, &cp);
		if (casefold_is_word(cp) || cp >= 0x3000) {
			if (casefold_is_latin(cp) || (cp >= '0' && cp <= '9'))
				return 0;
			other = any = 1;
			break;
		}
	}
	return any && other;
}

/* A title-case name with no cue of its own is a name too when the
 * listing names it so elsewhere, when it stands alone in a sentence, or
 * when it is a Latin word among another script's. */
static int
more_names(struct judge *j, size_t pi, const uint8_t *status)
{
	const struct scan_ev *p = &j->ph[pi];
	size_t k;

	if (!j->s->ph[p->idx].person || !title_case(j, p))
		return 0;
	for (k = 0; k < j->nph; k++)
		if (status[k] == SCAN_HIT_NAME && j->ph[k].idx == p->idx)
			return 1;
	return mid_sentence_alone(j, pi) || among_other_script(j, p);
}

static void
add_hit(struct scan_result *out, const struct scan_ev *p, int status, uint32_t cue)
{
	size_t i;

	for (i = 0; i < out->nhits; i++)
		if (out->hits[i].phrase == p->idx && out->hits[i].field == p->field &&
		    out->hits[i].status == status)
			return;
	if (out->nhits == SCAN_MAX_HITS) {
		out->more = 1;
		return;
	}
	out->hits[out->nhits].phrase = p->idx;
	out->hits[out->nhits].field = p->field;
	out->hits[out->nhits].off = p->off;
	out->hits[out->nhits].len = p->len;
	out->hits[out->nhits].cue = cue;
	out->hits[out->nhits].status = (uint8_t)status;
	out->nhits++;
}

void
scan_judge(const struct scan *s, const struct scan_listing *in, struct scan_ev *ph,
    size_t nph, struct scan_ev *cue, size_t ncue, struct scan_result *out)
{
	static struct judge zero;
	struct judge j = zero;
	uint8_t status[SCAN_MAX_HITS];
	uint32_t by[SCAN_MAX_HITS];
	size_t k;
	unsigned weakcats = 0;
	long acc_cue;
	int acc_cat;

	sort_ev(ph, nph);
	sort_ev(cue, ncue);
	if (nph > SCAN_MAX_HITS) {
		nph = SCAN_MAX_HITS;
		out->more = 1;
	}
	if (ncue > JUDGE_MAX_CUES)
		ncue = JUDGE_MAX_CUES;
	j.s = s;
	j.in = in;
	j.ph = ph;
	j.nph = nph;
	j.cue = cue;
	j.ncue = ncue;
	memset(status, 0xFF, sizeof status);
	for (k = 0; k < ncue; k++)
		j.contrast[k] = -2;
	for (k = 0; k < nph; k++) {
		const struct scan_phrase *p = &s->ph[ph[k].idx];

		if (p->cat == SCAN_CAT_NO_PROOF)
			j.psig[k] = p->weight >= 2 ? SCAN_SIG_NO_BILL : SCAN_SIG_NO_BOX;
	}
	longest_match(&j);
	negated_completions(&j);
	acc_cat = scan_accessory_category(in);
	acc_cue = acc_cat ? -1 : accessory_title(&j);
	for (k = 0; k < nph; k++)
		if (!j.pdead[k])
			status[k] = (uint8_t)judge_one(&j, k, acc_cat, acc_cue, &by[k]);
	for (k = 0; k < nph; k++)
		if (!j.pdead[k] && (status[k] == SCAN_HIT_COUNTED || status[k] == SCAN_HIT_WEAK) &&
		    more_names(&j, k, status)) {
			status[k] = SCAN_HIT_NAME;
			by[k] = UINT32_MAX;
		}
	for (k = 0; k < nph; k++) {
		const struct scan_phrase *p = &s->ph[ph[k].idx];

		if (j.pdead[k])
			continue;
		add_hit(out, &ph[k], status[k], by[k]);
		if (status[k] == SCAN_HIT_COUNTED) {
			out->reasons |= 1u << p->reason;
			out->strong += p->weight == 3;
		}
		if (status[k] == SCAN_HIT_WEAK)
			weakcats |= 1u << p->cat;
		if (status[k] == SCAN_HIT_COUNTED || status[k] == SCAN_HIT_WEAK)
			out->signals |= j.psig[k];
	}
	/* one weak word ("locked", "balance") is common in clean listings;
	 * weak words of two categories together are worth a look */
	if (weakcats & (weakcats - 1))
		out->reasons |= 1u << SCAN_WEAK_PHRASE;
}
