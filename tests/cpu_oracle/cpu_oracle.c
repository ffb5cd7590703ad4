/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * CPU oracle, host side: the differential test of instruction emulation
 * against QEMU's CPU (DESIGN.md invariant 5, "Emulation = CPU").
 *
 *   cpu_oracle gen BOARD SEED N BLOB [PASSES [CLASSES]]
 *       Write N cases from SEED for BOARD (realview-pb-a8, vexpress-a9);
 *       the guest runs them PASSES times (default 2). CLASSES is a comma
 *       separated list of class names (default: all).
 *   cpu_oracle selftest BLOB RESULTS
 *       Check the infrastructure with rules that hold whatever the
 *       emulator does: determinism across passes, lossless state load/save
 *       (NOP), the exit each class must produce, and hand-written ARMv7 ARM
 *       rules for NOP, condition-failed, MRS, MSR (every mask), CPS, SVC
 *       and UDF entry, SUBS/MOVS PC, LR, LDM ^, RFE, SRS, LDM/STM (user
 *       registers), LDRT & co (incl. alignment faults), MCR/MRC of the
 *       state's CP15 registers, WFI and the hints, the User mode rules
 *       (CPS a NOP, MSR writes only flags/GE/E, CP15 UNDEFINED but for
 *       TPIDRURW/TPIDRURO and the barriers), IRQ entry and BKPT's Prefetch
 *       Abort, and every exception entry with SCTLR.TE, EE and V set
 *       (class exc-sctlr, below).
 *   cpu_oracle check BLOB RESULTS [DEVIATIONS]
 *       Compare cpu_oracle_emulate() (cpu_emulate.h) with QEMU, per class;
 *       a mismatch that is a QEMU deviation listed in DEVIATIONS
 *       (deviations.txt) is excused and counted.
 *   cpu_oracle dump BLOB [RESULTS|- [INDEX...]]
 *       Print cases (and their results).
 *   cpu_oracle classes
 *       List the class names.
 * Exit status: 0 pass, 1 failures, 2 usage or I/O, 77 check without an
 * emulator. tests/cpu_oracle/run-cpu-oracle.sh runs QEMU in between.
 *
 * How a case runs (guest/co_start.S, guest/cpu_oracle_guest.c)
 * ------------------------------------------------------------
 * The guest loads CP15 (SCTLR, DACR, TTBR0/1, TTBCR, CONTEXTIDR, VBAR,
 * TPIDRURW/URO/PRW, DFSR, IFSR, DFAR, IFAR, PAR, PRRR, NMRR), SP/LR/SPSR of
 * every mode and R8-R12 of FIQ and User, the 8 memory words at
 * RAM base + CPU_MEM_OFFSET, switches to the case's mode with interrupts
 * masked, loads R1-R12 and the case CPSR into R0, and jumps to a code
 * buffer (cpu_oracle.h): "msr cpsr_fsxc, r0; ldr r0, [pc, #lit]; INSN" for
 * ARM cases; for Thumb cases a "bx" to "ldr r0, [pc, #lit]; [nop]; INSN".
 * The MSR sets flags, GE, E, A/I/F exactly (T cannot be set by MSR, IT is
 * 0). After the instruction come landing pads.
 *
 * User mode cases (and the irq class's "IRQ before the instruction" cases)
 * cannot start that way: at PL0 the MSR does not write A/I/F, and with
 * CPSR.I = 0 a pending IRQ would be taken right after the MSR, before r0 is
 * loaded. They have CPU_CASE_ERET_ENTRY: the guest switches to the landing
 * mode L (below), sets LR_L = the case's PC and SPSR_L = the case's CPSR,
 * loads r0 and executes MOVS PC, LR, so the instruction under test is the
 * first one in the case's state (cpu_oracle.h). LR_L and SPSR_L are
 * reported with their start values, as for the landing trap.
 *
 * Landing scheme. Every address execution can continue at after the
 * instruction holds a trapping instruction: the fall-through slot(s) right
 * after it, and two 4 KiB pad regions used as exception-return targets
 * (LR for SUBS PC, LR; the loaded PC for LDM ^ and RFE). A pad word is
 * valid in both instruction sets (0xe7f0def0: ARM UDF, Thumb UDF #0xf0;
 * 0xef01df01: ARM SVC #0x1df01, Thumb SVC #1), so a return that lands in
 * the wrong state still traps. Per case the generator picks the landing
 * mode L, UND (UDF pads) or SVC (SVC pads), always different from the
 * start mode (start UND -> L = SVC, start SVC -> L = UND, else random).
 * The landing trap overwrites only LR_L and SPSR_L; the guest reconstructs
 * the pre-trap state as CPSR = SPSR_L, PC = LR_L - (SPSR_L.T ? 2 : 4)
 * (ARMv7 ARM B1.8.3, both UDF and SVC), and reports LR_L, SPSR_L as the
 * case's start values. Exceptions the instruction itself takes (SVC, UDF,
 * UNDEFINED encodings, alignment faults) are told apart by the trapping
 * address: a pad is never the instruction's own address. For those the
 * state right after entry is recorded as is, PC = the vector actually
 * fetched (each vector table entry has its own stub; a stub parks r0 and
 * its number in VFP s0/s1, VFP being enabled and never used by a case).
 *
 * SCTLR.TE, EE, V (class exc-sctlr). Exception entry sets CPSR.T = TE and
 * CPSR.E = EE and takes vectors at 0xffff0000 when V = 1 (B1.8.1, B1.8.3,
 * B1.9 TakeException pseudocode). These cases wrap the classes whose
 * exception is certain: SVC, UDF & co, BKPT, an IRQ before the instruction
 * (I = 0 at the start, the irq class's "before" form) and, with V = 0, a
 * misaligned LDRT/STRT word with SCTLR.A = 1; ARM and Thumb start states,
 * all start modes; one of the 7 non-zero TE/EE/V combinations each. Their
 * vectors are the guest's exception-entry blocks (cpu_oracle.h): each
 * entry is a word that is a relative branch in both instruction sets (no
 * data access, which CPSR.E = 1 would byte-reverse): Thumb B to a Thumb
 * stub, ARM B to an ARM stub, each recording the CPSR with MRS, then SETEND
 * LE, then LDR PC to the ARM trap code. Which stub ran shows CPSR.T on
 * entry (MRS reads T as 0); the guest reports T from it, so a wrong T is a
 * mismatch, not a hang. With V = 0 VBAR is either of two blocks.
 * With V = 1 there is no memory at 0xffff0000 on either board, so the case
 * runs with the MMU on: SCTLR.M = 1, TTBCR 0, TTBR0 = one of four guest L1
 * tables (EE x TE) that map everything flat with sections, domain 0 client
 * or manager, but VA 0xfff00000 to the RAM MiB holding the block for TE at
 * offset 0xf0000; the EE = 1 tables are byte-reversed, SCTLR.EE also being
 * the endianness of table walks (B4.1.130). VBAR then holds any table (it
 * must be ignored). The guest invalidates the TLB before such a case and
 * co_trap turns the MMU off again. V = 1 cases make no data access (no
 * LDRT), so the emulator side (emulate_glue.c) gets SCTLR as it is and
 * amv_inject() needs nothing but TE, EE, V and VBAR.
 *
 * Blind spots:
 *  - LR_L and SPSR_L are not observed: they are reported as the start
 *    values, which is right because an instruction executing in mode M != L
 *    cannot write them (no banked MSR/MRS without the Virtualization
 *    Extensions; an exception the instruction takes itself is recorded
 *    directly), but a QEMU bug that did would go unseen. L varies per case,
 *    so every bank is observed in other cases.
 *  - SCTLR.V, M, EE and TE are 0 outside the exc-sctlr class (vectors at
 *    VBAR, which QEMU implements on both cores although they lack the
 *    Security Extensions here); there only exception entry is exercised,
 *    and the MMU is on only for V = 1 and only with flat section tables:
 *    LDRT and friends, LDM/STM and the aborts of a translation (Permission,
 *    Domain, Translation faults, Prefetch Aborts other than BKPT) are not
 *    run with the MMU on. Elsewhere only SCTLR.A/C/Z/I/TRE/AFE vary.
 *  - On exception entry IT and J (cleared) are not observed: MRS reads them
 *    as 0, and the stubs cannot tell them apart; T is observed only through
 *    the instruction set the vector executes in.
 *  - No IT blocks: Thumb cases start with ITSTATE 0; condition-failed cases
 *    are ARM only; exception returns restore IT = 0 unless UNPRED.
 *    SPSR.J/IT appear in start SPSRs (stored and read back) and, marked
 *    UNPRED, in exception returns. No Jazelle/ThumbEE execution.
 *  - Asynchronous exceptions: only the irq class and WFI have one pending
 *    (SPI 32 at the GIC, CPU_CASE_IRQ_PENDING, made pending before the
 *    case starts); elsewhere GIC and timers are off, so cases with A/I/F
 *    clear behave as with them set. No FIQ, no asynchronous abort. An IRQ
 *    can only be observed at the instruction boundaries where CPSR.I goes
 *    from 1 to 0 (after CPS, MSR, an exception return) or before the
 *    instruction (I = 0 from the start): QEMU checks for interrupts only
 *    between translation blocks, and a device write that made an interrupt
 *    pending ends the block, so "an IRQ that arrives while an instruction
 *    executes" (e.g. mid-LDM) cannot be produced. An implementation may take
 *    an unmasked IRQ a few instructions late (B1.8.1 only asks for an
 *    instruction boundary); the rules take it at the first one, as QEMU
 *    does and amv_vcpu_pending()'s contract assumes.
 *  - WFI: QEMU halts until an interrupt is pending, masked or not (B1.8.14
 *    wake-up events), and -icount sleep=off never wakes it; so WFI cases
 *    run with CPSR.I = 1 and SPI 32 pending at the GIC
 *    (CPU_CASE_IRQ_PENDING), and the WFI falls through. WFE, YIELD, SEV are
 *    plain NOPs in QEMU.
 *  - Memory: only the 8 words at RAM base + CPU_MEM_OFFSET (as the little-
 *    endian bus holds them; words an instruction loads are stored byte-
 *    reversed when the start CPSR.E is 1). The generator keeps every access
 *    inside them; deliberate misalignment gives alignment faults.
 *  - Not generated: "mrs pc, ..." and other forms that would branch to an
 *    uncontrolled address; SMC on a core with EL3 (vexpress-a9 runs with
 *    secure=off); Monitor/Hyp modes.
 *  - BKPT: no debugger and no debug mode, so only the "debug exception
 *    without a debug mode" path (C4.1): Halting debug-mode, Monitor
 *    debug-mode, hardware breakpoints/watchpoints and DBGDSCR.MOE are not
 *    exercised.
 *
 * QEMU 7.2 against the ARMv7 ARM (what the selftest and the UNPRED cases
 * showed):
 *  - Deviation: an exception return with a data-processing instruction
 *    other than SUBS/MOVS (ADDS, ADCS, ANDS, BICS, EORS, MVNS, ORRS, RSBS,
 *    RSCS, SBCS PC, ...) is executed as an ordinary flag-setting write to
 *    PC with interworking: no CPSR restore (deviations.txt).
 *  - PAR bits [11] (LPAE) and [8] (IMPLEMENTATION DEFINED) read as zero
 *    whatever is written; the generator writes neither.
 *  - MSR SPSR with the s field writes the SBZP bits [23:20] (writing ones
 *    there is UNPREDICTABLE; such cases are marked).
 *  - CP15 c15 (IMPLEMENTATION DEFINED) is RAZ/WI on the A8, UNDEFINED on
 *    the A9; c4 is UNDEFINED; coprocessor p7 is UNDEFINED.
 *  - UNPREDICTABLE forms: SRS from System mode or to an invalid mode,
 *    LDM (user registers) with W = 1, LDM ^ with writeback and the base in
 *    the list: UNDEFINED. STM (user registers) with W = 1 and LDM/STM user
 *    registers in System mode execute. An exception return to an invalid
 *    mode keeps the mode; J = 1 is ignored; a misaligned ARM target is
 *    masked (SUBS/MOVS; the other opcodes, not returning, interwork on bit
 *    0 or take a PC alignment Prefetch Abort, IFSR 0x1). In System mode
 *    (no SPSR) MRS SPSR and the SPSR-restoring returns (SUBS/MOVS PC, LR,
 *    LDM ^ with PC) use a stale SPSR left by an earlier mode, so their
 *    results depend on previous cases (the selftest allows that for UNPRED
 *    cases only).
 *  - DFSR.Domain of an alignment fault (UNKNOWN) is 0; `check` ignores it.
 *  - BKPT (ARM and Thumb, any imm, #0xab included: no semihosting on these
 *    A-profile models) takes the Prefetch Abort with IFSR = 0x002 (debug
 *    event) and IFAR = 0; IFAR is UNKNOWN after a BKPT debug exception
 *    (C4.1 "Effects of debug exceptions on CP15 registers and the
 *    DBGWFAR"), so `check` ignores it (amv reports the BKPT's address).
 *    An ARM BKPT with a condition other than AL (UNPREDICTABLE) executes
 *    conditionally: a failed one is a NOP.
 *  - User mode: MRS CPSR returns E, A, I, F and M as they are (UNKNOWN in
 *    the architecture, B9.3.9; `check` ignores them, amv agrees anyway);
 *    MSR CPSR writes N, Z, C, V, Q, GE and E only; WFI completes on the
 *    pending IRQ as at PL1. The UNPREDICTABLE forms are UNDEFINED: MRS/MSR
 *    SPSR, SUBS/MOVS PC, LR (ARM and Thumb), LDM ^ (exception return and
 *    User registers), STM ^, RFE, SRS; but ADDS, ANDS, ... with Rd = PC
 *    execute as a plain branch with flag setting, as at PL1
 *    ([qemu-alu-exception-return]).
 *  - SCTLR.TE, EE and V: as the architecture says, on both cores, for every
 *    exception entered (exc-sctlr: no deviation found); table walks are
 *    big-endian when EE = 1.
 *  - IRQ: taken right after CPS/MSR clear CPSR.I and right after an
 *    exception return to a CPSR with I = 0 (at the target, before its
 *    first instruction), and before the first instruction of a case that
 *    starts with I = 0; LR_irq = next instruction + 4 in both instruction
 *    sets, SPSR_irq, I and A set as B1.8 says.
 *
 * Plugging in the emulator: define cpu_oracle_emulate() (cpu_emulate.h) in
 * tests/cpu_oracle/emulate_glue.c (CMakeLists.txt adds it when present);
 * `check` then reports per class. A case flagged CPU_CASE_UNPRED is not
 * compared. Replay: AMV_SEED=<seed> make cpu-oracle [CPU_ORACLE_MODE=check]
 * [CPU_ORACLE_CLASSES=rfe,srs], or run-cpu-oracle.sh with CPU_ORACLE_KEEP=dir
 * and `cpu_oracle dump dir/blob.bin dir/cpu-oracle.out <case>`.
 */
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpu_emulate.h"
#include "cpu_oracle.h"
#include "cpu_state.h"
#include "prng.h"
#include "slurp.h"

/* ------------------------------------------------------------ boards */

/*
 * QEMU 7.2 models. realview-pb-a8: Cortex-A8 without Security Extensions
 * (no EL3), but with VBAR (QEMU gives every v7 core VBAR); RAM at
 * 0x70000000, aliased at 0, so VBAR 0 works. vexpress-a9 (secure=off):
 * Cortex-A9, RAM at 0x60000000. sctlr_base is QEMU's reset SCTLR of the
 * core; the guest reports what it finds and `selftest` checks it.
 */
struct board {
	const char *name;
	uint32_t ram_base;
	uint32_t sctlr_base;
	uint32_t n_vbar;
	uint32_t vbar[CO_MAX_VBAR];
};

static const struct board boards[] = {
	{"realview-pb-a8", 0x70000000u, 0x00c50078u, 8,
	 {0x70310000u, 0x70310420u, 0x703110e0u, 0x70312fc0u, 0x70313000u,
	  0x70314240u, 0x70315ea0u, 0x00000000u}},
	{"vexpress-a9", 0x60000000u, 0x00c50078u, 8,
	 {0x60310000u, 0x60310420u, 0x603110e0u, 0x60312fc0u, 0x60313000u,
	  0x60314240u, 0x60315ea0u, 0x60316000u}},
};
#define N_BOARDS (sizeof(boards) / sizeof(boards[0]))

/* ------------------------------------------------------------ architecture */

#define M_USR 0x10u
#define M_FIQ 0x11u
#define M_IRQ 0x12u
#define M_SVC 0x13u
#define M_ABT 0x17u
#define M_UND 0x1bu
#define M_SYS 0x1fu

#define PSR_NZCVQ 0xf8000000u
#define PSR_C (1u << 29)
#define PSR_J (1u << 24)
#define PSR_GE 0x000f0000u
#define PSR_IT (0x06000000u | 0x0000fc00u)
#define PSR_E (1u << 9)
#define PSR_A (1u << 8)
#define PSR_I (1u << 7)
#define PSR_F (1u << 6)
#define PSR_T (1u << 5)
#define PSR_M 0x1fu

/* SCTLR bits a case may toggle: A, C, Z, I, TRE, AFE (B4.1.130). */
#define SCTLR_SAFE ((1u << 1) | (1u << 2) | (1u << 11) | (1u << 12) | \
		    (1u << 28) | (1u << 29))
/* ...and the ones only exc-sctlr cases set: M, V, EE, TE. */
#define SCTLR_M (1u << 0)
#define SCTLR_A (1u << 1)
#define SCTLR_V (1u << 13)
#define SCTLR_EE (1u << 25)
#define SCTLR_TE (1u << 30)

static const uint32_t valid_modes[] = {M_USR, M_FIQ, M_IRQ, M_SVC,
				       M_ABT, M_UND, M_SYS};
static const uint32_t priv_modes[] = {M_FIQ, M_IRQ, M_SVC, M_ABT, M_UND, M_SYS};
static const uint32_t exc_modes[] = {M_FIQ, M_IRQ, M_SVC, M_ABT, M_UND};
/* Not modes of an ARMv7 core without Security/Virtualization Extensions
 * (B1.3.1: 0x16 Monitor, 0x1a Hyp and the reserved encodings). */
static const uint32_t bad_modes[] = {0x00, 0x05, 0x0f, 0x14, 0x15,
				     0x16, 0x18, 0x1a, 0x1c, 0x1e};
#define N_OF(a) ((uint32_t)(sizeof(a) / sizeof((a)[0])))

static int bank_of(uint32_t mode)
{
	switch (mode & PSR_M) {
	case M_USR:
	case M_SYS:
		return CPU_BANK_USR;
	case M_SVC:
		return CPU_BANK_SVC;
	case M_ABT:
		return CPU_BANK_ABT;
	case M_UND:
		return CPU_BANK_UND;
	case M_IRQ:
		return CPU_BANK_IRQ;
	case M_FIQ:
		return CPU_BANK_FIQ;
	default:
		return -1;
	}
}

static bool mode_valid(uint32_t m)
{
	return bank_of(m) >= 0;
}

/* Register n (0-14) as mode `mode` sees it (B1.3.2); 15 (never passed
 * by the generator or the rules) gives the pc field, to stay in bounds. */
static uint32_t *reg(struct cpu_state *s, uint32_t mode, unsigned int n)
{
	int b = bank_of(mode);

	if (n >= 15)
		return &s->pc;
	if (n < 8)
		return &s->r[n];
	if (n < 13)
		return (mode & PSR_M) == M_FIQ ? &s->r8_fiq[n - 8] : &s->r[n];
	return &s->sp_lr[b < 0 ? 0 : b][n - 13];
}

static uint32_t *spsr_of(struct cpu_state *s, uint32_t mode)
{
	int b = bank_of(mode);

	return b > 0 ? &s->spsr[b - 1] : NULL;
}

/* ConditionPassed() (A8.3.1). */
static bool cond_holds(uint32_t cond, uint32_t psr)
{
	bool n = (psr >> 31) & 1u, z = (psr >> 30) & 1u;
	bool c = (psr >> 29) & 1u, v = (psr >> 28) & 1u, res;

	switch (cond >> 1) {
	case 0: res = z; break;
	case 1: res = c; break;
	case 2: res = n; break;
	case 3: res = v; break;
	case 4: res = c && !z; break;
	case 5: res = n == v; break;
	case 6: res = n == v && !z; break;
	default: res = true; break;
	}
	if ((cond & 1u) && cond != 15u)
		res = !res;
	return res;
}

static uint32_t ror32(uint32_t v, unsigned int n)
{
	n &= 31u;
	return n ? (v >> n) | (v << (32u - n)) : v;
}

/* ARMExpandImm (A5.2.4). */
static uint32_t expand_imm(uint32_t imm12)
{
	return ror32(imm12 & 0xffu, 2u * ((imm12 >> 8) & 0xfu));
}

/* Shift (A8.4.3), amount already decoded; type 4 is RRX. */
static uint32_t shift_val(uint32_t v, unsigned int type, unsigned int amt,
			  uint32_t carry)
{
	if (type == 4)
		return (carry << 31) | (v >> 1);
	if (amt == 0)
		return v;
	switch (type) {
	case 0:
		return amt >= 32 ? 0 : v << amt;
	case 1:
		return amt >= 32 ? 0 : v >> amt;
	case 2:
		if (amt >= 32)
			return (v & 0x80000000u) ? 0xffffffffu : 0;
		return (v >> amt) | ((v & 0x80000000u) ? ~(0xffffffffu >> amt) : 0);
	default:
		return ror32(v, amt);
	}
}

/* ------------------------------------------------------------ CP15 */

enum cp_kind { CP_RW, CP_ID, CP_OP };

struct cp15reg {
	const char *name;
	uint8_t opc1, crn, crm, opc2;
	uint8_t kind;
	uint8_t field; /* word index in struct cpu_state for CP_RW, else 0 */
};

#define F(x) ((uint8_t)(offsetof(struct cpu_state, x) / 4))
static const struct cp15reg cp15[] = {
	{"SCTLR", 0, 1, 0, 0, CP_RW, F(sctlr)},
	{"DACR", 0, 3, 0, 0, CP_RW, F(dacr)},
	{"TTBR0", 0, 2, 0, 0, CP_RW, F(ttbr0)},
	{"TTBR1", 0, 2, 0, 1, CP_RW, F(ttbr1)},
	{"TTBCR", 0, 2, 0, 2, CP_RW, F(ttbcr)},
	{"CONTEXTIDR", 0, 13, 0, 1, CP_RW, F(contextidr)},
	{"VBAR", 0, 12, 0, 0, CP_RW, F(vbar)},
	{"TPIDRURW", 0, 13, 0, 2, CP_RW, F(tpidrurw)},
	{"TPIDRURO", 0, 13, 0, 3, CP_RW, F(tpidruro)},
	{"TPIDRPRW", 0, 13, 0, 4, CP_RW, F(tpidrprw)},
	{"DFSR", 0, 5, 0, 0, CP_RW, F(dfsr)},
	{"IFSR", 0, 5, 0, 1, CP_RW, F(ifsr)},
	{"DFAR", 0, 6, 0, 0, CP_RW, F(dfar)},
	{"IFAR", 0, 6, 0, 2, CP_RW, F(ifar)},
	{"PAR", 0, 7, 4, 0, CP_RW, F(par)},
	{"PRRR", 0, 10, 2, 0, CP_RW, F(prrr)},
	{"NMRR", 0, 10, 2, 1, CP_RW, F(nmrr)},
	/* Identification and configuration, read only here (B4.1.x). */
	{"MIDR", 0, 0, 0, 0, CP_ID, 0},
	{"CTR", 0, 0, 0, 1, CP_ID, 0},
	{"TCMTR", 0, 0, 0, 2, CP_ID, 0},
	{"TLBTR", 0, 0, 0, 3, CP_ID, 0},
	{"MIDR(alias 4)", 0, 0, 0, 4, CP_ID, 0},
	{"MPIDR", 0, 0, 0, 5, CP_ID, 0},
	{"REVIDR", 0, 0, 0, 6, CP_ID, 0},
	{"MIDR(alias 7)", 0, 0, 0, 7, CP_ID, 0},
	{"ID_PFR0", 0, 0, 1, 0, CP_ID, 0},
	{"ID_PFR1", 0, 0, 1, 1, CP_ID, 0},
	{"ID_DFR0", 0, 0, 1, 2, CP_ID, 0},
	{"ID_AFR0", 0, 0, 1, 3, CP_ID, 0},
	{"ID_MMFR0", 0, 0, 1, 4, CP_ID, 0},
	{"ID_MMFR1", 0, 0, 1, 5, CP_ID, 0},
	{"ID_MMFR2", 0, 0, 1, 6, CP_ID, 0},
	{"ID_MMFR3", 0, 0, 1, 7, CP_ID, 0},
	{"ID_ISAR0", 0, 0, 2, 0, CP_ID, 0},
	{"ID_ISAR1", 0, 0, 2, 1, CP_ID, 0},
	{"ID_ISAR2", 0, 0, 2, 2, CP_ID, 0},
	{"ID_ISAR3", 0, 0, 2, 3, CP_ID, 0},
	{"ID_ISAR4", 0, 0, 2, 4, CP_ID, 0},
	{"ID_ISAR5", 0, 0, 2, 5, CP_ID, 0},
	{"ID(c0,c2,6)", 0, 0, 2, 6, CP_ID, 0},
	{"ID(c0,c3,0)", 0, 0, 3, 0, CP_ID, 0},
	{"CCSIDR", 1, 0, 0, 0, CP_ID, 0},
	{"CLIDR", 1, 0, 0, 1, CP_ID, 0},
	{"AIDR", 1, 0, 0, 7, CP_ID, 0},
	{"CSSELR", 2, 0, 0, 0, CP_ID, 0},
	{"ACTLR", 0, 1, 0, 1, CP_ID, 0},
	{"CPACR", 0, 1, 0, 2, CP_ID, 0},
	/* Write-only operations: caches, branch predictor, TLBs, barriers,
	 * address translation (B4.2). */
	{"ICIALLU", 0, 7, 5, 0, CP_OP, 0},
	{"ICIMVAU", 0, 7, 5, 1, CP_OP, 0},
	{"CP15ISB", 0, 7, 5, 4, CP_OP, 0},
	{"BPIALL", 0, 7, 5, 6, CP_OP, 0},
	{"BPIMVA", 0, 7, 5, 7, CP_OP, 0},
	{"DCIMVAC", 0, 7, 6, 1, CP_OP, 0},
	{"DCISW", 0, 7, 6, 2, CP_OP, 0},
	{"ATS1CPR", 0, 7, 8, 0, CP_OP, 0},
	{"ATS1CPW", 0, 7, 8, 1, CP_OP, 0},
	{"ATS1CUR", 0, 7, 8, 2, CP_OP, 0},
	{"ATS1CUW", 0, 7, 8, 3, CP_OP, 0},
	{"DCCMVAC", 0, 7, 10, 1, CP_OP, 0},
	{"DCCSW", 0, 7, 10, 2, CP_OP, 0},
	{"CP15DSB", 0, 7, 10, 4, CP_OP, 0},
	{"CP15DMB", 0, 7, 10, 5, CP_OP, 0},
	{"DCCMVAU", 0, 7, 11, 1, CP_OP, 0},
	{"DCCIMVAC", 0, 7, 14, 1, CP_OP, 0},
	{"DCCISW", 0, 7, 14, 2, CP_OP, 0},
	{"ITLBIALL", 0, 8, 5, 0, CP_OP, 0},
	{"ITLBIMVA", 0, 8, 5, 1, CP_OP, 0},
	{"ITLBIASID", 0, 8, 5, 2, CP_OP, 0},
	{"DTLBIALL", 0, 8, 6, 0, CP_OP, 0},
	{"DTLBIMVA", 0, 8, 6, 1, CP_OP, 0},
	{"DTLBIASID", 0, 8, 6, 2, CP_OP, 0},
	{"TLBIALL", 0, 8, 7, 0, CP_OP, 0},
	{"TLBIMVA", 0, 8, 7, 1, CP_OP, 0},
	{"TLBIASID", 0, 8, 7, 2, CP_OP, 0},
};
#undef F
#define N_CP15 N_OF(cp15)

/* Start values of the CP15 registers, and values MCR writes. */
#define TTBR_KEEP 0xffffc07fu /* [13:7] reserved with TTBCR.N = 0 */
#define DFSR_KEEP 0x00001cffu /* ExT, WnR, FS[4], domain, FS[3:0] */
#define IFSR_KEEP 0x0000140fu /* ExT, FS[4], FS[3:0] */
#define PAR_KEEP 0xfffff6ffu  /* QEMU keeps neither [11] (LPAE) nor [8] */

/* ------------------------------------------------------------ generator */

struct gen {
	struct prng *rng;
	const struct board *b;
	struct cpu_case *c;
	uint32_t mode;      /* start mode */
	bool cond_fail;     /* emit a condition that fails */
	bool arm_only;      /* no Thumb encodings */
	uint32_t force_mode; /* start mode a wrapping class imposes, or 0 */
	bool unmask;        /* irq class: make the instruction clear CPSR.I */
	bool irq_before;    /* irq class: only "IRQ before the instruction" */
	bool align_fault;   /* ldrt class: a misaligned word, SCTLR.A = 1 */
};

static uint32_t rnd(struct gen *g)
{
	return prng_next(g->rng);
}

static uint32_t below(struct gen *g, uint32_t n)
{
	return prng_below(g->rng, n);
}

static bool pct(struct gen *g, uint32_t p)
{
	return prng_pct(g->rng, p) != 0;
}

static uint32_t pick(struct gen *g, const uint32_t *a, uint32_t n)
{
	return a[below(g, n)];
}

static void unpred(struct gen *g)
{
	g->c->flags |= CPU_CASE_UNPRED;
}

static uint32_t *greg(struct gen *g, unsigned int n)
{
	return reg(&g->c->in, g->mode, n);
}

/* A register number 0-14 not in `avoid` (bit mask). */
static unsigned int pick_reg(struct gen *g, uint32_t avoid)
{
	unsigned int n;

	do
		n = below(g, 15);
	while (avoid & (1u << n));
	return n;
}

/* Flags, GE, E (rarely), A/I/F at random. */
static uint32_t rand_psr_bits(struct gen *g)
{
	return (rnd(g) & (PSR_NZCVQ | PSR_GE | PSR_A | PSR_I | PSR_F)) |
	       (pct(g, 10) ? PSR_E : 0);
}

static uint32_t mem_pa(const struct board *b)
{
	return b->ram_base + CPU_MEM_OFFSET;
}

/* The guest's exception-entry block k (cpu_oracle.h), for SCTLR.V = 0. */
static uint32_t xvec_addr(const struct board *b, uint32_t k)
{
	return b->ram_base + (k ? CO_XVEC_THUMB_OFF : CO_XVEC_ARM_OFF);
}

/* The guest's L1 table for SCTLR.M = 1 cases with these EE and TE. */
static uint32_t l1_addr(const struct board *b, uint32_t ee, uint32_t te)
{
	return b->ram_base + CO_L1_OFF + (2u * ee + te) * CO_L1_SIZE;
}

static uint32_t bswap32(uint32_t v)
{
	return (v >> 24) | ((v >> 8) & 0xff00u) | ((v << 8) & 0xff0000u) | (v << 24);
}

/* Store a word the instruction will load: byte-reversed when the start
 * CPSR.E makes data accesses big-endian (A3.3.3). */
static void mem_put(struct gen *g, uint32_t i, uint32_t v)
{
	g->c->in.mem[i] = (g->c->in.cpsr & PSR_E) ? bswap32(v) : v;
}

/* The common start state: everything random within what the guest can
 * load, landing mode != start mode. */
static void gen_base(struct gen *g, uint32_t mode, bool thumb)
{
	struct cpu_case *c = g->c;
	struct cpu_state *s = &c->in;
	const struct board *b = g->b;
	unsigned int i;

	memset(c, 0, sizeof(*c));
	g->mode = mode;
	c->flags = thumb ? CPU_CASE_THUMB : 0;
	for (i = 0; i < 13; i++)
		s->r[i] = rnd(g);
	for (i = 0; i < 5; i++)
		s->r8_fiq[i] = rnd(g);
	for (i = 0; i < CPU_BANK_COUNT; i++) {
		s->sp_lr[i][0] = rnd(g);
		s->sp_lr[i][1] = rnd(g);
	}
	for (i = 0; i < CPU_BANK_COUNT - 1; i++) {
		uint32_t p = rand_psr_bits(g) | pick(g, valid_modes, N_OF(valid_modes));

		if (pct(g, 30))
			p |= PSR_T;
		if (pct(g, 10))
			p |= rnd(g) & (PSR_IT | PSR_J); /* SPSRs hold any value */
		s->spsr[i] = p;
	}
	s->cpsr = rand_psr_bits(g) | mode | (thumb ? PSR_T : 0);
	if (thumb)
		s->pc = b->ram_base + (pct(g, 50) ? CO_THUMB_PC0_OFF : CO_THUMB_PC1_OFF);
	else
		s->pc = b->ram_base + CO_ARM_PC_OFF;
	s->sctlr = b->sctlr_base ^ (rnd(g) & SCTLR_SAFE);
	s->dacr = rnd(g);
	s->ttbr0 = rnd(g) & TTBR_KEEP;
	s->ttbr1 = rnd(g) & TTBR_KEEP;
	s->ttbcr = below(g, 8);
	s->contextidr = rnd(g);
	s->vbar = b->vbar[below(g, b->n_vbar)];
	s->tpidrurw = rnd(g);
	s->tpidruro = rnd(g);
	s->tpidrprw = rnd(g);
	s->dfsr = rnd(g) & DFSR_KEEP;
	s->ifsr = rnd(g) & IFSR_KEEP;
	s->dfar = rnd(g);
	s->ifar = rnd(g);
	s->par = rnd(g) & PAR_KEEP;
	s->prrr = rnd(g);
	s->nmrr = rnd(g);
	for (i = 0; i < 8; i++)
		s->mem[i] = rnd(g);
	if (mode == M_UND || (mode != M_SVC && pct(g, 50)))
		c->flags |= CPU_CASE_LAND_SVC;
	/* MSR cannot set A/I/F in User mode: enter by exception return. */
	if (mode == M_USR)
		c->flags |= CPU_CASE_ERET_ENTRY;
}

/* The start mode: what a wrapping class imposes, else User mode with
 * probability user_pct, else a privileged mode. */
static uint32_t start_mode(struct gen *g, uint32_t user_pct)
{
	if (g->force_mode)
		return g->force_mode;
	if (pct(g, user_pct))
		return M_USR;
	return pick(g, priv_modes, N_OF(priv_modes));
}

static bool has_spsr(uint32_t mode)
{
	return bank_of(mode) > 0;
}

/* An ARM condition field: passing (AL most of the time) or failing. */
static uint32_t arm_cond(struct gen *g)
{
	uint32_t cpsr = g->c->in.cpsr, cond;

	if (!g->cond_fail && pct(g, 60))
		return 14u << 28;
	do
		cond = below(g, 14);
	while (cond_holds(cond, cpsr) == g->cond_fail);
	return cond << 28;
}

static bool want_thumb(struct gen *g, uint32_t p)
{
	return !g->arm_only && pct(g, p);
}

/* Thumb 32-bit encoding hw1:hw2 as stored in cpu_case::insn[0]. */
static uint32_t t32(uint32_t hw1, uint32_t hw2)
{
	return (hw1 & 0xffffu) | (hw2 << 16);
}

/* An exception-return target CPSR (valid mode, IT = J = 0 unless marked). */
static uint32_t ret_psr(struct gen *g)
{
	uint32_t m, psr;

	if (pct(g, 92)) {
		m = pick(g, valid_modes, N_OF(valid_modes));
	} else {
		m = pick(g, bad_modes, N_OF(bad_modes));
		unpred(g);
	}
	psr = rand_psr_bits(g) | m | (pct(g, 35) ? PSR_T : 0);
	if (g->unmask && pct(g, 85))
		psr &= ~PSR_I;
	if (pct(g, 3)) {
		psr |= PSR_J; /* Jazelle/ThumbEE: not modelled */
		unpred(g);
	}
	return psr;
}

/* A landing pad address to return to (word aligned; rarely misaligned,
 * UNPREDICTABLE for an exception return, B1.9.10). */
static uint32_t pad_target(struct gen *g, bool thumb)
{
	uint32_t a = g->b->ram_base +
		     ((g->c->flags & CPU_CASE_LAND_SVC) ? CO_PAD_SVC_OFF
							: CO_PAD_UDF_OFF) +
		     4u * below(g, CO_PAD_SIZE / 4);

	if (pct(g, 4)) {
		a += thumb ? 1u : 1u + below(g, 3);
		unpred(g);
	}
	return a;
}

/* Start mode for instructions that need an SPSR (or act on the User bank):
 * an exception mode; System and User mode, where they are UNPREDICTABLE,
 * rarely (the caller marks them). */
static uint32_t spsr_mode(struct gen *g)
{
	if (g->force_mode)
		return g->force_mode;
	if (pct(g, 4))
		return M_USR;
	return pct(g, 5) ? M_SYS : pick(g, exc_modes, N_OF(exc_modes));
}

/* ---- classes */

enum co_class {
	CL_NOP,
	CL_CPS,
	CL_MRS,
	CL_MSR_REG,
	CL_MSR_IMM,
	CL_ERET_DP,
	CL_ERET_LDM,
	CL_RFE,
	CL_SRS,
	CL_LDM_USER,
	CL_STM_USER,
	CL_LDRT,
	CL_MCR,
	CL_MCR_OPS,
	CL_MRC,
	CL_MRC_ID,
	CL_SVC,
	CL_UDF,
	CL_COND_FAIL,
	CL_WFI,
	CL_IRQ,
	CL_BKPT,
	CL_EXC_SCTLR,
	CL_N
};

static void gen_nop(struct gen *g)
{
	bool thumb = want_thumb(g, 30);
	unsigned int n;

	gen_base(g, start_mode(g, 15), thumb);
	if (thumb) {
		static const uint32_t t[] = {0xbf00u, 0x46c0u, 0x4600u | (5u << 3) | 5u,
					     0x8000f3afu};
		g->c->insn[0] = pick(g, t, N_OF(t));
		return;
	}
	n = pick_reg(g, 0);
	/* mov rN, rN (A8.8.103) or the NOP hint (A8.8.119) */
	g->c->insn[0] = pct(g, 70) ? arm_cond(g) | 0x01a00000u | (n << 12) | n
				   : arm_cond(g) | 0x0320f000u;
}

/* CPS (B9.3.2 ARM A1, Thumb T1/T2). */
static void gen_cps(struct gen *g)
{
	bool thumb = want_thumb(g, 30);
	uint32_t imod, m, aif, mode = 0;

	/* B9.3.2: CPS is a NOP in User mode. */
	gen_base(g, start_mode(g, 15), thumb);
	if (g->unmask && pct(g, 85)) {
		imod = 2; /* CPSIE with I */
	} else if (pct(g, 6)) {
		imod = 1;
	} else {
		static const uint32_t im[] = {0, 2, 3};
		imod = pick(g, im, 3);
	}
	m = below(g, 2);
	if (thumb && imod == 0)
		m = 1; /* imod 00, M 0 is the hint space in Thumb */
	aif = below(g, 8);
	if (imod >= 2 && aif == 0 && pct(g, 90))
		aif = 1u + below(g, 7);
	if (imod < 2 && pct(g, 90))
		aif = 0;
	if (g->unmask && imod == 2)
		aif |= 2u;
	if (m) {
		if (pct(g, 90)) {
			mode = pick(g, valid_modes, N_OF(valid_modes));
		} else {
			mode = pick(g, bad_modes, N_OF(bad_modes));
			unpred(g);
		}
	} else if (pct(g, 4)) {
		mode = 1u + below(g, 31);
		unpred(g);
	}
	if ((imod == 0 && m == 0) || imod == 1 || (imod >= 2 && aif == 0) ||
	    (imod < 2 && aif != 0))
		unpred(g);
	if (thumb) {
		if (!m && imod >= 2 && aif != 0 && pct(g, 50))
			g->c->insn[0] = 0xb660u | ((imod & 1u) << 4) | aif;
		else
			g->c->insn[0] = t32(0xf3afu, 0x8000u | (imod << 9) | (m << 8) |
						       (aif << 5) | mode);
	} else {
		g->c->insn[0] = 0xf1000000u | (imod << 18) | (m << 17) | (aif << 6) | mode;
	}
}

/* MRS (B9.3.9 ARM A1, Thumb T1). */
static void gen_mrs(struct gen *g)
{
	bool thumb = want_thumb(g, 25);
	uint32_t mode = start_mode(g, 20), r, d;

	gen_base(g, mode, thumb);
	r = mode == M_USR && pct(g, 80) ? 0u : below(g, 2);
	if (r && !has_spsr(mode))
		unpred(g); /* no SPSR in User and System mode */
	if (thumb) {
		d = pick_reg(g, 1u << 13);
		g->c->insn[0] = t32(0xf3efu | (r << 4), 0x8000u | (d << 8));
	} else {
		/* Rd = PC (UNPREDICTABLE) is not generated: it would branch
		 * to the CPSR value, outside the landing pads. */
		d = pick_reg(g, 0);
		g->c->insn[0] = arm_cond(g) | 0x010f0000u | (r << 22) | (d << 12);
	}
}

/* A value for MSR: a valid mode when it writes CPSR.M, reserved bits
 * [23:20] mostly zero. */
static uint32_t msr_value(struct gen *g, uint32_t r, uint32_t mask)
{
	uint32_t v = rnd(g);

	if (!r && (mask & 1u)) {
		if (pct(g, 90)) {
			v = (v & ~PSR_M) | pick(g, valid_modes, N_OF(valid_modes));
		} else {
			v = (v & ~PSR_M) | pick(g, bad_modes, N_OF(bad_modes));
			/* BadMode() matters only when M is written (PL1). */
			if (g->mode != M_USR)
				unpred(g);
		}
		if (g->unmask && pct(g, 85))
			v &= ~PSR_I;
	}
	if (pct(g, 90))
		v &= ~0x00f00000u;
	else if (mask & 4u)
		unpred(g); /* non-zero to the SBZP bits [23:20] (glossary: SBZP) */
	return v;
}

static uint32_t msr_mask(struct gen *g)
{
	if (g->unmask && pct(g, 85))
		return 1u | (below(g, 8) << 1); /* the c field */
	return pct(g, 30) ? 8u : 1u + below(g, 15);
}

/* MSR (register) (B9.3.12 ARM A1, Thumb T1). */
static void gen_msr_reg(struct gen *g)
{
	bool thumb = want_thumb(g, 25);
	uint32_t mode = start_mode(g, 20), r, mask, n;

	gen_base(g, mode, thumb);
	r = pct(g, mode == M_USR || g->unmask ? 8 : 35) ? 1u : 0u;
	mask = pct(g, 3) ? 0u : msr_mask(g);
	if (mask == 0 || (r && !has_spsr(mode)))
		unpred(g);
	n = pick_reg(g, thumb ? 1u << 13 : 0);
	*greg(g, n) = msr_value(g, r, mask);
	if (thumb)
		g->c->insn[0] = t32(0xf380u | (r << 4) | n, 0x8000u | (mask << 8));
	else
		g->c->insn[0] = arm_cond(g) | 0x0120f000u | (r << 22) | (mask << 16) | n;
}

/* MSR (immediate) (B9.3.11 ARM A1; no Thumb encoding). */
static void gen_msr_imm(struct gen *g)
{
	uint32_t mode = start_mode(g, 20), r, mask, imm12;

	gen_base(g, mode, false);
	r = pct(g, mode == M_USR || g->unmask ? 8 : 35) ? 1u : 0u;
	mask = msr_mask(g); /* mask 0 is the hint space */
	if (r && !has_spsr(mode))
		unpred(g);
	if (!r && (mask & 1u) && pct(g, 75)) {
		imm12 = (rnd(g) & 0xe0u) | pick(g, valid_modes, N_OF(valid_modes));
		if (g->unmask && pct(g, 85))
			imm12 &= ~PSR_I;
	} else {
		imm12 = below(g, 4096);
		if (!r && (mask & 1u) && !mode_valid(expand_imm(imm12)) &&
		    mode != M_USR)
			unpred(g);
	}
	if ((mask & 4u) && (expand_imm(imm12) & 0x00f00000u))
		unpred(g); /* non-zero to the SBZP bits [23:20] */
	g->c->insn[0] = arm_cond(g) | 0x0320f000u | (r << 22) | (mask << 16) | imm12;
}

/* Operand 2 register with immediate shift such that the shifted value is
 * v; returns the shift field bits [11:5] and sets *rm_val. */
static uint32_t shift_to(struct gen *g, uint32_t v, uint32_t carry,
			 uint32_t *rm_val)
{
	uint32_t k = below(g, 4), amt;

	if (k == 1) { /* ROR #amt */
		amt = 1u + below(g, 31);
		*rm_val = ror32(v, 32u - amt);
		return (amt << 7) | (3u << 5);
	}
	if (k == 2) { /* LSL #amt when the low bits are zero */
		amt = 1u + below(g, 4);
		if ((v & ((1u << amt) - 1u)) == 0) {
			*rm_val = (v >> amt) | (rnd(g) << (32u - amt));
			return amt << 7;
		}
	}
	if (k == 3 && (v >> 31) == carry) { /* RRX */
		*rm_val = (v << 1) | (rnd(g) & 1u);
		return 3u << 5;
	}
	*rm_val = v; /* LSL #0 */
	return 0;
}

/*
 * Exception return with a data-processing instruction (B9.3.20, "SUBS PC,
 * LR and related instructions"): SUBS PC, LR, #imm; MOVS PC, LR; and
 * <op>S PC, Rn, <operand2> for every opcode, operands solved so that the
 * result is a landing pad. SPSR of the start mode is the return CPSR.
 */
static void gen_eret_dp(struct gen *g)
{
	static const uint32_t ops[] = {0, 1, 2, 3, 4, 5, 6, 7, 12, 13, 14, 15};
	uint32_t mode = spsr_mode(g), psr, tgt, *sp, form, op, x, v, rnv = 0;
	uint32_t carry, opnd, imm = 0, rn, rm, rmv = 0, rs;
	bool thumb = want_thumb(g, 20), logical, movlike;
	struct cpu_case *c = g->c;

	gen_base(g, mode, thumb);
	if (!has_spsr(mode))
		unpred(g); /* B9.3.20: UNPREDICTABLE in User and System mode */
	psr = ret_psr(g);
	sp = spsr_of(&c->in, mode);
	if (sp)
		*sp = psr;
	tgt = pad_target(g, psr & PSR_T);
	if (thumb) {
		/* SUBS PC, LR, #imm8 (T1) */
		imm = pct(g, 40) ? 0 : below(g, 256);
		*greg(g, 14) = tgt + imm;
		c->insn[0] = t32(0xf3deu, 0x8f00u | imm);
		return;
	}
	form = below(g, 100);
	if (form < 25) {
		imm = below(g, 4096);
		*greg(g, 14) = tgt + expand_imm(imm);
		c->insn[0] = arm_cond(g) | 0x025ef000u | imm;
		return;
	}
	if (form < 40) {
		*greg(g, 14) = tgt;
		c->insn[0] = arm_cond(g) | 0x01b0f00eu;
		return;
	}
	op = pick(g, ops, N_OF(ops));
	carry = (c->in.cpsr & PSR_C) ? 1u : 0u;
	logical = op == 0 || op == 12 || op == 14;
	movlike = op == 13 || op == 15;
	x = op == 15 ? ~tgt : tgt;
	rn = movlike ? 0 : pick_reg(g, 0);
	rm = pick_reg(g, movlike ? 0 : 1u << rn);
	/* The operand-2 value v, chosen first where the operation needs it. */
	switch (op) {
	case 0: v = x | rnd(g); break;          /* AND: x within v */
	case 12: v = x & rnd(g); break;         /* ORR: v within x */
	case 14: v = rnd(g) & ~x; break;        /* BIC: v outside x */
	case 13: case 15: v = x; break;         /* MOV, MVN */
	default: v = 0; break;
	}
	if (!logical && !movlike && pct(g, 35)) {
		imm = below(g, 4096);
		v = expand_imm(imm);
		opnd = (1u << 25) | imm;
	} else if (pct(g, 5)) {
		/* Register-shifted register with Rd = PC: UNPREDICTABLE
		 * (A8.8.x, "d == 15 ... UNPREDICTABLE"); the amount is 0 or
		 * a ROR by a multiple of 32 so the value is still known. */
		uint32_t type = below(g, 4);

		unpred(g);
		rs = pick_reg(g, (1u << rn) | (1u << rm));
		*greg(g, rs) = (rnd(g) & ~0xffu) | (type == 3 ? 32u * below(g, 8) : 0u);
		if (logical || movlike)
			rmv = v;
		else
			v = rmv = rnd(g);
		opnd = (rs << 8) | (type << 5) | (1u << 4) | rm;
	} else if (logical || movlike) {
		opnd = shift_to(g, v, carry, &rmv) | rm;
	} else {
		uint32_t type = below(g, 4), amt = below(g, 32);

		rmv = rnd(g);
		if (type == 3 && amt == 0)
			v = shift_val(rmv, 4, 1, carry);
		else
			v = shift_val(rmv, type, (type == 1 || type == 2) && amt == 0 ? 32u : amt,
				      carry);
		opnd = (amt << 7) | (type << 5) | rm;
	}
	switch (op) {
	case 0: rnv = x | (rnd(g) & ~v); break;
	case 1: rnv = x ^ v; break;
	case 2: rnv = x + v; break;
	case 3: rnv = v - x; break;
	case 4: rnv = x - v; break;
	case 5: rnv = x - v - carry; break;
	case 6: rnv = x + v + (carry ^ 1u); break;
	case 7: rnv = v - x - (carry ^ 1u); break;
	case 12: rnv = (x & ~v) | (v & rnd(g)); break;
	case 14: rnv = x | (rnd(g) & v); break;
	default: break;
	}
	if (!(opnd & (1u << 25)))
		*greg(g, rm) = rmv;
	if (!movlike)
		*greg(g, rn) = rnv;
	c->insn[0] = arm_cond(g) | opnd | (op << 21) | (1u << 20) | (rn << 16) | (15u << 12);
}

/* A base register value for a block of `words` words at mem[s..] with
 * addressing mode P:U (A8.8.58-61 LDM*, B9.3.13 RFE, B9.3.16 SRS). */
static uint32_t block_base(struct gen *g, uint32_t p, uint32_t u, uint32_t s,
			   uint32_t words)
{
	uint32_t start = mem_pa(g->b) + 4u * s;

	if (u)
		return p ? start - 4u : start;
	return p ? start + 4u * words : start + 4u * (words - 1u);
}

/* Misalign a base rarely: an alignment fault (B3.12.? MemA), not UNPRED. */
static uint32_t maybe_misalign(struct gen *g, uint32_t base)
{
	return pct(g, 5) ? base + 1u + below(g, 3) : base;
}

/* A register list of `n` registers from r0-r14 except `avoid`. */
static uint32_t reglist(struct gen *g, uint32_t n, uint32_t avoid)
{
	uint32_t l = 0;

	while (n > 0) {
		unsigned int r = pick_reg(g, avoid | l);

		l |= 1u << r;
		n--;
	}
	return l;
}

static uint32_t popcount(uint32_t v)
{
	uint32_t n = 0;

	for (; v; v &= v - 1u)
		n++;
	return n;
}

/* LDM (exception return) (B9.3.5): LDM{amode} Rn{!}, {..., pc}^. */
static void gen_eret_ldm(struct gen *g)
{
	uint32_t mode = spsr_mode(g), psr, *sp, p, u, w, rn, list, n, s;
	struct cpu_case *c = g->c;

	gen_base(g, mode, false);
	if (!has_spsr(mode))
		unpred(g); /* B9.3.5: UNPREDICTABLE in User and System mode */
	psr = ret_psr(g);
	sp = spsr_of(&c->in, mode);
	if (sp)
		*sp = psr;
	p = below(g, 2);
	u = below(g, 2);
	w = below(g, 2);
	rn = pick_reg(g, 0);
	list = reglist(g, below(g, 8), w && pct(g, 95) ? 1u << rn : 0) | 0x8000u;
	if (w && (list & (1u << rn)))
		unpred(g);
	n = popcount(list);
	s = below(g, 9u - n);
	mem_put(g, s + n - 1u, pad_target(g, psr & PSR_T));
	*greg(g, rn) = maybe_misalign(g, block_base(g, p, u, s, n));
	c->insn[0] = arm_cond(g) | 0x08500000u | (p << 24) | (u << 23) | (w << 21) |
		     (rn << 16) | list;
}

/* RFE (B9.3.13 ARM A1, Thumb T1 DB / T2 IA). */
static void gen_rfe(struct gen *g)
{
	bool thumb = want_thumb(g, 25);
	uint32_t p, u, w, rn, s, psr, mode = start_mode(g, 4);
	struct cpu_case *c = g->c;

	gen_base(g, mode, thumb);
	if (mode == M_USR)
		unpred(g); /* B9.3.13: UNPREDICTABLE in User mode */
	psr = ret_psr(g);
	if (thumb) {
		p = below(g, 2);
		u = p ^ 1u; /* DB or IA only */
	} else {
		p = below(g, 2);
		u = below(g, 2);
	}
	w = below(g, 2);
	rn = pick_reg(g, thumb ? 1u << 13 : 0);
	s = below(g, 7);
	mem_put(g, s, pad_target(g, psr & PSR_T));
	mem_put(g, s + 1u, psr);
	*greg(g, rn) = maybe_misalign(g, block_base(g, p, u, s, 2));
	if (thumb)
		c->insn[0] = t32((u ? 0xe990u : 0xe810u) | (w << 5) | rn, 0xc000u);
	else
		c->insn[0] = 0xf8100a00u | (p << 24) | (u << 23) | (w << 21) | (rn << 16);
}

/* SRS (B9.3.16 ARM A1, Thumb T1 DB / T2 IA). */
static void gen_srs(struct gen *g)
{
	bool thumb = want_thumb(g, 25);
	uint32_t mode = spsr_mode(g), p, u, w, tm, s;
	struct cpu_case *c = g->c;

	gen_base(g, mode, thumb);
	if (!has_spsr(mode))
		unpred(g); /* B9.3.16: UNPREDICTABLE in User and System mode */
	if (pct(g, 92)) {
		tm = pick(g, valid_modes, N_OF(valid_modes));
	} else {
		tm = pick(g, bad_modes, N_OF(bad_modes));
		unpred(g);
	}
	p = below(g, 2);
	u = thumb ? p ^ 1u : below(g, 2);
	w = below(g, 2);
	s = below(g, 7);
	if (mode_valid(tm))
		*reg(&c->in, tm, 13) = maybe_misalign(g, block_base(g, p, u, s, 2));
	if (thumb)
		c->insn[0] = t32((u ? 0xe98du : 0xe80du) | (w << 5), 0xc000u | tm);
	else
		c->insn[0] = 0xf84d0500u | (p << 24) | (u << 23) | (w << 21) | tm;
}

/* LDM (User registers) (B9.3.6), STM (User registers) (B9.3.18). */
static void gen_ldstm_user(struct gen *g, bool load)
{
	uint32_t mode = spsr_mode(g), p, u, w = 0, rn, list, n, s;
	struct cpu_case *c = g->c;

	gen_base(g, mode, false);
	if (!has_spsr(mode))
		unpred(g); /* B9.3.6/B9.3.18: UNPREDICTABLE in User and System mode */
	p = below(g, 2);
	u = below(g, 2);
	if (pct(g, 4)) {
		w = 1; /* (0) bit: UNPREDICTABLE */
		unpred(g);
	}
	rn = pick_reg(g, 0);
	list = reglist(g, 1u + below(g, load ? 8 : 7), 0);
	if (!load && pct(g, 10))
		list |= 0x8000u; /* PCStoreValue() */
	n = popcount(list);
	s = below(g, 9u - n);
	*greg(g, rn) = maybe_misalign(g, block_base(g, p, u, s, n));
	c->insn[0] = arm_cond(g) | 0x08400000u | (p << 24) | (u << 23) | (w << 21) |
		     (load ? 1u << 20 : 0) | (rn << 16) | list;
}

static void gen_ldm_user(struct gen *g)
{
	gen_ldstm_user(g, true);
}

static void gen_stm_user(struct gen *g)
{
	gen_ldstm_user(g, false);
}

/* LDRT, STRT, LDRBT, STRBT (A8.8.x: ARM A1 immediate, A2 register, both
 * post-indexed; Thumb T1 with an 8-bit offset, no writeback). */
static void gen_ldrt(struct gen *g)
{
	bool thumb = want_thumb(g, 25);
	uint32_t l, bt, rn, rt, addr, u, imm;
	struct cpu_case *c = g->c;

	gen_base(g, start_mode(g, 25), thumb);
	l = below(g, 2);
	bt = g->align_fault ? 0u : below(g, 2);
	if (g->align_fault) {
		addr = mem_pa(g->b) + 4u * below(g, 7) + 1u + below(g, 3);
		c->in.sctlr |= SCTLR_A;
	} else if (bt) {
		addr = mem_pa(g->b) + below(g, 32);
	} else if (pct(g, 10)) {
		addr = mem_pa(g->b) + below(g, 29); /* unaligned word */
	} else {
		addr = mem_pa(g->b) + 4u * below(g, 8);
	}
	rn = pick_reg(g, thumb ? 1u << 13 : 0);
	rt = pick_reg(g, (1u << rn) | (thumb ? 1u << 13 : 0));
	if (thumb) {
		imm = below(g, 256);
		*greg(g, rn) = addr - imm;
		c->insn[0] = t32(0xf800u | (bt ? 0 : 0x40u) | (l << 4) | rn,
				 (rt << 12) | 0x0e00u | imm);
		return;
	}
	*greg(g, rn) = addr;
	u = below(g, 2);
	if (pct(g, 50)) {
		imm = below(g, 4096);
		c->insn[0] = arm_cond(g) | 0x04200000u | (u << 23) | (bt << 22) | (l << 20) |
			     (rn << 16) | (rt << 12) | imm;
	} else {
		uint32_t rm = pick_reg(g, (1u << rn) | (1u << rt));

		c->insn[0] = arm_cond(g) | 0x06200000u | (u << 23) | (bt << 22) |
			     (l << 20) | (rn << 16) | (rt << 12) | (below(g, 32) << 7) |
			     (below(g, 4) << 5) | rm;
	}
}

static const struct cp15reg *pick_cp15(struct gen *g, enum cp_kind kind)
{
	const struct cp15reg *r;

	do
		r = &cp15[below(g, N_CP15)];
	while (r->kind != kind);
	return r;
}

static uint32_t cp15_word(const struct cp15reg *r, bool read, uint32_t rt)
{
	return 0x0e000f10u | (read ? 1u << 20 : 0) | ((uint32_t)r->opc1 << 21) |
	       ((uint32_t)r->crn << 16) | (rt << 12) | ((uint32_t)r->opc2 << 5) | r->crm;
}

/* Whether PL0 may access CP15 register or operation r (B4.1.150-151
 * TPIDRURW, TPIDRURO; B4.2.2 the CP15 barrier operations c7,c5,4, c7,c10,4,
 * c7,c10,5). Everything else these classes generate is PL1-only, i.e.
 * UNDEFINED in User mode (the PL0 access columns of the CP15 register
 * summary, B3.17). */
static bool cp15_pl0(const struct cp15reg *r, bool read)
{
	if (r->opc1 != 0)
		return false;
	if (r->crn == 13 && r->crm == 0 && r->opc2 == 2)
		return true;
	if (r->crn == 13 && r->crm == 0 && r->opc2 == 3)
		return read;
	if (r->crn == 7 && ((r->crm == 5 && r->opc2 == 4) ||
			    (r->crm == 10 && (r->opc2 == 4 || r->opc2 == 5))))
		return !read;
	return false;
}

/* MCR/MRC p15 (B9.3.x "MCR", "MRC"; Thumb T1 = ARM with cond 1110). */
static void gen_cp15(struct gen *g, enum cp_kind kind, bool read)
{
	bool thumb = want_thumb(g, 25);
	uint32_t mode = start_mode(g, kind == CP_ID ? 15 : 25);
	const struct cp15reg *r = pick_cp15(g, kind);
	uint32_t rt, v, w;
	struct cpu_case *c = g->c;

	/* In User mode, half of the time something PL0 may access in some
	 * direction (TPIDRURW, TPIDRURO, the barriers), so that both outcomes
	 * are well covered. */
	if (mode == M_USR && kind != CP_ID && pct(g, 50))
		while (!cp15_pl0(r, true) && !cp15_pl0(r, false))
			r = pick_cp15(g, kind);
	gen_base(g, mode, thumb);
	if (read && pct(g, 10))
		rt = 15; /* APSR_nzcv */
	else
		rt = pick_reg(g, thumb ? 1u << 13 : 0);
	if (!read) {
		v = rnd(g);
		if (r->field == offsetof(struct cpu_state, sctlr) / 4)
			v = g->b->sctlr_base ^ (v & SCTLR_SAFE);
		else if (r->field == offsetof(struct cpu_state, vbar) / 4)
			v = g->b->vbar[below(g, g->b->n_vbar)];
		else if (r->field == offsetof(struct cpu_state, ttbr0) / 4 ||
			 r->field == offsetof(struct cpu_state, ttbr1) / 4)
			v &= TTBR_KEEP;
		else if (r->field == offsetof(struct cpu_state, ttbcr) / 4)
			v = below(g, 8);
		else if (r->field == offsetof(struct cpu_state, dfsr) / 4)
			v &= DFSR_KEEP;
		else if (r->field == offsetof(struct cpu_state, ifsr) / 4)
			v &= IFSR_KEEP;
		else if (r->field == offsetof(struct cpu_state, par) / 4)
			v &= PAR_KEEP;
		else if (kind == CP_OP && pct(g, 50))
			v = mem_pa(g->b) + 4u * below(g, 8);
		*greg(g, rt) = v;
	}
	w = cp15_word(r, read, rt);
	c->insn[0] = thumb ? t32(0xe000u | (w >> 16), w & 0xffffu) : arm_cond(g) | w;
}

static void gen_mcr(struct gen *g)
{
	gen_cp15(g, CP_RW, false);
}

static void gen_mcr_ops(struct gen *g)
{
	gen_cp15(g, CP_OP, false);
}

static void gen_mrc(struct gen *g)
{
	gen_cp15(g, CP_RW, true);
}

static void gen_mrc_id(struct gen *g)
{
	gen_cp15(g, CP_ID, true);
}

/* SVC (A8.8.228): avoid QEMU's semihosting numbers (ARM 0x123456, Thumb
 * 0xab), which QEMU intercepts in privileged modes. */
static void gen_svc(struct gen *g)
{
	bool thumb = want_thumb(g, 25);
	uint32_t imm;

	gen_base(g, start_mode(g, 20), thumb);
	if (thumb) {
		do
			imm = below(g, 256);
		while (imm == 0xabu);
		g->c->insn[0] = 0xdf00u | imm;
	} else {
		do
			imm = rnd(g) & 0xffffffu;
		while (imm == 0x123456u);
		g->c->insn[0] = arm_cond(g) | 0x0f000000u | imm;
	}
}

/*
 * Undefined Instruction exceptions the instruction takes itself: UDF (ARM,
 * Thumb 16/32), SMC without the Security Extensions and HVC without the
 * Virtualization Extensions (UNDEFINED, B9.3.x), a coprocessor that does
 * not exist (p7, CPACR gives no access), and unallocated CP15 encodings
 * (marked: UNPREDICTABLE in ARMv7, B3.17/B4.2).
 */
static void gen_udf(struct gen *g)
{
	uint32_t k = below(g, 100), imm = rnd(g) & 0xffffu;
	bool thumb = !g->arm_only && k >= 35 && k < 60;
	struct cpu_case *c = g->c;

	gen_base(g, start_mode(g, 20), thumb);
	if (thumb && k < 50)
		c->insn[0] = 0xde00u | (imm & 0xffu);
	else if (thumb)
		c->insn[0] = t32(0xf7f0u | (imm & 0xfu), 0xa000u | (imm >> 4));
	else if (k < 70)
		c->insn[0] = 0xe7f000f0u | ((imm >> 4) << 8) | (imm & 0xfu);
	else if (k < 78)
		c->insn[0] = 0xe1600070u | (imm & 0xfu); /* SMC */
	else if (k < 85)
		c->insn[0] = 0xe1400070u | ((imm >> 4) << 8) | (imm & 0xfu); /* HVC */
	else if (k < 93)
		c->insn[0] = 0xee000710u | (below(g, 2) << 20) | (below(g, 8) << 21) |
			     (below(g, 16) << 16) | (pick_reg(g, 0) << 12) |
			     (below(g, 8) << 5) | below(g, 16); /* MCR/MRC p7 */
	else {
		/* CP15 c4 and c15 with opc1 = 7 (unallocated on these cores) */
		uint32_t crn = pct(g, 50) ? 4u : 15u;

		unpred(g);
		c->insn[0] = 0xee000f10u | (below(g, 2) << 20) |
			     ((crn == 15 ? 7u : below(g, 8)) << 21) | (crn << 16) |
			     (pick_reg(g, 0) << 12) | (below(g, 8) << 5) | below(g, 16);
	}
}

/*
 * WFI and the other hints (A8.8.424 WFI, WFE, YIELD, SEV, NOP). QEMU halts
 * on a WFI until an interrupt is pending (masked or not, B1.8.14 wake-up
 * events), and nothing else would ever wake it, so WFI cases run with
 * CPSR.I = 1 and an IRQ pending at the GIC (CPU_CASE_IRQ_PENDING).
 */
static void gen_wfi(struct gen *g)
{
	static const uint32_t hint[] = {3, 3, 3, 2, 1, 4, 0};
	bool thumb = want_thumb(g, 25);
	uint32_t h;

	/* A8.8.425: WFI is not privileged (no trap without the Virtualization
	 * Extensions). */
	gen_base(g, start_mode(g, 15), thumb);
	g->c->in.cpsr |= PSR_I;
	g->c->flags |= CPU_CASE_IRQ_PENDING;
	h = pick(g, hint, N_OF(hint));
	if (thumb)
		g->c->insn[0] = pct(g, 50) ? 0xbf00u | (h << 4) : t32(0xf3afu, 0x8000u | h);
	else
		g->c->insn[0] = arm_cond(g) | 0x0320f000u | h;
}

typedef void gen_fn(struct gen *g);

/* Condition-failed variants of every conditional class (A8.3: executes as
 * a NOP). ARM only: Thumb would need an IT block. */
static void gen_cond_fail(struct gen *g)
{
	static gen_fn *const sub[] = {gen_nop, gen_mrs, gen_msr_reg, gen_msr_imm,
				      gen_eret_dp, gen_eret_ldm, gen_ldm_user,
				      gen_stm_user, gen_ldrt, gen_mcr, gen_mcr_ops,
				      gen_mrc, gen_mrc_id, gen_svc, gen_wfi};

	g->cond_fail = true;
	g->arm_only = true;
	sub[below(g, N_OF(sub))](g);
}

/*
 * BKPT (A8.8.24, ARM A1 with cond = AL, Thumb T1). Without a debugger no
 * debug mode is selected, and a BKPT instruction debug event is then a
 * debug exception: a Prefetch Abort (ARMv7 ARM C4.1 "About debug
 * exceptions"). Another condition than AL is UNPREDICTABLE (marked).
 */
static void gen_bkpt(struct gen *g)
{
	bool thumb = want_thumb(g, 30);
	uint32_t imm = rnd(g) & 0xffffu, cond = 14;

	gen_base(g, start_mode(g, 25), thumb);
	if (thumb) {
		g->c->insn[0] = 0xbe00u | (imm & 0xffu);
		return;
	}
	if (pct(g, 3)) {
		cond = below(g, 14);
		unpred(g);
	}
	g->c->insn[0] = (cond << 28) | 0x01200070u | ((imm >> 4) << 8) | (imm & 0xfu);
}

/*
 * IRQ exception entry (B1.8.1, TakePhysicalIRQException() in B1.9), with
 * SPI 32 pending at the GIC from before the case's first instruction
 * (CPU_CASE_IRQ_PENDING). The IRQ is taken at the first instruction
 * boundary where CPSR.I is 0:
 *  - "before": a start state with I = 0 in any mode, half of them User
 *    mode (entered by exception return, CPU_CASE_ERET_ENTRY): the IRQ is
 *    taken before the instruction, which never executes (LR_irq = its
 *    address + 4);
 *  - "masked": I = 1, and an instruction that cannot clear it (a NOP; in
 *    User mode also CPS, MSR CPSR_c, which cannot write I at PL0,
 *    B1.3.3): no IRQ;
 *  - "unmask": a PL1 start state with I = 1 and an instruction that
 *    usually clears I: CPSIE, MSR CPSR_c (register, immediate), and the
 *    exception returns SUBS/MOVS PC, LR & co, RFE, LDM ^ to a CPSR with
 *    I = 0 (any mode, User included): the IRQ is taken right after it,
 *    LR_irq = the next instruction + 4, SPSR_irq = the CPSR it produced.
 * The wrapped generator's class is kept in CPU_CASE_SUBCLASS.
 */
static void gen_irq(struct gen *g)
{
	static const struct {
		gen_fn *gen;
		uint32_t cls;
	} before[] = {{gen_nop, CL_NOP}, {gen_nop, CL_NOP}, {gen_svc, CL_SVC},
		      {gen_udf, CL_UDF}, {gen_mrs, CL_MRS}, {gen_mcr, CL_MCR},
		      {gen_bkpt, CL_BKPT}, {gen_ldrt, CL_LDRT}},
	  masked_usr[] = {{gen_nop, CL_NOP}, {gen_cps, CL_CPS},
			  {gen_msr_reg, CL_MSR_REG}, {gen_msr_imm, CL_MSR_IMM}},
	  unmask[] = {{gen_cps, CL_CPS}, {gen_cps, CL_CPS}, {gen_msr_reg, CL_MSR_REG},
		      {gen_msr_imm, CL_MSR_IMM}, {gen_eret_dp, CL_ERET_DP},
		      {gen_rfe, CL_RFE}, {gen_eret_ldm, CL_ERET_LDM}};
	uint32_t k = g->irq_before ? 0u : below(g, 100), i, sub;
	struct cpu_case *c = g->c;

	if (k < 40) {
		g->force_mode = pct(g, 50) ? M_USR : pick(g, priv_modes, N_OF(priv_modes));
		i = below(g, N_OF(before));
		before[i].gen(g);
		sub = before[i].cls;
		c->in.cpsr &= ~PSR_I;
		/* The instruction never executes: whatever the architecture
		 * says about it, the IRQ comes first. */
		c->flags &= ~CPU_CASE_UNPRED;
		c->flags |= CPU_CASE_ERET_ENTRY;
	} else if (k < 52) {
		g->force_mode = pct(g, 60) ? M_USR : pick(g, priv_modes, N_OF(priv_modes));
		if (g->force_mode == M_USR) {
			i = below(g, N_OF(masked_usr));
			masked_usr[i].gen(g);
			sub = masked_usr[i].cls;
		} else {
			gen_nop(g);
			sub = CL_NOP;
		}
		c->in.cpsr |= PSR_I;
	} else {
		g->force_mode = pick(g, priv_modes, N_OF(priv_modes));
		g->unmask = true;
		i = below(g, N_OF(unmask));
		unmask[i].gen(g);
		sub = unmask[i].cls;
		c->in.cpsr |= PSR_I;
	}
	c->flags |= CPU_CASE_IRQ_PENDING | (sub << CPU_CASE_SUBCLASS_SHIFT);
	g->force_mode = 0;
	g->unmask = false;
}

/*
 * Exception entry with SCTLR.TE, EE and V (B1.8.1-B1.8.3, B1.9 TakeException
 * pseudocode, B4.1.130): CPSR.T = TE and CPSR.E = EE on entry, vectors at
 * 0xffff0000 when V = 1, else at VBAR. One of the 7 non-zero TE/EE/V
 * combinations, around an exception the instruction (or a pending IRQ)
 * takes for sure: SVC, UDF & co, BKPT's Prefetch Abort, an IRQ before the
 * instruction, and with V = 0 an LDRT/STRT alignment fault (SCTLR.A = 1,
 * a misaligned word). The wrapped class is kept in CPU_CASE_SUBCLASS.
 *  - V = 0: VBAR = one of the two exception-entry blocks (cpu_oracle.h),
 *    whose entries branch in both instruction sets to stubs that tell
 *    which one ran; the guest reports T from that.
 *  - V = 1: the MMU is on (M = 1, TTBCR 0, TTBR0 = the guest's L1 table
 *    for EE and TE, domain 0 client or manager): VA 0xffff0000 maps to that
 *    block; VBAR any table (ignored). No data access: alignment faults
 *    are V = 0 only, and the emulator side needs no translation.
 */
static void gen_exc_sctlr(struct gen *g)
{
	static const struct {
		gen_fn *gen;
		uint32_t cls;
	} sub[] = {{gen_svc, CL_SVC}, {gen_udf, CL_UDF}, {gen_bkpt, CL_BKPT},
		   {gen_irq, CL_IRQ}, {gen_ldrt, CL_LDRT}};
	uint32_t combo = 1u + below(g, 7), i, te = combo & 1u, ee = (combo >> 1) & 1u;
	bool v = (combo & 4u) != 0;
	struct cpu_state *s = &g->c->in;

	i = below(g, v ? N_OF(sub) - 1u : N_OF(sub));
	g->irq_before = true;
	g->align_fault = true;
	sub[i].gen(g);
	g->irq_before = false;
	g->align_fault = false;
	g->c->flags = (g->c->flags & ~(CPU_CASE_CLASS_MASK << CPU_CASE_SUBCLASS_SHIFT)) |
		      (sub[i].cls << CPU_CASE_SUBCLASS_SHIFT);
	s->sctlr |= (te ? SCTLR_TE : 0) | (ee ? SCTLR_EE : 0);
	if (!v) {
		s->vbar = xvec_addr(g->b, below(g, 2));
		return;
	}
	s->sctlr |= SCTLR_V | SCTLR_M;
	s->ttbcr = 0;
	s->ttbr0 = l1_addr(g->b, ee, te) | (rnd(g) & 0x7fu);
	s->dacr = (s->dacr & ~3u) | (pct(g, 80) ? 1u : 3u);
	if (pct(g, 30))
		s->vbar = xvec_addr(g->b, below(g, 2));
}

struct class_def {
	const char *name;
	gen_fn *gen;
};

static const struct class_def classes[CL_N] = {
	[CL_NOP] = {"nop", gen_nop},
	[CL_CPS] = {"cps", gen_cps},
	[CL_MRS] = {"mrs", gen_mrs},
	[CL_MSR_REG] = {"msr-reg", gen_msr_reg},
	[CL_MSR_IMM] = {"msr-imm", gen_msr_imm},
	[CL_ERET_DP] = {"eret-dp", gen_eret_dp},
	[CL_ERET_LDM] = {"eret-ldm", gen_eret_ldm},
	[CL_RFE] = {"rfe", gen_rfe},
	[CL_SRS] = {"srs", gen_srs},
	[CL_LDM_USER] = {"ldm-user", gen_ldm_user},
	[CL_STM_USER] = {"stm-user", gen_stm_user},
	[CL_LDRT] = {"ldrt", gen_ldrt},
	[CL_MCR] = {"mcr", gen_mcr},
	[CL_MCR_OPS] = {"mcr-ops", gen_mcr_ops},
	[CL_MRC] = {"mrc", gen_mrc},
	[CL_MRC_ID] = {"mrc-id", gen_mrc_id},
	[CL_SVC] = {"svc", gen_svc},
	[CL_UDF] = {"udf", gen_udf},
	[CL_COND_FAIL] = {"cond-fail", gen_cond_fail},
	[CL_WFI] = {"wfi", gen_wfi},
	[CL_IRQ] = {"irq", gen_irq},
	[CL_BKPT] = {"bkpt", gen_bkpt},
	[CL_EXC_SCTLR] = {"exc-sctlr", gen_exc_sctlr},
};

/* ------------------------------------------------------------ files */

static void die(const char *what)
{
	fprintf(stderr, "cpu_oracle: %s: %s\n", what, strerror(errno));
	exit(2);
}

/* The file's contents; any failure ends the program. */
static void *slurp_or_die(const char *path, size_t *len)
{
	void *p = slurp(path, len);

	if (p == NULL)
		die(path);
	return p;
}

static uint32_t num(const char *s)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 0);
	if (errno || *end || end == s || v > 0xffffffffUL) {
		fprintf(stderr, "cpu_oracle: bad number '%s'\n", s);
		exit(2);
	}
	return (uint32_t)v;
}

static int class_by_name(const char *s, size_t len)
{
	int i;

	for (i = 0; i < CL_N; i++)
		if (strlen(classes[i].name) == len && strncmp(classes[i].name, s, len) == 0)
			return i;
	return -1;
}

static int cmd_gen(unsigned int board, uint32_t seed, uint32_t n,
		   const char *path, uint32_t passes, const char *list)
{
	const struct board *b = &boards[board];
	struct co_blob_hdr h;
	struct prng rng;
	struct gen g;
	struct cpu_case c;
	uint32_t sel[CL_N], nsel = 0, i, count[CL_N] = {0};
	FILE *f;

	if (list == NULL || strcmp(list, "all") == 0) {
		for (i = 0; i < CL_N; i++)
			sel[nsel++] = i;
	} else {
		const char *p = list;

		while (*p) {
			size_t len = strcspn(p, ",");
			int k = class_by_name(p, len);

			if (k < 0) {
				fprintf(stderr, "cpu_oracle: unknown class '%.*s'\n",
					(int)len, p);
				return 2;
			}
			sel[nsel++] = (uint32_t)k;
			p += len;
			if (*p == ',')
				p++;
			if (nsel == CL_N)
				break;
		}
	}
	if (nsel == 0 || passes == 0 || passes > 4 ||
	    n > CO_BLOB_MAX / sizeof(struct cpu_case) ||
	    n > CO_RES_MAX / sizeof(struct cpu_result) / passes) {
		fprintf(stderr, "cpu_oracle: bad class list, case or pass count\n");
		return 2;
	}
	memset(&h, 0, sizeof(h));
	h.magic = CO_MAGIC;
	h.version = CO_VERSION;
	h.n_cases = n;
	h.ram_base = b->ram_base;
	h.board = board;
	h.seed = seed;
	h.passes = passes;
	h.case_bytes = sizeof(struct cpu_case);
	h.result_bytes = sizeof(struct cpu_result);
	h.sctlr_base = b->sctlr_base;
	h.n_vbar = b->n_vbar;
	memcpy(h.vbar, b->vbar, sizeof(h.vbar));

	f = fopen(path, "wb");
	if (f == NULL || fwrite(&h, sizeof(h), 1, f) != 1)
		die(path);
	prng_seed(&rng, seed);
	memset(&g, 0, sizeof(g));
	g.rng = &rng;
	g.b = b;
	g.c = &c;
	for (i = 0; i < n; i++) {
		uint32_t k = sel[prng_below(&rng, nsel)];

		g.cond_fail = false;
		g.arm_only = false;
		g.force_mode = 0;
		g.unmask = false;
		g.irq_before = false;
		g.align_fault = false;
		classes[k].gen(&g);
		c.flags |= k << CPU_CASE_CLASS_SHIFT;
		count[k]++;
		if (fwrite(&c, sizeof(c), 1, f) != 1)
			die(path);
	}
	if (fclose(f) != 0)
		die(path);
	printf("cpu_oracle: %s, seed %u, %u cases x %u passes -> %s\n", b->name,
	       seed, n, passes, path);
	return 0;
}

struct run {
	uint8_t *blob;
	uint8_t *res;
	const struct co_blob_hdr *h;
	const struct cpu_case *cases;
	const struct co_res_hdr *rh;
	const struct cpu_result *results; /* passes x n_cases */
	const struct board *b;
};

static int load_run(struct run *r, const char *blob, const char *res)
{
	size_t blen, rlen = 0;

	memset(r, 0, sizeof(*r));
	r->blob = slurp_or_die(blob, &blen);
	r->h = (const void *)r->blob;
	if (blen < sizeof(*r->h) || r->h->magic != CO_MAGIC ||
	    r->h->version != CO_VERSION || r->h->board >= N_BOARDS ||
	    r->h->case_bytes != sizeof(struct cpu_case) ||
	    blen != sizeof(*r->h) + (size_t)r->h->n_cases * sizeof(struct cpu_case)) {
		fprintf(stderr, "cpu_oracle: %s is not a valid blob\n", blob);
		return 2;
	}
	r->cases = (const void *)(r->h + 1);
	r->b = &boards[r->h->board];
	if (res == NULL)
		return 0;
	r->res = slurp_or_die(res, &rlen);
	r->rh = (const void *)r->res;
	if (rlen < sizeof(*r->rh) || r->rh->magic != CO_RES_MAGIC ||
	    r->rh->n_cases != r->h->n_cases || r->rh->passes != r->h->passes ||
	    r->rh->result_bytes != sizeof(struct cpu_result) ||
	    rlen != sizeof(*r->rh) + (size_t)r->h->passes * r->h->n_cases *
					      sizeof(struct cpu_result)) {
		fprintf(stderr, "cpu_oracle: %s does not match the blob (QEMU run "
				"incomplete?)\n",
			res);
		return 2;
	}
	r->results = (const void *)(r->rh + 1);
	return 0;
}

/* ------------------------------------------------------------ printing */

#define N_WORDS (sizeof(struct cpu_state) / 4)

static void state_words(const struct cpu_state *s, uint32_t *w)
{
	memcpy(w, s, sizeof(*s));
}

static const char *word_name(unsigned int i, char *buf, size_t len)
{
	static const char *const bank[] = {"usr", "svc", "abt", "und", "irq", "fiq"};
	static const char *const tail[] = {"cpsr",  "pc",	"sctlr",    "dacr",
					   "ttbr0", "ttbr1",    "ttbcr",    "contextidr",
					   "vbar",  "tpidrurw", "tpidruro", "tpidrprw",
					   "dfsr",  "ifsr",	"dfar",	    "ifar",
					   "par",   "prrr",	"nmrr"};

	if (i < 13)
		snprintf(buf, len, "r%u", i);
	else if (i < 18)
		snprintf(buf, len, "r%u_fiq", i - 5);
	else if (i < 30)
		snprintf(buf, len, "%s_%s", (i - 18) % 2 ? "lr" : "sp", bank[(i - 18) / 2]);
	else if (i < 35)
		snprintf(buf, len, "spsr_%s", bank[i - 29]);
	else if (i < 54)
		snprintf(buf, len, "%s", tail[i - 35]);
	else
		snprintf(buf, len, "mem[%u]", i - 54);
	return buf;
}

static const char *exit_name(uint32_t e)
{
	static const char *const n[] = {"next", "landed", "undef", "svc",
					"pabt", "dabt",	  "irq",   "fiq"};

	if (e < 8)
		return n[e];
	return e == CO_EXIT_REJECTED ? "rejected" : "weird";
}

static void print_case(const struct run *r, uint32_t i)
{
	const struct cpu_case *c = &r->cases[i];
	uint32_t w[N_WORDS];
	unsigned int k;
	char nb[24];
	bool wraps = CPU_CASE_CLASS(c->flags) == CL_IRQ ||
		     CPU_CASE_CLASS(c->flags) == CL_EXC_SCTLR;

	printf("case %u: class %s%s%s, %s insn %08x%s%s, landing %s%s%s\n", i,
	       classes[CPU_CASE_CLASS(c->flags) % CL_N].name, wraps ? "/" : "",
	       wraps ? classes[CPU_CASE_SUBCLASS(c->flags) % CL_N].name : "",
	       c->flags & CPU_CASE_THUMB ? "Thumb" : "ARM", c->insn[0],
	       c->flags & CPU_CASE_UNPRED ? ", UNPREDICTABLE" : "",
	       c->flags & CPU_CASE_THUMB && (c->insn[0] & 0xffffu) >> 11 >= 0x1d
		       ? " (hw1 = low half)"
		       : "",
	       c->flags & CPU_CASE_LAND_SVC ? "SVC" : "UDF",
	       c->flags & CPU_CASE_ERET_ENTRY ? ", entered by exception return" : "",
	       c->flags & CPU_CASE_IRQ_PENDING ? ", IRQ pending" : "");
	state_words(&c->in, w);
	for (k = 0; k < N_WORDS; k++)
		printf("  %-10s %08x%s", word_name(k, nb, sizeof(nb)), w[k],
		       k % 4 == 3 ? "\n" : "");
	printf("\n");
}

static void print_diff(const char *what, const struct cpu_state *a,
		       const struct cpu_state *b, const char *an, const char *bn)
{
	uint32_t wa[N_WORDS], wb[N_WORDS];
	unsigned int k;
	char nb[24];

	state_words(a, wa);
	state_words(b, wb);
	printf("  %s:", what);
	for (k = 0; k < N_WORDS; k++)
		if (wa[k] != wb[k])
			printf(" %s %s=%08x %s=%08x;", word_name(k, nb, sizeof(nb)), an,
			       wa[k], bn, wb[k]);
	printf("\n");
}

static int cmd_dump(const char *blob, const char *res, char **idx, int nidx)
{
	struct run r;
	uint32_t i, n;
	int rc = load_run(&r, blob, res), k;

	if (rc)
		return rc;
	n = r.h->n_cases;
	printf("blob: %s, seed %u, %u cases, %u passes\n", r.b->name, r.h->seed, n,
	       r.h->passes);
	for (k = 0; k < (nidx ? nidx : (int)n); k++) {
		i = nidx ? num(idx[k]) : (uint32_t)k;
		if (i >= n) {
			fprintf(stderr, "cpu_oracle: no case %u\n", i);
			return 2;
		}
		print_case(&r, i);
		if (r.results) {
			const struct cpu_result *q = &r.results[i];

			printf("  qemu: exit %s, pc %08x, cpsr %08x\n", exit_name(q->exit),
			       q->out.pc, q->out.cpsr);
			print_diff("changed", &r.cases[i].in, &q->out, "in", "out");
		}
	}
	free(r.blob);
	free(r.res);
	return 0;
}

/* ------------------------------------------------------------ deviations */

/* The class whose instruction the case executes: for the irq class, the
 * wrapped one (unless the IRQ comes before the instruction). */
static uint32_t eff_class(const struct cpu_case *c)
{
	uint32_t cls = CPU_CASE_CLASS(c->flags) % CL_N;

	if (cls == CL_EXC_SCTLR)
		return CPU_CASE_SUBCLASS(c->flags) % CL_N; /* never an irq "after" */
	if (cls != CL_IRQ)
		return cls;
	if ((c->flags & CPU_CASE_IRQ_PENDING) && !(c->in.cpsr & PSR_I))
		return CL_IRQ;
	return CPU_CASE_SUBCLASS(c->flags) % CL_N;
}

/* B9.3.20 lists every data-processing opcode; QEMU returns only for SUB
 * and MOV (deviations.txt [qemu-alu-exception-return]). */
static bool dev_alu_eret(const struct cpu_case *c)
{
	uint32_t w = c->insn[0], op = (w >> 21) & 0xfu;

	return eff_class(c) == CL_ERET_DP && !(c->flags & CPU_CASE_THUMB) &&
	       cond_holds(w >> 28, c->in.cpsr) && op != 2 && op != 13;
}

/* ATS1C{P,U}{R,W} with the MMU off (deviations.txt
 * [qemu-ats-mmu-off-attributes]). */
static bool dev_ats_mmu_off(const struct cpu_case *c)
{
	uint32_t w = c->insn[0];

	return eff_class(c) == CL_MCR_OPS && (c->in.cpsr & PSR_M) != M_USR &&
	       !(c->flags & CPU_CASE_THUMB) && cond_holds(w >> 28, c->in.cpsr) &&
	       /* MCR p15, 0, Rt, c7, c8, opc2 <= 3 */
	       (w & 0x0fff0f1fu) == 0x0e070f18u && ((w >> 5) & 7u) <= 3u &&
	       !(c->in.sctlr & 1u);
}

static bool results_agree(const struct cpu_case *c, const struct cpu_result *a,
			  const struct cpu_result *b);

/* ...and nothing else differs: PAR's attribute fields (SS, Outer, Inner,
 * SH, NOS; B4.1.112) are the only difference. */
static bool same_but_par_attrs(const struct cpu_case *c, const struct cpu_result *a,
			       const struct cpu_result *b)
{
	struct cpu_result x = *a;

	x.out.par = (a->out.par & ~0x4feu) | (b->out.par & 0x4feu);
	return results_agree(c, &x, b);
}

/*
 * A QEMU behaviour that differs from the ARM ARM. A mismatch is excused
 * only when its classifier matches AND its id is listed in the deviations
 * file given to `check` AND (when the entry has one) the difference is
 * confined to what the deviation is about.
 */
struct deviation {
	const char *id;
	bool (*match)(const struct cpu_case *c);
	bool (*confined)(const struct cpu_case *c, const struct cpu_result *amv,
			 const struct cpu_result *qemu);
	bool listed;
	unsigned long count;
};

static struct deviation deviations[] = {
	{"qemu-alu-exception-return", dev_alu_eret, NULL, false, 0},
	{"qemu-ats-mmu-off-attributes", dev_ats_mmu_off, same_but_par_attrs,
	 false, 0},
};
#define N_DEVIATIONS N_OF(deviations)

static int load_deviations(const char *path)
{
	char line[256];
	FILE *f;
	unsigned int d;

	if (path == NULL)
		return 0;
	f = fopen(path, "r");
	if (f == NULL)
		die(path);
	while (fgets(line, sizeof(line), f)) {
		char *end;

		if (line[0] != '[' || (end = strchr(line, ']')) == NULL)
			continue;
		*end = '\0';
		for (d = 0; d < N_DEVIATIONS; d++)
			if (strcmp(line + 1, deviations[d].id) == 0)
				break;
		if (d == N_DEVIATIONS) {
			fprintf(stderr, "cpu_oracle: %s: unknown deviation [%s]\n", path,
				line + 1);
			fclose(f);
			return 2;
		}
		deviations[d].listed = true;
	}
	fclose(f);
	return 0;
}

/* ------------------------------------------------------------ selftest */

struct tally {
	unsigned long cases, user, unpred, nondet_unpred, nondet, checked, failed, qemu_dev;
	unsigned long exits[CPU_EXIT_FIQ + 1];
};

/*
 * Exits a class may produce when not UNPREDICTABLE (bit per enum cpu_exit):
 * what the generator built the case for, plus alignment faults where it
 * misaligns a base on purpose. Anything else means the harness (or QEMU)
 * did not do what the case was built for.
 */
#define X(e) (1u << CPU_EXIT_##e)
static const uint32_t allowed_exits[CL_N] = {
	[CL_NOP] = X(NEXT),	       [CL_CPS] = X(NEXT),
	[CL_MRS] = X(NEXT),	       [CL_MSR_REG] = X(NEXT),
	[CL_MSR_IMM] = X(NEXT),	       [CL_ERET_DP] = X(LANDED),
	[CL_ERET_LDM] = X(LANDED) | X(DABT), [CL_RFE] = X(LANDED) | X(DABT),
	[CL_SRS] = X(NEXT) | X(DABT),  [CL_LDM_USER] = X(NEXT) | X(DABT),
	[CL_STM_USER] = X(NEXT) | X(DABT), [CL_LDRT] = X(NEXT) | X(DABT),
	[CL_MCR] = X(NEXT) | X(UNDEF), [CL_MCR_OPS] = X(NEXT) | X(UNDEF),
	[CL_MRC] = X(NEXT) | X(UNDEF), [CL_MRC_ID] = X(NEXT) | X(UNDEF),
	[CL_SVC] = X(SVC),	       [CL_UDF] = X(UNDEF),
	[CL_COND_FAIL] = X(NEXT),      [CL_WFI] = X(NEXT),
	[CL_IRQ] = X(NEXT) | X(LANDED) | X(DABT) | X(IRQ),
	[CL_BKPT] = X(PABT),
	[CL_EXC_SCTLR] = X(UNDEF) | X(SVC) | X(PABT) | X(DABT) | X(IRQ),
};
#undef X

static uint32_t insn_size(const struct cpu_case *c)
{
	if (!(c->flags & CPU_CASE_THUMB))
		return 4;
	return ((c->insn[0] & 0xffffu) >> 11) >= 0x1du ? 4u : 2u;
}

/* What every exception entry sets from SCTLR (B1.8.3, B1.9 TakeException
 * pseudocode, B4.1.130): CPSR.T = SCTLR.TE, CPSR.E = SCTLR.EE. */
static uint32_t entry_te_ee(const struct cpu_state *s)
{
	return ((s->sctlr & SCTLR_TE) ? PSR_T : 0) | ((s->sctlr & SCTLR_EE) ? PSR_E : 0);
}

/* The vector for offset `off` (B1.8.1): 0xffff0000 + off when SCTLR.V = 1
 * (high vectors), else VBAR + off (QEMU gives the Cortex-A8 VBAR even
 * without the Security Extensions). */
static uint32_t vector_at(const struct cpu_state *s, uint32_t off)
{
	return ((s->sctlr & SCTLR_V) ? 0xffff0000u : (s->vbar & ~0x1fu)) + off;
}

/* The start state with PC advanced past the instruction: what a NOP, a
 * condition-failed instruction, or an instruction that only writes the
 * fields the caller then patches, leaves. */
static struct cpu_state advanced(const struct cpu_case *c)
{
	struct cpu_state s = c->in;

	s.pc += insn_size(c);
	return s;
}

static bool same(const struct cpu_state *a, const struct cpu_state *b)
{
	return memcmp(a, b, sizeof(*a)) == 0;
}

/* Exception entry to mode `mode` at vector offset `off` with link value
 * `lr` (B1.9.1 "Exception entry", TakeSVCException/TakeUndefInstrException
 * pseudocode, B1.8.3 offsets): SPSR = CPSR, LR = lr, CPSR.M = mode, I = 1,
 * IT = J = 0, T = SCTLR.TE, E = SCTLR.EE; A, F and the flags unchanged;
 * PC = the vector (vector_at()). */
static struct cpu_state entered(const struct cpu_case *c, uint32_t mode,
				uint32_t off, uint32_t lr)
{
	struct cpu_state s = c->in;
	int b = bank_of(mode);

	s.spsr[b - 1] = c->in.cpsr;
	s.sp_lr[b][1] = lr;
	s.cpsr = (c->in.cpsr & ~(PSR_M | PSR_IT | PSR_J | PSR_T | PSR_E)) | mode | PSR_I |
		 entry_te_ee(&c->in);
	s.pc = vector_at(&c->in, off);
	return s;
}

/* The value of register n as read by the instruction in the start state. */
static uint32_t in_reg(const struct cpu_case *c, unsigned int n)
{
	struct cpu_state s = c->in;

	return *reg(&s, c->in.cpsr, n);
}

/* CPSRWriteByInstr() (B1.3.3 pseudocode) for a core without Security
 * Extensions (IsSecure() is TRUE: A and F writable at PL1), NMFI 0. In
 * User mode (not privileged) only N, Z, C, V, Q, GE and E are written.
 * Bits [23:20] are reserved and never written. */
static uint32_t cpsr_write(uint32_t cur, uint32_t val, uint32_t mask, bool eret)
{
	bool priv = (cur & PSR_M) != M_USR;
	uint32_t m = 0;

	if (mask & 8u)
		m |= PSR_NZCVQ | (eret ? 0x07000000u : 0);
	if (mask & 4u)
		m |= PSR_GE;
	if (mask & 2u)
		m |= PSR_E | (priv ? PSR_A : 0) | (eret ? 0x0000fc00u : 0);
	if (mask & 1u)
		m |= (priv ? PSR_I | PSR_F | PSR_M : 0) | (eret ? PSR_T : 0);
	return (cur & ~m) | (val & m);
}

/* SPSRWriteByInstr() (B1.3.3): byte lanes, reserved bits [23:20] kept. */
static uint32_t spsr_write(uint32_t cur, uint32_t val, uint32_t mask)
{
	uint32_t m = 0;

	if (mask & 8u)
		m |= 0xff000000u;
	if (mask & 4u)
		m |= PSR_GE;
	if (mask & 2u)
		m |= 0x0000ff00u;
	if (mask & 1u)
		m |= 0x000000ffu;
	return (cur & ~m) | (val & m);
}

/* Data accesses to the 8 words, in the endianness of CPSR.E (A3.3). */
struct memv {
	struct cpu_state *s;
	uint32_t base;
	bool be;
};

static bool mem_in(const struct memv *m, uint32_t a, uint32_t size)
{
	return a >= m->base && a - m->base <= 32u - size;
}

static uint32_t mem_byte(const struct memv *m, uint32_t a)
{
	uint32_t o = a - m->base;

	return (m->s->mem[o / 4] >> (8u * (o % 4))) & 0xffu;
}

static void mem_set_byte(struct memv *m, uint32_t a, uint32_t v)
{
	uint32_t o = a - m->base, sh = 8u * (o % 4);

	m->s->mem[o / 4] = (m->s->mem[o / 4] & ~(0xffu << sh)) | ((v & 0xffu) << sh);
}

static uint32_t mem_read(const struct memv *m, uint32_t a, uint32_t size)
{
	uint32_t v = 0, i;

	for (i = 0; i < size; i++) {
		uint32_t b = mem_byte(m, a + i);

		v |= m->be ? b << (8u * (size - 1u - i)) : b << (8u * i);
	}
	return v;
}

static void mem_write(struct memv *m, uint32_t a, uint32_t size, uint32_t v)
{
	uint32_t i;

	for (i = 0; i < size; i++)
		mem_set_byte(m, a + i,
			     m->be ? v >> (8u * (size - 1u - i)) : v >> (8u * i));
}

/* Operand 2 of an ARM data-processing instruction (A5.2, A8.4.3); false
 * for the register-shifted register form. */
static bool dp_operand2(const struct cpu_case *c, uint32_t w, uint32_t *v)
{
	uint32_t carry = (c->in.cpsr & PSR_C) ? 1u : 0u, type, amt;

	if (w & (1u << 25)) {
		*v = expand_imm(w & 0xfffu);
		return true;
	}
	if (w & 0x10u)
		return false;
	type = (w >> 5) & 3u;
	amt = (w >> 7) & 0x1fu;
	if (type == 3 && amt == 0)
		type = 4;
	else if ((type == 1 || type == 2) && amt == 0)
		amt = 32;
	*v = shift_val(in_reg(c, w & 0xfu), type, amt, carry);
	return true;
}

/*
 * An exception return to `pc` with CPSR `psr` (CPSRWriteByInstr(psr,
 * '1111', TRUE) then BranchWritePC in the new instruction set, B1.9.10 /
 * A2.3.1); the landing pad traps there.
 */
static void returned(struct cpu_state *want, uint32_t *exit_kind, uint32_t psr,
		     uint32_t pc)
{
	want->cpsr = cpsr_write(want->cpsr, psr, 0xfu, true);
	want->pc = pc & ((want->cpsr & PSR_T) ? ~1u : ~3u);
	*exit_kind = CPU_EXIT_LANDED;
}

/* Data Abort entry for an alignment fault at `far` (B1.9.7, B3.12.4):
 * ABT mode, LR = address + 8 (ARM and Thumb), A and I set; DFSR FS =
 * 0b00001, WnR; the domain field is UNKNOWN for alignment faults, so the
 * caller copies QEMU's. */
static void aligned_fault(const struct cpu_case *c, struct cpu_state *want,
			  uint32_t *exit_kind, uint32_t far, bool write)
{
	*want = c->in;
	want->spsr[CPU_BANK_ABT - 1] = c->in.cpsr;
	want->sp_lr[CPU_BANK_ABT][1] = c->in.pc + 8u;
	want->cpsr = (c->in.cpsr & ~(PSR_M | PSR_IT | PSR_J | PSR_T | PSR_E)) | M_ABT |
		     PSR_I | PSR_A | entry_te_ee(&c->in);
	want->pc = vector_at(&c->in, 0x10u);
	want->dfsr = 0x1u | (write ? 1u << 11 : 0);
	want->dfar = far;
	*exit_kind = CPU_EXIT_DABT;
}

enum expectation {
	EXP_NONE,      /* no rule for this case */
	EXP_RULE,      /* *want and the exit are what the ARM ARM says */
	EXP_RULE_DOMAIN, /* same, but DFSR[7:4] is UNKNOWN: take QEMU's */
	EXP_QEMU_DEV,  /* a known QEMU deviation (see deviations.txt) */
};

/* Block transfers: LDM/STM (user and exception return), RFE, SRS. */
static uint32_t block_start(uint32_t base, uint32_t p, uint32_t u, uint32_t n)
{
	if (u)
		return p ? base + 4u : base;
	return p ? base - 4u * n : base - 4u * n + 4u;
}

static enum expectation expect_block(const struct cpu_case *c, uint32_t cls,
				     uint32_t *exit_kind, struct cpu_state *want,
				     const struct board *b)
{
	uint32_t w = c->insn[0], mode = c->in.cpsr & PSR_M, p, u, wb, rn, list = 0, n;
	uint32_t base, a, i, tm = mode;
	bool thumb = (c->flags & CPU_CASE_THUMB) != 0;
	struct memv m = {want, mem_pa(b), (c->in.cpsr & PSR_E) != 0};
	int bank = bank_of(mode);

	if (cls == CL_RFE || cls == CL_SRS) {
		if (thumb) {
			u = (w & 0x0180u) == 0x0180u;
			p = !u;
			wb = (w >> 5) & 1u;
			rn = w & 0xfu;
		} else {
			p = (w >> 24) & 1u;
			u = (w >> 23) & 1u;
			wb = (w >> 21) & 1u;
			rn = (w >> 16) & 0xfu;
		}
		n = 2;
		if (cls == CL_SRS) {
			tm = thumb ? (w >> 16) & 0x1fu : w & 0x1fu;
			base = *reg(want, tm, 13);
		} else {
			base = in_reg(c, rn);
		}
	} else {
		p = (w >> 24) & 1u;
		u = (w >> 23) & 1u;
		wb = (w >> 21) & 1u;
		rn = (w >> 16) & 0xfu;
		list = w & 0xffffu;
		n = popcount(list);
		base = in_reg(c, rn);
	}
	a = block_start(base, p, u, n);
	if (a & 3u) {
		/* MemA[]: the first access faults (alignment, B3.12.4). */
		aligned_fault(c, want, exit_kind, a, cls == CL_SRS || cls == CL_STM_USER);
		return EXP_RULE_DOMAIN;
	}
	if (!mem_in(&m, a, 4u * n))
		return EXP_NONE;
	switch (cls) {
	case CL_RFE: {
		/* B9.3.13: PC from [a], CPSR from [a + 4]. */
		uint32_t npc = mem_read(&m, a, 4), npsr = mem_read(&m, a + 4u, 4);

		if (wb)
			*reg(want, mode, rn) = u ? base + 8u : base - 8u;
		returned(want, exit_kind, npsr, npc);
		return EXP_RULE;
	}
	case CL_SRS:
		/* B9.3.16: LR and SPSR of the current mode to SP of `tm`. */
		if (bank <= 0)
			return EXP_NONE;
		mem_write(&m, a, 4, c->in.sp_lr[bank][1]);
		mem_write(&m, a + 4u, 4, c->in.spsr[bank - 1]);
		if (wb)
			*reg(want, tm, 13) = u ? base + 8u : base - 8u;
		return EXP_RULE;
	case CL_LDM_USER:
	case CL_STM_USER:
		/* B9.3.6 / B9.3.18: the User mode registers, no writeback. */
		for (i = 0; i < 16; i++) {
			if (!(list & (1u << i)))
				continue;
			if (cls == CL_LDM_USER)
				*reg(want, M_USR, i) = mem_read(&m, a, 4);
			else
				mem_write(&m, a, 4,
					  i == 15 ? c->in.pc + 8u : *reg(want, M_USR, i));
			a += 4;
		}
		return EXP_RULE;
	case CL_ERET_LDM: {
		/* B9.3.5: the current mode's registers, then writeback,
		 * then CPSR = SPSR and PC from the highest word. */
		uint32_t npc = 0;

		if (bank <= 0)
			return EXP_NONE;
		for (i = 0; i < 16; i++) {
			if (!(list & (1u << i)))
				continue;
			if (i == 15)
				npc = mem_read(&m, a, 4);
			else
				*reg(want, mode, i) = mem_read(&m, a, 4);
			a += 4;
		}
		if (wb)
			*reg(want, mode, rn) = u ? base + 4u * n : base - 4u * n;
		returned(want, exit_kind, c->in.spsr[bank - 1], npc);
		return EXP_RULE;
	}
	default:
		return EXP_NONE;
	}
}

/* LDRT, STRT, LDRBT, STRBT (A8.8.92, A8.8.216, A8.8.79, A8.8.210). */
static enum expectation expect_ldrt(const struct cpu_case *c, uint32_t *exit_kind,
				    struct cpu_state *want, const struct board *b)
{
	uint32_t w = c->insn[0], mode = c->in.cpsr & PSR_M, l, byte, rn, rt, a, size;
	bool thumb = (c->flags & CPU_CASE_THUMB) != 0;
	struct memv m = {want, mem_pa(b), (c->in.cpsr & PSR_E) != 0};

	if (thumb) {
		l = (w >> 4) & 1u;
		byte = !(w & 0x40u);
		rn = w & 0xfu;
		rt = (w >> 28) & 0xfu;
		a = in_reg(c, rn) + ((w >> 16) & 0xffu);
	} else {
		uint32_t off;

		l = (w >> 20) & 1u;
		byte = (w >> 22) & 1u;
		rn = (w >> 16) & 0xfu;
		rt = (w >> 12) & 0xfu;
		a = in_reg(c, rn);
		if (w & (1u << 25)) {
			uint32_t type = (w >> 5) & 3u, amt = (w >> 7) & 0x1fu;

			if (type == 3 && amt == 0)
				type = 4;
			else if ((type == 1 || type == 2) && amt == 0)
				amt = 32;
			off = shift_val(in_reg(c, w & 0xfu), type, amt,
					(c->in.cpsr & PSR_C) ? 1u : 0u);
		} else {
			off = w & 0xfffu;
		}
		/* Post-indexed: the access uses Rn, then Rn is updated. */
		*reg(want, mode, rn) = (w & (1u << 23)) ? a + off : a - off;
	}
	size = byte ? 1u : 4u;
	if (!byte && (a & 3u) && (c->in.sctlr & (1u << 1))) {
		aligned_fault(c, want, exit_kind, a, !l);
		return EXP_RULE_DOMAIN;
	}
	if (!mem_in(&m, a, size))
		return EXP_NONE;
	if (l)
		*reg(want, mode, rt) = mem_read(&m, a, size);
	else
		mem_write(&m, a, size, in_reg(c, rt));
	return EXP_RULE;
}

/* The CP15 table entry an MCR/MRC case accesses (any kind), or NULL. */
static const struct cp15reg *cp15_of(const struct cpu_case *c, bool read,
				     uint32_t *rt)
{
	uint32_t w = c->insn[0], i;

	if (c->flags & CPU_CASE_THUMB)
		w = (w >> 16) | (w << 16);
	*rt = (w >> 12) & 0xfu;
	for (i = 0; i < N_CP15; i++)
		if (cp15_word(&cp15[i], read, *rt) == (w & 0x0fffffffu))
			return &cp15[i];
	return NULL;
}

/* Undefined Instruction entry for the case's instruction (B1.8.3, B1.9,
 * TakeUndefInstrException(): LR = address + 4 in ARM, + 2 in Thumb, even
 * for a 32-bit encoding). */
static enum expectation undefined(const struct cpu_case *c, uint32_t *exit_kind,
				  struct cpu_state *want)
{
	*exit_kind = CPU_EXIT_UNDEF;
	*want = entered(c, M_UND, 0x04,
			c->in.pc + ((c->flags & CPU_CASE_THUMB) ? 2u : 4u));
	return EXP_RULE;
}

/* MCR/MRC to the registers the state holds (B4.1): the written value
 * reads back as written (the generator writes only bits QEMU keeps, and a
 * VBAR it has tables at); MRC to PC sets N, Z, C, V. In User mode only
 * TPIDRURW and reading TPIDRURO are allowed (B4.1.150-151), everything
 * else is UNDEFINED (cp15_pl0()). */
static enum expectation expect_cp15(const struct cpu_case *c, bool read,
				    uint32_t *exit_kind, struct cpu_state *want)
{
	uint32_t mode = c->in.cpsr & PSR_M, rt, words[N_WORDS];
	const struct cp15reg *r = cp15_of(c, read, &rt);

	if (r == NULL || r->kind != CP_RW)
		return EXP_NONE;
	if (mode == M_USR && !cp15_pl0(r, read))
		return undefined(c, exit_kind, want);
	state_words(want, words);
	if (read) {
		uint32_t v = words[r->field];

		if (rt == 15)
			want->cpsr = (want->cpsr & 0x0fffffffu) | (v & 0xf0000000u);
		else
			*reg(want, mode, rt) = v;
		return EXP_RULE;
	}
	words[r->field] = in_reg(c, rt);
	memcpy(want, words, sizeof(*want));
	return EXP_RULE;
}

/*
 * MRS of the CPSR in User mode: "returns an UNKNOWN value for the
 * CPSR.{E, A, I, F, M} fields" (B9.3.9). The register written, or -1 when
 * the case is not one.
 */
#define MRS_USER_UNKNOWN (PSR_E | PSR_A | PSR_I | PSR_F | PSR_M)
static int mrs_user_rd(const struct cpu_case *c)
{
	uint32_t w = c->insn[0];

	if (eff_class(c) != CL_MRS || (c->in.cpsr & PSR_M) != M_USR)
		return -1;
	if (c->flags & CPU_CASE_THUMB)
		return (w >> 4) & 1u ? -1 : (int)((w >> 24) & 0xfu);
	if (!cond_holds(w >> 28, c->in.cpsr) || ((w >> 22) & 1u))
		return -1;
	return (int)((w >> 12) & 0xfu);
}

/* Fields the architecture leaves UNKNOWN in the case's outcome, copied
 * from QEMU's result `q` into `a` (a result or an expected state):
 * DFSR.Domain of an alignment fault (B4.1.52), IFAR after a BKPT debug
 * exception (C4.1 "Effects of debug exceptions on CP15 registers and the
 * DBGWFAR"), the CPSR fields an MRS reads in User mode (B9.3.9). */
static void take_unknown(const struct cpu_case *c, struct cpu_state *a,
			 const struct cpu_result *q)
{
	int rd = mrs_user_rd(c);

	if (q->exit == CPU_EXIT_DABT && (q->out.dfsr & 0x40fu) == 0x001u)
		a->dfsr = (a->dfsr & ~0xf0u) | (q->out.dfsr & 0xf0u);
	if (q->exit == CPU_EXIT_PABT && (q->out.ifsr & 0x40fu) == 0x002u)
		a->ifar = q->out.ifar;
	if (rd >= 0 && rd < 15 && q->exit == CPU_EXIT_NEXT) {
		struct cpu_state qs = q->out;
		uint32_t *x = reg(a, M_USR, (unsigned int)rd);

		*x = (*x & ~MRS_USER_UNKNOWN) |
		     (*reg(&qs, M_USR, (unsigned int)rd) & MRS_USER_UNKNOWN);
	}
}

/* IRQ entry (B1.8.1, B1.8.3, TakePhysicalIRQException() in B1.9) from
 * state s, whose PC is the preferred return address (the next instruction
 * to execute): LR_irq = PC + 4 in both instruction sets, SPSR_irq = CPSR,
 * IRQ mode, I and A set, F unchanged, IT and J cleared, T = SCTLR.TE and
 * E = SCTLR.EE, PC = the vector at 0x18 (vector_at()). */
static void irq_entry(struct cpu_state *s)
{
	s->spsr[CPU_BANK_IRQ - 1] = s->cpsr;
	s->sp_lr[CPU_BANK_IRQ][1] = s->pc + 4u;
	s->cpsr = (s->cpsr & ~(PSR_M | PSR_IT | PSR_J | PSR_T | PSR_E)) | M_IRQ |
		  PSR_I | PSR_A | entry_te_ee(s);
	s->pc = vector_at(s, 0x18u);
}

static enum expectation expect(const struct cpu_case *c, const struct board *b,
			       const struct cpu_result *q, uint32_t *exit_kind,
			       struct cpu_state *want);

/* The irq class: an IRQ the start CPSR unmasks is taken before the
 * instruction; else the wrapped class's outcome, then the IRQ if that
 * outcome is a CPSR with I = 0 and no exception of its own. B1.8.1 only
 * says a pending IRQ that CPSR.I does not mask is taken at an instruction
 * boundary; these rules take it at the first one, as QEMU does (it checks
 * for interrupts after every CPSR write and exception return) and as
 * amv_vcpu_pending()'s contract assumes. */
static enum expectation expect_irq(const struct cpu_case *c, const struct board *b,
				   const struct cpu_result *q, uint32_t *exit_kind,
				   struct cpu_state *want)
{
	struct cpu_case sub = *c;
	uint32_t scls = CPU_CASE_SUBCLASS(c->flags);
	enum expectation x;

	if (!(c->flags & CPU_CASE_IRQ_PENDING))
		return EXP_NONE;
	if (!(c->in.cpsr & PSR_I)) {
		*want = c->in;
		irq_entry(want);
		*exit_kind = CPU_EXIT_IRQ;
		return EXP_RULE;
	}
	if (scls >= CL_N || scls == CL_IRQ)
		return EXP_NONE;
	sub.flags = (c->flags & ~(CPU_CASE_CLASS_MASK << CPU_CASE_CLASS_SHIFT)) |
		    (scls << CPU_CASE_CLASS_SHIFT);
	x = expect(&sub, b, q, exit_kind, want);
	if ((x == EXP_RULE || x == EXP_RULE_DOMAIN) &&
	    (*exit_kind == CPU_EXIT_NEXT || *exit_kind == CPU_EXIT_LANDED) &&
	    !(want->cpsr & PSR_I)) {
		irq_entry(want);
		*exit_kind = CPU_EXIT_IRQ;
	}
	return x;
}

/*
 * The expected result for cases whose outcome these hand-written ARMv7 ARM
 * rules know (DDI 0406C sections cited), or why not. `q` (QEMU's result,
 * or NULL) supplies the fields the architecture leaves UNKNOWN.
 */
static enum expectation expect(const struct cpu_case *c, const struct board *b,
			       const struct cpu_result *q, uint32_t *exit_kind,
			       struct cpu_state *want)
{
	uint32_t cls = CPU_CASE_CLASS(c->flags), w = c->insn[0], mode = c->in.cpsr & PSR_M;
	bool thumb = (c->flags & CPU_CASE_THUMB) != 0;
	int bank = bank_of(mode);

	*exit_kind = CPU_EXIT_NEXT;
	*want = advanced(c);
	if (cls == CL_EXC_SCTLR) {
		/* The wrapped class's rules; entered(), aligned_fault() and
		 * irq_entry() follow SCTLR.TE, EE and V. */
		struct cpu_case sub = *c;
		uint32_t scls = CPU_CASE_SUBCLASS(c->flags);

		if (scls >= CL_N || scls == CL_EXC_SCTLR)
			return EXP_NONE;
		sub.flags = (c->flags & ~((CPU_CASE_CLASS_MASK << CPU_CASE_CLASS_SHIFT) |
					  (CPU_CASE_CLASS_MASK << CPU_CASE_SUBCLASS_SHIFT))) |
			    (scls << CPU_CASE_CLASS_SHIFT);
		return expect(&sub, b, q, exit_kind, want);
	}
	if (cls == CL_IRQ)
		return expect_irq(c, b, q, exit_kind, want);
	if (cls == CL_NOP || cls == CL_COND_FAIL)
		/* A NOP / a condition-failed instruction (A8.3.1) changes PC only. */
		return EXP_RULE;
	/* Every ARM encoding generated is conditional except CPS, RFE, SRS
	 * and UDF (cond 1110 or 1111). */
	if (!thumb && (w >> 28) != 15u && !cond_holds(w >> 28, c->in.cpsr))
		return EXP_RULE;
	switch (cls) {
	case CL_CPS: {
		/* B9.3.2: imod 10 clears, 11 sets the selected A/I/F; M sets
		 * the mode; then CPSRWriteByInstr(value, '1111', FALSE). A NOP
		 * in User mode. */
		uint32_t imod, m, aif, nm, v = c->in.cpsr;

		if (mode == M_USR)
			return EXP_RULE;
		if (thumb && (w & 0xffffu) != 0xf3afu) {
			imod = 2u | ((w >> 4) & 1u);
			m = 0;
			aif = w & 7u;
			nm = 0;
		} else if (thumb) {
			imod = (w >> 25) & 3u;
			m = (w >> 24) & 1u;
			aif = (w >> 21) & 7u;
			nm = (w >> 16) & 0x1fu;
		} else {
			imod = (w >> 18) & 3u;
			m = (w >> 17) & 1u;
			aif = (w >> 6) & 7u;
			nm = w & 0x1fu;
		}
		aif = ((aif & 4u) ? PSR_A : 0) | ((aif & 2u) ? PSR_I : 0) |
		      ((aif & 1u) ? PSR_F : 0);
		if (imod == 2)
			v &= ~aif;
		if (imod == 3)
			v |= aif;
		if (m)
			v = (v & ~PSR_M) | nm;
		want->cpsr = cpsr_write(c->in.cpsr, v, 0xfu, false);
		return EXP_RULE;
	}
	case CL_MRS: {
		uint32_t d, r, v;

		if (thumb) {
			r = (w >> 4) & 1u;
			d = (w >> 24) & 0xfu;
		} else {
			r = (w >> 22) & 1u;
			d = (w >> 12) & 0xfu;
		}
		if (r && bank <= 0)
			return EXP_NONE;
		/* B9.3.9: CPSR read with the execution state bits other than E
		 * masked out (AND 0xf8ff03df); SPSR read whole. In User mode
		 * E, A, I, F and M read UNKNOWN (take_unknown()). */
		v = r ? c->in.spsr[bank - 1] : c->in.cpsr & 0xf8ff03dfu;
		*reg(want, mode, d) = v;
		if (q != NULL)
			take_unknown(c, want, q);
		return EXP_RULE;
	}
	case CL_MSR_REG:
	case CL_MSR_IMM: {
		uint32_t r, mask, v;

		if (thumb) {
			r = (w >> 4) & 1u;
			mask = (w >> 24) & 0xfu;
			v = in_reg(c, w & 0xfu);
		} else {
			r = (w >> 22) & 1u;
			mask = (w >> 16) & 0xfu;
			v = cls == CL_MSR_IMM ? expand_imm(w & 0xfffu) : in_reg(c, w & 0xfu);
		}
		/* B9.3.11/12: CPSRWriteByInstr (User mode: flags, GE and E
		 * only) / SPSRWriteByInstr. */
		if (!r)
			want->cpsr = cpsr_write(c->in.cpsr, v, mask, false);
		else if (bank > 0)
			want->spsr[bank - 1] = spsr_write(c->in.spsr[bank - 1], v, mask);
		else
			return EXP_NONE;
		return EXP_RULE;
	}
	case CL_ERET_DP: {
		/* B9.3.20 SUBS PC, LR and related instructions. */
		uint32_t op, v, rn, res;

		if (bank <= 0)
			return EXP_NONE;
		if (thumb) {
			res = c->in.sp_lr[bank][1] - ((w >> 16) & 0xffu);
		} else {
			op = (w >> 21) & 0xfu;
			if (dev_alu_eret(c))
				return EXP_QEMU_DEV;
			if (!dp_operand2(c, w, &v))
				return EXP_NONE;
			rn = (w >> 16) & 0xfu;
			res = op == 13 ? v : in_reg(c, rn) - v;
		}
		returned(want, exit_kind, c->in.spsr[bank - 1], res);
		return EXP_RULE;
	}
	case CL_ERET_LDM:
	case CL_RFE:
	case CL_SRS:
	case CL_LDM_USER:
	case CL_STM_USER:
		if (mode == M_USR)
			return EXP_NONE; /* UNPREDICTABLE */
		return expect_block(c, cls, exit_kind, want, b);
	case CL_LDRT:
		return expect_ldrt(c, exit_kind, want, b);
	case CL_MCR:
		return expect_cp15(c, false, exit_kind, want);
	case CL_MRC:
		return expect_cp15(c, true, exit_kind, want);
	case CL_WFI:
		/* WFI wakes up on the pending IRQ; the hints do nothing. */
		return EXP_RULE;
	case CL_MCR_OPS:
	case CL_MRC_ID: {
		uint32_t rt;
		const struct cp15reg *r = cp15_of(c, cls == CL_MRC_ID, &rt);

		if (mode == M_USR)
			return r != NULL && cp15_pl0(r, cls == CL_MRC_ID)
				       ? EXP_RULE
				       : undefined(c, exit_kind, want);
		if (cls == CL_MRC_ID)
			return EXP_NONE; /* the values are the model's */
		/* Cache/TLB/barrier operations change no state here; ATS
		 * writes PAR (not modelled here). */
		if (r == NULL || (r->crn == 7 && r->crm == 8))
			return EXP_NONE;
		return EXP_RULE;
	}
	case CL_SVC:
		/* B1.9.4, TakeSVCException(): LR = next instruction. */
		*exit_kind = CPU_EXIT_SVC;
		*want = entered(c, M_SVC, 0x08, c->in.pc + (thumb ? 2u : 4u));
		return EXP_RULE;
	case CL_UDF:
		/* B1.9.6, TakeUndefInstrException(): LR = address + 4 (ARM)
		 * or + 2 (Thumb, even for a 32-bit encoding, B1.8.3). */
		return undefined(c, exit_kind, want);
	case CL_BKPT:
		/* With no debug mode selected a BKPT instruction debug event
		 * is a debug exception (C4.1 "About debug exceptions"), i.e. a
		 * Prefetch Abort (B1.9, TakePrefetchAbortException(): Abort
		 * mode, LR = address + 4 in both instruction sets, A and I
		 * set); IFSR = debug event, FS 0b00010, IFAR UNKNOWN, DFSR and
		 * DFAR unchanged (C4.1 "Effects of debug exceptions on CP15
		 * registers and the DBGWFAR"). */
		*exit_kind = CPU_EXIT_PABT;
		*want = entered(c, M_ABT, 0x0c, c->in.pc + 4u);
		want->cpsr |= PSR_A;
		want->ifsr = 0x002u;
		if (q != NULL)
			take_unknown(c, want, q);
		return EXP_RULE;
	default:
		return EXP_NONE;
	}
}

static int cmd_selftest(const char *blob, const char *res)
{
	struct run r;
	struct tally t[CL_N];
	uint32_t i, p, n, cls;
	unsigned long bad = 0, shown = 0, rejected = 0, weird = 0, nondet_unpred = 0;
	int rc = load_run(&r, blob, res);

	if (rc)
		return rc;
	n = r.h->n_cases;
	memset(t, 0, sizeof(t));
	if (r.rh->sctlr_reset != r.b->sctlr_base) {
		printf("cpu_oracle: %s reset SCTLR is %08x, the generator assumes "
		       "%08x\n",
		       r.b->name, r.rh->sctlr_reset, r.b->sctlr_base);
		bad++;
	}
	for (i = 0; i < n; i++) {
		const struct cpu_case *c = &r.cases[i];
		const struct cpu_result *q = &r.results[i];
		struct cpu_state want;
		uint32_t ek;
		const char *why = NULL;

		cls = CPU_CASE_CLASS(c->flags) % CL_N;
		t[cls].cases++;
		if ((c->in.cpsr & PSR_M) == M_USR)
			t[cls].user++;
		for (p = 1; p < r.h->passes; p++) {
			if (memcmp(q, &r.results[p * n + i], sizeof(*q)) == 0)
				continue;
			/* An UNPREDICTABLE case may see state QEMU keeps from
			 * earlier cases (e.g. its SPSR in System mode). */
			if (c->flags & CPU_CASE_UNPRED) {
				t[cls].nondet_unpred++;
			} else {
				t[cls].nondet++;
				why = "differs between passes";
			}
			break;
		}
		if (q->exit == CO_EXIT_REJECTED) {
			rejected++;
			why = "rejected by the guest";
		}
		if (q->exit <= CPU_EXIT_FIQ)
			t[cls].exits[q->exit]++;
		if (c->flags & CPU_CASE_UNPRED) {
			t[cls].unpred++;
		} else if (why == NULL) {
			if (q->exit > CPU_EXIT_FIQ ||
			    !(allowed_exits[cls] & (1u << q->exit))) {
				weird++;
				why = "unexpected exit for the class";
			} else {
				enum expectation x = expect(c, r.b, q, &ek, &want);

				if (x == EXP_RULE_DOMAIN)
					want.dfsr = (want.dfsr & ~0xf0u) | (q->out.dfsr & 0xf0u);
				if (x == EXP_QEMU_DEV)
					t[cls].qemu_dev++;
				if (x == EXP_RULE || x == EXP_RULE_DOMAIN) {
					t[cls].checked++;
					if (q->exit != ek || !same(&want, &q->out)) {
						t[cls].failed++;
						why = "differs from the ARM ARM rule";
					}
				}
			}
		}
		if (why == NULL)
			continue;
		bad++;
		if (shown++ < 20) {
			printf("SELFTEST FAIL: case %u: %s\n", i, why);
			print_case(&r, i);
			printf("  qemu: exit %s pc %08x\n", exit_name(q->exit), q->out.pc);
			if (expect(c, r.b, q, &ek, &want) != EXP_NONE) {
				printf("  expected exit %s\n", exit_name(ek));
				print_diff("expected vs qemu", &want, &q->out, "want", "qemu");
			} else {
				print_diff("changed", &c->in, &q->out, "in", "out");
			}
		}
	}

	printf("cpu oracle selftest: %s, seed %u, %u cases x %u passes\n", r.b->name,
	       r.h->seed, n, r.h->passes);
	printf("  %-10s %6s %5s %6s %6s %7s %6s %6s | exits: %5s %6s %5s %5s %5s %5s "
	       "%5s\n",
	       "class", "cases", "user", "unpred", "nondet", "checked", "failed", "qemu-d",
	       "next", "landed", "undef", "svc", "pabt", "dabt", "irq");
	for (cls = 0; cls < CL_N; cls++) {
		const struct tally *x = &t[cls];

		printf("  %-10s %6lu %5lu %6lu %6lu %7lu %6lu %6lu | %12lu %6lu %5lu %5lu "
		       "%5lu %5lu %5lu\n",
		       classes[cls].name, x->cases, x->user, x->unpred, x->nondet,
		       x->checked, x->failed, x->qemu_dev, x->exits[0], x->exits[1],
		       x->exits[2], x->exits[3], x->exits[4], x->exits[5], x->exits[6]);
		nondet_unpred += x->nondet_unpred;
	}
	printf("  (user: starts in User mode; unpred: UNPREDICTABLE, not checked; "
	       "nondet: results differ\n   between passes; qemu-d: known QEMU "
	       "deviation, not checked)\n");
	if (nondet_unpred)
		printf("  %lu UNPREDICTABLE case(s) differ between passes (allowed)\n",
		       nondet_unpred);
	if (rejected || weird)
		printf("  rejected %lu, unexpected exits %lu\n", rejected, weird);
	printf("cpu oracle selftest: %s (replay: AMV_SEED=%u)\n", bad ? "FAIL" : "PASS",
	       r.h->seed);
	free(r.blob);
	free(r.res);
	return bad ? 1 : 0;
}

/* ------------------------------------------------------------ check */

/* The default: no emulator linked in (cpu_emulate.h). */
__attribute__((weak)) int cpu_oracle_emulate(const struct cpu_emu_env *env,
					     const struct cpu_case *c,
					     struct cpu_result *r)
{
	(void)env;
	(void)c;
	(void)r;
	return CPU_EMU_NOTIMPL;
}

/*
 * The emulator's result against QEMU's, except for what the architecture
 * leaves UNKNOWN (take_unknown(): DFSR.Domain of an alignment fault, IFAR
 * after a BKPT, the CPSR fields MRS reads in User mode).
 */
static bool results_agree(const struct cpu_case *c, const struct cpu_result *mine,
			  const struct cpu_result *q)
{
	struct cpu_state a = mine->out;

	if (mine->exit != q->exit)
		return false;
	take_unknown(c, &a, q);
	return same(&a, &q->out);
}

static int cmd_check(const char *blob, const char *res, const char *dev)
{
	struct run r;
	struct cpu_emu_env env;
	unsigned long cases[CL_N] = {0}, unp[CL_N] = {0}, notimpl[CL_N] = {0};
	unsigned long ok[CL_N] = {0}, bad[CL_N] = {0}, excused[CL_N] = {0};
	unsigned long user_ok[CL_N] = {0};
	unsigned long total_bad = 0, compared = 0;
	uint32_t i, n, cls, d;
	int rc = load_run(&r, blob, res);

	if (rc == 0)
		rc = load_deviations(dev);
	if (rc)
		return rc;
	n = r.h->n_cases;
	env.board = r.b->name;
	env.ram_base = r.b->ram_base;
	env.mem_pa = mem_pa(r.b);
	env.n_vbar = r.b->n_vbar;
	env.vbar = r.b->vbar;
	for (i = 0; i < n; i++) {
		const struct cpu_case *c = &r.cases[i];
		const struct cpu_result *q = &r.results[i];
		struct cpu_result mine;

		cls = CPU_CASE_CLASS(c->flags) % CL_N;
		cases[cls]++;
		if (c->flags & CPU_CASE_UNPRED) {
			unp[cls]++;
			continue;
		}
		memset(&mine, 0, sizeof(mine));
		rc = cpu_oracle_emulate(&env, c, &mine);
		if (rc == CPU_EMU_NOTIMPL) {
			notimpl[cls]++;
			continue;
		}
		compared++;
		if (rc == 0 && results_agree(c, &mine, q)) {
			ok[cls]++;
			if ((c->in.cpsr & PSR_M) == M_USR)
				user_ok[cls]++;
			continue;
		}
		for (d = 0; d < N_DEVIATIONS; d++) {
			if (rc == 0 && deviations[d].listed && deviations[d].match(c) &&
			    (deviations[d].confined == NULL ||
			     deviations[d].confined(c, &mine, q))) {
				deviations[d].count++;
				break;
			}
		}
		if (d < N_DEVIATIONS) {
			excused[cls]++;
			continue;
		}
		bad[cls]++;
		if (bad[cls] <= 3) {
			printf("MISMATCH case %u (class %s)%s\n", i, classes[cls].name,
			       rc ? ": emulator error" : "");
			print_case(&r, i);
			printf("  exit: amv %s, qemu %s\n", exit_name(mine.exit),
			       exit_name(q->exit));
			/* Without the fields the architecture leaves UNKNOWN. */
			take_unknown(c, &mine.out, q);
			print_diff("amv vs qemu", &mine.out, &q->out, "amv", "qemu");
			print_diff("qemu changed", &c->in, &q->out, "in", "qemu");
		}
	}
	printf("cpu oracle check: %s, seed %u, %u cases\n", r.b->name, r.h->seed, n);
	printf("  %-10s %7s %7s %7s %7s %6s %7s %8s\n", "class", "cases", "unpred",
	       "notimpl", "match", "(user)", "excused", "MISMATCH");
	for (cls = 0; cls < CL_N; cls++) {
		printf("  %-10s %7lu %7lu %7lu %7lu %6lu %7lu %8lu\n", classes[cls].name,
		       cases[cls], unp[cls], notimpl[cls], ok[cls], user_ok[cls],
		       excused[cls], bad[cls]);
		total_bad += bad[cls];
	}
	for (d = 0; d < N_DEVIATIONS; d++)
		if (deviations[d].count)
			printf("  known QEMU deviation %-28s %7lu\n", deviations[d].id,
			       deviations[d].count);
	printf("cpu oracle check: %s (replay: AMV_SEED=%u; cpu_oracle dump BLOB "
	       "RESULTS <case>)\n",
	       total_bad ? "FAIL" : compared ? "PASS" : "SKIP (no emulator)", r.h->seed);
	free(r.blob);
	free(r.res);
	if (total_bad)
		return 1;
	return compared ? 0 : 77;
}

/* ------------------------------------------------------------ main */

static int usage(void)
{
	fprintf(stderr,
		"usage: cpu_oracle gen BOARD SEED N BLOB [PASSES [CLASSES]]\n"
		"       cpu_oracle selftest BLOB RESULTS\n"
		"       cpu_oracle check BLOB RESULTS [DEVIATIONS]\n"
		"       cpu_oracle dump BLOB [RESULTS|- [INDEX...]]\n"
		"       cpu_oracle classes\n");
	return 2;
}

int main(int argc, char **argv)
{
	unsigned int b;
	int i;

	if (argc < 2)
		return usage();
	if (strcmp(argv[1], "gen") == 0 && argc >= 6 && argc <= 8) {
		for (b = 0; b < N_BOARDS; b++)
			if (strcmp(argv[2], boards[b].name) == 0)
				return cmd_gen(b, num(argv[3]), num(argv[4]), argv[5],
					       argc > 6 ? num(argv[6]) : 2u,
					       argc > 7 ? argv[7] : NULL);
		fprintf(stderr, "cpu_oracle: unknown board %s\n", argv[2]);
		return 2;
	}
	if (strcmp(argv[1], "selftest") == 0 && argc == 4)
		return cmd_selftest(argv[2], argv[3]);
	if (strcmp(argv[1], "check") == 0 && (argc == 4 || argc == 5))
		return cmd_check(argv[2], argv[3], argc == 5 ? argv[4] : NULL);
	if (strcmp(argv[1], "dump") == 0 && argc >= 3)
		return cmd_dump(argv[2],
				argc > 3 && strcmp(argv[3], "-") != 0 ? argv[3] : NULL,
				argv + 4,
				argc > 4 ? argc - 4 : 0);
	if (strcmp(argv[1], "classes") == 0 && argc == 2) {
		for (i = 0; i < CL_N; i++)
			printf("%s\n", classes[i].name);
		return 0;
	}
	return usage();
}
