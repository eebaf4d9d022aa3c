/* SPDX-License-Identifier: MIT */
/* format: what the output formats of a scanned listing share (the
 * phrases' and reasons' JSON made once, the reasons, an identifier's
 * explanation, a match's context) and the keyed lines; the JSON line is
 * format_json.c, the CSV rows format_csv.c.  JSON strings go through
 * buf_put_json_str, CSV cells through buf_put_csv, each the one place
 * that escapes them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ident/ident.h"
#include "lib/term.h"
#include "scan/format.h"
#include "scan/format_priv.h"
#include "scan/seen.h"

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
void
scanfmt_put_reasons(struct buf *b, const struct scanfmt *f, unsigned reasons, int json,
    int why, const char *sep)
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

/* What "handover imei" says of an identifier, into out (NUL-terminated):
 * its message, made again from the value for an invalid one; "valid
 * IMEI" (or the kind) for a valid one, which needs no explaining.
 * Returns the length. */
size_t
scanfmt_explain(const struct scanfmt *f, const struct scan_found *d, char *out, size_t cap)
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

/* The bounds of the context of a match: SCANFMT_CONTEXT_BYTES either side, not
 * inside a UTF-8 sequence. */
void
scanfmt_context_span(const struct scan_field *fl, const struct scan_hit *h, size_t *st,
    size_t *en)
{
	*st = h->off > SCANFMT_CONTEXT_BYTES ? h->off - SCANFMT_CONTEXT_BYTES : 0;
	*en = h->off + h->len + SCANFMT_CONTEXT_BYTES;
	if (*en > fl->len)
		*en = fl->len;
	while (*st > 0 && *st < h->off && ((unsigned char)fl->p[*st] & 0xC0) == 0x80)
		(*st)++;
	while (*en < fl->len && *en > h->off + h->len &&
	    ((unsigned char)fl->p[*en] & 0xC0) == 0x80)
		(*en)--;
}

/* The field's bytes around a match, white space runs as one space, "…"
 * where it was cut; into out (room for 4 * SCANFMT_CONTEXT_BYTES + the match +
 * 16). */
size_t
scanfmt_context(const struct scan_field *fl, const struct scan_hit *h, char *out, size_t cap)
{
	size_t st, en, i, w = 0;
	int space = 0;

	if (h->off + h->len > fl->len)	/* cannot be; keep within the field */
		return 0;
	scanfmt_context_span(fl, h, &st, &en);
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
