/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * User programs. This file is linked at user VA 0x8000 (.user.text, loaded
 * inside the kernel image) and mapped read-only into every process; it may
 * call nothing outside itself (no libgcc: divisions only by constants) and
 * has no writable globals: per-process state lives at USER_HEAP_VA (G).
 *
 * Output rules: init (pid 1) prints directly; other processes' lines are
 * held by the kernel and appear when their parent reaps them; '@' lines
 * are timing and go out at once.
 */
#include <stdarg.h>
#include "guest_abi.h"

void user_main(void);

struct uglobals {
	uint32_t signals;
};
#define G ((volatile struct uglobals *)USER_HEAP_VA)

/* ---------------------------------------------------------------- system calls */
static inline uint32_t sc3(uint32_t n, uint32_t a, uint32_t b, uint32_t c)
{
	register uint32_t r0 __asm__("r0") = a;
	register uint32_t r1 __asm__("r1") = b;
	register uint32_t r2 __asm__("r2") = c;
	register uint32_t r7 __asm__("r7") = n;

	__asm__ volatile("svc #0" : "+r"(r0) : "r"(r1), "r"(r2), "r"(r7)
			 : "memory", "cc");
	return r0;
}

static inline uint32_t sc0(uint32_t n) { return sc3(n, 0, 0, 0); }
static inline uint32_t sc1(uint32_t n, uint32_t a) { return sc3(n, a, 0, 0); }

static uint32_t getpid(void) { return sc0(SYS_GETPID); }
static uint32_t getppid(void) { return sc0(SYS_GETPPID); }
static void yield(void) { sc0(SYS_YIELD); }
static uint32_t fork(void) { return sc0(SYS_FORK); }
static uint32_t waitpid(uint32_t pid) { return sc1(SYS_WAITPID, pid); }
static uint32_t sbrk(int32_t incr) { return sc1(SYS_SBRK, (uint32_t)incr); }
static uint32_t uclock(void) { return sc0(SYS_CLOCK); }
static uint32_t resident(void) { return sc0(SYS_RESIDENT); }
static uint32_t send(uint32_t pid, uint32_t v) { return sc3(SYS_SEND, pid, v, 0); }
static uint32_t tryrecv(void) { return sc0(SYS_TRYRECV); }

static void __attribute__((noreturn)) uexit(uint32_t status)
{
	sc1(SYS_EXIT, status);
	for (;;)
		;
}

static void __attribute__((noreturn)) exec(void (*entry)(uint32_t), uint32_t arg)
{
	sc3(SYS_EXEC, (uint32_t)entry, arg, 0);
	for (;;)
		;
}

__attribute__((naked)) static void sig_tramp(void)
{
	__asm__ volatile("mov r7, #8\n\tsvc #0\n");
}

typedef void (*sighandler_t)(uint32_t, uint32_t, uint32_t, struct sigctx *);

static void signal(uint32_t signo, sighandler_t h)
{
	sc3(SYS_SIGNAL, signo, (uint32_t)h, (uint32_t)sig_tramp);
}

/* ---------------------------------------------------------------- printf */
struct ubuf {
	char b[200];
	uint32_t n;
};

static void ub_c(struct ubuf *u, char c)
{
	if (u->n < sizeof(u->b))
		u->b[u->n++] = c;
}

static void ub_num(struct ubuf *u, uint32_t v, uint32_t hex, int width, char pad)
{
	char t[12];
	int i = 0;

	do {
		if (hex) {
			t[i++] = "0123456789abcdef"[v & 15u];
			v >>= 4;
		} else {
			t[i++] = (char)('0' + v % 10u);
			v /= 10u;
		}
	} while (v);
	while (width-- > i)
		ub_c(u, pad);
	while (i)
		ub_c(u, t[--i]);
}

static void uprintf(const char *fmt, ...)
{
	struct ubuf u;
	va_list ap;

	u.n = 0;
	va_start(ap, fmt);
	for (; *fmt; fmt++) {
		int width = 0;
		char pad = ' ';

		if (*fmt != '%') {
			ub_c(&u, *fmt);
			continue;
		}
		fmt++;
		if (*fmt == '0')
			pad = '0';
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		switch (*fmt) {
		case 'u':
			ub_num(&u, va_arg(ap, uint32_t), 0, width, pad);
			break;
		case 'd': {
			int32_t v = va_arg(ap, int32_t);

			if (v < 0) {
				ub_c(&u, '-');
				v = -v;
			}
			ub_num(&u, (uint32_t)v, 0, width, pad);
			break;
		}
		case 'x':
			ub_num(&u, va_arg(ap, uint32_t), 1, width, pad);
			break;
		case 's': {
			const char *s = va_arg(ap, const char *);

			while (*s)
				ub_c(&u, *s++);
			break;
		}
		default:
			ub_c(&u, *fmt);
			break;
		}
	}
	va_end(ap);
	sc3(SYS_WRITE, (uint32_t)u.b, u.n, 0);
}

static void check(int ok, const char *what)
{
	sc1(SYS_CHECK, ok != 0);
	if (!ok)
		uprintf("CHECK FAILED (pid %u): %s\n", getpid(), what);
}

static uint32_t checksum(const volatile uint32_t *p, uint32_t words)
{
	uint32_t s = 0x811c9dc5u;

	while (words--)
		s = (s ^ *p++) * 16777619u;
	return s;
}

static uint32_t spawn(uint32_t (*fn)(uint32_t), uint32_t arg)
{
	uint32_t pid = fork();

	if (pid == 0)
		uexit(fn(arg));
	return pid;
}

#define WCODE(st) ((st) >> 8)
#define WSIG(st) ((st) & 0xffu)

/* ---------------------------------------------------------------- faults as values */
/* The handler puts 0x5100 | signo in the interrupted r0 and resumes after
 * the faulting instruction (or, for a prefetch abort, at the caller's lr). */
#define MARK(sig) (0x5100u | (sig))

static void on_signal(uint32_t signo, uint32_t fsr, uint32_t far, struct sigctx *c)
{
	uprintf("  handler: signal %u fsr %03x far %08x\n", signo, fsr, far);
	G->signals++;
	c->r[0] = MARK(signo);
	if (signo != SIGILL && c->pc == far)
		c->pc = c->lr;
	else
		c->pc += 4;
}

static uint32_t try_read(uint32_t addr)
{
	register uint32_t r0 __asm__("r0") = 0;
	register uint32_t r1 __asm__("r1") = addr;

	__asm__ volatile("ldr r0, [r1]" : "+r"(r0) : "r"(r1) : "memory");
	return r0;
}

static uint32_t try_write(uint32_t addr, uint32_t v)
{
	register uint32_t r0 __asm__("r0") = 0;
	register uint32_t r1 __asm__("r1") = addr;
	register uint32_t r2 __asm__("r2") = v;

	__asm__ volatile("str r2, [r1]" : "+r"(r0) : "r"(r1), "r"(r2) : "memory");
	return r0;
}

static uint32_t try_call(uint32_t addr)
{
	register uint32_t r0 __asm__("r0") = 0;
	register uint32_t r1 __asm__("r1") = addr;

	__asm__ volatile("blx r1" : "+r"(r0), "+r"(r1)
			 : : "r2", "r3", "r12", "lr", "memory", "cc");
	return r0;
}

static uint32_t try_mrc_sctlr(void)
{
	register uint32_t r0 __asm__("r0") = 0;

	__asm__ volatile("mrc p15, 0, r0, c1, c0, 0" : "+r"(r0) : : "memory");
	return r0;
}

static uint32_t try_udf(void)
{
	register uint32_t r0 __asm__("r0") = 0;

	__asm__ volatile(".word 0xe7f000f0" : "+r"(r0) : : "memory");
	return r0;
}

static uint32_t get_cpsr(void)
{
	uint32_t v;

	__asm__ volatile("mrs %0, cpsr" : "=r"(v));
	return v;
}

/* ---------------------------------------------------------------- tests */
static void t_syscalls(void)
{
	uint32_t pid = getpid(), ppid = getppid();

	uprintf("init: pid %u ppid %u\n", pid, ppid);
	check(pid == 1 && ppid == 0, "init pid");
}

static void t_demand(void)
{
	uint32_t r0 = resident(), base = sbrk(16 * 4096), i, zero = 1;
	volatile uint32_t *p = (volatile uint32_t *)base;

	for (i = 0; i < 16 * 1024; i += 1024)
		if (p[i + 17] != 0)
			zero = 0;
	for (i = 0; i < 16 * 1024; i++)
		p[i] = i * 0x9e3779b9u;
	uprintf("demand: 16 heap pages at %x, fresh pages read zero: %s, resident +%u, checksum %08x\n",
		base, zero ? "yes" : "no", resident() - r0, checksum(p, 16 * 1024));
	check(zero && resident() - r0 == 16, "demand-zero");
}

static uint32_t cow_child(uint32_t base)
{
	volatile uint32_t *p = (volatile uint32_t *)base;
	uint32_t before = checksum(p, 4 * 1024), i;

	for (i = 0; i < 4 * 1024; i += 7)
		p[i] ^= 0xffffffffu;
	uprintf("cow child pid %u: inherited checksum %08x, after writes %08x\n",
		getpid(), before, checksum(p, 4 * 1024));
	return 0x42;
}

static void t_cow(void)
{
	uint32_t base = sbrk(4 * 4096), i, pid, st, before, after;
	volatile uint32_t *p = (volatile uint32_t *)base;

	for (i = 0; i < 4 * 1024; i++)
		p[i] = i + 0x1000u;
	before = checksum(p, 4 * 1024);
	pid = spawn(cow_child, base);
	p[0] = 0x1000u;   /* parent writes too: its copy-on-write break */
	st = waitpid(pid);
	after = checksum(p, 4 * 1024);
	uprintf("cow: parent checksum before fork %08x, after child exit %08x, child status %u\n",
		before, after, WCODE(st));
	check(before == after && WCODE(st) == 0x42, "COW isolation");
}

static uint32_t tree_node(uint32_t depth)
{
	uint32_t st = 0;

	uprintf("tree: depth %u pid %u ppid %u\n", depth, getpid(), getppid());
	if (depth < 3) {
		uint32_t pid = spawn(tree_node, depth + 1);

		st = waitpid(pid);
		uprintf("tree: depth %u reaped pid %u status %u\n", depth, pid, WCODE(st));
	}
	return WCODE(st) + depth;
}

static void t_tree(void)
{
	uint32_t st = waitpid(spawn(tree_node, 1));

	uprintf("tree: status %u\n", WCODE(st));
	check(WCODE(st) == 6, "fork tree");
}

static uint32_t lcg_worker(uint32_t seed)
{
	uint32_t x = seed, n = 1500000, base = sbrk(4096);

	while (n--)
		x = x * 1664525u + 1013904223u;
	*(volatile uint32_t *)base = x;
	uprintf("worker seed %u: result %08x\n", seed, x);
	return x & 0x7fu;
}

/* Spins without yielding until the sender has run: only pre-emption can
 * get the sender onto the CPU. */
static uint32_t spinner(uint32_t unused)
{
	uint32_t v;

	(void)unused;
	while ((v = tryrecv()) == 0xffffffffu)
		;
	uprintf("spinner pid %u: received %x from a process that ran while it spun\n",
		getpid(), v);
	return 0;
}

static uint32_t sender(uint32_t to)
{
	uint32_t x = lcg_worker(99) & 0xffu;

	while (send(to, 0xab00u | x) != 0)
		;
	return 0;
}

static void t_preempt(void)
{
	uint32_t pids[6], i, st, ok = 1;

	uprintf("preempt: 4 compute-bound workers and a spinner that never yield\n");
	pids[0] = spawn(spinner, 0);
	for (i = 1; i <= 4; i++)
		pids[i] = spawn(lcg_worker, i);
	pids[5] = spawn(sender, pids[0]);
	for (i = 0; i < 6; i++) {
		st = waitpid(pids[i]);
		uprintf("preempt: pid %u exited, status %u\n", pids[i], WCODE(st));
		if (WSIG(st))
			ok = 0;
	}
	check(ok != 0, "preemption");
}

static uint32_t escape_child(uint32_t unused)
{
	uint32_t r, heap, cpsr;
	volatile uint32_t *code;

	(void)unused;
	signal(SIGSEGV, on_signal);
	signal(SIGILL, on_signal);
	heap = sbrk(4096);
	uprintf("escape: user read of kernel 0xc0000000\n");
	r = try_read(0xc0000000u);
	check(r == MARK(SIGSEGV), "kernel read");
	uprintf("escape: user write of kernel 0xc0100000\n");
	r = try_write(0xc0100000u, 1);
	check(r == MARK(SIGSEGV), "kernel write");
	uprintf("escape: user read of unmapped 0x20000000\n");
	r = try_read(0x20000000u);
	check(r == MARK(SIGSEGV), "unmapped read");
	uprintf("escape: user read above the break\n");
	r = try_read(heap + 0x10000u);
	check(r == MARK(SIGSEGV), "read above break");
	uprintf("escape: user write to its read-only text\n");
	r = try_write((uint32_t)user_main, 0);
	check(r == MARK(SIGSEGV), "text write");
	uprintf("escape: user jump to kernel 0xc0100000\n");
	r = try_call(0xc0100000u);
	check(r == MARK(SIGSEGV), "kernel jump");
	uprintf("escape: user jump to unmapped 0x30000000\n");
	r = try_call(0x30000000u);
	check(r == MARK(SIGSEGV), "unmapped jump");
	uprintf("escape: user jump to its execute-never heap\n");
	code = (volatile uint32_t *)heap;
	code[0] = 0xe12fff1eu;   /* bx lr */
	r = try_call(heap);
	check(r == MARK(SIGSEGV), "XN jump");
	uprintf("escape: mrc p15 (SCTLR) in User mode\n");
	r = try_mrc_sctlr();
	check(r == MARK(SIGILL), "mrc");
	uprintf("escape: undefined instruction\n");
	r = try_udf();
	check(r == MARK(SIGILL), "udf");
	__asm__ volatile("cpsid i" ::: "memory");
	cpsr = get_cpsr();
	uprintf("escape: after cpsid i: mode %x, I %u\n", cpsr & 0x1fu, (cpsr >> 7) & 1u);
	check((cpsr & 0x9fu) == 0x10u, "cpsid i at PL0");
	__asm__ volatile("msr cpsr_c, #0xd3" ::: "memory");
	cpsr = get_cpsr();
	uprintf("escape: after msr cpsr_c, #0xd3: mode %x, I %u, F %u\n", cpsr & 0x1fu,
		(cpsr >> 7) & 1u, (cpsr >> 6) & 1u);
	check((cpsr & 0xdfu) == 0x10u, "msr cpsr_c at PL0");
	uprintf("escape: %u signals handled, still in User mode\n", G->signals);
	check(G->signals == 10, "signal count");
	return 0;
}

static void t_escape(void)
{
	uint32_t st;

	G->signals = 0;
	st = waitpid(spawn(escape_child, 0));
	uprintf("escape: child status %u signal %u\n", WCODE(st), WSIG(st));
	check(st == 0, "escape child");
}

static uint32_t victim(uint32_t addr)
{
	uprintf("kill: pid %u touches %08x with no handler\n", getpid(), addr);
	try_read(addr);
	uprintf("kill: still alive?\n");
	return 0;
}

static uint32_t ill_victim(uint32_t unused)
{
	(void)unused;
	uprintf("kill: pid %u executes an undefined instruction with no handler\n", getpid());
	try_udf();
	return 0;
}

static void t_kill(void)
{
	uint32_t st = waitpid(spawn(victim, 0xc0000000u));

	uprintf("kill: status signal %u\n", WSIG(st));
	check(WSIG(st) == SIGSEGV, "killed by SIGSEGV");
	st = waitpid(spawn(ill_victim, 0));
	uprintf("kill: status signal %u\n", WSIG(st));
	check(WSIG(st) == SIGILL, "killed by SIGILL");
}

static void hello(uint32_t arg)
{
	uint32_t base = sbrk(8192), r0 = resident();
	volatile uint32_t *p = (volatile uint32_t *)base;
	uint32_t i;

	for (i = 0; i < 2048; i++)
		p[i] = arg ^ i;
	uprintf("exec: pid %u running a fresh image, arg %u, resident %u -> %u, checksum %08x\n",
		getpid(), arg, r0, resident(), checksum(p, 2048));
	uexit(arg + 1);
}

static uint32_t exec_child(uint32_t arg)
{
	sbrk(3 * 4096);
	*(volatile uint32_t *)(USER_HEAP_VA + 8192) = 5;
	exec(hello, arg);
}

static void t_exec(void)
{
	uint32_t st = waitpid(spawn(exec_child, 41));

	uprintf("exec: status %u\n", WCODE(st));
	check(WCODE(st) == 42, "exec");
}

static uint32_t asid_child(uint32_t n)
{
	uint32_t base = sbrk(4 * 4096), i;
	volatile uint32_t *p = (volatile uint32_t *)base;

	for (i = 0; i < 4 * 1024; i += 256)
		p[i] = n * 3 + i;
	return checksum(p, 4 * 1024) & 0xffu;
}

static void t_asid(void)
{
	uint32_t i, ok = 1, sum = 0;

	for (i = 0; i < 12; i++) {
		uint32_t st = waitpid(spawn(asid_child, i));

		sum = sum * 31u + WCODE(st);
		if (WSIG(st))
			ok = 0;
	}
	uprintf("asid: 12 short-lived processes in turn (ASIDs recycled after TLBIASID), status digest %08x\n", sum);
	check(ok != 0, "sequential processes");
}

static uint32_t shrink_child(uint32_t unused)
{
	uint32_t base = sbrk(4 * 4096), r, i;
	volatile uint32_t *p = (volatile uint32_t *)base;

	(void)unused;
	signal(SIGSEGV, on_signal);
	for (i = 0; i < 4; i++)
		p[i * 1024] = 0xc0de0000u + i;
	uprintf("sbrk: 4 pages resident %u\n", resident());
	sbrk(-2 * 4096);
	uprintf("sbrk: shrunk by 2 pages (TLBIMVA each), resident %u\n", resident());
	r = try_read(base + 3 * 4096);
	check(r == MARK(SIGSEGV), "unmapped page");
	sbrk(2 * 4096);
	r = p[3 * 1024];
	uprintf("sbrk: grown again, old page reads %x, page 1 still %x\n", r, p[1024]);
	check(r == 0 && p[1024] == 0xc0de0001u, "regrow");
	return 0;
}

static void t_sbrk(void)
{
	uint32_t st = waitpid(spawn(shrink_child, 0));

	check(st == 0, "sbrk child");
}

/* ---------------------------------------------------------------- benchmarks */
static uint32_t bench_page_fault(uint32_t n)
{
	uint32_t base = sbrk((int32_t)(n * 4096)), t0, t1, i;

	uprintf("@phase page_fault\n");
	t0 = uclock();
	for (i = 0; i < n; i++)
		*(volatile uint32_t *)(base + i * 4096) = i;
	t1 = uclock();
	uprintf("@bench page_fault %u %u\n", n, t1 - t0);
	return 0;
}

#define REPORT 0x80000000u

static uint32_t bench_pingpong(uint32_t arg)
{
	uint32_t t0 = uclock(), i, n = arg & ~REPORT;

	for (i = 0; i < n; i++)
		yield();
	if (arg & REPORT)
		uprintf("@bench ctx_switch %u %u\n", 2 * n, uclock() - t0);
	return 0;
}

static uint32_t bench_mem_touch(uint32_t bytes)
{
	uint32_t base = sbrk((int32_t)bytes), t0, t1, n = bytes / 32u;
	volatile uint32_t *p, *end = (volatile uint32_t *)(base + bytes);

	uprintf("@phase mem_touch\n");
	t0 = uclock();
	for (p = (volatile uint32_t *)base; p < end; p += 8)
		*p = (uint32_t)p;
	t1 = uclock();
	uprintf("@bench mem_touch %u %u\n", n, t1 - t0);
	uprintf("@phase mem_touch2\n");
	t0 = uclock();
	for (p = (volatile uint32_t *)base; p < end; p += 8)
		*p += 1;
	t1 = uclock();
	uprintf("@bench mem_touch2 %u %u\n", n, t1 - t0);
	uprintf("mem_touch: %u pages resident, checksum %08x\n", resident(),
		checksum((volatile uint32_t *)base, 1024));
	return 0;
}

static void benchmarks(void)
{
	uint32_t t0, t1, i, a, b;

	uprintf("@phase null_syscall\n");
	t0 = uclock();
	for (i = 0; i < 2000; i++)
		getpid();
	t1 = uclock();
	uprintf("@bench null_syscall 2000 %u\n", t1 - t0);

	check(waitpid(spawn(bench_page_fault, 1000)) == 0, "page_fault bench");

	uprintf("@phase ctx_switch\n");
	a = spawn(bench_pingpong, 1000 | REPORT);
	b = spawn(bench_pingpong, 1000);
	check(waitpid(a) == 0 && waitpid(b) == 0, "ctx_switch bench");

	uprintf("@phase compute\n");
	t0 = uclock();
	__asm__ volatile(
		"	mov	r2, %0\n"
		"	mov	r3, #0\n"
		"1:	add	r3, r3, r2\n"
		"	eor	r3, r3, r3, ror #7\n"
		"	subs	r2, r2, #1\n"
		"	bne	1b\n"
		:: "r"(5000000u) : "r2", "r3", "cc");
	t1 = uclock();
	uprintf("@bench compute 5000000 %u\n", t1 - t0);

	check(waitpid(spawn(bench_mem_touch, 16u << 20)) == 0, "mem_touch bench");
	uprintf("@phase end\n");
}

/* ---------------------------------------------------------------- init */
void user_main(void)
{
	sbrk(4096);   /* G */
	t_syscalls();
	t_demand();
	t_cow();
	t_tree();
	t_preempt();
	t_escape();
	t_kill();
	t_exec();
	t_asid();
	t_sbrk();
	uprintf("init: functional tests done\n");
	benchmarks();
	uexit(0);
}
