/* SPDX-License-Identifier: MIT */
/* prompt: line input for the checklist, from a terminal or a pipe. */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/prompt.h"

static volatile sig_atomic_t stop_signal;

static void
on_signal(int sig)
{
	stop_signal = sig;
}

static void
catch(int sig, void (*fn)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;	/* no SA_RESTART: read() returns EINTR */
	sigaction(sig, &sa, NULL);
}

void
prompt_init(struct prompt *p, int fd)
{
	memset(p, 0, sizeof *p);
	p->fd = fd;
	p->tty = isatty(fd);
	stop_signal = 0;
	catch(SIGINT, on_signal);
	catch(SIGTERM, on_signal);
	catch(SIGHUP, on_signal);
}

void
prompt_release(struct prompt *p)
{
	(void)p;
	catch(SIGINT, SIG_DFL);
	catch(SIGTERM, SIG_DFL);
	catch(SIGHUP, SIG_DFL);
}

int
prompt_interrupted(void)
{
	return stop_signal != 0;
}

/* A line longer than the answer can hold is never cut: its start would be
 * taken as an answer, and (past the buffer) its tail as the next one.  It
 * is read to its end and reported once. */
static void
too_long(struct prompt *p, size_t cap)
{
	p->lineno++;
	cli_error("line %ld of the input is longer than %zu bytes: it is not taken as an "
	    "answer", p->lineno, cap - 1);
}

int
prompt_read(struct prompt *p, char *out, size_t cap)
{
	for (;;) {
		char *nl;
		ssize_t r;

		if (stop_signal)
			return PROMPT_INTERRUPTED;
		nl = memchr(p->buf + p->start, '\n', p->end - p->start);
		if (nl || (p->eof && (p->end > p->start || p->skipping))) {
			size_t n = nl ? (size_t)(nl - (p->buf + p->start)) : p->end - p->start;
			size_t keep = n;

			p->start += n + (nl ? 1 : 0);
			if (keep > 0 && p->buf[p->start - (nl ? 1 : 0) - 1] == '\r')
				keep--;
			if (p->skipping || keep >= cap) {
				p->skipping = 0;
				too_long(p, cap);
				continue;
			}
			memcpy(out, p->buf + p->start - n - (nl ? 1 : 0), keep);
			out[keep] = '\0';
			p->lineno++;
			return PROMPT_LINE;
		}
		if (p->eof)
			return PROMPT_EOF;
		if (p->end - p->start == sizeof p->buf) {
			/* longer than the buffer: drop what we have, read on to
			 * the end of the line */
			p->skipping = 1;
			p->start = p->end = 0;
		}
		if (p->start > 0) {
			memmove(p->buf, p->buf + p->start, p->end - p->start);
			p->end -= p->start;
			p->start = 0;
		}
		r = read(p->fd, p->buf + p->end, sizeof p->buf - p->end);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return PROMPT_ERROR;
		}
		if (r == 0)
			p->eof = 1;
		p->end += (size_t)r;
	}
}
