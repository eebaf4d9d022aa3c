/* SPDX-License-Identifier: MIT */
/* fuzz_term: the terminal sanitiser over arbitrary bytes: the output is
 * valid UTF-8 that term_char leaves alone (nothing a terminal obeys), safe
 * input passes unchanged, and term_safe agrees with buf_put_term and stays
 * inside its buffer at every size. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "lib/term.h"
#include "lib/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *)data;
	char *z, small[64];
	struct buf b;
	size_t i, cap;

	buf_init_mem(&b);
	buf_put_term(&b, in, size);
	if (b.err || !utf8_valid(buf_str(&b), b.len) || !term_is_safe(buf_str(&b), b.len) ||
	    strlen(buf_str(&b)) != b.len)
		abort();
	for (i = 0; i < b.len; i++)
		if ((unsigned char)b.mem[i] < 0x20 || b.mem[i] == 0x7F)
			abort();
	if (size > 0 && term_is_safe(in, size) && (b.len != size || memcmp(b.mem, in, size) != 0))
		abort();
	/* term_safe: a prefix of the same output, on a character boundary */
	if (!memchr(in, '\0', size) && (z = malloc(size + 1)) != NULL) {
		memcpy(z, in, size);
		z[size] = '\0';
		cap = size ? 1 + data[0] % sizeof small : sizeof small;
		term_safe(z, small, cap);
		if (strlen(small) >= cap || strncmp(small, buf_str(&b), strlen(small)) != 0 ||
		    !utf8_valid(small, strlen(small)))
			abort();
		free(z);
	}
	buf_release(&b);
	return 0;
}
