/* SPDX-License-Identifier: MIT */
/* test_recheck_export: the re-checks rendered for the bill of sale: every
 * typed value escaped in HTML and kept on its line in text, answers and
 * step ids in words, reasons with what to do now and " ({detail})" left
 * out when empty, each block's seal, nothing for a record that never
 * grew; and a bill of sale with re-checks names the check's own seal. */
#include <stdlib.h>
#include <string.h>

#include "check/recheck.h"
#include "export/export.h"
#include "harness.h"
#include "testdata.h"

static struct words EN;
static struct ident_tables IDT;
static struct kb K;

static struct record
grown(void)
{
	struct record r;
	struct error e;
	struct buf b;

	record_init(&r);
	record_add(&r, "id", "2026-11-23-7KQ4MZ");
	record_add(&r, "updated", "2026-11-23T14:41:52+05:30");
	record_add(&r, "state", "sealed");
	record_add(&r, "verdict", "GO");
	record_begin_block(&r, "2026-11-24T15:00:00+05:30");
	record_add(&r, "recheck.state", "sealed");
	record_add(&r, "recheck.notice", "yes");
	record_add(&r, "recheck.notice_text", "<script>alert(1)</script>\nSECOND LINE & more");
	record_add(&r, "recheck.registry", "no-check");
	record_add(&r, "recheck.skipped", "recheck.sim_works");
	record_add(&r, "recheck.verdict", "STOP");
	record_add(&r, "recheck.reason", "STOP recheck_notice");
	record_add(&r, "recheck.reason", "CAUTION recheck_not_checked recheck.sim_works, recheck.registry");
	record_add(&r, "recheck.reason", "CAUTION made_up_code <b>x</b>");
	record_begin_block(&r, "2026-11-24T16:00:00+05:30");
	record_add(&r, "recheck.state", "open");
	/* parse it back, so the blocks have seals */
	buf_init_mem(&b);
	record_serialize(&r, &b);
	record_release(&r);
	if (record_parse(b.mem, b.len, &r, &e) != 0)
		record_init(&r);
	buf_release(&b);
	return r;
}

static void
test_html(void)
{
	struct record r = grown();
	struct buf b;

	buf_init_mem(&b);
	export_rechecks_html(&r, &EN, &b);
	CHECK(strstr(b.mem, "<script>") == NULL);
	CHECK(strstr(b.mem, "&lt;script&gt;alert(1)&lt;/script&gt;") != NULL);
	CHECK(strstr(b.mem, "<b>") == NULL);
	CHECK(strstr(b.mem, "Re-check 1: day 1 after the sale, <span class=\"mono nowrap\" "
	    "dir=\"ltr\">2026-11-24T15:00:00+05:30</span>") != NULL);
	CHECK(strstr(b.mem, "SHA-256 <span class=\"mono\" dir=\"ltr\">") != NULL);
	CHECK(strstr(b.mem, "Re-check 2: day 1 after the sale") != NULL);
	CHECK(strstr(b.mem, "<div class=\"status stop\">") != NULL);
	CHECK(strstr(b.mem, "<div class=\"status open\">") != NULL);
	CHECK(strstr(b.mem, "NOT FINISHED") != NULL);
	CHECK(strstr(b.mem, "<th>Official IMEI check now</th><td><bdi>I could not run the check</bdi>") != NULL);
	CHECK(strstr(b.mem, "<th>Your SIM works</th><td><span class=\"flag\"><bdi>skipped") != NULL);
	CHECK(strstr(b.mem, "lock screen.<span class=\"todo\">What to do now: ") != NULL);
	CHECK(strstr(b.mem, "not done or not sure (Your SIM works, Official IMEI check now).") != NULL);
	CHECK(strstr(b.mem, r.blocks[0].seal) != NULL);
	buf_release(&b);
	record_release(&r);
}

static void
test_text(void)
{
	struct record r = grown();
	struct buf b;

	buf_init_mem(&b);
	export_rechecks_text(&r, &EN, &b);
	CHECK(strstr(b.mem, "\nAFTER THE SALE: RE-CHECKS\n") == b.mem);
	CHECK(strstr(b.mem, "The notice's words: <script>alert(1)</script> SECOND LINE & more\n") != NULL);
	CHECK(strstr(b.mem, "\nSECOND") == NULL);
	CHECK(strstr(b.mem, "  Verdict: STOP\n") != NULL);
	CHECK(strstr(b.mem, "  - CAUTION: made_up_code <b>x</b>\n") != NULL);
	CHECK(strstr(b.mem, "    What to do now: A lender still has a claim") != NULL);
	CHECK(strstr(b.mem, "  Sealed: the record up to here has SHA-256 ") != NULL);
	buf_release(&b);
	/* without words: the ids */
	buf_init_mem(&b);
	export_rechecks_text(&r, NULL, &b);
	CHECK(strstr(b.mem, "recheck.notice_text: ") != NULL);
	buf_release(&b);
	record_release(&r);
	/* a record that never grew: nothing */
	record_init(&r);
	record_add(&r, "id", "x");
	buf_init_mem(&b);
	export_rechecks_text(&r, &EN, &b);
	export_rechecks_html(&r, &EN, &b);
	CHECK_INT(b.len, 0);
	buf_release(&b);
	record_release(&r);
}

static void
test_reason_words(void)
{
	char level[16];
	struct buf b;

	buf_init_mem(&b);
	export_reason_words(&EN, "STOP recheck_knox_enrolled active", 0, level, &b);
	CHECK_STR(level, "STOP");
	CHECK_STR(buf_str(&b), "Samsung Knox Guard now shows the phone enrolled by a lender (active).");
	b.len = 0;
	export_reason_words(&EN, "STOP recheck_knox_enrolled", 0, level, &b);
	CHECK_STR(buf_str(&b), "Samsung Knox Guard now shows the phone enrolled by a lender.");
	b.len = 0;
	export_reason_words(&EN, "nonsense", 0, level, &b);
	CHECK_STR(level, "");
	CHECK_STR(buf_str(&b), "nonsense");
	buf_release(&b);
}

/* The bill of sale, HTML and text, has the re-checks and the check's seal. */
static void
test_bill(void)
{
	struct record r = grown();
	struct export_src s = { NULL, &EN, &K, &IDT };
	struct error e;
	struct buf b;

	s.rec = &r;
	buf_init_mem(&b);
	CHECK_INT(export_html(&s, &b, &e), 0);
	CHECK(strstr(b.mem, "<h2>After the sale: re-checks</h2>") != NULL);
	CHECK(strstr(b.mem, "<tr><th>SHA-256 of the check at the sale</th>") != NULL);
	buf_release(&b);
	buf_init_mem(&b);
	CHECK_INT(export_text(&s, &b, &e), 0);
	CHECK(strstr(b.mem, "AFTER THE SALE: RE-CHECKS") != NULL);
	CHECK(strstr(b.mem, "  SHA-256 of the check at the sale: ") != NULL);
	buf_release(&b);
	record_release(&r);
}

int
main(void)
{
	testdata_load(&K, &IDT, &EN);
	RUN(test_html);
	RUN(test_text);
	RUN(test_reason_words);
	RUN(test_bill);
	words_release(&EN);
	ident_tables_release(&IDT);
	kb_release(&K);
	return h_done();
}
