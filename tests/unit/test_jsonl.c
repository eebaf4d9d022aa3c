/* SPDX-License-Identifier: MIT */
/* test_jsonl: the JSON Lines reader: escapes and surrogates (RFC 8259
 * section 7), the grammar's edges, nesting, malformed lines and recovery,
 * bounded memory, chunked input, and the goldens in tests/unit/data/jsonl. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "lib/jsonl.h"
#include "harness.h"
#include "golden.h"

static const char *const type_names[] = {
	"str", "num", "true", "false", "null", "obj", "arr"
};

static void
dump_reader(struct jsonl_reader *r, struct buf *out)
{
	struct jsonl_record rec;
	struct error e;
	size_t i;
	int rc;

	while ((rc = jsonl_reader_next(r, &rec, &e)) != JSONL_END) {
		if (rc == JSONL_FAIL) {
			buf_printf(out, "FAIL %s\n", e.msg);
			break;
		}
		if (rc == JSONL_MALFORMED) {
			buf_printf(out, "%ld malformed (%ld:%ld): %s\n", rec.line,
			    e.line, e.column, e.msg);
			continue;
		}
		buf_printf(out, "%ld %zu:", rec.line, rec.nmembers);
		for (i = 0; i < rec.nmembers; i++) {
			const struct jsonl_member *m = &rec.members[i];

			buf_puts(out, " ");
			g_bytes(out, m->key, m->keylen);
			buf_printf(out, "=%s[", type_names[m->type]);
			g_bytes(out, m->val, m->vallen);
			buf_putc(out, ']');
		}
		buf_putc(out, '\n');
	}
}

static void
dump_src(struct g_src *src, struct buf *out)
{
	struct jsonl_reader r;

	jsonl_reader_init(&r, 1 << 16, g_read, src);
	dump_reader(&r, out);
	jsonl_reader_release(&r);
}

static char *
parse_n(const char *s, size_t n, size_t max)
{
	struct jsonl_reader r;
	struct buf b;
	char *res;

	buf_init_mem(&b);
	jsonl_reader_init_mem(&r, max, s, n);
	dump_reader(&r, &b);
	jsonl_reader_release(&r);
	res = strdup(buf_str(&b));
	buf_release(&b);
	return res;
}

#define CHECK_JL(in, want) do { \
	char *got_ = parse_n((in), strlen(in), 4096); \
	CHECK_STR(got_, (want)); \
	free(got_); \
} while (0)

static void
test_escapes(void)
{
	CHECK_JL("{\"a\":\"q\\\"b\\\\s\\/f\\bb\\ff\\nn\\rr\\tt\"}\n",
	    "1 1: a=str[q\"b\\\\s/f\\x08b\\x0Cf\\nn\\rr\\x09t]\n");
	CHECK_JL("{\"e\":\"caf\\u00e9 \\u0418 \\u0915\\u093F\"}",
	    "1 1: e=str[caf\xc3\xa9 \xd0\x98 \xe0\xa4\x95\xe0\xa4\xbf]\n");
	/* RFC 8259 section 7: G clef as a surrogate pair */
	CHECK_JL("{\"g\":\"\\uD834\\uDD1E\",\"s\":\"\\ud83d\\ude00\"}",
	    "1 2: g=str[\xf0\x9d\x84\x9e] s=str[\xf0\x9f\x98\x80]\n");
	/* lone surrogates become U+FFFD; what follows them is kept */
	CHECK_JL("{\"h\":\"\\ud83dx\",\"l\":\"\\ude00\",\"hh\":\"\\ud800\\ud800\"}",
	    "1 3: h=str[\xef\xbf\xbdx] l=str[\xef\xbf\xbd] "
	    "hh=str[\xef\xbf\xbd\xef\xbf\xbd]\n");
	CHECK_JL("{\"z\":\"a\\u0000b\"}", "1 1: z=str[a\\x00b]\n");
	CHECK_JL("{\"k\\u0065y\":\"\xe2\x82\xac\"}", "1 1: key=str[\xe2\x82\xac]\n");
	CHECK_JL("{\"x\":\"\\u12\"}",
	    "1 malformed (1:9): \\u needs four hex digits\n");
	CHECK_JL("{\"x\":\"\\a\"}", "1 malformed (1:8): unknown escape in a string\n");
	CHECK_JL("{\"x\":\"a\tb\"}",
	    "1 malformed (1:8): control character in a string: escape it\n");
	CHECK_JL("{\"x\":\"\xc3\x28\"}", "1 malformed (1:7): invalid UTF-8 in a string\n");
	CHECK_JL("{\"x\":\"\xed\xa0\x80\"}", "1 malformed (1:7): invalid UTF-8 in a string\n");
	CHECK_JL("{\"x\":\"open}", "1 malformed (1:12): line ends inside a string\n");
}

static void
test_values(void)
{
	CHECK_JL("{\"n\":-0.5e+10,\"i\":0,\"t\":true,\"f\":false,\"z\":null}",
	    "1 5: n=num[-0.5e+10] i=num[0] t=true[true] f=false[false] z=null[null]\n");
	CHECK_JL("{ \"a\" : [1, {\"b\": [\"\\u00e9\"]}] , \"o\":{} ,\"e\":[]}",
	    "1 3: a=arr[[1, {\"b\": [\"\\\\u00e9\"]}]] o=obj[{}] e=arr[[]]\n");
	CHECK_JL("{}", "1 0:\n");
	CHECK_JL("{\"a\":1,\"a\":2}", "1 2: a=num[1] a=num[2]\n");
	CHECK_JL("{\"a\":01}", "1 malformed (1:7): expected ',' or '}'\n");
	CHECK_JL("{\"a\":1.}", "1 malformed (1:8): a number needs a digit here\n");
	CHECK_JL("{\"a\":.5}", "1 malformed (1:6): unexpected character: not a JSON value\n");
	CHECK_JL("{\"a\":+1}", "1 malformed (1:6): unexpected character: not a JSON value\n");
	CHECK_JL("{\"a\":1e}", "1 malformed (1:8): a number needs a digit here\n");
	CHECK_JL("{\"a\":tru}", "1 malformed (1:6): unexpected text: not a JSON value\n");
	CHECK_JL("{\"a\":NaN}", "1 malformed (1:6): unexpected character: not a JSON value\n");
}

static void
test_grammar_errors(void)
{
	CHECK_JL("{\"a\":1,}", "1 malformed (1:8): expected a key in quotes\n");
	CHECK_JL("{'a':1}", "1 malformed (1:2): expected a key in quotes\n");
	CHECK_JL("{\"a\" 1}", "1 malformed (1:6): expected ':' after the key\n");
	CHECK_JL("{\"a\":[1,]}", "1 malformed (1:9): unexpected character: not a JSON value\n");
	CHECK_JL("{\"a\":[1 2]}", "1 malformed (1:9): expected ',' or ']'\n");
	CHECK_JL("{\"a\":{\"b\"}}", "1 malformed (1:10): expected ':' after the key\n");
	CHECK_JL("[1,2]", "1 malformed (1:1): a line must hold one JSON object\n");
	CHECK_JL("\"s\"", "1 malformed (1:1): a line must hold one JSON object\n");
	CHECK_JL("{\"a\":1} {\"b\":2}", "1 malformed (1:9): text after the object\n");
	CHECK_JL("{\"a\":1", "1 malformed (1:7): expected ',' or '}'\n");
	CHECK_JL("{\"a\":", "1 malformed (1:6): line ends where a value should be\n");
	CHECK_JL("// c\n", "1 malformed (1:1): a line must hold one JSON object\n");
}

static void
test_lines_and_recovery(void)
{
	CHECK_JL("\xEF\xBB\xBF{\"a\":1}\r\n\r\n  \t\n{\"b\":\"x\"}\r\nnot json\n{bad\n{\"c\":3}",
	    "1 1: a=num[1]\n"
	    "4 1: b=str[x]\n"
	    "5 malformed (5:1): a line must hold one JSON object\n"
	    "6 malformed (6:2): expected a key in quotes\n"
	    "7 1: c=num[3]\n");
	CHECK_JL("", "");
	CHECK_JL("\n\n", "");
}

static void
test_depth_limit(void)
{
	char in[400];
	char *got;
	size_t n = 0;
	int i;

	/* 63 arrays inside the object: 64 levels, accepted */
	n += (size_t)sprintf(in, "{\"a\":");
	for (i = 0; i < 63; i++)
		in[n++] = '[';
	for (i = 0; i < 63; i++)
		in[n++] = ']';
	n += (size_t)sprintf(in + n, "}\n{\"a\":");
	for (i = 0; i < 64; i++)
		in[n++] = '[';
	for (i = 0; i < 64; i++)
		in[n++] = ']';
	n += (size_t)sprintf(in + n, "}\n{\"ok\":1}\n");
	got = parse_n(in, n, 4096);
	CHECK(strncmp(got, "1 1: a=arr[[[[", 14) == 0);
	CHECK(strstr(got, "\n2 malformed (2:69): nested deeper than 64 levels\n"
	    "3 1: ok=num[1]\n") != NULL);
	free(got);
}

static void
test_limits(void)
{
	size_t big = 5u << 20, n = 0, i;
	char *in = malloc(big + 100), *got;
	struct jsonl_reader r;
	struct buf b;

	if (!in) {
		CHECK(!"out of memory");
		return;
	}
	n += (size_t)sprintf(in, "{\"a\":\"");
	for (i = 0; i < big; i++)
		in[n++] = 'x';
	n += (size_t)sprintf(in + n, "\"}\n{\"b\":2}\n");
	buf_init_mem(&b);
	jsonl_reader_init_mem(&r, 1000, in, n);
	dump_reader(&r, &b);
	CHECK(r.w.cap <= 1000 + WINDOW_CHUNK);
	jsonl_reader_release(&r);
	CHECK_STR(buf_str(&b), "1 malformed (1:0): line is longer than 1000 bytes\n"
	    "2 1: b=num[2]\n");
	buf_release(&b);
	free(in);
	/* too many members */
	buf_init_mem(&b);
	jsonl_reader_init_mem(&r, 1000, "{\"a\":1,\"b\":2,\"c\":3}\n{\"a\":1}", 27);
	r.max_members = 2;
	dump_reader(&r, &b);
	jsonl_reader_release(&r);
	CHECK_STR(buf_str(&b), "1 malformed (1:19): object has more than 2 members\n"
	    "2 1: a=num[1]\n");
	buf_release(&b);
	/* a line exactly at the limit, then one past it */
	got = parse_n("{\"a\":12}\n{\"a\":123}\n", 19, 8);
	CHECK_STR(got, "1 1: a=num[12]\n2 malformed (2:0): line is longer than 8 bytes\n");
	free(got);
}

static void
test_binary(void)
{
	static const char in[] = "{\"a\":1}\n\x7f" "ELF\x02\x01\0\0\xff\n{\"b\":\"\0\"}\n{\"c\":3}\n";
	char *got = parse_n(in, sizeof in - 1, 4096);

	CHECK_STR(got, "1 1: a=num[1]\n"
	    "2 malformed (2:1): a line must hold one JSON object\n"
	    "3 malformed (3:7): control character in a string: escape it\n"
	    "4 1: c=num[3]\n");
	free(got);
}

static ssize_t
read_fails(void *ctx, char *b, size_t n)
{
	int *calls = ctx;

	if ((*calls)++ == 0 && n >= 9) {
		memcpy(b, "{\"a\":1}\n{", 9);
		return 9;
	}
	errno = EIO;
	return -1;
}

static void
test_read_error(void)
{
	struct jsonl_reader r;
	struct jsonl_record rec;
	struct error e;
	int calls = 0;

	jsonl_reader_init(&r, 1024, read_fails, &calls);
	CHECK_INT(jsonl_reader_next(&r, &rec, &e), JSONL_RECORD);
	CHECK_INT(jsonl_reader_next(&r, &rec, &e), JSONL_FAIL);
	CHECK(strstr(e.msg, "cannot read the input") != NULL);
	jsonl_reader_release(&r);
}

/* The dump of s read with flatten and stream as given, from memory and
 * in chunks of 1 and 5 bytes (which must agree). */
static char *
parse_mode(const char *s, int flatten, int stream, size_t max)
{
	static const size_t steps[] = { 1, 5 };
	struct jsonl_reader r;
	struct buf b, c;
	char *res;
	size_t k;

	buf_init_mem(&b);
	jsonl_reader_init_mem(&r, max, s, strlen(s));
	r.flatten = flatten;
	r.stream = stream;
	dump_reader(&r, &b);
	jsonl_reader_release(&r);
	for (k = 0; k < 2; k++) {
		struct g_src src = { s, strlen(s), 0, steps[k] };

		buf_init_mem(&c);
		jsonl_reader_init(&r, max, g_read, &src);
		r.flatten = flatten;
		r.stream = stream;
		dump_reader(&r, &c);
		jsonl_reader_release(&r);
		CHECK_STR(buf_str(&c), buf_str(&b));
		buf_release(&c);
	}
	res = strdup(buf_str(&b));
	buf_release(&b);
	return res;
}

#define CHECK_MODE(in, fl, st, want) do { \
	char *got_ = parse_mode((in), (fl), (st), 4096); \
	CHECK_STR(got_, (want)); \
	free(got_); \
} while (0)

/* API exports nest: each leaf with its path, strings unescaped. */
static void
test_flatten(void)
{
	CHECK_MODE("{\"id\":\"a1\",\"seller\":{\"id\":7,\"name\":\"B\\u00fcdi\"},"
	    "\"attributes\":{\"imei\":\"353325471234561\"},\"tags\":[\"x\",null,[]],"
	    "\"empty\":{}}\n", 1, 0,
	    "1 6: id=str[a1] seller.id=num[7] seller.name=str[B\xc3\xbc" "di] "
	    "attributes.imei=str[353325471234561] tags[0]=str[x] tags[1]=null[null]\n");
	CHECK_MODE("{\"a\":[{\"b\":{\"c\":\"d\"}},{\"b\":1}]}\n", 1, 0,
	    "1 2: a[0].b.c=str[d] a[1].b=num[1]\n");
	/* without flatten, nested values stay raw JSON */
	CHECK_MODE("{\"s\":{\"id\":7}}\n", 0, 0, "1 1: s=obj[{\"id\":7}]\n");
	/* errors inside a nested value are still errors */
	CHECK_MODE("{\"s\":{\"id\":7,}}\n{\"ok\":1}\n", 1, 0,
	    "1 malformed (1:14): expected a key in quotes\n2 1: ok=num[1]\n");
}

/* A JSON array, pretty-printed objects, and what goes wrong in them. */
static void
test_stream(void)
{
	CHECK_MODE("\xEF\xBB\xBF[\n  {\"id\": 1,\n   \"t\": \"a}b\"},\n  {\"id\": 2}\n]\n", 0, 1,
	    "2 2: id=num[1] t=str[a}b]\n4 1: id=num[2]\n");
	CHECK_MODE("{\n \"id\": 1\n}\n{\n \"seller\": {\"id\": \"s\"}\n}", 1, 1,
	    "1 1: id=num[1]\n4 1: seller.id=str[s]\n");
	/* something else than an object: skipped to the next one */
	CHECK_MODE("[1, {\"id\": 2}]", 0, 1,
	    "1 malformed (1:0): expected a JSON object, not '1'\n1 1: id=num[2]\n");
	CHECK_MODE("[{\"id\": 1}, {\"id\": 2", 0, 1,
	    "1 1: id=num[1]\n1 malformed (1:0): the input ends inside an object\n");
	CHECK_MODE("[]", 0, 1, "");
	CHECK_MODE("", 0, 1, "");
	CHECK_MODE("{\"a\": 1 2}", 0, 1, "1 malformed (1:9): expected ',' or '}'\n");
}

static void
test_stream_too_long(void)
{
	char *got = parse_mode("{\"data\": [{\"id\": 1}, {\"id\": 2}, {\"id\": 3}]}", 0, 1, 16);

	CHECK(strstr(got, "1 malformed (1:0): an object longer than 16 bytes") == got);
	CHECK(strstr(got, "jq -c '.data[]'") != NULL);
	free(got);
}

static void
test_golden_files(void)
{
	CHECK(g_run("tests/unit/data/jsonl", ".jsonl", dump_src) >= 3);
}

int
main(void)
{
	RUN(test_escapes);
	RUN(test_values);
	RUN(test_grammar_errors);
	RUN(test_lines_and_recovery);
	RUN(test_depth_limit);
	RUN(test_limits);
	RUN(test_binary);
	RUN(test_read_error);
	RUN(test_golden_files);
	RUN(test_flatten);
	RUN(test_stream);
	RUN(test_stream_too_long);
	return h_done();
}
