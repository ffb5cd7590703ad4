/* SPDX-License-Identifier: BSD-2-Clause */
/* Console and the few C library functions the kernel needs. */
#include <stdarg.h>
#include "guest.h"

#define UART_DR 0x00u
#define UART_FR 0x18u
#define UART_FR_TXFF 0x20u

unsigned kernel_fail_count;

void uart_putc(char c)
{
	while (mmio_read(UART_VA + UART_FR) & UART_FR_TXFF)
		;
	mmio_write(UART_VA + UART_DR, (uint32_t)(unsigned char)c);
}

void kputs(const char *s)
{
	while (*s)
		uart_putc(*s++);
}

void *memset(void *d, int c, size_t n)
{
	unsigned char *p = d;

	if (((uintptr_t)d & 7u) == 0 && c == 0) {
		uint32_t *w = d;

		for (; n >= 32; n -= 32, w += 8) {
			w[0] = 0; w[1] = 0; w[2] = 0; w[3] = 0;
			w[4] = 0; w[5] = 0; w[6] = 0; w[7] = 0;
		}
		p = (unsigned char *)w;
	}
	while (n--)
		*p++ = (unsigned char)c;
	return d;
}

void *memcpy(void *d, const void *s, size_t n)
{
	unsigned char *p = d;
	const unsigned char *q = s;

	if ((((uintptr_t)d | (uintptr_t)s) & 3u) == 0) {
		uint32_t *w = d;
		const uint32_t *v = s;

		for (; n >= 16; n -= 16, w += 4, v += 4) {
			w[0] = v[0]; w[1] = v[1]; w[2] = v[2]; w[3] = v[3];
		}
		p = (unsigned char *)w;
		q = (const unsigned char *)v;
	}
	while (n--)
		*p++ = *q++;
	return d;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;

	for (; n; n--, p++, q++)
		if (*p != *q)
			return *p < *q ? -1 : 1;
	return 0;
}

struct outbuf {
	char *buf;
	size_t n, len;
};

static void out_c(struct outbuf *o, char c)
{
	if (o->buf == NULL)
		uart_putc(c);
	else if (o->len + 1 < o->n)
		o->buf[o->len] = c;
	o->len++;
}

static void out_num(struct outbuf *o, uint32_t v, unsigned base, int width,
		    char pad, int neg)
{
	char tmp[12];
	int i = 0;

	/* Constant divisors only: no libgcc (whose ARMv7-A build is Thumb). */
	do {
		if (base == 16) {
			tmp[i++] = "0123456789abcdef"[v & 15u];
			v >>= 4;
		} else {
			tmp[i++] = (char)('0' + v % 10u);
			v /= 10u;
		}
	} while (v);
	if (neg)
		tmp[i++] = '-';
	while (width-- > i)
		out_c(o, pad);
	while (i)
		out_c(o, tmp[--i]);
}

static void vformat(struct outbuf *o, const char *fmt, va_list ap)
{
	for (; *fmt; fmt++) {
		char pad = ' ';
		int width = 0;

		if (*fmt != '%') {
			out_c(o, *fmt);
			continue;
		}
		fmt++;
		if (*fmt == '0')
			pad = '0';
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		switch (*fmt) {
		case 'd': {
			int v = va_arg(ap, int);

			out_num(o, v < 0 ? 0u - (uint32_t)v : (uint32_t)v, 10,
				width, pad, v < 0);
			break;
		}
		case 'u':
			out_num(o, va_arg(ap, unsigned), 10, width, pad, 0);
			break;
		case 'x':
			out_num(o, va_arg(ap, unsigned), 16, width, pad, 0);
			break;
		case 'c':
			out_c(o, (char)va_arg(ap, int));
			break;
		case 's': {
			const char *s = va_arg(ap, const char *);

			while (*s)
				out_c(o, *s++);
			break;
		}
		default:
			out_c(o, '%');
			out_c(o, *fmt);
			break;
		}
	}
}

void kprintf(const char *fmt, ...)
{
	struct outbuf o = { NULL, 0, 0 };
	va_list ap;

	va_start(ap, fmt);
	vformat(&o, fmt, ap);
	va_end(ap);
}

int kvsnprintf(char *buf, size_t n, const char *fmt, va_list ap)
{
	struct outbuf o = { buf, n, 0 };

	vformat(&o, fmt, ap);
	if (n)
		buf[o.len < n ? o.len : n - 1] = '\0';
	return (int)o.len;
}

int ksnprintf(char *buf, size_t n, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = kvsnprintf(buf, n, fmt, ap);
	va_end(ap);
	return r;
}

void kcheck(int ok, const char *what)
{
	if (!ok) {
		kernel_fail_count++;
		kprintf("kernel: CHECK FAILED: %s\n", what);
	}
}

void panic(const char *msg)
{
	kprintf("guest: FAILED panic: %s\n", msg);
	semihost_exit(2);
	for (;;)
		;
}
