/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Table-driven A32 decoder (ARMv7 ARM, DDI 0406C, chapter A5).
 *
 * lib/decode_a32_rows.h holds the rows (mask, value, class, ...) in ARM ARM
 * order, first match wins. lib/decode_a32_index.h, generated from the rows
 * by tests/decode_index/gen_a32_index.c, lists for every key
 * (bits [27:20] << 4 | bits [7:4]) of each space (cond != 0b1111, cond ==
 * 0b1111) the rows that can match a word with that key, in table order,
 * or directly the one row the key alone selects; a lookup only walks that
 * list, which always ends with a row matching the whole bucket (at worst the
 * UNDEFINED catch-all rows at the end of the table). Invariants:
 *  - the class and the CLASS_FLAGS of a word depend only on the matching
 *    row: its static flags and its refine function; operand layouts never
 *    add CLASS_FLAGS, so amv_decode_class() == amv_decode() on those;
 *  - refine functions are pure functions of the word.
 */
#include <amv/amv_env.h>
#include <amv/decode.h>
#include <amv/error.h>

/* Flags amv_decode_class() reports. */
#define CLASS_FLAGS                                                            \
	(AMV_INSN_F_PRIVILEGED | AMV_INSN_F_SENSITIVE | AMV_INSN_F_EXC_RETURN |  \
	 AMV_INSN_F_UNPREDICTABLE | AMV_INSN_F_UNDEFINED)

#define UNP AMV_INSN_F_UNPREDICTABLE

#define RN(w) (((w) >> 16) & 0xfu)
#define RD(w) (((w) >> 12) & 0xfu)
#define RS(w) (((w) >> 8) & 0xfu)
#define RM(w) ((w)&0xfu)
#define WBIT(w, n) (((w) >> (n)) & 1u)
/* A field that the encoding writes as (0)s (SBZ) or (1)s (SBO). */
#define SBZ(w, m) (((w) & (m)) != 0)
#define SBO(w, m) (((w) & (m)) != (m))

/* Operand layouts (how amv_decode() fills struct amv_insn). */
enum layout {
	L_NONE,
	L_DP_IMM,
	L_DP_REG,
	L_DP_RSR,
	L_MOVW,
	L_MUL3,    /* rd [19:16], rn [3:0], rm [11:8] */
	L_MUL4,    /* + rs = Ra [15:12] */
	L_MULL,    /* rd = RdLo [15:12], rs = RdHi [19:16], rn [3:0], rm [11:8] */
	L_R3,      /* rd [15:12], rn [19:16], rm [3:0] */
	L_PAR,     /* L_R3, op = 0x80 | U:op1:op2 */
	L_RDRM,    /* rd [15:12], rm [3:0] */
	L_EXT,     /* rd, rn (none if 15), rm, ROR rotation */
	L_PKH,
	L_SAT,
	L_SAT16,
	L_BFX,
	L_BFI,
	L_LS,      /* word / unsigned byte */
	L_LSH,     /* halfword, signed, dual */
	L_LDREX,
	L_STREX,
	L_SWP,
	L_LDM,
	L_BRANCH,
	L_BX,
	L_MRS,
	L_MSR_REG,
	L_MSR_IMM,
	L_MRS_BANKED,
	L_MSR_BANKED,
	L_CPS,
	L_SETEND,
	L_SRS,
	L_IMM24,
	L_IMM16,
	L_IMM4,
	L_HINT,
	L_BARRIER,
	L_MCR,
	L_MCRR,
	L_CDP,
	L_LDC,
	L_VMRS,
	L_VFP,
	L_PLD_IMM,
	L_PLD_REG
};

/* MUL / MEDIA / DIV sub-opcodes (amv_insn::op). The values are listed in
 * docs/decode.md and are part of the interface: append only. */
enum media_op {
	M_NONE,
	M_MUL, M_MLA, M_UMAAL, M_MLS, M_UMULL, M_UMLAL, M_SMULL, M_SMLAL,
	M_SMLAXY, M_SMLAWY, M_SMULWY, M_SMLALXY, M_SMULXY,
	M_SMUAD, M_SMLAD, M_SMUSD, M_SMLSD, M_SDIV, M_UDIV, M_SMLALD,
	M_SMLSLD, M_SMMUL, M_SMMLA, M_SMMLS,
	M_CLZ, M_QADD, M_QSUB, M_QDADD, M_QDSUB,
	M_PKH, M_SXTB16, M_SXTAB16, M_SEL, M_SSAT, M_SSAT16, M_SXTB, M_SXTAB,
	M_REV, M_SXTH, M_SXTAH, M_REV16, M_UXTB16, M_UXTAB16, M_USAT,
	M_USAT16, M_UXTB, M_UXTAB, M_RBIT, M_UXTH, M_UXTAH, M_REVSH,
	M_USAD8, M_USADA8, M_SBFX, M_BFC, M_BFI, M_UBFX,
	M_PAR = 0x80 /* parallel add/subtract: 0x80 | U:op1:op2 */
};

typedef char media_op_values_as_documented[M_UBFX == 57 ? 1 : -1];

struct row;
/* A row's classifier: the refine function of its row wrapped by finish(). */
typedef int (*refine_fn)(uint32_t w, const struct row *r, uint32_t *fp,
			 uint32_t mask);

struct row {
	uint32_t mask;
	uint32_t value;
	uint32_t flags;
	uint8_t cls;
	uint8_t arg;
	uint8_t layout;
	refine_fn refine; /* NULL: none; else a r_*_fin wrapper */
};

/* ------------------------------------------------------------ refinement */

static uint32_t unp_if(bool c)
{
	return c ? UNP : 0u;
}

/* Writeback: P == 0 or W == 1 (A8.8 load/store pages). */
static bool wback_of(uint32_t w)
{
	return !WBIT(w, 24) || WBIT(w, 21);
}

/* A5.2.1: TST/TEQ/CMP/CMN (op 0b10xx) have no Rd; MOV/MVN (op 0b11x1)
 * have no Rn. */
static bool dp_has_rd(uint32_t op)
{
	return op - 8u > 3u;
}

static bool dp_has_rn(uint32_t op)
{
	return (op | 2u) != 0xfu;
}

/* A8.8 (and friends): S = 1 with Rd = PC is SUBS PC, LR and related
 * (B9.3), an exception return; the Rn/Rd fields an opcode does not use are
 * SBZ. The hot path of classification. */
static uint32_t r_dp(uint32_t w)
{
	uint32_t op = (w >> 21) & 0xfu, f = 0;

	if (dp_has_rd(op)) {
		if ((w & 0x0010f000u) == 0x0010f000u) /* S = 1, Rd = PC */
			f = AMV_INSN_F_EXC_RETURN | AMV_INSN_F_SENSITIVE;
	} else if (RD(w) != 0u) {
		f = UNP;
	}
	if (!dp_has_rn(op) && RN(w) != 0u)
		f |= UNP;
	return f;
}

/* A5.2.2: any of Rd, Rn, Rm, Rs = PC is UNPREDICTABLE. */
static uint32_t r_dp_rsr(uint32_t w)
{
	uint32_t op = (w >> 21) & 0xfu;

	return r_dp(w) | unp_if((dp_has_rd(op) && RD(w) == 15u) ||
				(dp_has_rn(op) && RN(w) == 15u) ||
				RS(w) == 15u || RM(w) == 15u);
}

/* A8.8 MOV (immediate) A2, A8.8 MOVT */
static uint32_t r_movw(uint32_t w)
{
	return unp_if(RD(w) == 15u);
}

/* Multiplies: d = [19:16], a = [15:12], m = [11:8], n = [3:0]. */
static uint32_t r_dnm(uint32_t w)
{
	return unp_if(RN(w) == 15u || RS(w) == 15u || RM(w) == 15u);
}

/* MUL, SMULxy, SMULWy: [15:12] SBZ. */
static uint32_t r_mul3(uint32_t w)
{
	return r_dnm(w) | unp_if(RD(w) != 0u);
}

/* MLA, MLS, SMLAxy, SMLAWy, SMLAD, SMLSD, SMMLA, SMMLS, USADA8 */
static uint32_t r_mul4(uint32_t w)
{
	return r_dnm(w) | unp_if(RD(w) == 15u);
}

/* UMULL.., SMLALxy, SMLALD, SMLSLD: dHi == dLo also UNPREDICTABLE. */
static uint32_t r_mull(uint32_t w)
{
	return r_mul4(w) | unp_if(RN(w) == RD(w));
}

/* A8.8 SDIV / A8.8 UDIV: [15:12] SBO. */
static uint32_t r_div(uint32_t w)
{
	return r_dnm(w) | unp_if(RD(w) != 15u);
}

/* A8.8 CLZ: [19:16], [11:8] SBO. */
static uint32_t r_clz(uint32_t w)
{
	return unp_if(RD(w) == 15u || RM(w) == 15u || SBO(w, 0x000f0f00u));
}

/* QADD.. (A5.2.6), parallel add/sub, SEL: [11:8] SBZ (Q*) or SBO. */
static uint32_t r_qadd(uint32_t w)
{
	return unp_if(RN(w) == 15u || RD(w) == 15u || RM(w) == 15u ||
		      SBZ(w, 0xf00u));
}

static uint32_t r_media3(uint32_t w)
{
	return unp_if(RN(w) == 15u || RD(w) == 15u || RM(w) == 15u ||
		      SBO(w, 0xf00u));
}

/* REV, REV16, REVSH, RBIT: [19:16], [11:8] SBO. */
static uint32_t r_rev(uint32_t w)
{
	return unp_if(RD(w) == 15u || RM(w) == 15u || SBO(w, 0x000f0f00u));
}

/* SXTAB.. (A8.8): [9:8] SBZ. */
static uint32_t r_ext(uint32_t w)
{
	return unp_if(RD(w) == 15u || RM(w) == 15u || SBZ(w, 0x300u));
}

static uint32_t r_pkh(uint32_t w)
{
	return unp_if(RN(w) == 15u || RD(w) == 15u || RM(w) == 15u);
}

static uint32_t r_sat(uint32_t w)
{
	return unp_if(RD(w) == 15u || RM(w) == 15u);
}

static uint32_t r_sat16(uint32_t w)
{
	return unp_if(RD(w) == 15u || RM(w) == 15u || SBO(w, 0xf00u));
}

/* A8.8 SBFX / UBFX: lsb + widthminus1 > 31 is UNPREDICTABLE. */
static uint32_t r_bfx(uint32_t w)
{
	uint32_t lsb = (w >> 7) & 0x1fu, wm1 = (w >> 16) & 0x1fu;

	return unp_if(RD(w) == 15u || RM(w) == 15u || lsb + wm1 > 31u);
}

/* A8.8 BFC, A8.8 BFI: msb < lsb is UNPREDICTABLE. */
static uint32_t r_bfi(uint32_t w)
{
	uint32_t lsb = (w >> 7) & 0x1fu, msb = (w >> 16) & 0x1fu;

	return unp_if(RD(w) == 15u || msb < lsb);
}

/* A5.3 word loads/stores, incl. T forms (wback always), A8.8: */
static uint32_t ls_common(uint32_t w)
{
	uint32_t n = RN(w), t = RD(w);

	return unp_if((WBIT(w, 25) && RM(w) == 15u) ||
		      (wback_of(w) && (n == 15u || n == t)));
}

static uint32_t r_ls(uint32_t w)
{
	return ls_common(w);
}

/* Byte forms: Rt = PC is UNPREDICTABLE too. */
static uint32_t r_lsb(uint32_t w)
{
	return ls_common(w) | unp_if(RD(w) == 15u);
}

/* A5.2.8 / A5.2.9 halfword and signed byte: bit 22 = immediate form;
 * register form has [11:8] SBZ. */
static uint32_t r_lsh(uint32_t w)
{
	uint32_t n = RN(w), t = RD(w);
	bool reg = !WBIT(w, 22);

	return unp_if(t == 15u || (reg && (RM(w) == 15u || SBZ(w, 0xf00u))) ||
		      (wback_of(w) && (n == 15u || n == t)));
}

/* A8.8 LDRD (immediate, literal, register) */
static uint32_t ldrd_common(uint32_t w, bool is_load)
{
	uint32_t n = RN(w), t = RD(w), t2 = t + 1u, m = RM(w);
	bool reg = !WBIT(w, 22);

	return unp_if((t & 1u) != 0u || (!WBIT(w, 24) && WBIT(w, 21)) ||
		      t2 == 15u ||
		      (reg && (m == 15u || SBZ(w, 0xf00u) ||
			       (is_load && (m == t || m == t2)))) ||
		      (wback_of(w) && (n == 15u || n == t || n == t2)));
}

static uint32_t r_ldrd(uint32_t w)
{
	return ldrd_common(w, true);
}

static uint32_t r_strd(uint32_t w)
{
	return ldrd_common(w, false);
}

/* A8.8 LDREX{B,H}: [11:8], [3:0] SBO. */
static uint32_t r_ldrex(uint32_t w)
{
	return unp_if(RD(w) == 15u || RN(w) == 15u || SBO(w, 0xf0fu));
}

/* A8.8 LDREXD */
static uint32_t r_ldrexd(uint32_t w)
{
	return unp_if((RD(w) & 1u) != 0u || RD(w) == 14u || RN(w) == 15u ||
		      SBO(w, 0xf0fu));
}

/* A8.8 STREX{B,H}: d = [15:12], t = [3:0], [11:8] SBO. */
static uint32_t r_strex(uint32_t w)
{
	uint32_t d = RD(w), t = RM(w), n = RN(w);

	return unp_if(d == 15u || t == 15u || n == 15u || d == n || d == t ||
		      SBO(w, 0xf00u));
}

/* A8.8 STREXD */
static uint32_t r_strexd(uint32_t w)
{
	uint32_t d = RD(w), t = RM(w), n = RN(w);

	return unp_if((t & 1u) != 0u || t == 14u || d == 15u || n == 15u ||
		      d == n || d == t || d == t + 1u || SBO(w, 0xf00u));
}

/* A8.8 SWP, SWPB: [11:8] SBZ. */
static uint32_t r_swp(uint32_t w)
{
	uint32_t t = RD(w), t2 = RM(w), n = RN(w);

	return unp_if(t == 15u || t2 == 15u || n == 15u || n == t || n == t2 ||
		      SBZ(w, 0xf00u));
}

static bool reglist_has(uint32_t w, uint32_t r)
{
	return ((w >> r) & 1u) != 0u;
}

/* A8.8 LDM (and LDMDA/DB/IB, POP): Rn in the list with writeback is
 * UNPREDICTABLE from ARMv7. */
static uint32_t r_ldm(uint32_t w)
{
	return unp_if(RN(w) == 15u || (w & 0xffffu) == 0u ||
		      (WBIT(w, 21) && reglist_has(w, RN(w))));
}

/* A8.8 STM..: Rn in the list is not UNPREDICTABLE (UNKNOWN value). */
static uint32_t r_stm(uint32_t w)
{
	return unp_if(RN(w) == 15u || (w & 0xffffu) == 0u);
}

/* B9.3 LDM (user registers), B9.3 STM (user registers): W SBZ. */
static uint32_t r_ldm_user(uint32_t w)
{
	return unp_if(RN(w) == 15u || (w & 0xffffu) == 0u || WBIT(w, 21));
}

/* B9.3 LDM (exception return) */
static uint32_t r_ldm_exc(uint32_t w)
{
	return unp_if(RN(w) == 15u || (WBIT(w, 21) && reglist_has(w, RN(w))));
}

/* A8.8 BX: [19:8] SBO. */
static uint32_t r_bx(uint32_t w)
{
	return unp_if(SBO(w, 0x000fff00u));
}

/* A8.8 BLX (register), A8.8 BXJ: Rm = PC is UNPREDICTABLE. */
static uint32_t r_blx(uint32_t w)
{
	return r_bx(w) | unp_if(RM(w) == 15u);
}

/* B9.3 MRS: [19:16] SBO, [11:8], [3:0] SBZ. */
static uint32_t r_mrs(uint32_t w)
{
	return unp_if(RD(w) == 15u || SBO(w, 0x000f0000u) || SBZ(w, 0xf0fu));
}

/* MSR of the CPSR writing the control or extension field, or of the SPSR,
 * behaves differently at PL0 (B9.3 MSR). */
static uint32_t msr_sens(uint32_t w)
{
	if (WBIT(w, 22) || (w & 0x00030000u) != 0u)
		return AMV_INSN_F_SENSITIVE;
	return 0;
}

/* B9.3 MSR (register): mask == 0 is UNPREDICTABLE; [15:12] SBO, [11:8]
 * SBZ. */
static uint32_t r_msr_reg(uint32_t w)
{
	return msr_sens(w) |
	       unp_if(RM(w) == 15u || (w & 0x000f0000u) == 0u ||
		      SBO(w, 0xf000u) || SBZ(w, 0xf00u));
}

/* B9.3 MSR (immediate): mask == 0 (with R = 1; R = 0 is a hint). */
static uint32_t r_msr_imm(uint32_t w)
{
	return msr_sens(w) |
	       unp_if((w & 0x000f0000u) == 0u || SBO(w, 0xf000u));
}

/* B9.2.3 Banked register transfer instructions: the valid SYSm (M:M1)
 * values for R = 0 and R = 1. */
#define BANKED_R0 0xf0ff7f7fu /* all but 0b00111, 0b01111, 0b11000..11011 */
#define BANKED_R1 0x50554000u /* SPSR_fiq/irq/svc/abt/und/mon/hyp */

static uint32_t banked_unp(uint32_t w)
{
	uint32_t sysm = (WBIT(w, 8) << 4) | RN(w);
	uint32_t valid = WBIT(w, 22) ? BANKED_R1 : BANKED_R0;

	return unp_if(((valid >> sysm) & 1u) == 0u || SBZ(w, 0xc0fu));
}

/* B9.3 MRS (Banked register): [11:10], [3:0] SBZ. */
static uint32_t r_mrs_banked(uint32_t w)
{
	return banked_unp(w) | unp_if(RD(w) == 15u);
}

/* B9.3 MSR (Banked register): [15:12] SBO, [11:10] SBZ. */
static uint32_t r_msr_banked(uint32_t w)
{
	uint32_t sysm = (WBIT(w, 8) << 4) | RN(w);
	uint32_t valid = WBIT(w, 22) ? BANKED_R1 : BANKED_R0;

	return unp_if(((valid >> sysm) & 1u) == 0u || RM(w) == 15u ||
		      SBO(w, 0xf000u) || SBZ(w, 0xc00u));
}

/* B9.3 ERET: [19:8] SBZ. */
static uint32_t r_eret(uint32_t w)
{
	return unp_if(SBZ(w, 0x000fff00u));
}

/* A8.8 BKPT, B9.3 HVC: only cond = AL is allowed. */
static uint32_t r_bkpt(uint32_t w)
{
	return unp_if((w >> 28) != 0xeu);
}

/* B9.3 SMC: [19:8] SBZ. */
static uint32_t r_smc(uint32_t w)
{
	return unp_if(SBZ(w, 0x000fff00u));
}

/* A8.8 NOP etc.: [15:12] SBO, [11:8] SBZ. */
static uint32_t r_hint(uint32_t w)
{
	return unp_if(SBO(w, 0xf000u) || SBZ(w, 0xf00u));
}

/* B9.3 CPS (ARM): [15:9] SBZ; mode without M, imod / AIF mismatch. */
static uint32_t r_cps(uint32_t w)
{
	uint32_t imod = (w >> 18) & 3u, m = WBIT(w, 17), aif = (w >> 6) & 7u;
	uint32_t mode = w & 0x1fu;

	return unp_if(SBZ(w, 0xfe00u) || (mode != 0u && m == 0u) ||
		      ((imod & 2u) != 0u && aif == 0u) ||
		      ((imod & 2u) == 0u && aif != 0u) || imod == 1u ||
		      (imod == 0u && m == 0u));
}

/* A8.8 SETEND: [19:17], [15:10], bit 8, [3:0] SBZ. */
static uint32_t r_setend(uint32_t w)
{
	return unp_if(SBZ(w, 0x000efd0fu));
}

/* B9.3 SRS: [19:16] = (1)(1)(0)(1), [15:5] =
 * (0)(0)(0)(0)(0)(1)(0)(1)(0)(0)(0). */
static uint32_t r_srs(uint32_t w)
{
	return unp_if((w & 0x000fffe0u) != 0x000d0500u);
}

/* B9.3 RFE: [15:0] = (0)(0)(0)(0)(1)(0)(1)(0)(0)..(0). */
static uint32_t r_rfe(uint32_t w)
{
	return unp_if(RN(w) == 15u || (w & 0xffffu) != 0x0a00u);
}

/* A8.8 PLD/PLDW/PLI: [15:12] SBO; PLDW with Rn = PC and the
 * register forms with Rm = PC are UNPREDICTABLE. */
static uint32_t r_pld_imm(uint32_t w)
{
	return unp_if(SBO(w, 0xf000u));
}

static uint32_t r_pli_imm(uint32_t w)
{
	return unp_if(SBO(w, 0xf000u));
}

static uint32_t r_pldw_imm(uint32_t w)
{
	return unp_if(SBO(w, 0xf000u) || RN(w) == 15u);
}

static uint32_t r_pld_reg(uint32_t w)
{
	return unp_if(SBO(w, 0xf000u) || RM(w) == 15u);
}

static uint32_t r_pldw_reg(uint32_t w)
{
	return r_pld_reg(w) | unp_if(RN(w) == 15u);
}

/* A8.8 DMB etc.: [19:8] = (1)..(1)(0)(0)(0)(0). */
static uint32_t r_barrier(uint32_t w)
{
	return unp_if((w & 0x000fff00u) != 0x000ff000u);
}

/* A8.8 CLREX: also [3:0] SBO. */
static uint32_t r_clrex(uint32_t w)
{
	return unp_if((w & 0x000fff0fu) != 0x000ff00fu);
}

/* ---- coprocessors: privilege at PL0 (docs/decode.md, B4.1, C6) ---- */
enum cp_kind { CP_MCR, CP_MRC, CP_MCRR, CP_MRRC, CP_LDC, CP_STC, CP_CDP };

static uint32_t cp_priv(uint32_t w, enum cp_kind k)
{
	uint32_t cp = (w >> 8) & 0xfu;
	uint32_t opc1 = (w >> 21) & 7u, crn = RN(w), crm = RM(w);
	uint32_t opc2 = (w >> 5) & 7u;
	bool rd = k == CP_MRC, wr = k == CP_MCR;

	if (cp < 14u)
		return 0;
	if ((w >> 28) == 0xfu) /* MCR2.. to CP14/CP15: UNDEFINED */
		return AMV_INSN_F_PRIVILEGED;
	if (cp == 15u) {
		if ((rd || wr) && opc1 == 0u) {
			/* B4.1 TPIDRURW, TPIDRURO */
			if (crn == 13u && crm == 0u &&
			    (opc2 == 2u || (opc2 == 3u && rd)))
				return 0;
			/* B4.2 CP15ISB, CP15DSB, CP15DMB (c7 operations) */
			if (wr && crn == 7u &&
			    ((crm == 5u && opc2 == 4u) ||
			     (crm == 10u && (opc2 == 4u || opc2 == 5u))))
				return 0;
		}
		return AMV_INSN_F_PRIVILEGED;
	}
	/* CP14 (C6, debug registers): DBGDIDR, DBGDSCRint, DBGDTRRXint/TXint,
	 * JIDR */
	if ((rd || wr) && crn == 0u && opc2 == 0u) {
		if (opc1 == 0u && crm == 5u)
			return 0;
		if (rd && opc1 == 0u && (crm == 0u || crm == 1u))
			return 0;
		if (rd && opc1 == 7u && crm == 0u)
			return 0;
	}
	if ((k == CP_LDC || k == CP_STC) && RD(w) == 5u)
		return 0;
	return AMV_INSN_F_PRIVILEGED;
}

/* A8.8 MCR: Rt = PC is UNPREDICTABLE (MRC: APSR_nzcv). */
static uint32_t r_mcr(uint32_t w)
{
	return cp_priv(w, CP_MCR) | unp_if(RD(w) == 15u);
}

static uint32_t r_mrc(uint32_t w)
{
	return cp_priv(w, CP_MRC);
}

/* A8.8 MCRR, A8.8 MRRC */
static uint32_t r_mcrr(uint32_t w)
{
	return cp_priv(w, CP_MCRR) | unp_if(RD(w) == 15u || RN(w) == 15u);
}

static uint32_t r_mrrc(uint32_t w)
{
	return cp_priv(w, CP_MRRC) |
	       unp_if(RD(w) == 15u || RN(w) == 15u || RD(w) == RN(w));
}

/* A8.8 LDC, A8.8 STC: Rn = PC with writeback is UNPREDICTABLE. */
static uint32_t r_ldc(uint32_t w)
{
	return cp_priv(w, CP_LDC) | unp_if(RN(w) == 15u && WBIT(w, 21));
}

static uint32_t r_stc(uint32_t w)
{
	return cp_priv(w, CP_STC) | unp_if(RN(w) == 15u && WBIT(w, 21));
}

static uint32_t r_cdp(uint32_t w)
{
	return cp_priv(w, CP_CDP);
}

/* B9.3 VMRS, VMSR (system level): only FPSCR (reg = 0b0001) is accessible
 * at PL0; reg is FPSID, FPSCR, MVFR1, MVFR0, FPEXC or the subarchitecture
 * FPINST/FPINST2, other values are UNPREDICTABLE; [7:5], [3:0] SBZ. */
#define VFP_SYSREGS 0x07c3u /* 0b0000, 0001, 0110, 0111, 1000, 1001, 1010 */

static uint32_t vfp_sysreg(uint32_t w)
{
	uint32_t reg = RN(w);

	return (reg != 1u ? AMV_INSN_F_PRIVILEGED : 0u) |
	       unp_if(((VFP_SYSREGS >> reg) & 1u) == 0u || SBZ(w, 0xefu));
}

static uint32_t r_vmrs(uint32_t w)
{
	return vfp_sysreg(w) | unp_if(RD(w) == 15u && RN(w) != 1u);
}

/* MVFR0 and MVFR1 are read-only: VMSR to them is UNPREDICTABLE. */
static uint32_t r_vmsr(uint32_t w)
{
	return vfp_sysreg(w) | unp_if(RD(w) == 15u || (RN(w) & 0xeu) == 6u);
}

/* ---- floating-point and Advanced SIMD (A7, and the A8.8 decode of each
 * instruction). A refine function that returns AMV_INSN_F_UNDEFINED turns
 * the row's instruction into an UNDEFINED encoding ("if ... then
 * UNDEFINED" in its decode pseudocode); see classify(). ---- */

#define UNDEF AMV_INSN_F_UNDEFINED

static uint32_t undef_if(bool c)
{
	return c ? UNDEF : 0u;
}

/* Advanced SIMD element size fields. */
#define SIZE20(w) (((w) >> 20) & 3u) /* A7.4.1-A7.4.3: bits [21:20] */
#define SIZE18(w) (((w) >> 18) & 3u) /* A7.4.5: bits [19:18] */
#define SIZE6(w) (((w) >> 6) & 3u)   /* A7.7 multiple, all lanes */
#define VD(w) ((WBIT(w, 22) << 4) | RD(w)) /* D:Vd */

/* A7.4.1 A = 0xxx: size = 11 is UNDEFINED except for VQADD, VQSUB
 * (B = 1), the register shifts (A = 010x) and the logical operations
 * (A = 0001, B = 1, where the field is the opcode). */
static uint32_t r_n3_0xxx(uint32_t w)
{
	uint32_t a = RS(w);
	bool any_size = (a & 0xeu) == 4u || (WBIT(w, 4) && a <= 2u);

	return undef_if(SIZE20(w) == 3u && !any_size);
}

/* A7.4.1 A = 100x: VADD/VSUB (integer) take every size; VTST, VCEQ,
 * VMLA, VMLS, VMUL not size = 11; VMUL (polynomial, U = 1) only
 * size = 00. */
static uint32_t r_n3_100x(uint32_t w)
{
	uint32_t size = SIZE20(w);

	if ((w & 0xf10u) == 0x800u)
		return 0;
	return undef_if(size == 3u ||
			((w & 0x01000f10u) == 0x01000910u && size != 0u));
}

/* VPMAX/VPMIN, VPADD (integer): size = 11 is UNDEFINED. */
static uint32_t r_n3_size3(uint32_t w)
{
	return undef_if(SIZE20(w) == 3u);
}

/* VQDMULH, VQRDMULH (A7.4.1); VQDMLAL, VQDMLSL, VQDMULL (A7.4.2):
 * size = 00 or 11 is UNDEFINED. */
static uint32_t r_n_size03(uint32_t w)
{
	return undef_if(SIZE20(w) == 0u || SIZE20(w) == 3u);
}

/* A7.4.1 floating-point forms (A = 1100 .. 1111, the fp rows): sz = 1
 * (bit 20) is UNDEFINED. */
static uint32_t r_n3_fp(uint32_t w)
{
	return undef_if(WBIT(w, 20));
}

/* A7.4.2 VMULL (polynomial): U = 1 or size != 00 is UNDEFINED. */
static uint32_t r_vmull_p(uint32_t w)
{
	return undef_if(WBIT(w, 24) || SIZE20(w) != 0u);
}

/* A7.4.3 VMLA/VMLS/VMUL (by scalar): F = 1 with size = 01 is UNDEFINED
 * (size = 00 is an UNDEFINED row before). */
static uint32_t r_nscalar_f(uint32_t w)
{
	return undef_if(WBIT(w, 8) && SIZE20(w) == 1u);
}

/* A7.4.4 VQSHL, VQSHLU (immediate): U = 0 with op = 0 is UNDEFINED. */
static uint32_t r_vqshlu(uint32_t w)
{
	return undef_if(!WBIT(w, 24) && !WBIT(w, 8));
}

/* A7.4.4 VCVT (between floating-point and fixed-point, Advanced SIMD):
 * imm6 = 0xxxxx is UNDEFINED. */
static uint32_t r_vcvt_fixed_n(uint32_t w)
{
	return undef_if(!WBIT(w, 21));
}

/* A7.4.5 VREV16/32/64: op + size >= 3 is UNDEFINED (op = bits [8:7]). */
static uint32_t r_vrev(uint32_t w)
{
	return undef_if(((w >> 7) & 3u) + SIZE18(w) >= 3u);
}

/* A7.4.5 size = 11 UNDEFINED: VPADDL, VMOVN, VQMOVN, VQMOVUN, VSHLL. */
static uint32_t r_n2_size3(uint32_t w)
{
	return undef_if(SIZE18(w) == 3u);
}

/* A7.4.5 A = 00, B = 1xxxx: VCNT, VMVN (B = 1010x, 1011x) only
 * size = 00; VCLS, VCLZ, VPADAL, VQABS, VQNEG not size = 11. */
static uint32_t r_n2_00_1x(uint32_t w)
{
	uint32_t op = (w >> 7) & 7u;

	return undef_if(op == 2u || op == 3u ? SIZE18(w) != 0u
					     : SIZE18(w) == 3u);
}

/* A7.4.5 A = 01 (compare with zero, VABS, VNEG): size = 11, or F = 1 with
 * size != 10, is UNDEFINED. */
static uint32_t r_n2_01(uint32_t w)
{
	return undef_if(SIZE18(w) == 3u || (WBIT(w, 10) && SIZE18(w) != 2u));
}

/* A7.4.5 VSWP (size != 00), VTRN (size = 11), VUZP/VZIP (size = 11, or
 * Q = 0 with size = 10) are UNDEFINED. */
static uint32_t r_vswp_vzip(uint32_t w)
{
	uint32_t op = (w >> 7) & 3u, size = SIZE18(w);

	if (op == 0u)
		return undef_if(size != 0u);
	return undef_if(size == 3u || (op >= 2u && !WBIT(w, 6) && size == 2u));
}

/* A7.4.5 VCVT (between half and single): size != 01 is UNDEFINED. */
static uint32_t r_vcvt_hs(uint32_t w)
{
	return undef_if(SIZE18(w) != 1u);
}

/* A7.4.5 A = 11: VRECPE, VRSQRTE, VCVT (fp <-> integer): size != 10 is
 * UNDEFINED. */
static uint32_t r_n2_11(uint32_t w)
{
	return undef_if(SIZE18(w) != 2u);
}

/* A8.8 VTBL, VTBX: n + length > 32 is UNPREDICTABLE. */
static uint32_t r_vtbl(uint32_t w)
{
	uint32_t n = (WBIT(w, 7) << 4) | RN(w);

	return unp_if(n + ((w >> 8) & 3u) + 1u > 32u);
}

/* A8.8 VDUP (scalar): imm4 = x000 is UNDEFINED, and Q = 1 with an odd
 * Vd. */
static uint32_t r_vdup_scalar(uint32_t w)
{
	return undef_if((RN(w) & 7u) == 0u || (WBIT(w, 6) && WBIT(w, 12)));
}

/* A7.7 element and structure load/store: Rn = PC is UNPREDICTABLE. */
static uint32_t nls_unp(uint32_t w, uint32_t last)
{
	return unp_if(RN(w) == 15u || last > 31u);
}

/* A7.7 multiple structures, type = bits [11:8], align = bits [5:4]:
 * A8.8 VLD1/VST1 (0111, 1010, 0110, 0010: 1-4 registers), VLD2/VST2
 * (1000, 1001: one register each, spacing 1 or 2; 0011: two each),
 * VLD3/VST3 (0100, 0101), VLD4/VST4 (0000, 0001). */
static uint32_t r_nls_multi(uint32_t w)
{
	uint32_t type = RS(w), size = SIZE6(w), align = (w >> 4) & 3u;
	uint32_t d = VD(w), last;

	switch (type) {
	case 0x7u: /* VLD1, one register */
	case 0x6u: /* three */
		if (align & 2u)
			return UNDEF;
		last = d + (type == 7u ? 0u : 2u);
		break;
	case 0xau: /* two */
		if (align == 3u)
			return UNDEF;
		last = d + 1u;
		break;
	case 0x2u: /* four */
		last = d + 3u;
		break;
	case 0x8u: /* VLD2, spacing 1 / 2 */
	case 0x9u:
		if (size == 3u || align == 3u)
			return UNDEF;
		last = d + (type == 8u ? 1u : 2u);
		break;
	case 0x3u: /* VLD2, two registers each */
		if (size == 3u)
			return UNDEF;
		last = d + 3u;
		break;
	case 0x4u: /* VLD3 */
	case 0x5u:
		if (size == 3u || (align & 2u))
			return UNDEF;
		last = d + (type == 4u ? 2u : 4u);
		break;
	default: /* 0x0, 0x1: VLD4 */
		if (size == 3u)
			return UNDEF;
		last = d + (type == 0u ? 3u : 6u);
		break;
	}
	return nls_unp(w, last);
}

/* A7.7 single element to one lane: size = bits [11:10] (not 11),
 * VLD<n> with n - 1 = bits [9:8], index_align = bits [7:4]; A8.8 VLD1-4
 * (single element to one lane) and VST1-4. */
static uint32_t r_nls_lane(uint32_t w)
{
	uint32_t size = (w >> 10) & 3u, n = (w >> 8) & 3u;
	uint32_t ia = (w >> 4) & 0xfu, inc = 1u;
	bool undef;

	if (size == 1u)
		inc = (ia & 2u) ? 2u : 1u;
	else if (size == 2u)
		inc = (ia & 4u) ? 2u : 1u;
	switch (n) {
	case 0u: /* VLD1: the alignment bits are one of 0, 11 (32-bit) */
		undef = size == 0u ? (ia & 1u) != 0u
		      : size == 1u ? (ia & 2u) != 0u
				   : (ia & 4u) != 0u || ((ia & 3u) != 0u &&
							(ia & 3u) != 3u);
		break;
	case 1u: /* VLD2 */
		undef = size == 2u && (ia & 2u) != 0u;
		break;
	case 2u: /* VLD3: no alignment */
		undef = size == 2u ? (ia & 3u) != 0u : (ia & 1u) != 0u;
		break;
	default: /* VLD4 */
		undef = size == 2u && (ia & 3u) == 3u;
		break;
	}
	if (undef)
		return UNDEF;
	return nls_unp(w, VD(w) + n * inc);
}

/* A7.7 single element to all lanes (L = 1, bits [11:10] = 11): A8.8
 * VLD1-4 (single element to all lanes); T = bit 5, a = bit 4. */
static uint32_t r_nls_all(uint32_t w)
{
	uint32_t size = SIZE6(w), n = (w >> 8) & 3u, t = WBIT(w, 5);
	uint32_t a = WBIT(w, 4), last;

	switch (n) {
	case 0u: /* VLD1: T = number of registers - 1 */
		if (size == 3u || (size == 0u && a != 0u))
			return UNDEF;
		last = VD(w) + t;
		break;
	case 1u:
		if (size == 3u)
			return UNDEF;
		last = VD(w) + t + 1u;
		break;
	case 2u:
		if (size == 3u || a != 0u)
			return UNDEF;
		last = VD(w) + 2u * (t + 1u);
		break;
	default:
		if (size == 3u && a == 0u)
			return UNDEF;
		last = VD(w) + 3u * (t + 1u);
		break;
	}
	return nls_unp(w, last);
}

/* A8.8 VLDM, VSTM (and VPUSH/VPOP): imm8 = 0, more than 16 doubleword
 * registers, past the last register, or Rn = PC with writeback are
 * UNPREDICTABLE. Doubleword forms (bit 8 = 1) with odd imm8 are
 * FLDMX/FSTMX. */
static uint32_t r_vldm(uint32_t w)
{
	uint32_t imm8 = w & 0xffu, regs, d;

	if (WBIT(w, 8)) {
		regs = imm8 >> 1;
		d = VD(w);
		if (regs > 16u)
			return UNP;
	} else {
		regs = imm8;
		d = (RD(w) << 1) | WBIT(w, 22);
	}
	return unp_if(regs == 0u || d + regs > 32u ||
		      (RN(w) == 15u && WBIT(w, 21)));
}

/* A8.8 VMOV (between two ARM core registers and two single-precision
 * registers / a doubleword register): Rt or Rt2 = PC, Rt = Rt2 for the
 * transfers to core registers, Sm = S31 for the single form. */
static uint32_t r_vmov64(uint32_t w)
{
	uint32_t t = RD(w), t2 = RN(w);

	return unp_if(t == 15u || t2 == 15u || (WBIT(w, 20) && t == t2) ||
		      (!WBIT(w, 8) && (w & 0x2fu) == 0x2fu));
}

/* A8.8 VMOV (immediate, floating-point): bits 7 and 5 are (0). */
static uint32_t r_vmov_imm(uint32_t w)
{
	return unp_if(SBZ(w, 0xa0u));
}

/* A8.8 VCVTB, VCVTT: bit 8 is (0) in ARMv7 (ARMv8 uses it for the
 * double-precision forms). */
static uint32_t r_vcvtb(uint32_t w)
{
	return unp_if(WBIT(w, 8));
}

/* A8.8 VCMP{E}: with #0.0 (opc2 = 0101) bits 5 and [3:0] are (0). */
static uint32_t r_vcmp(uint32_t w)
{
	return unp_if(WBIT(w, 16) && SBZ(w, 0x2fu));
}

/* A8.8 VCVT (between floating-point and fixed-point, floating-point):
 * opc2 = 1x1x; frac_bits = size - imm4:i < 0 is UNPREDICTABLE (size =
 * 16 for sx = 0, 32 for sx = 1). The other opc2 values of the rows are
 * VCVT (floating-point to integer). */
static uint32_t r_vcvt_fixed(uint32_t w)
{
	uint32_t imm = ((w & 0xfu) << 1) | WBIT(w, 5);

	return unp_if(WBIT(w, 17) && !WBIT(w, 7) && imm > 16u);
}

/* A8.8 VMOV (between ARM core register and single-precision register):
 * Rt = PC, bits [6:5], [3:0] are (0). */
static uint32_t r_vmov_s(uint32_t w)
{
	return unp_if(RD(w) == 15u || SBZ(w, 0x6fu));
}

/* A8.8 VMOV (ARM core register to scalar): opc1:opc2 = 0x10 is
 * UNDEFINED; Rt = PC, bits [3:0] (0). */
static uint32_t r_vmov_to_scalar(uint32_t w)
{
	uint32_t opc = ((w >> 19) & 0xcu) | ((w >> 5) & 3u);

	if ((opc & 0xbu) == 0x2u)
		return UNDEF;
	return unp_if(RD(w) == 15u || SBZ(w, 0xfu));
}

/* A8.8 VDUP (ARM core register): B:E = 11 and Q = 1 with an odd Vd are
 * UNDEFINED; Rt = PC, bits [3:0] (0). */
static uint32_t r_vdup_core(uint32_t w)
{
	if ((WBIT(w, 22) && WBIT(w, 5)) || (WBIT(w, 21) && WBIT(w, 16)))
		return UNDEF;
	return unp_if(RD(w) == 15u || SBZ(w, 0xfu));
}

/* A8.8 VMOV (scalar to ARM core register): U:opc1:opc2 = 10x00 or x0x10
 * is UNDEFINED; Rt = PC, bits [3:0] (0). */
static uint32_t r_vmov_from_scalar(uint32_t w)
{
	uint32_t opc = (WBIT(w, 23) << 4) | ((w >> 19) & 0xcu) |
		       ((w >> 5) & 3u);

	if ((opc & 0x1bu) == 0x10u || (opc & 0xbu) == 0x2u)
		return UNDEF;
	return unp_if(RD(w) == 15u || SBZ(w, 0xfu));
}

/* ------------------------------------------------------------ the table */

/* What a refine function's AMV_INSN_F_UNDEFINED turns a row into. */
static const struct row undefined_row;

/*
 * The end of classification, inlined into each r_*_fin wrapper so that
 * amv_decode_class() can tail-call it: row flags | refine flags, or, for an
 * "if ... then UNDEFINED" of the instruction's decode pseudocode (A7/A8.8),
 * the UNDEFINED class with only the refine function's flags.
 */
static inline int finish(const struct row *r, uint32_t *fp, uint32_t mask,
			 uint32_t f);

#define REFINES(X) \
	X(r_barrier) \
	X(r_bfi) \
	X(r_bfx) \
	X(r_bkpt) \
	X(r_blx) \
	X(r_bx) \
	X(r_cdp) \
	X(r_clrex) \
	X(r_clz) \
	X(r_cps) \
	X(r_div) \
	X(r_dnm) \
	X(r_dp) \
	X(r_dp_rsr) \
	X(r_eret) \
	X(r_ext) \
	X(r_hint) \
	X(r_ldc) \
	X(r_ldm) \
	X(r_ldm_exc) \
	X(r_ldm_user) \
	X(r_ldrd) \
	X(r_ldrex) \
	X(r_ldrexd) \
	X(r_ls) \
	X(r_lsb) \
	X(r_lsh) \
	X(r_mcr) \
	X(r_mcrr) \
	X(r_media3) \
	X(r_movw) \
	X(r_mrc) \
	X(r_mrrc) \
	X(r_mrs) \
	X(r_mrs_banked) \
	X(r_msr_banked) \
	X(r_msr_imm) \
	X(r_msr_reg) \
	X(r_mul3) \
	X(r_mul4) \
	X(r_mull) \
	X(r_n2_00_1x) \
	X(r_n2_01) \
	X(r_n2_11) \
	X(r_n2_size3) \
	X(r_n3_0xxx) \
	X(r_n3_100x) \
	X(r_n3_fp) \
	X(r_n3_size3) \
	X(r_n_size03) \
	X(r_nls_all) \
	X(r_nls_lane) \
	X(r_nls_multi) \
	X(r_nscalar_f) \
	X(r_pkh) \
	X(r_pld_imm) \
	X(r_pld_reg) \
	X(r_pldw_imm) \
	X(r_pldw_reg) \
	X(r_pli_imm) \
	X(r_qadd) \
	X(r_rev) \
	X(r_rfe) \
	X(r_sat) \
	X(r_sat16) \
	X(r_setend) \
	X(r_smc) \
	X(r_srs) \
	X(r_stc) \
	X(r_stm) \
	X(r_strd) \
	X(r_strex) \
	X(r_strexd) \
	X(r_swp) \
	X(r_vcmp) \
	X(r_vcvt_fixed) \
	X(r_vcvt_fixed_n) \
	X(r_vcvt_hs) \
	X(r_vcvtb) \
	X(r_vdup_core) \
	X(r_vdup_scalar) \
	X(r_vldm) \
	X(r_vmov64) \
	X(r_vmov_from_scalar) \
	X(r_vmov_imm) \
	X(r_vmov_s) \
	X(r_vmov_to_scalar) \
	X(r_vmrs) \
	X(r_vmsr) \
	X(r_vmull_p) \
	X(r_vqshlu) \
	X(r_vrev) \
	X(r_vswp_vzip) \
	X(r_vtbl) \

#define FIN(fn)                                                                \
	static int fn##_fin(uint32_t w, const struct row *r, uint32_t *fp,     \
			    uint32_t mask)                                     \
	{                                                                      \
		return finish(r, fp, mask, fn(w));                             \
	}
REFINES(FIN)
#undef FIN
#define r_none_fin NULL

#define ROW(m, v, c, a, f, l, r)                                               \
	{(m), (v), (f), (uint8_t)AMV_INSN_##c, (uint8_t)(a), (uint8_t)(l),     \
	 r##_fin},

static const struct row rows[] = {
#include "decode_a32_rows.h"
};

#undef ROW

#include "decode_a32_index.h"

/* The index must have been generated from these rows (C99 static check;
 * ctest decode_index_up_to_date compares the whole file). */
typedef char a32_index_matches_rows
	[sizeof(rows) / sizeof(rows[0]) == A32_INDEX_ROWS ? 1 : -1];

/* ------------------------------------------------------------ lookup */

/* The row of @p w. Every index list ends with a row that matches all words
 * with its key (at worst the UNDEFINED catch-all), so the loop ends. */
static inline const struct row *find_row(uint32_t w)
{
	uint32_t key = ((w >> 16) & 0xff0u) | ((w >> 4) & 0xfu);
	/* The unconditional space is rare: a branch beats indexing by it. */
	uint32_t e = w < 0xf0000000u ? a32_index[0][key] : a32_index[1][key];
	const uint16_t *p;
	const struct row *r;

	if (e & A32_INDEX_DIRECT)
		return &rows[e & ~(uint32_t)A32_INDEX_DIRECT];
	for (p = &a32_index_lists[e];; p++) {
		r = &rows[*p];
		if ((w & r->mask) == r->value)
			return r;
	}
}

static const struct row undefined_row = {
	0, 0, AMV_INSN_F_UNDEFINED, (uint8_t)AMV_INSN_UNDEFINED, 0,
	(uint8_t)L_NONE, NULL};

static inline int finish(const struct row *r, uint32_t *fp, uint32_t mask,
			 uint32_t f)
{
	if (f & AMV_INSN_F_UNDEFINED) {
		if (fp != NULL)
			*fp = f & mask;
		return AMV_INSN_UNDEFINED;
	}
	if (fp != NULL)
		*fp = (r->flags | f) & mask;
	return r->cls;
}

/* The class of @p w, its flags (masked by @p mask) in *@p fp if not NULL. */
static inline int classify(uint32_t w, uint32_t *fp, uint32_t mask)
{
	const struct row *r = find_row(w);

	if (r->refine == NULL) {
		if (fp != NULL)
			*fp = r->flags & mask;
		return r->cls;
	}
	return r->refine(w, r, fp, mask);
}

int amv_decode_class(enum amv_isa isa, uint32_t word, uint32_t *flags)
{
	if (isa != AMV_ISA_A32)
		return isa == AMV_ISA_T32 ? -AMV_ENOTSUP : -AMV_EINVAL;
	return classify(word, flags, CLASS_FLAGS);
}

/* ------------------------------------------------------------ operands */

/* A5.2.4 Modified immediate constants: ARMExpandImm. */
static uint32_t expand_imm(uint32_t w)
{
	uint32_t imm8 = w & 0xffu, rot = ((w >> 8) & 0xfu) * 2u;

	if (rot == 0u)
		return imm8;
	return (imm8 >> rot) | (imm8 << (32u - rot));
}

/* A8.4 DecodeImmShift: type = [6:5], imm5 = [11:7]. */
static void imm_shift(struct amv_insn *in, uint32_t w)
{
	uint32_t type = (w >> 5) & 3u, imm5 = (w >> 7) & 0x1fu;

	if (type == AMV_SHIFT_ROR && imm5 == 0u) {
		in->shift_type = AMV_SHIFT_RRX;
		in->shift_imm = 1;
		return;
	}
	in->shift_type = (uint8_t)type;
	if (imm5 == 0u && (type == AMV_SHIFT_LSR || type == AMV_SHIFT_ASR))
		imm5 = 32u;
	in->shift_imm = (uint8_t)imm5;
}

static uint32_t pu_flags(uint32_t w)
{
	uint32_t f = 0;

	if (WBIT(w, 24))
		f |= AMV_INSN_F_INDEX;
	if (WBIT(w, 23))
		f |= AMV_INSN_F_ADD;
	if (wback_of(w))
		f |= AMV_INSN_F_WBACK;
	return f;
}

static uint32_t sext(uint32_t v, unsigned int bits)
{
	uint32_t m = 1u << (bits - 1u);

	return (v ^ m) - m;
}

static uint8_t reg(uint32_t v)
{
	return (uint8_t)(v & 0xfu);
}

/* Fills the operands of @p in for row @p r; returns extra flags (never
 * CLASS_FLAGS). */
static uint32_t operands(const struct row *r, uint32_t w, struct amv_insn *in)
{
	uint32_t f = 0, t;

	switch ((enum layout)r->layout) {
	case L_NONE:
		break;
	case L_DP_IMM:
	case L_DP_REG:
	case L_DP_RSR: {
		uint32_t op = (w >> 21) & 0xfu;

		in->op = (uint8_t)op;
		if (op < 8u || op > 11u)
			in->rd = reg(RD(w));
		if (op != AMV_DP_MOV && op != AMV_DP_MVN)
			in->rn = reg(RN(w));
		if (WBIT(w, 20))
			f |= AMV_INSN_F_SETFLAGS;
		if (r->layout == L_DP_IMM) {
			in->imm = expand_imm(w);
		} else {
			in->rm = reg(RM(w));
			f |= AMV_INSN_F_REG_OFFSET;
			if (r->layout == L_DP_REG) {
				imm_shift(in, w);
			} else {
				in->rs = reg(RS(w));
				in->shift_type = (uint8_t)((w >> 5) & 3u);
				f |= AMV_INSN_F_REG_SHIFT;
			}
		}
		break;
	}
	case L_MOVW:
		in->rd = reg(RD(w));
		in->imm = ((w >> 4) & 0xf000u) | (w & 0xfffu);
		break;
	case L_MUL4:
	case L_MUL3:
		if (r->layout == L_MUL4) /* Ra */
			in->rs = reg(RD(w));
		in->rd = reg(RN(w));
		in->rn = reg(RM(w));
		in->rm = reg(RS(w));
		in->op = r->arg;
		if ((w & 0x0f000000u) == 0u && WBIT(w, 20)) /* A5.2.5 S bit */
			f |= AMV_INSN_F_SETFLAGS;
		break;
	case L_MULL:
		in->rd = reg(RD(w));
		in->rs = reg(RN(w));
		in->rn = reg(RM(w));
		in->rm = reg(RS(w));
		in->op = r->arg;
		if ((w & 0x0f000000u) == 0u && WBIT(w, 20))
			f |= AMV_INSN_F_SETFLAGS;
		break;
	case L_PAR:
	case L_R3:
		in->rd = reg(RD(w));
		in->rn = reg(RN(w));
		in->rm = reg(RM(w));
		in->op = r->layout == L_PAR
				 ? (uint8_t)(M_PAR | ((w >> 17) & 0x38u) |
					     ((w >> 5) & 7u))
				 : r->arg;
		break;
	case L_RDRM:
		in->rd = reg(RD(w));
		in->rm = reg(RM(w));
		in->op = r->arg;
		break;
	case L_EXT:
		in->rd = reg(RD(w));
		if (RN(w) != 15u)
			in->rn = reg(RN(w));
		in->rm = reg(RM(w));
		t = (w >> 10) & 3u;
		if (t != 0u) {
			in->shift_type = AMV_SHIFT_ROR;
			in->shift_imm = (uint8_t)(t * 8u);
		}
		in->op = r->arg;
		break;
	case L_PKH:
		in->rd = reg(RD(w));
		in->rn = reg(RN(w));
		in->rm = reg(RM(w));
		imm_shift(in, w & ~0x20u); /* tb selects LSL or ASR */
		in->op = r->arg;
		break;
	case L_SAT:
		in->rd = reg(RD(w));
		in->rn = reg(RM(w));
		in->imm = ((w >> 16) & 0x1fu) + (WBIT(w, 22) ? 0u : 1u);
		imm_shift(in, w & ~0x20u); /* sh selects LSL or ASR */
		in->op = r->arg;
		break;
	case L_SAT16:
		in->rd = reg(RD(w));
		in->rn = reg(RM(w));
		in->imm = RN(w) + (WBIT(w, 22) ? 0u : 1u);
		in->op = r->arg;
		break;
	case L_BFX:
		in->rd = reg(RD(w));
		in->rn = reg(RM(w));
		in->imm = ((w >> 7) & 0x1fu) | ((((w >> 16) & 0x1fu) + 1u) << 8);
		in->op = r->arg;
		break;
	case L_BFI: {
		uint32_t lsb = (w >> 7) & 0x1fu, msb = (w >> 16) & 0x1fu;

		in->rd = reg(RD(w));
		if (RM(w) != 15u)
			in->rn = reg(RM(w));
		in->imm = lsb | (msb >= lsb ? (msb - lsb + 1u) << 8 : 0u);
		in->op = r->arg;
		break;
	}
	case L_LS:
		in->rt = reg(RD(w));
		in->rn = reg(RN(w));
		in->size = r->arg;
		f |= pu_flags(w);
		if (WBIT(w, 25)) {
			in->rm = reg(RM(w));
			imm_shift(in, w);
			f |= AMV_INSN_F_REG_OFFSET;
		} else {
			in->imm = w & 0xfffu;
		}
		break;
	case L_LSH:
		in->rt = reg(RD(w));
		in->rn = reg(RN(w));
		in->size = r->arg;
		if (r->arg == 8u && RD(w) != 15u)
			in->rt2 = reg(RD(w) + 1u);
		f |= pu_flags(w);
		if (WBIT(w, 22)) {
			in->imm = ((w >> 4) & 0xf0u) | (w & 0xfu);
		} else {
			in->rm = reg(RM(w));
			f |= AMV_INSN_F_REG_OFFSET;
		}
		break;
	case L_LDREX:
		in->rt = reg(RD(w));
		in->rn = reg(RN(w));
		in->size = r->arg;
		if (r->arg == 8u && RD(w) != 15u)
			in->rt2 = reg(RD(w) + 1u);
		break;
	case L_STREX:
		in->rd = reg(RD(w));
		in->rt = reg(RM(w));
		in->rn = reg(RN(w));
		in->size = r->arg;
		if (r->arg == 8u && RM(w) != 15u)
			in->rt2 = reg(RM(w) + 1u);
		break;
	case L_SWP:
		in->rt = reg(RD(w));
		in->rt2 = reg(RM(w));
		in->rn = reg(RN(w));
		in->size = WBIT(w, 22) ? 1u : 4u;
		break;
	case L_LDM:
		in->rn = reg(RN(w));
		in->reglist = (uint16_t)(w & 0xffffu);
		in->size = 4;
		if (WBIT(w, 24))
			f |= AMV_INSN_F_INDEX;
		if (WBIT(w, 23))
			f |= AMV_INSN_F_ADD;
		if (WBIT(w, 21))
			f |= AMV_INSN_F_WBACK;
		if (reglist_has(w, 15u))
			f |= WBIT(w, 20) ? AMV_INSN_F_WRITES_PC
					: AMV_INSN_F_USES_PC;
		break;
	case L_BRANCH:
		in->imm = sext((w & 0xffffffu) << 2, 26);
		if ((w >> 28) == 0xfu)
			in->imm += WBIT(w, 24) << 1; /* BLX: H bit */
		break;
	case L_BX:
		in->rm = reg(RM(w));
		break;
	case L_MRS:
		in->rd = reg(RD(w));
		if (WBIT(w, 22))
			f |= AMV_INSN_F_SPSR;
		break;
	case L_MSR_REG:
		in->rn = reg(RM(w));
		in->psr_mask = (uint8_t)RN(w);
		if (WBIT(w, 22))
			f |= AMV_INSN_F_SPSR;
		break;
	case L_MSR_IMM:
		in->imm = expand_imm(w);
		in->psr_mask = (uint8_t)RN(w);
		if (WBIT(w, 22))
			f |= AMV_INSN_F_SPSR;
		break;
	case L_MRS_BANKED:
	case L_MSR_BANKED:
		if (r->layout == L_MRS_BANKED)
			in->rd = reg(RD(w));
		else
			in->rn = reg(RM(w));
		in->sysm = (uint8_t)((WBIT(w, 8) << 4) | RN(w));
		if (WBIT(w, 22))
			f |= AMV_INSN_F_SPSR;
		break;
	case L_CPS:
		in->op = (uint8_t)((w >> 18) & 3u);
		in->psr_mask = (uint8_t)((w >> 6) & 7u);
		if (WBIT(w, 17))
			in->mode = (uint8_t)(w & 0x1fu);
		break;
	case L_SETEND:
		in->imm = WBIT(w, 9);
		break;
	case L_SRS:
		if (r->cls == AMV_INSN_SRS)
			in->mode = (uint8_t)(w & 0x1fu);
		else
			in->rn = reg(RN(w));
		in->size = 4;
		if (WBIT(w, 24))
			f |= AMV_INSN_F_INDEX;
		if (WBIT(w, 23))
			f |= AMV_INSN_F_ADD;
		if (WBIT(w, 21))
			f |= AMV_INSN_F_WBACK;
		break;
	case L_IMM24:
		in->imm = w & 0xffffffu;
		break;
	case L_IMM16:
		in->imm = ((w >> 4) & 0xfff0u) | (w & 0xfu);
		break;
	case L_IMM4:
		in->imm = w & 0xfu;
		break;
	case L_HINT:
		in->op = (uint8_t)(w & 0xffu);
		if (r->cls == AMV_INSN_DBG)
			in->imm = w & 0xfu;
		break;
	case L_BARRIER:
		in->imm = w & 0xfu;
		break;
	case L_MCR:
		in->cp = (uint8_t)RS(w);
		in->opc1 = (uint8_t)((w >> 21) & 7u);
		in->crn = (uint8_t)RN(w);
		in->rt = reg(RD(w));
		in->opc2 = (uint8_t)((w >> 5) & 7u);
		in->crm = (uint8_t)RM(w);
		break;
	case L_MCRR:
		in->cp = (uint8_t)RS(w);
		in->opc1 = (uint8_t)((w >> 4) & 0xfu);
		in->rt = reg(RD(w));
		in->rt2 = reg(RN(w));
		in->crm = (uint8_t)RM(w);
		break;
	case L_CDP:
		in->cp = (uint8_t)RS(w);
		in->opc1 = (uint8_t)((w >> 20) & 0xfu);
		in->crn = (uint8_t)RN(w);
		in->crd = (uint8_t)RD(w);
		in->opc2 = (uint8_t)((w >> 5) & 7u);
		in->crm = (uint8_t)RM(w);
		break;
	case L_LDC:
		in->cp = (uint8_t)RS(w);
		in->opc1 = (uint8_t)WBIT(w, 22); /* D: the "L" (long) forms */
		in->crd = (uint8_t)RD(w);
		in->rn = reg(RN(w));
		/* A8.8: wback = W (P = 0, W = 0 is the unindexed form) */
		f |= pu_flags(w) & ~AMV_INSN_F_WBACK;
		if (WBIT(w, 21))
			f |= AMV_INSN_F_WBACK;
		if (WBIT(w, 24) || WBIT(w, 21))
			in->imm = (w & 0xffu) << 2;
		else
			in->imm = w & 0xffu; /* unindexed: option */
		break;
	case L_VMRS:
		in->cp = (uint8_t)RS(w);
		in->rt = reg(RD(w));
		in->crn = (uint8_t)RN(w);
		break;
	case L_VFP:
		in->cp = (uint8_t)RS(w);
		break;
	case L_PLD_IMM:
		in->rn = reg(RN(w));
		in->imm = w & 0xfffu;
		in->op = r->arg;
		if (WBIT(w, 23))
			f |= AMV_INSN_F_ADD;
		break;
	case L_PLD_REG:
		in->rn = reg(RN(w));
		in->rm = reg(RM(w));
		imm_shift(in, w);
		in->op = r->arg;
		f |= AMV_INSN_F_REG_OFFSET;
		if (WBIT(w, 23))
			f |= AMV_INSN_F_ADD;
		break;
	}
	return f;
}

/* USES_PC / WRITES_PC from the core register fields of @p in (MRC and
 * VMRS with Rt = 15 name APSR_nzcv, not the PC). */
static uint32_t pc_flags(const struct amv_insn *in)
{
	uint32_t f = 0;
	bool rt_is_apsr = (in->cls == AMV_INSN_MRC || in->cls == AMV_INSN_VMRS) &&
			  in->rt == 15u;

	if (in->rd == 15u || in->rn == 15u || in->rm == 15u || in->rs == 15u ||
	    in->rt2 == 15u || (in->rt == 15u && !rt_is_apsr))
		f |= AMV_INSN_F_USES_PC;
	switch (in->cls) {
	case AMV_INSN_DP:
		if (in->rd == 15u)
			f |= AMV_INSN_F_WRITES_PC;
		break;
	case AMV_INSN_LDR:
	case AMV_INSN_LDRT:
	case AMV_INSN_LDREX:
		if (in->rt == 15u || in->rt2 == 15u)
			f |= AMV_INSN_F_WRITES_PC;
		break;
	default:
		break;
	}
	return f;
}

int amv_decode(enum amv_isa isa, uint32_t word, struct amv_insn *out)
{
	const struct row *r;

	if (out == NULL || (isa != AMV_ISA_A32 && isa != AMV_ISA_T32))
		return -AMV_EINVAL;
	if (isa == AMV_ISA_T32)
		return -AMV_ENOTSUP;

	amv_memset(out, 0, sizeof(*out));
	out->rd = out->rn = out->rm = out->rs = out->rt = out->rt2 =
		AMV_REG_NONE;
	out->raw = word;
	out->isa = (uint8_t)isa;
	out->cond = (uint8_t)(word >> 28);
	r = find_row(word);
	if (r->refine == NULL) {
		out->flags = r->flags;
		out->cls = r->cls;
	} else {
		out->cls = (uint16_t)r->refine(word, r, &out->flags, ~0u);
		if (out->cls != r->cls)
			r = &undefined_row; /* refined to UNDEFINED: no operands */
	}
	out->flags |= operands(r, word, out);
	out->flags |= pc_flags(out);
	if (out->cond == 0xfu)
		out->flags |= AMV_INSN_F_UNCOND;
	return 0;
}

static const char *const class_names[AMV_INSN_CLASS_COUNT] = {
	"UNDEFINED", "UDF", "B", "BL", "BLX_IMM", "BX", "BLX_REG", "BXJ", "DP",
	"MOVW", "MOVT", "MUL", "DIV", "MEDIA", "LDR", "STR", "LDRT", "STRT",
	"LDREX", "STREX", "LDM", "STM", "SWP", "PLD", "MRS", "MSR",
	"MRS_BANKED", "MSR_BANKED", "CPS", "SETEND", "SRS", "RFE", "ERET",
	"SVC", "HVC", "SMC", "BKPT", "NOP", "YIELD", "WFE", "WFI", "SEV", "DBG",
	"DMB", "DSB", "ISB", "CLREX", "MCR", "MRC", "MCRR", "MRRC", "CDP",
	"LDC", "STC", "VMRS", "VMSR", "VFP", "NEON",
};

const char *amv_insn_class_name(unsigned int cls)
{
	if (cls >= AMV_INSN_CLASS_COUNT)
		return "?";
	return class_names[cls];
}
