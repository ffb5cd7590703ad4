/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The CPU oracle's data format, shared by the host generator/checker and
 * the bare-metal program that runs on QEMU (issue 6): a start state and the
 * instruction(s) to execute in it, and the state QEMU's CPU produced. Plain
 * 32-bit words only, little-endian, no padding, so the same struct is read
 * and written on the x86 host and on the ARM guest.
 */
#ifndef AMV_TEST_CPU_STATE_H
#define AMV_TEST_CPU_STATE_H

#include <stdint.h>

/* Indices into cpu_state::sp_lr and (minus one) cpu_state::spsr. */
enum cpu_bank {
	CPU_BANK_USR = 0, /* User and System */
	CPU_BANK_SVC = 1,
	CPU_BANK_ABT = 2,
	CPU_BANK_UND = 3,
	CPU_BANK_IRQ = 4,
	CPU_BANK_FIQ = 5,
	CPU_BANK_COUNT = 6,
};

/* Every register an instruction under test may read or write. */
struct cpu_state {
	uint32_t r[13];        /* R0-R12 (R8-R12 of every mode but FIQ) */
	uint32_t r8_fiq[5];    /* R8_fiq-R12_fiq */
	uint32_t sp_lr[CPU_BANK_COUNT][2]; /* [bank][0] = SP, [bank][1] = LR */
	uint32_t spsr[CPU_BANK_COUNT - 1]; /* SPSR_svc, _abt, _und, _irq, _fiq */
	uint32_t cpsr;
	uint32_t pc;           /* in: address of the instruction under test;
				  out: address execution continued at */
	/* CP15 (only what the case sets or may change) */
	uint32_t sctlr, dacr, ttbr0, ttbr1, ttbcr, contextidr;
	uint32_t vbar, tpidrurw, tpidruro, tpidrprw;
	uint32_t dfsr, ifsr, dfar, ifar, par, prrr, nmrr;
	uint32_t mem[8];       /* in/out: the 8 words at CPU_MEM_PA, for
				  LDM/STM/SRS/RFE/LDRT/STRT cases */
};

/* Guest-physical address of cpu_state::mem on every board (flat mapping;
 * the program places it in its RAM, see the runner). The words are as the
 * little-endian bus holds them: with CPSR.E = 1 a word load returns the
 * byte-reversed value. */
#define CPU_MEM_OFFSET 0x00200000u /* from the board's RAM base */

/* Case flags. */
#define CPU_CASE_THUMB 0x1u  /* insn is Thumb (halfwords, low first: insn[0]
				bits [15:0] hold the first halfword, [31:16]
				the second one of a 32-bit encoding) */
/*
 * The case's landing pads are SVC #imm (the landing trap enters Supervisor
 * mode) instead of UDF (Undefined mode); see the comment at the top of
 * tests/cpu_oracle/cpu_oracle.c. The generator picks a landing mode other than the
 * start mode, so the landing trap only clobbers LR and SPSR of a mode the
 * instruction did not run in; the guest reports those two registers with
 * their start values.
 */
#define CPU_CASE_LAND_SVC 0x2u
/* The architecture leaves the outcome UNPREDICTABLE (or, for a condition-
 * failed UNDEFINED encoding, IMPLEMENTATION DEFINED): compare nothing. */
#define CPU_CASE_UNPRED 0x4u
/*
 * An IRQ is pending at the interrupt controller (the GIC's SPI 32) while
 * the case runs, from before its first instruction. The architecture then
 * takes the IRQ at the first instruction boundary where CPSR.I is 0: before
 * the instruction when the start CPSR.I is 0 (such cases need
 * CPU_CASE_ERET_ENTRY), right after it when the instruction clears I, never
 * when I stays 1 (what lets WFI complete on QEMU).
 */
#define CPU_CASE_IRQ_PENDING 0x8u
/*
 * The guest enters the case by an exception return (MOVS PC, LR from the
 * landing mode, whose LR and SPSR it sets to the case's PC and CPSR) instead
 * of "MSR CPSR_fsxc": the only way to give a User mode case its A, I and F
 * bits, and to have a pending IRQ taken exactly at the case's first
 * instruction. LR and SPSR of the landing mode are reported with their start
 * values (as for the landing trap), unless the case's exception enters that
 * mode itself.
 */
#define CPU_CASE_ERET_ENTRY 0x10u
/* Generator class (enum co_class in cpu_oracle.c) in bits [15:8]. */
#define CPU_CASE_CLASS_SHIFT 8
#define CPU_CASE_CLASS_MASK 0xffu
#define CPU_CASE_CLASS(flags) \
	(((flags) >> CPU_CASE_CLASS_SHIFT) & CPU_CASE_CLASS_MASK)
/* For a class that wraps others (irq): the wrapped generator's class in
 * bits [23:16]. */
#define CPU_CASE_SUBCLASS_SHIFT 16
#define CPU_CASE_SUBCLASS(flags) \
	(((flags) >> CPU_CASE_SUBCLASS_SHIFT) & CPU_CASE_CLASS_MASK)

/* What ended the case (cpu_result::exit). */
enum cpu_exit {
	CPU_EXIT_NEXT = 0,     /* fell through to the next instruction */
	CPU_EXIT_LANDED = 1,   /* branched/returned to a landing pad */
	CPU_EXIT_UNDEF = 2,    /* took an Undefined Instruction exception */
	CPU_EXIT_SVC = 3,      /* took a Supervisor Call exception */
	CPU_EXIT_PABT = 4,     /* took a Prefetch Abort */
	CPU_EXIT_DABT = 5,     /* took a Data Abort */
	CPU_EXIT_IRQ = 6,
	CPU_EXIT_FIQ = 7,
};

struct cpu_case {
	uint32_t insn[2];      /* the instruction (ARM: insn[0]) */
	uint32_t flags;        /* CPU_CASE_* */
	struct cpu_state in;
};

struct cpu_result {
	uint32_t exit;         /* enum cpu_exit */
	struct cpu_state out;  /* state right after the instruction; for an
				  exception, right after entry (mode, LR,
				  SPSR, PC = vector) */
};

#endif /* AMV_TEST_CPU_STATE_H */
