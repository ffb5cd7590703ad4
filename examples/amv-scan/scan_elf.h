/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * amv-scan image reader: an ELF32 ARM little-endian executable, or a raw
 * binary at a base address, turned into a list of executable regions and
 * the ARM ELF mapping symbols ($a, $d, $t) that say which bytes of them are
 * ARM code, Thumb code or data.
 *
 * The reader trusts nothing in the file: every offset, size and index is
 * checked against the file size with overflow-safe arithmetic before it is
 * used, and every failure is a -1 with a message in the caller's buffer.
 * It never writes to the image bytes. Host-side code: it allocates.
 */
#ifndef AMV_SCAN_ELF_H
#define AMV_SCAN_ELF_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** What the bytes of a span of an executable region are. */
enum scan_kind {
	SCAN_KIND_UNMARKED = 0, /* no mapping symbol covers it: assumed ARM */
	SCAN_KIND_ARM = 1,      /* $a */
	SCAN_KIND_THUMB = 2,    /* $t */
	SCAN_KIND_DATA = 3      /* $d */
};

/** A mapping symbol: from addr on, bytes of its section are of kind. */
struct scan_mapsym {
	uint32_t addr;
	uint8_t kind; /* enum scan_kind, never UNMARKED */
};

#define SCAN_NAME_MAX 32

/** An executable section, executable PT_LOAD segment, or the raw image. */
struct scan_region {
	uint32_t addr;   /* virtual address of the first byte */
	uint32_t offset; /* file offset of the first byte */
	uint32_t size;   /* bytes, all inside the file, addr + size <= 2^32 */
	uint32_t shndx;  /* section index; 0 for segments and raw images */
	char name[SCAN_NAME_MAX]; /* printable ASCII, NUL-terminated */
	size_t first_sym; /* this region's mapping symbols: syms[first_sym..] */
	size_t nsyms;     /* sorted by address, one per address */
};

enum scan_source {
	SCAN_SRC_SECTIONS = 0, /* ELF, SHF_EXECINSTR sections */
	SCAN_SRC_SEGMENTS = 1, /* ELF without section headers, PF_X PT_LOADs */
	SCAN_SRC_RAW = 2       /* raw binary */
};

struct scan_image {
	const uint8_t *data; /* the caller's bytes, not owned */
	size_t size;
	enum scan_source source;
	uint32_t entry;            /* e_entry, or the base for raw images */
	struct scan_region *regions; /* sorted by address (then offset); never
					overlapping in the file; sections may
					overlap in memory (overlays) */
	size_t nregions;
	size_t noverlays;          /* pairs of neighbours overlapping in memory */
	struct scan_mapsym *syms;  /* mapping symbols of all regions */
	size_t nsyms;
};

/** Largest image the reader accepts (bytes). */
#define SCAN_MAX_IMAGE (512u * 1024u * 1024u)

/**
 * Parse an ELF32 ARM little-endian executable (ET_EXEC or ET_DYN).
 * On success *img refers to @p data (keep it alive) and owns allocations
 * released by scan_image_free(). On failure returns -1, writes a message
 * (no trailing newline) to err, and leaves nothing to free.
 */
int scan_elf_load(struct scan_image *img, const uint8_t *data, size_t size,
		  char *err, size_t errlen);

/** A raw binary: one region "raw" at @p base, no mapping symbols. */
int scan_raw_load(struct scan_image *img, const uint8_t *data, size_t size,
		  uint32_t base, char *err, size_t errlen);

/** Release what scan_*_load() allocated; safe on a zeroed image. */
void scan_image_free(struct scan_image *img);

/**
 * Kind of the byte at @p addr (inside region @p r) and the end of the span
 * of that kind starting there: *span_end is the address of the next
 * mapping symbol of the region or the region's end, as a 64-bit value so
 * that a region ending at 2^32 is representable.
 */
enum scan_kind scan_region_kind(const struct scan_image *img,
				const struct scan_region *r, uint32_t addr,
				uint64_t *span_end);

/**
 * File offset of the @p len bytes at virtual address @p addr, if they lie
 * entirely inside one region (the first by address order, for overlays).
 * Returns 0 and sets *off, or -1.
 */
int scan_image_offset(const struct scan_image *img, uint32_t addr,
		      uint32_t len, size_t *off);

/** Name of a kind: "unmarked", "arm", "thumb", "data". */
const char *scan_kind_name(enum scan_kind k);

#ifdef __cplusplus
}
#endif

#endif /* AMV_SCAN_ELF_H */
