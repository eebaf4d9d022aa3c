/* SPDX-License-Identifier: MIT */
/* ics: iCalendar content lines, folded and escaped (RFC 5545 3.1, 3.3.11). */
#include <string.h>

#include "lib/ics.h"
#include "lib/utf8.h"

/* Writes the logical line at p (n octets) folded: at most ICS_LINE_MAX
 * octets a physical line, a continuation line starting with one space
 * that counts, a fold never inside a UTF-8 sequence. */
static void
fold(struct buf *b, const char *p, size_t n)
{
	size_t room = ICS_LINE_MAX;

	while (n > room) {
		size_t k = room;
		/* back off to the first byte of a character */
		while (k > 0 && ((unsigned char)p[k] & 0xc0) == 0x80)
			k--;
		buf_put(b, p, k);
		BUF_LIT(b, "\r\n ");
		p += k;
		n -= k;
		room = ICS_LINE_MAX - 1;
	}
	buf_put(b, p, n);
	BUF_LIT(b, "\r\n");
}

void
ics_line(struct buf *b, const char *name, const char *value)
{
	struct buf t;

	buf_init_mem(&t);
	buf_puts(&t, name);
	buf_putc(&t, ':');
	buf_puts(&t, value);
	if (t.err && !b->err)
		b->err = t.err;
	else
		fold(b, t.mem, t.len);
	buf_release(&t);
}

void
ics_text(struct buf *b, const char *name, const char *text)
{
	size_t n = strlen(text), i = 0;
	struct buf t;

	buf_init_mem(&t);
	buf_puts(&t, name);
	buf_putc(&t, ':');
	while (i < n) {
		unsigned char c = (unsigned char)text[i];
		size_t k;

		if (c == '\\' || c == ';' || c == ',') {
			buf_putc(&t, '\\');
			buf_putc(&t, (char)c);
		} else if (c == '\n') {
			BUF_LIT(&t, "\\n");
		} else if (c == '\r') {
			if (i + 1 < n && text[i + 1] == '\n')
				i++;
			BUF_LIT(&t, "\\n");
		} else if (c < 0x20 || c == 0x7f) {
			buf_putc(&t, c == '\t' ? '\t' : ' ');
		} else if (c >= 0x80) {
			if ((k = utf8_valid_prefix(text + i, n - i)) > 0) {
				buf_put(&t, text + i, k);
				i += k;
				continue;
			}
			BUF_LIT(&t, "\xef\xbf\xbd");
		} else {
			buf_putc(&t, (char)c);
		}
		i++;
	}
	if (t.err && !b->err)
		b->err = t.err;
	else
		fold(b, t.mem, t.len);
	buf_release(&t);
}

int
ics_utc(const char *s, char out[ICS_UTC_SIZE])
{
	static const char form[] = "dddd-dd-ddTdd:dd:dd";
	size_t i, o = 0;

	for (i = 0; form[i]; i++) {
		if (form[i] == 'd' ? s[i] < '0' || s[i] > '9' : s[i] != form[i])
			return -1;
		if (form[i] == 'd' || form[i] == 'T')
			out[o++] = s[i];
	}
	if (strcmp(s + i, "+00:00") != 0 && strcmp(s + i, "Z") != 0)
		return -1;
	out[o++] = 'Z';
	out[o] = '\0';
	return 0;
}
