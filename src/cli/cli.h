/* SPDX-License-Identifier: MIT */
/* cli: what every front end shares: exit codes, messages on stderr, the
 * data files (embedded, or overridden by --data / HANDOVER_DATA), colour. */
#ifndef HANDOVER_CLI_H
#define HANDOVER_CLI_H

#include <stddef.h>

#include "lib/buf.h"

/* Every exit status handover uses; cli_exit_words says each in words for
 * 'handover --help', and the manual's EXIT STATUS lists the same. */
enum {
	EXIT_OK = 0,		/* all good; check: GO */
	EXIT_FINDINGS = 1,	/* something invalid or flagged */
	EXIT_USAGE = 2,		/* bad command line */
	EXIT_IO = 3,		/* input/output error */
	EXIT_CAUTION = 4,	/* check: the verdict is CAUTION */
	EXIT_STOP = 5,		/* check: the verdict is STOP */
	EXIT_UNFINISHED = 6,	/* check: saved unfinished, to resume */
	EXIT_NOT_UNDERSTOOD = 7,	/* scan: an input it cannot read as listings */
	EXIT_MALFORMED = 8	/* scan: some rows could not be read */
};
extern const char *const cli_exit_words[];	/* indexed by status */

struct cli_file {
	char *name;
	char *data;
	size_t len;
};

struct cli {
	const char *argv0;	/* how handover was started */
	const char *data_dir;	/* --data DIR or HANDOVER_DATA, or NULL */
	int color;		/* colour on stdout */
	struct cli_file *loaded;	/* files read from data_dir, freed at exit */
	size_t nloaded;
};

struct command {
	const char *name;
	int (*run)(struct cli *c, int argc, char **argv);
	const char *synopsis;	/* e.g. "imei [--json] [ID...]" */
	const char *summary;	/* one line for "handover --help" */
	const char *help;	/* the full "handover CMD --help" text */
};

/* "handover: <message>" on stderr, every character a terminal would obey
 * shown visibly (lib/term.h), so quoting untrusted text is safe. */
void cli_error(const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
/* A usage error: the message (as cli_error shows it), a pointer to
 * --help; returns EXIT_USAGE. */
int cli_usage(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Prints cmd->help to stdout and returns EXIT_OK (EXIT_IO if it cannot). */
int cli_help(const struct command *cmd);

/* The data file called name (e.g. "tac.tsv"): from the override folder
 * when it holds that file, else the embedded copy.  Returns 0, or -1 with
 * a message printed (cannot read the override). */
int cli_data(struct cli *c, const char *name, const char **data, size_t *len);

/* 1 when the data file called name is in the override folder or built in. */
int cli_data_exists(const struct cli *c, const char *name);

/* Reads a whole file ("-" is stdin) into memory; caller frees *out.
 * Returns 0 or -1 with errno set.  max caps the size (EFBIG past it).
 * A path must name a regular file (EISDIR for a folder, EINVAL for a
 * FIFO, device or socket): file_read_all (cli/file.h) says which. */
int cli_read_file(const char *path, size_t max, char **out, size_t *len);

/* 1 when colour should be used on fd: a terminal, NO_COLOR unset, TERM
 * not "dumb". */
int cli_want_color(int fd);

/* Flushes b and stdout and reports a write error (e.g. a full disk).
 * Returns status unchanged, or EXIT_IO on a write error. */
int cli_finish_output(struct buf *b, int status);

void cli_release(struct cli *c);

#endif
