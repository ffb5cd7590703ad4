/* SPDX-License-Identifier: BSD-2-Clause */
/**
 * @file vector.h
 * @brief Routing host exceptions taken while the guest runs.
 *
 * @defgroup vector Vector routing
 * @{
 * The guest runs at host PL0, so everything it does that the host must see
 * arrives as a host exception. The port's vectors save the guest's
 * registers into the struct amv_vcpu (amv_vcpu_from_host() for the CPSR
 * bits), describe the exception in a struct amv_trap and call amv_route(),
 * which decides from the exception, the virtual mode and the cause:
 *
 * | host exception | cause | action |
 * |---|---|---|
 * | IRQ, FIQ | a host interrupt | AMV_ACT_HOST_IRQ |
 * | SVC | `svc #AMV_HC_SVC_IMM` from a virtual PL1 mode | AMV_ACT_HYPERCALL |
 * | SVC | any other (guest user or kernel system call) | guest SVC entered: AMV_ACT_INJECTED |
 * | UNDEF | `UDF #i` matching patch-table entry i at this PC: a data-processing exception return | emulated: AMV_ACT_EMULATED |
 * | UNDEF | `UDF #i` matching patch-table entry i at this PC: anything else | AMV_ACT_EMULATE of the original |
 * | UNDEF | a privileged instruction in a virtual PL1 mode | AMV_ACT_EMULATE |
 * | UNDEF | anything else | guest UNDEF entered: AMV_ACT_INJECTED |
 * | SVC, UNDEF | Thumb state: see amv_route() | AMV_ACT_INJECTED or -AMV_ENOTSUP |
 * | Prefetch/Data Abort | the shadow MMU filled an entry | AMV_ACT_RETRY |
 * | Prefetch/Data Abort | the guest's own walk faults | guest abort entered: AMV_ACT_INJECTED |
 * | Data Abort | the address is MMIO | AMV_ACT_MMIO (decoded access) |
 * | Data Abort | a store to a write-protected table page | AMV_ACT_WP (decoded access) |
 * | Prefetch/Data Abort | the guest maps the monitor window | AMV_ACT_WINDOW |
 *
 * For AMV_ACT_MMIO and AMV_ACT_WP the port completes the access with
 * amv_dataop_decode() (emulate.h), the device model or
 * amv_shadow_wp_write(), then amv_dataop_complete().
 *
 * A prefetch abort on MMIO (the guest executing from a device) is entered
 * as an external abort on the guest: the monitor cannot execute device
 * memory for it.
 */
#ifndef AMV_VECTOR_H
#define AMV_VECTOR_H

#include <amv/amv_env.h>
#include <amv/decode.h>
#include <amv/shadow.h>
#include <amv/vcpu.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The SVC immediate a guest kernel uses for hypercalls (ASCII "AMV"). */
#define AMV_HC_SVC_IMM 0x414d56u

/** Host exceptions. */
enum amv_host_exc {
	AMV_HEXC_UNDEF = 0, /**< Undefined Instruction. */
	AMV_HEXC_SVC = 1,   /**< Supervisor Call. */
	AMV_HEXC_PABT = 2,  /**< Prefetch Abort. */
	AMV_HEXC_DABT = 3,  /**< Data Abort. */
	AMV_HEXC_IRQ = 4,   /**< IRQ. */
	AMV_HEXC_FIQ = 5,   /**< FIQ. */
};

/** What the port knows about a host exception. */
struct amv_trap {
	uint32_t exc;  /**< enum amv_host_exc. */
	uint32_t pc;   /**< The guest instruction that caused it (UNDEF, SVC,
			    aborts: the host LR minus its offset, B1.8.3:
			    4 for UNDEF and SVC, 2 in Thumb state; 4 for a
			    Prefetch, 8 for a Data Abort). */
	uint32_t insn; /**< That instruction (UNDEF, DABT, and SVC from a
			    PL1 mode, where an A32 one may be a hypercall;
			    ignored for a User-mode SVC, so a port can skip
			    the load on a system call). The port reads it
			    with the guest's translation: the A32 word; in
			    Thumb state a 16-bit instruction, or a 32-bit
			    one as first halfword << 16 | second. */
	uint32_t far;  /**< Host DFAR or IFAR (aborts). */
	uint32_t fsr;  /**< Host DFSR or IFSR (aborts). */
};

/** A patch-table entry (the layout amv-scan --patch writes, docs/amv-scan.md). */
struct amv_patch {
	uint32_t index;    /**< Its own index (the UDF's imm16). */
	uint32_t address;  /**< VA of the patched word. */
	uint32_t original; /**< The original instruction. */
	uint16_t cls;      /**< Class when scanned (informative). */
	uint8_t cond;      /**< Condition of the original. */
	uint8_t flags;     /**< Scan flags (informative). */
	bool decoded;      /**< @ref insn holds the original decoded
			        (amv_patch_prepare()); else amv_route()
			        decodes it (through amv_vcpu::decoded). */
	struct amv_insn insn; /**< The original, decoded. */
};

/** Actions. */
enum amv_action {
	AMV_ACT_EMULATE = 0,  /**< Call amv_emulate() with amv_route_result::insn. */
	AMV_ACT_INJECTED = 1, /**< A guest exception was entered; resume. */
	AMV_ACT_RETRY = 2,    /**< The shadow MMU installed an entry; resume. */
	AMV_ACT_MMIO = 3,     /**< Emulate the decoded access to gpa. */
	AMV_ACT_WP = 4,       /**< The decoded store hits a write-protected
				   table page: perform it with
				   amv_shadow_wp_write(). */
	AMV_ACT_HYPERCALL = 5, /**< amv_shadow_hypercall() with R0-R3. */
	AMV_ACT_HOST_IRQ = 6, /**< The port's own interrupt. */
	AMV_ACT_WINDOW = 7,   /**< The guest maps the monitor window. */
	AMV_ACT_EMULATED = 8, /**< A patched data-processing exception
				   return (`SUBS PC, LR, #4`, `MOVS PC, LR`,
				   B9.3.19: a kernel's every return to User
				   mode) was emulated by amv_route() itself,
				   as amv_emulate() would; resume. */
};

/** amv_route()'s answer. */
struct amv_route_result {
	uint32_t action;       /**< enum amv_action. */
	struct amv_insn insn;  /**< EMULATE, MMIO, WP: the instruction (not
				    written for the other actions). */
	uint64_t gpa;          /**< MMIO, WP, WINDOW: guest PA. */
	unsigned int region;   /**< MMIO: memory-map region. */
};

/**
 * @brief Decode each entry's original instruction once, at load time.
 *
 * amv_route() then copies the decoded instruction instead of decoding the
 * original on every trap (a decode costs about as much as the emulation of
 * a CPSR write).
 * @param patches The table.
 * @param n       Entries.
 * @retval 0 Success.
 * @retval -AMV_EINVAL NULL @p patches with @p n > 0 (or the decoder
 *         refused an original: that entry stays undecoded and amv_route()
 *         decodes it each time).
 */
int amv_patch_prepare(struct amv_patch *patches, uint32_t n);

/**
 * @brief Decide what a host exception taken while the guest ran means.
 *
 * Updates the vCPU when the answer is to enter a guest exception (which it
 * does) or to retry. amv_vcpu::pc must be @p t->pc.
 * @param v       The vCPU (its vm is used for aborts).
 * @param t       The host exception.
 * @param patches The guest image's patch table, or NULL.
 * @param n_patches Entries in @p patches.
 * @param out     Receives the action.
 * @retval 0 Success.
 * @retval -AMV_EINVAL NULL pointer, unknown exception, or an abort with no
 *         VM attached.
 * @retval -AMV_ENOTSUP In Thumb state, an UNDEF in a virtual PL1 mode
 *         other than UDF (it may be a privileged instruction to emulate,
 *         which needs the T32 decoder, not there yet). Thumb SVCs and
 *         every Thumb UNDEF in User mode are entered into the guest; a
 *         Thumb access to MMIO or a protected table comes back as
 *         AMV_ACT_MMIO or AMV_ACT_WP with an undecoded instruction (class
 *         AMV_INSN_UNDEFINED, isa AMV_ISA_T32), which amv_dataop_decode()
 *         refuses.
 */
int amv_route(struct amv_vcpu *v, const struct amv_trap *t,
	      const struct amv_patch *patches, uint32_t n_patches,
	      struct amv_route_result *out);

#ifdef __cplusplus
}
#endif

/** @} */
#endif /* AMV_VECTOR_H */
