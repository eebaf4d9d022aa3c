/* SPDX-License-Identifier: MIT */
/* test_web_api: the page's calls into the core (src/web/api.c), built
 * natively so they run under the sanitizers too: the data handed in, the
 * words and their page wording, a check answered, resumed from its record
 * and sealed, the answers-file run of the test interface, identifiers,
 * the bill of sale, country information, hashing in slices; a re-check of
 * a sealed record grown as the terminal grows it, and its reminders. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "kb/blob.h"
#include "lib/sha256.h"
#include "web/api.h"

static const unsigned char RND[12] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
static const double T0 = 1795752000.0;	/* 2026-11-27T04:00:00Z */

static char *
copy(void)
{
	size_t n = web_result_len();
	char *s = malloc(n + 1);

	memcpy(s, web_result(), n);
	s[n] = '\0';
	return s;
}

static int
has(const char *needle)
{
	return strstr(web_result(), needle) != NULL;
}

static void
load(void)
{
	const struct blob *b;

	for (b = embedded_data; b->name; b++)
		web_data(b->name, b->data, b->len);
	if (web_init() != 0) {
		printf("web_init: %s\n", web_result());
		exit(1);
	}
}

static void
test_words(void)
{
	CHECK_INT(web_langs(), 0);
	CHECK(has("{\"code\":\"en\",\"name\":\"English\",\"dir\":\"ltr\"}"));
	CHECK_INT(web_lang("xx"), 1);		/* no such language: English */
	CHECK_INT(web_lang("en"), 0);
	CHECK_INT(web_text("page.check_id", "id\0372026-11-27-ABCDEF\036"), 0);
	CHECK_STR(web_result(), "Check 2026-11-27-ABCDEF");
	CHECK_INT(web_text("no.such.key", ""), 0);
	CHECK_STR(web_result(), "no.such.key");
	CHECK_INT(web_words("page.tab."), 0);
	CHECK(has("\"page.tab.imei\":\"IMEI\"") && !has("step."));
	/* the page's wording of a terminal's words */
	CHECK_INT(web_text("msg.attach_many", ""), 0);
	CHECK_STR(web_result(), "At most 16 files can be attached. Tap Done.");
}

static void
test_check(void)
{
	char *record, *again;

	CHECK_INT(web_new_id(T0, 330, RND), 0);
	CHECK(strncmp(web_result(), "2026-11-27-", 11) == 0 && web_result_len() == 17);
	CHECK_INT(web_start("2026-11-27-TEST00", T0, 330, RND), 0);
	CHECK(has("\"step\":\"listing.country\"") && has("\"type\":\"country\""));
	CHECK_INT(web_validate("Narnia"), 0);
	CHECK(has("\"valid\":-1"));
	CHECK_INT(web_answer("India"), 0);
	CHECK(has("\"outcome\":\"next\"") && has("\"step\":\"listing.brand\""));
	CHECK_INT(web_answer("back"), 0);
	CHECK(has("\"step\":\"listing.country\"") && has("\"value\":\"IN\""));
	CHECK_INT(web_answer("IN"), 0);
	web_answer("Redmi");
	web_answer("Note 12");
	web_answer("11000 INR");
	CHECK_INT(web_answer("in-person"), 0);
	CHECK(has("\"step\":\"identity.dial\"") && has("\"answer\":\"refused\""));
	CHECK_INT(web_help(), 0);
	CHECK(has("*#06#"));
	web_answer("yes");
	CHECK_INT(web_answer("354178036859788"), 0);	/* invalid: typed once */
	CHECK(has("\"outcome\":\"again\"") && has("the last digit is 8") &&
	    has("tap Next again"));
	web_answer("354178036859789");
	web_answer("no");
	CHECK_INT(web_answer("skip"), 0);		/* the EID */
	CHECK(has("\"step\":\"identity.settings_match\""));
	CHECK_INT(web_status(), 0);
	CHECK(has("\"kind\":\"list\""));
	CHECK_INT(web_record(T0 + 60, 330, 0), 0);
	record = copy();
	CHECK(strstr(record, "state: open\n") && strstr(record, "skipped: identity.eid\n") &&
	    strstr(record, "created: 2026-11-27T09:30:00+05:30\n") &&
	    strstr(record, "updated: 2026-11-27T09:31:00+05:30\n"));
	CHECK_INT(web_saved(record, strlen(record)), 0);
	CHECK(has("\"seal\":\"intact\"") && has("\"state\":\"open\"") && has("\"brand\":\"Redmi\""));
	/* resumed from the record: the same question */
	CHECK_INT(web_resume(record, strlen(record), T0 + 120, 330, RND), 0);
	CHECK(has("\"step\":\"identity.settings_match\"") && has("\"says\":["));
	CHECK_INT(web_record(T0 + 60, 330, 0), 0);
	again = copy();
	CHECK_STR(again, record);
	/* an altered record is refused */
	record[strlen("handover-record 1\nid: 2026")] = '7';
	CHECK_INT(web_resume(record, strlen(record), T0, 330, RND), -1);
	CHECK_STR(web_result(), "altered");
	free(again);
	free(record);
}

static const char answers[] =
    "listing.country = IN\nlisting.brand = Redmi\nlisting.model = Note 12\n"
    "listing.price = 11000 INR\nlisting.mode = in-person\nidentity.dial = yes\n"
    "identity.imei1 = 35 417803 685978 9\nidentity.dual_sim = no\nidentity.eid = none\n"
    "identity.settings_match = yes\nidentity.box_match = yes\nidentity.tray_match = yes\n"
    "registry.reply = valid\nregistry.model_match = yes\nregistry.reference = KYM\n"
    "finance.disclosed = never\nfinance.apps = no\nfinance.notice = no\n"
    "finance.reminders = no\naccounts.removed = yes\naccounts.reset = yes\n"
    "accounts.setup_lock = no\naccounts.recheck = no\nproof.kind = invoice\n"
    "proof.issuer = Mi Home\nproof.date = 2025-06-14\nproof.amount = 17999 INR\n"
    "proof.payment = full\nproof.imei_match = yes\nproof.files = photos/a.jpg\n"
    "proof.files = done\nseller.name = Asha Rao\nseller.contact = +91 90000 00000\n"
    "seller.id_last4 = 7K2Q\nseller.declaration = yes\n";

static void
test_answers_file(void)
{
	char hex[SHA256_HEX_SIZE], *rec;
	const char *p;

	sha256_hex_of("photo", 5, hex);
	CHECK_INT(web_file("photos/a.jpg", hex, 5), 0);
	CHECK_INT(web_check(answers, strlen(answers), T0, 0, RND), 0);
	CHECK(has("{\"verdict\":\"GO\",\"exit\":0,\"reasons\":[],\"record\":\"handover-record 1\\n"));
	CHECK(has("attachment: ") && has(" 5 a.jpg\\n"));
	/* a bad answer is exit 2, questions left exit 6 */
	CHECK_INT(web_check("listing.country = IN\nlisting.mode = maybe\n", 40, T0, 0, RND), 0);
	CHECK(has("\"exit\":6"));
	CHECK_INT(web_check("listing.country = IN\nlisting.brand = X\nlisting.model = Y\n"
	    "listing.price = 1\nlisting.mode = maybe\n", 91, T0, 0, RND), 0);
	CHECK(has("{\"verdict\":null,\"exit\":2,\"reasons\":[]"));
	/* an unknown file: a bad answer */
	CHECK_INT(web_check("proof.files = nowhere.jpg\n", 26, T0, 0, RND), 0);
	CHECK(has("\"exit\":6"));
	/* the sealed record: its verdict, the bill of sale */
	web_check(answers, strlen(answers), T0, 0, RND);
	p = strstr(web_result(), "\"record\":\"") + 10;
	rec = malloc(strlen(p) + 1);
	{
		size_t n = 0;
		for (; *p && *p != '"'; p++)
			rec[n++] = *p == '\\' && p[1] == 'n' ? (p++, '\n') : *p;
		rec[n] = '\0';
	}
	CHECK_INT(web_finished(rec, strlen(rec)), 0);
	CHECK(has("\"verdict\":\"GO\"") && has("\"failed\":false") &&
	    has("\"summary\":[\"summary.go\",\"summary.later\"]"));
	CHECK_INT(web_export(rec, strlen(rec)), 0);
	CHECK(strncmp(web_result(), "<!doctype html>", 15) == 0 || has("<html"));
	CHECK(has("Asha Rao"));
	free(rec);
	CHECK_INT(web_export("nothing", 7), -1);
}

static void
test_imei_info(void)
{
	static const char text[] = "354178036859789\r\n\n  \nIMEI:\n354178036859788";

	CHECK_INT(web_imei(text, sizeof text - 1), 0);
	CHECK(strncmp(web_result(), "[{\"input\":\"354178036859789\",\"kind\":\"imei\","
	    "\"valid\":true,", 55) == 0);
	CHECK(has("}\n,{\"input\":\"IMEI:\",\"kind\":\"imei\",\"valid\":false"));
	CHECK(has("\"problem\":\"bad_check_digit\""));
	CHECK_INT(web_countries(), 0);
	CHECK(has("{\"code\":\"IN\",\"name\":\"India\",\"check\":true}"));
	CHECK_INT(web_info("in"), 0);
	CHECK(has("\"code\":\"IN\"") && has("{\"kind\":\"sms\",\"target\":\"14422\",\"keyword\":\"KYM\"}"));
	CHECK_INT(web_info("QQ"), -1);
}

static void
test_sha_slices(void)
{
	static char big[100000];
	char one[SHA256_HEX_SIZE];
	size_t k;

	for (k = 0; k < sizeof big; k++)
		big[k] = (char)(k * 7);
	sha256_hex_of(big, sizeof big, one);
	web_sha_init();
	for (k = 0; k < sizeof big; k += 4096)
		web_sha_update(big + k, sizeof big - k < 4096 ? sizeof big - k : 4096);
	web_sha_final();
	CHECK_STR(web_result(), one);
	CHECK_INT(web_file("x", "not hex", 1), -1);
}


/* A whole file (a fixture of tests/cli), NUL-terminated; caller frees. */
static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *s = malloc(1 << 16);

	*len = f && s ? fread(s, 1, (1 << 16) - 1, f) : 0;
	if (f)
		fclose(f);
	if (s)
		s[*len] = '\0';
	return s;
}

/* The first re-check of tests/cli/fixtures/grown.record made again from
 * sample.record at its time, answered as it was: the same block, byte for
 * byte, but the version of handover that wrote it (and so its seal); then
 * quit midway and gone on with, as after a reload; refusals; the
 * calendar file. */
static void
test_recheck(void)
{
	const double T1 = 1795545000.0;	/* 2026-11-24T18:30:00Z: day 1 */
	size_t len, glen, k;
	char *sample = slurp("tests/cli/fixtures/sample.record", &len);
	char *grown = slurp("tests/cli/fixtures/grown.record", &glen);
	char *open, *got, *want, *p;
	static const char *const said[] = {"completed", "no", "no", "clean",
	    "CEIR-2026-120031", "yes"};

	CHECK(len > 0 && glen > len);
	CHECK_INT(web_lang("en"), 0);
	CHECK_INT(web_recheck(sample, len, T1, 0), 0);
	CHECK(has("\"title\":\"Re-check 1: day 1 after the sale, 2026-11-24T18:30:00+00:00\""));
	CHECK(has("\"resumed\":false") && has("\"step\":\"recheck.knox\""));
	CHECK_INT(web_help(), 0);
	CHECK(web_result_len() > 20);
	for (k = 0; k < 2; k++)
		CHECK_INT(web_answer(said[k]), 0);
	CHECK(has("\"step\":\"recheck.notice\""));
	CHECK_INT(web_record(T1 + 60, 0, 0), 0);	/* saved after an answer: open */
	open = copy();
	CHECK(strstr(open, "\nrecheck.state: open\n") != NULL);
	CHECK(strncmp(open, sample, len) == 0);
	CHECK_INT(web_saved(open, strlen(open)), 0);
	CHECK(has("\"seal\":\"intact\"") && has("\"state\":\"sealed\"") &&
	    has("\"recheck\":\"open\",\"recheck_verdict\":null"));
	CHECK_INT(web_rechecked(open, strlen(open)), 0);
	CHECK(has("\"state\":\"open\""));

	/* a reload: the open block goes on, whenever that is */
	CHECK_INT(web_recheck(open, strlen(open), T1 + 3600, 0), 0);
	CHECK(has("\"resumed\":true") && has("Going on with the unfinished re-check"));
	CHECK(has("\"step\":\"recheck.notice\""));
	CHECK_INT(web_status(), 0);
	for (k = 2; k < 6; k++)
		CHECK_INT(web_answer(said[k]), 0);
	CHECK(has("\"step\":null"));
	CHECK_INT(web_record(T1 + 7200, 0, 1), 0);
	got = copy();
	/* the fixture's block, written by handover 0.1.0 */
	want = malloc(glen + 16);
	memcpy(want, grown, glen);
	want[glen] = '\0';
	p = strstr(want, "recheck: 2026-11-30");
	CHECK(p != NULL);
	if (p)
		*p = '\0';
	CHECK(strncmp(got, want, len) == 0);
	p = strstr(got, "recheck.handover-version: ");
	CHECK(p && strncmp(want + (p - got), "recheck.handover-version: 0.1.0\n", 32) == 0);
	if (p && strchr(p, '\n')) {
		const char *a = strchr(p, '\n'), *b = strchr(want + (p - got), '\n');
		const char *as = strstr(a, "sha256: "), *bs = b ? strstr(b, "sha256: ") : NULL;
		CHECK(as && bs && as - a == bs - b && strncmp(a, b, (size_t)(as - a)) == 0);
	}
	CHECK_INT(web_rechecked(got, strlen(got)), 0);
	CHECK(has("\"state\":\"sealed\"") && has("\"verdict\":\"GO\"") && has("\"n\":1"));
	CHECK(has("\"title\":\"Re-check 1: day 1 after the sale, 2026-11-24T18:30:00+00:00\""));
	CHECK_INT(web_saved(got, strlen(got)), 0);
	CHECK(has("\"recheck\":\"sealed\",\"recheck_verdict\":\"GO\""));
	CHECK_INT(web_rechecked(sample, len), 0);
	CHECK_STR(web_result(), "null");
	CHECK_INT(web_finished(got, strlen(got)), 0);

	/* a second one on day 7, a STOP: the first block stays as it was */
	CHECK_INT(web_recheck(got, strlen(got), T1 + 6 * 86400.0, 0), 0);
	CHECK(has("Re-check 2: day 7 after the sale"));
	web_answer("active");
	web_answer("no");
	web_answer("yes");
	web_answer("Device provided by Sharma Finance.");
	web_answer("clean");
	web_answer("skip");
	CHECK_INT(web_answer("yes"), 0);
	CHECK(has("\"step\":null"));
	CHECK_INT(web_record(0, 0, 1), 0);
	CHECK(strncmp(web_result(), got, strlen(got)) == 0);
	free(open);
	open = copy();
	CHECK_INT(web_rechecked(open, strlen(open)), 0);
	CHECK(has("\"verdict\":\"STOP\"") && has("Knox Guard now shows the phone enrolled"));

	/* too early: said at the start, with what it means */
	CHECK_INT(web_recheck(sample, len, 1795410188.0 + 3600, 0), 0);
	CHECK(has("less than a day after the sale") && has("\"kind\":\"caution\""));

	/* refused: altered, open, not a record */
	open[len + 20] ^= 1;
	CHECK_INT(web_recheck(open, strlen(open), T1, 0), -1);
	CHECK_STR(web_result(), "altered");
	CHECK_INT(web_rechecked(open, strlen(open)), -1);
	CHECK_INT(web_recheck("hello\n", 6, T1, 0), -1);

	/* the calendar: both reminders, CRLF lines */
	CHECK_INT(web_ics(sample, len, T1), 0);
	CHECK(has("BEGIN:VCALENDAR\r\n") && has("2026-11-23-VZR0PZ"));
	CHECK_INT(web_ics("hello\n", 6, T1), -1);
	free(open);
	free(got);
	free(want);
	free(sample);
	free(grown);
}

int
main(void)
{
	load();
	RUN(test_words);
	RUN(test_check);
	RUN(test_answers_file);
	RUN(test_imei_info);
	RUN(test_sha_slices);
	RUN(test_recheck);
	return h_done();
}
