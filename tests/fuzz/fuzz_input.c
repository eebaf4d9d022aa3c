/* SPDX-License-Identifier: MIT */
/* fuzz_input: the sniffer over arbitrary first bytes, and the transcoder:
 * for each encoding, converting in small chunks into a small buffer gives
 * what one call over everything gives, and the output is valid UTF-8. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/transcode.h"
#include "lib/utf8.h"
#include "scan/sniff.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* All of (p, n) converted with chunks of step and an output room of cap;
 * the caller frees. */
static char *
conv(enum transcode_enc enc, const char *p, size_t n, size_t step, size_t cap,
    size_t *len)
{
	struct transcode t;
	char *out = malloc(n * 3 + 16), tmp[64];
	size_t at = 0, w = 0, used, got;

	transcode_init(&t, enc);
	for (;;) {
		size_t k = n - at < step ? n - at : step;
		int final = at + k == n;

		got = transcode_run(&t, p + at, k, tmp, cap, &used, final);
		memcpy(out + w, tmp, got);
		w += got;
		at += used;
		if (final && used == k && got == 0)
			break;
	}
	*len = w;
	return out;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data;
	struct sniff_bytes b;
	struct sniff_text t;
	int enc;

	sniff_bytes(p, size, size & 1, &b);
	sniff_text(p, size, 1, &t);
	if (b.bom > size || t.skip > size)
		abort();
	for (enc = TRANSCODE_UTF16LE; enc <= TRANSCODE_CP1252; enc++) {
		size_t n1, n2;
		char *a = conv((enum transcode_enc)enc, p, size, size + 1, 64, &n1);
		char *c = conv((enum transcode_enc)enc, p, size, 3, 8, &n2);

		if (n1 != n2 || memcmp(a, c, n1) != 0 || !utf8_valid(a, n1))
			abort();
		free(a);
		free(c);
	}
	return 0;
}
