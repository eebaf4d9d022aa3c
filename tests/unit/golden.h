/* SPDX-License-Identifier: MIT */
/* golden: data-file tests shared by the reader tests.  Each input file in
 * a directory has a NAME.out next to it holding the expected dump; the
 * dump must also come out the same when the input arrives in chunks of
 * 1 and 7 bytes.  HANDOVER_REGEN=1 rewrites the .out files (review them). */
#ifndef HANDOVER_GOLDEN_H
#define HANDOVER_GOLDEN_H

#include <sys/types.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"

/* A read callback over memory in chunks of at most step bytes. */
struct g_src {
	const char *p;
	size_t n, pos, step;
};

static ssize_t
g_read(void *ctx, char *b, size_t n)
{
	struct g_src *s = ctx;
	size_t k = s->n - s->pos;

	if (k > n)
		k = n;
	if (k > s->step)
		k = s->step;
	memcpy(b, s->p + s->pos, k);
	s->pos += k;
	return (ssize_t)k;
}

/* Appends (p, n) to the dump, bytes outside printable ASCII as \xHH
 * (UTF-8 is kept as it is, so the goldens stay readable). */
static void
g_bytes(struct buf *b, const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];

		if (c == '\n')
			buf_puts(b, "\\n");
		else if (c == '\r')
			buf_puts(b, "\\r");
		else if (c == '\\')
			buf_puts(b, "\\\\");
		else if (c < 0x20 || c == 0x7F)
			buf_printf(b, "\\x%02X", c);
		else
			buf_putc(b, (char)c);
	}
}

static char *
g_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *p = NULL;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (p = malloc((size_t)n + 1)) != NULL) {
		*len = fread(p, 1, (size_t)n, f);
		p[*len] = '\0';
	}
	fclose(f);
	return p;
}

/*
 * Runs dump(src, out) over every file in dir ending in ext, for the whole
 * file and for chunked reads, and compares with NAME.out.  Returns the
 * number of files checked; failures go through h_note.
 */
static int
g_run(const char *dir, const char *ext,
    void (*dump)(struct g_src *src, struct buf *out))
{
	static const size_t steps[] = { (size_t)-1, 1, 7 };
	DIR *d = opendir(dir);
	struct dirent *e;
	int count = 0;

	if (!d) {
		h_note(__FILE__, __LINE__, "cannot open the golden directory");
		return 0;
	}
	while ((e = readdir(d)) != NULL) {
		char in[512], want_path[512], msg[700];
		size_t nl = strlen(e->d_name), el = strlen(ext), n, wn, k;
		char *data, *want;
		struct buf first;

		if (nl <= el || strcmp(e->d_name + nl - el, ext) != 0)
			continue;
		if ((size_t)snprintf(in, sizeof in, "%s/%s", dir, e->d_name) >=
		    sizeof in ||
		    (size_t)snprintf(want_path, sizeof want_path, "%s/%.*s.out",
		    dir, (int)(nl - el), e->d_name) >= sizeof want_path)
			continue;
		if (!(data = g_slurp(in, &n)))
			continue;
		count++;
		buf_init_mem(&first);
		for (k = 0; k < sizeof steps / sizeof steps[0]; k++) {
			struct g_src src = { data, n, 0, steps[k] };
			struct buf b;

			buf_init_mem(&b);
			dump(&src, &b);
			if (k == 0) {
				buf_put(&first, b.mem, b.len);
			} else if (strcmp(buf_str(&b), buf_str(&first)) != 0) {
				snprintf(msg, sizeof msg, "%s: %zu-byte reads differ",
				    in, steps[k]);
				h_note(__FILE__, __LINE__, msg);
			}
			buf_release(&b);
		}
		if (getenv("HANDOVER_REGEN")) {
			FILE *f = fopen(want_path, "wb");

			if (f) {
				fwrite(first.mem, 1, first.len, f);
				fclose(f);
			}
		} else if (!(want = g_slurp(want_path, &wn))) {
			snprintf(msg, sizeof msg, "%s: missing", want_path);
			h_note(__FILE__, __LINE__, msg);
		} else {
			if (strcmp(want, buf_str(&first)) != 0) {
				snprintf(msg, sizeof msg, "%s: differs; got:\n%s",
				    want_path, buf_str(&first));
				h_note(__FILE__, __LINE__, msg);
			}
			free(want);
		}
		buf_release(&first);
		free(data);
	}
	closedir(d);
	return count;
}

#endif
