/* SPDX-License-Identifier: BSD-2-Clause */
#include <amv/amv_env.h>
#include <amv/error.h>
#include <amv/fault.h>

#define SIDE_D 1u /* may be reported in DFSR */
#define SIDE_I 2u /* may be reported in IFSR */

/*
 * Status codes per type (ARMv7 ARM Table B3-23). Level-encoded types have a
 * level-1 and a level-2 code; the others have one code in fs[0] and fs[1] = 0.
 */
static const struct {
	uint8_t fs[2];
	uint8_t sides;
} fault_codes[AMV_FAULT_TYPE_COUNT] = {
	[AMV_FAULT_ALIGNMENT] = {{AMV_FS_ALIGNMENT, 0}, SIDE_D},
	[AMV_FAULT_TRANSLATION] = {{AMV_FS_TRANSLATION_L1, AMV_FS_TRANSLATION_L2},
				   SIDE_D | SIDE_I},
	[AMV_FAULT_ACCESS_FLAG] = {{AMV_FS_ACCESS_FLAG_L1, AMV_FS_ACCESS_FLAG_L2},
				   SIDE_D | SIDE_I},
	[AMV_FAULT_DOMAIN] = {{AMV_FS_DOMAIN_L1, AMV_FS_DOMAIN_L2},
			      SIDE_D | SIDE_I},
	[AMV_FAULT_PERMISSION] = {{AMV_FS_PERMISSION_L1, AMV_FS_PERMISSION_L2},
				  SIDE_D | SIDE_I},
	[AMV_FAULT_EXT_ABORT] = {{AMV_FS_EXT_ABORT, 0}, SIDE_D | SIDE_I},
	[AMV_FAULT_EXT_ABORT_WALK] = {{AMV_FS_EXT_ABORT_WALK_L1,
				       AMV_FS_EXT_ABORT_WALK_L2},
				      SIDE_D | SIDE_I},
	[AMV_FAULT_PARITY] = {{AMV_FS_PARITY, 0}, SIDE_D | SIDE_I},
	[AMV_FAULT_PARITY_WALK] = {{AMV_FS_PARITY_WALK_L1, AMV_FS_PARITY_WALK_L2},
				   SIDE_D | SIDE_I},
	[AMV_FAULT_ASYNC_EXT_ABORT] = {{AMV_FS_ASYNC_EXT_ABORT, 0}, SIDE_D},
	[AMV_FAULT_ASYNC_PARITY] = {{AMV_FS_ASYNC_PARITY, 0}, SIDE_D},
	[AMV_FAULT_DEBUG] = {{AMV_FS_DEBUG, 0}, SIDE_D | SIDE_I},
	[AMV_FAULT_ICACHE_MAINT] = {{AMV_FS_ICACHE_MAINT, 0}, SIDE_D},
};

static bool is_external(unsigned int type)
{
	return type == AMV_FAULT_EXT_ABORT || type == AMV_FAULT_EXT_ABORT_WALK ||
	       type == AMV_FAULT_ASYNC_EXT_ABORT;
}

int amv_fault_fsr(const struct amv_fault *f, uint32_t *fsr)
{
	bool prefetch;
	unsigned int fs;
	uint32_t v;

	if (f == NULL || fsr == NULL || f->type == AMV_FAULT_NONE ||
	    f->type >= AMV_FAULT_TYPE_COUNT || f->domain > 15)
		return -AMV_EINVAL;
	prefetch = (f->flags & AMV_FAULT_F_PREFETCH) != 0;
	if (!(fault_codes[f->type].sides & (prefetch ? SIDE_I : SIDE_D)))
		return -AMV_EINVAL;
	if (fault_codes[f->type].fs[1] != 0) {
		if (f->level != 1 && f->level != 2)
			return -AMV_EINVAL;
		fs = fault_codes[f->type].fs[f->level - 1];
	} else {
		if (f->level != 0)
			return -AMV_EINVAL;
		fs = fault_codes[f->type].fs[0];
	}

	v = (uint32_t)(fs & AMV_FSR_FS_LO_MASK) | ((uint32_t)(fs & 0x10u) << 6);
	if (is_external(f->type) && (f->flags & AMV_FAULT_F_EXT))
		v |= AMV_FSR_EXT;
	if (!prefetch) {
		v |= (uint32_t)f->domain << AMV_FSR_DOMAIN_SHIFT;
		if (f->flags & AMV_FAULT_F_WRITE)
			v |= AMV_FSR_WNR;
		if (f->flags & AMV_FAULT_F_CM)
			v |= AMV_FSR_CM;
	}
	*fsr = v;
	return 0;
}

int amv_fault_from_fsr(uint32_t fsr, bool prefetch, uint32_t addr,
		       struct amv_fault *f)
{
	unsigned int fs = amv_fsr_status(fsr);
	unsigned int type, level;

	if (f == NULL)
		return -AMV_EINVAL;
	for (type = AMV_FAULT_NONE + 1; type < AMV_FAULT_TYPE_COUNT; type++) {
		for (level = 0; level < 2; level++)
			if (fault_codes[type].fs[level] == fs && fs != 0)
				goto found;
	}
	return -AMV_EINVAL;
found:
	if (!(fault_codes[type].sides & (prefetch ? SIDE_I : SIDE_D)))
		return -AMV_EINVAL;
	f->addr = addr;
	f->type = (uint8_t)type;
	f->level = (uint8_t)(fault_codes[type].fs[1] != 0 ? level + 1 : 0);
	f->domain = 0;
	f->flags = prefetch ? AMV_FAULT_F_PREFETCH : 0;
	if (is_external(type) && (fsr & AMV_FSR_EXT))
		f->flags |= AMV_FAULT_F_EXT;
	if (!prefetch) {
		f->domain = (uint8_t)((fsr >> AMV_FSR_DOMAIN_SHIFT) &
				      AMV_FSR_DOMAIN_MASK);
		if (fsr & AMV_FSR_WNR)
			f->flags |= AMV_FAULT_F_WRITE;
		if (fsr & AMV_FSR_CM)
			f->flags |= AMV_FAULT_F_CM;
	}
	return 0;
}
