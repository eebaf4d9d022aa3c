/* SPDX-License-Identifier: MIT */
/* scancore_bench: throughput of the matcher and the CSV and JSONL readers
 * on generated data.  Run by hand, never as a test:
 *   make && cc -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -Isrc \
 *     tests/bench/scancore_bench.c build/libhandover.a -o build/scancore_bench
 *   build/scancore_bench [MB] [DIR]
 * It also writes DIR/bench.txt (the listing-like text), DIR/phrases.txt and
 * DIR/bench.csv (DIR defaults to /tmp) so peers can be timed on the same
 * bytes, e.g.  time rg -c -i -F -f /tmp/phrases.txt /tmp/bench.txt
 * Timings are process CPU time, the matcher's the best of five runs. */
#include <sys/types.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lib/csv.h"
#include "lib/jsonl.h"
#include "lib/matcher.h"
#include "cli/fd.h"

#define NPHRASES 500
#define NVOCAB 4000

static unsigned long rng = 42;

static unsigned
rnd(unsigned n)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)(rng >> 33) % n;
}

static double
now(void)
{
	struct timespec ts;

	/* CPU time of this process: steadier than the wall clock on a
	 * shared machine (time spent descheduled is not counted) */
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char vocab[NVOCAB][12];

static void
make_vocab(void)
{
	int i, j, len;

	for (i = 0; i < NVOCAB; i++) {
		len = 2 + (int)rnd(8);
		for (j = 0; j < len; j++)
			vocab[i][j] = (char)('a' + rnd(26));
		vocab[i][len] = '\0';
	}
}

/* Text of n bytes: vocabulary words, some capitalised, with spaces,
 * punctuation and newlines. */
static char *
make_text(size_t n)
{
	char *t = malloc(n + 16);
	size_t k = 0;

	while (k < n) {
		const char *w = vocab[rnd(NVOCAB)];
		size_t len = strlen(w);

		memcpy(t + k, w, len);
		if (rnd(8) == 0)
			t[k] = (char)(t[k] - 32);
		k += len;
		t[k++] = " \n, ."[rnd(16) < 12 ? 0 : rnd(4) + 1];
	}
	return t;
}

/* Listing-like text: common words of phone listings, some capitalised. */
static const char *const common[] = {
	"the", "phone", "is", "in", "good", "condition", "with", "box", "and",
	"charger", "battery", "health", "screen", "no", "scratches", "used",
	"for", "months", "price", "negotiable", "call", "me", "at", "original",
	"bill", "available", "selling", "because", "upgrade", "urgent", "sale",
	"works", "perfectly", "camera", "face", "id", "storage", "128gb",
	"colour", "black", "warranty", "left", "until", "march", "cash", "only",
	"pickup", "from", "city", "centre", "emi", "premium", "later", "pay",
};

static char *
make_listing_text(size_t n)
{
	char *t = malloc(n + 16);
	size_t k = 0, nw = sizeof common / sizeof common[0];

	while (k < n) {
		const char *w = common[rnd((unsigned)nw)];
		size_t len = strlen(w);

		memcpy(t + k, w, len);
		if (rnd(10) == 0)
			t[k] = (char)(t[k] - 32);
		k += len;
		t[k++] = rnd(12) ? ' ' : rnd(2) ? '\n' : ',';
	}
	return t;
}

static long nmatch;

static int
count(void *ctx, const struct matcher_match *m)
{
	(void)ctx;
	(void)m;
	nmatch++;
	return 0;
}

/* Best of five runs of the matcher over text in fields of field bytes. */
static double
time_matcher(const struct matcher *m, const char *text, size_t n, size_t field)
{
	double best = 1e9, t0, t1;
	size_t off;
	int r;

	for (r = 0; r < 5; r++) {
		nmatch = 0;
		t0 = now();
		for (off = 0; off < n; off += field)
			matcher_run(m, text + off, n - off < field ? n - off : field,
			    count, NULL);
		t1 = now();
		if (t1 - t0 < best)
			best = t1 - t0;
	}
	return n / 1e6 / best;
}

/* 500 phrases: a few real red flags and random letter strings of one to
 * three words (from the text's own vocabulary when adversarial). */
static void
build_phrases(struct matcher *m, int adversarial, FILE *f)
{
	static const char *const real[] = { "emi", "pay later", "no cost emi",
	    "financed", "installment", "finance lock", "not paid off" };
	struct error e;
	char buf[64];
	size_t i;
	int j, words, len;

	matcher_init(m);
	for (i = 0; i < NPHRASES; i++) {
		if (i < 7) {
			snprintf(buf, sizeof buf, "%s", real[i]);
		} else {
			buf[0] = '\0';
			words = 1 + (int)rnd(3);
			for (j = 0; j < words; j++) {
				if (j)
					strcat(buf, " ");
				if (adversarial) {
					strcat(buf, vocab[rnd(NVOCAB)]);
				} else {
					len = (int)strlen(buf);
					for (int c = 3 + (int)rnd(7); c > 0; c--)
						buf[len++] = (char)('a' + rnd(26));
					buf[len] = '\0';
				}
			}
		}
		matcher_add(m, buf, strlen(buf), i % 2 ? MATCHER_WORD : 0, &e);
		if (f)
			fprintf(f, "%s\n", buf);
	}
}

static void
bench_matcher(size_t n, const char *dir)
{
	struct matcher m;
	struct error e;
	char path[512];
	char *text;
	FILE *f;
	double t0, t1;
	int adv;

	for (adv = 0; adv < 2; adv++) {
		text = adv ? make_text(n) : make_listing_text(n);
		f = NULL;
		if (!adv) {
			snprintf(path, sizeof path, "%s/phrases.txt", dir);
			f = fopen(path, "w");
		}
		build_phrases(&m, adv, f);
		if (f)
			fclose(f);
		t0 = now();
		matcher_compile(&m, &e);
		t1 = now();
		printf("%s text, %d phrases: %u states x %u classes (%.1f MB), "
		    "built in %.1f ms\n", adv ? "adversarial" : "listing-like",
		    NPHRASES, m.nstates, m.ncls,
		    (double)((size_t)m.nstates << m.shift) * (m.d16 ? 2 : 4) / 1e6,
		    (t1 - t0) * 1e3);
		printf("  one run over %.0f MB: %.0f MB/s", n / 1e6,
		    time_matcher(&m, text, n, n));
		printf(" (%ld matches); 400-byte fields: %.0f MB/s\n", nmatch,
		    time_matcher(&m, text, n, 400));
		if (!adv) {
			snprintf(path, sizeof path, "%s/bench.txt", dir);
			if ((f = fopen(path, "w")) != NULL) {
				fwrite(text, 1, n, f);
				fclose(f);
			}
		}
		matcher_release(&m);
		free(text);
	}
}

/* Cyrillic text and phrases: the non-ASCII path. */
static void
bench_matcher_cyrillic(size_t n)
{
	static const char *const w[] = { "рассрочка", "Оплата", "частями",
	    "телефон", "новый", "КРЕДИТ", "без", "гарантия", "продам", "срочно" };
	struct matcher m;
	struct error e;
	char *t = malloc(n + 32);
	size_t k = 0;
	double t0, t1;

	while (k < n) {
		const char *s = w[rnd(10)];

		memcpy(t + k, s, strlen(s));
		k += strlen(s);
		t[k++] = ' ';
	}
	matcher_init(&m);
	matcher_add(&m, "рассрочка", strlen("рассрочка"), MATCHER_WORD, &e);
	matcher_add(&m, "оплата частями", strlen("оплата частями"), MATCHER_WORD, &e);
	matcher_add(&m, "кредит", strlen("кредит"), MATCHER_WORD, &e);
	matcher_compile(&m, &e);
	nmatch = 0;
	t0 = now();
	matcher_run(&m, t, k, count, NULL);
	t1 = now();
	printf("matcher, %.0f MB of Cyrillic:            %.0f MB/s, %ld matches\n",
	    k / 1e6, k / 1e6 / (t1 - t0), nmatch);
	matcher_release(&m);
	free(t);
}

/* CSV of about n bytes: listings with quoted titles and descriptions. */
static char *
make_csv(size_t n, size_t *len)
{
	char *c = malloc(n + 4096);
	size_t k = 0;
	long id = 0;
	int j;

	k += (size_t)sprintf(c, "id,title,description,imei,brand,model,price\r\n");
	while (k < n) {
		k += (size_t)sprintf(c + k, "%ld,\"%s %s, %s\",\"", ++id,
		    vocab[rnd(NVOCAB)], vocab[rnd(NVOCAB)], vocab[rnd(NVOCAB)]);
		for (j = 0; j < 40; j++) {
			const char *w = vocab[rnd(NVOCAB)];

			k += (size_t)sprintf(c + k, "%s%s", w,
			    rnd(40) == 0 ? "\r\n" : rnd(60) == 0 ? " \"\"q\"\" " : " ");
		}
		k += (size_t)sprintf(c + k, "\",35693803564%04u,Brand,Model %u,%u\r\n",
		    rnd(10000), rnd(100), rnd(1000));
		if (id % 3 == 0)
			k += (size_t)sprintf(c + k, "%ld,plain title,plain text without quotes "
			    "of a few words,,Brand,M,1\r\n", ++id);
	}
	*len = k;
	return c;
}

static void
bench_csv(const char *dir, size_t mb)
{
	struct csv_reader r;
	struct csv_record rec;
	struct error e;
	char path[512];
	size_t len, fields = 0;
	char *c = make_csv(mb << 20, &len);
	double t0, t1;
	long recs = 0;
	int fd;

	t0 = now();
	csv_reader_init_mem(&r, 1 << 20, c, len);
	while (csv_reader_next(&r, &rec, &e) != CSV_END) {
		recs++;
		fields += rec.nfields;
	}
	csv_reader_release(&r);
	t1 = now();
	printf("csv from memory, %.0f MB: %.0f MB/s (%ld records, %zu fields)\n",
	    len / 1e6, len / 1e6 / (t1 - t0), recs, fields);
	snprintf(path, sizeof path, "%s/bench.csv", dir);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd >= 0 && write(fd, c, len) == (ssize_t)len) {
		close(fd);
		fd = open(path, O_RDONLY);
		t0 = now();
		csv_reader_init(&r, 1 << 20, fd_window_read, &fd);
		recs = 0;
		while (csv_reader_next(&r, &rec, &e) != CSV_END)
			recs++;
		csv_reader_release(&r);
		t1 = now();
		printf("csv from a file (read(2), page cache): %.0f MB/s (%ld records)\n",
		    len / 1e6 / (t1 - t0), recs);
	}
	if (fd >= 0)
		close(fd);
	free(c);
}

static void
bench_jsonl(size_t mb)
{
	struct jsonl_reader r;
	struct jsonl_record rec;
	struct error e;
	size_t n = mb << 20, k = 0;
	char *c = malloc(n + 4096);
	double t0, t1;
	long recs = 0;
	int j;

	while (k < n) {
		k += (size_t)sprintf(c + k, "{\"id\":%ld,\"title\":\"%s \\u00e9 %s\","
		    "\"description\":\"", recs++, vocab[rnd(NVOCAB)], vocab[rnd(NVOCAB)]);
		for (j = 0; j < 40; j++)
			k += (size_t)sprintf(c + k, "%s%s", vocab[rnd(NVOCAB)],
			    rnd(30) == 0 ? "\\n" : " ");
		k += (size_t)sprintf(c + k, "\",\"price\":%u.5,\"tags\":[\"a\",{\"b\":null}],"
		    "\"imei\":\"35693803564%04u\"}\n", rnd(1000), rnd(10000));
	}
	recs = 0;
	t0 = now();
	jsonl_reader_init_mem(&r, 1 << 20, c, k);
	while (jsonl_reader_next(&r, &rec, &e) != JSONL_END)
		recs++;
	jsonl_reader_release(&r);
	t1 = now();
	printf("jsonl from memory, %.0f MB: %.0f MB/s (%ld records)\n",
	    k / 1e6, k / 1e6 / (t1 - t0), recs);
	free(c);
}

int
main(int argc, char **argv)
{
	size_t mb = argc > 1 ? (size_t)atoi(argv[1]) : 200;
	const char *dir = argc > 2 ? argv[2] : "/tmp";

	make_vocab();
	bench_matcher(mb << 20, dir);
	bench_matcher_cyrillic(mb << 19);
	bench_csv(dir, mb);
	bench_jsonl(mb);
	return 0;
}
