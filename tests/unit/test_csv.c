/* SPDX-License-Identifier: MIT */
/* test_csv: the RFC 4180 reader: the RFC's examples, line ends, quoting,
 * every malformed case and its recovery, bounded memory, chunked input,
 * and the golden files in tests/unit/data/csv. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/csv.h"
#include "harness.h"
#include "golden.h"

/* Reads all of s into a dump like the goldens: one line per record. */
static void
dump_reader(struct csv_reader *r, struct buf *out)
{
	struct csv_record rec;
	struct error e;
	size_t i;
	int rc;

	while ((rc = csv_reader_next(r, &rec, &e)) != CSV_END) {
		if (rc == CSV_FAIL) {
			buf_printf(out, "FAIL %s\n", e.msg);
			break;
		}
		buf_printf(out, "%ld+%ld", rec.line, rec.nlines);
		if (rc == CSV_MALFORMED) {
			buf_printf(out, " malformed (line %ld): %s\n", e.line, e.msg);
			continue;
		}
		buf_printf(out, " %zu:", rec.nfields);
		for (i = 0; i < rec.nfields; i++) {
			buf_puts(out, " [");
			g_bytes(out, rec.fields[i].p, rec.fields[i].len);
			buf_putc(out, ']');
		}
		buf_putc(out, '\n');
	}
}

static void
dump_src(struct g_src *src, struct buf *out)
{
	struct csv_reader r;

	csv_reader_init(&r, 1 << 16, g_read, src);
	dump_reader(&r, out);
	csv_reader_release(&r);
}

/* The dump of the string s read from memory with the given limit. */
static char *
parse(const char *s, size_t max)
{
	struct csv_reader r;
	struct buf b;
	char *res;

	buf_init_mem(&b);
	csv_reader_init_mem(&r, max, s, strlen(s));
	dump_reader(&r, &b);
	csv_reader_release(&r);
	res = strdup(buf_str(&b));
	buf_release(&b);
	return res;
}

#define CHECK_CSV(in, want) do { \
	char *got_ = parse((in), 4096); \
	CHECK_STR(got_, (want)); \
	free(got_); \
} while (0)

/* RFC 4180 section 2, rules 1-7. */
static void
test_rfc4180_examples(void)
{
	CHECK_CSV("aaa,bbb,ccc\r\nzzz,yyy,xxx\r\n",
	    "1+1 3: [aaa] [bbb] [ccc]\n2+1 3: [zzz] [yyy] [xxx]\n");
	CHECK_CSV("aaa,bbb,ccc\r\nzzz,yyy,xxx",
	    "1+1 3: [aaa] [bbb] [ccc]\n2+1 3: [zzz] [yyy] [xxx]\n");
	CHECK_CSV("field_name,field_name,field_name\r\naaa,bbb,ccc\r\n",
	    "1+1 3: [field_name] [field_name] [field_name]\n"
	    "2+1 3: [aaa] [bbb] [ccc]\n");
	CHECK_CSV("\"aaa\",\"bbb\",\"ccc\"\r\nzzz,yyy,xxx",
	    "1+1 3: [aaa] [bbb] [ccc]\n2+1 3: [zzz] [yyy] [xxx]\n");
	CHECK_CSV("\"aaa\",\"b\r\nbb\",\"ccc\"\r\nzzz,yyy,xxx",
	    "1+2 3: [aaa] [b\\r\\nbb] [ccc]\n3+1 3: [zzz] [yyy] [xxx]\n");
	CHECK_CSV("\"aaa\",\"b\"\"bb\",\"ccc\"",
	    "1+1 3: [aaa] [b\"bb] [ccc]\n");
}

static void
test_fields(void)
{
	CHECK_CSV("a,,c\n,\n", "1+1 3: [a] [] [c]\n2+1 2: [] []\n");
	CHECK_CSV("a,b,\n", "1+1 3: [a] [b] []\n");
	CHECK_CSV("a,b,", "1+1 3: [a] [b] []\n");
	CHECK_CSV("\"\",\"\"\"\"\n", "1+1 2: [] [\"]\n");
	CHECK_CSV("\"x,y\",\"1\n2\n3\",z\n",
	    "1+3 3: [x,y] [1\\n2\\n3] [z]\n");
	CHECK_CSV("\n\nx\n", "1+1 1: []\n2+1 1: []\n3+1 1: [x]\n");
	CHECK_CSV("a\rb,c\r\n", "1+1 2: [a\\rb] [c]\n");
	CHECK_CSV("\"q\"\r\n\"r\"", "1+1 1: [q]\n2+1 1: [r]\n");
	CHECK_CSV("", "");
	CHECK_CSV("x", "1+1 1: [x]\n");
	CHECK_CSV("\xEF\xBB\xBFid,title\n", "1+1 2: [id] [title]\n");
	/* a BOM later on is data */
	CHECK_CSV("a\n\xEF\xBB\xBF" "b\n", "1+1 1: [a]\n2+1 1: [\xEF\xBB\xBF" "b]\n");
	CHECK_CSV("na\xc3\xafve,\xd1\x80\xd0\xb0\n",
	    "1+1 2: [na\xc3\xafve] [\xd1\x80\xd0\xb0]\n");
}

/* The same as parse, with another delimiter. */
static char *
parse_delim(const char *s, char delim)
{
	struct csv_reader r;
	struct buf b;
	char *res;

	buf_init_mem(&b);
	csv_reader_init_mem(&r, 4096, s, strlen(s));
	csv_reader_set_delimiter(&r, delim);
	dump_reader(&r, &b);
	csv_reader_release(&r);
	res = strdup(buf_str(&b));
	buf_release(&b);
	return res;
}

/* ';' (Excel where ',' is the decimal comma) and TAB (TSV, Excel's
 * Unicode Text): the same rules, the comma is then data. */
static void
test_delimiters(void)
{
	char *got;

	got = parse_delim("a;\"b;c\";1,5\r\nx;;\n", ';');
	CHECK_STR(got, "1+1 3: [a] [b;c] [1,5]\n2+1 3: [x] [] []\n");
	free(got);
	/* the long fast path and the quoted slow path on one record */
	got = parse_delim("id\ttitle\tdescription, with commas\n7\t\"q\"\"\t\"\tz\n", '\t');
	CHECK_STR(got, "1+1 3: [id] [title] [description, with commas]\n"
	    "2+1 3: [7] [q\"\\x09] [z]\n");
	free(got);
	CHECK_INT(csv_sniff_delimiter("id,title,price\n", 15), ',');
	CHECK_INT(csv_sniff_delimiter("id;title;price", 14), ';');
	CHECK_INT(csv_sniff_delimiter("id\ttitle,x\tprice\n", 19), '\t');
	/* separators inside quotes do not count; a tie or none: ',' */
	CHECK_INT(csv_sniff_delimiter("\"a;b;c;d\",e,f\n", 14), ',');
	CHECK_INT(csv_sniff_delimiter("a;b,c\n", 6), ',');
	CHECK_INT(csv_sniff_delimiter("title\n", 6), ',');
	/* only the first line counts */
	CHECK_INT(csv_sniff_delimiter("a;b\nc,d,e,f\n", 12), ';');
}

static void
test_malformed(void)
{
	CHECK_CSV("a,b\"c,d\nok,1\n",
	    "1+1 malformed (line 1): quote inside an unquoted field (field 2, line 1)\n"
	    "2+1 2: [ok] [1]\n");
	CHECK_CSV("\"a\"x,b\nok\n",
	    "1+1 malformed (line 1): text after the closing quote of field 1 (line 1)\n"
	    "2+1 1: [ok]\n");
	CHECK_CSV("\"a\"\rx\nok\n",
	    "1+1 malformed (line 1): text after the closing quote of field 1 (line 1)\n"
	    "2+1 1: [ok]\n");
	/* the error on the second line of a quoted record: resume after it */
	CHECK_CSV("1,\"two\nlines\"!,3\n4\n",
	    "1+2 malformed (line 1): text after the closing quote of field 2 (line 2)\n"
	    "3+1 1: [4]\n");
	CHECK_CSV("a,b\n\"open,\nnever closed\n",
	    "1+1 2: [a] [b]\n"
	    "2+2 malformed (line 2): file ends inside a quoted field that starts on line 2\n");
	CHECK_CSV("x,\"cut",
	    "1+1 malformed (line 1): file ends inside a quoted field that starts on line 1\n");
	CHECK_CSV("ok\n", "1+1 1: [ok]\n");
}

static void
test_nul_bytes(void)
{
	static const char in[] = "a\0b,c\n\"q\0\",d\nok\n\"x\ny\0z\nw\n";
	struct csv_reader r;
	struct buf b;

	buf_init_mem(&b);
	csv_reader_init_mem(&r, 4096, in, sizeof in - 1);
	dump_reader(&r, &b);
	csv_reader_release(&r);
	CHECK_STR(buf_str(&b),
	    "1+1 malformed (line 1): NUL byte on line 1: binary data is not CSV\n"
	    "2+1 malformed (line 2): NUL byte on line 2: binary data is not CSV\n"
	    "3+1 1: [ok]\n"
	    "4+2 malformed (line 4): NUL byte on line 5: binary data is not CSV\n"
	    "6+1 1: [w]\n");
	buf_release(&b);
}

static void
test_too_many_fields(void)
{
	struct csv_reader r;
	struct buf b;
	static const char in[] = "a,b,c\na,b,c,d\n\"a\",b,c,\"d\"\nx\n";

	buf_init_mem(&b);
	csv_reader_init_mem(&r, 4096, in, sizeof in - 1);
	r.max_fields = 3;
	dump_reader(&r, &b);
	csv_reader_release(&r);
	CHECK_STR(buf_str(&b),
	    "1+1 3: [a] [b] [c]\n"
	    "2+1 malformed (line 2): record has more than 3 fields\n"
	    "3+1 malformed (line 3): record has more than 3 fields\n"
	    "4+1 1: [x]\n");
	buf_release(&b);
}

/* A record of 10 MB with a limit of 4 KiB: reported, skipped to its real
 * end (past quoted newlines), memory stays near the limit. */
static void
test_long_record_bounded(void)
{
	size_t big = 10u << 20, n = 0, i;
	char *in = malloc(big + 200);
	struct csv_reader r;
	struct buf b;

	if (!in) {
		CHECK(!"out of memory");
		return;
	}
	n += (size_t)sprintf(in + n, "h1,h2\n\"");
	for (i = 0; i < big; i++)
		in[n++] = (i % 100 == 99) ? '\n' : 'x';
	n += (size_t)sprintf(in + n, "\",tail\nafter,1\n");
	buf_init_mem(&b);
	csv_reader_init_mem(&r, 4096, in, n);
	dump_reader(&r, &b);
	CHECK(r.w.cap <= 4096 + WINDOW_CHUNK);
	CHECK(r.slotcap <= 64);
	csv_reader_release(&r);
	CHECK_STR(buf_str(&b),
	    "1+1 2: [h1] [h2]\n"
	    "2+104858 malformed (line 2): record is longer than 4096 bytes\n"
	    "104860+1 2: [after] [1]\n");
	buf_release(&b);
	free(in);
}

/* A record just under and just over the limit. */
static void
test_limit_edges(void)
{
	char *got;

	got = parse("abcdefg\nabcdefgh\nabcdefghi\nx\n", 9);
	CHECK_STR(got, "1+1 1: [abcdefg]\n2+1 1: [abcdefgh]\n"
	    "3+1 malformed (line 3): record is longer than 9 bytes\n4+1 1: [x]\n");
	free(got);
	got = parse("\"abcdefgh\"\nx\n", 9);
	CHECK_STR(got, "1+1 malformed (line 1): record is longer than 9 bytes\n"
	    "2+1 1: [x]\n");
	free(got);
}

static ssize_t
read_fails(void *ctx, char *b, size_t n)
{
	int *calls = ctx;

	if ((*calls)++ == 0) {
		memcpy(b, "a,b\nc,", n < 6 ? n : 6);
		return n < 6 ? (ssize_t)n : 6;
	}
	errno = EIO;
	return -1;
}

static void
test_read_error(void)
{
	struct csv_reader r;
	struct csv_record rec;
	struct error e;
	int calls = 0;

	csv_reader_init(&r, 1024, read_fails, &calls);
	CHECK_INT(csv_reader_next(&r, &rec, &e), CSV_RECORD);
	CHECK_INT(csv_reader_next(&r, &rec, &e), CSV_FAIL);
	CHECK(strstr(e.msg, "cannot read the input") != NULL);
	csv_reader_release(&r);
}

/* The Osmocom TAC database shape: a licence line, a header, CRLF, quoted
 * fields with commas; read with csv_parse_buffer. */
struct collect {
	struct buf b;
	int stop_after;
};

static int
collect(void *ctx, const struct csv_record *rec, const struct error *bad)
{
	struct collect *c = ctx;
	size_t i;

	if (bad) {
		buf_printf(&c->b, "%ld bad: %s\n", rec->line, bad->msg);
	} else {
		buf_printf(&c->b, "%ld:", rec->line);
		for (i = 0; i < rec->nfields; i++) {
			buf_puts(&c->b, " [");
			g_bytes(&c->b, rec->fields[i].p, rec->fields[i].len);
			buf_putc(&c->b, ']');
		}
		buf_putc(&c->b, '\n');
	}
	return --c->stop_after == 0 ? 7 : 0;
}

static void
test_parse_buffer_tacdb(void)
{
	static const char db[] =
	    "This work is licensed under a Creative Commons licence; see the site.\r\n"
	    "tac,name1,name2,contributor,comment,gsmarena1,gsmarena2,aka\r\n"
	    "35332510,Apple,\"iPhone 11, A2221\",someone,,,,\r\n"
	    "01234567,\"Nokia\",\"3310 \"\"classic\"\"\",,\"note, with comma\",,,\r\n";
	struct collect c;
	struct error e;

	buf_init_mem(&c.b);
	c.stop_after = -1;
	CHECK_INT(csv_parse_buffer(db, sizeof db - 1, 1 << 20, collect, &c, &e), 0);
	CHECK_STR(buf_str(&c.b),
	    "1: [This work is licensed under a Creative Commons licence; see the site.]\n"
	    "2: [tac] [name1] [name2] [contributor] [comment] [gsmarena1] [gsmarena2] [aka]\n"
	    "3: [35332510] [Apple] [iPhone 11, A2221] [someone] [] [] [] []\n"
	    "4: [01234567] [Nokia] [3310 \"classic\"] [] [note, with comma] [] [] []\n");
	buf_release(&c.b);
	/* the callback stops the walk */
	buf_init_mem(&c.b);
	c.stop_after = 2;
	CHECK_INT(csv_parse_buffer(db, sizeof db - 1, 1 << 20, collect, &c, &e), 7);
	buf_release(&c.b);
}

static void
test_golden_files(void)
{
	CHECK(g_run("tests/unit/data/csv", ".csv", dump_src) >= 5);
}

/* Random input over the bytes that matter (quotes, commas, CR, LF, NUL,
 * long runs that the 16-byte scans cross) read whole and in chunks of
 * 1, 3, 7 and 64 bytes: every way must give the same dump. */
static void
test_random_chunks(void)
{
	static const char *const atoms[] = {
		"a", "bc", ",", "\"", "\"\"", "\n", "\r\n", "\r", "x\0y",
		"0123456789abcdef0123", ",\"quoted, with\nnewline\",", " ", "\xc3\xa9",
	};
	static const size_t steps[] = { 1, 3, 7, 64 };
	uint64_t x = 4242;
	int i, bad = 0;
	size_t k;

	for (i = 0; i < 3000 && !bad; i++) {
		char in[512];
		size_t n = 0, len, j;
		struct buf whole;
		struct csv_reader r;

		x = x * UINT64_C(6364136223846793005) + UINT64_C(1442695040888963407);
		len = (size_t)(x >> 33) % 60;
		for (j = 0; j < len; j++) {
			const char *a;
			size_t al;

			x = x * UINT64_C(6364136223846793005) + UINT64_C(1442695040888963407);
			a = atoms[(x >> 33) % (sizeof atoms / sizeof atoms[0])];
			al = a[0] == 'x' ? 3 : strlen(a);
			if (n + al > sizeof in)
				break;
			memcpy(in + n, a, al);
			n += al;
		}
		buf_init_mem(&whole);
		csv_reader_init_mem(&r, 1 << 16, in, n);
		dump_reader(&r, &whole);
		csv_reader_release(&r);
		for (k = 0; k < sizeof steps / sizeof steps[0] && !bad; k++) {
			struct g_src src = { in, n, 0, steps[k] };
			struct buf part;

			buf_init_mem(&part);
			dump_src(&src, &part);
			if (strcmp(buf_str(&part), buf_str(&whole)) != 0) {
				printf("  input %d, chunks of %zu:\n%s  whole:\n%s", i,
				    steps[k], buf_str(&part), buf_str(&whole));
				bad = 1;
			}
			buf_release(&part);
		}
		buf_release(&whole);
	}
	CHECK(!bad);
}

int
main(void)
{
	RUN(test_rfc4180_examples);
	RUN(test_fields);
	RUN(test_delimiters);
	RUN(test_malformed);
	RUN(test_nul_bytes);
	RUN(test_too_many_fields);
	RUN(test_long_record_bounded);
	RUN(test_limit_edges);
	RUN(test_read_error);
	RUN(test_parse_buffer_tacdb);
	RUN(test_golden_files);
	RUN(test_random_chunks);
	return h_done();
}
