/* SPDX-License-Identifier: MIT */
/* format: the three output formats of a scanned listing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scan/format.h"

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
		BUF_LIT(&t, ",\"field\":");
		f->phrase_len[i] = t.len - f->phrase_at[i];
	}
	for (r = 0; r < SCAN_NREASONS; r++) {
		const char *code = scan_reason_code((enum scan_reason)r);

		f->reason_at[r] = t.len;
		buf_put_json_str(&t, code, strlen(code));
		f->reason_len[r] = t.len - f->reason_at[r];
	}
	if (t.err) {
		buf_release(&t);
		scanfmt_release(f);
		return -1;
	}
	f->text = t.mem;	/* kept: released with f */
	return 0;
}

void
scanfmt_release(struct scanfmt *f)
{
	free(f->text);
	free(f->phrase_at);
	free(f->phrase_len);
	memset(f, 0, sizeof *f);
}

/* The codes of the reasons, as a JSON list's items or joined by ';'. */
static void
put_reasons(struct buf *b, const struct scanfmt *f, unsigned reasons, int json)
{
	int r, first = 1;

	for (r = 0; reasons != 0; r++, reasons >>= 1) {
		if (!(reasons & 1u))
			continue;
		if (!first)
			buf_putc(b, json ? ',' : ';');
		first = 0;
		if (json)
			buf_put(b, f->text + f->reason_at[r], f->reason_len[r]);
		else
			buf_puts(b, scan_reason_code((enum scan_reason)r));
	}
}

static void
put_json_field_name(struct buf *b, const struct scanfmt_listing *l, size_t i)
{
	buf_put_json_str(b, l->f[i].name, l->f[i].namelen);
}

void
scanfmt_json(struct buf *b, const struct scanfmt *f, const struct scanfmt_listing *l)
{
	size_t i;

	BUF_LIT(b, "{\"id\":");
	if (l->id)
		buf_put_json_str(b, l->id, l->idlen);
	else
		BUF_LIT(b, "null");
	BUF_LIT(b, ",\"line\":");
	buf_put_long(b, l->line);
	BUF_LIT(b, ",\"risk\":\"");
	buf_puts(b, scan_risk_name(scan_risk_of(l->reasons)));
	BUF_LIT(b, "\",\"reasons\":[");
	put_reasons(b, f, l->reasons, 1);
	BUF_LIT(b, "]");
	if (l->error) {
		BUF_LIT(b, ",\"error\":");
		buf_put_json_str(b, l->error, strlen(l->error));
	}
	BUF_LIT(b, ",\"identifiers\":[");
	for (i = 0; i < l->nids; i++) {
		const struct scan_found *d = &l->ids[i];
		const char *pc = ident_problem_code(d->problem);

		if (i)
			buf_putc(b, ',');
		BUF_LIT(b, "{\"value\":");
		buf_put_json_str(b, d->value, strlen(d->value));
		BUF_LIT(b, ",\"kind\":\"");
		buf_puts(b, ident_kind_name(d->kind));
		if (d->problem == IDENT_OK)
			BUF_LIT(b, "\",\"valid\":true,\"problem\":null");
		else {
			BUF_LIT(b, "\",\"valid\":false,\"problem\":\"");
			buf_puts(b, pc);
			buf_putc(b, '"');
		}
		BUF_LIT(b, ",\"brand\":");
		buf_put_json_or_null(b, d->brand);
		BUF_LIT(b, ",\"field\":");
		put_json_field_name(b, l, d->field);
		if (d->duplicate)
			BUF_LIT(b, ",\"duplicate\":true");
		BUF_LIT(b, "}");
	}
	BUF_LIT(b, "],\"phrases\":[");
	for (i = 0; i < l->nhits; i++) {
		uint32_t k = l->hits[i].phrase;

		if (i)
			buf_putc(b, ',');
		buf_put(b, f->text + f->phrase_at[k], f->phrase_len[k]);
		put_json_field_name(b, l, l->hits[i].field);
		BUF_LIT(b, "}");
	}
	BUF_LIT(b, "]}\n");
}

void
scanfmt_csv_header(struct buf *b)
{
	BUF_LIT(b, "id,line,risk,reasons,identifiers,phrases\r\n");
}

/* A CSV field, quoted when it holds a comma, quote or line end. */
static void
put_csv(struct buf *b, const char *p, size_t n)
{
	size_t i;

	if (n == 0 || !(memchr(p, ',', n) || memchr(p, '"', n) || memchr(p, '\n', n) ||
	    memchr(p, '\r', n))) {
		buf_put(b, p, n);
		return;
	}
	buf_putc(b, '"');
	for (i = 0; i < n; i++) {
		if (p[i] == '"')
			buf_putc(b, '"');
		buf_putc(b, p[i]);
	}
	buf_putc(b, '"');
}

void
scanfmt_csv(struct buf *b, const struct scanfmt *f, const struct scanfmt_listing *l)
{
	const struct scan *s = f->scan;
	struct buf m;
	size_t i;

	if (l->id)
		put_csv(b, l->id, l->idlen);
	buf_printf(b, ",%ld,%s,", l->line, scan_risk_name(scan_risk_of(l->reasons)));
	put_reasons(b, f, l->reasons, 0);
	buf_putc(b, ',');
	buf_init_mem(&m);
	for (i = 0; i < l->nids; i++) {
		const char *pc = ident_problem_code(l->ids[i].problem);
		buf_printf(&m, "%s%s%s%s", i ? ";" : "", l->ids[i].value, pc ? ":" : "",
		    pc ? pc : "");
	}
	put_csv(b, m.mem ? m.mem : "", m.len);
	buf_putc(b, ',');
	m.len = 0;
	for (i = 0; i < l->nhits; i++) {
		const struct scan_phrase *p = &s->ph[l->hits[i].phrase];
		buf_printf(&m, "%s%s (%s, %s)", i ? ";" : "", p->phrase, p->category,
		    p->language);
	}
	put_csv(b, m.mem ? m.mem : "", m.len);
	if (m.err)
		b->err = b->err ? b->err : m.err;
	buf_release(&m);
	BUF_LIT(b, "\r\n");
}

/* Bytes with tabs and line ends turned into spaces. */
static void
put_keyed(struct buf *b, const char *p, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		if (p[i] != '\t' && p[i] != '\n' && p[i] != '\r')
			continue;
		buf_put(b, p + k, i - k);
		buf_putc(b, ' ');
		k = i + 1;
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
