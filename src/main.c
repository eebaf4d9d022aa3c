/* SPDX-License-Identifier: MIT */
/* main: global options and dispatch through the command table. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cmd/commands.h"

/* A standard stream started closed (prog <&- or >&-) is held by /dev/null
 * opened the wrong way round, so that reading or writing it still fails
 * (EBADF: "cannot read", "cannot write", exit 3) while no file handover
 * opens later lands on it: a check run with stdout closed wrote its
 * verdict into its own lock file and exited 0 having shown nothing. */
static void
hold_std_fds(void)
{
	int fd;

	for (fd = 0; fd <= 2; fd++) {
		int got;
		if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
			continue;
		got = open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY);
		if (got >= 0 && got != fd)	/* not the lowest free one: give up */
			close(got);
	}
}

static int
usage(FILE *f)
{
	size_t i;

	fprintf(f,
	    "usage: handover [--data DIR] COMMAND [ARGS...]\n"
	    "\n"
	    "Checks a used phone before you pay for it, and keeps a sealed record.\n"
	    "\n"
	    "commands:\n");
	for (i = 0; commands[i]; i++)
		fprintf(f, "  %-10s %s\n", commands[i]->name, commands[i]->summary);
	fprintf(f,
	    "\n"
	    "options:\n"
	    "  --data DIR   read data files from DIR before the built-in ones\n"
	    "               (also HANDOVER_DATA)\n"
	    "  --version    print the version\n"
	    "  --help       this text; 'handover COMMAND --help' for a command\n"
	    "\n"
	    "exit status:");
	for (i = 0; cli_exit_words[i]; i++)
		fprintf(f, "%s%s%zu %s", i ? "," : "", i == 4 || i == 7 ? "\n " : " ", i,
		    cli_exit_words[i]);
	fprintf(f, "\nmanual: man handover (or man ./docs/handover.1)\n");
	return 0;
}

/* Takes "--data DIR" / "--data=DIR" out of argv wherever it stands
 * before "--".  Returns the new argc, or -1 when DIR is missing. */
static int
take_data_option(int argc, char **argv, const char **dir)
{
	int i, j = 1;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			while (i < argc)
				argv[j++] = argv[i++];
			break;
		}
		if (strcmp(argv[i], "--data") == 0) {
			if (i + 1 >= argc)
				return -1;
			*dir = argv[++i];
			continue;
		}
		if (strncmp(argv[i], "--data=", 7) == 0) {
			*dir = argv[i] + 7;
			continue;
		}
		argv[j++] = argv[i];
	}
	argv[j] = NULL;
	return j;
}

int
main(int argc, char **argv)
{
	struct cli c = {0};
	const struct command *cmd;
	const char *env = getenv("HANDOVER_DATA");
	int status;

	hold_std_fds();
	/* A closed pipe is an ordinary write error, reported as such; so is
	 * a file-size limit (ulimit -f): EFBIG, not death by SIGXFSZ with a
	 * half-written output and no word. */
	signal(SIGPIPE, SIG_IGN);
#ifdef SIGXFSZ
	signal(SIGXFSZ, SIG_IGN);
#endif
	c.argv0 = argv[0];
	if (env && *env)
		c.data_dir = env;
	argc = take_data_option(argc, argv, &c.data_dir);
	if (argc < 0)
		return cli_usage(NULL, "option '--data' needs a folder");
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		if (argc > 2 && (cmd = command_find(argv[2])) != NULL)
			return cli_help(cmd);
		usage(stdout);
		return cli_finish_output(NULL, EXIT_OK);
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("handover %s\n", HANDOVER_VERSION);
		return cli_finish_output(NULL, EXIT_OK);
	}
	cmd = command_find(argv[1]);
	if (!cmd) {
		if (argv[1][0] == '-')
			return cli_usage(NULL, "unknown option '%s'", argv[1]);
		return cli_usage(NULL, "unknown command '%s'", argv[1]);
	}
	c.color = cli_want_color(1);
	status = cmd->run(&c, argc - 1, argv + 1);
	cli_release(&c);
	return status;
}
