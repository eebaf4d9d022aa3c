/* SPDX-License-Identifier: MIT */
/* steps: the steps of the buyer's checklist, their answers, when each is
 * asked, and the answers recorded so far.  The words of each step are in
 * data/words-LL.tsv; the rules that judge them in verdict.c. */
#include <stdio.h>
#include <string.h>

#include "check/checklist.h"

/* ------------------------------------------------------------ conditions */

int
cl_is(const struct checklist *cl, enum cl_id i, const char *v)
{
	const char *a = cl_get(cl, i);
	return a && strcmp(a, v) == 0;
}

int
cl_remote(const struct checklist *cl)
{
	return cl_is(cl, STEP_LISTING_MODE, "remote");
}

static int
imei_shown(const struct checklist *cl)
{
	return !cl_is(cl, STEP_IDENTITY_DIAL, "nothing");
}

static int
dual_sim(const struct checklist *cl)
{
	return imei_shown(cl) && cl_is(cl, STEP_IDENTITY_DUAL_SIM, "yes");
}

static int
tac_known(const struct checklist *cl)
{
	return cl->tac_brand[0] != '\0';
}

const struct kb_reply *
cl_replies(const struct checklist *cl, size_t *n)
{
	const char *cc = cl_get(cl, STEP_LISTING_COUNTRY);

	*n = 0;
	return cc && cl->kb ? kb_country_replies(cl->kb, cc, n) : NULL;
}

int
cl_country_has_check(const struct checklist *cl)
{
	const char *cc = cl_get(cl, STEP_LISTING_COUNTRY);
	const struct kb_check *c;
	size_t n = 0, i;

	if (!cc || !cl->kb || !(c = kb_country_checks(cl->kb, cc, &n)))
		return 0;
	for (i = 0; i < n; i++)
		if (strcmp(c[i].check_name, "none") != 0)
			return 1;
	return 0;
}

/* The outcome of the registry reply the buyer picked, or NULL. */
static const char *
reply_outcome(const struct checklist *cl)
{
	const char *v = cl_get(cl, STEP_REGISTRY_REPLY);
	const struct kb_reply *r;
	size_t n, i;

	if (!v || !(r = cl_replies(cl, &n)))
		return NULL;
	for (i = 0; i < n; i++)
		if (strcmp(r[i].reply, v) == 0)
			return r[i].outcome;
	return NULL;
}

static int
has_replies(const struct checklist *cl)
{
	size_t n;
	return imei_shown(cl) && cl_replies(cl, &n) != NULL;
}

/* The buyer's own words: where handover knows no replies to pick from,
 * or the reply was none of them. */
static int
result_asked(const struct checklist *cl)
{
	return imei_shown(cl) && (!cl_is_asked(cl, STEP_REGISTRY_REPLY) ||
	    cl_is(cl, STEP_REGISTRY_REPLY, "other"));
}

static int
reply_names_model(const struct checklist *cl)
{
	const char *o = reply_outcome(cl);
	return o && strcmp(o, "compare_model") == 0;
}

/* The second IMEI gets its own result, whichever way the first was told. */
static int
result2_asked(const struct checklist *cl)
{
	return dual_sim(cl);
}

static int
has_reference(const struct checklist *cl)
{
	return cl_is(cl, STEP_REGISTRY_RESULT, "clean") ||
	    cl_is(cl, STEP_REGISTRY_RESULT, "blocked") ||
	    (cl_get(cl, STEP_REGISTRY_REPLY) && !cl_is(cl, STEP_REGISTRY_REPLY, "other"));
}

static int
financed(const struct checklist *cl)
{
	return cl_is(cl, STEP_FINANCE_DISCLOSED, "paid-off") ||
	    cl_is(cl, STEP_FINANCE_DISCLOSED, "still-paying");
}

static int
samsung(const struct checklist *cl)
{
	return strcmp(cl_brand_id(cl), "samsung") == 0;
}

static int
reset_done(const struct checklist *cl)
{
	return cl_is(cl, STEP_ACCOUNTS_RESET, "yes");
}

static int
has_proof(const struct checklist *cl)
{
	const char *k = cl_get(cl, STEP_PROOF_KIND);
	return k && strcmp(k, "none") != 0;
}

/* The re-checks: Knox Guard on a Samsung, as the listing or the TAC
 * names it; the registry again where the country has one. */
static int
recheck_samsung(const struct checklist *cl)
{
	const struct kb_brand *b;

	if (samsung(cl))
		return 1;
	if (!cl->tac_brand[0] || !cl->kb)
		return 0;
	b = kb_brand_find(cl->kb, cl->tac_brand);
	return b && strcmp(b->brand, "samsung") == 0;
}

static int
recheck_registry(const struct checklist *cl)
{
	return cl_country_has_check(cl);
}

static int
recheck_notice(const struct checklist *cl)
{
	return cl_is(cl, STEP_RECHECK_NOTICE, "yes");
}

static int
recheck_reference(const struct checklist *cl)
{
	return cl_is(cl, STEP_RECHECK_REGISTRY, "clean") ||
	    cl_is(cl, STEP_RECHECK_REGISTRY, "blocked");
}

/* ----------------------------------------------------------------- steps */

#define YNU "yes|no|unsure"
#define REGISTRY "clean|blocked|no-check|unsure"
#define PROOF_WHEN "proof.kind is not none"

const struct cl_step cl_steps[CL_NSTEPS] = {
	[STEP_LISTING_COUNTRY] = {"listing.country", "listing", CL_COUNTRY, NULL, NULL, NULL, 0},
	[STEP_LISTING_BRAND] = {"listing.brand", "listing", CL_TEXT, NULL, NULL, NULL, 0},
	[STEP_LISTING_MODEL] = {"listing.model", "listing", CL_TEXT, NULL, NULL, NULL, 0},
	[STEP_LISTING_PRICE] = {"listing.price", "listing", CL_AMOUNT, NULL, NULL, NULL, 0},
	[STEP_LISTING_MODE] = {"listing.mode", "listing", CL_CHOICE, "in-person|remote", NULL,
	    NULL, 0},
	[STEP_LISTING_CHALLENGE] = {"listing.challenge", "listing", CL_CHOICE, YNU, cl_remote,
	    "listing.mode is remote", 0},
	[STEP_LISTING_PAYMENT] = {"listing.payment", "listing", CL_CHOICE,
	    "on-delivery|escrow|paid-first", cl_remote, "listing.mode is remote", CL_NEWER},
	[STEP_IDENTITY_DIAL] = {"identity.dial", "identity", CL_CHOICE, "yes|nothing|refused",
	    NULL, NULL, 0},
	[STEP_IDENTITY_IMEI1] = {"identity.imei1", "identity", CL_IDENT, NULL, imei_shown,
	    "identity.dial is not nothing", 0},
	[STEP_IDENTITY_DUAL_SIM] = {"identity.dual_sim", "identity", CL_CHOICE, "yes|no",
	    imei_shown, "identity.dial is not nothing", 0},
	[STEP_IDENTITY_IMEI2] = {"identity.imei2", "identity", CL_IDENT, NULL, dual_sim,
	    "identity.dual_sim is yes", 0},
	[STEP_IDENTITY_EID] = {"identity.eid", "identity", CL_EID, NULL, imei_shown,
	    "identity.dial is not nothing", 0},
	[STEP_IDENTITY_TAC_MODEL] = {"identity.tac_model", "identity", CL_CHOICE, YNU,
	    tac_known, "the TAC of identity.imei1 is in the TAC tables", 0},
	[STEP_IDENTITY_SETTINGS_MATCH] = {"identity.settings_match", "identity", CL_CHOICE, YNU,
	    imei_shown, "identity.dial is not nothing", CL_IN_HAND},
	[STEP_IDENTITY_BOX_MATCH] = {"identity.box_match", "identity", CL_CHOICE,
	    "yes|no|no-box", imei_shown, "identity.dial is not nothing", 0},
	[STEP_IDENTITY_TRAY_MATCH] = {"identity.tray_match", "identity", CL_CHOICE,
	    "yes|no|not-printed", imei_shown, "identity.dial is not nothing", CL_IN_HAND},
	[STEP_REGISTRY_REPLY] = {"registry.reply", "registry", CL_REPLY, NULL, has_replies,
	    "handover knows the replies of the country's check", CL_NEWER},
	[STEP_REGISTRY_RESULT] = {"registry.result", "registry", CL_CHOICE, REGISTRY,
	    result_asked, "registry.reply is not asked, or is other", 0},
	[STEP_REGISTRY_MODEL_MATCH] = {"registry.model_match", "registry", CL_CHOICE, YNU,
	    reply_names_model, "the registry's reply names a make and model", CL_NEWER},
	[STEP_REGISTRY_RESULT2] = {"registry.result2", "registry", CL_CHOICE, REGISTRY,
	    result2_asked, "identity.dual_sim is yes", CL_NEWER},
	[STEP_REGISTRY_REFERENCE] = {"registry.reference", "registry", CL_TEXT, NULL,
	    has_reference, "registry.result is clean or blocked, or a reply was picked", 0},
	[STEP_FINANCE_DISCLOSED] = {"finance.disclosed", "financing", CL_CHOICE,
	    "never|paid-off|still-paying|refused", NULL, NULL, 0},
	[STEP_FINANCE_LENDER] = {"finance.lender", "financing", CL_TEXT, NULL, financed,
	    "finance.disclosed is paid-off or still-paying", 0},
	[STEP_FINANCE_CLOSURE] = {"finance.closure", "financing", CL_CHOICE,
	    "names-imei|no-imei|no", financed, "finance.disclosed is paid-off or still-paying", 0},
	[STEP_FINANCE_APPS] = {"finance.apps", "financing", CL_CHOICE,
	    "yes|unknown-app|no|unsure", NULL, NULL, CL_IN_HAND},
	[STEP_FINANCE_NOTICE] = {"finance.notice", "financing", CL_CHOICE, YNU, NULL, NULL,
	    CL_IN_HAND},
	[STEP_FINANCE_REMINDERS] = {"finance.reminders", "financing", CL_CHOICE, YNU, NULL, NULL,
	    CL_IN_HAND},
	[STEP_FINANCE_KNOX] = {"finance.knox", "financing", CL_CHOICE,
	    "completed|prenormal|checking|active|locked|not-shown", samsung,
	    "listing.brand is Samsung", CL_IN_HAND},
	[STEP_ACCOUNTS_REMOVED] = {"accounts.removed", "accounts", CL_CHOICE, "yes|no", NULL,
	    NULL, CL_IN_HAND},
	[STEP_ACCOUNTS_RESET] = {"accounts.reset", "accounts", CL_CHOICE, "yes|no|refused", NULL,
	    NULL, CL_IN_HAND},
	[STEP_ACCOUNTS_SETUP_LOCK] = {"accounts.setup_lock", "accounts", CL_CHOICE, "yes|no",
	    reset_done, "accounts.reset is yes", CL_IN_HAND},
	[STEP_ACCOUNTS_RECHECK] = {"accounts.recheck", "accounts", CL_CHOICE, YNU, reset_done,
	    "accounts.reset is yes", CL_IN_HAND},
	[STEP_PROOF_KIND] = {"proof.kind", "proof", CL_CHOICE,
	    "invoice|receipt|closure-letter|none", NULL, NULL, 0},
	[STEP_PROOF_ISSUER] = {"proof.issuer", "proof", CL_TEXT, NULL, has_proof, PROOF_WHEN, 0},
	[STEP_PROOF_DATE] = {"proof.date", "proof", CL_DATE, NULL, has_proof, PROOF_WHEN, 0},
	[STEP_PROOF_AMOUNT] = {"proof.amount", "proof", CL_AMOUNT, NULL, has_proof, PROOF_WHEN,
	    0},
	[STEP_PROOF_PAYMENT] = {"proof.payment", "proof", CL_CHOICE, "full|instalments|unknown",
	    has_proof, PROOF_WHEN, 0},
	[STEP_PROOF_IMEI_MATCH] = {"proof.imei_match", "proof", CL_CHOICE, "yes|no|not-shown",
	    has_proof, PROOF_WHEN, 0},
	[STEP_PROOF_FILES] = {"proof.files", "proof", CL_FILES, NULL, NULL, NULL, 0},
	[STEP_SELLER_NAME] = {"seller.name", "seller", CL_TEXT, NULL, NULL, NULL, 0},
	[STEP_SELLER_CONTACT] = {"seller.contact", "seller", CL_TEXT, NULL, NULL, NULL, 0},
	[STEP_SELLER_ID_LAST4] = {"seller.id_last4", "seller", CL_LAST4, NULL, NULL, NULL, 0},
	[STEP_SELLER_DECLARATION] = {"seller.declaration", "seller", CL_CHOICE, "yes|refused",
	    NULL, NULL, 0},
	/* after the sale: record-format.md, "Re-check blocks" */
	[STEP_RECHECK_KNOX] = {"recheck.knox", "recheck", CL_CHOICE,
	    "completed|prenormal|checking|active|locked|not-shown", recheck_samsung,
	    "listing.brand or the IMEI's TAC is Samsung", CL_RECHECK},
	[STEP_RECHECK_APPS] = {"recheck.apps", "recheck", CL_CHOICE, YNU, NULL, NULL,
	    CL_RECHECK},
	[STEP_RECHECK_NOTICE] = {"recheck.notice", "recheck", CL_CHOICE, YNU, NULL, NULL,
	    CL_RECHECK},
	[STEP_RECHECK_NOTICE_TEXT] = {"recheck.notice_text", "recheck", CL_TEXT, NULL,
	    recheck_notice, "recheck.notice is yes", CL_RECHECK},
	[STEP_RECHECK_REGISTRY] = {"recheck.registry", "recheck", CL_CHOICE, REGISTRY,
	    recheck_registry, "the country has a public IMEI check", CL_RECHECK},
	[STEP_RECHECK_REGISTRY_REFERENCE] = {"recheck.registry_reference", "recheck", CL_TEXT,
	    NULL, recheck_reference, "recheck.registry is clean or blocked", CL_RECHECK},
	[STEP_RECHECK_SIM_WORKS] = {"recheck.sim_works", "recheck", CL_CHOICE, "yes|no", NULL,
	    NULL, CL_RECHECK},
};

/* Step ids of older versions, and how their answers read today.  An
 * answers file or a record that uses them keeps working. */
static const struct {
	const char *old_id, *old_value;
	enum cl_id step;
	const char *value;
} aliases[] = {
	/* "Did setup finish without ...?" asked the opposite of its neighbours */
	{"accounts.setup_clean", "yes", STEP_ACCOUNTS_SETUP_LOCK, "no"},
	{"accounts.setup_clean", "no", STEP_ACCOUNTS_SETUP_LOCK, "yes"},
};

/* --------------------------------------------------------------- answers */

void
cl_init(struct checklist *cl, const struct kb *kb, const struct ident_tables *idt,
    const struct words *words)
{
	memset(cl, 0, sizeof *cl);
	cl->kb = kb;
	cl->idt = idt;
	cl->words = words;
}

int
cl_find(const char *id)
{
	size_t i;

	for (i = 0; i < CL_NSTEPS; i++)
		if (strcmp(cl_steps[i].id, id) == 0)
			return (int)i;
	for (i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		if (strcmp(aliases[i].old_id, id) == 0)
			return (int)aliases[i].step;
	return -1;
}

int
cl_alias(const char *id, const char *value, const char **new_value)
{
	size_t i;

	for (i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		if (strcmp(aliases[i].old_id, id) == 0 && strcmp(aliases[i].old_value, value) == 0) {
			*new_value = aliases[i].value;
			return (int)aliases[i].step;
		}
	return -1;
}

int
cl_has_choice(enum cl_id i, const char *v)
{
	const char *c = cl_steps[i].choices;
	size_t n = strlen(v);

	while (c && *c) {
		const char *bar = strchr(c, '|');
		size_t len = bar ? (size_t)(bar - c) : strlen(c);
		if (len == n && strncmp(c, v, n) == 0)
			return 1;
		c = bar ? bar + 1 : c + len;
	}
	return 0;
}

int
cl_is_asked(const struct checklist *cl, enum cl_id i)
{
	if ((unsigned)i >= CL_NSTEPS || cl->state[i] == CL_PASSED ||
	    ((cl_steps[i].flags & CL_RECHECK) && !cl->recheck))
		return 0;
	return !cl_steps[i].asked || cl_steps[i].asked(cl);
}

int
cl_in_session(const struct checklist *cl, enum cl_id i)
{
	return (unsigned)i < CL_NSTEPS && !(cl_steps[i].flags & CL_RECHECK) == !cl->recheck &&
	    cl_is_asked(cl, i);
}

int
cl_next_open(const struct checklist *cl, int i)
{
	for (; i >= 0 && i < CL_NSTEPS; i++)
		if (cl_in_session(cl, (enum cl_id)i) && cl->state[i] == CL_OPEN)
			return i;
	return -1;
}

int
cl_prev(const struct checklist *cl, int i)
{
	while (i-- > 0)
		if (cl_in_session(cl, (enum cl_id)i))
			return i;
	return -1;
}

const char *
cl_get(const struct checklist *cl, enum cl_id i)
{
	if ((unsigned)i >= CL_NSTEPS || cl->state[i] != CL_ANSWERED || !cl_is_asked(cl, i))
		return NULL;
	return cl->value[i];
}

void
cl_answer(struct checklist *cl, enum cl_id i, const char *value)
{
	snprintf(cl->value[i], sizeof cl->value[i], "%s", value);
	cl->state[i] = CL_ANSWERED;
}

void
cl_skip(struct checklist *cl, enum cl_id i)
{
	cl->value[i][0] = '\0';
	cl->state[i] = CL_SKIPPED;
}

void
cl_reopen(struct checklist *cl, enum cl_id i)
{
	cl->state[i] = CL_OPEN;
}

int
cl_add_file(struct checklist *cl, const char *sha256, uint64_t size, const char *name)
{
	struct cl_attachment *a;
	size_t i;

	for (i = 0; i < cl->nfiles; i++)
		if (strcmp(cl->files[i].sha256, sha256) == 0)
			return 1;
	if (cl->nfiles == CL_MAX_FILES)
		return -1;
	a = &cl->files[cl->nfiles++];
	snprintf(a->sha256, sizeof a->sha256, "%s", sha256);
	a->size = size;
	snprintf(a->name, sizeof a->name, "%s", name);
	return 0;
}

const struct kb_brand *
cl_brand(const struct checklist *cl)
{
	const char *b = cl_get(cl, STEP_LISTING_BRAND);
	const struct kb_brand *r = NULL;

	if (!cl->kb)
		return NULL;
	if (b) {
		r = kb_brand_find(cl->kb, b);
		if (!r)
			r = kb_brand_in_text(cl->kb, b, strlen(b));
	}
	return r ? r : kb_brand_generic(cl->kb);
}

const char *
cl_brand_id(const struct checklist *cl)
{
	const struct kb_brand *b = cl_brand(cl);
	return b ? b->brand : "android";
}
