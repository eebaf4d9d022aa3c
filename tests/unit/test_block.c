/* SPDX-License-Identifier: MIT */
/* test_block: records that grow by re-check blocks: building, sealing
 * every block, parsing the blocks back, appending to a sealed record's
 * bytes, the seals checked one by one, and one changed byte in any block
 * found in that block. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "record/record.h"

#define Z64 "0000000000000000000000000000000000000000000000000000000000000000"

static char *
serialize(const struct record *r, size_t *len)
{
	struct buf b;
	char *s = NULL;

	buf_init_mem(&b);
	if (record_serialize(r, &b) == 0 && (s = malloc(b.len + 1)) != NULL) {
		memcpy(s, b.mem, b.len + 1);
		*len = b.len;
	}
	buf_release(&b);
	return s;
}

/* A sealed check with two re-checks, built in memory. */
static void
grown(struct record *r)
{
	record_init(r);
	record_add(r, "id", "2026-11-23-7KQ4MZ");
	record_add(r, "updated", "2026-11-23T14:41:52+05:30");
	record_add(r, "state", "sealed");
	record_add(r, "verdict", "GO");
	record_begin_block(r, "2026-11-24T19:02:11+05:30");
	record_add(r, "recheck.state", "sealed");
	record_add(r, "recheck.knox", "completed");
	record_add(r, "recheck.verdict", "GO");
	record_begin_block(r, "2026-11-30T09:15:00+05:30");
	record_add(r, "recheck.state", "sealed");
	record_add(r, "recheck.notice", "yes\nwith a newline");
	record_add(r, "recheck.verdict", "STOP");
}

static void
test_build_scopes(void)
{
	struct record r;

	record_init(&r);
	errno = 0;
	CHECK_INT(record_add(&r, "recheck", "x"), -1);
	CHECK_INT(errno, EINVAL);
	CHECK_INT(record_add(&r, "recheck.knox", "x"), -1);
	CHECK_INT(record_add(&r, "rechecks", "x"), 0);
	CHECK_INT(record_add(&r, "accounts.recheck", "x"), 0);
	CHECK_INT(record_check_nfields(&r), 2);
	CHECK_INT(record_begin_block(&r, "t1"), 0);
	CHECK_INT(record_add(&r, "id", "x"), -1);
	CHECK_INT(record_add(&r, "recheck", "x"), -1);
	CHECK_INT(record_add(&r, "recheck.apps", "no"), 0);
	CHECK_INT(r.nblocks, 1);
	CHECK_INT(r.blocks[0].first, 2);
	CHECK_INT(r.blocks[0].nfields, 2);
	CHECK_INT(record_check_nfields(&r), 2);
	CHECK_STR(record_get(&r, "recheck"), "t1");
	record_release(&r);
	CHECK_INT(r.nblocks, 0);
}

static void
test_serialize_parse(void)
{
	struct record r, back;
	struct error err;
	char *text, *again, hex[SHA256_HEX_SIZE], want[SHA256_HEX_SIZE];
	const char *seal2, *seal3;
	size_t len, len2, i, n;
	struct record_sealed *v;
	enum record_seal verdict;

	grown(&r);
	text = serialize(&r, &len);
	CHECK(text != NULL);
	if (!text)
		return;
	/* every seal is the hash of every byte above it */
	seal2 = strstr(text, "\nsha256: ");
	CHECK(seal2 != NULL);
	sha256_hex_of(text, (size_t)(seal2 + 1 - text), want);
	CHECK(strncmp(seal2 + 9, want, 64) == 0);
	CHECK(strncmp(seal2 + 74, "recheck: 2026-11-24T19:02:11+05:30\n", 35) == 0);
	seal3 = strstr(seal2 + 1, "\nsha256: ");
	CHECK(seal3 != NULL);
	sha256_hex_of(text, (size_t)(seal3 + 1 - text), want);
	CHECK(seal3 && strncmp(seal3 + 9, want, 64) == 0);
	CHECK_INT(record_check_seal(text, len, hex), RECORD_INTACT);
	CHECK_INT(record_seals(text, len, &verdict, &v, &n), 0);
	CHECK_INT(verdict, RECORD_INTACT);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_INT(v[0].first_line, 1);
		CHECK_INT(v[0].seal_line, 6);
		CHECK_INT(v[1].first_line, 7);
		CHECK_INT(v[1].seal_line, 11);
		CHECK_INT(v[2].first_line, 12);
		CHECK_INT(v[2].seal_line, 16);
		CHECK_INT(v[2].seal + 73, len);
		for (i = 0; i < n; i++)
			CHECK(v[i].ok);
	}
	free(v);

	CHECK_INT(record_parse(text, len, &back, &err), 0);
	CHECK_INT(back.nfields, r.nfields);
	CHECK_INT(back.nblocks, 2);
	CHECK_INT(record_check_nfields(&back), 4);
	if (back.nblocks == 2) {
		CHECK_INT(back.blocks[0].first, 4);
		CHECK_INT(back.blocks[0].nfields, 4);
		CHECK_INT(back.blocks[0].line, 7);
		CHECK_INT(back.blocks[1].first, 8);
		CHECK_INT(back.blocks[1].line, 12);
		CHECK(strncmp(back.check_seal, seal2 + 9, 64) == 0);
		CHECK(strncmp(back.blocks[0].seal, seal3 + 9, 64) == 0);
		CHECK_STR(back.blocks[1].seal, back.seal);
		CHECK(strncmp(back.seal, text + len - 65, 64) == 0);
	}
	CHECK_STR(record_get(&back, "recheck.notice"), "yes\nwith a newline");
	/* the check's keys come first whatever the blocks hold */
	CHECK_STR(record_get(&back, "verdict"), "GO");
	again = serialize(&back, &len2);
	CHECK(again && len2 == len && memcmp(again, text, len) == 0);
	free(again);
	record_release(&back);
	free(text);
	record_release(&r);
}

static void
test_parse_errors(void)
{
	static const struct {
		const char *text;
		long line;
		const char *msg;
	} cases[] = {
		{ "handover-record 1\nid: x\nsha256: " Z64 "\nmore: y\nsha256: " Z64 "\n",
		    4, "text after the seal line" },
		{ "handover-record 1\nrecheck: t\nsha256: " Z64 "\n", 2, "right after a seal" },
		{ "handover-record 1\nrecheck.knox: t\nsha256: " Z64 "\n", 2, "belongs in a re-check" },
		{ "handover-record 1\nsha256: " Z64 "\nrecheck: t\nid: x\nsha256: " Z64 "\n",
		    4, "'id' in a re-check block" },
		{ "handover-record 1\nsha256: " Z64 "\nrecheck: t\nrecheck: u\nsha256: " Z64 "\n",
		    4, "right after a seal" },
		{ "handover-record 1\nsha256: " Z64 "\nrecheck: t\n", 4, "no seal line" },
		{ "handover-record 1\nsha256: " Z64 "\nrecheck: t\nsha256: " Z64 "\nsha256: " Z64 "\n",
		    5, "two seal lines" },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct record r;
		struct error err = {0, 0, ""};

		CHECK_INT(record_parse(cases[i].text, strlen(cases[i].text), &r, &err), -1);
		CHECK_INT(r.nblocks, 0);
		if (err.line != cases[i].line || !strstr(err.msg, cases[i].msg)) {
			char m[400];
			snprintf(m, sizeof m, "case %zu: got %ld \"%s\", want %ld \"%s\"", i,
			    err.line, err.msg, cases[i].line, cases[i].msg);
			h_note(__FILE__, __LINE__, m);
		}
	}
}

/* An unsealed last block parses when asked to, with no seal. */
static void
test_unsealed_block(void)
{
	const char *t = "handover-record 1\nsha256: " Z64 "\nrecheck: t\nrecheck.apps: no\n";
	struct record r;
	struct error err;

	CHECK_INT(record_parse_opts(t, strlen(t), &r, &err, RECORD_ALLOW_UNSEALED), 0);
	CHECK_INT(r.nblocks, 1);
	CHECK_STR(r.seal, "");
	CHECK_STR(r.check_seal, Z64);
	if (r.nblocks == 1)
		CHECK_STR(r.blocks[0].seal, "");
	record_release(&r);
}

/* record_remove keeps the blocks' bounds right. */
static void
test_remove(void)
{
	struct record r;
	size_t len;
	char *text;

	grown(&r);
	record_add(&r, "recheck.reason", "a");
	CHECK_INT(record_remove(&r, "recheck"), 0);
	CHECK_INT(record_remove(&r, "state"), 1);
	CHECK_INT(r.blocks[0].first, 3);
	CHECK_INT(record_remove(&r, "recheck.state"), 2);
	CHECK_INT(r.blocks[0].first, 3);
	CHECK_INT(r.blocks[0].nfields, 3);
	CHECK_INT(r.blocks[1].first, 6);
	CHECK_INT(r.blocks[1].nfields, 4);
	CHECK_STR(r.fields[r.blocks[1].first].key, "recheck");
	text = serialize(&r, &len);
	CHECK(text && strstr(text, "state") == NULL);
	free(text);
	record_release(&r);
}

/* A sealed check, its bytes, a block added, a block added again. */
static void
test_append(void)
{
	struct record chk, blk, back;
	struct buf out, out2, out3;
	struct error err;
	char *text, hex[SHA256_HEX_SIZE];
	size_t len;

	record_init(&chk);
	record_add(&chk, "id", "x");
	record_add(&chk, "note", "key: \\x41 kept as typed");
	record_add(&chk, "state", "sealed");
	text = serialize(&chk, &len);
	record_release(&chk);
	if (!text)
		return;
	record_init(&blk);
	CHECK_INT(record_begin_block(&blk, "2026-11-24T10:00:00+00:00"), 0);
	CHECK_INT(record_add(&blk, "recheck.state", "open"), 0);
	CHECK_INT(record_add(&blk, "recheck.apps", "no"), 0);

	buf_init_mem(&out);
	CHECK_INT(record_append_block(text, len, &blk, 0, &out, &err), 0);
	CHECK(out.len > len && memcmp(out.mem, text, len) == 0);
	CHECK(strstr(out.mem + len, "recheck: 2026-11-24T10:00:00+00:00\nrecheck.state: open\n"
	    "recheck.apps: no\nsha256: ") == out.mem + len);
	CHECK_INT(record_check_seal(out.mem, out.len, hex), RECORD_INTACT);

	/* replacing the open block leaves the check's bytes alone */
	record_release(&blk);
	record_init(&blk);
	record_begin_block(&blk, "2026-11-24T10:05:00+00:00");
	record_add(&blk, "recheck.state", "sealed");
	record_add(&blk, "recheck.apps", "yes");
	buf_init_mem(&out2);
	CHECK_INT(record_append_block(out.mem, out.len, &blk, RECORD_REPLACE_OPEN, &out2, &err), 0);
	CHECK(memcmp(out2.mem, text, len) == 0);
	CHECK(strstr(out2.mem, "10:00:00") == NULL);
	CHECK_INT(record_parse(out2.mem, out2.len, &back, &err), 0);
	CHECK_INT(back.nblocks, 1);
	CHECK_STR(record_get(&back, "recheck.apps"), "yes");
	record_release(&back);
	/* without the flag, or when the last is sealed, a block is added */
	buf_init_mem(&out3);
	CHECK_INT(record_append_block(out2.mem, out2.len, &blk, RECORD_REPLACE_OPEN, &out3, &err), 0);
	CHECK(memcmp(out3.mem, out2.mem, out2.len) == 0);
	CHECK_INT(record_parse(out3.mem, out3.len, &back, &err), 0);
	CHECK_INT(back.nblocks, 2);
	record_release(&back);
	buf_release(&out3);
	buf_init_mem(&out3);
	CHECK_INT(record_append_block(out.mem, out.len, &blk, 0, &out3, &err), 0);
	CHECK_INT(record_parse(out3.mem, out3.len, &back, &err), 0);
	CHECK_INT(back.nblocks, 2);
	CHECK_STR(record_get(&back, "recheck.state"), "open");
	record_release(&back);
	buf_release(&out3);

	/* refused: an altered record, an unsealed one, an open check, no block */
	buf_init_mem(&out3);
	out2.mem[3] ^= 1;
	CHECK_INT(record_append_block(out2.mem, out2.len, &blk, 0, &out3, &err), -1);
	CHECK(strstr(err.msg, "changed after it was sealed") != NULL);
	out2.mem[3] ^= 1;
	CHECK_INT(record_append_block(out2.mem, out2.len - 74, &blk, 0, &out3, &err), -1);
	CHECK(strstr(err.msg, "no seal line") != NULL);
	record_init(&chk);
	record_add(&chk, "state", "open");
	free(text);
	text = serialize(&chk, &len);
	record_release(&chk);
	CHECK_INT(record_append_block(text, len, &blk, 0, &out3, &err), -1);
	CHECK(strstr(err.msg, "not finished") != NULL);
	record_init(&chk);
	CHECK_INT(record_append_block(out2.mem, out2.len, &chk, 0, &out3, &err), -1);
	CHECK_INT(out3.len, 0);
	buf_release(&out3);
	free(text);
	record_release(&blk);
	buf_release(&out);
	buf_release(&out2);
}

/* One byte changed anywhere fails the seal of the block that holds it,
 * and leaves the seals before it intact. */
static void
test_one_byte_names_block(void)
{
	struct record r;
	struct record_sealed *v, *orig;
	enum record_seal verdict;
	size_t len, i, n, n0, b;
	char *t;

	grown(&r);
	t = serialize(&r, &len);
	record_release(&r);
	if (!t || record_seals(t, len, &verdict, &orig, &n0) != 0)
		return;
	for (i = 0; i < len; i++) {
		char c = t[i];
		if (c == '\n')
			continue;	/* a line split or joined moves the seals */
		t[i] = c == 'a' ? 'b' : 'a';
		for (b = 0; b + 1 < n0 && i >= orig[b].seal + 73; b++)
			;
		if (record_seals(t, len, &verdict, &v, &n) != 0)
			break;
		if (verdict != RECORD_ALTERED) {
			/* a seal line turned into something else: unsealed at the end only */
			CHECK(i >= orig[n0 - 1].seal && verdict == RECORD_UNSEALED);
		} else if (n == n0) {
			size_t k, bad = n;
			for (k = 0; k < n; k++)
				if (!v[k].ok) {
					bad = k;
					break;
				}
			if (bad != b) {
				char m[80];
				snprintf(m, sizeof m, "byte %zu: block %zu failed, want %zu", i, bad, b);
				h_note(__FILE__, __LINE__, m);
			}
		}
		free(v);
		t[i] = c;
	}
	free(orig);
	free(t);
}

static void
test_json(void)
{
	struct record r, back;
	struct error err;
	struct buf b;
	size_t len;
	char *t;

	grown(&r);
	t = serialize(&r, &len);
	buf_init_mem(&b);
	CHECK_INT(record_write_json(&r, &b), 0);
	CHECK(strstr(b.mem, "\"sha256\":null,\"blocks\":[{\"fields\":[[\"recheck\","
	    "\"2026-11-24T19:02:11+05:30\"],[\"recheck.state\",\"sealed\"]") != NULL);
	buf_release(&b);
	record_release(&r);
	if (!t || record_parse(t, len, &back, &err) != 0) {
		free(t);
		return;
	}
	buf_init_mem(&b);
	record_write_json(&back, &b);
	CHECK(strstr(b.mem, "[\"verdict\",\"GO\"]],\"sha256\":\"") != NULL);
	CHECK(strstr(b.mem, back.check_seal) != NULL);
	CHECK(strstr(b.mem, back.seal) != NULL);
	CHECK(strstr(b.mem, "yes\\nwith a newline\"],[\"recheck.verdict\",\"STOP\"]],\"sha256\":\"") != NULL);
	buf_release(&b);
	record_release(&back);
	free(t);
}

int
main(void)
{
	RUN(test_build_scopes);
	RUN(test_serialize_parse);
	RUN(test_parse_errors);
	RUN(test_unsealed_block);
	RUN(test_remove);
	RUN(test_append);
	RUN(test_one_byte_names_block);
	RUN(test_json);
	return h_done();
}
