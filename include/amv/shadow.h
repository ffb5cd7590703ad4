/* SPDX-License-Identifier: BSD-2-Clause */
/**
 * @file shadow.h
 * @brief Shadow page tables: the guest's translations as the host MMU runs
 *        them.
 *
 * @defgroup shadow Shadow MMU
 * @{
 * The guest runs at host PL0 on shadow translation tables the library
 * builds lazily from the guest's own tables. A VM (struct amv_shadow_vm,
 * caller-owned) holds the guest's translation regime and virtual mode, its
 * memory map, and pools of shadow tables the caller provides
 * (AMV_SHADOW_STORAGE()). The port programs the host MMU with the values the
 * library hands to the set_host_mmu hook and performs the host TLB
 * maintenance the library asks for.
 *
 * **Address spaces.** One shadow L1 per guest address space, keyed by the
 * guest's TTBR0 and ASID (CONTEXTIDR[7:0]); one more for the MMU-off flat
 * mapping. Switching back to an address space whose shadow is still cached
 * reuses it and invalidates nothing. Translations the guest maps through
 * TTBR1 (TTBCR.N > 0) that are global live in one VM-wide template L1 whose
 * entries (sections, and pointers to shared L2 tables) are copied into each
 * address space's L1 on its first fault there, so the kernel half is filled
 * once for all processes. Non-global translations in the TTBR1 region are
 * shadowed privately per address space.
 *
 * **Fill.** amv_shadow_fault() walks the guest tables with amv_walk() in the
 * current virtual mode. Granularity: a guest section, supersection or
 * MMU-off mapping is shadowed as a host section when its whole 1 MiB is
 * backed by one RAM region at a 1 MiB-aligned host address and the VM does
 * not write-protect tables; everything else is shadowed one 4 KiB host small
 * page at a time (a 64 KiB guest page as the 4 KiB page that faulted). Host
 * sections keep the shadow of a kernel's section-mapped memory at one word
 * per MiB; 4 KiB is the unit of write protection and of the memory map.
 * Host entries are always not-global under the address space's host ASID
 * (see "ASIDs" below), use the host's TEX remap off (SCTLR.TRE = 0) and
 * access flag off (AFE = 0) encodings, and carry the guest's memory
 * attributes with one documented change: Inner Shareable Normal memory
 * becomes Outer Shareable (the TRE = 0 encoding has no Inner Shareable).
 * The most common fault (a small page through TTBR0 in a Client domain,
 * permitted, in RAM, whose slot already has a fitting L2 table, under
 * AMV_SYNC_TLB) takes a fast path that reads the two descriptors itself
 * instead of calling amv_walk(); it gives the same result (docs/shadow.md).
 *
 * **Permissions.** A shadow entry never grants more than the guest walk
 * grants in the current virtual mode: see domain.h for the classes. A slot
 * (1 MiB, one host L1 entry) has one host domain, so all pages of a host L2
 * table share one class; a page that does not fit its slot's class in the
 * current mode changes the slot to the mode's view class and drops the
 * slot's other pages, which refill lazily.
 *
 * **Memory map.** Guest physical addresses in a RAM region are mapped to
 * its host backing; in an MMIO region they are never mapped and a fault
 * there returns AMV_SHADOW_MMIO; anywhere else the guest takes a
 * synchronous external abort (AMV_SHADOW_INJECT). The monitor window is a
 * 1 MiB-aligned VA range whose host L1 entries the port provides; fills
 * never write there, and a guest translation there is reported as
 * AMV_SHADOW_WINDOW.
 *
 * **Synchronization** (amv_shadow_vm::sync, fixed at init):
 *  - AMV_SYNC_TLB: the shadow is a TLB. Guest table writes take effect when
 *    the guest invalidates its TLB: amv_shadow_tlbi() drops exactly the
 *    shadow entries the operation would remove from a TLB (the entries of
 *    every translation containing the VA, for the ASID or global).
 *  - AMV_SYNC_WP: guest pages the fills read descriptors from are mapped
 *    read-only in the shadow. A guest write there faults with
 *    AMV_SHADOW_WP; the caller decodes the store and calls
 *    amv_shadow_wp_write(), which performs it and drops the shadow entries
 *    derived from the written descriptor (found through a reverse map).
 *  - AMV_SYNC_PV: the guest updates its tables with hypercalls
 *    (amv_shadow_hypercall(), ABI below), which use the same reverse map.
 * TLB maintenance by the guest is honoured in every strategy.
 *
 * **ASIDs.** Each address space holds a host ASID from a struct
 * amv_asid_alloc shared by the VMs of a host CPU. Guest global translations
 * are shadowed not-global in every address space that uses them: a host
 * global entry would outlive a switch to another address space or VM whose
 * shadow differs (its slot class, or a VM's whole memory map), and flushing
 * the host TLB on every such switch costs more than the duplicated TLB
 * entries (docs/shadow.md has the measurement).
 *
 * **Exhaustion is never a guest-visible error.** An empty L2 pool evicts
 * the least-recently-filled L2 table; an empty L1 pool evicts the
 * least-recently-used address space other than the current one; running
 * out of host domains drops the VM's whole shadow and starts over; a full
 * reverse map first drops the records of entries that are gone, and only
 * a map still full of live records drops the shadow. Each is counted in struct amv_shadow_stats.
 *
 * **Hypercall ABI** (AMV_SYNC_PV; the port decides how a guest makes the
 * call, e.g. an SVC with a magic immediate): r0 = function, r1..r3
 * arguments, result in r0 (0 or a negative AMV_E* code):
 *  - AMV_HC_SET_PTE (r1 = descriptor's guest PA, r2 = new value): store the
 *    word and drop the shadow entries derived from it;
 *  - AMV_HC_SET_PTES (r1 = guest PA of an array of r2 pairs {descriptor
 *    PA, value}): the same for each pair, in order;
 *  - AMV_HC_SWITCH_MM (r1 = TTBR0, r2 = CONTEXTIDR): set both at once;
 *  - AMV_HC_FLUSH (r1 = an enum amv_tlbi_op, r2 = its argument): as the
 *    TLB maintenance operation.
 */
#ifndef AMV_SHADOW_H
#define AMV_SHADOW_H

#include <amv/amv_env.h>
#include <amv/asid.h>
#include <amv/domain.h>
#include <amv/fault.h>
#include <amv/port.h>
#include <amv/walk.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Alignment attribute for the table pools; a port's environment header
 *  may define it for a compiler without GNU attributes. */
#ifndef AMV_ALIGNED
#define AMV_ALIGNED(n) __attribute__((__aligned__(n)))
#endif

/** A shadow L1 table: 4096 host short descriptors, 16 KiB-aligned. */
struct amv_shadow_l1 {
	uint32_t e[4096]; /**< Host first-level descriptors. */
};

/** A shadow L2 table: 256 host short descriptors, 1 KiB-aligned. */
struct amv_shadow_l2 {
	uint32_t e[256]; /**< Host second-level descriptors. */
};

/** Book-keeping for one address space (one per L1). Private. */
struct amv_shadow_as {
	uint32_t ttbr0;   /**< Guest TTBR0 (key). */
	uint32_t stamp;   /**< Last use, for LRU eviction. */
	struct amv_asid_ctx hasid; /**< Host ASID. */
	uint8_t asid;     /**< Guest ASID (key). */
	uint8_t state;    /**< Free, live, flat or template. */
	uint8_t has_super; /**< Holds supersection-derived entries. */
	uint32_t used[128]; /**< Bitmap of slots with metadata. */
	uint8_t meta[4096]; /**< Per L1 slot: how the entry was derived. */
};

/** Book-keeping for one L2 table. Private. */
struct amv_shadow_l2info {
	int16_t owner;    /**< Address space index; -1: free. */
	uint16_t slot;    /**< L1 index it hangs from. */
	uint32_t stamp;   /**< Last fill, for LRU eviction. */
	uint8_t sizes;    /**< OR of the guest mapping sizes it holds. */
	uint8_t meta[256]; /**< Per entry: how it was derived. */
};

/** A reverse-map entry: a guest descriptor a shadow entry was derived
 *  from. Private. */
struct amv_shadow_rmap {
	uint32_t desc;    /**< Guest PA of the descriptor, + 1; 0: empty. */
	uint32_t va;      /**< Shadow VA (page or slot). */
	uint16_t as;      /**< Address space index. */
	uint16_t level;   /**< 1: drop the slot, 2: drop the page. */
};

/**
 * @brief The fewest L2 tables a VM can run with.
 *
 * One instruction can need four shadow L2 tables at once: its own page, or
 * two for a 32-bit Thumb instruction across a page in another MiB, and two
 * for a load/store multiple that crosses into another MiB. L2 tables are
 * evicted least-recently-filled first (there is no access bit to tell use
 * from fill), so with only that many each fill can evict the table the
 * retried instruction needs next and the guest never gets past it; one
 * more table guarantees progress. (Found by running the example monitor's
 * test OS with a single L2 table: it livelocked.)
 */
#define AMV_SHADOW_MIN_L2 5u

/**
 * @brief Define a VM's shadow table pools, statically and aligned.
 *
 * Defines `static` arrays NAME_l1, NAME_as (@p n_l1 each), NAME_l2, NAME_l2i
 * (@p n_l2 each), NAME_rmap (@p n_rmap, a power of two) and NAME_wp
 * (@p n_rmap words), and a `static struct amv_shadow_storage NAME` pointing
 * at them, for amv_shadow_config::storage.
 */
#define AMV_SHADOW_STORAGE(NAME, n_l1, n_l2, n_rmap)                          \
	static struct amv_shadow_l1 NAME##_l1[n_l1] AMV_ALIGNED(16384);        \
	static struct amv_shadow_as NAME##_as[n_l1];                           \
	static struct amv_shadow_l2 NAME##_l2[n_l2] AMV_ALIGNED(1024);         \
	static struct amv_shadow_l2info NAME##_l2i[n_l2];                      \
	static struct amv_shadow_rmap NAME##_rmap[n_rmap];                     \
	static uint32_t NAME##_wp[n_rmap];                                     \
	static struct amv_shadow_storage NAME = {                              \
		NAME##_l1, NAME##_as, (n_l1), NAME##_l2, NAME##_l2i, (n_l2),   \
		NAME##_rmap, NAME##_wp, (n_rmap)}

/** The caller-owned memory of a VM's shadow. */
struct amv_shadow_storage {
	struct amv_shadow_l1 *l1;       /**< L1 tables, 16 KiB-aligned; each
					     pool must be physically
					     contiguous. */
	struct amv_shadow_as *as;       /**< One per L1. */
	unsigned int n_l1;              /**< At least 2: the TTBR1 template
					     and the current address space. */
	struct amv_shadow_l2 *l2;       /**< L2 tables, 1 KiB-aligned. */
	struct amv_shadow_l2info *l2i;  /**< One per L2. */
	unsigned int n_l2;              /**< At least AMV_SHADOW_MIN_L2. */
	struct amv_shadow_rmap *rmap;   /**< Reverse map (WP and PV). */
	uint32_t *wp;                   /**< Watched guest pages (WP). */
	unsigned int n_rmap;            /**< Power of two, at least 16, for
					     WP and PV; ignored for
					     AMV_SYNC_TLB. */
};

/** Kinds of memory-map region. */
enum amv_region_kind {
	AMV_REGION_RAM = 1,  /**< Guest RAM backed by host memory. */
	AMV_REGION_MMIO = 2, /**< Emulated device: never mapped. */
};

/** A region of guest physical address space. */
struct amv_vm_region {
	uint64_t gpa;  /**< Guest physical base, 4 KiB-aligned. */
	uint64_t size; /**< Bytes, a non-zero multiple of 4 KiB. */
	uint32_t hpa;  /**< Host physical base of RAM, 4 KiB-aligned. */
	uint32_t kind; /**< enum amv_region_kind. */
};

/** Synchronization strategies. */
enum amv_sync {
	AMV_SYNC_TLB = 0, /**< Trapped guest TLB maintenance. */
	AMV_SYNC_WP = 1,  /**< Write-protected guest tables. */
	AMV_SYNC_PV = 2,  /**< Paravirtual hypercalls. */
};

/** A VM's shadow configuration (copied by amv_shadow_init()). */
struct amv_shadow_config {
	struct amv_port port;   /**< Hooks: read_phys32, host_pa,
				     set_host_mmu and the four tlbi hooks are
				     required, write_phys32 too for WP and
				     PV. */
	struct amv_asid_alloc *asids; /**< Host ASIDs (shared per CPU). */
	const struct amv_shadow_storage *storage; /**< Table pools. */
	const struct amv_vm_region *regions; /**< Memory map, sorted by gpa,
						  not overlapping. */
	unsigned int n_regions;  /**< Number of regions. */
	uint32_t window_base;    /**< Monitor window VA, 1 MiB-aligned. */
	uint32_t window_size;    /**< Bytes, multiple of 1 MiB; 0: none. */
	const uint32_t *window_l1; /**< window_size >> 20 host L1 entries
					copied into every shadow L1. */
	uint16_t monitor_domains; /**< Host domains the monitor keeps. */
	uint32_t monitor_dacr;   /**< DACR fields for them. */
	uint32_t ttbr_attr;      /**< Host TTBR0 bits [6:0] (walk
				      attributes) ORed into the L1 PA. */
	uint32_t regime_flags;   /**< AMV_REGIME_* of the guest CPU. */
	unsigned int sync;       /**< enum amv_sync. */
};

/** Counters, for tests and benchmarks. */
struct amv_shadow_stats {
	uint32_t faults;        /**< amv_shadow_fault() calls. */
	uint32_t fills;         /**< Entries installed (a template entry
				     copied into an address space counts). */
	uint32_t fast_fills;    /**< Of those, by the small-page fast path. */
	uint32_t injects;       /**< Guest faults handed back. */
	uint32_t mmio;          /**< MMIO exits. */
	uint32_t wp_hits;       /**< Write-protect faults. */
	uint32_t drops;         /**< Valid shadow entries dropped. */
	uint32_t reclass;       /**< Slots whose class changed. */
	uint32_t l2_evictions;  /**< L2 tables evicted (pool dry). */
	uint32_t as_evictions;  /**< Address spaces evicted (pool dry). */
	uint32_t flushes;       /**< Whole-shadow drops (any reason). */
	uint32_t domain_generations; /**< Host domains ran out. */
	uint32_t rmap_compactions; /**< Reverse map full: dead records
				       dropped. */
	uint32_t rmap_overflows; /**< Reverse map still full: shadow
				      dropped. */
	uint32_t wp_releases;   /**< Pages released by
				     amv_shadow_wp_release(). */
	uint32_t host_tlbi;     /**< Host TLB maintenance calls. */
	uint32_t switches;      /**< Address-space switches. */
	uint32_t switch_drops;  /**< Entries dropped by switches (always 0
				     while the shadow is cached). */
};

/** A VM's shadow MMU. Caller-owned; fields are private except stats. */
struct amv_shadow_vm {
	struct amv_shadow_config cfg;  /**< Copy of the configuration. */
	struct amv_shadow_storage st;  /**< Copy of the storage. */
	struct amv_regime g;           /**< Guest regime. */
	struct amv_domains dom;        /**< Host domain allocation. */
	bool kernel;                   /**< Virtual mode is privileged. */
	int cur;                       /**< Current address space. */
	int tmpl;                      /**< TTBR1 template address space. */
	uint32_t clock;                /**< LRU clock. */
	uint32_t host_ttbr0;           /**< Host TTBR0 last programmed. */
	uint32_t host_ctx;             /**< Host CONTEXTIDR last programmed. */
	uint32_t host_dacr;            /**< Host DACR last programmed. */
	uint32_t l1_pa;                /**< Host PA of the L1 pool. */
	uint32_t l2_pa;                /**< Host PA of the L2 pool. */
	bool dacr_dirty;               /**< Host DACR needs recomputing. */
	uint32_t dacr_view[2];         /**< Host DACR for user, kernel. */
	uint32_t dacr_guest;           /**< Guest DACR they were made for. */
	uint32_t rmap_used;            /**< Reverse-map entries in use. */
	uint32_t wp_since_compact;     /**< Write-protect hits since the
					    reverse map was last compacted. */
	unsigned int last_region;      /**< Memory-map region last hit. */
	bool fast_ok;                  /**< The small-page fast path applies. */
	uint32_t fast_l1;              /**< Its guest L1 base (TTBR0). */
	uint32_t fast_ttbr1_va;        /**< VA bits that select TTBR1. */
	uint32_t fast_pxn;             /**< AMV_L1_TABLE_PXN if PXN exists. */
	struct amv_shadow_stats stats; /**< Counters. */
};

/** amv_shadow_fault() outcomes. */
enum amv_shadow_status {
	AMV_SHADOW_FILLED = 0, /**< An entry was installed: retry. */
	AMV_SHADOW_INJECT = 1, /**< Give the guest amv_shadow_result::fault. */
	AMV_SHADOW_MMIO = 2,   /**< Emulate the access to gpa (MMIO region). */
	AMV_SHADOW_WP = 3,     /**< A write to a write-protected guest
				    table page: emulate it with
				    amv_shadow_wp_write(). */
	AMV_SHADOW_WINDOW = 4, /**< The guest maps the monitor window. */
};

/** What amv_shadow_fault() found. */
struct amv_shadow_result {
	struct amv_fault fault; /**< AMV_SHADOW_INJECT: the guest's fault. */
	uint64_t gpa;           /**< MMIO, WP, WINDOW: guest PA of the VA. */
	unsigned int region;    /**< MMIO: index into the memory map. */
};

/** Guest TLB maintenance operations (B4.2.2); the inner-shareable and
 *  instruction/data-only forms map to these. */
enum amv_tlbi_op {
	AMV_TLBI_ALL = 0,  /**< TLBIALL: argument ignored. */
	AMV_TLBI_MVA = 1,  /**< TLBIMVA: VA[31:12] | ASID[7:0]. */
	AMV_TLBI_ASID = 2, /**< TLBIASID: ASID[7:0]. */
	AMV_TLBI_MVAA = 3, /**< TLBIMVAA: VA[31:12], every ASID. */
};

/** @name Hypercall functions (r0) */
/** @{ */
#define AMV_HC_SET_PTE 0x414d0001u   /**< r1 = descriptor PA, r2 = value. */
#define AMV_HC_SET_PTES 0x414d0002u  /**< r1 = array PA, r2 = count. */
#define AMV_HC_SWITCH_MM 0x414d0003u /**< r1 = TTBR0, r2 = CONTEXTIDR. */
#define AMV_HC_FLUSH 0x414d0004u     /**< r1 = amv_tlbi_op, r2 = argument. */
/** @} */

/**
 * @brief Set up a VM's shadow MMU, guest MMU off, virtual kernel mode.
 * @param vm  The VM.
 * @param cfg Its configuration; the regions (sorted by gpa, not
 *            overlapping) and window entries must stay valid while the VM
 *            lives.
 * @retval 0 Success; set_host_mmu has been called.
 * @retval -AMV_EINVAL A NULL pointer or required hook, misaligned or
 *         overlapping regions or window, a pool too small or misaligned
 *         (host_pa of the tables), n_rmap not a power of two for WP/PV, or
 *         every host domain reserved.
 */
int amv_shadow_init(struct amv_shadow_vm *vm,
		    const struct amv_shadow_config *cfg);

/**
 * @brief The guest wrote translation registers.
 *
 * Compares @p r with the current guest regime: a TTBR0 or CONTEXTIDR change
 * switches address space (invalidating nothing); so does SCTLR.M, between
 * the MMU-off address space and the walking ones, which both stay cached
 * (a TLB may keep entries across an MMU disable; the guest's TLB
 * maintenance, or the strategy's write tracking, keeps them current); a
 * DACR change only reprograms the host DACR (under AMV_SYNC_WP a domain
 * entering or leaving Manager also drops the entries domain.h names); a
 * TTBR1 change drops the TTBR1 template; a change of SCTLR.AFE/TRE/EE,
 * TTBCR, PRRR or NMRR drops the whole shadow.
 * @param vm The VM.
 * @param r  The guest regime now.
 * @retval 0 Success.
 * @retval -AMV_EINVAL NULL pointer.
 * @retval -AMV_ENOTSUP SCTLR.M = 1 with TTBCR.EAE = 1 or SCTLR.XP = 0 (both
 *         are only looked at while the MMU is on); the regime is not
 *         taken.
 */
int amv_shadow_set_regime(struct amv_shadow_vm *vm,
			  const struct amv_regime *r);

/**
 * @brief The virtual mode changed between privileged and user.
 * @param vm     The VM.
 * @param kernel True for a virtual PL1 mode.
 * @retval 0 Success.
 * @retval -AMV_EINVAL NULL @p vm.
 */
int amv_shadow_set_mode(struct amv_shadow_vm *vm, bool kernel);

/**
 * @brief Handle a host prefetch or data abort taken while the guest ran.
 *
 * @param vm     The VM.
 * @param va     The faulting VA (host DFAR/IFAR).
 * @param access enum amv_access of the access; AMV_ACC_USER forces a
 *               PL0 check (an emulated LDRT), otherwise the virtual mode
 *               decides.
 * @param res    Receives what the caller needs for the outcome.
 * @retval AMV_SHADOW_FILLED, AMV_SHADOW_INJECT, AMV_SHADOW_MMIO,
 *         AMV_SHADOW_WP, AMV_SHADOW_WINDOW As enum amv_shadow_status.
 * @retval -AMV_EINVAL NULL pointer or bad @p access.
 */
int amv_shadow_fault(struct amv_shadow_vm *vm, uint32_t va,
		     unsigned int access, struct amv_shadow_result *res);

/**
 * @brief A guest TLB maintenance operation.
 * @param vm  The VM.
 * @param op  enum amv_tlbi_op.
 * @param arg Its argument (the guest's MCR register value).
 * @retval 0 Success.
 * @retval -AMV_EINVAL NULL @p vm or unknown @p op.
 */
int amv_shadow_tlbi(struct amv_shadow_vm *vm, unsigned int op, uint32_t arg);

/**
 * @brief Perform a guest store to a write-protected table page.
 *
 * Writes @p val (@p size bytes at @p gpa, little-endian, not crossing a
 * word) through the port and drops the shadow entries derived from the
 * descriptor word written.
 * @param vm   The VM.
 * @param gpa  Guest physical address of the store.
 * @param val  The value (low @p size bytes).
 * @param size 1, 2 or 4.
 * @retval 0 Success.
 * @retval -AMV_EINVAL NULL @p vm, bad size or alignment, or no
 *         write_phys32 hook. (On an AMV_SYNC_TLB VM the store is
 *         performed and drops nothing: there is no reverse map; on
 *         AMV_SYNC_PV it works like AMV_HC_SET_PTE.)
 * @retval -AMV_EFAULT, -AMV_EIO The port could not access @p gpa.
 */
int amv_shadow_wp_write(struct amv_shadow_vm *vm, uint64_t gpa, uint32_t val,
			unsigned int size);

/**
 * @brief Stop write-protecting a guest page (AMV_SYNC_WP).
 *
 * For a store to a protected page that the caller cannot perform with
 * amv_shadow_wp_write() (a multi-register or doubleword store), or a page
 * it knows is no longer a table: drops every shadow entry derived from a
 * descriptor on the page, as if all of them changed, and unprotects it; the
 * caller then retries the store, which the next fault maps writable. A
 * later fill that reads a descriptor from the page protects it again. Costs
 * a pass over the reverse map.
 * @param vm  The VM.
 * @param gpa Any guest physical address in the page.
 * @retval 0 Success (also when the page is not protected, or the VM is not
 *         AMV_SYNC_WP).
 * @retval -AMV_EINVAL NULL @p vm.
 */
int amv_shadow_wp_release(struct amv_shadow_vm *vm, uint64_t gpa);

/**
 * @brief A paravirtual hypercall (AMV_SYNC_PV; see the ABI above).
 * @param vm   The VM.
 * @param args r0..r3 of the guest.
 * @return The guest's r0: 0, or -AMV_EINVAL for an unknown function or
 *         bad argument, -AMV_ENOTSUP when the VM is not AMV_SYNC_PV,
 *         -AMV_EFAULT/-AMV_EIO when guest memory cannot be accessed.
 */
int amv_shadow_hypercall(struct amv_shadow_vm *vm, const uint32_t args[4]);

/**
 * @brief Drop every shadow entry of the VM (but not the monitor window).
 * @param vm The VM.
 * @retval 0 Success.
 * @retval -AMV_EINVAL NULL @p vm.
 */
int amv_shadow_flush(struct amv_shadow_vm *vm);

/**
 * @brief Reprogram the host MMU for this VM (after another VM ran).
 *
 * Renews the current address space's host ASID if another VM's rollover
 * retired it and calls set_host_mmu unconditionally.
 * @param vm The VM.
 * @retval 0 Success.
 * @retval -AMV_EINVAL NULL @p vm.
 */
int amv_shadow_resume(struct amv_shadow_vm *vm);

/**
 * @brief The shadow L1 the host runs the guest on now.
 * @param vm The VM.
 * @return The current shadow L1, NULL for NULL @p vm.
 */
const struct amv_shadow_l1 *amv_shadow_current_l1(
	const struct amv_shadow_vm *vm);

#ifdef __cplusplus
}
#endif

/** @} */
#endif /* AMV_SHADOW_H */
