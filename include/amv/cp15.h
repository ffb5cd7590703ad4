/* SPDX-License-Identifier: BSD-2-Clause */
/**
 * @file cp15.h
 * @brief Field layouts of the CP15 registers that control translation.
 *
 * @defgroup cp15 CP15 register fields
 * @{
 * Short-descriptor (VMSAv7 without LPAE) layouts, ARMv7 ARM chapter B4.1.
 */
#ifndef AMV_CP15_H
#define AMV_CP15_H

#include <amv/amv_env.h>

/** @name SCTLR (B4.1.130) */
/** @{ */
#define AMV_SCTLR_M (1u << 0)    /**< MMU enable. */
#define AMV_SCTLR_A (1u << 1)    /**< Alignment check enable. */
#define AMV_SCTLR_C (1u << 2)    /**< Data/unified cache enable. */
#define AMV_SCTLR_I (1u << 12)   /**< Instruction cache enable. */
#define AMV_SCTLR_V (1u << 13)   /**< High exception vectors. */
#define AMV_SCTLR_XP (1u << 23)  /**< ARMv6 extended page tables; RAO in v7. */
#define AMV_SCTLR_EE (1u << 25)  /**< Exception endianness, table walks. */
#define AMV_SCTLR_TRE (1u << 28) /**< TEX remap enable. */
#define AMV_SCTLR_AFE (1u << 29) /**< Access flag enable. */
#define AMV_SCTLR_TE (1u << 30)  /**< Thumb exception enable. */
/** @} */

/** @name TTBCR (B4.1.153) */
/** @{ */
#define AMV_TTBCR_N_MASK 0x7u    /**< N: VA < 2^(32-N) via TTBR0, else TTBR1. */
#define AMV_TTBCR_PD0 (1u << 4)  /**< TLB miss via TTBR0: translation fault. */
#define AMV_TTBCR_PD1 (1u << 5)  /**< TLB miss via TTBR1: translation fault. */
#define AMV_TTBCR_EAE (1u << 31) /**< Long-descriptor (LPAE) translation. */
/** @} */

/** @name TTBR0/TTBR1, 32-bit format (B4.1.154, B4.1.155) */
/** @{ */
#define AMV_TTBR_IRGN1 (1u << 0) /**< With the MP extensions; C without. */
#define AMV_TTBR_S (1u << 1)     /**< Table walks are to Shareable memory. */
#define AMV_TTBR_IMP (1u << 2)   /**< IMPLEMENTATION DEFINED. */
#define AMV_TTBR_RGN_SHIFT 3     /**< RGN[1:0]: walk Outer cacheability. */
#define AMV_TTBR_RGN_MASK 0x3u   /**< RGN mask, after the shift. */
#define AMV_TTBR_NOS (1u << 5)   /**< Walks Inner (not Outer) Shareable if S. */
#define AMV_TTBR_IRGN0 (1u << 6) /**< IRGN[0]: walk Inner cacheability (MP). */
/** TTBR1 table base, bits [31:14] (16 KiB aligned). */
#define AMV_TTBR1_BASE_MASK 0xffffc000u
/** @brief TTBR0 base mask for TTBCR.N = @p n (base is TTBR0[31:14-N]). */
#define AMV_TTBR0_BASE_MASK(n) (0xffffffffu << (14u - (n)))
/** @} */

/** @name DACR (B4.1.43): two bits per domain */
/** @{ */
#define AMV_DACR_NOACCESS 0x0u /**< No access: any access is a Domain fault. */
#define AMV_DACR_CLIENT 0x1u   /**< Client: accesses checked against AP/XN. */
#define AMV_DACR_RESERVED 0x2u /**< Reserved; effect UNPREDICTABLE. */
#define AMV_DACR_MANAGER 0x3u  /**< Manager: no permission checks. */
/** @brief Access field of domain @p d in DACR value @p dacr. */
#define AMV_DACR_FIELD(dacr, d) (((dacr) >> (2u * (d))) & 0x3u)
/** @} */

/** @name PRRR (B4.1.127) and NMRR (B4.1.111), used when SCTLR.TRE = 1 */
/** @{ */
/**
 * @brief Memory type TRn (AMV_PRRR_TR_*) of region @p n = TEX[0]:C:B in
 * PRRR value @p prrr.
 */
#define AMV_PRRR_TR(prrr, n) (((prrr) >> (2u * (n))) & 0x3u)
#define AMV_PRRR_TR_SO 0x0u     /**< TRn: Strongly-ordered. */
#define AMV_PRRR_TR_DEVICE 0x1u /**< TRn: Device. */
#define AMV_PRRR_TR_NORMAL 0x2u /**< TRn: Normal (0b11 is reserved). */
#define AMV_PRRR_DS0 (1u << 16) /**< Device with S = 0 is Shareable. */
#define AMV_PRRR_DS1 (1u << 17) /**< Device with S = 1 is Shareable. */
#define AMV_PRRR_NS0 (1u << 18) /**< Normal with S = 0 is Shareable. */
#define AMV_PRRR_NS1 (1u << 19) /**< Normal with S = 1 is Shareable. */
/** @brief NOSn: Shareable Normal region @p n is Inner, not Outer, Shareable. */
#define AMV_PRRR_NOS(n) (1u << (24u + (n)))
/**
 * @brief Inner cacheability IRn of Normal region @p n in NMRR value @p nmrr:
 * 0b00 Non-cacheable, 0b01 Write-Back Write-Allocate, 0b10 Write-Through,
 * 0b11 Write-Back no Write-Allocate.
 */
#define AMV_NMRR_IR(nmrr, n) (((nmrr) >> (2u * (n))) & 0x3u)
/**
 * @brief Outer cacheability ORn of Normal region @p n in NMRR value @p nmrr,
 * encoded as for AMV_NMRR_IR().
 */
#define AMV_NMRR_OR(nmrr, n) (((nmrr) >> (16u + 2u * (n))) & 0x3u)
/** @} */

/** @name PAR, 32-bit format (B4.1.113) */
/** @{ */
#define AMV_PAR_F (1u << 0)  /**< The translation faulted. */
#define AMV_PAR_SS (1u << 1) /**< Supersection (F = 0). */
#define AMV_PAR_OUTER_SHIFT 2       /**< F = 0: Outer[1:0], bits [3:2]. */
#define AMV_PAR_INNER_SHIFT 4       /**< F = 0: Inner[2:0], bits [6:4]. */
#define AMV_PAR_SH (1u << 7)        /**< F = 0: Shareable. */
#define AMV_PAR_NS (1u << 9)        /**< F = 0: NS bit of the table entry. */
#define AMV_PAR_NOS (1u << 10)      /**< F = 0: Inner, not Outer, Shareable. */
#define AMV_PAR_PA_MASK 0xfffff000u /**< F = 0: PA[31:12] of the output. */
#define AMV_PAR_FS_SHIFT 1   /**< F = 1: FS[5:0] in bits [6:1]. */
#define AMV_PAR_FS_MASK 0x3fu /**< FS after the shift: FSR bits {12,10,3:0}. */
/** @} */

/** @} */
#endif /* AMV_CP15_H */
