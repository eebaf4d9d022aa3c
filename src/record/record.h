/* SPDX-License-Identifier: MIT */
/* record: the sealed record format (docs/record-format.md), pure: parse,
 * build, serialize with its seal, check a seal.  No I/O. */
#ifndef HANDOVER_RECORD_H
#define HANDOVER_RECORD_H

#include <stddef.h>
#include <stdint.h>

#include "lib/buf.h"
#include "lib/error.h"
#include "lib/sha256.h"

#define RECORD_HEADER "handover-record 1"
#define RECORD_MAX_LINE 8192	/* bytes in one line, without its newline */
#define RECORD_MAX_FIELDS 10000
#define RECORD_MAX_KEY 64	/* bytes in a key */
#define RECORD_MAX_SIZE (4u << 20)	/* bytes in a whole record file */

/* One "key: value" line.  Both strings are owned by the record. */
struct record_field {
	char *key;		/* [a-z0-9._-]+, NUL-terminated */
	char *value;		/* unescaped, NUL-terminated, may be "" */
};

/* An ordered list of fields; keys may repeat (lists).  Zero-initialised
 * or record_init is empty; record_release frees everything it owns. */
struct record {
	struct record_field *fields;
	size_t nfields, cap;
	char seal[SHA256_HEX_SIZE];	/* after parsing: the seal line's hex,
					 * "" when unsealed */
};

enum record_seal {
	RECORD_INTACT,		/* the seal matches every byte above it */
	RECORD_ALTERED,		/* a seal line that does not match, or is damaged */
	RECORD_UNSEALED		/* the last line is not a seal line */
};

/* record_parse_opts flags */
#define RECORD_ALLOW_UNSEALED 1	/* a record without a seal line parses */

void record_init(struct record *r);
void record_release(struct record *r);

/* Appends key: value, copying both (the caller keeps its strings).  Any
 * NUL-free value is allowed; it is escaped when serialized.  Returns 0,
 * or -1 with errno EINVAL (bad key), E2BIG (the line would pass
 * RECORD_MAX_LINE, or too many fields) or ENOMEM. */
int record_add(struct record *r, const char *key, const char *value);
/* Replaces the value of the first field called key, or appends it.
 * Returns like record_add. */
int record_set(struct record *r, const char *key, const char *value);
/* The value of the first field called key (borrowed), or NULL. */
const char *record_get(const struct record *r, const char *key);
/* The next field called key after `after` (NULL: the first), or NULL:
 *   for (f = record_find(r, "attachment", NULL); f;
 *       f = record_find(r, "attachment", f))
 * The pointers stay valid until the record is changed. */
const struct record_field *record_find(const struct record *r,
    const char *key, const struct record_field *after);
/* How many fields are called key. */
size_t record_count(const struct record *r, const char *key);
/* Removes every field called key; returns how many. */
size_t record_remove(struct record *r, const char *key);

/* Writes the header, the fields in order and the seal line
 * "sha256: <hex>\n" over every byte written above it.  Returns 0 or the
 * buf's first error (errno value). */
int record_serialize(const struct record *r, struct buf *out);

/* Parses len bytes of text into out (which it initialises; on failure
 * out is left empty).  The text must be a sealed record; the seal is
 * read into out->seal but not checked (record_check_seal does that).
 * Returns 0, or -1 with err's line, column (1-based) and message. */
int record_parse(const char *text, size_t len, struct record *out,
    struct error *err);
int record_parse_opts(const char *text, size_t len, struct record *out,
    struct error *err, unsigned flags);

/* Whether the last line seals every byte above it.  expected_hex gets
 * the SHA-256 of the bytes above the last line (for RECORD_UNSEALED:
 * of the whole text).  Only looks at bytes, so it answers for texts
 * that do not parse too. */
enum record_seal record_check_seal(const char *text, size_t len,
    char expected_hex[SHA256_HEX_SIZE]);

/* 1 when the n bytes at p are all lowercase hex digits. */
int record_is_lower_hex(const char *p, size_t n);

/* The attachment value "<sha256-hex> <size> <name>". */
struct record_attachment {
	char sha256[SHA256_HEX_SIZE];
	uint64_t size;
	const char *name;	/* borrowed from the parsed value */
};

/* Parses an attachment value; the name must be one path component (no
 * '/', not "." or ".."), non-empty.  Returns 0 or -1 with err's column. */
int record_attachment_parse(const char *value, struct record_attachment *a,
    struct error *err);
/* Appends "attachment: <hex> <size> <name>".  Returns like record_add,
 * EINVAL also for a bad hex or name. */
int record_add_attachment(struct record *r, const char *hex, uint64_t size,
    const char *name);

/* Writes the record as one JSON object:
 * {"format":"handover-record 1","fields":[["key","value"],...],
 *  "sha256":"<seal hex or null>"}.  Returns 0 or the buf's error. */
int record_write_json(const struct record *r, struct buf *out);

#endif
