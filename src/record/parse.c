/* SPDX-License-Identifier: MIT */
/* parse: a record read back from its text, as docs/record-format.md
 * says: the header, fields, blocks and their seals, and what a reader
 * refuses. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/grow.h"
#include "lib/utf8.h"
#include "record/record.h"
#include "record/record_priv.h"

/* Checks the bytes of one line: no CR, no other control characters, valid
 * UTF-8.  Returns 0 or -1 with err at the byte's column. */
static int
check_line_bytes(const char *p, size_t n, long line, struct error *err)
{
	size_t i = 0, k;

	while (i < n) {
		unsigned char c = (unsigned char)p[i];
		if (c == '\r')
			return error_set(err, line, (long)i + 1,
			    "carriage return (CR): records use LF line ends only; was the file converted?");
		if (c < 0x20 || c == 0x7f)
			return error_set(err, line, (long)i + 1,
			    "control character 0x%02x: values escape it as \\x%02x", c, c);
		if (c >= 0x80) {
			if ((k = utf8_valid_prefix(p + i, n - i)) == 0)
				return error_set(err, line, (long)i + 1,
				    "invalid UTF-8 byte 0x%02x", c);
			i += k;
			continue;
		}
		i++;
	}
	return 0;
}

static int
parse_header(const char *p, size_t n, size_t len, struct error *err)
{
	size_t hl = sizeof RECORD_HEADER - 1;

	if (len < 16 || memcmp(p, "handover-record ", 16) != 0)
		return error_set(err, 1, 1,
		    "not a handover record: the first line must be '" RECORD_HEADER "'");
	if (n != hl || memcmp(p, RECORD_HEADER, hl) != 0) {
		size_t vn = n - 16 > 20 ? 20 : n - 16;
		if (check_line_bytes(p + 16, vn, 1, NULL) != 0)
			vn = 0;
		return error_set(err, 1, 17,
		    "unsupported record version '%.*s': this handover reads version 1",
		    (int)vn, p + 16);
	}
	return 0;
}

static int
parse_seal(const char *p, size_t n, long line, struct record *out,
    struct error *err)
{
	if (n != SEAL_LINE_LEN || p[SEAL_PREFIX_LEN] != ' ' ||
	    !record_is_lower_hex(p + SEAL_PREFIX_LEN + 1, 64))
		return error_set(err, line, 1,
		    "malformed seal line: must be 'sha256: ' and 64 lowercase hex digits");
	memcpy(out->seal, p + SEAL_PREFIX_LEN + 1, 64);
	out->seal[64] = '\0';
	return 0;
}

static int
parse_field(const char *p, size_t n, long line, struct record *out,
    struct error *err)
{
	size_t k = 0, bad = 0, vstart;
	char *key, *value;
	long vlen;

	while (k < n && p[k] != ':') {
		unsigned char c = (unsigned char)p[k];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '.' || c == '_' || c == '-')) {
			if (c == ' ' && k > 0 && k + 1 < n && p[k + 1] == ':')
				return error_set(err, line, (long)k + 1,
				    "space before ':': a line is 'key: value'");
			if (c >= 0x20 && c < 0x7f)
				return error_set(err, line, (long)k + 1,
				    "'%c' is not allowed in a key (only a-z 0-9 . _ -)", c);
			return error_set(err, line, (long)k + 1,
			    "byte 0x%02x is not allowed in a key (only a-z 0-9 . _ -)", c);
		}
		k++;
	}
	if (k == n)
		return error_set(err, line, 1, "expected 'key: value', found no ':'");
	if (k == 0)
		return error_set(err, line, 1, "empty key before ':'");
	if (k > RECORD_MAX_KEY)
		return error_set(err, line, 1, "key longer than %d bytes", RECORD_MAX_KEY);
	vstart = k + 1;
	if (vstart < n) {
		if (p[vstart] != ' ')
			return error_set(err, line, (long)vstart + 1,
			    "expected a space after ':'");
		vstart++;
	}
	if (!(key = record_dup_n(p, k)) || !(value = malloc(n - vstart + 1))) {
		free(key);
		return error_set(err, line, 0, "out of memory");
	}
	vlen = record_unescape(p + vstart, n - vstart, value, &bad);
	if (vlen < 0) {
		free(key);
		free(value);
		return error_set(err, line, (long)(vstart + bad) + 1,
		    "bad escape: use \\\\, \\n, \\t, \\r or \\xHH (not \\x00)");
	}
	if ((size_t)vlen != strlen(value)) {
		free(key);
		free(value);
		return error_set(err, line, (long)vstart + 1, "NUL byte in a value");
	}
	if (record_append_owned(out, key, value) != 0)
		return error_set(err, line, 0, errno == E2BIG ?
		    "more than %d fields" : "out of memory", RECORD_MAX_FIELDS);
	return 0;
}

/* Checks where the field just parsed stands: the check's keys before the
 * first seal, "recheck: ..." right after a seal (it begins a block),
 * "recheck.*" keys inside a block.  after_seal: the line before was a
 * seal line.  Returns 0 or -1 with err. */
static int
place_field(struct record *out, int after_seal, long line, struct error *err)
{
	const char *key = out->fields[out->nfields - 1].key;
	int scope = record_key_scope(key, strlen(key));
	struct record_block *b;

	if (after_seal && scope != 1)
		return error_set(err, line, 1, "text after the seal line: only a "
		    "re-check block, 'recheck: <time>', may follow a seal");
	if (scope == 1 && !after_seal)
		return error_set(err, line, 1, "'recheck:' begins a block and must "
		    "come right after a seal line");
	if (scope == 0 && out->nblocks > 0)
		return error_set(err, line, 1, "'%s' in a re-check block: its keys "
		    "all start with 'recheck.'", key);
	if (scope == 2 && out->nblocks == 0)
		return error_set(err, line, 1, "'%s' belongs in a re-check block, "
		    "after the check's seal", key);
	if (scope == 1) {
		if (grow_array(&out->blocks, &out->blocks_cap, out->nblocks + 1,
		    sizeof *out->blocks) != 0)
			return error_set(err, line, 0, "out of memory");
		b = &out->blocks[out->nblocks++];
		memset(b, 0, sizeof *b);
		b->first = out->nfields - 1;
		b->line = line;
	}
	if (out->nblocks > 0)
		out->blocks[out->nblocks - 1].nfields++;
	return 0;
}

int
record_parse_opts(const char *text, size_t len, struct record *out,
    struct error *err, unsigned flags)
{
	size_t pos = 0;
	long line = 0;
	int sealed = 0;

	record_init(out);
	if (len > RECORD_MAX_SIZE)
		return error_set(err, 0, 0, "larger than %u bytes: not a record",
		    RECORD_MAX_SIZE);
	if (len == 0)
		return error_set(err, 1, 1, "empty file: not a handover record");
	while (pos < len) {
		const char *p = text + pos, *nl;
		size_t n;

		line++;
		if (line == 1 && (len < 16 || memcmp(p, "handover-record ", 16) != 0))
			return parse_header(p, 0, len, err);
		nl = memchr(p, '\n', len - pos);
		n = nl ? (size_t)(nl - p) : len - pos;
		if (n > RECORD_MAX_LINE) {
			error_set(err, line, RECORD_MAX_LINE + 1,
			    "line longer than %d bytes", RECORD_MAX_LINE);
			goto fail;
		}
		if (check_line_bytes(p, n, line, err) != 0)
			goto fail;
		if (!nl) {
			error_set(err, line, (long)n + 1,
			    "no newline at the end: the file looks truncated");
			goto fail;
		}
		if (line == 1) {
			if (parse_header(p, n, len, err) != 0)
				goto fail;
		} else if (n >= SEAL_PREFIX_LEN &&
		    memcmp(p, SEAL_PREFIX, SEAL_PREFIX_LEN) == 0) {
			if (sealed) {
				error_set(err, line, 1, "text after the seal line: "
				    "two seal lines in a row");
				goto fail;
			}
			if (parse_seal(p, n, line, out, err) != 0)
				goto fail;
			if (out->nblocks == 0)
				memcpy(out->check_seal, out->seal, sizeof out->seal);
			else
				memcpy(out->blocks[out->nblocks - 1].seal, out->seal,
				    sizeof out->seal);
			sealed = 1;
		} else {
			if (parse_field(p, n, line, out, err) != 0 ||
			    place_field(out, sealed, line, err) != 0)
				goto fail;
			sealed = 0;
		}
		pos += n + 1;
	}
	if (!sealed && !(flags & RECORD_ALLOW_UNSEALED)) {
		error_set(err, line + 1, 1,
		    "no seal line 'sha256: ...' at the end: unsealed or truncated");
		goto fail;
	}
	if (!sealed)
		out->seal[0] = '\0';
	return 0;
fail:
	record_release(out);
	return -1;
}

int
record_parse(const char *text, size_t len, struct record *out,
    struct error *err)
{
	return record_parse_opts(text, len, out, err, 0);
}
