/* SPDX-License-Identifier: MIT */
/* store_priv: what store.c, store_save.c and store_read.c share; nothing
 * else includes it. */
#ifndef HANDOVER_STORE_PRIV_H
#define HANDOVER_STORE_PRIV_H

#include <errno.h>
#include <stddef.h>

#include "lib/error.h"

/* error_set that leaves errno as it was. */
#define FAIL(err, ...) do { \
	int e_ = errno; \
	error_set((err), 0, 0, __VA_ARGS__); \
	errno = e_; \
	return -1; \
} while (0)

/* a, b and c one after the other into out (cap bytes).  Returns 0, or -1
 * with err (when not NULL) and errno ENAMETOOLONG when they do not fit. */
int store_join(char *out, size_t cap, const char *a, const char *b, const char *c,
    struct error *err);

#endif
