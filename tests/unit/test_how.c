/* SPDX-License-Identifier: MIT */
/* test_how: the links, SMS and dial codes found in a check's steps, on
 * the sentences of data/countries.tsv as they are written. */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "kb/how.h"

static struct kb_tap T[8];
static size_t N;

static void
taps(const char *how)
{
	N = kb_how_taps(how, T, 8);
}

static void
test_sms_keyword(void)
{
	taps("Send an SMS with KYM, a space and the 15-digit IMEI to 14422. Or use the Know Your "
	    "Mobile (KYM) app, or the Sanchar Saathi portal at https://sancharsaathi.gov.in "
	    "(CEIR: https://www.ceir.gov.in).");
	CHECK_INT(N, 3);
	CHECK_INT(T[0].kind, KB_TAP_SMS);
	CHECK_STR(T[0].target, "14422");
	CHECK_STR(T[0].keyword, "KYM");
	CHECK_INT(T[0].imei, 1);
	CHECK_INT(T[1].kind, KB_TAP_URL);
	CHECK_STR(T[1].target, "https://sancharsaathi.gov.in");
	CHECK_STR(T[2].target, "https://www.ceir.gov.in");
}

static void
test_sms_plain(void)
{
	taps("Send the 15-digit IMEI by SMS to 8484. Or enter it at https://dirbs.pta.gov.pk, or "
	    "use the DIRBS app.");
	CHECK_INT(N, 2);
	CHECK_STR(T[0].target, "8484");
	CHECK_STR(T[0].keyword, "");
	CHECK_INT(T[0].imei, 1);
	CHECK_STR(T[1].target, "https://dirbs.pta.gov.pk");
	taps("Send an SMS with IMEI followed by the 15-digit IMEI to 1909, and look for the "
	    "\"TRCSL Approved\" sticker on the box.");
	CHECK_INT(N, 1);
	CHECK_STR(T[0].target, "1909");
	CHECK_STR(T[0].keyword, "IMEI");
	taps("Check the IMEI on the website of the Ukrainian State Centre of Radio Frequencies "
	    "(UDCR), or send it by SMS to the short number 307.");
	CHECK_INT(N, 1);
	CHECK_STR(T[0].target, "307");
	CHECK_INT(T[0].imei, 1);
}

/* The example in brackets is not the number; a reply SMS is no tap. */
static void
test_sms_example(void)
{
	taps("Send an SMS with KYD, a space and the 15-digit IMEI (for example KYD "
	    "123456789012345) to 16002. A reply SMS says whether the handset is valid. Phones "
	    "brought from abroad are registered at https://neir.btrc.gov.bd.");
	CHECK_INT(N, 2);
	CHECK_STR(T[0].target, "16002");
	CHECK_STR(T[0].keyword, "KYD");
	CHECK_STR(T[1].target, "https://neir.btrc.gov.bd");
}

/* Former addresses are left out; a bare www. gets https://; dial codes
 * but not *#06#. */
static void
test_former_www_dial(void)
{
	taps("Send the IMEI (or serial number) by SMS to 8883 on any network (costs up to UGX "
	    "100). UCC also ran a web check (formerly http://www.ucc.co.ug/details.php?option=imei).");
	CHECK_INT(N, 1);
	CHECK_STR(T[0].target, "8883");
	taps("Free, four ways: enter the IMEI at www.eirs.gov.kh; use the \"IMEI KH\" app; dial "
	    "*1205# and follow the menu; or send an SMS with CHK, a space and the 15-digit IMEI "
	    "to 1205.");
	CHECK_INT(N, 3);
	CHECK_INT(T[0].kind, KB_TAP_URL);
	CHECK_STR(T[0].target, "https://www.eirs.gov.kh");
	CHECK_INT(T[1].kind, KB_TAP_DIAL);
	CHECK_STR(T[1].target, "*1205#");
	CHECK_INT(T[2].kind, KB_TAP_SMS);
	CHECK_STR(T[2].keyword, "CHK");
	taps("Enter the IMEI at https://www.enacom.gob.ar/imei, with the phone in your hand "
	    "(dial *#06#).");
	CHECK_INT(N, 1);
	CHECK_STR(T[0].target, "https://www.enacom.gob.ar/imei");
}

static void
test_nothing(void)
{
	taps("Use the carrier's own IMEI check.");
	CHECK_INT(N, 0);
	taps("");
	CHECK_INT(N, 0);
	CHECK_INT(kb_how_taps(NULL, T, 8), 0);
	taps("Send an SMS with KYM to 1, then https://a.example and https://b.example");
	CHECK_INT(kb_how_taps("Send an SMS with KYM to 1, then https://a.example", T, 1), 1);
	CHECK_INT(T[0].kind, KB_TAP_SMS);
}

int
main(void)
{
	RUN(test_sms_keyword);
	RUN(test_sms_plain);
	RUN(test_sms_example);
	RUN(test_former_www_dial);
	RUN(test_nothing);
	return h_done();
}
