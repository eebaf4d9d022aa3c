/* SPDX-License-Identifier: MIT */
/* blob: lookup of the data files embedded at build time. */
#include <string.h>

#include "kb/blob.h"

const struct blob *
blob_find(const char *name)
{
	size_t i;

	for (i = 0; i < embedded_data_count; i++)
		if (strcmp(embedded_data[i].name, name) == 0)
			return &embedded_data[i];
	return NULL;
}

int
blob_get(void *ctx, const char *name, const char **data, size_t *len)
{
	const struct blob *b = blob_find(name);

	(void)ctx;
	if (!b)
		return -1;
	*data = b->data;
	*len = b->len;
	return 0;
}
