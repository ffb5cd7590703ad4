/* SPDX-License-Identifier: BSD-2-Clause */
#include <amv/amv_env.h>
#include <amv/error.h>

static const char *const error_text[AMV_E_COUNT] = {
	[0] = "success",
	[AMV_EINVAL] = "invalid argument",
	[AMV_ENOMEM] = "out of pool space",
	[AMV_ERANGE] = "out of range",
	[AMV_ENOTSUP] = "not supported",
	[AMV_EFAULT] = "memory access failed (decode error)",
	[AMV_EIO] = "memory access failed (slave error)",
	[AMV_EBUSY] = "busy",
	[AMV_ENOENT] = "no such object",
};

const char *amv_strerror(int err)
{
	unsigned int code = err < 0 ? 0u - (unsigned int)err : (unsigned int)err;

	if (code >= AMV_E_COUNT)
		return "unknown error";
	return error_text[code];
}
