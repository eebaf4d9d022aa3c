/* SPDX-License-Identifier: MIT */
/* stamp: the record's times and names made from what the front end
 * gives: a Unix time and the UTC offset for an ISO 8601 timestamp, random
 * bytes for a record id or a challenge code.  Pure. */
#ifndef HANDOVER_STAMP_H
#define HANDOVER_STAMP_H

#include <stdint.h>

#define STAMP_TIME_SIZE 26	/* "2026-11-27T07:30:46+05:30" and NUL */
#define STAMP_DATE_SIZE 11	/* "2026-11-27" and NUL */
#define STAMP_ID_SIZE 18	/* "2026-11-27-7KQ4MZ" and NUL */
#define STAMP_CODE_SIZE 7	/* "7KQ4MZ" and NUL */

/* t seconds since 1970 UTC, shown at offset_min minutes east of UTC
 * (-1439..1439).  Returns 0, or -1 when it does not fit (years 1970-9999). */
int stamp_time(int64_t t, int offset_min, char out[STAMP_TIME_SIZE]);
/* The local date of the same moment: "YYYY-MM-DD". */
int stamp_date(int64_t t, int offset_min, char out[STAMP_DATE_SIZE]);
/* Reads a time as stamp_time writes it, "2026-11-27T07:30:46+05:30" ('Z'
 * also stands for +00:00), into *t, seconds since 1970 UTC, and
 * *offset_min.  Returns 0, or -1 when s is not exactly that form, names
 * no real date or time, or lies outside what stamp_time writes. */
int stamp_parse(const char *s, int64_t *t, int *offset_min);
/* Six characters of Crockford's base 32 (no I, L, O, U) from six random
 * bytes: a code nobody mistypes. */
void stamp_code(const unsigned char rnd[6], char out[STAMP_CODE_SIZE]);
/* A record id: the local date, a dash, stamp_code. */
int stamp_id(int64_t t, int offset_min, const unsigned char rnd[6], char out[STAMP_ID_SIZE]);

#endif
