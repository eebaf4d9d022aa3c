/* SPDX-License-Identifier: MIT */
/* info_json: a country's page as one JSON document: its checks with
 * their replies, lock systems, lenders, languages and listing phrases,
 * each with the source, date checked and confidence of the fact. */
#include <string.h>

#include "cli/show.h"
#include "cmd/info_priv.h"

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

/* Check c (one of the country's) as an element of "checks", with its
 * replies. */
static void
json_check(struct info_run *r, const struct kb_check *c)
{
	struct buf *b = &r->out;

	BUF_LIT(b, "{\"name\":");
	cli_json_str(b, strcmp(c->check_name, "none") == 0 ? NULL : c->check_name);
	BUF_LIT(b, ",\"how\":");
	cli_json_str(b, c->how);
	BUF_LIT(b, ",\"checks\":");
	cli_json_list(b, c->checks);
	BUF_LIT(b, ",\"result_meaning\":");
	cli_json_str(b, c->result_meaning);
	BUF_LIT(b, ",\"limits\":");
	cli_json_str(b, c->limits);
	BUF_LIT(b, ",\"instead\":");
	cli_json_str(b, c->instead);
	BUF_LIT(b, ",\"replies\":[");
	json_replies(r, c);
	BUF_LIT(b, "],");
	cli_json_fact(b, &c->fact);
	buf_putc(b, '}');
}

/* The elements of "lock_systems": the ones whose regions name country
 * r->code. */
static void
json_lock_systems(struct info_run *r)
{
	struct buf *b = &r->out;
	size_t i;
	int first = 1;

	for (i = 0; i < r->kb.nsystems; i++) {
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
}

/* The elements of "lenders": the ones that lend in country r->code. */
static void
json_lenders(struct info_run *r)
{
	struct buf *b = &r->out;
	size_t i;
	int first = 1;

	for (i = 0; i < r->kb.nlenders; i++) {
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
}

/* The value of "languages": the country's language codes langs with the
 * fact lf behind them, or null when the kb names none. */
static void
json_languages(struct buf *b, const char *langs, const struct kb_fact *lf)
{
	if (langs) {
		BUF_LIT(b, "{\"codes\":");
		cli_json_list(b, langs);
		buf_putc(b, ',');
		cli_json_fact(b, lf);
		buf_putc(b, '}');
	} else {
		BUF_LIT(b, "null");
	}
}

/* The elements of "phrases": the listing phrases worth showing a buyer in
 * the languages langs (none when langs is NULL). */
static void
json_phrases(struct info_run *r, const char *langs)
{
	struct buf *b = &r->out;
	size_t i;
	int first = 1;

	for (i = 0; langs && i < r->kb.nphrases; i++) {
		const struct kb_phrase *p = &r->kb.phrases[i];
		if (!info_phrase_shown(p) || !kb_list_has(langs, p->language))
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
}

void
info_json_country(struct info_run *r, const struct kb_check *c, size_t n)
{
	struct buf *b = &r->out;
	const struct kb_fact *lf = NULL;
	const char *langs = kb_country_languages(&r->kb, r->code, &lf);
	size_t i;

	BUF_LIT(b, "{\n\"code\":");
	buf_put_json_str(b, r->code, 2);
	BUF_LIT(b, ",\n\"name\":");
	cli_json_str(b, c->name);
	BUF_LIT(b, ",\n\"checks\":[\n");
	for (i = 0; i < n; i++) {
		if (i)
			BUF_LIT(b, ",\n");
		json_check(r, &c[i]);
	}
	BUF_LIT(b, "],\n\"lock_systems\":[\n");
	json_lock_systems(r);
	BUF_LIT(b, "],\n\"lenders\":[\n");
	json_lenders(r);
	BUF_LIT(b, "],\n\"languages\":");
	json_languages(b, langs, lf);
	BUF_LIT(b, ",\n\"phrases\":[\n");
	json_phrases(r, langs);
	BUF_LIT(b, "]\n}\n");
}
