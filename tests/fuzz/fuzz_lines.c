/* SPDX-License-Identifier: MIT */
/* fuzz_lines: the two line readers of the front ends (cli/lines.c for
 * imei, dups and apps; cli/prompt.c for the checklist) over arbitrary
 * bytes through a pipe, against a plain split at "\n": every line the
 * reference sees comes back in order, whole, or flagged as too long, and
 * the line numbers agree.  The input's first byte sets the length limit. */
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sanitizer/common_interface_defs.h>

#include "cli/lines.h"
#include "cli/prompt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A descriptor reading p[0..n): a temporary file, rewound. */
static int
source(const char *p, size_t n)
{
	char path[] = "/tmp/fuzz-lines.XXXXXX";
	int fd = mkstemp(path);

	if (fd < 0)
		return -1;
	unlink(path);
	if ((n && write(fd, p, n) != (ssize_t)n) || lseek(fd, 0, SEEK_SET) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data + 1;
	size_t n = size ? size - 1 : 0, cap = size ? 1024 + data[0] % 8 : 1024, pos = 0;
	size_t pcap = size ? 2 + data[0] % 64 : 2;
	struct lines l;
	struct prompt pr;
	const char *got;
	size_t gn;
	int cut, fd, null, saved;
	long line = 0;
	char out[72];

	if (size == 0 || (fd = source(p, n)) < 0)
		return 0;
	if (lines_init(&l, fd, cap) != 0) {
		close(fd);
		return 0;
	}
	while (lines_next(&l, &got, &gn, &cut) == 1) {
		const char *nl = memchr(p + pos, '\n', n - pos);
		size_t len = nl ? (size_t)(nl - (p + pos)) : n - pos, want = len;

		if (pos >= n)
			abort();	/* a line the reference does not have */
		if (want > 0 && p[pos + want - 1] == '\r')
			want--;
		line++;
		if (l.lineno != line)
			abort();
		if (cut != (len >= cap) || (!cut && (gn != want || memcmp(got, p + pos, gn) != 0)))
			abort();
		pos += len + (nl ? 1 : 0);
	}
	if (pos != n)
		abort();	/* a line was lost */
	lines_release(&l);
	/* the prompt: too-long lines are skipped (and said on stderr) */
	lseek(fd, 0, SEEK_SET);
	saved = dup(STDERR_FILENO);
	null = open("/dev/null", O_WRONLY);
	/* the reader's messages go to /dev/null, a sanitizer's report to
	 * the real stderr */
	__sanitizer_set_report_fd((void *)(intptr_t)saved);
	dup2(null, STDERR_FILENO);
	prompt_init(&pr, fd);
	pos = 0;
	for (;;) {
		int r = prompt_read(&pr, out, pcap);
		const char *nl;
		size_t len, want;

		/* the next line short enough for the prompt */
		for (;;) {
			if (pos >= n) {
				nl = NULL;
				len = want = 0;
				break;
			}
			nl = memchr(p + pos, '\n', n - pos);
			len = nl ? (size_t)(nl - (p + pos)) : n - pos;
			want = len > 0 && p[pos + len - 1] == '\r' ? len - 1 : len;
			if (want < pcap)
				break;
			pos += len + (nl ? 1 : 0);
		}
		if (r != PROMPT_LINE) {
			if (r != PROMPT_EOF || pos < n)
				abort();
			break;
		}
		if (pos >= n || out[want] != '\0' || memcmp(out, p + pos, want) != 0)
			abort();
		pos += len + (nl ? 1 : 0);
	}
	prompt_release(&pr);
	dup2(saved, STDERR_FILENO);
	__sanitizer_set_report_fd((void *)(intptr_t)STDERR_FILENO);
	close(saved);
	close(null);
	close(fd);
	return 0;
}
