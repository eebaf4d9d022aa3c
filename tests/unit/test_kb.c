/* SPDX-License-Identifier: MIT */
/* test_kb: the knowledge base over the embedded data (every table loads,
 * lookups by country, brand, package), and over small synthetic tables
 * for the error paths (missing column, wrong field count, bad weight). */
#include <stdlib.h>
#include <string.h>

#include "kb/blob.h"
#include "harness.h"
#include "kb/kb.h"

static struct kb K;

/* Synthetic tables: the embedded data, with one file replaced. */
struct fake {
	const char *name;	/* the file to replace */
	const char *text;	/* its contents, or NULL for "missing" */
};

static int
get_fake(void *ctx, const char *name, const char **data, size_t *len)
{
	const struct fake *f = ctx;

	if (strcmp(name, f->name) == 0) {
		if (!f->text)
			return -1;
		*data = f->text;
		*len = strlen(f->text);
		return 0;
	}
	return blob_get(NULL, name, data, len);
}

static void
test_load_embedded(void)
{
	struct error e;
	size_t i;

	memset(&e, 0, sizeof e);
	CHECK_INT(kb_load(&K, blob_get, NULL, &e), 0);
	if (e.msg[0])
		printf("  %s\n", e.msg);
	CHECK(K.nchecks >= 17);
	CHECK(K.nsystems >= 10);
	CHECK(K.napps >= 2);
	CHECK(K.nlenders >= 10);
	CHECK(K.nphrases >= 100);
	CHECK(K.nbrands >= 10);
	/* file order: the first row of each table */
	CHECK_STR(K.checks[0].code, "IN");
	CHECK_STR(K.systems[0].id, "google_dlc");
	CHECK_STR(K.lenders[0].name, "PayJoy");
	CHECK_STR(K.brands[0].brand, "android");
	for (i = 0; i < K.nphrases; i++)
		CHECK(K.phrases[i].weight >= 1 && K.phrases[i].weight <= 3);
	for (i = 0; i < K.nchecks; i++) {
		CHECK(strncmp(K.checks[i].fact.source, "http", 4) == 0);
		CHECK(strlen(K.checks[i].fact.checked) == 10);
	}
}

static void
test_country_checks(void)
{
	const struct kb_check *c;
	size_t n;

	c = kb_country_checks(&K, "IN", &n);
	CHECK(c != NULL);
	CHECK_INT(n, 1);
	if (c) {
		CHECK_STR(c->name, "India");
		CHECK(strstr(c->how, "14422") != NULL);
		CHECK_STR(c->fact.confidence, "confirmed");
	}
	c = kb_country_checks(&K, "us", &n);	/* any case; four checks, in file order */
	CHECK_INT(n, 4);
	if (c && n == 4) {
		CHECK_STR(c[0].check_name, "CTIA Stolen Phone Checker");
		CHECK_STR(c[1].check_name, "Carrier IMEI check (AT&T)");
		CHECK_STR(c[2].check_name, "Carrier IMEI status check (T-Mobile)");
		CHECK_STR(c[3].check_name, "Carrier activation check (Verizon)");
	}
	c = kb_country_checks(&K, "PH", &n);
	CHECK_INT(n, 1);
	if (c)
		CHECK_STR(c->check_name, "none");
	CHECK(kb_country_checks(&K, "XX", &n) == NULL);
	CHECK_INT(n, 0);
	CHECK(kb_country_checks(&K, "I", &n) == NULL);
	CHECK(kb_country_checks(&K, "", &n) == NULL);
}

static void
test_brands(void)
{
	const struct kb_brand *b;

	CHECK((b = kb_brand_find(&K, "Galaxy")) && strcmp(b->brand, "samsung") == 0);
	CHECK((b = kb_brand_find(&K, "REDMI")) && strcmp(b->brand, "xiaomi") == 0);
	CHECK((b = kb_brand_find(&K, "apple")) && strcmp(b->brand, "apple") == 0);
	CHECK((b = kb_brand_find(&K, "HMD")) && strcmp(b->brand, "nokia") == 0);
	CHECK(kb_brand_find(&K, "fairphone") == NULL);
	CHECK((b = kb_brand_find(&K, "iphone")) && strncmp(b->model_path, "Settings > ", 11) == 0);
	CHECK((b = kb_brand_find(&K, "samsung")) && *b->reset_path && *b->accounts_path);
	CHECK((b = kb_brand_find(&K, "itel")) && b->model_path && *b->model_path == '\0');
	CHECK(kb_brand_find(&K, "red") == NULL);
	CHECK((b = kb_brand_generic(&K)) && strcmp(b->brand, "android") == 0);
}

#define IN_TEXT(s) kb_brand_in_text(&K, (s), strlen(s))
#define BRAND_IS(s, want) do { \
	const struct kb_brand *b_ = IN_TEXT(s); \
	CHECK_STR(b_ ? b_->brand : "(none)", want); \
} while (0)

static void
test_brand_in_text(void)
{
	BRAND_IS("Redmi Note 12 128GB", "xiaomi");
	BRAND_IS("Galaxy A52", "samsung");
	BRAND_IS("iPhone 13", "apple");
	BRAND_IS("selling my iphone 13 pro max", "apple");
	BRAND_IS("Google Pixel 7a, like new", "google");
	BRAND_IS("Redmi9A for sale", "xiaomi");		/* digits may follow */
	BRAND_IS("vendo mi Samsung Galaxy S21", "samsung");	/* longest name wins */
	BRAND_IS("Mi 11 Lite", "xiaomi");
	BRAND_IS("(moto g84)", "motorola");
	BRAND_IS("premium phone", "(none)");		/* "mi" inside a word */
	BRAND_IS("miércoles", "(none)");
	BRAND_IS("motorolla", "(none)");
	BRAND_IS("opportunity", "(none)");
	BRAND_IS("android phone", "(none)");		/* the generic row is not a brand */
	BRAND_IS("", "(none)");
	CHECK(kb_brand_in_text(&K, "samsung", 3) == NULL);	/* only n bytes are read */
}

static void
test_list_has(void)
{
	CHECK(kb_list_has("KE;NG;GH;UG", "NG"));
	CHECK(kb_list_has("KE;NG;GH;UG", "ug"));
	CHECK(!kb_list_has("KE;NG;GH;UG", "N"));
	CHECK(!kb_list_has("KE;NG;GH;UG", "IN"));
	CHECK(kb_list_has("global", "IN"));
	CHECK(kb_list_has("IN;global", "BR"));
	CHECK(!kb_list_has("globalx", "BR"));
	CHECK(!kb_list_has("", "IN"));
	CHECK(!kb_list_has("IN", ""));
	CHECK(!kb_list_has(NULL, "IN"));
	CHECK(kb_list_has("IN", "IN"));
}

static void
test_lock_apps(void)
{
	const struct kb_lock_app *a;
	const struct kb_lock_system *s;

	a = kb_lock_app_find(&K, "com.samsung.android.kgclient");
	CHECK(a != NULL);
	if (a) {
		CHECK_STR(a->strength, "weak");
		CHECK(!kb_lock_app_is_prefix(a));
		s = kb_lock_system_find(&K, a->system);
		CHECK(s && strcmp(s->name, "Samsung Knox Guard (KG)") == 0);
	}
	a = kb_lock_app_find(&K, "com.google.android.devicelockcontroller");
	CHECK(a && strcmp(a->strength, "weak") == 0);
	/* an exact row wins over the prefix row */
	a = kb_lock_app_find(&K, "com.payjoy.status");
	CHECK(a && strcmp(a->package, "com.payjoy.status") == 0);
	/* a package only the prefix row covers */
	a = kb_lock_app_find(&K, "com.payjoy.zz");
	CHECK(a && strcmp(a->package, "com.payjoy.*") == 0 && kb_lock_app_is_prefix(a));
	/* every row says why it is graded as it is, and a package that may be
	 * preinstalled is never strong on its own */
	{
		size_t i;
		for (i = 0; i < K.napps; i++) {
			CHECK(K.apps[i].grade_reason[0] != '\0');
			CHECK(strcmp(K.apps[i].strength, "weak") == 0 ||
			    strcmp(K.apps[i].preinstalled, "no") == 0);
		}
	}
	CHECK(kb_lock_app_find(&K, "com.payjoy") == NULL);
	CHECK(kb_lock_app_find(&K, "com.payjoyx.app") == NULL);
	a = kb_lock_app_find(&K, "com.trustonic.telecoms.standard.dlc");
	CHECK(a && strcmp(a->strength, "weak") == 0 && strcmp(a->preinstalled, "some") == 0);
	CHECK(kb_lock_app_find(&K, "com.whatsapp") == NULL);
	CHECK(kb_lock_system_find(&K, "nope") == NULL);
	CHECK(kb_lock_system_find(&K, NULL) == NULL);
}

static void
test_replies(void)
{
	const struct kb_reply *r;
	size_t i, n;

	CHECK(K.nreplies >= 30);
	r = kb_country_replies(&K, "jp", &n);
	CHECK(r != NULL && n >= 4);
	for (i = 0; r && i < n; i++)
		CHECK_STR(r[i].code, "JP");
	r = kb_reply_find(&K, "JP", "Carrier network usage restriction check (ネットワーク利用制限)", "instalments_running");
	CHECK(r && strcmp(r->outcome, "owed") == 0);
	CHECK(kb_reply_find(&K, "JP", "nope", "instalments_running") == NULL);
	CHECK(kb_country_replies(&K, "XX", &n) == NULL && n == 0);
	/* every reply belongs to a check of its country */
	for (i = 0; i < K.nreplies; i++) {
		const struct kb_check *c;
		size_t k, nc;
		int found = 0;

		c = kb_country_checks(&K, K.replies[i].code, &nc);
		for (k = 0; c && k < nc; k++)
			if (strcmp(c[k].check_name, K.replies[i].check_name) == 0)
				found = 1;
		if (!found)
			printf("  reply %s/%s: no such check '%s'\n", K.replies[i].code,
			    K.replies[i].reply, K.replies[i].check_name);
		CHECK(found);
	}
}

/* An older lock-apps.tsv without the grade columns still loads. */
static void
test_optional_columns(void)
{
	struct fake f = { "lock-apps.tsv",
		"package\tsystem\tstrength\twhat_to_do\tsource\tchecked\tconfidence\n"
		"com.x.y\tgoogle_dlc\tweak\tlook\thttps://a.example/\t2026-11-23\treported\n" };
	struct error e;
	struct kb k;

	memset(&e, 0, sizeof e);
	CHECK_INT(kb_load(&k, get_fake, &f, &e), 0);
	CHECK_INT(k.napps, 1);
	if (k.napps == 1) {
		CHECK_STR(k.apps[0].preinstalled, "");
		CHECK_STR(k.apps[0].grade_reason, "");
	}
	kb_release(&k);

	/* a brands.tsv from before model_path loads, with the path empty */
	f.name = "brands.tsv";
	f.text = "brand\taliases\timei_path\tadmin_apps_path\taccounts_path\tfind_device_path\t"
	    "reset_path\taccount_lock\tfinancing_signals\tsource\tchecked\tconfidence\n"
	    "android\t\tS > A\t\t\t\t\tFRP\tnone\thttps://a.example/\t2026-11-23\treported\n";
	memset(&e, 0, sizeof e);
	CHECK_INT(kb_load(&k, get_fake, &f, &e), 0);
	CHECK_INT(k.nbrands, 1);
	if (k.nbrands == 1)
		CHECK_STR(k.brands[0].model_path, "");
	kb_release(&k);
}

static void
test_languages(void)
{
	const struct kb_fact *f = NULL;

	CHECK_STR(kb_country_languages(&K, "in", &f), "hi;en");
	CHECK(f && strncmp(f->source, "https://", 8) == 0);
	CHECK_STR(kb_country_languages(&K, "PH", NULL), "tl;en");
	CHECK(kb_country_languages(&K, "XX", NULL) == NULL);
}

/* kb_load with one file replaced: returns the error message, or "" */
static const char *
load_fake(const char *name, const char *text, struct error *e)
{
	struct fake f;
	struct kb k;

	f.name = name;
	f.text = text;
	memset(e, 0, sizeof *e);
	if (kb_load(&k, get_fake, &f, e) == 0) {
		kb_release(&k);
		return "";
	}
	CHECK(k.mem == NULL && k.checks == NULL);	/* nothing left behind */
	return e->msg;
}

static void
test_errors(void)
{
	struct error e;
	const char *m;

	m = load_fake("lenders.tsv",
	    "name\tcountries\tlock\tclosure_document\tsource\tchecked\tconfidence\n"
	    "X\tKE\t\tletter\thttps://a.example/\t2026-11-23\treported\n", &e);
	CHECK_STR(m, "lenders.tsv: no column 'how_to_get' in the header");

	m = load_fake("lock-apps.tsv",
	    "# a comment\n"
	    "package\tsystem\tstrength\twhat_to_do\tsource\tchecked\tconfidence\n"
	    "com.a.b\tpayjoy\tstrong\tx\thttps://a.example/\t2026-11-23\treported\n"
	    "com.a.c\tpayjoy\tstrong\tx\thttps://a.example/\t2026-11-23\n", &e);
	CHECK_STR(m, "lock-apps.tsv: line 4 has 6 fields, the header has 7");
	CHECK_INT(e.line, 4);

	m = load_fake("phrases.tsv",
	    "phrase\tlanguage\tcategory\tweight\tsource\tchecked\tconfidence\n"
	    "emi\ten\tfinancing\t4\thttps://a.example/\t2026-11-23\treported\n", &e);
	CHECK_STR(m, "phrases.tsv: line 2: weight must be 1, 2 or 3");

	m = load_fake("brands.tsv", "", &e);
	CHECK_STR(m, "brands.tsv: no header row");

	m = load_fake("countries.tsv", NULL, &e);
	CHECK_STR(m, "countries.tsv: cannot read it");

	/* the one optional table */
	m = load_fake("country-languages.tsv", NULL, &e);
	CHECK_STR(m, "");

	/* columns in another order and an extra column are fine */
	m = load_fake("lock-apps.tsv",
	    "extra\tconfidence\tpackage\tchecked\tsource\twhat_to_do\tstrength\tsystem\n"
	    "?\treported\tcom.a.b\t2026-11-23\thttps://a.example/\tx\tweak\tpayjoy\n", &e);
	CHECK_STR(m, "");
}

static void
test_column_order(void)
{
	struct fake f = { "lock-apps.tsv",
		"confidence\tpackage\tchecked\tsource\twhat_to_do\tstrength\tsystem\r\n"
		"reported\tcom.a.b\t2026-11-23\thttps://a.example/\tdo this\tweak\tpayjoy\r\n" };
	struct error e;
	struct kb k;
	const struct kb_lock_app *a;

	CHECK_INT(kb_load(&k, get_fake, &f, &e), 0);
	CHECK_INT(k.napps, 1);
	a = kb_lock_app_find(&k, "com.a.b");
	CHECK(a != NULL);
	if (a) {
		CHECK_STR(a->what_to_do, "do this");
		CHECK_STR(a->system, "payjoy");
		CHECK_STR(a->fact.confidence, "reported");	/* CR stripped */
	}
	kb_release(&k);
}

static void
test_grouping(void)
{
	/* a country's rows apart in the file come back next to each other */
	struct fake f = { "countries.tsv",
		"code\tname\tcheck_name\thow\tchecks\tresult_meaning\tlimits\tinstead\tsource\tchecked\tconfidence\n"
		"KE\tKenya\tA\th\tcounterfeit\tr\tl\ti\thttps://a.example/\t2026-11-23\treported\n"
		"IN\tIndia\tB\th\ttheft\tr\tl\ti\thttps://a.example/\t2026-11-23\treported\n"
		"KE\tKenya\tC\th\ttheft\tr\tl\ti\thttps://a.example/\t2026-11-23\treported\n" };
	struct error e;
	struct kb k;
	const struct kb_check *c;
	size_t n;

	CHECK_INT(kb_load(&k, get_fake, &f, &e), 0);
	c = kb_country_checks(&k, "KE", &n);
	CHECK_INT(n, 2);
	if (c && n == 2) {
		CHECK_STR(c[0].check_name, "A");
		CHECK_STR(c[1].check_name, "C");
	}
	CHECK_STR(k.checks[2].code, "IN");
	kb_release(&k);
}

int
main(void)
{
	RUN(test_load_embedded);
	RUN(test_country_checks);
	RUN(test_brands);
	RUN(test_brand_in_text);
	RUN(test_list_has);
	RUN(test_lock_apps);
	RUN(test_replies);
	RUN(test_optional_columns);
	RUN(test_languages);
	RUN(test_errors);
	RUN(test_column_order);
	RUN(test_grouping);
	kb_release(&K);
	return h_done();
}
