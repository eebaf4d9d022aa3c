/* SPDX-License-Identifier: MIT */
/* file: opening user-named files for reading: regular files only. */
#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/file.h"
#include "cli/prompt.h"
#include "lib/term.h"

#ifndef O_NOFOLLOW
#define O_NOFOLLOW 0	/* then links are caught by the lstat below */
#endif
#ifndef O_CLOEXEC
#define O_CLOEXEC 0
#endif

/* error_set that leaves errno as e. */
#define FAIL(err, e, ...) do { \
	error_set((err), 0, 0, __VA_ARGS__); \
	errno = (e); \
	return -1; \
} while (0)

const char *
file_kind(mode_t m)
{
	if (S_ISREG(m))
		return "a regular file";
	if (S_ISDIR(m))
		return "a folder";
	if (S_ISCHR(m) || S_ISBLK(m))
		return "a device";
	if (S_ISFIFO(m))
		return "a named pipe (FIFO)";
	if (S_ISSOCK(m))
		return "a socket";
	if (S_ISLNK(m))
		return "a symbolic link";
	return "a special file";
}

int
file_open(const char *path, int flags, struct stat *stp, struct error *err)
{
	int oflags = O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, fd, e;
	struct stat st, lst;

	if (flags & FILE_NOFOLLOW) {
		oflags |= O_NOFOLLOW;
		/* where O_NOFOLLOW is missing, or to name the kind: a link is
		 * refused before it is opened */
		if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode))
			FAIL(err, ELOOP, "'%s' is a symbolic link, which handover does not follow "
			    "out of its folder: put the file itself there", path);
	}
	/* an input read once may be a FIFO by design (a pipe from another
	 * program): then the open waits for its writer, as cat's does */
	if ((flags & FILE_STREAM) && stat(path, &st) == 0 && S_ISFIFO(st.st_mode))
		oflags &= ~O_NONBLOCK;
	if ((fd = open(path, oflags)) < 0) {
		e = errno;
		if ((flags & FILE_NOFOLLOW) && (e == ELOOP || e == EMLINK) &&
		    lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode))
			FAIL(err, ELOOP, "'%s' is a symbolic link, which handover does not follow "
			    "out of its folder: put the file itself there", path);
		FAIL(err, e, "cannot open '%s': %s", path, strerror(e));
	}
	if (fstat(fd, &st) != 0) {
		e = errno;
		close(fd);
		FAIL(err, e, "cannot read '%s': %s", path, strerror(e));
	}
	if (!S_ISREG(st.st_mode) &&
	    !((flags & FILE_STREAM) && (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode)))) {
		close(fd);
		e = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
		FAIL(err, e, "'%s' is %s, not a file: give a regular file", path,
		    file_kind(st.st_mode));
	}
	/* from here on, reads wait for data as usual */
	if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) != 0) {
		e = errno;
		close(fd);
		FAIL(err, e, "cannot read '%s': %s", path, strerror(e));
	}
	if (O_CLOEXEC == 0)
		(void)fcntl(fd, F_SETFD, FD_CLOEXEC);
	if (stp)
		*stp = st;
	return fd;
}

int
file_read_all(const char *path, int flags, size_t max, char **out, size_t *len,
    struct error *err)
{
	int in = strcmp(path, "-") == 0, fd, e;
	size_t cap = 64 * 1024, n = 0;
	char *data = NULL, *m;
	struct stat st;

	memset(&st, 0, sizeof st);
	if (in) {
		fd = STDIN_FILENO;
		if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode))
			FAIL(err, EISDIR, "standard input is a folder: give a file");
	} else if ((fd = file_open(path, flags, &st, err)) < 0) {
		return -1;
	}
	if (S_ISREG(st.st_mode) && st.st_size > 0)
		cap = (size_t)st.st_size < max ? (size_t)st.st_size + 1 : max + 1;
	for (;;) {
		ssize_t r;

		if (n + 1 >= cap || !data) {
			char more;
			ssize_t r1 = -1;

			if (data)
				cap = cap > max / 2 ? max + 1 : cap * 2;
			/* max bytes read: at the end, or one too many? */
			while (n + 1 >= cap && (r1 = read(fd, &more, 1)) < 0 && errno == EINTR)
				;
			if (n + 1 >= cap && r1 == 0)
				break;
			if (n + 1 >= cap) {
				e = EFBIG;
				error_set(err, 0, 0, "'%s' is larger than %zu bytes", in ? "-" : path,
				    max);
				goto fail;
			}
			if (!(m = realloc(data, cap))) {
				e = ENOMEM;
				error_set(err, 0, 0, "out of memory reading '%s'", in ? "-" : path);
				goto fail;
			}
			data = m;
		}
		r = read(fd, data + n, cap - 1 - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			e = errno;
			error_set(err, 0, 0, "cannot read '%s': %s", in ? "standard input" : path,
			    strerror(e));
			goto fail;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	data[n] = '\0';
	if (!in)
		close(fd);
	*out = data;
	*len = n;
	return 0;
fail:
	free(data);
	if (!in)
		close(fd);
	errno = e;
	return -1;
}

int
file_progress(const char *path, unsigned long long done, unsigned long long total)
{
	static struct timespec last;
	static int shown;
	struct timespec now;
	char name[96];
	const char *base = strrchr(path, '/');

	if (prompt_interrupted())
		return 1;
	if (done >= total) {
		if (shown)
			fprintf(stderr, "\r%*s\r", 78, "");
		shown = 0;
		return 0;
	}
	if (total < (64u << 20) || !isatty(STDERR_FILENO))
		return 0;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (shown && (now.tv_sec - last.tv_sec) * 1000 + (now.tv_nsec - last.tv_nsec) / 1000000 < 200)
		return 0;
	last = now;
	shown = 1;
	fprintf(stderr, "\rhashing '%s': %3d%% of %llu MB", term_safe(base ? base + 1 : path,
	    name, sizeof name), (int)(done * 100 / total), total >> 20);
	return 0;
}

int
file_write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w == 0)
			errno = EIO;	/* no progress: not a loop forever */
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int
file_write_atomic(const char *path, const char *p, size_t n,
    int (*check)(void *ctx), void *ctx, const char **step)
{
	char tmp[4096], dir[4096];
	const char *slash = strrchr(path, '/');
	int fd, dfd, e;

	*step = "create";
	if ((size_t)snprintf(tmp, sizeof tmp, "%s.tmp-XXXXXX", path) >= sizeof tmp) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if (!slash)
		snprintf(dir, sizeof dir, ".");
	else
		snprintf(dir, sizeof dir, "%.*s", slash == path ? 1 : (int)(slash - path), path);
	if ((fd = mkstemp(tmp)) < 0)
		return -1;
	*step = "write";
	if (fchmod(fd, 0600) != 0 || file_write_all(fd, p, n) != 0 || fsync(fd) != 0) {
		e = errno ? errno : EIO;
		close(fd);
		unlink(tmp);
		errno = e;
		return -1;
	}
	if (close(fd) != 0) {
		e = errno;
		unlink(tmp);
		errno = e;
		return -1;
	}
	*step = "check";
	if (check && check(ctx) != 0) {
		unlink(tmp);
		errno = 0;
		return -1;
	}
	*step = "rename";
	if (rename(tmp, path) != 0) {
		e = errno;
		unlink(tmp);
		errno = e;
		return -1;
	}
	if ((dfd = open(dir, O_RDONLY)) >= 0) {
		(void)fsync(dfd);	/* some file systems refuse it: the data is safe */
		close(dfd);
	}
	return 0;
}
