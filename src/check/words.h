/* SPDX-License-Identifier: MIT */
/* words: everything a buyer reads, by key, in one language with English
 * behind it.  data/words-LL.tsv holds one language: "key<TAB>text" rows,
 * e.g. "step.identity.dial.question", "choice.unsure", "reason.dial_refused".
 * Pure: the caller hands in the file's bytes. */
#ifndef HANDOVER_WORDS_H
#define HANDOVER_WORDS_H

#include <stddef.h>

#include "lib/buf.h"
#include "lib/error.h"

#define WORDS_KEY_MAX 96

struct word {
	const char *key;
	const char *text;
};

struct words {
	char lang[8];			/* "en", "hi", ... */
	struct word *v;			/* sorted by key */
	size_t n;
	char *mem;
	const struct words *fallback;	/* English; NULL for English itself */
};

/* Loads one language's file (named "words-LL.tsv" in messages); fallback
 * (borrowed, may be NULL) answers for keys this language lacks.  Returns
 * 0, or -1 with e naming the file and line (a key twice, no text). */
int words_load(struct words *w, const char *lang, const char *tsv, size_t len,
    const struct words *fallback, struct error *e);
void words_release(struct words *w);

/* The text of key in this language, else in the fallback's; NULL when
 * neither has it. */
const char *words_get(const struct words *w, const char *key);
/* Only this language's own text of key, or NULL. */
const char *words_own(const struct words *w, const char *key);
/* words_get of the key printf makes of fmt (at most WORDS_KEY_MAX bytes). */
const char *words_getf(const struct words *w, const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* A country's official check in the language: the field (name, how,
 * meaning, limits, instead) of check n (1, 2, ...) of country cc as
 * "registry.CC.N.FIELD" where a translator wrote it, else english. */
const char *words_registry(const struct words *w, const char *cc, size_t n, const char *field,
    const char *english);
/* The text of "key@variant" for the first variant (NULL-terminated list)
 * that has one, else of key. */
const char *words_variant(const struct words *w, const char *key,
    const char *const *variants);

/* A named value for words_fill. */
struct fill {
	const char *name;
	const char *value;
};

/* Writes tmpl with every {name} of fills (terminated by a NULL name)
 * replaced by its value; other braces are written as they are. */
void words_fill(struct buf *out, const char *tmpl, const struct fill *fills);

/* s folded for comparing what people type: case-folded, runs of spaces,
 * '-' and '_' as one space, a final '.' or '!' dropped.  Returns its
 * length; out has cap bytes (3 times the input is always enough). */
size_t words_fold(const char *s, size_t n, char *out, size_t cap);
/* 1 when the folded text is one of the ';'-separated forms of key's text,
 * in this language or the fallback's. */
int words_match(const struct words *w, const char *key, const char *folded);

/* The placeholders ({name}) of text, each once, ';'-separated into out
 * (cap bytes); for the test that translations keep them. */
void words_placeholders(const char *text, char *out, size_t cap);

#endif
