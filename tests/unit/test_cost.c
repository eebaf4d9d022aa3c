/* SPDX-License-Identifier: MIT */
/* test_cost: loading a data table costs near-linear work in its rows,
 * counted rather than timed: this binary defines strcmp, strlen, memcmp
 * and qsort itself, so every call the library makes to them, and every
 * comparison a sort makes, is counted (the library is linked statically
 * into it).  Each table gets N rows made to
 * be the worst case of the old code (every phrase or country distinct);
 * the bound is 200 calls a row, where the quadratic code made N / 2. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ident/ident.h"
#include "ident/tac.h"
#include "kb/blob.h"
#include "kb/kb.h"
#include "lib/buf.h"
#include "scan/scan.h"
#include "harness.h"

static unsigned long long calls;

/* The counting copies of the three comparisons the loaders use. */
int
strcmp(const char *a, const char *b)
{
	calls++;
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return (unsigned char)*a - (unsigned char)*b;
}

size_t
strlen(const char *s)
{
	const char *p = s;

	calls++;
	while (*p)
		p++;
	return (size_t)(p - s);
}

int
memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;
	size_t i;

	calls++;
	for (i = 0; i < n; i++)
		if (x[i] != y[i])
			return x[i] - y[i];
	return 0;
}

/* A heapsort standing in for libc's, so that the comparisons of sorts
 * count too (through the comparator's calls, counted here). */
void
qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	unsigned char *a = base, t;
	size_t start, end, root, child, k;

#define AT(i) (a + (i) * size)
#define SWAP(i, j) for (k = 0; k < size; k++) { t = AT(i)[k]; AT(i)[k] = AT(j)[k]; AT(j)[k] = t; }
	if (n < 2)
		return;
	for (start = n / 2; start-- > 0;)
		for (root = start; (child = 2 * root + 1) < n; root = child) {
			if (child + 1 < n && (calls++, cmp(AT(child), AT(child + 1)) < 0))
				child++;
			if (calls++, cmp(AT(root), AT(child)) >= 0)
				break;
			SWAP(root, child);
		}
	for (end = n - 1; end > 0; end--) {
		SWAP(0, end);
		for (root = 0; (child = 2 * root + 1) < end; root = child) {
			if (child + 1 < end && (calls++, cmp(AT(child), AT(child + 1)) < 0))
				child++;
			if (calls++, cmp(AT(root), AT(child)) >= 0)
				break;
			SWAP(root, child);
		}
	}
#undef AT
#undef SWAP
}

#define N 20000
#define BOUND (200ULL * N)
#define SRC "\thttps://example.org/a\t2026-01-01\treported\n"

/* One table replaced by generated text, the others built in. */
struct gen {
	const char *name;
	char *text;
	size_t len;
};

static int
get(void *ctx, const char *name, const char **data, size_t *len)
{
	const struct gen *g = ctx;

	if (strcmp(name, g->name) == 0) {
		*data = g->text;
		*len = g->len;
		return 0;
	}
	return blob_get(NULL, name, data, len);
}

static void
gen_table(struct gen *g, const char *name, const char *header, const char *fmt)
{
	struct buf b;
	long i;

	buf_init_mem(&b);
	buf_puts(&b, header);
	for (i = 0; i < N; i++)
		buf_printf(&b, fmt, i, i % 7, i);
	g->name = name;
	g->len = b.len;
	g->text = b.mem;	/* freed by the caller */
}

static void
report(const char *what, unsigned long long n)
{
	if (n > BOUND) {
		char m[160];
		snprintf(m, sizeof m, "%s: %llu calls for %d rows, over %llu", what, n, N, BOUND);
		h_note(__FILE__, __LINE__, m);
	} else {
		printf("  %s: %llu calls for %d rows (%.1f a row)\n", what, n, N, (double)n / N);
	}
}

/* phrases.tsv of N distinct phrases: kb_load and scan_init (merging the
 * phrases of several languages). */
static void
test_phrases(void)
{
	static struct ident_tables t;
	struct gen g;
	struct kb kb;
	struct scan s;
	struct error e;
	struct tac_db db;
	const struct blob *rb = blob_find("reporting-bodies.tsv"), *ph = blob_find("imei-placeholders.tsv");

	gen_table(&g, "phrases.tsv", "phrase\tlanguage\tcategory\tweight\tsource\tchecked\tconfidence\n",
	    "word%ld lock w%ld x%ld\ten\tlock\t2" SRC);
	CHECK_INT(ident_tables_load(&t, rb->data, rb->len, ph->data, ph->len, &e), 0);
	tac_db_init(&db);
	tac_db_finish(&db);
	calls = 0;
	CHECK_INT(kb_load(&kb, get, &g, &e), 0);
	report("phrases.tsv: kb_load", calls);
	calls = 0;
	/* the matcher may refuse this many phrases (its 64 MB cap): what is
	 * counted is the work before it says so */
	if (scan_init(&s, &kb, &t, &db, &e) == 0)
		scan_release(&s);
	report("phrases.tsv: scan_init", calls);
	kb_release(&kb);
	tac_db_release(&db);
	ident_tables_release(&t);
	free(g.text);
}

/* countries.tsv and registry-replies.tsv of N distinct countries: their
 * rows are grouped by country when loaded. */
static void
test_countries(void)
{
	struct gen g;
	struct kb kb;
	struct error e;

	gen_table(&g, "countries.tsv", "code\tname\tcheck_name\thow\tchecks\tresult_meaning\t"
	    "limits\tinstead\tsource\tchecked\tconfidence\n",
	    "C%ld\tLand %ld\tcheck %ld\thow\ttheft\tm\tl\ti" SRC);
	calls = 0;
	CHECK_INT(kb_load(&kb, get, &g, &e), 0);
	report("countries.tsv: kb_load", calls);
	CHECK_INT(kb.nchecks, N);
	kb_release(&kb);
	free(g.text);
	gen_table(&g, "registry-replies.tsv", "code\tcheck_name\treply\tshown\tmeaning\toutcome\t"
	    "source\tchecked\tconfidence\n", "R%ld\tcheck\treply %ld\tshown %ld\tm\tclean" SRC);
	calls = 0;
	if (kb_load(&kb, get, &g, &e) == 0) {
		report("registry-replies.tsv: kb_load", calls);
		kb_release(&kb);
	} else {
		h_note(__FILE__, __LINE__, e.msg);
	}
	free(g.text);
}

/* lock-apps.tsv of N packages, then N lookups (apps reads a phone's
 * whole package list). */
static void
test_lock_apps(void)
{
	struct gen g;
	struct kb kb;
	struct error e;
	char name[64];
	long i, found = 0, want = 0;

	gen_table(&g, "lock-apps.tsv", "package\tsystem\tstrength\tpreinstalled\tgrade_reason\t"
	    "what_to_do\tsource\tchecked\tconfidence\n",
	    "com.example.app%ld\tpayjoy\tweak\tno\treason %ld\tdo %ld" SRC);
	calls = 0;
	CHECK_INT(kb_load(&kb, get, &g, &e), 0);
	for (i = 0; i < N; i++) {
		snprintf(name, sizeof name, "com.example.app%ld", (i * 7919) % (2 * N));
		found += kb_lock_app_find(&kb, name) != NULL;
		want += (i * 7919) % (2 * N) < N;
	}
	report("lock-apps.tsv: kb_load and one lookup a row", calls);
	CHECK_INT(found, want);
	kb_release(&kb);
	free(g.text);
}

int
main(void)
{
	RUN(test_phrases);
	RUN(test_countries);
	RUN(test_lock_apps);
	return h_done();
}
