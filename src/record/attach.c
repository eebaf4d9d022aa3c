/* SPDX-License-Identifier: MIT */
/* attach: attachment values, "<sha256-hex> <size> <name>". */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "record/record.h"

int
record_attachment_parse(const char *value, struct record_attachment *a,
    struct error *err)
{
	const char *p = value, *name;
	uint64_t size = 0;
	size_t i;

	if (strlen(p) < 66 || !record_is_lower_hex(p, 64) || p[64] != ' ')
		return error_set(err, 0, 1,
		    "attachment must be '<64 lowercase hex> <size> <name>'");
	memcpy(a->sha256, p, 64);
	a->sha256[64] = '\0';
	p += 65;
	for (i = 0; p[i] >= '0' && p[i] <= '9'; i++) {
		unsigned d = (unsigned)(p[i] - '0');
		if (size > (UINT64_MAX - d) / 10)
			return error_set(err, 0, 66, "attachment size too large");
		size = size * 10 + d;
	}
	if (i == 0 || p[i] != ' ' || (i > 1 && p[0] == '0'))
		return error_set(err, 0, 66,
		    "attachment size must be a decimal number of bytes");
	name = p + i + 1;
	if (*name == '\0' || strchr(name, '/') || strcmp(name, ".") == 0 ||
	    strcmp(name, "..") == 0)
		return error_set(err, 0, (long)(name - value) + 1,
		    "attachment name must be a file name without '/'");
	a->size = size;
	a->name = name;
	return 0;
}

int
record_add_attachment(struct record *r, const char *hex, uint64_t size,
    const char *name)
{
	struct record_attachment a;
	struct buf b;
	int rc;

	buf_init_mem(&b);
	buf_printf(&b, "%.64s %llu %s", hex, (unsigned long long)size, name);
	if (b.err) {
		buf_release(&b);
		errno = ENOMEM;
		return -1;
	}
	if (strlen(hex) != 64 || record_attachment_parse(buf_str(&b), &a, NULL) != 0) {
		buf_release(&b);
		errno = EINVAL;
		return -1;
	}
	rc = record_add(r, "attachment", buf_str(&b));
	buf_release(&b);
	return rc;
}
