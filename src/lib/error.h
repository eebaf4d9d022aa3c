/* SPDX-License-Identifier: MIT */
/* error: errors as values.  Core functions fill one and return a status;
 * only front ends decide what the user sees. */
#ifndef HANDOVER_ERROR_H
#define HANDOVER_ERROR_H

struct error {
	long line;		/* 1-based, 0 when not about a line */
	long column;		/* 1-based, 0 when not about a column */
	char msg[256];		/* lowercase, no full stop, says what to do */
};

/* Fills e (when not NULL) and returns -1, so callers can
 * "return error_set(e, ...)". */
int error_set(struct error *e, long line, long column, const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* 1 when e says memory ran out ("out of memory", the one wording every
 * part uses), so a front end can report it as an I/O failure (exit 3)
 * rather than as a finding about the input. */
int error_is_nomem(const struct error *e);

#endif
