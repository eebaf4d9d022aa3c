/* SPDX-License-Identifier: MIT */
/* harness: the unit-test harness.  A test is a function; a check that
 * fails prints its file and line and the test counts as failed; main
 * ends with "N passed, N failed". */
#ifndef HANDOVER_HARNESS_H
#define HANDOVER_HARNESS_H

#include <stdio.h>
#include <string.h>

static int h_passed, h_failed, h_cur_fail;
static const char *h_cur;

static void
h_note(const char *file, int line, const char *what)
{
	if (!h_cur_fail)
		printf("FAIL %s\n", h_cur);
	printf("  %s:%d: %s\n", file, line, what);
	h_cur_fail = 1;
}

#define CHECK(cond) do { if (!(cond)) h_note(__FILE__, __LINE__, #cond); } while (0)

#define CHECK_STR(got, want) do { \
	const char *g_ = (got), *w_ = (want); \
	if (!g_ || !w_ || strcmp(g_, w_) != 0) { \
		char m_[1024]; \
		snprintf(m_, sizeof m_, "%s: got \"%.400s\", want \"%.400s\"", #got, \
		    g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
		h_note(__FILE__, __LINE__, m_); \
	} \
} while (0)

#define CHECK_INT(got, want) do { \
	long long g_ = (long long)(got), w_ = (long long)(want); \
	if (g_ != w_) { \
		char m_[256]; \
		snprintf(m_, sizeof m_, "%s: got %lld, want %lld", #got, g_, w_); \
		h_note(__FILE__, __LINE__, m_); \
	} \
} while (0)

#define RUN(fn) do { \
	h_cur = #fn; h_cur_fail = 0; fn(); \
	if (h_cur_fail) h_failed++; else h_passed++; \
} while (0)

static int
h_done(void)
{
	printf("%d passed, %d failed\n", h_passed, h_failed);
	return h_failed ? 1 : 0;
}

#endif
