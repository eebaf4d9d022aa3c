/* SPDX-License-Identifier: MIT */
/* columns: the role each column of an export (or key of a JSON object)
 * plays, from its name as sites write it (data/columns.tsv) or as the user
 * names it (--title-column, the config file). */
#ifndef HANDOVER_COLUMNS_H
#define HANDOVER_COLUMNS_H

#include <stddef.h>

#include "lib/error.h"
#include "scan/scan.h"

#define COLUMNS_KEY_MAX 128	/* bytes of a name, compared */
#define COLUMNS_MAX_CUSTOM 64	/* names the user gives, all roles */

struct columns_name {
	size_t key;		/* offset of the compared form in text */
	unsigned keylen;
	unsigned char role;	/* enum scan_role */
	unsigned char top;	/* only as a whole path */
};

struct columns_custom {
	const char *given;	/* as the user wrote it (borrowed) */
	char key[COLUMNS_KEY_MAX];
	size_t keylen;
	enum scan_role role;
	int replaces;		/* an option's name: the table's names for the role
				 * are set aside, and an input must have it */
	int matched;		/* a column of this input had the name
				 * (columns_role sets it, columns_new_input clears it) */
};

struct columns {
	struct columns_name *names;	/* sorted by key */
	size_t nnames;
	char *text;
	struct columns_custom custom[COLUMNS_MAX_CUSTOM];
	size_t ncustom;
	unsigned custom_roles;	/* 1u << role for the roles an option named */
};

/* Loads the names of columns.tsv (tsv, n borrowed).  Returns 0, or -1
 * with e naming the line. */
int columns_load(struct columns *c, const char *tsv, size_t n, struct error *e);
void columns_release(struct columns *c);

/* The user's name for a role (name borrowed for c's life), looked up
 * before the table's.  With replaces (an option's name), the table's names
 * for that role no longer count; without (a config file's), they still
 * do.  Returns 0, or -1 with e set (too many names). */
int columns_name(struct columns *c, enum scan_role role, const char *name, int replaces,
    struct error *e);

/* Another input begins: no user's name has matched one of its columns. */
void columns_new_input(struct columns *c);

/*
 * The role of the column or JSON key (p, n).  A nested key is a path:
 * "seller.id", "items[0].title".  The user's names first, then the whole
 * path, then its last parts ("attributes.imei" as "imei"), the latter
 * only for names not marked top.  Sets the matched flag of a user's name
 * it used.  SCAN_OTHER when nothing matches.
 */
enum scan_role columns_role(struct columns *c, const char *p, size_t n);

/* The compared form of a name: case folded, only letters and digits, at
 * most cap - 1 bytes (NUL-terminated).  Returns its length. */
size_t columns_key(const char *p, size_t n, char *out, size_t cap);

const char *scan_role_name(enum scan_role r);	/* "title" */
/* The role a name gives ("title"), or -1. */
int scan_role_parse(const char *name, size_t n);

#endif
