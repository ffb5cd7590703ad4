/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Host tests of the example monitor's guest loader (examples/monitor/
 * loader.c): ELF32 images and amv-scan patch tables (docs/amv-scan.md,
 * "Patch table") are built in memory, loaded into a guest RAM buffer with
 * guard bytes on both sides, and every rejection is checked to return -1
 * with its reason and to leave everything outside RAM untouched.
 *
 * With AMV_SCAN=<path of amv-scan> (ctest sets it when the tool is built),
 * one test checks the loader against the tool itself: the original image
 * loaded and patched from amv-scan's table equals the image amv-scan
 * patched, loaded. Without it that test skips (fails under AMV_NO_SKIP).
 *
 * `test_loader --write-corpus DIR` writes the seed inputs of fuzz_loader
 * (tests/monitor/corpus) from the same builders.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "loader.h"

/* ------------------------------------------------------------ byte buffers */

/* A growable little-endian byte buffer: writes past the end extend it with
 * zeros, so an image or table is described by where its fields go. */
struct buf {
	uint8_t *p;
	size_t size, cap;
};

static void buf_reserve(struct buf *b, size_t end)
{
	if (end > b->cap) {
		size_t cap = b->cap ? b->cap : 256;

		while (cap < end)
			cap *= 2;
		b->p = realloc(b->p, cap);
		assert_non_null(b->p);
		memset(b->p + b->cap, 0, cap - b->cap);
		b->cap = cap;
	}
	if (end > b->size)
		b->size = end;
}

static void put8(struct buf *b, size_t off, uint32_t v)
{
	buf_reserve(b, off + 1);
	b->p[off] = (uint8_t)v;
}

static void put16(struct buf *b, size_t off, uint32_t v)
{
	put8(b, off, v & 0xffu);
	put8(b, off + 1, v >> 8);
}

static void put32(struct buf *b, size_t off, uint32_t v)
{
	put16(b, off, v & 0xffffu);
	put16(b, off + 2, v >> 16);
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static void buf_free(struct buf *b)
{
	free(b->p);
	memset(b, 0, sizeof(*b));
}

/* ------------------------------------------------------------ ELF builder */

#define EH_SIZE 52u
#define PH_SIZE 32u
#define PT_LOAD 1u
#define PT_NOTE 4u
#define PF_X 1u
#define PF_W 2u
#define PF_R 4u

/* ELF header of an ARM LE executable with phnum program headers right
 * after it; no section headers (e_shoff = 0). */
static void elf_header(struct buf *b, uint32_t entry, uint32_t phnum)
{
	static const uint8_t ident[16] = { 0x7f, 'E', 'L', 'F', 1, 1, 1 };
	size_t i;

	for (i = 0; i < sizeof(ident); i++)
		put8(b, i, ident[i]);
	put16(b, 16, 2);          /* e_type ET_EXEC */
	put16(b, 18, 40);         /* e_machine EM_ARM */
	put32(b, 20, 1);          /* e_version */
	put32(b, 24, entry);      /* e_entry */
	put32(b, 28, EH_SIZE);    /* e_phoff */
	put32(b, 32, 0);          /* e_shoff */
	put32(b, 36, 0x05000200); /* e_flags: EABI5, hard float */
	put16(b, 40, EH_SIZE);    /* e_ehsize */
	put16(b, 42, PH_SIZE);    /* e_phentsize */
	put16(b, 44, phnum);      /* e_phnum */
	put16(b, 46, 40);         /* e_shentsize */
	buf_reserve(b, EH_SIZE + phnum * PH_SIZE);
}

struct seg {
	uint32_t type, off, vaddr, paddr, filesz, memsz, flags;
};

static void elf_phdr(struct buf *b, uint32_t i, const struct seg *s)
{
	size_t ph = EH_SIZE + i * PH_SIZE;

	put32(b, ph + 0, s->type);
	put32(b, ph + 4, s->off);
	put32(b, ph + 8, s->vaddr);
	put32(b, ph + 12, s->paddr);
	put32(b, ph + 16, s->filesz);
	put32(b, ph + 20, s->memsz);
	put32(b, ph + 24, s->flags);
	put32(b, ph + 28, 4);
}

/* Contents of a segment: word k of the file part is pattern(seed, k). */
static uint32_t pattern(uint32_t seed, uint32_t k)
{
	return (seed * 0x9e3779b9u) ^ (k * 0x01000193u) ^ 0x5a5a0000u;
}

static void elf_fill(struct buf *b, const struct seg *s, uint32_t seed)
{
	uint32_t k;

	for (k = 0; k < s->filesz; k++)
		put8(b, s->off + k, pattern(seed, k / 4) >> (8 * (k % 4)));
}

/* The guest RAM of most tests, and the standard image placed in it:
 *  text: link address TEXT_VA, loaded at RAM_GPA (p_vaddr != p_paddr);
 *  data: p_vaddr = p_paddr = RAM_GPA + 0x800, 0x20 bytes of file and
 *        0xe0 bytes of bss. Entry at the start of text (physical). */
#define RAM_GPA 0x80000000u
#define RAM_SIZE 0x1000u
#define GUARD 64u
#define TEXT_VA 0xc0008000u
#define DATA_PA (RAM_GPA + 0x800u)

static const struct seg std_text = { PT_LOAD, 0x100, TEXT_VA, RAM_GPA,
				     0x40, 0x40, PF_R | PF_X };
static const struct seg std_data = { PT_LOAD, 0x140, DATA_PA, DATA_PA,
				     0x20, 0x100, PF_R | PF_W };

/* An image from n segments, each filled with pattern(i + 1, k). */
static void elf_build(struct buf *b, uint32_t entry, const struct seg *segs,
		      uint32_t n)
{
	uint32_t i;

	elf_header(b, entry, n);
	for (i = 0; i < n; i++) {
		elf_phdr(b, i, &segs[i]);
		elf_fill(b, &segs[i], i + 1);
	}
}

static void elf_std(struct buf *b)
{
	const struct seg segs[2] = { std_text, std_data };

	elf_build(b, RAM_GPA, segs, 2);
}

/* ------------------------------------------------------------ patch tables */

#define UDF(i) (0xe7f000f0u | (((i) & 0xfff0u) << 4) | ((i) & 0xfu))

static void tab_header(struct buf *t, uint32_t count)
{
	put8(t, 0, 'A');
	put8(t, 1, 'M');
	put8(t, 2, 'V');
	put8(t, 3, 'P');
	put16(t, 4, 1);
	put16(t, 6, 16);
	put16(t, 8, 16);
	put16(t, 10, 0);
	put32(t, 12, count);
}

static void tab_entry(struct buf *t, uint32_t i, uint32_t index, uint32_t addr,
		      uint32_t orig, uint32_t cls, uint32_t flags)
{
	size_t e = 16 + 16 * (size_t)i;

	put32(t, e, index);
	put32(t, e + 4, addr);
	put32(t, e + 8, orig);
	put16(t, e + 12, cls);
	put8(t, e + 14, orig >> 28);
	put8(t, e + 15, flags);
}

/* Entry i of a table naming word k of the standard text segment. */
static void tab_text_word(struct buf *t, uint32_t i, uint32_t k)
{
	tab_entry(t, i, i, TEXT_VA + 4 * k, pattern(1, k), 7 + i, 0x02);
}

/* ------------------------------------------------------------ guest RAM */

#define FILL 0xa5u
#define GUARD_BYTE 0xccu

/* Guest RAM in a heap block with GUARD bytes either side (and ASan's
 * redzones beyond those). */
struct gram {
	uint8_t *block;
	struct ld_ram r;
};

static void gram_init(struct gram *g, uint32_t gpa, uint32_t size)
{
	g->block = malloc(size + 2 * GUARD);
	assert_non_null(g->block);
	memset(g->block, GUARD_BYTE, GUARD);
	memset(g->block + GUARD, FILL, size);
	memset(g->block + GUARD + size, GUARD_BYTE, GUARD);
	g->r.gpa = gpa;
	g->r.size = size;
	g->r.host = g->block + GUARD;
}

static void assert_guards_intact(const struct gram *g)
{
	uint32_t i;

	for (i = 0; i < GUARD; i++) {
		assert_int_equal(g->block[i], GUARD_BYTE);
		assert_int_equal(g->block[GUARD + g->r.size + i], GUARD_BYTE);
	}
}

static void gram_free(struct gram *g)
{
	assert_guards_intact(g);
	free(g->block);
}

static uint8_t *at(const struct gram *g, uint32_t gpa)
{
	return g->r.host + (gpa - g->r.gpa);
}

/* ------------------------------------------------------------ helpers */

static void assert_loads(const struct buf *b, const struct gram *g,
			 uint32_t *entry)
{
	const char *err = NULL;
	int rc = ld_load_elf(b->p, b->size, &g->r, entry, &err);

	if (rc != 0)
		fail_msg("ld_load_elf: %s", err ? err : "(no message)");
	assert_guards_intact(g);
}

/* ld_load_elf rejects image b with a message containing why, writing
 * nothing outside RAM. */
static void assert_load_rejected(const uint8_t *img, size_t size,
				 const char *why)
{
	struct gram g;
	const char *err = NULL;
	uint32_t entry;

	gram_init(&g, RAM_GPA, RAM_SIZE);
	assert_int_equal(ld_load_elf(img, size, &g.r, &entry, &err), -1);
	assert_non_null(err);
	if (strstr(err, why) == NULL)
		fail_msg("rejected with \"%s\", expected \"%s\"", err, why);
	gram_free(&g);
}

static void assert_buf_rejected(struct buf *b, const char *why)
{
	assert_load_rejected(b->p, b->size, why);
	buf_free(b);
}

/* The standard image with one field of program header 0 changed. */
static void assert_text_rejected(const struct seg *text, const char *why)
{
	struct buf b = { 0 };
	const struct seg segs[2] = { *text, std_data };

	elf_build(&b, RAM_GPA, segs, 2);
	assert_buf_rejected(&b, why);
}

/* Load the standard image, then apply table t: returns ld_apply_patches'
 * result; on -1 checks the message holds why and *n is 0. */
static int apply_std(struct buf *t, struct gram *g, struct amv_patch *va,
		     struct amv_patch *pa, uint32_t max, uint32_t *n,
		     const char *why)
{
	struct buf b = { 0 };
	const char *err = NULL;
	uint32_t entry;
	int rc;

	elf_std(&b);
	gram_init(g, RAM_GPA, RAM_SIZE);
	assert_loads(&b, g, &entry);
	*n = 0xdeadu;
	rc = ld_apply_patches(b.p, b.size, t->p, t->size, &g->r, va, pa, max,
			      n, &err);
	assert_guards_intact(g);
	if (why != NULL) {
		assert_int_equal(rc, -1);
		assert_non_null(err);
		assert_int_equal(*n, 0);
		if (strstr(err, why) == NULL)
			fail_msg("rejected with \"%s\", expected \"%s\"", err,
				 why);
	} else if (rc != 0) {
		fail_msg("ld_apply_patches: %s", err ? err : "(no message)");
	}
	buf_free(&b);
	return rc;
}

static void assert_table_rejected(struct buf *t, uint32_t max, const char *why)
{
	struct gram g;
	struct amv_patch va[4], pa[4];
	uint32_t n;

	assert_true(max <= 4);
	apply_std(t, &g, va, pa, max, &n, why);
	gram_free(&g);
	buf_free(t);
}

/* ------------------------------------------------------------ ld_load_elf */

static void valid_image_loads_byte_exact_zeroes_bss_and_leaves_rest(void **state)
{
	struct buf b = { 0 };
	struct gram g;
	uint32_t entry = 0, k;

	(void)state;
	elf_std(&b);
	gram_init(&g, RAM_GPA, RAM_SIZE);
	assert_loads(&b, &g, &entry);
	assert_int_equal(entry, RAM_GPA);
	/* Text at its physical address, byte for byte from the file. */
	assert_memory_equal(at(&g, RAM_GPA), b.p + std_text.off,
			    std_text.filesz);
	/* Data: file part, then bss zeroed up to p_memsz, nothing beyond. */
	assert_memory_equal(at(&g, DATA_PA), b.p + std_data.off,
			    std_data.filesz);
	for (k = std_data.filesz; k < std_data.memsz; k++)
		assert_int_equal(at(&g, DATA_PA)[k], 0);
	for (k = std_text.memsz; k < DATA_PA - RAM_GPA; k++)
		assert_int_equal(at(&g, RAM_GPA)[k], FILL);
	for (k = DATA_PA - RAM_GPA + std_data.memsz; k < RAM_SIZE; k++)
		assert_int_equal(g.r.host[k], FILL);
	gram_free(&g);
	buf_free(&b);
}

static void entry_may_lie_in_any_segment_including_bss(void **state)
{
	struct buf b = { 0 };
	struct gram g;
	const struct seg segs[2] = { std_text, std_data };
	uint32_t entry = 0;

	(void)state;
	elf_build(&b, DATA_PA + 0xfc, segs, 2);
	gram_init(&g, RAM_GPA, RAM_SIZE);
	assert_loads(&b, &g, &entry);
	assert_int_equal(entry, DATA_PA + 0xfc);
	gram_free(&g);
	buf_free(&b);
}

static void segments_other_than_pt_load_and_empty_ones_are_ignored(void **state)
{
	struct buf b = { 0 };
	struct gram g;
	/* A note pointing outside RAM and an empty PT_LOAD outside RAM. */
	const struct seg segs[3] = {
		{ PT_NOTE, 0x100, 0, 0x10, 0x40, 0x40, PF_R },
		{ PT_LOAD, 0x100, 0, 0x10, 0, 0, PF_R },
		std_text,
	};
	uint32_t entry = 0;

	(void)state;
	elf_build(&b, RAM_GPA + 0x3c, segs, 3);
	gram_init(&g, RAM_GPA, RAM_SIZE);
	assert_loads(&b, &g, &entry);
	assert_memory_equal(at(&g, RAM_GPA), b.p + std_text.off,
			    std_text.filesz);
	assert_int_equal(at(&g, RAM_GPA + std_text.memsz)[0], FILL);
	gram_free(&g);
	buf_free(&b);
}

static void segment_ending_exactly_at_ram_end_is_accepted(void **state)
{
	struct buf b = { 0 };
	struct gram g;
	const struct seg s = { PT_LOAD, 0x100, RAM_GPA + RAM_SIZE - 0x40,
			       RAM_GPA + RAM_SIZE - 0x40, 0x20, 0x40, PF_R };
	uint32_t entry = 0, k;

	(void)state;
	elf_build(&b, RAM_GPA + RAM_SIZE - 4, &s, 1);
	gram_init(&g, RAM_GPA, RAM_SIZE);
	assert_loads(&b, &g, &entry);
	assert_memory_equal(at(&g, s.paddr), b.p + s.off, s.filesz);
	for (k = s.filesz; k < s.memsz; k++)
		assert_int_equal(at(&g, s.paddr)[k], 0);
	gram_free(&g);
	buf_free(&b);
}

static void segment_covering_all_of_ram_is_accepted(void **state)
{
	struct buf b = { 0 };
	struct gram g;
	const struct seg s = { PT_LOAD, 0x100, RAM_GPA, RAM_GPA, RAM_SIZE,
			       RAM_SIZE, PF_R | PF_X };
	uint32_t entry = 0;

	(void)state;
	elf_build(&b, RAM_GPA, &s, 1);
	gram_init(&g, RAM_GPA, RAM_SIZE);
	assert_loads(&b, &g, &entry);
	assert_memory_equal(g.r.host, b.p + s.off, RAM_SIZE);
	gram_free(&g);
	buf_free(&b);
}

static void image_shorter_than_elf_header_rejected(void **state)
{
	struct buf b = { 0 };

	(void)state;
	elf_std(&b);
	assert_load_rejected(b.p, EH_SIZE - 1, "shorter than an ELF header");
	assert_load_rejected(b.p, 0, "shorter than an ELF header");
	assert_load_rejected(NULL, b.size, "shorter than an ELF header");
	buf_free(&b);
}

static void each_magic_byte_is_checked(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < 4; i++) {
		struct buf b = { 0 };

		elf_std(&b);
		b.p[i] ^= 0x20;
		assert_buf_rejected(&b, "not an ELF file");
	}
}

static void elf64_big_endian_and_unknown_version_rejected(void **state)
{
	/* EI_CLASS ELFCLASS64, EI_DATA ELFDATA2MSB, EI_VERSION 0 and 2. */
	static const struct { size_t at; uint8_t v; } bad[] = {
		{ 4, 2 }, { 4, 0 }, { 5, 2 }, { 5, 0 }, { 6, 0 }, { 6, 2 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct buf b = { 0 };

		elf_std(&b);
		b.p[bad[i].at] = bad[i].v;
		assert_buf_rejected(&b, "not ELF32 little-endian");
	}
}

static void only_arm_et_exec_is_accepted(void **state)
{
	/* ET_REL, ET_DYN, ET_CORE; EM_386, EM_AARCH64 (183), EM_ARM in
	 * the high byte. */
	static const struct { size_t at; uint32_t v; } bad[] = {
		{ 16, 1 }, { 16, 3 }, { 16, 4 },
		{ 18, 3 }, { 18, 183 }, { 18, 40u << 8 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct buf b = { 0 };

		elf_std(&b);
		put16(&b, bad[i].at, bad[i].v);
		assert_buf_rejected(&b, "not an ARM executable");
	}
}

static void program_header_size_other_than_32_rejected(void **state)
{
	static const uint32_t sizes[] = { 0, 31, 33, 56 };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		struct buf b = { 0 };

		elf_std(&b);
		put16(&b, 42, sizes[i]);
		assert_buf_rejected(&b, "no program headers of the ELF32 size");
	}
}

static void zero_program_headers_rejected(void **state)
{
	struct buf b = { 0 };

	(void)state;
	elf_std(&b);
	put16(&b, 44, 0);
	assert_buf_rejected(&b, "no program headers of the ELF32 size");
}

static void program_headers_past_end_of_file_rejected(void **state)
{
	struct buf b = { 0 };

	(void)state;
	/* The table's last byte one past EOF. */
	elf_header(&b, RAM_GPA, 2);
	elf_phdr(&b, 0, &std_text);
	b.size = EH_SIZE + 2 * PH_SIZE - 1;
	assert_load_rejected(b.p, b.size, "program headers outside the file");
	/* Exactly at EOF is fine as far as the headers go. */
	b.size = EH_SIZE + 2 * PH_SIZE;
	assert_load_rejected(b.p, b.size, "segment contents outside the file");
	buf_free(&b);

	/* e_phoff past EOF, and e_phnum = 0xffff. */
	elf_std(&b);
	put32(&b, 28, (uint32_t)b.size + 1);
	assert_buf_rejected(&b, "program headers outside the file");
	elf_std(&b);
	put16(&b, 44, 0xffff);
	assert_buf_rejected(&b, "program headers outside the file");
}

static void program_header_offset_overflow_rejected(void **state)
{
	/* e_phoff + e_phnum * 32 wraps in 32 bits to an offset inside the
	 * file: 0xffffffe0 + 2 * 32 = 0x20, 0xffffff00 + 0x10 * 32 = 0x100. */
	static const struct { uint32_t off, num; } bad[] = {
		{ 0xffffffe0u, 2 }, { 0xffffff00u, 0x10 }, { 0xffffffffu, 1 },
		{ 0x80000000u, 0x8000 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct buf b = { 0 };

		elf_std(&b);
		put32(&b, 28, bad[i].off);
		put16(&b, 44, bad[i].num);
		assert_buf_rejected(&b, "program headers outside the file");
	}
}

static void filesz_above_memsz_rejected(void **state)
{
	struct seg s = std_text;

	(void)state;
	s.filesz = s.memsz + 1;
	assert_text_rejected(&s, "p_filesz > p_memsz");
}

/* Found by this test: ld_load_elf skipped a PT_LOAD with p_memsz = 0
 * before checking p_filesz, so a segment with file contents but no
 * memory passed; ld_apply_patches' va_to_pa() (which looks at p_filesz
 * only) then accepted addresses in it and patched RAM the segment never
 * loaded. */
static void filesz_above_memsz_rejected_when_memsz_is_zero(void **state)
{
	struct seg s = std_text;

	(void)state;
	s.memsz = 0;
	assert_text_rejected(&s, "p_filesz > p_memsz");
}

static void segment_contents_past_end_of_file_rejected(void **state)
{
	struct buf b = { 0 };

	(void)state;
	elf_std(&b);
	b.size = std_data.off + std_data.filesz - 1;
	assert_buf_rejected(&b, "segment contents outside the file");

	{
		struct seg s = std_text;

		s.off = 0x10000;
		s.filesz = 0;
		assert_text_rejected(&s, "segment contents outside the file");
	}
}

static void segment_offset_plus_filesz_overflow_rejected(void **state)
{
	/* p_offset + p_filesz wraps in 32 bits to an offset inside the
	 * file; p_memsz is kept >= p_filesz to reach the check. */
	static const struct { uint32_t off, filesz; } bad[] = {
		{ 0x100, 0xffffff80u }, { 0xfffffff0u, 0x20 },
		{ 0xffffffffu, 1 }, { 0x80000000u, 0x80000000u },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct buf b = { 0 };
		struct seg s = std_text;

		s.off = bad[i].off;
		s.filesz = bad[i].filesz;
		s.memsz = 0xffffffffu;
		elf_header(&b, RAM_GPA, 1);
		elf_phdr(&b, 0, &s);
		buf_reserve(&b, 0x200);
		assert_buf_rejected(&b, "segment contents outside the file");
	}
}

static void segment_outside_ram_rejected(void **state)
{
	static const struct { uint32_t pa, memsz; } bad[] = {
		{ RAM_GPA - 4, 0x40 },                /* starts below */
		{ RAM_GPA - 0x40, 0x40 },             /* ends at the base */
		{ RAM_GPA + RAM_SIZE - 0x3c, 0x40 },  /* one word past the end */
		{ RAM_GPA + RAM_SIZE - 0x40, 0x41 },  /* one byte past the end */
		{ RAM_GPA + RAM_SIZE, 0x40 },         /* starts at the end */
		{ RAM_GPA, RAM_SIZE + 1 },            /* all of RAM and a byte */
		{ 0, 0x40 }, { 0xffffffc0u, 0x40 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct seg s = std_text;

		s.paddr = bad[i].pa;
		s.memsz = bad[i].memsz;
		assert_text_rejected(&s, "segment outside guest RAM");
	}
}

static void segment_gpa_plus_memsz_overflow_rejected(void **state)
{
	/* p_paddr + p_memsz wraps in 32 bits below the RAM end: a check
	 * written as end <= RAM end would pass these. */
	static const struct { uint32_t pa, memsz; } bad[] = {
		{ RAM_GPA + 0x10, 0xfffffff8u },
		{ RAM_GPA, 0xffffffffu },
		{ RAM_GPA + RAM_SIZE - 4, 0x80000000u },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct seg s = std_text;

		s.paddr = bad[i].pa;
		s.memsz = bad[i].memsz;
		assert_text_rejected(&s, "segment outside guest RAM");
	}
}

static void ram_at_top_of_address_space_bounds_segments(void **state)
{
	/* RAM ending exactly at 4 GiB: a segment up to the end loads, one
	 * byte more (wrapping to 0) does not. */
	const uint32_t gpa = 0xfffff000u;
	struct seg s = { PT_LOAD, 0x100, gpa + 0xf00, gpa + 0xf00, 0x100,
			 0x100, PF_R };
	struct buf b = { 0 };
	struct gram g;
	const char *err = NULL;
	uint32_t entry;

	(void)state;
	elf_build(&b, gpa + 0xf00, &s, 1);
	gram_init(&g, gpa, 0x1000);
	assert_loads(&b, &g, &entry);
	buf_free(&b);

	s.memsz = 0x101;
	elf_build(&b, gpa + 0xf00, &s, 1);
	assert_int_equal(ld_load_elf(b.p, b.size, &g.r, &entry, &err), -1);
	assert_string_equal(err, "segment outside guest RAM");
	gram_free(&g);
	buf_free(&b);
}

static void image_without_pt_load_rejected(void **state)
{
	struct buf b = { 0 };
	const struct seg note = { PT_NOTE, 0x100, RAM_GPA, RAM_GPA, 0x40, 0x40,
				  PF_R };
	const struct seg empty = { PT_LOAD, 0x100, RAM_GPA, RAM_GPA, 0, 0,
				   PF_R };

	(void)state;
	elf_build(&b, RAM_GPA, &note, 1);
	assert_buf_rejected(&b, "no PT_LOAD segment");
	elf_build(&b, RAM_GPA, &empty, 1);
	assert_buf_rejected(&b, "no PT_LOAD segment");
}

static void entry_outside_every_segment_rejected(void **state)
{
	/* Between the segments, one past text, one past the data bss, below
	 * RAM, and the link (virtual) address of the text when p_vaddr !=
	 * p_paddr: e_entry is taken as physical. */
	static const uint32_t bad[] = {
		RAM_GPA + 0x400, RAM_GPA + 0x40, DATA_PA + 0x100, RAM_GPA - 4,
		TEXT_VA, 0,
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct buf b = { 0 };
		const struct seg segs[2] = { std_text, std_data };

		elf_build(&b, bad[i], segs, 2);
		assert_buf_rejected(&b, "entry point not an ARM address");
	}
}

static void misaligned_entry_rejected(void **state)
{
	static const uint32_t bad[] = { RAM_GPA + 1, RAM_GPA + 2, RAM_GPA + 3 };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct buf b = { 0 };
		const struct seg segs[2] = { std_text, std_data };

		elf_build(&b, bad[i], segs, 2);
		assert_buf_rejected(&b, "entry point not an ARM address");
	}
}

static void null_arguments_return_minus_one(void **state)
{
	struct buf b = { 0 };
	struct gram g;
	const char *err = NULL;
	uint32_t entry;

	(void)state;
	elf_std(&b);
	gram_init(&g, RAM_GPA, RAM_SIZE);
	assert_int_equal(ld_load_elf(b.p, b.size, NULL, &entry, &err), -1);
	assert_int_equal(ld_load_elf(b.p, b.size, &g.r, NULL, &err), -1);
	assert_int_equal(ld_load_elf(b.p, b.size, &g.r, &entry, NULL), -1);
	assert_int_equal(g.r.host[0], FILL);
	gram_free(&g);
	buf_free(&b);
}

/* ---------------------------------------------------- ld_apply_patches */

static void valid_table_patches_exactly_the_listed_words(void **state)
{
	struct buf t = { 0 }, b = { 0 };
	struct gram g;
	struct amv_patch va[4], pa[4];
	uint32_t n, k, i;
	static const uint32_t words[3] = { 2, 3, 15 };

	(void)state;
	tab_header(&t, 3);
	for (i = 0; i < 3; i++)
		tab_text_word(&t, i, words[i]);
	apply_std(&t, &g, va, pa, 4, &n, NULL);
	assert_int_equal(n, 3);

	/* Text: the listed words are UDF #i, every other byte as loaded. */
	elf_std(&b);
	for (k = 0; k < std_text.filesz / 4; k++) {
		uint32_t w = get32(at(&g, RAM_GPA + 4 * k)), want = pattern(1, k);

		for (i = 0; i < 3; i++)
			if (words[i] == k)
				want = UDF(i);
		assert_int_equal(w, want);
	}
	assert_memory_equal(at(&g, DATA_PA), b.p + std_data.off,
			    std_data.filesz);

	/* va[] at the link address, pa[] at the physical one, rest equal. */
	for (i = 0; i < 3; i++) {
		assert_int_equal(va[i].index, i);
		assert_int_equal(va[i].address, TEXT_VA + 4 * words[i]);
		assert_int_equal(va[i].original, pattern(1, words[i]));
		assert_int_equal(va[i].cls, 7 + i);
		assert_int_equal(va[i].cond, pattern(1, words[i]) >> 28);
		assert_int_equal(va[i].flags, 0x02);
		assert_int_equal(pa[i].index, i);
		assert_int_equal(pa[i].address, RAM_GPA + 4 * words[i]);
		assert_int_equal(pa[i].original, va[i].original);
		assert_int_equal(pa[i].cls, va[i].cls);
		assert_int_equal(pa[i].cond, va[i].cond);
		assert_int_equal(pa[i].flags, va[i].flags);
	}
	gram_free(&g);
	buf_free(&b);
	buf_free(&t);
}

static void patch_in_identity_mapped_segment_has_equal_va_and_pa(void **state)
{
	struct buf t = { 0 };
	struct gram g;
	struct amv_patch va[1], pa[1];
	uint32_t n;

	(void)state;
	tab_header(&t, 1);
	tab_entry(&t, 0, 0, DATA_PA + 0x1c, pattern(2, 7), 1, 0x01);
	apply_std(&t, &g, va, pa, 1, &n, NULL);
	assert_int_equal(n, 1);
	assert_int_equal(va[0].address, DATA_PA + 0x1c);
	assert_int_equal(pa[0].address, DATA_PA + 0x1c);
	assert_int_equal(get32(at(&g, DATA_PA + 0x1c)), UDF(0));
	gram_free(&g);
	buf_free(&t);
}

static void empty_table_patches_nothing(void **state)
{
	struct buf t = { 0 }, b = { 0 };
	struct gram g;
	struct amv_patch va[1], pa[1];
	uint32_t n;

	(void)state;
	tab_header(&t, 0);
	apply_std(&t, &g, va, pa, 0, &n, NULL);
	assert_int_equal(n, 0);
	elf_std(&b);
	assert_memory_equal(at(&g, RAM_GPA), b.p + std_text.off,
			    std_text.filesz);
	gram_free(&g);
	buf_free(&b);
	buf_free(&t);
}

static void trailing_bytes_after_the_entries_are_ignored(void **state)
{
	struct buf t = { 0 };
	struct gram g;
	struct amv_patch va[1], pa[1];
	uint32_t n;

	(void)state;
	tab_header(&t, 1);
	tab_text_word(&t, 0, 0);
	put32(&t, 32 + 60, 0xffffffffu);
	apply_std(&t, &g, va, pa, 1, &n, NULL);
	assert_int_equal(n, 1);
	gram_free(&g);
	buf_free(&t);
}

/* A text segment of `words` words at TEXT_VA / RAM_GPA in a RAM that holds
 * it, and a table patching every word: entry i has index i. */
/* A table of @words entries applied over as many words of text. */
struct full_table {
	struct gram g;
	struct amv_patch *va, *pa;
	const char *err;
	uint32_t n;
	int rc;
};

static void apply_full_table(struct full_table *ft, uint32_t words,
			     uint32_t max)
{
	struct buf b = { 0 }, t = { 0 };
	const struct seg s = { PT_LOAD, 0x100, TEXT_VA, RAM_GPA, 4 * words,
			       4 * words, PF_R | PF_X };
	uint32_t entry, i;

	ft->err = NULL;
	elf_build(&b, RAM_GPA, &s, 1);
	gram_init(&ft->g, RAM_GPA, 4 * words);
	assert_loads(&b, &ft->g, &entry);
	tab_header(&t, words);
	for (i = 0; i < words; i++)
		tab_entry(&t, i, i, TEXT_VA + 4 * i, pattern(1, i), 0, 0);
	ft->va = calloc(max ? max : 1, sizeof(*ft->va));
	ft->pa = calloc(max ? max : 1, sizeof(*ft->pa));
	assert_non_null(ft->va);
	assert_non_null(ft->pa);
	ft->rc = ld_apply_patches(b.p, b.size, t.p, t.size, &ft->g.r, ft->va,
				  ft->pa, max, &ft->n, &ft->err);
	assert_guards_intact(&ft->g);
	buf_free(&b);
	buf_free(&t);
}

static void full_table_free(struct full_table *ft)
{
	free(ft->va);
	free(ft->pa);
	gram_free(&ft->g);
}

static void udf_encodes_index_as_imm12_and_imm4(void **state)
{
	struct full_table ft;

	(void)state;
	apply_full_table(&ft, 0x1235, 0x1235);
	assert_int_equal(ft.rc, 0);
	assert_int_equal(ft.n, 0x1235);
	assert_int_equal(get32(at(&ft.g, RAM_GPA)), 0xe7f000f0u);
	assert_int_equal(get32(at(&ft.g, RAM_GPA + 4 * 0xf)), 0xe7f000ffu);
	assert_int_equal(get32(at(&ft.g, RAM_GPA + 4 * 0x10)), 0xe7f001f0u);
	assert_int_equal(get32(at(&ft.g, RAM_GPA + 4 * 0x1234)), 0xe7f123f4u);
	assert_int_equal(ft.va[0x1234].index, 0x1234);
	assert_int_equal(ft.pa[0x1234].address, RAM_GPA + 4 * 0x1234);
	full_table_free(&ft);
}

static void table_of_0x10000_entries_is_the_udf_imm16_limit(void **state)
{
	struct full_table ft;

	(void)state;
	apply_full_table(&ft, 0x10000, 0x10000);
	assert_int_equal(ft.rc, 0);
	assert_int_equal(ft.n, 0x10000);
	assert_int_equal(get32(at(&ft.g, RAM_GPA + 4 * 0xffff)), 0xe7ffffffu);
	full_table_free(&ft);

	/* One more does not fit a UDF's imm16, whatever max allows. */
	apply_full_table(&ft, 0x10001, 0x10001);
	assert_int_equal(ft.rc, -1);
	assert_int_equal(ft.n, 0);
	assert_string_equal(ft.err, "patch table: too many entries");
	assert_int_equal(get32(at(&ft.g, RAM_GPA)), pattern(1, 0));
	full_table_free(&ft);
}

static void count_above_max_rejected_before_any_write(void **state)
{
	struct full_table ft;

	(void)state;
	apply_full_table(&ft, 5, 4);
	assert_int_equal(ft.rc, -1);
	assert_int_equal(ft.n, 0);
	assert_string_equal(ft.err, "patch table: too many entries");
	assert_int_equal(get32(at(&ft.g, RAM_GPA)), pattern(1, 0));
	full_table_free(&ft);
}

static void table_bad_magic_rejected(void **state)
{
	size_t i;
	struct gram g;
	struct amv_patch va[1], pa[1];
	const char *err = NULL;
	uint32_t n;
	struct buf t = { 0 }, b = { 0 };

	(void)state;
	for (i = 0; i < 4; i++) {
		tab_header(&t, 0);
		t.p[i] ^= 0x20;
		assert_table_rejected(&t, 1, "bad magic");
	}
	/* Shorter than the header, and no table at all. */
	tab_header(&t, 0);
	t.size = 15;
	assert_table_rejected(&t, 1, "bad magic");
	elf_std(&b);
	gram_init(&g, RAM_GPA, RAM_SIZE);
	assert_int_equal(ld_apply_patches(b.p, b.size, NULL, 16, &g.r, va, pa,
					  1, &n, &err), -1);
	assert_string_equal(err, "patch table: bad magic");
	gram_free(&g);
	buf_free(&b);
}

static void table_version_and_sizes_must_be_1_16_16(void **state)
{
	static const struct { size_t at; uint32_t v; } bad[] = {
		{ 4, 0 }, { 4, 2 }, { 6, 0 }, { 6, 15 }, { 6, 32 },
		{ 8, 0 }, { 8, 12 }, { 8, 32 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct buf t = { 0 };

		tab_header(&t, 1);
		tab_text_word(&t, 0, 0);
		put16(&t, bad[i].at, bad[i].v);
		assert_table_rejected(&t, 1, "unknown version or sizes");
	}
}

static void count_larger_than_the_file_rejected(void **state)
{
	/* One entry short, one byte short, and counts whose byte size
	 * wraps in 32 bits (16 * 0x10000000 = 0). */
	static const uint32_t counts[] = { 3, 0x10000000u, 0x10000001u,
					   0xffffffffu };
	size_t i;
	struct buf t = { 0 };

	(void)state;
	for (i = 0; i < sizeof(counts) / sizeof(counts[0]); i++) {
		tab_header(&t, counts[i]);
		tab_text_word(&t, 0, 0);
		tab_text_word(&t, 1, 1);
		assert_table_rejected(&t, 4, "shorter than its count");
	}
	tab_header(&t, 2);
	tab_text_word(&t, 0, 0);
	tab_text_word(&t, 1, 1);
	t.size--;
	assert_table_rejected(&t, 4, "shorter than its count");
}

static void entry_index_must_equal_its_position(void **state)
{
	struct buf t = { 0 };

	(void)state;
	tab_header(&t, 1);
	tab_entry(&t, 0, 1, TEXT_VA, pattern(1, 0), 0, 0);
	assert_table_rejected(&t, 4, "entry index out of order");

	tab_header(&t, 3);
	tab_text_word(&t, 0, 0);
	tab_text_word(&t, 1, 1);
	tab_entry(&t, 2, 1, TEXT_VA + 8, pattern(1, 2), 0, 0);
	assert_table_rejected(&t, 4, "entry index out of order");
}

static void misaligned_address_rejected(void **state)
{
	uint32_t off;

	(void)state;
	for (off = 1; off < 4; off++) {
		struct buf t = { 0 };

		tab_header(&t, 1);
		tab_entry(&t, 0, 0, TEXT_VA + 4 + off, 0, 0, 0);
		assert_table_rejected(&t, 1, "address not in the image");
	}
}

static void address_in_no_segment_rejected(void **state)
{
	/* Below and past the text's link range, its physical address (the
	 * table holds virtual ones), between segments, and 0. */
	static const uint32_t bad[] = {
		TEXT_VA - 4, TEXT_VA + 0x40, RAM_GPA, DATA_PA - 4, 0,
		0xfffffffcu,
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct buf t = { 0 };

		tab_header(&t, 1);
		tab_entry(&t, 0, 0, bad[i], 0xa5a5a5a5u, 0, 0);
		assert_table_rejected(&t, 1, "address not in the image");
	}
}

static void address_in_bss_past_filesz_rejected(void **state)
{
	/* The bss is zeroed in RAM: an original of 0 would match there. */
	static const uint32_t bad[] = { DATA_PA + 0x20, DATA_PA + 0xfc };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct buf t = { 0 };

		tab_header(&t, 1);
		tab_entry(&t, 0, 0, bad[i], 0, 0, 0);
		assert_table_rejected(&t, 1, "address not in the image");
	}
}

static void address_in_non_pt_load_segment_rejected(void **state)
{
	struct buf b = { 0 }, t = { 0 };
	struct gram g;
	struct amv_patch va[1], pa[1];
	const char *err = NULL;
	uint32_t n, entry;
	/* A note over the same bytes and addresses as the text segment,
	 * listed first. */
	struct seg segs[2] = { std_text, std_text };

	(void)state;
	segs[0].type = PT_NOTE;
	segs[1].vaddr = TEXT_VA + 0x1000;
	elf_build(&b, RAM_GPA, segs, 2);
	gram_init(&g, RAM_GPA, RAM_SIZE);
	assert_loads(&b, &g, &entry);
	tab_header(&t, 1);
	tab_entry(&t, 0, 0, TEXT_VA, get32(at(&g, RAM_GPA)), 0, 0);
	assert_int_equal(ld_apply_patches(b.p, b.size, t.p, t.size, &g.r, va,
					  pa, 1, &n, &err), -1);
	assert_string_equal(err, "patch table: address not in the image");
	gram_free(&g);
	buf_free(&b);
	buf_free(&t);
}

static void word_straddling_the_segment_end_rejected(void **state)
{
	struct buf b = { 0 }, t = { 0 };
	struct gram g;
	struct amv_patch va[1], pa[1];
	const char *err = NULL;
	uint32_t n, entry;
	/* 0x42 bytes of file: the word at +0x40 has two bytes in it. */
	struct seg s = std_text;

	(void)state;
	s.filesz = 0x42;
	s.memsz = 0x44;
	elf_build(&b, RAM_GPA, &s, 1);
	gram_init(&g, RAM_GPA, RAM_SIZE);
	assert_loads(&b, &g, &entry);
	tab_header(&t, 1);
	tab_entry(&t, 0, 0, TEXT_VA + 0x40, get32(at(&g, RAM_GPA + 0x40)), 0,
		  0);
	assert_int_equal(ld_apply_patches(b.p, b.size, t.p, t.size, &g.r, va,
					  pa, 1, &n, &err), -1);
	assert_string_equal(err, "patch table: address not in the image");
	/* The last whole word is fine. */
	tab_entry(&t, 0, 0, TEXT_VA + 0x3c, get32(at(&g, RAM_GPA + 0x3c)), 0,
		  0);
	assert_int_equal(ld_apply_patches(b.p, b.size, t.p, t.size, &g.r, va,
					  pa, 1, &n, &err), 0);
	assert_int_equal(get32(at(&g, RAM_GPA + 0x3c)), UDF(0));
	gram_free(&g);
	buf_free(&b);
	buf_free(&t);
}

static void address_whose_physical_word_is_outside_ram_rejected(void **state)
{
	struct buf b = { 0 }, t = { 0 };
	struct gram g, small;
	struct amv_patch va[1], pa[1];
	const char *err = NULL;
	uint32_t n, entry;

	(void)state;
	/* Loaded into full RAM, then applied against a RAM that ends
	 * before the text's last word. */
	elf_std(&b);
	gram_init(&g, RAM_GPA, RAM_SIZE);
	assert_loads(&b, &g, &entry);
	gram_init(&small, RAM_GPA, 0x3e);
	memcpy(small.r.host, g.r.host, 0x3e);
	tab_header(&t, 1);
	tab_text_word(&t, 0, 15);
	assert_int_equal(ld_apply_patches(b.p, b.size, t.p, t.size, &small.r,
					  va, pa, 1, &n, &err), -1);
	assert_string_equal(err, "patch table: address not in the image");
	gram_free(&small);
	gram_free(&g);
	buf_free(&b);
	buf_free(&t);
}

static void original_word_mismatch_rejected(void **state)
{
	struct buf t = { 0 };

	(void)state;
	tab_header(&t, 1);
	tab_entry(&t, 0, 0, TEXT_VA + 8, pattern(1, 2) ^ 1, 0, 0);
	assert_table_rejected(&t, 1, "original word mismatch");
}

static void same_address_twice_sees_the_udf_and_is_rejected(void **state)
{
	struct buf t = { 0 };
	struct gram g;
	struct amv_patch va[2], pa[2];
	uint32_t n;

	(void)state;
	tab_header(&t, 2);
	tab_text_word(&t, 0, 4);
	tab_entry(&t, 1, 1, TEXT_VA + 16, pattern(1, 4), 0, 0);
	apply_std(&t, &g, va, pa, 2, &n, "original word mismatch");
	/* The first entry was applied before the second failed. */
	assert_int_equal(get32(at(&g, RAM_GPA + 16)), UDF(0));
	gram_free(&g);
	buf_free(&t);
}

static void apply_rejects_a_bad_image(void **state)
{
	struct buf b = { 0 }, t = { 0 };
	struct gram g;
	struct amv_patch va[1], pa[1];
	const char *err = NULL;
	uint32_t n = 7;

	(void)state;
	elf_std(&b);
	put16(&b, 18, 3);
	tab_header(&t, 0);
	gram_init(&g, RAM_GPA, RAM_SIZE);
	assert_int_equal(ld_apply_patches(b.p, b.size, t.p, t.size, &g.r, va,
					  pa, 1, &n, &err), -1);
	assert_int_equal(n, 0);
	assert_string_equal(err, "not an ARM executable (ET_EXEC, EM_ARM)");
	assert_int_equal(ld_apply_patches(b.p, EH_SIZE - 1, t.p, t.size, &g.r,
					  va, pa, 1, &n, &err), -1);
	assert_string_equal(err, "image shorter than an ELF header");
	gram_free(&g);
	buf_free(&b);
	buf_free(&t);
}

/* ---------------------------------------------------- against amv-scan */

static int write_file(const char *path, const struct buf *b)
{
	FILE *f = fopen(path, "wb");
	int ok;

	if (f == NULL)
		return -1;
	ok = fwrite(b->p, 1, b->size, f) == b->size;
	return (fclose(f) == 0 && ok) ? 0 : -1;
}

static void read_file(const char *path, struct buf *b)
{
	FILE *f = fopen(path, "rb");
	uint8_t chunk[4096];
	size_t got;

	if (f == NULL)
		fail_msg("cannot open %s", path);
	while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		size_t at0 = b->size;

		buf_reserve(b, at0 + got);
		memcpy(b->p + at0, chunk, got);
	}
	fclose(f);
}

/* A small guest: sensitive instructions (patched), a privileged one
 * (traps, left alone) and plain ones, in an executable segment linked at
 * TEXT_VA and loaded at RAM_GPA; a data segment with a word that looks
 * like CPSID but is not executable. No section headers or mapping symbols:
 * amv-scan scans the PF_X segment, with --force. */
static void elf_scan_guest(struct buf *b)
{
	static const uint32_t code[] = {
		0xe1a00000u, /* mov r0, r0 */
		0xf10c0080u, /* cpsid i */
		0xe10f0000u, /* mrs r0, cpsr */
		0xee110f10u, /* mrc p15, 0, r0, c1, c0, 0 (traps) */
		0xe121f000u, /* msr cpsr_c, r0 */
		0xe3a00001u, /* mov r0, #1 */
		0xe320f003u, /* wfi */
		0xe25ef004u, /* subs pc, lr, #4 */
		0xeafffffeu, /* b . */
	};
	const struct seg segs[2] = {
		{ PT_LOAD, 0x100, TEXT_VA, RAM_GPA, sizeof(code), sizeof(code),
		  PF_R | PF_X },
		{ PT_LOAD, 0x200, DATA_PA, DATA_PA, 8, 0x20, PF_R | PF_W },
	};
	uint32_t i;

	elf_header(b, RAM_GPA, 2);
	for (i = 0; i < 2; i++)
		elf_phdr(b, i, &segs[i]);
	for (i = 0; i < sizeof(code) / sizeof(code[0]); i++)
		put32(b, 0x100 + 4 * i, code[i]);
	put32(b, 0x200, 0xf10c0080u);
	put32(b, 0x204, 0xe10f0000u);
}

static void patching_at_load_equals_loading_amv_scan_output(void **state)
{
	const char *scan = getenv("AMV_SCAN");
	struct buf b = { 0 }, out = { 0 }, t = { 0 };
	struct gram g1, g2;
	struct amv_patch va[16], pa[16];
	const char *err = NULL;
	char cmd[4096];
	uint32_t n, entry, i;

	(void)state;
	if (scan == NULL || scan[0] == '\0') {
		if (getenv("AMV_NO_SKIP") != NULL)
			fail_msg("AMV_SCAN not set (path of amv-scan)");
		skip();
	}
	elf_scan_guest(&b);
	if (write_file("loader_scan.elf", &b) != 0)
		fail_msg("cannot write loader_scan.elf");
	remove("loader_scan.out");
	remove("loader_scan.out.patches");
	snprintf(cmd, sizeof(cmd),
		 "'%s' --patch loader_scan.out --force loader_scan.elf "
		 ">loader_scan.txt 2>&1", scan);
	if (system(cmd) != 0)
		fail_msg("%s failed (see loader_scan.txt)", cmd);
	read_file("loader_scan.out", &out);
	read_file("loader_scan.out.patches", &t);

	/* Original image + amv-scan's table, and amv-scan's image. */
	gram_init(&g1, RAM_GPA, RAM_SIZE);
	gram_init(&g2, RAM_GPA, RAM_SIZE);
	assert_loads(&b, &g1, &entry);
	if (ld_apply_patches(b.p, b.size, t.p, t.size, &g1.r, va, pa, 16, &n,
			     &err) != 0)
		fail_msg("ld_apply_patches: %s", err);
	assert_guards_intact(&g1);
	assert_loads(&out, &g2, &entry);
	assert_memory_equal(g1.r.host, g2.r.host, RAM_SIZE);

	/* cpsid, mrs, msr, wfi, subs pc are sensitive; the MRC (it traps),
	 * the MOVs, the branch and the data are not patched. */
	assert_int_equal(n, 5);
	assert_int_equal(va[0].address, TEXT_VA + 4);
	assert_int_equal(va[4].address, TEXT_VA + 28);
	assert_int_equal(get32(at(&g1, RAM_GPA)), 0xe1a00000u);
	assert_int_equal(get32(at(&g1, RAM_GPA + 12)), 0xee110f10u);
	assert_int_equal(get32(at(&g1, RAM_GPA + 20)), 0xe3a00001u);
	assert_int_equal(get32(at(&g1, DATA_PA)), 0xf10c0080u);
	for (i = 0; i < n; i++) {
		assert_int_equal(pa[i].address, va[i].address - TEXT_VA + RAM_GPA);
		assert_int_equal(get32(at(&g1, pa[i].address)), UDF(i));
	}
	gram_free(&g1);
	gram_free(&g2);
	buf_free(&b);
	buf_free(&out);
	buf_free(&t);
}

/* ------------------------------------------------------------ fuzz corpus */

/* fuzz_loader's input: u16 image size, u8 max entries, then the image and
 * the table (tests/monitor/fuzz_loader.c). */
static int write_seed(const char *dir, const char *name, const struct buf *img,
		      const struct buf *tab, uint32_t max)
{
	struct buf s = { 0 };
	char path[4096];
	int rc;

	put16(&s, 0, (uint32_t)img->size);
	put8(&s, 2, max);
	buf_reserve(&s, 3 + img->size + tab->size);
	memcpy(s.p + 3, img->p, img->size);
	if (tab->size)
		memcpy(s.p + 3 + img->size, tab->p, tab->size);
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	rc = write_file(path, &s);
	buf_free(&s);
	if (rc != 0)
		fprintf(stderr, "cannot write %s\n", path);
	return rc;
}

static int write_corpus(const char *dir)
{
	struct buf img = { 0 }, tab = { 0 }, img2 = { 0 }, none = { 0 };
	int rc = 0;
	uint32_t i;

	/* Valid image and table (three patches, one in the data segment). */
	elf_std(&img);
	tab_header(&tab, 3);
	tab_text_word(&tab, 0, 1);
	tab_text_word(&tab, 1, 9);
	tab_entry(&tab, 2, 2, DATA_PA + 4, pattern(2, 1), 3, 0x01);
	rc |= write_seed(dir, "valid-std", &img, &tab, 8);
	/* Valid, table empty. */
	tab_header(&none, 0);
	rc |= write_seed(dir, "valid-empty-table", &img, &none, 0);
	/* Same address twice, count above max, index out of order. */
	buf_free(&tab);
	tab_header(&tab, 2);
	tab_text_word(&tab, 0, 4);
	tab_entry(&tab, 1, 1, TEXT_VA + 16, pattern(1, 4), 0, 0);
	rc |= write_seed(dir, "dup-address", &img, &tab, 8);
	rc |= write_seed(dir, "count-above-max", &img, &tab, 1);
	put32(&tab, 16 + 16, 0);
	rc |= write_seed(dir, "index-order", &img, &tab, 8);
	/* Address in bss. */
	buf_free(&tab);
	tab_header(&tab, 1);
	tab_entry(&tab, 0, 0, DATA_PA + 0x40, 0, 0, 0);
	rc |= write_seed(dir, "bss-address", &img, &tab, 8);
	/* Segment ending at the RAM end (fuzz_loader's RAM is RAM_GPA,
	 * RAM_SIZE too), entry in bss. */
	{
		const struct seg s = { PT_LOAD, 0x60, RAM_GPA + RAM_SIZE - 0x40,
				       RAM_GPA + RAM_SIZE - 0x40, 0x10, 0x40,
				       PF_R | PF_X };

		elf_build(&img2, RAM_GPA + RAM_SIZE - 4, &s, 1);
		buf_free(&tab);
		tab_header(&tab, 2);
		for (i = 0; i < 2; i++)
			tab_entry(&tab, i, i, s.vaddr + 4 * i, pattern(1, i), 0, 0);
		rc |= write_seed(dir, "ram-end", &img2, &tab, 4);
		buf_free(&img2);
	}
	/* Invalid images: overflowing segment, phoff overflow, filesz >
	 * memsz with memsz 0. */
	{
		struct seg s = std_text;

		s.paddr = RAM_GPA + 0x10;
		s.memsz = 0xfffffff8u;
		elf_build(&img2, RAM_GPA + 0x10, &s, 1);
		rc |= write_seed(dir, "gpa-overflow", &img2, &none, 0);
		buf_free(&img2);
		s = std_text;
		s.memsz = 0;
		elf_build(&img2, RAM_GPA, &s, 1);
		rc |= write_seed(dir, "memsz-zero", &img2, &none, 0);
		buf_free(&img2);
	}
	elf_std(&img2);
	put32(&img2, 28, 0xffffffe0u);
	put16(&img2, 44, 2);
	rc |= write_seed(dir, "phoff-overflow", &img2, &none, 0);
	buf_free(&img2);
	buf_free(&img);
	buf_free(&tab);
	buf_free(&none);
	return rc ? 1 : 0;
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(valid_image_loads_byte_exact_zeroes_bss_and_leaves_rest),
		cmocka_unit_test(entry_may_lie_in_any_segment_including_bss),
		cmocka_unit_test(segments_other_than_pt_load_and_empty_ones_are_ignored),
		cmocka_unit_test(segment_ending_exactly_at_ram_end_is_accepted),
		cmocka_unit_test(segment_covering_all_of_ram_is_accepted),
		cmocka_unit_test(image_shorter_than_elf_header_rejected),
		cmocka_unit_test(each_magic_byte_is_checked),
		cmocka_unit_test(elf64_big_endian_and_unknown_version_rejected),
		cmocka_unit_test(only_arm_et_exec_is_accepted),
		cmocka_unit_test(program_header_size_other_than_32_rejected),
		cmocka_unit_test(zero_program_headers_rejected),
		cmocka_unit_test(program_headers_past_end_of_file_rejected),
		cmocka_unit_test(program_header_offset_overflow_rejected),
		cmocka_unit_test(filesz_above_memsz_rejected),
		cmocka_unit_test(filesz_above_memsz_rejected_when_memsz_is_zero),
		cmocka_unit_test(segment_contents_past_end_of_file_rejected),
		cmocka_unit_test(segment_offset_plus_filesz_overflow_rejected),
		cmocka_unit_test(segment_outside_ram_rejected),
		cmocka_unit_test(segment_gpa_plus_memsz_overflow_rejected),
		cmocka_unit_test(ram_at_top_of_address_space_bounds_segments),
		cmocka_unit_test(image_without_pt_load_rejected),
		cmocka_unit_test(entry_outside_every_segment_rejected),
		cmocka_unit_test(misaligned_entry_rejected),
		cmocka_unit_test(null_arguments_return_minus_one),
		cmocka_unit_test(valid_table_patches_exactly_the_listed_words),
		cmocka_unit_test(patch_in_identity_mapped_segment_has_equal_va_and_pa),
		cmocka_unit_test(empty_table_patches_nothing),
		cmocka_unit_test(trailing_bytes_after_the_entries_are_ignored),
		cmocka_unit_test(udf_encodes_index_as_imm12_and_imm4),
		cmocka_unit_test(table_of_0x10000_entries_is_the_udf_imm16_limit),
		cmocka_unit_test(count_above_max_rejected_before_any_write),
		cmocka_unit_test(table_bad_magic_rejected),
		cmocka_unit_test(table_version_and_sizes_must_be_1_16_16),
		cmocka_unit_test(count_larger_than_the_file_rejected),
		cmocka_unit_test(entry_index_must_equal_its_position),
		cmocka_unit_test(misaligned_address_rejected),
		cmocka_unit_test(address_in_no_segment_rejected),
		cmocka_unit_test(address_in_bss_past_filesz_rejected),
		cmocka_unit_test(address_in_non_pt_load_segment_rejected),
		cmocka_unit_test(word_straddling_the_segment_end_rejected),
		cmocka_unit_test(address_whose_physical_word_is_outside_ram_rejected),
		cmocka_unit_test(original_word_mismatch_rejected),
		cmocka_unit_test(same_address_twice_sees_the_udf_and_is_rejected),
		cmocka_unit_test(apply_rejects_a_bad_image),
		cmocka_unit_test(patching_at_load_equals_loading_amv_scan_output),
	};

	if (argc == 3 && strcmp(argv[1], "--write-corpus") == 0)
		return write_corpus(argv[2]);
	if (argc != 1) {
		fprintf(stderr, "usage: %s [--write-corpus DIR]\n", argv[0]);
		return 2;
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
