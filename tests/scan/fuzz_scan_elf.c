/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Fuzz target for the amv-scan image reader (examples/amv-scan/scan_elf.c):
 * parse the input as an ELF, and as a raw image at a base taken from its
 * first word; on success walk every region the way amv-scan does (span by
 * span through the mapping symbols, reading every word through
 * scan_image_offset) so that a wrong bound shows up as an ASan report.
 * Built with libFuzzer (target scan_fuzz_elf_libfuzzer, clang) or with the
 * replay main in fuzz_replay.c (ctest scan_fuzz_replay).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "scan_elf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static volatile uint32_t sink;

static void walk(const struct scan_image *img)
{
	size_t i, off;

	for (i = 0; i < img->nregions; i++) {
		const struct scan_region *r = &img->regions[i];
		uint64_t a = r->addr, end = (uint64_t)r->addr + r->size, span_end;

		if (r->offset > img->size || r->size > img->size - r->offset)
			abort();
		while (a < end) {
			enum scan_kind k = scan_region_kind(img, r, (uint32_t)a, &span_end);

			if (span_end <= a || span_end > end)
				abort();
			if (k == SCAN_KIND_ARM || k == SCAN_KIND_UNMARKED) {
				uint64_t w = (a + 3u) & ~(uint64_t)3u;

				for (; w + 4 <= span_end; w += 4) {
					if (scan_image_offset(img, (uint32_t)w, 4, &off) != 0)
						abort();
					sink ^= (uint32_t)img->data[off] ^
						img->data[off + 3];
				}
			}
			a = span_end;
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct scan_image img;
	char err[256];
	uint32_t base;

	if (scan_elf_load(&img, data, size, err, sizeof(err)) == 0) {
		walk(&img);
		scan_image_free(&img);
	}
	if (size >= 4) {
		base = ((uint32_t)data[0] | (uint32_t)data[1] << 8 |
			(uint32_t)data[2] << 16 | (uint32_t)data[3] << 24) & ~3u;
		if (scan_raw_load(&img, data, size, base, err, sizeof(err)) == 0) {
			walk(&img);
			scan_image_free(&img);
		}
	}
	return 0;
}
