/* SPDX-License-Identifier: MIT */
/* freetext: IMEI-like numbers inside free text, as a listing's
 * description holds them: digit runs of 14 to 16 digits with single
 * separators, after a label or not, words skipped, numbers that are
 * prices, phone numbers or links told apart. */
#include <string.h>

#include "ident/ident.h"
#include "ident/text_priv.h"
#include "lib/utf8.h"

struct group {
	size_t start, end;	/* bytes */
	size_t off, len;	/* digits in buf */
};

static int
is_alnum_at(const char *s, size_t n, size_t i)
{
	size_t len;
	char a;
	enum cls c = ident_char_class(s, n, i, &len, &a);

	return c == C_DIGIT || c == C_ALPHA || c == C_OTHER;
}

/* 1 when the letters that end just before s[i] are an IMEI/MEID label
 * (optionally with a slot digit already consumed by the caller). */
static int
label_before(const char *s, size_t i)
{
	static const char *const words[] = {"imei", "meid", "imeisv"};
	size_t k;

	for (k = 0; k < sizeof words / sizeof words[0]; k++) {
		size_t l = strlen(words[k]), j;
		if (i < l)
			continue;
		for (j = 0; j < l; j++) {
			char c = s[i - l + j];
			if (c >= 'A' && c <= 'Z')
				c = (char)(c + 32);
			if (c != words[k][j])
				break;
		}
		if (j == l && (i == l || !is_alnum_at(s, i, i - l - 1)))
			return 1;
	}
	return 0;
}

/* What the words just before a run of digits say it is. */
enum run_label {
	LAB_NONE,
	LAB_IMEI,	/* imei, imeisv, sv, meid, esn: an identifier follows */
	LAB_SLOT,	/* sim, slot: "SIM 2 354...", the 2 names the slot */
	LAB_OTHER	/* order, invoice, tracking, phone: not an identifier */
};

static const struct {
	const char *word;
	enum run_label label;
} run_words[] = {
	{ "imei", LAB_IMEI }, { "imeisv", LAB_IMEI }, { "sv", LAB_IMEI },
	{ "meid", LAB_IMEI }, { "esn", LAB_IMEI },
	{ "sim", LAB_SLOT }, { "slot", LAB_SLOT },
	/* order and invoice numbers, keys, tracking codes (not "phone": "phone
	 * 35..." is an IMEI far more often than a 15-digit phone number) */
	{ "order", LAB_OTHER }, { "orders", LAB_OTHER }, { "pedido", LAB_OTHER },
	{ "orden", LAB_OTHER }, { "commande", LAB_OTHER }, { "invoice", LAB_OTHER },
	{ "factura", LAB_OTHER }, { "fatura", LAB_OTHER }, { "facture", LAB_OTHER },
	{ "nota", LAB_OTHER }, { "nf", LAB_OTHER }, { "nfe", LAB_OTHER },
	{ "chave", LAB_OTHER }, { "acesso", LAB_OTHER }, { "receipt", LAB_OTHER },
	{ "recibo", LAB_OTHER }, { "tracking", LAB_OTHER }, { "awb", LAB_OTHER },
	{ "transaction", LAB_OTHER }, { "txn", LAB_OTHER }, { "ref", LAB_OTHER },
	{ "reference", LAB_OTHER },
};

/* Words passed over between a label and its number ("order ID", "IMEI
 * number", "pedido Amazon"). */
static const char *const run_fillers[] = {
	"no", "nr", "num", "number", "numero", "id", "de", "do", "da", "du", "of",
	"my", "the", "amazon", "flipkart", "daraz", "shopee", "lazada", "jumia",
	"mercado", "libre", "tokopedia",
};

static int
word_is(const char *w, size_t n, const char *lit)
{
	return strlen(lit) == n && memcmp(w, lit, n) == 0;
}

/* The label of the digits that start at s[i]: the nearest of the three
 * ASCII words before them that is a label, with only fillers between
 * (a slot digit glued to a label as in "imei1" dropped), within the clause (a
 * comma or any other character but blanks, ':', '-', '#', '.', '=', '('
 * between the words ends the look). */
static enum run_label
run_label(const char *s, size_t i)
{
	size_t j = i, k, wl, words, sep, w;
	char word[16];

	for (words = 0; words < 3; words++) {
		for (sep = 0; j > 0 && sep < 4 && strchr(" \t:-#.=(", s[j - 1]) &&
		    s[j - 1] != '\0'; sep++)
			j--;
		for (k = j; k > 0 && j - k < 16 && (((s[k - 1] | 32) >= 'a' &&
		    (s[k - 1] | 32) <= 'z') || (s[k - 1] >= '0' && s[k - 1] <= '9')); k--)
			;
		if (k == j || (k > 0 && (unsigned char)s[k - 1] >= 0x80))
			return LAB_NONE;
		for (wl = 0; wl < j - k; wl++)
			word[wl] = (char)(s[k + wl] | (s[k + wl] >= 'A' && s[k + wl] <= 'Z' ? 32 : 0));
		while (wl > 1 && word[wl - 1] >= '0' && word[wl - 1] <= '9')
			wl--;	/* imei1 */
		for (w = 0; w < sizeof run_words / sizeof run_words[0]; w++)
			if (word_is(word, wl, run_words[w].word))
				return run_words[w].label;
		for (w = 0; w < sizeof run_fillers / sizeof run_fillers[0]; w++)
			if (word_is(word, wl, run_fillers[w]))
				break;
		if (w == sizeof run_fillers / sizeof run_fillers[0])
			return LAB_NONE;	/* a word that is neither */
		j = k;
	}
	return LAB_NONE;
}

/* 1 when s[i] lies in a web address: its word (up to white space, at
 * most 512 bytes back) begins with "www." or holds "://". */
static int
in_url(const char *s, size_t i)
{
	size_t k = i, j;

	while (k > 0 && i - k < 512 && s[k - 1] != ' ' && s[k - 1] != '\n' &&
	    s[k - 1] != '\t' && s[k - 1] != '\r')
		k--;
	if (i - k >= 4 && (s[k] | 32) == 'w' && (s[k + 1] | 32) == 'w' &&
	    (s[k + 2] | 32) == 'w' && s[k + 3] == '.')
		return 1;
	for (j = k; j + 3 <= i; j++)
		if (s[j] == ':' && s[j + 1] == '/' && s[j + 2] == '/')
			return 1;
	return 0;
}

static int
luhn_ok(const char *d)
{
	return ident_luhn(d, 14) == d[14] - '0';
}

static size_t
emit_span(const struct ident_tables *t, const char *digits, const struct group *gr,
    size_t a, size_t b, enum ident_kind hint, struct ident *out, size_t count)
{
	struct ident *id = &out[count];
	size_t len = gr[b].off + gr[b].len - gr[a].off;

	ident_classify(t, digits + gr[a].off, len, hint, id);
	id->start = gr[a].start;
	id->len = gr[b].end - gr[a].start;
	return count + 1;
}

/*
 * The identifiers in one run of digit groups (gr[0..ng), joined by single
 * separators), labelled lab.  A run of 14 or 15 digits is one identifier;
 * one of 16 only when labelled or written as 14 and 2 (an IMEISV);
 * a longer run only when its groups make IMEIs of 15 digits one after the
 * other, else only the Luhn-valid IMEIs of 15 whole groups inside it
 * ("price 500 35 417803 685978 9"), so that an order number (3-7-7), an
 * invoice key (44 digits in fours) or a card number is never read as one.
 */
static size_t
emit_run(const struct ident_tables *t, const char *digits, const struct group *gr,
    size_t ng, enum run_label lab, struct ident *out, size_t count, size_t max)
{
	size_t total = 0, a, b, sum, k;
	enum ident_kind hint = lab == LAB_IMEI ? IDENT_IMEI : IDENT_UNKNOWN;

	for (k = 0; k < ng; k++)
		total += gr[k].len;
	if (total < 14)
		return count;
	if (total <= 16) {
		if (total < 16 || lab == LAB_IMEI || (ng > 1 && gr[ng - 1].len == 2))
			return emit_span(t, digits, gr, 0, ng - 1, hint, out, count);
	} else {
		/* IMEIs one after the other, each of whole groups */
		for (a = 0, sum = 0, k = 0; k < ng; k++) {
			sum += gr[k].len;
			if (sum == 15)
				sum = 0;
			else if (sum > 15)
				break;
		}
		if (k == ng && sum == 0) {
			for (a = 0, sum = 0, k = 0; k < ng && count < max; k++) {
				sum += gr[k].len;
				if (sum == 15) {
					count = emit_span(t, digits, gr, a, k, hint, out, count);
					a = k + 1;
					sum = 0;
				}
			}
			return count;
		}
	}
	/* Luhn-valid IMEIs of whole groups inside the run */
	for (a = 0; a < ng && count < max; a++) {
		for (sum = 0, b = a; b < ng && sum < 15; b++)
			sum += gr[b].len;
		if (sum != 15 || !luhn_ok(digits + gr[a].off))
			continue;
		count = emit_span(t, digits, gr, a, b - 1, hint, out, count);
		a = b - 1;
	}
	return count;
}

/* The first position from i on whose byte may start a digit (an ASCII
 * digit, or 0xD9 and above), eight bytes at a time; n if none. */
static size_t
skip_plain(const char *s, size_t n, size_t i)
{
	const uint64_t ones = UINT64_C(0x0101010101010101);
	const uint64_t high = UINT64_C(0x8080808080808080);
	const uint64_t low7 = UINT64_C(0x7F7F7F7F7F7F7F7F);
	uint64_t w, y;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		y = w ^ (ones * '0');
		/* high bit per byte: an ASCII digit, or a byte >= 0xD9 */
		if (((~(((y & low7) + ones * (0x80 - 10)) | y) |
		    (((w & low7) + ones * (0x80 - 0x59)) & w)) & high) != 0)
			break;
	}
	while (i < n && ((unsigned char)s[i] - (unsigned)'0' >= 10) &&
	    (unsigned char)s[i] < 0xD9)
		i++;
	return i;
}

/* The first digit at or after s[i] (an ASCII digit or one of another
 * script), n if none; bytes that cannot start a digit are passed over in
 * eights. */
static size_t
next_digit(const char *s, size_t n, size_t i)
{
	size_t len;
	char a;

	while (i < n && (s[i] < '0' || s[i] > '9')) {
		unsigned char u = (unsigned char)s[i];

		if (u < 0xD9 || (u != 0xDB && u != 0xE0 && u != 0xE1 && u != 0xEF &&
		    u != 0xD9)) {
			/* neither a digit nor the first byte of one (the next
			 * code point is at a later byte anyway) */
			i = skip_plain(s, n, i + 1);
			continue;
		}
		if (ident_char_class(s, n, i, &len, &a) == C_DIGIT)
			break;
		i += len;
	}
	return i;
}

/* The end of the word (letters, digits and other characters of words)
 * that goes on at s[i]; i when none does. */
static size_t
word_end(const char *s, size_t n, size_t i)
{
	size_t len;
	char a;

	while (i < n && is_alnum_at(s, n, i)) {
		ident_char_class(s, n, i, &len, &a);
		i += len;
	}
	return i;
}

/* Where the search goes on when the digit at s[i] is glued to the word
 * before it: after that word (SM-A525F, A35), or after the slot digit of
 * a label such as "imei1 "; i when it starts a number. */
static size_t
skip_glued(const char *s, size_t n, size_t i)
{
	if (i == 0 || !is_alnum_at(s, n, i - 1))
		return i;
	if (!label_before(s, i))
		return word_end(s, n, i);
	if (i + 1 < n && (s[i] == '1' || s[i] == '2') &&
	    (s[i + 1] < '0' || s[i + 1] > '9'))
		return i + 1;
	return i;
}

/* A run of digit groups joined by single weak separators, as read. */
struct run {
	struct group gr[MAX_CHUNKS];
	size_t ng;		/* groups; 0 when the run is glued to letters */
	char digits[SEG_MAX];	/* the ASCII digits of all groups */
	size_t nd;
};

/* The run of digit groups that starts at s[i] into r (at most MAX_CHUNKS
 * groups, SEG_MAX digits); returns where the search goes on. */
static size_t
read_run(const char *s, size_t n, size_t i, struct run *r)
{
	size_t ng = 0, nd = 0, j = i, len, l2;
	char a, a2;
	enum cls c;

	for (;;) {
		size_t gs = j;
		struct group *g = ng < MAX_CHUNKS ? &r->gr[ng] : NULL;
		size_t off = nd;
		while (j < n) {
			c = ident_char_class(s, n, j, &len, &a);
			if (c != C_DIGIT)
				break;
			if (nd < sizeof r->digits)
				r->digits[nd++] = a;
			j += len;
		}
		if (g) {
			g->start = gs;
			g->end = j;
			g->off = off;
			g->len = nd - off;
			ng++;
		}
		if (j >= n)
			break;
		c = ident_char_class(s, n, j, &len, &a);
		if (c == C_ALPHA || c == C_OTHER) {
			ng = 0;	/* digits glued to letters: not an identifier */
			j = word_end(s, n, j);
			break;
		}
		if (c != C_WEAK || j + len >= n)
			break;
		if (ident_char_class(s, n, j + len, &l2, &a2) != C_DIGIT)
			break;
		j += len;
		if (ng >= MAX_CHUNKS || nd >= sizeof r->digits)
			break;
	}
	r->ng = ng;
	r->nd = nd;
	return j;
}

/* The identifiers of the run r in s into out[count..max), unless it has
 * fewer than 14 digits, is glued to letters, is labelled as something
 * else or lies in a web address; returns the new count. */
static size_t
emit_labelled(const struct ident_tables *t, const char *s, const struct run *r,
    struct ident *out, size_t count, size_t max)
{
	enum run_label lab;
	size_t first = 0;

	if (r->ng == 0 || r->nd < 14)
		return count;
	lab = run_label(s, r->gr[0].start);
	/* "IMEI 1 354...", "SIM 2 354...": the lone digit names the slot */
	if (r->ng > 1 && r->gr[0].len == 1 && (lab == LAB_IMEI || lab == LAB_SLOT)) {
		first = 1;
		lab = LAB_IMEI;
	}
	if (lab != LAB_OTHER && !in_url(s, r->gr[0].start))
		count = emit_run(t, r->digits, r->gr + first, r->ng - first, lab, out,
		    count, max);
	return count;
}

size_t
ident_find_in_text(const struct ident_tables *t, const char *s, size_t n,
    struct ident *out, size_t max)
{
	size_t i = 0, count = 0, j, sci;

	while (i < n && count < max) {
		struct run r;

		/* a digit that starts a word (or follows an IMEI label) */
		if ((i = next_digit(s, n, i)) >= n)
			break;
		if ((j = skip_glued(s, n, i)) != i) {
			i = j;
			continue;
		}
		if ((sci = ident_sci_length(s, n, i)) > 0) {
			ident_set_sci(&out[count++], i, sci);
			i += sci;
			continue;
		}
		j = read_run(s, n, i, &r);
		count = emit_labelled(t, s, &r, out, count, max);
		i = j > i ? j : i + 1;
	}
	return count;
}
