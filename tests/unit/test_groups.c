/* SPDX-License-Identifier: MIT */
/* test_groups: prices as people write them, and what listings share:
 * IMEI groups on a file read twice and on a stream (sellers compared
 * exactly, reposts, the others named), and prices against the model's
 * median. */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "scan/groups.h"
#include "scan/price.h"
#include "scan/scan.h"

static double
amount(const char *s, char *cur)
{
	double v = -1;

	if (scan_price_parse(s, strlen(s), &v, cur) != 0)
		return -1;
	return v;
}

#define PRICE(s, want, wcur) do { \
	char c_[SCAN_CURRENCY_MAX]; \
	double v_ = amount(s, c_); \
	if (v_ < (want) - 0.001 || v_ > (want) + 0.001) { \
		char m_[200]; \
		snprintf(m_, sizeof m_, "%s: got %.2f, want %.2f", s, v_, (double)(want)); \
		h_note(__FILE__, __LINE__, m_); \
	} else { \
		CHECK_STR(c_, wcur); \
	} \
} while (0)

static void
test_prices(void)
{
	char cur[SCAN_CURRENCY_MAX];

	PRICE("INR 44000", 44000, "INR");
	PRICE("\xE2\x82\xB9" "45,000", 45000, "INR");		/* ₹45,000 */
	PRICE("45k", 45000, "");
	PRICE("R$ 1.200,00", 1200, "BRL");
	PRICE("R$1.200", 1200, "BRL");
	PRICE("1,299.50 USD", 1299.5, "USD");
	PRICE("Rs. 15.000", 15000, "RS");
	PRICE("KSh 15,500/=", 15500, "KES");
	PRICE("1.5 lakh", 150000, "");
	PRICE("3,5 jt", 3500000, "");
	PRICE("Rp 2.500.000", 2500000, "IDR");
	PRICE("12 tri\xE1\xBB\x87u", 12000000, "");			/* 12 triệu */
	PRICE("150rb", 150000, "");
	PRICE("45 000 \xE2\x82\xBD", 45000, "RUB");		/* 45 000 ₽ */
	PRICE("\xC2\xA5" "30000", 30000, "JPY");
	PRICE("3\xE4\xB8\x87\xE5\x86\x86", 30000, "JPY");	/* 3万円 */
	PRICE("XOF 230000", 230000, "XOF");
	PRICE("4500 MXN", 4500, "MXN");
	PRICE("100 mil pesos", 100000, "");
	PRICE("45k\xE2\x82\xB9", 45000, "INR");
	PRICE("\xE0\xA5\xAA\xE0\xA5\xAB\xE0\xA5\xA6\xE0\xA5\xA6\xE0\xA5\xA6 \xE2\x82\xB9", 45000,
	    "INR");						/* Devanagari digits */
	PRICE("price 12,5 EUR", 12.5, "EUR");
	PRICE("10,000 - 12,000", 10000, "");
	/* a word after the amount names a currency only when it is an ISO
	 * code in capitals: "only", "NEG", "fix" and "all" are none */
	PRICE("45000 MYR", 45000, "MYR");
	PRICE("2500 GHS", 2500, "GHS");
	PRICE("12000 only", 12000, "");
	PRICE("12000 ONLY", 12000, "");
	PRICE("45000 neg", 45000, "");
	PRICE("45000 NEG", 45000, "");
	PRICE("8000 fix", 8000, "");
	PRICE("45000 all", 45000, "");
	PRICE("Rs 12000 only", 12000, "RS");
	CHECK(amount("negotiable", cur) < 0);
	CHECK(amount("", cur) < 0);
	CHECK(amount("0", cur) < 0);
}

static const uint64_t K1[] = { 1001 }, K2[] = { 2002 }, K12[] = { 1001, 2002 };

static struct groups_listing
listing(uint64_t ordinal, const char *id, const char *seller, uint64_t model,
    const uint64_t *keys, size_t nkeys, double price)
{
	struct groups_listing l;

	memset(&l, 0, sizeof l);
	l.ordinal = ordinal;
	l.line = (long)ordinal + 2;
	l.id = id;
	l.idlen = id ? strlen(id) : 0;
	l.seller = seller;
	l.sellerlen = seller ? strlen(seller) : 0;
	l.model_key = model;
	l.price = price;
	l.currency = "INR";
	l.keys = keys;
	l.nkeys = nkeys;
	return l;
}

/* A file read twice: every listing of a group knows all the others. */
static void
test_two_passes(void)
{
	struct groups g;
	struct groups_seen seen[2];
	struct groups_price_seen ps;
	struct groups_listing ls[5];
	unsigned r;
	size_t i;

	ls[0] = listing(0, "a", "amina", 7, K1, 1, 0);
	ls[1] = listing(1, "b", "budi", 7, K2, 1, 0);
	ls[2] = listing(2, "c", "carlos", 7, K1, 1, 0);	/* another seller: K1 */
	ls[3] = listing(3, "d", "budi", 7, K2, 1, 0);	/* the same seller: K2 */
	ls[4] = listing(4, "e", "Budi", 7, K12, 2, 0);	/* "Budi" is not "budi" */
	groups_init(&g, GROUPS_TWO_PASS);
	for (i = 0; i < 5; i++)
		CHECK_INT(groups_note(&g, &ls[i]), 0);
	groups_seal(&g);
	/* the first listing of K1 is flagged too, and names the others */
	r = groups_judge(&g, &ls[0], seen, &ps);
	CHECK(r == 1u << SCAN_DUP_OTHER_SELLER);
	CHECK_INT(seen[0].listings, 3);
	CHECK_INT(seen[0].sellers, 3);
	CHECK_INT(seen[0].nothers, 2);
	CHECK(seen[0].others[0].idlen == 1 && seen[0].others[0].id[0] == 'c');
	CHECK_INT(seen[0].others[0].line, 4);
	r = groups_judge(&g, &ls[1], seen, &ps);
	CHECK(r == 1u << SCAN_DUP_OTHER_SELLER);	/* "Budi" shows K2 too */
	r = groups_judge(&g, &ls[2], seen, &ps);
	CHECK(r == 1u << SCAN_DUP_OTHER_SELLER);
	CHECK(seen[0].nothers == 2 && seen[0].others[0].id[0] == 'a');
	r = groups_judge(&g, &ls[3], seen, &ps);
	CHECK(r == 1u << SCAN_DUP_OTHER_SELLER);
	r = groups_judge(&g, &ls[4], seen, &ps);
	CHECK(r == 1u << SCAN_DUP_OTHER_SELLER);
	CHECK_INT(seen[0].listings, 3);
	CHECK_INT(seen[1].listings, 3);
	groups_release(&g);

	/* one seller: a repost of one model is shown, another model is a
	 * caution, and so is a listing without a seller */
	ls[0] = listing(0, "a", "amina", 7, K1, 1, 0);
	ls[1] = listing(1, "b", "amina", 7, K1, 1, 0);
	ls[2] = listing(2, "c", "amina", 7, K2, 1, 0);
	ls[3] = listing(3, "d", "amina", 8, K2, 1, 0);
	ls[4] = listing(4, NULL, NULL, 7, K12, 0, 0);
	groups_init(&g, GROUPS_TWO_PASS);
	for (i = 0; i < 4; i++)
		CHECK_INT(groups_note(&g, &ls[i]), 0);
	CHECK(groups_judge(&g, &ls[0], seen, &ps) == 1u << SCAN_REPOST);
	CHECK(groups_judge(&g, &ls[1], seen, &ps) == 1u << SCAN_REPOST);
	CHECK(groups_judge(&g, &ls[2], seen, &ps) == 1u << SCAN_DUP_SAME_SELLER);
	CHECK(groups_judge(&g, &ls[3], seen, &ps) == 1u << SCAN_DUP_SAME_SELLER);
	groups_release(&g);
}

/* A stream: each listing against the ones before it. */
static void
test_stream(void)
{
	struct groups g;
	struct groups_seen seen[1];
	struct groups_price_seen ps;
	struct groups_listing a = listing(0, "a", "amina", 7, K1, 1, 0);
	struct groups_listing b = listing(1, "b", "budi", 7, K1, 1, 0);
	struct groups_listing c = listing(2, "c", "amina", 7, K1, 1, 0);

	groups_init(&g, GROUPS_STREAM);
	CHECK_INT(groups_judge(&g, &a, seen, &ps), 0);	/* alone so far */
	CHECK_INT(seen[0].listings, 1);
	CHECK(groups_judge(&g, &b, seen, &ps) == 1u << SCAN_DUP_OTHER_SELLER);
	CHECK_INT(seen[0].listings, 2);
	/* the first listing is named by its line: its id was not kept */
	CHECK(seen[0].nothers == 1 && seen[0].others[0].id == NULL &&
	    seen[0].others[0].line == 2);
	CHECK(groups_judge(&g, &c, seen, &ps) == 1u << SCAN_DUP_OTHER_SELLER);
	CHECK_INT(seen[0].listings, 3);
	groups_release(&g);
}

/* Prices: far below is under 40% of the median of five or more. */
static void
test_price_groups(void)
{
	static const double p[] = { 40000, 42000, 44000, 41000, 43000, 11000, 39000 };
	struct groups g;
	struct groups_seen seen[1];
	struct groups_price_seen ps;
	struct groups_listing l;
	unsigned r;
	size_t i;

	groups_init(&g, GROUPS_TWO_PASS);
	for (i = 0; i < 7; i++) {
		l = listing(i, "x", "s", 9, NULL, 0, p[i]);
		CHECK_INT(groups_note(&g, &l), 0);
	}
	groups_seal(&g);
	CHECK(groups_price(&g, 9, "INR", 11000, &ps) == 1u << SCAN_PRICE_FAR_BELOW);
	CHECK(ps.median > 40999 && ps.median < 41001);
	CHECK_INT(ps.listings, 7);
	CHECK_INT(groups_price(&g, 9, "INR", 17000, &ps), 0);	/* 41% */
	CHECK_INT(groups_price(&g, 9, "USD", 110, &ps), 0);	/* another currency */
	CHECK_INT(groups_price(&g, 5, "INR", 110, &ps), 0);	/* another model */
	groups_release(&g);

	/* too few listings of a model: no median to trust */
	groups_init(&g, GROUPS_TWO_PASS);
	for (i = 0; i < 4; i++) {
		l = listing(i, "x", "s", 9, NULL, 0, p[i]);
		CHECK_INT(groups_note(&g, &l), 0);
	}
	CHECK_INT(groups_price(&g, 9, "INR", 100, &ps), 0);
	groups_release(&g);

	/* a stream: once five prices are in */
	groups_init(&g, GROUPS_STREAM);
	for (i = 0, r = 0; i < 7; i++) {
		l = listing(i, "x", "s", 9, NULL, 0, p[i]);
		r = groups_judge(&g, &l, seen, &ps);
		CHECK_INT(r, i == 5 ? 1u << SCAN_PRICE_FAR_BELOW : 0u);
	}
	groups_release(&g);

	/* many prices: a sample of GROUPS_SAMPLE keeps the median near */
	groups_init(&g, GROUPS_TWO_PASS);
	for (i = 0; i < 5000; i++) {
		l = listing(i, "x", "s", 3, NULL, 0, 1000 + (double)(i % 1001));
		CHECK_INT(groups_note(&g, &l), 0);
	}
	groups_price(&g, 3, "INR", 1, &ps);
	CHECK(ps.median > 1400 && ps.median < 1600);
	CHECK_INT(ps.listings, 5000);
	groups_release(&g);
}

int
main(void)
{
	RUN(test_prices);
	RUN(test_two_passes);
	RUN(test_stream);
	RUN(test_price_groups);
	return h_done();
}
