/* SPDX-License-Identifier: MIT */
/* apps_priv: what apps.c (the command, its text) and apps_json.c (its
 * JSON) share; nothing else includes it. */
#ifndef HANDOVER_APPS_PRIV_H
#define HANDOVER_APPS_PRIV_H

#include "device/device.h"
#include "kb/kb.h"
#include "lib/buf.h"

/* One run of "handover apps": what the phone said and what it means. */
struct apps_run {
	struct kb kb;
	struct buf out;
	int json, color;
	struct device_state *dev;
	struct device_verdict verdict;
};

/* "strong", "weak" or "none". */
const char *apps_level_word(enum device_level l);
/* The device owner's type as a word, NULL when the dump did not say. */
const char *apps_owner_type_word(long t);
/* The reason about the found app package, for its grade, or NULL. */
const struct device_reason *apps_reason_for(const struct apps_run *r, const char *package);
/* The whole run as one JSON document into r->out. */
void apps_json(struct apps_run *r);

#endif
