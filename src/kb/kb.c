/* SPDX-License-Identifier: MIT */
/* kb: loads the knowledge-base tables by column name into one arena,
 * groups and indexes them; kb_find.c answers the lookups the front ends
 * need. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "lib/grow.h"
#include "kb/kb.h"
#include "kb/kb_priv.h"
#include "lib/tsv.h"

#define KB_MAX_ROWS 100000	/* per table; far above any real file */
#define KB_CHUNK (64 * 1024)

/* One column of a table and where its string goes in the row struct.  An
 * optional column (added after the first release) reads as "" when an
 * older file lacks it, so a --data folder made for an older version still
 * loads. */
struct kb_col {
	const char *name;
	size_t off;
	int optional;
};

struct kb_table {
	const char *file;
	size_t size;		/* of one row struct */
	size_t fact_off;	/* offset of its struct kb_fact */
	const struct kb_col *cols;
};

#define COL(type, field) { #field, offsetof(struct type, field), 0 }
#define OPT(type, field) { #field, offsetof(struct type, field), 1 }

static const struct kb_col check_cols[] = {
	COL(kb_check, code), COL(kb_check, name), COL(kb_check, check_name),
	COL(kb_check, how), COL(kb_check, checks), COL(kb_check, result_meaning),
	COL(kb_check, limits), COL(kb_check, instead), { NULL, 0, 0 }
};
static const struct kb_col system_cols[] = {
	COL(kb_lock_system, id), COL(kb_lock_system, name),
	COL(kb_lock_system, regions), COL(kb_lock_system, visible_signs),
	COL(kb_lock_system, survives_reset), COL(kb_lock_system, how_cleared),
	COL(kb_lock_system, proof_document), OPT(kb_lock_system, kind), { NULL, 0, 0 }
};
static const struct kb_col app_cols[] = {
	COL(kb_lock_app, package), COL(kb_lock_app, system),
	COL(kb_lock_app, strength), COL(kb_lock_app, what_to_do),
	OPT(kb_lock_app, preinstalled), OPT(kb_lock_app, grade_reason), { NULL, 0, 0 }
};
static const struct kb_col lender_cols[] = {
	COL(kb_lender, name), COL(kb_lender, countries), COL(kb_lender, lock),
	COL(kb_lender, closure_document), COL(kb_lender, how_to_get), { NULL, 0, 0 }
};
static const struct kb_col phrase_cols[] = {	/* weight is read apart */
	COL(kb_phrase, phrase), COL(kb_phrase, language), COL(kb_phrase, category),
	OPT(kb_phrase, cues), OPT(kb_phrase, form_of), { NULL, 0, 0 }
};
static const struct kb_col cue_cols[] = {
	COL(kb_cue, cue), COL(kb_cue, language), COL(kb_cue, kind),
	COL(kb_cue, position), COL(kb_cue, reach), COL(kb_cue, applies_to),
	{ NULL, 0, 0 }
};
static const struct kb_col brand_cols[] = {
	COL(kb_brand, brand), COL(kb_brand, aliases), COL(kb_brand, imei_path),
	COL(kb_brand, admin_apps_path), COL(kb_brand, accounts_path),
	COL(kb_brand, find_device_path), COL(kb_brand, reset_path),
	COL(kb_brand, account_lock), COL(kb_brand, financing_signals),
	OPT(kb_brand, model_path), { NULL, 0, 0 }
};
static const struct kb_col reply_cols[] = {
	COL(kb_reply, code), COL(kb_reply, check_name), COL(kb_reply, reply),
	COL(kb_reply, shown), COL(kb_reply, meaning), COL(kb_reply, outcome), { NULL, 0, 0 }
};
static const struct kb_col lang_cols[] = {
	COL(kb_lang, code), COL(kb_lang, languages), { NULL, 0, 0 }
};

static const struct kb_col fact_cols[] = {
	COL(kb_fact, source), COL(kb_fact, checked), COL(kb_fact, confidence),
	{ NULL, 0, 0 }
};

static const struct kb_table tables[] = {
	{ "countries.tsv", sizeof(struct kb_check), offsetof(struct kb_check, fact), check_cols },
	{ "lock-systems.tsv", sizeof(struct kb_lock_system),
	    offsetof(struct kb_lock_system, fact), system_cols },
	{ "lock-apps.tsv", sizeof(struct kb_lock_app), offsetof(struct kb_lock_app, fact), app_cols },
	{ "lenders.tsv", sizeof(struct kb_lender), offsetof(struct kb_lender, fact), lender_cols },
	{ "phrases.tsv", sizeof(struct kb_phrase), offsetof(struct kb_phrase, fact), phrase_cols },
	{ "brands.tsv", sizeof(struct kb_brand), offsetof(struct kb_brand, fact), brand_cols },
	{ "country-languages.tsv", sizeof(struct kb_lang), offsetof(struct kb_lang, fact), lang_cols },
	{ "registry-replies.tsv", sizeof(struct kb_reply), offsetof(struct kb_reply, fact),
	    reply_cols },
	{ "negation-cues.tsv", sizeof(struct kb_cue), offsetof(struct kb_cue, fact), cue_cols },
	{ "completion-cues.tsv", sizeof(struct kb_cue), offsetof(struct kb_cue, fact), cue_cols },
	{ "context-cues.tsv", sizeof(struct kb_cue), offsetof(struct kb_cue, fact), cue_cols },
};
enum { T_CHECKS, T_SYSTEMS, T_APPS, T_LENDERS, T_PHRASES, T_BRANDS, T_LANGS, T_REPLIES,
	T_NEGATION, T_COMPLETION, T_CONTEXT, T_COUNT };

/* ---------------------------------------------------------------- loading */

/* A copy of p[0..n) with a NUL, in the arena; NULL when out of memory. */
static const char *
arena_str(struct kb_private *pv, const char *p, size_t n)
{
	struct kb_chunk *c = pv->chunks;
	char *s;

	if (!c || c->cap - c->used < n + 1) {
		size_t cap = n + 1 > KB_CHUNK ? n + 1 : KB_CHUNK;
		c = malloc(sizeof *c + cap);
		if (!c)
			return NULL;
		c->next = pv->chunks;
		c->used = 0;
		c->cap = cap;
		pv->chunks = c;
	}
	s = c->mem + c->used;
	memcpy(s, p, n);
	s[n] = '\0';
	c->used += n + 1;
	return s;
}

int
kb_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* ASCII case-insensitive comparison of a[0..n) with the string b. */
int
kb_equal_ci(const char *a, size_t n, const char *b)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (b[i] == '\0' || kb_lower((unsigned char)a[i]) != kb_lower((unsigned char)b[i]))
			return 0;
	return b[n] == '\0';
}

/* Copies the columns in cols of row into the struct at dst. */
static int
copy_cols(struct kb_private *pv, const struct kb_col *cols, const int *idx,
    const struct tsv_row *row, char *dst, const char *file, struct error *e)
{
	size_t k;

	for (k = 0; cols[k].name; k++) {
		const struct tsv_field *f;
		const char *s;

		if (idx[k] < 0) {	/* an optional column the file lacks */
			s = "";
			memcpy(dst + cols[k].off, &s, sizeof s);
			continue;
		}
		f = &row->f[idx[k]];
		if (memchr(f->p, '\0', f->n))
			return error_set(e, row->line, 0, "%s: line %ld: a NUL byte in column '%s'",
			    file, row->line, cols[k].name);
		if (!(s = arena_str(pv, f->p, f->n)))
			return error_set(e, 0, 0, "out of memory");
		memcpy(dst + cols[k].off, &s, sizeof s);
	}
	return 0;
}

/* The index of every column in cols, or an error naming the file. */
static int
find_cols(const struct tsv *t, const struct kb_col *cols, int *idx, struct error *e)
{
	size_t k;

	for (k = 0; cols[k].name; k++)
		if ((idx[k] = tsv_column(t, cols[k].name)) < 0 && !cols[k].optional)
			return error_set(e, 0, 0, "%s: no column '%s' in the header", t->name,
			    cols[k].name);
	return 0;
}

/* Reads one table into a new array (*out, *nout; caller frees). */
static int
load_table(struct kb_private *pv, const struct kb_table *tb, const char *data, size_t len,
    void **out, size_t *nout, struct error *e)
{
	struct tsv t;
	struct tsv_row row;
	int idx[TSV_MAX_FIELDS], fidx[3], widx = -1, r;
	char *rows = NULL;
	size_t n = 0, cap = 0;

	*out = NULL;
	*nout = 0;
	if (tsv_open(&t, tb->file, data, len, e) != 0 || find_cols(&t, tb->cols, idx, e) != 0 ||
	    find_cols(&t, fact_cols, fidx, e) != 0)
		return -1;
	if (tb == &tables[T_PHRASES] && (widx = tsv_column(&t, "weight")) < 0)
		return error_set(e, 0, 0, "%s: no column 'weight' in the header", tb->file);
	while ((r = tsv_next(&t, &row, e)) == 1) {
		char *dst;

		if (n >= KB_MAX_ROWS) {
			free(rows);
			return error_set(e, row.line, 0, "%s: more than %d rows", tb->file,
			    KB_MAX_ROWS);
		}
		if (grow_array(&rows, &cap, n + 1, tb->size) != 0) {
			free(rows);
			return error_set(e, 0, 0, "out of memory");
		}
		dst = rows + n * tb->size;
		memset(dst, 0, tb->size);
		if (copy_cols(pv, tb->cols, idx, &row, dst, tb->file, e) != 0 ||
		    copy_cols(pv, fact_cols, fidx, &row, dst + tb->fact_off, tb->file, e) != 0) {
			free(rows);
			return -1;
		}
		if (widx >= 0) {
			const struct tsv_field *w = &row.f[widx];
			if (w->n != 1 || w->p[0] < '1' || w->p[0] > '3') {
				free(rows);
				return error_set(e, row.line, 0,
				    "%s: line %ld: weight must be 1, 2 or 3", tb->file, row.line);
			}
			((struct kb_phrase *)(void *)dst)->weight = w->p[0] - '0';
		}
		n++;
	}
	if (r < 0) {
		free(rows);
		return -1;
	}
	*out = rows;
	*nout = n;
	return 0;
}

/* A row's country code, for grouping rows by country. */
struct group_key {
	const char *code;
	size_t row, first;	/* the row, and the first row of its country */
};

/* ASCII case-insensitive order of the codes (equal_ci's equality), then
 * file order. */
static int
by_code(const void *a, const void *b)
{
	const struct group_key *x = a, *y = b;
	const unsigned char *p = (const unsigned char *)x->code, *q = (const unsigned char *)y->code;

	while (*p && kb_lower(*p) == kb_lower(*q)) {
		p++;
		q++;
	}
	if (kb_lower(*p) != kb_lower(*q))
		return kb_lower(*p) < kb_lower(*q) ? -1 : 1;
	return x->row < y->row ? -1 : x->row > y->row;
}

static int
by_first(const void *a, const void *b)
{
	const struct group_key *x = a, *y = b;

	if (x->first != y->first)
		return x->first < y->first ? -1 : 1;
	return x->row < y->row ? -1 : x->row > y->row;
}

/* Puts the rows of one country next to each other, keeping file order
 * (first appearance of each country, then row order within it); the
 * country is the string at code_off of each row of size bytes.  Two
 * sorts, so O(n log n): comparing every row with every later one took 23 s
 * for a --data countries.tsv of 60,000 countries. */
static int
group_rows(void *rows, size_t n, size_t size, size_t code_off)
{
	struct group_key *key;
	char *out, *in = rows;
	size_t i, j;

	if (n < 2)
		return 0;
	out = malloc(n * size);
	key = malloc(n * sizeof *key);
	if (!out || !key) {
		free(out);
		free(key);
		return -1;
	}
	for (i = 0; i < n; i++) {
		memcpy(&key[i].code, in + i * size + code_off, sizeof key[i].code);
		key[i].row = i;
	}
	qsort(key, n, sizeof *key, by_code);
	for (i = 0; i < n; i = j)
		for (j = i; j < n && kb_equal_ci(key[j].code, strlen(key[j].code), key[i].code); j++)
			key[j].first = key[i].row;
	qsort(key, n, sizeof *key, by_first);
	for (i = 0; i < n; i++)
		memcpy(out + i * size, in + key[i].row * size, size);
	memcpy(rows, out, n * size);
	free(out);
	free(key);
	return 0;
}

int
kb_by_app_key(const void *a, const void *b)
{
	const struct kb_app_key *x = a, *y = b;
	int c = memcmp(x->key, y->key, x->len < y->len ? x->len : y->len);

	if (c == 0 && x->len != y->len)
		c = x->len < y->len ? -1 : 1;
	return c ? c : x->row < y->row ? -1 : x->row > y->row;
}

/* The sorted keys of lock-apps.tsv: every package, and the prefix rows. */
static int
index_apps(struct kb *kb, struct kb_private *pv)
{
	size_t i, np = 0;

	if (kb->napps == 0)
		return 0;
	pv->app_exact = malloc(kb->napps * sizeof *pv->app_exact);
	pv->app_prefix = malloc(kb->napps * sizeof *pv->app_prefix);
	if (!pv->app_exact || !pv->app_prefix)
		return -1;
	for (i = 0; i < kb->napps; i++) {
		const char *p = kb->apps[i].package;

		pv->app_exact[i].key = p;
		pv->app_exact[i].len = strlen(p);
		pv->app_exact[i].row = i;
		if (kb_lock_app_is_prefix(&kb->apps[i])) {
			pv->app_prefix[np] = pv->app_exact[i];
			pv->app_prefix[np++].len--;	/* keeps the '.' */
		}
	}
	pv->napp_prefix = np;
	qsort(pv->app_exact, kb->napps, sizeof *pv->app_exact, kb_by_app_key);
	if (np > 1)
		qsort(pv->app_prefix, np, sizeof *pv->app_prefix, kb_by_app_key);
	return 0;
}

/* The three cue tables as one array (consumes the three). */
static int
join_cues(struct kb *kb, void **arr, const size_t *cnt)
{
	size_t n = cnt[0] + cnt[1] + cnt[2], k, at = 0;

	kb->ncues = 0;
	kb->cues = n ? malloc(n * sizeof *kb->cues) : NULL;
	if (n && !kb->cues) {
		for (k = 0; k < 3; k++)
			free(arr[k]);
		return -1;
	}
	for (k = 0; k < 3; k++) {
		if (cnt[k])
			memcpy(kb->cues + at, arr[k], cnt[k] * sizeof *kb->cues);
		at += cnt[k];
		free(arr[k]);
	}
	kb->ncues = n;
	return 0;
}

int
kb_load(struct kb *kb, kb_getter get, void *ctx, struct error *e)
{
	struct kb_private *pv;
	void *arr[T_COUNT] = { 0 };
	size_t cnt[T_COUNT] = { 0 };
	int t;

	memset(kb, 0, sizeof *kb);
	if (!(pv = calloc(1, sizeof *pv)))
		return error_set(e, 0, 0, "out of memory");
	kb->mem = pv;
	for (t = 0; t < T_COUNT; t++) {
		const char *data;
		size_t len;

		if (get(ctx, tables[t].file, &data, &len) != 0) {
			if (t == T_LANGS || t >= T_NEGATION)
				continue;	/* optional: phrases are then not shown
						 * by country; the scan uses no cues */
			error_set(e, 0, 0, "%s: cannot read it", tables[t].file);
			goto fail;
		}
		if (load_table(pv, &tables[t], data, len, &arr[t], &cnt[t], e) != 0)
			goto fail;
	}
	kb->checks = arr[T_CHECKS];
	kb->nchecks = cnt[T_CHECKS];
	kb->systems = arr[T_SYSTEMS];
	kb->nsystems = cnt[T_SYSTEMS];
	kb->apps = arr[T_APPS];
	kb->napps = cnt[T_APPS];
	kb->lenders = arr[T_LENDERS];
	kb->nlenders = cnt[T_LENDERS];
	kb->phrases = arr[T_PHRASES];
	kb->nphrases = cnt[T_PHRASES];
	kb->brands = arr[T_BRANDS];
	kb->nbrands = cnt[T_BRANDS];
	kb->replies = arr[T_REPLIES];
	kb->nreplies = cnt[T_REPLIES];
	pv->langs = arr[T_LANGS];
	pv->nlangs = cnt[T_LANGS];
	if (join_cues(kb, arr + T_NEGATION, cnt + T_NEGATION) != 0) {
		kb_release(kb);
		return error_set(e, 0, 0, "out of memory");
	}
	if (group_rows(kb->checks, kb->nchecks, sizeof *kb->checks,
	    offsetof(struct kb_check, code)) != 0 ||
	    group_rows(kb->replies, kb->nreplies, sizeof *kb->replies,
	    offsetof(struct kb_reply, code)) != 0 || index_apps(kb, pv) != 0) {
		kb_release(kb);
		return error_set(e, 0, 0, "out of memory");
	}
	return 0;
fail:
	for (t = 0; t < T_COUNT; t++)
		free(arr[t]);
	kb_release(kb);
	return -1;
}

void
kb_release(struct kb *kb)
{
	struct kb_private *pv = kb->mem;

	if (pv) {
		struct kb_chunk *c = pv->chunks;
		while (c) {
			struct kb_chunk *next = c->next;
			free(c);
			c = next;
		}
		free(pv->langs);
		free(pv->app_exact);
		free(pv->app_prefix);
		free(pv);
	}
	free(kb->checks);
	free(kb->systems);
	free(kb->apps);
	free(kb->lenders);
	free(kb->phrases);
	free(kb->cues);
	free(kb->brands);
	free(kb->replies);
	memset(kb, 0, sizeof *kb);
}
