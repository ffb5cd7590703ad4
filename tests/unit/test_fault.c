/* SPDX-License-Identifier: BSD-2-Clause */
/* The short-descriptor FSR encoder against ARMv7 ARM B3.13.3 Table B3-23. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <amv/error.h>
#include <amv/fault.h>

static uint32_t fsr_of(uint8_t type, uint8_t level, uint8_t domain,
		       uint8_t flags)
{
	struct amv_fault f = {0x1234, type, level, domain, flags};
	uint32_t fsr = 0xdeadbeef;

	assert_int_equal(amv_fault_fsr(&f, &fsr), 0);
	return fsr;
}

static void status_codes_follow_table_b3_23(void **state)
{
	static const struct {
		uint8_t type, level;
		uint32_t fs;
	} rows[] = {
		{AMV_FAULT_ALIGNMENT, 0, 0x01},
		{AMV_FAULT_DEBUG, 0, 0x02},
		{AMV_FAULT_ACCESS_FLAG, 1, 0x03},
		{AMV_FAULT_ICACHE_MAINT, 0, 0x04},
		{AMV_FAULT_TRANSLATION, 1, 0x05},
		{AMV_FAULT_ACCESS_FLAG, 2, 0x06},
		{AMV_FAULT_TRANSLATION, 2, 0x07},
		{AMV_FAULT_EXT_ABORT, 0, 0x08},
		{AMV_FAULT_DOMAIN, 1, 0x09},
		{AMV_FAULT_DOMAIN, 2, 0x0b},
		{AMV_FAULT_EXT_ABORT_WALK, 1, 0x0c},
		{AMV_FAULT_PERMISSION, 1, 0x0d},
		{AMV_FAULT_EXT_ABORT_WALK, 2, 0x0e},
		{AMV_FAULT_PERMISSION, 2, 0x0f},
		{AMV_FAULT_ASYNC_EXT_ABORT, 0, 0x16},
		{AMV_FAULT_ASYNC_PARITY, 0, 0x18},
		{AMV_FAULT_PARITY, 0, 0x19},
		{AMV_FAULT_PARITY_WALK, 1, 0x1c},
		{AMV_FAULT_PARITY_WALK, 2, 0x1e},
	};
	unsigned int i;

	(void)state;
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		uint32_t fsr = fsr_of(rows[i].type, rows[i].level, 0, 0);

		/* FS[4] lives in bit 10, FS[3:0] in bits [3:0]. */
		assert_int_equal(fsr, (rows[i].fs & 0xfu) |
					      ((rows[i].fs & 0x10u) << 6));
		assert_int_equal(amv_fsr_status(fsr), rows[i].fs);
	}
}

static void dfsr_carries_domain_wnr_cm_and_ext(void **state)
{
	(void)state;
	/* Domain [7:4], WnR [11], CM [13]; ExT [12] for external aborts. */
	assert_int_equal(fsr_of(AMV_FAULT_DOMAIN, 2, 0xa, AMV_FAULT_F_WRITE),
			 0x0bu | (0xau << 4) | (1u << 11));
	assert_int_equal(fsr_of(AMV_FAULT_TRANSLATION, 1, 0,
				AMV_FAULT_F_WRITE | AMV_FAULT_F_CM),
			 0x05u | (1u << 11) | (1u << 13));
	assert_int_equal(fsr_of(AMV_FAULT_EXT_ABORT_WALK, 2, 3, AMV_FAULT_F_EXT),
			 0x0eu | (3u << 4) | (1u << 12));
	assert_int_equal(fsr_of(AMV_FAULT_ASYNC_EXT_ABORT, 0, 0, AMV_FAULT_F_EXT),
			 0x406u | (1u << 12));
}

static void ext_is_written_for_external_aborts_only(void **state)
{
	(void)state;
	assert_int_equal(fsr_of(AMV_FAULT_PERMISSION, 1, 0, AMV_FAULT_F_EXT),
			 0x0du);
	assert_int_equal(fsr_of(AMV_FAULT_EXT_ABORT, 0, 0, AMV_FAULT_F_EXT),
			 0x08u | (1u << 12));
}

static void ifsr_has_no_domain_wnr_or_cm(void **state)
{
	(void)state;
	assert_int_equal(fsr_of(AMV_FAULT_PERMISSION, 2, 0xf,
				AMV_FAULT_F_PREFETCH | AMV_FAULT_F_WRITE |
					AMV_FAULT_F_CM),
			 0x0fu);
	assert_int_equal(fsr_of(AMV_FAULT_EXT_ABORT_WALK, 1, 5,
				AMV_FAULT_F_PREFETCH | AMV_FAULT_F_EXT),
			 0x0cu | (1u << 12));
}

static void misuse_is_rejected(void **state)
{
	struct amv_fault f = {0, AMV_FAULT_TRANSLATION, 1, 0, 0};
	uint32_t fsr;

	(void)state;
	assert_int_equal(amv_fault_fsr(NULL, &fsr), -AMV_EINVAL);
	assert_int_equal(amv_fault_fsr(&f, NULL), -AMV_EINVAL);
	f.level = 0; /* level-encoded type without a level */
	assert_int_equal(amv_fault_fsr(&f, &fsr), -AMV_EINVAL);
	f.level = 3;
	assert_int_equal(amv_fault_fsr(&f, &fsr), -AMV_EINVAL);
	f.level = 1;
	f.domain = 16;
	assert_int_equal(amv_fault_fsr(&f, &fsr), -AMV_EINVAL);
	f.domain = 0;
	f.type = AMV_FAULT_NONE;
	assert_int_equal(amv_fault_fsr(&f, &fsr), -AMV_EINVAL);
	f.type = AMV_FAULT_TYPE_COUNT;
	assert_int_equal(amv_fault_fsr(&f, &fsr), -AMV_EINVAL);
	f.type = AMV_FAULT_ALIGNMENT; /* a level on a non-level type */
	f.level = 1;
	assert_int_equal(amv_fault_fsr(&f, &fsr), -AMV_EINVAL);
}

static void alignment_and_async_faults_are_data_side_only(void **state)
{
	static const uint8_t data_only[] = {AMV_FAULT_ALIGNMENT,
					    AMV_FAULT_ICACHE_MAINT,
					    AMV_FAULT_ASYNC_EXT_ABORT,
					    AMV_FAULT_ASYNC_PARITY};
	unsigned int i;
	uint32_t fsr;

	(void)state;
	for (i = 0; i < sizeof(data_only); i++) {
		struct amv_fault f = {0, data_only[i], 0, 0,
				      AMV_FAULT_F_PREFETCH};

		assert_int_equal(amv_fault_fsr(&f, &fsr), -AMV_EINVAL);
	}
}

static void decode_inverts_encode_for_every_valid_fault(void **state)
{
	unsigned int type, level, dom, flags;

	(void)state;
	for (type = 1; type < AMV_FAULT_TYPE_COUNT; type++)
		for (level = 0; level <= 2; level++)
			for (dom = 0; dom < 16; dom += 5)
				for (flags = 0; flags < 16; flags++) {
					struct amv_fault f = {0xcafe, (uint8_t)type,
							      (uint8_t)level,
							      (uint8_t)dom,
							      (uint8_t)flags};
					struct amv_fault g;
					uint32_t fsr;
					bool pf = flags & AMV_FAULT_F_PREFETCH;

					if (amv_fault_fsr(&f, &fsr) != 0)
						continue;
					assert_int_equal(amv_fault_from_fsr(
								 fsr, pf, 0xcafe, &g),
							 0);
					assert_int_equal(g.type, type);
					assert_int_equal(g.level, level);
					assert_int_equal(g.addr, 0xcafe);
					/* The decoded fault encodes to the same FSR. */
					{
						uint32_t again;
						assert_int_equal(amv_fault_fsr(&g, &again), 0);
						assert_int_equal(again, fsr);
					}
				}
}

static void reserved_status_codes_do_not_decode(void **state)
{
	/* 0b00000, lockdown 0b10100 and coprocessor 0b11010 are not faults
	 * this library produces; 0b01010 and 0b11111 are reserved. */
	static const uint32_t bad[] = {0x000, 0x404, 0x40a, 0x00a, 0x40f};
	struct amv_fault f;
	unsigned int i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(amv_fault_from_fsr(bad[i], false, 0, &f),
				 -AMV_EINVAL);
	assert_int_equal(amv_fault_from_fsr(0x001, true, 0, &f), -AMV_EINVAL);
	assert_int_equal(amv_fault_from_fsr(0x005, false, 0, NULL), -AMV_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(status_codes_follow_table_b3_23),
		cmocka_unit_test(dfsr_carries_domain_wnr_cm_and_ext),
		cmocka_unit_test(ext_is_written_for_external_aborts_only),
		cmocka_unit_test(ifsr_has_no_domain_wnr_or_cm),
		cmocka_unit_test(misuse_is_rejected),
		cmocka_unit_test(alignment_and_async_faults_are_data_side_only),
		cmocka_unit_test(decode_inverts_encode_for_every_valid_fault),
		cmocka_unit_test(reserved_status_codes_do_not_decode),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
