/* SPDX-License-Identifier: MIT */
/* casefold: case folding and word/space classes by sorted range tables. */
#include <stddef.h>
#include <stdint.h>

#include "lib/casefold.h"
#include "lib/utf8.h"

/*
 * A range [lo, hi] folds by adding delta: every code point (step 1), or
 * every other one starting at lo (step 2, the upper/lower pairs), or all
 * to lo + delta (step 0).  The C and S lines of Unicode's CaseFolding.txt
 * (https://www.unicode.org/Public/UCD/latest/ucd/CaseFolding.txt) for
 * these blocks, cross-checked code point by code point against Python 3's
 * unicodedata (Unicode 14.0.0).  Word ranges follow the general categories
 * L, M, Nd and Nl of the same data, simplified to ranges.
 */
struct fold_range {
	uint32_t lo, hi;
	int32_t delta;
	uint8_t step;
};

static const struct fold_range folds[] = {
	{ 0x0041, 0x005A, 32, 1 },		/* ASCII */
	{ 0x00B5, 0x00B5, 0x03BC - 0x00B5, 1 },	/* micro sign -> mu */
	{ 0x00C0, 0x00D6, 32, 1 },		/* Latin-1 */
	{ 0x00D8, 0x00DE, 32, 1 },
	{ 0x0100, 0x012E, 1, 2 },		/* Latin Extended-A */
	{ 0x0130, 0x0130, 0x0069 - 0x0130, 1 },	/* dotted I -> i (T) */
	{ 0x0131, 0x0131, 0x0069 - 0x0131, 1 },	/* dotless i -> i (ours) */
	{ 0x0132, 0x0136, 1, 2 },
	{ 0x0139, 0x0147, 1, 2 },
	{ 0x014A, 0x0176, 1, 2 },
	{ 0x0178, 0x0178, 0x00FF - 0x0178, 1 },
	{ 0x0179, 0x017D, 1, 2 },
	{ 0x017F, 0x017F, 0x0073 - 0x017F, 1 },	/* long s */
	{ 0x0181, 0x0181, 0x0253 - 0x0181, 1 },	/* Latin Extended-B */
	{ 0x0182, 0x0184, 1, 2 },
	{ 0x0186, 0x0186, 0x0254 - 0x0186, 1 },
	{ 0x0187, 0x0187, 1, 1 },
	{ 0x0189, 0x018A, 0x0256 - 0x0189, 1 },
	{ 0x018B, 0x018B, 1, 1 },
	{ 0x018E, 0x018E, 0x01DD - 0x018E, 1 },
	{ 0x018F, 0x018F, 0x0259 - 0x018F, 1 },
	{ 0x0190, 0x0190, 0x025B - 0x0190, 1 },
	{ 0x0191, 0x0191, 1, 1 },
	{ 0x0193, 0x0193, 0x0260 - 0x0193, 1 },
	{ 0x0194, 0x0194, 0x0263 - 0x0194, 1 },
	{ 0x0196, 0x0196, 0x0269 - 0x0196, 1 },
	{ 0x0197, 0x0197, 0x0268 - 0x0197, 1 },
	{ 0x0198, 0x0198, 1, 1 },
	{ 0x019C, 0x019C, 0x026F - 0x019C, 1 },
	{ 0x019D, 0x019D, 0x0272 - 0x019D, 1 },
	{ 0x019F, 0x019F, 0x0275 - 0x019F, 1 },
	{ 0x01A0, 0x01A4, 1, 2 },
	{ 0x01A6, 0x01A6, 0x0280 - 0x01A6, 1 },
	{ 0x01A7, 0x01A7, 1, 1 },
	{ 0x01A9, 0x01A9, 0x0283 - 0x01A9, 1 },
	{ 0x01AC, 0x01AC, 1, 1 },
	{ 0x01AE, 0x01AE, 0x0288 - 0x01AE, 1 },
	{ 0x01AF, 0x01AF, 1, 1 },
	{ 0x01B1, 0x01B2, 0x028A - 0x01B1, 1 },
	{ 0x01B3, 0x01B5, 1, 2 },
	{ 0x01B7, 0x01B7, 0x0292 - 0x01B7, 1 },
	{ 0x01B8, 0x01B8, 1, 1 },
	{ 0x01BC, 0x01BC, 1, 1 },
	{ 0x01C4, 0x01C4, 2, 1 },
	{ 0x01C5, 0x01C5, 1, 1 },
	{ 0x01C7, 0x01C7, 2, 1 },
	{ 0x01C8, 0x01C8, 1, 1 },
	{ 0x01CA, 0x01CA, 2, 1 },
	{ 0x01CB, 0x01DB, 1, 2 },
	{ 0x01DE, 0x01EE, 1, 2 },
	{ 0x01F1, 0x01F1, 2, 1 },
	{ 0x01F2, 0x01F2, 1, 1 },
	{ 0x01F4, 0x01F4, 1, 1 },
	{ 0x01F6, 0x01F6, 0x0195 - 0x01F6, 1 },
	{ 0x01F7, 0x01F7, 0x01BF - 0x01F7, 1 },
	{ 0x01F8, 0x021E, 1, 2 },
	{ 0x0220, 0x0220, 0x019E - 0x0220, 1 },
	{ 0x0222, 0x0232, 1, 2 },
	{ 0x023A, 0x023A, 0x2C65 - 0x023A, 1 },
	{ 0x023B, 0x023B, 1, 1 },
	{ 0x023D, 0x023D, 0x019A - 0x023D, 1 },
	{ 0x023E, 0x023E, 0x2C66 - 0x023E, 1 },
	{ 0x0241, 0x0241, 1, 1 },
	{ 0x0243, 0x0243, 0x0180 - 0x0243, 1 },
	{ 0x0244, 0x0244, 0x0289 - 0x0244, 1 },
	{ 0x0245, 0x0245, 0x028C - 0x0245, 1 },
	{ 0x0246, 0x024E, 1, 2 },
	{ 0x0345, 0x0345, 0x03B9 - 0x0345, 1 },	/* ypogegrammeni */
	{ 0x0370, 0x0372, 1, 2 },		/* Greek */
	{ 0x0376, 0x0376, 1, 1 },
	{ 0x037F, 0x037F, 0x03F3 - 0x037F, 1 },
	{ 0x0386, 0x0386, 0x03AC - 0x0386, 1 },
	{ 0x0388, 0x038A, 0x03AD - 0x0388, 1 },
	{ 0x038C, 0x038C, 0x03CC - 0x038C, 1 },
	{ 0x038E, 0x038F, 0x03CD - 0x038E, 1 },
	{ 0x0391, 0x03A1, 32, 1 },
	{ 0x03A3, 0x03AB, 32, 1 },
	{ 0x03C2, 0x03C2, 1, 1 },		/* final sigma -> sigma */
	{ 0x03CF, 0x03CF, 0x03D7 - 0x03CF, 1 },
	{ 0x03D0, 0x03D0, 0x03B2 - 0x03D0, 1 },
	{ 0x03D1, 0x03D1, 0x03B8 - 0x03D1, 1 },
	{ 0x03D5, 0x03D5, 0x03C6 - 0x03D5, 1 },
	{ 0x03D6, 0x03D6, 0x03C0 - 0x03D6, 1 },
	{ 0x03D8, 0x03EE, 1, 2 },
	{ 0x03F0, 0x03F0, 0x03BA - 0x03F0, 1 },
	{ 0x03F1, 0x03F1, 0x03C1 - 0x03F1, 1 },
	{ 0x03F4, 0x03F4, 0x03B8 - 0x03F4, 1 },
	{ 0x03F5, 0x03F5, 0x03B5 - 0x03F5, 1 },
	{ 0x03F7, 0x03F7, 1, 1 },
	{ 0x03F9, 0x03F9, 0x03F2 - 0x03F9, 1 },
	{ 0x03FA, 0x03FA, 1, 1 },
	{ 0x03FD, 0x03FF, 0x037B - 0x03FD, 1 },
	{ 0x0400, 0x040F, 80, 1 },		/* Cyrillic */
	{ 0x0410, 0x042F, 32, 1 },
	{ 0x0460, 0x0480, 1, 2 },
	{ 0x048A, 0x04BE, 1, 2 },
	{ 0x04C0, 0x04C0, 15, 1 },
	{ 0x04C1, 0x04CD, 1, 2 },
	{ 0x04D0, 0x052E, 1, 2 },
	{ 0x0531, 0x0556, 48, 1 },		/* Armenian */
	{ 0x10A0, 0x10C5, 0x2D00 - 0x10A0, 1 },	/* Georgian */
	{ 0x10C7, 0x10C7, 0x2D27 - 0x10C7, 1 },
	{ 0x10CD, 0x10CD, 0x2D2D - 0x10CD, 1 },
	{ 0x1C80, 0x1C80, 0x0432 - 0x1C80, 1 },	/* Cyrillic Extended-C */
	{ 0x1C81, 0x1C81, 0x0434 - 0x1C81, 1 },
	{ 0x1C82, 0x1C82, 0x043E - 0x1C82, 1 },
	{ 0x1C83, 0x1C83, 0x0441 - 0x1C83, 1 },
	{ 0x1C84, 0x1C85, 0x0442 - 0x1C84, 0 },	/* both -> te, see below */
	{ 0x1C86, 0x1C86, 0x044A - 0x1C86, 1 },
	{ 0x1C87, 0x1C87, 0x0463 - 0x1C87, 1 },
	{ 0x1C88, 0x1C88, 0xA64B - 0x1C88, 1 },
	{ 0x1E00, 0x1E94, 1, 2 },		/* Latin Extended Additional */
	{ 0x1E9B, 0x1E9B, 0x1E61 - 0x1E9B, 1 },
	{ 0x1E9E, 0x1E9E, 0x00DF - 0x1E9E, 1 },	/* capital sharp s (S) */
	{ 0x1EA0, 0x1EFE, 1, 2 },
	{ 0x2126, 0x2126, 0x03C9 - 0x2126, 1 },	/* ohm, kelvin, angstrom */
	{ 0x212A, 0x212A, 0x006B - 0x212A, 1 },
	{ 0x212B, 0x212B, 0x00E5 - 0x212B, 1 },
	{ 0x2132, 0x2132, 0x214E - 0x2132, 1 },	/* turned F */
	{ 0xA640, 0xA66C, 1, 2 },		/* Cyrillic Extended-B */
	{ 0xA680, 0xA69A, 1, 2 },
	{ 0xFF21, 0xFF3A, 32, 1 },		/* fullwidth Latin */
};

/* Word characters outside ASCII, [lo, hi] sorted. */
struct range {
	uint32_t lo, hi;
};

static const struct range words[] = {
	{ 0x00AA, 0x00AA }, { 0x00B5, 0x00B5 }, { 0x00BA, 0x00BA },
	{ 0x00C0, 0x00D6 }, { 0x00D8, 0x00F6 }, { 0x00F8, 0x02C1 },
	{ 0x02C6, 0x02D1 }, { 0x02E0, 0x02E4 }, { 0x02EC, 0x02EC },
	{ 0x02EE, 0x02EE }, { 0x0300, 0x0374 }, { 0x0376, 0x037D },
	{ 0x037F, 0x037F }, { 0x0386, 0x0386 }, { 0x0388, 0x03F5 },
	{ 0x03F7, 0x0481 }, { 0x0483, 0x052F }, { 0x0531, 0x0556 },
	{ 0x0559, 0x0559 }, { 0x0560, 0x0588 }, { 0x05B0, 0x05BD },
	{ 0x05BF, 0x05BF }, { 0x05C1, 0x05C2 }, { 0x05C4, 0x05C5 },
	{ 0x05C7, 0x05C7 }, { 0x05D0, 0x05EA }, { 0x05EF, 0x05F2 },
	{ 0x0610, 0x061A }, { 0x0620, 0x0669 }, { 0x066E, 0x06D3 },
	{ 0x06D5, 0x06DC }, { 0x06DF, 0x06E8 }, { 0x06EA, 0x06FC },
	{ 0x06FF, 0x06FF }, { 0x0900, 0x0963 }, { 0x0966, 0x096F },
	{ 0x0971, 0x0DFF }, { 0x0E01, 0x0E3A }, { 0x0E40, 0x0E4E },
	{ 0x0E50, 0x0E59 }, { 0x0E81, 0x0EDF }, { 0x10A0, 0x10FA },
	{ 0x10FC, 0x10FF }, { 0x1100, 0x11FF }, { 0x1C80, 0x1C88 }, { 0x1E00, 0x1FBC },
	{ 0x1FC2, 0x1FCC }, { 0x1FD0, 0x1FDB }, { 0x1FE0, 0x1FEC },
	{ 0x1FF2, 0x1FFC }, { 0x200C, 0x200D }, { 0x2102, 0x2102 },
	{ 0x2107, 0x2107 }, { 0x210A, 0x2113 }, { 0x2115, 0x2115 },
	{ 0x2119, 0x211D }, { 0x2124, 0x2124 }, { 0x2126, 0x2126 },
	{ 0x2128, 0x2128 }, { 0x212A, 0x212D }, { 0x212F, 0x2139 },
	{ 0x213C, 0x213F }, { 0x2145, 0x2149 }, { 0x214E, 0x214E },
	{ 0x2C00, 0x2D2D }, { 0xA640, 0xA672 }, { 0xA674, 0xA67D }, { 0xA67F, 0xA69F },
	{ 0xA720, 0xA7FF }, { 0xAC00, 0xD7A3 },
	{ 0xFF10, 0xFF19 }, { 0xFF21, 0xFF3A }, { 0xFF41, 0xFF5A },
};

uint32_t
casefold_simple(uint32_t cp)
{
	size_t lo = 0, hi = sizeof folds / sizeof folds[0];

	if (cp < 0x80)
		return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
	if (cp >= 0x0400 && cp < 0x0460)	/* Cyrillic, the common case */
		return cp < 0x0410 ? cp + 80 : cp < 0x0430 ? cp + 32 : cp;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct fold_range *f = &folds[mid];

		if (cp < f->lo)
			hi = mid;
		else if (cp > f->hi)
			lo = mid + 1;
		else {
			/* step 0: the whole range folds to lo + delta */
			if (f->step == 0)
				return (uint32_t)((int32_t)f->lo + f->delta);
			if (f->step == 2 && ((cp - f->lo) & 1))
				return cp;
			return (uint32_t)((int32_t)cp + f->delta);
		}
	}
	return cp;
}

size_t
casefold_full(uint32_t cp, uint32_t out[2])
{
	if (cp == 0x00DF || cp == 0x1E9E) {
		out[0] = out[1] = 's';
		return 2;
	}
	out[0] = casefold_simple(cp);
	return 1;
}

size_t
casefold_utf8(const char *p, size_t n, char *out)
{
	size_t i = 0, o = 0, k, j;
	uint32_t cp, f[2];

	while (i < n) {
		i += utf8_decode(p + i, n - i, &cp);
		k = casefold_full(cp, f);
		for (j = 0; j < k; j++)
			o += utf8_encode(f[j], out + o);
	}
	return o;
}

int
casefold_is_word(uint32_t cp)
{
	size_t lo = 0, hi = sizeof words / sizeof words[0];

	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || ((cp | 32) >= 'a' &&
		    (cp | 32) <= 'z');
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cp < words[mid].lo)
			hi = mid;
		else if (cp > words[mid].hi)
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

int
casefold_is_space(uint32_t cp)
{
	switch (cp) {
	case ' ': case '\t': case '\n': case '\v': case '\f': case '\r':
	case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029:
	case 0x202F: case 0x205F: case 0x3000:
		return 1;
	}
	return cp >= 0x2000 && cp <= 0x200A;
}

/* 1 when every code point in [lo, hi] folds to itself (casefold_full)
 * and none is white space. */
static int
range_folds_to_self(uint32_t lo, uint32_t hi)
{
	uint64_t cp;
	size_t i;

	size_t b = sizeof folds / sizeof folds[0];

	if ((lo <= 0x00DF && hi >= 0x00DF) || (lo <= 0x1E9E && hi >= 0x1E9E))
		return 0;	/* sharp s folds to "ss" */
	/* the first folding range that ends at lo or later (sorted, apart) */
	for (i = 0; i < b;) {
		size_t mid = i + (b - i) / 2;

		if (folds[mid].hi < lo)
			i = mid + 1;
		else
			b = mid;
	}
	if (i < sizeof folds / sizeof folds[0] && folds[i].lo <= hi)
		return 0;
	for (cp = lo; cp <= hi; cp++)
		if (casefold_is_space((uint32_t)cp))
			return 0;
	return 1;
}

/* ------------------------------------------------- folding for matching */

/* Default_Ignorable_Code_Point, DerivedCoreProperties.txt (Unicode 15.0),
 * https://www.unicode.org/Public/15.0.0/ucd/DerivedCoreProperties.txt */
static const struct range ignorables[] = {
	{ 0x00AD, 0x00AD }, { 0x034F, 0x034F }, { 0x061C, 0x061C },
	{ 0x115F, 0x1160 }, { 0x17B4, 0x17B5 }, { 0x180B, 0x180F },
	{ 0x200B, 0x200F }, { 0x202A, 0x202E }, { 0x2060, 0x206F },
	{ 0x3164, 0x3164 }, { 0xFE00, 0xFE0F }, { 0xFEFF, 0xFEFF },
	{ 0xFFA0, 0xFFA0 }, { 0xFFF0, 0xFFF8 }, { 0x1BCA0, 0x1BCA3 },
	{ 0x1D173, 0x1D17A }, { 0xE0000, 0xE0FFF },
};

static int
in_ranges(const struct range *r, size_t n, uint32_t cp)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cp < r[mid].lo)
			hi = mid;
		else if (cp > r[mid].hi)
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

int
casefold_is_ignorable(uint32_t cp)
{
	if (cp < 0x115F)	/* the common case: no search */
		return cp == 0x00AD || cp == 0x034F || cp == 0x061C;
	return in_ranges(ignorables, sizeof ignorables / sizeof ignorables[0], cp);
}

/*
 * Cyrillic and Greek letters that look like one Latin letter, after case
 * folding, from confusables.txt (UTS #39, Unicode security data,
 * https://www.unicode.org/Public/security/latest/confusables.txt): the
 * lines whose source is the small letter, or its capital, and whose target
 * is a single Latin letter.  Where the small and the capital letter point
 * at different Latin letters (Greek ν -> v, Ν -> N) the small letter's
 * target is kept.  Indexed from U+03B1.
 */
#define CONF_LO 0x03B1
#define CONF_HI 0x051D
static const char confusables[CONF_HI - CONF_LO + 1] = {
	[0x03B1 - CONF_LO] = 'a', [0x03B2 - CONF_LO] = 'b', [0x03B3 - CONF_LO] = 'y',
	[0x03B5 - CONF_LO] = 'e', [0x03B6 - CONF_LO] = 'z', [0x03B7 - CONF_LO] = 'h',
	[0x03B9 - CONF_LO] = 'i', [0x03BA - CONF_LO] = 'k', [0x03BC - CONF_LO] = 'm',
	[0x03BD - CONF_LO] = 'v', [0x03BF - CONF_LO] = 'o', [0x03C0 - CONF_LO] = 'n',
	[0x03C1 - CONF_LO] = 'p', [0x03C3 - CONF_LO] = 'o', [0x03C4 - CONF_LO] = 't',
	[0x03C5 - CONF_LO] = 'u', [0x03C7 - CONF_LO] = 'x', [0x03F2 - CONF_LO] = 'c',
	[0x03F3 - CONF_LO] = 'j',
	[0x0430 - CONF_LO] = 'a', [0x0432 - CONF_LO] = 'b', [0x0433 - CONF_LO] = 'r',
	[0x0435 - CONF_LO] = 'e', [0x043A - CONF_LO] = 'k', [0x043C - CONF_LO] = 'm',
	[0x043D - CONF_LO] = 'h', [0x043E - CONF_LO] = 'o', [0x043F - CONF_LO] = 'n',
	[0x0440 - CONF_LO] = 'p', [0x0441 - CONF_LO] = 'c', [0x0442 - CONF_LO] = 't',
	[0x0443 - CONF_LO] = 'y', [0x0445 - CONF_LO] = 'x', [0x0446 - CONF_LO] = 'u',
	[0x044C - CONF_LO] = 'b', [0x0455 - CONF_LO] = 's', [0x0456 - CONF_LO] = 'i',
	[0x0458 - CONF_LO] = 'j', [0x0475 - CONF_LO] = 'v', [0x04AF - CONF_LO] = 'y',
	[0x04BB - CONF_LO] = 'h', [0x04BD - CONF_LO] = 'e', [0x04CF - CONF_LO] = 'i',
	[0x0501 - CONF_LO] = 'd', [0x051B - CONF_LO] = 'q', [0x051D - CONF_LO] = 'w',
};

uint32_t
casefold_confusable(uint32_t cp)
{
	if (cp < CONF_LO || cp > CONF_HI)
		return 0;
	return (uint32_t)(unsigned char)confusables[cp - CONF_LO];
}

int
casefold_is_latin(uint32_t cp)
{
	if (cp < 0x80)
		return (cp | 32) >= 'a' && (cp | 32) <= 'z';
	return (cp >= 0x00C0 && cp <= 0x024F && cp != 0x00D7 && cp != 0x00F7) ||
	    (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
	    (cp >= 0xFF41 && cp <= 0xFF5A);
}

int
casefold_is_nospace(uint32_t cp)
{
	return (cp >= 0x0E00 && cp <= 0x0EFF) || (cp >= 0x1000 && cp <= 0x109F) ||
	    (cp >= 0x1780 && cp <= 0x17FF) || (cp >= 0x19E0 && cp <= 0x19FF);
}

/* The ASCII letter or digit a mathematical alphanumeric symbol
 * (U+1D400-1D7FF) stands for under NFKC, or 0 (Greek and the holes). */
static uint32_t
math_alnum(uint32_t cp)
{
	if (cp >= 0x1D400 && cp <= 0x1D6A3) {
		uint32_t k = (cp - 0x1D400) % 52;

		return k < 26 ? 'a' + k : 'a' + (k - 26);
	}
	if (cp >= 0x1D7CE && cp <= 0x1D7FF)
		return '0' + (cp - 0x1D7CE) % 10;
	return 0;
}

size_t
casefold_match(uint32_t cp, uint32_t out[2])
{
	uint32_t a;

	if (cp < 0x80) {
		out[0] = cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
		return 1;
	}
	if (casefold_is_ignorable(cp))
		return 0;
	if (cp >= 0xFF01 && cp <= 0xFF5E) {		/* fullwidth ASCII */
		a = cp - 0xFF01 + 0x21;
		out[0] = a >= 'A' && a <= 'Z' ? a + 32 : a;
		return 1;
	}
	if (cp >= 0x24B6 && cp <= 0x24E9) {		/* circled letters */
		out[0] = 'a' + (cp - 0x24B6) % 26;
		return 1;
	}
	if ((cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06F0 && cp <= 0x06F9)) {
		out[0] = '0' + (cp & 0xF);	/* both blocks start at ...0 */
		return 1;
	}
	if (cp >= 0x1D400 && cp <= 0x1D7FF && (a = math_alnum(cp)) != 0) {
		out[0] = a;
		return 1;
	}
	if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0x00B4) {
		out[0] = '\'';		/* typed apostrophes: "n’est", "don´t" */
		return 1;
	}
	return casefold_full(cp, out);
}

/* The ranges casefold_match maps besides casefold_full. */
static const struct range compat[] = {
	{ 0x0660, 0x0669 }, { 0x06F0, 0x06F9 }, { 0x24B6, 0x24E9 },
	{ 0xFF01, 0xFF5E }, { 0x1D400, 0x1D7FF },
	{ 0x00B4, 0x00B4 }, { 0x02BC, 0x02BC }, { 0x2018, 0x2019 },
};

static int
overlaps(const struct range *r, size_t n, uint32_t lo, uint32_t hi)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (r[i].lo <= hi && r[i].hi >= lo)
			return 1;
	return 0;
}

int
casefold_range_is_plain(uint32_t lo, uint32_t hi)
{
	uint32_t cp;

	if (!range_folds_to_self(lo, hi) ||
	    overlaps(ignorables, sizeof ignorables / sizeof ignorables[0], lo, hi) ||
	    overlaps(compat, sizeof compat / sizeof compat[0], lo, hi))
		return 0;
	if (lo <= 0x051D && hi >= 0x03B1)
		for (cp = lo; cp <= hi; cp++)
			if (casefold_confusable(cp))
				return 0;
	return 1;
}
