/* SPDX-License-Identifier: MIT */
/* test_wrap: display widths (combining marks none, wide characters two)
 * and wrapping at spaces: never wider than asked unless one word is, never
 * inside a word, never a line that starts with '>'. */
#include <string.h>

#include "harness.h"
#include "lib/wrap.h"

static char *
wrap(const char *text, size_t col, size_t indent, size_t width)
{
	static char out[2048];
	struct buf b;

	buf_init_mem(&b);
	wrap_text(&b, text, col, indent, width);
	strcpy(out, buf_str(&b));
	buf_release(&b);
	return out;
}

static void
test_widths(void)
{
	CHECK_INT(wrap_width("abc", 3), 3);
	/* नमस्ते: न म स ् त े = 6 code points, 4 columns (virama and the
	 * vowel sign e take none) */
	CHECK_INT(wrap_width("\xe0\xa4\xa8\xe0\xa4\xae\xe0\xa4\xb8\xe0\xa5\x8d\xe0\xa4\xa4\xe0\xa5\x87",
	    18), 4);
	CHECK_INT(wrap_cp_width(0x4E2D), 2);	/* 中 */
	CHECK_INT(wrap_cp_width(0x200B), 0);	/* zero width space */
	CHECK_INT(wrap_cp_width(0x0301), 0);	/* combining acute */
	CHECK_INT(wrap_cp_width(0x0627), 1);	/* Arabic alef */
}

static void
test_wrapping(void)
{
	CHECK_STR(wrap("one two three four", 0, 0, 9), "one two\nthree\nfour");
	CHECK_STR(wrap("one two three", 0, 2, 8), "one two\n  three");
	CHECK_STR(wrap("averyveryverylongword x", 0, 0, 5), "averyveryverylongword\nx");
	CHECK_STR(wrap("a b", 0, 0, 0), "a b");
	/* "Settings > About phone": '>' stays with the word before it */
	CHECK_STR(wrap("Open Settings > About phone", 0, 0, 15), "Open Settings >\nAbout phone");
	CHECK_STR(wrap("Open Settings > About", 0, 0, 14), "Open\nSettings >\nAbout");
	/* by columns, not bytes: 10 Devanagari letters of 2 bytes each... */
	CHECK_STR(wrap("\xe0\xa4\xa8\xe0\xa4\xae \xe0\xa4\xa8\xe0\xa4\xae", 0, 0, 5),
	    "\xe0\xa4\xa8\xe0\xa4\xae \xe0\xa4\xa8\xe0\xa4\xae");
	CHECK_STR(wrap("\xe4\xb8\xad\xe4\xb8\xad \xe4\xb8\xad\xe4\xb8\xad", 0, 0, 5),
	    "\xe4\xb8\xad\xe4\xb8\xad\n\xe4\xb8\xad\xe4\xb8\xad");
}

int
main(void)
{
	RUN(test_widths);
	RUN(test_wrapping);
	return h_done();
}
