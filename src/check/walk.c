/* SPDX-License-Identifier: MIT */
/* walk: an answers file applied as a person would answer: the steps in
 * order, each taking its lines ("step.id = answer"), older step ids read
 * as today's, steps newer than the file passed over, the file's own
 * problems said with their line numbers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/answers.h"
#include "check/session.h"
#include "check/session_priv.h"

/* The answer lines for step i not used yet, in file order. */
static int
line_for(const struct answers *a, enum cl_id i, size_t from)
{
	size_t k;

	for (k = from; k < a->n; k++)
		if (!a->a[k].used && cl_find(a->a[k].id) == (int)i)
			return (int)k;
	return -1;
}

/* Applies line k of the file to step i.  Returns 0 or -1 (a bad answer). */
static int
apply_line(struct session *s, struct answers *a, size_t k, struct session_reply *out)
{
	const char *v = a->a[k].value, *nv;

	a->a[k].used = 1;
	s->line = a->a[k].line;
	if (cl_alias(a->a[k].id, v, &nv) >= 0)
		v = nv;
	session_answer(s, v, out);
	return out->outcome == SESSION_BAD ? -1 : 0;
}

static void
warn_unused(struct session *s, const struct answers *a, struct session_reply *out)
{
	size_t k;

	for (k = 0; k < a->n; k++) {
		int i;
		char line[24];
		struct fill fl[] = {{"line", line}, {"step", a->a[k].id}, {"when", NULL},
		    {NULL, NULL}};
		if (a->a[k].used)
			continue;
		i = cl_find(a->a[k].id);
		snprintf(line, sizeof line, "%ld", a->a[k].line);
		fl[2].value = cl_steps[i].when ? cl_steps[i].when : "already answered";
		session_say_words(s, out, SAY_WARN, "msg.file_not_asked", fl);
	}
}

int
session_answers_file(struct session *s, const char *text, size_t len,
    struct session_reply *out)
{
	struct answers *a = calloc(1, sizeof *a);
	struct error e;
	size_t k;
	int cur, rc = -1;

	out->outcome = SESSION_BAD;
	if (!a) {
		buf_puts(session_say(out, SAY_PROBLEM), "out of memory");
		return -1;
	}
	if (answers_parse(a, text, len, &e) != 0) {
		buf_puts(session_say(out, SAY_PROBLEM), e.msg);
		goto out;
	}
	for (k = 0; k < a->n; k++)
		if (cl_find(a->a[k].id) < 0) {
			char line[24];
			struct fill fl[] = {{"line", line}, {"step", a->a[k].id}, {NULL, NULL}};
			snprintf(line, sizeof line, "%ld", a->a[k].line);
			session_say_words(s, out, SAY_PROBLEM, "msg.file_no_step", fl);
			goto out;
		}
	s->from_file = 1;
	/* Walk the steps in order, as a person would, taking each answer. */
	while ((cur = session_current(s)) >= 0) {
		int l = line_for(a, (enum cl_id)cur, 0);
		if (l < 0) {
			/* a step newer than the file: passed over, not asked */
			if (cl_steps[cur].flags & CL_NEWER) {
				s->cl.state[cur] = CL_PASSED;
				continue;
			}
			break;
		}
		do {
			out->outcome = SESSION_NEXT;
			if (apply_line(s, a, (size_t)l, out) != 0)
				goto out;
		} while (s->cl.state[cur] == CL_OPEN && out->outcome == SESSION_AGAIN &&
		    (l = line_for(a, (enum cl_id)cur, (size_t)l)) >= 0);
		if (cl_steps[cur].type == CL_FILES && s->cl.state[cur] == CL_OPEN)
			session_files_done(s, out);
		if (s->cl.state[cur] == CL_OPEN)
			break;
	}
	warn_unused(s, a, out);
	out->outcome = SESSION_NEXT;
	rc = 0;
out:
	s->from_file = 0;
	s->line = 0;
	free(a);
	return rc;
}

