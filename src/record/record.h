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

/* The one kind of block a record can grow by: "recheck: <time>" after a
 * seal line starts it, and its other keys all start "recheck.". */
#define RECORD_BLOCK_KEY "recheck"

/* A block appended after a seal (docs/record-format.md, "Blocks"): its
 * fields are r->fields[first .. first + nfields), the first of them
 * "recheck: <time>". */
struct record_block {
	size_t first, nfields;
	long line;		/* parsed: the line of its first field; else 0 */
	char seal[SHA256_HEX_SIZE];	/* parsed: its seal's hex; "" when
					 * unsealed or built in memory */
};

/* An ordered list of fields; keys may repeat (lists).  The check's own
 * fields come first; a record that grew has blocks after them, each
 * with its own seal.  Zero-initialised or record_init is empty;
 * record_release frees everything it owns. */
struct record {
	struct record_field *fields;
	size_t nfields, cap;
	char seal[SHA256_HEX_SIZE];	/* after parsing: the last seal line's
					 * hex, "" when unsealed */
	char check_seal[SHA256_HEX_SIZE];	/* after parsing: the first seal
					 * line's, which closes the check;
					 * "" when there is none */
	struct record_block *blocks;	/* in file order; none for a record
					 * that did not grow */
	size_t nblocks, blocks_cap;
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

/* Appends key: value, copying both (the caller keeps its strings), to
 * the check or, once a block was begun, to the last block.  Any NUL-free
 * value is allowed; it is escaped when serialized.  Returns 0, or -1
 * with errno EINVAL (bad key: also "recheck", and "recheck.*" outside a
 * block or another key inside one), E2BIG (the line would pass
 * RECORD_MAX_LINE, or too many fields) or ENOMEM. */
int record_add(struct record *r, const char *key, const char *value);
/* Begins a new block, "recheck: <value>"; the record_add calls after it
 * fill the block.  Returns like record_add. */
int record_begin_block(struct record *r, const char *value);
/* How many fields the check itself has: those before the first block. */
size_t record_check_nfields(const struct record *r);
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
/* Removes every field called key (never a block's first field);
 * returns how many. */
size_t record_remove(struct record *r, const char *key);

/* Writes the header, the check's fields in order and the seal line
 * "sha256: <hex>\n" over every byte written above it; then each block,
 * its fields and a seal line over every byte above that (earlier seals
 * included).  Returns 0 or the buf's first error (errno value): E2BIG
 * past RECORD_MAX_SIZE. */
int record_serialize(const struct record *r, struct buf *out);

/* Parses len bytes of text into out (which it initialises; on failure
 * out is left empty).  The text must be a sealed record; the seal is
 * read into out->seal but not checked (record_check_seal does that).
 * Returns 0, or -1 with err's line, column (1-based) and message. */
int record_parse(const char *text, size_t len, struct record *out,
    struct error *err);
int record_parse_opts(const char *text, size_t len, struct record *out,
    struct error *err, unsigned flags);

/* Whether the last line is a seal line and every seal line (the last
 * and any earlier ones, which close blocks) is the SHA-256 of every byte
 * above it.  expected_hex gets the SHA-256 of the bytes above the last
 * line (for RECORD_UNSEALED: of the whole text).  Only looks at bytes,
 * so it answers for texts that do not parse too. */
enum record_seal record_check_seal(const char *text, size_t len,
    char expected_hex[SHA256_HEX_SIZE]);

/* One seal line found by record_seals: the block it closes is the bytes
 * [start, seal) of the text, lines first_line .. seal_line - 1 (the
 * first block, the check, starts at byte 0, line 1). */
struct record_sealed {
	size_t start, seal;	/* byte offsets: the block, its seal line */
	long first_line, seal_line;
	int ok;			/* well-formed and equal to computed */
	char computed[SHA256_HEX_SIZE];	/* SHA-256 of every byte above the
					 * seal line */
};

/* Every seal line of text, in order, into *out (caller frees; NULL when
 * none) and *n; *verdict as record_check_seal says it.  Only looks at
 * bytes.  Returns 0, or -1 with errno ENOMEM. */
int record_seals(const char *text, size_t len, enum record_seal *verdict,
    struct record_sealed **out, size_t *n);

/* record_append_block flags */
#define RECORD_REPLACE_OPEN 1	/* replace the last block when it is an
				 * unfinished re-check (recheck.state: open) */

/* Grows a sealed record: writes to out the len bytes of text, then the
 * fields of blk's last block (begun with record_begin_block) and a seal
 * line over every byte above it.  The text must be an intact, parsing
 * record whose check is sealed (state: sealed); its bytes are copied as
 * they are, so every earlier seal still holds.  With RECORD_REPLACE_OPEN
 * a last block that is an open re-check is left out and replaced.
 * Returns 0, or -1 with err (nothing useful in out). */
int record_append_block(const char *text, size_t len, const struct record *blk,
    unsigned flags, struct buf *out, struct error *err);

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
 *  "sha256":"<seal hex or null>"}: the check's fields and its seal; a
 * record that grew adds "blocks":[{"fields":[...],"sha256":...},...], the
 * last block's seal being the file's last line.  Returns 0 or the buf's
 * error. */
int record_write_json(const struct record *r, struct buf *out);

#endif
