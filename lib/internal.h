/* SPDX-License-Identifier: BSD-2-Clause */
/* Functions one library source provides another (private). */
#ifndef AMV_LIB_INTERNAL_H
#define AMV_LIB_INTERNAL_H

#include <amv/vcpu.h>

/*
 * emulate.c: amv_emulate() of a data-processing exception return (@p i has
 * AMV_INSN_F_EXC_RETURN, B9.3.19) in a mode with an SPSR, whose bank is
 * @p bank (not AMV_BANK_USR), without the dispatch. amv_route() uses it.
 */
int amv_emulate_exc_return_dp(struct amv_vcpu *v, const struct amv_insn *i,
			      unsigned int bank);

#endif /* AMV_LIB_INTERNAL_H */
