/* SPDX-License-Identifier: MIT */
/* columns: names compared in a folded form, looked up by binary search. */
#include <stdlib.h>
#include <string.h>

#include "lib/casefold.h"
#include "lib/grow.h"
#include "lib/tsv.h"
#include "lib/utf8.h"
#include "scan/columns.h"

static const char *const role_names[SCAN_NROLES] = {
	[SCAN_OTHER] = "other", [SCAN_ID] = "id", [SCAN_TITLE] = "title",
	[SCAN_TEXT] = "text", [SCAN_IMEI] = "imei", [SCAN_BRAND] = "brand",
	[SCAN_MODEL] = "model", [SCAN_SELLER] = "seller", [SCAN_PRICE] = "price",
	[SCAN_CATEGORY] = "category", [SCAN_DATA] = "data",
};

const char *
scan_role_name(enum scan_role r)
{
	return (unsigned)r < SCAN_NROLES ? role_names[r] : "other";
}

int
scan_role_parse(const char *name, size_t n)
{
	int r;

	for (r = 0; r < SCAN_NROLES; r++)
		if (strlen(role_names[r]) == n && memcmp(role_names[r], name, n) == 0)
			return r;
	return -1;
}

/* Separators: ASCII that is not a letter or digit, and the Unicode
 * spaces and general punctuation. */
static int
is_separator(uint32_t cp)
{
	if (cp < 0x80)
		return !((cp >= '0' && cp <= '9') || ((cp | 32) >= 'a' && (cp | 32) <= 'z'));
	return casefold_is_space(cp) || (cp >= 0x2000 && cp <= 0x206F) ||
	    cp == 0xFEFF || (cp >= 0x3000 && cp <= 0x3003) || cp == 0xFF3F;
}

size_t
columns_key(const char *p, size_t n, char *out, size_t cap)
{
	size_t i = 0, w = 0;

	while (i < n) {
		uint32_t cp, f[2];
		size_t k, m, j;
		char u[8];

		i += utf8_decode(p + i, n - i, &cp);
		if (is_separator(cp))
			continue;
		m = casefold_full(cp, f);
		for (j = 0; j < m; j++) {
			k = utf8_encode(f[j], u);
			if (w + k >= cap)
				goto out;
			memcpy(out + w, u, k);
			w += k;
		}
	}
out:
	out[w] = '\0';
	return w;
}

static int
cmp_key(const char *a, size_t an, const char *b, size_t bn)
{
	int c = memcmp(a, b, an < bn ? an : bn);

	return c ? c : an < bn ? -1 : an > bn;
}

/* qsort cannot see text: sort by insertion on load instead (a few hundred
 * names, once). */
static void
insert_sorted(struct columns *c, const struct columns_name *nm)
{
	size_t lo = 0, hi = c->nnames;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct columns_name *x = &c->names[mid];

		if (cmp_key(c->text + x->key, x->keylen, c->text + nm->key, nm->keylen) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < c->nnames && cmp_key(c->text + c->names[lo].key, c->names[lo].keylen,
	    c->text + nm->key, nm->keylen) == 0)
		return;		/* the first row with a name wins */
	memmove(&c->names[lo + 1], &c->names[lo], (c->nnames - lo) * sizeof *c->names);
	c->names[lo] = *nm;
	c->nnames++;
}

int
columns_load(struct columns *c, const char *tsv, size_t n, struct error *e)
{
	struct tsv t;
	struct tsv_row row;
	size_t cap = 0, capt = 0, used = 0;
	int in, ir, it, r;

	memset(c, 0, sizeof *c);
	if (tsv_open(&t, "columns.tsv", tsv, n, e) != 0)
		return -1;
	in = tsv_column(&t, "name");
	ir = tsv_column(&t, "role");
	it = tsv_column(&t, "nested");
	if (in < 0 || ir < 0 || it < 0)
		return error_set(e, t.header.line, 0,
		    "columns.tsv: the header needs name, role and nested");
	while ((r = tsv_next(&t, &row, e)) == 1) {
		struct columns_name nm;
		char key[COLUMNS_KEY_MAX];
		size_t k = columns_key(row.f[in].p, row.f[in].n, key, sizeof key);
		int role = scan_role_parse(row.f[ir].p, row.f[ir].n);

		if (role < 0 || role == SCAN_OTHER) {
			error_set(e, row.line, 0, "columns.tsv: unknown role '%.*s'",
			    (int)(row.f[ir].n < 32 ? row.f[ir].n : 32), row.f[ir].p);
			goto fail;
		}
		if (!tsv_equals(&row, it, "top") && !tsv_equals(&row, it, "leaf")) {
			error_set(e, row.line, 0, "columns.tsv: nested must be top or leaf");
			goto fail;
		}
		if (k == 0) {
			error_set(e, row.line, 0, "columns.tsv: a name needs a letter or digit");
			goto fail;
		}
		if (grow_array(&c->names, &cap, c->nnames + 1, sizeof *c->names) != 0 ||
		    grow_array(&c->text, &capt, used + k + 1, 1) != 0) {
			error_set(e, row.line, 0, "out of memory");
			goto fail;
		}
		memcpy(c->text + used, key, k + 1);
		nm.key = used;
		nm.keylen = (unsigned)k;
		nm.role = (unsigned char)role;
		nm.top = tsv_equals(&row, it, "top");
		used += k + 1;
		insert_sorted(c, &nm);
	}
	if (r == 0)
		return 0;
fail:
	columns_release(c);
	return -1;
}

void
columns_release(struct columns *c)
{
	free(c->names);
	free(c->text);
	memset(c, 0, sizeof *c);
}

int
columns_name(struct columns *c, enum scan_role role, const char *name, int replaces,
    struct error *e)
{
	struct columns_custom *u;

	if (c->ncustom == COLUMNS_MAX_CUSTOM)
		return error_set(e, 0, 0, "more than %d column names", COLUMNS_MAX_CUSTOM);
	u = &c->custom[c->ncustom++];
	u->given = name;
	u->keylen = columns_key(name, strlen(name), u->key, sizeof u->key);
	u->role = role;
	u->replaces = replaces;
	u->matched = 0;
	if (replaces)
		c->custom_roles |= 1u << role;
	return 0;
}

void
columns_new_input(struct columns *c)
{
	size_t i;

	for (i = 0; i < c->ncustom; i++)
		c->custom[i].matched = 0;
}

/* The table's role for key, or -1. */
static int
table_role(const struct columns *c, const char *key, size_t n, int whole)
{
	size_t lo = 0, hi = c->nnames;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct columns_name *x = &c->names[mid];
		int d = cmp_key(c->text + x->key, x->keylen, key, n);

		if (d < 0) {
			lo = mid + 1;
		} else if (d > 0) {
			hi = mid;
		} else {
			if ((!whole && x->top) || (c->custom_roles & 1u << x->role))
				return -1;
			return x->role;
		}
	}
	return -1;
}

/* Where the last parts of the path (p, n) begin: after each '.' that is
 * not inside brackets; at most 8, in order. */
static size_t
part_starts(const char *p, size_t n, size_t *at, size_t max)
{
	size_t i, k = 0;

	for (i = 0; i < n && k < max; i++)
		if (p[i] == '.' && i + 1 < n)
			at[k++] = i + 1;
	return k;
}

/* The compared form of a path, without its [n] indices. */
static size_t
path_key(const char *p, size_t n, char *out, size_t cap)
{
	char tmp[COLUMNS_KEY_MAX * 2];
	size_t i, w = 0;

	for (i = 0; i < n && w < sizeof tmp; i++) {
		if (p[i] == '[') {
			while (i < n && p[i] != ']')
				i++;
			continue;
		}
		tmp[w++] = p[i];
	}
	return columns_key(tmp, w, out, cap);
}

enum scan_role
columns_role(struct columns *c, const char *p, size_t n)
{
	char key[COLUMNS_KEY_MAX];
	size_t k = path_key(p, n, key, sizeof key), i, at[8], nat;
	int r;

	for (i = 0; i < c->ncustom; i++)
		if (c->custom[i].keylen == k && memcmp(c->custom[i].key, key, k) == 0) {
			c->custom[i].matched = 1;
			return c->custom[i].role;
		}
	if ((r = table_role(c, key, k, 1)) >= 0)
		return (enum scan_role)r;
	nat = part_starts(p, n, at, sizeof at / sizeof at[0]);
	for (i = 0; i < nat; i++) {
		k = path_key(p + at[i], n - at[i], key, sizeof key);
		if ((r = table_role(c, key, k, 0)) >= 0)
			return (enum scan_role)r;
	}
	return SCAN_OTHER;
}
