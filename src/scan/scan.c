/* SPDX-License-Identifier: MIT */
/* scan: one listing in, its identifiers, TAC brand check, phrases and
 * reasons out. */
#include <stdlib.h>
#include <string.h>

#include "lib/casefold.h"
#include "lib/utf8.h"
#include "scan/affix.h"
#include "scan/price.h"
#include "scan/scan_priv.h"

#define BRAND_NAME_MAX 64

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

/* 1 when (p, n) holds a digit of any script the identifier engine reads
 * (a fullwidth or Devanagari IMEI is an IMEI, "n/a" is none). */
static int
has_digit(const char *p, size_t n)
{
	size_t i;
	uint32_t cp;

	for (i = 0; i < n; i++) {
		if (p[i] >= '0' && p[i] <= '9')
			return 1;
		if ((unsigned char)p[i] >= 0xD9 &&
		    utf8_decode(p + i, n - i, &cp) > 1 && utf8_digit(cp) >= 0)
			return 1;
	}
	return 0;
}

static void
add_found(const struct scan *s, const struct scan_field *f, size_t field,
    const struct ident *id, struct scan_result *out, int light)
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
	if (id->tac[0] && s->tac && !light) {
		size_t cnt;
		const struct tac_entry *te = tac_db_find(s->tac, id->tac, &cnt);
		if (te)
			d->brand = te->brand;
	}
}

/* The identifiers of in's fields; with text_none, only of its IMEI
 * columns (the caller knows the others hold none). */
static void
find_ids(const struct scan *s, const struct scan_listing *in, struct scan_result *out,
    int light, int text_none)
{
	struct ident ids[SCAN_MAX_IDS + 1];	/* one more: a field with too many */
	size_t i, k, n;

	for (i = 0; i < in->nf; i++) {
		const struct scan_field *f = &in->f[i];

		switch (f->role) {
		case SCAN_IMEI:
			if (!has_digit(f->p, f->len))
				continue;
			n = ident_parse_line(&s->find, f->p, f->len, ids, SCAN_MAX_IDS + 1);
			break;
		case SCAN_OTHER: case SCAN_TITLE: case SCAN_TEXT: case SCAN_MODEL:
		case SCAN_DATA:
			if (text_none || !scan_may_hold_id(f->p, f->len))
				continue;
			n = ident_find_in_text(&s->find, f->p, f->len, ids, SCAN_MAX_IDS + 1);
			out->text_ids += n > 0;
			break;
		default:
			continue;
		}
		if (n > SCAN_MAX_IDS) {
			n = SCAN_MAX_IDS;
			out->more = 1;
		}
		for (k = 0; k < n; k++)
			add_found(s, f, i, &ids[k], out, light);
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

/* The model column as a key: its letters and digits, folded, hashed
 * (FNV-1a, 64 bits), so "Galaxy A54" and "galaxy  a54" group together;
 * 0 when there is none. */
static uint64_t
model_key(const struct scan_listing *in)
{
	uint64_t h = 14695981039346656037ull;
	size_t i, k, len;
	uint32_t cp;
	int any = 0;

	for (i = 0; i < in->nf && !any; i++) {
		const struct scan_field *f = &in->f[i];

		if (f->role != SCAN_MODEL)
			continue;
		for (k = 0; k < f->len; k += len) {
			char enc[4];
			size_t e, m;
			unsigned char c = (unsigned char)f->p[k];

			if (c < 0x80) {		/* ASCII: letters and digits, lower case */
				len = 1;
				if ((c | 32) >= 'a' && (c | 32) <= 'z')
					c |= 32;
				else if (c < '0' || c > '9')
					continue;
				h ^= c;
				h *= 1099511628211ull;
				any = 1;
				continue;
			}
			len = utf8_decode(f->p + k, f->len - k, &cp);
			if (!casefold_is_word(cp))
				continue;
			e = utf8_encode(casefold_simple(cp), enc);
			for (m = 0; m < e; m++) {
				h ^= (unsigned char)enc[m];
				h *= 1099511628211ull;
			}
			any = 1;
		}
	}
	return any ? h | 1 : 0;
}

/* What both scan_identifiers and scan_identifiers_light do; light leaves
 * out the TAC brand. */
static void
identifiers(const struct scan *s, const struct scan_listing *in, struct scan_result *out,
    int light, int text_none)
{
	size_t i;

	out->reasons = 0;
	out->nids = out->nhits = 0;
	out->more = 0;
	out->signals = 0;
	out->strong = 0;
	out->text_ids = 0;
	out->price = 0;
	out->currency[0] = '\0';
	find_ids(s, in, out, light, text_none);
	if (!light)
		check_tac_brand(s, in, out);
	/* a case's price says nothing of the phone's: neither judged nor
	 * part of the model's median */
	for (i = 0; i < in->nf; i++)
		if (in->f[i].role == SCAN_PRICE && in->f[i].len &&
		    !scan_accessory_category(in) &&
		    scan_price_parse(in->f[i].p, in->f[i].len, &out->price,
		    out->currency) == 0)
			break;
	out->model_key = model_key(in);
}

void
scan_identifiers(const struct scan *s, const struct scan_listing *in,
    struct scan_result *out, int text_none)
{
	identifiers(s, in, out, 0, text_none);
}

void
scan_identifiers_light(const struct scan *s, const struct scan_listing *in,
    struct scan_result *out)
{
	identifiers(s, in, out, 1, 0);
}

int
scan_role_has_phrases(enum scan_role role)
{
	return role == SCAN_TITLE || role == SCAN_TEXT || role == SCAN_OTHER;
}

struct one_ctx {
	const struct scan *s;
	const struct scan_field *f;
	struct scan_ev *ev;
	size_t n, cap;
	uint32_t field;
	const struct scan_cueset *cues;	/* the cues matched, or NULL: phrases */
};

static int
on_match(void *ctx, const struct matcher_match *m)
{
	struct one_ctx *c = ctx;
	uint32_t r;

	if (!c->cues && (m->glued ? !scan_affix_glued_ok(c->s->ph[m->phrase].affixes,
	    c->f->p, c->f->len, m->off, m->len, m->glued) : c->s->ph[m->phrase].affix_only))
		return 0;
	if (c->cues && m->glued && !scan_affix_glued_ok(c->cues->affixes[m->phrase],
	    c->f->p, c->f->len, m->off, m->len, m->glued))
		return 0;
	if (!c->cues) {
		if (c->n == c->cap)
			return 0;
		c->ev[c->n].idx = (uint32_t)m->phrase;
		c->ev[c->n].field = c->field;
		c->ev[c->n].off = (uint32_t)m->off;
		c->ev[c->n].len = (uint32_t)m->len;
		c->n++;
		return 0;
	}
	for (r = c->cues->at[m->phrase]; r < c->cues->at[m->phrase + 1] && c->n < c->cap; r++) {
		c->ev[c->n].idx = c->cues->rows[r];
		c->ev[c->n].field = c->field;
		c->ev[c->n].off = (uint32_t)m->off;
		c->ev[c->n].len = (uint32_t)m->len;
		c->n++;
	}
	return 0;
}

/* Runs one matcher over the listing's phrase fields (titles only with
 * titles) into ev from n on; returns the new count. */
static size_t
match_fields(const struct scan *s, const struct matcher *m, const struct scan_listing *in,
    struct scan_ev *ev, size_t n, size_t cap, const struct scan_cueset *cues, int titles)
{
	struct one_ctx c;
	size_t i;

	c.s = s;
	c.ev = ev;
	c.n = n;
	c.cap = cap;
	c.cues = cues;
	for (i = 0; i < in->nf; i++) {
		if (!scan_role_has_phrases(in->f[i].role) ||
		    (titles && in->f[i].role != SCAN_TITLE))
			continue;
		c.f = &in->f[i];
		c.field = (uint32_t)i;
		matcher_run(m, in->f[i].p, in->f[i].len, on_match, &c);
	}
	return c.n;
}

void
scan_listing(const struct scan *s, const struct scan_listing *in, struct scan_result *out)
{
	enum { CAP = 4096 };
	struct scan_ev *ph = malloc(CAP * sizeof *ph), *cue = malloc(CAP * sizeof *cue);
	size_t nph, ncue = 0;

	scan_identifiers(s, in, out, 0);
	if (!ph || !cue) {
		out->more = 1;	/* not judged */
		out->reasons |= 1u << SCAN_LIMIT;
		goto out;
	}
	nph = match_fields(s, &s->m, in, ph, 0, CAP, NULL, 0);
	if (nph > 0) {
		ncue = match_fields(s, &s->cm.m, in, cue, 0, CAP, &s->cm, 0);
		ncue = match_fields(s, &s->ca.m, in, cue, ncue, CAP, &s->ca, 1);
	}
	scan_judge(s, in, ph, nph, cue, ncue, out);
	scan_finish_result(out);
out:
	free(ph);
	free(cue);
}
