/* SPDX-License-Identifier: MIT */
/* load: every data resource a command needs, loaded one way each through
 * cli_data(), with one wording when a data file is bad. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/recheck.h"
#include "cli/load.h"

static int
get_data(void *ctx, const char *name, const char **data, size_t *len)
{
	return cli_data(ctx, name, data, len);
}

void
cli_bad_data(const struct cli *c, const struct error *e)
{
	if (c->data_dir)
		cli_error("bad data file: %s: fix it, or remove it from the data folder "
		    "'%s' to use the built-in copy", e->msg, c->data_dir);
	else
		cli_error("the built-in data is broken: %s (please report this)", e->msg);
}

int
cli_load_kb(struct cli *c, struct kb *kb)
{
	struct error e;

	memset(&e, 0, sizeof e);
	if (kb_load(kb, get_data, c, &e) != 0) {
		cli_bad_data(c, &e);
		return -1;
	}
	return 0;
}

int
cli_load_idents(struct cli *c, struct ident_tables *t)
{
	const char *rb, *ph;
	size_t rblen, phlen;
	struct error e;

	if (cli_data(c, "reporting-bodies.tsv", &rb, &rblen) != 0 ||
	    cli_data(c, "imei-placeholders.tsv", &ph, &phlen) != 0)
		return -1;
	if (ident_tables_load(t, rb, rblen, ph, phlen, &e) != 0) {
		cli_bad_data(c, &e);
		return -1;
	}
	return 0;
}

static int
load_one(struct cli *c, const char *lang, const struct words *fallback, struct words *w,
    int quiet_missing)
{
	char name[32];
	const char *data;
	size_t len;
	struct error e;

	snprintf(name, sizeof name, "words-%s.tsv", lang);
	if (quiet_missing && !cli_data_exists(c, name))
		return 1;
	if (cli_data(c, name, &data, &len) != 0)
		return -1;
	if (words_load(w, lang, data, len, fallback, &e) != 0) {
		cli_bad_data(c, &e);
		return -1;
	}
	return 0;
}

int
cli_load_words(struct cli *c, const char *lang, int said, struct cli_words *w)
{
	struct error e;
	int rc;

	memset(w, 0, sizeof *w);
	if (load_one(c, "en", NULL, &w->en, 0) != 0)
		return -1;
	if (cl_words_check(&w->en, &e) != 0 || recheck_words_check(&w->en, &e) != 0) {
		cli_bad_data(c, &e);
		words_release(&w->en);
		return -1;
	}
	if (!lang || strcmp(lang, "en") == 0)
		return 0;
	rc = load_one(c, lang, &w->en, &w->local, 1);
	if (rc < 0) {
		words_release(&w->en);
		return -1;
	}
	if (rc > 0 && said)
		cli_error("handover has no words in '%s' yet: English it is "
		    "('handover check --help' lists the languages)", lang);
	w->has_local = rc == 0;
	return 0;
}

const struct words *
cli_words_of(const struct cli_words *w)
{
	return w->has_local ? &w->local : &w->en;
}

void
cli_words_release(struct cli_words *w)
{
	if (w->has_local)
		words_release(&w->local);
	words_release(&w->en);
	w->has_local = 0;
}

const char *
cli_lang(const char *opt, char out[8], int *named)
{
	static const char *const env[] = {"HANDOVER_LANG", "LC_ALL", "LC_MESSAGES", "LANG"};
	const char *v = opt;
	size_t i, n;

	*named = v != NULL;
	for (i = 0; !v && i < sizeof env / sizeof env[0]; i++) {
		v = getenv(env[i]);
		if (v && !*v)
			v = NULL;
		if (v && i == 0)
			*named = 1;
	}
	if (!v || strcmp(v, "C") == 0 || strcmp(v, "POSIX") == 0 || strncmp(v, "C.", 2) == 0)
		return NULL;
	/* "pt_BR.UTF-8", "hi-IN", "fil": the language part, lowercase */
	for (n = 0; v[n] && v[n] != '_' && v[n] != '-' && v[n] != '.' && v[n] != '@' && n < 7; n++)
		out[n] = (char)(v[n] >= 'A' && v[n] <= 'Z' ? v[n] + 32 : v[n]);
	out[n] = '\0';
	if (strcmp(out, "fil") == 0)
		strcpy(out, "tl");	/* Filipino is written as Tagalog here */
	return n == 2 || n == 3 ? out : NULL;
}
