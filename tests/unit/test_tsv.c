/* SPDX-License-Identifier: MIT */
/* test_tsv: the data-table reader: rows and fields, and what it refuses
 * with the line and column: rows of another width, over-long lines, and
 * anything a terminal would obey (data reaches info, apps and imei). */
#include <stdlib.h>
#include <string.h>

#include "lib/tsv.h"
#include "harness.h"

/* Reads every row of text; returns tsv_next's last result (0 at the end,
 * -1 on an error, with e). */
static int
read_all(const char *text, size_t len, struct error *e, size_t *rows)
{
	struct tsv t;
	struct tsv_row row;
	int r;

	*rows = 0;
	memset(e, 0, sizeof *e);
	if (tsv_open(&t, "t.tsv", text, len, e) != 0)
		return -1;
	while ((r = tsv_next(&t, &row, e)) == 1)
		(*rows)++;
	return r;
}

#define READ(lit, e, rows) read_all("" lit, sizeof(lit) - 1, (e), (rows))

static void
test_rows(void)
{
	struct error e;
	size_t rows;

	CHECK_INT(READ("# c\na\tb\n\n1\t2\r\n# x\n3\t\xc3\xa9\n", &e, &rows), 0);
	CHECK_INT(rows, 2);
	CHECK_INT(READ("a\tb\n1\t2\t3\n", &e, &rows), -1);
	CHECK(strstr(e.msg, "line 2 has 3 fields") != NULL);
}

static void
test_controls_refused(void)
{
	struct error e;
	size_t rows;

	CHECK_INT(READ("a\tb\nx\ty\x1b]0;T\x07\n", &e, &rows), -1);
	CHECK_INT(e.line, 2);
	CHECK_INT(e.column, 4);
	CHECK(strstr(e.msg, "a control character (\\x1b)") != NULL);
	CHECK_INT(READ("a\tb\nx\t\xc2\x9b" "2J\n", &e, &rows), -1);
	CHECK(strstr(e.msg, "(<U+009B>)") != NULL);
	CHECK_INT(READ("a\tb\nx\tgpj\xe2\x80\xae.exe\n", &e, &rows), -1);
	CHECK(strstr(e.msg, "<U+202E>") != NULL);
	CHECK_INT(READ("a\tb\nx\t\xff\n", &e, &rows), -1);
	CHECK(strstr(e.msg, "not UTF-8 (\\xff)") != NULL);
	CHECK_INT(READ("a\x1b\tb\n", &e, &rows), -1);	/* the header too */
	CHECK_INT(e.line, 1);
}

static void
test_long_line(void)
{
	size_t n = TSV_MAX_LINE + 100, rows;
	char *s = malloc(n + 32);
	struct error e;

	if (!s) {
		CHECK(s != NULL);
		return;
	}
	strcpy(s, "a\tb\n1\t");
	memset(s + 6, 'x', n);
	strcpy(s + 6 + n, "\n3\t4\n");
	CHECK_INT(read_all(s, strlen(s), &e, &rows), -1);
	CHECK_INT(e.line, 2);
	CHECK(strstr(e.msg, "line 2 is longer than") != NULL);
	s[6 + TSV_MAX_LINE - 3] = '\n';		/* just short enough, then a bad row */
	CHECK_INT(read_all(s, strlen(s), &e, &rows), -1);
	CHECK_INT(rows, 1);
	CHECK_INT(e.line, 3);
	free(s);
}

int
main(void)
{
	RUN(test_rows);
	RUN(test_controls_refused);
	RUN(test_long_line);
	return h_done();
}
