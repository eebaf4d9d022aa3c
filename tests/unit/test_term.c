/* SPDX-License-Identifier: MIT */
/* test_term: the terminal sanitiser: every character a terminal obeys is
 * shown visibly, everything else passes unchanged. */
#include <stdint.h>
#include <string.h>

#include "lib/buf.h"
#include "lib/term.h"
#include "lib/utf8.h"
#include "harness.h"

static const char *
put(const char *p, size_t n)
{
	static char out[1024];
	struct buf b;

	buf_init_mem(&b);
	buf_put_term(&b, p, n);
	snprintf(out, sizeof out, "%s", buf_str(&b));
	buf_release(&b);
	return out;
}

#define PUT(lit) put("" lit, sizeof(lit) - 1)

static void
test_plain_passes(void)
{
	CHECK_STR(PUT("Samsung Galaxy A14"), "Samsung Galaxy A14");
	CHECK_STR(PUT("caf\xc3\xa9 \xe0\xa4\x95 \xf0\x9f\x93\xb1 \xd8\xb9"),
	    "caf\xc3\xa9 \xe0\xa4\x95 \xf0\x9f\x93\xb1 \xd8\xb9");
	CHECK_STR(PUT("a\\x1b"), "a\\x1b");	/* the text itself is not changed */
	CHECK_STR(PUT(""), "");
	/* U+00A0 and U+200F (a mark, not an override) are shown as they are */
	CHECK_STR(PUT("\xc2\xa0\xe2\x80\x8f"), "\xc2\xa0\xe2\x80\x8f");
	CHECK(term_is_safe("abc \xc3\xa9", 6));
}

static void
test_c0_and_del(void)
{
	CHECK_STR(PUT("A14\x1b]0;PWNED\x07\x1b[2J"), "A14\\x1b]0;PWNED\\x07\\x1b[2J");
	CHECK_STR(PUT("hostname\nINJECTED: ok"), "hostname\\nINJECTED: ok");
	CHECK_STR(PUT("a\rb\tc\bd\x7f"), "a\\rb\\tc\\x08d\\x7f");
	CHECK_STR(put("x\0y", 3), "x\\x00y");
	CHECK(!term_is_safe("a\x1b", 2));
}

static void
test_c1_bidi_separators(void)
{
	CHECK_STR(PUT("\xc2\x9b" "31mSam"), "<U+009B>31mSam");
	CHECK_STR(PUT("\xc2\x80\xc2\x9f"), "<U+0080><U+009F>");
	CHECK_STR(PUT("abc\xe2\x80\xae" "fdp.exe"), "abc<U+202E>fdp.exe");
	CHECK_STR(PUT("\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad"),
	    "<U+202A><U+202B><U+202C><U+202D>");
	CHECK_STR(PUT("\xe2\x81\xa6\xe2\x81\xa7\xe2\x81\xa8\xe2\x81\xa9"),
	    "<U+2066><U+2067><U+2068><U+2069>");
	CHECK_STR(PUT("a\xe2\x80\xa8" "b\xe2\x80\xa9"), "a<U+2028>b<U+2029>");
	CHECK(!term_is_safe("\xe2\x80\xae", 3));
}

static void
test_invalid_utf8(void)
{
	/* a lone 0x9B byte is a CSI on an 8-bit terminal */
	CHECK_STR(PUT("\x9b" "2J"), "\\x9b2J");
	CHECK_STR(PUT("\xff\xfe"), "\\xff\\xfe");
	CHECK_STR(PUT("\xc3"), "\\xc3");			/* cut sequence */
	CHECK_STR(PUT("\xc0\x9b"), "\\xc0\\x9b");		/* overlong CSI */
	CHECK_STR(PUT("\xed\xa0\x80"), "\\xed\\xa0\\x80");	/* surrogate */
}

static void
test_term_char(void)
{
	char esc[TERM_ESC_MAX];

	CHECK_INT(term_char("\xe2\x80\xae!", 4, esc), 3);
	CHECK_STR(esc, "<U+202E>");
	CHECK_INT(term_char("\xf0\x9f\x93\xb1", 4, esc), 4);
	CHECK_STR(esc, "");
	CHECK_INT(term_char("\x1b", 1, esc), 1);
	CHECK_STR(esc, "\\x1b");
}

static void
test_term_safe(void)
{
	char out[16];

	CHECK_STR(term_safe("ok", out, sizeof out), "ok");
	CHECK_STR(term_safe("a\x1b[2J", out, sizeof out), "a\\x1b[2J");
	/* cut on a character boundary, never inside an escape or a code point */
	CHECK_STR(term_safe("abcdefghijkl\x1b", out, sizeof out), "abcdefghijkl");
	CHECK_STR(term_safe("abcdefghijklm\xc3\xa9", out, sizeof out), "abcdefghijklm\xc3\xa9");
	CHECK_STR(term_safe("abcdefghijklmn\xc3\xa9", out, sizeof out), "abcdefghijklmn");
	CHECK_STR(term_safe("x", out, 1), "");
}

/* Property: whatever the input, the output is valid UTF-8 with no C0, DEL,
 * C1, bidi control or separator in it, and safe text is left alone. */
static void
test_random(void)
{
	static const char *const atoms[] = {
		"a", " ", "\\", "\x1b", "\n", "\x7f", "\x9b", "\xc2\x9b", "\xc2\xa0",
		"\xe2\x80\xae", "\xe2\x81\xa6", "\xe2\x80\xa8", "\xc3\xa9", "\xc3", "\xff",
		"\xf0\x9f\x93\xb1", "\xe2\x80", "\x00",
	};
	uint64_t x = 20261123;
	int i, bad = 0;

	for (i = 0; i < 20000 && !bad; i++) {
		char in[128];
		size_t n = 0, k, len;
		struct buf b;
		const char *o;

		x = x * UINT64_C(6364136223846793005) + UINT64_C(1442695040888963407);
		len = (size_t)(x >> 33) % 30;
		for (k = 0; k < len; k++) {
			const char *a;
			size_t al;

			x = x * UINT64_C(6364136223846793005) + UINT64_C(1442695040888963407);
			a = atoms[(x >> 33) % (sizeof atoms / sizeof atoms[0])];
			al = a[0] ? strlen(a) : 1;
			memcpy(in + n, a, al);
			n += al;
		}
		buf_init_mem(&b);
		buf_put_term(&b, in, n);
		o = buf_str(&b);
		if (!utf8_valid(o, b.len) || !term_is_safe(o, b.len) || strlen(o) != b.len)
			bad = 1;
		if (term_is_safe(in, n) && (b.len != n || memcmp(o, in, n) != 0))
			bad = 1;
		buf_release(&b);
	}
	CHECK(!bad);
}

int
main(void)
{
	RUN(test_plain_passes);
	RUN(test_c0_and_del);
	RUN(test_c1_bidi_separators);
	RUN(test_invalid_utf8);
	RUN(test_term_char);
	RUN(test_term_safe);
	RUN(test_random);
	return h_done();
}
