/* SPDX-License-Identifier: MIT */
/* test_checklist: the answers-file parser, answer validation per type,
 * placeholders, when steps are asked, and every verdict rule. */
#include <stdlib.h>
#include <string.h>

#include "check/answers.h"
#include "kb/blob.h"
#include "check/checklist.h"
#include "harness.h"

static struct ident_tables T;
static struct kb KB;
static struct cl_texts X;

static void
load(void)
{
	const struct blob *rb = blob_find("reporting-bodies.tsv");
	const struct blob *ph = blob_find("imei-placeholders.tsv");
	const struct blob *cs = blob_find("checklist.tsv");
	const struct blob *vd = blob_find("verdict.tsv");
	struct error e;

	if (ident_tables_load(&T, rb->data, rb->len, ph->data, ph->len, &e) != 0 ||
	    kb_load(&KB, blob_get, NULL, &e) != 0 ||
	    cl_texts_load(&X, cs->data, cs->len, vd->data, vd->len, &e) != 0) {
		printf("cannot load data: %s\n", e.msg);
		exit(1);
	}
}

/* Answers step id with v (must be valid). */
static void
set(struct checklist *cl, const char *id, const char *v)
{
	char out[CL_VALUE_MAX], msg[320];
	int i = cl_find(id);

	if (i < 0 || cl_validate(cl, (size_t)i, v, out, msg, sizeof msg) < 0) {
		printf("  cannot set %s = %s: %s\n", id, v, msg);
		return;
	}
	cl_answer(cl, (size_t)i, out);
}

static int
validate(struct checklist *cl, const char *id, const char *in, char *out, char *msg)
{
	return cl_validate(cl, (size_t)cl_find(id), in, out, msg, 320);
}

static void
test_answers_file(void)
{
	static struct answers a;
	struct error e;
	const char ok[] = "\xef\xbb\xbf# comment\n\nlisting.country = IN\r\n  proof.files=a b.jpg  \n"
	    "proof.files = done\n";

	CHECK_INT(answers_parse(&a, ok, sizeof ok - 1, &e), 0);
	CHECK_INT(a.n, 3);
	CHECK_STR(a.a[0].id, "listing.country");
	CHECK_STR(a.a[0].value, "IN");
	CHECK_INT(a.a[0].line, 3);
	CHECK_STR(a.a[1].value, "a b.jpg");
	CHECK_INT(answers_parse(&a, "x = 1\nno equals here\n", 21, &e), -1);
	CHECK_INT(e.line, 2);
	CHECK(strstr(e.msg, "step.id = answer") != NULL);
	CHECK_INT(answers_parse(&a, " = 1\n", 5, &e), -1);
	CHECK_INT(answers_parse(&a, "Listing.Country = IN\n", 21, &e), -1);
	CHECK_INT(answers_parse(&a, "a = \xff\n", 6, &e), -1);
	CHECK(strstr(e.msg, "UTF-8") != NULL);
}

static void
test_validate_types(void)
{
	struct checklist cl;
	char out[CL_VALUE_MAX], msg[320];

	cl_init(&cl, &KB, &T);
	CHECK_INT(validate(&cl, "listing.mode", "Remote", out, msg), 0);
	CHECK_STR(out, "remote");
	CHECK_INT(validate(&cl, "listing.mode", "in person", out, msg), 0);
	CHECK_STR(out, "in-person");
	CHECK_INT(validate(&cl, "identity.settings_match", "Y", out, msg), 0);
	CHECK_STR(out, "yes");
	CHECK_INT(validate(&cl, "identity.settings_match", "not sure", out, msg), 0);
	CHECK_STR(out, "unsure");
	CHECK_INT(validate(&cl, "identity.settings_match", "maybe", out, msg), -1);
	CHECK_STR(msg, "type one of: yes, no, unsure");
	CHECK_INT(validate(&cl, "proof.payment", "EMI", out, msg), 0);
	CHECK_STR(out, "instalments");
	CHECK_INT(validate(&cl, "listing.country", "ke", out, msg), 0);
	CHECK_STR(out, "KE");
	CHECK_INT(validate(&cl, "listing.country", "ZZ", out, msg), 1);	/* no data yet */
	CHECK_INT(validate(&cl, "listing.country", "India", out, msg), -1);
	CHECK_INT(validate(&cl, "proof.date", "2024-02-29", out, msg), 0);
	CHECK_INT(validate(&cl, "proof.date", "2023-02-29", out, msg), -1);
	CHECK_INT(validate(&cl, "proof.date", "14/03/2026", out, msg), -1);
	CHECK(strstr(msg, "YYYY-MM-DD") != NULL);
	CHECK_INT(validate(&cl, "listing.price", "Rs. 12,000", out, msg), 0);
	CHECK_INT(validate(&cl, "listing.price", "cheap", out, msg), -1);
	CHECK_INT(validate(&cl, "seller.id_last4", "7k2q", out, msg), 0);
	CHECK_INT(validate(&cl, "seller.id_last4", "1234 5678 9012", out, msg), -1);
	CHECK(strstr(msg, "never keeps") != NULL);
	CHECK_INT(validate(&cl, "seller.id_last4", "12", out, msg), -1);
	CHECK_INT(validate(&cl, "seller.name", "Asha\x01", out, msg), -1);
	CHECK_INT(validate(&cl, "seller.name", "  Asha Rao ", out, msg), 0);
	CHECK_STR(out, "Asha Rao");
	CHECK_INT(validate(&cl, "identity.eid", "NONE", out, msg), 0);
	CHECK_STR(out, "none");
	CHECK_INT(validate(&cl, "identity.eid", "354178036859789", out, msg), -1);
	CHECK_INT(validate(&cl, "identity.eid", "89049032123451234512345678901235", out, msg), 0);
}

static void
test_validate_imei(void)
{
	struct checklist cl;
	char out[CL_VALUE_MAX], msg[320];

	cl_init(&cl, &KB, &T);
	CHECK_INT(validate(&cl, "identity.imei1", "IMEI: 35 417803 685978 9", out, msg), 0);
	CHECK_STR(out, "354178036859789");
	/* what the phone shows, even if invalid: accepted with the engine's word */
	CHECK_INT(validate(&cl, "identity.imei1", "354178036859788", out, msg), 1);
	CHECK(strstr(msg, "bad_check_digit") != NULL);
	CHECK_INT(validate(&cl, "identity.imei1", "000000000000000", out, msg), 1);
	CHECK(strstr(msg, "placeholder") != NULL);
	CHECK_INT(validate(&cl, "identity.imei1", "3.54178E+14", out, msg), -1);
	CHECK_INT(validate(&cl, "identity.imei1", "354178036859789 354178036859797", out, msg), -1);
	CHECK_INT(validate(&cl, "identity.imei1", "89049032123451234512345678901235", out, msg), -1);
	CHECK(strstr(msg, "not an IMEI") != NULL);
	CHECK_INT(validate(&cl, "identity.imei1", "", out, msg), -1);
}

static void
test_asked(void)
{
	struct checklist cl;

	cl_init(&cl, &KB, &T);
	CHECK(!cl_is_asked(&cl, (size_t)cl_find("listing.challenge")));
	set(&cl, "listing.mode", "remote");
	CHECK(cl_is_asked(&cl, (size_t)cl_find("listing.challenge")));
	CHECK(!cl_is_asked(&cl, (size_t)cl_find("finance.knox")));
	set(&cl, "listing.brand", "Galaxy");
	CHECK(cl_is_asked(&cl, (size_t)cl_find("finance.knox")));
	CHECK(!cl_is_asked(&cl, (size_t)cl_find("finance.closure")));
	set(&cl, "finance.disclosed", "paid off");
	CHECK(cl_is_asked(&cl, (size_t)cl_find("finance.closure")));
	CHECK(!cl_is_asked(&cl, (size_t)cl_find("identity.tac_model")));
	strcpy(cl.tac_brand, "Samsung");
	CHECK(cl_is_asked(&cl, (size_t)cl_find("identity.tac_model")));
	/* the next open step skips what is not asked */
	CHECK_INT(cl_next_open(&cl, 0), cl_find("listing.country"));
	CHECK_INT(cl_prev(&cl, (size_t)cl_find("identity.dial")), cl_find("listing.challenge"));
}

static void
test_render(void)
{
	struct checklist cl;
	struct buf b;

	cl_init(&cl, &KB, &T);
	set(&cl, "listing.country", "IN");
	set(&cl, "listing.brand", "Redmi");
	buf_init_mem(&b);
	cl_render(&cl, "{registry}|{imei_path}|{unknown}|{brand}", &b);
	CHECK(strstr(buf_str(&b), "CEIR") != NULL || strstr(buf_str(&b), "KYM") != NULL);
	CHECK(strstr(buf_str(&b), "Settings > About phone") != NULL);
	CHECK(strstr(buf_str(&b), "|{unknown}|Redmi") != NULL);
	buf_release(&b);
	/* the lenders' locks of the buyer's country */
	cl_init(&cl, &KB, &T);
	set(&cl, "listing.country", "KE");
	buf_init_mem(&b);
	cl_render(&cl, "{country_locks}", &b);
	CHECK(strstr(buf_str(&b), "M-KOPA") != NULL);
	CHECK(strstr(buf_str(&b), "handover info KE") != NULL);
	buf_release(&b);
	/* a country with no public check says so */
	cl_init(&cl, &KB, &T);
	set(&cl, "listing.country", "PH");
	buf_init_mem(&b);
	cl_render(&cl, "{registry}", &b);
	CHECK(strstr(buf_str(&b), "no public IMEI check") != NULL);
	buf_release(&b);
	/* an iPhone never gets Android's device-admin path */
	cl_init(&cl, &KB, &T);
	set(&cl, "listing.brand", "iPhone");
	buf_init_mem(&b);
	cl_render(&cl, "{admin_apps_path} {account_lock}", &b);
	CHECK(strstr(buf_str(&b), "Device admin apps") == NULL);
	CHECK(strstr(buf_str(&b), "Activation Lock") != NULL);
	buf_release(&b);
	/* every step's words render without a stray placeholder */
	{
		size_t i;
		cl_init(&cl, &KB, &T);
		for (i = 0; i < cl_nsteps; i++) {
			const struct cl_text *t = cl_text_step(&X, cl_steps[i].id);
			buf_init_mem(&b);
			cl_render(&cl, t->a, &b);
			cl_render(&cl, t->b, &b);
			if (strchr(buf_str(&b), '{'))
				printf("  %s: %s\n", cl_steps[i].id, buf_str(&b));
			CHECK(strchr(buf_str(&b), '{') == NULL);
			buf_release(&b);
		}
	}
}

/* The reason codes of the verdict, space-separated, in order. */
static enum cl_level
verdict(const struct checklist *cl, char *codes, size_t cap)
{
	struct cl_reason r[CL_MAX_REASONS];
	size_t n, i;
	enum cl_level l = cl_verdict(cl, r, CL_MAX_REASONS, &n);

	codes[0] = '\0';
	for (i = 0; i < n; i++) {
		strncat(codes, r[i].code, cap - strlen(codes) - 2);
		strcat(codes, " ");
	}
	return l;
}

static void
test_rules(void)
{
	static const struct {
		const char *id, *value, *code;
		enum cl_level level;
	} cases[] = {
		{"identity.dial", "refused", "dial_refused", CL_STOP},
		{"identity.imei1", "354178036859788", "invalid_imei", CL_STOP},
		{"identity.settings_match", "no", "imei_settings_differ", CL_STOP},
		{"registry.result", "blocked", "registry_blocked", CL_STOP},
		{"finance.disclosed", "still-paying", "still_financed", CL_STOP},
		{"finance.apps", "yes", "lender_app", CL_STOP},
		{"accounts.recheck", "yes", "lender_app", CL_STOP},
		{"finance.notice", "yes", "lender_notice", CL_STOP},
		{"finance.reminders", "yes", "lender_notice", CL_STOP},
		{"accounts.setup_clean", "no", "account_lock", CL_STOP},
		{"accounts.reset", "refused", "reset_refused", CL_STOP},
		{"finance.disclosed", "refused", "financing_unclear", CL_STOP},
		{"seller.declaration", "refused", "declaration_refused", CL_STOP},
		{"identity.box_match", "no", "box_imei_differs", CL_CAUTION},
		{"identity.tray_match", "no", "tray_imei_differs", CL_CAUTION},
		{"proof.kind", "none", "no_proof", CL_CAUTION},
		{"registry.result", "unsure", "registry_unchecked", CL_CAUTION},
		{"finance.apps", "unsure", "not_checked", CL_CAUTION},
	};
	struct checklist cl;
	char codes[1024];
	size_t i;

	cl_init(&cl, &KB, &T);
	CHECK_INT(verdict(&cl, codes, sizeof codes), CL_GO);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		enum cl_level l;
		cl_init(&cl, &KB, &T);
		set(&cl, cases[i].id, cases[i].value);
		l = verdict(&cl, codes, sizeof codes);
		if (l != cases[i].level || !strstr(codes, cases[i].code))
			printf("  %s = %s gave %s%s\n", cases[i].id, cases[i].value,
			    cl_level_name(l), codes);
		CHECK_INT(l, cases[i].level);
		CHECK(strstr(codes, cases[i].code) != NULL);
	}
	/* financing: paid off needs the closure letter, not before it is asked */
	cl_init(&cl, &KB, &T);
	set(&cl, "finance.disclosed", "paid-off");
	CHECK_INT(verdict(&cl, codes, sizeof codes), CL_GO);
	set(&cl, "finance.closure", "no");
	CHECK_INT(verdict(&cl, codes, sizeof codes), CL_STOP);
	CHECK(strstr(codes, "financed_no_closure") != NULL);
	set(&cl, "finance.closure", "no-imei");
	CHECK_INT(verdict(&cl, codes, sizeof codes), CL_CAUTION);
	CHECK_STR(codes, "closure_without_imei ");
	/* an instalment invoice the seller did not disclose */
	cl_init(&cl, &KB, &T);
	set(&cl, "finance.disclosed", "never");
	set(&cl, "proof.kind", "invoice");
	set(&cl, "proof.payment", "instalments");
	CHECK_INT(verdict(&cl, codes, sizeof codes), CL_STOP);
	CHECK_STR(codes, "undisclosed_financing ");
	/* the same IMEI on both SIM slots */
	cl_init(&cl, &KB, &T);
	set(&cl, "identity.imei1", "354178036859789");
	set(&cl, "identity.dual_sim", "yes");
	set(&cl, "identity.imei2", "354178036859789");
	CHECK_INT(verdict(&cl, codes, sizeof codes), CL_STOP);
	CHECK_STR(codes, "imei_slots_same ");
	/* Knox Guard on a Samsung */
	cl_init(&cl, &KB, &T);
	set(&cl, "listing.brand", "Samsung");
	set(&cl, "finance.knox", "prenormal");
	CHECK_INT(verdict(&cl, codes, sizeof codes), CL_CAUTION);
	set(&cl, "finance.knox", "active");
	CHECK_INT(verdict(&cl, codes, sizeof codes), CL_STOP);
	/* the TAC names another brand than the listing */
	cl_init(&cl, &KB, &T);
	set(&cl, "listing.brand", "iPhone");
	strcpy(cl.tac_brand, "Samsung");
	strcpy(cl.tac_model, "SM-A700FQ");
	CHECK_INT(verdict(&cl, codes, sizeof codes), CL_CAUTION);
	CHECK_STR(codes, "tac_mismatch ");
	/* remote without the photo; a skipped step is never a yes */
	cl_init(&cl, &KB, &T);
	set(&cl, "listing.mode", "remote");
	CHECK_INT(verdict(&cl, codes, sizeof codes), CL_CAUTION);
	cl_skip(&cl, (size_t)cl_find("listing.challenge"));
	CHECK(strstr(codes, "remote_no_challenge") != NULL);
	cl_skip(&cl, (size_t)cl_find("accounts.setup_clean"));
	verdict(&cl, codes, sizeof codes);
	CHECK(strstr(codes, "not_checked") != NULL);
	/* STOP reasons come first */
	set(&cl, "identity.settings_match", "no");
	verdict(&cl, codes, sizeof codes);
	CHECK(strncmp(codes, "imei_settings_differ ", 21) == 0);
}

static void
test_texts(void)
{
	size_t i;

	for (i = 0; cl_reason_codes[i]; i++)
		CHECK(cl_text_reason(&X, cl_reason_codes[i]) != NULL);
	for (i = 0; i < cl_nsteps; i++) {
		const struct cl_text *t = cl_text_step(&X, cl_steps[i].id);
		CHECK(t != NULL && t->label[0] && t->a[0] && t->b[0]);
	}
	{
		struct cl_texts bad;
		struct error e;
		const char steps[] = "id\tlabel\tquestion\thelp\nlisting.country\tC\tQ\tH\n";
		const struct blob *vd = blob_find("verdict.tsv");
		CHECK_INT(cl_texts_load(&bad, steps, sizeof steps - 1, vd->data, vd->len, &e), -1);
		CHECK(strstr(e.msg, "no words for step") != NULL);
	}
}

int
main(void)
{
	load();
	RUN(test_answers_file);
	RUN(test_validate_types);
	RUN(test_validate_imei);
	RUN(test_asked);
	RUN(test_render);
	RUN(test_rules);
	RUN(test_texts);
	cl_texts_release(&X);
	kb_release(&KB);
	ident_tables_release(&T);
	return h_done();
}
