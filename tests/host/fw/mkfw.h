/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Generator of synthetic GSP firmware files in the real layouts of
 * linux-firmware's nvidia/<chip>/gsp/ (gsp: ELF64 with .fwimage and
 * .fwsignature_* sections; bootloader: BinHdr + RM_RISCV_UCODE_DESC +
 * payload; booter_load/unload: BinHdr + HsHeaderV2 + signatures + meta
 * data + HsLoadHeaderV2 + payload; gen_bootloader, Turing and GA100 only:
 * BinHdr + BootloaderDesc + code; fmc, Hopper and Blackwell only: ELF32
 * with "hash", "signature", "publickey" and "image" sections, each with the
 * CRC32 of its contents), optionally corrupted in one named way.
 * The contents are patterns, never NVIDIA code. Used by mkfw (the CLI),
 * the host tests, the fuzzers' seed corpora and the emulated GPU's
 * firmware tree.
 */
#ifndef MKFW_H
#define MKFW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MKFW_VERSION		"570.144"

/* The kinds of file, named as in <kind>-570.144.bin. */
enum mkfw_kind {
	MKFW_GSP,
	MKFW_BOOTLOADER,
	MKFW_BOOTER_LOAD,
	MKFW_BOOTER_UNLOAD,
	MKFW_GEN_BOOTLOADER,
	MKFW_FMC,
	MKFW_NUM_KINDS,
};

#define MKFW_K(kind)		(1u << (kind))
#define MKFW_BIN_KINDS		(MKFW_K(MKFW_BOOTLOADER) | MKFW_K(MKFW_BOOTER_LOAD) | \
				 MKFW_K(MKFW_BOOTER_UNLOAD) | MKFW_K(MKFW_GEN_BOOTLOADER))
#define MKFW_BOOTER_KINDS	(MKFW_K(MKFW_BOOTER_LOAD) | MKFW_K(MKFW_BOOTER_UNLOAD))

/**
 * struct mkfw_opts - what to generate
 * @kind: the kind of file.
 * @chip: lower-case chipset name ("ga102", "tu102", ...): decides the GSP
 *	image family, the booter signature size and the bootloader
 *	descriptor size; gen_bootloader exists on Turing and GA100 only; fmc
 *	on the chips of mkfw_fmc_chips only (and only fmc), where it decides
 *	the sizes of the public key and signature.
 * @image_len: (gsp) bytes of the .fwimage section; (fmc) of the "image"
 *	section, at least 1.
 * @sig_len: (gsp) bytes of each .fwsignature_* section.
 * @num_sigs: (booter) number of signatures.
 * @corrupt: name of a corruption (see mkfw_corruptions), or NULL.
 */
struct mkfw_opts {
	enum mkfw_kind kind;
	const char *chip;
	uint32_t image_len;
	uint32_t sig_len;
	unsigned int num_sigs;
	const char *corrupt;
};

/**
 * struct mkfw_corruption - one way to break a file
 * @name: its name for --corrupt.
 * @kinds: the kinds of file it applies to (MKFW_K() bits).
 * @err: the positive errno the parser must return for it.
 * @why: a substring of the parser's reason.
 * @help: what it does.
 */
struct mkfw_corruption {
	const char *name;
	unsigned int kinds;
	int err;
	const char *why;
	const char *help;
};

extern const struct mkfw_corruption mkfw_corruptions[];
extern const unsigned int mkfw_num_corruptions;
extern const char *const mkfw_chips[];
extern const unsigned int mkfw_num_chips;
extern const char *const mkfw_fmc_chips[];
extern const unsigned int mkfw_num_fmc_chips;
extern const char *const mkfw_fsp_chips[];
extern const unsigned int mkfw_num_fsp_chips;
extern const char *const mkfw_kind_names[MKFW_NUM_KINDS];

/* BinHdr. */
#define MKFW_BIN_MAGIC		0x10de
#define MKFW_BINHDR_LEN		24

/* gsp: defaults, and the section layout (index: section). */
#define MKFW_GSP_IMAGE_LEN	0x10000
#define MKFW_GSP_SIG_LEN	0x1000
#define MKFW_GSP_SHSTRTAB	1
#define MKFW_GSP_FWIMAGE	2
#define MKFW_GSP_FIRST_SIG	3
#define MKFW_GSP_MAX_SIGS	5

/* bootloader: payload layout (offsets in the payload). */
#define MKFW_BL_PAYLOAD_LEN	0x1000
#define MKFW_BL_MONITOR_CODE	0x000
#define MKFW_BL_MONITOR_CODE_LEN 0x800
#define MKFW_BL_MONITOR_DATA	0x800
#define MKFW_BL_MONITOR_DATA_LEN 0x400
#define MKFW_BL_MANIFEST	0xc00
#define MKFW_BL_MANIFEST_LEN	0x400
#define MKFW_BL_VERSION		1
#define MKFW_BL_APP_VERSION	0x2a2a0570

/* booter: file layout, then payload layout (offsets in the payload). */
#define MKFW_HS_HDR		24	/* HsHeaderV2 */
#define MKFW_HS_SIGS		60	/* signatures, then six u32 words */
#define MKFW_HS_LOAD_HDR_LEN	36	/* HsLoadHeaderV2, one app, 8 spare bytes */
#define MKFW_HS_PAYLOAD_LEN	0xc00
#define MKFW_HS_OS_CODE		0x000
#define MKFW_HS_OS_CODE_LEN	0x800
#define MKFW_HS_OS_DATA		0x800
#define MKFW_HS_OS_DATA_LEN	0x400
#define MKFW_HS_APP0		0x000
#define MKFW_HS_APP0_LEN	0x800
#define MKFW_HS_PKC_OFFSET	0x100	/* patch_loc - os_data_offset */
#define MKFW_HS_NUM_SIGS	3
#define MKFW_HS_ENGINE_ID_MASK	0x0001
#define MKFW_HS_UCODE_ID_LOAD	0x01
#define MKFW_HS_UCODE_ID_UNLOAD	0x02

/*
 * gen_bootloader: BinHdr, BootloaderDesc right after it, then the code
 * (the whole payload), which starts with the emulated ucode header; loaded
 * at the top of 64 KiB of IMEM, from block start_tag on.
 */
#define MKFW_GBL_DESC		24
#define MKFW_GBL_DESC_LEN	24
#define MKFW_GBL_CODE		(MKFW_GBL_DESC + MKFW_GBL_DESC_LEN)
#define MKFW_GBL_CODE_LEN	0x200
#define MKFW_GBL_START_TAG	((0x10000 - MKFW_GBL_CODE_LEN) >> 8)
#define MKFW_GBL_LEN		(MKFW_GBL_CODE + MKFW_GBL_CODE_LEN)

/*
 * fmc: the one shape of NVIDIA's fmc-570.144.bin: the ELF32 header, six
 * section headers right after it (null, string table, then the blobs in
 * NVIDIA's order: hash, signature, publickey, image), the string table,
 * then the blobs, each 4-aligned. GH100's FSP takes an RSA-3K public key
 * and signature, Blackwell's an ECDSA P-384 one; both a SHA-384 hash.
 * Images start at 0x480 (gh100) and 0x244 (gb100, gb202), as in the real
 * files.
 */
#define MKFW_FMC_EHDR_LEN	52
#define MKFW_FMC_SHDR_LEN	40
#define MKFW_FMC_SECTIONS	6
#define MKFW_FMC_STRTAB		1
#define MKFW_FMC_HASH		2
#define MKFW_FMC_SIG		3
#define MKFW_FMC_PKEY		4
#define MKFW_FMC_IMAGE		5
#define MKFW_FMC_STR		0x124
#define MKFW_FMC_STR_LEN	0x2a
#define MKFW_FMC_HASH_OFF	0x150
#define MKFW_FMC_HASH_LEN	48
#define MKFW_FMC_GH100_PKEY_LEN	384
#define MKFW_FMC_GH100_SIG_LEN	384
#define MKFW_FMC_GB_PKEY_LEN	97
#define MKFW_FMC_GB_SIG_LEN	96
#define MKFW_FMC_BLOB_FLAGS	0xfff00102
#define MKFW_FMC_STR_FLAGS	0x20
/* The patterns of the blobs' contents (mkfw_pattern_byte() bases). */
#define MKFW_FMC_HASH_PAT	0x4a5a0000
#define MKFW_FMC_SIG_PAT	0x516e0000
#define MKFW_FMC_PKEY_PAT	0x9b1c0000
#define MKFW_FMC_IMAGE_PAT	0xf3c00000
#define MKFW_FMC_BANNER		"SYNTHETIC FMC (nova mkfw)"

void mkfw_default_opts(struct mkfw_opts *o);
int mkfw_kind_from_name(const char *name);
bool mkfw_chip_known(const char *chip);
bool mkfw_kind_on_chip(enum mkfw_kind kind, const char *chip);
bool mkfw_fmc_chip(const char *chip);
void mkfw_fmc_sizes(const char *chip, uint32_t *pkey_len, uint32_t *sig_len);
uint32_t mkfw_crc32(const uint8_t *p, size_t n);
bool mkfw_gsp_is_tu10x(const char *chip);
const char *mkfw_gsp_sig_section(const char *chip);
unsigned int mkfw_gsp_sig_sections(const char *chip, const char *const **names);
uint32_t mkfw_booter_sig_len(const char *chip);
uint32_t mkfw_bl_desc_len(const char *chip);
uint8_t mkfw_booter_sig_byte(uint32_t fuse_ver, unsigned int idx, unsigned int i);
uint8_t mkfw_pattern_byte(uint32_t base, size_t i);
int mkfw_build(const struct mkfw_opts *o, uint8_t **data, size_t *len);
int mkfw_write_tree(const char *dir);

#endif
