/* SPDX-License-Identifier: MIT */
/* checklist: the steps of the buyer's checklist, when each is asked, and
 * how answers are checked.  The words live in data/checklist.tsv. */
#include <stdio.h>
#include <string.h>

#include "check/checklist.h"
#include "lib/utf8.h"

/* ------------------------------------------------------------ conditions */

static int
is(const struct checklist *cl, const char *id, const char *v)
{
	const char *a = cl_get(cl, id);
	return a && strcmp(a, v) == 0;
}

static int
remote(const struct checklist *cl)
{
	return is(cl, "listing.mode", "remote");
}

static int
dual_sim(const struct checklist *cl)
{
	return is(cl, "identity.dual_sim", "yes");
}

static int
tac_known(const struct checklist *cl)
{
	return cl->tac_brand[0] != '\0';
}

static int
financed(const struct checklist *cl)
{
	return is(cl, "finance.disclosed", "paid-off") || is(cl, "finance.disclosed", "still-paying");
}

static int
samsung(const struct checklist *cl)
{
	const struct kb_brand *b = cl_brand(cl);
	return b && strcmp(b->brand, "samsung") == 0;
}

static int
has_proof(const struct checklist *cl)
{
	const char *k = cl_get(cl, "proof.kind");
	return k && strcmp(k, "none") != 0;
}

static int
has_reference(const struct checklist *cl)
{
	return is(cl, "registry.result", "clean") || is(cl, "registry.result", "blocked");
}

/* ----------------------------------------------------------------- steps */

#define YNU "yes|no|unsure"

const struct cl_step cl_steps[] = {
	{"listing.country", "listing", CL_COUNTRY, NULL, NULL, NULL},
	{"listing.brand", "listing", CL_TEXT, NULL, NULL, NULL},
	{"listing.model", "listing", CL_TEXT, NULL, NULL, NULL},
	{"listing.price", "listing", CL_AMOUNT, NULL, NULL, NULL},
	{"listing.mode", "listing", CL_CHOICE, "in-person|remote", NULL, NULL},
	{"listing.challenge", "listing", CL_CHOICE, YNU, remote, "listing.mode is remote"},
	{"identity.dial", "identity", CL_CHOICE, "yes|refused", NULL, NULL},
	{"identity.imei1", "identity", CL_IDENT, NULL, NULL, NULL},
	{"identity.dual_sim", "identity", CL_CHOICE, "yes|no", NULL, NULL},
	{"identity.imei2", "identity", CL_IDENT, NULL, dual_sim, "identity.dual_sim is yes"},
	{"identity.eid", "identity", CL_EID, NULL, NULL, NULL},
	{"identity.tac_model", "identity", CL_CHOICE, YNU, tac_known,
	    "the TAC of identity.imei1 is in the TAC tables"},
	{"identity.settings_match", "identity", CL_CHOICE, YNU, NULL, NULL},
	{"identity.box_match", "identity", CL_CHOICE, "yes|no|no-box", NULL, NULL},
	{"identity.tray_match", "identity", CL_CHOICE, "yes|no|not-printed", NULL, NULL},
	{"registry.result", "registry", CL_CHOICE, "clean|blocked|no-check|unsure", NULL, NULL},
	{"registry.reference", "registry", CL_TEXT, NULL, has_reference,
	    "registry.result is clean or blocked"},
	{"finance.disclosed", "financing", CL_CHOICE, "never|paid-off|still-paying|refused",
	    NULL, NULL},
	{"finance.lender", "financing", CL_TEXT, NULL, financed,
	    "finance.disclosed is paid-off or still-paying"},
	{"finance.closure", "financing", CL_CHOICE, "names-imei|no-imei|no", financed,
	    "finance.disclosed is paid-off or still-paying"},
	{"finance.apps", "financing", CL_CHOICE, YNU, NULL, NULL},
	{"finance.notice", "financing", CL_CHOICE, YNU, NULL, NULL},
	{"finance.reminders", "financing", CL_CHOICE, YNU, NULL, NULL},
	{"finance.knox", "financing", CL_CHOICE,
	    "completed|prenormal|checking|active|locked|not-shown", samsung,
	    "listing.brand is Samsung"},
	{"accounts.removed", "accounts", CL_CHOICE, "yes|no", NULL, NULL},
	{"accounts.reset", "accounts", CL_CHOICE, "yes|no|refused", NULL, NULL},
	{"accounts.setup_clean", "accounts", CL_CHOICE, "yes|no", NULL, NULL},
	{"accounts.recheck", "accounts", CL_CHOICE, YNU, NULL, NULL},
	{"proof.kind", "proof", CL_CHOICE, "invoice|receipt|closure-letter|none", NULL, NULL},
	{"proof.issuer", "proof", CL_TEXT, NULL, has_proof, "proof.kind is not none"},
	{"proof.date", "proof", CL_DATE, NULL, has_proof, "proof.kind is not none"},
	{"proof.amount", "proof", CL_AMOUNT, NULL, has_proof, "proof.kind is not none"},
	{"proof.payment", "proof", CL_CHOICE, "full|instalments|unknown", has_proof,
	    "proof.kind is not none"},
	{"proof.imei_match", "proof", CL_CHOICE, "yes|no|not-shown", has_proof,
	    "proof.kind is not none"},
	{"proof.files", "proof", CL_FILES, NULL, NULL, NULL},
	{"seller.name", "seller", CL_TEXT, NULL, NULL, NULL},
	{"seller.contact", "seller", CL_TEXT, NULL, NULL, NULL},
	{"seller.id_last4", "seller", CL_LAST4, NULL, NULL, NULL},
	{"seller.declaration", "seller", CL_CHOICE, "yes|refused", NULL, NULL},
};

const size_t cl_nsteps = sizeof cl_steps / sizeof cl_steps[0];

/* --------------------------------------------------------------- answers */

void
cl_init(struct checklist *cl, const struct kb *kb, const struct ident_tables *idt)
{
	memset(cl, 0, sizeof *cl);
	cl->kb = kb;
	cl->idt = idt;
}

int
cl_find(const char *id)
{
	size_t i;

	for (i = 0; i < cl_nsteps; i++)
		if (strcmp(cl_steps[i].id, id) == 0)
			return (int)i;
	return -1;
}

int
cl_is_asked(const struct checklist *cl, size_t i)
{
	return i < cl_nsteps && (!cl_steps[i].asked || cl_steps[i].asked(cl));
}

int
cl_next_open(const struct checklist *cl, size_t i)
{
	for (; i < cl_nsteps; i++)
		if (cl_is_asked(cl, i) && cl->state[i] == CL_OPEN)
			return (int)i;
	return -1;
}

int
cl_prev(const struct checklist *cl, size_t i)
{
	while (i-- > 0)
		if (cl_is_asked(cl, i))
			return (int)i;
	return -1;
}

const char *
cl_get(const struct checklist *cl, const char *id)
{
	int i = cl_find(id);

	if (i < 0 || cl->state[i] != CL_ANSWERED || !cl_is_asked(cl, (size_t)i))
		return NULL;
	return cl->value[i];
}

void
cl_answer(struct checklist *cl, size_t i, const char *value)
{
	size_t n = strlen(value);

	if (n >= CL_VALUE_MAX)
		n = CL_VALUE_MAX - 1;
	memcpy(cl->value[i], value, n);
	cl->value[i][n] = '\0';
	cl->state[i] = CL_ANSWERED;
}

void
cl_skip(struct checklist *cl, size_t i)
{
	cl->value[i][0] = '\0';
	cl->state[i] = CL_SKIPPED;
}

int
cl_add_file(struct checklist *cl, const char *sha256, uint64_t size, const char *name)
{
	struct cl_attachment *a;

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
	const char *b = cl_get(cl, "listing.brand");
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

/* ------------------------------------------------------------ validation */

static void
trim(const char *in, const char **s, size_t *n)
{
	size_t len = strlen(in);

	while (len > 0 && (*in == ' ' || *in == '\t')) {
		in++;
		len--;
	}
	while (len > 0 && (in[len - 1] == ' ' || in[len - 1] == '\t' || in[len - 1] == '\r'))
		len--;
	*s = in;
	*n = len;
}

static char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

/* Common ways of saying the same choice. */
static const char *
synonym(const char *w)
{
	static const char *const map[][2] = {
		{"y", "yes"}, {"n", "no"}, {"not sure", "unsure"}, {"dont know", "unsure"},
		{"don't know", "unsure"}, {"u", "unsure"}, {"in person", "in-person"},
		{"inperson", "in-person"}, {"no box", "no-box"}, {"not printed", "not-printed"},
		{"not shown", "not-shown"}, {"no check", "no-check"}, {"paid off", "paid-off"},
		{"still paying", "still-paying"}, {"names imei", "names-imei"},
		{"no imei", "no-imei"}, {"closure letter", "closure-letter"},
		{"installments", "instalments"}, {"emi", "instalments"},
	};
	size_t i;

	for (i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(map[i][0], w) == 0)
			return map[i][1];
	return w;
}

static int
choice(const struct cl_step *st, const char *s, size_t n, char *out, char *msg, size_t cap)
{
	char w[64];
	const char *v, *c = st->choices;
	size_t i;

	if (n == 0 || n >= sizeof w)
		goto bad;
	for (i = 0; i < n; i++)
		w[i] = lower(s[i]);
	w[n] = '\0';
	v = synonym(w);
	while (*c) {
		const char *bar = strchr(c, '|');
		size_t len = bar ? (size_t)(bar - c) : strlen(c);
		if (strlen(v) == len && strncmp(v, c, len) == 0) {
			memcpy(out, c, len);
			out[len] = '\0';
			return 0;
		}
		if (!bar)
			break;
		c = bar + 1;
	}
bad:
	{
		size_t j = 0;
		const char *p;
		int w2 = snprintf(msg, cap, "type one of: ");

		if (w2 < 0 || (size_t)w2 >= cap)
			return -1;
		j = (size_t)w2;
		for (p = st->choices; *p && j + 3 < cap; p++) {
			if (*p == '|') {
				msg[j++] = ',';
				msg[j++] = ' ';
			} else {
				msg[j++] = *p;
			}
		}
		msg[j] = '\0';
	}
	return -1;
}

static int
valid_date(const char *s, size_t n)
{
	static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y, m, d, i;

	if (n != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1990 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return 0;
	if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return 0;
	return 1;
}

static int
valid_amount(const char *s, size_t n)
{
	size_t i, digits = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= '0' && c <= '9')
			digits++;
		else if (c < 0x20 || c == 0x7f)
			return 0;
	}
	return digits > 0 && n <= 40;
}

static int
valid_text(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return 0;
	return n > 0 && utf8_valid(s, n);
}

static void
copy(char *out, const char *s, size_t n)
{
	if (n >= CL_VALUE_MAX)
		n = CL_VALUE_MAX - 1;
	memcpy(out, s, n);
	out[n] = '\0';
}

int
cl_validate(const struct checklist *cl, size_t i, const char *in, char *out,
    char *msg, size_t cap)
{
	const struct cl_step *st = &cl_steps[i];
	struct ident ids[4];
	const char *s;
	size_t n, k, nids;

	trim(in, &s, &n);
	msg[0] = '\0';
	if (n >= CL_VALUE_MAX - 1) {
		snprintf(msg, cap, "that is too long: at most %d characters", CL_VALUE_MAX - 2);
		return -1;
	}
	switch (st->type) {
	case CL_CHOICE:
		return choice(st, s, n, out, msg, cap);
	case CL_COUNTRY:
		if (n != 2 || !((s[0] | 32) >= 'a' && (s[0] | 32) <= 'z') ||
		    !((s[1] | 32) >= 'a' && (s[1] | 32) <= 'z')) {
			snprintf(msg, cap, "type the two-letter country code, e.g. IN, KE, BR, US");
			return -1;
		}
		out[0] = (char)(s[0] & ~32);
		out[1] = (char)(s[1] & ~32);
		out[2] = '\0';
		if (cl->kb && !kb_country_checks(cl->kb, out, &k)) {
			snprintf(msg, cap, "handover has no registry data for %s yet; the other "
			    "checks still apply", out);
			return 1;
		}
		return 0;
	case CL_TEXT:
		if (!valid_text(s, n)) {
			snprintf(msg, cap, "type one line of text (or 'skip')");
			return -1;
		}
		copy(out, s, n);
		return 0;
	case CL_AMOUNT:
		if (!valid_amount(s, n)) {
			snprintf(msg, cap, "type the amount with digits, e.g. 12000 INR");
			return -1;
		}
		copy(out, s, n);
		return 0;
	case CL_DATE:
		if (!valid_date(s, n)) {
			snprintf(msg, cap, "type the date as YYYY-MM-DD, e.g. 2026-03-14");
			return -1;
		}
		copy(out, s, n);
		return 0;
	case CL_LAST4:
		for (k = 0; k < n; k++)
			if (!((s[k] >= '0' && s[k] <= '9') || ((s[k] | 32) >= 'a' && (s[k] | 32) <= 'z')))
				break;
		if (n > 4) {
			snprintf(msg, cap, "type only the last 4 characters: handover never keeps "
			    "a whole ID number");
			return -1;
		}
		if (n != 4 || k != n) {
			snprintf(msg, cap, "type the last 4 letters or digits of the ID number");
			return -1;
		}
		copy(out, s, n);
		return 0;
	case CL_FILES:
		if (!valid_text(s, n)) {
			snprintf(msg, cap, "type a file path, or 'done'");
			return -1;
		}
		copy(out, s, n);
		return 0;
	case CL_EID:
		if (n == 4 && lower(s[0]) == 'n' && lower(s[1]) == 'o' && lower(s[2]) == 'n' &&
		    lower(s[3]) == 'e') {
			strcpy(out, "none");
			return 0;
		}
		/* FALLTHROUGH */
	case CL_IDENT:
		nids = cl->idt ? ident_parse_line(cl->idt, s, n, ids, 4) : 0;
		if (nids != 1) {
			snprintf(msg, cap, nids == 0 ? "type the number the phone shows" :
			    "type one number at a time");
			return -1;
		}
		if (st->type == CL_EID && ids[0].kind != IDENT_EID) {
			snprintf(msg, cap, "an EID has 32 digits; type it, or 'none'");
			return -1;
		}
		if (st->type == CL_IDENT && ids[0].kind != IDENT_IMEI && ids[0].kind != IDENT_MEID &&
		    ids[0].kind != IDENT_UNKNOWN) {
			snprintf(msg, cap, "that is an %s, not an IMEI: type the 15-digit IMEI",
			    ident_kind_name(ids[0].kind));
			return -1;
		}
		if (ids[0].problem == IDENT_SCIENTIFIC_NOTATION || ids[0].normalized[0] == '\0') {
			snprintf(msg, cap, "%s", ids[0].message);
			return -1;
		}
		copy(out, ids[0].normalized, strlen(ids[0].normalized));
		if (ids[0].problem != IDENT_OK) {
			snprintf(msg, cap, "%s: %s", ident_problem_code(ids[0].problem),
			    ids[0].message);
			return 1;
		}
		return 0;
	}
	return -1;
}
