/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Boot (position independent until the MMU is on), exception vectors and
 * the small assembly helpers of the guest kernel. ARM state only.
 *
 * Trap frame (struct tf, 72 bytes, on the SVC stack):
 *   +0 r0..r12, +52 sp_usr, +56 lr_usr, +60 lr_svc, +64 pc, +68 cpsr
 * pc/cpsr are pushed by SRS, so RFE can return from the same frame.
 */
#include "guest_abi.h"

	.syntax unified
	.arm

#if defined(GUEST_BOARD_PB_A8)
#define RAM_BASE 0x00000000
#define TTB_WALK_ATTR 0x09
#else
#define RAM_BASE 0x60000000
#define TTB_WALK_ATTR 0x48
#endif
#define KERNEL_VBASE 0xc0000000
#define SECT_KERNEL 0x140e      /* TEX=001 C B, AP=01, domain 0, global */
#define DEV_PAGE 0x17           /* small page, device, AP=01, XN */
#define DACR_DEFAULT 0x15       /* domains 0, 1, 2: client */
#define HC_IMM 0x414d56

/* ------------------------------------------------------------------ boot */
	.section .text.boot, "ax"
	.global _start
_start:
	cpsid	aif
	adr	r0, _start			/* where we run (physical) */
	ldr	r1, =_start			/* where we are linked */
	sub	r10, r1, r0			/* r10 = VA - PA */

	ldr	r2, =__bss_start
	ldr	r3, =__bss_end
	sub	r2, r2, r10
	sub	r3, r3, r10
	mov	r4, #0
1:	cmp	r2, r3
	strlo	r4, [r2], #4
	blo	1b

	/* Kernel L1 (16 KiB, .bss, so already zero): linear map of RAM. */
	ldr	r4, =kernel_l1
	sub	r4, r4, r10			/* its PA */
	ldr	r5, =(RAM_BASE + SECT_KERNEL)
	add	r6, r4, #(KERNEL_VBASE >> 20) * 4
	mov	r7, #64
2:	str	r5, [r6], #4
	add	r5, r5, #0x100000
	subs	r7, r7, #1
	bne	2b

	/* Temporary identity section for the trampoline below. */
	adr	r0, trampoline
	lsr	r0, r0, #20
	ldr	r5, =SECT_KERNEL
	orr	r5, r5, r0, lsl #20
	str	r5, [r4, r0, lsl #2]

	/* Device L2 at 0xfff00000 (domain 0): small device pages. */
	ldr	r6, =dev_l2
	sub	r6, r6, r10
	ldr	r5, =(0x10009000 + DEV_PAGE)	/* UART0 */
	str	r5, [r6, #0]
	ldr	r5, =(0x10000000 + DEV_PAGE)	/* system registers */
	str	r5, [r6, #4]
	ldr	r5, =(0x10011000 + DEV_PAGE)	/* SP804 timer 0/1 */
	str	r5, [r6, #8]
	ldr	r5, =(0x1e000000 + DEV_PAGE)	/* GIC CPU interface page */
	str	r5, [r6, #12]
	ldr	r5, =(0x1e001000 + DEV_PAGE)	/* GIC distributor */
	str	r5, [r6, #16]
	orr	r5, r6, #1			/* page table, domain 0 */
	ldr	r0, =(0xfff * 4)
	str	r5, [r4, r0]

	/* TTBCR.N = 2; until the trampoline is gone TTBR0 = TTBR1 = kernel L1
	 * (its first 4 KiB serve as the TTBR0 table, so an identity section
	 * below 1 GiB works too). */
	mov	r0, #2
	mcr	p15, 0, r0, c2, c0, 2
	orr	r0, r4, #TTB_WALK_ATTR
	mcr	p15, 0, r0, c2, c0, 0
	mcr	p15, 0, r0, c2, c0, 1
	mov	r0, #DACR_DEFAULT
	mcr	p15, 0, r0, c3, c0, 0
	mov	r0, #0
	mcr	p15, 0, r0, c13, c0, 1		/* CONTEXTIDR: ASID 0 */
	mcr	p15, 0, r0, c8, c7, 0		/* TLBIALL */
	dsb
	isb
	ldr	r1, =high_start
	mrc	p15, 0, r0, c1, c0, 0
	bic	r0, r0, #(1 << 1)		/* A: no alignment faults */
	bic	r0, r0, #(1 << 13)		/* V: VBAR vectors */
	bic	r0, r0, #(3 << 28)		/* TRE, AFE off */
	orr	r0, r0, #(1 << 0)		/* M */
	orr	r0, r0, #(1 << 2)		/* C */
	orr	r0, r0, #(1 << 11)		/* Z */
	orr	r0, r0, #(1 << 12)		/* I */
	b	trampoline
	.balign	32
trampoline:
	mcr	p15, 0, r0, c1, c0, 0
	isb
	mov	pc, r1				/* to the linear map */

	.text
high_start:
	ldr	r0, =vectors
	mcr	p15, 0, r0, c12, c0, 0		/* VBAR */
	isb
	/* The IRQ/ABT/UND stacks only hold nothing: entries SRS to SVC. */
	ldr	r0, =exc_stack_top
	msr	cpsr_c, #0xd2			/* IRQ */
	mov	sp, r0
	msr	cpsr_c, #0xd7			/* ABT */
	mov	sp, r0
	msr	cpsr_c, #0xdb			/* UND */
	mov	sp, r0
	msr	cpsr_c, #0xd3			/* SVC */
	ldr	sp, =boot_stack_top
	mov	r0, r10
	bl	kmain
	b	.

/* ------------------------------------------------------------------ vectors */
	.balign	32
	.global vectors
vectors:
	b	vec_reset
	b	vec_und
	b	vec_svc
	b	vec_pabt
	b	vec_dabt
	b	vec_reset
	b	vec_irq
	b	vec_fiq

vec_reset:
vec_fiq:
	b	.

/* Build a trap frame on the SVC stack; lr = return address already. */
	.macro	TRAP_ENTRY
	srsdb	sp!, #0x13
	cps	#0x13
	sub	sp, sp, #64
	stmia	sp, {r0-r14}^
	str	lr, [sp, #60]
	mov	r0, sp
	.endm

/* SVC from User: syscall (r7 = number). SVC #0x414d56 from a privileged
 * mode: hypercall (r0 = function, r1, r2 = arguments). getpid is handled
 * here in four instructions so a null syscall costs one SVC and one
 * exception return. */
vec_svc:
	cmp	r7, #SYS_GETPID
	bne	1f
	ldr	r0, =cur_pid
	ldr	r0, [r0]
	movs	pc, lr
1:	stmfd	sp!, {r0-r3, r12, lr}
	mrs	r12, spsr
	tst	r12, #0xf
	bne	hypercall_entry
	ldmfd	sp!, {r0-r3, r12, lr}
	srsdb	sp!, #0x13
	sub	sp, sp, #64
	stmia	sp, {r0-r14}^
	mov	r0, sp
	bl	syscall_handler
	/* fall through */
/* Back to User after a system call (also a new process's first entry):
 * SPSR_svc from the frame, the return address moved next to the top of
 * the frame, and `ldmfd sp!, {pc}^` (which copies SPSR to CPSR) pops it. */
	.global ret_syscall
ret_syscall:
	ldr	r0, [sp, #68]
	msr	spsr_cxsf, r0
	ldr	r0, [sp, #64]
	str	r0, [sp, #68]
	ldmia	sp, {r0-r14}^
	nop
	add	sp, sp, #68
	ldmfd	sp!, {pc}^

hypercall_entry:
	ldr	r12, [lr, #-4]
	bic	r12, r12, #0xff000000
	ldr	r3, =HC_IMM
	cmp	r12, r3
	bne	bad_svc
	bl	hc_dispatch
	add	sp, sp, #4
	ldmfd	sp!, {r1-r3, r12, pc}^
bad_svc:
	ldr	r0, =msg_bad_svc
	bl	panic

vec_irq:
	sub	lr, lr, #4
	TRAP_ENTRY
	bl	irq_handler
ret_rfe:
	ldmia	sp, {r0-r14}^
	nop
	ldr	lr, [sp, #60]
	add	sp, sp, #64
	rfeia	sp!

vec_dabt:
	sub	lr, lr, #8
	TRAP_ENTRY
	bl	dabt_handler
	b	ret_exc

vec_pabt:
	sub	lr, lr, #4
	TRAP_ENTRY
	bl	pabt_handler
	b	ret_exc

vec_und:
	sub	lr, lr, #4
	TRAP_ENTRY
	bl	und_handler
	/* fall through */

/* Back to User with the classic `subs pc, lr, #4`; back to a privileged
 * mode (kernel fixups) with RFE, which also restores lr_svc. */
ret_exc:
	ldr	r0, [sp, #68]
	tst	r0, #0xf
	bne	ret_rfe
	msr	spsr_cxsf, r0
	ldr	lr, [sp, #64]
	add	lr, lr, #4
	ldmia	sp, {r0-r14}^
	nop
	add	sp, sp, #72
	subs	pc, lr, #4

/* ------------------------------------------------------------------ helpers */
/* swtch(save, load): callee-saved registers, sp, lr. */
	.global swtch
swtch:
	stmia	r0, {r4-r11, sp, lr}
	ldmia	r1, {r4-r11, sp, lr}
	bx	lr

/* Kernel accesses that may fault: the abort handler resumes at
 * probe_fixup with probe_fsr/probe_far set. */
	.global probe_read32, probe_read8, probe_write32
	.global probe_insn_r32, probe_insn_r8, probe_insn_w32, probe_fixup
probe_read32:
	mov	r1, r0
	mov	r0, #0
probe_insn_r32:
	ldr	r0, [r1]
	bx	lr
probe_read8:
	mov	r1, r0
	mov	r0, #0
probe_insn_r8:
	ldrb	r0, [r1]
	bx	lr
probe_write32:
probe_insn_w32:
	str	r1, [r0]
	bx	lr
probe_fixup:
	mvn	r0, #0
	bx	lr

/* hypercall(fn, a1, a2): SVC #0x414d56 from SVC mode (clobbers lr_svc and
 * SPSR_svc, which every trap entry has saved in its frame). */
	.global hypercall
hypercall:
	push	{r7, lr}
	ldr	r7, =HC_IMM
	svc	#HC_IMM
	pop	{r7, pc}

/* ARM semihosting SYS_EXIT_EXTENDED from SVC mode. */
	.global semihost_exit
semihost_exit:
	ldr	r2, =0x20026
	push	{r0}
	push	{r2}
	mov	r1, sp
	mov	r0, #0x20
	svc	0x123456
	b	.

/* Wait for an interrupt with IRQs enabled (nothing runnable). */
	.global idle_wait
idle_wait:
	cpsie	i
	wfi
	cpsid	i
	bx	lr

	.global read_cpsr
read_cpsr:
	mrs	r0, cpsr
	bx	lr

	.section .rodata
msg_bad_svc:
	.asciz	"SVC from a privileged mode without the hypercall immediate"

	.bss
	.balign	16384
	.global kernel_l1
kernel_l1:
	.space	16384
	.balign	4096
	.global empty_l1
empty_l1:
	.space	4096
	.balign	1024
	.global dev_l2
dev_l2:
	.space	1024
	.balign	8
	.space	256
exc_stack_top:
	.space	8192
boot_stack_top:
