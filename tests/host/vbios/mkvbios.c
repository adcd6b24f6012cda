// SPDX-License-Identifier: GPL-2.0
/*
 * mkvbios: writes a synthetic VBIOS ROM image.
 *
 *   mkvbios [--chip CHIP] [--sigs N] [--imem BYTES] [--dmem BYTES]
 *           [--no-efi] [--corrupt NAME] -o OUT
 *   mkvbios --list-corruptions
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mkvbios.h"

static void usage(FILE *f)
{
	fprintf(f, "usage: mkvbios [--chip CHIP] [--sigs N] [--imem BYTES] [--dmem BYTES]\n"
		"               [--no-efi] [--corrupt NAME] -o OUT\n"
		"       mkvbios --list-corruptions\n");
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "chip", required_argument, NULL, 'c' },
		{ "sigs", required_argument, NULL, 's' },
		{ "imem", required_argument, NULL, 'i' },
		{ "dmem", required_argument, NULL, 'd' },
		{ "no-efi", no_argument, NULL, 'n' },
		{ "corrupt", required_argument, NULL, 'x' },
		{ "list-corruptions", no_argument, NULL, 'l' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct mkvbios_opts o;
	const char *out = NULL;
	unsigned int i;
	uint8_t *rom;
	size_t len;
	FILE *f;
	int opt, ret;

	mkvbios_default_opts(&o);
	while ((opt = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'c': o.chip = optarg; break;
		case 's': o.sigs = strtoul(optarg, NULL, 0); break;
		case 'i': o.imem = strtoul(optarg, NULL, 0); break;
		case 'd': o.dmem = strtoul(optarg, NULL, 0); break;
		case 'n': o.no_efi = true; break;
		case 'x': o.corrupt = optarg; break;
		case 'o': out = optarg; break;
		case 'l':
			for (i = 0; i < mkvbios_num_corruptions; i++)
				printf("%-24s %s\n", mkvbios_corruptions[i].name,
				       mkvbios_corruptions[i].help);
			return 0;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return 2;
		}
	}
	if (!out || optind != argc) {
		usage(stderr);
		return 2;
	}
	ret = mkvbios_build(&o, &rom, &len);
	if (ret) {
		fprintf(stderr, "mkvbios: %s\n",
			ret == -EINVAL ? "unknown chip" :
			ret == -ENOENT ? "unknown corruption (see --list-corruptions)" :
			ret == -ERANGE ? "too many signatures or too large a ucode" :
			strerror(-ret));
		return 2;
	}
	f = fopen(out, "wb");
	if (!f || fwrite(rom, 1, len, f) != len || fclose(f)) {
		perror(out);
		return 1;
	}
	free(rom);
	return 0;
}
