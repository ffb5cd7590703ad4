/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * amv-scan test program: one instance of each privileged or sensitive
 * instruction the issue lists, between ordinary instructions, plus a
 * literal pool ($d) holding a word that encodes CPSID I and a Thumb
 * function ($t). expected.txt lists the findings, by address: keep the
 * two in step (every instruction is one word, .text starts at 0x8000).
 */
	.syntax unified
	.arch armv7-a
	.arch_extension sec
	.arm
	.text
	.global _start
_start:
	mov	r0, #0			@ 0x8000 ordinary
	cpsid	i			@ 0x8004 CPS: sensitive
	cpsie	if			@ 0x8008 CPS: sensitive
	msr	cpsr_c, r0		@ 0x800c MSR cpsr: sensitive
	mrs	r0, spsr		@ 0x8010 MRS spsr: sensitive (UNPREDICTABLE at PL0)
	mrs	r1, cpsr		@ 0x8014 MRS cpsr: sensitive (shows User mode)
	add	r0, r0, r1		@ 0x8018 ordinary
	subs	pc, lr, #4		@ 0x801c exception return: sensitive
	movs	pc, lr			@ 0x8020 exception return: sensitive
	ldm	sp!, {r0-r3, pc}^	@ 0x8024 LDM exception return: sensitive
	stmia	r0, {r1}^		@ 0x8028 STM user registers: sensitive
	srsdb	sp!, #0x13		@ 0x802c SRS: sensitive
	rfeia	sp!			@ 0x8030 RFE: sensitive
	ldrt	r2, [r3], #4		@ 0x8034 LDRT: sensitive
	strbt	r2, [r3], #1		@ 0x8038 STRBT: sensitive
	wfi				@ 0x803c WFI: sensitive
	mcr	p15, 0, r0, c1, c0, 0	@ 0x8040 SCTLR write: privileged
	mrc	p15, 0, r0, c13, c0, 2	@ 0x8044 TPIDRURW read: not privileged
	smc	#0			@ 0x8048 SMC: privileged
	strne	r2, [r3]		@ 0x804c ordinary conditional store
	ldr	r0, =0xf10c0080		@ 0x8050 load from the pool below
	msrne	cpsr_c, r1		@ 0x8054 conditional MSR: sensitive, cond NE
	mrc	p15, 0, r0, c0, c0, 0	@ 0x8058 MIDR read: privileged
	bx	lr			@ 0x805c ordinary
	.ltorg				@ 0x8060 $d: 0xf10c0080 (CPSID I) is data
	.word	0xe12ff01e		@ 0x8064 $d: more data (BX LR pattern)
	nop				@ 0x8068 $a again
	wfe				@ 0x806c WFE
	bx	lr			@ 0x8070

	.section .text_thumb, "ax", %progbits
	.thumb
	.thumb_func
	.global thumb_fn
thumb_fn:
	cpsid	i			@ Thumb: skipped, never reported
	mrs	r0, cpsr
	bx	lr
	nop
