/* SPDX-License-Identifier: MIT */
/* html: the bill of sale as one self-contained HTML page: inline
 * CSS and an inline SVG QR code, nothing loaded from anywhere, readable on
 * a phone and printable on A4 or US Letter, in the reader's language (and
 * right to left where it is written so).  Everything taken from the
 * record or the data files goes through esc() (buf_put_html) exactly once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/export.h"
#include "export/qr.h"

#define QR_PX_PER_MODULE 4

static const char style[] =
":root{color-scheme:light}\n"
"*{box-sizing:border-box}\n"
"html{-webkit-text-size-adjust:100%;text-size-adjust:100%}\n"
"body{margin:0;background:#eceff3;color:#111;"
"font:15px/1.45 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\",\"Helvetica Neue\",Arial,sans-serif}\n"
"main{max-width:56rem;margin:0 auto;padding:1.5rem;background:#fff}\n"
"h1{font-size:1.55rem;line-height:1.2;margin:.1rem 0 .4rem}\n"
"h2{font-size:.9rem;text-transform:uppercase;letter-spacing:.06em;margin:0 0 .4rem;"
"padding-bottom:.2rem;border-bottom:2px solid #111;break-after:avoid}\n"
"h3{font-size:.95rem;margin:.7rem 0 .3rem}\n"
"p{margin:.4rem 0}\n"
"section{margin:0 0 1.2rem;break-inside:avoid;page-break-inside:avoid}\n"
".cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(19rem,1fr));gap:0 1.6rem}\n"
"header{display:flex;flex-wrap:wrap;gap:1rem 1.5rem;align-items:flex-start;"
"justify-content:space-between;margin-bottom:1.1rem}\n"
"header .title{flex:1 1 18rem;min-width:0}\n"
".kicker{margin:0;font-size:.8rem;text-transform:uppercase;letter-spacing:.08em;color:#555}\n"
".qr{margin:0;text-align:center;flex:0 0 auto}\n"
".qr svg{display:block;width:var(--qr);height:var(--qr);max-width:100%}\n"
".qr figcaption{font-size:.75rem;color:#555;max-width:var(--qr)}\n"
"table{width:100%;border-collapse:collapse}\n"
"th,td{text-align:left;vertical-align:top;padding:.25rem .5rem .25rem 0;"
"border-bottom:1px solid #dde1e6}\n"
"th{font-weight:600;width:34%}\n.cols th{width:55%}\n.cols .phone th{width:40%}\n"
"td{overflow-wrap:break-word}\n"
".nowrap{white-space:nowrap}\n"
".mono{font-family:ui-monospace,\"SF Mono\",Menlo,Consolas,\"DejaVu Sans Mono\",\"Liberation Mono\",monospace;"
"font-size:.9em;overflow-wrap:anywhere}\n"
".hash span{margin-right:.35em}\n"
".flag{color:#8a4b00;font-weight:600}\n"
".status{border:3px solid;border-radius:6px;padding:.6rem 1rem;margin:0 0 1.2rem;"
"-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
".status strong{font-size:1.2rem}\n"
".go{border-color:#1a7f37;background:#e9f7ee}\n"
".caution{border-color:#b26b00;background:#fff4e0}\n"
".stop{border-color:#c4161c;background:#fdecec}\n"
".open{border-color:#c4161c;background:#fff;border-style:dashed}\n"
".reasons{margin:.4rem 0 0;padding-left:1.2rem}\n"
".reasons li{margin:.3rem 0}\n"
".todo{display:block;color:#333}\n"
".files td,.files th{font-size:.9em;width:auto}\n"
".declaration ol{padding-left:1.3rem;margin:.4rem 0}\n"
".declaration li{margin:.15rem 0}\n"
".sign{display:grid;grid-template-columns:1fr 1fr;gap:.5rem 2rem;margin-top:.8rem}\n"
".sign h3{margin:0}\n"
".line{display:block;border-bottom:1px solid #111;min-height:1.9rem;padding-top:.6rem}\n"
".sig{min-height:2.8rem}\n"
".pair{display:grid;grid-template-columns:1fr 1fr;gap:0 1rem}\n"
".cap{display:block;font-size:.75rem;color:#555;margin-bottom:.2rem}\n"
".small{font-size:.85rem;color:#444}\n"
"@media (max-width:40rem){main{padding:1rem}.sign{grid-template-columns:1fr}}\n"
"@media print{html{font-size:9.5pt}body{background:#fff;font-size:9.5pt;line-height:1.35}"
"main{max-width:none;padding:0}th,td{padding:.12rem .4rem .12rem 0}"
"section,.status{margin-bottom:.8rem}"
".qr svg{width:40mm;height:40mm}.qr figcaption{max-width:40mm}}\n"
".warn{border:3px solid #c4161c;background:#fdecec;padding:.6rem 1rem;margin:0 0 1.2rem}\n"
"[dir=rtl] th,[dir=rtl] td{text-align:right;padding:.25rem 0 .25rem .5rem}\n"
"[dir=rtl] .reasons{padding-left:0;padding-right:1.2rem}\n"
"@page{size:auto;margin:15mm}\n";

/* ------------------------------------------------------ escaping and rows */

static void
esc(struct buf *b, const char *s)
{
	buf_put_html(b, s, strlen(s));
}

/* The reader's words for key, escaped. */
static void
words(struct buf *b, const struct export_model *m, const char *key)
{
	esc(b, export_words(m, key));
}

/* ... with placeholders filled. */
static void
say(struct buf *b, const struct export_model *m, const char *key, const struct fill *fl)
{
	export_say(b, m, key, fl, esc);
}

/* A typed value, isolated so right-to-left text cannot reorder the page. */
static void
value(struct buf *b, const char *s)
{
	BUF_LIT(b, "<bdi>");
	esc(b, s);
	BUF_LIT(b, "</bdi>");
}

static void
row_start(struct buf *b, const struct export_model *m, const char *key)
{
	BUF_LIT(b, "<tr><th>");
	words(b, m, key);
	BUF_LIT(b, "</th><td>");
}

static void
row_text(struct buf *b, const struct export_model *m, const char *key, const char *v,
    int mono)
{
	row_start(b, m, key);
	if (mono)
		BUF_LIT(b, "<span class=\"mono\">");
	value(b, v);
	if (mono)
		BUF_LIT(b, "</span>");
	BUF_LIT(b, "</td></tr>\n");
}

static void
row_step(struct buf *b, const struct export_row *r)
{
	int mono = cl_steps[r->step].type == CL_IDENT || cl_steps[r->step].type == CL_EID;

	BUF_LIT(b, "<tr><th>");
	esc(b, r->label);
	BUF_LIT(b, "</th><td>");
	if (r->flag)
		BUF_LIT(b, "<span class=\"flag\">");
	else if (mono)
		BUF_LIT(b, "<span class=\"mono\">");
	value(b, r->value);
	if (r->flag || mono)
		BUF_LIT(b, "</span>");
	BUF_LIT(b, "</td></tr>\n");
}

/* The rows of every step shown in part p, in checklist order. */
static void
rows_of(struct buf *b, const struct export_model *m, enum export_part p)
{
	size_t i;

	if (export_model_count(m, p) == 0 && p != EXPORT_PROOF) {
		BUF_LIT(b, "<tr><td>");
		words(b, m, "bill.not_in_record");
		BUF_LIT(b, "</td></tr>\n");
	}
	for (i = 0; i < m->nrows; i++)
		if (export_part_of(m->rows[i].step) == p)
			row_step(b, &m->rows[i]);
}

/* 64 hex digits in groups of 8: easier to compare by eye, and copied
 * without spaces. */
static void
hash(struct buf *b, const char *hex)
{
	size_t i, n = strlen(hex);

	BUF_LIT(b, "<span class=\"mono hash\" dir=\"ltr\">");
	for (i = 0; i < n; i += 8) {
		BUF_LIT(b, "<span>");
		buf_put_html(b, hex + i, n - i < 8 ? n - i : 8);
		BUF_LIT(b, "</span>");
	}
	BUF_LIT(b, "</span>");
}

/* ------------------------------------------------- the page, part by part */

static void
head(struct buf *b, const struct export_model *m)
{
	const char *dir = words_get(m->src->words, "lang.dir");
	struct fill fl[] = {{"id", m->sc->meta.id}, {NULL, NULL}};

	BUF_LIT(b, "<!DOCTYPE html>\n<html lang=\"");
	esc(b, m->src->words ? m->src->words->lang : "en");
	BUF_LIT(b, "\" dir=\"");
	esc(b, dir && strcmp(dir, "rtl") == 0 ? "rtl" : "ltr");
	BUF_LIT(b, "\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	    "style-src 'unsafe-inline'\">\n<title>");
	say(b, m, m->failed ? "bill.page_title_failed" : "bill.page_title", fl);
	BUF_LIT(b, "</title>\n<style>\n");
	buf_puts(b, style);
	BUF_LIT(b, "</style>\n</head>\n<body>\n<main>\n");
}

static int
header(struct buf *b, const struct export_model *m, struct error *e)
{
	struct qr *q = malloc(sizeof *q);	/* about 31 KB */
	struct buf payload;
	const struct saved_meta *meta = &m->sc->meta;
	int rc = -1;

	buf_init_mem(&payload);
	export_qr_payload(m->src->rec, &payload);
	if (!q || payload.err) {
		error_set(e, 0, 0, "out of memory");
		goto out;
	}
	if (qr_encode((const unsigned char *)buf_str(&payload), payload.len, QR_ECL_M, q,
	    e) != 0)
		goto out;
	BUF_LIT(b, "<header>\n<div class=\"title\">\n<p class=\"kicker\">");
	words(b, m, "bill.kicker");
	BUF_LIT(b, "</p>\n<h1>");
	words(b, m, m->failed ? "bill.title_failed" : "bill.title");
	BUF_LIT(b, "</h1>\n<p>");
	words(b, m, "bill.record");
	BUF_LIT(b, " <span class=\"mono\" dir=\"ltr\">");
	esc(b, meta->id);
	BUF_LIT(b, "</span>");
	if (meta->created[0]) {
		words(b, m, "list.sep");
		words(b, m, "bill.checked_on");
		BUF_LIT(b, " <span class=\"mono nowrap\" dir=\"ltr\">");
		esc(b, meta->created);
		BUF_LIT(b, "</span>");
	}
	BUF_LIT(b, "</p>\n<p class=\"small\">");
	words(b, m, m->failed ? "bill.intro_failed" : "bill.intro");
	BUF_LIT(b, "</p>\n</div>\n");
	buf_printf(b, "<figure class=\"qr\" style=\"--qr:%dpx\">",
	    (q->size + 2 * QR_QUIET) * QR_PX_PER_MODULE);
	qr_svg(q, 0, b);
	BUF_LIT(b, "<figcaption>");
	words(b, m, "bill.qr_caption");
	BUF_LIT(b, "</figcaption></figure>\n</header>\n");
	rc = 0;
out:
	buf_release(&payload);
	free(q);
	return rc;
}

static void
phone(struct buf *b, const struct export_model *m)
{
	const struct checklist *cl = &m->sc->cl;
	size_t i;

	BUF_LIT(b, "<section class=\"phone\">\n<h2>");
	words(b, m, "bill.phone");
	BUF_LIT(b, "</h2>\n<table>\n");
	if (export_model_count(m, EXPORT_PHONE) == 0) {
		BUF_LIT(b, "<tr><td>");
		words(b, m, "bill.not_in_record");
		BUF_LIT(b, "</td></tr>\n");
	}
	for (i = 0; i < m->nrows; i++) {
		if (export_part_of(m->rows[i].step) != EXPORT_PHONE)
			continue;
		row_step(b, &m->rows[i]);
		if (m->rows[i].step == STEP_LISTING_MODEL && cl->tac_brand[0]) {
			char v[400];
			snprintf(v, sizeof v, "%s %s", cl->tac_brand, cl->tac_model);
			row_text(b, m, "bill.tac_row", v, 0);
		}
	}
	BUF_LIT(b, "</table>\n</section>\n");
}

static void
sale(struct buf *b, const struct export_model *m)
{
	BUF_LIT(b, "<section>\n<h2>");
	words(b, m, "bill.sale");
	BUF_LIT(b, "</h2>\n<table>\n");
	rows_of(b, m, EXPORT_SALE);
	if (m->sc->cl.challenge[0])
		row_text(b, m, "bill.challenge_row", m->sc->cl.challenge, 1);
	BUF_LIT(b, "</table>\n</section>\n");
}

static void
verdict(struct buf *b, const struct export_model *m)
{
	const struct saved_check *sc = m->sc;
	struct fill fl[] = {{"id", sc->meta.id}, {"stated", sc->verdict},
	    {"actual", cl_level_name(sc->level)}, {NULL, NULL}};
	size_t i;

	if (!sc->meta.sealed) {
		BUF_LIT(b, "<section class=\"status open\">\n<h2>");
		words(b, m, "bill.verdict");
		BUF_LIT(b, "</h2>\n<p><strong>");
		words(b, m, "bill.open_title");
		BUF_LIT(b, "</strong></p>\n<p>");
		say(b, m, "bill.open_text", fl);
		BUF_LIT(b, "</p>\n</section>\n");
		return;
	}
	if (!sc->follows) {
		BUF_LIT(b, "<p class=\"warn\" role=\"alert\"><strong>");
		say(b, m, "bill.not_follow", fl);
		BUF_LIT(b, "</strong></p>\n");
	}
	if (!sc->verdict[0]) {
		BUF_LIT(b, "<section class=\"status open\">\n<h2>");
		words(b, m, "bill.verdict");
		BUF_LIT(b, "</h2>\n<p><strong>");
		words(b, m, "bill.no_verdict");
		BUF_LIT(b, "</strong></p>\n</section>\n");
		return;
	}
	buf_printf(b, "<section class=\"status %s\">\n<h2>",
	    strcmp(sc->verdict, "GO") == 0 ? "go" : strcmp(sc->verdict, "STOP") == 0 ? "stop" :
	    "caution");
	words(b, m, "bill.verdict");
	BUF_LIT(b, "</h2>\n<p><strong>");
	words(b, m, strcmp(sc->verdict, "GO") == 0 ? "verdict.GO" :
	    strcmp(sc->verdict, "STOP") == 0 ? "verdict.STOP" : "verdict.CAUTION");
	BUF_LIT(b, "</strong></p>\n");
	if (sc->nstated == 0) {
		BUF_LIT(b, "<p>");
		words(b, m, "bill.all_passed");
		BUF_LIT(b, "</p>\n</section>\n");
		return;
	}
	BUF_LIT(b, "<ul class=\"reasons\">\n");
	for (i = 0; i < sc->nstated; i++) {
		const struct saved_reason *x = &sc->stated[i];
		BUF_LIT(b, "<li><strong>");
		words(b, m, strcmp(x->level, "STOP") == 0 ? "verdict.STOP" : "verdict.CAUTION");
		BUF_LIT(b, "</strong> ");
		export_reason_put(b, m, x, 0, esc);
		BUF_LIT(b, "<span class=\"todo\">");
		words(b, m, "bill.todo");
		buf_putc(b, ' ');
		export_reason_put(b, m, x, 1, esc);
		BUF_LIT(b, "</span></li>\n");
	}
	BUF_LIT(b, "</ul>\n</section>\n");
}

static void
checks(struct buf *b, const struct export_model *m)
{
	const char *section = NULL;
	size_t i;

	BUF_LIT(b, "<div class=\"cols\">\n");
	for (i = 0; i < m->nrows; i++) {
		const struct cl_step *st = &cl_steps[m->rows[i].step];
		if (export_part_of(m->rows[i].step) != EXPORT_CHECKS)
			continue;
		if (!section || strcmp(section, st->section) != 0) {
			struct fill fl[] = {{"section", cl_section_title(&m->sc->cl, st->section)},
			    {NULL, NULL}};
			if (section)
				BUF_LIT(b, "</table>\n</section>\n");
			BUF_LIT(b, "<section>\n<h2>");
			say(b, m, "bill.checked", fl);
			BUF_LIT(b, "</h2>\n<table>\n");
			section = st->section;
		}
		row_step(b, &m->rows[i]);
	}
	if (section)
		BUF_LIT(b, "</table>\n</section>\n");
	BUF_LIT(b, "</div>\n");
}

static void
proof(struct buf *b, const struct export_model *m)
{
	const struct checklist *cl = &m->sc->cl;
	size_t i;

	BUF_LIT(b, "<section>\n<h2>");
	words(b, m, "bill.proof");
	BUF_LIT(b, "</h2>\n<table>\n");
	rows_of(b, m, EXPORT_PROOF);
	BUF_LIT(b, "</table>\n");
	if (cl->nfiles == 0) {
		BUF_LIT(b, "<p>");
		words(b, m, "bill.no_files");
		BUF_LIT(b, "</p>\n</section>\n");
		return;
	}
	BUF_LIT(b, "<h3>");
	words(b, m, "bill.files");
	BUF_LIT(b, "</h3>\n<table class=\"files\">\n<tr><th>");
	words(b, m, "bill.file");
	BUF_LIT(b, "</th><th>");
	words(b, m, "bill.bytes");
	BUF_LIT(b, "</th><th>SHA-256</th></tr>\n");
	for (i = 0; i < cl->nfiles; i++) {
		BUF_LIT(b, "<tr><td class=\"name\">");
		value(b, cl->files[i].name);
		buf_printf(b, "</td><td>%llu</td><td>", (unsigned long long)cl->files[i].size);
		hash(b, cl->files[i].sha256);
		BUF_LIT(b, "</td></tr>\n");
	}
	BUF_LIT(b, "</table>\n<p class=\"small\">");
	words(b, m, "bill.files_note");
	BUF_LIT(b, "</p>\n</section>\n");
}

static void
blank(struct buf *b, const struct export_model *m, const char *key, const char *name)
{
	if (strcmp(key, "bill.signature") == 0)
		BUF_LIT(b, "<div><span class=\"line sig\">");
	else
		BUF_LIT(b, "<div><span class=\"line\">");
	if (name)
		value(b, name);
	BUF_LIT(b, "</span><span class=\"cap\">");
	words(b, m, key);
	BUF_LIT(b, "</span></div>\n");
}

/* Lines to fill by hand; the seller's name as the record has it. */
static void
party(struct buf *b, const struct export_model *m, const char *key, const char *name)
{
	BUF_LIT(b, "<div>\n<h3>");
	words(b, m, key);
	BUF_LIT(b, "</h3>\n");
	blank(b, m, "bill.name", name);
	blank(b, m, "bill.signature", NULL);
	BUF_LIT(b, "<div class=\"pair\">\n");
	blank(b, m, "bill.date", NULL);
	blank(b, m, "bill.place", NULL);
	BUF_LIT(b, "</div>\n</div>\n");
}

static void
declaration(struct buf *b, const struct export_model *m)
{
	const struct export_row *d = export_model_row(m, STEP_SELLER_DECLARATION);
	const struct export_row *name = export_model_row(m, STEP_SELLER_NAME);
	int k;

	BUF_LIT(b, "<section class=\"declaration\">\n<h2>");
	words(b, m, "bill.declaration");
	BUF_LIT(b, "</h2>\n<p>");
	words(b, m, "bill.declaration_intro");
	BUF_LIT(b, "</p>\n<ol>\n");
	for (k = 1; k <= 9; k++) {
		const char *s = words_getf(m->src->words, "declaration.%d", k);
		if (!s)
			break;
		BUF_LIT(b, "<li>");
		esc(b, s);
		BUF_LIT(b, "</li>\n");
	}
	BUF_LIT(b, "</ol>\n<p class=\"small\">");
	words(b, m, "bill.declaration_was");
	buf_putc(b, ' ');
	if (d && d->flag)
		BUF_LIT(b, "<span class=\"flag\">");
	esc(b, d ? d->value : export_words(m, "answer_words.not_yet"));
	if (d && d->flag)
		BUF_LIT(b, "</span>");
	BUF_LIT(b, "</p>\n");
	if (m->failed) {
		/* nobody signs a failed check */
		BUF_LIT(b, "<p><strong>");
		words(b, m, "bill.no_signatures");
		BUF_LIT(b, "</strong></p>\n</section>\n");
		return;
	}
	BUF_LIT(b, "<div class=\"sign\">\n");
	party(b, m, "bill.seller", name && !name->flag ? name->value : NULL);
	party(b, m, "bill.buyer", NULL);
	BUF_LIT(b, "</div>\n</section>\n");
}

static void
record_section(struct buf *b, const struct export_model *m)
{
	const struct saved_meta *meta = &m->sc->meta;
	struct fill fl[] = {{"id", meta->id}, {"version", meta->version},
	    {"created", meta->created[0] ? meta->created : "?"},
	    {"updated", meta->updated[0] ? meta->updated : "?"}, {NULL, NULL}};
	struct buf t;

	BUF_LIT(b, "<section>\n<h2>");
	words(b, m, "bill.this_record");
	BUF_LIT(b, "</h2>\n<table>\n");
	row_text(b, m, "bill.record_id", meta->id, 1);
	row_start(b, m, "bill.state");
	words(b, m, meta->sealed ? "bill.state_sealed" : "bill.state_open");
	if (meta->version[0]) {
		buf_putc(b, ' ');
		say(b, m, "bill.version", fl);
	}
	BUF_LIT(b, "</td></tr>\n");
	if (meta->created[0] || meta->updated[0]) {
		row_start(b, m, "bill.saved");
		say(b, m, "bill.saved_value", fl);
		BUF_LIT(b, "</td></tr>\n");
	}
	row_start(b, m, "bill.seal_row");
	hash(b, m->src->rec->seal);
	BUF_LIT(b, "</td></tr>\n");
	if (m->src->rec->nblocks) {
		row_start(b, m, "bill.check_seal_row");
		hash(b, m->src->rec->check_seal);
		BUF_LIT(b, "</td></tr>\n");
	}
	buf_init_mem(&t);
	export_qr_payload(m->src->rec, &t);
	if (t.err && !b->err)
		b->err = t.err;
	row_text(b, m, "bill.qr_row", buf_str(&t), 1);
	buf_release(&t);
	BUF_LIT(b, "</table>\n<p class=\"small\">");
	say(b, m, "bill.check_note", fl);
	buf_putc(b, ' ');
	words(b, m, "bill.seal_meaning");
	BUF_LIT(b, "</p>\n</section>\n");
}

/* --------------------------------------------------------- the whole page */

int
export_html(const struct export_src *s, struct buf *out, struct error *e)
{
	struct export_model m;

	if (export_model_init(&m, s, e) != 0)
		return -1;
	head(out, &m);
	if (header(out, &m, e) != 0) {
		export_model_release(&m);
		return -1;
	}
	if (!m.sc->meta.sealed) {
		BUF_LIT(out, "<p class=\"status open\"><strong>");
		words(out, &m, "bill.open_title");
		BUF_LIT(out, "</strong><br>");
		words(out, &m, "bill.open_banner");
		BUF_LIT(out, "</p>\n");
	}
	BUF_LIT(out, "<div class=\"cols\">\n");
	phone(out, &m);
	sale(out, &m);
	BUF_LIT(out, "</div>\n");
	verdict(out, &m);
	export_rechecks_html(s->rec, s->words, out);
	checks(out, &m);
	proof(out, &m);
	declaration(out, &m);
	record_section(out, &m);
	BUF_LIT(out, "</main>\n</body>\n</html>\n");
	export_model_release(&m);
	if (out->err)
		return error_set(e, 0, 0, "cannot write the page: %s", strerror(out->err));
	return 0;
}
