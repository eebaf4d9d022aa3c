/* SPDX-License-Identifier: MIT */
/* scanpipe: batches of listings, worker threads, and the ordered finish
 * step (the one place a scan's cross-listing state may be touched). */
#include <stdlib.h>
#include <string.h>

#include "scanpipe.h"

static int
grow(void **p, size_t *cap, size_t need, size_t size)
{
	size_t c = *cap ? *cap : 64;
	void *q;

	if (need <= *cap)
		return 0;
	while (c < need)
		c *= 2;
	if (c > SIZE_MAX / size || !(q = realloc(*p, c * size)))
		return -1;
	*p = q;
	*cap = c;
	return 0;
}

static int
put_bytes(struct sbatch *b, const char *p, size_t n, size_t *off)
{
	if (grow((void **)&b->bytes, &b->cap, b->len + n + 1, 1) != 0)
		return b->nomem = -1;
	*off = b->len;
	if (n)
		memcpy(b->bytes + b->len, p, n);
	b->len += n;
	return 0;
}

int
sbatch_add_rec(struct sbatch *b, long line)
{
	struct sbatch_rec *r;

	if (grow((void **)&b->rec, &b->caprec, b->nrec + 1, sizeof *b->rec) != 0)
		return b->nomem = -1;
	r = &b->rec[b->nrec++];
	memset(r, 0, sizeof *r);
	r->line = line;
	r->first = b->nfld;
	return 0;
}

int
sbatch_add_field(struct sbatch *b, const char *name, const char *nm, size_t nmlen,
    const char *p, size_t n, enum scan_role role)
{
	struct sbatch_fld *f;

	if (grow((void **)&b->fld, &b->capfld, b->nfld + 1, sizeof *b->fld) != 0)
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
	b->nfld++;
	b->rec[b->nrec - 1].nf++;
	return 0;
}

int
sbatch_add_bad(struct sbatch *b, long line, const char *msg)
{
	struct sbatch_rec *r;

	if (sbatch_add_rec(b, line) != 0)
		return -1;
	r = &b->rec[b->nrec - 1];
	r->bad = 1;
	r->msg_len = strlen(msg);
	if (put_bytes(b, msg, r->msg_len + 1, &r->msg_off) != 0)
		return -1;
	return 0;
}

void
sbatch_fields(const struct sbatch *b, const struct sbatch_rec *r, struct scan_field *f)
{
	size_t i;

	for (i = 0; i < r->nf; i++) {
		const struct sbatch_fld *s = &b->fld[r->first + i];
		f[i].name = s->name ? s->name : b->bytes + s->name_off;
		f[i].namelen = s->name_len;
		f[i].p = b->bytes + s->off;
		f[i].len = s->len;
		f[i].role = s->role;
	}
}

static void
batch_clear(struct sbatch *b)
{
	b->len = b->nrec = b->nfld = b->nfound = b->nhits = 0;
	b->nomem = 0;
	b->next = NULL;
}

static void
batch_free(struct sbatch *b)
{
	free(b->bytes);
	free(b->rec);
	free(b->fld);
	free(b->found);
	free(b->hits);
	free(b);
}

static struct scanpipe_scratch *
scratch_new(void)
{
	struct scanpipe_scratch *w = calloc(1, sizeof *w);

	if (w && !(w->res = malloc(sizeof *w->res))) {
		free(w);
		return NULL;
	}
	if (w)
		scan_many_init(&w->many);
	return w;
}

static void
scratch_free(struct scanpipe_scratch *w)
{
	if (!w)
		return;
	free(w->fields);
	free(w->listings);
	free(w->rec_of);
	scan_many_release(&w->many);
	free(w->res);
	free(w);
}

struct keep_ctx {
	struct sbatch *b;
	const size_t *rec_of;
};

/* Keeps one listing's result in the batch. */
static int
keep_result(void *ctx, size_t listing, const struct scan_result *res)
{
	struct keep_ctx *k = ctx;
	struct sbatch *b = k->b;
	struct sbatch_rec *r = &b->rec[k->rec_of[listing]];

	if (grow((void **)&b->found, &b->capfound, b->nfound + res->nids + 1,
	    sizeof *b->found) != 0 ||
	    grow((void **)&b->hits, &b->caphits, b->nhits + res->nhits + 1,
	    sizeof *b->hits) != 0)
		return -1;
	r->res.reasons = res->reasons;
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

/* Scans every good record of b, keeping the results in b. */
static int
scan_batch(const struct scan *s, struct sbatch *b, struct scanpipe_scratch *w)
{
	struct keep_ctx k;
	size_t i, n = 0;

	if (grow((void **)&w->fields, &w->capfields, b->nfld + 1, sizeof *w->fields) != 0 ||
	    grow((void **)&w->listings, &w->caplistings, b->nrec + 1, sizeof *w->listings) != 0 ||
	    grow((void **)&w->rec_of, &w->caprec_of, b->nrec + 1, sizeof *w->rec_of) != 0)
		return -1;
	for (i = 0; i < b->nrec; i++) {
		struct sbatch_rec *r = &b->rec[i];

		if (r->bad)
			continue;
		sbatch_fields(b, r, w->fields + r->first);
		w->listings[n].f = w->fields + r->first;
		w->listings[n].nf = r->nf;
		w->rec_of[n++] = i;
	}
	k.b = b;
	k.rec_of = w->rec_of;
	return scan_many(s, &w->many, w->listings, n, keep_result, &k, w->res) != 0 ? -1 : 0;
}

static void *
worker(void *arg)
{
	struct scanpipe *p = arg;
	struct scanpipe_scratch *w = scratch_new();

	pthread_mutex_lock(&p->mu);
	for (;;) {
		struct sbatch *b, **pp;

		while (!p->qhead && !p->closing)
			pthread_cond_wait(&p->cv_work, &p->mu);
		if (!p->qhead)
			break;
		b = p->qhead;
		p->qhead = b->next;
		if (!p->qhead)
			p->qtail = NULL;
		pthread_mutex_unlock(&p->mu);
		b->failed = !w || b->nomem || scan_batch(p->scan, b, w) != 0;
		pthread_mutex_lock(&p->mu);
		/* Into the list of scanned batches, in input order; then whoever
		 * is not already finishing finishes every batch whose turn it
		 * is, so no thread waits for another's batch. */
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
				bad = b->failed || p->finish(p->ctx, b) != 0;
				pthread_mutex_lock(&p->mu);
				if (bad)
					p->stopped = 1;
			}
			p->finishing = 0;
			p->turn++;
			batch_clear(b);
			b->next = p->free;
			p->free = b;
			pthread_cond_broadcast(&p->cv_free);
		}
	}
	pthread_mutex_unlock(&p->mu);
	scratch_free(w);
	return NULL;
}

int
scanpipe_start(struct scanpipe *p, const struct scan *s, int nthreads,
    scanpipe_finish_fn finish, void *ctx)
{
	int i;

	memset(p, 0, sizeof *p);
	p->scan = s;
	p->finish = finish;
	p->ctx = ctx;
	p->nthreads = nthreads < 1 ? 1 : nthreads > SCANPIPE_MAX_THREADS ?
	    SCANPIPE_MAX_THREADS : nthreads;
	p->maxbatches = (size_t)p->nthreads * 2 + 1;
	if (p->nthreads == 1)
		return (p->one = scratch_new()) ? 0 : -1;
	if (pthread_mutex_init(&p->mu, NULL) != 0)
		return -1;
	pthread_cond_init(&p->cv_work, NULL);
	pthread_cond_init(&p->cv_free, NULL);
	for (i = 0; i < p->nthreads; i++) {
		if (pthread_create(&p->th[i], NULL, worker, p) != 0)
			break;
		p->started++;
	}
	if (p->started == 0) {
		pthread_mutex_destroy(&p->mu);
		pthread_cond_destroy(&p->cv_work);
		pthread_cond_destroy(&p->cv_free);
		return -1;
	}
	return 0;
}

struct sbatch *
scanpipe_get(struct scanpipe *p)
{
	struct sbatch *b = NULL;

	if (p->nthreads > 1) {
		pthread_mutex_lock(&p->mu);
		while (!p->free && p->nbatches >= p->maxbatches && !p->stopped)
			pthread_cond_wait(&p->cv_free, &p->mu);
		if (!p->stopped && p->free) {
			b = p->free;
			p->free = b->next;
		}
		pthread_mutex_unlock(&p->mu);
		if (b || p->stopped)
			goto out;
	} else if (p->stopped) {
		return NULL;
	} else if (p->free) {
		b = p->free;
		p->free = NULL;
		goto out;
	}
	if ((b = calloc(1, sizeof *b)) == NULL)
		return NULL;
	if (p->nthreads > 1) {
		pthread_mutex_lock(&p->mu);
		p->nbatches++;
		pthread_mutex_unlock(&p->mu);
	} else {
		p->nbatches++;
	}
out:
	if (b)
		batch_clear(b);
	return b;
}

int
scanpipe_put(struct scanpipe *p, struct sbatch *b)
{
	int stopped;

	b->seq = p->seq++;
	if (p->nthreads == 1) {
		if (p->stopped || b->nomem ||
		    scan_batch(p->scan, b, p->one) != 0 ||
		    p->finish(p->ctx, b) != 0)
			p->stopped = 1;
		batch_clear(b);
		p->free = b;
		return p->stopped ? -1 : 0;
	}
	pthread_mutex_lock(&p->mu);
	b->next = NULL;
	if (p->qtail)
		p->qtail->next = b;
	else
		p->qhead = b;
	p->qtail = b;
	stopped = p->stopped;
	pthread_cond_signal(&p->cv_work);
	pthread_mutex_unlock(&p->mu);
	return stopped ? -1 : 0;
}

int
scanpipe_close(struct scanpipe *p)
{
	struct sbatch *b;
	int i;

	if (p->nthreads > 1 && p->started) {
		pthread_mutex_lock(&p->mu);
		p->closing = 1;
		pthread_cond_broadcast(&p->cv_work);
		pthread_mutex_unlock(&p->mu);
		for (i = 0; i < p->started; i++)
			pthread_join(p->th[i], NULL);
		pthread_mutex_destroy(&p->mu);
		pthread_cond_destroy(&p->cv_work);
		pthread_cond_destroy(&p->cv_free);
	}
	while ((b = p->free) != NULL) {
		p->free = b->next;
		batch_free(b);
	}
	scratch_free(p->one);
	return p->stopped ? -1 : 0;
}
