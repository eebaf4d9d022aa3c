/* SPDX-License-Identifier: MIT */
/* fuzz_record: the record parser; whatever parses must serialize and
 * parse back to the same fields, check_seal must agree on a reseal, and
 * (differential, reader against writer) writing what was read back
 * gives the same bytes again: write, read, write, identical. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "record/record.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char hex[SHA256_HEX_SIZE];
	struct record r, back;
	struct error err;
	struct buf b, again;
	size_t i;

	record_check_seal((const char *)data, size, hex);
	if (record_parse_opts((const char *)data, size, &r, &err,
	    RECORD_ALLOW_UNSEALED) != 0)
		return 0;
	buf_init_mem(&b);
	if (record_serialize(&r, &b) == 0) {
		if (record_parse(b.mem, b.len, &back, &err) != 0)
			abort();
		if (back.nfields != r.nfields)
			abort();
		for (i = 0; i < r.nfields; i++)
			if (strcmp(back.fields[i].key, r.fields[i].key) != 0 ||
			    strcmp(back.fields[i].value, r.fields[i].value) != 0)
				abort();
		if (record_check_seal(b.mem, b.len, hex) != RECORD_INTACT)
			abort();
		buf_init_mem(&again);
		if (record_serialize(&back, &again) != 0 || again.len != b.len ||
		    memcmp(again.mem, b.mem, b.len) != 0)
			abort();
		buf_release(&again);
		record_release(&back);
	}
	buf_release(&b);
	record_release(&r);
	return 0;
}
