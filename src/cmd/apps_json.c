/* SPDX-License-Identifier: MIT */
/* apps_json: "handover apps --json": the apps found with their grade and
 * lock system, who controls the phone (device owner, kiosk role, work
 * profile), and the verdict with its reasons, as one JSON document. */
#include <string.h>

#include "cli/show.h"
#include "cmd/apps_priv.h"

static void
json_owner(struct buf *b, const struct device_owner *o)
{
	BUF_LIT(b, "{\"package\":");
	cli_json_str(b, o->package);
	BUF_LIT(b, ",\"admin\":");
	cli_json_str(b, o->admin);
	BUF_LIT(b, ",\"user\":");
	if (o->user >= 0)
		buf_printf(b, "%ld", o->user);
	else
		BUF_LIT(b, "null");
	BUF_LIT(b, ",\"organization_owned\":");
	buf_puts(b, o->org_owned == 1 ? "true" : o->org_owned == 0 ? "false" : "null");
	buf_putc(b, '}');
}

/* Found app f as an element of "found": what the kb knows of it, and the
 * strength it has on this phone.  Returns 1 when that strength is strong. */
static int
json_found_app(struct apps_run *r, const struct device_found *f)
{
	struct buf *b = &r->out;
	const struct kb_lock_app *a = f->app;
	const struct kb_lock_system *sys = kb_lock_system_find(&r->kb, a->system);
	const struct device_reason *x = apps_reason_for(r, f->package);

	BUF_LIT(b, "{\"package\":");
	cli_json_str(b, f->package);
	BUF_LIT(b, ",\"matched\":");
	cli_json_str(b, a->package);
	BUF_LIT(b, ",\"system\":");
	cli_json_str(b, a->system);
	BUF_LIT(b, ",\"system_name\":");
	cli_json_str(b, sys ? sys->name : NULL);
	BUF_LIT(b, ",\"strength\":");
	cli_json_str(b, x ? apps_level_word(x->level) : a->strength);
	BUF_LIT(b, ",\"strength_alone\":");
	cli_json_str(b, a->strength);
	buf_printf(b, ",\"in_control\":%s",
	    device_in_control(r->dev, f->package) ? "true" : "false");
	BUF_LIT(b, ",\"preinstalled\":");
	cli_json_str(b, a->preinstalled);
	BUF_LIT(b, ",\"grade_reason\":");
	cli_json_str(b, a->grade_reason);
	BUF_LIT(b, ",\"what_to_do\":");
	cli_json_str(b, a->what_to_do);
	buf_putc(b, ',');
	cli_json_fact(b, &a->fact);
	buf_putc(b, '}');
	return x && x->level == DEVICE_STRONG;
}

/* The elements of "found", one per found app.  Returns how many of them
 * are strong. */
static size_t
json_found(struct apps_run *r)
{
	const struct device_state *d = r->dev;
	size_t i, strong = 0;

	for (i = 0; i < d->nfound; i++) {
		if (i)
			BUF_LIT(&r->out, ",\n");
		strong += json_found_app(r, &d->found[i]);
	}
	return strong;
}

/* The value of "device_policy": the device owner and its type, the
 * profile owners and the device admins, or null when no dump was read. */
static void
json_device_policy(struct buf *b, const struct device_state *d)
{
	size_t i;

	if (!d->seen_policy) {
		BUF_LIT(b, "null");
		return;
	}
	BUF_LIT(b, "{\"device_owner\":");
	if (d->has_device_owner)
		json_owner(b, &d->device_owner);
	else
		BUF_LIT(b, "null");
	BUF_LIT(b, ",\"device_owner_type\":");
	if (d->owner_type != DEVICE_OWNER_TYPE_UNSEEN)
		buf_printf(b, "%ld", d->owner_type);
	else
		BUF_LIT(b, "null");
	BUF_LIT(b, ",\"device_owner_type_name\":");
	cli_json_str(b, apps_owner_type_word(d->owner_type));
	BUF_LIT(b, ",\"profile_owners\":[");
	for (i = 0; i < d->nprofile_owners; i++) {
		if (i)
			buf_putc(b, ',');
		json_owner(b, &d->profile_owners[i]);
	}
	BUF_LIT(b, "],\"admins\":[");
	for (i = 0; i < d->nadmins; i++) {
		if (i)
			buf_putc(b, ',');
		cli_json_str(b, d->admins[i]);
	}
	BUF_LIT(b, "]}");
}

/* The value of "kiosk_role": the financed-kiosk role's holders, or null
 * when the role's answer was not read. */
static void
json_kiosk_role(struct buf *b, const struct device_state *d)
{
	size_t i;

	if (!d->seen_role) {
		BUF_LIT(b, "null");
		return;
	}
	BUF_LIT(b, "{\"role\":\"android.app.role.FINANCED_DEVICE_KIOSK\",\"holders\":[");
	for (i = 0; i < d->nholders; i++) {
		if (i)
			buf_putc(b, ',');
		cli_json_str(b, d->holders[i]);
	}
	BUF_LIT(b, "]}");
}

/* The elements of "reasons": each reason of verdict v, with its level and
 * the package it is about. */
static void
json_reasons(struct buf *b, const struct device_verdict *v)
{
	size_t i;

	for (i = 0; i < v->nreasons; i++) {
		const struct device_reason *x = &v->reasons[i];
		if (i)
			buf_putc(b, ',');
		BUF_LIT(b, "\n{\"code\":");
		cli_json_str(b, x->code);
		BUF_LIT(b, ",\"level\":");
		cli_json_str(b, apps_level_word(x->level));
		BUF_LIT(b, ",\"package\":");
		cli_json_str(b, x->package);
		buf_putc(b, '}');
	}
}

void
apps_json(struct apps_run *r)
{
	const struct device_state *d = r->dev;
	struct buf *b = &r->out;
	size_t strong;

	BUF_LIT(b, "{\"found\":[\n");
	strong = json_found(r);
	BUF_LIT(b, "],\n\"device_policy\":");
	json_device_policy(b, d);
	BUF_LIT(b, ",\n\"kiosk_role\":");
	json_kiosk_role(b, d);
	BUF_LIT(b, ",\n\"reasons\":[");
	json_reasons(b, &r->verdict);
	buf_printf(b, "],\n\"verdict\":\"%s\",\"packages_read\":%ld,\"lines_ignored\":%ld,"
	    "\"known\":%zu,\"strong\":%zu}\n", apps_level_word(r->verdict.level), d->packages, d->ignored,
	    d->nfound, strong);
}
