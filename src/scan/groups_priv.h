/* SPDX-License-Identifier: MIT */
/* groups_priv: between scan/groups.c (the IMEIs a listing shares with
 * others) and scan/prices.c (the prices of each model): the kept prices
 * of a model and currency, and noting a listing's price. */
#ifndef HANDOVER_GROUPS_PRIV_H
#define HANDOVER_GROUPS_PRIV_H

#include <stdint.h>

#include "scan/groups.h"

#define GROUPS_MIN_SLOTS 1024	/* a table's first size */

struct groups_model {
	uint64_t model;
	char cur[8];
	uint32_t count;		/* listings with a price */
	uint32_t n, cap;	/* samples kept, sorted */
	float *v;
};

/* Keeps l's price among its model's (a uniform sample past GROUPS_SAMPLE). */
void groups_price_add(struct groups *g, const struct groups_listing *l);

#endif
