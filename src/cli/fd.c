/* SPDX-License-Identifier: MIT */
/* fd: a buf's writes and a window's reads on a file descriptor. */
#include <errno.h>
#include <unistd.h>

#include "cli/fd.h"

static int
write_fd(struct buf *b, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(b->fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return errno;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

void
fd_buf_init(struct buf *b, int fd)
{
	buf_init_out(b, write_fd);
	b->fd = fd;
}

ssize_t
fd_window_read(void *ctx, char *buf, size_t n)
{
	ssize_t r;

	do
		r = read(*(int *)ctx, buf, n);
	while (r < 0 && errno == EINTR);
	return r;
}
