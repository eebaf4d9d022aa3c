/* SPDX-License-Identifier: MIT */
/* commands: the command table.  Dispatch and "handover --help" both read
 * it, so they cannot drift apart. */
#ifndef HANDOVER_COMMANDS_H
#define HANDOVER_COMMANDS_H

#include "cli/cli.h"

extern const struct command command_check;
extern const struct command command_recheck;
extern const struct command command_imei;
extern const struct command command_info;
extern const struct command command_apps;
extern const struct command command_scan;
extern const struct command command_dups;
extern const struct command command_verify;
extern const struct command command_export;
extern const struct command command_list;
extern const struct command command_show;

/* NULL-terminated, in the order "handover --help" lists them. */
extern const struct command *const commands[];

/* The command called name, or NULL. */
const struct command *command_find(const char *name);

#endif
