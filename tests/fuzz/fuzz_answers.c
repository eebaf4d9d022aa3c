/* SPDX-License-Identifier: MIT */
/* fuzz_answers: the answers-file parser, then every parsed answer through
 * the checklist's validation for its step. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check/answers.h"
#include "kb/blob.h"
#include "check/checklist.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct ident_tables t;
	static int loaded;
	static struct answers a;
	struct checklist cl;
	struct error e;
	size_t i;

	if (!loaded) {
		const struct blob *rb = blob_find("reporting-bodies.tsv");
		const struct blob *ph = blob_find("imei-placeholders.tsv");
		if (ident_tables_load(&t, rb->data, rb->len, ph->data, ph->len, &e) != 0)
			abort();
		loaded = 1;
	}
	if (answers_parse(&a, (const char *)data, size, &e) != 0)
		return 0;
	cl_init(&cl, NULL, &t);
	for (i = 0; i < a.n; i++) {
		char out[CL_VALUE_MAX], msg[320];
		int k = cl_find(a.a[i].id);
		if (k < 0)
			continue;
		if (cl_validate(&cl, (size_t)k, a.a[i].value, out, msg, sizeof msg) >= 0) {
			if (strlen(out) >= CL_VALUE_MAX)
				abort();
			cl_answer(&cl, (size_t)k, out);
		}
	}
	return 0;
}
