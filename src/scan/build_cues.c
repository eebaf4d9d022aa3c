/* SPDX-License-Identifier: MIT */
/* build_cues: the cue tables (negation, completion, ongoing, offer,
 * accessory, person, first, coordinator, contrast and boundary cues)
 * read into the scan once, with the two cue matchers: the one for every
 * text and the one for titles. */
#include <stdlib.h>
#include <string.h>

#include "lib/casefold.h"
#include "lib/utf8.h"
#include "scan/affix.h"
#include "scan/scan_priv.h"

static int
kind_of(const char *k)
{
	static const char *const kinds[SCAN_NCUEKINDS] = {
		[SCAN_CUE_NEGATION] = "negation", [SCAN_CUE_BOUNDARY] = "boundary",
		[SCAN_CUE_COMPLETION] = "completion", [SCAN_CUE_OFFER] = "offer",
		[SCAN_CUE_ACCESSORY] = "accessory", [SCAN_CUE_INCLUDED] = "included",
		[SCAN_CUE_PERSON] = "person", [SCAN_CUE_ONGOING] = "ongoing",
		[SCAN_CUE_FIRST] = "first", [SCAN_CUE_COORDINATOR] = "coordinator",
		[SCAN_CUE_HOMOGRAPH] = "homograph", [SCAN_CUE_RECEIPT] = "receipt",
		[SCAN_CUE_ACCOUNT] = "account",
	};
	int i;

	for (i = 0; i < SCAN_NCUEKINDS; i++)
		if (strcmp(k, kinds[i]) == 0)
			return i;
	return -1;
}

static int
position_of(const char *p)
{
	static const char *const pos[] = {
		[SCAN_POS_NONE] = "-", [SCAN_POS_BEFORE] = "before",
		[SCAN_POS_AFTER] = "after", [SCAN_POS_EITHER] = "either",
		[SCAN_POS_OVER] = "over",
	};
	int i;

	for (i = 0; i < (int)(sizeof pos / sizeof pos[0]); i++)
		if (strcmp(p, pos[i]) == 0)
			return i;
	return -1;
}

/* reach: "3w", "15c", "clause", "listing", "title", "-"; "6ws", "10cs":
 * words or characters within the sentence (*sentence = 1). */
static int
reach_of(const char *r, uint16_t *n, uint8_t *sentence)
{
	char *end;
	long v;

	*n = 0;
	*sentence = 0;
	if (strcmp(r, "clause") == 0)
		return SCAN_REACH_CLAUSE;
	if (strcmp(r, "listing") == 0)
		return SCAN_REACH_LISTING;
	if (strcmp(r, "title") == 0)
		return SCAN_REACH_TITLE;
	if (strcmp(r, "-") == 0)
		return SCAN_REACH_NONE;
	v = strtol(r, &end, 10);
	if (end == r || v < 0 || v > 1000 || (end[0] != 'w' && end[0] != 'c') ||
	    (end[1] && (end[1] != 's' || end[2])))
		return -1;
	*n = (uint16_t)v;
	*sentence = end[1] == 's';
	return end[0] == 'w' ? SCAN_REACH_WORDS : SCAN_REACH_CHARS;
}

static uint8_t
applies_of(const char *list)
{
	const char *p = list;
	uint8_t bits = 0;
	char cat[24];
	size_t n;
	int c;

	if (strcmp(list, "*") == 0)
		return 0xFF;
	while (*p && strcmp(list, "-") != 0) {
		n = strcspn(p, ";");
		if (n < sizeof cat) {
			memcpy(cat, p, n);
			cat[n] = '\0';
			if ((c = scan_cat_of(cat)) >= 0)
				bits |= (uint8_t)(1u << c);
		}
		p += n;
		if (*p == ';')
			p++;
	}
	return bits;
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* One sign that ends a clause (".", "،", "✅"), kept apart from the cue
 * matcher: the judge looks for them between a cue and its phrase. */
static int
add_boundary_cp(struct scan *s, uint32_t cp)
{
	size_t i;

	for (i = 0; i < s->nboundary_cp; i++)
		if (s->boundary_cp[i] == cp)
			return 0;
	s->boundary_cp[s->nboundary_cp++] = cp;
	return 0;
}

/* 1 when text is one or two Latin letters: a word that other languages
 * write too ("ko", "na", "ou", "o"). */
static int
short_latin(const char *text)
{
	size_t n = strlen(text), i;

	for (i = 0; i < n; i++)
		if (!((text[i] | 32) >= 'a' && (text[i] | 32) <= 'z'))
			return 0;
	return n <= 2;
}

/* The affixes a cue row's text may wear: Arabic glues the article and
 * the conjunctions to a noun or a verb ("العربون", "وخلصت"), so an
 * Arabic cue of words (first, completion, ongoing, offer) takes them; a
 * negation takes the conjunctions alone ("وما عليه أقساط", and no
 * instalments on it), as "كما" (as) and "لما" (when) are no negations;
 * a coordinator none ("ولا" is a row of its own). */
static uint8_t
cue_affixes(const struct scan_cue *c)
{
	if (c->langs == UINT32_MAX || !(c->langs & scan_lang_bits("ar")))
		return 0;	/* ("*": every language, signs) */
	switch (c->kind) {
	case SCAN_CUE_FIRST: case SCAN_CUE_COMPLETION: case SCAN_CUE_ONGOING:
	case SCAN_CUE_OFFER:
		return SCAN_AFFIX_AR;
	case SCAN_CUE_NEGATION:
		return SCAN_AFFIX_AR_CONJ;
	default:
		return 0;
	}
}

/* A cue row by its text, for grouping the rows that read the same. */
struct cue_ref {
	const char *text;
	uint32_t row;
};

static int
cmp_cue_ref(const void *a, const void *b)
{
	const struct cue_ref *x = a, *y = b;
	int c = strcmp(x->text, y->text);

	return c ? c : (x->row > y->row) - (x->row < y->row);
}

/* The cue rows of one kind group (titles or not) as the phrases of set:
 * each distinct text once, in the order of its first row, with every row
 * that has it (rows sorted by text, so that finding them costs no pass
 * over all rows for each). */
static int
build_cueset(struct scan *s, struct scan_cueset *set, int titles, struct error *e)
{
	struct cue_ref *ref = malloc((s->ncue + 1) * sizeof *ref);
	uint32_t *lead = malloc((s->ncue + 1) * sizeof *lead);	/* row -> its group in ref */
	size_t i, x, y, nref = 0, n = 0;
	int rc = -1;

	set->at = calloc(s->ncue + 2, sizeof *set->at);
	set->rows = calloc(s->ncue + 1, sizeof *set->rows);
	set->affixes = calloc(s->ncue + 1, sizeof *set->affixes);
	if (!set->at || !set->rows || !set->affixes || !ref || !lead) {
		error_set(e, 0, 0, "out of memory");
		goto out;
	}
	for (i = 0; i < s->ncue; i++) {
		const struct scan_cue *c = &s->cue[i];

		lead[i] = UINT32_MAX;
		if ((c->kind == SCAN_CUE_ACCESSORY || c->kind == SCAN_CUE_INCLUDED) == titles) {
			ref[nref].text = c->text;
			ref[nref++].row = (uint32_t)i;
		}
	}
	qsort(ref, nref, sizeof *ref, cmp_cue_ref);
	for (x = 0; x < nref; x = y) {
		for (y = x + 1; y < nref && strcmp(ref[y].text, ref[x].text) == 0; y++)
			;
		lead[ref[x].row] = (uint32_t)x;	/* its first row leads */
	}
	for (i = 0; i < s->ncue; i++) {
		if (lead[i] == UINT32_MAX)
			continue;
		set->at[set->n] = (uint32_t)n;
		set->affixes[set->n] = 0;
		for (x = lead[i]; x < nref && (x == lead[i] ||
		    strcmp(ref[x].text, s->cue[i].text) == 0); x++) {
			set->rows[n++] = ref[x].row;
			set->affixes[set->n] |= cue_affixes(&s->cue[ref[x].row]);
		}
		if (matcher_add(&set->m, s->cue[i].text, strlen(s->cue[i].text),
		    MATCHER_WORD | (set->affixes[set->n] ? MATCHER_AFFIX : 0), e) != 0)
			goto out;
		set->n++;
	}
	set->at[set->n] = (uint32_t)n;
	rc = matcher_compile(&set->m, e);
out:
	free(ref);
	free(lead);
	return rc;
}

void
scan_cueset_release(struct scan_cueset *set)
{
	matcher_release(&set->m);
	free(set->at);
	free(set->rows);
	free(set->affixes);
	memset(set, 0, sizeof *set);
}

/* A homograph row says that its text is another word in its language
 * (Portuguese "no", in the): the cues written the same speak for no
 * phrase of that language alone ("Pago no Pix": paid by Pix). */
static void
mark_homographs(struct scan *s)
{
	const struct kb *kb = s->kb;
	size_t i, k;

	for (i = 0; i < kb->ncues; i++) {
		const struct kb_cue *r = &kb->cues[i];

		if (kind_of(r->kind) != SCAN_CUE_HOMOGRAPH)
			continue;
		for (k = 0; k < s->ncue; k++)
			if (strcmp(s->cue[k].text, r->cue) == 0)
				s->cue[k].not_langs |= scan_lang_bits(r->language);
	}
}

/* Reads the cue tables into s->cue and the cue matchers: "\n" and "\s"
 * and single signs are the judge's own; accessory and included cues (they
 * act in titles) are s->ca's, every other row s->cm's. */
int
scan_build_cues(struct scan *s, struct error *e)
{
	const struct kb *kb = s->kb;
	size_t i;

	s->cue = calloc(kb->ncues + 1, sizeof *s->cue);
	s->boundary_cp = calloc(kb->ncues + 1, sizeof *s->boundary_cp);
	if (!s->cue || !s->boundary_cp)
		return error_set(e, 0, 0, "out of memory");
	for (i = 0; i < kb->ncues; i++) {
		const struct kb_cue *r = &kb->cues[i];
		struct scan_cue *c = &s->cue[s->ncue];
		int kind = kind_of(r->kind), pos = position_of(r->position), reach;
		size_t n = strlen(r->cue);
		uint32_t cp;

		reach = reach_of(r->reach, &c->reach_n, &c->sentence);
		if (kind < 0 || pos < 0 || reach < 0)
			return error_set(e, 0, 0, "cue '%s' (%s): unknown kind, position "
			    "or reach", r->cue, r->language);
		if (strcmp(r->cue, "\\n") == 0 || strcmp(r->cue, "\\s") == 0 ||
		    kind == SCAN_CUE_HOMOGRAPH)
			continue;	/* line breaks; Thai spaces (judge.c); below */
		if (kind == SCAN_CUE_BOUNDARY && utf8_decode(r->cue, n, &cp) == n &&
		    !casefold_is_word(cp)) {
			add_boundary_cp(s, cp);
			continue;
		}
		if (n == 0 || n > MATCHER_MAX_PHRASE || !utf8_valid(r->cue, n))
			return error_set(e, 0, 0, "cue '%s' (%s): empty, too long or not "
			    "UTF-8", r->cue, r->language);
		c->text = r->cue;
		c->langs = scan_lang_bits(r->language);
		c->kind = (uint8_t)kind;
		c->position = (uint8_t)pos;
		c->reach = (uint8_t)reach;
		c->applies = applies_of(r->applies_to);
		c->on_names = (c->langs & scan_lang_bits("en")) || !short_latin(r->cue) ||
		    kind == SCAN_CUE_COORDINATOR;	/* ("Bajaj o Home Credit") */
		c->not_langs = 0;
		s->ncue++;
	}
	mark_homographs(s);
	qsort(s->boundary_cp, s->nboundary_cp, sizeof *s->boundary_cp, cmp_u32);
	return build_cueset(s, &s->cm, 0, e) != 0 || build_cueset(s, &s->ca, 1, e) != 0 ?
	    -1 : 0;
}
