/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The A32 decoder against the ARMv7 ARM (DDI 0406C): encodings typed by
 * hand (checked with arm-none-eabi-as), fields and flags as the ARM ARM
 * pseudocode and docs/decode.md (PL0 policy) state them; plus table
 * properties: every row reachable, index = linear scan, amv_decode_class()
 * = amv_decode() on random words (seed printed, AMV_SEED replays).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <amv/decode.h>
#include <amv/error.h>

#include "prng.h"

#define PRIV AMV_INSN_F_PRIVILEGED
#define SENS AMV_INSN_F_SENSITIVE
#define EXCRET AMV_INSN_F_EXC_RETURN
#define USES_PC AMV_INSN_F_USES_PC
#define WRITES_PC AMV_INSN_F_WRITES_PC
#define UNP AMV_INSN_F_UNPREDICTABLE
#define UNDEF AMV_INSN_F_UNDEFINED
#define CLASS_FLAGS (PRIV | SENS | EXCRET | UNP | UNDEF)
#define NONE AMV_REG_NONE

/* The decoder's rows (lib/decode_a32_rows.h), mask/value/class/static flags
 * only: the test's own linear first-match reference. */
struct trow {
	uint32_t mask, value, flags;
	int cls;
};

#define ROW(m, v, c, a, f, l, r) {(m), (v), (f), AMV_INSN_##c},
static const struct trow trows[] = {
#include "../../lib/decode_a32_rows.h"
};
#undef ROW

#define NTROWS (sizeof(trows) / sizeof(trows[0]))

/* The floating-point and Advanced SIMD rows' refine functions apply the
 * UNDEFINED conditions of each instruction's decode pseudocode (A8.8):
 * such a row's word may decode as class UNDEFINED with only
 * AMV_INSN_F_UNDEFINED. No other row turns UNDEFINED. */
static int row_may_refine_to_undefined(unsigned int i)
{
	return trows[i].cls == AMV_INSN_VFP || trows[i].cls == AMV_INSN_NEON;
}

static int refined_to_undefined(unsigned int i, int cls, uint32_t f)
{
	return row_may_refine_to_undefined(i) && cls == AMV_INSN_UNDEFINED &&
	       f == UNDEF;
}

static int linear_row(uint32_t w)
{
	unsigned int i;
	int uncond = (w >> 28) == 0xfu;

	for (i = 0; i < NTROWS; i++) {
		if (((trows[i].mask >> 28) != 0) != uncond)
			continue;
		if ((w & trows[i].mask) == trows[i].value)
			return (int)i;
	}
	return -1;
}

static uint32_t seed_of(void)
{
	const char *env = getenv("AMV_SEED");
	uint32_t seed = env != NULL ? (uint32_t)strtoul(env, NULL, 0)
				    : 0x5eed1234u;

	printf("test_decode: seed %u (replay: AMV_SEED=%u)\n", seed, seed);
	return seed;
}

static struct amv_insn dec(uint32_t w)
{
	struct amv_insn in;

	memset(&in, 0xa5, sizeof(in));
	assert_int_equal(amv_decode(AMV_ISA_A32, w, &in), 0);
	return in;
}

static void expect_class(uint32_t w, int cls, uint32_t flags_set,
			 uint32_t flags_clear)
{
	struct amv_insn in = dec(w);

	if (in.cls != cls || (in.flags & flags_set) != flags_set ||
	    (in.flags & flags_clear) != 0)
		print_error("word %08x: class %s flags %05x, want %s +%05x "
			    "-%05x\n",
			    w, amv_insn_class_name(in.cls), in.flags,
			    amv_insn_class_name((unsigned int)cls), flags_set,
			    flags_clear);
	assert_int_equal(in.cls, cls);
	assert_int_equal(in.flags & flags_set, flags_set);
	assert_int_equal(in.flags & flags_clear, 0);
}

/* ------------------------------------------------------------ misuse */

static void null_out_or_unknown_isa_is_einval(void **state)
{
	struct amv_insn in;
	uint32_t f;

	(void)state;
	assert_int_equal(amv_decode(AMV_ISA_A32, 0xe1a00000u, NULL),
			 -AMV_EINVAL);
	assert_int_equal(amv_decode((enum amv_isa)7, 0xe1a00000u, &in),
			 -AMV_EINVAL);
	assert_int_equal(amv_decode_class((enum amv_isa)7, 0xe1a00000u, &f),
			 -AMV_EINVAL);
}

static void t32_is_not_supported_yet(void **state)
{
	struct amv_insn in;
	uint32_t f;

	(void)state;
	assert_int_equal(amv_decode(AMV_ISA_T32, 0xbf00u, &in), -AMV_ENOTSUP);
	assert_int_equal(amv_decode_class(AMV_ISA_T32, 0xbf00u, &f),
			 -AMV_ENOTSUP);
	assert_int_equal(amv_decode(AMV_ISA_T32, 0xbf00u, NULL), -AMV_EINVAL);
}

static void class_flags_pointer_may_be_null(void **state)
{
	(void)state;
	assert_int_equal(amv_decode_class(AMV_ISA_A32, 0xee010f10u, NULL),
			 AMV_INSN_MCR);
}

static void class_names_are_distinct_and_others_are_question_mark(void **state)
{
	unsigned int i, j;

	(void)state;
	assert_string_equal(amv_insn_class_name(AMV_INSN_MCR), "MCR");
	assert_string_equal(amv_insn_class_name(AMV_INSN_LDRT), "LDRT");
	assert_string_equal(amv_insn_class_name(AMV_INSN_DP), "DP");
	assert_string_equal(amv_insn_class_name(AMV_INSN_UNDEFINED),
			    "UNDEFINED");
	assert_string_equal(amv_insn_class_name(AMV_INSN_NEON), "NEON");
	assert_string_equal(amv_insn_class_name(AMV_INSN_CLASS_COUNT), "?");
	assert_string_equal(amv_insn_class_name(0xffffffffu), "?");
	for (i = 0; i < AMV_INSN_CLASS_COUNT; i++) {
		assert_non_null(amv_insn_class_name(i));
		assert_string_not_equal(amv_insn_class_name(i), "?");
		for (j = 0; j < i; j++)
			assert_string_not_equal(amv_insn_class_name(i),
						amv_insn_class_name(j));
	}
}

/* ------------------------------------------------------------ table */

static void every_row_is_reached_by_some_word(void **state)
{
	struct prng p;
	unsigned int i;

	(void)state;
	prng_seed(&p, seed_of());
	for (i = 0; i < NTROWS; i++) {
		unsigned int tries;
		int reached = 0;

		for (tries = 0; tries < 200000 && !reached; tries++) {
			uint32_t w = (prng_next(&p) & ~trows[i].mask) |
				     trows[i].value;
			uint32_t f;
			int cls;

			if ((trows[i].mask >> 28) == 0 && (w >> 28) == 0xfu)
				w &= 0xefffffffu;
			if (linear_row(w) != (int)i)
				continue;
			cls = amv_decode_class(AMV_ISA_A32, w, &f);
			if (cls != trows[i].cls &&
			    refined_to_undefined(i, cls, f))
				continue;
			reached = 1;
			assert_int_equal(cls, trows[i].cls);
			assert_int_equal(f & trows[i].flags & CLASS_FLAGS,
					 trows[i].flags & CLASS_FLAGS);
		}
		if (!reached)
			print_error("row %u (%08x/%08x) never reached\n", i,
				    trows[i].mask, trows[i].value);
		assert_true(reached);
	}
}

static void index_lookup_agrees_with_linear_first_match(void **state)
{
	struct prng p;
	unsigned int i;

	(void)state;
	prng_seed(&p, seed_of() ^ 0x1u);
	for (i = 0; i < 400000; i++) {
		uint32_t w = prng_next(&p), f;
		int r, cls;

		if (i & 1u)
			w = (w & 0x0fffffffu) | (i & 2u ? 0xe0000000u : 0xf0000000u);
		r = linear_row(w);
		cls = amv_decode_class(AMV_ISA_A32, w, &f);
		if (r < 0) {
			assert_int_equal(cls, AMV_INSN_UNDEFINED);
			assert_int_equal(f, UNDEF);
		} else if (!refined_to_undefined((unsigned int)r, cls, f)) {
			if (cls != trows[r].cls)
				print_error("word %08x: row %d\n", w, r);
			assert_int_equal(cls, trows[r].cls);
		}
	}
}

static void decode_class_equals_decode_on_random_words(void **state)
{
	struct prng p;
	unsigned int i;

	(void)state;
	prng_seed(&p, seed_of() ^ 0x2u);
	for (i = 0; i < 1500000; i++) {
		uint32_t w = prng_next(&p), f = 0;
		struct amv_insn in;
		int cls;

		switch (i & 3u) {
		case 1: /* cond = AL */
			w = (w & 0x0fffffffu) | 0xe0000000u;
			break;
		case 2: /* unconditional space */
			w |= 0xf0000000u;
			break;
		default:
			break;
		}
		cls = amv_decode_class(AMV_ISA_A32, w, &f);
		assert_int_equal(amv_decode(AMV_ISA_A32, w, &in), 0);
		if (cls != in.cls || f != (in.flags & CLASS_FLAGS))
			print_error("word %08x: class %d/%d flags %05x/%05x\n",
				    w, cls, in.cls, f, in.flags);
		assert_int_equal(cls, in.cls);
		assert_int_equal(f, in.flags & CLASS_FLAGS);
		/* struct invariants */
		assert_int_equal(in.raw, w);
		assert_int_equal(in.isa, AMV_ISA_A32);
		assert_int_equal(in.cond, w >> 28);
		assert_int_equal(!!(in.flags & AMV_INSN_F_UNCOND),
				 (w >> 28) == 0xfu);
		assert_true(in.rd < 16 || in.rd == NONE);
		assert_true(in.rn < 16 || in.rn == NONE);
		assert_true(in.rm < 16 || in.rm == NONE);
		assert_true(in.rs < 16 || in.rs == NONE);
		assert_true(in.rt < 16 || in.rt == NONE);
		assert_true(in.rt2 < 16 || in.rt2 == NONE);
		assert_true(in.shift_type <= AMV_SHIFT_RRX);
		assert_true(in.cls < AMV_INSN_CLASS_COUNT);
		if (in.cls == AMV_INSN_UNDEFINED) {
			assert_int_equal(in.flags & (PRIV | SENS | EXCRET), 0);
			assert_true(in.flags & UNDEF);
		}
		if (in.flags & EXCRET)
			assert_true(in.flags & WRITES_PC);
	}
}

/* ------------------------------------------------------------ fields */

static void unused_fields_are_none_or_zero(void **state)
{
	struct amv_insn in = dec(0xea000000u); /* b .+8 */

	(void)state;
	assert_int_equal(in.cls, AMV_INSN_B);
	assert_int_equal(in.raw, 0xea000000u);
	assert_int_equal(in.imm, 0);
	assert_int_equal(in.flags, WRITES_PC);
	assert_int_equal(in.reglist, 0);
	assert_int_equal(in.isa, AMV_ISA_A32);
	assert_int_equal(in.cond, 0xe);
	assert_int_equal(in.op, 0);
	assert_int_equal(in.rd, NONE);
	assert_int_equal(in.rn, NONE);
	assert_int_equal(in.rm, NONE);
	assert_int_equal(in.rs, NONE);
	assert_int_equal(in.rt, NONE);
	assert_int_equal(in.rt2, NONE);
	assert_int_equal(in.shift_type, 0);
	assert_int_equal(in.shift_imm, 0);
	assert_int_equal(in.size, 0);
	assert_int_equal(in.cp, 0);
	assert_int_equal(in.opc1, 0);
	assert_int_equal(in.crn, 0);
	assert_int_equal(in.crm, 0);
	assert_int_equal(in.opc2, 0);
	assert_int_equal(in.psr_mask, 0);
	assert_int_equal(in.sysm, 0);
	assert_int_equal(in.mode, 0);

	in = dec(0xe7f000f0u | 0x000fff0fu); /* udf #0xffff */
	assert_int_equal(in.cls, AMV_INSN_UDF);
	assert_int_equal(in.imm, 0xffffu);
	assert_int_equal(in.flags, UNDEF);
}

static void dp_modified_immediate_is_expanded(void **state)
{
	struct amv_insn in;

	(void)state;
	in = dec(0xe2821fffu); /* add r1, r2, #0x3fc */
	assert_int_equal(in.cls, AMV_INSN_DP);
	assert_int_equal(in.op, AMV_DP_ADD);
	assert_int_equal(in.rd, 1);
	assert_int_equal(in.rn, 2);
	assert_int_equal(in.rm, NONE);
	assert_int_equal(in.imm, 0x3fcu);
	assert_int_equal(in.flags, 0);
	in = dec(0xe3b00106u); /* movs r0, #0x80000001 */
	assert_int_equal(in.op, AMV_DP_MOV);
	assert_int_equal(in.rn, NONE);
	assert_int_equal(in.imm, 0x80000001u);
	assert_int_equal(in.flags, AMV_INSN_F_SETFLAGS);
	in = dec(0xe3510005u); /* cmp r1, #5: no Rd */
	assert_int_equal(in.op, AMV_DP_CMP);
	assert_int_equal(in.rd, NONE);
	assert_int_equal(in.rn, 1);
	assert_int_equal(in.imm, 5);
}

static void dp_immediate_shifts_decode_like_decode_imm_shift(void **state)
{
	struct amv_insn in;

	(void)state;
	in = dec(0xe0810182u); /* add r0, r1, r2, lsl #3 */
	assert_int_equal(in.rm, 2);
	assert_int_equal(in.shift_type, AMV_SHIFT_LSL);
	assert_int_equal(in.shift_imm, 3);
	assert_int_equal(in.flags, AMV_INSN_F_REG_OFFSET);
	in = dec(0xe1a00061u); /* rrx r0, r1 (ROR #0) */
	assert_int_equal(in.op, AMV_DP_MOV);
	assert_int_equal(in.shift_type, AMV_SHIFT_RRX);
	assert_int_equal(in.shift_imm, 1);
	in = dec(0xe1a00021u); /* lsr r0, r1, #32 (imm5 = 0) */
	assert_int_equal(in.shift_type, AMV_SHIFT_LSR);
	assert_int_equal(in.shift_imm, 32);
	in = dec(0xe1b030c4u); /* asrs r3, r4, #1 */
	assert_int_equal(in.shift_type, AMV_SHIFT_ASR);
	assert_int_equal(in.shift_imm, 1);
	assert_int_equal(in.rd, 3);
	assert_int_equal(in.rm, 4);
	assert_int_equal(in.flags & AMV_INSN_F_SETFLAGS, AMV_INSN_F_SETFLAGS);
}

static void dp_register_shifted_register_sets_reg_shift(void **state)
{
	struct amv_insn in;

	(void)state;
	in = dec(0xe0810312u); /* add r0, r1, r2, lsl r3 */
	assert_int_equal(in.rd, 0);
	assert_int_equal(in.rn, 1);
	assert_int_equal(in.rm, 2);
	assert_int_equal(in.rs, 3);
	assert_int_equal(in.shift_type, AMV_SHIFT_LSL);
	assert_int_equal(in.flags, AMV_INSN_F_REG_OFFSET | AMV_INSN_F_REG_SHIFT);
	in = dec(0xe1120473u); /* tst r2, r3, ror r4 */
	assert_int_equal(in.op, AMV_DP_TST);
	assert_int_equal(in.rd, NONE);
	assert_int_equal(in.shift_type, AMV_SHIFT_ROR);
	assert_int_equal(in.rs, 4);
}

static void register_shifted_register_with_pc_is_unpredictable(void **state)
{
	(void)state;
	expect_class(0xe081f312u, AMV_INSN_DP, UNP | USES_PC | WRITES_PC, 0);
	expect_class(0xe08f0312u, AMV_INSN_DP, UNP | USES_PC, 0);
	expect_class(0xe081031fu, AMV_INSN_DP, UNP | USES_PC, 0);
	expect_class(0xe0810f12u, AMV_INSN_DP, UNP | USES_PC, 0);
	expect_class(0xe0810312u, AMV_INSN_DP, 0, UNP | USES_PC);
}

static void sbz_fields_not_zero_are_unpredictable(void **state)
{
	(void)state;
	/* mov r0, r1 with Rn = r2 (SBZ) */
	expect_class(0xe1a20001u, AMV_INSN_DP, UNP, 0);
	/* cmp r1, #5 with Rd = r3 (SBZ) */
	expect_class(0xe3513005u, AMV_INSN_DP, UNP, 0);
	/* bx lr with bit 8 (SBO) clear */
	expect_class(0xe12ffe1eu, AMV_INSN_BX, UNP, 0);
	expect_class(0xe12fff1eu, AMV_INSN_BX, WRITES_PC, UNP);
	/* mrs r0, cpsr with [19:16] not 1111 */
	expect_class(0xe1000000u, AMV_INSN_MRS, UNP, 0);
	/* nop with [11:8] not zero */
	expect_class(0xe320f100u, AMV_INSN_NOP, UNP, 0);
	/* dmb ish with [11:8] not zero */
	expect_class(0xf57ff15bu, AMV_INSN_DMB, UNP, 0);
	/* ldrex r0, [r1] with [3:0] not 1111 */
	expect_class(0xe1910f90u, AMV_INSN_LDREX, UNP, 0);
}

static void movw_movt_take_imm16(void **state)
{
	struct amv_insn in;

	(void)state;
	in = dec(0xe30b0eefu); /* movw r0, #0xbeef */
	assert_int_equal(in.cls, AMV_INSN_MOVW);
	assert_int_equal(in.rd, 0);
	assert_int_equal(in.imm, 0xbeefu);
	in = dec(0xe3411234u); /* movt r1, #0x1234 */
	assert_int_equal(in.cls, AMV_INSN_MOVT);
	assert_int_equal(in.rd, 1);
	assert_int_equal(in.imm, 0x1234u);
	expect_class(0xe340f000u, AMV_INSN_MOVT, UNP, 0); /* movt pc */
}

static void branch_offsets_are_signed_bytes(void **state)
{
	struct amv_insn in;

	(void)state;
	in = dec(0xeafffffeu); /* b . */
	assert_int_equal(in.cls, AMV_INSN_B);
	assert_int_equal(in.imm, (uint32_t)-8);
	in = dec(0xeb00003eu); /* bl .+0x100 */
	assert_int_equal(in.cls, AMV_INSN_BL);
	assert_int_equal(in.imm, 0xf8u);
	in = dec(0xfbffffbdu); /* blx .-0x102 (H = 1) */
	assert_int_equal(in.cls, AMV_INSN_BLX_IMM);
	assert_int_equal(in.imm, (uint32_t)-0x10a);
	assert_int_equal(in.cond, 0xf);
	assert_int_equal(in.flags, WRITES_PC | AMV_INSN_F_UNCOND);
	in = dec(0x0a800000u); /* beq with the most negative offset */
	assert_int_equal(in.imm, 0xfe000000u);
	assert_int_equal(in.cond, 0);
}

static void bx_blx_bxj_take_rm(void **state)
{
	struct amv_insn in;

	(void)state;
	in = dec(0xe12fff1eu); /* bx lr */
	assert_int_equal(in.cls, AMV_INSN_BX);
	assert_int_equal(in.rm, 14);
	in = dec(0x112fff30u); /* blxne r0 */
	assert_int_equal(in.cls, AMV_INSN_BLX_REG);
	assert_int_equal(in.rm, 0);
	assert_int_equal(in.cond, 1);
	in = dec(0xe12fff22u); /* bxj r2 */
	assert_int_equal(in.cls, AMV_INSN_BXJ);
	assert_int_equal(in.rm, 2);
	expect_class(0xe12fff3fu, AMV_INSN_BLX_REG, UNP | USES_PC, 0);
	expect_class(0xe12fff1fu, AMV_INSN_BX, USES_PC, UNP); /* bx pc */
}

static void word_and_byte_loads_stores_decode_addressing(void **state)
{
	struct amv_insn in;
	const uint32_t LD = AMV_INSN_F_LOAD, ST = AMV_INSN_F_STORE;

	(void)state;
	in = dec(0xe5310004u); /* ldr r0, [r1, #-4]! */
	assert_int_equal(in.cls, AMV_INSN_LDR);
	assert_int_equal(in.rt, 0);
	assert_int_equal(in.rn, 1);
	assert_int_equal(in.rm, NONE);
	assert_int_equal(in.imm, 4);
	assert_int_equal(in.size, 4);
	assert_int_equal(in.flags, LD | AMV_INSN_F_INDEX | AMV_INSN_F_WBACK);
	in = dec(0xe6832104u); /* str r2, [r3], r4, lsl #2 */
	assert_int_equal(in.cls, AMV_INSN_STR);
	assert_int_equal(in.rm, 4);
	assert_int_equal(in.shift_type, AMV_SHIFT_LSL);
	assert_int_equal(in.shift_imm, 2);
	assert_int_equal(in.flags, ST | AMV_INSN_F_ADD | AMV_INSN_F_WBACK |
					   AMV_INSN_F_REG_OFFSET);
	in = dec(0xe7d65047u); /* ldrb r5, [r6, r7, asr #32] */
	assert_int_equal(in.size, 1);
	assert_int_equal(in.shift_type, AMV_SHIFT_ASR);
	assert_int_equal(in.shift_imm, 32);
	assert_int_equal(in.flags, LD | AMV_INSN_F_INDEX | AMV_INSN_F_ADD |
					   AMV_INSN_F_REG_OFFSET);
	in = dec(0xe7821063u); /* str r1, [r2, r3, rrx] */
	assert_int_equal(in.shift_type, AMV_SHIFT_RRX);
	in = dec(0xe51ff008u); /* ldr pc, [pc, #-8] */
	assert_int_equal(in.rt, 15);
	assert_int_equal(in.rn, 15);
	assert_int_equal(in.flags, LD | AMV_INSN_F_INDEX | USES_PC | WRITES_PC);
}

static void ldr_writeback_with_rn_equal_rt_is_unpredictable(void **state)
{
	(void)state;
	expect_class(0xe5b11004u, AMV_INSN_LDR, UNP, 0); /* ldr r1, [r1, #4]! */
	expect_class(0xe4911004u, AMV_INSN_LDR, UNP, 0); /* ldr r1, [r1], #4 */
	expect_class(0xe5911004u, AMV_INSN_LDR, 0, UNP); /* ldr r1, [r1, #4] */
	expect_class(0xe5af1004u, AMV_INSN_STR, UNP, 0); /* str r1, [pc, #4]! */
	expect_class(0xe7910002u, AMV_INSN_LDR, 0, UNP); /* ldr r0, [r1, r2] */
	expect_class(0xe791000fu, AMV_INSN_LDR, UNP, 0); /* ldr r0, [r1, pc] */
	expect_class(0xe5d1f000u, AMV_INSN_LDR, UNP, 0); /* ldrb pc, [r1] */
}

static void halfword_signed_and_dual_forms(void **state)
{
	struct amv_insn in;

	(void)state;
	in = dec(0xe1d100b2u); /* ldrh r0, [r1, #2] */
	assert_int_equal(in.cls, AMV_INSN_LDR);
	assert_int_equal(in.size, 2);
	assert_int_equal(in.imm, 2);
	assert_int_equal(in.flags, AMV_INSN_F_LOAD | AMV_INSN_F_INDEX |
					   AMV_INSN_F_ADD);
	in = dec(0xe11100d2u); /* ldrsb r0, [r1, -r2] */
	assert_int_equal(in.size, 1);
	assert_int_equal(in.rm, 2);
	assert_int_equal(in.flags, AMV_INSN_F_LOAD | AMV_INSN_F_INDEX |
					   AMV_INSN_F_SIGNED |
					   AMV_INSN_F_REG_OFFSET);
	in = dec(0xe1e420d8u); /* ldrd r2, r3, [r4, #8]! */
	assert_int_equal(in.size, 8);
	assert_int_equal(in.rt, 2);
	assert_int_equal(in.rt2, 3);
	assert_int_equal(in.rn, 4);
	assert_int_equal(in.imm, 8);
	assert_int_equal(in.flags, AMV_INSN_F_LOAD | AMV_INSN_F_INDEX |
					   AMV_INSN_F_ADD | AMV_INSN_F_WBACK);
	in = dec(0xe00640f7u); /* strd r4, r5, [r6], -r7 */
	assert_int_equal(in.cls, AMV_INSN_STR);
	assert_int_equal(in.rt2, 5);
	assert_int_equal(in.rm, 7);
	assert_int_equal(in.flags, AMV_INSN_F_STORE | AMV_INSN_F_WBACK |
					   AMV_INSN_F_REG_OFFSET);
	in = dec(0xe0598fffu); /* ldrsh r8, [r9], #-255 */
	assert_int_equal(in.imm, 255);
	assert_int_equal(in.size, 2);
	in = dec(0xe14211b2u); /* strh r1, [r2, #-18] */
	assert_int_equal(in.cls, AMV_INSN_STR);
	assert_int_equal(in.imm, 18);
}

static void ldrd_odd_rt_is_unpredictable(void **state)
{
	(void)state;
	expect_class(0xe1c010d0u, AMV_INSN_LDR, UNP, 0); /* ldrd r1, r2, [r0] */
	expect_class(0xe1c020d0u, AMV_INSN_LDR, 0, UNP); /* ldrd r2, r3, [r0] */
	expect_class(0xe1c0e0d0u, AMV_INSN_LDR, UNP, 0); /* ldrd lr, pc */
	expect_class(0xe1c010f0u, AMV_INSN_STR, UNP, 0); /* strd r1, r2 */
	expect_class(0xe18020d2u, AMV_INSN_LDR, UNP, 0); /* ldrd r2, r3, [r0, r2] */
	/* P = 0, W = 1 (A5.2.9 space, op = 0): LDRD writeback form */
	expect_class(0xe0e020d8u, AMV_INSN_LDR, UNP, 0);
}

static void exclusives_and_swp(void **state)
{
	struct amv_insn in;

	(void)state;
	in = dec(0xe1910f9fu); /* ldrex r0, [r1] */
	assert_int_equal(in.cls, AMV_INSN_LDREX);
	assert_int_equal(in.rt, 0);
	assert_int_equal(in.rn, 1);
	assert_int_equal(in.size, 4);
	assert_int_equal(in.flags, AMV_INSN_F_LOAD);
	in = dec(0xe1842f93u); /* strex r2, r3, [r4] */
	assert_int_equal(in.cls, AMV_INSN_STREX);
	assert_int_equal(in.rd, 2);
	assert_int_equal(in.rt, 3);
	assert_int_equal(in.rn, 4);
	assert_int_equal(in.flags, AMV_INSN_F_STORE);
	in = dec(0xe1b20f9fu); /* ldrexd r0, r1, [r2] */
	assert_int_equal(in.size, 8);
	assert_int_equal(in.rt2, 1);
	in = dec(0xe1a63f94u); /* strexd r3, r4, r5, [r6] */
	assert_int_equal(in.size, 8);
	assert_int_equal(in.rt, 4);
	assert_int_equal(in.rt2, 5);
	in = dec(0xe1d10f9fu); /* ldrexb */
	assert_int_equal(in.size, 1);
	in = dec(0xe1e20f91u); /* strexh r0, r1, [r2] */
	assert_int_equal(in.size, 2);
	in = dec(0xe1453094u); /* swpb r3, r4, [r5] */
	assert_int_equal(in.cls, AMV_INSN_SWP);
	assert_int_equal(in.rt, 3);
	assert_int_equal(in.rt2, 4);
	assert_int_equal(in.rn, 5);
	assert_int_equal(in.size, 1);
	assert_int_equal(in.flags, AMV_INSN_F_LOAD | AMV_INSN_F_STORE);
	expect_class(0xe1020091u, AMV_INSN_SWP, 0, UNP); /* swp r0, r1, [r2] */
	expect_class(0xe1000091u, AMV_INSN_SWP, UNP, 0); /* swp r0, r1, [r0] */
}

static void strex_rd_equal_rn_or_rt_is_unpredictable(void **state)
{
	(void)state;
	expect_class(0xe1840f94u, AMV_INSN_STREX, 0, UNP); /* strex r0, r4, [r4] */
	expect_class(0xe184ff93u, AMV_INSN_STREX, UNP, 0); /* strex pc, r3 */
	expect_class(0xe1844f93u, AMV_INSN_STREX, UNP, 0); /* strex r4, r3, [r4] */
	expect_class(0xe1843f93u, AMV_INSN_STREX, UNP, 0); /* strex r3, r3, [r4] */
	expect_class(0xe1a64f94u, AMV_INSN_STREX, UNP, 0); /* strexd r4, r4, r5 */
	expect_class(0xe1a65f94u, AMV_INSN_STREX, UNP, 0); /* strexd r5, r4, r5 */
	expect_class(0xe1a63f93u, AMV_INSN_STREX, UNP, 0); /* strexd odd Rt */
	expect_class(0xe1b21f9fu, AMV_INSN_LDREX, UNP, 0); /* ldrexd r1 */
}

static void ldm_stm_decode_reglist_and_addressing(void **state)
{
	struct amv_insn in;

	(void)state;
	in = dec(0xe92d4ff0u); /* push {r4-r11, lr} */
	assert_int_equal(in.cls, AMV_INSN_STM);
	assert_int_equal(in.rn, 13);
	assert_int_equal(in.reglist, 0x4ff0);
	assert_int_equal(in.size, 4);
	assert_int_equal(in.flags, AMV_INSN_F_STORE | AMV_INSN_F_INDEX |
					   AMV_INSN_F_WBACK);
	in = dec(0xe8bd8010u); /* pop {r4, pc} */
	assert_int_equal(in.cls, AMV_INSN_LDM);
	assert_int_equal(in.reglist, 0x8010);
	assert_int_equal(in.flags, AMV_INSN_F_LOAD | AMV_INSN_F_ADD |
					   AMV_INSN_F_WBACK | WRITES_PC);
	in = dec(0xe9b00006u); /* ldmib r0!, {r1, r2} */
	assert_int_equal(in.flags, AMV_INSN_F_LOAD | AMV_INSN_F_INDEX |
					   AMV_INSN_F_ADD | AMV_INSN_F_WBACK);
	in = dec(0xe8000002u); /* stmda r0, {r1} */
	assert_int_equal(in.flags, AMV_INSN_F_STORE);
	in = dec(0xe88f8000u); /* stm pc, {pc} */
	assert_int_equal(in.flags & (USES_PC | UNP), USES_PC | UNP);
}

static void ldm_empty_list_or_writeback_rn_in_list_is_unpredictable(void **state)
{
	(void)state;
	expect_class(0xe8900000u, AMV_INSN_LDM, UNP, 0);  /* ldm r0, {} */
	expect_class(0xe8b00003u, AMV_INSN_LDM, UNP, 0);  /* ldm r0!, {r0, r1} */
	expect_class(0xe8900003u, AMV_INSN_LDM, 0, UNP);  /* ldm r0, {r0, r1} */
	expect_class(0xe8a00003u, AMV_INSN_STM, 0, UNP);  /* stm r0!, {r0, r1} */
	expect_class(0xe8800000u, AMV_INSN_STM, UNP, 0);  /* stm r0, {} */
	expect_class(0xe89f0003u, AMV_INSN_LDM, UNP, 0);  /* ldm pc, {r0, r1} */
}

static void coprocessor_fields(void **state)
{
	struct amv_insn in;

	(void)state;
	in = dec(0xee010f10u); /* mcr p15, 0, r0, c1, c0, 0 */
	assert_int_equal(in.cls, AMV_INSN_MCR);
	assert_int_equal(in.cp, 15);
	assert_int_equal(in.opc1, 0);
	assert_int_equal(in.rt, 0);
	assert_int_equal(in.crn, 1);
	assert_int_equal(in.crm, 0);
	assert_int_equal(in.opc2, 0);
	in = dec(0xee1d0f70u); /* mrc p15, 0, r0, c13, c0, 3 */
	assert_int_equal(in.cls, AMV_INSN_MRC);
	assert_int_equal(in.crn, 13);
	assert_int_equal(in.opc2, 3);
	in = dec(0xeef00e10u); /* mrc p14, 7, r0, c0, c0, 0 */
	assert_int_equal(in.opc1, 7);
	assert_int_equal(in.cp, 14);
	in = dec(0xee10fe11u); /* mrc p14, 0, APSR_nzcv, c0, c1, 0 */
	assert_int_equal(in.rt, 15);
	assert_int_equal(in.flags & (USES_PC | WRITES_PC), 0);
	in = dec(0xec410f12u); /* mcrr p15, 1, r0, r1, c2 */
	assert_int_equal(in.cls, AMV_INSN_MCRR);
	assert_int_equal(in.opc1, 1);
	assert_int_equal(in.rt, 0);
	assert_int_equal(in.rt2, 1);
	assert_int_equal(in.crm, 2);
	in = dec(0xfc565937u); /* mrrc2 p9, 3, r5, r6, c7 */
	assert_int_equal(in.cls, AMV_INSN_MRRC);
	assert_int_equal(in.cp, 9);
	assert_int_equal(in.opc1, 3);
	assert_int_equal(in.rt, 5);
	assert_int_equal(in.rt2, 6);
	assert_int_equal(in.crm, 7);
	assert_int_equal(in.flags, AMV_INSN_F_UNCOND);
	in = dec(0xee321583u); /* cdp p5, 3, c1, c2, c3, 4 */
	assert_int_equal(in.cls, AMV_INSN_CDP);
	assert_int_equal(in.cp, 5);
	assert_int_equal(in.opc1, 3);
	assert_int_equal(in.crd, 1);
	assert_int_equal(in.rd, AMV_REG_NONE);
	assert_int_equal(in.crn, 2);
	assert_int_equal(in.crm, 3);
	assert_int_equal(in.opc2, 4);
	in = dec(0xed512604u); /* ldcl p6, c2, [r1, #-16] */
	assert_int_equal(in.cls, AMV_INSN_LDC);
	assert_int_equal(in.cp, 6);
	assert_int_equal(in.crd, 2);
	assert_int_equal(in.crn, 0);
	assert_int_equal(in.rn, 1);
	assert_int_equal(in.imm, 16);
	assert_int_equal(in.opc1, 1); /* D: long form */
	assert_int_equal(in.flags, AMV_INSN_F_LOAD | AMV_INSN_F_INDEX);
	in = dec(0xec905e03u); /* ldc p14, c5, [r0], {3} */
	assert_int_equal(in.imm, 3);
	assert_int_equal(in.flags, AMV_INSN_F_LOAD | AMV_INSN_F_ADD);
	in = dec(0xfda43502u); /* stc2 p5, c3, [r4, #8]! */
	assert_int_equal(in.cls, AMV_INSN_STC);
	assert_int_equal(in.imm, 8);
	assert_int_equal(in.flags, AMV_INSN_F_STORE | AMV_INSN_F_INDEX |
					   AMV_INSN_F_ADD | AMV_INSN_F_WBACK |
					   AMV_INSN_F_UNCOND);
	expect_class(0xee01ff10u, AMV_INSN_MCR, UNP, 0);   /* mcr ... pc */
	expect_class(0xec500f0eu, AMV_INSN_MRRC, UNP, 0);  /* mrrc r0, r0 */
	expect_class(0xedbf5e01u, AMV_INSN_LDC, UNP, 0);   /* ldc [pc, #4]! */
}

/* ------------------------------------------------------------ policy */

static void mcr_mrc_cp15_is_privileged(void **state)
{
	(void)state;
	expect_class(0xee010f10u, AMV_INSN_MCR, PRIV, SENS); /* SCTLR write */
	expect_class(0xee100f10u, AMV_INSN_MRC, PRIV, 0);    /* MIDR read */
	expect_class(0xee0d0f70u, AMV_INSN_MCR, PRIV, 0);    /* TPIDRURO write */
	expect_class(0xec410f02u, AMV_INSN_MCRR, PRIV, 0);   /* TTBR0 64-bit */
	expect_class(0xee000f00u, AMV_INSN_CDP, PRIV, 0);    /* cdp p15 */
	expect_class(0xed900f00u, AMV_INSN_LDC, PRIV, 0);    /* ldc p15 */
	expect_class(0xfe0d0f50u, AMV_INSN_MCR, PRIV, 0);    /* mcr2 p15 */
}

static void mcr_tpidrurw_is_not_privileged(void **state)
{
	(void)state;
	expect_class(0xee0d0f50u, AMV_INSN_MCR, 0, PRIV | SENS);
	expect_class(0xee1d0f50u, AMV_INSN_MRC, 0, PRIV | SENS);
}

static void mrc_tpidruro_is_not_privileged(void **state)
{
	(void)state;
	expect_class(0xee1d0f70u, AMV_INSN_MRC, 0, PRIV);
}

static void cp15_barrier_operations_are_not_privileged(void **state)
{
	(void)state;
	expect_class(0xee070f95u, AMV_INSN_MCR, 0, PRIV); /* CP15ISB */
	expect_class(0xee070f9au, AMV_INSN_MCR, 0, PRIV); /* CP15DSB */
	expect_class(0xee070fbau, AMV_INSN_MCR, 0, PRIV); /* CP15DMB */
	expect_class(0xee170f9au, AMV_INSN_MRC, PRIV, 0); /* MRC of c7,c10,4 */
}

static void pmu_and_generic_timer_are_privileged(void **state)
{
	(void)state;
	expect_class(0xee190f1du, AMV_INSN_MRC, PRIV, 0);  /* PMCCNTR */
	expect_class(0xee1e0f10u, AMV_INSN_MRC, PRIV, 0);  /* CNTFRQ */
	expect_class(0xec510f0eu, AMV_INSN_MRRC, PRIV, 0); /* CNTPCT */
}

static void cp14_debug_comms_and_jidr_are_not_privileged(void **state)
{
	(void)state;
	expect_class(0xee100e10u, AMV_INSN_MRC, 0, PRIV);  /* DBGDIDR */
	expect_class(0xee10fe11u, AMV_INSN_MRC, 0, PRIV);  /* DBGDSCRint */
	expect_class(0xee100e15u, AMV_INSN_MRC, 0, PRIV);  /* DBGDTRRXint */
	expect_class(0xee000e15u, AMV_INSN_MCR, 0, PRIV);  /* DBGDTRTXint */
	expect_class(0xecb05e01u, AMV_INSN_LDC, 0, PRIV);  /* ldc p14, c5 */
	expect_class(0xed215e02u, AMV_INSN_STC, 0, PRIV);  /* stc p14, c5 */
	expect_class(0xeef00e10u, AMV_INSN_MRC, 0, PRIV);  /* JIDR */
}

static void cp14_other_registers_are_privileged(void **state)
{
	(void)state;
	expect_class(0xee100e52u, AMV_INSN_MRC, PRIV, 0); /* DBGDSCRext */
	expect_class(0xee000e10u, AMV_INSN_MCR, PRIV, 0); /* MCR DBGDIDR */
	expect_class(0xeee00e10u, AMV_INSN_MCR, PRIV, 0); /* MCR JIDR */
	expect_class(0xec500e00u, AMV_INSN_MRRC, PRIV, 0);
	expect_class(0xecb04e01u, AMV_INSN_LDC, PRIV, 0); /* ldc p14, c4 */
}

static void other_coprocessors_are_not_privileged(void **state)
{
	(void)state;
	expect_class(0xee2327b4u, AMV_INSN_MCR, 0, PRIV); /* mcr p7 */
	expect_class(0xee321583u, AMV_INSN_CDP, 0, PRIV); /* cdp p5 */
}

static void vmrs_vmsr_fpscr_only_is_unprivileged(void **state)
{
	struct amv_insn in;

	(void)state;
	expect_class(0xeef10a10u, AMV_INSN_VMRS, 0, PRIV);   /* vmrs r0, fpscr */
	expect_class(0xeee13a10u, AMV_INSN_VMSR, 0, PRIV);   /* vmsr fpscr, r3 */
	expect_class(0xeef80a10u, AMV_INSN_VMRS, PRIV, 0);   /* fpexc */
	expect_class(0xeee80a10u, AMV_INSN_VMSR, PRIV, 0);   /* fpexc */
	expect_class(0xeef01a10u, AMV_INSN_VMRS, PRIV, 0);   /* fpsid */
	in = dec(0xeef1fa10u); /* vmrs APSR_nzcv, fpscr */
	assert_int_equal(in.cls, AMV_INSN_VMRS);
	assert_int_equal(in.rt, 15);
	assert_int_equal(in.crn, 1);
	assert_int_equal(in.cp, 10);
	assert_int_equal(in.flags, 0);
	in = dec(0xeee80a10u);
	assert_int_equal(in.crn, 8);
	assert_int_equal(in.rt, 0);
	expect_class(0xeef8fa10u, AMV_INSN_VMRS, UNP | PRIV, 0); /* pc, fpexc */
	expect_class(0xeeebba10u, AMV_INSN_VMSR, UNP | PRIV, 0); /* reg 1011 */
	expect_class(0xeef70a10u, AMV_INSN_VMRS, PRIV, UNP);     /* mvfr0 */
}

static void smc_hvc_eret_are_privileged(void **state)
{
	struct amv_insn in;

	(void)state;
	in = dec(0xe1600075u); /* smc #5 */
	assert_int_equal(in.cls, AMV_INSN_SMC);
	assert_int_equal(in.imm, 5);
	assert_int_equal(in.flags, PRIV);
	in = dec(0xe1412374u); /* hvc #0x1234 */
	assert_int_equal(in.cls, AMV_INSN_HVC);
	assert_int_equal(in.imm, 0x1234);
	assert_int_equal(in.flags, PRIV);
	in = dec(0xe160006eu); /* eret */
	assert_int_equal(in.cls, AMV_INSN_ERET);
	assert_int_equal(in.flags, PRIV | EXCRET | WRITES_PC);
	expect_class(0x01412374u, AMV_INSN_HVC, UNP, 0); /* hvceq */
}

static void cps_is_sensitive_in_all_forms(void **state)
{
	struct amv_insn in;

	(void)state;
	in = dec(0xf10c0080u); /* cpsid i */
	assert_int_equal(in.cls, AMV_INSN_CPS);
	assert_int_equal(in.op, AMV_CPS_IMOD_DISABLE);
	assert_int_equal(in.psr_mask, AMV_CPS_I);
	assert_int_equal(in.mode, 0);
	assert_int_equal(in.flags, SENS | AMV_INSN_F_UNCOND);
	in = dec(0xf10a01d3u); /* cpsie aif, #0x13 */
	assert_int_equal(in.op, AMV_CPS_IMOD_ENABLE);
	assert_int_equal(in.psr_mask, AMV_CPS_A | AMV_CPS_I | AMV_CPS_F);
	assert_int_equal(in.mode, 0x13);
	assert_int_equal(in.flags, SENS | AMV_INSN_F_UNCOND);
	in = dec(0xf102001fu); /* cps #0x1f */
	assert_int_equal(in.op, AMV_CPS_IMOD_NONE);
	assert_int_equal(in.mode, 0x1f);
	assert_int_equal(in.flags, SENS | AMV_INSN_F_UNCOND);
	/* imod = 0b10 with no A/I/F bits, mode without M: UNPREDICTABLE */
	expect_class(0xf1080000u, AMV_INSN_CPS, SENS | UNP, 0);
	expect_class(0xf1000013u, AMV_INSN_CPS, SENS | UNP, 0);
}

static void msr_cpsr_control_or_extension_is_sensitive(void **state)
{
	struct amv_insn in;

	(void)state;
	in = dec(0xe129f000u); /* msr cpsr_fc, r0 */
	assert_int_equal(in.cls, AMV_INSN_MSR);
	assert_int_equal(in.rn, 0);
	assert_int_equal(in.psr_mask, AMV_PSR_F | AMV_PSR_C);
	assert_int_equal(in.flags, SENS);
	expect_class(0xe122f001u, AMV_INSN_MSR, SENS, 0); /* msr cpsr_x, r1 */
	in = dec(0xe321f013u); /* msr cpsr_c, #0x13 */
	assert_int_equal(in.imm, 0x13);
	assert_int_equal(in.psr_mask, AMV_PSR_C);
	assert_int_equal(in.flags, SENS);
}

static void msr_apsr_flags_only_is_not_sensitive(void **state)
{
	struct amv_insn in;

	(void)state;
	expect_class(0xe128f000u, AMV_INSN_MSR, 0, SENS | UNP);
	in = dec(0xe328f20fu); /* msr cpsr_f, #0xf0000000 */
	assert_int_equal(in.imm, 0xf0000000u);
	assert_int_equal(in.psr_mask, AMV_PSR_F);
	assert_int_equal(in.flags, 0);
	expect_class(0xe124f000u, AMV_INSN_MSR, 0, SENS); /* cpsr_s */
}

static void mrs_and_spsr_access_are_sensitive(void **state)
{
	struct amv_insn in;

	(void)state;
	in = dec(0xe10f0000u); /* mrs r0, cpsr */
	assert_int_equal(in.cls, AMV_INSN_MRS);
	assert_int_equal(in.rd, 0);
	assert_int_equal(in.flags, SENS);
	in = dec(0xe14f0000u); /* mrs r0, spsr */
	assert_int_equal(in.flags, SENS | AMV_INSN_F_SPSR);
	in = dec(0xe16ff002u); /* msr spsr_fsxc, r2 */
	assert_int_equal(in.psr_mask, 0xf);
	assert_int_equal(in.flags, SENS | AMV_INSN_F_SPSR);
	expect_class(0xe168f002u, AMV_INSN_MSR, SENS, 0); /* msr spsr_f */
}

static void mrs_msr_to_or_from_pc_or_empty_mask_is_unpredictable(void **state)
{
	(void)state;
	expect_class(0xe10ff000u, AMV_INSN_MRS, UNP | USES_PC, 0); /* mrs pc */
	expect_class(0xe129f00fu, AMV_INSN_MSR, UNP | USES_PC, 0); /* msr pc */
	expect_class(0xe120f000u, AMV_INSN_MSR, UNP, 0);   /* mask 0 */
	expect_class(0xe360f000u, AMV_INSN_MSR, UNP, 0);   /* spsr, mask 0 */
}

static void banked_mrs_msr_are_sensitive_and_decode_sysm(void **state)
{
	struct amv_insn in;

	(void)state;
	in = dec(0xe1050200u); /* mrs r0, sp_usr */
	assert_int_equal(in.cls, AMV_INSN_MRS_BANKED);
	assert_int_equal(in.rd, 0);
	assert_int_equal(in.sysm, 0x05);
	assert_int_equal(in.flags, SENS);
	in = dec(0xe16ef201u); /* msr spsr_fiq, r1 */
	assert_int_equal(in.cls, AMV_INSN_MSR_BANKED);
	assert_int_equal(in.rn, 1);
	assert_int_equal(in.sysm, 0x0e);
	assert_int_equal(in.flags, SENS | AMV_INSN_F_SPSR);
	in = dec(0xe10e2300u); /* mrs r2, elr_hyp */
	assert_int_equal(in.sysm, 0x1e);
	assert_int_equal(in.flags, SENS);
	/* SYSm 0b00111 is not a banked register */
	expect_class(0xe1070200u, AMV_INSN_MRS_BANKED, SENS | UNP, 0);
	/* SPSR with SYSm 0b00000 (R = 1) is not allocated */
	expect_class(0xe1400200u, AMV_INSN_MRS_BANKED, SENS | UNP, 0);
}

static void srs_is_sensitive_rfe_is_an_exception_return(void **state)
{
	struct amv_insn in;

	(void)state;
	in = dec(0xf96d0513u); /* srsdb sp!, #0x13 */
	assert_int_equal(in.cls, AMV_INSN_SRS);
	assert_int_equal(in.mode, 0x13);
	assert_int_equal(in.rn, NONE);
	assert_int_equal(in.flags, SENS | AMV_INSN_F_STORE | AMV_INSN_F_INDEX |
					   AMV_INSN_F_WBACK | AMV_INSN_F_UNCOND);
	in = dec(0xf8b00a00u); /* rfeia r0! */
	assert_int_equal(in.cls, AMV_INSN_RFE);
	assert_int_equal(in.rn, 0);
	assert_int_equal(in.flags, SENS | EXCRET | WRITES_PC | AMV_INSN_F_LOAD |
					   AMV_INSN_F_ADD | AMV_INSN_F_WBACK |
					   AMV_INSN_F_UNCOND);
	expect_class(0xf89f0a00u, AMV_INSN_RFE, UNP, 0); /* rfeia pc */
}

static void ldm_stm_user_registers_are_sensitive(void **state)
{
	(void)state;
	/* stmdb sp, {r0-r14}^ */
	expect_class(0xe94d7fffu, AMV_INSN_STM, SENS | AMV_INSN_F_USER_REGS,
		     EXCRET | UNP);
	/* ldm r0, {r1, r2}^ */
	expect_class(0xe8d00006u, AMV_INSN_LDM, SENS | AMV_INSN_F_USER_REGS,
		     EXCRET | UNP);
	/* ldm r0!, {r1, r2}^: writeback is UNPREDICTABLE for the user form */
	expect_class(0xe8f00006u, AMV_INSN_LDM, SENS | UNP, 0);
}

static void ldm_user_with_pc_is_an_exception_return(void **state)
{
	/* ldm r0, {r1, pc}^ */
	(void)state;
	expect_class(0xe8d08002u, AMV_INSN_LDM, SENS | EXCRET | WRITES_PC,
		     AMV_INSN_F_USER_REGS | UNP);
	/* ldm r0!, {r0, pc}^: Rn in the list with writeback */
	expect_class(0xe8f08001u, AMV_INSN_LDM, SENS | EXCRET | UNP, 0);
}

static void subs_pc_lr_is_exception_return_and_sensitive(void **state)
{
	struct amv_insn in;

	(void)state;
	in = dec(0xe25ef004u); /* subs pc, lr, #4 */
	assert_int_equal(in.cls, AMV_INSN_DP);
	assert_int_equal(in.op, AMV_DP_SUB);
	assert_int_equal(in.rd, 15);
	assert_int_equal(in.rn, 14);
	assert_int_equal(in.imm, 4);
	assert_int_equal(in.flags, SENS | EXCRET | WRITES_PC | USES_PC |
					   AMV_INSN_F_SETFLAGS);
	/* movs pc, lr */
	expect_class(0xe1b0f00eu, AMV_INSN_DP, SENS | EXCRET | WRITES_PC, UNP);
	/* adds pc, r0, r1, lsl #2 */
	expect_class(0xe090f101u, AMV_INSN_DP, SENS | EXCRET, 0);
}

static void mov_pc_without_s_is_a_plain_branch(void **state)
{
	(void)state;
	expect_class(0xe1a0f00eu, AMV_INSN_DP, WRITES_PC | USES_PC,
		     SENS | EXCRET);
	/* cmp r15, #0 (no Rd): no exception return */
	expect_class(0xe35f0000u, AMV_INSN_DP, USES_PC, EXCRET | WRITES_PC);
}

static void ldrt_family_is_sensitive(void **state)
{
	struct amv_insn in;

	(void)state;
	in = dec(0xe4b10004u); /* ldrt r0, [r1], #4 */
	assert_int_equal(in.cls, AMV_INSN_LDRT);
	assert_int_equal(in.rt, 0);
	assert_int_equal(in.rn, 1);
	assert_int_equal(in.imm, 4);
	assert_int_equal(in.size, 4);
	assert_int_equal(in.flags, SENS | AMV_INSN_F_LOAD | AMV_INSN_F_ADD |
					   AMV_INSN_F_WBACK);
	in = dec(0xe6632084u); /* strbt r2, [r3], -r4, lsl #1 */
	assert_int_equal(in.cls, AMV_INSN_STRT);
	assert_int_equal(in.size, 1);
	assert_int_equal(in.rm, 4);
	assert_int_equal(in.shift_imm, 1);
	assert_int_equal(in.flags, SENS | AMV_INSN_F_STORE | AMV_INSN_F_WBACK |
					   AMV_INSN_F_REG_OFFSET);
	in = dec(0xe0f100f2u); /* ldrsht r0, [r1], #2 */
	assert_int_equal(in.cls, AMV_INSN_LDRT);
	assert_int_equal(in.size, 2);
	assert_int_equal(in.flags, SENS | AMV_INSN_F_LOAD | AMV_INSN_F_ADD |
					   AMV_INSN_F_WBACK | AMV_INSN_F_SIGNED);
	expect_class(0xe0a650b7u, AMV_INSN_STRT, SENS, UNP); /* strht */
	expect_class(0xe03100d2u, AMV_INSN_LDRT, SENS | AMV_INSN_F_SIGNED, UNP);
	expect_class(0xe4b11004u, AMV_INSN_LDRT, SENS | UNP, 0); /* rn == rt */
}

static void wfi_wfe_are_sensitive_other_hints_are_not(void **state)
{
	struct amv_insn in;

	(void)state;
	expect_class(0xe320f003u, AMV_INSN_WFI, SENS, UNP);
	expect_class(0xe320f002u, AMV_INSN_WFE, SENS, UNP);
	expect_class(0xe320f004u, AMV_INSN_SEV, 0, SENS);
	expect_class(0xe320f001u, AMV_INSN_YIELD, 0, SENS);
	in = dec(0xe320f000u);
	assert_int_equal(in.cls, AMV_INSN_NOP);
	assert_int_equal(in.flags, 0);
	in = dec(0xe320f0f7u); /* dbg #7 */
	assert_int_equal(in.cls, AMV_INSN_DBG);
	assert_int_equal(in.imm, 7);
	in = dec(0xe320f014u); /* unallocated hint: NOP */
	assert_int_equal(in.cls, AMV_INSN_NOP);
	assert_int_equal(in.op, 0x14);
}

/* ------------------------------------------------------------ others */

static void exception_generating_numbers(void **state)
{
	struct amv_insn in;

	(void)state;
	in = dec(0xef123456u);
	assert_int_equal(in.cls, AMV_INSN_SVC);
	assert_int_equal(in.imm, 0x123456u);
	assert_int_equal(in.flags, 0);
	in = dec(0xe12abc7du);
	assert_int_equal(in.cls, AMV_INSN_BKPT);
	assert_int_equal(in.imm, 0xabcdu);
	expect_class(0x112abc7du, AMV_INSN_BKPT, UNP, 0); /* bkptne */
	in = dec(0xe7f123f4u);
	assert_int_equal(in.cls, AMV_INSN_UDF);
	assert_int_equal(in.imm, 0x1234u);
}

static void barriers_clrex_setend_and_preloads(void **state)
{
	struct amv_insn in;

	(void)state;
	in = dec(0xf57ff05bu); /* dmb ish */
	assert_int_equal(in.cls, AMV_INSN_DMB);
	assert_int_equal(in.imm, 0xb);
	in = dec(0xf57ff04fu);
	assert_int_equal(in.cls, AMV_INSN_DSB);
	assert_int_equal(in.imm, 0xf);
	in = dec(0xf57ff06fu);
	assert_int_equal(in.cls, AMV_INSN_ISB);
	expect_class(0xf57ff01fu, AMV_INSN_CLREX, 0, UNP);
	in = dec(0xf1010200u); /* setend be */
	assert_int_equal(in.cls, AMV_INSN_SETEND);
	assert_int_equal(in.imm, 1);
	in = dec(0xf550f004u); /* pld [r0, #-4] */
	assert_int_equal(in.cls, AMV_INSN_PLD);
	assert_int_equal(in.op, 0);
	assert_int_equal(in.rn, 0);
	assert_int_equal(in.imm, 4);
	assert_int_equal(in.flags, AMV_INSN_F_UNCOND);
	in = dec(0xf791f102u); /* pldw [r1, r2, lsl #2] */
	assert_int_equal(in.op, 1);
	assert_int_equal(in.rm, 2);
	assert_int_equal(in.shift_imm, 2);
	assert_int_equal(in.flags, AMV_INSN_F_UNCOND | AMV_INSN_F_ADD |
					   AMV_INSN_F_REG_OFFSET);
	in = dec(0xf4dff008u); /* pli [pc, #8] */
	assert_int_equal(in.op, 2);
	assert_int_equal(in.rn, 15);
	expect_class(0xf51ff004u, AMV_INSN_PLD, UNP, 0); /* pldw [pc] */
	/* A5.7.1 UNPREDICTABLE and unallocated hint encodings */
	expect_class(0xf5300000u, AMV_INSN_UNDEFINED, UNP | UNDEF, 0);
	expect_class(0xf410f000u, AMV_INSN_NOP, 0, UNP);
}

static void multiply_fields(void **state)
{
	struct amv_insn in;

	(void)state;
	in = dec(0xe0000291u); /* mul r0, r1, r2 */
	assert_int_equal(in.cls, AMV_INSN_MUL);
	assert_int_equal(in.op, 1); /* docs/decode.md: MUL */
	assert_int_equal(in.rd, 0);
	assert_int_equal(in.rn, 1);
	assert_int_equal(in.rm, 2);
	assert_int_equal(in.rs, NONE);
	in = dec(0xe0303291u); /* mlas r0, r1, r2, r3 */
	assert_int_equal(in.rs, 3);
	assert_int_equal(in.flags, AMV_INSN_F_SETFLAGS);
	in = dec(0xe0810392u); /* umull r0, r1, r2, r3 */
	assert_int_equal(in.op, 5);
	assert_int_equal(in.rd, 0); /* RdLo */
	assert_int_equal(in.rs, 1); /* RdHi */
	assert_int_equal(in.rn, 2);
	assert_int_equal(in.rm, 3);
	in = dec(0xe710f211u); /* sdiv r0, r1, r2 */
	assert_int_equal(in.cls, AMV_INSN_DIV);
	assert_int_equal(in.rd, 0);
	assert_int_equal(in.rn, 1);
	assert_int_equal(in.rm, 2);
	expect_class(0xe733f514u, AMV_INSN_DIV, 0, UNP); /* udiv */
	expect_class(0xe1600281u, AMV_INSN_MUL, 0, UNP); /* smulbb */
	expect_class(0xe7410312u, AMV_INSN_MUL, 0, UNP); /* smlald */
	expect_class(0xe0811392u, AMV_INSN_MUL, UNP, 0); /* umull r1, r1 */
	expect_class(0xe00f0291u, AMV_INSN_MUL, UNP, 0); /* mul pc */
	expect_class(0xe0500090u, AMV_INSN_UNDEFINED, UNDEF, 0); /* op 0101 */
}

static void media_fields(void **state)
{
	struct amv_insn in;

	(void)state;
	in = dec(0xe6ef0471u); /* uxtb r0, r1, ror #8 */
	assert_int_equal(in.cls, AMV_INSN_MEDIA);
	assert_int_equal(in.op, 46); /* docs/decode.md: UXTB */
	assert_int_equal(in.rd, 0);
	assert_int_equal(in.rn, NONE);
	assert_int_equal(in.rm, 1);
	assert_int_equal(in.shift_type, AMV_SHIFT_ROR);
	assert_int_equal(in.shift_imm, 8);
	in = dec(0xe6a70211u); /* ssat r0, #8, r1, lsl #4 */
	assert_int_equal(in.rn, 1);
	assert_int_equal(in.imm, 8);
	assert_int_equal(in.shift_imm, 4);
	in = dec(0xe6e70151u); /* usat r0, #7, r1, asr #2 */
	assert_int_equal(in.imm, 7);
	assert_int_equal(in.shift_type, AMV_SHIFT_ASR);
	in = dec(0xe7cb0211u); /* bfi r0, r1, #4, #8 */
	assert_int_equal(in.imm, 4u | (8u << 8));
	in = dec(0xe7c7019fu); /* bfc r0, #3, #5 */
	assert_int_equal(in.rn, NONE);
	assert_int_equal(in.imm, 3u | (5u << 8));
	in = dec(0xe7bd0151u); /* sbfx r0, r1, #2, #30 */
	assert_int_equal(in.imm, 2u | (30u << 8));
	expect_class(0xe7bf0151u, AMV_INSN_MEDIA, UNP, 0); /* lsb + width > 32 */
	in = dec(0xe6810052u); /* pkhtb r0, r1, r2, asr #32 */
	assert_int_equal(in.shift_type, AMV_SHIFT_ASR);
	assert_int_equal(in.shift_imm, 32);
	expect_class(0xe16f0f11u, AMV_INSN_MEDIA, 0, UNP); /* clz */
	expect_class(0xe1620051u, AMV_INSN_MEDIA, 0, UNP); /* qdsub */
	expect_class(0xe6510f92u, AMV_INSN_MEDIA, 0, UNP); /* uadd8 */
	in = dec(0xe6510f92u);
	assert_int_equal(in.op, 0xac); /* 0x80 | U:op1:op2 */
	assert_int_equal(in.rd, 0);
	assert_int_equal(in.rn, 1);
	assert_int_equal(in.rm, 2);
	expect_class(0xe6810fb2u, AMV_INSN_MEDIA, 0, UNP); /* sel */
	expect_class(0xe6ff2f33u, AMV_INSN_MEDIA, 0, UNP); /* rbit */
	expect_class(0xe6000010u, AMV_INSN_UNDEFINED, UNDEF, 0); /* op1 00 */
}

static void vfp_and_advanced_simd_classes(void **state)
{
	(void)state;
	expect_class(0xee300a81u, AMV_INSN_VFP, 0, PRIV);  /* vadd.f32 */
	expect_class(0xed900b02u, AMV_INSN_VFP, 0, 0);     /* vldr */
	expect_class(0xee100a10u, AMV_INSN_VFP, 0, 0);     /* vmov r0, s0 */
	expect_class(0xec410b10u, AMV_INSN_VFP, 0, 0);     /* vmov d0, r0, r1 */
	expect_class(0xed2d8b10u, AMV_INSN_VFP, 0, 0);     /* vpush */
	expect_class(0xeeb80ac0u, AMV_INSN_VFP, 0, 0);     /* vcvt */
	expect_class(0xeeb10bc1u, AMV_INSN_VFP, 0, 0);     /* vsqrt */
	expect_class(0xeeb70a00u, AMV_INSN_VFP, 0, 0);     /* vmov #1.0 */
	expect_class(0xee300b10u, AMV_INSN_VFP, 0, 0);     /* vmov r0, d0[1] */
	expect_class(0xf2220844u, AMV_INSN_NEON, 0, 0);    /* vadd.i32 */
	expect_class(0xf420078fu, AMV_INSN_NEON, 0, 0);    /* vld1.32 */
	expect_class(0xeea00b10u, AMV_INSN_NEON, 0, 0);    /* vdup.32 */
	/* one of each A7.4 sub-table and A7.7 (arm-none-eabi-as) */
	{
		static const uint32_t neon[] = {
			0xf2b10302u, 0xf3b20001u, 0xf3b10903u, 0xf3b50c01u,
			0xf2810e02u, 0xf2910c4au, 0xf3bd0011u, 0xf2800051u,
			0xf3b60701u, 0xf3bb0401u, 0xf4a00f0fu, 0xf481064fu,
			0xf2110b12u, 0xf2010c12u, 0xf3010e12u, 0xf3b60282u,
			0xf3b20301u, 0xf3b005c2u, 0xf3b00501u, 0xf3110112u,
			0xf3810502u, 0xf3a50511u,
		};
		unsigned int i;

		for (i = 0; i < sizeof(neon) / sizeof(neon[0]); i++)
			expect_class(neon[i], AMV_INSN_NEON, AMV_INSN_F_UNCOND,
				     CLASS_FLAGS);
	}
	/* unallocated in the A7.4 / A7.7 tables (some are ARMv8 additions) */
	expect_class(0xf3000f10u, AMV_INSN_UNDEFINED, UNDEF, 0); /* 1111 B=1 U=1 */
	expect_class(0xf2800f30u, AMV_INSN_UNDEFINED, UNDEF, 0); /* op=1 cmode=1111 */
	expect_class(0xf3b00300u, AMV_INSN_UNDEFINED, UNDEF, 0); /* misc 0011x */
	expect_class(0xf4000b00u, AMV_INSN_UNDEFINED, UNDEF, 0); /* A=0 B=1011 */
	expect_class(0xf4800c00u, AMV_INSN_UNDEFINED, UNDEF, 0); /* A=1 L=0 B=11xx */
	expect_class(0xf2800f00u, AMV_INSN_UNDEFINED, UNDEF, 0); /* 3 regs diff 1111 */
	/* instruction-level UNDEFINED: quadword forms need even D registers,
	 * pairwise operations are doubleword only, VEXT imm4 range */
	expect_class(0xf2221844u, AMV_INSN_UNDEFINED, UNDEF, 0); /* vadd.i32 q, odd Vd */
	expect_class(0xf2230844u, AMV_INSN_UNDEFINED, UNDEF, 0); /* odd Vn */
	expect_class(0xf2220845u, AMV_INSN_UNDEFINED, UNDEF, 0); /* odd Vm */
	expect_class(0xf2110b52u, AMV_INSN_UNDEFINED, UNDEF, 0); /* vpadd, Q = 1 */
	expect_class(0xf2b10802u, AMV_INSN_UNDEFINED, UNDEF, 0); /* vext d, #8 */
	expect_class(0xf2810e02u | 0x1000u, AMV_INSN_UNDEFINED, UNDEF, 0); /* vmull, odd Qd */
	/* ARMv8 VRINTR (A7.5 opc2 = 0b0110) is unallocated in ARMv7 */
	expect_class(0xeeb62b43u, AMV_INSN_UNDEFINED, UNDEF, 0);
	/* CDP2 / MCR2 with coproc 101x */
	expect_class(0xfe0c6ae0u, AMV_INSN_UNDEFINED, UNDEF, 0);
}

/* ---- VFP / Advanced SIMD: the UNDEFINED and UNPREDICTABLE conditions of
 * each instruction's decode pseudocode (A8.8). Every UNDEFINED word below
 * is rejected by Capstone 4.0.2 and every allocated one accepted. ---- */

#define NEON_OK(w) expect_class((w), AMV_INSN_NEON, 0, CLASS_FLAGS)
#define VFP_OK(w) expect_class((w), AMV_INSN_VFP, 0, UNP | UNDEF)
#define IS_UNDEF(w)                                                            \
	expect_class((w), AMV_INSN_UNDEFINED, UNDEF, PRIV | SENS | EXCRET | UNP)
#define VFP_UNP(w) expect_class((w), AMV_INSN_VFP, UNP, UNDEF)
#define NEON_UNP(w) expect_class((w), AMV_INSN_NEON, UNP, UNDEF)

static void neon_integer_three_same_size_11_is_undefined(void **state)
{
	(void)state;
	NEON_OK(0xf2200000u);  /* vhadd.s32 */
	IS_UNDEF(0xf2300000u); /* vhadd, size 11 */
	IS_UNDEF(0xf2300710u); /* vaba, size 11 */
	IS_UNDEF(0xf2300300u); /* vcgt, size 11 */
	NEON_OK(0xf2300010u);  /* vqadd.s64 */
	NEON_OK(0xf2300400u);  /* vshl.s64 */
	NEON_OK(0xf2300110u);  /* vorr (size field is the opcode) */
	IS_UNDEF(0xf2300810u); /* vtst, size 11 */
	IS_UNDEF(0xf2300900u); /* vmla, size 11 */
	NEON_OK(0xf2300800u);  /* vadd.i64 */
	IS_UNDEF(0xf2300b10u); /* vpadd (integer), size 11 */
	IS_UNDEF(0xf2300a00u); /* vpmax (integer), size 11 */
}

static void vmul_polynomial_size_not_00_is_undefined(void **state)
{
	(void)state;
	NEON_OK(0xf3000910u);  /* vmul.p8 */
	IS_UNDEF(0xf3100910u);
	NEON_OK(0xf2100910u);  /* vmul.i16 */
}

static void vqdmulh_vqdmull_size_00_is_undefined(void **state)
{
	(void)state;
	NEON_OK(0xf2100b00u);  /* vqdmulh.s16 */
	IS_UNDEF(0xf2000b00u);
	IS_UNDEF(0xf2300b00u);
	NEON_OK(0xf2900d00u);  /* vqdmull.s16 */
	IS_UNDEF(0xf2800d00u);
	IS_UNDEF(0xf2800900u); /* vqdmlal, size 00 */
}

static void neon_floating_point_sz_1_is_undefined(void **state)
{
	(void)state;
	NEON_OK(0xf2000d00u);  /* vadd.f32 */
	IS_UNDEF(0xf2100d00u);
	NEON_OK(0xf2000c10u);  /* vfma.f32 */
	IS_UNDEF(0xf2100c10u);
	IS_UNDEF(0xf3100d10u); /* vmul.f16 (ARMv8.2) */
	IS_UNDEF(0xf2100f10u); /* vrecps */
}

static void vmull_polynomial_only_u0_size_00(void **state)
{
	(void)state;
	NEON_OK(0xf2800e00u);  /* vmull.p8 */
	IS_UNDEF(0xf3800e00u); /* U = 1 */
	IS_UNDEF(0xf2a00e00u); /* vmull.p64 (ARMv8 crypto) */
}

static void neon_scalar_f_with_size_01_is_undefined(void **state)
{
	(void)state;
	NEON_OK(0xf2a00140u);  /* vmla.f32 d0, d0, d0[0] */
	IS_UNDEF(0xf2900140u);
	IS_UNDEF(0xf2900940u); /* vmul.f16 scalar */
	NEON_OK(0xf2900840u);  /* vmul.i16 scalar */
}

static void vqshlu_with_u_0_is_undefined(void **state)
{
	(void)state;
	NEON_OK(0xf3880610u);  /* vqshlu.s8 #0 */
	IS_UNDEF(0xf2880610u);
	NEON_OK(0xf2880710u);  /* vqshl.s8 #0 */
}

static void neon_vcvt_fixed_imm6_0xxxxx_is_undefined(void **state)
{
	(void)state;
	NEON_OK(0xf2a00e10u);  /* vcvt.f32.s32 #32 */
	IS_UNDEF(0xf2980e10u);
}

static void neon_two_register_misc_size_rules(void **state)
{
	(void)state;
	NEON_OK(0xf3b80000u);  /* vrev64.32 */
	IS_UNDEF(0xf3bc0000u); /* vrev64, size 11 */
	IS_UNDEF(0xf3b80080u); /* vrev32.32 */
	IS_UNDEF(0xf3b40100u); /* vrev16.16 */
	NEON_OK(0xf3b00100u);  /* vrev16.8 */
	IS_UNDEF(0xf3bc0200u); /* vpaddl, size 11 */
	NEON_OK(0xf3b00500u);  /* vcnt.8 */
	IS_UNDEF(0xf3b40500u);
	IS_UNDEF(0xf3b40580u); /* vmvn, size 01 */
	IS_UNDEF(0xf3bc0480u); /* vclz, size 11 */
	NEON_OK(0xf3b90700u);  /* vabs.f32 */
	IS_UNDEF(0xf3b50700u); /* F = 1, size 01 */
	IS_UNDEF(0xf3bd0100u); /* vceq #0, size 11 */
	NEON_OK(0xf3bb0400u);  /* vrecpe.u32 */
	IS_UNDEF(0xf3b70400u);
	NEON_OK(0xf3b60600u);  /* vcvt.f16.f32 */
	IS_UNDEF(0xf3ba0600u);
}

static void vswp_vtrn_vuzp_vzip_size_rules(void **state)
{
	(void)state;
	NEON_OK(0xf3b20000u);  /* vswp */
	IS_UNDEF(0xf3b60000u); /* vswp, size 01 */
	IS_UNDEF(0xf3be0080u); /* vtrn, size 11 */
	NEON_OK(0xf3ba01c0u);  /* vzip.32 q */
	IS_UNDEF(0xf3ba0180u); /* vzip.32 d */
	IS_UNDEF(0xf3ba0100u); /* vuzp.32 d */
}

static void vmovn_vqmovn_size_11_is_undefined(void **state)
{
	(void)state;
	NEON_OK(0xf3b60200u);  /* vmovn.i32 */
	IS_UNDEF(0xf3be0200u);
	IS_UNDEF(0xf3be0280u); /* vqmovn */
	IS_UNDEF(0xf3be0300u); /* vshll (maximum), size 11 */
}

static void vdup_scalar_imm4_x000_is_undefined(void **state)
{
	(void)state;
	NEON_OK(0xf3b10c00u);  /* vdup.8 d0, d0[0] */
	IS_UNDEF(0xf3b00c00u);
	IS_UNDEF(0xf3b80c00u);
	IS_UNDEF(0xf3b11c40u); /* q, odd Vd */
}

static void vtbl_past_d31_is_unpredictable(void **state)
{
	(void)state;
	NEON_OK(0xf3b00900u);  /* vtbl.8 d0, {d0, d1}, d0 */
	NEON_UNP(0xf3bf0980u); /* {d31, d32} */
}

static void vld2_vld3_vld4_multiple_size_11_is_undefined(void **state)
{
	(void)state;
	NEON_OK(0xf42007cfu);  /* vld1.64 {d0}, [r0] */
	NEON_OK(0xf420084fu);  /* vld2.16 */
	IS_UNDEF(0xf42008cfu);
	IS_UNDEF(0xf42004cfu); /* vld3 */
	IS_UNDEF(0xf42000cfu); /* vld4 */
	IS_UNDEF(0xf40003cfu); /* vst2, two registers each */
}

static void vld_multiple_align_restrictions_are_undefined(void **state)
{
	(void)state;
	IS_UNDEF(0xf420072fu); /* vld1, one register, align 10 */
	IS_UNDEF(0xf4200a3fu); /* vld1, two registers, align 11 */
	NEON_OK(0xf4200a2fu);  /* vld1 {d0, d1}, [r0:128] */
	IS_UNDEF(0xf420083fu); /* vld2, align 11 */
	IS_UNDEF(0xf420042fu); /* vld3, align 1x */
}

static void vld_registers_past_d31_or_rn_pc_are_unpredictable(void **state)
{
	(void)state;
	NEON_UNP(0xf460e20fu); /* vld1 {d30-d33} */
	NEON_UNP(0xf460a10fu); /* vld4 spacing 2 from d26: last d32 */
	NEON_OK(0xf460820fu);  /* vld1 {d24-d27} */
	NEON_UNP(0xf42f070fu); /* Rn = PC */
	NEON_UNP(0xf4eff30fu); /* vld4 lane from d31 */
	NEON_UNP(0xf4e0fd2fu); /* vld2 all lanes, spacing 2, from d31 */
}

static void vld_single_lane_index_align_rules(void **state)
{
	(void)state;
	NEON_OK(0xf4a0000fu);  /* vld1.8 {d0[0]} */
	IS_UNDEF(0xf4a0001fu);
	IS_UNDEF(0xf4a0081fu); /* vld1.32, index_align 0001 */
	NEON_OK(0xf4a0083fu);  /* vld1.32 {d0[0]}, [r0:32] */
	IS_UNDEF(0xf4a0092fu); /* vld2.32, index_align<1> */
	IS_UNDEF(0xf4a00a1fu); /* vld3.32, alignment */
	IS_UNDEF(0xf4a0061fu); /* vld3.16, index_align<0> */
	IS_UNDEF(0xf4a00b3fu); /* vld4.32, index_align 11 */
}

static void vld_all_lanes_size_and_a_rules(void **state)
{
	(void)state;
	NEON_OK(0xf4a00c0fu);  /* vld1.8 {d0[]} */
	IS_UNDEF(0xf4a00ccfu); /* size 11 */
	IS_UNDEF(0xf4a00c1fu); /* size 00, a = 1 */
	IS_UNDEF(0xf4a00dcfu); /* vld2, size 11 */
	IS_UNDEF(0xf4a00e1fu); /* vld3, a = 1 */
	IS_UNDEF(0xf4a00fcfu); /* vld4, size 11, a = 0 */
	NEON_OK(0xf4a00fdfu);  /* vld4.32 {..}, [r0:128] */
}

static void vmov_core_to_scalar_opc_0x10_is_undefined(void **state)
{
	(void)state;
	VFP_OK(0xee000b10u);   /* vmov.32 d0[0], r0 */
	IS_UNDEF(0xee000b50u);
	VFP_UNP(0xee00fb10u);  /* Rt = PC */
	VFP_UNP(0xee000b11u);  /* (0) bits */
}

static void vmov_scalar_to_core_reserved_opc_is_undefined(void **state)
{
	(void)state;
	VFP_OK(0xee100b10u);   /* vmov.32 r0, d0[0] */
	IS_UNDEF(0xee900b10u); /* U = 1, 32-bit */
	IS_UNDEF(0xee100b50u); /* opc 0x10 */
	VFP_OK(0xee500b10u);   /* vmov.s8 */
	VFP_UNP(0xee100b1fu);
}

static void vdup_core_be_11_or_q_odd_vd_is_undefined(void **state)
{
	(void)state;
	expect_class(0xeec00b10u, AMV_INSN_NEON, 0, CLASS_FLAGS); /* vdup.8 */
	IS_UNDEF(0xeec00b30u); /* B:E = 11 */
	IS_UNDEF(0xeea10b10u); /* q, odd Vd */
	expect_class(0xee80fb10u, AMV_INSN_NEON, UNP, UNDEF); /* Rt = PC */
}

static void vfp_transfer_sbz_and_pc_are_unpredictable(void **state)
{
	(void)state;
	VFP_UNP(0xee00fa10u);  /* vmov s0, pc */
	VFP_UNP(0xee000a1fu);  /* (0) bits */
	VFP_OK(0xec510b10u);   /* vmov r0, r1, d0 */
	VFP_UNP(0xec500b10u);  /* to core, Rt = Rt2 */
	VFP_UNP(0xec4f0b10u);  /* Rt2 = PC */
	VFP_UNP(0xec400a3fu);  /* two singles from S31 */
	VFP_UNP(0xeeb00a80u);  /* vmov #imm, (0) bit 7 */
	VFP_UNP(0xeeb50a41u);  /* vcmp #0, (0) bits */
	VFP_OK(0xeeb50a40u);
}

static void vldm_register_counts_are_unpredictable(void **state)
{
	(void)state;
	VFP_OK(0xec900b20u);   /* vldmia r0, {d0-d15} */
	VFP_UNP(0xec900b22u);  /* 17 registers */
	VFP_UNP(0xec900b00u);  /* none */
	VFP_UNP(0xecd0fb04u);  /* d31, d32 */
	VFP_UNP(0xecd0fa02u);  /* s31, s32 */
	VFP_UNP(0xecbf0b02u);  /* Rn = PC with writeback */
	VFP_OK(0xed900b02u);   /* vldr (no count) */
}

static void vcvtb_bit_8_and_vcvt_fixed_frac_bits_are_unpredictable(void **state)
{
	(void)state;
	VFP_OK(0xeeb20a40u);   /* vcvtb.f32.f16 */
	VFP_UNP(0xeeb20b40u);  /* bit 8 (ARMv8: double precision) */
	VFP_OK(0xeeba0a60u);   /* vcvt.f32.s16 #15 */
	VFP_UNP(0xeeba0a68u);  /* 16-bit, 17 fraction bits */
}

static void vmsr_to_mvfr_is_unpredictable(void **state)
{
	(void)state;
	expect_class(0xeee70a10u, AMV_INSN_VMSR, UNP, UNDEF);
	expect_class(0xeee60a10u, AMV_INSN_VMSR, UNP, UNDEF);
}

static void unallocated_encodings_are_undefined(void **state)
{
	(void)state;
	expect_class(0xec000000u, AMV_INSN_UNDEFINED, UNDEF, 0); /* A5.6 00000x */
	expect_class(0xfc000000u, AMV_INSN_UNDEFINED, UNDEF, 0); /* A5.7 */
	expect_class(0xff000000u, AMV_INSN_UNDEFINED, UNDEF, 0);
	expect_class(0xf7f000f0u, AMV_INSN_UNDEFINED, UNDEF, 0);
	expect_class(0xe1000070u, AMV_INSN_UNDEFINED, UNDEF, 0); /* misc 111/00 */
	expect_class(0xe1500090u, AMV_INSN_UNDEFINED, UNDEF, 0); /* sync 0101 */
	expect_class(0xe160006fu, AMV_INSN_UNDEFINED, UNDEF, 0); /* not ERET */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(null_out_or_unknown_isa_is_einval),
		cmocka_unit_test(t32_is_not_supported_yet),
		cmocka_unit_test(class_flags_pointer_may_be_null),
		cmocka_unit_test(class_names_are_distinct_and_others_are_question_mark),
		cmocka_unit_test(every_row_is_reached_by_some_word),
		cmocka_unit_test(index_lookup_agrees_with_linear_first_match),
		cmocka_unit_test(decode_class_equals_decode_on_random_words),
		cmocka_unit_test(unused_fields_are_none_or_zero),
		cmocka_unit_test(dp_modified_immediate_is_expanded),
		cmocka_unit_test(dp_immediate_shifts_decode_like_decode_imm_shift),
		cmocka_unit_test(dp_register_shifted_register_sets_reg_shift),
		cmocka_unit_test(register_shifted_register_with_pc_is_unpredictable),
		cmocka_unit_test(sbz_fields_not_zero_are_unpredictable),
		cmocka_unit_test(movw_movt_take_imm16),
		cmocka_unit_test(branch_offsets_are_signed_bytes),
		cmocka_unit_test(bx_blx_bxj_take_rm),
		cmocka_unit_test(word_and_byte_loads_stores_decode_addressing),
		cmocka_unit_test(ldr_writeback_with_rn_equal_rt_is_unpredictable),
		cmocka_unit_test(halfword_signed_and_dual_forms),
		cmocka_unit_test(ldrd_odd_rt_is_unpredictable),
		cmocka_unit_test(exclusives_and_swp),
		cmocka_unit_test(strex_rd_equal_rn_or_rt_is_unpredictable),
		cmocka_unit_test(ldm_stm_decode_reglist_and_addressing),
		cmocka_unit_test(ldm_empty_list_or_writeback_rn_in_list_is_unpredictable),
		cmocka_unit_test(coprocessor_fields),
		cmocka_unit_test(mcr_mrc_cp15_is_privileged),
		cmocka_unit_test(mcr_tpidrurw_is_not_privileged),
		cmocka_unit_test(mrc_tpidruro_is_not_privileged),
		cmocka_unit_test(cp15_barrier_operations_are_not_privileged),
		cmocka_unit_test(pmu_and_generic_timer_are_privileged),
		cmocka_unit_test(cp14_debug_comms_and_jidr_are_not_privileged),
		cmocka_unit_test(cp14_other_registers_are_privileged),
		cmocka_unit_test(other_coprocessors_are_not_privileged),
		cmocka_unit_test(vmrs_vmsr_fpscr_only_is_unprivileged),
		cmocka_unit_test(smc_hvc_eret_are_privileged),
		cmocka_unit_test(cps_is_sensitive_in_all_forms),
		cmocka_unit_test(msr_cpsr_control_or_extension_is_sensitive),
		cmocka_unit_test(msr_apsr_flags_only_is_not_sensitive),
		cmocka_unit_test(mrs_and_spsr_access_are_sensitive),
		cmocka_unit_test(mrs_msr_to_or_from_pc_or_empty_mask_is_unpredictable),
		cmocka_unit_test(banked_mrs_msr_are_sensitive_and_decode_sysm),
		cmocka_unit_test(srs_is_sensitive_rfe_is_an_exception_return),
		cmocka_unit_test(ldm_stm_user_registers_are_sensitive),
		cmocka_unit_test(ldm_user_with_pc_is_an_exception_return),
		cmocka_unit_test(subs_pc_lr_is_exception_return_and_sensitive),
		cmocka_unit_test(mov_pc_without_s_is_a_plain_branch),
		cmocka_unit_test(ldrt_family_is_sensitive),
		cmocka_unit_test(wfi_wfe_are_sensitive_other_hints_are_not),
		cmocka_unit_test(exception_generating_numbers),
		cmocka_unit_test(barriers_clrex_setend_and_preloads),
		cmocka_unit_test(multiply_fields),
		cmocka_unit_test(media_fields),
		cmocka_unit_test(vfp_and_advanced_simd_classes),
		cmocka_unit_test(unallocated_encodings_are_undefined),
		cmocka_unit_test(neon_integer_three_same_size_11_is_undefined),
		cmocka_unit_test(vmul_polynomial_size_not_00_is_undefined),
		cmocka_unit_test(vqdmulh_vqdmull_size_00_is_undefined),
		cmocka_unit_test(neon_floating_point_sz_1_is_undefined),
		cmocka_unit_test(vmull_polynomial_only_u0_size_00),
		cmocka_unit_test(neon_scalar_f_with_size_01_is_undefined),
		cmocka_unit_test(vqshlu_with_u_0_is_undefined),
		cmocka_unit_test(neon_vcvt_fixed_imm6_0xxxxx_is_undefined),
		cmocka_unit_test(neon_two_register_misc_size_rules),
		cmocka_unit_test(vswp_vtrn_vuzp_vzip_size_rules),
		cmocka_unit_test(vmovn_vqmovn_size_11_is_undefined),
		cmocka_unit_test(vdup_scalar_imm4_x000_is_undefined),
		cmocka_unit_test(vtbl_past_d31_is_unpredictable),
		cmocka_unit_test(vld2_vld3_vld4_multiple_size_11_is_undefined),
		cmocka_unit_test(vld_multiple_align_restrictions_are_undefined),
		cmocka_unit_test(vld_registers_past_d31_or_rn_pc_are_unpredictable),
		cmocka_unit_test(vld_single_lane_index_align_rules),
		cmocka_unit_test(vld_all_lanes_size_and_a_rules),
		cmocka_unit_test(vmov_core_to_scalar_opc_0x10_is_undefined),
		cmocka_unit_test(vmov_scalar_to_core_reserved_opc_is_undefined),
		cmocka_unit_test(vdup_core_be_11_or_q_odd_vd_is_undefined),
		cmocka_unit_test(vfp_transfer_sbz_and_pc_are_unpredictable),
		cmocka_unit_test(vldm_register_counts_are_unpredictable),
		cmocka_unit_test(vcvtb_bit_8_and_vcvt_fixed_frac_bits_are_unpredictable),
		cmocka_unit_test(vmsr_to_mvfr_is_unpredictable),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
