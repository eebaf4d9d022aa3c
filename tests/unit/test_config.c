/* SPDX-License-Identifier: MIT */
/* test_config: the --config file: every section, comments and blank
 * lines, CRLF and a BOM, and each kind of mistake with its line and
 * column. */
#include <string.h>

#include "scan/config.h"
#include "harness.h"

static void
test_sections(void)
{
	static const char text[] =
	    "\xEF\xBB\xBF# our team's settings\r\n"
	    "[columns]\r\n"
	    "title = headline, Ad Title\n"
	    "seller = shop.id\n"
	    "include = url,  ad_title \n"
	    "\n"
	    "[phrases]\n"
	    "  # category weight language phrase\n"
	    "lock 3 es bloqueado por deuda\n"
	    "financing 2 en still paying   \n"
	    "[allow]\n"
	    "phrase = locked\n"
	    "seller = ACME Official\n"
	    "[category  Accessories ]\n"
	    "ignore = weak_phrase, phrase_financing\n";
	struct config c;
	struct error e;

	CHECK_INT(config_parse(&c, text, sizeof text - 1, &e), 0);
	CHECK_INT(c.nnames[SCAN_TITLE], 2);
	CHECK_STR(c.names[SCAN_TITLE][1], "Ad Title");
	CHECK_STR(c.names[SCAN_SELLER][0], "shop.id");
	CHECK_INT(c.ninclude, 2);
	CHECK_STR(c.include[1], "ad_title");
	CHECK_INT(c.nphrases, 2);
	CHECK_STR(c.phrases[0].phrase, "bloqueado por deuda");
	CHECK_STR(c.phrases[0].language, "es");
	CHECK_INT(c.phrases[0].weight, 3);
	CHECK_STR(c.phrases[1].phrase, "still paying");
	CHECK_STR(c.allow_phrases[0], "locked");
	CHECK(config_seller_allowed(&c, " acme official", 14));
	CHECK(!config_seller_allowed(&c, "acme", 4));
	CHECK_INT(config_category_ignore(&c, "ACCESSORIES", 11),
	    1u << SCAN_WEAK_PHRASE | 1u << SCAN_PHRASE_FINANCING);
	CHECK_INT(config_category_ignore(&c, "phones", 6), 0);
	config_release(&c);
	CHECK_INT(config_parse(&c, "", 0, &e), 0);
	config_release(&c);
}

static void
check_bad_n(const char *text, size_t n, long line, long col, const char *words)
{
	struct config c;
	struct error e;

	CHECK_INT(config_parse(&c, text, n, &e), -1);
	if (e.line != line || e.column != col || !strstr(e.msg, words))
		printf("  for \"%s\": %ld:%ld: %s\n", text, e.line, e.column, e.msg);
	CHECK_INT(e.line, line);
	CHECK_INT(e.column, col);
	if (!strstr(e.msg, words))
		CHECK_STR(e.msg, words);
}

static void
check_bad(const char *text, long line, long col, const char *words)
{
	check_bad_n(text, strlen(text), line, col, words);
}

static void
test_mistakes(void)
{
	check_bad("title = x\n", 1, 1, "before any [section]");
	check_bad("[colums]\n", 1, 2, "a section is");
	check_bad("[columns] x\n", 1, 1, "a section is");
	check_bad("[columns]\ntitel = x\n", 2, 1, "not a role");
	check_bad("[columns]\ntitle x\n", 2, 1, "expected KEY = VALUE");
	check_bad("[columns]\ntitle = a,,b\n", 2, 11, "an empty item");
	check_bad("[columns]\ntitle =\n", 2, 7, "a value is missing");
	check_bad("[phrases]\nlocks 3 en x\n", 2, 1, "not a category");
	check_bad("[phrases]\nlock 4 en x\n", 2, 6, "the weight is 1, 2 or 3");
	check_bad("[phrases]\nlock 3 EN x\n", 2, 8, "the language");
	check_bad("[phrases]\nlock 3 en\n", 2, 10, "expected CATEGORY");
	check_bad("[phrases]\nlock 3 en \xff\n", 2, 11, "not valid UTF-8");
	check_bad("[allow]\nword = x\n", 2, 1, "expected phrase");
	check_bad("[category]\n", 1, 2, "a section is");
	check_bad("[category a]\nignore = phrase_locks\n", 2, 10, "not a reason code");
	check_bad("[category a]\n[category A]\n", 2, 11, "has a section already");
	check_bad_n("[allow]\nseller = a\0b\n", 19, 0, 0, "NUL");
}

int
main(void)
{
	RUN(test_sections);
	RUN(test_mistakes);
	return h_done();
}
