/* SPDX-License-Identifier: MIT */
/* scan: one listing in, its identifiers, TAC brand check, phrases and
 * reasons out. */
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "scan.h"

#define BRAND_NAME_MAX 64

/* The earlier distinct phrase with the same text and category, or -1. */
static long
same_phrase(const struct scan *s, const struct kb_phrase *p)
{
	size_t i;

	for (i = 0; i < s->nph; i++)
		if (strcmp(s->ph[i].phrase, p->phrase) == 0 &&
		    strcmp(s->ph[i].category, p->category) == 0)
			return (long)i;
	return -1;
}

/* Phrases the kb has in several languages ("payjoy" in en and es) become
 * one, with languages "en;es" and the highest weight. */
static int
merge_phrases(struct scan *s, size_t *uniq, int *weight, size_t room)
{
	const struct kb *kb = s->kb;
	size_t i, k, used = 0;

	for (i = 0; i < kb->nphrases; i++) {
		long j = same_phrase(s, &kb->phrases[i]);
		if (j < 0) {
			j = (long)s->nph++;
			s->ph[j].phrase = kb->phrases[i].phrase;
			s->ph[j].category = kb->phrases[i].category;
			weight[j] = 0;
		}
		uniq[i] = (size_t)j;
		if (kb->phrases[i].weight > weight[j])
			weight[j] = kb->phrases[i].weight;
	}
	for (k = 0; k < s->nph; k++) {
		s->ph[k].language = s->langs + used;
		for (i = 0; i < kb->nphrases; i++) {
			size_t n = strlen(kb->phrases[i].language);
			if (uniq[i] != k)
				continue;
			if (used + n + 2 > room)
				return -1;
			if (s->langs + used != s->ph[k].language)
				s->langs[used - 1] = ';';
			memcpy(s->langs + used, kb->phrases[i].language, n + 1);
			used += n + 1;
		}
	}
	return 0;
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

/* 0 when find_in_text cannot find anything in (p, n): fewer than 14
 * digits (ASCII, Arabic-Indic, Devanagari, fullwidth, as the identifier
 * engine reads them) and no E-notation.  Most descriptions are skipped
 * this way at the cost of one light pass. */
int
scan_may_hold_id_exact(const char *s, size_t n)
{
	/* 1: an ASCII digit, 2: e or E, 4: a byte that may start a non-ASCII
	 * digit */
	static const unsigned char tab[256] = {
		['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1,
		['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
		['e'] = 2, ['E'] = 2, [0xD9] = 4, [0xDB] = 4, [0xE0] = 4, [0xEF] = 4
	};
	const unsigned char *p = (const unsigned char *)s;
	size_t i, d = 0;
	unsigned t, prev = 0;

	for (i = 0; i < n; i++) {
		t = tab[p[i]];
		d += t & 1;
		if ((t & 2) && (prev & 1))
			return 1;	/* maybe E-notation */
		if ((t & 4) && ((i + 1 < n && ((p[i] == 0xD9 && p[i + 1] - 0xA0u < 10u) ||
		    (p[i] == 0xDB && p[i + 1] - 0xB0u < 10u))) ||
		    (i + 2 < n && ((p[i] == 0xE0 && p[i + 1] == 0xA5 && p[i + 2] - 0xA6u < 10u) ||
		    (p[i] == 0xEF && p[i + 1] == 0xBC && p[i + 2] - 0x90u < 10u)))))
			d++;
		prev = t;
	}
	return d >= 14;
}

#if defined(__SSE2__)
/* 0xFF in each byte of v that lies in [lo, lo + width). */
static __m128i
in_range(__m128i v, int lo, int width)
{
	__m128i d = _mm_sub_epi8(v, _mm_set1_epi8((char)lo));

	return _mm_cmpeq_epi8(_mm_subs_epu8(d, _mm_set1_epi8((char)(width - 1))),
	    _mm_setzero_si128());
}

static unsigned
count_bits(unsigned x)
{
	unsigned n = 0;

	for (; x; x &= x - 1)
		n++;
	return n;
}

/* Sixteen positions at a time, exactly what scan_may_hold_id_exact
 * counts: with the bytes at k, k + 1 and k + 2 side by side, an ASCII
 * digit, a digit followed by e/E, and the three-byte patterns of the
 * Arabic-Indic, Devanagari and fullwidth digits. */
static int
may_hold_id_all(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	const __m128i lower = _mm_set1_epi8(0x20);
	size_t i = 0, d = 0;

	for (; i + 18 <= n; i += 16) {
		__m128i v0 = _mm_loadu_si128((const __m128i *)(p + i));
		__m128i v1 = _mm_loadu_si128((const __m128i *)(p + i + 1));
		__m128i v2 = _mm_loadu_si128((const __m128i *)(p + i + 2));
		__m128i dig = in_range(v0, '0', 10);
		__m128i e = _mm_cmpeq_epi8(_mm_or_si128(v1, lower), _mm_set1_epi8('e'));
		__m128i other = _mm_or_si128(
		    _mm_or_si128(
			_mm_and_si128(_mm_cmpeq_epi8(v0, _mm_set1_epi8((char)0xD9)),
			    in_range(v1, 0xA0, 10)),
			_mm_and_si128(_mm_cmpeq_epi8(v0, _mm_set1_epi8((char)0xDB)),
			    in_range(v1, 0xB0, 10))),
		    _mm_or_si128(
			_mm_and_si128(_mm_and_si128(
			    _mm_cmpeq_epi8(v0, _mm_set1_epi8((char)0xE0)),
			    _mm_cmpeq_epi8(v1, _mm_set1_epi8((char)0xA5))),
			    in_range(v2, 0xA6, 10)),
			_mm_and_si128(_mm_and_si128(
			    _mm_cmpeq_epi8(v0, _mm_set1_epi8((char)0xEF)),
			    _mm_cmpeq_epi8(v1, _mm_set1_epi8((char)0xBC))),
			    in_range(v2, 0x90, 10))));

		if (_mm_movemask_epi8(_mm_and_si128(dig, e)))
			return 1;	/* maybe E-notation */
		d += count_bits((unsigned)_mm_movemask_epi8(_mm_or_si128(dig, other)));
	}
	/* the last positions one by one (pairs from i on: the loop has
	 * looked at every pair that starts before i) */
	for (; i < n; i++) {
		if (p[i] - (unsigned)'0' < 10) {
			d++;
			if (i + 1 < n && (p[i + 1] | 0x20) == 'e')
				return 1;
		} else if (i + 1 < n && ((p[i] == 0xD9 && p[i + 1] - 0xA0u < 10u) ||
		    (p[i] == 0xDB && p[i + 1] - 0xB0u < 10u))) {
			d++;
		} else if (i + 2 < n && ((p[i] == 0xE0 && p[i + 1] == 0xA5 &&
		    p[i + 2] - 0xA6u < 10u) || (p[i] == 0xEF && p[i + 1] == 0xBC &&
		    p[i + 2] - 0x90u < 10u))) {
			d++;
		}
	}
	return d >= 14;
}

/* Most text has no byte that can start a non-ASCII digit (0xD9 and up):
 * then ASCII digits and digit-e pairs, a lighter pass, decide alone. */
int
scan_may_hold_id(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	const __m128i lower = _mm_set1_epi8(0x20);
	__m128i hi = _mm_setzero_si128();
	size_t i = 0, d = 0;

	for (; i + 17 <= n; i += 16) {
		__m128i v0 = _mm_loadu_si128((const __m128i *)(p + i));
		__m128i v1 = _mm_loadu_si128((const __m128i *)(p + i + 1));
		__m128i dig = in_range(v0, '0', 10);
		unsigned dm = (unsigned)_mm_movemask_epi8(dig);

		hi = _mm_or_si128(hi, _mm_cmpeq_epi8(_mm_max_epu8(v0,
		    _mm_set1_epi8((char)0xD9)), v0));
		if (dm == 0)
			continue;
		if (_mm_movemask_epi8(_mm_and_si128(dig, _mm_cmpeq_epi8(
		    _mm_or_si128(v1, lower), _mm_set1_epi8('e')))))
			return 1;	/* maybe E-notation */
		d += count_bits(dm);
	}
	if (_mm_movemask_epi8(hi))
		return may_hold_id_all(s, n);
	for (; i < n; i++) {
		if (p[i] >= 0xD9)
			return may_hold_id_all(s, n);
		if (p[i] - (unsigned)'0' < 10) {
			d++;
			if (i + 1 < n && (p[i + 1] | 0x20) == 'e')
				return 1;
		}
	}
	return d >= 14;
}
#else
/* Without SSE2: eight bytes at a time (SWAR). */
#define ONES UINT64_C(0x0101010101010101)
#define HIGH UINT64_C(0x8080808080808080)
#define LOW7 UINT64_C(0x7F7F7F7F7F7F7F7F)

/* Per byte of w, 0x80 where the byte is an ASCII digit (exact: no carry
 * crosses a byte because the high bit is masked off first). */
static uint64_t
digit_mask(uint64_t w)
{
	uint64_t y = w ^ (ONES * '0');

	return ~(((y & LOW7) + ONES * (0x80 - 10)) | y) & HIGH;
}

/* 0x80 where the byte is 'e' or 'E'. */
static uint64_t
e_mask(uint64_t w)
{
	uint64_t z = (w | ONES * 0x20) ^ (ONES * 'e');

	return ~(((z & LOW7) + LOW7) | z) & HIGH;
}

/* 0x80 where the byte is 0xD9 or above (may start a non-ASCII digit). */
static uint64_t
hi_mask(uint64_t w)
{
	return ((w & LOW7) + ONES * (0x80 - 0x59)) & w & HIGH;
}

/* The common case first, eight bytes at a time: count ASCII digits, and
 * note digits followed by e/E and lead bytes of non-ASCII digits; only
 * text with one of those needs the exact look. */
int
scan_may_hold_id(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, d = 0;
	uint64_t de = 0, hi = 0, carry = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t w, dm, em;
		memcpy(&w, p + i, 8);
		dm = digit_mask(w);
		em = e_mask(w);
		/* a digit, then e/E in the next byte (here, or across words) */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
		de |= dm & (em << 8);
		de |= carry & (em >> 63);
		carry = (dm >> 7) & 1;
#else
		de |= dm & (em >> 8);
		de |= carry & (em >> 7) & 1;
		carry = dm >> 63;
#endif
		hi |= hi_mask(w);
		d += (size_t)(((dm >> 7) * ONES) >> 56);
	}
	for (; i < n; i++) {
		unsigned dig = (unsigned char)(p[i] - '0') < 10;
		de |= carry && (p[i] | 0x20) == 'e';
		carry = dig;
		d += dig;
		hi |= p[i] >= 0xD9;
	}
	if (d >= 14)
		return 1;
	if (de == 0 && hi == 0)
		return 0;
	return scan_may_hold_id_exact(s, n);
}

#endif

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
    uint32_t phrase)
{
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

static int
has_phrases(enum scan_role role)
{
	return role == SCAN_TITLE || role == SCAN_TEXT;
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

	scan_add_hit(h->s, h->out, h->field, (uint32_t)m->phrase);
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
		if (!has_phrases(in->f[i].role))
			continue;
		h.field = (uint32_t)i;
		matcher_run(&s->m, in->f[i].p, in->f[i].len, on_match, &h);
	}
}

void
scan_many_init(struct scan_many *w)
{
	memset(w, 0, sizeof *w);
}

void
scan_many_release(struct scan_many *w)
{
	free(w->texts);
	free(w->where);
	free(w->first);
	free(w->hits);
	free(w->sorted);
	scan_many_init(w);
}

static int
grow(void *pp, size_t *cap, size_t need, size_t size)
{
	void **p = pp;
	size_t n = *cap ? *cap : 256;
	void *q;

	if (need <= *cap)
		return 0;
	while (n < need)
		n *= 2;
	if (n > SIZE_MAX / size || !(q = realloc(*p, n * size)))
		return -1;
	*p = q;
	*cap = n;
	return 0;
}

static int
collect_hit(void *ctx, const struct matcher_match *m)
{
	struct scan_many *w = ctx;

	if (grow(&w->hits, &w->caphits, w->nhits + 1, sizeof *w->hits) != 0)
		return w->nomem = -1;
	w->hits[w->nhits].text = (uint32_t)m->text;
	w->hits[w->nhits].phrase = (uint32_t)m->phrase;
	w->nhits++;
	return 0;
}

/* The hits ordered by text (stable: each text's in the matcher's order);
 * first[k] is where text k's hits begin. */
static int
sort_hits(struct scan_many *w)
{
	size_t k, i;

	if (grow(&w->first, &w->capfirst, w->ntexts + 1, sizeof *w->first) != 0 ||
	    grow(&w->sorted, &w->capsorted, w->nhits + 1, sizeof *w->sorted) != 0)
		return -1;
	memset(w->first, 0, (w->ntexts + 1) * sizeof *w->first);
	for (i = 0; i < w->nhits; i++)
		w->first[w->hits[i].text + 1]++;
	for (k = 0; k < w->ntexts; k++)
		w->first[k + 1] += w->first[k];
	for (i = 0; i < w->nhits; i++)
		w->sorted[w->first[w->hits[i].text]++] = w->hits[i];
	/* the placing moved each start to the next text's: move back */
	for (k = w->ntexts; k > 0; k--)
		w->first[k] = w->first[k - 1];
	w->first[0] = 0;
	return 0;
}

int
scan_many(const struct scan *s, struct scan_many *w, const struct scan_listing *in,
    size_t n, scan_many_fn fn, void *ctx, struct scan_result *res)
{
	size_t i, k, f, h;

	w->ntexts = w->nhits = 0;
	w->nomem = 0;
	for (i = 0; i < n; i++)
		for (f = 0; f < in[i].nf; f++) {
			if (!has_phrases(in[i].f[f].role) || in[i].f[f].len == 0)
				continue;
			if (grow(&w->texts, &w->captexts, w->ntexts + 1, sizeof *w->texts) != 0 ||
			    grow(&w->where, &w->capwhere, w->ntexts + 1, sizeof *w->where) != 0)
				return -1;
			w->texts[w->ntexts].p = in[i].f[f].p;
			w->texts[w->ntexts].n = in[i].f[f].len;
			w->where[w->ntexts].listing = i;
			w->where[w->ntexts].field = (uint32_t)f;
			w->ntexts++;
		}
	matcher_run_many(&s->m, w->texts, w->ntexts, collect_hit, w);
	if (w->nomem || sort_hits(w) != 0)
		return -1;
	/* the texts are in listing order, so one walk hands them out */
	for (i = 0, k = 0; i < n; i++) {
		scan_identifiers(s, &in[i], res);
		for (; k < w->ntexts && w->where[k].listing == i; k++)
			for (h = w->first[k]; h < w->first[k + 1]; h++)
				scan_add_hit(s, res, w->where[k].field, w->sorted[h].phrase);
		if (fn(ctx, i, res) != 0)
			return 1;
	}
	return 0;
}
