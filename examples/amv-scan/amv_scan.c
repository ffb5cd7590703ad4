/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * amv-scan: list the privileged and sensitive A32 instructions of an ARM
 * image, and optionally patch the sensitive ones into trapping UDFs with a
 * patch table for the monitor. See docs/amv-scan.md.
 *
 * Exit status: 0 success; 1 usage error; 2 unreadable or malformed input,
 * refused or failed patch; 3 the decoder is not available in this build
 * (amv_decode_class() returned -AMV_ENOTSUP).
 */
#include <amv/decode.h>
#include <amv/error.h>
#include <amv/version.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef AMV_SCAN_HAVE_CAPSTONE
#include <capstone/capstone.h>
#endif

#include "scan_elf.h"

#define STR_(x) #x
#define STR(x) STR_(x)
#define SCAN_VERSION STR(AMV_VERSION_MAJOR) "." STR(AMV_VERSION_MINOR) "." STR(AMV_VERSION_PATCH)

#define EXIT_USAGE 1
#define EXIT_INPUT 2
#define EXIT_NODECODER 3

/* Patch table (OUT.patches), little-endian; see docs/amv-scan.md. */
#define PT_MAGIC "AMVP"
#define PT_VERSION 1u
#define PT_HDR_SIZE 16u
#define PT_ENT_SIZE 16u
#define PT_F_PRIVILEGED 0x01u
#define PT_F_SENSITIVE 0x02u
#define PT_F_EXC_RETURN 0x04u
#define PT_F_UNPREDICTABLE 0x08u
#define PT_F_UNMARKED 0x10u
#define PT_MAX_ENTRIES 65536u

/* UDF #imm16 (A8.8.247, encoding A1): 1110 0111 1111 imm12 1111 imm4. */
#define UDF_BASE 0xe7f000f0u

static uint32_t udf_encode(uint32_t index)
{
	return UDF_BASE | ((index & 0xfff0u) << 4) | (index & 0xfu);
}

struct finding {
	uint32_t addr;
	uint32_t word;
	uint32_t flags;
	uint16_t cls;
	uint8_t unmarked; /* in a span no mapping symbol covers */
	size_t region;
	size_t off; /* file offset */
};

struct skipped {
	uint32_t start;
	uint64_t end;
	size_t region;
};

struct scan {
	const char *path;
	struct scan_image img;
	struct finding *f;
	size_t nf, capf;
	struct skipped *sk;
	size_t nsk, capsk;
	uint64_t words, data_bytes, thumb_bytes, unmarked_bytes;
	unsigned long count[AMV_INSN_CLASS_COUNT][3]; /* all, trap, patch */
};

static const char *prog = "amv-scan";

static void msg(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void usage(FILE *fp)
{
	fprintf(fp,
		"usage: %s [--json] [--patch OUT [--force]] IMAGE\n"
		"       %s [--json] [--patch OUT [--force]] --raw --base ADDR IMAGE\n"
		"Lists the privileged (trapping) and sensitive (to be patched) A32\n"
		"instructions of an ELF32 ARM little-endian executable or a raw image.\n"
		"  --json       machine-readable output (schema in docs/amv-scan.md)\n"
		"  --patch OUT  write OUT with every sensitive instruction replaced by\n"
		"               UDF #index, and the patch table OUT.patches\n"
		"  --force      patch code no mapping symbol ($a) marks as ARM\n"
		"  --raw        IMAGE is a raw binary loaded at --base ADDR\n"
		"  --base ADDR  load address of a raw image (multiple of 4)\n",
		prog, prog);
}

/* Reads a whole file (regular or not) into memory, up to SCAN_MAX_IMAGE. */
static uint8_t *read_file(const char *path, size_t *size)
{
	FILE *fp = fopen(path, "rb");
	uint8_t *buf = NULL, *nb;
	size_t cap = 0, n = 0, got;

	if (fp == NULL) {
		msg("%s: %s", path, strerror(errno));
		return NULL;
	}
	for (;;) {
		if (n == cap) {
			/* Read at most one byte more than the limit. */
			if (cap > SCAN_MAX_IMAGE) {
				msg("%s: file too large (limit %u bytes)", path,
				    SCAN_MAX_IMAGE);
				goto fail;
			}
			cap = cap ? cap * 2 : 65536;
			if (cap > (size_t)SCAN_MAX_IMAGE + 1)
				cap = (size_t)SCAN_MAX_IMAGE + 1;
			nb = realloc(buf, cap + 1);
			if (nb == NULL) {
				msg("%s: out of memory", path);
				goto fail;
			}
			buf = nb;
		}
		got = fread(buf + n, 1, cap - n, fp);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(fp)) {
		msg("%s: read error", path);
		goto fail;
	}
	fclose(fp);
	if (buf == NULL)
		buf = malloc(1);
	*size = n;
	return buf;
fail:
	free(buf);
	fclose(fp);
	return NULL;
}

static int push_finding(struct scan *s, const struct finding *f)
{
	if (s->nf == s->capf) {
		size_t cap = s->capf ? s->capf * 2 : 256;
		struct finding *nf = realloc(s->f, cap * sizeof(*nf));

		if (nf == NULL)
			return -1;
		s->f = nf;
		s->capf = cap;
	}
	s->f[s->nf++] = *f;
	return 0;
}

static int push_skipped(struct scan *s, uint32_t start, uint64_t end, size_t region)
{
	if (s->nsk > 0 && s->sk[s->nsk - 1].end == start &&
	    s->sk[s->nsk - 1].region == region) {
		s->sk[s->nsk - 1].end = end;
		return 0;
	}
	if (s->nsk == s->capsk) {
		size_t cap = s->capsk ? s->capsk * 2 : 16;
		struct skipped *n = realloc(s->sk, cap * sizeof(*n));

		if (n == NULL)
			return -1;
		s->sk = n;
		s->capsk = cap;
	}
	s->sk[s->nsk].start = start;
	s->sk[s->nsk].end = end;
	s->sk[s->nsk].region = region;
	s->nsk++;
	return 0;
}

static uint32_t rd32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static void wr32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

static void wr16(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}

/* Decodes the ARM words of [start, end) of region ri. */
static int scan_arm_span(struct scan *s, size_t ri, uint32_t start, uint64_t end,
			 int unmarked)
{
	const struct scan_region *r = &s->img.regions[ri];
	/* ARM instructions are word aligned (A2.8); a span starting
	 * mid-word (a $a after odd-sized data) starts at the next word. */
	uint64_t a = ((uint64_t)start + 3u) & ~(uint64_t)3u;

	for (; a + 4 <= end; a += 4) {
		size_t off = (size_t)r->offset + (size_t)(a - r->addr);
		uint32_t word = rd32(s->img.data + off), flags = 0;
		int cls = amv_decode_class(AMV_ISA_A32, word, &flags);
		struct finding f;

		if (cls < 0) {
			if (cls == -AMV_ENOTSUP) {
				msg("the A32 decoder is not available in this build "
				    "(amv_decode_class: %s)", amv_strerror(cls));
				return EXIT_NODECODER;
			}
			msg("amv_decode_class(0x%08x): %s", word, amv_strerror(cls));
			return EXIT_INPUT;
		}
		if (cls >= AMV_INSN_CLASS_COUNT) {
			msg("amv_decode_class(0x%08x): class %d out of range", word, cls);
			return EXIT_INPUT;
		}
		s->words++;
		if (!(flags & (AMV_INSN_F_PRIVILEGED | AMV_INSN_F_SENSITIVE)))
			continue;
		f.addr = (uint32_t)a;
		f.word = word;
		f.flags = flags;
		f.cls = (uint16_t)cls;
		f.unmarked = (uint8_t)unmarked;
		f.region = ri;
		f.off = off;
		if (push_finding(s, &f) != 0) {
			msg("out of memory");
			return EXIT_INPUT;
		}
		s->count[cls][0]++;
		s->count[cls][(flags & AMV_INSN_F_SENSITIVE) ? 2 : 1]++;
	}
	return 0;
}

static int scan_image(struct scan *s)
{
	size_t ri;
	int rc;

	for (ri = 0; ri < s->img.nregions; ri++) {
		const struct scan_region *r = &s->img.regions[ri];
		uint64_t a = r->addr, end = (uint64_t)r->addr + r->size, span_end;

		while (a < end) {
			enum scan_kind k = scan_region_kind(&s->img, r, (uint32_t)a,
							    &span_end);

			if (span_end > end || span_end <= a)
				span_end = end;
			switch (k) {
			case SCAN_KIND_THUMB:
				s->thumb_bytes += span_end - a;
				if (push_skipped(s, (uint32_t)a, span_end, ri) != 0) {
					msg("out of memory");
					return EXIT_INPUT;
				}
				break;
			case SCAN_KIND_DATA:
				s->data_bytes += span_end - a;
				break;
			case SCAN_KIND_UNMARKED:
				s->unmarked_bytes += span_end - a;
				/* fall through */
			case SCAN_KIND_ARM:
				rc = scan_arm_span(s, ri, (uint32_t)a, span_end,
						   k == SCAN_KIND_UNMARKED);
				if (rc != 0)
					return rc;
				break;
			}
			a = span_end;
		}
	}
	return 0;
}

/* ------------------------------------------------------------ output */

struct disasm {
#ifdef AMV_SCAN_HAVE_CAPSTONE
	csh h;
	int ok;
#else
	int unused;
#endif
};

static void disasm_open(struct disasm *d)
{
#ifdef AMV_SCAN_HAVE_CAPSTONE
	d->ok = cs_open(CS_ARCH_ARM, CS_MODE_ARM, &d->h) == CS_ERR_OK;
#else
	(void)d;
#endif
}

static void disasm_close(struct disasm *d)
{
#ifdef AMV_SCAN_HAVE_CAPSTONE
	if (d->ok)
		cs_close(&d->h);
#else
	(void)d;
#endif
}

/* Room for Capstone's mnemonic (32), a space and op_str (160). */
#define DIS_LEN 200

static void disasm_one(struct disasm *d, uint32_t addr, uint32_t word, char *buf,
		       size_t len)
{
#ifdef AMV_SCAN_HAVE_CAPSTONE
	uint8_t b[4];
	cs_insn *insn = NULL;

	wr32(b, word);
	if (d->ok && cs_disasm(d->h, b, 4, addr, 1, &insn) == 1) {
		snprintf(buf, len, "%s%s%s", insn->mnemonic,
			 insn->op_str[0] ? " " : "", insn->op_str);
		cs_free(insn, 1);
		return;
	}
	snprintf(buf, len, "(capstone: unknown)");
#else
	(void)d;
	(void)addr;
	(void)word;
	snprintf(buf, len, "(no capstone)");
#endif
}

static const char *action(uint32_t flags)
{
	return (flags & AMV_INSN_F_SENSITIVE) ? "patch" : "trap";
}

static const char *source_name(enum scan_source src)
{
	switch (src) {
	case SCAN_SRC_SECTIONS: return "elf-sections";
	case SCAN_SRC_SEGMENTS: return "elf-segments";
	case SCAN_SRC_RAW: break;
	}
	return "raw";
}

static void print_text(const struct scan *s, struct disasm *d)
{
	char dis[DIS_LEN];
	size_t i;
	unsigned c;
	unsigned long tot[3] = { 0, 0, 0 };

	printf("# amv-scan %s: %s (%s, %zu executable region%s, %zu mapping symbols)\n",
	       SCAN_VERSION, s->path, source_name(s->img.source),
	       s->img.nregions, s->img.nregions == 1 ? "" : "s", s->img.nsyms);
	for (i = 0; i < s->img.nregions; i++)
		printf("# region %-20s 0x%08x-0x%08llx offset 0x%x\n",
		       s->img.regions[i].name, s->img.regions[i].addr,
		       (unsigned long long)s->img.regions[i].addr +
			       s->img.regions[i].size,
		       s->img.regions[i].offset);
	printf("# address    encoding  class        action  disassembly\n");
	for (i = 0; i < s->nf; i++) {
		const struct finding *f = &s->f[i];

		disasm_one(d, f->addr, f->word, dis, sizeof(dis));
		printf("0x%08x  %08x  %-12s %-6s  %s%s%s\n", f->addr, f->word,
		       amv_insn_class_name(f->cls), action(f->flags), dis,
		       (f->flags & AMV_INSN_F_UNPREDICTABLE) ? "  [unpredictable]" : "",
		       f->unmarked ? "  [unmarked]" : "");
	}
	for (i = 0; i < s->nsk; i++)
		printf("skipped thumb 0x%08x-0x%08llx %s\n", s->sk[i].start,
		       (unsigned long long)s->sk[i].end,
		       s->img.regions[s->sk[i].region].name);
	printf("# summary\n# class          count   trap  patch\n");
	for (c = 0; c < AMV_INSN_CLASS_COUNT; c++) {
		if (s->count[c][0] == 0)
			continue;
		printf("summary %-12s %6lu %6lu %6lu\n", amv_insn_class_name(c),
		       s->count[c][0], s->count[c][1], s->count[c][2]);
		tot[0] += s->count[c][0];
		tot[1] += s->count[c][1];
		tot[2] += s->count[c][2];
	}
	printf("summary %-12s %6lu %6lu %6lu\n", "total", tot[0], tot[1], tot[2]);
	printf("# %llu ARM words scanned (%llu bytes unmarked), %llu data bytes and "
	       "%llu Thumb bytes skipped\n",
	       (unsigned long long)s->words, (unsigned long long)s->unmarked_bytes,
	       (unsigned long long)s->data_bytes,
	       (unsigned long long)s->thumb_bytes);
}

static void json_str(const char *p)
{
	putchar('"');
	for (; *p; p++) {
		unsigned char ch = (unsigned char)*p;

		if (ch == '"' || ch == '\\')
			printf("\\%c", ch);
		else if (ch < 0x20 || ch >= 0x7f)
			printf("\\u%04x", ch);
		else
			putchar(ch);
	}
	putchar('"');
}

static void json_bool(const char *key, int v, int comma)
{
	printf("\"%s\": %s%s", key, v ? "true" : "false", comma ? ", " : "");
}

static void print_json(const struct scan *s, struct disasm *d)
{
	char dis[DIS_LEN];
	size_t i;
	unsigned c;
	int first = 1;
	unsigned long tot[3] = { 0, 0, 0 };

	printf("{\n  \"tool\": \"amv-scan\",\n  \"version\": \"%s\",\n  \"schema\": 1,\n",
	       SCAN_VERSION);
	printf("  \"image\": ");
	json_str(s->path);
	printf(",\n  \"source\": \"%s\",\n  \"entry\": \"0x%08x\",\n"
	       "  \"mapping_symbols\": %zu,\n  \"regions\": [",
	       source_name(s->img.source), s->img.entry, s->img.nsyms);
	for (i = 0; i < s->img.nregions; i++) {
		const struct scan_region *r = &s->img.regions[i];

		printf("%s\n    {\"name\": ", i ? "," : "");
		json_str(r->name);
		printf(", \"address\": \"0x%08x\", \"size\": %u, \"offset\": %u}",
		       r->addr, r->size, r->offset);
	}
	printf("\n  ],\n  \"findings\": [");
	for (i = 0; i < s->nf; i++) {
		const struct finding *f = &s->f[i];

		disasm_one(d, f->addr, f->word, dis, sizeof(dis));
		printf("%s\n    {\"address\": \"0x%08x\", \"encoding\": \"0x%08x\", "
		       "\"class\": \"%s\", \"action\": \"%s\", \"disasm\": ",
		       i ? "," : "", f->addr, f->word, amv_insn_class_name(f->cls),
		       action(f->flags));
		json_str(dis);
		printf(", \"condition\": %u, ", (unsigned)(f->word >> 28));
		json_bool("privileged", (f->flags & AMV_INSN_F_PRIVILEGED) != 0, 1);
		json_bool("sensitive", (f->flags & AMV_INSN_F_SENSITIVE) != 0, 1);
		json_bool("exc_return", (f->flags & AMV_INSN_F_EXC_RETURN) != 0, 1);
		json_bool("unpredictable", (f->flags & AMV_INSN_F_UNPREDICTABLE) != 0, 1);
		json_bool("unmarked", f->unmarked, 1);
		printf("\"region\": ");
		json_str(s->img.regions[f->region].name);
		printf("}");
	}
	printf("\n  ],\n  \"skipped\": [");
	for (i = 0; i < s->nsk; i++) {
		printf("%s\n    {\"kind\": \"thumb\", \"start\": \"0x%08x\", "
		       "\"end\": \"0x%08llx\", \"region\": ",
		       i ? "," : "", s->sk[i].start, (unsigned long long)s->sk[i].end);
		json_str(s->img.regions[s->sk[i].region].name);
		printf("}");
	}
	printf("\n  ],\n  \"summary\": {");
	for (c = 0; c < AMV_INSN_CLASS_COUNT; c++) {
		if (s->count[c][0] == 0)
			continue;
		printf("%s\n    \"%s\": {\"count\": %lu, \"trap\": %lu, \"patch\": %lu}",
		       first ? "" : ",", amv_insn_class_name(c), s->count[c][0],
		       s->count[c][1], s->count[c][2]);
		first = 0;
		tot[0] += s->count[c][0];
		tot[1] += s->count[c][1];
		tot[2] += s->count[c][2];
	}
	printf("\n  },\n  \"totals\": {\"count\": %lu, \"trap\": %lu, \"patch\": %lu, "
	       "\"words_scanned\": %llu, \"unmarked_bytes\": %llu, "
	       "\"data_bytes\": %llu, \"thumb_bytes\": %llu}\n}\n",
	       tot[0], tot[1], tot[2], (unsigned long long)s->words,
	       (unsigned long long)s->unmarked_bytes,
	       (unsigned long long)s->data_bytes, (unsigned long long)s->thumb_bytes);
}

/* ------------------------------------------------------------ patching */

static int write_file(const char *path, const uint8_t *buf, size_t len)
{
	FILE *fp = fopen(path, "wb");

	if (fp == NULL) {
		msg("%s: %s", path, strerror(errno));
		return -1;
	}
	if (fwrite(buf, 1, len, fp) != len) {
		msg("%s: write error", path);
		fclose(fp);
		return -1;
	}
	if (fclose(fp) != 0) {
		msg("%s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

static uint8_t pt_flags(const struct finding *f)
{
	uint8_t v = 0;

	if (f->flags & AMV_INSN_F_PRIVILEGED)
		v |= PT_F_PRIVILEGED;
	if (f->flags & AMV_INSN_F_SENSITIVE)
		v |= PT_F_SENSITIVE;
	if (f->flags & AMV_INSN_F_EXC_RETURN)
		v |= PT_F_EXC_RETURN;
	if (f->flags & AMV_INSN_F_UNPREDICTABLE)
		v |= PT_F_UNPREDICTABLE;
	if (f->unmarked)
		v |= PT_F_UNMARKED;
	return v;
}

static int write_patch(const struct scan *s, const char *out, int force)
{
	size_t i, n = 0, unmarked = 0, plen;
	uint8_t *img = NULL, *tab = NULL;
	char *tpath = NULL;
	int rc = -1;

	for (i = 0; i < s->nf; i++) {
		if (!(s->f[i].flags & AMV_INSN_F_SENSITIVE))
			continue;
		n++;
		if (s->f[i].unmarked)
			unmarked++;
	}
	if (unmarked > 0 && !force) {
		msg("%s: refusing to patch: %zu sensitive instruction%s in code that no "
		    "mapping symbol marks as ARM (could be data or Thumb); "
		    "use --force to patch anyway",
		    s->path, unmarked, unmarked == 1 ? " lies" : "s lie");
		return -1;
	}
	if (unmarked > 0)
		msg("warning: patching %zu instruction%s in unmarked code (--force)",
		    unmarked, unmarked == 1 ? "" : "s");
	if (n > PT_MAX_ENTRIES) {
		msg("%s: %zu sensitive instructions, more than the %u a UDF #imm16 "
		    "index can address", s->path, n, PT_MAX_ENTRIES);
		return -1;
	}
	img = malloc(s->img.size ? s->img.size : 1);
	tab = calloc(1, PT_HDR_SIZE + n * PT_ENT_SIZE);
	plen = strlen(out) + sizeof(".patches");
	tpath = malloc(plen);
	if (img == NULL || tab == NULL || tpath == NULL) {
		msg("out of memory");
		goto out;
	}
	snprintf(tpath, plen, "%s.patches", out);
	if (s->img.size)
		memcpy(img, s->img.data, s->img.size);
	memcpy(tab, PT_MAGIC, 4);
	wr16(tab + 4, PT_VERSION);
	wr16(tab + 6, PT_HDR_SIZE);
	wr16(tab + 8, PT_ENT_SIZE);
	wr16(tab + 10, 0);
	wr32(tab + 12, (uint32_t)n);
	n = 0;
	for (i = 0; i < s->nf; i++) {
		const struct finding *f = &s->f[i];
		uint8_t *e;

		if (!(f->flags & AMV_INSN_F_SENSITIVE))
			continue;
		e = tab + PT_HDR_SIZE + n * PT_ENT_SIZE;
		wr32(e + 0, (uint32_t)n);
		wr32(e + 4, f->addr);
		wr32(e + 8, f->word);
		wr16(e + 12, f->cls);
		e[14] = (uint8_t)(f->word >> 28);
		e[15] = pt_flags(f);
		wr32(img + f->off, udf_encode((uint32_t)n));
		n++;
	}
	if (write_file(out, img, s->img.size) != 0 ||
	    write_file(tpath, tab, PT_HDR_SIZE + n * PT_ENT_SIZE) != 0)
		goto out;
	msg("patched %zu instruction%s: %s, table %s", n, n == 1 ? "" : "s", out, tpath);
	rc = 0;
out:
	free(img);
	free(tab);
	free(tpath);
	return rc;
}

/* ------------------------------------------------------------ main */

static int parse_u32(const char *str, uint32_t *v)
{
	char *end;
	unsigned long long x;

	if (str == NULL || *str == 0 || *str == '-')
		return -1;
	errno = 0;
	x = strtoull(str, &end, 0);
	if (errno != 0 || *end != 0 || x > 0xffffffffull)
		return -1;
	*v = (uint32_t)x;
	return 0;
}

int main(int argc, char **argv)
{
	const char *patch = NULL, *path = NULL, *base_str = NULL;
	int json = 0, raw = 0, force = 0, i, rc = 0;
	uint32_t base = 0;
	struct scan s;
	struct disasm d;
	uint8_t *buf;
	size_t size = 0;
	char err[256];

	memset(&s, 0, sizeof(s));
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (strcmp(a, "--json") == 0) {
			json = 1;
		} else if (strcmp(a, "--raw") == 0) {
			raw = 1;
		} else if (strcmp(a, "--force") == 0) {
			force = 1;
		} else if (strcmp(a, "--patch") == 0 || strcmp(a, "--base") == 0) {
			if (i + 1 >= argc) {
				msg("%s needs an argument", a);
				usage(stderr);
				return EXIT_USAGE;
			}
			if (a[2] == 'p')
				patch = argv[++i];
			else
				base_str = argv[++i];
		} else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			usage(stdout);
			return 0;
		} else if (strcmp(a, "--version") == 0) {
			printf("amv-scan %s\n", SCAN_VERSION);
			return 0;
		} else if (strcmp(a, "--") == 0 && i + 1 < argc && path == NULL) {
			path = argv[++i];
		} else if (a[0] == '-' && a[1] != 0) {
			msg("unknown option '%s'", a);
			usage(stderr);
			return EXIT_USAGE;
		} else if (path == NULL) {
			path = a;
		} else {
			msg("more than one IMAGE");
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (path == NULL) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (raw != (base_str != NULL)) {
		msg("--raw and --base ADDR go together");
		return EXIT_USAGE;
	}
	if (base_str != NULL && (parse_u32(base_str, &base) != 0 || (base & 3u) != 0)) {
		msg("--base '%s': expected a 32-bit address, multiple of 4", base_str);
		return EXIT_USAGE;
	}
	if (force && patch == NULL) {
		msg("--force only applies to --patch");
		return EXIT_USAGE;
	}
	buf = read_file(path, &size);
	if (buf == NULL)
		return EXIT_INPUT;
	s.path = path;
	if ((raw ? scan_raw_load(&s.img, buf, size, base, err, sizeof(err))
		 : scan_elf_load(&s.img, buf, size, err, sizeof(err))) != 0) {
		msg("%s: %s", path, err);
		free(buf);
		return EXIT_INPUT;
	}
	if (s.img.nsyms == 0)
		msg("warning: %s: no mapping symbols; treating all executable bytes "
		    "as ARM code (reported as [unmarked]; --patch needs --force)", path);
	if (s.img.noverlays > 0)
		msg("warning: %s: executable sections overlap in memory (overlays, "
		    "e.g. the vectors page): addresses in the listing are ambiguous",
		    path);
	if (raw && (size & 3u) != 0)
		msg("warning: %s: %zu trailing byte%s after the last whole word ignored",
		    path, size & 3u, (size & 3u) == 1 ? "" : "s");
	rc = scan_image(&s);
	if (rc == 0) {
		disasm_open(&d);
		if (json)
			print_json(&s, &d);
		else
			print_text(&s, &d);
		disasm_close(&d);
		if (fflush(stdout) != 0 || ferror(stdout)) {
			msg("write error on standard output");
			rc = EXIT_INPUT;
		}
	}
	if (rc == 0 && patch != NULL && write_patch(&s, patch, force) != 0)
		rc = EXIT_INPUT;
	free(s.f);
	free(s.sk);
	scan_image_free(&s.img);
	free(buf);
	return rc;
}
