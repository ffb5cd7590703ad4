/* SPDX-License-Identifier: BSD-2-Clause */
/**
 * @file asid.h
 * @brief Host ASID allocation for guest address spaces.
 *
 * @defgroup asid ASIDs
 * @{
 * Every guest address space (a VM's guest ASID, or one shadow address
 * space) runs under a host ASID (CONTEXTIDR[7:0], ARMv7 ARM B3.9.3) so that
 * switching between cached shadow address spaces needs no TLB flush. There
 * are 256 host ASIDs and any number of guest address spaces, so host ASIDs
 * are handed out lazily with a generation counter, after the model of the
 * Linux ARM context allocator:
 *
 *  - an address space (struct amv_asid_ctx, owned by the caller) remembers
 *    the generation in which it got its host ASID;
 *  - amv_asid_get() returns that ASID while the generation is current, else
 *    takes the next free one;
 *  - when none is free the allocator rolls over: a new generation, every
 *    ASID free again except the reserved ones, and the caller is told to
 *    invalidate the whole TLB once (TLBIALL), not on every switch.
 *
 * Host ASIDs the monitor keeps for itself are reserved at init and never
 * handed out. The allocator serves one host CPU (the bare-metal monitor);
 * a multi-core port needs one per CPU or a lock and active-ASID tracking.
 * All state lives in caller-owned structs; nothing is allocated.
 */
#ifndef AMV_ASID_H
#define AMV_ASID_H

#include <amv/amv_env.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Number of host ASIDs (8-bit ASID, short-descriptor translation). */
#define AMV_ASID_COUNT 256u

/** The allocator: one per host CPU. Fields are private. */
struct amv_asid_alloc {
	uint64_t generation;                  /**< Current generation, >= 1. */
	uint64_t rollovers;                   /**< Rollovers so far. */
	uint32_t reserved[AMV_ASID_COUNT / 32]; /**< Never handed out. */
	uint32_t used[AMV_ASID_COUNT / 32];   /**< Taken in this generation
						   (reserved ones included). */
	uint32_t next;                        /**< Where the search resumes. */
};

/** An address space's claim on a host ASID. Zero-initialise it (or call
 *  amv_asid_ctx_init()) before its first amv_asid_get(). */
struct amv_asid_ctx {
	uint64_t generation; /**< Generation of @ref asid; 0: none yet. */
	uint8_t asid;        /**< Host ASID while generation is current. */
};

/**
 * @brief Initialise an allocator.
 * @param a        The allocator.
 * @param reserved Bitmap of host ASIDs never to hand out (bit n of word
 *                 n / 32 is ASID n), e.g. the monitor's own; NULL for none.
 * @retval 0 Success.
 * @retval -AMV_EINVAL @p a is NULL, or @p reserved leaves no ASID free.
 */
int amv_asid_init(struct amv_asid_alloc *a, const uint32_t *reserved);

/**
 * @brief Start an address space with no ASID (or forget its ASID).
 * @param c The address space.
 */
static inline void amv_asid_ctx_init(struct amv_asid_ctx *c)
{
	c->generation = 0;
	c->asid = 0;
}

/**
 * @brief The host ASID to run address space @p c under.
 *
 * Called on every switch to @p c. It returns the ASID @p c already holds
 * while its generation is current (no TLB maintenance needed), else a free
 * one; when none is free it starts a new generation and sets *@p flush_all:
 * the caller must then invalidate the entire TLB (TLBIALL) before running
 * any address space under the new generation's ASIDs.
 *
 * @param a         The allocator.
 * @param c         The address space.
 * @param asid      Receives the host ASID.
 * @param flush_all Receives true after a rollover, false otherwise.
 * @retval 0 Success.
 * @retval -AMV_EINVAL A NULL argument.
 */
int amv_asid_get(struct amv_asid_alloc *a, struct amv_asid_ctx *c,
		 uint8_t *asid, bool *flush_all);

/**
 * @brief Return an address space's ASID for reuse in this generation.
 *
 * Optional: an ASID that is never released is reclaimed by the next
 * rollover. The caller must have invalidated the ASID's TLB entries
 * (TLBIASID, B4.2.2) by this call: the next amv_asid_get() may hand the
 * ASID to another address space. After this call @p c holds no ASID.
 *
 * @param a The allocator.
 * @param c The address space.
 * @retval 0 Success (also when @p c held no current ASID).
 * @retval -AMV_EINVAL A NULL argument.
 */
int amv_asid_put(struct amv_asid_alloc *a, struct amv_asid_ctx *c);

/**
 * @brief Whether an address space holds an ASID of the current generation.
 *
 * Entries of an address space whose ASID is from an older generation are
 * no longer in the TLB: the rollover that retired it asked for TLBIALL.
 * @param a The allocator.
 * @param c The address space.
 * @return True if amv_asid_get() would return c->asid without allocating.
 */
static inline bool amv_asid_valid(const struct amv_asid_alloc *a,
				  const struct amv_asid_ctx *c)
{
	return c->generation != 0 && c->generation == a->generation;
}

/**
 * @brief Number of rollovers (whole-TLB invalidations requested) so far.
 * @param a The allocator.
 * @return The count, 0 for NULL.
 */
uint64_t amv_asid_rollovers(const struct amv_asid_alloc *a);

#ifdef __cplusplus
}
#endif

/** @} */
#endif /* AMV_ASID_H */
