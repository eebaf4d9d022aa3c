/* SPDX-License-Identifier: MIT */
/* format_csv: a scanned listing as CSV: the wide form (a row a listing)
 * and the long form (a row a reason, with its evidence), every cell
 * through buf_put_csv, IMEIs kept as text for a spreadsheet. */
#include <stdio.h>
#include <string.h>

#include "ident/ident.h"
#include "scan/format.h"
#include "scan/format_priv.h"
#include "scan/seen.h"

/* A cell; with excel, a run of 12 or more digits (an IMEI, a long id) as
 * ="..." so that Excel keeps it as text instead of rounding it. */
static void
put_cell(struct buf *b, const struct scanfmt *f, const char *p, size_t n)
{
	size_t i;

	if (f->excel && n >= 12 && n <= 40) {
		for (i = 0; i < n && p[i] >= '0' && p[i] <= '9'; i++)
			;
		if (i == n) {
			BUF_LIT(b, "=\"");
			buf_put(b, p, n);
			buf_putc(b, '"');
			return;
		}
	}
	buf_put_csv(b, p, n, ',');
}

/* A cell made in a scratch buffer. */
static void
put_cell_buf(struct buf *b, const struct scanfmt *f, struct buf *m)
{
	put_cell(b, f, m->mem ? m->mem : "", m->len);
	if (m->err && !b->err)
		b->err = m->err;
	m->len = 0;
}

static void
put_include_header(struct buf *b, const struct scanfmt *f)
{
	size_t i;

	for (i = 0; i < f->ninclude; i++) {
		buf_putc(b, ',');
		buf_put_csv(b, f->include[i], strlen(f->include[i]), ',');
	}
	BUF_LIT(b, "\r\n");
}

static void
put_include(struct buf *b, const struct scanfmt *f, const struct scanfmt_listing *l)
{
	size_t i;

	for (i = 0; i < f->ninclude; i++) {
		buf_putc(b, ',');
		if (l->include[i])
			put_cell(b, f, l->include[i]->p, l->include[i]->len);
	}
	BUF_LIT(b, "\r\n");
}

/* file, line, row, id, seller, risk: the first cells of both CSVs. */
static void
put_head(struct buf *b, const struct scanfmt *f, const struct scanfmt_listing *l)
{
	put_cell(b, f, l->file, strlen(l->file));
	buf_printf(b, ",%ld,%ld,", l->line, l->row);
	if (l->id)
		put_cell(b, f, l->id, l->idlen);
	buf_putc(b, ',');
	if (l->seller)
		put_cell(b, f, l->seller, l->sellerlen);
	buf_putc(b, ',');
	buf_puts(b, scan_risk_name(scan_risk_of(l->reasons)));
	buf_putc(b, ',');
}

/* "a.csv row 6, listing L4, seller amina, 2025-11-20" */
static void
put_first_text(struct buf *m, const struct scanfmt_first *s)
{
	char day[11];

	buf_printf(m, "%s row %ld", s->file, s->row);
	if (s->id) {
		BUF_LIT(m, ", listing ");
		buf_put(m, s->id, s->idlen);
	}
	if (s->seller) {
		BUF_LIT(m, ", seller ");
		buf_put(m, s->seller, s->sellerlen);
	}
	if (s->day > 0) {
		seen_day_str(s->day, day);
		buf_printf(m, ", %s", day);
	}
}

void
scanfmt_csv_header(struct buf *b, const struct scanfmt *f)
{
	if (f->excel)
		BUF_LIT(b, "\xEF\xBB\xBF");
	BUF_LIT(b, "file,line,row,id,seller,risk,reasons,why,identifiers,phrases,context,"
	    "first_seen,score");
	put_include_header(b, f);
}

void
scanfmt_csv(struct buf *b, const struct scanfmt *f, const struct scanfmt_listing *l)
{
	const struct scan *s = f->scan;
	char ctx[SCANFMT_CONTEXT_CAP];
	struct buf m;
	size_t i, n;
	int any;

	buf_init_mem(&m);
	put_head(b, f, l);
	scanfmt_put_reasons(&m, f, l->reasons, 0, 0, ";");
	put_cell_buf(b, f, &m);
	buf_putc(b, ',');
	scanfmt_put_reasons(&m, f, l->reasons, 0, 1, " ");
	if (l->error)
		buf_printf(&m, " (%s)", l->error);
	put_cell_buf(b, f, &m);
	buf_putc(b, ',');
	for (i = 0; i < l->nids; i++) {
		const char *pc = ident_problem_code(l->ids[i].problem);
		buf_printf(&m, "%s%s%s%s", i ? ";" : "", l->ids[i].value, pc ? ":" : "",
		    pc ? pc : "");
	}
	put_cell_buf(b, f, &m);
	buf_putc(b, ',');
	for (i = 0; i < l->nhits; i++) {
		const struct scan_phrase *p = &s->ph[l->hits[i].phrase];
		int st = l->hits[i].status;

		buf_printf(&m, "%s%s (%s, %s%s%s)", i ? ";" : "", p->phrase, p->category,
		    p->language, st == SCAN_HIT_COUNTED ? "" : ", ",
		    st == SCAN_HIT_COUNTED ? "" : scan_hit_status_name((enum scan_hit_status)st));
	}
	put_cell_buf(b, f, &m);
	buf_putc(b, ',');
	for (i = 0; i < l->nhits; i++) {
		n = scanfmt_context(&l->f[l->hits[i].field], &l->hits[i], ctx, sizeof ctx);
		if (i)
			BUF_LIT(&m, " | ");
		buf_put(&m, l->f[l->hits[i].field].name, l->f[l->hits[i].field].namelen);
		BUF_LIT(&m, ": ");
		buf_put(&m, ctx, n);
	}
	put_cell_buf(b, f, &m);
	buf_putc(b, ',');
	for (i = 0, any = 0; l->first && i < l->nids; i++) {
		if (!l->ids[i].duplicate)
			continue;
		if (any++)
			BUF_LIT(&m, " | ");
		buf_printf(&m, "%s: ", l->ids[i].value);
		put_first_text(&m, &l->first[i]);
	}
	put_cell_buf(b, f, &m);
	buf_printf(b, ",%d", scan_score(l->reasons, l->strong));
	buf_release(&m);
	put_include(b, f, l);
}

void
scanfmt_long_header(struct buf *b, const struct scanfmt *f)
{
	if (f->excel)
		BUF_LIT(b, "\xEF\xBB\xBF");
	BUF_LIT(b, "file,line,row,id,seller,risk,reason,reason_risk,why,field,evidence,context");
	put_include_header(b, f);
}

/* Does identifier d give reason r? */
static int
id_gives(const struct scan_found *d, int r)
{
	if (r == SCAN_DUP_OTHER_SELLER || r == SCAN_DUP_SAME_SELLER)
		return d->duplicate;
	if (r == SCAN_TAC_BRAND_MISMATCH)
		return d->brand != NULL;
	return d->problem != IDENT_OK && scan_reason_for_problem(d->problem) == r;
}

/* The evidence of reason r (what set it off), its field and context. */
static void
evidence(const struct scanfmt *f, const struct scanfmt_listing *l, int r, struct buf *field,
    struct buf *ev, struct buf *cx)
{
	const struct scan *s = f->scan;
	char tmp[SCANFMT_CONTEXT_CAP];
	size_t i, n;
	int any = 0;

	if (r == SCAN_MALFORMED_ROW) {
		if (l->error)
			buf_puts(cx, l->error);
		return;
	}
	for (i = 0; i < l->nhits; i++) {
		const struct scan_hit *h = &l->hits[i];

		/* a phrase a cue cancelled is no evidence; weight-1 words are
		 * weak_phrase's */
		if (h->status == SCAN_HIT_COUNTED ?
		    scan_reason_for_cat((enum scan_cat)s->ph[h->phrase].cat) != (enum scan_reason)r :
		    h->status != SCAN_HIT_WEAK || r != SCAN_WEAK_PHRASE)
			continue;
		if (any++) {
			BUF_LIT(ev, "; ");
			continue;
		}
		buf_put(field, l->f[h->field].name, l->f[h->field].namelen);
		buf_puts(ev, s->ph[h->phrase].phrase);
		n = scanfmt_context(&l->f[h->field], h, tmp, sizeof tmp);
		buf_put(cx, tmp, n);
	}
	if (any)
		return;
	for (i = 0; i < l->nids; i++) {
		const struct scan_found *d = &l->ids[i];

		if (!id_gives(d, r))
			continue;
		if (any++) {
			buf_printf(ev, ";%s", d->value);
			continue;
		}
		buf_put(field, l->f[d->field].name, l->f[d->field].namelen);
		buf_puts(ev, d->value);
		if ((r == SCAN_DUP_OTHER_SELLER || r == SCAN_DUP_SAME_SELLER) && l->first) {
			BUF_LIT(cx, "first: ");
			put_first_text(cx, &l->first[i]);
		} else if (r == SCAN_TAC_BRAND_MISMATCH) {
			buf_printf(cx, "the TAC says %s", d->brand);
		} else {
			scanfmt_explain(f, d, tmp, sizeof tmp);
			buf_puts(cx, tmp);
		}
	}
}

void
scanfmt_long(struct buf *b, const struct scanfmt *f, const struct scanfmt_listing *l)
{
	struct buf field, ev, cx;
	unsigned reasons = l->reasons;
	int r;

	if (!reasons) {
		put_head(b, f, l);
		BUF_LIT(b, ",,,,,");
		put_include(b, f, l);
		return;
	}
	buf_init_mem(&field);
	buf_init_mem(&ev);
	buf_init_mem(&cx);
	for (r = 0; r < SCAN_NREASONS; r++) {
		const char *code = scan_reason_code((enum scan_reason)r);
		const char *why = scan_reason_sentence((enum scan_reason)r);

		if (!(reasons & 1u << r))
			continue;
		put_head(b, f, l);
		buf_puts(b, code);
		buf_putc(b, ',');
		buf_puts(b, scan_risk_name(scan_reason_risk((enum scan_reason)r)));
		buf_putc(b, ',');
		put_cell(b, f, why, strlen(why));
		buf_putc(b, ',');
		evidence(f, l, r, &field, &ev, &cx);
		put_cell_buf(b, f, &field);
		buf_putc(b, ',');
		put_cell_buf(b, f, &ev);
		buf_putc(b, ',');
		put_cell_buf(b, f, &cx);
		put_include(b, f, l);
	}
	buf_release(&field);
	buf_release(&ev);
	buf_release(&cx);
}
