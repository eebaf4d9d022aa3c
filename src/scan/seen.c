/* SPDX-License-Identifier: MIT */
/* seen: entries packed in blocks; the store file read and written. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ident/ident.h"
#include "lib/grow.h"
#include "scan/dupset.h"
#include "scan/seen.h"

#define BLOCK_BITS 20
#define BLOCK (1u << BLOCK_BITS)
#define ENTRY_MAX (8 + 10 + 2 + 2 * SEEN_TEXT_MAX)
#define COUNT_MAX 0x7FFF
#define OTHER_SELLER 0x8000

void
seen_init(struct seen *s)
{
	memset(s, 0, sizeof *s);
}

void
seen_release(struct seen *s)
{
	size_t i;

	for (i = 0; i < s->nblocks; i++)
		free(s->block[i]);
	for (i = 0; i < s->nfiles; i++)
		free(s->files[i]);
	free(s->block);
	free(s->fill);
	free(s->files);
	seen_init(s);
}

int
seen_file(struct seen *s, const char *name, size_t n)
{
	size_t i;
	char *c;

	for (i = 0; i < s->nfiles; i++)
		if (strlen(s->files[i]) == n && memcmp(s->files[i], name, n) == 0)
			return (int)i;
	if (s->nfiles == SEEN_MAX_FILES ||
	    grow_array(&s->files, &s->capfiles, s->nfiles + 1, sizeof *s->files) != 0 ||
	    !(c = malloc(n + 1)))
		return -1;
	memcpy(c, name, n);
	c[n] = '\0';
	s->files[s->nfiles] = c;
	return (int)s->nfiles++;
}

static void
put16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)(v & 0xFF);
	p[1] = (unsigned char)(v >> 8);
}

static unsigned
get16(const unsigned char *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8;
}

/* n cut to at most SEEN_TEXT_MAX bytes, not inside a UTF-8 sequence. */
static size_t
cut(const char *p, size_t n)
{
	if (n <= SEEN_TEXT_MAX)
		return n;
	n = SEEN_TEXT_MAX;
	while (n > 0 && ((unsigned char)p[n] & 0xC0) == 0x80)
		n--;
	return n;
}

uint32_t
seen_add(struct seen *s, int file, long row, const char *id, size_t idlen,
    const char *seller, size_t sellerlen, int day)
{
	unsigned char *e;
	unsigned long long r = row > 0 ? (unsigned long long)row : 0;
	size_t at;

	idlen = cut(id, idlen);
	sellerlen = cut(seller, sellerlen);
	if (s->nblocks == 0 || s->fill[s->nblocks - 1] + ENTRY_MAX > BLOCK) {
		size_t cap = s->capblocks;

		/* fill first: it has no capacity of its own but capblocks, so
		 * it must never be smaller (a block array grown and a fill
		 * array not, under out of memory, was written past its end) */
		if (s->nblocks == (size_t)1 << (32 - BLOCK_BITS) ||
		    grow_array(&s->fill, &cap, s->nblocks + 1, sizeof *s->fill) != 0 ||
		    grow_array(&s->block, &s->capblocks, s->nblocks + 1, sizeof *s->block) != 0 ||
		    !(s->block[s->nblocks] = malloc(BLOCK)))
			return SEEN_NONE;
		/* offset 0 of the first block is never an entry: 0 is SEEN_NONE */
		s->fill[s->nblocks] = s->nblocks == 0 ? 1 : 0;
		s->nblocks++;
	}
	at = s->fill[s->nblocks - 1];
	e = s->block[s->nblocks - 1] + at;
	put16(e, (unsigned)file);
	put16(e + 2, day > 0 && day < 0x10000 ? (unsigned)day : 0);
	put16(e + 4, day > 0 && day < 0x10000 ? (unsigned)day : 0);
	put16(e + 6, 1);
	e += 8;
	do {
		*e++ = (unsigned char)((r & 0x7F) | (r > 0x7F ? 0x80 : 0));
		r >>= 7;
	} while (r);
	*e++ = (unsigned char)idlen;
	if (idlen)
		memcpy(e, id, idlen);
	e += idlen;
	*e++ = (unsigned char)sellerlen;
	if (sellerlen)
		memcpy(e, seller, sellerlen);
	e += sellerlen;
	s->fill[s->nblocks - 1] = (size_t)(e - s->block[s->nblocks - 1]);
	s->n++;
	return (uint32_t)((s->nblocks - 1) << BLOCK_BITS | at);
}

static unsigned char *
entry_at(const struct seen *s, uint32_t ref)
{
	return s->block[ref >> BLOCK_BITS] + (ref & (BLOCK - 1));
}

void
seen_get(const struct seen *s, uint32_t ref, struct seen_entry *out)
{
	const unsigned char *e = entry_at(s, ref);
	unsigned long long row = 0;
	unsigned c, shift = 0, file = get16(e);

	out->file = file < s->nfiles ? s->files[file] : "";
	out->first_day = (int)get16(e + 2);
	out->last_day = (int)get16(e + 4);
	c = get16(e + 6);
	out->count = c & COUNT_MAX;
	out->other_seller = (c & OTHER_SELLER) != 0;
	e += 8;
	do {
		row |= (unsigned long long)(*e & 0x7F) << shift;
		shift += 7;
	} while (*e++ & 0x80);
	out->row = (long)row;
	out->idlen = *e++;
	out->id = (const char *)e;
	e += out->idlen;
	out->sellerlen = *e++;
	out->seller = (const char *)e;
}

void
seen_touch(struct seen *s, uint32_t ref, int day, int other_seller)
{
	unsigned char *e = entry_at(s, ref);
	unsigned c = get16(e + 6);

	if (day > (int)get16(e + 4) && day < 0x10000)
		put16(e + 4, (unsigned)day);
	if ((c & COUNT_MAX) < COUNT_MAX)
		c++;
	if (other_seller)
		c |= OTHER_SELLER;
	put16(e + 6, c);
}

/* ------------------------------------------------------------ dates */

/* Howard Hinnant's days_from_civil and civil_from_days. */
static long
days_from_civil(long y, unsigned m, unsigned d)
{
	long era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? (unsigned)-3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

void
seen_day_str(int day, char *out)
{
	long z = (long)day + 719468, era = (z >= 0 ? z : z - 146096) / 146097, y;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1;
	unsigned m = mp < 10 ? mp + 3 : mp - 9;

	y = (long)yoe + era * 400 + (m <= 2);
	if (y < 0 || y > 9999)
		y = 0;
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

static int
digits(const char *p, size_t n, long *v)
{
	size_t i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return -1;
		*v = *v * 10 + (p[i] - '0');
	}
	return n ? 0 : -1;
}

int
seen_day_parse(const char *p, size_t n)
{
	static const unsigned char mdays[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	long y, m, d, days;

	if (n != 10 || p[4] != '-' || p[7] != '-' || digits(p, 4, &y) || digits(p + 5, 2, &m) ||
	    digits(p + 8, 2, &d) || m < 1 || m > 12 || d < 1 || d > mdays[m - 1] ||
	    y < 1970)
		return -1;
	days = days_from_civil(y, (unsigned)m, (unsigned)d);
	return days < 0x10000 ? (int)days : -1;
}

/* ------------------------------------------------------------ the file */

#define MAGIC "# handover seen 1"

/* The tab-separated fields of the line (p, n) into f; returns how many
 * (at most max). */
static size_t
split_tabs(const char *p, size_t n, const char **f, size_t *len, size_t max)
{
	size_t k = 0, st = 0, i;

	for (i = 0; i <= n && k < max; i++)
		if (i == n || p[i] == '\t') {
			f[k] = p + st;
			len[k++] = i - st;
			st = i + 1;
		}
	return i <= n ? max + 1 : k;
}

int
seen_load(struct seen *s, const char *p, size_t n, seen_load_fn fn, void *ctx,
    struct error *e)
{
	size_t at = 0;
	long line = 0;
	int magic = 0;

	while (at < n) {
		const char *l = p + at, *nl = memchr(l, '\n', n - at), *f[9];
		size_t len = nl ? (size_t)(nl - l) : n - at, fl[9];
		uint64_t body;
		long row, count;
		int first, last, file;
		uint32_t ref;

		at += len + (nl != NULL);
		line++;
		if (len && l[len - 1] == '\r')
			len--;
		if (line == 1) {
			if (len != sizeof MAGIC - 1 || memcmp(l, MAGIC, len) != 0)
				return error_set(e, 1, 0, "not a seen store: the first line is "
				    "not \"" MAGIC "\"");
			magic = 1;
			continue;
		}
		if (len == 0 || l[0] == '#')
			continue;
		if (split_tabs(l, len, f, fl, 8) != 8)
			return error_set(e, line, 0, "not 8 fields separated by tabs");
		if (fl[0] != 15 || ident_parse_digits(f[0], 14, &body) != 0 ||
		    f[0][14] < '0' || f[0][14] > '9')
			return error_set(e, line, 1, "not a 15-digit IMEI");
		if ((first = seen_day_parse(f[1], fl[1])) < 0 ||
		    (last = seen_day_parse(f[2], fl[2])) < 0 || last < first)
			return error_set(e, line, 0, "the days are not YYYY-MM-DD, the first "
			    "before the last");
		if (fl[3] > 9 || digits(f[3], fl[3], &count) != 0 || count < 1 ||
		    fl[5] > 18 || digits(f[5], fl[5], &row) != 0)
			return error_set(e, line, 0, "count and row must be numbers");
		if ((file = seen_file(s, f[4], fl[4])) < 0 ||
		    (ref = seen_add(s, file, row, f[6], fl[6], f[7], fl[7], first)) == SEEN_NONE)
			return error_set(e, line, 0, "out of memory");
		{
			unsigned char *x = entry_at(s, ref);
			unsigned c = (unsigned)(count > COUNT_MAX ? COUNT_MAX : count);

			put16(x + 4, (unsigned)last);
			put16(x + 6, c);
		}
		if (fn(ctx, body + 1, dupset_hash(f[7], fl[7]), ref) != 0)
			return error_set(e, line, 0, "stopped");
	}
	if (!magic && n)
		return error_set(e, 1, 0, "not a seen store");
	return 0;
}

/* The IMEI of a key (the 14-digit body plus one) with its check digit. */
static void
imei_of_key(uint64_t key, char *out)
{
	uint64_t v = key - 1;
	int i;

	for (i = 13; i >= 0; i--) {
		out[i] = (char)('0' + v % 10);
		v /= 10;
	}
	out[14] = (char)('0' + ident_luhn(out, 14));
	out[15] = '\0';
}

static int
cmp_item(const void *a, const void *b)
{
	uint64_t x = ((const struct seen_item *)a)->key, y = ((const struct seen_item *)b)->key;

	return x < y ? -1 : x > y;
}

/* Text with tabs and line ends as spaces. */
static void
put_field(struct buf *b, const char *p, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		if (p[i] != '\t' && p[i] != '\n' && p[i] != '\r')
			continue;
		buf_put(b, p + k, i - k);
		buf_putc(b, ' ');
		k = i + 1;
	}
	buf_put(b, p + k, n - k);
}

size_t
seen_write(const struct seen *s, struct seen_item *items, size_t n, int today,
    int keep_days, size_t max, struct buf *out)
{
	struct seen_entry en;
	size_t i, left = 0, written = 0, *hist;
	int cutoff = keep_days > 0 ? today - keep_days : 0;
	char d1[11], d2[11], imei[16];

	/* the oldest day kept: at most max entries, whole days */
	if (!(hist = calloc(0x10000, sizeof *hist))) {
		out->err = out->err ? out->err : ENOMEM;
		return 0;
	}
	for (i = 0; i < n; i++) {
		seen_get(s, items[i].ref, &en);
		if (en.last_day >= cutoff) {
			hist[en.last_day & 0xFFFF]++;
			left++;
		}
	}
	if (max && left > max) {
		size_t keep = 0;
		int d;

		for (d = 0xFFFF; d > cutoff && keep + hist[d] <= max; d--)
			keep += hist[d];
		cutoff = d + 1;
	}
	free(hist);
	if (n > 1)
		qsort(items, n, sizeof *items, cmp_item);
	BUF_LIT(out, MAGIC "\n# imei\tfirst_seen\tlast_seen\tcount\tfile\trow\tlisting\tseller\n");
	for (i = 0; i < n; i++) {
		seen_get(s, items[i].ref, &en);
		if (en.last_day < cutoff)
			continue;
		seen_day_str(en.first_day, d1);
		seen_day_str(en.last_day, d2);
		imei_of_key(items[i].key, imei);
		buf_printf(out, "%s\t%s\t%s\t%u\t", imei, d1, d2, en.count);
		put_field(out, en.file, strlen(en.file));
		buf_printf(out, "\t%ld\t", en.row);
		put_field(out, en.id, en.idlen);
		buf_putc(out, '\t');
		put_field(out, en.seller, en.sellerlen);
		buf_putc(out, '\n');
		written++;
	}
	return written;
}
