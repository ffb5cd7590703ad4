/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * amv example monitor: runs one guest OS de-privileged at PL0 on QEMU's
 * realview-pb-a8 (Cortex-A8) or vexpress-a9, with the amv library's shadow
 * MMU, vCPU and vector routing. See docs/monitor.md.
 *
 * Command line (QEMU -append, read with semihosting SYS_GET_CMDLINE):
 *   guest=PATH     the guest ELF (read with semihosting from the host)
 *   patches=PATH   its patch table (amv-scan --patch OUT: OUT.patches)
 *   sync=tlb|wp|pv the shadow MMU's synchronization strategy
 *   limit=MS       stop the guest after MS milliseconds of (virtual) time
 *                  (the monitor's watchdog, SP804 timer 2; default: none)
 *   l1=N l2=N rmap=N  use only that much of the shadow-table pools (at
 *                  least 2, AMV_SHADOW_MIN_L2, 16 (a power of two);
 *                  default: all of them,
 *                  POOL_L1, POOL_L2, POOL_RMAP): small pools make the
 *                  library evict and compact all the time
 * The guest's console is UART0; the monitor writes to UART1, every line
 * starting with "[amv]".
 */
#include "bm.h"
#include "loader.h"
#include "mon.h"
#include "vdev.h"

extern const char mon_vectors[];

/* ------------------------------------------------------------ state */

enum cause {
	C_SVC,     /* guest SVC entered */
	C_HCALL,   /* paravirtual hypercall */
	C_PRIV,    /* privileged instruction emulated */
	C_PATCH,   /* patched sensitive instruction emulated */
	C_UNDEF,   /* guest UNDEF entered */
	C_FILL,    /* shadow fill */
	C_ABORT,   /* guest abort entered */
	C_MMIO,    /* device access */
	C_WP,      /* write to a write-protected guest table */
	C_IRQ,     /* host interrupt */
	C_OTHER,   /* semihosting, window */
	C_COUNT
};

static const char *const cause_name[C_COUNT] = {
	"svc", "hcall", "priv", "patch", "undef", "fill",
	"abort", "mmio", "wp", "irq", "other"};

#define MAX_PATCHES 4096

#define POOL_L1 24
#define POOL_L2 2048
#define POOL_RMAP 16384
AMV_SHADOW_STORAGE(pools, POOL_L1, POOL_L2, POOL_RMAP);

static struct {
	struct amv_vcpu v;
	struct amv_shadow_vm vm;
	struct amv_asid_alloc asids;
	struct mon_port port;
	struct vdev dev;
	struct amv_vm_region regions[4];
	struct amv_patch patch_va[MAX_PATCHES], patch_pa[MAX_PATCHES];
	uint32_t n_patches;
	unsigned int sync;
	uint32_t exits[VDEV_PHASES][C_COUNT];
	struct amv_shadow_stats at_phase[VDEV_PHASES + 1];
	unsigned int phase;
	uint32_t release_pc, release_repeat;
	uint64_t release_gpa;
	struct mon_fast_entry fast[MAX_PATCHES];
	char cmdline[256];
} m;

static void say(const char *s)
{
	bm_puts("[amv] ");
	bm_puts(s);
}

static void __attribute__((noreturn)) die(const char *what, const char *why)
{
	say(what);
	bm_puts(": ");
	bm_puts(why);
	bm_puts("\n");
	bm_exit(2);
}

/* The monitor's own exceptions: a guest load that aborted (mon_guest_ldr(),
 * the UNDEF fast path's) resumes at its failure path; anything else is a
 * monitor bug. */
void bm_exception(enum bm_exc kind, struct bm_frame *f)
{
	extern const char mon_guest_ldr_insn[], mon_guest_ldr_fail[];
	extern const char mon_undef_ldr_insn[], mon_undef_ldr_fail[];

	if (kind == BM_EXC_DABT &&
	    f->pc == (uint32_t)(uintptr_t)mon_guest_ldr_insn) {
		f->pc = (uint32_t)(uintptr_t)mon_guest_ldr_fail;
		return;
	}
	if (kind == BM_EXC_DABT &&
	    f->pc == (uint32_t)(uintptr_t)mon_undef_ldr_insn) {
		f->pc = (uint32_t)(uintptr_t)mon_undef_ldr_fail;
		return;
	}
	say("monitor exception ");
	bm_putdec(kind);
	bm_puts(" at ");
	bm_puthex(f->pc, 8);
	bm_puts("\n");
	bm_exit(3);
}

/* ------------------------------------------------------------ command line */

#define SYS_FLEN 0x0cu
#define SYS_READ 0x06u
#define SYS_GET_CMDLINE 0x15u

/* The value of "key=" in the command line, copied into buf. */
static const char *arg(const char *key, char *buf, unsigned int len)
{
	const char *s = m.cmdline;
	unsigned int k;

	while (*s != '\0') {
		for (k = 0; key[k] != '\0' && s[k] == key[k]; k++)
			;
		if (key[k] == '\0' && s[k] == '=') {
			unsigned int i = 0;

			s += k + 1;
			while (*s != '\0' && *s != ' ' && i < len - 1)
				buf[i++] = *s++;
			buf[i] = '\0';
			return buf;
		}
		while (*s != '\0' && *s != ' ')
			s++;
		while (*s == ' ')
			s++;
	}
	return NULL;
}

/* A decimal "key=N" in [lo, hi], or @dflt when absent. */
static uint32_t number(const char *key, uint32_t dflt, uint32_t lo,
		       uint32_t hi)
{
	char buf[12];
	uint32_t n = 0;

	if (arg(key, buf, sizeof(buf)) == NULL)
		return dflt;
	for (unsigned int i = 0; buf[i] != '\0'; i++) {
		if (buf[i] < '0' || buf[i] > '9' || n > hi / 10u)
			n = hi + 1u;
		else
			n = n * 10u + (uint32_t)(buf[i] - '0');
	}
	if (buf[0] == '\0' || n < lo || n > hi) {
		say("command line: ");
		bm_puts(key);
		bm_puts(" must be a number from ");
		bm_putdec(lo);
		bm_puts(" to ");
		bm_putdec(hi);
		bm_puts("\n");
		bm_exit(2);
	}
	return n;
}

/* Read a host file into [dst, dst + max); its size into *size. */
static void host_file(const char *path, uint8_t *dst, uint32_t max,
		      uint32_t *size)
{
	uint32_t block[3];
	int fd = bm_host_open(path, 1 /* rb */), len;

	if (fd < 0)
		die(path, "cannot open (semihosting)");
	block[0] = (uint32_t)fd;
	len = bm_semihost(SYS_FLEN, block);
	if (len < 0 || (uint32_t)len > max)
		die(path, "unreadable or larger than the staging area");
	block[1] = (uint32_t)(uintptr_t)dst;
	block[2] = (uint32_t)len;
	if (bm_semihost(SYS_READ, block) != 0)
		die(path, "short read");
	bm_host_close(fd);
	*size = (uint32_t)len;
}

/* ------------------------------------------------------------ guest memory */

/* A word of the guest at a virtual address, as its current mode would load
 * it: through the shadow when mapped, else through the guest's tables. */
static int guest_word(uint32_t va, uint32_t *w)
{
	struct amv_regime r;
	struct amv_xlat x;
	struct amv_fault f;

	if (mon_guest_ldr(va, w) == 0)
		return 0;
	amv_vcpu_regime(&m.v, &r);
	if (amv_walk(&r, &m.v.port, va, AMV_ACC_READ, &x, &f) != 0)
		return -1;
	return m.v.port.ops->read_phys32(m.v.port.ctx, x.pa & ~3ull, w);
}

/* The instruction at @pc: an A32 word, or in Thumb state a 16-bit
 * instruction or a 32-bit one as hw1 << 16 | hw2 (hw1 >= 0xe800, A6.1),
 * the form struct amv_trap wants. */
static int guest_insn(uint32_t pc, bool thumb, uint32_t *insn)
{
	uint32_t w, hw1;

	if (!thumb)
		return guest_word(pc, insn);
	if (guest_word(pc & ~3u, &w) != 0)
		return -1;
	hw1 = (pc & 2u) ? w >> 16 : w & 0xffffu;
	if (hw1 < 0xe800u) {
		*insn = hw1;
		return 0;
	}
	if ((pc & 2u) && guest_word(pc + 2u, &w) != 0)
		return -1;
	*insn = hw1 << 16 | ((pc & 2u) ? w & 0xffffu : w >> 16);
	return 0;
}

/* ------------------------------------------------------------ statistics */

/* The guest printed a new "@phase": the shadow MMU's counters so far. */
static void __attribute__((noinline)) new_phase(void)
{
	m.phase = m.dev.phase;
	m.at_phase[m.phase] = m.vm.stats;
}

/* One exit of @cause (every exit: inline, the rare part out of line). */
static inline void count(unsigned int cause)
{
	if (m.dev.phase != m.phase)
		new_phase();
	m.exits[m.phase][cause]++;
}

/* The exits the fast path (mon_entry.S) handled since the last exit that
 * came here: all in the current phase, which only an exit here changes. */
static inline void take_fast_counts(void)
{
	if (!(mon_fast_count[0] | mon_fast_count[1]))
		return;
	if (m.dev.phase != m.phase)
		new_phase();
	m.exits[m.phase][C_SVC] += mon_fast_count[0];
	m.exits[m.phase][C_PATCH] += mon_fast_count[1];
	mon_fast_count[0] = mon_fast_count[1] = 0;
}

static unsigned int strlen_(const char *s)
{
	unsigned int n = 0;

	while (s[n] != '\0')
		n++;
	return n;
}

static void pad(const char *s, unsigned int w)
{
	unsigned int n = strlen_(s);

	bm_puts(s);
	while (n++ < w)
		bm_putc(' ');
}


static void report(int status)
{
	static const char *const sync_name[] = {"tlb", "wp", "pv"};
	const struct amv_shadow_stats *s = &m.vm.stats;
	unsigned int p, c;

	take_fast_counts();
	m.at_phase[m.dev.n_phases] = *s;
	say("guest exited with status ");
	bm_putdec((uint32_t)status);
	bm_puts(", sync=");
	bm_puts(sync_name[m.sync]);
	bm_puts("\n");
	say("exits by phase and cause (sw.drops: shadow entries dropped by "
	    "address-space switches)\n");
	say("phase           ");
	for (c = 0; c < C_COUNT; c++) {
		pad("", 7 - strlen_(cause_name[c]));
		bm_puts(cause_name[c]);
	}
	bm_puts("   total sw.drops switches\n");
	for (p = 0; p < m.dev.n_phases; p++) {
		uint32_t total = 0;

		say("");
		pad(m.dev.phase_name[p], 16);
		for (c = 0; c < C_COUNT; c++) {
			bm_putdec_w(m.exits[p][c], 7);
			total += m.exits[p][c];
		}
		bm_putdec_w(total, 8);
		bm_putdec_w(m.at_phase[p + 1].switch_drops -
			       m.at_phase[p].switch_drops,
		       9);
		bm_putdec_w(m.at_phase[p + 1].switches - m.at_phase[p].switches, 9);
		bm_puts("\n");
	}
	const struct {
		const char *name;
		uint32_t n;
	} counters[] = {
		{"faults", s->faults},
		{"fills", s->fills},
		{"fast", s->fast_fills},
		{"injects", s->injects},
		{"drops", s->drops},
		{"flushes", s->flushes},
		{"l2-evictions", s->l2_evictions},
		{"as-evictions", s->as_evictions},
		{"wp-hits", s->wp_hits},
		{"wp-releases", s->wp_releases},
		{"host-tlbi", s->host_tlbi},
	};

	say("shadow:");
	for (c = 0; c < sizeof(counters) / sizeof(counters[0]); c++) {
		bm_putc(' ');
		bm_puts(counters[c].name);
		bm_putc(' ');
		bm_putdec(counters[c].n);
	}
	bm_puts("\n");
}

/* ------------------------------------------------------------ exits */

#define SEMIHOST_SVC 0x0f123456u /* ARM: svc 0x123456 */
#define SEMIHOST_SVC_T 0xdfabu    /* Thumb: svc 0xab */
#define SYS_EXIT 0x18u
#define SYS_EXIT_EXTENDED 0x20u
#define ADP_APPLICATION_EXIT 0x20026u

static bool privileged(void)
{
	return (m.v.cpsr & AMV_PSR_MODE_MASK) != AMV_MODE_USR;
}

/*
 * The guest's semihosting call (SVC 0x123456 from a privileged mode, which
 * QEMU would have handled for it natively): exits end the run; other
 * operations fail with -1 in R0.
 */
static void __attribute__((noreturn)) guest_exit(int status)
{
	report(status);
	bm_exit(status);
}

static void semihost(void)
{
	uint32_t op = m.v.r[0], arg1 = m.v.r[1], block[2];

	m.v.pc += (m.v.cpsr & AMV_PSR_T) ? 2u : 4u;
	if (op == SYS_EXIT)
		guest_exit(arg1 == ADP_APPLICATION_EXIT ? 0 : 1);
	if (op == SYS_EXIT_EXTENDED) {
		if (guest_word(arg1, &block[0]) != 0 ||
		    guest_word(arg1 + 4, &block[1]) != 0)
			guest_exit(1);
		guest_exit(block[0] == ADP_APPLICATION_EXIT ? (int)block[1]
							    : 1);
	}
	m.v.r[0] = 0xffffffffu;
}

/* A decoded single load/store to a device or a protected table page. */
static void dataop(const struct amv_route_result *res)
{
	struct amv_dataop op;
	int rc = amv_dataop_decode(&m.v, &res->insn, &op);

	if (rc != 0 && res->action == AMV_ACT_WP) {
		/* A multi-register or doubleword store to a protected page:
		 * unprotect the page and let the store run. A page that is
		 * protected again by the retry's own fill would loop. */
		m.release_repeat = m.v.pc == m.release_pc &&
					   res->gpa == m.release_gpa
				   ? m.release_repeat + 1
				   : 0;
		m.release_pc = m.v.pc;
		m.release_gpa = res->gpa;
		if (m.release_repeat > 2) {
			say("a store the monitor cannot emulate keeps hitting a "
			    "protected table page at pc ");
			bm_puthex(m.v.pc, 8);
			bm_puts("\n");
			guest_exit(4);
		}
		(void)amv_shadow_wp_release(&m.vm, res->gpa);
		return;
	}
	if (rc != 0) {
		say("guest device access with an instruction the monitor "
		    "does not emulate at pc ");
		bm_puthex(m.v.pc, 8);
		bm_puts("\n");
		guest_exit(4);
	}
	if (res->action == AMV_ACT_WP) {
		if (amv_shadow_wp_write(&m.vm, res->gpa, op.data, op.size) != 0)
			die("write-protect", "store failed");
	} else if (op.write) {
		(void)vdev_write(&m.dev, (uint32_t)res->gpa, op.size, op.data);
	} else if (vdev_read(&m.dev, (uint32_t)res->gpa, op.size, &op.data) !=
		   0) {
		op.data = 0; /* the board's read-as-zero */
	}
	(void)amv_dataop_complete(&m.v, &res->insn, &op);
	m.v.irq_line = vdev_irq_line(&m.dev);
}

/* A host interrupt: the guest's timer (to the virtual GIC) or the
 * monitor's watchdog (the guest ran out of its time: stop it). */
static void host_irq(void)
{
	uint32_t id = mon_gic_ack();

	if (id == 1023u)
		return;
	if (id == MON_TIMER23_IRQ) {
		mon_watchdog_ack();
		mon_gic_eoi(id);
		say("watchdog: the guest's time limit expired at pc ");
		bm_puthex(m.v.pc, 8);
		bm_puts("; stopped\n");
		guest_exit(7);
	}
	(void)vdev_host_irq(&m.dev, id);
	mon_gic_eoi(id);
	m.v.irq_line = vdev_irq_line(&m.dev);
}

/* WFI: sleep until the virtual interrupt line rises. IRQs stay masked in
 * the monitor; a pending one still ends WFI (B1.8.13). */
static void idle(void)
{
	while (!m.v.irq_line) {
		__asm__ volatile("dsb\n\twfi" ::: "memory");
		host_irq();
	}
}

static void emulate(const struct amv_route_result *res, bool patched)
{
	int rc = amv_emulate(&m.v, &res->insn);

	count(patched ? C_PATCH : C_PRIV);
	if (rc == AMV_EMU_WFI)
		idle();
	else if (rc == -AMV_ENOTSUP)
		(void)amv_inject(&m.v, AMV_EXC_UNDEF, m.v.pc + 4, NULL);
	else if (rc < 0)
		die("emulate", amv_strerror(rc));
}

static const uint32_t host_exc[8] = {
	[BM_EXC_UNDEF] = AMV_HEXC_UNDEF, [BM_EXC_SVC] = AMV_HEXC_SVC,
	[BM_EXC_PABT] = AMV_HEXC_PABT,   [BM_EXC_DABT] = AMV_HEXC_DABT,
	[BM_EXC_IRQ] = AMV_HEXC_IRQ,     [BM_EXC_FIQ] = AMV_HEXC_FIQ};

/* The patch table for this PC: link addresses, or physical ones for code
 * run with the MMU off (the guest's boot). */
static const struct amv_patch *patches_for(uint32_t insn, uint32_t pc)
{
	uint32_t i = ((insn >> 4) & 0xfff0u) | (insn & 0xfu);

	if (i < m.n_patches && m.patch_va[i].address != pc &&
	    m.patch_pa[i].address == pc)
		return m.patch_pa;
	return m.patch_va;
}

static void __attribute__((noreturn)) run(void)
{
	struct amv_route_result res;
	struct amv_trap t;

	for (;;) {
		int kind, rc;

		if (m.v.irq_line || m.v.fiq_line)
			(void)amv_vcpu_pending(&m.v);
		mon_frame_from_vcpu(&m.v);
		kind = mon_run_guest();
		take_fast_counts();
		mon_frame_to_vcpu(&m.v);
		/* B1.8.3: SVC and UNDEF leave LR at the next instruction, 2
		 * bytes on in Thumb state; the vectors took 4 off. */
		if ((kind == BM_EXC_SVC || kind == BM_EXC_UNDEF) &&
		    (m.v.cpsr & AMV_PSR_T))
			m.v.pc += 2u;

		t.exc = host_exc[kind & 7];
		t.pc = m.v.pc;
		t.insn = 0;
		t.far = t.fsr = 0;
		if (kind == BM_EXC_DABT) {
			__asm__ volatile("mrc p15, 0, %0, c5, c0, 0" : "=r"(t.fsr));
			__asm__ volatile("mrc p15, 0, %0, c6, c0, 0" : "=r"(t.far));
		} else if (kind == BM_EXC_PABT) {
			__asm__ volatile("mrc p15, 0, %0, c5, c0, 1" : "=r"(t.fsr));
			__asm__ volatile("mrc p15, 0, %0, c6, c0, 2" : "=r"(t.far));
		}
		/* amv_route() ignores a User-mode SVC's instruction
		 * (vector.h): a system call costs no load. */
		if (kind == BM_EXC_UNDEF && !(m.v.cpsr & AMV_PSR_T) &&
		    mon_undef_insn[1] == t.pc)
			t.insn = mon_undef_insn[0]; /* loaded by the vector */
		else if ((kind == BM_EXC_UNDEF || kind == BM_EXC_DABT ||
			  (kind == BM_EXC_SVC && privileged())) &&
			 guest_insn(t.pc, (m.v.cpsr & AMV_PSR_T) != 0,
				    &t.insn) != 0)
			die("exit", "cannot read the guest instruction");
		if (kind == BM_EXC_SVC && privileged() &&
		    ((m.v.cpsr & AMV_PSR_T) ? t.insn == SEMIHOST_SVC_T
					    : (t.insn & 0x0fffffffu) ==
						      SEMIHOST_SVC)) {
			count(C_OTHER);
			semihost();
			continue;
		}
		rc = amv_route(&m.v, &t,
			       kind == BM_EXC_UNDEF ? patches_for(t.insn, t.pc)
						    : NULL,
			       m.n_patches, &res);
		if (rc != 0) {
			say("amv_route failed at pc ");
			bm_puthex(t.pc, 8);
			bm_puts(": ");
			bm_puts(amv_strerror(rc));
			bm_puts("\n");
			guest_exit(5);
		}
		switch (res.action) {
		case AMV_ACT_EMULATE:
			emulate(&res, kind == BM_EXC_UNDEF &&
					      (t.insn & 0xfff000f0u) == 0xe7f000f0u);
			break;
		case AMV_ACT_EMULATED:
			count(C_PATCH);
			break;
		case AMV_ACT_INJECTED:
			count(kind == BM_EXC_SVC     ? C_SVC
			      : kind == BM_EXC_UNDEF ? C_UNDEF
						     : C_ABORT);
			break;
		case AMV_ACT_RETRY:
			count(C_FILL);
			break;
		case AMV_ACT_MMIO:
		case AMV_ACT_WP:
			count(res.action == AMV_ACT_MMIO ? C_MMIO : C_WP);
			dataop(&res);
			break;
		case AMV_ACT_HYPERCALL: {
			uint32_t a[4] = {m.v.r[0], m.v.r[1], m.v.r[2], m.v.r[3]};

			count(C_HCALL);
			m.v.r[0] = (uint32_t)amv_shadow_hypercall(&m.vm, a);
			m.v.pc += 4; /* svc #AMV_HC_SVC_IMM: ARM only */
			break;
		}
		case AMV_ACT_HOST_IRQ:
			count(C_IRQ);
			host_irq();
			break;
		default: /* AMV_ACT_WINDOW */
			count(C_OTHER);
			say("the guest maps the monitor window at ");
			bm_puthex(t.far, 8);
			bm_puts(" (reserved: 0x70000000-0x77ffffff); stopped\n");
			guest_exit(6);
		}
	}
}

/* ------------------------------------------------------------ set-up */

static void memory_map(void)
{
	struct amv_vm_region *r = m.regions;
	unsigned int n = 0;

#if defined(BM_BOARD_VEXPRESS_A9)
	r[n++] = (struct amv_vm_region){0, MON_GUEST_RAM_GPA, 0, AMV_REGION_MMIO};
	r[n++] = (struct amv_vm_region){MON_GUEST_RAM_GPA, MON_GUEST_RAM_SIZE,
					MON_GUEST_HPA, AMV_REGION_RAM};
#else
	/* realview-pb-a8 also decodes its RAM at 0x70000000. */
	r[n++] = (struct amv_vm_region){0, MON_GUEST_RAM_SIZE, MON_GUEST_HPA,
					AMV_REGION_RAM};
	r[n++] = (struct amv_vm_region){MON_GUEST_RAM_SIZE,
					0x70000000u - MON_GUEST_RAM_SIZE, 0,
					AMV_REGION_MMIO};
	r[n++] = (struct amv_vm_region){0x70000000u, MON_GUEST_RAM_SIZE,
					MON_GUEST_HPA, AMV_REGION_RAM};
#endif
	r[n] = (struct amv_vm_region){r[n - 1].gpa + r[n - 1].size, 0, 0,
				      AMV_REGION_MMIO};
	r[n].size = 0x100000000ull - r[n].gpa;
	n++;
	m.port.regions = r;
	m.port.n_regions = n;
}

static void load_guest(uint32_t *entry)
{
	struct ld_ram ram = {MON_GUEST_RAM_GPA, MON_GUEST_RAM_SIZE,
			     (uint8_t *)(uintptr_t)MON_GUEST_HPA};
	uint8_t *stage = (uint8_t *)(uintptr_t)MON_STAGING_BASE;
	uint32_t elf_size, tab_size;
	const char *err;
	char path[128], ppath[128];

	if (arg("guest", path, sizeof(path)) == NULL)
		die("command line", "no guest=PATH");
	host_file(path, stage, MON_STAGING_SIZE / 2, &elf_size);
	if (ld_load_elf(stage, elf_size, &ram, entry, &err) != 0)
		die(path, err);
	if (arg("patches", ppath, sizeof(ppath)) == NULL)
		say("no patch table: the guest's sensitive instructions run "
		    "unpatched\n");
	else {
		host_file(ppath, stage + MON_STAGING_SIZE / 2,
			  MON_STAGING_SIZE / 2, &tab_size);
		if (ld_apply_patches(stage, elf_size,
				     stage + MON_STAGING_SIZE / 2, tab_size,
				     &ram, m.patch_va, m.patch_pa, MAX_PATCHES,
				     &m.n_patches, &err) != 0)
			die(ppath, err);
		if (amv_patch_prepare(m.patch_va, m.n_patches) != 0 ||
		    amv_patch_prepare(m.patch_pa, m.n_patches) != 0)
			die(ppath, "an original instruction does not decode");
	}
	say("guest ");
	bm_puts(path);
	bm_puts(": entry ");
	bm_puthex(*entry, 8);
	bm_puts(", ");
	bm_putdec(m.n_patches);
	bm_puts(" instructions patched\n");
}

int main(void)
{
	struct amv_shadow_config cfg;
	uint32_t reserved[AMV_ASID_COUNT / 32] = {1u << MON_ASID};
	uint32_t block[2], entry, mpidr, mmfr3, ctr, limit_ms;
	struct amv_shadow_storage storage;
	char sync[8];
	int rc;

	bm_console = MON_UART1;
	mon_mmu_init();
	bm_console = (uint32_t)(uintptr_t)mon_dev(MON_UART1);
	__asm__ volatile("mcr p15, 0, %0, c12, c0, 0\n\tisb"
			 :
			 : "r"(mon_vectors));

	block[0] = (uint32_t)(uintptr_t)m.cmdline;
	block[1] = sizeof(m.cmdline);
	if (bm_semihost(SYS_GET_CMDLINE, block) != 0)
		m.cmdline[0] = '\0';
	m.sync = AMV_SYNC_TLB;
	if (arg("sync", sync, sizeof(sync)) != NULL) {
		if (sync[0] == 'w' && sync[1] == 'p' && sync[2] == '\0')
			m.sync = AMV_SYNC_WP;
		else if (sync[0] == 'p' && sync[1] == 'v' && sync[2] == '\0')
			m.sync = AMV_SYNC_PV;
		else if (!(sync[0] == 't' && sync[1] == 'l' && sync[2] == 'b'))
			die("command line", "sync must be tlb, wp or pv");
	}

	limit_ms = number("limit", 0, 0, 4294967u);
	storage = pools;
	storage.n_l1 = number("l1", POOL_L1, 2, POOL_L1);
	storage.n_l2 = number("l2", POOL_L2, AMV_SHADOW_MIN_L2, POOL_L2);
	storage.n_rmap = number("rmap", POOL_RMAP, 16, POOL_RMAP);
	if ((storage.n_rmap & (storage.n_rmap - 1u)) != 0)
		die("command line", "rmap must be a power of two");

	memory_map();
	load_guest(&entry);
	vdev_init(&m.dev);
	m.port.mmio = (struct mon_mmio){vdev_read, vdev_write, &m.dev};
	__asm__ volatile("mrc p15, 0, %0, c0, c0, 5" : "=r"(mpidr));
	m.port.tlbimvaa = (mpidr & 0x80000000u) != 0; /* MP Extensions */
	__asm__ volatile("mrc p15, 0, %0, c0, c1, 7" : "=r"(mmfr3));
	__asm__ volatile("mrc p15, 0, %0, c0, c0, 1" : "=r"(ctr));
	/* Table walks that do not snoop the data cache need cleans. */
	m.port.dline = ((mmfr3 >> 20) & 0xfu) == 0
			       ? 4u << ((ctr >> 16) & 0xfu) /* CTR.DminLine */
			       : 0u;
	m.port.ttbr0 = m.port.contextidr = m.port.dacr = 0xffffffffu;
	mon_gic_init();
	mon_gic_enable(MON_TIMER01_IRQ, true);

	if (amv_asid_init(&m.asids, reserved) != 0)
		die("asid", "init");
	memset(&cfg, 0, sizeof(cfg));
	cfg.port = (struct amv_port){&mon_port_ops, &m.port};
	cfg.asids = &m.asids;
	cfg.storage = &storage;
	cfg.regions = m.regions;
	cfg.n_regions = m.port.n_regions;
	cfg.window_base = MON_WINDOW_BASE;
	cfg.window_size = MON_WINDOW_SIZE;
	cfg.window_l1 = mon_window_l1;
	cfg.monitor_domains = 1u << MON_DOMAIN;
	cfg.monitor_dacr = AMV_DACR_CLIENT << (2u * MON_DOMAIN);
	cfg.ttbr_attr = AMV_TTBR_IRGN1 | (1u << AMV_TTBR_RGN_SHIFT);
	cfg.regime_flags = AMV_REGIME_NONSECURE | AMV_REGIME_NO_SECEXT;
	cfg.sync = m.sync;
	rc = amv_shadow_init(&m.vm, &cfg);
	if (rc != 0)
		die("amv_shadow_init", amv_strerror(rc));
	rc = amv_vcpu_reset(&m.v, AMV_VCPU_VBAR, &cfg.port, &m.vm);
	if (rc != 0)
		die("amv_vcpu_reset", amv_strerror(rc));
	mon_read_host_ids(&m.v.cp15);
	m.v.regime_flags = cfg.regime_flags;
	m.v.pc = entry; /* a boot loader's jump, MMU off, SVC mode */
	m.at_phase[0] = m.vm.stats;
	mon_watchdog(limit_ms);
	mon_fast_init(&m.v, m.patch_va, m.n_patches, m.fast);
	run();
}
