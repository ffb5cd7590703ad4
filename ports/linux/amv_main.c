// SPDX-License-Identifier: BSD-2-Clause
/*
 * amv as a Linux kernel module: the library's lib/ sources, built with the
 * kernel's environment (amv_env_linux.h), and a self-test run at load time
 * that prints one machine-readable line: "amv: N passed, M failed".
 *
 * The self-test checks the FSR encoder and runs the walker and decoder
 * vectors of tests/vectors/amv_vectors.h, the table the host's test_vectors
 * also runs; it allocates nothing and does not sleep.
 *
 * The module then registers the misc device /dev/amv (dynamic minor; the
 * node comes from devtmpfs/udev, mode 0600) whose ioctls, defined in
 * amv_uapi.h, expose the decoder (AMV_IOC_DECODE) and the walker over a
 * user-supplied translation-table image (AMV_IOC_WALK). The device keeps
 * no state between calls.
 */
#include <linux/build_bug.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <asm/byteorder.h>

#include <amv/amv.h>

#include "amv_uapi.h"

/* The host unit tests run the same vectors (tests/unit/test_vectors.c). */
#include "vectors/amv_vectors.h"

struct selftest {
	unsigned int passed, failed;
};

static void check(struct selftest *t, bool ok, const char *what)
{
	if (ok) {
		t->passed++;
	} else {
		t->failed++;
		pr_err("amv: self-test failed: %s\n", what);
	}
}

static void selftest_fault(struct selftest *t)
{
	/* ARMv7 ARM Table B3-23: level-2 permission fault, domain 5, write. */
	struct amv_fault f = {0x1000, AMV_FAULT_PERMISSION, 2, 5,
			      AMV_FAULT_F_WRITE};
	u32 fsr = 0;

	check(t, amv_fault_fsr(&f, &fsr) == 0 && fsr == 0x85fu,
	      "DFSR of a level-2 permission fault");
	f.type = AMV_FAULT_NONE;
	check(t, amv_fault_fsr(&f, &fsr) == -AMV_EINVAL,
	      "FSR of no fault is -AMV_EINVAL");
}

static void vector_failed(void *ctx, const char *rule)
{
	struct selftest *t = ctx;

	t->failed++;
	pr_err("amv: self-test failed: %s\n", rule);
}

/* Scratch guest memory for the walker vectors: 17 KiB is too much for a
 * kernel stack; only module init uses it. */
static struct amv_vec_mem selftest_mem;

/* ------------------------------------------------------------ /dev/amv */

/* Library errors as errno values: what the library cannot model is
 * EOPNOTSUPP, everything else (arguments out of their domain) EINVAL. */
static long amv_dev_errno(int rc)
{
	return rc == -AMV_ENOTSUP ? -EOPNOTSUPP : -EINVAL;
}

static long amv_ioc_version(void __user *uarg)
{
	struct amv_ioc_version v;

	memset(&v, 0, sizeof(v));
	v.size = sizeof(v);
	v.version = AMV_UAPI_VERSION;
	v.image_max = AMV_IOC_IMAGE_MAX;
	return copy_to_user(uarg, &v, sizeof(v)) ? -EFAULT : 0;
}

static long amv_ioc_decode(void __user *uarg)
{
	struct amv_ioc_decode d;
	struct amv_insn in;
	int rc;

	if (copy_from_user(&d, uarg, sizeof(d)))
		return -EFAULT;
	if (d.size != sizeof(d) || d.flags != 0)
		return -EINVAL;
	if (d.isa != AMV_ISA_A32 && d.isa != AMV_ISA_T32)
		return -EINVAL;
	memset(&in, 0, sizeof(in));
	rc = amv_decode((enum amv_isa)d.isa, d.word, &in);
	if (rc < 0)
		return amv_dev_errno(rc);

	/* Rebuild the whole struct: padding and reserved bytes are 0. */
	memset(&d, 0, sizeof(d));
	d.size = sizeof(d);
	d.word = in.raw;
	d.isa = in.isa;
	d.cls = in.cls;
	d.insn_flags = in.flags;
	d.imm = in.imm;
	d.reglist = in.reglist;
	d.cond = in.cond;
	d.op = in.op;
	d.rd = in.rd;
	d.rn = in.rn;
	d.rm = in.rm;
	d.rs = in.rs;
	d.rt = in.rt;
	d.rt2 = in.rt2;
	d.shift_type = in.shift_type;
	d.shift_imm = in.shift_imm;
	d.xfer_size = in.size;
	d.cp = in.cp;
	d.opc1 = in.opc1;
	d.crn = in.crn;
	d.crd = in.crd;
	d.crm = in.crm;
	d.opc2 = in.opc2;
	d.psr_mask = in.psr_mask;
	d.sysm = in.sysm;
	d.mode = in.mode;
	return copy_to_user(uarg, &d, sizeof(d)) ? -EFAULT : 0;
}

/* Guest physical memory for AMV_IOC_WALK: [base, base + len), a kernel
 * copy of the user's image; len and base are multiples of 4. */
struct amv_dev_image {
	const u8 *buf;
	u64 base;
	u32 len;
};

static int amv_dev_read32(void *ctx, uint64_t pa, uint32_t *val)
{
	const struct amv_dev_image *img = ctx;
	u64 off;

	if (pa < img->base || (pa & 3u) != 0)
		return -AMV_EFAULT;
	off = pa - img->base;
	/* off and len are multiples of 4: off < len means off + 4 <= len. */
	if (off >= img->len)
		return -AMV_EFAULT;
	*val = le32_to_cpup((const __le32 *)(img->buf + off));
	return 0;
}

static long amv_ioc_walk(void __user *uarg)
{
	static const struct amv_port_ops ops = {.read_phys32 = amv_dev_read32};
	struct amv_ioc_walk w;
	struct amv_dev_image img;
	struct amv_port port = {&ops, &img};
	struct amv_regime r;
	struct amv_xlat x;
	struct amv_fault f;
	const void __user *uimg;
	u32 fsr = 0;
	void *buf;
	int rc;

	if (copy_from_user(&w, uarg, sizeof(w)))
		return -EFAULT;
	if (w.size != sizeof(w) || w.flags != 0)
		return -EINVAL;
	if (w.image_len == 0 || w.image_len > AMV_IOC_IMAGE_MAX ||
	    (w.image_len & 3u) != 0 || (w.image_base & 3u) != 0 ||
	    w.image_base > U64_MAX - w.image_len)
		return -EINVAL;
	/* A 64-bit user address that does not fit this kernel's pointers
	 * (32-bit ARM) must not be truncated into a valid one. */
	if (w.image_ptr != (u64)(uintptr_t)w.image_ptr)
		return -EFAULT;
	uimg = u64_to_user_ptr(w.image_ptr);

	buf = kvmalloc(w.image_len, GFP_KERNEL_ACCOUNT);
	if (!buf)
		return -ENOMEM;
	if (copy_from_user(buf, uimg, w.image_len)) {
		kvfree(buf);
		return -EFAULT;
	}
	img.buf = buf;
	img.base = w.image_base;
	img.len = w.image_len;

	memset(&r, 0, sizeof(r));
	r.sctlr = w.sctlr;
	r.ttbr0 = w.ttbr0;
	r.ttbr1 = w.ttbr1;
	r.ttbcr = w.ttbcr;
	r.dacr = w.dacr;
	r.prrr = w.prrr;
	r.nmrr = w.nmrr;
	r.contextidr = w.contextidr;
	r.flags = w.regime_flags;
	/* The walker leaves some fields unspecified: none may reach user
	 * space uninitialised. */
	memset(&x, 0, sizeof(x));
	memset(&f, 0, sizeof(f));
	rc = amv_walk(&r, &port, w.va, w.access, &x, &f);
	kvfree(buf);
	if (rc < 0)
		return amv_dev_errno(rc);
	if (rc == AMV_WALK_FAULT && amv_fault_fsr(&f, &fsr) != 0)
		fsr = 0; /* not encodable: cannot happen for walker faults */

	/* Inputs stay as they were; every output field is rewritten. */
	w.status = rc;
	w.map_size = x.size;
	w.pa = x.pa;
	w.desc_pa[0] = x.desc_pa[0];
	w.desc_pa[1] = x.desc_pa[1];
	w.desc[0] = x.desc[0];
	w.desc[1] = x.desc[1];
	w.kind = x.kind;
	w.level = x.level;
	w.domain = x.domain;
	w.dacr_field = x.dacr;
	w.ap = x.ap;
	w.perm_pl1 = x.perm_pl1;
	w.perm_pl0 = x.perm_pl0;
	w.xlat_flags = x.flags;
	w.attr_type = x.attr.type;
	w.attr_inner = x.attr.inner;
	w.attr_outer = x.attr.outer;
	w.attr_share = x.attr.share;
	if (rc == AMV_WALK_FAULT) {
		w.fault_addr = f.addr;
		w.fault_type = f.type;
		w.fault_level = f.level;
		w.fault_domain = f.domain;
		w.fault_flags = f.flags;
	} else {
		w.fault_addr = 0;
		w.fault_type = 0;
		w.fault_level = 0;
		w.fault_domain = 0;
		w.fault_flags = 0;
	}
	w.fsr = fsr;
	return copy_to_user(uarg, &w, sizeof(w)) ? -EFAULT : 0;
}

static long amv_dev_ioctl(struct file *file, unsigned int cmd,
			  unsigned long arg)
{
	void __user *uarg = (void __user *)arg;

	switch (cmd) {
	case AMV_IOC_VERSION:
		return amv_ioc_version(uarg);
	case AMV_IOC_DECODE:
		return amv_ioc_decode(uarg);
	case AMV_IOC_WALK:
		return amv_ioc_walk(uarg);
	default:
		return -ENOTTY;
	}
}

static const struct file_operations amv_dev_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = amv_dev_ioctl,
	/* The structs have one layout on every ABI; the argument is a
	 * pointer. */
	.compat_ioctl = compat_ptr_ioctl,
	.llseek = noop_llseek,
};

static struct miscdevice amv_miscdev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "amv",
	.fops = &amv_dev_fops,
};

static int __init amv_module_init(void)
{
	struct selftest t = {0, 0};
	int rc;

	/* Fixed layouts (amv_uapi.h): the same on 32- and 64-bit ABIs. */
	BUILD_BUG_ON(sizeof(struct amv_ioc_version) != 16);
	BUILD_BUG_ON(sizeof(struct amv_ioc_decode) != 56);
	BUILD_BUG_ON(sizeof(struct amv_ioc_walk) != 128);
	BUILD_BUG_ON(offsetof(struct amv_ioc_walk, image_ptr) != 56);
	BUILD_BUG_ON(offsetof(struct amv_ioc_walk, pa) != 80);

	selftest_fault(&t);
	t.passed += amv_vectors_run(&selftest_mem, vector_failed, &t);
	pr_info("amv: %u passed, %u failed\n", t.passed, t.failed);

	rc = misc_register(&amv_miscdev);
	if (rc) {
		pr_err("amv: misc_register failed: %d\n", rc);
		return rc;
	}
	return 0;
}

static void __exit amv_module_exit(void)
{
	misc_deregister(&amv_miscdev);
}

module_init(amv_module_init);
module_exit(amv_module_exit);
MODULE_LICENSE("Dual BSD/GPL");
MODULE_DESCRIPTION("amv: ARM MMU virtualization components, self-test, /dev/amv");
