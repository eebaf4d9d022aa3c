/* SPDX-License-Identifier: MIT */
/* test_checklist: the answers-file parser, answer validation per type as
 * people type (local digits, numbers for choices, country names, dates
 * day first), when steps are asked, placeholders, and the words. */
#include <stdlib.h>
#include <string.h>

#include "check/answers.h"
#include "check/checklist.h"
#include "harness.h"
#include "testdata.h"

static struct ident_tables T;
static struct kb KB;
static struct words EN;

/* Answers step i with v (must be valid). */
static void
set(struct checklist *cl, enum cl_id i, const char *v)
{
	char out[CL_VALUE_MAX];
	struct buf msg;

	buf_init_mem(&msg);
	if (cl_validate(cl, i, v, out, &msg) < 0)
		printf("  cannot set %s = %s: %s\n", cl_steps[i].id, v, buf_str(&msg));
	else
		cl_answer(cl, i, out);
	buf_release(&msg);
}

static char msg_text[512];

/* cl_validate, with its message kept in msg_text. */
static int
validate(struct checklist *cl, enum cl_id i, const char *in, char *out)
{
	struct buf msg;
	int v;

	buf_init_mem(&msg);
	v = cl_validate(cl, i, in, out, &msg);
	snprintf(msg_text, sizeof msg_text, "%s", buf_str(&msg));
	buf_release(&msg);
	return v;
}

static void
fresh(struct checklist *cl)
{
	cl_init(cl, &KB, &T, &EN);
	strcpy(cl->today, "2026-11-27");
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
test_choices(void)
{
	struct checklist cl;
	char out[CL_VALUE_MAX];

	fresh(&cl);
	CHECK_INT(validate(&cl, STEP_LISTING_MODE, "Remote", out), 0);
	CHECK_STR(out, "remote");
	CHECK_INT(validate(&cl, STEP_LISTING_MODE, "in person", out), 0);
	CHECK_STR(out, "in-person");
	/* numbers, as the choices are shown */
	CHECK_INT(validate(&cl, STEP_LISTING_MODE, "2", out), 0);
	CHECK_STR(out, "remote");
	CHECK_INT(validate(&cl, STEP_LISTING_MODE, "\xe0\xa5\xa7", out), 0);	/* Devanagari 1 */
	CHECK_STR(out, "in-person");
	CHECK_INT(validate(&cl, STEP_LISTING_MODE, "3", out), -1);
	/* the words people use */
	CHECK_INT(validate(&cl, STEP_IDENTITY_SETTINGS_MATCH, "Y", out), 0);
	CHECK_STR(out, "yes");
	CHECK_INT(validate(&cl, STEP_IDENTITY_SETTINGS_MATCH, "yes please", out), 0);
	CHECK_STR(out, "yes");
	CHECK_INT(validate(&cl, STEP_IDENTITY_SETTINGS_MATCH, "Nope!", out), 0);
	CHECK_STR(out, "no");
	CHECK_INT(validate(&cl, STEP_IDENTITY_SETTINGS_MATCH, "not sure", out), 0);
	CHECK_STR(out, "unsure");
	CHECK_INT(validate(&cl, STEP_IDENTITY_SETTINGS_MATCH, "purple", out), -1);
	CHECK(strstr(msg_text, "1 Yes, 2 No, 3 Not sure") != NULL);
	CHECK_INT(validate(&cl, STEP_PROOF_PAYMENT, "EMI", out), 0);
	CHECK_STR(out, "instalments");
	/* a choice's own label, and plain names for the closure letter */
	CHECK_INT(validate(&cl, STEP_FINANCE_CLOSURE, "No letter", out), 0);
	CHECK_STR(out, "no");
	CHECK_INT(validate(&cl, STEP_FINANCE_CLOSURE, "names-imei", out), 0);
	CHECK_STR(out, "names-imei");
	/* *#06# showing nothing */
	CHECK_INT(validate(&cl, STEP_IDENTITY_DIAL, "null", out), 0);
	CHECK_STR(out, "nothing");
	CHECK_INT(validate(&cl, STEP_IDENTITY_DIAL, "0", out), 0);
	CHECK_STR(out, "nothing");
}

static void
test_validate_types(void)
{
	struct checklist cl;
	char out[CL_VALUE_MAX];

	fresh(&cl);
	CHECK_INT(validate(&cl, STEP_LISTING_COUNTRY, "ke", out), 0);
	CHECK_STR(out, "KE");
	CHECK_INT(validate(&cl, STEP_LISTING_COUNTRY, "ZZ", out), 1);	/* no data yet */
	CHECK_INT(validate(&cl, STEP_LISTING_COUNTRY, "India", out), 0);
	CHECK_STR(out, "IN");
	CHECK_INT(validate(&cl, STEP_LISTING_COUNTRY, "philippines", out), 0);
	CHECK_STR(out, "PH");
	CHECK_INT(validate(&cl, STEP_LISTING_COUNTRY, "Narnia", out), -1);
	/* dates: ISO, day first, month first only where unambiguous; never
	 * after today */
	CHECK_INT(validate(&cl, STEP_PROOF_DATE, "2024-02-29", out), 0);
	CHECK_INT(validate(&cl, STEP_PROOF_DATE, "2023-02-29", out), -1);
	CHECK_INT(validate(&cl, STEP_PROOF_DATE, "14/03/2026", out), 0);
	CHECK_STR(out, "2026-03-14");
	CHECK(strstr(msg_text, "2026-03-14") != NULL);
	CHECK_INT(validate(&cl, STEP_PROOF_DATE, "03/04/2025", out), 0);
	CHECK_STR(out, "2025-04-03");
	CHECK_INT(validate(&cl, STEP_PROOF_DATE, "\xe0\xa5\xa7\xe0\xa5\xaa.03.2026", out), 0);
	CHECK_STR(out, "2026-03-14");
	CHECK_INT(validate(&cl, STEP_PROOF_DATE, "2027-01-01", out), -1);
	CHECK(strstr(msg_text, "after today") != NULL);
	CHECK_INT(validate(&cl, STEP_PROOF_DATE, "yesterday", out), -1);
	/* amounts: local digits in ASCII, no sign, not a date */
	CHECK_INT(validate(&cl, STEP_LISTING_PRICE, "Rs. 12,000", out), 0);
	CHECK_INT(validate(&cl, STEP_LISTING_PRICE,
	    "\xe2\x82\xb9 \xe0\xa5\xaa\xe0\xa5\xab,\xe0\xa5\xa6\xe0\xa5\xa6\xe0\xa5\xa6", out), 0);
	CHECK_STR(out, "\xe2\x82\xb9 45,000");
	CHECK_INT(validate(&cl, STEP_LISTING_PRICE, "-5000", out), -1);
	CHECK(strstr(msg_text, "negative") != NULL);
	CHECK_INT(validate(&cl, STEP_LISTING_PRICE, "2026-01-01", out), -1);
	CHECK(strstr(msg_text, "date") != NULL);
	CHECK_INT(validate(&cl, STEP_LISTING_PRICE, "cheap", out), -1);
	/* the ID document: 4 characters, never more */
	CHECK_INT(validate(&cl, STEP_SELLER_ID_LAST4, "7k2q", out), 0);
	CHECK_STR(out, "7K2Q");
	CHECK_INT(validate(&cl, STEP_SELLER_ID_LAST4, "\xe0\xa5\xa7\xe0\xa5\xa8\xe0\xa5\xa9\xe0\xa5\xaa",
	    out), 0);
	CHECK_STR(out, "1234");
	CHECK_INT(validate(&cl, STEP_SELLER_ID_LAST4, "1234 5678 9012", out), -1);
	CHECK(strstr(msg_text, "never keeps") != NULL);
	CHECK_STR(out, "");
	CHECK_INT(validate(&cl, STEP_SELLER_ID_LAST4, "12", out), -1);
	/* text: one line, no controls (C0 or C1) */
	CHECK_INT(validate(&cl, STEP_SELLER_NAME, "Asha\x01", out), -1);
	CHECK_INT(validate(&cl, STEP_SELLER_NAME, "Asha \xc2\x9b" "2J", out), -1);
	CHECK_INT(validate(&cl, STEP_SELLER_NAME, "  Asha Rao ", out), 0);
	CHECK_STR(out, "Asha Rao");
	/* files: quotes as pasted */
	CHECK_INT(validate(&cl, STEP_PROOF_FILES, "'/tmp/my photo.jpg'", out), 0);
	CHECK_STR(out, "/tmp/my photo.jpg");
	CHECK_INT(validate(&cl, STEP_IDENTITY_EID, "NONE", out), 0);
	CHECK_STR(out, "none");
	CHECK_INT(validate(&cl, STEP_IDENTITY_EID, "354178036859789", out), -1);
	CHECK_INT(validate(&cl, STEP_IDENTITY_EID, "89049032123451234512345678901235", out), 0);
}

static void
test_validate_imei(void)
{
	struct checklist cl;
	char out[CL_VALUE_MAX];

	fresh(&cl);
	CHECK_INT(validate(&cl, STEP_IDENTITY_IMEI1, "IMEI: 35 417803 685978 9", out), 0);
	CHECK_STR(out, "354178036859789");
	CHECK(strstr(msg_text, "354178036859789 is valid") != NULL);
	/* what the phone shows, even if invalid: accepted, with the engine's words */
	CHECK_INT(validate(&cl, STEP_IDENTITY_IMEI1, "354178036859788", out), 1);
	CHECK(strstr(msg_text, "need 9") != NULL);
	CHECK(strstr(msg_text, "bad_check_digit") == NULL);
	CHECK_INT(validate(&cl, STEP_IDENTITY_IMEI1, "000000000000000", out), 1);
	CHECK_INT(validate(&cl, STEP_IDENTITY_IMEI1, "3.54178E+14", out), -1);
	CHECK_INT(validate(&cl, STEP_IDENTITY_IMEI1, "354178036859789 354178036859797", out), -1);
	CHECK_INT(validate(&cl, STEP_IDENTITY_IMEI1, "89049032123451234512345678901235", out), -1);
	CHECK(strstr(msg_text, "not an IMEI") != NULL);
	CHECK_INT(validate(&cl, STEP_IDENTITY_IMEI1, "", out), -1);
}

static void
test_asked(void)
{
	struct checklist cl;

	fresh(&cl);
	CHECK(!cl_is_asked(&cl, STEP_LISTING_CHALLENGE));
	set(&cl, STEP_LISTING_MODE, "remote");
	CHECK(cl_is_asked(&cl, STEP_LISTING_CHALLENGE));
	CHECK(cl_is_asked(&cl, STEP_LISTING_PAYMENT));
	CHECK(!cl_is_asked(&cl, STEP_FINANCE_KNOX));
	set(&cl, STEP_LISTING_BRAND, "Galaxy");
	CHECK(cl_is_asked(&cl, STEP_FINANCE_KNOX));
	CHECK(!cl_is_asked(&cl, STEP_FINANCE_CLOSURE));
	set(&cl, STEP_FINANCE_DISCLOSED, "paid off");
	CHECK(cl_is_asked(&cl, STEP_FINANCE_CLOSURE));
	CHECK(!cl_is_asked(&cl, STEP_IDENTITY_TAC_MODEL));
	strcpy(cl.tac_brand, "Samsung");
	CHECK(cl_is_asked(&cl, STEP_IDENTITY_TAC_MODEL));
	/* setup is asked only after a reset */
	CHECK(!cl_is_asked(&cl, STEP_ACCOUNTS_SETUP_LOCK));
	set(&cl, STEP_ACCOUNTS_RESET, "yes");
	CHECK(cl_is_asked(&cl, STEP_ACCOUNTS_SETUP_LOCK));
	set(&cl, STEP_ACCOUNTS_RESET, "refused");
	CHECK(!cl_is_asked(&cl, STEP_ACCOUNTS_RECHECK));
	/* nothing on *#06#: no IMEI to type or compare */
	set(&cl, STEP_IDENTITY_DIAL, "nothing");
	CHECK(!cl_is_asked(&cl, STEP_IDENTITY_IMEI1));
	CHECK(!cl_is_asked(&cl, STEP_IDENTITY_SETTINGS_MATCH));
	CHECK(!cl_is_asked(&cl, STEP_REGISTRY_RESULT));
	/* the registry's replies, where handover knows them */
	fresh(&cl);
	set(&cl, STEP_LISTING_COUNTRY, "IN");
	CHECK(cl_is_asked(&cl, STEP_REGISTRY_REPLY));
	CHECK(!cl_is_asked(&cl, STEP_REGISTRY_RESULT));
	set(&cl, STEP_REGISTRY_REPLY, "valid");
	CHECK(!cl_is_asked(&cl, STEP_REGISTRY_RESULT));
	CHECK(cl_is_asked(&cl, STEP_REGISTRY_MODEL_MATCH));
	set(&cl, STEP_REGISTRY_REPLY, "other");
	CHECK(cl_is_asked(&cl, STEP_REGISTRY_RESULT));
	/* the next open step skips what is not asked */
	fresh(&cl);
	CHECK_INT(cl_next_open(&cl, 0), STEP_LISTING_COUNTRY);
	set(&cl, STEP_LISTING_MODE, "remote");
	CHECK_INT(cl_prev(&cl, STEP_IDENTITY_DIAL), STEP_LISTING_PAYMENT);
	/* an older version's step id reads as today's */
	{
		const char *v;
		CHECK_INT(cl_find("accounts.setup_clean"), STEP_ACCOUNTS_SETUP_LOCK);
		CHECK_INT(cl_alias("accounts.setup_clean", "yes", &v), STEP_ACCOUNTS_SETUP_LOCK);
		CHECK_STR(v, "no");
		CHECK_INT(cl_alias("accounts.setup_lock", "yes", &v), -1);
	}
}

static char *
render(const struct checklist *cl, const char *tmpl)
{
	static char out[4096];
	struct buf b;

	buf_init_mem(&b);
	cl_render(cl, tmpl, NULL, &b);
	snprintf(out, sizeof out, "%s", buf_str(&b));
	buf_release(&b);
	return out;
}

static void
test_render(void)
{
	struct checklist cl;
	const char *s;

	fresh(&cl);
	set(&cl, STEP_LISTING_COUNTRY, "IN");
	set(&cl, STEP_LISTING_BRAND, "Redmi");
	s = render(&cl, "{registry}|{imei_path}|{unknown}|{brand}|{country}");
	CHECK(strstr(s, "KYM") != NULL);
	CHECK(strstr(s, "Settings > About phone") != NULL);
	CHECK(strstr(s, "|{unknown}|Redmi|India") != NULL);
	/* the lenders' locks of the buyer's country */
	fresh(&cl);
	set(&cl, STEP_LISTING_COUNTRY, "KE");
	CHECK(strstr(render(&cl, "{country_locks}"), "M-KOPA") != NULL);
	/* a country with no public check says so, and asks what can be asked */
	fresh(&cl);
	set(&cl, STEP_LISTING_COUNTRY, "PH");
	CHECK(strstr(render(&cl, "{registry}"), "no public IMEI check in Philippines") != NULL);
	s = render(&cl, cl_step_words(&cl, STEP_REGISTRY_RESULT, "question"));
	CHECK(strstr(s, "What did it say") == NULL);
	CHECK(strstr(s, "no public IMEI check") != NULL);
	/* two checks are named one by one, never run into one sentence */
	fresh(&cl);
	set(&cl, STEP_LISTING_COUNTRY, "US");
	s = render(&cl, "{registry_meaning}");
	CHECK(strstr(s, "CTIA Stolen Phone Checker: ") != NULL);
	CHECK(strstr(s, "(AT&T): ") != NULL);
	/* an iPhone never gets Android's device-admin path, nor questions */
	fresh(&cl);
	set(&cl, STEP_LISTING_BRAND, "iPhone");
	s = render(&cl, "{admin_apps_path} {account_lock}");
	CHECK(strstr(s, "Device admin apps") == NULL);
	CHECK(strstr(s, "Activation Lock") != NULL);
	CHECK(strstr(cl_step_words(&cl, STEP_FINANCE_APPS, "question"),
	    "VPN & Device Management") != NULL);
	/* the fallback sentence never twice in one help */
	fresh(&cl);
	set(&cl, STEP_LISTING_BRAND, "Tecno");
	s = render(&cl, cl_step_words(&cl, STEP_ACCOUNTS_REMOVED, "help"));
	CHECK(strstr(s, "use the search at the top of Settings") == NULL);
	/* the declaration read to the seller is the one printed */
	s = render(&cl, cl_step_words(&cl, STEP_SELLER_DECLARATION, "question"));
	CHECK(strstr(s, words_get(&EN, "declaration.1")) != NULL);
	CHECK(strstr(s, words_get(&EN, "declaration.5")) != NULL);
}

/* Every step's words, in every variant context, render with no stray
 * placeholder. */
static void
test_render_every_step(void)
{
	static const char *const brands[] = {"Redmi", "iPhone", "Samsung", "Tecno", NULL};
	static const char *const countries[] = {"IN", "PH", "US", "KE", "JP", "ZZ", NULL};
	struct checklist cl;
	size_t b, c, i, bad = 0;

	for (b = 0; brands[b]; b++)
		for (c = 0; countries[c]; c++) {
			fresh(&cl);
			set(&cl, STEP_LISTING_BRAND, brands[b]);
			set(&cl, STEP_LISTING_COUNTRY, countries[c]);
			set(&cl, STEP_LISTING_MODE, c % 2 ? "remote" : "in-person");
			for (i = 0; i < CL_NSTEPS; i++) {
				const char *q = render(&cl, cl_step_words(&cl, (enum cl_id)i, "question"));
				const char *h;
				if (strchr(q, '{') && bad++ < 5)
					printf("  %s %s %s: %s\n", brands[b], countries[c], cl_steps[i].id, q);
				h = render(&cl, cl_step_words(&cl, (enum cl_id)i, "help"));
				if (strchr(h, '{') && bad++ < 5)
					printf("  %s %s %s help: %s\n", brands[b], countries[c],
					    cl_steps[i].id, h);
			}
		}
	CHECK_INT(bad, 0);
}

static void
test_words(void)
{
	struct words w, hi;
	struct error e;
	char ph[256];
	static const char bad_dup[] = "key\ttext\na\tx\na\ty\n";
	static const char hi_words[] = "key\ttext\nchoice.yes\t\xe0\xa4\xb9\xe0\xa4\xbe\xe0\xa4\x81\n"
	    "answer.yes\thaan; han; ji\n";

	CHECK_INT(cl_words_check(&EN, &e), 0);
	CHECK_INT(words_load(&w, "xx", bad_dup, sizeof bad_dup - 1, NULL, &e), -1);
	CHECK(strstr(e.msg, "twice") != NULL);
	CHECK_INT(words_load(&w, "xx", "key\ttext\nstep.x.label\tX\n",
	    strlen("key\ttext\nstep.x.label\tX\n"), NULL, &e), 0);
	CHECK_INT(cl_words_check(&w, &e), -1);
	CHECK(strstr(e.msg, "words-xx.tsv: no 'step.listing.country.label'") != NULL);
	words_release(&w);
	/* a language in front of English: its own words, English for the rest */
	CHECK_INT(words_load(&hi, "hi", hi_words, sizeof hi_words - 1, &EN, &e), 0);
	CHECK_STR(words_get(&hi, "choice.yes"), "\xe0\xa4\xb9\xe0\xa4\xbe\xe0\xa4\x81");
	CHECK_STR(words_get(&hi, "choice.no"), "No");
	CHECK(words_own(&hi, "choice.no") == NULL);
	{
		struct checklist cl;
		char out[CL_VALUE_MAX];
		cl_init(&cl, &KB, &T, &hi);
		CHECK_INT(validate(&cl, STEP_IDENTITY_SETTINGS_MATCH, "Haan", out), 0);
		CHECK_STR(out, "yes");
		CHECK_INT(validate(&cl, STEP_IDENTITY_SETTINGS_MATCH, "yes", out), 0);
	}
	words_release(&hi);
	/* a language's own sentences come before the knowledge base's
	 * English: where the model number is, and the country's check */
	{
		static const char xx[] = "key\ttext\npath.model@apple\tXX-APPLE\n"
		    "registry.IN.1.how\tXX-KYM\nregistry.PH.1.instead\tXX-PH\n";
		struct checklist cl;
		CHECK_INT(words_load(&hi, "hi", xx, sizeof xx - 1, &EN, &e), 0);
		cl_init(&cl, &KB, &T, &hi);
		set(&cl, STEP_LISTING_BRAND, "Apple");
		set(&cl, STEP_LISTING_COUNTRY, "IN");
		CHECK_STR(render(&cl, "{model_path}|{registry_how}"), "XX-APPLE|XX-KYM");
		set(&cl, STEP_LISTING_COUNTRY, "PH");
		CHECK(strstr(render(&cl, "{registry_instead}"), "XX-PH") != NULL);
		/* in English the brand's sourced path stands */
		cl_init(&cl, &KB, &T, &EN);
		set(&cl, STEP_LISTING_BRAND, "Apple");
		CHECK(strncmp(render(&cl, "{model_path}"), "Settings > ", 11) == 0);
		words_release(&hi);
	}
	words_placeholders("a {x} b {y} {x}", ph, sizeof ph);
	CHECK_STR(ph, "{x};{y}");
}

int
main(void)
{
	testdata_load(&KB, &T, &EN);
	RUN(test_answers_file);
	RUN(test_choices);
	RUN(test_validate_types);
	RUN(test_validate_imei);
	RUN(test_asked);
	RUN(test_render);
	RUN(test_render_every_step);
	RUN(test_words);
	words_release(&EN);
	kb_release(&KB);
	ident_tables_release(&T);
	return h_done();
}
