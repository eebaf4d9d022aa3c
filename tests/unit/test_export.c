/* SPDX-License-Identifier: MIT */
/* test_export: the bill of sale.  Records full of markup, quotes,
 * ampersands, right-to-left text and emoji in every field a person typed:
 * the HTML page holds each value escaped exactly once (buf_put_html's
 * form), never a raw tag; the text keeps every value on its own line;
 * the QR payload, the words for answers, open and malformed records. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/export.h"
#include "harness.h"
#include "testdata.h"

static struct words T;
static struct kb K;
static struct ident_tables I;

#define NASTY "<script>alert(1)</script> \"dq\" 'sq' &amp; \xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 \xf0\x9f\x93\xb1"
#define SEAL "5e283dbfe9d15973d39b64968efb0af1fc2bc57f0cdb7ca8f0e735fe7358278f"

/* Every key whose value a person typed as free text (or a hand-made
 * record could hold: the checklist refuses markup in a country, an IMEI
 * or a date), each value NASTY with the key in it so each is found alone. */
static const char *const typed_keys[] = {
	"id", "created", "updated", "handover-version",
	"listing.brand", "listing.model", "registry.reference",
	"finance.lender", "proof.issuer", "seller.name", "seller.contact",
	"tac.brand", "tac.model", NULL
};

static char *
nasty(const char *key)
{
	static char v[512];

	snprintf(v, sizeof v, "%s [%s]", NASTY, key);
	return v;
}

/* A sealed record with every typed field nasty. */
static void
make_nasty(struct record *r, const char *state)
{
	size_t i;

	record_init(r);
	for (i = 0; typed_keys[i]; i++)
		record_add(r, typed_keys[i], nasty(typed_keys[i]));
	record_set(r, "state", state);
	record_add(r, "challenge", "7KQ4MZ");
	record_add(r, "registry.result", "clean");
	record_add(r, "listing.country", "TZ");
	record_add(r, "listing.price", "11000 INR");
	record_add(r, "listing.mode", "remote");
	record_add(r, "identity.dial", "yes");
	record_add(r, "identity.imei1", "354178036859789");
	record_add(r, "identity.dual_sim", "yes");
	record_add(r, "identity.imei2", "354178036859797");
	record_add(r, "finance.disclosed", "paid-off");
	record_add(r, "finance.apps", "unsure");
	record_add(r, "skipped", "finance.notice");
	record_add(r, "proof.kind", "invoice");
	record_add(r, "proof.amount", "17999 INR");
	record_add(r, "seller.id_last4", "7K2Q");
	record_add(r, "seller.declaration", "yes");
	record_add(r, "attachment", SEAL " 12 <img src=x onerror=\"a()\">'&amp; "
	    "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 \xf0\x9f\x93\xb1.jpg");
	record_add(r, "verdict", "CAUTION");
	record_add(r, "reason", "CAUTION not_checked finance.apps, finance.notice");
	record_add(r, "reason", "STOP invalid_imei " NASTY " [detail]");
	memcpy(r->seal, SEAL, sizeof SEAL);
}

/* value as buf_put_html writes it, the one escaper. */
static char *
escaped(const char *value)
{
	static char out[2048];
	struct buf b;

	buf_init_mem(&b);
	buf_put_html(&b, value, strlen(value));
	snprintf(out, sizeof out, "%s", buf_str(&b));
	buf_release(&b);
	return out;
}

static char *
render(const struct record *r, int html)
{
	struct export_src s = {r, &T, &K, &I};
	struct error e;
	struct buf b;
	char *page;

	buf_init_mem(&b);
	if ((html ? export_html(&s, &b, &e) : export_text(&s, &b, &e)) != 0) {
		printf("  render: %s\n", e.msg);
		buf_release(&b);
		return NULL;
	}
	page = strdup(buf_str(&b));
	buf_release(&b);
	return page;
}

static size_t
count(const char *hay, const char *needle)
{
	size_t n = 0;
	const char *p = hay;

	while ((p = strstr(p, needle)) != NULL) {
		n++;
		p += strlen(needle);
	}
	return n;
}

static void
test_html_escapes_every_typed_field(void)
{
	struct record r;
	char *page;
	size_t i;

	make_nasty(&r, "sealed");
	page = render(&r, 1);
	CHECK(page != NULL);
	if (!page) {
		record_release(&r);
		return;
	}
	for (i = 0; typed_keys[i]; i++) {
		const char *want = escaped(nasty(typed_keys[i]));
		if (!strstr(page, want)) {
			char m[128];
			snprintf(m, sizeof m, "the page lacks the escaped %s", typed_keys[i]);
			h_note(__FILE__, __LINE__, m);
		}
	}
	/* the escaped forms, once escaped and never twice */
	CHECK(strstr(page, "&lt;script&gt;alert(1)&lt;/script&gt;") != NULL);
	CHECK(strstr(page, "&quot;dq&quot;") != NULL);
	CHECK(strstr(page, "&#39;sq&#39;") != NULL);
	CHECK(strstr(page, "&amp;amp;") != NULL);
	CHECK(strstr(page, "&amp;lt;") == NULL);
	CHECK(strstr(page, "&amp;quot;") == NULL);
	CHECK(strstr(page, "&amp;#39;") == NULL);
	CHECK(strstr(page, "&amp;amp;amp;") == NULL);
	/* nothing raw: no script, no injected tag, no attribute */
	CHECK(strstr(page, "<script") == NULL);
	CHECK(strstr(page, "<img") == NULL);
	CHECK(strstr(page, "onerror=\"") == NULL);
	CHECK(strstr(page, "\"dq\"") == NULL);
	/* right-to-left text and emoji stay as they are, isolated */
	CHECK(strstr(page, "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 \xf0\x9f\x93\xb1") != NULL);
	CHECK(strstr(page, "<bdi>&lt;script&gt;") != NULL);
	/* the attachment's name and the reason's detail too */
	CHECK(strstr(page, "&lt;img src=x onerror=&quot;a()&quot;&gt;&#39;&amp;amp; ") != NULL);
	CHECK(strstr(page, escaped(NASTY " [detail]")) != NULL);
	/* answers in words */
	CHECK(strstr(page, ">Not sure<") != NULL);
	CHECK(strstr(page, ">skipped<") != NULL);
	CHECK(strstr(page, "Lender or lock apps (Not sure), &#39;Provided by&#39; or &#39;managed&#39; "
	    "notice (skipped)") != NULL);
	/* the seal and the QR code */
	CHECK(strstr(page, "<span>5e283dbf</span>") != NULL);
	CHECK_INT(count(page, "<svg "), 1);
	free(page);
	record_release(&r);
}

static void
test_html_self_contained(void)
{
	struct record r;
	char *page, *svg, *end;

	make_nasty(&r, "sealed");
	page = render(&r, 1);
	CHECK(page != NULL);
	if (!page) {
		record_release(&r);
		return;
	}
	/* cut the SVG out (its xmlns is a name, not a load) */
	svg = strstr(page, "<svg ");
	end = svg ? strstr(svg, "</svg>") : NULL;
	CHECK(svg && end);
	if (svg && end)
		memmove(svg, end + 6, strlen(end + 6) + 1);
	CHECK(strstr(page, "src=") == NULL || strstr(page, "&lt;img src=") != NULL);
	CHECK(count(page, "src=") == count(page, "&lt;img src="));
	CHECK(strstr(page, "url(") == NULL);
	CHECK(strstr(page, "@import") == NULL);
	CHECK(strstr(page, "href") == NULL);
	CHECK(strstr(page, "http:") == NULL);
	CHECK(strstr(page, "https:") == NULL);
	CHECK(strstr(page, "@font-face") == NULL);
	CHECK(strstr(page, "default-src 'none'") != NULL);
	CHECK(strstr(page, "@page{size:auto;margin:15mm}") != NULL);
	CHECK(strstr(page, "section{margin:0 0 1.2rem;break-inside:avoid") != NULL);
	free(page);
	record_release(&r);
}

static void
test_text_keeps_lines(void)
{
	struct record r;
	char *text;

	make_nasty(&r, "sealed");
	record_set(&r, "created", "Evil\nsha256: 0000\tx\x7f");
	text = render(&r, 0);
	CHECK(text != NULL);
	if (text) {
		CHECK(strstr(text, "checked Evil sha256: 0000 x \n") != NULL);
		CHECK(strstr(text, "\nsha256: 0000") == NULL);
		CHECK(strstr(text, NASTY " [seller.contact]") != NULL);	/* text: as typed */
		CHECK(strstr(text, "  Lender or lock apps: Not sure\n") != NULL);
		CHECK(strstr(text, "  'Provided by' or 'managed' notice: skipped\n") != NULL);
		CHECK(strstr(text, "\nVERDICT\n  CAUTION\n") != NULL);
		free(text);
	}
	record_release(&r);
}

static void
test_qr_payload(void)
{
	struct record r;
	struct buf b;

	record_init(&r);
	record_add(&r, "id", "2026-11-23-VZR0PZ");
	record_add(&r, "identity.imei1", "350386301234562");
	memcpy(r.seal, SEAL, sizeof SEAL);
	buf_init_mem(&b);
	export_qr_payload(&r, &b);
	CHECK_STR(buf_str(&b), "handover-record 2026-11-23-VZR0PZ imei=350386301234562 "
	    "sha256=" SEAL);
	record_add(&r, "identity.imei2", "350386301234570");
	buf_release(&b);
	buf_init_mem(&b);
	export_qr_payload(&r, &b);
	CHECK_STR(buf_str(&b), "handover-record 2026-11-23-VZR0PZ "
	    "imei=350386301234562,350386301234570 sha256=" SEAL);
	buf_release(&b);
	record_release(&r);
}

static void
test_open_record(void)
{
	struct record r;
	char *page, *text;

	make_nasty(&r, "open");
	record_remove(&r, "verdict");
	record_remove(&r, "reason");
	page = render(&r, 1);
	text = render(&r, 0);
	CHECK(page && text);
	if (page) {
		CHECK_INT(count(page, "NOT FINISHED: this check is still open"), 2);
		CHECK(strstr(page, "class=\"status caution\"") == NULL);
		CHECK(strstr(page, "class=\"sign\"") != NULL);
	}
	if (text)
		CHECK(strstr(text, "\nVERDICT\n  NOT FINISHED: this check is still open\n") != NULL);
	free(page);
	free(text);
	record_release(&r);
}

static void
test_bad_records(void)
{
	struct export_src s = {NULL, &T, &K, &I};
	struct record r;
	struct error e;
	struct buf b;

	make_nasty(&r, "sealed");
	record_add(&r, "reason", "nospace");
	s.rec = &r;
	buf_init_mem(&b);
	CHECK_INT(export_html(&s, &b, &e), -1);
	CHECK(strstr(e.msg, "LEVEL code detail") != NULL);
	record_release(&r);

	/* answers the checklist never accepts */
	make_nasty(&r, "sealed");
	record_set(&r, "listing.country", "<b>IN</b>");
	CHECK_INT(export_html(&s, &b, &e), -1);
	CHECK(strstr(e.msg, "listing.country") != NULL);
	record_release(&r);

	make_nasty(&r, "sealed");
	record_remove(&r, "id");
	CHECK_INT(export_text(&s, &b, &e), -1);
	CHECK_STR(e.msg, "the record has no id");
	record_release(&r);

	make_nasty(&r, "sealed");
	record_add(&r, "skipped", "no.such_step");
	CHECK_INT(export_text(&s, &b, &e), -1);
	record_release(&r);
	buf_release(&b);
}

/* A write error comes back as an error, not a short page. */
static void
test_write_error(void)
{
	struct export_src s = {NULL, &T, &K, &I};
	struct record r;
	struct error e;
	struct buf b;

	make_nasty(&r, "sealed");
	s.rec = &r;
	buf_init_mem(&b);
	b.fail_after = 100;
	CHECK_INT(export_html(&s, &b, &e), -1);
	CHECK(strstr(e.msg, "cannot write") != NULL);
	buf_release(&b);
	record_release(&r);
}

/* A failed check is no bill of sale: nothing to sign. */
static void
test_failed_check(void)
{
	struct record r;
	char *page, *text;

	make_nasty(&r, "sealed");
	record_set(&r, "verdict", "STOP");
	page = render(&r, 1);
	text = render(&r, 0);
	CHECK(page && text);
	if (page) {
		CHECK(strstr(page, "Record of a failed check: do not buy this phone") != NULL);
		CHECK(strstr(page, "Bill of sale: used mobile phone") == NULL);
		CHECK(strstr(page, "class=\"sign\"") == NULL);
		CHECK(strstr(page, "nothing to sign") != NULL);
	}
	if (text)
		CHECK(strstr(text, "RECORD OF A FAILED CHECK") != NULL);
	free(page);
	free(text);
	/* a GO record with a forged verdict is shown as such */
	record_set(&r, "verdict", "GO");
	record_remove(&r, "reason");
	record_set(&r, "finance.notice", "yes");
	record_remove(&r, "skipped");
	page = render(&r, 1);
	CHECK(page != NULL);
	if (page) {
		CHECK(strstr(page, "role=\"alert\"") != NULL);
		CHECK(strstr(page, "edited and sealed again") != NULL);
		CHECK(strstr(page, "class=\"sign\"") == NULL);
	}
	free(page);
	record_release(&r);
}

int
main(void)
{
	testdata_load(&K, &I, &T);
	RUN(test_html_escapes_every_typed_field);
	RUN(test_html_self_contained);
	RUN(test_text_keeps_lines);
	RUN(test_qr_payload);
	RUN(test_open_record);
	RUN(test_bad_records);
	RUN(test_write_error);
	RUN(test_failed_check);
	words_release(&T);
	kb_release(&K);
	ident_tables_release(&I);
	return h_done();
}
