/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The two exits of a system call in assembly: entering the guest's SVC
 * from virtual User mode, and the kernel's `SUBS PC, LR, #imm` / `MOVS PC,
 * LR` back. They do what amv_route() (amv_inject(), and the exception
 * return of amv_emulate()) does for these cases, on the vCPU's documented
 * state (vcpu.h), and decline everything else without writing anything.
 * The library's C is the reference: tests/monitor/fast_diff.c runs both on
 * random vCPU states on QEMU and compares them field by field.
 *
 * Both are AAPCS functions that touch no register but R0-R3, R12 (and
 * R4, R5, saved), so mon_entry.S calls them with the guest's R4-R11 live.
 * Neither tells the shadow MMU the new privilege: the caller does
 * (amv_shadow_set_mode(), as vcpu.h asks of a port that writes the CPSR).
 */
	.syntax unified
	.arm

#include "mon_offsets.h"

	.text
/*
 * int mon_fast_svc(struct amv_vcpu *v, uint32_t host_spsr, uint32_t ret)
 *
 * An SVC taken from the guest: in virtual User mode with no virtual FIQ
 * line, enter the guest's SVC exception (B1.8.3, B1.8.10) and return 1;
 * else return 0. host_spsr holds the CPSR bits the host keeps for the
 * guest (AMV_CPSR_HOST_BITS); ret is the host LR, the next instruction
 * (ARM or Thumb).
 */
	.global mon_fast_svc
mon_fast_svc:
	ldr	r3, [r0, #MON_V_CPSR]
	and	r12, r3, #0x1f
	cmp	r12, #0x10		/* virtual User mode */
	bne	0f
	ldrb	r12, [r0, #MON_V_FIQ_LINE]
	cmp	r12, #0
	bne	0f
	ldr	r12, =MON_CPSR_HOST_BITS
	bic	r3, r3, r12
	and	r1, r1, r12
	orr	r3, r3, r1		/* the whole virtual CPSR */
	str	r3, [r0, #MON_V_SPSR]	/* SPSR_svc (bank 1) */
	str	r2, [r0, #MON_V_SP_LR + 12] /* LR_svc */
	/* CPSR: mode SVC, I set; IT, J, T and E cleared, then T from
	 * SCTLR.TE and E from SCTLR.EE. */
	ldr	r12, =0xf8ff01c0
	and	r1, r3, r12
	orr	r1, r1, #0x93
	ldr	r3, [r0, #MON_V_SCTLR]
	tst	r3, #(1 << 30)
	orrne	r1, r1, #0x20
	tst	r3, #(1 << 25)
	orrne	r1, r1, #0x200
	str	r1, [r0, #MON_V_CPSR]
	/* The vector: high vectors with SCTLR.V, else VBAR if implemented,
	 * else 0; SVC at + 8. */
	tst	r3, #(1 << 13)
	mvnne	r2, #0xff00
	bicne	r2, r2, #0xff		/* 0xffff0000 */
	bne	1f
	ldr	r2, [r0, #MON_V_FEATURES]
	tst	r2, #1			/* AMV_VCPU_VBAR */
	ldrne	r2, [r0, #MON_V_VBAR]
	bicne	r2, r2, #0x1f
	moveq	r2, #0
1:	add	r2, r2, #8
	str	r2, [r0, #MON_V_PC]
	mov	r0, #1
	bx	lr
0:	mov	r0, #0
	bx	lr

/*
 * int mon_fast_return(struct amv_vcpu *v, uint32_t imm)
 *
 * `SUBS PC, LR, #imm` (imm 0: `MOVS PC, LR`), unconditional, in the
 * current virtual mode, whose SP and LR are in the vCPU (B9.3.19): CPSR
 * from SPSR, PC from LR - imm, return 1. Declined (0): User and System
 * mode (no SPSR), FIQ mode or an SPSR that returns to it (R8-R12 would
 * bank), an asserted virtual FIQ line, an asserted IRQ line that the new
 * CPSR unmasks (the slow path enters it).
 */
	.global mon_fast_return
mon_fast_return:
	push	{r4, r5}
	ldrb	r12, [r0, #MON_V_FIQ_LINE]
	cmp	r12, #0
	bne	0f
	ldr	r3, [r0, #MON_V_CPSR]	/* r3 = CPSR (mode and masks) */
	and	r12, r3, #0xf
	ldr	r2, =mon_mode_bank
	ldrb	r12, [r2, r12]		/* r12 = bank */
	cmp	r12, #0
	cmpne	r12, #5
	beq	0f
	add	r2, r0, r12, lsl #2
	ldr	r2, [r2, #MON_V_SPSR - 4] /* r2 = SPSR */
	and	r4, r2, #0x1f
	cmp	r4, #0x11
	beq	0f
	ldrb	r4, [r0, #MON_V_IRQ_LINE]
	cmp	r4, #0
	beq	1f
	tst	r2, #0x80
	beq	0f
1:	add	r4, r0, r12, lsl #3
	ldr	r4, [r4, #MON_V_SP_LR + 4]
	sub	r1, r4, r1		/* r1 = the result */
	/* B1.3.3 CPSRWriteByInstr() for an exception return at PL1: every
	 * field but the reserved bits [23:20]; F stays with SCTLR.NMFI set;
	 * a mode field naming no mode is not written. */
	ldr	r4, [r0, #MON_V_SCTLR]
	tst	r4, #(1 << 27)
	beq	2f
	tst	r2, #0x40
	bicne	r2, r2, #0x40
	andne	r4, r3, #0x40
	orrne	r2, r2, r4
2:	and	r4, r2, #0x1f
	ldr	r5, =MON_MODES_VALID
	lsr	r5, r5, r4
	tst	r5, #1
	biceq	r2, r2, #0x1f
	andeq	r4, r3, #0x1f
	orreq	r2, r2, r4
	and	r3, r3, #0x00f00000
	ldr	r4, =0xff0fffff
	and	r2, r2, r4
	orr	r2, r2, r3
	str	r2, [r0, #MON_V_CPSR]
	/* BranchWritePC() in the new instruction set. */
	tst	r2, #0x20
	biceq	r1, r1, #3
	bicne	r1, r1, #1
	str	r1, [r0, #MON_V_PC]
	mov	r0, #1
	pop	{r4, r5}
	bx	lr
0:	mov	r0, #0
	pop	{r4, r5}
	bx	lr
	.ltorg

	.section .rodata
/* enum amv_bank by CPSR.M[3:0] (B1.3.1; M[4] is 1 in every mode here):
 * User 0, FIQ 5, IRQ 4, Supervisor 1, Abort 2, Undefined 3, System 0. */
	.global mon_mode_bank
mon_mode_bank:
	.byte	0, 5, 4, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 0
