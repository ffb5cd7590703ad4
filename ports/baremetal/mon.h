/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The bare-metal port's monitor layer: the host MMU with the monitor
 * window, the world switch, the host interrupt controller and timer, and
 * the struct amv_port_ops a VM's shadow MMU and vCPU use.
 *
 * Host memory (both boards; realview-pb-a8 runs with -m 128, whose RAM is
 * aliased at 0x70000000, vexpress-a9 with -m 512, RAM 0x60000000-0x7fffffff):
 *
 *   0x70000000 +-------------------------------+  monitor window: mapped
 *              | monitor image, stacks, pools  |  identically (VA = PA) in
 *   0x73000000 | guest image staging (8 MiB)   |  every shadow L1, Normal
 *   0x73e00000 | host devices 0x10000000 (MiB) |  memory, privileged-only,
 *   0x73f00000 | host devices 0x1e000000 (MiB) |  domain MON_DOMAIN, global
 *   0x74000000 | guest RAM (64 MiB)            |
 *   0x78000000 +-------------------------------+
 *
 * The two device MiBs are mapped at the window's top instead of their own
 * addresses so that the guest keeps the whole address space outside the
 * window. Device addresses (QEMU 7.2 hw/arm/realview.c, vexpress.c):
 * UART0 0x10009000 (the guest's console), UART1 0x1000a000 (the monitor's),
 * system registers 0x10000000, SP804 timers 0/1 at 0x10011000 (the guest's;
 * GIC SPI 4 = ID 36 on realview-pb-a8, SPI 2 = ID 34 on vexpress-a9),
 * SP804 timers 2/3 at 0x10012000 (the monitor's watchdog; SPI 5 = ID 37,
 * SPI 3 = ID 35), GIC distributor
 * 0x1e001000, CPU interface 0x1e000000 (realview-pb-a8) or 0x1e000100
 * (vexpress-a9, the Cortex-A9 private region).
 */
#ifndef BM_MON_H
#define BM_MON_H

#include <stdint.h>
#include <amv/amv.h>

#define MON_WINDOW_BASE 0x70000000u
#define MON_WINDOW_SIZE 0x08000000u
#define MON_WINDOW_MIB (MON_WINDOW_SIZE >> 20)
#define MON_STAGING_BASE 0x73000000u
#define MON_STAGING_SIZE 0x00800000u
#define MON_DEV0_VA 0x73e00000u /* host PA 0x10000000 */
#define MON_DEV1_VA 0x73f00000u /* host PA 0x1e000000 */
#define MON_GUEST_HPA 0x74000000u
#define MON_GUEST_RAM_SIZE 0x04000000u
#define MON_DOMAIN 0u /* the host domain the monitor keeps */
#define MON_ASID 0u   /* reserved host ASID (no entry is ever tagged with it) */

/* The monitor's VA of a host device register (in the two device MiBs). */
static inline volatile uint32_t *mon_dev(uint32_t pa)
{
	uint32_t va = ((pa >> 20) == 0x100u ? MON_DEV0_VA : MON_DEV1_VA) |
		      (pa & 0xfffffu);

	return (volatile uint32_t *)(uintptr_t)va;
}

#define MON_UART0 0x10009000u
#define MON_UART1 0x1000a000u
#define MON_SYSREG 0x10000000u
#define MON_SYSREG_24MHZ 0x1000005cu
#define MON_TIMER01 0x10011000u
#define MON_TIMER23 0x10012000u /* the monitor's own (watchdog) */
#define MON_GICD 0x1e001000u
#if defined(BM_BOARD_VEXPRESS_A9)
#define MON_GICC 0x1e000100u
#define MON_TIMER01_IRQ 34u
#define MON_TIMER23_IRQ 35u
#define MON_GUEST_RAM_GPA 0x60000000u
#else
#define MON_GICC 0x1e000000u
#define MON_TIMER01_IRQ 36u
#define MON_TIMER23_IRQ 37u
#define MON_GUEST_RAM_GPA 0x00000000u
#endif

/* Where the world switch finds and leaves the guest's registers: the
 * vCPU's own R0-R12 (a copy in virtual FIQ mode) and its current mode's SP
 * and LR, so that an exit copies nothing. */
struct mon_frame {
	uint32_t *regs;  /* R0-R12 */
	uint32_t *sp_lr; /* SP, LR */
	uint32_t pc;     /* where it resumes; on exit, the instruction
			    concerned, 2 bytes short for SVC and UNDEF in
			    Thumb state (see mon_entry.S) */
	uint32_t cpsr;   /* host SPSR: amv_vcpu_to_host() / from_host() */
};

extern struct mon_frame mon_guest;

/* Run the guest until a host exception; returns its enum bm_exc. */
int mon_run_guest(void);

/*
 * The fast path (mon_fast.S, mon_entry.S): User-mode SVCs and the patched
 * `SUBS PC, LR, #imm` / `MOVS PC, LR` of the guest are handled in the
 * vector. mon_fast_init() points it at the vCPU and builds its table from
 * the patch table (decoded by amv_patch_prepare(); @tab holds @n entries).
 * Exits it handled are counted in mon_fast_count (SVC, return) until the
 * caller takes them. Every UNDEF in ARM state leaves the word at the PC
 * and the PC in mon_undef_insn (the caller need not load it again).
 */
struct mon_fast_entry {
	uint32_t addr; /* the patched word's address */
	uint32_t imm;  /* SUBS PC, LR, #imm (MOVS PC, LR: 0); else ~0 */
};
void mon_fast_init(struct amv_vcpu *v, const struct amv_patch *patches,
		   uint32_t n, struct mon_fast_entry *tab);
extern uint32_t mon_fast_count[2];
extern uint32_t mon_undef_insn[2]; /* word, PC */

/* Load a guest word through the current translation: 0 or -1 (aborted). */
int mon_guest_ldr(uint32_t va, uint32_t *out);

/* vCPU <-> mon_guest, on every exit: inline, with virtual FIQ mode (whose
 * R8-R12 are banked: a copy of R0-R12 in mon_fiq_regs) out of line. */
extern uint32_t mon_fiq_regs[13];
void mon_frame_fiq_from_vcpu(struct amv_vcpu *v);
void mon_frame_fiq_to_vcpu(struct amv_vcpu *v);

static inline void mon_frame_from_vcpu(struct amv_vcpu *v)
{
	uint32_t mode = v->cpsr & AMV_PSR_MODE_MASK;

	if (mode == AMV_MODE_FIQ) {
		mon_frame_fiq_from_vcpu(v);
		return;
	}
	mon_guest.regs = v->r;
	mon_guest.sp_lr = v->sp_lr[amv_mode_bank(mode)];
	mon_guest.pc = v->pc;
	mon_guest.cpsr = amv_vcpu_to_host(v);
}

static inline void mon_frame_to_vcpu(struct amv_vcpu *v)
{
	if (mon_guest.regs == mon_fiq_regs) {
		mon_frame_fiq_to_vcpu(v);
		return;
	}
	v->pc = mon_guest.pc;
	amv_vcpu_from_host(v, mon_guest.cpsr);
}

/* Guest devices: a port context's MMIO handlers (gpa outside RAM). Return
 * 0, or -AMV_EFAULT where nothing answers. */
struct mon_mmio {
	int (*read)(void *dev, uint32_t gpa, unsigned int size, uint32_t *val);
	int (*write)(void *dev, uint32_t gpa, unsigned int size, uint32_t val);
	void *dev;
};

/* The port context given with mon_port_ops. */
struct mon_port {
	const struct amv_vm_region *regions;
	unsigned int n_regions;
	struct mon_mmio mmio;
	uint32_t ttbr0, contextidr, dacr; /* host values last loaded */
	bool tlbimvaa;                    /* the core has TLBIMVAA */
	uint32_t dline;                   /* data cache line to clean after a
					     table write; 0: walks coherent */
	uint32_t mmu_loads;               /* set_host_mmu calls */
};

extern const struct amv_port_ops mon_port_ops;

/* Host MMU: boot L1 with the window, MMU and caches on. */
void mon_mmu_init(void);
/* The window's L1 entries (for amv_shadow_config::window_l1). */
extern uint32_t mon_window_l1[MON_WINDOW_MIB];
/* Host CP15 identification registers into a vCPU's virtual CP15. */
void mon_read_host_ids(struct amv_cp15 *c);

/* Host GIC and SP804. */
void mon_gic_init(void);
void mon_gic_enable(uint32_t id, bool on);
uint32_t mon_gic_ack(void); /* interrupt ID, 1023: none */
void mon_gic_eoi(uint32_t id);
/* The monitor's SP804 (timer 2, 1 MHz on both boards): one interrupt after
 * @ms milliseconds of (virtual) time; 0 stops it. */
void mon_watchdog(uint32_t ms);
void mon_watchdog_ack(void);

/* Time: the 24 MHz counter (follows QEMU's virtual clock). */
static inline uint32_t mon_counter24(void)
{
	return *mon_dev(MON_SYSREG_24MHZ);
}

#endif /* BM_MON_H */
