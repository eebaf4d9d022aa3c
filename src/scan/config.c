/* SPDX-License-Identifier: MIT */
/* config: a line-oriented parser that cuts its own copy of the text into
 * strings in place. */
#include <stdlib.h>
#include <string.h>

#include "lib/grow.h"
#include "lib/utf8.h"
#include "scan/columns.h"
#include "scan/config.h"

enum { SEC_NONE, SEC_COLUMNS, SEC_PHRASES, SEC_ALLOW, SEC_CATEGORY };

struct parse {
	struct config *c;
	struct error *e;
	long line;
	char *l;		/* the line, NUL-terminated */
	int sec;
	size_t capph, capap, capas, capcat;
};

static int
fail(struct parse *ps, const char *at, const char *what)
{
	return error_set(ps->e, ps->line, (long)(at - ps->l) + 1, "%s", what);
}

static int
blank(char c)
{
	return c == ' ' || c == '\t';
}

/* s with blanks cut off both ends (in place). */
static char *
trim(char *s)
{
	size_t n;

	while (blank(*s))
		s++;
	n = strlen(s);
	while (n && blank(s[n - 1]))
		s[--n] = '\0';
	return s;
}

static int
ascii_eq(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i;

	if (an != bn)
		return 0;
	for (i = 0; i < an; i++) {
		unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];

		if ((x >= 'A' && x <= 'Z' ? x + 32 : x) != (y >= 'A' && y <= 'Z' ? y + 32 : y))
			return 0;
	}
	return 1;
}

/* The key and value of "key = value" (both trimmed), or -1. */
static int
key_value(struct parse *ps, char **key, char **val)
{
	char *eq = strchr(ps->l, '=');

	if (!eq)
		return fail(ps, ps->l, "expected KEY = VALUE");
	*eq = '\0';
	*key = trim(ps->l);
	*val = trim(eq + 1);
	if (!**key)
		return fail(ps, ps->l, "a key is missing before '='");
	if (!**val)
		return fail(ps, eq, "a value is missing after '='");
	return 0;
}

/* Calls fn for each comma-separated item of val (trimmed, non-empty). */
static int
each_item(struct parse *ps, char *val, int (*fn)(struct parse *, char *, void *), void *ctx)
{
	char *s = val, *comma;

	for (;;) {
		comma = strchr(s, ',');
		if (comma)
			*comma = '\0';
		s = trim(s);
		if (!*s)
			return fail(ps, s, "an empty item in the list");
		if (fn(ps, s, ctx) != 0)
			return -1;
		if (!comma)
			return 0;
		s = comma + 1;
	}
}

static int
add_name(struct parse *ps, char *item, void *ctx)
{
	int role = *(int *)ctx;
	struct config *c = ps->c;

	if (role < 0) {
		if (c->ninclude == CONFIG_MAX_INCLUDE)
			return fail(ps, item, "more than 16 columns to include");
		c->include[c->ninclude++] = item;
		return 0;
	}
	if (c->nnames[role] == CONFIG_MAX_NAMES)
		return fail(ps, item, "more than 16 names for one role");
	c->names[role][c->nnames[role]++] = item;
	return 0;
}

static int
columns_line(struct parse *ps)
{
	char *key, *val;
	int role;

	if (key_value(ps, &key, &val) != 0)
		return -1;
	if (strcmp(key, "include") == 0)
		role = -1;
	else if ((role = scan_role_parse(key, strlen(key))) <= SCAN_OTHER)
		return fail(ps, key, "not a role: id, title, text, imei, brand, model, seller, "
		    "price, category, data or include");
	return each_item(ps, val, add_name, &role);
}

static int
phrases_line(struct parse *ps)
{
	struct config *c = ps->c;
	struct config_phrase *ph;
	char *f[3], *s = ps->l, *rest;
	size_t k, i;

	for (k = 0; k < 3; k++) {
		while (blank(*s))
			s++;
		f[k] = s;
		while (*s && !blank(*s))
			s++;
		if (!*s)
			return fail(ps, s, "expected CATEGORY WEIGHT LANGUAGE PHRASE");
		*s++ = '\0';
	}
	rest = trim(s);
	if (scan_reason_for_phrase(f[0], 2) < 0)
		return fail(ps, f[0], "not a category: financing, lock, theft, no_proof or bypass");
	if (strlen(f[1]) != 1 || f[1][0] < '1' || f[1][0] > '3')
		return fail(ps, f[1], "the weight is 1, 2 or 3");
	for (i = 0; f[2][i]; i++)
		if (f[2][i] < 'a' || f[2][i] > 'z')
			break;
	if (i < 2 || i > 3 || f[2][i])
		return fail(ps, f[2], "the language is an ISO 639 code in lower case (es, id, sw)");
	if (!*rest)
		return fail(ps, rest, "the phrase is missing");
	if (!utf8_valid(rest, strlen(rest)))
		return fail(ps, rest, "the phrase is not valid UTF-8");
	if (c->nphrases == CONFIG_MAX_ITEMS)
		return fail(ps, rest, "more than 10000 phrases");
	if (grow_array(&c->phrases, &ps->capph, c->nphrases + 1, sizeof *c->phrases) != 0)
		return fail(ps, rest, "out of memory");
	ph = &c->phrases[c->nphrases++];
	ph->category = f[0];
	ph->weight = f[1][0] - '0';
	ph->language = f[2];
	ph->phrase = rest;
	return 0;
}

static int
allow_line(struct parse *ps)
{
	struct config *c = ps->c;
	char *key, *val;

	if (key_value(ps, &key, &val) != 0)
		return -1;
	if (strcmp(key, "phrase") == 0) {
		if (c->nallow_phrases == CONFIG_MAX_ITEMS ||
		    grow_array(&c->allow_phrases, &ps->capap, c->nallow_phrases + 1,
		    sizeof *c->allow_phrases) != 0)
			return fail(ps, val, "too many allowed phrases");
		c->allow_phrases[c->nallow_phrases++] = val;
		return 0;
	}
	if (strcmp(key, "seller") == 0) {
		if (c->nallow_sellers == CONFIG_MAX_ITEMS ||
		    grow_array(&c->allow_sellers, &ps->capas, c->nallow_sellers + 1,
		    sizeof *c->allow_sellers) != 0)
			return fail(ps, val, "too many allowed sellers");
		c->allow_sellers[c->nallow_sellers++] = val;
		return 0;
	}
	return fail(ps, key, "expected phrase = ... or seller = ...");
}

static int
add_ignore(struct parse *ps, char *item, void *ctx)
{
	unsigned *mask = ctx;
	int r;

	for (r = 0; r < SCAN_NREASONS; r++)
		if (strcmp(item, scan_reason_code((enum scan_reason)r)) == 0) {
			*mask |= 1u << r;
			return 0;
		}
	return fail(ps, item, "not a reason code (see 'handover scan --help')");
}

static int
category_line(struct parse *ps)
{
	char *key, *val;

	if (key_value(ps, &key, &val) != 0)
		return -1;
	if (strcmp(key, "ignore") != 0)
		return fail(ps, key, "expected ignore = REASON, ...");
	return each_item(ps, val, add_ignore, &ps->c->cats[ps->c->ncats - 1].ignore);
}

static int
section(struct parse *ps, char *s)
{
	struct config *c = ps->c;
	char *end = strchr(s, ']'), *name;
	size_t i;

	if (!end || *trim(end + 1))
		return fail(ps, s, "a section is [columns], [phrases], [allow] or [category NAME]");
	*end = '\0';
	name = trim(s + 1);
	if (strcmp(name, "columns") == 0)
		ps->sec = SEC_COLUMNS;
	else if (strcmp(name, "phrases") == 0)
		ps->sec = SEC_PHRASES;
	else if (strcmp(name, "allow") == 0)
		ps->sec = SEC_ALLOW;
	else if (strncmp(name, "category", 8) == 0 && blank(name[8])) {
		name = trim(name + 9);
		if (!*name)
			return fail(ps, s, "[category NAME] needs a name");
		for (i = 0; i < c->ncats; i++)
			if (ascii_eq(c->cats[i].name, strlen(c->cats[i].name), name, strlen(name)))
				return fail(ps, name, "this category has a section already");
		if (c->ncats == CONFIG_MAX_CATEGORIES ||
		    grow_array(&c->cats, &ps->capcat, c->ncats + 1, sizeof *c->cats) != 0)
			return fail(ps, name, "more than 256 categories");
		c->cats[c->ncats].name = name;
		c->cats[c->ncats++].ignore = 0;
		ps->sec = SEC_CATEGORY;
	} else {
		return fail(ps, name, "a section is [columns], [phrases], [allow] or [category NAME]");
	}
	return 0;
}

int
config_parse(struct config *c, const char *p, size_t n, struct error *e)
{
	struct parse ps;
	size_t at = 0;
	char *s;

	memset(c, 0, sizeof *c);
	memset(&ps, 0, sizeof ps);
	ps.c = c;
	ps.e = e;
	if (n > CONFIG_MAX_BYTES)
		return error_set(e, 0, 0, "larger than 1 MiB");
	if (memchr(p, '\0', n))
		return error_set(e, 0, 0, "a NUL byte: not a text file");
	if (!(c->mem = malloc(n + 1)))
		return error_set(e, 0, 0, "out of memory");
	memcpy(c->mem, p, n);
	c->mem[n] = '\0';
	if (n >= 3 && memcmp(c->mem, "\xEF\xBB\xBF", 3) == 0)
		at = 3;
	while (at < n) {
		char *nl = strchr(c->mem + at, '\n');
		int rc = 0;

		ps.line++;
		ps.l = c->mem + at;
		at = nl ? (size_t)(nl - c->mem) + 1 : n;
		if (nl)
			*nl = '\0';
		if ((s = strchr(ps.l, '\r')) != NULL && s[1] == '\0')
			*s = '\0';
		for (s = ps.l; blank(*s); s++)
			;
		if (!*s || *s == '#')
			continue;
		if (*s == '[')
			rc = section(&ps, s);
		else if (ps.sec == SEC_COLUMNS)
			rc = columns_line(&ps);
		else if (ps.sec == SEC_PHRASES)
			rc = phrases_line(&ps);
		else if (ps.sec == SEC_ALLOW)
			rc = allow_line(&ps);
		else if (ps.sec == SEC_CATEGORY)
			rc = category_line(&ps);
		else
			rc = fail(&ps, s, "a setting before any [section]");
		if (rc) {
			config_release(c);
			return -1;
		}
	}
	return 0;
}

void
config_release(struct config *c)
{
	free(c->mem);
	free(c->phrases);
	free(c->allow_phrases);
	free(c->allow_sellers);
	free(c->cats);
	memset(c, 0, sizeof *c);
}

/* (p, n) without blanks around it. */
static void
trim_span(const char **p, size_t *n)
{
	while (*n && blank(**p)) {
		(*p)++;
		(*n)--;
	}
	while (*n && blank((*p)[*n - 1]))
		(*n)--;
}

unsigned
config_category_ignore(const struct config *c, const char *p, size_t n)
{
	size_t i;

	trim_span(&p, &n);
	for (i = 0; i < c->ncats; i++)
		if (ascii_eq(c->cats[i].name, strlen(c->cats[i].name), p, n))
			return c->cats[i].ignore;
	return 0;
}

int
config_seller_allowed(const struct config *c, const char *p, size_t n)
{
	size_t i;

	trim_span(&p, &n);
	for (i = 0; i < c->nallow_sellers; i++)
		if (ascii_eq(c->allow_sellers[i], strlen(c->allow_sellers[i]), p, n))
			return 1;
	return 0;
}
