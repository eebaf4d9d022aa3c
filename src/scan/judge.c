/* SPDX-License-Identifier: MIT */
/* judge: the cue rules of docs/data-sources.md over one listing's phrase
 * matches: which are negated, paid off, a shop's offer, an accessory
 * listing's, a person's name, ruled out by the category, and which count.
 *
 *   1. longest match: a cue inside a longer cue or phrase is none, a
 *      phrase inside a longer phrase is the longer one's
 *   2. clauses: punctuation, line breaks, contrast words (and, for Thai,
 *      spaces) end them; Nw, Nc and clause reaches stay inside one
 *   3. a negation that reaches a completion, ongoing, first, receipt or
 *      account cue cancels it, when it may speak for it as for a phrase
 *      (rule 4's languages and homographs)
 *   4. a phrase inside a completion or offer cue written over it is that
 *      cue's; otherwise a cue cancels a phrase whose category it applies
 *      to, whose cues column lists its kind, in a language that meets the
 *      phrase's, within its position and reach
 *      (and once an offer has taken a financing word, the listing's
 *      other financing words are the offer's, unless what is left to
 *      pay reaches them)
 *      (and once a completion cue has paid off a financing word, the
 *      listing's other financing words are paid off too, unless what is
 *      left to pay reaches them)
 *      (a negation speaks for a list joined by a coordinator: "no
 *      EMI or loan", "EMI ya loan nahi")
 *   5. an accessory or SIM listing (its category column, or an accessory
 *      in the title not sold with a phone) counts only bypass and theft
 *   6. a given name ("Emi") in title case is a name after a person cue,
 *      before "'s", where the listing names it so elsewhere, or in the
 *      middle of a sentence with no other red flag near it
 *   7. a weak word (weight 1) that nothing above cancelled counts when a
 *      cue of its category lifts it: an ongoing cue a financing word
 *      ("faltam 6 parcelas", "2 EMI baaki": the plan is still running),
 *      a first cue a payment word ("send on GPay first", "GCash muna":
 *      money before the buyer sees the phone; not when the first cue
 *      speaks for the whole listing and the listing lets the buyer pay
 *      with the phone in hand, a receipt cue: "COD", "meetup"), an
 *      account cue a lock word ("জিমেইল লক", Gmail lock: the account's
 *      lock, which no reset removes)
 *   8. a lock, theft or bypass word that counted but is asked, a question
 *      mark after it in its clause ("iCloud locked?", "赤ロムですか？"),
 *      makes a caution, not a stop: sellers ask to answer, most often to
 *      deny, and an answer no cue reads is for the moderator to read
 *
 * Where a cue reaches (rules 2 and 4) is judge_reach.c; accessory
 * listings and names (rules 5 and 6) are judge_names.c.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/casefold.h"
#include "lib/utf8.h"
#include "scan/judge_priv.h"

static int
cmp_ev(const void *a, const void *b)
{
	const struct scan_ev *x = a, *y = b;

	if (x->field != y->field)
		return x->field < y->field ? -1 : 1;
	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	if (x->len != y->len)
		return x->len > y->len ? -1 : 1;	/* longer first */
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* Sorts by cmp_ev: insertion sort for the few matches of a listing. */
static void
sort_ev(struct scan_ev *e, size_t n)
{
	size_t i, k;

	if (n > 64) {
		qsort(e, n, sizeof *e, cmp_ev);
		return;
	}
	for (i = 1; i < n; i++) {
		struct scan_ev x = e[i];

		for (k = i; k > 0 && cmp_ev(&e[k - 1], &x) > 0; k--)
			e[k] = e[k - 1];
		e[k] = x;
	}
}

/* 1 when b lies inside a and a is longer. */
static int
inside(const struct scan_ev *b, const struct scan_ev *a)
{
	return a->field == b->field && a->off <= b->off &&
	    b->off + b->len <= a->off + a->len && a->len > b->len;
}

/* -------------------------------------------------- longest match first */

static void
longest_match(struct judge *j)
{
	size_t a, b;

	for (a = 0; a < j->ncue; a++)
		for (b = 0; b < j->ncue && !j->cdead[a]; b++)
			if (b != a && inside(&j->cue[a], &j->cue[b]))
				j->cdead[a] = 1;
	for (a = 0; a < j->ncue; a++)
		for (b = 0; b < j->nph && !j->cdead[a]; b++)
			if (inside(&j->cue[a], &j->ph[b]))
				j->cdead[a] = 1;
	for (a = 0; a < j->nph; a++)
		for (b = 0; b < j->nph; b++)
			if (b != a && inside(&j->ph[a], &j->ph[b])) {
				j->pdead[a] = 1;
				/* "no box" inside "no box no bill" still says it */
				j->psig[b] |= j->psig[a];
			}
}

/* 1 when the negation cue nc may speak for the cue cc: as judge_cue_fits
 * has it for a phrase, they meet in a language, a short word of another
 * language than English negates no English cue (Vietnamese "ko", not, is
 * Tagalog "ko", my: "rule ko: first to send"), and a homograph row's
 * language is none of the negation's (Portuguese "no" in "no PicPay
 * antes"). */
static int
negates_cue(const struct scan_cue *nc, const struct scan_cue *cc)
{
	return judge_compat(nc->langs, cc->langs) &&
	    (nc->on_names || (nc->langs & cc->langs)) && (cc->langs & ~nc->not_langs) != 0;
}

/* A completion, ongoing, first, receipt or account cue a negation reaches
 * is none ("not fully paid", "nothing left", "do not pay first", "no COD",
 * "Google account removed"). */
static void
negated_completions(struct judge *j)
{
	size_t c, n;

	for (c = 0; c < j->ncue; c++) {
		const struct scan_cue *cc = &j->s->cue[j->cue[c].idx];

		if (j->cdead[c] || (cc->kind != SCAN_CUE_COMPLETION &&
		    cc->kind != SCAN_CUE_ONGOING && cc->kind != SCAN_CUE_FIRST &&
		    cc->kind != SCAN_CUE_RECEIPT && cc->kind != SCAN_CUE_ACCOUNT))
			continue;
		for (n = 0; n < j->ncue; n++) {
			const struct scan_cue *nc = &j->s->cue[j->cue[n].idx];

			if (!j->cdead[n] && nc->kind == SCAN_CUE_NEGATION && negates_cue(nc, cc) &&
			    judge_within(j, &j->cue[n], &j->cue[c], cc->langs)) {
				j->cdead[c] = 1;
				break;
			}
		}
	}
}

/* A listing that lets the buyer pay with the phone in hand (cash on
 * delivery, a meet-up) asks for nothing first as a whole: its receipt cue
 * (one no negation reached) cancels the first cues that speak for the
 * whole listing, a shipping word's ("LBC, GCash or COD") and a refusal to
 * meet's ("no meetups, COD via J&T only").  First cues of a shorter
 * reach, what the money is for, stay ("Send 500 deposit by GCash to
 * reserve, then COD").  The languages need not meet: "Lo envio
 * contraentrega" holds the Portuguese shipping word "envio", and pay on
 * receipt is said once for the whole listing. */
static void
paid_on_receipt(struct judge *j)
{
	size_t c, r;

	for (r = 0; r < j->ncue; r++) {
		const struct scan_cue *rc = &j->s->cue[j->cue[r].idx];

		if (j->cdead[r] || rc->kind != SCAN_CUE_RECEIPT)
			continue;
		for (c = 0; c < j->ncue; c++) {
			const struct scan_cue *fc = &j->s->cue[j->cue[c].idx];

			if (fc->kind == SCAN_CUE_FIRST && fc->reach == SCAN_REACH_LISTING)
				j->cdead[c] = 1;
		}
	}
}

/* The denial after a contrast word that answers the clause before it:
 * "nakaw daw, pero hindi!", "stolen they say, but no.": a negation cue
 * right after a contrast word (boundary) with nothing after it in its
 * clause.  Returns the contrast word's index, or -1. */
static long
denial_after_contrast(const struct judge *j, size_t n)
{
	const struct scan_ev *c = &j->cue[n];
	const struct scan_field *f = judge_field(j, c->field);
	size_t b, i, len;
	uint32_t cp;

	for (b = 0; b < j->ncue; b++) {
		const struct scan_ev *w = &j->cue[b];

		if (j->cdead[b] || j->s->cue[w->idx].kind != SCAN_CUE_BOUNDARY ||
		    w->field != c->field || w->off + w->len > c->off ||
		    judge_words_in(j, c->field, w->off + w->len, c->off, 0) != 0)
			continue;
		/* nothing but signs and blanks until the clause ends */
		for (i = c->off + c->len; i < f->len; i += len) {
			len = utf8_decode(f->p + i, f->len - i, &cp);
			if (cp == '\n' || judge_is_boundary_cp(j->s, cp))
				break;
			if (!casefold_is_space(cp) && casefold_is_word(cp))
				return -1;
		}
		return (long)b;
	}
	return -1;
}

/* 1 when the negation cue n denies phrase match p from after a contrast
 * word (denial_after_contrast): p stands in the clause right before the
 * contrast word, within six words of it. */
static int
denies_back(struct judge *j, size_t n, const struct scan_ev *p)
{
	const struct scan_cue *cue = &j->s->cue[j->cue[n].idx];
	const struct scan_phrase *ph = &j->s->ph[p->idx];
	const struct scan_ev *w;
	long b;
	size_t i;

	if (j->cdead[n] || cue->kind != SCAN_CUE_NEGATION || !(ph->cues >> SCAN_CUE_NEGATION & 1) ||
	    !(cue->applies >> ph->cat & 1) || !judge_cue_fits(cue, ph) ||
	    j->cue[n].field != p->field || j->cue[n].off < p->off + p->len)
		return 0;
	if (j->contrast[n] == -2)
		j->contrast[n] = (int32_t)denial_after_contrast(j, n);
	if ((b = j->contrast[n]) < 0)
		return 0;
	w = &j->cue[b];
	if (p->off + p->len > w->off || judge_words_in(j, p->field, p->off + p->len, w->off, 6) > 6)
		return 0;
	for (i = p->off + p->len; i < w->off; i++)
		if (judge_field(j, p->field)->p[i] == '\n')
			return 0;
	for (i = 0; i < j->ncue; i++)	/* no other contrast word between */
		if (i != (size_t)b && !j->cdead[i] &&
		    j->s->cue[j->cue[i].idx].kind == SCAN_CUE_BOUNDARY &&
		    j->cue[i].field == p->field && j->cue[i].off >= p->off + p->len &&
		    j->cue[i].off < w->off)
			return 0;
	return 1;
}

/* ------------------------------------------------------------- the rules */

/* The status of phrase match pi and the cue behind it (*cue). */
static int
judge_one(struct judge *j, size_t pi, int acc_cat, long acc_cue, uint32_t *cue)
{
	const struct scan_ev *p = &j->ph[pi];
	const struct scan_phrase *ph = &j->s->ph[p->idx];
	size_t k;

	*cue = UINT32_MAX;
	/* inside a completion or offer written over it ("no cost emi") */
	for (k = 0; k < j->ncue; k++) {
		const struct scan_cue *c = &j->s->cue[j->cue[k].idx];

		if (!j->cdead[k] && c->position == SCAN_POS_OVER &&
		    (c->kind == SCAN_CUE_COMPLETION || c->kind == SCAN_CUE_OFFER) &&
		    judge_within(j, &j->cue[k], p, ph->langs)) {
			*cue = j->cue[k].idx;
			return c->kind == SCAN_CUE_OFFER ? SCAN_HIT_OFFER : SCAN_HIT_PAID_OFF;
		}
	}
	if (acc_cat && ph->cat != SCAN_CAT_BYPASS && ph->cat != SCAN_CAT_THEFT)
		return SCAN_HIT_CATEGORY;
	for (k = 0; k < j->ncue; k++)
		if (judge_cancels(j, k, p, SCAN_CUE_NEGATION) || denies_back(j, k, p)) {
			*cue = j->cue[k].idx;
			return SCAN_HIT_NEGATED;
		}
	for (k = 0; k < j->ncue; k++)
		if (judge_cancels(j, k, p, SCAN_CUE_COMPLETION)) {
			*cue = j->cue[k].idx;
			return SCAN_HIT_PAID_OFF;
		}
	for (k = 0; k < j->ncue; k++)
		if (judge_cancels(j, k, p, SCAN_CUE_OFFER) || judge_offer_near(j, k, p)) {
			*cue = j->cue[k].idx;
			return SCAN_HIT_OFFER;
		}
	if (acc_cue >= 0 && (ph->cues >> SCAN_CUE_ACCESSORY & 1) &&
	    (ph->cat == SCAN_CAT_FINANCING || ph->cat == SCAN_CAT_LOCK)) {
		*cue = j->cue[acc_cue].idx;
		return SCAN_HIT_ACCESSORY;
	}
	if (ph->person && judge_title_case(j, p))
		for (k = 0; k < j->ncue; k++)
			if (judge_cancels(j, k, p, SCAN_CUE_PERSON)) {
				*cue = j->cue[k].idx;
				return SCAN_HIT_NAME;
			}
	/* a weak word with what is left to pay ("faltam 6 parcelas") or
	 * with money asked first ("send on GPay first") */
	if (ph->weight < 2)
		for (k = 0; k < j->ncue; k++)
			if (judge_lifts(j, k, p)) {
				*cue = j->cue[k].idx;
				return SCAN_HIT_COUNTED;
			}
	return ph->weight >= 2 ? SCAN_HIT_COUNTED : SCAN_HIT_WEAK;
}

/* 1 when an ongoing cue reaches phrase match k ("sisa 3 bulan"). */
static int
still_running(const struct judge *j, size_t k)
{
	size_t c;

	for (c = 0; c < j->ncue; c++)
		if (j->s->cue[j->cue[c].idx].kind == SCAN_CUE_ONGOING && judge_lifts(j, c, &j->ph[k]))
			return 1;
	return 0;
}

/* A statement about the plan speaks for the listing's financing words:
 * once a cue has given one of them status st, the others whose cues
 * column lists kind get st from the same cue, unless a cue decided them
 * or what is left to pay reaches them (a plan still running, "2 EMI
 * baaki", stays counted).
 *   - a shop that offers credit ("bisa kredit", "trả góp 0%") names its
 *     lenders and terms in clauses of their own ("pakai Kredivo, Akulaku,
 *     atau Home Credit", "cicilan mulai 150rb"): SCAN_HIT_OFFER;
 *   - a near completion cue that paid off one ("12 taksitin hepsi
 *     ödendi") speaks of the plan as surely as a listing-wide one ("fully
 *     paid"): "taksitli almıştım" in the clause before is paid off too,
 *     SCAN_HIT_PAID_OFF. */
static void
spreads(const struct judge *j, uint8_t *status, uint32_t *by, int st, int kind)
{
	uint32_t cue = UINT32_MAX;
	size_t k;

	for (k = 0; k < j->nph && cue == UINT32_MAX; k++)
		if (!j->pdead[k] && status[k] == st &&
		    j->s->ph[j->ph[k].idx].cat == SCAN_CAT_FINANCING)
			cue = by[k];
	if (cue == UINT32_MAX)
		return;
	for (k = 0; k < j->nph; k++) {
		const struct scan_phrase *ph = &j->s->ph[j->ph[k].idx];

		if (j->pdead[k] || by[k] != UINT32_MAX || ph->cat != SCAN_CAT_FINANCING ||
		    !(ph->cues >> kind & 1) ||
		    (status[k] != SCAN_HIT_COUNTED && status[k] != SCAN_HIT_WEAK) ||
		    still_running(j, k))
			continue;
		status[k] = (uint8_t)st;
		by[k] = cue;
	}
}

/* Words a list item may hold beside its phrase ("no EMI or credit card
 * installment", "tidak ada cicilan Kredivo atau paylater"). */
#define JOINED_WORDS 2

/* 1 when phrase matches p and q (p first) are joined by a coordinator
 * ("or", "ni", "hay", "ya") in one clause, with at most JOINED_WORDS
 * words (amounts aside) on either side of it. */
static int
joined(const struct judge *j, const struct scan_ev *p, const struct scan_ev *q)
{
	size_t a = p->off + p->len, b = q->off, k;

	if (p->field != q->field || a > b || judge_clause_ends(j, p->field, a, b,
	    j->s->ph[p->idx].langs))
		return 0;
	for (k = 0; k < j->ncue; k++) {
		const struct scan_ev *c = &j->cue[k];

		if (!j->cdead[k] && c->field == p->field &&
		    j->s->cue[c->idx].kind == SCAN_CUE_COORDINATOR &&
		    c->off >= a && c->off + c->len <= b &&
		    judge_cue_fits(&j->s->cue[c->idx], &j->s->ph[q->idx]) &&
		    judge_words_in(j, p->field, a, c->off, JOINED_WORDS) <= JOINED_WORDS &&
		    judge_words_in(j, p->field, c->off + c->len, b, JOINED_WORDS) <= JOINED_WORDS)
			return 1;
	}
	return 0;
}

/* A negation speaks for a list: "no EMI or loan", "sin deuda ni
 * bloqueo", "không nợ Home Credit hay FE Credit", "EMI ya loan nahi": a
 * phrase joined to a negated one by a coordinator is negated by the same
 * cue, when that cue may cancel it (its category, its cues column). */
static void
negation_spreads(const struct judge *j, uint8_t *status, uint32_t *by)
{
	size_t k, m;
	int again = 1;

	while (again) {
		again = 0;
		for (k = 0; k < j->nph; k++) {
			if (j->pdead[k] || status[k] != SCAN_HIT_NEGATED || by[k] == UINT32_MAX)
				continue;
			for (m = 0; m < j->nph; m++) {
				const struct scan_phrase *ph = &j->s->ph[j->ph[m].idx];
				const struct scan_cue *cue = &j->s->cue[by[k]];

				if (m == k || j->pdead[m] || by[m] != UINT32_MAX ||
				    (status[m] != SCAN_HIT_COUNTED && status[m] != SCAN_HIT_WEAK) ||
				    still_running(j, m) ||
				    !(ph->cues >> SCAN_CUE_NEGATION & 1) ||
				    !(cue->applies >> ph->cat & 1) ||
				    !judge_cue_fits(cue, ph) ||
				    !(m < k ? joined(j, &j->ph[m], &j->ph[k]) :
				    joined(j, &j->ph[k], &j->ph[m])))
					continue;
				status[m] = SCAN_HIT_NEGATED;
				by[m] = by[k];
				again = 1;
			}
		}
	}
}

/* Words that may stand between an asked word and its question mark:
 * "blacklisted or stolen?", "locked ba?", "iCloud lock hai kya?". */
#define ASKED_WORDS 3

/* 1 when phrase match p is asked, not said: a question mark follows it
 * in its clause, at most ASKED_WORDS words on (rule 8). */
static int
asked(const struct judge *j, const struct scan_ev *p)
{
	const struct scan_field *f = judge_field(j, p->field);
	size_t i, len, words = 0;
	int in_word = 0;
	uint32_t cp;

	for (i = p->off + p->len; i < f->len; i += len) {
		len = utf8_decode(f->p + i, f->len - i, &cp);
		/* ? ؟ ？, but not a link's "?id=" (an ASCII letter or digit
		 * right after it) */
		if ((cp == '?' && !(i + 1 < f->len && (unsigned char)f->p[i + 1] < 0x80 &&
		    casefold_is_word((unsigned char)f->p[i + 1]))) ||
		    cp == 0x061F || cp == 0xFF1F)
			return 1;
		if (cp == '\n' || judge_is_boundary_cp(j->s, cp))
			return 0;
		if (casefold_is_space(cp)) {
			in_word = 0;
		} else if (!in_word) {
			in_word = 1;
			if (++words > ASKED_WORDS)
				return 0;
		}
	}
	return 0;
}

static void
add_hit(struct scan_result *out, const struct scan_ev *p, int status, uint32_t cue)
{
	size_t i;

	for (i = 0; i < out->nhits; i++)
		if (out->hits[i].phrase == p->idx && out->hits[i].field == p->field &&
		    out->hits[i].status == status)
			return;
	if (out->nhits == SCAN_MAX_HITS) {
		out->more = 1;
		return;
	}
	out->hits[out->nhits].phrase = p->idx;
	out->hits[out->nhits].field = p->field;
	out->hits[out->nhits].off = p->off;
	out->hits[out->nhits].len = p->len;
	out->hits[out->nhits].cue = cue;
	out->hits[out->nhits].status = (uint8_t)status;
	out->nhits++;
}

void
scan_judge(const struct scan *s, const struct scan_listing *in, struct scan_ev *ph,
    size_t nph, struct scan_ev *cue, size_t ncue, struct scan_result *out)
{
	static struct judge zero;
	struct judge j = zero;
	uint8_t status[SCAN_MAX_HITS];
	uint32_t by[SCAN_MAX_HITS];
	size_t k;
	unsigned weakcats = 0;
	long acc_cue;
	int acc_cat;

	sort_ev(ph, nph);
	sort_ev(cue, ncue);
	if (nph > SCAN_MAX_HITS) {
		nph = SCAN_MAX_HITS;
		out->more = 1;
	}
	if (ncue > JUDGE_MAX_CUES)
		ncue = JUDGE_MAX_CUES;
	j.s = s;
	j.in = in;
	j.ph = ph;
	j.nph = nph;
	j.cue = cue;
	j.ncue = ncue;
	memset(status, 0xFF, sizeof status);
	for (k = 0; k < ncue; k++)
		j.contrast[k] = -2;
	for (k = 0; k < nph; k++) {
		const struct scan_phrase *p = &s->ph[ph[k].idx];

		if (p->cat == SCAN_CAT_NO_PROOF)
			j.psig[k] = p->weight >= 2 ? SCAN_SIG_NO_BILL : SCAN_SIG_NO_BOX;
	}
	longest_match(&j);
	negated_completions(&j);
	paid_on_receipt(&j);
	acc_cat = scan_accessory_category(in);
	acc_cue = acc_cat ? -1 : judge_accessory_title(&j);
	for (k = 0; k < nph; k++)
		if (!j.pdead[k])
			status[k] = (uint8_t)judge_one(&j, k, acc_cat, acc_cue, &by[k]);
	spreads(&j, status, by, SCAN_HIT_OFFER, SCAN_CUE_OFFER);
	spreads(&j, status, by, SCAN_HIT_PAID_OFF, SCAN_CUE_COMPLETION);
	negation_spreads(&j, status, by);
	for (k = 0; k < nph; k++)
		if (!j.pdead[k] && (status[k] == SCAN_HIT_COUNTED || status[k] == SCAN_HIT_WEAK) &&
		    judge_more_names(&j, k, status)) {
			status[k] = SCAN_HIT_NAME;
			by[k] = UINT32_MAX;
		}
	for (k = 0; k < nph; k++) {
		const struct scan_phrase *p = &s->ph[ph[k].idx];

		if (j.pdead[k])
			continue;
		if (status[k] == SCAN_HIT_COUNTED && (p->cat == SCAN_CAT_LOCK ||
		    p->cat == SCAN_CAT_THEFT || p->cat == SCAN_CAT_BYPASS) && asked(&j, &ph[k])) {
			add_hit(out, &ph[k], SCAN_HIT_ASKED, by[k]);
			out->reasons |= 1u << SCAN_PHRASE_ASKED;
			continue;
		}
		add_hit(out, &ph[k], status[k], by[k]);
		if (status[k] == SCAN_HIT_COUNTED) {
			/* (a weak word an ongoing cue counted too) */
			out->reasons |= 1u << scan_reason_for_cat((enum scan_cat)p->cat);
			out->strong += p->weight == 3;
		}
		if (status[k] == SCAN_HIT_WEAK)
			weakcats |= 1u << p->cat;
		if (status[k] == SCAN_HIT_COUNTED || status[k] == SCAN_HIT_WEAK)
			out->signals |= j.psig[k];
	}
	/* one weak word ("locked", "balance") is common in clean listings;
	 * weak words of two categories together are worth a look */
	if (weakcats & (weakcats - 1))
		out->reasons |= 1u << SCAN_WEAK_PHRASE;
}
