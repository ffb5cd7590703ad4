/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Processes: address spaces (TTBR0, 4 KiB L1, ASID), demand paging,
 * copy-on-write fork, signals, system calls, the round-robin scheduler and
 * the per-process console buffers that keep the transcript independent of
 * the interleaving.
 */
#include <stdarg.h>
#include "guest.h"

#define NPROC 16
#define KSTACK_SIZE 8192u
#define OUTBUF_SIZE 6144u
#define LINE_MAX 160u
#define NASID 256u

enum pstate { P_FREE, P_RUNNABLE, P_BLOCKED, P_ZOMBIE };

struct proc {
	enum pstate state;
	uint32_t pid, ppid;
	uint32_t *l1;            /* kernel VA of the 4 KiB TTBR0 table */
	uint32_t asid;
	uint32_t brk;
	uint32_t resident;       /* private pages mapped */
	uint32_t sig_handler[NSIG];
	uint32_t sig_tramp;
	uint32_t wait_pid;
	uint32_t exit_status;
	uint32_t mbox;
	int mbox_full;
	struct tf *tf;
	struct kctx ctx;
	uint32_t linelen, outlen;
	int out_truncated;
	char line[LINE_MAX];
	char out[OUTBUF_SIZE];
	uint8_t kstack[KSTACK_SIZE] __attribute__((aligned(8)));
};

static struct proc procs[NPROC];
static struct proc *cur;
static struct kctx boot_ctx;
static unsigned boot_free_pages;
static uint32_t next_pid = 1;
static uint8_t asid_used[NASID];
volatile uint32_t cur_pid;
volatile uint32_t probe_fsr, probe_far;

/* Counters; the timing-dependent ones are only printed on '@' lines. */
static unsigned ticks, preemptions, asid_reuses, cow_copies;
static unsigned checks_total, checks_failed;
static uint8_t asid_ever[NASID];

extern void user_main(void);

/* ---------------------------------------------------------------- console */
static void emit_line(struct proc *p, const char *s, uint32_t n);

static void out_append(struct proc *p, const char *s, uint32_t n)
{
	if (p->outlen + n + 1 > OUTBUF_SIZE) {
		p->out_truncated = 1;
		return;
	}
	memcpy(p->out + p->outlen, s, n);
	p->outlen += n;
	p->out[p->outlen++] = '\n';
}

/* Lines starting with '@' (timing) and everything from init go to the UART
 * at once; other processes' lines are held until their parent reaps them,
 * which happens in program order. */
static void emit_line(struct proc *p, const char *s, uint32_t n)
{
	uint32_t i;

	if (p->pid == 1 || (n && s[0] == '@')) {
		for (i = 0; i < n; i++)
			uart_putc(s[i]);
		uart_putc('\n');
	} else {
		out_append(p, s, n);
	}
}

static void console_putc(struct proc *p, char c)
{
	if (c == '\n' || p->linelen == LINE_MAX) {
		emit_line(p, p->line, p->linelen);
		p->linelen = 0;
		if (c == '\n')
			return;
	}
	p->line[p->linelen++] = c;
}

static void console_flush(struct proc *p)
{
	if (p->linelen) {
		emit_line(p, p->line, p->linelen);
		p->linelen = 0;
	}
}

static void pprintf(struct proc *p, const char *fmt, ...)
{
	char buf[LINE_MAX];
	va_list ap;
	int n, i;

	va_start(ap, fmt);
	n = kvsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	for (i = 0; i < n && i < (int)sizeof(buf) - 1; i++)
		console_putc(p, buf[i]);
}

/* ---------------------------------------------------------------- address spaces */
static uint32_t first_managed_pa(void)
{
	return (virt_to_phys(__kernel_end) + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
}

static uint32_t text_pa(uint32_t va)
{
	return virt_to_phys(__user_text_lma) + (va - USER_TEXT_VA);
}

static uint32_t contextidr(const struct proc *p)
{
	return (p->pid << 8) | p->asid;
}

/* The L2 table covering va, created on demand. live: the L1 may be in use
 * (a TTBR0 of a running or runnable process), so link through set_pte. */
static uint32_t *l2_for(struct proc *p, uint32_t va, int create, int live)
{
	uint32_t *l1e = &p->l1[va >> 20];
	uint32_t pa;

	if ((*l1e & L1_TYPE_MASK) == L1_TYPE_TABLE)
		return phys_to_virt(*l1e & ~0x3ffu);
	if (!create)
		return NULL;
	pa = page_alloc();
	if (!pa)
		return NULL;
	/* A fresh table is filled (zeroed) before it is linked. */
	if (live)
		set_pte(l1e, pa | (DOMAIN_USER << L1_DOMAIN_SHIFT) | L1_TYPE_TABLE);
	else
		*l1e = pa | (DOMAIN_USER << L1_DOMAIN_SHIFT) | L1_TYPE_TABLE;
	return phys_to_virt(pa);
}

static uint32_t *pte_for(struct proc *p, uint32_t va, int create)
{
	uint32_t *l2 = l2_for(p, va, create, 1);

	return l2 ? &l2[(va >> PAGE_SHIFT) & 0xffu] : NULL;
}

static int as_create(struct proc *p)
{
	uint32_t pa = page_alloc();

	if (!pa)
		return -1;
	p->l1 = phys_to_virt(pa);
	return 0;
}

/* Release every page and table; the caller has switched away from p's
 * TTBR0 and flushes its ASID afterwards. */
static void as_destroy(struct proc *p)
{
	uint32_t i, j, managed = first_managed_pa();

	for (i = 0; i < 1024; i++) {
		uint32_t *l2;

		if ((p->l1[i] & L1_TYPE_MASK) != L1_TYPE_TABLE)
			continue;
		l2 = phys_to_virt(p->l1[i] & ~0x3ffu);
		for (j = 0; j < 256; j++) {
			uint32_t pa = l2[j] & ~0xfffu;

			if ((l2[j] & L2_TYPE_SMALL) && pa >= managed)
				page_unref(pa);
		}
		/* Tell a PV host the L2 is no longer a table before it is reused. */
		set_pte(&p->l1[i], 0);
		page_unref(virt_to_phys(l2));
	}
	page_unref(virt_to_phys(p->l1));
	p->l1 = NULL;
	p->resident = 0;
}

static uint32_t asid_alloc(void)
{
	uint32_t a;

	for (a = 1; a < NASID; a++)
		if (!asid_used[a]) {
			asid_used[a] = 1;
			if (asid_ever[a])
				asid_reuses++;
			asid_ever[a] = 1;
			return a;
		}
	panic("out of ASIDs");
}

static void mm_activate(struct proc *p)
{
	if (p && p->l1)
		switch_mm(virt_to_phys(p->l1) | TTB_WALK_ATTR, contextidr(p));
	else
		switch_mm(virt_to_phys(empty_l1) | TTB_WALK_ATTR, 0);
}

static int in_data_region(const struct proc *p, uint32_t va)
{
	if (va >= USER_HEAP_VA && va < p->brk)
		return 1;
	return va >= USER_STACK_TOP - USER_STACK_SIZE && va < USER_STACK_TOP;
}

static int in_text(uint32_t va)
{
	return va >= USER_TEXT_VA && va < (uint32_t)(uintptr_t)__user_text_end;
}

/* Make va accessible as a user access would: demand-zero, text on first
 * touch, copy-on-write on write. Returns 0 or the signal to deliver. */
static int resolve(struct proc *p, uint32_t va, int write, int exec)
{
	uint32_t *pte, old, pa;

	if (in_text(va)) {
		if (write)
			return SIGSEGV;
		pte = pte_for(p, va, 1);
		if (!pte)
			return SIGBUS;
		if (!(*pte & L2_TYPE_SMALL))
			set_pte(pte, text_pa(va & ~0xfffu) | L2_NORMAL | L2_AP_URO | L2_NG);
		return 0;
	}
	if (exec || !in_data_region(p, va))
		return SIGSEGV;
	pte = pte_for(p, va, 1);
	if (!pte)
		return SIGBUS;
	old = *pte;
	if (!(old & L2_TYPE_SMALL)) {
		pa = page_alloc();
		if (!pa)
			return SIGBUS;
		set_pte(pte, pa | L2_NORMAL | L2_AP_URW | L2_NG | L2_XN);
		p->resident++;
		return 0;
	}
	if (write && (old & L2_AP_MASK) == L2_AP_URO) {
		pa = old & ~0xfffu;
		if (page_refcount(pa) > 1) {
			uint32_t npa = page_alloc();

			if (!npa)
				return SIGBUS;
			memcpy(phys_to_virt(npa), phys_to_virt(pa), PAGE_SIZE);
			page_unref(pa);
			pa = npa;
			cow_copies++;
		}
		set_pte(pte, pa | (old & 0xfffu & ~L2_AP_MASK) | L2_AP_URW);
		tlb_flush_mva(va, p->asid);
	}
	return 0;
}

/* Kernel access to user memory goes through the linear map after the page
 * has been resolved, so it never faults. */
static void *user_kva(struct proc *p, uint32_t va, int write)
{
	uint32_t *pte;

	if (va >= USER_STACK_TOP || resolve(p, va, write, 0))
		return NULL;
	pte = pte_for(p, va, 0);
	if (!pte || !(*pte & L2_TYPE_SMALL))
		return NULL;
	return (char *)phys_to_virt(*pte & ~0xfffu) + (va & 0xfffu);
}

/* Copy between kernel memory @k and the user range [@u, @u + @n) of @p,
 * page by page through the kernel's view of each user page (faulting it in
 * as user_kva() does); @to_user says which way. -1 if a page is missing. */
static int copy_user(struct proc *p, uint32_t u, void *k, uint32_t n,
		     int to_user)
{
	char *kb = k;

	while (n) {
		uint32_t chunk = PAGE_SIZE - (u & 0xfffu);
		char *uk = user_kva(p, u, to_user);

		if (!uk)
			return -1;
		if (chunk > n)
			chunk = n;
		if (to_user)
			memcpy(uk, kb, chunk);
		else
			memcpy(kb, uk, chunk);
		kb += chunk;
		u += chunk;
		n -= chunk;
	}
	return 0;
}

static int copy_from_user(struct proc *p, void *dst, uint32_t src, uint32_t n)
{
	return copy_user(p, src, dst, n, 0);
}

static int copy_to_user(struct proc *p, uint32_t dst, const void *src, uint32_t n)
{
	return copy_user(p, dst, (void *)(uintptr_t)src, n, 1);
}

/* fork: the child's tables are new (not live): plain stores. The parent's
 * writable pages become read-only in both (live: set_pte, then TLBIASID). */
static int as_fork(struct proc *parent, struct proc *child)
{
	uint32_t i, j, managed = first_managed_pa();
	int changed = 0;

	if (as_create(child))
		return -1;
	for (i = 0; i < 1024; i++) {
		uint32_t *pl2, *cl2;

		if ((parent->l1[i] & L1_TYPE_MASK) != L1_TYPE_TABLE)
			continue;
		pl2 = phys_to_virt(parent->l1[i] & ~0x3ffu);
		cl2 = l2_for(child, i << 20, 1, 0);
		if (!cl2)
			return -1;
		for (j = 0; j < 256; j++) {
			uint32_t e = pl2[j], pa = e & ~0xfffu;

			if (!(e & L2_TYPE_SMALL))
				continue;
			if (pa >= managed) {
				if ((e & L2_AP_MASK) == L2_AP_URW) {
					e = (e & ~L2_AP_MASK) | L2_AP_URO;
					set_pte(&pl2[j], e);
					changed = 1;
				}
				page_ref(pa);
			}
			cl2[j] = e;
		}
	}
	child->resident = parent->resident;
	if (changed)
		tlb_flush_asid(parent->asid);
	return 0;
}

/* ---------------------------------------------------------------- scheduler */
static void schedule(void)
{
	unsigned start = (unsigned)(cur - procs), i;
	struct proc *next = NULL, *prev = cur;

	for (i = 1; i <= NPROC; i++) {
		struct proc *q = &procs[(start + i) % NPROC];

		if (q->state == P_RUNNABLE) {
			next = q;
			break;
		}
	}
	if (!next)
		panic("deadlock: nothing runnable");
	if (next == prev)
		return;
	cur = next;
	cur_pid = next->pid;
	mm_activate(next);
	swtch(&prev->ctx, &next->ctx);
}

static struct proc *proc_alloc(void)
{
	unsigned i;

	for (i = 0; i < NPROC; i++)
		if (procs[i].state == P_FREE) {
			struct proc *p = &procs[i];

			memset(p, 0, offsetof(struct proc, out));
			p->pid = next_pid++;
			p->asid = asid_alloc();
			p->brk = USER_HEAP_VA;
			p->tf = (struct tf *)(void *)(p->kstack + KSTACK_SIZE) - 1;
			p->ctx.sp = (uint32_t)(uintptr_t)p->tf;
			p->ctx.lr = (uint32_t)(uintptr_t)ret_syscall;
			return p;
		}
	return NULL;
}

static void do_exit(struct proc *p, uint32_t status)
{
	unsigned i;

	console_flush(p);
	if (p->pid == 1)
		kmain_finish((int)status);
	mm_activate(NULL);
	as_destroy(p);
	tlb_flush_asid(p->asid);         /* the ASID may be reused at once */
	asid_used[p->asid] = 0;
	p->exit_status = status;
	p->state = P_ZOMBIE;
	for (i = 0; i < NPROC; i++) {
		struct proc *q = &procs[i];

		if (q->state == P_BLOCKED && q->pid == p->ppid &&
		    q->wait_pid == p->pid)
			q->state = P_RUNNABLE;
	}
	schedule();
	panic("zombie ran");
}

/* ---------------------------------------------------------------- signals */
static void deliver(struct proc *p, struct tf *tf, uint32_t signo,
		    uint32_t fsr, uint32_t far)
{
	struct sigctx sc;
	uint32_t sp;

	/* A handler that itself cannot be entered would fault forever. */
	if (!p->sig_handler[signo] || tf->pc == p->sig_handler[signo]) {
		pprintf(p, "[pid %u killed by signal %u]\n", p->pid, signo);
		do_exit(p, signo);
	}
	memcpy(sc.r, tf->r, sizeof(sc.r));
	sc.sp = tf->sp_usr;
	sc.lr = tf->lr_usr;
	sc.pc = tf->pc;
	sc.cpsr = tf->cpsr;
	sc.signo = signo;
	sc.fsr = fsr;
	sc.far = far;
	sc.magic = SIGCTX_MAGIC;
	sp = (tf->sp_usr - (uint32_t)sizeof(sc)) & ~7u;
	if (copy_to_user(p, sp, &sc, sizeof(sc))) {
		pprintf(p, "[pid %u: bad signal stack, killed]\n", p->pid);
		do_exit(p, SIGSEGV);
	}
	tf->r[0] = signo;
	tf->r[1] = fsr;
	tf->r[2] = far;
	tf->r[3] = sp;
	tf->sp_usr = sp;
	tf->lr_usr = p->sig_tramp;
	tf->pc = p->sig_handler[signo];
	tf->cpsr = PSR_USR;
}

static void sys_sigreturn(struct proc *p, struct tf *tf)
{
	struct sigctx sc;

	if (copy_from_user(p, &sc, tf->sp_usr, sizeof(sc)) ||
	    sc.magic != SIGCTX_MAGIC) {
		pprintf(p, "[pid %u: bad sigreturn frame]\n", p->pid);
		do_exit(p, SIGSEGV);
	}
	memcpy(tf->r, sc.r, sizeof(tf->r));
	tf->sp_usr = sc.sp;
	tf->lr_usr = sc.lr;
	tf->pc = sc.pc;
	/* Only the flags come back: User mode, ARM state, interrupts on. */
	tf->cpsr = (sc.cpsr & 0xf8000000u) | PSR_USR;
}

/* ---------------------------------------------------------------- exceptions */
unsigned irq_ticks(void)
{
	return *(volatile unsigned *)&ticks;
}

void irq_handler(struct tf *tf)
{
	uint32_t iar = mmio_read(GICC_VA + 0x0cu);
	uint32_t id = iar & 0x3ffu;

	if (id == TIMER_IRQ) {
		mmio_write(TIMER_VA + 0x20u + 0x0cu, 1);   /* timer 1 IntClr */
		ticks++;
	}
	if (id < 1020u)
		mmio_write(GICC_VA + 0x10u, iar);
	if (id == TIMER_IRQ && (tf->cpsr & PSR_MODE_MASK) == PSR_USR) {
		preemptions++;
		schedule();
	}
}

static void kernel_fault(struct tf *tf, uint32_t fsr, uint32_t far)
{
	uint32_t pc = tf->pc;

	if (pc == (uint32_t)(uintptr_t)probe_insn_r32 ||
	    pc == (uint32_t)(uintptr_t)probe_insn_r8 ||
	    pc == (uint32_t)(uintptr_t)probe_insn_w32) {
		probe_fsr = fsr;
		probe_far = far;
		tf->pc = (uint32_t)(uintptr_t)probe_fixup;
		return;
	}
	kprintf("kernel fault: pc %08x fsr %08x far %08x\n", pc, fsr, far);
	panic("unexpected kernel abort");
}

/* The FSR bits a signal reports: FS, WnR (DFSR), ExT, and the domain only
 * where B3.13.3 defines it (access flag, page translation, domain and
 * permission faults); IFSR[7:4] is UNK/SBZP (QEMU puts the domain there). */
static uint32_t fsr_defined(uint32_t fsr, int ifsr)
{
	uint32_t keep = ifsr ? 0x140fu : 0x1c0fu;

	switch (fsr_status(fsr)) {
	case 0x03u: case 0x06u: case FS_TRANS_PAGE: case FS_DOMAIN_SECT:
	case FS_DOMAIN_PAGE: case FS_PERM_SECT: case FS_PERM_PAGE:
		if (!ifsr)
			keep |= 0xf0u;
		break;
	default:
		break;
	}
	return fsr & keep;
}

void dabt_handler(struct tf *tf)
{
	uint32_t fsr = CP15_READ(0, c5, c0, 0);
	uint32_t far = CP15_READ(0, c6, c0, 0);
	uint32_t st = fsr_status(fsr);
	int sig = SIGSEGV;

	if ((tf->cpsr & PSR_MODE_MASK) != PSR_USR) {
		kernel_fault(tf, fsr, far);
		return;
	}
	if (far < USER_STACK_TOP &&
	    (st == FS_TRANS_SECT || st == FS_TRANS_PAGE || st == FS_PERM_PAGE))
		sig = resolve(cur, far, (fsr & FSR_WNR) != 0, 0);
	if (sig)
		deliver(cur, tf, (uint32_t)sig, fsr_defined(fsr, 0), far);
}

void pabt_handler(struct tf *tf)
{
	uint32_t fsr = CP15_READ(0, c5, c0, 1);
	uint32_t far = CP15_READ(0, c6, c0, 2);
	uint32_t st = fsr_status(fsr);
	int sig = SIGSEGV;

	if ((tf->cpsr & PSR_MODE_MASK) != PSR_USR)
		panic("prefetch abort in the kernel");
	if (far < USER_STACK_TOP && (st == FS_TRANS_SECT || st == FS_TRANS_PAGE))
		sig = resolve(cur, far, 0, 1);
	if (sig)
		deliver(cur, tf, (uint32_t)sig, fsr_defined(fsr, 1), far);
}

void und_handler(struct tf *tf)
{
	if ((tf->cpsr & PSR_MODE_MASK) != PSR_USR) {
		kprintf("undefined instruction at %08x\n", tf->pc);
		panic("undefined instruction in the kernel");
	}
	deliver(cur, tf, SIGILL, 0, tf->pc);
}

/* ---------------------------------------------------------------- system calls */
static uint32_t sys_fork(struct proc *p, struct tf *tf)
{
	struct proc *c = proc_alloc();

	if (!c)
		return (uint32_t)-1;
	c->ppid = p->pid;
	c->brk = p->brk;
	c->sig_tramp = p->sig_tramp;
	memcpy(c->sig_handler, p->sig_handler, sizeof(c->sig_handler));
	if (as_fork(p, c)) {
		if (c->l1)
			as_destroy(c);
		asid_used[c->asid] = 0;
		c->state = P_FREE;
		return (uint32_t)-1;
	}
	*c->tf = *tf;
	c->tf->r[0] = 0;
	c->state = P_RUNNABLE;
	return c->pid;
}

static struct proc *find_pid(uint32_t pid)
{
	unsigned i;

	for (i = 0; i < NPROC; i++)
		if (procs[i].state != P_FREE && procs[i].pid == pid)
			return &procs[i];
	return NULL;
}

static uint32_t sys_waitpid(struct proc *p, uint32_t pid)
{
	struct proc *c = find_pid(pid);
	uint32_t st, i, s;

	if (!c || c->ppid != p->pid)
		return (uint32_t)-1;
	while (c->state != P_ZOMBIE) {
		p->state = P_BLOCKED;
		p->wait_pid = pid;
		schedule();
	}
	/* The child's held output joins the parent's, in program order. */
	for (i = s = 0; i < c->outlen; i++)
		if (c->out[i] == '\n') {
			emit_line(p, c->out + s, i - s);
			s = i + 1;
		}
	if (c->out_truncated)
		pprintf(p, "[pid %u: output truncated]\n", c->pid);
	st = c->exit_status;
	c->state = P_FREE;
	return st;
}

static uint32_t sys_sbrk(struct proc *p, uint32_t incr)
{
	uint32_t old = p->brk, nbrk = old + incr, va;

	if (nbrk < USER_HEAP_VA || nbrk > USER_HEAP_VA + USER_HEAP_MAX)
		return (uint32_t)-1;
	p->brk = nbrk;
	/* Shrinking unmaps whole pages above the new break: TLBIMVA each. */
	for (va = (nbrk + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1); va < old; va += PAGE_SIZE) {
		uint32_t *pte = pte_for(p, va, 0);

		if (!pte || !(*pte & L2_TYPE_SMALL))
			continue;
		page_unref(*pte & ~0xfffu);
		set_pte(pte, 0);
		tlb_flush_mva(va, p->asid);
		p->resident--;
	}
	return old;
}

static void sys_exec(struct proc *p, struct tf *tf, uint32_t entry, uint32_t arg)
{
	mm_activate(NULL);
	as_destroy(p);
	tlb_flush_asid(p->asid);
	if (as_create(p))
		do_exit(p, SIGBUS);
	mm_activate(p);
	p->brk = USER_HEAP_VA;
	memset(p->sig_handler, 0, sizeof(p->sig_handler));
	memset(tf, 0, sizeof(*tf));
	tf->r[0] = arg;
	tf->sp_usr = USER_STACK_TOP;
	tf->pc = entry;
	tf->cpsr = PSR_USR;
}

void syscall_handler(struct tf *tf)
{
	struct proc *p = cur;
	uint32_t a0 = tf->r[0], a1 = tf->r[1], ret = 0;
	char buf[64];

	switch (tf->r[7]) {
	case SYS_GETPID:
		ret = p->pid;
		break;
	case SYS_GETPPID:
		ret = p->ppid;
		break;
	case SYS_WRITE: {
		uint32_t done = 0;

		while (done < a1) {
			uint32_t n = a1 - done, i;

			if (n > sizeof(buf))
				n = sizeof(buf);
			if (copy_from_user(p, buf, a0 + done, n))
				break;
			for (i = 0; i < n; i++)
				console_putc(p, buf[i]);
			done += n;
		}
		ret = done;
		break;
	}
	case SYS_YIELD:
		schedule();
		break;
	case SYS_FORK:
		ret = sys_fork(p, tf);
		break;
	case SYS_EXIT:
		do_exit(p, (a0 & 0xffu) << 8);
		break;
	case SYS_WAITPID:
		ret = sys_waitpid(p, a0);
		break;
	case SYS_SBRK:
		ret = sys_sbrk(p, a0);
		break;
	case SYS_SIGNAL:
		if (a0 == 0 || a0 >= NSIG) {
			ret = (uint32_t)-1;
			break;
		}
		ret = p->sig_handler[a0];
		p->sig_handler[a0] = a1;
		p->sig_tramp = tf->r[2];
		break;
	case SYS_SIGRETURN:
		sys_sigreturn(p, tf);
		return;
	case SYS_CLOCK:
		ret = mmio_read(SYSREG_VA + SYS_24MHZ_OFF);
		break;
	case SYS_SEND: {
		struct proc *q = find_pid(a0);

		if (!q || q->mbox_full) {
			ret = (uint32_t)-1;
		} else {
			q->mbox = a1;
			q->mbox_full = 1;
		}
		break;
	}
	case SYS_TRYRECV:
		if (p->mbox_full) {
			ret = p->mbox;
			p->mbox_full = 0;
		} else {
			ret = (uint32_t)-1;
		}
		break;
	case SYS_EXEC:
		sys_exec(p, tf, a0, a1);
		return;
	case SYS_CHECK:
		checks_total++;
		if (!a0)
			checks_failed++;
		break;
	case SYS_RESIDENT:
		ret = p->resident;
		break;
	default:
		ret = (uint32_t)-1;
		break;
	}
	tf->r[0] = ret;
}

/* ---------------------------------------------------------------- start and end */
void proc_boot(void)
{
	struct proc *p = proc_alloc();

	boot_free_pages = pages_free();
	if (!p || as_create(p))
		panic("cannot create init");
	p->tf->sp_usr = USER_STACK_TOP;
	p->tf->pc = (uint32_t)(uintptr_t)user_main;
	p->tf->cpsr = PSR_USR;
	p->state = P_RUNNABLE;
	cur = p;
	cur_pid = p->pid;
	mm_activate(p);
	swtch(&boot_ctx, &p->ctx);
	panic("boot context resumed");
}

void kmain_finish(int init_status)
{
	unsigned free_now, i, live = 0;

	for (i = 0; i < NPROC; i++)
		if (procs[i].state != P_FREE)
			live++;
	mm_activate(NULL);
	as_destroy(cur);
	tlb_flush_asid(cur->asid);
	free_now = pages_free();
	kprintf("kernel: init exited with status %d; user pages all freed: %s\n",
		init_status >> 8, free_now == boot_free_pages ? "yes" : "no");
	kcheck(free_now == boot_free_pages, "page leak");
	kprintf("kernel: processes created %u, still allocated %u\n",
		next_pid - 1, live);
	kprintf("kernel: user checks %u, failed %u; kernel checks failed %u\n",
		checks_total, checks_failed, kernel_fail_count);
	kprintf("@kernel ticks %u preemptions %u cow_copies %u asid_reuses %u "
		"hypercalls %u free_pages %u clock24 %u\n", ticks, preemptions,
		cow_copies, asid_reuses, hc_count, free_now,
		mmio_read(SYSREG_VA + SYS_24MHZ_OFF));
	if (init_status == 0 && checks_failed == 0 && kernel_fail_count == 0 &&
	    live == 1) {
		kputs("guest: all checks passed\n");
		semihost_exit(0);
	}
	kprintf("guest: FAILED (%u user, %u kernel checks)\n", checks_failed,
		kernel_fail_count);
	semihost_exit(1);
	for (;;)
		;
}
