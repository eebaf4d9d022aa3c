/* SPDX-License-Identifier: MIT */
/* matcher_run: the automaton over many texts side by side (lanes in lock
 * step), and each match's place in its text and its word boundaries. */
#include <stdint.h>
#include <string.h>

#include "lib/casefold.h"
#include "lib/matcher_priv.h"
#include "lib/utf8.h"

/* An ASCII letter or digit: what casefold_is_word says of ASCII, without
 * the call (a report asks it of the bytes around every match). */
static inline int
ascii_word(unsigned char c)
{
	return (unsigned)(c - '0') < 10u || (unsigned)((c | 32) - 'a') < 26u;
}

/* ASCII white space, as casefold_is_space says of ASCII. */
static inline int
ascii_space(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Where a match of need folded bytes that ends at end begins: walks back
 * over code points as matcher_fold_at reads them (n: the text's length,
 * for a look-alike's context), a run of white space counting as one byte
 * and an invisible character as none. */
static size_t
match_start(const struct matcher *m, const unsigned char *t, size_t n, size_t end,
    size_t need)
{
	size_t pos = end, q, fl, len;
	unsigned char f[8];
	uint32_t cp;

	while (need > 0 && pos > 0) {
		if (t[pos - 1] < 0x80 && !ascii_space(t[pos - 1])) {
			/* ASCII folds to one byte */
			pos--;
			need--;
			continue;
		}
		q = matcher_prev_cp(t, pos, &cp);
		if (pos - q == 2 && cp >= 0x80 && cp < 0x800 && !casefold_is_space(cp)) {
			/* two bytes: the fold table says how many */
			uint32_t v = m->fold2[cp - 0x80];

			size_t wend;
			int whole;

			fl = (v & FOLD2_CONTEXT) && matcher_word_latin(t, n, q, 2, &wend, &whole) ?
			    1 : FOLD2_COUNT(v);
			pos = q;
			if (fl)
				need = fl >= need ? 0 : need - fl;
			continue;
		}
		if (pos - q == 3 && (m->plain3[cp >> 12] >> ((cp >> 6) & 63) & 1)) {
			pos = q;
			need = need > 3 ? need - 3 : 0;
			continue;
		}
		fl = matcher_fold_at(t, n, q, f, &len);
		pos = q;
		if (fl == 0)
			continue;	/* invisible */
		if (f[0] == ' ') {
			while (pos > 0) {
				q = matcher_prev_cp(t, pos, &cp);
				if (!casefold_is_space(cp) && !casefold_is_ignorable(cp))
					break;
				pos = q;
			}
			need--;
			continue;
		}
		need = fl >= need ? 0 : need - fl;
	}
	return pos;
}

/* 1 when the code point cp at t[i] is part of a word for a boundary:
 * a word character of a script with spaces, or anything the matcher
 * reads as an ASCII letter or digit ("ⓞ", a Thai digit).  The second
 * half keeps the automaton's shortcut (out_left) exact: a letter or digit
 * folded right before a match is a word character here too. */
static int
boundary_word(const unsigned char *t, size_t n, size_t i, uint32_t cp)
{
	unsigned char f[8];
	size_t k, len;

	if (casefold_is_word(cp) && !casefold_is_nospace(cp))
		return 1;
	if (cp < 0x80)
		return 0;
	k = matcher_fold_at(t, n, i, f, &len);
	return k > 0 && ((unsigned)(f[k - 1] - '0') < 10u || (unsigned)(f[k - 1] - 'a') < 26u);
}

/* 1 when a word character stands right before pos (invisible characters
 * passed over); letters of scripts without spaces make no word here. */
static int
word_before(const unsigned char *t, size_t n, size_t pos)
{
	uint32_t cp;

	if (pos > 0 && t[pos - 1] < 0x80)	/* no ASCII byte is invisible */
		return ascii_word(t[pos - 1]);
	while (pos > 0) {
		pos = matcher_prev_cp(t, pos, &cp);
		if (!casefold_is_ignorable(cp))
			return boundary_word(t, n, pos, cp);
	}
	return 0;
}

static int
word_after(const unsigned char *t, size_t n, size_t pos)
{
	uint32_t cp;

	if (pos < n && t[pos] < 0x80)
		return ascii_word(t[pos]);
	while (pos < n) {
		size_t at = pos;

		pos += utf8_decode((const char *)t + pos, n - pos, &cp);
		if (!casefold_is_ignorable(cp))
			return boundary_word(t, n, at, cp);
	}
	return 0;
}

/* Reports the phrases that end with step q of the lane's piece, in the
 * state l->row. */
static int
report(const struct matcher *m, const struct lane *l, size_t q,
    matcher_fn fn, void *ctx)
{
	size_t state = l->state, lo = 0, hi = l->nseg, end;
	const uint32_t *o = m->out_list +
	    m->out_first[state - m->out_first_state];
	const struct segment *g;
	const unsigned char *t;
	struct matcher_match mm;
	size_t last_len = 0, last_off = 0;
	int r, after = -1;	/* word_after(end), once known */

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
		/* phrases that read the same (a cue in three languages) end
		 * here with the same length: one walk back */
		if (ph->len != last_len) {
			last_off = match_start(m, t, l->texts[g->text].n, end, ph->len);
			last_len = ph->len;
		}
		mm.off = last_off;
		mm.len = end - mm.off;
		mm.glued = 0;
		if (ph->word_left && word_before(t, l->texts[g->text].n, mm.off)) {
			if (!ph->affix)
				continue;
			mm.glued |= 1;
		}
		if (ph->word_right && (after >= 0 ? after :
		    (after = word_after(t, l->texts[g->text].n, end)))) {
			if (!ph->affix)
				continue;
			mm.glued |= 2;
		}
		if ((r = fn(ctx, &mm)) != 0)
			return r;
	}
	return 0;
}

/* 1 when every phrase output state o reports at piece step q is ruled
 * out by a letter or digit folded right before it (out_left): the
 * common case of a short cue inside a longer word ("o", "or"), spared a
 * report. */
static inline int
glued_left(const struct matcher *m, const unsigned char *buf, size_t q, uint32_t o)
{
	size_t len = m->out_left[o];
	unsigned char c;

	if (len == 0 || q < len)
		return 0;
	c = buf[q - len];
	return ascii_word(c);
}

/* The next state: one load from the table of its width. */
#define NEXT(tab, st, cls) ((uint32_t)(tab)[((size_t)(st) << shift) | (cls)])

/* Runs one lane until no text is left. */
#define RUN_ONE(tab) do {						\
	for (;;) {							\
		uint32_t st = l->state;					\
		size_t q;						\
									\
		if (l->pos == l->len) {					\
			matcher_fill(m, l);				\
			if (l->len == 0)				\
				return 0;				\
		}							\
		for (q = l->pos; q < l->len; q++) {			\
			st = NEXT(tab, st, bcls[l->buf[q]]);		\
			if (st >= out && !glued_left(m, l->buf, q, st - out)) { \
				l->state = st;				\
				if ((r = report(m, l, q, fn, ctx)) != 0)	\
					return r;			\
			}						\
		}							\
		l->state = st;						\
		l->pos = l->len;					\
	}								\
} while (0)

static int
run_one(const struct matcher *m, struct lane *l, matcher_fn fn, void *ctx)
{
	const uint8_t *bcls = m->bcls;
	const uint32_t out = m->out_first_state;
	const unsigned shift = m->shift;
	int r;

	if (m->d16)
		RUN_ONE(m->d16);
	else
		RUN_ONE(m->d32);
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
#define RUN_LANES(tab) do {						\
	for (;;) {							\
		const unsigned char *c0, *c1, *c2, *c3;			\
		uint32_t s0, s1, s2, s3;				\
		size_t j, k, x;						\
									\
		for (k = SIZE_MAX, x = 0; x < LANES; x++) {		\
			if (l[x].pos == l[x].len) {			\
				matcher_fill(m, &l[x]);			\
				if (l[x].len == 0)			\
					return 0;			\
			}						\
			if (l[x].len - l[x].pos < k)			\
				k = l[x].len - l[x].pos;		\
		}							\
		c0 = l[0].buf + l[0].pos, s0 = l[0].state;		\
		c1 = l[1].buf + l[1].pos, s1 = l[1].state;		\
		c2 = l[2].buf + l[2].pos, s2 = l[2].state;		\
		c3 = l[3].buf + l[3].pos, s3 = l[3].state;		\
		for (j = 0; j < k; j++) {				\
			s0 = NEXT(tab, s0, bcls[c0[j]]);		\
			s1 = NEXT(tab, s1, bcls[c1[j]]);		\
			s2 = NEXT(tab, s2, bcls[c2[j]]);		\
			s3 = NEXT(tab, s3, bcls[c3[j]]);		\
			if ((s0 >= out) | (s1 >= out) | (s2 >= out) | (s3 >= out)) { \
				const uint32_t sts[LANES] = { s0, s1, s2, s3 }; \
									\
				for (x = 0; x < LANES; x++) {		\
					if (sts[x] < out || glued_left(m, l[x].buf, \
					    l[x].pos + j, sts[x] - out))	\
						continue;		\
					l[x].state = sts[x];		\
					if ((r = report(m, &l[x], l[x].pos + j, fn, ctx)) != 0) \
						return r;		\
				}					\
			}						\
		}							\
		l[0].pos += k, l[0].state = s0;				\
		l[1].pos += k, l[1].state = s1;				\
		l[2].pos += k, l[2].state = s2;				\
		l[3].pos += k, l[3].state = s3;				\
	}								\
} while (0)

static int
run_lanes(const struct matcher *m, struct lane *l, matcher_fn fn, void *ctx)
{
	const uint8_t *bcls = m->bcls;
	const uint32_t out = m->out_first_state;
	const unsigned shift = m->shift;
	int r;

	if (m->d16)
		RUN_LANES(m->d16);
	else
		RUN_LANES(m->d32);
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
		matcher_lane_init(m, &l[x], t, ntexts, &next);
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
