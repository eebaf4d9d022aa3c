/* SPDX-License-Identifier: MIT */
/* words: the checklist's words from data/checklist.tsv and
 * data/verdict.tsv, and filling their {placeholders}. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/grow.h"
#include "check/checklist.h"
#include "lib/tsv.h"

static char *
dup_field(char **mem, const struct tsv_row *row, int i)
{
	size_t n = row->f[i].n;
	char *s = *mem;

	memcpy(s, row->f[i].p, n);
	s[n] = '\0';
	*mem += n + 1;
	return s;
}

static int
load_table(const char *name, const char *data, size_t len, const char *c1,
    const char *c2, const char *c3, const char *c4, struct cl_text **out, size_t *nout,
    char **mem, struct error *e)
{
	struct tsv t;
	struct tsv_row row;
	int a, b, c, d, r;
	size_t cap = 0;	/* *out starts empty */

	if (tsv_open(&t, name, data, len, e) != 0)
		return -1;
	a = tsv_column(&t, c1);
	b = tsv_column(&t, c2);
	c = tsv_column(&t, c3);
	d = c4 ? tsv_column(&t, c4) : -1;
	if (a < 0 || b < 0 || c < 0 || (c4 && d < 0))
		return error_set(e, 0, 0, "%s: needs columns %s, %s, %s%s%s", name, c1, c2, c3,
		    c4 ? ", " : "", c4 ? c4 : "");
	while ((r = tsv_next(&t, &row, e)) == 1) {
		struct cl_text *m;
		if (grow_array(out, &cap, *nout + 1, sizeof *m) != 0)
			return error_set(e, 0, 0, "out of memory");
		m = &(*out)[(*nout)++];
		m->id = dup_field(mem, &row, a);
		m->a = dup_field(mem, &row, b);
		m->b = dup_field(mem, &row, c);
		m->label = d >= 0 ? dup_field(mem, &row, d) : m->id + strlen(m->id);
	}
	return r;
}

int
cl_texts_load(struct cl_texts *t, const char *steps_tsv, size_t steps_len,
    const char *reasons_tsv, size_t reasons_len, struct error *e)
{
	char *mem;
	size_t i;

	memset(t, 0, sizeof *t);
	/* every string is a copy of part of the two files, plus its NUL:
	 * at most one NUL a byte is room enough */
	t->mem = mem = malloc(2 * (steps_len + reasons_len) + 1);
	if (!mem)
		return error_set(e, 0, 0, "out of memory");
	if (load_table("checklist.tsv", steps_tsv, steps_len, "id", "question", "help", "label",
	    &t->steps, &t->nsteps, &mem, e) != 0 ||
	    load_table("verdict.tsv", reasons_tsv, reasons_len, "code", "sentence", "todo", NULL,
	    &t->reasons, &t->nreasons, &mem, e) != 0)
		goto fail;
	for (i = 0; i < cl_nsteps; i++)
		if (!cl_text_step(t, cl_steps[i].id)) {
			error_set(e, 0, 0, "checklist.tsv: no words for step '%s'", cl_steps[i].id);
			goto fail;
		}
	for (i = 0; cl_reason_codes[i]; i++)
		if (!cl_text_reason(t, cl_reason_codes[i])) {
			error_set(e, 0, 0, "verdict.tsv: no words for reason '%s'", cl_reason_codes[i]);
			goto fail;
		}
	return 0;
fail:
	cl_texts_release(t);
	return -1;
}

static const struct cl_text *
find(const struct cl_text *v, size_t n, const char *id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i].id, id) == 0)
			return &v[i];
	return NULL;
}

const struct cl_text *
cl_text_step(const struct cl_texts *t, const char *id)
{
	return find(t->steps, t->nsteps, id);
}

const struct cl_text *
cl_text_reason(const struct cl_texts *t, const char *code)
{
	return find(t->reasons, t->nreasons, code);
}

void
cl_texts_release(struct cl_texts *t)
{
	free(t->steps);
	free(t->reasons);
	free(t->mem);
	memset(t, 0, sizeof *t);
}

/* ------------------------------------------------------------ placeholders */

/* The brand's own value; for a brand we do not know, the generic Android
 * row's; for a known brand with no sourced path, a neutral instruction. */
static const char *
or_generic(const struct checklist *cl, const struct kb_brand *b, const char *v, size_t off)
{
	const struct kb_brand *g = cl->kb ? kb_brand_generic(cl->kb) : NULL;

	if (v && *v)
		return v;
	if (g && b == g) {
		const char *gv = *(const char *const *)((const char *)g + off);
		if (gv && *gv)
			return gv;
	}
	return "the phone's Settings (use the search at the top of Settings)";
}

#define BRAND_FIELD(b, f) (b), ((b) ? (b)->f : NULL), offsetof(struct kb_brand, f)

static void
put_registry(const struct checklist *cl, const char *what, struct buf *out)
{
	const char *cc = cl_get(cl, "listing.country");
	const struct kb_check *c = NULL;
	size_t n = 0, i;

	if (cc && cl->kb)
		c = kb_country_checks(cl->kb, cc, &n);
	if (!c || n == 0) {
		if (strcmp(what, "registry") == 0)
			buf_puts(out, "Your country's official IMEI check");
		else if (strcmp(what, "registry_how") == 0)
			buf_puts(out, "handover has no instructions for this country; ask the "
			    "regulator or a carrier shop how to check an IMEI.");
		return;
	}
	for (i = 0; i < n; i++) {
		const char *v = strcmp(what, "registry") == 0 ? c[i].check_name :
		    strcmp(what, "registry_how") == 0 ? c[i].how :
		    strcmp(what, "registry_limits") == 0 ? c[i].limits : c[i].result_meaning;
		if (strcmp(c[i].check_name, "none") == 0) {
			if (strcmp(what, "registry") == 0)
				buf_printf(out, "%sThere is no public IMEI check in %s",
				    i ? "; " : "", c[i].name);
			else if (strcmp(what, "registry_how") == 0 && c[i].instead[0])
				buf_printf(out, "%s%s", i ? " " : "", c[i].instead);
			continue;
		}
		if (!v || !*v)
			continue;
		buf_printf(out, "%s%s", i ? (strcmp(what, "registry") == 0 ? " or " : " ") : "", v);
	}
}

/* The lock systems known in the buyer's country (not the global ones). */
static void
put_country_locks(const struct checklist *cl, struct buf *out)
{
	const char *cc = cl_get(cl, "listing.country");
	size_t i, n = 0;

	if (!cc || !cl->kb)
		return;
	for (i = 0; i < cl->kb->nsystems; i++) {
		const struct kb_lock_system *s = &cl->kb->systems[i];
		if (strcmp(s->regions, "global") == 0 || !kb_list_has(s->regions, cc))
			continue;
		buf_printf(out, "%s%s", n++ ? ", " : "Lenders' locks known in your country: ", s->name);
	}
	if (n)
		buf_puts(out, ". 'handover info ");
	if (n)
		buf_printf(out, "%s' says what each looks like.", cc);
}

void
cl_render(const struct checklist *cl, const char *tmpl, struct buf *out)
{
	const struct kb_brand *b = cl_brand(cl);
	const char *p = tmpl;

	while (*p) {
		const char *open = strchr(p, '{'), *close;
		char name[32];
		size_t n;

		if (!open || !(close = strchr(open, '}')) || (n = (size_t)(close - open - 1)) >=
		    sizeof name) {
			buf_puts(out, p);
			return;
		}
		buf_put(out, p, (size_t)(open - p));
		memcpy(name, open + 1, n);
		name[n] = '\0';
		p = close + 1;
		if (strcmp(name, "brand") == 0 || strcmp(name, "model") == 0 ||
		    strcmp(name, "country") == 0 || strcmp(name, "imei1") == 0) {
			char id[64];
			const char *v;
			snprintf(id, sizeof id, "%s.%s", strcmp(name, "imei1") == 0 ? "identity" :
			    "listing", name);
			v = cl_get(cl, id);
			buf_puts(out, v ? v : "?");
		} else if (strcmp(name, "imei_path") == 0) {
			buf_puts(out, or_generic(cl, BRAND_FIELD(b, imei_path)));
		} else if (strcmp(name, "admin_apps_path") == 0) {
			buf_puts(out, or_generic(cl, BRAND_FIELD(b, admin_apps_path)));
		} else if (strcmp(name, "accounts_path") == 0) {
			buf_puts(out, or_generic(cl, BRAND_FIELD(b, accounts_path)));
		} else if (strcmp(name, "find_device_path") == 0) {
			buf_puts(out, or_generic(cl, BRAND_FIELD(b, find_device_path)));
		} else if (strcmp(name, "reset_path") == 0) {
			buf_puts(out, or_generic(cl, BRAND_FIELD(b, reset_path)));
		} else if (strcmp(name, "account_lock") == 0) {
			buf_puts(out, or_generic(cl, BRAND_FIELD(b, account_lock)));
		} else if (strcmp(name, "financing_signals") == 0) {
			buf_puts(out, or_generic(cl, BRAND_FIELD(b, financing_signals)));
		} else if (strncmp(name, "registry", 8) == 0) {
			put_registry(cl, name, out);
		} else if (strcmp(name, "country_locks") == 0) {
			put_country_locks(cl, out);
		} else if (strcmp(name, "challenge") == 0) {
			buf_puts(out, cl->challenge);
		} else if (strcmp(name, "tac_model") == 0) {
			buf_printf(out, "%s %s", cl->tac_brand, cl->tac_model);
		} else {
			buf_put(out, open, (size_t)(close - open + 1));
		}
	}
}
