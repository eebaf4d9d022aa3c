/* SPDX-License-Identifier: MIT */
/* stats: what a scan counted, for --summary-json and the --report page:
 * listings and flags by reason, phrase, language, category and file, and
 * the largest duplicate groups. */
#ifndef HANDOVER_STATS_H
#define HANDOVER_STATS_H

#include <stddef.h>

#include "lib/buf.h"
#include "scan/dupset.h"
#include "scan/scan.h"
#include "scan/seen.h"

#define STATS_MAX_CATEGORIES 200	/* distinct categories counted; the rest
					 * go together */
#define STATS_TOP 10			/* phrases, groups shown */

struct stats_count {
	const char *name;	/* a category's is the stats' own */
	long long listings, flagged;
};

struct scan_stats {
	const struct scan *scan;	/* borrowed: the phrases' names */
	long long listings, flagged, stop, malformed, per_reason[SCAN_NREASONS];
	long long *per_phrase;		/* per phrase: listings it was found in */
	struct stats_count *cats;	/* per category (the category column) */
	size_t ncats, capcats;
	struct stats_count cat_other, cat_none;
	int nomem;
};

/* One input, as the summaries show it (the front end's counts). */
struct stats_file {
	const char *name, *how;		/* "CSV separated by ';', UTF-8" */
	long long listings, flagged, stop, malformed;
	const char *finding;		/* a file-level finding, or NULL */
	int status;
};

/* A duplicate group: an IMEI shown by several listings, and its first. */
struct stats_group {
	char imei[16];
	struct seen_entry first;
};

/* Returns 0, or -1 when out of memory. */
int scan_stats_init(struct scan_stats *st, const struct scan *s);
void scan_stats_release(struct scan_stats *st);
/* Counts one listing: its final reasons, its phrase hits, its category
 * (NULL when none). */
void scan_stats_listing(struct scan_stats *st, unsigned reasons, const struct scan_hit *hits,
    size_t nhits, const char *cat, size_t catlen);

/* The max largest groups (most listings first, then by IMEI) of the set,
 * whose slots refer to entries of s.  Returns how many. */
size_t scan_stats_groups(const struct dupset *d, const struct seen *s,
    struct stats_group *out, size_t max);

/* Per language: listings with a phrase of it (a phrase in several
 * languages counts for each).  Fills at most max, most first; returns how
 * many.  names point into the scan's phrases; caller frees nothing. */
size_t scan_stats_languages(const struct scan_stats *st, struct stats_count *out,
    size_t max, char *names, size_t cap);

/* The --summary-json document (one JSON object and a newline). */
void scan_stats_json(struct buf *b, const struct scan_stats *st, const struct stats_file *files,
    size_t nfiles, const struct stats_group *groups, size_t ngroups, int status,
    const char *status_words);

/* The --report page: one self-contained HTML document (inline SVG, no
 * script, nothing fetched; scan/report.c). */
void scan_report_html(struct buf *b, const struct scan_stats *st, const struct stats_file *files,
    size_t nfiles, const struct stats_group *groups, size_t ngroups, const char *date);

#endif
