/* SPDX-License-Identifier: MIT */
/* test_casefold: folding per script against Unicode's CaseFolding.txt
 * (https://www.unicode.org/Public/UCD/latest/ucd/CaseFolding.txt), real
 * words, and the word and space classes. */
#include <stdlib.h>
#include <string.h>

#include "lib/casefold.h"
#include "harness.h"

/* Folds the UTF-8 string s into a static buffer. */
static const char *
fold(const char *s)
{
	static char out[1024];
	size_t n = strlen(s);

	if (3 * n >= sizeof out)
		return "(too long)";
	out[casefold_utf8(s, n, out)] = '\0';
	return out;
}

static void
test_ascii_latin1(void)
{
	CHECK_INT(casefold_simple('A'), 'a');
	CHECK_INT(casefold_simple('Z'), 'z');
	CHECK_INT(casefold_simple('a'), 'a');
	CHECK_INT(casefold_simple('@'), '@');
	CHECK_INT(casefold_simple('['), '[');
	CHECK_INT(casefold_simple(0xC0), 0xE0);		/* A grave */
	CHECK_INT(casefold_simple(0xD6), 0xF6);		/* O diaeresis */
	CHECK_INT(casefold_simple(0xD7), 0xD7);		/* multiplication sign */
	CHECK_INT(casefold_simple(0xDE), 0xFE);		/* thorn */
	CHECK_INT(casefold_simple(0xB5), 0x3BC);	/* micro sign -> mu */
	CHECK_INT(casefold_simple(0x178), 0xFF);	/* Y diaeresis */
	CHECK_INT(casefold_simple(0xDF), 0xDF);		/* sharp s: no simple */
	CHECK_INT(casefold_simple(0x1E9E), 0xDF);	/* capital sharp s (S) */
}

static void
test_latin_extended(void)
{
	CHECK_INT(casefold_simple(0x100), 0x101);	/* A macron */
	CHECK_INT(casefold_simple(0x101), 0x101);
	CHECK_INT(casefold_simple(0x141), 0x142);	/* L stroke */
	CHECK_INT(casefold_simple(0x150), 0x151);	/* O double acute */
	CHECK_INT(casefold_simple(0x17D), 0x17E);	/* Z caron */
	CHECK_INT(casefold_simple(0x17F), 's');		/* long s */
	CHECK_INT(casefold_simple(0x132), 0x133);	/* IJ */
	CHECK_INT(casefold_simple(0x18F), 0x259);	/* schwa */
	CHECK_INT(casefold_simple(0x1C4), 0x1C6);	/* DZ caron */
	CHECK_INT(casefold_simple(0x1C5), 0x1C6);
	CHECK_INT(casefold_simple(0x218), 0x219);	/* S comma (Romanian) */
	CHECK_INT(casefold_simple(0x21A), 0x21B);	/* T comma */
	CHECK_INT(casefold_simple(0x23A), 0x2C65);
	CHECK_INT(casefold_simple(0x1EA0), 0x1EA1);	/* Vietnamese A dot */
	CHECK_INT(casefold_simple(0x1ED0), 0x1ED1);
	CHECK_INT(casefold_simple(0x212A), 'k');	/* Kelvin sign */
	CHECK_INT(casefold_simple(0xFF21), 0xFF41);	/* fullwidth A */
}

/* Our documented choice: every Turkish i folds to i. */
static void
test_turkish_i(void)
{
	CHECK_INT(casefold_simple(0x130), 'i');
	CHECK_INT(casefold_simple(0x131), 'i');
	CHECK_STR(fold("TAKS\xC4\xB0T"), "taksit");	/* TAKSİT */
	CHECK_STR(fold("K\xC4\xB1r\xC4\xB1k"), "kirik");	/* Kırık */
	CHECK_STR(fold("KIRIK"), "kirik");
}

static void
test_sharp_s_full(void)
{
	uint32_t o[2];

	CHECK_INT(casefold_full(0xDF, o), 2);
	CHECK(o[0] == 's' && o[1] == 's');
	CHECK_INT(casefold_full(0x1E9E, o), 2);
	CHECK_INT(casefold_full('Q', o), 1);
	CHECK_INT(o[0], 'q');
	CHECK_STR(fold("Stra\xC3\x9F" "e"), "strasse");
	CHECK_STR(fold("STRASSE"), "strasse");
}

static void
test_greek(void)
{
	CHECK_INT(casefold_simple(0x3A3), 0x3C3);	/* Sigma */
	CHECK_INT(casefold_simple(0x3C2), 0x3C3);	/* final sigma */
	CHECK_INT(casefold_simple(0x386), 0x3AC);	/* Alpha tonos */
	CHECK_INT(casefold_simple(0x38A), 0x3AF);	/* Iota tonos */
	CHECK_INT(casefold_simple(0x38F), 0x3CE);	/* Omega tonos */
	CHECK_INT(casefold_simple(0x3AA), 0x3CA);	/* Iota dialytika */
	CHECK_INT(casefold_simple(0x3D0), 0x3B2);	/* beta symbol */
	CHECK_INT(casefold_simple(0x2126), 0x3C9);	/* Ohm sign */
	CHECK_INT(casefold_simple(0x390), 0x390);	/* full folding only */
	CHECK_INT(casefold_simple(0x3A2), 0x3A2);	/* unassigned */
	/* ΣΊΣΥΦΟΣ and σίσυφος */
	CHECK_STR(fold("\xCE\xA3\xCE\x8A\xCE\xA3\xCE\xA5\xCE\xA6\xCE\x9F\xCE\xA3"),
	    fold("\xCF\x83\xCE\xAF\xCF\x83\xCF\x85\xCF\x86\xCE\xBF\xCF\x82"));
	CHECK_STR(fold("\xCE\xA3\xCE\x8A\xCE\xA3\xCE\xA5\xCE\xA6\xCE\x9F\xCE\xA3"),
	    "\xCF\x83\xCE\xAF\xCF\x83\xCF\x85\xCF\x86\xCE\xBF\xCF\x83");
	/* ΔΌΣΕΙΣ (instalments) */
	CHECK_STR(fold("\xCE\x94\xCE\x8C\xCE\xA3\xCE\x95\xCE\x99\xCE\xA3"),
	    "\xCE\xB4\xCF\x8C\xCF\x83\xCE\xB5\xCE\xB9\xCF\x83");
}

static void
test_cyrillic(void)
{
	CHECK_INT(casefold_simple(0x401), 0x451);	/* Io */
	CHECK_INT(casefold_simple(0x40F), 0x45F);	/* Dzhe */
	CHECK_INT(casefold_simple(0x410), 0x430);	/* A */
	CHECK_INT(casefold_simple(0x42F), 0x44F);	/* Ya */
	CHECK_INT(casefold_simple(0x460), 0x461);	/* Omega */
	CHECK_INT(casefold_simple(0x490), 0x491);	/* Ghe upturn (Ukrainian) */
	CHECK_INT(casefold_simple(0x4B6), 0x4B7);
	CHECK_INT(casefold_simple(0x4C0), 0x4CF);	/* palochka */
	CHECK_INT(casefold_simple(0x4C1), 0x4C2);
	CHECK_INT(casefold_simple(0x4D8), 0x4D9);	/* schwa (Kazakh) */
	CHECK_INT(casefold_simple(0x500), 0x501);
	CHECK_INT(casefold_simple(0x52E), 0x52F);
	CHECK_INT(casefold_simple(0x430), 0x430);
	CHECK_STR(fold("\xD0\xA0\xD0\x90\xD0\xA1\xD0\xA1\xD0\xA0\xD0\x9E\xD0\xA7\xD0\x9A\xD0\x90"),
	    "\xD1\x80\xD0\xB0\xD1\x81\xD1\x81\xD1\x80\xD0\xBE\xD1\x87\xD0\xBA\xD0\xB0");
	CHECK_STR(fold("FINANCIACI\xC3\x93N"), "financiaci\xC3\xB3n");
}

static void
test_devanagari_unchanged(void)
{
	uint32_t c;

	for (c = 0x900; c <= 0x97F; c++)
		CHECK_INT(casefold_simple(c), c);
	/* किस्त */
	CHECK_STR(fold("\xE0\xA4\x95\xE0\xA4\xBF\xE0\xA4\xB8\xE0\xA5\x8D\xE0\xA4\xA4"),
	    "\xE0\xA4\x95\xE0\xA4\xBF\xE0\xA4\xB8\xE0\xA5\x8D\xE0\xA4\xA4");
	CHECK_INT(casefold_simple(0x4E2D), 0x4E2D);
	CHECK_INT(casefold_simple(0x1F600), 0x1F600);
}

/* Folding twice changes nothing, over the whole BMP. */
static void
test_idempotent(void)
{
	uint32_t c, bad = 0;

	for (c = 0; c < 0x10000; c++)
		if (casefold_simple(casefold_simple(c)) != casefold_simple(c))
			bad = c;
	CHECK_INT(bad, 0);
}

static void
test_invalid_utf8(void)
{
	CHECK_STR(fold("A\xFF" "B"), "a\xEF\xBF\xBD" "b");
}

static void
test_word_and_space(void)
{
	CHECK(casefold_is_word('a') && casefold_is_word('Z') && casefold_is_word('7'));
	CHECK(!casefold_is_word('_') && !casefold_is_word(',') && !casefold_is_word(' '));
	CHECK(casefold_is_word(0xE9));		/* e acute */
	CHECK(casefold_is_word(0x416));		/* Zhe */
	CHECK(casefold_is_word(0x3C9));		/* omega */
	CHECK(casefold_is_word(0x301));		/* combining acute */
	CHECK(casefold_is_word(0x915));		/* ka */
	CHECK(casefold_is_word(0x93F));		/* vowel sign i */
	CHECK(casefold_is_word(0x94D));		/* virama */
	CHECK(casefold_is_word(0x902));		/* anusvara */
	CHECK(casefold_is_word(0x966));		/* Devanagari digit zero */
	CHECK(!casefold_is_word(0x964));	/* danda */
	CHECK(!casefold_is_word(0xD7));		/* multiplication sign */
	CHECK(!casefold_is_word(0xA0));		/* NBSP */
	CHECK(!casefold_is_word(0x37E));	/* Greek question mark */
	CHECK(!casefold_is_word(0x387));	/* ano teleia */
	CHECK(!casefold_is_word(0x4E2D));	/* CJK */
	CHECK(!casefold_is_word(0x2014));	/* em dash */
	CHECK(casefold_is_space(' ') && casefold_is_space('\n') && casefold_is_space('\r'));
	CHECK(casefold_is_space(0xA0) && casefold_is_space(0x2009) && casefold_is_space(0x3000));
	CHECK(!casefold_is_space('x') && !casefold_is_space(0x200B));
}

/* casefold_range_is_plain against code point by code point, for every
 * block of 64 up to U+FFFF and for ranges that start and end inside a
 * folding range. */
static int
plain_slow(uint32_t lo, uint32_t hi)
{
	uint32_t f[2], cp;

	for (cp = lo; cp <= hi; cp++)
		if (casefold_is_space(cp) || casefold_match(cp, f) != 1 || f[0] != cp ||
		    casefold_confusable(cp))
			return 0;
	return 1;
}

static void
test_range_is_plain(void)
{
	static const uint32_t edges[][2] = {
		{ 0x0061, 0x007A }, { 0x0041, 0x0041 }, { 0x00DF, 0x00DF },
		{ 0x0430, 0x044F }, { 0x0400, 0x040F }, { 0x0900, 0x097F },
		{ 0x1E9E, 0x1E9E }, { 0x2000, 0x200A }, { 0x2010, 0x2027 },
		{ 0x3041, 0x3096 }, { 0xFF21, 0xFF21 }, { 0xFF5B, 0xFF60 },
	};
	uint32_t b;
	size_t i;
	int bad = 0;

	for (b = 0; b < 0x10000 / 64; b++)
		if (casefold_range_is_plain(b * 64, b * 64 + 63) != plain_slow(b * 64, b * 64 + 63)) {
			printf("  block U+%04X differs\n", (unsigned)(b * 64));
			bad++;
		}
	for (i = 0; i < sizeof edges / sizeof edges[0]; i++)
		if (casefold_range_is_plain(edges[i][0], edges[i][1]) !=
		    plain_slow(edges[i][0], edges[i][1])) {
			printf("  U+%04X-U+%04X differs\n", (unsigned)edges[i][0],
			    (unsigned)edges[i][1]);
			bad++;
		}
	CHECK_INT(bad, 0);
	CHECK(casefold_range_is_plain(0x0900, 0x097F));	/* Devanagari */
	CHECK(!casefold_range_is_plain(0x0400, 0x043F));	/* Cyrillic capitals */
}

/* Folding for matching: invisible characters, compatibility forms,
 * digits, look-alikes (the context rule is the matcher's). */
static void
test_match_fold(void)
{
	uint32_t f[2];

	CHECK_INT(casefold_match(0x00AD, f), 0);	/* soft hyphen */
	CHECK_INT(casefold_match(0x200B, f), 0);	/* zero-width space */
	CHECK_INT(casefold_match(0x200D, f), 0);	/* ZWJ */
	CHECK_INT(casefold_match(0xFEFF, f), 0);
	CHECK_INT(casefold_match(0xE0041, f), 0);	/* tag A */
	CHECK(casefold_match(0xFF2B, f) == 1 && f[0] == 'k');	/* fullwidth K */
	CHECK(casefold_match(0x2019, f) == 1 && f[0] == '\'');	/* ’ */
	CHECK(casefold_match(0x2018, f) == 1 && f[0] == '\'');	/* ‘ */
	CHECK(casefold_match(0x02BC, f) == 1 && f[0] == '\'');	/* ʼ */
	CHECK(casefold_match(0x00B4, f) == 1 && f[0] == '\'');	/* ´ */
	CHECK(casefold_match(0x201C, f) == 1 && f[0] == 0x201C);	/* “ stays */
	CHECK(casefold_match(0xFF47, f) == 1 && f[0] == 'g');	/* fullwidth g */
	CHECK(casefold_match(0xFF10, f) == 1 && f[0] == '0');
	CHECK(casefold_match(0x0663, f) == 1 && f[0] == '3');	/* Arabic-Indic */
	CHECK(casefold_match(0x06F7, f) == 1 && f[0] == '7');	/* Persian */
	CHECK(casefold_match(0x24C0, f) == 1 && f[0] == 'k');	/* circled K */
	CHECK(casefold_match(0x1D41A, f) == 1 && f[0] == 'a');	/* bold a */
	CHECK(casefold_match(0x1D7D9, f) == 1 && f[0] == '1');	/* double-struck 1 */
	CHECK(casefold_match(0x00DF, f) == 2 && f[0] == 's' && f[1] == 's');
	CHECK(casefold_match(0x0411, f) == 1 && f[0] == 0x0431);	/* Б -> б */
	CHECK(casefold_match(0x0966, f) == 1 && f[0] == 0x0966);	/* Devanagari 0 */
	CHECK_INT(casefold_confusable(0x043E), 'o');	/* о */
	CHECK_INT(casefold_confusable(0x0430), 'a');
	CHECK_INT(casefold_confusable(0x0456), 'i');	/* і */
	CHECK_INT(casefold_confusable(0x03BF), 'o');	/* Greek ο */
	CHECK_INT(casefold_confusable(0x043B), 0);	/* л */
	CHECK_INT(casefold_confusable('o'), 0);
	CHECK(casefold_is_latin('Q') && casefold_is_latin(0x1EA1) && !casefold_is_latin(0x043E));
	CHECK(casefold_is_nospace(0x0E01) && casefold_is_nospace(0x1780) &&
	    !casefold_is_nospace(0x0915));
}

int
main(void)
{
	RUN(test_ascii_latin1);
	RUN(test_latin_extended);
	RUN(test_turkish_i);
	RUN(test_sharp_s_full);
	RUN(test_greek);
	RUN(test_cyrillic);
	RUN(test_devanagari_unchanged);
	RUN(test_idempotent);
	RUN(test_invalid_utf8);
	RUN(test_word_and_space);
	RUN(test_range_is_plain);
	RUN(test_match_fold);
	return h_done();
}
