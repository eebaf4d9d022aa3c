/* SPDX-License-Identifier: MIT */
/* grow: room in an array that doubles as it fills. */
#include <stdint.h>
#include <stdlib.h>

#include "lib/grow.h"

int
grow_array(void *pp, size_t *cap, size_t need, size_t size)
{
	void **p = pp;
	size_t n = *cap ? *cap : 16;
	void *q;

	if (need <= *cap)
		return 0;
	while (n < need) {
		if (n > SIZE_MAX / 2)
			return -1;
		n *= 2;
	}
	if (n > SIZE_MAX / size || !(q = realloc(*p, n * size)))
		return -1;
	*p = q;
	*cap = n;
	return 0;
}
