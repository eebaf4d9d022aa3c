/* SPDX-License-Identifier: MIT */
/* verify_intact: what "handover verify" reads in a record whose seals all
 * hold: its answers judged again under handover's rules, and each attached
 * file found by its name, never through a symbolic link or into a special
 * file, and hashed again to compare with the record. */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check/recheck.h"
#include "check/saved.h"
#include "cli/cli.h"
#include "cli/file.h"
#include "cli/load.h"
#include "cli/store.h"
#include "cmd/verify_priv.h"
#include "lib/term.h"
#include "record/record.h"

/* ================================================================ content */

/* The tables an intact record's answers are judged with, loaded once. */
static int
load_rules(struct verify *v)
{
	if (v->loaded == 0) {
		v->loaded = -1;
		if (cli_load_kb(v->cli, &v->kb) != 0)
			return -1;
		if (cli_load_idents(v->cli, &v->idt) != 0) {
			kb_release(&v->kb);
			return -1;
		}
		if (cli_load_words(v->cli, NULL, 0, &v->words) != 0) {
			ident_tables_release(&v->idt);
			kb_release(&v->kb);
			return -1;
		}
		v->loaded = 1;
	}
	return v->loaded == 1 ? 0 : -1;
}

void
verify_rules_release(struct verify *v)
{
	if (v->loaded == 1) {
		cli_words_release(&v->words);
		ident_tables_release(&v->idt);
		kb_release(&v->kb);
	}
}

/* Each sealed re-check's stated verdict against what the re-check rules
 * give its answers: the first milder one sets *what and msg. */
static void
recheck_follows(const struct saved_check *sc, const struct record *r, const char **what,
    char *msg, size_t size)
{
	size_t b;

	for (b = 0; b < r->nblocks; b++) {
		struct recheck x;
		enum cl_level level, stated;

		if (recheck_read(r, b, &x, NULL) != 0 || !x.sealed || !x.verdict)
			continue;
		level = saved_recheck_level(sc, &x);
		stated = strcmp(x.verdict, "STOP") == 0 ? CL_STOP :
		    strcmp(x.verdict, "CAUTION") == 0 ? CL_CAUTION : CL_GO;
		if (stated < level) {
			*what = "verdict does not follow";
			snprintf(msg, size, "re-check %zu states %s, but its answers give %s under "
			    "handover's rules: it may have been edited and sealed again", b + 1,
			    x.verdict, cl_level_name(level));
			return;
		}
	}
}

/* An intact record read as the checklist reads it (saved_check_read):
 * anyone can seal a file, so an intact seal says nothing about whether
 * handover wrote it.  A record that holds what handover never writes, or
 * whose stated verdict is milder than its answers give, is a finding. */
void
verify_content(struct verify *v, const struct record *r)
{
	struct saved_check *sc = malloc(sizeof *sc);
	struct error e;
	const char *what = NULL;
	char msg[sizeof e.msg + 160];

	if (!sc || load_rules(v) != 0) {
		if (!sc)
			cli_error("out of memory");
		v->io_error = 1;
		free(sc);
		return;
	}
	if (saved_check_read(sc, r, &v->kb, &v->idt, cli_words_of(&v->words), &e) != 0) {
		if (error_is_nomem(&e)) {
			cli_error("out of memory");
			v->io_error = 1;
			free(sc);
			return;
		}
		what = "not a check";
		snprintf(msg, sizeof msg, "%s", e.msg);
	} else if (!sc->follows) {
		what = "verdict does not follow";
		snprintf(msg, sizeof msg, "the record states %s, but its answers give %s under "
		    "handover's rules: it may have been edited and sealed again", sc->verdict,
		    cl_level_name(sc->level));
	} else {
		recheck_follows(sc, r, &what, msg, sizeof msg);
	}
	free(sc);
	if (!what)
		return;
	v->findings = 1;
	if (v->json) {
		buf_printf(v->out, ",\"content\":\"%s\",\"content_message\":", what);
		buf_put_json_str(v->out, msg, strlen(msg));
	} else {
		buf_printf(v->out, "  %s: ", what);
		buf_puts_term(v->out, msg);
		buf_putc(v->out, '\n');
	}
}

/* ============================================================ attachments */

/* "<dir>/<name>" into out; 0, or -1 when it does not fit. */
static int
join_path(char *out, size_t cap, const char *dir, size_t dirlen, const char *name)
{
	int n = snprintf(out, cap, "%.*s/%s", (int)dirlen, dir, name);

	return n < 0 || (size_t)n >= cap ? -1 : 0;
}

/* Checks one attachment.  Returns "ok", "changed", "missing", "not a
 * file" (its message in why) or NULL (cannot read; message printed).
 * *found gets the path used.  The name is looked up in a folder: a
 * symbolic link there is not followed (it could point anywhere: hashing
 * it would tell the size and hash of a file outside the folder), and only
 * a regular file is hashed (a FIFO would block, /dev/zero never ends). */
static const char *
check_attachment(struct verify *v, const char *file,
    const struct record_attachment *a, char *found, size_t cap,
    char hex[SHA256_HEX_SIZE], uint64_t *size, struct error *why)
{
	const char *slash = strrchr(file, '/');
	struct error err;
	struct stat st;
	int i, fd = -1;

	found[0] = '\0';
	for (i = 0; i < 2; i++) {
		if (i == 0 && !v->attach_dir)
			continue;
		if (i == 0 && join_path(found, cap, v->attach_dir,
		    strlen(v->attach_dir), a->name) != 0)
			continue;
		if (i == 1 && strcmp(file, "-") == 0)
			continue;
		if (i == 1 && join_path(found, cap, slash ? file : ".",
		    slash ? (size_t)(slash - file) : 1, a->name) != 0)
			continue;
		if ((fd = file_open(found, FILE_NOFOLLOW, &st, &err)) >= 0)
			break;
		if (errno == ELOOP || errno == EISDIR || errno == EINVAL) {
			*why = err;
			return "not a file";
		}
		if (errno != ENOENT && errno != ENOTDIR) {
			buf_flush(v->out);
			cli_error("%s", err.msg);
			return NULL;
		}
		found[0] = '\0';
	}
	if (found[0] == '\0')
		return "missing";
	close(fd);
	if ((uint64_t)st.st_size != a->size) {
		hex[0] = '\0';
		*size = (uint64_t)st.st_size;
		return "changed";
	}
	if (store_hash_path(found, FILE_NOFOLLOW, hex, size, &err) != 0) {
		if (errno == ELOOP || errno == EISDIR || errno == EINVAL) {
			*why = err;	/* replaced since it was looked at */
			return "not a file";
		}
		buf_flush(v->out);
		cli_error("%s", err.msg);
		return NULL;
	}
	return *size == a->size && strcmp(hex, a->sha256) == 0 ? "ok" : "changed";
}

void
verify_attachments(struct verify *v, const char *file, const struct record *r)
{
	const struct record_field *f;
	int first = 1;

	if (v->json)
		buf_puts(v->out, ",\"attachments\":[");
	for (f = record_find(r, "attachment", NULL); f;
	    f = record_find(r, "attachment", f)) {
		long line = (long)(f - r->fields) + 2;
		struct record_attachment a;
		char path[STORE_PATH_MAX], hex[SHA256_HEX_SIZE];
		const char *res;
		struct error err, why;
		uint64_t size = 0;

		if (v->json && !first)
			buf_putc(v->out, ',');
		first = 0;
		if (record_attachment_parse(f->value, &a, &err) != 0) {
			v->findings = 1;
			if (v->json) {
				buf_printf(v->out, "{\"line\":%ld,\"result\":\"malformed\",\"message\":", line);
				buf_put_json_str(v->out, err.msg, strlen(err.msg));
				buf_putc(v->out, '}');
			} else {
				buf_printf(v->out, "  attachment on line %ld: malformed: ", line);
				buf_puts_term(v->out, err.msg);
				buf_putc(v->out, '\n');
			}
			continue;
		}
		why.msg[0] = '\0';
		res = check_attachment(v, file, &a, path, sizeof path, hex, &size, &why);
		if (!res) {
			v->io_error = 1;
			res = "unreadable";
		} else if (strcmp(res, "changed") == 0 || strcmp(res, "not a file") == 0)
			v->findings = 1;
		if (v->json) {
			buf_printf(v->out, "{\"line\":%ld,\"name\":", line);
			buf_put_json_str(v->out, a.name, strlen(a.name));
			buf_printf(v->out, ",\"sha256\":\"%s\",\"size\":%llu,\"result\":\"%s\",\"path\":",
			    a.sha256, (unsigned long long)a.size, res);
			buf_put_json_or_null(v->out, path[0] ? path : NULL);
			if (why.msg[0]) {
				BUF_LIT(v->out, ",\"message\":");
				buf_put_json_str(v->out, why.msg, strlen(why.msg));
			}
			buf_putc(v->out, '}');
			continue;
		}
		/* names and paths come from the record: shown, never obeyed */
		BUF_LIT(v->out, "  attachment '");
		buf_puts_term(v->out, a.name);
		buf_printf(v->out, "': %s", res);
		if (strcmp(res, "changed") == 0) {
			BUF_LIT(v->out, " ('");
			buf_puts_term(v->out, path);
			buf_printf(v->out, "' has %llu bytes%s%s, the record says %llu bytes, sha256 %.16s...)",
			    (unsigned long long)size, hex[0] ? ", sha256 " : "",
			    hex[0] ? hex : "", (unsigned long long)a.size, a.sha256);
		} else if (why.msg[0]) {
			BUF_LIT(v->out, " (");
			buf_puts_term(v->out, why.msg);
			buf_putc(v->out, ')');
		}
		buf_putc(v->out, '\n');
	}
	if (v->json)
		buf_putc(v->out, ']');
}
