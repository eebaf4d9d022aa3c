/* SPDX-License-Identifier: MIT */
/* fuzz_config: the --config parser over arbitrary bytes: it accepts or
 * names a line, and what it accepts holds only what the format allows. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scan/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config c;
	struct error e;
	size_t i;

	if (config_parse(&c, (const char *)data, size, &e) != 0) {
		if (e.line < 0 || e.column < 0 || !e.msg[0])
			abort();
		return 0;
	}
	for (i = 0; i < c.nphrases; i++)
		if (!c.phrases[i].phrase[0] || c.phrases[i].weight < 1 || c.phrases[i].weight > 3 ||
		    scan_reason_for_phrase(c.phrases[i].category, 2) < 0)
			abort();
	for (i = 0; i < c.ncats; i++)
		(void)config_category_ignore(&c, c.cats[i].name, strlen(c.cats[i].name));
	for (i = 0; i < c.nallow_sellers; i++)
		if (!config_seller_allowed(&c, c.allow_sellers[i], strlen(c.allow_sellers[i])))
			abort();
	config_release(&c);
	return 0;
}
