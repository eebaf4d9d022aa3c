/* SPDX-License-Identifier: MIT */
/* fuzz_answers: the answers-file parser, then the whole file through the
 * session core as 'check --answers' applies it, and the record it makes
 * read back by the one reader of a saved check. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check/answers.h"
#include "check/saved.h"
#include "check/session.h"
#include "../unit/testdata.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
no_files(void *ctx, const char *path, char hex[65], uint64_t *size, const char **name,
    struct error *e)
{
	(void)ctx;
	(void)hex;
	(void)size;
	(void)name;
	return error_set(e, 0, 0, "no files here: '%.40s'", path);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct ident_tables t;
	static struct kb kb;
	static struct words en;
	static struct answers a;
	static struct session s;
	static struct saved_check sc;
	static int loaded;
	static const unsigned char rnd[6] = {1, 2, 3, 4, 5, 6};
	struct session_env env;
	struct session_reply reply;
	struct record r;
	struct error e;

	if (!loaded) {
		testdata_load(&kb, &t, &en);
		loaded = 1;
	}
	if (answers_parse(&a, (const char *)data, size, &e) != 0)
		return 0;
	memset(&env, 0, sizeof env);
	env.kb = &kb;
	env.idt = &t;
	env.words = &en;
	env.hash_file = no_files;
	session_start(&s, &env, "2026-01-01-FUZZ00", "2026-01-01T00:00:00+00:00",
	    "2026-01-01", rnd);
	session_reply_init(&reply);
	session_answers_file(&s, (const char *)data, size, &reply);
	session_reply_release(&reply);
	if (session_record(&s, session_current(&s) < 0, "2026-01-01T00:00:01+00:00", &r) == 0) {
		/* what the session wrote, the reader takes */
		if (saved_check_read(&sc, &r, &kb, &t, &en, &e) != 0)
			abort();
	}
	record_release(&r);
	return 0;
}
