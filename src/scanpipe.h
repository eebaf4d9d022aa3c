/* SPDX-License-Identifier: MIT */
/* scanpipe: listings in batches, scanned by worker threads, handed back
 * one batch at a time in input order. */
#ifndef HANDOVER_SCANPIPE_H
#define HANDOVER_SCANPIPE_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "scan.h"

#define SCANPIPE_MAX_THREADS 16

struct sbatch_rec {
	long line;
	size_t first, nf;	/* into fld */
	size_t msg_off, msg_len;	/* a malformed row's message, in bytes */
	int bad;
	struct scan_result_ref {
		unsigned reasons;
		size_t first_id, nids, first_hit, nhits;
	} res;
};

struct sbatch_fld {
	const char *name;	/* borrowed for the whole run, or NULL: */
	size_t name_off, name_len;	/* the name is in bytes */
	size_t off, len;
	enum scan_role role;
};

struct sbatch {
	uint64_t seq;
	char *bytes;
	size_t len, cap;
	struct sbatch_rec *rec;
	size_t nrec, caprec;
	struct sbatch_fld *fld;
	size_t nfld, capfld;
	struct scan_found *found;
	size_t nfound, capfound;
	struct scan_hit *hits;
	size_t nhits, caphits;
	int nomem;		/* something could not be stored */
	int failed;		/* nomem, or scanning it ran out of memory */
	struct sbatch *next;
};

/* Appends to a batch; each returns 0 or -1 (out of memory, b->nomem). */
int sbatch_add_rec(struct sbatch *b, long line);
int sbatch_add_field(struct sbatch *b, const char *name, const char *nm, size_t nmlen,
    const char *p, size_t n, enum scan_role role);
int sbatch_add_bad(struct sbatch *b, long line, const char *msg);
/* The fields of record r as scan_fields in f (room for r's nf). */
void sbatch_fields(const struct sbatch *b, const struct sbatch_rec *r,
    struct scan_field *f);

/* What one thread needs to scan batches, kept from batch to batch. */
struct scanpipe_scratch {
	struct scan_field *fields;
	size_t capfields;
	struct scan_listing *listings;
	size_t *rec_of;		/* listing -> record */
	size_t caplistings, caprec_of;
	struct scan_many many;
	struct scan_result *res;
};

/* Called for each scanned batch, in input order, never two at once;
 * non-zero stops the pipe. */
typedef int (*scanpipe_finish_fn)(void *ctx, struct sbatch *b);

struct scanpipe {
	const struct scan *scan;
	scanpipe_finish_fn finish;
	void *ctx;
	int nthreads;		/* 1: everything on the caller's thread */
	size_t maxbatches;	/* in flight at once */
	pthread_t th[SCANPIPE_MAX_THREADS];
	int started;
	pthread_mutex_t mu;
	pthread_cond_t cv_work, cv_free;
	struct sbatch *qhead, *qtail;	/* filled, waiting for a worker */
	struct sbatch *done;	/* scanned, waiting for their turn, by seq */
	int finishing;		/* a thread is in finish() */
	struct sbatch *free;
	size_t nbatches;
	uint64_t seq, turn;
	int closing;
	int stopped;		/* finish returned non-zero, or out of memory */
	struct scanpipe_scratch *one;	/* nthreads == 1: the scratch */
};

/* Starts nthreads workers (1: none).  Returns 0 or -1. */
int scanpipe_start(struct scanpipe *p, const struct scan *s, int nthreads,
    scanpipe_finish_fn finish, void *ctx);
/* An empty batch to fill; waits while too many are in flight. */
struct sbatch *scanpipe_get(struct scanpipe *p);
/* Hands a filled batch over.  Returns 0, or -1 when the pipe stopped. */
int scanpipe_put(struct scanpipe *p, struct sbatch *b);
/* Waits for every batch to be finished, stops the workers, frees all.
 * Returns 0, or -1 when the pipe stopped early. */
int scanpipe_close(struct scanpipe *p);

#endif
