/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Physical pages and the primitive MMU operations. With GUEST_PV every
 * store to a live translation table and every TLB operation is a
 * hypercall (svc #0x414d56 from SVC mode); natively the guest's own SVC
 * vector performs the same operations (hc_dispatch), so both builds run
 * on bare QEMU with the same transcript.
 */
#include "guest.h"

/* The values of amv/shadow.h's hypercall ABI (AMV_HC_*, enum amv_tlbi_op). */
#define HC_SET_PTE 0x414d0001u
#define HC_SWITCH_MM 0x414d0003u
#define HC_FLUSH 0x414d0004u
#define TLBI_ALL 0u
#define TLBI_MVA 1u
#define TLBI_ASID 2u
#define TLBI_MVAA 3u

unsigned hc_count;

static void native_set_pte(uint32_t *ptep, uint32_t val)
{
	*(volatile uint32_t *)ptep = val;
	dsb();
}

/* B3.10.1: complete the table writes (DSB), invalidate, wait for the
 * invalidation (DSB), resynchronise the instruction stream (ISB). */
static void native_flush(uint32_t op, uint32_t arg)
{
	dsb();
	switch (op) {
	case TLBI_MVA:
		CP15_WRITE(0, c8, c7, 1, arg);
		break;
	case TLBI_ASID:
		CP15_WRITE(0, c8, c7, 2, arg & 0xffu);
		break;
	case TLBI_MVAA:
#if defined(GUEST_BOARD_VEXPRESS_A9)
		CP15_WRITE(0, c8, c7, 3, arg);
		break;
#endif
	default:
		CP15_WRITE(0, c8, c7, 0, 0);
		break;
	}
	dsb();
	isb();
}

/* B3.10.4: switch TTBR0 and the ASID through the reserved ASID 0, which no
 * process uses, so no walk of either table is tagged with a live ASID. */
static void native_switch_mm(uint32_t ttbr0, uint32_t contextidr)
{
	CP15_WRITE(0, c13, c0, 1, 0);
	isb();
	CP15_WRITE(0, c2, c0, 0, ttbr0);
	isb();
	CP15_WRITE(0, c13, c0, 1, contextidr);
	isb();
}

uint32_t hc_dispatch(uint32_t fn, uint32_t a1, uint32_t a2)
{
	hc_count++;
	switch (fn) {
	case HC_SET_PTE:
		if (a1 - RAM_BASE >= RAM_SIZE || (a1 & 3u))
			return (uint32_t)-1;
		native_set_pte(phys_to_virt(a1), a2);
		return 0;
	case HC_SWITCH_MM:
		native_switch_mm(a1, a2);
		return 0;
	case HC_FLUSH:
		native_flush(a1, a2);
		return 0;
	default:
		return (uint32_t)-1;
	}
}

void set_pte(uint32_t *ptep, uint32_t val)
{
#ifdef GUEST_PV
	if (hypercall(HC_SET_PTE, virt_to_phys(ptep), val))
		panic("SET_PTE hypercall failed");
#else
	native_set_pte(ptep, val);
#endif
}

static void flush(uint32_t op, uint32_t arg)
{
#ifdef GUEST_PV
	hypercall(HC_FLUSH, op, arg);
#else
	native_flush(op, arg);
#endif
}

void tlb_flush_all(void)
{
	flush(TLBI_ALL, 0);
}

void tlb_flush_mva(uint32_t va, uint32_t asid)
{
	flush(TLBI_MVA, (va & ~0xfffu) | (asid & 0xffu));
}

void tlb_flush_asid(uint32_t asid)
{
	flush(TLBI_ASID, asid);
}

void switch_mm(uint32_t ttbr0, uint32_t contextidr)
{
#ifdef GUEST_PV
	hypercall(HC_SWITCH_MM, ttbr0, contextidr);
#else
	native_switch_mm(ttbr0, contextidr);
#endif
}

/* ---------------------------------------------------------------- pages */
/* A LIFO stack of free page frames and a reference count per frame (COW
 * sharing counts each mapping). */
static uint16_t page_refs[NPAGES];
static uint16_t free_stack[NPAGES];
static unsigned free_top;

static unsigned pfn(uint32_t pa)
{
	if (pa - RAM_BASE >= RAM_SIZE)
		panic("page outside RAM");
	return (pa - RAM_BASE) >> PAGE_SHIFT;
}

void pages_init(void)
{
	uint32_t first = (virt_to_phys(__kernel_end) + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	unsigned i;

	for (i = NPAGES; i-- > pfn(first);)
		free_stack[free_top++] = (uint16_t)i;
}

uint32_t page_alloc(void)
{
	unsigned n;
	uint32_t pa;

	if (!free_top)
		return 0;
	n = free_stack[--free_top];
	page_refs[n] = 1;
	pa = RAM_BASE + ((uint32_t)n << PAGE_SHIFT);
	memset(phys_to_virt(pa), 0, PAGE_SIZE);
	return pa;
}

void page_ref(uint32_t pa)
{
	page_refs[pfn(pa)]++;
}

void page_unref(uint32_t pa)
{
	unsigned n = pfn(pa);

	if (!page_refs[n])
		panic("page_unref of a free page");
	if (--page_refs[n] == 0)
		free_stack[free_top++] = (uint16_t)n;
}

unsigned page_refcount(uint32_t pa)
{
	return page_refs[pfn(pa)];
}

unsigned pages_free(void)
{
	return free_top;
}
