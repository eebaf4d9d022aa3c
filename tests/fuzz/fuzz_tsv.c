/* SPDX-License-Identifier: MIT */
/* fuzz_tsv: the data-table reader over arbitrary bytes: every row it
 * gives has fields inside the data, the header's width, line numbers that
 * grow, and holds nothing a terminal would obey (it refuses those). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/term.h"
#include "lib/tsv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data;
	struct tsv t;
	struct tsv_row row;
	struct error e;
	long last = 0;
	size_t i;
	int r;

	if (tsv_open(&t, "f.tsv", p, size, &e) != 0)
		return 0;
	while ((r = tsv_next(&t, &row, &e)) == 1) {
		if (row.nfields != t.header.nfields || row.line <= last)
			abort();
		last = row.line;
		for (i = 0; i < row.nfields; i++) {
			const char *f = row.f[i].p;
			if (f < p || f + row.f[i].n > p + size || memchr(f, '\t', row.f[i].n) ||
			    !term_is_safe(f, row.f[i].n))
				abort();
		}
		(void)tsv_column(&t, "source");
	}
	if (r == -1 && e.msg[0] == '\0')
		abort();
	return 0;
}
