/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Generator of synthetic VBIOS ROM images in the real layout (image chain,
 * BIT, falcon ucode table, FWSEC descriptor, signatures, ucode), optionally
 * corrupted in one named way. Used by mkvbios (the CLI), the host tests,
 * the fuzzer's seed corpus and the emulated GPU, whose falcons "run" the
 * FWSEC ucode: when the sizes allow it, the ucode is an emulated ucode
 * image (drivers/gpu/nova-core/emu/firmware.h), else a plain pattern.
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
 * @sigs: number of 384-byte signatures (v3 only), the synthetic ones of
 *	signature versions 0 to @sigs - 1.
 * @imem: IMEM bytes of the ucode.
 * @dmem: DMEM bytes of the ucode.
 * @no_efi: leave out the EFI image.
 * @npde_zero: give the first FWSEC image an NPDE of length 0 (as the
 *	format allows: its PCIR's length and last-image flag then stand).
 * @strict: fail with -ENOSPC rather than write a pattern-only ucode when
 *	@imem or @dmem is too small for the emulated ucode's structures.
 * @corrupt: name of a corruption (see mkvbios_corruptions), or NULL.
 */
struct mkvbios_opts {
	const char *chip;
	unsigned int sigs;
	uint32_t imem;
	uint32_t dmem;
	bool no_efi;
	bool npde_zero;
	bool strict;
	const char *corrupt;
};

/**
 * struct mkvbios_corruption - one way to break the ROM
 * @name: its name for --corrupt.
 * @err: the positive errno the parser must return for it, or 0 if the
 *	parser accepts the ROM and only bringing the GPU up with it (the
 *	emulated FWSEC) must fail; those corrupt the emulated ucode, and do
 *	nothing to a pattern-only one.
 * @why: a substring of the parser's reason ("" when @err is 0).
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

/* Defaults. */
#define MKVBIOS_DEF_SIGS	4
#define MKVBIOS_DEF_IMEM	0x400
#define MKVBIOS_DEF_DMEM	0x600
#define MKVBIOS_ENGINE_ID_MASK	0x0400	/* GSP */
#define MKVBIOS_UCODE_ID	1

/*
 * Layout of the emulated FWSEC ucode. IMEM starts with the 32-byte
 * struct nova_emu_ucode_hdr; the rest of IMEM is pattern. Offsets in DMEM:
 */
#define MKVBIOS_EMU_HDR_LEN	0x20
/*
 * v2 (Turing, GA100) images are split as the real ones are: a non-secure
 * part of this size at IMEM 0 (imem_phys_base), then the secure part
 * (imem_sec_base = this, imem_sec_size = the rest), which starts with a
 * struct nova_emu_ucode_sec.
 */
#define MKVBIOS_V2_NONSEC	0x100
/*
 * The least IMEM of a v2 image with the emulated ucode: the non-secure
 * part and one block of secure part. Smaller v2 images (pattern ucode)
 * are one secure part, imem_sec_base 0.
 */
#define MKVBIOS_EMU_IMEM_MIN_V2	(MKVBIOS_V2_NONSEC + 0x100)
/* imem_sec_base of a v2 image of @imem bytes of IMEM. */
#define MKVBIOS_V2_SEC_BASE(imem) ((imem) >= MKVBIOS_EMU_IMEM_MIN_V2 ? MKVBIOS_V2_NONSEC : 0)
#define MKVBIOS_IF_OFFSET	0x040	/* application interface table */
#define MKVBIOS_APPIF_COUNT	3
#define MKVBIOS_APPIF_LEN	(4 + 8 * MKVBIOS_APPIF_COUNT)
#define MKVBIOS_APPIF_ID_A	1	/* points at pattern */
#define MKVBIOS_APPIF_A_OFFSET	0x060
#define MKVBIOS_DMAP_OFFSET	0x080	/* DMEMMAPPER v3, entry id 4 */
#define MKVBIOS_APPIF_ID_B	7	/* points at pattern */
#define MKVBIOS_APPIF_B_OFFSET	0x0c0
#define MKVBIOS_CMD_IN_OFFSET	0x100	/* zeroed command input */
#define MKVBIOS_CMD_IN_LEN	0x100
#define MKVBIOS_PKC_OFFSET	0x200	/* (v3) zeroed signature slot */
/* The least DMEM the structures need: v2 has no signature slot. */
#define MKVBIOS_EMU_DMEM_MIN_V2	(MKVBIOS_CMD_IN_OFFSET + \
				 MKVBIOS_CMD_IN_LEN)
#define MKVBIOS_EMU_DMEM_MIN_V3	(MKVBIOS_PKC_OFFSET + 384)

/* The chips of mkvbios --tree, NULL-terminated. */
extern const char *const mkvbios_chips[];

void mkvbios_default_opts(struct mkvbios_opts *o);
/* 2 or 3, or -1 for an unknown chip. */
int mkvbios_desc_version(const char *chip);
/* Whether @o's sizes hold the emulated ucode (false for an unknown chip). */
bool mkvbios_emu_fits(const struct mkvbios_opts *o);
/*
 * Builds the ROM in a malloc()ed buffer. Returns 0, -EINVAL for an unknown
 * chip, -ENOENT for an unknown corruption, -ERANGE for too many signatures
 * or too large a ucode, -ENOSPC (with @o->strict) for too small a ucode,
 * or -ENOMEM.
 */
int mkvbios_build(const struct mkvbios_opts *o, uint8_t **rom, size_t *len);

#endif
