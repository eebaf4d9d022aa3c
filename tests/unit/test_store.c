/* SPDX-License-Identifier: MIT */
/* test_store: the records folder in a scratch directory: permissions,
 * atomic saves and their failures, reading, listing, hashing files. */
#include <sys/stat.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "cli/store.h"

static char scratch[256];

static void
scratch_path(char *out, size_t cap, const char *name)
{
	int n = snprintf(out, cap, "%s/%s", scratch, name);

	if (n < 0 || (size_t)n >= cap)
		out[0] = '\0';
}

static void
put_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

/* Files in dir whose names start with '.', i.e. left-over temporaries. */
static int
hidden_files(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int n = 0;

	if (!d)
		return -1;
	while ((de = readdir(d)) != NULL)
		if (de->d_name[0] == '.' && strcmp(de->d_name, ".") != 0 &&
		    strcmp(de->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

static char *
slurp(const char *path)
{
	struct error err;
	char *t;
	size_t n;

	return store_read_file(path, &t, &n, &err) == 0 ? t : NULL;
}

static void
test_default_dir(void)
{
	struct error err;
	char out[STORE_PATH_MAX];

	CHECK_INT(store_default_dir("/x/data", "/home/u", out, sizeof out, &err), 0);
	CHECK(strcmp(out, "/x/data/handover") == 0);
	CHECK_INT(store_default_dir("", "/home/u", out, sizeof out, &err), 0);
	CHECK(strcmp(out, "/home/u/.local/share/handover") == 0);
	/* XDG: a relative path is ignored */
	CHECK_INT(store_default_dir("rel/data", "/home/u", out, sizeof out, &err), 0);
	CHECK(strcmp(out, "/home/u/.local/share/handover") == 0);
	/* nor a relative HOME: nothing relative to the current folder */
	CHECK_INT(store_default_dir("rel/data", "home/u", out, sizeof out, &err), -1);
	CHECK(strstr(err.msg, "not an absolute path") != NULL);
	CHECK_INT(store_default_dir(NULL, NULL, out, sizeof out, &err), -1);
	CHECK(strstr(err.msg, "set HOME") != NULL);
	CHECK_INT(store_default_dir("/x", NULL, out, 8, &err), -1);
}

static void
test_open_permissions(void)
{
	char dir[300], file[300];
	struct store s;
	struct error err;
	struct stat st;

	scratch_path(dir, sizeof dir, "a/b/handover");
	CHECK_INT(store_open(&s, dir, &err), 0);
	CHECK(stat(dir, &st) == 0 && (st.st_mode & 0777) == 0700);
	CHECK_INT(s.tightened, 0);
	scratch_path(dir, sizeof dir, "a/b");
	CHECK(stat(dir, &st) == 0 && (st.st_mode & 0777) == 0700);
	/* an existing folder open to others is tightened, and says so */
	scratch_path(dir, sizeof dir, "loose");
	mkdir(dir, 0755);
	chmod(dir, 0755);
	CHECK_INT(store_open(&s, dir, &err), 0);
	CHECK_INT(s.tightened, 1);
	CHECK(stat(dir, &st) == 0 && (st.st_mode & 0777) == 0700);
	CHECK_INT(store_open(&s, dir, &err), 0);
	CHECK_INT(s.tightened, 0);
	/* a file where the folder should be */
	scratch_path(file, sizeof file, "plainfile");
	put_file(file, "x");
	CHECK_INT(store_open(&s, file, &err), -1);
	CHECK(strstr(err.msg, "is not a folder") != NULL);
	/* from the environment */
	setenv("XDG_DATA_HOME", scratch, 1);
	CHECK_INT(store_open(&s, NULL, &err), 0);
	scratch_path(dir, sizeof dir, "handover");
	CHECK(strcmp(s.dir, dir) == 0);
}

static void
test_ids(void)
{
	char dir[300], id[STORE_NEW_ID_SIZE], id2[STORE_NEW_ID_SIZE];
	struct store s;
	struct error err;
	time_t t = 1795400000;	/* 2026-11-23 in UTC */
	int i;

	setenv("TZ", "UTC", 1);
	tzset();
	scratch_path(dir, sizeof dir, "ids");
	CHECK_INT(store_open(&s, dir, &err), 0);
	CHECK_INT(store_new_id(&s, t, id, &err), 0);
	CHECK_INT(strlen(id), 17);
	CHECK(strncmp(id, "2026-11-23-", 11) == 0);
	for (i = 11; i < 17; i++)
		CHECK(strchr("0123456789ABCDEFGHJKMNPQRSTVWXYZ", id[i]) != NULL);
	CHECK(store_id_valid(id));
	CHECK_INT(store_new_id(&s, t, id2, &err), 0);
	CHECK(strcmp(id, id2) != 0);
	CHECK(!store_id_valid(""));
	CHECK(!store_id_valid(".hidden"));
	CHECK(!store_id_valid("../x"));
	CHECK(!store_id_valid("a/b"));
	CHECK(!store_id_valid("a b"));
	CHECK(store_id_valid("bob-1"));
	CHECK(!store_id_valid("0123456789012345678901234567890123456789012345678901234567890123X"));
}

static void
test_timestamp(void)
{
	char ts[STORE_TIME_SIZE];

	setenv("TZ", "UTC", 1);
	tzset();
	CHECK_INT(store_timestamp(1795400000, ts), 0);
	CHECK_STR(ts, "2026-11-23T02:13:20+00:00");
	setenv("TZ", "IST-5:30", 1);
	tzset();
	CHECK_INT(store_timestamp(1795400000, ts), 0);
	CHECK_STR(ts, "2026-11-23T07:43:20+05:30");
	setenv("TZ", "UTC", 1);
	tzset();
}

static void
test_atomic_write(void)
{
	char dir[300], path[STORE_PATH_MAX], *t;
	struct store s;
	struct error err;
	struct stat st;

	scratch_path(dir, sizeof dir, "w");
	CHECK_INT(store_open(&s, dir, &err), 0);
	CHECK_INT(store_write(&s, "r1", "first\n", 6, &err), 0);
	CHECK_INT(store_path(&s, "r1", path, sizeof path, &err), 0);
	CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600);
	CHECK(stat(dir, &st) == 0 && (st.st_mode & 0777) == 0700);
	t = slurp(path);
	CHECK_STR(t, "first\n");
	free(t);
	/* over an existing record, which was made readable by others */
	chmod(path, 0644);
	CHECK_INT(store_write(&s, "r1", "second\n", 7, &err), 0);
	t = slurp(path);
	CHECK_STR(t, "second\n");
	free(t);
	CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600);
	CHECK_INT(hidden_files(dir), 0);
	CHECK_INT(store_write(&s, "../evil", "x", 1, &err), -1);
	CHECK(strstr(err.msg, "not a record id") != NULL);
	CHECK_INT(store_write(&s, "empty", "", 0, &err), 0);
}

/* A failure at any step before the rename leaves the old record as it
 * was and no temporary file; after the rename the new one is whole. */
static void
test_write_faults(void)
{
	char dir[300], path[STORE_PATH_MAX], *t;
	struct store s;
	struct error err;
	int f;

	scratch_path(dir, sizeof dir, "faults");
	CHECK_INT(store_open(&s, dir, &err), 0);
	CHECK_INT(store_write(&s, "r", "old contents\n", 13, &err), 0);
	CHECK_INT(store_path(&s, "r", path, sizeof path, &err), 0);
	for (f = STORE_FAULT_CREATE; f <= STORE_FAULT_RENAME; f++) {
		s.fault = (enum store_fault)f;
		err.msg[0] = '\0';
		CHECK_INT(store_write(&s, "r", "new contents that differ\n", 25, &err), -1);
		CHECK(strstr(err.msg, "Input/output error") != NULL);
		t = slurp(path);
		CHECK_STR(t, "old contents\n");
		free(t);
		CHECK_INT(hidden_files(dir), 0);
	}
	s.fault = STORE_FAULT_DIRSYNC;
	CHECK_INT(store_write(&s, "r", "new\n", 4, &err), -1);
	CHECK(strstr(err.msg, "cannot flush its folder") != NULL);
	t = slurp(path);
	CHECK_STR(t, "new\n");
	free(t);
	CHECK_INT(hidden_files(dir), 0);
}

static void
test_save_and_load(void)
{
	char dir[300], path[STORE_PATH_MAX], id[STORE_NEW_ID_SIZE];
	struct record r, back;
	enum record_seal seal;
	struct store s;
	struct error err;

	scratch_path(dir, sizeof dir, "load");
	CHECK_INT(store_open(&s, dir, &err), 0);
	CHECK_INT(store_new_id(&s, time(NULL), id, &err), 0);
	record_init(&r);
	CHECK_INT(store_save(&s, &r, &err), -1);	/* no id */
	CHECK(strstr(err.msg, "no valid 'id'") != NULL);
	record_add(&r, "id", id);
	record_add(&r, "state", "open");
	CHECK_INT(store_save(&s, &r, &err), 0);
	CHECK_INT(store_load(&s, id, &back, &seal, &err), 0);
	CHECK_INT(seal, RECORD_INTACT);
	CHECK_STR(record_get(&back, "state"), "open");
	record_release(&back);
	/* by path */
	CHECK_INT(store_path(&s, id, path, sizeof path, &err), 0);
	CHECK_INT(store_load(&s, path, &back, NULL, &err), 0);
	CHECK_INT(back.nfields, 2);
	record_release(&back);
	/* saved again after another answer */
	record_set(&r, "state", "sealed");
	CHECK_INT(store_save(&s, &r, &err), 0);
	CHECK_INT(store_load(&s, id, &back, &seal, &err), 0);
	CHECK_STR(record_get(&back, "state"), "sealed");
	CHECK_INT(seal, RECORD_INTACT);
	record_release(&back);
	record_release(&r);
	/* errors */
	CHECK_INT(store_load(&s, "2000-01-01-NOPE00", &back, NULL, &err), -1);
	CHECK(strstr(err.msg, "cannot open '") != NULL);
	CHECK(strstr(err.msg, "2000-01-01-NOPE00.record': No such file or directory") != NULL);
	scratch_path(path, sizeof path, "load/bad.record");
	put_file(path, "handover-record 1\nno colon\nsha256: x\n");
	CHECK_INT(store_load(&s, "bad", &back, NULL, &err), -1);
	CHECK_INT(err.line, 2);
	CHECK(strstr(err.msg, "line 2") != NULL);
	CHECK_INT(store_load(&s, "bad id", &back, NULL, &err), -1);
}

static void
set_mtime(const struct store *s, const char *id, time_t t)
{
	char path[STORE_PATH_MAX];
	struct timespec ts[2];

	store_path(s, id, path, sizeof path, NULL);
	ts[0].tv_sec = ts[1].tv_sec = t;
	ts[0].tv_nsec = ts[1].tv_nsec = 0;
	utimensat(AT_FDCWD, path, ts, 0);
}

static void
test_list(void)
{
	char dir[300], path[300];
	struct store_entry *e;
	struct store s;
	struct error err;
	size_t n;

	scratch_path(dir, sizeof dir, "list");
	CHECK_INT(store_open(&s, dir, &err), 0);
	CHECK_INT(store_list(&s, &e, &n, &err), 0);
	CHECK_INT(n, 0);
	free(e);
	store_write(&s, "2026-01-01-AAAAAA", "x", 1, &err);
	store_write(&s, "2026-02-01-BBBBBB", "x", 1, &err);
	store_write(&s, "2026-03-01-CCCCCC", "x", 1, &err);
	store_write(&s, "2026-03-01-DDDDDD", "x", 1, &err);
	set_mtime(&s, "2026-01-01-AAAAAA", 3000);	/* saved last */
	set_mtime(&s, "2026-02-01-BBBBBB", 1000);
	set_mtime(&s, "2026-03-01-CCCCCC", 2000);
	set_mtime(&s, "2026-03-01-DDDDDD", 2000);
	scratch_path(path, sizeof path, "list/notes.txt");
	put_file(path, "not a record");
	scratch_path(path, sizeof path, "list/.hidden.record");
	put_file(path, "x");
	scratch_path(path, sizeof path, "list/dir.record");
	mkdir(path, 0700);
	/* a folder named like a record is listed (loading it then says to
	 * move it away), as the newest entry here */
	CHECK_INT(store_list(&s, &e, &n, &err), 0);
	CHECK_INT(n, 5);
	if (n == 5) {
		CHECK_STR(e[0].id, "dir");
		CHECK_STR(e[1].id, "2026-01-01-AAAAAA");
		CHECK_STR(e[2].id, "2026-03-01-DDDDDD");
		CHECK_STR(e[3].id, "2026-03-01-CCCCCC");
		CHECK_STR(e[4].id, "2026-02-01-BBBBBB");
		CHECK_INT(e[1].mtime, 3000);
	}
	free(e);
}

static void
test_hash_file(void)
{
	char path[300], hex[SHA256_HEX_SIZE];
	struct error err;
	uint64_t size;
	FILE *f;
	int i;

	scratch_path(path, sizeof path, "abc.txt");
	put_file(path, "abc");
	CHECK_INT(store_hash_file(path, hex, &size, &err), 0);
	CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	CHECK_INT(size, 3);
	/* one million 'a', read in chunks (FIPS 180-2 B.3) */
	scratch_path(path, sizeof path, "million");
	f = fopen(path, "w");
	for (i = 0; f && i < 1000000; i++)
		fputc('a', f);
	if (f)
		fclose(f);
	CHECK_INT(store_hash_file(path, hex, &size, &err), 0);
	CHECK_STR(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	CHECK_INT(size, 1000000);
	scratch_path(path, sizeof path, "missing.jpg");
	errno = 0;
	CHECK_INT(store_hash_file(path, hex, &size, &err), -1);
	CHECK_INT(errno, ENOENT);
	CHECK(strstr(err.msg, "missing.jpg': No such file or directory") != NULL);
	CHECK_INT(store_hash_file(scratch, hex, &size, &err), -1);
}

/* A child process that takes the lock of id in dir, says so through the
 * pipe, then waits to be killed.  Returns its pid, or -1. */
static pid_t
hold_in_child(const char *dir, const char *id)
{
	int p[2];
	pid_t pid;
	char c = 0;

	if (pipe(p) != 0)
		return -1;
	if ((pid = fork()) == 0) {
		struct store s;
		struct store_lock l;
		struct error err;
		close(p[0]);
		c = store_open(&s, dir, &err) == 0 && store_lock(&s, id, &l, &err) == 0 ? 'y' : 'n';
		if (write(p[1], &c, 1) != 1)
			_exit(1);
		for (;;)
			pause();
	}
	close(p[1]);
	if (pid < 0 || read(p[0], &c, 1) != 1 || c != 'y') {
		close(p[0]);
		if (pid > 0) {
			kill(pid, SIGKILL);
			waitpid(pid, NULL, 0);
		}
		return -1;
	}
	close(p[0]);
	return pid;
}

/* One check open twice: the second process is refused with EAGAIN and a
 * message; a different check is not; a killed holder leaves nothing
 * stuck; a lock released removes its file. */
static void
test_lock(void)
{
	char dir[300], path[300];
	struct store s;
	struct store_lock l, l2;
	struct error err;
	struct stat st;
	pid_t pid;

	scratch_path(dir, sizeof dir, "locks");
	CHECK_INT(store_open(&s, dir, &err), 0);
	pid = hold_in_child(dir, "2026-01-01-AAAAAA");
	CHECK(pid > 0);
	errno = 0;
	CHECK_INT(store_lock(&s, "2026-01-01-AAAAAA", &l, &err), -1);
	CHECK_INT(errno, EAGAIN);
	CHECK(strstr(err.msg, "is open in another handover") != NULL);
	CHECK_INT(l.held, 0);
	/* a different check in parallel */
	CHECK_INT(store_lock(&s, "2026-01-01-BBBBBB", &l2, &err), 0);
	store_unlock(&l2);
	scratch_path(path, sizeof path, "locks/.2026-01-01-BBBBBB.lock");
	CHECK(lstat(path, &st) != 0);	/* no lock file outlives its holder */
	/* the holder dies the hard way: nothing is stuck */
	if (pid > 0) {
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
	}
	CHECK_INT(store_lock(&s, "2026-01-01-AAAAAA", &l, &err), 0);
	store_unlock(&l);
	store_unlock(&l);	/* twice is harmless */
	/* a half-written save of this check, left by a crash, is removed
	 * once the check is held; another check's is not */
	scratch_path(path, sizeof path, "locks/.2026-01-01-AAAAAA.tmp-abc123");
	put_file(path, "half");
	scratch_path(path, sizeof path, "locks/.2026-01-01-CCCCCC.tmp-abc123");
	put_file(path, "half");
	CHECK_INT(store_lock(&s, "2026-01-01-AAAAAA", &l, &err), 0);
	scratch_path(path, sizeof path, "locks/.2026-01-01-AAAAAA.tmp-abc123");
	CHECK(lstat(path, &st) != 0);
	scratch_path(path, sizeof path, "locks/.2026-01-01-CCCCCC.tmp-abc123");
	CHECK(lstat(path, &st) == 0);
	store_unlock(&l);
	/* the lock file is never followed through a link */
	scratch_path(path, sizeof path, "locks/.2026-01-01-DDDDDD.lock");
	CHECK(symlink("/etc/passwd", path) == 0);
	CHECK_INT(store_lock(&s, "2026-01-01-DDDDDD", &l, &err), -1);
	CHECK_INT(store_lock(&s, "../x", &l, &err), -1);
}

/* Hidden test-only entry point, used by tests/record/test_record.sh:
 * with HANDOVER_TEST_WRITE_LOOP=DIR, saves record "victim" in DIR over
 * and over, each time different, until killed. */
static int
write_loop(const char *dir)
{
	struct store s;
	struct error err;
	struct record r;
	char pad[2048];
	unsigned long i, k;

	if (store_open(&s, dir, &err) != 0) {
		fprintf(stderr, "write loop: %s\n", err.msg);
		return 3;
	}
	memset(pad, 'p', sizeof pad - 1);
	pad[sizeof pad - 1] = '\0';
	for (i = 0;; i++) {
		char n[32];
		record_init(&r);
		record_add(&r, "id", "victim");
		snprintf(n, sizeof n, "%lu", i);
		record_add(&r, "round", n);
		for (k = 0; k < 20 + i % 50; k++)
			record_add(&r, "padding", pad);
		if (store_save(&s, &r, &err) != 0) {
			fprintf(stderr, "write loop: %s\n", err.msg);
			return 3;
		}
		record_release(&r);
	}
}

/* Hidden test-only entry point: with HANDOVER_TEST_SAVE_ONE=DIR, saves
 * record "sample" in DIR with values that need escaping and the files
 * named on the command line attached by their last path component. */
static int
save_one(const char *dir, int argc, char **argv)
{
	char hex[SHA256_HEX_SIZE], ts[STORE_TIME_SIZE];
	struct store s;
	struct error err;
	struct record r;
	uint64_t size;
	int i, rc = 0;

	if (store_open(&s, dir, &err) != 0 || store_timestamp(time(NULL), ts) != 0) {
		fprintf(stderr, "save one: %s\n", err.msg);
		return 3;
	}
	record_init(&r);
	record_add(&r, "id", "sample");
	record_add(&r, "created", ts);
	record_add(&r, "updated", ts);
	record_add(&r, "handover-version", HANDOVER_VERSION);
	record_add(&r, "state", "sealed");
	record_add(&r, "seller.name", "Zo\xc3\xab N'Diaye \xe0\xa4\xb0\xe0\xa4\xbe\xe0\xa4\xae");
	record_add(&r, "seller.id-last4", "4821");
	record_add(&r, "note", "line one\nline two\twith a tab and a \\ backslash");
	for (i = 1; i < argc; i++) {
		const char *base = strrchr(argv[i], '/');
		if (store_hash_file(argv[i], hex, &size, &err) != 0 ||
		    record_add_attachment(&r, hex, size, base ? base + 1 : argv[i]) != 0) {
			fprintf(stderr, "save one: cannot attach '%s'\n", argv[i]);
			rc = 3;
		}
	}
	if (store_save(&s, &r, &err) != 0) {
		fprintf(stderr, "save one: %s\n", err.msg);
		rc = 3;
	}
	record_release(&r);
	return rc;
}

int
main(int argc, char **argv)
{
	const char *loop = getenv("HANDOVER_TEST_WRITE_LOOP");
	const char *one = getenv("HANDOVER_TEST_SAVE_ONE");
	char cmd[300];
	int rc;

	if (loop && *loop)
		return write_loop(loop);
	if (one && *one)
		return save_one(one, argc, argv);
	snprintf(scratch, sizeof scratch, "%s/handover-store.XXXXXX",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(scratch)) {
		perror("mkdtemp");
		return 3;
	}
	RUN(test_default_dir);
	RUN(test_open_permissions);
	RUN(test_ids);
	RUN(test_timestamp);
	RUN(test_atomic_write);
	RUN(test_write_faults);
	RUN(test_save_and_load);
	RUN(test_list);
	RUN(test_hash_file);
	RUN(test_lock);
	rc = h_done();
	if (snprintf(cmd, sizeof cmd, "rm -rf '%s'", scratch) < (int)sizeof cmd)
		(void)system(cmd);
	return rc;
}
