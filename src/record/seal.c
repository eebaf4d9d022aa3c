/* SPDX-License-Identifier: MIT */
/* seal: checking every seal line of a record's bytes, and growing a sealed
 * record by a block and a new seal without touching a byte above it. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "lib/grow.h"
#include "record/record.h"
#include "record/record_priv.h"

/* 1 when the n bytes at p (a line without its newline) are a well-formed
 * seal line. */
static int
seal_line_ok(const char *p, size_t n)
{
	return n == SEAL_LINE_LEN && memcmp(p, SEAL_PREFIX " ", SEAL_PREFIX_LEN + 1) == 0 &&
	    record_is_lower_hex(p + SEAL_PREFIX_LEN + 1, 64);
}

int
record_seals(const char *text, size_t len, enum record_seal *verdict,
    struct record_sealed **out, size_t *n)
{
	struct record_sealed *v = NULL;
	size_t cap = 0, cnt = 0, pos = 0, block = 0;
	unsigned char d[SHA256_LEN];
	struct sha256 h;
	long line = 0, block_line = 1;
	int last_is_seal = 0, all_ok = 1;

	*out = NULL;
	*n = 0;
	sha256_init(&h);
	while (pos < len) {
		const char *p = text + pos, *nl = memchr(p, '\n', len - pos);
		size_t ln = nl ? (size_t)(nl - p) : len - pos;

		line++;
		last_is_seal = ln >= SEAL_PREFIX_LEN &&
		    memcmp(p, SEAL_PREFIX, SEAL_PREFIX_LEN) == 0;
		if (last_is_seal) {
			struct sha256 c = h;
			struct record_sealed *s;

			if (grow_array(&v, &cap, cnt + 1, sizeof *v) != 0) {
				free(v);
				errno = ENOMEM;
				return -1;
			}
			s = &v[cnt++];
			sha256_final(&c, d);
			sha256_hex(d, s->computed);
			s->start = block;
			s->seal = pos;
			s->first_line = block_line;
			s->seal_line = line;
			s->ok = nl && seal_line_ok(p, ln) &&
			    memcmp(p + SEAL_PREFIX_LEN + 1, s->computed, 64) == 0;
			all_ok &= s->ok;
			block = pos + ln + (nl ? 1 : 0);
			block_line = line + 1;
		}
		sha256_update(&h, p, ln + (nl ? 1 : 0));
		pos += ln + (nl ? 1 : 0);
	}
	*verdict = !last_is_seal ? RECORD_UNSEALED : all_ok ? RECORD_INTACT : RECORD_ALTERED;
	*out = v;
	*n = cnt;
	return 0;
}

enum record_seal
record_check_seal(const char *text, size_t len,
    char expected_hex[SHA256_HEX_SIZE])
{
	struct record_sealed *v;
	enum record_seal verdict;
	size_t n;

	if (record_seals(text, len, &verdict, &v, &n) != 0) {
		/* out of memory: the last seal alone, which cannot say intact
		 * for earlier blocks, so no verdict better than altered */
		sha256_hex_of(text, len, expected_hex);
		return RECORD_ALTERED;
	}
	if (verdict == RECORD_UNSEALED)
		sha256_hex_of(text, len, expected_hex);
	else
		memcpy(expected_hex, v[n - 1].computed, SHA256_HEX_SIZE);
	free(v);
	return verdict;
}

int
record_append_block(const char *text, size_t len, const struct record *blk,
    unsigned flags, struct buf *out, struct error *err)
{
	struct record_sealed *v = NULL;
	enum record_seal verdict;
	const struct record_block *nb;
	struct record r;
	struct buf body;
	size_t n, keep = len, i;
	const char *state;
	int rc = -1;

	if (!blk || blk->nblocks == 0)
		return error_set(err, 0, 0, "no block to add: begin one with record_begin_block");
	nb = &blk->blocks[blk->nblocks - 1];
	if (record_seals(text, len, &verdict, &v, &n) != 0)
		return error_set(err, 0, 0, "out of memory");
	if (verdict != RECORD_INTACT) {
		free(v);
		return error_set(err, 0, 0, verdict == RECORD_UNSEALED ?
		    "the record has no seal line at the end: only a sealed record grows" :
		    "the record was changed after it was sealed: it cannot grow");
	}
	if (record_parse(text, len, &r, err) != 0) {
		free(v);
		return -1;
	}
	state = record_get(&r, "state");
	if (!state || strcmp(state, "sealed") != 0) {
		error_set(err, 0, 0, "the check is not finished (state: %s): only a "
		    "sealed check is re-checked", state ? state : "none");
		goto out;
	}
	if ((flags & RECORD_REPLACE_OPEN) && r.nblocks > 0) {
		const struct record_block *last = &r.blocks[r.nblocks - 1];
		for (i = last->first; i < last->first + last->nfields; i++)
			if (strcmp(r.fields[i].key, RECORD_BLOCK_KEY ".state") == 0) {
				if (strcmp(r.fields[i].value, "open") == 0)
					keep = v[n - 1].start;
				break;
			}
	}
	buf_init_mem(&body);
	buf_put(&body, text, keep);
	for (i = nb->first; i < nb->first + nb->nfields; i++)
		put_field_line(&body, &blk->fields[i]);
	put_seal_line(&body);
	if (body.err) {
		error_set(err, 0, 0, body.err == E2BIG ?
		    "the record would be larger than %u bytes" : "out of memory",
		    RECORD_MAX_SIZE);
	} else {
		buf_put(out, body.mem, body.len);
		rc = out->err ? error_set(err, 0, 0, "out of memory") : 0;
	}
	buf_release(&body);
out:
	record_release(&r);
	free(v);
	return rc;
}
