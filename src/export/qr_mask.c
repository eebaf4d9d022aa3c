/* SPDX-License-Identifier: MIT */
/* qr_mask: the eight data mask patterns and the penalty score used to
 * choose among them (ISO/IEC 18004:2015 7.8.2, 7.8.3). */
#include <stdlib.h>

#include "export/qr.h"

int
qr_mask_bit(int m, int x, int y)
{
	/* Table 10, with i the row and j the column */
	int i = y, j = x;

	switch (m) {
	case 0: return (i + j) % 2 == 0;
	case 1: return i % 2 == 0;
	case 2: return j % 3 == 0;
	case 3: return (i + j) % 3 == 0;
	case 4: return (i / 2 + j / 3) % 2 == 0;
	case 5: return (i * j) % 2 + (i * j) % 3 == 0;
	case 6: return ((i * j) % 2 + (i * j) % 3) % 2 == 0;
	case 7: return ((i + j) % 2 + (i * j) % 3) % 2 == 0;
	}
	return 0;
}

/* The module at position k of line `line`, along a row (horiz) or a
 * column; light outside the symbol, as the quiet zone is. */
static int
at(const struct qr *q, int horiz, int line, int k)
{
	return horiz ? qr_module(q, k, line) : qr_module(q, line, k);
}

/* N1: 3 + (run - 5) for each run of five or more modules of one colour. */
static long
penalty_runs(const struct qr *q, int horiz, int line)
{
	long p = 0;
	int k, run = 1;

	for (k = 1; k <= q->size; k++) {
		if (k < q->size && at(q, horiz, line, k) ==
		    at(q, horiz, line, k - 1)) {
			run++;
			continue;
		}
		if (run >= 5)
			p += 3 + (run - 5);
		run = 1;
	}
	return p;
}

/* N3: 40 for each dark-light-dark-dark-dark-light-dark (1:1:3:1:1) with
 * four light modules before or after it; outside the symbol is light. */
static long
penalty_finder_like(const struct qr *q, int horiz, int line)
{
	static const int pat[7] = { 1, 0, 1, 1, 1, 0, 1 };
	long p = 0;
	int k, i;

	for (k = 0; k + 7 <= q->size; k++) {
		int before = 1, after = 1;

		for (i = 0; i < 7; i++)
			if (at(q, horiz, line, k + i) != pat[i])
				break;
		if (i < 7)
			continue;
		for (i = 1; i <= 4; i++) {
			if (at(q, horiz, line, k - i))
				before = 0;
			if (at(q, horiz, line, k + 6 + i))
				after = 0;
		}
		if (before || after)
			p += 40;
	}
	return p;
}

long
qr_penalty(const struct qr *q)
{
	long p = 0, dark = 0, total = (long)q->size * q->size;
	int x, y;

	for (y = 0; y < q->size; y++) {
		p += penalty_runs(q, 1, y) + penalty_runs(q, 0, y);
		p += penalty_finder_like(q, 1, y) + penalty_finder_like(q, 0, y);
	}
	for (y = 0; y < q->size; y++) {
		for (x = 0; x < q->size; x++) {
			int c = qr_module(q, x, y);

			dark += c;
			/* N2: 3 for each 2x2 block of one colour */
			if (x + 1 < q->size && y + 1 < q->size &&
			    qr_module(q, x + 1, y) == c &&
			    qr_module(q, x, y + 1) == c &&
			    qr_module(q, x + 1, y + 1) == c)
				p += 3;
		}
	}
	/* N4: 10 for each full 5 % step the dark share is away from 50 % */
	p += 10 * (labs(20 * dark - 10 * total) / total);
	return p;
}
