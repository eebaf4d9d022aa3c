/* SPDX-License-Identifier: MIT */
/* test_opt: the option parser: keys, values in both spellings, short
 * flags, "--", operands mixed with options, and every error. */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "cli/opt.h"

enum { K_JSON, K_OUT, K_COL = 10 };

static const struct opt_spec specs[] = {
	{"json", 0, 0, K_JSON}, {"output", 'o', 1, K_OUT}, {"title-column", 0, 1, K_COL + 1},
	{"help", 'h', 0, OPT_HELP}, {NULL, 0, 0, 0}
};

/* argv as main gets it: writable copies of the words in store. */
static int
make_argv(const char *const *words, char store[][32], char **argv)
{
	int n;

	for (n = 0; words[n]; n++) {
		snprintf(store[n], sizeof store[n], "%s", words[n]);
		argv[n] = store[n];
	}
	argv[n] = NULL;
	return n;
}

static void
test_keys_and_values(void)
{
	static const char *const words[] = {"cmd", "a", "--json", "--output=x", "-o", "y",
	    "b", "--title-column", "t", "-h", "--", "--json", "-", NULL};
	char store[16][32], *argv[16];
	struct opt o;
	int k;

	CHECK_INT(opt_init(&o, make_argv(words, store, argv), argv), 0);
	CHECK_INT(opt_next(&o, specs), K_JSON);
	CHECK_INT(opt_next(&o, specs), K_OUT);
	CHECK_STR(o.arg, "x");
	CHECK_INT(opt_next(&o, specs), K_OUT);
	CHECK_STR(o.arg, "y");
	CHECK_STR(o.spec->name, "output");
	k = opt_next(&o, specs);
	CHECK_INT(k, K_COL + 1);
	CHECK_STR(o.arg, "t");
	CHECK_INT(opt_next(&o, specs), OPT_HELP);
	CHECK_INT(opt_next(&o, specs), OPT_END);
	CHECK_INT(o.noperands, 4);
	CHECK_STR(o.operands[0], "a");
	CHECK_STR(o.operands[1], "b");
	CHECK_STR(o.operands[2], "--json");
	CHECK_STR(o.operands[3], "-");
	opt_release(&o);
}

static void
test_errors(void)
{
	struct {
		const char *arg;
		const char *msg;
	} cases[] = {
		{"--nope", "unknown option '--nope'"},
		{"-x", "unknown option '-x'"},
		{"-jo", "unknown option '-jo'"},
		{"--json=1", "option '--json' takes no value"},
		{"--output", "option '--output' needs a value"},
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *words[] = {"cmd", cases[i].arg, NULL};
		char store[3][32], *argv[3];
		struct opt o;
		CHECK_INT(opt_init(&o, make_argv(words, store, argv), argv), 0);
		CHECK_INT(opt_next(&o, specs), OPT_ERROR);
		CHECK_STR(o.errmsg, cases[i].msg);
		opt_release(&o);
	}
}

static void
test_numbers(void)
{
	long v = 0;

	CHECK_INT(opt_long("12", 1, 64, &v), 0);
	CHECK_INT(v, 12);
	CHECK_INT(opt_long("0", 1, 64, &v), -1);
	CHECK_INT(opt_long("65", 1, 64, &v), -1);
	CHECK_INT(opt_long("3x", 1, 64, &v), -1);
	CHECK_INT(opt_long("", 1, 64, &v), -1);
	CHECK_INT(opt_long("99999999999999999999999", 1, 64, &v), -1);
}

int
main(void)
{
	RUN(test_keys_and_values);
	RUN(test_errors);
	RUN(test_numbers);
	return h_done();
}
