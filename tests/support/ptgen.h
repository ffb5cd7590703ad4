/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Random short-descriptor translation table images for the walker oracle
 * (and later the shadow MMU property tests): a translation regime, the table
 * words to place in guest physical memory, and query addresses. Covers every
 * descriptor kind, every AP/domain/TEX/XN combination, reserved encodings,
 * tables aliasing other tables and table pointers into bus holes.
 */
#ifndef AMV_TEST_PTGEN_H
#define AMV_TEST_PTGEN_H

#include <stdbool.h>
#include <stdint.h>

#include <amv/walk.h>

#include "prng.h"

#define PTGEN_MAX_CHUNKS 160
#define PTGEN_MAX_QUERIES 4096
#define PTGEN_POOL_WORDS (2 * 4096 + 128 * 256)

struct ptgen_range {
	uint32_t lo, hi; /* [lo, hi) */
};

struct ptgen_params {
	uint32_t table_lo, table_hi;      /* tables are allocated here */
	const struct ptgen_range *holes;  /* reads fail here (decode error) */
	unsigned int n_holes;
	bool window;                      /* keep a flat section mapped: */
	uint32_t window_va, window_pa;    /* 1 MiB aligned, PL1 read/write */
	uint32_t n_queries;               /* <= PTGEN_MAX_QUERIES */
	uint32_t regime_flags;            /* AMV_REGIME_* for the regime */
	unsigned int max_l2;              /* fresh L2 tables per image */
	unsigned int force;               /* PTGEN_FORCE_* */
};

#define PTGEN_FORCE_MMU_OFF 0x1u    /* SCTLR.M = 0 */
#define PTGEN_FORCE_TTBR_HOLE 0x2u  /* a TTBR points into a hole */

struct ptgen_chunk {
	uint32_t pa;
	uint32_t nwords;
	uint32_t *words; /* into ptgen_image::pool */
};

struct ptgen_image {
	struct amv_regime regime;
	uint32_t sctlr_set; /* SCTLR bits a runner sets: M, AFE, TRE */
	unsigned int nchunks;
	struct ptgen_chunk chunk[PTGEN_MAX_CHUNKS];
	unsigned int nqueries;
	uint32_t query[PTGEN_MAX_QUERIES];
	unsigned int pool_used;
	uint32_t pool[PTGEN_POOL_WORDS];
};

/* Fills @img. Returns 0, or -1 if @par cannot be satisfied. */
int ptgen_image(struct prng *rng, const struct ptgen_params *par,
		struct ptgen_image *img);

#endif /* AMV_TEST_PTGEN_H */
