/* SPDX-License-Identifier: BSD-2-Clause */
#include <amv/amv_env.h>
#include <amv/error.h>
#include <amv/vector.h>

#include "internal.h"

/* UDF #imm16 (A8.8.247, A1): 1110 0111 1111 imm12 1111 imm4. */
#define UDF_MASK 0xfff000f0u
#define UDF_BITS 0xe7f000f0u

/* amv_decode() of an A32 word through the vCPU's cache (vcpu.h). */
static int decode(struct amv_vcpu *v, uint32_t w, struct amv_insn *out)
{
	struct amv_decoded *d =
		&v->decoded[(w ^ (w >> 12) ^ (w >> 20)) & (AMV_VCPU_DECODED - 1u)];

	if (!d->valid || d->raw != w) {
		d->valid = false;
		if (amv_decode(AMV_ISA_A32, w, &d->insn) != 0)
			return -AMV_EINVAL;
		d->raw = w;
		d->valid = true;
	}
	*out = d->insn;
	return 0;
}

static int inject(struct amv_vcpu *v, unsigned int exc, uint32_t ret,
		  const struct amv_fault *f, struct amv_route_result *out)
{
	(void)amv_inject(v, exc, ret, f);
	out->action = AMV_ACT_INJECTED;
	return 0;
}

static int route_undef(struct amv_vcpu *v, const struct amv_trap *t,
		       const struct amv_patch *patches, uint32_t n,
		       struct amv_route_result *out)
{
	uint32_t w = t->insn;

	if ((w & UDF_MASK) == UDF_BITS) {
		uint32_t i = ((w >> 4) & 0xfff0u) | (w & 0xfu);

		/* docs/amv-scan.md: a UDF is a patch only if its entry
		 * names this address; else it is the guest's own UDF. */
		if (patches != NULL && i < n && patches[i].address == t->pc) {
			const struct amv_insn *in = &patches[i].insn;
			unsigned int bank =
				amv_mode_bank(v->cpsr & AMV_PSR_MODE_MASK);

			/* The commonest patch, a kernel's return to User
			 * mode: emulated here, no copy, no dispatch. */
			if (patches[i].decoded && in->cls == AMV_INSN_DP &&
			    (in->flags & AMV_INSN_F_EXC_RETURN) &&
			    bank != AMV_BANK_USR) {
				(void)amv_emulate_exc_return_dp(v, in, bank);
				out->action = AMV_ACT_EMULATED;
				return 0;
			}
			if (patches[i].decoded
				    ? (out->insn = *in, true)
				    : decode(v, patches[i].original,
					     &out->insn) == 0) {
				out->action = AMV_ACT_EMULATE;
				return 0;
			}
		}
		return inject(v, AMV_EXC_UNDEF, t->pc + 4u, NULL, out);
	}
	if (decode(v, w, &out->insn) != 0)
		return -AMV_EINVAL;
	/* Privileged instructions trap at PL0; in a virtual PL1 mode they are
	 * the guest kernel's, to emulate; in User mode the guest would take
	 * the UNDEF itself. */
	if ((out->insn.flags & AMV_INSN_F_PRIVILEGED) &&
	    (v->cpsr & AMV_PSR_MODE_MASK) != AMV_MODE_USR) {
		out->action = AMV_ACT_EMULATE;
		return 0;
	}
	return inject(v, AMV_EXC_UNDEF, t->pc + 4u, NULL, out);
}

/*
 * An UNDEF in Thumb state, without a T32 decoder: t->insn is a 16-bit
 * instruction, or hw1:hw2 of a 32-bit one (hw1 >= 0xe800, A6.1). In User
 * mode the guest takes every UNDEF, a privileged instruction's included,
 * as natively; so does a UDF (T1 0xdeXX, T2 0xf7fX 0xaXXX, A8.8.247) in a
 * PL1 mode. Anything else in a PL1 mode may be a privileged instruction to
 * emulate, which needs the decoder.
 */
static int route_undef_t32(struct amv_vcpu *v, const struct amv_trap *t,
			   struct amv_route_result *out)
{
	bool wide = t->insn > 0xffffu;
	uint32_t next = t->pc + (wide ? 4u : 2u);

	if ((v->cpsr & AMV_PSR_MODE_MASK) == AMV_MODE_USR ||
	    (!wide && (t->insn & 0xff00u) == 0xde00u) ||
	    (wide && (t->insn & 0xfff0f000u) == 0xf7f0a000u))
		return inject(v, AMV_EXC_UNDEF, next, NULL, out);
	return -AMV_ENOTSUP;
}

/* A Prefetch Abort the guest takes at @t whatever its tables say. */
static int pabt(struct amv_vcpu *v, const struct amv_trap *t,
		unsigned int type, struct amv_route_result *out)
{
	struct amv_fault f = {t->far, (uint8_t)type, 0, 0, AMV_FAULT_F_PREFETCH};

	return inject(v, AMV_EXC_PABT, t->pc, &f, out);
}

static int route_abort(struct amv_vcpu *v, const struct amv_trap *t,
		       struct amv_route_result *out)
{
	struct amv_shadow_result res;
	bool fetch = t->exc == AMV_HEXC_PABT;
	unsigned int access;
	int rc;

	/* BKPT (and other debug events) abort on the host as on the guest:
	 * hand the guest its own Prefetch Abort (B1.8.7). */
	if (fetch && amv_fsr_status(t->fsr) == AMV_FS_DEBUG)
		return pabt(v, t, AMV_FAULT_DEBUG, out);
	if (fetch)
		access = AMV_ACC_FETCH;
	else if (t->fsr & AMV_FSR_CM)
		access = AMV_ACC_CMAINT;
	else
		access = (t->fsr & AMV_FSR_WNR) ? AMV_ACC_WRITE : AMV_ACC_READ;
	rc = amv_shadow_fault(v->vm, t->far, access, &res);
	if (rc < 0)
		return rc;
	switch (rc) {
	case AMV_SHADOW_FILLED:
		out->action = AMV_ACT_RETRY;
		return 0;
	case AMV_SHADOW_INJECT:
		return inject(v, fetch ? AMV_EXC_PABT : AMV_EXC_DABT, t->pc,
			      &res.fault, out);
	case AMV_SHADOW_WINDOW:
		out->action = AMV_ACT_WINDOW;
		out->gpa = res.gpa;
		return 0;
	default:
		break;
	}
	if (fetch) /* executing device memory: an external abort */
		return pabt(v, t, AMV_FAULT_EXT_ABORT, out);
	if (v->cpsr & AMV_PSR_T) {
		/* No T32 decoder yet: the access goes out undecoded (class
		 * UNDEFINED), amv_dataop_decode() refuses it, and the port
		 * decides (amv_shadow_wp_release() for a protected page). */
		amv_memset(&out->insn, 0, sizeof(out->insn));
		out->insn.raw = t->insn;
		out->insn.isa = AMV_ISA_T32;
		out->insn.cls = AMV_INSN_UNDEFINED;
		out->insn.rd = out->insn.rn = out->insn.rm = AMV_REG_NONE;
		out->insn.rs = out->insn.rt = out->insn.rt2 = AMV_REG_NONE;
	} else if (decode(v, t->insn, &out->insn) != 0) {
		return -AMV_EINVAL;
	}
	out->gpa = res.gpa;
	out->region = res.region;
	out->action = rc == AMV_SHADOW_MMIO ? AMV_ACT_MMIO : AMV_ACT_WP;
	return 0;
}

int amv_patch_prepare(struct amv_patch *patches, uint32_t n)
{
	int rc = 0;

	if (patches == NULL && n > 0)
		return -AMV_EINVAL;
	for (uint32_t i = 0; i < n; i++) {
		patches[i].decoded = amv_decode(AMV_ISA_A32, patches[i].original,
						&patches[i].insn) == 0;
		if (!patches[i].decoded)
			rc = -AMV_EINVAL;
	}
	return rc;
}

int amv_route(struct amv_vcpu *v, const struct amv_trap *t,
	      const struct amv_patch *patches, uint32_t n_patches,
	      struct amv_route_result *out)
{
	if (v == NULL || t == NULL || out == NULL)
		return -AMV_EINVAL;
	/* Not the whole result: its instruction is written only by the
	 * actions that use it (vector.h), and this runs on every exit. */
	out->gpa = 0;
	out->region = 0;
	switch (t->exc) {
	case AMV_HEXC_IRQ:
	case AMV_HEXC_FIQ:
		out->action = AMV_ACT_HOST_IRQ;
		return 0;
	case AMV_HEXC_SVC:
		/* SVC #imm8 (T1) cannot carry the hypercall immediate: always
		 * the guest's own, returning past its two bytes. */
		if (v->cpsr & AMV_PSR_T)
			return inject(v, AMV_EXC_SVC, t->pc + 2u, NULL, out);
		if ((v->cpsr & AMV_PSR_MODE_MASK) != AMV_MODE_USR &&
		    (t->insn & 0x00ffffffu) == AMV_HC_SVC_IMM) {
			out->action = AMV_ACT_HYPERCALL;
			return 0;
		}
		/* B1.8.10: the guest's SVC; a failed condition does not trap
		 * on the host, so this one executes. */
		return inject(v, AMV_EXC_SVC, t->pc + 4u, NULL, out);
	case AMV_HEXC_UNDEF:
		if (v->cpsr & AMV_PSR_T)
			return route_undef_t32(v, t, out);
		return route_undef(v, t, patches, n_patches, out);
	case AMV_HEXC_PABT:
	case AMV_HEXC_DABT:
		if (v->vm == NULL)
			return -AMV_EINVAL;
		return route_abort(v, t, out);
	default:
		return -AMV_EINVAL;
	}
}
