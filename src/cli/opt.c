/* SPDX-License-Identifier: MIT */
/* opt: reentrant long/short option parsing with operands collected. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/opt.h"

int
opt_init(struct opt *o, int argc, char **argv)
{
	memset(o, 0, sizeof *o);
	o->argc = argc;
	o->argv = argv;
	o->ind = 1;
	o->operands = calloc((size_t)(argc > 0 ? argc : 1), sizeof *o->operands);
	return o->operands ? 0 : -1;
}

void
opt_release(struct opt *o)
{
	free(o->operands);
	o->operands = NULL;
}

static int
find_long(const struct opt_spec *specs, const char *name, size_t len)
{
	int i;

	for (i = 0; specs[i].name; i++)
		if (strlen(specs[i].name) == len && strncmp(specs[i].name, name, len) == 0)
			return i;
	return -1;
}

static int
find_short(const struct opt_spec *specs, char c)
{
	int i;

	for (i = 0; specs[i].name; i++)
		if (specs[i].short_name == c)
			return i;
	return -1;
}

int
opt_next(struct opt *o, const struct opt_spec *specs)
{
	for (;;) {
		char *a;
		const char *eq;
		size_t len;
		int i;

		o->arg = NULL;
		if (o->ind >= o->argc)
			return OPT_END;
		a = o->argv[o->ind++];
		if (o->done || a[0] != '-' || a[1] == '\0') {
			o->operands[o->noperands++] = a;
			continue;
		}
		if (strcmp(a, "--") == 0) {
			o->done = 1;
			continue;
		}
		if (a[1] != '-') {
			if (a[2] != '\0' || (i = find_short(specs, a[1])) < 0) {
				snprintf(o->errmsg, sizeof o->errmsg, "unknown option '%s'", a);
				return OPT_ERROR;
			}
		} else {
			eq = strchr(a + 2, '=');
			len = eq ? (size_t)(eq - (a + 2)) : strlen(a + 2);
			if ((i = find_long(specs, a + 2, len)) < 0) {
				snprintf(o->errmsg, sizeof o->errmsg, "unknown option '%.*s'",
				    (int)(len + 2), a);
				return OPT_ERROR;
			}
			if (eq) {
				if (!specs[i].takes_arg) {
					snprintf(o->errmsg, sizeof o->errmsg,
					    "option '--%s' takes no value", specs[i].name);
					return OPT_ERROR;
				}
				o->arg = eq + 1;
				o->spec = &specs[i];
				return specs[i].key;
			}
		}
		if (specs[i].takes_arg) {
			if (o->ind >= o->argc) {
				snprintf(o->errmsg, sizeof o->errmsg,
				    "option '--%s' needs a value", specs[i].name);
				return OPT_ERROR;
			}
			o->arg = o->argv[o->ind++];
		}
		o->spec = &specs[i];
		return specs[i].key;
	}
}

int
opt_long(const char *s, long min, long max, long *out)
{
	char *end;
	long v;

	if (!s || *s == '\0')
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}
