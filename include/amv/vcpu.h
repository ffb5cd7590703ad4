/* SPDX-License-Identifier: BSD-2-Clause */
/**
 * @file vcpu.h
 * @brief The guest CPU as the guest believes it is: registers of every mode,
 *        virtual CPSR and SPSRs, virtual CP15, and exception entry.
 *
 * @defgroup vcpu vCPU
 * @{
 * The guest kernel runs at host PL0, so its privileged state lives here.
 *
 * **Registers.** R0-R12, R8_fiq-R12_fiq, SP and LR of every mode (User and
 * System share one bank), PC, and one SPSR per exception mode. The core
 * models an ARMv7-A without the Security and Virtualization Extensions
 * (QEMU's Cortex-A8 on realview-pb-a8): there are no Monitor and Hyp modes.
 *
 * **The CPSR split.** While the guest runs, the host CPSR holds its
 * condition flags, Q, GE, IT, E and T (the host executes the guest's code in
 * the guest's instruction set, endianness and IT state), and its mode is
 * User. The virtual mode and the A, I and F masks exist only here. The port
 * copies the AMV_CPSR_HOST_BITS of the host's SPSR into amv_vcpu::cpsr on
 * every exit to the monitor (amv_vcpu_from_host()) and back on every entry
 * (amv_vcpu_to_host()), so that while the library runs amv_vcpu::cpsr is
 * the complete virtual CPSR.
 *
 * **CP15.** The registers a kernel uses. The identification registers hold
 * what the port configures (e.g. the host's own values). Writes to
 * registers that define translation go to the shadow MMU when a VM is
 * attached (amv_vcpu::vm).
 *
 * **Exceptions.** amv_inject() enters a guest exception as the ARM ARM's
 * TakeException pseudocode does (B1.8). Virtual IRQ and FIQ lines are
 * delivered by amv_vcpu_pending() once the virtual CPSR unmasks them.
 */
#ifndef AMV_VCPU_H
#define AMV_VCPU_H

#include <amv/amv_env.h>
#include <amv/decode.h>
#include <amv/fault.h>
#include <amv/shadow.h>
#include <amv/walk.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @name Processor modes, CPSR.M (B1.3.1) */
/** @{ */
#define AMV_MODE_USR 0x10u /**< User. */
#define AMV_MODE_FIQ 0x11u /**< FIQ. */
#define AMV_MODE_IRQ 0x12u /**< IRQ. */
#define AMV_MODE_SVC 0x13u /**< Supervisor. */
#define AMV_MODE_ABT 0x17u /**< Abort. */
#define AMV_MODE_UND 0x1bu /**< Undefined. */
#define AMV_MODE_SYS 0x1fu /**< System. */
/** @} */

/** @name CPSR/SPSR fields (B1.3.3) */
/** @{ */
#define AMV_PSR_MODE_MASK 0x1fu /**< M[4:0]. */
#define AMV_PSR_T (1u << 5)     /**< Thumb state. */
#define AMV_PSR_F_BIT (1u << 6) /**< FIQ mask. */
#define AMV_PSR_I_BIT (1u << 7) /**< IRQ mask. */
#define AMV_PSR_A_BIT (1u << 8) /**< Asynchronous abort mask. */
#define AMV_PSR_E (1u << 9)     /**< Big-endian data. */
#define AMV_PSR_IT_HI_MASK 0x0000fc00u /**< IT[7:2], bits [15:10]. */
#define AMV_PSR_GE_MASK 0x000f0000u    /**< GE[3:0], bits [19:16]. */
#define AMV_PSR_J (1u << 24)    /**< Jazelle state. */
#define AMV_PSR_IT_LO_MASK 0x06000000u /**< IT[1:0], bits [26:25]. */
#define AMV_PSR_Q (1u << 27)    /**< Saturation. */
#define AMV_PSR_NZCV_MASK 0xf0000000u  /**< N, Z, C, V. */
#define AMV_PSR_C_FLAG (1u << 29) /**< Carry. */
/** @} */

/** CPSR bits that live in the host CPSR while the guest runs. */
#define AMV_CPSR_HOST_BITS                                                     \
	(AMV_PSR_NZCV_MASK | AMV_PSR_Q | AMV_PSR_IT_LO_MASK | AMV_PSR_J |      \
	 AMV_PSR_GE_MASK | AMV_PSR_IT_HI_MASK | AMV_PSR_E | AMV_PSR_T)

/** Register banks (index into amv_vcpu::sp_lr; SPSRs use bank - 1). */
enum amv_bank {
	AMV_BANK_USR = 0, /**< User and System. */
	AMV_BANK_SVC = 1, /**< Supervisor. */
	AMV_BANK_ABT = 2, /**< Abort. */
	AMV_BANK_UND = 3, /**< Undefined. */
	AMV_BANK_IRQ = 4, /**< IRQ. */
	AMV_BANK_FIQ = 5, /**< FIQ. */
	AMV_BANK_COUNT = 6 /**< Number of banks. */
};

/** Entries of amv_vcpu::decoded (a power of two). */
#define AMV_VCPU_DECODED 16u

/** A decoded instruction kept by its word (amv_vcpu::decoded). */
struct amv_decoded {
	uint32_t raw;         /**< The instruction word. */
	bool valid;           /**< @ref insn holds its decoding. */
	struct amv_insn insn; /**< amv_decode() of @ref raw. */
};

/** The virtual CP15 registers (B4.1). */
struct amv_cp15 {
	uint32_t midr;       /**< Main ID (read-only, port-configured); also
				  read at c0,c0,{4,6,7}, its aliases. */
	uint32_t tcmtr;      /**< TCM Type (read-only). */
	uint32_t tlbtr;      /**< TLB Type (read-only). */
	uint32_t aidr;       /**< Auxiliary ID (read-only). */
	uint32_t ctr;        /**< Cache Type (read-only). */
	uint32_t mpidr;      /**< Multiprocessor Affinity (read-only). */
	uint32_t id_pfr[2];  /**< ID_PFR0/1 (read-only). */
	uint32_t id_dfr0;    /**< ID_DFR0 (read-only). */
	uint32_t id_afr0;    /**< ID_AFR0 (read-only). */
	uint32_t id_mmfr[4]; /**< ID_MMFR0..3 (read-only). */
	uint32_t id_isar[6]; /**< ID_ISAR0..5 (read-only). */
	uint32_t clidr;      /**< Cache Level ID (read-only). */
	uint32_t ccsidr;     /**< Cache Size ID of level 1 data (read-only). */
	uint32_t csselr;     /**< Cache Size Selection. */
	uint32_t sctlr;      /**< System Control. */
	uint32_t actlr;      /**< Auxiliary Control. */
	uint32_t cpacr;      /**< Coprocessor Access Control. */
	uint32_t ttbr0;      /**< Translation Table Base 0. */
	uint32_t ttbr1;      /**< Translation Table Base 1. */
	uint32_t ttbcr;      /**< Translation Table Base Control. */
	uint32_t dacr;       /**< Domain Access Control. */
	uint32_t dfsr;       /**< Data Fault Status. */
	uint32_t ifsr;       /**< Instruction Fault Status. */
	uint32_t adfsr;      /**< Auxiliary DFSR. */
	uint32_t aifsr;      /**< Auxiliary IFSR. */
	uint32_t dfar;       /**< Data Fault Address. */
	uint32_t ifar;       /**< Instruction Fault Address. */
	uint32_t par;        /**< Physical Address (ATS result). */
	uint32_t prrr;       /**< Primary Region Remap. */
	uint32_t nmrr;       /**< Normal Memory Remap. */
	uint32_t vbar;       /**< Vector Base Address (if implemented). */
	uint32_t contextidr; /**< Context ID (ASID in [7:0]). */
	uint32_t tpidrurw;   /**< User read/write thread ID. */
	uint32_t tpidruro;   /**< User read-only thread ID. */
	uint32_t tpidrprw;   /**< PL1-only thread ID. */
	uint32_t fpexc;      /**< VFP FPEXC (VMRS/VMSR). */
	uint32_t fpsid;      /**< VFP FPSID (read-only). */
	uint32_t mvfr[2];    /**< VFP MVFR0/1 (read-only). */
};

/** @name amv_vcpu::features */
/** @{ */
#define AMV_VCPU_VBAR 0x1u /**< VBAR exists (QEMU's Cortex-A8 has it). */
#define AMV_VCPU_VFP 0x2u  /**< VFP present: VMRS/VMSR FPEXC, FPSID. */
/** CP15 c15 (IMPLEMENTATION DEFINED) reads as zero and ignores writes, as
 *  QEMU's Cortex-A8 does; without it c15 is UNDEFINED (its Cortex-A9). */
#define AMV_VCPU_C15_RAZWI 0x4u
/** @} */

/** The guest CPU. Caller-owned; fields are documented state. */
struct amv_vcpu {
	uint32_t r[13];       /**< R0-R12 (R8-R12 of every mode but FIQ). */
	uint32_t r8_fiq[5];   /**< R8_fiq-R12_fiq. */
	uint32_t sp_lr[AMV_BANK_COUNT][2]; /**< [bank][0] SP, [bank][1] LR. */
	uint32_t spsr[AMV_BANK_COUNT - 1]; /**< SPSR of SVC, ABT, UND, IRQ,
					        FIQ (bank - 1). */
	uint32_t pc;          /**< Address of the current instruction. */
	uint32_t cpsr;        /**< The virtual CPSR (see the split above). */
	struct amv_cp15 cp15; /**< Virtual CP15. */
	uint32_t features;    /**< AMV_VCPU_* bits. */
	uint32_t regime_flags; /**< AMV_REGIME_* of the guest CPU. */
	bool irq_line;        /**< Virtual IRQ input asserted. */
	bool fiq_line;        /**< Virtual FIQ input asserted. */
	struct amv_shadow_vm *vm; /**< Shadow MMU fed by CP15 writes; NULL:
				       none (tests, or a port doing its own). */
	struct amv_port port; /**< Guest memory (read_phys32/write_phys32). */
	struct amv_decoded decoded[AMV_VCPU_DECODED]; /**< Instructions
		amv_route() decoded, by word (direct-mapped): a kernel traps
		on the same few over and over, and a decode costs more than
		the emulation. Private; cleared by amv_vcpu_reset(). */
};

/** Guest exceptions (B1.8.1). */
enum amv_exception {
	AMV_EXC_RESET = 0,  /**< Reset. */
	AMV_EXC_UNDEF = 1,  /**< Undefined Instruction. */
	AMV_EXC_SVC = 2,    /**< Supervisor Call. */
	AMV_EXC_PABT = 3,   /**< Prefetch Abort. */
	AMV_EXC_DABT = 4,   /**< Data Abort. */
	AMV_EXC_IRQ = 6,    /**< IRQ (vector offset 0x18). */
	AMV_EXC_FIQ = 7,    /**< FIQ (vector offset 0x1c). */
};

/**
 * @brief Reset a vCPU: Supervisor mode, A/I/F masked, ARM state, MMU off,
 *        every other register zero (B1.9.2; registers the architecture
 *        leaves UNKNOWN are zero), PC at the reset vector.
 * @param v        The vCPU.
 * @param features AMV_VCPU_* bits.
 * @param port     Guest memory hooks (copied).
 * @param vm       Shadow MMU to keep in step, or NULL.
 * @retval 0 Success.
 * @retval -AMV_EINVAL @p v is NULL.
 */
int amv_vcpu_reset(struct amv_vcpu *v, uint32_t features,
		   const struct amv_port *port, struct amv_shadow_vm *vm);

/** Modes of this core as a bit set over M[4:0] (B1.3.1 Table B1-1). */
#define AMV_MODES_VALID                                                        \
	((1u << AMV_MODE_USR) | (1u << AMV_MODE_FIQ) | (1u << AMV_MODE_IRQ) |  \
	 (1u << AMV_MODE_SVC) | (1u << AMV_MODE_ABT) | (1u << AMV_MODE_UND) |  \
	 (1u << AMV_MODE_SYS))

/**
 * @brief Whether a mode number names a mode of this core (B1.3.1).
 * @param mode CPSR.M value.
 * @return True for USR, FIQ, IRQ, SVC, ABT, UND and SYS.
 */
static inline bool amv_mode_valid(uint32_t mode)
{
	return mode < 32u && ((AMV_MODES_VALID >> mode) & 1u);
}

/**
 * @brief The bank a mode's SP, LR and SPSR come from.
 * @param mode A valid mode.
 * @return enum amv_bank (User and System share AMV_BANK_USR; so does any
 *         value that names no mode).
 */
static inline unsigned int amv_mode_bank(uint32_t mode)
{
	/* B1.3.1 Table B1-1, one nibble per M[3:0] of the valid modes
	 * (M[4] is 1 for all of them): USR 0 -> USR, FIQ 1 -> FIQ,
	 * IRQ 2 -> IRQ, SVC 3 -> SVC, ABT 7 -> ABT (low word), UND 0xb ->
	 * UND, SYS 0xf -> USR (high word). Kept in the header: every guest
	 * exit looks banks up several times. */
	const uint32_t lo = (uint32_t)AMV_BANK_FIQ << 4 |
			    (uint32_t)AMV_BANK_IRQ << 8 |
			    (uint32_t)AMV_BANK_SVC << 12 |
			    (uint32_t)AMV_BANK_ABT << 28;
	const uint32_t hi = (uint32_t)AMV_BANK_UND << 12;

	if (!amv_mode_valid(mode))
		return AMV_BANK_USR;
	return ((mode & 8u ? hi : lo) >> ((mode & 7u) * 4u)) & 0xfu;
}

/**
 * @brief Pointer to register @p n (0-14) as seen from @p mode; R15 is not
 *        banked and not accessible here (use amv_vcpu::pc).
 * @param v    The vCPU.
 * @param mode A valid mode.
 * @param n    Register number 0..14.
 * @return The register, or NULL for a bad mode or number.
 */
static inline uint32_t *amv_vcpu_reg_mode(struct amv_vcpu *v, uint32_t mode,
					  unsigned int n)
{
	unsigned int bank;

	/* B1.3.2: R8-R12 are banked for FIQ only, SP and LR for every
	 * exception mode; User and System share everything. */
	if (v == NULL || !amv_mode_valid(mode) || n > 14u)
		return NULL;
	if (n < 8u)
		return &v->r[n];
	bank = amv_mode_bank(mode);
	if (n >= 13u)
		return &v->sp_lr[bank][n - 13u];
	return bank == AMV_BANK_FIQ ? &v->r8_fiq[n - 8u] : &v->r[n];
}

/**
 * @brief Read register @p n (0-15) in the current mode, as an instruction
 *        does: R15 reads as the current instruction's address + 8 (ARM) or
 *        + 4 (Thumb) (A2.3).
 * @param v The vCPU.
 * @param n Register number 0..15.
 * @return The value (0 for a bad @p n).
 */
static inline uint32_t amv_vcpu_get(const struct amv_vcpu *v, unsigned int n)
{
	const uint32_t *r;

	if (n < 8u)
		return v->r[n];
	if (n == 15u)
		return v->pc + ((v->cpsr & AMV_PSR_T) ? 4u : 8u);
	r = amv_vcpu_reg_mode((struct amv_vcpu *)(uintptr_t)v,
			      v->cpsr & AMV_PSR_MODE_MASK, n);
	return r != NULL ? *r : 0u;
}

/**
 * @brief Write register @p n (0-14) in the current mode.
 * @param v   The vCPU.
 * @param n   Register number 0..14 (15 is ignored: writes to PC are
 *            branches, done by the emulator).
 * @param val The value.
 */
static inline void amv_vcpu_set(struct amv_vcpu *v, unsigned int n,
				uint32_t val)
{
	uint32_t *r;

	if (n < 8u) {
		v->r[n] = val;
		return;
	}
	r = amv_vcpu_reg_mode(v, v->cpsr & AMV_PSR_MODE_MASK, n);
	if (r != NULL)
		*r = val;
}

/**
 * @brief The current mode's SPSR.
 * @param v The vCPU.
 * @return Pointer to it, NULL in User or System mode (no SPSR).
 */
uint32_t *amv_vcpu_spsr(struct amv_vcpu *v);

/**
 * @brief Merge the host's view of the CPSR after the guest ran.
 * @param v         The vCPU.
 * @param host_spsr The host SPSR of the exception that ended the guest run.
 */
static inline void amv_vcpu_from_host(struct amv_vcpu *v, uint32_t host_spsr)
{
	v->cpsr = (v->cpsr & ~AMV_CPSR_HOST_BITS) |
		  (host_spsr & AMV_CPSR_HOST_BITS);
}

/**
 * @brief The host SPSR to return to the guest with: the guest's
 *        AMV_CPSR_HOST_BITS in User mode, host A/I/F clear.
 * @param v The vCPU.
 * @return The value for the host SPSR.
 */
static inline uint32_t amv_vcpu_to_host(const struct amv_vcpu *v)
{
	return (v->cpsr & AMV_CPSR_HOST_BITS) | AMV_MODE_USR;
}

/**
 * @brief Enter a guest exception (TakeException, B1.8).
 *
 * Sets the target mode's SPSR to the virtual CPSR and its LR to the
 * preferred return address plus the exception's offset (B1.8.3: +0 for
 * UNDEF and SVC, +4 for Prefetch Abort, IRQ and FIQ, +8 for Data Abort, in
 * both instruction sets); masks I (and F for FIQ and reset, A for aborts,
 * IRQ, FIQ and reset); clears IT and J; sets T from SCTLR.TE and E from
 * SCTLR.EE; and branches to the vector (SCTLR.V: 0xffff0000; else VBAR when
 * implemented; else 0). For aborts @p f sets DFSR/DFAR or IFSR/IFAR.
 * @param v   The vCPU.
 * @param exc enum amv_exception.
 * @param ret The preferred return address: for UNDEF and SVC the
 *            instruction after the one that caused it; for aborts that
 *            instruction; for IRQ and FIQ the next instruction to execute.
 * @param f   The fault for PABT/DABT, ignored otherwise (may be NULL then).
 * @retval 0 Success.
 * @retval -AMV_EINVAL NULL @p v, unknown @p exc, or NULL @p f for an abort.
 */
int amv_inject(struct amv_vcpu *v, unsigned int exc, uint32_t ret,
	       const struct amv_fault *f);

/**
 * @brief Deliver a pending virtual interrupt the virtual CPSR unmasks.
 *
 * Call after anything that may unmask (an emulated CPSR write, an exception
 * return) and before resuming the guest. FIQ wins over IRQ (B1.8.1).
 * @param v The vCPU (amv_vcpu::pc is the next instruction to execute).
 * @return The exception delivered (AMV_EXC_FIQ or AMV_EXC_IRQ), or -1 if
 *         none.
 */
int amv_vcpu_pending(struct amv_vcpu *v);

/**
 * @brief Tell the shadow MMU the virtual privilege after a mode change.
 *
 * amv_inject(), amv_vcpu_pending() and amv_emulate() call it themselves;
 * a port that writes amv_vcpu::cpsr directly calls it afterwards.
 * @param v The vCPU.
 */
static inline void amv_vcpu_sync_mode(struct amv_vcpu *v)
{
	if (v->vm != NULL)
		(void)amv_shadow_set_mode(
			v->vm, (v->cpsr & AMV_PSR_MODE_MASK) != AMV_MODE_USR);
}

/**
 * @brief The translation regime the guest's CP15 describes.
 * @param v The vCPU.
 * @param r Receives it.
 */
void amv_vcpu_regime(const struct amv_vcpu *v, struct amv_regime *r);

#ifdef __cplusplus
}
#endif

/** @} */
#endif /* AMV_VCPU_H */
