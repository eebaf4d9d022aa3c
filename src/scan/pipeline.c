/* SPDX-License-Identifier: MIT */
/* pipeline: batches of listings, worker threads, and the ordered finish
 * step (the one place a scan's cross-listing state may be touched). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "lib/grow.h"
#include "scan/pipeline.h"
#include "scan/scan_priv.h"

static int
put_bytes(struct pipeline_batch *b, const char *p, size_t n, size_t *off)
{
	if (grow_array(&b->bytes, &b->cap, b->len + n + 1, 1) != 0)
		return b->nomem = -1;
	*off = b->len;
	if (n)
		memcpy(b->bytes + b->len, p, n);
	b->len += n;
	return 0;
}

int
pipeline_add_rec(struct pipeline_batch *b, long line, long row)
{
	struct pipeline_rec *r;

	if (grow_array(&b->rec, &b->caprec, b->nrec + 1, sizeof *b->rec) != 0)
		return b->nomem = -1;
	r = &b->rec[b->nrec++];
	memset(r, 0, sizeof *r);
	r->line = line;
	r->row = row;
	r->first = b->nfld;
	return 0;
}

int
pipeline_add_field(struct pipeline_batch *b, const char *name, const char *nm,
    size_t nmlen, const char *p, size_t n, enum scan_role role, int incl)
{
	struct pipeline_fld *f;

	if (grow_array(&b->fld, &b->capfld, b->nfld + 1, sizeof *b->fld) != 0)
		return b->nomem = -1;
	f = &b->fld[b->nfld];
	f->name = name;
	f->name_len = nmlen;
	f->name_off = 0;
	if (!name && put_bytes(b, nm, nmlen, &f->name_off) != 0)
		return -1;
	if (put_bytes(b, p, n, &f->off) != 0)
		return -1;
	f->len = n;
	f->role = role;
	f->incl = incl;
	b->nfld++;
	b->rec[b->nrec - 1].nf++;
	return 0;
}

int
pipeline_add_span(struct pipeline_batch *b, const char *p, size_t n, size_t *off)
{
	return put_bytes(b, p, n, off);
}

int
pipeline_add_field_at(struct pipeline_batch *b, const char *name, size_t nmlen,
    size_t off, size_t n, enum scan_role role, int incl)
{
	struct pipeline_fld *f;

	if (b->nfld == b->capfld &&
	    grow_array(&b->fld, &b->capfld, b->nfld + 1, sizeof *b->fld) != 0)
		return b->nomem = -1;
	f = &b->fld[b->nfld++];
	f->name = name;
	f->name_len = nmlen;
	f->name_off = 0;
	f->off = off;
	f->len = n;
	f->role = role;
	f->incl = incl;
	b->rec[b->nrec - 1].nf++;
	return 0;
}

int
pipeline_add_bad(struct pipeline_batch *b, long line, long row, const char *msg)
{
	struct pipeline_rec *r;

	if (pipeline_add_rec(b, line, row) != 0)
		return -1;
	r = &b->rec[b->nrec - 1];
	r->bad = 1;
	r->msg_len = strlen(msg);
	if (put_bytes(b, msg, r->msg_len + 1, &r->msg_off) != 0)
		return -1;
	return 0;
}

/* The fields of record r as scan_fields in f (room for r's nf). */
static void
batch_fields(const struct pipeline_batch *b, const struct pipeline_rec *r,
    struct scan_field *f)
{
	size_t i;

	for (i = 0; i < r->nf; i++) {
		const struct pipeline_fld *s = &b->fld[r->first + i];
		f[i].name = s->name ? s->name : b->bytes + s->name_off;
		f[i].namelen = s->name_len;
		f[i].p = b->bytes + s->off;
		f[i].len = s->len;
		f[i].role = s->role;
	}
}

/* What one thread needs to scan batches, kept from batch to batch. */
struct pipeline_scratch {
	struct scan_listing *listings;
	size_t *rec_of;		/* listing -> record */
	size_t caplistings, caprec_of;
	struct scan_many many;
	struct scan_result *res;
	unsigned char *text_none;	/* listing -> its text is known to hold
					 * no identifier (steps' text_none) */
	size_t captext_none;
};

static void
batch_clear(struct pipeline_batch *b)
{
	b->len = b->nrec = b->nfld = b->nfound = b->nhits = 0;
	b->out.len = 0;
	b->out.err = 0;
	b->nomem = b->failed = 0;
	b->next = NULL;
}

static void
batch_free(struct pipeline_batch *b)
{
	free(b->bytes);
	free(b->rec);
	free(b->fld);
	free(b->found);
	free(b->hits);
	free(b->sf);
	free(b->keys);
	buf_release(&b->out);
	free(b);
}

static struct pipeline_scratch *
scratch_new(void)
{
	struct pipeline_scratch *w = calloc(1, sizeof *w);

	if (w && !(w->res = malloc(sizeof *w->res))) {
		free(w);
		return NULL;
	}
	if (w)
		scan_many_init(&w->many);
	return w;
}

static void
scratch_free(struct pipeline_scratch *w)
{
	if (!w)
		return;
	free(w->listings);
	free(w->rec_of);
	free(w->text_none);
	scan_many_release(&w->many);
	free(w->res);
	free(w);
}

struct keep_ctx {
	struct pipeline_batch *b;
	const size_t *rec_of;
};

/* Keeps one listing's result in the batch. */
static int
keep_result(void *ctx, size_t listing, const struct scan_result *res)
{
	struct keep_ctx *k = ctx;
	struct pipeline_batch *b = k->b;
	struct pipeline_rec *r = &b->rec[k->rec_of[listing]];

	if (grow_array(&b->found, &b->capfound, b->nfound + res->nids + 1,
	    sizeof *b->found) != 0 ||
	    grow_array(&b->hits, &b->caphits, b->nhits + res->nhits + 1,
	    sizeof *b->hits) != 0)
		return -1;
	r->res.reasons = res->reasons;
	r->res.signals = res->signals;
	r->res.strong = res->strong;
	r->res.text_ids = res->text_ids;
	r->res.price = res->price;
	memcpy(r->res.currency, res->currency, sizeof r->res.currency);
	r->res.model_key = res->model_key;
	r->res.median = 0;
	r->res.nprices = 0;
	r->res.first_id = b->nfound;
	r->res.nids = res->nids;
	r->res.first_hit = b->nhits;
	r->res.nhits = res->nhits;
	memcpy(b->found + b->nfound, res->ids, res->nids * sizeof *res->ids);
	memcpy(b->hits + b->nhits, res->hits, res->nhits * sizeof *res->hits);
	b->nfound += res->nids;
	b->nhits += res->nhits;
	return 0;
}

/* 1 when the steps know record i of b holds no identifier in its text. */
static int
text_none(const struct pipeline_steps *st, const struct pipeline_batch *b, size_t i)
{
	size_t at = b->first_rec + i;

	return st->text_none && at < st->ntext_none &&
	    (st->text_none[at / CHAR_BIT] >> (at % CHAR_BIT) & 1);
}

/* Scans every good record of b, keeping the results in b. */
static int
scan_batch(const struct scan *s, struct pipeline_batch *b, struct pipeline_scratch *w,
    const struct pipeline_steps *st)
{
	struct keep_ctx k;
	size_t i, n = 0;

	if (grow_array(&b->sf, &b->capsf, b->nfld + 1, sizeof *b->sf) != 0 ||
	    grow_array(&w->listings, &w->caplistings, b->nrec + 1, sizeof *w->listings) != 0 ||
	    grow_array(&w->rec_of, &w->caprec_of, b->nrec + 1, sizeof *w->rec_of) != 0 ||
	    grow_array(&w->text_none, &w->captext_none, b->nrec + 1, 1) != 0)
		return -1;
	for (i = 0; i < b->nrec; i++) {
		struct pipeline_rec *r = &b->rec[i];

		if (r->bad)
			continue;
		batch_fields(b, r, b->sf + r->first);
		w->listings[n].f = b->sf + r->first;
		w->listings[n].nf = r->nf;
		w->text_none[n] = (unsigned char)text_none(st, b, i);
		w->rec_of[n++] = i;
	}
	k.b = b;
	k.rec_of = w->rec_of;
	if (st->identifiers_only) {
		for (i = 0; i < n; i++) {
			scan_identifiers_light(s, &w->listings[i], w->res);
			scan_finish_result(w->res);
			if (keep_result(&k, i, w->res) != 0)
				return -1;
		}
		return 0;
	}
	w->many.text_none = st->text_none ? w->text_none : NULL;
	return scan_many(s, &w->many, w->listings, n, keep_result, &k, w->res) != 0 ? -1 : 0;
}

#define PER_THREAD 3		/* batches a thread may have in flight */

struct pipe {
	const struct scan *scan;
	const struct pipeline_steps *st;
	pthread_mutex_t in_mu;	/* the input: fill, seq, nrec, ended */
	uint64_t seq;
	size_t nrec;		/* records filled so far */
	int ended;
	pthread_mutex_t mu;	/* the rest */
	pthread_cond_t cv_free;
	struct pipeline_batch *done;	/* scanned, waiting for their turn, by seq */
	uint64_t turn;
	int finishing;		/* a thread is in finish() */
	struct pipeline_batch *free[PIPELINE_MAX_THREADS];	/* each thread's own */
	int stopped;		/* a step stopped the pipe, or no memory */
};

/* Puts b, scanned, among the done batches, then finishes every batch whose
 * turn it is, unless another thread is at it.  Called with p->mu held. */
static void
finish_turns(struct pipe *p, struct pipeline_batch *b)
{
	struct pipeline_batch **pp;

	for (pp = &p->done; *pp && (*pp)->seq < b->seq; pp = &(*pp)->next)
		;
	b->next = *pp;
	*pp = b;
	while (!p->finishing && p->done && p->done->seq == p->turn) {
		int bad;

		b = p->done;
		p->done = b->next;
		p->finishing = 1;
		if (!p->stopped) {
			pthread_mutex_unlock(&p->mu);
			bad = b->failed || p->st->finish(p->st->ctx, b) != 0;
			pthread_mutex_lock(&p->mu);
			if (bad)
				p->stopped = 1;
		}
		p->finishing = 0;
		p->turn++;
		b->next = p->free[b->owner];
		p->free[b->owner] = b;
		pthread_cond_broadcast(&p->cv_free);
	}
}

struct thread {
	struct pipe *p;
	int id;
	pthread_t th;
};

/* One thread's loop: fill a batch of its own, scan it, prepare it, and
 * finish what is due. */
static void *
work(void *arg)
{
	struct thread *t = arg;
	struct pipe *p = t->p;
	struct pipeline_scratch *w = scratch_new();
	int mine = 0, rc;

	for (;;) {
		struct pipeline_batch *b = NULL;

		pthread_mutex_lock(&p->mu);
		while (!p->free[t->id] && mine == PER_THREAD && !p->stopped)
			pthread_cond_wait(&p->cv_free, &p->mu);
		rc = p->stopped || !w;
		if (!rc && p->free[t->id]) {
			b = p->free[t->id];
			p->free[t->id] = b->next;
		}
		pthread_mutex_unlock(&p->mu);
		if (rc)
			break;
		if (!b) {
			if (!(b = calloc(1, sizeof *b))) {
				pthread_mutex_lock(&p->mu);
				p->stopped = 1;
				pthread_cond_broadcast(&p->cv_free);
				pthread_mutex_unlock(&p->mu);
				break;
			}
			buf_init_mem(&b->out);
			b->owner = t->id;
			mine++;
		}
		batch_clear(b);
		pthread_mutex_lock(&p->in_mu);
		rc = p->ended ? 0 : p->st->fill(p->st->ctx, b);
		if (rc > 0) {
			b->seq = p->seq++;
			b->first_rec = p->nrec;
			p->nrec += b->nrec;
		} else
			p->ended = 1;
		pthread_mutex_unlock(&p->in_mu);
		if (rc <= 0) {
			pthread_mutex_lock(&p->mu);
			if (rc < 0)
				p->stopped = 1;
			b->next = p->free[t->id];
			p->free[t->id] = b;
			pthread_cond_broadcast(&p->cv_free);
			pthread_mutex_unlock(&p->mu);
			break;
		}
		b->failed = b->nomem || scan_batch(p->scan, b, w, p->st) != 0 ||
		    p->st->prepare(p->st->ctx, b) != 0;
		pthread_mutex_lock(&p->mu);
		finish_turns(p, b);
		pthread_mutex_unlock(&p->mu);
	}
	if (!w) {
		pthread_mutex_lock(&p->mu);
		p->stopped = 1;
		pthread_cond_broadcast(&p->cv_free);
		pthread_mutex_unlock(&p->mu);
	}
	scratch_free(w);
	return NULL;
}

int
pipeline_run(const struct scan *s, int nthreads, const struct pipeline_steps *st)
{
	struct thread th[PIPELINE_MAX_THREADS];
	struct pipe p;
	struct pipeline_batch *b;
	int i, started = 1;

	memset(&p, 0, sizeof p);
	p.scan = s;
	p.st = st;
	if (nthreads < 1)
		nthreads = 1;
	if (nthreads > PIPELINE_MAX_THREADS)
		nthreads = PIPELINE_MAX_THREADS;
	pthread_mutex_init(&p.in_mu, NULL);
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.cv_free, NULL);
	for (i = 0; i < nthreads; i++) {
		th[i].p = &p;
		th[i].id = i;
	}
	/* the caller's thread is thread 0 */
	for (i = 1; i < nthreads; i++) {
		if (pthread_create(&th[i].th, NULL, work, &th[i]) != 0)
			break;
		started++;
	}
	work(&th[0]);
	for (i = 1; i < started; i++)
		pthread_join(th[i].th, NULL);
	/* every thread has left: what is left in the done list could not be
	 * finished (the pipe stopped) */
	while ((b = p.done) != NULL) {
		p.done = b->next;
		batch_free(b);
	}
	for (i = 0; i < nthreads; i++)
		while ((b = p.free[i]) != NULL) {
			p.free[i] = b->next;
			batch_free(b);
		}
	pthread_mutex_destroy(&p.in_mu);
	pthread_mutex_destroy(&p.mu);
	pthread_cond_destroy(&p.cv_free);
	return p.stopped ? -1 : 0;
}
