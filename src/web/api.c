/* SPDX-License-Identifier: MIT */
/* api: the page's way into the core.  The same session, words, rules,
 * record and bill of sale as the terminal's; src/web only hands them
 * over as JSON or text and keeps the one check being made.  This file:
 * the shared state, the data the page hands in, loading it, the result
 * buffer and the JSON writers the other calls use. */

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

struct web_state web;

/* ================================================================ helpers */

const struct words *
web_lang_words(void)
{
	return web.has_local ? &web.local : &web.en;
}

/* The result buffer, emptied. */
struct buf *
web_out(void)
{
	buf_release(&web.out);
	buf_init_mem(&web.out);
	return &web.out;
}

/* A message as the result; returns -1. */
int
web_fail(const char *msg)
{
	buf_puts(web_out(), msg);
	return -1;
}

void
web_put_str(struct buf *b, const char *s)
{
	buf_put_json_or_null(b, s);
}

/* ,"key":"value" (or null); first 1 leaves the comma out. */
void
web_kv(struct buf *b, int first, const char *key, const char *value)
{
	if (!first)
		buf_putc(b, ',');
	buf_put_json_str(b, key, strlen(key));
	buf_putc(b, ':');
	web_put_str(b, value);
}

void
web_kv_long(struct buf *b, const char *key, long v)
{
	buf_putc(b, ',');
	buf_put_json_str(b, key, strlen(key));
	buf_putc(b, ':');
	buf_put_long(b, v);
}

/* The page's time as the record writes it; 0, or -1 when out of range. */
int
web_stamps(double t, int offset, char now[STAMP_TIME_SIZE], char today[STAMP_DATE_SIZE])
{
	int64_t secs = (int64_t)t;

	if (!(t >= 0) || t > 253402300799.0)
		return -1;
	if (stamp_time(secs, offset, now) != 0)
		return -1;
	return today ? stamp_date(secs, offset, today) : 0;
}

static const char *
say_kind_name(enum say_kind k)
{
	static const char *const names[] = {
		[SAY_INFO] = "info", [SAY_OK] = "ok", [SAY_PROBLEM] = "problem",
		[SAY_WARN] = "warn", [SAY_STOP] = "stop", [SAY_CAUTION] = "caution",
		[SAY_TODO] = "todo", [SAY_HELP] = "help", [SAY_LIST] = "list"
	};
	return (size_t)k < sizeof names / sizeof names[0] && names[k] ? names[k] : "info";
}

/* The messages of r as members of a list; first 0 puts a comma first. */
void
web_put_say_items(struct buf *b, const struct session_reply *r, int first)
{
	size_t k;

	for (k = 0; k < r->nsays; k++) {
		buf_puts(b, k || !first ? ",{" : "{");
		web_kv(b, 1, "kind", say_kind_name(r->says[k].kind));
		web_kv(b, 0, "text", session_say_text(r, k));
		buf_putc(b, '}');
	}
}

void
web_put_says(struct buf *b, const struct session_reply *r)
{
	BUF_LIT(b, "\"says\":[");
	web_put_say_items(b, r, 1);
	buf_putc(b, ']');
}

/* A country's name in the buyer's words ("country.IN"), else the data's. */
void
web_country_name(const char *cc, const char *data_name, struct buf *out)
{
	const char *local = words_getf(web_lang_words(), "country.%s", cc);

	if (local)
		buf_put(out, local, strcspn(local, ";"));
	else
		buf_puts(out, data_name ? data_name : cc);
}

/* =================================================================== data */

/* The data file called name, or NULL. */
const struct web_data *
web_data_find(const char *name)
{
	size_t k;

	for (k = 0; k < web.ndata; k++)
		if (strcmp(web.data[k].name, name) == 0)
			return &web.data[k];
	return NULL;
}

/* data_find as the knowledge base's getter. */
static int
data_get(void *ctx, const char *name, const char **data, size_t *len)
{
	const struct web_data *d = web_data_find(name);

	(void)ctx;
	if (!d)
		return -1;
	*data = d->data;
	*len = d->len;
	return 0;
}

EXPORT(web_data) int
web_data(const char *name, const char *data, size_t len)
{
	struct web_data *d;

	if (web.ready || strlen(name) >= sizeof d->name)
		return web_fail("too late, or a bad name");
	if (!(d = (struct web_data *)web_data_find(name))) {
		if (web.ndata == MAX_DATA)
			return web_fail("too many data files");
		d = &web.data[web.ndata++];
	}
	snprintf(d->name, sizeof d->name, "%s", name);
	d->data = data;
	d->len = len;
	web_out();
	return 0;
}

static int
by_key(const void *a, const void *b)
{
	return strcmp(((const struct word *)a)->key, ((const struct word *)b)->key);
}

/* The page's wording: in one language's own words, "KEY@web" replaces
 * the text of KEY (written for a terminal: "type done").  A language
 * without KEY@web keeps its own KEY. */
void
web_prefer_web(struct words *w)
{
	char base[WORDS_KEY_MAX];
	size_t k, n;
	struct word want, *found;

	for (k = 0; k < w->n; k++) {
		n = strlen(w->v[k].key);
		if (n < 5 || n - 4 >= sizeof base || strcmp(w->v[k].key + n - 4, "@web") != 0)
			continue;
		memcpy(base, w->v[k].key, n - 4);
		base[n - 4] = '\0';
		want.key = base;
		found = bsearch(&want, w->v, w->n, sizeof *w->v, by_key);
		if (found)
			found->text = w->v[k].text;
	}
}

/* =================================================================== init */

/* Hashes the file the page made known under path (web_file). */
static int
hash_file(void *ctx, const char *path, char hex[65], uint64_t *size, const char **name,
    struct error *e)
{
	const char *base;
	size_t k;

	(void)ctx;
	for (k = 0; k < web.nfiles; k++)
		if (strcmp(web.files[k].path, path) == 0)
			break;
	if (k == web.nfiles)
		return error_set(e, 0, 0, "No such file or directory");
	memcpy(hex, web.files[k].hex, SHA256_HEX_SIZE);
	*size = web.files[k].size;
	base = strrchr(path, '/');
	base = base ? base + 1 : path;
	if (!*base)
		return error_set(e, 0, 0, "a file's name is needed");
	snprintf(web.name, sizeof web.name, "%s", base);
	*name = web.name;
	return 0;
}

EXPORT(web_init) int
web_init(void)
{
	const struct web_data *rb = web_data_find("reporting-bodies.tsv");
	const struct web_data *ph = web_data_find("imei-placeholders.tsv");
	const struct web_data *en = web_data_find("words-en.tsv");
	const struct web_data *tac = web_data_find("tac.tsv");
	struct error e;

	if (web.ready)
		return 0;
	memset(&e, 0, sizeof e);
	if (!rb || !ph || !en || !tac)
		return web_fail("the built-in data is incomplete");
	if (kb_load(&web.kb, data_get, NULL, &e) != 0)
		return web_fail(e.msg);
	if (ident_tables_load(&web.idt, rb->data, rb->len, ph->data, ph->len, &e) != 0 ||
	    words_load(&web.en, "en", en->data, en->len, NULL, &e) != 0 ||
	    cl_words_check(&web.en, &e) != 0)
		return web_fail(e.msg);
	web_prefer_web(&web.en);
	tac_db_init(&web.tac);
	if (tac_db_add_tsv(&web.tac, "tac.tsv", tac->data, tac->len, &e) != 0)
		return web_fail(e.msg);
	tac_db_finish(&web.tac);
	web.env.kb = &web.kb;
	web.env.idt = &web.idt;
	web.env.tac = &web.tac;
	web.env.words = &web.en;
	web.env.hash_file = hash_file;
	web.ready = 1;
	web_out();
	return 0;
}

EXPORT(web_alloc) void *
web_alloc(size_t n)
{
	return malloc(n ? n : 1);
}

EXPORT(web_free) void
web_free(void *p)
{
	free(p);
}

EXPORT(web_result) const char *
web_result(void)
{
	return buf_str(&web.out);
}

EXPORT(web_result_len) size_t
web_result_len(void)
{
	return web.out.sink == BUF_MEM ? web.out.len : 0;
}
