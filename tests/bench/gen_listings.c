/* SPDX-License-Identifier: MIT */
/* gen_listings: realistic marketplace listings as CSV for "handover scan"
 * benchmarks and tests: titles, descriptions in eight languages with
 * quoted newlines, commas and quotes, identifiers valid and not (in the
 * IMEI column and inside the text), red-flag phrases, and IMEIs listed
 * again by the same or another seller.
 *   gen_listings MB [SEED] > listings.csv
 * Stops after the first listing that reaches MB megabytes (10^6 bytes);
 * MB may be a fraction.  The same seed gives the same bytes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RING 4096

static unsigned long long rng;

static unsigned
rnd(unsigned n)
{
	rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)(rng >> 33) % n;
}

#define PICK(a) ((a)[rnd(sizeof (a) / sizeof (a)[0])])

struct model {
	const char *brand, *title, *model, *tac;	/* tac: "" for random */
};

static const struct model models[] = {
	{ "Samsung", "Galaxy A70", "SM-A705FN", "35772706" },
	{ "Samsung", "Galaxy S24 Ultra", "SM-S928B", "35038630" },
	{ "Samsung", "Galaxy S22 Ultra", "SM-S908B", "35139398" },
	{ "Samsung", "Galaxy S22", "SM-S901B", "35332547" },
	{ "Apple", "iPhone 13 128GB", "A2633", "" },
	{ "Apple", "iPhone 12 Pro", "A2407", "" },
	{ "Xiaomi", "Redmi Note 12", "23021RAAEG", "" },
	{ "Xiaomi", "Poco X5 Pro", "22101320G", "" },
	{ "Google", "Pixel 7", "GVU6C", "" },
	{ "Tecno", "Spark 10 Pro", "KI7", "" },
	{ "Infinix", "Hot 30", "X6831", "" },
	{ "Oppo", "A78", "CPH2565", "" },
};

static const char *const sellers_first[] = {
	"amina", "budi", "carlos", "dmitri", "esther", "fatuma", "gita", "hugo",
	"ivan", "juan", "kamau", "lina", "maria", "nuru", "olga", "priya",
};

/* Neutral sentences, per language. */
static const char *const filler[] = {
	"Phone in very good condition, always used with a case and screen protector.",
	"Battery health 89%, no scratches on the screen, charger included.",
	"Selling because I upgraded, works perfectly, dual SIM, 128GB storage.",
	"Meet in person at the mall, cash or bank transfer, price slightly negotiable.",
	"Telefono en excelente estado, con caja y cargador original, libre de fabrica.",
	"Entrego en persona en el centro, acepto transferencia, precio conversable.",
	"Celular em otimo estado, bateria boa, acompanha carregador e capinha.",
	"HP mulus, baterai awet, fullset dengan dus dan charger, siap COD.",
	"Simu iko safi sana, betri inakaa siku nzima, na chaja yake.",
	"Телефон в отличном состоянии, без царапин, полный комплект, торг уместен.",
	"फोन बिल्कुल नया जैसा है, बैटरी अच्छी है, चार्जर साथ में मिलेगा।",
	"Phone ekdum mast condition mein hai, bill aur box ke saath, price fix.",
	"Maayos pa ang cellphone, walang gasgas, kasama ang charger at kahon.",
};

/* Red-flag phrases as sellers write them. */
static const char *const flags[] = {
	"Still on EMI, 3 installments left.", "Pay later plan, outstanding balance small.",
	"iCloud locked, sold for parts only.", "FRP locked after reset, easy bypass.",
	"No bill, no box no bill, urgent sale.", "Blacklisted in my country, works abroad.",
	"Todavia en pago hormiga, lista negra no.", "Bloqueado por PayJoy, se puede flexeo.",
	"Aparelho parcelado, sem nota fiscal.", "IMEI impedido, mas funciona no wifi.",
	"HP kredit belum lunas, cicilan 3 bulan lagi.", "Masih kredit, terkunci kadang.",
	"Simu ya mkopo, lipa mdogo mdogo bado.", "M-KOPA phone, inajifunga wakati mwingine.",
	"Куплен в рассрочку, без чека.", "Телефон заблокирован, лизинг не закрыт.",
	"किस्तों पर लिया था, फोन लॉक हो सकता है।", "Abhi EMI par hai, chori ka nahi.",
	"Galing sa magnanakaw daw, mura lang.",
};

static const char *const placeholders[] = {
	"000000000000000", "123456789012347", "111111111111111", "352099001761481",
};

static int
luhn(const char *d, int n)
{
	int s = 0, i;

	for (i = 0; i < n; i++) {
		int v = d[n - 1 - i] - '0';
		if (i % 2 == 0) {
			v *= 2;
			if (v > 9)
				v -= 9;
		}
		s += v;
	}
	return (10 - s % 10) % 10;
}

static void
make_imei(const struct model *m, char out[16])
{
	int i;

	if (m->tac[0])
		memcpy(out, m->tac, 8);
	else {
		out[0] = '3';
		out[1] = (char)('5' + rnd(2));
		for (i = 2; i < 8; i++)
			out[i] = (char)('0' + rnd(10));
	}
	for (i = 8; i < 14; i++)
		out[i] = (char)('0' + rnd(10));
	out[14] = (char)('0' + luhn(out, 14));
	out[15] = '\0';
}

/* "35 417803 685978 9", as sellers type it. */
static void
spaced(const char *v, char *out)
{
	sprintf(out, "%.2s %.6s %.6s %c", v, v + 2, v + 8, v[14]);
}

int
main(int argc, char **argv)
{
	static char ring[RING][16], ringseller[RING][24];
	double mb = argc > 1 ? atof(argv[1]) : 10;
	unsigned long long limit = (unsigned long long)(mb * 1e6), written = 0, id = 0;
	size_t nring = 0;
	char desc[4096], imeicol[64], imei[16], sp[32], seller[24];
	static char obuf[1 << 16];

	rng = argc > 2 ? strtoull(argv[2], NULL, 10) : 42;
	setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
	written += (unsigned long long)printf("id,title,description,imei,brand,model,seller,price\r\n");
	while (written < limit) {
		const struct model *m = &PICK(models);
		int k, nsent = 2 + (int)rnd(5), r = (int)rnd(100), intext = 0;
		size_t dl = 0;

		id++;
		snprintf(seller, sizeof seller, "%s%u", PICK(sellers_first), rnd(5000));
		make_imei(m, imei);
		if (r < 3 && nring) {		/* the same phone listed again */
			size_t j = rnd((unsigned)(nring < RING ? nring : RING));
			memcpy(imei, ring[j], 16);
			if (rnd(2))
				memcpy(seller, ringseller[j], sizeof seller);
		} else if (r < 6) {
			strcpy(imei, PICK(placeholders));
		} else if (r < 12) {
			imei[14] = (char)('0' + (imei[14] - '0' + 1) % 10);	/* bad check digit */
		} else if (r < 15) {
			imei[14] = '\0';			/* 14 digits */
		}
		if (r >= 15 && r < 95 && rnd(8) == 0) {
			memcpy(ring[nring % RING], imei, 16);
			memcpy(ringseller[nring % RING], seller, sizeof seller);
			nring++;
		}
		for (k = 0; k < nsent && dl < sizeof desc - 600; k++) {
			const char *s = rnd(12) == 0 ? PICK(flags) : PICK(filler);
			dl += (size_t)snprintf(desc + dl, sizeof desc - dl, "%s%s", k ? (rnd(3) ? " " : "\n") : "", s);
		}
		if (rnd(4) == 0 && imei[0] && strlen(imei) == 15) {
			spaced(imei, sp);
			dl += (size_t)snprintf(desc + dl, sizeof desc - dl, "\nIMEI: %s, price \"%s\"",
			    sp, rnd(2) ? "firm" : "negotiable");
			intext = 1;
		}
		if (rnd(10) == 0)
			strcpy(imeicol, "n/a");
		else if (intext && rnd(2))
			imeicol[0] = '\0';
		else if (r < 6 && r >= 3 && rnd(4) == 0)
			snprintf(imeicol, sizeof imeicol, "3.52099E+14");
		else
			snprintf(imeicol, sizeof imeicol, "%s", imei);
		/* the description is quoted: it holds commas, quotes, newlines */
		{
			char q[8192];
			size_t i, n = 0;
			for (i = 0; i < dl && n < sizeof q - 2; i++) {
				if (desc[i] == '"')
					q[n++] = '"';
				q[n++] = desc[i];
			}
			q[n] = '\0';
			written += (unsigned long long)printf("L%llu,%s %s,\"%s\",%s,%s,%s,%s,%u\r\n",
			    id, rnd(3) ? m->brand : "", m->title, q, imeicol,
			    rnd(5) ? m->brand : "", m->model, seller, 50 + rnd(900));
		}
	}
	return fflush(stdout) == 0 ? 0 : 1;
}
