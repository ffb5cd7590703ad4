/* SPDX-License-Identifier: BSD-2-Clause */
/* Function attributes the library's sources share (private). */
#ifndef AMV_LIB_ATTR_H
#define AMV_LIB_ATTR_H

#if defined(__GNUC__)
/* Out of line: keeps a hot caller's frame and register pressure small. */
#define NOINLINE __attribute__((__noinline__))
/* Out of line and rarely run (fault and error paths). */
#define COLD __attribute__((__cold__, __noinline__))
#else
#define NOINLINE
#define COLD
#endif

#endif /* AMV_LIB_ATTR_H */
