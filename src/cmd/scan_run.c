/* SPDX-License-Identifier: MIT */
/* scan_run: the lifecycle of one "handover scan" run: what it holds from
 * the options to the summary, set up and freed in one place. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/fd.h"
#include "cli/load.h"
#include "cmd/scan_run.h"

void
scan_run_init(struct scan_run *r, struct cli *c)
{
	int k, i;

	memset(r, 0, sizeof *r);
	r->cli = c;
	r->in.fd = -1;
	fd_buf_init(&r->out, STDOUT_FILENO);
	tacload_init(&r->tl, c, NULL);
	dupset_init(&r->seen);
	for (k = 0; k < SCAN_NROLES; k++)
		for (i = 0; i < 5 && scan_default_names[k][i]; i++)
			r->names[k][r->nnames[k]++] = scan_default_names[k][i];
}

int
scan_run_load(struct scan_run *r, const char *tacdb)
{
	struct error e;

	if (cli_load_idents(r->cli, &r->tables) != 0 || cli_load_kb(r->cli, &r->kb) != 0)
		return -1;
	r->tl.path = tacdb;
	if (tacload_check_named(&r->tl) != 0 || tacload_load(&r->tl) != 0)
		return -1;
	if (scan_init(&r->scan, &r->kb, &r->tables, &r->tl.db, &e) != 0) {
		cli_error("cannot build the phrase matcher: %s", e.msg);
		return -1;
	}
	if (scanfmt_init(&r->fmt, &r->scan) != 0) {
		cli_error("out of memory");
		return -1;
	}
	return 0;
}

void
scan_run_release(struct scan_run *r)
{
	size_t i;

	if (r->in.fd > STDIN_FILENO)
		close(r->in.fd);
	buf_release(&r->out);
	scanfmt_release(&r->fmt);
	scan_release(&r->scan);
	tacload_release(&r->tl);
	kb_release(&r->kb);
	ident_tables_release(&r->tables);
	dupset_release(&r->seen);
	for (i = 0; i < r->nhdr; i++)
		free(r->hdr[i]);
	free(r->hdr);
	free(r->hdrlen);
	free(r->hdrrole);
	r->hdr = NULL;
	r->hdrlen = NULL;
	r->hdrrole = NULL;
	r->nhdr = 0;
}
