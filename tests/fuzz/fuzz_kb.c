/* SPDX-License-Identifier: MIT */
/* fuzz_kb: arbitrary bytes as each knowledge-base table in turn (the
 * others embedded); loading must fail cleanly or answer lookups. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "kb/blob.h"
#include "kb/kb.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const files[] = {
	"countries.tsv", "lock-systems.tsv", "lock-apps.tsv", "lenders.tsv",
	"phrases.tsv", "brands.tsv", "country-languages.tsv", "registry-replies.tsv"
};

struct input {
	const char *name;
	const uint8_t *data;
	size_t size;
};

static int
get(void *ctx, const char *name, const char **data, size_t *len)
{
	const struct input *in = ctx;
	const struct blob *b;

	if (strcmp(name, in->name) == 0) {
		*data = (const char *)in->data;
		*len = in->size;
		return 0;
	}
	if (!(b = blob_find(name)))
		return -1;
	*data = b->data;
	*len = b->len;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t i, n;

	for (i = 0; i < sizeof files / sizeof files[0]; i++) {
		struct input in = { files[i], data, size };
		struct error e;
		struct kb k;

		if (kb_load(&k, get, &in, &e) != 0)
			continue;
		kb_country_checks(&k, "KE", &n);
		kb_brand_in_text(&k, (const char *)data, size);
		kb_lock_app_find(&k, "com.payjoy.access");
		kb_brand_find(&k, "galaxy");
		kb_country_languages(&k, "IN", NULL);
		kb_release(&k);
	}
	return 0;
}
