/* SPDX-License-Identifier: MIT */
/* test_stamp: timestamps from Unix time and an offset, against values
 * computed with GNU date (TZ=...), and the Crockford codes. */
#include <string.h>

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

int
main(void)
{
	RUN(test_times);
	RUN(test_codes);
	return h_done();
}
