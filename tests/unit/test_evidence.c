/* SPDX-License-Identifier: MIT */
/* test_evidence: the evidence pack's contents, read back from the archive
 * by a small ustar reader of the test's own: the members and their order,
 * the record byte for byte, SHA256SUMS right, README's commands naming
 * this record's seal lines; and what is refused: an altered or unsealed
 * record, a file that does not match or is not attached; the timeline's
 * order.  GNU tar and bsdtar read real packs in test_evidence.sh. */
#include <stdlib.h>
#include <string.h>

#include "check/recheck.h"
#include "export/export.h"
#include "harness.h"
#include "lib/tar.h"
#include "testdata.h"

static struct words EN;
static struct ident_tables IDT;
static struct kb K;

struct member {
	char name[101];
	const char *data;
	size_t len;
};

/* Reads the archive: every header's checksum and magic checked, data
 * padded, two zero blocks at the end.  Returns the member count, or -1. */
static int
read_tar(const char *p, size_t n, struct member *m, int max)
{
	size_t off = 0;
	int k = 0;

	while (off + TAR_BLOCK <= n) {
		const char *h = p + off;
		unsigned sum = 0, want = 0;
		size_t i, size = 0;

		for (i = 0; i < TAR_BLOCK && h[i] == 0; i++)
			;
		if (i == TAR_BLOCK) {
			/* the end: exactly two zero blocks, then nothing */
			if (off + 2 * TAR_BLOCK != n)
				return -1;
			for (i = 0; i < TAR_BLOCK; i++)
				if (h[TAR_BLOCK + i] != 0)
					return -1;
			return k;
		}
		for (i = 0; i < TAR_BLOCK; i++)
			sum += (unsigned char)(i >= 148 && i < 156 ? ' ' : h[i]);
		for (i = 148; i < 154; i++)
			want = want * 8 + (unsigned)(h[i] - '0');
		for (i = 124; i < 135; i++)
			size = size * 8 + (size_t)(h[i] - '0');
		if (sum != want || memcmp(h + 257, "ustar\0" "00", 8) != 0 || h[156] != '0' ||
		    k == max || off + TAR_BLOCK + size > n)
			return -1;
		memcpy(m[k].name, h, 100);
		m[k].name[100] = '\0';
		m[k].data = h + TAR_BLOCK;
		m[k].len = size;
		k++;
		off += TAR_BLOCK + (size + TAR_BLOCK - 1) / TAR_BLOCK * TAR_BLOCK;
	}
	return -1;
}

static const struct member *
find(const struct member *m, int n, const char *suffix)
{
	int i;

	for (i = 0; i < n; i++)
		if (strlen(m[i].name) >= strlen(suffix) &&
		    strcmp(m[i].name + strlen(m[i].name) - strlen(suffix), suffix) == 0)
			return &m[i];
	return NULL;
}

/* A sealed check with one attachment and one re-check, as bytes. */
static char *
grown(const char *att_hex, size_t att_len, size_t *len)
{
	static const char *const reasons[] = { "STOP recheck_notice", NULL };
	struct record r, blk;
	struct recheck_input in;
	struct error e;
	struct buf b, g;
	char *t = NULL;

	record_init(&r);
	record_add(&r, "id", "2026-11-23-7KQ4MZ");
	record_add(&r, "created", "2026-11-23T14:05:09+05:30");
	record_add(&r, "updated", "2026-11-23T14:41:52+05:30");
	record_add(&r, "state", "sealed");
	record_add(&r, "listing.brand", "Samsung");
	record_add_attachment(&r, att_hex, att_len, "photo 1.jpg");
	record_add(&r, "verdict", "GO");
	buf_init_mem(&b);
	record_serialize(&r, &b);
	memset(&in, 0, sizeof in);
	in.time = "2026-11-30T10:00:00+05:30";
	in.sealed = 1;
	in.verdict = "STOP";
	in.reasons = reasons;
	in.answer[recheck_find("recheck.notice")] = "yes";
	buf_init_mem(&g);
	if (recheck_build(&in, &blk, &e) == 0 &&
	    record_append_block(b.mem, b.len, &blk, 0, &g, &e) == 0 &&
	    (t = malloc(g.len + 1)) != NULL) {
		memcpy(t, g.mem, g.len + 1);
		*len = g.len;
	}
	record_release(&blk);
	buf_release(&g);
	buf_release(&b);
	record_release(&r);
	return t;
}

static int
pack(const char *text, size_t len, const struct evidence_file *f, size_t nf, struct buf *out,
    struct error *e)
{
	struct export_src bill = { NULL, &EN, &K, &IDT };
	struct evidence_src s;
	struct record r;
	int rc;

	if (record_parse(text, len, &r, e) != 0)
		return -2;
	bill.rec = &r;
	memset(&s, 0, sizeof s);
	s.text = text;
	s.len = len;
	s.bill = &bill;
	s.files = f;
	s.nfiles = nf;
	s.now = 1796083200;
	rc = export_evidence(&s, out, e);
	record_release(&r);
	return rc;
}

static void
test_members(void)
{
	static const char photo[] = "not really a jpeg";
	char hex[SHA256_HEX_SIZE], sums_line[200];
	struct evidence_file f = { "photo 1.jpg", photo, sizeof photo - 1 };
	struct member m[16];
	const struct member *x;
	struct error e;
	struct buf b;
	size_t len;
	char *text;
	int n, i;

	sha256_hex_of(photo, sizeof photo - 1, hex);
	text = grown(hex, sizeof photo - 1, &len);
	if (!text)
		return;
	buf_init_mem(&b);
	CHECK_INT(pack(text, len, &f, 1, &b, &e), 0);
	n = read_tar(b.mem, b.len, m, 16);
	CHECK_INT(n, 7);
	if (n == 7) {
		static const char *const names[] = {
			"README.txt", "SHA256SUMS", "2026-11-23-7KQ4MZ.record", "bill-of-sale.html",
			"timeline.txt", "attachments.txt", "files/photo_1.jpg",
		};
		for (i = 0; i < 7; i++) {
			char want[120];
			snprintf(want, sizeof want, "handover-evidence-2026-11-23-7KQ4MZ/%s", names[i]);
			CHECK_STR(m[i].name, want);
		}
		CHECK(m[2].len == len && memcmp(m[2].data, text, len) == 0);
		CHECK(m[6].len == sizeof photo - 1 && memcmp(m[6].data, photo, m[6].len) == 0);
		/* SHA256SUMS lists every other member with its hash */
		for (i = 0; i < 7; i++) {
			if (i == 1)
				continue;
			sha256_hex_of(m[i].data, m[i].len, hex);
			snprintf(sums_line, sizeof sums_line, "%s  %s\n", hex, names[i]);
			CHECK(strstr(m[1].data, sums_line) != NULL);
		}
	}
	if ((x = find(m, n, "/README.txt")) != NULL) {
		char *readme = strndup(x->data, x->len);
		CHECK(strstr(readme, "    $ head -n 8 2026-11-23-7KQ4MZ.record | sha256sum\n") != NULL);
		CHECK(strstr(readme, "    $ sha256sum files/photo_1.jpg\n") != NULL);
		CHECK(strstr(readme, "    README.txt: OK\n    2026-11-23-7KQ4MZ.record: OK\n") != NULL);
		free(readme);
	}
	if ((x = find(m, n, "/timeline.txt")) != NULL) {
		char *tl = strndup(x->data, x->len);
		const char *began = strstr(tl, "the check began"), *due1 = strstr(tl, "day-1 re-check"),
		    *re = strstr(tl, "re-check 1, day 6"), *due7 = strstr(tl, "day-7 re-check"),
		    *now = strstr(tl, "this timeline was written");
		CHECK(began && due1 && re && due7 && now);
		CHECK(began < due1 && due1 < re && re < due7 && due7 < now);
		CHECK(strstr(tl, "day-7 re-check was due (7 x 24 hours after the check was "
		    "finished); not done") != NULL);
		CHECK(strstr(tl, "STOP: The phone showed a lender's notice, a payment reminder or "
		    "a lock screen. [recheck_notice]") != NULL);
		free(tl);
	}
	buf_release(&b);
	free(text);
}

static void
test_refused(void)
{
	static const char photo[] = "not really a jpeg";
	struct evidence_file f = { "photo 1.jpg", photo, sizeof photo - 1 };
	struct evidence_file other = { "other.jpg", photo, sizeof photo - 1 };
	char hex[SHA256_HEX_SIZE];
	struct error e;
	struct buf b;
	size_t len;
	char *text;

	sha256_hex_of("something else", 14, hex);
	text = grown(hex, 14, &len);
	if (!text)
		return;
	buf_init_mem(&b);
	CHECK_INT(pack(text, len, &f, 1, &b, &e), -1);
	CHECK(strstr(e.msg, "'photo 1.jpg' is not the file that was attached") != NULL);
	CHECK(strstr(e.msg, "the record says 14 bytes") != NULL);
	CHECK_INT(pack(text, len, &other, 1, &b, &e), -1);
	CHECK(strstr(e.msg, "'other.jpg' is not attached") != NULL);
	/* an earlier block changed and only the last seal made again */
	text[30] ^= 1;	/* in the id's value */
	{
		char *nl = text + len - 73;
		sha256_hex_of(text, (size_t)(nl - text), hex);
		memcpy(nl + 8, hex, 64);
	}
	CHECK_INT(pack(text, len, NULL, 0, &b, &e), -1);
	CHECK(strstr(e.msg, "changed after it was sealed") != NULL);
	CHECK_INT(b.len, 0);
	buf_release(&b);
	free(text);
}

int
main(void)
{
	testdata_load(&K, &IDT, &EN);
	RUN(test_members);
	RUN(test_refused);
	words_release(&EN);
	ident_tables_release(&IDT);
	kb_release(&K);
	return h_done();
}
