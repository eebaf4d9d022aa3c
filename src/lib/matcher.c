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
	free(m->d16);
	free(m->d32);
	free(m->out_first);
	free(m->out_list);
	m->d16 = NULL;
	m->d32 = NULL;
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
	maxst = (uint32_t)m->folded_len + 1;
	if ((size_t)maxst * ncls * sizeof *m->d32 > MATCHER_MAX_TABLE) {
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
				if (grow_array(&m->out_list, &listcap, nlist + 2,
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
	/* the final table: rows of 1 << shift entries, as narrow as the
	 * number of states allows */
	for (m->shift = 0; (1u << m->shift) < ncls; m->shift++)
		;
	if (nst <= 0xFFFF)
		m->d16 = calloc((size_t)nst << m->shift, sizeof *m->d16);
	else
		m->d32 = calloc((size_t)nst << m->shift, sizeof *m->d32);
	if (!m->d16 && !m->d32) {
		error_set(err, 0, 0, "out of memory");
		goto out;
	}
	for (s = 0; s < nst; s++)
		for (c = 0; c < ncls; c++) {
			size_t at = ((size_t)s << m->shift) | c;

			if (m->d16)
				m->d16[at] = (uint16_t)d[(size_t)s * ncls + c];
			else
				m->d32[at] = d[(size_t)s * ncls + c];
		}
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
