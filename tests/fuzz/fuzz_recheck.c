/* SPDX-License-Identifier: MIT */
/* fuzz_recheck: any record that reads as a sealed check can be re-checked
 * by the session core: the input's last lines are typed as answers (help,
 * back, skip and quit among them), the block builds open and sealed, and
 * appended to an intact record it keeps every earlier byte and seal and
 * reads back with the verdict the session gave. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/recheck.h"
#include "check/session.h"
#include "../unit/testdata.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const typed[] = {
	"?", "1", "back", "", "skip", "yes", "Device provided by X", "status", "2", "no",
	"clean", "ref", "quit", "3", "blocked", NULL
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct words en;
	static struct ident_tables t;
	static struct kb kb;
	static struct session_env env;
	static struct saved_check sc;
	static struct session s;
	static int loaded;
	struct record r, blk, grown;
	struct session_reply reply;
	struct error err;
	struct buf out;
	struct recheck x;
	char hex[SHA256_HEX_SIZE];
	size_t i;

	if (!loaded) {
		testdata_load(&kb, &t, &en);
		env.kb = &kb;
		env.idt = &t;
		env.words = &en;
		loaded = 1;
	}
	if (record_parse((const char *)data, size, &r, &err) != 0)
		return 0;
	if (saved_check_read(&sc, &r, &kb, &t, &en, &err) != 0 ||
	    session_recheck(&s, &env, &sc, &r, "2026-11-30T10:00:00+05:30", &err) != 0)
		goto out;
	for (i = size % 7; typed[i] && session_current(&s) >= 0; i++) {
		session_reply_init(&reply);
		session_answer(&s, typed[i], &reply);
		session_reply_release(&reply);
	}
	if (session_recheck_block(&s, 0, &blk, &err) != 0) {
		fprintf(stderr, "open block: %s\n", err.msg);
		abort();
	}
	record_release(&blk);
	if (session_recheck_block(&s, 1, &blk, &err) != 0)
		abort();
	if (record_check_seal((const char *)data, size, hex) == RECORD_INTACT) {
		buf_init_mem(&out);
		if (record_append_block((const char *)data, size, &blk, RECORD_REPLACE_OPEN, &out,
		    &err) == 0) {
			if (record_parse(out.mem, out.len, &grown, &err) != 0 ||
			    recheck_read(&grown, grown.nblocks - 1, &x, &err) != 0 || !x.sealed ||
			    !x.verdict || strcmp(x.verdict, record_get(&blk, "recheck.verdict")) != 0)
				abort();
			record_release(&grown);
		}
		buf_release(&out);
	}
	record_release(&blk);
out:
	record_release(&r);
	return 0;
}
