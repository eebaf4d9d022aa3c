/* SPDX-License-Identifier: MIT */
/* fuzz_tables: the identifier tables a --data folder may replace, over
 * arbitrary bytes: reporting-bodies.tsv and imei-placeholders.tsv; each
 * loads or fails with a message, and what loads answers.  (The
 * checklist's words are fuzz_words'.) */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ident/ident.h"
#include "kb/blob.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct blob *rb = blob_find("reporting-bodies.tsv");
	const struct blob *ph = blob_find("imei-placeholders.tsv");
	const char *p = (const char *)data;
	struct ident_tables t;
	struct error e;
	struct ident id;
	int which = size ? data[0] % 2 : 0;

	if (size) {
		p++;
		size--;
	}
	memset(&e, 0, sizeof e);
	if (ident_tables_load(&t, which == 0 ? p : rb->data, which == 0 ? size : rb->len,
	    which == 1 ? p : ph->data, which == 1 ? size : ph->len, &e) != 0) {
		if (!e.msg[0])
			abort();
		return 0;
	}
	ident_classify(&t, "354178036859789", 15, IDENT_UNKNOWN, &id);
	ident_classify(&t, "000000000000000", 15, IDENT_UNKNOWN, &id);
	(void)ident_reporting_body(&t, 35);
	ident_tables_release(&t);
	return 0;
}
