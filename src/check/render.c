/* SPDX-License-Identifier: MIT */
/* render: the checklist's words with their {placeholders} filled from the
 * answers, the knowledge base and the buyer's language: where to tap on
 * that brand's phone, the country's official checks one by one, a
 * reason's detail in words. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/checklist.h"

/* --------------------------------------------------------------- lookups */

/* What joins the items of a list in the buyer's words (", ", "، "). */
static const char *
sep(const struct checklist *cl)
{
	const char *s = words_get(cl->words, "list.sep");
	return s ? s : ", ";
}

const char *
cl_words(const struct checklist *cl, const char *key)
{
	const char *variants[4] = {NULL, NULL, NULL, NULL};
	const char *cc = cl_get(cl, STEP_LISTING_COUNTRY);
	size_t n = 0, k;

	if (cl->kb)
		variants[n++] = cl_brand_id(cl);
	if (cl_remote(cl))
		variants[n++] = "remote";
	/* a country handover knows to have no public check */
	if (cc && cl->kb && kb_country_checks(cl->kb, cc, &k) && !cl_country_has_check(cl))
		variants[n++] = "nocheck";
	return words_variant(cl->words, key, variants);
}

const char *
cl_step_words(const struct checklist *cl, enum cl_id i, const char *part)
{
	char key[WORDS_KEY_MAX];
	const char *s;

	snprintf(key, sizeof key, "step.%s.%s", cl_steps[i].id, part);
	s = cl_words(cl, key);
	return s ? s : cl_steps[i].id;
}

const char *
cl_section_title(const struct checklist *cl, const char *section)
{
	const char *s = words_getf(cl->words, "section.%s", section);
	return s ? s : section;
}

/* A country's name: the first of the buyer's words for it
 * ("country.IN" = "भारत; Bharat"), else the knowledge base's, else cc. */
static void
put_country(const struct checklist *cl, const char *cc, struct buf *out)
{
	const struct kb_check *c;
	const char *local = words_getf(cl->words, "country.%s", cc);
	size_t n;

	if (local) {
		buf_put(out, local, strcspn(local, ";"));
		return;
	}
	c = cl->kb ? kb_country_checks(cl->kb, cc, &n) : NULL;
	buf_puts(out, c ? c->name : cc);
}

/* -------------------------------------------------------------- brands */

enum brand_field { B_IMEI, B_ADMIN, B_ACCOUNTS, B_FIND, B_RESET, B_LOCK, B_SIGNALS };

static const struct {
	const char *name;	/* the placeholder and the words' key part */
	size_t off;
} brand_fields[] = {
	[B_IMEI] = {"imei_path", offsetof(struct kb_brand, imei_path)},
	[B_ADMIN] = {"admin_apps_path", offsetof(struct kb_brand, admin_apps_path)},
	[B_ACCOUNTS] = {"accounts_path", offsetof(struct kb_brand, accounts_path)},
	[B_FIND] = {"find_device_path", offsetof(struct kb_brand, find_device_path)},
	[B_RESET] = {"reset_path", offsetof(struct kb_brand, reset_path)},
	[B_LOCK] = {"account_lock", offsetof(struct kb_brand, account_lock)},
	[B_SIGNALS] = {"financing_signals", offsetof(struct kb_brand, financing_signals)},
};

static const char *
brand_value(const struct kb_brand *b, size_t off)
{
	const char *v = b ? *(const char *const *)((const char *)b + off) : NULL;
	return v && *v ? v : NULL;
}

/* A brand's path: in the buyer's words where they have it, with the
 * phone's English menu beside it; the generic Android row's for a brand
 * we do not know; else one plain sentence ("path.unknown.FIELD"). */
static void
put_brand(const struct checklist *cl, enum brand_field f, struct buf *out)
{
	const struct kb_brand *b = cl_brand(cl), *g = cl->kb ? kb_brand_generic(cl->kb) : NULL;
	const char *en = brand_value(b, brand_fields[f].off), *local;

	if (!en && b == g)
		en = brand_value(g, brand_fields[f].off);
	local = b ? words_getf(cl->words, "brand.%s.%s", b->brand, brand_fields[f].name) : NULL;
	if (local && en && strcmp(local, en) != 0) {
		const char *tmpl = words_get(cl->words, "path.both");
		struct fill fl[] = {{"local", local}, {"english", en}, {NULL, NULL}};
		words_fill(out, tmpl ? tmpl : "{local} ({english})", fl);
	} else if (en || local) {
		buf_puts(out, local ? local : en);
	} else {
		const char *s = words_getf(cl->words, "path.unknown.%s", brand_fields[f].name);
		buf_puts(out, s ? s : "");
	}
}

/* -------------------------------------------------------------- registry */

/* One of the country's checks' fields, each check by name when there are
 * several: "CTIA Stolen Phone Checker: ... Carrier IMEI check (AT&T): ...". */
static void
put_registry(const struct checklist *cl, const char *what, struct buf *out)
{
	const char *cc = cl_get(cl, STEP_LISTING_COUNTRY);
	const struct kb_check *c = NULL;
	size_t n = 0, i, real = 0, done = 0;

	if (cc && cl->kb)
		c = kb_country_checks(cl->kb, cc, &n);
	for (i = 0; i < n; i++)
		real += strcmp(c[i].check_name, "none") != 0;
	if (real == 0) {
		const char *key = strcmp(what, "registry") == 0 ? "registry.none" :
		    strcmp(what, "registry_how") == 0 ? "registry.none_how" : NULL;
		struct buf name;
		struct fill fl[] = {{"country", NULL}, {"instead", n ? words_registry(cl->words,
		    c[0].code, 1, "instead", c[0].instead) : ""}, {NULL, NULL}};
		buf_init_mem(&name);
		if (cc)
			put_country(cl, cc, &name);
		fl[0].value = cc ? buf_str(&name) : "?";
		if (strcmp(what, "registry_instead") == 0 && n) {
			buf_puts(out, words_registry(cl->words, c[0].code, 1, "instead", c[0].instead));
		} else if (key && words_get(cl->words, n ? key : "registry.unknown")) {
			words_fill(out, words_get(cl->words, n ? key : "registry.unknown"), fl);
		}
		buf_release(&name);
		return;
	}
	for (i = 0; i < n; i++) {
		/* the knowledge base's English, or the buyer's words for this
		 * country's check ("registry.IN.1.how") where a translator wrote them */
		const char *field = strcmp(what, "registry") == 0 ? "name" :
		    strcmp(what, "registry_how") == 0 ? "how" :
		    strcmp(what, "registry_limits") == 0 ? "limits" :
		    strcmp(what, "registry_instead") == 0 ? "instead" : "meaning";
		const char *v = strcmp(what, "registry") == 0 ? c[i].check_name :
		    strcmp(what, "registry_how") == 0 ? c[i].how :
		    strcmp(what, "registry_limits") == 0 ? c[i].limits :
		    strcmp(what, "registry_instead") == 0 ? c[i].instead : c[i].result_meaning;
		if (strcmp(c[i].check_name, "none") == 0 || !v || !*v)
			continue;
		v = words_registry(cl->words, c[i].code, i + 1, field, v);
		if (strcmp(what, "registry") == 0) {
			if (done)
				buf_puts(out, words_get(cl->words, "list.or") ?
				    words_get(cl->words, "list.or") : " or ");
			buf_puts(out, v);
		} else {
			if (done)
				buf_putc(out, ' ');
			if (real > 1)
				buf_printf(out, "%s: ", c[i].check_name);
			buf_puts(out, v);
		}
		done++;
	}
}

/* The lock systems known in the buyer's country (not the global ones). */
static void
put_country_locks(const struct checklist *cl, struct buf *out)
{
	const char *cc = cl_get(cl, STEP_LISTING_COUNTRY);
	struct buf names;
	size_t i, n = 0;

	if (!cc || !cl->kb)
		return;
	buf_init_mem(&names);
	for (i = 0; i < cl->kb->nsystems; i++) {
		const struct kb_lock_system *s = &cl->kb->systems[i];
		if (strcmp(s->regions, "global") == 0 || !kb_list_has(s->regions, cc))
			continue;
		if (n++)
			buf_puts(&names, sep(cl));
		buf_puts(&names, s->name);
	}
	if (n) {
		struct fill fl[] = {{"locks", buf_str(&names)}, {"country", cc}, {NULL, NULL}};
		const char *t = words_get(cl->words, "registry.country_locks");
		words_fill(out, t ? t : "{locks}.", fl);
	}
	if (names.err && !out->err)
		out->err = names.err;
	buf_release(&names);
}

/* The declaration the seller agrees to, its points joined. */
static void
put_declaration(const struct checklist *cl, struct buf *out)
{
	int k;

	for (k = 1; k <= 9; k++) {
		const char *s = words_getf(cl->words, "declaration.%d", k);
		if (!s)
			break;
		buf_printf(out, "%s%s", k > 1 ? " " : "", s);
	}
}

/* ------------------------------------------------------------ placeholders */

static int
put_answer(const struct checklist *cl, const char *name, struct buf *out)
{
	static const struct {
		const char *name;
		enum cl_id step;
	} answers[] = {
		{"brand", STEP_LISTING_BRAND}, {"model", STEP_LISTING_MODEL},
		{"imei1", STEP_IDENTITY_IMEI1}, {"imei2", STEP_IDENTITY_IMEI2},
		{"lender", STEP_FINANCE_LENDER}, {"price", STEP_LISTING_PRICE},
	};
	size_t i;

	for (i = 0; i < sizeof answers / sizeof answers[0]; i++)
		if (strcmp(answers[i].name, name) == 0) {
			const char *v = cl_get(cl, answers[i].step);
			buf_puts(out, v ? v : "?");
			return 1;
		}
	return 0;
}

static void
put_named(const struct checklist *cl, const char *name, struct buf *out)
{
	size_t k;

	for (k = 0; k < sizeof brand_fields / sizeof brand_fields[0]; k++)
		if (strcmp(brand_fields[k].name, name) == 0) {
			put_brand(cl, (enum brand_field)k, out);
			return;
		}
	if (put_answer(cl, name, out))
		return;
	if (strcmp(name, "country") == 0) {
		const char *cc = cl_get(cl, STEP_LISTING_COUNTRY);
		if (cc)
			put_country(cl, cc, out);
		else
			buf_putc(out, '?');
	} else if (strcmp(name, "model_path") == 0) {
		/* the language's own sentence for this brand, else the brand's
		 * path (English, from brands.tsv), else the words' sentence */
		const struct kb_brand *b = cl_brand(cl);
		const char *s = NULL;
		char key[WORDS_KEY_MAX];
		if (cl->words && strcmp(cl->words->lang, "en") != 0 && cl_brand_id(cl)) {
			snprintf(key, sizeof key, "path.model@%.40s", cl_brand_id(cl));
			s = words_own(cl->words, key);
		}
		if (!s && !(b && b->model_path && *b->model_path))
			s = cl_words(cl, "path.model");
		if (s)
			buf_puts(out, s);
		else
			buf_printf(out, "%s.", b->model_path);
	} else if (strncmp(name, "registry", 8) == 0) {
		put_registry(cl, name, out);
	} else if (strcmp(name, "country_locks") == 0) {
		put_country_locks(cl, out);
	} else if (strcmp(name, "challenge") == 0) {
		buf_puts(out, cl->challenge);
	} else if (strcmp(name, "tac_model") == 0) {
		buf_printf(out, "%s %s", cl->tac_brand, cl->tac_model);
	} else if (strcmp(name, "declaration") == 0) {
		put_declaration(cl, out);
	} else {
		buf_printf(out, "{%s}", name);
	}
}

void
cl_render(const struct checklist *cl, const char *tmpl, const struct fill *extra,
    struct buf *out)
{
	const char *p = tmpl;

	while (*p) {
		const char *open = strchr(p, '{'), *close;
		char name[32];
		size_t n, i;

		if (!open || !(close = strchr(open, '}')) || (n = (size_t)(close - open - 1)) >=
		    sizeof name) {
			buf_puts(out, p);
			return;
		}
		buf_put(out, p, (size_t)(open - p));
		memcpy(name, open + 1, n);
		name[n] = '\0';
		p = close + 1;
		for (i = 0; extra && extra[i].name; i++)
			if (strcmp(extra[i].name, name) == 0)
				break;
		if (extra && extra[i].name)
			buf_puts(out, extra[i].value ? extra[i].value : "");
		else
			put_named(cl, name, out);
	}
}

/* --------------------------------------------------------------- answers */

void
cl_answer_words(const struct checklist *cl, enum cl_id i, const char *v, struct buf *out)
{
	if (cl_steps[i].type == CL_FILES) {
		long n = strtol(v, NULL, 10);
		const char *t = words_get(cl->words, n == 1 ? "answer_words.file" :
		    n > 1 ? "answer_words.files" : "answer_words.no_files");
		char num[24];
		struct fill fl[] = {{"n", num}, {NULL, NULL}};
		snprintf(num, sizeof num, "%ld", n);
		words_fill(out, t ? t : "{n}", fl);
		return;
	}
	if (cl_steps[i].type == CL_CHOICE || cl_steps[i].type == CL_REPLY) {
		struct cl_choice ch[16];
		size_t n = cl_choices(cl, i, ch, 16), k;
		for (k = 0; k < n; k++)
			if (strcmp(ch[k].answer, v) == 0) {
				buf_puts(out, ch[k].label);
				return;
			}
	}
	if (cl_steps[i].type == CL_COUNTRY) {
		put_country(cl, v, out);
		return;
	}
	if (cl_steps[i].type == CL_EID && strcmp(v, "none") == 0 &&
	    words_get(cl->words, "answer_words.none")) {
		buf_puts(out, words_get(cl->words, "answer_words.none"));
		return;
	}
	buf_puts(out, v);
}

/* --------------------------------------------------------------- reasons */

/* The detail with each step id in it ("finance.knox, identity.box_match")
 * named by its label and how it was answered. */
static void
put_detail(const struct checklist *cl, const char *d, struct buf *out)
{
	while (*d) {
		const char *comma = strstr(d, ", ");
		size_t n = comma ? (size_t)(comma - d) : strlen(d);
		char id[64];
		int k = -1;

		if (n < sizeof id) {
			memcpy(id, d, n);
			id[n] = '\0';
			k = cl_find(id);
		}
		if (k < 0 && n < sizeof id && strchr(id, ' ') &&
		    words_getf(cl->words, "problem.%s", strchr(id, ' ') + 1)) {
			/* "354178036859788 bad_check_digit": the number, and its
			 * problem in words */
			buf_put(out, id, (size_t)(strchr(id, ' ') - id));
			buf_printf(out, ": %s", words_getf(cl->words, "problem.%s",
			    strchr(id, ' ') + 1));
		} else if (k >= 0 && strcmp(cl_steps[k].id, id) == 0) {
			buf_puts(out, cl_step_words(cl, (enum cl_id)k, "label"));
			if (cl->state[k] == CL_ANSWERED) {
				buf_puts(out, " (");
				cl_answer_words(cl, (enum cl_id)k, cl->value[k], out);
				buf_putc(out, ')');
			} else if (cl->state[k] == CL_SKIPPED && words_get(cl->words, "status.skipped")) {
				buf_printf(out, " (%s)", words_get(cl->words, "status.skipped"));
			}
		} else {
			buf_put(out, d, n);
		}
		if (!comma)
			break;
		buf_puts(out, sep(cl));
		d = comma + 2;
	}
}

void
cl_reason_text(const struct checklist *cl, const struct cl_reason *r, int todo,
    struct buf *out)
{
	const char *tmpl = words_getf(cl->words, todo ? "reason.%s.todo" : "reason.%s", r->code);
	const char *p;
	struct buf d;
	struct fill fl[2] = {{"detail", NULL}, {NULL, NULL}};

	if (!tmpl) {
		if (!todo)
			buf_puts(out, r->code);
		return;
	}
	buf_init_mem(&d);
	put_detail(cl, r->detail, &d);
	fl[0].value = buf_str(&d);
	if (!r->detail[0] && (p = strstr(tmpl, " ({detail})")) != NULL) {
		/* no detail: the sentence without its parenthesis */
		struct buf t;
		buf_init_mem(&t);
		buf_put(&t, tmpl, (size_t)(p - tmpl));
		buf_puts(&t, p + strlen(" ({detail})"));
		cl_render(cl, buf_str(&t), fl, out);
		buf_release(&t);
	} else {
		cl_render(cl, tmpl, fl, out);
	}
	if (d.err && !out->err)
		out->err = d.err;
	buf_release(&d);
}

/* ------------------------------------------------------------ the words */

int
cl_words_check(const struct words *w, struct error *e)
{
	static const char *const parts[] = {"label", "question", "help"};
	size_t i, k;

	for (i = 0; i < CL_NSTEPS; i++)
		for (k = 0; k < 3; k++)
			if (!words_getf(w, "step.%s.%s", cl_steps[i].id, parts[k]))
				return error_set(e, 0, 0, "words-%s.tsv: no 'step.%s.%s'", w->lang,
				    cl_steps[i].id, parts[k]);
	for (i = 0; i < cl_nrules; i++)
		if (!words_getf(w, "reason.%s", cl_rules[i].code) ||
		    !words_getf(w, "reason.%s.todo", cl_rules[i].code))
			return error_set(e, 0, 0, "words-%s.tsv: no words for reason '%s'", w->lang,
			    cl_rules[i].code);
	for (i = 0; cl_compound_codes[i]; i++)
		if (!words_getf(w, "reason.%s", cl_compound_codes[i]) ||
		    !words_getf(w, "reason.%s.todo", cl_compound_codes[i]))
			return error_set(e, 0, 0, "words-%s.tsv: no words for reason '%s'", w->lang,
			    cl_compound_codes[i]);
	return 0;
}
