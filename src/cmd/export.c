/* SPDX-License-Identifier: MIT */
/* export: "handover export": a record as a printable HTML bill of sale,
 * as plain text, or as JSON, on stdout or written atomically to a file. */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check/checklist.h"
#include "cli/cli.h"
#include "cli/load.h"
#include "cli/now.h"
#include "cmd/commands.h"
#include "cmd/export_run.h"
#include "export/export.h"
#include "kb/kb.h"
#include "cli/opt.h"
#include "record/record.h"
#include "cli/store.h"
#include "cli/fd.h"
#include "cli/file.h"

static const char help[] =
"usage: handover export (--html | --text | --json | --ics) [-o FILE] ID|FILE\n"
"       handover export --evidence [--with-files DIR] -o FILE ID|FILE\n"
"\n"
"Renders a saved check so the buyer can show it: to the seller at the\n"
"table, to a marketplace in a dispute, to the police.  ID names a record in\n"
"the records folder ('handover list' shows them); FILE is a record file\n"
"(a path with '/', or a name ending in .record); - reads standard input.\n"
"\n"
"  --html   one self-contained page (no fonts, scripts or images loaded\n"
"           from anywhere) that opens in any browser and prints on A4 or\n"
"           US Letter: the phone, its IMEIs and EID, the checks and their\n"
"           answers, the verdict and its reasons, the proof of purchase and\n"
"           the SHA-256 of attached files, the seller's declaration, lines\n"
"           for both signatures, names, date and place (none when the\n"
"           check failed: the page then says so), and the record's id\n"
"           and SHA-256, also as a QR code:\n"
"           handover-record ID imei=IMEI1[,IMEI2] sha256=HEX; then, for a\n"
"           record that grew, its re-checks after the sale\n"
"  --text   the same content as plain text, for pasting into a chat\n"
"  --json   the record as JSON, as 'handover show --json' prints it\n"
"  --ics    a calendar file (iCalendar, RFC 5545) with the two re-check\n"
"           reminders, 24 hours and 7 days after the check was sealed, each\n"
"           an event with an alarm: open it on the phone to add them to its\n"
"           calendar, with no account and no network\n"
"  --evidence  a pack for a dispute, one tar archive (POSIX ustar, which\n"
"           every tar reads) to hand a moderator, a bank or the police: the\n"
"           record byte for byte, the bill of sale (HTML), a timeline of the\n"
"           check and re-checks, the attached files' names, sizes and SHA-256,\n"
"           SHA256SUMS, and a README.txt that shows, command by command, how\n"
"           to check it all with sha256sum, head, tail and grep, without\n"
"           handover.  Needs -o FILE.\n"
"\n"
"A check that is still open can be exported; the page then says NOT\n"
"FINISHED.  A record changed after it was sealed is refused.\n"
"\n"
"options:\n"
"  --lang LL          the language of the page (default: HANDOVER_LANG,\n"
"                     then the locale); the record is the same in any\n"
"  -o, --output FILE  write to FILE (mode 0600, replaced atomically)\n"
"                     instead of standard output; FILE must be new or a\n"
"                     regular file, not a symbolic link, a device, the\n"
"                     record itself or any other record\n"
"  --with-files DIR   --evidence: put the attached files, found by name in\n"
"                     DIR, in the pack too; each must still match the SHA-256\n"
"                     and size in the record (a changed file is refused), and\n"
"                     symbolic links are never followed; a file not in DIR is\n"
"                     listed without its contents\n"
"  -h, --help         this text\n"
"\n"
"exit status: 0 written; 1 the record was altered, is unsealed or is not a\n"
"record, or an attached file does not match; 2 usage error; 3 the record\n"
"or a file cannot be found or read, or the output cannot be written\n";

enum { O_HTML, O_TEXT, O_JSON, O_OUTPUT, O_LANG, O_ICS, O_EVIDENCE, O_WITH_FILES };
static const struct opt_spec specs[] = {
	{ "lang", 0, 1, O_LANG },
	{ "html", 0, 0, O_HTML },
	{ "text", 0, 0, O_TEXT },
	{ "json", 0, 0, O_JSON },
	{ "ics", 0, 0, O_ICS },
	{ "evidence", 0, 0, O_EVIDENCE },
	{ "with-files", 0, 1, O_WITH_FILES },
	{ "output", 'o', 1, O_OUTPUT },
	{ "help", 'h', 0, OPT_HELP },
	{ NULL, 0, 0, 0 }
};

enum format { FMT_NONE, FMT_HTML, FMT_TEXT, FMT_JSON, FMT_ICS, FMT_EVIDENCE };

/* 1 when the operand names a file rather than an id (store_load's rule). */
static int
is_path(const char *arg)
{
	size_t n = strlen(arg), sl = sizeof STORE_SUFFIX - 1;

	return strchr(arg, '/') != NULL ||
	    (n > sl && strcmp(arg + n - sl, STORE_SUFFIX) == 0);
}

/* Reads the record named by arg into *text.  Returns EXIT_OK or an exit
 * status, the message printed. */
static int
read_record(const char *arg, char **text, size_t *len, struct stat *src)
{
	char path[STORE_PATH_MAX];
	struct error err;
	int flags = 0;

	if (strcmp(arg, "-") == 0) {
		if (cli_read_file(arg, RECORD_MAX_SIZE, text, len) == 0)
			return EXIT_OK;
		if (errno == EFBIG) {
			cli_error("standard input is not a record: larger than %u bytes",
			    RECORD_MAX_SIZE);
			return EXIT_FINDINGS;
		}
		cli_error("cannot read standard input: %s", strerror(errno));
		return EXIT_IO;
	}
	if (is_path(arg)) {
		if (strlen(arg) >= sizeof path) {
			cli_error("path too long: '%.64s...'", arg);
			return EXIT_IO;
		}
		strcpy(path, arg);
	} else {
		struct store s;
		if (store_default_dir(getenv("XDG_DATA_HOME"), getenv("HOME"), s.dir,
		    sizeof s.dir, &err) != 0 || store_path(&s, arg, path, sizeof path, &err) != 0) {
			cli_error("%s", err.msg);
			return EXIT_IO;
		}
		flags = FILE_NOFOLLOW;	/* a record in the folder is a file there */
	}
	if (file_read_all(path, flags, RECORD_MAX_SIZE, text, len, &err) == 0) {
		if (stat(path, src) != 0)
			memset(src, 0, sizeof *src);
		return EXIT_OK;
	}
	if (errno == ENOENT && !is_path(arg))
		cli_error("no saved check '%s': 'handover list' shows the saved checks", arg);
	else if (errno == EFBIG)
		cli_error("'%s' is not a record: larger than %u bytes", arg, RECORD_MAX_SIZE);
	else
		cli_error("%s", err.msg);
	return errno == EFBIG ? EXIT_FINDINGS : EXIT_IO;
}

/* Checks the seal and parses.  Returns EXIT_OK or an exit status. */
static int
open_record(const char *arg, const char *text, size_t len, struct record *r)
{
	struct record_sealed *seals;
	enum record_seal seal;
	struct error err;
	size_t n;

	/* record_check_seal says altered when it runs out of memory: that is
	 * no finding about the record, but exit 3 */
	if (record_seals(text, len, &seal, &seals, &n) != 0) {
		cli_error("out of memory reading '%s'", arg);
		return EXIT_IO;
	}
	free(seals);
	switch (seal) {
	case RECORD_ALTERED:
		cli_error("record '%s' was changed after it was sealed: "
		    "'handover verify' says more", arg);
		return EXIT_FINDINGS;
	case RECORD_UNSEALED:
		cli_error("record '%s' has no seal line 'sha256: ...' at the end "
		    "(unfinished, truncated or not made by handover): "
		    "'handover verify' says more", arg);
		return EXIT_FINDINGS;
	case RECORD_INTACT:
		break;
	}
	if (record_parse(text, len, r, &err) != 0) {
		if (error_is_nomem(&err)) {
			cli_error("out of memory reading '%s'", arg);
			return EXIT_IO;
		}
		cli_error("'%s' is not a handover record: line %ld: %s", arg, err.line, err.msg);
		return EXIT_FINDINGS;
	}
	if (strcmp(arg, "-") != 0 && !is_path(arg) &&
	    (!record_get(r, "id") || strcmp(record_get(r, "id"), arg) != 0)) {
		/* store_load's rule: a saved check's file is named by its id */
		cli_error("saved check '%s' says its id is '%s': it was renamed or edited by hand; "
		    "give its path to export it anyway", arg, record_get(r, "id") ?
		    record_get(r, "id") : "");
		return EXIT_FINDINGS;
	}
	return EXIT_OK;
}

/* Renders r as fmt into out (memory).  Returns EXIT_OK or an exit status. */
static int
render(struct cli *c, const char *arg, const struct record *r, enum format fmt,
    const char *lang_opt, struct buf *out)
{
	struct cli_words words;
	struct ident_tables idt;
	struct kb kb;
	struct export_src src;
	struct error e;
	char langbuf[8];
	const char *lang;
	int rc, named;

	if (fmt == FMT_JSON) {
		record_write_json(r, out);
		buf_putc(out, '\n');
		return EXIT_OK;
	}
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
	src.rec = r;
	src.words = cli_words_of(&words);
	src.kb = &kb;
	src.idt = &idt;
	rc = fmt == FMT_ICS ? export_ics(&src, (int64_t)cli_now(), out, &e) :
	    fmt == FMT_HTML ? export_html(&src, out, &e) : export_text(&src, out, &e);
	ident_tables_release(&idt);
	kb_release(&kb);
	cli_words_release(&words);
	if (rc != 0) {
		cli_error("cannot export '%s': %s", arg, e.msg);
		return out->err || error_is_nomem(&e) ? EXIT_IO : EXIT_FINDINGS;
	}
	return EXIT_OK;
}

/* What -o may replace: nothing (a new file), or a regular file that is
 * neither the record being exported (src) nor another record.  Never a
 * symbolic link (rename would replace the link, not write through it,
 * but the user meant what it points to), a device (it would become a
 * regular file: as root, /dev/null), a FIFO or a folder.  Returns EXIT_OK
 * or EXIT_IO (message printed). */
static int
check_output(const char *file, const struct stat *src)
{
	char head[16];
	struct stat st;
	int fd;

	if (lstat(file, &st) != 0) {
		if (errno == ENOENT)
			return EXIT_OK;
		cli_error("cannot write '%s': %s", file, strerror(errno));
		return EXIT_IO;
	}
	if (S_ISLNK(st.st_mode)) {
		cli_error("'%s' is a symbolic link: -o never writes through one; give the path "
		    "of a new or regular file", file);
		return EXIT_IO;
	}
	if (!S_ISREG(st.st_mode)) {
		cli_error("'%s' is %s: -o writes only a new or regular file (or - for standard "
		    "output)", file, file_kind(st.st_mode));
		return EXIT_IO;
	}
	if (src->st_ino && st.st_dev == src->st_dev && st.st_ino == src->st_ino) {
		cli_error("'%s' is the record being exported: write the export to another file",
		    file);
		return EXIT_IO;
	}
	if ((fd = file_open(file, FILE_NOFOLLOW, NULL, NULL)) >= 0) {
		ssize_t r = read(fd, head, sizeof head);
		close(fd);
		if (r == (ssize_t)sizeof head && memcmp(head, "handover-record ", 16) == 0) {
			cli_error("'%s' is a handover record: export never replaces one; write "
			    "the export to another file", file);
			return EXIT_IO;
		}
	}
	return EXIT_OK;
}

/* What is checked again just before the rename: a link or device put
 * at the output meanwhile. */
struct output {
	const char *file;
	const struct stat *src;
};

static int
still_ok(void *ctx)
{
	const struct output *o = ctx;

	return check_output(o->file, o->src) != EXIT_OK;
}

/* Writes n bytes to FILE atomically (file_write_atomic), mode 0600.
 * Returns EXIT_OK or EXIT_IO (message printed). */
static int
write_atomic(const char *file, const char *data, size_t n, const struct stat *src)
{
	struct output o = {file, src};
	const char *step;
	int k;

	if ((k = check_output(file, src)) != EXIT_OK)
		return k;
	if (file_write_atomic(file, data, n, still_ok, &o, &step) != 0) {
		if (strcmp(step, "check") != 0)	/* check_output said why */
			cli_error("cannot write '%s': %s", file, strerror(errno ? errno : EIO));
		return EXIT_IO;
	}
	return EXIT_OK;
}

static int
run(struct cli *c, int argc, char **argv)
{
	enum format fmt = FMT_NONE;
	const char *output = NULL, *files_dir = NULL, *arg, *lang = NULL;
	struct record r;
	struct stat src;
	struct buf out;
	struct opt o;
	char *text = NULL;
	size_t len;
	int k, status, nfmt = 0;

	if (opt_init(&o, argc, argv) != 0) {
		cli_error("out of memory");
		return EXIT_IO;
	}
	while ((k = opt_next(&o, specs)) != OPT_END) {
		switch (k) {
		case O_HTML: fmt = FMT_HTML; nfmt++; break;
		case O_TEXT: fmt = FMT_TEXT; nfmt++; break;
		case O_JSON: fmt = FMT_JSON; nfmt++; break;
		case O_ICS: fmt = FMT_ICS; nfmt++; break;
		case O_EVIDENCE: fmt = FMT_EVIDENCE; nfmt++; break;
		case O_WITH_FILES: files_dir = o.arg; break;
		case O_OUTPUT: output = o.arg; break;
		case O_LANG: lang = o.arg; break;
		case OPT_HELP: opt_release(&o); return cli_help(&command_export);
		default:
			status = cli_usage("export", "%s", o.errmsg);
			opt_release(&o);
			return status;
		}
	}
	if (nfmt != 1)
		status = cli_usage("export", nfmt ? "choose one of --html, --text, --json, --ics "
		    "and --evidence" : "say which format: --html, --text, --json, --ics or --evidence");
	else if (o.noperands == 0)
		status = cli_usage("export", "no record ID or FILE given");
	else if (o.noperands > 1)
		status = cli_usage("export", "one record at a time: unexpected '%s'", o.operands[1]);
	else if (output && !*output)
		status = cli_usage("export", "-o needs a file name");
	else if (files_dir && fmt != FMT_EVIDENCE)
		status = cli_usage("export", "--with-files goes with --evidence");
	else if (fmt == FMT_EVIDENCE && !output)
		status = cli_usage("export", "--evidence writes an archive: name it with -o FILE");
	else if (fmt == FMT_EVIDENCE && strcmp(output, "-") == 0 && isatty(STDOUT_FILENO))
		status = cli_usage("export", "will not write an archive to a terminal: -o FILE");
	else
		status = EXIT_OK;
	if (status != EXIT_OK) {
		opt_release(&o);
		return status;
	}
	arg = o.operands[0];
	memset(&src, 0, sizeof src);
	if ((status = read_record(arg, &text, &len, &src)) != EXIT_OK) {
		opt_release(&o);
		return status;
	}
	record_init(&r);
	buf_init_mem(&out);
	status = open_record(arg, text, len, &r);
	if (status == EXIT_OK && fmt == FMT_EVIDENCE)
		status = export_evidence_run(c, arg, text, len, &r, lang, files_dir, &out);
	else if (status == EXIT_OK)
		status = render(c, arg, &r, fmt, lang, &out);
	free(text);
	if (status == EXIT_OK && out.err) {
		cli_error("out of memory");
		status = EXIT_IO;
	}
	if (status == EXIT_OK && output && strcmp(output, "-") != 0) {
		status = write_atomic(output, buf_str(&out), out.len, &src);
	} else if (status == EXIT_OK) {
		struct buf so;
		fd_buf_init(&so, STDOUT_FILENO);
		buf_put(&so, buf_str(&out), out.len);
		status = cli_finish_output(&so, EXIT_OK);
		buf_release(&so);
	}
	buf_release(&out);
	record_release(&r);
	opt_release(&o);
	return status;
}

const struct command command_export = {
	"export",
	run,
	"export (--html | --text | --json | --ics | --evidence) [-o FILE] ID|FILE",
	"a record as a bill of sale, JSON, re-check reminders or an evidence pack",
	help
};
