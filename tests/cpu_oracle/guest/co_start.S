/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * CPU oracle guest: start-up, the case loader (co_enter) and the exception
 * entry that captures the state (co_trap). ARMv7-A, ARM state, MMU off
 * (on only while an SCTLR.M = 1 case runs, with flat L1 tables).
 *
 * Nothing here may disturb state a case can observe. When an exception
 * arrives, every core register belongs to the case, so the entry code
 * parks r0 and the vector number in VFP registers s0/s1 (VFP is enabled at
 * reset and no case touches it) before it uses any register; everything
 * else is saved with plain stores into co_out (a struct cpu_state).
 *
 * Vector tables (installed by main() at each case VBAR): entry e of table k
 * is "ldr pc, [pc, #0x18]" with the literal co_stub_table[8k + e], a stub
 * that records k and e, so the captured PC is the vector that was actually
 * fetched, not an address recomputed from VBAR.
 *
 * The exception-entry blocks (cpu_oracle.h, CO_XVEC_*) that main() writes
 * for the SCTLR.TE/EE/V cases have stubs of their own, ARM or Thumb, which
 * park r0 and their id in s0/s1 like these, also the CPSR they were entered
 * with (MRS, before any data access: CPSR.E may be 1) in s2, then SETEND LE
 * and "LDR PC, =co_trapx", which interworks to ARM state.
 */
#include "cpu_oracle.h"

	.syntax unified
	.arm
	.fpu vfpv3

	.section .text.start, "ax"
	.global co_reset
co_reset:
	cpsid	aif, #0x13
	ldr	sp, =__stack_svc_top
	/* CPACR: full access to cp10/cp11 (B4.1.40), then FPEXC.EN. */
	mrc	p15, 0, r0, c1, c0, 2
	orr	r0, r0, #(0xf << 20)
	mcr	p15, 0, r0, c1, c0, 2
	isb
	mov	r0, #0x40000000
	vmsr	fpexc, r0
	ldr	r0, =__bss_start
	ldr	r1, =__bss_end
	mov	r2, #0
1:	cmp	r0, r1
	strlo	r2, [r0], #4
	blo	1b
	bl	main
	bl	bm_exit
	.ltorg

	.text
/*
 * void co_enter(const struct cpu_state *in, uint32_t entry, uint32_t eret)
 *
 * Loads CP15, the banked registers of every mode and the SPSRs from *in,
 * switches to the case's mode (interrupts still masked), loads r1-r12,
 * puts the case CPSR in r0 and jumps to the code buffer at `entry`, which
 * sets the CPSR and r0 and runs the instruction. With eret != 0 (the
 * landing mode, CPU_CASE_ERET_ENTRY) it switches to that mode instead, sets
 * its LR to the case's PC and its SPSR to the case's CPSR, and the code
 * buffer enters the case with MOVS PC, LR. Control comes back through
 * co_trap, which returns from this function.
 */
	.global co_enter
co_enter:
	push	{r4-r12, lr}
	ldr	r3, =co_eret_mode
	str	r2, [r3]
	ldr	r2, =co_saved_sp
	str	sp, [r2]
	/* A store into this code page makes QEMU retranslate it: only when
	 * the entry changes (it is always the code buffer). */
	ldr	r3, co_entry_lit
	cmp	r3, r1
	strne	r1, co_entry_lit

	.macro	LD_CP15 off, crn, opc1, crm, opc2
	ldr	r1, [r0, #\off]
	mcr	p15, \opc1, r1, \crn, \crm, \opc2
	.endm
	LD_CP15	CO_O_DACR, c3, 0, c0, 0
	LD_CP15	CO_O_TTBR0, c2, 0, c0, 0
	LD_CP15	CO_O_TTBR1, c2, 0, c0, 1
	LD_CP15	CO_O_TTBCR, c2, 0, c0, 2
	LD_CP15	CO_O_CONTEXTIDR, c13, 0, c0, 1
	LD_CP15	CO_O_VBAR, c12, 0, c0, 0
	LD_CP15	CO_O_TPIDRURW, c13, 0, c0, 2
	LD_CP15	CO_O_TPIDRURO, c13, 0, c0, 3
	LD_CP15	CO_O_TPIDRPRW, c13, 0, c0, 4
	LD_CP15	CO_O_DFSR, c5, 0, c0, 0
	LD_CP15	CO_O_IFSR, c5, 0, c0, 1
	LD_CP15	CO_O_DFAR, c6, 0, c0, 0
	LD_CP15	CO_O_IFAR, c6, 0, c0, 2
	LD_CP15	CO_O_PAR, c7, 0, c4, 0
	LD_CP15	CO_O_PRRR, c10, 0, c2, 0
	LD_CP15	CO_O_NMRR, c10, 0, c2, 1
	/* ICIALLU: the code buffer was just rewritten. */
	mov	r1, #0
	mcr	p15, 0, r1, c7, c5, 0
	LD_CP15	CO_O_SCTLR, c1, 0, c0, 0
	dsb
	isb

	.macro	LD_BANK mode, bank
	cps	#\mode
	ldr	sp, [r0, #CO_O_SP(\bank)]
	ldr	lr, [r0, #CO_O_LR(\bank)]
	.if \bank
	ldr	r1, [r0, #CO_O_SPSR(\bank)]
	msr	spsr_fsxc, r1
	.endif
	.endm
	LD_BANK	0x1f, 0
	add	r1, r0, #CO_O_R8
	ldm	r1, {r8-r12}
	LD_BANK	0x13, 1
	LD_BANK	0x17, 2
	LD_BANK	0x1b, 3
	LD_BANK	0x12, 4
	LD_BANK	0x11, 5
	add	r1, r0, #CO_O_R8FIQ
	ldm	r1, {r8-r12}

	ldr	r1, =co_eret_mode
	ldr	r1, [r1]
	cmp	r1, #0
	bne	1f
	/* The case's mode, I and F still set (A was set at reset); its
	 * R8-R12 (User or FIQ bank) are loaded already. */
	ldr	r1, [r0, #CO_O_CPSR]
	and	r1, r1, #0x1f
	orr	r1, r1, #0xc0
	msr	cpsr_c, r1
	add	r1, r0, #4
	ldm	r1, {r1-r7}
	ldr	r0, [r0, #CO_O_CPSR]
	ldr	pc, co_entry_lit

	/* Exception-return entry: the landing mode (never the case's mode,
	 * never FIQ), LR_L = case PC, SPSR_L = case CPSR. */
1:	orr	r1, r1, #0xc0
	msr	cpsr_c, r1
	ldr	lr, [r0, #CO_O_PC]
	ldr	r1, [r0, #CO_O_CPSR]
	msr	spsr_fsxc, r1
	add	r1, r0, #4
	ldm	r1, {r1-r7}
	ldr	pc, co_entry_lit
co_entry_lit:
	.word	0
	.ltorg

/*
 * Exception entry. Each stub: park r0 in s0, the vector id (8 * table +
 * entry) in s1, then co_trap saves the rest.
 */
	.macro	STUB k, e
co_stub_\k\()_\e:
	vmov	s0, r0
	mov	r0, #(\k * 8 + \e)
	vmov	s1, r0
	b	co_trap
	.endm

	.macro	STUBS k
	STUB	\k, 0
	STUB	\k, 1
	STUB	\k, 2
	STUB	\k, 3
	STUB	\k, 4
	STUB	\k, 5
	STUB	\k, 6
	STUB	\k, 7
	.endm

	.irp	k, 0, 1, 2, 3, 4, 5, 6, 7
	STUBS	\k
	.endr

	.section .rodata
	.global co_stub_table
	.balign 4
co_stub_table:
	.irp	k, 0, 1, 2, 3, 4, 5, 6, 7
	.irp	e, 0, 1, 2, 3, 4, 5, 6, 7
	.word	co_stub_\k\()_\e
	.endr
	.endr

	.text
co_trap:
	mrs	r0, cpsr
	vmov	s2, r0
	setend	le
/* s0 = the case's r0, s1 = the stub id, s2 = the CPSR the exception entry
 * produced (MRS: T, J and IT read as 0); little-endian data accesses. */
	.global co_trapx
co_trapx:
	ldr	r0, =co_out
	stmib	r0, {r1-r7}
	vmov	r1, s0
	str	r1, [r0, #CO_O_R0]
	vmov	r1, s1
	ldr	r2, =co_vec
	str	r1, [r2]
	vmov	r1, s2
	str	r1, [r0, #CO_O_CPSR]
	cpsid	aif

	.macro	ST_CP15 off, crn, opc1, crm, opc2
	mrc	p15, \opc1, r1, \crn, \crm, \opc2
	str	r1, [r0, #\off]
	.endm
	ST_CP15	CO_O_SCTLR, c1, 0, c0, 0
	ST_CP15	CO_O_DACR, c3, 0, c0, 0
	ST_CP15	CO_O_TTBR0, c2, 0, c0, 0
	ST_CP15	CO_O_TTBR1, c2, 0, c0, 1
	ST_CP15	CO_O_TTBCR, c2, 0, c0, 2
	ST_CP15	CO_O_CONTEXTIDR, c13, 0, c0, 1
	ST_CP15	CO_O_VBAR, c12, 0, c0, 0
	ST_CP15	CO_O_TPIDRURW, c13, 0, c0, 2
	ST_CP15	CO_O_TPIDRURO, c13, 0, c0, 3
	ST_CP15	CO_O_TPIDRPRW, c13, 0, c0, 4
	ST_CP15	CO_O_DFSR, c5, 0, c0, 0
	ST_CP15	CO_O_IFSR, c5, 0, c0, 1
	ST_CP15	CO_O_DFAR, c6, 0, c0, 0
	ST_CP15	CO_O_IFAR, c6, 0, c0, 2
	ST_CP15	CO_O_PAR, c7, 0, c4, 0
	ST_CP15	CO_O_PRRR, c10, 0, c2, 0
	ST_CP15	CO_O_NMRR, c10, 0, c2, 1

	/* The harness's SCTLR (MMU off: the code and data here are mapped
	 * flat) and VBAR back. */
	ldr	r1, =co_harness_sctlr
	ldr	r1, [r1]
	mcr	p15, 0, r1, c1, c0, 0
	ldr	r1, =co_harness_vbar
	ldr	r1, [r1]
	mcr	p15, 0, r1, c12, c0, 0
	isb

	.macro	ST_BANK mode, bank
	cps	#\mode
	str	sp, [r0, #CO_O_SP(\bank)]
	str	lr, [r0, #CO_O_LR(\bank)]
	.if \bank
	mrs	r1, spsr
	str	r1, [r0, #CO_O_SPSR(\bank)]
	.endif
	.endm
	ST_BANK	0x1f, 0
	add	r1, r0, #CO_O_R8
	stm	r1, {r8-r12}
	ST_BANK	0x13, 1
	ST_BANK	0x17, 2
	ST_BANK	0x1b, 3
	ST_BANK	0x12, 4
	ST_BANK	0x11, 5
	add	r1, r0, #CO_O_R8FIQ
	stm	r1, {r8-r12}

	cps	#0x13
	ldr	r1, =co_saved_sp
	ldr	sp, [r1]
	pop	{r4-r12, pc}
	.ltorg

/* void co_poke(uint32_t addr, uint32_t value): also for address 0. */
	.global co_poke
co_poke:
	str	r1, [r0]
	bx	lr

/* Small CP15 helpers for main(). */
	.global co_read_sctlr
co_read_sctlr:
	mrc	p15, 0, r0, c1, c0, 0
	bx	lr

	.global co_set_vbar
co_set_vbar:
	mcr	p15, 0, r0, c12, c0, 0
	isb
	bx	lr

	.global co_tlbiall
co_tlbiall:
	mov	r0, #0
	mcr	p15, 0, r0, c8, c7, 0
	dsb
	isb
	bx	lr

	.global co_icache_sync
co_icache_sync:
	mov	r0, #0
	mcr	p15, 0, r0, c7, c5, 0
	dsb
	isb
	bx	lr

	.bss
	.balign 4
	.global co_saved_sp, co_vec, co_harness_sctlr, co_harness_vbar
co_saved_sp:
	.word	0
co_eret_mode:
	.word	0
co_vec:
	.word	0
co_harness_sctlr:
	.word	0
co_harness_vbar:
	.word	0
