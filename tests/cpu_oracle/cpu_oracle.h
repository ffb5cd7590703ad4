/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * CPU oracle: the guest-physical layout, the blob the host generates and
 * the results file the guest writes back. Shared by cpu_oracle.c (host)
 * and guest/ (bare-metal program on QEMU); cpu_state.h holds the per-case
 * data. The assembly start-up code includes this file too (the CO_O_*
 * offsets into struct cpu_state, checked against offsetof() in the guest).
 *
 * Guest-physical layout, offsets from the board's RAM base (realview-pb-a8
 * 0x70000000, vexpress-a9 0x60000000); the program itself is linked at
 * RAM base + 0x10000 and is smaller than 1 MiB.
 *
 *   CPU_MEM_OFFSET  0x200000  the 8 case memory words (cpu_state::mem)
 *   CO_CODE_OFF     0x300000  code buffer: entry sequence, the instruction,
 *                             fall-through landing pads (CO_CODE_SIZE)
 *   CO_PAD_UDF_OFF  0x301000  4 KiB of CO_PAD_UDF words (landing pads)
 *   CO_PAD_SVC_OFF  0x302000  4 KiB of CO_PAD_SVC words (landing pads)
 *   vector tables            at every address in co_blob_hdr::vbar[]
 *   CO_XVEC_ARM_OFF 0x320000  exception-entry block 0 (its ARM stubs are
 *                             32 KiB below, at 0x318080)
 *   CO_XVEC_THUMB_OFF 0x321000 exception-entry block 1 (ARM stubs 0x319080)
 *   CO_L1_OFF       0x400000  four 16 KiB L1 tables for SCTLR.M = 1 cases
 *   CO_HIVEC_ARM_OFF  0x5f0000 the block VA 0xffff0000 maps to (TE = 0)
 *   CO_HIVEC_THUMB_OFF 0x6f0000 the same for TE = 1
 *   CO_BLOB_OFF    0x2000000  the blob (loaded by QEMU -device loader)
 *   CO_RES_OFF     0x4000000  results buffer (written to the host at the end)
 */
#ifndef AMV_TEST_CPU_ORACLE_H
#define AMV_TEST_CPU_ORACLE_H

#define CO_CODE_OFF 0x00300000u
#define CO_CODE_SIZE 0x100u
#define CO_PAD_UDF_OFF 0x00301000u
#define CO_PAD_SVC_OFF 0x00302000u
#define CO_PAD_SIZE 0x1000u
#define CO_BLOB_OFF 0x02000000u
#define CO_BLOB_MAX 0x02000000u
#define CO_RES_OFF 0x04000000u
#define CO_RES_MAX 0x03f00000u

/*
 * Code buffer (struct cpu_case::in.pc tells which layout):
 *   ARM   CB+0x00 msr cpsr_fsxc, r0     (r0 = case CPSR, set by co_enter)
 *         CB+0x04 ldr r0, [pc, #0x74]   (r0 = case r0, from CB+0x80)
 *         CB+0x08 the instruction       (CO_ARM_PC)
 *         CB+0x0c.. landing pads
 *   Thumb CB+0x00 msr cpsr_fsxc, r0
 *         CB+0x04 ldr r0, [pc, #0x78]   (CB+0x84: CB+0x0c | 1)
 *         CB+0x08 bx r0
 *         CB+0x0c ldr r0, [pc, #0x70]   (Thumb, r0 = case r0 from CB+0x80)
 *         CB+0x0e the instruction       (CO_THUMB_PC0), or a NOP and
 *         CB+0x10 the instruction       (CO_THUMB_PC1)
 *         then one Thumb landing halfword if needed, then landing pads
 * The literals at CB+0x80/0x84 are byte-reversed when the case's CPSR.E is
 * set (the MSR has already switched data accesses to big-endian).
 *
 * With CPU_CASE_ERET_ENTRY (cpu_state.h) the guest runs the buffer in the
 * landing mode, LR = the case's PC, SPSR = the case's CPSR:
 *         CB+0x00 ldr r0, [pc, #0x78]   (r0 = case r0, never byte-reversed)
 *         CB+0x04 movs pc, lr           (CPSR = case CPSR, PC = case PC)
 *         CB+0x08 the ARM instruction, or pads and the Thumb instruction
 *                 at CO_THUMB_PC0 / CO_THUMB_PC1 as above
 */
#define CO_ARM_PC_OFF (CO_CODE_OFF + 0x08u)
#define CO_THUMB_PC0_OFF (CO_CODE_OFF + 0x0eu)
#define CO_THUMB_PC1_OFF (CO_CODE_OFF + 0x10u)
#define CO_LIT_OFF 0x80u

/*
 * Landing pads, valid in both instruction sets at word-aligned addresses:
 *   CO_PAD_UDF 0xe7f0def0  ARM: UDF #0xde00 (permanently UNDEFINED, A8.8.247);
 *                          Thumb (low halfword first): 0xdef0 UDF #0xf0
 *   CO_PAD_SVC 0xef01df01  ARM: SVC #0x01df01; Thumb: 0xdf01 SVC #1
 * and the Thumb halfwords used right after a Thumb instruction when it
 * ends at a halfword boundary: 0xde00 (UDF #0), 0xdf01 (SVC #1).
 */
#define CO_PAD_UDF 0xe7f0def0u
#define CO_PAD_SVC 0xef01df01u
#define CO_T16_UDF 0xde00u
#define CO_T16_SVC 0xdf01u

/* Offsets into struct cpu_state (bytes). */
#define CO_O_R0 0
#define CO_O_R8 32
#define CO_O_R8FIQ 52
#define CO_O_SP(bank) (72 + 8 * (bank))
#define CO_O_LR(bank) (76 + 8 * (bank))
#define CO_O_SPSR(bank) (120 + 4 * ((bank)-1))
#define CO_O_CPSR 140
#define CO_O_PC 144
#define CO_O_SCTLR 148
#define CO_O_DACR 152
#define CO_O_TTBR0 156
#define CO_O_TTBR1 160
#define CO_O_TTBCR 164
#define CO_O_CONTEXTIDR 168
#define CO_O_VBAR 172
#define CO_O_TPIDRURW 176
#define CO_O_TPIDRURO 180
#define CO_O_TPIDRPRW 184
#define CO_O_DFSR 188
#define CO_O_IFSR 192
#define CO_O_DFAR 196
#define CO_O_IFAR 200
#define CO_O_PAR 204
#define CO_O_PRRR 208
#define CO_O_NMRR 212
#define CO_O_MEM 216
#define CO_STATE_BYTES 248

#define CO_MAX_VBAR 8

/*
 * Exception-entry blocks for the cases that set SCTLR.TE, EE or V (class
 * exc-sctlr in cpu_oracle.c). A block is 8 vector entries, each a word that
 * branches in both instruction sets: Thumb "B" to a Thumb stub at
 * +CO_XSTUB_OFF + CO_XSTUB_SIZE * e, ARM "B" to an ARM stub at
 * +CO_XASTUB_OFF + CO_XASTUB_STEP * e (negative: 32 KiB below), so the id
 * the stub reports shows the instruction set the exception was entered in
 * (a wrong CPSR.T is a clean mismatch, not a hang). No data access happens
 * before a stub has recorded the CPSR and executed SETEND LE (SCTLR.EE = 1
 * enters with CPSR.E = 1), and all branches are relative, so a block works
 * at any address: at CO_XVEC_*_OFF (VBAR, SCTLR.V = 0), and at VA
 * 0xffff0000 (SCTLR.V = 1) through the L1 tables, which map VA 0xfff00000
 * to the MiB of CO_HIVEC_*_OFF.
 *
 * The L1 tables (short-descriptor, TTBCR = 0) map every MiB flat but the
 * last one; table t = 2 * EE + TE at CO_L1_OFF + t * CO_L1_SIZE maps VA
 * 0xfff00000 to the CO_HIVEC_THUMB_OFF MiB when TE = 1 (else
 * CO_HIVEC_ARM_OFF; both blocks are alike, the split only varies the
 * tables), and is byte-reversed when EE = 1 (SCTLR.EE also selects the
 * endianness of table walks, B4.1.130). Stub ids (the guest's co_vec):
 * CO_XVEC_ID(x, thumb, e) for block x = 0 (CO_XVEC_ARM_OFF),
 * 1 (CO_XVEC_THUMB_OFF), 2 (high, ARM MiB), 3 (high, Thumb MiB).
 */
#define CO_XVEC_ARM_OFF 0x00320000u
#define CO_XVEC_THUMB_OFF 0x00321000u
#define CO_XSTUB_OFF 0x40u
#define CO_XSTUB_SIZE 0x20u
#define CO_XASTUB_OFF (-0x7f80)
#define CO_XASTUB_STEP 0x3cu
#define CO_L1_OFF 0x00400000u
#define CO_L1_SIZE 0x4000u
#define CO_HIVEC_ARM_OFF 0x005f0000u
#define CO_HIVEC_THUMB_OFF 0x006f0000u
#define CO_HIVEC 0xffff0000u
#define CO_XVEC_ID0 64u
#define CO_XVEC_ID(x, thumb, e) (CO_XVEC_ID0 + 16u * (x) + 8u * (thumb) + (e))

#ifndef __ASSEMBLER__
#include <stdint.h>

#define CO_MAGIC 0x4f435043u /* "CPCO" */
#define CO_RES_MAGIC 0x52435043u /* "CPCR" */
#define CO_VERSION 3u /* 2: CPU_CASE_ERET_ENTRY; 3: SCTLR.TE/EE/V/M cases */

/*
 * Blob: this header, then n_cases x struct cpu_case. The guest runs every
 * case `passes` times, pass p in forward order when p is even and in
 * reverse order when p is odd (state leaking from one case into the next
 * shows up as a difference between passes).
 */
struct co_blob_hdr {
	uint32_t magic;
	uint32_t version;
	uint32_t n_cases;
	uint32_t ram_base;    /* the board's RAM base; the guest checks it */
	uint32_t board;       /* index into the host's board table */
	uint32_t seed;
	uint32_t passes;
	uint32_t case_bytes;  /* sizeof(struct cpu_case) */
	uint32_t result_bytes; /* sizeof(struct cpu_result) */
	uint32_t sctlr_base;  /* SCTLR value the host built the cases from */
	uint32_t n_vbar;      /* vector tables the guest installs */
	uint32_t vbar[CO_MAX_VBAR];
	uint32_t reserved[5];
};

/*
 * Results file "cpu-oracle.out": this header, then passes x n_cases x
 * struct cpu_result, case order within a pass as in the blob.
 */
struct co_res_hdr {
	uint32_t magic;
	uint32_t n_cases;
	uint32_t passes;
	uint32_t result_bytes;
	uint32_t sctlr_reset; /* SCTLR the guest found at reset */
	uint32_t reserved[3];
};

/* cpu_result::exit for a case the guest refused to run (bad layout). */
#define CO_EXIT_REJECTED 0xffu
#endif

#endif /* AMV_TEST_CPU_ORACLE_H */
