// SPDX-License-Identifier: BSD-2-Clause
/*
 * amv_ioctl_test: user-space test of /dev/amv (amv.ko's ioctl interface,
 * amv_uapi.h). Built statically for armhf by boot-arm-test.sh and run by
 * the initramfs /init after insmod; also builds natively:
 *
 *   cc -O2 -Wall -Wextra -Werror -Iinclude -Iports/linux \
 *      ports/linux/amv_ioctl_test.c -o amv_ioctl_test
 *
 * Prints one line, "amv-ioctl-test: N passed, M failed", and exits 0 only
 * if nothing failed. Checks: the version ioctl; decodes of known words;
 * walks through a small table image (a section and a small page, expected
 * PAs typed from the ARMv7 ARM short-descriptor rules, B3.5.1) and the
 * faults around it (FSR values from Table B3-23); hostile arguments (bad
 * pointers, sizes, bases, flags, unknown ioctls); and that the device still
 * answers correctly afterwards.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <amv/amv.h>

#include "amv_uapi.h"

static unsigned int passed, failed;

static void check(int ok, const char *what)
{
	if (ok) {
		passed++;
	} else {
		failed++;
		printf("amv-ioctl-test: FAILED: %s\n", what);
	}
}

/* ioctl returning -1 with errno @err. */
static void check_errno(int fd, unsigned long cmd, void *arg, int err,
			const char *what)
{
	int rc;

	errno = 0;
	rc = ioctl(fd, cmd, arg);
	if (rc == -1 && errno == err) {
		passed++;
		return;
	}
	failed++;
	printf("amv-ioctl-test: FAILED: %s: rc %d errno %d (%s), want %d (%s)\n",
	       what, rc, errno, strerror(errno), err, strerror(err));
}

/* ------------------------------------------------------------- decode */

static int decode(int fd, uint32_t word, struct amv_ioc_decode *d)
{
	memset(d, 0xaa, sizeof(*d)); /* the kernel must rewrite every byte */
	d->size = sizeof(*d);
	d->flags = 0;
	d->word = word;
	d->isa = AMV_ISA_A32;
	return ioctl(fd, AMV_IOC_DECODE, d);
}

static void test_decode(int fd)
{
	struct amv_ioc_decode d;
	int rc;

	/* MCR p15, 0, r0, c1, c0, 0: write SCTLR (A8.8.99): privileged. */
	rc = decode(fd, 0xee010f10u, &d);
	check(rc == 0 && d.size == sizeof(d) && d.word == 0xee010f10u &&
		      d.isa == AMV_ISA_A32 && d.cls == AMV_INSN_MCR &&
		      (d.insn_flags & AMV_INSN_F_PRIVILEGED) &&
		      !(d.insn_flags & AMV_INSN_F_SENSITIVE) && d.cond == 14 &&
		      d.cp == 15 && d.opc1 == 0 && d.rt == 0 && d.crn == 1 &&
		      d.crm == 0 && d.opc2 == 0 && d.rd == AMV_REG_NONE,
	      "decode MCR SCTLR: class MCR, privileged, p15 c1 c0 0, r0");
	check(rc == 0 && d.pad[0] == 0 && d.pad[1] == 0 && d.pad[2] == 0 &&
		      d.pad[3] == 0 && d.flags == 0,
	      "decode: padding and flags zeroed by the kernel");

	/* SUBS PC, LR, #4 (B9.3.20): exception return, sensitive at PL0. */
	rc = decode(fd, 0xe25ef004u, &d);
	check(rc == 0 && d.cls == AMV_INSN_DP && d.op == AMV_DP_SUB &&
		      (d.insn_flags & AMV_INSN_F_SENSITIVE) &&
		      (d.insn_flags & AMV_INSN_F_EXC_RETURN) &&
		      (d.insn_flags & AMV_INSN_F_SETFLAGS) &&
		      !(d.insn_flags & AMV_INSN_F_PRIVILEGED) && d.rd == 15 &&
		      d.rn == 14 && d.imm == 4 && d.cond == 14,
	      "decode SUBS PC, LR, #4: DP SUB, sensitive exception return");

	/* LDR r1, [r2, #-8]! (A8.8.63): pre-indexed, writeback, subtract. */
	rc = decode(fd, 0xe5321008u, &d);
	check(rc == 0 && d.cls == AMV_INSN_LDR && d.rt == 1 && d.rn == 2 &&
		      d.imm == 8 && d.xfer_size == 4 &&
		      (d.insn_flags & AMV_INSN_F_WBACK) &&
		      (d.insn_flags & AMV_INSN_F_INDEX) &&
		      !(d.insn_flags & AMV_INSN_F_ADD),
	      "decode LDR r1, [r2, #-8]!");

	/* UDF #0 (A8.8.247). */
	rc = decode(fd, 0xe7f000f0u, &d);
	check(rc == 0 && d.cls == AMV_INSN_UDF &&
		      (d.insn_flags & AMV_INSN_F_UNDEFINED),
	      "decode UDF: undefined");

	/* T32 is not decoded yet; unknown isa values are invalid. */
	memset(&d, 0, sizeof(d));
	d.size = sizeof(d);
	d.word = 0xbf00;
	d.isa = AMV_ISA_T32;
	check_errno(fd, AMV_IOC_DECODE, &d, EOPNOTSUPP, "decode T32");
	d.isa = 7;
	check_errno(fd, AMV_IOC_DECODE, &d, EINVAL, "decode isa 7");
	d.isa = AMV_ISA_A32;
	d.size = sizeof(d) - 4;
	check_errno(fd, AMV_IOC_DECODE, &d, EINVAL, "decode wrong size");
	d.size = sizeof(d);
	d.flags = 1;
	check_errno(fd, AMV_IOC_DECODE, &d, EINVAL, "decode flags 1");
}

/* --------------------------------------------------------------- walk */

/* The image: an L1 table at 0x80004000 (16 KiB, TTBCR.N = 0) and one L2
 * table right after it at 0x80008000 (1 KiB). */
#define IMG_BASE 0x80004000ull
#define L1_PA 0x80004000u
#define L2_PA 0x80008000u
#define IMG_LEN (16384u + 1024u)
#define MMU_ON (AMV_SCTLR_M | AMV_SCTLR_XP)
#define CLIENT_ALL 0x55555555u

static uint32_t image[IMG_LEN / 4];

static void put32(uint32_t pa, uint32_t v)
{
	uint8_t *p = (uint8_t *)image + (pa - (uint32_t)IMG_BASE);

	/* Little-endian, whatever the host. */
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

static void build_image(void)
{
	memset(image, 0, sizeof(image));
	/* L1[1]: section, PA 0x40100000, AP = 0b011 (full access), domain 0:
	 * base | AP[1:0] << 10 | 0b10 (B3.5.1, Figure B3-4). */
	put32(L1_PA + 1 * 4, 0x40100000u | (3u << 10) | 2u);
	/* L1[2]: page table at 0x80008000, domain 0: base | 0b01. */
	put32(L1_PA + 2 * 4, L2_PA | 1u);
	/* L2[3]: small page, PA 0x50007000, AP = 0b011: base | AP[1:0] << 4
	 * | 0b10 (XN = 0). */
	put32(L2_PA + 3 * 4, 0x50007000u | (3u << 4) | 2u);
	/* L1[4]: page table at 0x90000000, outside the image. */
	put32(L1_PA + 4 * 4, 0x90000000u | 1u);
	/* L1[5]: section, PA 0x40500000, AP = 0b001 (PL1 only), domain 5. */
	put32(L1_PA + 5 * 4, 0x40500000u | (1u << 10) | (5u << 5) | 2u);
}

static void walk_init(struct amv_ioc_walk *w, uint32_t va, uint32_t access)
{
	memset(w, 0, sizeof(*w));
	w->size = sizeof(*w);
	w->sctlr = MMU_ON;
	w->ttbr0 = L1_PA;
	w->ttbr1 = 0x90000000u;
	w->dacr = CLIENT_ALL;
	w->va = va;
	w->access = access;
	w->image_len = IMG_LEN;
	w->image_ptr = (uint64_t)(uintptr_t)image;
	w->image_base = IMG_BASE;
}

static int walk(int fd, struct amv_ioc_walk *w)
{
	/* Garbage in the output fields: the kernel rewrites them. */
	w->status = -99;
	w->pa = 0xdeadbeefdeadbeefull;
	w->fsr = 0xffffffffu;
	w->fault_type = 0xff;
	return ioctl(fd, AMV_IOC_WALK, w);
}

static void test_walk(int fd)
{
	struct amv_ioc_walk w;
	int rc;

	build_image();

	/* Section: PA = base[31:20] : VA[19:0] (B3.5.1). */
	walk_init(&w, 0x00123456u, AMV_ACC_READ);
	rc = walk(fd, &w);
	check(rc == 0 && w.status == AMV_WALK_OK && w.pa == 0x40123456ull &&
		      w.kind == AMV_MAP_SECTION && w.level == 1 &&
		      w.map_size == 0x100000u && w.domain == 0 &&
		      w.desc_pa[0] == L1_PA + 4 &&
		      w.desc[0] == (0x40100000u | (3u << 10) | 2u) &&
		      (w.perm_pl0 & AMV_PERM_R) && (w.perm_pl1 & AMV_PERM_W) &&
		      w.fault_type == 0 && w.fsr == 0,
	      "walk section: VA 0x00123456 -> PA 0x40123456");

	/* Small page: PA = base[31:12] : VA[11:0]; the L1 index is
	 * VA[31:20] = 2, the L2 index VA[19:12] = 3 (B3.5.1). */
	walk_init(&w, 0x00203abcu, AMV_ACC_WRITE | AMV_ACC_USER);
	rc = walk(fd, &w);
	check(rc == 0 && w.status == AMV_WALK_OK && w.pa == 0x50007abcull &&
		      w.kind == AMV_MAP_SMALL && w.level == 2 &&
		      w.map_size == 0x1000u && w.desc_pa[0] == L1_PA + 8 &&
		      w.desc_pa[1] == L2_PA + 12 &&
		      w.desc[1] == (0x50007000u | (3u << 4) | 2u),
	      "walk small page: VA 0x00203abc -> PA 0x50007abc (PL0 write)");

	/* MMU off: flat (B3.2.1). */
	walk_init(&w, 0x12345678u, AMV_ACC_FETCH);
	w.sctlr = AMV_SCTLR_XP;
	rc = walk(fd, &w);
	check(rc == 0 && w.status == AMV_WALK_OK && w.pa == 0x12345678ull &&
		      w.kind == AMV_MAP_FLAT,
	      "walk MMU off: flat");

	/* L1[3] is a fault entry: level-1 translation fault, DFSR 0x005. */
	walk_init(&w, 0x00300000u, AMV_ACC_READ);
	rc = walk(fd, &w);
	check(rc == 0 && w.status == AMV_WALK_FAULT &&
		      w.fault_type == AMV_FAULT_TRANSLATION &&
		      w.fault_level == 1 && w.fault_addr == 0x00300000u &&
		      w.fsr == 0x005u,
	      "walk L1 fault entry: translation fault L1, DFSR 0x005");

	/* Same, instruction fetch: IFSR 0x005, PREFETCH flag. */
	walk_init(&w, 0x00300000u, AMV_ACC_FETCH);
	rc = walk(fd, &w);
	check(rc == 0 && w.status == AMV_WALK_FAULT &&
		      w.fault_type == AMV_FAULT_TRANSLATION &&
		      (w.fault_flags & AMV_FAULT_F_PREFETCH) && w.fsr == 0x005u,
	      "walk L1 fault entry, fetch: IFSR 0x005");

	/* L1[5]: PL1-only section in domain 5; a PL0 write is a level-1
	 * permission fault, DFSR = WnR | domain 5 | 0b01101 = 0x85d. */
	walk_init(&w, 0x00500000u, AMV_ACC_WRITE | AMV_ACC_USER);
	rc = walk(fd, &w);
	check(rc == 0 && w.status == AMV_WALK_FAULT &&
		      w.fault_type == AMV_FAULT_PERMISSION &&
		      w.fault_level == 1 && w.fault_domain == 5 &&
		      w.fsr == 0x85du,
	      "walk PL0 write to PL1-only section: DFSR 0x85d");
	/* ... while a PL1 read of it translates. */
	walk_init(&w, 0x00512344u, AMV_ACC_READ);
	rc = walk(fd, &w);
	check(rc == 0 && w.status == AMV_WALK_OK && w.pa == 0x40512344ull &&
		      w.domain == 5,
	      "walk PL1 read of PL1-only section: PA 0x40512344");

	/* L1[4] points at an L2 table outside the image: external abort on
	 * the level-2 walk, decode error (ExT = 0): DFSR 0x00e. */
	walk_init(&w, 0x00400000u, AMV_ACC_READ);
	rc = walk(fd, &w);
	check(rc == 0 && w.status == AMV_WALK_FAULT &&
		      w.fault_type == AMV_FAULT_EXT_ABORT_WALK &&
		      w.fault_level == 2 && w.fsr == 0x00eu,
	      "walk L2 table outside the image: ext abort L2, DFSR 0x00e");

	/* TTBR0 outside the image: external abort on the level-1 walk. */
	walk_init(&w, 0x00100000u, AMV_ACC_READ);
	w.ttbr0 = 0x10000000u;
	rc = walk(fd, &w);
	check(rc == 0 && w.status == AMV_WALK_FAULT &&
		      w.fault_type == AMV_FAULT_EXT_ABORT_WALK &&
		      w.fault_level == 1 && w.fsr == 0x00cu,
	      "walk TTBR0 outside the image: ext abort L1, DFSR 0x00c");

	/* The image may sit anywhere: the same L1 table placed so that
	 * only L1[0..2] are inside (len 12) still maps the section. */
	walk_init(&w, 0x00123456u, AMV_ACC_READ);
	w.image_len = 12;
	rc = walk(fd, &w);
	check(rc == 0 && w.status == AMV_WALK_OK && w.pa == 0x40123456ull,
	      "walk with a 12-byte image: section still mapped");
	/* ... and L2 reads outside it fail. */
	walk_init(&w, 0x00203abcu, AMV_ACC_READ);
	w.image_len = 12;
	rc = walk(fd, &w);
	check(rc == 0 && w.status == AMV_WALK_FAULT &&
		      w.fault_type == AMV_FAULT_EXT_ABORT_WALK &&
		      w.fault_level == 2,
	      "walk with a 12-byte image: L2 read outside is an abort");

	/* Library refusals. */
	walk_init(&w, 0, AMV_ACC_READ);
	w.ttbcr = AMV_TTBCR_EAE;
	check_errno(fd, AMV_IOC_WALK, &w, EOPNOTSUPP, "walk TTBCR.EAE = 1");
	walk_init(&w, 0, 0x8u);
	check_errno(fd, AMV_IOC_WALK, &w, EINVAL, "walk unknown access bits");
}

/* ------------------------------------------------------------ hostile */

static void test_hostile(int fd)
{
	struct amv_ioc_walk w;
	long pg = sysconf(_SC_PAGESIZE);
	uint8_t *map;

	/* Bad argument pointers. */
	check_errno(fd, AMV_IOC_DECODE, NULL, EFAULT, "decode NULL arg");
	check_errno(fd, AMV_IOC_WALK, NULL, EFAULT, "walk NULL arg");
	check_errno(fd, AMV_IOC_VERSION, NULL, EFAULT, "version NULL arg");
	check_errno(fd, AMV_IOC_WALK, (void *)(uintptr_t)16, EFAULT,
		    "walk arg 0x10");
	/* A kernel address (3G/1G split on armhf; non-canonical on x86-64). */
	check_errno(fd, AMV_IOC_DECODE,
		    (void *)(uintptr_t)(sizeof(void *) == 4 ?
						0xc0008000ul :
						(unsigned long)0xffff800000000000ull),
		    EFAULT, "decode kernel-address arg");

	/* Bad image pointers. */
	walk_init(&w, 0x00123456u, AMV_ACC_READ);
	w.image_ptr = 0;
	check_errno(fd, AMV_IOC_WALK, &w, EFAULT, "walk NULL image");
	w.image_ptr = sizeof(void *) == 4 ? 0xc0000000ull : 0xffff800000000000ull;
	check_errno(fd, AMV_IOC_WALK, &w, EFAULT, "walk kernel-address image");
	/* Upper 32 bits set: must not be truncated to the valid pointer. */
	w.image_ptr = (uint64_t)(uintptr_t)image | 0x8000000000000000ull;
	check_errno(fd, AMV_IOC_WALK, &w, EFAULT, "walk image ptr bit 63 set");

	/* Image running off the end of a mapping, and a read-only result. */
	map = mmap(NULL, (size_t)pg * 2, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	check(map != MAP_FAILED, "mmap two pages");
	if (map != MAP_FAILED) {
		munmap(map + pg, (size_t)pg);
		walk_init(&w, 0x00123456u, AMV_ACC_READ);
		w.image_ptr = (uint64_t)(uintptr_t)map;
		w.image_len = (uint32_t)pg * 2;
		check_errno(fd, AMV_IOC_WALK, &w, EFAULT,
			    "walk image past the end of a mapping");
		/* Request readable but not writable: EFAULT on copy-out. */
		walk_init((struct amv_ioc_walk *)map, 0x00123456u,
			  AMV_ACC_READ);
		mprotect(map, (size_t)pg, PROT_READ);
		check_errno(fd, AMV_IOC_WALK, map, EFAULT,
			    "walk read-only request struct");
		munmap(map, (size_t)pg);
	}

	/* Sizes, alignment, overflow. */
	walk_init(&w, 0x00123456u, AMV_ACC_READ);
	w.image_len = 0;
	check_errno(fd, AMV_IOC_WALK, &w, EINVAL, "walk zero length");
	w.image_len = AMV_IOC_IMAGE_MAX + 4;
	check_errno(fd, AMV_IOC_WALK, &w, EINVAL, "walk length max + 4");
	w.image_len = 0xfffffffcu;
	check_errno(fd, AMV_IOC_WALK, &w, EINVAL, "walk length 4 GiB - 4");
	w.image_len = IMG_LEN - 2;
	check_errno(fd, AMV_IOC_WALK, &w, EINVAL, "walk length not x4");
	w.image_len = IMG_LEN;
	w.image_base = IMG_BASE + 2;
	check_errno(fd, AMV_IOC_WALK, &w, EINVAL, "walk base not x4");
	w.image_base = 0xfffffffffffff000ull;
	check_errno(fd, AMV_IOC_WALK, &w, EINVAL, "walk base + len > 2^64");
	w.image_base = 0ull - (uint64_t)IMG_LEN;
	check_errno(fd, AMV_IOC_WALK, &w, EINVAL, "walk base + len = 2^64");
	w.image_base = IMG_BASE;
	w.size = sizeof(w) + 8;
	check_errno(fd, AMV_IOC_WALK, &w, EINVAL, "walk wrong size field");
	w.size = sizeof(w);
	w.flags = 0x80000000u;
	check_errno(fd, AMV_IOC_WALK, &w, EINVAL, "walk flags set");

	/* Unknown commands. */
	check_errno(fd, _IO(AMV_IOC_MAGIC, 0x7f), NULL, ENOTTY,
		    "unknown ioctl number");
	check_errno(fd, _IOWR(AMV_IOC_MAGIC, 2, struct amv_ioc_decode), &w,
		    ENOTTY, "walk number with the decode struct size");
	check_errno(fd, _IOWR('T', 1, int), &w, ENOTTY, "foreign ioctl");
}

int main(void)
{
	struct amv_ioc_version v;
	struct amv_ioc_decode d;
	struct amv_ioc_walk w;
	int fd, rc;

	fd = open("/dev/amv", O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		printf("amv-ioctl-test: cannot open /dev/amv: %s\n",
		       strerror(errno));
		printf("amv-ioctl-test: 0 passed, 1 failed\n");
		return 1;
	}

	memset(&v, 0xaa, sizeof(v));
	rc = ioctl(fd, AMV_IOC_VERSION, &v);
	check(rc == 0 && v.size == sizeof(v) && v.version == AMV_UAPI_VERSION &&
		      v.image_max == AMV_IOC_IMAGE_MAX && v.reserved == 0,
	      "version");

	test_decode(fd);
	test_walk(fd);
	test_hostile(fd);

	/* Still working after the abuse. */
	rc = decode(fd, 0xee010f10u, &d);
	check(rc == 0 && d.cls == AMV_INSN_MCR &&
		      (d.insn_flags & AMV_INSN_F_PRIVILEGED),
	      "decode after hostile calls");
	walk_init(&w, 0x00203abcu, AMV_ACC_READ);
	rc = walk(fd, &w);
	check(rc == 0 && w.status == AMV_WALK_OK && w.pa == 0x50007abcull,
	      "walk after hostile calls");

	close(fd);
	printf("amv-ioctl-test: %u passed, %u failed\n", passed, failed);
	return failed ? 1 : 0;
}
