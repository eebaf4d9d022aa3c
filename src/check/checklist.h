/* SPDX-License-Identifier: MIT */
/* checklist: the buyer's checklist as data and rules.  steps.c: the steps,
 * their answers and when each is asked; validate.c: what an answer may
 * be; verdict.c: GO, CAUTION or STOP and why; render.c: the words with
 * their {placeholders} filled.  Pure: session.c drives it for the front
 * ends, which read, print, hash files and save. */
#ifndef HANDOVER_CHECKLIST_H
#define HANDOVER_CHECKLIST_H

#include <stddef.h>
#include <stdint.h>

#include "check/words.h"
#include "ident/ident.h"
#include "ident/tac.h"
#include "kb/kb.h"
#include "lib/buf.h"
#include "lib/error.h"

/* Every step, in the order asked.  Their string ids (steps.c) are a
 * public interface: answers files and records use them. */
enum cl_id {
	STEP_LISTING_COUNTRY, STEP_LISTING_BRAND, STEP_LISTING_MODEL, STEP_LISTING_PRICE,
	STEP_LISTING_MODE, STEP_LISTING_CHALLENGE, STEP_LISTING_PAYMENT,
	STEP_IDENTITY_DIAL, STEP_IDENTITY_IMEI1, STEP_IDENTITY_DUAL_SIM, STEP_IDENTITY_IMEI2,
	STEP_IDENTITY_EID, STEP_IDENTITY_TAC_MODEL, STEP_IDENTITY_SETTINGS_MATCH,
	STEP_IDENTITY_BOX_MATCH, STEP_IDENTITY_TRAY_MATCH,
	STEP_REGISTRY_REPLY, STEP_REGISTRY_RESULT, STEP_REGISTRY_MODEL_MATCH,
	STEP_REGISTRY_RESULT2, STEP_REGISTRY_REFERENCE,
	STEP_FINANCE_DISCLOSED, STEP_FINANCE_LENDER, STEP_FINANCE_CLOSURE, STEP_FINANCE_APPS,
	STEP_FINANCE_NOTICE, STEP_FINANCE_REMINDERS, STEP_FINANCE_KNOX,
	STEP_ACCOUNTS_REMOVED, STEP_ACCOUNTS_RESET, STEP_ACCOUNTS_SETUP_LOCK,
	STEP_ACCOUNTS_RECHECK,
	STEP_PROOF_KIND, STEP_PROOF_ISSUER, STEP_PROOF_DATE, STEP_PROOF_AMOUNT,
	STEP_PROOF_PAYMENT, STEP_PROOF_IMEI_MATCH, STEP_PROOF_FILES,
	STEP_SELLER_NAME, STEP_SELLER_CONTACT, STEP_SELLER_ID_LAST4, STEP_SELLER_DECLARATION,
	/* the re-checks after the sale (CL_RECHECK): asked only in a re-check */
	STEP_RECHECK_KNOX, STEP_RECHECK_APPS, STEP_RECHECK_NOTICE, STEP_RECHECK_NOTICE_TEXT,
	STEP_RECHECK_REGISTRY, STEP_RECHECK_REGISTRY_REFERENCE, STEP_RECHECK_SIM_WORKS,
	CL_NSTEPS
};

/* The first re-check step: the steps from it on are CL_RECHECK. */
#define CL_RECHECK_FIRST STEP_RECHECK_KNOX

enum cl_type {
	CL_CHOICE,		/* one of the step's choices */
	CL_COUNTRY,		/* ISO 3166 alpha-2, or a country's name */
	CL_TEXT,		/* one line of text */
	CL_AMOUNT,		/* a number with an optional currency */
	CL_DATE,		/* a date, stored as YYYY-MM-DD */
	CL_IDENT,		/* an IMEI or MEID, checked by the engine */
	CL_EID,			/* an EID, or "none" */
	CL_LAST4,		/* the last 4 characters of an ID document */
	CL_FILES,		/* files, one an answer, until "done" */
	CL_REPLY		/* one of the country's registry replies, or "other" */
};

enum cl_state {
	CL_OPEN, CL_ANSWERED, CL_SKIPPED,
	CL_PASSED	/* a CL_NEWER step an answers file left out: not asked */
};

/* Step flags. */
#define CL_IN_HAND 1		/* needs the phone in the buyer's hands */
#define CL_NEWER 2		/* added after 0.1: an answers file may leave it out */
#define CL_RECHECK 4		/* a re-check after the sale's: asked only when
				 * the checklist is in a re-check (cl->recheck) */

struct checklist;

struct cl_step {
	const char *id;		/* stable, e.g. "identity.imei1" */
	const char *section;	/* "listing", "identity", ... */
	enum cl_type type;
	const char *choices;	/* "yes|no|unsure" for CL_CHOICE, else NULL */
	int (*asked)(const struct checklist *cl);	/* NULL: always */
	const char *when;	/* the condition in words, for --steps */
	int flags;		/* CL_IN_HAND, CL_NEWER */
};

extern const struct cl_step cl_steps[CL_NSTEPS];

#define CL_VALUE_MAX 256
#define CL_MAX_FILES 16

struct cl_attachment {
	char sha256[65];
	uint64_t size;
	char name[CL_VALUE_MAX];
};

/* The answers so far and what they are checked against. */
struct checklist {
	const struct kb *kb;			/* borrowed, may be NULL */
	const struct ident_tables *idt;		/* borrowed, may be NULL */
	const struct words *words;		/* borrowed, may be NULL */
	enum cl_state state[CL_NSTEPS];
	char value[CL_NSTEPS][CL_VALUE_MAX];	/* kept when reopened: the default */
	struct cl_attachment files[CL_MAX_FILES];
	size_t nfiles;
	char challenge[8];	/* remote purchases: the code for the photo */
	char tac_brand[128];	/* the TAC tables' brand and model of IMEI 1 */
	char tac_model[256];
	char today[11];		/* YYYY-MM-DD: later dates are refused */
	/* A re-check of a sealed check: the check's answers are as sealed
	 * and count, only the CL_RECHECK steps are asked and judged. */
	int recheck;
	long recheck_day;	/* whole days from the sale to the re-check */
};

enum cl_level { CL_GO, CL_CAUTION, CL_STOP };

struct cl_reason {
	const char *code;	/* e.g. "financed_no_closure" */
	enum cl_level level;
	enum cl_id step;	/* the step that raised it */
	char detail[160];	/* filled into {detail} */
};

#define CL_MAX_REASONS 48

/* ---- steps.c */

void cl_init(struct checklist *cl, const struct kb *kb, const struct ident_tables *idt,
    const struct words *words);
/* The step called id, or -1.  Ids an older version used are found too
 * (cl_alias maps their answers). */
int cl_find(const char *id);
/* An answer given under an older step id (e.g. accounts.setup_clean) as
 * today's step and answer; returns the step, or -1 when id is no alias. */
int cl_alias(const char *id, const char *value, const char **new_value);
/* 1 when step i is asked, given the answers so far: its answer counts.
 * In a re-check the check's steps are asked (their answers, as sealed,
 * count) but not asked again: see cl_in_session. */
int cl_is_asked(const struct checklist *cl, enum cl_id i);
/* 1 when step i is asked in this session: a check's steps in a check,
 * the re-check's in a re-check. */
int cl_in_session(const struct checklist *cl, enum cl_id i);
/* The first step in the session at or after i that is still open, or -1. */
int cl_next_open(const struct checklist *cl, int i);
/* The step in the session before i, or -1. */
int cl_prev(const struct checklist *cl, int i);
/* The answer to step i, or NULL when open, skipped or not asked. */
const char *cl_get(const struct checklist *cl, enum cl_id i);
/* 1 when step i was answered v. */
int cl_is(const struct checklist *cl, enum cl_id i, const char *v);
/* 1 when the answer v is one of step i's choices. */
int cl_has_choice(enum cl_id i, const char *v);
/* Records a normalized answer.  Later steps no longer asked keep their
 * answers but count as not asked. */
void cl_answer(struct checklist *cl, enum cl_id i, const char *value);
void cl_skip(struct checklist *cl, enum cl_id i);
/* Opens step i again, keeping its answer as the default. */
void cl_reopen(struct checklist *cl, enum cl_id i);
/* Adds a hashed attachment: 0, 1 when the same file is there already, or
 * -1 when there are CL_MAX_FILES. */
int cl_add_file(struct checklist *cl, const char *sha256, uint64_t size, const char *name);
/* The brand row for the claimed brand (generic Android when unknown). */
const struct kb_brand *cl_brand(const struct checklist *cl);
/* The claimed brand's id ("samsung", "apple", "android" when unknown). */
const char *cl_brand_id(const struct checklist *cl);
/* 1 when the purchase is remote. */
int cl_remote(const struct checklist *cl);
/* The country's registry replies the buyer may pick, *n set (NULL: none). */
const struct kb_reply *cl_replies(const struct checklist *cl, size_t *n);
/* 1 when the buyer's country has a public IMEI check. */
int cl_country_has_check(const struct checklist *cl);

/* ---- validate.c */

/* Checks an answer typed for step i and writes its normalized form to out
 * (CL_VALUE_MAX bytes).  Returns 0 (valid; msg may confirm it), 1
 * (accepted with a warning in msg: e.g. an invalid IMEI typed as the phone
 * shows it), or -1 with msg saying what to type.  Command words (back,
 * skip, ...) are the session's. */
int cl_validate(const struct checklist *cl, enum cl_id i, const char *in, char *out,
    struct buf *msg);
/* The choices of step i as shown, in order: each answer word and its
 * label in the buyer's words.  Returns how many (at most max). */
struct cl_choice {
	char answer[32];
	const char *label;
};
size_t cl_choices(const struct checklist *cl, enum cl_id i, struct cl_choice *out,
    size_t max);

/* ---- verdict.c */

/* The verdict and its reasons (STOP ones first, each group in rule order).
 * In a re-check: the re-check's rules over its answers only. */
enum cl_level cl_verdict(const struct checklist *cl, struct cl_reason *out, size_t max,
    size_t *n);
const char *cl_level_name(enum cl_level l);	/* "GO", "CAUTION", "STOP" */
/* One-step-one-answer rules, the table the verdict and its test walk;
 * then the codes that only the compound rules raise (NULL-terminated).
 * Together they are every reason code there is. */
struct cl_rule {
	enum cl_id step;
	const char *answer;
	const char *code;
	enum cl_level level;
};
extern const struct cl_rule cl_rules[];
extern const size_t cl_nrules;
extern const char *const cl_compound_codes[];

/* ---- render.c */

/* Writes tmpl with its {placeholders} filled from the answers, the
 * knowledge base and the words; extra (may be NULL) adds named values. */
void cl_render(const struct checklist *cl, const char *tmpl, const struct fill *extra,
    struct buf *out);
/* The words of key for step i's context: the brand's variant
 * ("key@apple"), the remote one ("key@remote"), else key. */
const char *cl_words(const struct checklist *cl, const char *key);
/* A step's label, question or help ("label", "question", "help"). */
const char *cl_step_words(const struct checklist *cl, enum cl_id i, const char *part);
/* A reason's sentence (todo 0) or what to do (todo 1), rendered: {detail}
 * with step ids named by their labels. */
void cl_reason_text(const struct checklist *cl, const struct cl_reason *r, int todo,
    struct buf *out);
/* A section's title ("identity" -> "The phone's identity"). */
const char *cl_section_title(const struct checklist *cl, const char *section);
/* The answer v of step i in the buyer's words (a choice's label, "3
 * files", a text as typed). */
void cl_answer_words(const struct checklist *cl, enum cl_id i, const char *v,
    struct buf *out);

/* Checks that words has every step's and reason's words (English must).
 * Returns 0 or -1 with e naming the first missing key. */
int cl_words_check(const struct words *words, struct error *e);

#endif
