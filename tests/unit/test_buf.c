/* SPDX-License-Identifier: MIT */
/* test_buf: the writer: sinks, sticky errors, JSON and HTML escaping. */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "lib/buf.h"
#include "lib/term.h"
#include "lib/utf8.h"
#include "harness.h"

static void
test_mem_sink(void)
{
	struct buf b;

	buf_init_mem(&b);
	buf_puts(&b, "abc");
	buf_printf(&b, "-%d-", 42);
	buf_putc(&b, 'z');
	CHECK_STR(buf_str(&b), "abc-42-z");
	CHECK_INT(buf_flush(&b), 0);
	buf_release(&b);
}

static void
test_put_long(void)
{
	struct buf b;

	buf_init_mem(&b);
	buf_put_long(&b, 0);
	buf_putc(&b, ' ');
	buf_put_long(&b, -42);
	buf_putc(&b, ' ');
	buf_put_long(&b, 2147483647L);
	buf_putc(&b, ' ');
	buf_put_long(&b, -2147483647L - 1);
	CHECK_STR(buf_str(&b), "0 -42 2147483647 -2147483648");
	buf_release(&b);
}

static void
test_long_printf(void)
{
	struct buf b;
	char big[2000];

	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	buf_init_mem(&b);
	buf_printf(&b, "%s!", big);
	CHECK_INT(b.len, 2000);
	CHECK(buf_str(&b)[1999] == '!');
	buf_release(&b);
}

static void
test_fail_after(void)
{
	struct buf b;

	buf_init_mem(&b);
	b.fail_after = 5;
	buf_puts(&b, "1234");
	CHECK_INT(b.err, 0);
	buf_puts(&b, "56");
	CHECK_INT(b.err, EIO);
	buf_puts(&b, "7");
	CHECK_INT(buf_flush(&b), EIO);
	CHECK_STR(buf_str(&b), "1234");
	buf_release(&b);
}

static void
test_json_escape(void)
{
	struct buf b;
	const char in[] = "a\"b\\c\n\t\x01 \xc3\xa9 \xff end";

	buf_init_mem(&b);
	buf_put_json_str(&b, in, sizeof in - 1);
	CHECK_STR(buf_str(&b), "\"a\\\"b\\\\c\\n\\t\\u0001 \xc3\xa9 \\ufffd end\"");
	buf_release(&b);
	buf_init_mem(&b);
	buf_put_json_or_null(&b, NULL);
	CHECK_STR(buf_str(&b), "null");
	buf_release(&b);
}

/* What a terminal would obey past ASCII (a C1 CSI, a bidi override, a
 * line separator) is escaped too, so JSON read in a terminal is inert. */
static void
test_json_escape_terminal(void)
{
	struct buf b;
	const char in[] = "\xc2\x9b" "2J \xe2\x80\xae" "x \xe2\x81\xa9 \xe2\x80\xa8 \xc2\xa0";

	buf_init_mem(&b);
	buf_put_json_str(&b, in, sizeof in - 1);
	CHECK_STR(buf_str(&b), "\"\\u009b2J \\u202ex \\u2069 \\u2028 \xc2\xa0\"");
	buf_release(&b);
}

/* The escaper one byte at a time, as the JSON grammar says, for the
 * differential test below (invalid UTF-8 becomes U+FFFD). */
static void
json_ref(struct buf *b, const unsigned char *p, size_t n)
{
	size_t i = 0, k;

	buf_putc(b, '"');
	while (i < n) {
		unsigned char c = p[i];

		if (c == '"' || c == '\\') {
			buf_putc(b, '\\');
			buf_putc(b, (char)c);
		} else if (c == '\n') {
			BUF_LIT(b, "\\n");
		} else if (c == '\r') {
			BUF_LIT(b, "\\r");
		} else if (c == '\t') {
			BUF_LIT(b, "\\t");
		} else if (c == '\b') {
			BUF_LIT(b, "\\b");
		} else if (c == '\f') {
			BUF_LIT(b, "\\f");
		} else if (c < 0x20) {
			buf_printf(b, "\\u%04x", c);
		} else if (c >= 0x80) {
			k = utf8_valid_prefix((const char *)p + i, n - i);
			if (k == 0) {
				BUF_LIT(b, "\\ufffd");
				k = 1;
			} else {
				uint32_t cp;
				utf8_decode((const char *)p + i, k, &cp);
				if (term_active(cp))
					buf_printf(b, "\\u%04x", (unsigned)cp);
				else
					buf_put(b, (const char *)p + i, k);
			}
			i += k;
			continue;
		} else {
			buf_putc(b, (char)c);
		}
		i++;
	}
	buf_putc(b, '"');
}

/* Random strings with every kind of byte at every position against the
 * reference: the eight-byte fast path must never skip a byte that needs
 * a look. */
static void
test_json_escape_random(void)
{
	static const char *const atoms[] = {
		"a", "Z", " ", "~", "\x7f", "\"", "\\", "\n", "\x01", "\x1f",
		"\xc3\xa9", "\xc2\x9b", "\xe2\x80\xae", "\xe0\xa4\x95", "\xff", "\xc3", "0", "/",
	};
	uint64_t x = 99;
	int i, bad = 0;

	for (i = 0; i < 20000 && !bad; i++) {
		unsigned char in[96];
		struct buf got, want;
		size_t n = 0, len, k;

		x = x * UINT64_C(6364136223846793005) + UINT64_C(1442695040888963407);
		len = (size_t)(x >> 33) % 40;
		for (k = 0; k < len; k++) {
			const char *a;

			x = x * UINT64_C(6364136223846793005) + UINT64_C(1442695040888963407);
			a = atoms[(x >> 33) % (sizeof atoms / sizeof atoms[0])];
			if (n + strlen(a) > sizeof in)
				break;
			memcpy(in + n, a, strlen(a));
			n += strlen(a);
		}
		buf_init_mem(&got);
		buf_init_mem(&want);
		buf_put_json_str(&got, (const char *)in, n);
		json_ref(&want, in, n);
		if (got.len != want.len || memcmp(got.mem, want.mem, got.len) != 0) {
			printf("  differs on input %d: %s\n", i, buf_str(&got));
			bad = 1;
		}
		buf_release(&got);
		buf_release(&want);
	}
	CHECK(!bad);
}

static void
test_html_escape(void)
{
	struct buf b;
	const char in[] = "<script>alert('x&y')</script> \"q\"";

	buf_init_mem(&b);
	buf_put_html(&b, in, sizeof in - 1);
	CHECK_STR(buf_str(&b),
	    "&lt;script&gt;alert(&#39;x&amp;y&#39;)&lt;/script&gt; &quot;q&quot;");
	buf_release(&b);
}

/* An empty buffer's text is (NULL, 0): writing it writes nothing, in
 * every writer (fuzz_export found buf_put_html and buf_put doing
 * arithmetic on that NULL, which UBSan reports). */
static void
test_empty_source(void)
{
	struct buf b, empty;

	buf_init_mem(&b);
	buf_init_mem(&empty);
	buf_puts(&b, "a");
	buf_put(&b, empty.mem, empty.len);
	buf_put_html(&b, empty.mem, empty.len);
	buf_put_json_chars(&b, empty.mem, empty.len);
	buf_put_csv(&b, empty.mem ? empty.mem : "", empty.len, ',');
	CHECK(empty.mem == NULL);
	CHECK_STR(buf_str(&b), "a");
	buf_release(&b);
	buf_release(&empty);
}

/* CSV cells as RFC 4180 quotes them, and the ones a spreadsheet would
 * run as a formula (OWASP's list: = + - @ TAB CR, and their fullwidth
 * forms) shown as text with a leading '. */
static const char *
csv(const char *p, char delim)
{
	static char out[256];
	struct buf b;

	buf_init_mem(&b);
	buf_put_csv(&b, p, strlen(p), delim);
	snprintf(out, sizeof out, "%s", buf_str(&b));
	buf_release(&b);
	return out;
}

static void
test_csv_cells(void)
{
	CHECK_STR(csv("plain", ','), "plain");
	CHECK_STR(csv("", ','), "");
	CHECK_STR(csv("a,b", ','), "\"a,b\"");
	CHECK_STR(csv("a,b", ';'), "a,b");
	CHECK_STR(csv("a;b", ';'), "\"a;b\"");
	CHECK_STR(csv("say \"hi\"", ','), "\"say \"\"hi\"\"\"");
	CHECK_STR(csv("two\nlines", ','), "\"two\nlines\"");
	CHECK_STR(csv("=HYPERLINK(\"http://x\",\"y\")", ','),
	    "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
	CHECK_STR(csv("+1", ','), "\"'+1\"");
	CHECK_STR(csv("-2", ','), "\"'-2\"");
	CHECK_STR(csv("@SUM(A1)", ','), "\"'@SUM(A1)\"");
	CHECK_STR(csv("\tx", ','), "\"'\tx\"");
	CHECK_STR(csv("\rx", ','), "\"'\rx\"");
	CHECK_STR(csv("\xEF\xBC\x9D" "1+1", ','), "\"'\xEF\xBC\x9D" "1+1\"");
	/* only the first character counts */
	CHECK_STR(csv("a=1", ','), "a=1");
	CHECK_STR(csv(" =1", ','), " =1");
	CHECK(buf_csv_would_run("=", 1) && !buf_csv_would_run("", 0) &&
	    !buf_csv_would_run("\xEF\xBC", 2));
	/* what a terminal obeys is shown, never written as it is */
	CHECK_STR(csv("L1\x1b]0;T\x07", ','), "L1\\x1b]0;T\\x07");
	CHECK_STR(csv("a\xc2\x9b" "2J,b", ','), "\"a<U+009B>2J,b\"");
	CHECK_STR(csv("=x\x1b[31m", ','), "\"'=x\\x1b[31m\"");
}

int
main(void)
{
	RUN(test_mem_sink);
	RUN(test_put_long);
	RUN(test_long_printf);
	RUN(test_fail_after);
	RUN(test_json_escape);
	RUN(test_json_escape_terminal);
	RUN(test_json_escape_random);
	RUN(test_html_escape);
	RUN(test_csv_cells);
	RUN(test_empty_source);
	return h_done();
}
