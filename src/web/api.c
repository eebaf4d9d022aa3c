/* SPDX-License-Identifier: MIT */
/* api: the page's way into the core.  The same session, words, rules,
 * record and bill of sale as the terminal's; this file only hands them
 * over as JSON or text and keeps the one check being made. */
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

#if defined(__wasm__)
#define EXPORT(name) __attribute__((export_name(#name)))
#else
#define EXPORT(name)
#endif

#define MAX_FILES 64
#define MAX_DATA 64			/* data files the page hands in */
#define MAX_PER_LINE 16			/* identifiers on one line, as imei */
#define LINE_MAX_BYTES (64 * 1024)	/* a longer line is no identifier */

/* A file the page hashed, known by the path it answers proof.files with. */
struct web_file {
	char path[CL_VALUE_MAX];
	char hex[SHA256_HEX_SIZE];
	uint64_t size;
};

/* A data file the page handed in (web_data): data/NAME as text. */
struct web_data {
	char name[40];
	const char *data;
	size_t len;
};

static struct {
	struct web_data data[MAX_DATA];
	size_t ndata;
	int ready;
	struct kb kb;
	struct ident_tables idt;
	struct tac_db tac;
	struct words en, local;
	int has_local;
	struct session_env env;
	struct session s;	/* the check being made */
	int live;
	struct buf out;		/* the result of the last call */
	struct sha256 sha;
	struct web_file files[MAX_FILES];
	size_t nfiles;
	char name[CL_VALUE_MAX];	/* the last file name hash_file gave */
} W;

/* ================================================================ helpers */

static const struct words *
words(void)
{
	return W.has_local ? &W.local : &W.en;
}

/* The result buffer, emptied. */
static struct buf *
result(void)
{
	buf_release(&W.out);
	buf_init_mem(&W.out);
	return &W.out;
}

/* A message as the result; returns -1. */
static int
fail(const char *msg)
{
	buf_puts(result(), msg);
	return -1;
}

static void
put_str(struct buf *b, const char *s)
{
	buf_put_json_or_null(b, s);
}

/* ,"key":"value" (or null); first 1 leaves the comma out. */
static void
kv(struct buf *b, int first, const char *key, const char *value)
{
	if (!first)
		buf_putc(b, ',');
	buf_put_json_str(b, key, strlen(key));
	buf_putc(b, ':');
	put_str(b, value);
}

static void
kv_long(struct buf *b, const char *key, long v)
{
	buf_putc(b, ',');
	buf_put_json_str(b, key, strlen(key));
	buf_putc(b, ':');
	buf_put_long(b, v);
}

/* The page's time as the record writes it; 0, or -1 when out of range. */
static int
stamps(double t, int offset, char now[STAMP_TIME_SIZE], char today[STAMP_DATE_SIZE])
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

static void
put_says(struct buf *b, const struct session_reply *r)
{
	size_t k;

	BUF_LIT(b, "\"says\":[");
	for (k = 0; k < r->nsays; k++) {
		buf_puts(b, k ? ",{" : "{");
		kv(b, 1, "kind", say_kind_name(r->says[k].kind));
		kv(b, 0, "text", session_say_text(r, k));
		buf_putc(b, '}');
	}
	buf_putc(b, ']');
}

/* A country's name in the buyer's words ("country.IN"), else the data's. */
static void
country_name(const char *cc, const char *data_name, struct buf *out)
{
	const char *local = words_getf(words(), "country.%s", cc);

	if (local)
		buf_put(out, local, strcspn(local, ";"));
	else
		buf_puts(out, data_name ? data_name : cc);
}

/* =================================================================== data */

/* The data file called name, or NULL. */
static const struct web_data *
data_find(const char *name)
{
	size_t k;

	for (k = 0; k < W.ndata; k++)
		if (strcmp(W.data[k].name, name) == 0)
			return &W.data[k];
	return NULL;
}

/* data_find as the knowledge base's getter. */
static int
data_get(void *ctx, const char *name, const char **data, size_t *len)
{
	const struct web_data *d = data_find(name);

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

	if (W.ready || strlen(name) >= sizeof d->name)
		return fail("too late, or a bad name");
	if (!(d = (struct web_data *)data_find(name))) {
		if (W.ndata == MAX_DATA)
			return fail("too many data files");
		d = &W.data[W.ndata++];
	}
	snprintf(d->name, sizeof d->name, "%s", name);
	d->data = data;
	d->len = len;
	result();
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
static void
prefer_web(struct words *w)
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
	for (k = 0; k < W.nfiles; k++)
		if (strcmp(W.files[k].path, path) == 0)
			break;
	if (k == W.nfiles)
		return error_set(e, 0, 0, "No such file or directory");
	memcpy(hex, W.files[k].hex, SHA256_HEX_SIZE);
	*size = W.files[k].size;
	base = strrchr(path, '/');
	base = base ? base + 1 : path;
	if (!*base)
		return error_set(e, 0, 0, "a file's name is needed");
	snprintf(W.name, sizeof W.name, "%s", base);
	*name = W.name;
	return 0;
}

EXPORT(web_init) int
web_init(void)
{
	const struct web_data *rb = data_find("reporting-bodies.tsv");
	const struct web_data *ph = data_find("imei-placeholders.tsv");
	const struct web_data *en = data_find("words-en.tsv");
	const struct web_data *tac = data_find("tac.tsv");
	struct error e;

	if (W.ready)
		return 0;
	memset(&e, 0, sizeof e);
	if (!rb || !ph || !en || !tac)
		return fail("the built-in data is incomplete");
	if (kb_load(&W.kb, data_get, NULL, &e) != 0)
		return fail(e.msg);
	if (ident_tables_load(&W.idt, rb->data, rb->len, ph->data, ph->len, &e) != 0 ||
	    words_load(&W.en, "en", en->data, en->len, NULL, &e) != 0 ||
	    cl_words_check(&W.en, &e) != 0)
		return fail(e.msg);
	prefer_web(&W.en);
	tac_db_init(&W.tac);
	if (tac_db_add_tsv(&W.tac, "tac.tsv", tac->data, tac->len, &e) != 0)
		return fail(e.msg);
	tac_db_finish(&W.tac);
	W.env.kb = &W.kb;
	W.env.idt = &W.idt;
	W.env.tac = &W.tac;
	W.env.words = &W.en;
	W.env.hash_file = hash_file;
	W.ready = 1;
	result();
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
	return buf_str(&W.out);
}

EXPORT(web_result_len) size_t
web_result_len(void)
{
	return W.out.sink == BUF_MEM ? W.out.len : 0;
}

/* ================================================================== words */

/* A language's name and direction (lang.name, lang.dir) read from its
 * words file by the tables' reader, without loading all its words.
 * Returns 0, or -1 when the file does not read. */
static int
lang_of(const struct web_data *d, const char *code, char name[64], char dir[8])
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
static const char *
data_lang(const struct web_data *b, char out[8])
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
	struct buf *b = result();
	const struct web_data *bl;
	int first = 1;

	buf_putc(b, '[');
	for (bl = W.data; bl < W.data + W.ndata; bl++) {
		char lang[8], name[64], dir[8];
		if (!data_lang(bl, lang) || lang_of(bl, lang, name, dir) != 0)
			continue;	/* a broken file is no language to offer */
		buf_puts(b, first ? "{" : ",{");
		first = 0;
		kv(b, 1, "code", lang);
		kv(b, 0, "name", name);
		kv(b, 0, "dir", dir);
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

	result();
	if (!W.ready)
		return -1;
	if (W.has_local) {
		words_release(&W.local);
		W.has_local = 0;
	}
	if (code && strcmp(code, "en") != 0 && strlen(code) < 8) {
		snprintf(name, sizeof name, "words-%s.tsv", code);
		bl = data_find(name);
		if (!bl || words_load(&w, code, bl->data, bl->len, &W.en, &e) != 0) {
			W.env.words = &W.en;
			W.s.cl.words = &W.en;
			return 1;
		}
		W.local = w;
		W.local.fallback = &W.en;
		W.has_local = 1;
		prefer_web(&W.local);
	}
	W.env.words = words();
	W.s.cl.words = words();
	return 0;
}

EXPORT(web_words) int
web_words(const char *prefix)
{
	struct buf *b = result();
	size_t i, n = strlen(prefix);
	int first = 1;

	buf_putc(b, '{');
	for (i = 0; i < W.en.n; i++) {
		const char *key = W.en.v[i].key;
		if (strncmp(key, prefix, n) != 0)
			continue;
		kv(b, first, key, words_get(words(), key));
		first = 0;
	}
	buf_putc(b, '}');
	return b->err ? -1 : 0;
}

EXPORT(web_fallback) int
web_fallback(const char *prefix)
{
	struct buf *b = result();
	size_t i, n = strlen(prefix);
	int first = 1;

	buf_putc(b, '[');
	for (i = 0; W.has_local && i < W.en.n; i++) {
		const char *key = W.en.v[i].key;
		if (strncmp(key, prefix, n) != 0 || words_own(&W.local, key))
			continue;
		buf_puts(b, first ? "" : ",");
		first = 0;
		put_str(b, key);
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
	const char *t = words_get(words(), key);
	struct buf *b = result();

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

/* ================================================================== views */

static const char *
type_name(enum cl_type t)
{
	static const char *const names[] = {
		[CL_CHOICE] = "choice", [CL_COUNTRY] = "country", [CL_TEXT] = "text",
		[CL_AMOUNT] = "amount", [CL_DATE] = "date", [CL_IDENT] = "imei",
		[CL_EID] = "eid", [CL_LAST4] = "last4", [CL_FILES] = "files", [CL_REPLY] = "reply"
	};
	return (size_t)t < sizeof names / sizeof names[0] && names[t] ? names[t] : "text";
}

/* The taps of the country's official checks ("taps":[...]): links to
 * open, SMS to send with the IMEI filled in, codes to dial. */
static void
put_taps(struct buf *b, const struct session *s, int step)
{
	const char *cc = cl_get(&s->cl, STEP_LISTING_COUNTRY);
	const char *imei = cl_get(&s->cl, step == STEP_REGISTRY_RESULT2 ? STEP_IDENTITY_IMEI2 :
	    STEP_IDENTITY_IMEI1);
	size_t n = 0, i, k, nt;
	const struct kb_check *c = cc ? kb_country_checks(&W.kb, cc, &n) : NULL;
	int first = 1;

	kv(b, 0, "imei", imei);
	BUF_LIT(b, ",\"taps\":[");
	if (!c)
		n = 0;
	for (i = 0; i < n; i++) {
		struct kb_tap t[8];
		if (strcmp(c[i].check_name, "none") == 0)
			continue;
		nt = kb_how_taps(c[i].how, t, 8);
		for (k = 0; k < nt; k++) {
			static const char *const kinds[] = {"url", "sms", "dial"};
			struct buf body;
			buf_puts(b, first ? "{" : ",{");
			first = 0;
			kv(b, 1, "kind", kinds[t[k].kind]);
			kv(b, 0, "target", t[k].target);
			kv(b, 0, "check", c[i].check_name);
			buf_init_mem(&body);
			if (t[k].kind == KB_TAP_SMS && t[k].imei && imei) {
				if (t[k].keyword[0])
					buf_printf(&body, "%s ", t[k].keyword);
				buf_puts(&body, imei);
			}
			kv(b, 0, "body", body.len ? buf_str(&body) : NULL);
			buf_release(&body);
			buf_putc(b, '}');
		}
	}
	buf_putc(b, ']');
}

/* The languages of the check's country there are words for, but
 * English ("langs":[{"code","name"}]), for the page to offer them. */
static void
put_country_langs(struct buf *b, const struct session *s)
{
	const char *cc = cl_get(&s->cl, STEP_LISTING_COUNTRY);
	const char *langs = cc ? kb_country_languages(&W.kb, cc, NULL) : NULL;
	int first = 1;

	BUF_LIT(b, ",\"langs\":[");
	while (langs && *langs) {
		size_t k = strcspn(langs, ";");
		char code[8], file[32], name[64], dir[8];
		const struct web_data *d;
		if (k > 0 && k < sizeof code) {
			memcpy(code, langs, k);
			code[k] = '\0';
			snprintf(file, sizeof file, "words-%s.tsv", code);
			if (strcmp(code, "en") != 0 && (d = data_find(file)) != NULL &&
			    lang_of(d, code, name, dir) == 0) {
				buf_puts(b, first ? "{" : ",{");
				first = 0;
				kv(b, 1, "code", code);
				kv(b, 0, "name", name);
				buf_putc(b, '}');
			}
		}
		langs += k;
		if (*langs)
			langs++;
	}
	buf_putc(b, ']');
}

/* The view of the current question of s. */
static void
put_view(struct buf *b, struct session *s)
{
	int i = session_current(s);
	size_t k, n, asked = 0, answered = 0, open = 0;
	struct cl_choice ch[24];
	struct buf t;

	for (k = 0; k < CL_NSTEPS; k++)
		if (cl_is_asked(&s->cl, (enum cl_id)k)) {
			asked++;
			answered += s->cl.state[k] == CL_ANSWERED;
			open += s->cl.state[k] == CL_OPEN;
		}
	buf_putc(b, '{');
	kv(b, 1, "id", s->meta.id);
	kv(b, 0, "country", cl_get(&s->cl, STEP_LISTING_COUNTRY));
	kv_long(b, "asked", (long)asked);
	kv_long(b, "answered", (long)answered);
	kv_long(b, "open", (long)open);
	BUF_LIT(b, ",\"remote\":");
	buf_puts(b, cl_remote(&s->cl) ? "true" : "false");
	put_country_langs(b, s);
	if (i < 0) {
		BUF_LIT(b, ",\"step\":null}");
		return;
	}
	kv(b, 0, "step", cl_steps[i].id);
	kv(b, 0, "section", cl_steps[i].section);
	kv(b, 0, "section_title", cl_section_title(&s->cl, cl_steps[i].section));
	kv(b, 0, "type", type_name(cl_steps[i].type));
	kv(b, 0, "label", cl_step_words(&s->cl, (enum cl_id)i, "label"));
	buf_init_mem(&t);
	session_question(s, &t);
	kv(b, 0, "question", buf_str(&t));
	buf_release(&t);
	buf_init_mem(&t);
	session_help(s, &t);
	kv(b, 0, "help", buf_str(&t));
	buf_release(&t);
	buf_init_mem(&t);
	session_default(s, &t);
	kv(b, 0, "default", buf_str(&t));
	buf_release(&t);
	kv(b, 0, "value", s->cl.value[i]);
	kv_long(b, "files", (long)s->cl.nfiles);
	kv(b, 0, "today", s->cl.today);
	BUF_LIT(b, ",\"first\":");
	buf_puts(b, cl_prev(&s->cl, i) < 0 ? "true" : "false");
	BUF_LIT(b, ",\"choices\":[");
	n = session_choices(s, ch, sizeof ch / sizeof ch[0]);
	for (k = 0; k < n; k++) {
		buf_puts(b, k ? ",{" : "{");
		kv(b, 1, "answer", ch[k].answer);
		kv(b, 0, "label", ch[k].label);
		buf_putc(b, '}');
	}
	buf_putc(b, ']');
	if (i == STEP_REGISTRY_REPLY || i == STEP_REGISTRY_RESULT || i == STEP_REGISTRY_RESULT2)
		put_taps(b, s, i);
	buf_putc(b, '}');
}

/* ================================================================ session */

EXPORT(web_new_id) int
web_new_id(double t, int offset, const unsigned char *rnd)
{
	char id[STAMP_ID_SIZE];

	if (!(t >= 0) || stamp_id((int64_t)t, offset, rnd, id) != 0)
		return fail("the clock is out of range");
	buf_puts(result(), id);
	return 0;
}

EXPORT(web_start) int
web_start(const char *id, double t, int offset, const unsigned char *rnd)
{
	char now[STAMP_TIME_SIZE], today[STAMP_DATE_SIZE];
	struct buf *b;

	if (!W.ready)
		return fail("not loaded");
	if (stamps(t, offset, now, today) != 0)
		return fail("the clock is out of range");
	session_start(&W.s, &W.env, id, now, today, rnd);
	W.live = 1;
	b = result();
	put_view(b, &W.s);
	return b->err ? -1 : 0;
}

EXPORT(web_resume) int
web_resume(const char *text, size_t len, double t, int offset, const unsigned char *rnd)
{
	char now[STAMP_TIME_SIZE], today[STAMP_DATE_SIZE], hex[SHA256_HEX_SIZE];
	struct record rec;
	struct saved_check *sc;
	struct session_reply reply;
	struct error e;
	struct buf *b;
	int rc;

	if (!W.ready || stamps(t, offset, now, today) != 0)
		return fail("the clock is out of range");
	if (record_check_seal(text, len, hex) != RECORD_INTACT)
		return fail("altered");
	if (record_parse(text, len, &rec, &e) != 0)
		return fail(e.msg);
	if (!(sc = malloc(sizeof *sc))) {
		record_release(&rec);
		return fail("out of memory");
	}
	rc = saved_check_read(sc, &rec, &W.kb, &W.idt, words(), &e);
	record_release(&rec);
	if (rc == 0 && sc->meta.sealed) {
		free(sc);
		return fail("sealed");
	}
	if (rc != 0 || session_resume(&W.s, &W.env, sc, today, rnd, &e) != 0) {
		free(sc);
		W.live = 0;
		return fail(e.msg);
	}
	free(sc);
	W.live = 1;
	session_reply_init(&reply);
	session_recap(&W.s, &reply);
	b = result();
	buf_putc(b, '{');
	put_says(b, &reply);
	BUF_LIT(b, ",\"view\":");
	put_view(b, &W.s);
	buf_putc(b, '}');
	session_reply_release(&reply);
	return b->err ? -1 : 0;
}

EXPORT(web_answer) int
web_answer(const char *line)
{
	static const char *const outcomes[] = {"next", "again", "quit", "bad"};
	struct session_reply reply;
	struct buf *b;

	if (!W.live)
		return fail("no check is open");
	session_reply_init(&reply);
	session_answer(&W.s, line, &reply);
	b = result();
	buf_putc(b, '{');
	kv(b, 1, "outcome", outcomes[reply.outcome]);
	buf_putc(b, ',');
	put_says(b, &reply);
	BUF_LIT(b, ",\"view\":");
	put_view(b, &W.s);
	buf_putc(b, '}');
	session_reply_release(&reply);
	return b->err ? -1 : 0;
}

EXPORT(web_validate) int
web_validate(const char *line)
{
	int i = W.live ? session_current(&W.s) : -1, v;
	char out[CL_VALUE_MAX];
	struct buf msg, *b;

	if (i < 0)
		return fail("no question is open");
	buf_init_mem(&msg);
	v = cl_validate(&W.s.cl, (enum cl_id)i, line, out, &msg);
	b = result();
	buf_printf(b, "{\"valid\":%d", v);
	kv(b, 0, "message", buf_str(&msg));
	buf_putc(b, '}');
	buf_release(&msg);
	return b->err ? -1 : 0;
}

EXPORT(web_view) int
web_view(void)
{
	struct buf *b;

	if (!W.live)
		return fail("no check is open");
	b = result();
	put_view(b, &W.s);
	return b->err ? -1 : 0;
}

EXPORT(web_help) int
web_help(void)
{
	if (!W.live)
		return fail("no check is open");
	session_help(&W.s, result());
	return W.out.err ? -1 : 0;
}

EXPORT(web_status) int
web_status(void)
{
	struct session_reply reply;
	struct buf *b;

	if (!W.live)
		return fail("no check is open");
	session_reply_init(&reply);
	session_status(&W.s, &reply);
	b = result();
	buf_putc(b, '{');
	put_says(b, &reply);
	buf_putc(b, '}');
	session_reply_release(&reply);
	return b->err ? -1 : 0;
}

EXPORT(web_record) int
web_record(double t, int offset, int seal)
{
	char now[STAMP_TIME_SIZE];
	struct record rec;
	struct buf *b;
	int rc;

	if (!W.live)
		return fail("no check is open");
	if (stamps(t, offset, now, NULL) != 0)
		return fail("the clock is out of range");
	rc = session_record(&W.s, seal, now, &rec);
	b = result();
	if (rc == 0)
		rc = record_serialize(&rec, b);
	record_release(&rec);
	return rc == 0 && !b->err ? 0 : fail("out of memory");
}

/* ================================================================== files */

EXPORT(web_sha_init) int
web_sha_init(void)
{
	sha256_init(&W.sha);
	return 0;
}

EXPORT(web_sha_update) int
web_sha_update(const void *p, size_t n)
{
	sha256_update(&W.sha, p, n);
	return 0;
}

EXPORT(web_sha_final) int
web_sha_final(void)
{
	unsigned char d[SHA256_LEN];
	char hex[SHA256_HEX_SIZE];

	sha256_final(&W.sha, d);
	sha256_hex(d, hex);
	buf_puts(result(), hex);
	return 0;
}

EXPORT(web_file) int
web_file(const char *path, const char *hex, double size)
{
	struct web_file *f;
	size_t k;

	if (strlen(path) >= CL_VALUE_MAX || strlen(hex) != 64 || !record_is_lower_hex(hex, 64) ||
	    !(size >= 0))
		return fail("bad file");
	for (k = 0; k < W.nfiles && strcmp(W.files[k].path, path) != 0; k++)
		;
	if (k == MAX_FILES) {	/* forget the oldest */
		memmove(W.files, W.files + 1, (MAX_FILES - 1) * sizeof W.files[0]);
		k = MAX_FILES - 1;
	}
	f = &W.files[k];
	if (k == W.nfiles && W.nfiles < MAX_FILES)
		W.nfiles++;
	snprintf(f->path, sizeof f->path, "%s", path);
	memcpy(f->hex, hex, SHA256_HEX_SIZE);
	f->size = (uint64_t)size;
	result();
	return 0;
}

/* ================================================================ records */

static const char *
seal_name(enum record_seal s)
{
	return s == RECORD_INTACT ? "intact" : s == RECORD_ALTERED ? "altered" : "unsealed";
}

EXPORT(web_saved) int
web_saved(const char *text, size_t len)
{
	char hex[SHA256_HEX_SIZE];
	enum record_seal seal = record_check_seal(text, len, hex);
	struct record rec;
	struct error e;
	struct buf *b = result();
	int rc = record_parse_opts(text, len, &rec, &e, RECORD_ALLOW_UNSEALED);

	buf_putc(b, '{');
	kv(b, 1, "seal", seal_name(seal));
	if (rc != 0) {
		char msg[300];
		snprintf(msg, sizeof msg, "line %ld: %s", e.line, e.msg);
		kv(b, 0, "error", msg);
		buf_putc(b, '}');
		return b->err ? -1 : 0;
	}
	kv(b, 0, "id", record_get(&rec, "id"));
	kv(b, 0, "state", record_get(&rec, "state"));
	kv(b, 0, "verdict", record_get(&rec, "verdict"));
	kv(b, 0, "created", record_get(&rec, "created"));
	kv(b, 0, "updated", record_get(&rec, "updated"));
	kv(b, 0, "country", record_get(&rec, "listing.country"));
	kv(b, 0, "brand", record_get(&rec, "listing.brand"));
	kv(b, 0, "model", record_get(&rec, "listing.model"));
	kv(b, 0, "imei1", record_get(&rec, "identity.imei1"));
	buf_putc(b, '}');
	record_release(&rec);
	return b->err ? -1 : 0;
}

/* Parses a record whose seal is intact, as export does. */
static int
open_record(const char *text, size_t len, struct record *rec)
{
	char hex[SHA256_HEX_SIZE];
	struct error e;

	switch (record_check_seal(text, len, hex)) {
	case RECORD_ALTERED:
		return fail("altered");
	case RECORD_UNSEALED:
		return fail("unsealed");
	case RECORD_INTACT:
		break;
	}
	if (record_parse(text, len, rec, &e) != 0) {
		char msg[300];
		snprintf(msg, sizeof msg, "line %ld: %s", e.line, e.msg);
		return fail(msg);
	}
	return 0;
}

EXPORT(web_finished) int
web_finished(const char *text, size_t len)
{
	struct record rec;
	struct export_src src;
	struct export_model m;
	struct error e;
	struct buf *b;
	size_t i;

	if (open_record(text, len, &rec) != 0)
		return -1;
	src.rec = &rec;
	src.words = words();
	src.kb = &W.kb;
	src.idt = &W.idt;
	if (export_model_init(&m, &src, &e) != 0) {
		record_release(&rec);
		return fail(e.msg);
	}
	b = result();
	buf_putc(b, '{');
	kv(b, 1, "id", m.sc->meta.id);
	kv(b, 0, "state", m.sc->meta.sealed ? "sealed" : "open");
	kv(b, 0, "verdict", m.sc->verdict[0] ? m.sc->verdict : NULL);
	kv(b, 0, "level", cl_level_name(m.sc->level));
	BUF_LIT(b, ",\"failed\":");
	buf_puts(b, m.failed ? "true" : "false");
	kv_long(b, "files", (long)m.sc->cl.nfiles);
	/* what the terminal's summary says under the verdict (check_run.c) */
	{
		enum cl_level l = m.sc->level;
		BUF_LIT(b, ",\"summary\":[");
		put_str(b, l == CL_STOP ? "summary.stop" : l == CL_CAUTION ? "summary.caution" :
		    "summary.go");
		if (l != CL_STOP)
			BUF_LIT(b, ",\"summary.later\"");
		if (m.sc->cl.nfiles == 0)
			BUF_LIT(b, ",\"summary.no_photos\"");
		buf_putc(b, ']');
	}
	BUF_LIT(b, ",\"reasons\":[");
	for (i = 0; i < m.sc->nstated; i++) {
		const struct saved_reason *x = &m.sc->stated[i];
		struct cl_reason r;
		struct buf t;
		memset(&r, 0, sizeof r);
		r.code = x->code;
		r.level = strcmp(x->level, "STOP") == 0 ? CL_STOP : CL_CAUTION;
		snprintf(r.detail, sizeof r.detail, "%s", x->detail);
		buf_puts(b, i ? ",{" : "{");
		kv(b, 1, "level", x->level);
		kv(b, 0, "code", x->code);
		buf_init_mem(&t);
		cl_reason_text(&m.sc->cl, &r, 0, &t);
		kv(b, 0, "text", buf_str(&t));
		buf_release(&t);
		buf_init_mem(&t);
		cl_reason_text(&m.sc->cl, &r, 1, &t);
		kv(b, 0, "todo", buf_str(&t));
		buf_release(&t);
		buf_putc(b, '}');
	}
	BUF_LIT(b, "]}");
	export_model_release(&m);
	record_release(&rec);
	return b->err ? -1 : 0;
}

EXPORT(web_export) int
web_export(const char *text, size_t len)
{
	struct record rec;
	struct export_src src;
	struct error e;
	int rc;

	if (open_record(text, len, &rec) != 0)
		return -1;
	src.rec = &rec;
	src.words = words();
	src.kb = &W.kb;
	src.idt = &W.idt;
	rc = export_html(&src, result(), &e);
	record_release(&rec);
	return rc == 0 ? 0 : fail(e.msg);
}

/* ================================================================== tools */

EXPORT(web_check) int
web_check(const char *answers, size_t len, double t, int offset, const unsigned char *rnd)
{
	static struct session s;	/* not the check being made */
	char now[STAMP_TIME_SIZE], today[STAMP_DATE_SIZE], id[STAMP_ID_SIZE];
	struct session_reply reply;
	struct cl_reason r[CL_MAX_REASONS];
	struct record rec;
	struct buf text, *b;
	size_t n = 0, k;
	int rc, status, seal;
	enum cl_level level = CL_GO;

	if (!W.ready)
		return fail("not loaded");
	if (stamps(t, offset, now, today) != 0 || stamp_id((int64_t)t, offset, rnd, id) != 0)
		return fail("the clock is out of range");
	session_start(&s, &W.env, id, now, today, rnd + 6);
	session_reply_init(&reply);
	rc = session_answers_file(&s, answers, len, &reply);
	/* as "check --answers FILE < /dev/null": a bad answer is a usage
	 * error, questions left are an unfinished check; both are saved open */
	seal = rc == 0 && session_current(&s) < 0;
	if (rc != 0)
		status = 2;
	else if (!seal)
		status = 6;
	else {
		level = session_verdict(&s, r, &n);
		status = level == CL_STOP ? 5 : level == CL_CAUTION ? 4 : 0;
	}
	buf_init_mem(&text);
	if (session_record(&s, seal, now, &rec) != 0 || record_serialize(&rec, &text) != 0) {
		record_release(&rec);
		buf_release(&text);
		session_reply_release(&reply);
		return fail("out of memory");
	}
	record_release(&rec);
	b = result();
	BUF_LIT(b, "{\"verdict\":");
	put_str(b, seal ? cl_level_name(level) : NULL);
	kv_long(b, "exit", status);
	BUF_LIT(b, ",\"reasons\":[");
	for (k = 0; k < n; k++) {
		buf_puts(b, k ? "," : "");
		put_str(b, r[k].code);
	}
	BUF_LIT(b, "],\"record\":");
	buf_put_json_str(b, buf_str(&text), text.len);
	buf_putc(b, ',');
	put_says(b, &reply);
	buf_putc(b, '}');
	buf_release(&text);
	session_reply_release(&reply);
	return b->err ? -1 : 0;
}

/* One line as "handover imei" reads it (ident_check_line); a line too
 * long for its reader is no identifier. */
static void
imei_line(struct buf *b, const char *s, size_t n, long lineno, int *first)
{
	struct ident ids[MAX_PER_LINE];
	const struct ident *id = ids;
	size_t k, count;

	if (n > LINE_MAX_BYTES) {
		ident_classify(&W.idt, "", 0, IDENT_UNKNOWN, &ids[0]);
		ids[0].problem = IDENT_BAD_LENGTH;
		snprintf(ids[0].message, sizeof ids[0].message, "line %ld is longer than %d bytes: "
		    "not an identifier", lineno, LINE_MAX_BYTES);
		ids[0].start = ids[0].len = 0;
		count = 1;
		s = "";
	} else {
		count = ident_check_line(&W.idt, s, n, ids, MAX_PER_LINE);
	}
	for (k = 0; k < count; k++) {
		const struct tac_entry *te = NULL;
		size_t nte = 0;
		if (id[k].tac[0] && id[k].problem != IDENT_PLACEHOLDER)
			te = tac_db_find(&W.tac, id[k].tac, &nte);
		buf_puts(b, *first ? "" : ",");
		*first = 0;
		ident_write_json(b, &W.idt, s + id[k].start, id[k].len, &id[k], te, nte);
	}
}

EXPORT(web_imei) int
web_imei(const char *text, size_t len)
{
	struct buf *b = result();
	size_t at = 0;
	long lineno = 0;
	int first = 1;

	if (!W.ready)
		return fail("not loaded");
	buf_putc(b, '[');
	while (at < len) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t n = nl ? (size_t)(nl - (text + at)) : len - at;
		size_t m = n;
		if (m > 0 && text[at + m - 1] == '\r')
			m--;
		imei_line(b, text + at, m, ++lineno, &first);
		at += n + 1;
	}
	buf_putc(b, ']');
	return b->err ? -1 : 0;
}

/* ================================================================== info */

static int
by_name(const void *a, const void *b)
{
	const struct kb_check *const *x = a, *const *y = b;

	return strcmp((*x)->name, (*y)->name);
}

EXPORT(web_countries) int
web_countries(void)
{
	const struct kb_check **idx;
	struct buf *b;
	size_t i, n = 0;

	if (!W.ready || !(idx = malloc((W.kb.nchecks + 1) * sizeof *idx)))
		return fail("out of memory");
	for (i = 0; i < W.kb.nchecks; i++)	/* a country's checks are grouped */
		if (i == 0 || strcmp(W.kb.checks[i].code, W.kb.checks[i - 1].code) != 0)
			idx[n++] = &W.kb.checks[i];
	qsort(idx, n, sizeof *idx, by_name);
	b = result();
	buf_putc(b, '[');
	for (i = 0; i < n; i++) {
		struct buf name;
		size_t nc, k;
		const struct kb_check *c = kb_country_checks(&W.kb, idx[i]->code, &nc);
		int real = 0;
		for (k = 0; c && k < nc; k++)
			real |= strcmp(c[k].check_name, "none") != 0;
		buf_init_mem(&name);
		country_name(idx[i]->code, idx[i]->name, &name);
		buf_puts(b, i ? ",{" : "{");
		kv(b, 1, "code", idx[i]->code);
		kv(b, 0, "name", buf_str(&name));
		BUF_LIT(b, ",\"check\":");
		buf_puts(b, real ? "true" : "false");
		buf_putc(b, '}');
		buf_release(&name);
	}
	buf_putc(b, ']');
	free((void *)idx);
	return b->err ? -1 : 0;
}

static void
kv_reported(struct buf *b, const struct kb_fact *f)
{
	BUF_LIT(b, ",\"reported\":");
	buf_puts(b, f && strcmp(f->confidence, "confirmed") != 0 ? "true" : "false");
}

/* A ';'-joined list as a JSON array. */
static void
kv_list(struct buf *b, const char *key, const char *list)
{
	const char *p = list ? list : "";
	int first = 1;

	buf_putc(b, ',');
	buf_put_json_str(b, key, strlen(key));
	BUF_LIT(b, ":[");
	while (*p) {
		size_t n = strcspn(p, ";");
		if (n) {
			buf_puts(b, first ? "" : ",");
			buf_put_json_str(b, p, n);
			first = 0;
		}
		p += n;
		if (*p)
			p++;
	}
	buf_putc(b, ']');
}

static void
info_checks(struct buf *b, const char *cc, const struct kb_check *c, size_t n)
{
	size_t i, k, nr, nt;
	const struct kb_reply *rp = kb_country_replies(&W.kb, cc, &nr);

	BUF_LIT(b, ",\"checks\":[");
	for (i = 0; i < n; i++) {
		struct kb_tap t[8];
		static const char *const kinds[] = {"url", "sms", "dial"};
		int first = 1;
		buf_puts(b, i ? ",{" : "{");
		kv(b, 1, "name", strcmp(c[i].check_name, "none") == 0 ? NULL : c[i].check_name);
		kv(b, 0, "how", c[i].how);
		kv_list(b, "checks", c[i].checks);
		kv(b, 0, "result_meaning", c[i].result_meaning);
		kv(b, 0, "limits", c[i].limits);
		kv(b, 0, "instead", c[i].instead);
		kv_reported(b, &c[i].fact);
		BUF_LIT(b, ",\"taps\":[");
		nt = strcmp(c[i].check_name, "none") == 0 ? 0 : kb_how_taps(c[i].how, t, 8);
		for (k = 0; k < nt; k++) {
			buf_puts(b, k ? ",{" : "{");
			kv(b, 1, "kind", kinds[t[k].kind]);
			kv(b, 0, "target", t[k].target);
			kv(b, 0, "keyword", t[k].keyword);
			buf_putc(b, '}');
		}
		BUF_LIT(b, "],\"replies\":[");
		for (k = 0; rp && k < nr; k++) {
			if (strcmp(rp[k].check_name, c[i].check_name) != 0)
				continue;
			buf_puts(b, first ? "{" : ",{");
			first = 0;
			kv(b, 1, "reply", rp[k].reply);
			kv(b, 0, "shown", rp[k].shown);
			kv(b, 0, "meaning", rp[k].meaning);
			kv(b, 0, "outcome", rp[k].outcome);
			kv_reported(b, &rp[k].fact);
			buf_putc(b, '}');
		}
		BUF_LIT(b, "]}");
	}
	buf_putc(b, ']');
}

static void
info_system(struct buf *b, const struct kb_lock_system *s, int local, int *first)
{
	buf_puts(b, *first ? "{" : ",{");
	*first = 0;
	kv(b, 1, "id", s->id);
	kv(b, 0, "name", s->name);
	kv(b, 0, "kind", s->kind);
	BUF_LIT(b, ",\"local\":");
	buf_puts(b, local ? "true" : "false");
	kv(b, 0, "visible_signs", s->visible_signs);
	kv(b, 0, "survives_reset", s->survives_reset);
	kv(b, 0, "how_cleared", s->how_cleared);
	kv(b, 0, "proof_document", s->proof_document);
	kv_reported(b, &s->fact);
	buf_putc(b, '}');
}

EXPORT(web_info) int
web_info(const char *code)
{
	char cc[3];
	const struct kb_check *c;
	const char *langs;
	struct buf *b, name;
	size_t n, i;
	int first;

	if (!W.ready || !code || strlen(code) != 2)
		return fail("give two letters");
	cc[0] = (char)(code[0] >= 'a' && code[0] <= 'z' ? code[0] - 32 : code[0]);
	cc[1] = (char)(code[1] >= 'a' && code[1] <= 'z' ? code[1] - 32 : code[1]);
	cc[2] = '\0';
	if (!(c = kb_country_checks(&W.kb, cc, &n)))
		return fail("no data for this country");
	b = result();
	buf_putc(b, '{');
	kv(b, 1, "code", cc);
	buf_init_mem(&name);
	country_name(cc, c->name, &name);
	kv(b, 0, "name", buf_str(&name));
	buf_release(&name);
	info_checks(b, cc, c, n);
	/* the country's own locks first, then those found everywhere */
	BUF_LIT(b, ",\"lock_systems\":[");
	for (first = 1, i = 0; i < W.kb.nsystems; i++) {
		const struct kb_lock_system *s = &W.kb.systems[i];
		if (strcmp(s->regions, "global") != 0 && kb_list_has(s->regions, cc))
			info_system(b, s, 1, &first);
	}
	for (i = 0; i < W.kb.nsystems; i++)
		if (strcmp(W.kb.systems[i].regions, "global") == 0)
			info_system(b, &W.kb.systems[i], 0, &first);
	BUF_LIT(b, "],\"lenders\":[");
	for (first = 1, i = 0; i < W.kb.nlenders; i++) {
		const struct kb_lender *l = &W.kb.lenders[i];
		const struct kb_lock_system *s = kb_lock_system_find(&W.kb, l->lock);
		if (!kb_list_has(l->countries, cc))
			continue;
		buf_puts(b, first ? "{" : ",{");
		first = 0;
		kv(b, 1, "name", l->name);
		kv(b, 0, "lock", s ? s->name : NULL);
		kv(b, 0, "closure_document", l->closure_document);
		kv(b, 0, "how_to_get", l->how_to_get);
		kv_reported(b, &l->fact);
		buf_putc(b, '}');
	}
	BUF_LIT(b, "],\"phrases\":[");
	langs = kb_country_languages(&W.kb, cc, NULL);
	for (first = 1, i = 0; langs && i < W.kb.nphrases; i++) {
		const struct kb_phrase *p = &W.kb.phrases[i];
		if ((strcmp(p->category, "financing") != 0 && strcmp(p->category, "lock") != 0) ||
		    !kb_list_has(langs, p->language))
			continue;
		buf_puts(b, first ? "{" : ",{");
		first = 0;
		kv(b, 1, "phrase", p->phrase);
		kv(b, 0, "language", p->language);
		buf_putc(b, '}');
	}
	BUF_LIT(b, "]}");
	return b->err ? -1 : 0;
}
