/* SPDX-License-Identifier: MIT */
/* export: a saved check rendered for people, in the buyer's language: a
 * self-contained printable HTML bill of sale (export/html.c), the same
 * as plain text (export/text.c).  A STOP, or a declaration the seller
 * refused, prints as a record of a failed check with no place to sign.
 * Pure: they write into a buf from a parsed record; cmd/export.c reads
 * the record and writes files. */
#ifndef HANDOVER_EXPORT_H
#define HANDOVER_EXPORT_H

#include <stddef.h>
#include <stdint.h>

#include "check/saved.h"
#include "check/words.h"
#include "kb/kb.h"
#include "lib/buf.h"
#include "lib/error.h"
#include "record/record.h"

/* What a rendering is made from; everything is borrowed. */
struct export_src {
	const struct record *rec;	/* parsed; rec->seal is the seal's hex */
	const struct words *words;	/* the reader's language, English behind */
	const struct kb *kb;		/* fills {registry} and the like; may be NULL */
	const struct ident_tables *idt;	/* may be NULL */
};

/* The HTML page: one file, inline CSS and SVG only, nothing loaded from
 * anywhere.  Every value from the record goes through buf_put_html once.
 * Returns 0, or -1 with e filled (a bad record, out of memory, or the
 * buf's error). */
int export_html(const struct export_src *s, struct buf *out, struct error *e);
/* The same content as plain text, for pasting into a chat. */
int export_text(const struct export_src *s, struct buf *out, struct error *e);

/* The re-check reminders as an iCalendar file (RFC 5545): one timed event
 * with an alarm for each re-check, at the moment it is due (24 hours and
 * 7 days after the check was sealed); UIDs from the record's id, so a
 * calendar updates rather than doubles them on a second import; in the
 * reader's words (ics.*, step.recheck.*), naming what the re-check
 * will ask as the checklist asks it (Knox Guard on a Samsung, the
 * registry where the country has one); now: the DTSTAMP.
 * Returns 0, or -1 with e (an unsealed check, out of memory). */
int export_ics(const struct export_src *s, int64_t now, struct buf *out, struct error *e);

/* The check and its re-checks in time order, plain text for a dispute:
 * when the check began and was finished, its verdict and reasons, when
 * each re-check was due and was done with its answers, verdict and
 * reasons, and each block's seal and line; now: when it is written.  w:
 * the words (reason sentences, labels; NULL: codes and ids).  Returns 0,
 * or -1 with e (out of memory). */
int export_timeline(const struct record *r, const struct words *w, int64_t now,
    struct buf *out, struct error *e);

/* The re-checks of a record that grew, as a section of the bill of sale:
 * each one's day and time, verdict, answers in words, reasons with what
 * to do now, and its seal.  Nothing for a record without re-checks.
 * rwords: the re-check's words (recheck_texts_load), or NULL for ids.
 * Errors are the buf's. */
void export_rechecks_html(const struct record *r, const struct words *w,
    struct buf *out);
void export_rechecks_text(const struct record *r, const struct words *w,
    struct buf *out);
/* A reason line "LEVEL code detail" in the words w: its sentence
 * (reason.CODE), or with todo what to do (reason.CODE.todo); {detail}
 * filled with each step id in it named by its label, " ({detail})" left
 * out when there is no detail; plain text into out, the code itself when
 * w has no words for it.  level gets LEVEL ("" when the line has none). */
void export_reason_words(const struct words *w, const char *value, int todo,
    char level[16], struct buf *out);

/* A file attached to the record, for an evidence pack: its bytes, read
 * by the front end (never through a symbolic link).  Borrowed. */
struct evidence_file {
	const char *name;	/* as the record's attachment line names it */
	const char *data;
	size_t len;
};

/* What an evidence pack is made from; everything is borrowed. */
struct evidence_src {
	const char *text;	/* the record file, byte for byte */
	size_t len;
	const struct export_src *bill;	/* its parsed record and the words */
	const struct evidence_file *files;	/* attachments to include */
	size_t nfiles;
	int64_t now;		/* every member's mtime; the date in README.txt */
};

/* The evidence pack for a dispute, a POSIX ustar archive with one folder,
 * handover-evidence-<id>/: README.txt (how to check everything with
 * sha256sum, head, tail and grep, each command with what it must print),
 * SHA256SUMS, <id>.record byte for byte, bill-of-sale.html, timeline.txt,
 * attachments.txt, and files/ with the given files.  Refuses a record
 * whose seals do not all hold, and a file that is not attached or does
 * not match its attachment's size and SHA-256.  Returns 0, or -1 with e. */
int export_evidence(const struct evidence_src *s, struct buf *out, struct error *e);

/* The QR code's text, one line:
 * "handover-record <id> imei=<imei1>[,<imei2>] sha256=<seal hex>". */
void export_qr_payload(const struct record *r, struct buf *out);

/* ---- shared by the two renderers (export.c) ---- */

/* Where a step is shown on the page. */
enum export_part {
	EXPORT_PHONE,		/* brand, model, IMEIs, EID */
	EXPORT_SALE,		/* price, country, mode, the seller */
	EXPORT_CHECKS,		/* the checks done, by checklist section */
	EXPORT_PROOF,		/* proof of purchase */
	EXPORT_DECLARATION	/* the seller's declaration */
};

/* One step as the record holds it, in the reader's words. */
struct export_row {
	enum cl_id step;
	const char *label;	/* the step's short label */
	char value[384];	/* the answer in words, as typed for text */
	int flag;		/* 1: skipped, not sure or not answered yet */
};

/* A record read for rendering: made by export_model_init, freed by
 * export_model_release. */
struct export_model {
	const struct export_src *src;
	struct saved_check *sc;		/* the one reader's result */
	int failed;			/* STOP, or the declaration refused */
	struct export_row *rows;	/* every step answered or skipped, in order */
	size_t nrows;
};

/* The reader's words for key, or key itself. */
const char *export_words(const struct export_model *m, const char *key);
/* The words of key with fills, as one string handed to put (a renderer's
 * escaper); an out-of-memory while making it is recorded in b. */
void export_say(struct buf *b, const struct export_model *m, const char *key,
    const struct fill *fills, void (*put)(struct buf *b, const char *s));
/* A stated reason's sentence (todo 0) or what to do (todo 1), rendered,
 * handed to put as one string. */
void export_reason_put(struct buf *b, const struct export_model *m,
    const struct saved_reason *x, int todo, void (*put)(struct buf *b, const char *s));

enum export_part export_part_of(enum cl_id step);
int export_model_init(struct export_model *m, const struct export_src *s,
    struct error *e);
void export_model_release(struct export_model *m);
/* The row of step i, or NULL when the record has neither its answer nor
 * a skip. */
const struct export_row *export_model_row(const struct export_model *m, enum cl_id i);
/* How many rows part p has. */
size_t export_model_count(const struct export_model *m, enum export_part p);

#endif
