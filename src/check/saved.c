/* SPDX-License-Identifier: MIT */
/* saved: a checklist to and from its record: the answers in step order,
 * skipped steps, attachments, the challenge code, the TAC's model, and at
 * the end the verdict and its reasons.  Reading a record back checks it
 * is one handover could have written. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/recheck.h"
#include "check/saved.h"
#include "record/stamp.h"

int
saved_check_build(const struct checklist *cl, const struct saved_meta *m, int seal,
    struct record *r)
{
	struct cl_reason reasons[CL_MAX_REASONS];
	size_t i, n;
	int err = 0;

	record_init(r);
	err |= record_add(r, "id", m->id);
	err |= record_add(r, "handover-version", HANDOVER_VERSION);
	err |= record_add(r, "created", m->created);
	err |= record_add(r, "updated", m->updated);
	err |= record_add(r, "state", seal ? "sealed" : "open");
	if (cl->challenge[0])
		err |= record_add(r, "challenge", cl->challenge);
	for (i = 0; i < CL_NSTEPS; i++) {
		if (cl->state[i] == CL_PASSED) {
			/* a newer step an answers file left out: not asked, said so
			 * that a reader does not ask it either */
			err |= record_add(r, "passed", cl_steps[i].id);
			continue;
		}
		if (!cl_is_asked(cl, (enum cl_id)i))
			continue;
		if (cl->state[i] == CL_ANSWERED)
			err |= record_add(r, cl_steps[i].id, cl->value[i]);
		else if (cl->state[i] == CL_SKIPPED)
			err |= record_add(r, "skipped", cl_steps[i].id);
	}
	if (cl->tac_brand[0]) {
		err |= record_add(r, "tac.brand", cl->tac_brand);
		err |= record_add(r, "tac.model", cl->tac_model);
	}
	for (i = 0; i < cl->nfiles; i++)
		err |= record_add_attachment(r, cl->files[i].sha256, cl->files[i].size,
		    cl->files[i].name);
	if (seal) {
		enum cl_level level = cl_verdict(cl, reasons, CL_MAX_REASONS, &n);
		err |= record_add(r, "verdict", cl_level_name(level));
		for (i = 0; i < n; i++) {
			char v[256];
			snprintf(v, sizeof v, "%s %s%s%s", cl_level_name(reasons[i].level),
			    reasons[i].code, reasons[i].detail[0] ? " " : "", reasons[i].detail);
			err |= record_add(r, "reason", v);
		}
	}
	return err ? -1 : 0;
}

/* ------------------------------------------------------------------ read */

/* The line of field f in the record text (the header is line 1). */
static long
line_of(const struct record *r, const struct record_field *f)
{
	return (long)(f - r->fields) + 2;
}

static int
copy_meta(struct saved_check *sc, const struct record *r, struct error *e)
{
	static const struct {
		const char *key;
		size_t off, size;
	} meta[] = {
		{"id", offsetof(struct saved_meta, id), sizeof sc->meta.id},
		{"created", offsetof(struct saved_meta, created), sizeof sc->meta.created},
		{"updated", offsetof(struct saved_meta, updated), sizeof sc->meta.updated},
		{"handover-version", offsetof(struct saved_meta, version),
		    sizeof sc->meta.version},
	};
	const char *state = record_get(r, "state");
	size_t i;

	for (i = 0; i < sizeof meta / sizeof meta[0]; i++) {
		const char *v = record_get(r, meta[i].key);
		if (v && strlen(v) >= meta[i].size)
			return error_set(e, 0, 0, "the record's %s is too long", meta[i].key);
		snprintf((char *)&sc->meta + meta[i].off, meta[i].size, "%s", v ? v : "");
	}
	if (!sc->meta.id[0])
		return error_set(e, 0, 0, "the record has no id");
	if (state && strcmp(state, "sealed") != 0 && strcmp(state, "open") != 0)
		return error_set(e, 0, 0, "the record's state '%s' is neither open nor sealed",
		    state);
	sc->meta.sealed = state && strcmp(state, "sealed") == 0;
	return 0;
}

/* Keys that may appear once only: the meta and every step but the files. */
static int
single(const char *key)
{
	static const char *const once[] = {
		"id", "handover-version", "created", "updated", "state", "challenge",
		"tac.brand", "tac.model", "verdict", NULL
	};
	size_t i;
	int k;

	for (i = 0; once[i]; i++)
		if (strcmp(once[i], key) == 0)
			return 1;
	k = cl_find(key);
	return k >= 0 && cl_steps[k].type != CL_FILES;
}

static int
no_duplicates(const struct record *r, struct error *e)
{
	size_t i, j, nf = record_check_nfields(r);	/* blocks: record/seal.c */

	for (i = 0; i < nf; i++) {
		if (!single(r->fields[i].key))
			continue;
		for (j = i + 1; j < nf; j++)
			if (strcmp(r->fields[i].key, r->fields[j].key) == 0)
				return error_set(e, line_of(r, &r->fields[j]), 0,
				    "line %ld: '%s' a second time; handover writes it once",
				    line_of(r, &r->fields[j]), r->fields[j].key);
	}
	return 0;
}

static int
copy_checklist(struct saved_check *sc, const struct record *r, struct error *e)
{
	struct checklist *cl = &sc->cl;
	const char *v;
	size_t i, nf = record_check_nfields(r);	/* the check's, not its re-checks' */

	if ((v = record_get(r, "challenge"))) {
		/* six characters of Crockford's base 32, as stamp_code makes */
		if (strlen(v) != 6 || strspn(v, "0123456789ABCDEFGHJKMNPQRSTVWXYZ") != 6)
			return error_set(e, 0, 0, "the record's challenge code '%.20s' is not one "
			    "handover makes", v);
		snprintf(cl->challenge, sizeof cl->challenge, "%s", v);
	}
	if ((v = record_get(r, "tac.brand")) && strlen(v) >= sizeof cl->tac_brand)
		return error_set(e, 0, 0, "the record's tac.brand is too long");
	if (v)
		snprintf(cl->tac_brand, sizeof cl->tac_brand, "%s", v);
	if ((v = record_get(r, "tac.model")) && strlen(v) >= sizeof cl->tac_model)
		return error_set(e, 0, 0, "the record's tac.model is too long");
	if (v)
		snprintf(cl->tac_model, sizeof cl->tac_model, "%s", v);
	for (i = 0; i < nf; i++) {
		const struct record_field *f = &r->fields[i];
		const char *nv;
		int k;

		if (strcmp(f->key, "skipped") == 0 || strcmp(f->key, "passed") == 0) {
			if ((k = cl_find(f->value)) < 0)
				return error_set(e, line_of(r, f), 0,
				    "line %ld: the record names a step there is none of: '%s'",
				    line_of(r, f), f->value);
			if (f->key[0] == 's')
				cl_skip(cl, (enum cl_id)k);
			else
				cl->state[k] = CL_PASSED;
		} else if (strcmp(f->key, "attachment") == 0) {
			struct record_attachment a;
			if (record_attachment_parse(f->value, &a, e) != 0 ||
			    cl_add_file(cl, a.sha256, a.size, a.name) < 0)
				return error_set(e, line_of(r, f), 0,
				    "line %ld: an attachment that is not '<sha256> <size> <name>'",
				    line_of(r, f));
		} else if ((k = cl_alias(f->key, f->value, &nv)) >= 0) {
			cl_answer(cl, (enum cl_id)k, nv);
		} else if ((k = cl_find(f->key)) >= 0) {
			if (strlen(f->value) >= CL_VALUE_MAX)
				return error_set(e, line_of(r, f), 0, "line %ld: the answer to %s is "
				    "longer than handover takes", line_of(r, f), f->key);
			cl_answer(cl, (enum cl_id)k, f->value);
		}
	}
	/* handover 0.1 had none of the newer steps: they were not asked */
	if (strncmp(sc->meta.version, "0.1", 3) == 0 &&
	    (sc->meta.version[3] == '\0' || sc->meta.version[3] == '.'))
		for (i = 0; i < CL_NSTEPS; i++)
			if ((cl_steps[i].flags & CL_NEWER) && cl->state[i] == CL_OPEN)
				cl->state[i] = CL_PASSED;
	/* registry.result answered with no registry.reply: the record was made
	 * when handover knew no replies for the country's check (they come with
	 * data/registry-replies.tsv, which grows), so the reply was not asked */
	if (cl->state[STEP_REGISTRY_REPLY] == CL_OPEN &&
	    cl->state[STEP_REGISTRY_RESULT] == CL_ANSWERED)
		cl->state[STEP_REGISTRY_REPLY] = CL_PASSED;
	return 0;
}

/* Every answer must be one the checklist takes; the ID document never
 * more than its last 4 characters. */
static int
answers_valid(struct saved_check *sc, const struct record *r, struct error *e)
{
	size_t i;

	for (i = 0; i < CL_NSTEPS; i++) {
		char out[CL_VALUE_MAX];
		struct buf msg;
		const struct record_field *f;
		int v;

		if (sc->cl.state[i] != CL_ANSWERED || cl_steps[i].type == CL_FILES)
			continue;
		buf_init_mem(&msg);
		v = cl_validate(&sc->cl, (enum cl_id)i, sc->cl.value[i], out, &msg);
		buf_release(&msg);
		if (v >= 0 && !(i == STEP_SELLER_ID_LAST4 && strlen(sc->cl.value[i]) > 4))
			continue;
		f = record_find(r, cl_steps[i].id, NULL);
		return error_set(e, f ? line_of(r, f) : 0, 0, "line %ld: the record's answer to %s "
		    "is not one handover takes", f ? line_of(r, f) : 0L, cl_steps[i].id);
	}
	return 0;
}

static int
copy_stated(struct saved_check *sc, const struct record *r, struct error *e)
{
	const struct record_field *f;
	const char *v = record_get(r, "verdict");

	if (v && strcmp(v, "GO") != 0 && strcmp(v, "CAUTION") != 0 && strcmp(v, "STOP") != 0)
		return error_set(e, 0, 0, "the record's verdict '%s' is not GO, CAUTION or STOP", v);
	snprintf(sc->verdict, sizeof sc->verdict, "%s", v ? v : "");
	for (f = record_find(r, "reason", NULL); f; f = record_find(r, "reason", f)) {
		struct saved_reason *x = &sc->stated[sc->nstated];
		const char *sp1 = strchr(f->value, ' '), *sp2;
		size_t n;

		if (sc->nstated == CL_MAX_REASONS || !sp1 ||
		    (n = (size_t)(sp1 - f->value)) >= sizeof x->level)
			goto bad;
		memcpy(x->level, f->value, n);
		x->level[n] = '\0';
		sp2 = strchr(sp1 + 1, ' ');
		n = sp2 ? (size_t)(sp2 - sp1 - 1) : strlen(sp1 + 1);
		if (n == 0 || n >= sizeof x->code)
			goto bad;
		memcpy(x->code, sp1 + 1, n);
		x->code[n] = '\0';
		snprintf(x->detail, sizeof x->detail, "%s", sp2 ? sp2 + 1 : "");
		sc->nstated++;
		continue;
bad:
		return error_set(e, line_of(r, f), 0, "line %ld: a reason that is not 'LEVEL code "
		    "detail'", line_of(r, f));
	}
	return 0;
}

static enum cl_level
level_of(const char *s)
{
	return strcmp(s, "STOP") == 0 ? CL_STOP : strcmp(s, "CAUTION") == 0 ? CL_CAUTION : CL_GO;
}

int
saved_check_read(struct saved_check *sc, const struct record *r, const struct kb *kb,
    const struct ident_tables *idt, const struct words *words, struct error *e)
{
	memset(sc, 0, sizeof *sc);
	cl_init(&sc->cl, kb, idt, words);
	if (copy_meta(sc, r, e) != 0 || no_duplicates(r, e) != 0 ||
	    copy_checklist(sc, r, e) != 0 || answers_valid(sc, r, e) != 0 ||
	    copy_stated(sc, r, e) != 0)
		return -1;
	sc->level = cl_verdict(&sc->cl, sc->reasons, CL_MAX_REASONS, &sc->nreasons);
	sc->follows = !sc->verdict[0] || level_of(sc->verdict) >= sc->level;
	return 0;
}

void
saved_reason_text(const struct saved_check *sc, const struct saved_reason *x, int todo,
    struct buf *out)
{
	struct cl_reason r;

	memset(&r, 0, sizeof r);
	r.code = x->code;
	r.level = strcmp(x->level, "STOP") == 0 ? CL_STOP : CL_CAUTION;
	snprintf(r.detail, sizeof r.detail, "%s", x->detail);
	cl_reason_text(&sc->cl, &r, todo, out);
}

enum cl_level
saved_recheck_level(const struct saved_check *sc, const struct recheck *x)
{
	struct checklist *cl = malloc(sizeof *cl);
	struct cl_reason r[CL_MAX_REASONS];
	enum cl_level level;
	int64_t sale;
	int off;
	size_t i, n;

	if (!cl)
		return CL_GO;
	*cl = sc->cl;
	cl->recheck = 1;
	cl->recheck_day = 0;
	if (x->time_ok && stamp_parse(sc->meta.updated, &sale, &off) == 0)
		cl->recheck_day = (long)((x->at - sale) / 86400 - ((x->at - sale) % 86400 < 0));
	for (i = 0; i < recheck_nsteps; i++) {
		enum cl_id k = (enum cl_id)(CL_RECHECK_FIRST + i);

		cl->state[k] = CL_OPEN;
		cl->value[k][0] = '\0';
		if (x->answer[i] && strlen(x->answer[i]) < CL_VALUE_MAX)
			cl_answer(cl, k, x->answer[i]);
		else if (x->skipped[i])
			cl_skip(cl, k);
	}
	level = cl_verdict(cl, r, CL_MAX_REASONS, &n);
	free(cl);
	return level;
}
