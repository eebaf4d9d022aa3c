/* SPDX-License-Identifier: MIT */
/* web/session: the check being made on the page: start, resume,
 * answers, the view of a question (its taps, choices and languages),
 * help, status, the record to keep, and the files the page hashed. */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/session.h"
#include "export/export.h"
#include "ident/json.h"
#include "kb/how.h"
#include "lib/tsv.h"
#include "record/stamp.h"
#include "web/api.h"
#include "web/state.h"

/* ================================================================== views */

static const char *
type_name(enum cl_type t)
{
	static const char *const names[] = {
		[CL_CHOICE] = "choice", [CL_COUNTRY] = "country", [CL_TEXT] = "text",
		[CL_AMOUNT] = "amount", [CL_DATE] = "date", [CL_IDENT] = "imei",
		[CL_EID] = "eid", [CL_LAST4] = "last4", [CL_FILES] = "files", [CL_REPLY] = "reply"
	};
	return (size_t)t < sizeof names / sizeof names[0] && names[t] ? names[t] : "text";
}

/* The taps of the country's official checks ("taps":[...]): links to
 * open, SMS to send with the IMEI filled in, codes to dial. */
static void
put_taps(struct buf *b, const struct session *s, int step)
{
	const char *cc = cl_get(&s->cl, STEP_LISTING_COUNTRY);
	const char *imei = cl_get(&s->cl, step == STEP_REGISTRY_RESULT2 ? STEP_IDENTITY_IMEI2 :
	    STEP_IDENTITY_IMEI1);
	size_t n = 0, i, k, nt;
	const struct kb_check *c = cc ? kb_country_checks(&web.kb, cc, &n) : NULL;
	int first = 1;

	web_kv(b, 0, "imei", imei);
	BUF_LIT(b, ",\"taps\":[");
	if (!c)
		n = 0;
	for (i = 0; i < n; i++) {
		struct kb_tap t[8];
		if (strcmp(c[i].check_name, "none") == 0)
			continue;
		nt = kb_how_taps(c[i].how, t, 8);
		for (k = 0; k < nt; k++) {
			static const char *const kinds[] = {"url", "sms", "dial"};
			struct buf body;
			buf_puts(b, first ? "{" : ",{");
			first = 0;
			web_kv(b, 1, "kind", kinds[t[k].kind]);
			web_kv(b, 0, "target", t[k].target);
			web_kv(b, 0, "check", c[i].check_name);
			buf_init_mem(&body);
			if (t[k].kind == KB_TAP_SMS && t[k].imei && imei) {
				if (t[k].keyword[0])
					buf_printf(&body, "%s ", t[k].keyword);
				buf_puts(&body, imei);
			}
			web_kv(b, 0, "body", body.len ? buf_str(&body) : NULL);
			buf_release(&body);
			buf_putc(b, '}');
		}
	}
	buf_putc(b, ']');
}

/* The languages of the check's country there are words for, but
 * English ("langs":[{"code","name"}]), for the page to offer them. */
static void
put_country_langs(struct buf *b, const struct session *s)
{
	const char *cc = cl_get(&s->cl, STEP_LISTING_COUNTRY);
	const char *langs = cc ? kb_country_languages(&web.kb, cc, NULL) : NULL;
	int first = 1;

	BUF_LIT(b, ",\"langs\":[");
	while (langs && *langs) {
		size_t k = strcspn(langs, ";");
		char code[8], file[32], name[64], dir[8];
		const struct web_data *d;
		if (k > 0 && k < sizeof code) {
			memcpy(code, langs, k);
			code[k] = '\0';
			snprintf(file, sizeof file, "words-%s.tsv", code);
			if (strcmp(code, "en") != 0 && (d = web_data_find(file)) != NULL &&
			    web_lang_of(d, code, name, dir) == 0) {
				buf_puts(b, first ? "{" : ",{");
				first = 0;
				web_kv(b, 1, "code", code);
				web_kv(b, 0, "name", name);
				buf_putc(b, '}');
			}
		}
		langs += k;
		if (*langs)
			langs++;
	}
	buf_putc(b, ']');
}

/* The view of the current question of s. */
void
web_put_view(struct buf *b, struct session *s)
{
	int i = session_current(s);
	size_t k, n, asked = 0, answered = 0, open = 0;
	struct cl_choice ch[24];
	struct buf t;

	for (k = 0; k < CL_NSTEPS; k++)
		if (cl_in_session(&s->cl, (enum cl_id)k)) {	/* a re-check: its own */
			asked++;
			answered += s->cl.state[k] == CL_ANSWERED;
			open += s->cl.state[k] == CL_OPEN;
		}
	buf_putc(b, '{');
	web_kv(b, 1, "id", s->meta.id);
	web_kv(b, 0, "country", cl_get(&s->cl, STEP_LISTING_COUNTRY));
	web_kv_long(b, "asked", (long)asked);
	web_kv_long(b, "answered", (long)answered);
	web_kv_long(b, "open", (long)open);
	BUF_LIT(b, ",\"remote\":");
	buf_puts(b, cl_remote(&s->cl) ? "true" : "false");
	put_country_langs(b, s);
	if (i < 0) {
		BUF_LIT(b, ",\"step\":null}");
		return;
	}
	web_kv(b, 0, "step", cl_steps[i].id);
	web_kv(b, 0, "section", cl_steps[i].section);
	web_kv(b, 0, "section_title", cl_section_title(&s->cl, cl_steps[i].section));
	web_kv(b, 0, "type", type_name(cl_steps[i].type));
	web_kv(b, 0, "label", cl_step_words(&s->cl, (enum cl_id)i, "label"));
	buf_init_mem(&t);
	session_question(s, &t);
	web_kv(b, 0, "question", buf_str(&t));
	buf_release(&t);
	buf_init_mem(&t);
	session_help(s, &t);
	web_kv(b, 0, "help", buf_str(&t));
	buf_release(&t);
	buf_init_mem(&t);
	session_default(s, &t);
	web_kv(b, 0, "default", buf_str(&t));
	buf_release(&t);
	web_kv(b, 0, "value", s->cl.value[i]);
	web_kv_long(b, "files", (long)s->cl.nfiles);
	web_kv(b, 0, "today", s->cl.today);
	BUF_LIT(b, ",\"first\":");
	buf_puts(b, cl_prev(&s->cl, i) < 0 ? "true" : "false");
	BUF_LIT(b, ",\"choices\":[");
	n = session_choices(s, ch, sizeof ch / sizeof ch[0]);
	for (k = 0; k < n; k++) {
		buf_puts(b, k ? ",{" : "{");
		web_kv(b, 1, "answer", ch[k].answer);
		web_kv(b, 0, "label", ch[k].label);
		buf_putc(b, '}');
	}
	buf_putc(b, ']');
	if (i == STEP_REGISTRY_REPLY || i == STEP_REGISTRY_RESULT || i == STEP_REGISTRY_RESULT2 ||
	    i == STEP_RECHECK_REGISTRY)
		put_taps(b, s, i);
	buf_putc(b, '}');
}

/* {"outcome", "says", "view"} of a reply (no outcome when NULL), as the
 * result; releases the reply. */
static int
put_reply(struct session_reply *reply, const char *outcome)
{
	struct buf *b = web_out();

	buf_putc(b, '{');
	if (outcome) {
		web_kv(b, 1, "outcome", outcome);
		buf_putc(b, ',');
	}
	web_put_says(b, reply);
	BUF_LIT(b, ",\"view\":");
	web_put_view(b, &web.s);
	buf_putc(b, '}');
	session_reply_release(reply);
	return b->err ? -1 : 0;
}

/* ================================================================ session */

EXPORT(web_new_id) int
web_new_id(double t, int offset, const unsigned char *rnd)
{
	char id[STAMP_ID_SIZE];

	if (!(t >= 0) || stamp_id((int64_t)t, offset, rnd, id) != 0)
		return web_fail("the clock is out of range");
	buf_puts(web_out(), id);
	return 0;
}

EXPORT(web_start) int
web_start(const char *id, double t, int offset, const unsigned char *rnd)
{
	char now[STAMP_TIME_SIZE], today[STAMP_DATE_SIZE];
	struct buf *b;

	if (!web.ready)
		return web_fail("not loaded");
	if (web_stamps(t, offset, now, today) != 0)
		return web_fail("the clock is out of range");
	session_start(&web.s, &web.env, id, now, today, rnd);
	web.live = 1;
	b = web_out();
	web_put_view(b, &web.s);
	return b->err ? -1 : 0;
}

EXPORT(web_resume) int
web_resume(const char *text, size_t len, double t, int offset, const unsigned char *rnd)
{
	char now[STAMP_TIME_SIZE], today[STAMP_DATE_SIZE], hex[SHA256_HEX_SIZE];
	struct record rec;
	struct saved_check *sc;
	struct session_reply reply;
	struct error e;
	int rc;

	if (!web.ready || web_stamps(t, offset, now, today) != 0)
		return web_fail("the clock is out of range");
	if (record_check_seal(text, len, hex) != RECORD_INTACT)
		return web_fail("altered");
	if (record_parse(text, len, &rec, &e) != 0)
		return web_fail(e.msg);
	if (!(sc = malloc(sizeof *sc))) {
		record_release(&rec);
		return web_fail("out of memory");
	}
	rc = saved_check_read(sc, &rec, &web.kb, &web.idt, web_lang_words(), &e);
	record_release(&rec);
	if (rc == 0 && sc->meta.sealed) {
		free(sc);
		return web_fail("sealed");
	}
	if (rc != 0 || session_resume(&web.s, &web.env, sc, today, rnd, &e) != 0) {
		free(sc);
		web.live = 0;
		return web_fail(e.msg);
	}
	free(sc);
	web.live = 1;
	session_reply_init(&reply);
	session_recap(&web.s, &reply);
	return put_reply(&reply, NULL);
}

EXPORT(web_answer) int
web_answer(const char *line)
{
	static const char *const outcomes[] = {"next", "again", "quit", "bad"};
	struct session_reply reply;

	if (!web.live)
		return web_fail("no check is open");
	session_reply_init(&reply);
	session_answer(&web.s, line, &reply);
	return put_reply(&reply, outcomes[reply.outcome]);
}

EXPORT(web_validate) int
web_validate(const char *line)
{
	int i = web.live ? session_current(&web.s) : -1, v;
	char out[CL_VALUE_MAX];
	struct buf msg, *b;

	if (i < 0)
		return web_fail("no question is open");
	buf_init_mem(&msg);
	v = cl_validate(&web.s.cl, (enum cl_id)i, line, out, &msg);
	b = web_out();
	buf_printf(b, "{\"valid\":%d", v);
	web_kv(b, 0, "message", buf_str(&msg));
	buf_putc(b, '}');
	buf_release(&msg);
	return b->err ? -1 : 0;
}

EXPORT(web_view) int
web_view(void)
{
	struct buf *b;

	if (!web.live)
		return web_fail("no check is open");
	b = web_out();
	web_put_view(b, &web.s);
	return b->err ? -1 : 0;
}

EXPORT(web_help) int
web_help(void)
{
	if (!web.live)
		return web_fail("no check is open");
	session_help(&web.s, web_out());
	return web.out.err ? -1 : 0;
}

EXPORT(web_status) int
web_status(void)
{
	struct session_reply reply;
	struct buf *b;

	if (!web.live)
		return web_fail("no check is open");
	session_reply_init(&reply);
	session_status(&web.s, &reply);
	b = web_out();
	buf_putc(b, '{');
	web_put_says(b, &reply);
	buf_putc(b, '}');
	session_reply_release(&reply);
	return b->err ? -1 : 0;
}

EXPORT(web_record) int
web_record(double t, int offset, int seal)
{
	char now[STAMP_TIME_SIZE];
	struct record rec;
	struct buf *b;
	int rc;

	if (!web.live)
		return web_fail("no check is open");
	if (web_stamps(t, offset, now, NULL) != 0)
		return web_fail("the clock is out of range");
	if (web.s.cl.recheck)
		return web_recheck_record(seal, web_out());
	rc = session_record(&web.s, seal, now, &rec);
	b = web_out();
	if (rc == 0)
		rc = record_serialize(&rec, b);
	record_release(&rec);
	return rc == 0 && !b->err ? 0 : web_fail("out of memory");
}

/* ================================================================== files */

EXPORT(web_sha_init) int
web_sha_init(void)
{
	sha256_init(&web.sha);
	return 0;
}

EXPORT(web_sha_update) int
web_sha_update(const void *p, size_t n)
{
	sha256_update(&web.sha, p, n);
	return 0;
}

EXPORT(web_sha_final) int
web_sha_final(void)
{
	unsigned char d[SHA256_LEN];
	char hex[SHA256_HEX_SIZE];

	sha256_final(&web.sha, d);
	sha256_hex(d, hex);
	buf_puts(web_out(), hex);
	return 0;
}

EXPORT(web_file) int
web_file(const char *path, const char *hex, double size)
{
	struct web_file *f;
	size_t k;

	if (strlen(path) >= CL_VALUE_MAX || strlen(hex) != 64 || !record_is_lower_hex(hex, 64) ||
	    !(size >= 0))
		return web_fail("bad file");
	for (k = 0; k < web.nfiles && strcmp(web.files[k].path, path) != 0; k++)
		;
	if (k == MAX_FILES) {	/* forget the oldest */
		memmove(web.files, web.files + 1, (MAX_FILES - 1) * sizeof web.files[0]);
		k = MAX_FILES - 1;
	}
	f = &web.files[k];
	if (k == web.nfiles && web.nfiles < MAX_FILES)
		web.nfiles++;
	snprintf(f->path, sizeof f->path, "%s", path);
	memcpy(f->hex, hex, SHA256_HEX_SIZE);
	f->size = (uint64_t)size;
	web_out();
	return 0;
}
