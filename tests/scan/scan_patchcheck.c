/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Checks an amv-scan --patch result against the original image:
 *
 *   scan_patchcheck ORIG PATCHED TABLE [BASE]   (BASE: ORIG is a raw image)
 *
 * - TABLE has the documented header (magic "AMVP", version 1, sizes) and
 *   exactly count entries, entry i has index i;
 * - for entry i, ORIG holds the entry's original encoding at its address
 *   and PATCHED holds UDF #i there (A8.8.247: 0xe7f000f0 | imm12 << 8 |
 *   imm4), which the decoder, when available, classifies as UDF;
 * - every other byte of PATCHED equals ORIG, and the sizes agree.
 * On success prints one line per entry: "0xADDRESS ORIGINAL CLASS COND"
 * for the driver to compare with the expected findings.
 */
#include <amv/decode.h>
#include <amv/error.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scan_elf.h"

static uint8_t *slurp(const char *path, size_t *n)
{
	FILE *fp = fopen(path, "rb");
	uint8_t *buf = NULL;
	long len;

	if (fp == NULL || fseek(fp, 0, SEEK_END) != 0 || (len = ftell(fp)) < 0 ||
	    fseek(fp, 0, SEEK_SET) != 0) {
		fprintf(stderr, "scan_patchcheck: cannot read %s\n", path);
		if (fp)
			fclose(fp);
		return NULL;
	}
	buf = malloc((size_t)len + 1);
	if (buf == NULL || fread(buf, 1, (size_t)len, fp) != (size_t)len) {
		fprintf(stderr, "scan_patchcheck: cannot read %s\n", path);
		free(buf);
		fclose(fp);
		return NULL;
	}
	fclose(fp);
	*n = (size_t)len;
	return buf;
}

static uint32_t rd32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static uint32_t rd16(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

#define FAIL(...)                                                              \
	do {                                                                   \
		fprintf(stderr, "scan_patchcheck: " __VA_ARGS__);              \
		fputc('\n', stderr);                                           \
		goto out;                                                      \
	} while (0)

int main(int argc, char **argv)
{
	uint8_t *orig = NULL, *pat = NULL, *tab = NULL, *mark = NULL;
	size_t no = 0, np = 0, nt = 0, i, off;
	struct scan_image img;
	uint32_t count;
	char err[256];
	int rc = 1, loaded = 0;

	if (argc != 4 && argc != 5) {
		fprintf(stderr, "usage: scan_patchcheck ORIG PATCHED TABLE [BASE]\n");
		return 1;
	}
	orig = slurp(argv[1], &no);
	pat = slurp(argv[2], &np);
	tab = slurp(argv[3], &nt);
	if (orig == NULL || pat == NULL || tab == NULL)
		goto out;
	if (argc == 5) {
		if (scan_raw_load(&img, orig, no, (uint32_t)strtoul(argv[4], NULL, 0),
				  err, sizeof(err)) != 0)
			FAIL("%s: %s", argv[1], err);
	} else if (scan_elf_load(&img, orig, no, err, sizeof(err)) != 0) {
		FAIL("%s: %s", argv[1], err);
	}
	loaded = 1;
	if (np != no)
		FAIL("size of %s (%zu) differs from %s (%zu)", argv[2], np, argv[1], no);
	if (nt < 16 || memcmp(tab, "AMVP", 4) != 0)
		FAIL("%s: bad magic", argv[3]);
	if (rd16(tab + 4) != 1 || rd16(tab + 6) != 16 || rd16(tab + 8) != 16 ||
	    rd16(tab + 10) != 0)
		FAIL("%s: bad version/header size/entry size/reserved", argv[3]);
	count = rd32(tab + 12);
	if ((uint64_t)count * 16u + 16u != nt)
		FAIL("%s: count %u does not match the size %zu", argv[3], count, nt);
	mark = calloc(no + 1, 1);
	if (mark == NULL)
		FAIL("out of memory");
	for (i = 0; i < count; i++) {
		const uint8_t *e = tab + 16 + i * 16;
		uint32_t addr = rd32(e + 4), word = rd32(e + 8), cls = rd16(e + 12);
		uint32_t udf = 0xe7f000f0u | (((uint32_t)i & 0xfff0u) << 4) | ((uint32_t)i & 0xfu);
		uint32_t flags = 0;
		int dc;

		if (rd32(e) != i)
			FAIL("entry %zu has index %u", i, rd32(e));
		if (scan_image_offset(&img, addr, 4, &off) != 0)
			FAIL("entry %zu: address 0x%08x outside the executable regions", i, addr);
		if (rd32(orig + off) != word)
			FAIL("entry %zu: original 0x%08x but the image has 0x%08x", i, word,
			     rd32(orig + off));
		if (rd32(pat + off) != udf)
			FAIL("entry %zu: patched word 0x%08x, expected UDF 0x%08x", i,
			     rd32(pat + off), udf);
		if (e[14] != word >> 28)
			FAIL("entry %zu: cond %u, encoding says %u", i, e[14], word >> 28);
		if (!(e[15] & 0x02u))
			FAIL("entry %zu: SENSITIVE flag not set (flags 0x%02x)", i, e[15]);
		dc = amv_decode_class(AMV_ISA_A32, udf, &flags);
		if (dc >= 0 && dc != AMV_INSN_UDF)
			FAIL("entry %zu: decoder says %s for the UDF 0x%08x", i,
			     amv_insn_class_name((unsigned)dc), udf);
		if (mark[off] || mark[off + 1] || mark[off + 2] || mark[off + 3])
			FAIL("entry %zu: word at 0x%08x patched twice", i, addr);
		memset(mark + off, 1, 4);
		printf("0x%08x %08x %s %u\n", addr, word, amv_insn_class_name(cls), e[14]);
	}
	for (i = 0; i < no; i++)
		if (!mark[i] && orig[i] != pat[i])
			FAIL("byte at file offset 0x%zx changed (0x%02x -> 0x%02x) but is "
			     "not a patched word", i, orig[i], pat[i]);
	rc = 0;
out:
	if (loaded)
		scan_image_free(&img);
	free(orig);
	free(pat);
	free(tab);
	free(mark);
	return rc;
}
