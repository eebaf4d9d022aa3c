/* SPDX-License-Identifier: MIT */
/* web/state: what the page's calls into the core share: the data the
 * page handed in, the loaded tables, the check being made, the result
 * buffer, and the small JSON writers every call uses.  Private to
 * src/web; the page sees only web/api.h. */
#ifndef HANDOVER_WEB_STATE_H
#define HANDOVER_WEB_STATE_H

#include <stdint.h>

#include "check/session.h"
#include "lib/sha256.h"

#if defined(__wasm__)
#define EXPORT(name) __attribute__((export_name(#name)))
#else
#define EXPORT(name)
/* The bill of sale's source: the record, in the page's language. */
struct export_src;
struct record;
void web_source_of(struct export_src *src, struct record *rec);

#endif

#define MAX_FILES 64
#define MAX_DATA 64			/* data files the page hands in */
#define MAX_PER_LINE 16			/* identifiers on one line, as imei */
#define LINE_MAX_BYTES (64 * 1024)	/* a longer line is no identifier */

/* A file the page hashed, known by the path it answers proof.files with. */
struct web_file {
	char path[CL_VALUE_MAX];
	char hex[SHA256_HEX_SIZE];
	uint64_t size;
};

/* A data file the page handed in (web_data): data/NAME as text. */
struct web_data {
	char name[40];
	const char *data;
	size_t len;
};

struct web_state {
	struct web_data data[MAX_DATA];
	size_t ndata;
	int ready;
	struct kb kb;
	struct ident_tables idt;
	struct tac_db tac;
	struct words en, local;
	int has_local;
	struct session_env env;
	struct session s;	/* the check being made, or a re-check */
	char *base;		/* a re-check: the record as read, which it grows */
	size_t base_len;
	int live;
	struct buf out;		/* the result of the last call */
	struct sha256 sha;
	struct web_file files[MAX_FILES];
	size_t nfiles;
	char name[CL_VALUE_MAX];	/* the last file name hash_file gave */
};

extern struct web_state web;

const struct words *web_lang_words(void);

/* The result buffer, emptied. */
struct buf *web_out(void);

/* A message as the result; returns -1. */
int web_fail(const char *msg);

void web_put_str(struct buf *b, const char *s);

/* ,"key":"value" (or null); first 1 leaves the comma out. */
void web_kv(struct buf *b, int first, const char *key, const char *value);

void web_kv_long(struct buf *b, const char *key, long v);

/* The page's time as the record writes it; 0, or -1 when out of range. */
int web_stamps(double t, int offset, char now[STAMP_TIME_SIZE], char today[STAMP_DATE_SIZE]);

void web_put_says(struct buf *b, const struct session_reply *r);
/* The messages of r as members of a list; first 0 puts a comma first. */
void web_put_say_items(struct buf *b, const struct session_reply *r, int first);

/* A country's name in the buyer's words ("country.IN"), else the data's. */
void web_country_name(const char *cc, const char *data_name, struct buf *out);

/* The data file called name, or NULL. */
const struct web_data *web_data_find(const char *name);

/* The page's wording: in one language's own words, "KEY@web" replaces
 * the text of KEY (written for a terminal: "type done").  A language
 * without KEY@web keeps its own KEY. */
void web_prefer_web(struct words *w);

/* A language's name and direction (lang.name, lang.dir) read from its
 * words file by the tables' reader, without loading all its words.
 * Returns 0, or -1 when the file does not read. */
int web_lang_of(const struct web_data *d, const char *code, char name[64], char dir[8]);

/* The language of a "words-LL.tsv" file, or NULL. */
const char *web_data_lang(const struct web_data *b, char out[8]);

/* The view of the current question of s. */
void web_put_view(struct buf *b, struct session *s);

/* The re-check being made as the grown record, into b: its block
 * appended to the record it began from, as "handover recheck" saves it.
 * Returns 0, or -1 with the reason as the result. */
int web_recheck_record(int seal, struct buf *b);

/* The bill of sale's source: the record, in the page's language. */
struct export_src;
struct record;
void web_source_of(struct export_src *src, struct record *rec);

#endif
