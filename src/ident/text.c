/* SPDX-License-Identifier: MIT */
/* text: finding identifiers in text as people type and paste them:
 * labels (IMEI1:, MEID, EID), separators (spaces, dashes, dots, slashes,
 * their Unicode look-alikes), fullwidth and other script digits,
 * spreadsheet E-notation, several identifiers on one line. */
#include <string.h>

#include "ident/ident.h"
#include "ident/text_priv.h"
#include "lib/utf8.h"

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
enum cls
ident_char_class(const char *s, size_t n, size_t i, size_t *len, char *ascii)
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
size_t
ident_sci_length(const char *s, size_t n, size_t i)
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

/* id as the E-notation number at start, len bytes long: unknown, its
 * digits lost. */
void
ident_set_sci(struct ident *id, size_t start, size_t len)
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

/* Reads the word at i (digits, letters and other characters together,
 * up to a separator) into word (SEG_MAX bytes: its digits and letters as
 * classify_char gives them, other characters as they are); *wtotal is
 * its length in characters.  Returns where the word ends. */
static size_t
read_word(const char *s, size_t n, size_t i, char word[SEG_MAX], size_t *wlen,
    size_t *wtotal)
{
	size_t end = i, clen, k;
	char a;
	enum cls c;

	*wlen = *wtotal = 0;
	while (end < n) {
		c = ident_char_class(s, n, end, &clen, &a);
		if (c == C_WEAK || c == C_STRONG)
			break;
		if (c == C_OTHER) {
			for (k = 0; k < clen && *wlen < SEG_MAX; k++)
				word[(*wlen)++] = s[end + k];
			*wtotal += clen;
		} else if (c != C_IGNORE) {
			if (*wlen < SEG_MAX)
				word[(*wlen)++] = a;
			(*wtotal)++;
		}
		end += clen;
	}
	return end;
}

/* Whether the one digit just read after a label, ending at i, is a slot
 * number ("IMEI 2: ..."): a strong separator or the end follows, or 14
 * digits or more that make an identifier alone ("IMEI 1 354..."). */
static int
is_slot_number(const char *s, size_t n, size_t i)
{
	size_t j = i, cl, nd = 0;
	char aa;
	enum cls cc = C_WEAK;

	while (j < n && (cc = ident_char_class(s, n, j, &cl, &aa)) == C_WEAK && s[j] == ' ')
		j += cl;
	if (j >= n || cc == C_STRONG)
		return 1;
	for (; j < n; j += cl) {
		cc = ident_char_class(s, n, j, &cl, &aa);
		if (cc == C_DIGIT)
			nd++;
		else if (cc != C_WEAK && cc != C_IGNORE)
			break;
	}
	return nd >= 14;
}

/* 1 when (s, n) is ASCII digits alone. */
static int
all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned)(s[i] - '0') >= 10u)
			return 0;
	return 1;
}

size_t
ident_parse_line(const struct ident_tables *t, const char *s, size_t n,
    struct ident *out, size_t max)
{
	struct seg g;
	enum ident_kind hint = IDENT_UNKNOWN;
	size_t i = 0, count = 0;
	int strong = 0, after_label = 0;

	/* The common case, a spreadsheet's IMEI column: digits alone make
	 * one identifier, as the loop below would read them, without it
	 * (tests/unit/test_ident.c compares the two). */
	if (n > 0 && n <= 20 && max > 0 && all_digits(s, n)) {
		ident_classify(t, s, n, IDENT_UNKNOWN, &out[0]);
		out[0].start = 0;
		out[0].len = n;
		return 1;
	}

	g.n = g.len = 0;
	g.overflow = 0;
	while (i < n && count < max) {
		char word[SEG_MAX], a;
		size_t wlen = 0, wtotal = 0, start = i, end, clen, sci, k;
		enum cls c = ident_char_class(s, n, i, &clen, &a);

		if (c == C_WEAK || c == C_STRONG) {
			strong |= c == C_STRONG;
			i += clen;
			continue;
		}
		if (c == C_IGNORE) {
			i += clen;
			continue;
		}
		if (c == C_DIGIT && (sci = ident_sci_length(s, n, i)) > 0) {
			count = emit_segment(t, s, &g, hint, out, count, max);
			if (count < max)
				ident_set_sci(&out[count++], i, sci);
			i += sci;
			strong = after_label = 0;
			continue;
		}
		end = read_word(s, n, i, word, &wlen, &wtotal);
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
		if (after_label && wlen == 1 && word[0] >= '1' && word[0] <= '9' &&
		    is_slot_number(s, n, i)) {
			after_label = 0;
			goto next;
		}
		after_label = 0;
		seg_add(&g, start, end, word, wlen, wtotal);
next:		;
	}
	if (count < max)
		count = emit_segment(t, s, &g, hint, out, count, max);
	return count;
}
