/* SPDX-License-Identifier: MIT */
/* html: the bill of sale as one self-contained HTML page: inline
 * CSS and an inline SVG QR code, nothing loaded from anywhere, readable on
 * a phone and printable on A4 or US Letter.  Everything taken from the
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
"td{overflow-wrap:anywhere}\n"
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
"@page{size:auto;margin:15mm}\n";

static void
esc(struct buf *b, const char *s)
{
	buf_put_html(b, s, strlen(s));
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
row_raw_start(struct buf *b, const char *label)
{
	BUF_LIT(b, "<tr><th>");
	esc(b, label);
	BUF_LIT(b, "</th><td>");
}

static void
row_text(struct buf *b, const char *label, const char *v, int mono)
{
	row_raw_start(b, label);
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
	int mono = r->step->type == CL_IDENT || r->step->type == CL_EID;

	row_raw_start(b, r->label);
	if (r->flag)
		BUF_LIT(b, "<span class=\"flag\">");
	else if (mono)
		BUF_LIT(b, "<span class=\"mono\">");
	value(b, r->value);
	if (r->flag || mono)
		BUF_LIT(b, "</span>");
	BUF_LIT(b, "</td></tr>\n");
}

/* A row whose value is formatted first, then escaped once. */
static void
row_fmt(struct buf *b, const char *label, int mono, const char *fmt, const char *x,
    const char *y)
{
	struct buf t;

	buf_init_mem(&t);
	buf_printf(&t, fmt, x, y);
	if (t.err && !b->err)
		b->err = t.err;
	row_text(b, label, buf_str(&t), mono);
	buf_release(&t);
}

/* The rows of every step shown in part p, in checklist order. */
static void
rows_of(struct buf *b, const struct export_model *m, enum export_part p)
{
	size_t i;

	if (export_model_count(m, p) == 0 && p != EXPORT_PROOF)
		BUF_LIT(b, "<tr><td>Not in the record.</td></tr>\n");
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

	BUF_LIT(b, "<span class=\"mono hash\">");
	for (i = 0; i < n; i += 8) {
		BUF_LIT(b, "<span>");
		buf_put_html(b, hex + i, n - i < 8 ? n - i : 8);
		BUF_LIT(b, "</span>");
	}
	BUF_LIT(b, "</span>");
}

static void
head(struct buf *b, const struct export_model *m)
{
	BUF_LIT(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	    "style-src 'unsafe-inline'\">\n<title>Bill of sale, handover record ");
	esc(b, m->id);
	BUF_LIT(b, "</title>\n<style>\n");
	buf_puts(b, style);
	BUF_LIT(b, "</style>\n</head>\n<body>\n<main>\n");
}

static int
header(struct buf *b, const struct export_model *m, struct error *e)
{
	struct qr *q = malloc(sizeof *q);	/* about 31 KB */
	struct buf payload;
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
	BUF_LIT(b, "<header>\n<div class=\"title\">\n<p class=\"kicker\">handover record</p>\n"
	    "<h1>Bill of sale: used mobile phone</h1>\n<p>Record <span class=\"mono\">");
	esc(b, m->id);
	BUF_LIT(b, "</span>");
	if (m->created) {
		BUF_LIT(b, ", checked <span class=\"mono\">");
		esc(b, m->created);
		BUF_LIT(b, "</span>");
	}
	BUF_LIT(b, "</p>\n<p class=\"small\">The buyer checked this phone with handover before "
	    "paying. The record file, sealed with the SHA-256 below, holds every answer.</p>\n"
	    "</div>\n");
	buf_printf(b, "<figure class=\"qr\" style=\"--qr:%dpx\">",
	    (q->size + 2 * QR_QUIET) * QR_PX_PER_MODULE);
	qr_svg(q, 0, b);
	BUF_LIT(b, "<figcaption>Scan to compare with the record: its id, the IMEI "
	    "and the SHA-256</figcaption></figure>\n</header>\n");
	rc = 0;
out:
	buf_release(&payload);
	free(q);
	return rc;
}

static void
phone(struct buf *b, const struct export_model *m)
{
	const struct export_row *model = export_model_row(m, "listing.model");
	size_t i;

	BUF_LIT(b, "<section class=\"phone\">\n<h2>The phone</h2>\n<table>\n");
	if (export_model_count(m, EXPORT_PHONE) == 0)
		BUF_LIT(b, "<tr><td>Not in the record.</td></tr>\n");
	for (i = 0; i < m->nrows; i++) {
		if (export_part_of(m->rows[i].step) != EXPORT_PHONE)
			continue;
		row_step(b, &m->rows[i]);
		if (&m->rows[i] == model && m->tac_brand)
			row_fmt(b, "Model its IMEI belongs to (TAC)", 0, "%s %s", m->tac_brand,
			    m->tac_model ? m->tac_model : "");
	}
	BUF_LIT(b, "</table>\n</section>\n");
}

static void
sale(struct buf *b, const struct export_model *m)
{
	BUF_LIT(b, "<section>\n<h2>The sale</h2>\n<table>\n");
	rows_of(b, m, EXPORT_SALE);
	if (m->challenge)
		row_text(b, "Code for the seller's photo", m->challenge, 1);
	BUF_LIT(b, "</table>\n</section>\n");
}

static void
verdict(struct buf *b, const struct export_model *m)
{
	size_t i;

	if (!m->sealed) {
		BUF_LIT(b, "<section class=\"status open\">\n<h2>Verdict</h2>\n"
		    "<p><strong>NOT FINISHED \xe2\x80\x94 this check is still open</strong></p>\n"
		    "<p>There is no verdict yet: the buyer has not answered every question. "
		    "Finish it with <span class=\"mono\">handover check --resume ");
		esc(b, m->id);
		BUF_LIT(b, "</span> and export it again.</p>\n</section>\n");
		return;
	}
	if (!m->verdict) {
		BUF_LIT(b, "<section class=\"status open\">\n<h2>Verdict</h2>\n"
		    "<p><strong>None in the record</strong></p>\n</section>\n");
		return;
	}
	buf_printf(b, "<section class=\"status %s\">\n<h2>Verdict</h2>\n<p><strong>",
	    strcmp(m->verdict, "GO") == 0 ? "go" : strcmp(m->verdict, "STOP") == 0 ? "stop" :
	    "caution");
	esc(b, m->verdict);
	BUF_LIT(b, "</strong></p>\n");
	if (m->nreasons == 0) {
		BUF_LIT(b, "<p>Every check passed.</p>\n</section>\n");
		return;
	}
	BUF_LIT(b, "<ul class=\"reasons\">\n");
	for (i = 0; i < m->nreasons; i++) {
		const struct export_reason *x = &m->reasons[i];
		BUF_LIT(b, "<li><strong>");
		esc(b, x->level);
		BUF_LIT(b, "</strong> ");
		export_reason_put(b, m, x, 0, esc);
		if (x->todo[0]) {
			BUF_LIT(b, "<span class=\"todo\">What to do: ");
			export_reason_put(b, m, x, 1, esc);
			BUF_LIT(b, "</span>");
		}
		BUF_LIT(b, "</li>\n");
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
		const struct cl_step *st = m->rows[i].step;
		if (export_part_of(st) != EXPORT_CHECKS)
			continue;
		if (!section || strcmp(section, st->section) != 0) {
			if (section)
				BUF_LIT(b, "</table>\n</section>\n");
			BUF_LIT(b, "<section>\n<h2>Checked: ");
			esc(b, export_section_title(st->section));
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
	const struct record *r = m->src->rec;
	const struct record_field *f;
	struct error e;

	BUF_LIT(b, "<section>\n<h2>Proof of purchase</h2>\n<table>\n");
	rows_of(b, m, EXPORT_PROOF);
	BUF_LIT(b, "</table>\n");
	if (!record_find(r, "attachment", NULL)) {
		BUF_LIT(b, "<p>No files were attached.</p>\n</section>\n");
		return;
	}
	BUF_LIT(b, "<h3>Attached files</h3>\n<table class=\"files\">\n"
	    "<tr><th>File</th><th>Bytes</th><th>SHA-256</th></tr>\n");
	for (f = record_find(r, "attachment", NULL); f; f = record_find(r, "attachment", f)) {
		struct record_attachment a;
		if (record_attachment_parse(f->value, &a, &e) != 0)
			continue;	/* export_model_init refused these */
		BUF_LIT(b, "<tr><td>");
		value(b, a.name);
		buf_printf(b, "</td><td>%llu</td><td>", (unsigned long long)a.size);
		hash(b, a.sha256);
		BUF_LIT(b, "</td></tr>\n");
	}
	BUF_LIT(b, "</table>\n<p class=\"small\">The files are not part of the record, only "
	    "their SHA-256: <span class=\"mono\">handover verify</span> or "
	    "<span class=\"mono\">sha256sum FILE</span> shows that a photo is the one attached.</p>\n"
	    "</section>\n");
}

static void
blank(struct buf *b, const char *caption, const char *name)
{
	if (strcmp(caption, "Signature") == 0)
		BUF_LIT(b, "<div><span class=\"line sig\">");
	else
		BUF_LIT(b, "<div><span class=\"line\">");
	if (name)
		value(b, name);
	BUF_LIT(b, "</span><span class=\"cap\">");
	esc(b, caption);
	BUF_LIT(b, "</span></div>\n");
}

/* Lines to fill by hand; the seller's name as the record has it. */
static void
party(struct buf *b, const char *who, const char *name)
{
	BUF_LIT(b, "<div>\n<h3>");
	esc(b, who);
	BUF_LIT(b, "</h3>\n");
	blank(b, "Name", name);
	blank(b, "Signature", NULL);
	BUF_LIT(b, "<div class=\"pair\">\n");
	blank(b, "Date", NULL);
	blank(b, "Place", NULL);
	BUF_LIT(b, "</div>\n</div>\n");
}

static void
declaration(struct buf *b, const struct export_model *m)
{
	const struct export_row *d = export_model_row(m, "seller.declaration");
	const struct export_row *name = export_model_row(m, "seller.name");
	size_t i;

	BUF_LIT(b, "<section class=\"declaration\">\n<h2>The seller's declaration</h2>\n"
	    "<p>I, the seller, declare about the phone described above:</p>\n<ol>\n");
	for (i = 0; export_declaration[i]; i++) {
		BUF_LIT(b, "<li>");
		esc(b, export_declaration[i]);
		BUF_LIT(b, "</li>\n");
	}
	BUF_LIT(b, "</ol>\n<p class=\"small\">During the check the declaration was: ");
	if (d && d->flag)
		BUF_LIT(b, "<span class=\"flag\">");
	esc(b, d ? d->value : "not asked yet");
	if (d && d->flag)
		BUF_LIT(b, "</span>");
	BUF_LIT(b, ".</p>\n<div class=\"sign\">\n");
	party(b, "Seller", name && !name->flag ? name->value : NULL);
	party(b, "Buyer", NULL);
	BUF_LIT(b, "</div>\n</section>\n");
}

static void
record_section(struct buf *b, const struct export_model *m)
{
	struct buf t;

	BUF_LIT(b, "<section>\n<h2>This record</h2>\n<table>\n");
	row_text(b, "Record id", m->id, 1);
	row_fmt(b, "State", 0, m->version ? "%s (handover %s)" : "%s%s",
	    m->sealed ? "sealed: the check is finished" : "open: NOT FINISHED",
	    m->version ? m->version : "");
	if (m->created || m->updated)
		row_fmt(b, "Saved", 0, "began %s, last saved %s", m->created ? m->created : "?",
		    m->updated ? m->updated : "?");
	row_raw_start(b, "SHA-256 of the record");
	hash(b, m->src->rec->seal);
	BUF_LIT(b, "</td></tr>\n");
	buf_init_mem(&t);
	export_qr_payload(m->src->rec, &t);
	if (t.err && !b->err)
		b->err = t.err;
	row_text(b, "The QR code says", buf_str(&t), 1);
	buf_release(&t);
	BUF_LIT(b, "</table>\n<p class=\"small\">To check the record file: "
	    "<span class=\"mono\">handover verify ");
	esc(b, m->id);
	BUF_LIT(b, ".record</span>, or without handover <span class=\"mono\">head -n -1 ");
	esc(b, m->id);
	BUF_LIT(b, ".record | sha256sum</span>, which must print the SHA-256 above. "
	    "Any change to the file after it was saved shows.</p>\n</section>\n");
}

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
	if (!m.sealed)
		BUF_LIT(out, "<p class=\"status open\"><strong>NOT FINISHED \xe2\x80\x94 this "
		    "check is still open</strong><br>This page shows the answers so far. "
		    "It is not a finished check.</p>\n");
	BUF_LIT(out, "<div class=\"cols\">\n");
	phone(out, &m);
	sale(out, &m);
	BUF_LIT(out, "</div>\n");
	verdict(out, &m);
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
