/* SPDX-License-Identifier: MIT */
/* test_sniff: what an export is from its first bytes: workbooks,
 * archives, byte order marks, UTF-16 without one, text that is not
 * UTF-8, a header that is not text; then CSV (and its delimiter, and
 * Excel's "sep=" line) or which kind of JSON. */
#include <string.h>

#include "scan/sniff.h"
#include "harness.h"

static struct sniff_bytes
bytes(const char *p, size_t n)
{
	struct sniff_bytes b;

	sniff_bytes(p, n, 1, &b);
	return b;
}

#define B(lit) bytes(lit, sizeof(lit) - 1)

static struct sniff_text
text(const char *p)
{
	struct sniff_text t;

	sniff_text(p, strlen(p), 1, &t);
	return t;
}

static void
test_magic(void)
{
	CHECK_INT(B("PK\3\4\x14\0\0\0[Content_Types].xml").kind, SNIFF_XLSX);
	CHECK_INT(B("PK\3\4\x14\0\0\0xl/workbook.xml").kind, SNIFF_XLSX);
	CHECK_INT(B("PK\3\4mimetypeapplication/vnd.oasis.opendocument.spreadsheet").kind, SNIFF_ODS);
	CHECK_INT(B("PK\3\4listings.csv").kind, SNIFF_ZIP);
	CHECK_INT(B("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0").kind, SNIFF_XLS);
	CHECK_INT(B("\x1F\x8B\x08\0").kind, SNIFF_GZIP);
	CHECK_INT(B("%PDF-1.7\n").kind, SNIFF_PDF);
	CHECK_INT(B("id,title\n1,x\n").kind, SNIFF_CSV);
	/* a NUL in the header line: not text; later on it is a bad row */
	CHECK_INT(B("\0\1ELF\n").kind, SNIFF_BINARY);
	CHECK_INT(B("id,title\n1,\0\n").kind, SNIFF_CSV);
}

static void
test_encodings(void)
{
	struct sniff_bytes b;

	b = B("\xEF\xBB\xBFid;title\n");
	CHECK(b.enc == TRANSCODE_UTF8 && b.bom == 3 && !b.not_utf8);
	b = B("\xFF\xFEi\0d\0");
	CHECK(b.enc == TRANSCODE_UTF16LE && b.bom == 2);
	b = B("\xFE\xFF\0i\0d");
	CHECK(b.enc == TRANSCODE_UTF16BE && b.bom == 2);
	b = B("i\0d\0\t\0t\0i\0t\0l\0e\0\n\0");
	CHECK(b.enc == TRANSCODE_UTF8 && b.utf16_guess == TRANSCODE_UTF16LE);
	b = B("\0i\0d\0\t\0t\0i\0t\0l\0e\0\n");
	CHECK(b.utf16_guess == TRANSCODE_UTF16BE);
	/* Windows-1252: "Teléfono" on line 2 */
	b = B("id,title\n1,Tel\xE9" "fono\n");
	CHECK(b.not_utf8 && b.cp1252_likely && b.bad_line == 2 && b.bad_byte == 0xE9);
	b = B("id,title\n1,Tel\xC3\xA9" "fono\n");
	CHECK(!b.not_utf8 && !b.cp1252_likely);
	/* a sequence cut by the end of what was read is not judged */
	sniff_bytes("id,t\xC3", 5, 0, &b);
	CHECK(!b.not_utf8);
	sniff_bytes("id,t\xC3", 5, 1, &b);
	CHECK(b.not_utf8);
}

static void
test_text(void)
{
	struct sniff_text t;

	t = text("id,title\n");
	CHECK(t.kind == SNIFF_CSV && t.delim == ',' && t.skip == 0);
	t = text("\xEF\xBB\xBF" "ad_id;ad_title;price\n1;x;1,50\n");
	CHECK(t.kind == SNIFF_CSV && t.delim == ';');
	t = text("id\ttitle\n");
	CHECK(t.kind == SNIFF_CSV && t.delim == '\t');
	t = text("sep=;\r\nid;title\n");
	CHECK(t.kind == SNIFF_CSV && t.delim == ';' && t.skip == 7);
	t = text("  \n{\"id\": 1, \"t\": \"}\"}\n{\"id\": 2}\n");
	CHECK_INT(t.kind, SNIFF_JSONL);
	t = text("{\n  \"id\": 1\n}\n");
	CHECK_INT(t.kind, SNIFF_JSON_OBJECTS);
	t = text("[\n {\"id\": 1}\n]");
	CHECK_INT(t.kind, SNIFF_JSON_ARRAY);
	t = text("<html><body><table>");
	CHECK_INT(t.kind, SNIFF_MARKUP);
	t = text(" \r\n\t");
	CHECK_INT(t.kind, SNIFF_EMPTY);
	CHECK_STR(sniff_kind_name(SNIFF_XLSX), "an Excel workbook (xlsx)");
}

int
main(void)
{
	RUN(test_magic);
	RUN(test_encodings);
	RUN(test_text);
	return h_done();
}
