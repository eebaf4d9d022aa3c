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
static struct kb KB;
static struct ident_tables T;

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

/* A checklist in re-check mode, its listing answered as a check's. */
static void
recheck_list(struct checklist *cl, const char *brand, const char *country)
{
	cl_init(cl, &KB, &T, &EN);
	if (brand)
		cl_answer(cl, STEP_LISTING_BRAND, brand);
	if (country)
		cl_answer(cl, STEP_LISTING_COUNTRY, country);
	cl->recheck = 1;
}

/* cl_validate with a msg buffer: the answer, or NULL and the message. */
static const char *
valid(const struct checklist *cl, enum cl_id step, const char *in, char out[CL_VALUE_MAX],
    char msg[256])
{
	struct buf m;
	int rc;

	buf_init_mem(&m);
	rc = cl_validate(cl, step, in, out, &m);
	snprintf(msg, 256, "%s", buf_str(&m));
	buf_release(&m);
	return rc >= 0 ? out : NULL;
}

/* A re-check's answers are read by the checklist's one reader. */
static void
test_validate(void)
{
	char out[CL_VALUE_MAX], msg[256];
	struct checklist cl;

	recheck_list(&cl, "Samsung", "IN");
	CHECK_STR(valid(&cl, STEP_RECHECK_KNOX, "  not-shown ", out, msg), "not-shown");
	CHECK_STR(valid(&cl, STEP_RECHECK_KNOX, "2", out, msg), "prenormal");
	CHECK_STR(valid(&cl, STEP_RECHECK_KNOX, "No KG", out, msg), "not-shown");
	CHECK_STR(valid(&cl, STEP_RECHECK_SIM_WORKS, "Yep", out, msg), "yes");
	CHECK_STR(valid(&cl, STEP_RECHECK_REGISTRY, "stolen", out, msg), "blocked");
	CHECK(valid(&cl, STEP_RECHECK_SIM_WORKS, "maybe", out, msg) == NULL);
	CHECK(strstr(msg, "Yes: signal and calls") != NULL);
	CHECK_STR(valid(&cl, STEP_RECHECK_NOTICE_TEXT, "  Device provided by X  ", out, msg),
	    "Device provided by X");
}

/* Which re-check steps are asked is the checklist's to say. */
static void
test_asked(void)
{
	struct checklist cl;

	recheck_list(&cl, "SAMSUNG", "IN");
	CHECK(cl_is_asked(&cl, STEP_RECHECK_KNOX));
	CHECK(cl_is_asked(&cl, STEP_RECHECK_REGISTRY));
	CHECK(cl_is_asked(&cl, STEP_RECHECK_APPS));
	CHECK(!cl_is_asked(&cl, STEP_RECHECK_NOTICE_TEXT));
	cl_answer(&cl, STEP_RECHECK_NOTICE, "yes");
	CHECK(cl_is_asked(&cl, STEP_RECHECK_NOTICE_TEXT));
	CHECK(!cl_is_asked(&cl, STEP_RECHECK_REGISTRY_REFERENCE));
	cl_answer(&cl, STEP_RECHECK_REGISTRY, "blocked");
	CHECK(cl_is_asked(&cl, STEP_RECHECK_REGISTRY_REFERENCE));
	/* not a Samsung: no Knox Guard; no public check: no registry */
	recheck_list(&cl, "Redmi", "PH");
	CHECK(!cl_is_asked(&cl, STEP_RECHECK_KNOX));
	CHECK(!cl_is_asked(&cl, STEP_RECHECK_REGISTRY));
	/* out of re-check mode, none is */
	recheck_list(&cl, "Samsung", "IN");
	cl.recheck = 0;
	CHECK(!cl_is_asked(&cl, STEP_RECHECK_APPS));
}

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
	testdata_load(&KB, &T, &EN);
	RUN(test_steps);
	RUN(test_validate);
	RUN(test_asked);
	RUN(test_build_append_read);
	RUN(test_plan);
	RUN(test_words);
	words_release(&EN);
	kb_release(&KB);
	ident_tables_release(&T);
	return h_done();
}
