/* SPDX-License-Identifier: BSD-2-Clause */
/**
 * @file desc.h
 * @brief Short-descriptor translation table formats (ARMv7 ARM B3.5).
 *
 * @defgroup desc Descriptor formats
 * @{
 * Each level has its own wrapper type so an L1 entry cannot be passed where
 * an L2 entry is expected. Fields are named shift/mask macros; C bitfields
 * are not used for hardware formats (their layout is implementation
 * defined).
 *
 * First-level descriptors (B3.5.1), bits [1:0] select the type:
 * @verbatim
 *   31                    10  9  8    5  4  3  2  1 0
 *  |      ignored                                 |0 0|  fault
 *  | L2 table base [31:10]  |IMP|domain|0|NS|PXN|0 1|  page table
 *
 *   31      20 19 18 17 16 15  14 12 11 10  9  8    5  4  3 2 1  0
 *  |base[31:20]|NS| 0|nG| S|AP2| TEX |AP[1:0]|IMP|domain|XN|C|B|1|PXN|  section
 *
 *   31      24 23      20 19 18 17 16 15  14 12 11 10  9  8       5  4  3 2 1  0
 *  |base[31:24]|PA[35:32]|NS| 1|nG| S|AP2| TEX |AP[1:0]|IMP|PA[39:36]|XN|C|B|1|PXN|
 *                                                                      supersection
 * @endverbatim
 * Type 0b11 is a section with PXN=1 where PXN is implemented, and a
 * translation fault otherwise.
 *
 * Second-level descriptors (B3.5.1):
 * @verbatim
 *   31                     16 15  14 12 11 10  9  8 6  5 4    3 2 1 0
 *  |      ignored                                               |0 0|  fault
 *  | base[31:16]             |XN| TEX |nG| S|AP2| 0 |AP[1:0]|C|B|0 1|  large page (64 KiB)
 *  | base[31:12]                 |nG| S|AP2| TEX |AP[1:0]|C|B|1|XN|  small page (4 KiB)
 * @endverbatim
 * A large page occupies 16 consecutive entries, a supersection 16
 * consecutive first-level entries; the walk reads only the entry indexed
 * by the address, as hardware does.
 */
#ifndef AMV_DESC_H
#define AMV_DESC_H

#include <amv/amv_env.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A first-level (L1) short descriptor. */
typedef struct {
	uint32_t v; /**< The raw descriptor word. */
} amv_l1d_t;

/** A second-level (L2) short descriptor. */
typedef struct {
	uint32_t v; /**< The raw descriptor word. */
} amv_l2d_t;

/** @name First-level descriptor fields */
/** @{ */
#define AMV_L1_TYPE_MASK 0x3u        /**< Type, bits [1:0]. */
#define AMV_L1_TYPE_FAULT 0x0u       /**< Invalid: level 1 translation fault. */
#define AMV_L1_TYPE_TABLE 0x1u       /**< Page table: points to an L2 table. */
#define AMV_L1_TYPE_SECTION 0x2u     /**< Section, PXN clear. */
#define AMV_L1_TYPE_SECTION_PXN 0x3u /**< Section with PXN (or reserved). */
#define AMV_L1_PXN (1u << 0)         /**< Section PXN. */
#define AMV_L1_B (1u << 2)           /**< Section B: memory region attribute. */
#define AMV_L1_C (1u << 3)           /**< Section C: memory region attribute. */
#define AMV_L1_XN (1u << 4)          /**< Section execute-never. */
#define AMV_L1_DOMAIN_SHIFT 5        /**< Domain, bits [8:5]. */
#define AMV_L1_DOMAIN_MASK 0xfu      /**< Domain mask, after the shift. */
#define AMV_L1_IMP (1u << 9)         /**< IMPLEMENTATION DEFINED. */
#define AMV_L1_AP01_SHIFT 10         /**< Section AP[1:0], bits [11:10]. */
#define AMV_L1_AP01_MASK 0x3u        /**< AP[1:0] mask, after the shift. */
#define AMV_L1_TEX_SHIFT 12          /**< Section TEX[2:0], bits [14:12]. */
#define AMV_L1_TEX_MASK 0x7u         /**< TEX mask, after the shift. */
#define AMV_L1_AP2 (1u << 15)        /**< Section AP[2]: disables writes. */
#define AMV_L1_S (1u << 16)          /**< Section Shareable. */
#define AMV_L1_NG (1u << 17)         /**< Section not global: ASID-specific. */
#define AMV_L1_SUPER (1u << 18) /**< Supersection (vs section). */
#define AMV_L1_NS (1u << 19)    /**< Section output PA is Non-secure. */
/** Section base address PA[31:20] (1 MiB aligned). */
#define AMV_L1_SECTION_BASE_MASK 0xfff00000u
/** Supersection base address PA[31:24] (16 MiB aligned). */
#define AMV_L1_SUPER_BASE_MASK 0xff000000u
#define AMV_L1_SUPER_PA35_32_SHIFT 20 /**< PA[35:32] in bits [23:20]. */
#define AMV_L1_SUPER_PA39_36_SHIFT 5  /**< PA[39:36] in bits [8:5]. */
#define AMV_L1_TABLE_PXN (1u << 2)    /**< Page-table PXN. */
#define AMV_L1_TABLE_NS (1u << 3)     /**< L2 table and its pages Non-secure. */
#define AMV_L1_TABLE_SBZ (1u << 4)    /**< Page-table bit 4, should be zero. */
/** Page-table L2 table base PA[31:10] (1 KiB aligned). */
#define AMV_L1_TABLE_BASE_MASK 0xfffffc00u
/** @} */

/** @name Second-level descriptor fields */
/** @{ */
#define AMV_L2_TYPE_MASK 0x3u     /**< Type, bits [1:0]. */
#define AMV_L2_TYPE_FAULT 0x0u    /**< Invalid: level 2 translation fault. */
#define AMV_L2_TYPE_LARGE 0x1u    /**< Large page (64 KiB). */
#define AMV_L2_SMALL (1u << 1)    /**< Set for a small page. */
#define AMV_L2_SMALL_XN (1u << 0) /**< Small page execute-never. */
#define AMV_L2_B (1u << 2)        /**< B: memory region attribute. */
#define AMV_L2_C (1u << 3)        /**< C: memory region attribute. */
#define AMV_L2_AP01_SHIFT 4       /**< AP[1:0], bits [5:4]. */
#define AMV_L2_AP01_MASK 0x3u     /**< AP[1:0] mask, after the shift. */
#define AMV_L2_SMALL_TEX_SHIFT 6  /**< Small page TEX[2:0], bits [8:6]. */
#define AMV_L2_AP2 (1u << 9)      /**< AP[2]: disables writes. */
#define AMV_L2_S (1u << 10)       /**< Shareable. */
#define AMV_L2_NG (1u << 11)      /**< Not global: ASID-specific. */
#define AMV_L2_LARGE_TEX_SHIFT 12 /**< Large page TEX[2:0], bits [14:12]. */
#define AMV_L2_TEX_MASK 0x7u      /**< TEX mask, after the shift. */
#define AMV_L2_LARGE_XN (1u << 15) /**< Large page execute-never. */
/** Small page base address PA[31:12] (4 KiB aligned). */
#define AMV_L2_SMALL_BASE_MASK 0xfffff000u
/** Large page base address PA[31:16] (64 KiB aligned). */
#define AMV_L2_LARGE_BASE_MASK 0xffff0000u
/** @} */

/** @name Sizes */
/** @{ */
#define AMV_L1_ENTRIES 4096u     /**< L1 table entries, for TTBCR.N = 0. */
#define AMV_L2_ENTRIES 256u      /**< L2 table entries. */
#define AMV_L1_TABLE_SIZE 16384u /**< Bytes, for TTBCR.N = 0. */
#define AMV_L2_TABLE_SIZE 1024u  /**< Bytes; also the L2 table alignment. */
#define AMV_SUPERSECTION_SIZE 0x1000000u /**< 16 MiB. */
#define AMV_SECTION_SIZE 0x100000u       /**< 1 MiB. */
#define AMV_LARGE_PAGE_SIZE 0x10000u     /**< 64 KiB. */
#define AMV_SMALL_PAGE_SIZE 0x1000u      /**< 4 KiB. */
/** @} */

/**
 * @brief Type field, AMV_L1_TYPE_*.
 * @param d The descriptor.
 * @return Bits [1:0] of @p d.
 */
static inline unsigned int amv_l1d_type(amv_l1d_t d)
{
	return d.v & AMV_L1_TYPE_MASK;
}

/**
 * @brief Domain field of a page-table or section descriptor.
 * @param d A page-table or section descriptor.
 * @return The domain, 0 to 15, from bits [8:5] (in a supersection these
 *         bits are PA[39:36], not a domain).
 */
static inline unsigned int amv_l1d_domain(amv_l1d_t d)
{
	return (d.v >> AMV_L1_DOMAIN_SHIFT) & AMV_L1_DOMAIN_MASK;
}

/**
 * @brief AP[2:0] of a section or supersection descriptor.
 * @param d A section or supersection descriptor.
 * @return AP[2:0], 0 to 7: AP[2] from bit 15, AP[1:0] from bits [11:10].
 */
static inline unsigned int amv_l1d_ap(amv_l1d_t d)
{
	return ((d.v >> AMV_L1_AP01_SHIFT) & AMV_L1_AP01_MASK) |
	       ((d.v & AMV_L1_AP2) ? 4u : 0u);
}

/**
 * @brief TEX[2:0] of a section or supersection descriptor.
 * @param d A section or supersection descriptor.
 * @return TEX[2:0], 0 to 7, from bits [14:12].
 */
static inline unsigned int amv_l1d_tex(amv_l1d_t d)
{
	return (d.v >> AMV_L1_TEX_SHIFT) & AMV_L1_TEX_MASK;
}

/**
 * @brief Type field, AMV_L2_TYPE_* (small pages have bit 1 set).
 * @param d The descriptor.
 * @return Bits [1:0] of @p d: AMV_L2_TYPE_FAULT, AMV_L2_TYPE_LARGE, or 2 or
 *         3 for a small page (bit 0 is then XN).
 */
static inline unsigned int amv_l2d_type(amv_l2d_t d)
{
	return d.v & AMV_L2_TYPE_MASK;
}

/**
 * @brief AP[2:0] of a large or small page descriptor.
 * @param d A large or small page descriptor.
 * @return AP[2:0], 0 to 7: AP[2] from bit 9, AP[1:0] from bits [5:4].
 */
static inline unsigned int amv_l2d_ap(amv_l2d_t d)
{
	return ((d.v >> AMV_L2_AP01_SHIFT) & AMV_L2_AP01_MASK) |
	       ((d.v & AMV_L2_AP2) ? 4u : 0u);
}

/**
 * @brief TEX[2:0] of a large or small page descriptor.
 * @param d A large or small page descriptor.
 * @return TEX[2:0], 0 to 7, from bits [8:6] of a small page or bits [14:12]
 *         of a large page.
 */
static inline unsigned int amv_l2d_tex(amv_l2d_t d)
{
	unsigned int shift = (d.v & AMV_L2_SMALL) ? AMV_L2_SMALL_TEX_SHIFT
						  : AMV_L2_LARGE_TEX_SHIFT;

	return (d.v >> shift) & AMV_L2_TEX_MASK;
}

#ifdef __cplusplus
}
#endif

/** @} */
#endif /* AMV_DESC_H */
