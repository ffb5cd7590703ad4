/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Start-up and exception vectors for the bare-metal port (ARMv7-A, ARM
 * state). Every exception saves a struct bm_frame on the mode's stack and
 * calls bm_exception(kind, frame); the handler may edit the frame, which is
 * restored with an exception return.
 */
	.syntax unified
	.arm

	.section .vectors, "ax"
	.balign 32
	.global bm_vectors
bm_vectors:
	ldr	pc, =bm_reset
	b	bm_undef_entry
	b	bm_svc_entry
	b	bm_pabt_entry
	b	bm_dabt_entry
	b	.
	b	bm_irq_entry
	b	bm_fiq_entry
	.ltorg

/*
 * ENTRY kind, lr_adjust: LR - lr_adjust is the address saved as frame.pc
 * (ARMv7 ARM B1.8.3, link register offsets per exception).
 */
	.macro ENTRY name, kind, adjust
	.global \name
\name:
	sub	lr, lr, #\adjust
	push	{lr}
	push	{r0-r12}
	mrs	r0, spsr
	push	{r0}
	mov	r0, #\kind
	mov	r1, sp
	bl	bm_exception
	pop	{r0}
	msr	spsr_cxsf, r0
	pop	{r0-r12}
	ldm	sp!, {pc}^
	.endm

	.text
	ENTRY	bm_undef_entry, 1, 4
	ENTRY	bm_svc_entry, 2, 4
	ENTRY	bm_pabt_entry, 3, 4
	ENTRY	bm_dabt_entry, 4, 8
	ENTRY	bm_irq_entry, 6, 4
	ENTRY	bm_fiq_entry, 7, 4

	.macro SETSTACK mode, top
	cps	#\mode
	ldr	sp, =\top
	.endm

	.global bm_reset
bm_reset:
	cpsid	aif
	SETSTACK 0x17, __stack_abt_top
	SETSTACK 0x1b, __stack_und_top
	SETSTACK 0x12, __stack_irq_top
	SETSTACK 0x11, __stack_fiq_top
	SETSTACK 0x1f, __stack_sys_top
	SETSTACK 0x13, __stack_svc_top
	/* Vectors at the start of the image (VBAR, Security Extensions). */
	ldr	r0, =bm_vectors
	mcr	p15, 0, r0, c12, c0, 0
	isb
	/* Clear .bss. */
	ldr	r0, =__bss_start
	ldr	r1, =__bss_end
	mov	r2, #0
1:	cmp	r0, r1
	strlo	r2, [r0], #4
	blo	1b
	bl	main
	bl	bm_exit
	.ltorg
