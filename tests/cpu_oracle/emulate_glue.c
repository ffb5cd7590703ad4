/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The library side of the CPU oracle: run a case through amv_decode() and
 * amv_emulate() on a struct amv_vcpu built from the case's start state, with
 * guest memory = the case's 8 words at env->mem_pa (MMU off: the cases run
 * with a flat mapping), and report the result the way the QEMU guest does
 * (cpu_emulate.h).
 *
 * What a port does around amv_emulate() is modelled too:
 *  - CPU_CASE_IRQ_PENDING asserts the vCPU's IRQ line; amv_vcpu_pending()
 *    runs before the instruction (a port calls it before resuming the
 *    guest: an IRQ the start CPSR unmasks is taken there) and after it
 *    (amv_emulate() already delivers after its own CPSR writes);
 *  - BKPT (ARM, and Thumb 16-bit, which needs no T32 decoder) aborts on the
 *    host with a debug event, and amv_route() hands the guest the Prefetch
 *    Abort: amv_inject(AMV_EXC_PABT) with a debug-event fault at the BKPT's
 *    address;
 *  - Thumb SVC (16-bit) and UDF (16- and 32-bit), recognised by their
 *    fixed bits: a port enters the guest's exception with amv_inject(),
 *    return address the instruction + 2 (B1.8.3; amv_route() itself
 *    answers -AMV_ENOTSUP for Thumb until there is a T32 decoder), so the
 *    exception entry from Thumb state is compared as well;
 *  - SCTLR.M, V, EE, TE come from the case as they are: the instructions
 *    of M = 1 cases (class exc-sctlr) make no memory access, and
 *    amv_inject() reads only TE, EE, V and VBAR;
 *  - MOV Rn, Rn (the nop class) runs natively: PC + 4.
 */
#include <string.h>

#include <amv/amv.h>

#include "cpu_emulate.h"

struct glue_mem {
	uint32_t base;
	uint32_t *words;
};

static int glue_read(void *ctx, uint64_t pa, uint32_t *val)
{
	struct glue_mem *m = ctx;

	if (pa < m->base || pa >= m->base + 32u)
		return -AMV_EFAULT;
	*val = m->words[(pa - m->base) / 4];
	return 0;
}

static int glue_write(void *ctx, uint64_t pa, uint32_t val)
{
	struct glue_mem *m = ctx;

	if (pa < m->base || pa >= m->base + 32u)
		return -AMV_EFAULT;
	m->words[(pa - m->base) / 4] = val;
	return 0;
}

static const struct amv_port_ops glue_ops = {.read_phys32 = glue_read,
					     .write_phys32 = glue_write};

/* What the port configures: the identification registers QEMU 7.2 reports
 * for each board's core (read from QEMU by the oracle), and its features. */
static void board_config(const char *board, struct amv_vcpu *v)
{
	struct amv_cp15 *c = &v->cp15;
	bool a9 = strcmp(board, "vexpress-a9") == 0;

	c->midr = a9 ? 0x410fc090u : 0x410fc080u;
	c->ctr = a9 ? 0x80038003u : 0x82048004u;
	c->mpidr = a9 ? 0x80000000u : 0u;
	c->id_pfr[0] = 0x1031u;
	c->id_pfr[1] = 1u;
	c->id_dfr0 = a9 ? 0u : 0x400u;
	c->id_mmfr[0] = a9 ? 0x00100103u : 0x31100003u;
	c->id_mmfr[1] = 0x20000000u;
	c->id_mmfr[2] = a9 ? 0x01230000u : 0x01202000u;
	c->id_mmfr[3] = a9 ? 0x2111u : 0x11u;
	c->id_isar[0] = 0x00101111u;
	c->id_isar[1] = a9 ? 0x13112111u : 0x12112111u;
	c->id_isar[2] = a9 ? 0x21232041u : 0x21232031u;
	c->id_isar[3] = 0x11112131u;
	c->id_isar[4] = 0x00111142u;
	c->ccsidr = a9 ? 0xe00fe019u : 0xe007e01au;
	c->clidr = a9 ? 0x09000003u : 0x0a000003u;
	c->actlr = a9 ? 0u : 2u;
	c->cpacr = 0x00f00000u; /* the harness enables VFP */
	v->features = AMV_VCPU_VBAR | AMV_VCPU_VFP | (a9 ? 0u : AMV_VCPU_C15_RAZWI);
	/* No Security Extensions in either model (vexpress-a9 runs with
	 * secure=off): every output address is Non-secure. */
	v->regime_flags = AMV_REGIME_NONSECURE | AMV_REGIME_NO_SECEXT;
}

static void to_vcpu(const struct cpu_state *s, struct amv_vcpu *v)
{
	memcpy(v->r, s->r, sizeof(v->r));
	memcpy(v->r8_fiq, s->r8_fiq, sizeof(v->r8_fiq));
	for (unsigned int b = 0; b < CPU_BANK_COUNT; b++) {
		v->sp_lr[b][0] = s->sp_lr[b][0];
		v->sp_lr[b][1] = s->sp_lr[b][1];
	}
	memcpy(v->spsr, s->spsr, sizeof(v->spsr));
	v->cpsr = s->cpsr;
	v->pc = s->pc;
	v->cp15.sctlr = s->sctlr;
	v->cp15.dacr = s->dacr;
	v->cp15.ttbr0 = s->ttbr0;
	v->cp15.ttbr1 = s->ttbr1;
	v->cp15.ttbcr = s->ttbcr;
	v->cp15.contextidr = s->contextidr;
	v->cp15.vbar = s->vbar;
	v->cp15.tpidrurw = s->tpidrurw;
	v->cp15.tpidruro = s->tpidruro;
	v->cp15.tpidrprw = s->tpidrprw;
	v->cp15.dfsr = s->dfsr;
	v->cp15.ifsr = s->ifsr;
	v->cp15.dfar = s->dfar;
	v->cp15.ifar = s->ifar;
	v->cp15.par = s->par;
	v->cp15.prrr = s->prrr;
	v->cp15.nmrr = s->nmrr;
}

static void from_vcpu(const struct amv_vcpu *v, struct cpu_state *s)
{
	memcpy(s->r, v->r, sizeof(s->r));
	memcpy(s->r8_fiq, v->r8_fiq, sizeof(s->r8_fiq));
	for (unsigned int b = 0; b < CPU_BANK_COUNT; b++) {
		s->sp_lr[b][0] = v->sp_lr[b][0];
		s->sp_lr[b][1] = v->sp_lr[b][1];
	}
	memcpy(s->spsr, v->spsr, sizeof(s->spsr));
	s->cpsr = v->cpsr;
	s->pc = v->pc;
	s->sctlr = v->cp15.sctlr;
	s->dacr = v->cp15.dacr;
	s->ttbr0 = v->cp15.ttbr0;
	s->ttbr1 = v->cp15.ttbr1;
	s->ttbcr = v->cp15.ttbcr;
	s->contextidr = v->cp15.contextidr;
	s->vbar = v->cp15.vbar;
	s->tpidrurw = v->cp15.tpidrurw;
	s->tpidruro = v->cp15.tpidruro;
	s->tpidrprw = v->cp15.tpidrprw;
	s->dfsr = v->cp15.dfsr;
	s->ifsr = v->cp15.ifsr;
	s->dfar = v->cp15.dfar;
	s->ifar = v->cp15.ifar;
	s->par = v->cp15.par;
	s->prrr = v->cp15.prrr;
	s->nmrr = v->cp15.nmrr;
}

/* The Prefetch Abort a BKPT takes (amv_route(): a host Prefetch Abort
 * with IFSR = debug event is the guest's own, at the BKPT's address). */
static int bkpt(struct amv_vcpu *v)
{
	struct amv_fault f = {v->pc, AMV_FAULT_DEBUG, 0, 0, AMV_FAULT_F_PREFETCH};

	return amv_inject(v, AMV_EXC_PABT, v->pc, &f) == 0 ? AMV_EMU_EXCEPTION : -1;
}

/* A Thumb SVC or UDF: the exception, LR = the instruction + 2 (B1.8.3). */
static int thumb_exc(struct amv_vcpu *v, unsigned int exc)
{
	return amv_inject(v, exc, v->pc + 2u, NULL) == 0 ? AMV_EMU_EXCEPTION : -1;
}

int cpu_oracle_emulate(const struct cpu_emu_env *env, const struct cpu_case *c,
		       struct cpu_result *r)
{
	static struct amv_vcpu v;
	struct glue_mem mem;
	struct amv_port port;
	struct amv_insn in;
	uint32_t vbar_base;
	int rc;

	memset(r, 0, sizeof(*r));
	r->out = c->in;
	mem.base = env->mem_pa;
	mem.words = r->out.mem;
	port.ops = &glue_ops;
	port.ctx = &mem;
	amv_vcpu_reset(&v, 0, &port, NULL);
	board_config(env->board, &v);
	to_vcpu(&c->in, &v);
	v.irq_line = (c->flags & CPU_CASE_IRQ_PENDING) != 0;
	vbar_base = v.cp15.vbar & ~0x1fu;
	if (amv_vcpu_pending(&v) >= 0) {
		rc = AMV_EMU_EXCEPTION; /* before the instruction */
	} else if (c->flags & CPU_CASE_THUMB) {
		uint32_t hw1 = c->insn[0] & 0xffffu, hw2 = c->insn[0] >> 16;

		if ((hw1 & 0xff00u) == 0xbe00u)
			rc = bkpt(&v);
		else if ((hw1 & 0xff00u) == 0xdf00u)
			rc = thumb_exc(&v, AMV_EXC_SVC);
		else if ((hw1 & 0xff00u) == 0xde00u ||
			 ((hw1 & 0xfff0u) == 0xf7f0u && (hw2 & 0xf000u) == 0xa000u))
			rc = thumb_exc(&v, AMV_EXC_UNDEF);
		else
			return CPU_EMU_NOTIMPL; /* T32 decoding: not yet */
	} else {
		if (amv_decode(AMV_ISA_A32, c->insn[0], &in) != 0)
			return -1;
		if (in.cls == AMV_INSN_BKPT) {
			rc = bkpt(&v);
		} else if (in.cls == AMV_INSN_DP && in.op == AMV_DP_MOV &&
			   !(in.flags & (AMV_INSN_F_SETFLAGS | AMV_INSN_F_REG_SHIFT)) &&
			   in.rd == in.rm && in.rd != 15u && in.shift_imm == 0 &&
			   in.shift_type == AMV_SHIFT_LSL) {
			/* MOV Rn, Rn (the nop class): a port runs it natively,
			 * executed or not it only advances PC. */
			v.pc += 4u;
			rc = AMV_EMU_DONE;
		} else {
			rc = amv_emulate(&v, &in);
		}
		if (rc == -AMV_ENOTSUP)
			return CPU_EMU_NOTIMPL;
		if (rc < 0)
			return rc;
		/* After the instruction, before the guest resumes. */
		if (rc != AMV_EMU_EXCEPTION && amv_vcpu_pending(&v) >= 0)
			rc = AMV_EMU_EXCEPTION;
	}
	if (rc < 0)
		return rc;
	from_vcpu(&v, &r->out);
	if (rc == AMV_EMU_EXCEPTION) {
		uint32_t off = v.pc - ((v.cp15.sctlr & AMV_SCTLR_V) ? 0xffff0000u
								   : vbar_base);

		r->exit = off == 0x04u   ? CPU_EXIT_UNDEF
			  : off == 0x08u ? CPU_EXIT_SVC
			  : off == 0x0cu ? CPU_EXIT_PABT
			  : off == 0x10u ? CPU_EXIT_DABT
			  : off == 0x18u ? CPU_EXIT_IRQ
					 : CPU_EXIT_FIQ;
	} else {
		r->exit = v.pc == c->in.pc + 4u ? CPU_EXIT_NEXT : CPU_EXIT_LANDED;
	}
	return 0;
}
