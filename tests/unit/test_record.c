/* SPDX-License-Identifier: MIT */
/* test_record: the record format: building, escaping, parse errors with
 * their line numbers, the seal, limits, attachments, JSON. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "harness.h"
#include "record/record.h"

#define Z64 "0000000000000000000000000000000000000000000000000000000000000000"

/* Serializes r into a fresh string (caller frees). */
static char *
serialize(const struct record *r, size_t *len)
{
	struct buf b;
	char *s;

	buf_init_mem(&b);
	if (record_serialize(r, &b) != 0) {
		buf_release(&b);
		return NULL;
	}
	s = strdup(buf_str(&b));
	*len = b.len;
	buf_release(&b);
	return s;
}

static void
test_build_and_serialize(void)
{
	struct record r;
	const struct record_field *f;
	char *text, hex[SHA256_HEX_SIZE], want_seal[SHA256_HEX_SIZE];
	const char *body = "handover-record 1\n"
	    "id: 2026-11-23-7KQ4MZ\n"
	    "state: open\n"
	    "note: two\\nlines \\\\ tab\\there\n"
	    "empty:\n"
	    "answer: a\n"
	    "answer: b\n";
	size_t len;

	record_init(&r);
	CHECK_INT(record_add(&r, "id", "2026-11-23-7KQ4MZ"), 0);
	CHECK_INT(record_add(&r, "state", "open"), 0);
	CHECK_INT(record_add(&r, "note", "two\nlines \\ tab\there"), 0);
	CHECK_INT(record_add(&r, "empty", ""), 0);
	CHECK_INT(record_add(&r, "answer", "a"), 0);
	CHECK_INT(record_add(&r, "answer", "b"), 0);
	text = serialize(&r, &len);
	CHECK(text != NULL);
	if (text) {
		sha256_hex_of(body, strlen(body), want_seal);
		CHECK(strncmp(text, body, strlen(body)) == 0);
		CHECK(strncmp(text + strlen(body), "sha256: ", 8) == 0);
		CHECK(strncmp(text + strlen(body) + 8, want_seal, 64) == 0);
		CHECK_INT(len, strlen(body) + 8 + 64 + 1);
		CHECK(text[len - 1] == '\n');
		CHECK_INT(record_check_seal(text, len, hex), RECORD_INTACT);
		CHECK_STR(hex, want_seal);
	}
	free(text);
	CHECK_STR(record_get(&r, "state"), "open");
	CHECK(record_get(&r, "nope") == NULL);
	CHECK_INT(record_count(&r, "answer"), 2);
	f = record_find(&r, "answer", NULL);
	CHECK(f && strcmp(f->value, "a") == 0);
	f = f ? record_find(&r, "answer", f) : NULL;
	CHECK(f && strcmp(f->value, "b") == 0);
	CHECK(f && record_find(&r, "answer", f) == NULL);

	CHECK_INT(record_set(&r, "state", "sealed"), 0);
	CHECK_STR(record_get(&r, "state"), "sealed");
	CHECK_STR(r.fields[1].key, "state");
	CHECK_INT(record_set(&r, "verdict", "go"), 0);
	CHECK_STR(r.fields[r.nfields - 1].key, "verdict");
	CHECK_INT(record_set(&r, "answer", "c"), 0);
	CHECK_STR(record_get(&r, "answer"), "c");
	CHECK_INT(record_count(&r, "answer"), 2);
	CHECK_INT(record_remove(&r, "answer"), 2);
	CHECK_INT(record_count(&r, "answer"), 0);
	CHECK_INT(r.nfields, 5);
	record_release(&r);
	CHECK_INT(r.nfields, 0);
	record_release(&r);	/* twice is harmless */
}

static void
test_bad_keys(void)
{
	struct record r;
	char longkey[RECORD_MAX_KEY + 2];

	record_init(&r);
	errno = 0;
	CHECK_INT(record_add(&r, "Upper", "x"), -1);
	CHECK_INT(errno, EINVAL);
	CHECK_INT(record_add(&r, "", "x"), -1);
	CHECK_INT(record_add(&r, "a b", "x"), -1);
	CHECK_INT(record_add(&r, "a:b", "x"), -1);
	CHECK_INT(record_add(&r, "sha256", "x"), -1);
	CHECK_INT(record_set(&r, "sha256", "x"), -1);
	memset(longkey, 'k', sizeof longkey - 1);
	longkey[sizeof longkey - 1] = '\0';
	CHECK_INT(record_add(&r, longkey, "x"), -1);
	longkey[RECORD_MAX_KEY] = '\0';
	CHECK_INT(record_add(&r, longkey, "x"), 0);
	CHECK_INT(record_add(&r, "a.b_c-9", "x"), 0);
	CHECK_INT(record_add(&r, "sha256x", "x"), 0);
	CHECK_INT(r.nfields, 3);
	record_release(&r);
}

/* Values that need every kind of escape come back exactly. */
static void
test_escape_round_trip(void)
{
	static const char *values[] = {
		"", "plain", "back\\slash", "\\n literally", "new\nline",
		"\r\n", "\t", "\x01\x1f\x7f", "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x93\xb1",
		"bad \xff \xc3 \xed\xa0\x80 utf8", " leading and trailing ",
		"ends with backslash\\", "key: value inside",
		("sha256: " Z64),
	};
	struct record r, back;
	struct error err;
	char *text;
	size_t i, len;

	record_init(&r);
	for (i = 0; i < sizeof values / sizeof values[0]; i++)
		CHECK_INT(record_add(&r, "v", values[i]), 0);
	text = serialize(&r, &len);
	CHECK(text != NULL);
	if (!text)
		return;
	/* escaped text: one line per field, always valid UTF-8 */
	CHECK(strstr(text, "v: new\\nline\n") != NULL);
	CHECK(strstr(text, "v: \\x01\\x1f\\x7f\n") != NULL);
	CHECK(strstr(text, "v: bad \\xff \\xc3 \\xed\\xa0\\x80 utf8\n") != NULL);
	CHECK(strstr(text, "v: caf\xc3\xa9") != NULL);
	CHECK_INT(record_parse(text, len, &back, &err), 0);
	CHECK_INT(back.nfields, r.nfields);
	for (i = 0; i < r.nfields && i < back.nfields; i++)
		CHECK_STR(back.fields[i].value, r.fields[i].value);
	CHECK(strncmp(back.seal, text + len - 65, 64) == 0);
	free(text);
	record_release(&back);
	record_release(&r);
}

static uint64_t rng_state;

static unsigned
rnd(void)
{
	rng_state = rng_state * UINT64_C(6364136223846793005) + UINT64_C(1442695040888963407);
	return (unsigned)(rng_state >> 33);
}

/* Property: random fields serialize, parse back equal, and reserialize
 * to the same bytes. */
static void
test_random_round_trip(void)
{
	static const char keychars[] = "abcxyz0189._-";
	unsigned long seed = (unsigned long)time(NULL);
	const char *env = getenv("HANDOVER_TEST_SEED");
	int iter;

	if (env)
		seed = strtoul(env, NULL, 10);
	rng_state = seed;
	for (iter = 0; iter < 300; iter++) {
		struct record r, back;
		struct error err;
		char *text, *again;
		size_t nf = rnd() % 12, i, len, len2;

		record_init(&r);
		for (i = 0; i < nf; i++) {
			char key[9], val[64];
			size_t kl = 1 + rnd() % 8, vl = rnd() % 63, j;
			for (j = 0; j < kl; j++)
				key[j] = keychars[rnd() % (sizeof keychars - 1)];
			key[kl] = '\0';
			for (j = 0; j < vl; j++) {
				unsigned c = rnd() % 4 == 0 ? 1 + rnd() % 255 :
				    32 + rnd() % 95;
				val[j] = (char)c;
			}
			val[vl] = '\0';
			if (strcmp(key, "sha256") == 0)
				key[0] = 'x';
			CHECK_INT(record_add(&r, key, val), 0);
		}
		text = serialize(&r, &len);
		CHECK(text != NULL);
		if (!text) {
			record_release(&r);
			continue;
		}
		if (record_parse(text, len, &back, &err) != 0) {
			CHECK(!"random record does not parse");
			printf("  line %ld col %ld: %s\n", err.line, err.column, err.msg);
		} else {
			CHECK_INT(back.nfields, r.nfields);
			for (i = 0; i < r.nfields && i < back.nfields; i++) {
				CHECK_STR(back.fields[i].key, r.fields[i].key);
				CHECK_STR(back.fields[i].value, r.fields[i].value);
			}
			again = serialize(&back, &len2);
			CHECK(again && len2 == len && memcmp(again, text, len) == 0);
			free(again);
			record_release(&back);
		}
		free(text);
		record_release(&r);
	}
	if (h_cur_fail)
		printf("  seed %lu (HANDOVER_TEST_SEED=%lu to repeat)\n", seed, seed);
}

/* Every parse error names its line and column. */
static void
test_parse_errors(void)
{
	static const struct {
		const char *text;
		long line, column;
		const char *msg;	/* a part of the message */
	} cases[] = {
		{ "", 1, 1, "empty file" },
		{ "hello\n", 1, 1, "not a handover record" },
		{ "handover-record 2\nsha256: " Z64 "\n", 1, 17, "unsupported record version '2'" },
		{ "handover-record 1 \nsha256: " Z64 "\n", 1, 17, "unsupported" },
		{ "handover-record 1\r\nsha256: " Z64 "\n", 1, 18, "carriage return" },
		{ "handover-record 1\nid: x\r\nsha256: " Z64 "\n", 2, 6, "carriage return" },
		{ "handover-record 1\nid: x\n", 3, 1, "no seal line" },
		{ "handover-record 1\nid: x", 2, 6, "no newline" },
		{ "handover-record 1\nid x\nsha256: " Z64 "\n", 2, 3, "' ' is not allowed" },
		{ "handover-record 1\nidx\nsha256: " Z64 "\n", 2, 1, "no ':'" },
		{ "handover-record 1\nid:x\nsha256: " Z64 "\n", 2, 4, "space after ':'" },
		{ "handover-record 1\nId: x\nsha256: " Z64 "\n", 2, 1, "'I' is not allowed" },
		{ "handover-record 1\na\xc3\xa9: x\nsha256: " Z64 "\n", 2, 2, "byte 0xc3" },
		{ "handover-record 1\nid : x\nsha256: " Z64 "\n", 2, 3, "space before ':'" },
		{ "handover-record 1\n: x\nsha256: " Z64 "\n", 2, 1, "empty key" },
		{ "handover-record 1\nid: a\\qb\nsha256: " Z64 "\n", 2, 6, "bad escape" },
		{ "handover-record 1\nid: ab\\\nsha256: " Z64 "\n", 2, 7, "bad escape" },
		{ "handover-record 1\nid: \\x0\nsha256: " Z64 "\n", 2, 5, "bad escape" },
		{ "handover-record 1\nid: \\x00\nsha256: " Z64 "\n", 2, 5, "bad escape" },
		{ "handover-record 1\nid: \\xg1\nsha256: " Z64 "\n", 2, 5, "bad escape" },
		{ "handover-record 1\nid: a\tb\nsha256: " Z64 "\n", 2, 6, "control character 0x09" },
		{ "handover-record 1\nid: \xff\nsha256: " Z64 "\n", 2, 5, "invalid UTF-8" },
		{ "handover-record 1\nid: \xc0\xaf\nsha256: " Z64 "\n", 2, 5, "invalid UTF-8" },
		{ "handover-record 1\nid: x\nsha256: " Z64 "\nmore: y\n", 4, 1, "after the seal" },
		{ "handover-record 1\nsha256: " Z64 "\nsha256: " Z64 "\n", 3, 1, "after the seal" },
		{ "handover-record 1\nsha256: " Z64 "0\n", 2, 1, "malformed seal" },
		{ "handover-record 1\nsha256:" Z64 "\n", 2, 1, "malformed seal" },
		{ "handover-record 1\nsha256: 00000000000000000000000000000000000000000000000000000000000000A0\n", 2, 1, "malformed seal" },
		{ "handover-record 1\nid: x\nsha256: " Z64, 3, 73, "no newline" },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct record r;
		struct error err = {0, 0, ""};
		int rc = record_parse(cases[i].text, strlen(cases[i].text), &r, &err);

		CHECK_INT(rc, -1);
		CHECK_INT(r.nfields, 0);
		if (err.line != cases[i].line || err.column != cases[i].column ||
		    !strstr(err.msg, cases[i].msg)) {
			char m[400];
			snprintf(m, sizeof m, "case %zu: got %ld:%ld \"%s\", want %ld:%ld \"%s\"",
			    i, err.line, err.column, err.msg, cases[i].line,
			    cases[i].column, cases[i].msg);
			h_note(__FILE__, __LINE__, m);
		}
	}
}

static void
test_parse_accepts(void)
{
	const char *t = "handover-record 1\na: \nb:\nc:  two spaces\nd: \\x41X\n";
	const char *t2 = "handover-record 1\nd: \\x41\\x4a\nsha256: " Z64 "\n";
	struct record r;
	struct error err;

	/* unsealed is accepted only when asked for */
	CHECK_INT(record_parse(t, strlen(t), &r, &err), -1);
	CHECK_INT(record_parse_opts(t, strlen(t), &r, &err, RECORD_ALLOW_UNSEALED), 0);
	CHECK_INT(r.nfields, 4);
	if (r.nfields == 4)
		CHECK_STR(r.fields[3].value, "AX");
	record_release(&r);
	t = "handover-record 1\na: \nb:\nc:  two\n";
	CHECK_INT(record_parse_opts(t, strlen(t), &r, &err, RECORD_ALLOW_UNSEALED), 0);
	CHECK_INT(r.nfields, 3);
	if (r.nfields == 3) {
		CHECK_STR(r.fields[0].value, "");
		CHECK_STR(r.fields[1].value, "");
		CHECK_STR(r.fields[2].value, " two");
	}
	CHECK_STR(r.seal, "");
	record_release(&r);
	CHECK_INT(record_parse(t2, strlen(t2), &r, &err), 0);
	CHECK_STR(record_get(&r, "d"), "AJ");
	CHECK_STR(r.seal, Z64);
	record_release(&r);
}

static void
test_limits(void)
{
	struct record r;
	struct error err;
	struct buf b;
	char *big;
	size_t i;

	/* a value whose line is exactly the limit, and one byte more */
	big = malloc(RECORD_MAX_LINE + 2);
	memset(big, 'v', RECORD_MAX_LINE + 1);
	big[RECORD_MAX_LINE - 3] = '\0';	/* "k: " + value = limit */
	record_init(&r);
	CHECK_INT(record_add(&r, "k", big), 0);
	big[RECORD_MAX_LINE - 3] = 'v';
	big[RECORD_MAX_LINE - 2] = '\0';
	errno = 0;
	CHECK_INT(record_add(&r, "k", big), -1);
	CHECK_INT(errno, E2BIG);
	/* escapes count: 2000 newlines take 4000 bytes */
	memset(big, '\n', 4500);
	big[4500] = '\0';
	CHECK_INT(record_add(&r, "k", big), -1);
	record_release(&r);

	/* a line over the limit in a file */
	buf_init_mem(&b);
	buf_puts(&b, "handover-record 1\nk: ");
	for (i = 0; i < RECORD_MAX_LINE; i++)
		buf_putc(&b, 'x');
	buf_puts(&b, "\nsha256: " Z64 "\n");
	CHECK_INT(record_parse(b.mem, b.len, &r, &err), -1);
	CHECK_INT(err.line, 2);
	CHECK(strstr(err.msg, "longer than") != NULL);
	buf_release(&b);

	/* too many fields, in memory and in a file */
	record_init(&r);
	for (i = 0; i < RECORD_MAX_FIELDS; i++)
		if (record_add(&r, "f", "") != 0)
			break;
	CHECK_INT(i, RECORD_MAX_FIELDS);
	errno = 0;
	CHECK_INT(record_add(&r, "f", ""), -1);
	CHECK_INT(errno, E2BIG);
	record_release(&r);
	buf_init_mem(&b);
	buf_puts(&b, "handover-record 1\n");
	for (i = 0; i <= RECORD_MAX_FIELDS; i++)
		buf_puts(&b, "f:\n");
	buf_puts(&b, "sha256: " Z64 "\n");
	CHECK_INT(record_parse(b.mem, b.len, &r, &err), -1);
	CHECK_INT(err.line, RECORD_MAX_FIELDS + 2);
	CHECK(strstr(err.msg, "more than") != NULL);
	buf_release(&b);

	/* a whole record over the size limit does not serialize */
	record_init(&r);
	memset(big, 'v', 8000);
	big[8000] = '\0';
	for (i = 0; i < RECORD_MAX_SIZE / 8000 + 1; i++)
		record_add(&r, "k", big);
	buf_init_mem(&b);
	CHECK_INT(record_serialize(&r, &b), E2BIG);
	buf_release(&b);
	record_release(&r);
	free(big);
}

static char *
sample(size_t *len)
{
	struct record r;
	char *text;

	record_init(&r);
	record_add(&r, "id", "2026-11-23-7KQ4MZ");
	record_add(&r, "created", "2026-11-23T14:05:09+05:30");
	record_add(&r, "state", "sealed");
	record_add(&r, "seller.id-last4", "4821");
	record_add(&r, "note", "caf\xc3\xa9\nok");
	record_add_attachment(&r, Z64, 1234, "invoice photo.jpg");
	text = serialize(&r, len);
	record_release(&r);
	return text;
}

static void
test_seal_states(void)
{
	char hex[SHA256_HEX_SIZE];
	size_t len;
	char *t = sample(&len);

	CHECK_INT(record_check_seal(t, len, hex), RECORD_INTACT);
	/* truncated: no seal line any more */
	CHECK_INT(record_check_seal(t, len - 80, hex), RECORD_UNSEALED);
	CHECK_INT(record_check_seal(t, 0, hex), RECORD_UNSEALED);
	CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	/* the seal line without its newline */
	CHECK_INT(record_check_seal(t, len - 1, hex), RECORD_ALTERED);
	/* a seal for different content */
	t[len - 2] = t[len - 2] == '0' ? '1' : '0';
	CHECK_INT(record_check_seal(t, len, hex), RECORD_ALTERED);
	free(t);
}

/* A change of one byte, anywhere, to anything, is never intact. */
static void
test_one_byte_changes(void)
{
	static const unsigned char repl[] = { 0x00, '\n', ' ', '0', 'a', 0xff };
	char hex[SHA256_HEX_SIZE];
	size_t len, i, k;
	char *t = sample(&len);

	if (!t)
		return;
	for (i = 0; i < len; i++) {
		char orig = t[i];
		for (k = 0; k <= sizeof repl; k++) {
			char c = k < sizeof repl ? (char)repl[k] : (char)(orig ^ 1);
			if (c == orig)
				continue;
			t[i] = c;
			if (record_check_seal(t, len, hex) == RECORD_INTACT) {
				char m[80];
				snprintf(m, sizeof m, "byte %zu set to 0x%02x stays intact",
				    i, (unsigned char)c);
				h_note(__FILE__, __LINE__, m);
			}
		}
		t[i] = orig;
	}
	/* a byte removed or added anywhere */
	for (i = 0; i < len; i++) {
		char *u = malloc(len + 1);
		memcpy(u, t, i);
		memcpy(u + i, t + i + 1, len - i - 1);
		CHECK(record_check_seal(u, len - 1, hex) != RECORD_INTACT);
		memcpy(u, t, i);
		u[i] = 'x';
		memcpy(u + i + 1, t + i, len - i);
		CHECK(record_check_seal(u, len + 1, hex) != RECORD_INTACT);
		free(u);
	}
	CHECK_INT(record_check_seal(t, len, hex), RECORD_INTACT);
	free(t);
}

static void
test_attachments(void)
{
	struct record_attachment a;
	struct record r;
	struct error err;

	CHECK_INT(record_attachment_parse(Z64 " 1234 invoice photo.jpg", &a, &err), 0);
	CHECK_STR(a.sha256, Z64);
	CHECK_INT(a.size, 1234);
	CHECK_STR(a.name, "invoice photo.jpg");
	CHECK_INT(record_attachment_parse(Z64 " 0 x", &a, &err), 0);
	CHECK_INT(record_attachment_parse(Z64 " 18446744073709551615 x", &a, &err), 0);
	CHECK(a.size == UINT64_MAX);
	CHECK_INT(record_attachment_parse(Z64 " 18446744073709551616 x", &a, &err), -1);
	CHECK_INT(record_attachment_parse(Z64 " 01 x", &a, &err), -1);
	CHECK_INT(record_attachment_parse(Z64 " 1 ", &a, &err), -1);
	CHECK_INT(record_attachment_parse(Z64 " 1 ../x", &a, &err), -1);
	CHECK_INT(record_attachment_parse(Z64 " 1 ..", &a, &err), -1);
	CHECK_INT(record_attachment_parse(Z64 " x y", &a, &err), -1);
	CHECK_INT(record_attachment_parse("abc 1 x", &a, &err), -1);
	CHECK_INT(record_attachment_parse(Z64 "  1 x", &a, &err), -1);
	record_init(&r);
	CHECK_INT(record_add_attachment(&r, Z64, 5, "a.jpg"), 0);
	CHECK_STR(record_get(&r, "attachment"), Z64 " 5 a.jpg");
	CHECK_INT(record_add_attachment(&r, "ABC", 5, "a.jpg"), -1);
	CHECK_INT(record_add_attachment(&r, Z64, 5, "dir/a.jpg"), -1);
	CHECK_INT(r.nfields, 1);
	record_release(&r);
}

static void
test_json(void)
{
	const char *t = "handover-record 1\nid: x\nnote: a\\nb \"q\"\nsha256: " Z64 "\n";
	struct record r;
	struct error err;
	struct buf b;

	CHECK_INT(record_parse(t, strlen(t), &r, &err), 0);
	buf_init_mem(&b);
	CHECK_INT(record_write_json(&r, &b), 0);
	CHECK_STR(buf_str(&b), "{\"format\":\"handover-record 1\",\"fields\":"
	    "[[\"id\",\"x\"],[\"note\",\"a\\nb \\\"q\\\"\"]],\"sha256\":\"" Z64 "\"}");
	buf_release(&b);
	record_release(&r);
	record_init(&r);
	buf_init_mem(&b);
	record_write_json(&r, &b);
	CHECK_STR(buf_str(&b), "{\"format\":\"handover-record 1\",\"fields\":[],\"sha256\":null}");
	buf_release(&b);
}

int
main(void)
{
	RUN(test_build_and_serialize);
	RUN(test_bad_keys);
	RUN(test_escape_round_trip);
	RUN(test_random_round_trip);
	RUN(test_parse_errors);
	RUN(test_parse_accepts);
	RUN(test_limits);
	RUN(test_seal_states);
	RUN(test_one_byte_changes);
	RUN(test_attachments);
	RUN(test_json);
	return h_done();
}
