/* SPDX-License-Identifier: MIT */
/* qr_rs: Reed-Solomon error correction codewords for QR (ISO/IEC 18004
 * 7.5.2): GF(256) with the polynomial x^8+x^4+x^3+x^2+1, generator
 * g(x) = (x - a^0)(x - a^1)...(x - a^(n-1)). */
#include <string.h>

#include "export/qr.h"

/* Product in GF(256), shift and add; no tables, so nothing to initialise. */
static unsigned
gf_mul(unsigned a, unsigned b)
{
	unsigned r = 0;

	while (b) {
		if (b & 1)
			r ^= a;
		b >>= 1;
		a <<= 1;
		if (a & 0x100)
			a ^= 0x11d;
	}
	return r;
}

/* g[0..n] with g[0] the coefficient of x^n (always 1). */
static void
rs_generator(int n, unsigned char *g)
{
	unsigned root = 1;
	int i, j;

	memset(g, 0, (size_t)n + 1);
	g[0] = 1;
	for (i = 0; i < n; i++) {
		/* multiply by (x + root): coefficients shift up, plus root * g */
		for (j = i + 1; j > 0; j--)
			g[j] = (unsigned char)(g[j] ^ gf_mul(g[j - 1], root));
		root = gf_mul(root, 2);
	}
}

void
qr_rs_encode(const unsigned char *data, size_t n, int necc, unsigned char *ec)
{
	unsigned char g[QR_RS_MAX + 1];
	size_t i;
	int j;

	if (necc <= 0 || necc > QR_RS_MAX)
		return;
	rs_generator(necc, g);
	/* ec holds the running remainder of data(x) * x^necc divided by g */
	memset(ec, 0, (size_t)necc);
	for (i = 0; i < n; i++) {
		unsigned f = data[i] ^ ec[0];

		memmove(ec, ec + 1, (size_t)necc - 1);
		ec[necc - 1] = 0;
		for (j = 0; j < necc; j++)
			ec[j] = (unsigned char)(ec[j] ^ gf_mul(g[j + 1], f));
	}
}
