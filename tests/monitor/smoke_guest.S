/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A minimal guest for the example monitor's smoke test: console output
 * (MMIO exits), privileged instructions (traps), sensitive ones (patched),
 * its own SVC vector, an exception return and a semihosting exit. Runs
 * natively too. GUEST_RAM is the board's RAM base.
 */
	.syntax unified
	.arm
	.text
	.global _start
_start:
	ldr	sp, =stack_top
	adr	r0, vectors
	mcr	p15, 0, r0, c12, c0, 0		/* VBAR */
	adr	r0, msg_hello
	bl	puts
	mrs	r4, cpsr			/* sensitive: patched */
	and	r4, r4, #0x1f
	cmp	r4, #0x13
	bne	fail
	mrc	p15, 0, r5, c0, c0, 0		/* privileged: traps */
	lsr	r5, r5, #24
	cmp	r5, #0x41			/* ARM Limited */
	bne	fail
	cpsid	i				/* sensitive: patched */
	mov	r0, #42
	svc	#7				/* to our own vector */
	cmp	r0, #43
	bne	fail
	adr	r0, msg_ok
	bl	puts
	mov	r0, #0
	b	exit
fail:
	adr	r0, msg_fail
	bl	puts
	mov	r0, #1
exit:
	adr	r1, exit_block
	str	r0, [r1, #4]
	mov	r0, #0x20			/* SYS_EXIT_EXTENDED */
	svc	0x123456
	b	.

puts:	ldr	r1, =0x10009000
1:	ldrb	r2, [r0], #1
	cmp	r2, #0
	bxeq	lr
	str	r2, [r1]
	b	1b

	.balign 32
vectors:
	b	.
	b	.
	b	svc_handler
	b	.
	b	.
	b	.
	b	.
	b	.
svc_handler:
	add	r0, r0, #1
	movs	pc, lr				/* sensitive: patched */

msg_hello:	.asciz	"smoke: hello from the guest\n"
msg_ok:		.asciz	"smoke: ok\n"
msg_fail:	.asciz	"smoke: FAILED\n"
	.balign 4
exit_block:	.word	0x20026, 0
	.ltorg

	.bss
	.balign 8
	.space	1024
stack_top:
