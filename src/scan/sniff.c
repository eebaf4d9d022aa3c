/* SPDX-License-Identifier: MIT */
/* sniff: magic numbers, byte order marks, UTF-8 validity, then the first
 * character and the first line of the text. */
#include <string.h>

#include "lib/csv.h"
#include "lib/jsonl.h"
#include "lib/utf8.h"
#include "scan/sniff.h"

static int
starts(const char *p, size_t n, const char *magic, size_t m)
{
	return n >= m && memcmp(p, magic, m) == 0;
}

static int
contains(const char *p, size_t n, const char *s)
{
	size_t m = strlen(s), i;

	for (i = 0; i + m <= n; i++)
		if (p[i] == s[0] && memcmp(p + i, s, m) == 0)
			return 1;
	return 0;
}

/* A zip archive: which kind of document it holds, from the names of its
 * first entries. */
static enum sniff_kind
zip_kind(const char *p, size_t n)
{
	if (contains(p, n, "opendocument.spreadsheet"))
		return SNIFF_ODS;
	if (contains(p, n, "xl/") || contains(p, n, "[Content_Types].xml"))
		return SNIFF_XLSX;
	return SNIFF_ZIP;
}

static enum sniff_kind
magic_kind(const char *p, size_t n)
{
	if (starts(p, n, "PK\3\4", 4))
		return zip_kind(p, n);
	if (starts(p, n, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
		return SNIFF_XLS;
	if (starts(p, n, "\x1F\x8B", 2))
		return SNIFF_GZIP;
	if (starts(p, n, "BZh", 3))
		return SNIFF_BZIP2;
	if (starts(p, n, "\xFD" "7zXZ", 5))
		return SNIFF_XZ;
	if (starts(p, n, "%PDF-", 5))
		return SNIFF_PDF;
	return SNIFF_CSV;
}

/* NULs at odd or even offsets, as ASCII text in UTF-16 has them. */
static int
utf16_pattern(const char *p, size_t n)
{
	size_t i, even = 0, odd = 0, m = n < 512 ? n : 512;

	for (i = 0; i < m; i++)
		if (p[i] == '\0' && (i & 1))
			odd++;
		else if (p[i] == '\0')
			even++;
	if (m < 4)
		return -1;
	if (odd * 3 >= m && even * 20 < m)
		return TRANSCODE_UTF16LE;
	if (even * 3 >= m && odd * 20 < m)
		return TRANSCODE_UTF16BE;
	return -1;
}

void
sniff_bytes(const char *p, size_t n, int eof, struct sniff_bytes *out)
{
	size_t i, k;
	long line = 1;
	int nul = 0;

	memset(out, 0, sizeof *out);
	out->enc = TRANSCODE_UTF8;
	out->utf16_guess = -1;
	out->kind = magic_kind(p, n);
	if (out->kind != SNIFF_CSV)
		return;
	if (starts(p, n, "\xEF\xBB\xBF", 3)) {
		out->bom = 3;
	} else if (starts(p, n, "\xFF\xFE", 2)) {
		out->bom = 2;
		out->enc = TRANSCODE_UTF16LE;
		return;
	} else if (starts(p, n, "\xFE\xFF", 2)) {
		out->bom = 2;
		out->enc = TRANSCODE_UTF16BE;
		return;
	}
	if ((out->utf16_guess = utf16_pattern(p, n)) >= 0)
		return;
	for (i = out->bom; i < n; i += k) {
		unsigned char c = (unsigned char)p[i];

		if (c < 0x80) {
			k = 1;
			if (c == 0 && line == 1)
				out->kind = SNIFF_BINARY;	/* the header is not text */
			nul |= c == 0;
			line += c == '\n';
			continue;
		}
		if ((k = utf8_valid_prefix(p + i, n - i)) != 0)
			continue;
		if (!eof && n - i < 4)
			break;	/* a sequence the read cut: not judged */
		if (!out->not_utf8) {
			out->not_utf8 = 1;
			out->bad_line = line;
			out->bad_byte = c;
		}
		k = 1;
	}
	out->cp1252_likely = out->not_utf8 && !nul;
}

/* The first line from p is one whole JSON object: its braces close on it
 * (quotes and escapes followed). */
static int
object_on_one_line(const char *p, size_t n)
{
	long nl;

	return jsonl_object_end(p, 0, n, &nl) != 0 && nl == 0;
}

void
sniff_text(const char *p, size_t n, int eof, struct sniff_text *out)
{
	size_t i = 0, e;

	(void)eof;
	memset(out, 0, sizeof *out);
	out->delim = ',';
	if (starts(p, n, "\xEF\xBB\xBF", 3))
		i = 3;
	while (i < n && strchr(" \t\r\n", p[i]))
		i++;
	if (i == n) {
		out->kind = SNIFF_EMPTY;
		return;
	}
	if (p[i] == '[') {
		out->kind = SNIFF_JSON_ARRAY;
		return;
	}
	if (p[i] == '{') {
		out->kind = object_on_one_line(p + i, n - i) ? SNIFF_JSONL :
		    SNIFF_JSON_OBJECTS;
		return;
	}
	if (p[i] == '<') {
		out->kind = SNIFF_MARKUP;
		return;
	}
	out->kind = SNIFF_CSV;
	/* Excel's "sep=;" line names the delimiter */
	i = starts(p, n, "\xEF\xBB\xBF", 3) ? 3 : 0;
	if (n - i >= 5 && memcmp(p + i, "sep=", 4) == 0 && p[i + 4] != '\n' &&
	    p[i + 4] != '"' && p[i + 4] != '\r' && p[i + 4] != '\0') {
		out->delim = p[i + 4];
		for (e = i + 5; e < n && p[e] != '\n'; e++)
			;
		out->skip = e < n ? e + 1 : n;
		return;
	}
	out->delim = csv_sniff_delimiter(p + i, n - i);
}

const char *
sniff_kind_name(enum sniff_kind k)
{
	switch (k) {
	case SNIFF_EMPTY: return "empty";
	case SNIFF_CSV: return "CSV";
	case SNIFF_JSONL: return "JSON Lines";
	case SNIFF_JSON_ARRAY: return "a JSON array";
	case SNIFF_JSON_OBJECTS: return "JSON objects over several lines";
	case SNIFF_XLSX: return "an Excel workbook (xlsx)";
	case SNIFF_XLS: return "an Excel 97-2003 workbook (xls)";
	case SNIFF_ODS: return "an OpenDocument spreadsheet (ods)";
	case SNIFF_ZIP: return "a zip archive";
	case SNIFF_GZIP: return "gzip-compressed";
	case SNIFF_BZIP2: return "bzip2-compressed";
	case SNIFF_XZ: return "xz-compressed";
	case SNIFF_PDF: return "a PDF document";
	case SNIFF_MARKUP: return "HTML or XML";
	case SNIFF_BINARY: return "binary data";
	}
	return "unknown";
}
