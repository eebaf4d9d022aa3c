/* SPDX-License-Identifier: MIT */
/* cli: shared front-end plumbing: messages, data files, colour, output. */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kb/blob.h"
#include "cli/cli.h"
#include "cli/file.h"
#include "lib/term.h"

const char *const cli_exit_words[] = {
	[EXIT_OK] = "ok (check: GO)",
	[EXIT_FINDINGS] = "findings",
	[EXIT_USAGE] = "usage error",
	[EXIT_IO] = "input/output error",
	[EXIT_CAUTION] = "check: CAUTION",
	[EXIT_STOP] = "check: STOP",
	[EXIT_UNFINISHED] = "check: saved unfinished",
	[EXIT_NOT_UNDERSTOOD] = "scan: input not understood",
	[EXIT_MALFORMED] = "scan: some rows unreadable",
	NULL
};

/* Writes the formatted message to stderr with every character a terminal
 * would obey shown visibly (term.h): messages quote file names, step ids
 * and values from files nobody has looked at. */
static void
say(const char *fmt, va_list ap)
{
	char msg[2048], out[512], esc[TERM_ESC_MAX];
	size_t i = 0, o = 0, n;
	int w = vsnprintf(msg, sizeof msg, fmt, ap);

	n = w < 0 ? 0 : strlen(msg);
	while (i < n) {
		size_t len = term_char(msg + i, n - i, esc);
		const char *p = esc[0] ? esc : msg + i;
		size_t pl = esc[0] ? strlen(esc) : len;

		if (o + pl > sizeof out) {
			fwrite(out, 1, o, stderr);
			o = 0;
		}
		memcpy(out + o, p, pl);
		o += pl;
		i += len;
	}
	fwrite(out, 1, o, stderr);
	if (w >= (int)sizeof msg)
		fputs("...", stderr);
}

void
cli_error(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs("handover: ", stderr);
	va_start(ap, fmt);
	say(fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int
cli_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fputs("handover: ", stderr);
	va_start(ap, fmt);
	say(fmt, ap);
	va_end(ap);
	if (cmd)
		fprintf(stderr, "\ntry 'handover %s --help'\n", cmd);
	else
		fputs("\ntry 'handover --help'\n", stderr);
	return EXIT_USAGE;
}

int
cli_help(const struct command *cmd)
{
	fputs(cmd->help, stdout);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("cannot write the help text: %s", strerror(errno));
		return EXIT_IO;
	}
	return EXIT_OK;
}

int
cli_read_file(const char *path, size_t max, char **out, size_t *len)
{
	return file_read_all(path, 0, max, out, len, NULL);
}

int
cli_data_exists(const struct cli *c, const char *name)
{
	if (c->data_dir) {
		char path[4096];
		struct stat st;
		int w = snprintf(path, sizeof path, "%s/%s", c->data_dir, name);
		if (w > 0 && (size_t)w < sizeof path && stat(path, &st) == 0)
			return 1;
	}
	return blob_find(name) != NULL;
}

int
cli_data(struct cli *c, const char *name, const char **data, size_t *len)
{
	const struct blob *b;
	struct cli_file *f;
	size_t i;

	for (i = 0; i < c->nloaded; i++)
		if (strcmp(c->loaded[i].name, name) == 0) {
			*data = c->loaded[i].data;
			*len = c->loaded[i].len;
			return 0;
		}
	if (c->data_dir) {
		char path[4096];
		char *buf;
		size_t n;
		struct error e;
		int w = snprintf(path, sizeof path, "%s/%s", c->data_dir, name);

		if (w < 0 || (size_t)w >= sizeof path) {
			cli_error("data folder path too long: '%s'", c->data_dir);
			return -1;
		}
		/* a table is a file in the folder: a link out of it is refused */
		if (file_read_all(path, FILE_NOFOLLOW, 256u << 20, &buf, &n, &e) == 0) {
			f = realloc(c->loaded, (c->nloaded + 1) * sizeof *f);
			if (!f || !(name = strdup(name))) {
				free(f ? NULL : buf);
				cli_error("out of memory");
				if (f)
					c->loaded = f;
				return -1;
			}
			c->loaded = f;
			f[c->nloaded].name = (char *)name;
			f[c->nloaded].data = buf;
			f[c->nloaded].len = n;
			c->nloaded++;
			*data = buf;
			*len = n;
			return 0;
		}
		if (errno != ENOENT) {
			cli_error("%s", e.msg);
			return -1;
		}
	}
	b = blob_find(name);
	if (!b) {
		cli_error("no data file '%s' is built in: rebuild with 'make'", name);
		return -1;
	}
	*data = b->data;
	*len = b->len;
	return 0;
}

int
cli_want_color(int fd)
{
	const char *term = getenv("TERM");
	const char *no = getenv("NO_COLOR");

	if (no && *no)
		return 0;
	if (!term || strcmp(term, "dumb") == 0)
		return 0;
	return isatty(fd);
}

int
cli_finish_output(struct buf *b, int status)
{
	int err = b ? buf_flush(b) : 0;

	if (fflush(stdout) != 0 || ferror(stdout))
		err = err ? err : (errno ? errno : EIO);
	if (err) {
		cli_error("cannot write the output: %s", strerror(err));
		return EXIT_IO;
	}
	return status;
}

void
cli_release(struct cli *c)
{
	size_t i;

	for (i = 0; i < c->nloaded; i++) {
		free(c->loaded[i].name);
		free(c->loaded[i].data);
	}
	free(c->loaded);
	c->loaded = NULL;
	c->nloaded = 0;
}
