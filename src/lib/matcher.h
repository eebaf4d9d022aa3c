/* SPDX-License-Identifier: MIT */
/* matcher: many phrases found in one pass over a text, case-insensitively
 * (Unicode case folding) and optionally as whole words. */
#ifndef HANDOVER_MATCHER_H
#define HANDOVER_MATCHER_H

#include <stddef.h>
#include <stdint.h>

#include "lib/error.h"

/*
 * An Aho-Corasick automaton over the bytes of case-folded UTF-8, compiled
 * into a dense DFA: one row of transitions per state, one column per byte
 * class (the bytes that occur in the folded phrases get a class each, every
 * other byte shares class 0), so a text byte costs two table loads.
 *
 * Folding: casefold_match (so "STRASSE" matches "straße", the Turkish i's
 * match each other, fullwidth "ＫＧ" matches "kg", and a soft hyphen or a
 * zero-width space inside a word is not there), and a Cyrillic or Greek
 * letter that looks like a Latin one reads as that Latin letter when it
 * stands beside Latin letters ("lоcked" with a Cyrillic о is "locked";
 * Russian words stay Russian).  matcher_fold gives the text as the
 * automaton reads it.  Space: a phrase is trimmed and each run of white
 * space in it becomes one space; in the text, every run of white space
 * (casefold_is_space: newlines, tabs, NBSP, ...) counts as one space, so
 * "pay later" matches "Pay\n  later".  Invalid UTF-8 in the text never
 * matches anything (it separates words).
 *
 * Whole word (MATCHER_WORD): a match counts only when the code point before
 * it and the one after it (invisible characters passed over) are not word
 * characters (casefold_is_word), on each side where the phrase itself
 * begins or ends with a word character.  Scripts written without spaces
 * (Thai, Lao, Myanmar, Khmer: casefold_is_nospace) have no word
 * boundaries: a phrase that begins or ends in one is matched inside text
 * on that side, and their letters next to a phrase of another script
 * count as a boundary.
 * Devanagari phrases are matched as written (no folding); their vowel signs
 * and virama are word characters, so a whole-word phrase does not match
 * inside a longer word.
 *
 * Every occurrence of every phrase is reported, overlapping ones too, in
 * the order in which they end in the text.  Phrases whose folded forms are
 * equal are all reported.  Limitation: a phrase that ends in "s" can be
 * reported twice for the same span when the text has a sharp s there.
 */

/* phrase flags: whole words only; with MATCHER_AFFIX too, a match glued to
 * word characters is reported all the same, with matcher_match.glued
 * saying on which side, for the caller to judge (affixes). */
enum { MATCHER_WORD = 1, MATCHER_AFFIX = 2 };

#define MATCHER_MAX_PHRASE 1024		/* bytes of one phrase */
#define MATCHER_MAX_TABLE (64u << 20)	/* bytes of the transition table */

struct matcher_match {
	size_t phrase;		/* index passed to matcher_add */
	size_t off, len;	/* the match in the original text, bytes */
	size_t text;		/* matcher_run_many: index of the text */
	unsigned glued;		/* MATCHER_AFFIX: 1 a word character before it,
				 * 2 one after it; else 0 */
};

/* One of the texts given to matcher_run_many. */
struct matcher_text {
	const char *p;		/* borrowed */
	size_t n;
};

/* Called for each match; a non-zero return stops matcher_run. */
typedef int (*matcher_fn)(void *ctx, const struct matcher_match *m);

struct matcher_phrase;

struct matcher {
	/* building */
	struct matcher_phrase *phrases;
	size_t nphrases, cap;
	char *folded;		/* folded phrase bytes, back to back */
	size_t folded_len, folded_cap;
	/* compiled */
	/* transitions: entry (state << shift) | class is the next state, in
	 * 16 bits when there are fewer than 65536 states (d16), else in 32
	 * (d32): a small table, so that the states text visits stay cached */
	uint16_t *d16;
	uint32_t *d32;
	unsigned shift;		/* bits of a class: 1 << shift >= ncls */
	uint32_t ncls, nstates;
	uint32_t out_first_state;	/* states from here on have output */
	uint32_t *out_first;	/* per output state: into out_list */
	uint32_t *out_list;	/* phrase indices, each run ends with ~0u */
	/* per output state: L when each of its phrases is a whole word on
	 * the left, L folded bytes long, and reports no glued match; then a
	 * letter or digit folded right before the match rules all of them out
	 * without a report (0: no such shortcut) */
	uint8_t *out_left;
	uint8_t cls[256];	/* byte -> class, folded bytes only */
	/* byte -> class as the automaton reads text: an ASCII byte is folded
	 * first (white space is a space), other bytes are folded already */
	uint8_t bcls[256];
	/* U+0080-U+07FF (two-byte UTF-8): the folded bytes, first in the
	 * low byte, their count (0 for an invisible one) in bits 24-25, and
	 * a flag for a look-alike read by its context (matcher_priv.h) */
	uint32_t fold2[0x780];
	/* U+0800-U+FFFF: bit cp >> 6 set when those 64 code points read as
	 * themselves (casefold_range_is_plain: Devanagari, CJK, ...), so
	 * their three bytes go through the automaton as written */
	uint64_t plain3[16];
	int compiled;
};

/* An empty matcher. */
void matcher_init(struct matcher *m);

/*
 * Adds a phrase (UTF-8 bytes p, n; borrowed, copied in folded form) with
 * flags (MATCHER_WORD or 0); its index is the number of phrases added
 * before it.  Returns 0, or -1 with err set for an empty phrase, one
 * longer than MATCHER_MAX_PHRASE, invalid UTF-8, out of memory, or after
 * matcher_compile.
 */
int matcher_add(struct matcher *m, const char *p, size_t n, unsigned flags,
    struct error *err);

/* Builds the automaton.  Returns 0, or -1 with err set (out of memory,
 * table larger than MATCHER_MAX_TABLE). */
int matcher_compile(struct matcher *m, struct error *err);

/*
 * Runs the compiled matcher over the text (p, n; borrowed) in one pass,
 * calling fn for every match.  Returns 0, or fn's non-zero value if it
 * stopped the run.  The matcher is only read: one matcher may serve many
 * threads at once.
 */
int matcher_run(const struct matcher *m, const char *p, size_t n,
    matcher_fn fn, void *ctx);

/*
 * matcher_run over each of the ntexts texts, with m->text telling which
 * text a match is in.  The texts go through the automaton side by side,
 * so that the memory latency of one is hidden behind the others: several
 * times faster than one matcher_run after another on short texts.  Within
 * a text, matches come in the order matcher_run gives them; matches of
 * different texts are interleaved in no particular order.  Returns 0, or
 * fn's non-zero value if it stopped the run.
 */
int matcher_run_many(const struct matcher *m, const struct matcher_text *t,
    size_t ntexts, matcher_fn fn, void *ctx);

/*
 * The text (p, n) as the automaton reads it, into out (room for 3 * n
 * bytes): each code point folded as above, invisible ones left out, each
 * run of white space one space, an invalid byte 0xFF.  Returns the length.
 * For tests and for callers that compare text the way the matcher does.
 */
size_t matcher_fold(const char *p, size_t n, char *out);

/* Frees everything the matcher holds; it can be initialised again. */
void matcher_release(struct matcher *m);

#endif
