/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The monitor's guest loader: an ELF32 ARM little-endian executable placed
 * in guest RAM at its physical addresses (p_paddr) as a boot loader would,
 * and the load-time patching of its sensitive instructions from the patch
 * table amv-scan --patch writes (docs/amv-scan.md). Pure C, no hardware:
 * unit-tested and fuzzed on the host (tests/monitor).
 *
 * Every offset, size and address in the image and the table is checked
 * before use; a failure returns -1 with a one-line reason and leaves the
 * guest RAM partially written but nothing outside it.
 */
#ifndef MON_LOADER_H
#define MON_LOADER_H

#include <stddef.h>
#include <stdint.h>
#include <amv/vector.h>

/* Guest RAM as the loader sees it. */
struct ld_ram {
	uint32_t gpa;  /* guest physical base */
	uint32_t size; /* bytes */
	uint8_t *host; /* where the loader writes it */
};

/* Copy the PT_LOAD segments into RAM (bytes past p_filesz zeroed); the
 * entry point (physical, as the guest starts with the MMU off) into
 * *entry. */
int ld_load_elf(const uint8_t *img, size_t size, const struct ld_ram *ram,
		uint32_t *entry, const char **err);

/*
 * Apply a patch table to a loaded image: each entry names a virtual
 * address; the loader finds the PT_LOAD segment holding it, checks that
 * guest RAM holds the entry's original word there, and writes UDF #index.
 * Returns the number of entries in *n, and two copies of the table for
 * amv_route(): va[] as written (the guest runs the code at its link
 * address) and pa[] with physical addresses (the same code run with the
 * MMU off, as boot code is). Both arrays hold max entries.
 */
int ld_apply_patches(const uint8_t *img, size_t size, const uint8_t *tab,
		     size_t tabsize, const struct ld_ram *ram,
		     struct amv_patch *va, struct amv_patch *pa, uint32_t max,
		     uint32_t *n, const char **err);

#endif /* MON_LOADER_H */
