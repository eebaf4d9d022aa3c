/* SPDX-License-Identifier: MIT */
/* json: a record rendered as one JSON object. */
#include <string.h>

#include "record/record.h"

static void
fields(const struct record *r, size_t from, size_t to, struct buf *out)
{
	size_t i;

	buf_puts(out, "\"fields\":[");
	for (i = from; i < to; i++) {
		buf_puts(out, i > from ? ",[" : "[");
		buf_put_json_str(out, r->fields[i].key, strlen(r->fields[i].key));
		buf_putc(out, ',');
		buf_put_json_str(out, r->fields[i].value, strlen(r->fields[i].value));
		buf_putc(out, ']');
	}
	buf_putc(out, ']');
}

static const char *
or_null(const char *hex)
{
	return hex[0] ? hex : NULL;
}

int
record_write_json(const struct record *r, struct buf *out)
{
	size_t i;

	buf_puts(out, "{\"format\":\"" RECORD_HEADER "\",");
	fields(r, 0, record_check_nfields(r), out);
	buf_puts(out, ",\"sha256\":");
	buf_put_json_or_null(out, or_null(r->nblocks ? r->check_seal : r->seal));
	if (r->nblocks) {
		buf_puts(out, ",\"blocks\":[");
		for (i = 0; i < r->nblocks; i++) {
			const struct record_block *b = &r->blocks[i];
			buf_puts(out, i ? ",{" : "{");
			fields(r, b->first, b->first + b->nfields, out);
			buf_puts(out, ",\"sha256\":");
			buf_put_json_or_null(out, or_null(b->seal));
			buf_putc(out, '}');
		}
		buf_putc(out, ']');
	}
	buf_putc(out, '}');
	return out->err;
}
