/* SPDX-License-Identifier: MIT */
/* export_evidence: "handover export --evidence": reads the attached files
 * the buyer includes (--with-files DIR: regular files only, never through
 * a symbolic link, each within a size limit) and the words, and writes
 * the pack the core builds. */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check/recheck.h"
#include "cli/load.h"
#include "cli/now.h"
#include "cmd/export_run.h"
#include "export/export.h"
#include "kb/kb.h"

#define FILE_MAX (256u << 20)	/* bytes in one attached file */
#define FILES_MAX (1u << 30)	/* bytes in all of them */

struct files {
	struct evidence_file *v;
	size_t n;
	size_t total;
};

static void
files_release(struct files *f)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		free((char *)f->v[i].data);
	free(f->v);
	memset(f, 0, sizeof *f);
}

/* Reads the regular file name in the folder dfd (path dir) into f.
 * Returns EXIT_OK, or an exit status with the message printed; a file
 * that is not there is left out with a note. */
static int
read_one(int dfd, const char *dir, const char *name, struct files *f)
{
	struct evidence_file *ef = &f->v[f->n];
	struct stat st;
	size_t got = 0;
	char *data;
	int fd;

	fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY);
	if (fd < 0) {
		if (errno == ENOENT) {
			cli_error("note: '%s/%s' is not there: the pack lists it without the file",
			    dir, name);
			return EXIT_OK;
		}
		if (errno == ELOOP)
			cli_error("'%s/%s' is a symbolic link: handover does not follow links; "
			    "put the file itself there", dir, name);
		else
			cli_error("cannot open '%s/%s': %s", dir, name, strerror(errno));
		return EXIT_IO;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		cli_error("'%s/%s' is not a regular file: it cannot go into the pack", dir, name);
		close(fd);
		return EXIT_IO;
	}
	if ((uint64_t)st.st_size > FILE_MAX || f->total + (size_t)st.st_size > FILES_MAX) {
		cli_error("'%s/%s' is too large for an evidence pack (%u MiB a file, %u MiB "
		    "in all)", dir, name, FILE_MAX >> 20, FILES_MAX >> 20);
		close(fd);
		return EXIT_IO;
	}
	if (!(data = malloc((size_t)st.st_size + 1))) {
		cli_error("out of memory reading '%s/%s'", dir, name);
		close(fd);
		return EXIT_IO;
	}
	while (got < (size_t)st.st_size) {
		ssize_t r = read(fd, data + got, (size_t)st.st_size - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			cli_error("cannot read '%s/%s': %s", dir, name,
			    r < 0 ? strerror(errno) : "it got shorter while being read");
			free(data);
			close(fd);
			return EXIT_IO;
		}
		got += (size_t)r;
	}
	close(fd);
	ef->name = name;
	ef->data = data;
	ef->len = got;
	f->total += got;
	f->n++;
	return EXIT_OK;
}

/* Every attached file found in dir, each name once. */
static int
read_files(const struct record *r, const char *dir, struct files *f)
{
	const struct record_field *a = NULL;
	size_t cap = record_count(r, "attachment");
	int dfd, status = EXIT_OK;

	memset(f, 0, sizeof *f);
	if (!dir || cap == 0)
		return EXIT_OK;
	if (!(f->v = calloc(cap, sizeof *f->v))) {
		cli_error("out of memory");
		return EXIT_IO;
	}
	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY)) < 0) {
		cli_error("cannot open folder '%s': %s", dir, strerror(errno));
		return EXIT_IO;
	}
	while (status == EXIT_OK && (a = record_find(r, "attachment", a)) != NULL) {
		struct record_attachment at;
		size_t i;

		if (record_attachment_parse(a->value, &at, NULL) != 0)
			continue;	/* the core refuses the record */
		for (i = 0; i < f->n; i++)
			if (strcmp(f->v[i].name, at.name) == 0)
				break;
		if (i == f->n)
			status = read_one(dfd, dir, at.name, f);
	}
	close(dfd);
	return status;
}

int
export_evidence_run(struct cli *c, const char *arg, const char *text, size_t len,
    const struct record *r, const char *lang_opt, const char *files_dir, struct buf *out)
{
	struct cli_words words;
	struct ident_tables idt;
	struct export_src bill;
	struct evidence_src src;
	struct files files;
	struct error e;
	struct kb kb;
	char langbuf[8];
	const char *lang;
	int status, named;

	lang = cli_lang(lang_opt, langbuf, &named);
	if (cli_load_words(c, lang, named, &words) != 0)
		return EXIT_IO;
	if (cli_load_kb(c, &kb) != 0) {
		cli_words_release(&words);
		return EXIT_IO;
	}
	if (cli_load_idents(c, &idt) != 0) {
		kb_release(&kb);
		cli_words_release(&words);
		return EXIT_IO;
	}
	if ((status = read_files(r, files_dir, &files)) == EXIT_OK) {
		bill.rec = r;
		bill.words = cli_words_of(&words);
		bill.kb = &kb;
		bill.idt = &idt;
		memset(&src, 0, sizeof src);
		src.text = text;
		src.len = len;
		src.bill = &bill;
		src.files = files.v;
		src.nfiles = files.n;
		src.now = (int64_t)cli_now();
		if (export_evidence(&src, out, &e) != 0) {
			cli_error("cannot make the evidence pack of '%s': %s", arg, e.msg);
			status = out->err ? EXIT_IO : EXIT_FINDINGS;
		}
	}
	files_release(&files);
	ident_tables_release(&idt);
	kb_release(&kb);
	cli_words_release(&words);
	return status;
}
