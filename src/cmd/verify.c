/* SPDX-License-Identifier: MIT */
/* verify: "handover verify": is a record as it was sealed, and do its
 * attached files still match their hashes.  This file is the command: its
 * options, reading each record, and what its seals say (intact, altered
 * and in which block, unsealed, not a record) in text or JSON; an intact
 * record's content and attached files are read in verify_intact.c. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cmd/commands.h"
#include "cmd/verify_priv.h"
#include "cli/opt.h"
#include "record/record.h"
#include "cli/store.h"
#include "cli/fd.h"
#include "lib/term.h"

static const char help[] =
"usage: handover verify [--attachments DIR] [--json] FILE...\n"
"\n"
"Says whether each record FILE is exactly as it was sealed: its last line,\n"
"'sha256: <hex>', must be the SHA-256 of every byte above it.  The same\n"
"check without handover: head -n -1 FILE | sha256sum (GNU), or\n"
"sed '$d' FILE | shasum -a 256 (macOS).\n"
"\n"
"A record that grew by re-checks after the sale has a seal line after each\n"
"block (the check, then each re-check), each over every byte above it.\n"
"Every seal is checked in order; the first that does not match names the\n"
"block that was changed, and each block is listed with its lines.  By\n"
"hand: grep -n '^sha256: ' FILE, then head -n $((N - 1)) FILE | sha256sum\n"
"for each seal line N.\n"
"\n"
"For an intact record, every attached file is looked for by its name under\n"
"DIR (with --attachments) and then next to the record, and hashed again.\n"
"Attached files are only hashed, never copied or sent anywhere.\n"
"\n"
"record:\n"
"  intact        exactly as it was sealed\n"
"  altered       changed after it was sealed (for a record that grew: in\n"
"                which block)\n"
"  unsealed      no seal line: unfinished, truncated or not made by handover\n"
"  not a record  not a handover record; the wrong line is named\n"
"attachment:\n"
"  ok            found, with the same SHA-256 and size\n"
"  changed       found, but not the file that was attached\n"
"  missing       not found; reported but not a failure, since photos are\n"
"                often kept elsewhere (use --attachments DIR)\n"
"  not a file    a symbolic link (never followed: it could point out of the\n"
"                folder), a folder, a FIFO, a device or a socket stands\n"
"                where the file should be\n"
"  malformed     the attachment line itself is broken\n"
"content (an intact record is read as the checklist would read it):\n"
"  not a check   it holds what handover never writes (a key twice, an\n"
"                answer the checklist refuses, a whole ID number)\n"
"  verdict does not follow\n"
"                its stated verdict is milder than its answers give under\n"
"                handover's rules: edited and sealed again (the seal proves\n"
"                the file is unchanged since it was sealed, not who sealed it)\n"
"\n"
"options:\n"
"  --attachments DIR  look for attached files in DIR first\n"
"  --json             one JSON object per FILE, one per line\n"
"  -h, --help         this text\n"
"\n"
"exit status: 0 every record intact and no attachment changed; 1 a record\n"
"altered, unsealed, not a record or not a check, its verdict does not\n"
"follow, or an attachment changed, not a file or malformed;\n"
"2 usage error; 3 a file could not be read\n";

static const struct opt_spec specs[] = {
	{ "attachments", 0, 1, 'a' },
	{ "json", 0, 0, 'j' },
	{ "help", 'h', 0, OPT_HELP },
	{ NULL, 0, 0, 0 }
};

static void
report_head(struct verify *v, const char *file, const char *res)
{
	if (v->json) {
		buf_puts(v->out, "{\"file\":");
		buf_put_json_str(v->out, file, strlen(file));
		buf_printf(v->out, ",\"result\":\"%s\"", res);
	} else {
		buf_puts_term(v->out, file);
		buf_printf(v->out, ": %s", res);
	}
}

static void
not_a_record(struct verify *v, const char *file, const struct error *e)
{
	v->findings = 1;
	report_head(v, file, "not a record");
	if (v->json) {
		buf_printf(v->out, ",\"line\":%ld,\"column\":%ld,\"message\":",
		    e->line, e->column);
		buf_put_json_str(v->out, e->msg, strlen(e->msg));
		buf_puts(v->out, "}\n");
	} else {
		if (e->line > 0)
			buf_printf(v->out, ": line %ld", e->line);
		BUF_LIT(v->out, ": ");
		buf_puts_term(v->out, e->msg);
		buf_putc(v->out, '\n');
	}
}

/* What block k of a grown record is, in words, from its first line:
 * "the check" or "the re-check of <time>". */
static void
block_name(struct buf *b, const char *text, const struct record_sealed *s, size_t k)
{
	const char *p = text + s->start;
	size_t n = 0, pre = sizeof RECORD_BLOCK_KEY ": " - 1;

	if (k == 0) {
		buf_puts(b, "the check");
		return;
	}
	if (s->seal - s->start > pre && memcmp(p, RECORD_BLOCK_KEY ": ", pre) == 0)
		while (n < 32 && pre + n < s->seal - s->start &&
		    ((p[pre + n] >= '0' && p[pre + n] <= '9') || p[pre + n] == '-' ||
		    p[pre + n] == ':' || p[pre + n] == '+' || p[pre + n] == 'T' ||
		    p[pre + n] == 'Z'))
			n++;
	if (n > 0 && p[pre + n] == '\n')
		buf_printf(b, "the re-check of %.*s", (int)n, p + pre);
	else
		buf_puts(b, "a re-check");
}

/* Each block of a grown record and its seal: as sealed, changed, or not
 * judged (its seal also covers the changed block above it). */
static void
blocks(struct verify *v, const char *text, const struct record_sealed *s, size_t n,
    size_t bad)
{
	size_t k;

	if (v->json)
		buf_puts(v->out, ",\"blocks\":[");
	for (k = 0; k < n; k++) {
		const char *res = k < bad ? "intact" : k == bad ? "altered" : "not judged";
		struct buf name;

		buf_init_mem(&name);
		block_name(&name, text, &s[k], k);
		if (v->json) {
			buf_printf(v->out, "%s{\"block\":%zu,\"what\":", k ? "," : "", k + 1);
			buf_put_json_str(v->out, buf_str(&name), name.len);
			buf_printf(v->out, ",\"lines\":[%ld,%ld],\"result\":\"%s\",\"computed\":\"%s\"}",
			    s[k].first_line, s[k].seal_line, res, s[k].computed);
		} else {
			buf_printf(v->out, "  block %zu, %s, lines %ld-%ld: ", k + 1, buf_str(&name),
			    s[k].first_line, s[k].seal_line);
			if (k < bad)
				buf_printf(v->out, "as sealed, sha256 %s\n", s[k].computed);
			else if (k == bad)
				buf_printf(v->out, "CHANGED: its seal on line %ld does not match "
				    "the lines above it, which hash to %s\n", s[k].seal_line,
				    s[k].computed);
			else
				buf_puts(v->out, "not judged: its seal covers the changed block\n");
		}
		buf_release(&name);
	}
	if (v->json)
		buf_putc(v->out, ']');
}

static void
verify_text(struct verify *v, const char *text, size_t len, const char *file)
{
	char hex[SHA256_HEX_SIZE];
	struct record_sealed *s = NULL;
	size_t n = 0, bad;
	enum record_seal seal;
	struct record r;
	struct error err;
	int parsed;

	if (record_seals(text, len, &seal, &s, &n) != 0) {
		buf_flush(v->out);
		cli_error("out of memory checking '%s'", file);
		v->io_error = 1;
		return;
	}
	for (bad = 0; bad < n && s[bad].ok; bad++)
		;
	if (seal == RECORD_UNSEALED)
		sha256_hex_of(text, len, hex);
	else
		memcpy(hex, s[n - 1].computed, sizeof hex);
	parsed = record_parse_opts(text, len, &r, &err, RECORD_ALLOW_UNSEALED) == 0;
	if (!parsed && error_is_nomem(&err)) {	/* not a finding about the file */
		buf_flush(v->out);
		cli_error("out of memory reading '%s'", file);
		v->io_error = 1;
		free(s);
		return;
	}
	/* A file that is not even a record, whatever its last line says */
	if (!parsed && err.line <= 1 && seal == RECORD_UNSEALED) {
		not_a_record(v, file, &err);
		free(s);
		return;
	}
	if (seal == RECORD_UNSEALED) {
		v->findings = 1;
		report_head(v, file, "unsealed");
		if (v->json) {
			buf_puts(v->out, ",\"computed\":");
			buf_put_json_str(v->out, hex, 64);
			buf_puts(v->out, "}\n");
		} else
			buf_puts(v->out, ": no seal line 'sha256: ...' at the end (unfinished or truncated)\n");
	} else if (seal == RECORD_ALTERED && n > 1) {
		struct buf name;

		v->findings = 1;
		report_head(v, file, "altered");
		buf_init_mem(&name);
		block_name(&name, text, &s[bad], bad);
		if (v->json) {
			buf_printf(v->out, ",\"block\":%zu,\"computed\":\"%s\"", bad + 1,
			    s[bad].computed);
			blocks(v, text, s, n, bad);
			buf_puts(v->out, "}\n");
		} else {
			buf_printf(v->out, ": block %zu of %zu, %s (lines %ld-%ld), was changed "
			    "after it was sealed\n", bad + 1, n, buf_str(&name),
			    s[bad].first_line, s[bad].seal_line);
			blocks(v, text, s, n, bad);
		}
		buf_release(&name);
	} else if (seal == RECORD_ALTERED) {
		v->findings = 1;
		report_head(v, file, "altered");
		if (v->json) {
			buf_puts(v->out, ",\"computed\":");
			buf_put_json_str(v->out, hex, 64);
			buf_puts(v->out, "}\n");
		} else
			buf_printf(v->out, ": the seal does not match the lines above it, which hash to %s\n", hex);
	} else if (!parsed) {
		not_a_record(v, file, &err);
	} else {
		report_head(v, file, "intact");
		if (v->json) {
			buf_printf(v->out, ",\"sha256\":\"%s\"", hex);
			if (n > 1)
				blocks(v, text, s, n, n);
			verify_content(v, &r);
			verify_attachments(v, file, &r);
			buf_puts(v->out, "}\n");
		} else {
			buf_putc(v->out, '\n');
			if (n > 1)
				blocks(v, text, s, n, n);
			verify_content(v, &r);
			verify_attachments(v, file, &r);
		}
	}
	if (parsed)
		record_release(&r);
	free(s);
}

static int
run(struct cli *c, int argc, char **argv)
{
	struct verify v = {0};
	struct buf out;
	struct opt o;
	int i, k;

	v.cli = c;
	if (opt_init(&o, argc, argv) != 0) {
		cli_error("out of memory");
		return EXIT_IO;
	}
	while ((k = opt_next(&o, specs)) != OPT_END) {
		if (k == OPT_ERROR) {
			opt_release(&o);
			return cli_usage("verify", "%s", o.errmsg);
		}
		if (k == 'a')
			v.attach_dir = o.arg;
		else if (k == 'j')
			v.json = 1;
		else {
			opt_release(&o);
			return cli_help(&command_verify);
		}
	}
	if (o.noperands == 0) {
		opt_release(&o);
		return cli_usage("verify", "no record FILE given");
	}
	fd_buf_init(&out, 1);
	v.out = &out;
	for (i = 0; i < o.noperands; i++) {
		const char *file = o.operands[i];
		struct error err;
		char *text;
		size_t len;
		int rc;

		if (strcmp(file, "-") == 0) {
			rc = cli_read_file(file, RECORD_MAX_SIZE, &text, &len);
			if (rc != 0)
				error_set(&err, 0, 0, "cannot read standard input: %s",
				    strerror(errno));
		} else
			rc = store_read_file(file, &text, &len, &err);
		if (rc != 0 && errno == EFBIG) {
			error_set(&err, 0, 0, "larger than %u bytes", RECORD_MAX_SIZE);
			not_a_record(&v, file, &err);
			continue;
		}
		if (rc != 0) {
			buf_flush(&out);
			cli_error("%s", err.msg);
			v.io_error = 1;
			continue;
		}
		verify_text(&v, text, len, file);
		free(text);
	}
	opt_release(&o);
	verify_rules_release(&v);
	i = cli_finish_output(&out, v.io_error ? EXIT_IO :
	    v.findings ? EXIT_FINDINGS : EXIT_OK);
	buf_release(&out);
	return i;
}

const struct command command_verify = {
	"verify",
	run,
	"verify [--attachments DIR] [--json] FILE...",
	"say whether a record was altered since it was sealed",
	help
};
