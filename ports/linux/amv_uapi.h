/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * amv_uapi.h: the ioctl interface of /dev/amv (amv.ko, ports/linux).
 *
 * Included by the module and by user space (ports/linux/amv_ioctl_test.c);
 * only <linux/types.h> and <linux/ioctl.h> are needed. Every struct has a
 * fixed layout: __u32/__u64 fields, __u64 fields on 8-byte offsets,
 * explicit padding, no pointers (user pointers travel as __u64), so it is
 * the same on 32- and 64-bit ABIs (compat ioctls need no translation).
 *
 * Each request starts with `size`, which the caller sets to sizeof the
 * struct (the kernel refuses any other value with EINVAL), and `flags`,
 * which must be 0 (reserved for later versions). The kernel writes the
 * whole struct back, padding and reserved fields zeroed; the numeric
 * values of classes, flags, fault types, ... are those of the library's
 * public headers (include/amv/decode.h, walk.h, fault.h).
 *
 * Errors (errno): EFAULT for a bad pointer (the ioctl argument or the
 * table image); EINVAL for a wrong size field, non-zero flags or reserved
 * input, an unknown isa or access value, a bad image length or base;
 * EOPNOTSUPP where the library has no model (T32 decode, TTBCR.EAE = 1,
 * SCTLR.XP = 0); ENOMEM if the image buffer cannot be allocated; ENOTTY
 * for an unknown ioctl command.
 */
#ifndef AMV_UAPI_H
#define AMV_UAPI_H

#include <linux/ioctl.h>
#include <linux/types.h>

/* Interface version reported by AMV_IOC_VERSION. */
#define AMV_UAPI_VERSION 1u

/* Largest translation-table image AMV_IOC_WALK accepts (1 MiB). */
#define AMV_IOC_IMAGE_MAX (1u << 20)

/* AMV_IOC_VERSION: nothing in, everything out. */
struct amv_ioc_version {
	__u32 size;          /* out: sizeof(struct amv_ioc_version) */
	__u32 version;       /* out: AMV_UAPI_VERSION */
	__u32 image_max;     /* out: AMV_IOC_IMAGE_MAX */
	__u32 reserved;      /* out: 0 */
};

/* AMV_IOC_DECODE: decode one instruction (amv_decode()). */
struct amv_ioc_decode {
	__u32 size;          /* in: sizeof(struct amv_ioc_decode) */
	__u32 flags;         /* in: 0 */
	__u32 word;          /* in: the instruction word */
	__u32 isa;           /* in: enum amv_isa (0 = A32; 1 = T32 gives
				EOPNOTSUPP for now) */
	/* out: the fields of struct amv_insn */
	__u32 cls;           /* enum amv_insn_class */
	__u32 insn_flags;    /* AMV_INSN_F_* */
	__u32 imm;
	__u32 reglist;       /* LDM/STM register list (16 bits used) */
	__u8 cond;
	__u8 op;
	__u8 rd;             /* registers: 0..15 or AMV_REG_NONE (0xff) */
	__u8 rn;
	__u8 rm;
	__u8 rs;
	__u8 rt;
	__u8 rt2;
	__u8 shift_type;
	__u8 shift_imm;
	__u8 xfer_size;      /* amv_insn::size: bytes per register */
	__u8 cp;
	__u8 opc1;
	__u8 crn;
	__u8 crd;
	__u8 crm;
	__u8 opc2;
	__u8 psr_mask;
	__u8 sysm;
	__u8 mode;
	__u8 pad[4];         /* out: 0 */
};

/*
 * AMV_IOC_WALK: translate one VA (amv_walk()) over a user-supplied
 * translation-table image. The kernel copies image_len bytes from
 * image_ptr and treats them as guest physical memory
 * [image_base, image_base + image_len); a table read outside that range
 * fails with -AMV_EFAULT, which the walker reports as a synchronous
 * external abort on the translation table walk (ExT = 0). Words are read
 * little-endian (the walker swaps them itself when SCTLR.EE = 1).
 * image_len: 4..AMV_IOC_IMAGE_MAX, a multiple of 4; image_base: a multiple
 * of 4, image_base + image_len must not exceed 2^64 - 1.
 */
struct amv_ioc_walk {
	__u32 size;          /* in: sizeof(struct amv_ioc_walk) */
	__u32 flags;         /* in: 0 */
	/* in: struct amv_regime */
	__u32 sctlr;
	__u32 ttbr0;
	__u32 ttbr1;
	__u32 ttbcr;
	__u32 dacr;
	__u32 prrr;
	__u32 nmrr;
	__u32 contextidr;
	__u32 regime_flags;  /* AMV_REGIME_* */
	__u32 va;
	__u32 access;        /* enum amv_access | AMV_ACC_USER */
	__u32 image_len;     /* bytes */
	__u64 image_ptr;     /* user address of the image */
	__u64 image_base;    /* guest physical address of its first byte */
	/* out */
	__s32 status;        /* 0 = AMV_WALK_OK, 1 = AMV_WALK_FAULT */
	__u32 map_size;      /* amv_xlat::size */
	__u64 pa;            /* amv_xlat::pa */
	__u32 desc_pa[2];    /* L1, L2 descriptor addresses (0: not read) */
	__u32 desc[2];       /* L1, L2 descriptors */
	__u8 kind;           /* enum amv_map_kind */
	__u8 level;
	__u8 domain;
	__u8 dacr_field;     /* amv_xlat::dacr */
	__u8 ap;
	__u8 perm_pl1;       /* AMV_PERM_* */
	__u8 perm_pl0;
	__u8 xlat_flags;     /* AMV_XLAT_* */
	__u8 attr_type;      /* enum amv_memtype */
	__u8 attr_inner;     /* enum amv_cache */
	__u8 attr_outer;
	__u8 attr_share;     /* enum amv_share */
	/* out, status 1 only (0 otherwise): struct amv_fault and its FSR */
	__u32 fault_addr;
	__u8 fault_type;     /* enum amv_fault_type */
	__u8 fault_level;
	__u8 fault_domain;
	__u8 fault_flags;    /* AMV_FAULT_F_* */
	__u32 fsr;           /* amv_fault_fsr(): DFSR, or IFSR for fetches */
};

#define AMV_IOC_MAGIC 0xb7
#define AMV_IOC_VERSION _IOR(AMV_IOC_MAGIC, 0, struct amv_ioc_version)
#define AMV_IOC_DECODE _IOWR(AMV_IOC_MAGIC, 1, struct amv_ioc_decode)
#define AMV_IOC_WALK _IOWR(AMV_IOC_MAGIC, 2, struct amv_ioc_walk)

#endif /* AMV_UAPI_H */
