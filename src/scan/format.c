/* SPDX-License-Identifier: MIT */
/* format: the output formats of a scanned listing: JSON, wide and long
 * CSV, keyed lines.  JSON strings go through buf_put_json_str, CSV cells
 * through buf_put_csv, each the one place that escapes them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ident/ident.h"
#include "lib/term.h"
#include "scan/format.h"
#include "scan/seen.h"

#define CONTEXT_BYTES 40	/* of the field on each side of a match */

int
scanfmt_init(struct scanfmt *f, const struct scan *s)
{
	struct buf t;
	size_t i;
	int r;

	memset(f, 0, sizeof *f);
	f->scan = s;
	f->phrase_at = calloc(s->nph + 1, sizeof *f->phrase_at);
	f->phrase_len = calloc(s->nph + 1, sizeof *f->phrase_len);
	if (!f->phrase_at || !f->phrase_len) {
		scanfmt_release(f);
		return -1;
	}
	buf_init_mem(&t);
	for (i = 0; i < s->nph; i++) {
		const struct scan_phrase *p = &s->ph[i];

		f->phrase_at[i] = t.len;
		BUF_LIT(&t, "{\"phrase\":");
		buf_put_json_str(&t, p->phrase, strlen(p->phrase));
		BUF_LIT(&t, ",\"category\":");
		buf_put_json_str(&t, p->category, strlen(p->category));
		BUF_LIT(&t, ",\"language\":");
		buf_put_json_str(&t, p->language, strlen(p->language));
		BUF_LIT(&t, ",\"form_of\":");
		buf_put_json_or_null(&t, p->form_of);
		BUF_LIT(&t, ",\"field\":");
		f->phrase_len[i] = t.len - f->phrase_at[i];
	}
	for (r = 0; r < SCAN_NREASONS; r++) {
		const char *code = scan_reason_code((enum scan_reason)r);
		const char *why = scan_reason_sentence((enum scan_reason)r);

		f->reason_at[r] = t.len;
		buf_put_json_str(&t, code, strlen(code));
		f->reason_len[r] = t.len - f->reason_at[r];
		f->why_at[r] = t.len;
		buf_put_json_str(&t, why, strlen(why));
		f->why_len[r] = t.len - f->why_at[r];
	}
	if (t.err) {
		buf_release(&t);
		scanfmt_release(f);
		return -1;
	}
	f->text = t.mem;	/* kept: released with f */
	return 0;
}

int
scanfmt_file(struct scanfmt *f, const char *name)
{
	struct buf t;

	buf_init_mem(&t);
	BUF_LIT(&t, "{\"schema\":2,\"file\":");
	buf_put_json_str(&t, name, strlen(name));
	BUF_LIT(&t, ",\"line\":");
	if (t.err) {
		buf_release(&t);
		return -1;
	}
	free(f->head);
	f->head = t.mem;
	f->headlen = t.len;
	return 0;
}

void
scanfmt_release(struct scanfmt *f)
{
	free(f->head);
	free(f->text);
	free(f->phrase_at);
	free(f->phrase_len);
	memset(f, 0, sizeof *f);
}

/* ----------------------------------------------------------- pieces */

/* The codes (or sentences) of the reasons, as a JSON list's items or
 * joined by sep. */
static void
put_reasons(struct buf *b, const struct scanfmt *f, unsigned reasons, int json, int why,
    const char *sep)
{
	int r, first = 1;

	for (r = 0; reasons != 0; r++, reasons >>= 1) {
		if (!(reasons & 1u))
			continue;
		if (!first)
			buf_puts(b, json ? "," : sep);
		first = 0;
		if (json && why)
			buf_put(b, f->text + f->why_at[r], f->why_len[r]);
		else if (json)
			buf_put(b, f->text + f->reason_at[r], f->reason_len[r]);
		else if (why)
			buf_puts(b, scan_reason_sentence((enum scan_reason)r));
		else
			buf_puts(b, scan_reason_code((enum scan_reason)r));
	}
}

static void
put_json_field_name(struct buf *b, const struct scanfmt_listing *l, size_t i)
{
	buf_put_json_str(b, l->f[i].name, l->f[i].namelen);
}

static void
put_json_or_null(struct buf *b, const char *p, size_t n)
{
	if (p)
		buf_put_json_str(b, p, n);
	else
		BUF_LIT(b, "null");
}

/* What "handover imei" says of an identifier, into out (NUL-terminated):
 * its message, made again from the value for an invalid one; "valid
 * IMEI" (or the kind) for a valid one, which needs no explaining.
 * Returns the length. */
static size_t
explain(const struct scanfmt *f, const struct scan_found *d, char *out, size_t cap)
{
	static const char *const valid[] = {
		[IDENT_UNKNOWN] = "valid", [IDENT_IMEI] = "valid IMEI",
		[IDENT_IMEISV] = "valid IMEISV", [IDENT_MEID] = "valid MEID",
		[IDENT_ESN] = "valid ESN", [IDENT_EID] = "valid EID",
	};
	const char *m;
	struct ident id;
	size_t n;

	if (d->problem == IDENT_OK)
		m = valid[d->kind];
	else if (ident_parse_line(f->scan->ids, d->value, strlen(d->value), &id, 1) == 1 &&
	    id.message[0])
		m = id.message;
	else
		m = ident_problem_code(d->problem);
	n = strlen(m);
	if (n >= cap)
		n = cap - 1;
	memcpy(out, m, n);
	out[n] = '\0';
	return n;
}

/* The bounds of the context of a match: CONTEXT_BYTES either side, not
 * inside a UTF-8 sequence. */
static void
context_span(const struct scan_field *fl, const struct scan_hit *h, size_t *st, size_t *en)
{
	*st = h->off > CONTEXT_BYTES ? h->off - CONTEXT_BYTES : 0;
	*en = h->off + h->len + CONTEXT_BYTES;
	if (*en > fl->len)
		*en = fl->len;
	while (*st > 0 && *st < h->off && ((unsigned char)fl->p[*st] & 0xC0) == 0x80)
		(*st)++;
	while (*en < fl->len && *en > h->off + h->len &&
	    ((unsigned char)fl->p[*en] & 0xC0) == 0x80)
		(*en)--;
}

/* The field's bytes around a match, white space runs as one space, "…"
 * where it was cut; into out (room for 4 * CONTEXT_BYTES + the match +
 * 16). */
static size_t
context(const struct scan_field *fl, const struct scan_hit *h, char *out, size_t cap)
{
	size_t st, en, i, w = 0;
	int space = 0;

	if (h->off + h->len > fl->len)	/* cannot be; keep within the field */
		return 0;
	context_span(fl, h, &st, &en);
	if (st > 0) {
		memcpy(out, "\xE2\x80\xA6", 3);
		w = 3;
	}
	for (i = st; i < en && w + 8 < cap; i++) {
		char c = fl->p[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			if (!space && w > 0)
				out[w++] = ' ';
			space = 1;
			continue;
		}
		space = 0;
		out[w++] = c;
	}
	if (en < fl->len && w + 3 <= cap) {
		memcpy(out + w, "\xE2\x80\xA6", 3);
		w += 3;
	}
	return w;
}

#define CONTEXT_CAP (4 * CONTEXT_BYTES + 2 * 1024 + 16)

/* ------------------------------------------------------------- JSON */

static void
put_json_first(struct buf *b, const struct scanfmt_first *s)
{
	char day[11];

	BUF_LIT(b, "{\"file\":");
	buf_put_json_str(b, s->file, strlen(s->file));
	BUF_LIT(b, ",\"row\":");
	buf_put_long(b, s->row);
	BUF_LIT(b, ",\"id\":");
	put_json_or_null(b, s->id, s->idlen);
	BUF_LIT(b, ",\"seller\":");
	put_json_or_null(b, s->seller, s->sellerlen);
	BUF_LIT(b, ",\"date\":");
	if (s->day > 0) {
		seen_day_str(s->day, day);
		buf_putc(b, '"');
		buf_puts(b, day);
		buf_putc(b, '"');
	} else {
		BUF_LIT(b, "null");
	}
	buf_putc(b, '}');
}

/* An identifier's group: how many listings and sellers show it, and the
 * other listings by id and line. */
static void
put_group(struct buf *b, const struct groups_seen *g)
{
	size_t k;

	BUF_LIT(b, "{\"listings\":");
	buf_put_long(b, (long)g->listings);
	BUF_LIT(b, ",\"sellers\":");
	buf_put_long(b, (long)g->sellers);
	BUF_LIT(b, ",\"others\":[");
	for (k = 0; k < g->nothers; k++) {
		if (k)
			buf_putc(b, ',');
		BUF_LIT(b, "{\"id\":");
		put_json_or_null(b, g->others[k].id, g->others[k].idlen);
		BUF_LIT(b, ",\"line\":");
		buf_put_long(b, g->others[k].line);
		buf_putc(b, '}');
	}
	BUF_LIT(b, "]}");
}

/* An amount: whole when it is, else with two decimals. */
static void
put_amount(struct buf *b, double v)
{
	if (v == (double)(long long)v && v < 9e15)
		buf_printf(b, "%lld", (long long)v);
	else
		buf_printf(b, "%.2f", v);
}

static void
put_json_ids(struct buf *b, const struct scanfmt *f, const struct scanfmt_listing *l)
{
	char why[256];
	size_t i;

	for (i = 0; i < l->nids; i++) {
		const struct scan_found *d = &l->ids[i];

		if (i)
			buf_putc(b, ',');
		BUF_LIT(b, "{\"value\":");
		buf_put_json_str(b, d->value, strlen(d->value));
		BUF_LIT(b, ",\"kind\":\"");
		buf_puts(b, ident_kind_name(d->kind));
		if (d->problem == IDENT_OK && d->kind == IDENT_IMEI) {
			/* the usual case, in one piece */
			BUF_LIT(b, "\",\"valid\":true,\"problem\":null,\"explain\":\"valid IMEI\"");
		} else {
			if (d->problem == IDENT_OK) {
				BUF_LIT(b, "\",\"valid\":true,\"problem\":null");
			} else {
				BUF_LIT(b, "\",\"valid\":false,\"problem\":\"");
				buf_puts(b, ident_problem_code(d->problem));
				buf_putc(b, '"');
			}
			BUF_LIT(b, ",\"explain\":");
			buf_put_json_str(b, why, explain(f, d, why, sizeof why));
		}
		BUF_LIT(b, ",\"brand\":");
		buf_put_json_or_null(b, d->brand);
		BUF_LIT(b, ",\"field\":");
		put_json_field_name(b, l, d->field);
		if (d->duplicate) {
			BUF_LIT(b, ",\"duplicate\":true,\"first_seen\":");
			if (l->first)
				put_json_first(b, &l->first[i]);
			else
				BUF_LIT(b, "null");
		} else {
			BUF_LIT(b, ",\"duplicate\":false,\"first_seen\":null");
		}
		BUF_LIT(b, ",\"group\":");
		if (l->groups && l->groups[i].listings > 1)
			put_group(b, &l->groups[i]);
		else
			BUF_LIT(b, "null");
		buf_putc(b, '}');
	}
}

/* The context as a JSON string: the field's bytes as they are (line
 * breaks escaped), "…" where it was cut. */
static void
put_json_context(struct buf *b, const struct scan_field *fl, const struct scan_hit *h)
{
	size_t st, en;

	context_span(fl, h, &st, &en);
	buf_putc(b, '"');
	if (st > 0)
		BUF_LIT(b, "\xE2\x80\xA6");
	buf_put_json_chars(b, fl->p + st, en - st);
	if (en < fl->len)
		BUF_LIT(b, "\xE2\x80\xA6");
	buf_putc(b, '"');
}

static void
put_json_hits(struct buf *b, const struct scanfmt *f, const struct scanfmt_listing *l)
{
	size_t i;

	for (i = 0; i < l->nhits; i++) {
		const struct scan_hit *h = &l->hits[i];
		const struct scan_field *fl = &l->f[h->field];

		if (i)
			buf_putc(b, ',');
		buf_put(b, f->text + f->phrase_at[h->phrase], f->phrase_len[h->phrase]);
		put_json_field_name(b, l, h->field);
		BUF_LIT(b, ",\"offset\":");
		buf_put_long(b, (long)h->off);
		BUF_LIT(b, ",\"match\":");
		buf_put_json_str(b, fl->p + h->off, h->off + h->len <= fl->len ? h->len : 0);
		BUF_LIT(b, ",\"context\":");
		put_json_context(b, fl, h);
		BUF_LIT(b, ",\"status\":\"");
		buf_puts(b, scan_hit_status_name((enum scan_hit_status)h->status));
		BUF_LIT(b, "\",\"cue\":");
		buf_put_json_or_null(b, h->cue != UINT32_MAX ? f->scan->cue[h->cue].text : NULL);
		buf_putc(b, '}');
	}
}

void
scanfmt_json(struct buf *b, const struct scanfmt *f, const struct scanfmt_listing *l)
{
	size_t i;

	if (f->head) {
		buf_put(b, f->head, f->headlen);
	} else {
		BUF_LIT(b, "{\"schema\":2,\"file\":");
		buf_put_json_str(b, l->file, strlen(l->file));
		BUF_LIT(b, ",\"line\":");
	}
	buf_put_long(b, l->line);
	BUF_LIT(b, ",\"row\":");
	buf_put_long(b, l->row);
	BUF_LIT(b, ",\"id\":");
	put_json_or_null(b, l->id, l->idlen);
	BUF_LIT(b, ",\"seller\":");
	put_json_or_null(b, l->seller, l->sellerlen);
	BUF_LIT(b, ",\"risk\":\"");
	buf_puts(b, scan_risk_name(scan_risk_of(l->reasons)));
	BUF_LIT(b, "\",\"score\":");
	buf_put_long(b, scan_score(l->reasons, l->strong));
	BUF_LIT(b, ",\"reasons\":[");
	put_reasons(b, f, l->reasons, 1, 0, NULL);
	BUF_LIT(b, "],\"why\":[");
	put_reasons(b, f, l->reasons, 1, 1, NULL);
	BUF_LIT(b, "],\"allowed\":");
	put_json_or_null(b, l->allowed, l->allowed ? strlen(l->allowed) : 0);
	BUF_LIT(b, ",\"error\":");
	put_json_or_null(b, l->error, l->error ? strlen(l->error) : 0);
	BUF_LIT(b, ",\"identifiers\":[");
	put_json_ids(b, f, l);
	BUF_LIT(b, "],\"phrases\":[");
	put_json_hits(b, f, l);
	BUF_LIT(b, "],\"price\":");
	if ((l->reasons & (1u << SCAN_PRICE_FAR_BELOW)) && l->median > 0) {
		BUF_LIT(b, "{\"amount\":");
		put_amount(b, l->price);
		BUF_LIT(b, ",\"currency\":");
		buf_put_json_or_null(b, l->currency && *l->currency ? l->currency : NULL);
		BUF_LIT(b, ",\"median\":");
		put_amount(b, l->median);
		BUF_LIT(b, ",\"listings\":");
		buf_put_long(b, (long)l->nprices);
		buf_putc(b, '}');
	} else {
		BUF_LIT(b, "null");
	}
	BUF_LIT(b, ",\"columns\":{");
	for (i = 0; i < f->ninclude; i++) {
		if (i)
			buf_putc(b, ',');
		buf_put_json_str(b, f->include[i], strlen(f->include[i]));
		buf_putc(b, ':');
		if (l->include[i])
			buf_put_json_str(b, l->include[i]->p, l->include[i]->len);
		else
			BUF_LIT(b, "null");
	}
	BUF_LIT(b, "}}\n");
}

/* -------------------------------------------------------------- CSV */

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
	char ctx[CONTEXT_CAP];
	struct buf m;
	size_t i, n;
	int any;

	buf_init_mem(&m);
	put_head(b, f, l);
	put_reasons(&m, f, l->reasons, 0, 0, ";");
	put_cell_buf(b, f, &m);
	buf_putc(b, ',');
	put_reasons(&m, f, l->reasons, 0, 1, " ");
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
		n = context(&l->f[l->hits[i].field], &l->hits[i], ctx, sizeof ctx);
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
	char tmp[CONTEXT_CAP];
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
		if (h->status == SCAN_HIT_COUNTED ? s->ph[h->phrase].reason != r :
		    h->status != SCAN_HIT_WEAK || r != SCAN_WEAK_PHRASE)
			continue;
		if (any++) {
			BUF_LIT(ev, "; ");
			continue;
		}
		buf_put(field, l->f[h->field].name, l->f[h->field].namelen);
		buf_puts(ev, s->ph[h->phrase].phrase);
		n = context(&l->f[h->field], h, tmp, sizeof tmp);
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
			explain(f, d, tmp, sizeof tmp);
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

/* ------------------------------------------------------------ keyed */

/* Bytes with tabs and line ends turned into spaces, what a terminal would
 * obey in its visible form (lib/term.h), and a leading ' when a
 * spreadsheet would run them. */
static void
put_keyed(struct buf *b, const char *p, size_t n)
{
	size_t i = 0, k = 0;

	if (buf_csv_would_run(p, n))
		buf_putc(b, '\'');
	while (i < n) {
		char esc[TERM_ESC_MAX];
		size_t len = term_char(p + i, n - i, esc);
		if (esc[0]) {
			buf_put(b, p + k, i - k);
			if (p[i] == '\t' || p[i] == '\n' || p[i] == '\r')
				buf_putc(b, ' ');
			else
				buf_puts(b, esc);
			k = i + len;
		}
		i += len;
	}
	buf_put(b, p + k, n - k);
}

void
scanfmt_keyed(struct buf *b, const struct scanfmt_listing *l)
{
	size_t i;

	for (i = 0; i < l->nids; i++) {
		if (!l->ids[i].key)
			continue;
		/* the 15-digit IMEI, also for an IMEISV: the key dups groups by */
		buf_printf(b, "%014llu%d\t", (unsigned long long)(l->ids[i].key - 1),
		    ident_luhn(l->ids[i].value, 14));
		if (l->id && l->idlen)
			put_keyed(b, l->id, l->idlen);
		else
			buf_printf(b, "%ld", l->line);
		buf_putc(b, '\t');
		if (l->seller)
			put_keyed(b, l->seller, l->sellerlen);
		buf_putc(b, '\n');
	}
}
