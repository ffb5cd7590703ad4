/* SPDX-License-Identifier: BSD-2-Clause */
/**
 * @file port.h
 * @brief Runtime hooks a port provides to the library.
 *
 * @defgroup port Port hooks
 * @{
 * The library never touches hardware or guest memory directly. A port (the
 * bare-metal monitor, the Linux module, a unit test) fills a
 * struct amv_port_ops once and passes it, with an opaque context pointer,
 * to the components that need it. Later components add hooks here; a hook a
 * component needs but that is NULL makes that component's calls fail with
 * `-AMV_EINVAL`, never crash.
 */
#ifndef AMV_PORT_H
#define AMV_PORT_H

#include <amv/amv_env.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Hooks implemented by the port. */
struct amv_port_ops {
	/**
	 * @brief Read one aligned 32-bit word of guest physical memory.
	 *
	 * The value is what a little-endian 32-bit load of the four bytes at
	 * @p pa returns; callers that need big-endian data (SCTLR.EE) swap it.
	 *
	 * @param ctx The port context given alongside the ops table.
	 * @param pa  Guest physical address, 4-byte aligned, below 2^40.
	 * @param val Receives the word.
	 * @retval 0 Success.
	 * @retval -AMV_EFAULT Nothing answers at @p pa (bus decode error).
	 * @retval -AMV_EIO A device answered with an error (slave error).
	 * Any other negative value is treated like -AMV_EFAULT.
	 */
	int (*read_phys32)(void *ctx, uint64_t pa, uint32_t *val);

	/**
	 * @brief Write one aligned 32-bit word of guest physical memory.
	 *
	 * Used by the shadow MMU to perform guest page-table writes it
	 * emulates (write-protect strategy) or is asked to do (paravirtual
	 * hypercalls). Little-endian, like read_phys32.
	 * @param ctx The port context.
	 * @param pa  Guest physical address, 4-byte aligned.
	 * @param val The word.
	 * @retval 0 Success; negative values as for read_phys32.
	 */
	int (*write_phys32)(void *ctx, uint64_t pa, uint32_t val);

	/**
	 * @brief Host physical address of library-owned memory.
	 *
	 * The shadow MMU writes host physical addresses of its L1 and L2
	 * tables (caller-owned pools) into descriptors and TTBR0.
	 * @param ctx The port context.
	 * @param p   A pointer into a shadow table pool.
	 * @return Its host physical address.
	 */
	uint32_t (*host_pa)(void *ctx, const void *p);

	/**
	 * @brief Program the host MMU for the guest.
	 *
	 * Called whenever the values the guest must run with change; the
	 * port loads them before returning to the guest (TTBR0, then
	 * CONTEXTIDR, then DACR, with the barriers B3.10.4 asks for).
	 * @param ctx        The port context.
	 * @param ttbr0      Host TTBR0: the shadow L1's host PA with the
	 *                   configured walk attribute bits.
	 * @param contextidr Host CONTEXTIDR: the host ASID in [7:0].
	 * @param dacr       Host DACR.
	 */
	void (*set_host_mmu)(void *ctx, uint32_t ttbr0, uint32_t contextidr,
			     uint32_t dacr);

	/**
	 * @brief Optional: guest RAM as host memory.
	 *
	 * Lets the emulator read and write the guest page at @p pa directly
	 * instead of one read_phys32/write_phys32 call per word (block
	 * transfers, exception returns, SRS/RFE). The page holds guest bytes
	 * in guest memory order; the library accesses it with the same
	 * little-endian word semantics as read_phys32. NULL hook: the word
	 * hooks are used.
	 * @param ctx The port context.
	 * @param pa  Guest physical address, 4 KiB-aligned.
	 * @return The host address of the page, or NULL where @p pa is not
	 *         plain RAM (an MMIO region, nothing): the word hooks are
	 *         used there.
	 */
	void *(*ram_ptr)(void *ctx, uint64_t pa);

	/**
	 * @brief Optional: shadow descriptors were written.
	 *
	 * Called right after the library writes @p len bytes of a shadow
	 * table at @p p, before it asks for any TLB maintenance that depends
	 * on them. A host whose table walks do not snoop the data cache
	 * (ID_MMFR3 coherent walk = 0, e.g. Cortex-A8 and Cortex-A9) cleans
	 * the lines to the point of unification and then executes DSB
	 * (B3.10.1, "Ordering of translation table updates"); NULL where walks
	 * are coherent or caches are off.
	 * @param ctx The port context.
	 * @param p   First byte written (in a pool the port handed over).
	 * @param len Bytes written: 4 for an entry, a whole table when one is
	 *            cleared.
	 */
	void (*table_written)(void *ctx, const void *p, uint32_t len);

	/** @brief Host TLBIALL: invalidate the entire host TLB.
	 *  @param ctx The port context. */
	void (*tlbi_all)(void *ctx);

	/** @brief Host TLBIASID: invalidate non-global entries of an ASID.
	 *  @param ctx The port context.
	 *  @param asid Host ASID. */
	void (*tlbi_asid)(void *ctx, uint8_t asid);

	/** @brief Host TLBIMVA: invalidate the entry for a VA and ASID.
	 *  @param ctx The port context.
	 *  @param va Virtual address (any address in the page).
	 *  @param asid Host ASID. */
	void (*tlbi_mva)(void *ctx, uint32_t va, uint8_t asid);

	/** @brief Host TLBIMVAA: invalidate a VA for every ASID.
	 *  @param ctx The port context.
	 *  @param va Virtual address (any address in the page). */
	void (*tlbi_mvaa)(void *ctx, uint32_t va);
};

/** A port: its hooks and the context they are called with. */
struct amv_port {
	const struct amv_port_ops *ops; /**< Hooks; never NULL in use. */
	void *ctx;                      /**< Passed back to every hook. */
};

#ifdef __cplusplus
}
#endif

/** @} */
#endif /* AMV_PORT_H */
