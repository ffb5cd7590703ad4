/* SPDX-License-Identifier: BSD-2-Clause */
#include "ptgen.h"

#include <string.h>

#include <amv/cp15.h>
#include <amv/desc.h>

struct gen {
	struct prng *rng;
	const struct ptgen_params *par;
	struct ptgen_image *img;
	uint32_t next_pa; /* bump allocator in [table_lo, table_hi) */
	unsigned int n_l2, max_l2;
	unsigned int l2_chunk[128]; /* chunk indices of fresh L2 tables */
};

static uint32_t rnd(struct gen *g)
{
	return prng_next(g->rng);
}

static uint32_t below(struct gen *g, uint32_t n)
{
	return prng_below(g->rng, n);
}

static int pct(struct gen *g, uint32_t p)
{
	return prng_pct(g->rng, p);
}

/* Allocate @bytes aligned to @align (a power of two) with a random gap. */
static int alloc_table(struct gen *g, uint32_t bytes, uint32_t align,
		       uint32_t *pa)
{
	uint32_t a = g->next_pa + below(g, 4) * align;

	a = (a + align - 1) & ~(align - 1);
	if (a < g->next_pa || a + bytes > g->par->table_hi)
		return -1;
	*pa = a;
	g->next_pa = a + bytes;
	return 0;
}

static int new_chunk(struct gen *g, uint32_t pa, uint32_t nwords)
{
	struct ptgen_image *img = g->img;
	struct ptgen_chunk *c;

	if (img->nchunks == PTGEN_MAX_CHUNKS ||
	    img->pool_used + nwords > PTGEN_POOL_WORDS)
		return -1;
	c = &img->chunk[img->nchunks];
	c->pa = pa;
	c->nwords = nwords;
	c->words = &img->pool[img->pool_used];
	img->pool_used += nwords;
	return (int)img->nchunks++;
}

/* A random address in a hole, aligned to @align. */
static uint32_t hole_addr(struct gen *g, uint32_t align)
{
	const struct ptgen_range *h = &g->par->holes[below(g, g->par->n_holes)];
	uint32_t span = (h->hi - h->lo) / align;

	return h->lo + below(g, span) * align;
}

/* Random second-level descriptor; large pages are replicated by the caller. */
static uint32_t rand_l2(struct gen *g, bool *large)
{
	uint32_t r = rnd(g);

	*large = false;
	if (pct(g, 25))
		return r & ~AMV_L2_TYPE_MASK; /* fault; other bits are ignored */
	if (pct(g, 25)) {
		*large = true;
		/* bits [8:6] should be zero; keep them so for defined behaviour */
		return (r & ~0x1c3u) | AMV_L2_TYPE_LARGE;
	}
	return r | AMV_L2_SMALL;
}

static int fill_l2(struct gen *g, uint32_t *t)
{
	unsigned int i, j;
	bool large;

	for (i = 0; i < AMV_L2_ENTRIES;) {
		uint32_t d = rand_l2(g, &large);

		if (large && (i % 16) == 0) {
			for (j = 0; j < 16; j++)
				t[i + j] = d;
			i += 16;
		} else {
			if (large)
				d = (d & ~AMV_L2_TYPE_MASK) | AMV_L2_SMALL;
			t[i++] = d;
		}
	}
	return 0;
}

/* Base address (bits [31:10]) for a page-table descriptor. */
static int l2_base(struct gen *g, uint32_t *base)
{
	struct ptgen_image *img = g->img;
	uint32_t pa;
	int c;

	if (g->par->n_holes && pct(g, 4)) {
		*base = hole_addr(g, AMV_L2_TABLE_SIZE);
		return 0;
	}
	if (pct(g, 8)) {
		/* Alias: an L1 table (or part of one) read as an L2 table. */
		unsigned int k, tries;

		for (tries = 0; tries < 4; tries++) {
			k = below(g, img->nchunks);
			if (img->chunk[k].nwords >= AMV_L2_ENTRIES * 2) {
				uint32_t slots = img->chunk[k].nwords /
						 AMV_L2_ENTRIES;
				*base = img->chunk[k].pa +
					below(g, slots) * AMV_L2_TABLE_SIZE;
				return 0;
			}
		}
	}
	if (g->n_l2 < g->max_l2 && (g->n_l2 == 0 || pct(g, 30))) {
		if (alloc_table(g, AMV_L2_TABLE_SIZE, AMV_L2_TABLE_SIZE, &pa))
			return -1;
		c = new_chunk(g, pa, AMV_L2_ENTRIES);
		if (c < 0)
			return -1;
		fill_l2(g, img->chunk[c].words);
		g->l2_chunk[g->n_l2++] = (unsigned int)c;
		*base = pa;
		return 0;
	}
	if (g->n_l2 == 0) {
		*base = hole_addr(g, AMV_L2_TABLE_SIZE);
		return 0;
	}
	*base = img->chunk[g->l2_chunk[below(g, g->n_l2)]].pa;
	return 0;
}

static int fill_l1(struct gen *g, uint32_t *t, unsigned int entries)
{
	unsigned int i, j;
	uint32_t base;

	for (i = 0; i < entries;) {
		uint32_t r = rnd(g), p = below(g, 100);

		if (p < 22) {
			t[i++] = r & ~AMV_L1_TYPE_MASK; /* fault */
		} else if (p < 26) {
			t[i++] = r | AMV_L1_TYPE_SECTION_PXN; /* PXN or reserved */
		} else if (p < 56) {
			t[i++] = (r & ~(AMV_L1_TYPE_MASK | AMV_L1_SUPER)) |
				 AMV_L1_TYPE_SECTION;
		} else if (p < 62 && (i % 16) == 0 && i + 16 <= entries) {
			uint32_t d = (r & ~AMV_L1_TYPE_MASK) | AMV_L1_SUPER |
				     AMV_L1_TYPE_SECTION;
			for (j = 0; j < 16; j++)
				t[i + j] = d;
			i += 16;
		} else {
			if (l2_base(g, &base))
				return -1;
			t[i++] = (r & ~(AMV_L1_TABLE_BASE_MASK | AMV_L1_TYPE_MASK)) |
				 base | AMV_L1_TYPE_TABLE;
		}
	}
	return 0;
}

/* Place the runner's flat section; make its domain usable at PL1. */
static void place_window(struct gen *g, uint32_t *t, uint32_t idx)
{
	struct amv_regime *r = &g->img->regime;
	unsigned int dom = below(g, 16), k;
	uint32_t field = AMV_DACR_FIELD(r->dacr, dom);

	for (k = 0; k < 16 && field != AMV_DACR_CLIENT &&
		    field != AMV_DACR_MANAGER;
	     k++) {
		dom = (dom + 1) & 15u;
		field = AMV_DACR_FIELD(r->dacr, dom);
	}
	if (field != AMV_DACR_CLIENT && field != AMV_DACR_MANAGER)
		r->dacr = (r->dacr & ~(3u << (2 * dom))) |
			  (AMV_DACR_CLIENT << (2 * dom));
	t[idx] = (g->par->window_pa & AMV_L1_SECTION_BASE_MASK) |
		 (rnd(g) & (AMV_L1_NG | AMV_L1_S | AMV_L1_B | AMV_L1_C |
			    (AMV_L1_TEX_MASK << AMV_L1_TEX_SHIFT))) |
		 (3u << AMV_L1_AP01_SHIFT) | (dom << AMV_L1_DOMAIN_SHIFT) |
		 AMV_L1_TYPE_SECTION;
}

static uint32_t rand_query(struct gen *g, unsigned int n)
{
	uint32_t p = below(g, 100), split = n ? 1u << (32 - n) : 0;

	if (p < 60) {
		/* Address in a random 1 MiB slot of one of the two tables. */
		uint32_t idx = (n && pct(g, 50)) ? below(g, 4096u >> n)
						 : below(g, 4096);
		return (idx << 20) | (rnd(g) & 0xfffffu);
	}
	if (p < 85)
		return rnd(g);
	if (p < 95) {
		uint32_t delta = below(g, 0x4000);
		return split ? split - 0x2000 + delta : rnd(g) | 0xffff0000u;
	}
	if (g->par->window)
		return g->par->window_va | (rnd(g) & 0xfffffu);
	return rnd(g);
}

int ptgen_image(struct prng *rng, const struct ptgen_params *par,
		struct ptgen_image *img)
{
	struct gen g = {rng, par, img, par->table_lo, 0, par->max_l2, {0}};
	struct amv_regime *r = &img->regime;
	uint32_t n, pa0 = 0, pa1 = 0, ttbr0_entries;
	int c0 = -1, c1 = -1;
	bool hole0 = false, hole1 = false, win_in_ttbr0;

	if (par->n_queries > PTGEN_MAX_QUERIES || par->max_l2 > 128 ||
	    (par->window && (par->window_va & 0xfffffu)))
		return -1;
	memset(r, 0, sizeof(*r));
	img->nchunks = 0;
	img->pool_used = 0;

	n = pct(&g, 40) ? 0 : 1 + below(&g, 7);
	if (n == 0 && (par->force & PTGEN_FORCE_TTBR_HOLE))
		n = 1 + below(&g, 7); /* TTBR1 in use, so a hole can be walked */
	img->sctlr_set = (!(par->force & PTGEN_FORCE_MMU_OFF) && pct(&g, 97)
				 ? AMV_SCTLR_M
				 : 0) |
			 (pct(&g, 50) ? AMV_SCTLR_AFE : 0) |
			 (pct(&g, 50) ? AMV_SCTLR_TRE : 0);
	r->sctlr = AMV_SCTLR_XP | img->sctlr_set;
	r->ttbcr = n | (pct(&g, 20) ? AMV_TTBCR_PD0 : 0) |
		   (pct(&g, 20) ? AMV_TTBCR_PD1 : 0);
	r->dacr = rnd(&g);
	r->prrr = rnd(&g);
	r->nmrr = rnd(&g);
	r->contextidr = rnd(&g);
	r->flags = par->regime_flags;

	/* Which table holds the window, and keep its walk enabled. */
	win_in_ttbr0 = n == 0 || (par->window_va >> (32 - n)) == 0;
	if (par->window)
		r->ttbcr &= win_in_ttbr0 ? ~AMV_TTBCR_PD0 : ~AMV_TTBCR_PD1;
	if (par->n_holes && (pct(&g, 4) || (par->force & PTGEN_FORCE_TTBR_HOLE))) {
		if (!par->window || !win_in_ttbr0)
			hole0 = true;
		else if (n != 0)
			hole1 = true;
	}

	ttbr0_entries = AMV_L1_ENTRIES >> n;
	if (hole0) {
		pa0 = hole_addr(&g, AMV_L1_TABLE_SIZE);
	} else {
		if (alloc_table(&g, 4 * ttbr0_entries, 4 * ttbr0_entries, &pa0))
			return -1;
		c0 = new_chunk(&g, pa0, ttbr0_entries);
	}
	if (hole1) {
		pa1 = hole_addr(&g, AMV_L1_TABLE_SIZE);
	} else {
		if (alloc_table(&g, AMV_L1_TABLE_SIZE, AMV_L1_TABLE_SIZE, &pa1))
			return -1;
		c1 = new_chunk(&g, pa1, AMV_L1_ENTRIES);
	}
	if ((!hole0 && c0 < 0) || (!hole1 && c1 < 0))
		return -1;
	/* Low bits: walk attributes and SBZ bits the walk must ignore. */
	r->ttbr0 = pa0 | (rnd(&g) & ~AMV_TTBR0_BASE_MASK(n));
	r->ttbr1 = pa1 | (rnd(&g) & ~AMV_TTBR1_BASE_MASK);

	if (c0 >= 0 && fill_l1(&g, img->chunk[c0].words, ttbr0_entries))
		return -1;
	if (c1 >= 0 && fill_l1(&g, img->chunk[c1].words, AMV_L1_ENTRIES))
		return -1;
	if (par->window) {
		int wc = win_in_ttbr0 ? c0 : c1;

		if (wc < 0)
			return -1;
		place_window(&g, img->chunk[wc].words, par->window_va >> 20);
	}

	img->nqueries = par->n_queries;
	for (n = 0; n < par->n_queries; n++)
		img->query[n] = rand_query(&g, r->ttbcr & AMV_TTBCR_N_MASK);
	return 0;
}
