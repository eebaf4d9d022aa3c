/* SPDX-License-Identifier: MIT */
/* blob: lookup of the data files embedded at build time. */
#include <string.h>

#include "blob.h"

const struct blob *
blob_find(const char *name)
{
	size_t i;

	for (i = 0; i < embedded_data_count; i++)
		if (strcmp(embedded_data[i].name, name) == 0)
			return &embedded_data[i];
	return NULL;
}
