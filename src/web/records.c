/* SPDX-License-Identifier: MIT */
/* web/records: the records the page keeps: read one back with its seal,
 * the finished check's verdict and bill of sale, a scripted check from
 * an answers file, and identifiers read from pasted text. */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/recheck.h"
#include "check/session.h"
#include "export/export.h"
#include "ident/json.h"
#include "kb/how.h"
#include "lib/tsv.h"
#include "record/stamp.h"
#include "web/api.h"
#include "web/state.h"

/* ================================================================ records */

static const char *
seal_name(enum record_seal s)
{
	return s == RECORD_INTACT ? "intact" : s == RECORD_ALTERED ? "altered" : "unsealed";
}

EXPORT(web_saved) int
web_saved(const char *text, size_t len)
{
	char hex[SHA256_HEX_SIZE];
	enum record_seal seal = record_check_seal(text, len, hex);
	struct record rec;
	struct error e;
	struct buf *b = web_out();
	int rc = record_parse_opts(text, len, &rec, &e, RECORD_ALLOW_UNSEALED);

	buf_putc(b, '{');
	web_kv(b, 1, "seal", seal_name(seal));
	if (rc != 0) {
		char msg[300];
		snprintf(msg, sizeof msg, "line %ld: %s", e.line, e.msg);
		web_kv(b, 0, "error", msg);
		buf_putc(b, '}');
		return b->err ? -1 : 0;
	}
	web_kv(b, 0, "id", record_get(&rec, "id"));
	web_kv(b, 0, "state", record_get(&rec, "state"));
	web_kv(b, 0, "verdict", record_get(&rec, "verdict"));
	web_kv(b, 0, "created", record_get(&rec, "created"));
	web_kv(b, 0, "updated", record_get(&rec, "updated"));
	web_kv(b, 0, "country", record_get(&rec, "listing.country"));
	web_kv(b, 0, "brand", record_get(&rec, "listing.brand"));
	web_kv(b, 0, "model", record_get(&rec, "listing.model"));
	web_kv(b, 0, "imei1", record_get(&rec, "identity.imei1"));
	{
		/* the last re-check, finished or not */
		struct recheck x;
		int got = rec.nblocks > 0 && recheck_read(&rec, rec.nblocks - 1, &x, NULL) == 0;
		web_kv(b, 0, "recheck", got ? x.sealed ? "sealed" : "open" : NULL);
		web_kv(b, 0, "recheck_verdict", got ? x.verdict : NULL);
	}
	buf_putc(b, '}');
	record_release(&rec);
	return b->err ? -1 : 0;
}

/* Parses a record whose seal is intact, as export does. */
static int
open_record(const char *text, size_t len, struct record *rec)
{
	char hex[SHA256_HEX_SIZE];
	struct error e;

	switch (record_check_seal(text, len, hex)) {
	case RECORD_ALTERED:
		return web_fail("altered");
	case RECORD_UNSEALED:
		return web_fail("unsealed");
	case RECORD_INTACT:
		break;
	}
	if (record_parse(text, len, rec, &e) != 0) {
		char msg[300];
		snprintf(msg, sizeof msg, "line %ld: %s", e.line, e.msg);
		return web_fail(msg);
	}
	return 0;
}

/* The bill of sale's source: the record, in the page's language. */
void
web_source_of(struct export_src *src, struct record *rec)
{
	src->rec = rec;
	src->words = web_lang_words();
	src->kb = &web.kb;
	src->idt = &web.idt;
}

EXPORT(web_finished) int
web_finished(const char *text, size_t len)
{
	struct record rec;
	struct export_src src;
	struct export_model m;
	struct error e;
	struct buf *b;
	size_t i;

	if (open_record(text, len, &rec) != 0)
		return -1;
	web_source_of(&src, &rec);
	if (export_model_init(&m, &src, &e) != 0) {
		record_release(&rec);
		return web_fail(e.msg);
	}
	b = web_out();
	buf_putc(b, '{');
	web_kv(b, 1, "id", m.sc->meta.id);
	web_kv(b, 0, "state", m.sc->meta.sealed ? "sealed" : "open");
	web_kv(b, 0, "verdict", m.sc->verdict[0] ? m.sc->verdict : NULL);
	web_kv(b, 0, "level", cl_level_name(m.sc->level));
	BUF_LIT(b, ",\"failed\":");
	buf_puts(b, m.failed ? "true" : "false");
	web_kv_long(b, "files", (long)m.sc->cl.nfiles);
	/* what the terminal's summary says under the verdict (check_run.c) */
	{
		enum cl_level l = m.sc->level;
		BUF_LIT(b, ",\"summary\":[");
		web_put_str(b, l == CL_STOP ? "summary.stop" : l == CL_CAUTION ? "summary.caution" :
		    "summary.go");
		if (l != CL_STOP)
			BUF_LIT(b, ",\"summary.later\"");
		if (m.sc->cl.nfiles == 0)
			BUF_LIT(b, ",\"summary.no_photos\"");
		buf_putc(b, ']');
	}
	BUF_LIT(b, ",\"reasons\":[");
	for (i = 0; i < m.sc->nstated; i++) {
		const struct saved_reason *x = &m.sc->stated[i];
		buf_puts(b, i ? ",{" : "{");
		web_kv(b, 1, "level", x->level);
		web_kv(b, 0, "code", x->code);
		BUF_LIT(b, ",\"text\":");
		export_reason_put(b, &m, x, 0, web_put_str);
		BUF_LIT(b, ",\"todo\":");
		export_reason_put(b, &m, x, 1, web_put_str);
		buf_putc(b, '}');
	}
	BUF_LIT(b, "]}");
	export_model_release(&m);
	record_release(&rec);
	return b->err ? -1 : 0;
}

EXPORT(web_export) int
web_export(const char *text, size_t len)
{
	struct record rec;
	struct export_src src;
	struct error e;
	int rc;

	if (open_record(text, len, &rec) != 0)
		return -1;
	web_source_of(&src, &rec);
	rc = export_html(&src, web_out(), &e);
	record_release(&rec);
	return rc == 0 ? 0 : web_fail(e.msg);
}

/* ================================================================== tools */

EXPORT(web_check) int
web_check(const char *answers, size_t len, double t, int offset, const unsigned char *rnd)
{
	static struct session s;	/* not the check being made */
	char now[STAMP_TIME_SIZE], today[STAMP_DATE_SIZE], id[STAMP_ID_SIZE];
	struct session_reply reply;
	struct cl_reason r[CL_MAX_REASONS];
	struct record rec;
	struct buf text, *b;
	size_t n = 0, k;
	int rc, status, seal;
	enum cl_level level = CL_GO;

	if (!web.ready)
		return web_fail("not loaded");
	if (web_stamps(t, offset, now, today) != 0 || stamp_id((int64_t)t, offset, rnd, id) != 0)
		return web_fail("the clock is out of range");
	session_start(&s, &web.env, id, now, today, rnd + 6);
	session_reply_init(&reply);
	rc = session_answers_file(&s, answers, len, &reply);
	/* as "check --answers FILE < /dev/null": a bad answer is a usage
	 * error, questions left are an unfinished check; both are saved open */
	seal = rc == 0 && session_current(&s) < 0;
	if (rc != 0)
		status = 2;
	else if (!seal)
		status = 6;
	else {
		level = session_verdict(&s, r, &n);
		status = level == CL_STOP ? 5 : level == CL_CAUTION ? 4 : 0;
	}
	buf_init_mem(&text);
	if (session_record(&s, seal, now, &rec) != 0 || record_serialize(&rec, &text) != 0) {
		record_release(&rec);
		buf_release(&text);
		session_reply_release(&reply);
		return web_fail("out of memory");
	}
	record_release(&rec);
	b = web_out();
	BUF_LIT(b, "{\"verdict\":");
	web_put_str(b, seal ? cl_level_name(level) : NULL);
	web_kv_long(b, "exit", status);
	BUF_LIT(b, ",\"reasons\":[");
	for (k = 0; k < n; k++) {
		buf_puts(b, k ? "," : "");
		web_put_str(b, r[k].code);
	}
	BUF_LIT(b, "],\"record\":");
	buf_put_json_str(b, buf_str(&text), text.len);
	buf_putc(b, ',');
	web_put_says(b, &reply);
	buf_putc(b, '}');
	buf_release(&text);
	session_reply_release(&reply);
	return b->err ? -1 : 0;
}

/* One line as "handover imei" reads it (ident_check_line); a line too
 * long for its reader is no identifier. */
static void
imei_line(struct buf *b, const char *s, size_t n, long lineno, int *first)
{
	struct ident ids[MAX_PER_LINE];
	const struct ident *id = ids;
	size_t k, count;

	if (n > LINE_MAX_BYTES) {
		ident_classify(&web.idt, "", 0, IDENT_UNKNOWN, &ids[0]);
		ids[0].problem = IDENT_BAD_LENGTH;
		snprintf(ids[0].message, sizeof ids[0].message, "line %ld is longer than %d bytes: "
		    "not an identifier", lineno, LINE_MAX_BYTES);
		ids[0].start = ids[0].len = 0;
		count = 1;
		s = "";
	} else {
		count = ident_check_line(&web.idt, s, n, lineno, ids, MAX_PER_LINE);
	}
	for (k = 0; k < count; k++) {
		const struct tac_entry *te = NULL;
		size_t nte = 0;
		if (id[k].tac[0] && id[k].problem != IDENT_PLACEHOLDER)
			te = tac_db_find(&web.tac, id[k].tac, &nte);
		buf_puts(b, *first ? "" : ",");
		*first = 0;
		ident_write_json(b, &web.idt, s + id[k].start, id[k].len, &id[k], te, nte);
	}
}

EXPORT(web_imei) int
web_imei(const char *text, size_t len)
{
	struct buf *b = web_out();
	size_t at = 0;
	long lineno = 0;
	int first = 1;

	if (!web.ready)
		return web_fail("not loaded");
	buf_putc(b, '[');
	while (at < len) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t n = nl ? (size_t)(nl - (text + at)) : len - at;
		size_t m = n;
		if (m > 0 && text[at + m - 1] == '\r')
			m--;
		imei_line(b, text + at, m, ++lineno, &first);
		at += n + 1;
	}
	buf_putc(b, ']');
	return b->err ? -1 : 0;
}
