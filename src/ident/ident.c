/* SPDX-License-Identifier: MIT */
/* ident: classifying one cleaned identifier: kind, check digits,
 * placeholders, components, and a message that says what to do. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ident/ident.h"

static const char *const kind_names[] = {
	"unknown", "imei", "imeisv", "meid", "esn", "eid"
};

static const char *const problem_codes[] = {
	NULL, "bad_length", "not_digits", "bad_check_digit",
	"missing_check_digit", "scientific_notation", "placeholder",
	"bad_component"
};

const char *
ident_kind_name(enum ident_kind k)
{
	return kind_names[k];
}

const char *
ident_problem_code(enum ident_problem p)
{
	return problem_codes[p];
}

int
ident_parse_digits(const char *p, size_t n, uint64_t *out)
{
	uint64_t v = 0;
	size_t i;

	if (n == 0 || n > 19)
		return -1;
	for (i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return -1;
		v = v * 10 + (uint64_t)(p[i] - '0');
	}
	*out = v;
	return 0;
}

/* ------------------------------------------------------------ arithmetic */

int
ident_luhn(const char *d, size_t n)
{
	int sum = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		int v = d[n - 1 - i] - '0';
		if (i % 2 == 0) {
			v *= 2;
			if (v > 9)
				v -= 9;
		}
		sum += v;
	}
	return (10 - sum % 10) % 10;
}

static int
hexval(char c)
{
	return c <= '9' ? c - '0' : c - 'A' + 10;
}

/* Luhn in base 16 (MEID check digit over 14 hex digits). */
static int
luhn16(const char *h, size_t n)
{
	int sum = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		int v = hexval(h[n - 1 - i]);
		if (i % 2 == 0) {
			v *= 2;
			sum += v / 16 + v % 16;
		} else {
			sum += v;
		}
	}
	return (16 - sum % 16) % 16;
}

/* EID check digits: ISO/IEC 7064 MOD 97-10 over the first 30 digits with
 * "00" appended, 98 minus the remainder (GSMA SGP.29). */
static int
eid_check(const char *d)
{
	int r = 0, i;

	for (i = 0; i < 30; i++)
		r = (r * 10 + (d[i] - '0')) % 97;
	r = (r * 100) % 97;
	return 98 - r;
}

uint64_t
ident_imei_key(const struct ident *id)
{
	uint64_t v;

	if ((id->kind != IDENT_IMEI && id->kind != IDENT_IMEISV) ||
	    ident_parse_digits(id->normalized, 14, &v) != 0)
		return 0;
	/* The 14-digit body plus one: never 0, and the same for an IMEI and
	 * the IMEISV of the same phone. */
	return v + 1;
}

/* ------------------------------------------------------------- messages */

#if defined(__GNUC__) || defined(__clang__)
__attribute__((format(printf, 3, 4)))
#endif
static void
msg(const struct ident_tables *t, struct ident *id, const char *fmt, ...)
{
	va_list ap;

	if (t->quiet) {
		id->message[0] = '\0';
		return;
	}
	va_start(ap, fmt);
	vsnprintf(id->message, sizeof id->message, fmt, ap);
	va_end(ap);
}

static void
set_const(const struct ident_tables *t, struct ident *id, const char *s)
{
	size_t n = t->quiet ? 0 : strlen(s);

	if (n >= sizeof id->message)
		n = sizeof id->message - 1;
	memcpy(id->message, s, n);
	id->message[n] = '\0';
}

/* A letter people type for a digit, or 0. */
static char
lookalike(unsigned char c)
{
	switch (c) {
	case 'O': return '0';
	case 'I': case 'L': return '1';
	case 'Z': return '2';
	case 'S': return '5';
	case 'B': return '8';
	default: return 0;
	}
}

/* ------------------------------------------------------------ the kinds */

/* Why the IMEI body d (14 digits) is a placeholder, or NULL. */
static const char *
placeholder_reason(const struct ident_tables *t, const char *d, size_t n)
{
	int i, up = 0, down = 0, same = 0, rb = (d[0] - '0') * 10 + (d[1] - '0');

	/* All one digit, or a counting run (at most one step out of order).
	 * Most real IMEIs leave all three patterns within a few digits. */
	for (i = 1; i < 14 && (same < 1 || up < 2 || down < 2); i++) {
		int step = d[i] - d[i - 1];
		same += step != 0;
		up += !(step == 1 || step == -9);
		down += !(step == -1 || step == 9);
	}
	if (same == 0)
		return d[0] == '0' ? "all zeros" : "one digit repeated";
	if (up < 2 || down < 2)
		return "a counting run of digits";
	if (n == 15 && ident_placeholder_known(t, d))
		return "a known test, emulator or default-modem IMEI";
	if (rb == 0 || (rb >= 2 && rb <= 9))
		return "its first two digits are a test range";
	return NULL;
}

static void
split_imei(struct ident *id, const char *d, size_t n)
{
	id->rb = (d[0] - '0') * 10 + (d[1] - '0');
	memcpy(id->tac, d, 8);
	id->tac[8] = '\0';
	memcpy(id->serial, d + 8, 6);
	id->serial[6] = '\0';
	if (n > 14) {
		memcpy(id->check, d + 14, n - 14);
		id->check[n - 14] = '\0';
	}
}

static void
rb_note(const struct ident_tables *t, struct ident *id, const char *what)
{
	const struct ident_rb *rb = ident_reporting_body(t, id->rb);

	if (!rb)
		msg(t, id, "%s, but its first two digits (%02d) name no reporting body: "
		    "check the number against *#06# and the box", what, id->rb);
	else if (rb->status == RB_RESERVED)
		msg(t, id, "%s, but its first two digits (%02d) are reserved: "
		    "check the number against *#06# and the box", what, id->rb);
	else
		set_const(t, id, what);
}

static void
classify_imei(const struct ident_tables *t, const char *d, size_t n, struct ident *id)
{
	const char *why;
	int cd;

	id->kind = IDENT_IMEI;
	split_imei(id, d, n);
	cd = ident_luhn(d, 14);
	id->expected[0] = (char)('0' + cd);
	if ((why = placeholder_reason(t, d, n)) != NULL) {
		id->problem = IDENT_PLACEHOLDER;
		msg(t, id, "placeholder IMEI (%s): a phone that shows it has had its IMEI "
		    "erased or changed", why);
		return;
	}
	if (n == 14) {
		id->problem = IDENT_MISSING_CHECK_DIGIT;
		if (d[0] == '1' && ident_luhn(d, 13) == d[13] - '0') {
			msg(t, id, "14 digits: the last (check) digit is missing, or a "
			    "spreadsheet dropped a leading 0 (0%.14s is a valid IMEI); copy it "
			    "again from *#06#", d);
			return;
		}
		msg(t, id, "14 digits: the last (check) digit is missing; the full IMEI is "
		    "%.14s%d: compare it with *#06#", d, cd);
		return;
	}
	if (d[14] - '0' != cd) {
		id->problem = IDENT_BAD_CHECK_DIGIT;
		msg(t, id, "the last digit is %c, but the first 14 digits need %d: a digit was "
		    "mistyped, most likely one of the first 14; read the IMEI again from *#06#",
		    d[14], cd);
		return;
	}
	rb_note(t, id, "valid IMEI");
}

static void
classify_imeisv(const struct ident_tables *t, const char *d, struct ident *id)
{
	const char *why;
	int cd = ident_luhn(d, 14);

	id->kind = IDENT_IMEISV;
	split_imei(id, d, 16);
	if ((why = placeholder_reason(t, d, 14)) != NULL) {
		id->problem = IDENT_PLACEHOLDER;
		msg(t, id, "placeholder IMEISV (%s): a phone that shows it has had its IMEI "
		    "erased or changed", why);
		return;
	}
	if (d[14] == '9' && d[15] == '9')
		msg(t, id, "IMEISV with software version 99, which is reserved: check the "
		    "number; its IMEI is %.14s%d", d, cd);
	else
		msg(t, id, "valid IMEISV (IMEI %.14s%d, software version %c%c)", d, cd,
		    d[14], d[15]);
	if (!ident_reporting_body(t, id->rb))
		msg(t, id, "IMEISV whose first two digits (%02d) name no reporting body: "
		    "check the number against *#06#", id->rb);
}

static void
classify_meid_hex(const struct ident_tables *t, const char *h, size_t n, struct ident *id)
{
	int cd = luhn16(h, 14);

	id->kind = IDENT_MEID;
	memcpy(id->serial, h + 8, 6);
	id->serial[6] = '\0';
	id->expected[0] = "0123456789ABCDEF"[cd];
	if (n == 15) {
		id->check[0] = h[14];
		if (hexval(h[14]) != cd) {
			id->problem = IDENT_BAD_CHECK_DIGIT;
			msg(t, id, "the last character is %c, but the first 14 need %c: a "
			    "character was mistyped; read the MEID again from *#06# or Settings",
			    h[14], id->expected[0]);
			return;
		}
	}
	msg(t, id, "valid MEID (region %.2s, manufacturer %.6s, serial %.6s)", h, h + 2, h + 8);
}

static void
classify_meid_dec(const struct ident_tables *t, const char *d, size_t n, struct ident *id)
{
	uint64_t mfr = 0, serial = 0;

	id->kind = IDENT_MEID;
	ident_parse_digits(d, 10, &mfr);
	ident_parse_digits(d + 10, 8, &serial);
	memcpy(id->serial, d + 10, 8);
	id->serial[8] = '\0';
	if (mfr > 0xFFFFFFFFu || serial > 0xFFFFFFu) {
		id->problem = IDENT_BAD_COMPONENT;
		msg(t, id, "not a MEID: in the 18-digit form the first 10 digits must be at most "
		    "4294967295 and the last 8 at most 16777215; read it again");
		return;
	}
	id->expected[0] = (char)('0' + ident_luhn(d, 18));
	if (n == 19) {
		id->check[0] = d[18];
		if (d[18] != id->expected[0]) {
			id->problem = IDENT_BAD_CHECK_DIGIT;
			msg(t, id, "the last digit is %c, but the first 18 need %c: a digit was "
			    "mistyped; read the MEID again", d[18], id->expected[0]);
			return;
		}
	}
	msg(t, id, "valid MEID in decimal form (hex %08llX%06llX)",
	    (unsigned long long)mfr, (unsigned long long)serial);
}

static void
classify_esn(const struct ident_tables *t, const char *v, size_t n, struct ident *id)
{
	id->kind = IDENT_ESN;
	if (n == 8) {
		unsigned long x = 0;
		int i;
		for (i = 0; i < 8; i++)
			x = x * 16 + (unsigned long)hexval(v[i]);
		memcpy(id->serial, v + 2, 6);
		id->serial[6] = '\0';
		if ((x >> 24) == 0x80)
			msg(t, id, "pseudo-ESN (derived from a MEID, not unique): use the MEID "
			    "instead");
		else
			msg(t, id, "valid ESN (manufacturer %lu, serial %lu; decimal %03lu%08lu)",
			    x >> 24, x & 0xFFFFFF, x >> 24, x & 0xFFFFFF);
		return;
	}
	{
		uint64_t mfr = 0, serial = 0;
		ident_parse_digits(v, 3, &mfr);
		ident_parse_digits(v + 3, 8, &serial);
		memcpy(id->serial, v + 3, 8);
		id->serial[8] = '\0';
		if (mfr > 255 || serial > 0xFFFFFF) {
			id->problem = IDENT_BAD_COMPONENT;
			msg(t, id, "not an ESN: in the 11-digit form the first 3 digits must be "
			    "at most 255 and the last 8 at most 16777215");
			return;
		}
		msg(t, id, "valid ESN in decimal form (hex %02llX%06llX)",
		    (unsigned long long)mfr, (unsigned long long)serial);
	}
}

static void
classify_eid(const struct ident_tables *t, const char *d, struct ident *id)
{
	int cd = eid_check(d);

	id->kind = IDENT_EID;
	id->check[0] = d[30];
	id->check[1] = d[31];
	id->expected[0] = (char)('0' + cd / 10);
	id->expected[1] = (char)('0' + cd % 10);
	if (d[30] != id->expected[0] || d[31] != id->expected[1]) {
		id->problem = IDENT_BAD_CHECK_DIGIT;
		msg(t, id, "the last two digits are %c%c, but the first 30 need %02d: a digit was "
		    "mistyped; read the EID again from *#06# or Settings", d[30], d[31], cd);
		return;
	}
	set_const(t, id, "valid EID");
}

static void
bad_length(const struct ident_tables *t, struct ident *id, size_t n, enum ident_kind hint)
{
	id->problem = IDENT_BAD_LENGTH;
	switch (hint) {
	case IDENT_EID:
		id->kind = IDENT_EID;
		msg(t, id, "%zu digits typed; an EID has 32: copy all of them from *#06# or "
		    "Settings", n);
		return;
	case IDENT_MEID:
		id->kind = IDENT_MEID;
		msg(t, id, "%zu characters typed; a MEID has 14 hex digits (15 with its check "
		    "digit, or 18 in decimal form)", n);
		return;
	case IDENT_ESN:
		id->kind = IDENT_ESN;
		msg(t, id, "%zu characters typed; an ESN has 8 hex digits or 11 decimal digits", n);
		return;
	default:
		break;
	}
	id->kind = hint == IDENT_IMEISV ? IDENT_IMEISV : IDENT_IMEI;
	if (n == 8)
		msg(t, id, "8 digits typed; an IMEI has 15 (8 digits is only the model code, "
		    "or an ESN: label it 'ESN' if that is what it is)");
	else if (n == 11)
		msg(t, id, "11 digits typed; an IMEI has 15 (label it 'ESN' if it is an ESN)");
	else if (n > 16 && n < 32)
		msg(t, id, "%zu digits typed; an IMEI has 15 (16 with the software version): "
		    "are two numbers run together?", n);
	else
		msg(t, id, "%zu digits typed; an IMEI has 15: dial *#06# and copy all of them", n);
}

/* A byte that is not a digit or A-F at bad: which one, and what it may
 * stand for. */
static void
not_a_digit(const struct ident_tables *t, const char *v, size_t n, size_t bad, size_t nd,
    enum ident_kind hint, struct ident *id)
{
	unsigned char c = (unsigned char)v[bad];
	char look = lookalike(c);
	int len = 1;

	while (c >= 0x80 && bad + (size_t)len < n &&
	    ((unsigned char)v[bad + (size_t)len] & 0xC0) == 0x80)
		len++;
	id->problem = IDENT_NOT_DIGITS;
	id->kind = hint != IDENT_UNKNOWN ? hint : IDENT_IMEI;
	id->digits = (int)nd;
	if (look)
		msg(t, id, "'%.*s' is not a digit (did you mean %c?): an IMEI has only "
		    "digits; type it again from *#06#", len, v + bad, look);
	else
		msg(t, id, "'%.*s' is not a digit: an IMEI has only digits; type it "
		    "again from *#06#", len, v + bad);
}

/* Letters A-F among the digits: a hex MEID or ESN, or an IMEI mistyped. */
static void
with_hex(const struct ident_tables *t, const char *v, size_t n, enum ident_kind hint,
    struct ident *id)
{
	int meid_like = (n == 14 || n == 15) && v[0] >= 'A';
	size_t i;

	if (meid_like && hint != IDENT_IMEI && hint != IDENT_IMEISV && hint != IDENT_EID) {
		classify_meid_hex(t, v, n, id);
		return;
	}
	if (n == 8 && (hint == IDENT_UNKNOWN || hint == IDENT_ESN)) {
		classify_esn(t, v, n, id);
		return;
	}
	for (i = 0; v[i] <= '9'; i++)
		;
	id->problem = IDENT_NOT_DIGITS;
	id->kind = hint != IDENT_UNKNOWN ? hint : (n == 14 || n == 15 ? IDENT_MEID : IDENT_IMEI);
	if ((n == 14 || n == 15) && hint != IDENT_IMEI && hint != IDENT_IMEISV) {
		id->problem = IDENT_BAD_COMPONENT;
		msg(t, id, "a MEID with letters starts with A0 to FF; if this is an IMEI, "
		    "'%c' is not a digit: type it again from *#06#", v[i]);
	} else if (lookalike((unsigned char)v[i])) {
		msg(t, id, "'%c' is not a digit (did you mean %c?): an IMEI has only digits; "
		    "type it again from *#06#", v[i], lookalike((unsigned char)v[i]));
	} else {
		msg(t, id, "'%c' is not a digit: an IMEI has only digits; type it again "
		    "from *#06#", v[i]);
	}
}

/* Only digits: the kind their number says, within what the label allows. */
static void
by_length(const struct ident_tables *t, const char *v, size_t n, enum ident_kind hint,
    struct ident *id)
{
	switch (n) {
	case 14:
		if (hint == IDENT_MEID)
			classify_meid_hex(t, v, n, id);
		else if (hint == IDENT_UNKNOWN || hint == IDENT_IMEI)
			classify_imei(t, v, n, id);
		else
			bad_length(t, id, n, hint);
		return;
	case 15:
		if (hint == IDENT_MEID) {
			classify_imei(t, v, n, id);
			id->kind = IDENT_MEID;
		} else if (hint == IDENT_UNKNOWN || hint == IDENT_IMEI) {
			classify_imei(t, v, n, id);
		} else {
			bad_length(t, id, n, hint);
		}
		return;
	case 16:
		if (hint == IDENT_UNKNOWN || hint == IDENT_IMEI || hint == IDENT_IMEISV)
			classify_imeisv(t, v, id);
		else
			bad_length(t, id, n, hint);
		return;
	case 18:
	case 19:
		if (hint == IDENT_UNKNOWN || hint == IDENT_MEID)
			classify_meid_dec(t, v, n, id);
		else
			bad_length(t, id, n, hint);
		return;
	case 32:
		if (hint == IDENT_UNKNOWN || hint == IDENT_EID)
			classify_eid(t, v, id);
		else
			bad_length(t, id, n, hint);
		return;
	case 8:
	case 11:
		if (hint == IDENT_ESN)
			classify_esn(t, v, n, id);
		else
			bad_length(t, id, n, hint);
		return;
	default:
		bad_length(t, id, n, hint);
		return;
	}
}

void
ident_classify(const struct ident_tables *t, const char *v, size_t n,
    enum ident_kind hint, struct ident *id)
{
	size_t i, nd = 0, nhex = 0, bad = n, copy = n < IDENT_TEXT_MAX ? n : IDENT_TEXT_MAX;

	id->kind = IDENT_UNKNOWN;
	id->problem = IDENT_OK;
	id->digits = (int)n;
	id->rb = -1;
	id->tac[0] = id->serial[0] = '\0';
	memset(id->check, 0, sizeof id->check);
	memset(id->expected, 0, sizeof id->expected);
	memcpy(id->normalized, v, copy);
	id->normalized[copy] = '\0';
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)v[i];
		if (c >= '0' && c <= '9')
			nd++;
		else if (c >= 'A' && c <= 'F')
			nhex++;
		else if (bad == n)
			bad = i;
	}
	if (bad < n)
		not_a_digit(t, v, n, bad, nd, hint, id);
	else if (nhex > 0)
		with_hex(t, v, n, hint, id);
	else
		by_length(t, v, n, hint, id);
}
