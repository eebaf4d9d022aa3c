/* SPDX-License-Identifier: MIT */
/* test_qr: the QR encoder against ISO/IEC 18004:2015 (worked example,
 * format and version information, capacities, structure, penalties) and
 * the SVG renderer.  With arguments it is also the image maker of
 * tests/qr/test_qr.sh:  test_qr image pgm|pbm|svg L|M|Q|H MASK|auto SCALE
 * reads the payload from stdin and writes the image to stdout. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/buf.h"
#include "harness.h"
#include "export/qr.h"
#include "qr_check.h"
#include "cli/fd.h"

static struct qr sym;		/* 31 KB: not on the stack */

/* ISO/IEC 18004:2015 Annex I (and 2000 Annex G): "01234567" as 1-M.  The
 * data codewords and their error correction codewords. */
static void
test_rs_annex_i(void)
{
	static const unsigned char data[16] = {
		0x10, 0x20, 0x0c, 0x56, 0x61, 0x80, 0xec, 0x11,
		0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11,
	};
	static const unsigned char want[10] = {
		0xa5, 0x24, 0xd4, 0xc1, 0xed, 0x36, 0xc7, 0x87, 0x2c, 0x55,
	};
	unsigned char ec[10];

	qr_rs_encode(data, sizeof data, 10, ec);
	CHECK(memcmp(ec, want, sizeof want) == 0);
}

/* A codeword sequence with its EC appended is a multiple of g(x): encoding
 * data+ec again as data leaves a zero remainder. */
static void
test_rs_codeword_property(void)
{
	unsigned char msg[60], ec[30], ec2[30];
	int i, n;

	for (n = 7; n <= 30; n++) {
		for (i = 0; i < 30; i++)
			msg[i] = (unsigned char)(i * 37 + n);
		qr_rs_encode(msg, 30, n, ec);
		memcpy(msg + 30, ec, (size_t)n);
		qr_rs_encode(msg, 30 + (size_t)n, n, ec2);
		for (i = 0; i < n; i++)
			CHECK_INT(ec2[i], 0);
	}
}

static unsigned long
bits_of(const char *s)
{
	unsigned long v = 0;

	for (; *s; s++)
		v = v << 1 | (unsigned long)(*s == '1');
	return v;
}

/* 7.9.1 and Annex C: format information of level M, masks 0..7, after
 * the XOR with 101010000010010. */
static void
test_format_bits(void)
{
	static const char *const m[8] = {
		"101010000010010", "101000100100101", "101111001111100",
		"101101101001011", "100010111111001", "100000011001110",
		"100111110010111", "100101010100000",
	};
	int i;

	for (i = 0; i < 8; i++)
		CHECK_INT(qr_format_bits(QR_ECL_M, i), bits_of(m[i]));
	/* the standard's example in 7.9.1: M, mask 101 */
	CHECK_INT(qr_format_bits(QR_ECL_M, 5), 0x40ce);
	/* level L, mask 0: 01 000 -> 111011111000100 */
	CHECK_INT(qr_format_bits(QR_ECL_L, 0), bits_of("111011111000100"));
	/* all 32 differ pairwise in at least 7 bits (BCH(15,5) distance) */
	for (i = 0; i < 32; i++) {
		int j;

		for (j = i + 1; j < 32; j++) {
			unsigned d = qr_format_bits(i >> 3, i & 7) ^
			    qr_format_bits(j >> 3, j & 7);
			int w = 0;

			for (; d; d &= d - 1)
				w++;
			CHECK(w >= 7);
		}
	}
}

/* 7.10 and Annex D, Table D.1. */
static void
test_version_bits(void)
{
	CHECK_INT(qr_version_bits(7), bits_of("000111110010010100"));
	CHECK_INT(qr_version_bits(7), 0x07c94);
	CHECK_INT(qr_version_bits(8), 0x085bc);
	CHECK_INT(qr_version_bits(40), 0x28c69);
	CHECK_INT(qr_version_bits(6), 0);
}

/* Table 1 (codewords per version) and Table 7 (byte mode capacity). */
static void
test_capacity(void)
{
	CHECK_INT(qr_total_codewords(1), 26);
	CHECK_INT(qr_total_codewords(2), 44);
	CHECK_INT(qr_total_codewords(7), 196);
	CHECK_INT(qr_total_codewords(14), 581);
	CHECK_INT(qr_total_codewords(40), 3706);
	CHECK_INT(qr_data_codewords(1, QR_ECL_M), 16);
	CHECK_INT(qr_capacity(1, QR_ECL_M), 14);
	CHECK_INT(qr_capacity(2, QR_ECL_M), 26);
	CHECK_INT(qr_capacity(10, QR_ECL_M), 213);
	CHECK_INT(qr_capacity(40, QR_ECL_M), 2331);
	CHECK_INT(qr_capacity(1, QR_ECL_L), 17);
	CHECK_INT(qr_capacity(1, QR_ECL_Q), 11);
	CHECK_INT(qr_capacity(1, QR_ECL_H), 7);
	CHECK_INT(qr_capacity(40, QR_ECL_L), 2953);
	CHECK_INT(qr_capacity(40, QR_ECL_Q), 1663);
	CHECK_INT(qr_capacity(40, QR_ECL_H), 1273);
	CHECK_INT(qr_capacity(0, QR_ECL_M), -1);
	CHECK_INT(qr_capacity(41, QR_ECL_M), -1);
	CHECK_INT(qr_capacity(1, 4), -1);
}

/* The arithmetic codeword count equals the modules left free once the
 * function patterns are drawn, less the remainder bits of Table 1. */
static void
test_codewords_match_grid(void)
{
	static unsigned char big[3000];
	int v, i;

	for (v = 1; v <= QR_VERSION_MAX; v++) {
		int rem = v == 1 ? 0 : v <= 6 ? 7 : v <= 13 ? 0 : v <= 20 ? 3 :
		    v <= 27 ? 4 : v <= 34 ? 3 : 0;
		long free_ = 0;

		/* the capacity of v forces version v */
		CHECK_INT(qr_encode(big, (size_t)qr_capacity(v, QR_ECL_M),
		    QR_ECL_M, &sym, NULL), 0);
		CHECK_INT(sym.version, v);
		for (i = 0; i < sym.size * sym.size; i++)
			free_ += !(sym.mod[i] & QR_FUNCTION);
		CHECK_INT(free_, qr_total_codewords(v) * 8L + rem);
	}
}

static void
test_version_choice(void)
{
	static unsigned char big[3000];
	struct error e;
	int v, ecl;

	memset(big, 'x', sizeof big);
	for (ecl = QR_ECL_L; ecl <= QR_ECL_H; ecl++) {
		for (v = 1; v <= QR_VERSION_MAX; v++) {
			size_t c = (size_t)qr_capacity(v, ecl);

			CHECK_INT(qr_encode(big, c, ecl, &sym, &e), 0);
			CHECK_INT(sym.version, v);
			CHECK_INT(sym.ecl, ecl);
			if (v < QR_VERSION_MAX) {
				CHECK_INT(qr_encode(big, c + 1, ecl, &sym, &e), 0);
				CHECK_INT(sym.version, v + 1);
			}
		}
	}
	CHECK_INT(qr_encode(big, 14, QR_ECL_M, &sym, &e), 0);
	CHECK_INT(sym.version, 1);
	CHECK_INT(qr_encode(big, 15, QR_ECL_M, &sym, &e), 0);
	CHECK_INT(sym.version, 2);
	CHECK_INT(qr_encode(big, 213, QR_ECL_M, &sym, &e), 0);
	CHECK_INT(sym.version, 10);
	CHECK_INT(qr_encode(big, 0, QR_ECL_M, &sym, &e), 0);
	CHECK_INT(sym.version, 1);
	CHECK_INT(qr_encode(big, 2331, QR_ECL_M, &sym, &e), 0);
	CHECK_INT(sym.version, 40);
}

static void
test_too_long(void)
{
	static unsigned char big[3000];
	struct error e;

	memset(&e, 0, sizeof e);
	CHECK_INT(qr_encode(big, 2332, QR_ECL_M, &sym, &e), -1);
	CHECK_STR(e.msg, "2332 bytes do not fit in a QR code: at most 2331 "
	    "at level M");
	CHECK_INT(qr_encode(big, 2954, QR_ECL_L, &sym, &e), -1);
	CHECK_INT(qr_encode(big, 1274, QR_ECL_H, &sym, NULL), -1);
	CHECK_INT(qr_encode(big, 10, 7, &sym, &e), -1);
	CHECK_STR(e.msg, "unknown QR error correction level 7");
	CHECK_INT(qr_encode_mask(big, 10, QR_ECL_M, 8, &sym, &e), -1);
	CHECK_INT(qr_encode(NULL, 1, QR_ECL_M, &sym, &e), -1);
}

/* Annex E, Table E.1, checked against the rule it follows: the last
 * centre at size - 7, the others evenly spaced by an even step (26 for
 * version 32, the one exception to the rounding). */
static void
test_alignment(void)
{
	static const int v40[7] = { 6, 30, 58, 86, 114, 142, 170 };
	int pos[7], v, n, i;

	CHECK_INT(qr_alignment(1, pos), 0);
	CHECK_INT(qr_alignment(2, pos), 2);
	CHECK(pos[0] == 6 && pos[1] == 18);
	CHECK_INT(qr_alignment(7, pos), 3);
	CHECK(pos[0] == 6 && pos[1] == 22 && pos[2] == 38);
	CHECK_INT(qr_alignment(40, pos), 7);
	CHECK(memcmp(pos, v40, sizeof v40) == 0);
	for (v = 2; v <= QR_VERSION_MAX; v++) {
		int k = v / 7 + 2, last = 4 * v + 10, step;

		step = v == 32 ? 26 :
		    ((last - 6) + (k - 1) * 2 - 1) / ((k - 1) * 2) * 2;
		n = qr_alignment(v, pos);
		CHECK_INT(n, k);
		CHECK_INT(pos[0], 6);
		for (i = 1; i < n; i++)
			CHECK_INT(pos[i], last - (n - 1 - i) * step);
	}
}

static void
test_structure(void)
{
	static unsigned char big[3000];
	static const int versions[] = { 1, 2, 6, 7, 13, 14, 21, 32, 40 };
	size_t i;
	int m;

	memset(big, 0x5a, sizeof big);
	for (i = 0; i < sizeof versions / sizeof versions[0]; i++) {
		int v = versions[i];

		CHECK_INT(qr_encode(big, (size_t)qr_capacity(v, QR_ECL_M),
		    QR_ECL_M, &sym, NULL), 0);
		CHECK_INT(sym.version, v);
		CHECK_INT(sym.size, 4 * v + 17);
		CHECK(qr_check_symbol(&sym) == NULL);
		CHECK(qr_module(&sym, 8, 4 * v + 9));
		CHECK(!qr_module(&sym, -1, 0));
		CHECK(!qr_module(&sym, sym.size, 0));
	}
	/* 7 has alignment centres at 22 and 38 besides 6 */
	CHECK_INT(qr_encode(big, 120, QR_ECL_M, &sym, NULL), 0);
	CHECK_INT(sym.version, 7);
	CHECK(qr_module(&sym, 22, 22) && !qr_module(&sym, 23, 22) &&
	    qr_module(&sym, 24, 22) && qr_module(&sym, 38, 40));
	for (m = 0; m < 8; m++) {
		CHECK_INT(qr_encode_mask(big, 40, QR_ECL_Q, m, &sym, NULL), 0);
		CHECK_INT(sym.mask, m);
		CHECK(qr_check_symbol(&sym) == NULL);
	}
}

/* The chosen mask has the lowest penalty of the eight (the first such). */
static void
test_mask_choice(void)
{
	static const char *const payloads[] = {
		"handover-record 2026-11-23-7KQ4MZ imei=354178036859789",
		"x", "HELLO WORLD", "0123456789abcdef0123456789abcdef0123456789",
	};
	size_t i;

	for (i = 0; i < sizeof payloads / sizeof payloads[0]; i++) {
		const unsigned char *p = (const unsigned char *)payloads[i];
		size_t n = strlen(payloads[i]);
		long pen[8], best = -1;
		int m, want = -1;

		for (m = 0; m < 8; m++) {
			CHECK_INT(qr_encode_mask(p, n, QR_ECL_M, m, &sym, NULL), 0);
			pen[m] = qr_penalty(&sym);
			if (best < 0 || pen[m] < best) {
				best = pen[m];
				want = m;
			}
		}
		CHECK_INT(qr_encode(p, n, QR_ECL_M, &sym, NULL), 0);
		CHECK_INT(sym.mask, want);
		CHECK_INT(qr_penalty(&sym), best);
	}
}

static void
grid(int kind)
{
	int x, y;

	memset(&sym, 0, sizeof sym);
	sym.version = 1;
	sym.size = 21;
	for (y = 0; y < 21; y++)
		for (x = 0; x < 21; x++)
			sym.mod[y * 21 + x] = (unsigned char)(kind == 1 ? 1 :
			    kind == 2 ? (x + y) % 2 : 0);
}

/* 7.8.3, Table 11, worked by hand on 21x21 grids. */
static void
test_penalty(void)
{
	static const int row[21] = { [7] = 1, [9] = 1, [10] = 1, [11] = 1,
	    [13] = 1 };
	int x;

	/* all light: N1 42 lines of 21 = 42 * 19, N2 400 * 3, N4 10 * 10 */
	grid(0);
	CHECK_INT(qr_penalty(&sym), 42 * 19 + 400 * 3 + 100);
	grid(1);
	CHECK_INT(qr_penalty(&sym), 42 * 19 + 400 * 3 + 100);
	/* checkerboard: 221 of 441 dark, nothing to penalise */
	grid(2);
	CHECK_INT(qr_penalty(&sym), 0);
	/* one 1:1:3:1:1 in row 10 with light either side:
	 * N1: row 10 5 + 5, 20 other rows 19 each, 5 columns with one dark
	 *     module 8 + 8, 16 columns 19 each; N2: 400 - 16 blocks;
	 * N3: 40 once; N4: 5 of 441 dark is 9 steps away */
	grid(0);
	for (x = 0; x < 21; x++)
		sym.mod[10 * 21 + x] = (unsigned char)row[x];
	CHECK_INT(qr_penalty(&sym), 10 + 20 * 19 + 5 * 16 + 16 * 19 +
	    384 * 3 + 40 + 90);
}

/* Reads the SVG path back into modules and compares. */
static void
test_svg(void)
{
	static const char text[] = "handover-record 2026-11-23-7KQ4MZ";
	static unsigned char seen[QR_SIZE_MAX + 8][QR_SIZE_MAX + 8];
	struct buf b;
	const char *s, *d;
	int x, y, ok = 1;

	CHECK_INT(qr_encode((const unsigned char *)text, sizeof text - 1,
	    QR_ECL_M, &sym, NULL), 0);
	CHECK_INT(sym.version, 3);
	buf_init_mem(&b);
	qr_svg(&sym, 200, &b);
	s = buf_str(&b);
	CHECK(strncmp(s, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "viewBox=\"0 0 37 37\" width=\"200\" height=\"200\" "
	    "shape-rendering=\"crispEdges\">", 107) == 0);
	CHECK(strstr(s, "<rect width=\"37\" height=\"37\" fill=\"#fff\"/>"));
	d = strstr(s, " d=\"");
	CHECK(d != NULL);
	CHECK(strcmp(s + strlen(s) - 10, "\"/></svg>") == 0 ||
	    strcmp(s + strlen(s) - 9, "\"/></svg>") == 0);
	memset(seen, 0, sizeof seen);
	for (d = d ? d + 4 : ""; *d == 'M';) {
		int len, run, run2;

		if (sscanf(d, "M%d %dh%dv1h-%dz%n", &x, &y, &run, &run2,
		    &len) != 4 || run != run2 || run < 1) {
			ok = 0;
			break;
		}
		for (; run > 0; run--, x++)
			if (x >= 0 && y >= 0 && x < 37 && y < 37)
				seen[y][x]++;
		d += len;
	}
	CHECK(ok);
	CHECK(*d == '"');
	for (y = 0; y < 37; y++)
		for (x = 0; x < 37; x++)
			if (seen[y][x] != qr_module(&sym, x - 4, y - 4))
				ok = 0;
	CHECK(ok);
	buf_release(&b);

	buf_init_mem(&b);
	qr_svg(&sym, 0, &b);
	CHECK(strstr(buf_str(&b), "width=\"200\"") == NULL);
	buf_release(&b);
}

static void
test_pnm(void)
{
	struct buf b;

	CHECK_INT(qr_encode((const unsigned char *)"hi", 2, QR_ECL_M, &sym,
	    NULL), 0);
	buf_init_mem(&b);
	qr_pgm(&sym, 2, &b);
	/* 21 + 8 modules of 2 pixels: 58 x 58 bytes after the header */
	CHECK(strncmp(buf_str(&b), "P5\n58 58\n255\n", 13) == 0);
	CHECK_INT(b.len, 13 + 58 * 58);
	/* the top-left finder's corner at pixel (8, 8) is dark */
	CHECK_INT((unsigned char)b.mem[13 + 8 * 58 + 8], 0);
	CHECK_INT((unsigned char)b.mem[13 + 7 * 58 + 7], 255);
	buf_release(&b);
	buf_init_mem(&b);
	qr_pbm(&sym, 1, &b);
	/* 29 pixels a row: 4 bytes; the first finder row starts at bit 4 */
	CHECK(strncmp(buf_str(&b), "P4\n29 29\n", 9) == 0);
	CHECK_INT(b.len, 9 + 29 * 4);
	CHECK_INT((unsigned char)b.mem[9 + 4 * 4], 0x0f);
	buf_release(&b);
}

/* test_qr image pgm|pbm|svg L|M|Q|H MASK|auto SCALE < payload > image */
static int
make_image(char **argv)
{
	static unsigned char in[4096];
	struct buf b;
	struct error e;
	size_t n = 0;
	ssize_t r;
	const char *lv = "LMQH", *l = strchr(lv, argv[2][0]);
	int mask = strcmp(argv[3], "auto") == 0 ? QR_MASK_AUTO : atoi(argv[3]);

	if (!l || !argv[2][0]) {
		fprintf(stderr, "test_qr: unknown level '%s'\n", argv[2]);
		return 2;
	}
	while (n < sizeof in && (r = read(0, in + n, sizeof in - n)) > 0)
		n += (size_t)r;
	if (qr_encode_mask(in, n, (int)(l - lv), mask, &sym, &e) != 0) {
		fprintf(stderr, "test_qr: %s\n", e.msg);
		return 1;
	}
	fprintf(stderr, "version %d mask %d\n", sym.version, sym.mask);
	fd_buf_init(&b, 1);
	if (strcmp(argv[1], "pbm") == 0)
		qr_pbm(&sym, atoi(argv[4]), &b);
	else if (strcmp(argv[1], "svg") == 0)
		qr_svg(&sym, (sym.size + 2 * QR_QUIET) * atoi(argv[4]), &b);
	else
		qr_pgm(&sym, atoi(argv[4]), &b);
	r = buf_flush(&b);
	buf_release(&b);
	return r == 0 ? 0 : 3;
}

int
main(int argc, char **argv)
{
	if (argc == 6 && strcmp(argv[1], "image") == 0)
		return make_image(argv + 1);
	RUN(test_rs_annex_i);
	RUN(test_rs_codeword_property);
	RUN(test_format_bits);
	RUN(test_version_bits);
	RUN(test_capacity);
	RUN(test_codewords_match_grid);
	RUN(test_version_choice);
	RUN(test_too_long);
	RUN(test_alignment);
	RUN(test_structure);
	RUN(test_mask_choice);
	RUN(test_penalty);
	RUN(test_svg);
	RUN(test_pnm);
	return h_done();
}
