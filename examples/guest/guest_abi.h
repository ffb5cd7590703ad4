/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The guest's user/kernel ABI: `svc #0` with the call number in r7,
 * arguments in r0-r3, result in r0 (negative = error).
 */
#ifndef GUEST_ABI_H
#define GUEST_ABI_H

#ifndef __ASSEMBLER__
#include <stdint.h>
#endif

#define SYS_GETPID 0      /* the lean path: one SVC, one `movs pc, lr` */
#define SYS_WRITE 1       /* (buf, len) -> len */
#define SYS_YIELD 2
#define SYS_FORK 3        /* -> child pid / 0 */
#define SYS_EXIT 4        /* (status) */
#define SYS_WAITPID 5     /* (pid) -> status: code << 8 | signal */
#define SYS_SBRK 6        /* (increment) -> old break */
#define SYS_SIGNAL 7      /* (signo, handler) -> old handler */
#define SYS_SIGRETURN 8
#define SYS_CLOCK 9       /* -> SYS_24MHZ */
#define SYS_SEND 10       /* (pid, value) -> 0 or -1 if full */
#define SYS_TRYRECV 11    /* -> value or -1 if empty (never blocks) */
#define SYS_EXEC 12       /* (entry, arg): fresh address space */
#define SYS_GETPPID 13
#define SYS_CHECK 14      /* (ok): count a self-check */
#define SYS_RESIDENT 15   /* -> private pages mapped */
#define SYS_MAX 16

#define SIGILL 4
#define SIGBUS 7
#define SIGSEGV 11
#define NSIG 32

#define USER_TEXT_VA 0x00008000u
#define USER_HEAP_VA 0x00100000u
#define USER_HEAP_MAX 0x02000000u        /* 32 MiB of break */
#define USER_STACK_TOP 0x40000000u
#define USER_STACK_SIZE 0x00100000u      /* 1 MiB, demand-zero */

#ifndef __ASSEMBLER__
/* What the kernel pushes on the user stack to deliver a signal; the handler
 * runs as handler(signo, fsr, far, ctx) with lr = the sigreturn trampoline. */
struct sigctx {
	uint32_t r[13];
	uint32_t sp, lr, pc, cpsr;
	uint32_t signo, fsr, far;
	uint32_t magic;
};
#endif
#define SIGCTX_MAGIC 0x5167c7c7u

#endif
