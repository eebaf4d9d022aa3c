/* SPDX-License-Identifier: MIT */
/* ics: the re-check reminders of a sealed check as one iCalendar file: a
 * timed event with an alarm at the moment each re-check is due (24 hours
 * and 7 days after the check was sealed), in the buyer's words, for any
 * phone's calendar, with no account and no network. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/recheck.h"
#include "check/saved.h"
#include "export/export.h"
#include "lib/ics.h"
#include "record/stamp.h"

static const char *
get(const struct record *r, const char *key)
{
	const char *v = record_get(r, key);

	return v ? v : "";
}

/* Empties a memory buf for the next value. */
static void
reset(struct buf *t)
{
	t->len = 0;
	if (t->mem)
		t->mem[0] = '\0';
}

/* The words of key with fills, into t. */
static void
say(struct buf *t, const struct words *w, const char *key, const struct fill *fl)
{
	const char *tmpl = w ? words_get(w, key) : NULL;

	words_fill(t, tmpl ? tmpl : key, fl);
}

/* The text of the event for day: what the sale was and what to look at. */
static void
description(struct buf *t, const struct record *r, const struct checklist *cl,
    const struct recheck_plan *p, const struct words *w, const char *day)
{
	const char *imei = record_get(r, "identity.imei1");
	char date[STAMP_DATE_SIZE] = "";
	struct buf phone;
	size_t i;

	buf_init_mem(&phone);
	if (*get(r, "listing.model")) {
		struct fill pf[] = {
			{"brand", get(r, "listing.brand")}, {"model", get(r, "listing.model")},
			{"imei", imei ? imei : ""}, {NULL, NULL}
		};
		buf_putc(&phone, ' ');
		say(&phone, w, imei ? "ics.phone_imei" : "ics.phone", pf);
	}
	stamp_date(p->sale, p->offset, date);
	{
		struct fill fl[] = {
			{"day", day}, {"phone", buf_str(&phone)}, {"date", date},
			{"id", get(r, "id")}, {NULL, NULL}
		};
		say(t, w, "ics.intro", fl);
		buf_puts(t, "\n\n");
		say(t, w, "ics.run", fl);
		buf_putc(t, '\n');
		say(t, w, "ics.look", fl);
		buf_putc(t, '\n');
		for (i = 0; i < recheck_nsteps; i++) {
			const char *label = recheck_step_words(w, i, "label");
			if (RECHECK_STEP(i)->type != CL_CHOICE ||
			    !cl_is_asked(cl, (enum cl_id)(CL_RECHECK_FIRST + i)))
				continue;
			buf_printf(t, "- %s\n", label ? label : RECHECK_STEP(i)->id);
		}
		buf_putc(t, '\n');
		say(t, w, "ics.outro", fl);
	}
	if (phone.err && !t->err)
		t->err = phone.err;
	buf_release(&phone);
}

static int calendar(const struct record *r, const struct checklist *cl,
    const struct words *w, int64_t now, struct buf *out, struct error *e);

int
export_ics(const struct export_src *s, int64_t now, struct buf *out, struct error *e)
{
	const struct record *r = s->rec;
	const struct words *w = s->words;
	struct saved_check *sc;
	int rc;

	/* what a re-check will ask is the checklist's to say, from the check */
	if (!(sc = malloc(sizeof *sc)))
		return error_set(e, 0, 0, "out of memory");
	if (saved_check_read(sc, r, s->kb, s->idt, w, e) != 0) {
		free(sc);
		return -1;
	}
	sc->cl.recheck = 1;
	rc = calendar(r, &sc->cl, w, now, out, e);
	free(sc);
	return rc;
}

/* The calendar of r, its re-checks' questions as cl asks them. */
static int
calendar(const struct record *r, const struct checklist *cl, const struct words *w,
    int64_t now, struct buf *out, struct error *e)
{
	struct recheck_plan p;
	char stamp[STAMP_TIME_SIZE], dtstamp[ICS_UTC_SIZE], start[ICS_UTC_SIZE];
	const char *id = record_get(r, "id");
	struct buf t;
	size_t d;

	recheck_plan(r, &p);
	if (!id || !*id)
		return error_set(e, 0, 0, "the record has no id");
	if (!p.applies)
		return error_set(e, 0, 0, "the check is not sealed (or its 'updated' time "
		    "does not read): re-checks start from a finished check");
	if (stamp_time(now, 0, stamp) != 0 || ics_utc(stamp, dtstamp) != 0)
		return error_set(e, 0, 0, "the clock says a time before 1970 or after 9999");
	ics_line(out, "BEGIN", "VCALENDAR");
	ics_line(out, "VERSION", "2.0");
	ics_line(out, "PRODID", "-//handover//handover " HANDOVER_VERSION "//EN");
	ics_line(out, "CALSCALE", "GREGORIAN");
	ics_line(out, "METHOD", "PUBLISH");
	buf_init_mem(&t);
	for (d = 0; d < RECHECK_NDAYS; d++) {
		char day[8];
		struct fill fl[] = { {"day", day}, {"id", id}, {NULL, NULL} };

		snprintf(day, sizeof day, "%d", recheck_days[d]);
		if (stamp_time(p.due[d], 0, stamp) != 0 || ics_utc(stamp, start) != 0) {
			buf_release(&t);
			return error_set(e, 0, 0, "a re-check would be due after 9999");
		}
		ics_line(out, "BEGIN", "VEVENT");
		buf_printf(&t, "%s-recheck-day%s@handover", id, day);
		ics_text(out, "UID", buf_str(&t));
		ics_line(out, "DTSTAMP", dtstamp);
		ics_line(out, "DTSTART", start);
		ics_line(out, "DURATION", "PT30M");
		reset(&t);
		say(&t, w, "ics.summary", fl);
		ics_text(out, "SUMMARY", buf_str(&t));
		reset(&t);
		description(&t, r, cl, &p, w, day);
		ics_text(out, "DESCRIPTION", buf_str(&t));
		ics_line(out, "TRANSP", "TRANSPARENT");
		ics_line(out, "BEGIN", "VALARM");
		ics_line(out, "ACTION", "DISPLAY");
		reset(&t);
		say(&t, w, "ics.alarm", fl);
		ics_text(out, "DESCRIPTION", buf_str(&t));
		ics_line(out, "TRIGGER", "PT0S");
		ics_line(out, "END", "VALARM");
		ics_line(out, "END", "VEVENT");
		reset(&t);
	}
	ics_line(out, "END", "VCALENDAR");
	if (t.err && !out->err)
		out->err = t.err;
	buf_release(&t);
	if (out->err)
		return error_set(e, 0, 0, "out of memory");
	return 0;
}
