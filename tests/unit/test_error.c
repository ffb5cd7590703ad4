/* SPDX-License-Identifier: BSD-2-Clause */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <amv/error.h>

static void every_code_has_distinct_text(void **state)
{
	int i, j;

	(void)state;
	for (i = 1; i < AMV_E_COUNT; i++) {
		const char *t = amv_strerror(-i);

		assert_non_null(t);
		assert_string_not_equal(t, "unknown error");
		assert_string_equal(t, amv_strerror(i));
		for (j = 1; j < i; j++)
			assert_string_not_equal(t, amv_strerror(-j));
	}
}

static void zero_is_success_and_out_of_range_is_unknown(void **state)
{
	(void)state;
	assert_string_equal(amv_strerror(0), "success");
	assert_string_equal(amv_strerror(AMV_E_COUNT), "unknown error");
	assert_string_equal(amv_strerror(-AMV_E_COUNT), "unknown error");
	assert_string_equal(amv_strerror(INT32_MIN), "unknown error");
	assert_string_equal(amv_strerror(INT32_MAX), "unknown error");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_code_has_distinct_text),
		cmocka_unit_test(zero_is_success_and_out_of_range_is_unknown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
