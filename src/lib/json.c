/* SPDX-License-Identifier: MIT */
/* json: a small recursive-descent parser of one JSON value, that
 * unescapes strings in place; lib/jsonl.c reads records with it. */
#include <stdint.h>
#include <string.h>

#include "lib/json_priv.h"
#include "lib/utf8.h"

int
json_fail(struct jp *j, const char *what)
{
	return error_set(j->err, j->line, (long)j->i + 1, "%s", what);
}

void
json_skip_ws(struct jp *j)
{
	while (j->i < j->n && (j->s[j->i] == ' ' || j->s[j->i] == '\t' ||
	    j->s[j->i] == '\r' || j->s[j->i] == '\n'))
		j->i++;
}

static int
hex4(const char *p, uint32_t *v)
{
	int k;

	*v = 0;
	for (k = 0; k < 4; k++) {
		unsigned char c = (unsigned char)p[k];

		*v <<= 4;
		if (c >= '0' && c <= '9')
			*v |= c - '0';
		else if ((c | 32) >= 'a' && (c | 32) <= 'f')
			*v |= (c | 32) - 'a' + 10;
		else
			return -1;
	}
	return 0;
}

/* The escape after the backslash at j->i - 1; writes its UTF-8 at *w
 * (never past the input consumed) when write is set. */
static int
escape(struct jp *j, size_t *w, int write)
{
	uint32_t cp, lo;
	char c;

	if (j->i >= j->n)
		return json_fail(j, "line ends inside a string");
	c = j->s[j->i++];
	switch (c) {
	case '"': case '\\': case '/': cp = (unsigned char)c; break;
	case 'b': cp = '\b'; break;
	case 'f': cp = '\f'; break;
	case 'n': cp = '\n'; break;
	case 'r': cp = '\r'; break;
	case 't': cp = '\t'; break;
	case 'u':
		if (j->n - j->i < 4 || hex4(j->s + j->i, &cp))
			return json_fail(j, "\\u needs four hex digits");
		j->i += 4;
		if (cp >= 0xD800 && cp <= 0xDBFF && j->n - j->i >= 6 &&
		    j->s[j->i] == '\\' && j->s[j->i + 1] == 'u' &&
		    hex4(j->s + j->i + 2, &lo) == 0 &&
		    lo >= 0xDC00 && lo <= 0xDFFF) {
			cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
			j->i += 6;
		} else if (cp >= 0xD800 && cp <= 0xDFFF) {
			cp = 0xFFFD;	/* a lone surrogate */
		}
		break;
	default:
		j->i--;
		return json_fail(j, "unknown escape in a string");
	}
	if (write)
		*w += utf8_encode(cp, j->s + *w);
	return 0;
}

/* The string at j->i (its opening quote); when write, unescapes it in
 * place and sets *out and *len. */
int
json_string(struct jp *j, int write, const char **out, size_t *len)
{
	size_t w, k;
	unsigned char c;

	j->i++;
	w = j->i;
	if (write)
		*out = j->s + w;
	for (;;) {
		size_t st = j->i;

		while (j->i < j->n && !STR_STOP((unsigned char)j->s[j->i]))
			j->i++;
		if (write && w != st)
			memmove(j->s + w, j->s + st, j->i - st);
		w += j->i - st;
		if (j->i >= j->n)
			return json_fail(j, "line ends inside a string");
		c = (unsigned char)j->s[j->i];
		if (c == '"') {
			j->i++;
			break;
		}
		if (c == '\\') {
			j->i++;
			if (escape(j, &w, write))
				return -1;
			if (!write)
				w = j->i;
		} else if (c < 0x20) {
			return json_fail(j, "control character in a string: escape it");
		} else {
			if ((k = utf8_valid_prefix(j->s + j->i, j->n - j->i)) == 0)
				return json_fail(j, "invalid UTF-8 in a string");
			if (write && w != j->i)
				memmove(j->s + w, j->s + j->i, k);
			w += k;
			j->i += k;
		}
	}
	if (write)
		*len = w - (size_t)(*out - j->s);
	return 0;
}

static int
digits(struct jp *j)
{
	size_t st = j->i;

	while (j->i < j->n && j->s[j->i] >= '0' && j->s[j->i] <= '9')
		j->i++;
	return j->i > st ? 0 : json_fail(j, "a number needs a digit here");
}

static int
number(struct jp *j)
{
	if (j->i < j->n && j->s[j->i] == '-')
		j->i++;
	if (j->i < j->n && j->s[j->i] == '0')
		j->i++;
	else if (digits(j))
		return -1;
	if (j->i < j->n && j->s[j->i] == '.') {
		j->i++;
		if (digits(j))
			return -1;
	}
	if (j->i < j->n && (j->s[j->i] == 'e' || j->s[j->i] == 'E')) {
		j->i++;
		if (j->i < j->n && (j->s[j->i] == '+' || j->s[j->i] == '-'))
			j->i++;
		if (digits(j))
			return -1;
	}
	return 0;
}

static int
literal(struct jp *j, const char *word, size_t len)
{
	if (j->n - j->i < len || memcmp(j->s + j->i, word, len) != 0)
		return json_fail(j, "unexpected text: not a JSON value");
	j->i += len;
	return 0;
}

/* Any value at j->i, checked but not unescaped; depth counts the
 * containers it is in. */
int
json_value(struct jp *j, int depth, enum jsonl_type *type)
{
	char c, close;
	int first = 1;

	json_skip_ws(j);
	if (j->i >= j->n)
		return json_fail(j, "line ends where a value should be");
	c = j->s[j->i];
	switch (c) {
	case '"':
		*type = JSONL_STRING;
		return json_string(j, 0, NULL, NULL);
	case 't':
		*type = JSONL_TRUE;
		return literal(j, "true", 4);
	case 'f':
		*type = JSONL_FALSE;
		return literal(j, "false", 5);
	case 'n':
		*type = JSONL_NULL;
		return literal(j, "null", 4);
	case '{':
	case '[':
		break;
	default:
		*type = JSONL_NUMBER;
		if (c != '-' && (c < '0' || c > '9'))
			return json_fail(j, "unexpected character: not a JSON value");
		return number(j);
	}
	*type = c == '{' ? JSONL_OBJECT : JSONL_ARRAY;
	close = c == '{' ? '}' : ']';
	if (depth + 1 > JSONL_MAX_DEPTH)
		return json_fail(j, "nested deeper than 64 levels");
	j->i++;
	for (;;) {
		enum jsonl_type t;

		json_skip_ws(j);
		if (j->i < j->n && j->s[j->i] == close && first) {
			j->i++;
			return 0;
		}
		if (c == '{') {
			if (j->i >= j->n || j->s[j->i] != '"')
				return json_fail(j, "expected a key in quotes");
			if (json_string(j, 0, NULL, NULL))
				return -1;
			json_skip_ws(j);
			if (j->i >= j->n || j->s[j->i] != ':')
				return json_fail(j, "expected ':' after the key");
			j->i++;
		}
		if (json_value(j, depth + 1, &t))
			return -1;
		json_skip_ws(j);
		if (j->i < j->n && j->s[j->i] == ',') {
			j->i++;
			first = 0;
			continue;
		}
		if (j->i < j->n && j->s[j->i] == close) {
			j->i++;
			return 0;
		}
		return json_fail(j, c == '{' ? "expected ',' or '}'" :
		    "expected ',' or ']'");
	}
}
