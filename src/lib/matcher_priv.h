/* SPDX-License-Identifier: MIT */
/* matcher_priv: what the matcher's own files share (matcher.c builds the
 * automaton, matcher_piece.c prepares text for it, matcher_run.c runs it);
 * nothing else includes it. */
#ifndef HANDOVER_MATCHER_PRIV_H
#define HANDOVER_MATCHER_PRIV_H

#include <stddef.h>
#include <stdint.h>

#include "lib/matcher.h"

#define NONE UINT32_MAX

struct matcher_phrase {
	size_t off, len;	/* folded bytes in m->folded */
	unsigned char word_left, word_right;	/* boundary checks to make */
	unsigned char affix;	/* MATCHER_AFFIX: report glued matches */
};

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
	uint32_t state;		/* the automaton's state */
	size_t word_text, word_end;	/* the word whose look-alikes' reading is
					 * known: text, and where it ends */
	int word_latin, word_valid;
	size_t nseg;
	struct segment seg[MAXSEG];
	unsigned char buf[PIECE + 8];	/* a code point adds at most 6 */
	uint16_t end[PIECE + 8];	/* folded: where the code point of step k
					 * ends, from its segment's from */
};

/* fold2[] entries: the folded bytes in the low 24 bits, their count in
 * bits 24-25, and FOLD2_CONTEXT for a look-alike whose reading depends on
 * its neighbours: its two folded bytes, and in bits 16-23 the Latin letter
 * it reads as beside Latin letters (matcher_latin_beside decides). */
#define FOLD2_COUNT(v) (((v) >> 24) & 3u)
#define FOLD2_CONTEXT (1u << 26)

/* The code point that ends at pos (pos > 0) in *cp, and where it starts;
 * a byte that is not part of a valid sequence stands alone as U+FFFD. */
size_t matcher_prev_cp(const unsigned char *t, size_t pos, uint32_t *cp);

/* 1 when the word around t[i..i+len) of a text of n bytes (word
 * characters and invisible ones, up to 64 code points each way) holds a
 * Latin letter: a look-alike in it reads as Latin.  *end is where the
 * word ends, *whole 0 when the look stopped at the limit (the answer then
 * holds for position i only). */
int matcher_word_latin(const unsigned char *t, size_t n, size_t i, size_t len,
    size_t *end, int *whole);

/* The code point at t[i] of a text of n bytes as the automaton reads it:
 * its folded bytes in out (room for 8), how many (0 for an invisible
 * one) as the result, and the bytes it takes in the text in *len.  White
 * space gives " ", an invalid byte SEP. */
size_t matcher_fold_at(const unsigned char *t, size_t n, size_t i, unsigned char *out,
    size_t *len);

/* Starts a lane over the texts; next (shared by the lanes) is the next
 * text to take. */
void matcher_lane_init(const struct matcher *m, struct lane *l,
    const struct matcher_text *t, size_t ntexts, size_t *next);

/* Tops the lane's piece up from its texts once what it holds has gone
 * through (pos == len); the piece stays empty when no text is left. */
void matcher_fill(const struct matcher *m, struct lane *l);

#endif
