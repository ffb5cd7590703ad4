/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Fuzz target for decode + emulate: the input is an instruction word and a
 * vCPU state (registers, CPSR with a valid mode, SPSRs, CP15), run through
 * amv_decode() and amv_emulate() against 64 KiB of guest RAM (MMU on or off
 * as the input says). Properties, checked in every build:
 *  - the result is a documented status; -AMV_ENOTSUP leaves the vCPU as it
 *    was;
 *  - the vCPU's mode is always a mode of the core;
 *  - from User mode nothing but an exception entry leaves User mode or
 *    changes A/I/F (no privilege is gained by emulation);
 *  - the host CPSR the port would return with is User mode, A/I/F clear;
 *  - PC is aligned for the instruction set the CPSR selects.
 * Built like fuzz_decode: fuzz_emulate (clang, libFuzzer) and
 * fuzz_emulate_replay (ctest, over tests/fuzz/corpus/emulate).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <amv/amv.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond, w)                                                        \
	do {                                                                  \
		if (!(cond)) {                                                \
			fprintf(stderr, "fuzz_emulate: %08lx: %s\n",          \
				(unsigned long)(w), #cond);                   \
			abort();                                              \
		}                                                             \
	} while (0)

#define RAM_BYTES 0x10000u
static uint32_t ram[RAM_BYTES / 4];

static int ram_read(void *ctx, uint64_t pa, uint32_t *val)
{
	(void)ctx;
	if (pa >= RAM_BYTES)
		return -AMV_EFAULT;
	*val = ram[pa / 4];
	return 0;
}

static int ram_write(void *ctx, uint64_t pa, uint32_t val)
{
	(void)ctx;
	if (pa >= RAM_BYTES)
		return -AMV_EFAULT;
	ram[pa / 4] = val;
	return 0;
}

static const struct amv_port_ops ops = {.read_phys32 = ram_read,
					.write_phys32 = ram_write};

static const uint32_t modes[7] = {AMV_MODE_USR, AMV_MODE_FIQ, AMV_MODE_IRQ,
				  AMV_MODE_SVC, AMV_MODE_ABT, AMV_MODE_UND,
				  AMV_MODE_SYS};

static uint32_t take32(const uint8_t **p, size_t *n)
{
	uint32_t w = 0;

	for (unsigned int k = 0; k < 4 && *n > 0; k++, (*p)++, (*n)--)
		w |= (uint32_t)**p << (8 * k);
	return w;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct amv_vcpu v, before;
	const struct amv_port port = {&ops, NULL};
	struct amv_insn in;
	uint32_t word, mode0, sel;
	int rc;

	if (size < 8)
		return 0;
	word = take32(&data, &size);
	sel = take32(&data, &size);
	amv_vcpu_reset(&v, AMV_VCPU_VBAR | AMV_VCPU_VFP, &port, NULL);
	for (unsigned int i = 0; i < 13; i++)
		v.r[i] = take32(&data, &size);
	for (unsigned int b = 0; b < AMV_BANK_COUNT; b++) {
		v.sp_lr[b][0] = take32(&data, &size);
		v.sp_lr[b][1] = take32(&data, &size);
	}
	for (unsigned int b = 0; b < AMV_BANK_COUNT - 1; b++)
		v.spsr[b] = take32(&data, &size);
	v.cpsr = (take32(&data, &size) & ~(AMV_PSR_MODE_MASK | AMV_PSR_T)) |
		 modes[(sel & 0xffu) % 7u];
	v.cp15.sctlr = take32(&data, &size) | AMV_SCTLR_XP;
	v.cp15.ttbcr = take32(&data, &size) & 0x37u;
	v.cp15.ttbr0 = take32(&data, &size);
	v.cp15.dacr = take32(&data, &size);
	v.irq_line = (sel >> 8) & 1u;
	v.fiq_line = (sel >> 9) & 1u;
	v.pc = (sel >> 10) & 0xfffcu;
	for (unsigned int i = 0; i < 64 && size >= 4; i++)
		ram[(sel + 4u * i) % (RAM_BYTES / 4)] = take32(&data, &size);

	if (amv_decode(AMV_ISA_A32, word, &in) != 0)
		return 0;
	mode0 = v.cpsr & AMV_PSR_MODE_MASK;
	before = v;
	rc = amv_emulate(&v, &in);
	CHECK(rc == AMV_EMU_DONE || rc == AMV_EMU_EXCEPTION ||
		      rc == AMV_EMU_WFI || rc == -AMV_ENOTSUP,
	      word);
	if (rc == -AMV_ENOTSUP)
		CHECK(memcmp(&v, &before, sizeof(v)) == 0, word);
	CHECK(amv_mode_valid(v.cpsr & AMV_PSR_MODE_MASK), word);
	if (mode0 == AMV_MODE_USR && rc != AMV_EMU_EXCEPTION)
		CHECK((v.cpsr & AMV_PSR_MODE_MASK) == AMV_MODE_USR &&
			      ((v.cpsr ^ before.cpsr) &
			       (AMV_PSR_A_BIT | AMV_PSR_I_BIT | AMV_PSR_F_BIT)) == 0,
		      word);
	CHECK((amv_vcpu_to_host(&v) &
	       (AMV_PSR_MODE_MASK | AMV_PSR_A_BIT | AMV_PSR_I_BIT |
		AMV_PSR_F_BIT)) == AMV_MODE_USR,
	      word);
	CHECK((v.pc & ((v.cpsr & AMV_PSR_T) ? 1u : 3u)) == 0 ||
		      rc == -AMV_ENOTSUP,
	      word);
	return 0;
}
