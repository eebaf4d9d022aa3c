/* SPDX-License-Identifier: MIT */
/* test_judge: the cue rules over the embedded data, one listing at a time:
 * negation and completion in each of the sixteen languages, word forms and
 * affixes, clause boundaries, scripts without spaces, text that hides a
 * phrase, shop offers, accessory and SIM listings, given names, and the
 * names of lenders and lock systems. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "kb/blob.h"
#include "harness.h"
#include "scan/scan_priv.h"

static struct ident_tables T;
static struct kb K;
static struct tac_db D;
static struct scan S;
static struct scan_result R;

static void
load(void)
{
	const struct blob *rb = blob_find("reporting-bodies.tsv");
	const struct blob *ph = blob_find("imei-placeholders.tsv");
	struct error e;

	tac_db_init(&D);
	tac_db_finish(&D);
	if (!rb || !ph ||
	    ident_tables_load(&T, rb->data, rb->len, ph->data, ph->len, &e) != 0 ||
	    kb_load(&K, blob_get, NULL, &e) != 0 || scan_init(&S, &K, &T, &D, &e) != 0) {
		printf("cannot load the tables\n");
		exit(1);
	}
}

/* Judges a listing of a title, a description and a category. */
static const struct scan_result *
judge3(const char *title, const char *text, const char *category)
{
	struct scan_field f[3] = {
		{ "title", 5, title, strlen(title), SCAN_TITLE },
		{ "description", 11, text, strlen(text), SCAN_TEXT },
		{ "category", 8, category, strlen(category), SCAN_CATEGORY },
	};
	struct scan_listing in;

	in.f = f;
	in.nf = 3;
	scan_listing(&S, &in, &R);
	return &R;
}

static const struct scan_result *
judge(const char *text)
{
	return judge3("", text, "");
}

/* The phrases as "phrase:status " items, in the result's order. */
static const char *
got(const struct scan_result *r)
{
	static char out[2048];
	size_t i, n = 0;

	out[0] = '\0';
	for (i = 0; i < r->nhits && n < sizeof out - 200; i++)
		n += (size_t)snprintf(out + n, sizeof out - n, "%s:%s ",
		    S.ph[r->hits[i].phrase].phrase,
		    scan_hit_status_name((enum scan_hit_status)r->hits[i].status));
	return out;
}

#define RISK(r) scan_risk_name(scan_risk_of((r)->reasons))

/* Honest sellers say what is not wrong, before or after the word. */
static void
test_negation(void)
{
	CHECK_STR(got(judge("Phone is not on EMI, bill available")), "on emi:negated ");
	CHECK_STR(got(judge("EMI nahi hai, cash liya")), "emi:negated ");		/* hi */
	CHECK_STR(got(judge("\xE0\xA4\x88\xE0\xA4\x8F\xE0\xA4\xAE\xE0\xA4\x86\xE0\xA4\x88 "
	    "\xE0\xA4\xA8\xE0\xA4\xB9\xE0\xA5\x80\xE0\xA4\x82 \xE0\xA4\xB9\xE0\xA5\x88")),
	    "\xE0\xA4\x88\xE0\xA4\x8F\xE0\xA4\xAE\xE0\xA4\x86\xE0\xA4\x88:negated ");	/* ईएमआई नहीं है */
	CHECK_STR(got(judge("\xD9\x82\xD8\xB3\xD8\xB7\xD9\x88\xDA\xBA \xD9\xBE\xD8\xB1 "
	    "\xD9\x86\xDB\x81\xDB\x8C\xDA\xBA \xDB\x81\xDB\x92")),
	    "\xD9\x82\xD8\xB3\xD8\xB7\xD9\x88\xDA\xBA \xD9\xBE\xD8\xB1:negated ");	/* ur */
	CHECK_STR(got(judge("\xE0\xA6\x95\xE0\xA6\xBF\xE0\xA6\xB8\xE0\xA7\x8D\xE0\xA6\xA4"
	    "\xE0\xA6\xBF \xE0\xA6\xA8\xE0\xA7\x87\xE0\xA6\x87")),
	    "\xE0\xA6\x95\xE0\xA6\xBF\xE0\xA6\xB8\xE0\xA7\x8D\xE0\xA6\xA4\xE0\xA6\xBF:negated ");	/* bn */
	CHECK_STR(got(judge("Hindi hulugan, cash ko binili")), "hulugan:negated ");	/* tl */
	CHECK_STR(got(judge("Tidak kredit, beli cash")), "kredit:negated ");		/* id */
	CHECK_STR(got(judge("Si ya mkopo, nimelipa cash")), "ya mkopo:negated ");	/* sw */
	CHECK_STR(got(judge("No est\xC3\xA1 a cuotas")), "a cuotas:negated ");	/* es */
	CHECK_STR(got(judge("N\xC3\xA3o \xC3\xA9 parcelado")), "parcelado:negated ");	/* pt */
	/* a homograph: Portuguese "no" (em + o) before a Portuguese word
	 * is no negation; before a Spanish or English one it still is */
	CHECK_STR(got(judge("Pago no Pix antes do envio")), "pix:counted ");
	CHECK_STR(got(judge("Celular no bloqueado")), "bloqueado:negated ");
	CHECK_STR(got(judge("No EMI, no loan")), "emi:negated loan:negated ");
	/* Urdu "نہ ... نہ" (neither ... nor): "نہ بلاک ہے" (not blocked) */
	CHECK_STR(got(judge("\xD9\x86\xDB\x81 \xD8\xA8\xD9\x84\xD8\xA7\xDA\xA9 \xDB\x81\xDB\x92")),
	    "\xD8\xA8\xD9\x84\xD8\xA7\xDA\xA9 \xDB\x81\xDB\x92:negated ");
	/* a Japanese list joined by や: the negation after its last item
	 * ("盗難品や拾得物ではございません", neither stolen nor found property) */
	CHECK_STR(got(judge("\xE7\x9B\x97\xE9\x9B\xA3\xE5\x93\x81\xE3\x82\x84"
	    "\xE6\x8B\xBE\xE5\xBE\x97\xE7\x89\xA9\xE3\x81\xA7\xE3\x81\xAF"
	    "\xE3\x81\x94\xE3\x81\x96\xE3\x81\x84\xE3\x81\xBE\xE3\x81\x9B\xE3\x82\x93")),
	    "\xE7\x9B\x97\xE9\x9B\xA3\xE5\x93\x81:negated "
	    "\xE6\x8B\xBE\xE5\xBE\x97\xE7\x89\xA9:negated ");
	/* "retiré" (removed) before or after the account it removed */
	CHECK_STR(got(judge("J'ai d\xC3\xA9j\xC3\xA0 retir\xC3\xA9 mon compte Google")),
	    "compte google:negated ");
	CHECK_STR(got(judge("Compte Google retir\xC3\xA9, reset fait")), "compte google:negated ");
	/* "déconnecté" (signed out) too, and "supprimé" in every agreement */
	CHECK_STR(got(judge("Pixel 7a d\xC3\xA9" "connect\xC3\xA9 du compte Google")),
	    "compte google:negated ");
	CHECK_STR(got(judge("Compte Google supprim\xC3\xA9" "es")), "compte google:negated ");
	/* French "enlevé" (removed) after the account, like "supprimé" */
	CHECK_STR(got(judge("compte google enlev\xC3\xA9, pas de frp")), "compte google:negated frp:negated ");
	/* a lender's lock by its everyday name, and an EMI not paid
	 * (Hinglish "EMI nahi bhari": no negation of a risk, the risk) */
	CHECK_STR(got(judge("OPPO A78 FINANCE LOCK, EMI NHI BHARI")),
	    "finance lock:counted emi nhi bhari:counted ");
	/* the apostrophe a phone types (U+2019) is the one the tables have */
	CHECK_STR(got(judge("Il n\xE2\x80\x99" "est plus bloqu\xC3\xA9")), "bloqu\xC3\xA9:negated ");
	CHECK_STR(got(judge("It isn\xE2\x80\x99t iCloud locked")), "icloud locked:negated ");
	CHECK_STR(got(judge("Kh\xC3\xB4ng tr\xE1\xBA\xA3 g\xC3\xB3p")),
	    "tr\xE1\xBA\xA3 g\xC3\xB3p:negated ");					/* vi */
	CHECK_STR(got(judge("\xE0\xB9\x84\xE0\xB8\xA1\xE0\xB9\x88\xE0\xB8\xA1\xE0\xB8\xB5"
	    "\xE0\xB8\x9C\xE0\xB9\x88\xE0\xB8\xAD\xE0\xB8\x99")),
	    "\xE0\xB8\x9C\xE0\xB9\x88\xE0\xB8\xAD\xE0\xB8\x99:negated ");		/* th ไม่มีผ่อน */
	CHECK_STR(got(judge("\xD9\x84\xD9\x8A\xD8\xB3 \xD8\xA8\xD8\xA7\xD9\x84\xD8\xAA\xD9\x82"
	    "\xD8\xB3\xD9\x8A\xD8\xB7")),
	    "\xD8\xA8\xD8\xA7\xD9\x84\xD8\xAA\xD9\x82\xD8\xB3\xD9\x8A\xD8\xB7:negated ");	/* ar */
	CHECK_STR(got(judge("Taksitli de\xC4\x9Fil")), "taksitli:negated ");		/* tr */
	CHECK_STR(got(judge("\xE5\x88\x86\xE5\x89\xB2\xE6\x89\x95\xE3\x81\x84\xE3\x81\xA7\xE3"
	    "\x81\xAF\xE3\x81\x82\xE3\x82\x8A\xE3\x81\xBE\xE3\x81\x9B\xE3\x82\x93")),
	    "\xE5\x88\x86\xE5\x89\xB2\xE6\x89\x95\xE3\x81\x84:negated ");		/* ja */
	CHECK_STR(got(judge("\xD0\x9D\xD0\xB5 \xD0\xB2 \xD1\x80\xD0\xB0\xD1\x81\xD1\x81\xD1\x80"
	    "\xD0\xBE\xD1\x87\xD0\xBA\xD1\x83")),
	    "\xD0\xB2 \xD1\x80\xD0\xB0\xD1\x81\xD1\x81\xD1\x80\xD0\xBE\xD1\x87\xD0\xBA\xD1\x83:negated ");
	/* an Arabic negation wears the conjunction glued to it ("وما",
	 * and not), not what makes it another word ("كما", as); "ما زال"
	 * (still) is no negation */
	CHECK_STR(got(judge("\xD8\xAC\xD9\x88\xD8\xA7\xD9\x84 \xD9\x86\xD8\xB8\xD9\x8A\xD9\x81 \xD9\x88\xD9\x85\xD8\xA7 \xD8\xB9\xD9\x84\xD9\x8A\xD9\x87 \xD8\xA3\xD9\x82\xD8\xB3\xD8\xA7\xD8\xB7")), "\xD8\xB9\xD9\x84\xD9\x8A\xD9\x87 \xD8\xA3\xD9\x82\xD8\xB3\xD8\xA7\xD8\xB7:negated ");
	CHECK_STR(got(judge("\xD9\x83\xD9\x85\xD8\xA7 \xD8\xB9\xD9\x84\xD9\x8A\xD9\x87 \xD8\xA3\xD9\x82\xD8\xB3\xD8\xA7\xD8\xB7")), "\xD8\xB9\xD9\x84\xD9\x8A\xD9\x87 \xD8\xA3\xD9\x82\xD8\xB3\xD8\xA7\xD8\xB7:counted ");
	CHECK_STR(got(judge("\xD9\x88\xD9\x85\xD8\xA7 \xD8\xB2\xD8\xA7\xD9\x84 \xD8\xB9\xD9\x84\xD9\x8A\xD9\x87 \xD8\xA3\xD9\x82\xD8\xB3\xD8\xA7\xD8\xB7")), "\xD8\xB9\xD9\x84\xD9\x8A\xD9\x87 \xD8\xA3\xD9\x82\xD8\xB3\xD8\xA7\xD8\xB7:counted ");
	/* Turkish "falan yok" (no ... or anything of the kind) a word away;
	 * Japanese "心配もない" (no worry of it) denies a lock, not a debt */
	CHECK_STR(got(judge("FRP kilidi falan yok")), "frp:negated ");
	CHECK_STR(got(judge("\xE8\xB5\xA4\xE3\x83\xAD\xE3\x83\xA0\xE3\x81\xAB\xE3\x81\xAA\xE3\x82\x8B\xE5\xBF\x83\xE9\x85\x8D\xE3\x82\x82\xE3\x81\xAA\xE3\x81\x84\xE3\x81\xA7\xE3\x81\x99")), "\xE8\xB5\xA4\xE3\x83\xAD\xE3\x83\xA0:negated ");
	CHECK_STR(got(judge("\xE6\xAE\x8B\xE5\x82\xB5\xE3\x81\x82\xE3\x82\x8A\xE3\x81\xBE\xE3\x81\x99\xE3\x81\x8C\xE5\xBF\x83\xE9\x85\x8D\xE3\x81\x82\xE3\x82\x8A\xE3\x81\xBE\xE3\x81\x9B\xE3\x82\x93")), "\xE6\xAE\x8B\xE5\x82\xB5\xE3\x81\x82\xE3\x82\x8A:counted ");
	/* Japanese "(ロックは)かかってません": the lock is not on */
	CHECK_STR(got(judge("\xE3\x82\xA2\xE3\x82\xAF\xE3\x83\x86\xE3\x82\xA3\xE3\x83\x99\xE3\x83\xBC\xE3\x82\xB7\xE3\x83\xA7\xE3\x83\xB3\xE3\x83\xAD\xE3\x83\x83\xE3\x82\xAF\xE3\x81\xAF\xE3\x81\x8B\xE3\x81\x8B\xE3\x81\xA3\xE3\x81\xA6\xE3\x81\xBE\xE3\x81\x9B\xE3\x82\x93")), "\xE3\x82\xA2\xE3\x82\xAF\xE3\x83\x86\xE3\x82\xA3\xE3\x83\x99\xE3\x83\xBC\xE3\x82\xB7\xE3\x83\xA7\xE3\x83\xB3\xE3\x83\xAD\xE3\x83\x83\xE3\x82\xAF:negated ");
	CHECK_STR(got(judge("\xE3\x82\xA2\xE3\x82\xAF\xE3\x83\x86\xE3\x82\xA3\xE3\x83\x99\xE3\x83\xBC\xE3\x82\xB7\xE3\x83\xA7\xE3\x83\xB3\xE3\x83\xAD\xE3\x83\x83\xE3\x82\xAF\xE3\x81\x8C\xE3\x81\x8B\xE3\x81\x8B\xE3\x81\xA3\xE3\x81\xA6\xE3\x81\x84\xE3\x81\xBE\xE3\x81\x99")), "\xE3\x82\xA2\xE3\x82\xAF\xE3\x83\x86\xE3\x82\xA3\xE3\x83\x99\xE3\x83\xBC\xE3\x82\xB7\xE3\x83\xA7\xE3\x83\xB3\xE3\x83\xAD\xE3\x83\x83\xE3\x82\xAF:counted ");
	CHECK_STR(RISK(judge("Tidak kredit, beli cash")), "ok");
	/* a question answered at once; a denial after "but" */
	CHECK_STR(got(judge("Stolen? No.")), "stolen:negated ");
	CHECK_STR(got(judge("Nakaw daw, pero hindi!")), "nakaw:negated ");
	CHECK_STR(got(judge("Stolen they say, but no.")), "stolen:negated ");
	/* a phrase that is itself an absence stays a flag */
	CHECK_STR(got(judge("Sin factura, no robado")), "sin factura:counted robado:negated ");
	CHECK_STR(RISK(judge("Sin factura, no robado")), "caution");
	CHECK_STR(got(judge("Belum lunas")), "belum lunas:counted ");
	CHECK_STR(got(judge("EMI not completed")), "emi not completed:counted ");
	/* a lock taken off, a stolen phone taken back */
	CHECK_STR(got(judge("Pas bloqu\xC3\xA9, compte Google retir\xC3\xA9")),
	    "bloqu\xC3\xA9:negated compte google:negated ");			/* fr */
	CHECK_STR(RISK(judge("Google account removed, reset done")), "ok");
	CHECK_STR(got(judge("Na-snatch dati tapos nabawi ko")), "na-snatch:negated ");	/* tl */
	/* a carrier lock said openly is a weak word, not a stop */
	CHECK_STR(got(judge("Capado por Telcel")), "capado:weak ");
	CHECK_STR(RISK(judge("Separa con un anticipo por Nequi")), "caution");
	/* Darija "machi" / "ماشي" (not), Jamaican "nuh", Russian "не будет"
	 * after the word, Gulf "مب" behind a glued و, Swahili "haiko kwa" */
	CHECK_STR(got(judge("Rah machi bloqu\xC3\xA9, iCloud d\xC3\xA9" "connect\xC3\xA9")), "bloqu\xC3\xA9:negated ");
	CHECK_STR(got(judge("it nuh stolen an nuh report nor blacklist")), "stolen:negated blacklist:negated ");
	CHECK_STR(got(judge("\xD0\x90\xD0\xBA\xD0\xBA\xD0\xB0\xD1\x83\xD0\xBD\xD1\x82 Google \xD1\x83\xD0\xB4\xD0\xB0\xD0\xBB\xD1\x91\xD0\xBD, \xD1\x82\xD0\xB0\xD0\xBA \xD1\x87\xD1\x82\xD0\xBE FRP \xD0\xBD\xD0\xB5 \xD0\xB1\xD1\x83\xD0\xB4\xD0\xB5\xD1\x82")), "frp:negated ");
	CHECK_STR(got(judge("\xD8\xA7\xD9\x84\xD8\xAC\xD9\x87\xD8\xA7\xD8\xB2 \xD9\x85\xD8\xB4\xD8\xAA\xD8\xB1\xD9\x89 \xD9\x83\xD8\xA7\xD8\xB4 \xD9\x88\xD9\x85\xD8\xA8 \xD8\xB9\xD9\x84\xD9\x8A\xD9\x87 \xD8\xA3\xD9\x8A \xD8\xA3\xD9\x82\xD8\xB3\xD8\xA7\xD8\xB7")), "\xD8\xA3\xD9\x82\xD8\xB3\xD8\xA7\xD8\xB7:negated ");
	CHECK_STR(got(judge("Haiko kwa M-KOPA, nilinunua cash")), "m-kopa:negated ");
	/* a question answered with its label: "Q: ...? A: No", Taglish
	 * "A: Hindi po"; "A: Yes" is no denial, and the word asked is a
	 * caution (test_asked); Turkish "değildir" */
	CHECK_STR(got(judge("Q: iCloud locked? A: No, signed out and erased")), "icloud locked:negated ");
	CHECK_STR(RISK(judge("Q: iCloud locked? A: Yes, sold for parts")), "caution");
	CHECK_STR(got(judge("Q: iCloud locked ba? A: Hindi po, naka-sign out na")), "icloud locked:negated ");
	CHECK_STR(got(judge("Taksitli de\xC4\x9Fildir, pe\xC5\x9Fin ald\xC4\xB1m")), "taksitli:negated ");
	/* the answer reaches over the question's commas (6ws); Japanese
	 * "になった場合" (in case it becomes) is no claim */
	CHECK_STR(got(judge("H\xE1\xBB\x8Fi: m\xC3\xA1y c\xC3\xB3 ph\xE1\xBA\xA3i h\xC3\xA0ng tr\xE1\xBB\x99m c\xE1\xBA\xAFp, tr\xC3\xB4i n\xE1\xBB\x95i kh\xC3\xB4ng? Tr\xE1\xBA\xA3 l\xE1\xBB\x9Di: kh\xC3\xB4ng nha")), "h\xC3\xA0ng tr\xE1\xBB\x99m c\xE1\xBA\xAFp:negated ");
	CHECK_STR(got(judge("\xE4\xB8\x87\xE4\xB8\x80\xE8\xB5\xA4\xE3\x83\xAD\xE3\x83\xA0\xE3\x81\xAB\xE3\x81\xAA\xE3\x81\xA3\xE3\x81\x9F\xE5\xA0\xB4\xE5\x90\x88\xE3\x81\xAF\xE5\x85\xA8\xE9\xA1\x8D\xE8\xBF\x94\xE9\x87\x91\xE3\x81\x97\xE3\x81\xBE\xE3\x81\x99")), "\xE8\xB5\xA4\xE3\x83\xAD\xE3\x83\xA0:negated ");
	/* Turkish "borcu kalmadı" (no debt is left) */
	CHECK_STR(RISK(judge("Turkcell'den taksitle alm\xC4\xB1\xC5\x9Ft\xC4\xB1m, son taksit de \xC3\xB6" "dendi cihaz borcu kalmad\xC4\xB1")), "ok");
	/* Turkish "falan değil" (not ... or anything) typed without its letters */
	CHECK_STR(got(judge("Abi telefon calinti falan degil, kayip bildirimi yok")), "calinti:negated kay\xC4\xB1p:negated ");
}

/* A negation reaches only its own clause. */
static void
test_boundaries(void)
{
	CHECK_STR(got(judge("Not stolen but blacklisted")), "stolen:negated blacklisted:counted ");
	CHECK_STR(got(judge("Not my phone. EMI running")), "emi running:counted ");
	CHECK_STR(got(judge("No, this is on EMI")), "on emi:counted ");
	CHECK_STR(got(judge("No box, but on EMI still")), "no box:weak on emi:counted ");
	/* "Rs. 15.000": a '.' between digits ends no clause */
	CHECK_STR(got(judge("Rs. 15.000 only, no EMI")), "emi:negated ");
	/* Thai: a space ends a clause, words touch */
	CHECK_STR(got(judge("\xE0\xB8\x9C\xE0\xB9\x88\xE0\xB8\xAD\xE0\xB8\x99 "
	    "\xE0\xB9\x84\xE0\xB8\xA1\xE0\xB9\x88\xE0\xB8\xA1\xE0\xB8\xB5")),
	    "\xE0\xB8\x9C\xE0\xB9\x88\xE0\xB8\xAD\xE0\xB8\x99:weak ");		/* ผ่อน ไม่มี */
	CHECK_STR(got(judge("\xE0\xB8\x95\xE0\xB8\xB4\xE0\xB8\x94\xE0\xB8\x9C\xE0\xB9\x88\xE0"
	    "\xB8\xAD\xE0\xB8\x99")), "\xE0\xB8\x95\xE0\xB8\xB4\xE0\xB8\x94\xE0\xB8\x9C\xE0\xB9"
	    "\x88\xE0\xB8\xAD\xE0\xB8\x99:counted ");					/* ติดผ่อน */
}

/* Finished payments: strong statements reach the listing; a negated one
 * is none. */
static void
test_completion(void)
{
	CHECK_STR(got(judge("EMI khatam ho gayi, NOC hai")), "emi:paid_off ");
	CHECK_STR(got(judge("Was on EMI last year, now fully paid")), "on emi:paid_off ");
	CHECK_STR(got(judge("Cicilan sudah lunas")), "cicilan:paid_off ");
	CHECK_STR(got(judge("\xC4\x90\xC3\xA3 t\xE1\xBA\xA5t to\xC3\xA1n tr\xE1\xBA\xA3 g\xC3\xB3p")),
	    "tr\xE1\xBA\xA3 g\xC3\xB3p:paid_off ");					/* vi */
	CHECK_STR(got(judge("\xE6\xAE\x8B\xE5\x82\xB5\xE3\x81\xAA\xE3\x81\x97")),
	    "\xE6\xAE\x8B\xE5\x82\xB5:paid_off ");					/* 残債なし */
	CHECK_STR(got(judge("Not fully paid, EMI running")), "emi running:counted ");
	CHECK_STR(RISK(judge("Not fully paid yet, still on EMI")), "caution");
	CHECK_STR(RISK(judge("Home Credit paid off, receipt available")), "ok");
	/* "خلصت كل الأقساط" (all the instalments finished), unless denied;
	 * French "mensualités soldées" */
	CHECK_STR(RISK(judge("\xD9\x83\xD8\xA7\xD9\x86 \xD8\xA8\xD8\xA7\xD9\x84\xD8\xAA\xD9\x82\xD8\xB3\xD9\x8A\xD8\xB7 \xD9\x85\xD8\xB9 \xD8\xAA\xD8\xA7\xD8\xA8\xD9\x8A \xD9\x88\xD8\xAE\xD9\x84\xD8\xB5\xD8\xAA \xD9\x83\xD9\x84 \xD8\xA7\xD9\x84\xD8\xA3\xD9\x82\xD8\xB3\xD8\xA7\xD8\xB7")), "ok");
	CHECK_STR(RISK(judge("\xD8\xA8\xD8\xA7\xD9\x84\xD8\xAA\xD9\x82\xD8\xB3\xD9\x8A\xD8\xB7 \xD9\x88\xD9\x85\xD8\xA7 \xD8\xAE\xD9\x84\xD8\xB5\xD8\xAA \xD8\xA7\xD9\x84\xD8\xA3\xD9\x82\xD8\xB3\xD8\xA7\xD8\xB7")), "caution");
	CHECK_STR(got(judge("Pris \xC3\xA0 cr\xC3\xA9" "dit, mensualit\xC3\xA9s sold\xC3\xA9" "es")), "\xC3\xA0 cr\xC3\xA9" "dit:paid_off mensualit\xC3\xA9s:paid_off ");
	/* a near cue that paid off one financing word pays off the
	 * listing's others ("taksitli" in the clause before) */
	CHECK_STR(got(judge("Taksitli alm\xC4\xB1\xC5\x9Ft\xC4\xB1m, 12 taksitin hepsi \xC3\xB6" "dendi")),
	    "taksitli:paid_off taksitin:paid_off ");
	CHECK_STR(got(judge("Taksitli alm\xC4\xB1\xC5\x9Ft\xC4\xB1m, 5 taksit kald\xC4\xB1")),
	    "taksitli:counted taksit:counted ");
	/* "j'ai soldé toutes les mensualités" (the cue before the word),
	 * "خلصت كل الدفعات" (all the payments done), "সব পরিশোধ করা শেষ" */
	CHECK_STR(got(judge("Pris \xC3\xA0 cr\xC3\xA9" "dit, j'ai sold\xC3\xA9 toutes les mensualit\xC3\xA9s")), "\xC3\xA0 cr\xC3\xA9" "dit:paid_off mensualit\xC3\xA9s:paid_off ");
	CHECK_STR(RISK(judge("\xD9\x83\xD8\xA7\xD9\x86 \xD8\xA8\xD8\xA7\xD9\x84\xD8\xAA\xD9\x82\xD8\xB3\xD9\x8A\xD8\xB7 \xD9\x85\xD8\xB9 \xD8\xAA\xD8\xA7\xD8\xA8\xD9\x8A \xD9\x88\xD8\xAE\xD9\x84\xD8\xB5\xD8\xAA \xD9\x83\xD9\x84 \xD8\xA7\xD9\x84\xD8\xAF\xD9\x81\xD8\xB9\xD8\xA7\xD8\xAA")), "ok");
	CHECK_STR(RISK(judge("\xE0\xA6\x95\xE0\xA7\x8D\xE0\xA6\xB0\xE0\xA7\x87\xE0\xA6\xA1\xE0\xA6\xBF\xE0\xA6\x9F \xE0\xA6\x95\xE0\xA6\xBE\xE0\xA6\xB0\xE0\xA7\x8D\xE0\xA6\xA1\xE0\xA7\x87 \xE0\xA6\x87\xE0\xA6\x8F\xE0\xA6\xAE\xE0\xA6\x86\xE0\xA6\x87 \xE0\xA6\x9B\xE0\xA6\xBF\xE0\xA6\xB2, \xE0\xA6\xB8\xE0\xA6\xAC \xE0\xA6\xAA\xE0\xA6\xB0\xE0\xA6\xBF\xE0\xA6\xB6\xE0\xA7\x8B\xE0\xA6\xA7 \xE0\xA6\x95\xE0\xA6\xB0\xE0\xA6\xBE \xE0\xA6\xB6\xE0\xA7\x87\xE0\xA6\xB7")), "ok");
	/* a Thai shop's plan paid and closed takes its MDM lock with it,
	 * not an iCloud lock */
	CHECK_STR(RISK(judge("\xE0\xB8\x9C\xE0\xB9\x88\xE0\xB8\xAD\xE0\xB8\x99\xE0\xB8\x84\xE0\xB8\xA3\xE0\xB8\x9A\xE0\xB9\x81\xE0\xB8\xA5\xE0\xB9\x89\xE0\xB8\xA7 \xE0\xB8\x9B\xE0\xB8\xA5\xE0\xB8\x94 MDM \xE0\xB9\x80\xE0\xB8\xA3\xE0\xB8\xB5\xE0\xB8\xA2\xE0\xB8\x9A\xE0\xB8\xA3\xE0\xB9\x89\xE0\xB8\xAD\xE0\xB8\xA2")), "ok");
	CHECK_STR(RISK(judge("\xE0\xB8\x9C\xE0\xB9\x88\xE0\xB8\xAD\xE0\xB8\x99\xE0\xB8\x84\xE0\xB8\xA3\xE0\xB8\x9A\xE0\xB9\x81\xE0\xB8\xA5\xE0\xB9\x89\xE0\xB8\xA7 \xE0\xB9\x81\xE0\xB8\x95\xE0\xB9\x88\xE0\xB8\x95\xE0\xB8\xB4\xE0\xB8\x94\xE0\xB9\x84\xE0\xB8\xAD\xE0\xB8\x84\xE0\xB8\xA5\xE0\xB8\xB2\xE0\xB8\xA7\xE0\xB8\x94\xE0\xB9\x8C")), "stop");
	CHECK_STR(RISK(judge("\xE0\xB8\x95\xE0\xB8\xB4\xE0\xB8\x94 MDM \xE0\xB8\xA3\xE0\xB9\x89\xE0\xB8\xB2\xE0\xB8\x99 \xE0\xB8\x82\xE0\xB8\xB2\xE0\xB8\xA2\xE0\xB9\x80\xE0\xB8\x9B\xE0\xB9\x87\xE0\xB8\x99\xE0\xB8\xAD\xE0\xB8\xB0\xE0\xB9\x84\xE0\xB8\xAB\xE0\xB8\xA5\xE0\xB9\x88")), "stop");
	/* Bolivian "cancelado" (paid off) */
	CHECK_STR(got(judge("Lo saqu\xC3\xA9 a cr\xC3\xA9" "dito pero ya est\xC3\xA1 totalmente cancelado")), "a cr\xC3\xA9" "dito:paid_off ");
	/* Urdu "ساری قسطیں ادا" (all the instalments paid) */
	CHECK_STR(RISK(judge("\xD8\xAF\xDA\xA9\xD8\xA7\xD9\x86 \xD8\xB3\xDB\x92 \xD9\x82\xD8\xB3\xD8\xB7\xD9\x88\xDA\xBA \xD9\xBE\xD8\xB1 \xD9\x84\xDB\x8C\xD8\xA7 \xD8\xAA\xDA\xBE\xD8\xA7\xD8\x8C \xD8\xB3\xD8\xA7\xD8\xB1\xDB\x8C \xD9\x82\xD8\xB3\xD8\xB7\xDB\x8C\xDA\xBA \xD8\xA7\xD8\xAF\xD8\xA7 \xDB\x81\xD9\x88 \xDA\x86\xDA\xA9\xDB\x8C \xDB\x81\xDB\x8C\xDA\xBA")), "ok");
}

/* Plans still running: what is left to pay lifts a weak financing word
 * next to it; a negation, a boundary or distance leaves it weak. */
static void
test_ongoing(void)
{
	CHECK_STR(got(judge("Ainda faltam 6 parcelas no cart\xC3\xA3o")), "parcelas:counted ");
	CHECK_STR(RISK(judge("Ainda faltam 6 parcelas no cart\xC3\xA3o")), "caution");
	CHECK_STR(got(judge("Kredi kart\xC4\xB1nda 5 taksit kald\xC4\xB1")), "taksit:counted ");
	CHECK_STR(got(judge("Two loan payments remaining")), "loan:counted ");
	/* "nothing is missing": the cue is negated */
	CHECK_STR(got(judge("N\xC3\xA3o falta nada, parcelas no boleto")), "parcelas:weak ");
	/* another clause: "faltam fotos" says nothing of the plan */
	CHECK_STR(got(judge("Comprei em parcelas. Faltam fotos")), "parcelas:weak ");
	CHECK_STR(RISK(judge("Comprei em parcelas. Faltam fotos")), "ok");
	/* a finished plan still wins */
	CHECK_STR(got(judge("Parcelas quitadas, n\xC3\xA3o falta nada")), "parcelas:paid_off ");
	/* "left" after a weak pair: a balance is still owed */
	CHECK_STR(got(judge("Loan balance left")), "loan:counted balance:counted ");
	/* taking over a plan: Thai "รับผ่อนต่อ", not the shop's "รับผ่อน";
	 * Sovcombank's Halva card, not the sweet */
	CHECK_STR(RISK(judge("\xE0\xB8\xAB\xE0\xB8\xB2\xE0\xB8\x84\xE0\xB8\x99\xE0\xB8\xA1\xE0\xB8\xB2\xE0\xB8\xA3\xE0\xB8\xB1\xE0\xB8\x9A\xE0\xB8\x9C\xE0\xB9\x88\xE0\xB8\xAD\xE0\xB8\x99\xE0\xB8\x95\xE0\xB9\x88\xE0\xB8\xAD \xE0\xB9\x80\xE0\xB8\xAB\xE0\xB8\xA5\xE0\xB8\xB7\xE0\xB8\xAD\xE0\xB8\xAD\xE0\xB8\xB5\xE0\xB8\x81 7 \xE0\xB8\x87\xE0\xB8\xA7\xE0\xB8\x94")), "caution");
	CHECK_STR(got(judge("\xD0\x91\xD1\x80\xD0\xB0\xD0\xBB\xD0\xB0 \xD0\xBF\xD0\xBE \xD0\xA5\xD0\xB0\xD0\xBB\xD0\xB2\xD0\xB5, \xD0\xB5\xD1\x89\xD1\x91 7 \xD0\xBC\xD0\xB5\xD1\x81\xD1\x8F\xD1\x86\xD0\xB5\xD0\xB2")), "\xD0\xBF\xD0\xBE \xD1\x85\xD0\xB0\xD0\xBB\xD0\xB2\xD0\xB5:counted ");
	CHECK_STR(RISK(judge("\xD0\xA5\xD0\xB0\xD0\xBB\xD0\xB2\xD0\xB0 \xD0\xB4\xD0\xBE\xD0\xBC\xD0\xB0\xD1\x88\xD0\xBD\xD1\x8F\xD1\x8F \xD0\xB2 \xD0\xBF\xD0\xBE\xD0\xB4\xD0\xB0\xD1\x80\xD0\xBE\xD0\xBA")), "ok");
	/* "hire purchase" (Courts) with payments left */
	CHECK_STR(RISK(judge("Got it on hire purchase at Courts, still have 5 payments left")), "caution");
	/* a plan the buyer takes over */
	CHECK_STR(RISK(judge("Got it on plan from Digicel, 9 months left. You take over the payments")), "caution");
}

/* Money asked first: a first cue lifts a weak payment word next to it;
 * the word alone, or a denied cue, is no finding. */
static void
test_first(void)
{
	CHECK_STR(got(judge("Bayar ongkir dulu ya kak, baru dikirim")), "ongkir:counted ");
	CHECK_STR(RISK(judge("Bayar ongkir dulu ya kak, baru dikirim")), "caution");
	CHECK_STR(got(judge("Ongkir ditanggung pembeli, COD Jakarta")), "ongkir:weak ");
	CHECK_STR(RISK(judge("Ongkir ditanggung pembeli, COD Jakarta")), "ok");
	/* "a deposit is asked in advance" (ar) */
	CHECK_STR(got(judge("\xD8\xA7\xD9\x84\xD9\x85\xD8\xB7\xD9\x84\xD9\x88\xD8\xA8 "
	    "\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x88\xD9\x86 \xD9\x85\xD8\xB3\xD8\xA8\xD9\x82\xD8\xA7")), "\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x88\xD9\x86:counted ");
	/* a payment app named, then an idiom holding "first" */
	CHECK_STR(got(judge("GCash first come first serve")), "gcash:weak ");
	CHECK_STR(got(judge("Send via GCash first, then I ship")), "gcash:counted ");
	/* "no deposit upfront": the negation reaches the cue and the word */
	CHECK_STR(RISK(judge("No deposit upfront, pay when you see it")), "ok");
	/* an amount between the cue and the word is no word of the reach */
	CHECK_STR(got(judge("Send upfront 20 000 via GCash")), "gcash:counted ");
	CHECK_STR(got(judge("Send upfront 1,500.00 via GCash")), "gcash:counted ");
	CHECK_STR(got(judge("Send upfront 20 000 000 000 via GCash")), "gcash:counted ");
	CHECK_STR(got(judge("Send upfront the whole agreed price right now via GCash")), "gcash:weak ");
	CHECK_STR(got(judge("Send upfront $40 via GCash")), "gcash:counted ");
	CHECK_STR(got(judge("Send upfront 2k pesos via GCash")), "gcash:counted ");
	CHECK_STR(got(judge("Send upfront 2 really big old ones right now via GCash")), "gcash:weak ");
	CHECK_STR(got(judge("Send upfront 2 really big old ones via GCash")), "gcash:counted ");
	/* a first cue reaches over the commas of its sentence ("6ws"), not
	 * into the next one (a shipping word reaches the listing: below) */
	CHECK_STR(got(judge("Pour r\xC3\xA9server, envoyez 5000 par Wave")), "wave:counted ");
	CHECK_STR(got(judge("Full payment muna bago ship, pwede BPI or Palawan Express")),
	    "bpi:counted palawan express:counted ");
	CHECK_STR(got(judge("Pour r\xC3\xA9server venez. Paiement par Wave")), "wave:weak ");
	/* Swahili "kwanza" (first) asks first; "wa kwanza" (the first one's:
	 * "mmiliki wa kwanza", the first owner) holds it and asks nothing */
	CHECK_STR(got(judge("Tuma 800 ya delivery kwa M-Pesa kwanza")), "m-pesa:counted ");
	CHECK_STR(got(judge("Mimi ni mmiliki wa kwanza, nilipa kwa M-Pesa")), "m-pesa:weak ");
	/* either side: Tagalog "muna" follows the verb, before the app */
	CHECK_STR(got(judge("Send ka muna ng 500 sa GCash")), "gcash:counted ");
	/* a negation cancels a first cue only as it would a phrase: not a
	 * short word of another language (Vietnamese "ko", Tagalog "my"),
	 * nor a homograph (Portuguese "no", em + o) */
	CHECK_STR(got(judge("Eto rule ko: first to send 1,000 reservation sa Maya")),
	    "reservation:counted ");
	CHECK_STR(got(judge("Tu paga 45 reais no PicPay antes e eu despacho")), "picpay:counted ");
	CHECK_STR(got(judge("Kh\xC3\xB4ng c\xE1\xBA\xA7n chuy\xE1\xBB\x83n kho\xE1\xBA\xA3n tr\xC6\xB0\xE1\xBB\x9B" "c")),
	    "chuy\xE1\xBB\x83n kho\xE1\xBA\xA3n tr\xC6\xB0\xE1\xBB\x9B" "c:negated ");
	/* a shipping word is a first cue: the money goes before the phone */
	CHECK_STR(got(judge("Kargo \xC3\xBC" "cretini Papara'dan g\xC3\xB6nderin")), "papara:counted ");
	CHECK_STR(got(judge("Bisa OVO atau COD, dikirim hari ini")), "ovo:weak ");
	/* "yoktur", yok with its copula, over a list */
	CHECK_STR(got(judge("\xC3\x87" "al\xC4\xB1nt\xC4\xB1 ya da kay\xC4\xB1p kayd\xC4\xB1 yoktur")),
	    "\xC3\xA7" "al\xC4\xB1nt\xC4\xB1:negated kay\xC4\xB1p:negated ");
	/* an Arabic cue of words wears the article ("العربون", the deposit);
	 * a particle does not: "لما" (when) is no "ما" (not) */
	CHECK_STR(got(judge("\xD8\xAD\xD9\x88\xD9\x84 \xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x88\xD9\x86 "
	    "300 \xD8\xB1\xD9\x8A\xD8\xA7\xD9\x84 \xD8\xB9\xD9\x84\xD9\x89 STC Pay")),
	    "\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x88\xD9\x86:weak stc pay:counted ");
	CHECK_STR(RISK(judge("\xD9\x84\xD9\x85\xD8\xA7 \xD8\xA7\xD8\xB4\xD8\xAA\xD8\xB1\xD9\x8A\xD8\xAA\xD9\x87 "
	    "\xD9\x83\xD8\xA7\xD9\x86 \xD9\x85\xD9\x82\xD9\x81\xD9\x84")), "stop");
	/* Japanese puts 先に (first) after the name as often as before */
	CHECK_STR(got(judge("PayPay\xE3\x81\xA7\xE5\x85\x88\xE3\x81\xAB\xE9\x80\x81\xE9\x87\x91")),
	    "paypay:counted ");
	/* Russian "заранее" (in advance), not in "заранее спасибо" (thanks
	 * in advance), the ending of many an honest listing */
	CHECK_STR(got(judge("\xD0\x94\xD0\xB5\xD0\xBD\xD1\x8C\xD0\xB3\xD0\xB8 \xD0\xBF\xD0\xBE\xD0\xBB\xD0\xBD\xD0\xBE\xD1\x81\xD1\x82\xD1\x8C\xD1\x8E \xD0\xB7\xD0\xB0\xD1\x80\xD0\xB0\xD0\xBD\xD0\xB5\xD0\xB5 \xD0\xBD\xD0\xB0 \xD0\xA1\xD0\xB1\xD0\xB5\xD1\x80")), "\xD1\x81\xD0\xB1\xD0\xB5\xD1\x80:counted ");
	CHECK_STR(got(judge("\xD0\x97\xD0\xB0\xD1\x80\xD0\xB0\xD0\xBD\xD0\xB5\xD0\xB5 \xD1\x81\xD0\xBF\xD0\xB0\xD1\x81\xD0\xB8\xD0\xB1\xD0\xBE. \xD0\x9E\xD0\xBF\xD0\xBB\xD0\xB0\xD1\x82\xD0\xB0 \xD0\xBD\xD0\xB0 \xD0\xA1\xD0\xB1\xD0\xB5\xD1\x80 \xD0\xBF\xD1\x80\xD0\xB8 \xD0\xB2\xD1\x81\xD1\x82\xD1\x80\xD0\xB5\xD1\x87\xD0\xB5")), "\xD1\x81\xD0\xB1\xD0\xB5\xD1\x80:weak ");
	/* Thai "ค่าส่ง" (shipping fee) and Bengali "রকেটে" (by Rocket, with
	 * its case ending) are payment words ก่อน / আগে (first) lift */
	CHECK_STR(got(judge("\xE0\xB9\x82\xE0\xB8\xAD\xE0\xB8\x99\xE0\xB8\x84\xE0\xB9\x88\xE0\xB8\xB2\xE0\xB8\xAA\xE0\xB9\x88\xE0\xB8\x87\xE0\xB8\x81\xE0\xB9\x88\xE0\xB8\xAD\xE0\xB8\x99 60 \xE0\xB8\x9A\xE0\xB8\xB2\xE0\xB8\x97 \xE0\xB9\x81\xE0\xB8\xA5\xE0\xB9\x89\xE0\xB8\xA7\xE0\xB8\xAA\xE0\xB9\x88\xE0\xB8\x87 J&T \xE0\xB9\x83\xE0\xB8\xAB\xE0\xB9\x89")),
	    "\xE0\xB9\x82\xE0\xB8\xAD\xE0\xB8\x99\xE0\xB8\x84\xE0\xB9\x88\xE0\xB8\xB2:counted \xE0\xB8\x84\xE0\xB9\x88\xE0\xB8\xB2\xE0\xB8\xAA\xE0\xB9\x88\xE0\xB8\x87:counted ");	/* and โอนค่า, paying a fee */
	CHECK_STR(got(judge("\xE0\xB8\x84\xE0\xB9\x88\xE0\xB8\xB2\xE0\xB8\xAA\xE0\xB9\x88\xE0\xB8\x87\xE0\xB8\x9F\xE0\xB8\xA3\xE0\xB8\xB5 \xE0\xB8\x99\xE0\xB8\xB1\xE0\xB8\x94\xE0\xB8\xA3\xE0\xB8\xB1\xE0\xB8\x9A\xE0\xB9\x84\xE0\xB8\x94\xE0\xB9\x89")), "\xE0\xB8\x84\xE0\xB9\x88\xE0\xB8\xB2\xE0\xB8\xAA\xE0\xB9\x88\xE0\xB8\x87:weak ");
	CHECK_STR(got(judge("\xE0\xA6\x95\xE0\xA7\x81\xE0\xA6\xB0\xE0\xA6\xBF\xE0\xA6\xAF\xE0\xA6\xBC\xE0\xA6\xBE\xE0\xA6\xB0 \xE0\xA6\x9A\xE0\xA6\xBE\xE0\xA6\xB0\xE0\xA7\x8D\xE0\xA6\x9C \xE0\xA7\xA8\xE0\xA7\xA6\xE0\xA7\xA6 \xE0\xA6\x9F\xE0\xA6\xBE\xE0\xA6\x95\xE0\xA6\xBE \xE0\xA6\x86\xE0\xA6\x97\xE0\xA7\x87 \xE0\xA6\xB0\xE0\xA6\x95\xE0\xA7\x87\xE0\xA6\x9F\xE0\xA7\x87 \xE0\xA6\xAA\xE0\xA6\xBE\xE0\xA6\xA0\xE0\xA6\xBE\xE0\xA6\x87\xE0\xA6\xA4\xE0\xA7\x87 \xE0\xA6\xB9\xE0\xA6\xAC\xE0\xA7\x87")), "\xE0\xA6\x95\xE0\xA7\x81\xE0\xA6\xB0\xE0\xA6\xBF\xE0\xA6\xAF\xE0\xA6\xBC\xE0\xA6\xBE\xE0\xA6\xB0 \xE0\xA6\x9A\xE0\xA6\xBE\xE0\xA6\xB0\xE0\xA7\x8D\xE0\xA6\x9C:counted \xE0\xA6\xB0\xE0\xA6\x95\xE0\xA7\x87\xE0\xA6\x9F\xE0\xA7\x87:counted ");
	/* "advance", the English word, in Roman Urdu and Banglish too */
	CHECK_STR(got(judge("SadaPay pe advance bhej dein, phir courier")), "sadapay:counted ");
	/* a payment name of another language's row: MoMo in French */
	CHECK_STR(got(judge("Envoie 10 000 par MoMo avant qu'on se voie")), "momo:counted ");
	/* Thai: a space next to a number or a Latin word ends no clause,
	 * and white space is no character of a reach */
	CHECK_STR(got(judge("\xE0\xB8\xA1\xE0\xB8\xB1\xE0\xB8\x94\xE0\xB8\x88\xE0\xB8\xB3 500 "
	    "\xE0\xB8\x81\xE0\xB9\x88\xE0\xB8\xAD\xE0\xB8\x99")),
	    "\xE0\xB8\xA1\xE0\xB8\xB1\xE0\xB8\x94\xE0\xB8\x88\xE0\xB8\xB3:counted ");
	CHECK_STR(got(judge("\xE0\xB9\x84\xE0\xB8\xA1\xE0\xB9\x88\xE0\xB8\x95\xE0\xB8\xB4\xE0\xB8\x94 MDM")),
	    "mdm:negated ");
	/* the whole price asked ("full amount"), Turkish "önce IBAN'a",
	 * Banglish "age" (before) right before a wallet; English "age" is
	 * no cue (a homograph row), and an IBAN at a meet-up is no finding */
	CHECK_STR(got(judge("Send full amount on NayaPay and I book with Leopards")), "nayapay:counted ");
	CHECK_STR(got(judge("Kargo \xC3\xBC" "cretini \xC3\xB6nce IBAN'a g\xC3\xB6nderin")), "iban:counted ");
	CHECK_STR(got(judge("IBAN ile \xC3\xB6" "deme, elden teslim Kad\xC4\xB1k\xC3\xB6y")), "iban:weak ");
	CHECK_STR(got(judge("Courier charge 250 taka age Rocket e send koren")), "rocket:counted ");
	CHECK_STR(got(judge("Battery age 1 year, pay by GCash on meetup")), "gcash:weak ");
	CHECK_STR(RISK(judge("\xE0\xB9\x82\xE0\xB8\xAD\xE0\xB8\x99\xE0\xB8\x84\xE0\xB9\x88\xE0\xB8\xB2\xE0\xB8\x88\xE0\xB8\xAD\xE0\xB8\x87 300 \xE0\xB8\x9A\xE0\xB8\xB2\xE0\xB8\x97\xE0\xB8\x81\xE0\xB9\x88\xE0\xB8\xAD\xE0\xB8\x99\xE0\xB8\xA1\xE0\xB8\xB2\xE0\xB8\x94\xE0\xB8\xB9\xE0\xB9\x80\xE0\xB8\x84\xE0\xB8\xA3\xE0\xB8\xB7\xE0\xB9\x88\xE0\xB8\xAD\xE0\xB8\x87")), "caution");
	CHECK_STR(RISK(judge("\xD8\xAD\xD9\x88\xD9\x91\xD9\x84 50 \xD8\xAF\xD8\xB1\xD9\x87\xD9\x85 \xD8\xB1\xD8\xB3\xD9\x88\xD9\x85 \xD8\xA7\xD9\x84\xD8\xAA\xD9\x88\xD8\xB5\xD9\x8A\xD9\x84 \xD8\xA3\xD9\x88\xD9\x84")), "caution");
	CHECK_STR(RISK(judge("\xD8\xA7\xD9\x84\xD8\xB3\xD8\xB9\xD8\xB1 \xD8\xAD\xD9\x88\xD9\x84 500 \xD8\xAF\xD8\xB1\xD9\x87\xD9\x85 \xD9\x82\xD8\xA8\xD9\x84 \xD8\xA7\xD9\x84\xD8\xAA\xD9\x81\xD8\xA7\xD9\x88\xD8\xB6")), "ok");
	/* a deposit to hold the phone: Portuguese "sinal" only as a deposit
	 * ("sem sinal" is no network), French "un dépôt", Spanish "me
	 * deposite", "me giras" (you send me) */
	CHECK_STR(got(judge("S\xC3\xB3 reservo com sinal de 50\xE2\x82\xAC pago por refer\xC3\xAAncia Multibanco")), "multibanco:counted ");
	CHECK_STR(got(judge("Celular sem sinal na operadora, aceito Pix na hora")), "pix:weak ");
	CHECK_STR(got(judge("Faites un d\xC3\xA9p\xC3\xB4t de 3000 gourdes sur MonCash pour que je le garde")), "moncash:counted ");
	CHECK_STR(got(judge("Al que me deposite primero 200 Bs por QR se lo aparto")), "deposite:counted ");
	CHECK_STR(got(judge("primero me giras los 40 mil del flete y sale hoy")), "me giras:counted ");
	/* Urdu "پوری رقم" (the full amount), Bengali "বিকাশে" (by bKash) */
	CHECK_STR(RISK(judge("\xD9\xBE\xD9\x88\xD8\xB1\xDB\x8C \xD8\xB1\xD9\x82\xD9\x85 \xD8\xA7\xDB\x8C\xD8\xB2\xDB\x8C \xD9\xBE\xDB\x8C\xD8\xB3\xDB\x81 \xDA\xA9\xD8\xB1 \xD8\xAF\xDB\x8C\xDA\xBA\xD8\x8C \xD9\x85\xDB\x8C\xDA\xBA TCS \xDA\xA9\xD8\xB1 \xD8\xAF\xD9\x88\xDA\xBA \xDA\xAF\xD8\xA7")), "caution");
	CHECK_STR(got(judge("\xE0\xA7\xA7\xE0\xA7\xA6\xE0\xA7\xA6\xE0\xA7\xA6 \xE0\xA6\x9F\xE0\xA6\xBE\xE0\xA6\x95\xE0\xA6\xBE \xE0\xA6\xAC\xE0\xA6\xBF\xE0\xA6\x95\xE0\xA6\xBE\xE0\xA6\xB6\xE0\xA7\x87 \xE0\xA6\x85\xE0\xA6\x97\xE0\xA7\x8D\xE0\xA6\xB0\xE0\xA6\xBF\xE0\xA6\xAE \xE0\xA6\xA6\xE0\xA7\x87\xE0\xA6\xAC\xE0\xA7\x87\xE0\xA6\xA8")), "\xE0\xA6\xAC\xE0\xA6\xBF\xE0\xA6\x95\xE0\xA6\xBE\xE0\xA6\xB6\xE0\xA7\x87:counted \xE0\xA6\x85\xE0\xA6\x97\xE0\xA7\x8D\xE0\xA6\xB0\xE0\xA6\xBF\xE0\xA6\xAE:weak ");
	/* SINPE (Costa Rica) to hold it, a Turkish deposit with its case */
	CHECK_STR(RISK(judge("Me hace un SINPE de 20 mil para apartarlo")), "caution");
	CHECK_STR(RISK(judge("1000 TL kaporay\xC4\xB1 IBAN'a g\xC3\xB6nderen i\xC3\xA7in ay\xC4\xB1r\xC4\xB1yorum")), "caution");
	/* an M-Pesa till paid first, or once the buyer has the phone;
	 * PalawanPay, O!Dengi */
	CHECK_STR(got(judge("lipa delivery fee 500 kwa Till yangu kwanza ndio nitume rider")), "till yangu:counted ");
	CHECK_STR(got(judge("Lipa kwa Till yangu ukishaiona simu, tukutane town")), "till yangu:weak ");
	CHECK_STR(got(judge("BAYAD MUNA 350 PANG PADALA SA PALAWANPAY")), "palawanpay:counted ");
	CHECK_STR(got(judge("\xD0\xB4\xD0\xB5\xD0\xBD\xD1\x8C\xD0\xB3\xD0\xB8 \xD0\xBF\xD0\xBE\xD0\xBB\xD0\xBD\xD0\xBE\xD1\x81\xD1\x82\xD1\x8C\xD1\x8E \xD0\xB7\xD0\xB0\xD1\x80\xD0\xB0\xD0\xBD\xD0\xB5\xD0\xB5 \xD0\xBD\xD0\xB0 \xD0\x9E!\xD0\x94\xD0\xB5\xD0\xBD\xD1\x8C\xD0\xB3\xD0\xB8")), "\xD0\xBE!\xD0\xB4\xD0\xB5\xD0\xBD\xD1\x8C\xD0\xB3\xD0\xB8:counted ");
	/* M-PAiSA (Fiji), Yappy (Panama), "me transfieres" to hold it, and
	 * Portuguese "não dá pra entregar em mãos" (no hand-over) */
	CHECK_STR(got(judge("Send the full amount through M-PAiSA and I will post it")), "m-paisa:counted ");
	CHECK_STR(got(judge("Para reservarlo me transfieres 30 lucas, si no se lo vendo al primero")), "me transfieres:counted ");
	CHECK_STR(got(judge("Me pagas completo por Yappy y te lo mandamos, no hago entregas en persona")), "yappy:counted ");
	CHECK_STR(got(judge("to em Sao Paulo, nao da pra entregar em maos. Faz o pix que eu despacho")), "pix:counted ");
}

/* A seller who will not meet the buyer anywhere in the listing: the only
 * way to pay is before seeing the phone, so a payment word counts; the
 * word alone, or the refusal alone, is no finding. */
static void
test_no_meeting(void)
{
	CHECK_STR(got(judge("Full amount by bank transfer and I ship the same day. No meetups.")),
	    "bank transfer:counted ");
	CHECK_STR(got(judge("Cash or bank transfer, meet at the mall")), "bank transfer:weak ");
	CHECK_STR(RISK(judge("Cash or bank transfer, meet at the mall")), "ok");
	CHECK_STR(got(judge("No meetups, I ship anywhere")), "");
	CHECK_STR(RISK(judge("No meetups, I ship anywhere")), "ok");
	/* the refusal in another sentence, before the word (vi, tr, fr) */
	CHECK_STR(got(judge("Kh\xC3\xB4ng giao d\xE1\xBB\x8B" "ch tr\xE1\xBB\xB1" "c ti\xE1\xBA\xBFp. "
	    "Anh ch\xE1\xBB\x8B chuy\xE1\xBB\x83n kho\xE1\xBA\xA3n qua MB Bank")),
	    "chuy\xE1\xBB\x83n kho\xE1\xBA\xA3n:counted mb bank:counted ");
	CHECK_STR(got(judge("Elden teslim yok. T\xC3\xBCm tutar havale ile")), "havale:counted ");
	CHECK_STR(got(judge("Havale veya elden teslim, Kad\xC4\xB1k\xC3\xB6y")), "havale:weak ");
	CHECK_STR(got(judge("Pas de remise en main propre. Paiement par virement")),
	    "virement:counted ");
	CHECK_STR(got(judge("Remise en main propre, paiement par virement possible")),
	    "virement:weak ");
	/* Turkish typed without its letters: "yüz yüze satış yok" */
	CHECK_STR(got(judge("odeme enpara ile yapilir, kargoya veririm. yuz yuze satis yok")),
	    "enpara:counted ");
	/* Arabic "مقدماً" (in advance), with or without its tanween */
	CHECK_STR(got(judge("\xD8\xA7\xD9\x84\xD8\xAF\xD9\x81\xD8\xB9 "
	    "\xD9\x85\xD9\x82\xD8\xAF\xD9\x85\xD8\xA7\xD9\x8B \xD8\xB9\xD9\x84\xD9\x89 "
	    "\xD8\xB2\xD9\x8A\xD9\x86 \xD9\x83\xD8\xA7\xD8\xB4")),
	    "\xD8\xB2\xD9\x8A\xD9\x86 \xD9\x83\xD8\xA7\xD8\xB4:counted ");
	/* a denied payment word stays denied */
	CHECK_STR(got(judge("No meetups, sorry. No bank transfer either, PayPal goods only")),
	    "bank transfer:negated ");
}

/* A listing that lets the buyer pay with the phone in hand asks for
 * nothing first: a receipt cue cancels the listing-wide first cues (a
 * shipping word, a refusal to meet), not what the money is for. */
static void
test_paid_on_receipt(void)
{
	/* the shipping word reaches the listing, over sentences */
	CHECK_STR(got(judge("Shipping via LBC. Payment by GCash")), "gcash:counted ");
	CHECK_STR(got(judge("Shipping via LBC. Payment by GCash or COD")), "gcash:weak ");
	CHECK_STR(RISK(judge("Shipping via LBC. Payment by GCash or COD")), "ok");
	/* a denied receipt is none */
	CHECK_STR(got(judge("Shipping via LBC. GCash only, no COD")), "gcash:counted ");
	/* a refusal to meet, then cash on delivery by courier */
	CHECK_STR(got(judge("No meetups, COD via J&T only. Pay by GCash")), "gcash:weak ");
	CHECK_STR(got(judge("Can't meet up, I'm in Cebu. Pay by GCash")),
	    "gcash:counted ");
	CHECK_STR(got(judge("Meetup at SM North, cash or GCash. Can ship via LBC too")),
	    "gcash:weak ");
	/* a deposit is asked first whatever the rest */
	CHECK_STR(got(judge("Send 500 deposit by GCash to reserve, then COD")),
	    "deposit:weak gcash:counted ");
	CHECK_STR(got(judge("Separa con 50 mil por Nequi, el resto contraentrega. "
	    "Env\xC3\xADo por Servientrega")), "nequi:counted ");
	CHECK_STR(got(judge("Env\xC3\xADo por Servientrega, pago por Nequi contra entrega")),
	    "nequi:weak ");
	/* a wallet is a name: a first cue of any language lifts it, and
	 * pay on receipt is said once for the listing ("envio" is a
	 * Portuguese shipping word) */
	CHECK_STR(got(judge("Lipa pesa yote kwa MTN MoMo kwanza")), "mtn momo:counted ");
	CHECK_STR(got(judge("Lo envio contraentrega por Urbaner, pagas en efectivo o Yape")),
	    "yape:weak ");
	CHECK_STR(got(judge("Te lo envio por Urbaner, pagas por Yape")), "yape:counted ");
	/* Turkish: the case endings of "kargo"; "kapıda ödeme" (cash on
	 * delivery) offered, or refused with "yapmıyorum" */
	CHECK_STR(got(judge("Kargoya veririm. \xC3\x96" "deme Papara ile")), "papara:counted ");
	CHECK_STR(got(judge("Kargoya veririm. \xC3\x96" "deme Papara ile, "
	    "kap\xC4\xB1" "da \xC3\xB6" "deme de olur")), "papara:weak ");
	CHECK_STR(got(judge("\xC3\x96" "deme Papara ile, kap\xC4\xB1" "da \xC3\xB6" "deme "
	    "yapm\xC4\xB1yorum. Kargoya veririm")), "papara:counted ");
}

/* An account's name right before a weak lock word makes it the
 * account's lock, which no reset removes; after it, or a word away, it
 * is no more than a word of the listing ("SIM locked, iCloud clean"). */
static void
test_account_lock(void)
{
	CHECK_STR(got(judge("Samsung A14 \xE0\xA6\x9C\xE0\xA6\xBF\xE0\xA6\xAE\xE0\xA7\x87\xE0\xA6\x87\xE0\xA6\xB2 \xE0\xA6\xB2\xE0\xA6\x95, \xE0\xA6\xAA\xE0\xA6\xBE\xE0\xA6\xB0\xE0\xA7\x8D\xE0\xA6\x9F\xE0\xA6\xB8\xE0\xA7\x87\xE0\xA6\xB0 \xE0\xA6\x9C\xE0\xA6\xA8\xE0\xA7\x8D\xE0\xA6\xAF")), "\xE0\xA6\xB2\xE0\xA6\x95:counted ");
	CHECK_STR(RISK(judge("\xE0\xA6\xB8\xE0\xA7\x8D\xE0\xA6\xAF\xE0\xA6\xBE\xE0\xA6\xAE\xE0\xA6\xB8\xE0\xA6\xBE\xE0\xA6\x82 \xE0\xA6\x85\xE0\xA7\x8D\xE0\xA6\xAF\xE0\xA6\xBE\xE0\xA6\x95\xE0\xA6\xBE\xE0\xA6\x89\xE0\xA6\xA8\xE0\xA7\x8D\xE0\xA6\x9F \xE0\xA6\x86\xE0\xA6\xB0 \xE0\xA6\x97\xE0\xA7\x81\xE0\xA6\x97\xE0\xA6\xB2 \xE0\xA6\xB2\xE0\xA6\x95 \xE0\xA6\xB2\xE0\xA6\xBE\xE0\xA6\x97\xE0\xA6\xBE\xE0\xA6\xA8\xE0\xA7\x8B")), "stop");
	CHECK_STR(got(judge("Gmail locked")), "locked:counted ");
	CHECK_STR(got(judge("SIM locked iCloud clean")), "locked:weak ");
	CHECK_STR(RISK(judge("SIM locked iCloud clean")), "ok");
	CHECK_STR(got(judge("\xE0\xA6\xB8\xE0\xA7\x8D\xE0\xA6\x95\xE0\xA7\x8D\xE0\xA6\xB0\xE0\xA6\xBF\xE0\xA6\xA8 \xE0\xA6\xB2\xE0\xA6\x95 \xE0\xA6\x86\xE0\xA6\x9B\xE0\xA7\x87, \xE0\xA6\x97\xE0\xA7\x81\xE0\xA6\x97\xE0\xA6\xB2 \xE0\xA6\x8F\xE0\xA6\x95\xE0\xA6\xBE\xE0\xA6\x89\xE0\xA6\xA8\xE0\xA7\x8D\xE0\xA6\x9F \xE0\xA6\xB0\xE0\xA6\xBF\xE0\xA6\xAE\xE0\xA7\x81\xE0\xA6\xAD")), "\xE0\xA6\xB2\xE0\xA6\x95:weak ");
	/* Apple's Russian name of Activation Lock */
	CHECK_STR(RISK(judge("\xD0\xA1\xD0\xBD\xD1\x8F\xD1\x82\xD1\x8C \xD0\xB1\xD0\xBB\xD0\xBE\xD0\xBA\xD0\xB8\xD1\x80\xD0\xBE\xD0\xB2\xD0\xBA\xD1\x83 \xD0\xB0\xD0\xBA\xD1\x82\xD0\xB8\xD0\xB2\xD0\xB0\xD1\x86\xD0\xB8\xD0\xB8 \xD0\xBD\xD0\xB5 \xD1\x81\xD0\xBC\xD0\xBE\xD0\xB3\xD1\x83")), "stop");
	/* "lock" alone is a weak word; right after an account it is the
	 * account's lock ("gmail lock", "Mi একাউন্ট লক") */
	CHECK_STR(RISK(judge("Oppo A58 gmail lock, display ok")), "stop");
	CHECK_STR(RISK(judge("Screen lock works, no scratches")), "ok");
	CHECK_STR(RISK(judge("Redmi Note 11 Mi \xE0\xA6\x8F\xE0\xA6\x95\xE0\xA6\xBE\xE0\xA6\x89\xE0\xA6\xA8\xE0\xA7\x8D\xE0\xA6\x9F \xE0\xA6\xB2\xE0\xA6\x95")), "stop");
	CHECK_STR(RISK(judge("Compte Google supprim\xC3\xA9, remis \xC3\xA0 z\xC3\xA9ro")), "ok");
	/* "Google lock" (not the Pixel's maker), Hindi "Mi अकाउंट लॉक" */
	CHECK_STR(RISK(judge("Samsung A54 Google lock, parts")), "stop");
	CHECK_STR(RISK(judge("Google Pixel 7, SIM locked to Verizon")), "ok");
	CHECK_STR(RISK(judge("Mi \xE0\xA4\x85\xE0\xA4\x95\xE0\xA4\xBE\xE0\xA4\x89\xE0\xA4\x82\xE0\xA4\x9F \xE0\xA4\xB2\xE0\xA5\x89\xE0\xA4\x95 \xE0\xA4\xB2\xE0\xA4\x97\xE0\xA4\xBE \xE0\xA4\xB9\xE0\xA5\x88, \xE0\xA4\xAA\xE0\xA4\xBE\xE0\xA4\xB0\xE0\xA5\x8D\xE0\xA4\x9F\xE0\xA5\x8D\xE0\xA4\xB8 \xE0\xA4\x95\xE0\xA5\x87 \xE0\xA4\xB2\xE0\xA4\xBF\xE0\xA4\x8F")), "stop");
	/* the FRP lock in the seller's words */
	CHECK_STR(RISK(judge("After I reset it, it's asking for the previous Google account")), "stop");
}

/* Written forms and affixes on borrowed words. */
static void
test_word_forms(void)
{
	CHECK_STR(got(judge("Hape diblock operator")), "block:counted ");	/* id */
	CHECK_STR(got(judge("iPhone nablock na")), "block:counted ");		/* tl */
	CHECK_STR(got(judge("Simu imeflashiwa")), "flash:counted ");		/* sw */
	CHECK_STR(got(judge("HP udah ngebypass")), "bypass:counted ");		/* id */
	CHECK_STR(RISK(judge("Imeblockiwa na kampuni")), "stop");		/* a form_of row */
	/* Arabic and: و glued to مقفل بحساب */
	CHECK_STR(RISK(judge("\xD9\x87\xD8\xA7\xD8\xAA\xD9\x81 \xD9\x88\xD9\x85\xD9\x82\xD9\x81"
	    "\xD9\x84 \xD8\xA8\xD8\xAD\xD8\xB3\xD8\xA7\xD8\xA8")), "stop");
	/* no affix: a word of its own kind */
	CHECK_STR(got(judge("Gadget block party, unlocked and relocked")), "");
	/* typed without diacritics (rows of tests/data/bare_forms.py): the
	 * phrase and its cues as written with them */
	CHECK_STR(got(judge("May dinh icloud, ban xac")), "dinh icloud:counted ");
	CHECK_STR(RISK(judge("May dinh icloud, ban xac")), "stop");
	CHECK_STR(got(judge("Khong tra gop, mua thang")), "tra gop:negated ");
	CHECK_STR(got(judge("Kargo ucreti Papara'dan gonderin")), "kargo ucreti:weak papara:counted ");
	/* a short bare form is another word: Spanish "con" is no "còn" */
	CHECK_STR(got(judge("Sin deuda con Bajaj o Home Credit")),
	    "deuda:negated home credit:negated ");
}

/* What hides a phrase from a filter: invisible characters, look-alikes,
 * fullwidth letters. */
static void
test_normalised(void)
{
	CHECK_STR(got(judge("Kg lo\xE2\x80\x8B" "cked, cheap")), "kg locked:counted ");
	CHECK_STR(got(judge("FRP by\xC2\xAD" "pass done")), "frp bypass:counted ");
	CHECK_STR(got(judge("\xEF\xBD\x89\xEF\xBD\x83\xEF\xBD\x8C\xEF\xBD\x8F\xEF\xBD\x95"
	    "\xEF\xBD\x84 \xEF\xBD\x8C\xEF\xBD\x8F\xEF\xBD\x83\xEF\xBD\x8B\xEF\xBD\x85\xEF\xBD\x84")),
	    "icloud locked:counted ");
	CHECK_STR(got(judge("icloud l\xD0\xBE" "cked")), "icloud locked:counted ");
	CHECK_STR(RISK(judge("icloud l\xD0\xBE" "cked")), "stop");
}

/* Context: a shop's offer, an accessory listing, a given name. */
static void
test_context(void)
{
	/* a negation speaks for a list joined by "or", "hay", "ya" */
	CHECK_STR(RISK(judge("Not on any old EMI or Bajaj Finserv loan")), "ok");
	CHECK_STR(got(judge("Kh\xC3\xB4ng n\xE1\xBB\xA3 Home Credit hay FE Credit g\xC3\xAC h\xE1\xBA\xBFt")),
	    "home credit:negated fe credit:negated ");
	/* but not over a word that is not the coordinator */
	CHECK_STR(RISK(judge("Not on any old EMI and Bajaj Finserv loan")), "caution");
	/* a list item of a few words: "credit card installment" */
	CHECK_STR(got(judge("Hindi naka-Home Credit o credit card installment")),
	    "home credit:negated installment:negated ");
	CHECK_STR(got(judge("Tidak ada cicilan Kredivo atau paylater apapun")),
	    "cicilan:negated paylater:negated ");
	/* a name takes no short word of another language: Tagalog "ko" (I)
	 * is no Vietnamese "ko" (not); a coordinator still joins names */
	CHECK_STR(got(judge("Kinuha ko to sa Home Credit")), "home credit:counted ");
	CHECK_STR(got(judge("Sin deuda con Bajaj o Home Credit")),
	    "deuda:negated home credit:negated ");
	/* not past the clause, nor over a plan still running */
	CHECK_STR(RISK(judge("No EMI or any other thing, Home Credit loan running")), "caution");
	CHECK_STR(got(judge("EMI nahi hai ya fir loan baaki hai")),
	    "emi:negated loan:counted ");

	CHECK_STR(got(judge("No cost EMI on all cards, visit our store")), "emi:shop_offer ");
	CHECK_STR(got(judge("EMI available hai")), "emi:shop_offer ");
	/* a shop's lenders, named in a clause of their own, are its offer */
	CHECK_STR(RISK(judge("No cost EMI on all cards. Bajaj Finserv and Home Credit too")), "ok");
	CHECK(strstr(got(judge("No cost EMI on all cards. Bajaj Finserv and Home Credit too")),
	    "bajaj finserv:shop_offer") != NULL);
	/* but not a plan still running */
	CHECK_STR(got(judge("No cost EMI on all cards. Mine is on installment with 4 months remaining")),
	    "emi:shop_offer on installment:counted ");
	CHECK_STR(got(judge3("Samsung A54 case", "Back case, EMI not needed", "")),
	    "emi:accessory ");
	/* a phone sold with a case is a phone */
	CHECK_STR(got(judge3("Samsung A54 with free case", "On EMI, 2 left", "")),
	    "on emi:counted ");
	/* the category column: accessories and SIM cards count only bypass
	 * and theft */
	CHECK_STR(got(judge3("Cover", "On EMI, locked design", "Accessories")),
	    "on emi:category locked:category ");
	CHECK_STR(RISK(judge3("SIM card", "Blocked SIM", "SIM Cards")), "stop");
	CHECK_STR(RISK(judge3("Simple phone", "On EMI, 3 left", "Mobile Phones")), "caution");
	/* Emi the person */
	CHECK_STR(got(judge("Contact Emi for details")), "emi:name ");
	CHECK_STR(got(judge("Ye phone meri behen Emi ka hai, deal karegi")), "emi:name ");
	CHECK_STR(got(judge("Contact EMI details")), "emi:counted ");
}

/* Every lender and lock system by name. */
static void
test_names(void)
{
	const struct scan_result *r = judge("Phone on Samsung Knox Guard, Bajaj Finserv loan");

	CHECK(strstr(got(r), "samsung knox guard:counted") != NULL);
	CHECK(strstr(got(r), "bajaj finserv:counted") != NULL);
	CHECK_STR(RISK(r), "stop");
	/* a name of one plain word weighs 1 */
	CHECK_STR(got(judge("Salmon pink colour")), "salmon:weak ");
	CHECK_STR(RISK(judge("Salmon pink colour")), "ok");
	CHECK_STR(got(judge("Watu Simu bado nalipia")), "watu simu:counted bado nalipia:counted ");
	/* "kakak saya Emi" (my sister Emi) */
	CHECK_STR(got(judge("Saya bantu jualin hp kakak saya Emi, dia udah ganti hp baru")), "emi:name ");
}

/* Weight-1 words: one alone, or several of one kind, is no finding; two
 * kinds together are worth a look, and never a stop. */
static void
test_weak(void)
{
	const struct scan_result *r = judge("Locked, no box");

	CHECK_STR(got(r), "locked:weak no box:weak ");
	CHECK_INT(r->reasons, 1u << SCAN_WEAK_PHRASE);
	CHECK_STR(RISK(r), "caution");
	r = judge("Loan balance, pick up in Thika");
	CHECK_STR(got(r), "loan:weak balance:weak ");
	CHECK_INT(r->reasons, 0);
	/* a denied weak word is not one of the two */
	CHECK_STR(RISK(judge("Not locked, no box")), "ok");
}

/* A lock, theft or bypass word asked about, a question mark after it in
 * its clause, is a caution: an answer no cue reads is the moderator's to
 * read; an answer a cue reads cancels it; said, it is a stop. */
static void
test_asked(void)
{
	CHECK_STR(got(judge("Blacklisted? Of course not, bought it at the Safaricom shop")), "blacklisted:asked ");
	CHECK_STR(RISK(judge("Blacklisted? Of course not, bought it at the Safaricom shop")), "caution");
	CHECK_STR(RISK(judge("Blacklisted? Yes, that is why it is cheap")), "caution");
	CHECK(R.reasons == 1u << SCAN_PHRASE_ASKED);
	CHECK_STR(got(judge("Blacklisted or reported stolen? Neither")), "blacklisted:asked reported stolen:asked ");
	CHECK_STR(RISK(judge("Q: iCloud locked? A: No, signed out")), "ok");
	CHECK_STR(RISK(judge("iCloud locked, sold for parts. Any questions?")), "stop");
	CHECK_STR(RISK(judge("iCloud locked, sold for parts")), "stop");
	CHECK_STR(got(judge("\xE7\x9B\x97\xE9\x9B\xA3\xE5\x93\x81\xE3\x81\xA7\xE3\x81\x99\xE3\x81\x8B\xEF\xBC\x9F \xE9\x81\x95\xE3\x81\x84\xE3\x81\xBE\xE3\x81\x99")), "\xE7\x9B\x97\xE9\x9B\xA3\xE5\x93\x81:asked ");
	/* a link's query is no question */
	CHECK_STR(RISK(judge("iCloud locked, pics: https://example.com/p?id=42")), "stop");
	CHECK_STR(RISK(judge("iCloud locked https://example.com/p?id=42")), "stop");
	/* more than three words before the question mark: said */
	CHECK_STR(RISK(judge("iCloud locked and I do not know the password, ok?")), "stop");
	/* a financing word asked is not a lock word: a plan is a caution anyway */
	CHECK_STR(RISK(judge("EMI pending? Yes, 3 left")), "caution");
}

/* An accessory's price is no phone's price: it is neither judged against
 * the phone's median nor part of it. */
static void
test_accessory_price(void)
{
	struct scan_field f[3] = {
		{ "title", 5, "Case for Galaxy A15", 19, SCAN_TITLE },
		{ "price", 5, "KES 500", 7, SCAN_PRICE },
		{ "category", 8, "Phone cases", 11, SCAN_CATEGORY },
	};
	struct scan_listing in = { f, 3 };

	scan_identifiers(&S, &in, &R, 0);
	CHECK(R.price == 0);
	f[2].p = "Mobile Phones";
	f[2].len = 13;
	scan_identifiers(&S, &in, &R, 0);
	CHECK(R.price == 500);
	CHECK_STR(R.currency, "KES");
}

int
main(void)
{
	load();
	RUN(test_negation);
	RUN(test_boundaries);
	RUN(test_completion);
	RUN(test_ongoing);
	RUN(test_first);
	RUN(test_no_meeting);
	RUN(test_paid_on_receipt);
	RUN(test_account_lock);
	RUN(test_word_forms);
	RUN(test_normalised);
	RUN(test_context);
	RUN(test_names);
	RUN(test_weak);
	RUN(test_asked);
	RUN(test_accessory_price);
	scan_release(&S);
	tac_db_release(&D);
	kb_release(&K);
	ident_tables_release(&T);
	return h_done();
}
