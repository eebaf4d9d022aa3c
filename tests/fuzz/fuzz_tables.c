/* SPDX-License-Identifier: MIT */
/* fuzz_tables: the other data tables a --data folder may replace, over
 * arbitrary bytes: reporting-bodies.tsv and imei-placeholders.tsv (the
 * identifier tables) and checklist.tsv and verdict.tsv (the checklist's
 * words); each loads or fails with a message, and what loads answers. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check/checklist.h"
#include "ident/ident.h"
#include "kb/blob.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct blob *rb = blob_find("reporting-bodies.tsv");
	const struct blob *ph = blob_find("imei-placeholders.tsv");
	const struct blob *cl = blob_find("checklist.tsv");
	const struct blob *vd = blob_find("verdict.tsv");
	const char *p = (const char *)data;
	struct ident_tables t;
	struct cl_texts w;
	struct error e;
	struct ident id;
	int which = size ? data[0] % 4 : 0;

	if (size) {
		p++;
		size--;
	}
	memset(&e, 0, sizeof e);
	if (which < 2) {
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
	if (cl_texts_load(&w, which == 2 ? p : cl->data, which == 2 ? size : cl->len,
	    which == 3 ? p : vd->data, which == 3 ? size : vd->len, &e) != 0) {
		if (!e.msg[0])
			abort();
		return 0;
	}
	(void)cl_text_step(&w, "listing.country");
	(void)cl_text_reason(&w, "dial_refused");
	cl_texts_release(&w);
	return 0;
}
