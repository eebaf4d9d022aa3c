/* SPDX-License-Identifier: MIT */
/* test_columns: column names as marketplaces write them, in several
 * languages and spellings, nested JSON paths, the user's names replacing
 * the table's for their role, and a broken table. */
#include <string.h>

#include "kb/blob.h"
#include "scan/columns.h"
#include "harness.h"

static struct columns C;

static enum scan_role
role(const char *name)
{
	return columns_role(&C, name, strlen(name));
}

static void
load(void)
{
	const struct blob *b = blob_find("columns.tsv");
	struct error e;

	CHECK(b != NULL);
	if (b)
		CHECK_INT(columns_load(&C, b->data, b->len, &e), 0);
}

static void
test_site_names(void)
{
	load();
	CHECK_INT(role("ad_id"), SCAN_ID);
	CHECK_INT(role("Post ID"), SCAN_ID);
	CHECK_INT(role("ad_title"), SCAN_TITLE);
	CHECK_INT(role("SUBJECT"), SCAN_TITLE);
	CHECK_INT(role("Título"), SCAN_TITLE);
	CHECK_INT(role("titulo"), SCAN_TITLE);
	CHECK_INT(role("judul"), SCAN_TITLE);
	CHECK_INT(role("tiêu đề"), SCAN_TITLE);
	CHECK_INT(role("العنوان"), SCAN_TITLE);
	CHECK_INT(role("ЗАГОЛОВОК"), SCAN_TITLE);
	CHECK_INT(role("ad_description"), SCAN_TEXT);
	CHECK_INT(role("Details"), SCAN_TEXT);
	CHECK_INT(role("descripción"), SCAN_TEXT);
	CHECK_INT(role("deskripsi"), SCAN_TEXT);
	CHECK_INT(role("user_id"), SCAN_SELLER);
	CHECK_INT(role("member-id"), SCAN_SELLER);
	CHECK_INT(role("vendedor"), SCAN_SELLER);
	CHECK_INT(role("IMEI 1"), SCAN_IMEI);
	CHECK_INT(role("Marca"), SCAN_BRAND);
	CHECK_INT(role("precio"), SCAN_PRICE);
	CHECK_INT(role("posted_at"), SCAN_DATA);
	CHECK_INT(role("URL"), SCAN_DATA);
	CHECK_INT(role("kategori"), SCAN_CATEGORY);
	CHECK_INT(role("colour"), SCAN_OTHER);
	CHECK_INT(role(""), SCAN_OTHER);
	columns_release(&C);
}

static void
test_nested(void)
{
	load();
	CHECK_INT(role("seller.id"), SCAN_SELLER);
	CHECK_INT(role("attributes.imei"), SCAN_IMEI);
	CHECK_INT(role("ad.title"), SCAN_TITLE);
	CHECK_INT(role("listing.description"), SCAN_TEXT);
	CHECK_INT(role("items[2].imei"), SCAN_IMEI);
	/* "id" and "name" say nothing alone: only as a whole path */
	CHECK_INT(role("photos[0].id"), SCAN_OTHER);
	CHECK_INT(role("seller.name"), SCAN_SELLER);
	CHECK_INT(role("location.name"), SCAN_OTHER);
	CHECK_INT(role("id"), SCAN_ID);
	CHECK_INT(role("name"), SCAN_TITLE);
	columns_release(&C);
}

static void
test_custom(void)
{
	struct error e;
	size_t i;

	load();
	CHECK_INT(columns_name(&C, SCAN_TITLE, "Headline", 1, &e), 0);
	CHECK_INT(columns_name(&C, SCAN_SELLER, "shop.ref", 1, &e), 0);
	CHECK_INT(role("headline"), SCAN_TITLE);
	/* the table's names for a role the user named no longer count */
	CHECK_INT(role("title"), SCAN_OTHER);
	CHECK_INT(role("user_id"), SCAN_OTHER);
	CHECK_INT(role("shop.ref"), SCAN_SELLER);
	CHECK_INT(role("description"), SCAN_TEXT);
	CHECK(C.custom[0].matched && C.custom[1].matched);
	/* the next input has matched nothing yet */
	columns_new_input(&C);
	CHECK(!C.custom[0].matched && !C.custom[1].matched);
	CHECK_INT(role("shop.ref"), SCAN_SELLER);
	CHECK(!C.custom[0].matched && C.custom[1].matched);
	columns_release(&C);
	/* a config file's names come first but leave the table's standing */
	load();
	CHECK_INT(columns_name(&C, SCAN_TITLE, "Headline", 0, &e), 0);
	CHECK_INT(columns_name(&C, SCAN_SELLER, "title", 0, &e), 0);
	CHECK_INT(role("headline"), SCAN_TITLE);
	CHECK_INT(role("ad_title"), SCAN_TITLE);
	CHECK_INT(role("title"), SCAN_SELLER);
	CHECK_INT(role("user_id"), SCAN_SELLER);
	columns_release(&C);
	load();
	for (i = 0; i < COLUMNS_MAX_CUSTOM; i++)
		CHECK_INT(columns_name(&C, SCAN_TEXT, "x", 1, &e), 0);
	CHECK_INT(columns_name(&C, SCAN_TEXT, "x", 1, &e), -1);
	columns_release(&C);
}

static void
test_broken_table(void)
{
	struct error e;

	CHECK_INT(columns_load(&C, "name\trole\tnested\nx\tbogus\tleaf\n", 31, &e), -1);
	CHECK(strstr(e.msg, "unknown role") != NULL);
	CHECK_INT(columns_load(&C, "name\trole\tnested\nx\ttitle\tmaybe\n", 31, &e), -1);
	CHECK_INT(columns_load(&C, "name\trole\n", 10, &e), -1);
	CHECK_INT(columns_load(&C, "name\trole\tnested\n__\ttitle\tleaf\n", 30, &e), -1);
	CHECK_STR(scan_role_name(SCAN_SELLER), "seller");
	CHECK_INT(scan_role_parse("category", 8), SCAN_CATEGORY);
}

int
main(void)
{
	RUN(test_site_names);
	RUN(test_nested);
	RUN(test_custom);
	RUN(test_broken_table);
	return h_done();
}
