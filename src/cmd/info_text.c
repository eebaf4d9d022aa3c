/* SPDX-License-Identifier: MIT */
/* info_text: a country's page as text for a buyer: its official IMEI
 * check and the replies it gives, the locks used there and on phones
 * everywhere, its lenders and the listing words that hint at a loan or a
 * lock, each fact marked when it is only reported. */
#include <stdio.h>
#include <string.h>

#include "cli/show.h"
#include "cmd/info_priv.h"
#include "lib/term.h"

#define WIDTH 78

static int
is_reported(const struct kb_fact *f)
{
	return strcmp(f->confidence, "confirmed") != 0;
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

		if (!info_phrase_shown(ph) || strlen(ph->language) != n ||
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
		if (info_phrase_shown(ph) && strlen(ph->language) == n &&
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

void
info_text_country(struct info_run *r, const struct kb_check *c, size_t n)
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
