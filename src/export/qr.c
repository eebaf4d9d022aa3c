/* SPDX-License-Identifier: MIT */
/* qr: encodes bytes as a QR code symbol (ISO/IEC 18004:2015, model 2):
 * byte mode data, Reed-Solomon blocks interleaved, function patterns,
 * data placement, mask choice, format and version information. */
#include <string.h>

#include "export/qr.h"

/* Table 9 of the standard: error correction codewords per block and the
 * number of blocks, by level (L M Q H) and version 1..40.  The block
 * lengths follow from these and the codeword count of the version. */
static const unsigned char ecc_per_block[4][QR_VERSION_MAX] = {
	{ 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28,
	  30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30,
	  30, 30, 30, 30, 30, 30 },
	{ 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28,
	  26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
	  28, 28, 28, 28, 28, 28 },
	{ 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28,
	  28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30,
	  30, 30, 30, 30, 30, 30 },
	{ 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28,
	  28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
	  30, 30, 30, 30, 30, 30 },
};

static const unsigned char blocks[4][QR_VERSION_MAX] = {
	{ 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9,
	  9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24,
	  25 },
	{ 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
	  17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43,
	  45, 47, 49 },
	{ 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21,
	  20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56,
	  59, 62, 65, 68 },
	{ 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25,
	  25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66,
	  70, 74, 77, 81 },
};

/* Annex E: alignment pattern centres after the first (always 6).  Each
 * row lists the rest; zeros end it. */
static const unsigned char align_pos[QR_VERSION_MAX][6] = {
	{ 0 }, { 18 }, { 22 }, { 26 }, { 30 }, { 34 },
	{ 22, 38 }, { 24, 42 }, { 26, 46 }, { 28, 50 }, { 30, 54 },
	{ 32, 58 }, { 34, 62 },
	{ 26, 46, 66 }, { 26, 48, 70 }, { 26, 50, 74 }, { 30, 54, 78 },
	{ 30, 56, 82 }, { 30, 58, 86 }, { 34, 62, 90 },
	{ 28, 50, 72, 94 }, { 26, 50, 74, 98 }, { 30, 54, 78, 102 },
	{ 28, 54, 80, 106 }, { 32, 58, 84, 110 }, { 30, 58, 86, 114 },
	{ 34, 62, 90, 118 },
	{ 26, 50, 74, 98, 122 }, { 30, 54, 78, 102, 126 },
	{ 26, 52, 78, 104, 130 }, { 30, 56, 82, 108, 134 },
	{ 34, 60, 86, 112, 138 }, { 30, 58, 86, 114, 142 },
	{ 34, 62, 90, 118, 146 },
	{ 30, 54, 78, 102, 126, 150 }, { 24, 50, 76, 102, 128, 154 },
	{ 28, 54, 80, 106, 132, 158 }, { 32, 58, 84, 110, 136, 162 },
	{ 26, 54, 82, 110, 138, 166 }, { 30, 58, 86, 114, 142, 170 },
};

/* Indicator bits of each level in the format information (Table 12). */
static const unsigned ecl_bits[4] = { 1, 0, 3, 2 };

#define QR_DATA_MAX	2956	/* data codewords of 40-L, the most */
#define QR_TOTAL_MAX	3706	/* codewords of version 40 */

/* ---------------------------------------------------- capacity and format */

static int
ecl_ok(int ecl)
{
	return ecl >= QR_ECL_L && ecl <= QR_ECL_H;
}

int
qr_alignment(int version, int pos[7])
{
	int n = 0, i;

	if (version < 2 || version > QR_VERSION_MAX)
		return 0;
	pos[n++] = 6;
	for (i = 0; i < 6 && align_pos[version - 1][i]; i++)
		pos[n++] = align_pos[version - 1][i];
	return n;
}

int
qr_total_codewords(int version)
{
	long n = 4L * version + 17, bits;
	long k = version / 7 + 2;	/* alignment centres per axis */

	if (version < 1 || version > QR_VERSION_MAX)
		return -1;
	/* every module, less three finders with separators (8x8 each), the
	 * dark module and two copies of the format information, and the two
	 * timing lines between the separators */
	bits = n * n - 3 * 64 - 31 - 2 * (n - 16);
	/* k*k - 3 alignment patterns of 25; those centred on row or column
	 * 6 lie over 5 timing modules already counted */
	if (version >= 2)
		bits -= 25 * (k * k - 3) - 10 * (k - 2);
	if (version >= 7)
		bits -= 2 * 18;		/* two copies of version information */
	return (int)(bits / 8);		/* the remainder bits carry nothing */
}

int
qr_data_codewords(int version, int ecl)
{
	if (version < 1 || version > QR_VERSION_MAX || !ecl_ok(ecl))
		return -1;
	return qr_total_codewords(version) -
	    ecc_per_block[ecl][version - 1] * blocks[ecl][version - 1];
}

/* Bits of the character count indicator in byte mode (Table 3). */
static int
count_bits(int version)
{
	return version <= 9 ? 8 : 16;
}

int
qr_capacity(int version, int ecl)
{
	int d = qr_data_codewords(version, ecl);

	if (d < 0)
		return -1;
	return (d * 8 - 4 - count_bits(version)) / 8;
}

/* BCH remainder of value (already shifted up) by generator gen of degree
 * deg: the check bits appended to the information bits. */
static unsigned long
bch_rem(unsigned long value, unsigned long gen, int deg, int width)
{
	int i;

	for (i = width - 1; i >= deg; i--)
		if (value & (1UL << i))
			value ^= gen << (i - deg);
	return value;
}

unsigned
qr_format_bits(int ecl, int mask)
{
	unsigned long d;

	if (!ecl_ok(ecl) || mask < 0 || mask > 7)
		return 0;
	/* 7.9.1: 5 data bits, 10 BCH(15,5) bits with G(x) = 0x537, then the
	 * whole XOR 101010000010010 so that no format string is all zero */
	d = (unsigned long)(ecl_bits[ecl] << 3 | (unsigned)mask) << 10;
	return (unsigned)((d | bch_rem(d, 0x537, 10, 15)) ^ 0x5412);
}

unsigned long
qr_version_bits(int version)
{
	unsigned long d;

	if (version < 7 || version > QR_VERSION_MAX)
		return 0;
	/* 7.10: 6 version bits, 12 BCH(18,6) bits with G(x) = 0x1f25 */
	d = (unsigned long)version << 12;
	return d | bch_rem(d, 0x1f25, 12, 18);
}

/* Bit writer for the data codewords, MSB first. */
struct bits {
	unsigned char *p;
	size_t cap;		/* bytes */
	size_t n;		/* bits written */
};

/* -------------------------------------------------------------- codewords */

static void
bits_put(struct bits *w, unsigned long v, int count)
{
	int i;

	for (i = count - 1; i >= 0; i--, w->n++) {
		if (w->n / 8 >= w->cap)
			return;
		if (v >> i & 1)
			w->p[w->n / 8] |= (unsigned char)(0x80 >> (w->n % 8));
	}
}

/* 7.4: mode indicator, count, the bytes, terminator, padding to whole
 * codewords, then the pad codewords 0xec 0x11 alternately. */
static void
make_data(const unsigned char *data, size_t len, int version, int ndata,
    unsigned char *out)
{
	struct bits w;
	size_t i, cap = (size_t)ndata * 8;
	int k;

	memset(out, 0, (size_t)ndata);
	w.p = out;
	w.cap = (size_t)ndata;
	w.n = 0;
	bits_put(&w, 4, 4);			/* 0100: byte mode */
	bits_put(&w, len, count_bits(version));
	for (i = 0; i < len; i++)
		bits_put(&w, data[i], 8);
	bits_put(&w, 0, cap - w.n < 4 ? (int)(cap - w.n) : 4);
	w.n = (w.n + 7) / 8 * 8;
	for (k = 0; w.n < cap; k++)
		bits_put(&w, k % 2 ? 0x11 : 0xec, 8);
}

/* 7.6: splits the data codewords into blocks, appends each block's error
 * correction and interleaves: data codeword i of every block in turn,
 * then error correction codeword i of every block in turn. */
static void
make_codewords(const unsigned char *data, int version, int ecl,
    unsigned char *out)
{
	unsigned char ec[QR_RS_MAX];
	int total = qr_total_codewords(version);
	int nb = blocks[ecl][version - 1];
	int necc = ecc_per_block[ecl][version - 1];
	int nshort = nb - total % nb;		/* blocks one codeword shorter */
	int short_len = total / nb - necc;	/* data codewords in those */
	int ndata = total - nb * necc;
	int b, i, j, off;

	/* data: the short blocks come first, long ones have one more */
	for (i = 0, j = 0; i <= short_len; i++) {
		for (b = 0, off = 0; b < nb; b++) {
			int blen = short_len + (b >= nshort);

			if (i < blen)
				out[j++] = data[off + i];
			off += blen;
		}
	}
	for (b = 0, off = 0; b < nb; b++) {
		int blen = short_len + (b >= nshort);

		qr_rs_encode(data + off, (size_t)blen, necc, ec);
		for (i = 0; i < necc; i++)
			out[ndata + i * nb + b] = ec[i];
		off += blen;
	}
}

/* ---------------------------------------------------------------- drawing */

static void
set_mod(struct qr *q, int x, int y, int dark)
{
	q->mod[y * q->size + x] = (unsigned char)(QR_FUNCTION |
	    (dark ? QR_DARK : 0));
}

/* A finder pattern (7x7) with its separator, top-left corner at x, y; the
 * parts of the separator outside the symbol are skipped. */
static void
draw_finder(struct qr *q, int x0, int y0)
{
	int x, y;

	for (y = -1; y <= 7; y++) {
		for (x = -1; x <= 7; x++) {
			int d, xx = x0 + x, yy = y0 + y;

			if (xx < 0 || yy < 0 || xx >= q->size || yy >= q->size)
				continue;
			d = x < 0 || y < 0 || x > 6 || y > 6 ? 0 :
			    x == 0 || y == 0 || x == 6 || y == 6 ? 1 :
			    x == 1 || y == 1 || x == 5 || y == 5 ? 0 : 1;
			set_mod(q, xx, yy, d);
		}
	}
}

static void
draw_format(struct qr *q)
{
	unsigned f = qr_format_bits(q->ecl, q->mask);
	int i, s = q->size;

	/* 7.9.1, Figure 25: bit 0 is the least significant */
	for (i = 0; i < 15; i++) {
		int d = f >> i & 1;

		/* around the top-left finder */
		if (i < 6)
			set_mod(q, 8, i, d);
		else if (i < 8)
			set_mod(q, 8, i + 1, d);
		else if (i == 8)
			set_mod(q, 7, 8, d);
		else
			set_mod(q, 14 - i, 8, d);
		/* split between the other two */
		if (i < 8)
			set_mod(q, s - 1 - i, 8, d);
		else
			set_mod(q, 8, s - 15 + i, d);
	}
	set_mod(q, 8, s - 8, 1);		/* the dark module */
}

static void
draw_function(struct qr *q)
{
	int pos[7], n, i, j, s = q->size;

	draw_finder(q, 0, 0);
	draw_finder(q, s - 7, 0);
	draw_finder(q, 0, s - 7);
	for (i = 8; i < s - 8; i++) {
		set_mod(q, i, 6, i % 2 == 0);
		set_mod(q, 6, i, i % 2 == 0);
	}
	n = qr_alignment(q->version, pos);
	for (i = 0; i < n; i++) {
		for (j = 0; j < n; j++) {
			int x, y, cx = pos[i], cy = pos[j];

			/* not over the finders */
			if ((i == 0 && j == 0) || (i == 0 && j == n - 1) ||
			    (i == n - 1 && j == 0))
				continue;
			for (y = -2; y <= 2; y++)
				for (x = -2; x <= 2; x++)
					set_mod(q, cx + x, cy + y,
					    x == -2 || x == 2 || y == -2 ||
					    y == 2 || (x == 0 && y == 0));
		}
	}
	draw_format(q);		/* reserves the area; redrawn per mask */
	if (q->version >= 7) {
		unsigned long v = qr_version_bits(q->version);

		/* 7.10, Figure 27: a 6x3 block above the bottom-left finder
		 * and its transpose left of the top-right one */
		for (i = 0; i < 18; i++) {
			int d = (int)(v >> i & 1);

			set_mod(q, s - 11 + i % 3, i / 3, d);
			set_mod(q, i / 3, s - 11 + i % 3, d);
		}
	}
}

/* 7.7.3: two-module columns from the right, up and down in turn, skipping
 * the vertical timing pattern; bits MSB first, remainder bits light. */
static void
place_data(struct qr *q, const unsigned char *cw, int ncw)
{
	long bit = 0, nbits = (long)ncw * 8;
	int right, k, s = q->size;

	for (right = s - 1; right >= 1; right -= 2) {
		int up = ((s - 1 - right) / 2 % 2) == 0;

		if (right == 6)
			right = 5;
		for (k = 0; k < s; k++) {
			int y = up ? s - 1 - k : k, c;

			for (c = 0; c < 2; c++) {
				int x = right - c;
				unsigned char *m = &q->mod[y * s + x];

				if (*m & QR_FUNCTION)
					continue;
				*m = 0;
				if (bit < nbits && (cw[bit / 8] >> (7 - bit % 8) & 1))
					*m = QR_DARK;
				bit++;
			}
		}
	}
}

static void
apply_mask(struct qr *q, int m)
{
	int x, y;

	for (y = 0; y < q->size; y++)
		for (x = 0; x < q->size; x++)
			if (!(q->mod[y * q->size + x] & QR_FUNCTION) &&
			    qr_mask_bit(m, x, y))
				q->mod[y * q->size + x] ^= QR_DARK;
}

/* --------------------------------------------------------------- encoding */

int
qr_encode_mask(const unsigned char *data, size_t len, int ecl, int mask,
    struct qr *out, struct error *err)
{
	unsigned char dcw[QR_DATA_MAX], cw[QR_TOTAL_MAX];
	int v, m;

	if (!ecl_ok(ecl))
		return error_set(err, 0, 0, "unknown QR error correction level %d",
		    ecl);
	if (mask < QR_MASK_AUTO || mask > 7)
		return error_set(err, 0, 0, "unknown QR mask %d", mask);
	if (len > 0 && !data)
		return error_set(err, 0, 0, "no data to encode");
	for (v = 1; v <= QR_VERSION_MAX; v++)
		if (len <= (size_t)qr_capacity(v, ecl))
			break;
	if (v > QR_VERSION_MAX)
		return error_set(err, 0, 0, "%zu bytes do not fit in a QR code: "
		    "at most %d at level %c", len,
		    qr_capacity(QR_VERSION_MAX, ecl), "LMQH"[ecl]);

	memset(out, 0, sizeof *out);
	out->version = v;
	out->size = 4 * v + 17;
	out->ecl = ecl;
	make_data(data, len, v, qr_data_codewords(v, ecl), dcw);
	make_codewords(dcw, v, ecl, cw);
	draw_function(out);
	place_data(out, cw, qr_total_codewords(v));

	if (mask == QR_MASK_AUTO) {
		long best = -1;

		/* 7.8.3: try all eight and keep the lowest penalty (the first
		 * on a tie); masks are their own inverse */
		for (m = 0; m < 8; m++) {
			long p;

			apply_mask(out, m);
			out->mask = m;
			draw_format(out);
			p = qr_penalty(out);
			if (best < 0 || p < best) {
				best = p;
				mask = m;
			}
			apply_mask(out, m);
		}
	}
	apply_mask(out, mask);
	out->mask = mask;
	draw_format(out);
	return 0;
}

int
qr_encode(const unsigned char *data, size_t len, int ecl, struct qr *out,
    struct error *err)
{
	return qr_encode_mask(data, len, ecl, QR_MASK_AUTO, out, err);
}

int
qr_module(const struct qr *q, int x, int y)
{
	if (x < 0 || y < 0 || x >= q->size || y >= q->size)
		return 0;
	return q->mod[y * q->size + x] & QR_DARK;
}
