/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Walker micro-benchmark driver: `bench_walk KIND N` performs N walks of one
 * kind. run-bench.sh runs it under callgrind with collection limited to
 * amv_walk (callees included: the port's read hook counts too) and divides
 * the instruction count by N.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <amv/amv.h>

/*
 * Guest RAM as a port sees it: one contiguous region, tables inside it.
 * The read hook is what a real port does (bounds check, load).
 */
#define RAM_PA 0x00000000u
#define RAM_WORDS (64u * 1024u / 4u)
#define L1_PA 0x00004000u
#define L2_PA 0x00008000u

static uint32_t ram[RAM_WORDS];
static uint32_t *const l1 = &ram[(L1_PA - RAM_PA) / 4];
static uint32_t *const l2 = &ram[(L2_PA - RAM_PA) / 4];

static int ram_read32(void *ctx, uint64_t pa, uint32_t *val)
{
	(void)ctx;
	if (pa - RAM_PA >= sizeof(ram))
		return -AMV_EFAULT;
	*val = ram[(pa - RAM_PA) / 4];
	return 0;
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		uint32_t va, sctlr;
		unsigned int access;
	} kinds[] = {
		{"mmu-off", 0x00100000u, AMV_SCTLR_XP, AMV_ACC_READ},
		{"section", 0x00123456u, AMV_SCTLR_XP | AMV_SCTLR_M, AMV_ACC_READ},
		{"small-page", 0x00201234u, AMV_SCTLR_XP | AMV_SCTLR_M,
		 AMV_ACC_WRITE | AMV_ACC_USER},
		{"fault-l1", 0x00300000u, AMV_SCTLR_XP | AMV_SCTLR_M, AMV_ACC_READ},
		{"fault-l2", 0x00205000u, AMV_SCTLR_XP | AMV_SCTLR_M, AMV_ACC_READ},
	};
	static const struct amv_port_ops ops = {.read_phys32 = ram_read32};
	const struct amv_port port = {&ops, NULL};
	struct amv_regime r;
	struct amv_xlat x;
	struct amv_fault f;
	unsigned long n, i;
	unsigned int k;
	volatile uint64_t sink = 0;

	if (argc != 3) {
		fprintf(stderr, "usage: bench_walk KIND N\n");
		return 2;
	}
	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
		if (strcmp(argv[1], kinds[k].name) == 0)
			break;
	if (k == sizeof(kinds) / sizeof(kinds[0])) {
		fprintf(stderr, "bench_walk: unknown kind %s\n", argv[1]);
		return 2;
	}
	n = strtoul(argv[2], NULL, 0);

	l1[0x001] = 0x40000000u | (3u << AMV_L1_AP01_SHIFT) | AMV_L1_TYPE_SECTION;
	l1[0x002] = L2_PA | AMV_L1_TYPE_TABLE;
	l2[0x01] = 0x50001000u | (3u << AMV_L2_AP01_SHIFT) | AMV_L2_SMALL |
		   AMV_L2_C | AMV_L2_B;
	memset(&r, 0, sizeof(r));
	r.sctlr = kinds[k].sctlr;
	r.ttbr0 = L1_PA;
	r.dacr = 0x55555555u;

	for (i = 0; i < n; i++) {
		int rc = amv_walk(&r, &port, kinds[k].va, kinds[k].access, &x, &f);

		sink += rc == AMV_WALK_OK ? x.pa : f.type;
	}
	printf("%s %lu %llu\n", kinds[k].name, n, (unsigned long long)sink);
	return 0;
}
