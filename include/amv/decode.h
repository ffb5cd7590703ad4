/* SPDX-License-Identifier: BSD-2-Clause */
/**
 * @file decode.h
 * @brief Instruction decoder for virtualization (A32; T32 later).
 *
 * @defgroup decode Decoder
 * @{
 * A guest kernel de-privileged to PL0 meets three kinds of instruction:
 *  - **privileged** ones UNDEF at PL0 and trap to the monitor, which
 *    emulates them (MCR/MRC to most of CP15, VMRS/VMSR of FPEXC, SMC, ...);
 *  - **sensitive** ones execute at PL0 without trapping but do something
 *    else than at PL1 (CPS is a NOP, MSR ignores the mode bits, MRS shows
 *    User mode, exception returns and LDM/STM^ are UNPREDICTABLE, LDRT
 *    checks PL0 permissions the monitor's domains do not express, WFI stops
 *    the host): they must be patched or paravirtualized;
 *  - everything else runs unchanged.
 *
 * amv_decode() turns one instruction word into a struct amv_insn: class,
 * condition, operands and those properties. The decoder is table driven:
 * rows of (mask, value, class, flags, operand layout) from the ARMv7 ARM
 * (DDI 0406C) chapter A5 encoding tables, looked up through an index on
 * bits [27:20] and [7:4]; see lib/decode_a32.c. amv_decode_class() is the
 * classification-only fast path.
 *
 * Where the architecture makes an encoding UNPREDICTABLE the decoder still
 * reports the instruction it would be and sets AMV_INSN_F_UNPREDICTABLE.
 * UDF also carries AMV_INSN_F_UNDEFINED. docs/decode.md lists the field
 * conventions of every class and the PL0 policy behind the PRIVILEGED and
 * SENSITIVE flags (CDP, LDC, STC and the "2" forms to CP14/CP15 count as
 * privileged too).
 */
#ifndef AMV_DECODE_H
#define AMV_DECODE_H

#include <amv/amv_env.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Instruction sets; the decoder takes one as a parameter. */
enum amv_isa {
	AMV_ISA_A32 = 0, /**< ARM (A32) state, 32-bit words. */
	AMV_ISA_T32 = 1, /**< Thumb (T32); not decoded yet (-AMV_ENOTSUP). */
};

/** Instruction classes. */
enum amv_insn_class {
	AMV_INSN_UNDEFINED = 0, /**< Unallocated encoding: UNDEFINED. */
	AMV_INSN_UDF,           /**< UDF, permanently undefined. */
	/* branches (A5.5) */
	AMV_INSN_B,             /**< B: imm = byte offset (signed). */
	AMV_INSN_BL,            /**< BL: imm = byte offset (signed). */
	AMV_INSN_BLX_IMM,       /**< BLX (immediate): imm = byte offset. */
	AMV_INSN_BX,            /**< BX Rm. */
	AMV_INSN_BLX_REG,       /**< BLX Rm. */
	AMV_INSN_BXJ,           /**< BXJ Rm. */
	/* data processing (A5.2) */
	AMV_INSN_DP,            /**< AND..MVN: op = AMV_DP_*; Rd, Rn, and Rm
				     (+ shift) or imm (modified immediate,
				     expanded) or Rm shifted by Rs. */
	AMV_INSN_MOVW,          /**< MOVW Rd, \#imm16. */
	AMV_INSN_MOVT,          /**< MOVT Rd, \#imm16. */
	AMV_INSN_MUL,           /**< Multiply and multiply-accumulate, all
				     widths (A5.2.5, A5.2.7, A5.4.4). */
	AMV_INSN_DIV,           /**< SDIV/UDIV. */
	AMV_INSN_MEDIA,         /**< Saturating, parallel add/subtract,
				     packing, extension, reversal, bit-field,
				     CLZ, SEL, USAD8 (A5.2.6, A5.4). */
	/* loads and stores (A5.3, A5.5, A5.2.8, A5.2.9) */
	AMV_INSN_LDR,           /**< Load single/dual: size 1, 2, 4 or 8. */
	AMV_INSN_STR,           /**< Store single/dual: size 1, 2, 4 or 8. */
	AMV_INSN_LDRT,          /**< Unprivileged load (LDRT, LDRBT, LDRHT,
				     LDRSBT, LDRSHT). */
	AMV_INSN_STRT,          /**< Unprivileged store (STRT, STRBT, STRHT). */
	AMV_INSN_LDREX,         /**< LDREX{B,H,D}. */
	AMV_INSN_STREX,         /**< STREX{B,H,D}: rd = status register. */
	AMV_INSN_LDM,           /**< LDM/POP family: reglist; ^ forms set
				     USER_REGS (no PC) or EXC_RETURN (PC). */
	AMV_INSN_STM,           /**< STM/PUSH family; ^ sets USER_REGS. */
	AMV_INSN_SWP,           /**< SWP, SWPB. */
	AMV_INSN_PLD,           /**< PLD, PLDW, PLI (preload hints). */
	/* status registers and modes (A5.2.12, B9) */
	AMV_INSN_MRS,           /**< MRS Rd, CPSR/SPSR (F_SPSR). */
	AMV_INSN_MSR,           /**< MSR CPSR/SPSR, psr_mask = fields. */
	AMV_INSN_MRS_BANKED,    /**< MRS Rd, banked register (sysm). */
	AMV_INSN_MSR_BANKED,    /**< MSR banked register, Rn (sysm). */
	AMV_INSN_CPS,           /**< CPS: op = imod, psr_mask = AIF, mode. */
	AMV_INSN_SETEND,        /**< SETEND: imm = E bit. */
	AMV_INSN_SRS,           /**< SRS: mode, addressing in flags. */
	AMV_INSN_RFE,           /**< RFE Rn. */
	AMV_INSN_ERET,          /**< ERET. */
	/* exception generation */
	AMV_INSN_SVC,           /**< SVC \#imm24. */
	AMV_INSN_HVC,           /**< HVC \#imm16. */
	AMV_INSN_SMC,           /**< SMC \#imm4. */
	AMV_INSN_BKPT,          /**< BKPT \#imm16. */
	/* hints, barriers */
	AMV_INSN_NOP,           /**< NOP. */
	AMV_INSN_YIELD,         /**< YIELD. */
	AMV_INSN_WFE,           /**< WFE. */
	AMV_INSN_WFI,           /**< WFI. */
	AMV_INSN_SEV,           /**< SEV. */
	AMV_INSN_DBG,           /**< DBG \#imm4. */
	AMV_INSN_DMB,           /**< DMB: imm = option. */
	AMV_INSN_DSB,           /**< DSB: imm = option. */
	AMV_INSN_ISB,           /**< ISB: imm = option. */
	AMV_INSN_CLREX,         /**< CLREX. */
	/* coprocessors (A5.6, A8.8) */
	AMV_INSN_MCR,           /**< MCR/MCR2: cp, opc1, rt, crn, crm, opc2. */
	AMV_INSN_MRC,           /**< MRC/MRC2 (rt = 15 names APSR_nzcv, not
				     PC: no AMV_INSN_F_USES_PC). */
	AMV_INSN_MCRR,          /**< MCRR/MCRR2: cp, opc1, rt, rt2, crm. */
	AMV_INSN_MRRC,          /**< MRRC/MRRC2. */
	AMV_INSN_CDP,           /**< CDP/CDP2: cp, opc1, crd, crn, crm, opc2. */
	AMV_INSN_LDC,           /**< LDC/LDC2: cp, crd, rn, imm; opc1 = D
				     (the long form); P/U/W as flags; the
				     unindexed form (P = 0, W = 0) puts its
				     option in imm. */
	AMV_INSN_STC,           /**< STC/STC2, as LDC. */
	AMV_INSN_VMRS,          /**< VMRS Rt, \<spec_reg\>: crn = register. */
	AMV_INSN_VMSR,          /**< VMSR \<spec_reg\>, Rt: crn = register. */
	AMV_INSN_VFP,           /**< Other VFP (CP10/CP11) instructions. */
	AMV_INSN_NEON,          /**< Advanced SIMD (unconditional space). */
	AMV_INSN_CLASS_COUNT    /**< Number of classes; not a class. */
};

/** @name Data-processing opcodes (amv_insn::op for AMV_INSN_DP, A5.2.1) */
/** @{ */
#define AMV_DP_AND 0x0u /**< Rd = Rn AND op2. */
#define AMV_DP_EOR 0x1u /**< Rd = Rn EOR op2. */
#define AMV_DP_SUB 0x2u /**< Rd = Rn - op2. */
#define AMV_DP_RSB 0x3u /**< Rd = op2 - Rn. */
#define AMV_DP_ADD 0x4u /**< Rd = Rn + op2. */
#define AMV_DP_ADC 0x5u /**< Rd = Rn + op2 + C. */
#define AMV_DP_SBC 0x6u /**< Rd = Rn - op2 - NOT C. */
#define AMV_DP_RSC 0x7u /**< Rd = op2 - Rn - NOT C. */
#define AMV_DP_TST 0x8u /**< flags from Rn AND op2 (no Rd). */
#define AMV_DP_TEQ 0x9u /**< flags from Rn EOR op2 (no Rd). */
#define AMV_DP_CMP 0xau /**< flags from Rn - op2 (no Rd). */
#define AMV_DP_CMN 0xbu /**< flags from Rn + op2 (no Rd). */
#define AMV_DP_ORR 0xcu /**< Rd = Rn OR op2. */
#define AMV_DP_MOV 0xdu /**< Rd = op2 (no Rn; LSL/LSR/ASR/ROR/RRX too). */
#define AMV_DP_BIC 0xeu /**< Rd = Rn AND NOT op2. */
#define AMV_DP_MVN 0xfu /**< Rd = NOT op2 (no Rn). */
/** @} */

/** @name Shift types (amv_insn::shift_type) */
/** @{ */
#define AMV_SHIFT_LSL 0u /**< Logical shift left. */
#define AMV_SHIFT_LSR 1u /**< Logical shift right. */
#define AMV_SHIFT_ASR 2u /**< Arithmetic shift right. */
#define AMV_SHIFT_ROR 3u /**< Rotate right. */
#define AMV_SHIFT_RRX 4u /**< Rotate right with extend (ROR #0). */
/** @} */

/** @name MSR field mask (amv_insn::psr_mask, A8.8.108) */
/** @{ */
#define AMV_PSR_C 0x1u /**< Control field, bits [7:0] (mode, T, A/I/F). */
#define AMV_PSR_X 0x2u /**< Extension field, bits [15:8] (IT, E, A). */
#define AMV_PSR_S 0x4u /**< Status field, bits [23:16] (GE). */
#define AMV_PSR_F 0x8u /**< Flags field, bits [31:24] (N Z C V Q, IT, J). */
/** @} */

/** @name CPS (amv_insn::op = imod, psr_mask = AIF bits) */
/** @{ */
#define AMV_CPS_IMOD_NONE 0u    /**< imod = 0b00: no change of A/I/F. */
#define AMV_CPS_IMOD_ENABLE 2u  /**< imod = 0b10: CPSIE, clear A/I/F. */
#define AMV_CPS_IMOD_DISABLE 3u /**< imod = 0b11: CPSID, set A/I/F. */
#define AMV_CPS_A 0x4u          /**< A bit affected. */
#define AMV_CPS_I 0x2u          /**< I bit affected. */
#define AMV_CPS_F 0x1u          /**< F bit affected. */
/** @} */

/** @name amv_insn::flags */
/** @{ */
#define AMV_INSN_F_PRIVILEGED 0x00001u  /**< UNDEFINED at PL0: traps. */
#define AMV_INSN_F_SENSITIVE 0x00002u   /**< Runs at PL0 without trapping
					      but not as at PL1: patch. */
#define AMV_INSN_F_EXC_RETURN 0x00004u  /**< Exception return (writes CPSR
					      from SPSR). */
#define AMV_INSN_F_USES_PC 0x00008u     /**< An operand register is PC. */
#define AMV_INSN_F_WRITES_PC 0x00010u   /**< Can write PC (branch, load). */
#define AMV_INSN_F_UNPREDICTABLE 0x00020u /**< UNPREDICTABLE encoding. */
#define AMV_INSN_F_UNDEFINED 0x00040u   /**< UNDEFINED encoding. */
#define AMV_INSN_F_LOAD 0x00080u        /**< Reads memory. */
#define AMV_INSN_F_STORE 0x00100u       /**< Writes memory. */
#define AMV_INSN_F_WBACK 0x00200u       /**< Base register writeback. */
#define AMV_INSN_F_INDEX 0x00400u       /**< Pre-indexed (P = 1). */
#define AMV_INSN_F_ADD 0x00800u         /**< Offset added (U = 1). */
#define AMV_INSN_F_SIGNED 0x01000u      /**< Sign-extending load. */
#define AMV_INSN_F_REG_OFFSET 0x02000u  /**< Offset or operand is Rm. */
#define AMV_INSN_F_SETFLAGS 0x04000u    /**< S bit: sets the flags. */
#define AMV_INSN_F_SPSR 0x08000u        /**< MRS/MSR/banked use SPSR. */
#define AMV_INSN_F_USER_REGS 0x10000u   /**< LDM/STM ^: User registers. */
#define AMV_INSN_F_REG_SHIFT 0x20000u   /**< Rm shifted by Rs. */
#define AMV_INSN_F_UNCOND 0x40000u     /**< Unconditional space (cond
					      field is 0b1111). */
/** @} */

/** No register: the value of an unused register field of amv_insn. */
#define AMV_REG_NONE 0xffu

/** A decoded instruction. Fields the class does not use are AMV_REG_NONE
 *  (registers) or 0 (everything else). */
struct amv_insn {
	uint32_t raw;      /**< The instruction word. */
	uint32_t imm;      /**< Immediate: expanded modified immediate,
				load/store offset (magnitude; see F_ADD),
				branch offset (two's complement), SVC/BKPT/
				HVC/SMC/DBG number, MOVW/MOVT imm16, barrier
				option, SETEND E bit, LDC/STC offset (bytes),
				bit-field lsb/width (lsb | width << 8). */
	uint32_t flags;    /**< AMV_INSN_F_* bits. */
	uint16_t cls;      /**< enum amv_insn_class. */
	uint16_t reglist;  /**< LDM/STM register list. */
	uint8_t isa;       /**< enum amv_isa. */
	uint8_t cond;      /**< Condition 0..14; 15 in the unconditional space
				(AMV_INSN_F_UNCOND). */
	uint8_t op;        /**< DP opcode (AMV_DP_*), CPS imod, hint number,
				or the A5 sub-opcode of MUL/MEDIA rows. */
	uint8_t rd;        /**< Destination (Rd, RdLo for long multiplies). */
	uint8_t rn;        /**< First operand / base register. */
	uint8_t rm;        /**< Second operand / offset register. */
	uint8_t rs;        /**< Shift register, or Ra/RdHi for multiplies. */
	uint8_t rt;        /**< Transfer register (loads, stores, MCR...). */
	uint8_t rt2;       /**< Second transfer register (dual, MCRR...). */
	uint8_t shift_type; /**< AMV_SHIFT_* applied to Rm. */
	uint8_t shift_imm; /**< Shift amount of an immediate shift, as
				executed: LSR/ASR #32 is 32, RRX is 1. */
	uint8_t size;      /**< Bytes per register transferred: 1, 2, 4, 8. */
	uint8_t cp;        /**< Coprocessor number. */
	uint8_t opc1;      /**< Coprocessor opc1 (MCRR/MRRC: opc). */
	uint8_t crn;       /**< CRn (VMRS/VMSR: the special register). */
	uint8_t crd;       /**< CRd of CDP, LDC, STC. */
	uint8_t crm;       /**< CRm. */
	uint8_t opc2;      /**< opc2. */
	uint8_t psr_mask;  /**< MSR fields (AMV_PSR_*), CPS AIF bits. */
	uint8_t sysm;      /**< Banked register SYSm (R in F_SPSR). */
	uint8_t mode;      /**< CPS/SRS target mode (5 bits), 0 if none. */
};

/**
 * @brief Decode one instruction.
 *
 * @param isa  Instruction set of @p word.
 * @param word The instruction (for A32, the 32-bit word as fetched,
 *             little-endian value).
 * @param out  Receives the decoded instruction; always fully written on
 *             success, including for UNDEFINED encodings (class
 *             AMV_INSN_UNDEFINED, flag AMV_INSN_F_UNDEFINED).
 * @retval 0 Success.
 * @retval -AMV_EINVAL @p out is NULL or @p isa is unknown.
 * @retval -AMV_ENOTSUP @p isa is AMV_ISA_T32 (not implemented yet).
 */
int amv_decode(enum amv_isa isa, uint32_t word, struct amv_insn *out);

/**
 * @brief Classify one instruction without decoding its operands.
 *
 * The fast path for scanning code: class and the PRIVILEGED, SENSITIVE,
 * EXC_RETURN, UNPREDICTABLE and UNDEFINED flags agree with amv_decode().
 *
 * @param isa   Instruction set of @p word.
 * @param word  The instruction.
 * @param flags If not NULL, receives those flags.
 * @return The enum amv_insn_class, or a negative -AMV_EINVAL /
 *         -AMV_ENOTSUP as for amv_decode().
 */
int amv_decode_class(enum amv_isa isa, uint32_t word, uint32_t *flags);

/**
 * @brief Name of a class, e.g. "MCR".
 * @param cls An enum amv_insn_class value.
 * @return A static string; "?" for values that are not classes.
 */
const char *amv_insn_class_name(unsigned int cls);

#ifdef __cplusplus
}
#endif

/** @} */
#endif /* AMV_DECODE_H */
