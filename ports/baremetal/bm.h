/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The bare-metal port's run-time: start-up, exception frames, PL011 console,
 * semihosting. Programs provide main() and may override bm_exception().
 */
#ifndef BM_BM_H
#define BM_BM_H

#include <stdint.h>
#include <stddef.h>

/* Exception kinds passed to bm_exception(). */
enum bm_exc {
	BM_EXC_UNDEF = 1,
	BM_EXC_SVC = 2,
	BM_EXC_PABT = 3,
	BM_EXC_DABT = 4,
	BM_EXC_IRQ = 6,
	BM_EXC_FIQ = 7,
};

/*
 * Registers saved on exception entry. pc is the address of the instruction
 * that caused the exception (undef, svc: the instruction itself; aborts: the
 * faulting instruction) or, for interrupts, the instruction to resume at.
 * Changing pc or r[] changes where and how the interrupted code resumes;
 * spsr is restored into CPSR.
 */
struct bm_frame {
	uint32_t spsr;
	uint32_t r[13];
	uint32_t pc;
};

/* Called for every exception. The default prints the state and exits(1). */
void bm_exception(enum bm_exc kind, struct bm_frame *f);

int main(void);

/* PL011 console: UART0 unless a program points bm_console elsewhere
 * (the address it writes, e.g. a virtual address once the MMU is on). */
extern uint32_t bm_console;
void bm_putc(char c);
void bm_puts(const char *s);
void bm_puthex(uint32_t v, unsigned int digits);
void bm_putdec(uint32_t v);
void bm_putdec_w(uint32_t v, unsigned int width); /* right-aligned */

/* ARM semihosting (QEMU -semihosting). */
int bm_semihost(uint32_t op, void *arg);
void bm_exit(int status) __attribute__((noreturn));
int bm_host_open(const char *name, uint32_t mode); /* mode: 0 r, 4 w, 8 a (binary: |1) */
int bm_host_write(int fd, const void *buf, uint32_t len);
int bm_host_close(int fd);

/* CP15 helpers used by several programs. */
static inline uint32_t bm_read_sctlr(void)
{
	uint32_t v;
	__asm__ volatile("mrc p15, 0, %0, c1, c0, 0" : "=r"(v));
	return v;
}

static inline void bm_write_sctlr(uint32_t v)
{
	__asm__ volatile("mcr p15, 0, %0, c1, c0, 0\n\tisb" : : "r"(v) : "memory");
}

/* Freestanding string functions the compiler may call. */
void *memset(void *d, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);

#endif /* BM_BM_H */
