/* SPDX-License-Identifier: MIT */
/* check_steps: 'handover check --steps [--json]': every step of the
 * checklist, its answers and when it is asked, and with --json its words
 * in the language asked for, for translators, testers and scripts. */
#include <string.h>

#include "cmd/check_run.h"

int
checkrun_steps(struct check_run *r, int json, int recheck)
{
	static const char *const types[] = {
		"choice", "country", "text", "amount", "date", "imei", "eid", "last4", "files",
		"reply"
	};
	static const char *const answers[] = {
		NULL, "two-letter ISO 3166 code, or the country's name", "one line of text",
		"digits, optional currency", "YYYY-MM-DD (or DD/MM/YYYY)",
		"the IMEI (or MEID) as the phone shows it", "32 digits, or none",
		"the last 4 letters or digits of an ID number", "a file path; repeat; done",
		"one of the country's registry replies, or other"
	};
	const struct words *wd = cli_words_of(&r->words);
	size_t i, shown = 0;

	if (json)
		buf_puts(&r->out, "[\n");
	for (i = 0; i < CL_NSTEPS; i++) {
		const struct cl_step *st = &cl_steps[i];
		const char *ans = st->choices ? st->choices : answers[st->type];

		if (!(st->flags & CL_RECHECK) != !recheck)
			continue;	/* the other command's steps */
		if (json) {
			struct cl_choice ch[16];
			size_t n = cl_choices(&r->s.cl, (enum cl_id)i, ch, 16), k;
			buf_puts(&r->out, shown++ ? ",\n  {\"id\":" : "  {\"id\":");
			buf_put_json_str(&r->out, st->id, strlen(st->id));
			buf_printf(&r->out, ",\"section\":\"%s\",\"type\":\"%s\",\"answers\":",
			    st->section, types[st->type]);
			if (st->choices) {
				buf_putc(&r->out, '[');
				for (k = 0; k < n; k++) {
					buf_puts(&r->out, k ? "," : "");
					buf_put_json_str(&r->out, ch[k].answer, strlen(ch[k].answer));
				}
				buf_putc(&r->out, ']');
			} else {
				buf_put_json_str(&r->out, ans, strlen(ans));
			}
			buf_puts(&r->out, ",\"asked_when\":");
			buf_put_json_or_null(&r->out, st->when);
			buf_puts(&r->out, ",\"optional_in_files\":");
			buf_puts(&r->out, st->flags & CL_NEWER ? "true" : "false");
			buf_puts(&r->out, ",\"label\":");
			buf_put_json_or_null(&r->out, words_getf(wd, "step.%s.label", st->id));
			buf_puts(&r->out, ",\"question\":");
			buf_put_json_or_null(&r->out, words_getf(wd, "step.%s.question", st->id));
			buf_puts(&r->out, ",\"help\":");
			buf_put_json_or_null(&r->out, words_getf(wd, "step.%s.help", st->id));
			buf_puts(&r->out, ",\"choices\":");
			if (st->choices) {
				buf_putc(&r->out, '[');
				for (k = 0; k < n; k++) {
					buf_puts(&r->out, k ? ",{\"answer\":" : "{\"answer\":");
					buf_put_json_str(&r->out, ch[k].answer, strlen(ch[k].answer));
					buf_puts(&r->out, ",\"label\":");
					buf_put_json_str(&r->out, ch[k].label, strlen(ch[k].label));
					buf_putc(&r->out, '}');
				}
				buf_putc(&r->out, ']');
			} else {
				buf_puts(&r->out, "null");
			}
			buf_putc(&r->out, '}');
		} else {
			buf_printf(&r->out, "%-24s %-8s %s", st->id, types[st->type], ans);
			if (st->when)
				buf_printf(&r->out, "  (when %s)", st->when);
			buf_putc(&r->out, '\n');
		}
	}
	if (json)
		buf_puts(&r->out, "\n]\n");
	else if (recheck)
		buf_puts(&r->out, "\nAny step also takes 'skip'.  In an answers file: "
		    "step.id = answer, one a line.\n");
	else
		buf_puts(&r->out, "\nAny step also takes 'skip'.  In an answers file: "
		    "step.id = answer, one a line.\n"
		    "Older ids still read: accounts.setup_clean (yes = accounts.setup_lock no).\n");
	return cli_finish_output(&r->out, EXIT_OK);
}
