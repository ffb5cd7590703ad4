/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A guest for profiling the monitor's system-call path
 * (run-profile-syscall.sh): the MMU on with one identity section map
 * (PL1-only except this image's MiB, so the kernel and user views differ),
 * then ITER null system calls from User mode, each an SVC and the
 * handler's `movs pc, lr`; then a semihosting exit. Built with ITER = 1000
 * and 0 so that the difference is the cost of ITER calls.
 */
	.syntax unified
	.arm
	.text
	.global _start
_start:
	ldr	sp, =stack_top
	adr	r0, vectors
	mcr	p15, 0, r0, c12, c0, 0		/* VBAR */
	/* Identity sections, PL1 only; this image's MiB for both. */
	ldr	r0, =l1
	mov	r1, #0
	ldr	r2, =0x00000402		/* section, AP = 01, domain 0 */
1:	orr	r3, r2, r1, lsl #20
	str	r3, [r0, r1, lsl #2]
	add	r1, r1, #1
	cmp	r1, #4096
	bne	1b
	ldr	r1, =_start
	lsr	r1, r1, #20
	ldr	r2, =0x00000c02		/* AP = 11 */
	orr	r3, r2, r1, lsl #20
	str	r3, [r0, r1, lsl #2]
	mcr	p15, 0, r0, c2, c0, 0		/* TTBR0 */
	mov	r0, #1
	mcr	p15, 0, r0, c3, c0, 0		/* DACR: domain 0 client */
	mrc	p15, 0, r0, c1, c0, 0
	orr	r0, r0, #1
	mcr	p15, 0, r0, c1, c0, 0		/* MMU on */
	isb
	mov	r1, #0x10			/* User, ARM */
	msr	spsr_cxsf, r1
	adr	lr, user
	movs	pc, lr
user:
	ldr	r4, =ITER
	cmp	r4, #0
	beq	3f
2:	mov	r7, #20
	svc	#0
	subs	r4, r4, #1
	bne	2b
3:	mov	r7, #1
	svc	#0
	b	.

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
	cmp	r7, #20
	bne	done
	ldr	r0, =value
	ldr	r0, [r0]
	movs	pc, lr
done:
	adr	r1, exit_block
	mov	r0, #0x20			/* SYS_EXIT_EXTENDED */
	svc	0x123456
	b	.
	.balign 4
exit_block:
	.word	0x20026, 0
value:	.word 42
	.ltorg
	.bss
	.balign 16384
l1:	.space	16384
	.space	4096
stack_top:
