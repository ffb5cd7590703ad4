// SPDX-License-Identifier: BSD-2-Clause
/*
 * amv as a Linux kernel module: the library's lib/ sources, built with the
 * kernel's environment (amv_env_linux.h), and a self-test run at load time
 * that prints one machine-readable line: "amv: N passed, M failed".
 *
 * The self-test checks the FSR encoder and runs the walker and decoder
 * vectors of tests/vectors/amv_vectors.h, the table the host's test_vectors
 * also runs; it allocates nothing and does not sleep.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>

#include <amv/amv.h>

/* The host unit tests run the same vectors (tests/unit/test_vectors.c). */
#include "vectors/amv_vectors.h"

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

static void vector_failed(void *ctx, const char *rule)
{
	struct selftest *t = ctx;

	t->failed++;
	pr_err("amv: self-test failed: %s\n", rule);
}

/* Scratch guest memory for the walker vectors: 17 KiB is too much for a
 * kernel stack; only module init uses it. */
static struct amv_vec_mem selftest_mem;

static int __init amv_module_init(void)
{
	struct selftest t = {0, 0};

	selftest_fault(&t);
	t.passed += amv_vectors_run(&selftest_mem, vector_failed, &t);
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
