/* SPDX-License-Identifier: MIT */
/* now: the clock (or HANDOVER_NOW), the time zone, randomness and the
 * terminal's width. */
#include <sys/ioctl.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli/now.h"

time_t
cli_now(void)
{
	const char *env = getenv("HANDOVER_NOW");
	char *end;
	long long v;

	if (env && *env) {
		errno = 0;
		v = strtoll(env, &end, 10);
		if (errno == 0 && *end == '\0' && v >= 0 && v <= 253402300799LL &&
		    (long long)(time_t)v == v)
			return (time_t)v;
	}
	return time(NULL);
}

int
cli_utc_offset(time_t t)
{
	struct tm lt, gt;
	long d;

	if (!localtime_r(&t, &lt) || !gmtime_r(&t, &gt))
		return 0;
	/* the two broken-down times differ by the offset, at most a day */
	d = (lt.tm_hour - gt.tm_hour) * 60L + (lt.tm_min - gt.tm_min);
	if (lt.tm_year != gt.tm_year)
		d += lt.tm_year > gt.tm_year ? 1440 : -1440;
	else if (lt.tm_yday != gt.tm_yday)
		d += lt.tm_yday > gt.tm_yday ? 1440 : -1440;
	return (int)d;
}

int
cli_stamp(time_t t, char stamp[STAMP_TIME_SIZE], char date[STAMP_DATE_SIZE])
{
	int off = cli_utc_offset(t);

	if (stamp && stamp_time((int64_t)t, off, stamp) != 0)
		return -1;
	if (date && stamp_date((int64_t)t, off, date) != 0)
		return -1;
	return 0;
}

int
cli_random(unsigned char *b, size_t n)
{
	int fd = open("/dev/urandom", O_RDONLY);
	size_t got = 0;

	if (fd < 0)
		return -1;
	while (got < n) {
		ssize_t r = read(fd, b + got, n - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			int e = r < 0 ? errno : EIO;
			close(fd);
			errno = e;
			return -1;
		}
		got += (size_t)r;
	}
	close(fd);
	return 0;
}

size_t
cli_term_width(int fd)
{
	struct winsize ws;
	const char *cols;

	if (!isatty(fd))
		return 0;
	if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	cols = getenv("COLUMNS");
	if (cols && atoi(cols) > 0)
		return (size_t)atoi(cols);
	return 80;
}
