/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The monitor's host exception vectors and the world switch.
 *
 * The guest always runs in User mode. An exception taken from User mode is
 * a guest exit: the entry stores the guest's User-bank R0-R12, SP and LR
 * where mon_guest points (the vCPU's own registers), the address of the
 * instruction concerned (LR minus the exception's ARM-state offset, B1.8.3;
 * for SVC and UNDEF in Thumb state the caller adds 2 back) and the
 * SPSR in mon_guest, switches to the monitor's Supervisor mode and
 * returns from mon_run_guest() with the exception kind (enum bm_exc). An
 * exception taken from a privileged mode is the monitor's own and goes to
 * the bare-metal runtime's entries (bm_exception()).
 *
 * SVC and UNDEF try the fast path first (mon_svc_fast, mon_undef_fast,
 * mon_fast.S): a system call and the kernel's return from it are handled
 * in the vector, with the guest's R4-R11 never saved.
 *
 * The monitor runs with IRQs masked: exception entry sets CPSR.I (B1.8.3)
 * and the switch to Supervisor mode keeps it; mon_run_guest() unmasks them
 * for the guest through the SPSR it returns with.
 */
	.syntax unified
	.arm

#include "mon_offsets.h"

	.text
	.balign 32
	.global mon_vectors
mon_vectors:
	b	.			/* reset: never through VBAR */
	b	mon_undef_fast
	b	mon_svc_fast
	b	mon_pabt
	b	mon_dabt
	b	.
	b	mon_irq
	b	mon_fiq

/* struct mon_frame: regs at 0, sp_lr at 4, pc at 8, cpsr at 12. */
	.macro GUEST_ENTRY name, kind, adjust, host
\name:
	sub	lr, lr, #\adjust
	str	r0, [sp, #-4]!
	mrs	r0, spsr
	tst	r0, #0xf		/* M[3:0] == 0: User mode, the guest */
	ldrne	r0, [sp], #4
	addne	lr, lr, #\adjust
	bne	\host
	ldr	r0, =mon_guest
	ldr	r0, [r0]		/* regs */
	stmib	r0, {r1-r12}^		/* the guest's User-bank R1-R12 */
	ldr	r1, [sp], #4
	str	r1, [r0]		/* R0 */
	ldr	r0, =mon_guest
	ldr	r1, [r0, #4]
	stmia	r1, {r13, r14}^		/* SP, LR */
	str	lr, [r0, #8]
	mrs	r1, spsr
	str	r1, [r0, #12]
	mov	r0, #\kind
	b	mon_exit_guest
	.endm

	GUEST_ENTRY mon_undef, 1, 4, bm_undef_entry
	GUEST_ENTRY mon_svc, 2, 4, bm_svc_entry
	GUEST_ENTRY mon_pabt, 3, 4, bm_pabt_entry
	GUEST_ENTRY mon_dabt, 4, 8, bm_dabt_entry
	GUEST_ENTRY mon_irq, 6, 4, bm_irq_entry
	GUEST_ENTRY mon_fiq, 7, 4, bm_fiq_entry

/*
 * The fast path (mon_fast.S): a system call from the guest's User mode and
 * the kernel's patched `SUBS PC, LR, #imm` / `MOVS PC, LR` back, handled
 * without leaving the vector. The guest's R0-R3, R12 and LR are pushed on
 * this mode's stack, its SP and LR stored in the vCPU (the current mode's
 * bank, through mon_guest); R4-R11 stay live through the AAPCS calls. A
 * declined exit pops everything and takes the full path above, which
 * stores SP and LR again.
 *
 * FAST_CALL: the guest's SP and LR to the vCPU, then \fn(v, r1, r2); when
 * it handled the exit, resume, counted in mon_fast_count[\slot].
 */
	.macro FAST_CALL fn, slot
	ldr	r0, =mon_guest
	ldr	r0, [r0, #4]
	stmia	r0, {r13, r14}^
	ldr	r0, =mon_vcpu
	ldr	r0, [r0]
	bl	\fn
	cmp	r0, #0
	movne	r0, #\slot
	bne	mon_fast_resume
	.endm

mon_svc_fast:
	stmdb	sp!, {r0-r3, r12, lr}
	mrs	r1, spsr
	tst	r1, #0xf
	bne	1f			/* the monitor's own SVC */
	mov	r2, lr
	FAST_CALL mon_fast_svc, 0
1:	ldmia	sp!, {r0-r3, r12, lr}
	b	mon_svc

	.global mon_undef_ldr_insn, mon_undef_ldr_fail
mon_undef_fast:
	stmdb	sp!, {r0-r3, r12, lr}
	mrs	r1, spsr
	tst	r1, #0xf		/* the monitor's own */
	bne	1f
	tst	r1, #0x20		/* Thumb: no patches there */
	bne	1f
mon_undef_ldr_insn:
	ldr	r0, [lr, #-4]		/* the word, just fetched (an abort
					   goes to mon_undef_ldr_fail) */
	ldr	r2, =mon_undef_insn	/* for the full path too */
	sub	r3, lr, #4
	stmia	r2, {r0, r3}
	ldr	r2, =0xfff000f0
	and	r2, r0, r2
	ldr	r3, =0xe7f000f0
	cmp	r2, r3
	bne	1f
	and	r2, r0, #0xf		/* entry imm12:imm4 (docs/amv-scan.md) */
	lsr	r0, r0, #4
	ldr	r3, =0xfff0
	and	r0, r0, r3
	orr	r0, r0, r2
	ldr	r2, =mon_fast_n
	ldr	r2, [r2]
	cmp	r0, r2
	bhs	1f
	ldr	r2, =mon_fast_tab
	ldr	r2, [r2]
	add	r2, r2, r0, lsl #3
	ldr	r1, [r2, #4]
	cmn	r1, #1			/* not a return mon_fast.S does */
	beq	1f
	ldr	r2, [r2]
	sub	r3, lr, #4
	cmp	r2, r3			/* the entry names this address */
	bne	1f
	FAST_CALL mon_fast_return, 1
1:	ldmia	sp!, {r0-r3, r12, lr}
	b	mon_undef
mon_undef_ldr_fail:			/* no word for the full path either */
	ldr	r2, =mon_undef_insn
	mov	r3, #1			/* no ARM instruction's address */
	str	r3, [r2, #4]
	b	1b

/*
 * r0 = which mon_fast_count to add to. Point mon_guest at the new mode's
 * bank, tell the shadow MMU the virtual privilege, resume the guest.
 */
mon_fast_resume:
	ldr	r1, =mon_fast_count
	ldr	r2, [r1, r0, lsl #2]
	add	r2, r2, #1
	str	r2, [r1, r0, lsl #2]
	ldr	r0, =mon_vcpu
	ldr	r0, [r0]
	ldr	r1, [r0, #MON_V_CPSR]
	and	r2, r1, #0xf
	ldr	r3, =mon_mode_bank
	ldrb	r2, [r3, r2]
	add	r2, r0, r2, lsl #3
	add	r2, r2, #MON_V_SP_LR
	ldr	r3, =mon_guest
	str	r2, [r3, #4]
	ldr	r0, [r0, #MON_V_VM]
	cmp	r0, #0
	beq	1f
	and	r1, r1, #0x1f
	subs	r1, r1, #0x10
	movne	r1, #1
	bl	amv_shadow_set_mode
1:	ldr	r0, =mon_vcpu
	ldr	r0, [r0]
	ldr	r1, [r0, #MON_V_CPSR]
	ldr	r3, =MON_CPSR_HOST_BITS
	and	r1, r1, r3
	orr	r1, r1, #0x10		/* host User mode */
	msr	spsr_cxsf, r1
	ldr	r2, =mon_guest
	ldr	r2, [r2, #4]
	ldmia	r2, {r13, r14}^
	nop				/* no banked access right after LDM ^ (ARMv6) */
	ldr	lr, [r0, #MON_V_PC]
	ldmia	sp!, {r0-r3, r12}
	add	sp, sp, #4
	movs	pc, lr

/* Back in Supervisor mode, on the stack mon_run_guest() left. */
mon_exit_guest:
	cps	#0x13
	pop	{r4-r12, pc}

/*
 * int mon_run_guest(void): run the guest from mon_guest until it exits;
 * returns the exit's enum bm_exc. Called in Supervisor mode.
 */
	.global mon_run_guest
mon_run_guest:
	push	{r4-r12, lr}
	ldr	lr, =mon_guest
	ldr	r0, [lr, #12]
	msr	spsr_cxsf, r0
	ldr	r0, [lr, #4]
	ldmia	r0, {r13, r14}^		/* the guest's SP and LR, User bank */
	nop				/* no banked access right after LDM ^ (ARMv6) */
	ldr	r0, [lr]
	ldr	lr, [lr, #8]
	ldmia	r0, {r0-r12}		/* R0-R12: not banked in Supervisor mode */
	movs	pc, lr			/* CPSR = SPSR: User mode, the guest */

/*
 * int mon_guest_ldr(uint32_t va, uint32_t *out): load a word of the guest
 * through the current translation; 0, or -1 when the load aborts (the
 * monitor's Data Abort handler moves the PC from mon_guest_ldr_insn to
 * mon_guest_ldr_fail).
 */
	.global mon_guest_ldr, mon_guest_ldr_insn, mon_guest_ldr_fail
mon_guest_ldr:
mon_guest_ldr_insn:
	ldr	r2, [r0]
	str	r2, [r1]
	mov	r0, #0
	bx	lr
mon_guest_ldr_fail:
	mvn	r0, #0
	bx	lr
	.ltorg
