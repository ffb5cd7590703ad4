/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The benchmarks on the target ISA: the library cross-built for ARMv7-A
 * (-O3, as the monitor uses it) on QEMU's Cortex-A8, counting executed ARM
 * instructions. QEMU runs with -icount shift=0,sleep=off: every instruction
 * advances the virtual clock by 1 ns, and the board's 24 MHz counter
 * (SYS_24MHZ, realview-pb-a8) follows the virtual clock (QEMU-NOTES.md), so
 * instructions = ticks * 1000 / 24 over a loop of N operations, minus the
 * same loop calling an empty function. Deterministic run to run.
 */
#include <stdint.h>
#include <string.h>

#include <amv/amv.h>

#include "bm.h"
#include "board.h"

#define N 20000u

static volatile uint32_t *const ticks = (volatile uint32_t *)BM_SYSREG_24MHZ;

/* Guest RAM for the walks and fills: 1 MiB of this program's RAM. */
#define GRAM_PA (BM_RAM_BASE + 0x00400000u)
#define GRAM_BYTES 0x00100000u
#define GL1 0x4000u    /* guest L1 at GRAM + 16 KiB */
#define GL2 0x8000u    /* guest L2 tables, 1 KiB each */

static uint32_t *gram(uint32_t off)
{
	return (uint32_t *)(uintptr_t)(GRAM_PA + off);
}

static int gread(void *ctx, uint64_t pa, uint32_t *val)
{
	(void)ctx;
	if (pa >= GRAM_BYTES)
		return -AMV_EFAULT;
	*val = *gram((uint32_t)pa);
	return 0;
}

static int gwrite(void *ctx, uint64_t pa, uint32_t val)
{
	(void)ctx;
	if (pa >= GRAM_BYTES)
		return -AMV_EFAULT;
	*gram((uint32_t)pa) = val;
	return 0;
}

AMV_SHADOW_STORAGE(pool, 4, 80, 1024);

static uint32_t host_pa(void *ctx, const void *p)
{
	(void)ctx;
	return (uint32_t)(uintptr_t)p; /* flat, MMU off */
}

static void set_host_mmu(void *ctx, uint32_t t, uint32_t c, uint32_t d)
{
	(void)ctx;
	(void)t;
	(void)c;
	(void)d;
}

static void tlbi_all(void *ctx) { (void)ctx; }
static void tlbi_asid(void *ctx, uint8_t a) { (void)ctx; (void)a; }
static void tlbi_mva(void *ctx, uint32_t va, uint8_t a)
{
	(void)ctx;
	(void)va;
	(void)a;
}
static void tlbi_mvaa(void *ctx, uint32_t va) { (void)ctx; (void)va; }

static const struct amv_port_ops ops = {
	.read_phys32 = gread,
	.write_phys32 = gwrite,
	.host_pa = host_pa,
	.set_host_mmu = set_host_mmu,
	.tlbi_all = tlbi_all,
	.tlbi_asid = tlbi_asid,
	.tlbi_mva = tlbi_mva,
	.tlbi_mvaa = tlbi_mvaa,
};

static struct amv_regime reg;
static struct amv_shadow_vm vm;
static struct amv_asid_alloc asids;
static struct amv_vcpu vcpu;
static struct amv_insn insn;
static volatile uint32_t sink;

__attribute__((noinline)) static void op_empty(uint32_t i)
{
	sink = i;
}

__attribute__((noinline)) static void op_walk(uint32_t i)
{
	const struct amv_port port = {&ops, 0};
	struct amv_xlat x;
	struct amv_fault f;

	(void)i;
	sink = (uint32_t)amv_walk(&reg, &port, 0x00201234u,
				  AMV_ACC_WRITE | AMV_ACC_USER, &x, &f);
}

__attribute__((noinline)) static void op_fill(uint32_t i)
{
	struct amv_shadow_result res;

	/* A new 4 KiB page each time; 255 of 256 in a slot with an L2. */
	sink = (uint32_t)amv_shadow_fault(&vm, (i % (64u * 256u)) << 12,
					  AMV_ACC_READ, &res);
}

__attribute__((noinline)) static void op_emulate(uint32_t i)
{
	(void)i;
	vcpu.pc = 0x8000;
	sink = (uint32_t)amv_emulate(&vcpu, &insn);
}

__attribute__((noinline)) static void op_inject(uint32_t i)
{
	(void)i;
	vcpu.cpsr = AMV_MODE_USR;
	sink = (uint32_t)amv_inject(&vcpu, AMV_EXC_SVC, 0x8004, 0);
}

static uint32_t measure(void (*op)(uint32_t), void (*setup)(void))
{
	uint32_t t0, t1;

	if (setup)
		setup();
	t0 = *ticks;
	for (uint32_t i = 0; i < N; i++)
		op(i);
	t1 = *ticks;
	return t1 - t0;
}

static void fill_setup(void)
{
	static const struct amv_vm_region map[] = {
		{0, GRAM_BYTES, GRAM_PA, AMV_REGION_RAM},
	};
	struct amv_shadow_config cfg;

	memset(&cfg, 0, sizeof(cfg));
	cfg.port.ops = &ops;
	cfg.asids = &asids;
	cfg.storage = &pool;
	cfg.regions = map;
	cfg.n_regions = 1;
	cfg.monitor_domains = 1;
	cfg.monitor_dacr = 1;
	amv_asid_init(&asids, 0);
	amv_shadow_init(&vm, &cfg);
	amv_shadow_set_regime(&vm, &reg);
}

static void row(const char *name, uint32_t t, uint32_t base, uint32_t goal)
{
	/* ticks * 1000 / 24 ns = instructions; per operation. */
	uint32_t instr = (uint32_t)(((uint64_t)(t - base) * 1000u) / 24u / N);

	size_t k = 0;

	bm_puts(name);
	while (name[k] != '\0')
		k++;
	for (; k < 44; k++)
		bm_putc(' ');
	bm_putdec(instr);
	if (goal) {
		bm_puts("   (goal <= ");
		bm_putdec(goal);
		bm_putc(')');
	}
	bm_putc('\n');
}

int main(void)
{
	uint32_t base, t;

	/* Guest tables: VA [0, 64 MiB) small pages onto guest RAM pages
	 * (wrapping at 1 MiB),
	 * AP = 011, Normal WBWA, not global (as bench_walk/bench_shadow). */
	memset(gram(0), 0, GRAM_BYTES);
	for (uint32_t s = 0; s < 64; s++)
		gram(GL1)[s] = (GL2 + s * 0x400u) | AMV_L1_TYPE_TABLE |
			       (1u << AMV_L1_DOMAIN_SHIFT);
	for (uint32_t p = 0; p < 64 * 256; p++)
		gram(GL2)[p] = ((p << 12) & (GRAM_BYTES - 1u)) | AMV_L2_SMALL |
			       AMV_L2_NG | AMV_L2_C | AMV_L2_B |
			       (1u << AMV_L2_SMALL_TEX_SHIFT) |
			       (3u << AMV_L2_AP01_SHIFT);
	reg.sctlr = AMV_SCTLR_M | AMV_SCTLR_XP;
	reg.ttbr0 = GL1;
	reg.dacr = 0x55555555u;
	reg.contextidr = 1;

	bm_puts("amv on ARMv7-A (QEMU Cortex-A8, -icount): ARM instructions per operation\n");
	base = measure(op_empty, 0);
	row("walk, 2-level small page", measure(op_walk, 0), base, 150);
	t = measure(op_fill, fill_setup);
	row("lazy fill, 4 KiB page (slot has an L2)", t, base, 300);
	amv_vcpu_reset(&vcpu, 0, 0, 0);
	vcpu.cpsr = AMV_MODE_SVC;
	amv_decode(AMV_ISA_A32, 0xee110f10u, &insn); /* mrc SCTLR */
	row("emulate MRC SCTLR", measure(op_emulate, 0), base, 100);
	amv_decode(AMV_ISA_A32, 0xe10f3000u, &insn); /* mrs r3, cpsr */
	row("emulate MRS CPSR", measure(op_emulate, 0), base, 100);
	vcpu.r[1] = AMV_MODE_SVC;
	amv_decode(AMV_ISA_A32, 0xe121f001u, &insn); /* msr cpsr_c, r1 */
	row("emulate MSR CPSR_c", measure(op_emulate, 0), base, 100);
	amv_decode(AMV_ISA_A32, 0xf10c0080u, &insn); /* cpsid i */
	row("emulate CPSID I", measure(op_emulate, 0), base, 100);
	row("inject SVC", measure(op_inject, 0), base, 250);
	bm_exit(0);
}
