/* SPDX-License-Identifier: MIT */
/* ident json: a line's identifiers as handover imei reports them, and the
 * JSON object of one. */
#include <stdio.h>
#include <string.h>

#include "ident/json.h"

/* A value made of digits and letters only: no escaping needed. */
static void
put_plain(struct buf *b, const char *v)
{
	if (v && *v) {
		buf_putc(b, '"');
		buf_puts(b, v);
		buf_putc(b, '"');
	} else {
		BUF_LIT(b, "null");
	}
}

static void
put_str(struct buf *b, const char *v)
{
	if (v && *v)
		buf_put_json_str(b, v, strlen(v));
	else
		BUF_LIT(b, "null");
}

size_t
ident_check_line(const struct ident_tables *t, const char *s, size_t n, long lineno,
    struct ident *out, size_t max)
{
	size_t count = ident_parse_line(t, s, n, out, max), i;

	if (count > 0 || max == 0)
		return count;
	for (i = 0; i < n && (s[i] == ' ' || s[i] == '\t'); i++)
		;
	ident_classify(t, "", 0, IDENT_UNKNOWN, &out[0]);	/* labels only */
	if (i == n) {
		out[0].problem = IDENT_BAD_LENGTH;
		if (lineno > 0)
			snprintf(out[0].message, sizeof out[0].message, "line %ld has no identifier: "
			    "give one IMEI, MEID, ESN or EID a line", lineno);
		else
			snprintf(out[0].message, sizeof out[0].message, "no identifier given: "
			    "give an IMEI, MEID, ESN or EID");
	}
	out[0].start = 0;
	out[0].len = n;
	return 1;
}

void
ident_write_json(struct buf *b, const struct ident_tables *t, const char *in, size_t inlen,
    const struct ident *id, const struct tac_entry *te, size_t nte)
{
	BUF_LIT(b, "{\"input\":");
	buf_put_json_str(b, in, inlen);
	BUF_LIT(b, ",\"kind\":\"");
	buf_puts(b, ident_kind_name(id->kind));
	if (id->problem == IDENT_OK)
		BUF_LIT(b, "\",\"valid\":true,\"normalized\":");
	else
		BUF_LIT(b, "\",\"valid\":false,\"normalized\":");
	if (id->problem == IDENT_NOT_DIGITS)
		put_str(b, id->normalized);
	else
		put_plain(b, id->problem == IDENT_SCIENTIFIC_NOTATION ? NULL : id->normalized);
	BUF_LIT(b, ",\"reporting_body\":");
	if (id->rb >= 0 && id->rb < 100) {
		const struct ident_rb *rb = ident_reporting_body(t, id->rb);
		char code[3] = {(char)('0' + id->rb / 10), (char)('0' + id->rb % 10), '\0'};
		BUF_LIT(b, "{\"code\":\"");
		buf_puts(b, code);
		BUF_LIT(b, "\",\"name\":");
		buf_put_json_or_null(b, rb ? rb->name : NULL);
		buf_putc(b, '}');
	} else {
		BUF_LIT(b, "null");
	}
	BUF_LIT(b, ",\"tac\":");
	put_plain(b, id->tac);
	BUF_LIT(b, ",\"serial\":");
	put_plain(b, id->serial);
	BUF_LIT(b, ",\"check_digit\":");
	put_plain(b, id->check);
	BUF_LIT(b, ",\"brand\":");
	put_str(b, te ? te->brand : NULL);
	BUF_LIT(b, ",\"model\":");
	if (te && nte > 1) {
		/* sources disagree: give every model they name */
		struct buf m;
		size_t i;
		buf_init_mem(&m);
		for (i = 0; i < nte; i++) {
			if (i)
				BUF_LIT(&m, " / ");
			buf_puts(&m, te[i].model);
		}
		buf_put_json_str(b, buf_str(&m), m.len);
		if (m.err && !b->err)
			b->err = m.err;
		buf_release(&m);
	} else {
		put_str(b, te ? te->model : NULL);
	}
	BUF_LIT(b, ",\"problem\":");
	put_plain(b, ident_problem_code(id->problem));
	BUF_LIT(b, ",\"message\":");
	put_str(b, id->message);
	BUF_LIT(b, "}\n");
}
