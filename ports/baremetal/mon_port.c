/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The monitor layer of the bare-metal port: host MMU, guest memory access,
 * host TLB maintenance, vCPU <-> world-switch frame, host GIC. See mon.h.
 */
#include "mon.h"
#include "mon_offsets.h"
#include "bm.h"

struct mon_frame mon_guest;
uint32_t mon_window_l1[MON_WINDOW_MIB];

/* The monitor's own L1, used until the first shadow L1 is loaded; holds
 * only the window. */
static uint32_t boot_l1[AMV_L1_ENTRIES] __attribute__((aligned(16384)));

/* Short-descriptor sections (B3.5.1): the window's RAM is Normal
 * write-back write-allocate (TEX 001, C, B), the devices Shareable Device
 * (TEX 000, C 0, B 1) and execute-never; AP[2:0] = 001: PL1 read/write,
 * no PL0 access; global. */
#define SECT_AP_PRIV (1u << AMV_L1_AP01_SHIFT)
#define SECT_RAM                                                               \
	(AMV_L1_TYPE_SECTION | AMV_L1_B | AMV_L1_C |                           \
	 (1u << AMV_L1_TEX_SHIFT) | SECT_AP_PRIV |                             \
	 (MON_DOMAIN << AMV_L1_DOMAIN_SHIFT))
#define SECT_DEV                                                               \
	(AMV_L1_TYPE_SECTION | AMV_L1_B | AMV_L1_XN | SECT_AP_PRIV |           \
	 (MON_DOMAIN << AMV_L1_DOMAIN_SHIFT))

/* Translation-table walks: Inner write-back (C, B3.18.1 without the
 * Multiprocessing Extensions) and Outer write-back write-allocate. */
#define MON_TTBR_ATTR (AMV_TTBR_IRGN1 | (1u << AMV_TTBR_RGN_SHIFT))

static inline void cp15_barriers(void)
{
	__asm__ volatile("dsb\n\tisb" ::: "memory");
}

void mon_mmu_init(void)
{
	uint32_t sctlr;
	unsigned int i;

	for (i = 0; i < MON_WINDOW_MIB; i++) {
		uint32_t va = MON_WINDOW_BASE + (i << 20);

		if (va == MON_DEV0_VA)
			mon_window_l1[i] = 0x10000000u | SECT_DEV;
		else if (va == MON_DEV1_VA)
			mon_window_l1[i] = 0x1e000000u | SECT_DEV;
		else
			mon_window_l1[i] = va | SECT_RAM;
		boot_l1[va >> 20] = mon_window_l1[i];
	}
	__asm__ volatile(
		"mcr p15, 0, %0, c2, c0, 2\n\t" /* TTBCR: N = 0 */
		"mcr p15, 0, %1, c3, c0, 0\n\t" /* DACR */
		"mcr p15, 0, %0, c13, c0, 1\n\t" /* CONTEXTIDR: MON_ASID */
		"mcr p15, 0, %2, c2, c0, 0\n\t" /* TTBR0 */
		"mcr p15, 0, %0, c8, c7, 0\n\t" /* TLBIALL */
		"dsb\n\tisb"
		:
		: "r"(0u), "r"(AMV_DACR_CLIENT << (2u * MON_DOMAIN)),
		  "r"((uint32_t)(uintptr_t)boot_l1 | MON_TTBR_ATTR)
		: "memory");
	sctlr = bm_read_sctlr();
	sctlr &= ~(AMV_SCTLR_TRE | AMV_SCTLR_AFE | AMV_SCTLR_A | AMV_SCTLR_V);
	sctlr |= AMV_SCTLR_M | AMV_SCTLR_C | AMV_SCTLR_I | (1u << 11) /* Z */;
	bm_write_sctlr(sctlr);
}

void mon_read_host_ids(struct amv_cp15 *c)
{
#define MRC(var, crn, op1, crm, op2)                                           \
	__asm__ volatile("mrc p15, " #op1 ", %0, " #crn ", " #crm ", " #op2   \
			 : "=r"(var))
	MRC(c->midr, c0, 0, c0, 0);
	MRC(c->ctr, c0, 0, c0, 1);
	MRC(c->tcmtr, c0, 0, c0, 2);
	MRC(c->tlbtr, c0, 0, c0, 3);
	MRC(c->mpidr, c0, 0, c0, 5);
	MRC(c->id_pfr[0], c0, 0, c1, 0);
	MRC(c->id_pfr[1], c0, 0, c1, 1);
	MRC(c->id_dfr0, c0, 0, c1, 2);
	MRC(c->id_afr0, c0, 0, c1, 3);
	MRC(c->id_mmfr[0], c0, 0, c1, 4);
	MRC(c->id_mmfr[1], c0, 0, c1, 5);
	MRC(c->id_mmfr[2], c0, 0, c1, 6);
	MRC(c->id_mmfr[3], c0, 0, c1, 7);
	MRC(c->id_isar[0], c0, 0, c2, 0);
	MRC(c->id_isar[1], c0, 0, c2, 1);
	MRC(c->id_isar[2], c0, 0, c2, 2);
	MRC(c->id_isar[3], c0, 0, c2, 3);
	MRC(c->id_isar[4], c0, 0, c2, 4);
	MRC(c->id_isar[5], c0, 0, c2, 5);
	MRC(c->clidr, c0, 1, c0, 1);
	MRC(c->aidr, c0, 1, c0, 7);
	MRC(c->ccsidr, c0, 1, c0, 0); /* CSSELR is 0 at reset: L1 data */
	MRC(c->actlr, c1, 0, c0, 1);
#undef MRC
}

/* ------------------------------------------------------------ port ops */

static const struct amv_vm_region *find_region(const struct mon_port *p,
					       uint64_t pa)
{
	unsigned int i;

	for (i = 0; i < p->n_regions; i++)
		if (pa - p->regions[i].gpa < p->regions[i].size)
			return &p->regions[i];
	return NULL;
}

static int port_read(void *ctx, uint64_t pa, uint32_t *val)
{
	struct mon_port *p = ctx;
	const struct amv_vm_region *r = find_region(p, pa);

	if (r == NULL)
		return -AMV_EFAULT;
	if (r->kind == AMV_REGION_RAM) {
		*val = *(volatile uint32_t *)(uintptr_t)(r->hpa +
							 (uint32_t)(pa - r->gpa));
		return 0;
	}
	return p->mmio.read(p->mmio.dev, (uint32_t)pa, 4, val);
}

static int port_write(void *ctx, uint64_t pa, uint32_t val)
{
	struct mon_port *p = ctx;
	const struct amv_vm_region *r = find_region(p, pa);

	if (r == NULL)
		return -AMV_EFAULT;
	if (r->kind == AMV_REGION_RAM) {
		*(volatile uint32_t *)(uintptr_t)(r->hpa +
						  (uint32_t)(pa - r->gpa)) = val;
		return 0;
	}
	return p->mmio.write(p->mmio.dev, (uint32_t)pa, 4, val);
}

static void *port_ram_ptr(void *ctx, uint64_t pa)
{
	const struct amv_vm_region *r = find_region(ctx, pa);

	if (r == NULL || r->kind != AMV_REGION_RAM)
		return NULL;
	return (void *)(uintptr_t)(r->hpa + (uint32_t)(pa - r->gpa));
}

/*
 * B3.10.1: without coherent table walks (ID_MMFR3[23:20] = 0: the
 * Cortex-A8 and A9 both), a descriptor the walk is to see must be cleaned
 * from the data cache to the point of unification (DCCMVAU), then DSB,
 * before the TLB maintenance that depends on it.
 */
static void port_table_written(void *ctx, const void *p, uint32_t len)
{
	const struct mon_port *mp = ctx;
	uintptr_t a = (uintptr_t)p & ~(uintptr_t)(mp->dline - 1u);
	uintptr_t end = (uintptr_t)p + len;

	if (mp->dline == 0) /* coherent walks */
		return;
	for (; a < end; a += mp->dline)
		__asm__ volatile("mcr p15, 0, %0, c7, c11, 1" : : "r"(a) : "memory");
	__asm__ volatile("dsb" ::: "memory");
}

/* The window is mapped VA = PA. */
static uint32_t port_host_pa(void *ctx, const void *ptr)
{
	(void)ctx;
	return (uint32_t)(uintptr_t)ptr;
}

/*
 * B3.10.4 (synchronization of changes of ASID and TTBR): switch to the
 * reserved ASID first so that no walk through the new table is tagged with
 * the old ASID, then the table, then the new ASID. The window is the same
 * global mapping in every L1, so the monitor's own code is unaffected.
 */
static void port_set_host_mmu(void *ctx, uint32_t ttbr0, uint32_t contextidr,
			      uint32_t dacr)
{
	struct mon_port *p = ctx;

	p->mmu_loads++;
	if (ttbr0 != p->ttbr0 || contextidr != p->contextidr) {
		__asm__ volatile("mcr p15, 0, %0, c13, c0, 1\n\tisb\n\t"
				 "mcr p15, 0, %1, c2, c0, 0\n\tisb\n\t"
				 "mcr p15, 0, %2, c13, c0, 1\n\tisb"
				 :
				 : "r"(MON_ASID), "r"(ttbr0), "r"(contextidr)
				 : "memory");
		p->ttbr0 = ttbr0;
		p->contextidr = contextidr;
	}
	if (dacr != p->dacr) {
		__asm__ volatile("mcr p15, 0, %0, c3, c0, 0\n\tisb"
				 :
				 : "r"(dacr)
				 : "memory");
		p->dacr = dacr;
	}
}

static void port_tlbi_all(void *ctx)
{
	(void)ctx;
	__asm__ volatile("dsb\n\tmcr p15, 0, %0, c8, c7, 0" : : "r"(0u));
	cp15_barriers();
}

static void port_tlbi_asid(void *ctx, uint8_t asid)
{
	(void)ctx;
	__asm__ volatile("dsb\n\tmcr p15, 0, %0, c8, c7, 2" : : "r"(asid));
	cp15_barriers();
}

static void port_tlbi_mva(void *ctx, uint32_t va, uint8_t asid)
{
	(void)ctx;
	__asm__ volatile("dsb\n\tmcr p15, 0, %0, c8, c7, 1"
			 :
			 : "r"((va & 0xfffff000u) | asid));
	cp15_barriers();
}

/* TLBIMVAA comes with the Multiprocessing Extensions (B4.2.2); without it
 * (Cortex-A8) invalidate everything. */
static void port_tlbi_mvaa(void *ctx, uint32_t va)
{
	struct mon_port *p = ctx;

	if (!p->tlbimvaa) {
		port_tlbi_all(ctx);
		return;
	}
	__asm__ volatile("dsb\n\tmcr p15, 0, %0, c8, c7, 3"
			 :
			 : "r"(va & 0xfffff000u));
	cp15_barriers();
}

const struct amv_port_ops mon_port_ops = {
	.read_phys32 = port_read,
	.write_phys32 = port_write,
	.ram_ptr = port_ram_ptr,
	.host_pa = port_host_pa,
	.set_host_mmu = port_set_host_mmu,
	.table_written = port_table_written,
	.tlbi_all = port_tlbi_all,
	.tlbi_asid = port_tlbi_asid,
	.tlbi_mva = port_tlbi_mva,
	.tlbi_mvaa = port_tlbi_mvaa,
};

/* ------------------------------------------------------------ frames */

/* R0-R12 in virtual FIQ mode, whose R8-R12 are banked. */
uint32_t mon_fiq_regs[13];

void mon_frame_fiq_from_vcpu(struct amv_vcpu *v)
{
	memcpy(mon_fiq_regs, v->r, 8 * sizeof(v->r[0]));
	memcpy(&mon_fiq_regs[8], v->r8_fiq, sizeof(v->r8_fiq));
	mon_guest.regs = mon_fiq_regs;
	mon_guest.sp_lr = v->sp_lr[AMV_BANK_FIQ];
	mon_guest.pc = v->pc;
	mon_guest.cpsr = amv_vcpu_to_host(v);
}

void mon_frame_fiq_to_vcpu(struct amv_vcpu *v)
{
	memcpy(v->r, mon_fiq_regs, 8 * sizeof(v->r[0]));
	memcpy(v->r8_fiq, &mon_fiq_regs[8], sizeof(v->r8_fiq));
	v->pc = mon_guest.pc;
	amv_vcpu_from_host(v, mon_guest.cpsr);
}

/* ------------------------------------------------------------ fast path */

#define MON_OFF(field, off)                                                    \
	_Static_assert(offsetof(struct amv_vcpu, field) == (off),              \
		       "mon_offsets.h: " #field)
MON_OFF(sp_lr, MON_V_SP_LR);
MON_OFF(spsr, MON_V_SPSR);
MON_OFF(pc, MON_V_PC);
MON_OFF(cpsr, MON_V_CPSR);
MON_OFF(cp15.sctlr, MON_V_SCTLR);
MON_OFF(cp15.vbar, MON_V_VBAR);
MON_OFF(features, MON_V_FEATURES);
MON_OFF(irq_line, MON_V_IRQ_LINE);
MON_OFF(fiq_line, MON_V_FIQ_LINE);
MON_OFF(vm, MON_V_VM);
_Static_assert(MON_CPSR_HOST_BITS == AMV_CPSR_HOST_BITS &&
		       MON_MODES_VALID == AMV_MODES_VALID,
	       "mon_offsets.h: CPSR constants");
_Static_assert(sizeof(((struct amv_vcpu *)0)->sp_lr[0]) == 8 &&
		       sizeof(((struct amv_vcpu *)0)->irq_line) == 1,
	       "mon_offsets.h: bank and line sizes");

/* Used by mon_entry.S. */
struct amv_vcpu *mon_vcpu;
uint32_t mon_fast_n;
const struct mon_fast_entry *mon_fast_tab;
uint32_t mon_fast_count[2];
uint32_t mon_undef_insn[2];

void mon_fast_init(struct amv_vcpu *v, const struct amv_patch *patches,
		   uint32_t n, struct mon_fast_entry *tab)
{
	for (uint32_t i = 0; i < n; i++) {
		const struct amv_insn *in = &patches[i].insn;
		bool sub = in->op == AMV_DP_SUB && in->rn == 14u &&
			   !(in->flags & (AMV_INSN_F_REG_OFFSET |
					  AMV_INSN_F_REG_SHIFT));
		bool mov = in->op == AMV_DP_MOV && in->rm == 14u &&
			   (in->flags & AMV_INSN_F_REG_OFFSET) &&
			   !(in->flags & AMV_INSN_F_REG_SHIFT) &&
			   in->shift_type == AMV_SHIFT_LSL && in->shift_imm == 0u;

		/* B9.3.19 SUBS PC, LR, #imm and MOVS PC, LR, unconditional:
		 * what mon_fast_return() does; -1 for everything else. */
		tab[i].addr = patches[i].address;
		tab[i].imm = patches[i].decoded && in->cls == AMV_INSN_DP &&
				     (in->flags & AMV_INSN_F_EXC_RETURN) &&
				     in->cond == 14u && (sub || mov)
				     ? (sub ? in->imm : 0u)
				     : 0xffffffffu;
	}
	mon_fast_tab = tab;
	mon_fast_n = n;
	mon_vcpu = v;
}

/* ------------------------------------------------------------ host GIC */

#define GICD_CTLR 0x000u
#define GICD_ISENABLER 0x100u
#define GICD_ICENABLER 0x180u
#define GICD_IPRIORITYR 0x400u
#define GICD_ITARGETSR 0x800u
#define GICC_CTLR 0x00u
#define GICC_PMR 0x04u
#define GICC_IAR 0x0cu
#define GICC_EOIR 0x10u

void mon_gic_init(void)
{
	*mon_dev(MON_GICD + GICD_CTLR) = 1u;
	*mon_dev(MON_GICC + GICC_PMR) = 0xf0u;
	*mon_dev(MON_GICC + GICC_CTLR) = 1u;
}

void mon_gic_enable(uint32_t id, bool on)
{
	uint32_t word = id / 32u * 4u, bit = 1u << (id % 32u);

	if (on) {
		uint32_t sh = (id % 4u) * 8u;
		volatile uint32_t *prio = mon_dev(MON_GICD + GICD_IPRIORITYR +
						  (id & ~3u));
		volatile uint32_t *tgt = mon_dev(MON_GICD + GICD_ITARGETSR +
						 (id & ~3u));

		*prio = (*prio & ~(0xffu << sh)) | (0xa0u << sh);
		*tgt = (*tgt & ~(0xffu << sh)) | (1u << sh);
		*mon_dev(MON_GICD + GICD_ISENABLER + word) = bit;
	} else {
		*mon_dev(MON_GICD + GICD_ICENABLER + word) = bit;
	}
}

uint32_t mon_gic_ack(void)
{
	return *mon_dev(MON_GICC + GICC_IAR) & 0x3ffu;
}

void mon_gic_eoi(uint32_t id)
{
	*mon_dev(MON_GICC + GICC_EOIR) = id;
}

/* ------------------------------------------------------------ host SP804 */

/* ARM DDI 0271 (SP804): per timer Load +0x00, Value +0x04, Control +0x08,
 * IntClr +0x0c. QEMU clocks both boards' timers at 1 MHz. */
#define SP804_LOAD 0x00u
#define SP804_CTRL 0x08u
#define SP804_INTCLR 0x0cu
#define SP804_CTRL_ONESHOT (1u << 0)
#define SP804_CTRL_32BIT (1u << 1)
#define SP804_CTRL_INTEN (1u << 5)
#define SP804_CTRL_ENABLE (1u << 7)

void mon_watchdog(uint32_t ms)
{
	*mon_dev(MON_TIMER23 + SP804_CTRL) = 0;
	*mon_dev(MON_TIMER23 + SP804_INTCLR) = 1;
	if (ms == 0 || ms > 0xffffffffu / 1000u) {
		mon_gic_enable(MON_TIMER23_IRQ, false);
		return;
	}
	*mon_dev(MON_TIMER23 + SP804_LOAD) = ms * 1000u;
	*mon_dev(MON_TIMER23 + SP804_CTRL) = SP804_CTRL_ENABLE |
					       SP804_CTRL_INTEN |
					       SP804_CTRL_32BIT |
					       SP804_CTRL_ONESHOT;
	mon_gic_enable(MON_TIMER23_IRQ, true);
}

void mon_watchdog_ack(void)
{
	*mon_dev(MON_TIMER23 + SP804_INTCLR) = 1;
}
