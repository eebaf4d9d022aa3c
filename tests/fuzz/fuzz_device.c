/* SPDX-License-Identifier: MIT */
/* fuzz_device: arbitrary bytes as adb output (package list, device_policy
 * dump, kiosk role answer) fed line by line; reading and judging must
 * never crash, and the kept lists stay within their caps. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "device/device.h"
#include "kb/blob.h"
#include "kb/kb.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct kb K;
static int loaded;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct device_state s;
	static struct device_verdict v;
	const char *p = (const char *)data, *end = p + size;

	if (!loaded) {
		struct error e;
		if (kb_load(&K, blob_get, NULL, &e) != 0)
			abort();
		loaded = 1;
	}
	device_init(&s, &K);
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		const char *pkg;
		size_t len;
		const struct kb_lock_app *a;

		if (device_feed(&s, p, n, &pkg, &len, &a) == DEVICE_LINE_PACKAGE &&
		    (pkg < p || pkg + len > p + n))
			abort();
		p += n + (nl ? 1 : 0);
	}
	device_judge(&s, &v);
	if (s.nadmins > DEVICE_MAX_ADMINS || s.nholders > DEVICE_MAX_HOLDERS ||
	    s.nprofile_owners > DEVICE_MAX_OWNERS || s.nfound > DEVICE_MAX_FOUND ||
	    v.nreasons > DEVICE_MAX_REASONS)
		abort();
	return 0;
}
