/* SPDX-License-Identifier: MIT */
/* how: web addresses, SMS numbers and dial codes in a check's steps. */
#include <stdio.h>
#include <string.h>

#include "kb/how.h"

#define MAX_TAPS 32

struct found {
	struct kb_tap tap[MAX_TAPS];
	size_t at[MAX_TAPS];	/* where each stands in the text, for the order */
	size_t n;
};

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int
is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static int
is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

/* 1 when the text before p (from s) ends with word. */
static int
ends_with(const char *s, const char *p, const char *word)
{
	size_t n = strlen(word);

	return (size_t)(p - s) >= n && strncmp(p - n, word, n) == 0;
}

/* The end of the sentence that starts at p: its ". ", or the end. */
static const char *
sentence_end(const char *p)
{
	while (*p && !(p[0] == '.' && (p[1] == ' ' || p[1] == '\0')))
		p++;
	return p;
}

/* The first word in [p, end) that is exactly word, or NULL. */
static const char *
find_word(const char *s, const char *p, const char *end, const char *word)
{
	size_t n = strlen(word);

	for (; p + n <= end; p++)
		if (strncmp(p, word, n) == 0 && (p == s || !is_upper(p[-1])) &&
		    (p + n == end || !is_upper(p[n])))
			return p;
	return NULL;
}

/* Adds a tap found at offset at; the same target twice is kept once.
 * Returns it, or NULL when it is not kept. */
static struct kb_tap *
add(struct found *f, enum kb_tap_kind kind, const char *p, size_t len, const char *prefix,
    size_t at)
{
	struct kb_tap *t;
	size_t k;
	int w;

	if (f->n == MAX_TAPS || len == 0)
		return NULL;
	t = &f->tap[f->n];
	memset(t, 0, sizeof *t);
	t->kind = kind;
	w = snprintf(t->target, sizeof t->target, "%s%.*s", prefix, (int)len, p);
	if (w < 0 || (size_t)w >= sizeof t->target)
		return NULL;	/* too long to be a real one */
	for (k = 0; k < f->n; k++)
		if (f->tap[k].kind == kind && strcmp(f->tap[k].target, t->target) == 0)
			return NULL;
	f->at[f->n] = at;
	return &f->tap[f->n++];
}

/* Web addresses: "https://...", "http://...", "www...." up to a space,
 * less the punctuation that ends a sentence or a bracket. */
static void
urls(const char *how, struct found *f)
{
	const char *p = how, *e;
	const char *prefix;
	size_t len;

	for (; *p; p++) {
		if (strncmp(p, "https://", 8) == 0 || strncmp(p, "http://", 7) == 0)
			prefix = "";
		else if (strncmp(p, "www.", 4) == 0 && (p == how || p[-1] == ' ' || p[-1] == '('))
			prefix = "https://";
		else
			continue;
		for (e = p; *e && *e != ' ' && *e != '"'; e++)
			;
		len = (size_t)(e - p);
		while (len > 0 && strchr(".,;:)'", p[len - 1]))
			len--;
		if (!ends_with(how, p, "formerly ") && !ends_with(how, p, "formerly: "))
			add(f, KB_TAP_URL, p, len, prefix, (size_t)(p - how));
		p = e - 1;
	}
}

/* The number after " to " in [p, end): "to 14422", "to the short number
 * 307"; NULL when there is none. */
static const char *
number_after_to(const char *p, const char *end)
{
	const char *to, *q;

	for (to = p; (to = strstr(to, " to ")) != NULL && to < end; to += 4) {
		for (q = to + 4; q < end && q - to < 32 && (is_lower(*q) || *q == ' '); q++)
			;
		if (q < end && is_digit(*q))
			return q;
	}
	return NULL;
}

/* In each sentence that names an SMS: the number it goes to, the keyword
 * of "SMS with KYM, a space and ..." or "SMS with IMEI followed by ...",
 * and whether the IMEI is what is sent. */
static void
sms(const char *how, struct found *f)
{
	const char *s = how, *end, *p, *num, *e, *kw;
	struct kb_tap *t;
	size_t k;

	for (; *s; s = *end ? end + 1 : end) {
		end = sentence_end(s);
		if (!(p = find_word(how, s, end, "SMS")) || !(num = number_after_to(p, end)))
			continue;
		for (e = num; e < end && (is_digit(*e) || (*e == '-' && is_digit(e[1]))); e++)
			;
		if (!(t = add(f, KB_TAP_SMS, num, (size_t)(e - num), "", (size_t)(num - how))))
			continue;
		t->imei = find_word(how, s, end, "IMEI") != NULL;
		if ((kw = strstr(p, "SMS with ")) != NULL && kw < end) {
			kw += 9;
			for (k = 0; is_upper(kw[k]) && k + 1 < sizeof t->keyword; k++)
				;
			if (k >= 2 && (kw[k] == ',' || strncmp(kw + k, " followed", 9) == 0))
				memcpy(t->keyword, kw, k);
		}
	}
}

/* "dial *1205#": a code to dial, not the *#06# that shows the IMEI. */
static void
dials(const char *how, struct found *f)
{
	const char *p = how, *e;

	while ((p = strstr(p, "ial *")) != NULL) {
		p += 4;
		for (e = p + 1; is_digit(*e) || *e == '*' || *e == '#'; e++)
			;
		if (e[-1] == '#' && strncmp(p, "*#06#", 5) != 0)
			add(f, KB_TAP_DIAL, p, (size_t)(e - p), "", (size_t)(p - how));
		p = e;
	}
}

size_t
kb_how_taps(const char *how, struct kb_tap *out, size_t max)
{
	struct found f;
	size_t i, k, m;

	if (!how)
		return 0;
	f.n = 0;
	urls(how, &f);
	sms(how, &f);
	dials(how, &f);
	/* in the order they appear: a selection of the smallest offset */
	for (m = 0; m < f.n && m < max; m++) {
		for (k = m, i = m + 1; i < f.n; i++)
			if (f.at[i] < f.at[k])
				k = i;
		out[m] = f.tap[k];
		f.tap[k] = f.tap[m];
		f.at[k] = f.at[m];
	}
	return m;
}
