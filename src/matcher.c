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
	for (i = 0; i < 256; i++)
		m->bcls[i] = i >= 128 ? m->cls[i] :
		    casefold_is_space((uint32_t)i) ? (uint8_t)spc :
		    m->cls[casefold_simple((uint32_t)i)];
	for (c = 0x80; c < 0x800; c++) {
		uint32_t f[2], v = ' ' | 1u << 24;
		size_t k, nb = 0, u;
		char enc[8];

		if (!casefold_is_space(c)) {
			for (k = casefold_full(c, f), u = 0; u < k; u++)
				nb += utf8_encode(f[u], enc + nb);
			for (v = 0, u = nb; u-- > 0;)
				v = (v << 8) | (unsigned char)enc[u];
			v |= (uint32_t)nb << 24;
		}
		m->fold2[c - 0x80] = v;
	}
	memset(m->plain3, 0, sizeof m->plain3);
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
		m->delta[i] = (uintptr_t)(m->delta + (size_t)d[i] * ncls);
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
	PIECE = 1024,	/* bytes a lane prepares at a time */
	MAXSEG = 64,	/* texts or runs in a piece, at most */
	LANES = 4,	/* lanes matcher_run_many runs side by side */
	SEP = 0xFF	/* between texts: no phrase has it, so it leads every
			 * state back to the start */
};

/* A stretch of one text in a piece. */
struct segment {
	size_t at;		/* where it starts in the piece */
	size_t text;		/* which text */
	size_t from;		/* where it starts in the text */
	int ascii;		/* copied as is: step k ends at from + k - at + 1 */
};

/*
 * A lane feeds the automaton texts one after another, a piece at a time.
 * A piece holds the texts' bytes the automaton reads: a run of ASCII as
 * it is, other text folded a code point at a time (white space becoming a
 * space, an invalid byte SEP), and SEP before each text.  So the automaton
 * takes m->bcls[p[k]] at every step, the same way for every script, and
 * lanes in lock step part only when a piece is used up.
 */
struct lane {
	const struct matcher_text *texts;
	size_t ntexts, *next;	/* shared by the lanes: the next text to take */
	size_t text, off;	/* the text being read, and how far */
	int have;		/* text is being read */
	size_t len, pos;	/* bytes in the piece; how many went through */
	const uintptr_t *row;	/* the state, as the address of its row */
	size_t nseg;
	struct segment seg[MAXSEG];
	unsigned char buf[PIECE + 8];	/* a code point adds at most 6 */
	uint16_t end[PIECE + 8];	/* folded: where the code point of step k
					 * ends, from its segment's from */
};

/* Folds the code point at t (n bytes left, not ASCII, not a two-byte
 * sequence) into out; returns the bytes written, and its length in *len. */
static size_t
fold_other(const struct matcher *m, const unsigned char *t, size_t n,
    unsigned char *out, size_t *len)
{
	uint32_t cp, f[2];
	size_t k, j, e;

	if ((t[0] & 0xF0) == 0xE0 && n > 2 && (t[1] & 0xC0) == 0x80 &&
	    (t[2] & 0xC0) == 0x80) {
		/* three bytes in a block that folds to itself: as written (the
		 * bitmap leaves out overlong forms and surrogates) */
		cp = ((t[0] & 0x0Fu) << 12) | ((t[1] & 0x3Fu) << 6) | (t[2] & 0x3Fu);
		if (m->plain3[cp >> 12] >> ((cp >> 6) & 63) & 1) {
			*len = 3;
			memcpy(out, t, 3);
			return 3;
		}
	}
	*len = utf8_decode((const char *)t, n, &cp);
	if (cp == 0xFFFD && *len == 1) {
		out[0] = 0xFF;	/* no phrase spans an invalid byte */
		return 1;
	}
	if (casefold_is_space(cp)) {
		out[0] = ' ';
		return 1;
	}
	k = casefold_full(cp, f);
	for (e = 0, j = 0; j < k; j++)
		e += utf8_encode(f[j], (char *)out + e);
	return e;
}

/* The index of the first byte of w (as loaded from memory) with its high
 * bit set; w has one. */
static size_t
first_high(uint64_t w)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	return (size_t)__builtin_ctzll(w) >> 3;
#else
	unsigned char b[8];
	size_t i = 0;

	memcpy(b, &w, 8);
	while (!(b[i] & 0x80))
		i++;
	return i;
#endif
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
		if ((w &= UINT64_C(0x8080808080808080)) != 0)
			return i + first_high(w);
	}
	while (i < n && p[i] < 0x80)
		i++;
	return i;
}

/* Starts a segment of the current text at piece position j. */
static void
segment(struct lane *l, size_t j, int ascii)
{
	struct segment *g = &l->seg[l->nseg++];

	g->at = j;
	g->text = l->text;
	g->from = l->off;
	g->ascii = ascii;
}

/* Folds the current text from l->off into the piece from j on, up to
 * room, stopping at the next run of ASCII worth copying (eight bytes or
 * more); returns the new end of the piece. */
static size_t
fold_run(const struct matcher *m, struct lane *l, size_t j, size_t room)
{
	const unsigned char *t = (const unsigned char *)l->texts[l->text].p;
	size_t i = l->off, n = l->texts[l->text].n, from = i, k, len;
	unsigned char *o = l->buf;
	uint16_t *end = l->end, e;
	uint64_t w;

	while (i < n && j < room) {
		unsigned c = t[i];

		if (c < 0x80) {
			/* a short run of ASCII stays in the segment */
			if (i + 8 <= n) {
				memcpy(&w, t + i, 8);
				if (!(w &= UINT64_C(0x8080808080808080)))
					break;
				k = first_high(w);
			} else {
				for (k = 0; i + k < n && t[i + k] < 0x80; k++)
					;
			}
			for (; k > 0 && j < room; k--) {
				o[j] = t[i++];
				end[j++] = (uint16_t)(i - from);
			}
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF && i + 1 < n && (t[i + 1] & 0xC0) == 0x80) {
			/* two-byte UTF-8: folded by table, three bytes
			 * stored, the count kept */
			uint32_t v = m->fold2[(((c & 0x1Fu) << 6) | (t[i + 1] & 0x3Fu)) - 0x80];

			i += 2;
			e = (uint16_t)(i - from);
			o[j] = (unsigned char)v;
			o[j + 1] = (unsigned char)(v >> 8);
			o[j + 2] = (unsigned char)(v >> 16);
			end[j] = end[j + 1] = end[j + 2] = e;
			j += v >> 24;
			continue;
		}
		if ((c & 0xF0) == 0xE0 && i + 2 < n && (t[i + 1] & 0xC0) == 0x80 &&
		    (t[i + 2] & 0xC0) == 0x80) {
			/* three bytes in a block that folds to itself (the
			 * bitmap leaves out overlong forms and surrogates) */
			uint32_t cp = ((c & 0x0Fu) << 12) | ((t[i + 1] & 0x3Fu) << 6) |
			    (t[i + 2] & 0x3Fu);

			if (m->plain3[cp >> 12] >> ((cp >> 6) & 63) & 1) {
				o[j] = (unsigned char)c;
				o[j + 1] = t[i + 1];
				o[j + 2] = t[i + 2];
				i += 3;
				e = (uint16_t)(i - from);
				end[j] = end[j + 1] = end[j + 2] = e;
				j += 3;
				continue;
			}
		}
		k = fold_other(m, t + i, n - i, o + j, &len);
		i += len;
		e = (uint16_t)(i - from);
		while (k-- > 0)
			end[j++] = e;
	}
	l->off = i;
	return j;
}

/* Makes the lane's next piece; an empty one when no text is left. */
static void
fill(const struct matcher *m, struct lane *l)
{
	size_t j = 0, a, n;

	l->nseg = 0;
	l->pos = 0;
	while (j < PIECE && l->nseg < MAXSEG) {
		const unsigned char *t;

		if (!l->have || l->off == l->texts[l->text].n) {
			while (*l->next < l->ntexts && l->texts[*l->next].n == 0)
				(*l->next)++;
			if (*l->next >= l->ntexts) {
				l->have = 0;
				break;
			}
			l->text = (*l->next)++;
			l->off = 0;
			l->have = 1;
			l->buf[j++] = SEP;
			continue;
		}
		t = (const unsigned char *)l->texts[l->text].p;
		n = l->texts[l->text].n;
		a = ascii_run(t + l->off, n - l->off < PIECE - j ? n - l->off : PIECE - j);
		if (a > 0 && (a >= 8 || l->off + a == n || j + a == PIECE)) {
			segment(l, j, 1);
			memcpy(l->buf + j, t + l->off, a);
			j += a;
			l->off += a;
		} else {
			size_t before = j;

			if (j + 6 > PIECE)
				break;
			segment(l, j, 0);
			if ((j = fold_run(m, l, j, PIECE - 6)) == before) {
				l->nseg--;	/* no room left */
				break;
			}
		}
	}
	l->len = j;
}

/* Reports the phrases that end with step q of the lane's piece, in the
 * state l->row. */
static int
report(const struct matcher *m, const struct lane *l, size_t q,
    matcher_fn fn, void *ctx)
{
	size_t state = (size_t)(l->row - m->delta) / m->ncls, lo = 0, hi = l->nseg, end;
	const uint32_t *o = m->out_list +
	    m->out_first[state - m->out_first_state];
	const struct segment *g;
	const unsigned char *t;
	struct matcher_match mm;
	int r;

	while (hi - lo > 1) {	/* the last segment that starts at or before q */
		size_t mid = lo + (hi - lo) / 2;

		if (l->seg[mid].at <= q)
			lo = mid;
		else
			hi = mid;
	}
	g = &l->seg[lo];
	end = g->from + (g->ascii ? q - g->at + 1 : l->end[q]);
	t = (const unsigned char *)l->texts[g->text].p;
	mm.text = g->text;
	for (; *o != NONE; o++) {
		const struct matcher_phrase *ph = &m->phrases[*o];

		mm.phrase = *o;
		mm.off = match_start(t, end, ph->len);
		mm.len = end - mm.off;
		if (ph->word_left && word_before(t, mm.off))
			continue;
		if (ph->word_right && word_after(t, l->texts[g->text].n, end))
			continue;
		if ((r = fn(ctx, &mm)) != 0)
			return r;
	}
	return 0;
}

static void
lane_init(const struct matcher *m, struct lane *l, const struct matcher_text *t,
    size_t ntexts, size_t *next)
{
	l->texts = t;
	l->ntexts = ntexts;
	l->next = next;
	l->text = l->off = 0;
	l->have = 0;
	l->len = l->pos = l->nseg = 0;
	l->row = m->delta;
}

/* Runs one lane until no text is left. */
static int
run_one(const struct matcher *m, struct lane *l, matcher_fn fn, void *ctx)
{
	const uint8_t *bcls = m->bcls;
	const uintptr_t *out = m->delta + (size_t)m->out_first_state * m->ncls;
	int r;

	for (;;) {
		const uintptr_t *row = l->row;
		size_t q;

		if (l->pos == l->len) {
			fill(m, l);
			if (l->len == 0)
				return 0;
		}
		for (q = l->pos; q < l->len; q++) {
			row = (const uintptr_t *)row[bcls[l->buf[q]]];
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
	struct matcher_text t;

	t.p = p;
	t.n = n;
	return matcher_run_many(m, &t, 1, fn, ctx);
}

/* The four lanes in lock step, each making a new piece when it has used
 * up its own, until one runs out of texts. */
static int
run_lanes(const struct matcher *m, struct lane *l, matcher_fn fn, void *ctx)
{
	const uint8_t *bcls = m->bcls;
	const uintptr_t *out = m->delta + (size_t)m->out_first_state * m->ncls;
	int r;

	for (;;) {
		const unsigned char *c0, *c1, *c2, *c3;
		const uintptr_t *r0, *r1, *r2, *r3;
		size_t j, k, x;

		for (k = SIZE_MAX, x = 0; x < LANES; x++) {
			if (l[x].pos == l[x].len) {
				fill(m, &l[x]);
				if (l[x].len == 0)
					return 0;
			}
			if (l[x].len - l[x].pos < k)
				k = l[x].len - l[x].pos;
		}
		c0 = l[0].buf + l[0].pos, r0 = l[0].row;
		c1 = l[1].buf + l[1].pos, r1 = l[1].row;
		c2 = l[2].buf + l[2].pos, r2 = l[2].row;
		c3 = l[3].buf + l[3].pos, r3 = l[3].row;
		for (j = 0; j < k; j++) {
			r0 = (const uintptr_t *)r0[bcls[c0[j]]];
			r1 = (const uintptr_t *)r1[bcls[c1[j]]];
			r2 = (const uintptr_t *)r2[bcls[c2[j]]];
			r3 = (const uintptr_t *)r3[bcls[c3[j]]];
			if ((r0 >= out) | (r1 >= out) | (r2 >= out) | (r3 >= out)) {
				const uintptr_t *rows[LANES] = { r0, r1, r2, r3 };

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
	size_t next = 0, x;
	int r;

	if (!m->compiled || m->nphrases == 0)
		return 0;
	for (x = 0; x < LANES; x++)
		lane_init(m, &l[x], t, ntexts, &next);
	if (ntexts == 1) {
		/* one text: one lane */
		return run_one(m, &l[0], fn, ctx);
	}
	if ((r = run_lanes(m, l, fn, ctx)) != 0)
		return r;
	/* what is left: the lanes' pieces and texts, one lane at a time */
	for (x = 0; x < LANES; x++)
		if ((r = run_one(m, &l[x], fn, ctx)) != 0)
			return r;
	return 0;
}
