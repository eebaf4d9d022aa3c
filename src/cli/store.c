/* SPDX-License-Identifier: MIT */
/* store: the records folder itself: where it is, opening it (created, or
 * made private, 0700), record ids and the paths they name, and local
 * timestamps.  Saving is in store_save.c, reading, listing and hashing
 * in store_read.c. */
#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/store.h"
#include "cli/store_priv.h"

/* Crockford's base32: no I, L, O, U. */
static const char crockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

int
store_join(char *out, size_t cap, const char *a, const char *b, const char *c,
    struct error *err)
{
	int n = snprintf(out, cap, "%s%s%s", a, b, c);

	if (n < 0 || (size_t)n >= cap) {
		errno = ENAMETOOLONG;
		FAIL(err, "path too long: '%s%s...'", a, b);
	}
	return 0;
}

int
store_default_dir(const char *xdg, const char *home, char *out, size_t cap,
    struct error *err)
{
	if (xdg && xdg[0] == '/')
		return store_join(out, cap, xdg, "/handover", "", err);
	if (home && home[0] == '/')
		return store_join(out, cap, home, "/.local/share/handover", "", err);
	/* a relative HOME would put records (and read a TAC database) under
	 * whatever folder handover runs in */
	errno = ENOENT;
	if (home && home[0] != '\0')
		FAIL(err, "cannot find the records folder: HOME ('%s') is not an absolute path; "
		    "set HOME or XDG_DATA_HOME to one", home);
	FAIL(err, "cannot find the records folder: set HOME or XDG_DATA_HOME");
}

/* mkdir -p with mode 0700 for what is missing. */
static int
make_dirs(char *path, struct error *err)
{
	char *p = path + 1;

	for (;;) {
		char *slash = strchr(p, '/');
		if (slash)
			*slash = '\0';
		if (mkdir(path, 0700) != 0 && errno != EEXIST) {
			int e = errno;
			error_set(err, 0, 0, "cannot create folder '%s': %s", path, strerror(e));
			if (slash)
				*slash = '/';
			errno = e;
			return -1;
		}
		if (!slash)
			return 0;
		*slash = '/';
		p = slash + 1;
	}
}

int
store_open(struct store *s, const char *dir, struct error *err)
{
	struct stat st;

	memset(s, 0, sizeof *s);
	if (dir) {
		if (store_join(s->dir, sizeof s->dir, dir, "", "", err) != 0)
			return -1;
	} else if (store_default_dir(getenv("XDG_DATA_HOME"), getenv("HOME"),
	    s->dir, sizeof s->dir, err) != 0)
		return -1;
	if (s->dir[0] == '\0')
		FAIL(err, "the records folder name is empty");
	if (stat(s->dir, &st) != 0) {
		if (errno != ENOENT)
			FAIL(err, "cannot open folder '%s': %s", s->dir, strerror(errno));
		if (make_dirs(s->dir, err) != 0)
			return -1;
		if (stat(s->dir, &st) != 0)
			FAIL(err, "cannot open folder '%s': %s", s->dir, strerror(errno));
	}
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		FAIL(err, "'%s' is not a folder: move it away or set XDG_DATA_HOME", s->dir);
	}
	if (st.st_uid != geteuid()) {
		errno = EPERM;
		FAIL(err, "folder '%s' belongs to another user: records must be private", s->dir);
	}
	if (st.st_mode & 077) {
		if (chmod(s->dir, 0700) != 0)
			FAIL(err, "cannot make folder '%s' private (0700): %s", s->dir,
			    strerror(errno));
		/* some file systems (an SD card's FAT, some network and FUSE
		 * mounts) say yes and change nothing: look again */
		if (stat(s->dir, &st) == 0 && (st.st_mode & 077))
			s->unprivate = 1;
		else
			s->tightened = 1;
	}
	return 0;
}

int
store_id_valid(const char *id)
{
	size_t i;

	if (!id || id[0] == '\0' || id[0] == '.')
		return 0;
	for (i = 0; id[i]; i++) {
		unsigned char c = (unsigned char)id[i];
		if (i >= STORE_ID_MAX)
			return 0;
		if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
		    (c >= 'a' && c <= 'z') || c == '.' || c == '_' || c == '-'))
			return 0;
	}
	return 1;
}

int
store_path(const struct store *s, const char *id, char *out, size_t cap,
    struct error *err)
{
	if (!store_id_valid(id)) {
		errno = EINVAL;
		FAIL(err, "'%s' is not a record id: see 'handover list'", id ? id : "");
	}
	if (store_join(out, cap, s->dir, "/", id, err) != 0)
		return -1;
	if (strlen(out) + sizeof STORE_SUFFIX > cap) {
		errno = ENAMETOOLONG;
		FAIL(err, "path too long: '%s'", out);
	}
	strcat(out, STORE_SUFFIX);
	return 0;
}

static int
read_all(int fd, unsigned char *p, size_t n)
{
	while (n > 0) {
		ssize_t r = read(fd, p, n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			if (r == 0)
				errno = EIO;
			return -1;
		}
		p += r;
		n -= (size_t)r;
	}
	return 0;
}

int
store_new_id(const struct store *s, time_t now, char id[STORE_NEW_ID_SIZE],
    struct error *err)
{
	char path[STORE_PATH_MAX];
	unsigned char rnd[6];
	struct stat st;
	struct tm tm;
	int fd, tries, i;

	if (!localtime_r(&now, &tm) ||
	    strftime(id, STORE_NEW_ID_SIZE, "%Y-%m-%d-", &tm) != 11) {
		errno = EOVERFLOW;
		FAIL(err, "cannot convert the current time to a date");
	}
	if ((fd = open("/dev/urandom", O_RDONLY)) < 0)
		FAIL(err, "cannot open '/dev/urandom': %s", strerror(errno));
	for (tries = 0; tries < 32; tries++) {
		if (read_all(fd, rnd, sizeof rnd) != 0) {
			int e = errno;
			close(fd);
			errno = e;
			FAIL(err, "cannot read '/dev/urandom': %s", strerror(e));
		}
		for (i = 0; i < 6; i++)
			id[11 + i] = crockford[rnd[i] & 31];
		id[17] = '\0';
		if (store_path(s, id, path, sizeof path, err) != 0)
			break;
		if (lstat(path, &st) != 0 && errno == ENOENT) {
			close(fd);
			return 0;
		}
	}
	close(fd);
	errno = EEXIST;
	FAIL(err, "cannot find an unused record id in '%s'", s->dir);
}

int
store_timestamp(time_t t, char out[STORE_TIME_SIZE])
{
	struct tm tm;
	size_t n;

	if (!localtime_r(&t, &tm))
		return -1;
	n = strftime(out, STORE_TIME_SIZE, "%Y-%m-%dT%H:%M:%S%z", &tm);
	/* %z is "+hhmm"; ISO 8601 extended form wants "+hh:mm" */
	if (n < 5 || n + 2 > STORE_TIME_SIZE ||
	    (out[n - 5] != '+' && out[n - 5] != '-'))
		return -1;
	memmove(out + n - 1, out + n - 2, 3);
	out[n - 2] = ':';
	return 0;
}
