/* SPDX-License-Identifier: MIT */
/* slots: zeroed memory for the scan's large hash tables. */
#define _DEFAULT_SOURCE		/* MADV_HUGEPAGE, where there is one */
#if defined(__linux__)
#include <sys/mman.h>		/* a memory hint only: no I/O */
#endif

#include <stdlib.h>
#include <string.h>

#include "lib/slots.h"

#define HUGE_PAGE (2u << 20)

void *
slots_alloc(size_t n, size_t size)
{
#if defined(MADV_HUGEPAGE)
	size_t bytes = n * size;
	void *p;

	if (n && bytes / n != size)
		return NULL;
	if (bytes >= HUGE_PAGE) {
		if (posix_memalign(&p, HUGE_PAGE, bytes) != 0)
			return NULL;
		(void)madvise(p, bytes, MADV_HUGEPAGE);	/* a hint only */
		memset(p, 0, bytes);
		return p;
	}
#endif
	return calloc(n, size);
}
