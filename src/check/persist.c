/* SPDX-License-Identifier: MIT */
/* persist: a checklist to and from its record: the answers in step order,
 * skipped steps, attachments, the challenge code, the TAC's model, and at
 * the end the verdict and its reasons. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/persist.h"

int
checkrec_build(const struct checklist *cl, const struct checkrec_meta *m, int seal,
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
	for (i = 0; i < cl_nsteps; i++) {
		if (!cl_is_asked(cl, i))
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

int
checkrec_restore(struct checklist *cl, const struct record *r, struct checkrec_meta *m,
    struct error *e)
{
	size_t i;

	snprintf(m->id, sizeof m->id, "%s", record_get(r, "id") ? record_get(r, "id") : "");
	snprintf(m->created, sizeof m->created, "%s",
	    record_get(r, "created") ? record_get(r, "created") : "");
	m->sealed = record_get(r, "state") && strcmp(record_get(r, "state"), "sealed") == 0;
	if (record_get(r, "challenge"))
		snprintf(cl->challenge, sizeof cl->challenge, "%s", record_get(r, "challenge"));
	if (record_get(r, "tac.brand"))
		snprintf(cl->tac_brand, sizeof cl->tac_brand, "%s", record_get(r, "tac.brand"));
	if (record_get(r, "tac.model"))
		snprintf(cl->tac_model, sizeof cl->tac_model, "%s", record_get(r, "tac.model"));
	for (i = 0; i < r->nfields; i++) {
		const struct record_field *f = &r->fields[i];
		int k;

		if (strcmp(f->key, "skipped") == 0) {
			if ((k = cl_find(f->value)) < 0)
				return error_set(e, 0, 0, "the record skips an unknown step '%s'", f->value);
			cl_skip(cl, (size_t)k);
		} else if (strcmp(f->key, "attachment") == 0) {
			struct record_attachment a;
			if (record_attachment_parse(f->value, &a, e) != 0 ||
			    cl_add_file(cl, a.sha256, a.size, a.name) != 0)
				return error_set(e, 0, 0, "a bad attachment line in the record");
		} else if ((k = cl_find(f->key)) >= 0) {
			cl_answer(cl, (size_t)k, f->value);
		}
	}
	return 0;
}
