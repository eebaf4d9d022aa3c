/* SPDX-License-Identifier: MIT */
/* answers: parsing "step.id = answer" files. */
#include <string.h>

#include "check/answers.h"
#include "lib/utf8.h"

static int
key_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_';
}

int
answers_parse(struct answers *out, const char *text, size_t len, struct error *e)
{
	size_t pos = 0;
	long line = 0;

	out->n = 0;
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		pos = 3;
	while (pos < len) {
		const char *s = text + pos, *nl = memchr(s, '\n', len - pos), *eq;
		size_t n = nl ? (size_t)(nl - s) : len - pos, k, v0, v1;
		struct answer_line *a;

		pos += n + (nl ? 1 : 0);
		line++;
		if (n > 0 && s[n - 1] == '\r')
			n--;
		for (k = 0; k < n && (s[k] == ' ' || s[k] == '\t'); k++)
			;
		if (k == n || s[k] == '#')
			continue;
		if (!utf8_valid(s, n))
			return error_set(e, line, 0, "line %ld is not valid UTF-8", line);
		eq = memchr(s, '=', n);
		if (!eq)
			return error_set(e, line, 0,
			    "line %ld: expected 'step.id = answer' (see 'handover check --steps')", line);
		if (out->n == ANSWERS_MAX)
			return error_set(e, line, 0, "line %ld: more than %d answers", line, ANSWERS_MAX);
		a = &out->a[out->n];
		memset(a, 0, sizeof *a);
		a->line = line;
		v0 = (size_t)(eq - s);
		while (v0 > k && (s[v0 - 1] == ' ' || s[v0 - 1] == '\t'))
			v0--;
		if (v0 == k)
			return error_set(e, line, 0, "line %ld: no step id before '='", line);
		if (v0 - k >= sizeof a->id)
			return error_set(e, line, 0, "line %ld: the step id is longer than %zu bytes "
			    "(see 'handover check --steps')", line, sizeof a->id - 1);
		for (size_t i = k; i < v0; i++)
			if (!key_char(s[i]))
				return error_set(e, line, (long)i + 1,
				    "line %ld: '%.*s' is not a step id (see 'handover check --steps')",
				    line, (int)(v0 - k), s + k);
		memcpy(a->id, s + k, v0 - k);
		v0 = (size_t)(eq - s) + 1;
		v1 = n;
		while (v0 < v1 && (s[v0] == ' ' || s[v0] == '\t'))
			v0++;
		while (v1 > v0 && (s[v1 - 1] == ' ' || s[v1 - 1] == '\t'))
			v1--;
		if (v1 - v0 >= sizeof a->value)
			return error_set(e, line, 0, "line %ld: the answer is longer than %zu bytes",
			    line, sizeof a->value - 1);
		memcpy(a->value, s + v0, v1 - v0);
		out->n++;
	}
	return 0;
}
