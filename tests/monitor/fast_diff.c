/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The example monitor's assembly fast path (ports/baremetal/mon_fast.S)
 * against the library, on the target: on random vCPU states,
 * mon_fast_svc() against amv_inject() of the SVC (what amv_route() does
 * for a User-mode SVC), and mon_fast_return() against amv_emulate() of
 * `SUBS PC, LR, #imm` / `MOVS PC, LR`. A call must decline exactly when
 * the documented conditions say so and then leave the vCPU as it was; a
 * handled one must leave it byte for byte as the library does. Runs on
 * QEMU's realview-pb-a8 (make monitor-test); exit status 0 when every case
 * agrees.
 */
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#include <amv/amv.h>

#include "bm.h"

#define CASES 100000u

int mon_fast_svc(struct amv_vcpu *v, uint32_t host_spsr, uint32_t ret);
int mon_fast_return(struct amv_vcpu *v, uint32_t imm);

static uint32_t rng[4] = {0x12345678u, 0x9abcdef0u, 0x0fedcba9u, 0x87654321u};

/* xoshiro128** */
static uint32_t rnd(void)
{
	uint32_t r = ((rng[1] * 5u) << 7 | (rng[1] * 5u) >> 25) * 9u;
	uint32_t t = rng[1] << 9;

	rng[2] ^= rng[0];
	rng[3] ^= rng[1];
	rng[1] ^= rng[2];
	rng[0] ^= rng[3];
	rng[2] ^= t;
	rng[3] = rng[3] << 11 | rng[3] >> 21;
	return r;
}

static uint32_t below(uint32_t n)
{
	return (uint32_t)(((uint64_t)rnd() * n) >> 32);
}

static const uint32_t modes[] = {AMV_MODE_USR, AMV_MODE_FIQ, AMV_MODE_IRQ,
				 AMV_MODE_SVC, AMV_MODE_ABT, AMV_MODE_UND,
				 AMV_MODE_SYS, 0x1au /* names no mode */};

static void random_vcpu(struct amv_vcpu *v)
{
	unsigned int k;

	memset(v, 0, sizeof(*v));
	for (k = 0; k < 13; k++)
		v->r[k] = rnd();
	for (k = 0; k < 5; k++)
		v->r8_fiq[k] = rnd();
	for (k = 0; k < AMV_BANK_COUNT; k++) {
		v->sp_lr[k][0] = rnd();
		v->sp_lr[k][1] = rnd();
	}
	for (k = 0; k < AMV_BANK_COUNT - 1; k++)
		v->spsr[k] = (rnd() & ~0x1fu) | modes[below(8)];
	v->pc = rnd() & ~3u;
	/* The CPSR always names a mode; reserved bits [23:20] random too. */
	v->cpsr = (rnd() & ~0x1fu) |
		  (below(3) == 0 ? AMV_MODE_USR : modes[below(7)]);
	v->cp15.sctlr = AMV_SCTLR_XP |
			(rnd() & (AMV_SCTLR_TE | AMV_SCTLR_EE | AMV_SCTLR_V |
				  (1u << 27) /* NMFI */));
	v->cp15.vbar = rnd();
	v->features = below(2) ? AMV_VCPU_VBAR : 0u;
	v->irq_line = below(3) == 0;
	v->fiq_line = below(8) == 0;
}

static unsigned int bad, svc_done, ret_done, declined;

/* Byte for byte (the bare-metal runtime has no memcmp). */
static bool same(const struct amv_vcpu *x, const struct amv_vcpu *y)
{
	const unsigned char *p = (const void *)x, *q = (const void *)y;

	for (size_t i = 0; i < sizeof(*x); i++)
		if (p[i] != q[i])
			return false;
	return true;
}

static void mismatch(const char *what, unsigned int n)
{
	if (bad++ < 10) {
		bm_puts("fast_diff: ");
		bm_puts(what);
		bm_puts(" differs, case ");
		bm_putdec(n);
		bm_puts("\n");
	}
}

/* The fast path's decision @h against @want; true when the case ends here
 * (a wrong decision, or a decline, which must have changed nothing). */
static bool decided(int h, bool want, const struct amv_vcpu *a,
		    const struct amv_vcpu *v, const char *what, unsigned int n)
{
	if (h != (int)want) {
		mismatch(what, n);
		return true;
	}
	if (h)
		return false;
	if (!same(a, v))
		mismatch("declined state", n);
	declined++;
	return true;
}

static void one_svc(unsigned int n)
{
	struct amv_vcpu v, a, b;
	uint32_t host = rnd(), ret;
	bool want;
	int h;

	random_vcpu(&v);
	ret = v.pc + ((host & AMV_PSR_T) ? 2u : 4u);
	want = (v.cpsr & AMV_PSR_MODE_MASK) == AMV_MODE_USR && !v.fiq_line;
	a = v;
	h = mon_fast_svc(&a, host, ret);
	if (decided(h, want, &a, &v, "SVC decision", n))
		return;
	b = v;
	amv_vcpu_from_host(&b, host);
	(void)amv_inject(&b, AMV_EXC_SVC, ret, NULL);
	if (!same(&a, &b))
		mismatch("SVC state", n);
	svc_done++;
}

static void one_return(unsigned int n)
{
	static const uint32_t imms[] = {0u, 4u, 8u, 0xffu};
	struct amv_vcpu v, a, b;
	struct amv_insn insn;
	uint32_t imm = imms[below(4)], mode, spsr = 0;
	unsigned int bank;
	bool want;
	int h;

	random_vcpu(&v);
	mode = v.cpsr & AMV_PSR_MODE_MASK;
	bank = amv_mode_bank(mode);
	if (bank != AMV_BANK_USR)
		spsr = v.spsr[bank - 1u];
	want = !v.fiq_line && bank != AMV_BANK_USR && bank != AMV_BANK_FIQ &&
	       (spsr & AMV_PSR_MODE_MASK) != AMV_MODE_FIQ &&
	       !(v.irq_line && !(spsr & AMV_PSR_I_BIT));
	a = v;
	h = mon_fast_return(&a, imm);
	if (decided(h, want, &a, &v, "return decision", n))
		return;
	/* movs pc, lr, or subs pc, lr, #imm (A1, rotation 0) */
	if (amv_decode(AMV_ISA_A32, imm ? 0xe25ef000u | imm : 0xe1b0f00eu,
		       &insn) != 0) {
		mismatch("decode", n);
		return;
	}
	b = v;
	(void)amv_emulate(&b, &insn);
	if (!same(&a, &b))
		mismatch("return state", n);
	ret_done++;
}

int main(void)
{
	for (unsigned int n = 0; n < CASES; n++) {
		if (n & 1u)
			one_return(n);
		else
			one_svc(n);
	}
	bm_puts("fast_diff: ");
	bm_putdec(CASES);
	bm_puts(" cases: ");
	bm_putdec(svc_done);
	bm_puts(" SVC entries and ");
	bm_putdec(ret_done);
	bm_puts(" returns as the library does them, ");
	bm_putdec(declined);
	bm_puts(" declined unchanged, ");
	bm_putdec(bad);
	bm_puts(" mismatches\n");
	bm_exit(bad != 0 || svc_done < CASES / 20u || ret_done < CASES / 20u);
}
