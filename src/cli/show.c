/* SPDX-License-Identifier: MIT */
/* show: what the commands that show knowledge-base facts share: wrapped
 * text, a fact's sources as JSON. */
#include <string.h>

#include "cli/show.h"
#include "lib/term.h"

size_t
cli_columns(const char *s, size_t n)
{
	size_t i, w = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			w++;
	return w;
}

void
cli_wrap(struct buf *b, const char *text, size_t col, size_t indent, size_t width)
{
	const char *p = text;
	int first = 1;

	while (*p) {
		size_t n, w;

		while (*p == ' ')
			p++;
		if (!*p)
			break;
		n = strcspn(p, " ");
		w = cli_columns(p, n);
		if (!first && col + 1 + w > width && col > indent) {
			size_t i;
			buf_putc(b, '\n');
			for (i = 0; i < indent; i++)
				buf_putc(b, ' ');
			col = indent;
		} else if (!first) {
			buf_putc(b, ' ');
			col++;
		}
		buf_put_term(b, p, n);	/* data may come from --data: never obeyed */
		col += w;
		p += n;
		first = 0;
	}
}

void
cli_json_str(struct buf *b, const char *s)
{
	if (s && *s)
		buf_put_json_str(b, s, strlen(s));
	else
		BUF_LIT(b, "null");
}

/* The items of list, split at sep, as a JSON array. */
static void
json_split(struct buf *b, const char *list, char sep)
{
	const char *p = list ? list : "";
	int first = 1;

	buf_putc(b, '[');
	while (*p) {
		size_t n = strcspn(p, sep == ';' ? ";" : " ");
		if (n > 0) {
			if (!first)
				buf_putc(b, ',');
			buf_put_json_str(b, p, n);
			first = 0;
		}
		p += n;
		if (*p)
			p++;
	}
	buf_putc(b, ']');
}

void
cli_json_list(struct buf *b, const char *list)
{
	json_split(b, list, ';');
}

void
cli_json_fact(struct buf *b, const struct kb_fact *f)
{
	BUF_LIT(b, "\"source\":");
	json_split(b, f->source, ' ');
	BUF_LIT(b, ",\"checked\":");
	cli_json_str(b, f->checked);
	BUF_LIT(b, ",\"confidence\":");
	cli_json_str(b, f->confidence);
}
