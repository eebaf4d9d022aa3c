/* SPDX-License-Identifier: MIT */
/* check_open: opening a run of 'handover check' or 'recheck': its data,
 * its words, the records folder and the check's lock, and starting,
 * resuming or re-checking a check. */
#include <sys/stat.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check/saved.h"
#include "check/recheck.h"
#include "cli/fd.h"
#include "cli/now.h"
#include "cli/prompt.h"
#include "cmd/check_run.h"
#include "lib/term.h"
#include "lib/wrap.h"

/* Hashes a file the buyer named for proof.files: ~/ is their home, and
 * only a regular file is read (a FIFO or a device would never end). */
static int
hash_file(void *ctx, const char *path, char hex[65], uint64_t *size, const char **name,
    struct error *e)
{
	char full[STORE_PATH_MAX];
	const char *home = getenv("HOME"), *base;
	struct stat st;

	(void)ctx;
	if (strncmp(path, "~/", 2) == 0 && home && *home) {
		int n = snprintf(full, sizeof full, "%s/%s", home, path + 2);
		if (n < 0 || (size_t)n >= sizeof full)
			return error_set(e, 0, 0, "the path is too long");
		path = full;
	}
	if (stat(path, &st) != 0)
		return error_set(e, 0, 0, "%s", strerror(errno));
	if (!S_ISREG(st.st_mode))
		return error_set(e, 0, 0, "%s", S_ISDIR(st.st_mode) ? "it is a folder, not a file" :
		    "it is not a regular file (a device, a pipe or a socket): attach a photo file");
	if (store_hash_file(path, hex, size, e) != 0)
		return -1;
	base = strrchr(path, '/');
	base = base ? base + 1 : path;
	if (!*base || strcmp(base, ".") == 0 || strcmp(base, "..") == 0)
		return error_set(e, 0, 0, "a file's name is needed");
	/* the name as the record keeps it: static, valid until the next call */
	{
		static char keep[CL_VALUE_MAX];
		size_t n = strlen(base);
		if (n >= sizeof keep)
			return error_set(e, 0, 0, "the file's name is too long");
		memcpy(keep, base, n + 1);
		*name = keep;
	}
	return 0;
}


/* Holds check id for this process: a second handover on the same check
 * (another terminal, a second front end) is refused before it reads the
 * record, instead of mixing its answers into it.  A folder whose file
 * system has no locks (some phone storage) is said once and the check
 * goes on.  Returns an exit status. */
static int
lock_check(struct check_run *r, const char *id)
{
	struct error e;

	if (store_lock(&r->store, id, &r->lock, &e) == 0)
		return EXIT_OK;
	if (errno == ENOLCK) {
		cli_error("%s; go on, but do not open this check in two places at once", e.msg);
		return EXIT_OK;
	}
	cli_error("%s", e.msg);
	return EXIT_IO;
}

int
checkrun_open(struct check_run *r, struct cli *c, const char *tacdb, const char *lang,
    int lang_named, int steps_only)
{
	struct error e;

	r->cli = c;
	r->lang_named = lang_named;
	fd_buf_init(&r->out, STDOUT_FILENO);
	r->width = cli_term_width(STDOUT_FILENO);
	tacload_init(&r->tl, c, tacdb);
	if (cli_load_kb(c, &r->kb) != 0)
		return EXIT_IO;
	r->kb_loaded = 1;
	if (cli_load_idents(c, &r->idt) != 0 ||
	    cli_load_words(c, lang, lang_named, &r->words) != 0)
		return EXIT_IO;
	r->env.kb = &r->kb;
	r->env.idt = &r->idt;
	r->env.words = cli_words_of(&r->words);
	r->env.hash_file = hash_file;
	r->env.ctx = r;
	cl_init(&r->s.cl, &r->kb, &r->idt, r->env.words);
	if (steps_only)
		return EXIT_OK;
	if (tacload_check_named(&r->tl) != 0 || tacload_load(&r->tl) != 0)
		return EXIT_IO;
	r->env.tac = &r->tl.db;
	if (store_open(&r->store, NULL, &e) != 0) {
		cli_error("%s", e.msg);
		return EXIT_IO;
	}
	if (r->store.tightened)
		cli_error("'%s' could be read by others: it is now private (0700)", r->store.dir);
	return EXIT_OK;
}

static int
resume(struct check_run *r, const char *id, const char *today, const unsigned char rnd[6])
{
	struct record rec;
	struct saved_check *sc;
	enum record_seal seal;
	struct session_reply reply;
	struct error e;
	int rc;

	/* only a check in the records folder, by its id: a record file from
	 * elsewhere could name the id of another (sealed) check */
	if (!store_id_valid(id)) {
		cli_error("--resume takes the id of a check in '%s' ('handover list' shows "
		    "them); to go on with a record file from elsewhere, copy it there first",
		    r->store.dir);
		return EXIT_USAGE;
	}
	if ((rc = lock_check(r, id)) != EXIT_OK)
		return rc;
	if (store_load(&r->store, id, &rec, &seal, &e) != 0) {
		cli_error("%s: 'handover list' shows the saved checks", e.msg);
		return EXIT_IO;
	}
	if (seal != RECORD_INTACT) {
		record_release(&rec);
		cli_error("the saved check '%s' was changed since it was saved: 'handover verify' "
		    "says more; start a new check", id);
		return EXIT_IO;
	}
	if (!(sc = malloc(sizeof *sc))) {
		record_release(&rec);
		cli_error("out of memory");
		return EXIT_IO;
	}
	/* store_load refused a record whose id is not its file's name */
	rc = saved_check_read(sc, &rec, &r->kb, &r->idt, r->env.words, &e);
	record_release(&rec);
	if (rc == 0 && sc->meta.sealed) {
		cli_error("the check '%s' is finished and sealed: '%s show %s' prints it, and "
		    "'%s check' starts a new one", sc->meta.id, r->prog, sc->meta.id, r->prog);
		free(sc);
		return EXIT_USAGE;
	}
	if (rc != 0 || session_resume(&r->s, &r->env, sc, today, rnd, &e) != 0) {
		cli_error("'%s': %s", id, e.msg);
		free(sc);
		return EXIT_IO;
	}
	free(sc);
	{
		struct fill fl[] = {{"id", r->s.meta.id}, {NULL, NULL}};
		words_fill(&r->out, checkrun_w(r, "cli.resuming"), fl);
		buf_putc(&r->out, '\n');
	}
	session_reply_init(&reply);
	session_recap(&r->s, &reply);
	checkrun_print(r, &reply, 0);
	session_reply_release(&reply);
	return EXIT_OK;
}

int
checkrun_start(struct check_run *r, const char *resume_id, const char *country)
{
	char now[STAMP_TIME_SIZE], today[STAMP_DATE_SIZE], id[STORE_NEW_ID_SIZE];
	unsigned char rnd[6];
	time_t t = time(NULL);
	struct error e;

	if (cli_stamp(t, now, today) != 0 || cli_random(rnd, sizeof rnd) != 0) {
		cli_error("cannot read the clock or the system's random numbers: %s",
		    strerror(errno));
		return EXIT_IO;
	}
	if (resume_id)
		return resume(r, resume_id, today, rnd);
	if (store_new_id(&r->store, t, id, &e) != 0) {
		cli_error("%s", e.msg);
		return EXIT_IO;
	}
	if (lock_check(r, id) != EXIT_OK)
		return EXIT_IO;
	session_start(&r->s, &r->env, id, now, today, rnd);
	{
		struct fill fl[] = {{"id", id}, {NULL, NULL}};
		struct buf t2;
		buf_init_mem(&t2);
		words_fill(&t2, checkrun_w(r, "cli.start"), fl);
		checkrun_wrapped(r, buf_str(&t2), 0, 0);
		buf_putc(&r->out, '\n');
		buf_release(&t2);
	}
	if (country) {
		struct session_reply reply;
		session_reply_init(&reply);
		session_answer(&r->s, country, &reply);
		if (reply.outcome != SESSION_NEXT) {
			cli_error("--country: %s", reply.nsays ? session_say_text(&reply, 0) : country);
			session_reply_release(&reply);
			return EXIT_USAGE;
		}
		checkrun_print(r, &reply, 0);
		session_reply_release(&reply);
	}
	return EXIT_OK;
}

/* The start of a re-check: which day after the sale it is, or that it
 * goes on from an unfinished one. */
static void
recheck_hello(struct check_run *r)
{
	char day[24];
	struct fill fl[] = {{"id", r->s.meta.id}, {"day", day}, {"prog", r->prog},
	    {NULL, NULL}};
	struct buf t;
	struct session_reply reply;

	snprintf(day, sizeof day, "%ld", r->s.cl.recheck_day);
	buf_init_mem(&t);
	words_fill(&t, checkrun_w(r, r->s.resumed ? "recheck.resuming" : r->s.cl.recheck_day < 1 ?
	    "recheck.start_early" : "recheck.start"), fl);
	checkrun_wrapped(r, buf_str(&t), 0, 0);
	buf_putc(&r->out, '\n');
	buf_release(&t);
	if (r->s.resumed) {
		session_reply_init(&reply);
		session_status(&r->s, &reply);
		checkrun_print(r, &reply, 0);
		session_reply_release(&reply);
	}
	checkrun_offer_langs(r);	/* the country is known from the start */
}

int
checkrun_recheck(struct check_run *r, const char *id)
{
	char path[STORE_PATH_MAX], now[STAMP_TIME_SIZE];
	struct record_sealed *seals;
	enum record_seal seal;
	struct record rec;
	struct saved_check *sc = NULL;
	struct error e;
	size_t nseals;
	int rc, status = EXIT_IO;

	if (!store_id_valid(id)) {
		cli_error("recheck takes the id of a check in '%s' ('handover list' shows "
		    "them); to re-check a record file from elsewhere, copy it there first",
		    r->store.dir);
		return EXIT_USAGE;
	}
	/* the same lock as check's: a re-check writes the same record */
	if ((rc = lock_check(r, id)) != EXIT_OK)
		return rc;
	if (store_path(&r->store, id, path, sizeof path, &e) != 0 ||
	    store_read_saved(&r->store, id, &r->text, &r->len, &e) != 0) {
		cli_error("%s: 'handover list' shows the saved checks", e.msg);
		return EXIT_IO;
	}
	if (record_seals(r->text, r->len, &seal, &seals, &nseals) != 0) {
		cli_error("out of memory reading '%s'", path);
		return EXIT_IO;
	}
	free(seals);
	if (seal != RECORD_INTACT) {
		cli_error("the record '%s' was changed since it was sealed, or never was: "
		    "'%s verify %s' says which part; a re-check cannot vouch for it", id,
		    r->prog, path);
		return EXIT_FINDINGS;
	}
	if (record_parse(r->text, r->len, &rec, &e) != 0) {
		cli_error("'%s' line %ld: %s", path, e.line, e.msg);
		return EXIT_IO;
	}
	if (!(sc = malloc(sizeof *sc))) {
		cli_error("out of memory");
		goto out;
	}
	rc = saved_check_read(sc, &rec, &r->kb, &r->idt, r->env.words, &e);
	if (rc == 0 && strcmp(sc->meta.id, id) != 0) {
		cli_error("the record '%s' says its id is '%s': it was renamed or edited by "
		    "hand", id, sc->meta.id);
		goto out;
	}
	if (rc == 0 && !sc->meta.sealed) {
		cli_error("the check '%s' is not finished: finish it first with '%s check "
		    "--resume %s'; a re-check is for a phone you bought", id, r->prog, id);
		status = EXIT_USAGE;
		goto out;
	}
	if (rc != 0) {
		cli_error("'%s': %s", id, e.msg);
		goto out;
	}
	if (cli_stamp(cli_now(), now, NULL) != 0) {
		cli_error("cannot read the clock: %s", strerror(errno));
		goto out;
	}
	if (session_recheck(&r->s, &r->env, sc, &rec, now, &e) != 0) {
		cli_error("'%s': %s", id, e.msg);
		goto out;
	}
	recheck_hello(r);
	status = EXIT_OK;
out:
	free(sc);
	record_release(&rec);
	return status;
}

void
checkrun_close(struct check_run *r)
{
	store_unlock(&r->lock);
	free(r->text);
	buf_release(&r->out);
	tacload_release(&r->tl);
	if (r->kb_loaded)
		kb_release(&r->kb);
	ident_tables_release(&r->idt);
	cli_words_release(&r->words);
}
