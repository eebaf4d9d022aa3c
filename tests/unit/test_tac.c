/* SPDX-License-Identifier: MIT */
/* test_tac: the TAC tables: TSV rows, the Osmocom export's quirks (licence
 * line, CRLF, quoted commas, leading spaces, a TAC listed twice), order of
 * sources, and lookups in a quarter of a million TACs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "ident/tac.h"

static const char osmocom[] =
    "Osmocom TAC database under CC-BY-SA v3.0 (c) Harald Welte 2016\r\n"
    "tac,name,name,contributor,comment,gsmarena,gsmarena,aka\r\n"
    "35675904,Oppo,N1,someone,,http://x,http://y,\r\n"
    " 35572302,Brand,\"Model, with comma\",c,,,,\"a,b\"\r\n"
    "33205600,Sagem,DMC 830,c,,,,M314-B0\r\n"
    "33205600,Sagem,M314-B0,c,,,,MC858\r\n"
    "1130000,Apple,lost zero,c,,,,\r\n"
    "01243000,Apple,\"iPhone \"\"4\"\"\",c,,,,\r\n";

static void
test_osmocom(void)
{
	struct tac_db db;
	struct error e;
	const struct tac_entry *t;
	size_t n;

	tac_db_init(&db);
	CHECK_INT(tac_db_add_osmocom(&db, osmocom, sizeof osmocom - 1, &e), 5);
	tac_db_finish(&db);
	t = tac_db_find(&db, "35675904", &n);
	CHECK(t && n == 1 && strcmp(t->brand, "Oppo") == 0 && strcmp(t->model, "N1") == 0);
	t = tac_db_find(&db, "35572302", &n);
	CHECK(t && strcmp(t->model, "Model, with comma") == 0);
	t = tac_db_find(&db, "33205600", &n);
	CHECK_INT(n, 2);
	CHECK(t && strcmp(t[0].model, "DMC 830") == 0 && strcmp(t[1].model, "M314-B0") == 0);
	t = tac_db_find(&db, "01243000", &n);
	CHECK(t && strcmp(t->model, "iPhone \"4\"") == 0);
	CHECK(tac_db_find(&db, "01130000", &n) == NULL);	/* a 7-digit TAC is not one */
	CHECK(tac_db_find(&db, "99999999", &n) == NULL);
	CHECK(tac_db_find(&db, "3567590x", &n) == NULL);
	tac_db_release(&db);
	tac_db_init(&db);
	CHECK_INT(tac_db_add_osmocom(&db, "tac;brand\nnot a tacdb\n", 21, &e), -1);
	CHECK(strstr(e.msg, "not an Osmocom TAC database") != NULL);
	tac_db_release(&db);
}

static void
test_tsv_first(void)
{
	static const char tsv[] = "# c\ntac\tbrand\tmodel\tsource\tchecked\n"
	    "35675904\tOppo\tN1 (ours)\thttps://x\t2026-11-23\n";
	struct tac_db db;
	struct error e;
	const struct tac_entry *t;
	size_t n;

	tac_db_init(&db);
	CHECK_INT(tac_db_add_tsv(&db, "tac.tsv", tsv, sizeof tsv - 1, &e), 0);
	CHECK(tac_db_add_osmocom(&db, osmocom, sizeof osmocom - 1, &e) > 0);
	tac_db_finish(&db);
	t = tac_db_find(&db, "35675904", &n);
	CHECK_INT(n, 2);
	CHECK(t && strcmp(t->model, "N1 (ours)") == 0);	/* our own row first */
	tac_db_release(&db);
	tac_db_init(&db);
	CHECK_INT(tac_db_add_tsv(&db, "tac.tsv", "tac\tbrand\tmodel\n1234\ta\tb\n", 24, &e), -1);
	CHECK_INT(e.line, 2);
	tac_db_release(&db);
}

static void
test_quarter_million(void)
{
	struct tac_db db;
	struct error e;
	size_t cap = 250000 * 40 + 200, len = 0, n, i, found = 0;
	char *csv = malloc(cap);
	unsigned long x = 12345;

	if (!csv) {
		CHECK(csv != NULL);
		return;
	}
	len += (size_t)snprintf(csv + len, cap - len, "licence\ntac,name,name\n");
	for (i = 0; i < 250000; i++)
		len += (size_t)snprintf(csv + len, cap - len, "%08lu,Brand%lu,Model %lu\n",
		    (unsigned long)(10000000 + i * 37), (unsigned long)(i % 97), (unsigned long)i);
	tac_db_init(&db);
	CHECK_INT(tac_db_add_osmocom(&db, csv, len, &e), 250000);
	tac_db_finish(&db);
	for (i = 0; i < 1000000; i++) {
		char tac[9];
		x = x * 1103515245 + 12345;
		snprintf(tac, sizeof tac, "%08lu", (unsigned long)(10000000 + (x >> 8) % 9250000));
		found += tac_db_find(&db, tac, &n) != NULL;
	}
	/* every 37th TAC is present: about 1 in 37 random ones are found */
	CHECK(found > 1000000 / 37 - 2000 && found < 1000000 / 37 + 2000);
	CHECK(tac_db_find(&db, "10000037", &n) != NULL);
	CHECK(tac_db_find(&db, "10000038", &n) == NULL);
	tac_db_release(&db);
	free(csv);
}

int
main(void)
{
	RUN(test_osmocom);
	RUN(test_tsv_first);
	RUN(test_quarter_million);
	return h_done();
}
