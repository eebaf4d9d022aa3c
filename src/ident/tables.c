/* SPDX-License-Identifier: MIT */
/* tables: the facts the identifier engine reads from data/:
 * reporting bodies (reporting-bodies.tsv) and known placeholder IMEIs
 * (imei-placeholders.tsv). */
#include <stdlib.h>
#include <string.h>

#include "lib/grow.h"
#include "ident/ident.h"
#include "lib/tsv.h"

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

static int
load_rb(struct ident_tables *t, const char *data, size_t len, struct error *e)
{
	struct tsv tsv;
	struct tsv_row row;
	int c_code, c_name, c_status, r;

	if (tsv_open(&tsv, "reporting-bodies.tsv", data, len, e) != 0)
		return -1;
	c_code = tsv_column(&tsv, "code");
	c_name = tsv_column(&tsv, "name");
	c_status = tsv_column(&tsv, "status");
	if (c_code < 0 || c_name < 0 || c_status < 0)
		return error_set(e, 0, 0, "reporting-bodies.tsv: needs columns code, name, status");
	while ((r = tsv_next(&tsv, &row, e)) == 1) {
		const struct tsv_field *f = &row.f[c_code];
		struct ident_rb *rb;
		int code;

		if (f->n != 2 || f->p[0] < '0' || f->p[0] > '9' || f->p[1] < '0' || f->p[1] > '9')
			return error_set(e, row.line, 0,
			    "reporting-bodies.tsv: line %ld: code must be two digits", row.line);
		code = (f->p[0] - '0') * 10 + (f->p[1] - '0');
		rb = &t->rb[code];
		rb->code = code;
		tsv_copy(&row, c_name, rb->name, sizeof rb->name);
		if (tsv_equals(&row, c_status, "active"))
			rb->status = RB_ACTIVE;
		else if (tsv_equals(&row, c_status, "former"))
			rb->status = RB_FORMER;
		else if (tsv_equals(&row, c_status, "test"))
			rb->status = RB_TEST;
		else if (tsv_equals(&row, c_status, "reserved"))
			rb->status = RB_RESERVED;
		else
			return error_set(e, row.line, 0,
			    "reporting-bodies.tsv: line %ld: status must be active, former, test or reserved",
			    row.line);
		t->rb_known[code] = 1;
	}
	return r;
}

static int
load_placeholders(struct ident_tables *t, const char *data, size_t len, struct error *e)
{
	struct tsv tsv;
	struct tsv_row row;
	size_t cap = 0;
	int c_imei, r;

	if (tsv_open(&tsv, "imei-placeholders.tsv", data, len, e) != 0)
		return -1;
	if ((c_imei = tsv_column(&tsv, "imei")) < 0)
		return error_set(e, 0, 0, "imei-placeholders.tsv: needs a column imei");
	while ((r = tsv_next(&tsv, &row, e)) == 1) {
		uint64_t v;

		if (row.f[c_imei].n != 15 || ident_parse_digits(row.f[c_imei].p, 15, &v) != 0)
			return error_set(e, row.line, 0,
			    "imei-placeholders.tsv: line %ld: imei must be 15 digits", row.line);
		if (grow_array(&t->placeholders, &cap, t->nplaceholders + 1,
		    sizeof *t->placeholders) != 0)
			return error_set(e, 0, 0, "out of memory");
		t->placeholders[t->nplaceholders++] = v;
	}
	if (r == 0 && t->nplaceholders > 1)
		qsort(t->placeholders, t->nplaceholders, sizeof *t->placeholders, cmp_u64);
	return r;
}

int
ident_tables_load(struct ident_tables *t, const char *rb_tsv, size_t rb_len,
    const char *ph_tsv, size_t ph_len, struct error *e)
{
	memset(t, 0, sizeof *t);
	if (load_rb(t, rb_tsv, rb_len, e) != 0 ||
	    load_placeholders(t, ph_tsv, ph_len, e) != 0) {
		ident_tables_release(t);
		return -1;
	}
	return 0;
}

void
ident_tables_release(struct ident_tables *t)
{
	free(t->placeholders);
	t->placeholders = NULL;
	t->nplaceholders = 0;
}

const struct ident_rb *
ident_reporting_body(const struct ident_tables *t, int code)
{
	if (code < 0 || code > 99 || !t->rb_known[code])
		return NULL;
	return &t->rb[code];
}

int
ident_placeholder_known(const struct ident_tables *t, const char *d)
{
	uint64_t v;
	size_t lo = 0, hi = t->nplaceholders;

	if (hi == 0 || ident_parse_digits(d, 15, &v) != 0)
		return 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->placeholders[mid] < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < t->nplaceholders && t->placeholders[lo] == v;
}
