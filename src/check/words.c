/* SPDX-License-Identifier: MIT */
/* words: the words of one language, sorted by key, with English behind. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/words.h"
#include "lib/casefold.h"
#include "lib/grow.h"
#include "lib/tsv.h"
#include "lib/utf8.h"

static int
cmp_word(const void *a, const void *b)
{
	return strcmp(((const struct word *)a)->key, ((const struct word *)b)->key);
}

static char *
copy_field(char **mem, const struct tsv_row *row, int i)
{
	char *s = *mem;

	memcpy(s, row->f[i].p, row->f[i].n);
	s[row->f[i].n] = '\0';
	*mem += row->f[i].n + 1;
	return s;
}

int
words_load(struct words *w, const char *lang, const char *tsv, size_t len,
    const struct words *fallback, struct error *e)
{
	char name[32], *mem;
	struct tsv t;
	struct tsv_row row;
	size_t cap = 0, i;
	int ck, ct, r;

	memset(w, 0, sizeof *w);
	snprintf(w->lang, sizeof w->lang, "%s", lang);
	snprintf(name, sizeof name, "words-%s.tsv", lang);
	w->fallback = fallback;
	if (tsv_open(&t, name, tsv, len, e) != 0)
		return -1;
	ck = tsv_column(&t, "key");
	ct = tsv_column(&t, "text");
	if (ck < 0 || ct < 0)
		return error_set(e, 0, 0, "%s: needs columns key and text", name);
	/* every string is a copy of part of the file plus its NUL */
	if (!(w->mem = mem = malloc(len + 1)))
		return error_set(e, 0, 0, "out of memory");
	while ((r = tsv_next(&t, &row, e)) == 1) {
		if (row.f[ck].n == 0 || row.f[ck].n >= WORDS_KEY_MAX || row.f[ct].n == 0) {
			error_set(e, row.line, 0, "%s: line %ld: a key and its text are both needed",
			    name, row.line);
			goto fail;
		}
		if (!utf8_valid(row.f[ct].p, row.f[ct].n)) {
			error_set(e, row.line, 0, "%s: line %ld: not valid UTF-8", name, row.line);
			goto fail;
		}
		if (grow_array(&w->v, &cap, w->n + 1, sizeof *w->v) != 0) {
			error_set(e, 0, 0, "out of memory");
			goto fail;
		}
		w->v[w->n].key = copy_field(&mem, &row, ck);
		w->v[w->n].text = copy_field(&mem, &row, ct);
		w->n++;
	}
	if (r != 0)
		goto fail;
	if (w->n > 1)
		qsort(w->v, w->n, sizeof *w->v, cmp_word);
	for (i = 1; i < w->n; i++)
		if (strcmp(w->v[i - 1].key, w->v[i].key) == 0) {
			error_set(e, 0, 0, "%s: the key '%s' is there twice", name, w->v[i].key);
			goto fail;
		}
	return 0;
fail:
	words_release(w);
	return -1;
}

void
words_release(struct words *w)
{
	free(w->v);
	free(w->mem);
	w->v = NULL;
	w->mem = NULL;
	w->n = 0;
}

const char *
words_own(const struct words *w, const char *key)
{
	size_t lo = 0, hi = w ? w->n : 0;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(key, w->v[mid].key);
		if (c == 0)
			return w->v[mid].text;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

const char *
words_get(const struct words *w, const char *key)
{
	for (; w; w = w->fallback) {
		const char *s = words_own(w, key);
		if (s)
			return s;
	}
	return NULL;
}

const char *
words_registry(const struct words *w, const char *cc, size_t n, const char *field,
    const char *english)
{
	const char *own = w ? words_getf(w, "registry.%.3s.%zu.%.16s", cc, n, field) : NULL;

	return own ? own : english;
}

const char *
words_getf(const struct words *w, const char *fmt, ...)
{
	char key[WORDS_KEY_MAX];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(key, sizeof key, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof key)
		return NULL;
	return words_get(w, key);
}

const char *
words_variant(const struct words *w, const char *key, const char *const *variants)
{
	size_t i;

	for (i = 0; variants && variants[i]; i++) {
		const char *s = words_getf(w, "%s@%s", key, variants[i]);
		if (s)
			return s;
	}
	return words_get(w, key);
}

void
words_fill(struct buf *out, const char *tmpl, const struct fill *fills)
{
	const char *p = tmpl;

	while (*p) {
		const char *open = strchr(p, '{'), *close;
		size_t i, n;

		if (!open || !(close = strchr(open, '}'))) {
			buf_puts(out, p);
			return;
		}
		buf_put(out, p, (size_t)(open - p));
		n = (size_t)(close - open - 1);
		for (i = 0; fills && fills[i].name; i++)
			if (strlen(fills[i].name) == n && strncmp(fills[i].name, open + 1, n) == 0)
				break;
		if (fills && fills[i].name)
			buf_puts(out, fills[i].value ? fills[i].value : "");
		else
			buf_put(out, open, n + 2);
		p = close + 1;
	}
}

size_t
words_fold(const char *s, size_t n, char *out, size_t cap)
{
	char tmp[3 * 256];
	size_t i, j = 0, len;

	if (cap == 0)
		return 0;
	if (n > sizeof tmp / 3)
		n = sizeof tmp / 3;
	len = casefold_utf8(s, n, tmp);
	for (i = 0; i < len && j + 1 < cap; i++) {
		char c = tmp[i];
		if (c == ' ' || c == '-' || c == '_' || c == '\t') {
			if (j > 0 && out[j - 1] != ' ')
				out[j++] = ' ';
			continue;
		}
		out[j++] = c;
	}
	while (j > 0 && (out[j - 1] == ' ' || out[j - 1] == '.' || out[j - 1] == '!'))
		j--;
	out[j] = '\0';
	return j;
}

int
words_match(const struct words *w, const char *key, const char *folded)
{
	char f[3 * 256];

	if (!folded[0])
		return 0;
	for (; w; w = w->fallback) {
		const char *list = words_own(w, key);
		while (list && *list) {
			size_t n = strcspn(list, ";");
			const char *p = list;
			size_t k = n;
			while (k > 0 && *p == ' ') {
				p++;
				k--;
			}
			if (k > 0 && words_fold(p, k, f, sizeof f) > 0 && strcmp(f, folded) == 0)
				return 1;
			list += n;
			if (*list)
				list++;
		}
	}
	return 0;
}

void
words_placeholders(const char *text, char *out, size_t cap)
{
	const char *p = text;
	size_t len = 0;

	if (cap)
		out[0] = '\0';
	while ((p = strchr(p, '{')) != NULL) {
		const char *close = strchr(p, '}');
		size_t n;
		char name[64];

		if (!close)
			break;
		n = (size_t)(close - p + 1);
		if (n < sizeof name) {
			memcpy(name, p, n);
			name[n] = '\0';
			if (!strstr(out, name) && len + n + 2 < cap) {
				if (len)
					out[len++] = ';';
				memcpy(out + len, name, n);
				len += n;
				out[len] = '\0';
			}
		}
		p = close + 1;
	}
}
