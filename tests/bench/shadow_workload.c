/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The three synchronization strategies on one synthetic guest workload:
 * processes that fork (copy-on-write), exec, exit, take demand-paging and
 * copy-on-write faults and are context-switched, on the simulated machine of
 * tests/support/shadowsim. The guest kernel behaves as a native kernel
 * would for each strategy:
 *   tlb  writes its tables with plain stores and performs the TLB
 *        maintenance the architecture requires (each op traps: one exit);
 *   wp   the same code; its table stores fault when the page is protected;
 *   pv   writes PTEs with AMV_HC_SET_PTE / AMV_HC_SET_PTES and switches with
 *        AMV_HC_SWITCH_MM; it needs no TLB maintenance.
 * Writing TTBR0/CONTEXTIDR traps in every strategy (or is a hypercall).
 * Every user access is also checked against the guest's own walk.
 *
 *   shadow_workload tlb|wp|pv [steps]    one strategy, one table row
 * Run it under `valgrind --tool=callgrind --collect-atstart=no` to count
 * the instructions spent in the library (collection is toggled around each
 * library call); tests/bench/run-bench-shadow.sh does that.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <valgrind/callgrind.h>

#include <amv/amv.h>

#include "prng.h"
#include "shadowsim.h"

#define KL1 0x00004000u       /* kernel TTBR1 table */
#define SCRATCH 0x00008000u   /* PV batch array (4 KiB) */
#define L1_LO 0x00010000u     /* process L1 tables, 8 KiB each */
#define FRAME_LO 0x00100000u  /* page frames (tables and user pages) */
#define FRAME_HI SSIM_RAM0_SIZE
#define KBASE 0x80000000u     /* kernel linear map of RAM0 */
#define MAXPROC 8u
#define NSLOT 3u
static const uint32_t slot_va[NSLOT] = {0x00000000u, 0x00100000u, 0x7ff00000u};
/* Working set per slot: text 16 pages, heap 48, stack 8. */
static const uint32_t slot_pages[NSLOT] = {16, 48, 8};
static const uint32_t slot_first[NSLOT] = {8, 0, 248};

#define LIB(call)                                                              \
	do {                                                                   \
		CALLGRIND_TOGGLE_COLLECT;                                      \
		call;                                                          \
		CALLGRIND_TOGGLE_COLLECT;                                      \
	} while (0)

struct gproc {
	bool live;
	uint32_t l1;        /* guest PA of its 8 KiB L1 */
	uint8_t asid;
	uint32_t l2[NSLOT]; /* guest PA of each slot's L2, 0 none */
};

static struct ssim sim;
static struct prng rng;
static struct gproc proc[MAXPROC];
static unsigned int cur;
static unsigned int sync_kind;
static uint32_t free_frames[(FRAME_HI - FRAME_LO) / 4096];
static unsigned int nfree;
static uint32_t l2_free[4096];
static unsigned int nl2free;
static unsigned long exits_fault, exits_tlbop, exits_wp, exits_hc, exits_ttbr;
static unsigned long user_accesses, guest_faults, writes, forks, execs, exits_proc;
static uint32_t batch[512][2];
static unsigned int nbatch;

static void die(const char *what)
{
	fprintf(stderr, "shadow_workload: %s\n", what);
	exit(1);
}

static uint16_t ref[FRAME_HI / 4096]; /* mappings of each user frame */

static uint32_t frame_alloc(void)
{
	if (nfree == 0)
		die("out of guest frames");
	return free_frames[--nfree];
}

static void frame_put(uint32_t pte)
{
	uint32_t pa = pte & AMV_L2_SMALL_BASE_MASK;

	if (pte != 0 && --ref[pa / 4096] == 0)
		free_frames[nfree++] = pa;
}

static uint32_t user_frame(void)
{
	uint32_t pa = frame_alloc();

	ref[pa / 4096] = 1;
	return pa;
}

static uint32_t l2_alloc(void)
{
	if (nl2free == 0) {
		uint32_t f = frame_alloc();

		for (uint32_t k = 0; k < 4; k++)
			l2_free[nl2free++] = f + k * 1024u;
	}
	return l2_free[--nl2free];
}

static void set_mode(bool kernel)
{
	LIB(amv_shadow_set_mode(&sim.vm, kernel));
}

/* The port's loop for one access in the current mode; returns the fault
 * the guest takes (type NONE if none). */
static struct amv_fault access(uint32_t va, unsigned int kind, uint32_t wval)
{
	struct amv_shadow_result res;
	struct amv_xlat x;
	struct amv_fault f;
	int rc;

	memset(&f, 0, sizeof(f));
	for (int tries = 0; tries < 8; tries++) {
		if (ssim_host_access(&sim, va, kind, &x, &f) == AMV_WALK_OK) {
			memset(&f, 0, sizeof(f));
			return f;
		}
		exits_fault++;
		LIB(rc = amv_shadow_fault(&sim.vm, va, kind, &res));
		if (rc == AMV_SHADOW_FILLED)
			continue;
		if (rc == AMV_SHADOW_WP) {
			exits_wp++;
			LIB(rc = amv_shadow_wp_write(&sim.vm, res.gpa, wval, 4));
			if (rc != 0)
				die("wp_write failed");
			memset(&f, 0, sizeof(f));
			return f;
		}
		if (rc == AMV_SHADOW_INJECT)
			return res.fault;
		die("unexpected shadow outcome");
	}
	die("no progress");
	return f;
}

/* The guest kernel stores a descriptor (kernel mode, via its linear map). */
static void kwrite(uint32_t pa, uint32_t val)
{
	uint32_t args[4] = {AMV_HC_SET_PTE, pa, val, 0};
	int rc;

	writes++;
	if (sync_kind == AMV_SYNC_PV) {
		exits_hc++;
		LIB(rc = amv_shadow_hypercall(&sim.vm, args));
		if (rc != 0)
			die("SET_PTE failed");
		return;
	}
	if (access(KBASE + pa, AMV_ACC_WRITE, val).type != AMV_FAULT_NONE)
		die("kernel store faulted");
	*ssim_word(&sim, pa) = val; /* the store itself (no-op after WP) */
}

/* PV batches: fork and exit collect their PTE writes in one hypercall. */
static void pte_write(uint32_t pa, uint32_t val, bool batchable)
{
	if (sync_kind != AMV_SYNC_PV || !batchable) {
		kwrite(pa, val);
		return;
	}
	batch[nbatch][0] = pa;
	batch[nbatch][1] = val;
	*ssim_word(&sim, SCRATCH + 8 * nbatch) = pa;
	*ssim_word(&sim, SCRATCH + 8 * nbatch + 4) = val;
	writes++;
	if (++nbatch == 512)
		die("batch overflow");
}

static void flush_batch(void)
{
	uint32_t args[4] = {AMV_HC_SET_PTES, SCRATCH, nbatch, 0};
	int rc;

	if (nbatch == 0)
		return;
	exits_hc++;
	LIB(rc = amv_shadow_hypercall(&sim.vm, args));
	if (rc != 0)
		die("SET_PTES failed");
	nbatch = 0;
}

static void tlbop(unsigned int op, uint32_t arg)
{
	int rc;

	if (sync_kind == AMV_SYNC_PV)
		return; /* SET_PTE already dropped what the entry fed */
	exits_tlbop++;
	LIB(rc = amv_shadow_tlbi(&sim.vm, op, arg));
	if (rc != 0)
		die("tlbi failed");
}

static void switch_to(unsigned int p)
{
	struct amv_regime r = sim.vm.g;
	uint32_t args[4] = {AMV_HC_SWITCH_MM, proc[p].l1, proc[p].asid, 0};
	int rc;

	cur = p;
	exits_ttbr++;
	r.ttbr0 = proc[p].l1;
	r.contextidr = proc[p].asid;
	if (sync_kind == AMV_SYNC_PV)
		LIB(rc = amv_shadow_hypercall(&sim.vm, args));
	else
		LIB(rc = amv_shadow_set_regime(&sim.vm, &r));
	if (rc != 0)
		die("switch failed");
}

static uint32_t pte_pa(const struct gproc *p, unsigned int s, uint32_t idx)
{
	return p->l2[s] + 4 * idx;
}

/* User PTEs: domain 1 (in the L1 entry), not global, Normal WBWA. */
static uint32_t user_pte(uint32_t frame, unsigned int s, bool writable)
{
	uint32_t ap = s == 0 ? 0x7u : writable ? 0x3u : 0x7u;

	return frame | AMV_L2_SMALL | AMV_L2_NG | AMV_L2_C | AMV_L2_B |
	       (1u << AMV_L2_SMALL_TEX_SHIFT) |
	       ((ap & 3u) << AMV_L2_AP01_SHIFT) | ((ap & 4u) ? AMV_L2_AP2 : 0u) |
	       (s == 0 ? 0u : AMV_L2_SMALL_XN);
}

static void map_slot(struct gproc *p, unsigned int s)
{
	p->l2[s] = l2_alloc();
	for (uint32_t i = 0; i < 256; i++)
		*ssim_word(&sim, p->l2[s] + 4 * i) = 0; /* fresh, unshadowed */
	kwrite(p->l1 + 4 * (slot_va[s] >> 20),
	       p->l2[s] | AMV_L1_TYPE_TABLE | (1u << AMV_L1_DOMAIN_SHIFT));
}

/* Guest page fault handler: demand paging and copy-on-write. */
static void page_fault(uint32_t va, const struct amv_fault *f)
{
	struct gproc *p = &proc[cur];
	unsigned int s;
	uint32_t idx, pte;

	guest_faults++;
	for (s = 0; s < NSLOT; s++)
		if ((va >> 20) == (slot_va[s] >> 20))
			break;
	if (s == NSLOT)
		die("fault outside the process layout");
	set_mode(true);
	idx = (va >> 12) & 0xffu;
	if (f->type == AMV_FAULT_TRANSLATION && f->level == 1) {
		map_slot(p, s);
	} else if (f->type == AMV_FAULT_TRANSLATION) {
		pte_write(pte_pa(p, s, idx), user_pte(user_frame(), s, true),
			  false);
	} else if (f->type == AMV_FAULT_PERMISSION) {
		/* Copy-on-write: a private copy, then the stale entry goes. */
		pte = *ssim_word(&sim, pte_pa(p, s, idx));
		pte_write(pte_pa(p, s, idx), user_pte(user_frame(), s, true),
			  false);
		frame_put(pte);
		tlbop(AMV_TLBI_MVA, (va & ~0xfffu) | p->asid);
	} else {
		die("unexpected guest fault");
	}
	set_mode(false);
}

static void user_access(void)
{
	unsigned int s = prng_below(&rng, NSLOT);
	uint32_t va = slot_va[s] +
		      ((slot_first[s] + prng_below(&rng, slot_pages[s])) << 12) +
		      (prng_next(&rng) & 0xffcu);
	unsigned int kind = s == 0 ? (prng_pct(&rng, 50) ? AMV_ACC_FETCH
							 : AMV_ACC_READ)
				   : (prng_pct(&rng, 40) ? AMV_ACC_WRITE
							 : AMV_ACC_READ);
	struct ssim_out e, a;
	char why[128];

	user_accesses++;
	for (int tries = 0; tries < 4; tries++) {
		struct amv_fault f = access(va, kind, 0);

		if (f.type == AMV_FAULT_NONE)
			break;
		page_fault(va, &f);
	}
	/* The translation now in use must be the guest's own. */
	ssim_expect(&sim, va, kind, true, &e);
	ssim_run(&sim, va, kind, &a);
	if (!ssim_same(&e, &a, why, sizeof(why)))
		die(why);
}

/* A system call: the guest kernel touches its own data. */
static void syscall(void)
{
	set_mode(true);
	for (unsigned int k = 0; k < 4; k++) {
		uint32_t va = KBASE + 0x00200000u +
			      (prng_below(&rng, 64) << 12) +
			      (prng_next(&rng) & 0xffcu);

		if (access(va, prng_pct(&rng, 30) ? AMV_ACC_WRITE : AMV_ACC_READ,
			   0).type != AMV_FAULT_NONE)
			die("kernel access faulted");
	}
	set_mode(false);
}

static void fork_proc(void)
{
	struct gproc *p = &proc[cur], *c = NULL;
	unsigned int ci;

	for (ci = 0; ci < MAXPROC && proc[ci].live; ci++)
		;
	if (ci == MAXPROC)
		return;
	forks++;
	c = &proc[ci];
	set_mode(true);
	c->live = true;
	c->l1 = L1_LO + ci * 0x2000u;
	c->asid = (uint8_t)(ci + 1 + 16 * (forks % 8));
	for (uint32_t i = 0; i < 2048; i++)
		*ssim_word(&sim, c->l1 + 4 * i) = 0;
	for (unsigned int s = 0; s < NSLOT; s++) {
		c->l2[s] = 0;
		if (p->l2[s] == 0)
			continue;
		map_slot(c, s);
		for (uint32_t i = 0; i < 256; i++) {
			uint32_t pte = *ssim_word(&sim, pte_pa(p, s, i)), ro;

			if (pte == 0)
				continue;
			/* Both sides read-only: AP[2] set (B3.7.1). */
			ro = pte | AMV_L2_AP2 | (3u << AMV_L2_AP01_SHIFT);
			if (ro != pte)
				pte_write(pte_pa(p, s, i), ro, true);
			pte_write(pte_pa(c, s, i), ro, true);
			ref[(pte & AMV_L2_SMALL_BASE_MASK) / 4096]++;
		}
	}
	flush_batch();
	tlbop(AMV_TLBI_ASID, p->asid);
	set_mode(false);
}

static void unmap_all(struct gproc *p, bool free_tables)
{
	for (unsigned int s = 0; s < NSLOT; s++) {
		if (p->l2[s] == 0)
			continue;
		for (uint32_t i = 0; i < 256; i++) {
			uint32_t pte = *ssim_word(&sim, pte_pa(p, s, i));

			if (pte != 0) {
				pte_write(pte_pa(p, s, i), 0, true);
				frame_put(pte);
			}
		}
		if (free_tables) {
			pte_write(p->l1 + 4 * (slot_va[s] >> 20), 0, true);
			l2_free[nl2free++] = p->l2[s];
			p->l2[s] = 0;
		}
	}
	flush_batch();
	tlbop(AMV_TLBI_ASID, p->asid);
}

static void exec_proc(void)
{
	execs++;
	set_mode(true);
	unmap_all(&proc[cur], false);
	set_mode(false);
}

static void exit_proc(void)
{
	unsigned int n = 0, next;

	for (unsigned int i = 0; i < MAXPROC; i++)
		n += proc[i].live;
	if (n < 3)
		return;
	exits_proc++;
	set_mode(true);
	unmap_all(&proc[cur], true);
	proc[cur].live = false;
	for (next = (cur + 1) % MAXPROC; !proc[next].live;
	     next = (next + 1) % MAXPROC)
		;
	switch_to(next);
	set_mode(false);
}

static void boot(void)
{
	struct amv_regime r;

	for (uint32_t pa = FRAME_HI - 4096; pa >= FRAME_LO; pa -= 4096)
		free_frames[nfree++] = pa;
	/* Kernel: linear map of RAM0 by global sections, PL1 RW, domain 0. */
	for (uint32_t i = 0; i < SSIM_RAM0_SIZE >> 20; i++)
		*ssim_word(&sim, KL1 + 4 * ((KBASE >> 20) + i)) =
			(i << 20) | AMV_L1_TYPE_SECTION |
			(1u << AMV_L1_AP01_SHIFT) | (1u << AMV_L1_TEX_SHIFT) |
			AMV_L1_C | AMV_L1_B | AMV_L1_XN;
	proc[0].live = true;
	proc[0].l1 = L1_LO;
	proc[0].asid = 1;
	memset(&r, 0, sizeof(r));
	r.sctlr = AMV_SCTLR_M | AMV_SCTLR_XP;
	r.ttbcr = 1; /* TTBR0 below 2 GiB, the kernel above */
	r.ttbr0 = proc[0].l1;
	r.ttbr1 = KL1;
	r.contextidr = proc[0].asid;
	r.dacr = 0x5u; /* domains 0 (kernel) and 1 (user): Client */
	if (amv_shadow_set_regime(&sim.vm, &r) != 0)
		die("boot failed");
	set_mode(false);
}

int main(int argc, char **argv)
{
	static const char *const names[] = {"tlb", "wp", "pv"};
	struct ssim_params par;
	unsigned long steps = 20000;
	unsigned int live;

	if (argc < 2)
		die("usage: shadow_workload tlb|wp|pv [steps]");
	for (sync_kind = 0; sync_kind < 3 && strcmp(argv[1], names[sync_kind]);
	     sync_kind++)
		;
	if (sync_kind == 3)
		die("unknown strategy");
	if (argc > 2)
		steps = strtoul(argv[2], NULL, 0);
	memset(&par, 0, sizeof(par));
	/* "tlbmodel" / "tlbmodel-global": a 32-entry host TLB (Cortex-A8 has
	 * 32-entry I and D micro-TLBs), entries of the TTBR1 template cached
	 * not-global (the policy amv implements) or global (the other one). */
	if (argc > 3) {
		par.tlb = true;
		par.tlb_global_tmpl = !strcmp(argv[3], "tlbmodel-global");
		par.seed = 7;
	}
	par.sync = sync_kind;
	par.n_l1 = MAXPROC + 2;
	par.n_l2 = 128;
	par.n_rmap = 8192;
	par.regime_flags = AMV_REGIME_NONSECURE | AMV_REGIME_NO_SECEXT;
	if (ssim_init(&sim, &par) != 0)
		return 1;
	prng_seed(&rng, 2026);
	boot();
	for (unsigned long i = 0; i < steps; i++) {
		uint32_t p = prng_below(&rng, 1000);

		if (p < 650) {
			user_access();
		} else if (p < 900) {
			syscall();
		} else if (p < 960) {
			do
				live = prng_below(&rng, MAXPROC);
			while (!proc[live].live);
			switch_to(live);
		} else if (p < 975) {
			fork_proc();
		} else if (p < 985) {
			exec_proc();
		} else {
			exit_proc();
		}
	}
	printf("%-4s %8lu %8lu %8lu %8lu %8lu %8lu %8lu %8lu\n", names[sync_kind],
	       exits_fault - exits_wp, exits_wp, exits_tlbop, exits_hc,
	       exits_ttbr,
	       exits_fault + exits_tlbop + exits_hc + exits_ttbr,
	       (unsigned long)sim.vm.stats.fills,
	       (unsigned long)sim.vm.stats.drops);
	if (par.tlb)
		printf("host TLB: %lu walks (misses), %lu hits\n",
		       sim.host_walks, sim.tlb_hits);
	fprintf(stderr,
		"%s: %lu user accesses, %lu guest faults, %lu forks, %lu execs, "
		"%lu exits of processes, %lu PTE writes\n",
		names[sync_kind], user_accesses, guest_faults, forks, execs,
		exits_proc, writes);
	ssim_fini(&sim);
	return 0;
}
