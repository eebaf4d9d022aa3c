/* SPDX-License-Identifier: MIT */
/* test_file: opening user-named files: regular files only, links inside a
 * folder not followed, a FIFO's open never blocking, and whole-file reads
 * up to and exactly at their limit. */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/file.h"
#include "harness.h"

static char dir[4096];

static const char *
at(const char *name)
{
	static char p[4200];

	snprintf(p, sizeof p, "%s/%s", dir, name);
	return p;
}

static void
put(const char *name, const char *text, size_t n)
{
	FILE *f = fopen(at(name), "wb");

	if (f) {
		fwrite(text, 1, n, f);
		fclose(f);
	}
}

static void
test_kinds(void)
{
	struct error e;
	struct stat st;
	char target[4200];
	int fd;

	put("plain", "abc", 3);
	fd = file_open(at("plain"), FILE_NOFOLLOW, &st, &e);
	CHECK(fd >= 0);
	CHECK_INT(st.st_size, 3);
	CHECK((fcntl(fd, F_GETFL) & O_NONBLOCK) == 0);	/* reads wait as usual */
	close(fd);
	errno = 0;
	CHECK_INT(file_open(dir, 0, NULL, &e), -1);
	CHECK_INT(errno, EISDIR);
	CHECK(strstr(e.msg, "is a folder, not a file") != NULL);
	CHECK(mkfifo(at("fifo"), 0600) == 0);
	CHECK_INT(file_open(at("fifo"), 0, NULL, &e), -1);	/* and returns at once */
	CHECK_INT(errno, EINVAL);
	CHECK(strstr(e.msg, "named pipe (FIFO)") != NULL);
	CHECK_INT(file_open("/dev/null", 0, NULL, &e), -1);
	CHECK(strstr(e.msg, "is a device") != NULL);
	snprintf(target, sizeof target, "%s", at("plain"));
	CHECK(symlink(target, at("link")) == 0);
	fd = file_open(at("link"), 0, NULL, &e);		/* named by the user: followed */
	CHECK(fd >= 0);
	if (fd >= 0)
		close(fd);
	CHECK_INT(file_open(at("link"), FILE_NOFOLLOW, NULL, &e), -1);	/* in a folder: not */
	CHECK_INT(errno, ELOOP);
	CHECK(strstr(e.msg, "symbolic link") != NULL);
	CHECK_INT(file_open(at("missing"), 0, NULL, &e), -1);
	CHECK_INT(errno, ENOENT);
	CHECK(strcmp(file_kind(S_IFSOCK), "a socket") == 0);
}

static void
test_read_all_limits(void)
{
	char buf[100], *out;
	struct error e;
	size_t n;

	memset(buf, 'x', sizeof buf);
	put("hundred", buf, 100);
	CHECK_INT(file_read_all(at("hundred"), 0, 100, &out, &n, &e), 0);	/* exactly */
	CHECK_INT(n, 100);
	if (n == 100)
		free(out);
	errno = 0;
	CHECK_INT(file_read_all(at("hundred"), 0, 99, &out, &n, &e), -1);
	CHECK_INT(errno, EFBIG);
	CHECK(strstr(e.msg, "larger than 99 bytes") != NULL);
	put("empty", "", 0);
	CHECK_INT(file_read_all(at("empty"), 0, 10, &out, &n, &e), 0);
	CHECK_INT(n, 0);
	if (n == 0) {
		CHECK(out[0] == '\0');
		free(out);
	}
	CHECK_INT(file_read_all(at("fifo"), 0, 10, &out, &n, &e), -1);
}

int
main(void)
{
	const char *tmp = getenv("TMPDIR");
	char cmd[4300];

	snprintf(dir, sizeof dir, "%s/handover-file.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir))
		return 1;
	RUN(test_kinds);
	RUN(test_read_all_limits);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("  could not remove %s\n", dir);
	return h_done();
}
