/* SPDX-License-Identifier: MIT */
/* opt: a small reentrant option parser for subcommands.  Long options
 * (--name, --name=value, --name value), short flags (-h), "--" to end
 * options, "-" as an operand; options and operands may be mixed. */
#ifndef HANDOVER_OPT_H
#define HANDOVER_OPT_H

struct opt_spec {
	const char *name;	/* long name without "--"; NULL ends the list */
	char short_name;	/* 0 for none */
	int takes_arg;
	int key;		/* what opt_next returns for it: >= 0, e.g. an enum */
};

struct opt {
	int argc;
	char **argv;
	int ind;		/* next argv index to look at */
	int done;		/* "--" seen */
	const char *arg;	/* the option's value, when it takes one */
	const struct opt_spec *spec;	/* the option opt_next returned */
	char **operands;	/* operands in order (caller frees with opt_release) */
	int noperands;
	char errmsg[160];
};

enum { OPT_END = -1, OPT_ERROR = -2 };

/* The key every command gives --help / -h. */
#define OPT_HELP 'h'

/* argv[0] is the command's name; parsing starts at argv[1].
 * Returns 0, or -1 when out of memory. */
int opt_init(struct opt *o, int argc, char **argv);
/* The key of the next option, OPT_END when all arguments are read
 * (operands are then in o->operands), or OPT_ERROR with o->errmsg.
 * specs[i].name may be read back through o->spec. */
int opt_next(struct opt *o, const struct opt_spec *specs);
void opt_release(struct opt *o);

/* Parses a whole decimal number in [min, max].  Returns 0 or -1. */
int opt_long(const char *s, long min, long max, long *out);

#endif
