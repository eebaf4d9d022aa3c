/* SPDX-License-Identifier: MIT */
/* kb_find: the lookups in the loaded knowledge base: a country's checks
 * and registry replies, lists, brands (by name and in a listing's text),
 * lock systems and lock apps (by package, exact or by prefix), a
 * country's languages. */
#include <stddef.h>
#include <string.h>

#include "kb/kb.h"
#include "kb/kb_priv.h"

/* The first (in file order) row whose key is p[0..n) in the sorted a, or
 * -1. */
static long
find_key(const struct kb_app_key *a, size_t count, const char *p, size_t n)
{
	size_t lo = 0, hi = count;
	struct kb_app_key want;

	want.key = p;
	want.len = n;
	want.row = 0;
	while (lo < hi) {		/* the first key not below want */
		size_t mid = lo + (hi - lo) / 2;
		if (kb_by_app_key(&a[mid], &want) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < count && a[lo].len == n && memcmp(a[lo].key, p, n) == 0)
		return (long)a[lo].row;
	return -1;
}

/* -------------------------------------------------- countries and replies */
const struct kb_check *
kb_country_checks(const struct kb *kb, const char *code, size_t *n)
{
	size_t i, k;

	*n = 0;
	for (i = 0; i < kb->nchecks; i++) {
		if (!kb_equal_ci(code, strlen(code), kb->checks[i].code))
			continue;
		for (k = i; k < kb->nchecks && kb_equal_ci(code, strlen(code), kb->checks[k].code); k++)
			;
		*n = k - i;
		return &kb->checks[i];
	}
	return NULL;
}

const struct kb_reply *
kb_country_replies(const struct kb *kb, const char *code, size_t *n)
{
	size_t i, k;

	*n = 0;
	for (i = 0; i < kb->nreplies; i++) {
		if (!kb_equal_ci(code, strlen(code), kb->replies[i].code))
			continue;
		for (k = i; k < kb->nreplies && kb_equal_ci(code, strlen(code), kb->replies[k].code);
		    k++)
			;
		*n = k - i;
		return &kb->replies[i];
	}
	return NULL;
}

const struct kb_reply *
kb_reply_find(const struct kb *kb, const char *code, const char *check_name, const char *reply)
{
	const struct kb_reply *r;
	size_t i, n;

	if (!(r = kb_country_replies(kb, code, &n)))
		return NULL;
	for (i = 0; i < n; i++)
		if (strcmp(r[i].check_name, check_name) == 0 && strcmp(r[i].reply, reply) == 0)
			return &r[i];
	return NULL;
}

/* --------------------------------------------------- lists, brands, locks */

/* 1 when the ';'-joined list holds s[0..n) (case-insensitive). */
static int
list_has_n(const char *list, const char *s, size_t n)
{
	const char *p = list;

	while (*p) {
		const char *end = strchr(p, ';');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		const char *q = p;

		while (len > 0 && *q == ' ') {
			q++;
			len--;
		}
		while (len > 0 && q[len - 1] == ' ')
			len--;
		if (len == n && n > 0) {
			size_t i;
			for (i = 0; i < n && kb_lower((unsigned char)q[i]) == kb_lower((unsigned char)s[i]); i++)
				;
			if (i == n)
				return 1;
		}
		if (!end)
			break;
		p = end + 1;
	}
	return 0;
}

int
kb_list_has(const char *list, const char *code)
{
	if (!list || !code)
		return 0;
	return list_has_n(list, "global", 6) || list_has_n(list, code, strlen(code));
}

const struct kb_brand *
kb_brand_find(const struct kb *kb, const char *name)
{
	size_t i;

	for (i = 0; i < kb->nbrands; i++)
		if (kb_equal_ci(name, strlen(name), kb->brands[i].brand) ||
		    list_has_n(kb->brands[i].aliases, name, strlen(name)))
			return &kb->brands[i];
	return NULL;
}

const struct kb_brand *
kb_brand_generic(const struct kb *kb)
{
	size_t i;

	for (i = 0; i < kb->nbrands; i++)
		if (strcmp(kb->brands[i].brand, "android") == 0)
			return &kb->brands[i];
	return NULL;
}

static int
is_word_byte(unsigned char c)
{
	/* bytes of non-ASCII letters count as word bytes, so "mi" is not
	 * found in "miércoles" */
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	    c >= 0x80;
}

/* The first whole-word position of name[0..m) in text, or -1.  A digit
 * may follow the name ("Redmi9A", "Pixel7"); nothing else may touch it. */
static long
find_word(const char *text, size_t n, const char *name, size_t m)
{
	size_t i, k;

	if (m == 0 || m > n)
		return -1;
	for (i = 0; i + m <= n; i++) {
		if (i > 0 && is_word_byte((unsigned char)text[i - 1]))
			continue;
		for (k = 0; k < m && kb_lower((unsigned char)text[i + k]) == kb_lower((unsigned char)name[k]); k++)
			;
		if (k < m)
			continue;
		if (i + m < n) {
			unsigned char c = (unsigned char)text[i + m];
			if (is_word_byte(c) && !(c >= '0' && c <= '9'))
				continue;
		}
		return (long)i;
	}
	return -1;
}

struct brand_hit {
	const struct kb_brand *brand;
	size_t len;
	long pos;
};

/* Keeps b in hit when name[0..m) is found and beats what hit holds: the
 * longest name wins (so "mi" loses to "Samsung" in "vendo mi Samsung"),
 * then the earliest. */
static void
try_name(const char *text, size_t n, const struct kb_brand *b, const char *name, size_t m,
    struct brand_hit *hit)
{
	long pos = find_word(text, n, name, m);

	if (pos >= 0 && (m > hit->len || (m == hit->len && pos < hit->pos))) {
		hit->brand = b;
		hit->len = m;
		hit->pos = pos;
	}
}

const struct kb_brand *
kb_brand_in_text(const struct kb *kb, const char *text, size_t n)
{
	const struct kb_brand *generic = kb_brand_generic(kb);
	struct brand_hit hit = { NULL, 0, -1 };
	size_t i;

	for (i = 0; i < kb->nbrands; i++) {
		const struct kb_brand *b = &kb->brands[i];
		const char *p = b->aliases;

		if (b == generic)
			continue;
		try_name(text, n, b, b->brand, strlen(b->brand), &hit);
		while (*p) {
			const char *end = strchr(p, ';');
			size_t m = end ? (size_t)(end - p) : strlen(p);

			try_name(text, n, b, p, m, &hit);
			if (!end)
				break;
			p = end + 1;
		}
	}
	return hit.brand;
}

const struct kb_lock_system *
kb_lock_system_find(const struct kb *kb, const char *id)
{
	size_t i;

	for (i = 0; id && i < kb->nsystems; i++)
		if (strcmp(kb->systems[i].id, id) == 0)
			return &kb->systems[i];
	return NULL;
}

int
kb_lock_app_is_prefix(const struct kb_lock_app *a)
{
	size_t n = strlen(a->package);

	return n >= 2 && a->package[n - 2] == '.' && a->package[n - 1] == '*';
}

const struct kb_lock_app *
kb_lock_app_find(const struct kb *kb, const char *package)
{
	const struct kb_private *pv = kb->mem;
	size_t n = strlen(package), m;
	long row;

	if (!pv || !pv->app_exact)
		return NULL;
	if ((row = find_key(pv->app_exact, kb->napps, package, n)) >= 0)
		return &kb->apps[row];
	/* the longest prefix row "a.b." that the package continues: each
	 * ends in a '.', so only the package's own "x." prefixes can be one */
	for (m = n > 0 ? n - 1 : 0; m > 0; m--)	/* m: bytes of a strict prefix */
		if (package[m - 1] == '.' &&
		    (row = find_key(pv->app_prefix, pv->napp_prefix, package, m)) >= 0)
			return &kb->apps[row];
	return NULL;
}

const char *
kb_country_languages(const struct kb *kb, const char *code, const struct kb_fact **fact)
{
	const struct kb_private *pv = kb->mem;
	size_t i;

	for (i = 0; pv && i < pv->nlangs; i++)
		if (kb_equal_ci(code, strlen(code), pv->langs[i].code)) {
			if (fact)
				*fact = &pv->langs[i].fact;
			return pv->langs[i].languages;
		}
	return NULL;
}
