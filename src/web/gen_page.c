/* SPDX-License-Identifier: MIT */
/* gen_page: writes the one-file page (build/handover.html) from its
 * template: every "<!--@style FILE-->" line becomes <style> with FILE in
 * it, every "<!--@script FILE-->" a <script> with FILE, every
 * "<!--@scripts FILE...-->" one <script> with the FILEs one after another
 * in one strict function (they share their names, none lands on window),
 * "<!--@wasm-->" a data block with CORE.wasm (each byte as the character
 * of that code point in UTF-8, but NUL, CR and '<', which an HTML parser
 * would change or end the block on, as U+0100, U+0101 and U+0102: a
 * quarter smaller than base64, and gzip still finds the code's patterns;
 * src/web/boot.js reads it back), "<!--@data-->" one text block per DATA
 * file (the page hands them to the core), and "@SCRIPT_HASHES@" the CSP
 * sources ('sha256-...') of the scripts, so the page runs its own
 * scripts and nothing else.  FILEs are found next to the template.
 *
 * The data is the web's cut of data/: comment lines out, the columns
 * named with -b emptied in every file (what the page never shows, such as
 * a fact's source; the loaders still find every column), and after -e
 * only the header of a file the page never reads.  Build-time tool only.
 * usage: gen_page TEMPLATE.html CORE.wasm OUT.html [-b COLUMN]... [[-e] DATA.tsv]... */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/sha256.h"

#define MAX_FILE (16u << 20)
#define MAX_SCRIPTS 8
#define MAX_BLANK 16

static const char *blank_cols[MAX_BLANK];	/* -b: columns emptied */
static size_t nblank;

static const char b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

struct text {
	char *p;
	size_t n, cap;
};

static void
die(const char *what, const char *name)
{
	fprintf(stderr, "gen_page: %s '%s': %s\n", what, name, errno ? strerror(errno) : "");
	exit(1);
}

static void
put(struct text *t, const char *p, size_t n)
{
	if (t->n + n + 1 > t->cap) {
		size_t cap = t->cap ? t->cap : 4096;
		char *q;
		while (cap < t->n + n + 1)
			cap *= 2;
		if (!(q = realloc(t->p, cap)))
			die("out of memory for", "the page");
		t->p = q;
		t->cap = cap;
	}
	memcpy(t->p + t->n, p, n);
	t->n += n;
	t->p[t->n] = '\0';
}

static void
puts_text(struct text *t, const char *s)
{
	put(t, s, strlen(s));
}

static struct text
slurp(const char *path)
{
	struct text t = {NULL, 0, 0};
	char buf[65536];
	size_t got;
	FILE *f = fopen(path, "rb");

	if (!f)
		die("cannot open", path);
	while ((got = fread(buf, 1, sizeof buf, f)) > 0) {
		put(&t, buf, got);
		if (t.n > MAX_FILE) {
			errno = EFBIG;
			die("too large:", path);
		}
	}
	if (ferror(f))
		die("cannot read", path);
	fclose(f);
	if (!t.p)
		put(&t, "", 0);
	return t;
}

/* The bytes as characters: U+0000-U+00FF in UTF-8, but for three. */
static void
code_points(struct text *out, const unsigned char *p, size_t n)
{
	char u[2];
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned c = p[i] == 0 ? 0x100 : p[i] == '\r' ? 0x101 : p[i] == '<' ? 0x102 : p[i];
		if (c < 0x80) {
			u[0] = (char)c;
			put(out, u, 1);
		} else {
			u[0] = (char)(0xc0 | (c >> 6));
			u[1] = (char)(0x80 | (c & 0x3f));
			put(out, u, 2);
		}
	}
}

static void
base64(struct text *out, const unsigned char *p, size_t n)
{
	char q[4];
	size_t i;

	for (i = 0; i + 2 < n; i += 3) {
		q[0] = b64[p[i] >> 2];
		q[1] = b64[((p[i] & 3) << 4) | (p[i + 1] >> 4)];
		q[2] = b64[((p[i + 1] & 15) << 2) | (p[i + 2] >> 6)];
		q[3] = b64[p[i + 2] & 63];
		put(out, q, 4);
	}
	if (i < n) {
		q[0] = b64[p[i] >> 2];
		if (i + 1 < n) {
			q[1] = b64[((p[i] & 3) << 4) | (p[i + 1] >> 4)];
			q[2] = b64[(p[i + 1] & 15) << 2];
		} else {
			q[1] = b64[(p[i] & 3) << 4];
			q[2] = '=';
		}
		q[3] = '=';
		put(out, q, 4);
	}
}

/* 1 when field k of the header line (tab-separated) is named name. */
static int
column_named(const char *line, size_t n, size_t k, const char *name)
{
	size_t i = 0, col = 0, len = strlen(name);

	while (col < k && i < n) {
		if (line[i++] == '\t')
			col++;
	}
	return col == k && i + len <= n && strncmp(line + i, name, len) == 0 &&
	    (i + len == n || line[i + len] == '\t' || line[i + len] == '\n' ||
	    line[i + len] == '\r');
}

/* One data file as a text block: comments out, provenance emptied; only
 * its header when header_only. */
static void
data_block(struct text *out, const char *path, int header_only)
{
	struct text t = slurp(path);
	const char *base = strrchr(path, '/');
	unsigned char blank[64];
	size_t off = 0, ncols = 0, k;
	int header = 1;

	base = base ? base + 1 : path;
	if (strstr(t.p, "</") || strstr(t.p, "<!--")) {
		errno = EINVAL;
		die("'</' or '<!--' cannot go into the page:", path);
	}
	memset(blank, 0, sizeof blank);
	puts_text(out, "<script type=\"text/tab-separated-values\" data-name=\"");
	puts_text(out, base);
	puts_text(out, "\">");
	while (off < t.n) {
		const char *line = t.p + off, *nl = memchr(line, '\n', t.n - off);
		size_t n = nl ? (size_t)(nl - line) + 1 : t.n - off, i, col = 0;

		off += n;
		if (line[0] == '#' || line[0] == '\n' || (line[0] == '\r' && n <= 2))
			continue;
		if (header) {
			header = 0;
			for (i = 0; i < n; i++)
				ncols += line[i] == '\t';
			for (k = 0; k <= ncols && k < sizeof blank; k++) {
				size_t b;
				for (b = 0; b < nblank; b++)
					blank[k] |= column_named(line, n, k, blank_cols[b]);
			}
			put(out, line, n);
			if (header_only)
				break;
			continue;
		}
		for (i = 0; i < n; i++) {
			size_t start = i;
			while (i < n && line[i] != '\t' && line[i] != '\n' && line[i] != '\r')
				i++;
			if (col >= sizeof blank || !blank[col])
				put(out, line + start, i - start);
			if (i < n)
				put(out, line + i, 1);
			if (i < n && line[i] == '\r' && i + 1 < n) {
				put(out, line + i + 1, 1);
				i++;
			}
			col++;
		}
	}
	puts_text(out, "</script>\n");
	free(t.p);
}

/* FILE of a "<!--@kind FILE-->" line, relative to the template's folder. */
static void
file_of(const char *line, size_t n, const char *kind, const char *dir, size_t dirlen,
    char *out, size_t cap)
{
	const char *p = line + 5 + strlen(kind) + 1, *e = line + n;
	int w;

	while (e > p && (e[-1] == '\n' || e[-1] == '\r' || e[-1] == ' '))
		e--;
	if (e - p < 4 || strncmp(e - 3, "-->", 3) != 0) {
		errno = EINVAL;
		die("bad marker in the template:", kind);
	}
	e -= 3;
	w = snprintf(out, cap, "%.*s%.*s", (int)dirlen, dir, (int)(e - p), p);
	if (w < 0 || (size_t)w >= cap) {
		errno = ENAMETOOLONG;
		die("path too long:", kind);
	}
}

/* The stylesheet the line names, inline. */
static void
put_style(struct text *out, const char *s, size_t n, const char *tmpl, size_t dirlen)
{
	char path[4096];
	struct text css;

	file_of(s, n, "style", tmpl, dirlen, path, sizeof path);
	css = slurp(path);
	puts_text(out, "<style>\n");
	put(out, css.p, css.n);
	puts_text(out, "</style>\n");
	free(css.p);
}

/* js as one inline script, its hash added to the CSP's list. */
static void
put_script_text(struct text *out, struct text *hashes, size_t *nscripts,
    const struct text *js, const char *tmpl)
{
	unsigned char d[SHA256_LEN];

	/* the CSP hash is of the exact text between the tags */
	sha256(js->p, js->n, d);
	puts_text(hashes, (*nscripts)++ ? " 'sha256-" : "'sha256-");
	base64(hashes, d, sizeof d);
	puts_text(hashes, "'");
	if (*nscripts > MAX_SCRIPTS) {
		errno = E2BIG;
		die("too many scripts in", tmpl);
	}
	puts_text(out, "<script>");
	put(out, js->p, js->n);
	puts_text(out, "</script>\n");
}

/* The script the line names, inline. */
static void
put_script(struct text *out, struct text *hashes, size_t *nscripts, const char *s, size_t n,
    const char *tmpl, size_t dirlen)
{
	char path[4096];
	struct text js;

	file_of(s, n, "script", tmpl, dirlen, path, sizeof path);
	js = slurp(path);
	put_script_text(out, hashes, nscripts, &js, tmpl);
	free(js.p);
}

/* The scripts the line names, one after another in one strict function,
 * inline as one script: they share their names and add none to window. */
static void
put_scripts(struct text *out, struct text *hashes, size_t *nscripts, const char *s, size_t n,
    const char *tmpl, size_t dirlen)
{
	char names[4096], path[4096 + 8];
	struct text js = {NULL, 0, 0};
	char *name, *save = NULL;
	size_t nfiles = 0;

	file_of(s, n, "scripts", "", 0, names, sizeof names);
	puts_text(&js, "\"use strict\";\n(function () {\n");
	for (name = strtok_r(names, " \t", &save); name; name = strtok_r(NULL, " \t", &save)) {
		struct text f;
		int w = snprintf(path, sizeof path, "%.*s%s", (int)dirlen, tmpl, name);

		if (w < 0 || (size_t)w >= sizeof path) {
			errno = ENAMETOOLONG;
			die("path too long:", name);
		}
		f = slurp(path);
		put(&js, f.p, f.n);
		if (f.n && f.p[f.n - 1] != '\n')
			puts_text(&js, "\n");
		free(f.p);
		nfiles++;
	}
	if (nfiles == 0) {
		errno = EINVAL;
		die("no files in an @scripts marker of", tmpl);
	}
	puts_text(&js, "})();\n");
	put_script_text(out, hashes, nscripts, &js, tmpl);
	free(js.p);
}

/* The data files of the command line ([-b COLUMN]... [[-e] DATA.tsv]...). */
static void
put_data(struct text *out, int argc, char **argv)
{
	int i;

	for (i = 4; i < argc; i++) {
		int header_only = strcmp(argv[i], "-e") == 0 && i + 1 < argc;
		if (strcmp(argv[i], "-b") == 0 && i + 1 < argc) {
			if (nblank == MAX_BLANK) {
				errno = E2BIG;
				die("too many -b columns:", argv[i + 1]);
			}
			blank_cols[nblank++] = argv[++i];
			continue;
		}
		data_block(out, argv[i + header_only], header_only);
		i += header_only;
	}
}

static void
put_wasm(struct text *out, const char *path)
{
	struct text wasm = slurp(path);

	puts_text(out, "<script id=\"core\" type=\"application/x-handover-wasm\">");
	code_points(out, (const unsigned char *)wasm.p, wasm.n);
	puts_text(out, "</script>\n");
	free(wasm.p);
}

/* Writes the page to path with the scripts' hashes where the template
 * says @SCRIPT_HASHES@. */
static void
write_page(const struct text *out, const struct text *hashes, const char *path,
    const char *tmpl)
{
	const char *mark = strstr(out->p, "@SCRIPT_HASHES@"), *at;
	FILE *f;

	if (!mark) {
		errno = EINVAL;
		die("no @SCRIPT_HASHES@ in", tmpl);
	}
	at = mark + strlen("@SCRIPT_HASHES@");
	if (!(f = fopen(path, "wb")))
		die("cannot create", path);
	if (fwrite(out->p, 1, (size_t)(mark - out->p), f) != (size_t)(mark - out->p) ||
	    fwrite(hashes->p, 1, hashes->n, f) != hashes->n ||
	    fwrite(at, 1, strlen(at), f) != strlen(at) || fclose(f) != 0) {
		remove(path);
		die("cannot write", path);
	}
}

int
main(int argc, char **argv)
{
	struct text tmpl, out = {NULL, 0, 0}, hashes = {NULL, 0, 0};
	const char *slash;
	size_t dirlen, off = 0, nscripts = 0;

	if (argc < 4) {
		fprintf(stderr, "usage: gen_page TEMPLATE.html CORE.wasm OUT.html "
		    "[-b COLUMN]... [[-e] DATA.tsv]...\n");
		return 2;
	}
	tmpl = slurp(argv[1]);
	slash = strrchr(argv[1], '/');
	dirlen = slash ? (size_t)(slash - argv[1]) + 1 : 0;
	while (off < tmpl.n) {
		const char *line = tmpl.p + off, *nl = memchr(line, '\n', tmpl.n - off);
		size_t n = nl ? (size_t)(nl - line) + 1 : tmpl.n - off;
		const char *s = line;

		while (s < line + n && (*s == ' ' || *s == '\t'))
			s++;
		if (strncmp(s, "<!--@style ", 11) == 0)
			put_style(&out, s, n - (size_t)(s - line), argv[1], dirlen);
		else if (strncmp(s, "<!--@script ", 12) == 0)
			put_script(&out, &hashes, &nscripts, s, n - (size_t)(s - line), argv[1], dirlen);
		else if (strncmp(s, "<!--@scripts ", 13) == 0)
			put_scripts(&out, &hashes, &nscripts, s, n - (size_t)(s - line), argv[1], dirlen);
		else if (strncmp(s, "<!--@data-->", 12) == 0)
			put_data(&out, argc, argv);
		else if (strncmp(s, "<!--@wasm-->", 12) == 0)
			put_wasm(&out, argv[2]);
		else
			put(&out, line, n);
		off += n;
	}
	if (!hashes.p)
		puts_text(&hashes, "'none'");
	write_page(&out, &hashes, argv[3], argv[1]);
	free(tmpl.p);
	free(out.p);
	free(hashes.p);
	return 0;
}
