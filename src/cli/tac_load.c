/* SPDX-License-Identifier: MIT */
/* tac_load: finding and loading the TAC tables for the front ends. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/file.h"
#include "cli/load.h"
#include "cli/store.h"
#include "cli/tac_load.h"

#define TACDB_MAX (512u << 20)

void
tacload_init(struct tacload *tl, struct cli *c, const char *path)
{
	memset(tl, 0, sizeof *tl);
	tl->cli = c;
	tl->path = path;
	tac_db_init(&tl->db);
}

/* The database the user named or left in the data folder, or NULL.  The
 * data folder follows the records folder's rule (store_default_dir): a
 * relative XDG_DATA_HOME is ignored, as the XDG specification says, so a
 * database is never picked up from the current folder. */
static const char *
find_db(struct tacload *tl, char *buf, size_t cap, int *named)
{
	const char *env = getenv("HANDOVER_TAC_DB");
	int w;

	*named = 1;
	if (tl->path)
		return tl->path;
	if (env && *env)
		return env;
	*named = 0;
	if (store_default_dir(getenv("XDG_DATA_HOME"), getenv("HOME"), buf, cap, NULL) != 0)
		return NULL;
	w = (int)strlen(buf);
	if ((size_t)w + sizeof "/tacdb.csv" > cap)
		return NULL;
	memcpy(buf + w, "/tacdb.csv", sizeof "/tacdb.csv");
	return buf;
}

int
tacload_check_named(struct tacload *tl)
{
	char buf[4096];
	int named;
	const char *path = find_db(tl, buf, sizeof buf, &named);

	struct error e;
	int fd;

	if (!named)
		return 0;
	if ((fd = file_open(path, 0, NULL, &e)) >= 0) {
		close(fd);
		return 0;
	}
	cli_error("the TAC database (--tac-db or HANDOVER_TAC_DB): %s", e.msg);
	tl->failed = 1;
	return -1;
}

int
tacload_load(struct tacload *tl)
{
	const char *data = NULL, *path;
	char buf[4096];
	size_t len;
	struct error e;
	int named;

	if (tl->loaded)
		return tl->failed ? -1 : 0;
	tl->loaded = 1;
	if (cli_data(tl->cli, "tac.tsv", &data, &len) != 0 ||
	    tac_db_add_tsv(&tl->db, "tac.tsv", data, len, &e) != 0) {
		if (data)
			cli_bad_data(tl->cli, &e);
		tl->failed = 1;
		goto done;
	}
	path = find_db(tl, buf, sizeof buf, &named);
	if (path) {
		/* the one in the data folder is a file there: not a link out */
		if (file_read_all(path, named ? 0 : FILE_NOFOLLOW, TACDB_MAX, &tl->file, &len,
		    &e) != 0) {
			if (named || errno != ENOENT) {
				cli_error(named ? "the TAC database (--tac-db or HANDOVER_TAC_DB): %s" :
				    "the TAC database in the data folder: %s", e.msg);
				tl->failed = 1;
			}
			goto done;
		}
		tl->osmocom_rows = tac_db_add_osmocom(&tl->db, tl->file, len, &e);
		if (tl->osmocom_rows < 0) {
			cli_error("'%s': %s; download it again "
			    "(see 'man handover', TAC DATABASE)", path, e.msg);
			tl->failed = 1;
			goto done;
		}
		tl->loaded_osmocom = 1;
	}
done:
	tac_db_finish(&tl->db);
	free(tl->file);		/* the db keeps copies of its strings */
	tl->file = NULL;
	return tl->failed ? -1 : 0;
}

const struct tac_entry *
tacload_find(struct tacload *tl, const char *tac8, size_t *count)
{
	if (!tl->loaded)
		tacload_load(tl);
	return tac_db_find(&tl->db, tac8, count);
}

void
tacload_release(struct tacload *tl)
{
	tac_db_release(&tl->db);
	free(tl->file);
	tl->file = NULL;
}
