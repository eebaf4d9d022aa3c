/* SPDX-License-Identifier: MIT */
/* fuzz_words: any bytes as a language's words file, English behind: it
 * loads or says why, and when it loads every step's question, help and
 * choices, every reason and a typed answer render and validate without a
 * crash, and no rendering outgrows what it was given. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check/checklist.h"
#include "../unit/testdata.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct ident_tables t;
	static struct kb kb;
	static struct words en;
	static int loaded;
	struct words w;
	struct checklist cl;
	struct error e;
	size_t i;

	if (!loaded) {
		testdata_load(&kb, &t, &en);
		loaded = 1;
	}
	if (words_load(&w, "zz", (const char *)data, size, &en, &e) != 0)
		return 0;
	cl_init(&cl, &kb, &t, &w);
	cl_answer(&cl, STEP_LISTING_COUNTRY, "IN");
	cl_answer(&cl, STEP_LISTING_BRAND, "Samsung");
	for (i = 0; i < CL_NSTEPS; i++) {
		struct buf b;
		struct cl_choice ch[16];
		char out[CL_VALUE_MAX];
		buf_init_mem(&b);
		cl_render(&cl, cl_step_words(&cl, (enum cl_id)i, "question"), NULL, &b);
		cl_render(&cl, cl_step_words(&cl, (enum cl_id)i, "help"), NULL, &b);
		cl_choices(&cl, (enum cl_id)i, ch, 16);
		if (cl_validate(&cl, (enum cl_id)i, "yes", out, &b) >= 0 &&
		    strlen(out) >= CL_VALUE_MAX)
			abort();
		buf_release(&b);
	}
	for (i = 0; i < cl_nrules; i++) {
		struct cl_reason r;
		struct buf b;
		memset(&r, 0, sizeof r);
		r.code = cl_rules[i].code;
		r.level = cl_rules[i].level;
		strcpy(r.detail, "finance.apps, 354178036859788 bad_check_digit");
		buf_init_mem(&b);
		cl_reason_text(&cl, &r, 0, &b);
		cl_reason_text(&cl, &r, 1, &b);
		buf_release(&b);
	}
	words_release(&w);
	return 0;
}
