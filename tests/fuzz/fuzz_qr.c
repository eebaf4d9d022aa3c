/* SPDX-License-Identifier: MIT */
/* fuzz_qr: encodes arbitrary bytes (the first byte picks level and mask)
 * and checks the symbol reads back well formed. */
#include <stdint.h>
#include <stdlib.h>

#include "export/qr.h"
#include "../unit/qr_check.h"

static struct qr sym;

int LLVMFuzzerTestOneInput(const uint8_t *p, size_t n);

int
LLVMFuzzerTestOneInput(const uint8_t *p, size_t n)
{
	struct buf b;
	int ecl, mask, st;

	if (n == 0)
		return 0;
	ecl = p[0] & 3;
	mask = (p[0] >> 2) % 9 - 1;		/* -1 is QR_MASK_AUTO */
	st = qr_encode_mask(p + 1, n - 1, ecl, mask, &sym, NULL);
	if ((st == 0) != (n - 1 <= (size_t)qr_capacity(QR_VERSION_MAX, ecl)))
		abort();
	if (st != 0)
		return 0;
	if (qr_check_symbol(&sym) != NULL || n - 1 > (size_t)qr_capacity(
	    sym.version, ecl) || (mask >= 0 && sym.mask != mask))
		abort();
	buf_init_null(&b);
	qr_svg(&sym, 0, &b);
	buf_release(&b);
	return 0;
}
