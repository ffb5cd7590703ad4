/* SPDX-License-Identifier: BSD-2-Clause */
#include <amv/amv_env.h>
#include <amv/cp15.h>
#include <amv/desc.h>
#include <amv/error.h>
#include <amv/shadow.h>

#include "attr.h"

/* amv_shadow_as::state */
#define AS_FREE 0u
#define AS_LIVE 1u /* a guest TTBR0 + ASID */
#define AS_FLAT 2u /* the guest's MMU-off mapping */
#define AS_TMPL 3u /* the TTBR1 template; never loaded into the host */

/* Per-entry metadata (amv_shadow_as::meta, amv_shadow_l2info::meta): how a
 * valid host entry was derived, so TLB maintenance can find every entry of
 * one guest translation (a guest section may be shadowed by 256 pages). */
#define M_SIZE_MASK 0x3u
#define M_SMALL 0u
#define M_LARGE 1u
#define M_SECTION 2u /* also the MMU-off mapping */
#define M_SUPER 3u
#define M_GLOBAL 0x4u /* the guest translation was global (nG = 0) */
#define M_VALID 0x8u
#define M_TABLE 0x10u  /* L1 only: points to an L2 table */
#define M_SHARED 0x20u /* L1 only: a copy of the template's entry */

#define NO_AS (-1)
#define SLOTS 4096u
#define SLOT(va) ((va) >> 20)

/* Host descriptors: TEX remap and access flag off (B3.8.2, B3.7.1), PL0
 * permissions in AP[1:0] with AP[2] = 0, always not-global. */
#define H_L1_SECTION (AMV_L1_TYPE_SECTION | AMV_L1_NG)
#define H_L2_SMALL (AMV_L2_SMALL | AMV_L2_NG)

static inline uint32_t *l1_of(const struct amv_shadow_vm *vm, int as)
{
	return vm->st.l1[as].e;
}

static inline bool in_window(const struct amv_shadow_vm *vm, uint32_t va)
{
	return va - vm->cfg.window_base < vm->cfg.window_size;
}

static inline bool is_l1_table(uint32_t d)
{
	return (d & AMV_L1_TYPE_MASK) == AMV_L1_TYPE_TABLE;
}

/* Index of the pool L2 table a host page-table descriptor points to. */
static int l2_index(const struct amv_shadow_vm *vm, uint32_t l1d)
{
	return (int)(((l1d & AMV_L1_TABLE_BASE_MASK) - vm->l2_pa) /
		     AMV_L2_TABLE_SIZE);
}

/* ------------------------------------------------------------------ */
/* Host TLB maintenance                                                */

static bool host_asid(const struct amv_shadow_vm *vm, int as, uint8_t *asid)
{
	const struct amv_shadow_as *a = &vm->st.as[as];

	/* An ASID from an older generation has no TLB entries left: the
	 * rollover that retired it invalidated the whole TLB. */
	if (!amv_asid_valid(vm->cfg.asids, &a->hasid))
		return false;
	*asid = a->hasid.asid;
	return true;
}

/* Entries of the template are reached through every address space's L1
 * and cached under each one's ASID. */
static void tlbi_va(struct amv_shadow_vm *vm, int as, uint32_t va)
{
	const struct amv_port *p = &vm->cfg.port;
	uint8_t asid;

	if (vm->st.as[as].state == AS_TMPL) {
		p->ops->tlbi_mvaa(p->ctx, va);
		vm->stats.host_tlbi++;
	} else if (host_asid(vm, as, &asid)) {
		p->ops->tlbi_mva(p->ctx, va, asid);
		vm->stats.host_tlbi++;
	}
}

static void tlbi_as(struct amv_shadow_vm *vm, int as)
{
	const struct amv_port *p = &vm->cfg.port;
	uint8_t asid;

	if (host_asid(vm, as, &asid)) {
		p->ops->tlbi_asid(p->ctx, asid);
		vm->stats.host_tlbi++;
	}
}

/* Slot metadata, with the address space's bitmap of slots in use (so
 * TLBIASID and flushes visit only those) and its supersection flag. */
static void set_meta(struct amv_shadow_vm *vm, int as, unsigned int s,
		     unsigned int m)
{
	struct amv_shadow_as *a = &vm->st.as[as];

	a->meta[s] = (uint8_t)m;
	if (m != 0)
		a->used[s / 32u] |= 1u << (s % 32u);
	else
		a->used[s / 32u] &= ~(1u << (s % 32u));
	if ((m & (M_VALID | M_SIZE_MASK)) == (M_VALID | M_SUPER))
		a->has_super = 1;
}

/* The next slot in use at or after @s, SLOTS if none. */
static unsigned int next_used(const struct amv_shadow_as *a, unsigned int s)
{
	while (s < SLOTS) {
		uint32_t w = a->used[s / 32u] >> (s % 32u);

		if (w != 0)
			return s + (unsigned int)__builtin_ctz(w);
		s = (s | 31u) + 1u;
	}
	return SLOTS;
}

/* ------------------------------------------------------------------ */
/* Writing shadow tables                                               */

/* Every write to a shadow table is followed by this, before any TLB
 * maintenance that depends on it (port.h, table_written). */
static inline void written(const struct amv_shadow_vm *vm, const void *p,
			   uint32_t len)
{
	const struct amv_port *port = &vm->cfg.port;

	if (port->ops->table_written != NULL)
		port->ops->table_written(port->ctx, p, len);
}

static inline void set_l1(struct amv_shadow_vm *vm, int as, unsigned int s,
			  uint32_t d)
{
	uint32_t *e = &l1_of(vm, as)[s];

	*e = d;
	written(vm, e, 4);
}

static inline void set_l2(struct amv_shadow_vm *vm, int l2, unsigned int i,
			  uint32_t d)
{
	uint32_t *e = &vm->st.l2[l2].e[i];

	*e = d;
	written(vm, e, 4);
}

/* ------------------------------------------------------------------ */
/* Dropping entries                                                    */

static void free_l2(struct amv_shadow_vm *vm, int l2)
{
	amv_memset(vm->st.l2[l2].e, 0, sizeof(vm->st.l2[l2].e));
	written(vm, vm->st.l2[l2].e, sizeof(vm->st.l2[l2].e));
	amv_memset(vm->st.l2i[l2].meta, 0, sizeof(vm->st.l2i[l2].meta));
	vm->st.l2i[l2].owner = NO_AS;
	vm->st.l2i[l2].sizes = 0;
}

static void drop_page(struct amv_shadow_vm *vm, int as, int l2, unsigned int i)
{
	uint32_t va = ((uint32_t)vm->st.l2i[l2].slot << 20) | (i << 12);

	set_l2(vm, l2, i, 0);
	vm->st.l2i[l2].meta[i] = 0;
	vm->stats.drops++;
	tlbi_va(vm, as, va);
}

/* Invalidate what address space @as may have cached through its copy @d
 * of the template's slot @s: every page of a shared L2 table (they are
 * tagged with this ASID) and the L1 entry itself (B3.10.1). */
static void tlbi_copy(struct amv_shadow_vm *vm, int as, unsigned int s,
		      uint32_t d)
{
	if (is_l1_table(d)) {
		const uint32_t *e = vm->st.l2[l2_index(vm, d)].e;

		for (unsigned int i = 0; i < AMV_L2_ENTRIES; i++)
			if (e[i] != 0)
				tlbi_va(vm, as, (s << 20) | (i << 12));
	}
	tlbi_va(vm, as, s << 20);
}

/* Clear slot @s of every address space whose entry is a copy of the
 * template's (the template's own entry is left to the caller). */
static void drop_copies(struct amv_shadow_vm *vm, unsigned int s, uint32_t d)
{
	for (unsigned int a = 0; a < vm->st.n_l1; a++) {
		struct amv_shadow_as *as = &vm->st.as[a];

		if (as->state != AS_LIVE || l1_of(vm, (int)a)[s] != d ||
		    !(as->meta[s] & M_SHARED))
			continue;
		set_l1(vm, (int)a, s, 0);
		set_meta(vm, (int)a, s, 0);
		tlbi_copy(vm, (int)a, s, d);
	}
}

/* Drop everything slot @s of @as maps (section, or L2 table and its pages). */
static void drop_slot(struct amv_shadow_vm *vm, int as, unsigned int s)
{
	struct amv_shadow_as *a = &vm->st.as[as];
	uint32_t d = l1_of(vm, as)[s];

	if (d == 0 || in_window(vm, s << 20))
		return;
	if (a->state == AS_TMPL)
		drop_copies(vm, s, d);
	set_l1(vm, as, s, 0);
	if ((a->meta[s] & M_TABLE) && !(a->meta[s] & M_SHARED)) {
		int l2 = l2_index(vm, d);

		for (unsigned int i = 0; i < AMV_L2_ENTRIES; i++)
			if (vm->st.l2[l2].e[i] != 0)
				drop_page(vm, as, l2, i);
		free_l2(vm, l2);
	} else if (!(a->meta[s] & M_SHARED)) {
		vm->stats.drops++;
	} else {
		tlbi_copy(vm, as, s, d);
	}
	set_meta(vm, as, s, 0);
	tlbi_va(vm, as, s << 20);
}

/* Every slot of @as outside the monitor window; the host TLB entries go
 * with one TLBIASID (the template's with TLBIALL by the caller). */
static void clear_as(struct amv_shadow_vm *vm, int as)
{
	uint32_t *l1 = l1_of(vm, as);
	struct amv_shadow_as *a = &vm->st.as[as];

	for (unsigned int s = next_used(a, 0); s < SLOTS;
	     s = next_used(a, s + 1u)) {
		if (in_window(vm, s << 20))
			continue;
		if ((a->meta[s] & M_TABLE) && !(a->meta[s] & M_SHARED)) {
			int l2 = l2_index(vm, l1[s]);

			for (unsigned int i = 0; i < AMV_L2_ENTRIES; i++)
				vm->stats.drops += vm->st.l2[l2].e[i] != 0;
			free_l2(vm, l2);
		} else if (!(a->meta[s] & M_SHARED)) {
			vm->stats.drops++;
		}
		set_l1(vm, as, s, 0);
		set_meta(vm, as, s, 0);
	}
	a->has_super = 0;
}

static void rmap_clear(struct amv_shadow_vm *vm)
{
	if (vm->st.n_rmap == 0)
		return;
	amv_memset(vm->st.rmap, 0, vm->st.n_rmap * sizeof(vm->st.rmap[0]));
	amv_memset(vm->st.wp, 0, vm->st.n_rmap * sizeof(vm->st.wp[0]));
	vm->rmap_used = 0;
}

static void program_host(struct amv_shadow_vm *vm, bool force);

/* Drop every shadow entry of the VM; address spaces and their host ASIDs
 * stay, so do the guest's regime and mode. */
static void flush_all(struct amv_shadow_vm *vm)
{
	const struct amv_port *p = &vm->cfg.port;

	for (unsigned int a = 0; a < vm->st.n_l1; a++)
		if (vm->st.as[a].state != AS_FREE)
			clear_as(vm, (int)a);
	rmap_clear(vm);
	amv_domain_reset(&vm->dom);
	vm->dacr_dirty = true;
	p->ops->tlbi_all(p->ctx);
	vm->stats.host_tlbi++;
	vm->stats.flushes++;
}

/* ------------------------------------------------------------------ */
/* Address spaces                                                      */

static void as_init(struct amv_shadow_vm *vm, int as, unsigned int state)
{
	struct amv_shadow_as *a = &vm->st.as[as];
	uint32_t *l1 = l1_of(vm, as);

	amv_memset(l1, 0, sizeof(vm->st.l1[0]));
	amv_memset(a->meta, 0, sizeof(a->meta));
	amv_memset(a->used, 0, sizeof(a->used));
	a->has_super = 0;
	for (uint32_t i = 0; i < vm->cfg.window_size >> 20; i++)
		l1[SLOT(vm->cfg.window_base) + i] = vm->cfg.window_l1[i];
	written(vm, l1, sizeof(vm->st.l1[0]));
	a->state = (uint8_t)state;
	a->stamp = ++vm->clock;
	amv_asid_ctx_init(&a->hasid);
}

/* Evict the least recently used address space other than the current
 * one and the template, and return its index. */
static int evict_as(struct amv_shadow_vm *vm)
{
	int victim = NO_AS;

	for (unsigned int a = 0; a < vm->st.n_l1; a++) {
		const struct amv_shadow_as *as = &vm->st.as[a];

		if ((int)a == vm->cur || (int)a == vm->tmpl)
			continue;
		if (victim == NO_AS || as->stamp < vm->st.as[victim].stamp)
			victim = (int)a;
	}
	clear_as(vm, victim);
	tlbi_as(vm, victim);
	(void)amv_asid_put(vm->cfg.asids, &vm->st.as[victim].hasid);
	vm->st.as[victim].state = AS_FREE;
	vm->stats.as_evictions++;
	return victim;
}

static bool key_matches(const struct amv_shadow_vm *vm, int as)
{
	const struct amv_shadow_as *a = &vm->st.as[as];

	if (!(vm->g.sctlr & AMV_SCTLR_M))
		return a->state == AS_FLAT;
	return a->state == AS_LIVE && a->ttbr0 == vm->g.ttbr0 &&
	       a->asid == (uint8_t)vm->g.contextidr;
}

/* Make the address space of the guest's current TTBR0/ASID (or MMU-off
 * mapping) current, creating it if it is not cached. */
static void switch_as(struct amv_shadow_vm *vm)
{
	int as = NO_AS;

	if (vm->cur != NO_AS && key_matches(vm, vm->cur))
		return;
	vm->stats.switches++;
	vm->cur = NO_AS; /* the one we leave may be evicted */
	for (unsigned int a = 0; a < vm->st.n_l1 && as == NO_AS; a++)
		if (key_matches(vm, (int)a))
			as = (int)a;
	if (as == NO_AS) {
		for (unsigned int a = 0; a < vm->st.n_l1 && as == NO_AS; a++)
			if (vm->st.as[a].state == AS_FREE)
				as = (int)a;
		if (as == NO_AS)
			as = evict_as(vm);
		as_init(vm, as,
			(vm->g.sctlr & AMV_SCTLR_M) ? AS_LIVE : AS_FLAT);
		vm->st.as[as].ttbr0 = vm->g.ttbr0;
		vm->st.as[as].asid = (uint8_t)vm->g.contextidr;
	}
	vm->cur = as;
	vm->st.as[as].stamp = ++vm->clock;
}

/* The host DACR for a virtual privilege. Both views are computed together
 * and kept until the host domains or the guest DACR change: a guest system
 * call and its return each switch views, and recomputing costs a pass over
 * the 16 domains. */
static uint32_t host_dacr(struct amv_shadow_vm *vm, bool kernel)
{
	if (vm->dacr_dirty || vm->dacr_guest != vm->g.dacr) {
		vm->dacr_view[0] = amv_domain_dacr(&vm->dom, vm->g.dacr, false);
		vm->dacr_view[1] = amv_domain_dacr(&vm->dom, vm->g.dacr, true);
		vm->dacr_guest = vm->g.dacr;
		vm->dacr_dirty = false;
	}
	return vm->dacr_view[kernel ? 1 : 0];
}

/* Hand the port the host TTBR0/CONTEXTIDR/DACR for the current state. */
static void program_host(struct amv_shadow_vm *vm, bool force)
{
	const struct amv_port *p = &vm->cfg.port;
	struct amv_shadow_as *a = &vm->st.as[vm->cur];
	uint32_t ttbr0, dacr;
	uint8_t asid;
	bool flush;

	(void)amv_asid_get(vm->cfg.asids, &a->hasid, &asid, &flush);
	if (flush) {
		p->ops->tlbi_all(p->ctx);
		vm->stats.host_tlbi++;
	}
	ttbr0 = (vm->l1_pa + (uint32_t)vm->cur * AMV_L1_TABLE_SIZE) |
		vm->cfg.ttbr_attr;
	dacr = host_dacr(vm, vm->kernel);
	if (force || flush || ttbr0 != vm->host_ttbr0 || asid != vm->host_ctx ||
	    dacr != vm->host_dacr) {
		vm->host_ttbr0 = ttbr0;
		vm->host_ctx = asid;
		vm->host_dacr = dacr;
		p->ops->set_host_mmu(p->ctx, ttbr0, asid, dacr);
	}
}

/* ------------------------------------------------------------------ */
/* Reverse map (AMV_SYNC_WP, AMV_SYNC_PV)                              */

static uint32_t hash32(uint32_t x)
{
	x ^= x >> 16;
	x *= 0x7feb352du;
	x ^= x >> 15;
	x *= 0x846ca68bu;
	x ^= x >> 16;
	return x;
}

/* Open addressing with linear probing; entries are only removed all at
 * once (rmap_clear), so no tombstones are needed. The table is kept at most
 * three quarters full. */
static bool rmap_full(const struct amv_shadow_vm *vm, uint32_t more)
{
	return vm->rmap_used + more > vm->st.n_rmap - vm->st.n_rmap / 4u;
}

static bool page_watched(const struct amv_shadow_vm *vm, uint64_t gpa)
{
	uint32_t mask = vm->st.n_rmap - 1u, key = (uint32_t)(gpa >> 12) + 1u;

	if (vm->st.n_rmap == 0 || (gpa >> 32) != 0)
		return false;
	for (uint32_t i = hash32(key) & mask;; i = (i + 1u) & mask) {
		if (vm->st.wp[i] == key)
			return true;
		if (vm->st.wp[i] == 0)
			return false;
	}
}

static int region_of(const struct amv_shadow_vm *vm, uint64_t gpa);

/* A guest page just became a table page: drop every shadow entry that
 * maps it, so it refills read-only (only 4 KiB entries exist under WP). */
static void protect_page(struct amv_shadow_vm *vm, uint32_t gpa)
{
	int r = region_of(vm, gpa);
	uint32_t hpa;

	if (r < 0 || vm->cfg.regions[r].kind != AMV_REGION_RAM)
		return;
	hpa = vm->cfg.regions[r].hpa + (uint32_t)(gpa - vm->cfg.regions[r].gpa);
	for (unsigned int l2 = 0; l2 < vm->st.n_l2; l2++) {
		int owner = vm->st.l2i[l2].owner;

		if (owner == NO_AS)
			continue;
		for (unsigned int i = 0; i < AMV_L2_ENTRIES; i++)
			if (vm->st.l2[l2].e[i] != 0 &&
			    (vm->st.l2[l2].e[i] & AMV_L2_SMALL_BASE_MASK) == hpa)
				drop_page(vm, owner, (int)l2, i);
	}
}

static void watch_page(struct amv_shadow_vm *vm, uint32_t gpa)
{
	uint32_t mask = vm->st.n_rmap - 1u, key = (gpa >> 12) + 1u, i;

	for (i = hash32(key) & mask; vm->st.wp[i] != 0; i = (i + 1u) & mask)
		if (vm->st.wp[i] == key)
			return;
	vm->st.wp[i] = key;
	protect_page(vm, gpa & ~0xfffu);
}

static void rmap_add(struct amv_shadow_vm *vm, uint32_t desc_pa, int as,
		     uint32_t va, unsigned int level)
{
	uint32_t mask = vm->st.n_rmap - 1u, key = desc_pa + 1u, i;
	struct amv_shadow_rmap *e;

	for (i = hash32(key) & mask; vm->st.rmap[i].desc != 0;
	     i = (i + 1u) & mask) {
		e = &vm->st.rmap[i];
		if (e->desc == key && e->as == (uint16_t)as && e->va == va &&
		    e->level == level)
			return;
	}
	e = &vm->st.rmap[i];
	e->desc = key;
	e->as = (uint16_t)as;
	e->va = va;
	e->level = (uint16_t)level;
	vm->rmap_used++;
	if (vm->cfg.sync == AMV_SYNC_WP)
		watch_page(vm, desc_pa);
}

/* WP and PV: the guest descriptors the entry for @va comes from. */
static void rmap_add_walk(struct amv_shadow_vm *vm, const struct amv_xlat *x,
			  int as, uint32_t va)
{
	rmap_add(vm, x->desc_pa[0], as, va & ~0xfffffu, 1);
	if (x->level == 2)
		rmap_add(vm, x->desc_pa[1], as, va & ~0xfffu, 2);
}

/* Whether the shadow entry a record stands for still exists (an entry
 * refilled from another descriptor keeps it: over-invalidation is safe). */
static bool rmap_live(const struct amv_shadow_vm *vm,
		      const struct amv_shadow_rmap *e)
{
	uint32_t d;

	if (e->as >= vm->st.n_l1 || vm->st.as[e->as].state == AS_FREE)
		return false;
	d = l1_of(vm, e->as)[SLOT(e->va)];
	if (d == 0)
		return false;
	if (e->level == 1 || !is_l1_table(d))
		return true;
	return vm->st.l2[l2_index(vm, d)].e[(e->va >> 12) & 0xffu] != 0;
}

/*
 * Records are not removed when their entries go (that would need the
 * descriptor address in every entry's metadata). When the map fills up,
 * the dead ones are dropped and the rest rehashed in place (linear probing
 * needs chains without holes); the watched pages are rebuilt from the
 * live records. Only a map that is still full drops the whole shadow.
 */
static void rmap_compact(struct amv_shadow_vm *vm)
{
	uint32_t mask = vm->st.n_rmap - 1u;

	vm->stats.rmap_compactions++;
	for (uint32_t i = 0; i < vm->st.n_rmap; i++)
		if (vm->st.rmap[i].desc != 0 && !rmap_live(vm, &vm->st.rmap[i])) {
			vm->st.rmap[i].desc = 0;
			vm->rmap_used--;
		}
	amv_memset(vm->st.wp, 0, vm->st.n_rmap * sizeof(vm->st.wp[0]));
	for (uint32_t i = 0; i < vm->st.n_rmap; i++) {
		struct amv_shadow_rmap e = vm->st.rmap[i];
		uint32_t j, key;

		if (e.desc == 0)
			continue;
		vm->st.rmap[i].desc = 0;
		for (j = hash32(e.desc) & mask; vm->st.rmap[j].desc != 0;
		     j = (j + 1u) & mask)
			;
		vm->st.rmap[j] = e;
		if (vm->cfg.sync != AMV_SYNC_WP)
			continue;
		key = ((e.desc - 1u) >> 12) + 1u;
		for (j = hash32(key) & mask; vm->st.wp[j] != 0 && vm->st.wp[j] != key;
		     j = (j + 1u) & mask)
			;
		vm->st.wp[j] = key;
	}
}

static void drop_va_page(struct amv_shadow_vm *vm, int as, uint32_t va);

/* The guest descriptor at @desc_pa changed: drop what was derived from it. */
static void rmap_drop(struct amv_shadow_vm *vm, uint32_t desc_pa)
{
	uint32_t mask = vm->st.n_rmap - 1u, key = desc_pa + 1u;

	if (vm->st.n_rmap == 0)
		return;
	for (uint32_t i = hash32(key) & mask; vm->st.rmap[i].desc != 0;
	     i = (i + 1u) & mask) {
		const struct amv_shadow_rmap *e = &vm->st.rmap[i];

		if (e->desc != key || vm->st.as[e->as].state == AS_FREE)
			continue;
		if (e->level == 1)
			drop_slot(vm, e->as, SLOT(e->va));
		else
			drop_va_page(vm, e->as, e->va);
	}
}

/* ------------------------------------------------------------------ */
/* Fill                                                                */

static int region_of(const struct amv_shadow_vm *vm, uint64_t gpa)
{
	const struct amv_vm_region *last = &vm->cfg.regions[vm->last_region];

	if (vm->cfg.n_regions != 0 && gpa - last->gpa < last->size)
		return (int)vm->last_region;
	for (unsigned int i = 0; i < vm->cfg.n_regions; i++) {
		const struct amv_vm_region *r = &vm->cfg.regions[i];

		if (gpa - r->gpa < r->size)
			return (int)i;
	}
	return -1;
}

/* PL1 and PL0 permissions in a Client domain by AP[2:0], XN and PXN
 * (B3.7.1 with AFE = 0; with AFE = 1 an installed entry has AP[0] = 1,
 * where both models agree; B3.7.2: fetches need read permission and no XN,
 * PXN is PL1 only). Packed PL1 in [2:0], PL0 in [6:4]. */
#define R_ AMV_PERM_R
#define RX_ (AMV_PERM_R | AMV_PERM_X)
#define RW_ (AMV_PERM_R | AMV_PERM_W)
#define RWX_ AMV_PERM_RWX
#define AP_(pl1x, pl1, pl0x, pl0) {pl1x | pl0x << 4, pl1 | pl0x << 4, pl1 | pl0 << 4}
static const uint8_t ap_client[8][3] = { /* [ap][XN ? 2 : PXN ? 1 : 0] */
	AP_(0, 0, 0, 0),           /* 000 no access */
	AP_(RWX_, RW_, 0, 0),      /* 001 PL1 RW */
	AP_(RWX_, RW_, RX_, R_),   /* 010 PL1 RW, PL0 RO */
	AP_(RWX_, RW_, RWX_, RW_), /* 011 full access */
	AP_(0, 0, 0, 0),           /* 100 reserved: no access */
	AP_(RX_, R_, 0, 0),        /* 101 PL1 RO */
	AP_(RX_, R_, RX_, R_),     /* 110 RO (deprecated) */
	AP_(RX_, R_, RX_, R_),     /* 111 RO */
};
#undef AP_
#undef R_
#undef RX_
#undef RW_
#undef RWX_

static void client_perms(const struct amv_xlat *x, unsigned int *cp1,
			 unsigned int *cp0)
{
	unsigned int p;

	if (x->kind == AMV_MAP_FLAT) {
		*cp1 = *cp0 = AMV_PERM_RWX;
		return;
	}
	p = ap_client[x->ap & 7u][(x->flags & AMV_XLAT_XN)    ? 2
				  : (x->flags & AMV_XLAT_PXN) ? 1
							      : 0];
	*cp1 = p & 7u;
	*cp0 = p >> 4;
}

/* TEX[2:0], C, B, S for the host's TEX remap off encoding (B3.8.2). */
static uint32_t host_attr(const struct amv_memattr *a, bool l1)
{
	unsigned int tex, cb, s = 0;

	switch (a->type) {
	case AMV_MT_NORMAL:
		tex = 4u | a->outer;
		cb = a->inner;
		s = a->share != AMV_SH_NONE; /* Inner Shareable -> Outer */
		break;
	case AMV_MT_DEVICE:
		tex = a->share == AMV_SH_NONE ? 2u : 0u;
		cb = a->share == AMV_SH_NONE ? 0u : 1u;
		break;
	default:
		tex = 0;
		cb = 0;
		break;
	}
	if (l1)
		return (tex << AMV_L1_TEX_SHIFT) | ((cb & 2u) ? AMV_L1_C : 0u) |
		       ((cb & 1u) ? AMV_L1_B : 0u) | (s ? AMV_L1_S : 0u);
	return (tex << AMV_L2_SMALL_TEX_SHIFT) | ((cb & 2u) ? AMV_L2_C : 0u) |
	       ((cb & 1u) ? AMV_L2_B : 0u) | (s ? AMV_L2_S : 0u);
}

/* Host AP[1:0] for PL0 permissions {0, R, RX, RW, RWX}: PL1 keeps at
 * least what PL0 has (B3.7.1). */
static uint32_t host_ap(unsigned int perm)
{
	/* by AMV_PERM_R | _W | _X: none, R, W (never), RW, X (never), RX,
	 * WX (never), RWX */
	static const uint8_t ap[8] = {1, 2, 3, 3, 1, 2, 3, 3};

	return ap[perm & 7u];
}

/* A host small page at @hpa granting @perm at PL0, attributes not yet
 * set. */
static uint32_t host_small(uint32_t hpa, unsigned int perm)
{
	return hpa | H_L2_SMALL | (host_ap(perm) << AMV_L2_AP01_SHIFT) |
	       ((perm & AMV_PERM_X) ? 0u : AMV_L2_SMALL_XN);
}

static int alloc_l2(struct amv_shadow_vm *vm)
{
	int victim = NO_AS;

	for (unsigned int i = 0; i < vm->st.n_l2; i++) {
		const struct amv_shadow_l2info *l = &vm->st.l2i[i];

		if (l->owner == NO_AS)
			return (int)i;
		/* The current address space's L2 tables are fair game: a
		 * retried access just faults again. */
		if (victim == NO_AS || l->stamp < vm->st.l2i[victim].stamp)
			victim = (int)i;
	}
	vm->stats.l2_evictions++;
	drop_slot(vm, vm->st.l2i[victim].owner, vm->st.l2i[victim].slot);
	return victim;
}

/* The host domain for a pair, starting a new domain generation (dropping
 * the whole shadow) when none is free. */
static unsigned int get_domain(struct amv_shadow_vm *vm, unsigned int gdom,
			       unsigned int cls)
{
	int h;

	if (!amv_domain_allocated(&vm->dom, gdom, cls))
		vm->dacr_dirty = true; /* a new pair: its DACR field changes */
	h = amv_domain_get(&vm->dom, gdom, cls);
	if (h < 0) {
		vm->stats.domain_generations++;
		flush_all(vm);
		h = amv_domain_get(&vm->dom, gdom, cls);
		AMV_ASSERT(h >= 0);
	}
	return (unsigned int)h;
}

static bool l2_empty(const struct amv_shadow_vm *vm, int l2)
{
	for (unsigned int i = 0; i < AMV_L2_ENTRIES; i++)
		if (vm->st.l2[l2].e[i] != 0)
			return false;
	return true;
}

struct fill {
	const struct amv_xlat *x;
	uint32_t va;
	uint32_t hpa;        /* host PA of the 4 KiB page of va */
	uint32_t hsec;       /* host PA of the 1 MiB section, if section_ok */
	bool section_ok;
	unsigned int gdom;
	unsigned int cp1, cp0;
	unsigned int wpcls;  /* AMV_DC_WP or 0 */
	uint8_t meta;
};

static void install_section(struct amv_shadow_vm *vm, int as,
			    const struct fill *f)
{
	unsigned int perm, cls = amv_domain_class(f->cp1, f->cp0, vm->kernel,
						  &perm) | f->wpcls;
	unsigned int h = get_domain(vm, f->gdom, cls);
	unsigned int s = SLOT(f->va);

	drop_slot(vm, as, s);
	set_l1(vm, as, s,
	       f->hsec | H_L1_SECTION | (host_ap(perm) << AMV_L1_AP01_SHIFT) |
		       (h << AMV_L1_DOMAIN_SHIFT) |
		       ((perm & AMV_PERM_X) ? 0u : AMV_L1_XN) |
		       host_attr(&f->x->attr, true));
	set_meta(vm, as, s, f->meta | M_VALID);
}

static void install_page(struct amv_shadow_vm *vm, int as,
			 const struct fill *f)
{
	unsigned int s = SLOT(f->va), i = (f->va >> 12) & 0xffu;
	unsigned int perm = 0, cls, h, gd = AMV_GDOM_COUNT, oc = 0;
	uint32_t d = l1_of(vm, as)[s], e;
	struct amv_shadow_as *a = &vm->st.as[as];
	int l2 = -1;

	if (d != 0 && (a->meta[s] & M_TABLE) && !(a->meta[s] & M_SHARED)) {
		l2 = l2_index(vm, d);
		(void)amv_domain_pair(&vm->dom, (d >> AMV_L1_DOMAIN_SHIFT) & 15u,
				      &gd, &oc);
		if (gd == f->gdom && (oc & AMV_DC_WP) == f->wpcls &&
		    amv_domain_fits(oc, f->cp1, f->cp0, vm->kernel, &perm))
			goto have_domain;
		/* A page that does not fit its slot's class: the slot takes
		 * the view of this mode, which every page fits, unless it
		 * holds nothing else (B3.5.1: the domain is a field of the
		 * L1 entry, one per MiB). */
		if (gd == f->gdom && !l2_empty(vm, l2)) {
			cls = vm->kernel ? AMV_DC_KERN : AMV_DC_USER;
			(void)amv_domain_fits(cls, f->cp1, f->cp0, vm->kernel,
					      &perm);
		} else {
			cls = amv_domain_class(f->cp1, f->cp0, vm->kernel,
					       &perm);
		}
	} else {
		cls = amv_domain_class(f->cp1, f->cp0, vm->kernel, &perm);
	}
	cls |= f->wpcls;
	h = get_domain(vm, f->gdom, cls);
	/* get_domain() may have dropped everything. */
	d = l1_of(vm, as)[s];
	if (d != 0 && (a->meta[s] & M_TABLE) && !(a->meta[s] & M_SHARED)) {
		l2 = l2_index(vm, d);
		for (unsigned int k = 0; k < AMV_L2_ENTRIES; k++)
			if (vm->st.l2[l2].e[k] != 0)
				drop_page(vm, as, l2, k);
		vm->st.l2i[l2].sizes = 0;
		vm->stats.reclass++;
	} else {
		drop_slot(vm, as, s);
		l2 = alloc_l2(vm);
		/* Eviction may have taken this very slot's old table; the
		 * slot is empty either way. */
		vm->st.l2i[l2].owner = (int16_t)as;
		vm->st.l2i[l2].slot = (uint16_t)s;
		set_meta(vm, as, s, M_VALID | M_TABLE);
	}
	if (a->state == AS_TMPL && l1_of(vm, as)[s] != 0)
		drop_copies(vm, s, l1_of(vm, as)[s]);
	set_l1(vm, as, s,
	       (vm->l2_pa + (uint32_t)l2 * AMV_L2_TABLE_SIZE) |
		       (h << AMV_L1_DOMAIN_SHIFT) | AMV_L1_TYPE_TABLE);
	tlbi_va(vm, as, f->va); /* the L1 entry changed */
have_domain:
	e = host_small(f->hpa, perm) | host_attr(&f->x->attr, false);
	/* B3.10.1: a valid entry that changes is invalidated first (break
	 * before make); one that stays the same (a refill through a stale
	 * TLB entry or a new view of the slot) needs nothing. */
	if (vm->st.l2[l2].e[i] != 0 && vm->st.l2[l2].e[i] != e) {
		set_l2(vm, l2, i, 0);
		tlbi_va(vm, as, f->va);
	}
	set_l2(vm, l2, i, e);
	vm->st.l2i[l2].meta[i] = (uint8_t)(f->meta | M_VALID);
	vm->st.l2i[l2].sizes |= (uint8_t)(1u << (f->meta & M_SIZE_MASK));
	if ((f->meta & M_SIZE_MASK) == M_SUPER)
		a->has_super = 1;
	vm->st.l2i[l2].stamp = ++vm->clock;
}

/* Whether @va is translated through TTBR1 (B3.5.4). */
static bool ttbr1_region(const struct amv_shadow_vm *vm, uint32_t va)
{
	unsigned int n = vm->g.ttbcr & AMV_TTBCR_N_MASK;

	return (vm->g.sctlr & AMV_SCTLR_M) && n != 0 && (va >> (32u - n)) != 0;
}

/* Where the entry for @f goes: global TTBR1 translations to the template
 * unless this address space already holds private entries in the slot; a
 * private entry in a slot shared with the template unshares it here. */
static int target_as(struct amv_shadow_vm *vm, const struct fill *f)
{
	unsigned int s = SLOT(f->va);
	uint32_t *l1 = l1_of(vm, vm->cur);
	struct amv_shadow_as *a = &vm->st.as[vm->cur];

	if ((f->meta & M_GLOBAL) && ttbr1_region(vm, f->va) &&
	    (l1[s] == 0 || (a->meta[s] & M_SHARED)))
		return vm->tmpl;
	if (a->meta[s] & M_SHARED) {
		uint32_t d = l1[s];

		set_l1(vm, vm->cur, s, 0); /* the template keeps its entry */
		set_meta(vm, vm->cur, s, 0);
		tlbi_copy(vm, vm->cur, s, d);
	}
	return vm->cur;
}

static void install(struct amv_shadow_vm *vm, int as, const struct fill *f)
{
	unsigned int s = SLOT(f->va);

	if (f->section_ok)
		install_section(vm, as, f);
	else
		install_page(vm, as, f);
	vm->stats.fills++;
	if (as != vm->cur) {
		/* Copy the template's entry; the current slot is empty or an
		 * older copy of it (drop_copies() clears changed ones). */
		set_l1(vm, vm->cur, s, l1_of(vm, as)[s]);
		set_meta(vm, vm->cur, s, vm->st.as[as].meta[s] | M_SHARED);
	}
}

/* A first fault in a TTBR1 slot the template already holds: copy its L1
 * entry, no walk. Whatever the copy does not grant faults again and takes
 * the full path (the slot is then shared, so the template is refilled). */
static bool copy_template(struct amv_shadow_vm *vm, uint32_t va)
{
	unsigned int s = SLOT(va);
	uint32_t d = l1_of(vm, vm->tmpl)[s];

	if (d == 0 || l1_of(vm, vm->cur)[s] != 0 || !ttbr1_region(vm, va) ||
	    in_window(vm, va))
		return false;
	set_l1(vm, vm->cur, s, d);
	set_meta(vm, vm->cur, s, vm->st.as[vm->tmpl].meta[s] | M_SHARED);
	vm->stats.fills++;
	return true;
}

/* What fast_fill() needs of the guest regime, worked out when it changes:
 * the fast path handles TTBR0 walks with the MMU on, little-endian tables
 * and TTBR0 walks enabled (B3.5.4), under AMV_SYNC_TLB. */
static void fast_regime(struct amv_shadow_vm *vm)
{
	const struct amv_regime *g = &vm->g;
	unsigned int n = g->ttbcr & AMV_TTBCR_N_MASK;

	vm->fast_ok = vm->cfg.sync == AMV_SYNC_TLB &&
		      (g->sctlr & (AMV_SCTLR_M | AMV_SCTLR_EE)) == AMV_SCTLR_M &&
		      ((g->flags & AMV_REGIME_NO_SECEXT) ||
		       !(g->ttbcr & AMV_TTBCR_PD0));
	vm->fast_l1 = g->ttbr0 & AMV_TTBR0_BASE_MASK(n);
	vm->fast_ttbr1_va = ~(0xffffffffu >> n);
	vm->fast_pxn = (g->flags & AMV_REGIME_PXN) ? AMV_L1_TABLE_PXN : 0u;
}

/*
 * The common fault without the general machinery: a guest small page
 * reached through TTBR0 in a Client domain, the access permitted, RAM
 * behind it, and the address space's slot already holding a private L2
 * table whose class fits (AMV_SYNC_TLB). Everything else, faults
 * included, takes the full path (amv_walk() and install()); shadow_prop
 * checks both against the walker. Returns true if it installed the entry.
 */
static bool fast_fill(struct amv_shadow_vm *vm, uint32_t va,
		      unsigned int access)
{
	const struct amv_regime *g = &vm->g;
	const struct amv_port *port = &vm->cfg.port;
	unsigned int s = SLOT(va);
	unsigned int kind = access & AMV_ACC_KIND_MASK, i = (va >> 12) & 0xffu;
	unsigned int dom, ap, p, perm, gd, oc, idx;
	uint32_t hd = l1_of(vm, vm->cur)[s], l1d, l2d, gpa, e, *slot;
	const struct amv_vm_region *reg;
	struct amv_memattr attr;
	int l2, r;

	if (!vm->fast_ok || (va & vm->fast_ttbr1_va) != 0 || !is_l1_table(hd) ||
	    (vm->st.as[vm->cur].meta[s] & M_SHARED) ||
	    kind == AMV_ACC_CMAINT || in_window(vm, va))
		return false;
	/* B3.5: the two descriptors, as the walk reads them. */
	if (port->ops->read_phys32(port->ctx,
				   vm->fast_l1 | ((va >> 18) & 0x3ffcu),
				   &l1d) != 0 ||
	    (l1d & AMV_L1_TYPE_MASK) != AMV_L1_TYPE_TABLE ||
	    port->ops->read_phys32(port->ctx,
				   (l1d & AMV_L1_TABLE_BASE_MASK) |
					   ((va >> 10) & 0x3fcu),
				   &l2d) != 0 ||
	    !(l2d & AMV_L2_SMALL))
		return false;
	dom = (l1d >> AMV_L1_DOMAIN_SHIFT) & AMV_L1_DOMAIN_MASK;
	ap = ((l2d >> AMV_L2_AP01_SHIFT) & 3u) | ((l2d & AMV_L2_AP2) >> 7);
	if (AMV_DACR_FIELD(g->dacr, dom) != AMV_DACR_CLIENT ||
	    ((g->sctlr & AMV_SCTLR_AFE) && !(ap & 1u)))
		return false;
	p = ap_client[ap][(l2d & AMV_L2_SMALL_XN) ? 2u
			  : (l1d & vm->fast_pxn)       ? 1u
						       : 0u];
	/* AMV_PERM_R, _W, _X are 1 << the access kind. */
	if (!(((!vm->kernel || (access & AMV_ACC_USER)) ? p >> 4 : p) &
	      (1u << kind)))
		return false;
	gpa = (l2d & AMV_L2_SMALL_BASE_MASK) | (va & 0xfffu);
	r = region_of(vm, gpa);
	if (r < 0 || vm->cfg.regions[r].kind != AMV_REGION_RAM)
		return false;
	vm->last_region = (unsigned int)r;
	reg = &vm->cfg.regions[r];
	if (amv_domain_pair(&vm->dom, (hd >> AMV_L1_DOMAIN_SHIFT) & 15u, &gd,
			    &oc) != 0 ||
	    gd != dom || (oc & AMV_DC_WP) ||
	    !amv_domain_fits(oc, p & 7u, p >> 4, vm->kernel, &perm))
		return false;
	e = host_small((reg->hpa + (uint32_t)(gpa - reg->gpa)) & ~0xfffu, perm);
	/* B3.8.2: with TEX remap off on both sides a defined TEX:C:B means
	 * the same to the host, so TEX, C, B and S are copied; the reserved
	 * encodings (TEX 001 CB 01/10, TEX 010 CB != 00, TEX 011) and TEX
	 * remap go through the decoder. */
	idx = (((l2d >> AMV_L2_SMALL_TEX_SHIFT) & 7u) << 2) | ((l2d >> 2) & 3u);
	if (!(g->sctlr & AMV_SCTLR_TRE) && ((0xffff019fu >> idx) & 1u)) {
		e |= l2d & ((AMV_L2_TEX_MASK << AMV_L2_SMALL_TEX_SHIFT) |
			    AMV_L2_C | AMV_L2_B | AMV_L2_S);
	} else {
		(void)amv_walk_decode_attr(g, idx >> 2, (idx >> 1) & 1u,
					   idx & 1u, (l2d & AMV_L2_S) != 0,
					   &attr);
		e |= host_attr(&attr, false);
	}
	l2 = l2_index(vm, hd);
	slot = &vm->st.l2[l2].e[i];
	if (*slot != 0 && *slot != e) {
		*slot = 0; /* B3.10.1: break before make */
		written(vm, slot, 4);
		tlbi_va(vm, vm->cur, va);
	}
	*slot = e;
	written(vm, slot, 4);
	vm->st.l2i[l2].meta[i] =
		(uint8_t)(M_VALID | M_SMALL | ((l2d & AMV_L2_NG) ? 0u : M_GLOBAL));
	vm->st.l2i[l2].sizes |= 1u << M_SMALL;
	vm->st.l2i[l2].stamp = ++vm->clock;
	vm->stats.fills++;
	vm->stats.fast_fills++;
	return true;
}

static void ext_abort(struct amv_fault *f, uint32_t va, unsigned int access)
{
	f->addr = va;
	f->type = AMV_FAULT_EXT_ABORT;
	f->level = 0;
	f->domain = 0;
	f->flags = amv_access_fault_flags(access);
}

static NOINLINE int fault_full(struct amv_shadow_vm *vm, uint32_t va,
			       unsigned int access,
			       struct amv_shadow_result *res);

int amv_shadow_fault(struct amv_shadow_vm *vm, uint32_t va,
		     unsigned int access, struct amv_shadow_result *res)
{
	if (vm == NULL || res == NULL ||
	    (access & ~(AMV_ACC_KIND_MASK | AMV_ACC_USER)) != 0)
		return -AMV_EINVAL;
	vm->stats.faults++;
	if (fast_fill(vm, va, access))
		return AMV_SHADOW_FILLED;
	return fault_full(vm, va, access, res);
}

/* Everything fast_fill() leaves: the guest walk, and install(). */
static NOINLINE int fault_full(struct amv_shadow_vm *vm, uint32_t va,
			       unsigned int access,
			       struct amv_shadow_result *res)
{
	struct amv_xlat x;
	struct fill f;
	const struct amv_vm_region *reg;
	unsigned int acc;
	uint64_t gpa;
	uint32_t flushes;
	bool wp = false;
	int rc, r, as;

	if (copy_template(vm, va))
		return AMV_SHADOW_FILLED;
	acc = access | (vm->kernel ? 0u : AMV_ACC_USER);
	rc = amv_walk(&vm->g, &vm->cfg.port, va, acc, &x, &res->fault);
	if (rc < 0)
		return rc;
	if (rc == AMV_WALK_FAULT) {
		vm->stats.injects++;
		return AMV_SHADOW_INJECT;
	}
	gpa = x.pa;
	res->gpa = gpa;
	if (in_window(vm, va))
		return AMV_SHADOW_WINDOW;
	r = region_of(vm, gpa);
	if (r < 0) {
		/* No device answers: the synchronous external abort the
		 * access would take on the guest's bus. */
		ext_abort(&res->fault, va, access);
		vm->stats.injects++;
		return AMV_SHADOW_INJECT;
	}
	reg = &vm->cfg.regions[r];
	if (reg->kind != AMV_REGION_RAM) {
		res->region = (unsigned int)r;
		vm->stats.mmio++;
		return AMV_SHADOW_MMIO;
	}
	if (x.kind == AMV_MAP_FLAT) {
		/* B3.2.1: MMU off, data is Strongly-ordered and fetches are
		 * Normal; one host entry serves both, with the data side's. */
		x.attr.type = AMV_MT_STRONGLY_ORDERED;
		x.attr.inner = x.attr.outer = AMV_CACHE_NC;
		x.attr.share = AMV_SH_OUTER;
	}
	f.x = &x;
	f.va = va;
	f.hpa = (reg->hpa + (uint32_t)(gpa - reg->gpa)) & ~0xfffu;
	f.gdom = x.kind == AMV_MAP_FLAT ? AMV_GDOM_FLAT : x.domain;
	client_perms(&x, &f.cp1, &f.cp0);
	f.meta = (uint8_t)((x.flags & AMV_XLAT_NG) ? 0u : M_GLOBAL);
	switch (x.kind) {
	case AMV_MAP_SMALL:
		f.meta |= M_SMALL;
		break;
	case AMV_MAP_LARGE:
		f.meta |= M_LARGE;
		break;
	case AMV_MAP_SUPERSECTION:
		f.meta |= M_SUPER;
		break;
	default:
		f.meta |= M_SECTION;
		break;
	}
	/* A host section needs the guest's whole 1 MiB in one RAM region at
	 * a 1 MiB-aligned host address; write protection works per page. */
	f.hsec = reg->hpa + (uint32_t)((gpa & ~(uint64_t)0xfffff) - reg->gpa);
	f.section_ok = (x.kind == AMV_MAP_SECTION ||
			x.kind == AMV_MAP_SUPERSECTION ||
			x.kind == AMV_MAP_FLAT) &&
		       vm->cfg.sync != AMV_SYNC_WP &&
		       (gpa & ~(uint64_t)0xfffff) >= reg->gpa &&
		       (gpa | 0xfffff) - reg->gpa < reg->size &&
		       (f.hsec & 0xfffffu) == 0;
	if (vm->st.n_rmap != 0 && x.kind != AMV_MAP_FLAT &&
	    (rmap_full(vm, 2) || vm->wp_since_compact >= vm->st.n_rmap / 8u)) {
		/* Room for both records first: the flush that makes room would
		 * lose the first. Also after many write-protect hits: the
		 * records of entries that are gone keep pages protected that
		 * hold no live descriptor any more (a freed table page reused
		 * for data), and every store there exits; compaction forgets
		 * them, at a cost the hits since the last one amortize. */
		vm->wp_since_compact = 0;
		rmap_compact(vm);
		if (rmap_full(vm, 2)) {
			vm->stats.rmap_overflows++;
			flush_all(vm);
		}
	}
	as = target_as(vm, &f);
	if (vm->st.n_rmap != 0 && x.kind != AMV_MAP_FLAT) {
		/* WP and PV: which guest descriptors the entry comes from.
		 * Registered before the watched check: the page being filled
		 * may hold the guest's own tables. */
		rmap_add_walk(vm, &x, as, va);
	}
	f.wpcls = 0;
	if (vm->cfg.sync == AMV_SYNC_WP && page_watched(vm, gpa)) {
		/* A Manager domain would make any host AP writable: shadow
		 * the page with the Manager permissions in a pair that stays
		 * Client (domain.h, AMV_DC_WP). */
		if (x.kind != AMV_MAP_FLAT && x.dacr == AMV_DACR_MANAGER) {
			f.cp1 = f.cp0 = AMV_PERM_RWX;
			f.wpcls = AMV_DC_WP;
		}
		f.cp1 &= ~AMV_PERM_W;
		f.cp0 &= ~AMV_PERM_W;
		wp = (access & AMV_ACC_KIND_MASK) == AMV_ACC_WRITE;
	}
	flushes = vm->stats.flushes;
	install(vm, as, &f);
	if (vm->stats.flushes != flushes && vm->st.n_rmap != 0 &&
	    x.kind != AMV_MAP_FLAT) {
		/* Host domains ran out during the install and the flush took
		 * the records with it. */
		rmap_add_walk(vm, &x, as, va);
	}
	if (vm->dacr_dirty) /* a new host domain changes the DACR */
		program_host(vm, false);
	if (wp) {
		vm->stats.wp_hits++;
		vm->wp_since_compact++;
		return AMV_SHADOW_WP;
	}
	return AMV_SHADOW_FILLED;
}

/* ------------------------------------------------------------------ */
/* TLB maintenance                                                     */

/* Whether an entry with metadata @m is removed by an operation that
 * matches this address space's ASID (@asid_match) or only global ones. */
static inline bool hit(uint8_t m, bool asid_match)
{
	return (m & M_VALID) && (asid_match || (m & M_GLOBAL));
}

/* The entry at @va in @as only (rmap drops: one guest descriptor). */
static void drop_va_page(struct amv_shadow_vm *vm, int as, uint32_t va)
{
	unsigned int s = SLOT(va);
	const struct amv_shadow_as *a = &vm->st.as[as];
	uint32_t d = l1_of(vm, as)[s];
	int l2;

	if (d == 0 || in_window(vm, va))
		return;
	if (!(a->meta[s] & M_TABLE) || (a->meta[s] & M_SHARED)) {
		drop_slot(vm, as, s);
		return;
	}
	l2 = l2_index(vm, d);
	if (vm->st.l2[l2].e[(va >> 12) & 0xffu] != 0)
		drop_page(vm, as, l2, (va >> 12) & 0xffu);
}

/* TLBIMVA semantics on one address space: every entry derived from a
 * guest translation containing @va, if it matches (B4.2.2). */
static void drop_va(struct amv_shadow_vm *vm, int as, uint32_t va,
		    bool asid_match)
{
	const struct amv_shadow_as *a = &vm->st.as[as];
	unsigned int s0 = SLOT(va) & ~15u, s1 = s0 + 16u;

	/* Other slots of the 16 MiB matter only for supersections. */
	if (!a->has_super)
		s0 = SLOT(va), s1 = s0 + 1u;
	for (unsigned int s = s0; s < s1; s++) {
		uint32_t d = l1_of(vm, as)[s];
		uint8_t m = a->meta[s];
		unsigned int lo, hi, sizes;
		int l2;

		if (d == 0 || (m & M_SHARED) || in_window(vm, s << 20))
			continue;
		if (!(m & M_TABLE)) {
			if (hit(m, asid_match) &&
			    (s == SLOT(va) || (m & M_SIZE_MASK) == M_SUPER))
				drop_slot(vm, as, s);
			continue;
		}
		l2 = l2_index(vm, d);
		sizes = vm->st.l2i[l2].sizes;
		if (s != SLOT(va)) {
			if (!(sizes & (1u << M_SUPER)))
				continue;
			lo = 0, hi = AMV_L2_ENTRIES;
		} else if (sizes & ((1u << M_SECTION) | (1u << M_SUPER))) {
			lo = 0, hi = AMV_L2_ENTRIES;
		} else if (sizes & (1u << M_LARGE)) {
			lo = (va >> 12) & 0xf0u, hi = lo + 16u;
		} else {
			lo = (va >> 12) & 0xffu, hi = lo + 1u;
		}
		for (unsigned int i = lo; i < hi; i++) {
			unsigned int sz;

			m = vm->st.l2i[l2].meta[i];
			if (!hit(m, asid_match))
				continue;
			sz = m & M_SIZE_MASK;
			if (s != SLOT(va) ? sz == M_SUPER
					  : (i == ((va >> 12) & 0xffu) ||
					     sz >= M_SECTION ||
					     (sz == M_LARGE &&
					      (i >> 4) == ((va >> 16) & 0xfu))))
				drop_page(vm, as, l2, i);
		}
	}
}

/* TLBIASID: the not-global entries of every address space with the ASID. */
static void drop_asid(struct amv_shadow_vm *vm, int as)
{
	const struct amv_shadow_as *a = &vm->st.as[as];

	for (unsigned int s = next_used(a, 0); s < SLOTS;
	     s = next_used(a, s + 1u)) {
		uint32_t d = l1_of(vm, as)[s];
		uint8_t m = a->meta[s];
		int l2;

		if (d == 0 || (m & M_SHARED) || in_window(vm, s << 20))
			continue;
		if (!(m & M_TABLE)) {
			if (!(m & M_GLOBAL))
				drop_slot(vm, as, s);
			continue;
		}
		l2 = l2_index(vm, d);
		for (unsigned int i = 0; i < AMV_L2_ENTRIES; i++) {
			m = vm->st.l2i[l2].meta[i];
			if ((m & M_VALID) && !(m & M_GLOBAL))
				drop_page(vm, as, l2, i);
		}
	}
}

int amv_shadow_tlbi(struct amv_shadow_vm *vm, unsigned int op, uint32_t arg)
{
	uint8_t asid = (uint8_t)arg;

	if (vm == NULL || op > AMV_TLBI_MVAA)
		return -AMV_EINVAL;
	if (op == AMV_TLBI_ALL) {
		flush_all(vm);
		program_host(vm, false);
		return 0;
	}
	for (unsigned int a = 0; a < vm->st.n_l1; a++) {
		const struct amv_shadow_as *as = &vm->st.as[a];

		if (as->state == AS_FREE)
			continue;
		if (op == AMV_TLBI_ASID) {
			if (as->state == AS_LIVE && as->asid == asid)
				drop_asid(vm, (int)a);
			continue;
		}
		/* The template holds global translations only. */
		drop_va(vm, (int)a, arg & ~0xfffu,
			op == AMV_TLBI_MVAA ||
				(as->state == AS_LIVE && as->asid == asid));
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Registers, mode, set-up                                             */

static bool gpa_of_hpa(const struct amv_shadow_vm *vm, uint32_t hpa,
		       uint64_t *gpa)
{
	for (unsigned int i = 0; i < vm->cfg.n_regions; i++) {
		const struct amv_vm_region *r = &vm->cfg.regions[i];

		if (r->kind == AMV_REGION_RAM && hpa - r->hpa < r->size) {
			*gpa = r->gpa + (hpa - r->hpa);
			return true;
		}
	}
	return false;
}

/* Drop the entries in host domain @h: all, or those mapping watched pages. */
static void drop_domain(struct amv_shadow_vm *vm, unsigned int h,
			bool watched_only)
{
	for (unsigned int a = 0; a < vm->st.n_l1; a++) {
		const struct amv_shadow_as *as = &vm->st.as[a];
		const uint32_t *l1 = l1_of(vm, (int)a);

		if (as->state == AS_FREE)
			continue;
		for (unsigned int s = 0; s < SLOTS; s++) {
			uint64_t gpa;
			int l2;

			if (l1[s] == 0 || (as->meta[s] & M_SHARED) ||
			    in_window(vm, s << 20) ||
			    ((l1[s] >> AMV_L1_DOMAIN_SHIFT) & 15u) != h)
				continue;
			if (!watched_only || !(as->meta[s] & M_TABLE)) {
				drop_slot(vm, (int)a, s);
				continue;
			}
			l2 = l2_index(vm, l1[s]);
			for (unsigned int i = 0; i < AMV_L2_ENTRIES; i++) {
				uint32_t e = vm->st.l2[l2].e[i];

				if (e != 0 &&
				    gpa_of_hpa(vm, e & AMV_L2_SMALL_BASE_MASK,
					       &gpa) &&
				    page_watched(vm, gpa))
					drop_page(vm, (int)a, l2, i);
			}
		}
	}
}

/* AMV_SYNC_WP: a guest domain that becomes Manager would make its pairs'
 * read-only table pages writable, so those entries go (they refill in
 * AMV_DC_WP pairs); one that stops being Manager drops its AMV_DC_WP pairs'
 * entries, which hold the Manager permissions. */
static void wp_dacr_change(struct amv_shadow_vm *vm, uint32_t old,
			   uint32_t now)
{
	for (unsigned int d = 0; d < 16u; d++) {
		bool was = AMV_DACR_FIELD(old, d) == AMV_DACR_MANAGER;
		bool is = AMV_DACR_FIELD(now, d) == AMV_DACR_MANAGER;

		if (was == is)
			continue;
		for (unsigned int h = 0; h < 16u; h++) {
			unsigned int gd, cls;

			if (amv_domain_pair(&vm->dom, h, &gd, &cls) != 0 ||
			    gd != d || ((cls & AMV_DC_WP) != 0) != was)
				continue;
			drop_domain(vm, h, is);
		}
	}
}

/* SCTLR bits that change how the tables are read or what they mean. */
#define SCTLR_XLAT (AMV_SCTLR_AFE | AMV_SCTLR_TRE | AMV_SCTLR_EE)

int amv_shadow_set_regime(struct amv_shadow_vm *vm, const struct amv_regime *r)
{
	struct amv_regime old;

	if (vm == NULL || r == NULL)
		return -AMV_EINVAL;
	if ((r->sctlr & AMV_SCTLR_M) &&
	    ((r->ttbcr & AMV_TTBCR_EAE) || !(r->sctlr & AMV_SCTLR_XP)))
		return -AMV_ENOTSUP;
	old = vm->g;
	vm->g = *r;
	vm->g.flags = vm->cfg.regime_flags;
	if (((old.sctlr ^ r->sctlr) & SCTLR_XLAT) || old.ttbcr != r->ttbcr ||
	    old.prrr != r->prrr || old.nmrr != r->nmrr) {
		flush_all(vm);
	} else if (old.ttbr1 != r->ttbr1) {
		for (unsigned int s = 0; s < SLOTS; s++)
			drop_slot(vm, vm->tmpl, s);
	}
	if (vm->cfg.sync == AMV_SYNC_WP && old.dacr != r->dacr)
		wp_dacr_change(vm, old.dacr, r->dacr);
	fast_regime(vm);
	switch_as(vm);
	program_host(vm, false);
	return 0;
}

int amv_shadow_set_mode(struct amv_shadow_vm *vm, bool kernel)
{
	const struct amv_port *p;
	uint32_t dacr;

	if (vm == NULL)
		return -AMV_EINVAL;
	/* Called after every emulated CPSR write: only a change of virtual
	 * privilege matters, and it changes the host DACR only. */
	if (vm->kernel == kernel)
		return 0;
	vm->kernel = kernel;
	dacr = host_dacr(vm, kernel);
	if (dacr != vm->host_dacr) {
		p = &vm->cfg.port;
		vm->host_dacr = dacr;
		p->ops->set_host_mmu(p->ctx, vm->host_ttbr0, vm->host_ctx, dacr);
	}
	return 0;
}

int amv_shadow_flush(struct amv_shadow_vm *vm)
{
	if (vm == NULL)
		return -AMV_EINVAL;
	flush_all(vm);
	program_host(vm, false);
	return 0;
}

int amv_shadow_resume(struct amv_shadow_vm *vm)
{
	if (vm == NULL)
		return -AMV_EINVAL;
	program_host(vm, true);
	return 0;
}

const struct amv_shadow_l1 *amv_shadow_current_l1(
	const struct amv_shadow_vm *vm)
{
	return vm != NULL ? &vm->st.l1[vm->cur] : NULL;
}

static bool config_ok(const struct amv_shadow_config *c)
{
	const struct amv_port_ops *o = c->port.ops;
	const struct amv_shadow_storage *st = c->storage;

	if (o == NULL || o->read_phys32 == NULL || o->host_pa == NULL ||
	    o->set_host_mmu == NULL || o->tlbi_all == NULL ||
	    o->tlbi_asid == NULL || o->tlbi_mva == NULL ||
	    o->tlbi_mvaa == NULL || c->asids == NULL || st == NULL ||
	    st->l1 == NULL || st->as == NULL || st->l2 == NULL ||
	    st->l2i == NULL || st->n_l1 < 2u || st->n_l2 < AMV_SHADOW_MIN_L2 ||
	    st->n_l1 > 0x7fffu || st->n_l2 > 0x7fffu || c->sync > AMV_SYNC_PV)
		return false;
	if (c->sync != AMV_SYNC_TLB &&
	    (o->write_phys32 == NULL || st->rmap == NULL || st->wp == NULL ||
	     st->n_rmap < 16u || (st->n_rmap & (st->n_rmap - 1u)) != 0))
		return false;
	if ((c->window_base | c->window_size) & 0xfffffu ||
	    (c->window_size != 0 &&
	     (c->window_l1 == NULL ||
	      c->window_base + (c->window_size - 1u) < c->window_base)) ||
	    (c->ttbr_attr & ~0x7fu) != 0)
		return false;
	if ((c->n_regions != 0 && c->regions == NULL))
		return false;
	for (unsigned int i = 0; i < c->n_regions; i++) {
		const struct amv_vm_region *r = &c->regions[i];

		if (((r->gpa | r->size) & 0xfffu) || r->size == 0 ||
		    r->gpa + r->size < r->gpa ||
		    (r->kind != AMV_REGION_RAM && r->kind != AMV_REGION_MMIO))
			return false;
		if (r->kind == AMV_REGION_RAM &&
		    ((r->hpa & 0xfffu) || r->size > 0x100000000ull - r->hpa))
			return false;
		if (i > 0 && r->gpa < c->regions[i - 1].gpa +
					      c->regions[i - 1].size)
			return false;
	}
	return true;
}

/* No RAM region's host backing may overlap the shadow tables. */
static bool pools_outside_ram(const struct amv_shadow_vm *vm)
{
	const struct amv_port *p = &vm->cfg.port;
	uint32_t l1 = p->ops->host_pa(p->ctx, vm->st.l1);
	uint32_t l2 = p->ops->host_pa(p->ctx, vm->st.l2);
	uint64_t l1_end = (uint64_t)l1 + vm->st.n_l1 * sizeof(vm->st.l1[0]);
	uint64_t l2_end = (uint64_t)l2 + vm->st.n_l2 * sizeof(vm->st.l2[0]);

	if ((l1 & (AMV_L1_TABLE_SIZE - 1u)) || (l2 & (AMV_L2_TABLE_SIZE - 1u)))
		return false;
	for (unsigned int i = 0; i < vm->cfg.n_regions; i++) {
		const struct amv_vm_region *r = &vm->cfg.regions[i];
		uint64_t lo = r->hpa, hi = lo + r->size;

		if (r->kind != AMV_REGION_RAM)
			continue;
		if ((lo < l1_end && l1 < hi) || (lo < l2_end && l2 < hi))
			return false;
	}
	return true;
}

int amv_shadow_init(struct amv_shadow_vm *vm,
		    const struct amv_shadow_config *cfg)
{
	if (vm == NULL || cfg == NULL || !config_ok(cfg))
		return -AMV_EINVAL;
	amv_memset(vm, 0, sizeof(*vm));
	vm->dacr_dirty = true;
	vm->cfg = *cfg;
	vm->st = *cfg->storage;
	if (vm->cfg.sync == AMV_SYNC_TLB)
		vm->st.n_rmap = 0;
	vm->l1_pa = vm->cfg.port.ops->host_pa(vm->cfg.port.ctx, vm->st.l1);
	vm->l2_pa = vm->cfg.port.ops->host_pa(vm->cfg.port.ctx, vm->st.l2);
	if (!pools_outside_ram(vm) ||
	    amv_domain_init(&vm->dom, cfg->monitor_domains,
			    cfg->monitor_dacr) != 0)
		return -AMV_EINVAL;
	for (unsigned int i = 0; i < vm->st.n_l1; i++)
		vm->st.as[i].state = AS_FREE;
	for (unsigned int i = 0; i < vm->st.n_l2; i++)
		free_l2(vm, (int)i);
	rmap_clear(vm);
	vm->tmpl = 0;
	as_init(vm, 0, AS_TMPL);
	vm->cur = NO_AS;
	vm->kernel = true;
	vm->g.flags = cfg->regime_flags;
	vm->g.sctlr = AMV_SCTLR_XP;
	fast_regime(vm);
	switch_as(vm);
	vm->stats.switches = 0;
	program_host(vm, true);
	return 0;
}

static int write_word(struct amv_shadow_vm *vm, uint64_t gpa, uint32_t val)
{
	const struct amv_port *p = &vm->cfg.port;
	int rc = p->ops->write_phys32(p->ctx, gpa, val);

	if (rc < 0)
		return rc == -AMV_EIO ? -AMV_EIO : -AMV_EFAULT;
	/* AMV_SYNC_TLB keeps no reverse map: nothing derives from the word
	 * until the guest's TLB maintenance says so. */
	if (vm->st.n_rmap != 0 && (gpa >> 32) == 0) {
		rmap_drop(vm, (uint32_t)gpa);
		program_host(vm, false);
	}
	return 0;
}

int amv_shadow_wp_write(struct amv_shadow_vm *vm, uint64_t gpa, uint32_t val,
			unsigned int size)
{
	const struct amv_port *p;
	unsigned int sh;
	uint32_t old, mask;
	int rc;

	if (vm == NULL || (size != 1 && size != 2 && size != 4) ||
	    (gpa & (size - 1u)) != 0 || vm->cfg.port.ops->write_phys32 == NULL)
		return -AMV_EINVAL;
	p = &vm->cfg.port;
	if (size == 4)
		return write_word(vm, gpa, val);
	rc = p->ops->read_phys32(p->ctx, gpa & ~(uint64_t)3, &old);
	if (rc < 0)
		return rc == -AMV_EIO ? -AMV_EIO : -AMV_EFAULT;
	sh = (unsigned int)(gpa & 3u) * 8u;
	mask = (size == 1 ? 0xffu : 0xffffu) << sh;
	return write_word(vm, gpa & ~(uint64_t)3,
			  (old & ~mask) | ((val << sh) & mask));
}

int amv_shadow_wp_release(struct amv_shadow_vm *vm, uint64_t gpa)
{
	uint32_t page = (uint32_t)(gpa >> 12) + 1u;

	if (vm == NULL)
		return -AMV_EINVAL;
	if (vm->cfg.sync != AMV_SYNC_WP || (gpa >> 32) != 0 ||
	    !page_watched(vm, gpa))
		return 0;
	vm->stats.wp_releases++;
	/* As if every descriptor on the page changed; the records of the
	 * entries dropped are then dead, and compaction rebuilds the watched
	 * set from the live ones, without this page. */
	for (uint32_t i = 0; i < vm->st.n_rmap; i++) {
		const struct amv_shadow_rmap *e = &vm->st.rmap[i];

		if (e->desc == 0 || ((e->desc - 1u) >> 12) + 1u != page ||
		    vm->st.as[e->as].state == AS_FREE)
			continue;
		if (e->level == 1)
			drop_slot(vm, e->as, SLOT(e->va));
		else
			drop_va_page(vm, e->as, e->va);
	}
	rmap_compact(vm);
	program_host(vm, false);
	return 0;
}

int amv_shadow_hypercall(struct amv_shadow_vm *vm, const uint32_t args[4])
{
	struct amv_regime r;
	uint32_t pair[2];
	int rc;

	if (vm == NULL || args == NULL)
		return -AMV_EINVAL;
	if (vm->cfg.sync != AMV_SYNC_PV)
		return -AMV_ENOTSUP;
	switch (args[0]) {
	case AMV_HC_SET_PTE:
		if (args[1] & 3u)
			return -AMV_EINVAL;
		return write_word(vm, args[1], args[2]);
	case AMV_HC_SET_PTES:
		if ((args[1] & 3u) || args[2] > 0x10000u)
			return -AMV_EINVAL;
		for (uint32_t i = 0; i < args[2]; i++) {
			uint64_t at = (uint64_t)args[1] + 8u * (uint64_t)i;

			rc = vm->cfg.port.ops->read_phys32(vm->cfg.port.ctx, at,
							   &pair[0]);
			if (rc == 0)
				rc = vm->cfg.port.ops->read_phys32(
					vm->cfg.port.ctx, at + 4u, &pair[1]);
			if (rc < 0)
				return rc == -AMV_EIO ? -AMV_EIO : -AMV_EFAULT;
			if (pair[0] & 3u)
				return -AMV_EINVAL;
			rc = write_word(vm, pair[0], pair[1]);
			if (rc < 0)
				return rc;
		}
		return 0;
	case AMV_HC_SWITCH_MM:
		r = vm->g;
		r.ttbr0 = args[1];
		r.contextidr = args[2];
		return amv_shadow_set_regime(vm, &r);
	case AMV_HC_FLUSH:
		return amv_shadow_tlbi(vm, args[1], args[2]);
	default:
		return -AMV_EINVAL;
	}
}
