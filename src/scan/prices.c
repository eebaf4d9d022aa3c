/* SPDX-License-Identifier: MIT */
/* prices: the prices of each model and currency in an export, and
 * whether a listing's is far below their median (scan/groups.h). */
#include <stdlib.h>
#include <string.h>

#include "lib/grow.h"
#include "lib/slots.h"
#include "scan/groups.h"
#include "scan/groups_priv.h"
#include "scan/scan.h"

static uint64_t
cur_hash(const char *c)
{
	uint64_t h = 14695981039346656037ull;

	for (; *c; c++) {
		h ^= (unsigned char)*c;
		h *= 1099511628211ull;
	}
	return h;
}

static size_t
pslot_of(uint64_t model, const char *cur, size_t cap)
{
	return (size_t)(((model ^ cur_hash(cur)) * 0x9E3779B97F4A7C15ull) >> 20) & (cap - 1);
}

static int
pmatch(const struct groups_model *m, uint64_t model, const char *cur)
{
	return m->model == model && strncmp(m->cur, cur, sizeof m->cur) == 0;
}

static const struct groups_model *
model_find(const struct groups *g, uint64_t model, const char *cur)
{
	size_t j;

	if (!g->pcap)
		return NULL;
	for (j = pslot_of(model, cur, g->pcap); g->pslot[j]; j = (j + 1) & (g->pcap - 1))
		if (pmatch(&g->pg[g->pslot[j] - 1], model, cur))
			return &g->pg[g->pslot[j] - 1];
	return NULL;
}

static int
prehash(struct groups *g, size_t cap)
{
	uint32_t *s = calloc(cap, sizeof *s);
	size_t i, j;

	if (!s)
		return -1;
	for (i = 0; i < g->npg; i++) {
		for (j = pslot_of(g->pg[i].model, g->pg[i].cur, cap); s[j]; j = (j + 1) & (cap - 1))
			;
		s[j] = (uint32_t)i + 1;
	}
	free(g->pslot);
	g->pslot = s;
	g->pcap = cap;
	return 0;
}

/* The model and currency's prices, made when new; NULL when out of memory. */
static struct groups_model *
model_get(struct groups *g, uint64_t model, const char *cur)
{
	struct groups_model *m = (struct groups_model *)model_find(g, model, cur);
	size_t j;

	if (m)
		return m;
	if (((g->npg + 1) * 5 > g->pcap * 4 &&
	    prehash(g, g->pcap ? g->pcap * 2 : GROUPS_MIN_SLOTS) != 0) ||
	    g->npg >= UINT32_MAX - 1 ||
	    grow_array(&g->pg, &g->cappg, g->npg + 1, sizeof *g->pg) != 0) {
		g->nomem = 1;
		return NULL;
	}
	m = &g->pg[g->npg];
	memset(m, 0, sizeof *m);
	m->model = model;
	strncpy(m->cur, cur, sizeof m->cur - 1);
	for (j = pslot_of(model, cur, g->pcap); g->pslot[j]; j = (j + 1) & (g->pcap - 1))
		;
	g->pslot[j] = (uint32_t)++g->npg;
	return m;
}

/* A number from 0 to n - 1 that only the arguments decide. */
static uint32_t
pick(uint64_t a, uint64_t b, uint32_t n)
{
	uint64_t x = a * 0x9E3779B97F4A7C15ull ^ b;

	x ^= x >> 31;
	x *= 0xBF58476D1CE4E5B9ull;
	x ^= x >> 29;
	return (uint32_t)(x % n);
}

/* A price into the model's sorted sample: kept while there is room, then
 * in place of a sample picked at random one time in count/SAMPLE
 * (reservoir sampling), so the sample stays uniform. */
void
groups_price_add(struct groups *g, const struct groups_listing *l)
{
	struct groups_model *m;
	float v = (float)l->price;
	uint32_t i, r;

	if (!l->model_key || l->price <= 0 || !(m = model_get(g, l->model_key, l->currency)))
		return;
	m->count++;
	if (m->n == GROUPS_SAMPLE) {
		if ((r = pick(m->count, m->model, m->count)) >= m->n)
			return;
		memmove(m->v + r, m->v + r + 1, (m->n - r - 1) * sizeof *m->v);
		m->n--;
	} else if (m->n == m->cap) {
		uint32_t cap = m->cap ? m->cap * 2 : 4;
		float *nv;

		if (cap > GROUPS_SAMPLE)
			cap = GROUPS_SAMPLE;
		if (!(nv = realloc(m->v, cap * sizeof *nv))) {
			g->nomem = 1;
			return;
		}
		m->v = nv;
		m->cap = cap;
	}
	for (i = m->n; i > 0 && m->v[i - 1] > v; i--)
		m->v[i] = m->v[i - 1];
	m->v[i] = v;
	m->n++;
}

unsigned
groups_price(const struct groups *g, uint64_t model, const char *cur, double amount,
    struct groups_price_seen *ps)
{
	const struct groups_model *m;
	double med;

	ps->median = 0;
	ps->listings = 0;
	if (!model || amount <= 0 || !(m = model_find(g, model, cur)) || m->n == 0)
		return 0;
	med = m->n % 2 ? m->v[m->n / 2] : ((double)m->v[m->n / 2 - 1] + m->v[m->n / 2]) / 2;
	ps->median = med;
	ps->listings = m->count;
	return m->count >= GROUPS_MIN_PRICES && amount < GROUPS_FAR_BELOW * med ?
	    1u << SCAN_PRICE_FAR_BELOW : 0;
}
