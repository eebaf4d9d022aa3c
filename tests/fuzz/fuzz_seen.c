/* SPDX-License-Identifier: MIT */
/* fuzz_seen: the --seen store reader over arbitrary bytes; what it loads
 * is written again, and that text loads to the same lines. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/grow.h"
#include "scan/seen.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct items {
	struct seen_item *it;
	size_t n, cap;
};

static int
keep(void *ctx, uint64_t key, uint32_t hash, uint32_t ref)
{
	struct items *l = ctx;

	(void)hash;
	if (grow_array(&l->it, &l->cap, l->n + 1, sizeof *l->it) != 0)
		return 1;
	l->it[l->n].key = key;
	l->it[l->n++].ref = ref;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct seen s, t;
	struct items a = { NULL, 0, 0 }, b = { NULL, 0, 0 };
	struct error e;
	struct buf w1, w2;

	seen_init(&s);
	seen_init(&t);
	buf_init_mem(&w1);
	buf_init_mem(&w2);
	if (seen_load(&s, (const char *)data, size, keep, &a, &e) == 0) {
		seen_write(&s, a.it, a.n, 20000, 0, 0, &w1);
		if (seen_load(&t, w1.mem ? w1.mem : "", w1.len, keep, &b, &e) != 0)
			abort();
		seen_write(&t, b.it, b.n, 20000, 0, 0, &w2);
		if (w1.len != w2.len || (w1.len && memcmp(w1.mem, w2.mem, w1.len) != 0))
			abort();
	}
	buf_release(&w1);
	buf_release(&w2);
	free(a.it);
	free(b.it);
	seen_release(&s);
	seen_release(&t);
	return 0;
}
