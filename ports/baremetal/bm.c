/* SPDX-License-Identifier: BSD-2-Clause */
#include "bm.h"
#include "board.h"

#define UART_DR 0x00u
#define UART_FR 0x18u
#define UART_FR_TXFF (1u << 5)

static inline void mmio_write(uint32_t addr, uint32_t v)
{
	*(volatile uint32_t *)(uintptr_t)addr = v;
}

static inline uint32_t mmio_read(uint32_t addr)
{
	return *(volatile uint32_t *)(uintptr_t)addr;
}

uint32_t bm_console = BM_UART0_BASE;

void bm_putc(char c)
{
	while (mmio_read(bm_console + UART_FR) & UART_FR_TXFF)
		;
	mmio_write(bm_console + UART_DR, (uint32_t)(unsigned char)c);
}

void bm_puts(const char *s)
{
	while (*s)
		bm_putc(*s++);
}

void bm_puthex(uint32_t v, unsigned int digits)
{
	while (digits-- > 0)
		bm_putc("0123456789abcdef"[(v >> (4 * digits)) & 0xfu]);
}

void bm_putdec_w(uint32_t v, unsigned int width)
{
	char buf[11];
	unsigned int i = 0;

	do {
		buf[i++] = (char)('0' + v % 10u);
		v /= 10u;
	} while (v != 0);
	while (width-- > i)
		bm_putc(' ');
	while (i > 0)
		bm_putc(buf[--i]);
}

void bm_putdec(uint32_t v)
{
	bm_putdec_w(v, 0);
}

/* ARM semihosting: SVC 0x123456 in ARM state, operation in r0, block in r1. */
int bm_semihost(uint32_t op, void *arg)
{
	register uint32_t r0 __asm__("r0") = op;
	register void *r1 __asm__("r1") = arg;

	__asm__ volatile("svc 0x123456" : "+r"(r0) : "r"(r1) : "memory");
	return (int)r0;
}

#define SYS_OPEN 0x01u
#define SYS_CLOSE 0x02u
#define SYS_WRITE 0x05u
#define SYS_EXIT_EXTENDED 0x20u
#define ADP_STOPPED_APPLICATION_EXIT 0x20026u

void bm_exit(int status)
{
	uint32_t block[2] = {ADP_STOPPED_APPLICATION_EXIT, (uint32_t)status};

	for (;;)
		bm_semihost(SYS_EXIT_EXTENDED, block);
}

int bm_host_open(const char *name, uint32_t mode)
{
	uint32_t len = 0, block[3];

	while (name[len])
		len++;
	block[0] = (uint32_t)(uintptr_t)name;
	block[1] = mode;
	block[2] = len;
	return bm_semihost(SYS_OPEN, block);
}

/* Returns 0 when everything was written. */
int bm_host_write(int fd, const void *buf, uint32_t len)
{
	uint32_t block[3] = {(uint32_t)fd, (uint32_t)(uintptr_t)buf, len};

	return bm_semihost(SYS_WRITE, block);
}

int bm_host_close(int fd)
{
	uint32_t block[1] = {(uint32_t)fd};

	return bm_semihost(SYS_CLOSE, block);
}

__attribute__((weak)) void bm_exception(enum bm_exc kind, struct bm_frame *f)
{
	static const char *const names[] = {"?",    "undef", "svc", "pabt",
					     "dabt", "?",     "irq", "fiq"};
	uint32_t fsr, far;
	unsigned int i;

	bm_puts("\nbm: unexpected exception ");
	bm_puts(names[(unsigned int)kind & 7u]);
	bm_puts(" at pc=");
	bm_puthex(f->pc, 8);
	bm_puts(" spsr=");
	bm_puthex(f->spsr, 8);
	if (kind == BM_EXC_DABT) {
		__asm__ volatile("mrc p15, 0, %0, c5, c0, 0" : "=r"(fsr));
		__asm__ volatile("mrc p15, 0, %0, c6, c0, 0" : "=r"(far));
		bm_puts(" dfsr=");
		bm_puthex(fsr, 8);
		bm_puts(" dfar=");
		bm_puthex(far, 8);
	} else if (kind == BM_EXC_PABT) {
		__asm__ volatile("mrc p15, 0, %0, c5, c0, 1" : "=r"(fsr));
		__asm__ volatile("mrc p15, 0, %0, c6, c0, 2" : "=r"(far));
		bm_puts(" ifsr=");
		bm_puthex(fsr, 8);
		bm_puts(" ifar=");
		bm_puthex(far, 8);
	}
	for (i = 0; i < 13; i++) {
		bm_puts(i % 4 == 0 ? "\n  " : " ");
		bm_puts("r");
		bm_putdec(i);
		bm_puts("=");
		bm_puthex(f->r[i], 8);
	}
	bm_puts("\n");
	bm_exit(1);
}

/* Word at a time when both pointers are word-aligned (the compiler calls
 * these for structure copies; the monitor copies registers on every guest
 * exit), bytes otherwise. */
void *memset(void *d, int c, size_t n)
{
	unsigned char *p = d;

	if (((uintptr_t)p & 3u) == 0) {
		uint32_t w = (unsigned char)c * 0x01010101u;

		for (; n >= 4; n -= 4, p += 4)
			*(uint32_t *)(void *)p = w;
	}
	while (n--)
		*p++ = (unsigned char)c;
	return d;
}

void *memcpy(void *d, const void *s, size_t n)
{
	unsigned char *p = d;
	const unsigned char *q = s;

	if ((((uintptr_t)p | (uintptr_t)q) & 3u) == 0)
		for (; n >= 4; n -= 4, p += 4, q += 4)
			*(uint32_t *)(void *)p = *(const uint32_t *)(const void *)q;
	while (n--)
		*p++ = *q++;
	return d;
}
