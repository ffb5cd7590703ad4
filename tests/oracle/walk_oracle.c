/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Walker oracle, host side.
 *
 *   walk_oracle gen BOARD SEED IMAGES QUERIES BLOB
 *       Write IMAGES random table images (QUERIES query VAs each) to BLOB,
 *       for BOARD: realview-pb-a8, vexpress-a9 or vexpress-a15.
 *   walk_oracle check BLOB RESULTS DEVIATIONS
 *       Replay every query through amv_walk() and compare with the PAR
 *       values (or Data Aborts) QEMU's CPU produced for
 *       ATS1CPR/ATS1CPW/ATS1CUR/ATS1CUW. A mismatch counts unless it is a
 *       QEMU deviation listed in DEVIATIONS (docs/walker.md explains each).
 *
 * Exit status: 0 pass, 1 mismatches or missing coverage, 2 usage or I/O.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <amv/amv.h>

#include "oracle_blob.h"
#include "ptgen.h"
#include "slurp.h"
#include "testmem.h"

/*
 * The boards the oracle runs on, with the address ranges where nothing
 * answers (QEMU 7.2 `info mtree`) and the translation regime features of
 * their cores as QEMU models them:
 *  - realview-pb-a8: Cortex-A8 without TrustZone (QEMU sets has_el3 off),
 *    so no TTBCR.PD0/PD1 and Non-secure outputs;
 *  - vexpress-a9,secure=on: Cortex-A9 in Secure state (PD0/PD1, NS bits);
 *  - vexpress-a15,secure=on: Cortex-A15 in Secure state, with PXN.
 */
struct board {
	const char *name;
	uint32_t ram_base;
	struct ptgen_range holes[2];
	uint32_t regime_flags;
};

static const struct board boards[] = {
	{"realview-pb-a8", 0x70000000u,
	 {{0x20000000u, 0x40000000u}, {0x80000000u, 0xe0000000u}},
	 AMV_REGIME_NONSECURE | AMV_REGIME_NO_SECEXT},
	{"vexpress-a9", 0x60000000u,
	 {{0x20000000u, 0x3f000000u}, {0x80000000u, 0xf0000000u}},
	 0},
	{"vexpress-a15", 0x80000000u,
	 {{0x30000000u, 0x7f000000u}, {0x90000000u, 0xf0000000u}},
	 AMV_REGIME_PXN},
};
#define N_BOARDS (sizeof(boards) / sizeof(boards[0]))

static const char *const kind_name[ORACLE_KINDS] = {"ATS1CPR", "ATS1CPW",
						     "ATS1CUR", "ATS1CUW"};
static const unsigned int kind_access[ORACLE_KINDS] = {
	AMV_ACC_READ, AMV_ACC_WRITE, AMV_ACC_READ | AMV_ACC_USER,
	AMV_ACC_WRITE | AMV_ACC_USER};

static void die(const char *what)
{
	fprintf(stderr, "walk_oracle: %s: %s\n", what, strerror(errno));
	exit(2);
}

static void put32(FILE *f, uint32_t v)
{
	if (fwrite(&v, 4, 1, f) != 1)
		die("write");
}

static int cmd_gen(unsigned int board, uint32_t seed, uint32_t images,
		   uint32_t queries, const char *path)
{
	const struct board *b = &boards[board];
	struct ptgen_params par = {
		.table_lo = b->ram_base + ORACLE_TABLES_OFF,
		.table_hi = b->ram_base + ORACLE_TABLES_END_OFF,
		.holes = b->holes,
		.n_holes = 2,
		.window = true,
		.window_va = b->ram_base,
		.window_pa = b->ram_base,
		.n_queries = queries,
		.regime_flags = b->regime_flags,
		.max_l2 = 48,
	};
	struct ptgen_image *img = malloc(sizeof(*img));
	struct oracle_blob_hdr bh = {ORACLE_MAGIC, ORACLE_VERSION, images, 0,
				     seed, b->ram_base, board, 0};
	struct prng rng;
	uint32_t i, c, q, total = sizeof(bh);
	FILE *f = fopen(path, "wb");

	if (f == NULL)
		die(path);
	if (img == NULL || queries > ORACLE_MAX_QUERIES) {
		fprintf(stderr, "walk_oracle: at most %u queries per image\n",
			ORACLE_MAX_QUERIES);
		return 2;
	}
	prng_seed(&rng, seed);
	if (fwrite(&bh, sizeof(bh), 1, f) != 1)
		die(path);
	for (i = 0; i < images; i++) {
		struct oracle_image_hdr h;

		/* Every tenth image of each kind is forced, for coverage. */
		par.force = (i % 10 == 3)   ? PTGEN_FORCE_MMU_OFF
			    : (i % 10 == 7) ? PTGEN_FORCE_TTBR_HOLE
					    : 0;
		if (ptgen_image(&rng, &par, img) != 0) {
			fprintf(stderr, "walk_oracle: generator failed\n");
			return 2;
		}
		memset(&h, 0, sizeof(h));
		h.bytes = sizeof(h) + 4 * img->nqueries;
		for (c = 0; c < img->nchunks; c++)
			h.bytes += 8 + 4 * img->chunk[c].nwords;
		h.sctlr_set = img->sctlr_set;
		h.ttbr0 = img->regime.ttbr0;
		h.ttbr1 = img->regime.ttbr1;
		h.ttbcr = img->regime.ttbcr;
		h.dacr = img->regime.dacr;
		h.prrr = img->regime.prrr;
		h.nmrr = img->regime.nmrr;
		h.contextidr = img->regime.contextidr;
		h.n_chunks = img->nchunks;
		h.n_queries = img->nqueries;
		if (fwrite(&h, sizeof(h), 1, f) != 1)
			die(path);
		for (c = 0; c < img->nchunks; c++) {
			put32(f, img->chunk[c].pa);
			put32(f, img->chunk[c].nwords);
			if (fwrite(img->chunk[c].words, 4, img->chunk[c].nwords,
				   f) != img->chunk[c].nwords)
				die(path);
		}
		for (q = 0; q < img->nqueries; q++)
			put32(f, img->query[q]);
		total += h.bytes;
	}
	if (total > ORACLE_BLOB_MAX) {
		fprintf(stderr, "walk_oracle: blob of %u bytes exceeds %u\n",
			total, ORACLE_BLOB_MAX);
		return 2;
	}
	bh.total_bytes = total;
	if (fseek(f, 0, SEEK_SET) != 0 || fwrite(&bh, sizeof(bh), 1, f) != 1 ||
	    fclose(f) != 0)
		die(path);
	free(img);
	printf("walk_oracle: %s, seed %u, %u images x %u queries -> %s "
	       "(%u bytes)\n",
	       b->name, seed, images, queries, path, total);
	return 0;
}

/* The file's contents; any failure ends the program. */
static void *slurp_or_die(const char *path, size_t *len)
{
	void *p = slurp(path, len);

	if (p == NULL)
		die(path);
	return p;
}

/* ------------------------------------------------------------ deviations */

/*
 * A QEMU behaviour that differs from the ARM ARM. A mismatch is excused only
 * when its classifier matches AND its id is listed in the deviations file.
 */
struct deviation {
	const char *id;
	bool (*match)(const struct amv_regime *r, const struct amv_xlat *x,
		      const struct amv_fault *f, int rc, uint32_t status,
		      uint32_t value);
	bool listed;
	unsigned long count;
};

static uint32_t domain_field(const struct amv_regime *r, unsigned int domain)
{
	return AMV_DACR_FIELD(r->dacr, domain);
}

/*
 * QEMU checks the domain before the access flag: where the architecture
 * takes an Access flag fault in a No-access (or reserved) domain, QEMU
 * reports a Domain fault at the same level.
 */
static bool dev_af_after_domain(const struct amv_regime *r,
				const struct amv_xlat *x,
				const struct amv_fault *f, int rc,
				uint32_t status, uint32_t value)
{
	uint32_t field;

	(void)x;
	if (rc != AMV_WALK_FAULT || f->type != AMV_FAULT_ACCESS_FLAG ||
	    status != ORACLE_RES_PAR || !(value & AMV_PAR_F))
		return false;
	field = domain_field(r, f->domain);
	return (field == AMV_DACR_NOACCESS || field == AMV_DACR_RESERVED) &&
	       ((value >> AMV_PAR_FS_SHIFT) & AMV_PAR_FS_MASK) ==
		       (f->level == 1 ? AMV_FS_DOMAIN_L1 : AMV_FS_DOMAIN_L2);
}

/*
 * QEMU checks the access flag only in Client domains: where the
 * architecture takes an Access flag fault in a Manager domain, QEMU
 * translates.
 */
static bool dev_af_manager(const struct amv_regime *r, const struct amv_xlat *x,
			   const struct amv_fault *f, int rc, uint32_t status,
			   uint32_t value)
{
	uint32_t pa_mask = x->kind == AMV_MAP_SUPERSECTION ? 0xff000000u
							   : AMV_PAR_PA_MASK;

	return rc == AMV_WALK_FAULT && f->type == AMV_FAULT_ACCESS_FLAG &&
	       domain_field(r, f->domain) == AMV_DACR_MANAGER &&
	       status == ORACLE_RES_PAR && !(value & AMV_PAR_F) &&
	       ((value ^ (uint32_t)x->pa) & pa_mask) == 0;
}

/*
 * QEMU checks the domain of a page-table descriptor before fetching the
 * level-2 descriptor: where the architecture fetches it first (and takes a
 * level-2 Translation fault, external abort or Access flag fault), QEMU
 * reports a level-2 Domain fault.
 */
static bool dev_domain_before_l2(const struct amv_regime *r,
				 const struct amv_xlat *x,
				 const struct amv_fault *f, int rc,
				 uint32_t status, uint32_t value)
{
	uint32_t field;

	(void)x;
	if (rc != AMV_WALK_FAULT || f->level != 2 ||
	    (f->type != AMV_FAULT_TRANSLATION &&
	     f->type != AMV_FAULT_EXT_ABORT_WALK &&
	     f->type != AMV_FAULT_ACCESS_FLAG) ||
	    status != ORACLE_RES_PAR || !(value & AMV_PAR_F))
		return false;
	field = domain_field(r, f->domain);
	return (field == AMV_DACR_NOACCESS || field == AMV_DACR_RESERVED) &&
	       ((value >> AMV_PAR_FS_SHIFT) & AMV_PAR_FS_MASK) ==
		       AMV_FS_DOMAIN_L2;
}

static struct deviation deviations[] = {
	{"qemu-domain-before-l2-fetch", dev_domain_before_l2, false, 0},
	{"qemu-af-after-domain", dev_af_after_domain, false, 0},
	{"qemu-af-manager", dev_af_manager, false, 0},
};
#define N_DEVIATIONS (sizeof(deviations) / sizeof(deviations[0]))

static void load_deviations(const char *path)
{
	char line[512], id[128];
	FILE *f = fopen(path, "r");
	unsigned int i;

	if (f == NULL)
		die(path);
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "[%127[^]]]", id) != 1)
			continue;
		for (i = 0; i < N_DEVIATIONS; i++)
			if (strcmp(id, deviations[i].id) == 0)
				deviations[i].listed = true;
	}
	fclose(f);
}

/* ------------------------------------------------------------ checking */

enum cov {
	COV_FLAT,
	COV_SECTION,
	COV_SUPERSECTION,
	COV_LARGE,
	COV_SMALL,
	COV_TRANS_L1,
	COV_TRANS_L2,
	COV_AF_L1,
	COV_AF_L2,
	COV_DOMAIN_L1,
	COV_DOMAIN_L2,
	COV_PERM_L1,
	COV_PERM_L2,
	COV_EXTWALK_L1,
	COV_EXTWALK_L2,
	/* Sub-cases counted in addition to the above, required per board. */
	COV_WALK_DISABLED, /* TTBCR.PD0/PD1 (Security Extensions only) */
	COV_SECURE_OUT,    /* translated to a Secure PA (NS = 0) */
	COV_PXN_SECTION,   /* L1 type 0b11 translated (PXN implemented) */
	COV_N
};

static const char *const cov_name[COV_N] = {
	"translated, MMU off",     "translated, section",
	"translated, supersection", "translated, large page",
	"translated, small page",  "translation fault L1",
	"translation fault L2",    "access flag fault L1",
	"access flag fault L2",    "domain fault L1",
	"domain fault L2",         "permission fault L1",
	"permission fault L2",     "ext. abort on walk L1",
	"ext. abort on walk L2",   "  of which PD0/PD1 disabled",
	"  of which Secure output", "  of which PXN sections"};

/* Is coverage class @c required on board @b? */
static bool cov_required(const struct board *b, unsigned int c)
{
	switch (c) {
	case COV_WALK_DISABLED:
		return !(b->regime_flags & AMV_REGIME_NO_SECEXT);
	case COV_SECURE_OUT:
		return !(b->regime_flags & AMV_REGIME_NONSECURE);
	case COV_PXN_SECTION:
		return (b->regime_flags & AMV_REGIME_PXN) != 0;
	default:
		return true;
	}
}

static enum cov classify(int rc, const struct amv_xlat *x,
			 const struct amv_fault *f)
{
	unsigned int l2 = f->level == 2;

	if (rc == AMV_WALK_OK) {
		switch (x->kind) {
		case AMV_MAP_SECTION:
			return COV_SECTION;
		case AMV_MAP_SUPERSECTION:
			return COV_SUPERSECTION;
		case AMV_MAP_LARGE:
			return COV_LARGE;
		case AMV_MAP_SMALL:
			return COV_SMALL;
		default:
			return COV_FLAT;
		}
	}
	switch (f->type) {
	case AMV_FAULT_TRANSLATION:
		return l2 ? COV_TRANS_L2 : COV_TRANS_L1;
	case AMV_FAULT_ACCESS_FLAG:
		return l2 ? COV_AF_L2 : COV_AF_L1;
	case AMV_FAULT_DOMAIN:
		return l2 ? COV_DOMAIN_L2 : COV_DOMAIN_L1;
	case AMV_FAULT_PERMISSION:
		return l2 ? COV_PERM_L2 : COV_PERM_L1;
	default:
		return l2 ? COV_EXTWALK_L2 : COV_EXTWALK_L1;
	}
}

/* Does QEMU's answer agree with the walker's? Sets *why on disagreement. */
static bool agree(int rc, const struct amv_xlat *x, const struct amv_fault *f,
		  uint32_t status, uint32_t value, const char **why)
{
	uint32_t fsr, want;

	if (rc == AMV_WALK_OK) {
		uint32_t pa_mask = x->kind == AMV_MAP_SUPERSECTION
					   ? 0xff000000u
					   : AMV_PAR_PA_MASK;
		bool ss = x->kind == AMV_MAP_SUPERSECTION;

		*why = "translation differs";
		if (status != ORACLE_RES_PAR || (value & AMV_PAR_F))
			return false;
		if (((value ^ (uint32_t)x->pa) & pa_mask) != 0)
			return false;
		*why = "PAR.SS differs";
		if (!!(value & AMV_PAR_SS) != ss)
			return false;
		*why = "PAR.NS differs";
		return !!(value & AMV_PAR_NS) == !!(x->flags & AMV_XLAT_NS);
	}

	if (amv_fault_fsr(f, &fsr) != 0) {
		*why = "walker produced an unencodable fault";
		return false;
	}
	if (f->type == AMV_FAULT_EXT_ABORT_WALK) {
		/*
		 * ATS operations take external aborts on the walk as Data
		 * Aborts. Compare status, ExT and domain; QEMU leaves WnR and
		 * CM clear for ATS aborts (not compared).
		 */
		*why = "expected a Data Abort from the ATS operation";
		if (status != ORACLE_RES_ABORT)
			return false;
		*why = "DFSR differs";
		want = fsr & (AMV_FSR_FS4 | AMV_FSR_FS_LO_MASK | AMV_FSR_EXT |
			      (AMV_FSR_DOMAIN_MASK << AMV_FSR_DOMAIN_SHIFT));
		return (value & (AMV_FSR_FS4 | AMV_FSR_FS_LO_MASK | AMV_FSR_EXT |
				 (AMV_FSR_DOMAIN_MASK
				  << AMV_FSR_DOMAIN_SHIFT))) == want;
	}
	*why = "expected PAR.F = 1";
	if (status != ORACLE_RES_PAR || !(value & AMV_PAR_F))
		return false;
	/* PAR[6:1] = {ExT, FS[4], FS[3:0]} (B4.1.113). */
	want = amv_fsr_status(fsr) | ((fsr & AMV_FSR_EXT) ? 0x20u : 0u);
	*why = "PAR.FS differs";
	return ((value >> AMV_PAR_FS_SHIFT) & AMV_PAR_FS_MASK) == want;
}

static void report(unsigned int img, const struct oracle_image_hdr *h,
		   const struct amv_regime *r, uint32_t va, unsigned int k,
		   int rc, const struct amv_xlat *x, const struct amv_fault *f,
		   uint32_t status, uint32_t value, const char *why)
{
	uint32_t fsr = 0;

	printf("MISMATCH image %u va %08x %s: %s\n", img, va, kind_name[k], why);
	printf("  regime: sctlr %08x ttbr0 %08x ttbr1 %08x ttbcr %08x dacr %08x "
	       "prrr %08x nmrr %08x\n",
	       r->sctlr, h->ttbr0, h->ttbr1, h->ttbcr, h->dacr, h->prrr,
	       h->nmrr);
	printf("  descriptors: L1 %08x @%08x  L2 %08x @%08x\n", x->desc[0],
	       x->desc_pa[0], x->desc[1],
	       x->desc_pa[1]);
	if (rc == AMV_WALK_OK) {
		printf("  amv:  pa %010llx kind %u domain %u ap %u flags %02x\n",
		       (unsigned long long)x->pa, x->kind, x->domain, x->ap,
		       x->flags);
	} else {
		amv_fault_fsr(f, &fsr);
		printf("  amv:  fault type %u level %u domain %u fsr %08x\n",
		       f->type, f->level, f->domain, fsr);
	}
	printf("  qemu: %s %08x\n", status == ORACLE_RES_PAR ? "PAR" : "DFSR",
	       value);
}

static int cmd_check(const char *blob_path, const char *res_path,
		     const char *dev_path)
{
	size_t blob_len, res_len, res_off = 0;
	uint8_t *blob = slurp_or_die(blob_path, &blob_len);
	uint8_t *res = slurp_or_die(res_path, &res_len);
	const struct oracle_blob_hdr *bh = (const void *)blob;
	unsigned long cov[COV_N] = {0}, compared = 0, mismatches = 0, excused = 0;
	size_t off = sizeof(*bh);
	unsigned int img, i, k;
	struct testmem *mem = malloc(sizeof(*mem));
	const struct board *b;
	bool missing = false;

	load_deviations(dev_path);
	if (mem == NULL || blob_len < sizeof(*bh) || bh->magic != ORACLE_MAGIC ||
	    bh->version != ORACLE_VERSION || bh->total_bytes != blob_len ||
	    bh->board >= N_BOARDS) {
		fprintf(stderr, "walk_oracle: %s is not a valid blob\n",
			blob_path);
		return 2;
	}
	b = &boards[bh->board];

	for (img = 0; img < bh->n_images; img++) {
		const struct oracle_image_hdr *h = (const void *)(blob + off);
		const uint32_t *p = (const uint32_t *)(h + 1);
		struct amv_regime r;
		struct amv_port port = testmem_port(mem);

		if (off + sizeof(*h) > blob_len || h->bytes > blob_len - off) {
			fprintf(stderr, "walk_oracle: truncated blob\n");
			return 2;
		}
		testmem_init(mem);
		for (i = 0; i < 2; i++)
			testmem_add_error(mem, b->holes[i].lo,
					  b->holes[i].hi - b->holes[i].lo,
					  -AMV_EFAULT);
		for (i = 0; i < h->n_chunks; i++) {
			if (testmem_add(mem, p[0], (uint32_t *)(p + 2), p[1])) {
				fprintf(stderr, "walk_oracle: too many chunks\n");
				return 2;
			}
			p += 2 + p[1];
		}
		memset(&r, 0, sizeof(r));
		r.sctlr = AMV_SCTLR_XP | h->sctlr_set;
		r.ttbr0 = h->ttbr0;
		r.ttbr1 = h->ttbr1;
		r.ttbcr = h->ttbcr;
		r.dacr = h->dacr;
		r.prrr = h->prrr;
		r.nmrr = h->nmrr;
		r.contextidr = h->contextidr;
		r.flags = b->regime_flags;

		if (res_len - res_off < (size_t)h->n_queries * ORACLE_KINDS * 8) {
			fprintf(stderr,
				"walk_oracle: results end at image %u (QEMU run "
				"incomplete?)\n",
				img);
			return 2;
		}
		for (i = 0; i < h->n_queries; i++) {
			uint32_t va = p[i];

			for (k = 0; k < ORACLE_KINDS; k++) {
				const uint32_t *rv = (const uint32_t *)(res + res_off);
				struct amv_xlat x;
				struct amv_fault f;
				const char *why = NULL;
				int rc = amv_walk(&r, &port, va, kind_access[k],
						  &x, &f);
				unsigned int d;

				res_off += 8;
				compared++;
				if (rc < 0) {
					printf("walk_oracle: amv_walk error %s\n",
					       amv_strerror(rc));
					return 2;
				}
				cov[classify(rc, &x, &f)]++;
				if (rc == AMV_WALK_FAULT &&
				    f.type == AMV_FAULT_TRANSLATION &&
				    f.level == 1 && x.desc_pa[0] == 0 &&
				    (r.sctlr & AMV_SCTLR_M))
					cov[COV_WALK_DISABLED]++;
				if (rc == AMV_WALK_OK && !(x.flags & AMV_XLAT_NS))
					cov[COV_SECURE_OUT]++;
				if (rc == AMV_WALK_OK && x.level == 1 &&
				    (x.desc[0] & AMV_L1_TYPE_MASK) ==
					    AMV_L1_TYPE_SECTION_PXN)
					cov[COV_PXN_SECTION]++;
				if (agree(rc, &x, &f, rv[0], rv[1], &why))
					continue;
				for (d = 0; d < N_DEVIATIONS; d++) {
					if (deviations[d].listed &&
					    deviations[d].match(&r, &x, &f, rc,
								rv[0], rv[1])) {
						deviations[d].count++;
						excused++;
						break;
					}
				}
				if (d < N_DEVIATIONS)
					continue;
				if (++mismatches <= 10)
					report(img, h, &r, va, k, rc, &x, &f,
					       rv[0], rv[1], why);
			}
		}
		if (mem->unmodelled) {
			printf("walk_oracle: image %u: walker read unmodelled "
			       "address %08llx (generator bug)\n",
			       img, (unsigned long long)mem->last_unmodelled);
			mismatches++;
		}
		off += h->bytes;
	}
	if (res_off != res_len) {
		fprintf(stderr, "walk_oracle: %zu extra bytes of results\n",
			res_len - res_off);
		return 2;
	}

	printf("walk oracle: %s, seed %u, %u images, %lu translations "
	       "compared (4 ATS kinds per query)\n",
	       b->name, bh->seed, bh->n_images, compared);
	for (i = 0; i < COV_N; i++) {
		if (!cov_required(b, i) && cov[i] == 0)
			continue;
		printf("  %-28s %9lu\n", cov_name[i], cov[i]);
		if (cov[i] == 0 && bh->n_images >= 10)
			missing = true;
	}
	for (i = 0; i < N_DEVIATIONS; i++)
		if (deviations[i].count)
			printf("  known QEMU deviation %-24s %7lu\n",
			       deviations[i].id, deviations[i].count);
	printf("  mismatches                   %9lu\n", mismatches);
	if (missing)
		printf("walk oracle: FAIL: an outcome was never exercised\n");
	printf("walk oracle: %s (replay: AMV_SEED=%u)\n",
	       mismatches == 0 && !missing ? "PASS" : "FAIL", bh->seed);
	free(mem);
	free(blob);
	free(res);
	(void)excused;
	return mismatches == 0 && !missing ? 0 : 1;
}

static uint32_t num(const char *s)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 0);
	if (errno || *end || v > 0xffffffffUL) {
		fprintf(stderr, "walk_oracle: bad number '%s'\n", s);
		exit(2);
	}
	return (uint32_t)v;
}

int main(int argc, char **argv)
{
	unsigned int b;

	if (argc == 7 && strcmp(argv[1], "gen") == 0) {
		for (b = 0; b < N_BOARDS; b++)
			if (strcmp(argv[2], boards[b].name) == 0)
				return cmd_gen(b, num(argv[3]), num(argv[4]),
					       num(argv[5]), argv[6]);
		fprintf(stderr, "walk_oracle: unknown board %s\n", argv[2]);
		return 2;
	}
	if (argc == 5 && strcmp(argv[1], "check") == 0)
		return cmd_check(argv[2], argv[3], argv[4]);
	fprintf(stderr, "usage: walk_oracle gen BOARD SEED IMAGES QUERIES BLOB\n"
			"       walk_oracle check BLOB RESULTS DEVIATIONS\n");
	return 2;
}
