/* SPDX-License-Identifier: MIT */
/* format_json: a scanned listing as one JSON line (schema 2): its
 * identifiers with their groups and first sightings, its phrases with
 * their context, its price against the model's median. */
#include <string.h>

#include "ident/ident.h"
#include "scan/format.h"
#include "scan/format_priv.h"
#include "scan/seen.h"

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
			buf_put_json_str(b, why, scanfmt_explain(f, d, why, sizeof why));
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

	scanfmt_context_span(fl, h, &st, &en);
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
	scanfmt_put_reasons(b, f, l->reasons, 1, 0, NULL);
	BUF_LIT(b, "],\"why\":[");
	scanfmt_put_reasons(b, f, l->reasons, 1, 1, NULL);
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
