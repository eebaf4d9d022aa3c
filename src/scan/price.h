/* SPDX-License-Identifier: MIT */
/* price: a listing's price as people write it: "₹45,000", "45k",
 * "R$ 1.200,00", "KES 15500", "1.5 lakh", "3,5 jt", "12 triệu". */
#ifndef HANDOVER_PRICE_H
#define HANDOVER_PRICE_H

#include <stddef.h>

#define SCAN_CURRENCY_MAX 8	/* bytes of a currency, its NUL included */

/*
 * Reads the first amount in (p, n): digits (any script utf8_digit reads)
 * with thousands separators and a decimal part as either convention
 * writes them (the last of '.' and ',' when both appear is the decimal
 * mark; one that appears once followed by other than three digits is
 * too), then a multiplier (k, m, lakh/lac/L, cr, mil, rb/ribu, jt/juta,
 * tr/triệu, nghìn/ngàn, bin, тыс, 千, 万).  The currency is a code or
 * symbol before or after it (₹ Rs INR $ US$ R$ € £ ¥ 円 ₱ ₦ ₫ ฿ ₺ ₽ ৳ Rp
 * KSh TSh ...), as an ISO code where the symbol names one currency, else
 * as written in capitals ("RS", "$"); "" when none.  Writes the amount
 * (> 0) and the currency (room for SCAN_CURRENCY_MAX) and returns 0, or
 * returns -1 when there is no amount.  Pure.
 */
int scan_price_parse(const char *p, size_t n, double *amount, char *currency);

#endif
