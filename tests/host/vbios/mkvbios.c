// SPDX-License-Identifier: GPL-2.0
/*
 * mkvbios: writes synthetic VBIOS ROM images.
 *
 *   mkvbios [--chip CHIP] [--sigs N] [--imem BYTES] [--dmem BYTES]
 *           [--no-efi] [--npde-zero] [--strict] [--corrupt NAME] -o OUT
 *   mkvbios [--sigs N] [--imem BYTES] [--dmem BYTES] [--no-efi]
 *           [--corrupt NAME] --tree DIR
 *   mkvbios --list-corruptions | --list-chips
 *
 * The FWSEC ucode is an emulated ucode image (see mkvbios.h) when IMEM and
 * DMEM are large enough for its structures, else a plain pattern; --strict
 * makes that an error instead. --tree writes DIR/nova_emu/CHIP.rom for
 * every chip, strictly.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "mkvbios.h"

static void usage(FILE *f)
{
	fprintf(f,
		"usage: mkvbios [--chip CHIP] [--sigs N] [--imem BYTES] [--dmem BYTES]\n"
		"               [--no-efi] [--npde-zero] [--strict] [--corrupt NAME] -o OUT\n"
		"       mkvbios [--sigs N] [--imem BYTES] [--dmem BYTES] [--no-efi]\n"
		"               [--corrupt NAME] --tree DIR\n"
		"       mkvbios --list-corruptions | --list-chips\n");
}

/* mkdir -p */
static int mkdirs(const char *path)
{
	char buf[PATH_MAX];
	size_t i, n = strlen(path);

	if (!n || n >= sizeof(buf)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(buf, path, n + 1);
	for (i = 1; i <= n; i++) {
		if (buf[i] != '/' && buf[i] != '\0')
			continue;
		buf[i] = '\0';
		if (mkdir(buf, 0777) && errno != EEXIST)
			return -1;
		buf[i] = i < n ? '/' : '\0';
	}
	return 0;
}

/* Builds the ROM of @o and writes it to @out; returns an exit status. */
static int write_rom(const struct mkvbios_opts *o, const char *out)
{
	uint8_t *rom;
	size_t len;
	FILE *f;
	int ret;

	ret = mkvbios_build(o, &rom, &len);
	if (ret == -ENOSPC) {
		fprintf(stderr,
			"mkvbios: %s: IMEM 0x%x / DMEM 0x%x too small for the emulated FWSEC ucode\n"
			"         (it needs IMEM >= 0x%x and DMEM >= 0x%x for a v%d descriptor)\n",
			o->chip, o->imem, o->dmem,
			mkvbios_desc_version(o->chip) == 3 ?
			MKVBIOS_EMU_HDR_LEN : MKVBIOS_EMU_IMEM_MIN_V2,
			mkvbios_desc_version(o->chip) == 3 ?
			MKVBIOS_EMU_DMEM_MIN_V3 : MKVBIOS_EMU_DMEM_MIN_V2,
			mkvbios_desc_version(o->chip));
		return 2;
	}
	if (ret) {
		fprintf(stderr, "mkvbios: %s\n",
			ret == -EINVAL ? "unknown chip (see --list-chips)" :
			ret == -ENOENT ?
			"unknown corruption (see --list-corruptions)" :
			ret == -ERANGE ?
			"too many signatures or too large a ucode" :
			strerror(-ret));
		return 2;
	}
	f = fopen(out, "wb");
	if (!f || fwrite(rom, 1, len, f) != len || fclose(f)) {
		perror(out);
		free(rom);
		return 1;
	}
	free(rom);
	return 0;
}

static int write_tree(struct mkvbios_opts *o, const char *dir)
{
	char path[PATH_MAX];
	unsigned int i;
	int ret;

	if (snprintf(path, sizeof(path), "%s/nova_emu", dir) >=
	    (int)sizeof(path) || mkdirs(path)) {
		perror(path);
		return 1;
	}
	o->strict = true;
	/* All or nothing: check the sizes for every chip first. */
	for (i = 0; mkvbios_chips[i]; i++) {
		o->chip = mkvbios_chips[i];
		if (!mkvbios_emu_fits(o))
			return write_rom(o, "/dev/null");
	}
	for (i = 0; mkvbios_chips[i]; i++) {
		o->chip = mkvbios_chips[i];
		if (snprintf(path, sizeof(path), "%s/nova_emu/%s.rom", dir,
			     o->chip) >= (int)sizeof(path)) {
			fprintf(stderr, "mkvbios: %s: path too long\n", dir);
			return 1;
		}
		ret = write_rom(o, path);
		if (ret)
			return ret;
	}
	return 0;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "chip", required_argument, NULL, 'c' },
		{ "sigs", required_argument, NULL, 's' },
		{ "imem", required_argument, NULL, 'i' },
		{ "dmem", required_argument, NULL, 'd' },
		{ "no-efi", no_argument, NULL, 'n' },
		{ "npde-zero", no_argument, NULL, 'z' },
		{ "strict", no_argument, NULL, 'S' },
		{ "corrupt", required_argument, NULL, 'x' },
		{ "tree", required_argument, NULL, 't' },
		{ "list-corruptions", no_argument, NULL, 'l' },
		{ "list-chips", no_argument, NULL, 'L' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *out = NULL, *tree = NULL;
	struct mkvbios_opts o;
	bool chip = false;
	unsigned int i;
	int opt;

	mkvbios_default_opts(&o);
	while ((opt = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'c':
			o.chip = optarg;
			chip = true;
			break;
		case 's':
			o.sigs = strtoul(optarg, NULL, 0);
			break;
		case 'i':
			o.imem = strtoul(optarg, NULL, 0);
			break;
		case 'd':
			o.dmem = strtoul(optarg, NULL, 0);
			break;
		case 'n':
			o.no_efi = true;
			break;
		case 'z':
			o.npde_zero = true;
			break;
		case 'S':
			o.strict = true;
			break;
		case 'x':
			o.corrupt = optarg;
			break;
		case 't':
			tree = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		case 'l':
			for (i = 0; i < mkvbios_num_corruptions; i++)
				printf("%-24s %s%s\n",
				       mkvbios_corruptions[i].name,
				       mkvbios_corruptions[i].err ? "" :
				       "[parser accepts] ",
				       mkvbios_corruptions[i].help);
			return 0;
		case 'L':
			for (i = 0; mkvbios_chips[i]; i++)
				printf("%s v%d\n", mkvbios_chips[i],
				       mkvbios_desc_version(mkvbios_chips[i]));
			return 0;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind != argc || !out == !tree || (tree && chip)) {
		usage(stderr);
		return 2;
	}
	if (tree)
		return write_tree(&o, tree);
	return write_rom(&o, out);
}
