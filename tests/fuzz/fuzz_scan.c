/* SPDX-License-Identifier: MIT */
/* fuzz_scan: one listing made of arbitrary fields (the input is cut into
 * fields at 0xFF bytes, each given a role by its first byte) through the
 * scan core; every finding must point inside its listing and every
 * reason must be a known one; every output format writes it, the JSON as
 * one line of valid UTF-8. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kb/blob.h"
#include "lib/utf8.h"
#include "scan/format.h"
#include "scan/scan.h"
#include "ident/tac.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct ident_tables t;
	static struct kb kb;
	static struct tac_db db;
	static struct scan s;
	static struct scan_result res;
	static struct scanfmt fmt;
	static int loaded;
	struct scanfmt_listing l;
	struct buf b;
	struct scan_field f[16];
	struct scan_listing in;
	size_t i = 0, nf = 0;

	if (!loaded) {
		const struct blob *rb = blob_find("reporting-bodies.tsv");
		const struct blob *ph = blob_find("imei-placeholders.tsv");
		const struct blob *tac = blob_find("tac.tsv");
		struct error e;
		tac_db_init(&db);
		if (ident_tables_load(&t, rb->data, rb->len, ph->data, ph->len, &e) != 0 ||
		    kb_load(&kb, blob_get, NULL, &e) != 0 ||
		    tac_db_add_tsv(&db, "tac.tsv", tac->data, tac->len, &e) != 0)
			abort();
		tac_db_finish(&db);
		if (scan_init(&s, &kb, &t, &db, &e) != 0 || scanfmt_init(&fmt, &s) != 0 ||
		    scanfmt_file(&fmt, "fuzz.csv") != 0)
			abort();
		loaded = 1;
	}
	while (i < size && nf < 16) {
		const uint8_t *end = memchr(data + i, 0xFF, size - i);
		size_t n = end ? (size_t)(end - (data + i)) : size - i;
		if (n > 0) {
			f[nf].name = "field";
			f[nf].namelen = 5;
			f[nf].role = (enum scan_role)(data[i] % SCAN_NROLES);
			f[nf].p = (const char *)data + i + 1;
			f[nf].len = n - 1;
			nf++;
		}
		i += n + 1;
	}
	in.f = f;
	in.nf = nf;
	scan_listing(&s, &in, &res);
	if (res.reasons >> SCAN_NREASONS)
		abort();
	for (i = 0; i < res.nids; i++)
		if (res.ids[i].field >= nf)
			abort();
	for (i = 0; i < res.nhits; i++)
		if (res.hits[i].field >= nf ||
		    res.hits[i].off + res.hits[i].len > f[res.hits[i].field].len)
			abort();
	memset(&l, 0, sizeof l);
	l.file = "fuzz.csv";
	l.line = l.row = 2;
	l.f = f;
	l.nf = nf;
	l.reasons = res.reasons;
	l.ids = res.ids;
	l.nids = res.nids;
	l.hits = res.hits;
	l.nhits = res.nhits;
	if (nf) {
		l.seller = f[0].p;
		l.sellerlen = f[0].len;
	}
	buf_init_mem(&b);
	scanfmt_json(&b, &fmt, &l);
	if (b.err || !b.len || b.mem[b.len - 1] != '\n' || memchr(b.mem, '\n', b.len - 1) ||
	    !utf8_valid(b.mem, b.len))
		abort();
	b.len = 0;
	scanfmt_csv(&b, &fmt, &l);
	scanfmt_long(&b, &fmt, &l);
	scanfmt_keyed(&b, &l);
	if (b.err)
		abort();
	buf_release(&b);
	return 0;
}
