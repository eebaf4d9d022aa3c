/* SPDX-License-Identifier: MIT */
/* dups: "handover dups": the reduce step after "scan --keyed | sort":
 * every identifier shown in more than one listing, with its sellers. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/grow.h"
#include "lib/hash.h"
#include "cli/cli.h"
#include "cmd/commands.h"
#include "cli/lines.h"
#include "cli/opt.h"
#include "cli/fd.h"
#include "cli/file.h"

#define LINE_MAX_BYTES (64 * 1024)
#define MAX_LISTED 1000		/* listing ids printed per identifier */
#define KEY_MAX 64

struct group {
	char key[KEY_MAX + 1];
	size_t keylen;
	long long count;
	struct buf ids;		/* the first MAX_LISTED ids, each ended by a NUL */
	uint64_t *sellers;	/* one hash a listing */
	size_t nsellers, cap;
	int csv;		/* --output csv */
};

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* The group's listing ids, as JSON strings or joined by ';' in one CSV
 * cell (every cell through buf_put_csv, which neutralises formulas). */
static void
put_ids(struct buf *out, const struct group *g)
{
	struct buf cell;
	size_t at = 0, n;

	buf_init_mem(&cell);
	while (at < g->ids.len) {
		n = strlen(g->ids.mem + at);
		if (!g->csv) {
			if (at)
				buf_putc(out, ',');
			buf_put_json_str(out, g->ids.mem + at, n);
		} else {
			if (at)
				buf_putc(&cell, ';');
			buf_put(&cell, g->ids.mem + at, n);
		}
		at += n + 1;
	}
	if (g->csv)
		buf_put_csv(out, cell.mem ? cell.mem : "", cell.len, ',');
	if (cell.err && !out->err)
		out->err = cell.err;
	buf_release(&cell);
}

/* Prints the group when it spans several listings; returns 1 if it did. */
static int
emit(struct buf *out, struct group *g)
{
	size_t i, distinct = 0;

	if (g->count < 2)
		return 0;
	qsort(g->sellers, g->nsellers, sizeof *g->sellers, cmp_u64);
	for (i = 0; i < g->nsellers; i++)
		if (i == 0 || g->sellers[i] != g->sellers[i - 1])
			distinct++;
	if (g->csv) {
		buf_put_csv(out, g->key, g->keylen, ',');
		buf_printf(out, ",%lld,%zu,%s,", g->count, distinct, distinct > 1 ? "stop" :
		    "caution");
		put_ids(out, g);
		BUF_LIT(out, "\r\n");
		return 1;
	}
	BUF_LIT(out, "{\"identifier\":");
	buf_put_json_str(out, g->key, g->keylen);
	BUF_LIT(out, ",\"listings\":[");
	put_ids(out, g);
	buf_printf(out, "],\"count\":%lld,\"sellers\":%zu,\"risk\":\"%s\"}\n", g->count,
	    distinct, distinct > 1 ? "stop" : "caution");
	return 1;
}

static int
add(struct group *g, const char *id, size_t idlen, const char *seller, size_t sellerlen)
{
	if (grow_array(&g->sellers, &g->cap, g->nsellers + 1, sizeof *g->sellers) != 0)
		return -1;
	g->sellers[g->nsellers++] = hash_fnv1a64(seller, sellerlen);
	if (g->count < MAX_LISTED) {
		buf_put(&g->ids, id, idlen);
		buf_putc(&g->ids, '\0');
	}
	g->count++;
	return g->ids.err ? -1 : 0;
}

static int
read_keyed(int fd, const char *name, struct buf *out, int csv, int *found)
{
	struct lines l;
	struct group g;
	const char *p;
	size_t n;
	int cut, got, status = EXIT_OK;

	memset(&g, 0, sizeof g);
	buf_init_mem(&g.ids);
	g.csv = csv;
	if (csv)
		BUF_LIT(out, "identifier,count,sellers,risk,listings\r\n");
	if (lines_init(&l, fd, LINE_MAX_BYTES) != 0) {
		cli_error("out of memory");
		return EXIT_IO;
	}
	while ((got = lines_next(&l, &p, &n, &cut)) == 1 && !out->err) {
		const char *t1 = memchr(p, '\t', n), *t2;
		size_t klen;
		int c;

		if (n == 0 && !cut)	/* a cut line comes back empty: reported below */
			continue;
		t2 = t1 ? memchr(t1 + 1, '\t', n - (size_t)(t1 + 1 - p)) : NULL;
		klen = t1 ? (size_t)(t1 - p) : 0;
		if (cut || !t1 || !t2 || klen == 0 || klen > KEY_MAX) {
			cli_error("'%s': line %ld: not IDENTIFIER<TAB>LISTING<TAB>SELLER "
			    "(from 'handover scan --keyed')", name, l.lineno);
			status = EXIT_IO;
			continue;
		}
		c = g.keylen ? memcmp(p, g.key, klen < g.keylen ? klen : g.keylen) : 1;
		if (c == 0)
			c = klen < g.keylen ? -1 : klen > g.keylen;
		if (c < 0) {
			cli_error("'%s': line %ld: not sorted by identifier; pipe the keyed "
			    "lines through 'LC_ALL=C sort' first", name, l.lineno);
			status = EXIT_IO;
			break;
		}
		if (c > 0) {
			*found |= emit(out, &g);
			memcpy(g.key, p, klen);
			g.keylen = klen;
			g.count = 0;
			g.nsellers = 0;
			g.ids.len = 0;
		}
		if (add(&g, t1 + 1, (size_t)(t2 - t1 - 1), t2 + 1,
		    n - (size_t)(t2 + 1 - p)) != 0) {
			cli_error("out of memory");
			status = EXIT_IO;
			break;
		}
	}
	if (got < 0) {
		cli_error("cannot read '%s': %s", name, strerror(l.err));
		status = EXIT_IO;
	}
	if (status != EXIT_IO || got == 0)
		*found |= emit(out, &g);
	lines_release(&l);
	buf_release(&g.ids);
	free(g.sellers);
	return status;
}

static int
run_dups(struct cli *c, int argc, char **argv)
{
	enum { O_OUTPUT };
	static const struct opt_spec specs[] = {
		{"output", 0, 1, O_OUTPUT}, {"help", 'h', 0, OPT_HELP}, {NULL, 0, 0, 0}
	};
	struct buf out;
	struct opt o;
	const char *path = NULL;
	int k, fd = STDIN_FILENO, status, found = 0, csv = 0;

	(void)c;
	fd_buf_init(&out, STDOUT_FILENO);
	if (opt_init(&o, argc, argv) != 0) {
		cli_error("out of memory");
		return EXIT_IO;
	}
	while ((k = opt_next(&o, specs)) != OPT_END) {
		if (k == OPT_HELP) {
			status = cli_help(&command_dups);
			goto out;
		}
		if (k == O_OUTPUT && (strcmp(o.arg, "csv") == 0 || strcmp(o.arg, "jsonl") == 0)) {
			csv = strcmp(o.arg, "csv") == 0;
			continue;
		}
		if (k == O_OUTPUT)
			status = cli_usage("dups", "--output takes jsonl or csv, not '%s'", o.arg);
		else
			status = cli_usage("dups", "%s", o.errmsg);
		goto out;
	}
	if (o.noperands > 1) {
		status = cli_usage("dups", "one input file at most (or - for stdin), not %d",
		    o.noperands);
		goto out;
	}
	if (o.noperands == 1 && strcmp(o.operands[0], "-") != 0) {
		path = o.operands[0];
		struct error e;
		if ((fd = file_open(path, FILE_STREAM, NULL, &e)) < 0) {
			cli_error("%s", e.msg);
			status = EXIT_IO;
			goto out;
		}
	}
	status = read_keyed(fd, path ? path : "stdin", &out, csv, &found);
	if (status == EXIT_OK && found)
		status = EXIT_FINDINGS;
	status = cli_finish_output(&out, status);
	if (fd != STDIN_FILENO)
		close(fd);
out:
	buf_release(&out);
	opt_release(&o);
	return status;
}

const struct command command_dups = {
	"dups", run_dups,
	"dups [--output jsonl | csv] [FILE | -]",
	"identifiers shown in more than one listing, from 'scan --keyed | sort'",
	"usage: handover dups [--output jsonl | csv] [FILE | -]\n"
	"\n"
	"Reads IMEI<TAB>LISTING<TAB>SELLER lines, as 'handover scan --keyed'\n"
	"writes them, sorted by IMEI, from FILE or stdin, and prints one JSON\n"
	"line for every IMEI found in more than one listing: identifier,\n"
	"listings (the first 1000 ids), count, sellers (how many different) and\n"
	"risk: stop when more than one seller shows it, caution when one seller\n"
	"listed it again.  The same contract as a Hadoop Streaming reducer.\n"
	"Input that is not sorted is an error: pipe it through 'LC_ALL=C sort'.\n"
	"\n"
	"options:\n"
	"  --output F   jsonl (default) or csv: identifier, count, sellers, risk,\n"
	"               listings (joined by ';'); a cell a spreadsheet would run\n"
	"               as a formula starts with ' (see 'handover scan --help')\n"
	"\n"
	"exit status: 0 no duplicates, 1 duplicates found, 2 usage error,\n"
	"3 input/output error, unsorted input or a malformed line\n"
	"\n"
	"examples:\n"
	"  handover scan --keyed listings.csv | LC_ALL=C sort | handover dups\n"
	"  handover scan --keyed exports/* | LC_ALL=C sort | handover dups --output csv\n"
};
