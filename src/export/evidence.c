/* SPDX-License-Identifier: MIT */
/* evidence: the pack a buyer gives a moderator, a bank or the police in a
 * dispute: one ustar archive holding the record byte for byte, the bill
 * of sale as HTML, a timeline, the attached files' names, sizes and
 * hashes (and the files, when the buyer includes them and each still
 * matches), a SHA256SUMS file, and a README that says, command by
 * command with what each must print, how to check it all with sha256sum,
 * head, tail and grep, without handover.  Pure: the caller reads the
 * files and writes the archive. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/recheck.h"
#include "export/export.h"
#include "lib/tar.h"
#include "record/stamp.h"

#define FILE_MODE 0644
#define MAX_PACKED 64		/* attachments in one pack */

/* One file of the pack, in the order it is archived. */
struct member {
	char name[TAR_NAME_MAX + 1];	/* inside the folder */
	const char *data;
	size_t len;
	char sha[SHA256_HEX_SIZE];
};

struct pack {
	const struct evidence_src *src;
	const struct record *r;
	char id[65];		/* safe for a file name and a shell word */
	char folder[TAR_NAME_MAX + 1];
	char recname[TAR_NAME_MAX + 1];
	struct record_sealed *seals;
	size_t nseals;
	/* the attachments, and where each is in the pack ("" when it is not) */
	struct record_attachment att[MAX_PACKED];
	char packed[MAX_PACKED][TAR_NAME_MAX + 1];
	const struct evidence_file *file[MAX_PACKED];
	size_t natt;
	struct buf html, timeline, attachments, sums, readme;
};

/* 1 when s is a record id: 1-64 of [0-9A-Za-z._-], not starting with '.'. */
static int
safe_word(const char *s)
{
	size_t i;

	if (!s || !*s || *s == '.')
		return 0;
	for (i = 0; s[i]; i++)
		if (i >= 64 || !((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= 'a' && s[i] <= 'z') || s[i] == '.' || s[i] == '_' || s[i] == '-'))
			return 0;
	return 1;
}

/* A value on one line, for the text files: control characters as spaces. */
static void
one_line(struct buf *b, const char *s)
{
	for (; *s; s++)
		buf_putc(b, (unsigned char)*s < 0x20 || *s == 0x7f ? ' ' : *s);
}

/* ------------------------------------------------------------ attachments */

/* The attachments of the record, and the given files matched to them. */
static int
match_files(struct pack *k, struct error *e)
{
	const struct evidence_src *s = k->src;
	const struct record_field *f = NULL;
	size_t i, j;

	while ((f = record_find(k->r, "attachment", f)) != NULL) {
		if (k->natt == MAX_PACKED)
			return error_set(e, 0, 0, "more than %d attached files", MAX_PACKED);
		if (record_attachment_parse(f->value, &k->att[k->natt], e) != 0)
			return error_set(e, 0, 0, "a malformed attachment line in the record");
		k->natt++;
	}
	for (j = 0; j < s->nfiles; j++) {
		const struct evidence_file *ef = &s->files[j];
		const struct record_attachment *named = NULL;
		char hex[SHA256_HEX_SIZE];

		sha256_hex_of(ef->data, ef->len, hex);
		for (i = 0; i < k->natt; i++) {
			if (strcmp(k->att[i].name, ef->name) != 0)
				continue;
			if (!named)
				named = &k->att[i];
			if (!k->file[i] && k->att[i].size == ef->len &&
			    strcmp(k->att[i].sha256, hex) == 0) {
				k->file[i] = ef;
				break;
			}
		}
		if (i < k->natt)
			continue;
		if (!named)
			return error_set(e, 0, 0, "'%s' is not attached to the record", ef->name);
		return error_set(e, 0, 0, "'%s' is not the file that was attached: it has "
		    "%zu bytes, sha256 %.16s..., the record says %llu bytes, sha256 %.16s...",
		    ef->name, ef->len, hex, (unsigned long long)named->size, named->sha256);
	}
	return 0;
}

static int
alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* The pack's names for the files included, plain ASCII so that every tar
 * and every shell takes them as they are: "files/<name>" with anything
 * but [A-Za-z0-9._-] as '_'; "files/file-<n>[.ext]" when that leaves no
 * letter or digit before the extension, is taken, starts with a dot or is
 * too long.  attachments.txt says which is which. */
static void
name_files(struct pack *k)
{
	size_t i, j, room = TAR_NAME_MAX - strlen(k->folder) - 1;

	for (i = 0; i < k->natt; i++) {
		char *p = k->packed[i], *dot;
		size_t n, letters = 0;

		if (!k->file[i])
			continue;
		n = (size_t)snprintf(p, sizeof k->packed[i], "files/%s", k->att[i].name);
		dot = strrchr(p + 6, '.');
		for (j = 6; j < n && j < sizeof k->packed[i] - 1; j++) {
			unsigned char c = (unsigned char)p[j];
			if (!alnum(c) && c != '.' && c != '_' && c != '-')
				p[j] = '_';
			else if (alnum(c) && (!dot || p + j < dot))
				letters++;
		}
		for (j = 0; j < i; j++)
			if (strcmp(k->packed[j], p) == 0)
				break;
		if (n > room || p[6] == '.' || j < i || letters == 0) {
			char ext[12] = "";
			size_t e = 0;
			if (dot && dot > p + 6 && strlen(dot) <= 9) {
				for (e = 1; dot[e] && alnum((unsigned char)dot[e]); e++)
					;
				if (dot[e] == '\0' && e > 1)
					memcpy(ext, dot, e + 1);
			}
			snprintf(p, sizeof k->packed[i], "files/file-%zu%s", i + 1, ext);
		}
	}
}

static void
write_attachments(struct pack *k)
{
	struct buf *b = &k->attachments;
	size_t i;

	BUF_LIT(b, "Files attached to handover record ");
	buf_puts(b, k->id);
	BUF_LIT(b, "\n\nThe record holds only each file's name, size and SHA-256 (its "
	    "'attachment:' lines).\nThe files themselves are in files/ only when the buyer "
	    "included them, and each was\nchecked against its SHA-256 before it was put in.\n");
	if (k->natt == 0)
		BUF_LIT(b, "\nNo files are attached to this record.\n");
	for (i = 0; i < k->natt; i++) {
		buf_putc(b, '\n');
		one_line(b, k->att[i].name);
		buf_printf(b, "\n  size:   %llu bytes\n  sha256: %s\n  in this pack: %s\n",
		    (unsigned long long)k->att[i].size, k->att[i].sha256,
		    k->file[i] ? k->packed[i] : "no (ask the buyer for it)");
	}
}

/* ------------------------------------------------------------------ README */

/* A command as the moderator types it, then what it must print. */
static void
cmd(struct buf *b, const char *fmt, const char *arg)
{
	BUF_LIT(b, "    $ ");
	buf_printf(b, fmt, arg);
	buf_putc(b, '\n');
}

static void
prints(struct buf *b, const char *p, size_t n)
{
	BUF_LIT(b, "    ");
	buf_put(b, p, n);
	buf_putc(b, '\n');
}

/* README.txt, part 1: what the pack is and what is in it. */
static void
readme_contents(struct pack *k, size_t nfiles)
{
	struct buf *b = &k->readme;
	const struct evidence_src *s = k->src;
	const char *rn = k->recname;
	char d[STAMP_DATE_SIZE] = "?";

	stamp_date(s->now, 0, d);
	buf_printf(b, "HOW TO CHECK THIS EVIDENCE, WITHOUT HANDOVER\n\n"
	    "This pack was made on %s (UTC) by handover %s, a tool a buyer of a used\n"
	    "phone runs before paying and in the week after. It holds the buyer's record of\n"
	    "handover check %s. You need no handover to check it: the commands\n"
	    "below are the standard sha256sum, head, tail and grep (GNU coreutils on Linux;\n"
	    "on macOS use 'shasum -a 256' for 'sha256sum').\n\n",
	    d, HANDOVER_VERSION, k->id);
	BUF_LIT(b, "WHAT IS IN IT\n\n");
	buf_printf(b, "  %s\n      the sealed record: every answer of the check at the sale, then\n"
	    "      every re-check after it, each with its own seal\n", rn);
	BUF_LIT(b, "  bill-of-sale.html\n      the same record as a page to read or print "
	    "(any browser, offline)\n"
	    "  timeline.txt\n      the check and the re-checks in time order, with their verdicts\n"
	    "  attachments.txt\n      the attached photos and documents: names, sizes, SHA-256\n");
	if (nfiles)
		BUF_LIT(b, "  files/\n      those files themselves\n");
	BUF_LIT(b, "  SHA256SUMS\n      the SHA-256 of every other file in this pack\n\n");

	buf_printf(b, "Unpack the archive (tar -xf FILE) and run every command below inside\n"
	    "the folder %s.\nEach must print exactly the lines under it.\n\n", k->folder);
}

/* Steps 1 and 2: the last seal, then every part's. */
static void
readme_seals(struct pack *k)
{
	struct buf *b = &k->readme;
	const char *text = k->src->text, *rn = k->recname;
	size_t i;

	BUF_LIT(b, "1. THE RECORD IS AS IT WAS SEALED\n\n"
	    "The record is a text file. Its last line is 'sha256: ' and the SHA-256 of every\n"
	    "byte above it. Any change to the file, even one character, changes that hash.\n\n");
	cmd(b, "tail -n 1 %s", rn);
	prints(b, text + k->seals[k->nseals - 1].seal, SHA256_HEX_SIZE + 7);
	buf_printf(b, "    $ head -n %ld %s | sha256sum\n", k->seals[k->nseals - 1].seal_line - 1, rn);
	buf_printf(b, "    %s  -\n\n", k->seals[k->nseals - 1].computed);

	BUF_LIT(b, "2. EVERY PART OF IT IS AS IT WAS SEALED\n\n"
	    "The record grows: the check at the sale is sealed, and each re-check after the\n"
	    "sale (on day 1 and day 7) is added below it with a seal of its own over every\n"
	    "line above it. The earlier seals stay in the file, so each part can be checked\n"
	    "on its own. The seal lines and their line numbers:\n\n");
	cmd(b, "grep -n '^sha256: ' %s", rn);
	for (i = 0; i < k->nseals; i++) {
		buf_printf(b, "    %ld:", k->seals[i].seal_line);
		buf_put(b, text + k->seals[i].seal, SHA256_HEX_SIZE + 7);
		buf_putc(b, '\n');
	}
	BUF_LIT(b, "\nFor a seal on line N, the first N - 1 lines must hash to it:\n\n");
	for (i = 0; i < k->nseals; i++) {
		buf_printf(b, "    $ head -n %ld %s | sha256sum\n", k->seals[i].seal_line - 1, rn);
		buf_printf(b, "    %s  -\n", k->seals[i].computed);
	}
	BUF_LIT(b, "\n");
	for (i = 0; i < k->nseals; i++) {
		buf_printf(b, "  lines %ld-%ld: ", k->seals[i].first_line, k->seals[i].seal_line);
		if (i == 0)
			BUF_LIT(b, "the check at the sale\n");
		else
			buf_printf(b, "re-check %zu\n", i);
	}
	BUF_LIT(b, "\nIf the buyer showed you the record or the bill of sale earlier, its SHA-256\n"
	    "is one of these seals.\n\n");
}

/* Step 3: the attached files, and those in the pack. */
static void
readme_files(struct pack *k, size_t nfiles)
{
	struct buf *b = &k->readme;
	const char *text = k->src->text, *rn = k->recname;
	size_t i;

	BUF_LIT(b, "3. THE ATTACHED FILES\n\n");
	if (k->natt == 0) {
		BUF_LIT(b, "No files are attached to this record.\n\n");
	} else {
		const char *p = text;
		BUF_LIT(b, "The record names each attached file with its SHA-256 and size:\n\n");
		cmd(b, "grep '^attachment: ' %s", rn);
		while ((p = strstr(p, "\nattachment: ")) != NULL) {
			const char *nl = strchr(p + 1, '\n');
			p++;
			if (!nl)
				break;
			prints(b, p, (size_t)(nl - p));
			p = nl;
		}
		buf_putc(b, '\n');
		if (nfiles) {
			BUF_LIT(b, "The files in files/ (attachments.txt says which is which) hash to "
			    "the same:\n\n    $ sha256sum");
			for (i = 0; i < k->natt; i++)
				if (k->file[i])
					buf_printf(b, " %s", k->packed[i]);
			buf_putc(b, '\n');
			for (i = 0; i < k->natt; i++)
				if (k->file[i])
					buf_printf(b, "    %s  %s\n", k->att[i].sha256, k->packed[i]);
			buf_putc(b, '\n');
		}
		if (nfiles < k->natt)
			BUF_LIT(b, "Files not in this pack can be asked of the buyer: 'sha256sum FILE' "
			    "must print the\nSHA-256 its attachment line gives.\n\n");
	}
}

/* Step 4 and what the seals prove. */
static void
readme_sums(struct pack *k, const struct member *m, size_t nm)
{
	struct buf *b = &k->readme;
	size_t i;

	BUF_LIT(b, "4. NOTHING IN THIS PACK WAS SWAPPED\n\n");
	cmd(b, "sha256sum -c %s", "SHA256SUMS");
	BUF_LIT(b, "    README.txt: OK\n");
	for (i = 0; i < nm; i++)
		buf_printf(b, "    %s: OK\n", m[i].name);

	BUF_LIT(b, "\nWHAT THIS PROVES, AND WHAT IT DOES NOT\n\n"
	    "- The seals prove that the record was not changed after each part was saved.\n"
	    "  They are not a signature: they do not prove who wrote it, or when. What proves\n"
	    "  when is a copy that left the buyer's hands at the time: a message, an e-mail,\n"
	    "  a printed bill of sale signed by both, whose SHA-256 is one of the seals above.\n"
	    "- The answers are what the buyer saw and typed. The record says which checks were\n"
	    "  done, not that the phone's screens said what the buyer typed; photos attached\n"
	    "  by their SHA-256 are the evidence of that.\n"
	    "- A re-check on day 1 or day 7 records what the buyer found after the sale: a\n"
	    "  lender's lock or notice that appeared only then is the kind of thing it is for.\n"
	    "- With handover installed, 'handover verify' does steps 1 to 3 at once.\n");
}

static void
write_readme(struct pack *k, const struct member *m, size_t nm)
{
	size_t i, nfiles = 0;

	for (i = 0; i < k->natt; i++)
		nfiles += k->file[i] != NULL;
	readme_contents(k, nfiles);
	readme_seals(k);
	readme_files(k, nfiles);
	readme_sums(k, m, nm);
}

/* ------------------------------------------------------------------ pack */

static void
pack_release(struct pack *k)
{
	free(k->seals);
	buf_release(&k->html);
	buf_release(&k->timeline);
	buf_release(&k->attachments);
	buf_release(&k->sums);
	buf_release(&k->readme);
}

static void
add_member(struct member *m, size_t *n, const char *name, const char *data, size_t len)
{
	snprintf(m[*n].name, sizeof m[*n].name, "%s", name);
	m[*n].data = data;
	m[*n].len = len;
	sha256_hex_of(data, len, m[*n].sha);
	(*n)++;
}

/* Archives folder/name. */
static int
add_file(struct buf *out, const struct pack *k, const char *name, const char *data,
    size_t len, struct error *e)
{
	char path[TAR_NAME_MAX + 1];
	size_t fl = strlen(k->folder), nl = strlen(name);

	if (fl + 1 + nl > TAR_NAME_MAX)
		return error_set(e, 0, 0, "'%s/%s' is too long a name for the archive",
		    k->folder, name);
	memcpy(path, k->folder, fl);
	path[fl] = '/';
	memcpy(path + fl + 1, name, nl + 1);
	return tar_add(out, path, data, len, FILE_MODE, k->src->now, e);
}

int
export_evidence(const struct evidence_src *s, struct buf *out, struct error *e)
{
	struct member m[MAX_PACKED + 8];
	enum record_seal verdict;
	struct pack k;
	size_t nm = 0, i;
	int rc = -1;

	memset(&k, 0, sizeof k);
	k.src = s;
	k.r = s->bill->rec;
	buf_init_mem(&k.html);
	buf_init_mem(&k.timeline);
	buf_init_mem(&k.attachments);
	buf_init_mem(&k.sums);
	buf_init_mem(&k.readme);
	if (record_seals(s->text, s->len, &verdict, &k.seals, &k.nseals) != 0) {
		error_set(e, 0, 0, "out of memory");
		goto out;
	}
	if (verdict != RECORD_INTACT) {
		error_set(e, 0, 0, verdict == RECORD_UNSEALED ?
		    "the record has no seal line at the end: not an evidence pack" :
		    "the record was changed after it was sealed: 'handover verify' says where");
		goto out;
	}
	snprintf(k.id, sizeof k.id, "%s",
	    safe_word(record_get(k.r, "id")) ? record_get(k.r, "id") : "record");
	if (strlen(k.id) <= 30)
		snprintf(k.folder, sizeof k.folder, "handover-evidence-%s", k.id);
	else
		snprintf(k.folder, sizeof k.folder, "handover-evidence");
	snprintf(k.recname, sizeof k.recname, "%s.record", k.id);
	if (match_files(&k, e) != 0)
		goto out;
	name_files(&k);
	if (export_html(s->bill, &k.html, e) != 0 ||
	    export_timeline(k.r, s->bill->words, s->now, &k.timeline, e) != 0)
		goto out;
	write_attachments(&k);

	add_member(m, &nm, k.recname, s->text, s->len);
	add_member(m, &nm, "bill-of-sale.html", k.html.mem, k.html.len);
	add_member(m, &nm, "timeline.txt", k.timeline.mem, k.timeline.len);
	add_member(m, &nm, "attachments.txt", k.attachments.mem, k.attachments.len);
	for (i = 0; i < k.natt; i++)
		if (k.file[i])
			add_member(m, &nm, k.packed[i], k.file[i]->data, k.file[i]->len);
	write_readme(&k, m, nm);
	/* README first in the archive and in SHA256SUMS */
	memmove(m + 1, m, nm * sizeof *m);
	nm++;
	snprintf(m[0].name, sizeof m[0].name, "README.txt");
	m[0].data = k.readme.mem;
	m[0].len = k.readme.len;
	sha256_hex_of(m[0].data, m[0].len, m[0].sha);
	for (i = 0; i < nm; i++)
		buf_printf(&k.sums, "%s  %s\n", m[i].sha, m[i].name);
	if (k.html.err || k.timeline.err || k.attachments.err || k.sums.err || k.readme.err) {
		error_set(e, 0, 0, "out of memory");
		goto out;
	}
	for (i = 0; i < nm; i++) {
		if (add_file(out, &k, m[i].name, m[i].data, m[i].len, e) != 0)
			goto out;
		/* SHA256SUMS second, after README.txt: both lead a listing */
		if (i == 0 && add_file(out, &k, "SHA256SUMS", k.sums.mem, k.sums.len, e) != 0)
			goto out;
	}
	if (tar_finish(out) != 0) {
		error_set(e, 0, 0, "out of memory");
		goto out;
	}
	rc = 0;
out:
	pack_release(&k);
	return rc;
}
