/* SPDX-License-Identifier: MIT */
/* test_seen: where IMEIs were first seen: entries packed and read back
 * (long ids cut at a character), touched, written as a store and loaded
 * again, the oldest days dropped past the bounds, dates, broken stores. */
#include <stdlib.h>
#include <string.h>

#include "scan/dupset.h"
#include "scan/seen.h"
#include "harness.h"

static void
test_entries(void)
{
	struct seen s;
	struct seen_entry e;
	uint32_t r1, r2, r3;
	char longid[300];
	size_t k;

	seen_init(&s);
	CHECK_INT(seen_file(&s, "a.csv", 5), 0);
	CHECK_INT(seen_file(&s, "b.jsonl", 7), 1);
	CHECK_INT(seen_file(&s, "a.csv", 5), 0);
	r1 = seen_add(&s, 0, 2, "L1", 2, "amina", 5, 20000);
	r2 = seen_add(&s, 1, 123456789, "", 0, "", 0, 20001);
	/* an id of 200 two-byte characters: cut to 128 bytes, whole ones */
	for (k = 0; k < 300; k += 2)
		memcpy(longid + k, "\xC3\xA9", 2);
	r3 = seen_add(&s, 0, 7, longid, 300, "s", 1, 20002);
	CHECK(r1 != SEEN_NONE && r2 != SEEN_NONE && r3 != SEEN_NONE && r1 != r2);
	seen_get(&s, r1, &e);
	CHECK(e.row == 2 && e.idlen == 2 && memcmp(e.id, "L1", 2) == 0 &&
	    e.sellerlen == 5 && strcmp(e.file, "a.csv") == 0 && e.count == 1 &&
	    e.first_day == 20000 && e.last_day == 20000 && !e.other_seller);
	seen_get(&s, r2, &e);
	CHECK(e.row == 123456789 && e.idlen == 0 && strcmp(e.file, "b.jsonl") == 0);
	seen_get(&s, r3, &e);
	CHECK_INT(e.idlen, 128);
	seen_touch(&s, r1, 20010, 0);
	seen_touch(&s, r1, 20005, 1);
	seen_get(&s, r1, &e);
	CHECK(e.count == 3 && e.last_day == 20010 && e.other_seller);
	/* many entries: they go on in new blocks */
	for (k = 0; k < 100000; k++)
		if (seen_add(&s, 0, (long)k, "some-listing-id", 15, "seller", 6, 1) == SEEN_NONE)
			break;
	CHECK_INT(k, 100000);
	CHECK(s.nblocks > 1);
	seen_get(&s, r3, &e);
	CHECK_INT(e.row, 7);
	seen_release(&s);
}

static void
test_dates(void)
{
	char d[11];

	seen_day_str(0, d);
	CHECK_STR(d, "1970-01-01");
	seen_day_str(20419, d);
	CHECK_STR(d, "2025-11-27");
	seen_day_str(11016, d);
	CHECK_STR(d, "2000-02-29");
	CHECK_INT(seen_day_parse("2025-11-27", 10), 20419);
	CHECK_INT(seen_day_parse("2000-02-29", 10), 11016);
	CHECK_INT(seen_day_parse("2025-13-01", 10), -1);
	CHECK_INT(seen_day_parse("2025-1-01", 9), -1);
	CHECK_INT(seen_day_parse("1969-12-31", 10), -1);
}

struct loaded {
	uint64_t keys[8];
	uint32_t hashes[8], refs[8];
	int n;
};

static int
on_load(void *ctx, uint64_t key, uint32_t hash, uint32_t ref)
{
	struct loaded *l = ctx;

	if (l->n < 8) {
		l->keys[l->n] = key;
		l->hashes[l->n] = hash;
		l->refs[l->n] = ref;
	}
	l->n++;
	return 0;
}

static void
test_store(void)
{
	struct seen s, t;
	struct seen_item it[3];
	struct seen_entry e;
	struct loaded l;
	struct error err;
	struct buf b;
	int f;

	seen_init(&s);
	f = seen_file(&s, "day\t1.csv", 9);
	it[0].key = 35332547123456ull + 1;	/* 353325471234561 */
	it[0].ref = seen_add(&s, f, 6, "L4", 2, "ami\nna", 6, 20400);
	it[1].key = 1;			/* 000000000000000 */
	it[1].ref = seen_add(&s, f, 2, "L1", 2, "budi", 4, 20300);
	it[2].key = 49015420323751ull + 1;	/* 490154203237518 */
	it[2].ref = seen_add(&s, f, 9, "L9", 2, "", 0, 20410);
	seen_touch(&s, it[0].ref, 20419, 1);
	buf_init_mem(&b);
	CHECK_INT(seen_write(&s, it, 3, 20419, 0, 0, &b), 3);
	CHECK_STR(buf_str(&b), "# handover seen 1\n"
	    "# imei\tfirst_seen\tlast_seen\tcount\tfile\trow\tlisting\tseller\n"
	    "000000000000000\t2025-07-31\t2025-07-31\t1\tday 1.csv\t2\tL1\tbudi\n"
	    "353325471234561\t2025-11-08\t2025-11-27\t2\tday 1.csv\t6\tL4\tami na\n"
	    "490154203237518\t2025-11-18\t2025-11-18\t1\tday 1.csv\t9\tL9\t\n");
	/* read back: the same lines, the same hash a scan gives the seller */
	seen_init(&t);
	memset(&l, 0, sizeof l);
	CHECK_INT(seen_load(&t, buf_str(&b), b.len, on_load, &l, &err), 0);
	CHECK_INT(l.n, 3);
	CHECK(l.keys[0] == 1 && l.keys[1] == 35332547123456ull + 1);
	CHECK(l.hashes[2] == dupset_hash("budi", 4) || l.hashes[0] == dupset_hash("budi", 4));
	seen_get(&t, l.refs[1], &e);
	CHECK(e.count == 2 && e.first_day == 20400 && e.last_day == 20419 && e.row == 6);
	seen_release(&t);
	/* bounds: 30 days keep two; at most one keeps the newest */
	b.len = 0;
	CHECK_INT(seen_write(&s, it, 3, 20419, 30, 0, &b), 2);
	b.len = 0;
	CHECK_INT(seen_write(&s, it, 3, 20419, 0, 1, &b), 1);
	CHECK(strstr(buf_str(&b), "353325471234561") != NULL);
	buf_release(&b);
	seen_release(&s);
}

static void
test_bad_stores(void)
{
	static const char *const bad[] = {
		"id,title\n",
		"# handover seen 1\n35332547123456\t2025-01-01\t2025-01-01\t1\tf\t1\tL\ts\n",
		"# handover seen 1\n353325471234561\t2025-01-01\t2024-01-01\t1\tf\t1\tL\ts\n",
		"# handover seen 1\n353325471234561\t2025-01-01\t2025-01-01\tx\tf\t1\tL\ts\n",
		"# handover seen 1\n353325471234561\t2025-01-01\t2025-01-01\t1\tf\t1\tL\n",
		"# handover seen 1\n353325471234561\t2025-01-01\t2025-01-01\t1\tf\t1\tL\ts\tmore\n",
	};
	struct seen s;
	struct loaded l;
	struct error e;
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		seen_init(&s);
		memset(&l, 0, sizeof l);
		CHECK_INT(seen_load(&s, bad[i], strlen(bad[i]), on_load, &l, &e), -1);
		CHECK(e.line == (i == 0 ? 1 : 2));
		seen_release(&s);
	}
	seen_init(&s);
	CHECK_INT(seen_load(&s, "", 0, on_load, &l, &e), 0);
	CHECK_INT(seen_load(&s, "# handover seen 1\r\n\r\n# note\n", 28, on_load, &l, &e), 0);
	seen_release(&s);
}

int
main(void)
{
	RUN(test_entries);
	RUN(test_dates);
	RUN(test_store);
	RUN(test_bad_stores);
	return h_done();
}
