/* SPDX-License-Identifier: MIT */
/* testdata: the built-in data as the tests and fuzz targets load it: the
 * knowledge base, the identifier tables and the English words.  Exits on
 * a data file that does not load. */
#ifndef HANDOVER_TESTDATA_H
#define HANDOVER_TESTDATA_H

#include <stdio.h>
#include <stdlib.h>

#include "check/words.h"
#include "ident/ident.h"
#include "kb/blob.h"
#include "kb/kb.h"

static void
testdata_load(struct kb *kb, struct ident_tables *idt, struct words *en)
{
	const struct blob *rb = blob_find("reporting-bodies.tsv");
	const struct blob *ph = blob_find("imei-placeholders.tsv");
	const struct blob *w = blob_find("words-en.tsv");
	struct error e;

	if (!rb || !ph || !w ||
	    (idt && ident_tables_load(idt, rb->data, rb->len, ph->data, ph->len, &e) != 0) ||
	    (kb && kb_load(kb, blob_get, NULL, &e) != 0) ||
	    (en && words_load(en, "en", w->data, w->len, NULL, &e) != 0)) {
		printf("cannot load the built-in data: %s\n", e.msg);
		exit(1);
	}
}

#endif
