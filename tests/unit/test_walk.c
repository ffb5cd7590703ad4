/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The reference short-descriptor walker, rule by rule, against the ARMv7 ARM
 * (DDI 0406C) chapter B3 and the choices documented in walk.h. Tables live in
 * host buffers placed in a simulated guest physical memory (testmem); every
 * expected value is typed from the architecture, never computed by the code
 * under test.
 *
 * Physical layout used by most tests:
 *   L1_PA        16 KiB first-level table (TTBR0, and TTBR1 where used)
 *   L2_PA + k*1K four second-level tables, k = 0..3
 *   AUX_PA + ... a TTBR0 table sized for TTBCR.N (TTBCR tests only)
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <amv/cp15.h>
#include <amv/desc.h>
#include <amv/error.h>
#include <amv/fault.h>
#include <amv/walk.h>

#include "testmem.h"

#define L1_PA 0x40010000u
#define L2_PA 0x40020000u
#define AUX_PA 0x50000000u

#define SCTLR_MMU (AMV_SCTLR_M | AMV_SCTLR_XP)
#define DACR_ALL_CLIENT 0x55555555u

/* Short names for the expectation tables. */
#define SO AMV_MT_STRONGLY_ORDERED
#define DEV AMV_MT_DEVICE
#define NOR AMV_MT_NORMAL
#define NC AMV_CACHE_NC
#define WBWA AMV_CACHE_WBWA
#define WT AMV_CACHE_WT
#define WB AMV_CACHE_WB
#define SH_NO AMV_SH_NONE
#define SH_IN AMV_SH_INNER
#define SH_OUT AMV_SH_OUTER
#define P_R AMV_PERM_R
#define P_W AMV_PERM_W
#define P_X AMV_PERM_X
#define P_RW (AMV_PERM_R | AMV_PERM_W)
#define P_RX (AMV_PERM_R | AMV_PERM_X)
#define P_RWX AMV_PERM_RWX

#define RD AMV_ACC_READ
#define WR AMV_ACC_WRITE
#define IF AMV_ACC_FETCH
#define CM AMV_ACC_CMAINT
#define USR AMV_ACC_USER

#define F_W AMV_FAULT_F_WRITE
#define F_PF AMV_FAULT_F_PREFETCH
#define F_CM AMV_FAULT_F_CM
#define F_EXT AMV_FAULT_F_EXT

struct env {
	struct testmem mem;
	struct amv_port port;
	struct amv_regime r;
	uint32_t l1[AMV_L1_ENTRIES];
	uint32_t l2[4][AMV_L2_ENTRIES];
	uint32_t aux[AMV_L1_ENTRIES];
};

/* ------------------------------------------------------------ fixture */

static void env_map(struct env *e)
{
	testmem_init(&e->mem);
	assert_int_equal(testmem_add(&e->mem, L1_PA, e->l1, AMV_L1_ENTRIES), 0);
	assert_int_equal(testmem_add(&e->mem, L2_PA, &e->l2[0][0],
				     4 * AMV_L2_ENTRIES),
			 0);
}

static int setup(void **state)
{
	struct env *e = calloc(1, sizeof(*e));

	if (e == NULL)
		return -1;
	env_map(e);
	e->port = testmem_port(&e->mem);
	e->r.sctlr = SCTLR_MMU;
	e->r.ttbr0 = L1_PA;
	e->r.ttbr1 = 0;
	e->r.ttbcr = 0;
	e->r.dacr = DACR_ALL_CLIENT;
	*state = e;
	return 0;
}

static int teardown(void **state)
{
	free(*state);
	return 0;
}

/* ------------------------------------------------- descriptor builders */

static uint32_t l1_ap(unsigned int ap)
{
	return ((ap & 3u) << AMV_L1_AP01_SHIFT) | ((ap & 4u) ? AMV_L1_AP2 : 0u);
}

static uint32_t l2_ap(unsigned int ap)
{
	return ((ap & 3u) << AMV_L2_AP01_SHIFT) | ((ap & 4u) ? AMV_L2_AP2 : 0u);
}

static uint32_t section(uint32_t pa, unsigned int dom, unsigned int ap)
{
	return (pa & AMV_L1_SECTION_BASE_MASK) |
	       ((dom & AMV_L1_DOMAIN_MASK) << AMV_L1_DOMAIN_SHIFT) | l1_ap(ap) |
	       AMV_L1_TYPE_SECTION;
}

static uint32_t supersection(uint64_t pa, unsigned int ap)
{
	return ((uint32_t)pa & AMV_L1_SUPER_BASE_MASK) |
	       (((uint32_t)(pa >> 32) & 0xfu) << AMV_L1_SUPER_PA35_32_SHIFT) |
	       (((uint32_t)(pa >> 36) & 0xfu) << AMV_L1_SUPER_PA39_36_SHIFT) |
	       AMV_L1_SUPER | l1_ap(ap) | AMV_L1_TYPE_SECTION;
}

static uint32_t page_table(uint32_t pa, unsigned int dom)
{
	return (pa & AMV_L1_TABLE_BASE_MASK) |
	       ((dom & AMV_L1_DOMAIN_MASK) << AMV_L1_DOMAIN_SHIFT) |
	       AMV_L1_TYPE_TABLE;
}

static uint32_t small_page(uint32_t pa, unsigned int ap)
{
	return (pa & AMV_L2_SMALL_BASE_MASK) | l2_ap(ap) | AMV_L2_SMALL;
}

static uint32_t large_page(uint32_t pa, unsigned int ap)
{
	return (pa & AMV_L2_LARGE_BASE_MASK) | l2_ap(ap) | AMV_L2_TYPE_LARGE;
}

static uint32_t l1_tex(unsigned int tex)
{
	return (tex & AMV_L1_TEX_MASK) << AMV_L1_TEX_SHIFT;
}

static uint32_t small_tex(unsigned int tex)
{
	return (tex & AMV_L2_TEX_MASK) << AMV_L2_SMALL_TEX_SHIFT;
}

static uint32_t large_tex(unsigned int tex)
{
	return (tex & AMV_L2_TEX_MASK) << AMV_L2_LARGE_TEX_SHIFT;
}

static uint32_t dacr_set(uint32_t dacr, unsigned int dom, unsigned int val)
{
	return (dacr & ~(3u << (2u * dom))) | ((val & 3u) << (2u * dom));
}

static uint32_t prrr_tr(unsigned int region, unsigned int tr)
{
	return (tr & 3u) << (2u * region);
}

static uint32_t nmrr_rgn(unsigned int region, unsigned int ir, unsigned int orgn)
{
	return ((ir & 3u) << (2u * region)) | ((orgn & 3u) << (16u + 2u * region));
}

static uint32_t bswap32(uint32_t v)
{
	return (v >> 24) | ((v >> 8) & 0xff00u) | ((v << 8) & 0xff0000u) |
	       (v << 24);
}

/* The fault flags an access kind must produce (walk.h, B4.1.52). */
static unsigned int flags_for(unsigned int acc)
{
	switch (acc & AMV_ACC_KIND_MASK) {
	case AMV_ACC_WRITE:
		return F_W;
	case AMV_ACC_FETCH:
		return F_PF;
	case AMV_ACC_CMAINT:
		return F_W | F_CM;
	default:
		return 0;
	}
}

/* ------------------------------------------------------- walk helpers */

static struct amv_xlat walk_ok_at(struct env *e, uint32_t va, unsigned int acc,
				  const char *file, int line)
{
	struct amv_xlat x;
	struct amv_fault f;
	int rc;

	memset(&x, 0, sizeof(x));
	memset(&f, 0, sizeof(f));
	rc = amv_walk(&e->r, &e->port, va, acc, &x, &f);
	if (rc != AMV_WALK_OK)
		print_message("%s:%d: va 0x%08x access 0x%x: rc %d, fault "
			      "type %u level %u domain %u flags 0x%x\n",
			      file, line, (unsigned int)va, acc, rc, f.type,
			      f.level, f.domain, f.flags);
	_assert_int_equal(cast_to_largest_integral_type(rc), AMV_WALK_OK, file,
			  line);
	_assert_int_equal(e->mem.unmodelled, 0, file, line);
	_assert_int_equal(x.va, va, file, line);
	return x;
}
#define walk_ok(e, va, acc) walk_ok_at((e), (va), (acc), __FILE__, __LINE__)

static struct amv_fault walk_fault_at(struct env *e, uint32_t va,
				      unsigned int acc, unsigned int type,
				      unsigned int level, unsigned int domain,
				      unsigned int flags, struct amv_xlat *xout,
				      const char *file, int line)
{
	struct amv_xlat x;
	struct amv_fault f;
	int rc;

	memset(&x, 0, sizeof(x));
	memset(&f, 0, sizeof(f));
	rc = amv_walk(&e->r, &e->port, va, acc, &x, &f);
	if (rc != AMV_WALK_FAULT || f.type != type || f.level != level ||
	    f.domain != domain || f.flags != flags || f.addr != va)
		print_message("%s:%d: va 0x%08x access 0x%x: want fault type %u "
			      "level %u domain %u flags 0x%x; got rc %d type %u "
			      "level %u domain %u flags 0x%x addr 0x%08x "
			      "(xlat pa 0x%llx)\n",
			      file, line, (unsigned int)va, acc, type, level,
			      domain, flags, rc, f.type, f.level, f.domain,
			      f.flags, (unsigned int)f.addr,
			      (unsigned long long)x.pa);
	_assert_int_equal(cast_to_largest_integral_type(rc), AMV_WALK_FAULT,
			  file, line);
	_assert_int_equal(f.type, type, file, line);
	_assert_int_equal(f.level, level, file, line);
	_assert_int_equal(f.domain, domain, file, line);
	_assert_int_equal(f.flags, flags, file, line);
	_assert_int_equal(f.addr, va, file, line);
	if (xout != NULL)
		*xout = x;
	return f;
}
#define walk_fault(e, va, acc, type, level, dom, flags)                        \
	walk_fault_at((e), (va), (acc), (type), (level), (dom), (flags), NULL, \
		      __FILE__, __LINE__)
#define walk_fault_x(e, va, acc, type, level, dom, flags, x)                   \
	walk_fault_at((e), (va), (acc), (type), (level), (dom), (flags), (x),  \
		      __FILE__, __LINE__)

static void attr_is_at(const struct amv_memattr *a, unsigned int type,
		       unsigned int inner, unsigned int outer, unsigned int share,
		       const char *file, int line)
{
	if (a->type != type || a->inner != inner || a->outer != outer ||
	    a->share != share)
		print_message("%s:%d: want attr type %u inner %u outer %u share "
			      "%u; got %u %u %u %u\n",
			      file, line, type, inner, outer, share, a->type,
			      a->inner, a->outer, a->share);
	_assert_int_equal(a->type, type, file, line);
	_assert_int_equal(a->inner, inner, file, line);
	_assert_int_equal(a->outer, outer, file, line);
	_assert_int_equal(a->share, share, file, line);
}
#define attr_is(a, type, inner, outer, share)                                  \
	attr_is_at((a), (type), (inner), (outer), (share), __FILE__, __LINE__)

static uint32_t fsr_of(const struct amv_fault *f)
{
	uint32_t fsr = 0xdeadbeefu;

	assert_int_equal(amv_fault_fsr(f, &fsr), 0);
	return fsr;
}

/*
 * Check one access against expected PL1/PL0 permissions (AMV_PERM_R/W,
 * execute implied by read when @xn is clear): allowed accesses translate
 * and report @pl1/@pl0 (+X), refused ones take a permission fault at
 * @level in @dom with the access's flags. @ap only labels failures.
 */
static void check_perms_at(struct env *e, uint32_t va, unsigned int ap,
			   unsigned int level, unsigned int dom,
			   unsigned int pl1, unsigned int pl0, const char *file,
			   int line)
{
	static const unsigned int accs[] = {RD, WR, IF, USR | RD, USR | WR,
					    USR | IF};
	unsigned int want1 = pl1 | ((pl1 & P_R) ? P_X : 0u);
	unsigned int want0 = pl0 | ((pl0 & P_R) ? P_X : 0u);
	unsigned int i;

	for (i = 0; i < sizeof(accs) / sizeof(accs[0]); i++) {
		unsigned int acc = accs[i];
		unsigned int kind = acc & AMV_ACC_KIND_MASK;
		unsigned int have = (acc & USR) ? want0 : want1;
		unsigned int need = kind == WR ? P_W : kind == IF ? P_X : P_R;
		bool allowed = (have & need) != 0;
		struct amv_xlat x;
		struct amv_fault f;
		int rc;

		memset(&x, 0, sizeof(x));
		memset(&f, 0, sizeof(f));
		rc = amv_walk(&e->r, &e->port, va, acc, &x, &f);
		if (allowed ? (rc != AMV_WALK_OK || x.perm_pl1 != want1 ||
			       x.perm_pl0 != want0)
			    : (rc != AMV_WALK_FAULT ||
			       f.type != AMV_FAULT_PERMISSION ||
			       f.level != level || f.domain != dom ||
			       f.flags != flags_for(acc)))
			print_message("%s:%d: AP %u va 0x%08x access 0x%x: want "
				      "%s (perm %x/%x); got rc %d perm %x/%x "
				      "fault type %u level %u domain %u flags "
				      "0x%x\n",
				      file, line, ap, (unsigned int)va, acc,
				      allowed ? "ok" : "permission fault", want1,
				      want0, rc, x.perm_pl1, x.perm_pl0, f.type,
				      f.level, f.domain, f.flags);
		if (allowed) {
			_assert_int_equal(cast_to_largest_integral_type(rc),
					  AMV_WALK_OK, file, line);
			_assert_int_equal(x.perm_pl1, want1, file, line);
			_assert_int_equal(x.perm_pl0, want0, file, line);
		} else {
			walk_fault_at(e, va, acc, AMV_FAULT_PERMISSION, level,
				      dom, flags_for(acc), NULL, file, line);
		}
	}
}
#define check_perms(e, va, ap, level, dom, pl1, pl0)                           \
	check_perms_at((e), (va), (ap), (level), (dom), (pl1), (pl0),          \
		       __FILE__, __LINE__)

/* ===================================================== TTBCR and TTBRs */

/* B3.5.4: with N > 0, VA[31:32-N] == 0 selects TTBR0, whose table is
 * 2^(14-N) bytes at TTBR0[31:14-N]; TTBR1's table is 16 KiB at
 * TTBR1[31:14], indexed by VA[31:20]. */
static const struct {
	unsigned int n;
	uint32_t split;      /* lowest VA walked with TTBR1 (N = 0: none) */
	uint32_t ttbr0_mask; /* TTBR0[31:14-N] */
	uint32_t table_size; /* bytes of the TTBR0 table */
	uint32_t last0_off;  /* offset of the last TTBR0 entry */
	uint32_t split1_off; /* offset in TTBR1's table of the split entry */
} ttbcr_rows[8] = {
	{0, 0x00000000u, 0xffffc000u, 0x4000u, 0x3ffcu, 0},
	{1, 0x80000000u, 0xffffe000u, 0x2000u, 0x1ffcu, 0x2000u},
	{2, 0x40000000u, 0xfffff000u, 0x1000u, 0x0ffcu, 0x1000u},
	{3, 0x20000000u, 0xfffff800u, 0x0800u, 0x07fcu, 0x0800u},
	{4, 0x10000000u, 0xfffffc00u, 0x0400u, 0x03fcu, 0x0400u},
	{5, 0x08000000u, 0xfffffe00u, 0x0200u, 0x01fcu, 0x0200u},
	{6, 0x04000000u, 0xffffff00u, 0x0100u, 0x00fcu, 0x0100u},
	{7, 0x02000000u, 0xffffff80u, 0x0080u, 0x007cu, 0x0080u},
};

/*
 * TTBR0 table of 2^(14-N) bytes at AUX_PA + @align: @align = its size makes
 * it aligned to its size but not to twice it (only a TTBR0[31:14-N] base
 * finds it); @align = 0x4000 keeps it 16 KiB aligned. Every TTBR0 bit below
 * the base is set; TTBR1 = L1_PA | 0x3fff.
 */
static uint32_t ttbcr_setup_at(struct env *e, unsigned int i, uint32_t align)
{
	uint32_t size = ttbcr_rows[i].table_size;
	uint32_t base0 = AUX_PA + align;

	assert_int_equal(ttbcr_rows[i].ttbr0_mask, (uint32_t)~(size - 1u));
	memset(e->l1, 0, sizeof(e->l1));
	memset(e->aux, 0, sizeof(e->aux));
	testmem_init(&e->mem);
	assert_int_equal(testmem_add(&e->mem, L1_PA, e->l1, AMV_L1_ENTRIES), 0);
	assert_int_equal(testmem_add(&e->mem, base0, e->aux, size / 4u), 0);
	e->r.ttbcr = ttbcr_rows[i].n;
	e->r.ttbr0 = base0 | (size - 1u);
	e->r.ttbr1 = L1_PA | 0x3fffu;

	e->aux[0] = section(0x0a000000u, 0, 3);
	e->aux[size / 4u - 1u] = section(0x0b000000u, 0, 3);
	e->l1[0] = section(0x0e000000u, 0, 3); /* VA 0 must not come here */
	if (ttbcr_rows[i].n != 0) {
		e->l1[ttbcr_rows[i].split >> 20] = section(0x0c000000u, 0, 3);
		e->l1[0xfff] = section(0x0d000000u, 0, 3);
	}
	return base0;
}

static uint32_t ttbcr_setup(struct env *e, unsigned int i)
{
	return ttbcr_setup_at(e, i, ttbcr_rows[i].table_size);
}

static uint32_t ttbcr_setup_16k(struct env *e, unsigned int i)
{
	return ttbcr_setup_at(e, i, 0x4000u);
}

static void ttbcr_n_selects_ttbr1_from_va_2_pow_32_minus_n(void **state)
{
	struct env *e = *state;
	unsigned int i;

	for (i = 1; i < 8; i++) {
		uint32_t split = ttbcr_rows[i].split;

		ttbcr_setup_16k(e, i);
		assert_int_equal(walk_ok(e, 0x00000000u, RD).pa, 0x0a000000u);
		assert_int_equal(walk_ok(e, split - 1u, RD).pa, 0x0b0fffffu);
		assert_int_equal(walk_ok(e, split, RD).pa, 0x0c000000u);
		assert_int_equal(walk_ok(e, 0xffffffffu, RD).pa, 0x0d0fffffu);
	}
}

static void ttbcr_n0_walks_every_va_with_ttbr0(void **state)
{
	struct env *e = *state;

	ttbcr_setup(e, 0);
	assert_int_equal(walk_ok(e, 0x00000000u, RD).pa, 0x0a000000u);
	assert_int_equal(walk_ok(e, 0xffffffffu, RD).pa, 0x0b0fffffu);
	assert_int_equal(walk_ok(e, 0xfff00000u, RD).desc_pa[0],
			 AUX_PA + 0x4000u + 0x3ffcu);
}

static void ttbr0_base_is_ttbr0_bits_31_to_14_minus_n(void **state)
{
	struct env *e = *state;
	unsigned int i;

	for (i = 0; i < 8; i++) {
		uint32_t base0 = ttbcr_setup(e, i);
		uint32_t last = i == 0 ? 0xffffffffu : ttbcr_rows[i].split - 1u;
		struct amv_xlat x;
		struct amv_fault f;

		if (amv_walk(&e->r, &e->port, 0, RD, &x, &f) != AMV_WALK_OK ||
		    x.desc_pa[0] != base0)
			print_message("TTBCR.N = %u, TTBR0 = 0x%08x: L1 entry "
				      "for VA 0 must be read at 0x%08x; last "
				      "unmodelled read 0x%llx\n",
				      ttbcr_rows[i].n, (unsigned int)e->r.ttbr0,
				      (unsigned int)base0,
				      (unsigned long long)e->mem.last_unmodelled);
		e->mem.unmodelled = 0;
		x = walk_ok(e, 0x00000000u, RD);
		assert_int_equal(x.desc_pa[0], base0);
		assert_int_equal(x.desc[0], section(0x0a000000u, 0, 3));
		x = walk_ok(e, last, RD);
		assert_int_equal(x.desc_pa[0], base0 + ttbcr_rows[i].last0_off);
		assert_int_equal(x.desc_pa[1], 0);
	}
}

static void ttbr1_base_is_ttbr1_bits_31_to_14_indexed_by_va_31_20(void **state)
{
	struct env *e = *state;
	unsigned int i;

	for (i = 1; i < 8; i++) {
		struct amv_xlat x;

		ttbcr_setup(e, i);
		x = walk_ok(e, ttbcr_rows[i].split + 0x12345u, RD);
		assert_int_equal(x.desc_pa[0], L1_PA + ttbcr_rows[i].split1_off);
		assert_int_equal(x.pa, 0x0c012345u);
		x = walk_ok(e, 0xfff54321u, RD);
		assert_int_equal(x.desc_pa[0], L1_PA + 0x3ffcu);
		assert_int_equal(x.pa, 0x0d054321u);
	}
}

static void l1_index_is_va_bits_31_20(void **state)
{
	struct env *e = *state;
	struct amv_xlat x;

	e->r.ttbr0 = L1_PA | 0x3fffu; /* TTBR0[13:0] are not address bits */
	e->l1[0x123] = section(0x87600000u, 0, 3);
	e->l1[0xabc] = section(0x11100000u, 0, 3);
	x = walk_ok(e, 0x12345678u, RD);
	assert_int_equal(x.desc_pa[0], 0x4001048cu);
	assert_int_equal(x.pa, 0x87645678u);
	x = walk_ok(e, 0xabcfffffu, RD);
	assert_int_equal(x.desc_pa[0], 0x40012af0u);
	assert_int_equal(x.pa, 0x111fffffu);
}

static void pd0_disables_ttbr0_walks(void **state)
{
	struct env *e = *state;
	struct amv_fault f;

	e->l1[0x001] = section(0x00100000u, 0, 3);
	e->l1[0x400] = section(0x12300000u, 0, 3);
	e->r.ttbcr = AMV_TTBCR_PD0;
	f = walk_fault(e, 0x00100000u, RD, AMV_FAULT_TRANSLATION, 1, 0, 0);
	assert_int_equal(fsr_of(&f), 0x005u);
	walk_fault(e, 0x00100004u, IF, AMV_FAULT_TRANSLATION, 1, 0, F_PF);
	assert_int_equal(e->mem.reads, 0);

	/* TTBR1 walks are unaffected. */
	e->r.ttbcr = AMV_TTBCR_PD0 | 2u;
	e->r.ttbr1 = L1_PA;
	assert_int_equal(walk_ok(e, 0x40004567u, RD).pa, 0x12304567u);
	walk_fault(e, 0x00100000u, WR, AMV_FAULT_TRANSLATION, 1, 0, F_W);
}

static void pd1_disables_ttbr1_walks(void **state)
{
	struct env *e = *state;
	unsigned long reads;

	e->l1[0x3ff] = section(0x3ff00000u, 0, 3);
	e->l1[0x400] = section(0x12300000u, 0, 3);
	e->r.ttbcr = AMV_TTBCR_PD1 | 2u;
	e->r.ttbr1 = L1_PA;
	walk_fault(e, 0x40004567u, RD, AMV_FAULT_TRANSLATION, 1, 0, 0);
	walk_fault(e, 0xfff00000u, IF | USR, AMV_FAULT_TRANSLATION, 1, 0, F_PF);
	assert_int_equal(e->mem.reads, 0);
	reads = e->mem.reads;
	assert_int_equal(walk_ok(e, 0x3ff12345u, RD).pa, 0x3ff12345u);
	assert_true(e->mem.reads > reads);
}

static void pd1_is_ignored_when_n_is_0(void **state)
{
	struct env *e = *state;

	e->l1[0xfff] = section(0x12300000u, 0, 3);
	e->r.ttbcr = AMV_TTBCR_PD1;
	e->r.ttbr1 = 0x7fffc000u; /* nothing there: must not be used */
	assert_int_equal(walk_ok(e, 0xfff45678u, RD).pa, 0x12345678u);
}

/* ============================================================ MMU off */

static void mmu_off_maps_flat_without_reading_tables(void **state)
{
	static const uint32_t vas[] = {0x00000000u, 0x12345678u, 0x80000000u,
				       0xffffffffu};
	static const unsigned int accs[] = {RD, WR, IF, CM, USR | RD, USR | WR,
					    USR | IF};
	struct testmem empty;
	struct amv_port port;
	struct amv_regime r;
	unsigned int i, j;

	(void)state;
	testmem_init(&empty);
	port = testmem_port(&empty);
	memset(&r, 0, sizeof(r));
	/* Everything that would fault with the MMU on. */
	r.sctlr = AMV_SCTLR_XP | AMV_SCTLR_AFE | AMV_SCTLR_TRE;
	r.ttbr0 = 0x7fff0000u;
	r.ttbr1 = 0x7fff0000u;
	r.ttbcr = AMV_TTBCR_PD0 | AMV_TTBCR_PD1 | 3u;
	r.dacr = 0;
	for (i = 0; i < sizeof(vas) / sizeof(vas[0]); i++)
		for (j = 0; j < sizeof(accs) / sizeof(accs[0]); j++) {
			struct amv_xlat x;
			struct amv_fault f;

			memset(&x, 0xa5, sizeof(x));
			assert_int_equal(amv_walk(&r, &port, vas[i], accs[j], &x,
						  &f),
					 AMV_WALK_OK);
			assert_int_equal(x.pa, vas[i]);
			assert_int_equal(x.va, vas[i]);
			assert_int_equal(x.kind, AMV_MAP_FLAT);
			assert_int_equal(x.level, 0);
			assert_int_equal(x.size, 0);
			assert_int_equal(x.perm_pl1, P_RWX);
			assert_int_equal(x.perm_pl0, P_RWX);
			assert_int_equal(x.flags & AMV_XLAT_NS, 0);
		}
	assert_int_equal(empty.reads, 0);
}

static void mmu_off_data_accesses_are_strongly_ordered(void **state)
{
	struct env *e = *state;
	struct amv_xlat x;

	/* SCTLR.C/I and TEX remap make no difference to data accesses. */
	e->r.sctlr = AMV_SCTLR_XP | AMV_SCTLR_C | AMV_SCTLR_I | AMV_SCTLR_TRE;
	e->r.prrr = 0xffffffffu;
	e->r.nmrr = 0xffffffffu;
	x = walk_ok(e, 0x12345678u, RD);
	attr_is(&x.attr, SO, NC, NC, SH_OUT);
	assert_int_equal(x.flags & AMV_XLAT_ATTR_RESERVED, 0);
	x = walk_ok(e, 0x12345678u, WR | USR);
	attr_is(&x.attr, SO, NC, NC, SH_OUT);
	assert_int_equal(e->mem.reads, 0);
}

static void mmu_off_fetches_are_normal_cacheable_per_sctlr_i(void **state)
{
	struct env *e = *state;
	struct amv_xlat x;

	/* B3.2.1: Normal, Outer Shareable; Non-cacheable if SCTLR.I = 0,
	 * Inner and Outer Write-Through if SCTLR.I = 1. */
	e->r.sctlr = AMV_SCTLR_XP | AMV_SCTLR_C;
	x = walk_ok(e, 0x00008000u, IF);
	attr_is(&x.attr, NOR, NC, NC, SH_OUT);
	e->r.sctlr = AMV_SCTLR_XP | AMV_SCTLR_I;
	x = walk_ok(e, 0x00008000u, IF);
	attr_is(&x.attr, NOR, WT, WT, SH_OUT);
	x = walk_ok(e, 0x00008000u, IF | USR);
	attr_is(&x.attr, NOR, WT, WT, SH_OUT);
	/* ... and data stays Strongly-ordered with SCTLR.I = 1. */
	x = walk_ok(e, 0x00008000u, RD);
	attr_is(&x.attr, SO, NC, NC, SH_OUT);
	assert_int_equal(e->mem.reads, 0);
}

/* ============================================== sections, supersections */

static void section_maps_va_bits_19_0_into_the_section(void **state)
{
	struct env *e = *state;
	struct amv_xlat x;

	e->l1[0x123] = section(0x87600000u, 0, 3);
	x = walk_ok(e, 0x12345678u, RD);
	assert_int_equal(x.pa, 0x87645678u);
	assert_int_equal(x.size, 0x100000u);
	assert_int_equal(x.kind, AMV_MAP_SECTION);
	assert_int_equal(x.level, 1);
	assert_int_equal(x.desc[0], 0x87600c02u);
	assert_int_equal(x.desc_pa[0], 0x4001048cu);
	assert_int_equal(x.desc_pa[1], 0);
	assert_int_equal(x.ap, 3);
	assert_int_equal(x.domain, 0);
	assert_int_equal(x.flags, 0);
	assert_int_equal(x.perm_pl1, P_RWX);
	assert_int_equal(x.perm_pl0, P_RWX);
	assert_int_equal(walk_ok(e, 0x12300000u, RD).pa, 0x87600000u);
	assert_int_equal(walk_ok(e, 0x123fffffu, RD).pa, 0x876fffffu);
}

static void section_reports_domain_ap_ng_ns_and_xn(void **state)
{
	struct env *e = *state;
	struct amv_xlat x;
	uint32_t d = section(0x87600000u, 0xa, 6) | AMV_L1_NG | AMV_L1_NS |
		     AMV_L1_XN | AMV_L1_S;

	e->l1[0x123] = d;
	e->r.dacr = dacr_set(0, 0xa, AMV_DACR_CLIENT);
	x = walk_ok(e, 0x12345678u, RD);
	assert_int_equal(x.pa, 0x87645678u);
	assert_int_equal(x.desc[0], d);
	assert_int_equal(x.domain, 0xa);
	assert_int_equal(x.dacr, AMV_DACR_CLIENT);
	assert_int_equal(x.ap, 6);
	assert_int_equal(x.flags, AMV_XLAT_NG | AMV_XLAT_NS | AMV_XLAT_XN);
	assert_int_equal(x.perm_pl1, P_R);
	assert_int_equal(x.perm_pl0, P_R);
}

static void supersection_maps_va_bits_23_0_into_16mib(void **state)
{
	struct env *e = *state;
	struct amv_xlat x;
	unsigned int i;

	for (i = 0x340; i <= 0x34f; i++)
		e->l1[i] = supersection(0x005a000000ull, 3);
	x = walk_ok(e, 0x34abcdefu, RD);
	assert_int_equal(x.pa, 0x5aabcdefu);
	assert_int_equal(x.size, 0x1000000u);
	assert_int_equal(x.kind, AMV_MAP_SUPERSECTION);
	assert_int_equal(x.level, 1);
	assert_int_equal(x.desc_pa[0], 0x40010d28u);
	assert_int_equal(x.desc[0], 0x5a040c02u);
	assert_int_equal(walk_ok(e, 0x34000000u, RD).pa, 0x5a000000u);
	assert_int_equal(walk_ok(e, 0x34ffffffu, RD).pa, 0x5affffffu);
}

static void supersection_bits_8_5_and_23_20_are_pa_39_36_and_35_32(void **state)
{
	struct env *e = *state;
	struct amv_xlat x;
	unsigned int i;

	for (i = 0x340; i <= 0x34f; i++)
		e->l1[i] = supersection(0xc35a000000ull, 3);
	x = walk_ok(e, 0x34abcdefu, RD);
	assert_int_equal(x.desc[0], 0x5a340d82u);
	assert_int_equal(x.pa, 0xc35aabcdefull);
	assert_int_equal(x.domain, 0);
}

static void supersection_ignores_domain_field_bits(void **state)
{
	struct env *e = *state;
	struct amv_xlat x;
	struct amv_fault f;

	/* Bits [8:5] = 0xc are PA[39:36]; the domain is 0 (B3.5.1). */
	e->l1[0x34a] = supersection(0xc35a000000ull, 3);
	e->r.dacr = dacr_set(dacr_set(0, 0, AMV_DACR_CLIENT), 0xc,
			     AMV_DACR_NOACCESS);
	x = walk_ok(e, 0x34abcdefu, RD);
	assert_int_equal(x.domain, 0);
	assert_int_equal(x.dacr, AMV_DACR_CLIENT);

	e->r.dacr = dacr_set(dacr_set(0, 0, AMV_DACR_NOACCESS), 0xc,
			     AMV_DACR_MANAGER);
	f = walk_fault(e, 0x34abcdefu, WR, AMV_FAULT_DOMAIN, 1, 0, F_W);
	assert_int_equal(fsr_of(&f), 0x809u);
}

static void supersection_faults_report_domain_0(void **state)
{
	struct env *e = *state;

	e->l1[0x34a] = supersection(0xc35a000000ull, 0); /* AP = 000 */
	e->r.dacr = DACR_ALL_CLIENT;
	walk_fault(e, 0x34abcdefu, RD, AMV_FAULT_PERMISSION, 1, 0, 0);
	e->l1[0x34a] = supersection(0xc35a000000ull, 2); /* AF = 0 */
	e->r.sctlr |= AMV_SCTLR_AFE;
	walk_fault(e, 0x34abcdefu, RD, AMV_FAULT_ACCESS_FLAG, 1, 0, 0);
}

/* ======================================================= page tables */

static void page_table_base_is_bits_31_10_and_l2_index_va_19_12(void **state)
{
	struct env *e = *state;
	struct amv_xlat x;
	uint32_t t = page_table(L2_PA + 0xc00u, 3) | AMV_L1_IMP;

	e->l1[0x002] = t;
	e->l2[3][0x45] = small_page(0x76543000u, 3);
	e->r.dacr = dacr_set(0, 3, AMV_DACR_CLIENT);
	x = walk_ok(e, 0x00245abcu, RD);
	assert_int_equal(x.desc_pa[0], 0x40010008u);
	assert_int_equal(x.desc_pa[1], 0x40020d14u);
	assert_int_equal(x.desc[0], t);
	assert_int_equal(x.desc[1], small_page(0x76543000u, 3));
	assert_int_equal(x.level, 2);
	assert_int_equal(x.domain, 3);
	assert_int_equal(x.dacr, AMV_DACR_CLIENT);
}

static void small_page_maps_va_bits_11_0_into_4kib(void **state)
{
	struct env *e = *state;
	struct amv_xlat x;

	e->l1[0x002] = page_table(L2_PA + 0xc00u, 0);
	e->l2[3][0x45] = small_page(0x76543000u, 5);
	x = walk_ok(e, 0x00245abcu, RD);
	assert_int_equal(x.pa, 0x76543abcu);
	assert_int_equal(x.size, 0x1000u);
	assert_int_equal(x.kind, AMV_MAP_SMALL);
	assert_int_equal(x.ap, 5);
	assert_int_equal(x.flags, 0);
	assert_int_equal(walk_ok(e, 0x00245000u, RD).pa, 0x76543000u);
	assert_int_equal(walk_ok(e, 0x00245fffu, RD).pa, 0x76543fffu);
	/* The next entry is a fault. */
	walk_fault(e, 0x00246000u, RD, AMV_FAULT_TRANSLATION, 2, 0, 0);
}

static void large_page_maps_va_bits_15_0_into_64kib(void **state)
{
	struct env *e = *state;
	struct amv_xlat x;
	unsigned int i;

	e->l1[0x001] = page_table(L2_PA + 0x400u, 5);
	for (i = 0x30; i <= 0x3f; i++)
		e->l2[1][i] = large_page(0x9abc0000u, 3);
	x = walk_ok(e, 0x0013f123u, RD);
	assert_int_equal(x.pa, 0x9abcf123u);
	assert_int_equal(x.size, 0x10000u);
	assert_int_equal(x.kind, AMV_MAP_LARGE);
	assert_int_equal(x.level, 2);
	assert_int_equal(x.domain, 5);
	assert_int_equal(x.desc_pa[1], 0x400204fcu);
	assert_int_equal(x.desc[1], 0x9abc0031u);
	x = walk_ok(e, 0x00130000u, RD);
	assert_int_equal(x.pa, 0x9abc0000u);
	assert_int_equal(x.desc_pa[1], 0x400204c0u);
	assert_int_equal(walk_ok(e, 0x00135678u, RD).pa, 0x9abc5678u);
}

static void large_page_base_excludes_xn_and_tex_bits_15_12(void **state)
{
	struct env *e = *state;

	e->l1[0x001] = page_table(L2_PA + 0x400u, 0);
	e->l2[1][0x3f] = large_page(0x9abc0000u, 3) | AMV_L2_LARGE_XN |
			 large_tex(7);
	assert_int_equal(walk_ok(e, 0x0013f123u, RD).pa, 0x9abcf123u);
}

static void small_page_xn_is_bit_0(void **state)
{
	struct env *e = *state;
	struct amv_xlat x;

	e->l1[0x002] = page_table(L2_PA, 4);
	e->l2[0][0x45] = small_page(0x76543000u, 3) | AMV_L2_SMALL_XN;
	x = walk_ok(e, 0x00245abcu, RD);
	assert_int_equal(x.flags, AMV_XLAT_XN);
	assert_int_equal(x.perm_pl1, P_RW);
	assert_int_equal(x.perm_pl0, P_RW);
	walk_fault(e, 0x00245abcu, IF, AMV_FAULT_PERMISSION, 2, 4, F_PF);
	walk_fault(e, 0x00245abcu, IF | USR, AMV_FAULT_PERMISSION, 2, 4, F_PF);
	e->l2[0][0x45] = small_page(0x76543000u, 3);
	assert_int_equal(walk_ok(e, 0x00245abcu, IF).flags, 0);
}

static void large_page_xn_is_bit_15(void **state)
{
	struct env *e = *state;

	e->l1[0x001] = page_table(L2_PA + 0x400u, 4);
	e->l2[1][0x3f] = large_page(0x9abc0000u, 3) | AMV_L2_LARGE_XN;
	assert_int_equal(walk_ok(e, 0x0013f123u, RD).flags, AMV_XLAT_XN);
	walk_fault(e, 0x0013f123u, IF, AMV_FAULT_PERMISSION, 2, 4, F_PF);
	e->l2[1][0x3f] = large_page(0x9abc0000u, 3);
	assert_int_equal(walk_ok(e, 0x0013f123u, IF).pa, 0x9abcf123u);
}

static void page_ng_is_l2_bit_11(void **state)
{
	struct env *e = *state;

	e->l1[0x002] = page_table(L2_PA, 0);
	e->l2[0][0x45] = small_page(0x76543000u, 3) | AMV_L2_NG;
	e->l2[0][0x46] = large_page(0x76540000u, 3) | AMV_L2_NG;
	e->l2[0][0x47] = small_page(0x76547000u, 3);
	assert_int_equal(walk_ok(e, 0x00245abcu, RD).flags, AMV_XLAT_NG);
	assert_int_equal(walk_ok(e, 0x00246abcu, RD).flags, AMV_XLAT_NG);
	assert_int_equal(walk_ok(e, 0x00247abcu, RD).flags, 0);
}

/* ===================================================== fault entries */

static void l1_fault_entry_is_level1_translation_fault(void **state)
{
	struct env *e = *state;
	struct amv_xlat x;
	struct amv_fault f;

	/* Bits [31:2] of a fault entry are ignored, domain bits included. */
	e->l1[0x300] = 0xfffffffcu;
	f = walk_fault_x(e, 0x30012345u, RD, AMV_FAULT_TRANSLATION, 1, 0, 0,
			 &x);
	assert_int_equal(fsr_of(&f), 0x005u);
	assert_int_equal(x.level, 1);
	assert_int_equal(x.desc_pa[0], 0x40010c00u);
	assert_int_equal(x.desc[0], 0xfffffffcu);
	assert_int_equal(x.desc_pa[1], 0);
	walk_fault(e, 0x30012345u, IF | USR, AMV_FAULT_TRANSLATION, 1, 0, F_PF);
}

static void l2_fault_entry_is_level2_translation_fault_in_l1_domain(
	void **state)
{
	struct env *e = *state;
	struct amv_xlat x;
	struct amv_fault f;

	e->l1[0x301] = page_table(L2_PA, 6);
	e->l2[0][0x12] = 0xabcdeffcu;
	f = walk_fault_x(e, 0x30112345u, WR, AMV_FAULT_TRANSLATION, 2, 6, F_W,
			 &x);
	assert_int_equal(fsr_of(&f), 0x867u);
	assert_int_equal(x.level, 2);
	assert_int_equal(x.desc_pa[0], 0x40010c04u);
	assert_int_equal(x.desc_pa[1], 0x40020048u);
	assert_int_equal(x.desc[0], page_table(L2_PA, 6));
	assert_int_equal(x.desc[1], 0xabcdeffcu);
}

static void l2_translation_fault_precedes_domain_fault(void **state)
{
	struct env *e = *state;

	e->l1[0x301] = page_table(L2_PA, 6);
	e->r.dacr = dacr_set(DACR_ALL_CLIENT, 6, AMV_DACR_NOACCESS);
	walk_fault(e, 0x30112345u, RD, AMV_FAULT_TRANSLATION, 2, 6, 0);
}

static void l1_type3_without_pxn_support_is_level1_translation_fault(
	void **state)
{
	struct env *e = *state;

	e->l1[0x123] = section(0x87600000u, 2, 3) | AMV_L1_PXN;
	assert_int_equal(e->l1[0x123] & AMV_L1_TYPE_MASK,
			 AMV_L1_TYPE_SECTION_PXN);
	walk_fault(e, 0x12345678u, RD, AMV_FAULT_TRANSLATION, 1, 0, 0);
	walk_fault(e, 0x12345678u, IF | USR, AMV_FAULT_TRANSLATION, 1, 0, F_PF);
}

static void l1_type3_with_pxn_support_is_section_with_pxn(void **state)
{
	struct env *e = *state;
	struct amv_xlat x;
	struct amv_fault f;

	e->r.flags = AMV_REGIME_PXN;
	e->l1[0x123] = section(0x87600000u, 2, 3) | AMV_L1_PXN;
	x = walk_ok(e, 0x12345678u, RD);
	assert_int_equal(x.pa, 0x87645678u);
	assert_int_equal(x.kind, AMV_MAP_SECTION);
	assert_int_equal(x.flags, AMV_XLAT_PXN);
	assert_int_equal(x.perm_pl1, P_RW);
	assert_int_equal(x.perm_pl0, P_RWX);
	f = walk_fault(e, 0x12345678u, IF, AMV_FAULT_PERMISSION, 1, 2, F_PF);
	assert_int_equal(fsr_of(&f), 0x00du);
	assert_int_equal(walk_ok(e, 0x12345678u, IF | USR).pa, 0x87645678u);
	walk_ok(e, 0x12345678u, WR);
	/* A supersection with bit 0 set has PXN too (domain 0). */
	e->l1[0x34a] = supersection(0x005a000000ull, 3) | AMV_L1_PXN;
	assert_int_equal(walk_ok(e, 0x34abcdefu, RD).flags, AMV_XLAT_PXN);
	walk_fault(e, 0x34abcdefu, IF, AMV_FAULT_PERMISSION, 1, 0, F_PF);
	walk_ok(e, 0x34abcdefu, IF | USR);
}

static void page_table_pxn_bit_2_is_ignored_without_pxn_support(void **state)
{
	struct env *e = *state;
	struct amv_xlat x;

	e->l1[0x002] = page_table(L2_PA, 1) | AMV_L1_TABLE_PXN;
	e->l2[0][0x45] = small_page(0x76543000u, 3);
	x = walk_ok(e, 0x00245abcu, IF);
	assert_int_equal(x.flags & AMV_XLAT_PXN, 0);
	assert_int_equal(x.perm_pl1, P_RWX);
}

static void page_table_pxn_bit_2_forbids_pl1_fetch_with_pxn_support(
	void **state)
{
	struct env *e = *state;
	struct amv_xlat x;

	e->r.flags = AMV_REGIME_PXN;
	e->l1[0x002] = page_table(L2_PA, 1) | AMV_L1_TABLE_PXN;
	e->l2[0][0x45] = small_page(0x76543000u, 3);
	x = walk_ok(e, 0x00245abcu, RD);
	assert_int_equal(x.flags, AMV_XLAT_PXN);
	assert_int_equal(x.perm_pl1, P_RW);
	assert_int_equal(x.perm_pl0, P_RWX);
	walk_fault(e, 0x00245abcu, IF, AMV_FAULT_PERMISSION, 2, 1, F_PF);
	walk_ok(e, 0x00245abcu, IF | USR);
	/* Without the bit, PL1 may fetch. */
	e->l1[0x002] = page_table(L2_PA, 1);
	assert_int_equal(walk_ok(e, 0x00245abcu, IF).flags, 0);
}

/* =========================================================== domains */

static void no_access_domain_faults_sections_at_level1(void **state)
{
	struct env *e = *state;
	struct amv_fault f;

	e->l1[0x123] = section(0x87600000u, 4, 3);
	e->r.dacr = dacr_set(DACR_ALL_CLIENT, 4, AMV_DACR_NOACCESS);
	f = walk_fault(e, 0x12345678u, RD, AMV_FAULT_DOMAIN, 1, 4, 0);
	assert_int_equal(fsr_of(&f), 0x049u);
	walk_fault(e, 0x12345678u, WR, AMV_FAULT_DOMAIN, 1, 4, F_W);
	walk_fault(e, 0x12345678u, IF, AMV_FAULT_DOMAIN, 1, 4, F_PF);
	walk_fault(e, 0x12345678u, RD | USR, AMV_FAULT_DOMAIN, 1, 4, 0);
}

static void no_access_domain_faults_pages_at_level2(void **state)
{
	struct env *e = *state;
	struct amv_fault f;

	e->l1[0x002] = page_table(L2_PA, 4);
	e->l2[0][0x45] = small_page(0x76543000u, 3);
	e->r.dacr = dacr_set(DACR_ALL_CLIENT, 4, AMV_DACR_NOACCESS);
	f = walk_fault(e, 0x00245abcu, RD, AMV_FAULT_DOMAIN, 2, 4, 0);
	assert_int_equal(fsr_of(&f), 0x04bu);
	walk_fault(e, 0x00245abcu, WR | USR, AMV_FAULT_DOMAIN, 2, 4, F_W);
	walk_fault(e, 0x00245abcu, IF, AMV_FAULT_DOMAIN, 2, 4, F_PF);
}

static void reserved_domain_value_behaves_as_no_access(void **state)
{
	struct env *e = *state;

	e->l1[0x123] = section(0x87600000u, 0xe, 3);
	e->l1[0x002] = page_table(L2_PA, 0xe);
	e->l2[0][0x45] = small_page(0x76543000u, 3);
	e->r.dacr = dacr_set(DACR_ALL_CLIENT, 0xe, AMV_DACR_RESERVED);
	walk_fault(e, 0x12345678u, RD, AMV_FAULT_DOMAIN, 1, 0xe, 0);
	walk_fault(e, 0x12345678u, IF, AMV_FAULT_DOMAIN, 1, 0xe, F_PF);
	walk_fault(e, 0x00245abcu, WR, AMV_FAULT_DOMAIN, 2, 0xe, F_W);
}

static void client_domain_checks_ap(void **state)
{
	struct env *e = *state;
	struct amv_fault f;

	e->l1[0x123] = section(0x87600000u, 9, 0);
	e->l1[0x124] = section(0x87700000u, 9, 3);
	e->r.dacr = dacr_set(0, 9, AMV_DACR_CLIENT);
	f = walk_fault(e, 0x12345678u, RD, AMV_FAULT_PERMISSION, 1, 9, 0);
	assert_int_equal(fsr_of(&f), 0x09du);
	assert_int_equal(walk_ok(e, 0x12445678u, WR).dacr, AMV_DACR_CLIENT);
}

static void manager_domain_skips_permission_checks_including_xn(void **state)
{
	struct env *e = *state;
	static const unsigned int accs[] = {RD, WR, IF, USR | RD, USR | WR,
					    USR | IF};
	unsigned int i;

	e->l1[0x123] = section(0x87600000u, 9, 0) | AMV_L1_XN;
	e->l1[0x124] = section(0x87700000u, 9, 5) | AMV_L1_XN;
	e->l1[0x002] = page_table(L2_PA, 9);
	e->l2[0][0x45] = small_page(0x76543000u, 0) | AMV_L2_SMALL_XN;
	e->r.dacr = dacr_set(0, 9, AMV_DACR_MANAGER);
	for (i = 0; i < sizeof(accs) / sizeof(accs[0]); i++) {
		struct amv_xlat x = walk_ok(e, 0x12345678u, accs[i]);

		assert_int_equal(x.pa, 0x87645678u);
		assert_int_equal(x.dacr, AMV_DACR_MANAGER);
		assert_int_equal(x.perm_pl1, P_RWX);
		assert_int_equal(x.perm_pl0, P_RWX);
		assert_int_equal(x.flags, AMV_XLAT_XN);
		x = walk_ok(e, 0x12445678u, accs[i]);
		assert_int_equal(x.perm_pl1, P_RWX);
		assert_int_equal(x.perm_pl0, P_RWX);
		x = walk_ok(e, 0x00245abcu, accs[i]);
		assert_int_equal(x.pa, 0x76543abcu);
		assert_int_equal(x.perm_pl1, P_RWX);
		assert_int_equal(x.perm_pl0, P_RWX);
	}
}

static void manager_domain_skips_pxn(void **state)
{
	struct env *e = *state;

	e->r.flags = AMV_REGIME_PXN;
	e->l1[0x123] = section(0x87600000u, 9, 3) | AMV_L1_PXN;
	e->l1[0x002] = page_table(L2_PA, 9) | AMV_L1_TABLE_PXN;
	e->l2[0][0x45] = small_page(0x76543000u, 3);
	e->r.dacr = dacr_set(0, 9, AMV_DACR_MANAGER);
	assert_int_equal(walk_ok(e, 0x12345678u, IF).perm_pl1, P_RWX);
	assert_int_equal(walk_ok(e, 0x00245abcu, IF).perm_pl1, P_RWX);
}

/* ================================================= access permissions */

/* B3.7.1 Table B3-8 (SCTLR.AFE = 0); AP = 0b100 is reserved: no access. */
static const struct {
	unsigned int ap, pl1, pl0;
} ap_afe0[8] = {
	{0, 0, 0},       {1, P_RW, 0},   {2, P_RW, P_R}, {3, P_RW, P_RW},
	{4, 0, 0},       {5, P_R, 0},    {6, P_R, P_R},  {7, P_R, P_R},
};

static void ap_table_b3_8_with_afe_clear_for_sections(void **state)
{
	struct env *e = *state;
	unsigned int i;

	e->r.dacr = dacr_set(0, 7, AMV_DACR_CLIENT);
	for (i = 0; i < 8; i++) {
		e->l1[0x123] = section(0x87600000u, 7, ap_afe0[i].ap);
		check_perms(e, 0x12345678u, ap_afe0[i].ap, 1, 7, ap_afe0[i].pl1,
			    ap_afe0[i].pl0);
	}
}

static void ap_table_b3_8_with_afe_clear_for_pages(void **state)
{
	struct env *e = *state;
	unsigned int i;

	e->r.dacr = dacr_set(0, 7, AMV_DACR_CLIENT);
	e->l1[0x002] = page_table(L2_PA, 7);
	e->l1[0x001] = page_table(L2_PA + 0x400u, 7);
	for (i = 0; i < 8; i++) {
		e->l2[0][0x45] = small_page(0x76543000u, ap_afe0[i].ap);
		e->l2[1][0x3f] = large_page(0x9abc0000u, ap_afe0[i].ap);
		check_perms(e, 0x00245abcu, ap_afe0[i].ap, 2, 7,
			    ap_afe0[i].pl1, ap_afe0[i].pl0);
		check_perms(e, 0x0013f123u, ap_afe0[i].ap, 2, 7,
			    ap_afe0[i].pl1, ap_afe0[i].pl0);
	}
}

static void ap_100_is_reserved_and_gives_no_access(void **state)
{
	struct env *e = *state;

	e->l1[0x123] = section(0x87600000u, 0, 4);
	walk_fault(e, 0x12345678u, RD, AMV_FAULT_PERMISSION, 1, 0, 0);
	walk_fault(e, 0x12345678u, WR, AMV_FAULT_PERMISSION, 1, 0, F_W);
	walk_fault(e, 0x12345678u, RD | USR, AMV_FAULT_PERMISSION, 1, 0, 0);
	walk_fault(e, 0x12345678u, IF, AMV_FAULT_PERMISSION, 1, 0, F_PF);
}

/* B3.7.1 Table B3-9 (SCTLR.AFE = 1): AP[2:1] only, AP[0] is the flag. */
static void afe_set_uses_simplified_ap_2_1_model(void **state)
{
	static const struct {
		unsigned int ap, pl1, pl0;
	} rows[4] = {{1, P_RW, 0}, {3, P_RW, P_RW}, {5, P_R, 0}, {7, P_R, P_R}};
	struct env *e = *state;
	unsigned int i;

	e->r.sctlr |= AMV_SCTLR_AFE;
	e->l1[0x002] = page_table(L2_PA, 7);
	for (i = 0; i < 4; i++) {
		e->l1[0x123] = section(0x87600000u, 7, rows[i].ap);
		e->l2[0][0x45] = small_page(0x76543000u, rows[i].ap);
		check_perms(e, 0x12345678u, rows[i].ap, 1, 7, rows[i].pl1,
			    rows[i].pl0);
		check_perms(e, 0x00245abcu, rows[i].ap, 2, 7, rows[i].pl1,
			    rows[i].pl0);
	}
}

static void afe_clear_access_flag_faults_at_level1(void **state)
{
	static const unsigned int accs[] = {RD, WR, IF, CM, USR | RD};
	struct env *e = *state;
	struct amv_fault f;
	unsigned int ap, i;

	e->r.sctlr |= AMV_SCTLR_AFE;
	for (ap = 0; ap < 8; ap += 2) {
		e->l1[0x123] = section(0x87600000u, 7, ap);
		for (i = 0; i < sizeof(accs) / sizeof(accs[0]); i++)
			walk_fault(e, 0x12345678u, accs[i],
				   AMV_FAULT_ACCESS_FLAG, 1, 7,
				   flags_for(accs[i]));
	}
	f = walk_fault(e, 0x12345678u, RD, AMV_FAULT_ACCESS_FLAG, 1, 7, 0);
	assert_int_equal(fsr_of(&f), 0x073u);
}

static void afe_clear_access_flag_faults_at_level2(void **state)
{
	static const unsigned int accs[] = {RD, WR, IF, CM, USR | WR};
	struct env *e = *state;
	struct amv_fault f;
	unsigned int ap, i;

	e->r.sctlr |= AMV_SCTLR_AFE;
	e->l1[0x002] = page_table(L2_PA, 7);
	e->l1[0x001] = page_table(L2_PA + 0x400u, 7);
	for (ap = 0; ap < 8; ap += 2) {
		e->l2[0][0x45] = small_page(0x76543000u, ap);
		e->l2[1][0x3f] = large_page(0x9abc0000u, ap);
		for (i = 0; i < sizeof(accs) / sizeof(accs[0]); i++) {
			walk_fault(e, 0x00245abcu, accs[i],
				   AMV_FAULT_ACCESS_FLAG, 2, 7,
				   flags_for(accs[i]));
			walk_fault(e, 0x0013f123u, accs[i],
				   AMV_FAULT_ACCESS_FLAG, 2, 7,
				   flags_for(accs[i]));
		}
	}
	f = walk_fault(e, 0x00245abcu, RD, AMV_FAULT_ACCESS_FLAG, 2, 7, 0);
	assert_int_equal(fsr_of(&f), 0x076u);
}

static void afe_clear_ap0_is_a_permission_bit_not_an_access_flag(void **state)
{
	struct env *e = *state;

	/* AP = 0b010 with AFE = 0: PL1 RW, PL0 RO, no access flag fault. */
	e->l1[0x123] = section(0x87600000u, 0, 2);
	walk_ok(e, 0x12345678u, WR);
	walk_ok(e, 0x12345678u, RD | USR);
}

static void access_flag_is_checked_before_the_domain(void **state)
{
	static const unsigned int dacrs[] = {AMV_DACR_NOACCESS,
					     AMV_DACR_RESERVED,
					     AMV_DACR_MANAGER};
	struct env *e = *state;
	unsigned int i;

	e->r.sctlr |= AMV_SCTLR_AFE;
	e->l1[0x123] = section(0x87600000u, 5, 3) & ~(1u << AMV_L1_AP01_SHIFT);
	e->l1[0x002] = page_table(L2_PA, 5);
	e->l2[0][0x45] = small_page(0x76543000u, 2);
	for (i = 0; i < 3; i++) {
		e->r.dacr = dacr_set(DACR_ALL_CLIENT, 5, dacrs[i]);
		walk_fault(e, 0x12345678u, RD, AMV_FAULT_ACCESS_FLAG, 1, 5, 0);
		walk_fault(e, 0x12345678u, IF, AMV_FAULT_ACCESS_FLAG, 1, 5,
			   F_PF);
		walk_fault(e, 0x00245abcu, WR, AMV_FAULT_ACCESS_FLAG, 2, 5,
			   F_W);
	}
}

/* ================================================ execute permissions */

static void fetch_from_xn_section_is_level1_permission_fault(void **state)
{
	struct env *e = *state;

	e->l1[0x123] = section(0x87600000u, 3, 3) | AMV_L1_XN;
	walk_fault(e, 0x12345678u, IF, AMV_FAULT_PERMISSION, 1, 3, F_PF);
	walk_fault(e, 0x12345678u, IF | USR, AMV_FAULT_PERMISSION, 1, 3, F_PF);
	walk_ok(e, 0x12345678u, RD);
	walk_ok(e, 0x12345678u, WR | USR);
}

static void fetch_needs_read_permission(void **state)
{
	struct env *e = *state;

	e->l1[0x123] = section(0x87600000u, 3, 5); /* PL1 RO, PL0 none */
	e->l1[0x124] = section(0x87700000u, 3, 0); /* none */
	assert_int_equal(walk_ok(e, 0x12345678u, IF).perm_pl1, P_RX);
	walk_fault(e, 0x12345678u, IF | USR, AMV_FAULT_PERMISSION, 1, 3, F_PF);
	walk_fault(e, 0x12445678u, IF, AMV_FAULT_PERMISSION, 1, 3, F_PF);
}

static void pl0_fetch_from_pl1_only_page_is_level2_permission_fault(
	void **state)
{
	struct env *e = *state;
	struct amv_fault f;

	e->l1[0x002] = page_table(L2_PA, 3);
	e->l2[0][0x45] = small_page(0x76543000u, 1); /* PL1 RW, PL0 none */
	walk_ok(e, 0x00245abcu, IF);
	f = walk_fault(e, 0x00245abcu, IF | USR, AMV_FAULT_PERMISSION, 2, 3,
		       F_PF);
	/* IFSR: no domain, no WnR. */
	assert_int_equal(fsr_of(&f), 0x00fu);
}

/* ============================================== cache maintenance, flags */

static void cache_maintenance_never_takes_permission_faults(void **state)
{
	struct env *e = *state;

	e->l1[0x123] = section(0x87600000u, 0, 0);
	e->l1[0x124] = section(0x87700000u, 0, 5) | AMV_L1_XN;
	e->l1[0x125] = section(0x87800000u, 0, 4);
	e->l1[0x002] = page_table(L2_PA, 0);
	e->l2[0][0x45] = small_page(0x76543000u, 0) | AMV_L2_SMALL_XN;
	assert_int_equal(walk_ok(e, 0x12345678u, CM).pa, 0x87645678u);
	assert_int_equal(walk_ok(e, 0x12445678u, CM).pa, 0x87745678u);
	assert_int_equal(walk_ok(e, 0x12545678u, CM).pa, 0x87845678u);
	assert_int_equal(walk_ok(e, 0x00245abcu, CM).pa, 0x76543abcu);
	e->r.flags = AMV_REGIME_PXN;
	e->l1[0x126] = section(0x87900000u, 0, 5) | AMV_L1_PXN;
	assert_int_equal(walk_ok(e, 0x12645678u, CM).pa, 0x87945678u);
}

static void cache_maintenance_takes_translation_faults(void **state)
{
	struct env *e = *state;
	struct amv_fault f;

	e->l1[0x002] = page_table(L2_PA, 8);
	f = walk_fault(e, 0x12345678u, CM, AMV_FAULT_TRANSLATION, 1, 0,
		       F_W | F_CM);
	assert_int_equal(fsr_of(&f), 0x2805u);
	f = walk_fault(e, 0x00245abcu, CM, AMV_FAULT_TRANSLATION, 2, 8,
		       F_W | F_CM);
	assert_int_equal(fsr_of(&f), 0x2887u);
}

static void cache_maintenance_takes_domain_faults(void **state)
{
	struct env *e = *state;
	struct amv_fault f;

	e->l1[0x123] = section(0x87600000u, 8, 3);
	e->l1[0x002] = page_table(L2_PA, 8);
	e->l2[0][0x45] = small_page(0x76543000u, 3);
	e->r.dacr = dacr_set(DACR_ALL_CLIENT, 8, AMV_DACR_NOACCESS);
	f = walk_fault(e, 0x12345678u, CM, AMV_FAULT_DOMAIN, 1, 8, F_W | F_CM);
	assert_int_equal(fsr_of(&f), 0x2889u);
	walk_fault(e, 0x00245abcu, CM, AMV_FAULT_DOMAIN, 2, 8, F_W | F_CM);
}

static void cache_maintenance_takes_access_flag_faults(void **state)
{
	struct env *e = *state;
	struct amv_fault f;

	e->r.sctlr |= AMV_SCTLR_AFE;
	e->l1[0x123] = section(0x87600000u, 8, 2);
	e->l1[0x002] = page_table(L2_PA, 8);
	e->l2[0][0x45] = small_page(0x76543000u, 6);
	f = walk_fault(e, 0x12345678u, CM, AMV_FAULT_ACCESS_FLAG, 1, 8,
		       F_W | F_CM);
	assert_int_equal(fsr_of(&f), 0x2883u);
	walk_fault(e, 0x00245abcu, CM, AMV_FAULT_ACCESS_FLAG, 2, 8, F_W | F_CM);
}

static void fault_flags_follow_the_access_kind(void **state)
{
	struct env *e = *state;

	walk_fault(e, 0x12345678u, RD, AMV_FAULT_TRANSLATION, 1, 0, 0);
	walk_fault(e, 0x12345678u, RD | USR, AMV_FAULT_TRANSLATION, 1, 0, 0);
	walk_fault(e, 0x12345678u, WR, AMV_FAULT_TRANSLATION, 1, 0, F_W);
	walk_fault(e, 0x12345678u, WR | USR, AMV_FAULT_TRANSLATION, 1, 0, F_W);
	walk_fault(e, 0x12345678u, IF, AMV_FAULT_TRANSLATION, 1, 0, F_PF);
	walk_fault(e, 0x12345678u, IF | USR, AMV_FAULT_TRANSLATION, 1, 0, F_PF);
	walk_fault(e, 0x12345678u, CM, AMV_FAULT_TRANSLATION, 1, 0, F_W | F_CM);
}

static void fault_addr_is_the_faulting_va(void **state)
{
	struct env *e = *state;
	struct amv_fault f;

	e->l1[0x002] = page_table(L2_PA, 0);
	f = walk_fault(e, 0xfedcba97u, RD, AMV_FAULT_TRANSLATION, 1, 0, 0);
	assert_int_equal(f.addr, 0xfedcba97u);
	f = walk_fault(e, 0x00245abdu, IF, AMV_FAULT_TRANSLATION, 2, 0, F_PF);
	assert_int_equal(f.addr, 0x00245abdu);
}

static void fault_outcome_reports_the_descriptor_found(void **state)
{
	struct env *e = *state;
	struct amv_xlat x;

	e->l1[0x302] = page_table(L2_PA + 0x400u, 9);
	e->l2[1][0x34] = small_page(0x76543000u, 0);
	walk_fault_x(e, 0x30234567u, RD, AMV_FAULT_PERMISSION, 2, 9, 0, &x);
	assert_int_equal(x.level, 2);
	assert_int_equal(x.desc_pa[0], 0x40010c08u);
	assert_int_equal(x.desc_pa[1], 0x400204d0u);
	assert_int_equal(x.desc[1], small_page(0x76543000u, 0));
	assert_int_equal(x.pa, 0x76543567u);
	assert_int_equal(x.size, 0x1000u);
	assert_int_equal(x.kind, AMV_MAP_SMALL);
	assert_int_equal(x.domain, 9);
	assert_int_equal(x.ap, 0);

	e->l1[0x123] = section(0x87600000u, 4, 3);
	e->r.dacr = dacr_set(DACR_ALL_CLIENT, 4, AMV_DACR_NOACCESS);
	walk_fault_x(e, 0x12345678u, WR, AMV_FAULT_DOMAIN, 1, 4, F_W, &x);
	assert_int_equal(x.level, 1);
	assert_int_equal(x.desc_pa[0], 0x4001048cu);
	assert_int_equal(x.pa, 0x87645678u);
	assert_int_equal(x.size, 0x100000u);
	assert_int_equal(x.kind, AMV_MAP_SECTION);
	assert_int_equal(x.domain, 4);
	assert_int_equal(x.ap, 3);
}

/* ======================================= memory attributes, TRE = 0 */

/* B3.8.2 Table B3-10, indexed by TEX[2:0]:C:B. */
static const struct {
	uint8_t type, inner, outer, sh0, sh1; /* sh0/sh1: S = 0/1 */
	bool reserved;
} tre0_rows[32] = {
	/* TEX 000 */
	{SO, NC, NC, SH_OUT, SH_OUT, false},   /* Strongly-ordered */
	{DEV, NC, NC, SH_OUT, SH_OUT, false},  /* Shareable Device */
	{NOR, WT, WT, SH_NO, SH_OUT, false},   /* O/I WT, no WA */
	{NOR, WB, WB, SH_NO, SH_OUT, false},   /* O/I WB, no WA */
	/* TEX 001 */
	{NOR, NC, NC, SH_NO, SH_OUT, false},   /* O/I Non-cacheable */
	{SO, NC, NC, SH_OUT, SH_OUT, true},    /* reserved */
	{SO, NC, NC, SH_OUT, SH_OUT, true},    /* IMPLEMENTATION DEFINED */
	{NOR, WBWA, WBWA, SH_NO, SH_OUT, false}, /* O/I WB, WA */
	/* TEX 010 */
	{DEV, NC, NC, SH_NO, SH_NO, false},    /* Non-shareable Device */
	{SO, NC, NC, SH_OUT, SH_OUT, true},    /* reserved */
	{SO, NC, NC, SH_OUT, SH_OUT, true},    /* reserved */
	{SO, NC, NC, SH_OUT, SH_OUT, true},    /* reserved */
	/* TEX 011: reserved */
	{SO, NC, NC, SH_OUT, SH_OUT, true},
	{SO, NC, NC, SH_OUT, SH_OUT, true},
	{SO, NC, NC, SH_OUT, SH_OUT, true},
	{SO, NC, NC, SH_OUT, SH_OUT, true},
	/* TEX 1BB, C:B = AA: inner AA, outer BB */
	{NOR, NC, NC, SH_NO, SH_OUT, false},
	{NOR, WBWA, NC, SH_NO, SH_OUT, false},
	{NOR, WT, NC, SH_NO, SH_OUT, false},
	{NOR, WB, NC, SH_NO, SH_OUT, false},
	{NOR, NC, WBWA, SH_NO, SH_OUT, false},
	{NOR, WBWA, WBWA, SH_NO, SH_OUT, false},
	{NOR, WT, WBWA, SH_NO, SH_OUT, false},
	{NOR, WB, WBWA, SH_NO, SH_OUT, false},
	{NOR, NC, WT, SH_NO, SH_OUT, false},
	{NOR, WBWA, WT, SH_NO, SH_OUT, false},
	{NOR, WT, WT, SH_NO, SH_OUT, false},
	{NOR, WB, WT, SH_NO, SH_OUT, false},
	{NOR, NC, WB, SH_NO, SH_OUT, false},
	{NOR, WBWA, WB, SH_NO, SH_OUT, false},
	{NOR, WT, WB, SH_NO, SH_OUT, false},
	{NOR, WB, WB, SH_NO, SH_OUT, false},
};

static void tre0_tex_c_b_follow_table_b3_10(void **state)
{
	struct amv_regime r;
	unsigned int i, s;

	(void)state;
	memset(&r, 0, sizeof(r));
	r.sctlr = SCTLR_MMU;
	r.prrr = 0xffffffffu; /* ignored with TRE = 0 */
	r.nmrr = 0xffffffffu;
	for (i = 0; i < 32; i++)
		for (s = 0; s < 2; s++) {
			struct amv_memattr a;
			bool res;

			memset(&a, 0xa5, sizeof(a));
			res = amv_walk_decode_attr(&r, i >> 2, (i >> 1) & 1u,
						   i & 1u, s, &a);
			if (res != tre0_rows[i].reserved)
				print_message("TEX %u C %u B %u S %u: reserved "
					      "%d\n",
					      i >> 2, (i >> 1) & 1u, i & 1u, s,
					      (int)res);
			if (a.type != tre0_rows[i].type ||
			    a.share != (s ? tre0_rows[i].sh1
					  : tre0_rows[i].sh0))
				print_message("TEX %u C %u B %u S %u\n", i >> 2,
					      (i >> 1) & 1u, i & 1u, s);
			assert_int_equal(res, tre0_rows[i].reserved);
			attr_is(&a, tre0_rows[i].type, tre0_rows[i].inner,
				tre0_rows[i].outer,
				s ? tre0_rows[i].sh1 : tre0_rows[i].sh0);
		}
}

static void tre0_tex_1bb_gives_outer_bb_and_inner_cb(void **state)
{
	struct amv_regime r;
	struct amv_memattr a;

	(void)state;
	memset(&r, 0, sizeof(r));
	r.sctlr = SCTLR_MMU;
	/* TEX = 0b110: outer WT; C:B = 0b01: inner WBWA. */
	assert_false(amv_walk_decode_attr(&r, 6, 0, 1, 1, &a));
	attr_is(&a, NOR, WBWA, WT, SH_OUT);
	/* TEX = 0b101: outer WBWA; C:B = 0b11: inner WB. */
	assert_false(amv_walk_decode_attr(&r, 5, 1, 1, 0, &a));
	attr_is(&a, NOR, WB, WBWA, SH_NO);
}

static void tre0_s_bit_affects_normal_memory_only(void **state)
{
	struct amv_regime r;
	struct amv_memattr a;

	(void)state;
	memset(&r, 0, sizeof(r));
	r.sctlr = SCTLR_MMU;
	amv_walk_decode_attr(&r, 1, 1, 1, 0, &a);
	assert_int_equal(a.share, SH_NO);
	amv_walk_decode_attr(&r, 1, 1, 1, 1, &a);
	assert_int_equal(a.share, SH_OUT);
	amv_walk_decode_attr(&r, 2, 0, 0, 1, &a); /* Non-shareable Device */
	assert_int_equal(a.share, SH_NO);
	amv_walk_decode_attr(&r, 0, 0, 1, 0, &a); /* Shareable Device */
	assert_int_equal(a.share, SH_OUT);
	amv_walk_decode_attr(&r, 0, 0, 0, 0, &a); /* Strongly-ordered */
	assert_int_equal(a.share, SH_OUT);
}

static void section_tex_c_b_s_select_memory_attributes(void **state)
{
	struct env *e = *state;
	struct amv_xlat x;

	e->l1[0x100] = section(0x10000000u, 0, 3) | l1_tex(6) | AMV_L1_C |
		       AMV_L1_B | AMV_L1_S;
	e->l1[0x101] = section(0x10100000u, 0, 3) | AMV_L1_B;
	e->l1[0x102] = section(0x10200000u, 0, 3) | l1_tex(2) | AMV_L1_S;
	e->l1[0x103] = section(0x10300000u, 0, 3) | AMV_L1_C;
	e->l1[0x104] = section(0x10400000u, 0, 3) | AMV_L1_S;
	x = walk_ok(e, 0x10000000u, RD);
	attr_is(&x.attr, NOR, WB, WT, SH_OUT);
	assert_int_equal(x.flags & AMV_XLAT_ATTR_RESERVED, 0);
	x = walk_ok(e, 0x10100000u, RD);
	attr_is(&x.attr, DEV, NC, NC, SH_OUT);
	x = walk_ok(e, 0x10200000u, RD);
	attr_is(&x.attr, DEV, NC, NC, SH_NO);
	x = walk_ok(e, 0x10300000u, RD);
	attr_is(&x.attr, NOR, WT, WT, SH_NO);
	x = walk_ok(e, 0x10400000u, RD);
	attr_is(&x.attr, SO, NC, NC, SH_OUT);
}

static void supersection_tex_c_b_s_select_memory_attributes(void **state)
{
	struct env *e = *state;
	struct amv_xlat x;

	e->l1[0x34a] = supersection(0x005a000000ull, 3) | l1_tex(1) |
		       AMV_L1_C | AMV_L1_B | AMV_L1_S;
	x = walk_ok(e, 0x34abcdefu, RD);
	attr_is(&x.attr, NOR, WBWA, WBWA, SH_OUT);
}

static void small_page_tex_is_bits_8_6(void **state)
{
	struct env *e = *state;
	struct amv_xlat x;

	e->l1[0x002] = page_table(L2_PA, 0);
	e->l2[0][0x45] = small_page(0x76543000u, 3) | small_tex(4) | AMV_L2_C |
			 AMV_L2_S;
	e->l2[0][0x46] = small_page(0x76546000u, 3) | small_tex(3);
	x = walk_ok(e, 0x00245abcu, RD);
	assert_int_equal(x.pa, 0x76543abcu);
	attr_is(&x.attr, NOR, WT, NC, SH_OUT);
	x = walk_ok(e, 0x00246abcu, RD);
	attr_is(&x.attr, SO, NC, NC, SH_OUT);
	assert_int_equal(x.flags & AMV_XLAT_ATTR_RESERVED,
			 AMV_XLAT_ATTR_RESERVED);
}

static void large_page_tex_is_bits_14_12(void **state)
{
	struct env *e = *state;
	struct amv_xlat x;

	e->l1[0x001] = page_table(L2_PA + 0x400u, 0);
	e->l2[1][0x3f] = large_page(0x9abc0000u, 3) | large_tex(7) | AMV_L2_B;
	e->l2[1][0x20] = large_page(0x9abd0000u, 3) | large_tex(2) | AMV_L2_S;
	x = walk_ok(e, 0x0013f123u, RD);
	attr_is(&x.attr, NOR, WBWA, WB, SH_NO);
	x = walk_ok(e, 0x00120123u, RD);
	attr_is(&x.attr, DEV, NC, NC, SH_NO);
}

static void reserved_tex_encodings_are_strongly_ordered_and_flagged(
	void **state)
{
	struct env *e = *state;
	struct amv_xlat x;

	e->l1[0x100] = section(0x10000000u, 0, 3) | l1_tex(1) | AMV_L1_B;
	e->l1[0x101] = section(0x10100000u, 0, 3) | l1_tex(1) | AMV_L1_C;
	e->l1[0x102] = section(0x10200000u, 0, 3) | l1_tex(3) | AMV_L1_C |
		       AMV_L1_B | AMV_L1_S;
	x = walk_ok(e, 0x10000000u, RD);
	attr_is(&x.attr, SO, NC, NC, SH_OUT);
	assert_int_equal(x.flags, AMV_XLAT_ATTR_RESERVED);
	x = walk_ok(e, 0x10100000u, RD);
	attr_is(&x.attr, SO, NC, NC, SH_OUT);
	assert_int_equal(x.flags, AMV_XLAT_ATTR_RESERVED);
	x = walk_ok(e, 0x10200000u, WR);
	attr_is(&x.attr, SO, NC, NC, SH_OUT);
	assert_int_equal(x.flags, AMV_XLAT_ATTR_RESERVED);
}

static void sctlr_c_and_i_do_not_change_translation_attributes(void **state)
{
	struct env *e = *state;
	struct amv_xlat x;

	e->l1[0x100] = section(0x10000000u, 0, 3) | l1_tex(1) | AMV_L1_C |
		       AMV_L1_B;
	e->r.sctlr = SCTLR_MMU;
	x = walk_ok(e, 0x10000000u, IF);
	attr_is(&x.attr, NOR, WBWA, WBWA, SH_NO);
	e->r.sctlr = SCTLR_MMU | AMV_SCTLR_C | AMV_SCTLR_I;
	x = walk_ok(e, 0x10000000u, RD);
	attr_is(&x.attr, NOR, WBWA, WBWA, SH_NO);
}

/* ======================================= memory attributes, TRE = 1 */

static struct amv_regime tre1_regime(uint32_t prrr, uint32_t nmrr)
{
	struct amv_regime r;

	memset(&r, 0, sizeof(r));
	r.sctlr = SCTLR_MMU | AMV_SCTLR_TRE;
	r.prrr = prrr;
	r.nmrr = nmrr;
	return r;
}

static bool decode_region(const struct amv_regime *r, unsigned int tex,
			  unsigned int region, unsigned int s,
			  struct amv_memattr *a)
{
	/* Region n is TEX[0]:C:B (B3.8.3); TEX[2:1] come from @tex. */
	memset(a, 0xa5, sizeof(*a));
	return amv_walk_decode_attr(r, (tex & 6u) | (region >> 2),
				    (region >> 1) & 1u, region & 1u, s, a);
}

static void tre1_prrr_trn_selects_the_memory_type(void **state)
{
	static const struct {
		uint8_t type, inner, outer, share;
		bool reserved;
	} want[8] = {
		{SO, NC, NC, SH_OUT, false},   /* TR0 = 00 */
		{DEV, NC, NC, SH_NO, false},   /* TR1 = 01, DS0 = 0 */
		{NOR, WBWA, WT, SH_NO, false}, /* TR2 = 10, NS0 = 0 */
		{SO, NC, NC, SH_OUT, true},    /* TR3 = 11: reserved */
		{NOR, WT, WB, SH_NO, false},   /* TR4 = 10 */
		{DEV, NC, NC, SH_NO, false},   /* TR5 = 01 */
		{SO, NC, NC, SH_OUT, true},    /* region 6 */
		{SO, NC, NC, SH_OUT, false},   /* TR7 = 00 */
	};
	struct amv_regime r;
	unsigned int n;

	(void)state;
	r = tre1_regime(prrr_tr(0, AMV_PRRR_TR_SO) |
				prrr_tr(1, AMV_PRRR_TR_DEVICE) |
				prrr_tr(2, AMV_PRRR_TR_NORMAL) | prrr_tr(3, 3) |
				prrr_tr(4, AMV_PRRR_TR_NORMAL) |
				prrr_tr(5, AMV_PRRR_TR_DEVICE) |
				prrr_tr(6, AMV_PRRR_TR_NORMAL) |
				prrr_tr(7, AMV_PRRR_TR_SO),
			nmrr_rgn(2, WBWA, WT) | nmrr_rgn(4, WT, WB) |
				nmrr_rgn(6, WB, WB));
	for (n = 0; n < 8; n++) {
		struct amv_memattr a;

		if (decode_region(&r, 0, n, 0, &a) != want[n].reserved ||
		    a.type != want[n].type)
			print_message("region %u\n", n);
		assert_int_equal(decode_region(&r, 0, n, 0, &a),
				 want[n].reserved);
		attr_is(&a, want[n].type, want[n].inner, want[n].outer,
			want[n].share);
	}
}

static void tre1_region_index_ignores_tex_bits_2_1(void **state)
{
	struct amv_regime r;
	unsigned int tex;

	(void)state;
	r = tre1_regime(prrr_tr(2, AMV_PRRR_TR_NORMAL) |
				prrr_tr(5, AMV_PRRR_TR_DEVICE) | AMV_PRRR_NS1,
			nmrr_rgn(2, WB, WBWA));
	for (tex = 0; tex < 8; tex += 2) {
		struct amv_memattr a;

		assert_false(decode_region(&r, tex, 2, 1, &a));
		attr_is(&a, NOR, WB, WBWA, SH_OUT);
		assert_false(decode_region(&r, tex, 5, 1, &a));
		attr_is(&a, DEV, NC, NC, SH_NO);
		assert_false(decode_region(&r, tex, 0, 1, &a));
		attr_is(&a, SO, NC, NC, SH_OUT);
	}
}

static void tre1_trn_0b11_is_reserved(void **state)
{
	struct amv_regime r;
	struct amv_memattr a;

	(void)state;
	r = tre1_regime(prrr_tr(3, 3) | AMV_PRRR_NS0 | AMV_PRRR_NS1 |
				AMV_PRRR_DS0 | AMV_PRRR_DS1,
			0xffffffffu);
	assert_true(decode_region(&r, 0, 3, 0, &a));
	attr_is(&a, SO, NC, NC, SH_OUT);
	assert_true(decode_region(&r, 6, 3, 1, &a));
	attr_is(&a, SO, NC, NC, SH_OUT);
}

static void tre1_region6_is_reserved_whatever_tr6(void **state)
{
	struct amv_regime r;
	unsigned int tr;

	(void)state;
	for (tr = 0; tr < 4; tr++) {
		struct amv_memattr a;

		r = tre1_regime(prrr_tr(6, tr) | AMV_PRRR_NS1,
				nmrr_rgn(6, WB, WB));
		assert_true(decode_region(&r, 0, 6, 1, &a));
		attr_is(&a, SO, NC, NC, SH_OUT);
	}
}

static void tre1_nmrr_irn_orn_give_normal_cacheability(void **state)
{
	static const struct {
		uint8_t inner, outer;
	} want[8] = {
		{NC, WB}, {WBWA, WT}, {WT, WBWA}, {WB, NC},
		{NC, WB}, {WBWA, WT}, {0, 0},     {WB, NC},
	};
	struct amv_regime r;
	uint32_t nmrr = 0;
	unsigned int n;

	(void)state;
	for (n = 0; n < 8; n++)
		if (n != 6)
			nmrr |= nmrr_rgn(n, n & 3u, 3u - (n & 3u));
	r = tre1_regime(0xaaaau, nmrr); /* every TRn = Normal */
	for (n = 0; n < 8; n++) {
		struct amv_memattr a;

		if (n == 6)
			continue;
		assert_false(decode_region(&r, 0, n, 0, &a));
		attr_is(&a, NOR, want[n].inner, want[n].outer, SH_NO);
	}
}

static void tre1_ns0_ns1_map_the_s_bit_for_normal_memory(void **state)
{
	struct amv_regime r;
	struct amv_memattr a;

	(void)state;
	/* DS0/DS1 are for Device memory and must not matter here. */
	r = tre1_regime(prrr_tr(0, AMV_PRRR_TR_NORMAL) | AMV_PRRR_NS0 |
				AMV_PRRR_DS1,
			0);
	decode_region(&r, 0, 0, 0, &a);
	assert_int_equal(a.share, SH_OUT);
	decode_region(&r, 0, 0, 1, &a);
	assert_int_equal(a.share, SH_NO);
	r = tre1_regime(prrr_tr(0, AMV_PRRR_TR_NORMAL) | AMV_PRRR_NS1 |
				AMV_PRRR_DS0,
			0);
	decode_region(&r, 0, 0, 0, &a);
	assert_int_equal(a.share, SH_NO);
	decode_region(&r, 0, 0, 1, &a);
	assert_int_equal(a.share, SH_OUT);
}

static void tre1_ds0_ds1_map_the_s_bit_for_device_memory(void **state)
{
	struct amv_regime r;
	struct amv_memattr a;

	(void)state;
	/* NS0/NS1 are for Normal memory and must not matter here. */
	r = tre1_regime(prrr_tr(1, AMV_PRRR_TR_DEVICE) | AMV_PRRR_DS0 |
				AMV_PRRR_NS1,
			0);
	decode_region(&r, 0, 1, 0, &a);
	attr_is(&a, DEV, NC, NC, SH_OUT);
	decode_region(&r, 0, 1, 1, &a);
	attr_is(&a, DEV, NC, NC, SH_NO);
	r = tre1_regime(prrr_tr(1, AMV_PRRR_TR_DEVICE) | AMV_PRRR_DS1 |
				AMV_PRRR_NS0,
			0);
	decode_region(&r, 0, 1, 0, &a);
	attr_is(&a, DEV, NC, NC, SH_NO);
	decode_region(&r, 0, 1, 1, &a);
	attr_is(&a, DEV, NC, NC, SH_OUT);
}

static void tre1_nosn_makes_shareable_normal_inner_shareable(void **state)
{
	struct amv_regime r;
	struct amv_memattr a;

	(void)state;
	r = tre1_regime(prrr_tr(0, AMV_PRRR_TR_NORMAL) |
				prrr_tr(2, AMV_PRRR_TR_NORMAL) | AMV_PRRR_NS1 |
				AMV_PRRR_NOS(2),
			0);
	decode_region(&r, 0, 2, 1, &a);
	assert_int_equal(a.share, SH_IN);
	decode_region(&r, 0, 0, 1, &a);
	assert_int_equal(a.share, SH_OUT);
	decode_region(&r, 0, 2, 0, &a); /* NS0 = 0: not shareable */
	assert_int_equal(a.share, SH_NO);
}

static void tre1_strongly_ordered_is_shareable_whatever_s(void **state)
{
	struct amv_regime r;
	struct amv_memattr a;

	(void)state;
	r = tre1_regime(prrr_tr(4, AMV_PRRR_TR_SO), 0xffffffffu);
	assert_false(decode_region(&r, 0, 4, 0, &a));
	attr_is(&a, SO, NC, NC, SH_OUT);
	assert_false(decode_region(&r, 0, 4, 1, &a));
	attr_is(&a, SO, NC, NC, SH_OUT);
}

static void tre1_walk_remaps_descriptor_tex0_c_b(void **state)
{
	struct env *e = *state;
	struct amv_xlat x;

	e->r.sctlr |= AMV_SCTLR_TRE;
	e->r.prrr = prrr_tr(5, AMV_PRRR_TR_NORMAL) |
		    prrr_tr(3, AMV_PRRR_TR_DEVICE) |
		    prrr_tr(6, AMV_PRRR_TR_NORMAL) | AMV_PRRR_NS1;
	e->r.nmrr = nmrr_rgn(5, WB, NC) | nmrr_rgn(6, WB, WB);
	/* TEX = 0b111, C = 0, B = 1: region 5. */
	e->l1[0x100] = section(0x10000000u, 0, 3) | l1_tex(7) | AMV_L1_B |
		       AMV_L1_S;
	/* TEX = 0b110, C = 1, B = 1: region 3. */
	e->l1[0x002] = page_table(L2_PA, 0);
	e->l2[0][0x45] = small_page(0x76543000u, 3) | small_tex(6) | AMV_L2_C |
			 AMV_L2_B;
	/* TEX = 0b001, C = 1, B = 0: region 6. */
	e->l1[0x001] = page_table(L2_PA + 0x400u, 0);
	e->l2[1][0x3f] = large_page(0x9abc0000u, 3) | large_tex(1) | AMV_L2_C |
			 AMV_L2_S;
	x = walk_ok(e, 0x10000000u, RD);
	attr_is(&x.attr, NOR, WB, NC, SH_OUT);
	assert_int_equal(x.flags & AMV_XLAT_ATTR_RESERVED, 0);
	x = walk_ok(e, 0x00245abcu, RD);
	attr_is(&x.attr, DEV, NC, NC, SH_NO);
	x = walk_ok(e, 0x0013f123u, RD);
	attr_is(&x.attr, SO, NC, NC, SH_OUT);
	assert_int_equal(x.flags & AMV_XLAT_ATTR_RESERVED,
			 AMV_XLAT_ATTR_RESERVED);
}

/* ========================================================= endianness */

static void ee_set_reads_descriptors_big_endian(void **state)
{
	struct env *e = *state;
	struct amv_xlat x;
	uint32_t sec = section(0x87600000u, 0, 3) | AMV_L1_NG;
	uint32_t tbl = page_table(L2_PA + 0x400u, 2);
	uint32_t pg = small_page(0x76543000u, 3);

	e->r.sctlr |= AMV_SCTLR_EE;
	e->l1[0x123] = bswap32(sec);
	e->l1[0x002] = bswap32(tbl);
	e->l2[1][0x45] = bswap32(pg);
	x = walk_ok(e, 0x12345678u, RD);
	assert_int_equal(x.pa, 0x87645678u);
	assert_int_equal(x.desc[0], sec);
	assert_int_equal(x.flags, AMV_XLAT_NG);
	x = walk_ok(e, 0x00245abcu, RD);
	assert_int_equal(x.pa, 0x76543abcu);
	assert_int_equal(x.desc[0], tbl);
	assert_int_equal(x.desc[1], pg);
	assert_int_equal(x.domain, 2);
	/* Read little-endian, 0x87600c02 stored big-endian is 0x020c6087:
	 * type 0b11, a translation fault without PXN support. */
	e->r.sctlr &= ~AMV_SCTLR_EE;
	e->l1[0x123] = bswap32(section(0x87600000u, 0, 3));
	walk_fault(e, 0x12345678u, RD, AMV_FAULT_TRANSLATION, 1, 0, 0);
}

/* ===================================================== port failures */

static void l1_read_decode_error_is_level1_external_abort(void **state)
{
	struct env *e = *state;
	struct amv_fault f;

	assert_int_equal(testmem_add_error(&e->mem, L1_PA, 0x4000u,
					   -AMV_EFAULT),
			 0);
	f = walk_fault(e, 0x12345678u, RD, AMV_FAULT_EXT_ABORT_WALK, 1, 0, 0);
	assert_int_equal(fsr_of(&f), 0x00cu);
	f = walk_fault(e, 0x12345678u, WR, AMV_FAULT_EXT_ABORT_WALK, 1, 0, F_W);
	assert_int_equal(fsr_of(&f), 0x80cu);
	f = walk_fault(e, 0x12345678u, IF, AMV_FAULT_EXT_ABORT_WALK, 1, 0, F_PF);
	assert_int_equal(fsr_of(&f), 0x00cu);
}

static void ttbr_into_nothing_is_level1_external_abort(void **state)
{
	struct env *e = *state;

	e->r.ttbr0 = 0x7fff0000u; /* no region: the bus answers nothing */
	walk_fault(e, 0x12345678u, RD, AMV_FAULT_EXT_ABORT_WALK, 1, 0, 0);
	assert_int_equal(e->mem.last_unmodelled, 0x7fff048cu);
}

static void l1_read_slave_error_sets_ext(void **state)
{
	struct env *e = *state;
	struct amv_fault f;

	assert_int_equal(testmem_add_error(&e->mem, L1_PA, 0x4000u, -AMV_EIO),
			 0);
	f = walk_fault(e, 0x12345678u, RD, AMV_FAULT_EXT_ABORT_WALK, 1, 0,
		       F_EXT);
	assert_int_equal(fsr_of(&f), 0x100cu);
}

static void l2_read_slave_error_is_level2_external_abort_with_ext(void **state)
{
	struct env *e = *state;
	struct amv_fault f;

	e->l1[0x002] = page_table(L2_PA + 0x400u, 7);
	assert_int_equal(testmem_add_error(&e->mem, L2_PA + 0x400u, 0x400u,
					   -AMV_EIO),
			 0);
	f = walk_fault(e, 0x00245abcu, RD, AMV_FAULT_EXT_ABORT_WALK, 2, 7,
		       F_EXT);
	assert_int_equal(fsr_of(&f), 0x107eu);
	f = walk_fault(e, 0x00245abcu, IF, AMV_FAULT_EXT_ABORT_WALK, 2, 7,
		       F_EXT | F_PF);
	assert_int_equal(fsr_of(&f), 0x100eu);
}

static void l2_read_decode_error_is_level2_external_abort(void **state)
{
	struct env *e = *state;
	struct amv_fault f;

	e->l1[0x002] = page_table(0x7fff0400u, 7); /* nothing there */
	f = walk_fault(e, 0x00245abcu, WR, AMV_FAULT_EXT_ABORT_WALK, 2, 7, F_W);
	assert_int_equal(fsr_of(&f), 0x87eu);
	assert_int_equal(e->mem.last_unmodelled, 0x7fff0514u);
}

static int read_fails_enoent(void *ctx, uint64_t pa, uint32_t *val)
{
	(void)ctx;
	(void)pa;
	(void)val;
	return -AMV_ENOENT;
}

static void other_read_errors_are_external_aborts_without_ext(void **state)
{
	static const struct amv_port_ops ops = {.read_phys32 = read_fails_enoent};
	struct env *e = *state;
	struct amv_port port = {&ops, NULL};
	struct amv_xlat x;
	struct amv_fault f;

	memset(&f, 0, sizeof(f));
	assert_int_equal(amv_walk(&e->r, &port, 0x12345678u, RD, &x, &f),
			 AMV_WALK_FAULT);
	assert_int_equal(f.type, AMV_FAULT_EXT_ABORT_WALK);
	assert_int_equal(f.level, 1);
	assert_int_equal(f.domain, 0);
	assert_int_equal(f.flags, 0);
	assert_int_equal(f.addr, 0x12345678u);
}

/* ======================================================= security */

static void secure_regime_section_ns_is_bit_19(void **state)
{
	struct env *e = *state;

	e->l1[0x123] = section(0x87600000u, 0, 3) | AMV_L1_NS;
	e->l1[0x124] = section(0x87700000u, 0, 3);
	e->l1[0x34a] = supersection(0x005a000000ull, 3) | AMV_L1_NS;
	assert_int_equal(walk_ok(e, 0x12345678u, RD).flags, AMV_XLAT_NS);
	assert_int_equal(walk_ok(e, 0x12445678u, RD).flags, 0);
	assert_int_equal(walk_ok(e, 0x34abcdefu, RD).flags, AMV_XLAT_NS);
}

static void secure_regime_page_ns_is_page_table_bit_3(void **state)
{
	struct env *e = *state;

	e->l1[0x002] = page_table(L2_PA, 0) | AMV_L1_TABLE_NS;
	e->l1[0x003] = page_table(L2_PA + 0x400u, 0);
	e->l2[0][0x45] = small_page(0x76543000u, 3);
	e->l2[1][0x45] = small_page(0x76543000u, 3);
	assert_int_equal(walk_ok(e, 0x00245abcu, RD).flags, AMV_XLAT_NS);
	assert_int_equal(walk_ok(e, 0x00345abcu, RD).flags, 0);
}

static void nonsecure_regime_forces_ns_output(void **state)
{
	struct env *e = *state;

	e->r.flags = AMV_REGIME_NONSECURE;
	e->l1[0x124] = section(0x87700000u, 0, 3);
	e->l1[0x34a] = supersection(0x005a000000ull, 3);
	e->l1[0x003] = page_table(L2_PA + 0x400u, 0);
	e->l2[1][0x45] = small_page(0x76543000u, 3);
	assert_int_equal(walk_ok(e, 0x12445678u, RD).flags, AMV_XLAT_NS);
	assert_int_equal(walk_ok(e, 0x34abcdefu, RD).flags, AMV_XLAT_NS);
	assert_int_equal(walk_ok(e, 0x00345abcu, RD).flags, AMV_XLAT_NS);
}

static void nonsecure_regime_with_mmu_off_outputs_ns(void **state)
{
	struct env *e = *state;

	e->r.sctlr = AMV_SCTLR_XP;
	e->r.flags = AMV_REGIME_NONSECURE;
	assert_int_equal(walk_ok(e, 0x12345678u, RD).flags & AMV_XLAT_NS,
			 AMV_XLAT_NS);
	e->r.flags = 0;
	assert_int_equal(walk_ok(e, 0x12345678u, RD).flags & AMV_XLAT_NS, 0);
}

/* ========================================================= API misuse */

static void null_arguments_are_einval(void **state)
{
	struct env *e = *state;
	struct amv_port no_ops = {NULL, &e->mem};
	struct amv_xlat x;
	struct amv_fault f;

	e->l1[0x123] = section(0x87600000u, 0, 3);
	assert_int_equal(amv_walk(NULL, &e->port, 0x12345678u, RD, &x, &f),
			 -AMV_EINVAL);
	assert_int_equal(amv_walk(&e->r, NULL, 0x12345678u, RD, &x, &f),
			 -AMV_EINVAL);
	assert_int_equal(amv_walk(&e->r, &no_ops, 0x12345678u, RD, &x, &f),
			 -AMV_EINVAL);
	assert_int_equal(amv_walk(&e->r, &e->port, 0x12345678u, RD, NULL, &f),
			 -AMV_EINVAL);
	assert_int_equal(amv_walk(&e->r, &e->port, 0x12345678u, RD, &x, NULL),
			 -AMV_EINVAL);
}

static void null_read_hook_is_einval(void **state)
{
	static const struct amv_port_ops no_hook = {.read_phys32 = NULL};
	struct env *e = *state;
	struct amv_port port = {&no_hook, &e->mem};
	struct amv_xlat x;
	struct amv_fault f;

	e->l1[0x123] = section(0x87600000u, 0, 3);
	assert_int_equal(amv_walk(&e->r, &port, 0x12345678u, RD, &x, &f),
			 -AMV_EINVAL);
}

static void unknown_access_bits_are_einval(void **state)
{
	static const unsigned int bad[] = {0x8u, 0x10u, USR | 0x8u,
					   0x80000000u, 0xffffffffu};
	struct env *e = *state;
	struct amv_xlat x;
	struct amv_fault f;
	unsigned int i;

	e->l1[0x123] = section(0x87600000u, 0, 3);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(amv_walk(&e->r, &e->port, 0x12345678u, bad[i],
					  &x, &f),
				 -AMV_EINVAL);
}

static void every_documented_access_kind_is_accepted(void **state)
{
	struct env *e = *state;
	unsigned int acc;

	e->l1[0x123] = section(0x87600000u, 0, 3);
	for (acc = 0; acc <= (AMV_ACC_KIND_MASK | AMV_ACC_USER); acc++)
		assert_int_equal(walk_ok(e, 0x12345678u, acc).pa, 0x87645678u);
}

static void long_descriptor_format_is_enotsup(void **state)
{
	struct env *e = *state;
	struct amv_xlat x;
	struct amv_fault f;

	e->l1[0x123] = section(0x87600000u, 0, 3);
	e->r.ttbcr = AMV_TTBCR_EAE;
	assert_int_equal(amv_walk(&e->r, &e->port, 0x12345678u, RD, &x, &f),
			 -AMV_ENOTSUP);
}

static void sctlr_xp_clear_is_enotsup(void **state)
{
	struct env *e = *state;
	struct amv_xlat x;
	struct amv_fault f;

	e->l1[0x123] = section(0x87600000u, 0, 3);
	e->r.sctlr = AMV_SCTLR_M;
	assert_int_equal(amv_walk(&e->r, &e->port, 0x12345678u, RD, &x, &f),
			 -AMV_ENOTSUP);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		/* TTBCR, TTBR0/TTBR1 */
		T(ttbcr_n_selects_ttbr1_from_va_2_pow_32_minus_n),
		T(ttbcr_n0_walks_every_va_with_ttbr0),
		T(ttbr0_base_is_ttbr0_bits_31_to_14_minus_n),
		T(ttbr1_base_is_ttbr1_bits_31_to_14_indexed_by_va_31_20),
		T(l1_index_is_va_bits_31_20),
		T(pd0_disables_ttbr0_walks),
		T(pd1_disables_ttbr1_walks),
		T(pd1_is_ignored_when_n_is_0),
		/* MMU off */
		T(mmu_off_maps_flat_without_reading_tables),
		T(mmu_off_data_accesses_are_strongly_ordered),
		T(mmu_off_fetches_are_normal_cacheable_per_sctlr_i),
		/* sections, supersections */
		T(section_maps_va_bits_19_0_into_the_section),
		T(section_reports_domain_ap_ng_ns_and_xn),
		T(supersection_maps_va_bits_23_0_into_16mib),
		T(supersection_bits_8_5_and_23_20_are_pa_39_36_and_35_32),
		T(supersection_ignores_domain_field_bits),
		T(supersection_faults_report_domain_0),
		/* page tables */
		T(page_table_base_is_bits_31_10_and_l2_index_va_19_12),
		T(small_page_maps_va_bits_11_0_into_4kib),
		T(large_page_maps_va_bits_15_0_into_64kib),
		T(large_page_base_excludes_xn_and_tex_bits_15_12),
		T(small_page_xn_is_bit_0),
		T(large_page_xn_is_bit_15),
		T(page_ng_is_l2_bit_11),
		/* fault entries, PXN */
		T(l1_fault_entry_is_level1_translation_fault),
		T(l2_fault_entry_is_level2_translation_fault_in_l1_domain),
		T(l2_translation_fault_precedes_domain_fault),
		T(l1_type3_without_pxn_support_is_level1_translation_fault),
		T(l1_type3_with_pxn_support_is_section_with_pxn),
		T(page_table_pxn_bit_2_is_ignored_without_pxn_support),
		T(page_table_pxn_bit_2_forbids_pl1_fetch_with_pxn_support),
		/* domains */
		T(no_access_domain_faults_sections_at_level1),
		T(no_access_domain_faults_pages_at_level2),
		T(reserved_domain_value_behaves_as_no_access),
		T(client_domain_checks_ap),
		T(manager_domain_skips_permission_checks_including_xn),
		T(manager_domain_skips_pxn),
		/* access permissions, access flag */
		T(ap_table_b3_8_with_afe_clear_for_sections),
		T(ap_table_b3_8_with_afe_clear_for_pages),
		T(ap_100_is_reserved_and_gives_no_access),
		T(afe_set_uses_simplified_ap_2_1_model),
		T(afe_clear_access_flag_faults_at_level1),
		T(afe_clear_access_flag_faults_at_level2),
		T(afe_clear_ap0_is_a_permission_bit_not_an_access_flag),
		T(access_flag_is_checked_before_the_domain),
		/* execute */
		T(fetch_from_xn_section_is_level1_permission_fault),
		T(fetch_needs_read_permission),
		T(pl0_fetch_from_pl1_only_page_is_level2_permission_fault),
		/* cache maintenance, fault syndrome */
		T(cache_maintenance_never_takes_permission_faults),
		T(cache_maintenance_takes_translation_faults),
		T(cache_maintenance_takes_domain_faults),
		T(cache_maintenance_takes_access_flag_faults),
		T(fault_flags_follow_the_access_kind),
		T(fault_addr_is_the_faulting_va),
		T(fault_outcome_reports_the_descriptor_found),
		/* memory attributes, TRE = 0 */
		T(tre0_tex_c_b_follow_table_b3_10),
		T(tre0_tex_1bb_gives_outer_bb_and_inner_cb),
		T(tre0_s_bit_affects_normal_memory_only),
		T(section_tex_c_b_s_select_memory_attributes),
		T(supersection_tex_c_b_s_select_memory_attributes),
		T(small_page_tex_is_bits_8_6),
		T(large_page_tex_is_bits_14_12),
		T(reserved_tex_encodings_are_strongly_ordered_and_flagged),
		T(sctlr_c_and_i_do_not_change_translation_attributes),
		/* memory attributes, TRE = 1 */
		T(tre1_prrr_trn_selects_the_memory_type),
		T(tre1_region_index_ignores_tex_bits_2_1),
		T(tre1_trn_0b11_is_reserved),
		T(tre1_region6_is_reserved_whatever_tr6),
		T(tre1_nmrr_irn_orn_give_normal_cacheability),
		T(tre1_ns0_ns1_map_the_s_bit_for_normal_memory),
		T(tre1_ds0_ds1_map_the_s_bit_for_device_memory),
		T(tre1_nosn_makes_shareable_normal_inner_shareable),
		T(tre1_strongly_ordered_is_shareable_whatever_s),
		T(tre1_walk_remaps_descriptor_tex0_c_b),
		/* endianness */
		T(ee_set_reads_descriptors_big_endian),
		/* port failures */
		T(l1_read_decode_error_is_level1_external_abort),
		T(ttbr_into_nothing_is_level1_external_abort),
		T(l1_read_slave_error_sets_ext),
		T(l2_read_slave_error_is_level2_external_abort_with_ext),
		T(l2_read_decode_error_is_level2_external_abort),
		T(other_read_errors_are_external_aborts_without_ext),
		/* security state */
		T(secure_regime_section_ns_is_bit_19),
		T(secure_regime_page_ns_is_page_table_bit_3),
		T(nonsecure_regime_forces_ns_output),
		T(nonsecure_regime_with_mmu_off_outputs_ns),
		/* API misuse */
		T(null_arguments_are_einval),
		T(null_read_hook_is_einval),
		T(unknown_access_bits_are_einval),
		T(every_documented_access_kind_is_accepted),
		T(long_descriptor_format_is_enotsup),
		T(sctlr_xp_clear_is_enotsup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
