/* SPDX-License-Identifier: BSD-2-Clause */
#include "testmem.h"

#include <amv/error.h>

const struct amv_port_ops testmem_ops = {
	.read_phys32 = testmem_read32,
};

void testmem_init(struct testmem *m)
{
	m->n = 0;
	m->reads = 0;
	m->unmodelled = 0;
	m->last_unmodelled = 0;
}

int testmem_add(struct testmem *m, uint64_t base, uint32_t *words,
		uint32_t nwords)
{
	if (m->n == TESTMEM_MAX_REGIONS)
		return -1;
	m->r[m->n].base = base;
	m->r[m->n].size = 4ull * nwords;
	m->r[m->n].words = words;
	m->r[m->n].err = 0;
	m->n++;
	return 0;
}

int testmem_add_error(struct testmem *m, uint64_t base, uint64_t size, int err)
{
	if (m->n == TESTMEM_MAX_REGIONS)
		return -1;
	m->r[m->n].base = base;
	m->r[m->n].size = size;
	m->r[m->n].words = NULL;
	m->r[m->n].err = err;
	m->n++;
	return 0;
}

int testmem_read32(void *ctx, uint64_t pa, uint32_t *val)
{
	struct testmem *m = ctx;
	unsigned int i;

	m->reads++;
	/* Later regions shadow earlier ones, as later writes would. */
	for (i = m->n; i-- > 0;) {
		const struct testmem_region *r = &m->r[i];

		if (pa < r->base || pa - r->base >= r->size)
			continue;
		if (r->words == NULL)
			return r->err;
		*val = r->words[(pa - r->base) / 4];
		return 0;
	}
	m->unmodelled++;
	m->last_unmodelled = pa;
	return -AMV_EFAULT;
}
