/* SPDX-License-Identifier: BSD-2-Clause */
/**
 * @file amv_env.h
 * @brief The only place the library touches its C environment.
 *
 * A port that cannot use the defaults below (the Linux kernel, a monitor
 * with its own libc) compiles the library with
 * `-DAMV_ENV_HEADER="my_env.h"`; that header must provide:
 *
 *  - the fixed-width integer types `uint8_t` ... `uint64_t`, `int32_t`,
 *    `uintptr_t`, `size_t`, `bool`/`true`/`false` and `NULL`;
 *  - `AMV_ASSERT(expr)`: checks an internal invariant (never input
 *    validation: bad input is reported with `-AMV_E*` codes);
 *  - `amv_memset(dst, byte, n)` and `amv_memcpy(dst, src, n)`.
 *
 * Hosted builds use the C library. Freestanding builds (`__STDC_HOSTED__`
 * is 0, e.g. `-ffreestanding`) use the compiler's own `<stdint.h>`,
 * `<stddef.h>` and `<stdbool.h>` and the `__builtin_mem*` functions; GCC may
 * lower those to calls to `memset`/`memcpy`, which the final image must
 * provide (the bare-metal port does).
 */
#ifndef AMV_ENV_H
#define AMV_ENV_H

#if defined(AMV_ENV_HEADER)
#include AMV_ENV_HEADER
#elif defined(__STDC_HOSTED__) && __STDC_HOSTED__ == 0
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#define AMV_ASSERT(x)                                                          \
	do {                                                                   \
		if (!(x))                                                      \
			__builtin_trap();                                      \
	} while (0)
#define amv_memset(d, c, n) __builtin_memset((d), (c), (n))
#define amv_memcpy(d, s, n) __builtin_memcpy((d), (s), (n))
#else
#include <assert.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#define AMV_ASSERT(x) assert(x)
#define amv_memset(d, c, n) memset((d), (c), (n))
#define amv_memcpy(d, s, n) memcpy((d), (s), (n))
#endif

/**
 * @def AMV_ASSERT(x)
 * @brief Check the internal invariant @p x; a failure stops the program
 * (`assert()` hosted, `__builtin_trap()` freestanding). Never used for input
 * validation.
 */
/**
 * @def amv_memset(d, c, n)
 * @brief Set @p n bytes at @p d to the byte value @p c, as `memset()`.
 */
/**
 * @def amv_memcpy(d, s, n)
 * @brief Copy @p n bytes from @p s to @p d (non-overlapping), as `memcpy()`.
 */

#endif /* AMV_ENV_H */
