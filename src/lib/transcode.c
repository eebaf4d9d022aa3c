/* SPDX-License-Identifier: MIT */
/* transcode: UTF-16 and Windows-1252 to UTF-8, a code unit at a time, the
 * state kept between calls. */
#include <string.h>

#include "lib/transcode.h"
#include "lib/utf8.h"

/* Windows-1252 0x80-0x9F (the rest is ISO 8859-1, the code point itself);
 * the five unassigned bytes stay C1 controls. */
static const uint16_t cp1252_high[32] = {
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
	0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

void
transcode_init(struct transcode *t, enum transcode_enc enc)
{
	memset(t, 0, sizeof *t);
	t->enc = enc;
}

/* One UTF-16 code unit; returns the bytes written at out (room for 8). */
static size_t
utf16_unit(struct transcode *t, uint32_t u, char *out)
{
	size_t w = 0;

	if (t->high) {
		if (u >= 0xDC00 && u <= 0xDFFF) {
			uint32_t cp = 0x10000 + ((t->high - 0xD800) << 10) + (u - 0xDC00);
			t->high = 0;
			return utf8_encode(cp, out);
		}
		t->high = 0;
		w = utf8_encode(0xFFFD, out);
	}
	if (u >= 0xD800 && u <= 0xDBFF)
		t->high = u;
	else if (u >= 0xDC00 && u <= 0xDFFF)
		w += utf8_encode(0xFFFD, out + w);
	else
		w += utf8_encode(u, out + w);
	return w;
}

static size_t
run_utf16(struct transcode *t, const unsigned char *in, size_t n, char *out,
    size_t cap, size_t *used, int final)
{
	size_t i = 0, w = 0;

	while (i < n && w + 8 <= cap) {
		unsigned char b = in[i++];
		uint32_t u;

		if (!t->have_byte) {
			t->byte = b;
			t->have_byte = 1;
			continue;
		}
		t->have_byte = 0;
		u = t->enc == TRANSCODE_UTF16LE ? (uint32_t)t->byte | (uint32_t)b << 8 :
		    (uint32_t)t->byte << 8 | b;
		w += utf16_unit(t, u, out + w);
	}
	*used = i;
	if (final && i == n && w + 8 <= cap) {
		if (t->high) {
			t->high = 0;
			w += utf8_encode(0xFFFD, out + w);
		}
		if (t->have_byte) {
			t->have_byte = 0;
			w += utf8_encode(0xFFFD, out + w);
		}
	}
	return w;
}

static size_t
run_cp1252(const unsigned char *in, size_t n, char *out, size_t cap, size_t *used)
{
	size_t i = 0, w = 0;

	for (; i < n && w + 4 <= cap; i++) {
		unsigned char b = in[i];

		if (b < 0x80)
			out[w++] = (char)b;
		else
			w += utf8_encode(b < 0xA0 ? cp1252_high[b - 0x80] : b, out + w);
	}
	*used = i;
	return w;
}

size_t
transcode_run(struct transcode *t, const char *in, size_t n, char *out,
    size_t cap, size_t *used, int final)
{
	const unsigned char *u = (const unsigned char *)in;

	switch (t->enc) {
	case TRANSCODE_UTF16LE:
	case TRANSCODE_UTF16BE:
		return run_utf16(t, u, n, out, cap, used, final);
	case TRANSCODE_CP1252:
		return run_cp1252(u, n, out, cap, used);
	case TRANSCODE_UTF8:
		break;
	}
	if (n > cap)
		n = cap;
	memcpy(out, in, n);
	*used = n;
	return n;
}

static const struct {
	const char *name;	/* lowercase, without - or _ */
	enum transcode_enc enc;
} names[] = {
	{ "utf8", TRANSCODE_UTF8 }, { "utf16", TRANSCODE_UTF16LE },
	{ "utf16le", TRANSCODE_UTF16LE }, { "utf16be", TRANSCODE_UTF16BE },
	{ "ucs2", TRANSCODE_UTF16LE }, { "cp1252", TRANSCODE_CP1252 },
	{ "windows1252", TRANSCODE_CP1252 }, { "latin1", TRANSCODE_CP1252 },
	{ "iso88591", TRANSCODE_CP1252 },
};

int
transcode_parse_name(const char *name, enum transcode_enc *out)
{
	char k[16];
	size_t i, n = 0;

	for (i = 0; name[i]; i++) {
		unsigned char c = (unsigned char)name[i];

		if (c == '-' || c == '_')
			continue;
		if (n + 1 == sizeof k)
			return -1;
		k[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	k[n] = '\0';
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(k, names[i].name) == 0) {
			*out = names[i].enc;
			return 0;
		}
	return -1;
}

const char *
transcode_name(enum transcode_enc enc)
{
	switch (enc) {
	case TRANSCODE_UTF16LE: return "UTF-16LE";
	case TRANSCODE_UTF16BE: return "UTF-16BE";
	case TRANSCODE_CP1252: return "Windows-1252";
	case TRANSCODE_UTF8: break;
	}
	return "UTF-8";
}
