/* SPDX-License-Identifier: MIT */
/* test_buf: the writer: sinks, sticky errors, JSON and HTML escaping. */
#include <errno.h>
#include <string.h>

#include "buf.h"
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

int
main(void)
{
	RUN(test_mem_sink);
	RUN(test_put_long);
	RUN(test_long_printf);
	RUN(test_fail_after);
	RUN(test_json_escape);
	RUN(test_html_escape);
	return h_done();
}
