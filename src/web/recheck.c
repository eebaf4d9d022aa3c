/* SPDX-License-Identifier: MIT */
/* web/recheck: a re-check after the sale on the page: started (or gone
 * on with) from a sealed record the page holds, then answered through
 * the check's own calls (web_answer, web_view, web_help, web_status);
 * the grown record, as the terminal's "handover recheck" writes it; the
 * last re-check's verdict; the calendar reminders. */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/recheck.h"
#include "check/session.h"
#include "export/export.h"
#include "record/stamp.h"
#include "web/api.h"
#include "web/state.h"

/* A sealed record's text parsed, as the terminal's recheck reads it. */
static int
read_sealed(const char *text, size_t len, struct record *rec)
{
	char hex[SHA256_HEX_SIZE];
	struct error e;

	if (record_check_seal(text, len, hex) != RECORD_INTACT)
		return web_fail("altered");
	if (record_parse(text, len, rec, &e) != 0) {
		char msg[300];
		snprintf(msg, sizeof msg, "line %ld: %s", e.line, e.msg);
		return web_fail(msg);
	}
	return 0;
}

/* One message {"kind", "text"} of a list, as web_put_says writes them. */
static void
put_say(struct buf *b, int first, const char *kind, const char *text)
{
	buf_puts(b, first ? "{" : ",{");
	web_kv(b, 1, "kind", kind);
	web_kv(b, 0, "text", text);
	buf_putc(b, '}');
}

/* What the terminal says when a re-check begins (cmd/check_run.c), in
 * the page's words, as "title" and "says": which re-check and day it is;
 * too early, and what that means; for an unfinished one that goes on,
 * that it does, and what is done and open. */
static void
put_hello(struct buf *b, const struct record *rec)
{
	char n[24], day[24];
	const struct words *w = web_lang_words();
	struct fill fl[] = {{"n", n}, {"day", day}, {"time", web.s.began},
	    {"id", web.s.meta.id}, {NULL, NULL}};
	const char *key = web.s.cl.recheck_day < 1 ? "bill.recheck_early" : "bill.recheck_day";
	struct buf t;

	snprintf(n, sizeof n, "%zu", rec->nblocks + !web.s.resumed);
	snprintf(day, sizeof day, "%ld", web.s.cl.recheck_day);
	buf_init_mem(&t);
	words_fill(&t, words_get(w, key), fl);
	web_kv(b, 1, "title", buf_str(&t));
	buf_release(&t);
	BUF_LIT(b, ",\"says\":[");
	if (web.s.resumed) {
		struct session_reply reply;
		buf_init_mem(&t);
		words_fill(&t, words_get(w, "recheck.resuming"), fl);
		put_say(b, 1, "info", buf_str(&t));
		buf_release(&t);
		session_reply_init(&reply);
		session_status(&web.s, &reply);
		web_put_say_items(b, &reply, 0);
		session_reply_release(&reply);
	} else if (web.s.cl.recheck_day < 1) {
		put_say(b, 1, "caution", words_get(w, "reason.recheck_too_early"));
		put_say(b, 0, "info", words_get(w, "reason.recheck_too_early.todo"));
	}
	buf_putc(b, ']');
}

EXPORT(web_recheck) int
web_recheck(const char *text, size_t len, double t, int offset)
{
	char now[STAMP_TIME_SIZE];
	struct record rec;
	struct saved_check *sc;
	struct buf *b;
	struct error e;
	int rc;

	if (!web.ready || web_stamps(t, offset, now, NULL) != 0)
		return web_fail("the clock is out of range");
	if (read_sealed(text, len, &rec) != 0)
		return -1;
	if (!(sc = malloc(sizeof *sc))) {
		record_release(&rec);
		return web_fail("out of memory");
	}
	rc = saved_check_read(sc, &rec, &web.kb, &web.idt, web_lang_words(), &e);
	if (rc == 0 && !sc->meta.sealed)
		rc = error_set(&e, 0, 0, "not sealed");
	web.live = 0;
	if (rc != 0 || session_recheck(&web.s, &web.env, sc, &rec, now, &e) != 0) {
		free(sc);
		record_release(&rec);
		return web_fail(e.msg);
	}
	free(sc);
	/* the record as read: every save appends the block to it */
	free(web.base);
	if (!(web.base = malloc(len + 1))) {
		record_release(&rec);
		return web_fail("out of memory");
	}
	memcpy(web.base, text, len);
	web.base[len] = '\0';
	web.base_len = len;
	web.live = 1;
	b = web_out();
	buf_putc(b, '{');
	put_hello(b, &rec);
	record_release(&rec);
	web_kv_long(b, "day", web.s.cl.recheck_day);
	BUF_LIT(b, ",\"resumed\":");
	buf_puts(b, web.s.resumed ? "true" : "false");
	BUF_LIT(b, ",\"view\":");
	web_put_view(b, &web.s);
	buf_putc(b, '}');
	return b->err ? -1 : 0;
}

/* The re-check being made as the grown record, into b: its block
 * appended to the record as read (an unfinished one replacing the
 * unfinished block it went on from), as cmd/check_run.c saves it. */
int
web_recheck_record(int seal, struct buf *b)
{
	struct record blk;
	struct error e;
	int rc;

	if (session_recheck_block(&web.s, seal, &blk, &e) != 0)
		return web_fail(e.msg);
	rc = record_append_block(web.base, web.base_len, &blk, RECORD_REPLACE_OPEN, b, &e);
	record_release(&blk);
	return rc == 0 ? 0 : web_fail(e.msg);
}

EXPORT(web_rechecked) int
web_rechecked(const char *text, size_t len)
{
	struct record rec;
	struct recheck x;
	struct recheck_plan p;
	struct buf *b, s;
	const struct words *w = web_lang_words();
	char n[24], day[24];
	struct fill fl[] = {{"n", n}, {"day", day}, {"time", NULL}, {NULL, NULL}};
	size_t k;
	int first = 1;

	if (read_sealed(text, len, &rec) != 0)
		return -1;
	b = web_out();
	if (rec.nblocks == 0 || recheck_read(&rec, rec.nblocks - 1, &x, NULL) != 0) {
		/* none: a check as sold */
		BUF_LIT(b, "null");
		record_release(&rec);
		return b->err ? -1 : 0;
	}
	buf_putc(b, '{');
	web_kv(b, 1, "state", x.sealed ? "sealed" : "open");
	web_kv_long(b, "n", (long)rec.nblocks);
	fl[2].value = x.time;
	recheck_plan(&rec, &p);
	snprintf(n, sizeof n, "%zu", rec.nblocks);
	day[0] = '\0';
	if (p.applies && x.time_ok)
		snprintf(day, sizeof day, "%ld", recheck_day_of(&p, x.at));
	buf_init_mem(&s);
	words_fill(&s, words_get(w, !day[0] ? "bill.recheck_when" : day[0] == '-' ||
	    strcmp(day, "0") == 0 ? "bill.recheck_early" : "bill.recheck_day"), fl);
	web_kv(b, 0, "title", buf_str(&s));
	buf_release(&s);
	web_kv(b, 0, "verdict", x.verdict);
	BUF_LIT(b, ",\"reasons\":[");
	for (k = 0; k < x.nfields; k++) {
		char level[16];
		if (strcmp(x.fields[k].key, "recheck.reason") != 0)
			continue;
		buf_puts(b, first ? "{" : ",{");
		first = 0;
		buf_init_mem(&s);
		export_reason_words(w, x.fields[k].value, 0, level, &s);
		web_kv(b, 1, "level", level);
		web_kv(b, 0, "text", buf_str(&s));
		buf_release(&s);
		buf_init_mem(&s);
		export_reason_words(w, x.fields[k].value, 1, level, &s);
		web_kv(b, 0, "todo", buf_str(&s));
		buf_release(&s);
		buf_putc(b, '}');
	}
	buf_putc(b, ']');
	buf_putc(b, '}');
	record_release(&rec);
	return b->err ? -1 : 0;
}

EXPORT(web_ics) int
web_ics(const char *text, size_t len, double t)
{
	struct record rec;
	struct export_src src;
	struct error e;
	int rc;

	if (!(t >= 0) || t > 253402300799.0)
		return web_fail("the clock is out of range");
	if (read_sealed(text, len, &rec) != 0)
		return -1;
	web_source_of(&src, &rec);
	rc = export_ics(&src, (int64_t)t, web_out(), &e);
	record_release(&rec);
	return rc == 0 ? 0 : web_fail(e.msg);
}
