/* SPDX-License-Identifier: MIT */
/* fuzz_matcher: the first lines of the input are phrases (a leading '!'
 * makes one whole-word), the rest is the text; every match must lie
 * inside the text. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "matcher.h"

static int
check(void *ctx, const struct matcher_match *m)
{
	if (m->len == 0 || m->off + m->len > *(size_t *)ctx)
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data, *end = p + size, *nl;
	struct matcher m;
	struct error e;
	int k;

	matcher_init(&m);
	for (k = 0; k < 8 && (nl = memchr(p, '\n', (size_t)(end - p))); k++) {
		int word = nl > p && *p == '!';

		matcher_add(&m, p + word, (size_t)(nl - p) - (size_t)word,
		    word ? MATCHER_WORD : 0, &e);
		p = nl + 1;
	}
	if (matcher_compile(&m, &e) == 0) {
		size = (size_t)(end - p);
		matcher_run(&m, p, size, check, &size);
	}
	matcher_release(&m);
	return 0;
}
