/* SPDX-License-Identifier: BSD-2-Clause */
/**
 * @file error.h
 * @brief Error codes for API misuse and resource problems.
 *
 * @defgroup error Errors
 * @{
 * Functions that can fail return 0 (or a documented non-negative status) on
 * success and a negative `-AMV_E*` code otherwise. An architectural fault the
 * guest must see is never an error: it is a struct amv_fault (see fault.h).
 */
#ifndef AMV_ERROR_H
#define AMV_ERROR_H

#ifdef __cplusplus
extern "C" {
#endif

/** Error codes; functions return them negated. */
enum amv_error {
	AMV_EINVAL = 1,  /**< An argument is out of its documented domain. */
	AMV_ENOMEM = 2,  /**< A caller-provided pool or buffer is too small. */
	AMV_ERANGE = 3,  /**< An address or index is outside the valid range. */
	AMV_ENOTSUP = 4, /**< A valid request this build/configuration cannot do. */
	AMV_EFAULT = 5,  /**< A memory access through the port failed (decode
			      error: no device answers at that address). */
	AMV_EIO = 6,     /**< A memory access through the port failed (slave
			      error: a device answered with an error). */
	AMV_EBUSY = 7,   /**< The object is in use. */
	AMV_ENOENT = 8,  /**< The requested object does not exist. */
	AMV_E_COUNT      /**< Number of codes plus one; not an error. */
};

/**
 * @brief Human-readable text for an error code.
 * @param err An error code, either sign (`-AMV_EINVAL` or `AMV_EINVAL`).
 * @return A static string; "unknown error" for values that are not codes,
 *         "success" for 0.
 */
const char *amv_strerror(int err);

#ifdef __cplusplus
}
#endif

/** @} */
#endif /* AMV_ERROR_H */
