/* SPDX-License-Identifier: BSD-2-Clause */
#include <amv/amv_env.h>
#include <amv/cp15.h>
#include <amv/emulate.h>
#include <amv/error.h>
#include <amv/shadow.h>

#include "attr.h"
#include "internal.h"

#define SCTLR_NMFI (1u << 27) /* B4.1.130: FIQs non-maskable */

/* The guest's current mode and privilege. */
static inline uint32_t mode_of(const struct amv_vcpu *v)
{
	return v->cpsr & AMV_PSR_MODE_MASK;
}

static inline bool privileged(const struct amv_vcpu *v)
{
	return mode_of(v) != AMV_MODE_USR;
}

static inline bool has_spsr(const struct amv_vcpu *v)
{
	return mode_of(v) != AMV_MODE_USR && mode_of(v) != AMV_MODE_SYS;
}

/* A8.3.1 ConditionPassed(): bit NZCV of entry cond is set when the
 * condition passes with those flags (AL and the unconditional space pass). */
static const uint16_t cond_pass[16] = {
	0xf0f0, 0x0f0f, 0xcccc, 0x3333, 0xff00, 0x00ff, 0xaaaa, 0x5555,
	0x0c0c, 0xf3f3, 0xaa55, 0x55aa, 0x0a05, 0xf5fa, 0xffff, 0xffff,
};

static inline bool cond_passed(const struct amv_vcpu *v, unsigned int cond)
{
	return (cond_pass[cond & 15u] >> (v->cpsr >> 28)) & 1u;
}

bool amv_cond_passed(const struct amv_vcpu *v, unsigned int cond)
{
	return cond_passed(v, cond);
}

/*
 * B1.3.3 CPSRWriteByInstr(), for a core without the Security and
 * Virtualization Extensions (IsSecure() is TRUE, so A and F are writable at
 * PL1). The bits each MSR field writes, by [exception return][privileged]
 * [mask]: A, I, F and M only at PL1, IT, J and T only by an exception
 * return.
 */
#define W_F (AMV_PSR_NZCV_MASK | AMV_PSR_Q)
#define W_FE (W_F | AMV_PSR_IT_LO_MASK | AMV_PSR_J)
#define W_S AMV_PSR_GE_MASK
#define W_X AMV_PSR_E
#define W_XP (AMV_PSR_E | AMV_PSR_A_BIT)
#define W_XE (AMV_PSR_E | AMV_PSR_IT_HI_MASK)
#define W_XPE (W_XP | AMV_PSR_IT_HI_MASK)
#define W_CP (AMV_PSR_I_BIT | AMV_PSR_F_BIT | AMV_PSR_MODE_MASK)
#define W_CE AMV_PSR_T
#define W_CPE (W_CP | AMV_PSR_T)
#define ROW(f, x, c)                                                           \
	{0, c, x, x | c, W_S, W_S | c, W_S | x, W_S | x | c, f, f | c, f | x,  \
	 f | x | c, f | W_S, f | W_S | c, f | W_S | x, f | W_S | x | c}
static const uint32_t cpsr_fields[2][2][16] = {
	{ROW(W_F, W_X, 0u), ROW(W_F, W_XP, W_CP)},
	{ROW(W_FE, W_XE, W_CE), ROW(W_FE, W_XPE, W_CPE)},
};
#undef ROW
#undef W_F
#undef W_FE
#undef W_S
#undef W_X
#undef W_XP
#undef W_XE
#undef W_XPE
#undef W_CP
#undef W_CE
#undef W_CPE

static void cpsr_write(struct amv_vcpu *v, uint32_t val, unsigned int mask,
		       bool exc_return)
{
	uint32_t w = cpsr_fields[exc_return][privileged(v)][mask & 15u];

	/* With SCTLR.NMFI set, software cannot mask FIQs. */
	if ((val & AMV_PSR_F_BIT) && (v->cp15.sctlr & SCTLR_NMFI))
		w &= ~AMV_PSR_F_BIT;
	/* A mode field naming no mode is not written (emulate.h). */
	if ((w & AMV_PSR_MODE_MASK) && !amv_mode_valid(val & AMV_PSR_MODE_MASK))
		w &= ~AMV_PSR_MODE_MASK;
	v->cpsr = (v->cpsr & ~w) | (val & w);
	amv_vcpu_sync_mode(v);
}

/* B1.3.3 SPSRWriteByInstr(): every bit of the selected bytes. */
static void spsr_write(struct amv_vcpu *v, uint32_t val, unsigned int mask)
{
	uint32_t *s = amv_vcpu_spsr(v), bytes = 0;

	for (unsigned int k = 0; k < 4u; k++)
		if (mask & (1u << k))
			bytes |= 0xffu << (8u * k);
	/* An invalid mode field is stored as written (UNPREDICTABLE in
	 * ARMv7; what QEMU and the ARMv8 AArch32 pseudocode do): an exception
	 * return through it keeps the current mode (cpsr_write()). */
	*s = (*s & ~bytes) | (val & bytes);
}

static uint32_t ror32(uint32_t x, unsigned int n)
{
	n &= 31u;
	return n ? (x >> n) | (x << (32u - n)) : x;
}

/* A8.4.3 Shift() without the carry out (exception returns do not set the
 * flags from the result). */
static uint32_t shift(uint32_t x, unsigned int type, unsigned int n, bool c)
{
	switch (type) {
	case AMV_SHIFT_LSL:
		return n >= 32u ? 0u : x << n;
	case AMV_SHIFT_LSR:
		return n >= 32u ? 0u : x >> n;
	case AMV_SHIFT_ASR:
		if (n >= 32u)
			return (x & 0x80000000u) ? 0xffffffffu : 0u;
		return n ? (x >> n) | ((x & 0x80000000u) ? ~(0xffffffffu >> n)
							 : 0u)
			 : x;
	case AMV_SHIFT_ROR:
		return ror32(x, n);
	default: /* RRX */
		return (x >> 1) | (c ? 0x80000000u : 0u);
	}
}

/* Register @p n of an A32 instruction in the mode whose bank is @p bank
 * (B1.3.2; R15 reads as the instruction's address + 8). */
static inline uint32_t reg_in(const struct amv_vcpu *v, unsigned int bank,
			      unsigned int n)
{
	if (n < 8u || (n < 13u && bank != AMV_BANK_FIQ))
		return v->r[n];
	if (n < 13u)
		return v->r8_fiq[n - 8u];
	if (n < 15u)
		return v->sp_lr[bank][n - 13u];
	return v->pc + 8u;
}

/* The data-processing result (A8.8: the opcode's arithmetic) in the mode
 * whose bank is @p bank. */
static uint32_t dp_result(const struct amv_vcpu *v, unsigned int bank,
			  const struct amv_insn *i)
{
	bool c = (v->cpsr & AMV_PSR_C_FLAG) != 0;
	uint32_t a = i->rn != AMV_REG_NONE ? reg_in(v, bank, i->rn) : 0u, b;

	if (i->flags & AMV_INSN_F_REG_SHIFT)
		b = shift(reg_in(v, bank, i->rm), i->shift_type,
			  reg_in(v, bank, i->rs) & 0xffu, c);
	else if (i->flags & AMV_INSN_F_REG_OFFSET)
		b = i->shift_imm == 0u && i->shift_type == AMV_SHIFT_LSL
			    ? reg_in(v, bank, i->rm) /* MOVS PC, LR */
			    : shift(reg_in(v, bank, i->rm), i->shift_type,
				    i->shift_imm, c);
	else
		b = i->imm;
	switch (i->op) {
	case AMV_DP_AND: return a & b;
	case AMV_DP_EOR: return a ^ b;
	case AMV_DP_SUB: return a - b;
	case AMV_DP_RSB: return b - a;
	case AMV_DP_ADD: return a + b;
	case AMV_DP_ADC: return a + b + (c ? 1u : 0u);
	case AMV_DP_SBC: return a + ~b + (c ? 1u : 0u);
	case AMV_DP_RSC: return b + ~a + (c ? 1u : 0u);
	case AMV_DP_ORR: return a | b;
	case AMV_DP_MOV: return b;
	case AMV_DP_BIC: return a & ~b;
	default: return ~b; /* MVN */
	}
}

static COLD int undef(struct amv_vcpu *v, const struct amv_insn *i)
{
	(void)i;
	(void)amv_inject(v, AMV_EXC_UNDEF, v->pc + 4u, NULL);
	return AMV_EMU_EXCEPTION;
}

/* After a CPSR write: the next instruction, then any virtual interrupt
 * the new CPSR unmasks (B1.8.1). */
static int next_check_irq(struct amv_vcpu *v)
{
	if (!v->irq_line && !v->fiq_line)
		return AMV_EMU_DONE;
	return amv_vcpu_pending(v) >= 0 ? AMV_EMU_EXCEPTION : AMV_EMU_DONE;
}

/* B9.3.19 SUBS PC, LR and related: CPSR from SPSR, then BranchWritePC()
 * in the instruction set the new CPSR selects. */
static inline int exc_return_in(struct amv_vcpu *v, const struct amv_insn *i,
				unsigned int bank)
{
	uint32_t result;

	if (!(i->flags & AMV_INSN_F_UNCOND) && !cond_passed(v, i->cond)) {
		v->pc += 4u;
		return AMV_EMU_DONE;
	}
	result = dp_result(v, bank, i);
	cpsr_write(v, v->spsr[bank - 1u], 0xfu, true);
	v->pc = result & ((v->cpsr & AMV_PSR_T) ? ~1u : ~3u);
	return next_check_irq(v);
}

int amv_emulate_exc_return_dp(struct amv_vcpu *v, const struct amv_insn *i,
			      unsigned int bank)
{
	return exc_return_in(v, i, bank);
}

static int exc_return_dp(struct amv_vcpu *v, const struct amv_insn *i)
{
	unsigned int bank = amv_mode_bank(mode_of(v));

	if (bank == AMV_BANK_USR) /* User, System: no SPSR */
		return undef(v, i);
	return exc_return_in(v, i, bank);
}

static int emu_cps(struct amv_vcpu *v, const struct amv_insn *i)
{
	uint32_t val = v->cpsr, aif = (uint32_t)i->psr_mask << 6;

	v->pc += 4u;
	/* B9.3.2: a NOP in User mode. */
	if (!privileged(v))
		return AMV_EMU_DONE;
	if (i->op == AMV_CPS_IMOD_ENABLE)
		val &= ~aif;
	else if (i->op == AMV_CPS_IMOD_DISABLE)
		val |= aif;
	if (i->mode != 0)
		val = (val & ~AMV_PSR_MODE_MASK) | i->mode;
	cpsr_write(v, val, 0xfu, false);
	return next_check_irq(v);
}

static int emu_mrs(struct amv_vcpu *v, const struct amv_insn *i)
{
	uint32_t val;

	if (i->flags & AMV_INSN_F_SPSR) {
		if (!has_spsr(v))
			return undef(v, i);
		val = *amv_vcpu_spsr(v);
	} else {
		/* B9.3.8: execution state bits other than E read as zero. */
		val = v->cpsr & 0xf8ff03dfu;
	}
	amv_vcpu_set(v, i->rd, val);
	v->pc += 4u;
	return AMV_EMU_DONE;
}

static int emu_msr(struct amv_vcpu *v, const struct amv_insn *i)
{
	uint32_t val = i->rn != AMV_REG_NONE ? amv_vcpu_get(v, i->rn) : i->imm;

	if (i->flags & AMV_INSN_F_SPSR) {
		if (!has_spsr(v))
			return undef(v, i);
		spsr_write(v, val, i->psr_mask);
		v->pc += 4u;
		return AMV_EMU_DONE;
	}
	cpsr_write(v, val, i->psr_mask, false);
	v->pc += 4u;
	return next_check_irq(v);
}

/* ------------------------------------------------------------------ */
/* Guest memory at the guest's privilege                               */

static void align_fault(struct amv_fault *f, uint32_t va, bool write)
{
	f->addr = va;
	f->type = AMV_FAULT_ALIGNMENT;
	f->level = 0;
	f->domain = 0;
	f->flags = (uint8_t)(write ? AMV_FAULT_F_WRITE : 0u);
}

/* The translation of the page last accessed by one instruction: a block
 * transfer walks once per 4 KiB page, not once per word (every access of
 * one instruction has the same kind, so the same permissions apply). */
struct xcache {
	bool valid;
	uint32_t page; /* VA >> 12 */
	uint64_t pa;   /* its PA, page-aligned */
	uint8_t *host; /* the page through the port's ram_ptr, or NULL */
};

static uint32_t le32_get(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static void le32_put(uint8_t *p, uint32_t x)
{
	p[0] = (uint8_t)x;
	p[1] = (uint8_t)(x >> 8);
	p[2] = (uint8_t)(x >> 16);
	p[3] = (uint8_t)(x >> 24);
}

/* A store the shadow MMU does not need to see: no VM, or one that keeps
 * no reverse map (AMV_SYNC_TLB: table writes count when the guest
 * invalidates its TLB). */
static bool store_untracked(const struct amv_vcpu *v)
{
	return v->vm == NULL || v->vm->cfg.sync == AMV_SYNC_TLB;
}

/* The guest walk of @va for one access kind (its permission check
 * included): AMV_WALK_OK with the PA in *@pa, or a fault in @f. */
static int walk_pa(struct amv_vcpu *v, uint32_t va, bool user, bool write,
		   uint64_t *pa, struct amv_fault *f)
{
	struct amv_regime r;
	struct amv_xlat x;
	int rc;

	amv_vcpu_regime(v, &r);
	rc = amv_walk(&r, &v->port, va,
		      (write ? AMV_ACC_WRITE : AMV_ACC_READ) |
			      (user ? AMV_ACC_USER : 0u),
		      &x, f);
	if (rc == AMV_WALK_OK)
		*pa = x.pa;
	return rc;
}

/* Fill @c with the translation of the page of @va (walk_pa()), and the
 * port's host mapping of it. */
static int xlate(struct amv_vcpu *v, uint32_t va, bool user, bool write,
		 struct xcache *c, struct amv_fault *f)
{
	uint64_t pa;
	int rc = walk_pa(v, va, user, write, &pa, f);

	if (rc != AMV_WALK_OK)
		return rc;
	c->valid = true;
	c->page = va >> 12;
	c->pa = pa & ~(uint64_t)0xfff;
	c->host = v->port.ops->ram_ptr != NULL
			  ? v->port.ops->ram_ptr(v->port.ctx, c->pa)
			  : NULL;
	return AMV_WALK_OK;
}

/*
 * One access of @size bytes (1, 2, 4; naturally aligned, or split into
 * bytes) at @va through the guest's translation (the walker) and the port.
 * Stores go through the shadow MMU when one tracks guest writes, so a
 * store to a guest table page drops the shadow entries derived from it. A
 * fault is returned in @f for the caller to inject as a Data Abort. @c,
 * when not NULL, carries one instruction's translation from access to
 * access.
 */
static int vmem_le(struct amv_vcpu *v, uint32_t va, unsigned int size,
		   bool user, bool write, uint32_t *val, struct amv_fault *f,
		   struct xcache *c);

/* CPSR.E selects big-endian data (A3.3.1): the bytes of a halfword or word
 * are reversed between the register and memory. */
static uint32_t data_swap(const struct amv_vcpu *v, uint32_t x,
			  unsigned int size)
{
	if (!(v->cpsr & AMV_PSR_E) || size == 1u)
		return x;
	if (size == 2u)
		return ((x & 0xffu) << 8) | ((x >> 8) & 0xffu);
	return (x >> 24) | ((x >> 8) & 0xff00u) | ((x & 0xff00u) << 8) |
	       (x << 24);
}

static int vmem(struct amv_vcpu *v, uint32_t va, unsigned int size, bool user,
		bool write, uint32_t *val, struct amv_fault *f,
		struct xcache *c)
{
	uint32_t x = write ? data_swap(v, *val, size) : 0u;
	int rc = vmem_le(v, va, size, user, write, &x, f, c);

	if (rc == AMV_WALK_OK && !write)
		*val = data_swap(v, x, size);
	return rc;
}

static int vmem_le(struct amv_vcpu *v, uint32_t va, unsigned int size,
		   bool user, bool write, uint32_t *val, struct amv_fault *f,
		   struct xcache *c)
{
	uint64_t pa;
	unsigned int sh;
	uint32_t word;
	int rc;

	if ((va & (size - 1u)) != 0) {
		/* Unaligned: byte by byte (A3.2.1, SCTLR.A = 0 only). */
		uint32_t b, out = 0;

		if (v->cp15.sctlr & AMV_SCTLR_A) {
			align_fault(f, va, write);
			return AMV_WALK_FAULT;
		}
		for (unsigned int k = 0; k < size; k++) {
			b = (*val >> (8u * k)) & 0xffu;
			rc = vmem_le(v, va + k, 1, user, write, &b, f, NULL);
			if (rc != AMV_WALK_OK)
				return rc;
			out |= b << (8u * k);
		}
		if (!write)
			*val = out;
		return AMV_WALK_OK;
	}
	if (c != NULL && c->valid && c->page == va >> 12) {
		pa = c->pa | (va & 0xfffu);
	} else if (c != NULL) {
		rc = xlate(v, va, user, write, c, f);
		if (rc != AMV_WALK_OK)
			return rc;
		pa = c->pa | (va & 0xfffu);
	} else {
		rc = walk_pa(v, va, user, write, &pa, f);
		if (rc != AMV_WALK_OK)
			return rc;
	}
	if (c != NULL && c->host != NULL && size == 4u &&
	    (!write || store_untracked(v))) {
		if (write)
			le32_put(c->host + (va & 0xffcu), *val);
		else
			*val = le32_get(c->host + (va & 0xffcu));
		return AMV_WALK_OK;
	}
	if (write && v->vm != NULL)
		rc = amv_shadow_wp_write(v->vm, pa, *val, size);
	else if (write && size == 4u)
		rc = v->port.ops->write_phys32(v->port.ctx, pa, *val);
	else
		rc = v->port.ops->read_phys32(v->port.ctx, pa & ~(uint64_t)3,
					      &word);
	if (rc == 0 && write && v->vm == NULL && size != 4u) {
		sh = (unsigned int)(pa & 3u) * 8u;
		word = (word & ~(((size == 1u) ? 0xffu : 0xffffu) << sh)) |
		       ((*val & ((size == 1u) ? 0xffu : 0xffffu)) << sh);
		rc = v->port.ops->write_phys32(v->port.ctx, pa & ~(uint64_t)3,
					       word);
	} else if (rc == 0 && !write) {
		sh = (unsigned int)(pa & 3u) * 8u;
		*val = size == 4u ? word
			: (word >> sh) & ((size == 1u) ? 0xffu : 0xffffu);
	}
	if (rc < 0) {
		/* Nothing answers: a synchronous external abort (B3.12). */
		f->addr = va;
		f->type = AMV_FAULT_EXT_ABORT;
		f->level = 0;
		f->domain = 0;
		f->flags = (uint8_t)((write ? AMV_FAULT_F_WRITE : 0u) |
				     (rc == -AMV_EIO ? AMV_FAULT_F_EXT : 0u));
		return AMV_WALK_FAULT;
	}
	return AMV_WALK_OK;
}

static int abort_here(struct amv_vcpu *v, const struct amv_fault *f)
{
	(void)amv_inject(v, AMV_EXC_DABT, v->pc, f);
	return AMV_EMU_EXCEPTION;
}

/* A8.5 addressing mode: offset (P = 1, W = 0), pre-indexed (P = 1,
 * W = 1) and post-indexed (P = 0). */
static uint32_t ls_offset(const struct amv_vcpu *v, const struct amv_insn *i)
{
	uint32_t off = (i->flags & AMV_INSN_F_REG_OFFSET)
			       ? shift(amv_vcpu_get(v, i->rm), i->shift_type,
				       i->shift_imm,
				       (v->cpsr & AMV_PSR_C_FLAG) != 0)
			       : i->imm;

	return (i->flags & AMV_INSN_F_ADD) ? off : 0u - off;
}

/* A loaded byte or halfword, zero- or sign-extended (A8.8.70 ff.). */
static uint32_t extend(uint32_t val, unsigned int size, bool sign)
{
	uint32_t top;

	if (size >= 4u)
		return val;
	top = 1u << (8u * size - 1u);
	val &= (top << 1) - 1u;
	return (sign && (val & top)) ? val | ~((top << 1) - 1u) : val;
}

/* LDRT, LDRBT, LDRHT, LDRSBT, LDRSHT, STRT, STRBT, STRHT (A8.8.70 ff.):
 * post-indexed, the access checked as PL0. */
static NOINLINE int emu_ldrt(struct amv_vcpu *v, const struct amv_insn *i)
{
	bool load = i->cls == AMV_INSN_LDRT;
	uint32_t base = amv_vcpu_get(v, i->rn), wback, val;
	struct amv_fault f;

	if (i->rt == 15u || i->rn == 15u || i->rn == i->rt)
		return undef(v, i); /* UNPREDICTABLE: see emulate.h */
	wback = base + ls_offset(v, i); /* post-indexed */
	val = load ? 0u : amv_vcpu_get(v, i->rt);
	if (vmem(v, base, i->size, true, !load, &val, &f, NULL) != AMV_WALK_OK)
		return abort_here(v, &f);
	if (load)
		amv_vcpu_set(v, i->rt,
			     extend(val, i->size,
				    (i->flags & AMV_INSN_F_SIGNED) != 0));
	amv_vcpu_set(v, i->rn, wback);
	v->pc += 4u;
	return AMV_EMU_DONE;
}

/* The lowest address of an LDM/STM/RFE/SRS transfer of @n words from
 * @base (A8.8.58 ff.: IA, IB, DA, DB). */
static uint32_t block_start(const struct amv_insn *i, uint32_t base,
			    unsigned int n)
{
	bool up = (i->flags & AMV_INSN_F_ADD) != 0;
	bool pre = (i->flags & AMV_INSN_F_INDEX) != 0;

	if (up)
		return pre ? base + 4u : base;
	return pre ? base - 4u * n : base - 4u * n + 4u;
}

static uint32_t block_wback(const struct amv_insn *i, uint32_t base,
			    unsigned int n)
{
	return (i->flags & AMV_INSN_F_ADD) ? base + 4u * n : base - 4u * n;
}

static unsigned int popcount16(uint32_t x)
{
	unsigned int n = 0;

	for (; x != 0; x &= x - 1u)
		n++;
	return n;
}

/* R0-R14 as @mode sees them (B1.3.2), looked up once for a block
 * transfer. */
struct reg_bank {
	uint32_t *p[15];
};

static struct reg_bank reg_bank(struct amv_vcpu *v, uint32_t mode)
{
	struct reg_bank b;
	unsigned int bank = amv_mode_bank(mode);

	for (unsigned int r = 0; r < 13u; r++)
		b.p[r] = &v->r[r];
	if (bank == AMV_BANK_FIQ)
		for (unsigned int r = 8; r < 13u; r++)
			b.p[r] = &v->r8_fiq[r - 8u];
	b.p[13] = &v->sp_lr[bank][0];
	b.p[14] = &v->sp_lr[bank][1];
	return b;
}

/* LDM/STM with ^ (B9.3.5 LDM user registers, B9.3.6 exception return,
 * B9.3.17 STM user registers). All loads happen before any register
 * changes, so an abort leaves the vCPU as it was. */
static NOINLINE int emu_ldm_stm_user(struct amv_vcpu *v,
				     const struct amv_insn *i)
{
	bool load = i->cls == AMV_INSN_LDM;
	bool exc_return = (i->flags & AMV_INSN_F_EXC_RETURN) != 0;
	uint32_t base = amv_vcpu_get(v, i->rn), addr, vals[16];
	uint32_t mode = exc_return ? mode_of(v) : AMV_MODE_USR;
	unsigned int n = popcount16(i->reglist), k = 0;
	struct reg_bank regs;
	struct xcache c = {false, 0, 0, NULL};
	struct amv_fault f;
	bool block;

	if (!has_spsr(v) || n == 0u || i->rn == 15u ||
	    (!exc_return && (i->flags & AMV_INSN_F_WBACK)))
		return undef(v, i); /* UNPREDICTABLE: see emulate.h */
	addr = block_start(i, base, n);
	/* LDM/STM always need word alignment (A3.2.1). */
	if ((addr & 3u) != 0) {
		align_fault(&f, addr, !load);
		return abort_here(v, &f);
	}
	regs = reg_bank(v, mode);
	/* The common case, a kernel's register frame: the whole block in one
	 * page of RAM the port maps, little-endian, and no shadow MMU that
	 * must see the stores. One walk (its permission check holds for the
	 * whole page), then the words themselves. */
	block = (addr & 0xfffu) + 4u * n <= 0x1000u &&
		!(v->cpsr & AMV_PSR_E) && (load || store_untracked(v));
	if (block && xlate(v, addr, false, !load, &c, &f) != AMV_WALK_OK)
		return abort_here(v, &f);
	if (block && c.host != NULL) {
		uint8_t *p = c.host + (addr & 0xfffu);

		for (unsigned int r = 0; r < 16u; r++) {
			if (!(i->reglist & (1u << r)))
				continue;
			if (load)
				vals[r] = le32_get(p);
			else
				le32_put(p, r == 15u ? amv_vcpu_get(v, 15)
						     : *regs.p[r]);
			p += 4;
		}
	} else {
		for (unsigned int r = 0; r < 16u; r++) {
			if (!(i->reglist & (1u << r)))
				continue;
			if (load)
				vals[r] = 0;
			else if (r == 15u)
				vals[r] = amv_vcpu_get(v, 15);
			else
				vals[r] = *regs.p[r];
			if (vmem(v, addr + 4u * k, 4, false, !load, &vals[r],
				 &f, &c) != AMV_WALK_OK)
				return abort_here(v, &f);
			k++;
		}
	}
	if (load)
		for (unsigned int r = 0; r < 15u; r++)
			if (i->reglist & (1u << r))
				*regs.p[r] = vals[r];
	if ((i->flags & AMV_INSN_F_WBACK) &&
	    !(load && (i->reglist & (1u << i->rn))))
		amv_vcpu_set(v, i->rn, block_wback(i, base, n));
	if (!exc_return) {
		v->pc += 4u;
		return AMV_EMU_DONE;
	}
	cpsr_write(v, *amv_vcpu_spsr(v), 0xfu, true);
	v->pc = vals[15] & ((v->cpsr & AMV_PSR_T) ? ~1u : ~3u);
	return next_check_irq(v);
}

/* The two words of an RFE or SRS at @addr (word alignment required,
 * A3.2.1): 0, or an abort already entered. */
static int two_words(struct amv_vcpu *v, uint32_t addr, bool write,
		     uint32_t *w0, uint32_t *w1)
{
	struct xcache c = {false, 0, 0, NULL};
	struct amv_fault f;

	if ((addr & 3u) != 0) {
		align_fault(&f, addr, write);
		return abort_here(v, &f);
	}
	if (vmem(v, addr, 4, false, write, w0, &f, &c) != AMV_WALK_OK ||
	    vmem(v, addr + 4u, 4, false, write, w1, &f, &c) != AMV_WALK_OK)
		return abort_here(v, &f);
	return 0;
}

/* RFE (B9.3.13): PC and CPSR from memory. */
static NOINLINE int emu_rfe(struct amv_vcpu *v, const struct amv_insn *i)
{
	uint32_t base = amv_vcpu_get(v, i->rn), pc = 0, spsr = 0;

	if (!privileged(v) || i->rn == 15u)
		return undef(v, i);
	if (two_words(v, block_start(i, base, 2), false, &pc, &spsr) != 0)
		return AMV_EMU_EXCEPTION;
	if (i->flags & AMV_INSN_F_WBACK)
		amv_vcpu_set(v, i->rn, block_wback(i, base, 2));
	cpsr_write(v, spsr, 0xfu, true);
	v->pc = pc & ((v->cpsr & AMV_PSR_T) ? ~1u : ~3u);
	return next_check_irq(v);
}

/* SRS (B9.3.16): LR and SPSR of the current mode onto another mode's
 * stack. */
static NOINLINE int emu_srs(struct amv_vcpu *v, const struct amv_insn *i)
{
	uint32_t *sp, lr, spsr;

	/* B9.3.16: the target's banked SP, SP_usr for User and System. */
	if (!has_spsr(v) || !amv_mode_valid(i->mode))
		return undef(v, i);
	sp = amv_vcpu_reg_mode(v, i->mode, 13);
	lr = amv_vcpu_get(v, 14);
	spsr = *amv_vcpu_spsr(v);
	if (two_words(v, block_start(i, *sp, 2), true, &lr, &spsr) != 0)
		return AMV_EMU_EXCEPTION;
	if (i->flags & AMV_INSN_F_WBACK)
		*sp = block_wback(i, *sp, 2);
	v->pc += 4u;
	return AMV_EMU_DONE;
}

/* ------------------------------------------------------------------ */
/* CP15                                                                */

#define KEY(crn, opc1, crm, opc2)                                               \
	(((uint32_t)(crn) << 12) | ((uint32_t)(opc1) << 8) |                    \
	 ((uint32_t)(crm) << 4) | (uint32_t)(opc2))

/* Writes that change translation go to the shadow MMU. */
static void sync_regime(struct amv_vcpu *v)
{
	struct amv_regime r;

	if (v->vm == NULL)
		return;
	amv_vcpu_regime(v, &r);
	(void)amv_shadow_set_regime(v->vm, &r);
}

/* PAR for an ATS result (B4.1.113). */
static uint32_t par_of(const struct amv_xlat *x)
{
	static const uint8_t inner[4] = {0, 5, 6, 7}; /* NC, WBWA, WT, WB */
	uint32_t par = ((uint32_t)x->pa & AMV_PAR_PA_MASK);

	if (x->kind == AMV_MAP_SUPERSECTION)
		par |= AMV_PAR_SS;
	if (x->attr.type == AMV_MT_STRONGLY_ORDERED)
		par |= 1u << AMV_PAR_INNER_SHIFT;
	else if (x->attr.type == AMV_MT_DEVICE)
		par |= 3u << AMV_PAR_INNER_SHIFT;
	else
		par |= ((uint32_t)inner[x->attr.inner & 3u] << AMV_PAR_INNER_SHIFT) |
		       ((uint32_t)(x->attr.outer & 3u) << AMV_PAR_OUTER_SHIFT);
	if (x->attr.share != AMV_SH_NONE)
		par |= AMV_PAR_SH;
	if (x->attr.share == AMV_SH_INNER)
		par |= AMV_PAR_NOS;
	if (x->flags & AMV_XLAT_NS)
		par |= AMV_PAR_NS;
	return par;
}

/* ATS1C{P,U}{R,W} (B4.2.4): the result goes to PAR; an external abort on
 * the walk is taken as a Data Abort. */
static int emu_ats(struct amv_vcpu *v, unsigned int op, uint32_t va)
{
	struct amv_regime r;
	struct amv_xlat x;
	struct amv_fault f;
	uint32_t fsr = 0;
	int rc;

	amv_vcpu_regime(v, &r);
	rc = amv_walk(&r, &v->port, va,
		      ((op & 1u) ? AMV_ACC_WRITE : AMV_ACC_READ) |
			      ((op & 2u) ? AMV_ACC_USER : 0u),
		      &x, &f);
	if (rc < 0)
		return rc;
	if (rc == AMV_WALK_OK) {
		v->cp15.par = par_of(&x);
		return AMV_EMU_DONE;
	}
	if (f.type == AMV_FAULT_EXT_ABORT_WALK) {
		(void)amv_inject(v, AMV_EXC_DABT, v->pc, &f);
		return AMV_EMU_EXCEPTION;
	}
	(void)amv_fault_fsr(&f, &fsr);
	v->cp15.par = AMV_PAR_F |
		      ((amv_fsr_status(fsr) | ((fsr & AMV_FSR_EXT) ? 0x20u : 0u))
		       << AMV_PAR_FS_SHIFT);
	return AMV_EMU_DONE;
}

/* Registers accessible from PL0 (B4.1.150-151 TPIDRURW/URO; B4.2.2 the
 * CP15 barrier operations): everything else UNDEFs in User mode. */
static bool pl0_ok(uint32_t key, bool write)
{
	switch (key) {
	case KEY(13, 0, 0, 2): /* TPIDRURW */
		return true;
	case KEY(13, 0, 0, 3): /* TPIDRURO */
		return !write;
	case KEY(7, 0, 5, 4):  /* CP15ISB */
	case KEY(7, 0, 10, 4): /* CP15DSB */
	case KEY(7, 0, 10, 5): /* CP15DMB */
		return write;
	default:
		return false;
	}
}

static const uint32_t zero;

/* A read: the register, or NULL if none (UNDEF). */
static const uint32_t *cp15_read(const struct amv_vcpu *v, uint32_t key)
{
	const struct amv_cp15 *c = &v->cp15;

	switch (key) {
	case KEY(0, 0, 0, 0): return &c->midr;
	case KEY(0, 0, 0, 1): return &c->ctr;
	case KEY(0, 0, 0, 2): return &c->tcmtr;
	case KEY(0, 0, 0, 3): return &c->tlbtr;
	case KEY(0, 0, 0, 4):
	case KEY(0, 0, 0, 6):
	case KEY(0, 0, 0, 7): return &c->midr; /* B4.1.105: MIDR aliases */
	case KEY(0, 0, 0, 5): return &c->mpidr;
	case KEY(0, 0, 1, 0): return &c->id_pfr[0];
	case KEY(0, 0, 1, 1): return &c->id_pfr[1];
	case KEY(0, 0, 1, 2): return &c->id_dfr0;
	case KEY(0, 0, 1, 3): return &c->id_afr0;
	case KEY(0, 0, 1, 4): return &c->id_mmfr[0];
	case KEY(0, 0, 1, 5): return &c->id_mmfr[1];
	case KEY(0, 0, 1, 6): return &c->id_mmfr[2];
	case KEY(0, 0, 1, 7): return &c->id_mmfr[3];
	case KEY(0, 0, 2, 0): return &c->id_isar[0];
	case KEY(0, 0, 2, 1): return &c->id_isar[1];
	case KEY(0, 0, 2, 2): return &c->id_isar[2];
	case KEY(0, 0, 2, 3): return &c->id_isar[3];
	case KEY(0, 0, 2, 4): return &c->id_isar[4];
	case KEY(0, 0, 2, 5): return &c->id_isar[5];
	case KEY(0, 1, 0, 0): return &c->ccsidr;
	case KEY(0, 1, 0, 1): return &c->clidr;
	case KEY(0, 1, 0, 7): return &c->aidr;
	case KEY(0, 2, 0, 0): return &c->csselr;
	case KEY(1, 0, 0, 0): return &c->sctlr;
	case KEY(1, 0, 0, 1): return &c->actlr;
	case KEY(1, 0, 0, 2): return &c->cpacr;
	case KEY(2, 0, 0, 0): return &c->ttbr0;
	case KEY(2, 0, 0, 1): return &c->ttbr1;
	case KEY(2, 0, 0, 2): return &c->ttbcr;
	case KEY(3, 0, 0, 0): return &c->dacr;
	case KEY(5, 0, 0, 0): return &c->dfsr;
	case KEY(5, 0, 0, 1): return &c->ifsr;
	case KEY(5, 0, 1, 0): return &c->adfsr;
	case KEY(5, 0, 1, 1): return &c->aifsr;
	case KEY(6, 0, 0, 0): return &c->dfar;
	case KEY(6, 0, 0, 2): return &c->ifar;
	case KEY(7, 0, 4, 0): return &c->par;
	case KEY(10, 0, 2, 0): return &c->prrr;
	case KEY(10, 0, 2, 1): return &c->nmrr;
	case KEY(12, 0, 0, 0):
		return (v->features & AMV_VCPU_VBAR) ? &c->vbar : NULL;
	case KEY(13, 0, 0, 1): return &c->contextidr;
	case KEY(13, 0, 0, 2): return &c->tpidrurw;
	case KEY(13, 0, 0, 3): return &c->tpidruro;
	case KEY(13, 0, 0, 4): return &c->tpidrprw;
	default: break;
	}
	/* B4.1.1: the unallocated ID register encodings c0, opc1 0, CRm 1-7
	 * read as zero; IMPLEMENTATION DEFINED c15 as the port says. */
	if ((key & 0xff00u) == KEY(0, 0, 0, 0) && ((key >> 4) & 15u) >= 1u &&
	    ((key >> 4) & 15u) <= 7u)
		return &zero;
	if ((key >> 12) == 15u && (v->features & AMV_VCPU_C15_RAZWI))
		return &zero;
	return NULL;
}

/* A write: 0 done (PC not yet advanced), 1 UNDEF, or an emulate status. */
static int cp15_write(struct amv_vcpu *v, uint32_t key, uint32_t val)
{
	struct amv_cp15 *c = &v->cp15;

	switch (key) {
	case KEY(0, 2, 0, 0): c->csselr = val & 0xfu; return 0;
	case KEY(1, 0, 0, 0):
		/* B4.1.130: XP reads as one in VMSAv7. */
		c->sctlr = val | AMV_SCTLR_XP;
		sync_regime(v);
		return 0;
	case KEY(1, 0, 0, 1): c->actlr = val; return 0;
	case KEY(1, 0, 0, 2): c->cpacr = val; return 0;
	case KEY(2, 0, 0, 0): c->ttbr0 = val; sync_regime(v); return 0;
	case KEY(2, 0, 0, 1): c->ttbr1 = val; sync_regime(v); return 0;
	case KEY(2, 0, 0, 2):
		/* No LPAE: EAE and the other bits above PD1 are RAZ/WI. */
		c->ttbcr = val & (AMV_TTBCR_N_MASK | AMV_TTBCR_PD0 |
				  AMV_TTBCR_PD1);
		sync_regime(v);
		return 0;
	case KEY(3, 0, 0, 0): c->dacr = val; sync_regime(v); return 0;
	case KEY(5, 0, 0, 0): c->dfsr = val; return 0;
	case KEY(5, 0, 0, 1): c->ifsr = val; return 0;
	case KEY(5, 0, 1, 0): c->adfsr = val; return 0;
	case KEY(5, 0, 1, 1): c->aifsr = val; return 0;
	case KEY(6, 0, 0, 0): c->dfar = val; return 0;
	case KEY(6, 0, 0, 2): c->ifar = val; return 0;
	case KEY(7, 0, 4, 0): c->par = val; return 0;
	case KEY(7, 0, 8, 0):
	case KEY(7, 0, 8, 1):
	case KEY(7, 0, 8, 2):
	case KEY(7, 0, 8, 3):
		return emu_ats(v, key & 3u, val) == AMV_EMU_EXCEPTION ? 2 : 0;
	case KEY(10, 0, 2, 0): c->prrr = val; sync_regime(v); return 0;
	case KEY(10, 0, 2, 1): c->nmrr = val; sync_regime(v); return 0;
	case KEY(12, 0, 0, 0):
		if (!(v->features & AMV_VCPU_VBAR))
			return 1;
		c->vbar = val & ~0x1fu;
		return 0;
	case KEY(13, 0, 0, 1): c->contextidr = val; sync_regime(v); return 0;
	case KEY(13, 0, 0, 2): c->tpidrurw = val; return 0;
	case KEY(13, 0, 0, 3): c->tpidruro = val; return 0;
	case KEY(13, 0, 0, 4): c->tpidrprw = val; return 0;
	default:
		break;
	}
	/* B4.2.2 TLB maintenance: ALL, MVA, ASID, MVAA; the inner-shareable
	 * (CRm 3) and instruction/data-only (CRm 5, 6) forms do the same on a
	 * uniprocessor guest. */
	if ((key & 0xff00u) == KEY(8, 0, 0, 0) &&
	    (((key >> 4) & 15u) == 3u || ((key >> 4) & 15u) == 5u ||
	     ((key >> 4) & 15u) == 6u || ((key >> 4) & 15u) == 7u) &&
	    (key & 15u) <= 3u) {
		if (v->vm != NULL)
			(void)amv_shadow_tlbi(v->vm, key & 3u, val);
		return 0;
	}
	if ((key >> 12) == 15u && (v->features & AMV_VCPU_C15_RAZWI))
		return 0;
	/* B4.2.1 cache maintenance and the CP15 barriers: the host keeps the
	 * caches coherent for the guest (no guest-visible effect to model). */
	if ((key & 0xff00u) == KEY(7, 0, 0, 0))
		switch ((key >> 4) & 15u) {
		case 1: case 5: case 6: case 10: case 11: case 14:
			return 0;
		default:
			break;
		}
	return 1;
}

static int emu_cp15(struct amv_vcpu *v, const struct amv_insn *i)
{
	uint32_t key = KEY(i->crn, i->opc1, i->crm, i->opc2);
	bool write = i->cls == AMV_INSN_MCR;
	const uint32_t *reg;
	int rc;

	if (i->cp != 15u || (i->raw >> 28) == 0xfu /* MCR2/MRC2 */ ||
	    (!privileged(v) && !pl0_ok(key, write)))
		return undef(v, i);
	if (write) {
		rc = cp15_write(v, key, amv_vcpu_get(v, i->rt));
		if (rc == 1)
			return undef(v, i);
		if (rc == 2)
			return AMV_EMU_EXCEPTION;
		v->pc += 4u;
		return AMV_EMU_DONE;
	}
	if ((key & 0xff00u) == KEY(7, 0, 0, 0) && key != KEY(7, 0, 4, 0))
		return undef(v, i); /* operations are write-only */
	reg = cp15_read(v, key);
	if (reg == NULL)
		return undef(v, i);
	if (i->rt == 15u) /* APSR_nzcv (A8.8.108) */
		v->cpsr = (v->cpsr & ~AMV_PSR_NZCV_MASK) |
			  (*reg & AMV_PSR_NZCV_MASK);
	else
		amv_vcpu_set(v, i->rt, *reg);
	v->pc += 4u;
	return AMV_EMU_DONE;
}

/* VMRS/VMSR of the VFP system registers that need PL1 (B6.1.2): FPSID
 * (reg 0), MVFR1 (6), MVFR0 (7), FPEXC (8). FPSCR (1) runs natively. */
static NOINLINE int emu_vfp_sys(struct amv_vcpu *v, const struct amv_insn *i)
{
	bool write = i->cls == AMV_INSN_VMSR;
	uint32_t val;

	if (!(v->features & AMV_VCPU_VFP) || !privileged(v))
		return undef(v, i);
	switch (i->crn) {
	case 0: val = v->cp15.fpsid; break;
	case 6: val = v->cp15.mvfr[1]; break;
	case 7: val = v->cp15.mvfr[0]; break;
	case 8: val = v->cp15.fpexc; break;
	default: return -AMV_ENOTSUP;
	}
	if (write) {
		/* FPSID and MVFRx are read-only: writes are ignored. */
		if (i->crn == 8u)
			v->cp15.fpexc = amv_vcpu_get(v, i->rt);
	} else if (i->rt == 15u) {
		return undef(v, i); /* APSR_nzcv is for FPSCR only */
	} else {
		amv_vcpu_set(v, i->rt, val);
	}
	v->pc += 4u;
	return AMV_EMU_DONE;
}

int amv_emulate(struct amv_vcpu *v, const struct amv_insn *i)
{
	if (v == NULL || i == NULL)
		return -AMV_EINVAL;
	if (i->isa != AMV_ISA_A32)
		return -AMV_ENOTSUP;
	/* UNDEFINED whatever the condition (AMV_INSN_UNDEFINED is 0, UDF 1). */
	if (i->cls <= AMV_INSN_UDF)
		return undef(v, i);
	if (!(i->flags & AMV_INSN_F_UNCOND) && !cond_passed(v, i->cond)) {
		v->pc += 4u;
		return AMV_EMU_DONE;
	}
	switch (i->cls) {
	case AMV_INSN_CPS:
		return emu_cps(v, i);
	case AMV_INSN_MRS:
		return emu_mrs(v, i);
	case AMV_INSN_MSR:
		return emu_msr(v, i);
	case AMV_INSN_DP:
		if (!(i->flags & AMV_INSN_F_EXC_RETURN))
			return -AMV_ENOTSUP;
		return exc_return_dp(v, i);
	case AMV_INSN_SVC:
		(void)amv_inject(v, AMV_EXC_SVC, v->pc + 4u, NULL);
		return AMV_EMU_EXCEPTION;
	case AMV_INSN_LDRT:
	case AMV_INSN_STRT:
		return emu_ldrt(v, i);
	case AMV_INSN_LDM:
	case AMV_INSN_STM:
		if (!(i->flags & (AMV_INSN_F_USER_REGS | AMV_INSN_F_EXC_RETURN)))
			return -AMV_ENOTSUP;
		return emu_ldm_stm_user(v, i);
	case AMV_INSN_RFE:
		return emu_rfe(v, i);
	case AMV_INSN_SRS:
		return emu_srs(v, i);
	case AMV_INSN_WFI:
	case AMV_INSN_WFE:
		v->pc += 4u;
		return AMV_EMU_WFI;
	case AMV_INSN_NOP:
	case AMV_INSN_YIELD:
	case AMV_INSN_SEV:
	case AMV_INSN_DBG:
	case AMV_INSN_DMB:
	case AMV_INSN_DSB:
	case AMV_INSN_ISB:
		v->pc += 4u;
		return AMV_EMU_DONE;
	case AMV_INSN_MCR:
	case AMV_INSN_MRC:
		return emu_cp15(v, i);
	case AMV_INSN_MCRR:
	case AMV_INSN_MRRC:
		/* No 64-bit CP15 registers without LPAE (B4.1.155). */
		return i->cp == 15u ? undef(v, i) : -AMV_ENOTSUP;
	case AMV_INSN_VMRS:
	case AMV_INSN_VMSR:
		return emu_vfp_sys(v, i);
	case AMV_INSN_MRS_BANKED:
	case AMV_INSN_MSR_BANKED:
	case AMV_INSN_ERET:
	case AMV_INSN_HVC:
	case AMV_INSN_SMC:
		/* Virtualization / Security Extensions only: UNDEFINED on this
		 * core (B1.8.5). */
		return undef(v, i);
	default:
		return -AMV_ENOTSUP;
	}
}

/* ------------------------------------------------------------------ */
/* Single loads and stores for MMIO and write-protect exits            */

int amv_dataop_decode(const struct amv_vcpu *v, const struct amv_insn *i,
		      struct amv_dataop *a)
{
	uint32_t base;

	if (v == NULL || i == NULL || a == NULL)
		return -AMV_EINVAL;
	if ((i->cls != AMV_INSN_LDR && i->cls != AMV_INSN_STR) ||
	    i->size > 4u || i->rt == 15u || i->rn == 15u)
		return -AMV_ENOTSUP;
	base = amv_vcpu_get(v, i->rn);
	a->wback = base + ls_offset(v, i);
	a->va = (i->flags & AMV_INSN_F_INDEX) ? a->wback : base;
	a->size = i->size;
	a->write = i->cls == AMV_INSN_STR;
	a->sign = (i->flags & AMV_INSN_F_SIGNED) != 0;
	a->data = a->write ? amv_vcpu_get(v, i->rt) &
				     (i->size == 4u ? 0xffffffffu
						    : (1u << (8u * i->size)) - 1u)
			   : 0u;
	return 0;
}

int amv_dataop_complete(struct amv_vcpu *v, const struct amv_insn *i,
			const struct amv_dataop *a)
{
	if (v == NULL || i == NULL || a == NULL)
		return -AMV_EINVAL;
	if (!a->write)
		amv_vcpu_set(v, i->rt, extend(a->data, a->size, a->sign));
	/* Writeback (a load into the base register wins, A8.8.62). */
	if ((i->flags & AMV_INSN_F_WBACK) && (a->write || i->rn != i->rt))
		amv_vcpu_set(v, i->rn, a->wback);
	v->pc += 4u;
	return 0;
}
