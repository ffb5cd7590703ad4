/* SPDX-License-Identifier: BSD-2-Clause */
#include <amv/amv_env.h>
#include <amv/cp15.h>
#include <amv/desc.h>
#include <amv/error.h>
#include <amv/walk.h>

#include "attr.h"

#define R AMV_PERM_R
#define RW (AMV_PERM_R | AMV_PERM_W)
#define RX (AMV_PERM_R | AMV_PERM_X)
#define RWX AMV_PERM_RWX
#define P(pl1, pl0) ((pl1) | ((pl0) << 4))
/*
 * The access-flag, domain and permission checks in one look-up, by DACR
 * field:SCTLR.AFE:AP[2:0]:XN:PXN (check_index()). An entry is the
 * permissions, packed PL1 in bits [2:0] and PL0 in bits [6:4]
 * (AMV_PERM_*), or CHK_AF or CHK_DOMAIN for the fault the access takes
 * before permissions are looked at (B3.12.3: the access flag first, in
 * every domain).
 *  - No access and the reserved DACR value fault (B3.7.3); Manager grants
 *    everything, XN included (B3.7.2).
 *  - Client, AFE = 0: the full AP model, B3.7.1 (0b100 is reserved: no
 *    access). AFE = 1: the simplified model on AP[2:1], B3.7.1, with AP[0]
 *    the access flag.
 * CLIENT() gives the four XN:PXN columns of one AP value from its data
 * permissions d1 (PL1), d0 (PL0) and the same with execute, x1, x0
 * (execution needs read permission, B3.7.2): XN = PXN = 0, PXN only (no
 * PL1 execute), and XN with either PXN (no execute).
 */
#define CHK_AF 0x08u
#define CHK_DOMAIN 0x80u
#define CLIENT(d1, x1, d0, x0) P(x1, x0), P(d1, x0), P(d1, d0), P(d1, d0)
#define ALL4(v) v, v, v, v
#define ALL8(v) ALL4(v), ALL4(v), ALL4(v), ALL4(v), \
		ALL4(v), ALL4(v), ALL4(v), ALL4(v)
#define AF_THEN(v) ALL4(CHK_AF), ALL4(v), ALL4(CHK_AF), ALL4(v), \
		   ALL4(CHK_AF), ALL4(v), ALL4(CHK_AF), ALL4(v)
#define NO_ACCESS ALL8(CHK_DOMAIN), AF_THEN(CHK_DOMAIN)
#define MANAGER ALL8(0x77u), AF_THEN(0x77u)

static const uint8_t check[4 * 2 * 8 * 4] = {
	NO_ACCESS, /* DACR 0b00 */
	/* DACR 0b01 Client, AFE = 0 */
	CLIENT(0, 0, 0, 0),       /* 000 no access */
	CLIENT(RW, RWX, 0, 0),    /* 001 PL1 RW */
	CLIENT(RW, RWX, R, RX),   /* 010 PL1 RW, PL0 RO */
	CLIENT(RW, RWX, RW, RWX), /* 011 full access */
	CLIENT(0, 0, 0, 0),       /* 100 reserved */
	CLIENT(R, RX, 0, 0),      /* 101 PL1 RO */
	CLIENT(R, RX, R, RX),     /* 110 RO (deprecated) */
	CLIENT(R, RX, R, RX),     /* 111 RO */
	/* Client, AFE = 1: AP[0] = 0 is an access-flag fault */
	ALL4(CHK_AF), CLIENT(RW, RWX, 0, 0),    /* 00x PL1 RW */
	ALL4(CHK_AF), CLIENT(RW, RWX, RW, RWX), /* 01x full access */
	ALL4(CHK_AF), CLIENT(R, RX, 0, 0),      /* 10x PL1 RO */
	ALL4(CHK_AF), CLIENT(R, RX, R, RX),     /* 11x RO */
	NO_ACCESS, /* DACR 0b10, reserved */
	MANAGER,   /* DACR 0b11 */
};

static inline unsigned int check_index(unsigned int field, uint32_t sctlr,
				       unsigned int ap, unsigned int xn,
				       unsigned int pxn)
{
	return field << 6 | ((sctlr & AMV_SCTLR_AFE) ? 32u : 0u) | ap << 2 |
	       xn << 1 | pxn;
}

#undef NO_ACCESS
#undef MANAGER
#undef AF_THEN
#undef ALL8
#undef ALL4
#undef CLIENT
#undef P
#undef R
#undef RW
#undef RX
#undef RWX

/*
 * TEX remap off (B3.8.2): attributes by TEX[2:0]:C:B, for S = 0 and S = 1.
 * TEX = 0b1BB is Normal memory, outer policy BB, inner policy CB (the NMRR
 * encoding); shareable Normal memory is Outer Shareable.
 */
#define SO_ROW                                                                 \
	{{AMV_MT_STRONGLY_ORDERED, AMV_CACHE_NC, AMV_CACHE_NC, AMV_SH_OUTER},  \
	 {AMV_MT_STRONGLY_ORDERED, AMV_CACHE_NC, AMV_CACHE_NC, AMV_SH_OUTER}}
#define DEV_ROW(sh)                                                            \
	{{AMV_MT_DEVICE, AMV_CACHE_NC, AMV_CACHE_NC, sh},                      \
	 {AMV_MT_DEVICE, AMV_CACHE_NC, AMV_CACHE_NC, sh}}
#define NORM_ROW(in, out)                                                      \
	{{AMV_MT_NORMAL, in, out, AMV_SH_NONE},                                \
	 {AMV_MT_NORMAL, in, out, AMV_SH_OUTER}}
#define RSVD_ROW SO_ROW
#define TEX1BB_ROWS(out)                                                       \
	NORM_ROW(AMV_CACHE_NC, out), NORM_ROW(AMV_CACHE_WBWA, out),            \
		NORM_ROW(AMV_CACHE_WT, out), NORM_ROW(AMV_CACHE_WB, out)

static const struct amv_memattr tre0_attr[32][2] = {
	SO_ROW,                                   /* 000 00 Strongly-ordered */
	DEV_ROW(AMV_SH_OUTER),                    /* 000 01 Shareable Device */
	NORM_ROW(AMV_CACHE_WT, AMV_CACHE_WT),     /* 000 10 write-through */
	NORM_ROW(AMV_CACHE_WB, AMV_CACHE_WB),     /* 000 11 write-back */
	NORM_ROW(AMV_CACHE_NC, AMV_CACHE_NC),     /* 001 00 non-cacheable */
	RSVD_ROW,                                 /* 001 01 reserved */
	RSVD_ROW,                                 /* 001 10 IMP DEF */
	NORM_ROW(AMV_CACHE_WBWA, AMV_CACHE_WBWA), /* 001 11 write-back, WA */
	DEV_ROW(AMV_SH_NONE),                     /* 010 00 Non-shareable Device */
	RSVD_ROW, RSVD_ROW, RSVD_ROW,             /* 010 01, 010 1x reserved */
	RSVD_ROW, RSVD_ROW, RSVD_ROW, RSVD_ROW,   /* 011 xx reserved */
	TEX1BB_ROWS(AMV_CACHE_NC), TEX1BB_ROWS(AMV_CACHE_WBWA),
	TEX1BB_ROWS(AMV_CACHE_WT), TEX1BB_ROWS(AMV_CACHE_WB),
};

/* Rows of tre0_attr that are reserved or IMPLEMENTATION DEFINED. */
#define TRE0_RESERVED ((1u << 0x05) | (1u << 0x06) | (0x7u << 0x09) | (0xfu << 0x0c))

static const struct amv_memattr attr_so = {
	AMV_MT_STRONGLY_ORDERED, AMV_CACHE_NC, AMV_CACHE_NC, AMV_SH_OUTER};

/*
 * B3.8.3, TEX remap (SCTLR.TRE = 1): attributes of region TEX[0]:C:B (from
 * @p texcb = TEX[2:0]:C:B; TEX[2:1] are for the OS) and S into @p a; true
 * for region 6 (IMPLEMENTATION DEFINED) and TRn = 0b11 (reserved), then
 * Strongly-ordered.
 */
static bool decode_remap(const struct amv_regime *r, unsigned int texcb,
			 unsigned int s, struct amv_memattr *a)
{
	unsigned int idx = texcb & 7u, tr = AMV_PRRR_TR(r->prrr, idx);

	if (idx == 6 || tr == 3) {
		*a = attr_so;
		return true;
	}
	if (tr == AMV_PRRR_TR_SO) {
		*a = attr_so;
		return false;
	}
	a->inner = AMV_CACHE_NC;
	a->outer = AMV_CACHE_NC;
	if (tr == AMV_PRRR_TR_DEVICE) {
		a->type = AMV_MT_DEVICE;
		a->share = (r->prrr & (s ? AMV_PRRR_DS1 : AMV_PRRR_DS0))
				   ? AMV_SH_OUTER
				   : AMV_SH_NONE;
		return false;
	}
	a->type = AMV_MT_NORMAL;
	a->inner = (uint8_t)AMV_NMRR_IR(r->nmrr, idx);
	a->outer = (uint8_t)AMV_NMRR_OR(r->nmrr, idx);
	if (!(r->prrr & (s ? AMV_PRRR_NS1 : AMV_PRRR_NS0)))
		a->share = AMV_SH_NONE;
	else if (r->prrr & AMV_PRRR_NOS(idx))
		a->share = AMV_SH_INNER;
	else
		a->share = AMV_SH_OUTER;
	return false;
}

bool amv_walk_decode_attr(const struct amv_regime *r, unsigned int tex,
			  unsigned int c, unsigned int b, unsigned int s,
			  struct amv_memattr *a)
{
	unsigned int idx = (tex & 7u) << 2 | (c & 1u) << 1 | (b & 1u);

	if (r->sctlr & AMV_SCTLR_TRE)
		return decode_remap(r, idx, s & 1u, a);
	*a = tre0_attr[idx][s & 1u];
	return (TRE0_RESERVED >> idx) & 1u;
}

static uint32_t bswap32(uint32_t v)
{
	return (v >> 24) | ((v >> 8) & 0xff00u) | ((v & 0xff00u) << 8) |
	       (v << 24);
}

/* Fault paths are kept out of line (COLD) so the translation path stays
 * short. */

/* Fill @f for a fault of @type at @level; flags derive from the access. */
static COLD int fault(struct amv_fault *f, uint32_t va, unsigned int access,
		      unsigned int type, unsigned int level, unsigned int domain,
		      unsigned int flags)
{
	f->addr = va;
	f->type = (uint8_t)type;
	f->level = (uint8_t)level;
	f->domain = (uint8_t)domain;
	f->flags = (uint8_t)(flags | amv_access_fault_flags(access));
	return AMV_WALK_FAULT;
}

/* A failed descriptor read: -AMV_EIO is a slave error (ExT set). */
static COLD int walk_abort(struct amv_fault *f, uint32_t va,
			   unsigned int access, unsigned int level,
			   unsigned int domain, int rc)
{
	return fault(f, va, access, AMV_FAULT_EXT_ABORT_WALK, level, domain,
		     rc == -AMV_EIO ? AMV_FAULT_F_EXT : 0u);
}

/* The fault a check[] entry @p perm gives an access that needs more. */
static COLD int check_fault(struct amv_fault *f, uint32_t va,
			    unsigned int access, unsigned int perm,
			    unsigned int level, unsigned int domain)
{
	unsigned int type = (perm & CHK_AF)	  ? AMV_FAULT_ACCESS_FLAG
			    : (perm & CHK_DOMAIN) ? AMV_FAULT_DOMAIN
						  : AMV_FAULT_PERMISSION;

	return fault(f, va, access, type, level, domain, 0);
}

/* B3.2.1: with the MMU off, VA = PA, no checks; data accesses are
 * Strongly-ordered, fetches Normal, write-through cacheable if SCTLR.I. */
static int walk_flat(const struct amv_regime *r, uint32_t va,
		     unsigned int access, struct amv_xlat *x)
{
	x->attr = attr_so;
	if ((access & AMV_ACC_KIND_MASK) == AMV_ACC_FETCH) {
		x->attr.type = AMV_MT_NORMAL;
		if (r->sctlr & AMV_SCTLR_I)
			x->attr.inner = x->attr.outer = AMV_CACHE_WT;
	}
	x->pa = va;
	x->size = 0;
	x->kind = AMV_MAP_FLAT;
	x->level = 0;
	x->domain = 0;
	x->dacr = AMV_DACR_MANAGER;
	x->ap = 0;
	x->perm_pl1 = AMV_PERM_RWX;
	x->perm_pl0 = AMV_PERM_RWX;
	x->flags = (r->flags & AMV_REGIME_NONSECURE) ? AMV_XLAT_NS : 0;
	return AMV_WALK_OK;
}

/* Access kind and privilege → the AMV_PERM_* bit it needs in the packed
 * PL1 | PL0 << 4 permissions; cache maintenance needs none (B4.1.52). */
static const uint8_t need_perm[8] = {
	AMV_PERM_R, AMV_PERM_W, AMV_PERM_X, 0,
	AMV_PERM_R << 4, AMV_PERM_W << 4, AMV_PERM_X << 4, 0,
};

/* Read descriptor @p i (0: L1, 1: L2) into x->desc[]; a failed read is an
 * external abort on the walk (B3.12), -AMV_EIO a slave error (ExT set). */
static inline int read_desc(const struct amv_port *port, uint32_t sctlr,
			    struct amv_xlat *x, unsigned int i)
{
	int rc = port->ops->read_phys32(port->ctx, x->desc_pa[i], &x->desc[i]);

	if (rc < 0)
		x->desc[i] = 0;
	else if (sctlr & AMV_SCTLR_EE)
		x->desc[i] = bswap32(x->desc[i]);
	return rc;
}

/*
 * The walk brings the attributes of every kind of mapping to one word in
 * the small-page layout (B3.5.1): XN [0], C:B [3:2], AP[1:0] [5:4],
 * TEX[2:0] [8:6], AP[2] [9], S [10], nG [11]. A section has the same
 * fields in bits [17:10], six bits up; a large page has TEX and XN higher.
 */
#define A_XN(a) ((a) & 1u)
#define A_AP(a) ((((a) >> 4) & 3u) | (((a) >> 7) & 4u))
#define A_TEXCB(a) ((((a) >> 4) & 0x1cu) | (((a) >> 2) & 3u))
#define A_S(a) (((a) >> 10) & 1u)
#define A_NG(a) (((a) >> 11) & 1u)

static inline uint32_t section_attrs(uint32_t l1)
{
	return ((l1 >> 6) & 0xff0u) | (l1 & 0xcu) | ((l1 >> 4) & 1u);
}

static inline uint32_t large_attrs(uint32_t d)
{
	return (d & 0xe3cu) | ((d >> 6) & 0x1c0u) | ((d >> 15) & 1u);
}

int amv_walk(const struct amv_regime *r, const struct amv_port *port,
	     uint32_t va, unsigned int access, struct amv_xlat *x,
	     struct amv_fault *f)
{
	unsigned int n, dom, ap, field, perm, level, rsvd, need, idx;
	uint32_t sctlr, ttbcr, l1, a, pd, pxn, ns;
	int rc;

	if (r == NULL || port == NULL || port->ops == NULL ||
	    port->ops->read_phys32 == NULL || x == NULL || f == NULL ||
	    access > (AMV_ACC_KIND_MASK | AMV_ACC_USER))
		return -AMV_EINVAL;
	sctlr = r->sctlr;
	ttbcr = r->ttbcr;
	if ((ttbcr & AMV_TTBCR_EAE) || !(sctlr & AMV_SCTLR_XP))
		return -AMV_ENOTSUP;

	x->va = va;
	x->desc[0] = x->desc[1] = 0;
	x->desc_pa[0] = x->desc_pa[1] = 0;
	if (!(sctlr & AMV_SCTLR_M))
		return walk_flat(r, va, access, x);

	/* B3.5.4: TTBR0 translates VA[31:32-N] == 0, TTBR1 the rest. PD0/PD1
	 * exist only with the Security Extensions (B4.1.153). */
	n = ttbcr & AMV_TTBCR_N_MASK;
	pd = (r->flags & AMV_REGIME_NO_SECEXT) ? 0 : ttbcr;
	x->level = 1;
	if ((va & ~(0xffffffffu >> n)) == 0) {
		if (pd & AMV_TTBCR_PD0)
			goto l1_translation;
		x->desc_pa[0] = (r->ttbr0 & AMV_TTBR0_BASE_MASK(n)) |
				((va >> 18) & 0x3ffcu);
	} else {
		if (pd & AMV_TTBCR_PD1)
			goto l1_translation;
		x->desc_pa[0] = (r->ttbr1 & AMV_TTBR1_BASE_MASK) |
				((va >> 18) & 0x3ffcu);
	}
	rc = read_desc(port, sctlr, x, 0);
	if (rc < 0)
		return walk_abort(f, va, access, 1, 0, rc);
	l1 = x->desc[0];

	if ((l1 & AMV_L1_TYPE_MASK) == AMV_L1_TYPE_TABLE) {
		x->level = 2;
		x->desc_pa[1] = (l1 & AMV_L1_TABLE_BASE_MASK) |
				((va >> 10) & 0x3fcu);
		rc = read_desc(port, sctlr, x, 1);
		dom = (l1 >> AMV_L1_DOMAIN_SHIFT) & AMV_L1_DOMAIN_MASK;
		if (rc < 0)
			return walk_abort(f, va, access, 2, dom, rc);
		a = x->desc[1];
		if ((a & AMV_L2_TYPE_MASK) == AMV_L2_TYPE_FAULT)
			return fault(f, va, access, AMV_FAULT_TRANSLATION, 2,
				     dom, 0);
		level = 2;
		pxn = (r->flags & AMV_REGIME_PXN) ? (l1 >> 2) & 1u : 0;
		ns = (l1 >> 3) & 1u;
		if (a & AMV_L2_SMALL) {
			x->pa = (a & AMV_L2_SMALL_BASE_MASK) | (va & 0xfffu);
			x->size = AMV_SMALL_PAGE_SIZE;
			x->kind = AMV_MAP_SMALL;
			a &= ~AMV_L2_SMALL;
		} else {
			x->pa = (a & AMV_L2_LARGE_BASE_MASK) | (va & 0xffffu);
			x->size = AMV_LARGE_PAGE_SIZE;
			x->kind = AMV_MAP_LARGE;
			a = large_attrs(a);
		}
		a &= 0xfffu;
	} else {
		/* Type 0b11 is a section with PXN, or reserved without PXN. */
		pxn = l1 & AMV_L1_PXN;
		if ((l1 & AMV_L1_TYPE_MASK) == AMV_L1_TYPE_FAULT ||
		    (pxn && !(r->flags & AMV_REGIME_PXN)))
			goto l1_translation;
		level = 1;
		a = section_attrs(l1);
		ns = (l1 >> 19) & 1u;
		if (l1 & AMV_L1_SUPER) {
			/* B3.5.1: supersections are in domain 0. */
			dom = 0;
			x->pa = (uint64_t)(l1 & AMV_L1_SUPER_BASE_MASK) |
				((uint64_t)((l1 >> AMV_L1_SUPER_PA35_32_SHIFT) &
					    0xfu) << 32) |
				((uint64_t)((l1 >> AMV_L1_SUPER_PA39_36_SHIFT) &
					    0xfu) << 36) |
				(va & 0xffffffu);
			x->size = AMV_SUPERSECTION_SIZE;
			x->kind = AMV_MAP_SUPERSECTION;
		} else {
			dom = (l1 >> AMV_L1_DOMAIN_SHIFT) & AMV_L1_DOMAIN_MASK;
			x->pa = (l1 & AMV_L1_SECTION_BASE_MASK) | (va & 0xfffffu);
			x->size = AMV_SECTION_SIZE;
			x->kind = AMV_MAP_SECTION;
		}
	}
	ap = A_AP(a);
	x->domain = (uint8_t)dom;
	x->ap = (uint8_t)ap;
	/* nG too: a TLB may hold entries that give domain and permission
	 * faults (B3.9), and callers that model one need it. */
	x->flags = (uint8_t)(A_NG(a) * AMV_XLAT_NG);

	field = AMV_DACR_FIELD(r->dacr, dom);
	perm = check[check_index(field, sctlr, ap, A_XN(a), pxn)];
	need = need_perm[access];
	if ((perm & (CHK_AF | CHK_DOMAIN)) | (need & ~perm))
		return check_fault(f, va, access, perm, level, dom);

	x->level = (uint8_t)level;
	x->dacr = (uint8_t)field;
	x->perm_pl1 = (uint8_t)(perm & 7u);
	x->perm_pl0 = (uint8_t)(perm >> 4);
	idx = A_TEXCB(a);
	if (!(sctlr & AMV_SCTLR_TRE)) {
		x->attr = tre0_attr[idx][A_S(a)];
		rsvd = (TRE0_RESERVED >> idx) & 1u;
	} else {
		rsvd = decode_remap(r, idx, A_S(a), &x->attr);
	}
	/* B3.5.3: the NS bit is ignored in Non-secure state and without the
	 * Security Extensions. */
	if (r->flags & (AMV_REGIME_NONSECURE | AMV_REGIME_NO_SECEXT))
		ns = (r->flags & AMV_REGIME_NONSECURE) ? 1u : 0u;
	x->flags = (uint8_t)(A_NG(a) * AMV_XLAT_NG | ns * AMV_XLAT_NS |
			     A_XN(a) * AMV_XLAT_XN | pxn * AMV_XLAT_PXN |
			     rsvd * AMV_XLAT_ATTR_RESERVED);
	return AMV_WALK_OK;

l1_translation:
	/* B3.13.3: level 1 translation faults carry no valid domain. */
	return fault(f, va, access, AMV_FAULT_TRANSLATION, 1, 0, 0);
}
