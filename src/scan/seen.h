/* SPDX-License-Identifier: MIT */
/* seen: where each IMEI a scan meets was first shown (file, row, listing,
 * seller, day) and how often it came back, kept compact for the duplicate
 * check and saved between runs as the --seen store. */
#ifndef HANDOVER_SEEN_H
#define HANDOVER_SEEN_H

#include <stddef.h>
#include <stdint.h>

#include "lib/buf.h"
#include "lib/error.h"

#define SEEN_NONE 0u		/* no entry (never a real reference) */
#define SEEN_TEXT_MAX 128	/* bytes kept of an id, a seller, a file name */
#define SEEN_MAX_FILES 65535

/*
 * Entries go back to back in blocks of 1 MiB: the file (2 bytes), first
 * and last day (2 each), how many listings showed the IMEI and whether
 * another seller did (2), the row (1-9 bytes), then the id and the seller
 * with a length byte each: about 12 bytes plus the id and seller.  A
 * reference is the entry's offset in the blocks.
 */
struct seen {
	unsigned char **block;
	size_t *fill;		/* per block: bytes used */
	size_t nblocks, capblocks;
	char **files;		/* file names, by number */
	size_t nfiles, capfiles;
	size_t n;		/* entries */
};

/* An entry, as seen_get reads it back; pointers into the seen. */
struct seen_entry {
	int first_day, last_day;	/* days since 1970-01-01; 0: not known */
	unsigned count;		/* listings that showed the IMEI (at most 32767) */
	int other_seller;	/* another seller showed it too */
	const char *file;
	long row;
	const char *id, *seller;
	size_t idlen, sellerlen;
};

void seen_init(struct seen *s);
void seen_release(struct seen *s);

/* The number of a file name (interned).  Returns it, or -1 when out of
 * memory or past SEEN_MAX_FILES. */
int seen_file(struct seen *s, const char *name, size_t n);

/* A new entry: the IMEI's first listing.  id and seller are cut to
 * SEEN_TEXT_MAX bytes (at a character's start).  Returns its reference,
 * or SEEN_NONE when out of memory. */
uint32_t seen_add(struct seen *s, int file, long row, const char *id, size_t idlen,
    const char *seller, size_t sellerlen, int day);
void seen_get(const struct seen *s, uint32_t ref, struct seen_entry *e);
/* The IMEI was shown again, on day, by another seller or not. */
void seen_touch(struct seen *s, uint32_t ref, int day, int other_seller);

/*
 * The store file, one IMEI a line after a first line "# handover seen 1":
 *   IMEI <TAB> first day <TAB> last day <TAB> count <TAB> file <TAB> row
 *   <TAB> listing <TAB> seller
 * (days as YYYY-MM-DD; tabs and line ends in the text as spaces).  Lines
 * starting with '#' are comments.
 */
typedef int (*seen_load_fn)(void *ctx, uint64_t key, uint32_t seller_hash, uint32_t ref);

/* Reads a store (p, n borrowed): each line becomes an entry, then fn gets
 * its IMEI key (as ident_imei_key gives it), the seller's hash
 * (dupset_hash) and the entry; a non-zero return stops.  Returns 0, or -1
 * with e naming the line (a line that is not as above, out of memory). */
int seen_load(struct seen *s, const char *p, size_t n, seen_load_fn fn, void *ctx,
    struct error *e);

/* One IMEI for seen_write: its key and its entry. */
struct seen_item {
	uint64_t key;
	uint32_t ref;
};

/*
 * Writes the store: the n items (sorted here by IMEI) whose last day is
 * not older than keep_days before today (0: all), at most max of them,
 * the most recent kept when there are more (whole days at a time).
 * Returns how many lines it wrote.
 */
size_t seen_write(const struct seen *s, struct seen_item *items, size_t n, int today,
    int keep_days, size_t max, struct buf *out);

/* Days since 1970-01-01 as YYYY-MM-DD in out (room for 11). */
void seen_day_str(int day, char *out);
/* A YYYY-MM-DD date as days since 1970-01-01, or -1. */
int seen_day_parse(const char *p, size_t n);

#endif
