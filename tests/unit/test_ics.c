/* SPDX-License-Identifier: MIT */
/* test_ics: iCalendar content lines (RFC 5545 3.1): CRLF, folding at 75
 * octets with a leading space that counts, never inside a UTF-8
 * character, unfolding giving the line back; TEXT escaping (3.3.11);
 * UTC times. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "lib/ics.h"
#include "lib/utf8.h"

/* Checks the folding rules on out and unfolds it into back (a whole
 * logical line without its CRLF).  Returns 0 when every rule holds. */
static int
unfold(const char *out, size_t n, char *back, size_t cap)
{
	size_t i = 0, o = 0, first = 1;

	while (i < n) {
		const char *crlf = strstr(out + i, "\r\n");
		size_t len;
		if (!crlf)
			return -1;	/* every line ends in CRLF */
		len = (size_t)(crlf - (out + i));
		if (len > ICS_LINE_MAX)
			return -2;	/* at most 75 octets */
		if (!first && out[i] != ' ')
			return -3;	/* a continuation starts with a space */
		if (!utf8_valid(out + i, len))
			return -4;	/* no character split between lines */
		if (memchr(out + i, '\r', len) || memchr(out + i, '\n', len))
			return -5;
		if (!first) {
			i++;
			len--;
		}
		if (o + len >= cap)
			return -6;
		memcpy(back + o, out + i, len);
		o += len;
		i += len + 2;
		first = 0;
	}
	back[o] = '\0';
	return 0;
}

static void
test_short_line(void)
{
	struct buf b;

	buf_init_mem(&b);
	ics_line(&b, "VERSION", "2.0");
	CHECK_STR(buf_str(&b), "VERSION:2.0\r\n");
	buf_release(&b);
}

/* Lines of every length from 1 to 400 octets, in ASCII and with 2-, 3-
 * and 4-byte characters at every offset, fold by the rules and unfold
 * to themselves. */
static void
test_fold_lengths(void)
{
	static const char *fill[] = { "a", "\xc3\xa9", "\xe0\xa4\xb9", "\xf0\x9f\x93\xb1" };
	char value[512], back[1024], want[600];
	size_t f, n, pad;

	for (f = 0; f < 4; f++)
		for (pad = 0; pad < 4; pad++)
			for (n = 1; n < 400; n += strlen(fill[f])) {
				struct buf b;
				size_t k = 0, i;
				int rc;

				for (i = 0; i < pad; i++)
					value[k++] = 'x';
				while (k + strlen(fill[f]) <= n + pad) {
					memcpy(value + k, fill[f], strlen(fill[f]));
					k += strlen(fill[f]);
				}
				value[k] = '\0';
				buf_init_mem(&b);
				ics_line(&b, "X", value);
				rc = unfold(b.mem, b.len, back, sizeof back);
				snprintf(want, sizeof want, "X:%s", value);
				if (rc != 0 || strcmp(back, want) != 0) {
					char m[96];
					snprintf(m, sizeof m, "fill %zu pad %zu length %zu: rule %d", f,
					    pad, k, rc);
					h_note(__FILE__, __LINE__, m);
					buf_release(&b);
					return;
				}
				buf_release(&b);
			}
}

/* Exactly 75 octets stay on one line; 76 fold after 75. */
static void
test_fold_boundary(void)
{
	char v[80];
	struct buf b;

	memset(v, 'v', sizeof v);
	v[73] = '\0';		/* "X:" + 73 = 75 */
	buf_init_mem(&b);
	ics_line(&b, "X", v);
	CHECK_INT(b.len, 77);
	buf_release(&b);
	v[73] = 'v';
	v[74] = '\0';		/* 76 */
	buf_init_mem(&b);
	ics_line(&b, "X", v);
	CHECK_INT(b.len, 75 + 2 + 1 + 1 + 2);
	CHECK(memcmp(b.mem + 75, "\r\n v\r\n", 6) == 0);
	buf_release(&b);
	/* a 3-byte character across the 75th octet moves whole to the next line */
	memset(v, 'v', 72);
	memcpy(v + 72, "\xe2\x82\xac", 3);	/* octets 75-77 of the line */
	v[75] = '\0';
	buf_init_mem(&b);
	ics_line(&b, "X", v);
	CHECK(memcmp(b.mem + 74, "\r\n \xe2\x82\xac\r\n", 8) == 0);
	buf_release(&b);
}

static void
test_text_escapes(void)
{
	struct buf b;

	buf_init_mem(&b);
	ics_text(&b, "SUMMARY", "a\\b;c,d\ne\r\nf\rg\th\x01i\xffj:k\"l");
	CHECK_STR(buf_str(&b), "SUMMARY:a\\\\b\\;c\\,d\\ne\\nf\\ng\th i\xef\xbf\xbdj:k\"l\r\n");
	buf_release(&b);
}

static void
test_times(void)
{
	char u[ICS_UTC_SIZE];

	CHECK_INT(ics_utc("2026-11-23T08:35:09+00:00", u), 0);
	CHECK_STR(u, "20261123T083509Z");
	CHECK_INT(ics_utc("1970-01-01T00:00:00Z", u), 0);
	CHECK_STR(u, "19700101T000000Z");
	CHECK_INT(ics_utc("2026-11-23T14:05:09+05:30", u), -1);
	CHECK_INT(ics_utc("2026-11-23T08:35:09+00:00 ", u), -1);
	CHECK_INT(ics_utc("2026-11-23 08:35:09+00:00", u), -1);
	CHECK_INT(ics_utc("", u), -1);
}

int
main(void)
{
	RUN(test_short_line);
	RUN(test_fold_lengths);
	RUN(test_fold_boundary);
	RUN(test_text_escapes);
	RUN(test_times);
	return h_done();
}
