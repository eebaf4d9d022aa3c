/* SPDX-License-Identifier: MIT */
/* fuzz_scan_threads: differential: 'handover scan' with 1 thread and with
 * 3 threads over the same input must write the same bytes.  The input's
 * rows are repeated past several batches (4096 listings each), so that
 * the IMEIs seen across batches, the order of output and the malformed
 * rows are all exercised on several threads.  The first byte picks CSV or
 * JSON Lines output and --keyed. */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sanitizer/common_interface_defs.h>

#include "cli/cli.h"
#include "cmd/commands.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define ROWS 8300

/* Runs scan with argv on the file in, its stdout into a new temporary
 * file; returns that file's descriptor (rewound) or -1. */
static int
run_scan(char **argv, int argc)
{
	char path[] = "/tmp/fuzz-scan-out.XXXXXX";
	struct cli c;
	int fd = mkstemp(path), saved_out, saved_err, null;

	if (fd < 0)
		return -1;
	unlink(path);
	memset(&c, 0, sizeof c);
	fflush(stdout);
	saved_out = dup(STDOUT_FILENO);
	saved_err = dup(STDERR_FILENO);
	null = open("/dev/null", O_WRONLY);
	dup2(fd, STDOUT_FILENO);
	/* the command's own messages go to /dev/null, a sanitizer's report
	 * to the real stderr */
	__sanitizer_set_report_fd((void *)(intptr_t)saved_err);
	dup2(null, STDERR_FILENO);
	(void)command_scan.run(&c, argc, argv);
	fflush(stdout);
	dup2(saved_out, STDOUT_FILENO);
	dup2(saved_err, STDERR_FILENO);
	__sanitizer_set_report_fd((void *)(intptr_t)STDERR_FILENO);
	close(saved_out);
	close(saved_err);
	close(null);
	cli_release(&c);
	lseek(fd, 0, SEEK_SET);
	return fd;
}

static int
same(int a, int b)
{
	char x[65536], y[65536];

	for (;;) {
		ssize_t n = read(a, x, sizeof x), m = read(b, y, sizeof y);
		if (n != m || n < 0)
			return 0;
		if (n == 0)
			return 1;
		if (memcmp(x, y, (size_t)n) != 0)
			return 0;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char in[] = "/tmp/fuzz-scan-in.XXXXXX";
	const char *body, *nl;
	char *argv[8];
	size_t hlen, blen;
	int fd, a, b, argc = 0, i;
	FILE *f;

	if (size < 2 || size > 4096)
		return 0;
	/* the first line is the header, the rest the rows, repeated */
	body = (const char *)data + 1;
	nl = memchr(body, '\n', size - 1);
	if (!nl)
		return 0;
	hlen = (size_t)(nl - body) + 1;
	blen = size - 1 - hlen;
	if (blen == 0 || (fd = mkstemp(in)) < 0)
		return 0;
	f = fdopen(fd, "w");
	fwrite(body, 1, hlen, f);
	for (i = 0; i * (blen / 64 + 1) < ROWS; i++) {
		fwrite(body + hlen, 1, blen, f);
		if (body[hlen + blen - 1] != '\n')
			fputc('\n', f);
	}
	fclose(f);
	argv[argc++] = (char *)"scan";
	argv[argc++] = (char *)"-q";
	if (data[0] & 1)
		argv[argc++] = (char *)"--keyed";
	else if (data[0] & 2)
		argv[argc++] = (char *)"--output=csv";
	argv[argc++] = (char *)"--threads=1";
	argv[argc++] = in;
	argv[argc] = NULL;
	a = run_scan(argv, argc);
	argv[argc - 2] = (char *)"--threads=3";
	b = run_scan(argv, argc);
	unlink(in);
	if (a >= 0 && b >= 0 && !same(a, b))
		abort();
	if (a >= 0)
		close(a);
	if (b >= 0)
		close(b);
	return 0;
}
