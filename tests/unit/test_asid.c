/* SPDX-License-Identifier: BSD-2-Clause */
/* Host ASID allocation: generations, rollover, reserved ASIDs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <amv/asid.h>
#include <amv/error.h>

#include "prng.h"

static uint8_t get(struct amv_asid_alloc *a, struct amv_asid_ctx *c,
		   bool *flush)
{
	uint8_t asid = 0;
	bool f = true;

	assert_int_equal(amv_asid_get(a, c, &asid, &f), 0);
	if (flush != NULL)
		*flush = f;
	return asid;
}

static void switching_between_cached_spaces_needs_no_flush(void **state)
{
	struct amv_asid_alloc a;
	struct amv_asid_ctx c1, c2;
	bool flush;
	uint8_t x1, x2;
	int i;

	(void)state;
	assert_int_equal(amv_asid_init(&a, NULL), 0);
	amv_asid_ctx_init(&c1);
	amv_asid_ctx_init(&c2);
	x1 = get(&a, &c1, &flush);
	assert_false(flush);
	x2 = get(&a, &c2, &flush);
	assert_false(flush);
	assert_int_not_equal(x1, x2);
	for (i = 0; i < 1000; i++) {
		assert_int_equal(get(&a, &c1, &flush), x1);
		assert_false(flush);
		assert_int_equal(get(&a, &c2, &flush), x2);
		assert_false(flush);
	}
	assert_int_equal(amv_asid_rollovers(&a), 0);
}

static void reserved_asids_are_never_handed_out(void **state)
{
	uint32_t reserved[AMV_ASID_COUNT / 32] = {0};
	struct amv_asid_alloc a;
	struct amv_asid_ctx c[600];
	unsigned int i;

	(void)state;
	reserved[0] = 1u << 0;         /* ASID 0: the monitor */
	reserved[7] = 1u << 31;        /* ASID 255 */
	reserved[3] = 0x0000ff00u;     /* ASIDs 104..111 */
	assert_int_equal(amv_asid_init(&a, reserved), 0);
	for (i = 0; i < 600; i++) {
		uint8_t x;

		amv_asid_ctx_init(&c[i]);
		x = get(&a, &c[i], NULL);
		assert_int_not_equal(x, 0);
		assert_int_not_equal(x, 255);
		assert_false(x >= 104 && x <= 111);
	}
}

static void rollover_comes_once_when_asids_run_out(void **state)
{
	uint32_t reserved[AMV_ASID_COUNT / 32] = {1u}; /* ASID 0 */
	struct amv_asid_alloc a;
	struct amv_asid_ctx c[256];
	uint8_t seen[AMV_ASID_COUNT] = {0};
	bool flush;
	unsigned int i;

	(void)state;
	assert_int_equal(amv_asid_init(&a, reserved), 0);
	/* 255 free ASIDs: 255 spaces get distinct ones, no flush. */
	for (i = 0; i < 255; i++) {
		uint8_t x;

		amv_asid_ctx_init(&c[i]);
		x = get(&a, &c[i], &flush);
		assert_false(flush);
		assert_int_equal(seen[x], 0);
		seen[x] = 1;
	}
	assert_int_equal(amv_asid_rollovers(&a), 0);
	/* The 256th rolls over: one flush. */
	amv_asid_ctx_init(&c[255]);
	get(&a, &c[255], &flush);
	assert_true(flush);
	assert_int_equal(amv_asid_rollovers(&a), 1);
	/* The old spaces get new ASIDs, without another flush until the
	 * new generation runs out too (254 more). */
	for (i = 0; i < 254; i++) {
		get(&a, &c[i], &flush);
		assert_false(flush);
	}
	get(&a, &c[254], &flush);
	assert_true(flush);
	assert_int_equal(amv_asid_rollovers(&a), 2);
}

static void put_makes_an_asid_reusable_in_the_same_generation(void **state)
{
	uint32_t reserved[AMV_ASID_COUNT / 32];
	struct amv_asid_alloc a;
	struct amv_asid_ctx c1, c2;
	bool flush;
	uint8_t x;

	(void)state;
	/* Only ASID 7 free. */
	memset(reserved, 0xff, sizeof(reserved));
	reserved[0] &= ~(1u << 7);
	assert_int_equal(amv_asid_init(&a, reserved), 0);
	amv_asid_ctx_init(&c1);
	amv_asid_ctx_init(&c2);
	x = get(&a, &c1, &flush);
	assert_int_equal(x, 7);
	assert_int_equal(amv_asid_put(&a, &c1), 0);
	assert_int_equal(get(&a, &c2, &flush), 7);
	assert_false(flush); /* released, not rolled over */
	/* c1 lost its claim: it needs an ASID again, so the allocator rolls
	 * over (the only ASID is c2's). */
	assert_int_equal(get(&a, &c1, &flush), 7);
	assert_true(flush);
}

static void misuse_is_rejected(void **state)
{
	uint32_t all[AMV_ASID_COUNT / 32];
	struct amv_asid_alloc a;
	struct amv_asid_ctx c;
	uint8_t x;
	bool f;

	(void)state;
	memset(all, 0xff, sizeof(all));
	assert_int_equal(amv_asid_init(NULL, NULL), -AMV_EINVAL);
	assert_int_equal(amv_asid_init(&a, all), -AMV_EINVAL);
	assert_int_equal(amv_asid_init(&a, NULL), 0);
	amv_asid_ctx_init(&c);
	assert_int_equal(amv_asid_get(NULL, &c, &x, &f), -AMV_EINVAL);
	assert_int_equal(amv_asid_get(&a, NULL, &x, &f), -AMV_EINVAL);
	assert_int_equal(amv_asid_get(&a, &c, NULL, &f), -AMV_EINVAL);
	assert_int_equal(amv_asid_get(&a, &c, &x, NULL), -AMV_EINVAL);
	assert_int_equal(amv_asid_put(NULL, &c), -AMV_EINVAL);
	assert_int_equal(amv_asid_put(&a, NULL), -AMV_EINVAL);
	assert_int_equal(amv_asid_rollovers(NULL), 0);
}

/*
 * Property, many VMs: random switches among 2000 address spaces (with
 * releases). A host ASID may pass from one address space to another only
 * across a whole-TLB flush or an explicit release; within a generation no
 * two live address spaces share an ASID; reserved ASIDs never appear;
 * flushes are exactly the rollovers.
 */
#define SPACES 2000u

static void asids_change_hands_only_across_a_flush_or_release(void **state)
{
	uint32_t reserved[AMV_ASID_COUNT / 32] = {0x3u}; /* ASIDs 0, 1 */
	struct amv_asid_alloc a;
	struct amv_asid_ctx *c = calloc(SPACES, sizeof(*c));
	int owner[AMV_ASID_COUNT];
	unsigned long flushes = 0, i, steps = 300000;
	struct prng rng;
	uint32_t seed = 20261125;
	const char *env = getenv("AMV_SEED");

	(void)state;
	if (env != NULL)
		seed = (uint32_t)strtoul(env, NULL, 0);
	print_message("test_asid: seed %u (AMV_SEED replays)\n", seed);
	prng_seed(&rng, seed);
	assert_non_null(c);
	for (i = 0; i < AMV_ASID_COUNT; i++)
		owner[i] = -1; /* nobody since the last flush */
	assert_int_equal(amv_asid_init(&a, reserved), 0);
	for (i = 0; i < steps; i++) {
		unsigned int s = prng_below(&rng, SPACES);
		bool flush;
		uint8_t x;

		if (prng_pct(&rng, 2)) {
			/* release: the caller invalidates the ASID (TLBIASID) */
			if (c[s].generation != 0 && owner[c[s].asid] == (int)s)
				owner[c[s].asid] = -1;
			assert_int_equal(amv_asid_put(&a, &c[s]), 0);
			continue;
		}
		x = get(&a, &c[s], &flush);
		if (flush) {
			unsigned int k;

			flushes++;
			for (k = 0; k < AMV_ASID_COUNT; k++)
				owner[k] = -1;
		}
		assert_false(x < 2);
		if (owner[x] != -1 && owner[x] != (int)s)
			fail_msg("seed %u step %lu: ASID %u passed from space %d "
				 "to %u without a flush or release",
				 seed, i, x, owner[x], s);
		owner[x] = (int)s;
	}
	assert_int_equal(flushes, amv_asid_rollovers(&a));
	assert_true(flushes > 100); /* 2000 spaces over 254 ASIDs roll over */
	free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(switching_between_cached_spaces_needs_no_flush),
		cmocka_unit_test(reserved_asids_are_never_handed_out),
		cmocka_unit_test(rollover_comes_once_when_asids_run_out),
		cmocka_unit_test(put_makes_an_asid_reusable_in_the_same_generation),
		cmocka_unit_test(misuse_is_rejected),
		cmocka_unit_test(asids_change_hands_only_across_a_flush_or_release),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
