/* SPDX-License-Identifier: MIT */
/* record: building, serializing and sealing records (parse.c reads
 * them back). */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/grow.h"
#include "lib/utf8.h"
#include "record/record.h"
#include "record/record_priv.h"

static const char hexdigits[] = "0123456789abcdef";

char *
record_dup_n(const char *p, size_t n)
{
	char *s = malloc(n + 1);

	if (s) {
		memcpy(s, p, n);
		s[n] = '\0';
	}
	return s;
}

int
record_is_lower_hex(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!((p[i] >= '0' && p[i] <= '9') || (p[i] >= 'a' && p[i] <= 'f')))
			return 0;
	return 1;
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * The escaping, both directions, and nowhere else.  In a value on disk:
 * "\\" is a backslash, "\n" a line feed, "\t" a tab, "\r" a carriage
 * return, "\xHH" any other byte (00 excepted).  The writer escapes the
 * backslash, every C0 control byte, DEL, and each byte that is not part
 * of a valid UTF-8 sequence, so a record is always valid UTF-8 text with
 * one field per line.
 */
void
escape_value(struct buf *b, const char *v)
{
	size_t n = strlen(v), i = 0, run = 0;

	while (i < n) {
		unsigned char c = (unsigned char)v[i];
		char e[4];
		size_t k;

		if (c >= 0x20 && c < 0x7f && c != '\\') {
			i++;
			run++;
			continue;
		}
		if (c >= 0x80 && (k = utf8_valid_prefix(v + i, n - i)) > 0) {
			i += k;
			run += k;
			continue;
		}
		buf_put(b, v + i - run, run);
		run = 0;
		e[0] = '\\';
		switch (c) {
		case '\\': buf_put(b, "\\\\", 2); break;
		case '\n': buf_put(b, "\\n", 2); break;
		case '\t': buf_put(b, "\\t", 2); break;
		case '\r': buf_put(b, "\\r", 2); break;
		default:
			e[1] = 'x';
			e[2] = hexdigits[c >> 4];
			e[3] = hexdigits[c & 15];
			buf_put(b, e, 4);
		}
		i++;
	}
	buf_put(b, v + i - run, run);
}

/* Decodes the n escaped bytes at p into out (room for n + 1).  Returns
 * the decoded length, or -1 with *bad at the offending offset. */
long
record_unescape(const char *p, size_t n, char *out, size_t *bad)
{
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		int hi, lo;

		if (p[i] != '\\') {
			out[o++] = p[i];
			continue;
		}
		*bad = i;
		if (i + 1 >= n)
			return -1;
		switch (p[++i]) {
		case '\\': out[o++] = '\\'; break;
		case 'n': out[o++] = '\n'; break;
		case 't': out[o++] = '\t'; break;
		case 'r': out[o++] = '\r'; break;
		case 'x':
			if (i + 2 >= n)
				return -1;
			hi = hexval(p[i + 1]);
			lo = hexval(p[i + 2]);
			if (hi < 0 || lo < 0 || (hi | lo) == 0)
				return -1;
			out[o++] = (char)(hi << 4 | lo);
			i += 2;
			break;
		default:
			return -1;
		}
	}
	out[o] = '\0';
	return (long)o;
}

/* Bytes the field's line takes on disk, without its newline. */
static size_t
line_length(const char *key, const char *value)
{
	struct buf b;

	buf_init_null(&b);
	escape_value(&b, value);
	return strlen(key) + (b.written > 0 ? 2 : 1) + (size_t)b.written;
}

void
record_init(struct record *r)
{
	memset(r, 0, sizeof *r);
}

void
record_release(struct record *r)
{
	size_t i;

	for (i = 0; i < r->nfields; i++) {
		free(r->fields[i].key);
		free(r->fields[i].value);
	}
	free(r->fields);
	free(r->blocks);
	record_init(r);
}

/* 1 when the n bytes at key are a valid key ([a-z0-9._-]+, at most
 * RECORD_MAX_KEY bytes, not the reserved "sha256"). */
static int
record_key_valid(const char *key, size_t n)
{
	size_t i;

	if (n == 0 || n > RECORD_MAX_KEY)
		return 0;
	if (n == 6 && memcmp(key, "sha256", 6) == 0)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)key[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '.' || c == '_' || c == '-'))
			return 0;
	}
	return 1;
}

/* Appends a field taking ownership of key and value (freed on failure). */
int
record_append_owned(struct record *r, char *key, char *value)
{
	if (r->nfields >= RECORD_MAX_FIELDS) {
		free(key);
		free(value);
		errno = E2BIG;
		return -1;
	}
	if (grow_array(&r->fields, &r->cap, r->nfields + 1, sizeof *r->fields) != 0) {
		free(key);
		free(value);
		errno = ENOMEM;
		return -1;
	}
	r->fields[r->nfields].key = key;
	r->fields[r->nfields].value = value;
	r->nfields++;
	return 0;
}

/* Where a key may stand: 0 anywhere in the check, 1 "recheck" (a
 * block's first line), 2 "recheck.*" (inside a block). */
int
record_key_scope(const char *key, size_t n)
{
	size_t k = sizeof RECORD_BLOCK_KEY - 1;

	if (n < k || memcmp(key, RECORD_BLOCK_KEY, k) != 0)
		return 0;
	if (n == k)
		return 1;
	return key[k] == '.' ? 2 : 0;
}

size_t
record_check_nfields(const struct record *r)
{
	return r->nblocks ? r->blocks[0].first : r->nfields;
}

static int
check_field(const char *key, const char *value)
{
	if (!key || !value || !record_key_valid(key, strlen(key))) {
		errno = EINVAL;
		return -1;
	}
	if (line_length(key, value) > RECORD_MAX_LINE) {
		errno = E2BIG;
		return -1;
	}
	return 0;
}

/* Appends a field, copying key and value; the key's scope is the
 * caller's to check. */
static int
add_copy(struct record *r, const char *key, const char *value)
{
	char *k, *v;

	if (check_field(key, value) != 0)
		return -1;
	k = record_dup_n(key, strlen(key));
	v = record_dup_n(value, strlen(value));
	if (!k || !v) {
		free(k);
		free(v);
		errno = ENOMEM;
		return -1;
	}
	if (record_append_owned(r, k, v) != 0)
		return -1;
	if (r->nblocks)
		r->blocks[r->nblocks - 1].nfields++;
	return 0;
}

int
record_add(struct record *r, const char *key, const char *value)
{
	int scope = key ? record_key_scope(key, strlen(key)) : 0;

	if (scope == 1 || (scope == 2) != (r->nblocks > 0)) {
		errno = EINVAL;
		return -1;
	}
	return add_copy(r, key, value);
}

int
record_begin_block(struct record *r, const char *value)
{
	struct record_block *b;

	if (check_field(RECORD_BLOCK_KEY, value) != 0)
		return -1;
	if (grow_array(&r->blocks, &r->blocks_cap, r->nblocks + 1, sizeof *r->blocks) != 0) {
		errno = ENOMEM;
		return -1;
	}
	b = &r->blocks[r->nblocks++];
	memset(b, 0, sizeof *b);
	b->first = r->nfields;
	if (add_copy(r, RECORD_BLOCK_KEY, value) != 0) {
		r->nblocks--;
		return -1;
	}
	return 0;
}

int
record_set(struct record *r, const char *key, const char *value)
{
	size_t i;
	char *v;

	if (check_field(key, value) != 0)
		return -1;
	for (i = 0; i < r->nfields; i++)
		if (strcmp(r->fields[i].key, key) == 0) {
			if (!(v = record_dup_n(value, strlen(value)))) {
				errno = ENOMEM;
				return -1;
			}
			free(r->fields[i].value);
			r->fields[i].value = v;
			return 0;
		}
	return record_add(r, key, value);
}

const struct record_field *
record_find(const struct record *r, const char *key,
    const struct record_field *after)
{
	size_t i = after ? (size_t)(after - r->fields) + 1 : 0;

	for (; i < r->nfields; i++)
		if (strcmp(r->fields[i].key, key) == 0)
			return &r->fields[i];
	return NULL;
}

const char *
record_get(const struct record *r, const char *key)
{
	const struct record_field *f = record_find(r, key, NULL);

	return f ? f->value : NULL;
}

size_t
record_count(const struct record *r, const char *key)
{
	const struct record_field *f;
	size_t n = 0;

	for (f = record_find(r, key, NULL); f; f = record_find(r, key, f))
		n++;
	return n;
}

size_t
record_remove(struct record *r, const char *key)
{
	size_t i, j = 0, gone = 0, b = 0;

	if (record_key_scope(key, strlen(key)) == 1)
		return 0;
	for (i = 0; i < r->nfields; i++) {
		/* the blocks from here on start one field earlier per removal */
		while (b < r->nblocks && r->blocks[b].first == i)
			r->blocks[b++].first = j;
		if (strcmp(r->fields[i].key, key) == 0) {
			free(r->fields[i].key);
			free(r->fields[i].value);
			if (b > 0)
				r->blocks[b - 1].nfields--;
			gone++;
			continue;
		}
		r->fields[j++] = r->fields[i];
	}
	r->nfields = j;
	return gone;
}

void
put_field_line(struct buf *b, const struct record_field *f)
{
	buf_puts(b, f->key);
	buf_putc(b, ':');
	if (f->value[0] != '\0') {
		buf_putc(b, ' ');
		escape_value(b, f->value);
	}
	buf_putc(b, '\n');
}

void
put_seal_line(struct buf *b)
{
	char hex[SHA256_HEX_SIZE];

	if (!b->err && b->len + SEAL_LINE_LEN + 1 > RECORD_MAX_SIZE)
		b->err = E2BIG;
	if (b->err)
		return;
	sha256_hex_of(b->mem, b->len, hex);
	buf_puts(b, SEAL_PREFIX " ");
	buf_put(b, hex, 64);
	buf_putc(b, '\n');
}

int
record_serialize(const struct record *r, struct buf *out)
{
	struct buf body;
	size_t i, b = 0;
	int err;

	buf_init_mem(&body);
	buf_put(&body, RECORD_HEADER "\n", sizeof RECORD_HEADER);
	for (i = 0; i < r->nfields; i++) {
		if (b < r->nblocks && r->blocks[b].first == i) {
			put_seal_line(&body);
			b++;
		}
		put_field_line(&body, &r->fields[i]);
	}
	put_seal_line(&body);
	if ((err = body.err) == 0) {
		buf_put(out, body.mem, body.len);
		err = out->err;
	}
	buf_release(&body);
	return err;
}
