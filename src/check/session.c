/* SPDX-License-Identifier: MIT */
/* session: applying what the buyer types to the checklist, one step at a
 * time, and saying what follows: the answer confirmed or what to type,
 * a STOP as soon as it is known, help, status, the record. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/recheck.h"
#include "check/session.h"
#include "check/session_priv.h"
#include "record/stamp.h"

/* ================================================================ replies */

void
session_reply_init(struct session_reply *r)
{
	r->outcome = SESSION_NEXT;
	r->nsays = 0;
	buf_init_mem(&r->text);
	buf_init_null(&r->overflow);
}

void
session_reply_release(struct session_reply *r)
{
	buf_release(&r->text);
	r->nsays = 0;
}

const char *
session_say_text(const struct session_reply *r, size_t k)
{
	return k < r->nsays && r->text.mem ? r->text.mem + r->says[k].off : "";
}

/* Starts message kind; what is written to out->text next is its text,
 * until the next say or end_say. */
struct buf *
session_say(struct session_reply *out, enum say_kind kind)
{
	if (out->nsays == SESSION_MAX_SAYS)
		return &out->overflow;
	if (out->nsays > 0)
		buf_putc(&out->text, '\0');
	out->says[out->nsays].kind = kind;
	out->says[out->nsays].off = out->text.len;
	out->nsays++;
	return &out->text;
}

/* The words of key with fills, as message kind. */
void
session_say_words(const struct session *s, struct session_reply *out, enum say_kind kind,
    const char *key, const struct fill *fills)
{
	const char *t = words_get(s->cl.words, key);

	cl_render(&s->cl, t ? t : key, fills, session_say(out, kind));
}

/* ================================================================= start */

static void
init(struct session *s, const struct session_env *env, const char *today,
    const unsigned char rnd[6])
{
	memset(s, 0, sizeof *s);
	s->env = env;
	cl_init(&s->cl, env->kb, env->idt, env->words);
	snprintf(s->cl.today, sizeof s->cl.today, "%s", today ? today : "");
	memcpy(s->rnd, rnd, sizeof s->rnd);
}

void
session_start(struct session *s, const struct session_env *env, const char *id,
    const char *now, const char *today, const unsigned char rnd[6])
{
	init(s, env, today, rnd);
	snprintf(s->meta.id, sizeof s->meta.id, "%s", id);
	snprintf(s->meta.created, sizeof s->meta.created, "%s", now);
	snprintf(s->meta.updated, sizeof s->meta.updated, "%s", now);
}

int
session_resume(struct session *s, const struct session_env *env,
    const struct saved_check *sc, const char *today, const unsigned char rnd[6],
    struct error *e)
{
	struct cl_reason r[CL_MAX_REASONS];
	size_t n, i;

	if (sc->meta.sealed)
		return error_set(e, 0, 0, "the check '%s' is finished and sealed", sc->meta.id);
	init(s, env, today, rnd);
	s->meta = sc->meta;
	s->cl.nfiles = 0;
	memcpy(s->cl.state, sc->cl.state, sizeof s->cl.state);
	memcpy(s->cl.value, sc->cl.value, sizeof s->cl.value);
	memcpy(s->cl.files, sc->cl.files, sizeof s->cl.files);
	s->cl.nfiles = sc->cl.nfiles;
	memcpy(s->cl.challenge, sc->cl.challenge, sizeof s->cl.challenge);
	memcpy(s->cl.tac_brand, sc->cl.tac_brand, sizeof s->cl.tac_brand);
	memcpy(s->cl.tac_model, sc->cl.tac_model, sizeof s->cl.tac_model);
	/* the STOP reasons found before were told then */
	cl_verdict(&s->cl, r, CL_MAX_REASONS, &n);
	for (i = 0; i < n && r[i].level == CL_STOP && s->ntold < CL_MAX_REASONS; i++)
		snprintf(s->told[s->ntold++], sizeof s->told[0], "%s", r[i].code);
	return 0;
}

/* ============================================================== re-check */

int
session_recheck(struct session *s, const struct session_env *env,
    const struct saved_check *sc, const struct record *rec, const char *now,
    struct error *e)
{
	static const unsigned char no_rnd[6];
	struct recheck x;
	int64_t sale, at;
	int off;
	size_t i;

	if (!sc->meta.sealed)
		return error_set(e, 0, 0, "the check '%s' is not finished: a re-check is for a "
		    "sealed check", sc->meta.id);
	if (stamp_parse(sc->meta.updated, &sale, &off) != 0)
		return error_set(e, 0, 0, "the check '%s' has no time of sale that reads "
		    "('updated: %.40s')", sc->meta.id, sc->meta.updated);
	init(s, env, NULL, no_rnd);
	s->meta = sc->meta;
	s->cl = sc->cl;
	s->cl.kb = env->kb;
	s->cl.idt = env->idt;
	s->cl.words = env->words;
	s->cl.recheck = 1;
	for (i = CL_RECHECK_FIRST; i < CL_NSTEPS; i++) {
		s->cl.state[i] = CL_OPEN;
		s->cl.value[i][0] = '\0';
	}
	snprintf(s->began, sizeof s->began, "%s", now);
	/* an unfinished re-check, the last block: go on with it */
	if (rec->nblocks > 0 && recheck_read(rec, rec->nblocks - 1, &x, NULL) == 0 &&
	    !x.sealed) {
		snprintf(s->began, sizeof s->began, "%s", x.time);
		for (i = 0; i < recheck_nsteps; i++) {
			enum cl_id k = (enum cl_id)(CL_RECHECK_FIRST + i);
			char v[CL_VALUE_MAX];
			struct buf msg;
			int bad = 0;

			if (x.answer[i]) {
				/* only what handover would have taken */
				buf_init_null(&msg);
				bad = strlen(x.answer[i]) >= CL_VALUE_MAX ||
				    cl_validate(&s->cl, k, x.answer[i], v, &msg) < 0 ||
				    strcmp(v, x.answer[i]) != 0;
				buf_release(&msg);
				if (bad)
					return error_set(e, 0, 0, "the unfinished re-check's answer "
					    "to %s is not one handover takes", cl_steps[k].id);
				cl_answer(&s->cl, k, x.answer[i]);
			} else if (x.skipped[i]) {
				cl_skip(&s->cl, k);
			}
		}
		s->resumed = 1;
	}
	if (stamp_parse(s->began, &at, &off) != 0)
		return error_set(e, 0, 0, "the re-check's time '%.40s' does not read", s->began);
	s->cl.recheck_day = (long)((at - sale) / 86400 - ((at - sale) % 86400 < 0));
	if (s->resumed) {
		/* the STOP reasons found before were told then */
		struct cl_reason r[CL_MAX_REASONS];
		size_t n;
		cl_verdict(&s->cl, r, CL_MAX_REASONS, &n);
		for (i = 0; i < n && r[i].level == CL_STOP && s->ntold < CL_MAX_REASONS; i++)
			snprintf(s->told[s->ntold++], sizeof s->told[0], "%s", r[i].code);
	}
	return 0;
}

int
session_recheck_resumed(const struct session *s)
{
	return s->resumed;
}

int
session_recheck_block(const struct session *s, int seal, struct record *blk,
    struct error *e)
{
	struct recheck_input in;
	struct cl_reason r[CL_MAX_REASONS];
	char text[CL_MAX_REASONS][CL_VALUE_MAX];
	const char *reasons[CL_MAX_REASONS + 1];
	size_t i, n = 0;
	enum cl_level level = CL_GO;

	memset(&in, 0, sizeof in);
	in.time = s->began;
	in.version = HANDOVER_VERSION;
	in.sealed = seal;
	for (i = 0; i < recheck_nsteps; i++) {
		enum cl_id k = (enum cl_id)(CL_RECHECK_FIRST + i);
		in.answer[i] = cl_get(&s->cl, k);
		in.skipped[i] = cl_is_asked(&s->cl, k) && s->cl.state[k] == CL_SKIPPED;
	}
	if (seal) {
		level = cl_verdict(&s->cl, r, CL_MAX_REASONS, &n);
		for (i = 0; i < n; i++) {
			snprintf(text[i], sizeof text[i], "%s %s%s%s", cl_level_name(r[i].level),
			    r[i].code, r[i].detail[0] ? " " : "", r[i].detail);
			reasons[i] = text[i];
		}
		in.verdict = cl_level_name(level);
	}
	reasons[n] = NULL;
	in.reasons = reasons;
	return recheck_build(&in, blk, e);
}

int
session_current(const struct session *s)
{
	return cl_next_open(&s->cl, 0);
}

const char *
session_section(const struct session *s)
{
	int i = session_current(s);
	return i < 0 ? "" : cl_steps[i].section;
}

/* ============================================================ what to say */

static void
say_reason(const struct session *s, struct session_reply *out, const struct cl_reason *r,
    int todo)
{
	cl_reason_text(&s->cl, r, 0,
	    session_say(out, r->level == CL_STOP ? SAY_STOP : SAY_CAUTION));
	if (todo)
		cl_reason_text(&s->cl, r, 1, session_say(out, SAY_TODO));
}

/* The STOP reasons the last answer raised, said once each. */
static void
notice(struct session *s, struct session_reply *out)
{
	struct cl_reason r[CL_MAX_REASONS];
	size_t n, i, k;
	int said = 0;

	cl_verdict(&s->cl, r, CL_MAX_REASONS, &n);
	for (i = 0; i < n && r[i].level == CL_STOP; i++) {
		for (k = 0; k < s->ntold; k++)
			if (strcmp(s->told[k], r[i].code) == 0)
				break;
		if (k < s->ntold || s->ntold == CL_MAX_REASONS)
			continue;
		snprintf(s->told[s->ntold++], sizeof s->told[0], "%s", r[i].code);
		say_reason(s, out, &r[i], 1);
		said = 1;
	}
	if (said)
		session_say_words(s, out, SAY_INFO, s->from_file ? "msg.stop_file" :
		    s->cl.recheck ? "recheck.stop_tail" : "msg.stop_tail", NULL);
}

void
session_question(const struct session *s, struct buf *out)
{
	int i = session_current(s);

	if (i < 0)
		return;
	if (cl_remote(&s->cl) && (cl_steps[i].flags & CL_IN_HAND)) {
		const char *p = words_get(s->cl.words, "remote.at_delivery");
		if (p) {
			buf_puts(out, p);
			buf_putc(out, ' ');
		}
	}
	cl_render(&s->cl, cl_step_words(&s->cl, (enum cl_id)i, "question"), NULL, out);
}

void
session_help(const struct session *s, struct buf *out)
{
	int i = session_current(s);

	if (i >= 0)
		cl_render(&s->cl, cl_step_words(&s->cl, (enum cl_id)i, "help"), NULL, out);
}

size_t
session_choices(const struct session *s, struct cl_choice *out, size_t max)
{
	int i = session_current(s);

	return i < 0 ? 0 : cl_choices(&s->cl, (enum cl_id)i, out, max);
}

void
session_default(const struct session *s, struct buf *out)
{
	int i = session_current(s);

	if (i < 0)
		return;
	if (cl_steps[i].type == CL_FILES) {
		char n[16];
		snprintf(n, sizeof n, "%zu", s->cl.nfiles);
		if (s->cl.nfiles)
			cl_answer_words(&s->cl, (enum cl_id)i, n, out);
		return;
	}
	if (s->cl.value[i][0])
		cl_answer_words(&s->cl, (enum cl_id)i, s->cl.value[i], out);
}

/* ============================================================== answering */

/* Records an accepted answer and what follows from it: the challenge
 * code of a remote purchase, the model the IMEI's TAC names. */
static void
accept(struct session *s, enum cl_id i, const char *value, struct session_reply *out)
{
	cl_answer(&s->cl, i, value);
	s->pending[0] = '\0';
	if (i == STEP_LISTING_MODE && strcmp(value, "remote") == 0 && !s->cl.challenge[0])
		stamp_code(s->rnd, s->cl.challenge);
	if (i == STEP_IDENTITY_IMEI1) {
		const struct tac_entry *te = NULL;
		size_t n = 0;
		s->cl.tac_brand[0] = s->cl.tac_model[0] = '\0';
		if (s->env->tac && strlen(value) >= 8)
			te = tac_db_find(s->env->tac, value, &n);
		if (te) {
			snprintf(s->cl.tac_brand, sizeof s->cl.tac_brand, "%s", te->brand);
			snprintf(s->cl.tac_model, sizeof s->cl.tac_model, "%s", te->model);
			session_say_words(s, out, SAY_OK, "msg.tac_is", NULL);
		}
	}
	notice(s, out);
}

/* proof.files: hashes the file the buyer named and attaches it. */
static void
attach(struct session *s, const char *path, struct session_reply *out)
{
	char hex[65], shown[17], size[24];
	uint64_t bytes;
	const char *name = path;
	struct error e;
	int rc;
	struct fill fl[] = {{"name", NULL}, {"size", size}, {"hash", shown}, {"why", NULL},
	    {NULL, NULL}};

	if (!s->env->hash_file || s->env->hash_file(s->env->ctx, path, hex, &bytes, &name, &e)) {
		fl[0].value = path;
		fl[3].value = s->env->hash_file ? e.msg : "";
		session_say_words(s, out, SAY_PROBLEM, "msg.attach_failed", fl);
		out->outcome = s->from_file ? SESSION_BAD : SESSION_AGAIN;
		return;
	}
	snprintf(size, sizeof size, "%llu", (unsigned long long)bytes);
	fl[0].value = name;
	snprintf(shown, sizeof shown, "%.16s", hex);
	rc = cl_add_file(&s->cl, hex, bytes, name);
	if (rc == 0) {
		session_say_words(s, out, SAY_OK, "msg.attached", fl);
	} else {
		session_say_words(s, out, rc > 0 ? SAY_WARN : SAY_PROBLEM, rc > 0 ? "msg.attached_twice" :
		    "msg.attach_many", fl);
		if (rc < 0 && s->from_file)
			out->outcome = SESSION_BAD;
	}
	if (out->outcome != SESSION_BAD)
		out->outcome = SESSION_AGAIN;
}

/* The files are done: the step's answer is how many. */
void
session_files_done(struct session *s, struct session_reply *out)
{
	char n[16];

	snprintf(n, sizeof n, "%zu", s->cl.nfiles);
	if (s->cl.nfiles == 0)
		session_say_words(s, out, SAY_INFO, "msg.no_photos", NULL);
	accept(s, STEP_PROOF_FILES, n, out);
}

/* A command word: in the buyer's words ("command.back") or English. */
static int
is_command(const struct session *s, const char *folded, const char *name)
{
	char key[32];

	snprintf(key, sizeof key, "command.%s", name);
	return strcmp(folded, name) == 0 || words_match(s->cl.words, key, folded);
}

static void
go_back(struct session *s, int cur, struct session_reply *out)
{
	int prev = cl_prev(&s->cl, cur);

	if (prev < 0) {
		session_say_words(s, out, SAY_PROBLEM, "msg.first_question", NULL);
	} else {
		cl_reopen(&s->cl, (enum cl_id)prev);
		s->pending[0] = '\0';
	}
	out->outcome = SESSION_AGAIN;
}

/* Applies a value (not a command) typed for step i. */
static void
apply_value(struct session *s, enum cl_id i, const char *in, struct session_reply *out)
{
	char value[CL_VALUE_MAX];
	struct buf msg;
	int v;

	buf_init_mem(&msg);
	v = cl_validate(&s->cl, i, in, value, &msg);
	if (v < 0) {
		if (s->from_file) {
			char line[24];
			struct fill fl[] = {{"line", line}, {"step", cl_steps[i].id},
			    {"why", buf_str(&msg)}, {NULL, NULL}};
			snprintf(line, sizeof line, "%ld", s->line);
			session_say_words(s, out, SAY_PROBLEM, "msg.file_bad_answer", fl);
			out->outcome = SESSION_BAD;
		} else {
			buf_puts(session_say(out, SAY_PROBLEM), buf_str(&msg));
			out->outcome = SESSION_AGAIN;
		}
	} else if (cl_steps[i].type == CL_FILES) {
		attach(s, value, out);
	} else if (v == 1 && (cl_steps[i].type == CL_IDENT || cl_steps[i].type == CL_EID) &&
	    !s->from_file && strcmp(s->pending, value) != 0) {
		/* an invalid identifier is taken when it is what the phone
		 * shows: typed twice the same */
		buf_puts(session_say(out, SAY_WARN), buf_str(&msg));
		session_say_words(s, out, SAY_INFO, "msg.ident_again", NULL);
		snprintf(s->pending, sizeof s->pending, "%s", value);
		out->outcome = SESSION_AGAIN;
	} else {
		if (buf_str(&msg)[0])
			buf_puts(session_say(out, v == 1 ? SAY_WARN : SAY_OK), buf_str(&msg));
		accept(s, i, value, out);
	}
	buf_release(&msg);
}

void
session_answer(struct session *s, const char *line, struct session_reply *out)
{
	int cur = session_current(s);
	char w[3 * 64];

	out->outcome = SESSION_NEXT;
	if (cur < 0)
		return;
	words_fold(line, strlen(line) < 64 ? strlen(line) : 64, w, sizeof w);
	if (is_command(s, w, "quit") || strcmp(w, "q") == 0) {
		out->outcome = SESSION_QUIT;
	} else if (is_command(s, w, "help") || strcmp(w, "?") == 0) {
		session_help(s, session_say(out, SAY_HELP));
		session_say_words(s, out, SAY_INFO, "msg.help_tail", NULL);
		out->outcome = SESSION_AGAIN;
	} else if (is_command(s, w, "status")) {
		session_status(s, out);
		out->outcome = SESSION_AGAIN;
	} else if (is_command(s, w, "back")) {
		go_back(s, cur, out);
	} else if (is_command(s, w, "skip")) {
		cl_skip(&s->cl, (enum cl_id)cur);
		s->pending[0] = '\0';
		if (cur == STEP_PROOF_FILES)
			session_say_words(s, out, SAY_INFO, s->cl.nfiles ? "msg.files_kept" : "msg.no_photos",
			    NULL);
		notice(s, out);
	} else if (cl_steps[cur].type == CL_FILES && (is_command(s, w, "done") ||
	    (w[0] == '\0' && !s->from_file))) {
		session_files_done(s, out);
	} else if (w[0] == '\0' && s->cl.value[cur][0] && !s->from_file) {
		/* Enter takes the answer given before going back */
		char v[CL_VALUE_MAX];
		snprintf(v, sizeof v, "%s", s->cl.value[cur]);
		apply_value(s, (enum cl_id)cur, v, out);
	} else {
		apply_value(s, (enum cl_id)cur, line, out);
	}
}

/* ================================================================ status */

void
session_status(const struct session *s, struct session_reply *out)
{
	struct cl_reason r[CL_MAX_REASONS];
	size_t i, n, done = 0, asked = 0, open = 0;
	char a[16], d[16], o[16];
	struct fill fl[] = {{"id", s->meta.id}, {"done", d}, {"asked", a}, {"open", o},
	    {NULL, NULL}};

	for (i = 0; i < CL_NSTEPS; i++) {
		if (!cl_in_session(&s->cl, (enum cl_id)i))
			continue;
		asked++;
		done += s->cl.state[i] == CL_ANSWERED;
		open += s->cl.state[i] == CL_OPEN;
	}
	snprintf(a, sizeof a, "%zu", asked);
	snprintf(d, sizeof d, "%zu", done);
	snprintf(o, sizeof o, "%zu", open);
	session_say_words(s, out, SAY_INFO, "status.head", fl);
	cl_verdict(&s->cl, r, CL_MAX_REASONS, &n);
	if (n == 0)
		session_say_words(s, out, SAY_INFO, open ? "status.nothing_yet" : "status.nothing", fl);
	for (i = 0; i < n; i++)
		say_reason(s, out, &r[i], 0);
	if (open)
		session_say_words(s, out, SAY_INFO, "status.open", fl);
	for (i = 0; i < CL_NSTEPS; i++)
		if (cl_in_session(&s->cl, (enum cl_id)i) && s->cl.state[i] == CL_OPEN)
			buf_puts(session_say(out, SAY_LIST), cl_step_words(&s->cl, (enum cl_id)i, "label"));
}

void
session_recap(struct session *s, struct session_reply *out)
{
	struct cl_reason r[CL_MAX_REASONS];
	size_t i, n;

	session_status(s, out);
	cl_verdict(&s->cl, r, CL_MAX_REASONS, &n);
	for (i = 0; i < n && r[i].level == CL_STOP; i++)
		cl_reason_text(&s->cl, &r[i], 1, session_say(out, SAY_TODO));
}

/* ================================================================ result */

void
session_reasons(const struct session *s, struct session_reply *out)
{
	struct cl_reason r[CL_MAX_REASONS];
	size_t i, n;

	cl_verdict(&s->cl, r, CL_MAX_REASONS, &n);
	for (i = 0; i < n; i++)
		say_reason(s, out, &r[i], 1);
}

enum cl_level
session_verdict(const struct session *s, struct cl_reason *r, size_t *n)
{
	return cl_verdict(&s->cl, r, CL_MAX_REASONS, n);
}

int
session_record(struct session *s, int seal, const char *now, struct record *r)
{
	snprintf(s->meta.updated, sizeof s->meta.updated, "%s", now);
	if (!s->meta.created[0])
		snprintf(s->meta.created, sizeof s->meta.created, "%s", now);
	return saved_check_build(&s->cl, &s->meta, seal, r);
}
