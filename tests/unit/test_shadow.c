/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The shadow MMU (shadow.h) rule by rule, on the simulated machine of
 * tests/support/shadowsim: hand-made guest tables in guest RAM, a host MMU
 * model that walks the shadow tables at PL0 with the host DACR behind a TLB
 * model, and the port's "host access, amv_shadow_fault(), retry" loop.
 * Most checks compare the outcome under the shadow with the guest's own
 * walk (DESIGN.md invariant 2) and check isolation (invariant 3) after
 * every access; the expected host addresses are typed from the memory map.
 *
 * Guest physical layout used by most tests (RAM0 is GPA 0..16 MiB at host
 * 0x40000000, RAM1 GPA 16..20 MiB at host 0x50003000):
 *   0x00004000  L1 table (TTBR0)
 *   0x00008000  L2 tables, 1 KiB each
 *   0x00200000+ data pages
 */
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
#include <amv/fault.h>
#include <amv/shadow.h>
#include <amv/walk.h>

#include "prng.h"
#include "shadowsim.h"

#define L1_GPA 0x00004000u
#define L2_GPA 0x00008000u
#define ASID_A 5u
#define ASID_B 6u

#define DACR_ALL_CLIENT 0x55555555u
#define SCTLR_MMU (AMV_SCTLR_M | AMV_SCTLR_XP)
#define FLAGS (AMV_REGIME_PXN | AMV_REGIME_NONSECURE | AMV_REGIME_NO_SECEXT)

#define RD AMV_ACC_READ
#define WR AMV_ACC_WRITE
#define IF AMV_ACC_FETCH

/* AP[2:0] values (B3.7.1). */
#define AP_NONE 0u    /* no access */
#define AP_KRW 1u     /* PL1 RW, PL0 none */
#define AP_KRW_URO 2u /* PL1 RW, PL0 RO */
#define AP_FULL 3u    /* PL1 and PL0 RW */
#define AP_KRO 5u     /* PL1 RO, PL0 none */
#define AP_RO 7u      /* PL1 and PL0 RO */

/* Host PA of a guest PA in RAM0 / RAM1. */
#define H0(gpa) (SSIM_RAM0_HPA + ((gpa) - SSIM_RAM0_GPA))
#define H1(gpa) (SSIM_RAM1_HPA + ((gpa) - SSIM_RAM1_GPA))

/* ------------------------------------------------- guest descriptors */

/* Normal memory, write-back write-allocate (TRE = 0, TEX = 001, C = B = 1). */
#define L1_NORMAL ((1u << AMV_L1_TEX_SHIFT) | AMV_L1_C | AMV_L1_B)
#define L2S_NORMAL ((1u << AMV_L2_SMALL_TEX_SHIFT) | AMV_L2_C | AMV_L2_B)
#define L2L_NORMAL ((1u << AMV_L2_LARGE_TEX_SHIFT) | AMV_L2_C | AMV_L2_B)

static uint32_t l1_ap(unsigned int ap)
{
	return ((ap & 3u) << AMV_L1_AP01_SHIFT) | ((ap & 4u) ? AMV_L1_AP2 : 0u);
}

static uint32_t l2_ap(unsigned int ap)
{
	return ((ap & 3u) << AMV_L2_AP01_SHIFT) | ((ap & 4u) ? AMV_L2_AP2 : 0u);
}

static uint32_t g_section(uint32_t pa, unsigned int ap, unsigned int dom,
			  uint32_t extra)
{
	return (pa & AMV_L1_SECTION_BASE_MASK) | AMV_L1_TYPE_SECTION |
	       l1_ap(ap) | (dom << AMV_L1_DOMAIN_SHIFT) | L1_NORMAL | extra;
}

static uint32_t g_super(uint32_t pa, unsigned int ap, uint32_t extra)
{
	return (pa & AMV_L1_SUPER_BASE_MASK) | AMV_L1_TYPE_SECTION |
	       AMV_L1_SUPER | l1_ap(ap) | L1_NORMAL | extra;
}

static uint32_t g_table(uint32_t l2pa, unsigned int dom, uint32_t extra)
{
	return (l2pa & AMV_L1_TABLE_BASE_MASK) | AMV_L1_TYPE_TABLE |
	       (dom << AMV_L1_DOMAIN_SHIFT) | extra;
}

static uint32_t g_small(uint32_t pa, unsigned int ap, uint32_t extra)
{
	return (pa & AMV_L2_SMALL_BASE_MASK) | AMV_L2_SMALL | l2_ap(ap) |
	       L2S_NORMAL | extra;
}

static uint32_t g_large(uint32_t pa, unsigned int ap, uint32_t extra)
{
	return (pa & AMV_L2_LARGE_BASE_MASK) | AMV_L2_TYPE_LARGE | l2_ap(ap) |
	       L2L_NORMAL | extra;
}

/* ------------------------------------------------------------ fixture */

struct env {
	struct ssim s;
	struct amv_regime r; /* the guest's registers */
	bool user;           /* virtual mode */
	bool iso;            /* check isolation after every access */
};

/* Environments of the running test, freed by teardown() if an assertion
 * ends the test before env_free(). */
#define MAX_ENVS 4
static struct env *live[MAX_ENVS];

static struct env *env_new(unsigned int sync, unsigned int n_l1,
			   unsigned int n_l2, unsigned int n_rmap)
{
	struct env *e = calloc(1, sizeof(*e));
	struct ssim_params p;
	unsigned int i;

	assert_non_null(e);
	for (i = 0; i < MAX_ENVS && live[i] != NULL; i++)
		;
	assert_true(i < MAX_ENVS);
	live[i] = e;
	memset(&p, 0, sizeof(p));
	p.sync = sync;
	p.n_l1 = n_l1;
	p.n_l2 = n_l2;
	p.n_rmap = n_rmap;
	p.regime_flags = FLAGS;
	p.tlb = true;
	p.seed = 1;
	assert_int_equal(ssim_init(&e->s, &p), 0);
	e->iso = true;
	/* MMU on: TTBR0 at L1_GPA, ASID A, every domain Client. */
	e->r.sctlr = SCTLR_MMU;
	e->r.ttbr0 = L1_GPA;
	e->r.dacr = DACR_ALL_CLIENT;
	e->r.contextidr = ASID_A;
	e->r.flags = FLAGS;
	return e;
}

static struct env *env_tlb(void)
{
	return env_new(AMV_SYNC_TLB, 8, 32, 0);
}

static void env_free(struct env *e)
{
	for (unsigned int i = 0; i < MAX_ENVS; i++)
		if (live[i] == e)
			live[i] = NULL;
	ssim_fini(&e->s);
	free(e);
}

static int teardown(void **state)
{
	(void)state;
	for (unsigned int i = 0; i < MAX_ENVS; i++)
		if (live[i] != NULL)
			env_free(live[i]);
	return 0;
}

static uint32_t *word(struct env *e, uint32_t gpa)
{
	uint32_t *w = ssim_word(&e->s, gpa);

	assert_non_null(w);
	return w;
}

static void put(struct env *e, uint32_t gpa, uint32_t v)
{
	*word(e, gpa) = v;
}

/* 16 replicated entries (large page, supersection; B3.5.1). */
static void put16(struct env *e, uint32_t gpa, uint32_t v)
{
	for (uint32_t i = 0; i < 16; i++)
		put(e, gpa + 4 * i, v);
}

static void l1_put(struct env *e, uint32_t va, uint32_t d)
{
	put(e, (e->r.ttbr0 & AMV_TTBR1_BASE_MASK) + 4 * (va >> 20), d);
}

static void apply(struct env *e)
{
	assert_int_equal(amv_shadow_set_regime(&e->s.vm, &e->r), 0);
}

static void set_user(struct env *e, bool user)
{
	e->user = user;
	assert_int_equal(amv_shadow_set_mode(&e->s.vm, !user), 0);
}

static const uint32_t *cur_l1(struct env *e)
{
	const struct amv_shadow_l1 *l1 = amv_shadow_current_l1(&e->s.vm);

	assert_non_null(l1);
	return l1->e;
}

/* The host L2 table a host page-table descriptor points to. */
static const uint32_t *host_l2(struct env *e, uint32_t l1d)
{
	uint32_t off = (l1d & AMV_L1_TABLE_BASE_MASK) - SSIM_L2_HPA;

	assert_int_equal(l1d & AMV_L1_TYPE_MASK, AMV_L1_TYPE_TABLE);
	assert_true(off < e->s.st.n_l2 * AMV_L2_TABLE_SIZE);
	return e->s.st.l2[off / AMV_L2_TABLE_SIZE].e;
}

static unsigned int l2_valid_count(struct env *e, uint32_t l1d)
{
	const uint32_t *l2 = host_l2(e, l1d);
	unsigned int n = 0;

	for (unsigned int i = 0; i < AMV_L2_ENTRIES; i++)
		n += l2[i] != 0;
	return n;
}

/* The host domain of the shadow entry for @va and its host DACR field. */
static unsigned int host_field(struct env *e, uint32_t va)
{
	unsigned int h = (cur_l1(e)[va >> 20] >> AMV_L1_DOMAIN_SHIFT) & 15u;

	return AMV_DACR_FIELD(e->s.dacr, h);
}

static void isolated(struct env *e)
{
	char why[160];

	if (ssim_check_isolation(&e->s, why, sizeof(why)) != 0)
		fail_msg("isolation: %s", why);
	if (ssim_check_wp(&e->s, why, sizeof(why)) != 0)
		fail_msg("write protection: %s", why);
}

/* Evict everything from the host TLB model, as a real TLB may at any time,
 * so the next access sees the shadow tables themselves. */
static void host_tlb_evict(struct env *e)
{
	memset(e->s.tlb, 0, sizeof(e->s.tlb));
}

/* The access under the shadow, without comparing; returns the exits. */
static int run(struct env *e, uint32_t va, unsigned int kind,
	       struct ssim_out *o)
{
	int n = ssim_run(&e->s, va, kind, o);

	if (n < 0)
		fail_msg("va %#x kind %u: the fault loop made no progress", va,
			 kind);
	return n;
}

/* The access under the shadow, which must equal the guest's own view. */
static int same(struct env *e, uint32_t va, unsigned int kind,
		struct ssim_out *o)
{
	struct ssim_out want;
	char why[160];
	int n;

	ssim_expect(&e->s, va, kind, e->user, &want);
	n = run(e, va, kind, o);
	if (!ssim_same(&want, o, why, sizeof(why))) {
		ssim_print_out("guest ", &want);
		ssim_print_out("shadow", o);
		ssim_debug_va(&e->s, va);
		fail_msg("va %#x kind %u %s mode: %s", va, kind,
			 e->user ? "user" : "kernel", why);
	}
	if (e->iso)
		isolated(e);
	return n;
}

/* Translates natively and under the shadow to host PA @hpa. */
static int ok_at(struct env *e, uint32_t va, unsigned int kind, uint32_t hpa)
{
	struct ssim_out o;
	int n = same(e, va, kind, &o);

	assert_int_equal(o.kind, SSIM_OK);
	assert_int_equal(o.hpa, hpa);
	return n;
}

/* Faults natively and under the shadow with @type at @level. */
static void faults(struct env *e, uint32_t va, unsigned int kind,
		   unsigned int type, unsigned int level)
{
	struct ssim_out o;

	same(e, va, kind, &o);
	assert_int_equal(o.kind, SSIM_FAULT);
	assert_int_equal(o.f.type, type);
	assert_int_equal(o.f.level, level);
	assert_int_equal(o.f.addr, va);
}

/* Translates under the shadow (stale or not) to @hpa. */
static void shadow_at(struct env *e, uint32_t va, unsigned int kind,
		      uint32_t hpa)
{
	struct ssim_out o;

	run(e, va, kind, &o);
	assert_int_equal(o.kind, SSIM_OK);
	assert_int_equal(o.hpa, hpa);
}

/* What the guest's own walk says now (not under the shadow). */
static uint32_t native_hpa(struct env *e, uint32_t va)
{
	struct ssim_out o;

	ssim_expect(&e->s, va, RD, e->user, &o);
	assert_int_equal(o.kind, SSIM_OK);
	return o.hpa;
}

/* ----------------------------------------------------------- API misuse */

/* A configuration equal to the one ssim_init() used, for tweaking. */
static void base_cfg(struct env *e, struct amv_shadow_config *c,
		     struct amv_shadow_storage *st, unsigned int sync)
{
	memset(c, 0, sizeof(*c));
	*st = e->s.st;
	c->port.ops = &ssim_port_ops;
	c->port.ctx = &e->s;
	c->asids = &e->s.asids;
	c->storage = st;
	c->regions = e->s.regions;
	c->n_regions = 3;
	c->window_base = SSIM_WINDOW_VA;
	c->window_size = SSIM_WINDOW_SIZE;
	c->window_l1 = e->s.window_l1;
	c->monitor_domains = 1u << SSIM_MON_DOMAIN;
	c->monitor_dacr = AMV_DACR_CLIENT << (2 * SSIM_MON_DOMAIN);
	c->regime_flags = FLAGS;
	c->sync = sync;
}

static int init_with(struct env *e, const struct amv_shadow_config *c)
{
	static struct amv_shadow_vm vm;

	(void)e;
	return amv_shadow_init(&vm, c);
}

static void init_rejects_null_pointers_and_missing_hooks(void **state)
{
	struct env *e = env_new(AMV_SYNC_WP, 4, AMV_SHADOW_MIN_L2, 64);
	struct amv_shadow_config c;
	struct amv_shadow_storage st;
	struct amv_port_ops ops;
	struct amv_shadow_vm vm;
	/* Each required hook, by offset into the ops table. */
	static const size_t hooks[] = {
		offsetof(struct amv_port_ops, read_phys32),
		offsetof(struct amv_port_ops, host_pa),
		offsetof(struct amv_port_ops, set_host_mmu),
		offsetof(struct amv_port_ops, tlbi_all),
		offsetof(struct amv_port_ops, tlbi_asid),
		offsetof(struct amv_port_ops, tlbi_mva),
		offsetof(struct amv_port_ops, tlbi_mvaa),
	};

	(void)state;
	for (unsigned int sync = AMV_SYNC_TLB; sync <= AMV_SYNC_PV; sync++) {
		base_cfg(e, &c, &st, sync);
		assert_int_equal(init_with(e, &c), 0);
		assert_int_equal(amv_shadow_init(NULL, &c), -AMV_EINVAL);
		assert_int_equal(amv_shadow_init(&vm, NULL), -AMV_EINVAL);
		c.port.ops = NULL;
		assert_int_equal(init_with(e, &c), -AMV_EINVAL);
		for (unsigned int h = 0; h < sizeof(hooks) / sizeof(hooks[0]);
		     h++) {
			base_cfg(e, &c, &st, sync);
			ops = ssim_port_ops;
			memset((char *)&ops + hooks[h], 0,
			       sizeof(void (*)(void)));
			c.port.ops = &ops;
			if (init_with(e, &c) != -AMV_EINVAL)
				fail_msg("sync %u: hook %u NULL accepted", sync,
					 h);
		}
		/* write_phys32 is needed by WP and PV only. */
		base_cfg(e, &c, &st, sync);
		ops = ssim_port_ops;
		ops.write_phys32 = NULL;
		c.port.ops = &ops;
		assert_int_equal(init_with(e, &c),
				 sync == AMV_SYNC_TLB ? 0 : -AMV_EINVAL);
		base_cfg(e, &c, &st, sync);
		c.asids = NULL;
		assert_int_equal(init_with(e, &c), -AMV_EINVAL);
		c.asids = &e->s.asids;
		c.storage = NULL;
		assert_int_equal(init_with(e, &c), -AMV_EINVAL);
		base_cfg(e, &c, &st, sync);
		c.sync = 3;
		assert_int_equal(init_with(e, &c), -AMV_EINVAL);
		base_cfg(e, &c, &st, sync);
		c.monitor_domains = 0xffffu;
		assert_int_equal(init_with(e, &c), -AMV_EINVAL);
	}
	env_free(e);
}

static void init_rejects_misaligned_or_overlapping_regions(void **state)
{
	struct env *e = env_tlb();
	struct amv_shadow_config c;
	struct amv_shadow_storage st;
	struct amv_vm_region r[3];

	(void)state;
	base_cfg(e, &c, &st, AMV_SYNC_TLB);
	c.regions = r;
	memcpy(r, e->s.regions, sizeof(r));
	assert_int_equal(init_with(e, &c), 0);
	r[1].gpa += 0x800; /* gpa not 4 KiB-aligned */
	assert_int_equal(init_with(e, &c), -AMV_EINVAL);
	memcpy(r, e->s.regions, sizeof(r));
	r[1].size = 0x1800; /* size not a multiple of 4 KiB */
	assert_int_equal(init_with(e, &c), -AMV_EINVAL);
	memcpy(r, e->s.regions, sizeof(r));
	r[1].size = 0;
	assert_int_equal(init_with(e, &c), -AMV_EINVAL);
	memcpy(r, e->s.regions, sizeof(r));
	r[1].hpa += 0x10; /* RAM host backing not 4 KiB-aligned */
	assert_int_equal(init_with(e, &c), -AMV_EINVAL);
	memcpy(r, e->s.regions, sizeof(r));
	r[1].gpa = SSIM_RAM0_GPA + SSIM_RAM0_SIZE - 0x1000; /* overlaps RAM0 */
	assert_int_equal(init_with(e, &c), -AMV_EINVAL);
	memcpy(r, e->s.regions, sizeof(r));
	r[2].gpa = SSIM_RAM1_GPA + 0x1000; /* MMIO inside RAM1 */
	r[2].size = 0x1000;
	assert_int_equal(init_with(e, &c), -AMV_EINVAL);
	memcpy(r, e->s.regions, sizeof(r));
	r[2].kind = 7; /* neither RAM nor MMIO */
	assert_int_equal(init_with(e, &c), -AMV_EINVAL);
	memcpy(r, e->s.regions, sizeof(r));
	c.regions = NULL;
	assert_int_equal(init_with(e, &c), -AMV_EINVAL);
	env_free(e);
}

static void init_rejects_a_window_not_in_whole_mebibytes(void **state)
{
	struct env *e = env_tlb();
	struct amv_shadow_config c;
	struct amv_shadow_storage st;

	(void)state;
	base_cfg(e, &c, &st, AMV_SYNC_TLB);
	c.window_base = SSIM_WINDOW_VA + 0x80000u;
	assert_int_equal(init_with(e, &c), -AMV_EINVAL);
	base_cfg(e, &c, &st, AMV_SYNC_TLB);
	c.window_size = 0x80000u;
	assert_int_equal(init_with(e, &c), -AMV_EINVAL);
	base_cfg(e, &c, &st, AMV_SYNC_TLB);
	c.window_l1 = NULL;
	assert_int_equal(init_with(e, &c), -AMV_EINVAL);
	/* No window at all is fine. */
	c.window_size = 0;
	assert_int_equal(init_with(e, &c), 0);
	env_free(e);
}

/* host_pa with the pools moved: L1 by +0x400 (not 16 KiB-aligned), L2 by
 * +0x200 (not 1 KiB-aligned), selected by the port context's owner. */
struct shifted {
	struct ssim *s;
	uint32_t l1_off, l2_off;
};

static struct shifted shift;

static uint32_t shifted_host_pa(void *ctx, const void *p)
{
	struct ssim *s = ctx;
	const char *c = p, *l1 = (const char *)s->st.l1;
	uint32_t pa = ssim_port_ops.host_pa(ctx, p);

	if (c >= l1 && c < l1 + s->st.n_l1 * sizeof(s->st.l1[0]))
		return pa + shift.l1_off;
	return pa + shift.l2_off;
}

static void init_rejects_pools_misaligned_or_overlapping_guest_ram(
	void **state)
{
	struct env *e = env_tlb();
	struct amv_shadow_config c;
	struct amv_shadow_storage st;
	struct amv_port_ops ops = ssim_port_ops;
	struct amv_vm_region r[3];

	(void)state;
	ops.host_pa = shifted_host_pa;
	base_cfg(e, &c, &st, AMV_SYNC_TLB);
	c.port.ops = &ops;
	shift = (struct shifted){&e->s, 0, 0};
	assert_int_equal(init_with(e, &c), 0);
	shift.l1_off = 0x400;
	assert_int_equal(init_with(e, &c), -AMV_EINVAL);
	shift = (struct shifted){&e->s, 0, 0x200};
	assert_int_equal(init_with(e, &c), -AMV_EINVAL);
	shift = (struct shifted){&e->s, 0, 0};
	/* A RAM region whose host backing covers a pool. */
	base_cfg(e, &c, &st, AMV_SYNC_TLB);
	memcpy(r, e->s.regions, sizeof(r));
	c.regions = r;
	r[1].hpa = SSIM_L1_HPA + 0x2000u;
	assert_int_equal(init_with(e, &c), -AMV_EINVAL);
	r[1].hpa = SSIM_L2_HPA - 0x1000u;
	assert_int_equal(init_with(e, &c), -AMV_EINVAL);
	/* An MMIO region has no host backing: its hpa is not checked. */
	memcpy(r, e->s.regions, sizeof(r));
	r[2].hpa = SSIM_L1_HPA;
	assert_int_equal(init_with(e, &c), 0);
	env_free(e);
}

static void init_rejects_pools_too_small_or_rmap_not_a_power_of_two(
	void **state)
{
	struct env *e = env_new(AMV_SYNC_WP, 4, AMV_SHADOW_MIN_L2, 64);
	struct amv_shadow_config c;
	struct amv_shadow_storage st;

	(void)state;
	for (unsigned int sync = AMV_SYNC_TLB; sync <= AMV_SYNC_PV; sync++) {
		base_cfg(e, &c, &st, sync);
		st.n_l1 = 1;
		assert_int_equal(init_with(e, &c), -AMV_EINVAL);
		base_cfg(e, &c, &st, sync);
		st.n_l2 = 0;
		assert_int_equal(init_with(e, &c), -AMV_EINVAL);
		/* Fewer than an instruction's worst case plus one: a guest
		 * could livelock on evictions. */
		base_cfg(e, &c, &st, sync);
		st.n_l2 = AMV_SHADOW_MIN_L2 - 1u;
		assert_int_equal(init_with(e, &c), -AMV_EINVAL);
		base_cfg(e, &c, &st, sync);
		st.l1 = NULL;
		assert_int_equal(init_with(e, &c), -AMV_EINVAL);
		base_cfg(e, &c, &st, sync);
		st.n_rmap = 48;
		assert_int_equal(init_with(e, &c),
				 sync == AMV_SYNC_TLB ? 0 : -AMV_EINVAL);
		base_cfg(e, &c, &st, sync);
		st.n_rmap = 0;
		assert_int_equal(init_with(e, &c),
				 sync == AMV_SYNC_TLB ? 0 : -AMV_EINVAL);
		base_cfg(e, &c, &st, sync);
		st.rmap = NULL;
		assert_int_equal(init_with(e, &c),
				 sync == AMV_SYNC_TLB ? 0 : -AMV_EINVAL);
		base_cfg(e, &c, &st, sync);
		assert_int_equal(init_with(e, &c), 0);
	}
	env_free(e);
}

static void fault_rejects_unknown_access_bits(void **state)
{
	struct env *e = env_tlb();
	struct amv_shadow_result res;
	uint32_t faults;

	(void)state;
	faults = e->s.vm.stats.faults;
	assert_int_equal(amv_shadow_fault(&e->s.vm, 0x1000, 0x8u, &res),
			 -AMV_EINVAL);
	assert_int_equal(amv_shadow_fault(&e->s.vm, 0x1000, 0x10u | RD, &res),
			 -AMV_EINVAL);
	assert_int_equal(amv_shadow_fault(&e->s.vm, 0x1000, 0x80000000u, &res),
			 -AMV_EINVAL);
	assert_int_equal(amv_shadow_fault(NULL, 0x1000, RD, &res), -AMV_EINVAL);
	assert_int_equal(amv_shadow_fault(&e->s.vm, 0x1000, RD, NULL),
			 -AMV_EINVAL);
	assert_int_equal(e->s.vm.stats.faults, faults);
	/* Every documented kind, with and without AMV_ACC_USER (MMU off:
	 * flat RAM0 mapping, filled). */
	for (unsigned int k = 0; k <= AMV_ACC_CMAINT; k++) {
		assert_int_equal(amv_shadow_fault(&e->s.vm, 0x1000, k, &res),
				 AMV_SHADOW_FILLED);
		assert_int_equal(amv_shadow_fault(&e->s.vm, 0x1000,
						  k | AMV_ACC_USER, &res),
				 AMV_SHADOW_FILLED);
	}
	env_free(e);
}

static void tlbi_rejects_unknown_operations(void **state)
{
	struct env *e = env_tlb();

	(void)state;
	assert_int_equal(amv_shadow_tlbi(&e->s.vm, 4, 0), -AMV_EINVAL);
	assert_int_equal(amv_shadow_tlbi(&e->s.vm, 0xffffffffu, 0),
			 -AMV_EINVAL);
	assert_int_equal(amv_shadow_tlbi(NULL, AMV_TLBI_ALL, 0), -AMV_EINVAL);
	for (unsigned int op = AMV_TLBI_ALL; op <= AMV_TLBI_MVAA; op++)
		assert_int_equal(
			amv_shadow_tlbi(&e->s.vm, op, 0x1000u | ASID_A), 0);
	env_free(e);
}

static void wp_write_rejects_bad_size_and_alignment(void **state)
{
	struct env *e = env_new(AMV_SYNC_WP, 4, 8, 64);
	const uint32_t at = 0x8400;

	(void)state;
	put(e, at, 0x11223344u);
	assert_int_equal(amv_shadow_wp_write(&e->s.vm, at, 0, 0), -AMV_EINVAL);
	assert_int_equal(amv_shadow_wp_write(&e->s.vm, at, 0, 3), -AMV_EINVAL);
	assert_int_equal(amv_shadow_wp_write(&e->s.vm, at, 0, 8), -AMV_EINVAL);
	assert_int_equal(amv_shadow_wp_write(&e->s.vm, at + 2, 0, 4),
			 -AMV_EINVAL);
	assert_int_equal(amv_shadow_wp_write(&e->s.vm, at + 1, 0, 4),
			 -AMV_EINVAL);
	assert_int_equal(amv_shadow_wp_write(&e->s.vm, at + 1, 0, 2),
			 -AMV_EINVAL);
	assert_int_equal(amv_shadow_wp_write(&e->s.vm, at + 3, 0, 2),
			 -AMV_EINVAL);
	assert_int_equal(amv_shadow_wp_write(NULL, at, 0, 4), -AMV_EINVAL);
	/* Nothing was written by the rejected stores. */
	assert_int_equal(*word(e, at), 0x11223344u);
	/* The accepted forms, little-endian within the word. */
	assert_int_equal(amv_shadow_wp_write(&e->s.vm, at + 3, 0xaa, 1), 0);
	assert_int_equal(*word(e, at), 0xaa223344u);
	assert_int_equal(amv_shadow_wp_write(&e->s.vm, at + 1, 0xbb, 1), 0);
	assert_int_equal(*word(e, at), 0xaa22bb44u);
	assert_int_equal(amv_shadow_wp_write(&e->s.vm, at + 2, 0xccdd, 2), 0);
	assert_int_equal(*word(e, at), 0xccddbb44u);
	assert_int_equal(amv_shadow_wp_write(&e->s.vm, at, 0x1234ffffu, 2), 0);
	assert_int_equal(*word(e, at), 0xccddffffu);
	assert_int_equal(amv_shadow_wp_write(&e->s.vm, at, 0x01020304u, 4), 0);
	assert_int_equal(*word(e, at), 0x01020304u);
	env_free(e);
}

static void wp_write_where_guest_memory_does_not_answer_fails(void **state)
{
	struct env *e = env_new(AMV_SYNC_WP, 4, 8, 64);

	(void)state;
	assert_int_equal(amv_shadow_wp_write(&e->s.vm, SSIM_HOLE_LO, 1, 4),
			 -AMV_EFAULT);
	assert_int_equal(amv_shadow_wp_write(&e->s.vm, SSIM_HOLE_LO + 1, 1, 1),
			 -AMV_EFAULT);
	/* The MMIO region answers reads with a slave error. */
	assert_int_equal(amv_shadow_wp_write(&e->s.vm, SSIM_MMIO_GPA + 2, 1, 2),
			 -AMV_EIO);
	env_free(e);
}

static void hypercall_outside_pv_is_enotsup_unknown_function_einval(
	void **state)
{
	struct env *t = env_tlb();
	struct env *w = env_new(AMV_SYNC_WP, 4, 8, 64);
	struct env *p = env_new(AMV_SYNC_PV, 4, 8, 64);
	uint32_t set_pte[4] = {AMV_HC_SET_PTE, 0x8400, 0x12345002u, 0};
	uint32_t bad[4] = {0x414d0005u, 0, 0, 0};
	uint32_t zero[4] = {0, 0, 0, 0};

	(void)state;
	assert_int_equal(amv_shadow_hypercall(&t->s.vm, set_pte), -AMV_ENOTSUP);
	assert_int_equal(amv_shadow_hypercall(&w->s.vm, set_pte), -AMV_ENOTSUP);
	assert_int_equal(*word(t, 0x8400), 0);
	assert_int_equal(amv_shadow_hypercall(&p->s.vm, bad), -AMV_EINVAL);
	assert_int_equal(amv_shadow_hypercall(&p->s.vm, zero), -AMV_EINVAL);
	assert_int_equal(amv_shadow_hypercall(&p->s.vm, NULL), -AMV_EINVAL);
	assert_int_equal(amv_shadow_hypercall(NULL, set_pte), -AMV_EINVAL);
	set_pte[1] = 0x8402; /* a descriptor is a word */
	assert_int_equal(amv_shadow_hypercall(&p->s.vm, set_pte), -AMV_EINVAL);
	set_pte[1] = 0x8400;
	assert_int_equal(amv_shadow_hypercall(&p->s.vm, set_pte), 0);
	assert_int_equal(*word(p, 0x8400), 0x12345002u);
	set_pte[1] = SSIM_HOLE_LO;
	assert_int_equal(amv_shadow_hypercall(&p->s.vm, set_pte), -AMV_EFAULT);
	env_free(t);
	env_free(w);
	env_free(p);
}

static void set_regime_rejects_lpae_and_the_armv5_format(void **state)
{
	struct env *e = env_tlb();
	struct amv_regime r;

	(void)state;
	l1_put(e, 0x00300000, g_section(0x00600000, AP_FULL, 0, 0));
	apply(e);
	ok_at(e, 0x00300004, RD, H0(0x00600004));
	r = e->r;
	r.ttbcr |= AMV_TTBCR_EAE;
	r.ttbr0 = 0x00100000; /* a different table, which must not be taken */
	assert_int_equal(amv_shadow_set_regime(&e->s.vm, &r), -AMV_ENOTSUP);
	r = e->r;
	r.sctlr &= ~AMV_SCTLR_XP;
	r.ttbr0 = 0x00100000;
	assert_int_equal(amv_shadow_set_regime(&e->s.vm, &r), -AMV_ENOTSUP);
	assert_int_equal(amv_shadow_set_regime(NULL, &e->r), -AMV_EINVAL);
	assert_int_equal(amv_shadow_set_regime(&e->s.vm, NULL), -AMV_EINVAL);
	/* Still the old regime: TTBR0 at L1_GPA. */
	ok_at(e, 0x00300008, RD, H0(0x00600008));
	/* XP = 0 with the MMU off is no format at all: accepted. */
	r = e->r;
	r.sctlr = 0;
	assert_int_equal(amv_shadow_set_regime(&e->s.vm, &r), 0);
	env_free(e);
}

static void other_entry_points_reject_null(void **state)
{
	(void)state;
	assert_int_equal(amv_shadow_set_mode(NULL, true), -AMV_EINVAL);
	assert_int_equal(amv_shadow_flush(NULL), -AMV_EINVAL);
	assert_int_equal(amv_shadow_resume(NULL), -AMV_EINVAL);
	assert_null(amv_shadow_current_l1(NULL));
}

/* ---------------------------------------------------------- memory map */

/* L1[4] -> L2 at L2_GPA: page 5 -> RAM0 0x00123000; L1[3] -> a RAM1
 * section; both full access, domain 0. */
static void map_basic(struct env *e)
{
	l1_put(e, 0x00400000, g_table(L2_GPA, 0, 0));
	put(e, L2_GPA + 4 * 5, g_small(0x00123000, AP_FULL, AMV_L2_NG));
	l1_put(e, 0x00300000, g_section(0x01100000, AP_FULL, 0, AMV_L1_NG));
	apply(e);
}

static void ram_mapping_translates_to_the_regions_host_backing(void **state)
{
	struct env *e = env_tlb();

	(void)state;
	map_basic(e);
	ok_at(e, 0x00405678, RD, H0(0x00123678));
	ok_at(e, 0x00405ffc, WR, H0(0x00123ffc));
	ok_at(e, 0x00405000, IF, H0(0x00123000));
	/* RAM1's host backing is only 4 KiB-aligned (0x50003000). */
	ok_at(e, 0x00345678, RD, 0x50148678u);
	assert_int_equal(H1(0x01145678u), 0x50148678u);
	env_free(e);
}

static void mmio_mapping_exits_with_gpa_and_region_and_installs_nothing(
	void **state)
{
	struct env *e = env_tlb();
	struct amv_shadow_result res;
	struct ssim_out o;
	uint32_t fills;

	(void)state;
	map_basic(e);
	/* A section onto the MMIO region, and an MMIO page next to a RAM
	 * page in the same L2 table. */
	l1_put(e, 0x00500000, g_section(SSIM_MMIO_GPA, AP_FULL, 0, 0));
	put(e, L2_GPA + 4 * 6, g_small(SSIM_MMIO_GPA + 0x3000, AP_FULL, 0));
	ok_at(e, 0x00405000, RD, H0(0x00123000));
	fills = e->s.vm.stats.fills;
	memset(&res, 0, sizeof(res));
	assert_int_equal(amv_shadow_fault(&e->s.vm, 0x00501234, RD, &res),
			 AMV_SHADOW_MMIO);
	assert_int_equal(res.gpa, SSIM_MMIO_GPA + 0x1234);
	assert_int_equal(res.region, 2);
	assert_int_equal(amv_shadow_fault(&e->s.vm, 0x00406008, WR, &res),
			 AMV_SHADOW_MMIO);
	assert_int_equal(res.gpa, SSIM_MMIO_GPA + 0x3008);
	assert_int_equal(res.region, 2);
	assert_int_equal(e->s.vm.stats.fills, fills);
	assert_int_equal(cur_l1(e)[0x005], 0);
	assert_int_equal(host_l2(e, cur_l1(e)[0x004])[6], 0);
	/* Every access exits again: nothing was installed. */
	for (int i = 0; i < 3; i++) {
		assert_int_equal(same(e, 0x00501234, RD, &o), 1);
		assert_int_equal(o.kind, SSIM_MMIO);
		assert_int_equal(o.gpa, SSIM_MMIO_GPA + 0x1234);
	}
	assert_int_equal(e->s.vm.stats.fills, fills);
	env_free(e);
}

static void unbacked_mapping_injects_a_synchronous_external_abort(
	void **state)
{
	static const uint32_t targets[] = {0x08000000u, SSIM_HOLE_LO,
					   0xfff00000u};
	struct env *e = env_tlb();
	struct amv_shadow_result res;

	(void)state;
	for (unsigned int t = 0; t < 3; t++) {
		uint32_t va = 0x00600000u + (t << 20);

		l1_put(e, va, g_section(targets[t], AP_FULL, 3, 0));
		apply(e);
		memset(&res, 0xff, sizeof(res));
		assert_int_equal(
			amv_shadow_fault(&e->s.vm, va + 0x10, RD, &res),
			AMV_SHADOW_INJECT);
		assert_int_equal(res.fault.type, AMV_FAULT_EXT_ABORT);
		assert_int_equal(res.fault.addr, va + 0x10);
		assert_int_equal(res.fault.flags, 0);
		assert_int_equal(
			amv_shadow_fault(&e->s.vm, va + 0x20, WR, &res),
			AMV_SHADOW_INJECT);
		assert_int_equal(res.fault.type, AMV_FAULT_EXT_ABORT);
		assert_int_equal(res.fault.flags, AMV_FAULT_F_WRITE);
		assert_int_equal(
			amv_shadow_fault(&e->s.vm, va + 0x30, IF, &res),
			AMV_SHADOW_INJECT);
		assert_int_equal(res.fault.type, AMV_FAULT_EXT_ABORT);
		assert_int_equal(res.fault.flags, AMV_FAULT_F_PREFETCH);
		faults(e, va + 0x40, WR, AMV_FAULT_EXT_ABORT, 0);
		assert_int_equal(cur_l1(e)[va >> 20], 0);
	}
	env_free(e);
}

static void guest_mapping_of_the_monitor_window_is_reported_never_shadowed(
	void **state)
{
	struct env *e = env_tlb();
	struct amv_shadow_result res;
	const uint32_t win = SSIM_WINDOW_VA >> 20;
	struct ssim_out o;

	(void)state;
	map_basic(e);
	assert_int_equal(cur_l1(e)[win], e->s.window_l1[0]);
	l1_put(e, SSIM_WINDOW_VA, g_section(0x00800000, AP_FULL, 0, 0));
	memset(&res, 0, sizeof(res));
	assert_int_equal(amv_shadow_fault(&e->s.vm, SSIM_WINDOW_VA + 0x10, RD,
					  &res),
			 AMV_SHADOW_WINDOW);
	assert_int_equal(res.gpa, 0x00800010);
	assert_int_equal(cur_l1(e)[win], e->s.window_l1[0]);
	same(e, SSIM_WINDOW_VA + 0x2000, WR, &o);
	assert_int_equal(o.kind, SSIM_WINDOW);
	/* A guest fault there is the guest's. */
	l1_put(e, SSIM_WINDOW_VA, 0);
	faults(e, SSIM_WINDOW_VA + 0x10, RD, AMV_FAULT_TRANSLATION, 1);
	/* Kernel-only in user mode: the guest's permission fault. */
	l1_put(e, SSIM_WINDOW_VA, g_section(0x00800000, AP_KRW, 0, 0));
	set_user(e, true);
	faults(e, SSIM_WINDOW_VA + 0x10, RD, AMV_FAULT_PERMISSION, 1);
	set_user(e, false);
	/* A supersection around the window fills its other slots only. */
	put16(e, L1_GPA + 4 * (0xfe0), g_super(0x00000000, AP_FULL, 0));
	assert_int_equal(amv_shadow_tlbi(&e->s.vm, AMV_TLBI_ALL, 0), 0);
	ok_at(e, 0xfe000000u, RD, H0(0x00000000));
	ok_at(e, 0xfe900000u, RD, H0(0x00900000));
	same(e, SSIM_WINDOW_VA + 4, RD, &o);
	assert_int_equal(o.kind, SSIM_WINDOW);
	assert_int_equal(o.gpa, 0x00800004);
	assert_int_equal(amv_shadow_tlbi(&e->s.vm, AMV_TLBI_MVAA,
					 SSIM_WINDOW_VA),
			 0);
	assert_int_equal(amv_shadow_flush(&e->s.vm), 0);
	for (unsigned int a = 0; a < e->s.st.n_l1; a++)
		if (e->s.st.as[a].state != 0)
			assert_int_equal(e->s.st.l1[a].e[win],
					 e->s.window_l1[0]);
	env_free(e);
}

/* ----------------------------------------------------------- lazy fill */

static void first_access_faults_once_then_translates(void **state)
{
	struct env *e = env_tlb();
	uint32_t fills, faults_n;

	(void)state;
	map_basic(e);
	fills = e->s.vm.stats.fills;
	faults_n = e->s.vm.stats.faults;
	assert_int_equal(ok_at(e, 0x00405010, RD, H0(0x00123010)), 1);
	assert_int_equal(e->s.vm.stats.fills, fills + 1);
	assert_int_equal(e->s.vm.stats.faults, faults_n + 1);
	/* Later accesses to the page need no exit, even past the TLB. */
	assert_int_equal(ok_at(e, 0x00405020, RD, H0(0x00123020)), 0);
	host_tlb_evict(e);
	assert_int_equal(ok_at(e, 0x00405ff0, WR, H0(0x00123ff0)), 0);
	assert_int_equal(e->s.vm.stats.fills, fills + 1);
	assert_int_equal(e->s.vm.stats.faults, faults_n + 1);
	env_free(e);
}

/* amv_shadow_fault() hands back exactly what the guest walk says. */
static void inject_is_the_walkers_fault(struct env *e, uint32_t va,
					unsigned int access,
					unsigned int type)
{
	struct amv_port p = {&ssim_port_ops, &e->s};
	struct amv_shadow_result res;
	struct amv_xlat x;
	struct amv_fault f;
	uint32_t injects = e->s.vm.stats.injects;

	memset(&f, 0, sizeof(f));
	assert_int_equal(amv_walk(&e->r, &p, va,
				  access | (e->user ? AMV_ACC_USER : 0u), &x,
				  &f),
			 AMV_WALK_FAULT);
	memset(&res, 0xff, sizeof(res));
	assert_int_equal(amv_shadow_fault(&e->s.vm, va, access, &res),
			 AMV_SHADOW_INJECT);
	assert_int_equal(res.fault.type, type);
	assert_int_equal(res.fault.type, f.type);
	assert_int_equal(res.fault.level, f.level);
	assert_int_equal(res.fault.domain, f.domain);
	assert_int_equal(res.fault.flags, f.flags);
	assert_int_equal(res.fault.addr, va);
	assert_int_equal(e->s.vm.stats.injects, injects + 1);
}

static void guest_translation_faults_are_injected_as_walked(void **state)
{
	struct env *e = env_tlb();

	(void)state;
	map_basic(e);
	inject_is_the_walkers_fault(e, 0x00700010, RD, AMV_FAULT_TRANSLATION);
	inject_is_the_walkers_fault(e, 0x00407010, WR, AMV_FAULT_TRANSLATION);
	inject_is_the_walkers_fault(e, 0x00407010, IF, AMV_FAULT_TRANSLATION);
	faults(e, 0x00700010, RD, AMV_FAULT_TRANSLATION, 1);
	faults(e, 0x00407010, WR, AMV_FAULT_TRANSLATION, 2);
	assert_int_equal(cur_l1(e)[0x007], 0);
	env_free(e);
}

static void user_access_to_a_kernel_page_injects_the_permission_fault(
	void **state)
{
	struct env *e = env_tlb();

	(void)state;
	map_basic(e);
	l1_put(e, 0x00400000, g_table(L2_GPA, 7, 0));
	put(e, L2_GPA + 4 * 8, g_small(0x00128000, AP_KRW, 0));
	apply(e);
	set_user(e, true);
	inject_is_the_walkers_fault(e, 0x00408010, RD, AMV_FAULT_PERMISSION);
	inject_is_the_walkers_fault(e, 0x00408010, WR, AMV_FAULT_PERMISSION);
	faults(e, 0x00408010, RD, AMV_FAULT_PERMISSION, 2);
	env_free(e);
}

static void acc_user_forces_a_pl0_check_in_kernel_mode(void **state)
{
	struct env *e = env_tlb();
	struct amv_shadow_result res;

	(void)state;
	map_basic(e);
	put(e, L2_GPA + 4 * 8, g_small(0x00128000, AP_KRW, 0));
	/* An emulated LDRT from the virtual kernel on a kernel-only page. */
	assert_int_equal(amv_shadow_fault(&e->s.vm, 0x00408010,
					  RD | AMV_ACC_USER, &res),
			 AMV_SHADOW_INJECT);
	assert_int_equal(res.fault.type, AMV_FAULT_PERMISSION);
	assert_int_equal(res.fault.level, 2);
	/* The plain kernel access is fine. */
	ok_at(e, 0x00408010, RD, H0(0x00128010));
	env_free(e);
}

static void guest_section_over_aligned_ram_is_one_host_section(void **state)
{
	struct env *e = env_tlb();
	uint32_t d;

	(void)state;
	l1_put(e, 0x00200000, g_section(0x00600000, AP_FULL, 0, 0));
	apply(e);
	ok_at(e, 0x00212345, RD, H0(0x00612345));
	d = cur_l1(e)[0x002];
	assert_int_equal(d & (AMV_L1_TYPE_MASK | AMV_L1_SUPER),
			 AMV_L1_TYPE_SECTION);
	assert_int_equal(d & AMV_L1_SECTION_BASE_MASK, H0(0x00600000));
	assert_true(d & AMV_L1_NG);
	/* The whole MiB translates without another exit. */
	assert_int_equal(ok_at(e, 0x002ffffc, WR, H0(0x006ffffc)), 0);
	assert_int_equal(ok_at(e, 0x00200000, IF, H0(0x00600000)), 0);
	env_free(e);
}

static void guest_section_over_unaligned_ram_is_small_pages(void **state)
{
	struct env *e = env_tlb();
	uint32_t d;

	(void)state;
	map_basic(e);
	assert_int_equal(ok_at(e, 0x00305678, RD, H1(0x01105678)), 1);
	d = cur_l1(e)[0x003];
	assert_int_equal(d & AMV_L1_TYPE_MASK, AMV_L1_TYPE_TABLE);
	assert_int_equal(l2_valid_count(e, d), 1);
	assert_int_equal(host_l2(e, d)[5] & AMV_L2_SMALL_BASE_MASK,
			 H1(0x01105000));
	/* Each other page is its own fill. */
	assert_int_equal(ok_at(e, 0x00306000, RD, H1(0x01106000)), 1);
	assert_int_equal(l2_valid_count(e, d), 2);
	env_free(e);
}

static void guest_large_page_is_shadowed_one_small_page_at_a_time(
	void **state)
{
	struct env *e = env_tlb();
	uint32_t d;

	(void)state;
	map_basic(e);
	put16(e, L2_GPA + 4 * 16, g_large(0x00310000, AP_FULL, 0));
	ok_at(e, 0x00417abc, RD, H0(0x00317abc));
	d = cur_l1(e)[0x004];
	assert_int_equal(l2_valid_count(e, d), 1);
	assert_int_equal(host_l2(e, d)[0x17] & AMV_L2_SMALL_BASE_MASK,
			 H0(0x00317000));
	env_free(e);
}

static void supersection_partly_over_ram_maps_ram_and_aborts_elsewhere(
	void **state)
{
	struct env *e = env_tlb();

	(void)state;
	/* GPA 0x01000000..0x01ffffff: RAM1 (4 MiB, host only 4 KiB-aligned),
	 * then nothing. */
	put16(e, L1_GPA + 4 * 0x020, g_super(0x01000000, AP_FULL, AMV_L1_NG));
	apply(e);
	ok_at(e, 0x02012344, RD, H1(0x01012344));
	assert_int_equal(cur_l1(e)[0x020] & AMV_L1_TYPE_MASK,
			 AMV_L1_TYPE_TABLE);
	ok_at(e, 0x023ffffc, WR, H1(0x013ffffc));
	faults(e, 0x02400000, RD, AMV_FAULT_EXT_ABORT, 0);
	faults(e, 0x02fff000, WR, AMV_FAULT_EXT_ABORT, 0);
	assert_int_equal(cur_l1(e)[0x024], 0);
	assert_int_equal(cur_l1(e)[0x02f], 0);
	env_free(e);
}

static void guest_supersection_over_aligned_ram_is_host_sections(
	void **state)
{
	struct env *e = env_tlb();

	(void)state;
	put16(e, L1_GPA + 4 * 0x010, g_super(0x00000000, AP_FULL, 0));
	apply(e);
	ok_at(e, 0x01512345, RD, H0(0x00512345));
	assert_int_equal(cur_l1(e)[0x015] & (AMV_L1_TYPE_MASK | AMV_L1_SUPER),
			 AMV_L1_TYPE_SECTION);
	assert_int_equal(cur_l1(e)[0x015] & AMV_L1_SECTION_BASE_MASK,
			 H0(0x00500000));
	/* Other MiBs of the supersection are filled one slot at a time. */
	assert_int_equal(cur_l1(e)[0x016], 0);
	assert_int_equal(ok_at(e, 0x01600000, RD, H0(0x00600000)), 1);
	env_free(e);
}

static void write_protect_strategy_shadows_sections_as_small_pages(
	void **state)
{
	struct env *e = env_new(AMV_SYNC_WP, 8, 32, 256);
	uint32_t d;

	(void)state;
	l1_put(e, 0x00200000, g_section(0x00600000, AP_FULL, 0, 0));
	apply(e);
	ok_at(e, 0x00212345, WR, H0(0x00612345));
	d = cur_l1(e)[0x002];
	assert_int_equal(d & AMV_L1_TYPE_MASK, AMV_L1_TYPE_TABLE);
	assert_int_equal(l2_valid_count(e, d), 1);
	assert_int_equal(host_l2(e, d)[0x12] & AMV_L2_SMALL_BASE_MASK,
			 H0(0x00612000));
	env_free(e);
}

static void access_flag_faults_are_injected_with_afe_set(void **state)
{
	struct env *e = env_tlb();

	(void)state;
	map_basic(e);
	/* AFE = 1: AP[0] is the access flag (B3.7.1); AP[2:1] = 01 is full
	 * access. Page 8 has the flag clear, page 9 set. */
	put(e, L2_GPA + 4 * 8, g_small(0x00128000, 2u, 0));
	put(e, L2_GPA + 4 * 9, g_small(0x00129000, 3u, 0));
	e->r.sctlr |= AMV_SCTLR_AFE;
	apply(e);
	faults(e, 0x00408010, RD, AMV_FAULT_ACCESS_FLAG, 2);
	set_user(e, true);
	faults(e, 0x00408010, WR, AMV_FAULT_ACCESS_FLAG, 2);
	ok_at(e, 0x00409010, WR, H0(0x00129010));
	/* The guest sets the flag (and invalidates): now it translates. */
	put(e, L2_GPA + 4 * 8, g_small(0x00128000, 3u, 0));
	assert_int_equal(amv_shadow_tlbi(&e->s.vm, AMV_TLBI_MVAA, 0x00408000),
			 0);
	ok_at(e, 0x00408010, WR, H0(0x00128010));
	env_free(e);
}

static void tex_remap_attributes_carry_over_with_inner_shareable_as_outer(
	void **state)
{
	struct env *e = env_tlb();
	struct ssim_out o;

	(void)state;
	map_basic(e);
	/* TRE = 1: region 0 Normal (PRRR TR0 = 0b10), inner WBWA, outer WT
	 * (NMRR IR0 = 01, OR0 = 10); S = 1 is Shareable (NS1) and Inner
	 * (NOS0), which the host's TRE = 0 encoding cannot say. Region 1
	 * Device (TR1 = 0b01). */
	e->r.sctlr |= AMV_SCTLR_TRE;
	e->r.prrr = 0x2u | (0x1u << 2) | AMV_PRRR_NS1 | AMV_PRRR_NOS(0);
	e->r.nmrr = 0x1u | (0x2u << 16);
	put(e, L2_GPA + 4 * 8,
	    AMV_L2_SMALL | l2_ap(AP_FULL) | AMV_L2_S | 0x00128000);
	put(e, L2_GPA + 4 * 9,
	    AMV_L2_SMALL | l2_ap(AP_FULL) | AMV_L2_B | 0x00129000);
	apply(e);
	same(e, 0x00408010, RD, &o);
	assert_int_equal(o.kind, SSIM_OK);
	assert_int_equal(o.attr.type, AMV_MT_NORMAL);
	assert_int_equal(o.attr.inner, AMV_CACHE_WBWA);
	assert_int_equal(o.attr.outer, AMV_CACHE_WT);
	assert_int_equal(o.attr.share, AMV_SH_OUTER);
	same(e, 0x00409010, WR, &o);
	assert_int_equal(o.kind, SSIM_OK);
	assert_int_equal(o.attr.type, AMV_MT_DEVICE);
	env_free(e);
}

static void mmu_off_is_the_flat_mapping_in_host_sections(void **state)
{
	struct env *e = env_tlb();
	struct ssim_out o;

	(void)state;
	/* Straight after init: MMU off, virtual kernel mode, guest DACR 0
	 * (no guest DACR field controls the flat mapping). */
	ok_at(e, 0x00345678, WR, H0(0x00345678));
	assert_int_equal(cur_l1(e)[0x003] & AMV_L1_SECTION_BASE_MASK,
			 H0(0x00300000));
	assert_int_equal(cur_l1(e)[0x003] & AMV_L1_TYPE_MASK,
			 AMV_L1_TYPE_SECTION);
	ok_at(e, 0x01001000, RD, H1(0x01001000));
	same(e, SSIM_MMIO_GPA + 8, RD, &o);
	assert_int_equal(o.kind, SSIM_MMIO);
	faults(e, SSIM_HOLE_LO + 8, WR, AMV_FAULT_EXT_ABORT, 0);
	/* And in user mode. */
	set_user(e, true);
	ok_at(e, 0x00345678, IF, H0(0x00345678));
	env_free(e);
}

/* ----------------------------------------------------- domains and modes */

static void kernel_only_page_faults_in_user_mode_without_refill_on_return(
	void **state)
{
	struct env *e = env_tlb();
	uint32_t fills, drops;

	(void)state;
	map_basic(e);
	put(e, L2_GPA + 4 * 8, g_small(0x00128000, AP_KRW, 0));
	assert_int_equal(ok_at(e, 0x00408010, WR, H0(0x00128010)), 1);
	fills = e->s.vm.stats.fills;
	drops = e->s.vm.stats.drops;
	set_user(e, true);
	faults(e, 0x00408010, RD, AMV_FAULT_PERMISSION, 2);
	faults(e, 0x00408010, WR, AMV_FAULT_PERMISSION, 2);
	faults(e, 0x00408010, IF, AMV_FAULT_PERMISSION, 2);
	set_user(e, false);
	/* Back in kernel mode the entry is still there. */
	assert_int_equal(ok_at(e, 0x00408020, WR, H0(0x00128020)), 0);
	assert_int_equal(ok_at(e, 0x00408020, IF, H0(0x00128020)), 0);
	assert_int_equal(e->s.vm.stats.fills, fills);
	assert_int_equal(e->s.vm.stats.drops, drops);
	/* The same for a kernel-only section (a host section). */
	l1_put(e, 0x00200000, g_section(0x00600000, AP_KRW, 4, 0));
	apply(e);
	assert_int_equal(ok_at(e, 0x00200010, RD, H0(0x00600010)), 1);
	fills = e->s.vm.stats.fills;
	set_user(e, true);
	faults(e, 0x00200010, RD, AMV_FAULT_PERMISSION, 1);
	set_user(e, false);
	assert_int_equal(ok_at(e, 0x00200010, WR, H0(0x00600010)), 0);
	assert_int_equal(e->s.vm.stats.fills, fills);
	env_free(e);
}

static void kernel_rwx_user_ro_page_uses_the_manager_trick(void **state)
{
	struct env *e = env_tlb();
	uint32_t fills;

	(void)state;
	map_basic(e);
	l1_put(e, 0x00400000, g_table(L2_GPA, 2, 0));
	put(e, L2_GPA + 4 * 8, g_small(0x00128000, AP_KRW_URO, 0));
	apply(e);
	ok_at(e, 0x00408010, WR, H0(0x00128010));
	fills = e->s.vm.stats.fills;
	/* The slot's host domain is Manager in kernel mode... */
	assert_int_equal(host_field(e, 0x00408010), AMV_DACR_MANAGER);
	ok_at(e, 0x00408014, IF, H0(0x00128014));
	set_user(e, true);
	/* ...and Client in user mode, where AP gives read-only. */
	assert_int_equal(host_field(e, 0x00408010), AMV_DACR_CLIENT);
	ok_at(e, 0x00408010, RD, H0(0x00128010));
	ok_at(e, 0x00408010, IF, H0(0x00128010));
	faults(e, 0x00408010, WR, AMV_FAULT_PERMISSION, 2);
	set_user(e, false);
	ok_at(e, 0x00408018, WR, H0(0x00128018));
	/* One entry serves both modes. */
	assert_int_equal(e->s.vm.stats.fills, fills);
	env_free(e);
}

static void kernel_rw_user_ro_xn_page_is_never_executable(void **state)
{
	struct env *e = env_tlb();

	(void)state;
	map_basic(e);
	l1_put(e, 0x00400000, g_table(L2_GPA, 2, 0));
	put(e, L2_GPA + 4 * 8,
	    g_small(0x00128000, AP_KRW_URO, AMV_L2_SMALL_XN));
	apply(e);
	ok_at(e, 0x00408010, WR, H0(0x00128010));
	/* Manager would skip XN (B3.7.3). */
	assert_int_not_equal(host_field(e, 0x00408010), AMV_DACR_MANAGER);
	faults(e, 0x00408010, IF, AMV_FAULT_PERMISSION, 2);
	ok_at(e, 0x00408010, WR, H0(0x00128010));
	faults(e, 0x00408010, IF, AMV_FAULT_PERMISSION, 2);
	set_user(e, true);
	ok_at(e, 0x00408010, RD, H0(0x00128010));
	faults(e, 0x00408010, WR, AMV_FAULT_PERMISSION, 2);
	faults(e, 0x00408010, IF, AMV_FAULT_PERMISSION, 2);
	set_user(e, false);
	faults(e, 0x00408010, IF, AMV_FAULT_PERMISSION, 2);
	ok_at(e, 0x00408010, RD, H0(0x00128010));
	env_free(e);
}

static void pxn_page_is_not_executable_in_kernel_mode_only(void **state)
{
	struct env *e = env_tlb();

	(void)state;
	/* A PXN section (type 0b11) and a PXN page table, AP = 010 and 011. */
	l1_put(e, 0x00200000, g_section(0x00600000, AP_KRW_URO, 0, AMV_L1_PXN));
	l1_put(e, 0x00400000, g_table(L2_GPA, 0, AMV_L1_TABLE_PXN));
	put(e, L2_GPA + 4 * 8, g_small(0x00128000, AP_FULL, 0));
	apply(e);
	faults(e, 0x00200010, IF, AMV_FAULT_PERMISSION, 1);
	ok_at(e, 0x00200010, WR, H0(0x00600010));
	faults(e, 0x00200010, IF, AMV_FAULT_PERMISSION, 1);
	faults(e, 0x00408010, IF, AMV_FAULT_PERMISSION, 2);
	ok_at(e, 0x00408010, WR, H0(0x00128010));
	set_user(e, true);
	ok_at(e, 0x00200010, IF, H0(0x00600010));
	faults(e, 0x00200010, WR, AMV_FAULT_PERMISSION, 1);
	ok_at(e, 0x00408010, IF, H0(0x00128010));
	ok_at(e, 0x00408010, WR, H0(0x00128010));
	set_user(e, false);
	faults(e, 0x00200010, IF, AMV_FAULT_PERMISSION, 1);
	faults(e, 0x00408010, IF, AMV_FAULT_PERMISSION, 2);
	env_free(e);
}

static void guest_dacr_no_access_injects_domain_faults_and_drops_nothing(
	void **state)
{
	struct env *e = env_tlb();
	uint32_t drops, fills;

	(void)state;
	map_basic(e);
	l1_put(e, 0x00400000, g_table(L2_GPA, 1, 0));
	l1_put(e, 0x00200000, g_section(0x00600000, AP_FULL, 1, 0));
	apply(e);
	ok_at(e, 0x00405010, RD, H0(0x00123010));
	ok_at(e, 0x00200010, RD, H0(0x00600010));
	drops = e->s.vm.stats.drops;
	fills = e->s.vm.stats.fills;
	e->r.dacr = (e->r.dacr & ~(3u << 2)) | (AMV_DACR_NOACCESS << 2);
	apply(e);
	faults(e, 0x00405010, RD, AMV_FAULT_DOMAIN, 2);
	faults(e, 0x00200010, WR, AMV_FAULT_DOMAIN, 1);
	set_user(e, true);
	faults(e, 0x00405010, IF, AMV_FAULT_DOMAIN, 2);
	set_user(e, false);
	/* The reserved value faults like No access (walk.h). */
	e->r.dacr = (e->r.dacr & ~(3u << 2)) | (AMV_DACR_RESERVED << 2);
	apply(e);
	faults(e, 0x00405010, RD, AMV_FAULT_DOMAIN, 2);
	e->r.dacr = DACR_ALL_CLIENT;
	apply(e);
	assert_int_equal(ok_at(e, 0x00405010, RD, H0(0x00123010)), 0);
	assert_int_equal(ok_at(e, 0x00200010, WR, H0(0x00600010)), 0);
	assert_int_equal(e->s.vm.stats.drops, drops);
	assert_int_equal(e->s.vm.stats.fills, fills);
	env_free(e);
}

static void manager_guest_domain_grants_access_whatever_the_ap(void **state)
{
	struct env *e = env_tlb();

	(void)state;
	map_basic(e);
	l1_put(e, 0x00400000, g_table(L2_GPA, 9, 0));
	put(e, L2_GPA + 4 * 8, g_small(0x00128000, AP_NONE, 0));
	put(e, L2_GPA + 4 * 9, g_small(0x00129000, AP_RO, 0));
	put(e, L2_GPA + 4 * 10, g_small(0x0012a000, AP_KRW, AMV_L2_SMALL_XN));
	e->r.dacr = (DACR_ALL_CLIENT & ~(3u << 18)) | (AMV_DACR_MANAGER << 18);
	apply(e);
	for (unsigned int u = 0; u < 2; u++) {
		set_user(e, u != 0);
		for (unsigned int k = RD; k <= IF; k++) {
			ok_at(e, 0x00408010, k, H0(0x00128010));
			ok_at(e, 0x00409010, k, H0(0x00129010));
			ok_at(e, 0x0040a010, k, H0(0x0012a010));
		}
	}
	/* Back to Client: AP and XN apply again. */
	e->r.dacr = DACR_ALL_CLIENT;
	apply(e);
	faults(e, 0x00408010, RD, AMV_FAULT_PERMISSION, 2);
	faults(e, 0x00409010, WR, AMV_FAULT_PERMISSION, 2);
	faults(e, 0x0040a010, RD, AMV_FAULT_PERMISSION, 2);
	set_user(e, false);
	faults(e, 0x00408010, RD, AMV_FAULT_PERMISSION, 2);
	faults(e, 0x0040a010, IF, AMV_FAULT_PERMISSION, 2);
	ok_at(e, 0x0040a010, WR, H0(0x0012a010));
	env_free(e);
}

static void pages_of_different_classes_in_one_slot_stay_native(void **state)
{
	struct env *e = env_tlb();
	static const unsigned int ap[4] = {AP_FULL, AP_KRW, AP_KRW_URO, AP_RO};

	(void)state;
	map_basic(e);
	for (unsigned int i = 0; i < 8; i++)
		put(e, L2_GPA + 4 * (16 + i),
		    g_small(0x00130000 + (i << 12), ap[i & 3],
			    (i & 4) ? AMV_L2_SMALL_XN : 0));
	apply(e);
	for (unsigned int round = 0; round < 3; round++) {
		for (unsigned int u = 0; u < 2; u++) {
			set_user(e, u != 0);
			for (unsigned int i = 0; i < 8; i++)
				for (unsigned int k = RD; k <= IF; k++) {
					struct ssim_out o;

					same(e, 0x00410000 + (i << 12) + 4 * k,
					     k, &o);
				}
		}
	}
	assert_true(e->s.vm.stats.reclass > 0);
	env_free(e);
}

static void running_out_of_host_domains_starts_a_generation_and_stays_native(
	void **state)
{
	struct env *e = env_tlb();
	static const unsigned int ap[4] = {AP_FULL, AP_KRW, AP_KRW_URO, AP_RO};

	(void)state;
	/* 16 sections, one per guest domain, four classes of permissions:
	 * more pairs than the 15 host domains the monitor leaves. */
	for (unsigned int d = 0; d < 16; d++)
		l1_put(e, (0x10u + d) << 20,
		       g_section(d << 20, ap[d & 3], d,
				 (d & 4) ? AMV_L1_XN : 0));
	apply(e);
	for (unsigned int round = 0; round < 3; round++) {
		for (unsigned int u = 0; u < 2; u++) {
			set_user(e, u != 0);
			for (unsigned int d = 0; d < 16; d++)
				for (unsigned int k = RD; k <= IF; k++) {
					struct ssim_out o;

					same(e, ((0x10u + d) << 20) + 0x40 * k,
					     k, &o);
				}
		}
		/* The last round with domains 2, 3, 6, 7, ... Manager and
		 * 4, 5, 12, 13, ... No access. */
		e->r.dacr = round == 1 ? 0xf0f0f0f5u : DACR_ALL_CLIENT;
		apply(e);
	}
	assert_true(e->s.vm.stats.domain_generations > 0);
	assert_true(e->s.vm.stats.flushes >= e->s.vm.stats.domain_generations);
	/* The monitor's reserved domain keeps its field. */
	assert_int_equal(AMV_DACR_FIELD(e->s.dacr, SSIM_MON_DOMAIN),
			 AMV_DACR_CLIENT);
	env_free(e);
}

/* -------------------------------------------------------------- ASIDs */

#define L1_B_GPA 0x0000c000u

static void switching_between_cached_address_spaces_drops_nothing(
	void **state)
{
	struct env *e = env_tlb();
	uint32_t drops, fills, ctx_a, ctx_b, sw;
	unsigned long tlbi;

	(void)state;
	l1_put(e, 0x00200000, g_section(0x00600000, AP_FULL, 0, AMV_L1_NG));
	put(e, L1_B_GPA + 4 * 0x002,
	    g_section(0x00700000, AP_FULL, 0, AMV_L1_NG));
	apply(e);
	ok_at(e, 0x00200010, RD, H0(0x00600010));
	ctx_a = e->s.contextidr;
	e->r.ttbr0 = L1_B_GPA;
	e->r.contextidr = ASID_B;
	apply(e);
	ok_at(e, 0x00200010, RD, H0(0x00700010));
	ctx_b = e->s.contextidr;
	/* Each address space under its own host ASID, not the monitor's. */
	assert_int_not_equal(ctx_a & 0xffu, ctx_b & 0xffu);
	assert_int_not_equal(ctx_a & 0xffu, 0);
	assert_int_not_equal(ctx_b & 0xffu, 0);
	drops = e->s.vm.stats.drops;
	fills = e->s.vm.stats.fills;
	sw = e->s.vm.stats.switches;
	tlbi = e->s.tlbi_all + e->s.tlbi_asid + e->s.tlbi_mva + e->s.tlbi_mvaa;
	for (unsigned int i = 0; i < 10; i++) {
		e->r.ttbr0 = (i & 1) ? L1_B_GPA : L1_GPA;
		e->r.contextidr = (i & 1) ? ASID_B : ASID_A;
		apply(e);
		assert_int_equal(e->s.vm.stats.switches, sw + i + 1);
		assert_int_equal(e->s.contextidr, (i & 1) ? ctx_b : ctx_a);
		assert_int_equal(
			ok_at(e, 0x00200020, RD,
			      (i & 1) ? H0(0x00700020) : H0(0x00600020)),
			0);
	}
	assert_int_equal(e->s.vm.stats.drops, drops);
	assert_int_equal(e->s.vm.stats.fills, fills);
	assert_int_equal(e->s.vm.stats.switch_drops, 0);
	assert_int_equal(e->s.tlbi_all + e->s.tlbi_asid + e->s.tlbi_mva +
				 e->s.tlbi_mvaa,
			 tlbi);
	/* Rewriting the same TTBR0 and ASID is no switch. */
	apply(e);
	assert_int_equal(e->s.vm.stats.switches, sw + 10);
	env_free(e);
}

/* Address space i: its own TTBR0 table at 0x00400000 + 16 KiB * i, guest
 * ASID i mod 256, a section at VA 2 MiB onto a MiB of its own and a page
 * at VA 3 MiB + 4 KiB in a shared L2 table. */
static uint32_t many_ttbr0(unsigned int i)
{
	return 0x00400000u + 0x4000u * i;
}

static uint32_t many_target(unsigned int i)
{
	return (0xau + i % 6u) << 20;
}

static void many_setup(struct env *e, unsigned int n)
{
	put(e, L2_GPA + 4, g_small(0x00201000, AP_FULL, AMV_L2_NG));
	for (unsigned int i = 0; i < n; i++) {
		put(e, many_ttbr0(i) + 4 * 0x002,
		    g_section(many_target(i), AP_FULL, 0, AMV_L1_NG));
		put(e, many_ttbr0(i) + 4 * 0x003, g_table(L2_GPA, 0, 0));
	}
}

static void many_visit(struct env *e, unsigned int i)
{
	e->r.ttbr0 = many_ttbr0(i);
	e->r.contextidr = i & 0xffu;
	apply(e);
	ok_at(e, 0x00200040, RD, H0(many_target(i) + 0x40));
	ok_at(e, 0x00301040, WR, H0(0x00201040));
}

static void contextidr_procid_change_is_not_an_address_space_switch(
	void **state)
{
	struct env *e = env_tlb();
	uint32_t sw, fills;

	(void)state;
	map_basic(e);
	ok_at(e, 0x00405010, RD, H0(0x00123010));
	sw = e->s.vm.stats.switches;
	fills = e->s.vm.stats.fills;
	/* CONTEXTIDR[31:8] is PROCID; only [7:0] is the ASID (B4.1.36). */
	e->r.contextidr = 0x12345600u | ASID_A;
	apply(e);
	assert_int_equal(e->s.vm.stats.switches, sw);
	assert_int_equal(ok_at(e, 0x00405010, RD, H0(0x00123010)), 0);
	assert_int_equal(e->s.vm.stats.fills, fills);
	env_free(e);
}

static void mode_switch_reprograms_only_the_host_dacr(void **state)
{
	struct env *e = env_tlb();
	uint32_t ttbr0, ctx, dacr_k;
	unsigned long tlbi;

	(void)state;
	map_basic(e);
	put(e, L2_GPA + 4 * 8, g_small(0x00128000, AP_KRW, 0));
	ok_at(e, 0x00408010, RD, H0(0x00128010));
	ttbr0 = e->s.ttbr0;
	ctx = e->s.contextidr;
	dacr_k = e->s.dacr;
	tlbi = e->s.tlbi_all + e->s.tlbi_asid + e->s.tlbi_mva + e->s.tlbi_mvaa;
	set_user(e, true);
	assert_int_equal(e->s.ttbr0, ttbr0);
	assert_int_equal(e->s.contextidr, ctx);
	assert_int_not_equal(e->s.dacr, dacr_k);
	/* The kernel-only page's domain: Client in kernel, No access now. */
	assert_int_equal(host_field(e, 0x00408010), AMV_DACR_NOACCESS);
	set_user(e, false);
	assert_int_equal(e->s.dacr, dacr_k);
	assert_int_equal(host_field(e, 0x00408010), AMV_DACR_CLIENT);
	assert_int_equal(e->s.tlbi_all + e->s.tlbi_asid + e->s.tlbi_mva +
				 e->s.tlbi_mvaa,
			 tlbi);
	env_free(e);
}

static void more_address_spaces_than_the_l1_pool_stay_native(void **state)
{
	struct env *e = env_new(AMV_SYNC_TLB, 4, 8, 0);
	const unsigned int n = 300;

	(void)state;
	e->iso = false;
	many_setup(e, n);
	for (unsigned int pass = 0; pass < 2; pass++)
		for (unsigned int i = 0; i < n; i++)
			many_visit(e, (i * 7u) % n);
	isolated(e);
	assert_true(e->s.vm.stats.as_evictions >= 2 * n - 3);
	env_free(e);
}

static void more_cached_address_spaces_than_host_asids_roll_over(
	void **state)
{
	struct env *e = env_new(AMV_SYNC_TLB, 280, 280, 0);
	const unsigned int n = 270;
	uint32_t fills;
	unsigned long flushes;

	(void)state;
	e->iso = false;
	many_setup(e, n);
	for (unsigned int i = 0; i < n; i++)
		many_visit(e, i);
	isolated(e);
	/* 255 host ASIDs (0 is the monitor's) for 271 address spaces. */
	assert_true(amv_asid_rollovers(&e->s.asids) >= 1);
	assert_true(e->s.tlbi_all >= 1);
	assert_int_equal(e->s.vm.stats.as_evictions, 0);
	assert_int_equal(e->s.vm.stats.drops, 0);
	/* Every address space is still cached: new ASIDs, no refill. */
	fills = e->s.vm.stats.fills;
	flushes = e->s.tlbi_all;
	for (unsigned int i = 0; i < n; i++)
		many_visit(e, i);
	assert_int_equal(e->s.vm.stats.fills, fills);
	assert_int_equal(e->s.vm.stats.drops, 0);
	assert_true(e->s.tlbi_all > flushes);
	isolated(e);
	env_free(e);
}

static void asid_valid_holds_only_in_the_current_generation(void **state)
{
	uint32_t reserved[AMV_ASID_COUNT / 32];
	struct amv_asid_alloc a;
	struct amv_asid_ctx c1, c2;
	uint8_t x;
	bool flush;

	(void)state;
	/* Only ASIDs 3 and 4 free. */
	memset(reserved, 0xff, sizeof(reserved));
	reserved[0] &= ~((1u << 3) | (1u << 4));
	assert_int_equal(amv_asid_init(&a, reserved), 0);
	amv_asid_ctx_init(&c1);
	amv_asid_ctx_init(&c2);
	assert_false(amv_asid_valid(&a, &c1));
	assert_int_equal(amv_asid_get(&a, &c1, &x, &flush), 0);
	assert_true(amv_asid_valid(&a, &c1));
	assert_false(amv_asid_valid(&a, &c2));
	assert_int_equal(amv_asid_get(&a, &c2, &x, &flush), 0);
	assert_true(amv_asid_valid(&a, &c2));
	/* A third space rolls over: both older claims lapse. */
	{
		struct amv_asid_ctx c3;

		amv_asid_ctx_init(&c3);
		assert_int_equal(amv_asid_get(&a, &c3, &x, &flush), 0);
		assert_true(flush);
		assert_true(amv_asid_valid(&a, &c3));
	}
	assert_false(amv_asid_valid(&a, &c1));
	assert_false(amv_asid_valid(&a, &c2));
	assert_int_equal(amv_asid_get(&a, &c1, &x, &flush), 0);
	assert_false(flush);
	assert_true(amv_asid_valid(&a, &c1));
	assert_int_equal(amv_asid_put(&a, &c1), 0);
	assert_false(amv_asid_valid(&a, &c1));
}

/* ------------------------------------------------------ TTBR1 sharing */

/* TTBCR.N = 1: TTBR0 tables (8 KiB) for VA < 2 GiB, one TTBR1 table. */
#define TTBR1_GPA 0x00010000u
#define TTBR1_NEW_GPA 0x00014000u
#define PROC_A_GPA 0x00020000u
#define PROC_B_GPA 0x00022000u
#define KL2_GPA 0x00030000u

static void ttbr1_setup(struct env *e)
{
	put(e, TTBR1_GPA + 4 * 0xc00, g_table(KL2_GPA, 0, 0));
	put(e, KL2_GPA + 4 * 0, g_small(0x00500000, AP_KRW, 0));
	put(e, KL2_GPA + 4 * 1, g_small(0x00501000, AP_KRW, 0));
	put(e, TTBR1_GPA + 4 * 0xc01, g_section(0x00600000, AP_KRW, 0, 0));
	put(e, TTBR1_GPA + 4 * 0xc02, g_table(KL2_GPA + 0x400, 0, 0));
	put(e, KL2_GPA + 0x400, g_small(0x00502000, AP_KRW, AMV_L2_NG));
	put(e, PROC_A_GPA + 4 * 0x002,
	    g_section(0x00700000, AP_FULL, 0, AMV_L1_NG));
	put(e, PROC_B_GPA + 4 * 0x002,
	    g_section(0x00800000, AP_FULL, 0, AMV_L1_NG));
	e->r.ttbcr = 1;
	e->r.ttbr1 = TTBR1_GPA;
	e->r.ttbr0 = PROC_A_GPA;
	e->r.contextidr = ASID_A;
	apply(e);
}

static void to_proc(struct env *e, bool b)
{
	e->r.ttbr0 = b ? PROC_B_GPA : PROC_A_GPA;
	e->r.contextidr = b ? ASID_B : ASID_A;
	apply(e);
}

static void ttbr1_global_pages_are_shared_through_one_host_l2(void **state)
{
	struct env *e = env_tlb();
	const uint32_t *la, *lb;
	uint32_t fills;

	(void)state;
	ttbr1_setup(e);
	ok_at(e, 0xc0000010u, RD, H0(0x00500010));
	ok_at(e, 0xc0001010u, RD, H0(0x00501010));
	ok_at(e, 0x00200010, RD, H0(0x00700010));
	la = cur_l1(e);
	to_proc(e, true);
	lb = cur_l1(e);
	assert_ptr_not_equal(la, lb);
	ok_at(e, 0x00200010, RD, H0(0x00800010));
	/* The first access to the slot may fault once (the L1 entry is
	 * copied); the slot's other pages are there with it. */
	assert_true(ok_at(e, 0xc0000020u, RD, H0(0x00500020)) <= 1);
	fills = e->s.vm.stats.fills;
	assert_int_equal(ok_at(e, 0xc0001020u, WR, H0(0x00501020)), 0);
	assert_int_equal(e->s.vm.stats.fills, fills);
	assert_int_equal(la[0xc00] & AMV_L1_TYPE_MASK, AMV_L1_TYPE_TABLE);
	assert_int_equal(lb[0xc00], la[0xc00]);
	/* The user half is private. */
	assert_int_not_equal(lb[0x002], la[0x002]);
	env_free(e);
}

static void ttbr1_first_fault_in_a_slot_the_template_holds_walks_nothing(
	void **state)
{
	struct env *e = env_tlb();
	unsigned long reads, mvaa, mva;
	struct ssim_out o;

	(void)state;
	ttbr1_setup(e);
	ok_at(e, 0xc0000010u, RD, H0(0x00500010));
	to_proc(e, true);
	reads = e->s.gmem.reads;
	mvaa = e->s.tlbi_mvaa;
	mva = e->s.tlbi_mva;
	/* One exit that copies the L1 entry: no guest table read, and no
	 * host TLB maintenance (nothing valid changed). */
	assert_int_equal(run(e, 0xc0000010u, RD, &o), 1);
	assert_int_equal(o.kind, SSIM_OK);
	assert_int_equal(o.hpa, H0(0x00500010));
	assert_int_equal(e->s.gmem.reads, reads);
	assert_int_equal(e->s.tlbi_mvaa, mvaa);
	assert_int_equal(e->s.tlbi_mva, mva);
	/* A copy grants no more than the guest gives this mode. */
	set_user(e, true);
	faults(e, 0xc0000010u, RD, AMV_FAULT_PERMISSION, 2);
	env_free(e);
}

static void ttbr1_global_section_is_not_dropped_by_another_process(
	void **state)
{
	struct env *e = env_tlb();
	uint32_t drops, fills;

	(void)state;
	ttbr1_setup(e);
	ok_at(e, 0xc0100010u, RD, H0(0x00600010));
	drops = e->s.vm.stats.drops;
	for (unsigned int i = 0; i < 4; i++) {
		to_proc(e, (i & 1) == 0);
		assert_true(ok_at(e, 0xc0100010u, RD, H0(0x00600010)) <= 1);
	}
	fills = e->s.vm.stats.fills;
	/* Both processes hold the section now: switching costs nothing. */
	for (unsigned int i = 0; i < 4; i++) {
		to_proc(e, (i & 1) == 0);
		assert_int_equal(ok_at(e, 0xc0100020u, WR, H0(0x00600020)), 0);
	}
	assert_int_equal(e->s.vm.stats.drops, drops);
	assert_int_equal(e->s.vm.stats.fills, fills);
	env_free(e);
}

static void ttbr1_not_global_page_is_private_to_its_address_space(
	void **state)
{
	struct env *e = env_tlb();
	uint32_t fills;

	(void)state;
	ttbr1_setup(e);
	ok_at(e, 0xc0200010u, RD, H0(0x00502010));
	to_proc(e, true);
	fills = e->s.vm.stats.fills;
	assert_int_equal(ok_at(e, 0xc0200010u, RD, H0(0x00502010)), 1);
	assert_int_equal(e->s.vm.stats.fills, fills + 1);
	/* Rewrite it; TLBIASID of A only: A sees the new page, B the old. */
	put(e, KL2_GPA + 0x400, g_small(0x00503000, AP_KRW, AMV_L2_NG));
	assert_int_equal(amv_shadow_tlbi(&e->s.vm, AMV_TLBI_ASID, ASID_A), 0);
	host_tlb_evict(e);
	shadow_at(e, 0xc0200010u, RD, H0(0x00502010));
	to_proc(e, false);
	ok_at(e, 0xc0200010u, RD, H0(0x00503010));
	env_free(e);
}

static void tlbimva_of_a_global_kernel_mapping_drops_it_for_every_process(
	void **state)
{
	struct env *e = env_tlb();

	(void)state;
	ttbr1_setup(e);
	for (unsigned int p = 0; p < 2; p++) {
		to_proc(e, p != 0);
		ok_at(e, 0xc0000010u, RD, H0(0x00500010));
		ok_at(e, 0xc0100010u, RD, H0(0x00600010));
	}
	put(e, KL2_GPA, g_small(0x00504000, AP_KRW, 0));
	put(e, TTBR1_GPA + 4 * 0xc01, g_section(0x00900000, AP_KRW, 0, 0));
	/* Stale in both processes until one TLBIMVA (any ASID: global). */
	for (unsigned int p = 0; p < 2; p++) {
		to_proc(e, p != 0);
		shadow_at(e, 0xc0000010u, RD, H0(0x00500010));
		shadow_at(e, 0xc0100010u, RD, H0(0x00600010));
	}
	assert_int_equal(amv_shadow_tlbi(&e->s.vm, AMV_TLBI_MVA,
					 0xc0000000u | ASID_B),
			 0);
	assert_int_equal(amv_shadow_tlbi(&e->s.vm, AMV_TLBI_MVA,
					 0xc01ff000u | ASID_B),
			 0);
	/* No host TLB eviction here: the library must have invalidated
	 * what each process's host ASID cached. */
	for (unsigned int p = 0; p < 2; p++) {
		to_proc(e, p == 0);
		ok_at(e, 0xc0000010u, RD, H0(0x00504010));
		ok_at(e, 0xc0100010u, RD, H0(0x00900010));
	}
	env_free(e);
}

static void ttbr1_change_drops_the_shared_kernel_entries(void **state)
{
	struct env *e = env_tlb();

	(void)state;
	ttbr1_setup(e);
	ok_at(e, 0xc0000010u, RD, H0(0x00500010));
	ok_at(e, 0xc0100010u, RD, H0(0x00600010));
	to_proc(e, true);
	ok_at(e, 0xc0000010u, RD, H0(0x00500010));
	put(e, TTBR1_NEW_GPA + 4 * 0xc00, g_table(KL2_GPA + 0x800, 0, 0));
	put(e, KL2_GPA + 0x800, g_small(0x00509000, AP_KRW, 0));
	put(e, TTBR1_NEW_GPA + 4 * 0xc01, g_section(0x00a00000, AP_KRW, 0, 0));
	e->r.ttbr1 = TTBR1_NEW_GPA;
	apply(e);
	ok_at(e, 0xc0000010u, RD, H0(0x00509010));
	ok_at(e, 0xc0100010u, RD, H0(0x00a00010));
	to_proc(e, false);
	ok_at(e, 0xc0000010u, RD, H0(0x00509010));
	ok_at(e, 0xc0100010u, RD, H0(0x00a00010));
	env_free(e);
}

static void ttbcr_change_drops_the_whole_shadow(void **state)
{
	struct env *e = env_tlb();
	uint32_t flushes;

	(void)state;
	map_basic(e);
	ok_at(e, 0x00405010, RD, H0(0x00123010));
	flushes = e->s.vm.stats.flushes;
	/* TTBCR.N = 1 (VA < 2 GiB still through TTBR0). */
	e->r.ttbcr = 1;
	apply(e);
	assert_int_equal(e->s.vm.stats.flushes, flushes + 1);
	assert_int_equal(cur_l1(e)[0x004], 0);
	assert_int_equal(ok_at(e, 0x00405010, RD, H0(0x00123010)), 1);
	env_free(e);
}

/* SCTLR.M switches between the MMU-off address space and the walking ones,
 * both stay cached: a TLB may keep entries across an MMU disable, so a PTE
 * rewritten while the MMU was off without maintenance may still translate
 * the old way (B3.10.1), and the TLBI the architecture requires fixes it. */
static void sctlr_m_toggle_keeps_both_address_spaces_cached(void **state)
{
	struct env *e;
	uint32_t flushes, drops;

	(void)state;
	e = env_tlb();
	map_basic(e);
	ok_at(e, 0x00405010, RD, H0(0x00123010));
	flushes = e->s.vm.stats.flushes;
	drops = e->s.vm.stats.drops;
	e->r.sctlr = AMV_SCTLR_XP;
	apply(e);
	put(e, L2_GPA + 4 * 5, g_small(0x00124000, AP_FULL, AMV_L2_NG));
	e->r.sctlr = SCTLR_MMU;
	apply(e);
	host_tlb_evict(e);
	shadow_at(e, 0x00405010, RD, H0(0x00123010));
	assert_int_equal(e->s.vm.stats.flushes, flushes);
	assert_int_equal(e->s.vm.stats.drops, drops);
	assert_int_equal(amv_shadow_tlbi(&e->s.vm, AMV_TLBI_MVAA, 0x00405000), 0);
	shadow_at(e, 0x00405010, RD, H0(0x00124010));
	env_free(e);
}

/* ---------------------------------------------------- pool exhaustion */

static void tiny_l2_pool_evicts_tables_and_stays_native(void **state)
{
	struct env *e = env_new(AMV_SYNC_TLB, 3, AMV_SHADOW_MIN_L2, 0);

	(void)state;
	for (uint32_t k = 0; k < 8; k++) {
		l1_put(e, (0x100u + k) << 20,
		       g_table(L2_GPA + 0x400 * k, k, 0));
		for (uint32_t p = 0; p < 4; p++)
			put(e, L2_GPA + 0x400 * k + 4 * p,
			    g_small(0x00200000 + (k << 16) + (p << 12),
				    p == 1 ? AP_KRW : AP_FULL, AMV_L2_NG));
	}
	/* And RAM1 sections, which need L2 tables too. */
	l1_put(e, 0x00300000, g_section(0x01100000, AP_FULL, 0, AMV_L1_NG));
	apply(e);
	for (unsigned int round = 0; round < 3; round++) {
		for (uint32_t k = 0; k < 8; k++) {
			for (uint32_t p = 0; p < 4; p++) {
				uint32_t va =
					((0x100u + k) << 20) + (p << 12) + 8;

				ok_at(e, va, RD,
				      H0(0x00200008 + (k << 16) + (p << 12)));
				if (p == 1) {
					set_user(e, true);
					faults(e, va, RD, AMV_FAULT_PERMISSION,
					       2);
					set_user(e, false);
				}
			}
			ok_at(e, 0x00300000 + (k << 12), WR,
			      H1(0x01100000 + (k << 12)));
		}
	}
	assert_true(e->s.vm.stats.l2_evictions > 0);
	env_free(e);
}

static void tiny_l1_pool_evicts_address_spaces_and_stays_native(
	void **state)
{
	struct env *e = env_new(AMV_SYNC_TLB, 3, AMV_SHADOW_MIN_L2, 0);

	(void)state;
	ttbr1_setup(e);
	for (unsigned int round = 0; round < 4; round++) {
		for (unsigned int p = 0; p < 5; p++) {
			uint32_t ttbr0 = PROC_A_GPA + 0x2000 * p;

			put(e, ttbr0 + 4 * 0x002,
			    g_section((0x7u + p) << 20, AP_FULL, 0, AMV_L1_NG));
			e->r.ttbr0 = ttbr0;
			e->r.contextidr = 10 + p;
			apply(e);
			ok_at(e, 0x00200010, WR, H0(((0x7u + p) << 20) + 0x10));
			ok_at(e, 0xc0000010u, RD, H0(0x00500010));
			ok_at(e, 0xc0100010u, RD, H0(0x00600010));
			ok_at(e, 0xc0200010u, RD, H0(0x00502010));
		}
	}
	assert_true(e->s.vm.stats.as_evictions > 0);
	env_free(e);
}

/* ------------------------------------------ staleness, AMV_SYNC_TLB */

#define P_GPA 0x00200000u
#define Q_GPA 0x00300000u
#define VA_NG 0x00400000u /* L2 entry 0: not global */
#define VA_G 0x00401000u  /* L2 entry 1: global */

/* Pages at VA_NG and VA_G on P and P + 64 KiB, filled; then both PTEs
 * move to Q and Q + 64 KiB with no TLB maintenance. The architecture lets
 * the old translations stay (B3.10.1): the shadow must keep them, and the
 * guest's own walk already says Q. */
static void stale_setup(struct env *e)
{
	map_basic(e);
	put(e, L2_GPA + 0, g_small(P_GPA, AP_FULL, AMV_L2_NG));
	put(e, L2_GPA + 4, g_small(P_GPA + 0x10000, AP_FULL, 0));
	ok_at(e, VA_NG + 0x10, RD, H0(P_GPA + 0x10));
	ok_at(e, VA_G + 0x10, RD, H0(P_GPA + 0x10010));
	put(e, L2_GPA + 0, g_small(Q_GPA, AP_FULL, AMV_L2_NG));
	put(e, L2_GPA + 4, g_small(Q_GPA + 0x10000, AP_FULL, 0));
	host_tlb_evict(e);
	assert_int_equal(native_hpa(e, VA_NG + 0x10), H0(Q_GPA + 0x10));
	shadow_at(e, VA_NG + 0x10, RD, H0(P_GPA + 0x10));
	shadow_at(e, VA_G + 0x10, WR, H0(P_GPA + 0x10010));
	/* Mode and address-space switches keep them too. */
	set_user(e, true);
	shadow_at(e, VA_NG + 0x20, RD, H0(P_GPA + 0x20));
	set_user(e, false);
}

static void stale_translation_stays_until_tlbimva_with_its_asid(
	void **state)
{
	struct env *e = env_tlb();

	(void)state;
	stale_setup(e);
	/* Any page address of the page; bits [11:8] are SBZ, [7:0] ASID. */
	assert_int_equal(amv_shadow_tlbi(&e->s.vm, AMV_TLBI_MVA,
					 ((VA_NG + 0x123) & ~0xfffu) | ASID_A),
			 0);
	host_tlb_evict(e);
	ok_at(e, VA_NG + 0x10, RD, H0(Q_GPA + 0x10));
	/* Only the page named was invalidated. */
	shadow_at(e, VA_G + 0x10, RD, H0(P_GPA + 0x10010));
	env_free(e);
}

static void tlbimvaa_removes_the_stale_translation_for_every_asid(
	void **state)
{
	struct env *e = env_tlb();

	(void)state;
	stale_setup(e);
	assert_int_equal(amv_shadow_tlbi(&e->s.vm, AMV_TLBI_MVAA, VA_NG), 0);
	host_tlb_evict(e);
	ok_at(e, VA_NG + 0x10, RD, H0(Q_GPA + 0x10));
	shadow_at(e, VA_G + 0x10, RD, H0(P_GPA + 0x10010));
	assert_int_equal(amv_shadow_tlbi(&e->s.vm, AMV_TLBI_MVAA, VA_G + 0xfff),
			 0);
	ok_at(e, VA_G + 0x10, RD, H0(Q_GPA + 0x10010));
	env_free(e);
}

static void tlbiasid_removes_stale_not_global_translations_of_that_asid(
	void **state)
{
	struct env *e = env_tlb();

	(void)state;
	stale_setup(e);
	assert_int_equal(amv_shadow_tlbi(&e->s.vm, AMV_TLBI_ASID, ASID_B), 0);
	host_tlb_evict(e);
	shadow_at(e, VA_NG + 0x10, RD, H0(P_GPA + 0x10));
	assert_int_equal(amv_shadow_tlbi(&e->s.vm, AMV_TLBI_ASID, ASID_A), 0);
	host_tlb_evict(e);
	ok_at(e, VA_NG + 0x10, RD, H0(Q_GPA + 0x10));
	/* TLBIASID leaves global entries alone (B4.2.2). */
	shadow_at(e, VA_G + 0x10, RD, H0(P_GPA + 0x10010));
	env_free(e);
}

static void tlbiall_removes_every_stale_translation(void **state)
{
	struct env *e = env_tlb();

	(void)state;
	stale_setup(e);
	assert_int_equal(amv_shadow_tlbi(&e->s.vm, AMV_TLBI_ALL, 0), 0);
	ok_at(e, VA_NG + 0x10, RD, H0(Q_GPA + 0x10));
	ok_at(e, VA_G + 0x10, RD, H0(Q_GPA + 0x10010));
	env_free(e);
}

static void tlbimva_for_another_asid_keeps_not_global_removes_global(
	void **state)
{
	struct env *e = env_tlb();

	(void)state;
	stale_setup(e);
	assert_int_equal(
		amv_shadow_tlbi(&e->s.vm, AMV_TLBI_MVA, VA_NG | ASID_B), 0);
	assert_int_equal(amv_shadow_tlbi(&e->s.vm, AMV_TLBI_MVA, VA_G | ASID_B),
			 0);
	host_tlb_evict(e);
	shadow_at(e, VA_NG + 0x10, RD, H0(P_GPA + 0x10));
	ok_at(e, VA_G + 0x10, RD, H0(Q_GPA + 0x10010));
	env_free(e);
}

static void tlbimva_anywhere_in_a_guest_section_drops_its_whole_shadow(
	void **state)
{
	static const uint32_t pages[] = {0x00000, 0x01000, 0x80000, 0xff000};
	struct env *e = env_tlb();
	uint32_t drops;

	(void)state;
	/* RAM1 section (256 host pages) and RAM0 section (a host section). */
	map_basic(e);
	l1_put(e, 0x00200000, g_section(0x00600000, AP_FULL, 0, AMV_L1_NG));
	apply(e);
	for (unsigned int i = 0; i < 4; i++)
		ok_at(e, 0x00300000 + pages[i] + 4, RD,
		      H1(0x01100004 + pages[i]));
	ok_at(e, 0x00212344, RD, H0(0x00612344));
	l1_put(e, 0x00300000, g_section(0x01200000, AP_FULL, 0, AMV_L1_NG));
	l1_put(e, 0x00200000, g_section(0x00700000, AP_FULL, 0, AMV_L1_NG));
	host_tlb_evict(e);
	for (unsigned int i = 0; i < 4; i++)
		shadow_at(e, 0x00300000 + pages[i] + 4, RD,
			  H1(0x01100004 + pages[i]));
	shadow_at(e, 0x00212344, RD, H0(0x00612344));
	drops = e->s.vm.stats.drops;
	/* A page of the section no access ever touched. */
	assert_int_equal(amv_shadow_tlbi(&e->s.vm, AMV_TLBI_MVA,
					 0x00355000 | ASID_A),
			 0);
	assert_int_equal(e->s.vm.stats.drops, drops + 4);
	for (unsigned int i = 0; i < 4; i++)
		ok_at(e, 0x00300000 + pages[i] + 4, RD,
		      H1(0x01200004 + pages[i]));
	shadow_at(e, 0x00212344, RD, H0(0x00612344));
	assert_int_equal(amv_shadow_tlbi(&e->s.vm, AMV_TLBI_MVA,
					 0x002ff000 | ASID_A),
			 0);
	ok_at(e, 0x00212344, RD, H0(0x00712344));
	env_free(e);
}

static void tlbimva_in_a_large_page_drops_all_16_shadow_pages(void **state)
{
	struct env *e = env_tlb();
	uint32_t drops;

	(void)state;
	map_basic(e);
	/* VA 0x00410000..0x0041ffff: a large page; small neighbours at
	 * VA 0x0040f000 and 0x00420000. */
	put16(e, L2_GPA + 4 * 16, g_large(0x00310000, AP_FULL, AMV_L2_NG));
	put(e, L2_GPA + 4 * 15, g_small(0x00401000, AP_FULL, AMV_L2_NG));
	put(e, L2_GPA + 4 * 32, g_small(0x00402000, AP_FULL, AMV_L2_NG));
	for (uint32_t p = 0; p < 16; p++)
		ok_at(e, 0x00410008 + (p << 12), RD,
		      H0(0x00310008 + (p << 12)));
	ok_at(e, 0x0040f008, RD, H0(0x00401008));
	ok_at(e, 0x00420008, RD, H0(0x00402008));
	put16(e, L2_GPA + 4 * 16, g_large(0x00320000, AP_FULL, AMV_L2_NG));
	host_tlb_evict(e);
	shadow_at(e, 0x00413008, RD, H0(0x00313008));
	drops = e->s.vm.stats.drops;
	assert_int_equal(amv_shadow_tlbi(&e->s.vm, AMV_TLBI_MVA,
					 0x00417000 | ASID_A),
			 0);
	assert_int_equal(e->s.vm.stats.drops, drops + 16);
	for (uint32_t p = 0; p < 16; p++)
		ok_at(e, 0x00410008 + (p << 12), RD,
		      H0(0x00320008 + (p << 12)));
	host_tlb_evict(e);
	assert_int_equal(ok_at(e, 0x0040f008, RD, H0(0x00401008)), 0);
	assert_int_equal(ok_at(e, 0x00420008, RD, H0(0x00402008)), 0);
	env_free(e);
}

static void tlbimva_in_a_supersection_drops_all_of_it(void **state)
{
	static const uint32_t vas[] = {0x01000010u, 0x01500010u, 0x01f00010u};
	struct env *e = env_tlb();
	uint32_t drops;

	(void)state;
	put16(e, L1_GPA + 4 * 0x010, g_super(0x00000000, AP_FULL, AMV_L1_NG));
	apply(e);
	for (unsigned int i = 0; i < 3; i++)
		ok_at(e, vas[i], RD, H0(vas[i] - 0x01000000u));
	put16(e, L1_GPA + 4 * 0x010, 0);
	host_tlb_evict(e);
	for (unsigned int i = 0; i < 3; i++)
		shadow_at(e, vas[i], RD, H0(vas[i] - 0x01000000u));
	drops = e->s.vm.stats.drops;
	/* A MiB of the supersection no access ever touched. */
	assert_int_equal(amv_shadow_tlbi(&e->s.vm, AMV_TLBI_MVA,
					 0x01a00000u | ASID_A),
			 0);
	assert_int_equal(e->s.vm.stats.drops, drops + 3);
	for (unsigned int i = 0; i < 3; i++)
		faults(e, vas[i], RD, AMV_FAULT_TRANSLATION, 1);
	env_free(e);
}

static void tlbimva_in_a_supersection_shadowed_as_pages_drops_every_page(
	void **state)
{
	static const uint32_t vas[] = {0x01000010u, 0x01500010u, 0x01f3f010u};
	struct env *e = env_new(AMV_SYNC_WP, 8, 32, 256);

	(void)state;
	/* Under WP every shadow entry is a 4 KiB page, in 3 slots' L2s. */
	put16(e, L1_GPA + 4 * 0x010, g_super(0x00000000, AP_FULL, AMV_L1_NG));
	apply(e);
	for (unsigned int i = 0; i < 3; i++)
		ok_at(e, vas[i], WR, H0(vas[i] - 0x01000000u));
	/* Read-only now, stored behind the write protection's back (as a
	 * DMA engine might), then invalidated by VA. */
	put16(e, L1_GPA + 4 * 0x010, g_super(0x00000000, AP_RO, AMV_L1_NG));
	host_tlb_evict(e);
	for (unsigned int i = 0; i < 3; i++)
		shadow_at(e, vas[i], WR, H0(vas[i] - 0x01000000u));
	assert_int_equal(amv_shadow_tlbi(&e->s.vm, AMV_TLBI_MVA,
					 0x01a00000u | ASID_A),
			 0);
	for (unsigned int i = 0; i < 3; i++) {
		faults(e, vas[i], WR, AMV_FAULT_PERMISSION, 1);
		ok_at(e, vas[i], RD, H0(vas[i] - 0x01000000u));
	}
	env_free(e);
}

/* ------------------------------------------- staleness, AMV_SYNC_WP */

/* L1 at L1_GPA; L1[0] -> L2 at L2_GPA, which maps the guest's own table
 * pages (VA 0x4000 -> L1 page, VA 0x8000 -> L2 page) and a data page at
 * VA 0x9000; L1[4] -> L2 at L2_GPA + 0x400 with VA_NG -> P. */
static void wp_setup(struct env *e)
{
	l1_put(e, 0x00000000, g_table(L2_GPA, 0, 0));
	put(e, L2_GPA + 4 * 4, g_small(L1_GPA, AP_FULL, AMV_L2_NG));
	put(e, L2_GPA + 4 * 8, g_small(L2_GPA, AP_FULL, AMV_L2_NG));
	put(e, L2_GPA + 4 * 9, g_small(0x00009000, AP_FULL, AMV_L2_NG));
	l1_put(e, VA_NG, g_table(L2_GPA + 0x400, 0, 0));
	put(e, L2_GPA + 0x400, g_small(P_GPA, AP_FULL, AMV_L2_NG));
	apply(e);
}

static void wp_exit(struct env *e, uint32_t va, uint32_t gpa)
{
	struct ssim_out o;
	uint32_t hits = e->s.vm.stats.wp_hits;

	same(e, va, WR, &o);
	assert_int_equal(o.kind, SSIM_WP);
	assert_int_equal(o.gpa, gpa);
	assert_int_equal(e->s.vm.stats.wp_hits, hits + 1);
}

static void table_page_is_read_only_in_the_shadow_once_a_fill_used_it(
	void **state)
{
	struct env *e = env_new(AMV_SYNC_WP, 8, 32, 256);

	(void)state;
	wp_setup(e);
	ok_at(e, VA_NG + 0x10, WR, H0(P_GPA + 0x10));
	/* The guest reads its tables freely... */
	ok_at(e, 0x00008400, RD, H0(L2_GPA + 0x400));
	ok_at(e, 0x00004010, RD, H0(L1_GPA + 0x10));
	assert_false(ssim_page_writable(&e->s, L2_GPA));
	assert_false(ssim_page_writable(&e->s, L1_GPA));
	/* ...and every write to them exits, in both modes. */
	wp_exit(e, 0x00008400, L2_GPA + 0x400);
	wp_exit(e, 0x00004010, L1_GPA + 0x10);
	set_user(e, true);
	wp_exit(e, 0x00008404, L2_GPA + 0x404);
	set_user(e, false);
	/* Data pages stay writable. */
	assert_int_equal(ok_at(e, VA_NG + 0x20, WR, H0(P_GPA + 0x20)), 0);
	ok_at(e, 0x00009000, WR, H0(0x00009000));
	isolated(e);
	env_free(e);
}

static void page_that_becomes_a_table_loses_its_writable_shadow(
	void **state)
{
	struct env *e = env_new(AMV_SYNC_WP, 8, 32, 256);

	(void)state;
	wp_setup(e);
	ok_at(e, 0x00009000, WR, H0(0x00009000));
	assert_true(ssim_page_writable(&e->s, 0x00009000));
	/* Still a data page: a plain store. Then L1[5] points at it, through
	 * the write-protect path (the L1 page is watched). */
	put(e, 0x00009000, g_small(0x00210000, AP_FULL, AMV_L2_NG));
	assert_int_equal(ssim_store_desc(&e->s, L1_GPA + 4 * 5,
					 g_table(0x00009000, 0, 0)),
			 0);
	ok_at(e, 0x00500010, RD, H0(0x00210010));
	assert_false(ssim_page_writable(&e->s, 0x00009000));
	wp_exit(e, 0x00009000, 0x00009000);
	env_free(e);
}

/* amv_shadow_wp_release(): a store the caller cannot emulate (an STM to
 * a page-table page) unprotects the page, dropping what was derived from
 * its descriptors; a later fill that reads one protects it again. */
static void released_table_page_is_writable_until_a_fill_reads_it_again(
	void **state)
{
	struct env *e = env_new(AMV_SYNC_WP, 8, 32, 256);

	(void)state;
	wp_setup(e);
	/* The L2 page is also reachable through a section at 0x00300000,
	 * whose descriptor lives in the L1 page. */
	l1_put(e, 0x00300000, g_section(0x00000000, AP_FULL, 0, AMV_L1_NG));
	apply(e);
	ok_at(e, VA_NG + 0x10, RD, H0(P_GPA + 0x10));
	assert_false(ssim_page_writable(&e->s, L2_GPA));
	wp_exit(e, 0x00308400, L2_GPA + 0x400);
	assert_int_equal(amv_shadow_wp_release(&e->s.vm, L2_GPA + 0x400), 0);
	assert_int_equal(e->s.vm.stats.wp_releases, 1);
	/* Unprotected: the store goes straight to memory. */
	assert_int_equal(ok_at(e, 0x00308400, WR, H0(L2_GPA + 0x400)), 1);
	assert_true(ssim_page_writable(&e->s, L2_GPA));
	isolated(e);
	/* The guest rewrites the PTE behind the library's back: the entry
	 * derived from the old one is gone, so VA_NG sees Q at once... */
	put(e, L2_GPA + 0x400, g_small(Q_GPA, AP_FULL, AMV_L2_NG));
	ok_at(e, VA_NG + 0x10, RD, H0(Q_GPA + 0x10));
	/* ...and that fill read the L2 page: protected again. */
	assert_false(ssim_page_writable(&e->s, L2_GPA));
	wp_exit(e, 0x00308400, L2_GPA + 0x400);
	/* Releasing a page that is not protected, or on a TLB VM: nothing. */
	assert_int_equal(amv_shadow_wp_release(&e->s.vm, P_GPA), 0);
	assert_int_equal(e->s.vm.stats.wp_releases, 1);
	assert_int_equal(amv_shadow_wp_release(NULL, P_GPA), -AMV_EINVAL);
	isolated(e);
	env_free(e);
}

static void wp_write_of_a_pte_takes_effect_at_once(void **state)
{
	struct env *e = env_new(AMV_SYNC_WP, 8, 32, 256);
	uint32_t faults_n;

	(void)state;
	wp_setup(e);
	ok_at(e, VA_NG + 0x10, RD, H0(P_GPA + 0x10));
	wp_exit(e, 0x00008400, L2_GPA + 0x400);
	faults_n = e->s.vm.stats.faults;
	assert_int_equal(amv_shadow_wp_write(&e->s.vm, L2_GPA + 0x400,
					     g_small(Q_GPA, AP_FULL, AMV_L2_NG),
					     4),
			 0);
	assert_int_equal(*word(e, L2_GPA + 0x400),
			 g_small(Q_GPA, AP_FULL, AMV_L2_NG));
	/* No guest TLB maintenance: the next access sees Q. */
	assert_int_equal(ok_at(e, VA_NG + 0x10, RD, H0(Q_GPA + 0x10)), 1);
	assert_int_equal(e->s.vm.stats.faults, faults_n + 1);
	/* An L1 descriptor: unmap the whole MiB. */
	assert_int_equal(amv_shadow_wp_write(&e->s.vm, L1_GPA + 4 * 4, 0, 4),
			 0);
	faults(e, VA_NG + 0x10, RD, AMV_FAULT_TRANSLATION, 1);
	isolated(e);
	env_free(e);
}

static void wp_byte_and_halfword_stores_to_a_pte_take_effect_at_once(
	void **state)
{
	struct env *e = env_new(AMV_SYNC_WP, 8, 32, 256);

	(void)state;
	wp_setup(e);
	ok_at(e, VA_NG + 0x10, RD, H0(P_GPA + 0x10));
	/* Byte 2 of the descriptor is PA[23:16]: 0x20 -> 0x30. */
	assert_int_equal(amv_shadow_wp_write(&e->s.vm, L2_GPA + 0x402, 0x30, 1),
			 0);
	assert_int_equal(*word(e, L2_GPA + 0x400),
			 g_small(Q_GPA, AP_FULL, AMV_L2_NG));
	ok_at(e, VA_NG + 0x10, RD, H0(Q_GPA + 0x10));
	/* The upper halfword is PA[31:16]: 0x0030 -> 0x0041. */
	assert_int_equal(
		amv_shadow_wp_write(&e->s.vm, L2_GPA + 0x402, 0x0041, 2), 0);
	assert_int_equal(*word(e, L2_GPA + 0x400),
			 g_small(0x00410000, AP_FULL, AMV_L2_NG));
	ok_at(e, VA_NG + 0x10, RD, H0(0x00410010));
	/* The low byte holds AP[1:0] in bits [5:4]: 0x7e (AP = 011, full
	 * access) -> 0x5e (AP = 001, kernel only): user mode faults at once. */
	assert_int_equal(*word(e, L2_GPA + 0x400) & 0xffu, 0x7eu);
	assert_int_equal(amv_shadow_wp_write(&e->s.vm, L2_GPA + 0x400, 0x5e, 1),
			 0);
	set_user(e, true);
	faults(e, VA_NG + 0x10, RD, AMV_FAULT_PERMISSION, 2);
	env_free(e);
}

static void table_page_in_a_manager_domain_stays_read_only(void **state)
{
	struct env *e = env_new(AMV_SYNC_WP, 8, 32, 256);

	(void)state;
	wp_setup(e);
	/* Fill the table page's mapping while domain 0 is Client... */
	ok_at(e, VA_NG + 0x10, RD, H0(P_GPA + 0x10));
	ok_at(e, 0x00008400, RD, H0(L2_GPA + 0x400));
	/* ...then make domain 0 Manager: AP no longer protects it. */
	e->r.dacr = (DACR_ALL_CLIENT & ~3u) | AMV_DACR_MANAGER;
	apply(e);
	isolated(e);
	assert_false(ssim_page_writable(&e->s, L2_GPA));
	wp_exit(e, 0x00008400, L2_GPA + 0x400);
	set_user(e, true);
	wp_exit(e, 0x00008408, L2_GPA + 0x408);
	ok_at(e, 0x00008408, RD, H0(L2_GPA + 0x408));
	set_user(e, false);
	/* Manager still grants what AP does not on other pages. */
	put(e, L2_GPA + 0x400 + 4, g_small(P_GPA + 0x1000, AP_NONE, AMV_L2_NG));
	ok_at(e, VA_NG + 0x1010, WR, H0(P_GPA + 0x1010));
	/* Back to Client: the table page keeps exiting on writes. */
	e->r.dacr = DACR_ALL_CLIENT;
	apply(e);
	isolated(e);
	wp_exit(e, 0x00008400, L2_GPA + 0x400);
	faults(e, VA_NG + 0x1010, RD, AMV_FAULT_PERMISSION, 2);
	env_free(e);
}

static void leaving_manager_takes_back_a_table_pages_manager_rights(
	void **state)
{
	struct env *e = env_new(AMV_SYNC_WP, 8, 32, 256);

	(void)state;
	wp_setup(e);
	/* The guest maps its L2 page kernel-only; domain 0 Manager lets its
	 * user mode read it (the table page is shadowed RX). */
	put(e, L2_GPA + 4 * 8, g_small(L2_GPA, AP_KRW, AMV_L2_NG));
	e->r.dacr = (DACR_ALL_CLIENT & ~3u) | AMV_DACR_MANAGER;
	apply(e);
	ok_at(e, VA_NG + 0x10, RD, H0(P_GPA + 0x10));
	set_user(e, true);
	ok_at(e, 0x00008400, RD, H0(L2_GPA + 0x400));
	wp_exit(e, 0x00008400, L2_GPA + 0x400);
	/* Client again: AP = 001 denies user mode. */
	e->r.dacr = DACR_ALL_CLIENT;
	apply(e);
	isolated(e);
	faults(e, 0x00008400, RD, AMV_FAULT_PERMISSION, 2);
	set_user(e, false);
	ok_at(e, 0x00008400, RD, H0(L2_GPA + 0x400));
	wp_exit(e, 0x00008400, L2_GPA + 0x400);
	env_free(e);
}

/* Write protection with a 16-record reverse map, and 32 small pages at
 * VA_NG, more than it can hold at once. */
static struct env *wp_32_pages(void)
{
	struct env *e = env_new(AMV_SYNC_WP, 8, 32, 16);

	wp_setup(e);
	for (uint32_t p = 0; p < 32; p++)
		put(e, L2_GPA + 0x400 + 4 * p,
		    g_small(P_GPA + (p << 12), AP_FULL, AMV_L2_NG));
	return e;
}

static void reverse_map_overflow_starts_over_and_stays_native(void **state)
{
	struct env *e = wp_32_pages();

	(void)state;
	for (unsigned int round = 0; round < 2; round++)
		for (uint32_t p = 0; p < 32; p++)
			ok_at(e, VA_NG + (p << 12), WR, H0(P_GPA + (p << 12)));
	assert_true(e->s.vm.stats.rmap_overflows > 0);
	/* Still watched after the restarts. */
	wp_exit(e, 0x00008400, L2_GPA + 0x400);
	env_free(e);
}

static void reverse_map_sheds_records_of_dropped_entries_first(void **state)
{
	struct env *e = wp_32_pages();

	(void)state;
	/* Four pages at a time, then TLBIMVAA of each (TLBIALL would empty
	 * the map outright): the records of what was dropped make room, so
	 * the shadow is never dropped for the map. */
	for (uint32_t round = 0; round < 8; round++) {
		for (uint32_t p = 4 * round; p < 4 * round + 4; p++)
			ok_at(e, VA_NG + (p << 12), RD, H0(P_GPA + (p << 12)));
		for (uint32_t p = 4 * round; p < 4 * round + 4; p++)
			assert_int_equal(amv_shadow_tlbi(&e->s.vm, AMV_TLBI_MVAA,
							 VA_NG + (p << 12)),
					 0);
	}
	for (uint32_t p = 0; p < 4; p++)
		ok_at(e, VA_NG + (p << 12), RD, H0(P_GPA + (p << 12)));
	fprintf(stderr, "DEBUG compactions %u overflows %u flushes %u used %u\n", e->s.vm.stats.rmap_compactions, e->s.vm.stats.rmap_overflows, e->s.vm.stats.flushes, e->s.vm.rmap_used);
	assert_true(e->s.vm.stats.rmap_compactions > 0);
	assert_int_equal(e->s.vm.stats.rmap_overflows, 0);
	/* The table pages are still watched. */
	wp_exit(e, 0x00008400, L2_GPA + 0x400);
	env_free(e);
}

/* ------------------------------------------- staleness, AMV_SYNC_PV */

static int hc(struct env *e, uint32_t r0, uint32_t r1, uint32_t r2)
{
	const uint32_t args[4] = {r0, r1, r2, 0};

	return amv_shadow_hypercall(&e->s.vm, args);
}

static void pv_set_pte_takes_effect_at_once(void **state)
{
	struct env *e = env_new(AMV_SYNC_PV, 8, 32, 256);
	uint32_t drops;

	(void)state;
	wp_setup(e);
	ok_at(e, VA_NG + 0x10, RD, H0(P_GPA + 0x10));
	drops = e->s.vm.stats.drops;
	assert_int_equal(hc(e, AMV_HC_SET_PTE, L2_GPA + 0x400,
			    g_small(Q_GPA, AP_FULL, AMV_L2_NG)),
			 0);
	assert_int_equal(*word(e, L2_GPA + 0x400),
			 g_small(Q_GPA, AP_FULL, AMV_L2_NG));
	assert_true(e->s.vm.stats.drops > drops);
	ok_at(e, VA_NG + 0x10, RD, H0(Q_GPA + 0x10));
	/* The table pages are ordinary writable memory under PV. */
	ok_at(e, 0x00008400, WR, H0(L2_GPA + 0x400));
	env_free(e);
}

static void pv_set_ptes_applies_each_pair_in_order(void **state)
{
	struct env *e = env_new(AMV_SYNC_PV, 8, 32, 256);
	const uint32_t arr = 0x00020000u;

	(void)state;
	wp_setup(e);
	put(e, L2_GPA + 0x404, g_small(P_GPA + 0x1000, AP_FULL, AMV_L2_NG));
	ok_at(e, VA_NG + 0x10, RD, H0(P_GPA + 0x10));
	ok_at(e, VA_NG + 0x1010, RD, H0(P_GPA + 0x1010));
	/* {PA, value} pairs; the third overrides the first. */
	put(e, arr + 0, L2_GPA + 0x400);
	put(e, arr + 4, g_small(Q_GPA, AP_FULL, AMV_L2_NG));
	put(e, arr + 8, L2_GPA + 0x404);
	put(e, arr + 12, g_small(Q_GPA + 0x1000, AP_FULL, AMV_L2_NG));
	put(e, arr + 16, L2_GPA + 0x400);
	put(e, arr + 20, g_small(0x00340000, AP_FULL, AMV_L2_NG));
	assert_int_equal(hc(e, AMV_HC_SET_PTES, arr, 3), 0);
	ok_at(e, VA_NG + 0x10, RD, H0(0x00340010));
	ok_at(e, VA_NG + 0x1010, RD, H0(Q_GPA + 0x1010));
	/* A count of 0 does nothing; an array in a hole fails. */
	assert_int_equal(hc(e, AMV_HC_SET_PTES, arr, 0), 0);
	assert_int_equal(hc(e, AMV_HC_SET_PTES, SSIM_HOLE_LO, 1), -AMV_EFAULT);
	ok_at(e, VA_NG + 0x10, RD, H0(0x00340010));
	env_free(e);
}

static void pv_set_pte_of_a_shared_kernel_page_updates_every_process(
	void **state)
{
	struct env *e = env_new(AMV_SYNC_PV, 8, 32, 256);

	(void)state;
	ttbr1_setup(e);
	for (unsigned int p = 0; p < 2; p++) {
		to_proc(e, p != 0);
		ok_at(e, 0xc0000010u, RD, H0(0x00500010));
		ok_at(e, 0xc0100010u, RD, H0(0x00600010));
	}
	assert_int_equal(hc(e, AMV_HC_SET_PTE, KL2_GPA,
			    g_small(0x00504000, AP_KRW, 0)),
			 0);
	assert_int_equal(hc(e, AMV_HC_SET_PTE, TTBR1_GPA + 4 * 0xc01,
			    g_section(0x00900000, AP_KRW, 0, 0)),
			 0);
	for (unsigned int p = 0; p < 2; p++) {
		to_proc(e, p == 0);
		ok_at(e, 0xc0000010u, RD, H0(0x00504010));
		ok_at(e, 0xc0100010u, RD, H0(0x00900010));
	}
	env_free(e);
}

static void pv_switch_mm_switches_address_space(void **state)
{
	struct env *e = env_new(AMV_SYNC_PV, 8, 32, 256);
	uint32_t ctx_a, drops;

	(void)state;
	wp_setup(e);
	put(e, L1_B_GPA + 4 * 0x004,
	    g_section(0x00700000, AP_FULL, 0, AMV_L1_NG));
	ok_at(e, VA_NG + 0x10, RD, H0(P_GPA + 0x10));
	ctx_a = e->s.contextidr;
	drops = e->s.vm.stats.drops;
	assert_int_equal(hc(e, AMV_HC_SWITCH_MM, L1_B_GPA, ASID_B), 0);
	e->r.ttbr0 = L1_B_GPA;
	e->r.contextidr = ASID_B;
	assert_int_not_equal(e->s.contextidr, ctx_a);
	ok_at(e, VA_NG + 0x10, RD, H0(0x00700010));
	assert_int_equal(hc(e, AMV_HC_SWITCH_MM, L1_GPA, ASID_A), 0);
	e->r.ttbr0 = L1_GPA;
	e->r.contextidr = ASID_A;
	assert_int_equal(e->s.contextidr, ctx_a);
	assert_int_equal(ok_at(e, VA_NG + 0x10, RD, H0(P_GPA + 0x10)), 0);
	assert_int_equal(e->s.vm.stats.drops, drops);
	env_free(e);
}

static void pv_flush_behaves_like_the_tlb_operation(void **state)
{
	struct env *e = env_new(AMV_SYNC_PV, 8, 32, 256);

	(void)state;
	wp_setup(e);
	ok_at(e, VA_NG + 0x10, RD, H0(P_GPA + 0x10));
	/* A store that bypasses SET_PTE leaves the old translation... */
	put(e, L2_GPA + 0x400, g_small(Q_GPA, AP_FULL, AMV_L2_NG));
	host_tlb_evict(e);
	shadow_at(e, VA_NG + 0x10, RD, H0(P_GPA + 0x10));
	/* ...until the flush hypercall, as TLBIMVA for another ASID would
	 * not and for this one does. */
	assert_int_equal(hc(e, AMV_HC_FLUSH, AMV_TLBI_MVA, VA_NG | ASID_B), 0);
	host_tlb_evict(e);
	shadow_at(e, VA_NG + 0x10, RD, H0(P_GPA + 0x10));
	assert_int_equal(hc(e, AMV_HC_FLUSH, AMV_TLBI_MVA, VA_NG | ASID_A), 0);
	ok_at(e, VA_NG + 0x10, RD, H0(Q_GPA + 0x10));
	put(e, L2_GPA + 0x400, g_small(P_GPA, AP_FULL, AMV_L2_NG));
	assert_int_equal(hc(e, AMV_HC_FLUSH, AMV_TLBI_ALL, 0), 0);
	ok_at(e, VA_NG + 0x10, RD, H0(P_GPA + 0x10));
	assert_int_equal(hc(e, AMV_HC_FLUSH, 9, 0), -AMV_EINVAL);
	env_free(e);
}

/* -------------------------------------------- flush, resume, current */

static void flush_drops_every_entry_but_the_window(void **state)
{
	struct env *e = env_tlb();
	uint32_t fills;
	unsigned long all;

	(void)state;
	map_basic(e);
	ok_at(e, 0x00405010, RD, H0(0x00123010));
	ok_at(e, 0x00305010, RD, H1(0x01105010));
	all = e->s.tlbi_all;
	assert_int_equal(amv_shadow_flush(&e->s.vm), 0);
	assert_true(e->s.tlbi_all > all);
	for (uint32_t i = 0; i < AMV_L1_ENTRIES; i++)
		if (i != SSIM_WINDOW_VA >> 20)
			assert_int_equal(cur_l1(e)[i], 0);
	assert_int_equal(cur_l1(e)[SSIM_WINDOW_VA >> 20], e->s.window_l1[0]);
	fills = e->s.vm.stats.fills;
	assert_int_equal(ok_at(e, 0x00405010, RD, H0(0x00123010)), 1);
	assert_int_equal(e->s.vm.stats.fills, fills + 1);
	env_free(e);
}

static void resume_reprograms_the_host_mmu_unconditionally(void **state)
{
	struct env *e = env_tlb();
	uint32_t ttbr0, ctx, dacr;
	unsigned int calls;

	(void)state;
	map_basic(e);
	ok_at(e, 0x00405010, RD, H0(0x00123010));
	ttbr0 = e->s.ttbr0;
	ctx = e->s.contextidr;
	dacr = e->s.dacr;
	calls = e->s.host_mmu_calls;
	/* Another VM ran: the port's registers are junk. */
	e->s.ttbr0 = e->s.contextidr = e->s.dacr = 0;
	assert_int_equal(amv_shadow_resume(&e->s.vm), 0);
	assert_int_equal(e->s.host_mmu_calls, calls + 1);
	assert_int_equal(e->s.ttbr0, ttbr0);
	assert_int_equal(e->s.contextidr, ctx);
	assert_int_equal(e->s.dacr, dacr);
	assert_int_equal(ttbr0 & ~0x7fu,
			 SSIM_L1_HPA + (uint32_t)((const char *)cur_l1(e) -
						  (const char *)e->s.st.l1));
	assert_int_equal(ok_at(e, 0x00405010, RD, H0(0x00123010)), 0);
	env_free(e);
}

/* Every test frees what an assertion left behind. */
/* ------------------------------------------------- small-page fast path */

/*
 * The small-page fast path (lib/shadow.c fast_fill()) against the walker:
 * random small pages (every AP, XN, PXN, TEX:C:B including reserved ones,
 * S, nG) in random domains, random DACR fields, AFE, TRE, TTBCR.N, both
 * modes, reads, writes and fetches; each outcome must be the guest's own,
 * and most fills must take the fast path.
 */
static void small_page_fast_path_matches_the_walker(void **state)
{
	struct env *e = env_new(AMV_SYNC_TLB, 4, 64, 0);
	struct prng rng;
	unsigned long fast0;
	char why_iso[160];

	(void)state;
	prng_seed(&rng, 0xfa57);
	for (unsigned int round = 0; round < 40; round++) {
		uint32_t n = prng_below(&rng, 3);

		e->r.ttbcr = n;
		e->r.sctlr = SCTLR_MMU |
			     (prng_pct(&rng, 30) ? AMV_SCTLR_AFE : 0u) |
			     (prng_pct(&rng, 30) ? AMV_SCTLR_TRE : 0u);
		e->r.prrr = prng_next(&rng);
		e->r.nmrr = prng_next(&rng);
		e->r.dacr = 0;
		for (unsigned int d = 0; d < 4; d++)
			e->r.dacr |= (prng_pct(&rng, 85) ? AMV_DACR_CLIENT
				      : prng_pct(&rng, 50) ? AMV_DACR_MANAGER
							   : AMV_DACR_NOACCESS)
				     << (2 * d);
		/* 8 slots of small pages below 8 MiB (inside TTBR0 for N <= 2). */
		for (uint32_t sl = 0; sl < 8; sl++) {
			l1_put(e, sl << 20,
			       g_table(L2_GPA + 0x400 * sl, prng_below(&rng, 4),
				       prng_pct(&rng, 20) ? AMV_L1_TABLE_PXN : 0u));
			for (uint32_t i = 0; i < 256; i++) {
				uint32_t d = (prng_next(&rng) & 0xffeu) | AMV_L2_SMALL;

				d = (d & ~AMV_L2_SMALL_BASE_MASK) |
				    ((0x00200000u + (prng_below(&rng, 0x800) << 12)) &
				     AMV_L2_SMALL_BASE_MASK) |
				    (prng_next(&rng) & 1u);
				put(e, L2_GPA + 0x400 * sl + 4 * i, d);
			}
		}
		apply(e);
		amv_shadow_flush(&e->s.vm);
		for (unsigned int q = 0; q < 3000; q++) {
			uint32_t va = (prng_below(&rng, 8) << 20) |
				      (prng_below(&rng, 32) << 12) |
				      (prng_next(&rng) & 0xffcu);
			unsigned int kind = prng_below(&rng, 3);
			struct ssim_out x, y;
			char why[160];

			if (prng_pct(&rng, 5))
				set_user(e, !e->user);
			ssim_expect(&e->s, va, kind, e->user, &x);
			assert_true(ssim_run(&e->s, va, kind, &y) >= 0);
			if (!ssim_same(&x, &y, why, sizeof(why))) {
				ssim_print_out("guest ", &x);
				ssim_print_out("shadow", &y);
				fail_msg("va %#x kind %u user %d: %s", va, kind,
					 e->user, why);
			}
		}
		if (ssim_check_isolation(&e->s, why_iso, sizeof(why_iso)) != 0)
			fail_msg("%s", why_iso);
		/* Rewrite PTEs the fast path filled, with the maintenance a
		 * correct guest does (TLBIASID only for a not-global one), and
		 * look again: nothing stale may survive. */
		for (unsigned int k = 0; k < 300; k++) {
			uint32_t va = (prng_below(&rng, 8) << 20) |
				      (prng_below(&rng, 32) << 12);
			uint32_t at = L2_GPA + 0x400 * (va >> 20) +
				      4 * ((va >> 12) & 0xffu);
			uint32_t old = *ssim_word(&e->s, at);
			struct ssim_out x, y;
			char why[160];

			put(e, at, (old ^ (prng_next(&rng) & 0x00fff3fcu)) |
					   AMV_L2_SMALL);
			if ((old & AMV_L2_NG) && prng_pct(&rng, 50))
				assert_int_equal(amv_shadow_tlbi(&e->s.vm,
								 AMV_TLBI_ASID,
								 ASID_A),
						 0);
			else
				assert_int_equal(amv_shadow_tlbi(&e->s.vm,
								 AMV_TLBI_MVA,
								 va | ASID_A),
						 0);
			ssim_expect(&e->s, va, AMV_ACC_READ, e->user, &x);
			assert_true(ssim_run(&e->s, va, AMV_ACC_READ, &y) >= 0);
			if (!ssim_same(&x, &y, why, sizeof(why)))
				fail_msg("after a PTE write at va %#x: %s", va,
					 why);
		}
	}
	fast0 = e->s.vm.stats.fast_fills;
	assert_true(fast0 > e->s.vm.stats.fills / 2);
	env_free(e);
}

/*
 * A fault that finds a different valid entry (the guest changed a PTE and
 * then touched the page in a way the old entry denies) replaces it break
 * before make (B3.10.1): invalidate, then write. Without the invalidation
 * the host TLB would keep serving the old, denying entry and the access
 * would fault forever.
 */
static void refill_over_a_valid_entry_invalidates_it_first(void **state)
{
	struct env *e = env_tlb();
	struct amv_shadow_stats st;

	(void)state;
	l1_put(e, 0x00400000, g_table(L2_GPA, 0, 0));
	/* Two pages in the slot so its L2 exists; page 5 read-only. */
	put(e, L2_GPA + 4 * 4, g_small(0x00124000, AP_FULL, AMV_L2_NG));
	put(e, L2_GPA + 4 * 5, g_small(0x00123000, AP_RO, AMV_L2_NG));
	apply(e);
	ok_at(e, 0x00404010, RD, H0(0x00124010));
	shadow_at(e, 0x00405010, RD, H0(0x00123010)); /* cached by the TLB */
	/* Page 5 becomes a writable mapping of another frame, no TLBI: the
	 * write faults on the cached read-only entry. */
	put(e, L2_GPA + 4 * 5, g_small(0x00125000, AP_FULL, AMV_L2_NG));
	st = e->s.vm.stats;
	shadow_at(e, 0x00405010, WR, H0(0x00125010));
	assert_true(e->s.vm.stats.fast_fills > st.fast_fills);
	shadow_at(e, 0x00405010, RD, H0(0x00125010));
	env_free(e);
}

#define T(f) cmocka_unit_test_teardown(f, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		/* API misuse */
		T(init_rejects_null_pointers_and_missing_hooks),
		T(init_rejects_misaligned_or_overlapping_regions),
		T(init_rejects_a_window_not_in_whole_mebibytes),
		T(init_rejects_pools_misaligned_or_overlapping_guest_ram),
		T(init_rejects_pools_too_small_or_rmap_not_a_power_of_two),
		T(fault_rejects_unknown_access_bits),
		T(tlbi_rejects_unknown_operations),
		T(wp_write_rejects_bad_size_and_alignment),
		T(wp_write_where_guest_memory_does_not_answer_fails),
		T(hypercall_outside_pv_is_enotsup_unknown_function_einval),
		T(set_regime_rejects_lpae_and_the_armv5_format),
		T(other_entry_points_reject_null),
		/* memory map */
		T(ram_mapping_translates_to_the_regions_host_backing),
		T(mmio_mapping_exits_with_gpa_and_region_and_installs_nothing),
		T(unbacked_mapping_injects_a_synchronous_external_abort),
		T(guest_mapping_of_the_monitor_window_is_reported_never_shadowed),
		/* lazy fill, granularity */
		T(first_access_faults_once_then_translates),
		T(guest_translation_faults_are_injected_as_walked),
		T(user_access_to_a_kernel_page_injects_the_permission_fault),
		T(acc_user_forces_a_pl0_check_in_kernel_mode),
		T(guest_section_over_aligned_ram_is_one_host_section),
		T(guest_section_over_unaligned_ram_is_small_pages),
		T(guest_large_page_is_shadowed_one_small_page_at_a_time),
		T(guest_supersection_over_aligned_ram_is_host_sections),
		T(supersection_partly_over_ram_maps_ram_and_aborts_elsewhere),
		T(write_protect_strategy_shadows_sections_as_small_pages),
		T(access_flag_faults_are_injected_with_afe_set),
		T(tex_remap_attributes_carry_over_with_inner_shareable_as_outer),
		T(mmu_off_is_the_flat_mapping_in_host_sections),
		/* domains and modes */
		T(kernel_only_page_faults_in_user_mode_without_refill_on_return),
		T(kernel_rwx_user_ro_page_uses_the_manager_trick),
		T(kernel_rw_user_ro_xn_page_is_never_executable),
		T(pxn_page_is_not_executable_in_kernel_mode_only),
		T(guest_dacr_no_access_injects_domain_faults_and_drops_nothing),
		T(manager_guest_domain_grants_access_whatever_the_ap),
		T(pages_of_different_classes_in_one_slot_stay_native),
		T(running_out_of_host_domains_starts_a_generation_and_stays_native),
		/* ASIDs */
		T(switching_between_cached_address_spaces_drops_nothing),
		T(contextidr_procid_change_is_not_an_address_space_switch),
		T(mode_switch_reprograms_only_the_host_dacr),
		T(more_address_spaces_than_the_l1_pool_stay_native),
		T(more_cached_address_spaces_than_host_asids_roll_over),
		T(asid_valid_holds_only_in_the_current_generation),
		/* TTBR1 sharing, regime changes */
		T(ttbr1_global_pages_are_shared_through_one_host_l2),
		T(ttbr1_first_fault_in_a_slot_the_template_holds_walks_nothing),
		T(ttbr1_global_section_is_not_dropped_by_another_process),
		T(ttbr1_not_global_page_is_private_to_its_address_space),
		T(tlbimva_of_a_global_kernel_mapping_drops_it_for_every_process),
		T(ttbr1_change_drops_the_shared_kernel_entries),
		T(ttbcr_change_drops_the_whole_shadow),
		T(sctlr_m_toggle_keeps_both_address_spaces_cached),
		T(small_page_fast_path_matches_the_walker),
		T(refill_over_a_valid_entry_invalidates_it_first),
		/* pool exhaustion */
		T(tiny_l2_pool_evicts_tables_and_stays_native),
		T(tiny_l1_pool_evicts_address_spaces_and_stays_native),
		/* staleness: TLB maintenance */
		T(stale_translation_stays_until_tlbimva_with_its_asid),
		T(tlbimvaa_removes_the_stale_translation_for_every_asid),
		T(tlbiasid_removes_stale_not_global_translations_of_that_asid),
		T(tlbiall_removes_every_stale_translation),
		T(tlbimva_for_another_asid_keeps_not_global_removes_global),
		T(tlbimva_anywhere_in_a_guest_section_drops_its_whole_shadow),
		T(tlbimva_in_a_large_page_drops_all_16_shadow_pages),
		T(tlbimva_in_a_supersection_drops_all_of_it),
		T(tlbimva_in_a_supersection_shadowed_as_pages_drops_every_page),
		/* staleness: write protection */
		T(table_page_is_read_only_in_the_shadow_once_a_fill_used_it),
		T(page_that_becomes_a_table_loses_its_writable_shadow),
		T(released_table_page_is_writable_until_a_fill_reads_it_again),
		T(wp_write_of_a_pte_takes_effect_at_once),
		T(wp_byte_and_halfword_stores_to_a_pte_take_effect_at_once),
		T(table_page_in_a_manager_domain_stays_read_only),
		T(leaving_manager_takes_back_a_table_pages_manager_rights),
		T(reverse_map_overflow_starts_over_and_stays_native),
		T(reverse_map_sheds_records_of_dropped_entries_first),
		/* staleness: paravirtual */
		T(pv_set_pte_takes_effect_at_once),
		T(pv_set_ptes_applies_each_pair_in_order),
		T(pv_set_pte_of_a_shared_kernel_page_updates_every_process),
		T(pv_switch_mm_switches_address_space),
		T(pv_flush_behaves_like_the_tlb_operation),
		/* flush, resume */
		T(flush_drops_every_entry_but_the_window),
		T(resume_reprograms_the_host_mmu_unconditionally),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
