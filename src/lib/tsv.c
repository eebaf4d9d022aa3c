/* SPDX-License-Identifier: MIT */
/* tsv: a reader for the tab-separated data tables in data/. */
#include <string.h>

#include "lib/term.h"
#include "lib/tsv.h"

/* A data table is plain UTF-8 text: a control character, a bidi override
 * or a byte that is not UTF-8 would reach a terminal through info, apps
 * or imei (lib/term.h), so the row is refused, naming where. */
static int
check_text(const struct tsv *t, const char *s, size_t n, struct error *e)
{
	char esc[TERM_ESC_MAX];
	size_t i = 0;

	while (i < n) {
		size_t len;

		if (((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F) || s[i] == '\t') {
			i++;
			continue;
		}
		len = term_char(s + i, n - i, esc);
		if (esc[0])
			return error_set(e, t->line, (long)i + 1,
			    "%s: line %ld, column %zu: %s (%s): data files hold plain UTF-8 text",
			    t->name, t->line, i + 1, (unsigned char)s[i] >= 0x80 &&
			    esc[0] == '\\' ? "a byte that is not UTF-8" : "a control character", esc);
		i += len;
	}
	return 0;
}

/* The next line that is neither blank nor a comment, split into row. */
static int
next_line(struct tsv *t, struct tsv_row *row, struct error *e)
{
	while (t->pos < t->len) {
		const char *s = t->data + t->pos;
		const char *nl = memchr(s, '\n', t->len - t->pos);
		size_t n = nl ? (size_t)(nl - s) : t->len - t->pos;
		size_t i, start = 0;

		t->pos += n + (nl ? 1 : 0);
		t->line++;
		if (n > 0 && s[n - 1] == '\r')
			n--;
		if (n > TSV_MAX_LINE)
			return error_set(e, t->line, TSV_MAX_LINE + 1,
			    "%s: line %ld is longer than %d bytes", t->name, t->line, TSV_MAX_LINE);
		if (n == 0 || s[0] == '#')
			continue;
		if (check_text(t, s, n, e) != 0)
			return -1;
		row->nfields = 0;
		row->line = t->line;
		for (i = 0; i <= n; i++) {
			if (i < n && s[i] != '\t')
				continue;
			if (row->nfields == TSV_MAX_FIELDS)
				return error_set(e, t->line, (long)i + 1,
				    "%s: more than %d fields", t->name, TSV_MAX_FIELDS);
			row->f[row->nfields].p = s + start;
			row->f[row->nfields].n = i - start;
			row->nfields++;
			start = i + 1;
		}
		return 1;
	}
	return 0;
}

int
tsv_open(struct tsv *t, const char *name, const char *data, size_t len,
    struct error *e)
{
	int r;

	memset(t, 0, sizeof *t);
	t->name = name;
	t->data = data;
	t->len = len;
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		t->pos = 3;
	r = next_line(t, &t->header, e);
	if (r == 0)
		return error_set(e, 0, 0, "%s: no header row", name);
	return r < 0 ? -1 : 0;
}

int
tsv_next(struct tsv *t, struct tsv_row *row, struct error *e)
{
	int r = next_line(t, row, e);

	if (r <= 0)
		return r;
	if (row->nfields != t->header.nfields)
		return error_set(e, row->line, 0, "%s: line %ld has %zu fields, the header has %zu",
		    t->name, row->line, row->nfields, t->header.nfields);
	return 1;
}

int
tsv_column(const struct tsv *t, const char *name)
{
	size_t i, n = strlen(name);

	for (i = 0; i < t->header.nfields; i++)
		if (t->header.f[i].n == n && memcmp(t->header.f[i].p, name, n) == 0)
			return (int)i;
	return -1;
}

void
tsv_copy(const struct tsv_row *row, int i, char *out, size_t cap)
{
	size_t n;

	if (cap == 0)
		return;
	if (i < 0 || (size_t)i >= row->nfields) {
		out[0] = '\0';
		return;
	}
	n = row->f[i].n < cap - 1 ? row->f[i].n : cap - 1;
	memcpy(out, row->f[i].p, n);
	out[n] = '\0';
}

int
tsv_equals(const struct tsv_row *row, int i, const char *s)
{
	size_t n = strlen(s);

	return i >= 0 && (size_t)i < row->nfields && row->f[i].n == n &&
	    memcmp(row->f[i].p, s, n) == 0;
}
