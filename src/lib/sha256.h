/* SPDX-License-Identifier: MIT */
/* sha256: SHA-256 of our own (FIPS 180-4), streaming and one-shot. */
#ifndef HANDOVER_SHA256_H
#define HANDOVER_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_LEN 32		/* digest bytes */
#define SHA256_HEX_SIZE 65	/* 64 lowercase hex digits and a NUL */

struct sha256 {
	uint32_t h[8];
	uint64_t nbytes;	/* message length so far */
	unsigned char block[64];
	size_t fill;		/* bytes waiting in block */
};

void sha256_init(struct sha256 *s);
/* Feeds n bytes; any split of a message gives the same digest. */
void sha256_update(struct sha256 *s, const void *p, size_t n);
/* Writes the digest; s must be initialised again before reuse. */
void sha256_final(struct sha256 *s, unsigned char out[SHA256_LEN]);

/* One shot: the digest of the n bytes at p. */
void sha256(const void *p, size_t n, unsigned char out[SHA256_LEN]);
/* The digest as 64 lowercase hex digits and a NUL. */
void sha256_hex(const unsigned char d[SHA256_LEN], char out[SHA256_HEX_SIZE]);
/* One shot straight to hex. */
void sha256_hex_of(const void *p, size_t n, char out[SHA256_HEX_SIZE]);

#endif
