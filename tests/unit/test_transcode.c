/* SPDX-License-Identifier: MIT */
/* test_transcode: UTF-16 (both byte orders, surrogate pairs, lone
 * surrogates, an odd byte at the end) and Windows-1252 into UTF-8, whole
 * and in every chunk size, and the encoding names. */
#include <stdlib.h>
#include <string.h>

#include "lib/transcode.h"
#include "harness.h"

/* in (n bytes) converted with chunks of step input bytes and an output
 * room of cap; the UTF-8 in a static buffer. */
static const char *
conv(enum transcode_enc enc, const char *in, size_t n, size_t step, size_t cap)
{
	static char out[4096];
	struct transcode t;
	size_t at = 0, w = 0, used, got;
	char tmp[64];

	transcode_init(&t, enc);
	for (;;) {
		size_t k = n - at < step ? n - at : step;
		int final = at + k == n;

		got = transcode_run(&t, in + at, k, tmp, cap, &used, final);
		memcpy(out + w, tmp, got);
		w += got;
		at += used;
		if (final && used == k && got == 0)
			break;
	}
	out[w] = '\0';
	return out;
}

static void
check_all_steps(enum transcode_enc enc, const char *in, size_t n, const char *want)
{
	size_t step, cap;

	for (step = 1; step <= n + 1; step++)
		for (cap = 8; cap <= 40; cap += 16)
			CHECK_STR(conv(enc, in, n, step, cap), want);
}

static void
test_utf16(void)
{
	/* "Añ€😀" little endian, then big endian */
	static const char le[] = "A\0\xF1\0\xAC\x20\x3D\xD8\x00\xDE";
	static const char be[] = "\0A\0\xF1\x20\xAC\xD8\x3D\xDE\x00";

	check_all_steps(TRANSCODE_UTF16LE, le, 10, "A\xC3\xB1\xE2\x82\xAC\xF0\x9F\x98\x80");
	check_all_steps(TRANSCODE_UTF16BE, be, 10, "A\xC3\xB1\xE2\x82\xAC\xF0\x9F\x98\x80");
	/* a lone high surrogate, a lone low one, an odd byte at the end */
	check_all_steps(TRANSCODE_UTF16LE, "\x3D\xD8" "A\0" "\x00\xDE" "B", 7,
	    "\xEF\xBF\xBD" "A" "\xEF\xBF\xBD\xEF\xBF\xBD");
	check_all_steps(TRANSCODE_UTF16LE, "\x3D\xD8", 2, "\xEF\xBF\xBD");
	check_all_steps(TRANSCODE_UTF16LE, "", 0, "");
}

static void
test_cp1252(void)
{
	/* "café – ‘x’ €" and an unassigned byte (0x81) */
	check_all_steps(TRANSCODE_CP1252, "caf\xE9 \x96 \x91x\x92 \x80\x81", 13,
	    "caf\xC3\xA9 \xE2\x80\x93 \xE2\x80\x98x\xE2\x80\x99 \xE2\x82\xAC\xC2\x81");
	check_all_steps(TRANSCODE_UTF8, "na\xC3\xAFve", 6, "na\xC3\xAFve");
}

static void
test_names(void)
{
	enum transcode_enc e;

	CHECK(transcode_parse_name("cp1252", &e) == 0 && e == TRANSCODE_CP1252);
	CHECK(transcode_parse_name("Windows-1252", &e) == 0 && e == TRANSCODE_CP1252);
	CHECK(transcode_parse_name("UTF_16BE", &e) == 0 && e == TRANSCODE_UTF16BE);
	CHECK(transcode_parse_name("utf-16", &e) == 0 && e == TRANSCODE_UTF16LE);
	CHECK(transcode_parse_name("utf8", &e) == 0 && e == TRANSCODE_UTF8);
	CHECK(transcode_parse_name("koi8-r", &e) == -1);
	CHECK(transcode_parse_name("a-very-long-name-indeed", &e) == -1);
	CHECK_STR(transcode_name(TRANSCODE_CP1252), "Windows-1252");
}

int
main(void)
{
	RUN(test_utf16);
	RUN(test_cp1252);
	RUN(test_names);
	return h_done();
}
