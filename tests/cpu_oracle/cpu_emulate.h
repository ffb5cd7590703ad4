/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The hook `cpu_oracle check` calls to get the emulator's answer for a
 * case. cpu_oracle.c carries a weak default that returns CPU_EMU_NOTIMPL;
 * a strong definition (e.g. tests/cpu_oracle/emulate_glue.c around
 * amv_emulate(), added to the cpu_oracle executable's sources, not to a
 * static library, so that it overrides the weak one) plugs the library in.
 */
#ifndef AMV_TEST_CPU_EMULATE_H
#define AMV_TEST_CPU_EMULATE_H

#include <stdint.h>

#include "cpu_state.h"

/* Returned by the hook for a case it does not handle: counted, not failed. */
#define CPU_EMU_NOTIMPL (-1000)

/* What the hook needs to know about the board the case was generated for. */
struct cpu_emu_env {
	const char *board;   /* "realview-pb-a8" or "vexpress-a9" */
	uint32_t ram_base;   /* RAM base the guest runs at */
	uint32_t mem_pa;     /* address of cpu_state::mem[0] (8 words); every
				load/store a case makes falls inside them,
				except cases whose expected outcome is an
				alignment fault */
	uint32_t n_vbar;     /* addresses vector tables exist at; a case's */
	const uint32_t *vbar; /* VBAR (start or MCR-written) is one of them */
};

/*
 * Execute case c's instruction (c->insn, Thumb if c->flags has
 * CPU_CASE_THUMB) at c->in.pc from state c->in and fill *r the way the
 * guest reports QEMU's result:
 *  - r->exit = CPU_EXIT_NEXT when execution continues at the next
 *    instruction (condition failed, or no control flow change), with
 *    r->out.pc = that address;
 *  - CPU_EXIT_LANDED when the instruction branches (exception return,
 *    RFE, LDM ^ with PC), r->out.pc = the target address as the CPU
 *    forms it (r->out.cpsr the restored CPSR);
 *  - CPU_EXIT_UNDEF / _SVC / _PABT / _DABT when the instruction itself
 *    takes that exception: r->out is the state right after exception entry
 *    (mode, LR, SPSR, CPSR masks, DFSR/DFAR or IFSR/IFAR for aborts) and
 *    r->out.pc the vector address (VBAR + offset, or 0xffff0000 + offset
 *    when SCTLR.V is 1: class exc-sctlr, whose cases also set SCTLR.TE,
 *    EE and M);
 *  - CPU_EXIT_IRQ when c->flags has CPU_CASE_IRQ_PENDING (an IRQ is
 *    pending from before the instruction) and the CPSR unmasks it: before
 *    the instruction if the start CPSR.I is 0, else right after an
 *    instruction that clears I (r->out as right after IRQ entry).
 *  r->out.mem[] holds the 8 words at env->mem_pa afterwards.
 * Return 0, CPU_EMU_NOTIMPL to skip the case, or another negative value
 * for an emulator error (reported as a mismatch).
 */
int cpu_oracle_emulate(const struct cpu_emu_env *env, const struct cpu_case *c,
		       struct cpu_result *r);

#endif /* AMV_TEST_CPU_EMULATE_H */
