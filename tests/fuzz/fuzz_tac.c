/* SPDX-License-Identifier: MIT */
/* fuzz_tac: the TAC tables over arbitrary bytes: the Osmocom CSV (from
 * --tac-db, a file a user downloads) and tac.tsv (from --data); loading
 * must fail cleanly or answer lookups of every TAC it holds. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ident/tac.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data;
	struct tac_db db;
	struct error e;
	size_t n, i;
	long rows;
	char tac[9];

	tac_db_init(&db);
	rows = tac_db_add_osmocom(&db, p, size, &e);
	if (rows < 0 && e.msg[0] == '\0')
		abort();
	(void)tac_db_add_tsv(&db, "tac.tsv", p, size, &e);
	tac_db_finish(&db);
	/* every 8-digit run in the input, looked up */
	for (i = 0; i + 8 <= size; i++) {
		const struct tac_entry *te;
		size_t k;

		memcpy(tac, p + i, 8);
		tac[8] = '\0';
		if (strspn(tac, "0123456789") != 8)
			continue;
		te = tac_db_find(&db, tac, &n);
		for (k = 0; te && k < n; k++)
			if (!te[k].brand || !te[k].model)
				abort();
	}
	tac_db_release(&db);
	return 0;
}
