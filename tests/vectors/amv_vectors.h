/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Test vectors shared by the host unit tests (tests/unit/test_vectors.c)
 * and the Linux module's load-time self-test (ports/linux/amv_main.c):
 * one table, two environments. Expected values are typed from the ARMv7 ARM
 * (DDI 0406C); each vector names the rule it checks.
 *
 * Plain data and one runner (amv_vectors_run) written against the public
 * API only, so it compiles hosted, freestanding and in the kernel.
 */
#ifndef AMV_TEST_VECTORS_H
#define AMV_TEST_VECTORS_H

#include <amv/amv.h>

/* The walker's guest memory: one L1 table, one L2 table. */
#define AMV_VEC_L1_PA 0x80004000u
#define AMV_VEC_L2_PA 0x80008000u

struct amv_walk_vector {
	const char *rule;
	uint32_t sctlr, ttbcr, dacr, flags;
	uint32_t l1_index, l1_desc; /* one L1 entry (others are faults) */
	uint32_t l2_index, l2_desc; /* one L2 entry */
	uint32_t va;
	unsigned int access;
	int rc;                     /* AMV_WALK_OK / AMV_WALK_FAULT */
	uint32_t pa;                /* on AMV_WALK_OK */
	uint8_t fault_type, fault_level; /* on AMV_WALK_FAULT */
};

#define V_MMU (AMV_SCTLR_M | AMV_SCTLR_XP)
#define V_CLIENT 0x55555555u
#define V_TABLE (AMV_VEC_L2_PA | AMV_L1_TYPE_TABLE)
#define V_SEC(base, ap) ((base) | (((ap) & 3u) << 10) | (((ap) & 4u) << 13) | 2u)
#define V_SMALL(base, ap) ((base) | (((ap) & 3u) << 4) | (((ap) & 4u) << 7) | 2u)

static const struct amv_walk_vector amv_walk_vectors[] = {
	{"section_maps_va_19_0_into_the_section (B3.5.1)", V_MMU, 0, V_CLIENT,
	 0, 0x001, V_SEC(0x40100000u, 3), 0, 0, 0x00123456u, AMV_ACC_READ,
	 AMV_WALK_OK, 0x40123456u, 0, 0},
	{"small_page_maps_va_11_0 (B3.5.1)", V_MMU, 0, V_CLIENT, 0, 0x002,
	 V_TABLE, 0x03, V_SMALL(0x50007000u, 3), 0x00203abcu,
	 AMV_ACC_WRITE | AMV_ACC_USER, AMV_WALK_OK, 0x50007abcu, 0, 0},
	{"l1_fault_entry_is_level1_translation_fault (B3.5.1)", V_MMU, 0,
	 V_CLIENT, 0, 0x001, 0, 0, 0, 0x00100000u, AMV_ACC_READ,
	 AMV_WALK_FAULT, 0, AMV_FAULT_TRANSLATION, 1},
	{"l2_fault_entry_is_level2_translation_fault (B3.5.1)", V_MMU, 0,
	 V_CLIENT, 0, 0x002, V_TABLE, 0x03, 0, 0x00203000u, AMV_ACC_READ,
	 AMV_WALK_FAULT, 0, AMV_FAULT_TRANSLATION, 2},
	{"pl0_read_of_pl1_only_section_is_permission_fault (B3.7.1 AP=001)",
	 V_MMU, 0, V_CLIENT, 0, 0x001, V_SEC(0x40100000u, 1), 0, 0,
	 0x00100000u, AMV_ACC_READ | AMV_ACC_USER, AMV_WALK_FAULT, 0,
	 AMV_FAULT_PERMISSION, 1},
	{"write_to_read_only_page_is_permission_fault (B3.7.1 AP=111)", V_MMU,
	 0, V_CLIENT, 0, 0x002, V_TABLE, 0x03, V_SMALL(0x50007000u, 7),
	 0x00203000u, AMV_ACC_WRITE, AMV_WALK_FAULT, 0, AMV_FAULT_PERMISSION,
	 2},
	{"no_access_domain_is_domain_fault (B3.7.3)", V_MMU, 0, 0x55555554u, 0,
	 0x001, V_SEC(0x40100000u, 3), 0, 0, 0x00100000u, AMV_ACC_READ,
	 AMV_WALK_FAULT, 0, AMV_FAULT_DOMAIN, 1},
	{"manager_domain_skips_permissions (B3.7.3)", V_MMU, 0, 0x55555557u, 0,
	 0x001, V_SEC(0x40100000u, 0), 0, 0, 0x00100000u,
	 AMV_ACC_WRITE | AMV_ACC_USER, AMV_WALK_OK, 0x40100000u, 0, 0},
	{"afe_clear_access_flag_faults (B3.7.1 AFE)", V_MMU | AMV_SCTLR_AFE, 0,
	 V_CLIENT, 0, 0x001, V_SEC(0x40100000u, 2), 0, 0, 0x00100000u,
	 AMV_ACC_READ, AMV_WALK_FAULT, 0, AMV_FAULT_ACCESS_FLAG, 1},
	{"access_flag_before_domain (B3.12.3)", V_MMU | AMV_SCTLR_AFE, 0, 0, 0,
	 0x001, V_SEC(0x40100000u, 2), 0, 0, 0x00100000u, AMV_ACC_READ,
	 AMV_WALK_FAULT, 0, AMV_FAULT_ACCESS_FLAG, 1},
	{"fetch_from_xn_section_is_permission_fault (B3.7.2)", V_MMU, 0,
	 V_CLIENT, 0, 0x001, V_SEC(0x40100000u, 3) | AMV_L1_XN, 0, 0,
	 0x00100000u, AMV_ACC_FETCH, AMV_WALK_FAULT, 0, AMV_FAULT_PERMISSION,
	 1},
	{"ttbcr_n1_sends_high_vas_to_ttbr1 (B3.5.4)", V_MMU, 1, V_CLIENT, 0,
	 0x801, V_SEC(0x40100000u, 3), 0, 0, 0x80100000u, AMV_ACC_READ,
	 AMV_WALK_FAULT, 0, AMV_FAULT_EXT_ABORT_WALK, 1},
	{"pd0_disables_ttbr0_walks (B4.1.153)", V_MMU, AMV_TTBCR_PD0, V_CLIENT,
	 0, 0x001, V_SEC(0x40100000u, 3), 0, 0, 0x00100000u, AMV_ACC_READ,
	 AMV_WALK_FAULT, 0, AMV_FAULT_TRANSLATION, 1},
	{"mmu_off_is_flat (B3.2.1)", AMV_SCTLR_XP, 0, 0, 0, 0, 0, 0, 0,
	 0x12345678u, AMV_ACC_WRITE | AMV_ACC_USER, AMV_WALK_OK, 0x12345678u,
	 0, 0},
	{"l1_type_3_without_pxn_is_translation_fault (B3.5.1)", V_MMU, 0,
	 V_CLIENT, 0, 0x001, V_SEC(0x40100000u, 3) | 1u, 0, 0, 0x00100000u,
	 AMV_ACC_READ, AMV_WALK_FAULT, 0, AMV_FAULT_TRANSLATION, 1},
	{"cache_maintenance_takes_no_permission_fault (B4.1.52 CM)", V_MMU, 0,
	 V_CLIENT, 0, 0x001, V_SEC(0x40100000u, 0), 0, 0, 0x00100000u,
	 AMV_ACC_CMAINT, AMV_WALK_OK, 0x40100000u, 0, 0},
};

struct amv_decode_vector {
	const char *rule;
	uint32_t word;
	uint16_t cls;
	uint32_t set;   /* flags that must be set */
	uint32_t clear; /* flags that must be clear */
};

#define V_PRIV AMV_INSN_F_PRIVILEGED
#define V_SENS AMV_INSN_F_SENSITIVE
#define V_EXC AMV_INSN_F_EXC_RETURN

static const struct amv_decode_vector amv_decode_vectors[] = {
	{"mcr_sctlr_is_privileged", 0xee010f10u, AMV_INSN_MCR, V_PRIV, V_SENS},
	{"mrc_tpidrurw_is_not_privileged", 0xee1d0f50u, AMV_INSN_MRC, 0,
	 V_PRIV | V_SENS},
	{"mcr_cp15dmb_is_not_privileged", 0xee070fbau, AMV_INSN_MCR, 0,
	 V_PRIV | V_SENS},
	{"subs_pc_lr_is_sensitive_exception_return", 0xe25ef004u, AMV_INSN_DP,
	 V_SENS | V_EXC, V_PRIV},
	{"movs_pc_lr_is_sensitive_exception_return", 0xe1b0f00eu, AMV_INSN_DP,
	 V_SENS | V_EXC, V_PRIV},
	{"add_without_s_is_plain", 0xe0810002u, AMV_INSN_DP, 0,
	 V_PRIV | V_SENS | V_EXC},
	{"cpsid_i_is_sensitive", 0xf10c0080u, AMV_INSN_CPS, V_SENS, V_PRIV},
	{"msr_cpsr_c_is_sensitive", 0xe121f000u, AMV_INSN_MSR, V_SENS, V_PRIV},
	{"msr_cpsr_f_is_not_sensitive", 0xe128f000u, AMV_INSN_MSR, 0,
	 V_SENS | V_PRIV},
	{"mrs_cpsr_is_sensitive", 0xe10f0000u, AMV_INSN_MRS, V_SENS, V_PRIV},
	{"mrs_spsr_is_sensitive", 0xe14f0000u, AMV_INSN_MRS, V_SENS, V_PRIV},
	{"ldm_user_regs_is_sensitive", 0xe8d00006u, AMV_INSN_LDM, V_SENS,
	 V_EXC},
	{"ldm_pc_caret_is_exception_return", 0xe8fd8000u, AMV_INSN_LDM,
	 V_SENS | V_EXC, 0},
	{"srsdb_is_sensitive", 0xf96d0513u, AMV_INSN_SRS, V_SENS, 0},
	{"rfeia_is_sensitive_exception_return", 0xf8900a00u, AMV_INSN_RFE,
	 V_SENS | V_EXC, 0},
	{"ldrt_is_sensitive", 0xe4b21004u, AMV_INSN_LDRT, V_SENS, V_PRIV},
	{"wfi_is_sensitive", 0xe320f003u, AMV_INSN_WFI, V_SENS, V_PRIV},
	{"smc_is_privileged", 0xe1600070u, AMV_INSN_SMC, V_PRIV, 0},
	{"vmrs_fpexc_is_privileged", 0xeef81a10u, AMV_INSN_VMRS, V_PRIV, 0},
	{"vmrs_fpscr_is_not_privileged", 0xeef11a10u, AMV_INSN_VMRS, 0, V_PRIV},
	{"svc_is_neither", 0xef000000u, AMV_INSN_SVC, 0, V_PRIV | V_SENS},
	{"udf_is_undefined", 0xe7f000f0u, AMV_INSN_UDF, AMV_INSN_F_UNDEFINED,
	 0},
};

#undef V_MMU
#undef V_CLIENT
#undef V_TABLE
#undef V_SEC
#undef V_SMALL
#undef V_PRIV
#undef V_SENS
#undef V_EXC

/* The walker's guest memory for one vector. */
struct amv_vec_mem {
	uint32_t l1[AMV_L1_ENTRIES];
	uint32_t l2[AMV_L2_ENTRIES];
};

static int amv_vec_read32(void *ctx, uint64_t pa, uint32_t *val)
{
	const struct amv_vec_mem *m = ctx;

	if (pa >= AMV_VEC_L1_PA && pa < AMV_VEC_L1_PA + sizeof(m->l1)) {
		*val = m->l1[(pa - AMV_VEC_L1_PA) / 4];
		return 0;
	}
	if (pa >= AMV_VEC_L2_PA && pa < AMV_VEC_L2_PA + sizeof(m->l2)) {
		*val = m->l2[(pa - AMV_VEC_L2_PA) / 4];
		return 0;
	}
	return -AMV_EFAULT;
}

/*
 * Run every vector; @on_fail(ctx, rule) is called for each failure. Returns
 * the number of vectors passed. @m is scratch memory (17 KiB: kernel
 * callers must not put it on the stack).
 */
static unsigned int amv_vectors_run(struct amv_vec_mem *m,
				    void (*on_fail)(void *ctx, const char *rule),
				    void *ctx)
{
	static const struct amv_port_ops ops = {.read_phys32 = amv_vec_read32};
	const struct amv_port port = {&ops, m};
	unsigned int i, passed = 0;

	for (i = 0; i < sizeof(amv_walk_vectors) / sizeof(amv_walk_vectors[0]);
	     i++) {
		const struct amv_walk_vector *v = &amv_walk_vectors[i];
		struct amv_regime r;
		struct amv_xlat x;
		struct amv_fault f;
		int rc;
		bool ok;

		amv_memset(m, 0, sizeof(*m));
		amv_memset(&r, 0, sizeof(r));
		m->l1[v->l1_index] = v->l1_desc;
		m->l2[v->l2_index] = v->l2_desc;
		r.sctlr = v->sctlr;
		r.ttbcr = v->ttbcr;
		r.ttbr0 = AMV_VEC_L1_PA;
		r.ttbr1 = 0x90000000u; /* nothing answers there */
		r.dacr = v->dacr;
		r.flags = v->flags;
		rc = amv_walk(&r, &port, v->va, v->access, &x, &f);
		ok = rc == v->rc &&
		     (rc == AMV_WALK_OK
			      ? x.pa == v->pa
			      : f.type == v->fault_type &&
					f.level == v->fault_level &&
					f.addr == v->va);
		if (ok)
			passed++;
		else
			on_fail(ctx, v->rule);
	}
	for (i = 0;
	     i < sizeof(amv_decode_vectors) / sizeof(amv_decode_vectors[0]);
	     i++) {
		const struct amv_decode_vector *v = &amv_decode_vectors[i];
		struct amv_insn in;
		uint32_t flags = 0;
		int cls = amv_decode_class(AMV_ISA_A32, v->word, &flags);
		bool ok = amv_decode(AMV_ISA_A32, v->word, &in) == 0 &&
			  cls == v->cls && in.cls == v->cls &&
			  (flags & v->set) == v->set && !(flags & v->clear) &&
			  (in.flags & v->set) == v->set && !(in.flags & v->clear);

		if (ok)
			passed++;
		else
			on_fail(ctx, v->rule);
	}
	return passed;
}

#define AMV_VECTORS_COUNT                                                      \
	(sizeof(amv_walk_vectors) / sizeof(amv_walk_vectors[0]) +              \
	 sizeof(amv_decode_vectors) / sizeof(amv_decode_vectors[0]))

#endif /* AMV_TEST_VECTORS_H */
