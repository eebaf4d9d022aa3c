/* SPDX-License-Identifier: MIT */
/* groups: IMEIs several listings show, as whole groups with their sellers
 * compared byte for byte, and prices by model and currency with a median
 * kept sorted. */
#include <stdlib.h>
#include <string.h>

#include "lib/grow.h"
#include "lib/slots.h"
#include "scan/groups.h"
#include "scan/groups_priv.h"
#include "scan/scan.h"

#define GROUPS_SELLERS 64	/* different sellers a group tells apart */
#define NO_TEXT UINT32_MAX

/* One listing of a group. */
struct groups_member {
	uint64_t ordinal;	/* UINT64_MAX: not known (a stream's first) */
	long line;
	uint64_t model;
	uint32_t id, idlen;	/* in g->text; id NO_TEXT: none */
	uint32_t seller, sellerlen;	/* seller NO_TEXT: none */
	uint32_t next;		/* index + 1 into g->mem, 0: the last */
};

/* A distinct seller of a group, in a list that ends with next 0. */
struct groups_seller {
	uint32_t text, len;	/* in g->text */
	uint32_t next;		/* index + 1 into g->sel, 0: the last */
};

/* On a stream: an IMEI's first listing, until a second one makes a group. */
struct groups_first {
	uint64_t model;
	long line;
	uint32_t seller, sellerlen;
};

struct groups_group {
	uint32_t head, tail;	/* members (index + 1), in input order */
	uint32_t nmem, extra;	/* members kept; more listings not kept */
	int have_first;		/* two passes: the first listing, not a member
				 * until the second pass meets it */
	struct groups_member first;
	uint32_t sellers;	/* the distinct ones: index + 1 into g->sel, 0 none */
	uint32_t nsellers;
	int no_seller;		/* a listing without a seller */
	int models_differ;
	uint64_t model;		/* the first model met */
	int have_model;
};

int
groups_init(struct groups *g, int mode)
{
	memset(g, 0, sizeof *g);
	g->mode = mode;
	return 0;
}

void
groups_release(struct groups *g)
{
	size_t i;

	free(g->slot);
	free(g->ref);
	free(g->gkey);
	free(g->gidx);
	free(g->first);
	free(g->grp);
	free(g->mem);
	free(g->text);
	free(g->sel);
	for (i = 0; i < g->npg; i++)
		free(g->pg[i].v);
	free(g->pg);
	free(g->pslot);
	memset(g, 0, sizeof *g);
}

/* ----------------------------------------------------------- the text */

static uint32_t
text_put(struct groups *g, const char *p, size_t n)
{
	size_t at = g->textlen;

	if (!p)
		return NO_TEXT;
	if (n > 4096)
		n = 4096;	/* an id or a seller this long is cut */
	if (at + n >= NO_TEXT - 1 || grow_array(&g->text, &g->textcap, at + n + 1, 1) != 0) {
		g->nomem = 1;
		return NO_TEXT;
	}
	memcpy(g->text + at, p, n);
	g->textlen += n;
	return (uint32_t)at;
}

/* ----------------------------------------------------------- the IMEIs */

/* The slots (and on a stream their first listings) in a table of cap. */
static int
rehash(struct groups *g, size_t cap)
{
	uint64_t *s = slots_alloc(cap, sizeof *s);
	uint32_t *r = g->mode == GROUPS_STREAM ? slots_alloc(cap, sizeof *r) : NULL;
	size_t i, j;

	if (!s || (g->mode == GROUPS_STREAM && !r)) {
		free(s);
		free(r);
		return -1;
	}
	for (i = 0; i < g->cap; i++) {
		if (!g->slot[i])
			continue;
		for (j = slots_of(g->slot[i] >> 1, cap); s[j]; j = (j + 1) & (cap - 1))
			;
		s[j] = g->slot[i];
		if (r)
			r[j] = g->ref[i];
	}
	free(g->slot);
	free(g->ref);
	g->slot = s;
	g->ref = r;
	g->cap = cap;
	return 0;
}

/* The group of a key that has one (small: only IMEIs shown again). */
static size_t
gslot_of(uint64_t key, size_t cap)
{
	return (size_t)((key * 0xD6E8FEB86659FD93ull) >> 24) & (cap - 1);
}

static int
gmap_put(struct groups *g, uint64_t key, uint32_t gi)
{
	size_t i, j;

	if ((g->ngkey + 1) * 5 > g->gcap * 4) {
		size_t cap = g->gcap ? g->gcap * 2 : 256;
		uint64_t *k = calloc(cap, sizeof *k);
		uint32_t *x = calloc(cap, sizeof *x);

		if (!k || !x) {
			free(k);
			free(x);
			return g->nomem = -1;
		}
		for (i = 0; i < g->gcap; i++) {
			if (!g->gkey[i])
				continue;
			for (j = gslot_of(g->gkey[i], cap); k[j]; j = (j + 1) & (cap - 1))
				;
			k[j] = g->gkey[i];
			x[j] = g->gidx[i];
		}
		free(g->gkey);
		free(g->gidx);
		g->gkey = k;
		g->gidx = x;
		g->gcap = cap;
	}
	for (j = gslot_of(key, g->gcap); g->gkey[j]; j = (j + 1) & (g->gcap - 1))
		;
	g->gkey[j] = key;
	g->gidx[j] = gi;
	g->ngkey++;
	return 0;
}

static struct groups_group *
gmap_get(struct groups *g, uint64_t key)
{
	size_t j;

	for (j = gslot_of(key, g->gcap); g->gkey[j]; j = (j + 1) & (g->gcap - 1))
		if (g->gkey[j] == key)
			return &g->grp[g->gidx[j]];
	return NULL;
}

int
groups_reserve(struct groups *g, size_t n)
{
	size_t cap = g->cap ? g->cap : GROUPS_MIN_SLOTS;

	while (n * 5 > cap * 4) {
		if (cap > SIZE_MAX / 32)
			return -1;
		cap *= 2;
	}
	return cap == g->cap ? 0 : rehash(g, cap);
}

/* The slot of key: 1 and *j when it is there, else 0 and *j a free slot
 * (the table grown first so that one more fits). */
static int
find(struct groups *g, uint64_t key, size_t *j)
{
	if ((g->n + 1) * 5 > g->cap * 4 &&
	    rehash(g, g->cap ? g->cap * 2 : GROUPS_MIN_SLOTS) != 0) {
		g->nomem = 1;
		return -1;
	}
	for (*j = slots_of(key, g->cap); g->slot[*j]; *j = (*j + 1) & (g->cap - 1))
		if (g->slot[*j] >> 1 == key)
			return 1;
	return 0;
}

void
groups_prefetch(const struct groups *g, uint64_t key)
{
#if defined(__GNUC__) || defined(__clang__)
	if (g->cap) {
		size_t j = slots_of(key, g->cap);

		__builtin_prefetch(&g->slot[j], 1);
		if (g->ref)
			__builtin_prefetch(&g->ref[j], 1);
	}
#else
	(void)g;
	(void)key;
#endif
}

/* ----------------------------------------------------------- the groups */

static int
same_text(const struct groups *g, uint32_t a, uint32_t alen, uint32_t b, uint32_t blen)
{
	return alen == blen && memcmp(g->text + a, g->text + b, alen) == 0;
}

/* Adds m's seller to the group's list after its last one (index + 1, 0:
 * none yet).  Returns 0, or -1 when out of memory (g->nomem set). */
static int
add_seller(struct groups *g, struct groups_group *gr, uint32_t last,
    const struct groups_member *m)
{
	if (g->nsel >= UINT32_MAX - 1 ||
	    grow_array(&g->sel, &g->capsel, g->nsel + 1, sizeof *g->sel) != 0) {
		g->nomem = 1;
		return -1;
	}
	g->sel[g->nsel].text = m->seller;
	g->sel[g->nsel].len = m->sellerlen;
	g->sel[g->nsel].next = 0;
	if (last)
		g->sel[last - 1].next = (uint32_t)g->nsel + 1;
	else
		gr->sellers = (uint32_t)g->nsel + 1;
	g->nsel++;
	return 0;
}

/* Takes the member m into the group's sellers and models. */
static void
account(struct groups *g, struct groups_group *gr, const struct groups_member *m)
{
	uint32_t i;

	if (m->seller == NO_TEXT) {
		gr->no_seller = 1;
	} else {
		uint32_t k, last = 0;

		for (i = 0, k = gr->sellers; k; i++, last = k, k = g->sel[k - 1].next)
			if (same_text(g, g->sel[k - 1].text, g->sel[k - 1].len, m->seller,
			    m->sellerlen))
				break;
		if (!k && i == gr->nsellers) {	/* new, and fewer than the cap known */
			if (i < GROUPS_SELLERS && add_seller(g, gr, last, m) != 0)
				return;
			gr->nsellers++;
		}
	}
	if (!gr->have_model) {
		gr->model = m->model;
		gr->have_model = 1;
	} else if (gr->model != m->model) {
		gr->models_differ = 1;
	}
}

static void
member_of(struct groups *g, const struct groups_listing *l, struct groups_member *m)
{
	m->ordinal = l->ordinal;
	m->line = l->line;
	m->model = l->model_key;
	m->id = text_put(g, l->id, l->idlen);
	m->idlen = l->id ? (uint32_t)(l->idlen > 4096 ? 4096 : l->idlen) : 0;
	m->seller = text_put(g, l->seller, l->sellerlen);
	m->sellerlen = l->seller ? (uint32_t)(l->sellerlen > 4096 ? 4096 : l->sellerlen) : 0;
	m->next = 0;
}

static void
add_member(struct groups *g, struct groups_group *gr, const struct groups_listing *l)
{
	struct groups_member m;

	if (gr->nmem >= GROUPS_MAX_MEMBERS ||
	    grow_array(&g->mem, &g->capmem, g->nmem + 1, sizeof *g->mem) != 0) {
		gr->extra++;
		return;
	}
	member_of(g, l, &m);
	g->mem[g->nmem] = m;
	if (gr->tail)
		g->mem[gr->tail - 1].next = (uint32_t)g->nmem + 1;
	else
		gr->head = (uint32_t)g->nmem + 1;
	gr->tail = (uint32_t)g->nmem + 1;
	g->nmem++;
	gr->nmem++;
	account(g, gr, &m);
}

/* A new group; returns its index, or UINT32_MAX. */
static uint32_t
new_group(struct groups *g)
{
	if (g->ngrp >= UINT32_MAX - 1 ||
	    grow_array(&g->grp, &g->capgrp, g->ngrp + 1, sizeof *g->grp) != 0) {
		g->nomem = 1;
		return UINT32_MAX;
	}
	memset(&g->grp[g->ngrp], 0, sizeof g->grp[0]);
	return (uint32_t)g->ngrp++;
}

static int
is_member(const struct groups *g, const struct groups_group *gr, uint64_t ordinal)
{
	uint32_t k;

	for (k = gr->head; k; k = g->mem[k - 1].next)
		if (g->mem[k - 1].ordinal == ordinal)
			return 1;
	return 0;
}

/* ---------------------------------------------------------- the passes */

int
groups_note(struct groups *g, const struct groups_listing *l)
{
	size_t k, j;
	int f;

	for (k = 0; k < l->nkeys; k++) {
		uint64_t key = l->keys[k];
		uint32_t gi;

		if (!key || (f = find(g, key, &j)) < 0)
			continue;
		if (!f) {
			g->slot[j] = key << 1;
			g->n++;
			continue;
		}
		if (!(g->slot[j] & 1)) {
			if ((gi = new_group(g)) == UINT32_MAX || gmap_put(g, key, gi) != 0)
				continue;
			g->slot[j] |= 1;
		}
		add_member(g, gmap_get(g, key), l);
	}
	groups_price_add(g, l);
	return g->nomem ? -1 : 0;
}

void
groups_seal(struct groups *g)
{
	(void)g;	/* the samples are kept sorted as they come */
}

/* On a stream: notes key for the listing; returns the group, or NULL when
 * the key is alone (so far). */
static struct groups_group *
stream_note(struct groups *g, uint64_t key, const struct groups_listing *l)
{
	struct groups_first *fi;
	struct groups_group *gr;
	uint32_t gi;
	size_t j;
	int f;

	if ((f = find(g, key, &j)) < 0)
		return NULL;
	if (!f) {
		if (grow_array(&g->first, &g->capfirst, g->nfirst + 1, sizeof *g->first) != 0 ||
		    g->nfirst >= UINT32_MAX - 1) {
			g->nomem = 1;
			return NULL;
		}
		fi = &g->first[g->nfirst];
		fi->model = l->model_key;
		fi->line = l->line;
		fi->seller = text_put(g, l->seller, l->sellerlen);
		fi->sellerlen = l->seller ? (uint32_t)(l->sellerlen > 4096 ? 4096 : l->sellerlen) : 0;
		g->slot[j] = key << 1;
		g->ref[j] = (uint32_t)g->nfirst++;
		g->n++;
		return NULL;
	}
	if (!(g->slot[j] & 1)) {
		fi = &g->first[g->ref[j]];
		if ((gi = new_group(g)) == UINT32_MAX)
			return NULL;
		gr = &g->grp[gi];
		gr->have_first = 1;
		gr->first.ordinal = UINT64_MAX;
		gr->first.line = fi->line;
		gr->first.model = fi->model;
		gr->first.id = NO_TEXT;
		gr->first.idlen = 0;
		gr->first.seller = fi->seller;
		gr->first.sellerlen = fi->sellerlen;
		account(g, gr, &gr->first);
		if (gmap_put(g, key, gi) != 0)
			return NULL;
		g->slot[j] |= 1;
	}
	gr = gmap_get(g, key);
	add_member(g, gr, l);
	return gr;
}

/* Two passes: the group of key, the listing put in as its first when it is
 * (the first pass kept the others); NULL when the key is alone. */
static struct groups_group *
second_pass(struct groups *g, uint64_t key, const struct groups_listing *l)
{
	struct groups_group *gr;
	size_t j;

	if (!g->cap)
		return NULL;
	for (j = slots_of(key, g->cap); g->slot[j]; j = (j + 1) & (g->cap - 1))
		if (g->slot[j] >> 1 == key)
			break;
	if (!g->slot[j] || !(g->slot[j] & 1) || !(gr = gmap_get(g, key)))
		return NULL;
	if (!gr->have_first && !is_member(g, gr, l->ordinal)) {
		member_of(g, l, &gr->first);
		gr->have_first = 1;
		account(g, gr, &gr->first);
	}
	return gr;
}

static void
name_other(const struct groups *g, const struct groups_member *m, struct groups_seen *s)
{
	struct groups_other *o;

	if (s->nothers == GROUPS_OTHERS)
		return;
	o = &s->others[s->nothers++];
	o->id = m->id == NO_TEXT ? NULL : g->text + m->id;
	o->idlen = m->idlen;
	o->line = m->line;
}

/* What the group says of the listing (ordinal), into s; its reasons. */
static unsigned
verdict(const struct groups *g, const struct groups_group *gr, uint64_t ordinal,
    struct groups_seen *s)
{
	uint32_t k;

	s->listings = (gr->have_first ? 1 : 0) + gr->nmem + gr->extra;
	s->sellers = gr->nsellers > GROUPS_SELLERS ? GROUPS_SELLERS : gr->nsellers;
	s->nothers = 0;
	if (gr->have_first && gr->first.ordinal != ordinal)
		name_other(g, &gr->first, s);
	for (k = gr->head; k; k = g->mem[k - 1].next)
		if (g->mem[k - 1].ordinal != ordinal)
			name_other(g, &g->mem[k - 1], s);
	if (s->listings < 2)
		return 0;
	if (gr->nsellers >= 2)
		return 1u << SCAN_DUP_OTHER_SELLER;
	if (gr->no_seller || gr->models_differ)
		return 1u << SCAN_DUP_SAME_SELLER;
	return 1u << SCAN_REPOST;
}

unsigned
groups_judge(struct groups *g, const struct groups_listing *l, struct groups_seen *seen,
    struct groups_price_seen *price)
{
	unsigned reasons = 0;
	size_t k;

	for (k = 0; k < l->nkeys; k++) {
		struct groups_group *gr;

		if (!l->keys[k])
			continue;
		gr = g->mode == GROUPS_STREAM ? stream_note(g, l->keys[k], l) :
		    second_pass(g, l->keys[k], l);
		seen[k].listings = 1;
		seen[k].sellers = 1;
		seen[k].nothers = 0;
		if (gr)
			reasons |= verdict(g, gr, l->ordinal, &seen[k]);
	}
	if (g->mode == GROUPS_STREAM) {
		groups_price_add(g, l);
		reasons |= groups_price(g, l->model_key, l->currency, l->price, price);
	} else if (price) {
		price->median = 0;
		price->listings = 0;
	}
	/* a listing in groups of both kinds: the other seller decides */
	if (reasons & (1u << SCAN_DUP_OTHER_SELLER))
		reasons &= ~((1u << SCAN_DUP_SAME_SELLER) | (1u << SCAN_REPOST));
	else if (reasons & (1u << SCAN_DUP_SAME_SELLER))
		reasons &= ~(1u << SCAN_REPOST);
	return reasons;
}
