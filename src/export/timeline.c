/* SPDX-License-Identifier: MIT */
/* timeline: a record's check and re-checks in time order, as plain text
 * for a dispute: when the check began and was sealed, its verdict and
 * reasons, when each re-check was due and when it was done, with its
 * answers, verdict and reasons, and the seal of every block. */
#include <stdlib.h>
#include <string.h>

#include "check/recheck.h"
#include "export/export.h"
#include "record/stamp.h"

enum { EV_CREATED, EV_SEALED, EV_DUE, EV_RECHECK, EV_NOW };

struct event {
	int64_t at;
	int kind;
	int day;		/* EV_DUE */
	size_t block;		/* EV_RECHECK */
	const char *time;	/* as the record writes it, or NULL */
};

static int
event_cmp(const void *a, const void *b)
{
	const struct event *x = a, *y = b;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return x->block < y->block ? -1 : x->block > y->block;
}

/* A value on one line: control characters become spaces. */
static void
one_line(struct buf *b, const char *s)
{
	for (; *s; s++)
		buf_putc(b, (unsigned char)*s < 0x20 || *s == 0x7f ? ' ' : *s);
}

/* "LEVEL code detail" as "LEVEL: sentence [code]". */
static void
reason(struct buf *b, const char *v, const struct words *w)
{
	const char *code = strchr(v, ' ');
	char level[16];
	struct buf t;
	size_t n;

	buf_init_mem(&t);
	export_reason_words(w, v, 0, level, &t);
	BUF_LIT(b, "      ");
	if (level[0]) {
		buf_puts(b, level);
		BUF_LIT(b, ": ");
	}
	one_line(b, buf_str(&t));
	if (level[0] && code) {
		const char *end = strchr(code + 1, ' ');
		n = end ? (size_t)(end - code - 1) : strlen(code + 1);
		BUF_LIT(b, " [");
		buf_put(b, code + 1, n);
		buf_putc(b, ']');
	}
	buf_putc(b, '\n');
	if (t.err && !b->err)
		b->err = t.err;
	buf_release(&t);
}

/* The seal line of the check, and of block k, from the parsed record:
 * every field is one line, after the header. */
static long
seal_line(const struct record *r, long k)
{
	if (k < 0)
		return 1 + (long)record_check_nfields(r) + 1;
	return r->blocks[k].line + (long)r->blocks[k].nfields;
}

static void
put_time(struct buf *b, int64_t at, const char *written, int offset)
{
	char t[STAMP_TIME_SIZE];

	if (written) {
		one_line(b, written);
		return;
	}
	if (stamp_time(at, offset, t) != 0)
		buf_puts(b, "?");
	else
		buf_puts(b, t);
}

static void
put_recheck(struct buf *b, const struct record *r, const struct recheck_plan *p,
    size_t block, const struct words *w)
{
	struct recheck x;
	size_t i;

	if (recheck_read(r, block, &x, NULL) != 0)
		return;
	buf_printf(b, "  re-check %zu", block + 1);
	if (p->applies && x.time_ok)
		buf_printf(b, ", day %ld after the sale", recheck_day_of(p, x.at));
	if (!x.sealed)
		BUF_LIT(b, ": NOT FINISHED\n");
	else {
		BUF_LIT(b, ": verdict ");
		one_line(b, x.verdict ? x.verdict : "none");
		buf_putc(b, '\n');
	}
	for (i = 0; i < recheck_nsteps; i++) {
		const char *label = recheck_step_words(w, i, "label");
		const char *skipped = w ? words_get(w, "status.skipped") : NULL;
		if (!x.answer[i] && !x.skipped[i])
			continue;
		BUF_LIT(b, "      ");
		buf_puts(b, label ? label : RECHECK_STEP(i)->id);
		BUF_LIT(b, ": ");
		if (x.answer[i])
			one_line(b, RECHECK_STEP(i)->type == CL_CHOICE ?
			    recheck_choice_words(w, i, x.answer[i]) : x.answer[i]);
		else
			buf_puts(b, skipped ? skipped : "skipped");
		buf_putc(b, '\n');
	}
	for (i = 0; i < x.nfields; i++)
		if (strcmp(x.fields[i].key, RECORD_BLOCK_KEY ".reason") == 0)
			reason(b, x.fields[i].value, w);
	if (x.seal[0])
		buf_printf(b, "      sealed: sha256 %s (line %ld)\n", x.seal,
		    seal_line(r, (long)block));
}

int
export_timeline(const struct record *r, const struct words *w, int64_t now,
    struct buf *out, struct error *e)
{
	const char *created = record_get(r, "created"), *updated = record_get(r, "updated");
	const char *id = record_get(r, "id"), *verdict = record_get(r, "verdict");
	struct event *ev;
	struct recheck_plan p;
	size_t n = 0, i;
	int64_t t;
	int off;

	recheck_plan(r, &p);
	if (!(ev = calloc(r->nblocks + 5, sizeof *ev)))
		return error_set(e, 0, 0, "out of memory");
	if (created && stamp_parse(created, &t, &off) == 0)
		ev[n++] = (struct event){ t, EV_CREATED, 0, 0, created };
	if (updated && stamp_parse(updated, &t, &off) == 0)
		ev[n++] = (struct event){ t, EV_SEALED, 0, 0, updated };
	for (i = 0; p.applies && i < RECHECK_NDAYS; i++)
		ev[n++] = (struct event){ p.due[i], EV_DUE, recheck_days[i], 0, NULL };
	for (i = 0; i < r->nblocks; i++) {
		struct recheck x;
		if (recheck_read(r, i, &x, NULL) == 0)
			ev[n++] = (struct event){ x.time_ok ? x.at : INT64_MAX, EV_RECHECK, 0, i,
			    x.time };
	}
	ev[n++] = (struct event){ now, EV_NOW, 0, 0, NULL };
	qsort(ev, n, sizeof *ev, event_cmp);

	BUF_LIT(out, "Timeline of handover record ");
	one_line(out, id ? id : "?");
	BUF_LIT(out, "\nTimes are as the record gives them: the buyer's local time and its "
	    "offset from UTC.\n");
	for (i = 0; i < n; i++) {
		const struct event *x = &ev[i];

		buf_putc(out, '\n');
		put_time(out, x->at, x->time, p.offset);
		buf_putc(out, '\n');
		switch (x->kind) {
		case EV_CREATED:
			BUF_LIT(out, "  the check began\n");
			break;
		case EV_SEALED: {
			const struct record_field *f = NULL;
			const char *state = record_get(r, "state");
			if (!state || strcmp(state, "sealed") != 0) {
				BUF_LIT(out, "  the check was last saved, NOT FINISHED\n");
				break;
			}
			BUF_LIT(out, "  the check was finished: verdict ");
			one_line(out, verdict ? verdict : "none");
			buf_putc(out, '\n');
			while ((f = record_find(r, "reason", f)) != NULL)
				reason(out, f->value, w);
			if (r->check_seal[0] || r->seal[0])
				buf_printf(out, "      sealed: sha256 %s (line %ld)\n",
				    r->nblocks ? r->check_seal : r->seal, seal_line(r, -1));
			break;
		}
		case EV_DUE:
			buf_printf(out, "  the day-%d re-check %s due (%d x 24 hours after the "
			    "check was finished)%s\n", x->day, x->at > now ? "is" : "was", x->day,
			    p.done_by[x->day == recheck_days[0] ? 0 : 1] ? "" :
			    x->at > now ? "" : "; not done");
			break;
		case EV_NOW:
			BUF_LIT(out, "  this timeline was written\n");
			break;
		case EV_RECHECK:
			put_recheck(out, r, &p, x->block, w);
			break;
		}
	}
	free(ev);
	if (out->err)
		return error_set(e, 0, 0, "out of memory");
	return 0;
}
