/* SPDX-License-Identifier: MIT */
/* apps: "handover apps": reads a phone's package list (the output of
 * "adb shell pm list packages", with or without -f, or one name a line)
 * and reports every known lender, lock or device-management app. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/load.h"
#include "cli/show.h"
#include "cmd/commands.h"
#include "cli/lines.h"
#include "cli/opt.h"
#include "cli/fd.h"

#define WIDTH 78
#define LINE_MAX_BYTES 4096
#define PACKAGE_MAX 255

struct apps_run {
	struct kb kb;
	struct buf out;
	int json, color;
	long read, ignored, known, strong;
};

/* An Android package name: two or more dot-separated parts, each a
 * letter followed by letters, digits or underscores. */
static int
is_package(const char *s, size_t n)
{
	size_t i, parts = 1;
	int start = 1;

	if (n == 0 || n > PACKAGE_MAX)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		int letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

		if (c == '.') {
			if (start)
				return 0;
			start = 1;
			parts++;
		} else if (start) {
			if (!letter)
				return 0;
			start = 0;
		} else if (!letter && !(c >= '0' && c <= '9') && c != '_') {
			return 0;
		}
	}
	return !start && parts >= 2;
}

/* The package name in one line of input, in *p, *n; 0 when the line holds
 * none.  Forms: "package:NAME", "package:PATH=NAME" (pm list packages -f),
 * "package:NAME uid:1000" or "installer=..." (-U, -i), or "NAME". */
static int
line_package(const char *s, size_t n, const char **p, size_t *len)
{
	size_t i;

	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	if (n >= 8 && memcmp(s, "package:", 8) == 0) {
		s += 8;
		n -= 8;
		for (i = 0; i < n && s[i] != ' ' && s[i] != '\t'; i++)
			;
		n = i;
		for (i = n; i > 0; i--)	/* a path may hold '=' too: the last one counts */
			if (s[i - 1] == '=') {
				s += i;
				n -= i;
				break;
			}
	}
	*p = s;
	*len = n;
	return is_package(s, n);
}

static void
put_text(struct apps_run *r, const char *pkg, const struct kb_lock_app *a,
    const struct kb_lock_system *sys)
{
	struct buf *b = &r->out;
	int strong = strcmp(a->strength, "strong") == 0;
	const char *on = !r->color ? "" : strong ? "\033[1;31m" : "\033[33m";

	buf_printf(b, "%s%-6s%s  %s", on, strong ? "STRONG" : "weak", r->color ? "\033[0m" : "", pkg);
	if (kb_lock_app_is_prefix(a))
		buf_printf(b, " (matches %s)", a->package);
	buf_printf(b, "\n        %s", sys ? sys->name : a->system);
	if (strcmp(a->fact.confidence, "confirmed") != 0)
		BUF_LIT(b, " (reported)");
	BUF_LIT(b, "\n        ");
	cli_wrap(b, a->what_to_do, 8, 8, WIDTH);
	buf_putc(b, '\n');
}

static void
put_json(struct apps_run *r, const char *pkg, size_t n, const struct kb_lock_app *a,
    const struct kb_lock_system *sys)
{
	struct buf *b = &r->out;

	if (r->known > 1)
		BUF_LIT(b, ",\n");
	BUF_LIT(b, "{\"package\":");
	buf_put_json_str(b, pkg, n);
	BUF_LIT(b, ",\"matched\":");
	cli_json_str(b, a->package);
	BUF_LIT(b, ",\"system\":");
	cli_json_str(b, a->system);
	BUF_LIT(b, ",\"system_name\":");
	cli_json_str(b, sys ? sys->name : NULL);
	BUF_LIT(b, ",\"strength\":");
	cli_json_str(b, a->strength);
	BUF_LIT(b, ",\"what_to_do\":");
	cli_json_str(b, a->what_to_do);
	buf_putc(b, ',');
	cli_json_fact(b, &a->fact);
	buf_putc(b, '}');
}

static void
check_line(struct apps_run *r, const char *s, size_t n)
{
	const struct kb_lock_app *a;
	char pkg[PACKAGE_MAX + 1];
	const char *p;
	size_t len, i;

	for (i = 0; i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'); i++)
		;
	if (i == n)
		return;		/* blank */
	if (!line_package(s, n, &p, &len)) {
		r->ignored++;
		return;
	}
	r->read++;
	memcpy(pkg, p, len);
	pkg[len] = '\0';
	if (!(a = kb_lock_app_find(&r->kb, pkg)))
		return;
	r->known++;
	if (strcmp(a->strength, "strong") == 0)
		r->strong++;
	if (r->json)
		put_json(r, pkg, len, a, kb_lock_system_find(&r->kb, a->system));
	else
		put_text(r, pkg, a, kb_lock_system_find(&r->kb, a->system));
}

static void
summary(struct apps_run *r)
{
	struct buf *b = &r->out;

	if (r->json) {
		buf_printf(b, "],\n\"packages_read\":%ld,\"lines_ignored\":%ld,\"known\":%ld,"
		    "\"strong\":%ld}\n", r->read, r->ignored, r->known, r->strong);
		return;
	}
	if (r->known)
		buf_putc(b, '\n');
	buf_printf(b, "%ld package%s read, %ld known lock or management app%s, %ld strong\n",
	    r->read, r->read == 1 ? "" : "s", r->known, r->known == 1 ? "" : "s", r->strong);
	if (r->ignored)
		buf_printf(b, "%ld line%s ignored (not %s)\n", r->ignored,
		    r->ignored == 1 ? "" : "s", r->ignored == 1 ? "a package name" : "package names");
	if (r->read == 0)
		cli_wrap(b, "No package names were read: run 'adb shell pm list packages' with the "
		    "phone connected and USB debugging on, and give its output.", 0, 0, WIDTH);
	else if (r->strong)
		cli_wrap(b, "A lender's or carrier's lock app is installed: do not pay until it is "
		    "cleared as shown above.", 0, 0, WIDTH);
	else if (r->known)
		cli_wrap(b, "No lender's lock app found. The apps above are also on clean phones: "
		    "do the checks they name before you pay.", 0, 0, WIDTH);
	else
		cli_wrap(b, "No known lock or management app found. The list of apps handover knows "
		    "is not complete: also look at the phone's device admin apps, then reset it "
		    "and set it up online before you pay.", 0, 0, WIDTH);
	buf_putc(b, '\n');
}

static int
read_input(struct apps_run *r, const char *path)
{
	struct lines l;
	const char *p;
	size_t n;
	int fd = STDIN_FILENO, cut, got, status = EXIT_OK;

	if (path && strcmp(path, "-") != 0 && (fd = open(path, O_RDONLY)) < 0) {
		cli_error("cannot open '%s': %s", path, strerror(errno));
		return EXIT_IO;
	}
	if (lines_init(&l, fd, LINE_MAX_BYTES) != 0) {
		cli_error("out of memory");
		status = EXIT_IO;
		goto out;
	}
	if (r->json)
		BUF_LIT(&r->out, "{\"found\":[\n");
	while ((got = lines_next(&l, &p, &n, &cut)) == 1 && !r->out.err) {
		if (cut)
			r->ignored++;	/* far too long for a package name */
		else
			check_line(r, p, n);
	}
	if (got < 0) {
		cli_error("cannot read '%s': %s", path ? path : "-", strerror(l.err));
		status = EXIT_IO;
	} else {
		summary(r);
	}
	lines_release(&l);
out:
	if (fd != STDIN_FILENO)
		close(fd);
	return status;
}

static int
run_apps(struct cli *c, int argc, char **argv)
{
	static const struct opt_spec specs[] = {
		{"json", 0, 0, 'j'}, {"help", 'h', 0, OPT_HELP}, {NULL, 0, 0, 0}
	};
	struct apps_run r;
	struct opt o;
	int k, status;

	memset(&r, 0, sizeof r);
	r.color = c->color;
	fd_buf_init(&r.out, STDOUT_FILENO);
	if (opt_init(&o, argc, argv) != 0) {
		cli_error("out of memory");
		return EXIT_IO;
	}
	while ((k = opt_next(&o, specs)) != OPT_END) {
		switch (k) {
		case 'j': r.json = 1; break;
		case OPT_HELP: status = cli_help(&command_apps); goto out;
		default: status = cli_usage("apps", "%s", o.errmsg); goto out;
		}
	}
	if (o.noperands > 1) {
		status = cli_usage("apps", "give one file (or - for stdin), not %d", o.noperands);
		goto out;
	}
	if (cli_load_kb(c, &r.kb) != 0) {
		status = EXIT_IO;
		goto out;
	}
	status = read_input(&r, o.noperands ? o.operands[0] : NULL);
	if (status == EXIT_OK && r.strong)
		status = EXIT_FINDINGS;
	status = cli_finish_output(&r.out, status);
out:
	buf_release(&r.out);
	kb_release(&r.kb);
	opt_release(&o);
	return status;
}

const struct command command_apps = {
	"apps", run_apps,
	"apps [--json] [FILE | -]",
	"find lender, lock and device-management apps in a package list",
	"usage: handover apps [--json] [FILE | -]\n"
	"\n"
	"Reads a phone's list of installed apps and reports every known lender,\n"
	"lock or device-management app: the system it belongs to, whether it is\n"
	"a strong sign (a lender's lock app) or a weak one (also on clean phones),\n"
	"and what to do.  With a laptop and a USB cable (USB debugging on):\n"
	"\n"
	"  adb shell pm list packages | handover apps\n"
	"\n"
	"Understands 'package:NAME' lines, 'pm list packages -f' output\n"
	"('package:PATH=NAME'), one name a line, and Windows line ends; other\n"
	"lines are counted as ignored.  Reads FILE, or stdin when there is none\n"
	"or it is '-'.  Not finding an app proves nothing: the list of apps\n"
	"handover knows is not complete.\n"
	"\n"
	"options:\n"
	"  --json     one JSON document: found (package, matched, system,\n"
	"             system_name, strength, what_to_do, source, checked,\n"
	"             confidence), packages_read, lines_ignored, known, strong\n"
	"\n"
	"exit status: 0 no strong sign, 1 a strong sign found, 2 usage error,\n"
	"  3 input/output error\n"
	"\n"
	"examples:\n"
	"  adb shell pm list packages | handover apps\n"
	"  adb shell pm list packages -f > pkgs.txt; handover apps pkgs.txt\n"
};
