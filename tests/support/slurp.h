/* SPDX-License-Identifier: BSD-2-Clause */
/* Whole-file reads for the oracle host tools. */
#ifndef AMV_TEST_SLURP_H
#define AMV_TEST_SLURP_H

#include <stddef.h>

/* The contents of @path (malloc'd; *len bytes), or NULL with errno set. */
void *slurp(const char *path, size_t *len);

#endif /* AMV_TEST_SLURP_H */
