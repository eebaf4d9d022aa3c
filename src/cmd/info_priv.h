/* SPDX-License-Identifier: MIT */
/* info_priv: what info.c (the command and the list of countries),
 * info_text.c (a country as text) and info_json.c (a country as JSON)
 * share; nothing else includes it. */
#ifndef HANDOVER_INFO_PRIV_H
#define HANDOVER_INFO_PRIV_H

#include <stddef.h>

#include "kb/kb.h"
#include "lib/buf.h"

struct info_run {
	struct kb kb;
	struct buf out;
	int color;
	char code[3];		/* upper case */
};

/* Phrases worth showing a buyer: the ones that hint at a loan or a lock. */
int info_phrase_shown(const struct kb_phrase *p);

/* Country r->code as text for a buyer; its checks are c[0..n). */
void info_text_country(struct info_run *r, const struct kb_check *c, size_t n);

/* Country r->code as one JSON document, with the sources of every fact;
 * its checks are c[0..n). */
void info_json_country(struct info_run *r, const struct kb_check *c, size_t n);

#endif
