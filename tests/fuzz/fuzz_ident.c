/* SPDX-License-Identifier: MIT */
/* fuzz_ident: the identifier parser on any bytes, as a line and as free
 * text; every identifier found must lie inside the input and be
 * consistent (valid means no problem and a known kind). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kb/blob.h"
#include "ident/ident.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
consistent(const struct ident *id, size_t n, size_t size)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (id[i].start > size || id[i].len > size - id[i].start)
			abort();
		if (id[i].problem == IDENT_OK && id[i].kind == IDENT_UNKNOWN)
			abort();
		if (strlen(id[i].message) >= sizeof id[i].message)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct ident_tables t;
	static int loaded;
	struct ident ids[16];
	size_t n;

	if (!loaded) {
		const struct blob *rb = blob_find("reporting-bodies.tsv");
		const struct blob *ph = blob_find("imei-placeholders.tsv");
		struct error e;
		if (ident_tables_load(&t, rb->data, rb->len, ph->data, ph->len, &e) != 0)
			abort();
		loaded = 1;
	}
	n = ident_parse_line(&t, (const char *)data, size, ids, 16);
	consistent(ids, n, size);
	n = ident_find_in_text(&t, (const char *)data, size, ids, 16);
	consistent(ids, n, size);
	return 0;
}
