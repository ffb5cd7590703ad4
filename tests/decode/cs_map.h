/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Capstone 4.0.2 instruction id -> amv class, as data. One row per ARM_INS_*
 * id Capstone produces in CS_MODE_ARM; the Advanced SIMD/VFP ids (names
 * starting with "v", plus fldmx/fstmx) are resolved by rule in
 * cs_map_lookup(): AMV_INSN_VFP when cond != 0b1111, AMV_INSN_NEON otherwise.
 */
#ifndef AMV_TEST_CS_MAP_H
#define AMV_TEST_CS_MAP_H

#include <stdint.h>

#include <amv/decode.h>

/* Pseudo classes (>= AMV_INSN_CLASS_COUNT) resolved by the comparator. */
enum {
	CSMAP_SIMD = 200,  /* VFP if cond != 0xf, else NEON */
	CSMAP_V8 = 201,    /* ARMv8-only encoding: UNDEFINED in ARMv7 */
	CSMAP_BY_OPS = 202 /* MRS/MSR (banked or not), BLX (imm or reg) */
};

/* Operand layouts: which comparator checks the operands. */
enum cs_kind {
	K_CLASSONLY = 0, /* class and condition only */
	K_DP_RD_RN,      /* AND..ORR, BIC: Rd, Rn, op2 */
	K_DP_RD,         /* MOV, MVN: Rd, op2 */
	K_DP_RN,         /* TST, TEQ, CMP, CMN: Rn, op2 */
	K_SHIFT,         /* LSL/LSR/ASR/ROR/RRX aliases of MOV */
	K_MOVW,          /* MOVW/MOVT: Rd, imm16 */
	K_MUL3,          /* Rd, Rn, Rm */
	K_MUL4,          /* Rd, Rn, Rm, Ra (Ra in amv rs) */
	K_MULL,          /* RdLo, RdHi, Rn, Rm (RdHi in amv rs) */
	K_DIV,           /* Rd, Rn, Rm */
	K_MEDIA,         /* Rd only */
	K_BITFIELD,      /* BFC/BFI/SBFX/UBFX: Rd, [Rn], lsb, width */
	K_LS,            /* single load/store */
	K_LSD,           /* dual load/store */
	K_PUSHPOP,       /* PUSH/POP: STR/LDR (one reg) or STM/LDM */
	K_LDM,           /* LDM/STM family: Rn, list */
	K_LDREX,         /* Rt, [Rt2], [Rn] */
	K_STREX,         /* Rd, Rt, [Rt2], [Rn] */
	K_SWP,           /* Rt, Rt2, [Rn] */
	K_PLD,           /* [Rn, #imm] / [Rn, Rm] */
	K_MRS,
	K_MSR,
	K_CPS,
	K_SETEND,
	K_SRS,
	K_RFE,
	K_IMM,           /* SVC, HVC, SMC, BKPT, DBG: imm */
	K_HINT,          /* HINT #n: NOP class, op = n */
	K_BARRIER,       /* DMB/DSB: option from mem_barrier */
	K_ISB,           /* ISB: option from op_str */
	K_BRANCH,        /* B, BL: offset */
	K_BLX,           /* BLX imm or BLX Rm */
	K_BXREG,         /* BX, BXJ: Rm */
	K_MCR,           /* MCR/MRC (2) */
	K_MCRR,          /* MCRR/MRRC (2) */
	K_CDP,           /* CDP (2) */
	K_LDC,           /* LDC/STC (2, L) */
	K_VMRS,          /* VMRS Rt, reg */
	K_VMSR           /* VMSR reg, Rt */
};

/* cs_map_row::flags */
#define CSM_SIGNED 0x01u /* sign-extending load */
#define CSM_P 0x02u      /* LDM/STM/SRS/RFE: P bit (before) */
#define CSM_U 0x04u      /* LDM/STM/SRS/RFE: U bit (increment) */
#define CSM_STORE 0x08u  /* PUSH: the store form */
#define CSM_LONG 0x10u   /* LDC/STC "L" forms: D = 1 (amv opc1) */

struct cs_map_row {
	unsigned int cs_id; /* ARM_INS_* */
	uint16_t cls;       /* enum amv_insn_class or CSMAP_* */
	uint8_t op;         /* DP opcode / hint number */
	uint8_t kind;       /* enum cs_kind */
	uint8_t size;       /* bytes per register for loads/stores */
	uint8_t flags;      /* CSM_* */
};

/* Row for a Capstone id; name is cs_insn_name() for the rule-based ids.
 * Returns NULL for ids that have no mapping (reported as such). */
const struct cs_map_row *cs_map_lookup(unsigned int cs_id, const char *name);

/* Every mapped id (for the table-coverage report). */
extern const struct cs_map_row cs_map_rows[];
extern const unsigned int cs_map_nrows;

/* Stable names of amv classes and pseudo classes (not amv_insn_class_name,
 * so that the harness does not depend on the code under test). */
const char *cs_class_name(unsigned int cls);
/* Inverse of cs_class_name(); -1 if unknown. */
int cs_class_from_name(const char *name);

#endif /* AMV_TEST_CS_MAP_H */
