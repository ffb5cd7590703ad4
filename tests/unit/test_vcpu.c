/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * vCPU and emulation, rule by rule (ARMv7 ARM B1.3, B1.8, B9.3, B4.1).
 * Instructions are assembled by hand and go through amv_decode(), as a
 * trap would. The QEMU differential test (tests/cpu_oracle) is the outside
 * truth; these pin the rules down one at a time.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <amv/amv.h>

#include "prng.h"
#include "shadowsim.h"

static struct amv_vcpu v;

static void reset(uint32_t mode)
{
	assert_int_equal(amv_vcpu_reset(&v, AMV_VCPU_VBAR | AMV_VCPU_VFP, NULL,
					NULL),
			 0);
	v.cpsr = mode | AMV_PSR_I_BIT | AMV_PSR_F_BIT | AMV_PSR_A_BIT;
	v.pc = 0x8000;
}

static int run_on(struct amv_vcpu *x, uint32_t word)
{
	struct amv_insn i;

	assert_int_equal(amv_decode(AMV_ISA_A32, word, &i), 0);
	return amv_emulate(x, &i);
}

static int run(uint32_t word)
{
	struct amv_insn i;

	assert_int_equal(amv_decode(AMV_ISA_A32, word, &i), 0);
	return amv_emulate(&v, &i);
}

/* ------------------------------------------------------------ registers */

static void fiq_banks_r8_to_r12_and_every_mode_banks_sp_lr(void **state)
{
	(void)state;
	reset(AMV_MODE_SVC);
	*amv_vcpu_reg_mode(&v, AMV_MODE_USR, 8) = 1;
	*amv_vcpu_reg_mode(&v, AMV_MODE_FIQ, 8) = 2;
	*amv_vcpu_reg_mode(&v, AMV_MODE_SVC, 13) = 3;
	*amv_vcpu_reg_mode(&v, AMV_MODE_IRQ, 13) = 4;
	*amv_vcpu_reg_mode(&v, AMV_MODE_SYS, 14) = 5;
	assert_int_equal(*amv_vcpu_reg_mode(&v, AMV_MODE_SVC, 8), 1);
	assert_int_equal(*amv_vcpu_reg_mode(&v, AMV_MODE_FIQ, 8), 2);
	assert_int_equal(amv_vcpu_get(&v, 13), 3);
	assert_int_equal(*amv_vcpu_reg_mode(&v, AMV_MODE_USR, 14), 5);
	assert_null(amv_vcpu_reg_mode(&v, 0x16, 0)); /* Monitor: not here */
	assert_null(amv_vcpu_reg_mode(&v, AMV_MODE_SVC, 15));
}

static void pc_reads_as_address_plus_8_in_arm_state(void **state)
{
	(void)state;
	reset(AMV_MODE_SVC);
	assert_int_equal(amv_vcpu_get(&v, 15), 0x8008);
	v.cpsr |= AMV_PSR_T;
	assert_int_equal(amv_vcpu_get(&v, 15), 0x8004);
}

/* ------------------------------------------------------------ injection */

static void undef_entry_sets_lr_to_next_insn_spsr_and_masks_i_only(void **state)
{
	uint32_t old;

	(void)state;
	reset(AMV_MODE_SVC);
	v.cpsr = AMV_MODE_USR | 0xf0000000u | AMV_PSR_E; /* A, I, F clear */
	old = v.cpsr;
	assert_int_equal(amv_inject(&v, AMV_EXC_UNDEF, 0x8004, NULL), 0);
	assert_int_equal(v.cpsr & AMV_PSR_MODE_MASK, AMV_MODE_UND);
	assert_int_equal(v.spsr[AMV_BANK_UND - 1], old);
	assert_int_equal(*amv_vcpu_reg_mode(&v, AMV_MODE_UND, 14), 0x8004);
	assert_true(v.cpsr & AMV_PSR_I_BIT);
	assert_false(v.cpsr & (AMV_PSR_A_BIT | AMV_PSR_F_BIT));
	assert_false(v.cpsr & AMV_PSR_E); /* from SCTLR.EE = 0 */
	assert_int_equal(v.cpsr & 0xf0000000u, 0xf0000000u);
	assert_int_equal(v.pc, 0x4); /* VBAR = 0 */
}

static void data_abort_lr_is_insn_plus_8_and_sets_dfsr_dfar(void **state)
{
	struct amv_fault f = {0x1234, AMV_FAULT_TRANSLATION, 2, 3,
			      AMV_FAULT_F_WRITE};
	uint32_t fsr;

	(void)state;
	reset(AMV_MODE_USR);
	v.cpsr = AMV_MODE_USR;
	v.cp15.vbar = 0xc0008000;
	assert_int_equal(amv_inject(&v, AMV_EXC_DABT, 0x9000, &f), 0);
	assert_int_equal(v.cpsr & AMV_PSR_MODE_MASK, AMV_MODE_ABT);
	assert_int_equal(*amv_vcpu_reg_mode(&v, AMV_MODE_ABT, 14), 0x9008);
	assert_true((v.cpsr & (AMV_PSR_A_BIT | AMV_PSR_I_BIT)) ==
		    (AMV_PSR_A_BIT | AMV_PSR_I_BIT));
	assert_false(v.cpsr & AMV_PSR_F_BIT);
	assert_int_equal(amv_fault_fsr(&f, &fsr), 0);
	assert_int_equal(v.cp15.dfsr, fsr);
	assert_int_equal(v.cp15.dfar, 0x1234);
	assert_int_equal(v.pc, 0xc0008010);
}

static void prefetch_abort_lr_is_insn_plus_4_and_sets_ifsr_ifar(void **state)
{
	struct amv_fault f = {0x5000, AMV_FAULT_PERMISSION, 1, 0,
			      AMV_FAULT_F_PREFETCH};

	(void)state;
	reset(AMV_MODE_SVC);
	assert_int_equal(amv_inject(&v, AMV_EXC_PABT, 0x5000, &f), 0);
	assert_int_equal(*amv_vcpu_reg_mode(&v, AMV_MODE_ABT, 14), 0x5004);
	assert_int_equal(v.cp15.ifar, 0x5000);
	assert_int_equal(v.pc, 0xc);
	assert_int_equal(amv_inject(&v, AMV_EXC_PABT, 0, NULL), -AMV_EINVAL);
}

static void fiq_masks_f_i_a_and_high_vectors_win_over_vbar(void **state)
{
	(void)state;
	reset(AMV_MODE_SVC);
	v.cpsr = AMV_MODE_SVC;
	v.cp15.vbar = 0x40000000;
	v.cp15.sctlr |= AMV_SCTLR_V | AMV_SCTLR_TE | AMV_SCTLR_EE;
	assert_int_equal(amv_inject(&v, AMV_EXC_FIQ, 0x100, NULL), 0);
	assert_int_equal(v.cpsr & AMV_PSR_MODE_MASK, AMV_MODE_FIQ);
	assert_int_equal(v.cpsr & (AMV_PSR_A_BIT | AMV_PSR_I_BIT | AMV_PSR_F_BIT),
			 AMV_PSR_A_BIT | AMV_PSR_I_BIT | AMV_PSR_F_BIT);
	assert_true(v.cpsr & AMV_PSR_T); /* SCTLR.TE */
	assert_true(v.cpsr & AMV_PSR_E); /* SCTLR.EE */
	assert_int_equal(*amv_vcpu_reg_mode(&v, AMV_MODE_FIQ, 14), 0x104);
	assert_int_equal(v.pc, 0xffff001c);
}

static void exception_entry_clears_it_and_j(void **state)
{
	(void)state;
	reset(AMV_MODE_SVC);
	v.cpsr = AMV_MODE_SVC | AMV_PSR_IT_HI_MASK | AMV_PSR_IT_LO_MASK |
		 AMV_PSR_J | AMV_PSR_T;
	assert_int_equal(amv_inject(&v, AMV_EXC_SVC, 0x200, NULL), 0);
	assert_int_equal(v.cpsr & (AMV_PSR_IT_HI_MASK | AMV_PSR_IT_LO_MASK |
				   AMV_PSR_J | AMV_PSR_T),
			 0);
}

static void pending_irq_is_taken_only_when_unmasked_and_fiq_first(void **state)
{
	(void)state;
	reset(AMV_MODE_SVC);
	v.irq_line = true;
	assert_int_equal(amv_vcpu_pending(&v), -1); /* I set */
	v.irq_line = false;
	v.fiq_line = true;
	v.cpsr &= ~AMV_PSR_I_BIT;
	assert_int_equal(amv_vcpu_pending(&v), -1); /* F still masks FIQ */
	v.irq_line = true;
	v.cpsr = AMV_MODE_SVC; /* both unmasked: FIQ has priority */
	v.pc = 0x700;
	assert_int_equal(amv_vcpu_pending(&v), AMV_EXC_FIQ);
	assert_int_equal(*amv_vcpu_reg_mode(&v, AMV_MODE_FIQ, 14), 0x704);
	assert_int_equal(v.pc, 0x1c);
	/* FIQ entry masked I too: nothing more until the handler unmasks. */
	assert_int_equal(amv_vcpu_pending(&v), -1);
}

/* ------------------------------------------------------------ emulation */

static void failed_condition_only_advances_pc(void **state)
{
	(void)state;
	reset(AMV_MODE_SVC);
	v.cpsr |= 0x40000000u; /* Z */
	v.r[1] = AMV_MODE_USR;
	/* msrne cpsr_c, r1: cond NE fails */
	assert_int_equal(run(0x1121f001u), AMV_EMU_DONE);
	assert_int_equal(v.pc, 0x8004);
	/* svcne #1 */
	v.pc = 0x8000;
	assert_int_equal(run(0x1f000001u), AMV_EMU_DONE);
	assert_int_equal(v.pc, 0x8004);
	assert_int_equal(v.cpsr & AMV_PSR_MODE_MASK, AMV_MODE_SVC);
}

static void cps_changes_mode_and_masks_at_pl1_and_is_a_nop_at_pl0(void **state)
{
	(void)state;
	reset(AMV_MODE_SVC);
	/* cpsie aif, #0x1f (System) */
	assert_int_equal(run(0xf10a01dfu), AMV_EMU_DONE);
	assert_int_equal(v.cpsr & AMV_PSR_MODE_MASK, AMV_MODE_SYS);
	assert_false(v.cpsr & (AMV_PSR_A_BIT | AMV_PSR_I_BIT | AMV_PSR_F_BIT));
	assert_int_equal(v.pc, 0x8004);
	v.cpsr = AMV_MODE_USR;
	/* cpsid i, #0x13 from User: NOP (B9.3.2) */
	assert_int_equal(run(0xf10e0093u), AMV_EMU_DONE);
	assert_int_equal(v.cpsr, AMV_MODE_USR);
}

static void cps_unmasking_irq_delivers_the_pending_interrupt(void **state)
{
	(void)state;
	reset(AMV_MODE_SVC);
	v.irq_line = true;
	assert_int_equal(run(0xf1080080u), AMV_EMU_EXCEPTION); /* cpsie i */
	assert_int_equal(v.cpsr & AMV_PSR_MODE_MASK, AMV_MODE_IRQ);
	assert_int_equal(*amv_vcpu_reg_mode(&v, AMV_MODE_IRQ, 14), 0x8008);
	assert_int_equal(v.pc, 0x18);
}

static void mrs_cpsr_reads_zero_for_it_j_and_t(void **state)
{
	(void)state;
	reset(AMV_MODE_SVC);
	v.cpsr = 0xffffffffu & ~AMV_PSR_MODE_MASK;
	v.cpsr |= AMV_MODE_SVC;
	assert_int_equal(run(0xe10f3000u), AMV_EMU_DONE); /* mrs r3, cpsr */
	assert_int_equal(v.r[3], v.cpsr & 0xf8ff03dfu);
}

static void mrs_spsr_in_system_mode_is_undefined(void **state)
{
	(void)state;
	reset(AMV_MODE_SYS);
	assert_int_equal(run(0xe14f3000u), AMV_EMU_EXCEPTION); /* mrs r3, spsr */
	assert_int_equal(v.cpsr & AMV_PSR_MODE_MASK, AMV_MODE_UND);
	assert_int_equal(*amv_vcpu_reg_mode(&v, AMV_MODE_UND, 14), 0x8004);
}

static void msr_cpsr_writes_only_the_selected_fields(void **state)
{
	(void)state;
	reset(AMV_MODE_SVC);
	v.r[1] = 0xf00f0000u | AMV_MODE_USR; /* flags, GE, mode USR, A/I/F 0 */
	assert_int_equal(run(0xe128f001u), AMV_EMU_DONE); /* msr cpsr_f, r1 */
	assert_int_equal(v.cpsr & 0xf8000000u, 0xf0000000u);
	assert_int_equal(v.cpsr & AMV_PSR_GE_MASK, 0);
	assert_int_equal(v.cpsr & AMV_PSR_MODE_MASK, AMV_MODE_SVC);
	assert_int_equal(run(0xe121f001u), AMV_EMU_DONE); /* msr cpsr_c, r1 */
	assert_int_equal(v.cpsr & AMV_PSR_MODE_MASK, AMV_MODE_USR);
	assert_false(v.cpsr & (AMV_PSR_I_BIT | AMV_PSR_F_BIT));
	assert_true(v.cpsr & AMV_PSR_A_BIT); /* x not written */
}

static void msr_in_user_mode_cannot_touch_mode_or_masks(void **state)
{
	(void)state;
	reset(AMV_MODE_USR);
	v.cpsr = AMV_MODE_USR;
	v.r[2] = AMV_MODE_SVC | AMV_PSR_I_BIT | AMV_PSR_A_BIT | AMV_PSR_E;
	assert_int_equal(run(0xe12ff002u), AMV_EMU_DONE); /* msr cpsr_fsxc, r2 */
	assert_int_equal(v.cpsr, AMV_MODE_USR | AMV_PSR_E);
}

static void msr_never_sets_t_it_or_j(void **state)
{
	(void)state;
	reset(AMV_MODE_SVC);
	v.r[2] = AMV_MODE_SVC | AMV_PSR_T | AMV_PSR_J | AMV_PSR_IT_HI_MASK;
	assert_int_equal(run(0xe12ff002u), AMV_EMU_DONE);
	assert_int_equal(v.cpsr & (AMV_PSR_T | AMV_PSR_J | AMV_PSR_IT_HI_MASK),
			 0);
}

static void msr_spsr_writes_all_bits_of_the_selected_bytes(void **state)
{
	(void)state;
	reset(AMV_MODE_IRQ);
	v.spsr[AMV_BANK_IRQ - 1] = 0;
	v.r[4] = 0xffffffffu;
	assert_int_equal(run(0xe16cf004u), AMV_EMU_DONE); /* msr spsr_fs, r4 */
	assert_int_equal(v.spsr[AMV_BANK_IRQ - 1], 0xffff0000u);
}

static void nmfi_keeps_software_from_masking_fiq(void **state)
{
	(void)state;
	reset(AMV_MODE_SVC);
	v.cpsr = AMV_MODE_SVC;
	v.cp15.sctlr |= 1u << 27;
	assert_int_equal(run(0xf10c0040u), AMV_EMU_DONE); /* cpsid f */
	assert_false(v.cpsr & AMV_PSR_F_BIT);
}

static void subs_pc_lr_returns_to_the_spsr_mode_and_state(void **state)
{
	(void)state;
	reset(AMV_MODE_SVC);
	v.spsr[AMV_BANK_SVC - 1] = AMV_MODE_USR | AMV_PSR_T | 0x20000000u;
	*amv_vcpu_reg_mode(&v, AMV_MODE_SVC, 14) = 0x10007;
	assert_int_equal(run(0xe25ef004u), AMV_EMU_DONE); /* subs pc, lr, #4 */
	assert_int_equal(v.cpsr, AMV_MODE_USR | AMV_PSR_T | 0x20000000u);
	assert_int_equal(v.pc, 0x10002); /* Thumb: bit 0 cleared */
}

static void movs_pc_lr_to_arm_state_aligns_to_a_word(void **state)
{
	(void)state;
	reset(AMV_MODE_ABT);
	v.spsr[AMV_BANK_ABT - 1] = AMV_MODE_SVC | AMV_PSR_I_BIT;
	*amv_vcpu_reg_mode(&v, AMV_MODE_ABT, 14) = 0x2006;
	assert_int_equal(run(0xe1b0f00eu), AMV_EMU_DONE); /* movs pc, lr */
	assert_int_equal(v.cpsr, AMV_MODE_SVC | AMV_PSR_I_BIT);
	assert_int_equal(v.pc, 0x2004);
}

static void exception_return_with_a_shifted_register_uses_the_old_carry(void **state)
{
	(void)state;
	reset(AMV_MODE_UND);
	v.cpsr |= AMV_PSR_C_FLAG;
	v.spsr[AMV_BANK_UND - 1] = AMV_MODE_SYS;
	v.r[1] = 0x100;
	v.r[2] = 0x4;
	/* adcs pc, r1, r2, lsl #1 : 0x100 + 8 + C */
	assert_int_equal(run(0xe0b1f082u), AMV_EMU_DONE);
	assert_int_equal(v.pc, 0x108); /* 0x109 word-aligned */
	assert_int_equal(v.cpsr & AMV_PSR_MODE_MASK, AMV_MODE_SYS);
}

static void exception_return_in_user_mode_is_undefined(void **state)
{
	(void)state;
	reset(AMV_MODE_USR);
	assert_int_equal(run(0xe25ef004u), AMV_EMU_EXCEPTION);
	assert_int_equal(v.cpsr & AMV_PSR_MODE_MASK, AMV_MODE_UND);
}

static void svc_enters_supervisor_with_lr_after_the_svc(void **state)
{
	(void)state;
	reset(AMV_MODE_USR);
	v.cpsr = AMV_MODE_USR | 0x80000000u;
	assert_int_equal(run(0xef000042u), AMV_EMU_EXCEPTION);
	assert_int_equal(v.cpsr & AMV_PSR_MODE_MASK, AMV_MODE_SVC);
	assert_int_equal(v.spsr[AMV_BANK_SVC - 1], AMV_MODE_USR | 0x80000000u);
	assert_int_equal(*amv_vcpu_reg_mode(&v, AMV_MODE_SVC, 14), 0x8004);
	assert_int_equal(v.pc, 0x8);
}

static void wfi_advances_and_asks_the_port_to_idle(void **state)
{
	(void)state;
	reset(AMV_MODE_SVC);
	assert_int_equal(run(0xe320f003u), AMV_EMU_WFI);
	assert_int_equal(v.pc, 0x8004);
}

/* ------------------------------------------------------------ CP15 */

static void mrc_reads_id_registers_as_configured(void **state)
{
	(void)state;
	reset(AMV_MODE_SVC);
	v.cp15.midr = 0x410fc080u;
	assert_int_equal(run(0xee100f10u), AMV_EMU_DONE); /* mrc p15,0,r0,c0,c0,0 */
	assert_int_equal(v.r[0], 0x410fc080u);
}

static void cp15_from_user_mode_is_undefined_except_tpidr_and_barriers(
	void **state)
{
	(void)state;
	reset(AMV_MODE_USR);
	v.cpsr = AMV_MODE_USR;
	v.cp15.tpidruro = 0xabcd;
	assert_int_equal(run(0xee1d0f70u), AMV_EMU_DONE); /* mrc TPIDRURO */
	assert_int_equal(v.r[0], 0xabcd);
	assert_int_equal(run(0xee0d0f70u), AMV_EMU_EXCEPTION); /* mcr TPIDRURO */
	v.cpsr = AMV_MODE_USR;
	v.pc = 0x8000;
	assert_int_equal(run(0xee070fbau), AMV_EMU_DONE); /* CP15DMB */
	assert_int_equal(run(0xee110f10u), AMV_EMU_EXCEPTION); /* mrc SCTLR */
}

static void unknown_cp15_register_is_undefined(void **state)
{
	(void)state;
	reset(AMV_MODE_SVC);
	assert_int_equal(run(0xee1f0f1fu), AMV_EMU_EXCEPTION); /* c15 impdef */
	assert_int_equal(v.cpsr & AMV_PSR_MODE_MASK, AMV_MODE_UND);
}

static void ttbcr_eae_is_raz_wi_without_lpae(void **state)
{
	(void)state;
	reset(AMV_MODE_SVC);
	v.r[0] = 0x80000032u;
	assert_int_equal(run(0xee020f50u), AMV_EMU_DONE); /* mcr TTBCR */
	assert_int_equal(v.cp15.ttbcr, 0x32u);
}

static void ats1cpr_puts_the_walk_result_in_par(void **state)
{
	struct ssim s;
	struct ssim_params par = {AMV_SYNC_TLB, 4, 8, 0,
				  AMV_REGIME_NONSECURE | AMV_REGIME_NO_SECEXT,
				  false, false, 1, false};
	struct amv_port port = {&ssim_port_ops, &s};

	(void)state;
	assert_int_equal(ssim_init(&s, &par), 0);
	assert_int_equal(amv_vcpu_reset(&v, 0, &port, &s.vm), 0);
	/* Section VA 0x00100000 -> PA 0x00300000, PL1 RW only (AP = 001). */
	*ssim_word(&s, 0x4000 + 4) = 0x00300000u | (1u << 10) | 2u;
	v.cp15.ttbr0 = 0x4000;
	v.cp15.dacr = 1;
	v.cp15.sctlr |= AMV_SCTLR_M;
	v.pc = 0x8000;
	v.r[0] = 0x00100123u;
	assert_int_equal(run(0xee070f18u), AMV_EMU_DONE); /* ATS1CPR r0 */
	assert_int_equal(v.cp15.par & (AMV_PAR_PA_MASK | AMV_PAR_F), 0x00300000u);
	assert_int_equal(run(0xee070f78u), AMV_EMU_DONE); /* ATS1CUW r0 */
	assert_true(v.cp15.par & AMV_PAR_F);
	assert_int_equal((v.cp15.par >> AMV_PAR_FS_SHIFT) & AMV_PAR_FS_MASK,
			 AMV_FS_PERMISSION_L1);
	ssim_fini(&s);
}

static void translation_writes_and_tlb_ops_reach_the_shadow_mmu(void **state)
{
	struct ssim s;
	struct ssim_params par = {AMV_SYNC_TLB, 4, 8, 0,
				  AMV_REGIME_NONSECURE | AMV_REGIME_NO_SECEXT,
				  false, false, 1, false};
	struct amv_port port = {&ssim_port_ops, &s};
	struct ssim_out e, a;
	char why[100];

	(void)state;
	assert_int_equal(ssim_init(&s, &par), 0);
	assert_int_equal(amv_vcpu_reset(&v, 0, &port, &s.vm), 0);
	*ssim_word(&s, 0x4000 + 4) = 0x00300000u | (3u << 10) | 2u;
	v.pc = 0x8000;
	v.r[0] = 0x4000;
	assert_int_equal(run(0xee020f10u), AMV_EMU_DONE); /* TTBR0 */
	v.r[0] = 1;
	assert_int_equal(run(0xee030f10u), AMV_EMU_DONE); /* DACR */
	v.r[0] = AMV_SCTLR_M;
	assert_int_equal(run(0xee010f10u), AMV_EMU_DONE); /* SCTLR.M */
	assert_int_equal(s.vm.g.ttbr0, 0x4000);
	assert_true(s.vm.g.sctlr & AMV_SCTLR_M);
	ssim_expect(&s, 0x00100010, AMV_ACC_READ, false, &e);
	assert_true(ssim_run(&s, 0x00100010, AMV_ACC_READ, &a) >= 0);
	assert_true(ssim_same(&e, &a, why, sizeof(why)));
	/* Remap, then TLBIMVAA: the shadow follows. */
	*ssim_word(&s, 0x4000 + 4) = 0x00500000u | (3u << 10) | 2u;
	v.r[0] = 0x00100000;
	assert_int_equal(run(0xee080f77u), AMV_EMU_DONE); /* TLBIMVAA */
	ssim_expect(&s, 0x00100010, AMV_ACC_READ, false, &e);
	assert_true(ssim_run(&s, 0x00100010, AMV_ACC_READ, &a) >= 0);
	assert_int_equal(a.hpa, SSIM_RAM0_HPA + 0x00500010u);
	ssim_fini(&s);
}

static void vmrs_fpexc_at_pl1_and_undefined_at_pl0(void **state)
{
	(void)state;
	reset(AMV_MODE_SVC);
	v.r[0] = 0x40000000u;
	assert_int_equal(run(0xeee80a10u), AMV_EMU_DONE); /* vmsr fpexc, r0 */
	assert_int_equal(v.cp15.fpexc, 0x40000000u);
	assert_int_equal(run(0xeef81a10u), AMV_EMU_DONE); /* vmrs r1, fpexc */
	assert_int_equal(v.r[1], 0x40000000u);
	v.cpsr = AMV_MODE_USR;
	assert_int_equal(run(0xeef81a10u), AMV_EMU_EXCEPTION);
}

static void misuse_is_rejected(void **state)
{
	struct amv_insn i;

	(void)state;
	reset(AMV_MODE_SVC);
	assert_int_equal(amv_emulate(NULL, &i), -AMV_EINVAL);
	assert_int_equal(amv_emulate(&v, NULL), -AMV_EINVAL);
	assert_int_equal(amv_inject(NULL, AMV_EXC_SVC, 0, NULL), -AMV_EINVAL);
	assert_int_equal(amv_inject(&v, 5, 0, NULL), -AMV_EINVAL);
	assert_int_equal(amv_vcpu_reset(NULL, 0, NULL, NULL), -AMV_EINVAL);
	/* A plain ADD is not this emulator's business. */
	assert_int_equal(amv_decode(AMV_ISA_A32, 0xe0810002u, &i), 0);
	assert_int_equal(amv_emulate(&v, &i), -AMV_ENOTSUP);
	assert_int_equal(v.pc, 0x8000);
}

/* ------------------------------------------------------------ memory */

/*
 * A guest with the MMU on: VA 0x00100000 (1 MiB) maps PA 0x00300000 at
 * PL1 only (AP = 001), VA 0x00200000 maps PA 0x00400000 for both (AP = 011).
 */
static struct ssim msim;

static void mem_guest(uint32_t mode)
{
	struct ssim_params par = {AMV_SYNC_TLB, 4, 8, 0,
				  AMV_REGIME_NONSECURE | AMV_REGIME_NO_SECEXT,
				  false, false, 1, false};
	struct amv_port port = {&ssim_port_ops, &msim};
	struct amv_regime r;

	assert_int_equal(ssim_init(&msim, &par), 0);
	assert_int_equal(amv_vcpu_reset(&v, 0, &port, &msim.vm), 0);
	*ssim_word(&msim, 0x4000 + 4) = 0x00300000u | (1u << 10) | 2u;
	*ssim_word(&msim, 0x4000 + 8) = 0x00400000u | (3u << 10) | 2u;
	v.cp15.ttbr0 = 0x4000;
	v.cp15.dacr = 1;
	v.cp15.sctlr |= AMV_SCTLR_M;
	amv_vcpu_regime(&v, &r);
	assert_int_equal(amv_shadow_set_regime(&msim.vm, &r), 0);
	v.cpsr = mode | AMV_PSR_I_BIT;
	v.pc = 0x8000;
}

static void ldrt_is_checked_as_pl0_and_aborts_on_kernel_pages(void **state)
{
	(void)state;
	mem_guest(AMV_MODE_SVC);
	*ssim_word(&msim, 0x00400010) = 0x11223344u;
	v.r[1] = 0x00200010;
	assert_int_equal(run(0xe4b10004u), AMV_EMU_DONE); /* ldrt r0, [r1], #4 */
	assert_int_equal(v.r[0], 0x11223344u);
	assert_int_equal(v.r[1], 0x00200014u);
	/* The same from a PL1-only page: a permission fault, as at PL0. */
	v.r[0] = 0;
	v.r[1] = 0x00100010;
	v.pc = 0x8000;
	assert_int_equal(run(0xe4b10004u), AMV_EMU_EXCEPTION);
	assert_int_equal(v.cpsr & AMV_PSR_MODE_MASK, AMV_MODE_ABT);
	assert_int_equal(v.cp15.dfar, 0x00100010u);
	assert_int_equal(v.cp15.dfsr & 0x40fu, AMV_FS_PERMISSION_L1);
	assert_int_equal(*amv_vcpu_reg_mode(&v, AMV_MODE_ABT, 14), 0x8008);
	/* Nothing was written back. */
	assert_int_equal(v.r[1], 0x00100010u);
	assert_int_equal(v.r[0], 0);
	ssim_fini(&msim);
}

static void strt_and_ldrsbt_store_and_sign_extend(void **state)
{
	(void)state;
	mem_guest(AMV_MODE_SVC);
	v.r[1] = 0x00200020;
	v.r[2] = 0xdeadbeefu;
	assert_int_equal(run(0xe4212004u), AMV_EMU_DONE); /* strt r2, [r1], #-4 */
	assert_int_equal(*ssim_word(&msim, 0x00400020), 0xdeadbeefu);
	assert_int_equal(v.r[1], 0x0020001cu);
	v.r[1] = 0x00200020;
	assert_int_equal(run(0xe0f130d1u), AMV_EMU_DONE); /* ldrsbt r3, [r1], #1 */
	assert_int_equal(v.r[3], 0xffffffefu);
	assert_int_equal(v.r[1], 0x00200021u);
	ssim_fini(&msim);
}

static void ldm_user_registers_load_the_user_bank(void **state)
{
	(void)state;
	mem_guest(AMV_MODE_IRQ);
	*ssim_word(&msim, 0x00300100) = 8;
	*ssim_word(&msim, 0x00300104) = 13;
	*ssim_word(&msim, 0x00300108) = 14;
	v.r[1] = 0x00100100;
	assert_int_equal(run(0xe8d16100u), AMV_EMU_DONE); /* ldm r1, {r8,sp,lr}^ */
	assert_int_equal(*amv_vcpu_reg_mode(&v, AMV_MODE_USR, 13), 13);
	assert_int_equal(*amv_vcpu_reg_mode(&v, AMV_MODE_USR, 14), 14);
	assert_int_equal(v.r[8], 8);
	assert_int_equal(*amv_vcpu_reg_mode(&v, AMV_MODE_IRQ, 13), 0);
	/* And back with STMDB ^. */
	*amv_vcpu_reg_mode(&v, AMV_MODE_USR, 13) = 0x1313;
	v.r[1] = 0x00100200;
	assert_int_equal(run(0xe9416100u), AMV_EMU_DONE);
	assert_int_equal(*ssim_word(&msim, 0x003001f8), 0x1313);
	ssim_fini(&msim);
}

static void ldm_exception_return_restores_cpsr_and_branches(void **state)
{
	(void)state;
	mem_guest(AMV_MODE_SVC);
	v.spsr[AMV_BANK_SVC - 1] = AMV_MODE_USR | AMV_PSR_T;
	*amv_vcpu_reg_mode(&v, AMV_MODE_SVC, 13) = 0x00100040;
	*ssim_word(&msim, 0x00300040) = 0xa;
	*ssim_word(&msim, 0x00300044) = 0xb;
	*ssim_word(&msim, 0x00300048) = 0x00201235u;
	assert_int_equal(run(0xe8fd8003u), AMV_EMU_DONE); /* ldm sp!, {r0,r1,pc}^ */
	assert_int_equal(v.r[0], 0xa);
	assert_int_equal(v.r[1], 0xb);
	assert_int_equal(*amv_vcpu_reg_mode(&v, AMV_MODE_SVC, 13), 0x0010004cu);
	assert_int_equal(v.cpsr, AMV_MODE_USR | AMV_PSR_T);
	assert_int_equal(v.pc, 0x00201234u);
	ssim_fini(&msim);
}

static void rfe_loads_pc_and_cpsr_and_srs_stores_lr_and_spsr(void **state)
{
	(void)state;
	mem_guest(AMV_MODE_IRQ);
	v.spsr[AMV_BANK_IRQ - 1] = AMV_MODE_SYS | 0x80000000u;
	*amv_vcpu_reg_mode(&v, AMV_MODE_IRQ, 14) = 0x1004;
	*amv_vcpu_reg_mode(&v, AMV_MODE_SVC, 13) = 0x00100080;
	assert_int_equal(run(0xf96d0513u), AMV_EMU_DONE); /* srsdb sp!, #SVC */
	assert_int_equal(*ssim_word(&msim, 0x00300078), 0x1004);
	assert_int_equal(*ssim_word(&msim, 0x0030007c), AMV_MODE_SYS | 0x80000000u);
	assert_int_equal(*amv_vcpu_reg_mode(&v, AMV_MODE_SVC, 13), 0x00100078u);
	v.r[1] = 0x00100078;
	assert_int_equal(run(0xf8b10a00u), AMV_EMU_DONE); /* rfeia r1! */
	assert_int_equal(v.cpsr, AMV_MODE_SYS | 0x80000000u);
	assert_int_equal(v.pc, 0x1004);
	assert_int_equal(v.r[1], 0x00100080u);
	ssim_fini(&msim);
}

/*
 * The emulator reaches guest RAM either word by word through the port's
 * read_phys32/write_phys32 or a page at a time through ram_ptr (block
 * transfers). Both must give the same registers and memory, also for
 * blocks that cross a page or a section, or that abort halfway.
 */
static void block_transfers_through_ram_ptr_match_the_word_hooks(void **state)
{
	static const uint32_t modes[] = {AMV_MODE_SVC, AMV_MODE_IRQ,
					 AMV_MODE_FIQ, AMV_MODE_ABT};
	struct amv_port_ops words_only = ssim_port_ops;
	struct amv_port with_ptr, without;
	struct amv_vcpu start, a, b;
	uint32_t mem0[64], mem_a[64];
	struct prng rng;

	(void)state;
	prng_seed(&rng, 0xb10c);
	words_only.ram_ptr = NULL;
	for (unsigned int n = 0; n < 4000; n++) {
		uint32_t r = prng_next(&rng), word, base, pu, rn;
		/* Near the end of the first section's page 0xff and of the
		 * section: blocks cross pages and sections. */
		static const uint32_t bases[] = {0x00100fe0u, 0x001fffe0u,
						 0x00100800u, 0x00200000u};

		mem_guest(modes[r % 4u]);
		with_ptr = v.port;
		without = with_ptr;
		without.ops = &words_only;
		pu = (r >> 2) & 3u;
		rn = (r >> 4) % 13u;
		if (rn == 8u && (r % 4u) == 2u)
			rn = 0; /* keep the base out of the FIQ bank */
		switch ((r >> 8) % 4u) {
		case 0: /* STM user registers */
			word = 0xe8400000u | pu << 23 | rn << 16 | (prng_next(&rng) & 0x7fffu);
			break;
		case 1: /* LDM user registers */
			word = 0xe8500000u | pu << 23 | rn << 16 | (prng_next(&rng) & 0x7fffu);
			break;
		case 2: /* LDM exception return, with writeback or not */
			word = 0xe8508000u | pu << 23 | ((r >> 12) & 1u) << 21 |
			       rn << 16 | (prng_next(&rng) & 0x7fffu);
			break;
		default: /* SRS / RFE */
			word = (r >> 13) & 1u
				       ? 0xf84d0500u | pu << 23 | AMV_MODE_SVC
				       : 0xf8100a00u | pu << 23 | rn << 16;
			break;
		}
		base = bases[(r >> 14) % 4u] + ((r >> 16) & 0x1cu);
		for (unsigned int k = 0; k < 13; k++)
			v.r[k] = prng_next(&rng);
		for (unsigned int k = 0; k < 5; k++)
			v.r8_fiq[k] = prng_next(&rng);
		for (unsigned int k = 0; k < AMV_BANK_COUNT; k++) {
			v.sp_lr[k][0] = prng_next(&rng);
			v.sp_lr[k][1] = prng_next(&rng);
		}
		for (unsigned int k = 0; k + 1 < AMV_BANK_COUNT; k++)
			v.spsr[k] = (prng_next(&rng) & 0xf80f0000u) | AMV_MODE_USR;
		amv_vcpu_set(&v, rn, base);
		amv_vcpu_set(&v, 13, base);
		for (unsigned int k = 0; k < 64; k++) {
			uint32_t *w = ssim_word(&msim, base + 0x00200000u - 0x80u + 4u * k);

			mem0[k] = prng_next(&rng);
			if (w != NULL)
				*w = mem0[k];
		}
		start = v;
		a = start;
		a.port = without;
		(void)run_on(&a, word);
		for (unsigned int k = 0; k < 64; k++) {
			uint32_t *w = ssim_word(&msim, base + 0x00200000u - 0x80u + 4u * k);

			mem_a[k] = w != NULL ? *w : 0;
			if (w != NULL)
				*w = mem0[k];
		}
		/* And the word path against the ARM ARM's addressing
		 * (A8.8.58 ff.): lowest register at the lowest address. The
		 * sections map VA to PA + 2 MiB, so a block that crosses a page
		 * stays contiguous in memory. */
		if ((word & 0xfe500000u) == 0xe8400000u && a.pc == start.pc + 4u) {
			bool load = (word >> 20) & 1u, up = (word >> 23) & 1u;
			bool pre = (word >> 24) & 1u;
			uint32_t list = word & 0xffffu, cnt = 0, lo, k = 0;

			for (uint32_t t = list; t != 0; t &= t - 1u)
				cnt++;
			lo = up ? base + (pre ? 4u : 0u)
				: base - 4u * cnt + (pre ? 0u : 4u);
			for (unsigned int reg = 0; reg < 15; reg++) {
				uint32_t off, val;

				if (!(list & (1u << reg)))
					continue;
				off = (lo + 4u * k++) - (base - 0x80u);
				val = *amv_vcpu_reg_mode(load ? &a : &start,
							 AMV_MODE_USR, reg);
				assert_int_equal(load ? mem0[off / 4] : mem_a[off / 4],
						 val);
			}
		}
		b = start;
		b.port = with_ptr;
		(void)run_on(&b, word);
		b.port = a.port;
		assert_memory_equal(&a, &b, sizeof(a));
		for (unsigned int k = 0; k < 64; k++) {
			uint32_t *w = ssim_word(&msim, base + 0x00200000u - 0x80u + 4u * k);

			assert_int_equal(w != NULL ? *w : 0, mem_a[k]);
		}
		ssim_fini(&msim);
	}
}

static void ldm_user_registers_in_system_mode_is_undefined(void **state)
{
	(void)state;
	mem_guest(AMV_MODE_SYS);
	v.r[1] = 0x00100100;
	assert_int_equal(run(0xe8d16100u), AMV_EMU_EXCEPTION);
	assert_int_equal(v.cpsr & AMV_PSR_MODE_MASK, AMV_MODE_UND);
	ssim_fini(&msim);
}

/* ------------------------------------------------------------ routing */

static struct amv_route_result rr;

static void route(uint32_t exc, uint32_t insn, uint32_t far, uint32_t fsr,
		  const struct amv_patch *p, uint32_t n)
{
	struct amv_trap t = {exc, v.pc, insn, far, fsr};

	assert_int_equal(amv_route(&v, &t, p, n, &rr), 0);
}

static void svc_from_guest_user_or_kernel_enters_the_guest_svc(void **state)
{
	(void)state;
	reset(AMV_MODE_USR);
	v.cpsr = AMV_MODE_USR;
	route(AMV_HEXC_SVC, 0xef000000u, 0, 0, NULL, 0);
	assert_int_equal(rr.action, AMV_ACT_INJECTED);
	assert_int_equal(v.cpsr & AMV_PSR_MODE_MASK, AMV_MODE_SVC);
	assert_int_equal(*amv_vcpu_reg_mode(&v, AMV_MODE_SVC, 14), 0x8004);
	/* The hypercall number from user mode is just a system call. */
	reset(AMV_MODE_USR);
	v.cpsr = AMV_MODE_USR;
	route(AMV_HEXC_SVC, 0xef000000u | AMV_HC_SVC_IMM, 0, 0, NULL, 0);
	assert_int_equal(rr.action, AMV_ACT_INJECTED);
}

static void hypercall_svc_from_guest_kernel_is_a_hypercall(void **state)
{
	(void)state;
	reset(AMV_MODE_SVC);
	route(AMV_HEXC_SVC, 0xef000000u | AMV_HC_SVC_IMM, 0, 0, NULL, 0);
	assert_int_equal(rr.action, AMV_ACT_HYPERCALL);
	assert_int_equal(v.pc, 0x8000); /* nothing entered */
}

static void privileged_undef_is_emulated_in_kernel_and_injected_in_user(
	void **state)
{
	(void)state;
	reset(AMV_MODE_SVC);
	route(AMV_HEXC_UNDEF, 0xee110f10u, 0, 0, NULL, 0); /* mrc SCTLR */
	assert_int_equal(rr.action, AMV_ACT_EMULATE);
	assert_int_equal(rr.insn.cls, AMV_INSN_MRC);
	reset(AMV_MODE_USR);
	v.cpsr = AMV_MODE_USR;
	route(AMV_HEXC_UNDEF, 0xee110f10u, 0, 0, NULL, 0);
	assert_int_equal(rr.action, AMV_ACT_INJECTED);
	assert_int_equal(v.cpsr & AMV_PSR_MODE_MASK, AMV_MODE_UND);
}

static void udf_is_a_patch_only_when_its_entry_names_the_address(void **state)
{
	struct amv_patch table[2] = {
		{.index = 0, .address = 0x7000, .original = 0xe12ff002u,
		 .cls = AMV_INSN_MSR, .cond = 14, .flags = 2},
		{.index = 1, .address = 0x8000, .original = 0xf10c0080u,
		 .cls = AMV_INSN_CPS, .cond = 15, .flags = 2},
	};
	struct amv_insn want;

	(void)state;
	reset(AMV_MODE_SVC);
	route(AMV_HEXC_UNDEF, 0xe7f000f1u, 0, 0, table, 2); /* udf #1 */
	assert_int_equal(rr.action, AMV_ACT_EMULATE);
	assert_int_equal(rr.insn.raw, 0xf10c0080u);
	/* Decoded once at load time: the same instruction comes back. */
	assert_int_equal(amv_decode(AMV_ISA_A32, 0xf10c0080u, &want), 0);
	assert_int_equal(amv_patch_prepare(table, 2), 0);
	assert_true(table[0].decoded && table[1].decoded);
	route(AMV_HEXC_UNDEF, 0xe7f000f1u, 0, 0, table, 2);
	assert_int_equal(rr.action, AMV_ACT_EMULATE);
	assert_memory_equal(&rr.insn, &want, sizeof(want));
	assert_int_equal(amv_patch_prepare(NULL, 1), -AMV_EINVAL);
	assert_int_equal(amv_patch_prepare(NULL, 0), 0);
	/* udf #0 at 0x8000: entry 0 is for 0x7000 -> the guest's own UDF. */
	route(AMV_HEXC_UNDEF, 0xe7f000f0u, 0, 0, table, 2);
	assert_int_equal(rr.action, AMV_ACT_INJECTED);
	assert_int_equal(v.cpsr & AMV_PSR_MODE_MASK, AMV_MODE_UND);
	/* Linux's BUG() UDF, index out of the table. */
	reset(AMV_MODE_SVC);
	route(AMV_HEXC_UNDEF, 0xe7f001f2u, 0, 0, table, 2);
	assert_int_equal(rr.action, AMV_ACT_INJECTED);
}

static void aborts_fill_inject_or_exit_for_mmio(void **state)
{
	(void)state;
	mem_guest(AMV_MODE_SVC);
	*ssim_word(&msim, 0x4000 + 12) = SSIM_MMIO_GPA | (3u << 10) | 2u;
	/* A read of guest RAM: the shadow fills, retry. */
	route(AMV_HEXC_DABT, 0xe5910000u, 0x00200010, 0x7, NULL, 0);
	assert_int_equal(rr.action, AMV_ACT_RETRY);
	/* A user-mode read of a PL1-only page: the guest's permission fault. */
	v.cpsr = AMV_MODE_USR;
	amv_shadow_set_mode(&msim.vm, false);
	route(AMV_HEXC_DABT, 0xe5910000u, 0x00100010, 0x0d, NULL, 0);
	assert_int_equal(rr.action, AMV_ACT_INJECTED);
	assert_int_equal(v.cp15.dfsr & 0x40fu, AMV_FS_PERMISSION_L1);
	assert_int_equal(*amv_vcpu_reg_mode(&v, AMV_MODE_ABT, 14), 0x8008);
	/* A store to MMIO: the decoded access, nothing entered. */
	v.cpsr = AMV_MODE_SVC;
	v.pc = 0x8000;
	amv_shadow_set_mode(&msim.vm, true);
	route(AMV_HEXC_DABT, 0xe5812004u, 0x00300004, AMV_FSR_WNR | 0x5, NULL, 0);
	assert_int_equal(rr.action, AMV_ACT_MMIO);
	assert_int_equal(rr.gpa, SSIM_MMIO_GPA + 4);
	assert_int_equal(rr.insn.cls, AMV_INSN_STR);
	assert_int_equal(v.pc, 0x8000);
	/* Executing from MMIO: an external prefetch abort on the guest. */
	route(AMV_HEXC_PABT, 0, 0x00300000, 0x5, NULL, 0);
	assert_int_equal(rr.action, AMV_ACT_INJECTED);
	assert_int_equal(v.cp15.ifar, 0x00300000u);
	assert_int_equal(v.cp15.ifsr & 0x40fu, AMV_FS_EXT_ABORT);
	ssim_fini(&msim);
}

/*
 * A patched data-processing exception return is emulated by amv_route()
 * itself (AMV_ACT_EMULATED): on random states it leaves the vCPU exactly as
 * amv_emulate() of the original does, and other patches still come back
 * as AMV_ACT_EMULATE.
 */
static void patched_exception_return_is_emulated_in_routing(void **state)
{
	static const uint32_t modes[] = {AMV_MODE_USR, AMV_MODE_FIQ,
					 AMV_MODE_IRQ, AMV_MODE_SVC,
					 AMV_MODE_ABT, AMV_MODE_UND,
					 AMV_MODE_SYS};
	static const uint32_t originals[] = {
		0xe25ef004u, /* subs pc, lr, #4 */
		0xe1b0f00eu, /* movs pc, lr */
		0x11b0f00eu, /* movsne pc, lr */
		0xe05ef002u, /* subs pc, lr, r2 */
		0xe1b0f21eu, /* movs pc, lr, lsl r2 */
		0xe29ff004u, /* adds pc, pc, #4 */
		0xf10c0080u, /* cpsid i: not a return */
	};
	unsigned int emulated = 0, other = 0;
	struct amv_patch p;
	struct prng rng;

	(void)state;
	prng_seed(&rng, 0xe7e7);
	for (unsigned int n = 0; n < 20000; n++) {
		struct amv_vcpu a, b;
		struct amv_trap t;
		uint32_t k;

		reset(AMV_MODE_SVC);
		for (k = 0; k < 13; k++)
			v.r[k] = prng_next(&rng);
		for (k = 0; k < 5; k++)
			v.r8_fiq[k] = prng_next(&rng);
		for (k = 0; k < AMV_BANK_COUNT; k++) {
			v.sp_lr[k][0] = prng_next(&rng);
			v.sp_lr[k][1] = prng_next(&rng);
		}
		for (k = 0; k < AMV_BANK_COUNT - 1; k++)
			v.spsr[k] = (prng_next(&rng) & ~0x1fu) |
				    modes[prng_below(&rng, 7)];
		v.cpsr = (prng_next(&rng) & 0xf80f01c0u) |
			 modes[prng_below(&rng, 7)];
		v.cp15.sctlr = AMV_SCTLR_XP | (prng_next(&rng) & (1u << 27));
		v.irq_line = prng_pct(&rng, 30);
		v.fiq_line = prng_pct(&rng, 10);
		p = (struct amv_patch){.index = 0, .address = v.pc,
				       .original = originals[prng_below(&rng, 7)]};
		assert_int_equal(amv_patch_prepare(&p, 1), 0);
		t = (struct amv_trap){AMV_HEXC_UNDEF, v.pc, 0xe7f000f0u, 0, 0};
		a = v;
		assert_int_equal(amv_route(&a, &t, &p, 1, &rr), 0);
		b = v;
		if (rr.action == AMV_ACT_EMULATE) {
			/* Not routed as a return: the original as decoded. */
			assert_memory_equal(&rr.insn, &p.insn, sizeof(p.insn));
			assert_memory_equal(&a, &b, sizeof(a));
			assert_false(p.insn.cls == AMV_INSN_DP &&
				     (p.insn.flags & AMV_INSN_F_EXC_RETURN) &&
				     amv_mode_bank(v.cpsr & AMV_PSR_MODE_MASK) !=
					     AMV_BANK_USR);
			other++;
			continue;
		}
		assert_int_equal(rr.action, AMV_ACT_EMULATED);
		(void)amv_emulate(&b, &p.insn);
		assert_memory_equal(&a, &b, sizeof(a));
		emulated++;
	}
	assert_true(emulated > 8000 && other > 3000);
}

/* amv_route() keeps decoded words in the vCPU (vcpu.h): a word that comes
 * back, or two that share an entry, decode as amv_decode() says. */
static void routing_decodes_through_the_vcpu_cache_exactly(void **state)
{
	static const uint32_t words[] = {
		0xee110f10u, /* mrc p15, 0, r0, c1, c0, 0 */
		0xee020f10u, /* mcr p15, 0, r0, c2, c0, 0 */
		0xee0d0f30u, /* mcr p15, 0, r0, c13, c0, 1 */
		0xee150f10u, /* mrc p15, 0, r0, c5, c0, 0 */
	};
	struct amv_insn want;
	struct prng rng;

	(void)state;
	prng_seed(&rng, 0xdec0);
	reset(AMV_MODE_SVC);
	for (unsigned int n = 0; n < 20000; n++) {
		/* Mostly the same four words, sometimes any privileged-looking
		 * coprocessor word, so entries are reused and replaced. */
		uint32_t w = (n % 3u) ? words[prng_next(&rng) % 4u]
				      : 0xee000f10u |
					       (prng_next(&rng) & 0x00ef0fefu);
		struct amv_trap t = {AMV_HEXC_UNDEF, v.pc, w, 0, 0};

		v.cpsr = AMV_MODE_SVC; /* an injected UNDEF moved it */
		v.pc = 0x8000;
		assert_int_equal(amv_decode(AMV_ISA_A32, w, &want), 0);
		assert_int_equal(amv_route(&v, &t, NULL, 0, &rr), 0);
		if (rr.action == AMV_ACT_EMULATE)
			assert_memory_equal(&rr.insn, &want, sizeof(want));
	}
	/* The cache was used: the words decoded are in it. */
	for (unsigned int k = 0; k < 4; k++) {
		const struct amv_decoded *d = NULL;

		for (unsigned int e = 0; e < AMV_VCPU_DECODED; e++)
			if (v.decoded[e].valid && v.decoded[e].raw == words[k])
				d = &v.decoded[e];
		if (d != NULL) {
			assert_int_equal(amv_decode(AMV_ISA_A32, words[k], &want), 0);
			assert_memory_equal(&d->insn, &want, sizeof(want));
		}
	}
}

/* Thumb state without a T32 decoder (vector.h): SVC (T1) is always the
 * guest's, returning past its two bytes (B1.8.10); an UNDEF in User mode
 * and a UDF (T1, T2) anywhere are entered with LR past the 2- or 4-byte
 * instruction; another UNDEF in a PL1 mode may need emulation: ENOTSUP. */
static void thumb_svc_and_undef_are_entered_without_a_t32_decoder(void **state)
{
	struct amv_trap t;

	(void)state;
	reset(AMV_MODE_USR);
	v.cpsr = AMV_MODE_USR | AMV_PSR_T;
	v.pc = 0x9002;
	route(AMV_HEXC_SVC, 0xdf05u, 0, 0, NULL, 0); /* svc #5 */
	assert_int_equal(rr.action, AMV_ACT_INJECTED);
	assert_int_equal(v.cpsr & AMV_PSR_MODE_MASK, AMV_MODE_SVC);
	assert_false(v.cpsr & AMV_PSR_T); /* SCTLR.TE = 0 */
	assert_int_equal(*amv_vcpu_reg_mode(&v, AMV_MODE_SVC, 14), 0x9004);
	assert_int_equal(v.spsr[AMV_BANK_SVC - 1], AMV_MODE_USR | AMV_PSR_T);
	/* A 32-bit privileged instruction (mrc p15) in User mode. */
	reset(AMV_MODE_USR);
	v.cpsr = AMV_MODE_USR | AMV_PSR_T;
	v.pc = 0x9002;
	route(AMV_HEXC_UNDEF, 0xee110f10u, 0, 0, NULL, 0);
	assert_int_equal(rr.action, AMV_ACT_INJECTED);
	assert_int_equal(v.cpsr & AMV_PSR_MODE_MASK, AMV_MODE_UND);
	assert_int_equal(*amv_vcpu_reg_mode(&v, AMV_MODE_UND, 14), 0x9006);
	/* UDF #7 (T1) and UDF.W (T2) from the guest kernel. */
	reset(AMV_MODE_SVC);
	v.cpsr = AMV_MODE_SVC | AMV_PSR_T;
	v.pc = 0x9000;
	route(AMV_HEXC_UNDEF, 0xde07u, 0, 0, NULL, 0);
	assert_int_equal(rr.action, AMV_ACT_INJECTED);
	assert_int_equal(*amv_vcpu_reg_mode(&v, AMV_MODE_UND, 14), 0x9002);
	reset(AMV_MODE_SVC);
	v.cpsr = AMV_MODE_SVC | AMV_PSR_T;
	v.pc = 0x9000;
	route(AMV_HEXC_UNDEF, 0xf7f1a234u, 0, 0, NULL, 0);
	assert_int_equal(*amv_vcpu_reg_mode(&v, AMV_MODE_UND, 14), 0x9004);
	/* cpsid i (T1) from the guest kernel needs the decoder: the vCPU is
	 * left as it was. */
	reset(AMV_MODE_SVC);
	v.cpsr = AMV_MODE_SVC | AMV_PSR_T;
	v.pc = 0x9000;
	t = (struct amv_trap){AMV_HEXC_UNDEF, 0x9000, 0xb672u, 0, 0};
	assert_int_equal(amv_route(&v, &t, NULL, 0, &rr), -AMV_ENOTSUP);
	assert_int_equal(v.cpsr, AMV_MODE_SVC | AMV_PSR_T);
	assert_int_equal(v.pc, 0x9000);
}

/* A Thumb store to MMIO comes back undecoded; amv_dataop_decode() says
 * so and the port decides. */
static void thumb_mmio_access_is_reported_undecoded(void **state)
{
	struct amv_dataop a;

	(void)state;
	mem_guest(AMV_MODE_SVC);
	*ssim_word(&msim, 0x4000 + 12) = SSIM_MMIO_GPA | (3u << 10) | 2u;
	v.cpsr |= AMV_PSR_T;
	route(AMV_HEXC_DABT, 0x6048u, 0x00300004, AMV_FSR_WNR | 0x5, NULL, 0);
	assert_int_equal(rr.action, AMV_ACT_MMIO);
	assert_int_equal(rr.gpa, SSIM_MMIO_GPA + 4);
	assert_int_equal(rr.insn.isa, AMV_ISA_T32);
	assert_int_equal(rr.insn.cls, AMV_INSN_UNDEFINED);
	assert_int_equal(rr.insn.raw, 0x6048u);
	assert_int_equal(amv_dataop_decode(&v, &rr.insn, &a), -AMV_ENOTSUP);
	ssim_fini(&msim);
}

static void extension_instructions_are_undefined_on_this_core(void **state)
{
	static const uint32_t words[4] = {0xe160006eu, 0xe1400071u, 0xe1600070u,
					  0xe10e0300u}; /* eret hvc smc mrs-banked */

	(void)state;
	for (unsigned int k = 0; k < 4; k++) {
		reset(AMV_MODE_SVC);
		assert_int_equal(run(words[k]), AMV_EMU_EXCEPTION);
		assert_int_equal(v.cpsr & AMV_PSR_MODE_MASK, AMV_MODE_UND);
	}
}

static void bkpt_prefetch_abort_is_the_guests_debug_abort(void **state)
{
	(void)state;
	mem_guest(AMV_MODE_USR);
	route(AMV_HEXC_PABT, 0, 0x8000, AMV_FS_DEBUG, NULL, 0);
	assert_int_equal(rr.action, AMV_ACT_INJECTED);
	assert_int_equal(v.cpsr & AMV_PSR_MODE_MASK, AMV_MODE_ABT);
	assert_int_equal(v.cp15.ifsr & 0x40fu, AMV_FS_DEBUG);
	ssim_fini(&msim);
}

static void mmio_store_and_load_decode_and_complete(void **state)
{
	struct amv_insn in;
	struct amv_dataop a;

	(void)state;
	reset(AMV_MODE_SVC);
	/* str r2, [r1, #4]! */
	assert_int_equal(amv_decode(AMV_ISA_A32, 0xe5a12004u, &in), 0);
	v.r[1] = 0x1000;
	v.r[2] = 0xcafef00du;
	assert_int_equal(amv_dataop_decode(&v, &in, &a), 0);
	assert_int_equal(a.va, 0x1004);
	assert_true(a.write);
	assert_int_equal(a.size, 4);
	assert_int_equal(a.data, 0xcafef00du);
	assert_int_equal(amv_dataop_complete(&v, &in, &a), 0);
	assert_int_equal(v.r[1], 0x1004);
	assert_int_equal(v.pc, 0x8004);
	/* ldrsh r3, [r1], #-2 : post-indexed, sign-extended. */
	assert_int_equal(amv_decode(AMV_ISA_A32, 0xe05130f2u, &in), 0);
	assert_int_equal(amv_dataop_decode(&v, &in, &a), 0);
	assert_int_equal(a.va, 0x1004);
	assert_false(a.write);
	assert_int_equal(a.size, 2);
	a.data = 0x12348001u;
	assert_int_equal(amv_dataop_complete(&v, &in, &a), 0);
	assert_int_equal(v.r[3], 0xffff8001u);
	assert_int_equal(v.r[1], 0x1002);
	/* ldrb r0, [r1, r0] : the offset register is the destination. */
	assert_int_equal(amv_decode(AMV_ISA_A32, 0xe7d10000u, &in), 0);
	v.r[0] = 0x10;
	assert_int_equal(amv_dataop_decode(&v, &in, &a), 0);
	assert_int_equal(a.va, 0x1012);
	a.data = 0x1ff;
	assert_int_equal(amv_dataop_complete(&v, &in, &a), 0);
	assert_int_equal(v.r[0], 0xff);
	assert_int_equal(v.r[1], 0x1002); /* no writeback */
	/* LDM is not a single access. */
	assert_int_equal(amv_decode(AMV_ISA_A32, 0xe8910003u, &in), 0);
	assert_int_equal(amv_dataop_decode(&v, &in, &a), -AMV_ENOTSUP);
}

static void big_endian_data_reverses_the_bytes_of_emulated_accesses(void **state)
{
	(void)state;
	mem_guest(AMV_MODE_SVC);
	v.cpsr |= AMV_PSR_E; /* A3.3.1: big-endian data */
	*ssim_word(&msim, 0x00400010) = 0x11223344u;
	v.r[1] = 0x00200010;
	assert_int_equal(run(0xe4b10004u), AMV_EMU_DONE); /* ldrt r0, [r1], #4 */
	assert_int_equal(v.r[0], 0x44332211u);
	v.r[1] = 0x00200020;
	v.r[2] = 0xdeadbeefu;
	assert_int_equal(run(0xe4212004u), AMV_EMU_DONE); /* strt r2, [r1], #-4 */
	assert_int_equal(*ssim_word(&msim, 0x00400020), 0xefbeaddeu);
	ssim_fini(&msim);
}

static void srs_to_user_mode_uses_the_user_stack(void **state)
{
	(void)state;
	mem_guest(AMV_MODE_SVC);
	v.spsr[AMV_BANK_SVC - 1] = AMV_MODE_USR;
	*amv_vcpu_reg_mode(&v, AMV_MODE_SVC, 14) = 0x2000;
	*amv_vcpu_reg_mode(&v, AMV_MODE_USR, 13) = 0x00200100;
	/* srsdb sp!, #0x10 */
	assert_int_equal(run(0xf96d0510u), AMV_EMU_DONE);
	assert_int_equal(*ssim_word(&msim, 0x004000f8), 0x2000);
	assert_int_equal(*amv_vcpu_reg_mode(&v, AMV_MODE_USR, 13), 0x002000f8u);
	ssim_fini(&msim);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fiq_banks_r8_to_r12_and_every_mode_banks_sp_lr),
		cmocka_unit_test(pc_reads_as_address_plus_8_in_arm_state),
		cmocka_unit_test(undef_entry_sets_lr_to_next_insn_spsr_and_masks_i_only),
		cmocka_unit_test(data_abort_lr_is_insn_plus_8_and_sets_dfsr_dfar),
		cmocka_unit_test(prefetch_abort_lr_is_insn_plus_4_and_sets_ifsr_ifar),
		cmocka_unit_test(fiq_masks_f_i_a_and_high_vectors_win_over_vbar),
		cmocka_unit_test(exception_entry_clears_it_and_j),
		cmocka_unit_test(pending_irq_is_taken_only_when_unmasked_and_fiq_first),
		cmocka_unit_test(failed_condition_only_advances_pc),
		cmocka_unit_test(cps_changes_mode_and_masks_at_pl1_and_is_a_nop_at_pl0),
		cmocka_unit_test(cps_unmasking_irq_delivers_the_pending_interrupt),
		cmocka_unit_test(mrs_cpsr_reads_zero_for_it_j_and_t),
		cmocka_unit_test(mrs_spsr_in_system_mode_is_undefined),
		cmocka_unit_test(msr_cpsr_writes_only_the_selected_fields),
		cmocka_unit_test(msr_in_user_mode_cannot_touch_mode_or_masks),
		cmocka_unit_test(msr_never_sets_t_it_or_j),
		cmocka_unit_test(msr_spsr_writes_all_bits_of_the_selected_bytes),
		cmocka_unit_test(nmfi_keeps_software_from_masking_fiq),
		cmocka_unit_test(subs_pc_lr_returns_to_the_spsr_mode_and_state),
		cmocka_unit_test(movs_pc_lr_to_arm_state_aligns_to_a_word),
		cmocka_unit_test(exception_return_with_a_shifted_register_uses_the_old_carry),
		cmocka_unit_test(exception_return_in_user_mode_is_undefined),
		cmocka_unit_test(svc_enters_supervisor_with_lr_after_the_svc),
		cmocka_unit_test(wfi_advances_and_asks_the_port_to_idle),
		cmocka_unit_test(mrc_reads_id_registers_as_configured),
		cmocka_unit_test(cp15_from_user_mode_is_undefined_except_tpidr_and_barriers),
		cmocka_unit_test(unknown_cp15_register_is_undefined),
		cmocka_unit_test(ttbcr_eae_is_raz_wi_without_lpae),
		cmocka_unit_test(ats1cpr_puts_the_walk_result_in_par),
		cmocka_unit_test(translation_writes_and_tlb_ops_reach_the_shadow_mmu),
		cmocka_unit_test(vmrs_fpexc_at_pl1_and_undefined_at_pl0),
		cmocka_unit_test(ldrt_is_checked_as_pl0_and_aborts_on_kernel_pages),
		cmocka_unit_test(strt_and_ldrsbt_store_and_sign_extend),
		cmocka_unit_test(ldm_user_registers_load_the_user_bank),
		cmocka_unit_test(ldm_exception_return_restores_cpsr_and_branches),
		cmocka_unit_test(rfe_loads_pc_and_cpsr_and_srs_stores_lr_and_spsr),
		cmocka_unit_test(ldm_user_registers_in_system_mode_is_undefined),
		cmocka_unit_test(block_transfers_through_ram_ptr_match_the_word_hooks),
		cmocka_unit_test(svc_from_guest_user_or_kernel_enters_the_guest_svc),
		cmocka_unit_test(hypercall_svc_from_guest_kernel_is_a_hypercall),
		cmocka_unit_test(privileged_undef_is_emulated_in_kernel_and_injected_in_user),
		cmocka_unit_test(udf_is_a_patch_only_when_its_entry_names_the_address),
		cmocka_unit_test(aborts_fill_inject_or_exit_for_mmio),
		cmocka_unit_test(routing_decodes_through_the_vcpu_cache_exactly),
		cmocka_unit_test(patched_exception_return_is_emulated_in_routing),
		cmocka_unit_test(thumb_svc_and_undef_are_entered_without_a_t32_decoder),
		cmocka_unit_test(thumb_mmio_access_is_reported_undecoded),
		cmocka_unit_test(extension_instructions_are_undefined_on_this_core),
		cmocka_unit_test(bkpt_prefetch_abort_is_the_guests_debug_abort),
		cmocka_unit_test(mmio_store_and_load_decode_and_complete),
		cmocka_unit_test(big_endian_data_reverses_the_bytes_of_emulated_accesses),
		cmocka_unit_test(srs_to_user_mode_uses_the_user_stack),
		cmocka_unit_test(misuse_is_rejected),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
