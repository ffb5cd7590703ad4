/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * amv environment for Linux kernel context: kernel types, string functions
 * and WARN_ON for internal invariants. Selected with
 * -DAMV_ENV_HEADER='"amv_env_linux.h"' (ports/linux/Kbuild).
 */
#ifndef AMV_ENV_LINUX_H
#define AMV_ENV_LINUX_H

#include <linux/bug.h>
#include <linux/stddef.h>
#include <linux/string.h>
#include <linux/types.h>

#define AMV_ASSERT(x) WARN_ON(!(x))
#define amv_memset(d, c, n) memset((d), (c), (n))
#define amv_memcpy(d, s, n) memcpy((d), (s), (n))

#endif /* AMV_ENV_LINUX_H */
