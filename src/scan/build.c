/* SPDX-License-Identifier: MIT */
/* build: the scan's tables, made once: the phrases of phrases.tsv merged
 * by text, the names of every lender and lock system, and their matcher;
 * the cue tables with theirs are build_cues.c's. */
#include <stdlib.h>
#include <string.h>

#include "lib/casefold.h"
#include "lib/utf8.h"
#include "scan/affix.h"
#include "scan/scan_priv.h"

/* Languages get a bit each, in this order; "*" is every bit. */
static const char *const lang_codes[] = {
	"en", "hi", "ur", "bn", "tl", "id", "sw", "es", "pt", "fr", "vi", "th", "ar",
	"tr", "ja", "ru"
};
#define LANG_OTHER (1u << 31)	/* a code not in the list */
#define LANG_ALL 0xFFFFFFFFu

/* The bits of a ';'-joined list of language codes. */
uint32_t
scan_lang_bits(const char *list)
{
	uint32_t bits = 0;
	const char *p = list;
	size_t n, k;

	if (strcmp(list, "*") == 0)
		return LANG_ALL;
	while (*p) {
		n = strcspn(p, ";");
		for (k = 0; k < sizeof lang_codes / sizeof lang_codes[0]; k++)
			if (strlen(lang_codes[k]) == n && memcmp(p, lang_codes[k], n) == 0)
				break;
		bits |= k < sizeof lang_codes / sizeof lang_codes[0] ? 1u << k : LANG_OTHER;
		p += n;
		if (*p == ';')
			p++;
	}
	return bits;
}

static uint32_t
lang_bit(const char *code)
{
	return scan_lang_bits(code);
}

/* The cue kinds of a phrase's cues column ("negation;completion"). */
static uint8_t
cue_kinds(const char *list)
{
	static const char *const kinds[] = {
		[SCAN_CUE_NEGATION] = "negation", [SCAN_CUE_COMPLETION] = "completion",
		[SCAN_CUE_OFFER] = "offer", [SCAN_CUE_ACCESSORY] = "accessory",
		[SCAN_CUE_PERSON] = "person",
	};
	const char *p = list;
	uint8_t bits = 0;
	size_t n, k;

	if (!list || *list == '\0')	/* an older file, a --config phrase: negation only */
		return 1u << SCAN_CUE_NEGATION;
	while (*p) {
		n = strcspn(p, ";");
		for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
			if (kinds[k] && strlen(kinds[k]) == n && memcmp(p, kinds[k], n) == 0)
				bits |= (uint8_t)(1u << k);
		p += n;
		if (*p == ';')
			p++;
	}
	return bits;
}

/* Whose affixes a phrase takes: Tagalog, Indonesian, Swahili and Arabic
 * phrases their own; an English word of one word for a lock, a bypass or
 * a theft, which those languages borrow ("nabypass", "diblock",
 * "imelockiwa"), the first three. */
static uint8_t
phrase_affixes(const char *phrase, uint32_t langs, int cat)
{
	uint8_t a = 0;
	const char *q;

	if (langs & lang_bit("tl"))
		a |= SCAN_AFFIX_TL;
	if (langs & lang_bit("id"))
		a |= SCAN_AFFIX_ID;
	if (langs & lang_bit("sw"))
		a |= SCAN_AFFIX_SW;
	if (langs & lang_bit("ar"))
		a |= SCAN_AFFIX_AR;
	if ((langs & lang_bit("en")) && (cat == SCAN_CAT_LOCK || cat == SCAN_CAT_BYPASS ||
	    cat == SCAN_CAT_THEFT)) {
		for (q = phrase; *q && ((*q >= 'a' && *q <= 'z') || *q == '-'); q++)
			;
		if (*q == '\0')
			a |= SCAN_AFFIX_TL | SCAN_AFFIX_ID | SCAN_AFFIX_SW;
	}
	return a;
}

/* ------------------------------------------------------------- phrases */

/* Phrase texts by hash (open addressing), so that whether a text is
 * known costs one lookup, not a pass over every phrase before it: a
 * --data phrases table of 60,000 rows took a minute when each row, name
 * and stem was compared with every phrase (tests/unit/test_cost.c). */
struct textset {
	size_t *slot;		/* 1 + an index in s->ph; 0 empty */
	size_t mask;
};

static int
textset_init(struct textset *t, size_t n)
{
	size_t cap = 16;

	while (cap < 2 * n + 2)
		cap *= 2;
	t->mask = cap - 1;
	t->slot = calloc(cap, sizeof *t->slot);
	return t->slot ? 0 : -1;
}

static void
textset_release(struct textset *t)
{
	free(t->slot);
	t->slot = NULL;
}

/* FNV-1a of the text, and of the category unless cat < 0. */
static size_t
text_hash(const char *p, int cat)
{
	uint32_t h = 2166136261u;

	for (; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	if (cat >= 0)
		h = (h ^ (uint32_t)cat) * 16777619u;
	return h;
}

/* The slot of the phrase with this text (and category, unless cat < 0),
 * or the empty slot where it goes. */
static size_t *
textset_at(const struct textset *t, const struct scan *s, const char *text, int cat)
{
	size_t i = text_hash(text, cat) & t->mask;

	while (t->slot[i]) {
		const struct scan_phrase *p = &s->ph[t->slot[i] - 1];
		if ((cat < 0 || p->cat == cat) && strcmp(p->phrase, text) == 0)
			break;
		i = (i + 1) & t->mask;
	}
	return &t->slot[i];
}

/* 1 when some phrase already has this text, whatever its category. */
static int
known_text(const struct textset *t, const struct scan *s, const char *phrase)
{
	return *textset_at(t, s, phrase, -1) != 0;
}

/* Phrases the kb has in several languages ("payjoy" in en and es) become
 * one, with languages "en;es" (in row order), the highest weight, and
 * only the cue kinds every row allows.  Each row finds its phrase by hash
 * and the rows of a phrase are chained in row order, so this is linear. */
static int
merge_phrases(struct scan *s, size_t *uniq, size_t room, struct error *e)
{
	const struct kb *kb = s->kb;
	size_t n = kb->nphrases, i, k, used = 0, *chain, *next, *head, *tail;
	struct textset by;
	int rc = -1;

	if (n == 0)
		return 0;
	chain = malloc(3 * n * sizeof *chain);
	if (!chain || textset_init(&by, n) != 0) {
		free(chain);
		return error_set(e, 0, 0, "out of memory");
	}
	next = chain;
	head = chain + n;
	tail = chain + 2 * n;
	for (i = 0; i < n; i++) {
		const struct kb_phrase *p = &kb->phrases[i];
		int cat = scan_cat_of(p->category);
		size_t *at, j;

		if (cat < 0) {
			error_set(e, 0, 0, "phrases.tsv: unknown category '%s'", p->category);
			goto out;
		}
		next[i] = (size_t)-1;
		at = textset_at(&by, s, p->phrase, cat);
		if (*at == 0) {
			j = s->nph++;
			s->ph[j].phrase = p->phrase;
			s->ph[j].category = p->category;
			s->ph[j].cat = (uint8_t)cat;
			s->ph[j].weight = 0;
			s->ph[j].cues = 0xFF;
			s->ph[j].form_of = NULL;
			*at = j + 1;
			head[j] = i;
		} else {
			j = *at - 1;
			next[tail[j]] = i;
		}
		tail[j] = i;
		uniq[i] = j;
		if (p->weight > s->ph[j].weight)
			s->ph[j].weight = (uint8_t)p->weight;
		s->ph[j].cues &= cue_kinds(p->cues);
		s->ph[j].langs |= scan_lang_bits(p->language);
		if (p->form_of && *p->form_of && !s->ph[j].form_of)
			s->ph[j].form_of = p->form_of;
	}
	for (k = 0; k < s->nph; k++) {
		s->ph[k].language = s->langs + used;
		for (i = head[k]; i != (size_t)-1; i = next[i]) {
			size_t m = strlen(kb->phrases[i].language);
			if (used + m + 2 > room) {
				error_set(e, 0, 0, "out of memory");
				goto out;
			}
			if (i != head[k])
				s->langs[used - 1] = ';';
			memcpy(s->langs + used, kb->phrases[i].language, m + 1);
			used += m + 1;
		}
	}
	rc = 0;
out:
	textset_release(&by);
	free(chain);
	return rc;
}

/* ------------------------------------------------- lenders' and locks' names */

#define NAME_MAX 96

/* 1 when the word (p, n) is written as a brand, not a common word: a
 * capital after its first letter ("PayJoy", "BillEase", "DMI"), a hyphen
 * or a digit. */
static int
brand_like(const char *p, size_t n)
{
	size_t i;

	for (i = 1; i < n; i++)
		if ((p[i] >= 'A' && p[i] <= 'Z') || p[i] == '-' || (p[i] >= '0' && p[i] <= '9'))
			return 1;
	return 0;
}

struct names {
	struct scan *s;
	char *store;		/* s->names */
	size_t used, cap;
	struct textset texts;	/* every phrase's text so far */
};

/* Adds the name (p, n) as a phrase of category cat: lower case, a
 * trailing '+' and blanks cut; not when a phrase has its text already or
 * it is shorter than three characters.  A name of one plain word ("Salmon",
 * "Dialog") weighs 1: alone it is no finding. */
static void
add_name(struct names *nm, const char *p, size_t n, int cat)
{
	struct scan *s = nm->s;
	struct scan_phrase *ph;
	char buf[NAME_MAX];
	size_t i, k = 0;
	int words = 1, brand = 0;

	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '+'))
		n--;
	while (n > 0 && *p == ' ') {
		p++;
		n--;
	}
	if (n < 3 || n >= sizeof buf || nm->used + n + 1 > nm->cap)
		return;
	for (i = 0; i < n; i++) {
		char c = p[i];

		if (c == ' ')
			words++;
		buf[k++] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
	}
	buf[k] = '\0';
	if (!utf8_valid(buf, k) || known_text(&nm->texts, s, buf))
		return;
	if (words == 1)
		brand = brand_like(p, n);
	ph = &s->ph[s->nph++];
	memset(ph, 0, sizeof *ph);
	memcpy(nm->store + nm->used, buf, k + 1);
	ph->phrase = nm->store + nm->used;
	*textset_at(&nm->texts, s, ph->phrase, -1) = s->nph;
	nm->used += k + 1;
	ph->category = cat == SCAN_CAT_LOCK ? "lock" : "financing";
	ph->cat = (uint8_t)cat;
	ph->language = "*";
	ph->langs = LANG_ALL;
	ph->weight = (uint8_t)(words == 1 && !brand ? 1 : cat == SCAN_CAT_LOCK ? 3 : 2);
	ph->cues = cat == SCAN_CAT_LOCK ? 1u << SCAN_CUE_NEGATION :
	    (1u << SCAN_CUE_NEGATION) | (1u << SCAN_CUE_COMPLETION) |
	    (1u << SCAN_CUE_OFFER) | (1u << SCAN_CUE_ACCESSORY);
}

/* 1 when an alternative in parentheses is a name: it has a word written
 * as a brand ("DMI Finance", "HBM"), not a description ("Android 14+",
 * "loan with the phone as collateral", "Find My"). */
static int
paren_is_name(const char *p, size_t n)
{
	size_t i = 0, w;

	if (n == 0 || !(*p >= 'A' && *p <= 'Z'))
		return 0;
	for (i = 0; i < n; i++)
		if (p[i] >= '0' && p[i] <= '9')
			return 0;
	for (i = 0; i < n; i += w + 1) {
		for (w = 0; i + w < n && p[i + w] != ' '; w++)
			;
		if (w >= 3 && brand_like(p + i, w))
			return 1;
		if (w >= 3 && p[i] >= 'A' && p[i] <= 'Z' && p[i + 1] >= 'A' && p[i + 1] <= 'Z')
			return 1;
	}
	return 0;
}

/* The names a lender's or lock system's name column holds: the name
 * before any parenthesis, its parts around " / ", quoted names, and
 * names in parentheses ("Samsung Sure (DMI Finance)"). */
static void
add_names(struct names *nm, const char *name, int cat)
{
	const char *p = name, *paren = strchr(name, '('), *end, *q;
	size_t n = paren ? (size_t)(paren - name) : strlen(name), k;

	/* the main name, and its parts around " / " */
	while (n > 0) {
		for (k = 0; k + 2 < n && memcmp(p + k, " / ", 3) != 0; k++)
			;
		if (k + 2 >= n)
			k = n;
		add_name(nm, p, k, cat);
		if (k == n)
			break;
		p += k + 3;
		n -= k + 3;
	}
	/* in parentheses: names, comma-separated */
	if (paren && (end = strchr(paren, ')')) != NULL) {
		for (p = paren + 1; p < end; p = q + 1) {
			for (q = p; q < end && *q != ','; q++)
				;
			while (p < q && *p == ' ')
				p++;
			if (paren_is_name(p, (size_t)(q - p)))
				add_name(nm, p, (size_t)(q - p), cat);
		}
	}
	/* in quotes */
	for (p = name; (p = strchr(p, '"')) != NULL && (q = strchr(p + 1, '"')) != NULL;
	    p = q + 1)
		add_name(nm, p + 1, (size_t)(q - p - 1), cat);
}

/* The stems of English past participles of a lock, a theft or a bypass
 * ("blocked" -> "block"), which Tagalog, Indonesian and Swahili sellers
 * glue their affixes to ("nablock", "diblock", "imeblockiwa"): phrases
 * matched only with such an affix. */
static void
add_stems(struct scan *s, struct names *nm)
{
	size_t i, n, total = s->nph;
	char stem[NAME_MAX];

	for (i = 0; i < total; i++) {
		struct scan_phrase *p = &s->ph[i], *q;
		const char *c;

		if (!(p->langs & lang_bit("en")) || p->langs == LANG_ALL ||
		    (p->cat != SCAN_CAT_LOCK && p->cat != SCAN_CAT_THEFT &&
		    p->cat != SCAN_CAT_BYPASS))
			continue;
		for (c = p->phrase; *c >= 'a' && *c <= 'z'; c++)
			;
		n = (size_t)(c - p->phrase);
		if (*c || n < 6 || n >= sizeof stem || strcmp(c - 2, "ed") != 0)
			continue;
		memcpy(stem, p->phrase, n - 2);
		stem[n - 2] = '\0';
		if (known_text(&nm->texts, s, stem) || nm->used + n - 1 > nm->cap)
			continue;
		q = &s->ph[s->nph++];
		*q = *p;
		memcpy(nm->store + nm->used, stem, n - 1);
		q->phrase = nm->store + nm->used;
		*textset_at(&nm->texts, s, q->phrase, -1) = s->nph;
		nm->used += n - 1;
		q->form_of = p->phrase;
		q->langs = lang_bit("en");
		q->language = "en";
		q->affix_only = 1;
	}
}

/* --------------------------------------------------------------- init */

int
scan_init(struct scan *s, const struct kb *kb, const struct ident_tables *ids,
    const struct tac_db *tac, struct error *e)
{
	struct names nm;
	size_t i, room = 2, *uniq = NULL, n = 2 * kb->nphrases + 1, namebytes = 1;

	memset(s, 0, sizeof *s);
	nm.texts.slot = NULL;
	s->kb = kb;
	s->ids = ids;
	s->find = *ids;		/* its placeholders borrowed too */
	s->find.quiet = 1;
	s->tac = tac;
	s->thai = lang_bit("th");
	matcher_init(&s->m);
	matcher_init(&s->cm.m);
	matcher_init(&s->ca.m);
	for (i = 0; i < kb->nphrases; i++)
		room += strlen(kb->phrases[i].language) + 1;
	for (i = 0; i < kb->nlenders; i++)
		namebytes += strlen(kb->lenders[i].name) + 1;
	for (i = 0; i < kb->nsystems; i++)
		namebytes += strlen(kb->systems[i].name) + 1;
	for (i = 0; i < kb->nphrases; i++)	/* stems */
		namebytes += strlen(kb->phrases[i].phrase) + 1;
	/* each name gives at most one phrase a word and a quote pair */
	n += namebytes / 2;
	s->ph = calloc(n, sizeof *s->ph);
	uniq = calloc(kb->nphrases + 1, sizeof *uniq);
	s->langs = malloc(room);
	s->names = malloc(namebytes);
	if (!s->ph || !uniq || !s->langs || !s->names) {
		error_set(e, 0, 0, "out of memory");
		goto fail;
	}
	if (merge_phrases(s, uniq, room, e) != 0)
		goto fail;
	nm.s = s;
	nm.store = s->names;
	nm.used = 0;
	nm.cap = namebytes;
	if (textset_init(&nm.texts, n) != 0) {
		error_set(e, 0, 0, "out of memory");
		goto fail;
	}
	for (i = 0; i < s->nph; i++) {
		size_t *at = textset_at(&nm.texts, s, s->ph[i].phrase, -1);
		if (*at == 0)
			*at = i + 1;
	}
	for (i = 0; i < kb->nlenders; i++)
		add_names(&nm, kb->lenders[i].name, SCAN_CAT_FINANCING);
	for (i = 0; i < kb->nsystems; i++)
		if (strcmp(kb->systems[i].kind, "carrier") != 0)	/* a SIM lock said */
			add_names(&nm, kb->systems[i].name, SCAN_CAT_LOCK);
	add_stems(s, &nm);
	textset_release(&nm.texts);
	for (i = 0; i < s->nph; i++) {
		struct scan_phrase *p = &s->ph[i];

		p->person = (p->cues >> SCAN_CUE_PERSON) & 1;
		if (p->langs != LANG_ALL && !p->affix_only)
			p->affixes = phrase_affixes(p->phrase, p->langs, p->cat);
		if (p->affix_only)
			p->affixes = SCAN_AFFIX_TL | SCAN_AFFIX_ID | SCAN_AFFIX_SW;
		if (matcher_add(&s->m, p->phrase, strlen(p->phrase),
		    MATCHER_WORD | (p->affixes ? MATCHER_AFFIX : 0), e) != 0)
			goto fail;
	}
	if (matcher_compile(&s->m, e) != 0 || scan_build_cues(s, e) != 0)
		goto fail;
	free(uniq);
	return 0;
fail:
	textset_release(&nm.texts);
	free(uniq);
	scan_release(s);
	return -1;
}

void
scan_release(struct scan *s)
{
	matcher_release(&s->m);
	scan_cueset_release(&s->cm);
	scan_cueset_release(&s->ca);
	free(s->ph);
	free(s->langs);
	free(s->names);
	free(s->cue);
	free(s->boundary_cp);
	s->ph = NULL;
	s->langs = s->names = NULL;
	s->cue = NULL;
	s->boundary_cp = NULL;
	s->nph = s->ncue = s->nboundary_cp = 0;
}
