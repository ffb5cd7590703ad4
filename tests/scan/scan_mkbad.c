/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Writes the hostile-input set for amv-scan: a small valid ELF32 ARM
 * executable built here byte by byte (no cross compiler needed), and
 * malformed variants of it, one defect each.
 *
 *   scan_mkbad DIR                 write DIR/ok-*.elf and DIR/bad-*.elf
 *   scan_mkbad --strip-shdr IN OUT copy IN with the section header table
 *                                  dropped from the ELF header (e_shoff,
 *                                  e_shnum, e_shstrndx = 0)
 *
 * amv-scan must accept every ok-* file and reject every bad-* file with a
 * message and exit status 2 (run-scan-tests.sh hostile).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Layout of the base image (all offsets in the file). */
#define O_PHDR 52u      /* two program header slots, 32 bytes each */
#define O_TEXT 0x80u    /* .text, 16 bytes at 0x8000 */
#define O_SYMTAB 0x90u  /* 4 symbols */
#define O_STRTAB 0xd0u  /* "\0$a\0$d\0" */
#define O_SHSTR 0xd8u   /* section names */
#define O_SHDR 0x100u   /* 5 section headers */
#define N_SHDR 5u
#define IMG_SIZE (O_SHDR + N_SHDR * 40u)
#define TEXT_ADDR 0x8000u

/* section indices */
#define S_TEXT 1u
#define S_SYMTAB 2u
#define S_STRTAB 3u
#define S_SHSTR 4u

static uint8_t img[IMG_SIZE];
static const char *outdir;
static int failures;

static void w16(uint32_t off, uint32_t v)
{
	img[off] = (uint8_t)v;
	img[off + 1] = (uint8_t)(v >> 8);
}

static void w32(uint32_t off, uint32_t v)
{
	w16(off, v & 0xffffu);
	w16(off + 2, v >> 16);
}

static uint32_t shdr(uint32_t idx, uint32_t field)
{
	return O_SHDR + idx * 40u + field;
}

#define SH_NAME 0u
#define SH_TYPE 4u
#define SH_FLAGS 8u
#define SH_ADDR 12u
#define SH_OFFSET 16u
#define SH_SIZE 20u
#define SH_LINK 24u
#define SH_INFO 28u
#define SH_ALIGN 32u
#define SH_ENTSIZE 36u

static void set_shdr(uint32_t idx, uint32_t name, uint32_t type, uint32_t flags,
		     uint32_t addr, uint32_t off, uint32_t size, uint32_t link,
		     uint32_t info, uint32_t entsize)
{
	w32(shdr(idx, SH_NAME), name);
	w32(shdr(idx, SH_TYPE), type);
	w32(shdr(idx, SH_FLAGS), flags);
	w32(shdr(idx, SH_ADDR), addr);
	w32(shdr(idx, SH_OFFSET), off);
	w32(shdr(idx, SH_SIZE), size);
	w32(shdr(idx, SH_LINK), link);
	w32(shdr(idx, SH_INFO), info);
	w32(shdr(idx, SH_ALIGN), 4);
	w32(shdr(idx, SH_ENTSIZE), entsize);
}

static void set_sym(uint32_t idx, uint32_t name, uint32_t value, uint32_t shndx)
{
	uint32_t o = O_SYMTAB + idx * 16u;

	w32(o, name);
	w32(o + 4, value);
	w32(o + 8, 0);
	img[o + 12] = 0; /* STB_LOCAL, STT_NOTYPE */
	img[o + 13] = 0;
	w16(o + 14, shndx);
}

static void base(void)
{
	static const char shstr[] = "\0.text\0.symtab\0.strtab\0.shstrtab";
	static const uint32_t text[4] = {
		0xe3a00000u, /* mov r0, #0 */
		0xf10c0080u, /* cpsid i */
		0xf10c0080u, /* $d: a data word that looks like cpsid i */
		0xe12fff1eu, /* bx lr */
	};
	uint32_t i;

	memset(img, 0, sizeof(img));
	memcpy(img, "\177ELF", 4);
	img[4] = 1; /* ELFCLASS32 */
	img[5] = 1; /* ELFDATA2LSB */
	img[6] = 1; /* EV_CURRENT */
	w16(16, 2);  /* ET_EXEC */
	w16(18, 40); /* EM_ARM */
	w32(20, 1);
	w32(24, TEXT_ADDR);
	w32(28, O_PHDR);
	w32(32, O_SHDR);
	w32(36, 0x05000200u); /* EABI5, hard-float */
	w16(40, 52);
	w16(42, 32);
	w16(44, 1);
	w16(46, 40);
	w16(48, N_SHDR);
	w16(50, S_SHSTR);
	/* PT_LOAD R+X covering .text */
	w32(O_PHDR + 0, 1);
	w32(O_PHDR + 4, O_TEXT);
	w32(O_PHDR + 8, TEXT_ADDR);
	w32(O_PHDR + 12, TEXT_ADDR);
	w32(O_PHDR + 16, 16);
	w32(O_PHDR + 20, 16);
	w32(O_PHDR + 24, 5);
	w32(O_PHDR + 28, 4);
	for (i = 0; i < 4; i++)
		w32(O_TEXT + 4 * i, text[i]);
	set_sym(1, 1, TEXT_ADDR, S_TEXT);      /* $a */
	set_sym(2, 4, TEXT_ADDR + 8, S_TEXT);  /* $d */
	set_sym(3, 1, TEXT_ADDR + 12, S_TEXT); /* $a */
	memcpy(img + O_STRTAB, "\0$a\0$d\0", 7);
	memcpy(img + O_SHSTR, shstr, sizeof(shstr));
	set_shdr(S_TEXT, 1, 1, 0x6, TEXT_ADDR, O_TEXT, 16, 0, 0, 0);
	set_shdr(S_SYMTAB, 7, 2, 0, 0, O_SYMTAB, 64, S_STRTAB, 1, 16);
	set_shdr(S_STRTAB, 15, 3, 0, 0, O_STRTAB, 7, 0, 0, 0);
	set_shdr(S_SHSTR, 23, 3, 0, 0, O_SHSTR, (uint32_t)sizeof(shstr), 0, 0, 0);
}

static void strip_shdr(void)
{
	w32(32, 0);
	w16(48, 0);
	w16(50, 0);
}

static void emit(const char *name, size_t len)
{
	char path[4096];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", outdir, name);
	fp = fopen(path, "wb");
	if (fp == NULL || fwrite(img, 1, len, fp) != len || fclose(fp) != 0) {
		fprintf(stderr, "scan_mkbad: cannot write %s\n", path);
		failures++;
	}
}

static void all(void)
{
	/* valid */
	base();
	emit("ok-base.elf", IMG_SIZE);
	base();
	strip_shdr();
	emit("ok-segments.elf", IMG_SIZE);
	base();
	w16(50, 0xffff); /* SHN_XINDEX: name table index in sh_link of [0] */
	w32(shdr(0, SH_LINK), S_SHSTR);
	emit("ok-xindex.elf", IMG_SIZE);
	base();
	w16(48, 0); /* extended section count in sh_size of [0] */
	w32(shdr(0, SH_SIZE), N_SHDR);
	emit("ok-xnum.elf", IMG_SIZE);

	/* identification and header */
	base();
	emit("bad-empty.elf", 0);
	emit("bad-short.elf", 20);
	emit("bad-truncated-ehdr.elf", 51);
	img[1] = 'X';
	emit("bad-magic.elf", IMG_SIZE);
	base();
	img[4] = 2;
	emit("bad-elf64.elf", IMG_SIZE);
	base();
	img[4] = 0;
	emit("bad-class.elf", IMG_SIZE);
	base();
	img[5] = 2;
	emit("bad-bigendian.elf", IMG_SIZE);
	base();
	img[6] = 0;
	emit("bad-identversion.elf", IMG_SIZE);
	base();
	w16(18, 3);
	emit("bad-machine-x86.elf", IMG_SIZE);
	base();
	w16(16, 1);
	emit("bad-type-rel.elf", IMG_SIZE);
	base();
	w32(20, 0);
	emit("bad-version.elf", IMG_SIZE);
	base();
	w16(40, 20);
	emit("bad-ehsize.elf", IMG_SIZE);

	/* section header table */
	base();
	emit("bad-truncated-shdrs.elf", O_SHDR + 50);
	base();
	emit("bad-truncated-text.elf", O_TEXT + 8);
	base();
	w32(32, 0xfffffff0u);
	emit("bad-shoff-beyond.elf", IMG_SIZE);
	base();
	w16(48, 0xfff0);
	emit("bad-shnum-huge.elf", IMG_SIZE);
	base();
	w16(48, 0);
	w32(shdr(0, SH_SIZE), 0xffffffffu);
	emit("bad-shnum-ext-huge.elf", IMG_SIZE);
	base();
	w16(46, 64);
	emit("bad-shentsize.elf", IMG_SIZE);
	base();
	w16(50, 99);
	emit("bad-shstrndx-range.elf", IMG_SIZE);
	base();
	w16(50, S_TEXT);
	emit("bad-shstrndx-type.elf", IMG_SIZE);
	base();
	w16(50, 0xffff);
	w32(shdr(0, SH_LINK), 0x12345u);
	emit("bad-shstrndx-xindex.elf", IMG_SIZE);

	/* section contents */
	base();
	w32(shdr(S_TEXT, SH_OFFSET), IMG_SIZE - 4);
	emit("bad-text-beyond.elf", IMG_SIZE);
	base();
	w32(shdr(S_TEXT, SH_OFFSET), 0xfffffff0u);
	w32(shdr(S_TEXT, SH_SIZE), 0x20);
	emit("bad-text-offset-overflow.elf", IMG_SIZE);
	base();
	w32(shdr(S_TEXT, SH_SIZE), 0xffffffffu);
	emit("bad-text-size-huge.elf", IMG_SIZE);
	base();
	w32(shdr(S_TEXT, SH_ADDR), 0xfffffff8u);
	emit("bad-text-addr-wrap.elf", IMG_SIZE);
	base();
	w32(shdr(S_TEXT, SH_NAME), 0x1000);
	emit("bad-shname-range.elf", IMG_SIZE);
	base();
	w32(shdr(S_SHSTR, SH_SIZE), 0x10000);
	emit("bad-shstrtab-beyond.elf", IMG_SIZE);
	base();
	w32(shdr(S_TEXT, SH_FLAGS), 0x2);
	emit("bad-no-exec.elf", IMG_SIZE);
	base();
	w32(shdr(S_SHSTR, SH_FLAGS), 0x6);
	w32(shdr(S_SHSTR, SH_ADDR), TEXT_ADDR + 4);
	emit("ok-overlay.elf", IMG_SIZE); /* overlay: same VMA, own bytes */
	base();
	w32(shdr(S_SHSTR, SH_FLAGS), 0x6);
	w32(shdr(S_SHSTR, SH_ADDR), 0x20000);
	w32(shdr(S_SHSTR, SH_OFFSET), O_TEXT + 4);
	emit("bad-overlap-file.elf", IMG_SIZE);

	/* symbol table */
	base();
	w32(shdr(S_SYMTAB, SH_LINK), 77);
	emit("bad-symtab-link-range.elf", IMG_SIZE);
	base();
	w32(shdr(S_SYMTAB, SH_LINK), S_TEXT);
	emit("bad-symtab-link-type.elf", IMG_SIZE);
	base();
	w32(shdr(S_SYMTAB, SH_ENTSIZE), 8);
	emit("bad-symtab-entsize.elf", IMG_SIZE);
	base();
	w32(shdr(S_SYMTAB, SH_SIZE), 63);
	emit("bad-symtab-size.elf", IMG_SIZE);
	base();
	w32(shdr(S_SYMTAB, SH_SIZE), 0x100000u);
	emit("bad-symtab-beyond.elf", IMG_SIZE);
	base();
	set_sym(2, 0x7fffffffu, TEXT_ADDR + 8, S_TEXT);
	emit("bad-symname-range.elf", IMG_SIZE);
	base();
	set_sym(2, 4, TEXT_ADDR + 8, 0x50);
	emit("bad-symshndx-range.elf", IMG_SIZE);

	/* program headers (no section headers) */
	base();
	strip_shdr();
	w32(28, 0xffffff00u);
	emit("bad-seg-phoff.elf", IMG_SIZE);
	base();
	strip_shdr();
	w16(44, 0x7fff);
	emit("bad-seg-phnum.elf", IMG_SIZE);
	base();
	strip_shdr();
	w16(44, 0xffff);
	emit("bad-seg-pnxnum.elf", IMG_SIZE);
	base();
	strip_shdr();
	w16(42, 16);
	emit("bad-seg-phentsize.elf", IMG_SIZE);
	base();
	strip_shdr();
	w32(O_PHDR + 16, 0x100000u);
	emit("bad-seg-beyond.elf", IMG_SIZE);
	base();
	strip_shdr();
	w32(O_PHDR + 4, 0xfffffffcu);
	w32(O_PHDR + 16, 8);
	emit("bad-seg-offset-overflow.elf", IMG_SIZE);
	base();
	strip_shdr();
	w32(O_PHDR + 8, 0xfffffff8u);
	emit("bad-seg-addr-wrap.elf", IMG_SIZE);
	base();
	strip_shdr();
	w16(44, 2);
	memcpy(img + O_PHDR + 32, img + O_PHDR, 32);
	w32(O_PHDR + 32 + 8, TEXT_ADDR + 4);
	w32(O_PHDR + 32 + 4, O_SYMTAB);
	emit("bad-seg-overlap.elf", IMG_SIZE);
	base();
	strip_shdr();
	w32(O_PHDR + 24, 4);
	emit("bad-seg-noexec.elf", IMG_SIZE);
	base();
	strip_shdr();
	w16(44, 0);
	emit("bad-seg-none.elf", IMG_SIZE);
}

static int strip_file(const char *in, const char *out)
{
	FILE *fp = fopen(in, "rb");
	static uint8_t buf[1u << 20];
	size_t n;

	if (fp == NULL)
		return 1;
	n = fread(buf, 1, sizeof(buf), fp);
	fclose(fp);
	if (n < 52 || n == sizeof(buf))
		return 1;
	memset(buf + 32, 0, 4);
	memset(buf + 48, 0, 4);
	fp = fopen(out, "wb");
	if (fp == NULL || fwrite(buf, 1, n, fp) != n || fclose(fp) != 0)
		return 1;
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "--strip-shdr") == 0) {
		if (strip_file(argv[2], argv[3]) != 0) {
			fprintf(stderr, "scan_mkbad: cannot strip %s to %s\n", argv[2],
				argv[3]);
			return 1;
		}
		return 0;
	}
	if (argc != 2) {
		fprintf(stderr, "usage: scan_mkbad DIR | --strip-shdr IN OUT\n");
		return 1;
	}
	outdir = argv[1];
	all();
	return failures ? 1 : 0;
}
