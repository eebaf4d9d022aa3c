/* SPDX-License-Identifier: MIT */
/* judge_names: the judge's (judge.c) look at what a listing is and who
 * it names: an accessory or SIM listing by its category column or its
 * title, and a given name ("Emi") that is a person, not a financing
 * word. */
#include <string.h>

#include "lib/casefold.h"
#include "lib/utf8.h"
#include "scan/judge_priv.h"

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
long
judge_accessory_title(const struct judge *j)
{
	size_t a, i;

	for (a = 0; a < j->ncue; a++) {
		const struct scan_cue *ac = &j->s->cue[j->cue[a].idx];
		int governed = 0;

		if (j->cdead[a] || ac->kind != SCAN_CUE_ACCESSORY ||
		    judge_field(j, j->cue[a].field)->role != SCAN_TITLE)
			continue;
		for (i = 0; i < j->ncue && !governed; i++) {
			const struct scan_cue *ic = &j->s->cue[j->cue[i].idx];

			governed = !j->cdead[i] && ic->kind == SCAN_CUE_INCLUDED &&
			    judge_compat(ic->langs, ac->langs) &&
			    judge_within(j, &j->cue[i], &j->cue[a], ac->langs);
		}
		if (!governed)
			return (long)a;
	}
	return -1;
}

/* ---------------------------------------------------------------- names */

/* 1 when the match is written in title case: "Emi", not "EMI" or "emi". */
int
judge_title_case(const struct judge *j, const struct scan_ev *p)
{
	const char *t = judge_field(j, p->field)->p + p->off;
	size_t i;

	if (p->len < 2 || !(t[0] >= 'A' && t[0] <= 'Z'))
		return 0;
	for (i = 1; i < p->len; i++)
		if (t[i] >= 'A' && t[i] <= 'Z')
			return 0;
	return 1;
}

/* 1 when match q stands within NAME_NEAR words of match p, before or
 * after it, in the same field. */
static int
near(const struct judge *j, const struct scan_ev *p, const struct scan_ev *q)
{
	if (q->field != p->field)
		return 0;
	if (q->off + q->len <= p->off)
		return judge_words_in(j, p->field, q->off + q->len, p->off, NAME_NEAR) <= NAME_NEAR;
	if (p->off + p->len <= q->off)
		return judge_words_in(j, p->field, p->off + p->len, q->off, NAME_NEAR) <= NAME_NEAR;
	return 0;
}

/* 1 when the match stands inside a sentence of a description (not its
 * first word), and no other phrase or cue of the listing stands within
 * NAME_NEAR words of it. */
static int
mid_sentence_alone(const struct judge *j, size_t pi)
{
	const struct scan_ev *p = &j->ph[pi];
	const struct scan_field *f = judge_field(j, p->field);
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
	if (i == 0 || judge_is_boundary_cp(j->s, cp) || cp == '\n')
		return 0;
	for (k = 0; k < j->nph; k++) {
		const struct scan_ev *q = &j->ph[k];

		if (k != pi && !j->pdead[k] && near(j, p, q))
			return 0;
	}
	for (k = 0; k < j->ncue; k++) {
		const struct scan_ev *q = &j->cue[k];
		int kind = j->s->cue[q->idx].kind;

		if (!j->cdead[k] && (kind == SCAN_CUE_COMPLETION || kind == SCAN_CUE_OFFER ||
		    kind == SCAN_CUE_NEGATION) && near(j, p, q))
			return 0;
	}
	return 1;
}

/* 1 when the nearest letters before and after the match (past blanks
 * and signs) are of another script than Latin, or there are none: a
 * Latin word in Japanese or Arabic text ("Emiより", "اتصل بـ Emi"). */
static int
among_other_script(const struct judge *j, const struct scan_ev *p)
{
	const struct scan_field *f = judge_field(j, p->field);
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
int
judge_more_names(struct judge *j, size_t pi, const uint8_t *status)
{
	const struct scan_ev *p = &j->ph[pi];
	size_t k;

	if (!j->s->ph[p->idx].person || !judge_title_case(j, p))
		return 0;
	for (k = 0; k < j->nph; k++)
		if (status[k] == SCAN_HIT_NAME && j->ph[k].idx == p->idx)
			return 1;
	return mid_sentence_alone(j, pi) || among_other_script(j, p);
}
