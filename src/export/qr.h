/* SPDX-License-Identifier: MIT */
/* qr: a QR code encoder (ISO/IEC 18004, model 2, byte mode, versions 1-40,
 * all four error correction levels), rendered by qr_svg.c. */
#ifndef HANDOVER_QR_H
#define HANDOVER_QR_H

#include <stddef.h>

#include "lib/buf.h"
#include "lib/error.h"

/* Error correction levels, weakest first (about 7, 15, 25, 30 percent). */
enum qr_ecl { QR_ECL_L, QR_ECL_M, QR_ECL_Q, QR_ECL_H };

#define QR_VERSION_MAX	40
#define QR_SIZE_MAX	177		/* 4 * 40 + 17 */
#define QR_QUIET	4		/* quiet zone, modules each side */
#define QR_MASK_AUTO	(-1)

/* Module flags in struct qr's grid. */
#define QR_DARK		1
#define QR_FUNCTION	2		/* finder, timing, alignment, format... */

/* A symbol.  Fixed size (about 31 KB): no allocation anywhere. */
struct qr {
	int version;		/* 1..40 */
	int size;		/* modules a side, 4 * version + 17 */
	int ecl;		/* enum qr_ecl */
	int mask;		/* 0..7, the data mask chosen (or forced) */
	unsigned char mod[QR_SIZE_MAX * QR_SIZE_MAX];	/* row-major flags */
};

/* Encodes len bytes of data in byte mode at level ecl, in the smallest
 * version that holds them, with the mask of lowest penalty.  Returns 0,
 * or -1 with err filled (bad level, data too long for version 40). */
int qr_encode(const unsigned char *data, size_t len, int ecl, struct qr *out,
    struct error *err);
/* qr_encode with the mask forced (0..7), or QR_MASK_AUTO; for tests. */
int qr_encode_mask(const unsigned char *data, size_t len, int ecl, int mask,
    struct qr *out, struct error *err);

/* 1 when the module at column x, row y is dark; 0 when light or outside
 * the symbol (the quiet zone). */
int qr_module(const struct qr *q, int x, int y);

/* Renders q as an inline SVG element (no XML declaration): one path of
 * dark modules, one subpath per horizontal run, on a white square with
 * the quiet zone; px > 0 sets width and height in pixels. */
void qr_svg(const struct qr *q, int px, struct buf *b);
/* Renders q as a binary PGM (P5) image, scale pixels per module, with the
 * quiet zone; for decoders in the tests. */
void qr_pgm(const struct qr *q, int scale, struct buf *b);
/* The same as a binary PBM (P4) image. */
void qr_pbm(const struct qr *q, int scale, struct buf *b);

/* Lower level, exposed for the tests. */

/* The most bytes byte mode holds in version at level ecl; -1 when either
 * is out of range. */
int qr_capacity(int version, int ecl);
/* Codewords of the symbol in all, and those that carry data. */
int qr_total_codewords(int version);
int qr_data_codewords(int version, int ecl);
/* Row/column centres of the alignment patterns into pos[7]; returns how
 * many (0 for version 1). */
int qr_alignment(int version, int pos[7]);
/* The 15 format bits for level and mask, BCH(15,5) coded and masked with
 * 0x5412; the 18 version bits, BCH(18,6) coded. */
unsigned qr_format_bits(int ecl, int mask);
unsigned long qr_version_bits(int version);
/* The penalty score of the symbol as it stands (rules N1 to N4). */
long qr_penalty(const struct qr *q);
/* 1 when mask pattern m inverts the module at column x, row y. */
int qr_mask_bit(int m, int x, int y);

/* Reed-Solomon over GF(256) (polynomial 0x11d): writes the necc error
 * correction codewords of data[0..n) into ec.  necc at most QR_RS_MAX. */
#define QR_RS_MAX	30		/* the most any QR block uses */
void qr_rs_encode(const unsigned char *data, size_t n, int necc,
    unsigned char *ec);

#endif
