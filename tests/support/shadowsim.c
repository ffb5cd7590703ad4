/* SPDX-License-Identifier: BSD-2-Clause */
#define _POSIX_C_SOURCE 200112L
#include "shadowsim.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <amv/cp15.h>
#include <amv/desc.h>
#include <amv/error.h>

/* ------------------------------------------------------------------ */
/* The port                                                            */

static int sim_read32(void *ctx, uint64_t pa, uint32_t *val)
{
	struct ssim *s = ctx;

	return testmem_read32(&s->gmem, pa, val);
}

static int sim_write32(void *ctx, uint64_t pa, uint32_t val)
{
	struct ssim *s = ctx;
	uint32_t *w = ssim_word(s, pa);

	if (w == NULL)
		return -AMV_EFAULT;
	*w = val;
	return 0;
}

/* Guest RAM pages as host memory: the emulator's block transfers use it
 * (the words are little-endian on the hosts the tests run on, as
 * amv_port_ops::ram_ptr asks). */
static void *sim_ram_ptr(void *ctx, uint64_t pa)
{
	return ssim_word(ctx, pa);
}

static uint32_t sim_host_pa(void *ctx, const void *p)
{
	struct ssim *s = ctx;
	const char *c = p;
	const char *l1 = (const char *)s->st.l1, *l2 = (const char *)s->st.l2;

	if (c >= l1 && c < l1 + s->st.n_l1 * sizeof(s->st.l1[0]))
		return SSIM_L1_HPA + (uint32_t)(c - l1);
	if (c >= l2 && c < l2 + s->st.n_l2 * sizeof(s->st.l2[0]))
		return SSIM_L2_HPA + (uint32_t)(c - l2);
	fprintf(stderr, "shadowsim: host_pa of a pointer outside the pools\n");
	abort();
}

static void sim_set_host_mmu(void *ctx, uint32_t ttbr0, uint32_t contextidr,
			     uint32_t dacr)
{
	struct ssim *s = ctx;

	s->ttbr0 = ttbr0;
	s->contextidr = contextidr;
	s->dacr = dacr;
	s->host_mmu_calls++;
}

static void sim_tlbi_all(void *ctx)
{
	struct ssim *s = ctx;

	memset(s->tlb, 0, sizeof(s->tlb));
	s->tlbi_all++;
}

static void sim_tlbi_asid(void *ctx, uint8_t asid)
{
	struct ssim *s = ctx;

	for (unsigned int i = 0; s->par.tlb && i < SSIM_TLB_ENTRIES; i++)
		if (s->tlb[i].valid && !s->tlb[i].global && s->tlb[i].asid == asid)
			s->tlb[i].valid = false;
	s->tlbi_asid++;
}

static bool tlb_covers(const struct ssim_tlb *e, uint32_t va)
{
	return e->valid && va - e->va < e->size;
}

static void sim_tlbi_mva(void *ctx, uint32_t va, uint8_t asid)
{
	struct ssim *s = ctx;

	for (unsigned int i = 0; s->par.tlb && i < SSIM_TLB_ENTRIES; i++)
		if (tlb_covers(&s->tlb[i], va) &&
		    (s->tlb[i].global || s->tlb[i].asid == asid))
			s->tlb[i].valid = false;
	s->tlbi_mva++;
}

static void sim_tlbi_mvaa(void *ctx, uint32_t va)
{
	struct ssim *s = ctx;

	for (unsigned int i = 0; s->par.tlb && i < SSIM_TLB_ENTRIES; i++)
		if (tlb_covers(&s->tlb[i], va))
			s->tlb[i].valid = false;
	s->tlbi_mvaa++;
}

/* A cleaned line becomes visible to the (incoherent) host walks: copy it
 * into the walk view. Lines are 64 bytes, the Cortex-A8's. */
static void sim_table_written(void *ctx, const void *p, uint32_t len)
{
	struct ssim *s = ctx;
	const char *l1 = (const char *)s->st.l1, *l2 = (const char *)s->st.l2;
	const char *c = (const char *)((uintptr_t)p & ~(uintptr_t)63);
	const char *end = (const char *)p + len;

	for (; c < end; c += 64) {
		if (c >= l1 && c < l1 + s->st.n_l1 * sizeof(s->st.l1[0]))
			memcpy((char *)s->view_l1 + (c - l1), c, 64);
		else if (c >= l2 && c < l2 + s->st.n_l2 * sizeof(s->st.l2[0]))
			memcpy((char *)s->view_l2 + (c - l2), c, 64);
		else
			abort(); /* not a shadow table */
	}
}

const struct amv_port_ops ssim_port_ops_incoherent = {
	.read_phys32 = sim_read32,
	.write_phys32 = sim_write32,
	.ram_ptr = sim_ram_ptr,
	.host_pa = sim_host_pa,
	.set_host_mmu = sim_set_host_mmu,
	.table_written = sim_table_written,
	.tlbi_all = sim_tlbi_all,
	.tlbi_asid = sim_tlbi_asid,
	.tlbi_mva = sim_tlbi_mva,
	.tlbi_mvaa = sim_tlbi_mvaa,
};

const struct amv_port_ops ssim_port_ops = {
	.read_phys32 = sim_read32,
	.write_phys32 = sim_write32,
	.ram_ptr = sim_ram_ptr,
	.host_pa = sim_host_pa,
	.set_host_mmu = sim_set_host_mmu,
	.tlbi_all = sim_tlbi_all,
	.tlbi_asid = sim_tlbi_asid,
	.tlbi_mva = sim_tlbi_mva,
	.tlbi_mvaa = sim_tlbi_mvaa,
};

/* Host memory as the host MMU sees it: only the shadow pools. */
static int host_read32(void *ctx, uint64_t pa, uint32_t *val)
{
	struct ssim *s = ctx;
	uint64_t l1_end = SSIM_L1_HPA + s->st.n_l1 * sizeof(s->st.l1[0]);
	uint64_t l2_end = SSIM_L2_HPA + s->st.n_l2 * sizeof(s->st.l2[0]);

	if (pa >= SSIM_L1_HPA && pa < l1_end) {
		*val = s->par.incoherent ? s->view_l1[(pa - SSIM_L1_HPA) / 4]
					 : s->st.l1[0].e[(pa - SSIM_L1_HPA) / 4];
		return 0;
	}
	if (pa >= SSIM_L2_HPA && pa < l2_end) {
		*val = s->par.incoherent ? s->view_l2[(pa - SSIM_L2_HPA) / 4]
					 : s->st.l2[0].e[(pa - SSIM_L2_HPA) / 4];
		return 0;
	}
	return -AMV_EFAULT;
}

static const struct amv_port_ops host_ops = {.read_phys32 = host_read32};

/* A TLB hit replays the cached descriptors through the walker. */
struct replay {
	const struct ssim_tlb *e;
	unsigned int next;
};

static int replay_read32(void *ctx, uint64_t pa, uint32_t *val)
{
	struct replay *r = ctx;

	(void)pa;
	if (r->next >= r->e->ndesc)
		return -AMV_EFAULT;
	*val = r->e->desc[r->next++];
	return 0;
}

static const struct amv_port_ops replay_ops = {.read_phys32 = replay_read32};

/* ------------------------------------------------------------------ */
/* Set-up                                                              */

uint32_t *ssim_word(struct ssim *s, uint64_t gpa)
{
	if (gpa - SSIM_RAM0_GPA < SSIM_RAM0_SIZE)
		return &s->ram0[(gpa - SSIM_RAM0_GPA) / 4];
	if (gpa - SSIM_RAM1_GPA < SSIM_RAM1_SIZE)
		return &s->ram1[(gpa - SSIM_RAM1_GPA) / 4];
	return NULL;
}

int ssim_init(struct ssim *s, const struct ssim_params *par)
{
	struct amv_shadow_config cfg;
	uint32_t reserved[AMV_ASID_COUNT / 32] = {1u}; /* ASID 0: monitor */
	void *l1 = NULL, *l2 = NULL;
	int rc;

	memset(s, 0, sizeof(*s));
	s->par = *par;
	prng_seed(&s->rng, (uint32_t)par->seed ^ 0x5eed);
	s->ram0 = calloc(SSIM_RAM0_SIZE / 4, 4);
	s->ram1 = calloc(SSIM_RAM1_SIZE / 4, 4);
	s->st.n_l1 = par->n_l1;
	s->st.n_l2 = par->n_l2;
	s->st.n_rmap = par->n_rmap;
	if (posix_memalign(&l1, 16384, par->n_l1 * sizeof(s->st.l1[0])) ||
	    posix_memalign(&l2, 1024, par->n_l2 * sizeof(s->st.l2[0]))) {
		fprintf(stderr, "shadowsim: out of memory\n");
		return -1;
	}
	s->st.l1 = l1;
	s->st.l2 = l2;
	/* Stale until cleaned: garbage a walk must never rely on. */
	s->view_l1 = malloc(par->n_l1 * sizeof(s->st.l1[0]));
	s->view_l2 = malloc(par->n_l2 * sizeof(s->st.l2[0]));
	if (!s->view_l1 || !s->view_l2) {
		fprintf(stderr, "shadowsim: out of memory\n");
		return -1;
	}
	memset(s->view_l1, 0xa5, par->n_l1 * sizeof(s->st.l1[0]));
	memset(s->view_l2, 0xa5, par->n_l2 * sizeof(s->st.l2[0]));
	s->st.as = calloc(par->n_l1, sizeof(s->st.as[0]));
	s->st.l2i = calloc(par->n_l2, sizeof(s->st.l2i[0]));
	s->st.rmap = calloc(par->n_rmap ? par->n_rmap : 1, sizeof(s->st.rmap[0]));
	s->st.wp = calloc(par->n_rmap ? par->n_rmap : 1, sizeof(s->st.wp[0]));
	if (!s->ram0 || !s->ram1 || !s->st.l1 || !s->st.as || !s->st.l2 ||
	    !s->st.l2i || !s->st.rmap || !s->st.wp) {
		fprintf(stderr, "shadowsim: out of memory\n");
		return -1;
	}
	testmem_init(&s->gmem);
	testmem_add(&s->gmem, SSIM_RAM0_GPA, s->ram0, SSIM_RAM0_SIZE / 4);
	testmem_add(&s->gmem, SSIM_RAM1_GPA, s->ram1, SSIM_RAM1_SIZE / 4);
	testmem_add_error(&s->gmem, SSIM_MMIO_GPA, SSIM_MMIO_SIZE, -AMV_EIO);
	testmem_add_error(&s->gmem, SSIM_HOLE_LO, SSIM_HOLE_HI - SSIM_HOLE_LO,
			  -AMV_EFAULT);

	s->regions[0] = (struct amv_vm_region){SSIM_RAM0_GPA, SSIM_RAM0_SIZE,
					       SSIM_RAM0_HPA, AMV_REGION_RAM};
	s->regions[1] = (struct amv_vm_region){SSIM_RAM1_GPA, SSIM_RAM1_SIZE,
					       SSIM_RAM1_HPA, AMV_REGION_RAM};
	s->regions[2] = (struct amv_vm_region){SSIM_MMIO_GPA, SSIM_MMIO_SIZE, 0,
					       AMV_REGION_MMIO};
	/* The monitor's section: PL1 read/write only (AP = 0b001), global. */
	s->window_l1[0] = SSIM_MON_HPA | AMV_L1_TYPE_SECTION | AMV_L1_XN |
			  (1u << AMV_L1_AP01_SHIFT) |
			  (SSIM_MON_DOMAIN << AMV_L1_DOMAIN_SHIFT);

	if (amv_asid_init(&s->asids, reserved) != 0)
		return -1;
	memset(&cfg, 0, sizeof(cfg));
	cfg.port.ops = par->incoherent ? &ssim_port_ops_incoherent
				       : &ssim_port_ops;
	cfg.port.ctx = s;
	cfg.asids = &s->asids;
	cfg.storage = &s->st;
	cfg.regions = s->regions;
	cfg.n_regions = 3;
	cfg.window_base = SSIM_WINDOW_VA;
	cfg.window_size = SSIM_WINDOW_SIZE;
	cfg.window_l1 = s->window_l1;
	cfg.monitor_domains = 1u << SSIM_MON_DOMAIN;
	cfg.monitor_dacr = AMV_DACR_CLIENT << (2 * SSIM_MON_DOMAIN);
	cfg.regime_flags = par->regime_flags;
	cfg.sync = par->sync;
	rc = amv_shadow_init(&s->vm, &cfg);
	if (rc != 0) {
		fprintf(stderr, "shadowsim: amv_shadow_init: %s\n",
			amv_strerror(rc));
		return -1;
	}
	return 0;
}

void ssim_fini(struct ssim *s)
{
	free(s->ram0);
	free(s->ram1);
	free(s->st.l1);
	free(s->st.as);
	free(s->st.l2);
	free(s->view_l1);
	free(s->view_l2);
	free(s->st.l2i);
	free(s->st.rmap);
	free(s->st.wp);
}

/* ------------------------------------------------------------------ */
/* Accesses                                                            */

static void host_regime(const struct ssim *s, struct amv_regime *r)
{
	memset(r, 0, sizeof(*r));
	r->sctlr = AMV_SCTLR_M | AMV_SCTLR_XP;
	r->ttbr0 = s->ttbr0;
	r->dacr = s->dacr;
	r->contextidr = s->contextidr;
	r->flags = AMV_REGIME_NONSECURE | AMV_REGIME_NO_SECEXT;
}

/* One host access at PL0: through the TLB model, else a walk that may
 * fill it. Walks that found a descriptor are cached even if the access
 * faults on the domain or permissions, as a real TLB may. */
int ssim_host_access(struct ssim *s, uint32_t va, unsigned int kind,
		     struct amv_xlat *x, struct amv_fault *f)
{
	struct amv_regime r;
	struct amv_port p;
	uint8_t asid = (uint8_t)s->contextidr;
	int rc;

	host_regime(s, &r);
	if (s->par.tlb) {
		for (unsigned int i = 0; i < SSIM_TLB_ENTRIES; i++) {
			struct ssim_tlb *e = &s->tlb[i];
			struct replay rp = {e, 0};

			if (!tlb_covers(e, va) || (!e->global && e->asid != asid))
				continue;
			p.ops = &replay_ops;
			p.ctx = &rp;
			s->tlb_hits++;
			return amv_walk(&r, &p, va, kind | AMV_ACC_USER, x, f);
		}
	}
	p.ops = &host_ops;
	p.ctx = s;
	s->host_walks++;
	rc = amv_walk(&r, &p, va, kind | AMV_ACC_USER, x, f);
	if (s->par.tlb &&
	    (rc == AMV_WALK_OK || (rc == AMV_WALK_FAULT &&
				   (f->type == AMV_FAULT_DOMAIN ||
				    f->type == AMV_FAULT_PERMISSION)))) {
		struct ssim_tlb *e = &s->tlb[prng_below(&s->rng,
							SSIM_TLB_ENTRIES)];

		e->valid = true;
		e->asid = asid;
		e->size = x->size;
		e->va = va & ~(x->size - 1u);
		e->global = !(x->flags & AMV_XLAT_NG) ||
			    (s->par.tlb_global_tmpl &&
			     x->desc[0] == s->vm.st.l1[s->vm.tmpl].e[va >> 20]);
		e->desc[0] = x->desc[0];
		e->desc[1] = x->desc[1];
		e->ndesc = x->level;
	}
	return rc;
}

void ssim_expect(struct ssim *s, uint32_t va, unsigned int kind, bool user,
		 struct ssim_out *o)
{
	struct amv_port p = {&ssim_port_ops, s};
	struct amv_xlat x;
	int rc;

	memset(o, 0, sizeof(*o));
	rc = amv_walk(&s->vm.g, &p, va, kind | (user ? AMV_ACC_USER : 0u), &x,
		      &o->f);
	if (rc == AMV_WALK_FAULT) {
		o->kind = SSIM_FAULT;
		return;
	}
	o->gpa = x.pa;
	o->attr = x.attr;
	o->mmu_off = x.kind == AMV_MAP_FLAT;
	o->fetch = kind == AMV_ACC_FETCH;
	if (va - SSIM_WINDOW_VA < SSIM_WINDOW_SIZE) {
		o->kind = SSIM_WINDOW;
		return;
	}
	for (unsigned int i = 0; i < 3; i++) {
		const struct amv_vm_region *r = &s->regions[i];

		if (x.pa - r->gpa >= r->size)
			continue;
		if (r->kind == AMV_REGION_MMIO) {
			o->kind = SSIM_MMIO;
			return;
		}
		o->kind = SSIM_OK;
		o->hpa = r->hpa + (uint32_t)(x.pa - r->gpa);
		return;
	}
	/* Nothing answers: a synchronous external abort (shadow.h). */
	o->kind = SSIM_FAULT;
	o->f.addr = va;
	o->f.type = AMV_FAULT_EXT_ABORT;
	o->f.flags = kind == AMV_ACC_WRITE   ? AMV_FAULT_F_WRITE
		     : kind == AMV_ACC_FETCH ? AMV_FAULT_F_PREFETCH
					     : 0u;
}

int ssim_run(struct ssim *s, uint32_t va, unsigned int kind,
	     struct ssim_out *o)
{
	struct amv_shadow_result res;
	struct amv_xlat x;
	struct amv_fault f;

	memset(o, 0, sizeof(*o));
	o->fetch = kind == AMV_ACC_FETCH;
	for (int exits = 0; exits < 6; exits++) {
		int rc = ssim_host_access(s, va, kind, &x, &f);

		if (rc == AMV_WALK_OK) {
			o->kind = SSIM_OK;
			o->hpa = (uint32_t)x.pa;
			o->attr = x.attr;
			return exits;
		}
		if (rc < 0) {
			fprintf(stderr, "shadowsim: host walk: %s\n",
				amv_strerror(rc));
			return -1;
		}
		s->exits++;
		rc = amv_shadow_fault(&s->vm, va, kind, &res);
		if (exits >= 3 && getenv("SSIM_DEBUG")) {
			fprintf(stderr, "  loop %d: host fault type %u level %u dom %u, "
				"shadow %d\n", exits, f.type, f.level, f.domain, rc);
			ssim_debug_va(s, va);
		}
		switch (rc) {
		case AMV_SHADOW_FILLED:
			continue;
		case AMV_SHADOW_INJECT:
			o->kind = SSIM_FAULT;
			o->f = res.fault;
			return exits + 1;
		case AMV_SHADOW_MMIO:
			o->kind = SSIM_MMIO;
			o->gpa = res.gpa;
			return exits + 1;
		case AMV_SHADOW_WP:
			o->kind = SSIM_WP;
			o->gpa = res.gpa;
			return exits + 1;
		case AMV_SHADOW_WINDOW:
			o->kind = SSIM_WINDOW;
			o->gpa = res.gpa;
			return exits + 1;
		default:
			fprintf(stderr, "shadowsim: amv_shadow_fault: %d\n", rc);
			return -1;
		}
	}
	return -1;
}

/* The documented attribute change: no Inner Shareable in the host's TEX
 * remap off encoding (shadow.h). */
static struct amv_memattr host_view(struct amv_memattr a)
{
	if (a.share == AMV_SH_INNER)
		a.share = AMV_SH_OUTER;
	if (a.type != AMV_MT_NORMAL) {
		a.inner = a.outer = AMV_CACHE_NC;
		if (a.type == AMV_MT_STRONGLY_ORDERED)
			a.share = AMV_SH_OUTER;
	}
	return a;
}

bool ssim_same(const struct ssim_out *a, const struct ssim_out *b, char *why,
	       size_t n)
{
	uint32_t fa = 0, fb = 0;
	struct amv_memattr ea;

	if (a->kind == SSIM_OK && b->kind == SSIM_WP) {
		if (a->gpa == b->gpa)
			return true;
		snprintf(why, n, "write-protect exit for the wrong address");
		return false;
	}
	if (a->kind != b->kind) {
		snprintf(why, n, "outcome differs");
		return false;
	}
	switch (a->kind) {
	case SSIM_FAULT:
		amv_fault_fsr(&a->f, &fa);
		amv_fault_fsr(&b->f, &fb);
		if (fa != fb || a->f.addr != b->f.addr || a->f.flags != b->f.flags) {
			snprintf(why, n, "fault differs: FSR %#x vs %#x", fa, fb);
			return false;
		}
		return true;
	case SSIM_OK:
		if (a->hpa != b->hpa) {
			snprintf(why, n, "host PA differs");
			return false;
		}
		/* MMU off: one host entry cannot hold the Normal attributes of
		 * fetches and the Strongly-ordered ones of data (B3.2.1); the
		 * shadow uses the data attributes. */
		if (a->mmu_off && a->fetch)
			return true;
		ea = host_view(a->attr);
		if (memcmp(&ea, &b->attr, sizeof(ea)) != 0) {
			snprintf(why, n,
				 "attributes differ: type %u in %u out %u sh %u vs "
				 "%u %u %u %u",
				 ea.type, ea.inner, ea.outer, ea.share, b->attr.type,
				 b->attr.inner, b->attr.outer, b->attr.share);
			return false;
		}
		return true;
	default:
		if (a->gpa != b->gpa) {
			snprintf(why, n, "exit address differs");
			return false;
		}
		return true;
	}
}

void ssim_print_out(const char *tag, const struct ssim_out *o)
{
	static const char *const names[] = {"ok", "fault", "mmio", "wp",
					    "window"};
	uint32_t fsr = 0;

	amv_fault_fsr(&o->f, &fsr);
	fprintf(stderr,
		"  %s: %s gpa %#llx hpa %#x fsr %#x far %#x attr %u/%u/%u/%u\n",
		tag, names[o->kind], (unsigned long long)o->gpa, o->hpa, fsr,
		o->f.addr, o->attr.type, o->attr.inner, o->attr.outer,
		o->attr.share);
}

/* ------------------------------------------------------------------ */
/* Invariants                                                          */

/* Whether a host entry's TEX:C:B (TEX remap off) is reserved or
 * IMPLEMENTATION DEFINED: UNPREDICTABLE on real hardware (B3.8.2). */
static bool reserved_attr(unsigned int tex, uint32_t c, uint32_t b)
{
	struct amv_regime r;
	struct amv_memattr a;

	memset(&r, 0, sizeof(r));
	r.sctlr = AMV_SCTLR_M | AMV_SCTLR_XP;
	return amv_walk_decode_attr(&r, tex, c != 0, b != 0, 0, &a);
}

static bool in_ram_host(const struct ssim *s, uint64_t lo, uint64_t size)
{
	for (unsigned int i = 0; i < 3; i++) {
		const struct amv_vm_region *r = &s->regions[i];

		if (r->kind == AMV_REGION_RAM && lo >= r->hpa &&
		    lo + size <= (uint64_t)r->hpa + r->size)
			return true;
	}
	return false;
}

int ssim_check_isolation(struct ssim *s, char *why, size_t n)
{
	const uint32_t win = SSIM_WINDOW_VA >> 20;

	for (unsigned int a = 0; a < s->st.n_l1; a++) {
		const uint32_t *l1 = s->st.l1[a].e;

		if (s->st.as[a].state == 0) /* free */
			continue;
		for (uint32_t i = 0; i < 4096; i++) {
			uint32_t d = l1[i], l2pa;

			if (i == win) {
				if (d != s->window_l1[0]) {
					snprintf(why, n, "L1 %u: window entry changed",
						 a);
					return -1;
				}
				continue;
			}
			switch (d & AMV_L1_TYPE_MASK) {
			case AMV_L1_TYPE_FAULT:
				if (d != 0) {
					snprintf(why, n, "L1 %u[%u]: junk %#x", a,
						 i, d);
					return -1;
				}
				continue;
			case AMV_L1_TYPE_SECTION:
				if ((d & AMV_L1_SUPER) || !(d & AMV_L1_NG) ||
				    reserved_attr((d >> AMV_L1_TEX_SHIFT) & 7u,
						  d & AMV_L1_C, d & AMV_L1_B) ||
				    !in_ram_host(s, d & AMV_L1_SECTION_BASE_MASK,
						 AMV_SECTION_SIZE)) {
					snprintf(why, n,
						 "L1 %u[%u]: section %#x maps outside "
						 "guest RAM, is global or has "
						 "reserved attributes",
						 a, i, d);
					return -1;
				}
				continue;
			case AMV_L1_TYPE_TABLE:
				l2pa = d & AMV_L1_TABLE_BASE_MASK;
				if (l2pa < SSIM_L2_HPA ||
				    l2pa >= SSIM_L2_HPA + s->st.n_l2 * 1024u) {
					snprintf(why, n,
						 "L1 %u[%u]: table %#x outside the pool",
						 a, i, d);
					return -1;
				}
				for (unsigned int k = 0; k < 256; k++) {
					uint32_t e = s->st.l2[(l2pa - SSIM_L2_HPA) /
							      1024u]
							     .e[k];

					if (e == 0)
						continue;
					if (!(e & AMV_L2_SMALL) || !(e & AMV_L2_NG) ||
					    reserved_attr((e >> AMV_L2_SMALL_TEX_SHIFT) &
								  7u,
							  e & AMV_L2_C,
							  e & AMV_L2_B) ||
					    !in_ram_host(s,
							 e & AMV_L2_SMALL_BASE_MASK,
							 AMV_SMALL_PAGE_SIZE)) {
						snprintf(why, n,
							 "L1 %u[%u] L2[%u]: %#x maps "
							 "outside guest RAM, is large, "
							 "global or has reserved "
							 "attributes",
							 a, i, k, e);
						return -1;
					}
				}
				continue;
			default:
				snprintf(why, n, "L1 %u[%u]: type 3 entry %#x", a, i,
					 d);
				return -1;
			}
		}
	}
	return 0;
}

static bool writable(uint32_t dacr_k, uint32_t dacr_u, unsigned int dom,
		     unsigned int ap01)
{
	unsigned int fk = AMV_DACR_FIELD(dacr_k, dom);
	unsigned int fu = AMV_DACR_FIELD(dacr_u, dom);

	return fk == AMV_DACR_MANAGER || fu == AMV_DACR_MANAGER ||
	       ((fk == AMV_DACR_CLIENT || fu == AMV_DACR_CLIENT) && ap01 == 3);
}

/* The host page backing guest RAM at @gpa (page-aligned), false if none. */
static bool host_page_of(const struct ssim *s, uint64_t gpa, uint32_t *hpa)
{
	for (unsigned int i = 0; i < 3; i++) {
		const struct amv_vm_region *r = &s->regions[i];

		if (r->kind == AMV_REGION_RAM && gpa - r->gpa < r->size) {
			*hpa = (r->hpa + (uint32_t)(gpa - r->gpa)) & ~0xfffu;
			return true;
		}
	}
	return false;
}

/* Calls @fn(ctx, base, size) for every host mapping (section or small
 * page) some shadow entry lets the guest write in either virtual mode;
 * stops early when @fn returns true, and returns whether it did. */
static bool each_writable(struct ssim *s,
			  bool (*fn)(void *ctx, uint32_t base, uint32_t size),
			  void *ctx)
{
	uint32_t dk = amv_domain_dacr(&s->vm.dom, s->vm.g.dacr, true);
	uint32_t du = amv_domain_dacr(&s->vm.dom, s->vm.g.dacr, false);

	for (unsigned int a = 0; a < s->st.n_l1; a++) {
		const uint32_t *l1 = s->st.l1[a].e;

		if (s->st.as[a].state == 0)
			continue;
		for (uint32_t i = 0; i < 4096; i++) {
			uint32_t d = l1[i];
			unsigned int dom = (d >> AMV_L1_DOMAIN_SHIFT) & 15u;

			if (i == SSIM_WINDOW_VA >> 20)
				continue;
			if ((d & AMV_L1_TYPE_MASK) == AMV_L1_TYPE_SECTION &&
			    writable(dk, du, dom, (d >> AMV_L1_AP01_SHIFT) & 3u) &&
			    fn(ctx, d & AMV_L1_SECTION_BASE_MASK, AMV_SECTION_SIZE))
				return true;
			if ((d & AMV_L1_TYPE_MASK) != AMV_L1_TYPE_TABLE)
				continue;
			for (unsigned int k = 0; k < 256; k++) {
				uint32_t e = s->st.l2[((d & AMV_L1_TABLE_BASE_MASK) -
						       SSIM_L2_HPA) /
						      1024u]
						     .e[k];

				if (e != 0 &&
				    writable(dk, du, dom,
					     (e >> AMV_L2_AP01_SHIFT) & 3u) &&
				    fn(ctx, e & AMV_L2_SMALL_BASE_MASK,
				       AMV_SMALL_PAGE_SIZE))
					return true;
			}
		}
	}
	return false;
}

static bool covers(void *ctx, uint32_t base, uint32_t size)
{
	return *(const uint32_t *)ctx - base < size;
}

bool ssim_page_writable(struct ssim *s, uint64_t gpa)
{
	uint32_t hpa;

	return host_page_of(s, gpa, &hpa) && each_writable(s, covers, &hpa);
}

int ssim_store_desc(struct ssim *s, uint64_t gpa, uint32_t val)
{
	uint32_t *w = ssim_word(s, gpa);
	uint32_t args[4] = {AMV_HC_SET_PTE, (uint32_t)gpa, val, 0};

	if (w == NULL)
		return -AMV_EFAULT;
	switch (s->par.sync) {
	case AMV_SYNC_TLB:
		*w = val;
		return 0;
	case AMV_SYNC_WP:
		if (ssim_page_writable(s, gpa)) {
			*w = val;
			return 0;
		}
		return amv_shadow_wp_write(&s->vm, gpa, val, 4);
	default:
		return amv_shadow_hypercall(&s->vm, args);
	}
}

void ssim_debug_va(struct ssim *s, uint32_t va)
{
	const struct amv_shadow_vm *vm = &s->vm;
	uint32_t d = vm->st.l1[vm->cur].e[va >> 20];
	unsigned int h = (d >> 5) & 15u, gd = 99, cls = 99;
	struct amv_port p = {&ssim_port_ops, s};
	struct amv_xlat x;
	struct amv_fault f;
	int rc;

	amv_domain_pair(&vm->dom, h, &gd, &cls);
	fprintf(stderr,
		"  debug va %#x: cur AS %d (tmpl %d) meta %#x L1 %#x host dom %u "
		"-> gdom %u class %u; host DACR %#x guest DACR %#x kernel %d\n",
		va, vm->cur, vm->tmpl, vm->st.as[vm->cur].meta[va >> 20], d, h,
		gd, cls, s->dacr, vm->g.dacr, vm->kernel);
	if ((d & 3u) == 1u) {
		uint32_t l2 = ((d & ~0x3ffu) - SSIM_L2_HPA) / 1024u;

		fprintf(stderr, "  L2 %u owner %d slot %u: e %#x meta %#x\n", l2,
			vm->st.l2i[l2].owner, vm->st.l2i[l2].slot,
			vm->st.l2[l2].e[(va >> 12) & 255u],
			vm->st.l2i[l2].meta[(va >> 12) & 255u]);
	}
	for (unsigned int i = 0; i < SSIM_TLB_ENTRIES; i++)
		if (s->tlb[i].valid && va - s->tlb[i].va < s->tlb[i].size)
			fprintf(stderr, "  TLB: asid %u va %#x size %#x desc %#x %#x\n",
				s->tlb[i].asid, s->tlb[i].va, s->tlb[i].size,
				s->tlb[i].desc[0], s->tlb[i].desc[1]);
	fprintf(stderr, "  guest: sctlr %#x ttbcr %#x ttbr0 %#x ttbr1 %#x ctx %#x\n",
		vm->g.sctlr, vm->g.ttbcr, vm->g.ttbr0, vm->g.ttbr1,
		vm->g.contextidr);
	rc = amv_walk(&vm->g, &p, va, AMV_ACC_READ, &x, &f);
	fprintf(stderr,
		"  guest walk (PL1 read): rc %d level %u desc %#x %#x at %#x %#x ap %u "
		"dom %u perm %#x/%#x flags %#x\n",
		rc, x.level, x.desc[0], x.desc[1], x.desc_pa[0], x.desc_pa[1], x.ap,
		x.domain, x.perm_pl1, x.perm_pl0, x.flags);
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

struct page_list {
	uint32_t *pages;
	size_t n, max;
};

/* Small pages only: there are no host sections under AMV_SYNC_WP. */
static bool collect(void *ctx, uint32_t base, uint32_t size)
{
	struct page_list *l = ctx;

	if (size == AMV_SMALL_PAGE_SIZE && l->n < l->max)
		l->pages[l->n++] = base;
	return false;
}

int ssim_check_wp(struct ssim *s, char *why, size_t n)
{
	static uint32_t pages[16 * 4096 + 64 * 256];
	struct page_list l = {pages, 0, sizeof(pages) / sizeof(pages[0])};

	if (s->par.sync != AMV_SYNC_WP)
		return 0;
	/* Every host page some entry lets the guest write, in either mode. */
	each_writable(s, collect, &l);
	qsort(pages, l.n, sizeof(pages[0]), cmp_u32);
	/* No page holding a descriptor a shadow entry was derived from is
	 * among them: the pages come from the reverse map's records (not
	 * from the library's own set of watched pages). */
	for (unsigned int i = 0; i < s->st.n_rmap; i++) {
		uint32_t desc = s->st.rmap[i].desc, gpa, hpa;

		if (desc == 0)
			continue;
		gpa = (desc - 1u) & ~0xfffu;
		if (host_page_of(s, gpa, &hpa) &&
		    bsearch(&hpa, pages, l.n, sizeof(pages[0]), cmp_u32)) {
			snprintf(why, n,
				 "guest table page %#x is writable in the shadow",
				 gpa);
			return -1;
		}
	}
	return 0;
}
