/* SPDX-License-Identifier: MIT */
/* web/words: the page's languages: which there are, the one spoken,
 * and the words of the page in it (English behind it). */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/session.h"
#include "export/export.h"
#include "ident/json.h"
#include "kb/how.h"
#include "lib/tsv.h"
#include "record/stamp.h"
#include "web/api.h"
#include "web/state.h"

/* ================================================================== words */

/* A language's name and direction (lang.name, lang.dir) read from its
 * words file by the tables' reader, without loading all its words.
 * Returns 0, or -1 when the file does not read. */
int
web_lang_of(const struct web_data *d, const char *code, char name[64], char dir[8])
{
	struct tsv t;
	struct tsv_row row;
	struct error e;
	int ck, ct, r = 0, found = 0;

	snprintf(name, 64, "%s", code);
	snprintf(dir, 8, "ltr");
	if (tsv_open(&t, d->name, d->data, d->len, &e) != 0 || (ck = tsv_column(&t, "key")) < 0 ||
	    (ct = tsv_column(&t, "text")) < 0)
		return -1;
	while (found < 2 && (r = tsv_next(&t, &row, &e)) == 1) {
		if (tsv_equals(&row, ck, "lang.name")) {
			tsv_copy(&row, ct, name, 64);
			found++;
		} else if (tsv_equals(&row, ck, "lang.dir")) {
			tsv_copy(&row, ct, dir, 8);
			found++;
		}
	}
	return found || r >= 0 ? 0 : -1;
}

/* The language of a "words-LL.tsv" file, or NULL. */
const char *
web_data_lang(const struct web_data *b, char out[8])
{
	size_t n;

	if (strncmp(b->name, "words-", 6) != 0)
		return NULL;
	n = strlen(b->name + 6);
	if (n < 6 || n > 7 || strcmp(b->name + 6 + n - 4, ".tsv") != 0)
		return NULL;
	memcpy(out, b->name + 6, n - 4);
	out[n - 4] = '\0';
	return out;
}

EXPORT(web_langs) int
web_langs(void)
{
	struct buf *b = web_out();
	const struct web_data *bl;
	int first = 1;

	buf_putc(b, '[');
	for (bl = web.data; bl < web.data + web.ndata; bl++) {
		char lang[8], name[64], dir[8];
		if (!web_data_lang(bl, lang) || web_lang_of(bl, lang, name, dir) != 0)
			continue;	/* a broken file is no language to offer */
		buf_puts(b, first ? "{" : ",{");
		first = 0;
		web_kv(b, 1, "code", lang);
		web_kv(b, 0, "name", name);
		web_kv(b, 0, "dir", dir);
		buf_putc(b, '}');
	}
	buf_putc(b, ']');
	return b->err ? -1 : 0;
}

EXPORT(web_lang) int
web_lang(const char *code)
{
	char name[32];
	const struct web_data *bl;
	struct words w;
	struct error e;

	web_out();
	if (!web.ready)
		return -1;
	if (web.has_local) {
		words_release(&web.local);
		web.has_local = 0;
	}
	if (code && strcmp(code, "en") != 0 && strlen(code) < 8) {
		snprintf(name, sizeof name, "words-%s.tsv", code);
		bl = web_data_find(name);
		if (!bl || words_load(&w, code, bl->data, bl->len, &web.en, &e) != 0) {
			web.env.words = &web.en;
			web.s.cl.words = &web.en;
			return 1;
		}
		web.local = w;
		web.local.fallback = &web.en;
		web.has_local = 1;
		web_prefer_web(&web.local);
	}
	web.env.words = web_lang_words();
	web.s.cl.words = web_lang_words();
	return 0;
}

EXPORT(web_words) int
web_words(const char *prefix)
{
	struct buf *b = web_out();
	size_t i, n = strlen(prefix);
	int first = 1;

	buf_putc(b, '{');
	for (i = 0; i < web.en.n; i++) {
		const char *key = web.en.v[i].key;
		if (strncmp(key, prefix, n) != 0)
			continue;
		web_kv(b, first, key, words_get(web_lang_words(), key));
		first = 0;
	}
	buf_putc(b, '}');
	return b->err ? -1 : 0;
}

EXPORT(web_fallback) int
web_fallback(const char *prefix)
{
	struct buf *b = web_out();
	size_t i, n = strlen(prefix);
	int first = 1;

	buf_putc(b, '[');
	for (i = 0; web.has_local && i < web.en.n; i++) {
		const char *key = web.en.v[i].key;
		if (strncmp(key, prefix, n) != 0 || words_own(&web.local, key))
			continue;
		buf_puts(b, first ? "" : ",");
		first = 0;
		web_put_str(b, key);
	}
	buf_putc(b, ']');
	return b->err ? -1 : 0;
}

EXPORT(web_text) int
web_text(const char *key, const char *fills)
{
	struct fill fl[17];
	char *copy = NULL, *p;
	size_t n = 0;
	const char *t = words_get(web_lang_words(), key);
	struct buf *b = web_out();

	if (fills && *fills && (copy = malloc(strlen(fills) + 1)) != NULL) {
		strcpy(copy, fills);
		for (p = copy; *p && n < 16;) {
			char *sep = strchr(p, '\037'), *end;
			if (!sep)
				break;
			*sep = '\0';
			end = strchr(sep + 1, '\036');
			if (end)
				*end = '\0';
			fl[n].name = p;
			fl[n].value = sep + 1;
			n++;
			if (!end)
				break;
			p = end + 1;
		}
	}
	fl[n].name = NULL;
	fl[n].value = NULL;
	words_fill(b, t ? t : key, fl);
	free(copy);
	return b->err ? -1 : 0;
}
