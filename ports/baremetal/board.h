/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Addresses on the QEMU boards the bare-metal port runs on.
 *
 * realview-pb-a8 (Cortex-A8): RAM at 0 (128 MiB by default), aliased at
 * 0x70000000; programs are linked at the alias (0x70010000) so that low
 * physical memory can be handed out by address. Devices (QEMU 7.2
 * `info mtree`, hw/arm/realview.c): PL011 UART0 0x10009000, system
 * registers 0x10000000 (24 MHz counter at +0x5c), SP804 timers 0x10011000
 * and 0x10012000, GIC CPU interface 0x1e000000, distributor 0x1e001000.
 *
 * vexpress-a9 (Cortex-A9): RAM at 0x60000000; PL011 UART0 also at
 * 0x10009000 (motherboard peripherals, legacy memory map).
 *
 * vexpress-a15 (Cortex-A15): the RS1 memory map, RAM at 0x80000000, PL011
 * UART0 at 0x1c090000.
 *
 * The board is chosen at build time: BM_BOARD_PB_A8, BM_BOARD_VEXPRESS_A9
 * or BM_BOARD_VEXPRESS_A15 (ports/baremetal/CMakeLists.txt sets one).
 */
#ifndef BM_BOARD_H
#define BM_BOARD_H

#if defined(BM_BOARD_VEXPRESS_A15)
#define BM_UART0_BASE 0x1c090000u
#define BM_RAM_BASE 0x80000000u
#elif defined(BM_BOARD_VEXPRESS_A9)
#define BM_UART0_BASE 0x10009000u
#define BM_RAM_BASE 0x60000000u
#else /* realview-pb-a8: programs run from the RAM alias at 0x70000000 */
#define BM_UART0_BASE 0x10009000u
#define BM_RAM_BASE 0x70000000u
#endif
#define BM_SYSREG_BASE 0x10000000u
#define BM_SYSREG_24MHZ (BM_SYSREG_BASE + 0x5cu)

/* realview-pb-a8 physical address holes (nothing answers: decode error). */
#define BM_PB_A8_RAM_SIZE 0x08000000u
#define BM_PB_A8_RAM_ALIAS 0x70000000u

#endif /* BM_BOARD_H */
