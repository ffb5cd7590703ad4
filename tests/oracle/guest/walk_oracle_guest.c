/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Walker oracle, guest side: for each image in the blob, write its tables to
 * physical memory, load the translation registers, enable the MMU and run
 * ATS1CPR/ATS1CPW/ATS1CUR/ATS1CUW on every query VA, recording PAR (or the
 * Data Abort an ATS operation takes on an external abort during its walk).
 * Results go to the host file "walk-oracle.out" through semihosting. The
 * program runs in the first MiB of RAM (BM_RAM_BASE), a window every image
 * maps with a flat, PL1-accessible section.
 */
#include <stdint.h>

#include "bm.h"
#include "board.h"
#include "oracle_blob.h"

static uint32_t queries[ORACLE_MAX_QUERIES];
static uint32_t results[ORACLE_MAX_QUERIES * ORACLE_KINDS * 2];

/* Set by the Data Abort handler while the queries run. */
static volatile uint32_t abort_taken;
static volatile uint32_t abort_dfsr;

void bm_exception(enum bm_exc kind, struct bm_frame *f)
{
	uint32_t insn = *(volatile uint32_t *)(uintptr_t)f->pc;

	/* Only an ATS operation (MCR p15, 0, Rt, c7, c8, x) may abort. */
	if (kind == BM_EXC_DABT && (insn & 0x0fff0f1fu) == 0x0e070f18u) {
		__asm__ volatile("mrc p15, 0, %0, c5, c0, 0" : "=r"(abort_dfsr));
		abort_taken = 1;
		f->pc += 4;
		return;
	}
	bm_write_sctlr(bm_read_sctlr() & ~1u);
	bm_puts("oracle: unexpected exception ");
	bm_putdec((uint32_t)kind);
	bm_puts(" at ");
	bm_puthex(f->pc, 8);
	bm_puts(", insn ");
	bm_puthex(insn, 8);
	bm_puts(" dfsr ");
	bm_puthex(abort_dfsr, 8);
	bm_puts("\n");
	bm_exit(2);
}

#define ATS(op2, va, par)                                                     \
	__asm__ volatile("mcr p15, 0, %1, c7, c8, " #op2 "\n\t"                \
			 "isb\n\t"                                             \
			 "mrc p15, 0, %0, c7, c4, 0"                           \
			 : "=r"(par)                                           \
			 : "r"(va)                                             \
			 : "memory")

static void record(uint32_t *out, uint32_t par)
{
	if (abort_taken) {
		out[0] = ORACLE_RES_ABORT;
		out[1] = abort_dfsr;
		abort_taken = 0;
	} else {
		out[0] = ORACLE_RES_PAR;
		out[1] = par;
	}
}

static void run_queries(uint32_t n)
{
	uint32_t i, par, *out = results;

	for (i = 0; i < n; i++, out += 2 * ORACLE_KINDS) {
		uint32_t va = queries[i];

		ATS(0, va, par);
		record(out + 0, par);
		ATS(1, va, par);
		record(out + 2, par);
		ATS(2, va, par);
		record(out + 4, par);
		ATS(3, va, par);
		record(out + 6, par);
	}
}

static void load_regime(const struct oracle_image_hdr *h)
{
	__asm__ volatile("mcr p15, 0, %0, c2, c0, 0" : : "r"(h->ttbr0));
	__asm__ volatile("mcr p15, 0, %0, c2, c0, 1" : : "r"(h->ttbr1));
	__asm__ volatile("mcr p15, 0, %0, c2, c0, 2" : : "r"(h->ttbcr));
	__asm__ volatile("mcr p15, 0, %0, c3, c0, 0" : : "r"(h->dacr));
	__asm__ volatile("mcr p15, 0, %0, c10, c2, 0" : : "r"(h->prrr));
	__asm__ volatile("mcr p15, 0, %0, c10, c2, 1" : : "r"(h->nmrr));
	__asm__ volatile("mcr p15, 0, %0, c13, c0, 1" : : "r"(h->contextidr));
	/* TLBIALL, then make the new registers visible (B3.10.1). */
	__asm__ volatile("mcr p15, 0, %0, c8, c7, 0\n\tdsb\n\tisb"
			 :
			 : "r"(0)
			 : "memory");
}

static void fail(const char *msg)
{
	bm_puts("oracle: ");
	bm_puts(msg);
	bm_puts("\n");
	bm_exit(3);
}

int main(void)
{
	const struct oracle_blob_hdr *bh =
		(const struct oracle_blob_hdr *)(uintptr_t)(BM_RAM_BASE +
							    ORACLE_BLOB_OFF);
	const uint32_t *p, *end;
	uint32_t base_sctlr = bm_read_sctlr() & ~(1u | (1u << 28) | (1u << 29));
	uint32_t img, c, i, nq;
	int fd;

	bm_puts("amv walk oracle: ");
	if (bh->magic != ORACLE_MAGIC || bh->version != ORACLE_VERSION ||
	    bh->total_bytes > ORACLE_BLOB_MAX)
		fail("no valid blob at RAM base + ORACLE_BLOB_OFF");
	if (bh->ram_base != BM_RAM_BASE)
		fail("the blob was generated for another board");
	bm_putdec(bh->n_images);
	bm_puts(" images, seed ");
	bm_putdec(bh->seed);
	bm_puts("\n");

	fd = bm_host_open("walk-oracle.out", 4 | 1);
	if (fd < 0)
		fail("cannot open walk-oracle.out on the host");

	p = (const uint32_t *)(bh + 1);
	end = (const uint32_t *)(uintptr_t)(BM_RAM_BASE + ORACLE_BLOB_OFF +
					     bh->total_bytes);
	for (img = 0; img < bh->n_images; img++) {
		const struct oracle_image_hdr *h =
			(const struct oracle_image_hdr *)p;
		const uint32_t *next = p + h->bytes / 4;

		if (next > end || h->n_queries > ORACLE_MAX_QUERIES)
			fail("malformed image record");
		p = (const uint32_t *)(h + 1);
		for (c = 0; c < h->n_chunks; c++) {
			uint32_t pa = p[0], nw = p[1];
			volatile uint32_t *dst =
				(volatile uint32_t *)(uintptr_t)pa;

			if (pa < BM_RAM_BASE + ORACLE_TABLES_OFF || nw > 4096 ||
			    pa + 4 * nw > BM_RAM_BASE + ORACLE_TABLES_END_OFF)
				fail("chunk outside the table region");
			for (i = 0; i < nw; i++)
				dst[i] = p[2 + i];
			p += 2 + nw;
		}
		for (i = 0; i < h->n_queries; i++)
			queries[i] = p[i];

		/* With the MMU on only the window is mapped: no blob reads. */
		nq = h->n_queries;
		load_regime(h);
		bm_write_sctlr(base_sctlr | h->sctlr_set);
		run_queries(nq);
		bm_write_sctlr(base_sctlr);

		if (bm_host_write(fd, results, nq * ORACLE_KINDS * 8u) != 0)
			fail("short write to the host");
		p = next;
	}
	bm_host_close(fd);
	bm_puts("amv walk oracle: done\n");
	return 0;
}
