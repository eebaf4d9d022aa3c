/* SPDX-License-Identifier: MIT */
/* file: opening the files a user names, for reading, without being fooled
 * by what they are.  A record, an answers file, a photo, an attachment, a
 * data table or a TAC database must be a regular file: a FIFO would block
 * us forever, a device such as /dev/zero never ends, a folder or socket
 * cannot be read; each is refused with a message saying what it is.  The
 * open never blocks (O_NONBLOCK, cleared once the file is known to be
 * regular).  A name looked up inside a folder (an attachment next to a
 * record, a record in the records folder, a table in the --data folder)
 * is not followed when it is a symbolic link, so nothing reaches out of
 * the folder it was asked about. */
#ifndef HANDOVER_FILE_H
#define HANDOVER_FILE_H

#include <sys/stat.h>
#include <sys/types.h>

#include <stddef.h>

#include "lib/error.h"

enum {
	FILE_NOFOLLOW = 1,	/* refuse a symbolic link (O_NOFOLLOW) */
	FILE_STREAM = 2		/* a FIFO or socket is fine too (an input read once,
				 * such as apps' or dups'); a FIFO's open waits
				 * for its writer */
};

/* "a folder", "a device", "a named pipe (FIFO)", "a socket", "a symbolic
 * link", "a regular file" or "a special file", for messages. */
const char *file_kind(mode_t mode);

/* Opens path read-only after the checks above (flags: FILE_*), with
 * FD_CLOEXEC, and fills *st (when not NULL).  Returns the descriptor, or
 * -1 with err ("'x' is a named pipe (FIFO), not a file: ...") and errno
 * (ENOENT for a missing file; EISDIR, ELOOP for a link refused, EINVAL
 * for another kind). */
int file_open(const char *path, int flags, struct stat *st, struct error *err);

/* Reads a whole file opened as file_open does ("-" is standard input,
 * whatever it is) into memory; caller frees *out (NUL-terminated).  max
 * caps the size: past it, -1 with errno EFBIG.  Returns 0 or -1 with err
 * and errno. */
int file_read_all(const char *path, int flags, size_t max, char **out, size_t *len,
    struct error *err);

/* While a long file is hashed: on a terminal (stderr), "hashing 'name':
 * 42%" on one line, at most a few times a second (cleared when done is
 * total).  Returns non-zero when a signal asked us to stop (prompt.h):
 * the hashing then ends within one read. */
int file_progress(const char *path, unsigned long long done, unsigned long long total);

/* Writes all of (p, n) to fd, again after EINTR.  Returns 0, or -1 with
 * errno (EIO for a write that made no progress). */
int file_write_all(int fd, const char *p, size_t n);

/* Replaces path with (p, n) atomically: a temporary file beside it
 * ("path.tmp-XXXXXX"), mode 0600, written, flushed, renamed over path,
 * the folder flushed.  check (may be NULL) is asked just before the
 * rename and stops it by returning non-zero.  Returns 0, or -1 with errno
 * and *step ("create", "write", "rename", "check") saying what failed;
 * path is untouched then. */
int file_write_atomic(const char *path, const char *p, size_t n,
    int (*check)(void *ctx), void *ctx, const char **step);
#endif
