/* SPDX-License-Identifier: MIT */
/* transcode: text in the encodings spreadsheets and old systems export
 * (UTF-16 little or big endian, Windows-1252) turned into UTF-8 as a
 * stream, so the readers see UTF-8 only. */
#ifndef HANDOVER_TRANSCODE_H
#define HANDOVER_TRANSCODE_H

#include <stddef.h>
#include <stdint.h>

enum transcode_enc {
	TRANSCODE_UTF8,		/* passed through as it is */
	TRANSCODE_UTF16LE,	/* Excel's "Unicode Text" */
	TRANSCODE_UTF16BE,
	TRANSCODE_CP1252	/* Windows-1252, a superset of ISO 8859-1's text */
};

/*
 * The state between two calls: half a UTF-16 code unit, or a high
 * surrogate waiting for its low half.  A lone surrogate, and half a code
 * unit at the very end, become U+FFFD; Windows-1252's five unassigned
 * bytes become the C1 controls of the same number, as Windows does.
 */
struct transcode {
	enum transcode_enc enc;
	int have_byte;		/* UTF-16: the first byte of a code unit */
	unsigned char byte;
	uint32_t high;		/* UTF-16: a pending high surrogate, or 0 */
};

void transcode_init(struct transcode *t, enum transcode_enc enc);

/*
 * Converts the n bytes at in into UTF-8 at out (cap bytes, at least 8).
 * Sets *used to the bytes of in consumed (all of them unless out filled
 * up) and returns the bytes written.  final says no more input follows
 * (what is pending is then flushed: call again with final set until a
 * call consumes all and returns 0).  Borrows in; writes only out.
 */
size_t transcode_run(struct transcode *t, const char *in, size_t n, char *out,
    size_t cap, size_t *used, int final);

/* The encoding a name gives ("utf-8", "utf-16le", "cp1252", "latin1",
 * any case, "-" or "_" or neither): 0, or -1 for a name it does not know
 * ("utf-16" alone is little endian, as Windows writes it). */
int transcode_parse_name(const char *name, enum transcode_enc *out);
const char *transcode_name(enum transcode_enc enc);	/* "UTF-16LE" */

#endif
