/* SPDX-License-Identifier: BSD-2-Clause */
#include <amv/amv_env.h>
#include <amv/domain.h>
#include <amv/error.h>
#include <amv/walk.h>

#define NONE 0xffu

int amv_domain_init(struct amv_domains *d, uint16_t reserved,
		    uint32_t reserved_dacr)
{
	if (d == NULL || reserved == 0xffffu)
		return -AMV_EINVAL;
	d->reserved = reserved;
	d->reserved_dacr = 0;
	for (unsigned int h = 0; h < 16u; h++)
		if (((unsigned int)reserved >> h) & 1u)
			d->reserved_dacr |= reserved_dacr & (3u << (2u * h));
	d->generations = 0;
	amv_domain_reset(d);
	d->generations = 0;
	return 0;
}

void amv_domain_reset(struct amv_domains *d)
{
	amv_memset(d->host_of, NONE, sizeof(d->host_of));
	amv_memset(d->pair_of, NONE, sizeof(d->pair_of));
	d->generations++;
}

int amv_domain_get(struct amv_domains *d, unsigned int gdom, unsigned int cls)
{
	unsigned int h;

	if (d == NULL || gdom >= AMV_GDOM_COUNT || cls >= AMV_DC_ALL)
		return -AMV_EINVAL;
	if (d->host_of[gdom][cls] != NONE)
		return d->host_of[gdom][cls];
	for (h = 0; h < 16u; h++)
		if (!(((unsigned int)d->reserved >> h) & 1u) && d->pair_of[h] == NONE)
			break;
	if (h == 16u)
		return -AMV_ENOMEM;
	d->pair_of[h] = (uint8_t)(gdom * AMV_DC_ALL + cls);
	d->host_of[gdom][cls] = (uint8_t)h;
	return (int)h;
}

/* DACR field of each class while its guest domain is Client:
 * [class][kernel]. */
static const uint8_t class_dacr[AMV_DC_COUNT][2] = {
	[AMV_DC_BOTH] = {AMV_DACR_CLIENT, AMV_DACR_CLIENT},
	[AMV_DC_KERN] = {AMV_DACR_NOACCESS, AMV_DACR_CLIENT},
	[AMV_DC_KMGR] = {AMV_DACR_CLIENT, AMV_DACR_MANAGER},
	[AMV_DC_USER] = {AMV_DACR_CLIENT, AMV_DACR_NOACCESS},
};

uint32_t amv_domain_dacr(const struct amv_domains *d, uint32_t guest_dacr,
			 bool kernel)
{
	uint32_t dacr;

	if (d == NULL)
		return 0;
	dacr = d->reserved_dacr;
	for (unsigned int h = 0; h < 16u; h++) {
		unsigned int pair = d->pair_of[h], gdom, cls, g, v;

		if (pair == NONE)
			continue;
		gdom = pair / AMV_DC_ALL;
		cls = pair % AMV_DC_ALL;
		g = gdom == AMV_GDOM_FLAT ? AMV_DACR_CLIENT
					  : AMV_DACR_FIELD(guest_dacr, gdom);
		/* B3.12.3: Manager skips the AP checks on the guest as it does on
		 * the host; No access and the reserved value fault. */
		if (g == AMV_DACR_MANAGER && !(cls & AMV_DC_WP))
			v = AMV_DACR_MANAGER;
		else if (g == AMV_DACR_CLIENT || g == AMV_DACR_MANAGER)
			v = class_dacr[cls & 3u][kernel ? 1 : 0];
		else
			v = AMV_DACR_NOACCESS;
		dacr |= v << (2u * h);
	}
	return dacr;
}

unsigned int amv_domain_class(unsigned int cp1, unsigned int cp0, bool kernel,
			      unsigned int *perm)
{
	static const uint8_t order[3] = {AMV_DC_BOTH, AMV_DC_KERN, AMV_DC_KMGR};

	for (unsigned int i = 0; i < 3u; i++)
		if (amv_domain_fits(order[i], cp1, cp0, !kernel, perm) &&
		    amv_domain_fits(order[i], cp1, cp0, kernel, perm))
			return order[i];
	if (kernel) {
		*perm = cp1;
		return AMV_DC_KERN;
	}
	*perm = cp0;
	return AMV_DC_USER;
}
