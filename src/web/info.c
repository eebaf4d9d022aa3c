/* SPDX-License-Identifier: MIT */
/* web/info: what the knowledge base knows of each country, for the
 * page's country view: its official checks, lock systems and lenders. */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/session.h"
#include "export/export.h"
#include "ident/json.h"
#include "kb/how.h"
#include "lib/tsv.h"
#include "record/stamp.h"
#include "web/api.h"
#include "web/state.h"

/* ================================================================== info */

static int
by_name(const void *a, const void *b)
{
	const struct kb_check *const *x = a, *const *y = b;

	return strcmp((*x)->name, (*y)->name);
}

EXPORT(web_countries) int
web_countries(void)
{
	const struct kb_check **idx;
	struct buf *b;
	size_t i, n = 0;

	if (!web.ready || !(idx = malloc((web.kb.nchecks + 1) * sizeof *idx)))
		return web_fail("out of memory");
	for (i = 0; i < web.kb.nchecks; i++)	/* a country's checks are grouped */
		if (i == 0 || strcmp(web.kb.checks[i].code, web.kb.checks[i - 1].code) != 0)
			idx[n++] = &web.kb.checks[i];
	qsort(idx, n, sizeof *idx, by_name);
	b = web_out();
	buf_putc(b, '[');
	for (i = 0; i < n; i++) {
		struct buf name;
		size_t nc, k;
		const struct kb_check *c = kb_country_checks(&web.kb, idx[i]->code, &nc);
		int real = 0;
		for (k = 0; c && k < nc; k++)
			real |= strcmp(c[k].check_name, "none") != 0;
		buf_init_mem(&name);
		web_country_name(idx[i]->code, idx[i]->name, &name);
		buf_puts(b, i ? ",{" : "{");
		web_kv(b, 1, "code", idx[i]->code);
		web_kv(b, 0, "name", buf_str(&name));
		BUF_LIT(b, ",\"check\":");
		buf_puts(b, real ? "true" : "false");
		buf_putc(b, '}');
		buf_release(&name);
	}
	buf_putc(b, ']');
	free((void *)idx);
	return b->err ? -1 : 0;
}

static void
kv_reported(struct buf *b, const struct kb_fact *f)
{
	BUF_LIT(b, ",\"reported\":");
	buf_puts(b, f && strcmp(f->confidence, "confirmed") != 0 ? "true" : "false");
}

/* A ';'-joined list as a JSON array. */
static void
kv_list(struct buf *b, const char *key, const char *list)
{
	const char *p = list ? list : "";
	int first = 1;

	buf_putc(b, ',');
	buf_put_json_str(b, key, strlen(key));
	BUF_LIT(b, ":[");
	while (*p) {
		size_t n = strcspn(p, ";");
		if (n) {
			buf_puts(b, first ? "" : ",");
			buf_put_json_str(b, p, n);
			first = 0;
		}
		p += n;
		if (*p)
			p++;
	}
	buf_putc(b, ']');
}

static void
info_checks(struct buf *b, const char *cc, const struct kb_check *c, size_t n)
{
	size_t i, k, nr, nt;
	const struct kb_reply *rp = kb_country_replies(&web.kb, cc, &nr);
	const struct words *w = web_lang_words();

	BUF_LIT(b, ",\"checks\":[");
	for (i = 0; i < n; i++) {
		struct kb_tap t[8];
		static const char *const kinds[] = {"url", "sms", "dial"};
		int first = 1;
		buf_puts(b, i ? ",{" : "{");
		/* in the page's language where a translator wrote it; the taps
		 * are read from the English, which names the codes to send */
		web_kv(b, 1, "name", strcmp(c[i].check_name, "none") == 0 ? NULL :
		    words_registry(w, cc, i + 1, "name", c[i].check_name));
		web_kv(b, 0, "how", words_registry(w, cc, i + 1, "how", c[i].how));
		kv_list(b, "checks", c[i].checks);
		web_kv(b, 0, "result_meaning", words_registry(w, cc, i + 1, "meaning",
		    c[i].result_meaning));
		web_kv(b, 0, "limits", words_registry(w, cc, i + 1, "limits", c[i].limits));
		web_kv(b, 0, "instead", words_registry(w, cc, i + 1, "instead", c[i].instead));
		kv_reported(b, &c[i].fact);
		BUF_LIT(b, ",\"taps\":[");
		nt = strcmp(c[i].check_name, "none") == 0 ? 0 : kb_how_taps(c[i].how, t, 8);
		for (k = 0; k < nt; k++) {
			buf_puts(b, k ? ",{" : "{");
			web_kv(b, 1, "kind", kinds[t[k].kind]);
			web_kv(b, 0, "target", t[k].target);
			web_kv(b, 0, "keyword", t[k].keyword);
			buf_putc(b, '}');
		}
		BUF_LIT(b, "],\"replies\":[");
		for (k = 0; rp && k < nr; k++) {
			if (strcmp(rp[k].check_name, c[i].check_name) != 0)
				continue;
			buf_puts(b, first ? "{" : ",{");
			first = 0;
			web_kv(b, 1, "reply", rp[k].reply);
			web_kv(b, 0, "shown", rp[k].shown);
			web_kv(b, 0, "meaning", rp[k].meaning);
			web_kv(b, 0, "outcome", rp[k].outcome);
			kv_reported(b, &rp[k].fact);
			buf_putc(b, '}');
		}
		BUF_LIT(b, "]}");
	}
	buf_putc(b, ']');
}

static void
info_system(struct buf *b, const struct kb_lock_system *s, int local, int *first)
{
	buf_puts(b, *first ? "{" : ",{");
	*first = 0;
	web_kv(b, 1, "id", s->id);
	web_kv(b, 0, "name", s->name);
	web_kv(b, 0, "kind", s->kind);
	BUF_LIT(b, ",\"local\":");
	buf_puts(b, local ? "true" : "false");
	web_kv(b, 0, "visible_signs", s->visible_signs);
	web_kv(b, 0, "survives_reset", s->survives_reset);
	web_kv(b, 0, "how_cleared", s->how_cleared);
	web_kv(b, 0, "proof_document", s->proof_document);
	kv_reported(b, &s->fact);
	buf_putc(b, '}');
}

EXPORT(web_info) int
web_info(const char *code)
{
	char cc[3];
	const struct kb_check *c;
	const char *langs;
	struct buf *b, name;
	size_t n, i;
	int first;

	if (!web.ready || !code || strlen(code) != 2)
		return web_fail("give two letters");
	cc[0] = (char)(code[0] >= 'a' && code[0] <= 'z' ? code[0] - 32 : code[0]);
	cc[1] = (char)(code[1] >= 'a' && code[1] <= 'z' ? code[1] - 32 : code[1]);
	cc[2] = '\0';
	if (!(c = kb_country_checks(&web.kb, cc, &n)))
		return web_fail("no data for this country");
	b = web_out();
	buf_putc(b, '{');
	web_kv(b, 1, "code", cc);
	buf_init_mem(&name);
	web_country_name(cc, c->name, &name);
	web_kv(b, 0, "name", buf_str(&name));
	buf_release(&name);
	info_checks(b, cc, c, n);
	/* the country's own locks first, then those found everywhere */
	BUF_LIT(b, ",\"lock_systems\":[");
	for (first = 1, i = 0; i < web.kb.nsystems; i++) {
		const struct kb_lock_system *s = &web.kb.systems[i];
		if (strcmp(s->regions, "global") != 0 && kb_list_has(s->regions, cc))
			info_system(b, s, 1, &first);
	}
	for (i = 0; i < web.kb.nsystems; i++)
		if (strcmp(web.kb.systems[i].regions, "global") == 0)
			info_system(b, &web.kb.systems[i], 0, &first);
	BUF_LIT(b, "],\"lenders\":[");
	for (first = 1, i = 0; i < web.kb.nlenders; i++) {
		const struct kb_lender *l = &web.kb.lenders[i];
		const struct kb_lock_system *s = kb_lock_system_find(&web.kb, l->lock);
		if (!kb_list_has(l->countries, cc))
			continue;
		buf_puts(b, first ? "{" : ",{");
		first = 0;
		web_kv(b, 1, "name", l->name);
		web_kv(b, 0, "lock", s ? s->name : NULL);
		web_kv(b, 0, "closure_document", l->closure_document);
		web_kv(b, 0, "how_to_get", l->how_to_get);
		kv_reported(b, &l->fact);
		buf_putc(b, '}');
	}
	BUF_LIT(b, "],\"phrases\":[");
	langs = kb_country_languages(&web.kb, cc, NULL);
	for (first = 1, i = 0; langs && i < web.kb.nphrases; i++) {
		const struct kb_phrase *p = &web.kb.phrases[i];
		if ((strcmp(p->category, "financing") != 0 && strcmp(p->category, "lock") != 0) ||
		    !kb_list_has(langs, p->language))
			continue;
		buf_puts(b, first ? "{" : ",{");
		first = 0;
		web_kv(b, 1, "phrase", p->phrase);
		web_kv(b, 0, "language", p->language);
		buf_putc(b, '}');
	}
	BUF_LIT(b, "]}");
	return b->err ? -1 : 0;
}
