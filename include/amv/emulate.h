/* SPDX-License-Identifier: BSD-2-Clause */
/**
 * @file emulate.h
 * @brief Emulation of privileged and sensitive instructions at the guest's
 *        virtual privilege.
 *
 * @defgroup emulate Emulation
 * @{
 * amv_emulate() performs one decoded instruction (from a trap, or from a
 * patch-table entry) on a struct amv_vcpu exactly as the CPU would in the
 * vCPU's virtual mode. amv_vcpu::pc is the address of the instruction;
 * afterwards it is the address execution continues at.
 *
 * Classes emulated so far: condition codes (a failed condition advances PC
 * and does nothing else, A8.3.1), CPS (all forms), MRS and MSR of CPSR and
 * SPSR (register and immediate, every field mask), exception returns by
 * data processing with S and Rd = PC (SUBS PC, LR, MOVS PC, LR and the
 * other opcodes, every shifter form), SVC, UDF and UNDEFINED encodings,
 * WFI/WFE and the other hints, MRC/MCR to CP15 (the registers of struct
 * amv_cp15, cache and barrier operations, TLB maintenance, ATS),
 * VMRS/VMSR of FPSID, MVFR0/1 and FPEXC, the instructions of extensions
 * this core lacks (MRS/MSR banked, ERET, HVC, SMC: UNDEFINED), and the
 * memory forms: LDRT/STRT family
 * (checked as PL0), LDM/STM with ^ (User registers, and LDM exception
 * return), RFE and SRS. Their memory accesses walk the guest's tables
 * (amv_walk()) and use the port's read_phys32/write_phys32 hooks, which must
 * also answer for MMIO; stores go through amv_shadow_wp_write() when a VM
 * is attached so a store to a guest table page keeps the shadow current. A
 * fault is injected as the Data Abort the instruction takes, leaving every
 * register as it was (loads complete before any register is written).
 *
 * Documented choices where the architecture says UNPREDICTABLE:
 *  - MRS/MSR of the SPSR and exception returns in User or System mode (no
 *    SPSR): the instruction is treated as UNDEFINED (the guest takes an
 *    Undefined Instruction exception);
 *  - a CPSR write with a mode field naming no mode of this core leaves the
 *    mode unchanged and writes the other fields; an SPSR write stores the
 *    field as written (QEMU and the ARMv8 AArch32 pseudocode agree);
 *  - a register operand that is PC reads the instruction's address + 8;
 *  - LDRT/STRT with Rt or Rn = PC or Rn = Rt; LDM/STM ^ in User or System
 *    mode, with an empty list, Rn = PC, or writeback of User registers;
 *    RFE in User mode or with Rn = PC; SRS in User or System mode or to
 *    a mode number naming no mode: UNDEFINED.
 */
#ifndef AMV_EMULATE_H
#define AMV_EMULATE_H

#include <amv/amv_env.h>
#include <amv/decode.h>
#include <amv/vcpu.h>

#ifdef __cplusplus
extern "C" {
#endif

/** amv_emulate() outcomes that are not errors. */
enum amv_emu_status {
	AMV_EMU_DONE = 0,      /**< Performed; PC is the next instruction or
				    the branch target. */
	AMV_EMU_EXCEPTION = 1, /**< The instruction took a guest exception
				    (UNDEF, SVC, an abort), already entered:
				    PC is at the vector. */
	AMV_EMU_WFI = 2,       /**< WFI/WFE performed (PC advanced): the port
				    may idle until a virtual interrupt. */
};

/**
 * @brief Emulate one instruction on a vCPU.
 * @param v The vCPU; amv_vcpu::pc is the instruction's address.
 * @param i The decoded instruction (amv_decode()).
 * @retval AMV_EMU_DONE, AMV_EMU_EXCEPTION, AMV_EMU_WFI As enum
 *         amv_emu_status.
 * @retval -AMV_EINVAL NULL pointer.
 * @retval -AMV_ENOTSUP A class this emulator does not handle yet (the
 *         vCPU is unchanged); the caller decides (e.g. inject UNDEF).
 */
int amv_emulate(struct amv_vcpu *v, const struct amv_insn *i);

/** One data access of a single load/store, for MMIO and write-protect
 *  exits (amv_route() AMV_ACT_MMIO, AMV_ACT_WP). */
struct amv_dataop {
	uint32_t va;    /**< Address the instruction accesses. */
	uint32_t data;  /**< Store: the value (low @ref size bytes); load:
			     the value the device returned, set by the port
			     before amv_dataop_complete(). */
	uint32_t wback; /**< Base register value after writeback. */
	uint8_t size;   /**< 1, 2 or 4 bytes. */
	bool write;     /**< Store. */
	bool sign;      /**< Load sign-extends. */
};

/**
 * @brief The access a trapped LDR/STR (byte, halfword, word; immediate or
 *        register offset; pre/post-indexed) makes.
 * @param v The vCPU (amv_vcpu::pc is the instruction).
 * @param i The decoded instruction.
 * @param a Receives the access.
 * @retval 0 Success.
 * @retval -AMV_EINVAL NULL pointer.
 * @retval -AMV_ENOTSUP Not a single load/store (LDRD/STRD, LDM/STM,
 *         exclusives, PC as Rt or base): the port decides.
 */
int amv_dataop_decode(const struct amv_vcpu *v, const struct amv_insn *i,
		      struct amv_dataop *a);

/**
 * @brief Finish a decoded access: a load's value into Rt (extended as the
 *        instruction says), base writeback, PC to the next instruction.
 * @param v The vCPU.
 * @param i The instruction given to amv_dataop_decode().
 * @param a The access, with amv_dataop::data set for a load.
 * @retval 0 Success.
 * @retval -AMV_EINVAL NULL pointer.
 */
int amv_dataop_complete(struct amv_vcpu *v, const struct amv_insn *i,
			const struct amv_dataop *a);

/**
 * @brief Whether a condition passes with the vCPU's flags (A8.3.1).
 * @param v    The vCPU.
 * @param cond Condition field 0..15 (14 and 15 always pass).
 * @return True if the instruction executes.
 */
bool amv_cond_passed(const struct amv_vcpu *v, unsigned int cond);

#ifdef __cplusplus
}
#endif

/** @} */
#endif /* AMV_EMULATE_H */
