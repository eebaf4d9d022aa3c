/* SPDX-License-Identifier: MIT */
/* matcher: building the automaton (Aho-Corasick over case-folded UTF-8
 * bytes, as a dense DFA); matcher_run.c runs it, matcher_piece.c prepares
 * the text it reads. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/casefold.h"
#include "lib/grow.h"
#include "lib/matcher.h"
#include "lib/matcher_priv.h"
#include "lib/utf8.h"


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
	free(m->d16);
	free(m->d32);
	free(m->out_first);
	free(m->out_list);
	free(m->out_left);
	memset(m, 0, sizeof *m);
}

int
matcher_add(struct matcher *m, const char *p, size_t n, unsigned flags,
    struct error *err)
{
	const unsigned char *t = (const unsigned char *)p;
	struct matcher_phrase *ph;
	size_t i = 0, start, k, len, nf;
	uint32_t first = 0, last = 0, cp;
	int pending_space = 0;
	unsigned char f[8];
	char *o;

	if (m->compiled)
		return error_set(err, 0, 0, "phrase added after compiling");
	if (n == 0 || n > MATCHER_MAX_PHRASE)
		return error_set(err, 0, 0, "phrase %zu is empty or longer than %d bytes",
		    m->nphrases + 1, MATCHER_MAX_PHRASE);
	if (!utf8_valid(p, n))
		return error_set(err, 0, 0, "phrase %zu is not valid UTF-8",
		    m->nphrases + 1);
	if (grow_array(&m->phrases, &m->cap, m->nphrases + 1, sizeof *m->phrases) ||
	    grow_array(&m->folded, &m->folded_cap, m->folded_len + 3 * n, 1))
		return error_set(err, 0, 0, "out of memory");
	start = m->folded_len;
	o = m->folded + start;
	k = 0;
	while (i < n) {
		nf = matcher_fold_at(t, n, i, f, &len);
		utf8_decode(p + i, n - i, &cp);
		i += len;
		if (nf == 0)
			continue;	/* invisible */
		if (f[0] == ' ') {
			pending_space = k > 0;
			continue;
		}
		if (pending_space)
			o[k++] = ' ';
		pending_space = 0;
		if (k == 0)
			first = cp;
		last = cp;
		memcpy(o + k, f, nf);
		k += nf;
	}
	if (k == 0)
		return error_set(err, 0, 0, "phrase %zu is only white space",
		    m->nphrases + 1);
	ph = &m->phrases[m->nphrases++];
	ph->off = start;
	ph->len = k;
	ph->word_left = (flags & MATCHER_WORD) && casefold_is_word(first) &&
	    !casefold_is_nospace(first);
	ph->word_right = (flags & MATCHER_WORD) && casefold_is_word(last) &&
	    !casefold_is_nospace(last);
	ph->affix = (flags & MATCHER_AFFIX) != 0;
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

/* What matcher_compile builds the table with, freed when it is done. */
struct build {
	uint32_t *d;		/* transitions, maxst rows of ncls */
	uint32_t *fail, *queue, *own, *pnext, *link, *perm, *inv;
	unsigned char *sp, *done;
	uint32_t ncls, nst, nout, maxst;
};

static void
build_free(struct build *b)
{
	free(b->d);
	free(b->fail);
	free(b->queue);
	free(b->own);
	free(b->link);
	free(b->sp);
	free(b->pnext);
	free(b->perm);
	free(b->inv);
	free(b->done);
}

/* The byte classes of the phrases' bytes (0: a byte no phrase has), and
 * the folding tables of the text's two- and three-byte characters.
 * Returns the number of classes. */
static uint32_t
fold_tables(struct matcher *m)
{
	uint32_t ncls = 1, spc, c;
	size_t i;

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
			for (k = casefold_match(c, f), u = 0; u < k; u++)
				nb += utf8_encode(f[u], enc + nb);
			for (v = 0, u = nb; u-- > 0;)
				v = (v << 8) | (unsigned char)enc[u];
			v |= (uint32_t)nb << 24;
			if (k == 1 && casefold_confusable(f[0]) && nb == 2)
				v |= FOLD2_CONTEXT | casefold_confusable(f[0]) << 16;
		}
		m->fold2[c - 0x80] = v;
	}
	memset(m->plain3, 0, sizeof m->plain3);
	for (c = 0x800 >> 6; c < 0x10000 >> 6; c++)
		if ((c < 0xD800 >> 6 || c > 0xDFFF >> 6) &&
		    casefold_range_is_plain(c << 6, (c << 6) | 63))
			m->plain3[c >> 6] |= (uint64_t)1 << (c & 63);
	return ncls;
}

/* The trie of the folded phrases; own[s] heads a list of phrases through
 * pnext, built backwards so that each list is in ascending order. */
static void
build_trie(const struct matcher *m, struct build *b)
{
	uint32_t ncls = b->ncls, s, c;
	size_t i, j;

	memset(b->d, 0xff, (size_t)b->maxst * ncls * sizeof *b->d);
	memset(b->own, 0xff, b->maxst * sizeof *b->own);
	b->nst = 1;
	for (i = m->nphrases; i-- > 0;) {
		const unsigned char *f = (const unsigned char *)m->folded + m->phrases[i].off;

		for (s = 0, j = 0; j < m->phrases[i].len; j++) {
			c = m->cls[f[j]];
			if (b->d[(size_t)s * ncls + c] == NONE) {
				b->sp[b->nst] = f[j] == ' ';
				b->d[(size_t)s * ncls + c] = b->nst++;
			}
			s = b->d[(size_t)s * ncls + c];
		}
		b->pnext[i] = b->own[s];
		b->own[s] = (uint32_t)i;
	}
}

/* Failure links and the full transition function, breadth first; a run
 * of spaces in the text reads as one space (class spc). */
static void
build_links(struct build *b, uint32_t spc)
{
	uint32_t ncls = b->ncls, *d = b->d, s, c, t, qh = 0, qt = 0;

	b->link[0] = NONE;
	for (c = 0; c < ncls; c++) {
		t = d[c];
		if (t == NONE) {
			d[c] = 0;
		} else {
			b->fail[t] = 0;
			b->queue[qt++] = t;
		}
	}
	while (qh < qt) {
		s = b->queue[qh++];
		b->link[s] = b->own[b->fail[s]] != NONE ? b->fail[s] : b->link[b->fail[s]];
		for (c = 0; c < ncls; c++) {
			uint32_t *e = &d[(size_t)s * ncls + c];
			uint32_t via = d[(size_t)b->fail[s] * ncls + c];

			if (*e == NONE) {
				*e = via;
			} else {
				b->fail[*e] = via;
				b->queue[qt++] = *e;
			}
		}
	}
	if (spc)
		for (s = 1; s < b->nst; s++)
			if (b->sp[s])
				d[(size_t)s * ncls + spc] = s;
}

/* Renumbers the states so that those with output come last.  Returns 0,
 * or -1 when out of memory. */
static int
order_states(struct build *b)
{
	uint32_t nst = b->nst, s, q, x;
	size_t i;

	b->perm = malloc(nst * sizeof *b->perm);
	b->inv = malloc(nst * sizeof *b->inv);
	b->done = calloc(nst, 1);
	if (!b->perm || !b->inv || !b->done)
		return -1;
	b->nout = 0;
	for (s = 0; s < nst; s++)
		if (b->own[s] != NONE || b->link[s] != NONE)
			b->nout++;
	for (s = 0, q = 0, x = nst - b->nout; s < nst; s++)
		b->perm[s] = (b->own[s] != NONE || b->link[s] != NONE) ? x++ : q++;
	for (s = 0; s < nst; s++)
		b->inv[b->perm[s]] = s;
	for (i = 0; i < (size_t)nst * b->ncls; i++)
		b->d[i] = b->perm[b->d[i]];
	permute_rows(b->d, b->ncls, nst, b->inv, b->done, b->queue);
	return 0;
}

/* The output lists: a state's own phrases, then those of its dictionary
 * links.  Returns 0, or -1 with err. */
static int
output_lists(struct matcher *m, const struct build *b, struct error *err)
{
	uint32_t first = b->nst - b->nout, x, t, ph;
	size_t nlist = 0, listcap = 0;

	m->out_first = malloc((b->nout + 1) * sizeof *m->out_first);
	m->out_left = malloc(b->nout + 1);
	if (!m->out_first || !m->out_left)
		return error_set(err, 0, 0, "out of memory");
	for (x = first; x < b->nst; x++) {
		size_t from = nlist, left = 0;

		m->out_first[x - first] = (uint32_t)nlist;
		for (t = b->inv[x]; t != NONE; t = b->link[t])
			for (ph = b->own[t]; ph != NONE; ph = b->pnext[ph]) {
				const struct matcher_phrase *p = &m->phrases[ph];

				if (grow_array(&m->out_list, &listcap, nlist + 2,
				    sizeof *m->out_list) || nlist * 4 > MATCHER_MAX_TABLE)
					return error_set(err, 0, 0, "too many phrases: "
					    "out of memory for the match lists");
				m->out_list[nlist++] = ph;
				/* the same length, whole word on the left, never
				 * glued, no space (a space reads any run of white
				 * space: its length in the text is not its own) */
				if (!p->word_left || p->affix || p->len > 255 ||
				    memchr(m->folded + p->off, ' ', p->len) ||
				    (nlist - 1 > from && left != p->len))
					left = SIZE_MAX;
				else if (left != SIZE_MAX)
					left = p->len;
			}
		m->out_left[x - first] = left == SIZE_MAX ? 0 : (uint8_t)left;
		m->out_list[nlist++] = NONE;
	}
	return 0;
}

/* The final table: rows of 1 << shift entries, as narrow as the number
 * of states allows.  Returns 0, or -1 with err. */
static int
final_table(struct matcher *m, const struct build *b, struct error *err)
{
	uint32_t s, c;

	for (m->shift = 0; (1u << m->shift) < b->ncls; m->shift++)
		;
	if (b->nst <= 0xFFFF)
		m->d16 = calloc((size_t)b->nst << m->shift, sizeof *m->d16);
	else
		m->d32 = calloc((size_t)b->nst << m->shift, sizeof *m->d32);
	if (!m->d16 && !m->d32)
		return error_set(err, 0, 0, "out of memory");
	for (s = 0; s < b->nst; s++)
		for (c = 0; c < b->ncls; c++) {
			size_t at = ((size_t)s << m->shift) | c;
			uint32_t v = b->d[(size_t)s * b->ncls + c];

			if (m->d16)
				m->d16[at] = (uint16_t)v;
			else
				m->d32[at] = v;
		}
	m->ncls = b->ncls;
	m->nstates = b->nst;
	m->out_first_state = b->nst - b->nout;
	return 0;
}

int
matcher_compile(struct matcher *m, struct error *err)
{
	struct build b;
	uint32_t maxst;
	int rc = -1;

	if (m->compiled)
		return error_set(err, 0, 0, "matcher compiled twice");
	/* what a failed attempt may have left */
	free(m->d16);
	free(m->d32);
	free(m->out_first);
	free(m->out_list);
	free(m->out_left);
	m->d16 = NULL;
	m->d32 = NULL;
	m->out_first = m->out_list = NULL;
	m->out_left = NULL;
	memset(&b, 0, sizeof b);
	b.ncls = fold_tables(m);
	b.maxst = maxst = (uint32_t)m->folded_len + 1;
	if ((size_t)maxst * b.ncls * sizeof *m->d32 > MATCHER_MAX_TABLE) {
		error_set(err, 0, 0, "too many phrases: the table would pass %u MB",
		    MATCHER_MAX_TABLE >> 20);
		goto out;
	}
	b.d = malloc((size_t)maxst * b.ncls * sizeof *b.d);
	b.fail = calloc(maxst, sizeof *b.fail);
	b.queue = malloc(maxst * sizeof *b.queue);
	b.own = malloc(maxst * sizeof *b.own);
	b.link = malloc(maxst * sizeof *b.link);
	b.sp = calloc(maxst, 1);
	b.pnext = malloc((m->nphrases + 1) * sizeof *b.pnext);
	if (!b.d || !b.fail || !b.queue || !b.own || !b.link || !b.sp || !b.pnext) {
		error_set(err, 0, 0, "out of memory");
		goto out;
	}
	build_trie(m, &b);
	build_links(&b, m->cls[' ']);
	if (order_states(&b) != 0) {
		error_set(err, 0, 0, "out of memory");
		goto out;
	}
	if (output_lists(m, &b, err) != 0 || final_table(m, &b, err) != 0)
		goto out;
	m->compiled = 1;
	rc = 0;
out:
	build_free(&b);
	return rc;
}
