/* SPDX-License-Identifier: MIT */
/* recheck: the day-1 and day-7 re-checks: steps, answers, the block in
 * the record, when each is due, and their words. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/recheck.h"
#include "record/stamp.h"

#define DAY 86400

const int recheck_days[RECHECK_NDAYS] = { 1, 7 };

const size_t recheck_nsteps = CL_NSTEPS - CL_RECHECK_FIRST;

const char *const recheck_reason_codes[] = {
	"recheck_knox_enrolled", "recheck_knox_locked", "recheck_knox_undecided",
	"recheck_knox_not_shown", "recheck_lender_app", "recheck_notice",
	"recheck_registry_blocked", "recheck_sim_fails", "recheck_not_checked",
	"recheck_too_early", NULL
};

int
recheck_find(const char *id)
{
	size_t i;

	for (i = 0; i < recheck_nsteps; i++)
		if (strcmp(RECHECK_STEP(i)->id, id) == 0)
			return (int)i;
	return -1;
}

const char *
recheck_step_words(const struct words *w, size_t i, const char *part)
{
	return w ? words_getf(w, "step.%s.%s", RECHECK_STEP(i)->id, part) : NULL;
}

const char *
recheck_choice_words(const struct words *w, size_t i, const char *a)
{
	const char *t = w ? words_getf(w, "choice.%s.%s", RECHECK_STEP(i)->id, a) : NULL;

	if (!t && w)
		t = words_getf(w, "choice.%s", a);
	return t ? t : a;
}

/* The n-th choice of step i (0-based) into out; 0, or -1 past the last. */
static int
nth_choice(size_t i, size_t n, char out[RECHECK_VALUE_MAX])
{
	const char *p = RECHECK_STEP(i)->choices;

	while (n-- > 0 && p) {
		p = strchr(p, '|');
		if (p)
			p++;
	}
	if (!p || !*p)
		return -1;
	snprintf(out, RECHECK_VALUE_MAX, "%.*s", (int)strcspn(p, "|"), p);
	return 0;
}

/* 1 when v is what handover writes for step i: one of a choice step's
 * answers, or a line of text without controls or surrounding spaces. */
static int
canonical(size_t i, const char *v)
{
	char a[RECHECK_VALUE_MAX];
	size_t n = strlen(v), k;

	if (RECHECK_STEP(i)->type == CL_TEXT) {
		if (n == 0 || n >= RECHECK_VALUE_MAX || v[0] == ' ' || v[n - 1] == ' ')
			return 0;
		for (k = 0; k < n; k++)
			if ((unsigned char)v[k] < 0x20 || v[k] == 0x7f)
				return 0;
		return 1;
	}
	for (k = 0; nth_choice(i, k, a) == 0; k++)
		if (strcmp(a, v) == 0)
			return 1;
	return 0;
}

/* ------------------------------------------------------------- the block */

static int
valid_level(const char *v)
{
	return v && (strcmp(v, "GO") == 0 || strcmp(v, "CAUTION") == 0 ||
	    strcmp(v, "STOP") == 0);
}

int
recheck_build(const struct recheck_input *in, struct record *blk, struct error *e)
{
	int64_t t;
	int off, err = 0;
	size_t i;

	record_init(blk);
	if (!in->time || stamp_parse(in->time, &t, &off) != 0)
		return error_set(e, 0, 0, "the re-check's time '%s' is not like "
		    "2026-11-24T18:30:00+05:30", in->time ? in->time : "");
	if (in->sealed && !valid_level(in->verdict))
		return error_set(e, 0, 0, "a finished re-check needs a verdict: GO, CAUTION or STOP");
	for (i = 0; i < recheck_nsteps; i++) {
		if (!in->answer[i])
			continue;
		if (!canonical(i, in->answer[i]))
			return error_set(e, 0, 0, "%s: '%s' is not one of its answers",
			    RECHECK_STEP(i)->id, in->answer[i]);
	}
	err |= record_begin_block(blk, in->time);
	err |= record_add(blk, RECORD_BLOCK_KEY ".handover-version", in->version ? in->version : "");
	err |= record_add(blk, RECORD_BLOCK_KEY ".state", in->sealed ? "sealed" : "open");
	for (i = 0; i < recheck_nsteps; i++)
		if (in->answer[i])
			err |= record_add(blk, RECHECK_STEP(i)->id, in->answer[i]);
	for (i = 0; i < recheck_nsteps; i++)
		if (in->skipped[i] && !in->answer[i])
			err |= record_add(blk, RECORD_BLOCK_KEY ".skipped", RECHECK_STEP(i)->id);
	if (in->sealed) {
		err |= record_add(blk, RECORD_BLOCK_KEY ".verdict", in->verdict);
		for (i = 0; in->reasons && in->reasons[i]; i++)
			err |= record_add(blk, RECORD_BLOCK_KEY ".reason", in->reasons[i]);
	}
	if (err) {
		int saved = errno;
		record_release(blk);
		return error_set(e, 0, 0, saved == ENOMEM ? "out of memory" :
		    "a value of the re-check cannot go into a record (%s)", strerror(saved));
	}
	return 0;
}

int
recheck_read(const struct record *r, size_t b, struct recheck *x, struct error *e)
{
	const struct record_block *blk;
	size_t i;

	memset(x, 0, sizeof *x);
	if (b >= r->nblocks)
		return error_set(e, 0, 0, "the record has no block %zu", b + 1);
	blk = &r->blocks[b];
	x->block = b;
	x->fields = &r->fields[blk->first];
	x->nfields = blk->nfields;
	x->time = x->fields[0].value;
	x->time_ok = stamp_parse(x->time, &x->at, &x->offset) == 0;
	x->seal = blk->seal;
	for (i = 1; i < x->nfields; i++) {
		const struct record_field *f = &x->fields[i];
		int k;

		if (strcmp(f->key, RECORD_BLOCK_KEY ".state") == 0)
			x->sealed = strcmp(f->value, "sealed") == 0;
		else if (strcmp(f->key, RECORD_BLOCK_KEY ".verdict") == 0 && !x->verdict)
			x->verdict = f->value;
		else if (strcmp(f->key, RECORD_BLOCK_KEY ".skipped") == 0) {
			if ((k = recheck_find(f->value)) >= 0)
				x->skipped[k] = 1;
		} else if ((k = recheck_find(f->key)) >= 0 && !x->answer[k])
			x->answer[k] = f->value;
	}
	return 0;
}

/* ------------------------------------------------------------- when due */

static int64_t
floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

long
recheck_day_of(const struct recheck_plan *p, int64_t t)
{
	return (long)floor_div(t - p->sale, DAY);
}

void
recheck_plan(const struct record *r, struct recheck_plan *p)
{
	const char *state = record_get(r, "state"), *updated = record_get(r, "updated");
	size_t b, d;

	memset(p, 0, sizeof *p);
	p->nrechecks = r->nblocks;
	if (!state || strcmp(state, "sealed") != 0 || !updated ||
	    stamp_parse(updated, &p->sale, &p->offset) != 0)
		return;
	p->applies = 1;
	for (d = 0; d < RECHECK_NDAYS; d++)
		p->due[d] = p->sale + (int64_t)recheck_days[d] * DAY;
	for (b = 0; b < r->nblocks; b++) {
		struct recheck x;
		if (recheck_read(r, b, &x, NULL) != 0 || !x.sealed || !x.time_ok)
			continue;
		for (d = 0; d < RECHECK_NDAYS; d++)
			if (!p->done_by[d] && x.at >= p->due[d])
				p->done_by[d] = b + 1;
	}
}

int
recheck_next(const struct recheck_plan *p, int64_t now, struct recheck_next *n)
{
	int d;

	memset(n, 0, sizeof *n);
	if (!p->applies || p->done_by[RECHECK_NDAYS - 1])
		return 0;
	/* once day 7 has come, one re-check does for both */
	for (d = 0; d < RECHECK_NDAYS - 1; d++)
		if (!p->done_by[d] && now < p->due[d + 1])
			break;
	n->day = recheck_days[d];
	n->at = p->due[d];
	n->due = now >= p->due[d];
	return 1;
}

void
recheck_status(const struct record *r, const struct recheck_plan *p, int64_t now,
    struct buf *out)
{
	struct recheck_next n;
	size_t b, shown = 0;

	if (!p->applies) {
		buf_putc(out, '-');
		return;
	}
	for (b = 0; b < r->nblocks; b++) {
		struct recheck x;
		if (recheck_read(r, b, &x, NULL) != 0 || !x.sealed || !x.time_ok)
			continue;
		buf_printf(out, "%sd%ld %s", shown++ ? ", " : "", recheck_day_of(p, x.at),
		    x.verdict ? x.verdict : "?");
	}
	if (recheck_next(p, now, &n)) {
		buf_printf(out, "%sd%d ", shown ? ", " : "", n.day);
		char date[STAMP_DATE_SIZE];
		if (n.due || stamp_date(n.at, p->offset, date) != 0)
			buf_puts(out, "due");
		else
			buf_puts(out, date);
	}
}

/* ------------------------------------------------------------- words */

int
recheck_words_check(const struct words *w, struct error *e)
{
	static const char *const parts[] = { "label", "question", "help" };
	char a[RECHECK_VALUE_MAX];
	size_t i, k;

	for (i = 0; i < recheck_nsteps; i++) {
		for (k = 0; k < 3; k++)
			if (!recheck_step_words(w, i, parts[k]))
				return error_set(e, 0, 0, "words-%s.tsv: no 'step.%s.%s'", w->lang,
				    RECHECK_STEP(i)->id, parts[k]);
		for (k = 0; RECHECK_STEP(i)->choices && nth_choice(i, k, a) == 0; k++)
			if (recheck_choice_words(w, i, a) == a)
				return error_set(e, 0, 0, "words-%s.tsv: no 'choice.%s.%s' or "
				    "'choice.%s'", w->lang, RECHECK_STEP(i)->id, a, a);
	}
	for (i = 0; recheck_reason_codes[i]; i++)
		if (!words_getf(w, "reason.%s", recheck_reason_codes[i]) ||
		    !words_getf(w, "reason.%s.todo", recheck_reason_codes[i]))
			return error_set(e, 0, 0, "words-%s.tsv: no words for reason '%s'", w->lang,
			    recheck_reason_codes[i]);
	return 0;
}
