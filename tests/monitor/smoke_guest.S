/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A minimal guest for the example monitor's smoke test: console output
 * (MMIO exits), privileged instructions (traps), sensitive ones (patched),
 * its own SVC and UNDEF vectors, exception returns (to ARM and to Thumb),
 * User-mode Thumb code making a system call and taking an UNDEF, and a
 * semihosting exit. Runs natively too.
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
	mov	r7, #0
	svc	#7				/* to our own vector */
	cmp	r0, #43
	bne	fail
	/* To User mode in Thumb state. */
	mov	r1, #0x30			/* User, T */
	msr	spsr_cxsf, r1			/* sensitive: patched */
	adr	lr, thumb_user + 1
	movs	pc, lr				/* sensitive: patched */
thumb_back:					/* svc #0 with r7 = 1: done */
	cmp	r6, #0x55
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
	b	undef_handler
	b	svc_handler
	b	.
	b	.
	b	.
	b	.
	b	.
svc_handler:
	cmp	r7, #1
	beq	thumb_back			/* stay in SVC mode */
	cmp	r7, #2
	beq	fail
	add	r0, r0, #1
	movs	pc, lr				/* sensitive: patched */

undef_handler:					/* LR: past the UDF */
	mov	r6, #0x55
	movs	pc, lr				/* sensitive: patched */

	.thumb
	.thumb_func
thumb_user:
	movs	r0, #41
	svc	#9				/* Thumb SVC: r0 + 1 */
	cmp	r0, #42
	bne	1f
	udf	#3				/* Thumb UNDEF: r6 = 0x55 */
	movs	r7, #1
	svc	#0
1:	movs	r7, #2
	svc	#0
	.arm
	.balign 4

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
