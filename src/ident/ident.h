/* SPDX-License-Identifier: MIT */
/* ident: the identifier engine.  Classifies and explains IMEI, IMEISV,
 * MEID, ESN and EID values, and finds them in text as people type and
 * paste them (labels, separators, fullwidth digits, several per line). */
#ifndef HANDOVER_IDENT_H
#define HANDOVER_IDENT_H

#include <stddef.h>
#include <stdint.h>

#include "lib/error.h"

enum ident_kind {
	IDENT_UNKNOWN,
	IDENT_IMEI,
	IDENT_IMEISV,
	IDENT_MEID,
	IDENT_ESN,
	IDENT_EID
};

enum ident_problem {
	IDENT_OK,
	IDENT_BAD_LENGTH,
	IDENT_NOT_DIGITS,
	IDENT_BAD_CHECK_DIGIT,
	IDENT_MISSING_CHECK_DIGIT,
	IDENT_SCIENTIFIC_NOTATION,
	IDENT_PLACEHOLDER,
	IDENT_BAD_COMPONENT	/* MEID/ESN part out of range, MEID region < A0 */
};

enum rb_status { RB_ACTIVE, RB_FORMER, RB_TEST, RB_RESERVED };

struct ident_rb {
	int code;		/* 0-99 */
	enum rb_status status;
	char name[72];
};

/* The facts the engine needs, from data/reporting-bodies.tsv and
 * data/imei-placeholders.tsv.  Build with ident_tables_load. */
struct ident_tables {
	struct ident_rb rb[100];
	unsigned char rb_known[100];
	uint64_t *placeholders;	/* sorted 15-digit IMEIs */
	size_t nplaceholders;
	int quiet;		/* 1: every message left empty, for a caller that
				 * makes it again only when it shows one (scan) */
};

#define IDENT_TEXT_MAX 64	/* longest normalized value kept */

struct ident {
	enum ident_kind kind;
	enum ident_problem problem;
	size_t start, len;	/* where it stands in the parsed text */
	int digits;		/* digits (or hex digits) typed */
	int rb;			/* reporting body 0-99, -1 when none */
	char normalized[IDENT_TEXT_MAX + 1];	/* no separators; "" if unknown */
	char tac[9];		/* IMEI/IMEISV type allocation code, else "" */
	char serial[12];	/* IMEI SNR, MEID/ESN serial, else "" */
	char check[3];		/* check digit(s) or IMEISV SVN, else "" */
	char expected[3];	/* check digit(s) the rest needs, when known */
	char message[240];	/* what is wrong and what to do, or a note */
};

/* Fills t from the two tables.  Returns 0, or -1 with e filled.
 * t owns memory afterwards: ident_tables_release. */
int ident_tables_load(struct ident_tables *t, const char *rb_tsv, size_t rb_len,
    const char *ph_tsv, size_t ph_len, struct error *e);
void ident_tables_release(struct ident_tables *t);

/* Parses one line as typed or pasted into identifiers (out[0..max)).
 * Returns how many were found (0 for a blank line or labels only); more
 * than max are dropped.  Spans in out[] are byte offsets into s. */
size_t ident_parse_line(const struct ident_tables *t, const char *s, size_t n,
    struct ident *out, size_t max);

/* Finds IMEI-like numbers inside free text (a listing's description):
 * digit runs of 14-16 digits, with single separators, optionally after a
 * label; words are skipped.  Same contract as ident_parse_line. */
size_t ident_find_in_text(const struct ident_tables *t, const char *s, size_t n,
    struct ident *out, size_t max);

/* Classifies one value that is already cleaned: ASCII digits and
 * upper-case letters only (other bytes make it not_digits).  hint is the
 * kind a label named, or IDENT_UNKNOWN. */
void ident_classify(const struct ident_tables *t, const char *v, size_t n,
    enum ident_kind hint, struct ident *out);

/* Luhn check digit (0-9) for n decimal digits. */
int ident_luhn(const char *digits, size_t n);

/* The value of n ASCII digits (1 to 19) in *out: 0, or -1 for anything
 * else. */
int ident_parse_digits(const char *p, size_t n, uint64_t *out);

const char *ident_kind_name(enum ident_kind k);		/* "imei", ... */
const char *ident_problem_code(enum ident_problem p);	/* NULL for OK */
/* The reporting body of code (0-99), or NULL when not allocated. */
const struct ident_rb *ident_reporting_body(const struct ident_tables *t, int code);

/* 1 when the 15 digits at d are a known placeholder IMEI. */
int ident_placeholder_known(const struct ident_tables *t, const char *d);

/* The 15-digit IMEI as an integer, for compact sets (0 if not one). */
uint64_t ident_imei_key(const struct ident *id);

#endif
