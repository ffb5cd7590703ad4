/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ELF32 reader for amv-scan. Layouts from the System V gABI and the ARM
 * ELF ABI (IHI 0044, "Mapping symbols"). All header fields are 32-bit or
 * narrower, so every bound is computed in uint64_t, where neither a sum
 * nor a product of two such fields can overflow, and compared with the
 * file size before any byte is read.
 */
#include "scan_elf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EHDR_SIZE 52u
#define SHDR_SIZE 40u
#define PHDR_SIZE 32u
#define SYM_SIZE 16u

#define ET_EXEC 2u
#define ET_DYN 3u
#define EM_ARM 40u
#define SHT_SYMTAB 2u
#define SHT_STRTAB 3u
#define SHT_NOBITS 8u
#define SHF_EXECINSTR 0x4u
#define SHN_UNDEF 0u
#define SHN_LORESERVE 0xff00u
#define SHN_XINDEX 0xffffu
#define PT_LOAD 1u
#define PF_X 0x1u
#define PN_XNUM 0xffffu

/* Headers are bounded by the file size anyway; this keeps the allocations
 * for a hostile count modest even for a maximal file. */
#define MAX_SECTIONS 65536u

static uint16_t rd16(const uint8_t *p)
{
	return (uint16_t)(p[0] | (p[1] << 8));
}

static uint32_t rd32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static int fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err != NULL && errlen > 0) {
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return -1;
}

/* [off, off + len) inside a file of fsize bytes. */
static int in_file(size_t fsize, uint64_t off, uint64_t len)
{
	return off <= (uint64_t)fsize && len <= (uint64_t)fsize - off;
}

const char *scan_kind_name(enum scan_kind k)
{
	switch (k) {
	case SCAN_KIND_ARM: return "arm";
	case SCAN_KIND_THUMB: return "thumb";
	case SCAN_KIND_DATA: return "data";
	case SCAN_KIND_UNMARKED: break;
	}
	return "unmarked";
}

void scan_image_free(struct scan_image *img)
{
	if (img == NULL)
		return;
	free(img->regions);
	free(img->syms);
	img->regions = NULL;
	img->syms = NULL;
	img->nregions = 0;
	img->nsyms = 0;
}

/* Printable copy of a name from the file (hostile bytes become '?'). */
static void copy_name(char *dst, const uint8_t *src, size_t maxlen)
{
	size_t i;

	for (i = 0; i + 1 < SCAN_NAME_MAX && i < maxlen && src[i] != 0; i++)
		dst[i] = (src[i] >= 0x20 && src[i] < 0x7f) ? (char)src[i] : '?';
	dst[i] = 0;
}

struct shdr {
	uint32_t name, type, flags, addr, offset, size, link, info, entsize;
};

static void read_shdr(const uint8_t *p, struct shdr *s)
{
	s->name = rd32(p + 0);
	s->type = rd32(p + 4);
	s->flags = rd32(p + 8);
	s->addr = rd32(p + 12);
	s->offset = rd32(p + 16);
	s->size = rd32(p + 20);
	s->link = rd32(p + 24);
	s->info = rd32(p + 28);
	s->entsize = rd32(p + 36);
}

static int cmp_region_addr(const void *a, const void *b)
{
	const struct scan_region *x = a, *y = b;

	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	if (x->offset != y->offset)
		return x->offset < y->offset ? -1 : 1;
	return 0;
}

static int cmp_region_off(const void *a, const void *b)
{
	const struct scan_region *x = a, *y = b;

	if (x->offset != y->offset)
		return x->offset < y->offset ? -1 : 1;
	return 0;
}

/* Executable regions may not overlap in the file: a byte would be
 * reported twice and patched twice. Segments may not overlap in memory
 * either. Sections may: overlays such as the Linux vectors page
 * (.vectors, .vectors.bhb.* all linked at 0xffff0000, stored apart) are
 * counted in img->noverlays and scanned each on its own. Sorts by
 * address. */
static int check_overlaps(struct scan_image *img, int sections, char *err,
			  size_t errlen)
{
	struct scan_region *r = img->regions;
	size_t i, n = img->nregions;

	qsort(r, n, sizeof(*r), cmp_region_off);
	for (i = 1; i < n; i++)
		if ((uint64_t)r[i - 1].offset + r[i - 1].size > r[i].offset)
			return fail(err, errlen,
				    "executable regions '%s' and '%s' overlap in the file",
				    r[i - 1].name, r[i].name);
	qsort(r, n, sizeof(*r), cmp_region_addr);
	for (i = 1; i < n; i++) {
		if ((uint64_t)r[i - 1].addr + r[i - 1].size <= r[i].addr)
			continue;
		if (!sections)
			return fail(err, errlen,
				    "executable regions '%s' (0x%08x) and '%s' (0x%08x) overlap in memory",
				    r[i - 1].name, r[i - 1].addr, r[i].name, r[i].addr);
		img->noverlays++;
	}
	return 0;
}

struct symtmp {
	uint32_t addr;
	uint32_t shndx;
	uint32_t order; /* position in .symtab: the later symbol wins a tie */
	uint8_t kind;
};

static int cmp_symtmp(const void *a, const void *b)
{
	const struct symtmp *x = a, *y = b;

	if (x->shndx != y->shndx)
		return x->shndx < y->shndx ? -1 : 1;
	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return 0;
}

/* "$a", "$a.<anything>", likewise $d and $t (ARM ELF ABI 4.5.5). */
static uint8_t mapping_kind(const uint8_t *name, size_t maxlen)
{
	if (maxlen < 2 || name[0] != '$')
		return 0;
	if (maxlen > 2 && name[2] != 0 && name[2] != '.')
		return 0;
	switch (name[1]) {
	case 'a': return SCAN_KIND_ARM;
	case 't': return SCAN_KIND_THUMB;
	case 'd': return SCAN_KIND_DATA;
	default: return 0;
	}
}

/* Collects the mapping symbols of .symtab (if any) that belong to a
 * region, sorted by (region, address), one per address. */
static int load_mapsyms(struct scan_image *img, const uint8_t *d,
			const uint8_t *shtab, uint32_t shnum, char *err,
			size_t errlen)
{
	struct shdr st, ss;
	struct symtmp *tmp = NULL;
	size_t ntmp = 0, nsym, i, j, k;
	uint32_t idx;

	for (idx = 1; idx < shnum; idx++) {
		read_shdr(shtab + (size_t)idx * SHDR_SIZE, &st);
		if (st.type == SHT_SYMTAB)
			break;
	}
	if (idx == shnum)
		return 0;
	if (st.entsize != SYM_SIZE)
		return fail(err, errlen, "section %u: .symtab entry size %u, expected 16",
			    idx, st.entsize);
	if (st.size % SYM_SIZE != 0)
		return fail(err, errlen, "section %u: .symtab size %u is not a multiple of 16",
			    idx, st.size);
	if (st.link == 0 || st.link >= shnum)
		return fail(err, errlen, "section %u: .symtab string table index %u out of range",
			    idx, st.link);
	read_shdr(shtab + (size_t)st.link * SHDR_SIZE, &ss);
	if (ss.type != SHT_STRTAB)
		return fail(err, errlen, "section %u: .symtab links to section %u, not a string table",
			    idx, st.link);
	/* Both ranges were checked against the file by the section loop. */
	nsym = st.size / SYM_SIZE;
	if (nsym > 0) {
		tmp = calloc(nsym, sizeof(*tmp));
		if (tmp == NULL)
			return fail(err, errlen, "out of memory (%zu symbols)", nsym);
	}
	for (i = 0; i < nsym; i++) {
		const uint8_t *sym = d + st.offset + i * SYM_SIZE;
		uint32_t name = rd32(sym);
		uint32_t shndx = rd16(sym + 14);
		uint8_t kind;

		if (name >= ss.size) {
			free(tmp);
			return fail(err, errlen,
				    "symbol %zu: name offset %u outside the string table (%u bytes)",
				    i, name, ss.size);
		}
		kind = mapping_kind(d + ss.offset + name, ss.size - name);
		if (kind == 0)
			continue;
		if (shndx == SHN_UNDEF || (shndx >= SHN_LORESERVE))
			continue; /* absolute or undefined: belongs to no region */
		if (shndx >= shnum) {
			free(tmp);
			return fail(err, errlen, "symbol %zu: section index %u out of range",
				    i, shndx);
		}
		tmp[ntmp].addr = rd32(sym + 4);
		tmp[ntmp].shndx = shndx;
		tmp[ntmp].order = (uint32_t)i;
		tmp[ntmp].kind = kind;
		ntmp++;
	}
	if (ntmp == 0) {
		free(tmp);
		return 0;
	}
	qsort(tmp, ntmp, sizeof(*tmp), cmp_symtmp);
	img->syms = calloc(ntmp, sizeof(*img->syms));
	if (img->syms == NULL) {
		free(tmp);
		return fail(err, errlen, "out of memory (%zu mapping symbols)", ntmp);
	}
	k = 0;
	for (j = 0; j < img->nregions; j++) {
		struct scan_region *r = &img->regions[j];
		uint64_t end = (uint64_t)r->addr + r->size;

		size_t lo = 0, hi = ntmp;

		while (lo < hi) { /* first symbol of section r->shndx */
			size_t mid = lo + (hi - lo) / 2;

			if (tmp[mid].shndx < r->shndx)
				lo = mid + 1;
			else
				hi = mid;
		}
		r->first_sym = k;
		for (i = lo; i < ntmp && tmp[i].shndx == r->shndx; i++) {
			if (tmp[i].addr < r->addr || tmp[i].addr >= end)
				continue;
			if (k > r->first_sym && img->syms[k - 1].addr == tmp[i].addr)
				k--; /* same address: the later symbol wins */
			img->syms[k].addr = tmp[i].addr;
			img->syms[k].kind = tmp[i].kind;
			k++;
		}
		r->nsyms = k - r->first_sym;
	}
	img->nsyms = k;
	free(tmp);
	return 0;
}

static int load_sections(struct scan_image *img, const uint8_t *d, size_t n,
			 uint32_t shoff, uint32_t shnum_hdr, uint32_t shstrndx_hdr,
			 char *err, size_t errlen)
{
	struct shdr s0, s, strs;
	const uint8_t *shtab = d + shoff;
	uint32_t shnum = shnum_hdr, shstrndx = shstrndx_hdr, i;
	size_t nexec = 0;

	if (!in_file(n, shoff, SHDR_SIZE))
		return fail(err, errlen, "section header table at 0x%x is outside the file (%zu bytes)",
			    shoff, n);
	read_shdr(shtab, &s0);
	if (shnum == 0)
		shnum = s0.size; /* extended numbering (gABI) */
	if (shstrndx == SHN_XINDEX)
		shstrndx = s0.link;
	if (shnum == 0 || shnum > MAX_SECTIONS)
		return fail(err, errlen, "section count %u out of range", shnum);
	if (!in_file(n, shoff, (uint64_t)shnum * SHDR_SIZE))
		return fail(err, errlen,
			    "section header table (%u entries at 0x%x) extends beyond the end of the file (%zu bytes)",
			    shnum, shoff, n);
	if (shstrndx != SHN_UNDEF && shstrndx >= shnum)
		return fail(err, errlen, "section name table index %u out of range (%u sections)",
			    shstrndx, shnum);
	memset(&strs, 0, sizeof(strs));
	if (shstrndx != SHN_UNDEF) {
		read_shdr(shtab + (size_t)shstrndx * SHDR_SIZE, &strs);
		if (strs.type != SHT_STRTAB)
			return fail(err, errlen, "section name table (section %u) is not a string table",
				    shstrndx);
	}
	for (i = 1; i < shnum; i++) {
		read_shdr(shtab + (size_t)i * SHDR_SIZE, &s);
		if (s.type != SHT_NOBITS && !in_file(n, s.offset, s.size))
			return fail(err, errlen,
				    "section %u: offset 0x%x + size 0x%x extends beyond the end of the file (%zu bytes)",
				    i, s.offset, s.size, n);
		if (shstrndx != SHN_UNDEF && s.name >= strs.size && s.name != 0)
			return fail(err, errlen,
				    "section %u: name offset %u outside the section name table (%u bytes)",
				    i, s.name, strs.size);
		if ((s.flags & SHF_EXECINSTR) && s.type != SHT_NOBITS && s.size > 0)
			nexec++;
	}
	if (nexec == 0)
		return fail(err, errlen, "no executable (SHF_EXECINSTR) sections");
	img->regions = calloc(nexec, sizeof(*img->regions));
	if (img->regions == NULL)
		return fail(err, errlen, "out of memory");
	for (i = 1; i < shnum; i++) {
		struct scan_region *r;

		read_shdr(shtab + (size_t)i * SHDR_SIZE, &s);
		if (!(s.flags & SHF_EXECINSTR) || s.type == SHT_NOBITS || s.size == 0)
			continue;
		if ((uint64_t)s.addr + s.size > 0x100000000ull)
			return fail(err, errlen,
				    "section %u: address 0x%x + size 0x%x wraps around the 32-bit address space",
				    i, s.addr, s.size);
		r = &img->regions[img->nregions++];
		r->addr = s.addr;
		r->offset = s.offset;
		r->size = s.size;
		r->shndx = i;
		if (shstrndx != SHN_UNDEF && s.name < strs.size)
			copy_name(r->name, d + strs.offset + s.name, strs.size - s.name);
		if (r->name[0] == 0)
			snprintf(r->name, sizeof(r->name), "section[%u]", i);
	}
	if (check_overlaps(img, 1, err, errlen) != 0)
		return -1;
	return load_mapsyms(img, d, shtab, shnum, err, errlen);
}

static int load_segments(struct scan_image *img, const uint8_t *d, size_t n,
			 uint32_t phoff, uint32_t phnum, char *err, size_t errlen)
{
	uint32_t i;
	size_t nexec = 0;

	if (phnum == 0)
		return fail(err, errlen, "no section headers and no program headers");
	if (phnum == PN_XNUM)
		return fail(err, errlen, "extended program header count without section headers");
	if (!in_file(n, phoff, (uint64_t)phnum * PHDR_SIZE))
		return fail(err, errlen,
			    "program header table (%u entries at 0x%x) extends beyond the end of the file (%zu bytes)",
			    phnum, phoff, n);
	for (i = 0; i < phnum; i++) {
		const uint8_t *p = d + phoff + (size_t)i * PHDR_SIZE;

		if (rd32(p) != PT_LOAD)
			continue;
		if (!in_file(n, rd32(p + 4), rd32(p + 16)))
			return fail(err, errlen,
				    "segment %u: offset 0x%x + size 0x%x extends beyond the end of the file (%zu bytes)",
				    i, rd32(p + 4), rd32(p + 16), n);
		if ((rd32(p + 24) & PF_X) && rd32(p + 16) > 0)
			nexec++;
	}
	if (nexec == 0)
		return fail(err, errlen, "no section headers and no executable PT_LOAD segments");
	img->regions = calloc(nexec, sizeof(*img->regions));
	if (img->regions == NULL)
		return fail(err, errlen, "out of memory");
	for (i = 0; i < phnum; i++) {
		const uint8_t *p = d + phoff + (size_t)i * PHDR_SIZE;
		struct scan_region *r;

		if (rd32(p) != PT_LOAD || !(rd32(p + 24) & PF_X) || rd32(p + 16) == 0)
			continue;
		if ((uint64_t)rd32(p + 8) + rd32(p + 16) > 0x100000000ull)
			return fail(err, errlen,
				    "segment %u: address 0x%x + size 0x%x wraps around the 32-bit address space",
				    i, rd32(p + 8), rd32(p + 16));
		r = &img->regions[img->nregions++];
		r->offset = rd32(p + 4);
		r->addr = rd32(p + 8);
		r->size = rd32(p + 16);
		snprintf(r->name, sizeof(r->name), "PT_LOAD[%u]", i);
	}
	return check_overlaps(img, 0, err, errlen);
}

int scan_elf_load(struct scan_image *img, const uint8_t *d, size_t n,
		  char *err, size_t errlen)
{
	uint32_t type, machine, version, phoff, shoff;
	uint32_t phentsize, phnum, shentsize, shnum, shstrndx;
	int rc;

	if (img == NULL || (d == NULL && n > 0))
		return fail(err, errlen, "invalid arguments");
	memset(img, 0, sizeof(*img));
	img->data = d;
	img->size = n;
	if (n > SCAN_MAX_IMAGE)
		return fail(err, errlen, "file too large (%zu bytes, limit %u)", n,
			    SCAN_MAX_IMAGE);
	if (n < 4 || memcmp(d, "\177ELF", 4) != 0)
		return fail(err, errlen, "not an ELF file (bad magic)");
	if (n < EHDR_SIZE)
		return fail(err, errlen, "truncated ELF header (%zu bytes, need 52)", n);
	if (d[4] == 2)
		return fail(err, errlen, "ELF64 file: only ELF32 is supported");
	if (d[4] != 1)
		return fail(err, errlen, "bad ELF class %u", d[4]);
	if (d[5] == 2)
		return fail(err, errlen, "big-endian ELF: only little-endian ARM is supported");
	if (d[5] != 1)
		return fail(err, errlen, "bad ELF data encoding %u", d[5]);
	if (d[6] != 1)
		return fail(err, errlen, "bad ELF identification version %u", d[6]);
	type = rd16(d + 16);
	machine = rd16(d + 18);
	version = rd32(d + 20);
	if (machine != EM_ARM)
		return fail(err, errlen, "machine %u is not ARM (40)", machine);
	if (version != 1)
		return fail(err, errlen, "bad ELF version %u", version);
	if (type != ET_EXEC && type != ET_DYN)
		return fail(err, errlen, "ELF type %u: only executables (ET_EXEC, ET_DYN) are supported",
			    type);
	if (rd16(d + 40) < EHDR_SIZE)
		return fail(err, errlen, "ELF header size %u is less than 52", rd16(d + 40));
	img->entry = rd32(d + 24);
	phoff = rd32(d + 28);
	shoff = rd32(d + 32);
	phentsize = rd16(d + 42);
	phnum = rd16(d + 44);
	shentsize = rd16(d + 46);
	shnum = rd16(d + 48);
	shstrndx = rd16(d + 50);

	if (shoff != 0) {
		if (shentsize != SHDR_SIZE)
			return fail(err, errlen, "section header entry size %u, expected 40",
				    shentsize);
		img->source = SCAN_SRC_SECTIONS;
		rc = load_sections(img, d, n, shoff, shnum, shstrndx, err, errlen);
	} else {
		if (phnum != 0 && phentsize != PHDR_SIZE)
			return fail(err, errlen, "program header entry size %u, expected 32",
				    phentsize);
		img->source = SCAN_SRC_SEGMENTS;
		rc = load_segments(img, d, n, phoff, phnum, err, errlen);
	}
	if (rc != 0)
		scan_image_free(img);
	return rc;
}

int scan_raw_load(struct scan_image *img, const uint8_t *d, size_t n,
		  uint32_t base, char *err, size_t errlen)
{
	if (img == NULL || (d == NULL && n > 0))
		return fail(err, errlen, "invalid arguments");
	memset(img, 0, sizeof(*img));
	img->data = d;
	img->size = n;
	img->source = SCAN_SRC_RAW;
	img->entry = base;
	if (n > SCAN_MAX_IMAGE)
		return fail(err, errlen, "file too large (%zu bytes, limit %u)", n,
			    SCAN_MAX_IMAGE);
	if (n == 0)
		return fail(err, errlen, "empty file");
	if ((uint64_t)base + n > 0x100000000ull)
		return fail(err, errlen,
			    "base 0x%08x + size 0x%zx wraps around the 32-bit address space",
			    base, n);
	img->regions = calloc(1, sizeof(*img->regions));
	if (img->regions == NULL)
		return fail(err, errlen, "out of memory");
	img->nregions = 1;
	img->regions[0].addr = base;
	img->regions[0].offset = 0;
	img->regions[0].size = (uint32_t)n;
	snprintf(img->regions[0].name, sizeof(img->regions[0].name), "raw");
	return 0;
}

enum scan_kind scan_region_kind(const struct scan_image *img,
				const struct scan_region *r, uint32_t addr,
				uint64_t *span_end)
{
	const struct scan_mapsym *s;
	uint64_t end = (uint64_t)r->addr + r->size;
	enum scan_kind kind = SCAN_KIND_UNMARKED;
	size_t lo = 0, hi = r->nsyms;

	if (r->nsyms == 0 || img->syms == NULL) {
		if (span_end != NULL)
			*span_end = end;
		return kind;
	}
	s = img->syms + r->first_sym;

	/* First symbol with address > addr. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s[mid].addr <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo > 0)
		kind = (enum scan_kind)s[lo - 1].kind;
	if (lo < r->nsyms)
		end = s[lo].addr;
	if (span_end != NULL)
		*span_end = end;
	return kind;
}

int scan_image_offset(const struct scan_image *img, uint32_t addr,
		      uint32_t len, size_t *off)
{
	size_t i;

	for (i = 0; i < img->nregions; i++) {
		const struct scan_region *r = &img->regions[i];

		if (addr >= r->addr && (uint64_t)addr + len <= (uint64_t)r->addr + r->size) {
			*off = (size_t)r->offset + (addr - r->addr);
			return 0;
		}
	}
	return -1;
}
