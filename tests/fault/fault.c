/* SPDX-License-Identifier: MIT */
/* fault: the test-only fault injector linked into build/fault/handover
 * with -Wl,--wrap (GNU ld): every allocation, write and file-system step
 * handover itself makes goes through here, and one chosen call fails.
 *
 *   HANDOVER_FAULT=alloc:N   the Nth allocation (0-based: malloc, calloc,
 *                            realloc, strdup, posix_memalign) and every
 *                            later one fail with ENOMEM: memory runs out
 *   HANDOVER_FAULT=write:N   the Nth write() writes half its bytes, then
 *                            fails with ENOSPC, as does every later one:
 *                            the disk (or the pipe's reader) is full
 *   HANDOVER_FAULT=io:N      the Nth of fsync, rename, mkstemp, mkdir,
 *                            unlink, fchmod fails with EIO
 *   HANDOVER_FAULT=nochmod   chmod and fchmod say yes and change nothing,
 *                            as on an SD card's FAT file system
 *   HANDOVER_FAULT_LOG=FILE  at exit, "alloc A write W io I hit H" is
 *                            appended to FILE: the calls of each kind made
 *                            and whether the fault was reached
 *
 * Only calls from handover's own code are counted (the C library's calls
 * to itself are not wrapped).  A run with N past the count succeeds: the
 * suite (test_faults.sh) runs every N from 0 until then. */
#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void *__real_malloc(size_t n);
void *__real_calloc(size_t k, size_t n);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
int __real_posix_memalign(void **p, size_t a, size_t n);
ssize_t __real_write(int fd, const void *p, size_t n);
int __real_fsync(int fd);
int __real_rename(const char *a, const char *b);
int __real_mkstemp(char *t);
int __real_mkdir(const char *p, mode_t m);
int __real_unlink(const char *p);
int __real_fchmod(int fd, mode_t m);
int __real_chmod(const char *p, mode_t m);

void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t k, size_t n);
void *__wrap_realloc(void *p, size_t n);
char *__wrap_strdup(const char *s);
int __wrap_posix_memalign(void **p, size_t a, size_t n);
ssize_t __wrap_write(int fd, const void *p, size_t n);
int __wrap_fsync(int fd);
int __wrap_rename(const char *a, const char *b);
int __wrap_mkstemp(char *t);
int __wrap_mkdir(const char *p, mode_t m);
int __wrap_unlink(const char *p);
int __wrap_fchmod(int fd, mode_t m);
int __wrap_chmod(const char *p, mode_t m);

enum kind { K_NONE, K_ALLOC, K_WRITE, K_IO, K_NOCHMOD };

static int ready, hit;
static enum kind kind;
static long at;
static long count[5];

static void report(void);

static void
setup(void)
{
	const char *f = getenv("HANDOVER_FAULT");

	ready = 1;
	if (f && strncmp(f, "alloc:", 6) == 0)
		kind = K_ALLOC;
	else if (f && strncmp(f, "write:", 6) == 0)
		kind = K_WRITE;
	else if (f && strncmp(f, "io:", 3) == 0)
		kind = K_IO;
	else if (f && strcmp(f, "nochmod") == 0)
		kind = K_NOCHMOD;
	if (kind != K_NONE && kind != K_NOCHMOD)
		at = atol(strchr(f, ':') + 1);
	atexit(report);
}

/* 1 when this call of kind k must fail. */
static int
fails(enum kind k)
{
	long n;

	if (!ready)
		setup();
	n = count[k]++;
	if (kind != k || n < at)
		return 0;
	hit = 1;
	return 1;
}

static void
report(void)
{
	const char *log = getenv("HANDOVER_FAULT_LOG");
	char line[128];
	int fd, n;

	if (!log)
		return;
	n = snprintf(line, sizeof line, "alloc %ld write %ld io %ld hit %d\n",
	    count[K_ALLOC], count[K_WRITE], count[K_IO], hit);
	if ((fd = open(log, O_WRONLY | O_APPEND | O_CREAT, 0600)) >= 0) {
		if (__real_write(fd, line, (size_t)n) < 0)
			n = 0;
		close(fd);
	}
}

void *
__wrap_malloc(size_t n)
{
	if (fails(K_ALLOC)) {
		errno = ENOMEM;
		return NULL;
	}
	return __real_malloc(n);
}

void *
__wrap_calloc(size_t k, size_t n)
{
	if (fails(K_ALLOC)) {
		errno = ENOMEM;
		return NULL;
	}
	return __real_calloc(k, n);
}

void *
__wrap_realloc(void *p, size_t n)
{
	if (fails(K_ALLOC)) {
		errno = ENOMEM;
		return NULL;
	}
	return __real_realloc(p, n);
}

char *
__wrap_strdup(const char *s)
{
	if (fails(K_ALLOC)) {
		errno = ENOMEM;
		return NULL;
	}
	return __real_strdup(s);
}

int
__wrap_posix_memalign(void **p, size_t a, size_t n)
{
	if (fails(K_ALLOC))
		return ENOMEM;
	return __real_posix_memalign(p, a, n);
}

ssize_t
__wrap_write(int fd, const void *p, size_t n)
{
	if (fails(K_WRITE)) {
		/* a full disk: part of the bytes, then no room */
		if (n > 1 && count[K_WRITE] - 1 == at && __real_write(fd, p, n / 2) > 0)
			return (ssize_t)(n / 2);
		errno = ENOSPC;
		return -1;
	}
	return __real_write(fd, p, n);
}

#define IO_WRAP(ret, name, params, args) \
	ret __wrap_##name params \
	{ \
		if (fails(K_IO)) { \
			errno = EIO; \
			return -1; \
		} \
		return __real_##name args; \
	}

/* 1 when chmod must pretend (HANDOVER_FAULT=nochmod). */
static int
nochmod(void)
{
	if (!ready)
		setup();
	return kind == K_NOCHMOD;
}

int
__wrap_chmod(const char *p, mode_t m)
{
	return nochmod() ? 0 : __real_chmod(p, m);
}

IO_WRAP(int, fsync, (int fd), (fd))
IO_WRAP(int, rename, (const char *a, const char *b), (a, b))
IO_WRAP(int, mkstemp, (char *t), (t))
IO_WRAP(int, mkdir, (const char *p, mode_t m), (p, m))
IO_WRAP(int, unlink, (const char *p), (p))
int
__wrap_fchmod(int fd, mode_t m)
{
	if (nochmod())
		return 0;
	if (fails(K_IO)) {
		errno = EIO;
		return -1;
	}
	return __real_fchmod(fd, m);
}
