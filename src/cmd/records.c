/* SPDX-License-Identifier: MIT */
/* records: "handover list" and "handover show": the saved checks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check/recheck.h"
#include "check/saved.h"
#include "cli/cli.h"
#include "cli/load.h"
#include "cli/now.h"
#include "cmd/commands.h"
#include "cli/opt.h"
#include "record/record.h"
#include "cli/store.h"
#include "lib/wrap.h"
#include "cli/fd.h"
#include "lib/term.h"
#include "export/export.h"
#include "record/stamp.h"

static const char *
seal_word(enum record_seal s)
{
	return s == RECORD_INTACT ? "intact" : s == RECORD_ALTERED ? "ALTERED" : "unsealed";
}

static const char *
get(const struct record *r, const char *key)
{
	const char *v = record_get(r, key);
	return v ? v : "";
}

static int
open_store(struct store *s)
{
	struct error e;

	if (store_open(s, NULL, &e) != 0) {
		cli_error("%s", e.msg);
		return -1;
	}
	return 0;
}

/* ------------------------------------------------------------------ list */

/* The re-checks of r for 'list --json': each one done, and the next due. */
static void
rechecks_json(const struct record *r, const struct recheck_plan *p, int64_t now,
    struct buf *out)
{
	struct recheck_next n;
	char at[STAMP_TIME_SIZE];
	size_t b;

	buf_puts(out, ",\"rechecks\":[");
	for (b = 0; b < r->nblocks; b++) {
		struct recheck x;
		if (recheck_read(r, b, &x, NULL) != 0)
			continue;
		buf_puts(out, b ? ",{\"time\":" : "{\"time\":");
		buf_put_json_str(out, x.time, strlen(x.time));
		if (p->applies && x.time_ok)
			buf_printf(out, ",\"day\":%ld", recheck_day_of(p, x.at));
		buf_printf(out, ",\"state\":\"%s\",\"verdict\":", x.sealed ? "sealed" : "open");
		buf_put_json_or_null(out, x.verdict);
		buf_putc(out, '}');
	}
	buf_puts(out, "],\"next_recheck\":");
	if (recheck_next(p, now, &n) && stamp_time(n.at, p->offset, at) == 0)
		buf_printf(out, "{\"day\":%d,\"at\":\"%s\",\"due\":%s}", n.day, at,
		    n.due ? "true" : "false");
	else
		buf_puts(out, "null");
}

/* Reads list's options: *json is set by --json.  Returns -1 to go on, else
 * the exit status to stop with (after --help, or a usage error). */
static int
list_options(int argc, char **argv, int *json)
{
	static const struct opt_spec specs[] = {
		{"json", 0, 0, 'j'}, {"help", 'h', 0, OPT_HELP}, {NULL, 0, 0, 0}
	};
	struct opt o;
	int k, status;

	if (opt_init(&o, argc, argv) != 0) {
		cli_error("out of memory");
		return EXIT_IO;
	}
	while ((k = opt_next(&o, specs)) != OPT_END) {
		if (k == 'j')
			*json = 1;
		else if (k == OPT_HELP) {
			opt_release(&o);
			return cli_help(&command_list);
		} else {
			status = cli_usage("list", "%s", o.errmsg);
			opt_release(&o);
			return status;
		}
	}
	if (o.noperands > 0) {
		status = cli_usage("list", "unexpected argument '%s'", o.operands[0]);
		opt_release(&o);
		return status;
	}
	opt_release(&o);
	return -1;
}

/* What comes before the n checks: the JSON array's opening, or the column
 * heads, or the sentence saying folder dir holds none. */
static void
list_head(struct buf *out, int json, size_t n, const char *dir)
{
	if (json)
		buf_puts(out, "[");
	else if (n == 0)
		buf_printf(out, "no saved checks in %s: start one with 'handover check'\n",
		    dir);
	else
		buf_printf(out, "%-20s %-8s %-8s %-16s %-26s %s\n", "ID", "STATE", "VERDICT",
		    "IMEI", "PHONE", "RECHECK");
}

/* Check id (record r, sealed as seal) as an element of the JSON array;
 * first says it is the array's first. */
static void
list_json_entry(const char *id, const struct record *r, enum record_seal seal,
    const struct recheck_plan *plan, int64_t now, int first, struct buf *out)
{
	buf_puts(out, first ? "\n {\"id\":" : ",\n {\"id\":");
	buf_put_json_str(out, id, strlen(id));
	buf_puts(out, ",\"state\":");
	buf_put_json_or_null(out, record_get(r, "state"));
	buf_printf(out, ",\"seal\":\"%s\",\"verdict\":", seal_word(seal));
	buf_put_json_or_null(out, record_get(r, "verdict"));
	buf_puts(out, ",\"imei1\":");
	buf_put_json_or_null(out, record_get(r, "identity.imei1"));
	buf_puts(out, ",\"brand\":");
	buf_put_json_or_null(out, record_get(r, "listing.brand"));
	buf_puts(out, ",\"model\":");
	buf_put_json_or_null(out, record_get(r, "listing.model"));
	buf_puts(out, ",\"updated\":");
	buf_put_json_or_null(out, record_get(r, "updated"));
	rechecks_json(r, plan, now, out);
	buf_puts(out, "}");
}

/* Check id (record r, sealed as seal) as one line under the column heads:
 * a record's values are shown, never obeyed (lib/term.h). */
static void
list_text_entry(const char *id, const struct record *r, enum record_seal seal,
    const struct recheck_plan *plan, int64_t now, struct buf *out)
{
	char st[64], vd[64], im[96], ph[640], phone[160];
	struct buf rc;

	snprintf(phone, sizeof phone, "%s %s", get(r, "listing.brand"),
	    get(r, "listing.model"));
	buf_init_mem(&rc);
	recheck_status(r, plan, now, &rc);
	buf_printf(out, "%-20s %-8s %-8s %-16s %-26s ", id,
	    term_safe(seal == RECORD_INTACT ? get(r, "state") : seal_word(seal),
	    st, sizeof st),
	    term_safe(record_get(r, "verdict") ? get(r, "verdict") : "-", vd, sizeof vd),
	    term_safe(record_get(r, "identity.imei1") ? get(r, "identity.imei1") : "-",
	    im, sizeof im), term_safe(phone, ph, sizeof ph));
	if (rc.err)
		buf_putc(out, '-');
	else
		buf_put_term(out, rc.mem, rc.len);	/* a re-check's verdict too */
	buf_putc(out, '\n');
	buf_release(&rc);
}

/* The n checks ents[0..n) of store s, each loaded and written to out as
 * JSON or as text, their re-checks as of now.  Returns EXIT_OK, or EXIT_IO
 * when one could not be loaded (said, and the others still listed). */
static int
list_entries(struct store *s, const struct store_entry *ents, size_t n, int json,
    int64_t now, struct buf *out)
{
	struct error e;
	int status = EXIT_OK;
	size_t i, listed = 0;	/* a record that failed is not listed: the
				 * JSON array's commas follow the listed ones */

	for (i = 0; i < n; i++) {
		struct recheck_plan plan;
		struct record r;
		enum record_seal seal;

		if (store_load(s, ents[i].id, &r, &seal, &e) != 0) {
			cli_error("%s", e.msg);
			status = EXIT_IO;
			continue;
		}
		recheck_plan(&r, &plan);
		if (seal != RECORD_INTACT)
			plan.applies = 0;
		if (json)
			list_json_entry(ents[i].id, &r, seal, &plan, now, listed == 0, out);
		else
			list_text_entry(ents[i].id, &r, seal, &plan, now, out);
		listed++;
		record_release(&r);
	}
	return status;
}

static int
run_list(struct cli *c, int argc, char **argv)
{
	struct store s;
	struct store_entry *ents = NULL;
	struct error e;
	struct buf out;
	size_t n = 0;
	int json = 0, status;
	int64_t now = (int64_t)cli_now();

	(void)c;
	if ((status = list_options(argc, argv, &json)) >= 0)
		return status;
	if (open_store(&s) != 0)
		return EXIT_IO;
	if (store_list(&s, &ents, &n, &e) != 0) {
		cli_error("%s", e.msg);
		return EXIT_IO;
	}
	fd_buf_init(&out, STDOUT_FILENO);
	list_head(&out, json, n, s.dir);
	status = list_entries(&s, ents, n, json, now, &out);
	if (json)
		buf_puts(&out, n ? "\n]\n" : "]\n");
	free(ents);
	status = cli_finish_output(&out, status);
	buf_release(&out);
	return status;
}

/* ------------------------------------------------------------------ show */

static const char *
wd(const struct words *w, const char *key)
{
	const char *s = words_get(w, key);
	return s ? s : key;
}

/* text, then spaces to fill width columns of the terminal. */
static void
put_padded(struct buf *out, const char *text, size_t width)
{
	size_t w = wrap_width(text, strlen(text));

	buf_puts(out, text);
	while (w++ < width)
		buf_putc(out, ' ');
}

/* A stated reason in words: its detail is the record's, so the sentence
 * goes through the sanitiser (lib/term.h) like every value show prints. */
static void
put_reason(const struct saved_check *sc, const struct saved_reason *x, int todo,
    struct buf *out)
{
	struct buf t;

	buf_init_mem(&t);
	saved_reason_text(sc, x, todo, &t);
	buf_put_term(out, buf_str(&t), t.len);
	if (t.err && !out->err)
		out->err = t.err;
	buf_release(&t);
}

static void
show_reasons(const struct saved_check *sc, const struct words *w, struct buf *out)
{
	const char *stop = wd(w, "verdict.STOP"), *caution = wd(w, "verdict.CAUTION");
	size_t i, width = wrap_width(stop, strlen(stop));

	/* the two words in one column, a space after the longer (CAUTION is
	 * nine letters in several languages: HATI-HATI, TAHADHARI) */
	if (wrap_width(caution, strlen(caution)) > width)
		width = wrap_width(caution, strlen(caution));
	for (i = 0; i < sc->nstated; i++) {
		const struct saved_reason *x = &sc->stated[i];
		buf_puts(out, "  ");
		put_padded(out, strcmp(x->level, "STOP") == 0 ? stop : caution, width + 1);
		put_reason(sc, x, 0, out);
		buf_puts(out, "\n          -> ");
		put_reason(sc, x, 1, out);
		buf_putc(out, '\n');
	}
}

static void
show_text(const struct saved_check *sc, const struct record *r, enum record_seal seal,
    const struct words *w, struct buf *out)
{
	const struct checklist *cl = &sc->cl;
	const char *section = NULL;
	/* what the record says is shown, never obeyed (lib/term.h): the
	 * words are handover's own, every value goes through the sanitiser */
	char id[4 * sizeof sc->meta.id], created[4 * sizeof sc->meta.created];
	char updated[4 * sizeof sc->meta.updated], tac[4 * 400], raw[400];
	struct fill fl[] = {{"id", term_safe(sc->meta.id, id, sizeof id)},
	    {"created", term_safe(sc->meta.created, created, sizeof created)},
	    {"updated", term_safe(sc->meta.updated, updated, sizeof updated)},
	    {"seal", seal_word(seal)},
	    {"state", wd(w, sc->meta.sealed ? "show.sealed" : "show.open")},
	    {"verdict", wd(w, strcmp(sc->verdict, "GO") == 0 ? "verdict.GO" :
	    strcmp(sc->verdict, "STOP") == 0 ? "verdict.STOP" : "verdict.CAUTION")},
	    {"stated", sc->verdict}, {"actual", cl_level_name(sc->level)},
	    {"tac", NULL}, {"code", cl->challenge}, {NULL, NULL}};
	size_t i;

	snprintf(raw, sizeof raw, "%s %s", cl->tac_brand, cl->tac_model);
	fl[8].value = term_safe(raw, tac, sizeof tac);
	words_fill(out, wd(w, "show.head"), fl);
	buf_putc(out, '\n');
	words_fill(out, wd(w, "show.times"), fl);
	buf_puts(out, "\n\n");
	if (sc->verdict[0]) {
		words_fill(out, wd(w, "show.verdict"), fl);
		buf_putc(out, '\n');
		if (!sc->follows) {
			buf_puts(out, "  ");
			words_fill(out, wd(w, "show.not_follow"), fl);
			buf_putc(out, '\n');
		}
		show_reasons(sc, w, out);
	} else {
		words_fill(out, wd(w, "show.open_text"), fl);
		buf_putc(out, '\n');
	}
	for (i = 0; i < CL_NSTEPS; i++) {
		struct buf v;
		if (!cl_is_asked(cl, (enum cl_id)i) || cl->state[i] == CL_OPEN)
			continue;
		if (!section || strcmp(section, cl_steps[i].section) != 0) {
			section = cl_steps[i].section;
			buf_printf(out, "\n[%s]\n", cl_section_title(cl, section));
		}
		buf_init_mem(&v);
		if (cl->state[i] == CL_SKIPPED)
			buf_printf(&v, "(%s)", wd(w, "answer_words.skipped"));
		else
			cl_answer_words(cl, (enum cl_id)i, cl->value[i], &v);
		buf_puts(out, "  ");
		put_padded(out, cl_step_words(cl, (enum cl_id)i, "label"), 40);
		buf_putc(out, ' ');
		buf_put_term(out, buf_str(&v), v.len);
		buf_putc(out, '\n');
		if (v.err && !out->err)
			out->err = v.err;
		buf_release(&v);
	}
	if (cl->tac_brand[0]) {
		buf_putc(out, '\n');
		words_fill(out, wd(w, "show.tac"), fl);
		buf_putc(out, '\n');
	}
	if (cl->challenge[0]) {
		words_fill(out, wd(w, "show.challenge"), fl);
		buf_putc(out, '\n');
	}
	for (i = 0; i < cl->nfiles; i++) {
		buf_printf(out, "attachment: %s %llu ", cl->files[i].sha256,
		    (unsigned long long)cl->files[i].size);
		buf_puts_term(out, cl->files[i].name);
		buf_putc(out, '\n');
	}
	export_rechecks_text(r, w, out);	/* its values as export --text's */
	if (r->nblocks && r->check_seal[0]) {
		buf_puts(out, "\nsha256 of the check at the sale: ");
		buf_puts_term(out, r->check_seal);
	}
	if (r->seal[0]) {
		buf_puts(out, "\nsha256 (seal): ");
		buf_puts_term(out, r->seal);
		buf_putc(out, '\n');
	}
}

static int
run_show(struct cli *c, int argc, char **argv)
{
	static const struct opt_spec specs[] = {
		{"json", 0, 0, 'j'}, {"lang", 0, 1, 'l'}, {"help", 'h', 0, OPT_HELP},
		{NULL, 0, 0, 0}
	};
	struct store s;
	struct record r;
	struct cli_words w;
	struct kb kb;
	struct ident_tables idt;
	struct saved_check *sc = NULL;
	enum record_seal seal;
	struct error e;
	struct buf out;
	struct opt o;
	const char *lang_opt = NULL, *lang;
	char langbuf[8];
	int k, json = 0, named, status = EXIT_IO, loaded = 0;

	if (opt_init(&o, argc, argv) != 0) {
		cli_error("out of memory");
		return EXIT_IO;
	}
	while ((k = opt_next(&o, specs)) != OPT_END) {
		if (k == 'j') {
			json = 1;
		} else if (k == 'l') {
			lang_opt = o.arg;
		} else {
			status = k == OPT_HELP ? cli_help(&command_show) : cli_usage("show", "%s", o.errmsg);
			opt_release(&o);
			return status;
		}
	}
	if (o.noperands != 1) {
		status = cli_usage("show", o.noperands ? "give one check at a time" :
		    "which check? 'handover list' shows them");
		opt_release(&o);
		return status;
	}
	lang = cli_lang(lang_opt, langbuf, &named);
	if (open_store(&s) != 0 || cli_load_words(c, lang, named, &w) != 0) {
		opt_release(&o);
		return EXIT_IO;
	}
	if (cli_load_kb(c, &kb) != 0)
		goto out_words;
	if (cli_load_idents(c, &idt) != 0)
		goto out_kb;
	if (store_load(&s, o.operands[0], &r, &seal, &e) != 0) {
		cli_error("%s: 'handover list' shows the saved checks", e.msg);
		goto out_idt;
	}
	loaded = 1;
	fd_buf_init(&out, STDOUT_FILENO);
	if (json) {
		record_write_json(&r, &out);
	} else if (!(sc = malloc(sizeof *sc))) {
		cli_error("out of memory");
		goto out_buf;
	} else if (saved_check_read(sc, &r, &kb, &idt, cli_words_of(&w), &e) != 0) {
		cli_error("'%s' is not a record handover could have written: %s", o.operands[0],
		    e.msg);
		status = EXIT_FINDINGS;
		goto out_buf;
	} else {
		show_text(sc, &r, seal, cli_words_of(&w), &out);
	}
	if (seal != RECORD_INTACT)
		cli_error("record '%s' is %s: 'handover verify' says more", o.operands[0],
		    seal == RECORD_ALTERED ? "changed since it was sealed" : "not sealed");
	status = cli_finish_output(&out, seal == RECORD_INTACT && (!sc || sc->follows) ?
	    EXIT_OK : EXIT_FINDINGS);
out_buf:
	buf_release(&out);
	free(sc);
	if (loaded)
		record_release(&r);
out_idt:
	ident_tables_release(&idt);
out_kb:
	kb_release(&kb);
out_words:
	cli_words_release(&w);
	opt_release(&o);
	return status;
}

const struct command command_list = {
	"list", run_list, "list [--json]",
	"the saved checks, newest first, with their state and verdict",
	"usage: handover list [--json]\n"
	"\n"
	"Lists the checks saved in $XDG_DATA_HOME/handover/ (default\n"
	"~/.local/share/handover/), newest first: id, state (open or sealed, or\n"
	"ALTERED when a record no longer matches its seal), verdict, IMEI, phone,\n"
	"and the re-checks after the sale: each one done as 'd<day> <verdict>'\n"
	"(d1 GO: one day after the check was sealed, GO), then the next one due,\n"
	"'d1 2026-11-24' (on that day, 24 hours after the sale) or 'd7 due' (now).\n"
	"Re-checks are due 24 hours and 7 days after the check was sealed.\n"
	"\n"
	"options:\n"
	"  --json   the same as a JSON array; each check has \"rechecks\" (time,\n"
	"           day, state, verdict) and \"next_recheck\" ({day, at, due}, or\n"
	"           null when none is left)\n"
	"\n"
	"exit status: 0 ok, 2 usage error, 3 input/output error\n"
};

const struct command command_show = {
	"show", run_show, "show [--json] [--lang LL] ID|FILE",
	"print one saved check: answers, verdict, reasons, seal",
	"usage: handover show [--json] [--lang LL] ID|FILE\n"
	"\n"
	"Prints a saved check: its verdict and the reasons with what to do, every\n"
	"answer under its section, attachments, the re-checks after the sale with\n"
	"their answers, verdicts and seals, and the record's seal.  ID is as\n"
	"'handover list' shows it; FILE a record file anywhere.\n"
	"\n"
	"options:\n"
	"  --json     the record as JSON: {\"format\", \"fields\": [[key, value], ...],\n"
	"             \"sha256\"}, and \"blocks\" (the re-checks, each {\"fields\",\n"
	"             \"sha256\"}) when it has grown\n"
	"  --lang LL  the language to show the answers and reasons in\n"
	"\n"
	"exit status: 0 ok, 1 the record was changed or is not sealed,\n"
	"2 usage error, 3 input/output error\n"
};
