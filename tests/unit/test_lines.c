/* SPDX-License-Identifier: MIT */
/* test_lines: the front ends' line readers (cli/lines.c for imei, dups
 * and apps; cli/prompt.c for the checklist): an over-long line is
 * consumed whole and reported once with its number; the line after it
 * is read intact, never its tail. */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/lines.h"
#include "cli/prompt.h"
#include "harness.h"

/* A file descriptor reading the n bytes at p (a temporary file). */
static int
feed(const char *p, size_t n)
{
	const char *tmp = getenv("TMPDIR");	/* Termux has no /tmp */
	char path[4096];
	int fd;

	snprintf(path, sizeof path, "%s/handover-lines.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if ((fd = mkstemp(path)) < 0)
		return -1;
	unlink(path);
	if (write(fd, p, n) != (ssize_t)n || lseek(fd, 0, SEEK_SET) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

static char *
repeat(char c, size_t n)
{
	char *s = malloc(n + 1);

	if (s) {
		memset(s, c, n);
		s[n] = '\0';
	}
	return s;
}

/* "short\n" + a line of len bytes (+ "\n" unless last) + "next\n". */
static char *
three_lines(size_t len, int last, size_t *n)
{
	char *mid = repeat('x', len), *all = malloc(len + 32);

	if (!mid || !all) {
		free(mid);
		free(all);
		return NULL;
	}
	*n = (size_t)sprintf(all, "short\n%s%s", mid, last ? "" : "\nnext\r\n");
	free(mid);
	return all;
}

static void
check_lines(size_t cap, size_t len, int last)
{
	struct lines l;
	const char *p;
	size_t n, total;
	int cut, fd;
	char *in = three_lines(len, last, &total);

	if (!in || (fd = feed(in, total)) < 0) {
		CHECK(!"cannot make the input");
		free(in);
		return;
	}
	CHECK_INT(lines_init(&l, fd, cap), 0);
	CHECK_INT(lines_next(&l, &p, &n, &cut), 1);
	CHECK(n == 5 && memcmp(p, "short", 5) == 0 && !cut);
	CHECK_INT(lines_next(&l, &p, &n, &cut), 1);
	CHECK_INT(l.lineno, 2);
	if (len < cap) {
		CHECK(!cut && n == len);
	} else {
		CHECK(cut);	/* too long: flagged, its bytes not given */
		CHECK_INT(n, 0);
	}
	if (!last) {
		CHECK_INT(lines_next(&l, &p, &n, &cut), 1);
		CHECK(!cut && n == 4 && memcmp(p, "next", 4) == 0);
		CHECK_INT(l.lineno, 3);
	}
	CHECK_INT(lines_next(&l, &p, &n, &cut), 0);
	CHECK_INT(l.bytes, (long long)total);
	lines_release(&l);
	close(fd);
	free(in);
}

static void
test_lines_lengths(void)
{
	size_t cap = 1024, lens[] = { 0, 1, 1022, 1023, 1024, 1025, 2047, 2048, 2049, 5000, 100000 };
	size_t i;

	for (i = 0; i < sizeof lens / sizeof lens[0]; i++) {
		check_lines(cap, lens[i], 0);
		if (lens[i] > 0)	/* a last line needs a byte to be one */
			check_lines(cap, lens[i], 1);
	}
}

/* prompt_read: a line longer than the answer buffer (or than its own) is
 * skipped whole with one message on stderr; the next line comes next. */
static void
check_prompt(size_t len)
{
	struct prompt p;
	char out[64];
	size_t total;
	int fd, saved = dup(STDERR_FILENO), null = open("/dev/null", O_WRONLY);
	char *in = three_lines(len, 0, &total);

	if (!in || (fd = feed(in, total)) < 0) {
		CHECK(!"cannot make the input");
		free(in);
		return;
	}
	dup2(null, STDERR_FILENO);	/* the message about the long line */
	prompt_init(&p, fd);
	CHECK_INT(prompt_read(&p, out, sizeof out), PROMPT_LINE);
	CHECK_STR(out, "short");
	CHECK_INT(prompt_read(&p, out, sizeof out), PROMPT_LINE);
	if (len < sizeof out) {
		CHECK_INT(strlen(out), len);
		CHECK_INT(prompt_read(&p, out, sizeof out), PROMPT_LINE);
	}
	CHECK_STR(out, "next");		/* never the tail of the long line */
	CHECK_INT(p.lineno, 3);
	CHECK_INT(prompt_read(&p, out, sizeof out), PROMPT_EOF);
	prompt_release(&p);
	dup2(saved, STDERR_FILENO);
	close(saved);
	close(null);
	close(fd);
	free(in);
}

static void
test_prompt_lengths(void)
{
	size_t lens[] = { 0, 62, 63, 64, 65, 4095, 4096, 4097, 10000 };
	size_t i;

	for (i = 0; i < sizeof lens / sizeof lens[0]; i++)
		check_prompt(lens[i]);
}

int
main(void)
{
	RUN(test_lines_lengths);
	RUN(test_prompt_lengths);
	return h_done();
}
