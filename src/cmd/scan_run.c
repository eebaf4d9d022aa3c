/* SPDX-License-Identifier: MIT */
/* scan_run: the lifecycle of one "handover scan" run: what it holds from
 * the options to the summary, set up and freed in one place, and the
 * tables and files it loads (data, --config, the config's phrases). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/fd.h"
#include "cli/load.h"
#include "cmd/scan_run.h"

/* Days since 1970-01-01 by the clock, or by SOURCE_DATE_EPOCH when set
 * (reproducible runs and tests). */
static int
today(void)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	long long t = (long long)time(NULL);
	char *end;

	if (s && *s) {
		errno = 0;
		t = strtoll(s, &end, 10);
		if (errno || *end || t < 0)
			t = (long long)time(NULL);
	}
	return (int)(t / 86400);
}

void
scan_run_init(struct scan_run *r, struct cli *c)
{
	memset(r, 0, sizeof *r);
	r->cli = c;
	r->in.fd = -1;
	fd_buf_init(&r->out, STDOUT_FILENO);
	tacload_init(&r->tl, c, NULL);
	dupset_init(&r->seen);
	groups_init(&r->groups, GROUPS_STREAM);
	seen_init(&r->first);
	r->seen_days = SCAN_SEEN_DAYS;
	r->seen_max = SCAN_SEEN_MAX;
	r->today = today();
}

int
scan_run_name(struct scan_run *r, enum scan_role role, const char *name)
{
	if (r->nnames == COLUMNS_MAX_CUSTOM)
		return -1;
	r->names[r->nnames].role = role;
	r->names[r->nnames++].name = name;
	return 0;
}

/* The column table (data/columns.tsv), then the names the options
 * gave. */
static int
load_columns(struct scan_run *r)
{
	const char *data;
	size_t len, i;
	struct error e;

	if (cli_data(r->cli, "columns.tsv", &data, &len) != 0)
		return -1;
	if (columns_load(&r->cols, data, len, &e) != 0) {
		cli_bad_data(r->cli, &e);
		return -1;
	}
	for (i = 0; i < r->nnames; i++)
		if (columns_name(&r->cols, r->names[i].role, r->names[i].name, 1, &e) != 0) {
			cli_error("%s", e.msg);
			return -1;
		}
	return 0;
}

/* --config FILE: parsed, and its column names given (a role an option
 * named keeps the option's names).  Returns an exit status: EXIT_IO when
 * it cannot be read, EXIT_USAGE when it is wrong (after a message). */
static int
load_config(struct scan_run *r)
{
	struct error e;
	char *text;
	size_t len, i;
	int k;

	if (!r->config_path)
		return EXIT_OK;
	if (cli_read_file(r->config_path, CONFIG_MAX_BYTES, &text, &len) != 0) {
		cli_error("cannot read '%s': %s", r->config_path, strerror(errno));
		return EXIT_IO;
	}
	if (config_parse(&r->cfg, text, len, &e) != 0) {
		if (e.line)
			cli_error("'%s': line %ld, column %ld: %s", r->config_path, e.line,
			    e.column, e.msg);
		else
			cli_error("'%s': %s", r->config_path, e.msg);
		free(text);
		return EXIT_USAGE;
	}
	free(text);
	for (k = 0; k < SCAN_NROLES; k++) {
		if (r->cols.custom_roles & 1u << k)
			continue;	/* an option named this role: it wins */
		for (i = 0; i < r->cfg.nnames[k]; i++)
			if (columns_name(&r->cols, (enum scan_role)k, r->cfg.names[k][i], 0, &e) != 0) {
				cli_error("'%s': %s", r->config_path, e.msg);
				return EXIT_USAGE;
			}
	}
	for (i = 0; i < r->cfg.ninclude && r->fmt.ninclude < SCANFMT_MAX_INCLUDE; i++)
		r->fmt.include[r->fmt.ninclude++] = r->cfg.include[i];
	return EXIT_OK;
}

static int
same_text(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if ((*a >= 'A' && *a <= 'Z' ? *a + 32 : *a) !=
		    (*b >= 'A' && *b <= 'Z' ? *b + 32 : *b))
			return 0;
	return *a == *b;
}

/* The phrases the scan looks for: the built-in ones but those the config
 * allows, then the config's own.  kbx is the kb with that list. */
static int
merge_phrases(struct scan_run *r)
{
	const struct config *c = &r->cfg;
	size_t i, k, n = 0, used = 0;

	r->kbx = r->kb;
	if (!c->nphrases && !c->nallow_phrases)
		return 0;
	r->phrases = calloc(r->kb.nphrases + c->nphrases + 1, sizeof *r->phrases);
	if (!r->phrases) {
		cli_error("out of memory");
		return -1;
	}
	for (k = 0; k < c->nallow_phrases; k++) {
		int found = 0;

		for (i = 0; i < r->kb.nphrases; i++)
			found |= same_text(r->kb.phrases[i].phrase, c->allow_phrases[k]);
		for (i = 0; i < c->nphrases; i++)
			found |= same_text(c->phrases[i].phrase, c->allow_phrases[k]);
		if (!found && !r->quiet)
			fprintf(stderr, "handover scan: '%s': allow: '%s' is not a phrase the "
			    "scan looks for; it changes nothing\n", r->config_path,
			    c->allow_phrases[k]);
	}
	for (i = 0; i < r->kb.nphrases; i++) {
		for (k = 0; k < c->nallow_phrases; k++)
			if (same_text(r->kb.phrases[i].phrase, c->allow_phrases[k]))
				break;
		if (k == c->nallow_phrases)
			r->phrases[n++] = r->kb.phrases[i];
	}
	for (i = 0; i < c->nphrases; i++) {
		for (k = 0; k < c->nallow_phrases; k++)
			if (same_text(c->phrases[i].phrase, c->allow_phrases[k]))
				break;
		if (k < c->nallow_phrases)
			continue;
		memset(&r->phrases[n], 0, sizeof r->phrases[n]);
		r->phrases[n].phrase = c->phrases[i].phrase;
		r->phrases[n].language = c->phrases[i].language;
		r->phrases[n].category = c->phrases[i].category;
		r->phrases[n].cues = "";	/* negation only, as an older phrases.tsv */
		r->phrases[n].form_of = "";
		r->phrases[n++].weight = c->phrases[i].weight;
		used++;
	}
	r->kbx.phrases = r->phrases;
	r->kbx.nphrases = n;
	return 0;
}

int
scan_run_load(struct scan_run *r, const char *tacdb)
{
	struct error e;
	int status;

	if (load_columns(r) != 0)
		return EXIT_IO;
	if ((status = load_config(r)) != EXIT_OK)
		return status;
	if (cli_load_idents(r->cli, &r->tables) != 0 || cli_load_kb(r->cli, &r->kb) != 0 ||
	    merge_phrases(r) != 0)
		return EXIT_IO;
	r->tl.path = tacdb;
	if (tacload_check_named(&r->tl) != 0 || tacload_load(&r->tl) != 0)
		return EXIT_IO;
	if (scan_init(&r->scan, &r->kbx, &r->tables, &r->tl.db, &e) != 0) {
		if (r->config_path && r->cfg.nphrases) {
			cli_error("cannot build the phrase matcher with the phrases of '%s': %s",
			    r->config_path, e.msg);
			return EXIT_USAGE;
		}
		cli_error("cannot build the phrase matcher: %s", e.msg);
		return EXIT_IO;
	}
	{
		/* the settings survive scanfmt_init, which clears the struct */
		const char *inc[SCANFMT_MAX_INCLUDE];
		size_t ninc = r->fmt.ninclude;
		int excel = r->fmt.excel;

		memcpy(inc, r->fmt.include, sizeof inc);
		if (scanfmt_init(&r->fmt, &r->scan) != 0 ||
		    scan_stats_init(&r->stats, &r->scan) != 0) {
			cli_error("out of memory");
			return EXIT_IO;
		}
		memcpy(r->fmt.include, inc, sizeof inc);
		r->fmt.ninclude = ninc;
		r->fmt.excel = excel;
	}
	return EXIT_OK;
}

void
scan_run_release(struct scan_run *r)
{
	size_t i;

	if (r->in.fd > STDIN_FILENO)
		close(r->in.fd);
	free(r->in.raw);
	buf_release(&r->out);
	scanfmt_release(&r->fmt);
	scan_release(&r->scan);
	scan_stats_release(&r->stats);
	tacload_release(&r->tl);
	kb_release(&r->kb);
	free(r->phrases);
	ident_tables_release(&r->tables);
	columns_release(&r->cols);
	config_release(&r->cfg);
	dupset_release(&r->seen);
	groups_release(&r->groups);
	seen_release(&r->first);
	for (i = 0; i < r->nhdr; i++)
		free(r->hdr[i]);
	free(r->hdr);
	free(r->hdrlen);
	free(r->hdrrole);
	free(r->hdrincl);
	for (i = 0; i < SCAN_KEY_CACHE; i++)
		free(r->keys[i].key);
	for (i = 0; i < SCANFMT_MAX_INCLUDE; i++)
		free(r->include_mem[i]);
	for (i = 0; i < r->nfiles; i++)
		free(r->files[i].text_none);
	free(r->files);
	memset(r, 0, sizeof *r);
}
