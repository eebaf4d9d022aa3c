/* SPDX-License-Identifier: MIT */
/* tar: writing POSIX ustar archives (IEEE 1003.1-1988/2001, the "ustar
 * Interchange Format") into a buf: a 512-byte header per file with octal
 * fields and its checksum, the data padded with zeros to 512 bytes, two
 * zero blocks at the end.  Regular files only, names of at most 100 bytes
 * (no prefix field), owner 0, readable by every tar. */
#ifndef HANDOVER_TAR_H
#define HANDOVER_TAR_H

#include <stddef.h>
#include <stdint.h>

#include "lib/buf.h"
#include "lib/error.h"

#define TAR_BLOCK 512
#define TAR_NAME_MAX 100		/* bytes in a name */
#define TAR_SIZE_MAX 077777777777ULL	/* 11 octal digits: 8 GiB - 1 */

/* 1 when name can name a file in an archive we write: 1-100 bytes of
 * printable ASCII, not starting with '/', no "." or ".." component, no
 * empty component, not ending in '/'. */
int tar_name_ok(const char *name);

/* Appends one regular file: its header (mode, e.g. 0644; mtime, seconds
 * since 1970) and len bytes of data padded to a whole block.  Returns 0,
 * or -1 with e (a bad name, mode or time, a file too large, or the buf's
 * error). */
int tar_add(struct buf *b, const char *name, const char *data, size_t len,
    unsigned mode, int64_t mtime, struct error *e);
/* Appends the end of the archive, two zero blocks.  Returns 0 or the
 * buf's error. */
int tar_finish(struct buf *b);

/* The header tar_add writes, into h (TAR_BLOCK bytes).  For tests. */
int tar_header(char h[TAR_BLOCK], const char *name, uint64_t size, unsigned mode,
    int64_t mtime, struct error *e);

#endif
