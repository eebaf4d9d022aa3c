/* SPDX-License-Identifier: MIT */
/* validate: what an answer to each step may be, as people type it (local
 * words and digits, numbers for choices, names for countries), and the
 * normalized value the record keeps; the messages come from the words. */
#include <stdio.h>
#include <string.h>

#include "check/checklist.h"
#include "lib/utf8.h"

#define FOLD_MAX (CL_VALUE_MAX * 3)

/* ---------------------------------------------------------------- helpers */

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

static size_t
fold(const char *s, size_t n, char *out, size_t cap)
{
	return words_fold(s, n, out, cap);
}

/* The value of a number typed in any script's digits (no sign, no
 * separators), or -1. */
static long
small_number(const char *s, size_t n)
{
	long v = 0;
	size_t i = 0;

	if (n == 0)
		return -1;
	while (i < n) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		int d = utf8_digit(cp);
		if (d < 0 || v > 1000)
			return -1;
		v = v * 10 + d;
		i += len;
	}
	return v;
}

static void
say(const struct checklist *cl, struct buf *msg, const char *key, const struct fill *f)
{
	const char *t = words_get(cl->words, key);

	words_fill(msg, t ? t : key, f);
}

/* ---------------------------------------------------------------- choices */

size_t
cl_choices(const struct checklist *cl, enum cl_id i, struct cl_choice *out, size_t max)
{
	const char *c = cl_steps[i].choices;
	size_t n = 0;

	if (cl_steps[i].type == CL_REPLY) {
		const struct kb_reply *r;
		size_t k, nr;
		if ((r = cl_replies(cl, &nr)) != NULL)
			for (k = 0; k < nr && n + 1 < max; k++, n++) {
				snprintf(out[n].answer, sizeof out[n].answer, "%s", r[k].reply);
				out[n].label = r[k].shown;
			}
		c = "other";
	}
	while (c && *c && n < max) {
		size_t len = strcspn(c, "|");
		const char *label;
		snprintf(out[n].answer, sizeof out[n].answer, "%.*s", (int)len, c);
		label = words_getf(cl->words, "choice.%s.%s", cl_steps[i].id, out[n].answer);
		if (!label)
			label = words_getf(cl->words, "choice.%s", out[n].answer);
		out[n].label = label ? label : out[n].answer;
		n++;
		c += len;
		if (*c)
			c++;
	}
	return n;
}

/* 1 when w is choice k's own word or label, or a word for it at step i. */
static int
choice_is(const struct cl_choice *ch, size_t k, const char *w, const struct checklist *cl,
    enum cl_id i)
{
	char f[FOLD_MAX], key[WORDS_KEY_MAX];

	fold(ch[k].answer, strlen(ch[k].answer), f, sizeof f);
	if (strcmp(f, w) == 0)
		return 1;
	fold(ch[k].label, strlen(ch[k].label), f, sizeof f);
	if (strcmp(f, w) == 0)
		return 1;
	snprintf(key, sizeof key, "answer.%.40s.%.40s", cl_steps[i].id, ch[k].answer);
	return words_match(cl->words, key, w);
}

/* The choice an answer names: its number, its word, one of the words the
 * buyer's language (or English) has for it, or its label. */
static int
choice(const struct checklist *cl, enum cl_id i, const char *s, size_t n, char *out,
    struct buf *msg)
{
	struct cl_choice ch[16];
	size_t nch = cl_choices(cl, i, ch, 16), k;
	char w[FOLD_MAX];
	long num = small_number(s, n);

	if (num >= 1 && (size_t)num <= nch) {
		snprintf(out, CL_VALUE_MAX, "%s", ch[num - 1].answer);
		return 0;
	}
	fold(s, n, w, sizeof w);
	/* the choice's own word or label, or the words for it at this step
	 * ("wala": no box), before the common words for any step ("wala":
	 * no), so a step's own meaning wins */
	for (k = 0; k < nch && w[0]; k++)
		if (choice_is(ch, k, w, cl, i))
			goto found;
	for (k = 0; k < nch && w[0]; k++) {
		char key[WORDS_KEY_MAX];
		snprintf(key, sizeof key, "answer.%.31s", ch[k].answer);
		if (words_match(cl->words, key, w))
			goto found;
	}
	{
		struct buf list;
		struct fill fl[2] = {{"choices", ""}, {NULL, NULL}};

		buf_init_mem(&list);
		for (k = 0; k < nch; k++)
			buf_printf(&list, "%s%zu %s", k ? ", " : "", k + 1, ch[k].label);
		fl[0].value = buf_str(&list);
		say(cl, msg, "msg.choice", fl);
		buf_release(&list);
	}
	return -1;
found:
	snprintf(out, CL_VALUE_MAX, "%.31s", ch[k].answer);
	return 0;
}

/* ---------------------------------------------------------------- country */

static int
country(const struct checklist *cl, const char *s, size_t n, char *out, struct buf *msg)
{
	char w[FOLD_MAX], f[FOLD_MAX];
	size_t k;

	fold(s, n, w, sizeof w);
	out[0] = '\0';
	/* a name first (the buyer's words may call a country "RI" or "UK"),
	 * then a two-letter code */
	for (k = 0; !out[0] && cl->kb && k < cl->kb->nchecks; k++) {
		const struct kb_check *c = &cl->kb->checks[k];
		char key[16];
		const char *local;
		snprintf(key, sizeof key, "country.%s", c->code);
		local = words_get(cl->words, key);
		fold(c->name, strlen(c->name), f, sizeof f);
		if (strcmp(f, w) == 0 || (local && words_match(cl->words, key, w)))
			snprintf(out, CL_VALUE_MAX, "%s", c->code);
	}
	if (!out[0] && n == 2 && ((s[0] | 32) >= 'a' && (s[0] | 32) <= 'z') &&
	    ((s[1] | 32) >= 'a' && (s[1] | 32) <= 'z')) {
		out[0] = (char)(s[0] & ~32);
		out[1] = (char)(s[1] & ~32);
		out[2] = '\0';
	}
	if (!out[0]) {
		say(cl, msg, "msg.country", NULL);
		return -1;
	}
	if (cl->kb && !kb_country_checks(cl->kb, out, &k)) {
		struct fill fl[] = {{"country", out}, {NULL, NULL}};
		say(cl, msg, "msg.country_unknown", fl);
		return 1;
	}
	return 0;
}

/* ------------------------------------------------------ amounts and dates */

/* An amount as typed, its digits in ASCII: "₹ ४५,०००" -> "₹ 45,000".
 * Refuses a sign, a date, and text without digits. */
static int
amount(const struct checklist *cl, const char *s, size_t n, char *out, struct buf *msg)
{
	size_t i = 0, j = 0, digits = 0, seps = 0;

	while (i < n && j + 5 < CL_VALUE_MAX) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		int d = utf8_digit(cp);

		if (cp < 0x20 || cp == 0x7f)
			goto bad;
		if (d >= 0) {
			out[j++] = (char)('0' + d);
			digits++;
		} else {
			if ((cp == '-' || cp == 0x2212) && !(digits && i + len == n)) {
				/* a minus before the number, or a date's dash; a dash
				 * at the end ("Rp 2.500.000,-") says "no cents" */
				say(cl, msg, digits ? "msg.amount_date" : "msg.amount_negative", NULL);
				return -1;
			}
			if (cp == '/' && digits) {
				say(cl, msg, "msg.amount_date", NULL);
				return -1;
			}
			seps += cp == '.' || cp == ',';
			memcpy(out + j, s + i, len);
			j += len;
		}
		i += len;
	}
	out[j] = '\0';
	if (digits > 0 && seps <= 4 && n <= 60)
		return 0;
bad:
	say(cl, msg, "msg.amount", NULL);
	return -1;
}

static int
days_in(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) ? 29 : days[m - 1];
}

/* Up to three numbers of a date in any script, separated by - / . or
 * spaces.  Returns how many were read, with the digits of each in len. */
static int
date_parts(const char *s, size_t n, int v[3], int len[3])
{
	size_t i = 0;
	int k = 0;

	v[0] = v[1] = v[2] = len[0] = len[1] = len[2] = 0;
	while (i < n) {
		uint32_t cp;
		size_t l = utf8_decode(s + i, n - i, &cp);
		int d = utf8_digit(cp);

		if (d >= 0) {
			if (k == 3 || len[k] >= 4)
				return -1;
			v[k] = v[k] * 10 + d;
			len[k]++;
		} else if (cp == '-' || cp == '/' || cp == '.' || cp == ' ') {
			if (len[k] == 0 || k == 2)
				return -1;
			k++;
		} else {
			return -1;
		}
		i += l;
	}
	return len[k] ? k + 1 : -1;
}

/* A date as people write it: 2026-03-14, 14/03/2026, 14.03.2026 (day
 * first, or month first where the buyer's words say "mdy"), written back
 * as YYYY-MM-DD; never after today. */
static int
date(const struct checklist *cl, const char *s, size_t n, char *out, struct buf *msg)
{
	int v[3], len[3], y, m, d;
	const char *order = words_get(cl->words, "date.order");

	if (date_parts(s, n, v, len) != 3)
		goto bad;
	if (len[0] == 4) {
		y = v[0], m = v[1], d = v[2];
	} else if (len[2] == 4) {
		y = v[2];
		/* day first unless the language writes month first, and the
		 * unambiguous either way */
		if (v[0] > 12 || (v[1] <= 12 && !(order && strcmp(order, "mdy") == 0)))
			d = v[0], m = v[1];
		else
			m = v[0], d = v[1];
	} else {
		goto bad;
	}
	if (y < 1990 || m < 1 || m > 12 || d < 1 || d > days_in(y, m))
		goto bad;
	snprintf(out, CL_VALUE_MAX, "%04d-%02d-%02d", y, m, d);
	if (cl->today[0] && strcmp(out, cl->today) > 0) {
		struct fill fl[] = {{"date", out}, {"today", cl->today}, {NULL, NULL}};
		say(cl, msg, "msg.date_future", fl);
		return -1;
	}
	if (len[0] != 4) {
		struct fill fl[] = {{"date", out}, {NULL, NULL}};
		say(cl, msg, "msg.date_read", fl);
	}
	return 0;
bad:
	say(cl, msg, "msg.date", NULL);
	return -1;
}

/* ------------------------------------------------------------ identifiers */

static int
ident(const struct checklist *cl, enum cl_id i, const char *s, size_t n, char *out,
    struct buf *msg)
{
	enum cl_type type = cl_steps[i].type;
	struct ident ids[4];
	size_t nids;
	char f[FOLD_MAX];

	if (type == CL_EID && fold(s, n, f, sizeof f) > 0 && (strcmp(f, "none") == 0 ||
	    words_match(cl->words, "answer.none", f))) {
		strcpy(out, "none");
		return 0;
	}
	nids = cl->idt ? ident_parse_line(cl->idt, s, n, ids, 4) : 0;
	if (nids != 1) {
		say(cl, msg, nids == 0 ? (type == CL_EID ? "msg.eid" : "msg.imei_none") :
		    "msg.imei_many", NULL);
		return -1;
	}
	if (type == CL_EID && ids[0].kind != IDENT_EID) {
		say(cl, msg, "msg.eid", NULL);
		return -1;
	}
	if (type == CL_IDENT && ids[0].kind != IDENT_IMEI && ids[0].kind != IDENT_MEID &&
	    ids[0].kind != IDENT_UNKNOWN) {
		struct fill fl[] = {{"kind", ident_kind_name(ids[0].kind)}, {NULL, NULL}};
		say(cl, msg, "msg.not_imei", fl);
		return -1;
	}
	if (ids[0].problem != IDENT_OK) {
		/* the engine explains in English; other languages say the
		 * problem in their own words */
		const char *own = cl->words && strcmp(cl->words->lang, "en") != 0 ?
		    words_getf(cl->words, "problem.%s", ident_problem_code(ids[0].problem)) : NULL;
		struct fill fl[] = {{"why", own ? own : ids[0].message}, {NULL, NULL}};

		if (ids[0].problem == IDENT_SCIENTIFIC_NOTATION || ids[0].normalized[0] == '\0') {
			/* nothing to keep: the buyer types it again */
			if (own)
				say(cl, msg, "msg.ident_invalid", fl);
			else
				buf_puts(msg, ids[0].message);
			return -1;
		}
		snprintf(out, CL_VALUE_MAX, "%s", ids[0].normalized);
		say(cl, msg, "msg.ident_invalid", fl);
		return 1;
	}
	if (ids[0].normalized[0] == '\0') {
		buf_puts(msg, ids[0].message);
		return -1;
	}
	snprintf(out, CL_VALUE_MAX, "%s", ids[0].normalized);
	{
		struct fill fl[] = {{"kind", type == CL_EID ? "EID" : ids[0].kind == IDENT_MEID ?
		    "MEID" : "IMEI"}, {"value", out}, {NULL, NULL}};
		say(cl, msg, "msg.ident_valid", fl);
	}
	return 0;
}

/* ------------------------------------------------------------------ other */

static int
valid_text(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return 0;
	if (!utf8_valid(s, n))
		return 0;
	/* C1 controls (U+0080-U+009F) are terminal commands, not text */
	for (i = 0; i + 1 < n; i++)
		if ((unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] < 0xA0)
			return 0;
	return n > 0;
}

/* The last 4 letters or digits of an ID document, local digits in ASCII. */
static int
last4(const struct checklist *cl, const char *s, size_t n, char *out, struct buf *msg)
{
	size_t i = 0, k = 0, other = 0;

	while (i < n) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		int d = utf8_digit(cp);
		if (k < 8 && d >= 0)
			out[k++] = (char)('0' + d);
		else if (k < 8 && ((cp | 32) >= 'a' && (cp | 32) <= 'z'))
			out[k++] = (char)(cp & ~32u);
		else if (cp != ' ')
			other++;
		i += len;
	}
	out[k < 8 ? k : 8] = '\0';
	if (k > 4) {
		out[0] = '\0';
		say(cl, msg, "msg.last4_long", NULL);
		return -1;
	}
	if (k != 4 || other) {
		out[0] = '\0';
		say(cl, msg, "msg.last4", NULL);
		return -1;
	}
	return 0;
}

/* A file path as people paste it: quoted, or with spaces. */
static int
path(const struct checklist *cl, const char *s, size_t n, char *out, struct buf *msg)
{
	if (n >= 2 && (s[0] == '"' || s[0] == '\'') && s[n - 1] == s[0]) {
		s++;
		n -= 2;
	}
	if (!valid_text(s, n)) {
		say(cl, msg, "msg.path", NULL);
		return -1;
	}
	snprintf(out, CL_VALUE_MAX, "%.*s", (int)n, s);
	return 0;
}

int
cl_validate(const struct checklist *cl, enum cl_id i, const char *in, char *out,
    struct buf *msg)
{
	const char *s;
	size_t n;

	trim(in, &s, &n);
	out[0] = '\0';
	if (n >= CL_VALUE_MAX - 1) {
		char max[16];
		struct fill fl[] = {{"max", max}, {NULL, NULL}};
		snprintf(max, sizeof max, "%d", CL_VALUE_MAX - 2);
		say(cl, msg, "msg.too_long", fl);
		return -1;
	}
	switch (cl_steps[i].type) {
	case CL_CHOICE:
	case CL_REPLY:
		return choice(cl, i, s, n, out, msg);
	case CL_COUNTRY:
		return country(cl, s, n, out, msg);
	case CL_TEXT:
		if (!valid_text(s, n)) {
			say(cl, msg, "msg.text", NULL);
			return -1;
		}
		snprintf(out, CL_VALUE_MAX, "%.*s", (int)n, s);
		return 0;
	case CL_AMOUNT:
		return amount(cl, s, n, out, msg);
	case CL_DATE:
		return date(cl, s, n, out, msg);
	case CL_LAST4:
		return last4(cl, s, n, out, msg);
	case CL_FILES:
		return path(cl, s, n, out, msg);
	case CL_EID:
	case CL_IDENT:
		return ident(cl, i, s, n, out, msg);
	}
	return -1;
}
