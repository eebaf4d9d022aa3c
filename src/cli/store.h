/* SPDX-License-Identifier: MIT */
/* store: the records folder on disk: where it is and ids (cli/store.c),
 * atomic saving and the lock on a check (cli/store_save.c), reading,
 * listing, and hashing attachments (cli/store_read.c).  Does I/O but never
 * prints; every failure comes back as a struct error ready to show. */
#ifndef HANDOVER_STORE_H
#define HANDOVER_STORE_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "lib/error.h"
#include "record/record.h"
#include "lib/sha256.h"

#define STORE_PATH_MAX 4096
#define STORE_ID_MAX 64		/* bytes in an id */
#define STORE_NEW_ID_SIZE 18	/* "YYYY-MM-DD-XXXXXX" and a NUL */
#define STORE_TIME_SIZE 32	/* "2026-11-23T14:05:09+05:30" and a NUL */
#define STORE_SUFFIX ".record"

/* Steps of store_write that tests can make fail (struct store.fault). */
enum store_fault {
	STORE_FAULT_NONE,
	STORE_FAULT_CREATE,	/* creating the temporary file */
	STORE_FAULT_WRITE,	/* writing it (after half the bytes) */
	STORE_FAULT_FSYNC,	/* flushing it */
	STORE_FAULT_CHMOD,	/* setting 0600 */
	STORE_FAULT_RENAME,	/* renaming it over the record */
	STORE_FAULT_DIRSYNC	/* flushing the folder after the rename */
};

struct store {
	char dir[STORE_PATH_MAX];	/* the records folder */
	int tightened;		/* store_open set an existing folder to 0700 */
	int unprivate;		/* its file system ignores permissions (chmod
				 * changed nothing): others may read the
				 * records; a front end should say so */
	enum store_fault fault;	/* tests only; STORE_FAULT_NONE otherwise */
};

/* One check held open by this process (store_lock); all zero (e.g.
 * calloc) means not held. */
struct store_lock {
	int held;
	int fd;
	char path[STORE_PATH_MAX];	/* "<dir>/.<id>.lock" */
};

struct store_entry {
	char id[STORE_ID_MAX + 1];
	time_t mtime;		/* last saved */
};

/* The records folder for these environment values: xdg_data_home/handover
 * when it is set, non-empty and absolute (the XDG rule), else
 * home/.local/share/handover when home is absolute.  Returns 0 or -1 with
 * err.  Never a folder relative to the current one. */
int store_default_dir(const char *xdg_data_home, const char *home,
    char *out, size_t cap, struct error *err);

/* Opens the records folder dir (NULL: store_default_dir of the
 * environment), creating it and missing parents with mode 0700.  An
 * existing folder must be a directory owned by this user; if group or
 * others have any access it is set to 0700 and s->tightened is set so a
 * front end can say so, or s->unprivate when the file system ignored the
 * change (to simulate: HANDOVER_FAULT=nochmod with the fault build).
 * Returns 0 or -1 with err. */
int store_open(struct store *s, const char *dir, struct error *err);

/* 1 when id can name a record file: 1-64 bytes of [0-9A-Za-z._-], not
 * starting with '.'. */
int store_id_valid(const char *id);

/* A new id "YYYY-MM-DD-XXXXXX": the local date of now and 6 Crockford
 * base32 characters from /dev/urandom, not yet used in the folder.
 * Returns 0 or -1 with err. */
int store_new_id(const struct store *s, time_t now,
    char id[STORE_NEW_ID_SIZE], struct error *err);

/* "<dir>/<id>.record" into out.  Returns 0 or -1 with err. */
int store_path(const struct store *s, const char *id, char *out, size_t cap,
    struct error *err);

/* Replaces <id>.record with the len bytes at data, atomically: a
 * temporary file in the same folder, written, fsync'd, set to 0600,
 * renamed over the record, then the folder fsync'd.  On failure the
 * temporary file is removed and the previous record is untouched
 * (except for a failed folder flush, after the rename).  Returns 0 or -1
 * with err. */
int store_write(const struct store *s, const char *id, const char *data,
    size_t len, struct error *err);

/*
 * Holds check id open for this process, so that a second handover (two
 * terminals resuming the same check) is refused instead of mixing its
 * answers into the record.  The lock is an fcntl(F_SETLK) write lock on
 * "<dir>/.<id>.lock": the kernel drops it when the process ends, however
 * it ends (a crash or kill -9 leaves nothing stuck), it works on Linux,
 * macOS and Android, and two different checks are independent.  Once it
 * is held, temporary files a crashed save of this id left behind are
 * removed.  Returns 0; or -1 with err and errno EAGAIN when another
 * process holds the check ("check ID is open in another handover..."),
 * ENOLCK when the folder's file system has no locks (the caller may go on
 * after saying so), another errno otherwise.  *l is released with
 * store_unlock (safe to call when not held).
 */
int store_lock(const struct store *s, const char *id, struct store_lock *l,
    struct error *err);
/* Lets the check go: removes the lock file, then drops the lock. */
void store_unlock(struct store_lock *l);

/* Serializes r (sealed) and store_write's it under its "id" field. */
int store_save(const struct store *s, const struct record *r,
    struct error *err);

/* Reads a whole file of at most RECORD_MAX_SIZE bytes, a regular file
 * only (cli/file.h); caller frees *text (NUL-terminated).  Returns 0 or
 * -1 with err. */
int store_read_file(const char *path, char **text, size_t *len,
    struct error *err);

/* Reads the record of id in the folder as store_read_file does, except
 * that a symbolic link there is refused (as store_load by id). */
int store_read_saved(const struct store *s, const char *id, char **text, size_t *len,
    struct error *err);

/* Loads a record by id, or by path when id_or_path holds a '/' or ends
 * in ".record"; by id, a symbolic link in the folder is refused, and so is
 * a record whose "id" field is not that id (renamed or copied by hand).
 * Parses it (unsealed records are refused) into out (caller releases) and
 * sets *seal when seal is not NULL.  Returns 0 or -1 with err
 * (line/column for a parse error). */
int store_load(const struct store *s, const char *id_or_path,
    struct record *out, enum record_seal *seal, struct error *err);

/* The records in the folder, newest saved first (ties: id descending):
 * every "<id>.record" entry, also one that is not a regular file (a link,
 * a folder), which store_load then refuses saying what to do.
 * *out is caller-freed with free().  Returns 0 or -1 with err. */
int store_list(const struct store *s, struct store_entry **out, size_t *n,
    struct error *err);

/* SHA-256 and size of a file, read in a stream: a regular file only
 * (cli/file.h: a FIFO, device, folder or socket is refused with a message
 * saying so), a symbolic link not followed with FILE_NOFOLLOW in flags.
 * A long hash shows its progress on a terminal and stops within one read
 * when a signal asks (file_progress).  Returns 0 or -1 with err (errno
 * kept: ENOENT for a missing file, EINTR when stopped). */
int store_hash_path(const char *path, int flags, char hex[SHA256_HEX_SIZE],
    uint64_t *size, struct error *err);
/* store_hash_path(path, 0, ...): for a file the user named. */
int store_hash_file(const char *path, char hex[SHA256_HEX_SIZE],
    uint64_t *size, struct error *err);

/* t as local ISO 8601 time with offset, "2026-11-23T14:05:09+05:30".
 * Returns 0 or -1 when the time cannot be converted. */
int store_timestamp(time_t t, char out[STORE_TIME_SIZE]);

#endif
