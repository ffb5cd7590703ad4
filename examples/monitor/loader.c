/* SPDX-License-Identifier: BSD-2-Clause */
#include "loader.h"

/* ELF32 (System V gABI, ARM ELF ABI): the fields the loader uses. */
#define EI_NIDENT 16
#define EH_SIZE 52u
#define PH_SIZE 32u
#define ET_EXEC 2u
#define EM_ARM 40u
#define PT_LOAD 1u

/* UDF #imm16 (A8.8.247, encoding A1): 1110 0111 1111 imm12 1111 imm4. */
#define UDF(i) (0xe7f000f0u | (((i) & 0xfff0u) << 4) | ((i) & 0xfu))

static uint32_t le16(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t le32(const uint8_t *p)
{
	return le16(p) | le16(p + 2) << 16;
}

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

static int fail(const char **err, const char *why)
{
	*err = why;
	return -1;
}

struct phdrs {
	const uint8_t *ph;
	uint32_t n;
};

/* The ELF header checks shared by both entry points. */
static int elf_header(const uint8_t *img, size_t size, struct phdrs *p,
		      uint32_t *entry, const char **err)
{
	uint32_t phoff, phnum;

	if (img == NULL || size < EH_SIZE)
		return fail(err, "image shorter than an ELF header");
	if (img[0] != 0x7f || img[1] != 'E' || img[2] != 'L' || img[3] != 'F')
		return fail(err, "not an ELF file");
	if (img[4] != 1 || img[5] != 1 || img[6] != 1)
		return fail(err, "not ELF32 little-endian version 1");
	if (le16(img + 16) != ET_EXEC || le16(img + 18) != EM_ARM)
		return fail(err, "not an ARM executable (ET_EXEC, EM_ARM)");
	phoff = le32(img + 28);
	phnum = le16(img + 44);
	if (le16(img + 42) != PH_SIZE || phnum == 0)
		return fail(err, "no program headers of the ELF32 size");
	if (phoff > size || (size - phoff) / PH_SIZE < phnum)
		return fail(err, "program headers outside the file");
	p->ph = img + phoff;
	p->n = phnum;
	*entry = le32(img + 24);
	return 0;
}

/* Is [gpa, gpa + len) inside RAM? */
static bool in_ram(const struct ld_ram *ram, uint32_t gpa, uint32_t len)
{
	return gpa >= ram->gpa && gpa - ram->gpa <= ram->size &&
	       len <= ram->size - (gpa - ram->gpa);
}

int ld_load_elf(const uint8_t *img, size_t size, const struct ld_ram *ram,
		uint32_t *entry, const char **err)
{
	struct phdrs p;
	bool entry_ok = false;
	uint32_t i, loaded = 0;

	if (ram == NULL || entry == NULL || err == NULL)
		return -1;
	if (elf_header(img, size, &p, entry, err) != 0)
		return -1;
	for (i = 0; i < p.n; i++) {
		const uint8_t *ph = p.ph + i * PH_SIZE;
		uint32_t off = le32(ph + 4), pa = le32(ph + 12);
		uint32_t filesz = le32(ph + 16), memsz = le32(ph + 20);
		uint8_t *dst;

		if (le32(ph) != PT_LOAD)
			continue;
		/* Before skipping empty segments: va_to_pa() trusts p_filesz. */
		if (filesz > memsz)
			return fail(err, "segment with p_filesz > p_memsz");
		if (memsz == 0)
			continue;
		if (off > size || filesz > size - off)
			return fail(err, "segment contents outside the file");
		if (!in_ram(ram, pa, memsz))
			return fail(err, "segment outside guest RAM");
		dst = ram->host + (pa - ram->gpa);
		for (uint32_t b = 0; b < filesz; b++)
			dst[b] = img[off + b];
		for (uint32_t b = filesz; b < memsz; b++)
			dst[b] = 0;
		if (*entry - pa < memsz)
			entry_ok = true;
		loaded++;
	}
	if (loaded == 0)
		return fail(err, "no PT_LOAD segment");
	if (!entry_ok || (*entry & 3u) != 0)
		return fail(err, "entry point not an ARM address in a segment");
	return 0;
}

/* The physical address of the word at virtual address va, from the
 * PT_LOAD segment whose file contents hold it. */
static int va_to_pa(const struct phdrs *p, uint32_t va, uint32_t *pa)
{
	uint32_t i;

	for (i = 0; i < p->n; i++) {
		const uint8_t *ph = p->ph + i * PH_SIZE;
		uint32_t vaddr = le32(ph + 8), filesz = le32(ph + 16);

		if (le32(ph) == PT_LOAD && va - vaddr < filesz &&
		    filesz - (va - vaddr) >= 4) {
			*pa = le32(ph + 12) + (va - vaddr);
			return 0;
		}
	}
	return -1;
}

int ld_apply_patches(const uint8_t *img, size_t size, const uint8_t *tab,
		     size_t tabsize, const struct ld_ram *ram,
		     struct amv_patch *va, struct amv_patch *pa, uint32_t max,
		     uint32_t *n, const char **err)
{
	struct phdrs p;
	uint32_t entry, count, i;

	if (ram == NULL || va == NULL || pa == NULL || n == NULL ||
	    err == NULL)
		return -1;
	*n = 0;
	if (elf_header(img, size, &p, &entry, err) != 0)
		return -1;
	if (tab == NULL || tabsize < 16 || tab[0] != 'A' || tab[1] != 'M' ||
	    tab[2] != 'V' || tab[3] != 'P')
		return fail(err, "patch table: bad magic");
	if (le16(tab + 4) != 1 || le16(tab + 6) != 16 || le16(tab + 8) != 16)
		return fail(err, "patch table: unknown version or sizes");
	count = le32(tab + 12);
	if ((tabsize - 16) / 16 < count)
		return fail(err, "patch table: shorter than its count");
	if (count > max || count > 0x10000u)
		return fail(err, "patch table: too many entries");
	for (i = 0; i < count; i++) {
		const uint8_t *e = tab + 16 + 16 * i;
		uint32_t addr = le32(e + 4), orig = le32(e + 8), gpa;
		uint8_t *word;

		if (le32(e) != i)
			return fail(err, "patch table: entry index out of order");
		if ((addr & 3u) != 0 || va_to_pa(&p, addr, &gpa) != 0 ||
		    !in_ram(ram, gpa, 4))
			return fail(err, "patch table: address not in the image");
		word = ram->host + (gpa - ram->gpa);
		if (le32(word) != orig)
			return fail(err, "patch table: original word mismatch");
		put32(word, UDF(i));
		va[i].index = i;
		va[i].address = addr;
		va[i].original = orig;
		va[i].cls = (uint16_t)le16(e + 12);
		va[i].cond = e[14];
		va[i].flags = e[15];
		va[i].decoded = false;
		pa[i] = va[i];
		pa[i].address = gpa;
	}
	*n = count;
	return 0;
}
