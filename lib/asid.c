/* SPDX-License-Identifier: BSD-2-Clause */
#include <amv/amv_env.h>
#include <amv/asid.h>
#include <amv/error.h>

#define WORDS (AMV_ASID_COUNT / 32u)

static bool bit(const uint32_t *map, uint32_t n)
{
	return (map[n / 32u] >> (n % 32u)) & 1u;
}

static void set_bit(uint32_t *map, uint32_t n)
{
	map[n / 32u] |= 1u << (n % 32u);
}

static void clear_bit(uint32_t *map, uint32_t n)
{
	map[n / 32u] &= ~(1u << (n % 32u));
}

/* A new generation: every ASID free again but the reserved ones. */
static void rollover(struct amv_asid_alloc *a)
{
	uint32_t i;

	a->generation++;
	a->rollovers++;
	for (i = 0; i < WORDS; i++)
		a->used[i] = a->reserved[i];
	a->next = 0;
}

int amv_asid_init(struct amv_asid_alloc *a, const uint32_t *reserved)
{
	uint32_t i, free_words = 0;

	if (a == NULL)
		return -AMV_EINVAL;
	for (i = 0; i < WORDS; i++) {
		a->reserved[i] = reserved != NULL ? reserved[i] : 0u;
		free_words |= ~a->reserved[i];
	}
	if (free_words == 0)
		return -AMV_EINVAL;
	a->generation = 0;
	a->rollovers = 0;
	rollover(a);
	a->rollovers = 0; /* the first generation needs no flush */
	return 0;
}

/* The first free ASID at or after a->next, wrapping; -1 if none. */
static int find_free(const struct amv_asid_alloc *a)
{
	uint32_t k, n;

	for (k = 0; k < WORDS; k++) {
		uint32_t w = (a->next / 32u + k) % WORDS;
		uint32_t freebits = ~a->used[w];

		if (freebits == 0)
			continue;
		for (n = 0; n < 32u; n++)
			if ((freebits >> n) & 1u)
				return (int)(w * 32u + n);
	}
	return -1;
}

int amv_asid_get(struct amv_asid_alloc *a, struct amv_asid_ctx *c,
		 uint8_t *asid, bool *flush_all)
{
	int n;

	if (a == NULL || c == NULL || asid == NULL || flush_all == NULL)
		return -AMV_EINVAL;
	*flush_all = false;
	if (c->generation == a->generation) {
		*asid = c->asid;
		return 0;
	}
	n = find_free(a);
	if (n < 0) {
		rollover(a);
		*flush_all = true;
		n = find_free(a); /* init guaranteed one unreserved ASID */
		AMV_ASSERT(n >= 0);
	}
	set_bit(a->used, (uint32_t)n);
	a->next = ((uint32_t)n + 1u) % AMV_ASID_COUNT;
	c->generation = a->generation;
	c->asid = (uint8_t)n;
	*asid = (uint8_t)n;
	return 0;
}

int amv_asid_put(struct amv_asid_alloc *a, struct amv_asid_ctx *c)
{
	if (a == NULL || c == NULL)
		return -AMV_EINVAL;
	if (c->generation == a->generation && !bit(a->reserved, c->asid))
		clear_bit(a->used, c->asid);
	amv_asid_ctx_init(c);
	return 0;
}

uint64_t amv_asid_rollovers(const struct amv_asid_alloc *a)
{
	return a != NULL ? a->rollovers : 0;
}
