/* SPDX-License-Identifier: MIT */
/* tar: ustar headers, padding and the end of an archive. */
#include <string.h>

#include "lib/tar.h"

/* Field offsets of the ustar header (POSIX pax(1), "ustar Interchange
 * Format"); linkname, uname, gname and prefix stay empty. */
enum {
	H_NAME = 0, H_MODE = 100, H_UID = 108, H_GID = 116, H_SIZE = 124,
	H_MTIME = 136, H_CHKSUM = 148, H_TYPE = 156, H_LINKNAME = 157,
	H_MAGIC = 257, H_VERSION = 263, H_UNAME = 265, H_GNAME = 297,
	H_DEVMAJOR = 329, H_DEVMINOR = 337, H_PREFIX = 345
};

static const char zeros[TAR_BLOCK];

int
tar_name_ok(const char *name)
{
	size_t n = strlen(name), i, start = 0;

	if (n == 0 || n > TAR_NAME_MAX || name[0] == '/' || name[n - 1] == '/')
		return 0;
	for (i = 0; i <= n; i++) {
		if (i < n && (name[i] < 0x21 || name[i] > 0x7e))
			return 0;
		if (i == n || name[i] == '/') {
			size_t len = i - start;
			if (len == 0 || (len == 1 && name[start] == '.') ||
			    (len == 2 && name[start] == '.' && name[start + 1] == '.'))
				return 0;
			start = i + 1;
		}
	}
	return 1;
}

/* v in octal, zero-padded to width - 1 digits and a NUL, at p.  Returns
 * -1 when it does not fit. */
static int
octal(char *p, size_t width, uint64_t v)
{
	size_t i = width - 1;

	p[i] = '\0';
	while (i-- > 0) {
		p[i] = (char)('0' + (v & 7));
		v >>= 3;
	}
	return v ? -1 : 0;
}

int
tar_header(char h[TAR_BLOCK], const char *name, uint64_t size, unsigned mode,
    int64_t mtime, struct error *e)
{
	unsigned sum = 0;
	size_t i;

	if (!tar_name_ok(name))
		return error_set(e, 0, 0, "'%s' cannot be a name in the archive", name);
	if (mode > 07777)
		return error_set(e, 0, 0, "mode %o is not a file mode", mode);
	if (mtime < 0 || (uint64_t)mtime > TAR_SIZE_MAX)
		return error_set(e, 0, 0, "the time %lld does not fit in a tar header",
		    (long long)mtime);
	memset(h, 0, TAR_BLOCK);
	memcpy(h + H_NAME, name, strlen(name));
	octal(h + H_MODE, 8, mode);
	octal(h + H_UID, 8, 0);
	octal(h + H_GID, 8, 0);
	if (octal(h + H_SIZE, 12, size) != 0)
		return error_set(e, 0, 0, "'%s' is larger than a tar header can say", name);
	octal(h + H_MTIME, 12, (uint64_t)mtime);
	h[H_TYPE] = '0';
	memcpy(h + H_MAGIC, "ustar", 6);	/* with its NUL */
	memcpy(h + H_VERSION, "00", 2);
	octal(h + H_DEVMAJOR, 8, 0);
	octal(h + H_DEVMINOR, 8, 0);
	/* the checksum: the sum of the header's bytes, unsigned, with the
	 * checksum field counted as eight spaces; then six octal digits, a
	 * NUL and a space */
	memset(h + H_CHKSUM, ' ', 8);
	for (i = 0; i < TAR_BLOCK; i++)
		sum += (unsigned char)h[i];
	octal(h + H_CHKSUM, 7, sum);
	h[H_CHKSUM + 7] = ' ';
	return 0;
}

int
tar_add(struct buf *b, const char *name, const char *data, size_t len,
    unsigned mode, int64_t mtime, struct error *e)
{
	char h[TAR_BLOCK];

	if (tar_header(h, name, (uint64_t)len, mode, mtime, e) != 0)
		return -1;
	buf_put(b, h, TAR_BLOCK);
	buf_put(b, data, len);
	if (len % TAR_BLOCK)
		buf_put(b, zeros, TAR_BLOCK - len % TAR_BLOCK);
	if (b->err)
		return error_set(e, 0, 0, "cannot write the archive: %s", strerror(b->err));
	return 0;
}

int
tar_finish(struct buf *b)
{
	buf_put(b, zeros, TAR_BLOCK);
	buf_put(b, zeros, TAR_BLOCK);
	return b->err;
}
