/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Differential test: amv_decode() against Capstone 4.0.2 (CS_ARCH_ARM,
 * CS_MODE_ARM, detail on) for A32 words. See docs/decode-capstone.md.
 *
 *   decode_capstone                 structured sweep + random words
 *   decode_capstone --range S N     words S .. S+N-1 only (exhaustive runs)
 *   decode_capstone --show W...     print both decoders' view of words
 *
 * Options: --words N (random words; env AMV_DECODE_WORDS, which beats
 * --default-words N, the count ctest passes), --seed S (env
 * AMV_SEED), --no-sweep, --exceptions FILE, --report N (mismatches shown in
 * detail), --summary FILE (machine-readable summary, merged by
 * run-exhaustive.sh). Exit 0 when every disagreement is covered by
 * capstone-exceptions.txt, 1 otherwise, 2 on usage errors, 77 (skip) while
 * amv_decode() still returns -AMV_ENOTSUP for A32 (1 if AMV_NO_SKIP is set).
 */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <capstone/capstone.h>

#include <amv/decode.h>
#include <amv/error.h>

#include "cs_map.h"
#include "prng.h"

#ifndef CS_EXCEPTIONS_FILE
#define CS_EXCEPTIONS_FILE "capstone-exceptions.txt"
#endif

#define DEFAULT_WORDS 10000000u
#define CS_ADDR 0x10000000u /* address given to Capstone; PC reads +8 */
#define EXIT_SKIP 77

/* ------------------------------------------------------------ categories */

enum cat {
	CAT_CS_UNDEF,    /* amv decodes, Capstone rejects */
	CAT_AMV_UNDEF,   /* Capstone decodes, amv says UNDEFINED */
	CAT_CLASS,
	CAT_UNMAPPED,    /* Capstone id missing from cs_map.c */
	CAT_COND,
	CAT_RD, CAT_RN, CAT_RM, CAT_RS, CAT_RT, CAT_RT2,
	CAT_IMM, CAT_SHIFT, CAT_REGOFF, CAT_REGSHIFT,
	CAT_WBACK, CAT_INDEX, CAT_ADD, CAT_PU,
	CAT_REGLIST, CAT_USER, CAT_SIZE, CAT_SIGNED, CAT_SETFLAGS,
	CAT_CP, CAT_OPC1, CAT_CRN, CAT_CRD, CAT_CRM, CAT_OPC2,
	CAT_PSR, CAT_SPSR, CAT_SYSM, CAT_MODE, CAT_OP,
	CAT_CS_OPS,      /* Capstone operands not in the expected shape */
	CAT_SELF_FAST,   /* amv_decode_class() disagrees with amv_decode() */
	CAT_SELF_RANGE,  /* amv field out of its range */
	CAT_SELF_UNDEF,  /* class UNDEFINED without AMV_INSN_F_UNDEFINED */
	CAT_AMV_ERROR,   /* amv_decode() returned an error */
	CAT_COUNT
};

static const char *const cat_names[CAT_COUNT] = {
	"decode.cs-undef", "decode.amv-undef", "class", "class.unmapped",
	"cond",
	"op.rd", "op.rn", "op.rm", "op.rs", "op.rt", "op.rt2",
	"op.imm", "op.shift", "op.regoff", "op.regshift",
	"op.wback", "op.index", "op.add", "op.pu",
	"op.reglist", "op.user", "op.size", "op.signed", "op.setflags",
	"op.cp", "op.opc1", "op.crn", "op.crd", "op.crm", "op.opc2",
	"op.psr", "op.spsr", "op.sysm", "op.mode", "op.op",
	"cs.operands",
	"self.fast", "self.range", "self.undef-flag", "amv.error",
};

/* ------------------------------------------------------------ exceptions */

#define MAX_EXC 128
#define MAX_TERMS 4

enum term_kind { T_MASK, T_AMV, T_CS, T_FLAG };

struct exc {
	char id[64];
	char check[64];
	int verified;
	unsigned int nterms;
	struct {
		enum term_kind kind;
		uint32_t mask, value; /* T_MASK; T_AMV: value = class; T_FLAG */
		unsigned int cs_id;   /* T_CS */
	} t[MAX_TERMS];
	char reason[1024];
	uint64_t hits;
	uint32_t example;
};

/* ------------------------------------------------------------ state */

#define MAX_ISSUES 24
#define KIND_SLOTS 4096u /* power of two */

struct issue {
	enum cat cat;
	char text[64];
};

struct ctx {
	csh cs;
	cs_insn *ci;
	struct exc exc[MAX_EXC];
	unsigned int nexc;
	unsigned int report_max, reported;
	/* per word */
	uint32_t word;
	struct amv_insn in;
	int cs_ok;
	unsigned int cs_id;
	struct issue issues[MAX_ISSUES];
	unsigned int nissues;
	/* totals */
	uint64_t words, agree, both_undef, excused, mismatched;
	uint64_t cat_total[CAT_COUNT], cat_open[CAT_COUNT];
	uint64_t cls_words[AMV_INSN_CLASS_COUNT + 1];
	uint64_t cls_agree[AMV_INSN_CLASS_COUNT + 1];
	uint64_t cls_bad[AMV_INSN_CLASS_COUNT + 1];
	uint64_t cs_hits[ARM_INS_ENDING];
	FILE *mismatch_log;
	uint64_t logged, log_max; /* --mismatch-log lines, cap */
	/* unexcused mismatches by kind: first open category, amv class,
	 * Capstone id (open addressing; key 0 = empty) */
	struct kind {
		uint32_t key, example;
		uint64_t n;
	} kinds[KIND_SLOTS];
};

static void issue(struct ctx *c, enum cat cat, const char *fmt, ...)
{
	va_list ap;
	struct issue *is;

	if (c->nissues == MAX_ISSUES)
		return;
	is = &c->issues[c->nissues++];
	is->cat = cat;
	va_start(ap, fmt);
	vsnprintf(is->text, sizeof(is->text), fmt, ap);
	va_end(ap);
}

static void chk(struct ctx *c, enum cat cat, unsigned long amv, unsigned long exp)
{
	if (amv != exp)
		issue(c, cat, "%s amv=%#lx cs=%#lx", cat_names[cat], amv, exp);
}

/* ------------------------------------------------------------ Capstone views */

/* Core register number 0..15 of a Capstone register, or -1. APSR_nzcv is
 * the Rt = 15 form of MRC and VMRS. */
static int reg_num(int r)
{
	if (r >= ARM_REG_R0 && r <= ARM_REG_R12)
		return r - ARM_REG_R0;
	switch (r) {
	case ARM_REG_SP:
		return 13;
	case ARM_REG_LR:
		return 14;
	case ARM_REG_PC:
	case ARM_REG_APSR_NZCV:
		return 15;
	default:
		return -1;
	}
}

static unsigned int amv_reg(int r)
{
	int n = reg_num(r);

	return n < 0 ? 0x100u : (unsigned int)n; /* 0x100 never matches */
}

/* VMRS/VMSR special register number (A8.8.342, B6.1.1 encoding of reg). */
static int fp_sysreg_num(int r)
{
	switch (r) {
	case ARM_REG_FPSID: return 0;
	case ARM_REG_FPSCR: return 1;
	case ARM_REG_MVFR2: return 5;
	case ARM_REG_MVFR1: return 6;
	case ARM_REG_MVFR0: return 7;
	case ARM_REG_FPEXC: return 8;
	case ARM_REG_FPINST: return 9;
	case ARM_REG_FPINST2: return 10;
	default: return -1;
	}
}

/* Banked register SYSm (B9.2.3) and R of a Capstone banked sysreg. */
static int banked_sysm(int sr, int *r)
{
	static const struct {
		int sr;
		uint8_t sysm, r;
	} tab[] = {
		{ARM_SYSREG_R8_USR, 0, 0}, {ARM_SYSREG_R9_USR, 1, 0},
		{ARM_SYSREG_R10_USR, 2, 0}, {ARM_SYSREG_R11_USR, 3, 0},
		{ARM_SYSREG_R12_USR, 4, 0}, {ARM_SYSREG_SP_USR, 5, 0},
		{ARM_SYSREG_LR_USR, 6, 0}, {ARM_SYSREG_R8_FIQ, 8, 0},
		{ARM_SYSREG_R9_FIQ, 9, 0}, {ARM_SYSREG_R10_FIQ, 10, 0},
		{ARM_SYSREG_R11_FIQ, 11, 0}, {ARM_SYSREG_R12_FIQ, 12, 0},
		{ARM_SYSREG_SP_FIQ, 13, 0}, {ARM_SYSREG_LR_FIQ, 14, 0},
		{ARM_SYSREG_LR_IRQ, 16, 0}, {ARM_SYSREG_SP_IRQ, 17, 0},
		{ARM_SYSREG_LR_SVC, 18, 0}, {ARM_SYSREG_SP_SVC, 19, 0},
		{ARM_SYSREG_LR_ABT, 20, 0}, {ARM_SYSREG_SP_ABT, 21, 0},
		{ARM_SYSREG_LR_UND, 22, 0}, {ARM_SYSREG_SP_UND, 23, 0},
		{ARM_SYSREG_LR_MON, 28, 0}, {ARM_SYSREG_SP_MON, 29, 0},
		{ARM_SYSREG_ELR_HYP, 30, 0}, {ARM_SYSREG_SP_HYP, 31, 0},
		{ARM_SYSREG_SPSR_FIQ, 14, 1}, {ARM_SYSREG_SPSR_IRQ, 16, 1},
		{ARM_SYSREG_SPSR_SVC, 18, 1}, {ARM_SYSREG_SPSR_ABT, 20, 1},
		{ARM_SYSREG_SPSR_UND, 22, 1}, {ARM_SYSREG_SPSR_MON, 28, 1},
		{ARM_SYSREG_SPSR_HYP, 30, 1},
	};
	unsigned int i;

	*r = 0;
	for (i = 0; i < sizeof(tab) / sizeof(tab[0]); i++)
		if (tab[i].sr == sr) {
			*r = tab[i].r;
			return tab[i].sysm;
		}
	return -1;
}

static int is_banked_sysreg(int sr)
{
	return sr >= ARM_SYSREG_R8_USR && sr <= ARM_SYSREG_SPSR_HYP;
}

static unsigned int shift_of(arm_shifter t)
{
	switch (t) {
	case ARM_SFT_LSL: case ARM_SFT_LSL_REG: return AMV_SHIFT_LSL;
	case ARM_SFT_LSR: case ARM_SFT_LSR_REG: return AMV_SHIFT_LSR;
	case ARM_SFT_ASR: case ARM_SFT_ASR_REG: return AMV_SHIFT_ASR;
	case ARM_SFT_ROR: case ARM_SFT_ROR_REG: return AMV_SHIFT_ROR;
	case ARM_SFT_RRX: case ARM_SFT_RRX_REG: return AMV_SHIFT_RRX;
	default: return AMV_SHIFT_LSL; /* no shift: LSL #0 */
	}
}

static int is_reg_shift(arm_shifter t)
{
	return t >= ARM_SFT_ASR_REG;
}

static uint32_t ror32(uint32_t v, unsigned int n)
{
	n &= 31u;
	return n == 0 ? v : (v >> n) | (v << (32u - n));
}

#define FL(f) ((c->in.flags & (f)) != 0)

/* Check a shifted-register operand: Rm with an immediate or register shift.
 * decode.h: the amount as executed (LSR/ASR #32 is 32, RRX is 1). */
static void chk_shifted_reg(struct ctx *c, const cs_arm_op *o)
{
	unsigned int st = shift_of(o->shift.type);

	chk(c, CAT_RM, c->in.rm, amv_reg(o->reg));
	chk(c, CAT_SHIFT, c->in.shift_type, st);
	if (is_reg_shift(o->shift.type)) {
		chk(c, CAT_REGSHIFT, FL(AMV_INSN_F_REG_SHIFT), 1);
		chk(c, CAT_RS, c->in.rs, amv_reg((int)o->shift.value));
	} else {
		chk(c, CAT_REGSHIFT, FL(AMV_INSN_F_REG_SHIFT), 0);
		chk(c, CAT_RS, c->in.rs, AMV_REG_NONE);
		chk(c, CAT_SHIFT, c->in.shift_imm, st == AMV_SHIFT_RRX ? 1u : o->shift.value);
	}
}

/* Data-processing second operand from operand index i. */
static void chk_op2(struct ctx *c, const cs_arm *d, unsigned int i)
{
	if (i >= d->op_count) {
		issue(c, CAT_CS_OPS, "no op2");
		return;
	}
	if (d->operands[i].type == ARM_OP_IMM) {
		uint32_t v = (uint32_t)d->operands[i].imm;

		/* "#imm8, #rot": LLVM prints non-canonical rotations so */
		if (i + 1 < d->op_count && d->operands[i + 1].type == ARM_OP_IMM)
			v = ror32(v, (unsigned int)d->operands[i + 1].imm);
		chk(c, CAT_IMM, c->in.imm, v);
		chk(c, CAT_REGOFF, FL(AMV_INSN_F_REG_OFFSET), 0);
		chk(c, CAT_RM, c->in.rm, AMV_REG_NONE);
		chk(c, CAT_RS, c->in.rs, AMV_REG_NONE);
	} else if (d->operands[i].type == ARM_OP_REG) {
		chk(c, CAT_REGOFF, FL(AMV_INSN_F_REG_OFFSET), 1);
		chk_shifted_reg(c, &d->operands[i]);
	} else {
		issue(c, CAT_CS_OPS, "op2 type %d", d->operands[i].type);
	}
}

static int op_is(const cs_arm *d, unsigned int i, arm_op_type t)
{
	return i < d->op_count && d->operands[i].type == t;
}

/* The S bit as Capstone shows it. Its update_flags is also set for ADC,
 * SBC and RSC without S (the carry read counted as a flag update, A8.8.1:
 * setflags = (S == '1')); for those the mnemonic decides ("adcs" vs
 * "adc"). */
static unsigned long cs_setflags(const struct ctx *c, const cs_arm *d)
{
	switch (c->cs_id) {
	case ARM_INS_ADC:
	case ARM_INS_SBC:
	case ARM_INS_RSC:
		return c->ci->mnemonic[3] == 's';
	default:
		return d->update_flags;
	}
}

/* Register operand i as an amv register number (0x100 if absent). */
static unsigned int opreg(const cs_arm *d, unsigned int i)
{
	return op_is(d, i, ARM_OP_REG) ? amv_reg(d->operands[i].reg) : 0x100u;
}

static uint32_t opimm(const cs_arm *d, unsigned int i)
{
	return (uint32_t)d->operands[i].imm;
}

/* Memory operand at i and an optional post-index operand after it:
 * base, offset (imm magnitude / Rm + shift), U, P, W. Capstone 4.0.2
 * marks a negative offset in three ways (disp < 0, subtracted, scale -1)
 * and in some forms only in op_str ("#-0", LDRHT & co.). */
static void chk_mem(struct ctx *c, const cs_arm *d, unsigned int i, int wback)
{
	const cs_arm_op *m, *post = NULL;

	if (!op_is(d, i, ARM_OP_MEM)) {
		issue(c, CAT_CS_OPS, "no mem operand at %u", i);
		return;
	}
	m = &d->operands[i];
	if (i + 1 < d->op_count)
		post = &d->operands[i + 1];
	/* Post-indexing always writes back (A8.8.62 and the other single
	 * loads/stores: wback = (P == '0') || (W == '1')); Capstone's
	 * writeback field is 0 for post-indexed LDRB/STRB (register) and the
	 * T forms. */
	if (post != NULL)
		wback = 1;
	chk(c, CAT_RN, c->in.rn, amv_reg((int)m->mem.base));
	chk(c, CAT_INDEX, FL(AMV_INSN_F_INDEX), post == NULL);
	chk(c, CAT_WBACK, FL(AMV_INSN_F_WBACK), (unsigned long)wback);
	if (post == NULL && m->mem.index != ARM_REG_INVALID) {
		chk(c, CAT_REGOFF, FL(AMV_INSN_F_REG_OFFSET), 1);
		chk(c, CAT_RM, c->in.rm, amv_reg((int)m->mem.index));
		chk(c, CAT_ADD, FL(AMV_INSN_F_ADD), !(m->subtracted || m->mem.scale < 0));
		chk(c, CAT_SHIFT, c->in.shift_type, shift_of(m->shift.type));
		chk(c, CAT_SHIFT, c->in.shift_imm,
		    m->shift.type == ARM_SFT_RRX ? 1u : m->shift.value);
	} else if (post == NULL) {
		int32_t disp = m->mem.disp;
		/* "#-0" keeps its sign only in op_str */
		int neg = disp < 0 || m->subtracted || strstr(c->ci->op_str, ", #-") != NULL;

		chk(c, CAT_REGOFF, FL(AMV_INSN_F_REG_OFFSET), 0);
		chk(c, CAT_IMM, c->in.imm, disp < 0 ? 0u - (uint32_t)disp : (uint32_t)disp);
		chk(c, CAT_ADD, FL(AMV_INSN_F_ADD), !neg);
	} else if (post->type == ARM_OP_IMM) {
		int32_t v = post->imm;
		/* LDRHT & co. print "#-imm" with a positive, unsubtracted
		 * operand: the sign is in op_str only */
		int neg = v < 0 || post->subtracted || strstr(c->ci->op_str, "], #-") != NULL;

		chk(c, CAT_REGOFF, FL(AMV_INSN_F_REG_OFFSET), 0);
		chk(c, CAT_IMM, c->in.imm, v < 0 ? 0u - (uint32_t)v : (uint32_t)v);
		chk(c, CAT_ADD, FL(AMV_INSN_F_ADD), !neg);
	} else if (post->type == ARM_OP_REG) {
		/* as above: "-Rm" with subtracted false for LDRHT & co. */
		int neg = post->subtracted || strstr(c->ci->op_str, "], -") != NULL;

		chk(c, CAT_REGOFF, FL(AMV_INSN_F_REG_OFFSET), 1);
		chk(c, CAT_RM, c->in.rm, amv_reg(post->reg));
		chk(c, CAT_ADD, FL(AMV_INSN_F_ADD), !neg);
		chk(c, CAT_SHIFT, c->in.shift_type, shift_of(post->shift.type));
		chk(c, CAT_SHIFT, c->in.shift_imm,
		    post->shift.type == ARM_SFT_RRX ? 1u : post->shift.value);
	} else {
		issue(c, CAT_CS_OPS, "post operand type %d", post->type);
	}
}

static unsigned int reglist_from(const cs_arm *d, unsigned int from)
{
	unsigned int i, l = 0;

	for (i = from; i < d->op_count; i++) {
		int n = op_is(d, i, ARM_OP_REG) ? reg_num(d->operands[i].reg) : -1;

		if (n < 0)
			return 0x10000u; /* never matches */
		l |= 1u << n;
	}
	return l;
}

static void chk_pu(struct ctx *c, unsigned int f)
{
	chk(c, CAT_PU, (FL(AMV_INSN_F_INDEX) ? 2u : 0u) | (FL(AMV_INSN_F_ADD) ? 1u : 0u),
	    ((f & CSM_P) ? 2u : 0u) | ((f & CSM_U) ? 1u : 0u));
}

/* VDUP (ARM core register) and VMOV between a core register and a scalar
 * (A7.8): Advanced SIMD instructions encoded in the conditional CP10/CP11
 * space. */
static int cs_simd_xfer(unsigned int id, const cs_arm *d)
{
	unsigned int i;

	if (id == ARM_INS_VDUP)
		return 1;
	if (id != ARM_INS_VMOV)
		return 0;
	for (i = 0; i < d->op_count; i++)
		if (d->operands[i].neon_lane != -1 || d->operands[i].vector_index != -1)
			return 1;
	return 0;
}

/* Expected class of a Capstone decode. */
static unsigned int expected_class(const struct cs_map_row *row, const cs_arm *d,
				   uint32_t w)
{
	switch (row->cls) {
	case CSMAP_SIMD:
		return (w >> 28) == 0xfu ? AMV_INSN_NEON : AMV_INSN_VFP;
	case CSMAP_BY_OPS:
		if (row->kind == K_BLX)
			return op_is(d, 0, ARM_OP_IMM) ? AMV_INSN_BLX_IMM : AMV_INSN_BLX_REG;
		if (row->kind == K_MRS)
			return op_is(d, 1, ARM_OP_SYSREG) ? AMV_INSN_MRS_BANKED : AMV_INSN_MRS;
		/* MSR */
		return op_is(d, 0, ARM_OP_SYSREG) && is_banked_sysreg(d->operands[0].reg)
			? AMV_INSN_MSR_BANKED : AMV_INSN_MSR;
	case AMV_INSN_LDM:
	case AMV_INSN_STM:
		if (row->kind == K_PUSHPOP && d->op_count == 1)
			return row->cls == AMV_INSN_LDM ? AMV_INSN_LDR : AMV_INSN_STR;
		return row->cls;
	default:
		return row->cls;
	}
}

/* Operand comparison for one Capstone layout. */
static void compare_operands(struct ctx *c, const struct cs_map_row *row,
			     const cs_arm *d)
{
	const struct amv_insn *a = &c->in;
	unsigned int n = d->op_count;
	int sr, r;

	switch ((enum cs_kind)row->kind) {
	case K_CLASSONLY:
		if (row->cls == AMV_INSN_NOP)
			chk(c, CAT_OP, a->op, row->op);
		break;
	case K_DP_RD_RN:
		chk(c, CAT_OP, a->op, row->op);
		chk(c, CAT_RD, a->rd, opreg(d, 0));
		chk(c, CAT_RN, a->rn, opreg(d, 1));
		chk_op2(c, d, 2);
		chk(c, CAT_SETFLAGS, FL(AMV_INSN_F_SETFLAGS), cs_setflags(c, d));
		break;
	case K_DP_RD:
		chk(c, CAT_OP, a->op, row->op);
		chk(c, CAT_RD, a->rd, opreg(d, 0));
		chk(c, CAT_RN, a->rn, AMV_REG_NONE);
		chk_op2(c, d, 1);
		chk(c, CAT_SETFLAGS, FL(AMV_INSN_F_SETFLAGS), cs_setflags(c, d));
		break;
	case K_DP_RN:
		chk(c, CAT_OP, a->op, row->op);
		chk(c, CAT_RD, a->rd, AMV_REG_NONE);
		chk(c, CAT_RN, a->rn, opreg(d, 0));
		chk_op2(c, d, 1);
		chk(c, CAT_SETFLAGS, FL(AMV_INSN_F_SETFLAGS), 1);
		break;
	case K_SHIFT: {
		/* LSL/LSR/ASR/ROR Rd, Rm, #n (shift kept on Rm) or Rd, Rm, Rs;
		 * RRX Rd, Rm */
		unsigned int st;

		switch (c->cs_id) {
		case ARM_INS_LSL: st = AMV_SHIFT_LSL; break;
		case ARM_INS_LSR: st = AMV_SHIFT_LSR; break;
		case ARM_INS_ASR: st = AMV_SHIFT_ASR; break;
		case ARM_INS_ROR: st = AMV_SHIFT_ROR; break;
		default: st = AMV_SHIFT_RRX; break;
		}
		chk(c, CAT_OP, a->op, AMV_DP_MOV);
		chk(c, CAT_RD, a->rd, opreg(d, 0));
		chk(c, CAT_RN, a->rn, AMV_REG_NONE);
		chk(c, CAT_RM, a->rm, opreg(d, 1));
		chk(c, CAT_REGOFF, FL(AMV_INSN_F_REG_OFFSET), 1);
		chk(c, CAT_SHIFT, a->shift_type, st);
		if (n == 3 && op_is(d, 2, ARM_OP_REG)) {
			chk(c, CAT_REGSHIFT, FL(AMV_INSN_F_REG_SHIFT), 1);
			chk(c, CAT_RS, a->rs, opreg(d, 2));
		} else {
			unsigned int amt = n == 3 && op_is(d, 2, ARM_OP_IMM)
				? opimm(d, 2) : d->operands[1].shift.value;

			chk(c, CAT_REGSHIFT, FL(AMV_INSN_F_REG_SHIFT), 0);
			chk(c, CAT_RS, a->rs, AMV_REG_NONE);
			chk(c, CAT_SHIFT, a->shift_imm, st == AMV_SHIFT_RRX ? 1u : amt);
		}
		chk(c, CAT_SETFLAGS, FL(AMV_INSN_F_SETFLAGS), cs_setflags(c, d));
		break;
	}
	case K_MOVW:
		chk(c, CAT_RD, a->rd, opreg(d, 0));
		if (op_is(d, 1, ARM_OP_IMM))
			chk(c, CAT_IMM, a->imm, opimm(d, 1));
		break;
	case K_MUL3:
	case K_MUL4:
	case K_DIV:
		chk(c, CAT_RD, a->rd, opreg(d, 0));
		chk(c, CAT_RN, a->rn, opreg(d, 1));
		chk(c, CAT_RM, a->rm, opreg(d, 2));
		if (row->kind == K_MUL4)
			chk(c, CAT_RS, a->rs, opreg(d, 3));
		if (row->kind != K_DIV)
			chk(c, CAT_SETFLAGS, FL(AMV_INSN_F_SETFLAGS), cs_setflags(c, d));
		break;
	case K_MULL:
		chk(c, CAT_RD, a->rd, opreg(d, 0));
		chk(c, CAT_RS, a->rs, opreg(d, 1));
		chk(c, CAT_RN, a->rn, opreg(d, 2));
		chk(c, CAT_RM, a->rm, opreg(d, 3));
		chk(c, CAT_SETFLAGS, FL(AMV_INSN_F_SETFLAGS), cs_setflags(c, d));
		break;
	case K_MEDIA:
		chk(c, CAT_RD, a->rd, opreg(d, 0));
		break;
	case K_BITFIELD: {
		unsigned int i = c->cs_id == ARM_INS_BFC ? 1u : 2u;

		chk(c, CAT_RD, a->rd, opreg(d, 0));
		if (op_is(d, i, ARM_OP_IMM) && op_is(d, i + 1, ARM_OP_IMM))
			chk(c, CAT_IMM, a->imm, opimm(d, i) | opimm(d, i + 1) << 8);
		break;
	}
	case K_LS:
	case K_LSD: {
		unsigned int m = row->kind == K_LSD ? 2u : 1u;
		int wb = d->writeback; /* post-indexed forms: see chk_mem() */

		chk(c, CAT_RT, a->rt, opreg(d, 0));
		if (row->kind == K_LSD)
			chk(c, CAT_RT2, a->rt2, opreg(d, 1));
		chk_mem(c, d, m, wb);
		chk(c, CAT_SIZE, a->size, row->size);
		chk(c, CAT_SIGNED, FL(AMV_INSN_F_SIGNED), (row->flags & CSM_SIGNED) != 0);
		break;
	}
	case K_PUSHPOP:
		/* PUSH is STMDB SP! / STR Rt, [SP, #-4]!; POP is LDM SP! / LDR
		 * Rt, [SP], #4 (A8.8.131-A8.8.133): the writeback is implied
		 * by the alias (Capstone's writeback field is 0 for the LDM/STM
		 * forms). */
		chk(c, CAT_RN, a->rn, 13);
		chk(c, CAT_WBACK, FL(AMV_INSN_F_WBACK), 1);
		if (n == 1) {
			int push = (row->flags & CSM_STORE) != 0;

			chk(c, CAT_RT, a->rt, opreg(d, 0));
			chk(c, CAT_IMM, a->imm, 4);
			chk(c, CAT_INDEX, FL(AMV_INSN_F_INDEX), push != 0);
			chk(c, CAT_ADD, FL(AMV_INSN_F_ADD), push == 0);
			chk(c, CAT_SIZE, a->size, 4);
		} else {
			chk(c, CAT_REGLIST, a->reglist, reglist_from(d, 0));
			chk_pu(c, row->flags);
		}
		break;
	case K_LDM:
		chk(c, CAT_RN, a->rn, opreg(d, 0));
		chk(c, CAT_REGLIST, a->reglist, reglist_from(d, 1));
		chk(c, CAT_WBACK, FL(AMV_INSN_F_WBACK), d->writeback);
		chk(c, CAT_USER, FL(AMV_INSN_F_USER_REGS | AMV_INSN_F_EXC_RETURN), d->usermode);
		chk_pu(c, row->flags);
		break;
	case K_LDREX:
		chk(c, CAT_RT, a->rt, opreg(d, 0));
		if (n == 3)
			chk(c, CAT_RT2, a->rt2, opreg(d, 1));
		if (op_is(d, n - 1, ARM_OP_MEM))
			chk(c, CAT_RN, a->rn, amv_reg((int)d->operands[n - 1].mem.base));
		chk(c, CAT_SIZE, a->size, row->size);
		break;
	case K_STREX:
		chk(c, CAT_RD, a->rd, opreg(d, 0));
		chk(c, CAT_RT, a->rt, opreg(d, 1));
		if (n == 4)
			chk(c, CAT_RT2, a->rt2, opreg(d, 2));
		if (op_is(d, n - 1, ARM_OP_MEM))
			chk(c, CAT_RN, a->rn, amv_reg((int)d->operands[n - 1].mem.base));
		chk(c, CAT_SIZE, a->size, row->size);
		break;
	case K_SWP:
		/* SWP Rt, Rt2, [Rn]: Rt2 (bits [3:0]) in rt2 or rm */
		chk(c, CAT_RT, a->rt, opreg(d, 0));
		if (a->rt2 != opreg(d, 1))
			chk(c, CAT_RT2, a->rm, opreg(d, 1));
		if (op_is(d, 2, ARM_OP_MEM))
			chk(c, CAT_RN, a->rn, amv_reg((int)d->operands[2].mem.base));
		chk(c, CAT_SIZE, a->size, row->size);
		break;
	case K_PLD:
		if (!op_is(d, 0, ARM_OP_MEM)) {
			issue(c, CAT_CS_OPS, "pld without mem");
			break;
		}
		{
			const cs_arm_op *m = &d->operands[0];

			chk(c, CAT_RN, a->rn, amv_reg((int)m->mem.base));
			if (m->mem.index != ARM_REG_INVALID) {
				chk(c, CAT_REGOFF, FL(AMV_INSN_F_REG_OFFSET), 1);
				chk(c, CAT_RM, a->rm, amv_reg((int)m->mem.index));
				chk(c, CAT_ADD, FL(AMV_INSN_F_ADD),
				    !(m->subtracted || m->mem.scale < 0));
			} else {
				int32_t disp = m->mem.disp;

				chk(c, CAT_REGOFF, FL(AMV_INSN_F_REG_OFFSET), 0);
				chk(c, CAT_IMM, a->imm,
				    disp < 0 ? 0u - (uint32_t)disp : (uint32_t)disp);
				chk(c, CAT_ADD, FL(AMV_INSN_F_ADD),
				    !(disp < 0 || m->subtracted ||
				      strstr(c->ci->op_str, ", #-") != NULL));
			}
		}
		break;
	case K_MRS:
		chk(c, CAT_RD, a->rd, opreg(d, 0));
		if (op_is(d, 1, ARM_OP_SYSREG)) {
			sr = banked_sysm(d->operands[1].reg, &r);
			chk(c, CAT_SYSM, a->sysm, (unsigned long)sr);
			chk(c, CAT_SPSR, FL(AMV_INSN_F_SPSR), (unsigned long)r);
		} else if (op_is(d, 1, ARM_OP_REG)) {
			chk(c, CAT_SPSR, FL(AMV_INSN_F_SPSR), d->operands[1].reg == ARM_REG_SPSR);
		}
		break;
	case K_MSR:
		if (op_is(d, 0, ARM_OP_REG) && (d->operands[0].reg == ARM_REG_SPSR ||
						d->operands[0].reg == ARM_REG_CPSR)) {
			/* mask == 0b0000: Capstone prints plain "spsr"/"cpsr" */
			chk(c, CAT_PSR, a->psr_mask, 0);
			chk(c, CAT_SPSR, FL(AMV_INSN_F_SPSR), d->operands[0].reg == ARM_REG_SPSR);
			break;
		}
		if (!op_is(d, 0, ARM_OP_SYSREG) &&
		    !(op_is(d, 0, ARM_OP_REG) && n == 2)) {
			/* mask == 0b0000 with R = 1: Capstone drops the PSR
			 * operand ("msr spsr, Rn" lists only Rn or the
			 * immediate) */
			chk(c, CAT_PSR, a->psr_mask, 0);
			if (op_is(d, 0, ARM_OP_REG))
				chk(c, CAT_RN, a->rn, opreg(d, 0));
			else if (op_is(d, 0, ARM_OP_IMM))
				chk(c, CAT_IMM, a->imm, op_is(d, 1, ARM_OP_IMM)
				    ? ror32(opimm(d, 0), opimm(d, 1)) : opimm(d, 0));
			break;
		}
		if (!op_is(d, 0, ARM_OP_SYSREG)) {
			issue(c, CAT_CS_OPS, "msr without sysreg");
			break;
		}
		sr = d->operands[0].reg;
		if (is_banked_sysreg(sr)) {
			int s = banked_sysm(sr, &r);

			chk(c, CAT_SYSM, a->sysm, (unsigned long)s);
			chk(c, CAT_SPSR, FL(AMV_INSN_F_SPSR), (unsigned long)r);
			chk(c, CAT_RN, a->rn, opreg(d, 1));
			break;
		}
		{
			unsigned int mask, spsr = 0;

			if (sr >= ARM_SYSREG_APSR) {
				mask = sr == ARM_SYSREG_APSR_G ? AMV_PSR_S
				     : sr == ARM_SYSREG_APSR_NZCVQ ? AMV_PSR_F
				     : sr == ARM_SYSREG_APSR_NZCVQG ? AMV_PSR_F | AMV_PSR_S
				     : 0x100u;
			} else if (sr & 0xf) {
				mask = (unsigned int)sr & 0xfu;
				spsr = 1;
			} else {
				mask = ((unsigned int)sr >> 4) & 0xfu;
			}
			chk(c, CAT_PSR, a->psr_mask, mask);
			chk(c, CAT_SPSR, FL(AMV_INSN_F_SPSR), spsr);
			if (op_is(d, 1, ARM_OP_REG))
				chk(c, CAT_RN, a->rn, opreg(d, 1));
			else if (op_is(d, 1, ARM_OP_IMM))
				chk(c, CAT_IMM, a->imm, op_is(d, 2, ARM_OP_IMM)
				    ? ror32(opimm(d, 1), opimm(d, 2)) : opimm(d, 1));
		}
		break;
	case K_CPS:
		chk(c, CAT_OP, a->op, d->cps_mode == ARM_CPSMODE_INVALID ? 0u
					: (unsigned int)d->cps_mode);
		chk(c, CAT_PSR, a->psr_mask, (unsigned int)d->cps_flag & 7u);
		chk(c, CAT_MODE, a->mode, op_is(d, 0, ARM_OP_IMM) ? opimm(d, 0) : 0u);
		break;
	case K_SETEND:
		if (op_is(d, 0, ARM_OP_SETEND))
			chk(c, CAT_IMM, a->imm, d->operands[0].setend == ARM_SETEND_BE);
		break;
	case K_SRS:
		chk(c, CAT_MODE, a->mode, op_is(d, 0, ARM_OP_IMM) ? opimm(d, 0) : 0x100u);
		chk(c, CAT_WBACK, FL(AMV_INSN_F_WBACK), d->writeback);
		chk_pu(c, row->flags);
		break;
	case K_RFE:
		chk(c, CAT_RN, a->rn, opreg(d, 0));
		chk(c, CAT_WBACK, FL(AMV_INSN_F_WBACK), d->writeback);
		chk_pu(c, row->flags);
		break;
	case K_IMM:
		if (op_is(d, 0, ARM_OP_IMM))
			chk(c, CAT_IMM, a->imm, opimm(d, 0));
		break;
	case K_HINT:
		if (op_is(d, 0, ARM_OP_IMM))
			chk(c, CAT_OP, a->op, opimm(d, 0));
		break;
	case K_BARRIER:
		if (d->mem_barrier != ARM_MB_INVALID)
			chk(c, CAT_IMM, a->imm, (unsigned int)d->mem_barrier - 1u);
		break;
	case K_ISB: {
		/* Capstone leaves mem_barrier 0 for ISB; read op_str */
		const char *s = c->ci->op_str;

		if (strcmp(s, "sy") == 0)
			chk(c, CAT_IMM, a->imm, 15);
		else if (s[0] == '#')
			chk(c, CAT_IMM, a->imm, strtoul(s + 1, NULL, 0));
		break;
	}
	case K_BRANCH:
		if (op_is(d, 0, ARM_OP_IMM))
			chk(c, CAT_IMM, a->imm, opimm(d, 0) - (CS_ADDR + 8u));
		break;
	case K_BLX:
		if (op_is(d, 0, ARM_OP_IMM))
			chk(c, CAT_IMM, a->imm, opimm(d, 0) - (CS_ADDR + 8u));
		else
			chk(c, CAT_RM, a->rm, opreg(d, 0));
		break;
	case K_BXREG:
		chk(c, CAT_RM, a->rm, opreg(d, 0));
		break;
	case K_MCR:
		if (n != 6) {
			issue(c, CAT_CS_OPS, "mcr with %u operands", n);
			break;
		}
		chk(c, CAT_CP, a->cp, opimm(d, 0));
		chk(c, CAT_OPC1, a->opc1, opimm(d, 1));
		chk(c, CAT_RT, a->rt, opreg(d, 2));
		chk(c, CAT_CRN, a->crn, opimm(d, 3));
		chk(c, CAT_CRM, a->crm, opimm(d, 4));
		chk(c, CAT_OPC2, a->opc2, opimm(d, 5));
		break;
	case K_MCRR:
		if (n != 5) {
			issue(c, CAT_CS_OPS, "mcrr with %u operands", n);
			break;
		}
		chk(c, CAT_CP, a->cp, opimm(d, 0));
		chk(c, CAT_OPC1, a->opc1, opimm(d, 1));
		chk(c, CAT_RT, a->rt, opreg(d, 2));
		chk(c, CAT_RT2, a->rt2, opreg(d, 3));
		chk(c, CAT_CRM, a->crm, opimm(d, 4));
		break;
	case K_CDP:
		if (n != 6) {
			issue(c, CAT_CS_OPS, "cdp with %u operands", n);
			break;
		}
		chk(c, CAT_CP, a->cp, opimm(d, 0));
		chk(c, CAT_OPC1, a->opc1, opimm(d, 1));
		chk(c, CAT_CRD, a->crd, opimm(d, 2));
		chk(c, CAT_CRN, a->crn, opimm(d, 3));
		chk(c, CAT_CRM, a->crm, opimm(d, 4));
		chk(c, CAT_OPC2, a->opc2, opimm(d, 5));
		break;
	case K_LDC:
		if (n < 3 || !op_is(d, 2, ARM_OP_MEM)) {
			issue(c, CAT_CS_OPS, "ldc operands");
			break;
		}
		chk(c, CAT_CP, a->cp, opimm(d, 0));
		chk(c, CAT_CRD, a->crd, opimm(d, 1));
		chk(c, CAT_OPC1, a->opc1, (row->flags & CSM_LONG) != 0); /* D */
		if (n == 4 && !d->writeback) {
			/* unindexed: [Rn], {option}; decode.h: option in imm */
			chk(c, CAT_RN, a->rn, amv_reg((int)d->operands[2].mem.base));
			chk(c, CAT_INDEX, FL(AMV_INSN_F_INDEX), 0);
			chk(c, CAT_WBACK, FL(AMV_INSN_F_WBACK), 0);
			if (op_is(d, 3, ARM_OP_IMM))
				chk(c, CAT_IMM, a->imm, opimm(d, 3));
		} else {
			chk_mem(c, d, 2, d->writeback);
		}
		break;
	case K_VMRS:
		chk(c, CAT_RT, a->rt, opreg(d, 0));
		if (op_is(d, 1, ARM_OP_REG))
			chk(c, CAT_CRN, a->crn, (unsigned long)fp_sysreg_num(d->operands[1].reg));
		break;
	case K_VMSR:
		chk(c, CAT_RT, a->rt, opreg(d, 1));
		if (op_is(d, 0, ARM_OP_REG))
			chk(c, CAT_CRN, a->crn, (unsigned long)fp_sysreg_num(d->operands[0].reg));
		break;
	}
}

/* ------------------------------------------------------------ amv checks */

#define CLASS_FLAGS (AMV_INSN_F_PRIVILEGED | AMV_INSN_F_SENSITIVE | \
		     AMV_INSN_F_EXC_RETURN | AMV_INSN_F_UNPREDICTABLE | \
		     AMV_INSN_F_UNDEFINED)

static int reg_ok(uint8_t r)
{
	return r <= 15 || r == AMV_REG_NONE;
}

static void self_checks(struct ctx *c)
{
	const struct amv_insn *a = &c->in;
	uint32_t fl = 0;
	int k = amv_decode_class(AMV_ISA_A32, c->word, &fl);

	if (k != (int)a->cls || (fl & CLASS_FLAGS) != (a->flags & CLASS_FLAGS))
		issue(c, CAT_SELF_FAST, "decode_class=%d/%#x decode=%u/%#x", k,
		      (unsigned int)(fl & CLASS_FLAGS), a->cls,
		      (unsigned int)(a->flags & CLASS_FLAGS));
	if (a->raw != c->word || a->isa != AMV_ISA_A32 || a->cls >= AMV_INSN_CLASS_COUNT ||
	    !reg_ok(a->rd) || !reg_ok(a->rn) || !reg_ok(a->rm) || !reg_ok(a->rs) ||
	    !reg_ok(a->rt) || !reg_ok(a->rt2) ||
	    (a->size != 0 && a->size != 1 && a->size != 2 && a->size != 4 && a->size != 8) ||
	    a->cond > 15 || a->shift_type > AMV_SHIFT_RRX || a->cp > 15 || a->crn > 15 || a->crd > 15 ||
	    a->crm > 15 || a->opc1 > 15 || a->opc2 > 7 || a->mode > 31)
		issue(c, CAT_SELF_RANGE, "field out of range");
	/* decode.h: UNDEFINED encodings are class UNDEFINED with the flag */
	if (a->cls == AMV_INSN_UNDEFINED && !(a->flags & AMV_INSN_F_UNDEFINED))
		issue(c, CAT_SELF_UNDEF, "class UNDEFINED without F_UNDEFINED");
}

/* ------------------------------------------------------------ exceptions */

/* CHECK is '*' or a ','-separated list of categories or prefixes */
static int check_matches(const char *check, const char *cn)
{
	const char *p = check;

	if (strcmp(check, "*") == 0)
		return 1;
	while (*p != '\0') {
		size_t l = strcspn(p, ",");

		if (strncmp(cn, p, l) == 0 && (cn[l] == '\0' || cn[l] == '.'))
			return 1;
		p += l;
		if (*p == ',')
			p++;
	}
	return 0;
}

static int exc_matches(const struct ctx *c, const struct exc *e, enum cat cat)
{
	unsigned int i;

	if (!check_matches(e->check, cat_names[cat]))
		return 0;
	for (i = 0; i < e->nterms; i++) {
		switch (e->t[i].kind) {
		case T_MASK:
			if ((c->word & e->t[i].mask) != e->t[i].value)
				return 0;
			break;
		case T_AMV:
			if (c->in.cls != e->t[i].value)
				return 0;
			break;
		case T_CS:
			if (!c->cs_ok || c->cs_id != e->t[i].cs_id)
				return 0;
			break;
		case T_FLAG:
			if ((c->in.flags & e->t[i].mask) == 0)
				return 0;
			break;
		}
	}
	return 1;
}

static unsigned int cs_id_by_name(csh h, const char *name)
{
	unsigned int id;

	for (id = 1; id < ARM_INS_ENDING; id++) {
		const char *n = cs_insn_name(h, id);

		if (n != NULL && strcmp(n, name) == 0)
			return id;
	}
	return 0;
}

static int parse_term(struct ctx *c, struct exc *e, char *s)
{
	static const struct {
		const char *name;
		uint32_t f;
	} flags[] = {
		{"UNPREDICTABLE", AMV_INSN_F_UNPREDICTABLE},
		{"UNDEFINED", AMV_INSN_F_UNDEFINED},
		{"PRIVILEGED", AMV_INSN_F_PRIVILEGED},
		{"SENSITIVE", AMV_INSN_F_SENSITIVE},
		{"UNCOND", AMV_INSN_F_UNCOND},
	};
	unsigned int i;

	if (e->nterms == MAX_TERMS)
		return -1;
	if (strncmp(s, "amv=", 4) == 0) {
		int k = cs_class_from_name(s + 4);

		if (k < 0 || k >= AMV_INSN_CLASS_COUNT)
			return -1;
		e->t[e->nterms].kind = T_AMV;
		e->t[e->nterms++].value = (uint32_t)k;
		return 0;
	}
	if (strncmp(s, "cs=", 3) == 0) {
		unsigned int id = cs_id_by_name(c->cs, s + 3);

		if (id == 0)
			return -1;
		e->t[e->nterms].kind = T_CS;
		e->t[e->nterms++].cs_id = id;
		return 0;
	}
	if (strncmp(s, "flag=", 5) == 0) {
		for (i = 0; i < sizeof(flags) / sizeof(flags[0]); i++)
			if (strcmp(s + 5, flags[i].name) == 0) {
				e->t[e->nterms].kind = T_FLAG;
				e->t[e->nterms++].mask = flags[i].f;
				return 0;
			}
		return -1;
	}
	{
		char *slash = strchr(s, '/'), *end;
		unsigned long m, v;

		if (slash == NULL)
			return -1;
		*slash = '\0';
		errno = 0;
		m = strtoul(s, &end, 16);
		if (*end != '\0' || errno != 0)
			return -1;
		v = strtoul(slash + 1, &end, 16);
		if (*end != '\0' || errno != 0 || (v & ~m) != 0)
			return -1;
		e->t[e->nterms].kind = T_MASK;
		e->t[e->nterms].mask = (uint32_t)m;
		e->t[e->nterms++].value = (uint32_t)v;
		return 0;
	}
}

/* Format, one per line ('#' starts a comment):
 *   ID CHECK SELECTOR STATUS REASON...
 * CHECK: '*' or a ','-separated list of categories (decode.cs-undef,
 * class, op.wback, ...) or prefixes of one at a '.' boundary (decode, op).
 * SELECTOR: '*' or ','-joined terms that must all hold: MASK/VALUE (hex),
 * amv=CLASS, cs=MNEMONIC_ID, flag=UNPREDICTABLE. STATUS: verified |
 * unverified (checked against the ARM ARM or not). */
static int load_exceptions(struct ctx *c, const char *path)
{
	FILE *f = fopen(path, "r");
	char line[2048];
	unsigned int lineno = 0;

	if (f == NULL) {
		fprintf(stderr, "cannot open exceptions file %s\n", path);
		return -1;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		char id[64], check[64], sel[160], status[32];
		int off = 0;
		struct exc *e;
		char *tok, *p;

		lineno++;
		if (strchr(line, '\n') == NULL && !feof(f)) {
			fprintf(stderr, "%s:%u: line too long\n", path, lineno);
			fclose(f);
			return -1;
		}
		p = line + strspn(line, " \t");
		if (*p == '#' || *p == '\n' || *p == '\0')
			continue;
		if (sscanf(p, "%63s %63s %159s %31s %n", id, check, sel, status, &off) != 4 ||
		    c->nexc == MAX_EXC) {
			fprintf(stderr, "%s:%u: bad exception line\n", path, lineno);
			fclose(f);
			return -1;
		}
		e = &c->exc[c->nexc];
		memset(e, 0, sizeof(*e));
		snprintf(e->id, sizeof(e->id), "%s", id);
		snprintf(e->check, sizeof(e->check), "%s", check);
		snprintf(e->reason, sizeof(e->reason), "%s", p + off);
		e->reason[strcspn(e->reason, "\n")] = '\0';
		if (strcmp(status, "verified") == 0)
			e->verified = 1;
		else if (strcmp(status, "unverified") != 0) {
			fprintf(stderr, "%s:%u: status must be verified|unverified\n", path, lineno);
			fclose(f);
			return -1;
		}
		if (strcmp(sel, "*") != 0)
			for (tok = strtok(sel, ","); tok != NULL; tok = strtok(NULL, ","))
				if (parse_term(c, e, tok) != 0) {
					fprintf(stderr, "%s:%u: bad selector term '%s'\n", path,
						lineno, tok);
					fclose(f);
					return -1;
				}
		c->nexc++;
	}
	fclose(f);
	return 0;
}

/* ------------------------------------------------------------ one word */

static void print_amv(FILE *o, const struct amv_insn *a)
{
	fprintf(o, "%s cond=%u op=%u flags=%#x rd=%u rn=%u rm=%u rs=%u rt=%u rt2=%u "
		"imm=%#x sh=%u/%u size=%u list=%#x cp=%u opc1=%u crn=%u crd=%u crm=%u opc2=%u "
		"psr=%#x sysm=%u mode=%#x",
		cs_class_name(a->cls), a->cond, a->op, (unsigned int)a->flags, a->rd, a->rn,
		a->rm, a->rs, a->rt, a->rt2, (unsigned int)a->imm, a->shift_type,
		a->shift_imm, a->size, a->reglist, a->cp, a->opc1, a->crn, a->crd, a->crm,
		a->opc2,
		a->psr_mask, a->sysm, a->mode);
}

static void print_cs(FILE *o, const struct ctx *c)
{
	if (c->cs_ok)
		fprintf(o, "%s %s", c->ci->mnemonic, c->ci->op_str);
	else
		fprintf(o, "(invalid)");
}

static int cs_decode(struct ctx *c, uint32_t w)
{
	uint8_t b[4];
	const uint8_t *p = b;
	size_t sz = 4;
	uint64_t addr = CS_ADDR;

	b[0] = (uint8_t)w;
	b[1] = (uint8_t)(w >> 8);
	b[2] = (uint8_t)(w >> 16);
	b[3] = (uint8_t)(w >> 24);
	return cs_disasm_iter(c->cs, &p, &sz, &addr, c->ci) ? 1 : 0;
}

static int issue_open(const struct ctx *c, enum cat cat)
{
	unsigned int k;

	for (k = 0; k < c->nexc; k++)
		if (exc_matches(c, &c->exc[k], cat))
			return 0;
	return 1;
}

static uint32_t kind_key(unsigned int cat, unsigned int cls, unsigned int cs_id)
{
	return (uint32_t)(cat + 1u) << 24 | (uint32_t)cls << 16 | (cs_id & 0xffffu);
}

static void count_kind(struct ctx *c, unsigned int cls)
{
	unsigned int i, cat = CAT_COUNT;
	uint32_t key, h;

	for (i = 0; i < c->nissues; i++)
		if (issue_open(c, c->issues[i].cat)) {
			cat = c->issues[i].cat;
			break;
		}
	key = kind_key(cat, cls, c->cs_ok ? c->cs_id : 0);
	for (h = (key * 2654435761u) >> 20;; h = (h + 1) & (KIND_SLOTS - 1)) {
		struct kind *k = &c->kinds[h & (KIND_SLOTS - 1)];

		if (k->key == key || k->key == 0) {
			if (k->n++ == 0) {
				k->key = key;
				k->example = c->word;
			}
			return;
		}
		if (k->n == UINT64_MAX) /* table full: never in practice */
			return;
	}
}

static int kind_cmp(const void *a, const void *b)
{
	const struct kind *x = a, *y = b;

	if (x->n != y->n)
		return x->n < y->n ? 1 : -1;
	return x->key < y->key ? -1 : x->key > y->key;
}

/* "category | Capstone id | amv class" of a kind key */
static void kind_name(const struct ctx *c, uint32_t key, char *buf, size_t len)
{
	unsigned int cat = (key >> 24) - 1u, cls = (key >> 16) & 0xffu, id = key & 0xffffu;

	snprintf(buf, len, "%s|%s|%s", cat < CAT_COUNT ? cat_names[cat] : "?",
		 id != 0 ? cs_insn_name(c->cs, id) : "(invalid)",
		 cls < AMV_INSN_CLASS_COUNT ? cs_class_name(cls) : "(error)");
}

static void compare_word(struct ctx *c, uint32_t w)
{
	const struct cs_map_row *row = NULL;
	unsigned int i, open = 0, cls;
	int rc;

	c->word = w;
	c->nissues = 0;
	c->words++;
	memset(&c->in, 0, sizeof(c->in));
	rc = amv_decode(AMV_ISA_A32, w, &c->in);
	c->cs_ok = cs_decode(c, w);
	c->cs_id = c->cs_ok ? c->ci->id : 0;
	if (rc != 0) {
		issue(c, CAT_AMV_ERROR, "amv_decode() = %d", rc);
		c->in.cls = AMV_INSN_UNDEFINED;
	} else {
		self_checks(c);
	}
	cls = c->in.cls < AMV_INSN_CLASS_COUNT ? c->in.cls : AMV_INSN_CLASS_COUNT;

	if (rc == 0 && !c->cs_ok) {
		if (c->in.cls != AMV_INSN_UNDEFINED)
			issue(c, CAT_CS_UNDEF, "Capstone rejects, amv %s",
			      cs_class_name(c->in.cls));
	} else if (rc == 0) {
		const cs_arm *d = &c->ci->detail->arm;
		unsigned int exp;

		c->cs_hits[c->cs_id < ARM_INS_ENDING ? c->cs_id : 0]++;
		row = cs_map_lookup(c->cs_id, cs_insn_name(c->cs, c->cs_id));
		if (row == NULL) {
			issue(c, CAT_UNMAPPED, "unmapped Capstone id %s", c->ci->mnemonic);
		} else if (row->cls == CSMAP_V8) {
			if (c->in.cls != AMV_INSN_UNDEFINED)
				issue(c, CAT_CLASS, "ARMv8-only %s, amv %s", c->ci->mnemonic,
				      cs_class_name(c->in.cls));
		} else if (c->in.cls == AMV_INSN_UNDEFINED) {
			issue(c, CAT_AMV_UNDEF, "Capstone %s, amv UNDEFINED", c->ci->mnemonic);
		} else if ((exp = expected_class(row, d, w)) != c->in.cls &&
			   !(exp == AMV_INSN_VFP && c->in.cls == AMV_INSN_NEON &&
			     cs_simd_xfer(c->cs_id, d))) {
			issue(c, CAT_CLASS, "class amv=%s cs=%s", cs_class_name(c->in.cls),
			      cs_class_name(exp));
		} else {
			if ((w >> 28) == 0xfu) {
				if (c->in.cond != 15 || !(c->in.flags & AMV_INSN_F_UNCOND))
					issue(c, CAT_COND, "cond amv=%u uncond=%d, want 15",
					      c->in.cond, !!(c->in.flags & AMV_INSN_F_UNCOND));
			} else {
				chk(c, CAT_COND, c->in.cond, (unsigned long)d->cc - 1u);
				chk(c, CAT_COND, !!(c->in.flags & AMV_INSN_F_UNCOND), 0);
			}
			compare_operands(c, row, d);
		}
	}

	c->cls_words[cls]++;
	if (c->nissues == 0) {
		c->agree++;
		c->cls_agree[cls]++;
		if (!c->cs_ok && c->in.cls == AMV_INSN_UNDEFINED)
			c->both_undef++;
		return;
	}
	for (i = 0; i < c->nissues; i++) {
		enum cat cat = c->issues[i].cat;
		unsigned int k;

		c->cat_total[cat]++;
		for (k = 0; k < c->nexc; k++)
			if (exc_matches(c, &c->exc[k], cat))
				break;
		if (k < c->nexc) {
			if (c->exc[k].hits++ == 0)
				c->exc[k].example = w;
		} else {
			c->cat_open[cat]++;
			open++;
		}
	}
	if (open == 0) {
		c->excused++;
		c->cls_agree[cls]++;
		return;
	}
	count_kind(c, cls);
	c->mismatched++;
	c->cls_bad[cls]++;
	if (c->reported < c->report_max) {
		c->reported++;
		printf("MISMATCH %08" PRIx32 ": ", w);
		for (i = 0; i < c->nissues; i++)
			printf("%s[%s]", i ? "; " : "", c->issues[i].text);
		printf("\n  amv: ");
		print_amv(stdout, &c->in);
		printf("\n  cs:  ");
		print_cs(stdout, c);
		printf("\n");
	}
	if (c->mismatch_log != NULL && c->logged++ < c->log_max) {
		fprintf(c->mismatch_log, "%08" PRIx32 " %s", w, cat_names[c->issues[0].cat]);
		fprintf(c->mismatch_log, " | ");
		print_cs(c->mismatch_log, c);
		fprintf(c->mismatch_log, " | %s%s |", cs_class_name(c->in.cls),
			(c->in.flags & AMV_INSN_F_UNPREDICTABLE) ? " UNPRED" : "");
		for (i = 0; i < c->nissues; i++)
			fprintf(c->mismatch_log, " [%s]", c->issues[i].text);
		fprintf(c->mismatch_log, "\n");
	}
}

/* ------------------------------------------------------------ sweep */

/*
 * The structured sweep: per row, every value of the `full` bits, each
 * combined with `samples` fillings of the remaining free bits. A quarter of
 * the fillings are all zeros and a quarter all ones (should-be-zero/one
 * fields, PC and SP-like register numbers); the rest fill nibble by nibble
 * from {0, 1, 2, 8, 13, 14, 15, random} (the interesting register numbers
 * and field edges). When the condition field is free it is drawn from
 * 0..14 (the 0b1111 space has its own rows).
 */
struct sweep_row {
	const char *name;
	uint32_t mask, value; /* fixed bits */
	uint32_t full;        /* enumerated bits */
	unsigned int samples;
};

static const struct sweep_row sweep_rows[] = {
	/* A5.7 unconditional: all of [27:20], [11:0]; Rn/Rd nibbles sampled */
	{"uncond", 0xf0000000u, 0xf0000000u, 0x0ff00fffu, 1},
	/* CPS/SETEND (A5.7 op1 = 0010000): imod, M, AIF, mode, E exhaustive */
	{"uncond-cps-setend", 0xfff00000u, 0xf1000000u, 0x000f03ffu, 4},
	/* A5.6 LDC/STC/MCRR/MRRC: P U D W L, cp, [7:4] (MCRR opc1) */
	{"coproc-ldc-mcrr", 0x0e000000u, 0x0c000000u, 0x01f00ff0u, 4},
	/* A5.6 CDP/MCR/MRC: opc1, CRn, cp, opc2, CRm exhaustive (all of CP15) */
	{"coproc-cdp-mcr", 0x0f000000u, 0x0e000000u, 0x00ff0fffu, 1},
	/* A5.3 load/store word and byte: op1, shift type, bit 4 */
	{"ldst-word-byte", 0x0c000000u, 0x04000000u, 0x03f00070u, 64},
	/* A5.2.8/A5.2.9/A5.2.10 extra loads/stores and synchronization */
	{"ldst-extra-sync", 0x0e000090u, 0x00000090u, 0x01f00f60u, 32},
	/* A5.2.12 miscellaneous + halfword multiply (op = 10xx0) */
	{"misc", 0x0f900000u, 0x01000000u, 0x006f0ff0u, 8},
	/* A5.2.11 MSR (immediate) and hints */
	{"msr-imm-hints", 0x0fb00000u, 0x03200000u, 0x004f00ffu, 8},
	/* exact forms with mixed should-be-one/zero fields the fillings above
	 * rarely produce: hints (A5.2.11), barriers and CLREX (A5.7.1), SRS
	 * and RFE (B9.3.13, B9.3.11) */
	{"hints", 0x0fffff00u, 0x0320f000u, 0x000000ffu, 4},
	{"barriers-clrex", 0xffffff00u, 0xf57ff000u, 0x000000ffu, 1},
	{"srs", 0xfe5fffe0u, 0xf84d0500u, 0x01a0001fu, 1},
	{"rfe", 0xfe50ffffu, 0xf8100a00u, 0x01af0000u, 1},
	/* A5.5 LDM/STM: P U S W L and Rn; register lists sampled */
	{"ldm-stm", 0x0e000000u, 0x08000000u, 0x01ff0000u, 32},
	/* A5.5 B/BL: offsets sampled */
	{"branch", 0x0e000000u, 0x0a000000u, 0x01000000u, 256},
	/* every cell of the decoder index ([27:20], [7:4]), cond 0..14 */
	{"index", 0x00000000u, 0x00000000u, 0x0ff000f0u, 16},
};

/* Single words no row produces reliably: the UDF alias Capstone calls
 * TRAP, ERET (mixed should-be bits), and one of each ARMv8 floating-point
 * form (must be UNDEFINED). */
static const uint32_t sweep_specials[] = {
	0xe7ffdefeu, 0xe160006eu, 0xfe000a00u, 0xfe100a00u, 0xfe200a00u, 0xfe300a00u,
	0xfe800a00u, 0xfe800a40u, 0xfef80a40u, 0xfef90a40u, 0xfefa0a40u,
	0xfefb0a40u, 0xfebc0a40u, 0xfebd0a40u, 0xfebe0a40u, 0xfebf0a40u,
	0xeeb60a40u, 0xeeb70a40u, 0xeeb60ac0u,
};

#define NSPECIALS (sizeof(sweep_specials) / sizeof(sweep_specials[0]))

static unsigned int popcount32(uint32_t v)
{
	unsigned int n = 0;

	for (; v != 0; v &= v - 1)
		n++;
	return n;
}

static uint64_t sweep_count(void)
{
	uint64_t n = NSPECIALS;
	unsigned int i;

	for (i = 0; i < sizeof(sweep_rows) / sizeof(sweep_rows[0]); i++)
		n += ((uint64_t)1 << popcount32(sweep_rows[i].full)) * sweep_rows[i].samples;
	return n;
}

static uint32_t fill_free(struct prng *p, uint32_t free_bits)
{
	static const uint8_t pick[8] = {0, 1, 2, 8, 13, 14, 15, 0xff};
	uint32_t v = 0;
	unsigned int nib;

	for (nib = 0; nib < 8; nib++) {
		uint32_t m = (free_bits >> (nib * 4)) & 0xfu;
		uint32_t x;

		if (m == 0)
			continue;
		x = pick[prng_below(p, 8)];
		if (x == 0xff)
			x = prng_next(p) & 0xfu;
		v |= (x & m) << (nib * 4);
	}
	return v;
}

static void run_sweep(struct ctx *c, uint32_t seed)
{
	struct prng p;
	unsigned int i;

	prng_seed(&p, seed ^ 0x5eed5eedu);
	for (i = 0; i < NSPECIALS; i++)
		compare_word(c, sweep_specials[i]);
	for (i = 0; i < sizeof(sweep_rows) / sizeof(sweep_rows[0]); i++) {
		const struct sweep_row *r = &sweep_rows[i];
		uint32_t fixed = r->mask | r->full;
		uint32_t free_bits = ~fixed & 0x0fffffffu;
		int free_cond = (fixed & 0xf0000000u) == 0;
		uint32_t x = 0;
		uint64_t before = c->words, bad = c->mismatched;

		uint32_t combo = 0;

		do {
			unsigned int s;

			for (s = 0; s < r->samples; s++) {
				/* should-be-zero/one fields: every fourth filling
				 * is all zeros, every fourth all ones */
				unsigned int v = (combo + s) & 3u;
				uint32_t fill = v == 0 ? 0u : v == 1 ? free_bits
						: fill_free(&p, free_bits);
				uint32_t w = r->value | x | fill;

				if (free_cond)
					w |= prng_below(&p, 15) << 28;
				compare_word(c, w);
			}
			x = (x - r->full) & r->full; /* next subset of full */
			combo++;
		} while (x != 0);
		printf("sweep %-18s %9" PRIu64 " words, %" PRIu64 " mismatched\n", r->name,
		       c->words - before, c->mismatched - bad);
	}
}

/* ------------------------------------------------------------ report */

static void summary(struct ctx *c, FILE *o)
{
	unsigned int i;

	fprintf(o, "\n== decode_capstone summary ==\n");
	fprintf(o, "words compared   %12" PRIu64 "\n", c->words);
	fprintf(o, "agree            %12" PRIu64 "  (both UNDEFINED: %" PRIu64 ")\n",
		c->agree, c->both_undef);
	fprintf(o, "excused          %12" PRIu64 "  (every disagreement matched an exception)\n",
		c->excused);
	fprintf(o, "mismatched       %12" PRIu64 "\n", c->mismatched);
	fprintf(o, "\n%-12s %12s %12s %12s\n", "amv class", "words", "ok", "mismatched");
	for (i = 0; i <= AMV_INSN_CLASS_COUNT; i++)
		if (c->cls_words[i] != 0)
			fprintf(o, "%-12s %12" PRIu64 " %12" PRIu64 " %12" PRIu64 "\n",
				i < AMV_INSN_CLASS_COUNT ? cs_class_name(i) : "(error)",
				c->cls_words[i], c->cls_agree[i], c->cls_bad[i]);
	fprintf(o, "\n%-18s %12s %12s\n", "disagreement", "total", "unexcused");
	for (i = 0; i < CAT_COUNT; i++)
		if (c->cat_total[i] != 0)
			fprintf(o, "%-18s %12" PRIu64 " %12" PRIu64 "\n", cat_names[i],
				c->cat_total[i], c->cat_open[i]);
	{
		/* table coverage: rows of cs_map.c some word reached */
		unsigned int hit = 0, k, col = 0;

		for (i = 0; i < cs_map_nrows; i++)
			hit += c->cs_hits[cs_map_rows[i].cs_id] != 0;
		fprintf(o, "\ncs_map.c rows reached: %u of %u; not reached:", hit, cs_map_nrows);
		for (i = 0; i < cs_map_nrows; i++) {
			k = cs_map_rows[i].cs_id;
			if (c->cs_hits[k] == 0) {
				fprintf(o, "%s %s", col++ % 10 == 0 ? "\n " : "",
					cs_insn_name(c->cs, k));
			}
		}
		fprintf(o, "\n");
	}
	{
		/* the most common unexcused mismatch kinds */
		static struct kind sorted[KIND_SLOTS];
		unsigned int k, nk = 0;
		char name[96];

		for (k = 0; k < KIND_SLOTS; k++)
			if (c->kinds[k].n != 0)
				sorted[nk++] = c->kinds[k];
		qsort(sorted, nk, sizeof(sorted[0]), kind_cmp);
		if (nk != 0)
			fprintf(o, "\nmost common unexcused mismatches "
				"(first open category|Capstone id|amv class):\n");
		for (k = 0; k < nk && k < 25; k++) {
			kind_name(c, sorted[k].key, name, sizeof(name));
			fprintf(o, "%12" PRIu64 "  %-48s e.g. %08" PRIx32 "\n", sorted[k].n, name,
				sorted[k].example);
		}
	}
	fprintf(o, "\n%-28s %-10s %12s %s\n", "exception", "status", "hits", "example");
	for (i = 0; i < c->nexc; i++)
		fprintf(o, "%-28s %-10s %12" PRIu64 " %08" PRIx32 "\n", c->exc[i].id,
			c->exc[i].verified ? "verified" : "unverified", c->exc[i].hits,
			c->exc[i].example);
}

/* Machine-readable form, one "key name value" per line. */
static void summary_machine(struct ctx *c, FILE *o)
{
	unsigned int i;

	fprintf(o, "total words %" PRIu64 "\ntotal agree %" PRIu64
		"\ntotal both_undef %" PRIu64 "\ntotal excused %" PRIu64
		"\ntotal mismatched %" PRIu64 "\n",
		c->words, c->agree, c->both_undef, c->excused, c->mismatched);
	for (i = 0; i <= AMV_INSN_CLASS_COUNT; i++)
		if (c->cls_words[i] != 0)
			fprintf(o, "class %s %" PRIu64 " %" PRIu64 " %" PRIu64 "\n",
				i < AMV_INSN_CLASS_COUNT ? cs_class_name(i) : "(error)",
				c->cls_words[i], c->cls_agree[i], c->cls_bad[i]);
	for (i = 0; i < CAT_COUNT; i++)
		if (c->cat_total[i] != 0)
			fprintf(o, "cat %s %" PRIu64 " %" PRIu64 "\n", cat_names[i],
				c->cat_total[i], c->cat_open[i]);
	for (i = 0; i < c->nexc; i++)
		fprintf(o, "exc %s %" PRIu64 "\n", c->exc[i].id, c->exc[i].hits);
	for (i = 0; i < KIND_SLOTS; i++)
		if (c->kinds[i].n != 0) {
			char name[96];

			kind_name(c, c->kinds[i].key, name, sizeof(name));
			fprintf(o, "kind %s %" PRIu64 " %08" PRIx32 "\n", name, c->kinds[i].n,
				c->kinds[i].example);
		}
}

/* ------------------------------------------------------------ main */

static int parse_u64(const char *s, uint64_t *v)
{
	char *end;

	errno = 0;
	*v = strtoull(s, &end, 0);
	return (*s == '\0' || *end != '\0' || errno != 0) ? -1 : 0;
}

static void show(struct ctx *c, uint32_t w)
{
	compare_word(c, w);
	printf("%08" PRIx32 "\n  amv: ", w);
	print_amv(stdout, &c->in);
	printf("\n  cs:  ");
	print_cs(stdout, c);
	if (c->cs_ok) {
		const cs_arm *d = &c->ci->detail->arm;
		unsigned int i;

		printf("   [id %s cc %d wb %d uf %d um %d ops", cs_insn_name(c->cs, c->cs_id),
		       d->cc, d->writeback, d->update_flags, d->usermode);
		for (i = 0; i < d->op_count; i++)
			printf(" t%d:%d", d->operands[i].type, d->operands[i].imm);
		printf("]");
	}
	printf("\n");
	{
		unsigned int i;

		for (i = 0; i < c->nissues; i++)
			printf("  issue: %s\n", c->issues[i].text);
	}
}

int main(int argc, char **argv)
{
	static struct ctx c;
	const char *exc_path = CS_EXCEPTIONS_FILE, *sum_path = NULL, *log_path = NULL;
	uint64_t words = DEFAULT_WORDS, range_start = 0, range_count = 0, v;
	uint32_t seed;
	int do_sweep = 1, do_range = 0, show_from = 0, words_from_env, i;
	struct amv_insn probe;
	clock_t t0;
	const char *env;

	c.report_max = 20;
	c.log_max = 100000;
	env = getenv("AMV_DECODE_WORDS");
	if (env != NULL && parse_u64(env, &words) != 0) {
		fprintf(stderr, "bad AMV_DECODE_WORDS\n");
		return 2;
	}
	words_from_env = env != NULL;
	env = getenv("AMV_SEED");
	if (env != NULL && parse_u64(env, &v) == 0)
		seed = (uint32_t)v;
	else
		seed = (uint32_t)time(NULL) ^ ((uint32_t)clock() << 16);
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (strcmp(a, "--show") == 0) {
			show_from = i + 1;
			break;
		} else if (strcmp(a, "--no-sweep") == 0) {
			do_sweep = 0;
		} else if (i + 1 < argc && strcmp(a, "--exceptions") == 0) {
			exc_path = argv[++i];
		} else if (i + 1 < argc && strcmp(a, "--summary") == 0) {
			sum_path = argv[++i];
		} else if (i + 1 < argc && strcmp(a, "--mismatch-log") == 0) {
			log_path = argv[++i];
		} else if (i + 1 < argc && strcmp(a, "--words") == 0 &&
			   parse_u64(argv[i + 1], &words) == 0) {
			i++;
		} else if (i + 1 < argc && strcmp(a, "--default-words") == 0 &&
			   parse_u64(argv[i + 1], &v) == 0) {
			if (!words_from_env) /* AMV_DECODE_WORDS wins */
				words = v;
			i++;
		} else if (i + 1 < argc && strcmp(a, "--mismatch-log-max") == 0 &&
			   parse_u64(argv[i + 1], &c.log_max) == 0) {
			i++;
		} else if (i + 1 < argc && strcmp(a, "--seed") == 0 &&
			   parse_u64(argv[i + 1], &v) == 0) {
			seed = (uint32_t)v;
			i++;
		} else if (i + 1 < argc && strcmp(a, "--report") == 0 &&
			   parse_u64(argv[i + 1], &v) == 0) {
			c.report_max = (unsigned int)v;
			i++;
		} else if (i + 2 < argc && strcmp(a, "--range") == 0 &&
			   parse_u64(argv[i + 1], &range_start) == 0 &&
			   parse_u64(argv[i + 2], &range_count) == 0 &&
			   range_start + range_count <= ((uint64_t)1 << 32)) {
			do_range = 1;
			i += 2;
		} else {
			fprintf(stderr, "usage: %s [--words N] [--default-words N] [--seed S] [--no-sweep] "
				"[--range START COUNT] [--exceptions FILE] [--summary FILE] "
				"[--mismatch-log FILE] [--mismatch-log-max N] [--report N] [--show WORD...]\n", argv[0]);
			return 2;
		}
	}
	for (i = 0; i < AMV_INSN_CLASS_COUNT; i++)
		if (cs_class_from_name(cs_class_name((unsigned int)i)) != i) {
			fprintf(stderr, "cs_map.c class name table out of date\n");
			return 2;
		}

	if (cs_open(CS_ARCH_ARM, CS_MODE_ARM, &c.cs) != CS_ERR_OK ||
	    cs_option(c.cs, CS_OPT_DETAIL, CS_OPT_ON) != CS_ERR_OK) {
		fprintf(stderr, "cannot open Capstone\n");
		return 2;
	}
	c.ci = cs_malloc(c.cs);
	if (load_exceptions(&c, exc_path) != 0)
		return 2;

	if (amv_decode(AMV_ISA_A32, 0xe1a00000u, &probe) == -AMV_ENOTSUP) {
		/* AMV_NO_SKIP (make check): a missing prerequisite fails */
		int no_skip = getenv("AMV_NO_SKIP") != NULL;

		printf("%s: amv_decode(AMV_ISA_A32) returns -AMV_ENOTSUP (decoder not "
		       "implemented yet)\n", no_skip ? "FAIL (AMV_NO_SKIP)" : "SKIP");
		return no_skip ? 1 : EXIT_SKIP;
	}

	if (show_from) {
		for (i = show_from; i < argc; i++) {
			char *end;

			v = strtoull(argv[i], &end, 16); /* words are hex */
			if (*end != '\0' || v > 0xffffffffu) {
				fprintf(stderr, "bad word %s\n", argv[i]);
				return 2;
			}
			show(&c, (uint32_t)v);
		}
		return 0;
	}
	if (log_path != NULL && (c.mismatch_log = fopen(log_path, "w")) == NULL) {
		fprintf(stderr, "cannot write %s\n", log_path);
		return 2;
	}

	t0 = clock();
	if (do_range) {
		uint64_t k;

		printf("decode_capstone: range %#" PRIx64 " + %#" PRIx64 "\n", range_start,
		       range_count);
		for (k = 0; k < range_count; k++)
			compare_word(&c, (uint32_t)(range_start + k));
	} else {
		struct prng p;
		uint64_t k, before;

		printf("decode_capstone: seed %" PRIu32 " (replay: AMV_SEED=%" PRIu32
		       "), %" PRIu64 " random words, sweep %s (%" PRIu64 " words)\n",
		       seed, seed, words, do_sweep ? "on" : "off", sweep_count());
		if (do_sweep)
			run_sweep(&c, seed);
		prng_seed(&p, seed);
		before = c.mismatched;
		for (k = 0; k < words; k++)
			compare_word(&c, prng_next(&p));
		printf("random %-17s %9" PRIu64 " words, %" PRIu64 " mismatched\n", "", words,
		       c.mismatched - before);
	}
	summary(&c, stdout);
	printf("\ncpu time %.1f s\n", (double)(clock() - t0) / CLOCKS_PER_SEC);
	if (sum_path != NULL) {
		FILE *f = fopen(sum_path, "w");

		if (f == NULL) {
			fprintf(stderr, "cannot write %s\n", sum_path);
			return 2;
		}
		summary_machine(&c, f);
		fclose(f);
	}
	if (c.mismatch_log != NULL)
		fclose(c.mismatch_log);
	if (!do_range)
		printf("seed %" PRIu32 " (replay: AMV_SEED=%" PRIu32 ")\n", seed, seed);
	cs_free(c.ci, 1);
	cs_close(&c.cs);
	return c.mismatched != 0 ? 1 : 0;
}
