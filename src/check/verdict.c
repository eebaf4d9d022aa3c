/* SPDX-License-Identifier: MIT */
/* verdict: the rules that turn the checklist's answers into GO, CAUTION or
 * STOP, in one place.  Each rule raises a reason code; the words for each
 * code are in data/verdict.tsv. */
#include <stdio.h>
#include <string.h>

#include "check/checklist.h"

const char *const cl_reason_codes[] = {
	"dial_refused", "invalid_imei", "imei_settings_differ", "registry_blocked",
	"still_financed", "financed_no_closure", "undisclosed_financing", "lender_app",
	"lender_notice", "knox_enrolled", "account_lock", "reset_refused",
	"declaration_refused", "tac_mismatch", "box_imei_differs", "tray_imei_differs",
	"invoice_imei_differs", "no_proof", "closure_without_imei", "financing_unclear",
	"knox_undecided", "remote_no_challenge", "registry_unchecked", "not_checked",
	"imei_slots_same", NULL
};

const char *
cl_level_name(enum cl_level l)
{
	return l == CL_STOP ? "STOP" : l == CL_CAUTION ? "CAUTION" : "GO";
}

struct out {
	struct cl_reason *r;
	size_t max, n;
};

static struct cl_reason *
raise(struct out *o, const char *code, enum cl_level level, const char *step)
{
	struct cl_reason *r;
	size_t i;

	for (i = 0; i < o->n; i++)
		if (strcmp(o->r[i].code, code) == 0)
			return &o->r[i];
	if (o->n == o->max)
		return NULL;
	r = &o->r[o->n++];
	r->code = code;
	r->level = level;
	r->step = step;
	r->detail[0] = '\0';
	return r;
}

static int
is(const struct checklist *cl, const char *id, const char *v)
{
	const char *a = cl_get(cl, id);
	return a && strcmp(a, v) == 0;
}

/* Adds detail to r, ", "-separated. */
static void
detail(struct cl_reason *r, const char *s)
{
	size_t n;

	if (!r)
		return;
	n = strlen(r->detail);
	snprintf(r->detail + n, sizeof r->detail - n, "%s%s", n ? ", " : "", s);
}

static void
check_imei(const struct checklist *cl, struct out *o, const char *step)
{
	const char *v = cl_get(cl, step);
	struct ident id;

	if (!v || !cl->idt)
		return;
	ident_classify(cl->idt, v, strlen(v), IDENT_UNKNOWN, &id);
	if (id.problem != IDENT_OK) {
		char d[96];
		snprintf(d, sizeof d, "%s %s", v, ident_problem_code(id.problem));
		detail(raise(o, "invalid_imei", CL_STOP, step), d);
	}
}

/* The claimed brand and the TAC's brand name different makers. */
static int
tac_brand_differs(const struct checklist *cl)
{
	const struct kb_brand *claimed = cl_brand(cl), *tac;

	if (!cl->tac_brand[0] || !cl->kb || !claimed || strcmp(claimed->brand, "android") == 0)
		return 0;
	tac = kb_brand_find(cl->kb, cl->tac_brand);
	if (!tac)
		tac = kb_brand_in_text(cl->kb, cl->tac_brand, strlen(cl->tac_brand));
	return tac && strcmp(tac->brand, claimed->brand) != 0;
}

enum cl_level
cl_verdict(const struct checklist *cl, struct cl_reason *r, size_t max, size_t *n)
{
	struct out o = {r, max, 0};
	enum cl_level level = CL_GO;
	size_t i, k;

	/* STOP: the phone or the seller fails a check that matters. */
	if (is(cl, "identity.dial", "refused"))
		raise(&o, "dial_refused", CL_STOP, "identity.dial");
	check_imei(cl, &o, "identity.imei1");
	check_imei(cl, &o, "identity.imei2");
	if (cl_get(cl, "identity.imei1") && cl_get(cl, "identity.imei2") &&
	    strcmp(cl_get(cl, "identity.imei1"), cl_get(cl, "identity.imei2")) == 0)
		raise(&o, "imei_slots_same", CL_STOP, "identity.imei2");
	if (is(cl, "identity.settings_match", "no"))
		raise(&o, "imei_settings_differ", CL_STOP, "identity.settings_match");
	if (is(cl, "registry.result", "blocked"))
		raise(&o, "registry_blocked", CL_STOP, "registry.result");
	if (is(cl, "finance.disclosed", "still-paying"))
		raise(&o, "still_financed", CL_STOP, "finance.disclosed");
	if (is(cl, "finance.disclosed", "paid-off") && (is(cl, "finance.closure", "no") ||
	    cl->state[cl_find("finance.closure")] == CL_SKIPPED))
		raise(&o, "financed_no_closure", CL_STOP, "finance.closure");
	if (is(cl, "proof.payment", "instalments") && !is(cl, "finance.closure", "names-imei") &&
	    !is(cl, "finance.closure", "no-imei")) {
		if (is(cl, "finance.disclosed", "never"))
			raise(&o, "undisclosed_financing", CL_STOP, "proof.payment");
		else
			raise(&o, "financed_no_closure", CL_STOP, "proof.payment");
	}
	if (is(cl, "finance.apps", "yes"))
		raise(&o, "lender_app", CL_STOP, "finance.apps");
	if (is(cl, "accounts.recheck", "yes"))
		raise(&o, "lender_app", CL_STOP, "accounts.recheck");
	if (is(cl, "finance.notice", "yes"))
		raise(&o, "lender_notice", CL_STOP, "finance.notice");
	if (is(cl, "finance.reminders", "yes"))
		raise(&o, "lender_notice", CL_STOP, "finance.reminders");
	if (is(cl, "finance.knox", "active") || is(cl, "finance.knox", "checking") ||
	    is(cl, "finance.knox", "locked"))
		raise(&o, "knox_enrolled", CL_STOP, "finance.knox");
	if (is(cl, "accounts.setup_clean", "no"))
		raise(&o, "account_lock", CL_STOP, "accounts.setup_clean");
	if (is(cl, "accounts.reset", "refused"))
		raise(&o, "reset_refused", CL_STOP, "accounts.reset");
	if (is(cl, "finance.disclosed", "refused"))
		raise(&o, "financing_unclear", CL_STOP, "finance.disclosed");
	if (is(cl, "seller.declaration", "refused"))
		raise(&o, "declaration_refused", CL_STOP, "seller.declaration");

	/* CAUTION: something does not add up, or was not checked. */
	if (is(cl, "identity.tac_model", "no") || tac_brand_differs(cl)) {
		char d[200];
		snprintf(d, sizeof d, "the IMEI says %.30s %.40s, the listing says %.30s %.40s",
		    cl->tac_brand, cl->tac_model,
		    cl_get(cl, "listing.brand") ? cl_get(cl, "listing.brand") : "?",
		    cl_get(cl, "listing.model") ? cl_get(cl, "listing.model") : "");
		detail(raise(&o, "tac_mismatch", CL_CAUTION, "identity.tac_model"), d);
	}
	if (is(cl, "identity.box_match", "no"))
		raise(&o, "box_imei_differs", CL_CAUTION, "identity.box_match");
	if (is(cl, "identity.tray_match", "no"))
		raise(&o, "tray_imei_differs", CL_CAUTION, "identity.tray_match");
	if (is(cl, "proof.imei_match", "no"))
		raise(&o, "invoice_imei_differs", CL_CAUTION, "proof.imei_match");
	if (is(cl, "proof.kind", "none"))
		raise(&o, "no_proof", CL_CAUTION, "proof.kind");
	if (is(cl, "finance.closure", "no-imei"))
		raise(&o, "closure_without_imei", CL_CAUTION, "finance.closure");
	if (is(cl, "finance.knox", "prenormal"))
		raise(&o, "knox_undecided", CL_CAUTION, "finance.knox");
	if (cl_is_asked(cl, (size_t)cl_find("listing.challenge")) &&
	    !is(cl, "listing.challenge", "yes"))
		raise(&o, "remote_no_challenge", CL_CAUTION, "listing.challenge");
	if (is(cl, "registry.result", "unsure") ||
	    cl->state[cl_find("registry.result")] == CL_SKIPPED)
		raise(&o, "registry_unchecked", CL_CAUTION, "registry.result");
	for (i = 0; i < cl_nsteps; i++) {
		if (!cl_is_asked(cl, i) || strcmp(cl_steps[i].id, "registry.result") == 0)
			continue;
		if (cl->state[i] == CL_SKIPPED ||
		    (cl->state[i] == CL_ANSWERED && strcmp(cl->value[i], "unsure") == 0))
			detail(raise(&o, "not_checked", CL_CAUTION, cl_steps[i].id), cl_steps[i].id);
	}

	/* STOP reasons first, each group in rule order. */
	for (i = 0, k = 0; i < o.n; i++) {
		if (r[i].level == CL_STOP) {
			struct cl_reason t = r[i];
			memmove(&r[k + 1], &r[k], (i - k) * sizeof *r);
			r[k++] = t;
		}
		if (r[i].level > level)
			level = r[i].level;
	}
	for (i = 0; i < o.n; i++)
		if (r[i].level > level)
			level = r[i].level;
	*n = o.n;
	return level;
}
