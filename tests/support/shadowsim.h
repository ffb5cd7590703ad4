/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A simulated machine for shadow MMU tests: guest physical memory (two RAM
 * regions, an MMIO region, bus holes), one VM on amv's shadow MMU, and a
 * host MMU model = amv_walk() over the shadow tables with the host DACR at
 * PL0, in front of which sits a small TLB model that keeps whatever it
 * cached until the library asks the port to invalidate it. A query runs the
 * "host access, amv_shadow_fault(), retry" loop a real port runs, and
 * ssim_expect() says what the guest would see natively, so a test compares
 * the two (invariant 2) and checks isolation (invariant 3) after any step.
 */
#ifndef AMV_TEST_SHADOWSIM_H
#define AMV_TEST_SHADOWSIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <amv/shadow.h>

#include "prng.h"
#include "testmem.h"

/* Guest physical map (see shadowsim.c for the host side). */
#define SSIM_RAM0_GPA 0x00000000u
#define SSIM_RAM0_SIZE 0x01000000u /* 16 MiB, host 1 MiB-aligned */
#define SSIM_RAM0_HPA 0x40000000u
#define SSIM_RAM1_GPA 0x01000000u
#define SSIM_RAM1_SIZE 0x00400000u /* 4 MiB, host only 4 KiB-aligned */
#define SSIM_RAM1_HPA 0x50003000u
#define SSIM_MMIO_GPA 0x10000000u
#define SSIM_MMIO_SIZE 0x00100000u
#define SSIM_HOLE_LO 0x20000000u /* guest reads fail here */
#define SSIM_HOLE_HI 0x30000000u
/* Host addresses of the pools and the monitor. */
#define SSIM_L1_HPA 0x90000000u
#define SSIM_L2_HPA 0xa0000000u
#define SSIM_MON_HPA 0x7f000000u
/* The monitor window: one host section, PL1-only, monitor domain 0. */
#define SSIM_WINDOW_VA 0xfe800000u
#define SSIM_WINDOW_SIZE 0x00100000u
#define SSIM_MON_DOMAIN 0u

#define SSIM_TLB_ENTRIES 32u

struct ssim_tlb {
	bool valid;
	bool global;
	uint8_t asid;
	uint32_t va;   /* base of the mapping */
	uint32_t size; /* 4 KiB or 1 MiB */
	uint32_t desc[2];
	unsigned int ndesc;
};

struct ssim_params {
	unsigned int sync;   /* enum amv_sync */
	unsigned int n_l1;   /* shadow L1 pool (>= 2) */
	unsigned int n_l2;   /* shadow L2 pool */
	unsigned int n_rmap; /* power of two; WP/PV */
	uint32_t regime_flags;
	bool tlb;            /* model a host TLB */
	bool tlb_global_tmpl; /* model the other nG policy: entries reached
				 through the TTBR1 template cached global */
	uint64_t seed;       /* TLB replacement */
	bool incoherent;     /* model table walks that do not see the data
				cache: the host MMU walks a copy of the pools
				that only the port's table_written hook
				updates, one 64-byte line at a time */
};

struct ssim {
	struct ssim_params par;
	uint32_t *ram0, *ram1;
	struct testmem gmem;
	struct amv_asid_alloc asids;
	struct amv_shadow_vm vm;
	struct amv_shadow_storage st;
	uint32_t *view_l1, *view_l2; /* what incoherent walks see */
	struct amv_vm_region regions[3];
	uint32_t window_l1[1];
	/* host MMU state, as the port programmed it */
	uint32_t ttbr0, contextidr, dacr;
	unsigned int host_mmu_calls;
	/* TLB model and counters */
	struct ssim_tlb tlb[SSIM_TLB_ENTRIES];
	struct prng rng;
	unsigned long tlbi_all, tlbi_asid, tlbi_mva, tlbi_mvaa;
	unsigned long host_walks, tlb_hits, exits;
};

/* Outcome of an access, natively (ssim_expect) or under the shadow. */
enum ssim_kind {
	SSIM_OK = 0,   /* translated to host PA hpa */
	SSIM_FAULT,    /* guest fault f */
	SSIM_MMIO,     /* MMIO exit for gpa */
	SSIM_WP,       /* write-protect exit for gpa (AMV_SYNC_WP) */
	SSIM_WINDOW,   /* the guest maps the monitor window */
};

struct ssim_out {
	enum ssim_kind kind;
	struct amv_fault f;
	uint64_t gpa;
	uint32_t hpa;
	struct amv_memattr attr;
	bool mmu_off;
	bool fetch;
};

/* The port the VM uses (guest memory reads through it need ctx = sim);
 * the second also cleans for incoherent walks (ssim_params::incoherent). */
extern const struct amv_port_ops ssim_port_ops;
extern const struct amv_port_ops ssim_port_ops_incoherent;

/* 0, or -1 with a message on stderr. */
int ssim_init(struct ssim *s, const struct ssim_params *par);
void ssim_fini(struct ssim *s);

/* Guest RAM word access by guest PA (must be in a RAM region). */
uint32_t *ssim_word(struct ssim *s, uint64_t gpa);

/* What the guest sees natively: walk + memory map. @kind is an enum
 * amv_access kind (READ, WRITE, FETCH), @user the virtual mode. */
void ssim_expect(struct ssim *s, uint32_t va, unsigned int kind, bool user,
		 struct ssim_out *o);

/* One host MMU access at PL0 (TLB model, else a walk of the shadow):
 * AMV_WALK_OK, AMV_WALK_FAULT or a negative error. */
int ssim_host_access(struct ssim *s, uint32_t va, unsigned int kind,
		     struct amv_xlat *x, struct amv_fault *f);

/* The access under the shadow (the port's loop). Returns the number of
 * host exits taken, or -1 if the loop made no progress. */
int ssim_run(struct ssim *s, uint32_t va, unsigned int kind,
	     struct ssim_out *o);

/* Whether @a (native) and @b (shadow) agree; explains a mismatch in @why. */
bool ssim_same(const struct ssim_out *a, const struct ssim_out *b, char *why,
	       size_t n);

/* Invariant 3 on every shadow table: 0, or -1 and a reason in @why. */
int ssim_check_isolation(struct ssim *s, char *why, size_t n);

/* A guest store of @val to the descriptor word at @gpa, the way the
 * strategy sees it: TLB: a plain store (the caller then does the TLB
 * maintenance); WP: a plain store if some shadow entry lets the guest write
 * the page (a WP bug the queries then see), else amv_shadow_wp_write();
 * PV: AMV_HC_SET_PTE. Returns 0 or a negative error. */
int ssim_store_desc(struct ssim *s, uint64_t gpa, uint32_t val);

/* AMV_SYNC_WP: no guest page holding a descriptor some entry was derived
 * from (a reverse-map record) is writable through any shadow entry in
 * either virtual mode. 0, or -1 and a reason. */
int ssim_check_wp(struct ssim *s, char *why, size_t n);

/* Whether any shadow entry lets guest code write the page at @gpa in
 * either virtual mode. */
bool ssim_page_writable(struct ssim *s, uint64_t gpa);

void ssim_print_out(const char *tag, const struct ssim_out *o);
void ssim_debug_va(struct ssim *s, uint32_t va);

#endif /* AMV_TEST_SHADOWSIM_H */
