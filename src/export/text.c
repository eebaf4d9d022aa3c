/* SPDX-License-Identifier: MIT */
/* text: the bill of sale as plain text, the same content as the HTML
 * page in the same words, for pasting into a chat.  What a terminal
 * would obey in a value (lib/term.h: C0 and C1 controls, DEL, bidi
 * overrides, line separators, bytes that are not UTF-8) becomes a space,
 * so a typed value can never start a line of its own nor reorder or
 * colour what is shown. */
#include <stdio.h>
#include <string.h>

#include "export/export.h"
#include "lib/term.h"
#include "lib/utf8.h"

/* A typed value on one line (controls as spaces). */
static void
value(struct buf *b, const char *s)
{
	buf_put_blanked(b, s, strlen(s));
}

static void
words(struct buf *b, const struct export_model *m, const char *key)
{
	value(b, export_words(m, key));
}

/* A heading: the words of key in capitals where the script has them. */
static void
heading(struct buf *b, const struct export_model *m, const char *key, const struct fill *fl)
{
	struct buf t;
	size_t i, n;

	buf_init_mem(&t);
	export_say(&t, m, key, fl, value);
	if (b->written > 0)
		buf_putc(b, '\n');
	for (i = 0; i < t.len; i += n) {
		uint32_t cp;
		char enc[4];

		n = utf8_decode(buf_str(&t) + i, t.len - i, &cp);
		if (cp == 0xFFFD && n == 1) {	/* not UTF-8: kept as it is */
			buf_put(b, buf_str(&t) + i, 1);
			continue;
		}
		/* a-z and the Latin-1 letters (á, ç, ñ, ó, ...): the headings of
		 * es, pt and fr; other scripts have no case or keep theirs. */
		if ((cp >= 'a' && cp <= 'z') || (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7))
			cp -= 32;
		buf_put(b, enc, utf8_encode(cp, enc));
	}
	buf_putc(b, '\n');
	if (t.err && !b->err)
		b->err = t.err;
	buf_release(&t);
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
line_words(struct buf *b, const struct export_model *m, const char *key, const char *v)
{
	line(b, export_words(m, key), v);
}

static void
rows_of(struct buf *b, const struct export_model *m, enum export_part p)
{
	size_t i;

	if (export_model_count(m, p) == 0 && p != EXPORT_PROOF) {
		BUF_LIT(b, "  ");
		words(b, m, "bill.not_in_record");
		buf_putc(b, '\n');
	}
	for (i = 0; i < m->nrows; i++)
		if (export_part_of(m->rows[i].step) == p)
			line(b, m->rows[i].label, m->rows[i].value);
}

static void
phone(struct buf *b, const struct export_model *m)
{
	const struct checklist *cl = &m->sc->cl;
	size_t i;

	heading(b, m, "bill.phone", NULL);
	if (export_model_count(m, EXPORT_PHONE) == 0) {
		BUF_LIT(b, "  ");
		words(b, m, "bill.not_in_record");
		buf_putc(b, '\n');
	}
	for (i = 0; i < m->nrows; i++) {
		if (export_part_of(m->rows[i].step) != EXPORT_PHONE)
			continue;
		line(b, m->rows[i].label, m->rows[i].value);
		if (m->rows[i].step == STEP_LISTING_MODEL && cl->tac_brand[0]) {
			char v[400];
			snprintf(v, sizeof v, "%s %s", cl->tac_brand, cl->tac_model);
			line_words(b, m, "bill.tac_row", v);
		}
	}
}

static void
verdict(struct buf *b, const struct export_model *m)
{
	const struct saved_check *sc = m->sc;
	struct fill fl[] = {{"id", sc->meta.id}, {"stated", sc->verdict},
	    {"actual", cl_level_name(sc->level)}, {NULL, NULL}};
	size_t i;

	heading(b, m, "bill.verdict", NULL);
	if (!sc->meta.sealed) {
		BUF_LIT(b, "  ");
		words(b, m, "bill.open_title");
		BUF_LIT(b, "\n  ");
		export_say(b, m, "bill.open_text", fl, value);
		buf_putc(b, '\n');
		return;
	}
	if (!sc->follows) {
		BUF_LIT(b, "  !! ");
		export_say(b, m, "bill.not_follow", fl, value);
		buf_putc(b, '\n');
	}
	if (!sc->verdict[0]) {
		BUF_LIT(b, "  ");
		words(b, m, "bill.no_verdict");
		buf_putc(b, '\n');
		return;
	}
	BUF_LIT(b, "  ");
	words(b, m, strcmp(sc->verdict, "GO") == 0 ? "verdict.GO" :
	    strcmp(sc->verdict, "STOP") == 0 ? "verdict.STOP" : "verdict.CAUTION");
	buf_putc(b, '\n');
	if (sc->nstated == 0) {
		BUF_LIT(b, "  ");
		words(b, m, "bill.all_passed");
		buf_putc(b, '\n');
	}
	for (i = 0; i < sc->nstated; i++) {
		const struct saved_reason *x = &sc->stated[i];
		BUF_LIT(b, "  - ");
		words(b, m, strcmp(x->level, "STOP") == 0 ? "verdict.STOP" : "verdict.CAUTION");
		BUF_LIT(b, ": ");
		export_reason_put(b, m, x, 0, value);
		BUF_LIT(b, "\n    ");
		words(b, m, "bill.todo");
		buf_putc(b, ' ');
		export_reason_put(b, m, x, 1, value);
		buf_putc(b, '\n');
	}
}

static void
checks(struct buf *b, const struct export_model *m)
{
	const char *section = NULL;
	size_t i;

	for (i = 0; i < m->nrows; i++) {
		const struct cl_step *st = &cl_steps[m->rows[i].step];
		if (export_part_of(m->rows[i].step) != EXPORT_CHECKS)
			continue;
		if (!section || strcmp(section, st->section) != 0) {
			struct fill fl[] = {{"section", cl_section_title(&m->sc->cl, st->section)},
			    {NULL, NULL}};
			heading(b, m, "bill.checked", fl);
			section = st->section;
		}
		line(b, m->rows[i].label, m->rows[i].value);
	}
}

static void
proof(struct buf *b, const struct export_model *m)
{
	const struct checklist *cl = &m->sc->cl;
	size_t i;

	heading(b, m, "bill.proof", NULL);
	rows_of(b, m, EXPORT_PROOF);
	BUF_LIT(b, "  ");
	words(b, m, cl->nfiles ? "bill.files" : "bill.no_files");
	buf_putc(b, '\n');
	for (i = 0; i < cl->nfiles; i++) {
		BUF_LIT(b, "    ");
		value(b, cl->files[i].name);
		buf_printf(b, ", %llu, sha256 %s\n", (unsigned long long)cl->files[i].size,
		    cl->files[i].sha256);
	}
}

static void
declaration(struct buf *b, const struct export_model *m)
{
	const struct export_row *d = export_model_row(m, STEP_SELLER_DECLARATION);
	int k;

	heading(b, m, "bill.declaration", NULL);
	BUF_LIT(b, "  ");
	words(b, m, "bill.declaration_intro");
	buf_putc(b, '\n');
	for (k = 1; k <= 9; k++) {
		const char *s = words_getf(m->src->words, "declaration.%d", k);
		if (!s)
			break;
		buf_printf(b, "  %d. ", k);
		value(b, s);
		buf_putc(b, '\n');
	}
	BUF_LIT(b, "  ");
	words(b, m, "bill.declaration_was");
	buf_putc(b, ' ');
	value(b, d ? d->value : export_words(m, "answer_words.not_yet"));
	BUF_LIT(b, "\n  ");
	words(b, m, m->failed ? "bill.no_signatures" : "bill.sign_on_paper");
	buf_putc(b, '\n');
}

static void
record_part(struct buf *b, const struct export_model *m)
{
	const struct saved_meta *meta = &m->sc->meta;
	struct fill fl[] = {{"id", meta->id}, {"version", meta->version},
	    {"created", meta->created[0] ? meta->created : "?"},
	    {"updated", meta->updated[0] ? meta->updated : "?"}, {NULL, NULL}};
	struct buf t;

	heading(b, m, "bill.this_record", NULL);
	line_words(b, m, "bill.record_id", meta->id);
	line_words(b, m, "bill.state", export_words(m, meta->sealed ? "bill.state_sealed" :
	    "bill.state_open"));
	buf_init_mem(&t);
	export_say(&t, m, "bill.saved_value", fl, value);
	line_words(b, m, "bill.saved", buf_str(&t));
	buf_release(&t);
	if (meta->version[0])
		line(b, "handover", meta->version);
	line_words(b, m, "bill.seal_row", m->src->rec->seal);
	if (m->src->rec->nblocks)
		line_words(b, m, "bill.check_seal_row", m->src->rec->check_seal);
	buf_init_mem(&t);
	export_qr_payload(m->src->rec, &t);
	if (t.err && !b->err)
		b->err = t.err;
	line_words(b, m, "bill.qr_row", buf_str(&t));
	buf_release(&t);
	BUF_LIT(b, "  ");
	export_say(b, m, "bill.check_note", fl, value);
	BUF_LIT(b, "\n  ");
	words(b, m, "bill.seal_meaning");
	buf_putc(b, '\n');
}

int
export_text(const struct export_src *s, struct buf *out, struct error *e)
{
	struct export_model m;
	const struct saved_meta *meta;

	if (export_model_init(&m, s, e) != 0)
		return -1;
	meta = &m.sc->meta;
	heading(out, &m, m.failed ? "bill.title_failed" : "bill.title", NULL);
	words(out, &m, "bill.record");
	buf_putc(out, ' ');
	value(out, meta->id);
	if (meta->created[0]) {
		words(out, &m, "list.sep");
		words(out, &m, "bill.checked_on");
		buf_putc(out, ' ');
		value(out, meta->created);
	}
	buf_putc(out, '\n');
	if (!meta->sealed) {
		words(out, &m, "bill.open_banner");
		buf_putc(out, '\n');
	} else if (m.failed) {
		words(out, &m, "bill.intro_failed");
		buf_putc(out, '\n');
	}
	phone(out, &m);
	heading(out, &m, "bill.sale", NULL);
	rows_of(out, &m, EXPORT_SALE);
	if (m.sc->cl.challenge[0])
		line_words(out, &m, "bill.challenge_row", m.sc->cl.challenge);
	verdict(out, &m);
	export_rechecks_text(s->rec, s->words, out);
	checks(out, &m);
	proof(out, &m);
	declaration(out, &m);
	record_part(out, &m);
	export_model_release(&m);
	if (out->err)
		return error_set(e, 0, 0, "cannot write the text: %s", strerror(out->err));
	return 0;
}
