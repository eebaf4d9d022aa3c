/* SPDX-License-Identifier: MIT */
/* info: "handover info": what the knowledge base knows about a
 * country (its official IMEI check, locks, lenders, listing words), or
 * the list of countries; as text for a buyer or as one JSON document. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/load.h"
#include "cli/show.h"
#include "cmd/commands.h"
#include "cli/opt.h"
#include "cli/fd.h"
#include "lib/term.h"

#define WIDTH 78

struct info_run {
	struct kb kb;
	struct buf out;
	int color;
	char code[3];		/* upper case */
};

static int
upper(int c)
{
	return c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c;
}

static int
is_reported(const struct kb_fact *f)
{
	return strcmp(f->confidence, "confirmed") != 0;
}

/* Phrases worth showing a buyer: the ones that hint at a loan or a lock. */
static int
phrase_shown(const struct kb_phrase *p)
{
	return strcmp(p->category, "financing") == 0 || strcmp(p->category, "lock") == 0;
}

static void
heading(struct info_run *r, const char *text)
{
	buf_printf(&r->out, "\n%s", r->color ? "\033[1m" : "");
	buf_puts_term(&r->out, text);
	buf_printf(&r->out, "%s\n", r->color ? "\033[0m" : "");
}

/* "  label text..." wrapped under the text; nothing when text is empty. */
static void
field(struct info_run *r, size_t indent, const char *label, const char *text)
{
	size_t i, col = indent + (*label ? strlen(label) + 1 : 0);

	if (!text || !*text)
		return;
	for (i = 0; i < indent; i++)
		buf_putc(&r->out, ' ');
	if (*label) {
		buf_puts_term(&r->out, label);
		buf_putc(&r->out, ' ');
	}
	cli_wrap(&r->out, text, col, *label ? indent + 2 : indent, WIDTH);
	buf_putc(&r->out, '\n');
}

/* A title line: the name, "(reported)" when the fact is not confirmed. */
static void
title(struct info_run *r, size_t indent, const char *name, const struct kb_fact *f)
{
	size_t i;

	for (i = 0; i < indent; i++)
		buf_putc(&r->out, ' ');
	buf_puts_term(&r->out, name);
	if (is_reported(f))
		BUF_LIT(&r->out, " (reported)");
	buf_putc(&r->out, '\n');
}

/* "theft;counterfeit" as "theft, counterfeit", with the words a buyer
 * knows. */
static void
checks_words(const char *list, char *out, size_t cap)
{
	static const char *const names[][2] = {
		{ "theft", "theft or loss reports" },
		{ "legality", "legal import or registration" },
		{ "type_approval", "type approval" },
		{ "counterfeit", "fake or cloned phones" },
		{ "carrier_balance", "money owed to the carrier" },
	};
	const char *p = list;
	size_t len = 0;

	out[0] = '\0';
	while (*p && len + 1 < cap) {
		size_t n = strcspn(p, ";"), k;
		const char *word = NULL;
		int w;

		for (k = 0; k < sizeof names / sizeof names[0]; k++)
			if (strlen(names[k][0]) == n && strncmp(p, names[k][0], n) == 0)
				word = names[k][1];
		w = word ? snprintf(out + len, cap - len, "%s%s", len ? ", " : "", word)
		    : snprintf(out + len, cap - len, "%s%.*s", len ? ", " : "", (int)n, p);
		if (w < 0 || (size_t)w >= cap - len)
			break;	/* cut: the list is only a summary */
		len += (size_t)w;
		p += n;
		if (*p)
			p++;
	}
}

/* The outcome word of a reply, as a buyer reads it. */
static const char *
outcome_words(const char *o)
{
	static const char *const words[][2] = {
		{ "clean", "clean" }, { "owed", "MONEY OWED" }, { "blocked", "BLOCKED" },
		{ "not_approved", "not approved" }, { "invalid", "INVALID IMEI" },
		{ "compare_model", "compare make and model" }, { "unknown", "does not decide" },
	};
	size_t i;

	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(o, words[i][0]) == 0)
			return words[i][1];
	return o;
}

/* The replies a check gives: '"shown" (key, outcome): meaning'. */
static void
text_replies(struct info_run *r, const struct kb_check *c)
{
	const struct kb_reply *rp;
	size_t i, n;
	int any = 0;

	if (!(rp = kb_country_replies(&r->kb, c->code, &n)))
		return;
	for (i = 0; i < n; i++) {
		char head[512];

		if (strcmp(rp[i].check_name, c->check_name) != 0)
			continue;
		if (!any++)
			BUF_LIT(&r->out, "  Replies you may see:\n");
		if (snprintf(head, sizeof head, "\"%s\" (%s, %s%s):", rp[i].shown, rp[i].reply,
		    outcome_words(rp[i].outcome), is_reported(&rp[i].fact) ? ", reported" : "") <
		    0)
			continue;
		field(r, 4, head, rp[i].meaning);
	}
}

static void
text_checks(struct info_run *r, const struct kb_check *c, size_t n)
{
	char words[256];
	size_t i;

	for (i = 0; i < n; i++, c++) {
		if (strcmp(c->check_name, "none") == 0) {
			heading(r, is_reported(&c->fact) ? "Official IMEI check: none found (reported)" :
			    "Official IMEI check: none found");
			field(r, 2, "", c->how);
			field(r, 2, "Instead:", c->instead);
			continue;
		}
		buf_printf(&r->out, "\n%sOfficial IMEI check: ", r->color ? "\033[1m" : "");
		buf_puts_term(&r->out, c->check_name);
		buf_printf(&r->out, "%s%s\n", r->color ? "\033[0m" : "",
		    is_reported(&c->fact) ? " (reported)" : "");
		checks_words(c->checks, words, sizeof words);
		field(r, 2, "How:", c->how);
		field(r, 2, "It checks:", words);
		field(r, 2, "The answers:", c->result_meaning);
		text_replies(r, c);
		field(r, 2, "It does NOT cover:", c->limits);
		field(r, 2, "Also do this:", c->instead);
	}
}

/* What a lock-systems.tsv kind means to a buyer; NULL for an unknown kind. */
static const char *
kind_words(const char *kind)
{
	static const struct {
		const char *kind, *words;
	} k[] = {
		{"financing", "a lender's lock on a phone bought on credit"},
		{"carrier", "a carrier's lock or block, usually kept until the phone or its bills "
		    "are paid"},
		{"collateral", "a lock on a phone pledged as security for a cash loan: the phone "
		    "may be paid for, but its owner still owes the loan"},
		{"management", "an organisation's remote management of a work or school phone"},
		{"account", "the owner's account lock"},
	};
	size_t i;

	for (i = 0; i < sizeof k / sizeof k[0]; i++)
		if (strcmp(kind, k[i].kind) == 0)
			return k[i].words;
	return NULL;
}

/* local: a country's own system, which also gets a line saying what kind of lock it is. */
static void
text_system(struct info_run *r, const struct kb_lock_system *s, int local)
{
	const char *reset = strcmp(s->survives_reset, "yes") == 0 ? "yes" :
	    strcmp(s->survives_reset, "no") == 0 ? "no" :
	    "only a reset that skips the owner's password keeps it";
	const char *kind = kind_words(s->kind);

	title(r, 2, s->name, &s->fact);
	if (local && kind)
		field(r, 4, "What it is:", kind);
	field(r, 4, "Before paying, look for:", s->visible_signs);
	field(r, 4, "Survives a factory reset:", reset);
	field(r, 4, "How it is cleared:", s->how_cleared);
	field(r, 4, "Proof to ask for:", s->proof_document);
}

/* The shown phrases of language lang[0..n) as '  hi: "a", "b"'. */
static void
text_language(struct info_run *r, const char *lang, size_t n)
{
	size_t i, col = 0;

	for (i = 0; i < r->kb.nphrases; i++) {
		const struct kb_phrase *ph = &r->kb.phrases[i];
		size_t w = cli_columns(ph->phrase, strlen(ph->phrase)) + 2;	/* with quotes */

		if (!phrase_shown(ph) || strlen(ph->language) != n ||
		    strncmp(ph->language, lang, n) != 0)
			continue;
		if (col == 0) {
			BUF_LIT(&r->out, "  ");
			buf_put_term(&r->out, lang, n);
			buf_putc(&r->out, ':');
			col = 3 + n;
		} else {
			buf_putc(&r->out, ',');
			col++;
		}
		if (col + 1 + w > WIDTH) {
			BUF_LIT(&r->out, "\n     ");
			col = 5;
		} else {
			buf_putc(&r->out, ' ');
			col++;
		}
		buf_putc(&r->out, '"');
		buf_puts_term(&r->out, ph->phrase);
		buf_putc(&r->out, '"');
		col += w;
	}
	if (col)
		buf_putc(&r->out, '\n');
}

/* Whether language lang[0..n) has a shown phrase. */
static int
language_has_phrases(const struct info_run *r, const char *lang, size_t n)
{
	size_t i;

	for (i = 0; i < r->kb.nphrases; i++) {
		const struct kb_phrase *ph = &r->kb.phrases[i];
		if (phrase_shown(ph) && strlen(ph->language) == n &&
		    strncmp(ph->language, lang, n) == 0)
			return 1;
	}
	return 0;
}

/* The heading only when one of the country's languages has phrases. */
static void
text_phrases(struct info_run *r, const char *langs)
{
	const char *p = langs;
	int any = 0;

	while (*p && !any) {
		size_t n = strcspn(p, ";");

		any = language_has_phrases(r, p, n);
		p += n;
		if (*p)
			p++;
	}
	if (!any)
		return;
	p = langs;
	heading(r, "Words in listings that hint at a loan or a lock");
	while (*p) {
		size_t n = strcspn(p, ";");

		text_language(r, p, n);
		p += n;
		if (*p)
			p++;
	}
}

/* "what name" in out; 0 when it does not fit. */
static int
heading_for(char *out, size_t cap, const char *what, const char *name)
{
	int w = snprintf(out, cap, "%s %s", what, name);

	return w >= 0 && (size_t)w < cap;
}

static void
text_country(struct info_run *r, const struct kb_check *c, size_t n)
{
	const char *langs = kb_country_languages(&r->kb, r->code, NULL);
	char head[160];
	size_t i;
	int any;

	buf_puts(&r->out, r->color ? "\033[1m" : "");
	buf_puts_term(&r->out, c->name);
	buf_printf(&r->out, " (%s)%s\n", r->code, r->color ? "\033[0m" : "");
	text_checks(r, c, n);

	if (!heading_for(head, sizeof head, "Locks used in", c->name))
		snprintf(head, sizeof head, "Locks used there");
	for (any = 0, i = 0; i < r->kb.nsystems; i++) {
		const struct kb_lock_system *s = &r->kb.systems[i];
		if (strcmp(s->regions, "global") == 0 || !kb_list_has(s->regions, r->code))
			continue;
		if (!any++)
			heading(r, head);
		text_system(r, s, 1);
	}
	heading(r, "Locks found on phones everywhere");
	for (i = 0; i < r->kb.nsystems; i++)
		if (strcmp(r->kb.systems[i].regions, "global") == 0)
			text_system(r, &r->kb.systems[i], 0);

	if (!heading_for(head, sizeof head, "Lenders in", c->name))
		snprintf(head, sizeof head, "Lenders there");
	for (any = 0, i = 0; i < r->kb.nlenders; i++) {
		const struct kb_lender *l = &r->kb.lenders[i];
		const struct kb_lock_system *s = kb_lock_system_find(&r->kb, l->lock);
		if (!kb_list_has(l->countries, r->code))
			continue;
		if (!any++)
			heading(r, head);
		title(r, 2, l->name, &l->fact);
		field(r, 4, "Lock:", s ? s->name : "none known");
		field(r, 4, "Proof of full payment:", l->closure_document);
		field(r, 4, "How the seller gets it:", l->how_to_get);
	}
	if (!any) {
		heading(r, head);
		BUF_LIT(&r->out, "  none known\n");
	}
	if (langs)
		text_phrases(r, langs);
	BUF_LIT(&r->out, "\n(reported): read in the press or on a third-party page, not at the\n"
	    "official source; likely true.\n");
	buf_printf(&r->out, "sources: handover info %s --json lists them\n", r->code);
}

static void
json_sep(struct buf *b, int *first)
{
	if (!*first)
		BUF_LIT(b, ",\n");
	*first = 0;
}

static void
json_replies(struct info_run *r, const struct kb_check *c)
{
	struct buf *b = &r->out;
	const struct kb_reply *rp;
	size_t i, n;
	int first = 1;

	if (!(rp = kb_country_replies(&r->kb, c->code, &n)))
		return;
	for (i = 0; i < n; i++) {
		if (strcmp(rp[i].check_name, c->check_name) != 0)
			continue;
		if (!first)
			buf_putc(b, ',');
		first = 0;
		BUF_LIT(b, "\n{\"reply\":");
		cli_json_str(b, rp[i].reply);
		BUF_LIT(b, ",\"shown\":");
		cli_json_str(b, rp[i].shown);
		BUF_LIT(b, ",\"meaning\":");
		cli_json_str(b, rp[i].meaning);
		BUF_LIT(b, ",\"outcome\":");
		cli_json_str(b, rp[i].outcome);
		buf_putc(b, ',');
		cli_json_fact(b, &rp[i].fact);
		buf_putc(b, '}');
	}
}

static void
json_country(struct info_run *r, const struct kb_check *c, size_t n)
{
	struct buf *b = &r->out;
	const struct kb_fact *lf = NULL;
	const char *langs = kb_country_languages(&r->kb, r->code, &lf);
	size_t i;
	int first;

	BUF_LIT(b, "{\n\"code\":");
	buf_put_json_str(b, r->code, 2);
	BUF_LIT(b, ",\n\"name\":");
	cli_json_str(b, c->name);
	BUF_LIT(b, ",\n\"checks\":[\n");
	for (i = 0; i < n; i++) {
		if (i)
			BUF_LIT(b, ",\n");
		BUF_LIT(b, "{\"name\":");
		cli_json_str(b, strcmp(c[i].check_name, "none") == 0 ? NULL : c[i].check_name);
		BUF_LIT(b, ",\"how\":");
		cli_json_str(b, c[i].how);
		BUF_LIT(b, ",\"checks\":");
		cli_json_list(b, c[i].checks);
		BUF_LIT(b, ",\"result_meaning\":");
		cli_json_str(b, c[i].result_meaning);
		BUF_LIT(b, ",\"limits\":");
		cli_json_str(b, c[i].limits);
		BUF_LIT(b, ",\"instead\":");
		cli_json_str(b, c[i].instead);
		BUF_LIT(b, ",\"replies\":[");
		json_replies(r, &c[i]);
		BUF_LIT(b, "],");
		cli_json_fact(b, &c[i].fact);
		buf_putc(b, '}');
	}
	BUF_LIT(b, "],\n\"lock_systems\":[\n");
	for (first = 1, i = 0; i < r->kb.nsystems; i++) {
		const struct kb_lock_system *s = &r->kb.systems[i];
		if (!kb_list_has(s->regions, r->code))
			continue;
		json_sep(b, &first);
		BUF_LIT(b, "{\"id\":");
		cli_json_str(b, s->id);
		BUF_LIT(b, ",\"name\":");
		cli_json_str(b, s->name);
		BUF_LIT(b, ",\"regions\":");
		cli_json_list(b, s->regions);
		BUF_LIT(b, ",\"visible_signs\":");
		cli_json_str(b, s->visible_signs);
		BUF_LIT(b, ",\"survives_reset\":");
		cli_json_str(b, s->survives_reset);
		BUF_LIT(b, ",\"how_cleared\":");
		cli_json_str(b, s->how_cleared);
		BUF_LIT(b, ",\"proof_document\":");
		cli_json_str(b, s->proof_document);
		BUF_LIT(b, ",\"kind\":");
		cli_json_str(b, s->kind);
		buf_putc(b, ',');
		cli_json_fact(b, &s->fact);
		buf_putc(b, '}');
	}
	BUF_LIT(b, "],\n\"lenders\":[\n");
	for (first = 1, i = 0; i < r->kb.nlenders; i++) {
		const struct kb_lender *l = &r->kb.lenders[i];
		if (!kb_list_has(l->countries, r->code))
			continue;
		json_sep(b, &first);
		BUF_LIT(b, "{\"name\":");
		cli_json_str(b, l->name);
		BUF_LIT(b, ",\"countries\":");
		cli_json_list(b, l->countries);
		BUF_LIT(b, ",\"lock\":");
		cli_json_str(b, l->lock);
		BUF_LIT(b, ",\"closure_document\":");
		cli_json_str(b, l->closure_document);
		BUF_LIT(b, ",\"how_to_get\":");
		cli_json_str(b, l->how_to_get);
		buf_putc(b, ',');
		cli_json_fact(b, &l->fact);
		buf_putc(b, '}');
	}
	BUF_LIT(b, "],\n\"languages\":");
	if (langs) {
		BUF_LIT(b, "{\"codes\":");
		cli_json_list(b, langs);
		buf_putc(b, ',');
		cli_json_fact(b, lf);
		buf_putc(b, '}');
	} else {
		BUF_LIT(b, "null");
	}
	BUF_LIT(b, ",\n\"phrases\":[\n");
	for (first = 1, i = 0; langs && i < r->kb.nphrases; i++) {
		const struct kb_phrase *p = &r->kb.phrases[i];
		if (!phrase_shown(p) || !kb_list_has(langs, p->language))
			continue;
		json_sep(b, &first);
		BUF_LIT(b, "{\"phrase\":");
		cli_json_str(b, p->phrase);
		BUF_LIT(b, ",\"language\":");
		cli_json_str(b, p->language);
		BUF_LIT(b, ",\"category\":");
		cli_json_str(b, p->category);
		buf_printf(b, ",\"weight\":%d,", p->weight);
		cli_json_fact(b, &p->fact);
		buf_putc(b, '}');
	}
	BUF_LIT(b, "]\n}\n");
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
		json_country(&r, checks, n);
	} else {
		text_country(&r, checks, n);
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
