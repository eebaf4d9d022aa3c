/* SPDX-License-Identifier: MIT */
/* scan_columns: what each column (or JSON key) of a "handover scan" input
 * is for: the roles of a CSV header and of JSON keys (remembered), the
 * --include-columns they are, and the report on stderr of what was
 * understood, refusing what cannot be scanned that way. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/scan_run.h"
#include "lib/hash.h"

/* The --include-columns entry the name (p, n) is, or -1. */
static int
include_of(const struct scan_run *r, const char *p, size_t n)
{
	char a[COLUMNS_KEY_MAX], b[COLUMNS_KEY_MAX];
	size_t i, an = columns_key(p, n, a, sizeof a);

	for (i = 0; i < r->fmt.ninclude; i++)
		if (columns_key(r->fmt.include[i], strlen(r->fmt.include[i]), b, sizeof b) == an &&
		    memcmp(a, b, an) == 0)
			return (int)i;
	return -1;
}

/* The role and --include-columns entry of a JSON key path, remembered. */
enum scan_role
scan_key_role(struct scan_run *r, const char *p, size_t n, int *incl)
{
	uint64_t h = hash_fnv1a64(p, n);
	size_t i, j = (size_t)h & (SCAN_KEY_CACHE - 1);
	enum scan_role role;

	for (i = 0; i < SCAN_KEY_CACHE; i++, j = (j + 1) & (SCAN_KEY_CACHE - 1)) {
		struct scan_key *k = &r->keys[j];

		if (!k->key)
			break;
		if (k->len == n && memcmp(k->key, p, n) == 0) {
			*incl = k->incl;
			return k->role;
		}
	}
	role = columns_role(&r->cols, p, n);
	*incl = include_of(r, p, n);
	r->file->has_category |= role == SCAN_CATEGORY;
	if (i < SCAN_KEY_CACHE && r->nkeys < SCAN_KEY_CACHE * 3 / 4 &&
	    (r->keys[j].key = malloc(n + 1)) != NULL) {
		memcpy(r->keys[j].key, p, n);
		r->keys[j].key[n] = '\0';
		r->keys[j].len = n;
		r->keys[j].role = role;
		r->keys[j].incl = *incl;
		r->nkeys++;
	}
	return role;
}

void
scan_forget_keys(struct scan_run *r)
{
	size_t i;

	for (i = 0; i < SCAN_KEY_CACHE; i++) {
		free(r->keys[i].key);
		r->keys[i].key = NULL;
	}
	r->nkeys = 0;
}

static void
list_names(struct buf *b, const struct scan_names *nm, int role, const char *sep)
{
	size_t i;
	int any = 0;

	for (i = 0; i < nm->count; i++) {
		if (role >= 0 && nm->role[i] != (enum scan_role)role)
			continue;
		if (any++)
			buf_puts(b, sep);
		if (nm->n[i])
			buf_put(b, nm->p[i], nm->n[i]);
		else
			buf_printf(b, "(column %zu, no name)", i + 1);
	}
}

/* What was understood, on stderr (unless quiet), and what cannot be
 * scanned that way.  Returns EXIT_OK or EXIT_USAGE (after a message). */
int
scan_report_columns(struct scan_run *r, const struct scan_names *nm, int json)
{
	static const enum scan_role order[] = {
		SCAN_TITLE, SCAN_TEXT, SCAN_ID, SCAN_SELLER, SCAN_IMEI, SCAN_BRAND, SCAN_MODEL,
		SCAN_CATEGORY
	};
	struct scan_file *f = r->file;
	size_t i, count[SCAN_NROLES];
	struct buf b, all;
	int status = EXIT_OK;

	memset(count, 0, sizeof count);
	for (i = 0; i < nm->count; i++)
		count[nm->role[i]]++;
	buf_init_mem(&all);
	list_names(&all, nm, -1, ", ");
	for (i = 0; i < r->cols.ncustom; i++)
		if (r->cols.custom[i].replaces && !r->cols.custom[i].matched) {
			if (json) {
				if (!r->quiet)
					fprintf(stderr, "handover scan: '%s': the first object has no "
					    "key '%s' (--%s-column): it is looked for in every object\n",
					    f->name, r->cols.custom[i].given,
					    scan_role_name(r->cols.custom[i].role));
				continue;
			}
			cli_error("'%s': no column is called '%s' (--%s-column); its columns are: %s",
			    f->name, r->cols.custom[i].given, scan_role_name(r->cols.custom[i].role),
			    buf_str(&all));
			status = EXIT_USAGE;
		}
	for (i = 0; i < r->fmt.ninclude; i++) {
		size_t k;

		for (k = 0; k < nm->count && include_of(r, nm->p[k], nm->n[k]) != (int)i; k++)
			;
		if (k < nm->count || json || !r->include_mem[i])
			continue;	/* there, or a key later objects may have, or the
					 * config file's (absent: null) */
		cli_error("'%s': no column is called '%s' (--include-columns); its columns are: "
		    "%s", f->name, r->fmt.include[i], buf_str(&all));
		status = EXIT_USAGE;
	}
	if (status == EXIT_OK && !count[SCAN_TITLE] && !count[SCAN_TEXT] && !r->no_text_ok) {
		cli_error("'%s': no title or description %s among: %s; name one with "
		    "--title-column or --text-column, or pass --no-text-ok to scan it as it is",
		    f->name, json ? "key" : "column", buf_str(&all));
		status = EXIT_USAGE;
	}
	buf_release(&all);
	if (r->quiet || status != EXIT_OK)
		return status;
	buf_init_mem(&b);
	buf_printf(&b, "handover scan: '%s': %s; %s:\n", f->name, f->how,
	    json ? "keys of the first object" : "columns");
	for (i = 0; i < sizeof order / sizeof order[0]; i++) {
		if (!count[order[i]])
			continue;
		buf_printf(&b, "  %s: ", scan_role_name(order[i]));
		list_names(&b, nm, (int)order[i], ", ");
		buf_putc(&b, '\n');
	}
	if (count[SCAN_OTHER]) {
		BUF_LIT(&b, "  searched as text too: ");
		list_names(&b, nm, SCAN_OTHER, ", ");
		buf_putc(&b, '\n');
	}
	if (count[SCAN_DATA]) {
		BUF_LIT(&b, "  searched for identifiers only: ");
		list_names(&b, nm, SCAN_DATA, ", ");
		buf_putc(&b, '\n');
	}
	if (count[SCAN_PRICE]) {
		BUF_LIT(&b, "  not searched: ");
		list_names(&b, nm, SCAN_PRICE, ", ");
		buf_putc(&b, '\n');
	}
	if (!count[SCAN_TITLE] && !count[SCAN_TEXT])
		BUF_LIT(&b, "  no title or description: only the other columns are searched "
		    "(--no-text-ok)\n");
	if (!count[SCAN_ID])
		BUF_LIT(&b, "  no id: findings name the row\n");
	if (!count[SCAN_SELLER])
		BUF_LIT(&b, "  no seller: a repeated IMEI cannot tell another seller from a "
		    "relisting, so it is a caution, never a stop (--seller-column)\n");
	if (!count[SCAN_IMEI])
		BUF_LIT(&b, "  no IMEI column: IMEIs are looked for in the text\n");
	if (b.mem)
		fputs(b.mem, stderr);
	buf_release(&b);
	return EXIT_OK;
}

void
scan_release_header(struct scan_run *r)
{
	size_t i;

	for (i = 0; r->hdr && i < r->nhdr; i++)	/* hdr may have failed */
		free(r->hdr[i]);
	free(r->hdr);
	free(r->hdrlen);
	free(r->hdrrole);
	free(r->hdrincl);
	r->hdr = NULL;
	r->hdrlen = NULL;
	r->hdrrole = NULL;
	r->hdrincl = NULL;
	r->nhdr = 0;
}

int
scan_keep_header(struct scan_run *r, const struct csv_record *rec)
{
	size_t i;

	r->nhdr = rec->nfields;
	r->hdr = calloc(r->nhdr + 1, sizeof *r->hdr);
	r->hdrlen = calloc(r->nhdr + 1, sizeof *r->hdrlen);
	r->hdrrole = calloc(r->nhdr + 1, sizeof *r->hdrrole);
	r->hdrincl = calloc(r->nhdr + 1, sizeof *r->hdrincl);
	if (!r->hdr || !r->hdrlen || !r->hdrrole || !r->hdrincl)
		return -1;
	for (i = 0; i < r->nhdr; i++) {
		if (!(r->hdr[i] = malloc(rec->fields[i].len + 1)))
			return -1;
		memcpy(r->hdr[i], rec->fields[i].p, rec->fields[i].len);
		r->hdr[i][rec->fields[i].len] = '\0';
		r->hdrlen[i] = rec->fields[i].len;
		r->hdrrole[i] = columns_role(&r->cols, r->hdr[i], r->hdrlen[i]);
		r->file->has_category |= r->hdrrole[i] == SCAN_CATEGORY;
		r->hdrincl[i] = include_of(r, r->hdr[i], r->hdrlen[i]);
	}
	return 0;
}
