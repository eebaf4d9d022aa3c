/* SPDX-License-Identifier: MIT */
/* info: "handover info": what the knowledge base knows about a
 * country (its official IMEI check, locks, lenders, listing words), or
 * the list of countries; as text for a buyer or as one JSON document.
 * This file reads the options, loads the knowledge base and lists the
 * countries; info_text.c and info_json.c write one country's page. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/fd.h"
#include "cli/load.h"
#include "cli/opt.h"
#include "cli/show.h"
#include "cmd/commands.h"
#include "cmd/info_priv.h"
#include "lib/term.h"
#include "lib/utf8.h"

static int
upper(int c)
{
	return c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c;
}

/* 1 when p is its form_of typed without diacritics ("tra gop" for "trả
 * góp", tests/data/bare_forms.py): ASCII, one letter for each code point
 * of a base that has some beyond ASCII.  The scan needs it; a buyer
 * reading the words does not. */
static int
typed_bare(const struct kb_phrase *p)
{
	const char *f = p->form_of, *c;
	size_t n, i, cps = 0, len;
	uint32_t cp;
	int wide = 0;

	if (!f || !*f)
		return 0;
	for (c = p->phrase; *c; c++)
		if ((unsigned char)*c >= 0x80)
			return 0;
	n = strlen(f);
	for (i = 0; i < n; i += len, cps++) {
		len = utf8_decode(f + i, n - i, &cp);
		wide |= cp >= 0x80;
	}
	return wide && cps == strlen(p->phrase);
}

/* Phrases worth showing a buyer: the ones that hint at a loan or a lock,
 * each as written. */
int
info_phrase_shown(const struct kb_phrase *p)
{
	return (strcmp(p->category, "financing") == 0 || strcmp(p->category, "lock") == 0) &&
	    !typed_bare(p);
}

/* Two country codes equal but for ASCII case (the kb groups by that). */
static int
same_code(const char *a, const char *b)
{
	while (*a && upper((unsigned char)*a) == upper((unsigned char)*b)) {
		a++;
		b++;
	}
	return upper((unsigned char)*a) == upper((unsigned char)*b);
}

static int
by_code(const void *a, const void *b)
{
	const struct kb_check *const *x = a, *const *y = b;

	return strcmp((*x)->code, (*y)->code);
}

/* Each country's first check, sorted by code (caller frees). */
static const struct kb_check **
country_index(const struct kb *kb, size_t *count)
{
	const struct kb_check **idx = malloc((kb->nchecks + 1) * sizeof *idx);
	size_t i, n = 0;

	if (!idx)
		return NULL;
	for (i = 0; i < kb->nchecks; i++)	/* a country's checks are grouped */
		if (i == 0 || !same_code(kb->checks[i].code, kb->checks[i - 1].code))
			idx[n++] = &kb->checks[i];
	qsort(idx, n, sizeof *idx, by_code);
	*count = n;
	return idx;
}

static int
list_countries(struct info_run *r, int json)
{
	const struct kb_check **idx;
	size_t n, i, k, w = 0;

	if (!(idx = country_index(&r->kb, &n))) {
		cli_error("out of memory");
		return EXIT_IO;
	}
	for (i = 0; i < n; i++) {	/* in screen columns: "Côte d'Ivoire" has a 2-byte ô */
		size_t cols = cli_columns(idx[i]->name, strlen(idx[i]->name));
		if (cols > w)
			w = cols;
	}
	if (json)
		BUF_LIT(&r->out, "{\"countries\":[\n");
	else
		BUF_LIT(&r->out, "Countries handover knows ('handover info CC' for one):\n\n");
	for (i = 0; i < n; i++) {
		const struct kb_check *c = idx[i];
		size_t nc;

		/* a country's checks are grouped: count its run here rather
		 * than look it up (a lookup per country is quadratic) */
		for (nc = 1; c + nc < r->kb.checks + r->kb.nchecks &&
		    same_code(c[nc].code, c->code); nc++)
			;
		if (json) {
			BUF_LIT(&r->out, "{\"code\":");
			cli_json_str(&r->out, c->code);
			BUF_LIT(&r->out, ",\"name\":");
			cli_json_str(&r->out, c->name);
			BUF_LIT(&r->out, ",\"checks\":[");
		} else {
			size_t pad = w - cli_columns(c->name, strlen(c->name));

			BUF_LIT(&r->out, "  ");
			buf_puts_term(&r->out, c->code);
			BUF_LIT(&r->out, "  ");
			buf_puts_term(&r->out, c->name);
			buf_printf(&r->out, "%*s  ", (int)pad, "");
		}
		for (k = 0; k < nc; k++) {
			const char *name = c[k].check_name;
			if (json) {
				if (strcmp(name, "none") == 0)
					continue;
				if (k)
					buf_putc(&r->out, ',');
				cli_json_str(&r->out, name);
			} else {
				buf_puts(&r->out, k ? "; " : "");
				buf_puts_term(&r->out, strcmp(name, "none") == 0 ?
				    "no public check" : name);
			}
		}
		if (json)
			buf_puts(&r->out, i + 1 < n ? "]},\n" : "]}\n");
		else
			buf_putc(&r->out, '\n');
	}
	if (json)
		BUF_LIT(&r->out, "]}\n");
	free((void *)idx);
	return EXIT_OK;
}

static int
run_info(struct cli *c, int argc, char **argv)
{
	static const struct opt_spec specs[] = {
		{"json", 0, 0, 'j'}, {"help", 'h', 0, OPT_HELP}, {NULL, 0, 0, 0}
	};
	struct info_run r;
	struct opt o;
	const struct kb_check *checks;
	size_t n;
	int k, json = 0, status = EXIT_OK;

	memset(&r, 0, sizeof r);
	r.color = c->color;
	fd_buf_init(&r.out, STDOUT_FILENO);
	if (opt_init(&o, argc, argv) != 0) {
		cli_error("out of memory");
		return EXIT_IO;
	}
	while ((k = opt_next(&o, specs)) != OPT_END) {
		switch (k) {
		case 'j': json = 1; break;
		case OPT_HELP: status = cli_help(&command_info); goto out;
		default: status = cli_usage("info", "%s", o.errmsg); goto out;
		}
	}
	if (o.noperands > 1) {
		status = cli_usage("info", "give one country code, not %d", o.noperands);
		goto out;
	}
	if (o.noperands == 1) {
		const char *a = o.operands[0];
		if (strlen(a) != 2 || !((upper((unsigned char)a[0]) >= 'A' &&
		    upper((unsigned char)a[0]) <= 'Z') && (upper((unsigned char)a[1]) >= 'A' &&
		    upper((unsigned char)a[1]) <= 'Z'))) {
			status = cli_usage("info", "'%s' is not a country code: give two letters "
			    "(ISO 3166-1), e.g. IN", a);
			goto out;
		}
		r.code[0] = (char)upper((unsigned char)a[0]);
		r.code[1] = (char)upper((unsigned char)a[1]);
	}
	if (cli_load_kb(c, &r.kb) != 0) {
		status = EXIT_IO;
		goto out;
	}
	if (!r.code[0]) {
		status = list_countries(&r, json);
	} else if (!(checks = kb_country_checks(&r.kb, r.code, &n))) {
		cli_error("no data for country '%s': 'handover info' lists the countries we know",
		    r.code);
		status = EXIT_USAGE;
		goto out;
	} else if (json) {
		info_json_country(&r, checks, n);
	} else {
		info_text_country(&r, checks, n);
	}
	status = cli_finish_output(&r.out, status);
out:
	buf_release(&r.out);
	kb_release(&r.kb);
	opt_release(&o);
	return status;
}

const struct command command_info = {
	"info", run_info,
	"info [--json] [CC]",
	"a country's official IMEI check, lenders, locks and listing words",
	"usage: handover info [--json] [CC]\n"
	"\n"
	"For a country (ISO 3166-1 code such as IN, KE, BR; any case): its\n"
	"official IMEI check with the exact steps (SMS number and format, web\n"
	"address, app), what it checks, what each answer means (the replies you\n"
	"may see, word for word, and what each decides), what it does NOT cover\n"
	"and what to do as well; the lock systems used there and on phones\n"
	"everywhere (what you can see before paying, how the lock is cleared and\n"
	"the proof to ask for); the lenders there and their proof of full payment;\n"
	"and the words in local listings that hint at a loan or a lock.  Facts\n"
	"marked (reported) come from the press or a third-party page, not the\n"
	"official source.  Without CC: the countries handover knows.\n"
	"\n"
	"options:\n"
	"  --json     the same as one JSON document, with the source URLs, the\n"
	"             date checked and the confidence of every fact\n"
	"\n"
	"exit status: 0 ok, 2 usage error or a country with no data,\n"
	"  3 input/output error\n"
	"\n"
	"examples:\n"
	"  handover info\n"
	"  handover info KE\n"
	"  handover info --json in\n"
};
