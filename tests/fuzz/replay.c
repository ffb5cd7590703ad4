/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Corpus replay without libFuzzer: runs LLVMFuzzerTestOneInput over each
 * file named on the command line, or over every file in a named directory.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path)
{
	static uint8_t buf[1u << 20];
	FILE *f = fopen(path, "rb");
	size_t n;

	if (f == NULL) {
		fprintf(stderr, "replay: cannot open %s\n", path);
		return -1;
	}
	n = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	LLVMFuzzerTestOneInput(buf, n);
	return 0;
}

int main(int argc, char **argv)
{
	unsigned int files = 0;
	int i, bad = 0;

	for (i = 1; i < argc; i++) {
		struct stat st;

		if (stat(argv[i], &st) != 0) {
			fprintf(stderr, "replay: no such file %s\n", argv[i]);
			bad = 1;
		} else if (S_ISDIR(st.st_mode)) {
			DIR *d = opendir(argv[i]);
			struct dirent *e;
			char path[4096];

			while (d != NULL && (e = readdir(d)) != NULL) {
				if (e->d_name[0] == '.')
					continue;
				snprintf(path, sizeof(path), "%s/%s", argv[i], e->d_name);
				bad |= run_file(path) != 0;
				files++;
			}
			if (d != NULL)
				closedir(d);
		} else {
			bad |= run_file(argv[i]) != 0;
			files++;
		}
	}
	printf("replay: %u inputs\n", files);
	return bad || files == 0;
}
