/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Shadow MMU micro-benchmark driver: `bench_shadow KIND N` performs N
 * operations of one kind on a VM with a minimal port (the hooks a bare-metal
 * port has: address arithmetic, stores, no real TLB). run-bench-shadow.sh
 * runs it under callgrind with collection limited to the measured library
 * call and divides by N. `bench_shadow memory` prints the memory table.
 *
 * Kinds:
 *   fill-page     amv_shadow_fault() installing a 4 KiB page in a slot
 *                 whose L2 table exists (steady state)
 *   fill-l2       the same, for the first page of a slot (takes an L2)
 *   fill-section  a guest section installed as a host section
 *   switch        amv_shadow_set_regime() between cached address spaces
 *   tlbimva       amv_shadow_tlbi(MVA) of a filled page
 */
#define _POSIX_C_SOURCE 200112L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <amv/amv.h>

#define RAM_WORDS (32u * 1024u * 1024u / 4u) /* 32 MiB guest RAM at PA 0 */
#define RAM_HPA 0x80000000u
#define L1_HPA 0x10000000u
#define L2_HPA 0x20000000u
#define GL1_PA 0x00004000u  /* guest L1 tables: 16 KiB each */
#define GL2_PA 0x00100000u  /* guest L2 tables: 1 KiB each */
#define NPROC 8u
#define N_L1 (NPROC + 2u)
#define N_L2 512u

static uint32_t *ram;
/* Pools on the heap: valgrind 3.19 loses the symbol table of an executable
 * whose .bss needs 16 KiB alignment (AMV_SHADOW_STORAGE). */
static struct amv_shadow_l1 *pool_l1;
static struct amv_shadow_l2 *pool_l2;
static struct amv_shadow_l2info pool_l2i[N_L2];
static struct amv_shadow_as pool_as[N_L1];
static struct amv_shadow_rmap pool_rmap[4096];
static uint32_t pool_wp[4096];
static struct amv_shadow_storage pool;
static struct amv_asid_alloc asids;
static struct amv_shadow_vm vm;
static volatile uint32_t host_regs[3];

static int ram_read32(void *ctx, uint64_t pa, uint32_t *val)
{
	(void)ctx;
	if (pa >= RAM_WORDS * 4ull)
		return -AMV_EFAULT;
	*val = ram[pa / 4];
	return 0;
}

static int ram_write32(void *ctx, uint64_t pa, uint32_t val)
{
	(void)ctx;
	if (pa >= RAM_WORDS * 4ull)
		return -AMV_EFAULT;
	ram[pa / 4] = val;
	return 0;
}

static uint32_t host_pa(void *ctx, const void *p)
{
	const char *c = p;

	(void)ctx;
	if (c >= (const char *)pool_l1 && c < (const char *)(pool_l1 + N_L1))
		return L1_HPA + (uint32_t)(c - (const char *)pool_l1);
	return L2_HPA + (uint32_t)(c - (const char *)pool_l2);
}

static void set_host_mmu(void *ctx, uint32_t ttbr0, uint32_t ctxidr,
			 uint32_t dacr)
{
	(void)ctx;
	host_regs[0] = ttbr0;
	host_regs[1] = ctxidr;
	host_regs[2] = dacr;
}

static unsigned long tlbi_calls;
static void tlbi_all(void *ctx) { (void)ctx; tlbi_calls++; }
static void tlbi_asid(void *ctx, uint8_t a) { (void)ctx; (void)a; tlbi_calls++; }
static void tlbi_mva(void *ctx, uint32_t va, uint8_t a)
{
	(void)ctx;
	(void)va;
	(void)a;
	tlbi_calls++;
}
static void tlbi_mvaa(void *ctx, uint32_t va) { (void)ctx; (void)va; tlbi_calls++; }

static const struct amv_port_ops ops = {
	.read_phys32 = ram_read32,
	.write_phys32 = ram_write32,
	.host_pa = host_pa,
	.set_host_mmu = set_host_mmu,
	.tlbi_all = tlbi_all,
	.tlbi_asid = tlbi_asid,
	.tlbi_mva = tlbi_mva,
	.tlbi_mvaa = tlbi_mvaa,
};

/*
 * Guest: process p's L1 at GL1_PA + p * 16 KiB maps VA [0, 64 MiB) with
 * small pages through shared L2 tables (VA -> PA identity within guest RAM,
 * AP = 011, Normal WBWA, not global), and VA [0x40000000, +32 MiB) with
 * sections (AP = 001, global).
 */
static void build_guest(void)
{
	for (uint32_t p = 0; p < NPROC; p++) {
		uint32_t *l1 = &ram[(GL1_PA + p * 0x4000u) / 4];

		for (uint32_t s = 0; s < 64; s++)
			l1[s] = (GL2_PA + s * 0x400u) | AMV_L1_TYPE_TABLE |
				(1u << AMV_L1_DOMAIN_SHIFT);
		for (uint32_t s = 0; s < 32; s++)
			l1[0x400 + s] = (s << 20) | AMV_L1_TYPE_SECTION |
					(1u << AMV_L1_AP01_SHIFT) |
					(1u << AMV_L1_TEX_SHIFT) | AMV_L1_C |
					AMV_L1_B;
	}
	for (uint32_t i = 0; i < 64 * 256; i++)
		ram[GL2_PA / 4 + i] = ((i << 12) & (RAM_WORDS * 4 - 1)) |
				      AMV_L2_SMALL | AMV_L2_NG | AMV_L2_C |
				      AMV_L2_B | (1u << AMV_L2_SMALL_TEX_SHIFT) |
				      (3u << AMV_L2_AP01_SHIFT);
}

static struct amv_regime guest(uint32_t p)
{
	struct amv_regime r;

	memset(&r, 0, sizeof(r));
	r.sctlr = AMV_SCTLR_M | AMV_SCTLR_XP;
	r.ttbr0 = GL1_PA + p * 0x4000u;
	r.contextidr = p + 1;
	r.dacr = 0x55555555u;
	return r;
}

static void setup(unsigned int sync)
{
	static const struct amv_vm_region map[] = {
		{0, RAM_WORDS * 4ull, RAM_HPA, AMV_REGION_RAM},
	};
	struct amv_shadow_config cfg;
	struct amv_regime r = guest(0);
	void *l1, *l2;

	ram = calloc(RAM_WORDS, 4);
	if (ram == NULL || posix_memalign(&l1, 16384, N_L1 * sizeof(*pool_l1)) ||
	    posix_memalign(&l2, 1024, N_L2 * sizeof(*pool_l2)))
		exit(1);
	pool_l1 = l1;
	pool_l2 = l2;
	pool = (struct amv_shadow_storage){pool_l1, pool_as, N_L1, pool_l2,
					   pool_l2i, N_L2, pool_rmap, pool_wp,
					   4096};
	build_guest();
	memset(&cfg, 0, sizeof(cfg));
	cfg.port.ops = &ops;
	cfg.asids = &asids;
	cfg.storage = &pool;
	cfg.regions = map;
	cfg.n_regions = 1;
	cfg.monitor_domains = 1;
	cfg.monitor_dacr = 1;
	cfg.sync = sync;
	if (amv_asid_init(&asids, NULL) || amv_shadow_init(&vm, &cfg) ||
	    amv_shadow_set_regime(&vm, &r)) {
		fprintf(stderr, "bench_shadow: set-up failed\n");
		exit(1);
	}
}

/* The measured calls (callgrind collects inside these only). */
int measured_fault(uint32_t va);
int measured_switch(const struct amv_regime *r);
int measured_tlbi(uint32_t arg);

__attribute__((noinline)) int measured_fault(uint32_t va)
{
	struct amv_shadow_result res;

	return amv_shadow_fault(&vm, va, AMV_ACC_READ, &res);
}

__attribute__((noinline)) int measured_switch(const struct amv_regime *r)
{
	return amv_shadow_set_regime(&vm, r);
}

__attribute__((noinline)) int measured_tlbi(uint32_t arg)
{
	return amv_shadow_tlbi(&vm, AMV_TLBI_MVA, arg);
}

static size_t as_bytes(void)
{
	return sizeof(struct amv_shadow_l1) + sizeof(struct amv_shadow_as);
}

static size_t l2_bytes(void)
{
	return sizeof(struct amv_shadow_l2) + sizeof(struct amv_shadow_l2info);
}

static unsigned int l2_used(void)
{
	unsigned int n = 0;

	for (unsigned int i = 0; i < N_L2; i++)
		n += pool_l2i[i].owner >= 0;
	return n;
}

/* Memory per address space for a 1 MiB working set (256 pages). */
static void memory_table(void)
{
	struct amv_regime r;
	unsigned int n;

	printf("%-34s %8s %10s\n", "1 MiB working set", "L2 used", "bytes");
	setup(AMV_SYNC_TLB);
	for (uint32_t i = 0; i < 256; i++)
		measured_fault(i << 12);
	n = l2_used();
	printf("%-34s %8u %10zu\n", "256 contiguous pages", n,
	       as_bytes() + n * l2_bytes());
	r = guest(1);
	amv_shadow_set_regime(&vm, &r);
	for (uint32_t i = 0; i < 256; i++) /* 16 pages in each of 16 MiBs */
		measured_fault(((i / 16) << 22) | ((i % 16) << 12));
	n = l2_used() - n;
	printf("%-34s %8u %10zu\n", "16 MiBs x 16 pages", n,
	       as_bytes() + n * l2_bytes());
	r = guest(2);
	amv_shadow_set_regime(&vm, &r);
	measured_fault(0x40000000u);
	printf("%-34s %8u %10zu\n", "one guest section (host section)", 0u,
	       as_bytes());
	printf("(L1 %zu + book-keeping %zu bytes per address space; L2 %zu + %zu)\n",
	       sizeof(struct amv_shadow_l1), sizeof(struct amv_shadow_as),
	       sizeof(struct amv_shadow_l2), sizeof(struct amv_shadow_l2info));
}

int main(int argc, char **argv)
{
	unsigned long n, i;
	const char *kind;
	struct amv_regime r[NPROC];
	unsigned int drops;

	if (argc == 2 && !strcmp(argv[1], "memory")) {
		memory_table();
		return 0;
	}
	if (argc != 3) {
		fprintf(stderr, "usage: bench_shadow KIND N | memory\n");
		return 2;
	}
	kind = argv[1];
	n = strtoul(argv[2], NULL, 0);
	setup(AMV_SYNC_TLB);
	if (!strcmp(kind, "fill-page")) {
		/* 255 of every 256 fills land in a slot with an L2 already. */
		for (i = 0; i < n; i++)
			if (measured_fault((uint32_t)(i % (64 * 256)) << 12) !=
			    AMV_SHADOW_FILLED)
				return 1;
	} else if (!strcmp(kind, "fill-l2")) {
		for (i = 0; i < n; i++) {
			if (measured_fault((uint32_t)(i % 64) << 20) !=
			    AMV_SHADOW_FILLED)
				return 1;
			if (i % 64 == 63)
				amv_shadow_flush(&vm);
		}
	} else if (!strcmp(kind, "fill-section")) {
		for (i = 0; i < n; i++) {
			if (measured_fault(0x40000000u + ((uint32_t)(i % 32) << 20)) !=
			    AMV_SHADOW_FILLED)
				return 1;
			if (i % 32 == 31)
				amv_shadow_flush(&vm);
		}
	} else if (!strcmp(kind, "switch")) {
		for (uint32_t p = 0; p < NPROC; p++) {
			r[p] = guest(p);
			measured_switch(&r[p]);
			for (uint32_t k = 0; k < 64; k++)
				measured_fault(k << 12);
		}
		drops = vm.stats.drops;
		for (i = 0; i < n; i++)
			measured_switch(&r[i % NPROC]);
		if (vm.stats.drops != drops) {
			fprintf(stderr, "switches dropped %u entries\n",
				vm.stats.drops - drops);
			return 1;
		}
	} else if (!strcmp(kind, "tlbimva")) {
		for (uint32_t p = 0; p < NPROC; p++) {
			r[p] = guest(p);
			measured_switch(&r[p]);
		}
		for (i = 0; i < n; i++) {
			uint32_t va = (uint32_t)(i % 256) << 12;

			measured_fault(va);
			measured_tlbi(va | 8u);
		}
	} else {
		fprintf(stderr, "bench_shadow: unknown kind %s\n", kind);
		return 2;
	}
	return 0;
}
