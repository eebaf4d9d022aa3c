/* SPDX-License-Identifier: MIT */
/* prefilter: the test that spares most fields the identifier search
 * (fewer than 14 digits and no E-notation means nothing to find), with
 * SSE2 where there is SSE2 and eight bytes at a time elsewhere. */
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "lib/utf8.h"
#include "scan/scan_priv.h"

/* 1 when a digit of another script than ASCII starts at s[i]. */
static int
other_digit_at(const char *s, size_t n, size_t i)
{
	uint32_t cp;

	return i + 1 < n && utf8_decode(s + i, n - i, &cp) > 1 && utf8_digit(cp) >= 0;
}

/* 0 when find_in_text cannot find anything in (p, n): fewer than 14
 * digits (ASCII and every script utf8_digit reads, as the identifier
 * engine does) and no E-notation.  Most descriptions are skipped this way
 * at the cost of one light pass. */
int
scan_may_hold_id_exact(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, d = 0;

	for (i = 0; i < n; i++) {
		unsigned c = p[i], dig = c - '0' < 10u;

		if (dig && i + 1 < n && (p[i + 1] | 0x20) == 'e')
			return 1;	/* maybe E-notation */
		d += dig;
		if (c >= 0xD9 && other_digit_at(s, n, i))
			d++;
	}
	return d >= 14;
}

#if defined(__SSE2__)
/* 0xFF in each byte of v that lies in [lo, lo + width). */
static __m128i
in_range(__m128i v, int lo, int width)
{
	__m128i d = _mm_sub_epi8(v, _mm_set1_epi8((char)lo));

	return _mm_cmpeq_epi8(_mm_subs_epu8(d, _mm_set1_epi8((char)(width - 1))),
	    _mm_setzero_si128());
}

static unsigned
count_bits(unsigned x)
{
	unsigned n = 0;

	for (; x; x &= x - 1)
		n++;
	return n;
}

/* Sixteen positions at a time, exactly what scan_may_hold_id_exact
 * counts: with the bytes at k, k + 1 and k + 2 side by side, an ASCII
 * digit, a digit followed by e/E, and the three-byte patterns of the
 * Arabic-Indic, Devanagari and fullwidth digits. */
static int
may_hold_id_all(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	const __m128i lower = _mm_set1_epi8(0x20);
	size_t i = 0, d = 0;

	for (; i + 18 <= n; i += 16) {
		__m128i v0 = _mm_loadu_si128((const __m128i *)(p + i));
		__m128i v1 = _mm_loadu_si128((const __m128i *)(p + i + 1));
		__m128i v2 = _mm_loadu_si128((const __m128i *)(p + i + 2));
		__m128i dig = in_range(v0, '0', 10);
		__m128i e = _mm_cmpeq_epi8(_mm_or_si128(v1, lower), _mm_set1_epi8('e'));
		__m128i e0 = _mm_cmpeq_epi8(v0, _mm_set1_epi8((char)0xE0));
		__m128i e1 = _mm_cmpeq_epi8(v0, _mm_set1_epi8((char)0xE1));
		/* Indic digits: E0, an odd byte A5-B5, A6-AF; Thai and Lao:
		 * E0, B9 or BB, 90-99; Myanmar E1 81 80-89; Khmer E1 9F A0-A9 */
		__m128i indic = _mm_and_si128(_mm_and_si128(e0, in_range(v1, 0xA5, 17)),
		    _mm_and_si128(_mm_cmpeq_epi8(_mm_and_si128(v1, _mm_set1_epi8(1)),
		    _mm_set1_epi8(1)), in_range(v2, 0xA6, 10)));
		__m128i thai = _mm_and_si128(_mm_and_si128(e0, _mm_or_si128(
		    _mm_cmpeq_epi8(v1, _mm_set1_epi8((char)0xB9)),
		    _mm_cmpeq_epi8(v1, _mm_set1_epi8((char)0xBB)))), in_range(v2, 0x90, 10));
		__m128i sea = _mm_and_si128(e1, _mm_or_si128(
		    _mm_and_si128(_mm_cmpeq_epi8(v1, _mm_set1_epi8((char)0x81)),
			in_range(v2, 0x80, 10)),
		    _mm_and_si128(_mm_cmpeq_epi8(v1, _mm_set1_epi8((char)0x9F)),
			in_range(v2, 0xA0, 10))));
		__m128i other = _mm_or_si128(
		    _mm_or_si128(
			_mm_and_si128(_mm_cmpeq_epi8(v0, _mm_set1_epi8((char)0xD9)),
			    in_range(v1, 0xA0, 10)),
			_mm_and_si128(_mm_cmpeq_epi8(v0, _mm_set1_epi8((char)0xDB)),
			    in_range(v1, 0xB0, 10))),
		    _mm_or_si128(_mm_or_si128(indic, thai), _mm_or_si128(sea,
			_mm_and_si128(_mm_and_si128(
			    _mm_cmpeq_epi8(v0, _mm_set1_epi8((char)0xEF)),
			    _mm_cmpeq_epi8(v1, _mm_set1_epi8((char)0xBC))),
			    in_range(v2, 0x90, 10)))));

		if (_mm_movemask_epi8(_mm_and_si128(dig, e)))
			return 1;	/* maybe E-notation */
		d += count_bits((unsigned)_mm_movemask_epi8(_mm_or_si128(dig, other)));
	}
	/* the last positions one by one (pairs from i on: the loop has
	 * looked at every pair that starts before i) */
	for (; i < n; i++) {
		if (p[i] - (unsigned)'0' < 10) {
			d++;
			if (i + 1 < n && (p[i + 1] | 0x20) == 'e')
				return 1;
		} else if (p[i] >= 0xD9 && other_digit_at(s, n, i)) {
			d++;
		}
	}
	return d >= 14;
}

/* Most text has no byte that can start a non-ASCII digit (0xD9 and up):
 * then ASCII digits and digit-e pairs, a lighter pass, decide alone. */
int
scan_may_hold_id(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	const __m128i lower = _mm_set1_epi8(0x20);
	__m128i hi = _mm_setzero_si128();
	size_t i = 0, d = 0;

	for (; i + 17 <= n; i += 16) {
		__m128i v0 = _mm_loadu_si128((const __m128i *)(p + i));
		__m128i v1 = _mm_loadu_si128((const __m128i *)(p + i + 1));
		__m128i dig = in_range(v0, '0', 10);
		unsigned dm = (unsigned)_mm_movemask_epi8(dig);

		hi = _mm_or_si128(hi, _mm_cmpeq_epi8(_mm_max_epu8(v0,
		    _mm_set1_epi8((char)0xD9)), v0));
		if (dm == 0)
			continue;
		if (_mm_movemask_epi8(_mm_and_si128(dig, _mm_cmpeq_epi8(
		    _mm_or_si128(v1, lower), _mm_set1_epi8('e')))))
			return 1;	/* maybe E-notation */
		d += count_bits(dm);
	}
	if (_mm_movemask_epi8(hi))
		return may_hold_id_all(s, n);
	for (; i < n; i++) {
		if (p[i] >= 0xD9)
			return may_hold_id_all(s, n);
		if (p[i] - (unsigned)'0' < 10) {
			d++;
			if (i + 1 < n && (p[i + 1] | 0x20) == 'e')
				return 1;
		}
	}
	return d >= 14;
}
#else
/* Without SSE2: eight bytes at a time (SWAR). */
#define ONES UINT64_C(0x0101010101010101)
#define HIGH UINT64_C(0x8080808080808080)
#define LOW7 UINT64_C(0x7F7F7F7F7F7F7F7F)

/* Per byte of w, 0x80 where the byte is an ASCII digit (exact: no carry
 * crosses a byte because the high bit is masked off first). */
static uint64_t
digit_mask(uint64_t w)
{
	uint64_t y = w ^ (ONES * '0');

	return ~(((y & LOW7) + ONES * (0x80 - 10)) | y) & HIGH;
}

/* 0x80 where the byte is 'e' or 'E'. */
static uint64_t
e_mask(uint64_t w)
{
	uint64_t z = (w | ONES * 0x20) ^ (ONES * 'e');

	return ~(((z & LOW7) + LOW7) | z) & HIGH;
}

/* 0x80 where the byte is 0xD9 or above (may start a non-ASCII digit). */
static uint64_t
hi_mask(uint64_t w)
{
	return ((w & LOW7) + ONES * (0x80 - 0x59)) & w & HIGH;
}

/* The common case first, eight bytes at a time: count ASCII digits, and
 * note digits followed by e/E and lead bytes of non-ASCII digits; only
 * text with one of those needs the exact look. */
int
scan_may_hold_id(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, d = 0;
	uint64_t de = 0, hi = 0, carry = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t w, dm, em;
		memcpy(&w, p + i, 8);
		dm = digit_mask(w);
		em = e_mask(w);
		/* a digit, then e/E in the next byte (here, or across words) */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
		de |= dm & (em << 8);
		de |= carry & (em >> 63);
		carry = (dm >> 7) & 1;
#else
		de |= dm & (em >> 8);
		de |= carry & (em >> 7) & 1;
		carry = dm >> 63;
#endif
		hi |= hi_mask(w);
		d += (size_t)(((dm >> 7) * ONES) >> 56);
	}
	for (; i < n; i++) {
		unsigned dig = (unsigned char)(p[i] - '0') < 10;
		de |= carry && (p[i] | 0x20) == 'e';
		carry = dig;
		d += dig;
		hi |= p[i] >= 0xD9;
	}
	if (d >= 14)
		return 1;
	if (de == 0 && hi == 0)
		return 0;
	return scan_may_hold_id_exact(s, n);
}

#endif
