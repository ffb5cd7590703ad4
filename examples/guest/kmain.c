/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Kernel start-up after start.S has turned the MMU on: trampoline removal,
 * CPU identification, the DACR/domain phase, the kernel half of the escape
 * tests, interrupt set-up, then the first user process.
 */
#include "guest.h"

#define GICD_CTLR 0x000u
#define GICD_ISENABLER 0x100u
#define GICD_IPRIORITYR 0x400u
#define GICD_ITARGETSR 0x800u
#define GICC_CTLR 0x00u
#define GICC_PMR 0x04u

#define TIMER1 0x20u            /* SP804 timer 1 inside the timer page */
#define TIMER_LOAD 0x00u
#define TIMER_CONTROL 0x08u
#define TIMER_INTCLR 0x0cu
#define TIMER_EN 0x80u
#define TIMER_PERIODIC 0x40u
#define TIMER_IE 0x20u
#define TIMER_32BIT 0x02u
#define TIMER_PERIOD_US 10000u  /* 1 MHz clock: 10 ms */

extern char _start[];
void kmain(uint32_t voff);

static uint32_t read_dacr(void)
{
	return CP15_READ(0, c3, c0, 0);
}

static void write_dacr(uint32_t v)
{
	CP15_WRITE(0, c3, c0, 0, v);
	isb();
}

static uint32_t probe_r32(uint32_t va, uint32_t *val)
{
	probe_fsr = 0;
	*val = probe_read32(va);
	return probe_fsr;
}

static uint32_t probe_w32(uint32_t va, uint32_t v)
{
	probe_fsr = 0;
	probe_write32(va, v);
	return probe_fsr;
}

static void print_ids(void)
{
	kprintf("cpu: MIDR %08x CTR %08x TLBTR %08x MPIDR %08x\n",
		CP15_READ(0, c0, c0, 0), CP15_READ(0, c0, c0, 1),
		CP15_READ(0, c0, c0, 3), CP15_READ(0, c0, c0, 5));
	kprintf("cpu: ID_PFR0 %08x ID_PFR1 %08x ID_DFR0 %08x\n",
		CP15_READ(0, c0, c1, 0), CP15_READ(0, c0, c1, 1),
		CP15_READ(0, c0, c1, 2));
	kprintf("cpu: ID_MMFR0 %08x ID_MMFR1 %08x ID_MMFR2 %08x ID_MMFR3 %08x\n",
		CP15_READ(0, c0, c1, 4), CP15_READ(0, c0, c1, 5),
		CP15_READ(0, c0, c1, 6), CP15_READ(0, c0, c1, 7));
	kprintf("cpu: ID_ISAR0 %08x ID_ISAR1 %08x ID_ISAR2 %08x\n",
		CP15_READ(0, c0, c2, 0), CP15_READ(0, c0, c2, 1),
		CP15_READ(0, c0, c2, 2));
	kprintf("cpu: ID_ISAR3 %08x ID_ISAR4 %08x\n",
		CP15_READ(0, c0, c2, 3), CP15_READ(0, c0, c2, 4));
}

/* The identity section let the PC survive SCTLR.M; it goes now (B3.10.1:
 * after removing a valid entry, invalidate the TLB). */
static void remove_trampoline(void)
{
	uint32_t pa = virt_to_phys(_start) & ~0xfffffu, fsr, v;

	switch_mm(virt_to_phys(empty_l1) | TTB_WALK_ATTR, 0);
	set_pte(&kernel_l1[pa >> 20], 0);
	tlb_flush_all();
	fsr = probe_r32(pa, &v);
	kprintf("mmu: TTBCR.N=%u, kernel at %08x (PA %08x), identity section %08x removed (TLBIALL); probe -> DFSR %03x\n",
		CP15_READ(0, c2, c0, 2) & 7u, KERNEL_VBASE + 0x100000u,
		RAM_BASE + 0x100000u, pa, fsr);
	kcheck(fsr_status(fsr) == FS_TRANS_SECT, "identity section still mapped");
}

/* Domains (B3.12.3): a client domain checks AP bits, a manager domain does
 * not, a no-access domain faults whatever the descriptor says. */
static void domain_phase(void)
{
	uint32_t ro_pa = page_alloc(), fsr, v, dacr = read_dacr();
	uint32_t *demo_l1e = &kernel_l1[DOMAIN_DEMO_VA >> 20];
	volatile uint32_t *ro_kva = phys_to_virt(ro_pa);

	kprintf("domain: DACR %08x (kernel 0, user 1, demo 2: client)\n", dacr);
	*ro_kva = 0x1111u;
	set_pte(&dev_l2[(DEMO_RO_VA >> 12) & 0xffu],
		ro_pa | L2_NORMAL | L2_AP_PRO | L2_XN);
	fsr = probe_w32(DEMO_RO_VA, 0x2222u);
	kprintf("domain: write to a privileged read-only page, domain 0 client -> DFSR %03x\n", fsr);
	kcheck(fsr_status(fsr) == FS_PERM_PAGE && (fsr & FSR_WNR), "RO page writable");
	write_dacr((dacr & ~3u) | (DACR_MANAGER << (2 * DOMAIN_KERNEL)));
	fsr = probe_w32(DEMO_RO_VA, 0x3333u);
	write_dacr(dacr);
	kprintf("domain: same write with domain 0 manager -> DFSR %03x, page holds %x; DACR restored %08x\n",
		fsr, *ro_kva, read_dacr());
	kcheck(fsr == 0 && *ro_kva == 0x3333u, "manager write");
	set_pte(&dev_l2[(DEMO_RO_VA >> 12) & 0xffu], 0);
	tlb_flush_mva(DEMO_RO_VA, 0);
	page_unref(ro_pa);

	/* A section of kernel RAM in domain 2. */
	set_pte(demo_l1e, (RAM_BASE + 0x100000u) | L1_SECT_KERNEL | L1_SECT_XN |
		(DOMAIN_DEMO << L1_DOMAIN_SHIFT));
	fsr = probe_r32(DOMAIN_DEMO_VA, &v);
	kprintf("domain: section %08x in domain 2 (client) -> DFSR %03x, same word as the linear map: %s\n",
		DOMAIN_DEMO_VA, fsr, v == *(uint32_t *)(KERNEL_VBASE + 0x100000u) ? "yes" : "no");
	kcheck(fsr == 0 && v == *(uint32_t *)(KERNEL_VBASE + 0x100000u), "domain 2 read");
	write_dacr(dacr & ~(3u << (2 * DOMAIN_DEMO)));
	fsr = probe_r32(DOMAIN_DEMO_VA, &v);
	write_dacr(dacr);
	kprintf("domain: domain 2 set to no access -> DFSR %03x (domain fault), DACR restored\n", fsr);
	kcheck(fsr_status(fsr) == FS_DOMAIN_SECT, "domain fault");
	set_pte(demo_l1e, 0);
	tlb_flush_mva(DOMAIN_DEMO_VA, 0);
	fsr = probe_r32(DOMAIN_DEMO_VA, &v);
	kprintf("domain: section unmapped (TLBIMVA) -> DFSR %03x\n", fsr);
	kcheck(fsr_status(fsr) == FS_TRANS_SECT, "unmapped section still readable");
}

static void kernel_escape_phase(void)
{
	uint32_t fsr, v, slot = (PROBE_VA >> 12) & 0xffu;

	fsr = probe_r32(MONITOR_WINDOW_VA, &v);
	kprintf("escape: kernel read of unmapped %08x -> DFSR %03x DFAR %08x (fixup)\n",
		MONITOR_WINDOW_VA, fsr, probe_far);
	kcheck(fsr_status(fsr) == FS_TRANS_SECT, "monitor window readable");

	/* One byte past the end of RAM, through a device page made for it. */
	set_pte(&dev_l2[slot], (RAM_BASE + RAM_SIZE) | L2_DEVICE);
	probe_fsr = 0;
	v = probe_read8(PROBE_VA);
	fsr = probe_fsr;
	if (fsr)
		kprintf("escape: read of PA %08x (one past RAM) -> DFSR %03x\n",
			RAM_BASE + RAM_SIZE, fsr);
	else
		kprintf("escape: read of PA %08x (one past RAM) -> no fault, value %02x\n",
			RAM_BASE + RAM_SIZE, v);
	set_pte(&dev_l2[slot], 0);
	tlb_flush_mva(PROBE_VA, 0);

	/*
	 * Where the example monitor keeps itself on the host (its image and
	 * shadow-table pools from 0x70010000, its staging area at 0x73000000,
	 * this guest's RAM from 0x74000000): as guest physical addresses these are
	 * this board's own RAM alias (realview-pb-a8 decodes RAM again at
	 * 0x70000000) or nothing. Reads and a write give what the board
	 * gives; nothing of the monitor shows through.
	 */
	static const uint32_t host_pa[] = {0x70100000u, 0x73000000u,
					   0x74000000u, 0x7ff00000u};
	for (unsigned int i = 0; i < sizeof(host_pa) / sizeof(host_pa[0]); i++) {
		uint32_t pa = host_pa[i], w = 0, back = 0, fsr2;
		int alias = pa - 0x70000000u < RAM_SIZE && RAM_BASE == 0;

		set_pte(&dev_l2[slot], pa | L2_DEVICE);
		tlb_flush_mva(PROBE_VA, 0);
		fsr = probe_r32(PROBE_VA, &v);
		if (!alias) {
			fsr2 = probe_w32(PROBE_VA, 0xa5a5a5a5u);
			if (fsr2 == 0)
				(void)probe_r32(PROBE_VA, &back);
		} else {
			/* Our own RAM: compare, do not write. */
			w = *(volatile uint32_t *)(KERNEL_VBASE + (pa - 0x70000000u));
			fsr2 = 0;
		}
		/* (Not the alias's value: that is kernel text, which a monitor
		 * may have patched.) */
		kprintf("escape: PA %08x -> read DFSR %03x, %s\n", pa, fsr,
			alias ? (v == w ? "the board's RAM alias: same word as RAM" : "differs from RAM")
			      : (fsr2 == 0 && v == 0 && back == 0 ? "reads zero, write ignored" : "write kept"));
		kcheck(alias ? v == w : (fsr2 == 0 && v == 0 && back == 0), "escape probe");
	}
	set_pte(&dev_l2[slot], 0);
	tlb_flush_mva(PROBE_VA, 0);
}

static void irq_init(void)
{
	uint32_t n = TIMER_IRQ;

	mmio_write(GICD_VA + GICD_CTLR, 0);
	mmio_write(GICD_VA + GICD_IPRIORITYR + 4u * (n / 4u), 0xa0a0a0a0u);
	mmio_write(GICD_VA + GICD_ITARGETSR + 4u * (n / 4u), 0x01010101u);
	mmio_write(GICD_VA + GICD_ISENABLER + 4u * (n / 32u), 1u << (n % 32u));
	mmio_write(GICD_VA + GICD_CTLR, 1);
	mmio_write(GICC_VA + GICC_PMR, 0xf0);
	mmio_write(GICC_VA + GICC_CTLR, 1);

	mmio_write(TIMER_VA + TIMER1 + TIMER_CONTROL, 0);
	mmio_write(TIMER_VA + TIMER1 + TIMER_LOAD, TIMER_PERIOD_US);
	mmio_write(TIMER_VA + TIMER1 + TIMER_INTCLR, 1);
	mmio_write(TIMER_VA + TIMER1 + TIMER_CONTROL,
		   TIMER_EN | TIMER_PERIODIC | TIMER_IE | TIMER_32BIT);
	kprintf("irq: SP804 timer 1 periodic %u us, GIC interrupt %u\n",
		TIMER_PERIOD_US, TIMER_IRQ);

	/* One tick taken in SVC mode: cpsie i; wfi; cpsid i. */
	n = irq_ticks();
	while (irq_ticks() == n)
		idle_wait();
	kprintf("irq: first tick taken in kernel mode %x (wfi), interrupts masked again: %s\n",
		read_cpsr() & PSR_MODE_MASK, (read_cpsr() & PSR_I) ? "yes" : "no");
}

void kmain(uint32_t voff)
{
	(void)voff;
	kprintf("\nguest: amv test OS on %s\n", BOARD_NAME);
#ifdef GUEST_PV
	kprintf("@build pv (hypercalls for table stores and TLB maintenance)\n");
#else
	kprintf("@build native\n");
#endif
	remove_trampoline();
	print_ids();
	pages_init();
	kprintf("@mem free pages %u\n", pages_free());
	domain_phase();
	kernel_escape_phase();
	irq_init();
	proc_boot();
}
