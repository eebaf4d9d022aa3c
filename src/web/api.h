/* SPDX-License-Identifier: MIT */
/* api: what the page (src/web/app/) calls in the core compiled to
 * WebAssembly: the checklist session, the words, records and their seals,
 * the bill of sale, identifiers, country information, SHA-256.  Strings
 * come in NUL-terminated (or with a length) in memory the page got from
 * web_alloc; every call leaves its answer, JSON or text, in one result
 * buffer (web_result, web_result_len) that the next call replaces.  No
 * I/O: the page passes the time (Unix seconds and minutes east of UTC),
 * random bytes and the hashes of files; it keeps the records.  Also built
 * natively, so the unit tests run it under the sanitizers. */
#ifndef HANDOVER_WEB_API_H
#define HANDOVER_WEB_API_H

#include <stddef.h>

/* Hands in data/NAME (the page carries the data files as text): data
 * is kept, not copied.  Before web_init.  Returns 0 or -1. */
int web_data(const char *name, const char *data, size_t len);
/* Loads the data handed in.  Returns 0, or -1 with the reason as the
 * result. */
int web_init(void);
void *web_alloc(size_t n);
void web_free(void *p);
const char *web_result(void);
size_t web_result_len(void);

/* ---- words */

/* [{"code","name","dir"}]: the languages there are words for. */
int web_langs(void);
/* The language to speak ("hi"), English behind it.  Returns 0, or 1 when
 * there are no words in it (English is used). */
int web_lang(const char *code);
/* {"key": "text"} of every key that starts with prefix, in the language. */
int web_words(const char *prefix);
/* ["key"...]: the keys that start with prefix the language lacks, shown
 * in English (the page marks them lang="en"). */
int web_fallback(const char *prefix);
/* The text of key with {name}s filled from fills: "name\037value\036"...
 * (the key itself when there are no words for it). */
int web_text(const char *key, const char *fills);

/* ---- the check being made (one at a time) */

/* A new record id from the time and 6 random bytes. */
int web_new_id(double t, int offset, const unsigned char *rnd);
/* Starts a check; the result is the view of its first question:
 * {"id", "step", "section", "section_title", "type", "question", "help",
 * "choices":[{"answer","label"}], "default", "value", "asked", "answered",
 * "taps":[...]} ("step" null when every question is answered). */
int web_start(const char *id, double t, int offset, const unsigned char *rnd);
/* Resumes the open check in a record's text: {"says":[...], "view":{...}},
 * or -1 with the reason (altered, sealed, not a record). */
int web_resume(const char *text, size_t len, double t, int offset, const unsigned char *rnd);
/* Applies what the buyer typed or tapped (an answer, back, skip, done):
 * {"outcome": "next|again|quit|bad", "says":[{"kind","text"}], "view"}. */
int web_answer(const char *line);
/* What cl_validate says of line for the current step, changing nothing:
 * {"valid": 1|0|-1, "message"}. */
int web_validate(const char *line);
int web_view(void);
/* The current step's help, as text. */
int web_help(void);
/* {"says":[...]}: what is done and open; the recap of a resumed check. */
int web_status(void);
/* The record to keep now, sealed or open, as text; for a re-check, the
 * record it began from with the re-check's block appended (t and offset
 * unused: the block's time is when the re-check began). */
int web_record(double t, int offset, int seal);

/* ---- a re-check after the sale (the one being made, as a check is) */

/* Starts a re-check of a sealed record's text at the page's time, or
 * goes on with the unfinished one that ends it; web_answer, web_view,
 * web_help, web_status and web_record then drive it as a check:
 * {"title", "says":[...], "day", "resumed", "view"}, or -1 with the
 * reason (altered, not sealed, not a record). */
int web_recheck(const char *text, size_t len, double t, int offset);
/* The last re-check of a record: {"state": "sealed|open", "n", "title"
 * (which re-check, its day and time), "verdict",
 * "reasons":[{"level","text","todo"}]}, or null when it has
 * none; -1 with the reason when it is altered or not a record. */
int web_rechecked(const char *text, size_t len);
/* The calendar reminders of the re-checks, as "handover export --ics"
 * writes them at time t (the DTSTAMP). */
int web_ics(const char *text, size_t len, double t);

/* ---- files: hashed by the page, never kept */

int web_sha_init(void);
int web_sha_update(const void *p, size_t n);
/* The hex digest of what was fed since web_sha_init. */
int web_sha_final(void);
/* Makes the hashed file known under path (what the page answers
 * proof.files with); its name in the record is path's last component. */
int web_file(const char *path, const char *hex, double size);

/* ---- records */

/* {"seal": "intact|altered|unsealed", "id", "state", "verdict", "created",
 * "updated", "country", "brand", "model", "imei1", "recheck" (the last
 * re-check's state: "sealed", "open" or null), "recheck_verdict",
 * "error"} of a record's text. */
int web_saved(const char *text, size_t len);
/* A sealed or open record read back by the one reader: {"id", "state",
 * "verdict", "level", "failed", "files", "reasons":[{"level","code","text",
 * "todo"}]}, or -1 with the reason. */
int web_finished(const char *text, size_t len);
/* The bill of sale: the HTML "handover export --html" writes for it. */
int web_export(const char *text, size_t len);

/* ---- tools */

/* An answers file run as "handover check --answers" runs it:
 * {"verdict", "exit", "reasons":[codes], "record", "says"}; rnd: 12 bytes
 * (the id's and the challenge code's). */
int web_check(const char *answers, size_t len, double t, int offset,
    const unsigned char *rnd);
/* Every identifier of every line, as "handover imei --json" prints them:
 * a JSON array. */
int web_imei(const char *text, size_t len);
/* [{"code","name","check"}]: the countries there is data for, by name. */
int web_countries(void);
/* What "handover info CC" says of a country, as JSON for the page. */
int web_info(const char *code);

#endif
