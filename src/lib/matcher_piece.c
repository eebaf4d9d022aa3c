/* SPDX-License-Identifier: MIT */
/* matcher_piece: the text a lane feeds the automaton, a piece at a time:
 * ASCII copied as it is, other text folded code point by code point, a
 * separator between texts, and where each step's code point ends. */
#include <stdint.h>
#include <string.h>

#include "lib/casefold.h"
#include "lib/matcher_priv.h"
#include "lib/utf8.h"

/* The reading of the look-alike at t[i] (two bytes): whether its word
 * holds a Latin letter, known once per word. */
static int
latin_word(struct lane *l, const unsigned char *t, size_t n, size_t i)
{
	size_t end;
	int whole, latin;

	if (l->word_valid && l->word_text == l->text && i < l->word_end)
		return l->word_latin;
	latin = matcher_word_latin(t, n, i, 2, &end, &whole);
	l->word_valid = whole;
	l->word_text = l->text;
	l->word_end = end;
	l->word_latin = latin;
	return latin;
}

void
matcher_lane_init(const struct matcher *m, struct lane *l,
    const struct matcher_text *t, size_t ntexts, size_t *next)
{
	l->texts = t;
	l->ntexts = ntexts;
	l->next = next;
	l->text = l->off = 0;
	l->have = 0;
	l->len = l->pos = l->nseg = 0;
	l->state = 0;
	(void)m;
	l->word_valid = 0;
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

	/* (end[] holds 16 bits: a run of invisible characters, which add no
	 * bytes to the piece, ends a segment in time) */
	while (i < n && j < room && i - from < 0xF000) {
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
			 * stored, the count kept (a look-alike: by its
			 * context, below) */
			uint32_t v = m->fold2[(((c & 0x1Fu) << 6) | (t[i + 1] & 0x3Fu)) - 0x80];

			if ((v & FOLD2_CONTEXT) && latin_word(l, t, n, i)) {
				i += 2;
				o[j] = (unsigned char)(v >> 16);
				end[j++] = (uint16_t)(i - from);
				continue;
			}
			i += 2;
			e = (uint16_t)(i - from);
			o[j] = (unsigned char)v;
			o[j + 1] = (unsigned char)(v >> 8);
			o[j + 2] = (unsigned char)(v >> 16);
			end[j] = end[j + 1] = end[j + 2] = e;
			j += FOLD2_COUNT(v);
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
		k = matcher_fold_at(t, n, i, o + j, &len);
		i += len;
		e = (uint16_t)(i - from);
		while (k-- > 0)
			end[j++] = e;
	}
	l->off = i;
	return j;
}

void
matcher_fill(const struct matcher *m, struct lane *l)
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
			size_t before = j, from = l->off;

			if (j + 6 > PIECE)
				break;
			segment(l, j, 0);
			if ((j = fold_run(m, l, j, PIECE - 6)) == before) {
				/* nothing written: no room left, or only invisible
				 * characters read, which add nothing (a piece that
				 * ended there would be empty and end the text) */
				l->nseg--;
				if (l->off == from)
					break;
			}
		}
	}
	l->len = j;
}
