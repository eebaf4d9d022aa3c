/* SPDX-License-Identifier: MIT */
/* fuzz_csv: the CSV reader over arbitrary bytes, from memory and in small
 * chunks, with a small record limit so the long-record path runs too, and
 * with the delimiter the input's header line suggests. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lib/csv.h"

struct src { const uint8_t *p; size_t n, pos; };

static ssize_t
rd(void *ctx, char *b, size_t n)
{
	struct src *s = ctx;
	size_t k = s->n - s->pos;

	k = k < n ? k : n;
	k = k < 3 ? k : 3;
	memcpy(b, s->p + s->pos, k);
	s->pos += k;
	return (ssize_t)k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct src s = { data, size, 0 };
	struct csv_reader r;
	struct csv_record rec;
	struct error e;
	size_t i, sum = 0;
	char delim = csv_sniff_delimiter((const char *)data, size);
	int rc, pass;

	for (pass = 0; pass < 2; pass++) {
		if (pass == 0)
			csv_reader_init_mem(&r, 64, (const char *)data, size);
		else
			csv_reader_init(&r, 64, rd, &s);
		r.max_fields = 8;
		if (pass == 1)
			csv_reader_set_delimiter(&r, delim);
		while ((rc = csv_reader_next(&r, &rec, &e)) != CSV_END &&
		    rc != CSV_FAIL)
			for (i = 0; i < rec.nfields; i++)
				sum += rec.fields[i].len ? (uint8_t)rec.fields[i].p[0] : 0;
		csv_reader_release(&r);
	}
	return sum == (size_t)-1;
}
