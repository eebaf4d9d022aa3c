/* SPDX-License-Identifier: MIT */
/* stats: counting listings as the scan finishes them, in input order, and
 * the --summary-json document made from the counts. */
#include <stdlib.h>
#include <string.h>

#include "ident/ident.h"
#include "lib/grow.h"
#include "scan/stats.h"

int
scan_stats_init(struct scan_stats *st, const struct scan *s)
{
	memset(st, 0, sizeof *st);
	st->scan = s;
	st->per_phrase = calloc(s->nph + 1, sizeof *st->per_phrase);
	st->cat_other.name = "(other categories)";
	st->cat_none.name = "(no category)";
	return st->per_phrase ? 0 : -1;
}

void
scan_stats_release(struct scan_stats *st)
{
	size_t i;

	for (i = 0; i < st->ncats; i++)
		free((char *)st->cats[i].name);
	free(st->cats);
	free(st->per_phrase);
	memset(st, 0, sizeof *st);
}

/* The count of category (p, n), added when new and there is room. */
static struct stats_count *
category(struct scan_stats *st, const char *p, size_t n)
{
	struct stats_count *c;
	char *name;
	size_t i;

	while (n && (*p == ' ' || *p == '\t')) {
		p++;
		n--;
	}
	while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	if (!n)
		return &st->cat_none;
	for (i = 0; i < st->ncats; i++)
		if (strncmp(st->cats[i].name, p, n) == 0 && st->cats[i].name[n] == '\0')
			return &st->cats[i];
	if (st->ncats == STATS_MAX_CATEGORIES ||
	    grow_array(&st->cats, &st->capcats, st->ncats + 1, sizeof *st->cats) != 0)
		return &st->cat_other;
	c = &st->cats[st->ncats];
	memset(c, 0, sizeof *c);
	if (!(name = malloc(n + 1))) {
		st->nomem = 1;
		return &st->cat_other;
	}
	memcpy(name, p, n);
	name[n] = '\0';
	c->name = name;
	st->ncats++;
	return c;
}

void
scan_stats_listing(struct scan_stats *st, unsigned reasons, const struct scan_hit *hits,
    size_t nhits, const char *cat, size_t catlen)
{
	enum scan_risk k = scan_risk_of(reasons);
	struct stats_count *c;
	size_t i, j;
	int r;

	st->listings++;
	st->flagged += k != SCAN_OK;
	st->stop += k == SCAN_STOP;
	st->malformed += (reasons & 1u << SCAN_MALFORMED_ROW) != 0;
	for (r = 0; reasons >> r; r++)
		if (reasons & 1u << r)
			st->per_reason[r]++;
	for (i = 0; i < nhits; i++) {
		for (j = 0; j < i && hits[j].phrase != hits[i].phrase; j++)
			;
		if (j == i)
			st->per_phrase[hits[i].phrase]++;
	}
	c = cat ? category(st, cat, catlen) : &st->cat_none;
	c->listings++;
	c->flagged += k != SCAN_OK;
}

/* ------------------------------------------------------------ groups */

static int
before(const struct stats_group *a, const struct stats_group *b)
{
	if (a->first.count != b->first.count)
		return a->first.count > b->first.count;
	return strcmp(a->imei, b->imei) < 0;
}

size_t
scan_stats_groups(const struct dupset *d, const struct seen *s, struct stats_group *out,
    size_t max)
{
	struct stats_group g;
	size_t pos = 0, n = 0, i;
	uint64_t key, v;
	uint32_t ref;
	int k;

	while (max && dupset_next(d, &pos, &key, &ref)) {
		if (ref == SEEN_NONE)
			continue;
		seen_get(s, ref, &g.first);
		if (g.first.count < 2)
			continue;
		for (v = key - 1, k = 13; k >= 0; k--, v /= 10)
			g.imei[k] = (char)('0' + v % 10);
		g.imei[14] = (char)('0' + ident_luhn(g.imei, 14));
		g.imei[15] = '\0';
		if (n == max && !before(&g, &out[n - 1]))
			continue;
		for (i = n < max ? n++ : n - 1; i > 0 && before(&g, &out[i - 1]); i--)
			out[i] = out[i - 1];
		out[i] = g;
	}
	return n;
}

/* --------------------------------------------------------- languages */

size_t
scan_stats_languages(const struct scan_stats *st, struct stats_count *out, size_t max,
    char *names, size_t cap)
{
	const struct scan *s = st->scan;
	size_t i, n = 0, used = 0, k;

	for (i = 0; i < s->nph; i++) {
		const char *l = s->ph[i].language;

		if (!st->per_phrase[i])
			continue;
		while (*l) {
			size_t len = 0;

			while (l[len] && l[len] != ';')
				len++;

			for (k = 0; k < n; k++)
				if (strlen(out[k].name) == len && memcmp(out[k].name, l, len) == 0)
					break;
			if (k == n && n < max && used + len + 1 <= cap) {
				memcpy(names + used, l, len);
				names[used + len] = '\0';
				memset(&out[n], 0, sizeof out[n]);
				out[n++].name = names + used;
				used += len + 1;
			}
			if (k < n)
				out[k].listings += st->per_phrase[i];
			l += len + (l[len] == ';');
		}
	}
	/* most first, then by name */
	for (i = 1; i < n; i++) {
		struct stats_count x = out[i];

		for (k = i; k > 0 && (out[k - 1].listings < x.listings ||
		    (out[k - 1].listings == x.listings && strcmp(out[k - 1].name, x.name) > 0)); k--)
			out[k] = out[k - 1];
		out[k] = x;
	}
	return n;
}

/* ------------------------------------------------------ summary JSON */

static void
put_str(struct buf *b, const char *s)
{
	buf_put_json_or_null(b, s);
}

/* The indexes of the phrases found most, most first (at most max). */
static size_t
top_phrases(const struct scan_stats *st, size_t *out, size_t max)
{
	size_t i, n = 0, k;

	for (i = 0; i < st->scan->nph; i++) {
		if (!st->per_phrase[i])
			continue;
		if (n == max && st->per_phrase[out[n - 1]] >= st->per_phrase[i])
			continue;
		for (k = n < max ? n++ : n - 1; k > 0 && st->per_phrase[out[k - 1]] <
		    st->per_phrase[i]; k--)
			out[k] = out[k - 1];
		out[k] = i;
	}
	return n;
}

void
scan_stats_json(struct buf *b, const struct scan_stats *st, const struct stats_file *files,
    size_t nfiles, const struct stats_group *groups, size_t ngroups, int status,
    const char *status_words)
{
	struct stats_count langs[64];
	size_t top[STATS_TOP], i, n;
	char names[64 * 4];
	int r;

	buf_printf(b, "{\"schema\":2,\"status\":%d,\"status_words\":", status);
	put_str(b, status_words);
	buf_printf(b, ",\"listings\":%lld,\"flagged\":%lld,\"stop\":%lld,\"caution\":%lld,"
	    "\"malformed\":%lld,\"reasons\":{", st->listings, st->flagged, st->stop,
	    st->flagged - st->stop, st->malformed);
	for (r = 0; r < SCAN_NREASONS; r++)
		buf_printf(b, "%s\"%s\":%lld", r ? "," : "", scan_reason_code((enum scan_reason)r),
		    st->per_reason[r]);
	BUF_LIT(b, "},\"files\":[");
	for (i = 0; i < nfiles; i++) {
		const struct stats_file *f = &files[i];

		buf_puts(b, i ? ",{\"name\":" : "{\"name\":");
		put_str(b, f->name);
		BUF_LIT(b, ",\"read_as\":");
		put_str(b, f->how);
		buf_printf(b, ",\"status\":%d,\"listings\":%lld,\"flagged\":%lld,\"stop\":%lld,"
		    "\"malformed\":%lld,\"finding\":", f->status, f->listings, f->flagged, f->stop,
		    f->malformed);
		put_str(b, f->finding);
		buf_putc(b, '}');
	}
	BUF_LIT(b, "],\"languages\":{");
	n = scan_stats_languages(st, langs, 64, names, sizeof names);
	for (i = 0; i < n; i++) {
		buf_puts(b, i ? "," : "");
		put_str(b, langs[i].name);
		buf_printf(b, ":%lld", langs[i].listings);
	}
	BUF_LIT(b, "},\"categories\":[");
	for (i = 0; i < st->ncats + 2; i++) {
		const struct stats_count *c = i < st->ncats ? &st->cats[i] :
		    i == st->ncats ? &st->cat_other : &st->cat_none;

		if (i >= st->ncats && !c->listings)
			continue;
		BUF_LIT(b, "{\"name\":");
		put_str(b, c->name);
		buf_printf(b, ",\"listings\":%lld,\"flagged\":%lld},", c->listings, c->flagged);
	}
	if (b->len && b->mem[b->len - 1] == ',')
		b->len--;
	BUF_LIT(b, "],\"top_phrases\":[");
	n = top_phrases(st, top, STATS_TOP);
	for (i = 0; i < n; i++) {
		const struct scan_phrase *p = &st->scan->ph[top[i]];

		buf_puts(b, i ? ",{\"phrase\":" : "{\"phrase\":");
		put_str(b, p->phrase);
		BUF_LIT(b, ",\"category\":");
		put_str(b, p->category);
		BUF_LIT(b, ",\"language\":");
		put_str(b, p->language);
		buf_printf(b, ",\"listings\":%lld}", st->per_phrase[top[i]]);
	}
	BUF_LIT(b, "],\"duplicate_groups\":[");
	for (i = 0; i < ngroups; i++) {
		const struct seen_entry *e = &groups[i].first;

		buf_printf(b, "%s{\"imei\":\"%s\",\"listings\":%u,\"other_seller\":%s,"
		    "\"first\":{\"file\":", i ? "," : "", groups[i].imei, e->count,
		    e->other_seller ? "true" : "false");
		put_str(b, e->file);
		buf_printf(b, ",\"row\":%ld,\"id\":", e->row);
		if (e->idlen)
			buf_put_json_str(b, e->id, e->idlen);
		else
			BUF_LIT(b, "null");
		BUF_LIT(b, ",\"seller\":");
		if (e->sellerlen)
			buf_put_json_str(b, e->seller, e->sellerlen);
		else
			BUF_LIT(b, "null");
		BUF_LIT(b, "}}");
	}
	buf_printf(b, "],\"prices\":{\"far_below\":%lld}}\n",
	    st->per_reason[SCAN_PRICE_FAR_BELOW]);
}
