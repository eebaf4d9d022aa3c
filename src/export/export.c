/* SPDX-License-Identifier: MIT */
/* export: a record read for the bill of sale through the one reader of a
 * saved check: which steps were answered or skipped and how to say each
 * answer, the stated reasons in words, the QR code's text.  Shared by the
 * HTML and the text renderings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/export.h"

enum export_part
export_part_of(enum cl_id step)
{
	switch (step) {
	case STEP_LISTING_BRAND: case STEP_LISTING_MODEL: case STEP_IDENTITY_IMEI1:
	case STEP_IDENTITY_IMEI2: case STEP_IDENTITY_EID:
		return EXPORT_PHONE;
	case STEP_LISTING_COUNTRY: case STEP_LISTING_PRICE: case STEP_LISTING_MODE:
	case STEP_SELLER_NAME: case STEP_SELLER_CONTACT: case STEP_SELLER_ID_LAST4:
		return EXPORT_SALE;
	case STEP_SELLER_DECLARATION:
		return EXPORT_DECLARATION;
	default:
		return strcmp(cl_steps[step].section, "proof") == 0 ? EXPORT_PROOF : EXPORT_CHECKS;
	}
}

void
export_qr_payload(const struct record *r, struct buf *out)
{
	const char *id = record_get(r, "id"), *i1 = record_get(r, "identity.imei1"),
	    *i2 = record_get(r, "identity.imei2");

	buf_printf(out, "handover-record %s imei=%s%s%s sha256=%s", id ? id : "",
	    i1 ? i1 : "", i1 && i2 ? "," : "", i2 ? i2 : "", r->seal);
}

const char *
export_words(const struct export_model *m, const char *key)
{
	const char *s = words_get(m->src->words, key);
	return s ? s : key;
}

/* Hands the text in t to put, as one string, and keeps t's error. */
static void
hand(struct buf *b, struct buf *t, void (*put)(struct buf *b, const char *s))
{
	if (t->err && !b->err)
		b->err = t->err;
	put(b, buf_str(t));
	buf_release(t);
}

void
export_say(struct buf *b, const struct export_model *m, const char *key,
    const struct fill *fills, void (*put)(struct buf *b, const char *s))
{
	struct buf t;

	buf_init_mem(&t);
	cl_render(&m->sc->cl, export_words(m, key), fills, &t);
	hand(b, &t, put);
}

void
export_reason_put(struct buf *b, const struct export_model *m,
    const struct saved_reason *x, int todo, void (*put)(struct buf *b, const char *s))
{
	struct buf t;

	buf_init_mem(&t);
	saved_reason_text(m->sc, x, todo, &t);
	hand(b, &t, put);
}

/* ------------------------------------------------------------------ model */

static void
row_of(struct export_model *m, enum cl_id i)
{
	const struct checklist *cl = &m->sc->cl;
	struct export_row *row = &m->rows[m->nrows];
	struct buf t;
	const char *v = NULL;

	row->step = i;
	row->label = cl_step_words(cl, i, "label");
	if (cl->state[i] == CL_ANSWERED && cl_is_asked(cl, i)) {
		v = cl->value[i];
		row->flag = strcmp(v, "unsure") == 0;
	} else if (cl->state[i] == CL_SKIPPED && cl_is_asked(cl, i)) {
		v = export_words(m, "answer_words.skipped");
		row->flag = 1;
	} else if (!m->sc->meta.sealed && cl_is_asked(cl, i)) {
		v = export_words(m, "answer_words.not_yet");
		row->flag = 1;
	} else {
		return;
	}
	buf_init_mem(&t);
	if (cl->state[i] == CL_ANSWERED)
		cl_answer_words(cl, i, v, &t);
	else
		buf_puts(&t, v);
	snprintf(row->value, sizeof row->value, "%s", buf_str(&t));
	buf_release(&t);
	m->nrows++;
}

int
export_model_init(struct export_model *m, const struct export_src *s, struct error *e)
{
	size_t i;

	memset(m, 0, sizeof *m);
	m->src = s;
	m->sc = malloc(sizeof *m->sc);
	m->rows = calloc(CL_NSTEPS, sizeof *m->rows);
	if (!m->sc || !m->rows) {
		export_model_release(m);
		return error_set(e, 0, 0, "out of memory");
	}
	if (saved_check_read(m->sc, s->rec, s->kb, s->idt, s->words, e) != 0) {
		export_model_release(m);
		return -1;
	}
	for (i = 0; i < CL_NSTEPS; i++)
		row_of(m, (enum cl_id)i);
	m->failed = strcmp(m->sc->verdict, "STOP") == 0 || m->sc->level == CL_STOP ||
	    cl_is(&m->sc->cl, STEP_SELLER_DECLARATION, "refused");
	return 0;
}

void
export_model_release(struct export_model *m)
{
	free(m->sc);
	free(m->rows);
	m->sc = NULL;
	m->rows = NULL;
	m->nrows = 0;
}

const struct export_row *
export_model_row(const struct export_model *m, enum cl_id step)
{
	size_t i;

	for (i = 0; i < m->nrows; i++)
		if (m->rows[i].step == step)
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
