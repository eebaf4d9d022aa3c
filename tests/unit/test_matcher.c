/* SPDX-License-Identifier: MIT */
/* test_matcher: phrases in every script, whole words, overlaps, spaces,
 * offsets in the original text, errors, and a long random text checked
 * against a naive search. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "lib/casefold.h"
#include "lib/utf8.h"
#include "lib/matcher.h"
#include "matcher_ref.h"
#include "harness.h"

struct phrase {
	const char *text;
	unsigned flags;
};

static int
collect(void *ctx, const struct matcher_match *m)
{
	struct buf *b = ctx;

	buf_printf(b, "%zu@%zu+%zu ", m->phrase, m->off, m->len);
	return 0;
}

/* Builds a matcher from ph and returns its matches in text as
 * "phrase@off+len " items (static buffer). */
static const char *
run(const struct phrase *ph, size_t nph, const char *text)
{
	static char out[4096];
	struct matcher m;
	struct error e;
	struct buf b;
	size_t i;

	matcher_init(&m);
	for (i = 0; i < nph; i++)
		if (matcher_add(&m, ph[i].text, strlen(ph[i].text), ph[i].flags, &e))
			return "add failed";
	if (matcher_compile(&m, &e))
		return "compile failed";
	buf_init_mem(&b);
	matcher_run(&m, text, strlen(text), collect, &b);
	snprintf(out, sizeof out, "%s", buf_str(&b));
	buf_release(&b);
	matcher_release(&m);
	return out;
}

#define N(a) (sizeof (a) / sizeof (a)[0])

static void
test_word_boundaries(void)
{
	static const struct phrase emi[] = { { "emi", MATCHER_WORD } };
	static const struct phrase emi_any[] = { { "emi", 0 } };

	CHECK_STR(run(emi, 1, "premium"), "");
	CHECK_STR(run(emi, 1, "semi"), "");
	CHECK_STR(run(emi, 1, "EMIs"), "");
	CHECK_STR(run(emi, 1, "3emi"), "");
	CHECK_STR(run(emi, 1, "EMI, ok"), "0@0+3 ");
	CHECK_STR(run(emi, 1, "on (emi)"), "0@4+3 ");
	CHECK_STR(run(emi, 1, "emi"), "0@0+3 ");
	CHECK_STR(run(emi, 1, "no Emi"), "0@3+3 ");
	CHECK_STR(run(emi, 1, "emi_plan"), "0@0+3 ");
	CHECK_STR(run(emi, 1, "\xC3\xA9" "emi"), "");		/* éemi */
	CHECK_STR(run(emi, 1, "EMI\xE2\x80\x94" "ok"), "0@0+3 ");	/* EMI— */
	CHECK_STR(run(emi_any, 1, "premium semi"), "0@2+3 0@9+3 ");
	/* what reads as a letter or digit is one next to a word: a circled
	 * letter, an Arabic-Indic digit (the automaton's shortcut relies on
	 * it); a sign that reads as none is not */
	CHECK_STR(run(emi, 1, "\xE2\x93\x90" "emi"), "");		/* ⓐemi */
	CHECK_STR(run(emi, 1, "emi" "\xD9\xA1"), "");		/* emi١ */
	CHECK_STR(run(emi, 1, "\xE2\x80\xA2" "emi"), "0@3+3 ");	/* •emi */
	/* a short phrase inside words, many times over, and once alone */
	CHECK_STR(run(emi, 1, "premium semiemi remix emi"), "0@22+3 ");
}

static void
test_edge_punctuation(void)
{
	/* a phrase edge that is not a word character needs no boundary */
	static const struct phrase ph[] = { { "0%", MATCHER_WORD },
	    { "#emi", MATCHER_WORD } };

	CHECK_STR(run(ph, N(ph), "at 0%interest"), "0@3+2 ");
	CHECK_STR(run(ph, N(ph), "x#emi"), "1@1+4 ");
	CHECK_STR(run(ph, N(ph), "10% and #emis"), "");
}

static void
test_overlaps(void)
{
	static const struct phrase ph[] = { { "pay later", MATCHER_WORD },
	    { "later", MATCHER_WORD }, { "pay", MATCHER_WORD },
	    { "ay la", 0 }, { "later", MATCHER_WORD } };

	CHECK_STR(run(ph, N(ph), "Pay Later"),
	    "2@0+3 3@1+5 0@0+9 1@4+5 4@4+5 ");
	CHECK_STR(run(ph, N(ph), "x pay later!"),
	    "2@2+3 3@3+5 0@2+9 1@6+5 4@6+5 ");
}

static void
test_spaces(void)
{
	static const struct phrase ph[] = { { "  pay \t later ", MATCHER_WORD } };

	CHECK_STR(run(ph, 1, "pay later"), "0@0+9 ");
	CHECK_STR(run(ph, 1, "PAY\r\n   LATER"), "0@0+13 ");
	CHECK_STR(run(ph, 1, "pay\xC2\xA0later"), "0@0+10 ");	/* NBSP */
	CHECK_STR(run(ph, 1, " \n pay \xE3\x80\x80 later\n"), "0@3+13 ");
	CHECK_STR(run(ph, 1, "paylater"), "");
	CHECK_STR(run(ph, 1, "pay-later"), "");
}

static void
test_scripts(void)
{
	static const struct phrase ph[] = {
		{ "financiaci\xC3\xB3n", MATCHER_WORD },		/* 0 */
		{ "\xCF\x83\xCE\xAF\xCF\x83\xCF\x85\xCF\x86\xCE\xBF\xCF\x82",
		    MATCHER_WORD },					/* 1 σίσυφος */
		{ "\xD1\x80\xD0\xB0\xD1\x81\xD1\x81\xD1\x80\xD0\xBE\xD1\x87"
		    "\xD0\xBA\xD0\xB0", MATCHER_WORD },			/* 2 рассрочка */
		{ "\xE0\xA4\x95\xE0\xA4\xBF\xE0\xA4\xB8\xE0\xA5\x8D\xE0\xA4\xA4",
		    MATCHER_WORD },					/* 3 किस्त */
		{ "stra\xC3\x9F" "e", 0 },				/* 4 straße */
		{ "taksit", MATCHER_WORD },				/* 5 */
		{ "\xE5\x88\x86\xE6\x9C\x9F", MATCHER_WORD },		/* 6 分期 */
	};

	CHECK_STR(run(ph, N(ph), "FINANCIACI\xC3\x93N 0%"), "0@0+13 ");
	CHECK_STR(run(ph, N(ph), "Financiaci\xC3\xB3nes"), "");
	CHECK_STR(run(ph, N(ph),
	    "\xCE\xA3\xCE\x8A\xCE\xA3\xCE\xA5\xCE\xA6\xCE\x9F\xCE\xA3."), "1@0+14 ");
	CHECK_STR(run(ph, N(ph), "\xD0\x92 \xD0\xA0\xD0\x90\xD0\xA1\xD0\xA1\xD0\xA0"
	    "\xD0\x9E\xD0\xA7\xD0\x9A\xD0\x90!"), "2@3+18 ");
	/* рассрочку (accusative) is another word */
	CHECK_STR(run(ph, N(ph), "\xD1\x80\xD0\xB0\xD1\x81\xD1\x81\xD1\x80\xD0\xBE"
	    "\xD1\x87\xD0\xBA\xD1\x83"), "");
	CHECK_STR(run(ph, N(ph), "EMI \xE0\xA4\x95\xE0\xA4\xBF\xE0\xA4\xB8\xE0\xA5\x8D"
	    "\xE0\xA4\xA4\xE0\xA5\xA4"), "3@4+15 ");		/* किस्त। */
	/* किस्तें: a vowel sign and anusvara follow, so it is a longer word */
	CHECK_STR(run(ph, N(ph), "\xE0\xA4\x95\xE0\xA4\xBF\xE0\xA4\xB8\xE0\xA5\x8D"
	    "\xE0\xA4\xA4\xE0\xA5\x87\xE0\xA4\x82"), "");
	CHECK_STR(run(ph, N(ph), "STRASSE"), "4@0+7 ");
	CHECK_STR(run(ph, N(ph), "Stra\xE1\xBA\x9E" "e"), "4@0+8 ");	/* STRAẞE */
	CHECK_STR(run(ph, N(ph), "TAKS\xC4\xB0T var"), "5@0+7 ");
	CHECK_STR(run(ph, N(ph), "\xE6\x94\xAF\xE6\x8C\x81\xE5\x88\x86\xE6\x9C\x9F"
	    "\xE4\xBB\x98\xE6\xAC\xBE"), "6@6+6 ");		/* CJK: no word breaks */
}

/* What people type to slip past a filter reads as the words it hides. */
static void
test_normalised(void)
{
	static const struct phrase ph[] = {
		{ "kg locked", MATCHER_WORD },				/* 0 */
		{ "icloud", MATCHER_WORD },				/* 1 */
		{ "\xD0\xB7\xD0\xB0\xD0\xB1\xD0\xBB\xD0\xBE\xD0\xBA"
		    "\xD0\xB8\xD1\x80\xD0\xBE\xD0\xB2\xD0\xB0\xD0\xBD",
		    MATCHER_WORD },					/* 2 заблокирован */
		{ "\xE0\xB8\x95\xE0\xB8\xB4\xE0\xB8\x94\xE0\xB8\xA5"
		    "\xE0\xB9\x87\xE0\xB8\xAD\xE0\xB8\x84",
		    MATCHER_WORD },					/* 3 ติดล็อค */
		{ "emi", MATCHER_WORD },				/* 4 */
	};

	/* zero-width space, soft hyphen, word joiner inside the phrase */
	CHECK_STR(run(ph, N(ph), "KG lo\xE2\x80\x8B" "cked"), "0@0+12 ");
	CHECK_STR(run(ph, N(ph), "kg lo\xC2\xAD" "cked!"), "0@0+11 ");
	CHECK_STR(run(ph, N(ph), "k\xE2\x81\xA0g locked"), "0@0+12 ");
	/* ... but they do not split a word: "un<ZWSP>locked" is one word */
	CHECK_STR(run(ph, N(ph), "kg un\xE2\x80\x8Blocked"), "");
	/* Cyrillic о and О inside Latin words; Russian stays Russian */
	CHECK_STR(run(ph, N(ph), "kg l\xD0\xBE" "cked"), "0@0+10 ");
	CHECK_STR(run(ph, N(ph), "ICL\xD0\x9EUD"), "1@0+7 ");
	CHECK_STR(run(ph, N(ph), "\xD1\x96" "cl\xD0\xBEud"), "1@0+8 ");	/* іclоud */
	CHECK_STR(run(ph, N(ph), "\xD0\xA2\xD0\xB5\xD0\xBB\xD0\xB5\xD1\x84\xD0\xBE"
	    "\xD0\xBD \xD0\xB7\xD0\xB0\xD0\xB1\xD0\xBB\xD0\xBE\xD0\xBA\xD0\xB8"
	    "\xD1\x80\xD0\xBE\xD0\xB2\xD0\xB0\xD0\xBD"), "2@15+24 ");
	/* fullwidth letters (NFKC) and mathematical bold */
	CHECK_STR(run(ph, N(ph), "\xEF\xBC\xA9\xEF\xBD\x83\xEF\xBD\x8C\xEF\xBD\x8F"
	    "\xEF\xBD\x95\xEF\xBD\x84 locked"), "1@0+18 ");
	CHECK_STR(run(ph, N(ph), "\xF0\x9D\x90\x9E\xF0\x9D\x90\xA6\xF0\x9D\x90\xA2"), "4@0+12 ");
	/* Thai has no spaces between words: matched inside text, and a Latin
	 * word touching Thai letters is a word of its own */
	CHECK_STR(run(ph, N(ph), "\xE0\xB9\x80\xE0\xB8\x84\xE0\xB8\xA3\xE0\xB8\xB7"
	    "\xE0\xB9\x88\xE0\xB8\xAD\xE0\xB8\x87\xE0\xB8\x95\xE0\xB8\xB4\xE0\xB8\x94"
	    "\xE0\xB8\xA5\xE0\xB9\x87\xE0\xB8\xAD\xE0\xB8\x84\xE0\xB8\x84\xE0\xB9\x88"
	    "\xE0\xB8\xB0"), "3@21+21 ");	/* เครื่องติดล็อคค่ะ */
	CHECK_STR(run(ph, N(ph), "\xE0\xB8\x95\xE0\xB8\xB4\xE0\xB8\x94" "icloud"
	    "\xE0\xB8\x84\xE0\xB9\x88\xE0\xB8\xB0"), "1@9+6 ");	/* ติดicloudค่ะ */
	/* the matcher's own reading of a text */
	{
		char out[64];
		size_t n = matcher_fold("KG l\xD0\xBE\xC2\xAD" "cked \t x", 17, out);

		out[n] = '\0';
		CHECK_STR(out, "kg locked x");
	}
}

static void
test_text_edges(void)
{
	static const struct phrase ph[] = { { "ab", 0 }, { "b", 0 } };

	CHECK_STR(run(ph, N(ph), "ab"), "0@0+2 1@1+1 ");
	CHECK_STR(run(ph, N(ph), "xxab"), "0@2+2 1@3+1 ");
	CHECK_STR(run(ph, N(ph), ""), "");
	CHECK_STR(run(ph, N(ph), "a"), "");
	/* invalid bytes separate; they never match or crash */
	CHECK_STR(run(ph, N(ph), "a\xFF" "b\xC3"), "1@2+1 ");
	CHECK_STR(run(ph, N(ph), "\x80\x80" "ab\xE0\xA4"), "0@2+2 1@3+1 ");
}

/* An invisible character where a piece (1,024 bytes) starts used to
 * make an empty piece, which ended the text: everything after it went
 * unread (fuzz_scan found it; padding could hide any phrase that way). */
static void
test_invisible_at_piece_start(void)
{
	static const struct phrase ph[] = { { "nakaw", 0 } };
	static char text[2048];
	char want[32];
	size_t pad;

	for (pad = 1016; pad <= 1024; pad++) {
		memset(text, 'x', pad);
		text[pad] = ' ';
		memcpy(text + pad + 1, "\xE2\x80\x8B nakaw daw", 14);	/* U+200B */
		text[pad + 15] = '\0';
		snprintf(want, sizeof want, "0@%zu+5 ", pad + 5);
		CHECK_STR(run(ph, N(ph), text), want);
	}
}

static int
stop_at_second(void *ctx, const struct matcher_match *m)
{
	int *n = ctx;

	(void)m;
	return ++*n == 2 ? 42 : 0;
}

static void
test_api_errors(void)
{
	struct matcher m;
	struct error e;
	char big[MATCHER_MAX_PHRASE + 1];
	int n = 0;

	memset(big, 'a', sizeof big);
	matcher_init(&m);
	CHECK_INT(matcher_add(&m, "", 0, 0, &e), -1);
	CHECK_INT(matcher_add(&m, " \t ", 3, 0, &e), -1);
	CHECK(strstr(e.msg, "white space") != NULL);
	CHECK_INT(matcher_add(&m, "a\xFF", 2, 0, &e), -1);
	CHECK(strstr(e.msg, "UTF-8") != NULL);
	CHECK_INT(matcher_add(&m, big, sizeof big, 0, &e), -1);
	CHECK_INT(matcher_add(&m, big, sizeof big - 1, 0, &e), 0);
	CHECK_INT(matcher_add(&m, "x", 1, 0, &e), 0);
	CHECK_INT(matcher_compile(&m, &e), 0);
	CHECK_INT(matcher_add(&m, "y", 1, 0, &e), -1);
	CHECK_INT(matcher_run(&m, "x x x", 5, stop_at_second, &n), 42);
	CHECK_INT(n, 2);
	matcher_release(&m);
	/* no phrases at all */
	matcher_init(&m);
	CHECK_INT(matcher_compile(&m, &e), 0);
	CHECK_INT(matcher_run(&m, "abc", 3, stop_at_second, &n), 0);
	matcher_release(&m);
}

/* A long random text over a small alphabet, with many phrases, against a
 * naive search of every phrase at every position. */
static uint64_t rng;

static unsigned
next_rand(void)
{
	rng = rng * UINT64_C(6364136223846793005) + UINT64_C(1442695040888963407);
	return (unsigned)(rng >> 33);
}

struct tally {
	size_t *count;
	int badoff;
	const char *text, *const *ph;
};

static int
tally(void *ctx, const struct matcher_match *m)
{
	struct tally *t = ctx;

	t->count[m->phrase]++;
	if (m->len != strlen(t->ph[m->phrase]) ||
	    memcmp(t->text + m->off, t->ph[m->phrase], m->len) != 0)
		t->badoff = 1;
	return 0;
}

static void
test_long_random_text(void)
{
	enum { NPH = 300, TLEN = 1 << 20 };
	static char text[TLEN + 1], store[NPH][8];
	const char *ph[NPH];
	size_t count[NPH], want, i, j, k, len;
	struct tally t;
	struct matcher m;
	struct error e;
	int bad = 0;

	rng = 20261123;
	printf("seed %llu\n", (unsigned long long)rng);
	for (i = 0; i < TLEN; i++)
		text[i] = "abcd"[next_rand() % 4];
	matcher_init(&m);
	for (i = 0; i < NPH; i++) {
		len = 1 + next_rand() % 7;
		for (j = 0; j < len; j++)
			store[i][j] = "abcd"[next_rand() % 4];
		store[i][len] = '\0';
		ph[i] = store[i];
		CHECK_INT(matcher_add(&m, ph[i], len, 0, &e), 0);
		count[i] = 0;
	}
	CHECK_INT(matcher_compile(&m, &e), 0);
	t.count = count;
	t.badoff = 0;
	t.text = text;
	t.ph = ph;
	matcher_run(&m, text, TLEN, tally, &t);
	CHECK(!t.badoff);
	for (i = 0; i < NPH && !bad; i++) {
		len = strlen(ph[i]);
		for (want = 0, k = 0; k + len <= TLEN; k++)
			if (memcmp(text + k, ph[i], len) == 0)
				want++;
		if (want != count[i]) {
			printf("  phrase %zu (%s): %zu matches, want %zu\n", i,
			    ph[i], count[i], want);
			bad = 1;
		}
	}
	CHECK(!bad);
	matcher_release(&m);
}

/* Random text over a mixed-script alphabet with case, spaces, NBSP,
 * invisible characters, look-alikes and compatibility forms, against a
 * naive matcher: each code point folded in its context as the matcher
 * reads it (matcher_fold_at), every run of code points compared at every
 * start, word boundaries checked on the code points around.  Every
 * (phrase, offset, length) must agree. */
static const char *const alphabet[] = {
	"a", "A", "b", "B", " ", " ", "\n", "\xC2\xA0",
	"\xCF\x83", "\xCE\xA3", "\xCF\x82",		/* σ Σ ς */
	"\xD0\xB6", "\xD0\x96",				/* ж Ж */
	"\xE0\xA4\x95", "\xE0\xA4\xBF",			/* क ि */
	"\xC8\xBA", "\xE2\xB1\xA5",			/* Ⱥ ⱥ (2 -> 3 bytes) */
	"\xC4\xB0", "i", "\xC4\xB1",			/* İ i ı */
	"\xE2\x80\x8B", "\xC2\xAD",			/* ZWSP, soft hyphen */
	"\xD0\xBE", "\xD0\x9E", "\xD0\xB0",		/* Cyrillic о О а */
	"\xEF\xBC\xA1", "\xEF\xBD\x82",			/* fullwidth Ａ ｂ */
	"\xF0\x9D\x90\x9A",				/* mathematical bold a */
	"\xE0\xB8\x81", "\xE0\xB9\x88",			/* Thai ก and a tone mark */
	"\xD9\xA1", "1", ".",				/* Arabic-Indic one, 1, . */
};

#define NATOMS (sizeof alphabet / sizeof alphabet[0])

struct hit {
	size_t phrase, off, len;
};

struct hits {
	struct hit h[20000];
	size_t n;
};

static int
add_hit(void *ctx, const struct matcher_match *m)
{
	struct hits *hs = ctx;

	if (hs->n < sizeof hs->h / sizeof hs->h[0]) {
		hs->h[hs->n].phrase = m->phrase;
		hs->h[hs->n].off = m->off;
		hs->h[hs->n].len = m->len;
		hs->n++;
	}
	return 0;
}

static int
cmp_hit(const void *a, const void *b)
{
	const struct hit *x = a, *y = b;

	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	return x->phrase < y->phrase ? -1 : x->phrase > y->phrase;
}

/* A phrase of one to four atoms of the alphabet, not starting or ending
 * with white space or an invisible character; returns its length (out has
 * room for 4 atoms). */
static size_t
random_phrase(char *out)
{
	size_t len = 0, w = 1 + next_rand() % 4, k;

	for (k = 0; k < w; k++) {
		const char *c;

		do
			c = alphabet[next_rand() % NATOMS];
		while ((k == 0 || k == w - 1) && (c[0] == ' ' || c[0] == '\n' ||
		    (c[0] == '\xC2' && (c[1] == '\xA0' || c[1] == '\xAD')) ||
		    (c[0] == '\xE2' && c[1] == '\x80')));
		memcpy(out + len, c, strlen(c));
		len += strlen(c);
	}
	out[len] = '\0';
	return len;
}

static void
differential(unsigned long seed, int words)
{
	enum { NPH = 40, TLEN = 20000 };
	static char text[TLEN * 4], ph[NPH][64];
	static struct hits got;
	static struct ref_hit want[20000];
	struct ref_text c;
	size_t n = 0, i, nwant = 0;
	unsigned flags[NPH];
	struct matcher m;
	struct error e;
	int bad = 0;

	rng = seed;
	printf("seed %llu%s\n", (unsigned long long)rng,
	    words ? " (whole words)" : "");
	while (n < TLEN) {
		const char *a = alphabet[next_rand() % NATOMS];

		memcpy(text + n, a, strlen(a));
		n += strlen(a);
	}
	matcher_init(&m);
	for (i = 0; i < NPH; i++) {
		size_t len = random_phrase(ph[i]);

		flags[i] = words && i % 2 ? MATCHER_WORD : 0;
		CHECK_INT(matcher_add(&m, ph[i], len, flags[i], &e), 0);
	}
	CHECK_INT(matcher_compile(&m, &e), 0);
	got.n = 0;
	matcher_run(&m, text, n, add_hit, &got);
	CHECK_INT(ref_cut(text, n, &c), 0);
	for (i = 0; i < NPH; i++)
		CHECK_INT(ref_find(&c, ph[i], strlen(ph[i]), flags[i], i, want,
		    sizeof want / sizeof want[0], &nwant), 0);
	ref_text_free(&c);
	qsort(got.h, got.n, sizeof got.h[0], cmp_hit);
	qsort(want, nwant, sizeof want[0], ref_cmp_hit);
	printf("%zu matches\n", nwant);
	CHECK(nwant > 100);
	CHECK_INT(got.n, nwant);
	for (i = 0; i < got.n && i < nwant && !bad; i++)
		if (got.h[i].phrase != want[i].phrase || got.h[i].off != want[i].off ||
		    got.h[i].len != want[i].len) {
			printf("  first difference: got %zu@%zu+%zu, want %zu@%zu+%zu\n",
			    got.h[i].phrase, got.h[i].off, got.h[i].len,
			    want[i].phrase, want[i].off, want[i].len);
			bad = 1;
		}
	CHECK(!bad);
	matcher_release(&m);
}

static void
test_differential_unicode(void)
{
	differential(424242, 0);
	differential(9001, 1);
	differential(31337, 1);
}

/* One match of matcher_run_many, with its text. */
struct many_hit {
	size_t text, phrase, off, len;
};

struct many_hits {
	struct many_hit h[40000];
	size_t n;
	size_t stop_after;	/* 0: never stop */
};

static int
add_many_hit(void *ctx, const struct matcher_match *m)
{
	struct many_hits *hs = ctx;

	if (hs->n < sizeof hs->h / sizeof hs->h[0]) {
		hs->h[hs->n].text = m->text;
		hs->h[hs->n].phrase = m->phrase;
		hs->h[hs->n].off = m->off;
		hs->h[hs->n].len = m->len;
		hs->n++;
	}
	return hs->stop_after && hs->n == hs->stop_after ? 7 : 0;
}

/* The matches of text k in the order they came. */
static size_t
of_text(const struct many_hits *hs, size_t k, struct many_hit *out)
{
	size_t i, n = 0;

	for (i = 0; i < hs->n; i++)
		if (hs->h[i].text == k)
			out[n++] = hs->h[i];
	return n;
}

/* matcher_run_many against matcher_run one text at a time: texts of
 * every length (empty, a few bytes, longer than a lane's piece), long
 * ASCII runs (read in place) and mixed scripts (folded), in any number
 * (fewer texts than lanes too).  Each text must get the same matches in
 * the same order, tagged with its index. */
static void
test_run_many(void)
{
	enum { NPH = 40, NT = 300 };
	static char ph[NPH][64], text[NT][1200];
	static struct many_hits got, one;
	static struct many_hit a[4000], b[4000];
	struct matcher_text t[NT];
	size_t i, k, ntexts, na, nb;
	struct matcher m;
	struct error e;
	int bad = 0;

	rng = 77;
	printf("seed %llu\n", (unsigned long long)rng);
	matcher_init(&m);
	for (i = 0; i < NPH; i++) {
		size_t len = random_phrase(ph[i]);
		CHECK_INT(matcher_add(&m, ph[i], len, i % 3 ? MATCHER_WORD : 0, &e), 0);
	}
	CHECK_INT(matcher_compile(&m, &e), 0);
	for (k = 0; k < NT; k++) {
		size_t n = 0, want = next_rand() % 4 == 0 ? 0 : next_rand() % 1000;
		int ascii = next_rand() % 2;

		while (n < want) {
			const char *c = ascii && next_rand() % 8 ?
			    &"aAbB ab"[next_rand() % 7] : alphabet[next_rand() % NATOMS];
			size_t cl = ascii && c[0] < 0x7F && c[1] != '\0' ? 1 : strlen(c);

			memcpy(text[k] + n, c, cl);
			n += cl;
		}
		t[k].p = text[k];
		t[k].n = n;
	}
	for (ntexts = 0; ntexts <= NT && !bad; ntexts += ntexts < 6 ? 1 : 147) {
		got.n = 0;
		got.stop_after = 0;
		CHECK_INT(matcher_run_many(&m, t, ntexts, add_many_hit, &got), 0);
		for (k = 0; k < ntexts && !bad; k++) {
			one.n = 0;
			one.stop_after = 0;
			matcher_run(&m, t[k].p, t[k].n, add_many_hit, &one);
			na = of_text(&got, k, a);
			nb = of_text(&one, 0, b);
			if (na != nb) {
				printf("  %zu texts: text %zu has %zu matches, "
				    "%zu alone\n", ntexts, k, na, nb);
				bad = 1;
			}
			for (i = 0; i < na && i < nb && !bad; i++)
				if (a[i].phrase != b[i].phrase || a[i].off != b[i].off ||
				    a[i].len != b[i].len) {
					printf("  %zu texts: text %zu match %zu differs\n",
					    ntexts, k, i);
					bad = 1;
				}
		}
	}
	CHECK(!bad);
	CHECK(got.n > 1000);
	/* a non-zero return stops the whole run at once */
	got.n = 0;
	got.stop_after = 5;
	CHECK_INT(matcher_run_many(&m, t, NT, add_many_hit, &got), 7);
	CHECK_INT(got.n, 5);
	matcher_release(&m);
}

int
main(void)
{
	RUN(test_word_boundaries);
	RUN(test_edge_punctuation);
	RUN(test_overlaps);
	RUN(test_spaces);
	RUN(test_scripts);
	RUN(test_normalised);
	RUN(test_text_edges);
	RUN(test_invisible_at_piece_start);
	RUN(test_api_errors);
	RUN(test_long_random_text);
	RUN(test_differential_unicode);
	RUN(test_run_many);
	return h_done();
}
