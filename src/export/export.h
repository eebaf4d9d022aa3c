/* SPDX-License-Identifier: MIT */
/* export: a sealed record rendered for people: a self-contained printable
 * HTML bill of sale (export/html.c) and the same as plain text
 * (export/text.c).  Pure: they write into a buf from a parsed record and
 * the checklist's words; cmd/export.c reads the record and writes files. */
#ifndef HANDOVER_EXPORT_H
#define HANDOVER_EXPORT_H

#include <stddef.h>

#include "lib/buf.h"
#include "check/checklist.h"
#include "lib/error.h"
#include "kb/kb.h"
#include "record/record.h"

/* What a rendering is made from; everything is borrowed. */
struct export_src {
	const struct record *rec;	/* parsed; rec->seal is the seal's hex */
	const struct cl_texts *texts;	/* labels and reason sentences */
	const struct kb *kb;		/* fills {registry} and the like; may be NULL */
};

/* The HTML page: one file, inline CSS and SVG only, nothing loaded from
 * anywhere.  Every value from the record goes through buf_put_html once.
 * Returns 0, or -1 with e filled (a bad record, out of memory, or the
 * buf's error). */
int export_html(const struct export_src *s, struct buf *out, struct error *e);
/* The same content as plain text, for pasting into a chat. */
int export_text(const struct export_src *s, struct buf *out, struct error *e);

/* The QR code's text, one line:
 * "handover-record <id> imei=<imei1>[,<imei2>] sha256=<seal hex>". */
void export_qr_payload(const struct record *r, struct buf *out);

/* ---- shared by the two renderers (export.c) ---- */

/* Where a step is shown on the page. */
enum export_part {
	EXPORT_PHONE,		/* brand, model, IMEIs, EID */
	EXPORT_SALE,		/* price, country, mode, the seller */
	EXPORT_CHECKS,		/* the checks done, by checklist section */
	EXPORT_PROOF,		/* proof of purchase */
	EXPORT_DECLARATION	/* the seller's declaration */
};

/* One step as the record holds it.  Strings are borrowed from the
 * record, the texts or static storage. */
struct export_row {
	const struct cl_step *step;
	const char *label;	/* the short label from checklist.tsv */
	const char *value;	/* the answer in words, as typed for text */
	int flag;		/* 1: skipped, not sure or not answered yet */
};

/* One reason line of the record, "LEVEL code detail". */
struct export_reason {
	char level[16];		/* "STOP", "CAUTION" */
	char code[64];
	const char *detail;	/* borrowed from the record; "" when none */
	const char *sentence;	/* verdict.tsv, placeholders unfilled */
	const char *todo;
};

/* A record read for rendering: made by export_model_init, freed by
 * export_model_release. */
struct export_model {
	const struct export_src *src;
	const char *id, *created, *updated, *version, *verdict, *challenge;
	const char *tac_brand, *tac_model;
	int sealed;		/* state is "sealed" */
	struct export_row *rows;	/* every step answered or skipped, in order */
	size_t nrows;
	struct export_reason *reasons;
	size_t nreasons;
	struct checklist *cl;	/* restored, for filling placeholders */
	char files[48];		/* "2 files" for proof.files */
};

/* The declaration the seller signs, one sentence an item, NULL-ended. */
extern const char *const export_declaration[];

/* Section titles of the checklist ("identity" -> "The phone's identity"). */
const char *export_section_title(const char *section);
enum export_part export_part_of(const struct cl_step *st);

int export_model_init(struct export_model *m, const struct export_src *s,
    struct error *e);
void export_model_release(struct export_model *m);
/* The row of step id, or NULL when the record has neither its answer nor
 * a skip. */
const struct export_row *export_model_row(const struct export_model *m,
    const char *id);
/* How many rows part p has. */
size_t export_model_count(const struct export_model *m, enum export_part p);
/* A reason's sentence (todo 0) or what to do (todo 1) with {detail} and
 * the knowledge-base placeholders filled, step ids in the detail named by
 * their labels, handed to put (a renderer's escaper) as one string; an
 * out-of-memory while making it is recorded in b. */
void export_reason_put(struct buf *b, const struct export_model *m,
    const struct export_reason *x, int todo,
    void (*put)(struct buf *b, const char *s));

#endif
