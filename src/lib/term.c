/* SPDX-License-Identifier: MIT */
/* term: showing untrusted text on a terminal without obeying it. */
#include <stdint.h>
#include <string.h>

#include "lib/term.h"
#include "lib/utf8.h"

static const char hex[] = "0123456789abcdef";

int
term_active(uint32_t cp)
{
	return (cp >= 0x80 && cp <= 0x9F) ||		/* C1 controls, CSI */
	    (cp >= 0x202A && cp <= 0x202E) ||		/* bidi embeddings, overrides */
	    (cp >= 0x2066 && cp <= 0x2069) ||		/* bidi isolates */
	    cp == 0x2028 || cp == 0x2029;		/* line, paragraph separator */
}

size_t
term_char(const char *p, size_t n, char esc[TERM_ESC_MAX])
{
	unsigned char c = (unsigned char)p[0];
	uint32_t cp;
	size_t len;

	esc[0] = '\0';
	if (c >= 0x20 && c < 0x7F)
		return 1;
	if (c < 0x80) {
		esc[0] = '\\';
		esc[2] = '\0';
		switch (c) {
		case '\n': esc[1] = 'n'; return 1;
		case '\r': esc[1] = 'r'; return 1;
		case '\t': esc[1] = 't'; return 1;
		}
		esc[1] = 'x';
		esc[2] = hex[c >> 4];
		esc[3] = hex[c & 15];
		esc[4] = '\0';
		return 1;
	}
	if ((len = utf8_valid_prefix(p, n)) == 0) {
		memcpy(esc, "\\x", 2);
		esc[2] = hex[c >> 4];
		esc[3] = hex[c & 15];
		esc[4] = '\0';
		return 1;
	}
	utf8_decode(p, len, &cp);
	if (term_active(cp)) {
		memcpy(esc, "<U+", 3);
		esc[3] = hex[(cp >> 12) & 15];
		esc[4] = hex[(cp >> 8) & 15];
		esc[5] = hex[(cp >> 4) & 15];
		esc[6] = hex[cp & 15];
		esc[7] = '>';
		esc[8] = '\0';
		/* upper-case hex, as code points are written */
		for (c = 3; c < 7; c++)
			if (esc[c] >= 'a')
				esc[c] = (char)(esc[c] - 'a' + 'A');
	}
	return len;
}

int
term_is_safe(const char *p, size_t n)
{
	char esc[TERM_ESC_MAX];
	size_t i = 0;

	while (i < n) {
		if ((unsigned char)p[i] >= 0x20 && (unsigned char)p[i] < 0x7F) {
			i++;
			continue;
		}
		i += term_char(p + i, n - i, esc);
		if (esc[0])
			return 0;
	}
	return 1;
}

void
buf_put_term(struct buf *b, const char *p, size_t n)
{
	char esc[TERM_ESC_MAX];
	size_t i = 0, run = 0;

	while (i < n) {
		size_t len;

		if ((unsigned char)p[i] >= 0x20 && (unsigned char)p[i] < 0x7F) {
			i++;
			run++;
			continue;
		}
		len = term_char(p + i, n - i, esc);
		if (!esc[0]) {
			i += len;
			run += len;
			continue;
		}
		buf_put(b, p + i - run, run);
		run = 0;
		buf_puts(b, esc);
		i += len;
	}
	buf_put(b, p + i - run, run);
}

void
buf_puts_term(struct buf *b, const char *s)
{
	if (s)
		buf_put_term(b, s, strlen(s));
}

const char *
term_safe(const char *s, char *out, size_t cap)
{
	char esc[TERM_ESC_MAX];
	size_t i = 0, o = 0, n = strlen(s);

	while (i < n) {
		size_t len = term_char(s + i, n - i, esc);
		const char *w = esc[0] ? esc : s + i;
		size_t wl = esc[0] ? strlen(esc) : len;

		if (o + wl >= cap)
			break;
		memcpy(out + o, w, wl);
		o += wl;
		i += len;
	}
	out[o] = '\0';
	return out;
}

void
buf_put_blanked(struct buf *b, const char *p, size_t n)
{
	size_t i = 0, run = 0;

	while (i < n) {
		char esc[TERM_ESC_MAX];
		size_t k = term_char(p + i, n - i, esc);

		if (esc[0]) {
			buf_put(b, p + run, i - run);
			buf_putc(b, ' ');
			run = i + k;
		}
		i += k;
	}
	buf_put(b, p + run, n - run);
}
