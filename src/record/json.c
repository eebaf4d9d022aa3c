/* SPDX-License-Identifier: MIT */
/* json: a record rendered as one JSON object. */
#include <string.h>

#include "record/record.h"

int
record_write_json(const struct record *r, struct buf *out)
{
	size_t i;

	buf_puts(out, "{\"format\":\"" RECORD_HEADER "\",\"fields\":[");
	for (i = 0; i < r->nfields; i++) {
		buf_puts(out, i ? ",[" : "[");
		buf_put_json_str(out, r->fields[i].key, strlen(r->fields[i].key));
		buf_putc(out, ',');
		buf_put_json_str(out, r->fields[i].value, strlen(r->fields[i].value));
		buf_putc(out, ']');
	}
	buf_puts(out, "],\"sha256\":");
	buf_put_json_or_null(out, r->seal[0] ? r->seal : NULL);
	buf_putc(out, '}');
	return out->err;
}
