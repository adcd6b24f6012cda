// SPDX-License-Identifier: GPL-2.0
/*
 * mkfw: writes a synthetic GSP firmware file, or a whole firmware tree.
 *
 *   mkfw --kind gsp|bootloader|booter_load|booter_unload|gen_bootloader|fmc
 *        --chip CHIP [--corrupt NAME] [--image-len BYTES] [--sig-len BYTES]
 *        [--sigs N] -o OUT
 *   mkfw --list-corruptions [--kind KIND]
 *   mkfw --tree DIR
 *
 * --tree writes DIR/nvidia/<chip>/gsp/<kind>-570.144.bin for every chip
 * and kind, with the default sizes; gen_bootloader exists on Turing and
 * GA100 only (tu102, tu104, tu106, tu116, tu117, ga100). fmc exists on
 * gh100, gb100 and gb202 only, which have no other kind and are not in
 * the tree (--kind fmc --chip gh100 writes one).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mkfw.h"

static void usage(FILE *f)
{
	fprintf(f, "usage: mkfw --kind "
		"gsp|bootloader|booter_load|booter_unload|gen_bootloader|fmc\n"
		"            --chip CHIP [--corrupt NAME] [--image-len BYTES] [--sig-len BYTES]\n"
		"            [--sigs N] -o OUT\n"
		"       mkfw --list-corruptions [--kind KIND]\n"
		"       mkfw --tree DIR\n");
}

static void list_corruptions(int kind)
{
	unsigned int i, k;
	char kinds[64];

	for (i = 0; i < mkfw_num_corruptions; i++) {
		const struct mkfw_corruption *c = &mkfw_corruptions[i];

		if (kind >= 0 && !(c->kinds & MKFW_K(kind)))
			continue;
		kinds[0] = '\0';
		for (k = 0; k < MKFW_NUM_KINDS; k++) {
			if (!(c->kinds & MKFW_K(k)))
				continue;
			if (kinds[0])
				strcat(kinds, ",");
			strcat(kinds, mkfw_kind_names[k]);
		}
		printf("%-24s %-56s %s\n", c->name, kinds, c->help);
	}
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "kind", required_argument, NULL, 'k' },
		{ "chip", required_argument, NULL, 'c' },
		{ "corrupt", required_argument, NULL, 'x' },
		{ "image-len", required_argument, NULL, 'i' },
		{ "sig-len", required_argument, NULL, 's' },
		{ "sigs", required_argument, NULL, 'n' },
		{ "list-corruptions", no_argument, NULL, 'l' },
		{ "tree", required_argument, NULL, 't' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *out = NULL, *tree = NULL;
	int opt, ret, kind = -1, list = 0;
	struct mkfw_opts o;
	uint8_t *data;
	size_t len;
	FILE *f;

	mkfw_default_opts(&o);
	while ((opt = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'k':
			kind = mkfw_kind_from_name(optarg);
			if (kind < 0) {
				fprintf(stderr, "mkfw: unknown kind %s\n", optarg);
				return 2;
			}
			break;
		case 'c': o.chip = optarg; break;
		case 'x': o.corrupt = optarg; break;
		case 'i': o.image_len = strtoul(optarg, NULL, 0); break;
		case 's': o.sig_len = strtoul(optarg, NULL, 0); break;
		case 'n': o.num_sigs = strtoul(optarg, NULL, 0); break;
		case 'l': list = 1; break;
		case 't': tree = optarg; break;
		case 'o': out = optarg; break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return 2;
		}
	}
	if (optind != argc) {
		usage(stderr);
		return 2;
	}
	if (list) {
		list_corruptions(kind);
		return 0;
	}
	if (tree) {
		ret = mkfw_write_tree(tree);
		if (ret) {
			fprintf(stderr, "mkfw: %s: %s\n", tree, strerror(-ret));
			return 1;
		}
		return 0;
	}
	if (!out || kind < 0) {
		usage(stderr);
		return 2;
	}
	o.kind = kind;
	ret = mkfw_build(&o, &data, &len);
	if (ret) {
		fprintf(stderr, "mkfw: %s\n",
			ret == -EINVAL ? "unknown chip" :
			ret == -ENODEV ? "no such file on this chip (gen_bootloader: Turing, "
					 "GA100; fmc: gh100, gb100, gb202, which have no other)" :
			ret == -ENOENT ? "unknown corruption (see --list-corruptions)" :
			ret == -ENOTSUP ? "corruption does not apply to this kind of file" :
			ret == -ERANGE ? "sizes out of range" :
			strerror(-ret));
		return 2;
	}
	f = fopen(out, "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f)) {
		perror(out);
		return 1;
	}
	free(data);
	return 0;
}
