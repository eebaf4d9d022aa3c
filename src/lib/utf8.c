/* SPDX-License-Identifier: MIT */
/* utf8: strict single-code-point UTF-8 decoding and encoding. */
#include "lib/utf8.h"

size_t
utf8_decode(const char *p, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)p;
	uint32_t c = s[0], min;
	size_t len, i;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2; c &= 0x1F; min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3; c &= 0x0F; min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4; c &= 0x07; min = 0x10000;
	} else {
		goto bad;
	}
	if (n < len)
		goto bad;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			goto bad;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		goto bad;
	*cp = c;
	return len;
bad:
	*cp = 0xFFFD;
	return 1;
}

size_t
utf8_valid_prefix(const char *p, size_t n)
{
	uint32_t cp;
	size_t len;

	if (n == 0)
		return 0;
	len = utf8_decode(p, n, &cp);
	if (cp == 0xFFFD && len == 1)
		return 0;
	return len;
}

size_t
utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

int
utf8_valid(const char *p, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t len = utf8_valid_prefix(p + i, n - i);
		if (len == 0)
			return 0;
		i += len;
	}
	return 1;
}

int
utf8_digit(uint32_t cp)
{
	/* the zero of every block of ten digits, sorted (Unicode, Nd) */
	static const uint32_t zeros[] = {
		0x0030, 0x0660, 0x06F0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6,
		0x0C66, 0x0CE6, 0x0D66, 0x0E50, 0x0ED0, 0x1040, 0x17E0, 0xFF10
	};
	size_t i;

	for (i = 0; i < sizeof zeros / sizeof zeros[0] && zeros[i] <= cp; i++)
		if (cp - zeros[i] < 10)
			return (int)(cp - zeros[i]);
	return -1;
}
