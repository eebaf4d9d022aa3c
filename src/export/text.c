/* SPDX-License-Identifier: MIT */
/* text: the bill of sale as plain text, the same content as the
 * HTML page, for pasting into a chat.  A value's control characters
 * become spaces so a typed value can never start a line of its own. */
#include <stdio.h>
#include <string.h>

#include "export/export.h"

/* A typed value on one line. */
static void
value(struct buf *b, const char *s)
{
	const char *run = s;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c >= 0x20 && c != 0x7f)
			continue;
		buf_put(b, run, (size_t)(s - run));
		buf_putc(b, ' ');
		run = s + 1;
	}
	buf_put(b, run, (size_t)(s - run));
}

static void
line(struct buf *b, const char *label, const char *v)
{
	BUF_LIT(b, "  ");
	value(b, label);
	BUF_LIT(b, ": ");
	value(b, v);
	buf_putc(b, '\n');
}

static void
rows_of(struct buf *b, const struct export_model *m, enum export_part p)
{
	size_t i;

	if (export_model_count(m, p) == 0 && p != EXPORT_PROOF)
		BUF_LIT(b, "  (not in the record)\n");
	for (i = 0; i < m->nrows; i++)
		if (export_part_of(m->rows[i].step) == p)
			line(b, m->rows[i].label, m->rows[i].value);
}

static void
phone(struct buf *b, const struct export_model *m)
{
	const struct export_row *model = export_model_row(m, "listing.model");
	size_t i;

	BUF_LIT(b, "\nTHE PHONE\n");
	if (export_model_count(m, EXPORT_PHONE) == 0)
		BUF_LIT(b, "  (not in the record)\n");
	for (i = 0; i < m->nrows; i++) {
		if (export_part_of(m->rows[i].step) != EXPORT_PHONE)
			continue;
		line(b, m->rows[i].label, m->rows[i].value);
		if (&m->rows[i] == model && m->tac_brand) {
			BUF_LIT(b, "  Model its IMEI belongs to (TAC): ");
			value(b, m->tac_brand);
			buf_putc(b, ' ');
			value(b, m->tac_model ? m->tac_model : "");
			buf_putc(b, '\n');
		}
	}
}

static void
verdict(struct buf *b, const struct export_model *m)
{
	size_t i;

	if (!m->sealed) {
		BUF_LIT(b, "\nVERDICT: NOT FINISHED \xe2\x80\x94 this check is still open\n"
		    "  There is no verdict yet. Finish it with: handover check --resume ");
		value(b, m->id);
		buf_putc(b, '\n');
		return;
	}
	if (!m->verdict) {
		BUF_LIT(b, "\nVERDICT: none in the record\n");
		return;
	}
	BUF_LIT(b, "\nVERDICT: ");
	value(b, m->verdict);
	buf_putc(b, '\n');
	if (m->nreasons == 0)
		BUF_LIT(b, "  Every check passed.\n");
	for (i = 0; i < m->nreasons; i++) {
		const struct export_reason *x = &m->reasons[i];
		BUF_LIT(b, "  - ");
		value(b, x->level);
		BUF_LIT(b, ": ");
		export_reason_put(b, m, x, 0, value);
		buf_putc(b, '\n');
		if (x->todo[0]) {
			BUF_LIT(b, "    What to do: ");
			export_reason_put(b, m, x, 1, value);
			buf_putc(b, '\n');
		}
	}
}

static void
checks(struct buf *b, const struct export_model *m)
{
	const char *section = NULL;
	size_t i;

	for (i = 0; i < m->nrows; i++) {
		const struct cl_step *st = m->rows[i].step;
		if (export_part_of(st) != EXPORT_CHECKS)
			continue;
		if (!section || strcmp(section, st->section) != 0) {
			BUF_LIT(b, "\nCHECKED: ");
			buf_puts(b, export_section_title(st->section));
			buf_putc(b, '\n');
			section = st->section;
		}
		line(b, m->rows[i].label, m->rows[i].value);
	}
}

static void
proof(struct buf *b, const struct export_model *m)
{
	const struct record *r = m->src->rec;
	const struct record_field *f;
	struct error e;

	BUF_LIT(b, "\nPROOF OF PURCHASE\n");
	rows_of(b, m, EXPORT_PROOF);
	if (!record_find(r, "attachment", NULL)) {
		BUF_LIT(b, "  No files were attached.\n");
		return;
	}
	BUF_LIT(b, "  Attached files (the record holds only their SHA-256):\n");
	for (f = record_find(r, "attachment", NULL); f; f = record_find(r, "attachment", f)) {
		struct record_attachment a;
		if (record_attachment_parse(f->value, &a, &e) != 0)
			continue;	/* export_model_init refused these */
		BUF_LIT(b, "    ");
		value(b, a.name);
		buf_printf(b, ", %llu bytes, sha256 %s\n", (unsigned long long)a.size, a.sha256);
	}
}

static void
declaration(struct buf *b, const struct export_model *m)
{
	const struct export_row *d = export_model_row(m, "seller.declaration");
	size_t i;

	BUF_LIT(b, "\nTHE SELLER'S DECLARATION\n"
	    "  I, the seller, declare about the phone described above:\n");
	for (i = 0; export_declaration[i]; i++)
		buf_printf(b, "  %zu. %s\n", i + 1, export_declaration[i]);
	BUF_LIT(b, "  During the check the declaration was: ");
	value(b, d ? d->value : "not asked yet");
	BUF_LIT(b, ".\n  Signatures, names, date and place: on the printed page "
	    "(handover export --html).\n");
}

static void
record_part(struct buf *b, const struct export_model *m)
{
	struct buf t;

	BUF_LIT(b, "\nTHIS RECORD\n");
	line(b, "Record id", m->id);
	line(b, "State", m->sealed ? "sealed: the check is finished" : "open: NOT FINISHED");
	if (m->created)
		line(b, "Check began", m->created);
	if (m->updated)
		line(b, "Last saved", m->updated);
	if (m->version)
		line(b, "handover version", m->version);
	line(b, "SHA-256 of the record", m->src->rec->seal);
	buf_init_mem(&t);
	export_qr_payload(m->src->rec, &t);
	if (t.err && !b->err)
		b->err = t.err;
	line(b, "The QR code says", buf_str(&t));
	buf_release(&t);
	BUF_LIT(b, "  To check the record file: handover verify ");
	value(b, m->id);
	BUF_LIT(b, ".record, or head -n -1 ");
	value(b, m->id);
	BUF_LIT(b, ".record | sha256sum\n");
}

int
export_text(const struct export_src *s, struct buf *out, struct error *e)
{
	struct export_model m;

	if (export_model_init(&m, s, e) != 0)
		return -1;
	BUF_LIT(out, "BILL OF SALE: USED MOBILE PHONE\nhandover record ");
	value(out, m.id);
	if (m.created) {
		BUF_LIT(out, ", checked ");
		value(out, m.created);
	}
	buf_putc(out, '\n');
	if (!m.sealed)
		BUF_LIT(out, "NOT FINISHED \xe2\x80\x94 this check is still open: the answers "
		    "so far, not a finished check.\n");
	phone(out, &m);
	BUF_LIT(out, "\nTHE SALE\n");
	rows_of(out, &m, EXPORT_SALE);
	if (m.challenge)
		line(out, "Code for the seller's photo", m.challenge);
	verdict(out, &m);
	checks(out, &m);
	proof(out, &m);
	declaration(out, &m);
	record_part(out, &m);
	export_model_release(&m);
	if (out->err)
		return error_set(e, 0, 0, "cannot write the text: %s", strerror(out->err));
	return 0;
}
