/* SPDX-License-Identifier: MIT */
/* blob: the data files embedded at build time (see src/gen/embed.c). */
#ifndef HANDOVER_BLOB_H
#define HANDOVER_BLOB_H

#include <stddef.h>

struct blob {
	const char *name;	/* file name, e.g. "tac.tsv" */
	const char *data;	/* NUL-terminated, but may hold NULs: use len */
	size_t len;
};

/* Terminated by an entry whose name is NULL. */
extern const struct blob embedded_data[];
extern const size_t embedded_data_count;

/* The embedded file called name, or NULL. */
const struct blob *blob_find(const char *name);
/* blob_find in the shape of a data getter (kb_getter): 0 and the file's
 * bytes, or -1 when there is no such file.  ctx is unused. */
int blob_get(void *ctx, const char *name, const char **data, size_t *len);

#endif
