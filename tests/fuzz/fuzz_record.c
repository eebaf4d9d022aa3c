/* SPDX-License-Identifier: MIT */
/* fuzz_record: the record parser; whatever parses must serialize and
 * parse back to the same fields and blocks, check_seal must agree on a
 * reseal and with record_seals, a block appended to an intact sealed
 * record must leave its bytes and seals as they were, and (differential,
 * reader against writer) writing what was read back gives the same bytes
 * again: write, read, write, identical. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "record/record.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
append_one(const char *text, size_t len, const struct record *r)
{
	struct record blk, grown;
	struct error err;
	struct buf out;
	char hex[SHA256_HEX_SIZE];

	record_init(&blk);
	if (record_begin_block(&blk, "2026-11-24T10:00:00+00:00") != 0 ||
	    record_add(&blk, "recheck.apps", "no\n\\") != 0)
		abort();
	buf_init_mem(&out);
	if (record_append_block(text, len, &blk, RECORD_REPLACE_OPEN, &out, &err) == 0) {
		if (record_check_seal(out.mem, out.len, hex) != RECORD_INTACT)
			abort();
		if (record_parse(out.mem, out.len, &grown, &err) != 0)
			abort();
		if (grown.nblocks < r->nblocks || grown.nblocks > r->nblocks + 1 ||
		    strcmp(grown.check_seal, r->check_seal) != 0)
			abort();
		record_release(&grown);
	}
	buf_release(&out);
	record_release(&blk);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char hex[SHA256_HEX_SIZE];
	struct record_sealed *v;
	enum record_seal seal, verdict;
	struct record r, back;
	struct error err;
	struct buf b, again;
	size_t i, n;

	seal = record_check_seal((const char *)data, size, hex);
	if (record_seals((const char *)data, size, &verdict, &v, &n) == 0) {
		if (verdict != seal)
			abort();
		free(v);
	}
	if (record_parse_opts((const char *)data, size, &r, &err,
	    RECORD_ALLOW_UNSEALED) != 0)
		return 0;
	buf_init_mem(&b);
	if (record_serialize(&r, &b) == 0) {
		if (record_parse(b.mem, b.len, &back, &err) != 0)
			abort();
		if (back.nfields != r.nfields || back.nblocks != r.nblocks)
			abort();
		for (i = 0; i < r.nfields; i++)
			if (strcmp(back.fields[i].key, r.fields[i].key) != 0 ||
			    strcmp(back.fields[i].value, r.fields[i].value) != 0)
				abort();
		for (i = 0; i < r.nblocks; i++)
			if (back.blocks[i].first != r.blocks[i].first ||
			    back.blocks[i].nfields != r.blocks[i].nfields)
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
	if (seal == RECORD_INTACT)
		append_one((const char *)data, size, &r);
	record_release(&r);
	return 0;
}
