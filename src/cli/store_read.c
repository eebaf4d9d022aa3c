/* SPDX-License-Identifier: MIT */
/* store_read: reading from disk: a record file by path, a saved record
 * by id (never a link out of the folder), loading and parsing one, the
 * folder's listing newest first, and the SHA-256 of any file read in a
 * stream. */
#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/grow.h"
#include "cli/file.h"
#include "cli/store.h"
#include "cli/store_priv.h"

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
		if (store_join(path, sizeof path, id_or_path, "", "", err) != 0)
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
		    store_join(path, sizeof path, s->dir, "/", de->d_name, NULL) != 0)
			continue;
		if (lstat(path, &st) == 0)
			list[cnt].mtime = st.st_mtime;
		else if (errno == EOVERFLOW)	/* a time past 2038 where time_t
						 * has 32 bits: listed, last */
			list[cnt].mtime = 0;
		else
			continue;	/* gone since it was read */
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
