/* SPDX-License-Identifier: MIT */
/* fuzz_scan: one listing made of arbitrary fields (the input is cut into
 * fields at 0xFF bytes, each given a role by its first byte) through the
 * scan core: every finding must point inside its listing, every reason
 * and status be a known one, every cue a real one; every output format
 * writes it, the JSON as one line of valid UTF-8; the same listing three
 * times through scan_many (phrase and cue matchers side by side) must get
 * what scan_listing gives it; its IMEIs and price go through the groups of
 * both kinds, and each field through the price reader. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kb/blob.h"
#include "lib/utf8.h"
#include "scan/format.h"
#include "scan/groups.h"
#include "scan/price.h"
#include "scan/scan_priv.h"
#include "ident/tac.h"

static struct scan_result one;

static int
same_as_one(void *ctx, size_t listing, const struct scan_result *got)
{
	(void)ctx;
	(void)listing;
	if (got->reasons != one.reasons || got->nids != one.nids || got->nhits != one.nhits ||
	    got->more != one.more || got->signals != one.signals ||
	    memcmp(got->hits, one.hits, one.nhits * sizeof one.hits[0]) != 0)
		abort();
	return 0;
}

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
	for (i = 0; i < res.nhits; i++) {
		const struct scan_hit *h = &res.hits[i];

		if (h->field >= nf || h->phrase >= s.nph || h->len == 0 ||
		    h->off + h->len > f[h->field].len || h->status >= SCAN_NHITSTATUS ||
		    (h->cue != UINT32_MAX && h->cue >= s.ncue))
			abort();
		if (h->status == SCAN_HIT_COUNTED && !(res.reasons >>
		    scan_reason_for_cat((enum scan_cat)s.ph[h->phrase].cat) & 1))
			abort();
	}
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
	l.strong = res.strong;
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
	/* the batch path gives each copy what scan_listing gave */
	{
		static struct scan_many w;
		static int w_ready;
		struct scan_listing three[3] = { in, in, in };

		if (!w_ready) {
			scan_many_init(&w);
			w_ready = 1;
		}
		one = res;
		if (scan_many(&s, &w, three, 3, same_as_one, NULL, &res) != 0)
			abort();
	}
	/* what listings share */
	{
		static const char *const kinds[] = { "two", "stream" };
		uint64_t keys[SCAN_MAX_IDS];
		struct groups_seen seen[SCAN_MAX_IDS];
		struct groups_price_seen ps;
		struct groups_listing gl;
		struct groups g;
		unsigned r;
		int mode, k;

		memset(&gl, 0, sizeof gl);
		for (i = 0; i < one.nids; i++)
			keys[i] = one.ids[i].key;
		gl.keys = keys;
		gl.nkeys = one.nids;
		gl.model_key = one.model_key;
		gl.price = one.price;
		gl.currency = one.currency;
		gl.seller = nf ? f[0].p : NULL;
		gl.sellerlen = nf ? f[0].len : 0;
		for (mode = 0; mode < 2; mode++) {
			(void)kinds;
			groups_init(&g, mode ? GROUPS_STREAM : GROUPS_TWO_PASS);
			for (k = 0; k < 7; k++) {
				gl.ordinal = (uint64_t)k;
				gl.line = k;
				if (!mode && groups_note(&g, &gl) != 0)
					abort();
			}
			groups_seal(&g);
			for (k = 0; k < 7; k++) {
				gl.ordinal = (uint64_t)k;
				r = groups_judge(&g, &gl, seen, &ps);
				if (r >> SCAN_NREASONS)
					abort();
				for (i = 0; i < one.nids; i++)
					if (keys[i] && (seen[i].nothers > GROUPS_OTHERS ||
					    seen[i].listings > 7))
						abort();
			}
			groups_release(&g);
		}
	}
	for (i = 0; i < nf; i++) {
		double v;
		char cur[SCAN_CURRENCY_MAX];

		if (scan_price_parse(f[i].p, f[i].len, &v, cur) == 0 && !(v > 0))
			abort();
	}
	return 0;
}
