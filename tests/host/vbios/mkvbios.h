/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Generator of synthetic VBIOS ROM images in the real layout (image chain,
 * BIT, falcon ucode table, FWSEC descriptor, signatures, ucode), optionally
 * corrupted in one named way. Used by mkvbios (the CLI), the host tests,
 * the fuzzer's seed corpus and, later, the emulated GPU.
 */
#ifndef MKVBIOS_H
#define MKVBIOS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/**
 * struct mkvbios_opts - what to generate
 * @chip: lower-case chipset name ("ga102", "tu102", ...); decides the
 *	FWSEC descriptor version (2 for Turing and GA100, 3 otherwise).
 * @sigs: number of 384-byte signatures (v3 only).
 * @imem: IMEM bytes of the ucode.
 * @dmem: DMEM bytes of the ucode.
 * @no_efi: leave out the EFI image.
 * @corrupt: name of a corruption (see mkvbios_corruptions), or NULL.
 */
struct mkvbios_opts {
	const char *chip;
	unsigned int sigs;
	uint32_t imem;
	uint32_t dmem;
	bool no_efi;
	const char *corrupt;
};

/**
 * struct mkvbios_corruption - one way to break the ROM
 * @name: its name for --corrupt.
 * @err: the positive errno the parser must return for it.
 * @why: a substring of the parser's reason.
 * @help: what it does.
 */
struct mkvbios_corruption {
	const char *name;
	int err;
	const char *why;
	const char *help;
};

extern const struct mkvbios_corruption mkvbios_corruptions[];
extern const unsigned int mkvbios_num_corruptions;

/* Layout of the generated ROM (offsets from the ROM start). */
#define MKVBIOS_PCIAT_LEN	0x1000
#define MKVBIOS_EFI_LEN		0x800
#define MKVBIOS_FWSEC0_LEN	0x1000
#define MKVBIOS_BIT		0xe00	/* in the PCI-AT image */
#define MKVBIOS_FALCON_DATA	0x200	/* in the PCI-AT image */
#define MKVBIOS_PMU_TABLE	0xc00	/* in the first FWSEC image */
#define MKVBIOS_DESC		0x200	/* in the second FWSEC image */

void mkvbios_default_opts(struct mkvbios_opts *o);
int mkvbios_desc_version(const char *chip);
int mkvbios_build(const struct mkvbios_opts *o, uint8_t **rom, size_t *len);

#endif
