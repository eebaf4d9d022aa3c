/* SPDX-License-Identifier: MIT */
/* verdict: the rules that turn the checklist's answers into GO, CAUTION or
 * STOP, in one place: a table where a rule is one step and one answer,
 * code where it is compound.  Each rule raises a reason code; its words
 * are "reason.CODE" and "reason.CODE.todo" in data/words-LL.tsv. */
#include <stdio.h>
#include <string.h>

#include "check/checklist.h"

/* STOP when the phone or the seller fails a check that decides the
 * purchase; CAUTION when something does not add up. */
const struct cl_rule cl_rules[] = {
	{STEP_IDENTITY_DIAL, "refused", "dial_refused", CL_STOP},
	{STEP_IDENTITY_DIAL, "nothing", "imei_erased", CL_STOP},
	{STEP_IDENTITY_SETTINGS_MATCH, "no", "imei_settings_differ", CL_STOP},
	{STEP_REGISTRY_RESULT, "blocked", "registry_blocked", CL_STOP},
	{STEP_REGISTRY_RESULT2, "blocked", "registry_blocked", CL_STOP},
	{STEP_REGISTRY_MODEL_MATCH, "no", "registry_other_model", CL_STOP},
	{STEP_FINANCE_DISCLOSED, "still-paying", "still_financed", CL_STOP},
	{STEP_FINANCE_DISCLOSED, "refused", "financing_unclear", CL_STOP},
	{STEP_FINANCE_APPS, "yes", "lender_app", CL_STOP},
	{STEP_ACCOUNTS_RECHECK, "yes", "lender_app", CL_STOP},
	{STEP_FINANCE_NOTICE, "yes", "lender_notice", CL_STOP},
	{STEP_FINANCE_REMINDERS, "yes", "lender_notice", CL_STOP},
	{STEP_FINANCE_KNOX, "active", "knox_enrolled", CL_STOP},
	{STEP_FINANCE_KNOX, "checking", "knox_enrolled", CL_STOP},
	{STEP_FINANCE_KNOX, "locked", "knox_enrolled", CL_STOP},
	{STEP_ACCOUNTS_SETUP_LOCK, "yes", "account_lock", CL_STOP},
	{STEP_ACCOUNTS_RESET, "refused", "reset_refused", CL_STOP},
	{STEP_SELLER_DECLARATION, "refused", "declaration_refused", CL_STOP},
	{STEP_FINANCE_APPS, "unknown-app", "unknown_app", CL_CAUTION},
	{STEP_IDENTITY_BOX_MATCH, "no", "box_imei_differs", CL_CAUTION},
	{STEP_IDENTITY_TRAY_MATCH, "no", "tray_imei_differs", CL_CAUTION},
	{STEP_PROOF_IMEI_MATCH, "no", "invoice_imei_differs", CL_CAUTION},
	{STEP_PROOF_KIND, "none", "no_proof", CL_CAUTION},
	{STEP_FINANCE_CLOSURE, "no-imei", "closure_without_imei", CL_CAUTION},
	{STEP_FINANCE_KNOX, "prenormal", "knox_undecided", CL_CAUTION},
	{STEP_LISTING_PAYMENT, "paid-first", "remote_pay_first", CL_CAUTION},
	/* the re-checks after the sale: a lock or a lender's sign now is a
	 * STOP (contact the seller and the marketplace while they can act) */
	{STEP_RECHECK_KNOX, "active", "recheck_knox_enrolled", CL_STOP},
	{STEP_RECHECK_KNOX, "checking", "recheck_knox_enrolled", CL_STOP},
	{STEP_RECHECK_KNOX, "locked", "recheck_knox_locked", CL_STOP},
	{STEP_RECHECK_APPS, "yes", "recheck_lender_app", CL_STOP},
	{STEP_RECHECK_NOTICE, "yes", "recheck_notice", CL_STOP},
	{STEP_RECHECK_REGISTRY, "blocked", "recheck_registry_blocked", CL_STOP},
	{STEP_RECHECK_KNOX, "prenormal", "recheck_knox_undecided", CL_CAUTION},
	{STEP_RECHECK_KNOX, "not-shown", "recheck_knox_not_shown", CL_CAUTION},
	{STEP_RECHECK_SIM_WORKS, "no", "recheck_sim_fails", CL_CAUTION},
};
const size_t cl_nrules = sizeof cl_rules / sizeof cl_rules[0];

/* The codes only the compound rules below raise, NULL-terminated. */
const char *const cl_compound_codes[] = {
	"invalid_imei", "imei_slots_same", "imei_other_maker", "tac_mismatch",
	"financed_no_closure", "undisclosed_financing", "financing_story_differs",
	"account_still_signed_in", "reset_not_done", "registry_money_owed",
	"registry_not_approved", "registry_unclear", "registry_unchecked", "invalid_eid",
	"remote_no_challenge", "not_checked", "recheck_not_checked", "recheck_too_early", NULL
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
raise(struct out *o, const char *code, enum cl_level level, enum cl_id step)
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

static int
skipped(const struct checklist *cl, enum cl_id i)
{
	return cl_is_asked(cl, i) && cl->state[i] == CL_SKIPPED;
}

/* ---------------------------------------------------------------- identity */

static void
check_ident(const struct checklist *cl, struct out *o, enum cl_id step)
{
	const char *v = cl_get(cl, step);
	struct ident id;

	if (!v || !cl->idt || strcmp(v, "none") == 0)
		return;
	ident_classify(cl->idt, v, strlen(v), step == STEP_IDENTITY_EID ? IDENT_EID :
	    IDENT_UNKNOWN, &id);
	if (id.problem == IDENT_OK)
		return;
	if (step == STEP_IDENTITY_EID) {
		raise(o, "invalid_eid", CL_CAUTION, step);
	} else {
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

static void
identity(const struct checklist *cl, struct out *o)
{
	const char *i1 = cl_get(cl, STEP_IDENTITY_IMEI1), *i2 = cl_get(cl, STEP_IDENTITY_IMEI2);

	check_ident(cl, o, STEP_IDENTITY_IMEI1);
	check_ident(cl, o, STEP_IDENTITY_IMEI2);
	if (i1 && i2 && strcmp(i1, i2) == 0)
		raise(o, "imei_slots_same", CL_STOP, STEP_IDENTITY_IMEI2);
	if (cl_is(cl, STEP_IDENTITY_TAC_MODEL, "no") || tac_brand_differs(cl)) {
		/* another maker's IMEI, confirmed by the buyer, was rewritten */
		int other = tac_brand_differs(cl) && cl_is(cl, STEP_IDENTITY_TAC_MODEL, "no");
		char d[200];
		snprintf(d, sizeof d, "%.30s %.40s / %.30s %.40s", cl->tac_brand, cl->tac_model,
		    cl_get(cl, STEP_LISTING_BRAND) ? cl_get(cl, STEP_LISTING_BRAND) : "?",
		    cl_get(cl, STEP_LISTING_MODEL) ? cl_get(cl, STEP_LISTING_MODEL) : "");
		detail(raise(o, other ? "imei_other_maker" : "tac_mismatch",
		    other ? CL_STOP : CL_CAUTION, STEP_IDENTITY_TAC_MODEL), d);
	}
	check_ident(cl, o, STEP_IDENTITY_EID);
}

/* ---------------------------------------------------------------- registry */

static void
registry(const struct checklist *cl, struct out *o)
{
	const char *v = cl_get(cl, STEP_REGISTRY_REPLY);
	const struct kb_reply *r;
	size_t n, i;

	if (v && (r = cl_replies(cl, &n)) != NULL) {
		for (i = 0; i < n && strcmp(r[i].reply, v) != 0; i++)
			;
		if (i < n) {
			const char *out = r[i].outcome;
			if (strcmp(out, "blocked") == 0 || strcmp(out, "invalid") == 0)
				detail(raise(o, "registry_blocked", CL_STOP, STEP_REGISTRY_REPLY),
				    r[i].shown);
			else if (strcmp(out, "owed") == 0)
				detail(raise(o, "registry_money_owed", CL_STOP, STEP_REGISTRY_REPLY),
				    r[i].shown);
			else if (strcmp(out, "not_approved") == 0)
				detail(raise(o, "registry_not_approved", CL_CAUTION,
				    STEP_REGISTRY_REPLY), r[i].shown);
			else if (strcmp(out, "unknown") == 0)
				detail(raise(o, "registry_unclear", CL_CAUTION, STEP_REGISTRY_REPLY),
				    r[i].shown);
		}
	}
	/* not run: where a public check exists, that is a check not done */
	if (cl_is(cl, STEP_REGISTRY_RESULT, "unsure") || skipped(cl, STEP_REGISTRY_RESULT) ||
	    skipped(cl, STEP_REGISTRY_REPLY) || cl_is(cl, STEP_REGISTRY_RESULT2, "unsure") ||
	    skipped(cl, STEP_REGISTRY_RESULT2) ||
	    (cl_country_has_check(cl) && (cl_is(cl, STEP_REGISTRY_RESULT, "no-check") ||
	    cl_is(cl, STEP_REGISTRY_RESULT2, "no-check"))))
		raise(o, "registry_unchecked", CL_CAUTION, STEP_REGISTRY_RESULT);
}

/* --------------------------------------------------------------- financing */

static void
financing(const struct checklist *cl, struct out *o)
{
	int never = cl_is(cl, STEP_FINANCE_DISCLOSED, "never");

	if (cl_is(cl, STEP_FINANCE_DISCLOSED, "paid-off") && (cl_is(cl, STEP_FINANCE_CLOSURE,
	    "no") || skipped(cl, STEP_FINANCE_CLOSURE)))
		raise(o, "financed_no_closure", CL_STOP, STEP_FINANCE_CLOSURE);
	if (cl_is(cl, STEP_PROOF_PAYMENT, "instalments") &&
	    !cl_is(cl, STEP_FINANCE_CLOSURE, "names-imei") &&
	    !cl_is(cl, STEP_FINANCE_CLOSURE, "no-imei"))
		raise(o, never ? "undisclosed_financing" : "financed_no_closure", CL_STOP,
		    STEP_PROOF_PAYMENT);
	/* "never financed", with a lender's closure letter for proof */
	if (never && cl_is(cl, STEP_PROOF_KIND, "closure-letter"))
		raise(o, "financing_story_differs", CL_CAUTION, STEP_PROOF_KIND);
}

/* ---------------------------------------------------------------- accounts */

static void
accounts(const struct checklist *cl, struct out *o)
{
	/* still signed in, and no reset in front of the buyer showed that
	 * setup is free: the old owner's account locks the phone */
	if (cl_is(cl, STEP_ACCOUNTS_REMOVED, "no") && !cl_is(cl, STEP_ACCOUNTS_RESET, "yes"))
		raise(o, "account_still_signed_in", CL_STOP, STEP_ACCOUNTS_REMOVED);
	else if (cl_is(cl, STEP_ACCOUNTS_RESET, "no"))
		raise(o, "reset_not_done", CL_CAUTION, STEP_ACCOUNTS_RESET);
}

/* --------------------------------------------------------------- the rest */

static void
remote(const struct checklist *cl, struct out *o)
{
	if (cl_is_asked(cl, STEP_LISTING_CHALLENGE) && !cl_is(cl, STEP_LISTING_CHALLENGE, "yes"))
		raise(o, "remote_no_challenge", CL_CAUTION, STEP_LISTING_CHALLENGE);
}

/* Skipped or "not sure": every such step, by id, in one reason.  The
 * registry, the photos and the remote payment have their own words. */
static void
not_checked(const struct checklist *cl, struct out *o)
{
	size_t i;

	for (i = 0; i < CL_NSTEPS; i++) {
		if (!cl_is_asked(cl, (enum cl_id)i) || i == STEP_REGISTRY_RESULT ||
		    i == STEP_REGISTRY_RESULT2 || i == STEP_REGISTRY_REPLY || i == STEP_PROOF_FILES)
			continue;
		if (cl->state[i] == CL_SKIPPED ||
		    (cl->state[i] == CL_ANSWERED && strcmp(cl->value[i], "unsure") == 0))
			detail(raise(o, "not_checked", CL_CAUTION, (enum cl_id)i), cl_steps[i].id);
	}
}

/* ------------------------------------------------------------ re-checks */

/* The words behind a re-check's reasons: the Knox Guard state, the
 * notice as copied, the registry's reference; then what was skipped or
 * not sure, and a re-check less than a day after the sale. */
static void
recheck_rules(const struct checklist *cl, struct out *o)
{
	static const struct {
		const char *code;
		enum cl_id from;
	} details[] = {
		{"recheck_knox_enrolled", STEP_RECHECK_KNOX},
		{"recheck_notice", STEP_RECHECK_NOTICE_TEXT},
		{"recheck_registry_blocked", STEP_RECHECK_REGISTRY_REFERENCE},
	};
	size_t i, k;

	for (i = 0; i < sizeof details / sizeof details[0]; i++) {
		const char *v = cl_get(cl, details[i].from);
		for (k = 0; v && k < o->n; k++)
			if (strcmp(o->r[k].code, details[i].code) == 0 && !o->r[k].detail[0])
				detail(&o->r[k], v);
	}
	for (i = CL_RECHECK_FIRST; i < CL_NSTEPS; i++) {
		if (!cl_is_asked(cl, (enum cl_id)i))
			continue;
		if (cl->state[i] == CL_SKIPPED || (cl->state[i] == CL_ANSWERED &&
		    (strcmp(cl->value[i], "unsure") == 0 || (i == STEP_RECHECK_REGISTRY &&
		    strcmp(cl->value[i], "no-check") == 0))))
			detail(raise(o, "recheck_not_checked", CL_CAUTION, (enum cl_id)i),
			    cl_steps[i].id);
	}
	if (cl->recheck_day < 1)
		raise(o, "recheck_too_early", CL_CAUTION, STEP_RECHECK_KNOX);
}

/* ------------------------------------------------------------- verdict */

enum cl_level
cl_verdict(const struct checklist *cl, struct cl_reason *r, size_t max, size_t *n)
{
	struct out o = {r, max, 0};
	enum cl_level level = CL_GO;
	size_t i, k;

	if (!cl->recheck)
		identity(cl, &o);
	for (i = 0; i < cl_nrules; i++)
		if (!(cl_steps[cl_rules[i].step].flags & CL_RECHECK) == !cl->recheck &&
		    cl_is(cl, cl_rules[i].step, cl_rules[i].answer))
			raise(&o, cl_rules[i].code, cl_rules[i].level, cl_rules[i].step);
	if (cl->recheck) {
		recheck_rules(cl, &o);
	} else {
		registry(cl, &o);
		financing(cl, &o);
		accounts(cl, &o);
		remote(cl, &o);
		not_checked(cl, &o);
	}

	/* STOP reasons first, each group in the order raised */
	for (i = 0, k = 0; i < o.n; i++)
		if (r[i].level == CL_STOP) {
			struct cl_reason t = r[i];
			memmove(&r[k + 1], &r[k], (i - k) * sizeof *r);
			r[k++] = t;
		}
	for (i = 0; i < o.n; i++)
		if (r[i].level > level)
			level = r[i].level;
	*n = o.n;
	return level;
}
