/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The amv test guest: a small ARMv7-A kernel (short descriptors, TTBCR.N = 2)
 * with user processes, demand paging, copy-on-write fork, signals and a
 * timer-driven round-robin scheduler. Everything here is kernel-private;
 * user programs (user.c) share only guest_abi.h with the kernel.
 */
#ifndef GUEST_H
#define GUEST_H

#include <stdint.h>
#include <stddef.h>
#include <stdarg.h>
#include "guest_abi.h"

/* ---------------------------------------------------------------- board */
#if defined(GUEST_BOARD_PB_A8)
#define RAM_BASE 0x00000000u
#define BOARD_NAME "realview-pb-a8"
#define GICC_OFFSET 0x000u      /* realview GIC: CPU interface at 0x1e000000 */
#define TIMER_IRQ 36u           /* SP804 at 0x10011000 -> pic[4] -> SPI 4 */
#define TTB_WALK_ATTR 0x09u     /* C (inner WB), RGN = 01 (outer WB-WA) */
#elif defined(GUEST_BOARD_VEXPRESS_A9)
#define RAM_BASE 0x60000000u
#define BOARD_NAME "vexpress-a9"
#define GICC_OFFSET 0x100u      /* A9 MPCore private region + 0x100 */
#define TIMER_IRQ 34u           /* SP804 timer01 -> pic[2] -> SPI 2 */
#define TTB_WALK_ATTR 0x48u     /* IRGN = 01 (bit 6), RGN = 01: WB-WA */
#else
#error "define GUEST_BOARD_PB_A8 or GUEST_BOARD_VEXPRESS_A9"
#endif

#define RAM_SIZE 0x04000000u    /* exactly 64 MiB */
#define KERNEL_VBASE 0xc0000000u
#define PAGE_SIZE 4096u
#define PAGE_SHIFT 12
#define NPAGES (RAM_SIZE >> PAGE_SHIFT)

static inline uint32_t virt_to_phys(const void *va)
{
	return (uint32_t)(uintptr_t)va - KERNEL_VBASE + RAM_BASE;
}

static inline void *phys_to_virt(uint32_t pa)
{
	return (void *)(uintptr_t)(pa - RAM_BASE + KERNEL_VBASE);
}

/* ---------------------------------------------------------------- devices */
/* One small page each in the device L2 table at DEV_VBASE (set up in start.S). */
#define DEV_VBASE 0xfff00000u
#define UART_VA (DEV_VBASE + 0x0000u)      /* PL011 UART0, PA 0x10009000 */
#define SYSREG_VA (DEV_VBASE + 0x1000u)    /* system registers, PA 0x10000000 */
#define TIMER_VA (DEV_VBASE + 0x2000u)     /* SP804, PA 0x10011000 */
#define GICC_VA (DEV_VBASE + 0x3000u + GICC_OFFSET) /* PA 0x1e000000 page */
#define GICD_VA (DEV_VBASE + 0x4000u)      /* PA 0x1e001000 */
#define DEMO_RO_VA (DEV_VBASE + 0x10000u)  /* read-only RAM page (DACR demo) */
#define PROBE_VA (DEV_VBASE + 0x20000u)    /* escape probe page */
#define DOMAIN_DEMO_VA 0xfe000000u         /* a section in domain 2 */
#define MONITOR_WINDOW_VA 0x70000000u      /* never mapped: the monitor's */

#define SYS_24MHZ_OFF 0x5cu

static inline uint32_t mmio_read(uint32_t va)
{
	return *(volatile uint32_t *)(uintptr_t)va;
}

static inline void mmio_write(uint32_t va, uint32_t v)
{
	*(volatile uint32_t *)(uintptr_t)va = v;
}

/* ---------------------------------------------------------------- descriptors */
/* Short-descriptor formats (ARM ARM B3.5.1), TEX remap off, AFE off. */
#define L1_TYPE_MASK 0x3u
#define L1_TYPE_TABLE 0x1u
#define L1_TYPE_SECTION 0x2u
#define L1_DOMAIN_SHIFT 5
#define L1_SECT_B 0x4u
#define L1_SECT_C 0x8u
#define L1_SECT_XN 0x10u
#define L1_SECT_AP_PRW 0x400u          /* AP[1:0] = 01: privileged RW only */
#define L1_SECT_TEX1 0x1000u
#define L1_SECT_NG 0x20000u
/* Normal write-back memory, privileged RW, global. */
#define L1_SECT_KERNEL (L1_TYPE_SECTION | L1_SECT_B | L1_SECT_C | \
			L1_SECT_AP_PRW | L1_SECT_TEX1)

#define L2_TYPE_SMALL 0x2u
#define L2_XN 0x1u
#define L2_B 0x4u
#define L2_C 0x8u
#define L2_AP_PRW 0x10u                /* AP = 001 */
#define L2_AP_PRO 0x210u               /* AP = 101: privileged RO */
#define L2_AP_URW 0x30u                /* AP = 011 */
#define L2_AP_URO 0x230u               /* AP = 111: RO at any privilege */
#define L2_AP_MASK 0x230u
#define L2_TEX1 0x40u
#define L2_NG 0x800u
#define L2_NORMAL (L2_TYPE_SMALL | L2_B | L2_C | L2_TEX1)
#define L2_DEVICE (L2_TYPE_SMALL | L2_B | L2_XN | L2_AP_PRW)

#define DOMAIN_KERNEL 0u
#define DOMAIN_USER 1u
#define DOMAIN_DEMO 2u
#define DACR_CLIENT 1u
#define DACR_MANAGER 3u
#define DACR_DEFAULT ((DACR_CLIENT << (2 * DOMAIN_KERNEL)) | \
		      (DACR_CLIENT << (2 * DOMAIN_USER)) | \
		      (DACR_CLIENT << (2 * DOMAIN_DEMO)))

/* Fault status (B3.13.3): FS[4] is bit 10, WnR bit 11. */
static inline uint32_t fsr_status(uint32_t fsr)
{
	return (fsr & 0xfu) | ((fsr >> 6) & 0x10u);
}
#define FSR_WNR 0x800u
#define FS_ALIGN 0x01u
#define FS_TRANS_SECT 0x05u
#define FS_TRANS_PAGE 0x07u
#define FS_DOMAIN_SECT 0x09u
#define FS_DOMAIN_PAGE 0x0bu
#define FS_PERM_SECT 0x0du
#define FS_PERM_PAGE 0x0fu

/* ---------------------------------------------------------------- CPU */
#define PSR_MODE_MASK 0x1fu
#define PSR_USR 0x10u
#define PSR_SVC 0x13u
#define PSR_I 0x80u
#define PSR_F 0x40u
#define PSR_A 0x100u
#define PSR_T 0x20u

#define CP15_READ(op1, crn, crm, op2) ({ uint32_t v_; \
	__asm__ volatile("mrc p15, " #op1 ", %0, " #crn ", " #crm ", " #op2 \
			 : "=r"(v_)); v_; })
#define CP15_WRITE(op1, crn, crm, op2, v) \
	__asm__ volatile("mcr p15, " #op1 ", %0, " #crn ", " #crm ", " #op2 \
			 :: "r"((uint32_t)(v)) : "memory")

static inline void dsb(void) { __asm__ volatile("dsb" ::: "memory"); }
static inline void isb(void) { __asm__ volatile("isb" ::: "memory"); }

/* Trap frame built by every exception entry in start.S (72 bytes). */
struct tf {
	uint32_t r[13];
	uint32_t sp_usr;
	uint32_t lr_usr;
	uint32_t lr_svc;
	uint32_t pc;
	uint32_t cpsr;
};

/* Callee-saved context for swtch(). */
struct kctx {
	uint32_t r4_r11[8];
	uint32_t sp;
	uint32_t lr;
};

/* ---------------------------------------------------------------- start.S */
extern uint32_t kernel_l1[4096];
extern uint32_t dev_l2[256];
extern uint32_t empty_l1[1024];
extern char __kernel_end[];
extern char __user_text_lma[], __user_text_start[], __user_text_end[];
extern volatile uint32_t cur_pid;
void swtch(struct kctx *save, const struct kctx *load);
void ret_syscall(void);
uint32_t probe_read32(uint32_t va);
uint32_t probe_read8(uint32_t va);
void probe_write32(uint32_t va, uint32_t v);
extern char probe_insn_r32[], probe_insn_r8[], probe_insn_w32[], probe_fixup[];
uint32_t hypercall(uint32_t fn, uint32_t a1, uint32_t a2);
void semihost_exit(uint32_t status);
void idle_wait(void);
uint32_t read_cpsr(void);

/* ---------------------------------------------------------------- lib.c */
void uart_putc(char c);
void kputs(const char *s);
/* %u %d %x %s %c with width/zero padding; uint32_t (a long here) is fine. */
void kprintf(const char *fmt, ...);
int kvsnprintf(char *buf, size_t n, const char *fmt, va_list ap);
int ksnprintf(char *buf, size_t n, const char *fmt, ...);
void *memset(void *d, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void panic(const char *msg) __attribute__((noreturn));
extern unsigned kernel_fail_count;
void kcheck(int ok, const char *what);

/* ---------------------------------------------------------------- mm.c */
/* Every store to a live translation table and every TLB operation goes
 * through these; GUEST_PV turns them into hypercalls. */
void set_pte(uint32_t *ptep, uint32_t val);
void tlb_flush_all(void);
void tlb_flush_mva(uint32_t va, uint32_t asid);
void tlb_flush_asid(uint32_t asid);
void switch_mm(uint32_t ttbr0, uint32_t contextidr);
uint32_t hc_dispatch(uint32_t fn, uint32_t a1, uint32_t a2);
extern unsigned hc_count;

void pages_init(void);
uint32_t page_alloc(void);          /* physical address, zeroed; 0 if none */
void page_ref(uint32_t pa);
void page_unref(uint32_t pa);
unsigned page_refcount(uint32_t pa);
unsigned pages_free(void);

/* ---------------------------------------------------------------- proc.c */
void proc_boot(void);
void irq_handler(struct tf *tf);
unsigned irq_ticks(void);
void syscall_handler(struct tf *tf);
void dabt_handler(struct tf *tf);
void pabt_handler(struct tf *tf);
void und_handler(struct tf *tf);
void kmain_finish(int init_status) __attribute__((noreturn));

/* Set by the abort handler when a probe_* access faults. */
extern volatile uint32_t probe_fsr, probe_far;

#endif
