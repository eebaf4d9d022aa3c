/* SPDX-License-Identifier: MIT */
/* test_tar: ustar headers field by field (octal widths, magic, checksum
 * as POSIX defines it), data padded to 512 bytes, the two zero blocks,
 * names refused.  tests/recheck/test_evidence.sh reads the archives with
 * GNU tar and bsdtar and compares with GNU tar's own. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "lib/tar.h"

/* The octal number in the width bytes at p (digits, then NUL or space). */
static unsigned long long
octal_at(const char *p, size_t width)
{
	unsigned long long v = 0;
	size_t i;

	for (i = 0; i < width && p[i] >= '0' && p[i] <= '7'; i++)
		v = v * 8 + (unsigned)(p[i] - '0');
	return v;
}

static void
test_header_fields(void)
{
	char h[TAR_BLOCK];
	struct error e;
	unsigned sum = 0;
	size_t i;

	CHECK_INT(tar_header(h, "dir/file.txt", 1234, 0644, 1795430000, &e), 0);
	CHECK_STR(h, "dir/file.txt");
	CHECK(memcmp(h + 100, "0000644\0", 8) == 0);
	CHECK(memcmp(h + 108, "0000000\0", 8) == 0);
	CHECK(memcmp(h + 116, "0000000\0", 8) == 0);
	CHECK(memcmp(h + 124, "00000002322\0", 12) == 0);	/* 1234 */
	CHECK(memcmp(h + 136, "15301013160\0", 12) == 0);	/* 1795430000 */
	CHECK_INT(h[156], '0');
	CHECK(memcmp(h + 257, "ustar\0" "00", 8) == 0);
	CHECK(memcmp(h + 329, "0000000\0" "0000000\0", 16) == 0);
	for (i = 345; i < TAR_BLOCK; i++)
		CHECK(h[i] == 0);
	/* the checksum: six octal digits, NUL, space; the sum of every byte
	 * with the checksum field read as spaces */
	CHECK(h[154] == '\0' && h[155] == ' ');
	for (i = 0; i < TAR_BLOCK; i++)
		sum += (unsigned char)(i >= 148 && i < 156 ? ' ' : h[i]);
	CHECK_INT(octal_at(h + 148, 6), sum);
	CHECK_INT(octal_at(h + 124, 12), 1234);
	CHECK_INT(octal_at(h + 136, 12), 1795430000);
}

static void
test_padding(void)
{
	static const size_t sizes[] = { 0, 1, 511, 512, 513, 1024, 5000 };
	size_t i;

	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		size_t n = sizes[i], want = TAR_BLOCK + (n + TAR_BLOCK - 1) / TAR_BLOCK * TAR_BLOCK, k;
		char *data = malloc(n + 1);
		struct error e;
		struct buf b;

		memset(data, 'd', n);
		buf_init_mem(&b);
		CHECK_INT(tar_add(&b, "f", data, n, 0600, 0, &e), 0);
		CHECK_INT(b.len, want);
		CHECK(memcmp(b.mem + TAR_BLOCK, data, n) == 0);
		for (k = TAR_BLOCK + n; k < b.len; k++)
			CHECK(b.mem[k] == 0);
		CHECK_INT(octal_at(b.mem + 124, 12), n);
		CHECK(memcmp(b.mem + 100, "0000600", 7) == 0);
		CHECK_INT(tar_finish(&b), 0);
		CHECK_INT(b.len, want + 2 * TAR_BLOCK);
		for (k = want; k < b.len; k++)
			CHECK(b.mem[k] == 0);
		buf_release(&b);
		free(data);
	}
}

static void
test_names(void)
{
	char longname[TAR_NAME_MAX + 2], h[TAR_BLOCK];
	struct error e;

	memset(longname, 'n', sizeof longname);
	longname[TAR_NAME_MAX] = '\0';
	CHECK(tar_name_ok(longname));
	CHECK_INT(tar_header(h, longname, 0, 0644, 0, &e), 0);
	CHECK(memcmp(h, longname, TAR_NAME_MAX) == 0);
	CHECK(memcmp(h + 100, "0000644", 7) == 0);	/* no NUL needed in a full name */
	longname[TAR_NAME_MAX] = 'n';
	longname[TAR_NAME_MAX + 1] = '\0';
	CHECK(!tar_name_ok(longname));
	CHECK(!tar_name_ok(""));
	CHECK(!tar_name_ok("/etc/passwd"));
	CHECK(!tar_name_ok("a/../b"));
	CHECK(!tar_name_ok(".."));
	CHECK(!tar_name_ok("a//b"));
	CHECK(!tar_name_ok("a/"));
	CHECK(!tar_name_ok("./a"));
	CHECK(!tar_name_ok("a b"));
	CHECK(!tar_name_ok("caf\xc3\xa9"));
	CHECK(tar_name_ok("handover-evidence-X/files/a.b-c_d"));
	CHECK(tar_name_ok("..a/b.."));
	CHECK_INT(tar_header(h, "a b", 0, 0644, 0, &e), -1);
	CHECK_INT(tar_header(h, "a", 0, 010000, 0, &e), -1);
	CHECK_INT(tar_header(h, "a", 0, 0644, -1, &e), -1);
	CHECK_INT(tar_header(h, "a", TAR_SIZE_MAX, 0644, 0, &e), 0);
	CHECK(memcmp(h + 124, "77777777777\0", 12) == 0);
	CHECK_INT(tar_header(h, "a", TAR_SIZE_MAX + 1, 0644, 0, &e), -1);
}

int
main(void)
{
	RUN(test_header_fields);
	RUN(test_padding);
	RUN(test_names);
	return h_done();
}
