/* SPDX-License-Identifier: BSD-2-Clause */
#include <amv/amv_env.h>
#include <amv/cp15.h>
#include <amv/error.h>
#include <amv/vcpu.h>

uint32_t *amv_vcpu_spsr(struct amv_vcpu *v)
{
	unsigned int bank = amv_mode_bank(v->cpsr & AMV_PSR_MODE_MASK);

	return bank == AMV_BANK_USR ? NULL : &v->spsr[bank - 1u];
}

void amv_vcpu_regime(const struct amv_vcpu *v, struct amv_regime *r)
{
	r->sctlr = v->cp15.sctlr;
	r->ttbr0 = v->cp15.ttbr0;
	r->ttbr1 = v->cp15.ttbr1;
	r->ttbcr = v->cp15.ttbcr;
	r->dacr = v->cp15.dacr;
	r->prrr = v->cp15.prrr;
	r->nmrr = v->cp15.nmrr;
	r->contextidr = v->cp15.contextidr;
	r->flags = v->regime_flags;
}

/* B1.8.1 Table B1-3: vector offset, target mode and its bank, LR offset,
 * and which of A/I/F the entry sets (I always). */
static const struct {
	uint8_t offset, mode, bank, lr, mask;
} exc_table[8] = {
	[AMV_EXC_RESET] = {0x00, AMV_MODE_SVC, AMV_BANK_SVC, 0,
			   (uint8_t)(AMV_PSR_A_BIT >> 6) | 3u},
	[AMV_EXC_UNDEF] = {0x04, AMV_MODE_UND, AMV_BANK_UND, 0, 2u},
	[AMV_EXC_SVC] = {0x08, AMV_MODE_SVC, AMV_BANK_SVC, 0, 2u},
	[AMV_EXC_PABT] = {0x0c, AMV_MODE_ABT, AMV_BANK_ABT, 4, 4u | 2u},
	[AMV_EXC_DABT] = {0x10, AMV_MODE_ABT, AMV_BANK_ABT, 8, 4u | 2u},
	[AMV_EXC_IRQ] = {0x18, AMV_MODE_IRQ, AMV_BANK_IRQ, 4, 4u | 2u},
	[AMV_EXC_FIQ] = {0x1c, AMV_MODE_FIQ, AMV_BANK_FIQ, 4, 4u | 2u | 1u},
};

static uint32_t vector_base(const struct amv_vcpu *v)
{
	if (v->cp15.sctlr & AMV_SCTLR_V)
		return 0xffff0000u;
	return (v->features & AMV_VCPU_VBAR) ? (v->cp15.vbar & ~0x1fu) : 0u;
}

int amv_inject(struct amv_vcpu *v, unsigned int exc, uint32_t ret,
	       const struct amv_fault *f)
{
	uint32_t old, cpsr, sctlr, fsr;
	unsigned int bank;

	if (v == NULL || exc >= 8u || exc == 5u)
		return -AMV_EINVAL;
	if (exc == AMV_EXC_PABT || exc == AMV_EXC_DABT) {
		if (f == NULL || amv_fault_fsr(f, &fsr) != 0)
			return -AMV_EINVAL;
		if (exc == AMV_EXC_DABT) {
			v->cp15.dfsr = fsr;
			v->cp15.dfar = f->addr;
		} else {
			v->cp15.ifsr = fsr;
			v->cp15.ifar = f->addr;
		}
	}
	/* B1.8.3: registers of the target mode, then the CPSR: IT and J
	 * cleared, T from SCTLR.TE, E from SCTLR.EE. */
	old = v->cpsr;
	bank = exc_table[exc].bank;
	v->sp_lr[bank][1] = ret + exc_table[exc].lr;
	v->spsr[bank - 1u] = old;
	sctlr = v->cp15.sctlr;
	cpsr = old & ~(AMV_PSR_MODE_MASK | AMV_PSR_T | AMV_PSR_E | AMV_PSR_J |
		       AMV_PSR_IT_LO_MASK | AMV_PSR_IT_HI_MASK);
	cpsr |= exc_table[exc].mode | ((uint32_t)exc_table[exc].mask << 6);
	if (sctlr & AMV_SCTLR_TE)
		cpsr |= AMV_PSR_T;
	if (sctlr & AMV_SCTLR_EE)
		cpsr |= AMV_PSR_E;
	v->cpsr = cpsr;
	v->pc = vector_base(v) + exc_table[exc].offset;
	/* Every exception mode is privileged. */
	if (v->vm != NULL)
		(void)amv_shadow_set_mode(v->vm, true);
	return 0;
}

int amv_vcpu_pending(struct amv_vcpu *v)
{
	if (v == NULL)
		return -1;
	if (v->fiq_line && !(v->cpsr & AMV_PSR_F_BIT)) {
		(void)amv_inject(v, AMV_EXC_FIQ, v->pc, NULL);
		return AMV_EXC_FIQ;
	}
	if (v->irq_line && !(v->cpsr & AMV_PSR_I_BIT)) {
		(void)amv_inject(v, AMV_EXC_IRQ, v->pc, NULL);
		return AMV_EXC_IRQ;
	}
	return -1;
}

int amv_vcpu_reset(struct amv_vcpu *v, uint32_t features,
		   const struct amv_port *port, struct amv_shadow_vm *vm)
{
	if (v == NULL)
		return -AMV_EINVAL;
	amv_memset(v, 0, sizeof(*v));
	v->features = features;
	if (port != NULL)
		v->port = *port;
	v->vm = vm;
	v->regime_flags = vm != NULL ? vm->cfg.regime_flags : 0u;
	/* B1.9.2 / B4.1.130: ARMv7 SCTLR resets with XP set (RAO) and the
	 * MMU, caches and remap off. */
	v->cp15.sctlr = AMV_SCTLR_XP;
	v->cpsr = AMV_MODE_SVC | AMV_PSR_A_BIT | AMV_PSR_I_BIT | AMV_PSR_F_BIT;
	v->pc = 0;
	return 0;
}
