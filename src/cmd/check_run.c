/* SPDX-License-Identifier: MIT */
/* check_run: one run of 'handover check': its data, its records folder, and
 * everything it prints around the questions. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd/check_run.h"
#include "cli/fd.h"

static const char *const section_titles[][2] = {
	{"listing", "The listing"}, {"identity", "The phone's identity"},
	{"registry", "The official IMEI check"}, {"financing", "Financing and lender locks"},
	{"accounts", "Accounts and reset"}, {"proof", "Proof of purchase"},
	{"seller", "The seller"},
};

int
checkrun_open(struct check_run *r, struct cli *c, const char *tacdb, int steps_only)
{
	struct error e;

	r->cli = c;
	fd_buf_init(&r->out, STDOUT_FILENO);
	tacload_init(&r->tl, c, tacdb);
	if (cli_load_kb(c, &r->kb) != 0)
		return EXIT_IO;
	r->kb_loaded = 1;
	if (cli_load_idents(c, &r->idt) != 0 || cli_load_words(c, &r->texts) != 0)
		return EXIT_IO;
	cl_init(&r->cl, &r->kb, &r->idt);
	if (steps_only)
		return EXIT_OK;
	if (tacload_check_named(&r->tl) != 0)
		return EXIT_IO;
	if (store_open(&r->store, NULL, &e) != 0) {
		cli_error("%s", e.msg);
		return EXIT_IO;
	}
	if (r->store.tightened)
		cli_error("'%s' could be read by others: it is now private (0700)", r->store.dir);
	return EXIT_OK;
}

int
checkrun_start(struct check_run *r, const char *resume, const char *country)
{
	struct error e;

	if (resume) {
		struct record rec;
		enum record_seal seal;
		if (store_load(&r->store, resume, &rec, &seal, &e) != 0) {
			cli_error("%s", e.msg);
			return EXIT_IO;
		}
		if (seal != RECORD_INTACT) {
			record_release(&rec);
			cli_error("the saved check '%s' was changed since it was saved: "
			    "'handover verify' says more; start a new check", resume);
			return EXIT_IO;
		}
		if (checkrec_restore(&r->cl, &rec, &r->meta, &e) != 0) {
			record_release(&rec);
			cli_error("'%s': %s", resume, e.msg);
			return EXIT_IO;
		}
		record_release(&rec);
		if (r->meta.sealed) {
			cli_error("the check '%s' is finished and sealed: 'handover show %s' prints "
			    "it; start a new one with 'handover check'", r->meta.id, r->meta.id);
			return EXIT_USAGE;
		}
		checkrun_say(r, "Resuming check %s. Type ? for help, back, skip, status, quit.\n",
		    r->meta.id);
		return EXIT_OK;
	}
	if (store_new_id(&r->store, time(NULL), r->meta.id, &e) != 0) {
		cli_error("%s", e.msg);
		return EXIT_IO;
	}
	checkrun_say(r, "handover check %s: it is saved after every answer.\n"
	    "At any question: ? for help, back, skip, status, quit.\n", r->meta.id);
	if (country) {
		char v[CL_VALUE_MAX], msg[256];
		size_t i = (size_t)cl_find("listing.country");
		if (cl_validate(&r->cl, i, country, v, msg, sizeof msg) < 0) {
			cli_error("--country: %s", msg);
			return EXIT_USAGE;
		}
		if (msg[0])
			checkrun_say(r, "  %s\n", msg);
		cl_answer(&r->cl, i, v);
	}
	return EXIT_OK;
}

void
checkrun_close(struct check_run *r)
{
	buf_release(&r->out);
	tacload_release(&r->tl);
	if (r->kb_loaded)
		kb_release(&r->kb);
	ident_tables_release(&r->idt);
	cl_texts_release(&r->texts);
}

void
checkrun_say(struct check_run *r, const char *fmt, ...)
{
	char small[1024];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n > 0)
		buf_put(&r->out, small, (size_t)n < sizeof small ? (size_t)n : sizeof small - 1);
}

static const char *
color(const struct check_run *r, const char *code)
{
	return r->cli->color ? code : "";
}

void
checkrun_question(struct check_run *r, size_t i)
{
	const struct cl_step *st = &cl_steps[i];
	const struct cl_text *t = cl_text_step(&r->texts, st->id);
	size_t k;

	if (!r->section || strcmp(r->section, st->section) != 0) {
		for (k = 0; k < sizeof section_titles / sizeof section_titles[0]; k++)
			if (strcmp(section_titles[k][0], st->section) == 0)
				checkrun_say(r, "\n%s== %s ==%s\n", color(r, "\033[1m"),
				    section_titles[k][1], color(r, "\033[0m"));
		r->section = st->section;
	}
	checkrun_say(r, "\n");
	cl_render(&r->cl, t->a, &r->out);
	if (r->def[0])
		checkrun_say(r, " [%s]", r->def);
	checkrun_say(r, "\n> ");
}

void
checkrun_help(struct check_run *r, size_t i)
{
	const struct cl_text *t = cl_text_step(&r->texts, cl_steps[i].id);

	checkrun_say(r, "  ");
	cl_render(&r->cl, t->b, &r->out);
	checkrun_say(r, "\n  (step %s; type the answer, or back, skip, status, quit)\n",
	    cl_steps[i].id);
}

static void
put_reason(struct check_run *r, const struct cl_reason *x, int todo)
{
	const struct cl_text *t = cl_text_reason(&r->texts, x->code);
	const char *s = t ? t->a : x->code, *p;

	checkrun_say(r, "  %s%-7s%s ", color(r, x->level == CL_STOP ? "\033[31m" : "\033[33m"),
	    cl_level_name(x->level), color(r, "\033[0m"));
	/* {detail} is the reason's own; the rest comes from the knowledge base */
	while ((p = strstr(s, "{detail}")) != NULL) {
		buf_put(&r->out, s, (size_t)(p - s));
		buf_puts(&r->out, x->detail);
		s = p + 8;
	}
	cl_render(&r->cl, s, &r->out);
	checkrun_say(r, " [%s]\n", x->code);
	if (todo && t) {
		checkrun_say(r, "          -> ");
		cl_render(&r->cl, t->b, &r->out);
		checkrun_say(r, "\n");
	}
}

void
checkrun_notice(struct check_run *r)
{
	struct cl_reason reasons[CL_MAX_REASONS];
	size_t n, i, k;

	cl_verdict(&r->cl, reasons, CL_MAX_REASONS, &n);
	for (i = 0; i < n && reasons[i].level == CL_STOP; i++) {
		for (k = 0; k < r->nstops; k++)
			if (strcmp(r->stops[k], reasons[i].code) == 0)
				break;
		if (k < r->nstops || r->nstops == CL_MAX_REASONS)
			continue;
		snprintf(r->stops[r->nstops++], sizeof r->stops[0], "%s", reasons[i].code);
		put_reason(r, &reasons[i], 1);
		checkrun_say(r, "          You can finish the checklist to keep a record, "
		    "or type quit.\n");
	}
}

void
checkrun_status(struct check_run *r)
{
	struct cl_reason reasons[CL_MAX_REASONS];
	size_t i, n, done = 0, asked = 0, skipped = 0;
	enum cl_level level;

	for (i = 0; i < cl_nsteps; i++) {
		if (!cl_is_asked(&r->cl, i))
			continue;
		asked++;
		done += r->cl.state[i] == CL_ANSWERED;
		skipped += r->cl.state[i] == CL_SKIPPED;
	}
	level = cl_verdict(&r->cl, reasons, CL_MAX_REASONS, &n);
	checkrun_say(r, "  check %s: %zu of %zu questions answered, %zu skipped\n",
	    r->meta.id, done, asked, skipped);
	for (i = 0; i < cl_nsteps; i++)
		if (cl_is_asked(&r->cl, i) && r->cl.state[i] != CL_ANSWERED)
			checkrun_say(r, "    %-8s %s\n", r->cl.state[i] == CL_SKIPPED ? "skipped" : "open",
			    cl_steps[i].id);
	checkrun_say(r, "  verdict so far: %s\n", cl_level_name(level));
	for (i = 0; i < n; i++)
		put_reason(r, &reasons[i], 0);
}

void
checkrun_set_tac(struct check_run *r)
{
	const char *v = cl_get(&r->cl, "identity.imei1");
	const struct tac_entry *te;
	size_t n;

	r->cl.tac_brand[0] = r->cl.tac_model[0] = '\0';
	if (!v || strlen(v) < 8)
		return;
	te = tacload_find(&r->tl, v, &n);
	if (!te)
		return;
	snprintf(r->cl.tac_brand, sizeof r->cl.tac_brand, "%s", te->brand);
	snprintf(r->cl.tac_model, sizeof r->cl.tac_model, "%s", te->model);
}

int
checkrun_attach(struct check_run *r, const char *path, long line)
{
	struct error e;
	char hex[65];
	uint64_t size;
	const char *base = strrchr(path, '/');

	base = base ? base + 1 : path;
	if (store_hash_file(path, hex, &size, &e) != 0) {
		if (line > 0) {
			cli_error("%s: line %ld: proof.files: %s", r->answers_path, line, e.msg);
			return -1;
		}
		checkrun_say(r, "  %s\n", e.msg);
		return 1;
	}
	if (*base == '\0' || strcmp(base, ".") == 0 || strcmp(base, "..") == 0 ||
	    cl_add_file(&r->cl, hex, size, base) != 0) {
		if (line > 0) {
			cli_error("%s: line %ld: proof.files: cannot attach '%s' (at most %d files)",
			    r->answers_path, line, path, CL_MAX_FILES);
			return -1;
		}
		checkrun_say(r, "  cannot attach '%s' (at most %d files)\n", path, CL_MAX_FILES);
		return 1;
	}
	checkrun_say(r, "  attached %s (%llu bytes, sha256 %.16s...); the file itself stays "
	    "where it is. Another path, or 'done'.\n", base, (unsigned long long)size, hex);
	return 1;
}

enum cl_level
checkrun_summary(struct check_run *r)
{
	struct cl_reason reasons[CL_MAX_REASONS];
	size_t i, n;
	enum cl_level level = cl_verdict(&r->cl, reasons, CL_MAX_REASONS, &n);
	char path[STORE_PATH_MAX];
	struct error e;

	checkrun_say(r, "\n%s== Verdict: %s ==%s\n", color(r, level == CL_STOP ? "\033[1;31m" :
	    level == CL_CAUTION ? "\033[1;33m" : "\033[1;32m"), cl_level_name(level),
	    color(r, "\033[0m"));
	if (n == 0)
		checkrun_say(r, "  Every check passed. Keep the record and the seller's "
		    "declaration with your proof of purchase.\n");
	for (i = 0; i < n; i++)
		put_reason(r, &reasons[i], 1);
	if (store_path(&r->store, r->meta.id, path, sizeof path, &e) != 0)
		snprintf(path, sizeof path, "%s", r->meta.id);
	checkrun_say(r, "\nSealed record: %s\n"
	    "  handover show %s      print it\n"
	    "  handover verify %s    check it was not changed\n", path, r->meta.id, path);
	return level;
}

int
checkrun_steps(struct check_run *r, int json)
{
	static const char *const types[] = {
		"choice", "country", "text", "amount", "date", "imei", "eid", "last4", "files"
	};
	static const char *const answers[] = {
		NULL, "two-letter ISO 3166 code", "one line of text", "digits, optional currency",
		"YYYY-MM-DD", "the IMEI (or MEID) as the phone shows it", "32 digits, or none",
		"the last 4 letters or digits of an ID number", "a file path; repeat; done"
	};
	size_t i;

	if (json)
		buf_puts(&r->out, "[\n");
	for (i = 0; i < cl_nsteps; i++) {
		const struct cl_step *st = &cl_steps[i];
		const struct cl_text *t = cl_text_step(&r->texts, st->id);
		const char *ans = st->choices ? st->choices : answers[st->type];

		if (json) {
			buf_puts(&r->out, "  {\"id\":");
			buf_put_json_str(&r->out, st->id, strlen(st->id));
			buf_printf(&r->out, ",\"section\":\"%s\",\"type\":\"%s\",\"answers\":",
			    st->section, types[st->type]);
			if (st->choices) {
				const char *c = st->choices;
				buf_putc(&r->out, '[');
				while (*c) {
					const char *bar = strchr(c, '|');
					size_t len = bar ? (size_t)(bar - c) : strlen(c);
					buf_put_json_str(&r->out, c, len);
					if (!bar)
						break;
					buf_putc(&r->out, ',');
					c = bar + 1;
				}
				buf_putc(&r->out, ']');
			} else {
				buf_put_json_str(&r->out, ans, strlen(ans));
			}
			buf_puts(&r->out, ",\"asked_when\":");
			buf_put_json_or_null(&r->out, st->when);
			buf_puts(&r->out, ",\"label\":");
			buf_put_json_or_null(&r->out, t ? t->label : NULL);
			buf_puts(&r->out, i + 1 < cl_nsteps ? "},\n" : "}\n");
		} else {
			buf_printf(&r->out, "%-24s %-8s %s", st->id, types[st->type], ans);
			if (st->when)
				buf_printf(&r->out, "  (when %s)", st->when);
			buf_putc(&r->out, '\n');
		}
	}
	if (json)
		buf_puts(&r->out, "]\n");
	else
		buf_puts(&r->out, "\nAny step also takes 'skip'.  In an answers file: "
		    "step.id = answer, one a line.\n");
	return cli_finish_output(&r->out, EXIT_OK);
}
