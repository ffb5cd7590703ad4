/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The guest's devices under the monitor. Every guest physical address
 * outside RAM is an MMIO exit (amv_route() AMV_ACT_MMIO) handled here:
 *
 *  - UART0 (0x10009000) is passed through to the host's UART0, so the
 *    guest's console is the machine's first serial port; the characters
 *    are also scanned for "@phase NAME" lines, which the monitor uses to
 *    attribute exits to benchmark phases;
 *  - the system registers (0x10000000) are readable (the 24 MHz counter
 *    among them); writes are ignored (they could reset the board);
 *  - SP804 timers 0/1 (0x10011000) are passed through: the guest programs
 *    the host's timer block, and its interrupt reaches the guest through
 *    the virtual GIC;
 *  - a virtual GIC (distributor 0x1e001000, CPU interface at the board's
 *    address) with one source, the timer block's interrupt line, whose
 *    level is the host timers' masked status;
 *  - everything else reads as zero and ignores writes, as QEMU's models of
 *    both boards do for addresses nothing decodes
 *    (ignore_memory_transaction_failures); a real board would take an
 *    external abort, which is what the library gives for addresses outside
 *    the memory map.
 */
#ifndef MON_VDEV_H
#define MON_VDEV_H

#include <stdint.h>
#include <stdbool.h>

#define VDEV_PHASES 16
#define VDEV_PHASE_NAME 16

struct vdev {
	/* virtual GIC */
	bool dist_on, cpu_on;
	uint32_t pmr;
	uint32_t enabled[3]; /* IDs 0-95 */
	uint32_t active[3];
	uint32_t prio[24];   /* IPRIORITYR words */
	uint32_t target[24]; /* ITARGETSR words */
	bool host_masked;    /* the timer line is masked at the host GIC
				until the guest ends its interrupt */
	/* console phases */
	char line[32];
	unsigned int line_len;
	unsigned int phase;  /* current phase index */
	unsigned int n_phases;
	char phase_name[VDEV_PHASES][VDEV_PHASE_NAME];
};

void vdev_init(struct vdev *d);
/* 0, or -AMV_EFAULT where nothing decodes (the data is then 0 / dropped
 * for a CPU access, and a walk there is an external abort). */
int vdev_read(void *dev, uint32_t gpa, unsigned int size, uint32_t *val);
int vdev_write(void *dev, uint32_t gpa, unsigned int size, uint32_t val);
/* The virtual IRQ line to the vCPU. */
bool vdev_irq_line(struct vdev *d);
/* A host interrupt the monitor acknowledged (GIC ID @id): whether it
 * belongs to a guest device (it is then routed to the virtual GIC). */
bool vdev_host_irq(struct vdev *d, uint32_t id);

#endif /* MON_VDEV_H */
