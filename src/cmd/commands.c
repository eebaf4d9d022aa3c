/* SPDX-License-Identifier: MIT */
/* commands: the table of commands, in the order help lists them. */
#include <stddef.h>
#include <string.h>

#include "cmd/commands.h"

const struct command *const commands[] = {
	&command_check,
	&command_recheck,
	&command_imei,
	&command_info,
	&command_apps,
	&command_scan,
	&command_dups,
	&command_verify,
	&command_export,
	&command_list,
	&command_show,
	NULL
};

const struct command *
command_find(const char *name)
{
	size_t i;

	for (i = 0; commands[i]; i++)
		if (strcmp(commands[i]->name, name) == 0)
			return commands[i];
	return NULL;
}
