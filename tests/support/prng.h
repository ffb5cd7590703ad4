/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Seeded PRNG for tests (xoshiro128**, Blackman and Vigna, public domain
 * algorithm). Every randomised test prints its seed and honours AMV_SEED.
 */
#ifndef AMV_TEST_PRNG_H
#define AMV_TEST_PRNG_H

#include <stdint.h>

struct prng {
	uint32_t s[4];
};

static inline uint32_t prng_rotl(uint32_t x, int k)
{
	return (x << k) | (x >> (32 - k));
}

static inline uint32_t prng_next(struct prng *p)
{
	uint32_t result = prng_rotl(p->s[1] * 5u, 7) * 9u;
	uint32_t t = p->s[1] << 9;

	p->s[2] ^= p->s[0];
	p->s[3] ^= p->s[1];
	p->s[1] ^= p->s[2];
	p->s[0] ^= p->s[3];
	p->s[2] ^= t;
	p->s[3] = prng_rotl(p->s[3], 11);
	return result;
}

static inline void prng_seed(struct prng *p, uint32_t seed)
{
	uint32_t z = seed;
	int i;

	/* splitmix32-style expansion so that nearby seeds diverge at once */
	for (i = 0; i < 4; i++) {
		z += 0x9e3779b9u;
		uint32_t x = z;
		x = (x ^ (x >> 16)) * 0x85ebca6bu;
		x = (x ^ (x >> 13)) * 0xc2b2ae35u;
		p->s[i] = x ^ (x >> 16);
	}
	if ((p->s[0] | p->s[1] | p->s[2] | p->s[3]) == 0)
		p->s[0] = 1;
}

/* Uniform in [0, n), n > 0 (rejection-free multiply-shift; bias < 2^-32 n). */
static inline uint32_t prng_below(struct prng *p, uint32_t n)
{
	return (uint32_t)(((uint64_t)prng_next(p) * n) >> 32);
}

/* True with probability pct/100. */
static inline int prng_pct(struct prng *p, uint32_t pct)
{
	return prng_below(p, 100) < pct;
}

#endif /* AMV_TEST_PRNG_H */
