/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Walker oracle: the blob the host generates and the guest executes, and the
 * results the guest writes back. Shared by walk_oracle.c (host) and
 * walk_oracle_guest.c (bare-metal, realview-pb-a8).
 *
 * Blob (little-endian words), loaded by QEMU at ORACLE_BLOB_PA:
 *   struct oracle_blob_hdr
 *   n_images x { struct oracle_image_hdr,
 *                n_chunks x { pa, nwords, word[nwords] },
 *                n_queries x va }
 * Results file (semihosting), per image, per query, per ATS kind in the
 * order ATS1CPR, ATS1CPW, ATS1CUR, ATS1CUW: { status, value } where status
 * is ORACLE_RES_PAR (value = PAR) or ORACLE_RES_ABORT (the ATS operation
 * took a Data Abort; value = DFSR).
 */
#ifndef ORACLE_BLOB_H
#define ORACLE_BLOB_H

#include <stdint.h>

#define ORACLE_MAGIC 0x4f564d41u /* "AMVO" */
#define ORACLE_VERSION 2u

/*
 * Guest physical layout, relative to the board's RAM base (the address its
 * programs run at: realview-pb-a8 0x70000000, the RAM alias; vexpress-a9
 * 0x60000000; vexpress-a15 0x80000000). The first MiB holds the program and
 * is the "window" every image maps flat; tables go after it; QEMU loads
 * the blob at ORACLE_BLOB_OFF.
 */
#define ORACLE_TABLES_OFF 0x00100000u
#define ORACLE_TABLES_END_OFF 0x02000000u
#define ORACLE_BLOB_OFF 0x02000000u
#define ORACLE_BLOB_MAX 0x06000000u
#define ORACLE_MAX_QUERIES 4096u

#define ORACLE_RES_PAR 0u
#define ORACLE_RES_ABORT 1u
#define ORACLE_KINDS 4u

struct oracle_blob_hdr {
	uint32_t magic;
	uint32_t version;
	uint32_t n_images;
	uint32_t total_bytes;
	uint32_t seed;
	uint32_t ram_base; /* the board's RAM base; the guest checks it */
	uint32_t board;    /* index into the host's board table */
	uint32_t reserved;
};

struct oracle_image_hdr {
	uint32_t bytes;  /* this image record, header included */
	uint32_t sctlr_set; /* ORed into SCTLR to run the queries (M, AFE, TRE) */
	uint32_t ttbr0;
	uint32_t ttbr1;
	uint32_t ttbcr;
	uint32_t dacr;
	uint32_t prrr;
	uint32_t nmrr;
	uint32_t contextidr;
	uint32_t n_chunks;
	uint32_t n_queries;
	uint32_t reserved;
};

#endif /* ORACLE_BLOB_H */
