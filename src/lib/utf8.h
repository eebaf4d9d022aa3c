/* SPDX-License-Identifier: MIT */
/* utf8: decoding and encoding single code points, strictly (no overlongs,
 * no surrogates, nothing past U+10FFFF). */
#ifndef HANDOVER_UTF8_H
#define HANDOVER_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Length (1-4) of the valid UTF-8 sequence at p, or 0 if it is not one. */
size_t utf8_valid_prefix(const char *p, size_t n);

/* Decodes the code point at p into *cp and returns its length; on an
 * invalid sequence returns 1 and sets *cp to 0xFFFD.  n must be > 0. */
size_t utf8_decode(const char *p, size_t n, uint32_t *cp);

/* Writes cp as UTF-8 into out (room for 4) and returns its length. */
size_t utf8_encode(uint32_t cp, char *out);

/* 1 when the n bytes at p are valid UTF-8. */
int utf8_valid(const char *p, size_t n);

/* The value (0-9) of a decimal digit in any script people type numbers
 * in: ASCII, Arabic-Indic and Eastern Arabic-Indic (Urdu, Persian),
 * Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada,
 * Malayalam, Thai, Lao, Myanmar, Khmer, fullwidth; -1 for anything else. */
int utf8_digit(uint32_t cp);

#endif
