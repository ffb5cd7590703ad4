/* SPDX-License-Identifier: BSD-2-Clause */
/**
 * @file fault.h
 * @brief Architectural faults and the one short-descriptor FSR encoder.
 *
 * @defgroup fault Faults
 * @{
 * A struct amv_fault is what the guest must observe: it is produced by the
 * walker, the shadow MMU and the decoder, and consumed by exception
 * injection, which writes amv_fault_fsr() into the guest's DFSR or IFSR and
 * amv_fault::addr into DFAR or IFAR.
 *
 * Short-descriptor FSR layout (ARMv7 ARM B4.1.52 DFSR, B4.1.96 IFSR):
 * @verbatim
 *   31     14 13 12  11  10  9  8    7..4    3..0
 *  |   0     |CM|ExT|WnR|FS4| 0| 0| domain | FS[3:0] |    DFSR
 *  |   0     | 0|ExT| 0 |FS4| 0| 0|   0    | FS[3:0] |    IFSR
 * @endverbatim
 * The five status bits FS[4:0] are split across bit 10 and bits [3:0]
 * (ARMv7 ARM B3.13.3, Table B3-23).
 */
#ifndef AMV_FAULT_H
#define AMV_FAULT_H

#include <amv/amv_env.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Kinds of architectural fault (ARMv7 ARM B3.12, B3.13.3). */
enum amv_fault_type {
	AMV_FAULT_NONE = 0,         /**< No fault. */
	AMV_FAULT_ALIGNMENT,        /**< Alignment fault (data side only). */
	AMV_FAULT_TRANSLATION,      /**< Translation fault, level 1 or 2. */
	AMV_FAULT_ACCESS_FLAG,      /**< Access flag fault, level 1 or 2. */
	AMV_FAULT_DOMAIN,           /**< Domain fault, level 1 or 2. */
	AMV_FAULT_PERMISSION,       /**< Permission fault, level 1 or 2. */
	AMV_FAULT_EXT_ABORT,        /**< Synchronous external abort. */
	AMV_FAULT_EXT_ABORT_WALK,   /**< Synchronous external abort on a
					 translation table walk, level 1 or 2. */
	AMV_FAULT_PARITY,           /**< Synchronous parity error. */
	AMV_FAULT_PARITY_WALK,      /**< Synchronous parity error on a
					 translation table walk, level 1 or 2. */
	AMV_FAULT_ASYNC_EXT_ABORT,  /**< Asynchronous external abort (data). */
	AMV_FAULT_ASYNC_PARITY,     /**< Asynchronous parity error (data). */
	AMV_FAULT_DEBUG,            /**< Debug event. */
	AMV_FAULT_ICACHE_MAINT,     /**< Fault on instruction cache maintenance
					 (data side only). */
	AMV_FAULT_TYPE_COUNT        /**< Number of types; not a type. */
};

/** @name amv_fault::flags */
/** @{ */
#define AMV_FAULT_F_WRITE 0x01u    /**< WnR: the access was a write. */
#define AMV_FAULT_F_EXT 0x02u      /**< ExT: external abort classified as a
				        slave error (clear: decode error). */
#define AMV_FAULT_F_CM 0x04u       /**< CM: raised by cache maintenance. */
#define AMV_FAULT_F_PREFETCH 0x08u /**< Instruction side: reported in IFSR
				        and IFAR (Prefetch Abort). */
/** @} */

/** A fault as the guest must observe it. */
struct amv_fault {
	uint32_t addr;  /**< Faulting virtual address (DFAR or IFAR). */
	uint8_t type;   /**< enum amv_fault_type. */
	uint8_t level;  /**< Lookup level 1 or 2 for the level-encoded types,
			     0 otherwise. */
	uint8_t domain; /**< Domain reported in DFSR[7:4] (0 where the
			     architecture leaves it UNKNOWN). */
	uint8_t flags;  /**< AMV_FAULT_F_* bits. */
};

/** @name Short-descriptor FSR fields */
/** @{ */
#define AMV_FSR_FS_LO_MASK 0xfu   /**< FS[3:0], bits [3:0]. */
#define AMV_FSR_DOMAIN_SHIFT 4    /**< DFSR domain, bits [7:4]. */
#define AMV_FSR_DOMAIN_MASK 0xfu  /**< Domain mask, after the shift. */
#define AMV_FSR_FS4 (1u << 10)    /**< FS[4], the top status bit. */
#define AMV_FSR_WNR (1u << 11)    /**< DFSR WnR: the access was a write. */
#define AMV_FSR_EXT (1u << 12)    /**< ExT: external abort type (IMP DEF). */
#define AMV_FSR_CM (1u << 13)     /**< DFSR CM: cache maintenance fault. */
/** @} */

/** @name Fault status codes FS[4:0] (ARMv7 ARM Table B3-23) */
/** @{ */
#define AMV_FS_ALIGNMENT 0x01u         /**< Alignment fault. */
#define AMV_FS_DEBUG 0x02u             /**< Debug event. */
#define AMV_FS_ACCESS_FLAG_L1 0x03u    /**< Access flag fault, level 1. */
#define AMV_FS_ICACHE_MAINT 0x04u      /**< Fault on I-cache maintenance. */
#define AMV_FS_TRANSLATION_L1 0x05u    /**< Translation fault, level 1. */
#define AMV_FS_ACCESS_FLAG_L2 0x06u    /**< Access flag fault, level 2. */
#define AMV_FS_TRANSLATION_L2 0x07u    /**< Translation fault, level 2. */
#define AMV_FS_EXT_ABORT 0x08u         /**< Synchronous external abort. */
#define AMV_FS_DOMAIN_L1 0x09u         /**< Domain fault, level 1. */
#define AMV_FS_DOMAIN_L2 0x0bu         /**< Domain fault, level 2. */
#define AMV_FS_EXT_ABORT_WALK_L1 0x0cu /**< External abort on level 1 walk. */
#define AMV_FS_PERMISSION_L1 0x0du     /**< Permission fault, level 1. */
#define AMV_FS_EXT_ABORT_WALK_L2 0x0eu /**< External abort on level 2 walk. */
#define AMV_FS_PERMISSION_L2 0x0fu     /**< Permission fault, level 2. */
#define AMV_FS_ASYNC_EXT_ABORT 0x16u   /**< Asynchronous external abort. */
#define AMV_FS_ASYNC_PARITY 0x18u      /**< Asynchronous parity error. */
#define AMV_FS_PARITY 0x19u            /**< Synchronous parity error. */
#define AMV_FS_PARITY_WALK_L1 0x1cu    /**< Parity error on level 1 walk. */
#define AMV_FS_PARITY_WALK_L2 0x1eu    /**< Parity error on level 2 walk. */
/** @} */

/**
 * @brief The five status bits FS[4:0] of a short-descriptor FSR.
 * @param fsr A DFSR or IFSR value.
 * @return FS[4:0], 0 to 31: bit 10 of @p fsr as bit 4, bits [3:0] as they
 *         are; one of AMV_FS_* for the architected codes.
 */
static inline unsigned int amv_fsr_status(uint32_t fsr)
{
	return (unsigned int)((fsr & AMV_FSR_FS_LO_MASK) |
			      ((fsr & AMV_FSR_FS4) >> 6));
}

/**
 * @brief Encode a fault as a short-descriptor DFSR or IFSR value.
 *
 * The IFSR format is used when @p f has AMV_FAULT_F_PREFETCH. The domain is
 * written for data-side faults only; WnR and CM likewise. ExT is written for
 * external aborts only (it is IMPLEMENTATION DEFINED elsewhere; we write 0).
 *
 * @param f   The fault.
 * @param fsr Receives the FSR value.
 * @retval 0 Success.
 * @retval -AMV_EINVAL @p f or @p fsr is NULL; the type is NONE or unknown;
 *         a level-encoded type has a level other than 1 or 2; the domain is
 *         over 15; or the type cannot be reported on the instruction side
 *         (alignment, instruction cache maintenance, asynchronous aborts).
 */
int amv_fault_fsr(const struct amv_fault *f, uint32_t *fsr);

/**
 * @brief Decode a short-descriptor FSR value (the inverse of amv_fault_fsr()).
 *
 * @param fsr      The DFSR or IFSR value.
 * @param prefetch True for an IFSR value.
 * @param addr     The matching DFAR or IFAR value, copied to amv_fault::addr.
 * @param f        Receives the fault.
 * @retval 0 Success.
 * @retval -AMV_EINVAL @p f is NULL or the status is reserved or IMPLEMENTATION
 *         DEFINED (lockdown, coprocessor abort), or not valid for the side.
 */
int amv_fault_from_fsr(uint32_t fsr, bool prefetch, uint32_t addr,
		       struct amv_fault *f);

#ifdef __cplusplus
}
#endif

/** @} */
#endif /* AMV_FAULT_H */
