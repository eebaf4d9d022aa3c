/* SPDX-License-Identifier: MIT */
/* test_session: the session core every front end drives: answers and
 * command words, the invalid IMEI typed twice, STOP said as soon as it is
 * known, back with every earlier answer kept, skip, status that never says
 * GO, attachments, answers files (older step ids, newer steps left out),
 * and the record it makes read back by the one reader. */
#include <stdlib.h>
#include <string.h>

#include "check/recheck.h"
#include "check/saved.h"
#include "check/session.h"
#include "harness.h"
#include "testdata.h"

static struct ident_tables T;
static struct kb KB;
static struct words EN;
static struct session_env ENV;
static const unsigned char RND[6] = {1, 2, 3, 4, 5, 6};

/* Files "a.jpg" and "b.jpg" hash to fixed values; anything else fails. */
static int
fake_hash(void *ctx, const char *path, char hex[65], uint64_t *size, const char **name,
    struct error *e)
{
	(void)ctx;
	if (strcmp(path, "a.jpg") != 0 && strcmp(path, "b.jpg") != 0)
		return error_set(e, 0, 0, "No such file or directory");
	memset(hex, path[0], 64);
	hex[64] = '\0';
	*size = 1000;
	*name = path;
	return 0;
}

static void
start(struct session *s)
{
	session_start(s, &ENV, "2026-11-27-TEST00", "2026-11-27T10:00:00+05:30", "2026-11-27",
	    RND);
}

/* Types line; returns the outcome, and the messages joined by '|'. */
static enum session_outcome
type(struct session *s, const char *line, char *said, size_t cap)
{
	struct session_reply r;
	enum session_outcome o;
	size_t k;

	session_reply_init(&r);
	session_answer(s, line, &r);
	said[0] = '\0';
	for (k = 0; k < r.nsays; k++) {
		strncat(said, session_say_text(&r, k), cap - strlen(said) - 2);
		strcat(said, "|");
	}
	o = r.outcome;
	session_reply_release(&r);
	return o;
}

/* Answers every step with the given lines in order. */
static void
feed(struct session *s, const char *const *lines)
{
	char said[4096];

	for (; *lines; lines++)
		if (type(s, *lines, said, sizeof said) != SESSION_NEXT)
			printf("  '%s' at %s: %s\n", *lines,
			    session_current(s) >= 0 ? cl_steps[session_current(s)].id : "end", said);
}

static const char *const start_lines[] = {
	"India", "Redmi", "Note 12", "11000 INR", "1", "1", NULL
};

static void
test_answers_and_commands(void)
{
	struct session s;
	char said[4096];

	start(&s);
	CHECK_INT(session_current(&s), STEP_LISTING_COUNTRY);
	feed(&s, start_lines);
	CHECK_STR(cl_get(&s.cl, STEP_LISTING_COUNTRY), "IN");
	CHECK_STR(cl_get(&s.cl, STEP_LISTING_MODE), "in-person");
	CHECK_INT(session_current(&s), STEP_IDENTITY_IMEI1);
	/* a valid IMEI is confirmed */
	CHECK_INT(type(&s, "35 417803 685978 9", said, sizeof said), SESSION_NEXT);
	CHECK(strstr(said, "354178036859789 is valid") != NULL);
	/* help, status and a wrong answer ask again */
	CHECK_INT(type(&s, "?", said, sizeof said), SESSION_AGAIN);
	CHECK(strstr(said, "Dual-SIM phones have two IMEIs") != NULL);
	CHECK_INT(type(&s, "maybe", said, sizeof said), SESSION_AGAIN);
	CHECK(strstr(said, "1 Yes, two IMEIs") != NULL);
	CHECK_INT(type(&s, "status", said, sizeof said), SESSION_AGAIN);
	CHECK(strstr(said, "GO") == NULL);
	CHECK(strstr(said, "not a verdict yet") != NULL);
	CHECK(strstr(said, "Second IMEI") != NULL);	/* labels, not ids */
	CHECK(strstr(said, "identity.dual_sim") == NULL);
	/* back, then Enter keeps the earlier answer */
	CHECK_INT(type(&s, "back", said, sizeof said), SESSION_AGAIN);
	CHECK_INT(session_current(&s), STEP_IDENTITY_IMEI1);
	{
		struct buf d;
		buf_init_mem(&d);
		session_default(&s, &d);
		CHECK_STR(buf_str(&d), "354178036859789");
		buf_release(&d);
	}
	CHECK_INT(type(&s, "", said, sizeof said), SESSION_NEXT);
	CHECK_STR(cl_get(&s.cl, STEP_IDENTITY_IMEI1), "354178036859789");
	/* back twice keeps both answers */
	type(&s, "2", said, sizeof said);
	type(&s, "back", said, sizeof said);
	type(&s, "back", said, sizeof said);
	CHECK_INT(session_current(&s), STEP_IDENTITY_IMEI1);
	type(&s, "", said, sizeof said);
	CHECK_INT(session_current(&s), STEP_IDENTITY_DUAL_SIM);
	type(&s, "", said, sizeof said);
	CHECK_STR(cl_get(&s.cl, STEP_IDENTITY_DUAL_SIM), "no");
	/* skip */
	CHECK_INT(type(&s, "skip", said, sizeof said), SESSION_NEXT);
	CHECK_INT(s.cl.state[STEP_IDENTITY_EID], CL_SKIPPED);
	CHECK_INT(type(&s, "quit", said, sizeof said), SESSION_QUIT);
	/* back at the first question */
	start(&s);
	CHECK_INT(type(&s, "back", said, sizeof said), SESSION_AGAIN);
	CHECK(strstr(said, "first question") != NULL);
}

static void
test_invalid_imei_and_stop(void)
{
	struct session s;
	char said[4096];

	start(&s);
	feed(&s, start_lines);
	CHECK_INT(type(&s, "354178036859788", said, sizeof said), SESSION_AGAIN);
	CHECK(strstr(said, "type it again") != NULL);
	CHECK_INT(type(&s, "354178036859788", said, sizeof said), SESSION_NEXT);
	CHECK(strstr(said, "not valid") != NULL);
	CHECK(strstr(said, "Do not buy it") != NULL);	/* the STOP, at once */
	CHECK(strstr(said, "[invalid_imei]") == NULL);	/* words, not codes */
	/* said once only */
	CHECK_INT(type(&s, "2", said, sizeof said), SESSION_NEXT);
	CHECK(strstr(said, "Do not buy it") == NULL);
	/* *#06# showing nothing stops at once too */
	start(&s);
	feed(&s, start_lines);
	type(&s, "back", said, sizeof said);
	CHECK_INT(type(&s, "it showed nothing", said, sizeof said), SESSION_NEXT);
	CHECK(strstr(said, "IMEI was erased") != NULL);
	CHECK_INT(session_current(&s), STEP_FINANCE_DISCLOSED);
}

static void
test_files(void)
{
	struct session s;
	char said[4096];
	int i;

	start(&s);
	for (i = 0; i < STEP_PROOF_FILES; i++)
		cl_skip(&s.cl, (enum cl_id)i);
	CHECK_INT(session_current(&s), STEP_PROOF_FILES);
	CHECK_INT(type(&s, "\"a.jpg\"", said, sizeof said), SESSION_AGAIN);
	CHECK(strstr(said, "Attached a.jpg") != NULL);
	CHECK_INT(type(&s, "a.jpg", said, sizeof said), SESSION_AGAIN);
	CHECK(strstr(said, "attached already") != NULL);
	CHECK_INT(type(&s, "nope.jpg", said, sizeof said), SESSION_AGAIN);
	CHECK(strstr(said, "Cannot attach") != NULL);
	CHECK_INT(s.cl.nfiles, 1);
	CHECK_INT(type(&s, "done", said, sizeof said), SESSION_NEXT);
	CHECK_STR(cl_get(&s.cl, STEP_PROOF_FILES), "1");
	/* back keeps the attachments, and Enter keeps them */
	type(&s, "back", said, sizeof said);
	CHECK_INT(session_current(&s), STEP_PROOF_FILES);
	CHECK_INT(s.cl.nfiles, 1);
	CHECK_INT(type(&s, "", said, sizeof said), SESSION_NEXT);
	CHECK_INT(s.cl.nfiles, 1);
	/* skip at the photos says why it does not matter for the verdict */
	start(&s);
	for (i = 0; i < STEP_PROOF_FILES; i++)
		cl_skip(&s.cl, (enum cl_id)i);
	CHECK_INT(type(&s, "skip", said, sizeof said), SESSION_NEXT);
	CHECK(strstr(said, "do not change the verdict") != NULL);
}

static void
test_remote(void)
{
	struct session s;
	struct buf q;
	char said[4096];
	static const char *const lines[] = {"KE", "Samsung", "A52", "30000 KES", "remote", NULL};

	start(&s);
	feed(&s, lines);
	CHECK_INT(strlen(s.cl.challenge), 6);
	buf_init_mem(&q);
	session_question(&s, &q);
	CHECK(strstr(buf_str(&q), s.cl.challenge) != NULL);
	buf_release(&q);
	type(&s, "yes", said, sizeof said);
	CHECK_INT(session_current(&s), STEP_LISTING_PAYMENT);
	type(&s, "on delivery", said, sizeof said);
	/* a check that needs the phone in hand says so */
	while (session_current(&s) >= 0 && !(cl_steps[session_current(&s)].flags & CL_IN_HAND))
		cl_skip(&s.cl, (enum cl_id)session_current(&s));
	buf_init_mem(&q);
	session_question(&s, &q);
	CHECK(strncmp(buf_str(&q), "When the phone arrives", 22) == 0);
	buf_release(&q);
}

static const char old_file[] =
    "# written for handover 0.1\n"
    "listing.country = IN\nlisting.brand = Redmi\nlisting.model = Note 12\n"
    "listing.price = 11000 INR\nlisting.mode = in-person\nidentity.dial = yes\n"
    "identity.imei1 = 354178036859789\nidentity.dual_sim = no\nidentity.eid = none\n"
    "identity.settings_match = yes\nidentity.box_match = yes\nidentity.tray_match = yes\n"
    "registry.result = clean\nregistry.reference = ok\nfinance.disclosed = never\n"
    "finance.apps = no\nfinance.notice = no\nfinance.reminders = no\n"
    "accounts.removed = yes\naccounts.reset = yes\naccounts.setup_clean = yes\n"
    "accounts.recheck = no\nproof.kind = invoice\nproof.issuer = Shop\n"
    "proof.date = 2025-06-14\nproof.amount = 17999 INR\nproof.payment = full\n"
    "proof.imei_match = yes\nproof.files = a.jpg\nproof.files = b.jpg\nproof.files = done\n"
    "seller.name = Asha Rao\nseller.contact = 900\nseller.id_last4 = 7K2Q\n"
    "seller.declaration = yes\n";

static void
test_answers_file(void)
{
	struct session s;
	struct session_reply r;
	struct cl_reason reasons[CL_MAX_REASONS];
	size_t n;

	start(&s);
	session_reply_init(&r);
	CHECK_INT(session_answers_file(&s, old_file, sizeof old_file - 1, &r), 0);
	session_reply_release(&r);
	/* done, GO: the newer registry.reply passed over, the old setup id read */
	CHECK_INT(session_current(&s), -1);
	CHECK_INT(session_verdict(&s, reasons, &n), CL_GO);
	CHECK_INT(n, 0);
	CHECK_STR(cl_get(&s.cl, STEP_ACCOUNTS_SETUP_LOCK), "no");
	CHECK(!cl_is_asked(&s.cl, STEP_REGISTRY_REPLY));
	CHECK_INT(s.cl.nfiles, 2);
	/* a bad answer names its line */
	start(&s);
	session_reply_init(&r);
	{
		static const char bad[] = "listing.country = IN\nlisting.brand = X\n"
		    "listing.model = Y\nlisting.price = 1\nlisting.mode = maybe\n";
		CHECK_INT(session_answers_file(&s, bad, sizeof bad - 1, &r), -1);
	}
	CHECK_INT(r.outcome, SESSION_BAD);
	CHECK(strstr(session_say_text(&r, r.nsays - 1), "line 5: listing.mode:") != NULL);
	session_reply_release(&r);
	/* an unknown step */
	start(&s);
	session_reply_init(&r);
	CHECK_INT(session_answers_file(&s, "listing.colour = red\n", 21, &r), -1);
	CHECK(strstr(session_say_text(&r, 0), "no step 'listing.colour'") != NULL);
	session_reply_release(&r);
}

/* What the session wrote, the reader reads back the same; a record that
 * says what handover never writes is refused or marked. */
static void
test_record_roundtrip(void)
{
	static struct session s;
	static struct saved_check sc;
	struct session_reply r;
	struct record rec, back;
	struct buf text;
	struct error e;
	size_t i;

	start(&s);
	session_reply_init(&r);
	session_answers_file(&s, old_file, sizeof old_file - 1, &r);
	session_reply_release(&r);
	CHECK_INT(session_record(&s, 1, "2026-11-27T10:05:00+05:30", &rec), 0);
	buf_init_mem(&text);
	CHECK_INT(record_serialize(&rec, &text), 0);
	CHECK_INT(record_parse(buf_str(&text), text.len, &back, &e), 0);
	CHECK_INT(saved_check_read(&sc, &back, &KB, &T, &EN, &e), 0);
	CHECK_STR(sc.meta.id, "2026-11-27-TEST00");
	CHECK_STR(sc.verdict, "GO");
	CHECK(sc.meta.sealed);
	CHECK(sc.follows);
	for (i = 0; i < CL_NSTEPS; i++)
		CHECK_INT(sc.cl.state[i] == CL_ANSWERED, s.cl.state[i] == CL_ANSWERED);
	/* a forged verdict: the answers say STOP, the record says GO */
	record_set(&back, "finance.notice", "yes");
	CHECK_INT(saved_check_read(&sc, &back, &KB, &T, &EN, &e), 0);
	CHECK(!sc.follows);
	CHECK_INT(sc.level, CL_STOP);
	/* a whole ID number, a key twice, an answer never accepted */
	record_set(&back, "finance.notice", "no");
	record_set(&back, "seller.id_last4", "123456789012");
	CHECK_INT(saved_check_read(&sc, &back, &KB, &T, &EN, &e), -1);
	record_set(&back, "seller.id_last4", "7K2Q");
	record_add(&back, "listing.brand", "Other");
	CHECK_INT(saved_check_read(&sc, &back, &KB, &T, &EN, &e), -1);
	CHECK(strstr(e.msg, "a second time") != NULL);
	record_remove(&back, "listing.brand");
	record_add(&back, "listing.brand", "Redmi");
	record_set(&back, "finance.apps", "perhaps");
	CHECK_INT(saved_check_read(&sc, &back, &KB, &T, &EN, &e), -1);
	CHECK(strstr(e.msg, "finance.apps") != NULL);
	record_release(&back);
	buf_release(&text);
	/* resuming: an open check goes on, a sealed one is refused */
	CHECK_INT(saved_check_read(&sc, &rec, &KB, &T, &EN, &e), 0);
	CHECK_INT(session_resume(&s, &ENV, &sc, "2026-11-28", RND, &e), -1);
	record_set(&rec, "state", "open");
	CHECK_INT(saved_check_read(&sc, &rec, &KB, &T, &EN, &e), 0);
	CHECK_INT(session_resume(&s, &ENV, &sc, "2026-11-28", RND, &e), 0);
	/* the newer step the answers file left out is still not asked */
	CHECK_STR(record_get(&rec, "passed"), "registry.reply");
	CHECK_INT(session_current(&s), -1);
	record_release(&rec);
}

/* A re-check of the sealed check: only the re-check's steps, in the
 * same session; its block appended keeps the check's seal; an unfinished
 * block goes on; a check not sealed is refused. */
static void
test_recheck(void)
{
	static struct session s;
	static struct saved_check sc;
	struct session_reply r;
	struct record rec, blk, grown;
	struct buf text, out;
	struct error e;
	struct cl_reason reasons[CL_MAX_REASONS];
	size_t n;
	char said[4096];

	start(&s);
	session_reply_init(&r);
	session_answers_file(&s, old_file, sizeof old_file - 1, &r);
	session_reply_release(&r);
	CHECK_INT(session_record(&s, 1, "2026-11-27T10:05:00+05:30", &rec), 0);
	buf_init_mem(&text);
	CHECK_INT(record_serialize(&rec, &text), 0);
	record_release(&rec);
	CHECK_INT(record_parse(buf_str(&text), text.len, &rec, &e), 0);
	CHECK_INT(saved_check_read(&sc, &rec, &KB, &T, &EN, &e), 0);
	/* day 1 (a day and an hour later): a Redmi in India, no Knox */
	CHECK_INT(session_recheck(&s, &ENV, &sc, &rec, "2026-11-28T11:05:00+05:30", &e), 0);
	CHECK_INT(s.cl.recheck_day, 1);
	CHECK(!session_recheck_resumed(&s));
	CHECK_INT(session_current(&s), STEP_RECHECK_APPS);
	CHECK_STR(session_section(&s), "recheck");
	CHECK_INT(type(&s, "?", said, sizeof said), SESSION_AGAIN);
	CHECK(strstr(said, "Lender locks install") != NULL);
	CHECK_INT(type(&s, "perhaps", said, sizeof said), SESSION_AGAIN);
	CHECK_INT(type(&s, "2", said, sizeof said), SESSION_NEXT);
	CHECK_STR(cl_get(&s.cl, STEP_RECHECK_APPS), "no");
	/* a notice: STOP said at once, with what to do */
	CHECK_INT(type(&s, "yes", said, sizeof said), SESSION_NEXT);
	CHECK(strstr(said, "Contact the seller and the marketplace now") != NULL);
	CHECK_INT(session_current(&s), STEP_RECHECK_NOTICE_TEXT);
	/* quit: the open block keeps what was answered */
	CHECK_INT(type(&s, "quit", said, sizeof said), SESSION_QUIT);
	CHECK_INT(session_recheck_block(&s, 0, &blk, &e), 0);
	buf_init_mem(&out);
	CHECK_INT(record_append_block(buf_str(&text), text.len, &blk, RECORD_REPLACE_OPEN, &out,
	    &e), 0);
	record_release(&blk);
	CHECK(out.len > text.len && memcmp(out.mem, buf_str(&text), text.len) == 0);
	{
		char hex[SHA256_HEX_SIZE];
		CHECK_INT(record_check_seal(buf_str(&out), out.len, hex), RECORD_INTACT);
	}
	CHECK_INT(record_parse(buf_str(&out), out.len, &grown, &e), 0);
	CHECK_INT(grown.nblocks, 1);
	CHECK_STR(record_get(&grown, "recheck.state"), "open");
	/* the same check read from the grown record: its answers, not the block's */
	CHECK_INT(saved_check_read(&sc, &grown, &KB, &T, &EN, &e), 0);
	CHECK_STR(sc.verdict, "GO");
	/* go on, later: the same time, the answers kept */
	CHECK_INT(session_recheck(&s, &ENV, &sc, &grown, "2026-11-28T12:00:00+05:30", &e), 0);
	CHECK(session_recheck_resumed(&s));
	CHECK_STR(s.began, "2026-11-28T11:05:00+05:30");
	CHECK_STR(cl_get(&s.cl, STEP_RECHECK_NOTICE), "yes");
	CHECK_INT(session_current(&s), STEP_RECHECK_NOTICE_TEXT);
	/* the STOP told before is not told again */
	CHECK_INT(type(&s, "Device provided by PayJoy", said, sizeof said), SESSION_NEXT);
	CHECK(strstr(said, "Contact the seller") == NULL);
	CHECK_INT(type(&s, "clean", said, sizeof said), SESSION_NEXT);
	CHECK_INT(type(&s, "CEIR ok", said, sizeof said), SESSION_NEXT);
	CHECK_INT(type(&s, "yes", said, sizeof said), SESSION_NEXT);
	CHECK_INT(session_current(&s), -1);
	CHECK_INT(session_verdict(&s, reasons, &n), CL_STOP);
	CHECK_INT(n, 1);
	CHECK_STR(reasons[0].code, "recheck_notice");
	CHECK_STR(reasons[0].detail, "Device provided by PayJoy");
	CHECK_INT(session_recheck_block(&s, 1, &blk, &e), 0);
	CHECK_STR(record_get(&blk, "recheck.verdict"), "STOP");
	CHECK_STR(record_get(&blk, "recheck.reason"), "STOP recheck_notice Device provided by PayJoy");
	CHECK(record_get(&blk, "recheck.knox") == NULL);
	record_release(&blk);
	record_release(&grown);
	buf_release(&out);
	/* less than a day after the sale: allowed, and CAUTION says so */
	CHECK_INT(session_recheck(&s, &ENV, &sc, &rec, "2026-11-27T18:00:00+05:30", &e), 0);
	CHECK_INT(s.cl.recheck_day, 0);
	CHECK_INT(session_verdict(&s, reasons, &n), CL_CAUTION);
	CHECK_STR(reasons[0].code, "recheck_too_early");
	/* a check not sealed is refused */
	sc.meta.sealed = 0;
	CHECK_INT(session_recheck(&s, &ENV, &sc, &rec, "2026-11-28T11:05:00+05:30", &e), -1);
	CHECK(strstr(e.msg, "not finished") != NULL);
	record_release(&rec);
	buf_release(&text);
}

int
main(void)
{
	testdata_load(&KB, &T, &EN);
	ENV.kb = &KB;
	ENV.idt = &T;
	ENV.words = &EN;
	ENV.hash_file = fake_hash;
	RUN(test_answers_and_commands);
	RUN(test_invalid_imei_and_stop);
	RUN(test_files);
	RUN(test_remote);
	RUN(test_answers_file);
	RUN(test_record_roundtrip);
	RUN(test_recheck);
	words_release(&EN);
	kb_release(&KB);
	ident_tables_release(&T);
	return h_done();
}
