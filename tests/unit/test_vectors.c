/* SPDX-License-Identifier: BSD-2-Clause */
/* The vectors the Linux module's self-test also runs (tests/vectors). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "../vectors/amv_vectors.h"

static void report(void *ctx, const char *rule)
{
	(void)ctx;
	print_message("vector failed: %s\n", rule);
}

static void shared_vectors_pass_on_the_host(void **state)
{
	struct amv_vec_mem *m = malloc(sizeof(*m));
	unsigned int passed;

	(void)state;
	assert_non_null(m);
	passed = amv_vectors_run(m, report, NULL);
	free(m);
	assert_int_equal(passed, AMV_VECTORS_COUNT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(shared_vectors_pass_on_the_host),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
