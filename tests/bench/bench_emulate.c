/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Emulation micro-benchmark driver: `bench_emulate KIND N` emulates one
 * instruction N times on a vCPU (no shadow MMU attached, so CP15 writes
 * cost only their own emulation). run-bench-emulate.sh counts instructions
 * in measured_emulate (amv_emulate on a decoded instruction) and in
 * measured_trap (amv_decode + amv_emulate, what a trap costs the library).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <amv/amv.h>

int measured_emulate(struct amv_vcpu *v, const struct amv_insn *i);
int measured_trap(struct amv_vcpu *v, uint32_t word);

__attribute__((noinline)) int measured_emulate(struct amv_vcpu *v,
					       const struct amv_insn *i)
{
	return amv_emulate(v, i);
}

__attribute__((noinline)) int measured_trap(struct amv_vcpu *v, uint32_t word)
{
	struct amv_insn i;

	if (amv_decode(AMV_ISA_A32, word, &i) != 0)
		return -1;
	return amv_emulate(v, &i);
}

static const struct {
	const char *name;
	uint32_t word;
	uint32_t mode;
} kinds[] = {
	{"mrc-sctlr", 0xee110f10u, AMV_MODE_SVC},  /* mrc p15,0,r0,c1,c0,0 */
	{"mcr-tpidrprw", 0xee0d0f90u, AMV_MODE_SVC}, /* mcr p15,0,r0,c13,c0,4 */
	{"mrs-cpsr", 0xe10f3000u, AMV_MODE_SVC},
	{"msr-cpsr-c", 0xe121f001u, AMV_MODE_SVC},
	{"cps-id-i", 0xf10c0080u, AMV_MODE_SVC},
	{"subs-pc-lr", 0xe25ef004u, AMV_MODE_SVC},
	{"svc-inject", 0xef000000u, AMV_MODE_USR},
};

int main(int argc, char **argv)
{
	struct amv_vcpu v;
	struct amv_insn in;
	unsigned long n;
	unsigned int k;
	bool trap;

	if (argc != 4 || (strcmp(argv[3], "emulate") && strcmp(argv[3], "trap"))) {
		fprintf(stderr, "usage: bench_emulate KIND N emulate|trap\n");
		return 2;
	}
	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
		if (!strcmp(kinds[k].name, argv[1]))
			break;
	if (k == sizeof(kinds) / sizeof(kinds[0]))
		return 2;
	n = strtoul(argv[2], NULL, 0);
	trap = !strcmp(argv[3], "trap");
	amv_vcpu_reset(&v, 0, NULL, NULL);
	if (amv_decode(AMV_ISA_A32, kinds[k].word, &in) != 0)
		return 1;
	for (unsigned long i = 0; i < n; i++) {
		/* The same start state every time (not measured). */
		v.cpsr = kinds[k].mode | AMV_PSR_I_BIT;
		v.spsr[AMV_BANK_SVC - 1] = AMV_MODE_SVC | AMV_PSR_I_BIT;
		v.sp_lr[AMV_BANK_SVC][1] = 0x8004;
		v.r[1] = AMV_MODE_SVC | AMV_PSR_I_BIT;
		v.pc = 0x8000;
		if ((trap ? measured_trap(&v, kinds[k].word)
			  : measured_emulate(&v, &in)) < 0)
			return 1;
	}
	return 0;
}
