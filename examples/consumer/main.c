/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Smallest useful amv program: translate one address through a one-entry
 * page table held in a host buffer. Exits 0 when the walk gives the
 * expected physical address.
 */
#include <stdint.h>
#include <stdio.h>

#include <amv/amv.h>

#define TABLE_PA 0x80004000u

static uint32_t l1[AMV_L1_ENTRIES];

static int read_phys32(void *ctx, uint64_t pa, uint32_t *val)
{
	(void)ctx;
	if (pa < TABLE_PA || pa >= TABLE_PA + sizeof(l1))
		return -AMV_EFAULT;
	*val = l1[(pa - TABLE_PA) / 4];
	return 0;
}

int main(void)
{
	static const struct amv_port_ops ops = {.read_phys32 = read_phys32};
	const struct amv_port port = {&ops, NULL};
	const struct amv_regime regime = {
		.sctlr = AMV_SCTLR_M | AMV_SCTLR_XP,
		.ttbr0 = TABLE_PA,
		.dacr = AMV_DACR_CLIENT, /* domain 0: client */
	};
	struct amv_xlat x;
	struct amv_fault f;
	int rc;

	/* VA 0xc0000000 -> PA 0x80000000, 1 MiB section, PL1 read/write. */
	l1[0xc00] = 0x80000000u | (1u << AMV_L1_AP01_SHIFT) | AMV_L1_TYPE_SECTION;
	rc = amv_walk(&regime, &port, 0xc0012345u, AMV_ACC_WRITE, &x, &f);
	if (rc != AMV_WALK_OK || x.pa != 0x80012345u) {
		fprintf(stderr, "amv_consumer: unexpected walk result %d\n", rc);
		return 1;
	}
	rc = amv_walk(&regime, &port, 0xc0012345u, AMV_ACC_READ | AMV_ACC_USER,
		      &x, &f);
	if (rc != AMV_WALK_FAULT || f.type != AMV_FAULT_PERMISSION) {
		fprintf(stderr, "amv_consumer: PL0 read should fault\n");
		return 1;
	}
	printf("amv_consumer: amv %d.%d.%d walks 0xc0012345 -> 0x%llx; "
	       "PL0 read faults as expected\n",
	       AMV_VERSION_MAJOR, AMV_VERSION_MINOR, AMV_VERSION_PATCH,
	       (unsigned long long)x.pa);
	return 0;
}
