/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Fuzz target for the example monitor's guest loader (examples/monitor/
 * loader.c). Input: u16 LE image size, u8 max table entries, then the ELF
 * image (its size clipped to what is there) and the rest as the patch
 * table. Both ld_load_elf() and ld_apply_patches() run on them (the second
 * whatever the first returned) against 4 KiB of guest RAM at 0x80000000
 * with guard bytes either side. Properties, checked in every build:
 *  - nothing outside RAM is written (the guard bytes; ASan beyond them);
 *  - a failure returns -1 with a message, and *n = 0 from the patcher;
 *  - a loaded entry point is word-aligned and in RAM;
 *  - an applied table has n <= max entries, va[i] and pa[i] differ only in
 *    the address, pa[i] is a word in RAM holding a UDF.
 * Built like tests/fuzz: fuzz_loader (clang, libFuzzer) and
 * fuzz_loader_replay (ctest, over tests/monitor/corpus).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "loader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                           \
	do {                                                                  \
		if (!(cond)) {                                                \
			fprintf(stderr, "fuzz_loader: %s\n", #cond);          \
			abort();                                              \
		}                                                             \
	} while (0)

#define RAM_GPA 0x80000000u
#define RAM_SIZE 0x1000u
#define GUARD 64u
#define GUARD_BYTE 0xccu
#define MAX_PATCHES 256u

static void check_guards(const uint8_t *block)
{
	uint32_t i;

	for (i = 0; i < GUARD; i++) {
		CHECK(block[i] == GUARD_BYTE);
		CHECK(block[GUARD + RAM_SIZE + i] == GUARD_BYTE);
	}
}

static uint32_t word_at(const struct ld_ram *ram, uint32_t gpa)
{
	const uint8_t *p = ram->host + (gpa - ram->gpa);

	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct amv_patch va[MAX_PATCHES], pa[MAX_PATCHES];
	uint8_t *img, *tab;
	size_t img_size, tab_size;
	struct ld_ram ram;
	uint8_t *block;
	const char *err;
	uint32_t entry, max, n, i;
	int rc;

	if (size < 3)
		return 0;
	img_size = (size_t)data[0] | (size_t)data[1] << 8;
	max = data[2];
	if (img_size > size - 3)
		img_size = size - 3;
	tab_size = size - 3 - img_size;

	/* Heap copies: ASan then sees any read past the end of either. */
	img = malloc(img_size ? img_size : 1);
	tab = malloc(tab_size ? tab_size : 1);
	CHECK(img != NULL && tab != NULL);
	if (img_size)
		memcpy(img, data + 3, img_size);
	if (tab_size)
		memcpy(tab, data + 3 + img_size, tab_size);
	block = malloc(RAM_SIZE + 2 * GUARD);
	CHECK(block != NULL);
	memset(block, GUARD_BYTE, RAM_SIZE + 2 * GUARD);
	ram.gpa = RAM_GPA;
	ram.size = RAM_SIZE;
	ram.host = block + GUARD;

	err = NULL;
	rc = ld_load_elf(img, img_size, &ram, &entry, &err);
	check_guards(block);
	if (rc == 0) {
		CHECK((entry & 3u) == 0);
		CHECK(entry - RAM_GPA < RAM_SIZE);
	} else {
		CHECK(rc == -1 && err != NULL);
	}

	err = NULL;
	n = 0xdeadu;
	rc = ld_apply_patches(img, img_size, tab, tab_size, &ram, va, pa, max,
			      &n, &err);
	check_guards(block);
	if (rc == 0) {
		CHECK(n <= max);
		for (i = 0; i < n; i++) {
			uint32_t w;

			CHECK(va[i].index == i && pa[i].index == i);
			CHECK(va[i].original == pa[i].original);
			CHECK(va[i].cls == pa[i].cls && va[i].cond == pa[i].cond);
			CHECK(va[i].flags == pa[i].flags);
			CHECK((va[i].address & 3u) == 0);
			CHECK(pa[i].address - RAM_GPA <= RAM_SIZE - 4);
			/* UDF #j, j >= i: a later entry may repatch it. */
			w = word_at(&ram, pa[i].address);
			CHECK((w & 0xfff000f0u) == 0xe7f000f0u);
			CHECK((((w >> 4) & 0xfff0u) | (w & 0xfu)) >= i);
		}
	} else {
		CHECK(rc == -1 && err != NULL && n == 0);
	}

	free(block);
	free(img);
	free(tab);
	return 0;
}
