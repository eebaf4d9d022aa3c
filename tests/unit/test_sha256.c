/* SPDX-License-Identifier: MIT */
/* test_sha256: SHA-256 against the NIST example values, and streaming. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "lib/sha256.h"

/*
 * Expected digests.  "abc", the 448-bit message and one million 'a' are
 * the examples of FIPS 180-2, Appendix B.1-B.3 (also in NIST CSRC,
 * "Examples with Intermediate Values", SHA256.pdf).  The 896-bit message
 * is the two-block test message of the FIPS 180-2 SHA-384/512 examples
 * (Appendix C.2/D.2) fed to SHA-256; its digest and the empty message's
 * are the widely published values, cross-checked here with GNU coreutils
 * sha256sum.
 */
static const struct {
	const char *msg;
	const char *hex;
} vectors[] = {
	{ "",
	  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
	{ "abc",
	  "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
	{ "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
	  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
	{ "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
	  "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
	  "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1" },
};

static void
test_nist_vectors(void)
{
	char hex[SHA256_HEX_SIZE];
	size_t i;

	for (i = 0; i < sizeof vectors / sizeof vectors[0]; i++) {
		sha256_hex_of(vectors[i].msg, strlen(vectors[i].msg), hex);
		CHECK_STR(hex, vectors[i].hex);
	}
}

static void
test_million_a(void)
{
	unsigned char d[SHA256_LEN];
	char hex[SHA256_HEX_SIZE], chunk[1000];
	struct sha256 s;
	int i;

	memset(chunk, 'a', sizeof chunk);
	sha256_init(&s);
	for (i = 0; i < 1000; i++)
		sha256_update(&s, chunk, sizeof chunk);
	sha256_final(&s, d);
	sha256_hex(d, hex);
	CHECK_STR(hex,
	    "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

/* Splitting the input at every position, into two and three parts,
 * gives the one-shot digest. */
static void
test_split_everywhere(void)
{
	unsigned char msg[300], want[SHA256_LEN], got[SHA256_LEN];
	struct sha256 s;
	size_t n, i, j;

	for (i = 0; i < sizeof msg; i++)
		msg[i] = (unsigned char)(i * 7 + 3);
	for (n = 0; n <= sizeof msg; n += 23) {
		sha256(msg, n, want);
		for (i = 0; i <= n; i++) {
			sha256_init(&s);
			sha256_update(&s, msg, i);
			sha256_update(&s, msg + i, n - i);
			sha256_final(&s, got);
			CHECK(memcmp(got, want, SHA256_LEN) == 0);
		}
	}
	/* every length around the padding boundaries, byte by byte */
	for (n = 50; n <= 130; n++) {
		sha256(msg, n, want);
		sha256_init(&s);
		for (j = 0; j < n; j++)
			sha256_update(&s, msg + j, 1);
		sha256_final(&s, got);
		CHECK(memcmp(got, want, SHA256_LEN) == 0);
	}
}

/* Zero-length updates change nothing. */
static void
test_empty_updates(void)
{
	unsigned char d[SHA256_LEN];
	char hex[SHA256_HEX_SIZE];
	struct sha256 s;

	sha256_init(&s);
	sha256_update(&s, "", 0);
	sha256_update(&s, "ab", 2);
	sha256_update(&s, "", 0);
	sha256_update(&s, "c", 1);
	sha256_final(&s, d);
	sha256_hex(d, hex);
	CHECK_STR(hex, vectors[1].hex);
}

/* With an argument: hashes that many MB and prints nothing else; used by
 * hand to compare speed with sha256sum (never a timed test). */
static int
bench(const char *arg)
{
	size_t mb = (size_t)strtoul(arg, NULL, 10), i;
	static unsigned char chunk[1 << 20];
	unsigned char d[SHA256_LEN];
	char hex[SHA256_HEX_SIZE];
	struct sha256 s;

	for (i = 0; i < sizeof chunk; i++)
		chunk[i] = (unsigned char)i;
	sha256_init(&s);
	for (i = 0; i < mb; i++)
		sha256_update(&s, chunk, sizeof chunk);
	sha256_final(&s, d);
	sha256_hex(d, hex);
	printf("%s\n", hex);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc > 1)
		return bench(argv[1]);
	RUN(test_nist_vectors);
	RUN(test_million_a);
	RUN(test_split_everywhere);
	RUN(test_empty_updates);
	return h_done();
}
