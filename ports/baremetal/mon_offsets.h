/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Offsets of the struct amv_vcpu fields the assembly fast path
 * (mon_fast.S, mon_entry.S) uses, for assembly and C alike; mon_port.c
 * checks each against offsetof() at compile time, so a change to the
 * library's struct breaks the build instead of the guest.
 */
#ifndef MON_OFFSETS_H
#define MON_OFFSETS_H

#define MON_V_SP_LR 72     /* sp_lr[bank][0] at + 8 * bank, [1] at + 4 */
#define MON_V_SPSR 120     /* spsr[bank - 1] at + 4 * (bank - 1) */
#define MON_V_PC 140
#define MON_V_CPSR 144
#define MON_V_SCTLR 240    /* cp15.sctlr */
#define MON_V_VBAR 304     /* cp15.vbar */
#define MON_V_FEATURES 340
#define MON_V_IRQ_LINE 348 /* bool */
#define MON_V_FIQ_LINE 349 /* bool */
#define MON_V_VM 352

/* Constants of vcpu.h the assembly uses, checked the same way. */
#define MON_CPSR_HOST_BITS 0xff0ffe20 /* AMV_CPSR_HOST_BITS */
#define MON_MODES_VALID 0x888f0000    /* AMV_MODES_VALID */

#endif /* MON_OFFSETS_H */
