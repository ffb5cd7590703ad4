/* SPDX-License-Identifier: BSD-2-Clause */
/**
 * @file walk.h
 * @brief The reference short-descriptor translation table walker.
 *
 * @defgroup walk Walker
 * @{
 * amv_walk() is a pure function of a translation-regime snapshot
 * (struct amv_regime), a virtual address and an access kind. It reads the
 * translation tables through the port's read_phys32 hook and returns either
 * a translation (struct amv_xlat) or the architectural fault the access
 * takes (struct amv_fault). Everything else in amv is checked against it, and
 * it is checked against QEMU's MMU (tests/oracle, docs/walker.md).
 *
 * Model: VMSAv7 short-descriptor format without the Large Physical Address
 * Extension (ARMv7 ARM chapter B3), which is also ARMv6 with SCTLR.XP = 1.
 * The check order follows the ARM pseudocode (AArch32.TranslationTableWalkSD
 * and AArch32.FirstStageTranslate; ARMv7 ARM B3.12.3, the MMU fault-checking
 * sequence):
 *   1. TTBCR.PDx walk disable, L1 fetch (external abort), L1 type;
 *   2. for page tables: L2 fetch (external abort), L2 type;
 *   3. access flag (SCTLR.AFE = 1 and AP[0] = 0), in every domain;
 *   4. domain (No access and the reserved value 0b10 fault; Manager skips 5);
 *   5. permissions, including XN/PXN for instruction fetches.
 *
 * Choices where the architecture leaves freedom (also in docs/walker.md):
 *  - AP[2:0] = 0b100 (reserved in VMSAv7): no access at either level.
 *  - DACR field 0b10 (reserved): behaves as No access (domain fault).
 *  - L1 type 0b11 without PXN support: translation fault (level 1).
 *  - Reserved or IMPLEMENTATION DEFINED TEX/C/B encodings, PRRR TRn = 0b11
 *    and TEX remap region 6 (B3.8.2, B3.8.3): reported as Strongly-ordered with
 *    AMV_XLAT_ATTR_RESERVED set, so a shadow can refuse or degrade them.
 *  - The domain in a fault is the one of the descriptor that supplied it
 *    where ARMv7 ARM Table B3-23 says the field is valid, 0 otherwise;
 *    supersections are in domain 0 (B3.5.1).
 *  - SCTLR.C/SCTLR.I do not change the reported attributes of a
 *    translation; SCTLR.I selects the instruction-fetch attributes only
 *    when the MMU is off (B3.2.1).
 */
#ifndef AMV_WALK_H
#define AMV_WALK_H

#include <amv/amv_env.h>
#include <amv/fault.h>
#include <amv/port.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @name amv_regime::flags: implementation features and security state */
/** @{ */
/** PXN is implemented (cores with LPAE, e.g. Cortex-A15); without it L1
 *  type 0b11 is a translation fault and page-table bit 2 is ignored. */
#define AMV_REGIME_PXN 0x1u
/** The regime is Non-secure: descriptor NS bits are ignored and every
 *  output address is Non-secure. */
#define AMV_REGIME_NONSECURE 0x2u
/** The core has no Security Extensions (e.g. QEMU's realview-pb-a8
 *  Cortex-A8): TTBCR.PD0/PD1 do not exist (B4.1.153, bits [31:3] are
 *  UNK/SBZP) and descriptor NS bits are ignored; AMV_XLAT_NS is then set
 *  only by AMV_REGIME_NONSECURE. */
#define AMV_REGIME_NO_SECEXT 0x4u
/** @} */

/** Snapshot of the registers that define a translation regime. */
struct amv_regime {
	uint32_t sctlr;      /**< M, AFE, TRE, EE, I are used; XP must read 1. */
	uint32_t ttbr0;      /**< Translation table base 0 (32-bit format). */
	uint32_t ttbr1;      /**< Translation table base 1. */
	uint32_t ttbcr;      /**< N, PD0, PD1; EAE must be 0. */
	uint32_t dacr;       /**< Domain access control. */
	uint32_t prrr;       /**< Primary region remap (SCTLR.TRE = 1). */
	uint32_t nmrr;       /**< Normal memory remap (SCTLR.TRE = 1). */
	uint32_t contextidr; /**< ASID in [7:0]; carried, not used by the walk. */
	uint32_t flags;      /**< AMV_REGIME_* bits. */
};

/** Access kinds: one of these, optionally ORed with AMV_ACC_USER. */
enum amv_access {
	AMV_ACC_READ = 0,   /**< Data read. */
	AMV_ACC_WRITE = 1,  /**< Data write. */
	AMV_ACC_FETCH = 2,  /**< Instruction fetch. */
	AMV_ACC_CMAINT = 3, /**< Data cache maintenance by VA: can take
				 translation, access flag and domain faults,
				 never permission faults; reported as a write
				 with CM set (DFSR.CM, B4.1.52). */
};
#define AMV_ACC_KIND_MASK 0x3u /**< Selects the enum amv_access part. */
/** Unprivileged (PL0) access: code at PL0, LDRT/STRT, ATS1CU*. */
#define AMV_ACC_USER 0x4u

/**
 * @brief The amv_fault flags an access kind gives its faults: WnR for
 *        writes, PREFETCH for fetches, WnR and CM for cache maintenance
 *        (B4.1.52).
 * @param access An enum amv_access, optionally ORed with AMV_ACC_USER.
 * @return AMV_FAULT_F_* bits.
 */
static inline uint8_t amv_access_fault_flags(unsigned int access)
{
	switch (access & AMV_ACC_KIND_MASK) {
	case AMV_ACC_WRITE:
		return AMV_FAULT_F_WRITE;
	case AMV_ACC_FETCH:
		return AMV_FAULT_F_PREFETCH;
	case AMV_ACC_CMAINT:
		return AMV_FAULT_F_WRITE | AMV_FAULT_F_CM;
	default:
		return 0;
	}
}

/** @name Permission bits (amv_xlat::perm_pl1, amv_xlat::perm_pl0) */
/** @{ */
#define AMV_PERM_R 0x1u /**< Data reads are permitted. */
#define AMV_PERM_W 0x2u /**< Data writes are permitted. */
#define AMV_PERM_X 0x4u /**< Instruction fetches are permitted. */
#define AMV_PERM_RWX (AMV_PERM_R | AMV_PERM_W | AMV_PERM_X) /**< All three. */
/** @} */

/** Memory types (B3.8). */
enum amv_memtype {
	AMV_MT_STRONGLY_ORDERED = 0,
	AMV_MT_DEVICE = 1,
	AMV_MT_NORMAL = 2,
};

/** Cacheability of Normal memory, in the NMRR/TTBR.RGN encoding. */
enum amv_cache {
	AMV_CACHE_NC = 0,   /**< Non-cacheable. */
	AMV_CACHE_WBWA = 1, /**< Write-back, write-allocate. */
	AMV_CACHE_WT = 2,   /**< Write-through, no write-allocate. */
	AMV_CACHE_WB = 3,   /**< Write-back, no write-allocate. */
};

/** Shareability. */
enum amv_share {
	AMV_SH_NONE = 0,  /**< Non-shareable. */
	AMV_SH_INNER = 1, /**< Inner Shareable only. */
	AMV_SH_OUTER = 2, /**< Outer Shareable. */
};

/** Memory attributes of a translation. */
struct amv_memattr {
	uint8_t type;  /**< enum amv_memtype. */
	uint8_t inner; /**< enum amv_cache (Normal memory; NC otherwise). */
	uint8_t outer; /**< enum amv_cache (Normal memory; NC otherwise). */
	uint8_t share; /**< enum amv_share. */
};

/** Shape of a mapping (amv_xlat::kind). */
enum amv_map_kind {
	AMV_MAP_FLAT = 0,         /**< MMU off: VA = PA. */
	AMV_MAP_SECTION = 1,      /**< 1 MiB section. */
	AMV_MAP_SUPERSECTION = 2, /**< 16 MiB supersection. */
	AMV_MAP_LARGE = 3,        /**< 64 KiB large page. */
	AMV_MAP_SMALL = 4,        /**< 4 KiB small page. */
};

/** @name amv_xlat::flags */
/** @{ */
#define AMV_XLAT_NG 0x01u     /**< Not global: tagged with the ASID. */
#define AMV_XLAT_NS 0x02u     /**< Output address is Non-secure. */
#define AMV_XLAT_XN 0x04u     /**< Descriptor XN bit. */
#define AMV_XLAT_PXN 0x08u    /**< Descriptor PXN bit (if implemented). */
#define AMV_XLAT_ATTR_RESERVED 0x10u /**< Attributes came from a reserved
					  or IMPLEMENTATION DEFINED encoding. */
/** @} */

/** A successful translation. */
struct amv_xlat {
	uint64_t pa;         /**< Output address of the VA (up to 40 bits). */
	uint32_t desc_pa[2]; /**< Physical addresses of the L1 and L2
				  descriptors read (0 if not read); short-
				  descriptor tables live below 4 GiB. */
	uint32_t desc[2];    /**< The L1 and L2 descriptors as interpreted
				  (after any SCTLR.EE byte swap). */
	uint32_t va;         /**< The input address. */
	uint32_t size;       /**< Mapping size in bytes; 0 for AMV_MAP_FLAT
				  (the whole address space). */
	struct amv_memattr attr; /**< Memory attributes. */
	uint8_t kind;        /**< enum amv_map_kind. */
	uint8_t level;       /**< 1 or 2; 0 for AMV_MAP_FLAT. */
	uint8_t domain;      /**< Domain of the mapping (0 for supersections). */
	uint8_t dacr;        /**< That domain's DACR field, AMV_DACR_*. */
	uint8_t ap;          /**< AP[2:0] from the descriptor. */
	uint8_t perm_pl1;    /**< AMV_PERM_* an access at PL1 is granted,
				  after domain, AP, AFE, XN and PXN. */
	uint8_t perm_pl0;    /**< Likewise at PL0. */
	uint8_t flags;       /**< AMV_XLAT_* bits. */
};

/** amv_walk() results that are not errors. */
enum amv_walk_status {
	AMV_WALK_OK = 0,    /**< Translated: the amv_xlat is filled. */
	AMV_WALK_FAULT = 1, /**< The access faults: the amv_fault is filled. */
};

/**
 * @brief Translate one virtual address as the MMU would.
 *
 * @param r      The translation regime.
 * @param port   Port whose read_phys32 hook reads translation tables; it
 *               is not called when SCTLR.M = 0. A read that fails becomes a
 *               synchronous external abort on the translation table walk
 *               (-AMV_EIO sets ExT, any other error clears it).
 * @param va     Virtual address.
 * @param access An enum amv_access, optionally ORed with AMV_ACC_USER.
 * @param x      Receives the translation on AMV_WALK_OK. On AMV_WALK_FAULT
 *               its desc, desc_pa and level fields tell how far the walk
 *               got; for access flag, domain and permission faults (a
 *               descriptor was found) pa, size, kind, domain, ap and the
 *               AMV_XLAT_NG bit of flags are set too; other fields are
 *               unspecified.
 * @param f      Receives the fault on AMV_WALK_FAULT (addr = @p va, WnR,
 *               CM and PREFETCH flags from @p access).
 * @retval AMV_WALK_OK    Translated.
 * @retval AMV_WALK_FAULT The access takes the fault in @p f.
 * @retval -AMV_EINVAL    A NULL pointer or hook, or unknown @p access bits.
 * @retval -AMV_ENOTSUP   TTBCR.EAE = 1 (long descriptors) or SCTLR.XP = 0
 *                        (the ARMv5-compatible format), which this walker
 *                        does not model.
 */
int amv_walk(const struct amv_regime *r, const struct amv_port *port,
	     uint32_t va, unsigned int access, struct amv_xlat *x,
	     struct amv_fault *f);

/**
 * @brief Decode TEX/C/B/S into memory attributes (B3.8.2, B3.8.3).
 *
 * With SCTLR.TRE = 0 the TEX[2:0], C, B and S bits are decoded directly;
 * with TRE = 1 the region index TEX[0]:C:B selects PRRR/NMRR fields.
 *
 * @param r     Regime (sctlr.TRE, prrr and nmrr are used).
 * @param tex   TEX[2:0].
 * @param c     C bit.
 * @param b     B bit.
 * @param s     S bit.
 * @param attr  Receives the attributes.
 * @return true if the encoding is reserved or IMPLEMENTATION DEFINED (the
 *         attributes are then Strongly-ordered), false otherwise.
 */
bool amv_walk_decode_attr(const struct amv_regime *r, unsigned int tex,
			  unsigned int c, unsigned int b, unsigned int s,
			  struct amv_memattr *attr);

#ifdef __cplusplus
}
#endif

/** @} */
#endif /* AMV_WALK_H */
