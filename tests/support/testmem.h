/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Simulated guest physical memory for tests: regions backed by host buffers,
 * holes where nothing answers (reads fail with -AMV_EFAULT), slave-error
 * ranges (-AMV_EIO). A read anywhere else is "unmodelled": it fails with
 * -AMV_EFAULT and is counted, so a test can insist that every read its
 * tables cause was anticipated.
 */
#ifndef AMV_TEST_TESTMEM_H
#define AMV_TEST_TESTMEM_H

#include <stdint.h>

#include <amv/port.h>

#define TESTMEM_MAX_REGIONS 256

struct testmem_region {
	uint64_t base;
	uint64_t size;
	uint32_t *words; /* NULL for holes and error ranges */
	int err;         /* 0, -AMV_EFAULT or -AMV_EIO */
};

struct testmem {
	struct testmem_region r[TESTMEM_MAX_REGIONS];
	unsigned int n;
	unsigned long reads;
	unsigned long unmodelled;
	uint64_t last_unmodelled;
};

extern const struct amv_port_ops testmem_ops;

void testmem_init(struct testmem *m);
/* Back [base, base + 4 * nwords) with @words (not copied). 0 or -1 if full. */
int testmem_add(struct testmem *m, uint64_t base, uint32_t *words,
		uint32_t nwords);
/* Make [base, base + size) fail with @err. */
int testmem_add_error(struct testmem *m, uint64_t base, uint64_t size, int err);
int testmem_read32(void *ctx, uint64_t pa, uint32_t *val);
static inline struct amv_port testmem_port(struct testmem *m)
{
	struct amv_port p = {&testmem_ops, m};
	return p;
}

#endif /* AMV_TEST_TESTMEM_H */
