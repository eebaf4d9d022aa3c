/* SPDX-License-Identifier: MIT */
/* recheck: the re-checks of a record that grew, rendered for the bill of
 * sale (HTML and text) and the timeline: each re-check's day and time,
 * its answers in the reader's words, its verdict and reasons with what to
 * do now, and its seal.  Pure, from the parsed record and the words;
 * whatever model the bill of sale is built from calls these as they are. */
#include <stdio.h>
#include <string.h>

#include "check/recheck.h"
#include "export/export.h"
#include "lib/term.h"
#include "lib/utf8.h"

/* The words of key, or key itself. */
static const char *
say(const struct words *w, const char *key)
{
	const char *t = w ? words_get(w, key) : NULL;

	return t ? t : key;
}

/* s, escaped for HTML (by buf_put_html, the only escaper). */
static void
html(struct buf *b, const char *s)
{
	buf_put_html(b, s, strlen(s));
}

/* tmpl with each {name} of fl filled, all escaped for HTML; the values
 * named in ltr (times, hashes) marked left to right, so a right-to-left
 * page shows them as written. */
static void
html_fill(struct buf *b, const char *tmpl, const struct fill *fl, const char *const *ltr)
{
	const char *p = tmpl, *open, *close;

	while ((open = strchr(p, '{')) != NULL && (close = strchr(open, '}')) != NULL) {
		size_t n = (size_t)(close - open - 1), i, k;
		for (i = 0; fl[i].name; i++)
			if (strlen(fl[i].name) == n && memcmp(fl[i].name, open + 1, n) == 0)
				break;
		buf_put_html(b, p, (size_t)(fl[i].name ? open - p : close + 1 - p));
		p = close + 1;
		if (!fl[i].name)
			continue;
		for (k = 0; ltr[k] && strcmp(ltr[k], fl[i].name) != 0; k++)
			;
		/* a time stays on one line; a hash may break, or it overflows a phone */
		if (ltr[k])
			buf_printf(b, "<span class=\"mono%s\" dir=\"ltr\">",
			    strlen(fl[i].value) < 32 ? " nowrap" : "");
		html(b, fl[i].value);
		if (ltr[k])
			BUF_LIT(b, "</span>");
	}
	html(b, p);
}

/* The detail, each step id in it ("recheck.knox, recheck.apps") named by
 * its label. */
static void
put_detail(struct buf *out, const struct words *w, const char *d)
{
	while (*d) {
		const char *comma = strstr(d, ", ");
		size_t n = comma ? (size_t)(comma - d) : strlen(d);
		const char *label = NULL;
		char id[72];

		if (n < sizeof id && w) {
			memcpy(id, d, n);
			id[n] = '\0';
			label = words_getf(w, "step.%s.label", id);
		}
		if (label)
			buf_puts(out, label);
		else
			buf_put_blanked(out, d, n);
		if (!comma)
			break;
		buf_puts(out, ", ");
		d = comma + 2;
	}
}

void
export_reason_words(const struct words *w, const char *value, int todo,
    char level[16], struct buf *out)
{
	const char *sp1 = strchr(value, ' '), *sp2, *detail = "", *s, *p, *tmpl = NULL;
	char code[64];
	size_t n;

	level[0] = '\0';
	if (!sp1 || (size_t)(sp1 - value) >= 16) {
		if (!todo)
			buf_put_blanked(out, value, strlen(value));
		return;
	}
	memcpy(level, value, (size_t)(sp1 - value));
	level[sp1 - value] = '\0';
	sp2 = strchr(sp1 + 1, ' ');
	n = sp2 ? (size_t)(sp2 - sp1 - 1) : strlen(sp1 + 1);
	if (sp2)
		detail = sp2 + 1;
	if (n < sizeof code && w) {
		memcpy(code, sp1 + 1, n);
		code[n] = '\0';
		tmpl = words_getf(w, todo ? "reason.%s.todo" : "reason.%s", code);
	}
	if (!tmpl) {
		if (!todo)
			buf_put_blanked(out, sp1 + 1, strlen(sp1 + 1));
		return;
	}
	for (s = tmpl; (p = strstr(s, "{detail}")) != NULL; s = p + 8) {
		size_t keep = (size_t)(p - s);
		/* no detail: " ({detail})" goes, brackets and all */
		if (!*detail && keep >= 2 && p[-1] == '(' && p[-2] == ' ' && p[8] == ')') {
			buf_put(out, s, keep - 2);
			p++;
			continue;
		}
		buf_put(out, s, keep);
		put_detail(out, w, detail);
	}
	buf_puts(out, s);
}

static const char *
level_words(const struct words *w, const char *level)
{
	return say(w, strcmp(level, "STOP") == 0 ? "verdict.STOP" :
	    strcmp(level, "GO") == 0 ? "verdict.GO" : "verdict.CAUTION");
}

/* The reasons of a re-check, each in its words. */
static void
reasons(struct buf *out, const struct recheck *x, const struct words *w, int as_html)
{
	size_t i;
	int any = 0;

	for (i = 0; i < x->nfields; i++) {
		char level[16];
		struct buf s, todo;

		if (strcmp(x->fields[i].key, RECORD_BLOCK_KEY ".reason") != 0)
			continue;
		buf_init_mem(&s);
		buf_init_mem(&todo);
		export_reason_words(w, x->fields[i].value, 0, level, &s);
		export_reason_words(w, x->fields[i].value, 1, level, &todo);
		if (s.err || todo.err) {
			if (!out->err)
				out->err = s.err ? s.err : todo.err;
		} else if (as_html) {
			if (!any++)
				BUF_LIT(out, "<ul class=\"reasons\">\n");
			BUF_LIT(out, "<li><strong>");
			html(out, level[0] ? level_words(w, level) : "");
			BUF_LIT(out, "</strong> ");
			buf_put_html(out, s.mem, s.len);
			if (todo.len) {
				BUF_LIT(out, "<span class=\"todo\">");
				html(out, say(w, "bill.todo_now"));
				buf_putc(out, ' ');
				buf_put_html(out, todo.mem, todo.len);
				BUF_LIT(out, "</span>");
			}
			BUF_LIT(out, "</li>\n");
		} else {
			BUF_LIT(out, "  - ");
			if (level[0]) {
				buf_puts(out, level_words(w, level));
				BUF_LIT(out, ": ");
			}
			buf_put(out, s.mem, s.len);
			buf_putc(out, '\n');
			if (todo.len) {
				BUF_LIT(out, "    ");
				buf_puts(out, say(w, "bill.todo_now"));
				buf_putc(out, ' ');
				buf_put(out, todo.mem, todo.len);
				buf_putc(out, '\n');
			}
		}
		buf_release(&s);
		buf_release(&todo);
	}
	if (as_html && any)
		BUF_LIT(out, "</ul>\n");
}

/* "Re-check 1: day 1 after the sale, 2026-11-24T18:30:00+00:00", as
 * text on one line or as HTML. */
static void
heading(struct buf *t, const struct words *w, const struct recheck_plan *p,
    const struct recheck *x, int as_html)
{
	static const char *const ltr[] = { "time", NULL };
	char n[24], day[24];
	struct fill fl[] = { {"n", n}, {"day", day}, {"time", x->time}, {NULL, NULL} };
	const char *key = "bill.recheck_when";
	struct buf v;

	snprintf(n, sizeof n, "%zu", x->block + 1);
	day[0] = '\0';
	if (p->applies && x->time_ok) {
		long d = recheck_day_of(p, x->at);
		snprintf(day, sizeof day, "%ld", d);
		key = d < 1 ? "bill.recheck_early" : "bill.recheck_day";
	}
	if (as_html) {
		html_fill(t, say(w, key), fl, ltr);
		return;
	}
	buf_init_mem(&v);
	words_fill(&v, say(w, key), fl);
	buf_put_blanked(t, buf_str(&v), v.len);
	if (v.err && !t->err)
		t->err = v.err;
	buf_release(&v);
}

static const char *
verdict_class(const struct recheck *x)
{
	if (!x->sealed || !x->verdict)
		return "open";
	return strcmp(x->verdict, "GO") == 0 ? "go" : strcmp(x->verdict, "STOP") == 0 ?
	    "stop" : "caution";
}

static const char *
verdict_words(const struct words *w, const struct recheck *x)
{
	if (!x->sealed)
		return say(w, "bill.recheck_open");
	if (!x->verdict)
		return say(w, "bill.no_verdict");
	return level_words(w, x->verdict);
}

/* Answer i of x in words, or NULL when neither answered nor skipped. */
static const char *
answer(const struct words *w, const struct recheck *x, size_t i)
{
	if (x->answer[i])
		return RECHECK_STEP(i)->type == CL_CHOICE ?
		    recheck_choice_words(w, i, x->answer[i]) : x->answer[i];
	return x->skipped[i] ? say(w, "status.skipped") : NULL;
}

static const char *
label(const struct words *w, size_t i)
{
	const char *t = recheck_step_words(w, i, "label");

	return t ? t : RECHECK_STEP(i)->id;
}

void
export_rechecks_html(const struct record *r, const struct words *w, struct buf *out)
{
	struct recheck_plan p;
	size_t b, i;

	if (r->nblocks == 0)
		return;
	recheck_plan(r, &p);
	BUF_LIT(out, "<section class=\"rechecks\">\n<h2>");
	html(out, say(w, "bill.rechecks"));
	BUF_LIT(out, "</h2>\n<p class=\"small\">");
	html(out, say(w, "bill.rechecks_intro"));
	BUF_LIT(out, "</p>\n");
	for (b = 0; b < r->nblocks; b++) {
		struct recheck x;

		if (recheck_read(r, b, &x, NULL) != 0)
			continue;
		buf_printf(out, "<div class=\"status %s\">\n<h3>", verdict_class(&x));
		heading(out, w, &p, &x, 1);
		BUF_LIT(out, "</h3>\n<p><strong>");
		html(out, verdict_words(w, &x));
		BUF_LIT(out, "</strong></p>\n<table>\n");
		for (i = 0; i < recheck_nsteps; i++) {
			const char *v = answer(w, &x, i);
			int flag = !x.answer[i] || strcmp(x.answer[i], "unsure") == 0;
			if (!v)
				continue;
			BUF_LIT(out, "<tr><th>");
			html(out, label(w, i));
			BUF_LIT(out, "</th><td>");
			if (flag)
				BUF_LIT(out, "<span class=\"flag\">");
			BUF_LIT(out, "<bdi>");
			html(out, v);
			BUF_LIT(out, "</bdi>");
			if (flag)
				BUF_LIT(out, "</span>");
			BUF_LIT(out, "</td></tr>\n");
		}
		BUF_LIT(out, "</table>\n");
		reasons(out, &x, w, 1);
		if (x.seal[0]) {
			static const char *const ltr[] = { "hash", NULL };
			struct fill fl[] = { {"hash", x.seal}, {NULL, NULL} };
			BUF_LIT(out, "<p class=\"small\">");
			html_fill(out, say(w, "bill.recheck_sealed"), fl, ltr);
			BUF_LIT(out, "</p>\n");
		}
		BUF_LIT(out, "</div>\n");
	}
	BUF_LIT(out, "</section>\n");
}

void
export_rechecks_text(const struct record *r, const struct words *w, struct buf *out)
{
	struct recheck_plan p;
	const char *title = say(w, "bill.rechecks");
	size_t b, i, n;

	if (r->nblocks == 0)
		return;
	recheck_plan(r, &p);
	buf_putc(out, '\n');
	/* in capitals as the bill's other headings: a-z and the Latin-1
	 * letters (é, ç, õ: es, pt, fr); other scripts keep theirs */
	for (i = 0; title[i]; i += n) {
		uint32_t cp;
		char enc[4];

		n = utf8_decode(title + i, strlen(title + i), &cp);
		if (cp == 0xFFFD && n == 1) {
			buf_putc(out, title[i]);
			continue;
		}
		if ((cp >= 'a' && cp <= 'z') || (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7))
			cp -= 32;
		buf_put(out, enc, utf8_encode(cp, enc));
	}
	BUF_LIT(out, "\n  ");
	buf_puts(out, say(w, "bill.rechecks_intro"));
	buf_putc(out, '\n');
	for (b = 0; b < r->nblocks; b++) {
		struct recheck x;

		if (recheck_read(r, b, &x, NULL) != 0)
			continue;
		BUF_LIT(out, "\n  ");
		heading(out, w, &p, &x, 0);
		BUF_LIT(out, "\n  ");
		buf_puts(out, say(w, "bill.verdict"));
		BUF_LIT(out, ": ");
		buf_put_blanked(out, verdict_words(w, &x), strlen(verdict_words(w, &x)));
		buf_putc(out, '\n');
		for (i = 0; i < recheck_nsteps; i++) {
			const char *v = answer(w, &x, i);
			if (!v)
				continue;
			BUF_LIT(out, "    ");
			buf_puts(out, label(w, i));
			BUF_LIT(out, ": ");
			buf_put_blanked(out, v, strlen(v));
			buf_putc(out, '\n');
		}
		reasons(out, &x, w, 0);
		if (x.seal[0]) {
			struct fill fl[] = { {"hash", x.seal}, {NULL, NULL} };
			BUF_LIT(out, "  ");
			words_fill(out, say(w, "bill.recheck_sealed"), fl);
			buf_putc(out, '\n');
		}
	}
}
