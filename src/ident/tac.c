/* SPDX-License-Identifier: MIT */
/* tac: a sorted table of TACs with brand and model, loaded from TSV or the
 * Osmocom CSV export, searched by binary search. */
#include <stdlib.h>
#include <string.h>

#include "lib/grow.h"
#include "lib/csv.h"
#include "ident/tac.h"
#include "lib/tsv.h"

#define ARENA_BLOCK (64 * 1024)

struct tac_arena {
	struct tac_arena *next;
	size_t used;
	char mem[ARENA_BLOCK];
};

void
tac_db_init(struct tac_db *db)
{
	memset(db, 0, sizeof *db);
}

static const char *
arena_copy(struct tac_db *db, const char *p, size_t n)
{
	struct tac_arena *a = db->arena;
	char *s;

	if (n >= ARENA_BLOCK)
		n = ARENA_BLOCK - 1;
	if (!a || a->used + n + 1 > ARENA_BLOCK) {
		a = malloc(sizeof *a);
		if (!a)
			return NULL;
		a->next = db->arena;
		a->used = 0;
		db->arena = a;
	}
	s = a->mem + a->used;
	memcpy(s, p, n);
	s[n] = '\0';
	a->used += n + 1;
	return s;
}

/* Parses an 8-digit TAC, allowing surrounding spaces.  -1 if not one. */
static int
parse_tac(const char *p, size_t n, uint32_t *out)
{
	uint32_t v = 0;
	size_t i, digits = 0;

	while (n > 0 && p[0] == ' ') {
		p++;
		n--;
	}
	while (n > 0 && p[n - 1] == ' ')
		n--;
	for (i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return -1;
		v = v * 10 + (uint32_t)(p[i] - '0');
		digits++;
	}
	if (digits != 8)
		return -1;
	*out = v;
	return 0;
}

static int
add(struct tac_db *db, uint32_t tac, const char *brand, size_t bn,
    const char *model, size_t mn)
{
	struct tac_entry *e;

	if (grow_array(&db->e, &db->cap, db->n + 1, sizeof *db->e) != 0)
		return -1;
	e = &db->e[db->n];
	e->tac = tac;
	e->order = (uint32_t)db->n;
	if (!(e->brand = arena_copy(db, brand, bn)) || !(e->model = arena_copy(db, model, mn)))
		return -1;
	db->n++;
	db->sorted = 0;
	return 0;
}

int
tac_db_add_tsv(struct tac_db *db, const char *name, const char *data, size_t len,
    struct error *e)
{
	struct tsv t;
	struct tsv_row row;
	int ct, cb, cm, r;

	if (tsv_open(&t, name, data, len, e) != 0)
		return -1;
	ct = tsv_column(&t, "tac");
	cb = tsv_column(&t, "brand");
	cm = tsv_column(&t, "model");
	if (ct < 0 || cb < 0 || cm < 0)
		return error_set(e, 0, 0, "%s: needs columns tac, brand, model", name);
	while ((r = tsv_next(&t, &row, e)) == 1) {
		uint32_t tac;
		if (parse_tac(row.f[ct].p, row.f[ct].n, &tac) != 0)
			return error_set(e, row.line, 0, "%s: line %ld: the TAC must be 8 digits",
			    name, row.line);
		if (add(db, tac, row.f[cb].p, row.f[cb].n, row.f[cm].p, row.f[cm].n) != 0)
			return error_set(e, 0, 0, "out of memory");
	}
	return r;
}

struct osmocom_load {
	struct tac_db *db;
	long added;
	int header_seen;
	int oom;
};

/* One record of the Osmocom export: line 1 is the licence notice, line 2
 * the header "tac,name,name,...", then tac, brand, model, ... */
static int
osmocom_record(void *ctx, const struct csv_record *rec, const struct error *bad)
{
	struct osmocom_load *l = ctx;
	uint32_t tac;

	if (bad || rec->nfields < 3)
		return 0;	/* the licence line, or a damaged row: skipped */
	if (!l->header_seen) {
		l->header_seen = rec->fields[0].len == 3 && memcmp(rec->fields[0].p, "tac", 3) == 0;
		return 0;
	}
	if (parse_tac(rec->fields[0].p, rec->fields[0].len, &tac) != 0)
		return 0;
	if (add(l->db, tac, rec->fields[1].p, rec->fields[1].len, rec->fields[2].p,
	    rec->fields[2].len) != 0) {
		l->oom = 1;
		return 1;
	}
	l->added++;
	return 0;
}

long
tac_db_add_osmocom(struct tac_db *db, const char *data, size_t len, struct error *e)
{
	struct osmocom_load l = {db, 0, 0, 0};

	if (csv_parse_buffer(data, len, 64 * 1024, osmocom_record, &l, e) < 0 || l.oom)
		return error_set(e, 0, 0, "out of memory");
	if (!l.header_seen)
		return error_set(e, 0, 0,
		    "not an Osmocom TAC database: no header line starting with 'tac,'");
	return l.added;
}

static int
cmp_entry(const void *a, const void *b)
{
	const struct tac_entry *x = a, *y = b;

	if (x->tac != y->tac)
		return x->tac < y->tac ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

void
tac_db_finish(struct tac_db *db)
{
	size_t i, k;

	if (!db->sorted && db->n > 1) {
		qsort(db->e, db->n, sizeof *db->e, cmp_entry);
		/* the same TAC, brand and model twice (a TAC written with and
		 * without a leading space) is one entry */
		for (i = 1, k = 1; i < db->n; i++) {
			const struct tac_entry *p = &db->e[k - 1], *c = &db->e[i];
			if (c->tac == p->tac && strcmp(c->brand, p->brand) == 0 &&
			    strcmp(c->model, p->model) == 0)
				continue;
			db->e[k++] = *c;
		}
		db->n = k;
	}
	db->sorted = 1;
}

const struct tac_entry *
tac_db_find(const struct tac_db *db, const char *tac8, size_t *count)
{
	size_t lo = 0, hi = db->n, end;
	uint32_t tac;

	*count = 0;
	if (!db->sorted || parse_tac(tac8, 8, &tac) != 0)
		return NULL;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (db->e[mid].tac < tac)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo >= db->n || db->e[lo].tac != tac)
		return NULL;
	for (end = lo; end < db->n && db->e[end].tac == tac; end++)
		;
	*count = end - lo;
	return &db->e[lo];
}

void
tac_db_release(struct tac_db *db)
{
	struct tac_arena *a = db->arena;

	while (a) {
		struct tac_arena *next = a->next;
		free(a);
		a = next;
	}
	free(db->e);
	memset(db, 0, sizeof *db);
}
