/* SPDX-License-Identifier: MIT */
/* fuzz_export: any record that parses renders as HTML and as text without
 * a crash, and the page holds only the tags the renderer writes: a value
 * that reached the page unescaped would show as another tag.  Its
 * re-check reminders, when it has them, keep RFC 5545's line rules, and
 * its evidence pack (of the record sealed again) is whole tar blocks. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "export/export.h"
#include "lib/utf8.h"
#include "../unit/testdata.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const tags[] = {
	"!DOCTYPE", "html", "head", "meta", "title", "style", "body", "main", "header",
	"div", "p", "h1", "h2", "h3", "span", "figure", "figcaption", "svg", "rect",
	"path", "section", "table", "tr", "th", "td", "bdi", "ul", "ol", "li", "strong",
	"br", "bdi", NULL
};

static void
check_tags(const char *page)
{
	const char *p = page;

	while ((p = strchr(p, '<')) != NULL) {
		size_t n = 0, i;
		p++;
		if (*p == '/')
			p++;
		while (p[n] == '!' || isalnum((unsigned char)p[n]))
			n++;
		for (i = 0; tags[i]; i++)
			if (strlen(tags[i]) == n && memcmp(tags[i], p, n) == 0)
				break;
		if (!tags[i])
			abort();
	}
}

/* Every line ends in CRLF, has at most 75 octets and is UTF-8 by itself;
 * no other CR or LF; a continuation starts with a space. */
static void
check_ics(const char *p, size_t n)
{
	size_t i = 0;

	while (i < n) {
		const char *e = memchr(p + i, '\r', n - i);
		size_t len;
		if (!e || (size_t)(e - p) + 1 >= n || e[1] != '\n')
			abort();
		len = (size_t)(e - (p + i));
		if (len > 75 || memchr(p + i, '\n', len) || !utf8_valid(p + i, len))
			abort();
		i += len + 2;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct words en;
	static struct ident_tables t;
	static struct kb kb;
	static int loaded;
	struct export_src src;
	struct record r;
	struct error err;
	struct buf b;

	if (!loaded) {
		testdata_load(&kb, &t, &en);
		loaded = 1;
	}
	if (record_parse_opts((const char *)data, size, &r, &err, RECORD_ALLOW_UNSEALED) != 0)
		return 0;
	if (!r.seal[0])
		memcpy(r.seal, "0000000000000000000000000000000000000000000000000000000000000000",
		    SHA256_HEX_SIZE);
	src.rec = &r;
	src.words = &en;
	src.kb = &kb;
	src.idt = &t;
	buf_init_mem(&b);
	if (export_html(&src, &b, &err) == 0)
		check_tags(buf_str(&b));
	buf_release(&b);
	buf_init_mem(&b);
	export_text(&src, &b, &err);
	buf_release(&b);
	buf_init_mem(&b);
	if (export_ics(&src, 1795430000, &b, &err) == 0)
		check_ics(b.mem, b.len);
	buf_release(&b);
	buf_init_mem(&b);
	if (record_serialize(&r, &b) == 0) {
		struct evidence_src es;
		struct buf pack;

		memset(&es, 0, sizeof es);
		es.text = b.mem;
		es.len = b.len;
		es.bill = &src;
		es.now = 1796083200;
		buf_init_mem(&pack);
		if (export_evidence(&es, &pack, &err) == 0 && pack.len % 512 != 0)
			abort();
		buf_release(&pack);
	}
	buf_release(&b);
	record_release(&r);
	return 0;
}
