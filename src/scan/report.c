/* SPDX-License-Identifier: MIT */
/* report: the --report page for a manager: one self-contained HTML
 * document, charts as inline SVG, no script, nothing loaded from anywhere
 * (a Content-Security-Policy says so to the browser too).  Every text
 * from the data goes through buf_put_html. */
#include <string.h>

#include "scan/stats.h"

#define BAR_W 360		/* pixels of the longest bar */
#define ROW_H 24

static void
esc(struct buf *b, const char *s)
{
	buf_put_html(b, s, strlen(s));
}

static void
esc_n(struct buf *b, const char *s, size_t n)
{
	buf_put_html(b, s, n);
}

static const char style[] =
    "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;"
    "margin:0;background:#f6f7f9;color:#1d2330}"
    "main{max-width:980px;margin:0 auto;padding:24px 20px 48px}"
    "h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 10px}"
    ".sub{color:#5b6475;margin:0 0 18px}"
    ".cards{display:flex;flex-wrap:wrap;gap:12px}"
    ".card{background:#fff;border:1px solid #dde1e8;border-radius:8px;padding:12px 16px;"
    "min-width:130px}.card b{display:block;font-size:26px}"
    ".card.stop b{color:#b3261e}.card.caution b{color:#a05a00}.card.ok b{color:#1e7b34}"
    "section{background:#fff;border:1px solid #dde1e8;border-radius:8px;padding:6px 16px 14px;"
    "margin-top:16px}"
    "table{border-collapse:collapse;width:100%;font-size:14px}"
    "th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #eceef2;vertical-align:top}"
    "th{color:#5b6475;font-weight:600}td.n{text-align:right;font-variant-numeric:tabular-nums}"
    "svg text{font:13px system-ui,sans-serif;fill:#1d2330}"
    ".note{color:#5b6475;font-size:14px}code{font-size:13px}";

/* A horizontal bar chart: one row a label, bars scaled to the largest. */
static void
bars(struct buf *b, const char *const *labels, const long long *values, const int *tone,
    size_t n, const char *title)
{
	static const char *const fill[] = { "#4a6fa5", "#b3261e", "#d08a1a", "#2e8b57" };
	long long max = 1;
	size_t i;

	for (i = 0; i < n; i++)
		if (values[i] > max)
			max = values[i];
	buf_printf(b, "<svg role=\"img\" width=\"100%%\" viewBox=\"0 0 %d %zu\" "
	    "xmlns=\"http://www.w3.org/2000/svg\"><title>", 260 + BAR_W + 90, n * ROW_H + 6);
	esc(b, title);
	BUF_LIT(b, "</title>");
	for (i = 0; i < n; i++) {
		long long w = values[i] * BAR_W / max;
		size_t y = i * ROW_H + 4;

		buf_printf(b, "<text x=\"250\" y=\"%zu\" text-anchor=\"end\">", y + 14);
		esc(b, labels[i]);
		buf_printf(b, "</text><rect x=\"260\" y=\"%zu\" width=\"%lld\" height=\"16\" rx=\"3\" "
		    "fill=\"%s\"/><text x=\"%lld\" y=\"%zu\">%lld</text>", y + 2,
		    w > 0 ? w : (values[i] ? 1 : 0), fill[tone ? tone[i] & 3 : 0], 266 + w, y + 14,
		    values[i]);
	}
	BUF_LIT(b, "</svg>");
}

/* The share of listings by risk as one stacked bar. */
static void
risk_bar(struct buf *b, const struct scan_stats *st)
{
	long long ok = st->listings - st->flagged, caution = st->flagged - st->stop;
	long long total = st->listings ? st->listings : 1;
	long long ws = st->stop * 700 / total, wc = caution * 700 / total;

	BUF_LIT(b, "<svg role=\"img\" width=\"100%\" viewBox=\"0 0 720 44\" "
	    "xmlns=\"http://www.w3.org/2000/svg\"><title>Listings by risk</title>");
	buf_printf(b, "<rect x=\"10\" y=\"6\" width=\"700\" height=\"22\" rx=\"4\" fill=\"#2e8b57\"/>"
	    "<rect x=\"10\" y=\"6\" width=\"%lld\" height=\"22\" fill=\"#b3261e\"/>"
	    "<rect x=\"%lld\" y=\"6\" width=\"%lld\" height=\"22\" fill=\"#d08a1a\"/>"
	    "<text x=\"10\" y=\"42\">stop %lld, caution %lld, ok %lld</text></svg>",
	    ws, 10 + ws, wc, st->stop, caution, ok);
}

static void
cards(struct buf *b, const struct scan_stats *st)
{
	long long pct10 = st->listings ? st->flagged * 1000 / st->listings : 0;

	buf_printf(b, "<div class=\"cards\"><div class=\"card\"><b>%lld</b>listings</div>"
	    "<div class=\"card\"><b>%lld.%lld%%</b>flagged</div>"
	    "<div class=\"card stop\"><b>%lld</b>stop</div>"
	    "<div class=\"card caution\"><b>%lld</b>caution</div>"
	    "<div class=\"card ok\"><b>%lld</b>ok</div>"
	    "<div class=\"card\"><b>%lld</b>rows not readable</div></div>",
	    st->listings, pct10 / 10, pct10 % 10, st->stop, st->flagged - st->stop,
	    st->listings - st->flagged, st->malformed);
}

static void
by_reason(struct buf *b, const struct scan_stats *st)
{
	const char *labels[SCAN_NREASONS];
	long long values[SCAN_NREASONS];
	int tone[SCAN_NREASONS], r;
	size_t n = 0;

	BUF_LIT(b, "<section><h2>Listings by reason</h2>");
	for (r = 0; r < SCAN_NREASONS; r++) {
		if (!st->per_reason[r])
			continue;
		labels[n] = scan_reason_code((enum scan_reason)r);
		values[n] = st->per_reason[r];
		tone[n++] = scan_reason_risk((enum scan_reason)r) == SCAN_STOP ? 1 : 2;
	}
	if (n)
		bars(b, labels, values, tone, n, "Listings by reason");
	else
		BUF_LIT(b, "<p class=\"note\">No listing was flagged.</p>");
	BUF_LIT(b, "<p class=\"note\">Red: the reason alone makes a listing stop; amber: "
	    "caution.  A listing may have several reasons.</p></section>");
}

static void
by_language(struct buf *b, const struct scan_stats *st)
{
	struct stats_count langs[32];
	const char *labels[32];
	long long values[32];
	char names[32 * 4];
	size_t i, n = scan_stats_languages(st, langs, 32, names, sizeof names);

	BUF_LIT(b, "<section><h2>Phrases found, by language</h2>");
	for (i = 0; i < n; i++) {
		labels[i] = langs[i].name;
		values[i] = langs[i].listings;
	}
	if (n)
		bars(b, labels, values, NULL, n, "Listings with a phrase, by the phrase's language");
	else
		BUF_LIT(b, "<p class=\"note\">No phrase was found.</p>");
	BUF_LIT(b, "<p class=\"note\">Listings with a red-flag phrase of each language "
	    "(ISO 639-1); a phrase used in several languages counts for each.</p></section>");
}

static void
by_category(struct buf *b, const struct scan_stats *st)
{
	const char *labels[2 * 24];
	long long values[2 * 24];
	int tone[2 * 24];
	size_t i, n = 0;

	BUF_LIT(b, "<section><h2>By category</h2>");
	if (!st->ncats) {
		BUF_LIT(b, "<p class=\"note\">The export has no category column (name one with "
		    "<code>--category-column</code>).</p></section>");
		return;
	}
	BUF_LIT(b, "<table><tr><th>category</th><th class=\"n\">listings</th>"
	    "<th class=\"n\">flagged</th><th class=\"n\">share</th></tr>");
	for (i = 0; i < st->ncats + 2; i++) {
		const struct stats_count *c = i < st->ncats ? &st->cats[i] :
		    i == st->ncats ? &st->cat_other : &st->cat_none;

		if (i >= st->ncats && !c->listings)
			continue;
		BUF_LIT(b, "<tr><td>");
		esc(b, c->name);
		buf_printf(b, "</td><td class=\"n\">%lld</td><td class=\"n\">%lld</td>"
		    "<td class=\"n\">%lld%%</td></tr>", c->listings, c->flagged,
		    c->listings ? c->flagged * 100 / c->listings : 0);
		if (n + 2 <= sizeof values / sizeof values[0] && c->flagged) {
			labels[n] = c->name;
			values[n] = c->flagged;
			tone[n++] = 2;
		}
	}
	BUF_LIT(b, "</table>");
	if (n)
		bars(b, labels, values, tone, n, "Flagged listings by category");
	BUF_LIT(b, "</section>");
}

static void
by_file(struct buf *b, const struct stats_file *files, size_t nfiles)
{
	size_t i;

	BUF_LIT(b, "<section><h2>By file</h2><table><tr><th>file</th><th>read as</th>"
	    "<th class=\"n\">listings</th><th class=\"n\">flagged</th><th class=\"n\">stop</th>"
	    "<th class=\"n\">rows not readable</th></tr>");
	for (i = 0; i < nfiles; i++) {
		const struct stats_file *f = &files[i];

		BUF_LIT(b, "<tr><td>");
		esc(b, f->name);
		BUF_LIT(b, "</td><td>");
		esc(b, f->how);
		buf_printf(b, "</td><td class=\"n\">%lld</td><td class=\"n\">%lld</td>"
		    "<td class=\"n\">%lld</td><td class=\"n\">%lld</td></tr>", f->listings,
		    f->flagged, f->stop, f->malformed);
		if (f->finding) {
			BUF_LIT(b, "<tr><td></td><td colspan=\"5\" class=\"note\">File finding: ");
			esc(b, f->finding);
			BUF_LIT(b, "</td></tr>");
		}
	}
	BUF_LIT(b, "</table></section>");
}

static void
top_phrases(struct buf *b, const struct scan_stats *st)
{
	size_t idx[STATS_TOP], n = 0, i, k;

	for (i = 0; i < st->scan->nph; i++) {
		if (!st->per_phrase[i] || (n == STATS_TOP &&
		    st->per_phrase[idx[n - 1]] >= st->per_phrase[i]))
			continue;
		for (k = n < STATS_TOP ? n++ : n - 1; k > 0 &&
		    st->per_phrase[idx[k - 1]] < st->per_phrase[i]; k--)
			idx[k] = idx[k - 1];
		idx[k] = i;
	}
	BUF_LIT(b, "<section><h2>Top phrases</h2>");
	if (!n) {
		BUF_LIT(b, "<p class=\"note\">No phrase was found.</p></section>");
		return;
	}
	BUF_LIT(b, "<table><tr><th>phrase</th><th>category</th><th>language</th>"
	    "<th class=\"n\">listings</th></tr>");
	for (i = 0; i < n; i++) {
		const struct scan_phrase *p = &st->scan->ph[idx[i]];

		BUF_LIT(b, "<tr><td>");
		esc(b, p->phrase);
		BUF_LIT(b, "</td><td>");
		esc(b, p->category);
		BUF_LIT(b, "</td><td>");
		esc(b, p->language);
		buf_printf(b, "</td><td class=\"n\">%lld</td></tr>", st->per_phrase[idx[i]]);
	}
	BUF_LIT(b, "</table></section>");
}

static void
dup_groups(struct buf *b, const struct stats_group *groups, size_t ngroups)
{
	size_t i;

	BUF_LIT(b, "<section><h2>Largest duplicate groups</h2>");
	if (!ngroups) {
		BUF_LIT(b, "<p class=\"note\">No IMEI was shown by more than one listing.</p>"
		    "</section>");
		return;
	}
	BUF_LIT(b, "<table><tr><th>IMEI</th><th class=\"n\">listings</th><th>sellers</th>"
	    "<th>first shown</th></tr>");
	for (i = 0; i < ngroups; i++) {
		const struct seen_entry *e = &groups[i].first;

		buf_printf(b, "<tr><td><code>%s</code></td><td class=\"n\">%u</td><td>%s</td><td>",
		    groups[i].imei, e->count, e->other_seller ? "several: stop" :
		    "one: relisted");
		esc(b, e->file);
		buf_printf(b, " row %ld", e->row);
		if (e->idlen) {
			BUF_LIT(b, ", listing ");
			esc_n(b, e->id, e->idlen);
		}
		if (e->sellerlen) {
			BUF_LIT(b, ", seller ");
			esc_n(b, e->seller, e->sellerlen);
		}
		BUF_LIT(b, "</td></tr>");
	}
	BUF_LIT(b, "</table><p class=\"note\">Every listing of a group: "
	    "<code>handover scan --keyed FILES | LC_ALL=C sort | handover dups</code>.</p>"
	    "</section>");
}

/* How many listings were priced far below the others of their model. */
static void
price_outliers(struct buf *b, const struct scan_stats *st)
{
	long long n = st->per_reason[SCAN_PRICE_FAR_BELOW];

	BUF_LIT(b, "<section><h2>Price outliers</h2><p>");
	if (n)
		buf_printf(b, "%lld listing%s priced far below the median of the same model "
		    "and currency in this export (reason <code>price_far_below</code> in the "
		    "findings: a price too good to be true is a sign of a locked, financed "
		    "or stolen phone).", n, n == 1 ? "" : "s");
	else
		BUF_LIT(b, "No listing was priced far below the others of its model in this "
		    "export (a model needs several priced listings to be compared).");
	BUF_LIT(b, "</p></section>");
}

void
scan_report_html(struct buf *b, const struct scan_stats *st, const struct stats_file *files,
    size_t nfiles, const struct stats_group *groups, size_t ngroups, const char *date)
{
	BUF_LIT(b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
	    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	    "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
	    "<meta name=\"referrer\" content=\"no-referrer\">"
	    "<title>handover scan report</title><style>");
	buf_puts(b, style);
	BUF_LIT(b, "</style></head><body><main><h1>Listings scanned</h1><p class=\"sub\">"
	    "handover scan, ");
	esc(b, date);
	buf_printf(b, ", %zu file%s</p>", nfiles, nfiles == 1 ? "" : "s");
	cards(b, st);
	BUF_LIT(b, "<section><h2>Share flagged</h2>");
	risk_bar(b, st);
	BUF_LIT(b, "</section>");
	by_reason(b, st);
	by_language(b, st);
	by_category(b, st);
	by_file(b, files, nfiles);
	top_phrases(b, st);
	dup_groups(b, groups, ngroups);
	price_outliers(b, st);
	BUF_LIT(b, "<p class=\"note\">Made by handover from the scan's counts; nothing on this page "
	    "is loaded from anywhere.</p></main></body></html>\n");
}
