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
