// SPDX-License-Identifier: BSD-2-Clause
/*
 * amv as a Linux kernel module: the library's lib/ sources, built with the
 * kernel's environment (amv_env_linux.h), and a self-test run at load time
 * that prints one machine-readable line: "amv: N passed, M failed".
 *
 * The self-test checks the FSR encoder, the walker and the decoder on
 * vectors whose expected values come from the ARM ARM (the same rules the
 * host unit tests state); it runs with no allocation and no sleeping.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>

#include <amv/amv.h>

struct selftest {
	unsigned int passed, failed;
};

static void check(struct selftest *t, bool ok, const char *what)
{
	if (ok) {
		t->passed++;
	} else {
		t->failed++;
		pr_err("amv: self-test failed: %s\n", what);
	}
}

/* A tiny guest physical memory: one L1 table and one L2 table. */
#define L1_PA 0x80004000u
#define L2_PA 0x80008000u

struct tables {
	u32 l1[AMV_L1_ENTRIES];
	u32 l2[AMV_L2_ENTRIES];
};

static int tables_read32(void *ctx, u64 pa, u32 *val)
{
	const struct tables *t = ctx;

	if (pa >= L1_PA && pa < L1_PA + sizeof(t->l1)) {
		*val = t->l1[(pa - L1_PA) / 4];
		return 0;
	}
	if (pa >= L2_PA && pa < L2_PA + sizeof(t->l2)) {
		*val = t->l2[(pa - L2_PA) / 4];
		return 0;
	}
	return -AMV_EFAULT;
}

static const struct amv_port_ops tables_ops = {
	.read_phys32 = tables_read32,
};

static void selftest_fault(struct selftest *t)
{
	/* ARMv7 ARM Table B3-23: level-2 permission fault, domain 5, write. */
	struct amv_fault f = {0x1000, AMV_FAULT_PERMISSION, 2, 5,
			      AMV_FAULT_F_WRITE};
	u32 fsr = 0;

	check(t, amv_fault_fsr(&f, &fsr) == 0 && fsr == 0x85fu,
	      "DFSR of a level-2 permission fault");
	f.type = AMV_FAULT_NONE;
	check(t, amv_fault_fsr(&f, &fsr) == -AMV_EINVAL,
	      "FSR of no fault is -AMV_EINVAL");
}

static void selftest_walk(struct selftest *t, struct tables *tb)
{
	const struct amv_port port = {&tables_ops, tb};
	struct amv_regime r = {
		.sctlr = AMV_SCTLR_M | AMV_SCTLR_XP,
		.ttbr0 = L1_PA,
		.dacr = 0x55555555u, /* all domains client */
	};
	struct amv_xlat x;
	struct amv_fault f;

	memset(tb, 0, sizeof(*tb));
	/* VA 0x001xxxxx: section to 0x40100000, PL1 RW / PL0 none (AP 001). */
	tb->l1[0x001] = 0x40100000u | (1u << AMV_L1_AP01_SHIFT) |
			AMV_L1_TYPE_SECTION;
	/* VA 0x002xxxxx: page table; 0x00203xxx is a small page, AP 011. */
	tb->l1[0x002] = L2_PA | AMV_L1_TYPE_TABLE;
	tb->l2[0x03] = 0x50007000u | (3u << AMV_L2_AP01_SHIFT) | AMV_L2_SMALL;

	check(t, amv_walk(&r, &port, 0x00112345u, AMV_ACC_WRITE, &x, &f) ==
			 AMV_WALK_OK &&
		      x.pa == 0x40112345u && x.kind == AMV_MAP_SECTION,
	      "section translation");
	check(t, amv_walk(&r, &port, 0x00112345u, AMV_ACC_READ | AMV_ACC_USER,
			  &x, &f) == AMV_WALK_FAULT &&
		      f.type == AMV_FAULT_PERMISSION && f.level == 1,
	      "PL0 read of a PL1-only section is a level-1 permission fault");
	check(t, amv_walk(&r, &port, 0x00203abcu, AMV_ACC_READ | AMV_ACC_USER,
			  &x, &f) == AMV_WALK_OK &&
		      x.pa == 0x50007abcu && x.level == 2,
	      "small page translation");
	check(t, amv_walk(&r, &port, 0x00204000u, AMV_ACC_READ, &x, &f) ==
			 AMV_WALK_FAULT &&
		      f.type == AMV_FAULT_TRANSLATION && f.level == 2,
	      "empty L2 entry is a level-2 translation fault");
	r.ttbr0 = 0x90000000u; /* nothing answers there */
	check(t, amv_walk(&r, &port, 0x00112345u, AMV_ACC_READ, &x, &f) ==
			 AMV_WALK_FAULT &&
		      f.type == AMV_FAULT_EXT_ABORT_WALK && f.level == 1,
	      "failed L1 read is an external abort on the walk");
}

static void selftest_decode(struct selftest *t)
{
	struct amv_insn in;
	u32 flags = 0;

	/* mcr p15, 0, r0, c1, c0, 0 (SCTLR write): privileged. */
	check(t, amv_decode(AMV_ISA_A32, 0xee010f10u, &in) == 0 &&
			 in.cls == AMV_INSN_MCR && in.crn == 1 &&
			 (in.flags & AMV_INSN_F_PRIVILEGED),
	      "MCR to SCTLR is privileged");
	/* subs pc, lr, #4: exception return, sensitive. */
	check(t, amv_decode_class(AMV_ISA_A32, 0xe25ef004u, &flags) ==
			 AMV_INSN_DP &&
		      (flags & AMV_INSN_F_EXC_RETURN) &&
		      (flags & AMV_INSN_F_SENSITIVE),
	      "SUBS PC, LR, #4 is a sensitive exception return");
	/* cpsid i: sensitive (a NOP at PL0). */
	check(t, amv_decode_class(AMV_ISA_A32, 0xf10c0080u, &flags) ==
			 AMV_INSN_CPS &&
		      (flags & AMV_INSN_F_SENSITIVE),
	      "CPSID is sensitive");
}

/* The walker's tables live here while the self-test runs: 17 KiB is too
 * much for a kernel stack, and the module is the only user at init. */
static struct tables selftest_tables;

static int __init amv_module_init(void)
{
	struct selftest t = {0, 0};

	selftest_fault(&t);
	selftest_walk(&t, &selftest_tables);
	selftest_decode(&t);
	pr_info("amv: %u passed, %u failed\n", t.passed, t.failed);
	return 0;
}

static void __exit amv_module_exit(void)
{
}

module_init(amv_module_init);
module_exit(amv_module_exit);
MODULE_LICENSE("Dual BSD/GPL");
MODULE_DESCRIPTION("amv: ARM MMU virtualization components, self-test");
