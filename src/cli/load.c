/* SPDX-License-Identifier: MIT */
/* load: every data resource a command needs, loaded one way each through
 * cli_data(), with one wording when a data file is bad. */
#include <string.h>

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

int
cli_load_words(struct cli *c, struct cl_texts *t)
{
	const char *a, *b;
	size_t al, bl;
	struct error e;

	if (cli_data(c, "checklist.tsv", &a, &al) != 0 || cli_data(c, "verdict.tsv", &b, &bl) != 0)
		return -1;
	if (cl_texts_load(t, a, al, b, bl, &e) != 0) {
		cli_bad_data(c, &e);
		return -1;
	}
	return 0;
}
