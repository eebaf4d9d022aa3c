/* SPDX-License-Identifier: MIT */
/* fuzz_opt: the option parser over arbitrary argument vectors (the input
 * cut into arguments at NUL bytes): every option it returns is one of the
 * specs, every operand one of the arguments, and numbers parse in range. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli/opt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { K_JSON, K_OUT, K_THREADS };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct opt_spec specs[] = {
		{ "json", 0, 0, K_JSON }, { "output", 'o', 1, K_OUT },
		{ "threads", 0, 1, K_THREADS }, { "help", 'h', 0, OPT_HELP },
		{ NULL, 0, 0, 0 }
	};
	char *copy = malloc(size + 1), *argv[65];
	struct opt o;
	size_t i = 0;
	int argc = 1, k;
	long v;

	if (!copy)
		return 0;
	memcpy(copy, data, size);
	copy[size] = '\0';
	argv[0] = (char *)"cmd";
	while (i <= size && argc < 64) {
		argv[argc++] = copy + i;
		i += strlen(copy + i) + 1;
	}
	argv[argc] = NULL;
	if (opt_init(&o, argc, argv) != 0) {
		free(copy);
		return 0;
	}
	while ((k = opt_next(&o, specs)) != OPT_END) {
		if (k == OPT_ERROR) {
			if (!o.errmsg[0])
				abort();
			break;
		}
		if (k == K_THREADS && opt_long(o.arg, 1, 16, &v) == 0 && (v < 1 || v > 16))
			abort();
		if ((k == K_OUT || k == K_THREADS) && !o.arg)
			abort();
	}
	for (k = 0; k < o.noperands; k++) {
		int j, found = 0;
		for (j = 1; j < argc; j++)
			found |= o.operands[k] >= argv[j] &&
			    o.operands[k] <= argv[j] + strlen(argv[j]);
		if (!found)
			abort();
	}
	opt_release(&o);
	free(copy);
	return 0;
}
