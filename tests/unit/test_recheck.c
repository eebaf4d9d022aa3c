/* SPDX-License-Identifier: MIT */
/* test_recheck: the re-checks after the handover: step ids and answers,
 * when a step is asked, a block built, appended and read back, when each
 * re-check is due and which counts, the list's one-line status, and the
 * words for every step and reason. */
#include <stdlib.h>
#include <string.h>

#include "check/recheck.h"
#include "harness.h"
#include "record/stamp.h"
#include "testdata.h"

static struct words EN;

static struct record
check_record(const char *brand, const char *state, const char *updated)
{
	struct record r;

	record_init(&r);
	record_add(&r, "id", "2026-11-23-VZR0PZ");
	record_add(&r, "updated", updated);
	record_add(&r, "state", state);
	if (brand)
		record_add(&r, "listing.brand", brand);
	return r;
}

static char *
text_of(const struct record *r, size_t *len)
{
	struct buf b;
	char *s = NULL;

	buf_init_mem(&b);
	if (record_serialize(r, &b) == 0 && (s = malloc(b.len + 1)) != NULL) {
		memcpy(s, b.mem, b.len + 1);
		*len = b.len;
	}
	buf_release(&b);
	return s;
}

static void
test_steps(void)
{
	/* the public ids, in order */
	static const char *const ids[] = {
		"recheck.knox", "recheck.apps", "recheck.notice", "recheck.notice_text",
		"recheck.registry", "recheck.registry_reference", "recheck.sim_works",
	};
	size_t i;

	CHECK_INT(recheck_nsteps, sizeof ids / sizeof ids[0]);
	for (i = 0; i < recheck_nsteps && i < sizeof ids / sizeof ids[0]; i++) {
		CHECK_STR(RECHECK_STEP(i)->id, ids[i]);
		CHECK_INT(recheck_find(ids[i]), (long)i);
	}
	CHECK_INT(recheck_find("finance.knox"), -1);
	CHECK(recheck_nsteps <= RECHECK_MAX_STEPS);
	/* the Knox answers are finance.knox's */
	CHECK_STR(RECHECK_STEP(0)->choices, "completed|prenormal|checking|active|locked|not-shown");
	CHECK_INT(recheck_days[0], 1);
	CHECK_INT(recheck_days[1], 7);
}

/* recheck_validate with a msg buffer: the answer, or NULL and the message. */
static const char *
valid(const struct words *w, int step, const char *in, char out[RECHECK_VALUE_MAX],
    char msg[256])
{
	struct buf m;
	int rc;

	buf_init_mem(&m);
	rc = recheck_validate(w, (size_t)step, in, out, &m);
	snprintf(msg, 256, "%s", buf_str(&m));
	buf_release(&m);
	return rc == 0 ? out : NULL;
}

static void
test_validate(void)
{
	char out[RECHECK_VALUE_MAX], msg[256];
	int knox = recheck_find("recheck.knox"), text = recheck_find("recheck.notice_text");
	int sim = recheck_find("recheck.sim_works"), reg = recheck_find("recheck.registry");

	/* ids, numbers, labels, the words people use; without words, ids */
	CHECK_STR(valid(NULL, knox, "  not-shown ", out, msg), "not-shown");
	CHECK_STR(valid(NULL, knox, "2", out, msg), "prenormal");
	CHECK(valid(NULL, knox, "no kg", out, msg) == NULL);
	CHECK_STR(valid(&EN, knox, "No KG", out, msg), "not-shown");
	CHECK_STR(valid(&EN, knox, "no kg state shown", out, msg), "not-shown");
	CHECK_STR(valid(&EN, sim, "Yep", out, msg), "yes");
	CHECK_STR(valid(&EN, reg, "stolen", out, msg), "blocked");
	CHECK_STR(valid(&EN, reg, "4", out, msg), "unsure");
	CHECK(valid(&EN, reg, "5", out, msg) == NULL);
	CHECK(valid(&EN, sim, "unsure", out, msg) == NULL);
	CHECK_STR(msg, "Type the number or the words of one of: 1 Yes: signal and calls, "
	    "2 No service, or calls fail.");
	CHECK(valid(NULL, sim, "maybe", out, msg) == NULL);
	CHECK_STR(msg, "answer one of: 1 yes, 2 no");
	CHECK_STR(valid(&EN, text, "  Device provided by X  ", out, msg), "Device provided by X");
	CHECK(valid(&EN, text, "   ", out, msg) == NULL);
	CHECK_STR(msg, "Type one line of text, or skip.");
}

static void
test_asked(void)
{
	const char *a[RECHECK_MAX_STEPS] = { NULL };
	struct record sam = check_record(" SAMSUNG ", "sealed", "2026-11-23T05:03:08+00:00");
	struct record red = check_record("Redmi", "sealed", "2026-11-23T05:03:08+00:00");
	int knox = recheck_find("recheck.knox"), nt = recheck_find("recheck.notice_text");
	int ref = recheck_find("recheck.registry_reference");

	CHECK(recheck_is_asked(&sam, (size_t)knox, a));
	CHECK(!recheck_is_asked(&red, (size_t)knox, a));
	record_add(&red, "tac.brand", "Samsung");
	CHECK(recheck_is_asked(&red, (size_t)knox, a));
	CHECK(!recheck_is_asked(&sam, (size_t)nt, a));
	a[recheck_find("recheck.notice")] = "yes";
	CHECK(recheck_is_asked(&sam, (size_t)nt, a));
	CHECK(!recheck_is_asked(&sam, (size_t)ref, a));
	a[recheck_find("recheck.registry")] = "no-check";
	CHECK(!recheck_is_asked(&sam, (size_t)ref, a));
	a[recheck_find("recheck.registry")] = "blocked";
	CHECK(recheck_is_asked(&sam, (size_t)ref, a));
	CHECK(recheck_is_asked(&sam, (size_t)recheck_find("recheck.apps"), a));
	record_release(&sam);
	record_release(&red);
}

/* Build, append to a sealed check, read back. */
static void
test_build_append_read(void)
{
	static const char *const reasons[] = { "STOP recheck_notice", NULL };
	struct record chk = check_record("Samsung", "sealed", "2026-11-23T05:03:08+00:00");
	struct recheck_input in;
	struct record blk, grown;
	struct recheck x;
	struct error e;
	struct buf out;
	char *text;
	size_t len = 0;

	memset(&in, 0, sizeof in);
	in.time = "2026-11-24T18:30:00+00:00";
	in.version = "0.1.0";
	in.sealed = 1;
	in.verdict = "STOP";
	in.reasons = reasons;
	in.answer[recheck_find("recheck.knox")] = "completed";
	in.answer[recheck_find("recheck.notice")] = "yes";
	in.answer[recheck_find("recheck.notice_text")] = "Device provided by X, call 1800";
	in.skipped[recheck_find("recheck.registry")] = 1;
	CHECK_INT(recheck_build(&in, &blk, &e), 0);
	text = text_of(&chk, &len);
	buf_init_mem(&out);
	CHECK_INT(record_append_block(text, len, &blk, RECORD_REPLACE_OPEN, &out, &e), 0);
	CHECK(strstr(out.mem, "recheck: 2026-11-24T18:30:00+00:00\n"
	    "recheck.handover-version: 0.1.0\nrecheck.state: sealed\nrecheck.knox: completed\n"
	    "recheck.notice: yes\nrecheck.notice_text: Device provided by X, call 1800\n"
	    "recheck.skipped: recheck.registry\nrecheck.verdict: STOP\n"
	    "recheck.reason: STOP recheck_notice\nsha256: ") != NULL);
	CHECK_INT(record_parse(out.mem, out.len, &grown, &e), 0);
	CHECK_INT(recheck_read(&grown, 0, &x, &e), 0);
	CHECK(x.time_ok);
	CHECK(x.sealed);
	CHECK_STR(x.verdict, "STOP");
	CHECK_STR(x.answer[recheck_find("recheck.knox")], "completed");
	CHECK(x.answer[recheck_find("recheck.apps")] == NULL);
	CHECK(x.skipped[recheck_find("recheck.registry")]);
	CHECK_INT(x.nfields, 9);
	CHECK_STR(x.seal, grown.seal);
	CHECK_INT(recheck_read(&grown, 1, &x, &e), -1);
	record_release(&grown);
	record_release(&blk);

	/* refused: a bad time, a made-up answer, no verdict */
	in.time = "tomorrow";
	CHECK_INT(recheck_build(&in, &blk, &e), -1);
	in.time = "2026-11-24T18:30:00+00:00";
	in.answer[recheck_find("recheck.knox")] = "Completed";
	CHECK_INT(recheck_build(&in, &blk, &e), -1);
	CHECK(strstr(e.msg, "recheck.knox: 'Completed' is not one of its answers") != NULL);
	in.answer[recheck_find("recheck.knox")] = "completed";
	in.verdict = "MAYBE";
	CHECK_INT(recheck_build(&in, &blk, &e), -1);
	in.sealed = 0;
	CHECK_INT(recheck_build(&in, &blk, &e), 0);
	CHECK_STR(record_get(&blk, "recheck.state"), "open");
	CHECK(record_get(&blk, "recheck.verdict") == NULL);
	record_release(&blk);
	buf_release(&out);
	free(text);
	record_release(&chk);
}

/* A grown record with re-checks at the given times (sealed or not). */
static struct record
grown_with(const char *updated, const char *const times[], const int sealed[], size_t n)
{
	struct record r = check_record("Samsung", "sealed", updated);
	size_t i;

	for (i = 0; i < n; i++) {
		record_begin_block(&r, times[i]);
		record_add(&r, "recheck.state", sealed[i] ? "sealed" : "open");
		if (sealed[i])
			record_add(&r, "recheck.verdict", i ? "STOP" : "GO");
	}
	return r;
}

static void
status(const struct record *r, int64_t now, const char *want)
{
	struct recheck_plan p;
	struct buf b;

	recheck_plan(r, &p);
	buf_init_mem(&b);
	recheck_status(r, &p, now, &b);
	CHECK_STR(buf_str(&b), want);
	buf_release(&b);
}

static void
test_plan(void)
{
	const char *t1[] = { "2026-11-24T18:30:00+00:00", "2026-11-30T09:10:00+00:00" };
	const char *t9[] = { "2026-12-02T10:00:00+00:00" };
	const char *early[] = { "2026-11-23T20:00:00+00:00", "2026-11-24T05:03:08+00:00" };
	const int both[] = { 1, 1 }, one[] = { 1 }, open[] = { 0, 0 };
	const char *sale = "2026-11-23T05:03:08+00:00";
	struct record r;
	struct recheck_plan p;
	struct recheck_next n;
	int64_t t0, now;
	int off;

	stamp_parse(sale, &t0, &off);
	r = grown_with(sale, NULL, NULL, 0);
	recheck_plan(&r, &p);
	CHECK(p.applies);
	CHECK_INT(p.sale, t0);
	CHECK_INT(p.due[0], t0 + 86400);
	CHECK_INT(p.due[1], t0 + 7 * 86400);
	CHECK_INT(recheck_next(&p, t0, &n), 1);
	CHECK_INT(n.day, 1);
	CHECK(!n.due);
	CHECK_INT(recheck_next(&p, t0 + 86400, &n), 1);
	CHECK(n.due);
	CHECK_INT(recheck_next(&p, t0 + 7 * 86400, &n), 1);
	CHECK_INT(n.day, 7);
	status(&r, t0, "d1 2026-11-24");
	status(&r, t0 + 86399, "d1 2026-11-24");
	status(&r, t0 + 86400, "d1 due");
	status(&r, t0 + 7 * 86400, "d7 due");
	CHECK_INT(recheck_day_of(&p, t0 - 1), -1);
	record_release(&r);

	/* day 1 and day 7 done */
	r = grown_with(sale, t1, both, 2);
	recheck_plan(&r, &p);
	CHECK_INT(p.done_by[0], 1);
	CHECK_INT(p.done_by[1], 2);
	CHECK_INT(p.nrechecks, 2);
	CHECK_INT(recheck_next(&p, t0 + 30 * 86400, &n), 0);
	status(&r, t0 + 30 * 86400, "d1 GO, d7 STOP");
	record_release(&r);
	r = grown_with(sale, t1, both, 1);
	status(&r, t0 + 2 * 86400, "d1 GO, d7 2026-11-30");
	status(&r, t0 + 8 * 86400, "d1 GO, d7 due");
	record_release(&r);

	/* one re-check on day 9 counts for both */
	r = grown_with(sale, t9, one, 1);
	recheck_plan(&r, &p);
	CHECK_INT(p.done_by[0], 1);
	CHECK_INT(p.done_by[1], 1);
	status(&r, t0 + 10 * 86400, "d9 GO");
	record_release(&r);

	/* too early, or open, counts for nothing; exactly 24 hours counts */
	r = grown_with(sale, early, open, 2);
	recheck_plan(&r, &p);
	CHECK_INT(p.done_by[0], 0);
	record_release(&r);
	r = grown_with(sale, early, both, 2);
	recheck_plan(&r, &p);
	CHECK_INT(p.done_by[0], 2);
	status(&r, t0 + 2 * 86400, "d0 GO, d1 STOP, d7 2026-11-30");
	record_release(&r);

	/* the date is the buyer's, from the offset of the sale */
	r = grown_with("2026-11-23T22:30:00-03:00", NULL, NULL, 0);
	stamp_parse("2026-11-23T22:30:00-03:00", &now, &off);
	status(&r, now, "d1 2026-11-24");
	record_release(&r);

	/* no plan for an open check or an unreadable time */
	r = check_record("Samsung", "open", sale);
	status(&r, t0, "-");
	record_release(&r);
	r = check_record("Samsung", "sealed", "yesterday");
	recheck_plan(&r, &p);
	CHECK(!p.applies);
	CHECK_INT(recheck_next(&p, t0, &n), 0);
	record_release(&r);
}

static void
test_words(void)
{
	static const char broken[] = "key\ttext\nstep.recheck.knox.label\tK\n";
	struct words w;
	struct error e;
	size_t i;

	CHECK_INT(recheck_words_check(&EN, &e), 0);
	for (i = 0; i < recheck_nsteps; i++)
		CHECK(recheck_step_words(&EN, i, "label") != NULL);
	CHECK_STR(recheck_choice_words(&EN, 0, "not-shown"), "No KG state shown");
	CHECK_STR(recheck_choice_words(&EN, (size_t)recheck_find("recheck.apps"), "unsure"),
	    "Not sure");
	CHECK_STR(recheck_choice_words(NULL, 0, "active"), "active");
	/* the day-7 words say what to do now */
	CHECK(strstr(words_get(&EN, "reason.recheck_notice.todo"),
	    "seller and the marketplace now") != NULL);
	CHECK(strstr(words_get(&EN, "reason.recheck_notice.todo"), "Do not reset") != NULL);
	CHECK_INT(words_load(&w, "xx", broken, sizeof broken - 1, NULL, &e), 0);
	CHECK_INT(recheck_words_check(&w, &e), -1);
	CHECK(strstr(e.msg, "no 'step.recheck.knox.question'") != NULL);
	words_release(&w);
}

int
main(void)
{
	testdata_load(NULL, NULL, &EN);
	RUN(test_steps);
	RUN(test_validate);
	RUN(test_asked);
	RUN(test_build_append_read);
	RUN(test_plan);
	RUN(test_words);
	words_release(&EN);
	return h_done();
}
