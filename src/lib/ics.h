/* SPDX-License-Identifier: MIT */
/* ics: writing iCalendar (RFC 5545) into a buf: content lines ending in
 * CRLF, folded at 75 octets (never inside a UTF-8 character), TEXT values
 * escaped, UTC times.  What goes into a calendar is the caller's. */
#ifndef HANDOVER_ICS_H
#define HANDOVER_ICS_H

#include "lib/buf.h"

#define ICS_LINE_MAX 75		/* octets in a line, without its CRLF */
#define ICS_UTC_SIZE 17		/* "20261123T083509Z" and a NUL */

/* "name:value" (name may carry parameters, "DTSTART;VALUE=DATE"), the
 * value as given: for values of a type other than TEXT, already in that
 * type's form.  Folded, CRLF-ended. */
void ics_line(struct buf *b, const char *name, const char *value);
/* A TEXT property (RFC 5545 3.3.11): backslash, ';' and ',' escaped, a
 * line feed as "\n", other control characters as spaces, bytes that are
 * not UTF-8 as U+FFFD. */
void ics_text(struct buf *b, const char *name, const char *text);
/* A UTC time written "2026-11-23T08:35:09+00:00" (or with 'Z') as a UTC
 * DATE-TIME, "20261123T083509Z".  Returns 0, or -1 when it is not that. */
int ics_utc(const char *stamp, char out[ICS_UTC_SIZE]);

#endif
