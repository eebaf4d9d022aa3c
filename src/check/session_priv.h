/* SPDX-License-Identifier: MIT */
/* session_priv: what session.c shares with walk.c, its answers-file half. */
#ifndef HANDOVER_SESSION_PRIV_H
#define HANDOVER_SESSION_PRIV_H

#include "check/session.h"

/* Starts message kind in out; what is written to the buf returned is its
 * text, until the next message.  A reply that is full gets a null sink. */
struct buf *session_say(struct session_reply *out, enum say_kind kind);
/* The words of key, rendered with fills, as message kind. */
void session_say_words(const struct session *s, struct session_reply *out,
    enum say_kind kind, const char *key, const struct fill *fills);
/* proof.files is done: its answer is how many files are attached. */
void session_files_done(struct session *s, struct session_reply *out);

#endif
