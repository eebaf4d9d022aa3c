/* SPDX-License-Identifier: MIT */
/* matcher: Aho-Corasick over case-folded UTF-8 bytes, as a dense DFA. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "casefold.h"
#include "matcher.h"
#include "utf8.h"

#define NONE UINT32_MAX

struct matcher_phrase {
	size_t off, len;	/* folded bytes in m->folded */
	unsigned char word_left, word_right;	/* boundary checks to make */
};

void
matcher_init(struct matcher *m)
{
	memset(m, 0, sizeof *m);
}

void
matcher_release(struct matcher *m)
{
	free(m->phrases);
	free(m->folded);
	free(m->delta);
	free(m->out_first);
	free(m->out_list);
	memset(m, 0, sizeof *m);
}

static int
grow(void *pp, size_t *cap, size_t need, size_t size)
{
	void **p = pp;
	size_t n = *cap ? *cap : 16;
	void *q;

	if (need <= *cap)
		return 0;
	while (n < need)
		n *= 2;
	if (!(q = realloc(*p, n * size)))
		return -1;
	*p = q;
	*cap = n;
	return 0;
}

int
matcher_add(struct matcher *m, const char *p, size_t n, unsigned flags,
    struct error *err)
{
	struct matcher_phrase *ph;
	size_t i = 0, start, k, j, nf;
	uint32_t cp, f[2], first = 0, last = 0;
	int pending_space = 0;
	char *o;

	if (m->compiled)
		return error_set(err, 0, 0, "phrase added after compiling");
	if (n == 0 || n > MATCHER_MAX_PHRASE)
		return error_set(err, 0, 0, "phrase %zu is empty or longer than %d bytes",
		    m->nphrases + 1, MATCHER_MAX_PHRASE);
	if (!utf8_valid(p, n))
		return error_set(err, 0, 0, "phrase %zu is not valid UTF-8",
		    m->nphrases + 1);
	if (grow(&m->phrases, &m->cap, m->nphrases + 1, sizeof *m->phrases) ||
	    grow(&m->folded, &m->folded_cap, m->folded_len + 3 * n, 1))
		return error_set(err, 0, 0, "out of memory");
	start = m->folded_len;
	o = m->folded + start;
	k = 0;
	while (i < n) {
		i += utf8_decode(p + i, n - i, &cp);
		if (casefold_is_space(cp)) {
			pending_space = k > 0;
			continue;
		}
		if (pending_space)
			o[k++] = ' ';
		pending_space = 0;
		if (k == 0)
			first = cp;
		last = cp;
		nf = casefold_full(cp, f);
		for (j = 0; j < nf; j++)
			k += utf8_encode(f[j], o + k);
	}
	if (k == 0)
		return error_set(err, 0, 0, "phrase %zu is only white space",
		    m->nphrases + 1);
	ph = &m->phrases[m->nphrases++];
	ph->off = start;
	ph->len = k;
	ph->word_left = (flags & MATCHER_WORD) && casefold_is_word(first);
	ph->word_right = (flags & MATCHER_WORD) && casefold_is_word(last);
	m->folded_len += k;
	return 0;
}

/* Moves row old to row perm[old] for every row, in place, following the
 * cycles of the permutation; done[] marks rows already in place. */
static void
permute_rows(uint32_t *d, uint32_t ncls, uint32_t nstates,
    const uint32_t *inv, unsigned char *done, uint32_t *tmp)
{
	uint32_t i, j, k;

	for (i = 0; i < nstates; i++) {
		if (done[i])
			continue;
		memcpy(tmp, d + (size_t)i * ncls, ncls * sizeof *d);
		for (j = i;; j = k) {
			done[j] = 1;
			k = inv[j];	/* the old row that belongs at j */
			if (k == i) {
				memcpy(d + (size_t)j * ncls, tmp, ncls * sizeof *d);
				break;
			}
			memcpy(d + (size_t)j * ncls, d + (size_t)k * ncls,
			    ncls * sizeof *d);
		}
	}
}

int
matcher_compile(struct matcher *m, struct error *err)
{
	uint32_t *d = NULL, *fail = NULL, *queue = NULL, *own = NULL;
	uint32_t *pnext = NULL, *link = NULL, *perm = NULL, *inv = NULL;
	unsigned char *sp = NULL, *done = NULL;
	uint32_t ncls = 1, nst = 1, maxst, s, c, t, q, qh = 0, qt = 0;
	uint32_t nout = 0, spc, x;
	size_t i, j, nlist = 0, listcap = 0;
	int rc = -1;

	if (m->compiled)
		return error_set(err, 0, 0, "matcher compiled twice");
	/* what a failed attempt may have left */
	free(m->delta);
	free(m->out_first);
	free(m->out_list);
	m->delta = NULL;
	m->out_first = m->out_list = NULL;
	memset(m->cls, 0, sizeof m->cls);
	for (i = 0; i < m->folded_len; i++)
		m->cls[(unsigned char)m->folded[i]] = 1;
	for (i = 0; i < 256; i++)
		if (m->cls[i])
			m->cls[i] = (uint8_t)ncls++;
	spc = m->cls[' '];
	for (i = 0; i < 128; i++)
		m->acls[i] = casefold_is_space((uint32_t)i) ? (uint8_t)spc :
		    m->cls[casefold_simple((uint32_t)i)];
	for (c = 0x80; c < 0x800; c++) {
		uint32_t f[2], v = 0;
		size_t k, nb = 0, u;
		char enc[8];

		if (!casefold_is_space(c)) {
			for (k = casefold_full(c, f), u = 0; u < k; u++)
				nb += utf8_encode(f[u], enc + nb);
			for (u = nb; u-- > 0;)
				v = (v << 8) | (unsigned char)enc[u];
			v |= (uint32_t)nb << 24;
		}
		m->fold2[c - 0x80] = v;
	}
	memset(m->plain3, 0, sizeof m->plain3);
	for (i = 0; i < 256; i++)
		m->same[i] = (uint8_t)i;
	for (c = 0x800 >> 6; c < 0x10000 >> 6; c++)
		if ((c < 0xD800 >> 6 || c > 0xDFFF >> 6) &&
		    casefold_range_is_plain(c << 6, (c << 6) | 63))
			m->plain3[c >> 6] |= (uint64_t)1 << (c & 63);
	maxst = (uint32_t)m->folded_len + 1;
	if ((size_t)maxst * ncls * sizeof *m->delta > MATCHER_MAX_TABLE) {
		error_set(err, 0, 0, "too many phrases: the table would pass %u MB",
		    MATCHER_MAX_TABLE >> 20);
		goto out;
	}
	d = malloc((size_t)maxst * ncls * sizeof *d);
	fail = calloc(maxst, sizeof *fail);
	queue = malloc(maxst * sizeof *queue);
	own = malloc(maxst * sizeof *own);
	link = malloc(maxst * sizeof *link);
	sp = calloc(maxst, 1);
	pnext = malloc((m->nphrases + 1) * sizeof *pnext);
	if (!d || !fail || !queue || !own || !link || !sp || !pnext) {
		error_set(err, 0, 0, "out of memory");
		goto out;
	}
	memset(d, 0xff, (size_t)maxst * ncls * sizeof *d);
	memset(own, 0xff, maxst * sizeof *own);
	/* the trie; own[s] heads a list of phrases through pnext, built
	 * backwards so that each list is in ascending order */
	for (i = m->nphrases; i-- > 0;) {
		const unsigned char *f = (const unsigned char *)m->folded +
		    m->phrases[i].off;

		for (s = 0, j = 0; j < m->phrases[i].len; j++) {
			c = m->cls[f[j]];
			if (d[(size_t)s * ncls + c] == NONE) {
				sp[nst] = f[j] == ' ';
				d[(size_t)s * ncls + c] = nst++;
			}
			s = d[(size_t)s * ncls + c];
		}
		pnext[i] = own[s];
		own[s] = (uint32_t)i;
	}
	/* failure links and the full transition function, breadth first */
	link[0] = NONE;
	for (c = 0; c < ncls; c++) {
		t = d[c];
		if (t == NONE) {
			d[c] = 0;
		} else {
			fail[t] = 0;
			queue[qt++] = t;
		}
	}
	while (qh < qt) {
		s = queue[qh++];
		link[s] = own[fail[s]] != NONE ? fail[s] : link[fail[s]];
		for (c = 0; c < ncls; c++) {
			uint32_t *e = &d[(size_t)s * ncls + c];
			uint32_t via = d[(size_t)fail[s] * ncls + c];

			if (*e == NONE) {
				*e = via;
			} else {
				fail[*e] = via;
				queue[qt++] = *e;
			}
		}
	}
	/* a run of spaces in the text reads as one space */
	if (spc)
		for (s = 1; s < nst; s++)
			if (sp[s])
				d[(size_t)s * ncls + spc] = s;
	/* renumber so that the states with output come last */
	perm = malloc(nst * sizeof *perm);
	inv = malloc(nst * sizeof *inv);
	done = calloc(nst, 1);
	if (!perm || !inv || !done) {
		error_set(err, 0, 0, "out of memory");
		goto out;
	}
	for (s = 0; s < nst; s++)
		if (own[s] != NONE || link[s] != NONE)
			nout++;
	for (s = 0, q = 0, x = nst - nout; s < nst; s++)
		perm[s] = (own[s] != NONE || link[s] != NONE) ? x++ : q++;
	for (s = 0; s < nst; s++)
		inv[perm[s]] = s;
	for (i = 0; i < (size_t)nst * ncls; i++)
		d[i] = perm[d[i]];
	permute_rows(d, ncls, nst, inv, done, queue);
	/* output lists: own phrases, then those of the dictionary links */
	m->out_first = malloc((nout + 1) * sizeof *m->out_first);
	if (!m->out_first) {
		error_set(err, 0, 0, "out of memory");
		goto out;
	}
	for (x = nst - nout; x < nst; x++) {
		m->out_first[x - (nst - nout)] = (uint32_t)nlist;
		for (t = inv[x]; t != NONE; t = link[t]) {
			uint32_t ph;

			for (ph = own[t]; ph != NONE; ph = pnext[ph]) {
				if (grow(&m->out_list, &listcap, nlist + 2,
				    sizeof *m->out_list) ||
				    nlist * 4 > MATCHER_MAX_TABLE) {
					error_set(err, 0, 0, "too many phrases: "
					    "out of memory for the match lists");
					goto out;
				}
				m->out_list[nlist++] = ph;
			}
		}
		m->out_list[nlist++] = NONE;
	}
	/* the final table holds row addresses */
	if (!(m->delta = malloc((size_t)nst * ncls * sizeof *m->delta))) {
		error_set(err, 0, 0, "out of memory");
		goto out;
	}
	for (i = 0; i < (size_t)nst * ncls; i++)
		m->delta[i] = d[i] * ncls;
	m->ncls = ncls;
	m->nstates = nst;
	m->out_first_state = nst - nout;
	m->compiled = 1;
	rc = 0;
out:
	free(d);
	free(fail);
	free(queue);
	free(own);
	free(link);
	free(sp);
	free(pnext);
	free(perm);
	free(inv);
	free(done);
	return rc;
}

/* The start of the code point that ends at pos (pos > 0) and the code
 * point itself; a byte that is not part of a valid sequence stands alone
 * as U+FFFD. */
static size_t
prev_cp(const unsigned char *t, size_t pos, uint32_t *cp)
{
	size_t q = pos - 1;

	while (q > 0 && pos - q < 4 && (t[q] & 0xC0) == 0x80)
		q--;
	if (q + utf8_decode((const char *)t + q, pos - q, cp) == pos)
		return q;
	*cp = 0xFFFD;
	return pos - 1;
}

/* Bytes of the folded form of cp. */
static size_t
folded_len(uint32_t cp)
{
	uint32_t f[2];
	char tmp[4];
	size_t k = casefold_full(cp, f), n = 0, i;

	for (i = 0; i < k; i++)
		n += utf8_encode(f[i], tmp);
	return n;
}

/* Where a match of need folded bytes that ends at end begins: walks back
 * over code points, a run of white space counting as one byte. */
static size_t
match_start(const unsigned char *t, size_t end, size_t need)
{
	size_t pos = end, q, fl;
	uint32_t cp;

	while (need > 0 && pos > 0) {
		if (t[pos - 1] < 0x80) {
			/* ASCII folds to one byte */
			q = pos - 1;
			cp = t[q];
		} else {
			q = prev_cp(t, pos, &cp);
		}
		if (casefold_is_space(cp)) {
			pos = q;
			while (pos > 0) {
				q = prev_cp(t, pos, &cp);
				if (!casefold_is_space(cp))
					break;
				pos = q;
			}
			need--;
			continue;
		}
		fl = cp < 0x80 ? 1 : folded_len(cp);
		need = fl >= need ? 0 : need - fl;
		pos = q;
	}
	return pos;
}

static int
word_before(const unsigned char *t, size_t pos)
{
	uint32_t cp;

	if (pos == 0)
		return 0;
	prev_cp(t, pos, &cp);
	return casefold_is_word(cp);
}

static int
word_after(const unsigned char *t, size_t n, size_t pos)
{
	uint32_t cp;

	if (pos >= n)
		return 0;
	utf8_decode((const char *)t + pos, n - pos, &cp);
	return casefold_is_word(cp);
}

enum {
	PIECE = 256,	/* folded bytes a lane prepares at a time */
	LANES = 4	/* texts matcher_run_many runs side by side */
};

/*
 * One text going through the automaton, a piece at a time.  A run of
 * ASCII is read in place, each byte mapped to its class by m->acls; other
 * text is folded a code point at a time into the byte classes of its
 * folded bytes (one automaton step each), kept in cls and mapped by the
 * identity.  Either way the automaton takes map[p[k]] at step k, the same
 * for every script.
 */
struct lane {
	const unsigned char *t;	/* the text */
	size_t n, text;		/* its length and its index */
	size_t next;		/* where the next piece starts */
	size_t start;		/* where the current piece starts */
	size_t len, pos;	/* steps in the piece; how many were taken */
	const uint8_t *p, *map;	/* the piece */
	uint32_t row;		/* the state, as the offset of its row */
	int ascii;		/* read in place: step k ends at start + k + 1 */
	uint8_t cls[PIECE + 8];	/* a code point adds at most 6 */
	uint16_t end[PIECE + 8];	/* else: where the code point of step k
					 * ends, from start */
};

/* Writes the classes of the folded bytes of the non-ASCII code point at
 * t (n bytes left) to out; returns how many, and its length in *len. */
static size_t
fold_other(const struct matcher *m, const unsigned char *t, size_t n,
    uint8_t *out, size_t *len)
{
	uint32_t cp, f[2], v;
	unsigned char fb[8];
	size_t k, j, e;

	if (t[0] >= 0xC2 && t[0] <= 0xDF && n > 1 && (t[1] & 0xC0) == 0x80) {
		/* two-byte UTF-8: folded by table */
		v = m->fold2[(((t[0] & 0x1Fu) << 6) | (t[1] & 0x3Fu)) - 0x80];
		*len = 2;
		if ((v >> 24) == 0) {
			out[0] = m->acls[' '];
			return 1;
		}
		for (k = 0; k < v >> 24; k++)
			out[k] = m->cls[(v >> (8 * k)) & 0xFF];
		return k;
	}
	if ((t[0] & 0xF0) == 0xE0 && n > 2 && (t[1] & 0xC0) == 0x80 &&
	    (t[2] & 0xC0) == 0x80) {
		/* three bytes in a block that folds to itself: as written (the
		 * bitmap leaves out overlong forms and surrogates) */
		cp = ((t[0] & 0x0Fu) << 12) | ((t[1] & 0x3Fu) << 6) | (t[2] & 0x3Fu);
		if (m->plain3[cp >> 12] >> ((cp >> 6) & 63) & 1) {
			*len = 3;
			out[0] = m->cls[t[0]];
			out[1] = m->cls[t[1]];
			out[2] = m->cls[t[2]];
			return 3;
		}
	}
	*len = utf8_decode((const char *)t, n, &cp);
	if (cp == 0xFFFD && *len == 1) {
		/* invalid byte: class 0 leads every state to the start, so no
		 * phrase spans it */
		out[0] = 0;
		return 1;
	}
	if (casefold_is_space(cp)) {
		out[0] = m->acls[' '];
		return 1;
	}
	k = casefold_full(cp, f);
	for (e = 0, j = 0; j < k; j++)
		e += utf8_encode(f[j], (char *)fb + e);
	for (j = 0; j < e; j++)
		out[j] = m->cls[fb[j]];
	return e;
}

/* The length of the run of ASCII bytes at p (at most n), eight bytes at
 * a time. */
static size_t
ascii_run(const unsigned char *p, size_t n)
{
	size_t i = 0;
	uint64_t w;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, p + i, 8);
		if (w & UINT64_C(0x8080808080808080))
			break;
	}
	while (i < n && p[i] < 0x80)
		i++;
	return i;
}

/* Prepares the lane's next piece from l->next on: a run of ASCII in
 * place, or else up to PIECE folded steps. */
static void
fill(const struct matcher *m, struct lane *l)
{
	const unsigned char *t = l->t;
	size_t i = l->next, n = l->n, j, k, len, a;

	l->start = i;
	l->pos = 0;
	a = ascii_run(t + i, n - i);
	if (a == n - i || a >= 16) {
		l->ascii = 1;
		l->p = t + i;
		l->map = m->acls;
		l->len = a;
		l->next = i + a;
		return;
	}
	l->ascii = 0;
	l->p = l->cls;
	l->map = m->same;
	for (j = 0; i < n && j < PIECE;) {
		if (t[i] < 0x80) {
			l->cls[j] = m->acls[t[i++]];
			l->end[j++] = (uint16_t)(i - l->start);
			continue;
		}
		k = fold_other(m, t + i, n - i, l->cls + j, &len);
		i += len;
		while (k-- > 0)
			l->end[j++] = (uint16_t)(i - l->start);
	}
	l->len = j;
	l->next = i;
}

/* Reports the phrases that end with class q of the lane's piece, in the
 * state l->row. */
static int
report(const struct matcher *m, const struct lane *l, size_t q,
    matcher_fn fn, void *ctx)
{
	size_t state = l->row / m->ncls;
	size_t end = l->start + (l->ascii ? q + 1 : l->end[q]);
	const uint32_t *o = m->out_list +
	    m->out_first[state - m->out_first_state];
	struct matcher_match mm;
	int r;

	mm.text = l->text;
	for (; *o != NONE; o++) {
		const struct matcher_phrase *ph = &m->phrases[*o];

		mm.phrase = *o;
		mm.off = match_start(l->t, end, ph->len);
		mm.len = end - mm.off;
		if (ph->word_left && word_before(l->t, mm.off))
			continue;
		if (ph->word_right && word_after(l->t, l->n, end))
			continue;
		if ((r = fn(ctx, &mm)) != 0)
			return r;
	}
	return 0;
}

/* Starts text k in l. */
static void
lane_start(struct lane *l, const char *p, size_t n, size_t k)
{
	l->t = (const unsigned char *)p;
	l->n = n;
	l->text = k;
	l->next = l->start = l->len = l->pos = 0;
	l->row = 0;
	l->ascii = 1;
	l->p = l->map = NULL;
}

/* Runs one lane to the end of its text. */
static int
run_one(const struct matcher *m, struct lane *l, matcher_fn fn, void *ctx)
{
	const uint32_t *d = m->delta;
	const uint32_t out = m->out_first_state * m->ncls;
	int r;

	for (;;) {
		uint32_t row = l->row;
		size_t q;

		if (l->pos == l->len) {
			if (l->next >= l->n)
				return 0;
			fill(m, l);
		}
		for (q = l->pos; q < l->len; q++) {
			row = d[row + l->map[l->p[q]]];
			if (row >= out) {
				l->row = row;
				if ((r = report(m, l, q, fn, ctx)) != 0)
					return r;
			}
		}
		l->row = row;
		l->pos = l->len;
	}
}

int
matcher_run(const struct matcher *m, const char *p, size_t n,
    matcher_fn fn, void *ctx)
{
	struct lane l;

	if (!m->compiled || m->nphrases == 0)
		return 0;
	lane_start(&l, p, n, 0);
	return run_one(m, &l, fn, ctx);
}

/* Starts the next non-empty text in l; 0 when there is none. */
static int
lane_load(struct lane *l, const struct matcher_text *t, size_t ntexts,
    size_t *next)
{
	while (*next < ntexts && t[*next].n == 0)
		(*next)++;
	if (*next >= ntexts)
		return 0;
	lane_start(l, t[*next].p, t[*next].n, *next);
	(*next)++;
	return 1;
}

/* The four lanes in lock step, each getting a new piece or a new text
 * when it has used up its piece, until the texts run out. */
static int
run_lanes(const struct matcher *m, struct lane *l,
    const struct matcher_text *texts, size_t ntexts, size_t *next,
    matcher_fn fn, void *ctx)
{
	const uint32_t *d = m->delta;
	const uint32_t out = m->out_first_state * m->ncls;
	int r;

	for (;;) {
		const uint8_t *c0, *c1, *c2, *c3, *m0, *m1, *m2, *m3;
		uint32_t r0, r1, r2, r3;
		size_t j, k, x;

		for (x = 0; x < LANES; x++)
			while (l[x].pos == l[x].len) {
				if (l[x].next < l[x].n)
					fill(m, &l[x]);
				else if (!lane_load(&l[x], texts, ntexts, next))
					return 0;
			}
		for (k = SIZE_MAX, x = 0; x < LANES; x++)
			if (l[x].len - l[x].pos < k)
				k = l[x].len - l[x].pos;
		c0 = l[0].p + l[0].pos, m0 = l[0].map, r0 = l[0].row;
		c1 = l[1].p + l[1].pos, m1 = l[1].map, r1 = l[1].row;
		c2 = l[2].p + l[2].pos, m2 = l[2].map, r2 = l[2].row;
		c3 = l[3].p + l[3].pos, m3 = l[3].map, r3 = l[3].row;
		for (j = 0; j < k; j++) {
			r0 = d[r0 + m0[c0[j]]];
			r1 = d[r1 + m1[c1[j]]];
			r2 = d[r2 + m2[c2[j]]];
			r3 = d[r3 + m3[c3[j]]];
			if ((r0 >= out) | (r1 >= out) | (r2 >= out) | (r3 >= out)) {
				const uint32_t rows[LANES] = { r0, r1, r2, r3 };

				for (x = 0; x < LANES; x++) {
					if (rows[x] < out)
						continue;
					l[x].row = rows[x];
					if ((r = report(m, &l[x], l[x].pos + j, fn, ctx)) != 0)
						return r;
				}
			}
		}
		l[0].pos += k, l[0].row = r0;
		l[1].pos += k, l[1].row = r1;
		l[2].pos += k, l[2].row = r2;
		l[3].pos += k, l[3].row = r3;
	}
}

int
matcher_run_many(const struct matcher *m, const struct matcher_text *t,
    size_t ntexts, matcher_fn fn, void *ctx)
{
	struct lane l[LANES];
	size_t next = 0, nl, x;
	int r;

	if (!m->compiled || m->nphrases == 0)
		return 0;
	for (nl = 0; nl < LANES && lane_load(&l[nl], t, ntexts, &next); nl++)
		;
	if (nl == LANES && (r = run_lanes(m, l, t, ntexts, &next, fn, ctx)) != 0)
		return r;
	/* what is left: the lanes' unfinished texts, one after another */
	for (x = 0; x < nl; x++)
		if ((r = run_one(m, &l[x], fn, ctx)) != 0)
			return r;
	return 0;
}
