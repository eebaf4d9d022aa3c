/* SPDX-License-Identifier: MIT */
/* price: amounts as sellers type them, with their currency. */
#include <string.h>

#include "lib/casefold.h"
#include "lib/utf8.h"
#include "scan/price.h"

#define NUM_MAX 40	/* digits of an amount kept */

/* Currency signs and words, lower case, and the code each stands for
 * (the sign itself, in capitals, where it stands for several: Rs, $). */
static const struct {
	const char *sign, *code;
} currencies[] = {
	{ "\xE2\x82\xB9", "INR" }, { "inr", "INR" }, { "rs", "RS" }, { "rs.", "RS" },
	{ "rupees", "RS" }, { "\xE2\x82\xA8", "RS" }, { "pkr", "PKR" },
	{ "r$", "BRL" }, { "brl", "BRL" }, { "reais", "BRL" },
	{ "us$", "USD" }, { "usd", "USD" }, { "$", "$" },
	{ "\xE2\x82\xAC", "EUR" }, { "eur", "EUR" }, { "\xC2\xA3", "GBP" }, { "gbp", "GBP" },
	{ "\xC2\xA5", "JPY" }, { "\xE5\x86\x86", "JPY" }, { "jpy", "JPY" }, { "yen", "JPY" },
	{ "\xE2\x82\xB1", "PHP" }, { "php", "PHP" }, { "\xE2\x82\xA6", "NGN" }, { "ngn", "NGN" },
	{ "naira", "NGN" }, { "\xE2\x82\xAB", "VND" }, { "vnd", "VND" }, { "\xC4\x91", "VND" },
	{ "vn\xC4\x91", "VND" }, { "dong", "VND" }, { "\xE0\xB8\xBF", "THB" }, { "thb", "THB" },
	{ "baht", "THB" }, { "\xE2\x82\xBA", "TRY" }, { "try", "TRY" }, { "tl", "TRY" },
	{ "\xE2\x82\xBD", "RUB" }, { "rub", "RUB" }, { "\xD1\x80\xD1\x83\xD0\xB1", "RUB" },
	{ "\xD1\x80.", "RUB" }, { "\xE0\xA7\xB3", "BDT" }, { "bdt", "BDT" }, { "tk", "BDT" },
	{ "taka", "BDT" }, { "rp", "IDR" }, { "idr", "IDR" }, { "ksh", "KES" }, { "kes", "KES" },
	{ "tsh", "TZS" }, { "tzs", "TZS" }, { "ush", "UGX" }, { "ugx", "UGX" },
	{ "fcfa", "FCFA" }, { "cfa", "FCFA" }, { "xof", "XOF" }, { "xaf", "XAF" },
	{ "aed", "AED" }, { "sar", "SAR" }, { "egp", "EGP" }, { "cop", "COP" }, { "mxn", "MXN" },
	{ "\xE2\x82\xA9", "KRW" },
};

/* The currency codes of ISO 4217 in use (the list maintained for ISO by
 * SIX: https://www.six-group.com/en/products-services/financial-information/data-standards.html,
 * checked 2026-11-27), three letters and a space each: a code after an
 * amount that the table above lacks is a currency only when it is one of
 * these, in capitals ("45000 MYR"; "45000 only", "12000 NEG" and
 * "45000 all" name none). */
static const char iso4217[] =
	"AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL "
	"BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP "
	"ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR "
	"IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL "
	"LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR "
	"NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD "
	"SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX "
	"USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWG ";

/* Multipliers after an amount, lower case. */
static const struct {
	const char *word;
	double times;
} multipliers[] = {
	{ "k", 1e3 }, { "m", 1e6 }, { "mn", 1e6 }, { "million", 1e6 }, { "mio", 1e6 },
	{ "lakh", 1e5 }, { "lakhs", 1e5 }, { "lac", 1e5 }, { "lacs", 1e5 }, { "l", 1e5 },
	{ "cr", 1e7 }, { "crore", 1e7 }, { "crores", 1e7 }, { "mil", 1e3 },
	{ "rb", 1e3 }, { "ribu", 1e3 }, { "jt", 1e6 }, { "juta", 1e6 },
	{ "tr", 1e6 }, { "tri\xE1\xBB\x87u", 1e6 }, { "trieu", 1e6 },
	{ "ngh\xC3\xACn", 1e3 }, { "nghin", 1e3 }, { "ng\xC3\xA0n", 1e3 }, { "ngan", 1e3 },
	{ "bin", 1e3 }, { "\xD1\x82\xD1\x8B\xD1\x81", 1e3 }, { "\xE5\x8D\x83", 1e3 },
	{ "\xE4\xB8\x87", 1e4 },
};

/* The digit value at p[i] (any script), its length in *len; -1 if none. */
static int
digit_at(const char *p, size_t n, size_t i, size_t *len)
{
	uint32_t cp;

	if (p[i] >= '0' && p[i] <= '9') {
		*len = 1;
		return p[i] - '0';
	}
	if ((unsigned char)p[i] < 0x80) {
		*len = 1;
		return -1;
	}
	*len = utf8_decode(p + i, n - i, &cp);
	return utf8_digit(cp);
}

/* A separator inside an amount at p[i]: '.', ',' (also the Arabic ones),
 * or '\'' / a space / NBSP (thousands only); its kind in *kind ('.', ',',
 * ' '), its length in *len; 0 when none. */
static int
separator_at(const char *p, size_t n, size_t i, char *kind, size_t *len)
{
	uint32_t cp;

	*len = 1;
	if (p[i] == '.' || p[i] == ',') {
		*kind = p[i];
		return 1;
	}
	if (p[i] == ' ' || p[i] == '\'') {
		*kind = ' ';
		return 1;
	}
	if ((unsigned char)p[i] < 0x80)
		return 0;
	*len = utf8_decode(p + i, n - i, &cp);
	if (cp == 0x066B) {		/* Arabic decimal separator */
		*kind = '.';
		return 1;
	}
	if (cp == 0x066C || cp == 0x00A0 || cp == 0x202F || cp == 0x2009) {
		*kind = ' ';
		return 1;
	}
	return 0;
}

/* The word of letters (and '$', '.', signs) at p[i..), lower case, into
 * w (room for 24), *caps 1 when its ASCII letters (one at least) were all
 * capitals; returns its length in the text. */
static size_t
word_at(const char *p, size_t n, size_t i, char *w, size_t *wl, int *caps)
{
	size_t k = i, len;
	uint32_t cp;
	int upper = 0, lower = 0;

	*wl = 0;
	while (k < n) {
		len = utf8_decode(p + k, n - k, &cp);
		if (casefold_is_space(cp) || (cp >= '0' && cp <= '9') || utf8_digit(cp) >= 0 ||
		    cp == ',' || cp == '/' || cp == '-' || cp == '(' || cp == ')')
			break;
		upper += cp >= 'A' && cp <= 'Z';
		lower += cp >= 'a' && cp <= 'z';
		if (*wl + len < 24) {
			memcpy(w + *wl, p + k, len);
			if (len == 1 && w[*wl] >= 'A' && w[*wl] <= 'Z')
				w[*wl] = (char)(w[*wl] + 32);
			*wl += len;
		}
		k += len;
	}
	w[*wl] = '\0';
	*caps = upper > 0 && lower == 0;
	return k - i;
}

/* 1 when w is one of the currency signs and words of the table. */
static int
sign_of(const char *w)
{
	size_t k;

	for (k = 0; k < sizeof currencies / sizeof currencies[0]; k++)
		if (strcmp(w, currencies[k].sign) == 0)
			return 1;
	return 0;
}

/* The currency of the word w (caps: written in capitals) into out (room
 * for SCAN_CURRENCY_MAX): its code, or an ISO 4217 code this table lacks
 * written in capitals; 0 when it is none. */
static int
currency_of(const char *w, int caps, char *out)
{
	size_t k;

	for (k = 0; k < sizeof currencies / sizeof currencies[0]; k++)
		if (strcmp(w, currencies[k].sign) == 0) {
			strcpy(out, currencies[k].code);
			return 1;
		}
	if (!caps || strlen(w) != 3)
		return 0;
	for (k = 0; k + 3 < sizeof iso4217; k += 4)
		if (iso4217[k] == w[0] - 32 && iso4217[k + 1] == w[1] - 32 &&
		    iso4217[k + 2] == w[2] - 32) {
			memcpy(out, iso4217 + k, 3);
			out[3] = '\0';
			return 1;
		}
	return 0;
}

/* The currency just before the amount ("INR 44000", "R$1.200",
 * "Rs.45000"): the word that ends there. */
static int
currency_before(const char *p, size_t start, char *out)
{
	char w[24];
	size_t a = start, wl, k;
	int caps;

	while (a > 0 && (p[a - 1] == ' ' || p[a - 1] == '\t'))
		a--;
	for (k = a; k > 0 && a - k < 12 && p[k - 1] != ' ' && p[k - 1] != '\t'; k--)
		;
	if (k == a)
		return 0;
	word_at(p, a, k, w, &wl, &caps);
	return currency_of(w, caps, out);
}

/* The first position from i on that is not a space or a tab. */
static size_t
skip_blanks(const char *p, size_t n, size_t i)
{
	while (i < n && (p[i] == ' ' || p[i] == '\t'))
		i++;
	return i;
}

/* The digits and separators of an amount, as read. */
struct amount {
	char digits[NUM_MAX + 1];	/* ASCII, NUL-terminated */
	size_t nd;		/* digits kept */
	size_t after;		/* digits before the last separator */
	size_t group;		/* digits after the last separator */
	int dots, commas;	/* separators of each kind */
	char last;		/* the kind of the last separator, 0 if none */
};

/* The amount that starts with the digit at p[i] into a: its digits, and
 * the separators that have a digit after them (a space only before
 * exactly three); returns the position after it. */
static size_t
read_amount(const char *p, size_t n, size_t i, struct amount *a)
{
	size_t len, slen, k;
	char kind;
	int d;

	a->nd = a->after = a->group = 0;
	a->dots = a->commas = 0;
	a->last = 0;
	while (i < n) {
		if ((d = digit_at(p, n, i, &len)) >= 0) {
			if (a->nd < NUM_MAX)
				a->digits[a->nd++] = (char)('0' + d);
			a->group++;
			i += len;
			continue;
		}
		if (!separator_at(p, n, i, &kind, &slen) || i + slen >= n ||
		    digit_at(p, n, i + slen, &len) < 0)
			break;
		if (kind == ' ') {
			/* a space splits thousands only: three digits follow */
			for (k = i + slen, d = 0; k < n && digit_at(p, n, k, &len) >= 0 && d < 4;
			    k += len)
				d++;
			if (d != 3)
				break;
		}
		a->dots += kind == '.';
		a->commas += kind == ',';
		a->last = kind;
		a->after = a->nd;
		a->group = 0;
		i += slen;
	}
	a->digits[a->nd] = '\0';
	return i;
}

/* The number of digits of a before its decimal mark: the last of '.' and
 * ',' when both appear, or the only one of its kind when other than three
 * digits follow it; -1 when there is no decimal mark. */
static int
decimal_mark(const struct amount *a)
{
	if (a->last == '.' || a->last == ',') {
		int once = (a->last == '.' ? a->dots : a->commas) == 1;

		if ((a->dots && a->commas) || (once && a->group != 3))
			return (int)a->after;
	}
	return -1;
}

/* The value of the digits of a, those from dec on (when dec >= 0) the
 * decimal part. */
static double
amount_value(const struct amount *a, int dec)
{
	double v = 0, frac = 0, scale = 1;
	size_t k;

	for (k = 0; k < a->nd; k++) {
		if (dec >= 0 && (int)k >= dec) {
			scale /= 10;
			frac += (a->digits[k] - '0') * scale;
		} else {
			v = v * 10 + (a->digits[k] - '0');
		}
	}
	return v + frac;
}

/* The multiplier that the word at p[i] begins with, 1 when none; w (room
 * for 24) gets the word that may name the currency: the rest of this one
 * after a multiplier glued to a sign ("3万円", "45k₹"), the next word
 * after a multiplier alone ("2 lakh rupees"), else this word; *caps
 * says whether w was written in capitals. */
static double
multiplier_at(const char *p, size_t n, size_t i, char *w, int *caps)
{
	size_t used, wl, k, ml;

	used = word_at(p, n, i, w, &wl, caps);
	for (k = 0; k < sizeof multipliers / sizeof multipliers[0]; k++) {
		ml = strlen(multipliers[k].word);
		if (strncmp(w, multipliers[k].word, ml) != 0)
			continue;
		if (w[ml] != '\0') {
			/* glued to a currency sign: "3万円", "45k₹" */
			if (!sign_of(w + ml))
				continue;
			memmove(w, w + ml, strlen(w + ml) + 1);
		} else {
			i = skip_blanks(p, n, i + used);
			if (i < n)
				word_at(p, n, i, w, &wl, caps);
			else
				w[0] = '\0';
		}
		return multipliers[k].times;
	}
	return 1;
}

int
scan_price_parse(const char *p, size_t n, double *amount, char *currency)
{
	struct amount a;
	char w[24];
	size_t i = 0, len;
	int cur, caps;
	double v;

	*amount = 0;
	currency[0] = '\0';
	while (i < n && digit_at(p, n, i, &len) < 0)
		i += len;
	if (i == n)
		return -1;
	cur = currency_before(p, i, currency);
	i = read_amount(p, n, i, &a);
	v = amount_value(&a, decimal_mark(&a));
	/* a multiplier and a currency after it */
	i = skip_blanks(p, n, i);
	if (i < n) {
		v *= multiplier_at(p, n, i, w, &caps);
		if (!cur)
			currency_of(w, caps, currency);
	}
	if (v <= 0) {
		currency[0] = '\0';
		return -1;
	}
	*amount = v;
	return 0;
}
