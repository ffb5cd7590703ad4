/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Shadow equivalence and isolation property test (DESIGN.md invariants 2
 * and 3) for one synchronization strategy.
 *
 * A guest (a kernel TTBR1 table and several processes' TTBR0 tables from
 * the QEMU oracle's generator, output addresses retargeted so most land in
 * guest RAM) runs on the simulated machine of tests/support/shadowsim: for
 * every query (VA, access kind, virtual mode) the outcome through the host
 * MMU model, its TLB and amv_shadow_fault() must equal the guest's own walk
 * after the memory map. Between queries the guest switches processes and
 * virtual modes, rewrites DACR, writes its tables (as the strategy sees
 * writes: plain stores followed by the TLB maintenance the architecture
 * requires, write-protect faults, or hypercalls) and issues stray TLB
 * maintenance. Isolation is checked after every mutation.
 *
 *   shadow_prop tlb|wp|pv [queries]
 *   AMV_SEED=n replays a run; AMV_SHADOW_QUERIES=n sets the length.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <amv/cp15.h>
#include <amv/desc.h>
#include <amv/error.h>

#include "prng.h"
#include "ptgen.h"
#include "shadowsim.h"

#define NPROC 5u
#define STEPS_PER_ROUND 4000u

static const struct ptgen_range holes[] = {{SSIM_HOLE_LO, SSIM_HOLE_HI}};

struct proc {
	uint32_t ttbr0;
	uint8_t asid;
	struct ptgen_image *img;
};

struct world {
	struct ssim sim;
	struct prng rng;
	struct ptgen_image *kimg;
	struct proc proc[NPROC];
	struct amv_regime reg;     /* the guest's registers */
	unsigned int cur;          /* current process */
	unsigned long fault_type[16];
	bool tame;                 /* this round's DACR stays all Client */
	uint32_t ws[64];           /* working set */
	unsigned int nws;
	bool user;
	unsigned long queries, mismatches, faults_seen, ok_seen, mmio_seen,
		wp_seen, window_seen, writes, tlbis, switches, round;
	uint32_t seed;
};

/* A RAM-biased output address for a descriptor (aligned to @align). */
static uint32_t rand_out(struct prng *r, uint32_t align, uint32_t keep)
{
	uint32_t p = prng_below(r, 100);

	if (p < 55)
		return (SSIM_RAM0_GPA + prng_below(r, SSIM_RAM0_SIZE)) & ~(align - 1u);
	if (p < 72)
		return (SSIM_RAM1_GPA + prng_below(r, SSIM_RAM1_SIZE)) & ~(align - 1u);
	if (p < 80)
		return (SSIM_MMIO_GPA + prng_below(r, SSIM_MMIO_SIZE)) & ~(align - 1u);
	return keep & ~(align - 1u);
}

/* Most entries in three domains, as real kernels use them; the rest keep
 * the generator's (all 16, to run out of host domains). */
static uint32_t few_domains(struct prng *r, uint32_t d)
{
	if (!prng_pct(r, 80))
		return d;
	return (d & ~(AMV_L1_DOMAIN_MASK << AMV_L1_DOMAIN_SHIFT)) |
	       (prng_below(r, 3) << AMV_L1_DOMAIN_SHIFT);
}

static uint32_t retarget_l1(struct prng *r, uint32_t d)
{
	uint32_t t = d & AMV_L1_TYPE_MASK;

	if (t == AMV_L1_TYPE_TABLE)
		return few_domains(r, d);
	if (t != AMV_L1_TYPE_SECTION && t != AMV_L1_TYPE_SECTION_PXN)
		return d;
	if (d & AMV_L1_SUPER) {
		/* PA[39:32] in bits [23:20] and [8:5]: keep them zero. */
		uint32_t b = rand_out(r, AMV_SUPERSECTION_SIZE, d);

		if (b == (d & AMV_L1_SUPER_BASE_MASK))
			return d;
		return (d & ~(AMV_L1_SUPER_BASE_MASK | 0x00f001e0u)) | b;
	}
	return few_domains(r, (d & ~AMV_L1_SECTION_BASE_MASK) |
				      rand_out(r, AMV_SECTION_SIZE, d));
}

static uint32_t retarget_l2(struct prng *r, uint32_t d)
{
	if (d & AMV_L2_SMALL)
		return (d & ~AMV_L2_SMALL_BASE_MASK) |
		       rand_out(r, AMV_SMALL_PAGE_SIZE, d);
	if ((d & AMV_L2_TYPE_MASK) == AMV_L2_TYPE_LARGE)
		return (d & ~AMV_L2_LARGE_BASE_MASK) |
		       rand_out(r, AMV_LARGE_PAGE_SIZE, d);
	return d;
}

/* The generator's first-level tables are the ones its TTBRs point at
 * (a TTBR0 table with TTBCR.N > 0 is smaller than an L2 table). */
static bool chunk_is_l1(const struct ptgen_image *img,
			const struct ptgen_chunk *ch)
{
	unsigned int n = img->regime.ttbcr & AMV_TTBCR_N_MASK;

	return ch->pa == (img->regime.ttbr0 & AMV_TTBR0_BASE_MASK(n)) ||
	       ch->pa == (img->regime.ttbr1 & AMV_TTBR1_BASE_MASK);
}

/* Copy an image's tables into guest RAM, retargeting output addresses;
 * replicated entries (large pages, supersections) stay replicated. */
static void load_image(struct world *w, struct ptgen_image *img)
{
	for (unsigned int c = 0; c < img->nchunks; c++) {
		struct ptgen_chunk *ch = &img->chunk[c];
		bool l1 = chunk_is_l1(img, ch);
		uint32_t prev_in = 0, prev_out = 0;

		for (uint32_t i = 0; i < ch->nwords; i++) {
			uint32_t d = ch->words[i], *dst = ssim_word(&w->sim, ch->pa + 4 * i);

			if (i > 0 && d == prev_in) {
				d = prev_out;
			} else {
				prev_in = d;
				d = l1 ? retarget_l1(&w->rng, d)
				       : retarget_l2(&w->rng, d);
				prev_out = d;
			}
			ch->words[i] = d;
			if (dst != NULL)
				*dst = d;
		}
	}
}

static int gen(struct world *w, struct ptgen_image *img, uint32_t lo,
	       uint32_t hi)
{
	struct ptgen_params par;

	memset(&par, 0, sizeof(par));
	par.table_lo = lo;
	par.table_hi = hi;
	par.holes = holes;
	par.n_holes = 1;
	par.n_queries = 1000;
	par.regime_flags = w->sim.par.regime_flags;
	par.max_l2 = 24;
	return ptgen_image(&w->rng, &par, img);
}

/* Mostly Client, as guests run. */
static uint32_t rand_dacr(struct world *w)
{
	uint32_t p = prng_below(&w->rng, 100);

	return p < 60   ? AMV_DACR_CLIENT
	       : p < 75 ? AMV_DACR_MANAGER
	       : p < 95 ? AMV_DACR_NOACCESS
			: AMV_DACR_RESERVED;
}

static void set_regime(struct world *w)
{
	int rc = amv_shadow_set_regime(&w->sim.vm, &w->reg);

	if (rc != 0) {
		fprintf(stderr, "amv_shadow_set_regime: %s\n", amv_strerror(rc));
		exit(1);
	}
}

static void new_round(struct world *w)
{
	uint32_t n;

	w->round++;
	memset(w->sim.ram0, 0, SSIM_RAM0_SIZE);
	memset(w->sim.ram1, 0, SSIM_RAM1_SIZE);
	if (gen(w, w->kimg, 0x00100000u, 0x00400000u) != 0) {
		fprintf(stderr, "ptgen failed\n");
		exit(1);
	}
	load_image(w, w->kimg);
	w->reg = w->kimg->regime;
	/* Every other round a tame guest: every domain Client, as kernels
	 * run, so the small-page fast path is exercised as much as the rest. */
	w->tame = (w->round & 1u) != 0;
	w->reg.dacr = 0;
	for (unsigned int d = 0; d < 16; d++)
		w->reg.dacr |= (w->tame ? AMV_DACR_CLIENT : rand_dacr(w)) << (2 * d);
	n = w->reg.ttbcr & AMV_TTBCR_N_MASK;
	for (unsigned int p = 0; p < NPROC; p++) {
		struct proc *pr = &w->proc[p];
		uint32_t lo = 0x00400000u + p * 0x00200000u;

		/* Same TTBCR.N as the kernel image, so its TTBR0 table fits. */
		for (unsigned int tries = 0; tries < 32; tries++) {
			memset(ssim_word(&w->sim, lo), 0, 0x00200000u);
			if (gen(w, pr->img, lo, lo + 0x00200000u) != 0) {
				fprintf(stderr, "ptgen failed\n");
				exit(1);
			}
			if ((pr->img->regime.ttbcr & AMV_TTBCR_N_MASK) == n)
				break;
		}
		load_image(w, pr->img);
		pr->ttbr0 = pr->img->regime.ttbr0;
		pr->asid = (uint8_t)(p * 37u + w->round);
	}
	w->nws = 0;
	for (unsigned int k = 0; k < 4000 && w->nws < 64; k++) {
		const struct ptgen_image *img =
			k & 1 ? w->kimg : w->proc[prng_below(&w->rng, NPROC)].img;
		uint32_t va = img->query[prng_below(&w->rng, img->nqueries)];
		struct amv_xlat x;
		struct amv_fault f;
		struct amv_port port = {&ssim_port_ops, &w->sim};
		struct amv_regime r = w->reg;

		r.ttbr0 = img->regime.ttbr0;
		if (amv_walk(&r, &port, va, AMV_ACC_READ, &x, &f) == AMV_WALK_OK)
			w->ws[w->nws++] = va & ~0x7fffu;
	}
	w->cur = 0;
	w->reg.ttbr0 = w->proc[0].ttbr0;
	w->reg.contextidr = w->proc[0].asid;
	/* A new regime: AFE/TRE/TTBCR/PRRR changes drop the whole shadow. */
	set_regime(w);
	w->user = false;
	amv_shadow_set_mode(&w->sim.vm, true);
}

static uint32_t pick_va(struct world *w)
{
	const struct ptgen_image *img =
		prng_pct(&w->rng, 50) ? w->kimg : w->proc[w->cur].img;
	uint32_t p = prng_below(&w->rng, 100);

	/* A working set that translates, and its neighbour pages (same L2
	 * table, often other permissions), so entries are reused. */
	if (p < 60 && w->nws != 0)
		return w->ws[prng_below(&w->rng, w->nws)] +
		       (prng_below(&w->rng, 8) << 12);
	if (p < 85)
		return img->query[prng_below(&w->rng, img->nqueries)];
	if (p < 90)
		return SSIM_WINDOW_VA | (prng_next(&w->rng) & 0xfffffu);
	return prng_next(&w->rng);
}

static void fail(struct world *w, const char *what, uint32_t va,
		 unsigned int kind)
{
	fprintf(stderr,
		"shadow_prop: %s\n  seed %u round %lu query %lu va %#x kind %u "
		"mode %s sync %u\n",
		what, w->seed, w->round, w->queries, va, kind,
		w->user ? "user" : "kernel", w->sim.par.sync);
	fprintf(stderr, "  replay: AMV_SEED=%u\n", w->seed);
	exit(1);
}

static void query(struct world *w)
{
	uint32_t va = pick_va(w);
	unsigned int kind = prng_below(&w->rng, 3); /* read, write, fetch */
	struct ssim_out e, a;
	char why[160];

	w->queries++;
	ssim_expect(&w->sim, va, kind, w->user, &e);
	if (ssim_run(&w->sim, va, kind, &a) < 0)
		fail(w, "the fault loop made no progress", va, kind);
	if (!ssim_same(&e, &a, why, sizeof(why))) {
		ssim_print_out("guest ", &e);
		ssim_print_out("shadow", &a);
		ssim_debug_va(&w->sim, va);
		fail(w, why, va, kind);
	}
	switch (a.kind) {
	case SSIM_OK:
		w->ok_seen++;
		break;
	case SSIM_FAULT:
		w->faults_seen++;
		w->fault_type[a.f.type < 16 ? a.f.type : 15]++;
		break;
	case SSIM_MMIO:
		w->mmio_seen++;
		break;
	case SSIM_WP:
		/* The port emulates the store: rewrite the same word. */
		w->wp_seen++;
		if (e.gpa < 0x100000000ull && ssim_word(&w->sim, e.gpa)) {
			uint32_t old = *ssim_word(&w->sim, e.gpa & ~3ull);

			if (amv_shadow_wp_write(&w->sim.vm, e.gpa & ~3ull, old,
						4) != 0)
				fail(w, "amv_shadow_wp_write failed", va, kind);
		}
		break;
	case SSIM_WINDOW:
		w->window_seen++;
		break;
	}
}

static void check_isolation(struct world *w)
{
	char why[160];

	if (ssim_check_isolation(&w->sim, why, sizeof(why)) != 0 ||
	    ssim_check_wp(&w->sim, why, sizeof(why)) != 0)
		fail(w, why, 0, 0);
}

/* L1 tables in use: each process's TTBR0 table and the kernel's TTBR1
 * table, with the index range each translates. */
struct l1use {
	uint32_t base, first, count;
};

static unsigned int l1_tables(const struct world *w, struct l1use *u)
{
	unsigned int n = w->reg.ttbcr & AMV_TTBCR_N_MASK, k = 0;

	for (unsigned int p = 0; p < NPROC; p++)
		u[k++] = (struct l1use){w->proc[p].ttbr0 & AMV_TTBR0_BASE_MASK(n),
					0, AMV_L1_ENTRIES >> n};
	if (n != 0)
		u[k++] = (struct l1use){w->reg.ttbr1 & AMV_TTBR1_BASE_MASK,
					AMV_L1_ENTRIES >> n,
					AMV_L1_ENTRIES - (AMV_L1_ENTRIES >> n)};
	return k;
}

static void tlbi(struct world *w, unsigned int op, uint32_t arg)
{
	w->tlbis++;
	if (amv_shadow_tlbi(&w->sim.vm, op, arg) != 0)
		fail(w, "amv_shadow_tlbi failed", arg, 0);
}

static void tlbi_va(struct world *w, uint32_t va, bool by_asid)
{
	if (!by_asid) {
		tlbi(w, AMV_TLBI_MVAA, va & ~0xfffu);
		return;
	}
	for (unsigned int p = 0; p < NPROC; p++)
		tlbi(w, AMV_TLBI_MVA, (va & ~0xfffu) | w->proc[p].asid);
}

/* The maintenance a correct guest performs after changing the @n
 * replicated descriptors at @d0 whose old value was @old (B3.10.1): a
 * translation is one TLB entry, so one VA anywhere in a section,
 * supersection or large page is enough; an old page table may have left
 * an entry for each of its pages; an old fault left nothing. */
static void sync_after_write(struct world *w, uint32_t d0, unsigned int n,
			     bool l1, uint32_t old)
{
	struct l1use u[NPROC + 1];
	unsigned int nu = l1_tables(w, u);
	bool by_asid = prng_pct(&w->rng, 50);

	if (prng_pct(&w->rng, 3)) {
		tlbi(w, AMV_TLBI_ALL, 0);
		return;
	}
	if (l1 ? (old & AMV_L1_TYPE_MASK) == AMV_L1_TYPE_FAULT
	       : (old & AMV_L2_TYPE_MASK) == AMV_L2_TYPE_FAULT)
		return;
	/* A not-global leaf (section, page) is gone with TLBIASID of every
	 * ASID that may have cached it (B4.2.2). */
	if (prng_pct(&w->rng, 30) &&
	    (l1 ? (old & AMV_L1_TYPE_MASK) >= AMV_L1_TYPE_SECTION &&
			  (old & AMV_L1_NG)
		: (old & AMV_L2_NG) != 0)) {
		for (unsigned int p = 0; p < NPROC; p++)
			tlbi(w, AMV_TLBI_ASID, w->proc[p].asid);
		return;
	}
	for (unsigned int t = 0; t < nu; t++) {
		for (uint32_t i = u[t].first; i < u[t].first + u[t].count; i++) {
			uint32_t at = u[t].base + 4 * i, *e, va;

			if (l1) {
				if (at != d0)
					continue;
				/* The whole run of n entries starts here. */
				if ((old & AMV_L1_TYPE_MASK) == AMV_L1_TYPE_TABLE) {
					for (uint32_t pg = 0; pg < 256; pg++)
						tlbi_va(w, (i << 20) | (pg << 12),
							by_asid);
				} else {
					va = ((i + prng_below(&w->rng, n)) << 20) |
					     (prng_next(&w->rng) & 0xfffffu);
					tlbi_va(w, va, by_asid);
				}
				continue;
			}
			e = ssim_word(&w->sim, at);
			if (e == NULL ||
			    (*e & AMV_L1_TYPE_MASK) != AMV_L1_TYPE_TABLE ||
			    (*e & AMV_L1_TABLE_BASE_MASK) != (d0 & ~0x3ffu))
				continue;
			va = (i << 20) |
			     ((((d0 & 0x3ffu) / 4) + prng_below(&w->rng, n)) << 12) |
			     (prng_next(&w->rng) & 0xfffu);
			tlbi_va(w, va, by_asid);
		}
	}
}

/* A descriptor a working-set VA's walk reads, or any table word. */
static bool pick_desc(struct world *w, uint32_t *d, bool *l1)
{
	const struct ptgen_image *img;
	const struct ptgen_chunk *ch;

	if (prng_pct(&w->rng, 60) && w->nws != 0) {
		struct amv_port port = {&ssim_port_ops, &w->sim};
		uint32_t va = w->ws[prng_below(&w->rng, w->nws)] +
			      (prng_below(&w->rng, 8) << 12);
		struct amv_xlat x;
		struct amv_fault f;
		int rc;

		memset(&x, 0, sizeof(x));
		rc = amv_walk(&w->sim.vm.g, &port, va, AMV_ACC_READ, &x, &f);
		if (rc == AMV_WALK_OK && x.level != 0) {
			*l1 = x.level == 1 || prng_pct(&w->rng, 30);
			*d = x.desc_pa[*l1 ? 0 : 1];
			return true;
		}
	}
	img = prng_pct(&w->rng, 40) ? w->kimg
				    : w->proc[prng_below(&w->rng, NPROC)].img;
	if (img->nchunks == 0)
		return false;
	ch = &img->chunk[prng_below(&w->rng, img->nchunks)];
	*d = ch->pa + 4 * prng_below(&w->rng, ch->nwords);
	*l1 = chunk_is_l1(img, ch);
	return true;
}

static void table_write(struct world *w)
{
	uint32_t d, d0, val, old, *cur;
	unsigned int n = 1;
	bool l1;

	if (!pick_desc(w, &d, &l1) || (cur = ssim_word(&w->sim, d)) == NULL)
		return;
	old = *cur;
	d0 = d;
	/* Supersections and large pages are 16 replicated entries; a correct
	 * guest rewrites all of them (B3.5.1). */
	if ((l1 && (old & AMV_L1_TYPE_MASK) >= AMV_L1_TYPE_SECTION &&
	     (old & AMV_L1_SUPER)) ||
	    (!l1 && (old & AMV_L2_TYPE_MASK) == AMV_L2_TYPE_LARGE)) {
		d0 = d & ~0x3fu;
		n = 16;
		/* Only a real run of replicas (a lone one is written alone). */
		for (unsigned int k = 0; k < 16; k++)
			if (*ssim_word(&w->sim, d0 + 4 * k) != old)
				n = 1;
		if (n == 1)
			d0 = d;
	}
	switch (prng_below(&w->rng, 4)) {
	case 0:
		val = 0; /* unmap */
		break;
	case 1: /* permission and attribute bits, same type and address */
		val = old ^ (prng_next(&w->rng) &
			     (l1 ? 0x0003fdfcu : (n == 16 ? 0x0000fefcu
							   : 0x00000ffcu)));
		break;
	default:
		val = l1 ? retarget_l1(&w->rng, prng_next(&w->rng))
			 : retarget_l2(&w->rng, prng_next(&w->rng));
		break;
	}
	w->writes++;
	for (unsigned int k = 0; k < n; k++)
		if (ssim_store_desc(&w->sim, d0 + 4 * k, val) != 0)
			fail(w, "guest table write failed", d0 + 4 * k, 0);
	if (w->sim.par.sync == AMV_SYNC_TLB)
		sync_after_write(w, d0, n, l1, old);
}

static void step(struct world *w)
{
	uint32_t p = prng_below(&w->rng, 1000);

	if (p < 820) {
		query(w);
	} else if (p < 880) {
		w->user = !w->user;
		amv_shadow_set_mode(&w->sim.vm, !w->user);
	} else if (p < 930) {
		unsigned long drops = w->sim.vm.stats.drops;
		unsigned long ev = w->sim.vm.stats.as_evictions;

		w->cur = prng_below(&w->rng, NPROC);
		w->reg.ttbr0 = w->proc[w->cur].ttbr0;
		w->reg.contextidr = w->proc[w->cur].asid;
		w->switches++;
		set_regime(w);
		/* Switching to a cached address space invalidates nothing. */
		if (w->sim.vm.stats.as_evictions == ev &&
		    w->sim.vm.stats.drops != drops)
			fail(w, "an address-space switch dropped shadow entries",
			     0, 0);
	} else if (p < 950 && !w->tame) {
		unsigned int dom = prng_below(&w->rng, 16);

		w->reg.dacr = (w->reg.dacr & ~(3u << (2 * dom))) |
			      (rand_dacr(w) << (2 * dom));
		set_regime(w);
	} else if (p < 995) {
		table_write(w);
		check_isolation(w);
	} else {
		/* Stray maintenance: always allowed, never required. */
		unsigned int op = prng_below(&w->rng, 4);

		tlbi(w, op,
		     op == AMV_TLBI_ASID ? w->proc[prng_below(&w->rng, NPROC)].asid
					 : pick_va(w) | prng_below(&w->rng, 256));
		check_isolation(w);
	}
}

int main(int argc, char **argv)
{
	static struct world w;
	static struct ptgen_image imgs[NPROC + 1];
	struct ssim_params par;
	unsigned long target = 1000000;
	const char *env;
	struct amv_shadow_stats *st;

	memset(&par, 0, sizeof(par));
	if (argc < 2 || (strcmp(argv[1], "tlb") && strcmp(argv[1], "wp") &&
			 strcmp(argv[1], "pv"))) {
		fprintf(stderr, "usage: shadow_prop tlb|wp|pv [queries]\n");
		return 2;
	}
	par.sync = !strcmp(argv[1], "tlb") ? AMV_SYNC_TLB
		   : !strcmp(argv[1], "wp") ? AMV_SYNC_WP
					    : AMV_SYNC_PV;
	if (argc > 2)
		target = strtoul(argv[2], NULL, 0);
	if ((env = getenv("AMV_SHADOW_QUERIES")) != NULL)
		target = strtoul(env, NULL, 0);
	env = getenv("AMV_SEED");
	w.seed = env ? (uint32_t)strtoul(env, NULL, 0)
		     : (uint32_t)time(NULL) ^ (uint32_t)par.sync * 0x9e3779b9u;
	printf("shadow_prop %s: seed %u (replay with AMV_SEED=%u), %lu queries\n",
	       argv[1], w.seed, w.seed, target);
	fflush(stdout);
	prng_seed(&w.rng, w.seed);
	/* Small pools, so eviction runs all the time. */
	par.n_l1 = 5;
	par.n_l2 = 16;
	par.n_rmap = 128;
	par.tlb = true;
	par.seed = w.seed;
	/* The host walks see only what the library has cleaned (port.h,
	 * table_written): a missing clean is a stale walk, so a mismatch. */
	par.incoherent = true;
	/* With PXN (the superset of behaviour), Non-secure. */
	par.regime_flags = AMV_REGIME_PXN | AMV_REGIME_NONSECURE |
			   AMV_REGIME_NO_SECEXT;
	if (ssim_init(&w.sim, &par) != 0)
		return 1;
	w.kimg = &imgs[0];
	for (unsigned int p = 0; p < NPROC; p++)
		w.proc[p].img = &imgs[p + 1];
	while (w.queries < target) {
		new_round(&w);
		check_isolation(&w);
		for (unsigned int s = 0; s < STEPS_PER_ROUND && w.queries < target;
		     s++)
			step(&w);
		check_isolation(&w);
	}
	st = &w.sim.vm.stats;
	printf("  %lu queries in %lu rounds: %lu translated, %lu guest faults, "
	       "%lu MMIO, %lu write-protect, %lu window\n",
	       w.queries, w.round, w.ok_seen, w.faults_seen, w.mmio_seen,
	       w.wp_seen, w.window_seen);
	printf("  guest faults by type:");
	for (unsigned int t = 1; t < 16; t++)
		if (w.fault_type[t])
			printf(" %u:%lu", t, w.fault_type[t]);
	printf("\n");
	printf("  %lu table writes, %lu guest TLB ops, %lu switches; host: %lu "
	       "exits, %lu walks, %lu TLB hits\n",
	       w.writes, w.tlbis, w.switches, w.sim.exits, w.sim.host_walks,
	       w.sim.tlb_hits);
	printf("  shadow: %u fills (%u fast), %u drops, %u reclass, %u L2 evictions, %u AS "
	       "evictions, %u flushes, %u domain generations, %u rmap "
	       "compactions, %u rmap overflows\n",
	       st->fills, st->fast_fills, st->drops, st->reclass, st->l2_evictions,
	       st->as_evictions, st->flushes, st->domain_generations,
	       st->rmap_compactions, st->rmap_overflows);
	/* Every outcome class must have been exercised. */
	if (!w.ok_seen || !w.faults_seen || !w.mmio_seen || !w.window_seen ||
	    !st->l2_evictions || !st->as_evictions || !st->reclass ||
	    (par.sync == AMV_SYNC_TLB && !st->fast_fills) ||
	    (par.sync != AMV_SYNC_TLB && !st->rmap_compactions) ||
	    (par.sync == AMV_SYNC_WP && !w.wp_seen)) {
		fprintf(stderr, "shadow_prop: an outcome class never occurred\n");
		return 1;
	}
	printf("  0 mismatches, isolation held\n");
	ssim_fini(&w.sim);
	return 0;
}
