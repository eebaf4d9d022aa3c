/* SPDX-License-Identifier: MIT */
/* text: finding identifiers in text as people type and paste them:
 * labels (IMEI1:, MEID, EID), separators (spaces, dashes, dots, slashes,
 * their Unicode look-alikes), fullwidth and other script digits,
 * spreadsheet E-notation, several identifiers on one line. */
#include <string.h>

#include "ident/ident.h"
#include "lib/utf8.h"

enum cls {
	C_DIGIT,	/* 0-9 in any script we map */
	C_ALPHA,	/* a Latin letter (ASCII or fullwidth) */
	C_WEAK,		/* joins the parts of one identifier */
	C_STRONG,	/* separates identifiers */
	C_IGNORE,	/* zero-width, dropped */
	C_OTHER		/* any other character: part of a word */
};

#define MAX_CHUNKS 32
#define SEG_MAX 96

struct chunk {
	size_t start, end;	/* bytes in the text */
	size_t off, len;	/* cleaned characters in seg.text */
};

struct seg {
	char text[SEG_MAX];
	size_t len;
	int overflow;		/* more characters than fit: counted in len */
	struct chunk c[MAX_CHUNKS];
	size_t n;
};

/* The class of the character at s[i]; *len is its size in bytes, *ascii
 * its cleaned ASCII form (upper case) for digits and letters. */
static enum cls
classify_char(const char *s, size_t n, size_t i, size_t *len, char *ascii)
{
	unsigned char c = (unsigned char)s[i];
	uint32_t cp;

	*len = 1;
	if (c < 0x80) {
		*ascii = (char)c;
		if (c >= '0' && c <= '9')
			return C_DIGIT;
		if (c >= 'a' && c <= 'z') {
			*ascii = (char)(c - 32);
			return C_ALPHA;
		}
		if (c >= 'A' && c <= 'Z')
			return C_ALPHA;
		if (c == ' ' || c == '-' || c == '.' || c == '/' || c == '_')
			return C_WEAK;
		return C_STRONG;
	}
	*len = utf8_decode(s + i, n - i, &cp);
	if (utf8_digit(cp) >= 0) {
		*ascii = (char)('0' + utf8_digit(cp));
		return C_DIGIT;
	}
	if (cp >= 0xFF21 && cp <= 0xFF3A) {
		*ascii = (char)('A' + (cp - 0xFF21));
		return C_ALPHA;
	}
	if (cp >= 0xFF41 && cp <= 0xFF5A) {
		*ascii = (char)('A' + (cp - 0xFF41));
		return C_ALPHA;
	}
	if (cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
	    cp == 0x205F || cp == 0x3000 || (cp >= 0x2010 && cp <= 0x2015) ||
	    cp == 0x2212 || cp == 0xFF0D || cp == 0xFF0E || cp == 0xFF0F || cp == 0x2027 ||
	    cp == 0x00B7)
		return C_WEAK;
	if ((cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF)
		return C_IGNORE;
	if (cp == 0xFF0C || cp == 0xFF1A || cp == 0xFF1B || cp == 0x3001 || cp == 0xFFFD ||
	    cp == 0x2028 || cp == 0x2029)
		return C_STRONG;
	*ascii = 0;
	return C_OTHER;
}

/* Length of spreadsheet E-notation (3.54178E+14, 8,9049E+31) at s[i], or 0. */
static size_t
sci_length(const char *s, size_t n, size_t i)
{
	size_t j = i, k;

	while (j < n && s[j] >= '0' && s[j] <= '9')
		j++;
	if (j == i || j >= n || (s[j] != '.' && s[j] != ','))
		return 0;
	k = ++j;
	while (j < n && s[j] >= '0' && s[j] <= '9')
		j++;
	if (j == k || j >= n || (s[j] != 'E' && s[j] != 'e'))
		return 0;
	j++;
	if (j < n && (s[j] == '+' || s[j] == '-'))
		j++;
	k = j;
	while (j < n && s[j] >= '0' && s[j] <= '9')
		j++;
	if (j == k || (j < n && ((s[j] >= '0' && s[j] <= '9') ||
	    (s[j] >= 'A' && s[j] <= 'Z') || (s[j] >= 'a' && s[j] <= 'z'))))
		return 0;
	return j - i;
}

static void
set_sci(struct ident *id, size_t start, size_t len)
{
	memset(id, 0, sizeof *id);
	id->kind = IDENT_UNKNOWN;
	id->problem = IDENT_SCIENTIFIC_NOTATION;
	id->start = start;
	id->len = len;
	id->rb = -1;
	strcpy(id->message, "a spreadsheet turned this number into E-notation and its last "
	    "digits are lost for good: copy it again from the phone (*#06#) or the box, "
	    "and format that column as text");
}

/* -------------------------------------------------------- labelled lines */

static const struct {
	const char *word;
	enum ident_kind kind;
} labels[] = {
	{"IMEISV", IDENT_IMEISV},
	{"IMEI", IDENT_IMEI},
	{"MEID", IDENT_MEID},
	{"EID", IDENT_EID},
	{"ESN", IDENT_ESN},
};

/* Emits the identifiers of one segment; returns the new count. */
static size_t
emit_segment(const struct ident_tables *t, const char *s, struct seg *g,
    enum ident_kind hint, struct ident *out, size_t count, size_t max)
{
	size_t i, k, total = g->len, cuts[MAX_CHUNKS + 1], ncuts = 0;
	int all_long = g->n > 1;

	if (g->n == 0)
		return count;
	for (i = 0; i < g->n; i++)
		all_long &= g->c[i].len >= 14;
	cuts[ncuts++] = 0;
	if (all_long) {
		for (i = 1; i < g->n; i++)
			cuts[ncuts++] = i;
	} else if (g->n > 1 && total != 14 && total != 15 && total != 16 &&
	    total != 18 && total != 19 && total != 32) {
		/* Several IMEIs written in groups on one line: cut where the
		 * groups add up to 15 or 16 digits. */
		size_t acc = 0, save = ncuts;
		for (i = 0; i < g->n; i++) {
			acc += g->c[i].len;
			if (acc == 15 || acc == 16) {
				if (i + 1 < g->n)
					cuts[ncuts++] = i + 1;
				acc = 0;
			} else if (acc > 16) {
				break;
			}
		}
		if (acc != 0)
			ncuts = save;
	}
	cuts[ncuts] = g->n;
	for (k = 0; k < ncuts && count < max; k++) {
		const struct chunk *a = &g->c[cuts[k]], *b = &g->c[cuts[k + 1] - 1];
		struct ident *id = &out[count++];
		size_t len = b->off + b->len - a->off;

		if (a->off + len > SEG_MAX)
			len = a->off < SEG_MAX ? SEG_MAX - a->off : 0;
		ident_classify(t, g->text + a->off, len, hint, id);
		if (g->overflow && ncuts == 1) {
			id->problem = IDENT_BAD_LENGTH;
			id->digits = (int)total;
		}
		id->start = a->start;
		id->len = b->end - a->start;
		(void)s;
	}
	g->n = 0;
	g->len = 0;
	g->overflow = 0;
	return count;
}

/* Adds a chunk of len cleaned characters (of total as typed; more than
 * len when the word did not fit). */
static void
seg_add(struct seg *g, size_t start, size_t end, const char *text, size_t len,
    size_t total)
{
	struct chunk *c;
	size_t room;

	if (g->n == MAX_CHUNKS) {	/* absurdly many groups: join to the last */
		c = &g->c[g->n - 1];
		c->end = end;
	} else {
		c = &g->c[g->n++];
		c->start = start;
		c->end = end;
		c->off = g->len < SEG_MAX ? g->len : SEG_MAX;
		c->len = 0;
	}
	room = g->len < SEG_MAX ? SEG_MAX - g->len : 0;
	if (len > room || total > len)
		g->overflow = 1;
	if (room > 0)
		memcpy(g->text + g->len, text, len < room ? len : room);
	g->len += total;
	c->len += total;
}

size_t
ident_parse_line(const struct ident_tables *t, const char *s, size_t n,
    struct ident *out, size_t max)
{
	struct seg g;
	enum ident_kind hint = IDENT_UNKNOWN;
	size_t i = 0, count = 0;
	int strong = 0, after_label = 0;

	g.n = g.len = 0;
	g.overflow = 0;
	while (i < n && count < max) {
		char word[SEG_MAX], a;
		size_t wlen = 0, wtotal = 0, start = i, end, clen, sci, k;
		enum cls c = classify_char(s, n, i, &clen, &a);

		if (c == C_WEAK || c == C_STRONG) {
			strong |= c == C_STRONG;
			i += clen;
			continue;
		}
		if (c == C_IGNORE) {
			i += clen;
			continue;
		}
		if (c == C_DIGIT && (sci = sci_length(s, n, i)) > 0) {
			count = emit_segment(t, s, &g, hint, out, count, max);
			if (count < max)
				set_sci(&out[count++], i, sci);
			i += sci;
			strong = after_label = 0;
			continue;
		}
		/* A word: digits, letters and other characters together. */
		end = i;
		while (end < n) {
			c = classify_char(s, n, end, &clen, &a);
			if (c == C_WEAK || c == C_STRONG)
				break;
			if (c != C_IGNORE) {
				if (c == C_OTHER) {
					for (k = 0; k < clen && wlen < sizeof word; k++)
						word[wlen++] = s[end + k];
					wtotal += clen;
				} else {
					if (wlen < sizeof word)
						word[wlen++] = a;
					wtotal++;
				}
			}
			end += clen;
		}
		i = end;
		if (strong)
			count = emit_segment(t, s, &g, hint, out, count, max);
		strong = 0;
		/* A label, maybe with a slot number or the value glued on. */
		for (k = 0; wlen >= 3 && (word[0] == 'I' || word[0] == 'M' || word[0] == 'E') &&
		    k < sizeof labels / sizeof labels[0]; k++) {
			size_t ll = strlen(labels[k].word), rest;
			if (wlen < ll || memcmp(word, labels[k].word, ll) != 0)
				continue;
			rest = wlen - ll;
			if (rest == 0 || (rest == 1 && word[ll] >= '1' && word[ll] <= '9')) {
				count = emit_segment(t, s, &g, hint, out, count, max);
				hint = labels[k].kind;
				after_label = 1;
				goto next;
			}
			if (rest >= 8) {
				count = emit_segment(t, s, &g, hint, out, count, max);
				hint = labels[k].kind;
				seg_add(&g, start + (end - start) - rest, end, word + ll, rest,
				    wtotal - ll);
				after_label = 0;
				goto next;
			}
		}
		/* "IMEI 2: ..." - a slot number after a label; also "IMEI 1
		 * 354...", when the digits after it make an identifier alone. */
		if (after_label && wlen == 1 && word[0] >= '1' && word[0] <= '9') {
			size_t j = i, cl, nd = 0;
			char aa;
			enum cls cc = C_WEAK;
			while (j < n && (cc = classify_char(s, n, j, &cl, &aa)) == C_WEAK && s[j] == ' ')
				j += cl;
			if (j >= n || cc == C_STRONG) {
				after_label = 0;
				goto next;
			}
			for (; j < n; j += cl) {
				cc = classify_char(s, n, j, &cl, &aa);
				if (cc == C_DIGIT)
					nd++;
				else if (cc != C_WEAK && cc != C_IGNORE)
					break;
			}
			if (nd >= 14) {
				after_label = 0;
				goto next;
			}
		}
		after_label = 0;
		seg_add(&g, start, end, word, wlen, wtotal);
next:		;
	}
	if (count < max)
		count = emit_segment(t, s, &g, hint, out, count, max);
	return count;
}

/* -------------------------------------------------------------- free text */

struct group {
	size_t start, end;	/* bytes */
	size_t off, len;	/* digits in buf */
};

static int
is_alnum_at(const char *s, size_t n, size_t i)
{
	size_t len;
	char a;
	enum cls c = classify_char(s, n, i, &len, &a);

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

size_t
ident_find_in_text(const struct ident_tables *t, const char *s, size_t n,
    struct ident *out, size_t max)
{
	size_t i = 0, count = 0;

	while (i < n && count < max) {
		struct group gr[MAX_CHUNKS];
		char digits[SEG_MAX];
		size_t ng = 0, nd = 0, j, len, sci;
		char a;
		enum cls c;

		/* Skip to a digit that starts a word (or follows an IMEI label). */
		if (s[i] < '0' || s[i] > '9') {
			unsigned char u = (unsigned char)s[i];

			if (u < 0xD9 || (u != 0xDB && u != 0xE0 && u != 0xE1 && u != 0xEF &&
			    u != 0xD9)) {
				/* neither a digit nor the first byte of one (the
				 * next code point is at a later byte anyway) */
				i = skip_plain(s, n, i + 1);
				continue;
			}
			c = classify_char(s, n, i, &len, &a);
			if (c != C_DIGIT) {
				i += len;
				continue;
			}
		}
		if (i > 0 && is_alnum_at(s, n, i - 1) && !label_before(s, i)) {
			/* inside a word such as SM-A525F or A35: skip the word */
			while (i < n && is_alnum_at(s, n, i)) {
				classify_char(s, n, i, &len, &a);
				i += len;
			}
			continue;
		}
		if (i > 0 && is_alnum_at(s, n, i - 1) && i + 1 < n &&
		    (s[i] == '1' || s[i] == '2') && (s[i + 1] < '0' || s[i + 1] > '9')) {
			/* the slot digit of a label such as "imei1 ", not the
			 * first digit of the number after it */
			i++;
			continue;
		}
		if ((sci = sci_length(s, n, i)) > 0) {
			set_sci(&out[count++], i, sci);
			i += sci;
			continue;
		}
		/* Groups of digits joined by single weak separators. */
		j = i;
		for (;;) {
			size_t gs = j;
			struct group *g = ng < MAX_CHUNKS ? &gr[ng] : NULL;
			size_t off = nd;
			while (j < n) {
				c = classify_char(s, n, j, &len, &a);
				if (c != C_DIGIT)
					break;
				if (nd < sizeof digits)
					digits[nd++] = a;
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
			c = classify_char(s, n, j, &len, &a);
			if (c == C_ALPHA || c == C_OTHER) {
				ng = 0;	/* digits glued to letters: not an identifier */
				while (j < n && is_alnum_at(s, n, j)) {
					classify_char(s, n, j, &len, &a);
					j += len;
				}
				break;
			}
			if (c != C_WEAK || j + len >= n)
				break;
			{
				size_t l2;
				char a2;
				if (classify_char(s, n, j + len, &l2, &a2) != C_DIGIT)
					break;
			}
			j += len;
			if (ng >= MAX_CHUNKS || nd >= sizeof digits)
				break;
		}
		if (ng > 0 && nd >= 14) {
			enum run_label lab = run_label(s, gr[0].start);
			size_t first = 0;

			/* "IMEI 1 354...", "SIM 2 354...": the lone digit names
			 * the slot */
			if (ng > 1 && gr[0].len == 1 && (lab == LAB_IMEI || lab == LAB_SLOT)) {
				first = 1;
				lab = LAB_IMEI;
			}
			if (lab != LAB_OTHER && !in_url(s, gr[0].start))
				count = emit_run(t, digits, gr + first, ng - first, lab, out,
				    count, max);
		}
		i = j > i ? j : i + 1;
	}
	return count;
}
