/* SPDX-License-Identifier: MIT */
/* store: the records folder: atomic saves, reads, listing, file hashes. */
#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lib/grow.h"
#include "cli/file.h"
#include "cli/store.h"

/* Crockford's base32: no I, L, O, U. */
static const char crockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/* error_set that leaves errno as it was. */
#define FAIL(err, ...) do { \
	int e_ = errno; \
	error_set((err), 0, 0, __VA_ARGS__); \
	errno = e_; \
	return -1; \
} while (0)

static int
join(char *out, size_t cap, const char *a, const char *b, const char *c,
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
		return join(out, cap, xdg, "/handover", "", err);
	if (home && home[0] == '/')
		return join(out, cap, home, "/.local/share/handover", "", err);
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
		if (join(s->dir, sizeof s->dir, dir, "", "", err) != 0)
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
	if (join(out, cap, s->dir, "/", id, err) != 0)
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

static int
write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

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
	    join(tmp, sizeof tmp, s->dir, "/.", id, err) != 0 ||
	    join(tmp + strlen(tmp), sizeof tmp - strlen(tmp), ".tmp-XXXXXX", "", "", err) != 0)
		return -1;
	if (faulty(s, STORE_FAULT_CREATE) || (fd = mkstemp(tmp)) < 0)
		FAIL(err, "cannot create a file in '%s': %s%s", s->dir, strerror(errno),
		    save_advice(errno));
	what = "write";
	if (faulty(s, STORE_FAULT_WRITE)) {
		(void)write_all(fd, data, len / 2);
		errno = EIO;
		goto fail;
	}
	if (write_all(fd, data, len) != 0)
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
		    join(path, sizeof path, s->dir, "/", n, NULL) == 0)
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
	if (join(l->path, sizeof l->path, s->dir, "/.", id, err) != 0 ||
	    join(l->path + strlen(l->path), sizeof l->path - strlen(l->path), ".lock", "", "",
	    err) != 0)
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

/* A record file, regular files only (file.h), at most RECORD_MAX_SIZE. */
static int
read_record_file(const char *path, int flags, char **text, size_t *len, struct error *err)
{
	if (file_read_all(path, flags, RECORD_MAX_SIZE, text, len, err) == 0)
		return 0;
	if (errno == EFBIG)
		FAIL(err, "'%s' is larger than %u bytes: not a record", path, RECORD_MAX_SIZE);
	return -1;
}

int
store_read_file(const char *path, char **text, size_t *len, struct error *err)
{
	return read_record_file(path, 0, text, len, err);
}

/* The record of id in the folder: a file there, never a link out of it;
 * a stray (a link, a folder) is named with what to do. */
static int
read_saved(const char *path, char **text, size_t *len, struct error *err)
{
	if (read_record_file(path, FILE_NOFOLLOW, text, len, err) != 0) {
		if (errno == ELOOP || errno == EISDIR || errno == EINVAL) {
			/* a stray in the records folder: say what to do with it */
			struct stat st;
			int e = errno;
			error_set(err, 0, 0, "'%s' is %s, not a record: move it out of the records "
			    "folder", path, lstat(path, &st) == 0 ? file_kind(st.st_mode) :
			    "not a file");
			errno = e;
		}
		return -1;
	}
	return 0;
}

int
store_read_saved(const struct store *s, const char *id, char **text, size_t *len,
    struct error *err)
{
	char path[STORE_PATH_MAX];

	if (store_path(s, id, path, sizeof path, err) != 0)
		return -1;
	return read_saved(path, text, len, err);
}

int
store_load(const struct store *s, const char *id_or_path, struct record *out,
    enum record_seal *seal, struct error *err)
{
	char path[STORE_PATH_MAX], hex[SHA256_HEX_SIZE], *text;
	size_t len, n = strlen(id_or_path), sl = sizeof STORE_SUFFIX - 1;
	struct error perr;
	int rc;

	int flags = 0;

	record_init(out);
	if (strchr(id_or_path, '/') ||
	    (n > sl && strcmp(id_or_path + n - sl, STORE_SUFFIX) == 0)) {
		if (join(path, sizeof path, id_or_path, "", "", err) != 0)
			return -1;
	} else if (store_path(s, id_or_path, path, sizeof path, err) != 0) {
		return -1;
	} else {
		flags = FILE_NOFOLLOW;	/* a record in the folder is a file there */
	}
	if ((flags ? read_saved(path, &text, &len, err) :
	    read_record_file(path, 0, &text, &len, err)) != 0)
		return -1;
	if (seal)
		*seal = record_check_seal(text, len, hex);
	rc = record_parse(text, len, out, &perr);
	free(text);
	if (rc != 0 && error_is_nomem(&perr)) {
		errno = ENOMEM;
		FAIL(err, "out of memory reading '%s'", path);
	}
	if (rc != 0) {
		if (perr.line == 1 && perr.column == 17)	/* another version */
			error_set(err, perr.line, perr.column, "'%s' line 1: %s: it was written "
			    "by a newer handover; upgrade handover to read it", path, perr.msg);
		else
			error_set(err, perr.line, perr.column, "'%s' line %ld: %s", path,
			    perr.line, perr.msg);
		errno = EINVAL;
		return -1;
	}
	if (flags) {
		/* a saved check is named by its id: one whose id differs was
		 * renamed or edited by hand, and list, show and resume would
		 * each call it something else */
		const char *rid = record_get(out, "id");
		if (!rid || strcmp(rid, id_or_path) != 0) {
			error_set(err, 0, 0, "'%s' says its id is '%s': a saved check's file is named "
			    "by its id, so this one was renamed or edited by hand; give its path to "
			    "read it anyway", path, rid ? rid : "");
			record_release(out);
			record_init(out);
			errno = EINVAL;
			return -1;
		}
	}
	return 0;
}

static int
entry_cmp(const void *a, const void *b)
{
	const struct store_entry *x = a, *y = b;

	if (x->mtime != y->mtime)
		return x->mtime > y->mtime ? -1 : 1;
	return -strcmp(x->id, y->id);
}

int
store_list(const struct store *s, struct store_entry **out, size_t *n,
    struct error *err)
{
	struct store_entry *list = NULL;
	size_t cnt = 0, cap = 0, sl = sizeof STORE_SUFFIX - 1;
	struct dirent *de;
	DIR *d;

	*out = NULL;
	*n = 0;
	if (!(d = opendir(s->dir)))
		FAIL(err, "cannot open folder '%s': %s", s->dir, strerror(errno));
	while ((errno = 0, de = readdir(d)) != NULL) {
		char path[STORE_PATH_MAX];
		size_t len = strlen(de->d_name);
		struct stat st;

		if (len <= sl || len - sl > STORE_ID_MAX ||
		    strcmp(de->d_name + len - sl, STORE_SUFFIX) != 0)
			continue;
		if (grow_array(&list, &cap, cnt + 1, sizeof *list) != 0) {
			free(list);
			closedir(d);
			errno = ENOMEM;
			FAIL(err, "out of memory listing '%s'", s->dir);
		}
		memcpy(list[cnt].id, de->d_name, len - sl);
		list[cnt].id[len - sl] = '\0';
		/* every name that looks like a record is listed, whatever it is:
		 * loading a link, a folder or a FIFO then says what to do */
		if (!store_id_valid(list[cnt].id) ||
		    join(path, sizeof path, s->dir, "/", de->d_name, NULL) != 0 ||
		    lstat(path, &st) != 0)
			continue;
		list[cnt].mtime = st.st_mtime;
		cnt++;
	}
	if (errno != 0) {
		int e = errno;
		free(list);
		closedir(d);
		errno = e;
		FAIL(err, "cannot list folder '%s': %s", s->dir, strerror(e));
	}
	closedir(d);
	if (cnt > 1)
		qsort(list, cnt, sizeof *list, entry_cmp);
	*out = list;
	*n = cnt;
	return 0;
}

int
store_hash_path(const char *path, int flags, char hex[SHA256_HEX_SIZE], uint64_t *size,
    struct error *err)
{
	static const size_t chunk = 64 * 1024;
	unsigned char d[SHA256_LEN], *buf;
	struct sha256 h;
	struct stat st;
	uint64_t total = 0;
	int fd, e;

	if ((fd = file_open(path, flags, &st, err)) < 0)
		return -1;
	if (!(buf = malloc(chunk))) {
		close(fd);
		errno = ENOMEM;
		FAIL(err, "out of memory hashing '%s'", path);
	}
	sha256_init(&h);
	for (;;) {
		ssize_t r;

		if (file_progress(path, total, (uint64_t)st.st_size) != 0) {
			e = EINTR;
			error_set(err, 0, 0, "stopped hashing '%s': interrupted", path);
			goto fail;
		}
		r = read(fd, buf, chunk);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			e = errno;
			error_set(err, 0, 0, "cannot read '%s': %s", path, strerror(e));
			goto fail;
		}
		if (r == 0)
			break;
		sha256_update(&h, buf, (size_t)r);
		total += (uint64_t)r;
	}
	file_progress(path, total, total);
	free(buf);
	close(fd);
	sha256_final(&h, d);
	sha256_hex(d, hex);
	*size = total;
	return 0;
fail:
	file_progress(path, total, total);
	free(buf);
	close(fd);
	errno = e;
	return -1;
}

int
store_hash_file(const char *path, char hex[SHA256_HEX_SIZE], uint64_t *size,
    struct error *err)
{
	return store_hash_path(path, 0, hex, size, err);
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
