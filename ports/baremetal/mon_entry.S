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
 * The monitor runs with IRQs masked: exception entry sets CPSR.I (B1.8.3)
 * and the switch to Supervisor mode keeps it; mon_run_guest() unmasks them
 * for the guest through the SPSR it returns with.
 */
	.syntax unified
	.arm

	.text
	.balign 32
	.global mon_vectors
mon_vectors:
	b	.			/* reset: never through VBAR */
	b	mon_undef
	b	mon_svc
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
