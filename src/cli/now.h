/* SPDX-License-Identifier: MIT */
/* now: what the core takes from the system through the front end: the
 * time with the local UTC offset, and random bytes. */
#ifndef HANDOVER_NOW_H
#define HANDOVER_NOW_H

#include <stddef.h>
#include <time.h>

#include "record/stamp.h"

/* The current time, seconds since 1970 UTC: HANDOVER_NOW when it is set
 * to a decimal number (for tests and for output that must come out the
 * same twice), else the system clock. */
time_t cli_now(void);
/* The local offset from UTC at t, in minutes east. */
int cli_utc_offset(time_t t);
/* t as "2026-11-27T07:30:46+05:30" and the local date "2026-11-27".
 * Returns 0 or -1 (a clock past 9999). */
int cli_stamp(time_t t, char stamp[STAMP_TIME_SIZE], char date[STAMP_DATE_SIZE]);
/* n random bytes from /dev/urandom.  Returns 0 or -1 with errno. */
int cli_random(unsigned char *b, size_t n);
/* The columns of the terminal on fd, or 0 when fd is not a terminal. */
size_t cli_term_width(int fd);

#endif
