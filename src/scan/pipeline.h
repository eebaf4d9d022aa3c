/* SPDX-License-Identifier: MIT */
/* pipeline: listings in batches, scanned by worker threads, handed back
 * one batch at a time in input order. */
#ifndef HANDOVER_PIPELINE_H
#define HANDOVER_PIPELINE_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/buf.h"
#include "scan/scan.h"

#define PIPELINE_MAX_THREADS 16

struct pipeline_rec {
	long line;
	long row;		/* the record's number (the front end's count) */
	size_t first, nf;	/* into fld */
	size_t msg_off, msg_len;	/* a malformed row's message, in bytes */
	int bad;
	struct scan_result_ref {
		unsigned reasons, signals;
		int strong;
		int text_ids;	/* identifiers outside IMEI columns */
		size_t first_id, nids, first_hit, nhits;
		double price;
		char currency[8];
		uint64_t model_key;
		double median;		/* the model's, when price_far_below */
		uint32_t nprices;
	} res;
	/* what the prepare step leaves for the finish step */
	uint32_t seller_hash;	/* dupset_hash of the seller, or 0 */
	unsigned mask;		/* the reasons the listing may get */
	int allowed;		/* why some may not: the front end's code */
	size_t out_off, out_len;	/* the listing's output in out */
};

struct pipeline_fld {
	const char *name;	/* borrowed for the whole run, or NULL: */
	size_t name_off, name_len;	/* the name is in bytes */
	size_t off, len;
	enum scan_role role;
	int incl;		/* the front end's mark (an included column), or -1 */
};

struct pipeline_batch {
	uint64_t seq;
	size_t first_rec;	/* records of the input before this batch's */
	char *bytes;
	size_t len, cap;
	struct pipeline_rec *rec;
	size_t nrec, caprec;
	struct pipeline_fld *fld;
	size_t nfld, capfld;
	struct scan_found *found;
	size_t nfound, capfound;
	struct scan_hit *hits;
	size_t nhits, caphits;
	struct buf out;		/* output made by the prepare step */
	struct scan_field *sf;	/* every record's fields, from scanning on */
	size_t capsf;
	uint64_t *keys;		/* found[i].key, packed (prepare step) */
	size_t capkeys;
	int nomem;		/* something could not be stored */
	int failed;		/* nomem, or scanning ran out of memory */
	int owner;		/* the thread whose batch it is */
	struct pipeline_batch *next;
};

/* Appends to a batch; each returns 0 or -1 (out of memory, b->nomem). */
int pipeline_add_rec(struct pipeline_batch *b, long line, long row);
int pipeline_add_field(struct pipeline_batch *b, const char *name, const char *nm,
    size_t nmlen, const char *p, size_t n, enum scan_role role, int incl);
int pipeline_add_bad(struct pipeline_batch *b, long line, long row, const char *msg);
/* Copies bytes in (*off: where they are), for fields added at them. */
int pipeline_add_span(struct pipeline_batch *b, const char *p, size_t n,
    size_t *off);
/* A field of n bytes at off in the batch; name is borrowed for the run. */
int pipeline_add_field_at(struct pipeline_batch *b, const char *name,
    size_t nmlen, size_t off, size_t n, enum scan_role role, int incl);

/*
 * The three steps a batch goes through.  fill reads listings into an
 * empty batch, one thread at a time, in input order: it returns 1 when
 * the batch holds something, 0 at the end of the input, -1 to stop.
 * prepare runs on the thread that filled and scanned the batch, while
 * its bytes are in that thread's cache (e.g. to write the output).
 * finish runs one batch at a time, in input order.  prepare and finish
 * return 0, or non-zero to stop the pipe.
 */
struct pipeline_steps {
	int (*fill)(void *ctx, struct pipeline_batch *b);
	int (*prepare)(void *ctx, struct pipeline_batch *b);
	int (*finish)(void *ctx, struct pipeline_batch *b);
	int identifiers_only;	/* scan_identifiers only, no phrases (a
				 * first pass that collects what listings share) */
	/* bit i (of ntext_none): record i of the input, from 0, holds no
	 * identifier outside its IMEI columns (a first pass over the same
	 * input found none there), so its text is not searched again;
	 * NULL: every record's text is searched */
	const unsigned char *text_none;
	size_t ntext_none;
	void *ctx;
};

/*
 * Runs the input through the steps on nthreads threads (the caller's
 * included; 1 runs everything on the caller's thread).  Each thread
 * fills, scans and prepares its own batches, so a batch's bytes are read
 * where they were written; a few batches a thread are in flight at
 * most.  Returns 0, or -1 when a step stopped the pipe or memory ran
 * out.
 */
int pipeline_run(const struct scan *s, int nthreads,
    const struct pipeline_steps *st);

#endif
