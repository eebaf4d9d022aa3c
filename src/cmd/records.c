/* SPDX-License-Identifier: MIT */
/* records: "handover list" and "handover show": the saved checks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check/checklist.h"
#include "cli/cli.h"
#include "cli/load.h"
#include "cmd/commands.h"
#include "cli/opt.h"
#include "record/record.h"
#include "cli/store.h"
#include "cli/fd.h"

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

static int
run_list(struct cli *c, int argc, char **argv)
{
	static const struct opt_spec specs[] = {
		{"json", 0, 0, 'j'}, {"help", 'h', 0, OPT_HELP}, {NULL, 0, 0, 0}
	};
	struct store s;
	struct store_entry *ents = NULL;
	struct error e;
	struct buf out;
	struct opt o;
	size_t i, n = 0;
	int k, json = 0, status = EXIT_OK;

	(void)c;
	if (opt_init(&o, argc, argv) != 0)
		return EXIT_IO;
	while ((k = opt_next(&o, specs)) != OPT_END) {
		if (k == 'j')
			json = 1;
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
	if (open_store(&s) != 0)
		return EXIT_IO;
	if (store_list(&s, &ents, &n, &e) != 0) {
		cli_error("%s", e.msg);
		return EXIT_IO;
	}
	fd_buf_init(&out, STDOUT_FILENO);
	if (json)
		buf_puts(&out, "[");
	else if (n == 0)
		buf_printf(&out, "no saved checks in %s: start one with 'handover check'\n", s.dir);
	else
		buf_printf(&out, "%-20s %-8s %-8s %-16s %s\n", "ID", "STATE", "VERDICT", "IMEI", "PHONE");
	for (i = 0; i < n; i++) {
		struct record r;
		enum record_seal seal;
		char phone[160];

		if (store_load(&s, ents[i].id, &r, &seal, &e) != 0) {
			cli_error("%s", e.msg);
			status = EXIT_IO;
			continue;
		}
		snprintf(phone, sizeof phone, "%s %s", get(&r, "listing.brand"), get(&r, "listing.model"));
		if (json) {
			buf_puts(&out, i ? ",\n {\"id\":" : "\n {\"id\":");
			buf_put_json_str(&out, ents[i].id, strlen(ents[i].id));
			buf_puts(&out, ",\"state\":");
			buf_put_json_or_null(&out, record_get(&r, "state"));
			buf_printf(&out, ",\"seal\":\"%s\",\"verdict\":", seal_word(seal));
			buf_put_json_or_null(&out, record_get(&r, "verdict"));
			buf_puts(&out, ",\"imei1\":");
			buf_put_json_or_null(&out, record_get(&r, "identity.imei1"));
			buf_puts(&out, ",\"brand\":");
			buf_put_json_or_null(&out, record_get(&r, "listing.brand"));
			buf_puts(&out, ",\"model\":");
			buf_put_json_or_null(&out, record_get(&r, "listing.model"));
			buf_puts(&out, ",\"updated\":");
			buf_put_json_or_null(&out, record_get(&r, "updated"));
			buf_puts(&out, "}");
		} else {
			buf_printf(&out, "%-20s %-8s %-8s %-16s %s\n", ents[i].id,
			    seal == RECORD_INTACT ? get(&r, "state") : seal_word(seal),
			    record_get(&r, "verdict") ? get(&r, "verdict") : "-",
			    record_get(&r, "identity.imei1") ? get(&r, "identity.imei1") : "-", phone);
		}
		record_release(&r);
	}
	if (json)
		buf_puts(&out, n ? "\n]\n" : "]\n");
	free(ents);
	status = cli_finish_output(&out, status);
	buf_release(&out);
	return status;
}

/* ------------------------------------------------------------------ show */

static void
show_text(const struct record *r, enum record_seal seal, const struct cl_texts *t,
    struct buf *out)
{
	const struct record_field *f = NULL;
	const char *section = NULL;
	size_t i;

	buf_printf(out, "Check %s: %s, record %s\n", get(r, "id"), get(r, "state"), seal_word(seal));
	buf_printf(out, "created %s, last saved %s\n", get(r, "created"), get(r, "updated"));
	if (record_get(r, "verdict")) {
		buf_printf(out, "\nVerdict: %s\n", get(r, "verdict"));
		while ((f = record_find(r, "reason", f)) != NULL) {
			char level[16], code[64];
			const struct cl_text *x;
			if (sscanf(f->value, "%15s %63s", level, code) != 2)
				continue;
			x = cl_text_reason(t, code);
			buf_printf(out, "  %-7s %s [%s]\n", level, x ? x->a : code, code);
			if (x)
				buf_printf(out, "          -> %s\n", x->b);
		}
	} else {
		buf_puts(out, "\nNot finished: continue with 'handover check --resume ");
		buf_printf(out, "%s'\n", get(r, "id"));
	}
	for (i = 0; i < cl_nsteps; i++) {
		const char *v = record_get(r, cl_steps[i].id);
		const struct cl_text *x = cl_text_step(t, cl_steps[i].id);
		int skipped = 0;

		for (f = NULL; (f = record_find(r, "skipped", f)) != NULL;)
			skipped |= strcmp(f->value, cl_steps[i].id) == 0;
		if (!v && !skipped)
			continue;
		if (!section || strcmp(section, cl_steps[i].section) != 0) {
			section = cl_steps[i].section;
			buf_printf(out, "\n[%s]\n", section);
		}
		buf_printf(out, "  %-40s %s\n", x ? x->label : cl_steps[i].id,
		    skipped ? "(skipped)" : strcmp(v, "unsure") == 0 ? "not sure" : v);
	}
	if (record_get(r, "tac.brand"))
		buf_printf(out, "\nThe IMEI's model (TAC): %s %s\n", get(r, "tac.brand"),
		    get(r, "tac.model"));
	if (record_get(r, "challenge"))
		buf_printf(out, "Challenge code for the remote photo: %s\n", get(r, "challenge"));
	for (f = NULL; (f = record_find(r, "attachment", f)) != NULL;)
		buf_printf(out, "attachment: %s\n", f->value);
	if (r->seal[0])
		buf_printf(out, "\nsha256 (seal): %s\n", r->seal);
}

static int
run_show(struct cli *c, int argc, char **argv)
{
	static const struct opt_spec specs[] = {
		{"json", 0, 0, 'j'}, {"help", 'h', 0, OPT_HELP}, {NULL, 0, 0, 0}
	};
	struct store s;
	struct record r;
	struct cl_texts t;
	enum record_seal seal;
	struct error e;
	struct buf out;
	struct opt o;
	int k, json = 0, status;

	if (opt_init(&o, argc, argv) != 0)
		return EXIT_IO;
	while ((k = opt_next(&o, specs)) != OPT_END) {
		if (k == 'j') {
			json = 1;
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
	if (open_store(&s) != 0 || cli_load_words(c, &t) != 0) {
		opt_release(&o);
		return EXIT_IO;
	}
	if (store_load(&s, o.operands[0], &r, &seal, &e) != 0) {
		cli_error("%s: 'handover list' shows the saved checks", e.msg);
		cl_texts_release(&t);
		opt_release(&o);
		return EXIT_IO;
	}
	fd_buf_init(&out, STDOUT_FILENO);
	if (json)
		record_write_json(&r, &out);
	else
		show_text(&r, seal, &t, &out);
	if (seal != RECORD_INTACT)
		cli_error("record '%s' is %s: 'handover verify' says more", o.operands[0],
		    seal == RECORD_ALTERED ? "changed since it was sealed" : "not sealed");
	status = cli_finish_output(&out, seal == RECORD_INTACT ? EXIT_OK : EXIT_FINDINGS);
	buf_release(&out);
	record_release(&r);
	cl_texts_release(&t);
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
	"ALTERED when a record no longer matches its seal), verdict, IMEI, phone.\n"
	"\n"
	"options:\n"
	"  --json   the same as a JSON array\n"
	"\n"
	"exit status: 0 ok, 2 usage error, 3 input/output error\n"
};

const struct command command_show = {
	"show", run_show, "show [--json] ID|FILE",
	"print one saved check: answers, verdict, reasons, seal",
	"usage: handover show [--json] ID|FILE\n"
	"\n"
	"Prints a saved check: its verdict and the reasons with what to do, every\n"
	"answer under its section, attachments and the record's seal.  ID is as\n"
	"'handover list' shows it; FILE a record file anywhere.\n"
	"\n"
	"options:\n"
	"  --json   the record as JSON: {\"format\", \"fields\": [[key, value], ...],\n"
	"           \"sha256\"}\n"
	"\n"
	"exit status: 0 ok, 1 the record was changed or is not sealed,\n"
	"2 usage error, 3 input/output error\n"
};
