/* SPDX-License-Identifier: MIT */
/* error: filling an error value. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "lib/error.h"

int
error_set(struct error *e, long line, long column, const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return -1;
	e->line = line;
	e->column = column;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return -1;
}

int
error_is_nomem(const struct error *e)
{
	return e && strncmp(e->msg, "out of memory", 13) == 0;
}
