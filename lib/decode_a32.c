/* SPDX-License-Identifier: BSD-2-Clause */
/* Placeholder until the table-driven A32 decoder lands (issue 4). */
#include <amv/amv_env.h>
#include <amv/decode.h>
#include <amv/error.h>

int amv_decode(enum amv_isa isa, uint32_t word, struct amv_insn *out)
{
	(void)word;
	if (out == NULL || (isa != AMV_ISA_A32 && isa != AMV_ISA_T32))
		return -AMV_EINVAL;
	return -AMV_ENOTSUP;
}

int amv_decode_class(enum amv_isa isa, uint32_t word, uint32_t *flags)
{
	(void)word;
	(void)flags;
	if (isa != AMV_ISA_A32 && isa != AMV_ISA_T32)
		return -AMV_EINVAL;
	return -AMV_ENOTSUP;
}

const char *amv_insn_class_name(unsigned int cls)
{
	(void)cls;
	return "?";
}
