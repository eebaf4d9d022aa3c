/* SPDX-License-Identifier: MIT */
/* qr_check: structural invariants of an encoded QR symbol, shared by the
 * unit test and the fuzz target.  Reads the symbol back the way a reader
 * would (ISO/IEC 18004:2015 6.3, 7.9, 7.10), not the way qr.c draws it. */
#ifndef HANDOVER_QR_CHECK_H
#define HANDOVER_QR_CHECK_H

#include "export/qr.h"

/* 7x7 finder: dark ring, light ring, dark 3x3 core; light separator. */
static int
qr_check_finder(const struct qr *q, int x0, int y0)
{
	int x, y;

	for (y = -1; y <= 7; y++) {
		for (x = -1; x <= 7; x++) {
			int dx = x < 3 ? 3 - x : x - 3, dy = y < 3 ? 3 - y : y - 3;
			int ring = dx > dy ? dx : dy;	/* 0 centre .. 4 separator */
			int want = ring == 4 ? 0 : ring == 2 ? 0 : 1;

			if (qr_module(q, x0 + x, y0 + y) != want)
				return 0;
		}
	}
	return 1;
}

/* Reads bits MSB first from the listed (x, y) positions. */
static unsigned long
qr_check_read(const struct qr *q, const int (*xy)[2], int n)
{
	unsigned long v = 0;
	int i;

	for (i = 0; i < n; i++)
		v = v << 1 | (unsigned long)qr_module(q, xy[i][0], xy[i][1]);
	return v;
}

/* NULL when q is a well-formed symbol, else what is wrong. */
static const char *
qr_check_symbol(const struct qr *q)
{
	int s = q->size, i, j, n, pos[7], xy[18][2];

	if (q->version < 1 || q->version > QR_VERSION_MAX ||
	    s != 4 * q->version + 17 || q->mask < 0 || q->mask > 7 ||
	    q->ecl < QR_ECL_L || q->ecl > QR_ECL_H)
		return "header";
	if (!qr_check_finder(q, 0, 0) || !qr_check_finder(q, s - 7, 0) ||
	    !qr_check_finder(q, 0, s - 7))
		return "finder pattern";
	for (i = 8; i < s - 8; i++)
		if (qr_module(q, i, 6) != (i % 2 == 0) ||
		    qr_module(q, 6, i) != (i % 2 == 0))
			return "timing pattern";
	if (!qr_module(q, 8, 4 * q->version + 9))
		return "dark module";
	n = qr_alignment(q->version, pos);
	for (i = 0; i < n; i++) {
		for (j = 0; j < n; j++) {
			int x, y;

			if ((i == 0 && j == 0) || (i == 0 && j == n - 1) ||
			    (i == n - 1 && j == 0))
				continue;
			for (y = -2; y <= 2; y++)
				for (x = -2; x <= 2; x++) {
					int r = (x < 0 ? -x : x) > (y < 0 ? -y : y) ?
					    (x < 0 ? -x : x) : (y < 0 ? -y : y);

					if (qr_module(q, pos[i] + x, pos[j] + y) !=
					    (r != 1))
						return "alignment pattern";
				}
		}
	}
	/* format information, first copy: along row 8 left to right, then
	 * up column 8 (skipping the timing module) */
	for (i = 0, n = 0; i <= 8; i++)
		if (i != 6) {
			xy[n][0] = i;
			xy[n++][1] = 8;
		}
	for (i = 7; i >= 0; i--)
		if (i != 6) {
			xy[n][0] = 8;
			xy[n++][1] = i;
		}
	if (qr_check_read(q, (const int (*)[2])xy, 15) !=
	    qr_format_bits(q->ecl, q->mask))
		return "format information (top left)";
	/* second copy: up column 8 from the bottom, then row 8 rightwards */
	for (i = 0, n = 0; i < 7; i++) {
		xy[n][0] = 8;
		xy[n++][1] = s - 1 - i;
	}
	for (i = 0; i < 8; i++) {
		xy[n][0] = s - 8 + i;
		xy[n++][1] = 8;
	}
	if (qr_check_read(q, (const int (*)[2])xy, 15) !=
	    qr_format_bits(q->ecl, q->mask))
		return "format information (split)";
	if (q->version >= 7) {
		/* top right, bits 17..0: rows 5..0, columns s-9..s-11 */
		for (j = 5, n = 0; j >= 0; j--)
			for (i = s - 9; i >= s - 11; i--) {
				xy[n][0] = i;
				xy[n++][1] = j;
			}
		if (qr_check_read(q, (const int (*)[2])xy, 18) !=
		    qr_version_bits(q->version))
			return "version information (top right)";
		for (i = 0; i < 18; i++) {
			int t = xy[i][0];

			xy[i][0] = xy[i][1];
			xy[i][1] = t;
		}
		if (qr_check_read(q, (const int (*)[2])xy, 18) !=
		    qr_version_bits(q->version))
			return "version information (bottom left)";
	}
	return NULL;
}

#endif
