/* SPDX-License-Identifier: BSD-2-Clause */
#define _POSIX_C_SOURCE 200112L
/* Host ASID allocation: generations, rollover, reserved ASIDs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <amv/asid.h>
#include <amv/cp15.h>
#include <amv/desc.h>
#include <amv/error.h>
#include <amv/shadow.h>

#include "prng.h"

static uint8_t get(struct amv_asid_alloc *a, struct amv_asid_ctx *c,
		   bool *flush)
{
	uint8_t asid = 0;
	bool f = true;

	assert_int_equal(amv_asid_get(a, c, &asid, &f), 0);
	if (flush != NULL)
		*flush = f;
	return asid;
}

static void switching_between_cached_spaces_needs_no_flush(void **state)
{
	struct amv_asid_alloc a;
	struct amv_asid_ctx c1, c2;
	bool flush;
	uint8_t x1, x2;
	int i;

	(void)state;
	assert_int_equal(amv_asid_init(&a, NULL), 0);
	amv_asid_ctx_init(&c1);
	amv_asid_ctx_init(&c2);
	x1 = get(&a, &c1, &flush);
	assert_false(flush);
	x2 = get(&a, &c2, &flush);
	assert_false(flush);
	assert_int_not_equal(x1, x2);
	for (i = 0; i < 1000; i++) {
		assert_int_equal(get(&a, &c1, &flush), x1);
		assert_false(flush);
		assert_int_equal(get(&a, &c2, &flush), x2);
		assert_false(flush);
	}
	assert_int_equal(amv_asid_rollovers(&a), 0);
}

static void reserved_asids_are_never_handed_out(void **state)
{
	uint32_t reserved[AMV_ASID_COUNT / 32] = {0};
	struct amv_asid_alloc a;
	struct amv_asid_ctx c[600];
	unsigned int i;

	(void)state;
	reserved[0] = 1u << 0;         /* ASID 0: the monitor */
	reserved[7] = 1u << 31;        /* ASID 255 */
	reserved[3] = 0x0000ff00u;     /* ASIDs 104..111 */
	assert_int_equal(amv_asid_init(&a, reserved), 0);
	for (i = 0; i < 600; i++) {
		uint8_t x;

		amv_asid_ctx_init(&c[i]);
		x = get(&a, &c[i], NULL);
		assert_int_not_equal(x, 0);
		assert_int_not_equal(x, 255);
		assert_false(x >= 104 && x <= 111);
	}
}

static void rollover_comes_once_when_asids_run_out(void **state)
{
	uint32_t reserved[AMV_ASID_COUNT / 32] = {1u}; /* ASID 0 */
	struct amv_asid_alloc a;
	struct amv_asid_ctx c[256];
	uint8_t seen[AMV_ASID_COUNT] = {0};
	bool flush;
	unsigned int i;

	(void)state;
	assert_int_equal(amv_asid_init(&a, reserved), 0);
	/* 255 free ASIDs: 255 spaces get distinct ones, no flush. */
	for (i = 0; i < 255; i++) {
		uint8_t x;

		amv_asid_ctx_init(&c[i]);
		x = get(&a, &c[i], &flush);
		assert_false(flush);
		assert_int_equal(seen[x], 0);
		seen[x] = 1;
	}
	assert_int_equal(amv_asid_rollovers(&a), 0);
	/* The 256th rolls over: one flush. */
	amv_asid_ctx_init(&c[255]);
	get(&a, &c[255], &flush);
	assert_true(flush);
	assert_int_equal(amv_asid_rollovers(&a), 1);
	/* The old spaces get new ASIDs, without another flush until the
	 * new generation runs out too (254 more). */
	for (i = 0; i < 254; i++) {
		get(&a, &c[i], &flush);
		assert_false(flush);
	}
	get(&a, &c[254], &flush);
	assert_true(flush);
	assert_int_equal(amv_asid_rollovers(&a), 2);
}

static void put_makes_an_asid_reusable_in_the_same_generation(void **state)
{
	uint32_t reserved[AMV_ASID_COUNT / 32];
	struct amv_asid_alloc a;
	struct amv_asid_ctx c1, c2;
	bool flush;
	uint8_t x;

	(void)state;
	/* Only ASID 7 free. */
	memset(reserved, 0xff, sizeof(reserved));
	reserved[0] &= ~(1u << 7);
	assert_int_equal(amv_asid_init(&a, reserved), 0);
	amv_asid_ctx_init(&c1);
	amv_asid_ctx_init(&c2);
	x = get(&a, &c1, &flush);
	assert_int_equal(x, 7);
	assert_int_equal(amv_asid_put(&a, &c1), 0);
	assert_int_equal(get(&a, &c2, &flush), 7);
	assert_false(flush); /* released, not rolled over */
	/* c1 lost its claim: it needs an ASID again, so the allocator rolls
	 * over (the only ASID is c2's). */
	assert_int_equal(get(&a, &c1, &flush), 7);
	assert_true(flush);
}

static void misuse_is_rejected(void **state)
{
	uint32_t all[AMV_ASID_COUNT / 32];
	struct amv_asid_alloc a;
	struct amv_asid_ctx c;
	uint8_t x;
	bool f;

	(void)state;
	memset(all, 0xff, sizeof(all));
	assert_int_equal(amv_asid_init(NULL, NULL), -AMV_EINVAL);
	assert_int_equal(amv_asid_init(&a, all), -AMV_EINVAL);
	assert_int_equal(amv_asid_init(&a, NULL), 0);
	amv_asid_ctx_init(&c);
	assert_int_equal(amv_asid_get(NULL, &c, &x, &f), -AMV_EINVAL);
	assert_int_equal(amv_asid_get(&a, NULL, &x, &f), -AMV_EINVAL);
	assert_int_equal(amv_asid_get(&a, &c, NULL, &f), -AMV_EINVAL);
	assert_int_equal(amv_asid_get(&a, &c, &x, NULL), -AMV_EINVAL);
	assert_int_equal(amv_asid_put(NULL, &c), -AMV_EINVAL);
	assert_int_equal(amv_asid_put(&a, NULL), -AMV_EINVAL);
	assert_int_equal(amv_asid_rollovers(NULL), 0);
}

/*
 * Property, many VMs: random switches among 2000 address spaces (with
 * releases). A host ASID may pass from one address space to another only
 * across a whole-TLB flush or an explicit release; within a generation no
 * two live address spaces share an ASID; reserved ASIDs never appear;
 * flushes are exactly the rollovers.
 */
#define SPACES 2000u

static void asids_change_hands_only_across_a_flush_or_release(void **state)
{
	uint32_t reserved[AMV_ASID_COUNT / 32] = {0x3u}; /* ASIDs 0, 1 */
	struct amv_asid_alloc a;
	struct amv_asid_ctx *c = calloc(SPACES, sizeof(*c));
	int owner[AMV_ASID_COUNT];
	unsigned long flushes = 0, i, steps = 300000;
	struct prng rng;
	uint32_t seed = 20261125;
	const char *env = getenv("AMV_SEED");

	(void)state;
	if (env != NULL)
		seed = (uint32_t)strtoul(env, NULL, 0);
	print_message("test_asid: seed %u (AMV_SEED replays)\n", seed);
	prng_seed(&rng, seed);
	assert_non_null(c);
	for (i = 0; i < AMV_ASID_COUNT; i++)
		owner[i] = -1; /* nobody since the last flush */
	assert_int_equal(amv_asid_init(&a, reserved), 0);
	for (i = 0; i < steps; i++) {
		unsigned int s = prng_below(&rng, SPACES);
		bool flush;
		uint8_t x;

		if (prng_pct(&rng, 2)) {
			/* release: the caller invalidates the ASID (TLBIASID) */
			if (c[s].generation != 0 && owner[c[s].asid] == (int)s)
				owner[c[s].asid] = -1;
			assert_int_equal(amv_asid_put(&a, &c[s]), 0);
			continue;
		}
		x = get(&a, &c[s], &flush);
		if (flush) {
			unsigned int k;

			flushes++;
			for (k = 0; k < AMV_ASID_COUNT; k++)
				owner[k] = -1;
		}
		assert_false(x < 2);
		if (owner[x] != -1 && owner[x] != (int)s)
			fail_msg("seed %u step %lu: ASID %u passed from space %d "
				 "to %u without a flush or release",
				 seed, i, x, owner[x], s);
		owner[x] = (int)s;
	}
	assert_int_equal(flushes, amv_asid_rollovers(&a));
	assert_true(flushes > 100); /* 2000 spaces over 254 ASIDs roll over */
	free(c);
}

/*
 * Many VMs on one host CPU share one allocator through the shadow MMU.
 * Model of the host TLB's ASID tags: an ASID owned by one (VM, address
 * space) may change hands only after TLBIALL (rollover) or TLBIASID of it
 * (eviction), the monitor's ASIDs never appear, and rollovers are rare.
 */
#define NVM 4u
#define VM_PROCS 160u
#define VM_L1 120u /* VMs 0 and 1; VMs 2 and 3 have 20 */
#define VM_L1_OF(v) ((v) < 2u ? VM_L1 : 20u)

struct mvm {
	struct amv_shadow_vm vm;
	struct amv_shadow_storage st;
	uint32_t *ram; /* 1 MiB guest RAM: one L1 table per process */
	unsigned int index;
};

static struct mvm mvms[NVM];
static int owner[AMV_ASID_COUNT]; /* vm * 1000 + process, -1 free */
static unsigned int cur_vm, cur_proc[NVM], tlbi_alls, collisions, reserved_seen;
static unsigned int reused; /* ASIDs handed on after a TLBIASID */
static bool released[AMV_ASID_COUNT];

static int mvm_read32(void *ctx, uint64_t pa, uint32_t *val)
{
	struct mvm *m = ctx;

	if (pa >= 0x100000u)
		return -AMV_EFAULT;
	*val = m->ram[pa / 4];
	return 0;
}

static uint32_t mvm_host_pa(void *ctx, const void *p)
{
	struct mvm *m = ctx;
	const char *c = p, *l1 = (const char *)m->st.l1;

	/* Pools at a per-VM host address, above every VM's RAM. */
	if (c >= l1 && c < l1 + VM_L1_OF(m->index) * sizeof(m->st.l1[0]))
		return 0x90000000u + m->index * 0x01000000u + (uint32_t)(c - l1);
	return 0x98000000u + m->index * 0x01000000u +
	       (uint32_t)(c - (const char *)m->st.l2);
}

static void mvm_set_host_mmu(void *ctx, uint32_t ttbr0, uint32_t ctxidr,
			     uint32_t dacr)
{
	struct mvm *m = ctx;
	int me = (int)(m->index * 1000u + cur_proc[m->index]);
	uint8_t asid = (uint8_t)ctxidr;

	(void)ttbr0;
	(void)dacr;
	if (asid == 0 || asid == 255)
		reserved_seen++;
	if (owner[asid] != -1 && owner[asid] != me)
		collisions++;
	if (released[asid] && owner[asid] == -1)
		reused++;
	released[asid] = false;
	owner[asid] = me;
}

static void mvm_tlbi_all(void *ctx)
{
	(void)ctx;
	tlbi_alls++;
	for (unsigned int i = 0; i < AMV_ASID_COUNT; i++) {
		owner[i] = -1;
		released[i] = false;
	}
}

static void mvm_tlbi_asid(void *ctx, uint8_t asid)
{
	(void)ctx;
	owner[asid] = -1;
	released[asid] = true;
}

static void mvm_tlbi_mva(void *ctx, uint32_t va, uint8_t asid)
{
	(void)ctx;
	(void)va;
	(void)asid;
}

static void mvm_tlbi_mvaa(void *ctx, uint32_t va)
{
	(void)ctx;
	(void)va;
}

static const struct amv_port_ops mvm_ops = {
	.read_phys32 = mvm_read32,
	.host_pa = mvm_host_pa,
	.set_host_mmu = mvm_set_host_mmu,
	.tlbi_all = mvm_tlbi_all,
	.tlbi_asid = mvm_tlbi_asid,
	.tlbi_mva = mvm_tlbi_mva,
	.tlbi_mvaa = mvm_tlbi_mvaa,
};

static struct amv_regime proc_regime(unsigned int p)
{
	struct amv_regime r;

	memset(&r, 0, sizeof(r));
	r.sctlr = AMV_SCTLR_M | AMV_SCTLR_XP;
	r.ttbr0 = 0x4000u * (p % 60u + 1u);
	r.contextidr = p; /* guest ASIDs repeat across VMs on purpose */
	r.dacr = 0x55555555u;
	return r;
}

static void many_vms_share_one_allocator_without_asid_collisions(void **state)
{
	static const struct amv_vm_region ram = {0, 0x100000u, 0x40000000u,
						 AMV_REGION_RAM};
	uint32_t reserved[AMV_ASID_COUNT / 32] = {0};
	struct amv_asid_alloc a;
	struct prng rng;
	void *l1, *l2;

	(void)state;
	reserved[0] = 1u;           /* ASID 0 */
	reserved[7] = 1u << 31;     /* ASID 255 */
	assert_int_equal(amv_asid_init(&a, reserved), 0);
	for (unsigned int i = 0; i < AMV_ASID_COUNT; i++)
		owner[i] = -1;
	prng_seed(&rng, 42);
	for (unsigned int v = 0; v < NVM; v++) {
		struct mvm *m = &mvms[v];
		struct amv_shadow_config cfg;
		struct amv_regime r = proc_regime(0);

		m->index = v;
		m->ram = calloc(0x100000u / 4, 4);
		assert_non_null(m->ram);
		assert_int_equal(posix_memalign(&l1, 16384, VM_L1_OF(v) * 16384u),
				 0);
		assert_int_equal(posix_memalign(&l2, 1024,
						AMV_SHADOW_MIN_L2 * 1024u),
				 0);
		m->st = (struct amv_shadow_storage){
			l1, calloc(VM_L1_OF(v), sizeof(struct amv_shadow_as)),
			VM_L1_OF(v),
			l2, calloc(AMV_SHADOW_MIN_L2,
				   sizeof(struct amv_shadow_l2info)),
			AMV_SHADOW_MIN_L2, NULL, NULL, 0};
		memset(&cfg, 0, sizeof(cfg));
		cfg.port.ops = &mvm_ops;
		cfg.port.ctx = m;
		cfg.asids = &a;
		cfg.storage = &m->st;
		cfg.regions = &ram;
		cfg.n_regions = 1;
		cfg.monitor_domains = 1;
		cur_vm = v;
		assert_int_equal(amv_shadow_init(&m->vm, &cfg), 0);
		assert_int_equal(amv_shadow_set_regime(&m->vm, &r), 0);
	}
	cur_vm = 2;
	for (unsigned int step = 0; step < 20000; step++) {
		struct mvm *m;
		struct amv_regime r;

		if (step == 10000)
			assert_true(reused > 0 && amv_asid_rollovers(&a) == 0);
		if (prng_pct(&rng, 20)) { /* the monitor switches VM */
			/* First only the small VMs (ASIDs go round through
			 * evictions, no rollover), then all (rollovers). */
			cur_vm = step < 10000 ? 2u + prng_below(&rng, 2)
					      : prng_below(&rng, NVM);
			assert_int_equal(amv_shadow_resume(&mvms[cur_vm].vm), 0);
			continue;
		}
		m = &mvms[cur_vm];
		/* A few hot processes and a long tail, so both cached
		 * switches and evictions happen. */
		cur_proc[cur_vm] = prng_pct(&rng, 50) ? prng_below(&rng, 4)
						      : prng_below(&rng, VM_PROCS);
		r = proc_regime(cur_proc[cur_vm]);
		assert_int_equal(amv_shadow_set_regime(&m->vm, &r), 0);
	}
	assert_int_equal(collisions, 0);
	assert_int_equal(reserved_seen, 0);
	assert_true(amv_asid_rollovers(&a) > 0);
	/* One TLBIALL per rollover, not per switch. */
	assert_int_equal(tlbi_alls, amv_asid_rollovers(&a));
	for (unsigned int v = 0; v < NVM; v++) {
		assert_true(mvms[v].vm.stats.as_evictions > 0);
		free(mvms[v].ram);
		free(mvms[v].st.l1);
		free(mvms[v].st.as);
		free(mvms[v].st.l2);
		free(mvms[v].st.l2i);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(switching_between_cached_spaces_needs_no_flush),
		cmocka_unit_test(reserved_asids_are_never_handed_out),
		cmocka_unit_test(rollover_comes_once_when_asids_run_out),
		cmocka_unit_test(put_makes_an_asid_reusable_in_the_same_generation),
		cmocka_unit_test(misuse_is_rejected),
		cmocka_unit_test(asids_change_hands_only_across_a_flush_or_release),
		cmocka_unit_test(many_vms_share_one_allocator_without_asid_collisions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
