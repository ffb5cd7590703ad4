/* SPDX-License-Identifier: BSD-2-Clause */
/* Replays files through LLVMFuzzerTestOneInput (no libFuzzer needed):
 *   fuzz_replay FILE...   runs each file once; exit 0 unless one is
 *   unreadable (a crash is a crash: ASan/UBSan abort the process). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
	int i, rc = 0;

	for (i = 1; i < argc; i++) {
		FILE *fp = fopen(argv[i], "rb");
		uint8_t *buf = NULL;
		size_t n = 0, cap = 0, got;

		if (fp == NULL) {
			fprintf(stderr, "fuzz_replay: cannot open %s\n", argv[i]);
			rc = 1;
			continue;
		}
		do {
			if (n == cap) {
				uint8_t *nb = realloc(buf, cap = cap ? 2 * cap : 4096);

				if (nb == NULL) {
					fprintf(stderr, "fuzz_replay: out of memory\n");
					free(buf);
					fclose(fp);
					return 1;
				}
				buf = nb;
			}
			got = fread(buf + n, 1, cap - n, fp);
			n += got;
		} while (got > 0);
		fclose(fp);
		LLVMFuzzerTestOneInput(buf, n);
		free(buf);
	}
	printf("fuzz_replay: %d input%s\n", argc - 1, argc == 2 ? "" : "s");
	return rc;
}
