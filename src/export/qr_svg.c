/* SPDX-License-Identifier: MIT */
/* qr_svg: renders a QR symbol as inline SVG, or as PGM/PBM images for
 * the decoding tests. */
#include "export/qr.h"

void
qr_svg(const struct qr *q, int px, struct buf *b)
{
	int n = q->size + 2 * QR_QUIET, x, y;

	buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "viewBox=\"0 0 %d %d\"", n, n);
	if (px > 0)
		buf_printf(b, " width=\"%d\" height=\"%d\"", px, px);
	buf_printf(b, " shape-rendering=\"crispEdges\">"
	    "<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/>"
	    "<path fill=\"#000\" d=\"", n, n);
	for (y = 0; y < q->size; y++) {
		for (x = 0; x < q->size; x++) {
			int run = 0;

			while (x + run < q->size && qr_module(q, x + run, y))
				run++;
			if (run == 0)
				continue;
			buf_printf(b, "M%d %dh%dv1h-%dz", x + QR_QUIET,
			    y + QR_QUIET, run, run);
			x += run;
		}
	}
	buf_puts(b, "\"/></svg>");
}

static void
header(const struct qr *q, const char *magic, int scale, struct buf *b)
{
	int n = (q->size + 2 * QR_QUIET) * scale;

	buf_printf(b, "%s\n%d %d\n", magic, n, n);
}

void
qr_pgm(const struct qr *q, int scale, struct buf *b)
{
	int n = q->size + 2 * QR_QUIET, x, y, r, s;

	if (scale < 1)
		scale = 1;
	header(q, "P5", scale, b);
	buf_puts(b, "255\n");
	for (y = 0; y < n; y++)
		for (r = 0; r < scale; r++)
			for (x = 0; x < n; x++)
				for (s = 0; s < scale; s++)
					buf_putc(b, qr_module(q, x - QR_QUIET,
					    y - QR_QUIET) ? 0 : (char)0xff);
}

void
qr_pbm(const struct qr *q, int scale, struct buf *b)
{
	int n = q->size + 2 * QR_QUIET, w, x, y, r;

	if (scale < 1)
		scale = 1;
	w = n * scale;
	header(q, "P4", scale, b);
	/* P4: rows of w bits, 1 dark, MSB first, each row padded to a byte */
	for (y = 0; y < n; y++) {
		for (r = 0; r < scale; r++) {
			unsigned acc = 0;
			int bits = 0;

			for (x = 0; x < w; x++) {
				acc = acc << 1 | (unsigned)qr_module(q,
				    x / scale - QR_QUIET, y - QR_QUIET);
				if (++bits == 8) {
					buf_putc(b, (char)acc);
					acc = 0;
					bits = 0;
				}
			}
			if (bits)
				buf_putc(b, (char)(acc << (8 - bits)));
		}
	}
}
