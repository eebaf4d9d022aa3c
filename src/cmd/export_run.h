/* SPDX-License-Identifier: MIT */
/* export_run: the parts of "handover export" that read more than the
 * record: the evidence pack with the attached files. */
#ifndef HANDOVER_EXPORT_RUN_H
#define HANDOVER_EXPORT_RUN_H

#include <stddef.h>

#include "cli/cli.h"
#include "lib/buf.h"
#include "record/record.h"

/* Builds the evidence pack of the record r, parsed from the len bytes of
 * text (named arg for messages) into out, in the language lang (--lang,
 * or NULL); with files_dir, the attached files are read from that
 * folder, never through a symbolic link, and each must match its hash.
 * Returns EXIT_OK or an exit status, the message printed. */
int export_evidence_run(struct cli *c, const char *arg, const char *text, size_t len,
    const struct record *r, const char *lang, const char *files_dir, struct buf *out);

#endif
