/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Fuzz target for the A32 decoder: every 4-byte little-endian chunk of the
 * input goes through amv_decode() and amv_decode_class(); they must agree
 * on class and the classification flags, and every field must be in its
 * range (registers 0..15 or AMV_REG_NONE, size 0/1/2/4/8, class below
 * AMV_INSN_CLASS_COUNT, ...). Built as a libFuzzer target with clang
 * (target fuzz_decode) and, with replay.c, as fuzz_decode_replay, which
 * ctest runs over tests/fuzz/corpus/decode.
 */
#include <stdio.h>
#include <stdlib.h>

#include <amv/decode.h>
#include <amv/error.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CLASS_FLAGS (AMV_INSN_F_PRIVILEGED | AMV_INSN_F_SENSITIVE | \
		     AMV_INSN_F_EXC_RETURN | AMV_INSN_F_UNPREDICTABLE | \
		     AMV_INSN_F_UNDEFINED)

/* Not assert(): the property must hold in NDEBUG builds too. */
#define CHECK(cond, w)                                                        \
	do {                                                                  \
		if (!(cond)) {                                                \
			fprintf(stderr, "fuzz_decode: %08lx: %s\n",           \
				(unsigned long)(w), #cond);                   \
			abort();                                              \
		}                                                             \
	} while (0)

static int reg_ok(uint8_t r)
{
	return r <= 15 || r == AMV_REG_NONE;
}

static void check_word(uint32_t w)
{
	struct amv_insn in;
	uint32_t fl = 0xdeadbeefu;
	int rc, k;

	rc = amv_decode(AMV_ISA_A32, w, &in);
	k = amv_decode_class(AMV_ISA_A32, w, &fl);
	if (rc == -AMV_ENOTSUP) { /* decoder not there yet: both say so */
		CHECK(k == -AMV_ENOTSUP, w);
		return;
	}
	CHECK(rc == 0, w);
	CHECK(in.raw == w, w);
	CHECK(in.isa == AMV_ISA_A32, w);
	CHECK(in.cls < AMV_INSN_CLASS_COUNT, w);
	CHECK(k == (int)in.cls, w);
	CHECK((fl & CLASS_FLAGS) == (in.flags & CLASS_FLAGS), w);
	CHECK(amv_decode_class(AMV_ISA_A32, w, NULL) == k, w);
	CHECK(reg_ok(in.rd) && reg_ok(in.rn) && reg_ok(in.rm) && reg_ok(in.rs), w);
	CHECK(reg_ok(in.rt) && reg_ok(in.rt2), w);
	CHECK(in.size == 0 || in.size == 1 || in.size == 2 || in.size == 4 || in.size == 8, w);
	CHECK(in.cond <= 15, w);
	CHECK((in.cond == 15) == ((in.flags & AMV_INSN_F_UNCOND) != 0) ||
	      in.cls == AMV_INSN_UNDEFINED, w);
	CHECK(in.shift_type <= AMV_SHIFT_RRX, w);
	CHECK(in.cp <= 15 && in.crn <= 15 && in.crd <= 15 && in.crm <= 15 && in.opc1 <= 15 && in.opc2 <= 7, w);
	CHECK(in.mode <= 31 && in.sysm <= 31 && in.psr_mask <= 15, w);
	CHECK(amv_insn_class_name(in.cls) != NULL, w);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t i;

	for (i = 0; i + 4 <= size; i += 4)
		check_word((uint32_t)data[i] | (uint32_t)data[i + 1] << 8 |
			   (uint32_t)data[i + 2] << 16 | (uint32_t)data[i + 3] << 24);
	return 0;
}
