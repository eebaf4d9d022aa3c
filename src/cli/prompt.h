/* SPDX-License-Identifier: MIT */
/* prompt: reading answers from a terminal or a pipe, one line at a time,
 * and noticing Ctrl-C (SIGINT), SIGTERM and SIGHUP so the front end can
 * save and say how to resume.  The terminal's own line editing is used;
 * its modes are never changed, so there is nothing to restore. */
#ifndef HANDOVER_PROMPT_H
#define HANDOVER_PROMPT_H

#include <stddef.h>

enum { PROMPT_LINE = 1, PROMPT_EOF = 0, PROMPT_ERROR = -1, PROMPT_INTERRUPTED = -2 };

struct prompt {
	int fd;
	int tty;		/* reading from a terminal */
	char buf[4096];
	size_t start, end;
	int eof;
	int skipping;		/* inside a line longer than buf */
	long lineno;		/* lines read so far */
};

/* Starts reading fd and catches the signals above. */
void prompt_init(struct prompt *p, int fd);
/* Reads one line (without "\n", "\r\n") into out.  A line that does not
 * fit in cap - 1 bytes is never cut: it is read to its end, reported once
 * on stderr with its line number, and skipped, so the next line comes
 * next (a piped answer's tail never answers the next question).  Returns
 * PROMPT_LINE, PROMPT_EOF, PROMPT_ERROR or PROMPT_INTERRUPTED. */
int prompt_read(struct prompt *p, char *out, size_t cap);
/* 1 once a signal asked us to stop. */
int prompt_interrupted(void);
/* Puts the default signal actions back. */
void prompt_release(struct prompt *p);

#endif
