/* SPDX-License-Identifier: BSD-2-Clause */
/**
 * @file domain.h
 * @brief Host domains standing in for the guest's lost privilege level.
 *
 * @defgroup domain Domains
 * @{
 * The guest kernel and guest user both run at host PL0, so the host MMU
 * cannot tell them apart by privilege. amv tells them apart with domains
 * (ARMv7 ARM B3.12.3, DACR B4.1.43): every shadow entry sits in a host domain
 * chosen by the pair (guest domain, access class), and the host DACR is
 * recomputed on every virtual mode change and every guest DACR write.
 *
 * A shadow entry's host AP/XN bits encode one set of PL0 permissions p. The
 * guest permissions of the mapping as if its domain were Client are cp1
 * (guest PL1, the virtual kernel) and cp0 (guest PL0, virtual user). The
 * class says which of them p holds and what the host DACR field is in each
 * virtual mode while the guest domain is Client:
 *
 * | class       | p    | kernel mode | user mode | usable when          |
 * |-------------|------|-------------|-----------|----------------------|
 * | BOTH        | cp0  | Client      | Client    | cp1 == cp0           |
 * | KERN        | cp1  | Client      | No access | cp0 == 0, or as the kernel-mode view |
 * | KMGR        | cp0  | Manager     | Client    | cp1 == RWX           |
 * | USER        | cp0  | No access   | Client    | as the user-mode view|
 *
 * KMGR is the manager-in-kernel-mode trick for pages the guest kernel may
 * read, write and execute but its users may only read (AP = 0b010): Manager
 * skips every permission check, XN included (B3.7.3), so it is only used when
 * the guest kernel really has all of R, W and X; a kernel-RW/user-RO page that
 * is XN or PXN for the kernel takes a mode view instead, never KMGR.
 *
 * A guest domain that is Manager makes all its pairs Manager in both modes
 * (the guest's manager access skips the AP bits exactly as the host's does),
 * and a guest domain that is No access or reserved makes them No access, so a
 * guest DACR write never invalidates a shadow entry.
 *
 * The 16 host domains are handed out to the pairs in use; the monitor keeps
 * the domains it reserves. When every host domain is taken,
 * amv_domain_get() fails with -AMV_ENOMEM and the shadow MMU starts a new
 * domain generation: it drops every shadow entry of the VM and calls
 * amv_domain_reset() (see shadow.h).
 */
#ifndef AMV_DOMAIN_H
#define AMV_DOMAIN_H

#include <amv/amv_env.h>
#include <amv/cp15.h>
#include <amv/error.h>
#include <amv/walk.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Access classes of shadow entries. */
enum amv_dom_class {
	AMV_DC_BOTH = 0, /**< Same permissions in both virtual modes. */
	AMV_DC_KERN = 1, /**< Kernel-mode permissions; none in user mode. */
	AMV_DC_KMGR = 2, /**< Kernel mode Manager; user permissions in AP. */
	AMV_DC_USER = 3, /**< User-mode permissions; none in kernel mode. */
	AMV_DC_COUNT = 4 /**< Number of classes; not a class. */
};

/** ORed into a class for write-protected guest table pages shadowed while
 *  their guest domain is Manager (AMV_SYNC_WP, see shadow.h): while the
 *  guest domain is Manager such a pair follows its class's Client column
 *  (never Manager, since KMGR needs a writable kernel and WP entries are
 *  never writable), so the host AP bits keep the page read-only. */
#define AMV_DC_WP 4u
/** Number of class values including the AMV_DC_WP forms. */
#define AMV_DC_ALL 8u

/** Guest domains 0..15, plus one pseudo domain for the guest's MMU-off
 *  flat mapping, which no guest DACR field controls. */
#define AMV_GDOM_FLAT 16u
/** Number of guest domains including AMV_GDOM_FLAT. */
#define AMV_GDOM_COUNT 17u

/** Host domain allocation for one VM. Fields are private. */
struct amv_domains {
	uint8_t host_of[AMV_GDOM_COUNT][AMV_DC_ALL]; /**< 0xff: none. */
	uint8_t pair_of[16];  /**< Host domain -> gdom * 8 + class, 0xff free. */
	uint16_t reserved;    /**< Host domains never handed out. */
	uint32_t reserved_dacr; /**< DACR fields of the reserved domains. */
	uint32_t generations; /**< amv_domain_reset() calls so far. */
};

/**
 * @brief Initialise the allocation with every unreserved domain free.
 * @param d        The allocation.
 * @param reserved Bit n set: host domain n belongs to the monitor.
 * @param reserved_dacr The DACR fields of the reserved domains (other
 *                 fields ignored), e.g. Client for the monitor's window.
 * @retval 0 Success.
 * @retval -AMV_EINVAL @p d is NULL or every domain is reserved.
 */
int amv_domain_init(struct amv_domains *d, uint16_t reserved,
		    uint32_t reserved_dacr);

/**
 * @brief Free every pair (the caller has dropped every entry using them).
 * @param d The allocation.
 */
void amv_domain_reset(struct amv_domains *d);

/**
 * @brief The host domain of a (guest domain, class) pair, allocating one.
 * @param d     The allocation.
 * @param gdom  Guest domain 0..15 or AMV_GDOM_FLAT.
 * @param cls   An enum amv_dom_class, optionally ORed with AMV_DC_WP.
 * @retval 0..15 The host domain.
 * @retval -AMV_EINVAL A NULL @p d, or @p gdom or @p cls out of range.
 * @retval -AMV_ENOMEM The pair has no domain and none is free.
 */
int amv_domain_get(struct amv_domains *d, unsigned int gdom, unsigned int cls);

/**
 * @brief Whether a pair holds a host domain (amv_domain_get() would not
 *        allocate, so the host DACR would not change).
 * @param d    The allocation.
 * @param gdom Guest domain 0..15 or AMV_GDOM_FLAT.
 * @param cls  An enum amv_dom_class, optionally ORed with AMV_DC_WP.
 * @return True if the pair has a host domain.
 */
static inline bool amv_domain_allocated(const struct amv_domains *d,
					unsigned int gdom, unsigned int cls)
{
	return d != NULL && gdom < AMV_GDOM_COUNT && cls < AMV_DC_ALL &&
	       d->host_of[gdom][cls] != 0xffu;
}

/**
 * @brief The pair a host domain is allocated to.
 * @param d    The allocation.
 * @param hdom Host domain 0..15.
 * @param gdom Receives the guest domain.
 * @param cls  Receives the class (with AMV_DC_WP if set).
 * @retval 0 Success.
 * @retval -AMV_ENOENT @p hdom is free or reserved.
 * @retval -AMV_EINVAL A NULL pointer or @p hdom > 15.
 */
static inline int amv_domain_pair(const struct amv_domains *d,
				  unsigned int hdom, unsigned int *gdom,
				  unsigned int *cls)
{
	if (d == NULL || gdom == NULL || cls == NULL || hdom > 15u)
		return -AMV_EINVAL;
	if (d->pair_of[hdom] == 0xffu)
		return -AMV_ENOENT;
	*gdom = d->pair_of[hdom] / AMV_DC_ALL;
	*cls = d->pair_of[hdom] % AMV_DC_ALL;
	return 0;
}

/**
 * @brief The host DACR for a guest DACR and virtual mode.
 * @param d          The allocation.
 * @param guest_dacr The guest's DACR.
 * @param kernel     True in a virtual privileged mode (PL1).
 * @return The host DACR: reserved domains as given at init, free domains No
 *         access, allocated ones per the class table above; 0 for NULL.
 */
uint32_t amv_domain_dacr(const struct amv_domains *d, uint32_t guest_dacr,
			 bool kernel);

/**
 * @brief Choose a class and host permissions for a mapping.
 *
 * @param cp1    AMV_PERM_* of the guest kernel as if the domain were Client.
 * @param cp0    AMV_PERM_* of the guest user as if the domain were Client.
 * @param kernel The virtual mode of the access being filled; used only when
 *               no class fits both modes and a mode view is taken.
 * @param perm   Receives the AMV_PERM_* the host entry must grant at PL0.
 * @return An enum amv_dom_class: BOTH, KERN (cp0 == 0), KMGR, else the
 *         view of @p kernel's mode (KERN or USER).
 */
unsigned int amv_domain_class(unsigned int cp1, unsigned int cp0, bool kernel,
			      unsigned int *perm);

/**
 * @brief Whether a mapping fits a class in the given mode.
 *
 * True when an entry in class @p cls can carry the mapping with
 * permissions (cp1, cp0) and give the mode @p kernel exactly its guest
 * permissions; *@p perm then receives the host PL0 permissions to encode.
 * @param cls    An enum amv_dom_class.
 * @param cp1    Guest kernel permissions (domain as Client).
 * @param cp0    Guest user permissions (domain as Client).
 * @param kernel The virtual mode.
 * @param perm   Receives the host permissions when true is returned.
 * @return True if the class fits.
 */
static inline bool amv_domain_fits(unsigned int cls, unsigned int cp1,
				   unsigned int cp0, bool kernel,
				   unsigned int *perm)
{
	switch (cls & ~AMV_DC_WP) {
	case AMV_DC_BOTH:
		*perm = cp0;
		return cp1 == cp0;
	case AMV_DC_KERN:
		*perm = cp1;
		return cp0 == 0 || kernel;
	case AMV_DC_KMGR:
		*perm = cp0;
		return cp1 == AMV_PERM_RWX;
	case AMV_DC_USER:
		*perm = cp0;
		return cp1 == 0 || !kernel;
	default:
		return false;
	}
}

#ifdef __cplusplus
}
#endif

/** @} */
#endif /* AMV_DOMAIN_H */
