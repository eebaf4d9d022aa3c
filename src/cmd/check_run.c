/* SPDX-License-Identifier: MIT */
/* check_run: one run of 'handover check' or 'recheck' once open
 * (check_open.c): everything it prints around the questions, wrapped to
 * the terminal, the languages it offers, saving, the summary, the answers
 * file, the prompts and the end. */
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

/* ================================================================ words */

const char *
checkrun_w(const struct check_run *r, const char *key)
{
	const char *s = words_get(cli_words_of(&r->words), key);
	return s ? s : key;
}

static const char *
color(const struct check_run *r, const char *code)
{
	return r->cli->color ? code : "";
}

/* text wrapped from column col, later lines at indent. */
void
checkrun_wrapped(struct check_run *r, const char *text, size_t col, size_t indent)
{
	wrap_text(&r->out, text, col, indent, r->width);
}

/* One line of text: a tag (possibly coloured), then the text wrapped under
 * the column after the tag. */
static void
put_line(struct check_run *r, const char *tag, const char *code, const char *text)
{
	size_t col = 2 + wrap_width(tag, strlen(tag));

	buf_puts(&r->out, "  ");
	if (tag[0]) {
		buf_printf(&r->out, "%s%s%s ", color(r, code), tag, color(r, "\033[0m"));
		col++;
	}
	checkrun_wrapped(r, text, col, col);
	buf_putc(&r->out, '\n');
}

/* ============================================================ printing */

void
checkrun_print(struct check_run *r, const struct session_reply *reply, int to_stderr)
{
	size_t k;

	if (to_stderr) {
		/* the answers file's own problems: messages on stderr */
		for (k = 0; k < reply->nsays; k++)
			if (reply->says[k].kind == SAY_PROBLEM || reply->says[k].kind == SAY_WARN)
				cli_error("%s: %s", r->answers_path ? r->answers_path : "answers",
				    session_say_text(reply, k));
	}
	for (k = 0; k < reply->nsays; k++) {
		const char *t = session_say_text(reply, k);
		switch (reply->says[k].kind) {
		case SAY_STOP:
			put_line(r, checkrun_w(r, "verdict.STOP"), "\033[1;31m", t);
			break;
		case SAY_CAUTION:
			put_line(r, checkrun_w(r, "verdict.CAUTION"), "\033[1;33m", t);
			break;
		case SAY_TODO:
			buf_puts(&r->out, "    -> ");
			checkrun_wrapped(r, t, 7, 7);
			buf_putc(&r->out, '\n');
			break;
		case SAY_LIST:
			buf_puts(&r->out, "    - ");
			checkrun_wrapped(r, t, 6, 6);
			buf_putc(&r->out, '\n');
			break;
		case SAY_WARN:
			if (to_stderr)
				break;
			put_line(r, "!", "\033[33m", t);
			break;
		case SAY_PROBLEM:
			if (to_stderr)
				break;
			/* FALLTHROUGH */
		default:
			put_line(r, "", "", t);
			break;
		}
	}
}

void
checkrun_question(struct check_run *r)
{
	struct cl_choice ch[16];
	struct buf t;
	size_t n, k;
	const char *section = session_section(&r->s);

	if (!r->section || strcmp(r->section, section) != 0) {
		buf_printf(&r->out, "\n%s== %s ==%s\n", color(r, "\033[1m"),
		    cl_section_title(&r->s.cl, section), color(r, "\033[0m"));
		r->section = section;
	}
	buf_init_mem(&t);
	session_question(&r->s, &t);
	buf_putc(&r->out, '\n');
	checkrun_wrapped(r, buf_str(&t), 0, 0);
	buf_putc(&r->out, '\n');
	n = session_choices(&r->s, ch, 16);
	for (k = 0; k < n; k++) {
		buf_printf(&r->out, "  %2zu  ", k + 1);
		checkrun_wrapped(r, ch[k].label, 6, 6);
		buf_putc(&r->out, '\n');
	}
	buf_release(&t);
	buf_init_mem(&t);
	session_default(&r->s, &t);
	if (buf_str(&t)[0]) {
		struct fill fl[] = {{"default", buf_str(&t)}, {NULL, NULL}};
		struct buf d;
		buf_init_mem(&d);
		words_fill(&d, checkrun_w(r, "cli.default"), fl);
		buf_puts(&r->out, "  ");
		checkrun_wrapped(r, buf_str(&d), 2, 2);
		buf_putc(&r->out, '\n');
		buf_release(&d);
	}
	buf_release(&t);
	buf_puts(&r->out, "> ");
}

/* ============================================================ languages */

int
checkrun_switch_lang(struct check_run *r, const char *code)
{
	struct cli_words lw;

	if (!cli_data_exists(r->cli, "words-en.tsv"))
		return -1;
	{
		char name[32];
		snprintf(name, sizeof name, "words-%s.tsv", code);
		if (strcmp(code, "en") != 0 && !cli_data_exists(r->cli, name)) {
			struct fill fl[] = {{"code", code}, {NULL, NULL}};
			buf_puts(&r->out, "  ");
			words_fill(&r->out, checkrun_w(r, "cli.lang_unknown"), fl);
			buf_putc(&r->out, '\n');
			return -1;
		}
	}
	if (cli_load_words(r->cli, code, 1, &lw) != 0)
		return -1;
	cli_words_release(&r->words);
	r->words = lw;
	r->words.local.fallback = &r->words.en;	/* lw's English moved with it */
	r->env.words = cli_words_of(&r->words);
	r->s.cl.words = r->env.words;
	r->lang_named = 1;
	r->section = NULL;	/* the next question shows its section anew */
	return 0;
}

void
checkrun_offer_langs(struct check_run *r)
{
	const char *cc = cl_get(&r->s.cl, STEP_LISTING_COUNTRY), *langs;
	struct buf names;
	size_t n = 0;
	char first[8] = "";

	if (r->lang_named || r->lang_offered || !cc || !(langs = kb_country_languages(&r->kb,
	    cc, NULL)))
		return;
	r->lang_offered = 1;
	buf_init_mem(&names);
	while (*langs) {
		size_t k = strcspn(langs, ";");
		char code[8], file[32];
		if (k > 0 && k < sizeof code) {
			memcpy(code, langs, k);
			code[k] = '\0';
			snprintf(file, sizeof file, "words-%s.tsv", code);
			if (strcmp(code, "en") != 0 && cli_data_exists(r->cli, file)) {
				struct cli_words lw;
				if (cli_load_words(r->cli, code, 0, &lw) == 0) {
					const char *name = words_own(&lw.local, "lang.name");
					buf_printf(&names, "%s%s (lang %s)", n++ ? ", " : "",
					    name ? name : code, code);
					if (!first[0])
						snprintf(first, sizeof first, "%s", code);
					cli_words_release(&lw);
				}
			}
		}
		langs += k;
		if (*langs)
			langs++;
	}
	if (n) {
		struct fill fl[] = {{"names", buf_str(&names)}, {"code", first}, {NULL, NULL}};
		struct buf t;
		buf_init_mem(&t);
		words_fill(&t, checkrun_w(r, "cli.lang_offer"), fl);
		buf_puts(&r->out, "  ");
		checkrun_wrapped(r, buf_str(&t), 2, 2);
		buf_putc(&r->out, '\n');
		buf_release(&t);
	}
	buf_release(&names);
}

/* ================================================================= save */

/* A re-check: its block appended to the record as read, with a seal of
 * its own (an unfinished one replaces the unfinished block it goes on
 * from), written atomically over the record. */
static int
save_recheck(struct check_run *r, int seal)
{
	struct record blk;
	struct buf grown;
	struct error e;
	int rc;

	if (session_recheck_block(&r->s, seal, &blk, &e) != 0) {
		buf_flush(&r->out);
		cli_error("cannot save the re-check: %s", e.msg);
		return -1;
	}
	buf_init_mem(&grown);
	rc = record_append_block(r->text, r->len, &blk, RECORD_REPLACE_OPEN, &grown, &e);
	record_release(&blk);
	if (rc == 0)
		rc = store_write(&r->store, r->s.meta.id, grown.mem ? grown.mem : "", grown.len, &e);
	buf_release(&grown);
	if (rc != 0) {
		buf_flush(&r->out);
		cli_error("cannot save the re-check: %s", e.msg);
		return -1;
	}
	return 0;
}

int
checkrun_save(struct check_run *r, int seal)
{
	char now[STAMP_TIME_SIZE];
	struct record rec;
	struct error e;
	int rc;

	if (r->s.cl.recheck)
		return save_recheck(r, seal);

	if (cli_stamp(time(NULL), now, NULL) != 0) {
		cli_error("cannot read the clock");
		return -1;
	}
	if (session_record(&r->s, seal, now, &rec) != 0) {
		record_release(&rec);
		buf_flush(&r->out);
		cli_error("out of memory");
		return -1;
	}
	rc = store_save(&r->store, &rec, &e);
	record_release(&rec);
	if (rc != 0) {
		buf_flush(&r->out);
		cli_error("cannot save the check: %s", e.msg);
		return -1;
	}
	return 0;
}

/* ============================================================== summary */

static void
put_words(struct check_run *r, const char *key, const struct fill *fl, size_t indent)
{
	struct buf t;

	buf_init_mem(&t);
	words_fill(&t, checkrun_w(r, key), fl);
	buf_printf(&r->out, "%*s", (int)indent, "");
	checkrun_wrapped(r, buf_str(&t), indent, indent + 2);
	buf_putc(&r->out, '\n');
	buf_release(&t);
}

enum cl_level
checkrun_summary(struct check_run *r)
{
	struct cl_reason reasons[CL_MAX_REASONS];
	struct session_reply reply;
	size_t n;
	enum cl_level level = session_verdict(&r->s, reasons, &n);
	char path[STORE_PATH_MAX];
	const char *id = r->s.meta.id, *vw = checkrun_w(r, level == CL_STOP ? "verdict.STOP" :
	    level == CL_CAUTION ? "verdict.CAUTION" : "verdict.GO");
	struct error e;
	struct fill fl[] = {{"verdict", vw}, {"id", id}, {"prog", r->prog}, {"path", path},
	    {NULL, NULL}};
	struct buf t;

	const char *pre = r->s.cl.recheck ? "recheck." : "";
	char key[64];

	buf_init_mem(&t);
	snprintf(key, sizeof key, "%ssummary.title", pre);
	words_fill(&t, checkrun_w(r, key), fl);
	buf_printf(&r->out, "\n%s== %s ==%s\n", color(r, level == CL_STOP ? "\033[1;31m" :
	    level == CL_CAUTION ? "\033[1;33m" : "\033[1;32m"), buf_str(&t), color(r, "\033[0m"));
	buf_release(&t);
	snprintf(key, sizeof key, "%ssummary.%s", pre, level == CL_STOP ? "stop" :
	    level == CL_CAUTION ? "caution" : "go");
	put_words(r, key, fl, 2);
	session_reply_init(&reply);
	session_reasons(&r->s, &reply);
	checkrun_print(r, &reply, 0);
	session_reply_release(&reply);
	if (store_path(&r->store, id, path, sizeof path, &e) != 0)
		snprintf(path, sizeof path, "%s", id);
	if (r->s.cl.recheck) {
		buf_putc(&r->out, '\n');
		put_words(r, "recheck.sealed", fl, 0);
		if (level == CL_STOP)
			put_words(r, "recheck.evidence", fl, 2);
		put_words(r, "cli.show", fl, 2);
		put_words(r, "cli.verify", fl, 2);
		return level;
	}
	if (level != CL_STOP) {
		put_words(r, "summary.later", fl, 2);
		put_words(r, "cli.recheck", fl, 4);
	}
	if (r->s.cl.nfiles == 0)
		put_words(r, "summary.no_photos", fl, 2);
	buf_putc(&r->out, '\n');
	put_words(r, "cli.sealed", fl, 0);
	put_words(r, level == CL_STOP || cl_is(&r->s.cl, STEP_SELLER_DECLARATION, "refused") ?
	    "cli.failed_record" : "cli.bill", fl, 2);
	put_words(r, "cli.show", fl, 2);
	put_words(r, "cli.verify", fl, 2);
	return level;
}

/* ====================================================== the answers file */

int
checkrun_answers(struct check_run *r, const char *path)
{
	struct session_reply reply;
	char *text = NULL;
	size_t len;
	int rc;

	if (cli_read_file(path, 1u << 20, &text, &len) != 0) {
		cli_error("cannot read '%s': %s", path, strerror(errno));
		return EXIT_IO;
	}
	r->answers_path = path;
	session_reply_init(&reply);
	rc = session_answers_file(&r->s, text, len, &reply);
	checkrun_print(r, &reply, 1);
	session_reply_release(&reply);
	free(text);
	if (rc != 0)
		return EXIT_USAGE;
	return checkrun_save(r, 0) == 0 ? EXIT_OK : EXIT_IO;
}

/* =========================================================== interactive */

/* The line a piped answer shows in the transcript: never a rejected
 * ID number (only its last 4 characters are ever kept). */
static void
echo(struct check_run *r, const char *in)
{
	if (session_current(&r->s) == STEP_SELLER_ID_LAST4 && strlen(in) > 4)
		buf_puts(&r->out, "(not shown)\n");
	else {
		buf_puts_term(&r->out, in);	/* a piped line is shown, never obeyed */
		buf_putc(&r->out, '\n');
	}
}

int
checkrun_prompts(struct check_run *r)
{
	struct prompt p;
	struct session_reply reply;
	char in[1024];
	int got, status = EXIT_OK;

	prompt_init(&p, STDIN_FILENO);
	while (session_current(&r->s) >= 0) {
		checkrun_question(r);
		if (buf_flush(&r->out) != 0) {
			status = EXIT_IO;
			break;
		}
		got = prompt_read(&p, in, sizeof in);
		if (got != PROMPT_LINE) {
			if (got == PROMPT_ERROR) {
				cli_error("cannot read the answer: %s", strerror(errno));
				status = EXIT_IO;
			} else {
				status = EXIT_UNFINISHED;
			}
			break;
		}
		if (!p.tty)
			echo(r, in);
		if (strncmp(in, "lang ", 5) == 0 || strncmp(in, "language ", 9) == 0) {
			/* the buyer's language, from now on */
			checkrun_switch_lang(r, strchr(in, ' ') + 1);
			continue;
		}
		session_reply_init(&reply);
		session_answer(&r->s, in, &reply);
		checkrun_print(r, &reply, 0);
		session_reply_release(&reply);
		if (reply.outcome == SESSION_QUIT) {
			status = EXIT_UNFINISHED;
			break;
		}
		if (reply.outcome == SESSION_NEXT && checkrun_save(r, 0) != 0) {
			status = EXIT_IO;
			break;
		}
		checkrun_offer_langs(r);
		if (prompt_interrupted()) {
			status = EXIT_UNFINISHED;
			break;
		}
	}
	prompt_release(&p);
	return status;
}

/* ================================================================ the end */

int
checkrun_finish(struct check_run *r, int status)
{
	if (status == EXIT_OK) {
		enum cl_level level;
		if (checkrun_save(r, 1) != 0)
			return EXIT_IO;
		level = checkrun_summary(r);
		status = level == CL_STOP ? EXIT_STOP : level == CL_CAUTION ? EXIT_CAUTION : EXIT_OK;
	} else if (status == EXIT_UNFINISHED || status == EXIT_USAGE) {
		if (checkrun_save(r, 0) != 0)
			return EXIT_IO;
		{
			const char *t = checkrun_w(r, r->s.cl.recheck ? "recheck.saved" : "cli.saved");
			struct fill fl[] = {{"prog", r->prog}, {"id", r->s.meta.id}, {NULL, NULL}};
			buf_putc(&r->out, '\n');
			words_fill(&r->out, t, fl);
			buf_putc(&r->out, '\n');
		}
	}
	return cli_finish_output(&r->out, status);
}

int
checkrun_drive(struct check_run *r, const char *answers)
{
	int status = EXIT_OK;

	if (answers && (status = checkrun_answers(r, answers)) != EXIT_OK)
		return checkrun_finish(r, status);
	if (session_current(&r->s) >= 0)
		status = checkrun_prompts(r);
	return checkrun_finish(r, status);
}
