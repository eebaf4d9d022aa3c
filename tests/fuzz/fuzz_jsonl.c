/* SPDX-License-Identifier: MIT */
/* fuzz_jsonl: the JSON Lines reader over arbitrary bytes, line by line and
 * as a stream, nested values kept raw and flattened; every string it hands
 * over must be valid UTF-8. */
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

	int mode;

	/* line by line, then flattened, then as a stream (array or
	 * pretty-printed), then both */
	for (mode = 0; mode < 4; mode++) {
		jsonl_reader_init_mem(&r, 256, (const char *)data, size);
		r.max_members = 16;
		r.flatten = mode & 1;
		r.stream = mode >> 1;
		while ((rc = jsonl_reader_next(&r, &rec, &e)) != JSONL_END &&
		    rc != JSONL_FAIL)
			for (i = 0; i < rec.nmembers; i++)
				if (!utf8_valid(rec.members[i].key, rec.members[i].keylen) ||
				    (rec.members[i].type == JSONL_STRING &&
				    !utf8_valid(rec.members[i].val, rec.members[i].vallen)) ||
				    rec.members[i].keylen > 256 + JSONL_MAX_PATH)
					abort();
		jsonl_reader_release(&r);
	}
	return 0;
}
