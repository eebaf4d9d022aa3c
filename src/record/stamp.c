/* SPDX-License-Identifier: MIT */
/* stamp: civil dates from Unix time without the C library's time zone
 * (the caller knows its offset), and short random codes. */
#include <stdio.h>
#include <string.h>

#include "record/stamp.h"

/* Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's
 * civil_from_days algorithm, restated). */
static void
civil(int64_t days, int *y, int *m, int *d)
{
	int64_t z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;

	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* A proleptic Gregorian date to days since 1970-01-01 (Howard Hinnant's
 * days_from_civil, restated): civil's inverse. */
static int64_t
days_of(int y, int m, int d)
{
	int64_t yy = y - (m <= 2), era = (yy >= 0 ? yy : yy - 399) / 400;
	int64_t yoe = yy - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;

	return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

/* v (>= 0) as n decimal digits at out. */
static void
digits(char *out, int v, int n)
{
	while (n-- > 0) {
		out[n] = (char)('0' + v % 10);
		v /= 10;
	}
}

static int
split(int64_t t, int offset_min, int f[6])
{
	int64_t local, days, secs;

	if (offset_min < -1439 || offset_min > 1439 || t < 0 || t > 253402300799LL)
		return -1;
	local = t + (int64_t)offset_min * 60;
	days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
	secs = local - days * 86400;
	civil(days, &f[0], &f[1], &f[2]);
	f[3] = (int)(secs / 3600);
	f[4] = (int)(secs / 60 % 60);
	f[5] = (int)(secs % 60);
	return f[0] >= 1970 && f[0] <= 9999 ? 0 : -1;
}

int
stamp_time(int64_t t, int offset_min, char out[STAMP_TIME_SIZE])
{
	int f[6], off = offset_min < 0 ? -offset_min : offset_min;

	if (split(t, offset_min, f) != 0)
		return -1;
	/* 2026-11-27T07:30:46+05:30 */
	memcpy(out, "0000-00-00T00:00:00+00:00", STAMP_TIME_SIZE);
	digits(out, f[0], 4);
	digits(out + 5, f[1], 2);
	digits(out + 8, f[2], 2);
	digits(out + 11, f[3], 2);
	digits(out + 14, f[4], 2);
	digits(out + 17, f[5], 2);
	out[19] = offset_min < 0 ? '-' : '+';
	digits(out + 20, off / 60, 2);
	digits(out + 23, off % 60, 2);
	return 0;
}

int
stamp_date(int64_t t, int offset_min, char out[STAMP_DATE_SIZE])
{
	int f[6];

	if (split(t, offset_min, f) != 0)
		return -1;
	memcpy(out, "0000-00-00", STAMP_DATE_SIZE);
	digits(out, f[0], 4);
	digits(out + 5, f[1], 2);
	digits(out + 8, f[2], 2);
	return 0;
}

/* n decimal digits at s into *v; -1 unless all are digits. */
static int
read_digits(const char *s, int n, int *v)
{
	int i;

	for (*v = 0, i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*v = *v * 10 + (s[i] - '0');
	}
	return 0;
}

int
stamp_parse(const char *s, int64_t *t, int *offset_min)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, mo, d, h, mi, se, oh = 0, om = 0, sign = 1, leap;
	int64_t v;

	if (read_digits(s, 4, &y) || s[4] != '-' || read_digits(s + 5, 2, &mo) ||
	    s[7] != '-' || read_digits(s + 8, 2, &d) || s[10] != 'T' ||
	    read_digits(s + 11, 2, &h) || s[13] != ':' || read_digits(s + 14, 2, &mi) ||
	    s[16] != ':' || read_digits(s + 17, 2, &se))
		return -1;
	if (s[19] == 'Z' && s[20] == '\0')
		sign = 1;
	else if ((s[19] == '+' || s[19] == '-') && !read_digits(s + 20, 2, &oh) &&
	    s[22] == ':' && !read_digits(s + 23, 2, &om) && s[25] == '\0')
		sign = s[19] == '-' ? -1 : 1;
	else
		return -1;
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1] + (mo == 2 && leap) ||
	    h > 23 || mi > 59 || se > 59 || oh > 23 || om > 59)
		return -1;
	v = days_of(y, mo, d) * 86400 + h * 3600 + mi * 60 + se -
	    (int64_t)sign * (oh * 60 + om) * 60;
	if (v < 0 || v > 253402300799LL)
		return -1;
	*t = v;
	*offset_min = sign * (oh * 60 + om);
	return 0;
}

void
stamp_code(const unsigned char rnd[6], char out[STAMP_CODE_SIZE])
{
	static const char crockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
	int i;

	for (i = 0; i < 6; i++)
		out[i] = crockford[rnd[i] & 31];
	out[6] = '\0';
}

int
stamp_id(int64_t t, int offset_min, const unsigned char rnd[6], char out[STAMP_ID_SIZE])
{
	char date[STAMP_DATE_SIZE], code[STAMP_CODE_SIZE];

	if (stamp_date(t, offset_min, date) != 0)
		return -1;
	stamp_code(rnd, code);
	snprintf(out, STAMP_ID_SIZE, "%s-%s", date, code);
	return 0;
}
