/* SPDX-License-Identifier: MIT */
/* scan: one listing in, its identifiers, TAC brand check, phrases and
 * reasons out. */
#include <stdlib.h>
#include <string.h>

#include "scan/scan_priv.h"

#define BRAND_NAME_MAX 64

/* One row of phrases.tsv, for sorting rows into groups of the same text
 * and category. */
struct ph_key {
	const char *phrase, *category;
	size_t row;		/* kb->phrases[row]; then the group's rank */
};

static int
by_text(const void *a, const void *b)
{
	const struct ph_key *x = a, *y = b;
	int c = strcmp(x->phrase, y->phrase);

	if (c == 0)
		c = strcmp(x->category, y->category);
	return c ? c : x->row < y->row ? -1 : x->row > y->row;
}

static int
by_row(const void *a, const void *b)
{
	const struct ph_key *x = a, *y = b;

	return x->row < y->row ? -1 : x->row > y->row;
}

/* Phrases the kb has in several languages ("payjoy" in en and es) become
 * one, with languages "en;es" (in row order) and the highest weight; the
 * distinct phrases keep the order of their first rows.  Sorting keeps
 * this O(n log n): a --data table of 60,000 rows took 25 s when each row
 * was compared with every phrase before it. */
static int
merge_phrases(struct scan *s, size_t *uniq, int *weight, size_t room)
{
	const struct kb *kb = s->kb;
	size_t n = kb->nphrases, i, j, k, used = 0;
	struct ph_key *key, *first;

	if (n == 0)
		return 0;
	key = malloc(n * sizeof *key);
	first = malloc(n * sizeof *first);
	if (!key || !first) {
		free(key);
		free(first);
		return -1;
	}
	for (i = 0; i < n; i++) {
		key[i].phrase = kb->phrases[i].phrase;
		key[i].category = kb->phrases[i].category;
		key[i].row = i;
	}
	qsort(key, n, sizeof *key, by_text);
	/* the first row of each group, then the groups in that order */
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && strcmp(key[j].phrase, key[i].phrase) == 0 &&
		    strcmp(key[j].category, key[i].category) == 0; j++)
			;
		first[s->nph] = key[i];
		s->nph++;
	}
	qsort(first, s->nph, sizeof *first, by_row);
	for (k = 0; k < s->nph; k++) {
		uniq[first[k].row] = k;		/* a group's first row names it */
		s->ph[k].phrase = first[k].phrase;
		s->ph[k].category = first[k].category;
		weight[k] = 0;
	}
	for (i = 0; i < n; i = j) {		/* every row gets its group's rank */
		size_t g = uniq[key[i].row];
		for (j = i; j < n && (j == i || (strcmp(key[j].phrase, key[i].phrase) == 0 &&
		    strcmp(key[j].category, key[i].category) == 0)); j++) {
			uniq[key[j].row] = g;
			if (kb->phrases[key[j].row].weight > weight[g])
				weight[g] = kb->phrases[key[j].row].weight;
		}
	}
	/* languages: each group's rows are consecutive in key, in row order */
	for (i = 0; i < n; i = j) {
		size_t g = uniq[key[i].row];
		s->ph[g].language = s->langs + used;
		for (j = i; j < n && uniq[key[j].row] == g; j++) {
			const char *lang = kb->phrases[key[j].row].language;
			size_t m = strlen(lang);
			if (used + m + 2 > room)
				goto fail;
			if (j > i)
				s->langs[used - 1] = ';';
			memcpy(s->langs + used, lang, m + 1);
			used += m + 1;
		}
	}
	free(key);
	free(first);
	return 0;
fail:
	free(key);
	free(first);
	return -1;
}

int
scan_init(struct scan *s, const struct kb *kb, const struct ident_tables *ids,
    const struct tac_db *tac, struct error *e)
{
	size_t i, room = 2, *uniq = NULL, n = kb->nphrases ? kb->nphrases : 1;
	int *weight = NULL;

	memset(s, 0, sizeof *s);
	s->kb = kb;
	s->ids = ids;
	s->tac = tac;
	matcher_init(&s->m);
	for (i = 0; i < kb->nphrases; i++)
		room += strlen(kb->phrases[i].language) + 1;
	s->ph = calloc(n, sizeof *s->ph);
	weight = calloc(n, sizeof *weight);
	uniq = calloc(n, sizeof *uniq);
	s->langs = malloc(room);
	if (!s->ph || !weight || !uniq || !s->langs || merge_phrases(s, uniq, weight, room)) {
		error_set(e, 0, 0, "out of memory");
		goto fail;
	}
	for (i = 0; i < s->nph; i++) {
		s->ph[i].reason = scan_reason_for_phrase(s->ph[i].category, weight[i]);
		if (s->ph[i].reason < 0) {
			error_set(e, 0, 0, "phrases.tsv: unknown category '%s'", s->ph[i].category);
			goto fail;
		}
		if (matcher_add(&s->m, s->ph[i].phrase, strlen(s->ph[i].phrase),
		    MATCHER_WORD, e) != 0)
			goto fail;
	}
	if (matcher_compile(&s->m, e) != 0)
		goto fail;
	free(weight);
	free(uniq);
	return 0;
fail:
	free(weight);
	free(uniq);
	scan_release(s);
	return -1;
}

void
scan_release(struct scan *s)
{
	matcher_release(&s->m);
	free(s->ph);
	free(s->langs);
	s->ph = NULL;
	s->langs = NULL;
	s->nph = 0;
}

/* The kb brand a name or a text names, or NULL (the generic "android"
 * row counts as none). */
static const struct kb_brand *
brand_of(const struct kb *kb, const char *p, size_t n, int exact_first)
{
	const struct kb_brand *b = NULL;
	char name[BRAND_NAME_MAX];

	if (n == 0)
		return NULL;
	if (exact_first && n < sizeof name) {
		memcpy(name, p, n);
		name[n] = '\0';
		b = kb_brand_find(kb, name);
	}
	if (!b)
		b = kb_brand_in_text(kb, p, n);
	return b == kb_brand_generic(kb) ? NULL : b;
}

static const struct kb_brand *
claimed_brand(const struct scan *s, const struct scan_listing *in)
{
	static const enum scan_role order[] = { SCAN_BRAND, SCAN_TITLE, SCAN_MODEL };
	size_t i, k;

	for (k = 0; k < sizeof order / sizeof order[0]; k++)
		for (i = 0; i < in->nf; i++) {
			const struct kb_brand *b;
			if (in->f[i].role != order[k])
				continue;
			b = brand_of(s->kb, in->f[i].p, in->f[i].len, order[k] == SCAN_BRAND);
			if (b)
				return b;
		}
	return NULL;
}

static int
has_digit(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] >= '0' && p[i] <= '9')
			return 1;
	return 0;
}

static void
add_found(const struct scan *s, const struct scan_field *f, size_t field,
    const struct ident *id, struct scan_result *out)
{
	struct scan_found *d;
	const char *v = id->normalized;
	size_t i, n = strlen(v);
	int r;

	if (n == 0) {		/* scientific notation: the text as written */
		v = f->p + id->start;
		n = id->len < IDENT_TEXT_MAX ? id->len : IDENT_TEXT_MAX;
	}
	for (i = 0; i < out->nids; i++)
		if (out->ids[i].kind == id->kind && strlen(out->ids[i].value) == n &&
		    memcmp(out->ids[i].value, v, n) == 0)
			return;
	if (out->nids == SCAN_MAX_IDS) {
		out->more = 1;
		return;
	}
	d = &out->ids[out->nids++];
	memcpy(d->value, v, n);
	d->value[n] = '\0';
	d->kind = id->kind;
	d->problem = id->problem;
	d->field = field;
	d->brand = NULL;
	d->key = 0;
	d->duplicate = 0;
	if ((r = scan_reason_for_problem(id->problem)) >= 0)
		out->reasons |= 1u << r;
	if (id->problem != IDENT_OK)
		return;
	d->key = ident_imei_key(id);
	for (i = 0; i + 1 < out->nids; i++)	/* an IMEI and its IMEISV: one phone */
		if (out->ids[i].key == d->key)
			d->key = 0;
	if (id->tac[0] && s->tac) {
		size_t cnt;
		const struct tac_entry *te = tac_db_find(s->tac, id->tac, &cnt);
		if (te)
			d->brand = te->brand;
	}
}

static void
find_ids(const struct scan *s, const struct scan_listing *in, struct scan_result *out)
{
	struct ident ids[SCAN_MAX_IDS];
	size_t i, k, n;

	for (i = 0; i < in->nf; i++) {
		const struct scan_field *f = &in->f[i];

		switch (f->role) {
		case SCAN_IMEI:
			if (!has_digit(f->p, f->len))
				continue;
			n = ident_parse_line(s->ids, f->p, f->len, ids, SCAN_MAX_IDS);
			break;
		case SCAN_OTHER: case SCAN_TITLE: case SCAN_TEXT: case SCAN_MODEL:
		case SCAN_DATA:
			if (!scan_may_hold_id(f->p, f->len))
				continue;
			n = ident_find_in_text(s->ids, f->p, f->len, ids, SCAN_MAX_IDS);
			break;
		default:
			continue;
		}
		for (k = 0; k < n; k++)
			add_found(s, f, i, &ids[k], out);
	}
}

static void
check_tac_brand(const struct scan *s, const struct scan_listing *in, struct scan_result *out)
{
	const struct kb_brand *claimed = NULL;
	size_t i;
	int looked = 0;

	for (i = 0; i < out->nids; i++) {
		const struct kb_brand *tb;
		if (!out->ids[i].brand)
			continue;
		tb = brand_of(s->kb, out->ids[i].brand, strlen(out->ids[i].brand), 1);
		if (!tb)
			continue;
		if (!looked) {
			claimed = claimed_brand(s, in);
			looked = 1;
		}
		if (claimed && claimed != tb)
			out->reasons |= 1u << SCAN_TAC_BRAND_MISMATCH;
	}
}

void
scan_add_hit(const struct scan *s, struct scan_result *out, uint32_t field,
    const struct matcher_match *m)
{
	uint32_t phrase = (uint32_t)m->phrase;
	size_t i;

	for (i = 0; i < out->nhits; i++)
		if (out->hits[i].phrase == phrase && out->hits[i].field == field)
			return;
	if (out->nhits == SCAN_MAX_HITS) {
		out->more = 1;
		return;
	}
	out->hits[out->nhits].phrase = phrase;
	out->hits[out->nhits].field = field;
	out->hits[out->nhits].off = (uint32_t)m->off;
	out->hits[out->nhits].len = (uint32_t)m->len;
	out->nhits++;
	out->reasons |= 1u << s->ph[phrase].reason;
}

void
scan_identifiers(const struct scan *s, const struct scan_listing *in,
    struct scan_result *out)
{
	out->reasons = 0;
	out->nids = out->nhits = 0;
	out->more = 0;
	find_ids(s, in, out);
	check_tac_brand(s, in, out);
}

int
scan_role_has_phrases(enum scan_role role)
{
	return role == SCAN_TITLE || role == SCAN_TEXT || role == SCAN_OTHER;
}

struct hit_ctx {
	const struct scan *s;
	struct scan_result *out;
	uint32_t field;
};

static int
on_match(void *ctx, const struct matcher_match *m)
{
	struct hit_ctx *h = ctx;

	scan_add_hit(h->s, h->out, h->field, m);
	return 0;
}

void
scan_listing(const struct scan *s, const struct scan_listing *in, struct scan_result *out)
{
	struct hit_ctx h;
	size_t i;

	scan_identifiers(s, in, out);
	h.s = s;
	h.out = out;
	for (i = 0; i < in->nf; i++) {
		if (!scan_role_has_phrases(in->f[i].role))
			continue;
		h.field = (uint32_t)i;
		matcher_run(&s->m, in->f[i].p, in->f[i].len, on_match, &h);
	}
}
