/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Decoder micro-benchmark driver:
 *   bench_decode MODE N [ELF]
 * decodes the same deterministic stream of N A32 words with one of
 *   class      amv_decode_class()
 *   decode     amv_decode()
 *   cs         Capstone cs_disasm_iter(), detail off
 *   cs-detail  Capstone cs_disasm_iter(), detail on
 * The stream is a seeded synthetic mix (60% data processing, 25% loads and
 * stores, 10% branches, 5% system/coprocessor) or, with ELF, the words of
 * the .text section of a 32-bit little-endian ELF file, repeated to N.
 * run-bench-decode.sh runs each mode under callgrind with collection
 * toggled on the decoding function and divides the count by N.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <capstone/capstone.h>

#include <amv/decode.h>

#include "prng.h"

#define SEED 20260401u

static uint32_t cond_of(struct prng *p)
{
	return prng_pct(p, 85) ? 0xeu : prng_below(p, 14); /* mostly AL */
}

static uint32_t reg(struct prng *p)
{
	return prng_below(p, 16);
}

static uint32_t synth(struct prng *p)
{
	uint32_t r = prng_below(p, 100), c = cond_of(p) << 28, k;

	if (r < 60) { /* data processing: reg, imm, reg-shifted, mul, mov */
		k = prng_below(p, 10);
		if (k < 4) /* register, immediate shift */
			return c | prng_below(p, 16) << 21 | prng_below(p, 2) << 20 |
			       reg(p) << 16 | reg(p) << 12 | prng_below(p, 32) << 7 |
			       prng_below(p, 4) << 5 | reg(p);
		if (k < 8) /* modified immediate */
			return c | 0x02000000u | prng_below(p, 16) << 21 |
			       prng_below(p, 2) << 20 | reg(p) << 16 | reg(p) << 12 |
			       (prng_next(p) & 0xfffu);
		if (k < 9) /* MOVW/MOVT */
			return c | 0x03000000u | prng_below(p, 2) << 22 | (prng_next(p) & 0xf0000u) |
			       reg(p) << 12 | (prng_next(p) & 0xfffu);
		return c | 0x00000090u | prng_below(p, 2) << 21 | reg(p) << 16 | reg(p) << 12 |
		       reg(p) << 8 | reg(p); /* MUL/MLA */
	}
	if (r < 85) { /* loads and stores */
		k = prng_below(p, 10);
		if (k < 6) /* LDR/STR{B} immediate, offset or pre/post */
			return c | 0x04000000u | prng_below(p, 32) << 20 | reg(p) << 16 |
			       reg(p) << 12 | (prng_next(p) & 0xffu) << 2;
		if (k < 7) /* register offset */
			return c | 0x06000000u | prng_below(p, 32) << 20 | reg(p) << 16 |
			       reg(p) << 12 | prng_below(p, 4) << 7 | reg(p);
		if (k < 8) /* LDRH/STRH immediate */
			return c | 0x01c000b0u | prng_below(p, 2) << 20 | reg(p) << 16 |
			       reg(p) << 12 | (prng_next(p) & 0xf0fu);
		return k < 9 ? (c | 0x092d0000u | (prng_next(p) & 0x5fffu))  /* PUSH */
			     : (c | 0x08bd0000u | (prng_next(p) & 0x9fffu)); /* POP */
	}
	if (r < 95) { /* branches */
		k = prng_below(p, 10);
		if (k < 5)
			return c | 0x0a000000u | (prng_next(p) & 0x00ffffu);
		if (k < 8)
			return 0xeb000000u | (prng_next(p) & 0xffffffu);
		return 0xe12fff10u | (k == 9 ? 0x20u : 0u) | reg(p); /* BX / BLX */
	}
	switch (prng_below(p, 8)) { /* system and coprocessor */
	case 0: /* MCR/MRC p15 */
		return 0xee000f10u | prng_below(p, 2) << 20 | prng_below(p, 8) << 21 |
		       prng_below(p, 16) << 16 | reg(p) << 12 | prng_below(p, 8) << 5 |
		       prng_below(p, 16);
	case 1:
		return 0xe10f0000u | reg(p) << 12; /* MRS */
	case 2:
		return 0xe120f000u | prng_below(p, 16) << 16 | reg(p); /* MSR */
	case 3:
		return 0xef000000u | (prng_next(p) & 0xffffffu); /* SVC */
	case 4:
		return 0xf57ff050u | prng_below(p, 16); /* DMB */
	case 5:
		return 0xf10c0080u; /* CPSID i */
	case 6:
		return 0xeef10a10u | reg(p) << 12; /* VMRS */
	default:
		return 0xe320f003u; /* WFI */
	}
}

/* Words of .text of a 32-bit little-endian ELF; NULL on any problem. */
static uint32_t *elf_text(const char *path, size_t *nwords)
{
	FILE *f = fopen(path, "rb");
	unsigned char *img = NULL;
	uint32_t *w = NULL;
	long sz;
	size_t i;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (sz = ftell(f)) < 52 ||
	    fseek(f, 0, SEEK_SET) != 0 || (img = malloc((size_t)sz)) == NULL ||
	    fread(img, 1, (size_t)sz, f) != (size_t)sz)
		goto out;
	if (memcmp(img, "\177ELF", 4) != 0 || img[4] != 1 || img[5] != 1)
		goto out;
	{
#define U16(o) ((uint32_t)img[o] | (uint32_t)img[(o) + 1] << 8)
#define U32(o) (U16(o) | U16((o) + 2) << 16)
		uint32_t shoff = U32(32), shentsize = U16(46), shnum = U16(48);
		uint32_t shstrndx = U16(50), stroff;

		if (shoff == 0 || shentsize < 40 ||
		    (uint64_t)shoff + (uint64_t)shnum * shentsize > (uint64_t)sz ||
		    shstrndx >= shnum)
			goto out;
		stroff = U32(shoff + shstrndx * shentsize + 16);
		for (i = 0; i < shnum; i++) {
			uint32_t sh = shoff + (uint32_t)i * shentsize;
			uint32_t name = U32(sh), off = U32(sh + 16), len = U32(sh + 20);
			size_t k;

			if ((uint64_t)stroff + name + 6 > (uint64_t)sz ||
			    memcmp(img + stroff + name, ".text", 6) != 0)
				continue;
			if ((uint64_t)off + len > (uint64_t)sz || len < 4)
				goto out;
			*nwords = len / 4;
			w = malloc(*nwords * sizeof(*w));
			for (k = 0; w != NULL && k < *nwords; k++)
				w[k] = U32(off + 4 * k);
			break;
		}
#undef U16
#undef U32
	}
out:
	free(img);
	if (f != NULL)
		fclose(f);
	return w;
}

int main(int argc, char **argv)
{
	unsigned long n, i;
	uint32_t *words, *src = NULL;
	size_t nsrc = 0;
	volatile uint32_t sink = 0;
	const char *mode;

	if (argc < 3 || argc > 4 || (n = strtoul(argv[2], NULL, 0)) == 0) {
		fprintf(stderr, "usage: bench_decode class|decode|cs|cs-detail N [ELF]\n");
		return 2;
	}
	mode = argv[1];
	words = malloc(n * sizeof(*words));
	if (words == NULL)
		return 2;
	if (argc == 4) {
		src = elf_text(argv[3], &nsrc);
		if (src == NULL) {
			fprintf(stderr, "bench_decode: no .text in %s\n", argv[3]);
			return 2;
		}
		for (i = 0; i < n; i++)
			words[i] = src[i % nsrc];
		free(src);
	} else {
		struct prng p;

		prng_seed(&p, SEED);
		for (i = 0; i < n; i++)
			words[i] = synth(&p);
	}

	if (strcmp(mode, "class") == 0) {
		for (i = 0; i < n; i++)
			sink += (uint32_t)amv_decode_class(AMV_ISA_A32, words[i], NULL);
	} else if (strcmp(mode, "decode") == 0) {
		struct amv_insn in;

		for (i = 0; i < n; i++) {
			amv_decode(AMV_ISA_A32, words[i], &in);
			sink += in.cls;
		}
	} else if (strcmp(mode, "cs") == 0 || strcmp(mode, "cs-detail") == 0) {
		csh h;
		cs_insn *ci;

		if (cs_open(CS_ARCH_ARM, CS_MODE_ARM, &h) != CS_ERR_OK ||
		    cs_option(h, CS_OPT_DETAIL,
			      strcmp(mode, "cs") == 0 ? CS_OPT_OFF : CS_OPT_ON) != CS_ERR_OK)
			return 2;
		ci = cs_malloc(h);
		for (i = 0; i < n; i++) {
			const uint8_t *code = (const uint8_t *)&words[i]; /* host is LE */
			size_t size = 4;
			uint64_t addr = 0x8000;

			if (cs_disasm_iter(h, &code, &size, &addr, ci))
				sink += ci->id;
		}
		cs_free(ci, 1);
		cs_close(&h);
	} else {
		fprintf(stderr, "bench_decode: unknown mode %s\n", mode);
		return 2;
	}
	printf("%s: %lu words, sink %u\n", mode, n, (unsigned int)sink);
	free(words);
	return 0;
}
