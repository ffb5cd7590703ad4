/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Host domains standing in for the guest's lost privilege level (domain.h):
 * allocation of the 16 host domains to (guest domain, class) pairs, the host
 * DACR per class, guest DACR field and virtual mode, and the choice of class
 * for a mapping's guest permissions. Expected values are typed from the
 * class table in domain.h and the DACR encoding (ARMv7 ARM B4.1.43), never
 * computed by the code under test.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <amv/cp15.h>
#include <amv/domain.h>
#include <amv/error.h>
#include <amv/walk.h>

#define NA AMV_DACR_NOACCESS
#define CL AMV_DACR_CLIENT
#define RS AMV_DACR_RESERVED
#define MG AMV_DACR_MANAGER

#define P_R AMV_PERM_R
#define P_RW (AMV_PERM_R | AMV_PERM_W)
#define P_RX (AMV_PERM_R | AMV_PERM_X)
#define P_RWX AMV_PERM_RWX

#define BOTH AMV_DC_BOTH
#define KERN AMV_DC_KERN
#define KMGR AMV_DC_KMGR
#define USER AMV_DC_USER
#define WP AMV_DC_WP

static unsigned int field(uint32_t dacr, unsigned int d)
{
	return AMV_DACR_FIELD(dacr, d);
}

static uint32_t all_fields(unsigned int v)
{
	uint32_t dacr = 0;

	for (unsigned int d = 0; d < 16; d++)
		dacr |= (uint32_t)v << (2 * d);
	return dacr;
}

static unsigned int popcount16(unsigned int v)
{
	unsigned int n = 0;

	for (; v != 0; v &= v - 1u)
		n++;
	return n;
}

/* ------------------------------------------------------------- init */

static void init_rejects_null_and_every_domain_reserved(void **state)
{
	struct amv_domains d;

	(void)state;
	assert_int_equal(amv_domain_init(NULL, 0, 0), -AMV_EINVAL);
	assert_int_equal(amv_domain_init(&d, 0xffffu, 0x55555555u),
			 -AMV_EINVAL);
	/* One free domain is enough. */
	assert_int_equal(amv_domain_init(&d, 0x7fffu, 0), 0);
	assert_int_equal(amv_domain_get(&d, 0, BOTH), 15);
	assert_int_equal(amv_domain_init(&d, 0, 0), 0);
}

static void reserved_domains_are_never_handed_out(void **state)
{
	static const uint16_t masks[] = {0x0001u, 0x8000u, 0x0180u, 0x5555u,
					 0xfffeu};
	struct amv_domains d;

	(void)state;
	for (unsigned int m = 0; m < sizeof(masks) / sizeof(masks[0]); m++) {
		unsigned int seen = 0;
		int h;

		assert_int_equal(amv_domain_init(&d, masks[m], 0), 0);
		for (unsigned int g = 0; g < AMV_GDOM_COUNT; g++) {
			for (unsigned int c = 0; c < AMV_DC_ALL; c++) {
				h = amv_domain_get(&d, g, c);
				if (h == -AMV_ENOMEM)
					continue;
				assert_in_range(h, 0, 15);
				assert_false((masks[m] >> h) & 1u);
				seen |= 1u << h;
			}
		}
		/* Every unreserved domain was handed out, no reserved one. */
		assert_int_equal(seen, (~(unsigned int)masks[m]) & 0xffffu);
	}
}

static void reserved_dacr_fields_are_kept_and_others_ignored(void **state)
{
	struct amv_domains d;
	uint32_t dacr;

	(void)state;
	/* Domains 0 (Client) and 9 (Manager) reserved; the other fields of
	 * the given DACR (all 0b11) are junk and must not appear. */
	assert_int_equal(amv_domain_init(&d, (1u << 0) | (1u << 9),
					 0xfffffffdu),
			 0);
	for (unsigned int mode = 0; mode < 2; mode++) {
		dacr = amv_domain_dacr(&d, all_fields(MG), mode != 0);
		assert_int_equal(dacr, (CL << 0) | (MG << 18));
		dacr = amv_domain_dacr(&d, 0, mode != 0);
		assert_int_equal(dacr, (CL << 0) | (MG << 18));
	}
	/* Allocating pairs does not disturb the reserved fields. */
	for (unsigned int g = 0; g < 14; g++)
		assert_true(amv_domain_get(&d, g, BOTH) >= 0);
	assert_int_equal(amv_domain_get(&d, 14, BOTH), -AMV_ENOMEM);
	dacr = amv_domain_dacr(&d, all_fields(NA), true);
	assert_int_equal(dacr, (CL << 0) | (MG << 18));
	dacr = amv_domain_dacr(&d, all_fields(MG), false);
	assert_int_equal(field(dacr, 0), CL);
	assert_int_equal(field(dacr, 9), MG);
	for (unsigned int h = 1; h < 16; h++)
		if (h != 9)
			assert_int_equal(field(dacr, h), MG);
}

/* -------------------------------------------------------- allocation */

static void get_returns_the_same_domain_for_the_same_pair(void **state)
{
	struct amv_domains d;
	int h[AMV_GDOM_COUNT][AMV_DC_ALL];

	(void)state;
	assert_int_equal(amv_domain_init(&d, 1u, CL), 0);
	h[3][KERN] = amv_domain_get(&d, 3, KERN);
	h[AMV_GDOM_FLAT][BOTH] = amv_domain_get(&d, AMV_GDOM_FLAT, BOTH);
	h[3][KERN | WP] = amv_domain_get(&d, 3, KERN | WP);
	for (int i = 0; i < 5; i++) {
		assert_int_equal(amv_domain_get(&d, 3, KERN), h[3][KERN]);
		assert_int_equal(amv_domain_get(&d, AMV_GDOM_FLAT, BOTH),
				 h[AMV_GDOM_FLAT][BOTH]);
		assert_int_equal(amv_domain_get(&d, 3, KERN | WP),
				 h[3][KERN | WP]);
	}
}

static void get_returns_distinct_domains_for_distinct_pairs(void **state)
{
	/* Pairs that differ in the guest domain only, the class only, or the
	 * AMV_DC_WP bit only. */
	static const unsigned int pairs[][2] = {
		{0, BOTH}, {1, BOTH},      {0, KERN},        {0, KMGR},
		{0, USER}, {0, BOTH | WP}, {AMV_GDOM_FLAT, BOTH}, {15, USER},
		{15, USER | WP}, {7, KMGR}, {8, KMGR}, {7, KERN | WP},
	};
	const unsigned int n = sizeof(pairs) / sizeof(pairs[0]);
	struct amv_domains d;
	int h[sizeof(pairs) / sizeof(pairs[0])];

	(void)state;
	assert_int_equal(amv_domain_init(&d, 1u, CL), 0);
	for (unsigned int i = 0; i < n; i++) {
		h[i] = amv_domain_get(&d, pairs[i][0], pairs[i][1]);
		assert_in_range(h[i], 1, 15);
		for (unsigned int k = 0; k < i; k++)
			assert_int_not_equal(h[i], h[k]);
	}
}

static void get_rejects_null_and_out_of_range_pairs(void **state)
{
	struct amv_domains d;

	(void)state;
	assert_int_equal(amv_domain_init(&d, 0, 0), 0);
	assert_int_equal(amv_domain_get(NULL, 0, BOTH), -AMV_EINVAL);
	assert_int_equal(amv_domain_get(&d, AMV_GDOM_COUNT, BOTH), -AMV_EINVAL);
	assert_int_equal(amv_domain_get(&d, 0, AMV_DC_ALL), -AMV_EINVAL);
	assert_int_equal(amv_domain_get(&d, 0xffffffffu, BOTH), -AMV_EINVAL);
	/* Nothing was allocated by the rejected calls. */
	for (unsigned int h = 0; h < 16; h++) {
		unsigned int g, c;

		assert_int_equal(amv_domain_pair(&d, h, &g, &c), -AMV_ENOENT);
	}
}

static void exhaustion_comes_after_exactly_the_unreserved_count(void **state)
{
	static const uint16_t masks[] = {0x0000u, 0x0001u, 0x8001u, 0x00ffu,
					 0x7fffu};
	struct amv_domains d;

	(void)state;
	for (unsigned int m = 0; m < sizeof(masks) / sizeof(masks[0]); m++) {
		unsigned int free_n = 16u - popcount16(masks[m]), i;

		assert_int_equal(amv_domain_init(&d, masks[m], 0), 0);
		/* Distinct pairs: (g, c) for g = i / 8, c = i % 8. */
		for (i = 0; i < free_n; i++)
			assert_true(amv_domain_get(&d, i / AMV_DC_ALL,
						   i % AMV_DC_ALL) >= 0);
		assert_int_equal(amv_domain_get(&d, i / AMV_DC_ALL,
						i % AMV_DC_ALL),
				 -AMV_ENOMEM);
		assert_int_equal(amv_domain_get(&d, AMV_GDOM_FLAT, USER | WP),
				 -AMV_ENOMEM);
		/* Pairs that have a domain still get it when none is free. */
		for (i = 0; i < free_n; i++)
			assert_true(amv_domain_get(&d, i / AMV_DC_ALL,
						   i % AMV_DC_ALL) >= 0);
	}
}

static void reset_frees_every_pair_and_counts_a_generation(void **state)
{
	struct amv_domains d;
	unsigned int g, c;
	int h;

	(void)state;
	assert_int_equal(amv_domain_init(&d, 1u, CL), 0);
	for (unsigned int i = 0; i < 15; i++)
		assert_true(amv_domain_get(&d, i, KERN) >= 1);
	assert_int_equal(amv_domain_get(&d, 15, KERN), -AMV_ENOMEM);
	amv_domain_reset(&d);
	for (unsigned int hd = 0; hd < 16; hd++)
		assert_int_equal(amv_domain_pair(&d, hd, &g, &c), -AMV_ENOENT);
	/* Every domain free again: no field but the reserved one. */
	assert_int_equal(amv_domain_dacr(&d, all_fields(MG), true), CL);
	assert_int_equal(amv_domain_dacr(&d, all_fields(CL), false), CL);
	/* 15 new pairs fit again, the reserved domain still never appears. */
	for (unsigned int i = 0; i < 15; i++) {
		h = amv_domain_get(&d, i, USER);
		assert_in_range(h, 1, 15);
	}
	assert_int_equal(amv_domain_get(&d, 15, USER), -AMV_ENOMEM);
	assert_int_equal(d.generations, 1);
	amv_domain_reset(&d);
	assert_int_equal(d.generations, 2);
}

static void allocated_is_true_exactly_for_pairs_holding_a_domain(
	void **state)
{
	struct amv_domains d;

	(void)state;
	assert_int_equal(amv_domain_init(&d, 1u, CL), 0);
	assert_false(amv_domain_allocated(&d, 3, KERN));
	assert_true(amv_domain_get(&d, 3, KERN) >= 0);
	assert_true(amv_domain_allocated(&d, 3, KERN));
	/* Neighbouring pairs, and the WP form of the same pair, are not. */
	assert_false(amv_domain_allocated(&d, 3, KERN | WP));
	assert_false(amv_domain_allocated(&d, 4, KERN));
	assert_false(amv_domain_allocated(&d, 3, BOTH));
	/* Out of range pairs never are. */
	assert_false(amv_domain_allocated(&d, AMV_GDOM_COUNT, KERN));
	assert_false(amv_domain_allocated(&d, 3, AMV_DC_ALL));
	/* A failed get allocates nothing. */
	for (unsigned int g = 4; g < 18; g++)
		assert_true(amv_domain_get(&d, g % AMV_GDOM_COUNT, USER) >= 0);
	assert_int_equal(amv_domain_get(&d, 0, KMGR), -AMV_ENOMEM);
	assert_false(amv_domain_allocated(&d, 0, KMGR));
	amv_domain_reset(&d);
	assert_false(amv_domain_allocated(&d, 3, KERN));
}

static void pair_is_the_inverse_of_get(void **state)
{
	struct amv_domains d;

	(void)state;
	assert_int_equal(amv_domain_init(&d, 1u << 4, CL << 8), 0);
	for (unsigned int i = 0; i < 15; i++) {
		/* Spread over guest domains, classes and the WP forms. */
		unsigned int gdom = (i * 7u) % AMV_GDOM_COUNT;
		unsigned int cls = (i * 3u) % AMV_DC_ALL, g = 99, c = 99;
		int h = amv_domain_get(&d, gdom, cls);

		assert_in_range(h, 0, 15);
		assert_int_not_equal(h, 4);
		assert_int_equal(amv_domain_pair(&d, (unsigned int)h, &g, &c),
				 0);
		assert_int_equal(g, gdom);
		assert_int_equal(c, cls);
	}
}

static void pair_of_free_or_reserved_domain_is_enoent(void **state)
{
	struct amv_domains d;
	unsigned int g = 99, c = 99;
	int h;

	(void)state;
	assert_int_equal(amv_domain_init(&d, 1u << 0, CL), 0);
	assert_int_equal(amv_domain_pair(&d, 0, &g, &c), -AMV_ENOENT);
	assert_int_equal(amv_domain_pair(&d, 1, &g, &c), -AMV_ENOENT);
	h = amv_domain_get(&d, 2, KMGR);
	assert_int_equal(amv_domain_pair(&d, (unsigned int)h, &g, &c), 0);
	/* The reserved domain stays ENOENT when others are taken. */
	assert_int_equal(amv_domain_pair(&d, 0, &g, &c), -AMV_ENOENT);
	amv_domain_reset(&d);
	assert_int_equal(amv_domain_pair(&d, (unsigned int)h, &g, &c),
			 -AMV_ENOENT);
}

static void pair_rejects_null_and_domains_above_15(void **state)
{
	struct amv_domains d;
	unsigned int g, c;

	(void)state;
	assert_int_equal(amv_domain_init(&d, 0, 0), 0);
	assert_int_equal(amv_domain_get(&d, 1, BOTH), 0);
	assert_int_equal(amv_domain_pair(NULL, 0, &g, &c), -AMV_EINVAL);
	assert_int_equal(amv_domain_pair(&d, 0, NULL, &c), -AMV_EINVAL);
	assert_int_equal(amv_domain_pair(&d, 0, &g, NULL), -AMV_EINVAL);
	assert_int_equal(amv_domain_pair(&d, 16, &g, &c), -AMV_EINVAL);
}

/* -------------------------------------------------------------- DACR */

/*
 * The expected host DACR field: [class & 3][wp][guest field][kernel],
 * typed from domain.h. Guest Client: the class table (BOTH C/C, KERN C in
 * kernel and NA in user, KMGR M/C, USER NA/C). Guest Manager: Manager in
 * both modes, except AMV_DC_WP pairs, which keep the Client row. Guest No
 * access or reserved: No access.
 */
static const uint8_t want[4][2][4][2] = {
	/*            guest:  NA        CL        RS        MG
	 *            mode:   u   k     u   k     u   k     u   k */
	[BOTH] = {{{NA, NA}, {CL, CL}, {NA, NA}, {MG, MG}},
		  {{NA, NA}, {CL, CL}, {NA, NA}, {CL, CL}}},
	[KERN] = {{{NA, NA}, {NA, CL}, {NA, NA}, {MG, MG}},
		  {{NA, NA}, {NA, CL}, {NA, NA}, {NA, CL}}},
	[KMGR] = {{{NA, NA}, {CL, MG}, {NA, NA}, {MG, MG}},
		  {{NA, NA}, {CL, MG}, {NA, NA}, {CL, MG}}},
	[USER] = {{{NA, NA}, {CL, NA}, {NA, NA}, {MG, MG}},
		  {{NA, NA}, {CL, NA}, {NA, NA}, {CL, NA}}},
};

/* Host domain @h of pair (@gdom, @cls): its field for every guest field of
 * @gdom (the other guest domains No access) and mode. */
static void check_pair_fields(const struct amv_domains *d, unsigned int gdom,
			      unsigned int cls, unsigned int h)
{
	for (unsigned int gf = 0; gf < 4; gf++) {
		for (unsigned int k = 0; k < 2; k++) {
			uint32_t g = (uint32_t)gf << (2 * gdom);
			uint32_t dacr = amv_domain_dacr(d, g, k != 0);
			unsigned int w = want[cls & 3u][cls >> 2][gf][k];

			if (field(dacr, h) != w)
				fail_msg("class %u gdom %u guest field %u %s "
					 "mode: host field %u, want %u",
					 cls, gdom, gf, k ? "kernel" : "user",
					 field(dacr, h), w);
			assert_int_equal(field(dacr, 0), CL);
		}
	}
}

static void dacr_follows_the_class_table_for_every_guest_field_and_mode(
	void **state)
{
	struct amv_domains d;

	(void)state;
	for (unsigned int cls = 0; cls < AMV_DC_ALL; cls++) {
		for (unsigned int gdom = 0; gdom < 16; gdom++) {
			int h;

			assert_int_equal(amv_domain_init(&d, 1u, CL), 0);
			/* A neighbour pair in another guest domain, so a
			 * field leaking into the wrong place shows. */
			assert_true(amv_domain_get(&d, (gdom + 1u) & 15u,
						   USER) >= 0);
			h = amv_domain_get(&d, gdom, cls);
			assert_in_range(h, 1, 15);
			check_pair_fields(&d, gdom, cls, (unsigned int)h);
		}
	}
}

static void dacr_of_free_domains_is_no_access(void **state)
{
	struct amv_domains d;
	uint32_t dacr;
	int h;

	(void)state;
	assert_int_equal(amv_domain_init(&d, 1u, CL), 0);
	h = amv_domain_get(&d, 5, BOTH);
	dacr = amv_domain_dacr(&d, all_fields(MG), true);
	for (unsigned int i = 1; i < 16; i++)
		assert_int_equal(field(dacr, i),
				 i == (unsigned int)h ? MG : NA);
	assert_int_equal(amv_domain_dacr(NULL, all_fields(MG), true), 0);
}

static void wp_pair_in_a_manager_guest_domain_stays_client(void **state)
{
	struct amv_domains d;
	int plain, wp;
	uint32_t k, u;

	(void)state;
	/* The same guest domain 6 in Manager: the plain BOTH pair is
	 * Manager (AP ignored), the BOTH | WP pair Client (AP read-only). */
	assert_int_equal(amv_domain_init(&d, 1u, CL), 0);
	plain = amv_domain_get(&d, 6, BOTH);
	wp = amv_domain_get(&d, 6, BOTH | WP);
	k = amv_domain_dacr(&d, MG << 12, true);
	u = amv_domain_dacr(&d, MG << 12, false);
	assert_int_equal(field(k, (unsigned int)plain), MG);
	assert_int_equal(field(u, (unsigned int)plain), MG);
	assert_int_equal(field(k, (unsigned int)wp), CL);
	assert_int_equal(field(u, (unsigned int)wp), CL);
}

static void flat_pseudo_domain_is_client_whatever_the_guest_dacr(void **state)
{
	struct amv_domains d;
	int h;

	(void)state;
	assert_int_equal(amv_domain_init(&d, 1u, CL), 0);
	h = amv_domain_get(&d, AMV_GDOM_FLAT, BOTH);
	assert_in_range(h, 1, 15);
	for (unsigned int gf = 0; gf < 4; gf++)
		for (unsigned int k = 0; k < 2; k++)
			assert_int_equal(
				field(amv_domain_dacr(&d, all_fields(gf),
						      k != 0),
				      (unsigned int)h),
				CL);
}

/* ------------------------------------------------------------ classes */

static void full_access_page_is_both_with_user_permissions(void **state)
{
	unsigned int perm = 0;

	(void)state;
	for (unsigned int k = 0; k < 2; k++) {
		assert_int_equal(amv_domain_class(P_RWX, P_RWX, k != 0, &perm),
				 BOTH);
		assert_int_equal(perm, P_RWX);
		assert_int_equal(amv_domain_class(P_R, P_R, k != 0, &perm),
				 BOTH);
		assert_int_equal(perm, P_R);
		assert_int_equal(amv_domain_class(P_RW, P_RW, k != 0, &perm),
				 BOTH);
		assert_int_equal(perm, P_RW);
	}
}

static void kernel_only_page_is_kern_in_both_modes(void **state)
{
	unsigned int perm = 0;

	(void)state;
	for (unsigned int k = 0; k < 2; k++) {
		/* AP = 001, not XN; AP = 001 XN; AP = 101 (PL1 read-only). */
		assert_int_equal(amv_domain_class(P_RWX, 0, k != 0, &perm),
				 KERN);
		assert_int_equal(perm, P_RWX);
		assert_int_equal(amv_domain_class(P_RW, 0, k != 0, &perm),
				 KERN);
		assert_int_equal(perm, P_RW);
		assert_int_equal(amv_domain_class(P_RX, 0, k != 0, &perm),
				 KERN);
		assert_int_equal(perm, P_RX);
	}
}

static void kernel_rwx_user_ro_uses_the_manager_trick(void **state)
{
	unsigned int perm = 0;

	(void)state;
	/* AP = 010, not XN: PL1 RWX, PL0 RX. */
	for (unsigned int k = 0; k < 2; k++) {
		assert_int_equal(amv_domain_class(P_RWX, P_RX, k != 0, &perm),
				 KMGR);
		assert_int_equal(perm, P_RX);
	}
}

static void kernel_rw_user_ro_xn_takes_a_mode_view_never_kmgr(void **state)
{
	unsigned int perm = 0;

	(void)state;
	/* AP = 010 with XN: PL1 RW, PL0 R. Manager would let the kernel
	 * execute it (B3.7.3), so no KMGR. */
	assert_int_equal(amv_domain_class(P_RW, P_R, true, &perm), KERN);
	assert_int_equal(perm, P_RW);
	assert_int_equal(amv_domain_class(P_RW, P_R, false, &perm), USER);
	assert_int_equal(perm, P_R);
}

static void pxn_page_takes_a_mode_view(void **state)
{
	unsigned int perm = 0;

	(void)state;
	/* AP = 010 with PXN: PL1 RW (no X), PL0 RX. */
	assert_int_equal(amv_domain_class(P_RW, P_RX, true, &perm), KERN);
	assert_int_equal(perm, P_RW);
	assert_int_equal(amv_domain_class(P_RW, P_RX, false, &perm), USER);
	assert_int_equal(perm, P_RX);
	/* AP = 011 with PXN: PL1 RW, PL0 RWX. */
	assert_int_equal(amv_domain_class(P_RW, P_RWX, true, &perm), KERN);
	assert_int_equal(perm, P_RW);
	assert_int_equal(amv_domain_class(P_RW, P_RWX, false, &perm), USER);
	assert_int_equal(perm, P_RWX);
}

/* What the host grants at PL0 in class @cls, mode @k, guest domain Client,
 * for host permissions @perm (DACR per the domain.h table). */
static unsigned int host_grants(unsigned int cls, bool k, unsigned int perm)
{
	unsigned int f = want[cls & 3u][0][CL][k ? 1 : 0];

	return f == MG ? P_RWX : f == CL ? perm : 0u;
}

/* The class chosen for guest permissions (cp1, cp0) filled in mode @k
 * gives that mode exactly its permissions, and a class that is not a mode
 * view (BOTH, KMGR, KERN with no user access) gives the other mode exactly
 * its permissions too. */
static void check_class(unsigned int cp1, unsigned int cp0, bool k)
{
	unsigned int perm = 0xff;
	unsigned int cls = amv_domain_class(cp1, cp0, k, &perm);
	bool view = cls == USER || (cls == KERN && cp0 != 0);

	assert_in_range(cls, 0, AMV_DC_COUNT - 1);
	if (host_grants(cls, k, perm) != (k ? cp1 : cp0))
		fail_msg("cp1 %#x cp0 %#x %s mode: class %u perm %#x", cp1, cp0,
			 k ? "kernel" : "user", cls, perm);
	if (!view)
		assert_int_equal(host_grants(cls, !k, perm), k ? cp0 : cp1);
	if (cls == KMGR)
		assert_int_equal(cp1, P_RWX);
}

/*
 * Every guest permission pair a short descriptor can produce (AP[2:0] x XN
 * x PXN, B3.7.1 and B3.7.2, AFE = 0), in both modes.
 */
static void class_gives_each_mode_exactly_its_guest_permissions(void **state)
{
	/* PL1 and PL0 data permissions of AP[2:0] (B3.7.1, Table B3-6;
	 * 0b100 no access, walk.h). */
	static const uint8_t ap_pl1[8] = {0, P_RW, P_RW, P_RW,
					  0, P_R, P_R, P_R};
	static const uint8_t ap_pl0[8] = {0, 0, P_R, P_RW,
					  0, 0, P_R, P_R};

	(void)state;
	for (unsigned int v = 0; v < 8 * 4; v++) {
		unsigned int ap = v >> 2, xn = v & 1u, pxn = (v >> 1) & 1u;
		unsigned int cp1 = ap_pl1[ap], cp0 = ap_pl0[ap];

		/* B3.7.2: fetches need read permission and no XN; PXN
		 * applies at PL1 only. */
		if (!xn && cp1 && !pxn)
			cp1 |= AMV_PERM_X;
		if (!xn && cp0)
			cp0 |= AMV_PERM_X;
		check_class(cp1, cp0, true);
		check_class(cp1, cp0, false);
	}
}

/* -------------------------------------------------------------- fits */

static void both_fits_only_when_the_modes_agree(void **state)
{
	unsigned int perm = 0;

	(void)state;
	assert_true(amv_domain_fits(BOTH, P_RWX, P_RWX, true, &perm));
	assert_int_equal(perm, P_RWX);
	assert_true(amv_domain_fits(BOTH, P_R, P_R, false, &perm));
	assert_int_equal(perm, P_R);
	assert_false(amv_domain_fits(BOTH, P_RWX, P_RX, true, &perm));
	assert_false(amv_domain_fits(BOTH, P_RWX, P_RX, false, &perm));
	assert_false(amv_domain_fits(BOTH, P_RWX, 0, true, &perm));
}

static void kern_fits_user_mode_only_without_user_access(void **state)
{
	unsigned int perm = 0;

	(void)state;
	/* Kernel mode: the kernel's permissions, whatever the user has. */
	assert_true(amv_domain_fits(KERN, P_RW, P_R, true, &perm));
	assert_int_equal(perm, P_RW);
	assert_true(amv_domain_fits(KERN, P_RWX, 0, true, &perm));
	assert_int_equal(perm, P_RWX);
	/* User mode: No access, right only for a kernel-only page. */
	assert_true(amv_domain_fits(KERN, P_RWX, 0, false, &perm));
	assert_false(amv_domain_fits(KERN, P_RW, P_R, false, &perm));
}

static void kmgr_fits_only_a_kernel_with_rwx(void **state)
{
	unsigned int perm = 0;

	(void)state;
	for (unsigned int k = 0; k < 2; k++) {
		assert_true(amv_domain_fits(KMGR, P_RWX, P_RX, k != 0, &perm));
		assert_int_equal(perm, P_RX);
		assert_true(amv_domain_fits(KMGR, P_RWX, 0, k != 0, &perm));
		assert_int_equal(perm, 0);
		assert_false(amv_domain_fits(KMGR, P_RW, P_R, k != 0, &perm));
		assert_false(amv_domain_fits(KMGR, P_RW, P_RX, k != 0, &perm));
	}
}

static void user_fits_kernel_mode_only_without_kernel_access(void **state)
{
	unsigned int perm = 0;

	(void)state;
	assert_true(amv_domain_fits(USER, P_RW, P_R, false, &perm));
	assert_int_equal(perm, P_R);
	assert_false(amv_domain_fits(USER, P_RW, P_R, true, &perm));
	assert_true(amv_domain_fits(USER, 0, 0, true, &perm));
	assert_int_equal(perm, 0);
}

static void wp_forms_fit_like_their_class_and_unknown_classes_never(
	void **state)
{
	unsigned int perm = 0;

	(void)state;
	assert_true(amv_domain_fits(BOTH | WP, P_RX, P_RX, true, &perm));
	assert_int_equal(perm, P_RX);
	assert_false(amv_domain_fits(KERN | WP, P_RX, P_RX, false, &perm));
	assert_true(amv_domain_fits(USER | WP, P_RX, P_RX, false, &perm));
	assert_false(amv_domain_fits(AMV_DC_ALL, P_RX, P_RX, true, &perm));
	assert_false(amv_domain_fits(0x100u, 0, 0, true, &perm));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(init_rejects_null_and_every_domain_reserved),
		cmocka_unit_test(reserved_domains_are_never_handed_out),
		cmocka_unit_test(reserved_dacr_fields_are_kept_and_others_ignored),
		cmocka_unit_test(get_returns_the_same_domain_for_the_same_pair),
		cmocka_unit_test(get_returns_distinct_domains_for_distinct_pairs),
		cmocka_unit_test(get_rejects_null_and_out_of_range_pairs),
		cmocka_unit_test(exhaustion_comes_after_exactly_the_unreserved_count),
		cmocka_unit_test(reset_frees_every_pair_and_counts_a_generation),
		cmocka_unit_test(allocated_is_true_exactly_for_pairs_holding_a_domain),
		cmocka_unit_test(pair_is_the_inverse_of_get),
		cmocka_unit_test(pair_of_free_or_reserved_domain_is_enoent),
		cmocka_unit_test(pair_rejects_null_and_domains_above_15),
		cmocka_unit_test(dacr_follows_the_class_table_for_every_guest_field_and_mode),
		cmocka_unit_test(dacr_of_free_domains_is_no_access),
		cmocka_unit_test(wp_pair_in_a_manager_guest_domain_stays_client),
		cmocka_unit_test(flat_pseudo_domain_is_client_whatever_the_guest_dacr),
		cmocka_unit_test(full_access_page_is_both_with_user_permissions),
		cmocka_unit_test(kernel_only_page_is_kern_in_both_modes),
		cmocka_unit_test(kernel_rwx_user_ro_uses_the_manager_trick),
		cmocka_unit_test(kernel_rw_user_ro_xn_takes_a_mode_view_never_kmgr),
		cmocka_unit_test(pxn_page_takes_a_mode_view),
		cmocka_unit_test(class_gives_each_mode_exactly_its_guest_permissions),
		cmocka_unit_test(both_fits_only_when_the_modes_agree),
		cmocka_unit_test(kern_fits_user_mode_only_without_user_access),
		cmocka_unit_test(kmgr_fits_only_a_kernel_with_rwx),
		cmocka_unit_test(user_fits_kernel_mode_only_without_kernel_access),
		cmocka_unit_test(wp_forms_fit_like_their_class_and_unknown_classes_never),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
