/* SPDX-License-Identifier: MIT */
/* export: a record read for the bill of sale: which steps were answered or
 * skipped and how to say each answer, the verdict's reasons with their
 * words, the QR code's text and the seller's declaration.  Shared by the
 * HTML and the text renderings. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/persist.h"
#include "export/export.h"

const char *const export_declaration[] = {
	"I own this phone outright.",
	"It is not subject to any finance agreement, instalment plan, lease or "
	    "lock, and no lender, shop, carrier or employer has any claim on it.",
	"It is not lost or stolen, it has not been reported as lost or stolen, "
	    "and its IMEI has not been changed.",
	"I have signed out of all my accounts on it and turned off find-my-device, "
	    "so no account of mine locks it.",
	"What I told the buyer, as this record sets it out, is true, and I sell "
	    "this phone to the buyer of my own free will.",
	NULL
};

static const char *const section_titles[][2] = {
	{"listing", "The listing"}, {"identity", "The phone's identity"},
	{"registry", "The official IMEI check"}, {"financing", "Financing and lender locks"},
	{"accounts", "Accounts and reset"}, {"proof", "Proof of purchase"},
	{"seller", "The seller"},
};

/* Choice answers in words; any other choice is shown with '-' as ' '. */
static const char *const choice_words[][3] = {
	/* step (NULL: any), answer, words */
	{NULL, "unsure", "not sure"},
	{NULL, "in-person", "in person"},
	{NULL, "no-box", "no box"},
	{NULL, "not-printed", "not printed"},
	{NULL, "not-shown", "not shown"},
	{NULL, "paid-off", "paid off"},
	{NULL, "still-paying", "still paying"},
	{NULL, "closure-letter", "lender's closure letter"},
	{"registry.result", "no-check", "not checked"},
	{"finance.closure", "names-imei", "yes, naming this IMEI"},
	{"finance.closure", "no-imei", "yes, but not naming this IMEI"},
	{"proof.payment", "full", "in full"},
	{"seller.declaration", "yes", "read to the seller and accepted"},
};

const char *
export_section_title(const char *section)
{
	size_t i;

	for (i = 0; i < sizeof section_titles / sizeof section_titles[0]; i++)
		if (strcmp(section_titles[i][0], section) == 0)
			return section_titles[i][1];
	return section;
}

enum export_part
export_part_of(const struct cl_step *st)
{
	static const char *const phone[] = {
		"listing.brand", "listing.model", "identity.imei1", "identity.imei2",
		"identity.eid", NULL
	};
	static const char *const sale[] = {
		"listing.country", "listing.price", "listing.mode", "seller.name",
		"seller.contact", "seller.id_last4", NULL
	};
	size_t i;

	for (i = 0; phone[i]; i++)
		if (strcmp(st->id, phone[i]) == 0)
			return EXPORT_PHONE;
	for (i = 0; sale[i]; i++)
		if (strcmp(st->id, sale[i]) == 0)
			return EXPORT_SALE;
	if (strcmp(st->id, "seller.declaration") == 0)
		return EXPORT_DECLARATION;
	if (strcmp(st->section, "proof") == 0)
		return EXPORT_PROOF;
	return EXPORT_CHECKS;
}

void
export_qr_payload(const struct record *r, struct buf *out)
{
	const char *id = record_get(r, "id"), *i1 = record_get(r, "identity.imei1"),
	    *i2 = record_get(r, "identity.imei2");

	buf_printf(out, "handover-record %s imei=%s%s%s sha256=%s", id ? id : "",
	    i1 ? i1 : "", i1 && i2 ? "," : "", i2 ? i2 : "", r->seal);
}

/* ------------------------------------------------------------------ model */

static int
is_skipped(const struct record *r, const char *id)
{
	const struct record_field *f;

	for (f = record_find(r, "skipped", NULL); f; f = record_find(r, "skipped", f))
		if (strcmp(f->value, id) == 0)
			return 1;
	return 0;
}

/* The answer to st in words (static or borrowed); *flag set for "not sure". */
static const char *
answer_words(struct export_model *m, const struct cl_step *st, const char *v, int *flag)
{
	size_t i;

	if (strcmp(st->id, "proof.files") == 0) {
		long n = strtol(v, NULL, 10);
		if (n <= 0)
			return "none";
		snprintf(m->files, sizeof m->files, "%ld file%s", n, n == 1 ? "" : "s");
		return m->files;
	}
	if (st->type != CL_CHOICE)
		return v;
	*flag = strcmp(v, "unsure") == 0;
	for (i = 0; i < sizeof choice_words / sizeof choice_words[0]; i++)
		if ((!choice_words[i][0] || strcmp(choice_words[i][0], st->id) == 0) &&
		    strcmp(choice_words[i][1], v) == 0)
			return choice_words[i][2];
	return v;
}

static int
parse_reason(struct export_reason *x, const char *v, const struct cl_texts *t)
{
	const char *sp1 = strchr(v, ' '), *sp2;
	const struct cl_text *words;
	size_t n;

	memset(x, 0, sizeof *x);
	if (!sp1 || (n = (size_t)(sp1 - v)) >= sizeof x->level)
		return -1;
	memcpy(x->level, v, n);
	sp2 = strchr(sp1 + 1, ' ');
	n = sp2 ? (size_t)(sp2 - sp1 - 1) : strlen(sp1 + 1);
	if (n == 0 || n >= sizeof x->code)
		return -1;
	memcpy(x->code, sp1 + 1, n);
	x->detail = sp2 ? sp2 + 1 : "";
	words = cl_text_reason(t, x->code);
	x->sentence = words ? words->a : x->code;
	x->todo = words ? words->b : "";
	return 0;
}

int
export_model_init(struct export_model *m, const struct export_src *s, struct error *e)
{
	const struct record *r = s->rec;
	const struct record_field *f;
	struct checkrec_meta meta;
	const char *state = record_get(r, "state");
	size_t i, n;

	memset(m, 0, sizeof *m);
	m->src = s;
	m->id = record_get(r, "id");
	m->created = record_get(r, "created");
	m->updated = record_get(r, "updated");
	m->version = record_get(r, "handover-version");
	m->verdict = record_get(r, "verdict");
	m->challenge = record_get(r, "challenge");
	m->tac_brand = record_get(r, "tac.brand");
	m->tac_model = record_get(r, "tac.model");
	m->sealed = state && strcmp(state, "sealed") == 0;
	if (!m->id || !*m->id)
		return error_set(e, 0, 0, "the record has no id");
	m->cl = malloc(sizeof *m->cl);
	m->rows = calloc(cl_nsteps, sizeof *m->rows);
	n = record_count(r, "reason");
	m->reasons = calloc(n ? n : 1, sizeof *m->reasons);
	if (!m->cl || !m->rows || !m->reasons) {
		export_model_release(m);
		return error_set(e, 0, 0, "out of memory");
	}
	cl_init(m->cl, s->kb, NULL);
	if (checkrec_restore(m->cl, r, &meta, e) != 0) {
		export_model_release(m);
		return -1;
	}
	for (i = 0; i < cl_nsteps; i++) {
		const struct cl_step *st = &cl_steps[i];
		const struct cl_text *t = cl_text_step(s->texts, st->id);
		struct export_row *row = &m->rows[m->nrows];
		const char *v = record_get(r, st->id);

		row->step = st;
		row->label = t && t->label[0] ? t->label : st->id;
		if (v) {
			row->value = answer_words(m, st, v, &row->flag);
		} else if (is_skipped(r, st->id)) {
			row->value = "skipped";
			row->flag = 1;
		} else if (!m->sealed && cl_is_asked(m->cl, i)) {
			row->value = "not answered yet";
			row->flag = 1;
		} else {
			continue;
		}
		m->nrows++;
	}
	for (f = record_find(r, "reason", NULL); f; f = record_find(r, "reason", f)) {
		if (parse_reason(&m->reasons[m->nreasons], f->value, s->texts) != 0) {
			export_model_release(m);
			return error_set(e, (long)(f - r->fields) + 2, 0,
			    "a reason line that is not 'LEVEL code detail'");
		}
		m->nreasons++;
	}
	return 0;
}

void
export_model_release(struct export_model *m)
{
	free(m->cl);
	free(m->rows);
	free(m->reasons);
	m->cl = NULL;
	m->rows = NULL;
	m->reasons = NULL;
	m->nrows = m->nreasons = 0;
}

const struct export_row *
export_model_row(const struct export_model *m, const char *id)
{
	size_t i;

	for (i = 0; i < m->nrows; i++)
		if (strcmp(m->rows[i].step->id, id) == 0)
			return &m->rows[i];
	return NULL;
}

size_t
export_model_count(const struct export_model *m, enum export_part p)
{
	size_t i, n = 0;

	for (i = 0; i < m->nrows; i++)
		n += export_part_of(m->rows[i].step) == p;
	return n;
}

/* ----------------------------------------------------------------- reasons */

/* The detail with each step id in it ("finance.knox, identity.box_match")
 * named by its label and how it was answered. */
static void
put_detail(const struct export_model *m, const char *d, struct buf *out)
{
	while (*d) {
		const char *comma = strstr(d, ", ");
		size_t n = comma ? (size_t)(comma - d) : strlen(d);
		char id[64];
		const struct export_row *row = NULL;

		if (n < sizeof id) {
			memcpy(id, d, n);
			id[n] = '\0';
			row = export_model_row(m, id);
		}
		if (row)
			buf_printf(out, "%s (%s)", row->label, row->value);
		else
			buf_put(out, d, n);
		if (!comma)
			break;
		buf_puts(out, ", ");
		d = comma + 2;
	}
}

/* The reason's text, plain, not escaped. */
static void
reason_text(const struct export_model *m, const struct export_reason *x, int todo,
    struct buf *out)
{
	const char *tmpl = todo ? x->todo : x->sentence;
	char *copy = malloc(strlen(tmpl) + 1), *s, *p;

	if (!copy) {
		if (!out->err)
			out->err = ENOMEM;
		return;
	}
	strcpy(copy, tmpl);
	/* {detail} is the reason's own; the rest comes from the knowledge base */
	for (s = copy; (p = strstr(s, "{detail}")) != NULL; s = p + 8) {
		*p = '\0';
		cl_render(m->cl, s, out);
		put_detail(m, x->detail, out);
	}
	cl_render(m->cl, s, out);
	free(copy);
}

void
export_reason_put(struct buf *b, const struct export_model *m,
    const struct export_reason *x, int todo,
    void (*put)(struct buf *b, const char *s))
{
	struct buf t;

	buf_init_mem(&t);
	reason_text(m, x, todo, &t);
	if (t.err && !b->err)
		b->err = t.err;
	put(b, buf_str(&t));
	buf_release(&t);
}
