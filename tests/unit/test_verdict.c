/* SPDX-License-Identifier: MIT */
/* test_verdict: every rule of the verdict.  The one-step-one-answer rules
 * are walked from the table the verdict itself reads (cl_rules); the
 * compound ones each have their case here; every reason code has its
 * words. */
#include <stdlib.h>
#include <string.h>

#include "check/checklist.h"
#include "harness.h"
#include "testdata.h"

static struct ident_tables T;
static struct kb KB;
static struct words EN;

static void
fresh(struct checklist *cl)
{
	cl_init(cl, &KB, &T, &EN);
}

static void
set(struct checklist *cl, enum cl_id i, const char *v)
{
	char out[CL_VALUE_MAX];
	struct buf msg;

	buf_init_mem(&msg);
	if (cl_validate(cl, i, v, out, &msg) < 0)
		printf("  cannot set %s = %s: %s\n", cl_steps[i].id, v, buf_str(&msg));
	else
		cl_answer(cl, i, out);
	buf_release(&msg);
}

/* The answers that make step i asked (what the test knows of steps.c). */
static void
make_asked(struct checklist *cl, enum cl_id i)
{
	if (cl_steps[i].flags & CL_RECHECK) {
		/* a re-check on day 1, of a Samsung bought in India */
		set(cl, STEP_LISTING_COUNTRY, "IN");
		set(cl, STEP_LISTING_BRAND, "Samsung");
		cl->recheck = 1;
		cl->recheck_day = 1;
	}
	switch (i) {
	case STEP_LISTING_CHALLENGE:
		set(cl, STEP_LISTING_MODE, "remote");
		break;
	case STEP_LISTING_PAYMENT:
		set(cl, STEP_LISTING_MODE, "remote");
		set(cl, STEP_LISTING_CHALLENGE, "yes");
		break;
	case STEP_FINANCE_KNOX:
		set(cl, STEP_LISTING_BRAND, "Samsung");
		break;
	case STEP_FINANCE_LENDER: case STEP_FINANCE_CLOSURE:
		set(cl, STEP_FINANCE_DISCLOSED, "paid-off");
		break;
	case STEP_ACCOUNTS_SETUP_LOCK: case STEP_ACCOUNTS_RECHECK:
		set(cl, STEP_ACCOUNTS_RESET, "yes");
		break;
	case STEP_REGISTRY_RESULT2:
		set(cl, STEP_IDENTITY_DUAL_SIM, "yes");
		break;
	case STEP_REGISTRY_MODEL_MATCH:
		set(cl, STEP_LISTING_COUNTRY, "KE");
		set(cl, STEP_REGISTRY_REPLY, "make_model");
		break;
	case STEP_PROOF_ISSUER: case STEP_PROOF_DATE: case STEP_PROOF_AMOUNT:
	case STEP_PROOF_PAYMENT: case STEP_PROOF_IMEI_MATCH:
		set(cl, STEP_PROOF_KIND, "invoice");
		break;
	default:
		break;
	}
}

/* The reason codes of the verdict, space-separated, in order. */
static enum cl_level
verdict(const struct checklist *cl, char *codes, size_t cap)
{
	struct cl_reason r[CL_MAX_REASONS];
	size_t n, i;
	enum cl_level l = cl_verdict(cl, r, CL_MAX_REASONS, &n);

	codes[0] = '\0';
	for (i = 0; i < n; i++) {
		strncat(codes, r[i].code, cap - strlen(codes) - 2);
		strcat(codes, " ");
	}
	return l;
}

/* Every row of the table raises its code at its level, alone. */
static void
test_rule_table(void)
{
	struct checklist cl;
	char codes[1024], want[80];
	size_t i;

	fresh(&cl);
	CHECK_INT(verdict(&cl, codes, sizeof codes), CL_GO);
	for (i = 0; i < cl_nrules; i++) {
		const struct cl_rule *r = &cl_rules[i];
		enum cl_level l;
		/* the answer is one of the step's own */
		CHECK(cl_has_choice(r->step, r->answer));
		fresh(&cl);
		make_asked(&cl, r->step);
		CHECK(cl_is_asked(&cl, r->step));
		set(&cl, r->step, r->answer);
		l = verdict(&cl, codes, sizeof codes);
		snprintf(want, sizeof want, "%s ", r->code);
		if (l != r->level || strcmp(codes, want) != 0)
			printf("  %s = %s gave %s %s\n", cl_steps[r->step].id, r->answer,
			    cl_level_name(l), codes);
		CHECK_INT(l, r->level);
		CHECK_STR(codes, want);
	}
}

static void
expect(struct checklist *cl, enum cl_level level, const char *codes_want)
{
	char codes[1024];
	enum cl_level l = verdict(cl, codes, sizeof codes);

	if (l != level || strcmp(codes, codes_want) != 0)
		printf("  gave %s '%s', want %s '%s'\n", cl_level_name(l), codes,
		    cl_level_name(level), codes_want);
	CHECK_INT(l, level);
	CHECK_STR(codes, codes_want);
}

static void
test_identity(void)
{
	struct checklist cl;

	fresh(&cl);
	set(&cl, STEP_IDENTITY_IMEI1, "354178036859788");
	expect(&cl, CL_STOP, "invalid_imei ");
	/* the same IMEI on both SIM slots */
	fresh(&cl);
	set(&cl, STEP_IDENTITY_IMEI1, "354178036859789");
	set(&cl, STEP_IDENTITY_DUAL_SIM, "yes");
	set(&cl, STEP_IDENTITY_IMEI2, "354178036859789");
	expect(&cl, CL_STOP, "imei_slots_same ");
	/* another maker's TAC, confirmed by the buyer: rewritten */
	fresh(&cl);
	set(&cl, STEP_LISTING_BRAND, "Redmi");
	strcpy(cl.tac_brand, "Samsung");
	strcpy(cl.tac_model, "SM-A700FQ");
	set(&cl, STEP_IDENTITY_TAC_MODEL, "no");
	expect(&cl, CL_STOP, "imei_other_maker ");
	/* ... not confirmed: the listing may name the brand wrong */
	set(&cl, STEP_IDENTITY_TAC_MODEL, "yes");
	expect(&cl, CL_CAUTION, "tac_mismatch ");
	/* the same maker, another model */
	fresh(&cl);
	set(&cl, STEP_LISTING_BRAND, "Samsung");
	strcpy(cl.tac_brand, "Samsung");
	strcpy(cl.tac_model, "SM-A700FQ");
	set(&cl, STEP_IDENTITY_TAC_MODEL, "no");
	expect(&cl, CL_CAUTION, "tac_mismatch ");
	set(&cl, STEP_IDENTITY_TAC_MODEL, "unsure");
	expect(&cl, CL_CAUTION, "not_checked ");
	/* an EID that fails its check digits */
	fresh(&cl);
	set(&cl, STEP_IDENTITY_EID, "89049032123451234512345678901234");
	expect(&cl, CL_CAUTION, "invalid_eid ");
}

static void
test_registry(void)
{
	struct checklist cl;

	/* no check run where a public one exists */
	fresh(&cl);
	set(&cl, STEP_LISTING_COUNTRY, "IN");
	set(&cl, STEP_REGISTRY_REPLY, "other");
	set(&cl, STEP_REGISTRY_RESULT, "no-check");
	expect(&cl, CL_CAUTION, "registry_unchecked ");
	/* ... and where there is none, nothing to say */
	fresh(&cl);
	set(&cl, STEP_LISTING_COUNTRY, "PH");
	set(&cl, STEP_REGISTRY_RESULT, "no-check");
	expect(&cl, CL_GO, "");
	fresh(&cl);
	set(&cl, STEP_REGISTRY_RESULT, "unsure");
	expect(&cl, CL_CAUTION, "registry_unchecked ");
	/* the replies' meanings: money owed, not approved, unclear, blocked */
	fresh(&cl);
	set(&cl, STEP_LISTING_COUNTRY, "JP");
	set(&cl, STEP_REGISTRY_REPLY, "instalments_running");
	expect(&cl, CL_STOP, "registry_money_owed ");
	set(&cl, STEP_REGISTRY_REPLY, "paid_off");
	expect(&cl, CL_GO, "");
	set(&cl, STEP_REGISTRY_REPLY, "restricted");
	expect(&cl, CL_STOP, "registry_blocked ");
	set(&cl, STEP_REGISTRY_REPLY, "not_managed");
	expect(&cl, CL_CAUTION, "registry_unclear ");
	fresh(&cl);
	set(&cl, STEP_LISTING_COUNTRY, "PK");
	set(&cl, STEP_REGISTRY_REPLY, "valid");
	expect(&cl, CL_CAUTION, "registry_not_approved ");
	/* the second IMEI's own result */
	fresh(&cl);
	set(&cl, STEP_IDENTITY_DUAL_SIM, "yes");
	set(&cl, STEP_REGISTRY_RESULT, "clean");
	set(&cl, STEP_REGISTRY_RESULT2, "blocked");
	expect(&cl, CL_STOP, "registry_blocked ");
}

static void
test_financing(void)
{
	struct checklist cl;

	/* paid off needs the closure letter, not before it is asked */
	fresh(&cl);
	set(&cl, STEP_FINANCE_DISCLOSED, "paid-off");
	expect(&cl, CL_GO, "");
	set(&cl, STEP_FINANCE_CLOSURE, "no");
	expect(&cl, CL_STOP, "financed_no_closure ");
	cl_skip(&cl, STEP_FINANCE_CLOSURE);
	expect(&cl, CL_STOP, "financed_no_closure not_checked ");
	set(&cl, STEP_FINANCE_CLOSURE, "no-imei");
	expect(&cl, CL_CAUTION, "closure_without_imei ");
	/* an instalment invoice the seller did not disclose */
	fresh(&cl);
	set(&cl, STEP_FINANCE_DISCLOSED, "never");
	set(&cl, STEP_PROOF_KIND, "invoice");
	set(&cl, STEP_PROOF_PAYMENT, "instalments");
	expect(&cl, CL_STOP, "undisclosed_financing ");
	/* "never financed", with a lender's closure letter for proof */
	fresh(&cl);
	set(&cl, STEP_FINANCE_DISCLOSED, "never");
	set(&cl, STEP_PROOF_KIND, "closure-letter");
	expect(&cl, CL_CAUTION, "financing_story_differs ");
}

static void
test_accounts(void)
{
	struct checklist cl;

	/* still signed in, no reset: the classic used-iPhone trap */
	fresh(&cl);
	set(&cl, STEP_LISTING_BRAND, "iPhone");
	set(&cl, STEP_ACCOUNTS_REMOVED, "no");
	set(&cl, STEP_ACCOUNTS_RESET, "no");
	expect(&cl, CL_STOP, "account_still_signed_in ");
	cl_skip(&cl, STEP_ACCOUNTS_RESET);
	expect(&cl, CL_STOP, "account_still_signed_in not_checked ");
	/* not signed out before, but reset in front of the buyer and clean */
	set(&cl, STEP_ACCOUNTS_RESET, "yes");
	set(&cl, STEP_ACCOUNTS_SETUP_LOCK, "no");
	set(&cl, STEP_ACCOUNTS_RECHECK, "no");
	expect(&cl, CL_GO, "");
	/* signed out, but no reset: a clean setup was not seen */
	fresh(&cl);
	set(&cl, STEP_ACCOUNTS_REMOVED, "yes");
	set(&cl, STEP_ACCOUNTS_RESET, "no");
	expect(&cl, CL_CAUTION, "reset_not_done ");
}

static void
test_other(void)
{
	struct checklist cl;
	char codes[1024];

	/* remote without the photo; a skipped step is never a yes */
	fresh(&cl);
	set(&cl, STEP_LISTING_MODE, "remote");
	expect(&cl, CL_CAUTION, "remote_no_challenge ");
	cl_skip(&cl, STEP_LISTING_CHALLENGE);
	verdict(&cl, codes, sizeof codes);
	CHECK(strstr(codes, "remote_no_challenge") != NULL);
	CHECK(strstr(codes, "not_checked") != NULL);
	/* photos: skipped or none, the verdict is the same */
	fresh(&cl);
	cl_skip(&cl, STEP_PROOF_FILES);
	expect(&cl, CL_GO, "");
	set(&cl, STEP_PROOF_FILES, "0");
	expect(&cl, CL_GO, "");
	/* STOP reasons come first */
	fresh(&cl);
	set(&cl, STEP_IDENTITY_BOX_MATCH, "no");
	set(&cl, STEP_IDENTITY_SETTINGS_MATCH, "no");
	expect(&cl, CL_STOP, "imei_settings_differ box_imei_differs ");
}

/* A re-check: only the re-check's steps are asked and judged; the
 * check's answers count for what is asked, not for the verdict. */
static void
test_recheck(void)
{
	struct checklist cl;

	fresh(&cl);
	CHECK(!cl_is_asked(&cl, STEP_RECHECK_APPS));
	CHECK(!cl_in_session(&cl, STEP_RECHECK_APPS));
	CHECK(cl_in_session(&cl, STEP_LISTING_COUNTRY));
	set(&cl, STEP_LISTING_COUNTRY, "IN");
	set(&cl, STEP_LISTING_BRAND, "Redmi");
	set(&cl, STEP_IDENTITY_SETTINGS_MATCH, "no");	/* a STOP at the sale */
	cl.recheck = 1;
	cl.recheck_day = 7;
	/* the check's steps are not asked again; their answers still count */
	CHECK(!cl_in_session(&cl, STEP_LISTING_COUNTRY));
	CHECK(cl_get(&cl, STEP_LISTING_COUNTRY) != NULL);
	CHECK_INT(cl_next_open(&cl, 0), STEP_RECHECK_APPS);	/* no Knox: not Samsung */
	CHECK(cl_is_asked(&cl, STEP_RECHECK_REGISTRY));	/* India has CEIR */
	CHECK(!cl_is_asked(&cl, STEP_RECHECK_NOTICE_TEXT));
	expect(&cl, CL_GO, "");
	set(&cl, STEP_RECHECK_APPS, "no");
	set(&cl, STEP_RECHECK_NOTICE, "no");
	set(&cl, STEP_RECHECK_REGISTRY, "clean");
	set(&cl, STEP_RECHECK_SIM_WORKS, "yes");
	expect(&cl, CL_GO, "");
	/* not sure, skipped, or the registry not run: one reason, by step */
	set(&cl, STEP_RECHECK_APPS, "unsure");
	cl_skip(&cl, STEP_RECHECK_SIM_WORKS);
	set(&cl, STEP_RECHECK_REGISTRY, "no-check");
	expect(&cl, CL_CAUTION, "recheck_not_checked ");
	{
		struct cl_reason r[CL_MAX_REASONS];
		size_t n;
		cl_verdict(&cl, r, CL_MAX_REASONS, &n);
		CHECK_STR(r[0].detail, "recheck.apps, recheck.registry, recheck.sim_works");
	}
	/* a notice on day 7, with its words: STOP, the words in the reason */
	fresh(&cl);
	set(&cl, STEP_LISTING_COUNTRY, "IN");
	cl.recheck = 1;
	cl.recheck_day = 7;
	set(&cl, STEP_RECHECK_NOTICE, "yes");
	CHECK(cl_is_asked(&cl, STEP_RECHECK_NOTICE_TEXT));
	set(&cl, STEP_RECHECK_NOTICE_TEXT, "Device provided by PayJoy");
	set(&cl, STEP_RECHECK_SIM_WORKS, "no");
	expect(&cl, CL_STOP, "recheck_notice recheck_sim_fails ");
	{
		struct cl_reason r[CL_MAX_REASONS];
		size_t n;
		cl_verdict(&cl, r, CL_MAX_REASONS, &n);
		CHECK_STR(r[0].detail, "Device provided by PayJoy");
	}
	/* a registry block names its reference */
	fresh(&cl);
	set(&cl, STEP_LISTING_COUNTRY, "IN");
	cl.recheck = 1;
	cl.recheck_day = 1;
	set(&cl, STEP_RECHECK_REGISTRY, "blocked");
	set(&cl, STEP_RECHECK_REGISTRY_REFERENCE, "CEIR 2026-11-30");
	expect(&cl, CL_STOP, "recheck_registry_blocked ");
	/* a country without a public check: the registry is not asked */
	fresh(&cl);
	set(&cl, STEP_LISTING_COUNTRY, "PH");
	cl.recheck = 1;
	cl.recheck_day = 1;
	CHECK(!cl_country_has_check(&cl));
	CHECK(!cl_is_asked(&cl, STEP_RECHECK_REGISTRY));
	/* less than a day after the sale: CAUTION, whatever the answers */
	fresh(&cl);
	cl.recheck = 1;
	cl.recheck_day = 0;
	expect(&cl, CL_CAUTION, "recheck_too_early ");
	/* Knox on a Samsung: the TAC's brand is enough */
	fresh(&cl);
	cl.recheck = 1;
	cl.recheck_day = 1;
	CHECK(!cl_is_asked(&cl, STEP_RECHECK_KNOX));
	snprintf(cl.tac_brand, sizeof cl.tac_brand, "%s", "Samsung");
	CHECK(cl_is_asked(&cl, STEP_RECHECK_KNOX));
	set(&cl, STEP_RECHECK_KNOX, "active");
	expect(&cl, CL_STOP, "recheck_knox_enrolled ");
}

/* Every code the rules can raise has its words. */
static void
test_codes_have_words(void)
{
	size_t i;

	for (i = 0; i < cl_nrules; i++) {
		CHECK(words_getf(&EN, "reason.%s", cl_rules[i].code) != NULL);
		CHECK(words_getf(&EN, "reason.%s.todo", cl_rules[i].code) != NULL);
	}
	for (i = 0; cl_compound_codes[i]; i++) {
		CHECK(words_getf(&EN, "reason.%s", cl_compound_codes[i]) != NULL);
		CHECK(words_getf(&EN, "reason.%s.todo", cl_compound_codes[i]) != NULL);
	}
}

int
main(void)
{
	testdata_load(&KB, &T, &EN);
	RUN(test_rule_table);
	RUN(test_identity);
	RUN(test_registry);
	RUN(test_financing);
	RUN(test_accounts);
	RUN(test_other);
	RUN(test_recheck);
	RUN(test_codes_have_words);
	words_release(&EN);
	kb_release(&KB);
	ident_tables_release(&T);
	return h_done();
}
