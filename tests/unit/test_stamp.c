/* SPDX-License-Identifier: MIT */
/* test_stamp: timestamps from Unix time and an offset, against values
 * computed with GNU date (TZ=...), read back, and compared with the C
 * library's gmtime_r over many random times; the Crockford codes. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "harness.h"
#include "record/stamp.h"

static void
test_times(void)
{
	/* date -d @1795747509 -u +%FT%T: 2026-11-27T02:45:09 */
	static const struct {
		long long t;
		int off;
		const char *want;
	} v[] = {
		{0, 0, "1970-01-01T00:00:00+00:00"},
		{1795747509, 0, "2026-11-27T02:45:09+00:00"},
		{1795747509, 330, "2026-11-27T08:15:09+05:30"},	/* Asia/Kolkata */
		{1795747509, -300, "2026-11-26T21:45:09-05:00"},	/* America/New_York */
		{951782400, 0, "2000-02-29T00:00:00+00:00"},		/* a leap day */
		{4107542399LL, 0, "2100-02-28T23:59:59+00:00"},	/* 2100 is no leap year */
		{4107542400LL, 0, "2100-03-01T00:00:00+00:00"},
		{253402300799LL, 0, "9999-12-31T23:59:59+00:00"},
	};
	char out[STAMP_TIME_SIZE], date[STAMP_DATE_SIZE];
	size_t i;

	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		CHECK_INT(stamp_time(v[i].t, v[i].off, out), 0);
		CHECK_STR(out, v[i].want);
	}
	CHECK_INT(stamp_date(1795747509, -300, date), 0);
	CHECK_STR(date, "2026-11-26");
	CHECK_INT(stamp_time(-1, 0, out), -1);
	CHECK_INT(stamp_time(0, -60, out), -1);	/* 1969 */
	CHECK_INT(stamp_time(0, 1440, out), -1);
	CHECK_INT(stamp_time(253402300800LL, 0, out), -1);
}

static void
test_codes(void)
{
	static const unsigned char rnd[6] = {0, 31, 32, 8, 18, 255};
	char code[STAMP_CODE_SIZE], id[STAMP_ID_SIZE];

	stamp_code(rnd, code);
	CHECK_STR(code, "0Z08JZ");
	CHECK_INT(strspn(code, "0123456789ABCDEFGHJKMNPQRSTVWXYZ"), 6);
	CHECK_INT(stamp_id(1795747509, 330, rnd, id), 0);
	CHECK_STR(id, "2026-11-27-0Z08JZ");
}

static void
test_parse(void)
{
	static const char *const bad[] = {
		"", "2026-11-23", "2026-11-23T14:05:09", "2026-11-23T14:05:09+0530",
		"2026-11-23 14:05:09+05:30", "2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z",
		"2026-11-31T00:00:00Z", "2026-11-23T24:00:00Z", "2026-11-23T14:60:00Z",
		"2026-11-23T14:05:60Z", "2026-11-23T14:05:09+05:30 ", "2026-11-23T14:05:09z",
		"2026-1-23T14:05:09Z", "+2026-11-23T14:05:09Z", "2026-11-23T14:05:09+24:00",
		"2026-11-23T14:05:09+05:60", "1969-12-31T23:59:59Z", "1970-01-01T00:30:00+01:00",
	};
	int64_t t;
	int off;
	size_t i;

	CHECK_INT(stamp_parse("1970-01-01T00:00:00Z", &t, &off), 0);
	CHECK_INT(t, 0);
	CHECK_INT(stamp_parse("2026-11-27T08:15:09+05:30", &t, &off), 0);
	CHECK_INT(t, 1795747509);
	CHECK_INT(off, 330);
	CHECK_INT(stamp_parse("2026-11-26T21:45:09-05:00", &t, &off), 0);
	CHECK_INT(t, 1795747509);
	CHECK_INT(off, -300);
	CHECK_INT(stamp_parse("2024-02-29T23:59:59+13:59", &t, &off), 0);
	CHECK_INT(stamp_parse("9999-12-31T23:59:59Z", &t, &off), 0);
	CHECK_INT(t, 253402300799LL);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (stamp_parse(bad[i], &t, &off) != -1) {
			char m[96];
			snprintf(m, sizeof m, "accepted \"%s\"", bad[i]);
			h_note(__FILE__, __LINE__, m);
		}
}

/* Random times and offsets: the date agrees with gmtime_r, and what
 * stamp_time writes stamp_parse reads back. */
static void
test_against_libc(void)
{
	unsigned long x = 20261123;
	int i;

	for (i = 0; i < 200000 && !h_cur_fail; i++) {
		int64_t t, back;
		int off, off2;
		time_t lt;
		struct tm tm;
		char s[STAMP_TIME_SIZE], want[64];

		x = x * 6364136223846793005UL + 1442695040888963407UL;
		t = (int64_t)((x >> 20) % 6000000000ULL) + 86400;	/* 1970-2160 */
		off = (int)((x >> 8) % (2 * 1439 + 1)) - 1439;
		lt = (time_t)(t + off * 60);
		if ((int64_t)lt != t + off * 60 || !gmtime_r(&lt, &tm))
			continue;
		snprintf(want, sizeof want, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
		    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
		    tm.tm_sec, off < 0 ? '-' : '+', abs(off) / 60, abs(off) % 60);
		CHECK_INT(stamp_time(t, off, s), 0);
		CHECK_STR(s, want);
		CHECK_INT(stamp_parse(s, &back, &off2), 0);
		CHECK_INT(back, t);
		CHECK_INT(off2, off);
	}
}

int
main(void)
{
	RUN(test_times);
	RUN(test_codes);
	RUN(test_parse);
	RUN(test_against_libc);
	return h_done();
}
