/* SPDX-License-Identifier: MIT */
/* apps: "handover apps": reads what a phone says over adb (its package
 * list, its device_policy dump, its financed-kiosk role holder; any mix,
 * in one file or on stdin) and reports every known lender, lock or
 * device-management app, who controls the phone, and the verdict the
 * combination supports.  The reading and judging is src/device/. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/load.h"
#include "cli/show.h"
#include "cmd/commands.h"
#include "cli/lines.h"
#include "cli/opt.h"
#include "cli/fd.h"
#include "cli/file.h"
#include "lib/term.h"
#include "cmd/apps_priv.h"
#include "device/device.h"

#define WIDTH 78
#define LINE_MAX_BYTES 4096

const char *
apps_level_word(enum device_level l)
{
	return l == DEVICE_STRONG ? "strong" : l == DEVICE_WEAK ? "weak" : "none";
}

const char *
apps_owner_type_word(long t)
{
	switch (t) {
	case DEVICE_OWNER_TYPE_UNSEEN: return NULL;
	case DEVICE_OWNER_TYPE_NONE: return "none";
	case DEVICE_OWNER_TYPE_DEFAULT: return "default";
	case DEVICE_OWNER_TYPE_FINANCED: return "financed";
	default: return "other";
	}
}

/* A reason code in words, for the summary. */
static const char *
reason_words(const char *code)
{
	static const char *const words[][2] = {
		{ "financed_device_owner", "the device owner is of the financed type" },
		{ "kiosk_role", "an app holds the financed-kiosk role" },
		{ "device_owner", "an app is the device owner (the phone is managed)" },
		{ "org_owned_profile", "a work profile on an organisation-owned phone" },
		{ "profile_owner", "a work profile" },
		{ "lock_app_in_control", "a lock app is in control" },
		{ "lock_app", "a known app is installed" },
	};
	size_t i;

	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(code, words[i][0]) == 0)
			return words[i][1];
	return code;
}

/* The reason about a found app, for its grade. */
const struct device_reason *
apps_reason_for(const struct apps_run *r, const char *package)
{
	size_t i;

	for (i = 0; i < r->verdict.nreasons; i++) {
		const struct device_reason *x = &r->verdict.reasons[i];
		if ((strcmp(x->code, "lock_app") == 0 || strcmp(x->code, "lock_app_in_control") == 0) &&
		    strcmp(x->package, package) == 0)
			return x;
	}
	return NULL;
}

/* "the device owner", "the financed-kiosk role holder", ... for a package
 * in control. */
static const char *
control_words(const struct device_state *d, const char *package)
{
	size_t i;

	for (i = 0; i < d->nholders; i++)
		if (strcmp(d->holders[i], package) == 0)
			return "it holds the financed-kiosk role";
	if (d->has_device_owner && strcmp(d->device_owner.package, package) == 0)
		return d->owner_type == DEVICE_OWNER_TYPE_FINANCED ?
		    "it is the device owner, of the financed type" : "it is the device owner";
	return "it is the profile owner of an organisation-owned phone";
}

static void
label(struct buf *b, size_t indent, const char *lab, const char *text)
{
	size_t i;

	if (!text || !*text)
		return;
	for (i = 0; i < indent; i++)
		buf_putc(b, ' ');
	buf_printf(b, "%s ", lab);
	cli_wrap(b, text, indent + strlen(lab) + 1, indent, WIDTH);
	buf_putc(b, '\n');
}

/* ---- text --------------------------------------------------------------- */

static void
text_found(struct apps_run *r, const struct device_found *f)
{
	struct buf *b = &r->out;
	const struct kb_lock_app *a = f->app;
	const struct kb_lock_system *sys = kb_lock_system_find(&r->kb, a->system);
	const struct device_reason *x = apps_reason_for(r, f->package);
	int strong = x && x->level == DEVICE_STRONG;
	const char *on = !r->color ? "" : strong ? "\033[1;31m" : "\033[33m";

	/* package names are checked as such when read; the data tables are
	 * checked as text when loaded; both still go through the terminal
	 * sanitiser, in case either check is ever loosened */
	buf_printf(b, "%s%-6s%s  ", on, strong ? "STRONG" : "weak", r->color ? "\033[0m" : "");
	buf_puts_term(b, f->package);
	if (kb_lock_app_is_prefix(a)) {
		BUF_LIT(b, " (matches ");
		buf_puts_term(b, a->package);
		buf_putc(b, ')');
	}
	BUF_LIT(b, "\n        ");
	buf_puts_term(b, sys ? sys->name : a->system);
	if (strcmp(a->fact.confidence, "confirmed") != 0)
		BUF_LIT(b, " (reported)");
	buf_putc(b, '\n');
	if (x && strcmp(x->code, "lock_app_in_control") == 0) {
		char why[160];

		snprintf(why, sizeof why, "%s, so it is in control of the phone.",
		    control_words(r->dev, f->package));
		label(b, 8, "Why strong:", why);
		label(b, 8, strcmp(a->strength, "strong") == 0 ? "Alone it is strong:" :
		    "Alone it would be weak:", a->grade_reason);
	} else {
		label(b, 8, strong ? "Why strong:" : "Why weak:", a->grade_reason);
	}
	BUF_LIT(b, "        ");
	cli_wrap(b, a->what_to_do, 8, 8, WIDTH);
	buf_putc(b, '\n');
}

/* " (PayJoy Lock)" after a package the kb knows. */
static void
system_of(struct apps_run *r, const char *package)
{
	const struct kb_lock_app *a = package[0] ? kb_lock_app_find(&r->kb, package) : NULL;
	const struct kb_lock_system *sys = a ? kb_lock_system_find(&r->kb, a->system) : NULL;

	if (sys) {
		BUF_LIT(&r->out, " (");
		buf_puts_term(&r->out, sys->name);
		buf_putc(&r->out, ')');
	}
}

static void
text_owner(struct apps_run *r, const char *what, const struct device_owner *o)
{
	struct buf *b = &r->out;

	buf_printf(b, "  %s: ", what);
	buf_puts_term(b, o->package[0] ? o->package : "(package not shown)");
	system_of(r, o->package);
	if (o->user >= 0)
		buf_printf(b, ", user %ld", o->user);
	if (o->org_owned == 1)
		BUF_LIT(b, ", organisation-owned phone");
	buf_putc(b, '\n');
}

static void
text_control(struct apps_run *r)
{
	const struct device_state *d = r->dev;
	struct buf *b = &r->out;
	const char *t = apps_owner_type_word(d->owner_type);
	size_t i;

	if (!d->seen_policy && !d->seen_role)
		return;
	if (d->nfound)
		buf_putc(b, '\n');
	BUF_LIT(b, "Who controls the phone\n");
	if (d->seen_policy) {
		if (d->has_device_owner)
			text_owner(r, "device owner", &d->device_owner);
		else
			BUF_LIT(b, "  device owner: none\n");
		if (t && strcmp(t, "none") != 0)
			buf_printf(b, "  device owner type: %ld (%s)\n", d->owner_type, t);
		for (i = 0; i < d->nprofile_owners; i++)
			text_owner(r, "profile owner (work profile)", &d->profile_owners[i]);
		for (i = 0; i < d->nadmins; i++) {
			BUF_LIT(b, "  device admin: ");
			buf_puts_term(b, d->admins[i]);
			buf_putc(b, '\n');
		}
	}
	if (d->seen_role) {
		if (!d->nholders)
			BUF_LIT(b, "  financed-kiosk role: no app holds it\n");
		for (i = 0; i < d->nholders; i++) {
			BUF_LIT(b, "  financed-kiosk role: ");
			buf_puts_term(b, d->holders[i]);
			system_of(r, d->holders[i]);
			buf_putc(b, '\n');
		}
	}
}

static void
text_summary(struct apps_run *r)
{
	const struct device_state *d = r->dev;
	struct buf *b = &r->out;
	const struct device_verdict *v = &r->verdict;
	size_t i, strong = 0;
	int installed_by_others = 0;	/* a found app no maker preinstalls */

	for (i = 0; i < d->nfound; i++) {
		const struct device_reason *x = apps_reason_for(r, d->found[i].package);
		if (x && x->level == DEVICE_STRONG)
			strong++;
		if (d->found[i].app && strcmp(d->found[i].app->preinstalled, "no") == 0)
			installed_by_others = 1;
	}
	if (d->nfound || d->seen_policy || d->seen_role)
		buf_putc(b, '\n');
	buf_printf(b, "%ld package%s read, %zu known lock or management app%s, %zu strong\n",
	    d->packages, d->packages == 1 ? "" : "s", d->nfound, d->nfound == 1 ? "" : "s", strong);
	if (d->ignored)
		buf_printf(b, "%ld line%s ignored (not %s)\n", d->ignored, d->ignored == 1 ? "" : "s",
		    d->ignored == 1 ? "a package name" : "package names");
	buf_printf(b, "read: package list %s, device policy %s, financed-kiosk role %s\n",
	    d->packages ? "yes" : "no", d->seen_policy ? "yes" : "no", d->seen_role ? "yes" : "no");
	buf_printf(b, "verdict: %s\n", v->level == DEVICE_STRONG ? "STRONG" : apps_level_word(v->level));
	for (i = 0; i < v->nreasons; i++) {
		const struct device_reason *x = &v->reasons[i];
		const char *why = reason_words(x->code);

		if (x->level != v->level || v->level == DEVICE_NONE)
			continue;
		buf_printf(b, "  %s%s", why, x->package[0] ? ": " : "");
		buf_puts_term(b, x->package);
		buf_putc(b, '\n');
	}
	if (d->packages == 0 && !d->seen_policy && !d->seen_role) {
		cli_wrap(b, "Nothing was read: run 'adb shell pm list packages' with the phone "
		    "connected and USB debugging on, and give its output (see 'handover apps "
		    "--help' for the other two commands).", 0, 0, WIDTH);
	} else if (v->level == DEVICE_STRONG) {
		cli_wrap(b, "Someone other than the owner controls this phone, or a lender's lock "
		    "app is installed: do not pay until it is cleared as shown above.", 0, 0, WIDTH);
	} else if (v->level == DEVICE_WEAK && d->nprofile_owners) {
		cli_wrap(b, "A work profile belongs to an organisation: the seller must remove it "
		    "(or the whole account) before you pay; then reset the phone, set it up online "
		    "and look again.", 0, 0, WIDTH);
	} else if (v->level == DEVICE_WEAK) {
		cli_wrap(b, d->seen_policy || d->seen_role ?
		    "None of the apps above is in control of the phone (it is not the device "
		    "owner and holds no kiosk role): do the checks they name, then reset the "
		    "phone, set it up online and look again before you pay." :
		    installed_by_others ?
		    "No maker puts some of the apps above on a phone: an organisation or a "
		    "lender installed them. Ask the seller why, and also give 'adb shell dumpsys "
		    "device_policy' and the kiosk role answer (see --help) to learn whether one "
		    "is in control, and do the checks they name." :
		    "The apps above are also on clean phones, so on their own they prove nothing: "
		    "also give 'adb shell dumpsys device_policy' and the kiosk role answer (see "
		    "--help) to learn whether one is in control, and do the checks they name.",
		    0, 0, WIDTH);
	} else {
		cli_wrap(b, "No known lock or management app and nothing in control was found. The "
		    "list of apps handover knows is not complete: also look at the phone's device "
		    "admin apps, then reset it and set it up online before you pay.", 0, 0, WIDTH);
	}
	buf_putc(b, '\n');
}

/* ---- reading ------------------------------------------------------------ */

static int
read_input(struct apps_run *r, const char *path)
{
	struct lines l;
	const char *p;
	size_t n, i;
	int fd = STDIN_FILENO, cut, got, status = EXIT_OK;

	if (path && strcmp(path, "-") != 0) {
		struct error e;
		if ((fd = file_open(path, FILE_STREAM, NULL, &e)) < 0) {
			cli_error("%s", e.msg);
			return EXIT_IO;
		}
	}
	if (lines_init(&l, fd, LINE_MAX_BYTES) != 0) {
		cli_error("out of memory");
		status = EXIT_IO;
		goto out;
	}
	while ((got = lines_next(&l, &p, &n, &cut)) == 1) {
		if (cut) {
			/* far too long for anything we read: consumed whole, said once */
			r->dev->ignored++;
			cli_error("'%s': line %ld is longer than %d bytes: ignored", path ? path : "-",
			    l.lineno, LINE_MAX_BYTES - 1);
		} else
			device_feed(r->dev, p, n, NULL, NULL, NULL);
	}
	if (got < 0) {
		cli_error("cannot read '%s': %s", path ? path : "-", strerror(l.err));
		status = EXIT_IO;
	} else {
		device_judge(r->dev, &r->verdict);
		if (r->json) {
			apps_json(r);
		} else {
			for (i = 0; i < r->dev->nfound; i++) {
				if (i)
					buf_putc(&r->out, '\n');
				text_found(r, &r->dev->found[i]);
			}
			text_control(r);
			text_summary(r);
		}
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
	struct apps_run *r;
	struct opt o;
	int k, status;

	if (!(r = calloc(1, sizeof *r)) || !(r->dev = malloc(sizeof *r->dev))) {
		free(r);
		cli_error("out of memory");
		return EXIT_IO;
	}
	r->color = c->color;
	fd_buf_init(&r->out, STDOUT_FILENO);
	if (opt_init(&o, argc, argv) != 0) {
		cli_error("out of memory");
		status = EXIT_IO;
		goto done;
	}
	while ((k = opt_next(&o, specs)) != OPT_END) {
		switch (k) {
		case 'j': r->json = 1; break;
		case OPT_HELP: status = cli_help(&command_apps); goto out;
		default: status = cli_usage("apps", "%s", o.errmsg); goto out;
		}
	}
	if (o.noperands > 1) {
		status = cli_usage("apps", "give one file (or - for stdin), not %d", o.noperands);
		goto out;
	}
	if (cli_load_kb(c, &r->kb) != 0) {
		status = EXIT_IO;
		goto out;
	}
	device_init(r->dev, &r->kb);
	status = read_input(r, o.noperands ? o.operands[0] : NULL);
	if (status == EXIT_OK && r->verdict.level == DEVICE_STRONG)
		status = EXIT_FINDINGS;
	status = cli_finish_output(&r->out, status);
out:
	opt_release(&o);
done:
	buf_release(&r->out);
	kb_release(&r->kb);
	free(r->dev);
	free(r);
	return status;
}

const struct command command_apps = {
	"apps", run_apps,
	"apps [--json] [FILE | -]",
	"who controls a phone: lock apps, device owner, kiosk role",
	"usage: handover apps [--json] [FILE | -]\n"
	"\n"
	"Reads what a phone says over adb (USB debugging on, a laptop and a\n"
	"cable) and reports every known lender, lock or device-management app,\n"
	"who controls the phone, and the verdict the combination supports.  An\n"
	"app on the phone is not an app in control of it: many lock apps ship on\n"
	"clean phones (weak on their own); the same app as device owner or as\n"
	"the financed-kiosk role holder is strong.  Give any of these outputs,\n"
	"alone or pasted one after another into one file:\n"
	"\n"
	"  adb shell pm list packages\n"
	"  adb shell dumpsys device_policy\n"
	"  adb shell cmd role get-role-holders android.app.role.FINANCED_DEVICE_KIOSK\n"
	"\n"
	"The kind of each part is recognised by its own lines: 'package:NAME'\n"
	"lines (also 'pm list packages -f', one name a line, Windows line ends);\n"
	"a dump starting 'Current Device Policy Manager state:' (device owner,\n"
	"its type, profile owners, device admins); and for the role, the command\n"
	"line itself followed by its answer (holders joined by ';', or an empty\n"
	"line), so keep the command line in the file, as in the example below.\n"
	"Reads FILE, or stdin when there is none or it is '-'.  Not finding an\n"
	"app proves nothing: the list of apps handover knows is not complete.\n"
	"\n"
	"options:\n"
	"  --json     one JSON document: found (package, matched, system,\n"
	"             system_name, strength, strength_alone, in_control,\n"
	"             preinstalled, grade_reason, what_to_do, source, checked,\n"
	"             confidence), device_policy, kiosk_role, reasons, verdict,\n"
	"             packages_read, lines_ignored, known, strong\n"
	"\n"
	"exit status: 0 verdict weak or none, 1 verdict strong, 2 usage error,\n"
	"  3 input/output error\n"
	"\n"
	"examples:\n"
	"  adb shell pm list packages | handover apps\n"
	"  R=android.app.role.FINANCED_DEVICE_KIOSK\n"
	"  { adb shell pm list packages; adb shell dumpsys device_policy;\n"
	"    echo \"cmd role get-role-holders $R\";\n"
	"    adb shell cmd role get-role-holders $R; } > phone.txt\n"
	"  handover apps phone.txt\n"
};
