/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * CPU oracle, guest side: run every case of the blob natively on QEMU's CPU
 * and write the resulting states to the host file "cpu-oracle.out" through
 * semihosting. See the comment at the top of ../cpu_oracle.c for the
 * scheme (code buffer, landing pads, what is reconstructed).
 */
#include <stddef.h>
#include <stdint.h>

#include "bm.h"
#include "board.h"
#include "cpu_oracle.h"
#include "cpu_state.h"

#define CO_ASSERT(name, cond) typedef char co_assert_##name[(cond) ? 1 : -1]
CO_ASSERT(r8, offsetof(struct cpu_state, r) + 32 == CO_O_R8);
CO_ASSERT(r8fiq, offsetof(struct cpu_state, r8_fiq) == CO_O_R8FIQ);
CO_ASSERT(sp, offsetof(struct cpu_state, sp_lr) == CO_O_SP(0));
CO_ASSERT(spsr, offsetof(struct cpu_state, spsr) == CO_O_SPSR(1));
CO_ASSERT(cpsr, offsetof(struct cpu_state, cpsr) == CO_O_CPSR);
CO_ASSERT(pc, offsetof(struct cpu_state, pc) == CO_O_PC);
CO_ASSERT(sctlr, offsetof(struct cpu_state, sctlr) == CO_O_SCTLR);
CO_ASSERT(vbar, offsetof(struct cpu_state, vbar) == CO_O_VBAR);
CO_ASSERT(dfsr, offsetof(struct cpu_state, dfsr) == CO_O_DFSR);
CO_ASSERT(nmrr, offsetof(struct cpu_state, nmrr) == CO_O_NMRR);
CO_ASSERT(mem, offsetof(struct cpu_state, mem) == CO_O_MEM);
CO_ASSERT(size, sizeof(struct cpu_state) == CO_STATE_BYTES);

/* co_start.S */
struct cpu_state co_out;
extern uint32_t co_vec, co_harness_sctlr, co_harness_vbar;
extern const uint32_t co_stub_table[64];
extern const uint32_t co_trapx[];
void co_enter(const struct cpu_state *in, uint32_t entry, uint32_t eret);
void co_poke(uint32_t addr, uint32_t value);
uint32_t co_read_sctlr(void);
void co_set_vbar(uint32_t vbar);
void co_icache_sync(void);
void co_tlbiall(void);

#define CB (BM_RAM_BASE + CO_CODE_OFF)
#define PSR_M 0x1fu
#define PSR_T (1u << 5)
#define PSR_I (1u << 7)
#define PSR_E (1u << 9)
#define SCTLR_M (1u << 0)
#define SCTLR_V (1u << 13)
#define SCTLR_EE (1u << 25)
#define SCTLR_TE (1u << 30)
#define M_USR 0x10u
#define M_SVC 0x13u
#define M_UND 0x1bu
/* SCTLR bits only exc-sctlr cases set, under xcase_ok()'s conditions:
 * M, V, EE, TE (see cpu_oracle.c). */
#define SCTLR_FORBIDDEN (SCTLR_M | SCTLR_V | SCTLR_EE | SCTLR_TE)

static const struct co_blob_hdr *hdr;

/*
 * The GIC (ARM IHI 0048): realview-pb-a8 has a stand-alone GIC with the CPU
 * interface at 0x1e000000; the Cortex-A9 MPCore private region of
 * vexpress-a9 puts it at 0x1e000100. The distributor is at 0x1e001000 on
 * both. CPU_CASE_IRQ_PENDING cases make SPI 32 pending (enabled, priority
 * 0) before the case's first instruction: with the CPSR's I bit set, so
 * that WFI sees a wake-up event, or for the irq class, taken when the case
 * (or its instruction) has I clear.
 */
#define GICD 0x1e001000u
#if defined(BM_BOARD_VEXPRESS_A9)
#define GICC 0x1e000100u
#else
#define GICC 0x1e000000u
#endif
#define GICD_CTLR 0x000u
#define GICD_ISENABLER1 0x104u
#define GICD_ICENABLER1 0x184u
#define GICD_ISPENDR1 0x204u
#define GICD_ICPENDR1 0x284u
#define GICD_IPRIORITYR8 0x420u
#define GICD_ITARGETSR8 0x820u
#define GICC_CTLR 0x000u
#define GICC_PMR 0x004u

static void mmio_w(uint32_t a, uint32_t v)
{
	*(volatile uint32_t *)(uintptr_t)a = v;
}

static void irq_pending(int on)
{
	if (on) {
		mmio_w(GICD + GICD_IPRIORITYR8, 0);
		mmio_w(GICD + GICD_ITARGETSR8, 0x01010101u);
		mmio_w(GICD + GICD_ISENABLER1, 1);
		mmio_w(GICD + GICD_CTLR, 1);
		mmio_w(GICC + GICC_PMR, 0xf0u);
		mmio_w(GICC + GICC_CTLR, 1);
		mmio_w(GICD + GICD_ISPENDR1, 1);
	} else {
		mmio_w(GICD + GICD_ICPENDR1, 1);
		mmio_w(GICD + GICD_ICENABLER1, 1);
		mmio_w(GICC + GICC_CTLR, 0);
		mmio_w(GICD + GICD_CTLR, 0);
	}
}

static uint32_t bswap32(uint32_t v)
{
	return (v >> 24) | ((v >> 8) & 0xff00u) | ((v << 8) & 0xff0000u) |
	       (v << 24);
}

static int thumb32(uint32_t hw)
{
	return (hw >> 11) >= 0x1du;
}

/* Write the code buffer for case c; 0 if its layout is one we build. */
static int build_code(const struct cpu_case *c)
{
	volatile uint32_t *w = (volatile uint32_t *)(uintptr_t)CB;
	volatile uint16_t *h = (volatile uint16_t *)(uintptr_t)CB;
	int svc = (c->flags & CPU_CASE_LAND_SVC) != 0;
	int eret = (c->flags & CPU_CASE_ERET_ENTRY) != 0;
	uint32_t padw = svc ? CO_PAD_SVC : CO_PAD_UDF, i, pos;
	uint16_t padh = (uint16_t)(svc ? CO_T16_SVC : CO_T16_UDF);
	/* The MSR entry switches data accesses to the case's endianness
	 * before the literal load; the exception-return entry loads it in the
	 * harness's (little-endian) landing mode. */
	int be = !eret && (c->in.cpsr & PSR_E) != 0;

	for (i = 0; i < CO_CODE_SIZE / 4; i++)
		w[i] = padw;
	if (eret) {
		w[0] = 0xe59f0078u; /* ldr r0, [pc, #0x78] */
		w[1] = 0xe1b0f00eu; /* movs pc, lr */
	} else {
		w[0] = 0xe12ff000u; /* msr cpsr_fsxc, r0 */
	}
	if (!(c->flags & CPU_CASE_THUMB)) {
		if (c->in.pc != CB + 0x08u || (c->in.cpsr & PSR_T))
			return -1;
		if (!eret)
			w[1] = 0xe59f0074u; /* ldr r0, [pc, #0x74] */
		w[2] = c->insn[0];
	} else {
		if (!(c->in.cpsr & PSR_T))
			return -1;
		if (!eret) {
			w[1] = 0xe59f0078u; /* ldr r0, [pc, #0x78] */
			w[2] = 0xe12fff10u; /* bx r0 */
			h[6] = 0x481cu;     /* ldr r0, [pc, #0x70] */
		}
		if (c->in.pc == CB + 0x0eu) {
			pos = 7;
		} else if (c->in.pc == CB + 0x10u) {
			if (!eret)
				h[7] = 0xbf00u; /* nop */
			pos = 8;
		} else {
			return -1;
		}
		h[pos++] = (uint16_t)c->insn[0];
		if (thumb32(c->insn[0] & 0xffffu))
			h[pos++] = (uint16_t)(c->insn[0] >> 16);
		if (pos & 1u)
			h[pos] = padh;
	}
	w[CO_LIT_OFF / 4] = be ? bswap32(c->in.r[0]) : c->in.r[0];
	w[CO_LIT_OFF / 4 + 1] = be ? bswap32(CB + 0x0du) : CB + 0x0du;
	return 0;
}

static int vbar_known(uint32_t v)
{
	uint32_t k;

	for (k = 0; k < hdr->n_vbar; k++)
		if (hdr->vbar[k] == v)
			return 1;
	return 0;
}

/* Exception-entry block x (cpu_oracle.h): its vector address. */
static uint32_t xvec_addr(uint32_t x)
{
	if (x >= 2u)
		return CO_HIVEC;
	return BM_RAM_BASE + (x ? CO_XVEC_THUMB_OFF : CO_XVEC_ARM_OFF);
}

/*
 * Whether the case's SCTLR, VBAR and translation registers are ones the
 * harness has vectors and tables for: without M, V, EE, TE a VBAR with a
 * table; with TE or EE but not V, VBAR = an exception-entry block; V only
 * with M, and M only with V, TTBCR 0, TTBR0 = L1 table 2 * EE + TE and
 * domain 0 client or manager (other cases would fetch vectors from
 * nowhere).
 */
static int xcase_ok(const struct cpu_state *s)
{
	uint32_t te = (s->sctlr & SCTLR_TE) ? 1u : 0u, ee = (s->sctlr & SCTLR_EE) ? 1u : 0u;
	int xblock = s->vbar == xvec_addr(0) || s->vbar == xvec_addr(1);

	if (!(s->sctlr & SCTLR_FORBIDDEN))
		return vbar_known(s->vbar) || xblock;
	if (!(s->sctlr & SCTLR_M) != !(s->sctlr & SCTLR_V))
		return 0;
	if (!(s->sctlr & SCTLR_V))
		return xblock;
	return (vbar_known(s->vbar) || xblock) && s->ttbcr == 0 &&
	       (s->ttbr0 & ~0x3fffu) == BM_RAM_BASE + CO_L1_OFF + (2u * ee + te) * CO_L1_SIZE &&
	       (s->dacr & 3u) != 0 && (s->dacr & 3u) != 2u;
}

/*
 * Exception-entry block x at address a (cpu_oracle.h). Entry e is one word
 * that is a branch in both instruction sets: its low halfword is the
 * Thumb B (T2, A8.8.18) to the Thumb stub at a + CO_XSTUB_OFF +
 * CO_XSTUB_SIZE * e, and the whole word the ARM B (A1) whose imm24 is
 * 0xff:that halfword, to the ARM stub at a + CO_XASTUB_OFF +
 * CO_XASTUB_STEP * e (32 KiB below). Each stub records the CPSR before any
 * data access, switches data accesses to little-endian and jumps to
 * co_trapx in ARM state; its id tells which instruction set the entry ran
 * in (CO_XVEC_ID()).
 */
static int xvec_build(uint32_t a, uint32_t x)
{
	uint32_t e, id, ts, as, hw1, *w;

	for (e = 0; e < 8u; e++) {
		ts = a + CO_XSTUB_OFF + CO_XSTUB_SIZE * e;
		/* Thumb: PC reads + 4; B T2 offset = imm11 * 2. */
		hw1 = 0xe000u | (((ts - (a + 4u * e + 4u)) >> 1) & 0x7ffu);
		co_poke(a + 4u * e, 0xeaff0000u | hw1);
		/* ARM: PC reads + 8; B offset = SignExtend(0xff:hw1) * 4. */
		as = a + 4u * e + 8u + (hw1 << 2) - 0x40000u;
		if (as != a + (uint32_t)CO_XASTUB_OFF + CO_XASTUB_STEP * e)
			return -1;

		id = CO_XVEC_ID(x, 1u, e);
		w = (uint32_t *)(uintptr_t)ts;
		w[0] = 0x0a10ee00u; /* vmov s0, r0 */
		w[1] = 0x0000f04fu | (id << 16); /* mov.w r0, #id */
		w[2] = 0x0a90ee00u; /* vmov s1, r0 */
		w[3] = 0x8000f3efu; /* mrs r0, cpsr */
		w[4] = 0x0a10ee01u; /* vmov s2, r0 */
		w[5] = 0xbf00b650u; /* setend le; nop */
		w[6] = 0xf000f8dfu; /* ldr.w pc, [pc, #0] (bit 0 = 0: ARM) */
		w[7] = (uint32_t)(uintptr_t)co_trapx;

		id = CO_XVEC_ID(x, 0u, e);
		w = (uint32_t *)(uintptr_t)as;
		w[0] = 0xee000a10u; /* vmov s0, r0 */
		w[1] = 0xe3a00000u | id; /* mov r0, #id */
		w[2] = 0xee000a90u; /* vmov s1, r0 */
		w[3] = 0xe10f0000u; /* mrs r0, cpsr */
		w[4] = 0xee010a10u; /* vmov s2, r0 */
		w[5] = 0xf1010000u; /* setend le */
		w[6] = 0xe51ff004u; /* ldr pc, [pc, #-4] */
		w[7] = (uint32_t)(uintptr_t)co_trapx;
	}
	return 0;
}

/*
 * The L1 tables for SCTLR.M = 1 cases (cpu_oracle.h): sections (B3.5.1),
 * flat but for VA 0xfff00000, domain 0, AP = 0b11 (also the access flag
 * when SCTLR.AFE = 1), RAM Normal non-cacheable (TEX 0b001), the rest
 * Strongly-ordered. Table 2 * EE + TE; EE = 1 tables byte-reversed.
 */
static void l1_build(void)
{
	uint32_t t, i, d, ram = BM_RAM_BASE >> 20;

	for (t = 0; t < 4u; t++) {
		volatile uint32_t *l1 = (volatile uint32_t *)(uintptr_t)(BM_RAM_BASE + CO_L1_OFF +
									 t * CO_L1_SIZE);

		for (i = 0; i < 4096u; i++) {
			uint32_t pa = i << 20;

			if (i == 0xfffu)
				pa = BM_RAM_BASE + ((t & 1u) ? CO_HIVEC_THUMB_OFF : CO_HIVEC_ARM_OFF);
			d = (pa & 0xfff00000u) | (3u << 10) | 2u;
			if ((pa >> 20) >= ram && (pa >> 20) < ram + 128u)
				d |= 1u << 12;
			l1[i] = (t & 2u) ? bswap32(d) : d;
		}
	}
}

/* Where a landing trap came from: the cpu_exit, or -1 if not a pad. */
static int pad_kind(const struct cpu_case *c, uint32_t a)
{
	if (a > c->in.pc && a < CB + CO_LIT_OFF)
		return CPU_EXIT_NEXT;
	if (a >= CB + CO_LIT_OFF + 8u && a < CB + CO_CODE_SIZE)
		return CPU_EXIT_LANDED;
	if (a >= BM_RAM_BASE + CO_PAD_UDF_OFF &&
	    a < BM_RAM_BASE + CO_PAD_SVC_OFF + CO_PAD_SIZE)
		return CPU_EXIT_LANDED;
	return -1;
}

static void run_case(const struct cpu_case *c, struct cpu_result *r)
{
	volatile uint32_t *mem =
		(volatile uint32_t *)(uintptr_t)(BM_RAM_BASE + CPU_MEM_OFFSET);
	static const uint8_t bank_of[8] = {0, CPU_BANK_UND, CPU_BANK_SVC,
					   CPU_BANK_ABT, CPU_BANK_ABT, 0,
					   CPU_BANK_IRQ, CPU_BANK_FIQ};
	static const uint8_t exit_of[8] = {0x80, CPU_EXIT_UNDEF, CPU_EXIT_SVC,
					   CPU_EXIT_PABT, CPU_EXIT_DABT, 0x85,
					   CPU_EXIT_IRQ, CPU_EXIT_FIQ};
	uint32_t i, k, e, bank, land, lmode, mode = c->in.cpsr & PSR_M, a;
	int kind, eret = (c->flags & CPU_CASE_ERET_ENTRY) != 0;

	memset(r, 0, sizeof(*r));
	lmode = (c->flags & CPU_CASE_LAND_SVC) ? M_SVC : M_UND;
	if (!xcase_ok(&c->in) || build_code(c) != 0 || mode == lmode) {
		r->exit = CO_EXIT_REJECTED;
		return;
	}
	/* With the MSR entry a pending IRQ the case's CPSR unmasks would be
	 * taken right after the MSR, before the case's r0 is loaded; and a
	 * User mode case could not set its A/I/F bits. */
	if (!eret && (((c->flags & CPU_CASE_IRQ_PENDING) && !(c->in.cpsr & PSR_I)) ||
		      mode == M_USR)) {
		r->exit = CO_EXIT_REJECTED;
		return;
	}
	for (i = 0; i < 8; i++)
		mem[i] = c->in.mem[i];
	co_icache_sync();
	if (c->in.sctlr & SCTLR_M)
		co_tlbiall(); /* the previous M case may have used another table */
	if (c->flags & CPU_CASE_IRQ_PENDING)
		irq_pending(1);
	co_enter(&c->in, CB, eret ? lmode : 0u);
	if (c->flags & CPU_CASE_IRQ_PENDING)
		irq_pending(0);

	r->out = co_out;
	for (i = 0; i < 8; i++)
		r->out.mem[i] = mem[i];
	k = co_vec >> 3;
	e = co_vec & 7u;
	bank = bank_of[e];
	land = (c->flags & CPU_CASE_LAND_SVC) ? 2u : 1u;
	if (e == land) {
		uint32_t spsr = r->out.spsr[bank - 1];

		a = r->out.sp_lr[bank][1] - ((spsr & PSR_T) ? 2u : 4u);
		kind = pad_kind(c, a);
		if (kind >= 0) {
			/* The state just before the landing trap. */
			r->exit = (uint32_t)kind;
			r->out.cpsr = spsr;
			r->out.pc = a;
			r->out.sp_lr[bank][1] = c->in.sp_lr[bank][1];
			r->out.spsr[bank - 1] = c->in.spsr[bank - 1];
			return;
		}
	}
	r->exit = exit_of[e];
	if (k >= CO_XVEC_ID0 / 8u) {
		/* An exception-entry block: its Thumb stub ran iff the vector
		 * was executed in Thumb state (MRS reads T as 0). */
		k -= CO_XVEC_ID0 / 8u;
		r->out.pc = xvec_addr(k >> 1) + 4u * e;
		if (k & 1u)
			r->out.cpsr |= PSR_T;
	} else {
		r->out.pc = hdr->vbar[k] + 4u * e;
	}
	/* The exception-return entry used LR and SPSR of the landing mode;
	 * an exception into another mode leaves the harness's values there. */
	if (eret && bank != (land == 2u ? CPU_BANK_SVC : CPU_BANK_UND)) {
		bank = land == 2u ? CPU_BANK_SVC : CPU_BANK_UND;
		r->out.sp_lr[bank][1] = c->in.sp_lr[bank][1];
		r->out.spsr[bank - 1] = c->in.spsr[bank - 1];
	}
}

static void fail(const char *msg)
{
	bm_puts("cpu oracle: ");
	bm_puts(msg);
	bm_puts("\n");
	bm_exit(3);
}

int main(void)
{
	const struct cpu_case *cases;
	struct cpu_result *res =
		(struct cpu_result *)(uintptr_t)(BM_RAM_BASE + CO_RES_OFF);
	struct co_res_hdr rh;
	uint32_t i, j, k, p, n;
	int fd;

	hdr = (const struct co_blob_hdr *)(uintptr_t)(BM_RAM_BASE + CO_BLOB_OFF);
	cases = (const struct cpu_case *)(hdr + 1);
	bm_puts("amv cpu oracle: ");
	if (hdr->magic != CO_MAGIC || hdr->version != CO_VERSION ||
	    hdr->case_bytes != sizeof(struct cpu_case) ||
	    hdr->result_bytes != sizeof(struct cpu_result))
		fail("no valid blob at RAM base + CO_BLOB_OFF");
	if (hdr->ram_base != BM_RAM_BASE)
		fail("the blob was generated for another board");
	n = hdr->n_cases;
	if (hdr->n_vbar == 0 || hdr->n_vbar > CO_MAX_VBAR ||
	    n > CO_BLOB_MAX / sizeof(struct cpu_case) || hdr->passes == 0 ||
	    hdr->passes > 4 ||
	    n > CO_RES_MAX / sizeof(struct cpu_result) / hdr->passes ||
	    (hdr->sctlr_base & SCTLR_FORBIDDEN))
		fail("malformed blob header");
	bm_putdec(n);
	bm_puts(" cases x ");
	bm_putdec(hdr->passes);
	bm_puts(" passes, seed ");
	bm_putdec(hdr->seed);
	bm_puts("\n");

	memset(&rh, 0, sizeof(rh));
	rh.magic = CO_RES_MAGIC;
	rh.n_cases = n;
	rh.passes = hdr->passes;
	rh.result_bytes = sizeof(struct cpu_result);
	rh.sctlr_reset = co_read_sctlr();

	/* Landing pads and vector tables. */
	for (i = 0; i < CO_PAD_SIZE; i += 4) {
		co_poke(BM_RAM_BASE + CO_PAD_UDF_OFF + i, CO_PAD_UDF);
		co_poke(BM_RAM_BASE + CO_PAD_SVC_OFF + i, CO_PAD_SVC);
	}
	for (k = 0; k < hdr->n_vbar; k++) {
		for (i = 0; i < 8; i++) {
			/* ldr pc, [pc, #0x18] -> the literal 0x20 bytes on */
			co_poke(hdr->vbar[k] + 4u * i, 0xe59ff018u);
			co_poke(hdr->vbar[k] + 0x20u + 4u * i,
				co_stub_table[8u * k + i]);
		}
	}
	if (xvec_build(BM_RAM_BASE + CO_XVEC_ARM_OFF, 0) != 0 ||
	    xvec_build(BM_RAM_BASE + CO_XVEC_THUMB_OFF, 1) != 0 ||
	    xvec_build(BM_RAM_BASE + CO_HIVEC_ARM_OFF, 2) != 0 ||
	    xvec_build(BM_RAM_BASE + CO_HIVEC_THUMB_OFF, 3) != 0)
		fail("exception-entry block layout");
	l1_build();
	co_harness_sctlr = hdr->sctlr_base;
	co_harness_vbar = hdr->vbar[0];
	co_set_vbar(hdr->vbar[0]);
	bm_write_sctlr(hdr->sctlr_base);
	co_icache_sync();

	for (p = 0; p < hdr->passes; p++) {
		for (j = 0; j < n; j++) {
			i = (p & 1u) ? n - 1u - j : j;
			run_case(&cases[i], &res[p * n + i]);
		}
	}

	fd = bm_host_open("cpu-oracle.out", 4 | 1);
	if (fd < 0)
		fail("cannot open cpu-oracle.out on the host");
	if (bm_host_write(fd, &rh, sizeof(rh)) != 0 ||
	    bm_host_write(fd, res,
			  hdr->passes * n * (uint32_t)sizeof(struct cpu_result)) !=
		    0)
		fail("short write to the host");
	bm_host_close(fd);
	bm_puts("amv cpu oracle: done\n");
	return 0;
}
