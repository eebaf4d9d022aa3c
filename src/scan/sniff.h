/* SPDX-License-Identifier: MIT */
/* sniff: what an export is, from its first bytes: the encoding, whether it
 * is text at all (or a workbook, an archive, a PDF), then CSV or JSON and
 * which kind.  The front end decides what to say about it. */
#ifndef HANDOVER_SNIFF_H
#define HANDOVER_SNIFF_H

#include <stddef.h>

#include "lib/transcode.h"

enum sniff_kind {
	SNIFF_EMPTY,		/* nothing but white space */
	SNIFF_CSV,		/* delimited text with a header row */
	SNIFF_JSONL,		/* one JSON object a line */
	SNIFF_JSON_ARRAY,	/* [ {...}, {...} ] */
	SNIFF_JSON_OBJECTS,	/* objects over several lines (pretty-printed) */
	/* what scan does not read, each named for what to do */
	SNIFF_XLSX, SNIFF_XLS, SNIFF_ODS, SNIFF_ZIP, SNIFF_GZIP, SNIFF_BZIP2,
	SNIFF_XZ, SNIFF_PDF, SNIFF_MARKUP, SNIFF_BINARY
};

/* What the raw bytes say. */
struct sniff_bytes {
	enum sniff_kind kind;	/* SNIFF_CSV for any text, else what it is
				 * (SNIFF_BINARY: a NUL in the first line) */
	enum transcode_enc enc;	/* from the byte order mark, else UTF-8 */
	size_t bom;		/* bytes of the byte order mark, 0 if none */
	int utf16_guess;	/* no BOM, but NULs say UTF-16: an enc, else -1 */
	/* the first byte that is not valid UTF-8, when enc is UTF-8 */
	int not_utf8;
	long bad_line;		/* 1-based */
	unsigned char bad_byte;
	int cp1252_likely;	/* not UTF-8, and no NUL: a single-byte code page */
};

/* Looks at the first n bytes of an input (eof: that is all of it). */
void sniff_bytes(const char *p, size_t n, int eof, struct sniff_bytes *out);

/* What the text (UTF-8, after any BOM) says. */
struct sniff_text {
	enum sniff_kind kind;	/* SNIFF_EMPTY, _CSV, _JSONL, _JSON_ARRAY, _JSON_OBJECTS
				 * or SNIFF_MARKUP */
	char delim;		/* CSV: ',' ';' or TAB */
	size_t skip;		/* CSV: bytes of an Excel "sep=;" line to skip */
};

void sniff_text(const char *p, size_t n, int eof, struct sniff_text *out);

/* A few words for the kind: "an Excel workbook (xlsx)". */
const char *sniff_kind_name(enum sniff_kind k);

#endif
