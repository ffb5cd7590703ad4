/* SPDX-License-Identifier: BSD-2-Clause */
#include "vdev.h"
#include "bm.h"
#include "mon.h"

#define TIMER_IRQ MON_TIMER01_IRQ
#define SP804_MIS 0x14u    /* timer 1 masked interrupt status */
#define SP804_T2 0x20u     /* timer 2 registers */
#define SPURIOUS 1023u

void vdev_init(struct vdev *d)
{
	memset(d, 0, sizeof(*d));
	memcpy(d->phase_name[0], "boot", 5);
	d->n_phases = 1;
}

static bool in_page(uint32_t gpa, uint32_t base)
{
	return gpa - base < 0x1000u;
}

/* Sized access to a host device register the guest is passed through to. */
static uint32_t host_read(uint32_t pa, unsigned int size)
{
	volatile uint32_t *w = mon_dev(pa & ~3u);

	if (size == 4)
		return *w;
	if (size == 2)
		return *(volatile uint16_t *)((uintptr_t)w + (pa & 2u));
	return *(volatile uint8_t *)((uintptr_t)w + (pa & 3u));
}

static void host_write(uint32_t pa, unsigned int size, uint32_t val)
{
	volatile uint32_t *w = mon_dev(pa & ~3u);

	if (size == 4)
		*w = val;
	else if (size == 2)
		*(volatile uint16_t *)((uintptr_t)w + (pa & 2u)) = (uint16_t)val;
	else
		*(volatile uint8_t *)((uintptr_t)w + (pa & 3u)) = (uint8_t)val;
}

/* ------------------------------------------------------------ virtual GIC
 * GICv1 (ARM IHI 0048B): a distributor with enable, priority and target
 * registers, and a CPU interface with a priority mask, acknowledge and end
 * of interrupt. The only source is the timer block. */

static bool timer_level(void)
{
	return (*mon_dev(MON_TIMER01 + SP804_MIS) |
		*mon_dev(MON_TIMER01 + SP804_T2 + SP804_MIS)) != 0;
}

static uint32_t prio_of(const struct vdev *d, uint32_t id)
{
	return (d->prio[id / 4] >> (id % 4 * 8)) & 0xffu;
}

static bool bit(const uint32_t *set, uint32_t id)
{
	return (set[id / 32] >> (id % 32)) & 1u;
}

/* The timer interrupt is signalled to the CPU interface. */
static bool timer_signalled(struct vdev *d)
{
	return d->dist_on && d->cpu_on && bit(d->enabled, TIMER_IRQ) &&
	       !bit(d->active, TIMER_IRQ) &&
	       prio_of(d, TIMER_IRQ) < (d->pmr & 0xffu) && timer_level();
}

bool vdev_irq_line(struct vdev *d)
{
	return timer_signalled(d);
}

bool vdev_host_irq(struct vdev *d, uint32_t id)
{
	if (id != TIMER_IRQ)
		return false;
	/* Level-sensitive and owned by the guest: keep it masked at the host
	 * until the guest has handled it. */
	mon_gic_enable(TIMER_IRQ, false);
	d->host_masked = true;
	return true;
}

static void end_of_interrupt(struct vdev *d, uint32_t id)
{
	if (id >= 96)
		return;
	d->active[id / 32] &= ~(1u << (id % 32));
	if (id == TIMER_IRQ && d->host_masked) {
		d->host_masked = false;
		mon_gic_enable(TIMER_IRQ, true);
	}
}

static uint32_t gicd_read(struct vdev *d, uint32_t off)
{
	if (off == 0x000)
		return d->dist_on;
	if (off == 0x004) /* GICD_TYPER: the host's (lines, CPUs) */
		return *mon_dev(MON_GICD + 0x004);
	if (off - 0x100u < 12u)
		return d->enabled[(off - 0x100u) / 4];
	if (off - 0x180u < 12u)
		return d->enabled[(off - 0x180u) / 4];
	if (off - 0x200u < 12u || off - 0x280u < 12u) /* pending */
		return (off & 0x7fu) / 4 == TIMER_IRQ / 32 && timer_level()
			       ? 1u << (TIMER_IRQ % 32)
			       : 0u;
	if (off - 0x300u < 12u)
		return d->active[(off - 0x300u) / 4];
	if (off - 0x400u < 96u)
		return d->prio[(off - 0x400u) / 4];
	if (off - 0x800u < 96u)
		return d->target[(off - 0x800u) / 4];
	return 0;
}

static void gicd_write(struct vdev *d, uint32_t off, uint32_t v)
{
	if (off == 0x000)
		d->dist_on = v & 1u;
	else if (off - 0x100u < 12u)
		d->enabled[(off - 0x100u) / 4] |= v;
	else if (off - 0x180u < 12u)
		d->enabled[(off - 0x180u) / 4] &= ~v;
	else if (off - 0x400u < 96u)
		d->prio[(off - 0x400u) / 4] = v;
	else if (off - 0x800u < 96u)
		d->target[(off - 0x800u) / 4] = v;
}

static uint32_t gicc_read(struct vdev *d, uint32_t off)
{
	switch (off) {
	case 0x00:
		return d->cpu_on;
	case 0x04:
		return d->pmr;
	case 0x0c: /* GICC_IAR: acknowledge the highest-priority pending */
		if (!timer_signalled(d))
			return SPURIOUS;
		d->active[TIMER_IRQ / 32] |= 1u << (TIMER_IRQ % 32);
		return TIMER_IRQ;
	case 0x14: /* GICC_RPR */
		return bit(d->active, TIMER_IRQ) ? prio_of(d, TIMER_IRQ) : 0xffu;
	case 0x18: /* GICC_HPPIR */
		return timer_signalled(d) ? TIMER_IRQ : SPURIOUS;
	default:
		return 0;
	}
}

static void gicc_write(struct vdev *d, uint32_t off, uint32_t v)
{
	if (off == 0x00)
		d->cpu_on = v & 1u;
	else if (off == 0x04)
		d->pmr = v & 0xffu;
	else if (off == 0x10)
		end_of_interrupt(d, v & 0x3ffu);
}

/* ------------------------------------------------------------ console */

static void console_char(struct vdev *d, char c)
{
	static const char tag[] = "@phase ";
	unsigned int i;

	if (c != '\n') {
		if (d->line_len < sizeof(d->line) - 1)
			d->line[d->line_len++] = c;
		return;
	}
	d->line[d->line_len] = '\0';
	d->line_len = 0;
	for (i = 0; tag[i] != '\0'; i++)
		if (d->line[i] != tag[i])
			return;
	if (d->n_phases == VDEV_PHASES)
		return;
	d->phase = d->n_phases++;
	for (i = 0; i < VDEV_PHASE_NAME - 1 && d->line[7 + i] != '\0'; i++)
		d->phase_name[d->phase][i] = d->line[7 + i];
	d->phase_name[d->phase][i] = '\0';
}

/* ------------------------------------------------------------ dispatch */

static bool gicc_page(uint32_t gpa)
{
	return gpa - MON_GICC < 0x100u;
}

int vdev_read(void *dev, uint32_t gpa, unsigned int size, uint32_t *val)
{
	struct vdev *d = dev;
	uint32_t w;

	if (in_page(gpa, MON_UART0) || in_page(gpa, MON_SYSREG) ||
	    in_page(gpa, MON_TIMER01)) {
		*val = host_read(gpa, size);
		return 0;
	}
	if (in_page(gpa, MON_GICD))
		w = gicd_read(d, gpa & 0xffcu);
	else if (gicc_page(gpa))
		w = gicc_read(d, gpa & 0xfcu);
	else if (in_page(gpa, MON_GICC & ~0xfffu))
		w = 0; /* the rest of the Cortex-A9 private page (SCU) */
	else {
		*val = 0;
		return -AMV_EFAULT;
	}
	*val = (w >> ((gpa & 3u) * 8u)) &
	       (size == 4 ? 0xffffffffu : (1u << (size * 8u)) - 1u);
	return 0;
}

int vdev_write(void *dev, uint32_t gpa, unsigned int size, uint32_t val)
{
	struct vdev *d = dev;

	if (in_page(gpa, MON_UART0)) {
		host_write(gpa, size, val);
		if ((gpa & 0xfffu) == 0)
			console_char(d, (char)val);
		return 0;
	}
	if (in_page(gpa, MON_TIMER01)) {
		host_write(gpa, size, val);
		return 0;
	}
	if (in_page(gpa, MON_SYSREG))
		return 0;
	if (size != 4) /* the GIC's byte-accessible registers: word only */
		return 0;
	if (in_page(gpa, MON_GICD))
		gicd_write(d, gpa & 0xffcu, val);
	else if (gicc_page(gpa))
		gicc_write(d, gpa & 0xfcu, val);
	else if (!in_page(gpa, MON_GICC & ~0xfffu))
		return -AMV_EFAULT;
	return 0;
}
