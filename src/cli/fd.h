/* SPDX-License-Identifier: MIT */
/* fd: the front ends' file descriptors behind the core's writer (buf)
 * and reader (window): the only places their bytes meet the system. */
#ifndef HANDOVER_FD_H
#define HANDOVER_FD_H

#include <sys/types.h>

#include <stddef.h>

#include "lib/buf.h"

/* A buf that writes to fd (borrowed: not closed), retrying on EINTR and
 * after short writes. */
void fd_buf_init(struct buf *b, int fd);
/* A window_read_fn for a file descriptor: ctx points to an int; retries
 * on EINTR. */
ssize_t fd_window_read(void *ctx, char *buf, size_t n);

#endif
