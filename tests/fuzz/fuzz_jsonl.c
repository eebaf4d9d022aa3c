/* SPDX-License-Identifier: MIT */
/* fuzz_jsonl: the JSON Lines reader over arbitrary bytes; every string it
 * hands over must be valid UTF-8. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "lib/jsonl.h"
#include "lib/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct jsonl_reader r;
	struct jsonl_record rec;
	struct error e;
	size_t i;
	int rc;

	jsonl_reader_init_mem(&r, 256, (const char *)data, size);
	r.max_members = 16;
	while ((rc = jsonl_reader_next(&r, &rec, &e)) != JSONL_END &&
	    rc != JSONL_FAIL)
		for (i = 0; i < rec.nmembers; i++)
			if (!utf8_valid(rec.members[i].key, rec.members[i].keylen) ||
			    (rec.members[i].type == JSONL_STRING &&
			    !utf8_valid(rec.members[i].val, rec.members[i].vallen)))
				abort();
	jsonl_reader_release(&r);
	return 0;
}
