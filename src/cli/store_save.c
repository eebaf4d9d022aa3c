/* SPDX-License-Identifier: MIT */
/* store_save: writing records into the folder: the atomic save (a
 * temporary file, flushed, renamed over the record, the folder flushed)
 * with advice when it fails, and the lock that keeps a check open in one
 * handover at a time. */
#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/file.h"
#include "cli/store.h"
#include "cli/store_priv.h"

/* Makes a step fail in tests. */
static int
faulty(const struct store *s, enum store_fault step)
{
	if (s->fault != step)
		return 0;
	errno = EIO;
	return 1;
}

/* What to do when a save fails with e: room, permission, or nothing. */
static const char *
save_advice(int e)
{
	switch (e) {
	case ENOSPC:
#ifdef EDQUOT
	case EDQUOT:
#endif
	case EFBIG:
		return ": the disk is full (or a size limit was hit): make room, then go on "
		    "with 'handover check --resume'";
	case EACCES:
	case EPERM:
	case EROFS:
		return ": the records folder cannot be written: make it writable, or set "
		    "XDG_DATA_HOME to a folder that is";
	default:
		return "";
	}
}

int
store_write(const struct store *s, const char *id, const char *data,
    size_t len, struct error *err)
{
	char path[STORE_PATH_MAX], tmp[STORE_PATH_MAX];
	const char *what;
	int fd, dfd, e;

	if (store_path(s, id, path, sizeof path, err) != 0 ||
	    store_join(tmp, sizeof tmp, s->dir, "/.", id, err) != 0 ||
	    store_join(tmp + strlen(tmp), sizeof tmp - strlen(tmp), ".tmp-XXXXXX", "", "",
	    err) != 0)
		return -1;
	if (faulty(s, STORE_FAULT_CREATE) || (fd = mkstemp(tmp)) < 0)
		FAIL(err, "cannot create a file in '%s': %s%s", s->dir, strerror(errno),
		    save_advice(errno));
	what = "write";
	if (faulty(s, STORE_FAULT_WRITE)) {
		(void)file_write_all(fd, data, len / 2);
		errno = EIO;
		goto fail;
	}
	if (file_write_all(fd, data, len) != 0)
		goto fail;
	what = "flush";
	if (faulty(s, STORE_FAULT_FSYNC) || fsync(fd) != 0)
		goto fail;
	what = "set permissions of";
	if (faulty(s, STORE_FAULT_CHMOD) || fchmod(fd, 0600) != 0)
		goto fail;
	what = "close";
	if (close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	what = "rename";
	if (faulty(s, STORE_FAULT_RENAME) || rename(tmp, path) != 0)
		goto fail;
	/* The rename is durable once the folder is flushed; some file
	 * systems refuse fsync on a folder (EINVAL), which we accept. */
	if (faulty(s, STORE_FAULT_DIRSYNC) ||
	    (dfd = open(s->dir, O_RDONLY)) < 0)
		FAIL(err, "saved '%s' but cannot flush its folder: %s", path, strerror(errno));
	if (fsync(dfd) != 0 && errno != EINVAL) {
		e = errno;
		close(dfd);
		errno = e;
		FAIL(err, "saved '%s' but cannot flush its folder: %s", path, strerror(e));
	}
	close(dfd);
	return 0;
fail:
	e = errno;
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	errno = e;
	FAIL(err, "cannot %s '%s': %s%s", what, tmp, strerror(e), save_advice(e));
}

/* Removes the ".<id>.tmp-XXXXXX" files a save of id that was cut short
 * (a crash, kill -9, a full disk) left: only once id's lock is held, so
 * no save of it is running. */
static void
remove_stale_temps(const struct store *s, const char *id)
{
	char path[STORE_PATH_MAX];
	size_t idlen = strlen(id);
	struct dirent *de;
	DIR *d;

	if (!(d = opendir(s->dir)))
		return;
	while ((de = readdir(d)) != NULL) {
		const char *n = de->d_name;

		if (n[0] == '.' && strncmp(n + 1, id, idlen) == 0 &&
		    strncmp(n + 1 + idlen, ".tmp-", 5) == 0 && strlen(n + 1 + idlen) == 11 &&
		    store_join(path, sizeof path, s->dir, "/", n, NULL) == 0)
			unlink(path);
	}
	closedir(d);
}

int
store_lock(const struct store *s, const char *id, struct store_lock *l, struct error *err)
{
	struct flock fl;
	struct stat a, b;
	int tries, e;

	l->held = 0;
	l->fd = -1;
	if (!store_id_valid(id)) {
		errno = EINVAL;
		FAIL(err, "'%s' is not a record id: see 'handover list'", id);
	}
	if (store_join(l->path, sizeof l->path, s->dir, "/.", id, err) != 0 ||
	    store_join(l->path + strlen(l->path), sizeof l->path - strlen(l->path), ".lock", "",
	    "", err) != 0)
		return -1;
	for (tries = 0; tries < 16; tries++) {
		int fd = open(l->path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);

		if (fd < 0)
			FAIL(err, "cannot open '%s': %s%s", l->path, strerror(errno),
			    save_advice(errno));
		memset(&fl, 0, sizeof fl);
		fl.l_type = F_WRLCK;
		fl.l_whence = SEEK_SET;
		if (fcntl(fd, F_SETLK, &fl) != 0) {
			e = errno;
			close(fd);
			if (e == EAGAIN || e == EACCES) {
				errno = EAGAIN;
				FAIL(err, "check '%s' is open in another handover (another terminal "
				    "or window): finish or quit it there first", id);
			}
			errno = e == ENOLCK || e == EOPNOTSUPP || e == ENOSYS || e == EINVAL ?
			    ENOLCK : e;
			FAIL(err, "cannot lock check '%s' in '%s': %s", id, s->dir, strerror(e));
		}
		/* held; but the holder before us may have removed the file
		 * between our open and our lock: then lock the new one */
		if (fstat(fd, &a) == 0 && lstat(l->path, &b) == 0 && a.st_dev == b.st_dev &&
		    a.st_ino == b.st_ino) {
			l->fd = fd;
			l->held = 1;
			remove_stale_temps(s, id);
			return 0;
		}
		close(fd);
	}
	errno = EAGAIN;
	FAIL(err, "cannot lock check '%s': its lock file keeps changing", id);
}

void
store_unlock(struct store_lock *l)
{
	if (!l->held)
		return;
	unlink(l->path);	/* while held: whoever opens it next makes a new one */
	close(l->fd);
	l->held = 0;
	l->fd = -1;
}

int
store_save(const struct store *s, const struct record *r, struct error *err)
{
	const char *id = record_get(r, "id");
	struct buf b;
	int rc;

	if (!id || !store_id_valid(id)) {
		errno = EINVAL;
		FAIL(err, "the record has no valid 'id' field");
	}
	buf_init_mem(&b);
	if ((rc = record_serialize(r, &b)) != 0) {
		buf_release(&b);
		errno = rc;
		FAIL(err, "cannot build record '%s': %s", id, strerror(rc));
	}
	rc = store_write(s, id, b.mem, b.len, err);
	buf_release(&b);
	return rc;
}
