/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A32 decode rows: the single source of truth of the A32 decoder.
 *
 * Each row is ROW(mask, value, cls, arg, flags, layout, refine): a word w
 * matches when (w & mask) == value; the first matching row (in this order)
 * decides. Rows whose mask has no condition bits belong to the conditional
 * space (cond != 0b1111); rows with mask bits [31:28] = 0xf and value bits
 * [31:28] = 0xf belong to the unconditional space (A5.7). The last two rows
 * match every word of their space: UNDEFINED.
 *
 *  - cls: enum amv_insn_class without the AMV_INSN_ prefix;
 *  - arg: layout argument (transfer size, MUL/MEDIA sub-opcode M_*, preload
 *    kind), see lib/decode_a32.c;
 *  - flags: static AMV_INSN_F_* flags (FL_* aliases below);
 *  - layout: how amv_decode() extracts operands (L_*, lib/decode_a32.c);
 *  - refine: function adding the flags that depend on operand values
 *    (UNPREDICTABLE conditions, privilege of a coprocessor register, ...)
 *    or r_none (lib/decode_a32.c pastes _fin to the name: the row's
 *    classifier). The VFP and NEON rows' refine functions also return
 *    AMV_INSN_F_UNDEFINED alone for the UNDEFINED conditions of their
 *    instructions' decode pseudocode: the word is then class UNDEFINED.
 *
 * Users: lib/decode_a32.c (the table), tests/decode_index/gen_a32_index.c
 * (generates lib/decode_a32_index.h from mask/value), tests/unit/test_decode.c
 * (proves every row reachable). Define ROW before including; the file is
 * meant to be included once per translation unit.
 *
 * References: ARMv7 ARM, ARM DDI 0406C.d, chapter A5 (and A7 for the
 * floating-point / Advanced SIMD spaces).
 */
#ifndef ROW
#error "define ROW(mask, value, cls, arg, flags, layout, refine) first"
#endif

#define FL_PRIV AMV_INSN_F_PRIVILEGED
#define FL_SENS AMV_INSN_F_SENSITIVE
#define FL_EXCRET AMV_INSN_F_EXC_RETURN
#define FL_WPC AMV_INSN_F_WRITES_PC
#define FL_UNP AMV_INSN_F_UNPREDICTABLE
#define FL_UNDEF AMV_INSN_F_UNDEFINED
#define FL_LD AMV_INSN_F_LOAD
#define FL_ST AMV_INSN_F_STORE
#define FL_SGN AMV_INSN_F_SIGNED
#define FL_USR AMV_INSN_F_USER_REGS

/* ------------------------------------------------------------------------
 * A5.2 Data-processing and miscellaneous instructions (cond, op1 = 00x)
 * ------------------------------------------------------------------------ */
/* A5.2.1 Data-processing (register): op = 0, op2 = xxx0; op1 = 10xx0 is not
 * here (misc, halfword multiply), so only TST/TEQ/CMP/CMN with S = 1. */
ROW(0x0f000010u, 0x00000000u, DP, 0, 0, L_DP_REG, r_dp)     /* AND..RSC */
ROW(0x0f900010u, 0x01100000u, DP, 0, 0, L_DP_REG, r_dp)     /* TST..CMN */
ROW(0x0f800010u, 0x01800000u, DP, 0, 0, L_DP_REG, r_dp)     /* ORR..MVN */
/* A5.2.2 Data-processing (register-shifted register): op2 = 0xx1 */
ROW(0x0f000090u, 0x00000010u, DP, 0, 0, L_DP_RSR, r_dp_rsr)
ROW(0x0f900090u, 0x01100010u, DP, 0, 0, L_DP_RSR, r_dp_rsr)
ROW(0x0f800090u, 0x01800010u, DP, 0, 0, L_DP_RSR, r_dp_rsr)
/* A5.2.12 Miscellaneous instructions: op1 = 10xx0, op2 = 0xxx */
ROW(0x0fb002f0u, 0x01000200u, MRS_BANKED, 0, FL_SENS, L_MRS_BANKED, r_mrs_banked)
ROW(0x0fb002f0u, 0x01200200u, MSR_BANKED, 0, FL_SENS, L_MSR_BANKED, r_msr_banked)
ROW(0x0fb002f0u, 0x01000000u, MRS, 0, FL_SENS, L_MRS, r_mrs)
ROW(0x0fb002f0u, 0x01200000u, MSR, 0, 0, L_MSR_REG, r_msr_reg)
ROW(0x0ff000f0u, 0x01200010u, BX, 0, FL_WPC, L_BX, r_bx)
ROW(0x0ff000f0u, 0x01600010u, MEDIA, M_CLZ, 0, L_RDRM, r_clz)
ROW(0x0ff000f0u, 0x01200020u, BXJ, 0, FL_WPC, L_BX, r_blx)
ROW(0x0ff000f0u, 0x01200030u, BLX_REG, 0, FL_WPC, L_BX, r_blx)
/* A5.2.6 Saturating addition and subtraction (misc op2 = 101) */
ROW(0x0ff000f0u, 0x01000050u, MEDIA, M_QADD, 0, L_R3, r_qadd)
ROW(0x0ff000f0u, 0x01200050u, MEDIA, M_QSUB, 0, L_R3, r_qadd)
ROW(0x0ff000f0u, 0x01400050u, MEDIA, M_QDADD, 0, L_R3, r_qadd)
ROW(0x0ff000f0u, 0x01600050u, MEDIA, M_QDSUB, 0, L_R3, r_qadd)
/* ERET (B9.3): bits [3:0] are 0b1110 in the encoding */
ROW(0x0ff000ffu, 0x0160006eu, ERET, 0, FL_PRIV | FL_EXCRET | FL_WPC, L_NONE, r_eret)
ROW(0x0ff000f0u, 0x01200070u, BKPT, 0, 0, L_IMM16, r_bkpt)
ROW(0x0ff000f0u, 0x01400070u, HVC, 0, FL_PRIV, L_IMM16, r_bkpt)
ROW(0x0ff000f0u, 0x01600070u, SMC, 0, FL_PRIV, L_IMM4, r_smc)
/* A5.2.7 Halfword multiply and multiply accumulate: op1 = 10xx0, op2 = 1xx0 */
ROW(0x0ff00090u, 0x01000080u, MUL, M_SMLAXY, 0, L_MUL4, r_mul4)
ROW(0x0ff000b0u, 0x01200080u, MUL, M_SMLAWY, 0, L_MUL4, r_mul4)
ROW(0x0ff000b0u, 0x012000a0u, MUL, M_SMULWY, 0, L_MUL3, r_mul3)
ROW(0x0ff00090u, 0x01400080u, MUL, M_SMLALXY, 0, L_MULL, r_mull)
ROW(0x0ff00090u, 0x01600080u, MUL, M_SMULXY, 0, L_MUL3, r_mul3)
/* A5.2.5 Multiply and multiply accumulate: op1 = 0xxxx, op2 = 1001 */
ROW(0x0fe000f0u, 0x00000090u, MUL, M_MUL, 0, L_MUL3, r_mul3)
ROW(0x0fe000f0u, 0x00200090u, MUL, M_MLA, 0, L_MUL4, r_mul4)
ROW(0x0ff000f0u, 0x00400090u, MUL, M_UMAAL, 0, L_MULL, r_mull)
ROW(0x0ff000f0u, 0x00600090u, MUL, M_MLS, 0, L_MUL4, r_mul4)
ROW(0x0fe000f0u, 0x00800090u, MUL, M_UMULL, 0, L_MULL, r_mull)
ROW(0x0fe000f0u, 0x00a00090u, MUL, M_UMLAL, 0, L_MULL, r_mull)
ROW(0x0fe000f0u, 0x00c00090u, MUL, M_SMULL, 0, L_MULL, r_mull)
ROW(0x0fe000f0u, 0x00e00090u, MUL, M_SMLAL, 0, L_MULL, r_mull)
/* A5.2.10 Synchronization primitives: op1 = 1xxxx, op2 = 1001 */
ROW(0x0fb000f0u, 0x01000090u, SWP, 0, FL_LD | FL_ST, L_SWP, r_swp)
ROW(0x0ff000f0u, 0x01800090u, STREX, 4, FL_ST, L_STREX, r_strex)
ROW(0x0ff000f0u, 0x01900090u, LDREX, 4, FL_LD, L_LDREX, r_ldrex)
ROW(0x0ff000f0u, 0x01a00090u, STREX, 8, FL_ST, L_STREX, r_strexd)
ROW(0x0ff000f0u, 0x01b00090u, LDREX, 8, FL_LD, L_LDREX, r_ldrexd)
ROW(0x0ff000f0u, 0x01c00090u, STREX, 1, FL_ST, L_STREX, r_strex)
ROW(0x0ff000f0u, 0x01d00090u, LDREX, 1, FL_LD, L_LDREX, r_ldrex)
ROW(0x0ff000f0u, 0x01e00090u, STREX, 2, FL_ST, L_STREX, r_strex)
ROW(0x0ff000f0u, 0x01f00090u, LDREX, 2, FL_LD, L_LDREX, r_ldrex)
/* A5.2.9 Extra load/store instructions, unprivileged: op1 = 0xx1x */
ROW(0x0f3000f0u, 0x002000b0u, STRT, 2, FL_SENS | FL_ST, L_LSH, r_lsh)
ROW(0x0f3000f0u, 0x003000b0u, LDRT, 2, FL_SENS | FL_LD, L_LSH, r_lsh)
ROW(0x0f3000f0u, 0x003000d0u, LDRT, 1, FL_SENS | FL_LD | FL_SGN, L_LSH, r_lsh)
ROW(0x0f3000f0u, 0x003000f0u, LDRT, 2, FL_SENS | FL_LD | FL_SGN, L_LSH, r_lsh)
/* A5.2.8 Extra load/store instructions (op = 0, op2 = 1x with P = 0, W = 1
 * falls through to LDRD/STRD, UNPREDICTABLE by their decode) */
ROW(0x0e5000f0u, 0x000000b0u, STR, 2, FL_ST, L_LSH, r_lsh)            /* STRH (reg) */
ROW(0x0e5000f0u, 0x001000b0u, LDR, 2, FL_LD, L_LSH, r_lsh)            /* LDRH (reg) */
ROW(0x0e5000f0u, 0x004000b0u, STR, 2, FL_ST, L_LSH, r_lsh)            /* STRH (imm) */
ROW(0x0e5000f0u, 0x005000b0u, LDR, 2, FL_LD, L_LSH, r_lsh)            /* LDRH (imm, lit) */
ROW(0x0e5000f0u, 0x000000d0u, LDR, 8, FL_LD, L_LSH, r_ldrd)           /* LDRD (reg) */
ROW(0x0e5000f0u, 0x001000d0u, LDR, 1, FL_LD | FL_SGN, L_LSH, r_lsh)   /* LDRSB (reg) */
ROW(0x0e5000f0u, 0x004000d0u, LDR, 8, FL_LD, L_LSH, r_ldrd)           /* LDRD (imm, lit) */
ROW(0x0e5000f0u, 0x005000d0u, LDR, 1, FL_LD | FL_SGN, L_LSH, r_lsh)   /* LDRSB (imm, lit) */
ROW(0x0e5000f0u, 0x000000f0u, STR, 8, FL_ST, L_LSH, r_strd)           /* STRD (reg) */
ROW(0x0e5000f0u, 0x001000f0u, LDR, 2, FL_LD | FL_SGN, L_LSH, r_lsh)   /* LDRSH (reg) */
ROW(0x0e5000f0u, 0x004000f0u, STR, 8, FL_ST, L_LSH, r_strd)           /* STRD (imm) */
ROW(0x0e5000f0u, 0x005000f0u, LDR, 2, FL_LD | FL_SGN, L_LSH, r_lsh)   /* LDRSH (imm, lit) */
/* A5.2.3 Data-processing (immediate): op = 1, op1 != 10xx0 */
ROW(0x0f000000u, 0x02000000u, DP, 0, 0, L_DP_IMM, r_dp)
ROW(0x0f900000u, 0x03100000u, DP, 0, 0, L_DP_IMM, r_dp)
ROW(0x0f800000u, 0x03800000u, DP, 0, 0, L_DP_IMM, r_dp)
/* A5.2 op1 = 10000: MOVW; op1 = 10100: MOVT (A8.8 MOV (immediate) A2, MOVT) */
ROW(0x0ff00000u, 0x03000000u, MOVW, 0, 0, L_MOVW, r_movw)
ROW(0x0ff00000u, 0x03400000u, MOVT, 0, 0, L_MOVW, r_movw)
/* A5.2.11 MSR (immediate), and hints: op1 = 10x10. Hints: op = 0, op1 = 0000;
 * the other op2 values are unallocated hints that execute as NOP. */
ROW(0x0fff00ffu, 0x03200000u, NOP, 0, 0, L_HINT, r_hint)
ROW(0x0fff00ffu, 0x03200001u, YIELD, 0, 0, L_HINT, r_hint)
ROW(0x0fff00ffu, 0x03200002u, WFE, 0, FL_SENS, L_HINT, r_hint)
ROW(0x0fff00ffu, 0x03200003u, WFI, 0, FL_SENS, L_HINT, r_hint)
ROW(0x0fff00ffu, 0x03200004u, SEV, 0, 0, L_HINT, r_hint)
ROW(0x0fff00f0u, 0x032000f0u, DBG, 0, 0, L_HINT, r_hint)
ROW(0x0fff0000u, 0x03200000u, NOP, 0, 0, L_HINT, r_hint)
ROW(0x0fb00000u, 0x03200000u, MSR, 0, 0, L_MSR_IMM, r_msr_imm)

/* ------------------------------------------------------------------------
 * A5.3 Load/store word and unsigned byte (cond, op1 = 010, or 011 with B = 0)
 * ------------------------------------------------------------------------ */
ROW(0x0f700000u, 0x04200000u, STRT, 4, FL_SENS | FL_ST, L_LS, r_ls)   /* STRT (imm) */
ROW(0x0f700010u, 0x06200000u, STRT, 4, FL_SENS | FL_ST, L_LS, r_ls)   /* STRT (reg) */
ROW(0x0f700000u, 0x04300000u, LDRT, 4, FL_SENS | FL_LD, L_LS, r_ls)   /* LDRT (imm) */
ROW(0x0f700010u, 0x06300000u, LDRT, 4, FL_SENS | FL_LD, L_LS, r_ls)   /* LDRT (reg) */
ROW(0x0f700000u, 0x04600000u, STRT, 1, FL_SENS | FL_ST, L_LS, r_lsb)  /* STRBT (imm) */
ROW(0x0f700010u, 0x06600000u, STRT, 1, FL_SENS | FL_ST, L_LS, r_lsb)  /* STRBT (reg) */
ROW(0x0f700000u, 0x04700000u, LDRT, 1, FL_SENS | FL_LD, L_LS, r_lsb)  /* LDRBT (imm) */
ROW(0x0f700010u, 0x06700000u, LDRT, 1, FL_SENS | FL_LD, L_LS, r_lsb)  /* LDRBT (reg) */
ROW(0x0e500000u, 0x04000000u, STR, 4, FL_ST, L_LS, r_ls)              /* STR (imm) */
ROW(0x0e500010u, 0x06000000u, STR, 4, FL_ST, L_LS, r_ls)              /* STR (reg) */
ROW(0x0e500000u, 0x04100000u, LDR, 4, FL_LD, L_LS, r_ls)              /* LDR (imm, lit) */
ROW(0x0e500010u, 0x06100000u, LDR, 4, FL_LD, L_LS, r_ls)              /* LDR (reg) */
ROW(0x0e500000u, 0x04400000u, STR, 1, FL_ST, L_LS, r_lsb)             /* STRB (imm) */
ROW(0x0e500010u, 0x06400000u, STR, 1, FL_ST, L_LS, r_lsb)             /* STRB (reg) */
ROW(0x0e500000u, 0x04500000u, LDR, 1, FL_LD, L_LS, r_lsb)             /* LDRB (imm, lit) */
ROW(0x0e500010u, 0x06500000u, LDR, 1, FL_LD, L_LS, r_lsb)             /* LDRB (reg) */

/* ------------------------------------------------------------------------
 * A5.4 Media instructions (cond, op1 = 011, B = 1)
 * ------------------------------------------------------------------------ */
/* A5.4.1 / A5.4.2 Parallel addition and subtraction, signed / unsigned:
 * op1 (bits [21:20]) = 01, 10, 11; op2 (bits [7:5]) = 0xx, 100, 111. */
ROW(0x0fb00090u, 0x06100010u, MEDIA, M_PAR, 0, L_PAR, r_media3)
ROW(0x0fb000f0u, 0x06100090u, MEDIA, M_PAR, 0, L_PAR, r_media3)
ROW(0x0fb000f0u, 0x061000f0u, MEDIA, M_PAR, 0, L_PAR, r_media3)
ROW(0x0fb00090u, 0x06200010u, MEDIA, M_PAR, 0, L_PAR, r_media3)
ROW(0x0fb000f0u, 0x06200090u, MEDIA, M_PAR, 0, L_PAR, r_media3)
ROW(0x0fb000f0u, 0x062000f0u, MEDIA, M_PAR, 0, L_PAR, r_media3)
ROW(0x0fb00090u, 0x06300010u, MEDIA, M_PAR, 0, L_PAR, r_media3)
ROW(0x0fb000f0u, 0x06300090u, MEDIA, M_PAR, 0, L_PAR, r_media3)
ROW(0x0fb000f0u, 0x063000f0u, MEDIA, M_PAR, 0, L_PAR, r_media3)
/* A5.4.3 Packing, unpacking, saturation and reversal: op1 = 01xxx */
ROW(0x0ff00030u, 0x06800010u, MEDIA, M_PKH, 0, L_PKH, r_pkh)
ROW(0x0fff00f0u, 0x068f0070u, MEDIA, M_SXTB16, 0, L_EXT, r_ext)
ROW(0x0ff000f0u, 0x06800070u, MEDIA, M_SXTAB16, 0, L_EXT, r_ext)
ROW(0x0ff000f0u, 0x068000b0u, MEDIA, M_SEL, 0, L_R3, r_media3)
ROW(0x0fe00030u, 0x06a00010u, MEDIA, M_SSAT, 0, L_SAT, r_sat)
ROW(0x0ff000f0u, 0x06a00030u, MEDIA, M_SSAT16, 0, L_SAT16, r_sat16)
ROW(0x0fff00f0u, 0x06af0070u, MEDIA, M_SXTB, 0, L_EXT, r_ext)
ROW(0x0ff000f0u, 0x06a00070u, MEDIA, M_SXTAB, 0, L_EXT, r_ext)
ROW(0x0ff000f0u, 0x06b00030u, MEDIA, M_REV, 0, L_RDRM, r_rev)
ROW(0x0fff00f0u, 0x06bf0070u, MEDIA, M_SXTH, 0, L_EXT, r_ext)
ROW(0x0ff000f0u, 0x06b00070u, MEDIA, M_SXTAH, 0, L_EXT, r_ext)
ROW(0x0ff000f0u, 0x06b000b0u, MEDIA, M_REV16, 0, L_RDRM, r_rev)
ROW(0x0fff00f0u, 0x06cf0070u, MEDIA, M_UXTB16, 0, L_EXT, r_ext)
ROW(0x0ff000f0u, 0x06c00070u, MEDIA, M_UXTAB16, 0, L_EXT, r_ext)
ROW(0x0fe00030u, 0x06e00010u, MEDIA, M_USAT, 0, L_SAT, r_sat)
ROW(0x0ff000f0u, 0x06e00030u, MEDIA, M_USAT16, 0, L_SAT16, r_sat16)
ROW(0x0fff00f0u, 0x06ef0070u, MEDIA, M_UXTB, 0, L_EXT, r_ext)
ROW(0x0ff000f0u, 0x06e00070u, MEDIA, M_UXTAB, 0, L_EXT, r_ext)
ROW(0x0ff000f0u, 0x06f00030u, MEDIA, M_RBIT, 0, L_RDRM, r_rev)
ROW(0x0fff00f0u, 0x06ff0070u, MEDIA, M_UXTH, 0, L_EXT, r_ext)
ROW(0x0ff000f0u, 0x06f00070u, MEDIA, M_UXTAH, 0, L_EXT, r_ext)
ROW(0x0ff000f0u, 0x06f000b0u, MEDIA, M_REVSH, 0, L_RDRM, r_rev)
/* A5.4.4 Signed multiply, signed and unsigned divide: op1 = 10xxx */
ROW(0x0ff0f0d0u, 0x0700f010u, MUL, M_SMUAD, 0, L_MUL3, r_dnm)
ROW(0x0ff000d0u, 0x07000010u, MUL, M_SMLAD, 0, L_MUL4, r_mul4)
ROW(0x0ff0f0d0u, 0x0700f050u, MUL, M_SMUSD, 0, L_MUL3, r_dnm)
ROW(0x0ff000d0u, 0x07000050u, MUL, M_SMLSD, 0, L_MUL4, r_mul4)
ROW(0x0ff000f0u, 0x07100010u, DIV, M_SDIV, 0, L_MUL3, r_div)
ROW(0x0ff000f0u, 0x07300010u, DIV, M_UDIV, 0, L_MUL3, r_div)
ROW(0x0ff000d0u, 0x07400010u, MUL, M_SMLALD, 0, L_MULL, r_mull)
ROW(0x0ff000d0u, 0x07400050u, MUL, M_SMLSLD, 0, L_MULL, r_mull)
ROW(0x0ff0f0d0u, 0x0750f010u, MUL, M_SMMUL, 0, L_MUL3, r_dnm)
ROW(0x0ff000d0u, 0x07500010u, MUL, M_SMMLA, 0, L_MUL4, r_mul4)
ROW(0x0ff000d0u, 0x075000d0u, MUL, M_SMMLS, 0, L_MUL4, r_mul4)
/* A5.4 op1 = 11000 .. 11111 */
ROW(0x0ff0f0f0u, 0x0780f010u, MEDIA, M_USAD8, 0, L_MUL3, r_dnm)
ROW(0x0ff000f0u, 0x07800010u, MEDIA, M_USADA8, 0, L_MUL4, r_mul4)
ROW(0x0fe00070u, 0x07a00050u, MEDIA, M_SBFX, 0, L_BFX, r_bfx)
ROW(0x0fe0007fu, 0x07c0001fu, MEDIA, M_BFC, 0, L_BFI, r_bfi)
ROW(0x0fe00070u, 0x07c00010u, MEDIA, M_BFI, 0, L_BFI, r_bfi)
ROW(0x0fe00070u, 0x07e00050u, MEDIA, M_UBFX, 0, L_BFX, r_bfx)
ROW(0x0ff000f0u, 0x07f000f0u, UDF, 0, FL_UNDEF, L_IMM16, r_none)

/* ------------------------------------------------------------------------
 * A5.5 Branch, branch with link, and block data transfer (cond, op1 = 10x)
 * ------------------------------------------------------------------------ */
ROW(0x0e500000u, 0x08000000u, STM, 4, FL_ST, L_LDM, r_stm)        /* STMDA..STMIB */
ROW(0x0e500000u, 0x08100000u, LDM, 4, FL_LD, L_LDM, r_ldm)        /* LDMDA..LDMIB */
ROW(0x0e500000u, 0x08400000u, STM, 4, FL_ST | FL_USR | FL_SENS, L_LDM, r_ldm_user)
ROW(0x0e508000u, 0x08500000u, LDM, 4, FL_LD | FL_USR | FL_SENS, L_LDM, r_ldm_user)
ROW(0x0e508000u, 0x08508000u, LDM, 4, FL_LD | FL_SENS | FL_EXCRET | FL_WPC, L_LDM, r_ldm_exc)
ROW(0x0f000000u, 0x0a000000u, B, 0, FL_WPC, L_BRANCH, r_none)
ROW(0x0f000000u, 0x0b000000u, BL, 0, FL_WPC, L_BRANCH, r_none)

/* ------------------------------------------------------------------------
 * A5.6 Coprocessor instructions, and Supervisor Call (cond, op1 = 11x), in
 * the order of the A5.6 table: 00000x, SVC, coproc != 101x, coproc == 101x
 * ------------------------------------------------------------------------ */
ROW(0x0fe00000u, 0x0c000000u, UNDEFINED, 0, FL_UNDEF, L_NONE, r_none) /* 00000x */
ROW(0x0f000000u, 0x0f000000u, SVC, 0, 0, L_IMM24, r_none)
/* coproc != 101x, as three rows each: coproc = 0xxx, 11xx, 100x
 * (A8.8 STC, A8.8 LDC, A8.8 MCRR, A8.8 MRRC, A8.8 CDP,
 * A8.8 MCR, A8.8 MRC; encodings A1) */
#define CPROWS(m, v, c, f, l, r)                                               \
	ROW((m) | 0x800u, (v), c, 0, f, l, r)                                  \
	ROW((m) | 0xc00u, (v) | 0xc00u, c, 0, f, l, r)                         \
	ROW((m) | 0xe00u, (v) | 0x800u, c, 0, f, l, r)
CPROWS(0x0ff00000u, 0x0c400000u, MCRR, 0, L_MCRR, r_mcrr)
CPROWS(0x0ff00000u, 0x0c500000u, MRRC, 0, L_MCRR, r_mrrc)
CPROWS(0x0e100000u, 0x0c000000u, STC, FL_ST, L_LDC, r_stc)
CPROWS(0x0e100000u, 0x0c100000u, LDC, FL_LD, L_LDC, r_ldc)
CPROWS(0x0f000010u, 0x0e000000u, CDP, 0, L_CDP, r_cdp)
CPROWS(0x0f100010u, 0x0e000010u, MCR, 0, L_MCR, r_mcr)
CPROWS(0x0f100010u, 0x0e100010u, MRC, 0, L_MCR, r_mrc)
#undef CPROWS
/* coproc = 101x: A7.6 extension register load/store, P:U:W = 010, 011,
 * 1x0, 101 (VSTM/VLDM/VSTR/VLDR/VPUSH/VPOP) */
ROW(0x0f800e00u, 0x0c800a00u, VFP, 0, 0, L_VFP, r_vldm)
ROW(0x0f200e00u, 0x0d000a00u, VFP, 0, 0, L_VFP, r_none)
ROW(0x0fa00e00u, 0x0d200a00u, VFP, 0, 0, L_VFP, r_vldm)
/* A7.9 64-bit transfers between ARM core and extension registers (VMOV):
 * op1 = 00010x, bits [7:4] = 00x1 */
ROW(0x0fe00ed0u, 0x0c400a10u, VFP, 0, 0, L_VFP, r_vmov64)
/* A7.5 Floating-point data-processing: op1 = 10xxxx, op = 0; opc1 =
 * bits [23,21:20], opc2 = bits [19:16], opc3 = bits [7:6] */
ROW(0x0f800e10u, 0x0e000a00u, VFP, 0, 0, L_VFP, r_none)   /* opc1 0x00..0x11 */
ROW(0x0fb00e50u, 0x0e800a00u, VFP, 0, 0, L_VFP, r_none)   /* VDIV */
ROW(0x0fb00e10u, 0x0e900a00u, VFP, 0, 0, L_VFP, r_none)   /* VFNMA, VFNMS */
ROW(0x0fb00e10u, 0x0ea00a00u, VFP, 0, 0, L_VFP, r_none)   /* VFMA, VFMS */
ROW(0x0fb00e50u, 0x0eb00a00u, VFP, 0, 0, L_VFP, r_vmov_imm) /* VMOV (imm) */
ROW(0x0fbf0e50u, 0x0eb00a40u, VFP, 0, 0, L_VFP, r_none)   /* VMOV (reg), VABS */
ROW(0x0fbf0e50u, 0x0eb10a40u, VFP, 0, 0, L_VFP, r_none)   /* VNEG, VSQRT */
ROW(0x0fbe0e50u, 0x0eb20a40u, VFP, 0, 0, L_VFP, r_vcvtb) /* VCVTB, VCVTT */
ROW(0x0fbe0e50u, 0x0eb40a40u, VFP, 0, 0, L_VFP, r_vcmp)   /* VCMP{E} */
ROW(0x0fbf0ed0u, 0x0eb70ac0u, VFP, 0, 0, L_VFP, r_none)   /* VCVT (double, single) */
ROW(0x0fbf0e50u, 0x0eb80a40u, VFP, 0, 0, L_VFP, r_none)   /* VCVT (to fp from int) */
ROW(0x0fbe0e50u, 0x0eba0a40u, VFP, 0, 0, L_VFP, r_vcvt_fixed) /* VCVT (fixed) */
ROW(0x0fbc0e50u, 0x0ebc0a40u, VFP, 0, 0, L_VFP, r_vcvt_fixed) /* to int, fixed */
/* A7.8 8, 16, and 32-bit transfers between ARM core and extension registers:
 * op1 = 10xxxx, op = 1; L = bit 20, C = bit 8, A = bits [23:21] */
ROW(0x0fe00f10u, 0x0e000a10u, VFP, 0, 0, L_VFP, r_vmov_s) /* core <-> single */
ROW(0x0ff00f10u, 0x0ee00a10u, VMSR, 0, 0, L_VMRS, r_vmsr)
ROW(0x0ff00f10u, 0x0ef00a10u, VMRS, 0, 0, L_VMRS, r_vmrs)
/* VMOV core -> scalar, VDUP (core register), VMOV scalar -> core */
ROW(0x0f900f10u, 0x0e000b10u, VFP, 0, 0, L_VFP, r_vmov_to_scalar)
ROW(0x0f900f50u, 0x0e800b10u, NEON, 0, 0, L_VFP, r_vdup_core)
ROW(0x0f100f10u, 0x0e100b10u, VFP, 0, 0, L_VFP, r_vmov_from_scalar)
/* the rest of the coproc = 101x space is unallocated (no row: UNDEFINED) */

/* ------------------------------------------------------------------------
 * A5.7 Unconditional instructions (cond = 1111)
 * ------------------------------------------------------------------------ */
/* A5.7.1 Memory hints, Advanced SIMD instructions, and miscellaneous */
ROW(0xfff10020u, 0xf1000000u, CPS, 0, FL_SENS, L_CPS, r_cps)
ROW(0xfff100f0u, 0xf1010000u, SETEND, 0, 0, L_SETEND, r_setend)
/* A7.4 Advanced SIMD data-processing: 1111 001U, A = bits [23:19],
 * B = bits [11:8], C = bits [7:4]; the allocated entries of its sub-tables.
 * Instruction-level UNDEFINED conditions: register alignment as NU rows,
 * size/type fields in the NR rows' refine functions (lib/decode_a32.c). */
/* A7.4.1 Three registers of the same length: A = 0xxxx; sub-table A =
 * bits [11:8], B = bit 4, U, C = bits [21:20] */
#define ND(m, v) ROW((m), (v), NEON, 0, 0, L_NONE, r_none)
#define NR(m, v, r) ROW((m), (v), NEON, 0, 0, L_NONE, r)
#define NU(m, v) ROW((m), (v), UNDEFINED, 0, FL_UNDEF, L_NONE, r_none)
/* every A7.4.1 instruction: Q = 1 with an odd Vd, Vn or Vm is UNDEFINED;
 * the pairwise ones (VPADD, VPMAX, VPMIN) are doubleword only */
NU(0xfe801040u, 0xf2001040u)   /* Q = 1, Vd<0> = 1 */
NU(0xfe810040u, 0xf2010040u)   /* Q = 1, Vn<0> = 1 */
NU(0xfe800041u, 0xf2000041u)   /* Q = 1, Vm<0> = 1 */
NU(0xfe800f40u, 0xf2000a40u)   /* VPMAX/VPMIN (integer), Q = 1 */
NU(0xff800f50u, 0xf2000b50u)   /* VPADD (integer), Q = 1 */
NU(0xffa00f50u, 0xf3000d40u)   /* VPADD (fp), Q = 1 */
NU(0xff800f50u, 0xf3000f40u)   /* VPMAX/VPMIN (fp), Q = 1 */
NR(0xfe800800u, 0xf2000000u, r_n3_0xxx) /* 0xxx: VHADD .. VABA */
NR(0xfe800e00u, 0xf2000800u, r_n3_100x) /* 100x: VADD..VCEQ, VMLA..VMUL */
NR(0xfe800f00u, 0xf2000a00u, r_n3_size3) /* 1010: VPMAX/VPMIN */
NR(0xfe800f10u, 0xf2000b00u, r_n_size03) /* 1011 B=0: VQDMULH, VQRDMULH */
NR(0xff800f10u, 0xf2000b10u, r_n3_size3) /* 1011 B=1 U=0: VPADD */
NR(0xff800f10u, 0xf2000c10u, r_n3_fp) /* 1100 B=1 U=0: VFMA, VFMS */
NR(0xfe800f10u, 0xf2000d00u, r_n3_fp) /* 1101 B=0: VADD/VSUB/VPADD/VABD (fp) */
NR(0xff800f10u, 0xf2000d10u, r_n3_fp) /* 1101 B=1 U=0: VMLA/VMLS (fp) */
NR(0xffa00f10u, 0xf3000d10u, r_n3_fp) /* 1101 B=1 U=1 C=0x: VMUL (fp) */
NR(0xfea00f10u, 0xf2000e00u, r_n3_fp) /* 1110 B=0 C=0x: VCEQ, VCGE (fp) */
NR(0xffa00f10u, 0xf3200e00u, r_n3_fp) /* 1110 B=0 U=1 C=1x: VCGT (fp) */
NR(0xff800f10u, 0xf3000e10u, r_n3_fp) /* 1110 B=1 U=1: VACGE, VACGT */
NR(0xfe800f10u, 0xf2000f00u, r_n3_fp) /* 1111 B=0: V{P}MAX/V{P}MIN (fp) */
NR(0xff800f10u, 0xf2000f10u, r_n3_fp) /* 1111 B=1 U=0: VRECPS, VRSQRTS */
/* A7.4.6 One register and a modified immediate: A = 1x000, C = 0xx1;
 * cmode = bits [11:8], op = bit 5; op = 1 with cmode = 1111 is UNDEFINED */
NU(0xfeb810d0u, 0xf2801050u)   /* Q = 1, Vd<0> = 1 */
ND(0xfeb80890u, 0xf2800010u)
ND(0xfeb80c90u, 0xf2800810u)
ND(0xfeb80e90u, 0xf2800c10u)
ND(0xfeb80f90u, 0xf2800e10u)
ND(0xfeb80fb0u, 0xf2800f10u)
ROW(0xfeb80fb0u, 0xf2800f30u, UNDEFINED, 0, FL_UNDEF, L_NONE, r_none)
/* A7.4.4 Two registers and a shift amount: A = 1x001, 1x01x, 1x1xx with
 * C = 0xx1, or C = 1xx1; sub-table A = bits [11:8], U, B = bit 6, L = bit 7 */
/* Q = 1 with an odd Vd or Vm is UNDEFINED for the non-narrowing,
 * non-lengthening ones (A = 0xxx and 111x) */
NU(0xfe801850u, 0xf2801050u)   /* 0xxx, Q = 1, Vd<0> = 1 */
NU(0xfe800851u, 0xf2800051u)   /* 0xxx, Q = 1, Vm<0> = 1 */
NU(0xfe801e50u, 0xf2801e50u)   /* 111x, Q = 1, Vd<0> = 1 */
NU(0xfe800e51u, 0xf2800e51u)   /* 111x, Q = 1, Vm<0> = 1 */
ND(0xfe800c10u, 0xf2800010u)   /* 00xx: VSHR, VSRA, VRSHR, VRSRA */
ND(0xff800f10u, 0xf3800410u)   /* 0100 U=1: VSRI */
ND(0xfe800f10u, 0xf2800510u)   /* 0101: VSHL, VSLI */
NR(0xfe800e10u, 0xf2800610u, r_vqshlu) /* 011x: VQSHL, VQSHLU */
NU(0xfe800e11u, 0xf2800811u)   /* 100x: narrowing, Vm<0> = 1 */
NU(0xfe801f10u, 0xf2801a10u)   /* 1010: VSHLL/VMOVL, Vd<0> = 1 */
ND(0xfe800e90u, 0xf2800810u)   /* 100x L=0: V{Q}{R}SHR{U}N */
ND(0xfe800fd0u, 0xf2800a10u)   /* 1010 L=0 B=0: VSHLL, VMOVL */
NR(0xfe800e90u, 0xf2800e10u, r_vcvt_fixed_n) /* 111x L=0: VCVT (fixed) */
/* A = 1x11x (bits [21:20] = 11), C = xxx0: VEXT, A7.4.5 two registers
 * miscellaneous (sub-table A = bits [17:16], B = bits [10:6]), VTBL/VTBX,
 * VDUP (scalar). Listed before the A = 1x0xx/1x10x rows below, which then
 * need not exclude bits [21:20] = 11 (the two groups are disjoint). */
NU(0xffb00850u, 0xf2b00800u)   /* VEXT: Q = 0 with imm4<3> = 1 */
NU(0xffb01050u, 0xf2b01040u)   /* VEXT: Q = 1, Vd<0> = 1 */
NU(0xffb10050u, 0xf2b10040u)   /* VEXT: Q = 1, Vn<0> = 1 */
NU(0xffb00051u, 0xf2b00041u)   /* VEXT: Q = 1, Vm<0> = 1 */
ND(0xffb00010u, 0xf2b00000u)   /* U=0: VEXT */
/* two registers misc with Q at bit 6 (A = 0x, 11, and 10 with B = 00xxx):
 * Q = 1 with an odd Vd or Vm is UNDEFINED */
NU(0xffb21850u, 0xf3b01040u)
NU(0xffb20851u, 0xf3b00041u)
NU(0xffb31850u, 0xf3b31040u)
NU(0xffb30851u, 0xf3b30041u)
NU(0xffb31e50u, 0xf3b21040u)
NU(0xffb30e51u, 0xf3b20041u)
NU(0xffb30f11u, 0xf3b20201u)   /* 10, 010xx VMOVN..: Vm<0> = 1 */
NU(0xffb31fd0u, 0xf3b21300u)   /* 10, 01100 VSHLL: Vd<0> = 1 */
NU(0xffb30fd1u, 0xf3b20601u)   /* 10, 11000 VCVT f16.f32: Vm<0> = 1 */
NU(0xffb31fd0u, 0xf3b21700u)   /* 10, 11100 VCVT f32.f16: Vd<0> = 1 */
NR(0xffb30f10u, 0xf3b00000u, r_vrev) /* 00, 0000x 0001x: VREV64, VREV32 */
NR(0xffb30f90u, 0xf3b00100u, r_vrev) /* 00, 0010x: VREV16 */
NR(0xffb30f10u, 0xf3b00200u, r_n2_size3) /* 00, 010xx: VPADDL */
NR(0xffb30c10u, 0xf3b00400u, r_n2_00_1x) /* 00, 1xxxx: VCLS .. VQNEG, VPADAL */
NR(0xffb30a10u, 0xf3b10000u, r_n2_01) /* 01, x0xxx: VCGT/VCGE/VCEQ/VCLE #0 */
NR(0xffb30b90u, 0xf3b10200u, r_n2_01) /* 01, x100x: VCLT #0 */
NR(0xffb30b10u, 0xf3b10300u, r_n2_01) /* 01, x11xx: VABS, VNEG */
NR(0xffb30e10u, 0xf3b20000u, r_vswp_vzip) /* 10, 00xxx: VSWP..VZIP */
NR(0xffb30f10u, 0xf3b20200u, r_n2_size3) /* 10, 010xx: VMOVN, VQMOVUN, VQMOVN */
NR(0xffb30fd0u, 0xf3b20300u, r_n2_size3) /* 10, 01100: VSHLL (maximum shift) */
NR(0xffb30ed0u, 0xf3b20600u, r_vcvt_hs) /* 10, 11x00: VCVT (half <-> single) */
NR(0xffb30c10u, 0xf3b30400u, r_n2_11) /* 11, 1xxxx: VRECPE, VRSQRTE, VCVT */
NR(0xffb00c10u, 0xf3b00800u, r_vtbl) /* U=1, B=10xx: VTBL, VTBX */
NR(0xffb00f90u, 0xf3b00c00u, r_vdup_scalar) /* B=1100: VDUP (scalar) */
ROW(0xfeb00010u, 0xf2b00000u, UNDEFINED, 0, FL_UNDEF, L_NONE, r_none)
/* A7.4.2 Three registers of different lengths: A = 1x0xx, 1x10x, C = x0x0;
 * sub-table A = bits [11:8], U */
NU(0xfe801c50u, 0xf2801000u)   /* 00xx long/wide: Vd<0> = 1 */
NU(0xfe810d50u, 0xf2810100u)   /* 00x1 wide: Vn<0> = 1 */
NU(0xfe810d50u, 0xf2810400u)   /* 01x0 narrow: Vn<0> = 1 */
NU(0xfe800d51u, 0xf2800401u)   /* 01x0 narrow: Vm<0> = 1 */
NU(0xfe801d50u, 0xf2801500u)   /* 01x1 long: Vd<0> = 1 */
NU(0xfe801850u, 0xf2801800u)   /* 1xxx long: Vd<0> = 1 */
ND(0xfe800850u, 0xf2800000u)   /* 0xxx: VADDL .. VABDL */
ND(0xfe800f50u, 0xf2800800u)   /* 1000: VMLAL */
NR(0xff800d50u, 0xf2800900u, r_n_size03) /* 10x1 U=0: VQDMLAL, VQDMLSL */
ND(0xfe800f50u, 0xf2800a00u)   /* 1010: VMLSL */
ND(0xfe800f50u, 0xf2800c00u)   /* 1100: VMULL (integer) */
NR(0xff800f50u, 0xf2800d00u, r_n_size03) /* 1101 U=0: VQDMULL */
NR(0xfe800f50u, 0xf2800e00u, r_vmull_p) /* 1110: VMULL (polynomial) */
/* A7.4.3 Two registers and a scalar: A = 1x0xx, 1x10x, C = x1x0 */
NU(0xfeb00050u, 0xf2800040u)   /* size = 00 */
NU(0xff801a50u, 0xf3801040u)   /* 0x0x Q = 1: Vd<0> = 1 */
NU(0xff810a50u, 0xf3810040u)   /* 0x0x Q = 1: Vn<0> = 1 */
NU(0xff801e50u, 0xf3801840u)   /* 100x Q = 1: Vd<0> = 1 */
NU(0xff810e50u, 0xf3810840u)   /* 100x Q = 1: Vn<0> = 1 */
NU(0xff801e50u, 0xf3801c40u)   /* 110x Q = 1: Vd<0> = 1 */
NU(0xff810e50u, 0xf3810c40u)   /* 110x Q = 1: Vn<0> = 1 */
NU(0xfe801a50u, 0xf2801240u)   /* 0x1x long: Vd<0> = 1 */
NU(0xfe801e50u, 0xf2801a40u)   /* 101x long: Vd<0> = 1 */
NR(0xfe800a50u, 0xf2800040u, r_nscalar_f) /* 0x0x: VMLA, VMLS (scalar) */
ND(0xfe800b50u, 0xf2800240u)   /* 0x10: VMLAL, VMLSL (scalar) */
ND(0xff800b50u, 0xf2800340u)   /* 0x11 U=0: VQDMLAL, VQDMLSL (scalar) */
NR(0xfe800e50u, 0xf2800840u, r_nscalar_f) /* 100x: VMUL (scalar) */
ND(0xfe800f50u, 0xf2800a40u)   /* 1010: VMULL (scalar) */
ND(0xff800f50u, 0xf2800b40u)   /* 1011 U=0: VQDMULL (scalar) */
ND(0xfe800e50u, 0xf2800c40u)   /* 110x: VQDMULH, VQRDMULH (scalar) */
/* A7.7 Advanced SIMD element or structure load/store: 1111 0100 A x L 0,
 * B = bits [11:8] */
NR(0xff900800u, 0xf4000000u, r_nls_multi) /* A=0, B=0xxx: multiple */
NR(0xff900e00u, 0xf4000800u, r_nls_multi) /* A=0, B=100x: VST2/VLD2 */
NR(0xff900f00u, 0xf4000a00u, r_nls_multi) /* A=0, B=1010: VST1/VLD1 */
NR(0xff900800u, 0xf4800000u, r_nls_lane) /* A=1, B=0xxx: single lane */
NR(0xff900c00u, 0xf4800800u, r_nls_lane) /* A=1, B=10xx: single lane */
NR(0xffb00c00u, 0xf4a00c00u, r_nls_all) /* A=1, L=1, B=11xx: all lanes */
#undef ND
#undef NR
#undef NU
ROW(0xff700000u, 0xf4100000u, NOP, 0, 0, L_NONE, r_none)     /* unallocated memory hint */
ROW(0xff700000u, 0xf4500000u, PLD, 2, 0, L_PLD_IMM, r_pli_imm)  /* PLI (imm, lit) */
ROW(0xff700000u, 0xf5100000u, PLD, 1, 0, L_PLD_IMM, r_pldw_imm) /* PLDW (imm) */
ROW(0xff700000u, 0xf5500000u, PLD, 0, 0, L_PLD_IMM, r_pld_imm)  /* PLD (imm, lit) */
ROW(0xfff00000u, 0xf5300000u, UNDEFINED, 0, FL_UNP | FL_UNDEF, L_NONE, r_none)
ROW(0xfff000f0u, 0xf5700010u, CLREX, 0, 0, L_NONE, r_clrex)
ROW(0xfff000f0u, 0xf5700040u, DSB, 0, 0, L_BARRIER, r_barrier)
ROW(0xfff000f0u, 0xf5700050u, DMB, 0, 0, L_BARRIER, r_barrier)
ROW(0xfff000f0u, 0xf5700060u, ISB, 0, 0, L_BARRIER, r_barrier)
ROW(0xfff00000u, 0xf5700000u, UNDEFINED, 0, FL_UNP | FL_UNDEF, L_NONE, r_none)
ROW(0xffb00000u, 0xf5b00000u, UNDEFINED, 0, FL_UNP | FL_UNDEF, L_NONE, r_none)
ROW(0xff700010u, 0xf6100000u, NOP, 0, 0, L_NONE, r_none)     /* unallocated memory hint */
ROW(0xff700010u, 0xf6500000u, PLD, 2, 0, L_PLD_REG, r_pld_reg)  /* PLI (reg) */
ROW(0xff700010u, 0xf7100000u, PLD, 1, 0, L_PLD_REG, r_pldw_reg) /* PLDW (reg) */
ROW(0xff700010u, 0xf7500000u, PLD, 0, 0, L_PLD_REG, r_pld_reg)  /* PLD (reg) */
ROW(0xfe300010u, 0xf6300000u, UNDEFINED, 0, FL_UNP | FL_UNDEF, L_NONE, r_none)
/* A5.7 op1 = 100xxxxx: SRS, RFE; 101xxxxx: BLX (immediate) */
ROW(0xfe500000u, 0xf8400000u, SRS, 0, FL_SENS | FL_ST, L_SRS, r_srs)
ROW(0xfe500000u, 0xf8100000u, RFE, 0, FL_SENS | FL_EXCRET | FL_WPC | FL_LD, L_SRS, r_rfe)
ROW(0xfe000000u, 0xfa000000u, BLX_IMM, 0, FL_WPC, L_BRANCH, r_none)
/* A5.7 op1 = 110xxxxx, 1110xxxx: coprocessor "2" forms; coproc = 101x is
 * UNDEFINED there (A8.8 LDC2, A8.8 MCR2 etc., encoding A2) */
ROW(0xfc000e00u, 0xfc000a00u, UNDEFINED, 0, FL_UNDEF, L_NONE, r_none)
ROW(0xffe00000u, 0xfc000000u, UNDEFINED, 0, FL_UNDEF, L_NONE, r_none)
ROW(0xfff00000u, 0xfc400000u, MCRR, 0, 0, L_MCRR, r_mcrr)
ROW(0xfff00000u, 0xfc500000u, MRRC, 0, 0, L_MCRR, r_mrrc)
ROW(0xfe100000u, 0xfc000000u, STC, 0, FL_ST, L_LDC, r_stc)
ROW(0xfe100000u, 0xfc100000u, LDC, 0, FL_LD, L_LDC, r_ldc)
ROW(0xff000010u, 0xfe000000u, CDP, 0, 0, L_CDP, r_cdp)
ROW(0xff100010u, 0xfe000010u, MCR, 0, 0, L_MCR, r_mcr)
ROW(0xff100010u, 0xfe100010u, MRC, 0, 0, L_MCR, r_mrc)

/* ------------------------------------------------------------------------
 * Everything else is UNDEFINED (A5.1 and the "other" entries of each A5
 * table). These two rows end every index list, so a lookup always matches.
 * ------------------------------------------------------------------------ */
ROW(0x00000000u, 0x00000000u, UNDEFINED, 0, FL_UNDEF, L_NONE, r_none)
ROW(0xf0000000u, 0xf0000000u, UNDEFINED, 0, FL_UNDEF, L_NONE, r_none)

#undef FL_PRIV
#undef FL_SENS
#undef FL_EXCRET
#undef FL_WPC
#undef FL_UNP
#undef FL_UNDEF
#undef FL_LD
#undef FL_ST
#undef FL_SGN
#undef FL_USR
