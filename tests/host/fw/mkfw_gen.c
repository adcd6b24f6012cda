// SPDX-License-Identifier: GPL-2.0
/*
 * Synthetic GSP firmware file generator (see mkfw.h). The layouts follow
 * the public descriptions of the files in linux-firmware's
 * nvidia/<chip>/gsp/ (BinHdr, RM_RISCV_UCODE_DESC, HsHeaderV2,
 * HsLoadHeaderV2, BootloaderDesc, the ELF64 gsp image and its sections,
 * the ELF32 fmc file and its sections); the contents are patterns, never
 * NVIDIA code or keys. The booters' app 0 and the
 * generic bootloader's code start with the emulated ucode header of
 * drivers/gpu/nova-core/emu/firmware.h, and the booters' signatures are the
 * synthetic ones it defines.
 */
#include <elf.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "../emu_ucode.h"
#include "mkfw.h"

#define GSP	MKFW_K(MKFW_GSP)
#define BL	MKFW_K(MKFW_BOOTLOADER)
#define BIN	MKFW_BIN_KINDS
#define HS	MKFW_BOOTER_KINDS
#define GBL	MKFW_K(MKFW_GEN_BOOTLOADER)
#define FMC	MKFW_K(MKFW_FMC)
#define ALL	(GSP | BIN | FMC)

const struct mkfw_corruption mkfw_corruptions[] = {
	/*
	 * Any file. The fmc parser words a cut image "sh_offset ... + sh_size
	 * ... outside 0x124 to the end of the file", not "past the end of the
	 * file": its truncations are tested by fw-test's test_truncations().
	 */
	{ "truncated", ALL & ~FMC, EOVERFLOW, "past the end of the file",
	  "the file is cut 0x100 bytes before its end" },
	{ "short", ALL, EOVERFLOW, "bytes past the end of the file (0x10)",
	  "the file is cut to its first 16 bytes" },
	/* BinHdr. */
	{ "bin-magic", BIN, ENOEXEC, "BinHdr at 0x0: bin_magic 0x10df, expected 0x10de",
	  "BinHdr bin_magic is 0x10df" },
	{ "bin-data-size-zero", BIN, EINVAL, "data_size 0 (at 0x14), no payload",
	  "BinHdr data_size is 0" },
	{ "bin-data-offset", BIN, EOVERFLOW, "BinHdr: data_offset 0xfffffff0 + data_size",
	  "BinHdr data_offset is 0xfffffff0" },
	{ "bin-data-size", BIN, EOVERFLOW, "data_size 0xffffffff past the end of the file",
	  "BinHdr data_size is 0xffffffff" },
	{ "bin-header-offset", BIN, EOVERFLOW, " at 0xffffffe0: ",
	  "BinHdr header_offset is 0xffffffe0" },
	/* bootloader. */
	{ "bl-desc-past-end", BL, EOVERFLOW, ": 56 bytes past the end of the file",
	  "BinHdr header_offset puts the descriptor 40 bytes before the end" },
	{ "bl-monitor-code", BL, EOVERFLOW,
	  "monitor_code_offset 0x1000 + monitor_code_size 0x800 past the end of the payload (0x1000)",
	  "monitor_code_offset is the payload size" },
	{ "bl-monitor-code-size", BL, EOVERFLOW, "monitor_code_size 0xfffffff0 past the end",
	  "monitor_code_size is 0xfffffff0" },
	{ "bl-monitor-data", BL, EOVERFLOW, "monitor_data_offset 0xfffff000 +",
	  "monitor_data_offset is 0xfffff000" },
	{ "bl-manifest", BL, EOVERFLOW, "manifest_offset 0xff0 + manifest_size 0x400 past",
	  "manifest_offset is 0xff0" },
	{ "bl-manifest-empty", BL, EOVERFLOW, "manifest_offset 0x1000 + manifest_size 0x0 past",
	  "the manifest is empty and starts at the end of the payload" },
	/* booter_load, booter_unload. */
	{ "hs-header-past-end", HS, EOVERFLOW, "HsHeaderV2 at 0x", "BinHdr header_offset puts "
	  "HsHeaderV2 20 bytes before the end" },
	{ "hs-num-sig-offset", HS, EOVERFLOW, "num_sig_offset 0xfffffffe past the end",
	  "num_sig_offset is 0xfffffffe" },
	{ "hs-num-sigs-zero", HS, EINVAL, "num_sigs 0 (at 0x", "num_sigs is 0" },
	{ "hs-sig-size-zero", HS, EINVAL, "sig_prod_size 0, no signatures",
	  "sig_prod_size is 0" },
	{ "hs-sig-size", HS, EINVAL, "not a multiple of num_sigs 3",
	  "sig_prod_size is one more than the signatures" },
	{ "hs-patch-sig-offset", HS, EOVERFLOW, "patch_sig_offset 0xffffffff past",
	  "patch_sig_offset is 0xffffffff" },
	{ "hs-sigs-past-end", HS, EOVERFLOW, "sig_prod_size 0x30000 past the end of the file",
	  "sig_prod_size is 3 * 0x10000" },
	{ "hs-patch-sig", HS, EOVERFLOW, "patch_sig 0x100000 + sig_prod_size",
	  "the patch_sig word is 0x100000" },
	{ "hs-patch-loc-offset", HS, EOVERFLOW, "patch_loc_offset 0xfffffffc past",
	  "patch_loc_offset is 0xfffffffc" },
	{ "hs-meta-size", HS, EINVAL, "meta_data_size 8 too small", "meta_data_size is 8" },
	{ "hs-meta-offset", HS, EOVERFLOW, "meta_data_offset 0xfffffff8 +",
	  "meta_data_offset is 0xfffffff8" },
	{ "hs-engine-mask", HS, EINVAL, "engine_id_mask 0x10000 wider than 16 bits",
	  "the meta data's engine_id_mask is 0x10000" },
	{ "hs-ucode-id", HS, EINVAL, "ucode_id 0x100 wider than 8 bits",
	  "the meta data's ucode_id is 0x100" },
	{ "hs-load-header-offset", HS, EOVERFLOW, "HsLoadHeaderV2 at 0xfffffff0:",
	  "HsHeaderV2 header_offset is 0xfffffff0" },
	{ "hs-header-size", HS, EINVAL, "header_size 16 too small for HsLoadHeaderV2",
	  "HsHeaderV2 header_size is 16" },
	{ "hs-num-apps-zero", HS, EINVAL, "num_apps 0, no apps", "num_apps is 0" },
	{ "hs-num-apps", HS, EINVAL, "header_size 36 too small for num_apps 0x20000000",
	  "num_apps is 0x20000000" },
	{ "hs-os-code", HS, EOVERFLOW, "os_code_offset 0x0 + os_code_size 0x10000 past",
	  "os_code_size is 0x10000" },
	{ "hs-os-data", HS, EOVERFLOW, "os_data_offset 0xfffffc00 +",
	  "os_data_offset is 0xfffffc00" },
	{ "hs-app0", HS, EOVERFLOW, "app0_size 0xfffffff0 past the end of the payload",
	  "app 0's size is 0xfffffff0" },
	{ "hs-app0-empty", HS, EINVAL, "app0_size 0, no code", "app 0's size is 0" },
	{ "hs-patch-loc-below", HS, EINVAL, "patch_loc 0x7fc below os_data_offset 0x800",
	  "the patch_loc word is 4 bytes before the OS data" },
	{ "hs-patch-loc-past", HS, EOVERFLOW, "patch_loc 0xbf8 + sig_len",
	  "the patch_loc word is 8 bytes before the end of the OS data" },
	/* gen_bootloader. */
	{ "gbl-desc-past-end", GBL, EOVERFLOW,
	  "BootloaderDesc at 0x21c: 24 bytes past the end of the file (0x230)",
	  "BinHdr header_offset puts BootloaderDesc 20 bytes before the end" },
	{ "gbl-desc-wrap", GBL, EOVERFLOW, "BootloaderDesc at 0xfffffff0: 24 bytes past",
	  "BinHdr header_offset is 0xfffffff0 (+ 24 wraps 32 bits)" },
	{ "gbl-start-tag", GBL, EINVAL, "start_tag 0x100 past the first 64 KiB (at most 0xff)",
	  "start_tag is 0x100" },
	{ "gbl-code-size-zero", GBL, EINVAL, "BootloaderDesc at 0x18: code_size 0, no code",
	  "code_size is 0" },
	{ "gbl-code-too-big", GBL, EINVAL,
	  "code_size 0xff01 too big to load below 64 KiB (at most 0xff00)",
	  "code_size is 0xff01" },
	{ "gbl-code-size", GBL, EINVAL, "code_size 0xffffffff too big to load below 64 KiB",
	  "code_size is 0xffffffff" },
	{ "gbl-code-past-end", GBL, EOVERFLOW,
	  "code_size 0x201 past the end of the payload (0x200 at 0x30)",
	  "code_size is one more than the payload, which ends the file" },
	{ "gbl-payload-short", GBL, EOVERFLOW,
	  "code_size 0x200 past the end of the payload (0x100 at 0x30)",
	  "BinHdr data_size is half code_size" },
	{ "gbl-data-offset-wrap", GBL, EOVERFLOW,
	  "BinHdr: data_offset 0xfffffe00 + data_size 0x200 past the end of the file",
	  "BinHdr data_offset is 0xfffffe00 (+ code_size wraps 32 bits to 0)" },
	/* gsp. */
	{ "elf-magic", GSP, ENOEXEC, "ELF header: bad magic 7f 45 4c 47",
	  "the ELF magic is \\177ELG" },
	{ "elf-class32", GSP, ENOEXEC, "class 1, expected ELFCLASS64", "EI_CLASS is ELFCLASS32" },
	{ "elf-big-endian", GSP, ENOEXEC, "data encoding 2", "EI_DATA is ELFDATA2MSB" },
	{ "elf-shentsize", GSP, EINVAL, "e_shentsize 40, expected 64", "e_shentsize is 40" },
	{ "elf-shnum-zero", GSP, EINVAL, "e_shnum 0, no section headers", "e_shnum is 0" },
	{ "elf-shoff", GSP, EOVERFLOW, "e_shoff 0xffffffffffffff00 +",
	  "e_shoff is 0xffffffffffffff00" },
	{ "elf-shnum", GSP, EOVERFLOW, "e_shnum 65535 section headers past the end",
	  "e_shnum is 65535" },
	{ "elf-shstrndx", GSP, EINVAL, "e_shstrndx 65535 not below e_shnum",
	  "e_shstrndx is 65535 (SHN_XINDEX)" },
	{ "elf-shstrtab-type", GSP, EINVAL, "section 1 (string table): sh_type 8, expected",
	  "the string table is SHT_NOBITS" },
	{ "elf-shstrtab-range", GSP, EOVERFLOW,
	  "section 1 (string table): sh_offset 0x", "the string table's size is 2^64 - 0x100" },
	{ "elf-sh-name", GSP, EOVERFLOW,
	  "ELF section 2: sh_name 0x10000 past the end of the string table",
	  ".fwimage's sh_name is 0x10000" },
	{ "elf-no-fwimage", GSP, ENODATA, "ELF: no section .fwimage",
	  ".fwimage is renamed .fwimagX" },
	{ "elf-no-sig", GSP, ENODATA, "ELF: no section .fwsignature_",
	  "the chip's signature section is renamed (last letter X)" },
	{ "elf-dup-fwimage", GSP, EINVAL, "ELF: two sections named .fwimage (2 and 3)",
	  "the first signature section is named .fwimage too" },
	{ "elf-fwimage-nobits", GSP, EINVAL, "(.fwimage): SHT_NOBITS, no bytes in the file",
	  ".fwimage is SHT_NOBITS" },
	{ "elf-fwimage-range", GSP, EOVERFLOW, "section 2 (.fwimage): sh_offset 0x",
	  ".fwimage is one byte longer than the file" },
	{ "elf-sig-empty", GSP, EINVAL, "sh_size 0, empty",
	  "the chip's signature section is empty" },
	{ "elf-sig-range", GSP, EOVERFLOW, "): sh_offset 0xfffffffffffff000 + sh_size",
	  "the chip's signature section's offset is 2^64 - 0x1000" },
	/* fmc: the ELF32 header. */
	{ "fmc-magic", FMC, ENOEXEC, "ELF32 header: bad magic 7f 45 4c 47",
	  "the ELF magic is \\177ELG" },
	{ "fmc-class64", FMC, ENOEXEC, "ELF32 header: class 2, expected ELFCLASS32 (1)",
	  "EI_CLASS is ELFCLASS64" },
	{ "fmc-big-endian", FMC, ENOEXEC, "data encoding 2, expected little endian (1)",
	  "EI_DATA is ELFDATA2MSB" },
	{ "fmc-type", FMC, EINVAL, "ELF32 header: e_type 0x2 (at 0x10), expected 0x0",
	  "e_type is ET_EXEC" },
	{ "fmc-shoff", FMC, EINVAL, "ELF32 header: e_shoff 0x40 (at 0x20), expected 0x34",
	  "e_shoff is 0x40" },
	{ "fmc-shentsize", FMC, EINVAL, "e_shentsize 0x40 (at 0x2e), expected 0x28",
	  "e_shentsize is 64 (ELF64's)" },
	{ "fmc-shnum", FMC, EINVAL, "e_shnum 0x7 (at 0x30), expected 0x6", "e_shnum is 7" },
	{ "fmc-shstrndx", FMC, EINVAL, "e_shstrndx 0xffff (at 0x32), expected 0x1",
	  "e_shstrndx is 65535 (SHN_XINDEX)" },
	/* fmc: the section headers. */
	{ "fmc-null-section", FMC, EINVAL, "ELF32 section 0: not the null section (not all 0)",
	  "section 0 is named .shstrtab" },
	{ "fmc-strtab-type", FMC, EINVAL, "ELF32 section 1: sh_type 1, expected 3",
	  "the string table is SHT_PROGBITS" },
	{ "fmc-blob-flags", FMC, EINVAL, "ELF32 section 5: sh_flags 0x2, expected 0xfff00102",
	  "the image's sh_flags is SHF_ALLOC alone" },
	{ "fmc-blob-type", FMC, EINVAL, "ELF32 section 2: sh_type 8, expected 1",
	  "the hash is SHT_NOBITS" },
	{ "fmc-blob-below", FMC, EOVERFLOW,
	  "ELF32 section 2: sh_offset 0x0 + sh_size 0x30 outside 0x124 to the end of the file",
	  "the hash's sh_offset is 0, in the ELF header" },
	{ "fmc-blob-past-end", FMC, EOVERFLOW, "+ sh_size 0x10001 outside 0x124 to the end",
	  "the image is one byte longer than the file holds" },
	{ "fmc-blob-wrap", FMC, EOVERFLOW, "ELF32 section 3: sh_offset 0xffffffc0 + sh_size 0x",
	  "the signature's sh_offset is 0xffffffc0 (+ sh_size wraps 32 bits)" },
	{ "fmc-crc", FMC, EBADMSG, "ELF32 section 5: CRC32 0x",
	  "a byte in the middle of the image is flipped, its CRC32 kept" },
	/* fmc: the blobs. */
	{ "fmc-hash-size", FMC, EINVAL, "ELF32 section 2 (hash): sh_size 0x20, the FSP takes 0x30",
	  "the hash is 32 bytes (SHA-256's), its CRC32 fixed" },
	{ "fmc-no-publickey", FMC, ENODATA, "ELF32: no section publickey",
	  "publickey is renamed publickeX" },
	{ "fmc-dup-name", FMC, EINVAL, "ELF32: two sections named hash (2 and 3)",
	  "the signature is named hash too" },
	{ "fmc-name-range", FMC, EOVERFLOW,
	  "ELF32 section 5: sh_name 0x2a not a string inside the string table (0x2a bytes)",
	  "the image's sh_name is the string table's size" },
	{ "fmc-strtab-unterminated", FMC, EOVERFLOW,
	  "ELF32 section 5: sh_name 0x24 not a string inside the string table (0x2a bytes)",
	  "the string table's last NUL is X: the last name, image, runs off its end" },
	{ "fmc-image-empty", FMC, EINVAL, "ELF32 section 5: sh_size 0, empty",
	  "the image is empty (sh_size 0, CRC32 0)" },
};

const unsigned int mkfw_num_corruptions =
	sizeof(mkfw_corruptions) / sizeof(mkfw_corruptions[0]);

const char *const mkfw_chips[] = {
	"tu102", "tu104", "tu106", "tu116", "tu117", "ga100",
	"ga102", "ga103", "ga104", "ga106", "ga107",
	"ad102", "ad103", "ad104", "ad106", "ad107",
};

const unsigned int mkfw_num_chips = sizeof(mkfw_chips) / sizeof(mkfw_chips[0]);

/*
 * The chips of the fmc file, which have no other kind here: Hopper and
 * Blackwell boot GSP-RM through the FSP, not through booter. Kept apart
 * from mkfw_chips, so that the tree and its test stay Turing to Ada.
 */
const char *const mkfw_fmc_chips[] = { "gh100", "gb100", "gb202" };

const unsigned int mkfw_num_fmc_chips = sizeof(mkfw_fmc_chips) / sizeof(mkfw_fmc_chips[0]);

/*
 * Every Hopper and Blackwell chip, as the tree holds them: gsp, bootloader
 * and fmc each (gb102 has gb100's files, gb203 to gb207 gb202's).
 */
const char *const mkfw_fsp_chips[] = {
	"gh100", "gb100", "gb102", "gb202", "gb203", "gb205", "gb206", "gb207",
};

const unsigned int mkfw_num_fsp_chips = sizeof(mkfw_fsp_chips) / sizeof(mkfw_fsp_chips[0]);

const char *const mkfw_kind_names[MKFW_NUM_KINDS] = {
	"gsp", "bootloader", "booter_load", "booter_unload", "gen_bootloader", "fmc",
};

/* The two GSP images: gsp_tu10x (Turing, GA100) and gsp_ga10x (the rest). */
static const char *const gsp_tu10x_sigs[] = {
	".fwsignature_tu10x", ".fwsignature_tu11x", ".fwsignature_ga100",
};

static const char *const gsp_ga10x_sigs[] = {
	".fwsignature_ga10x", ".fwsignature_ad10x", ".fwsignature_gh100",
	".fwsignature_gb10x", ".fwsignature_gb20x",
};

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = v;
	p[1] = v >> 8;
}

static void put32(uint8_t *p, uint32_t v)
{
	put16(p, v);
	put16(p + 2, v >> 16);
}

static void put64(uint8_t *p, uint64_t v)
{
	put32(p, v);
	put32(p + 4, v >> 32);
}

static uint32_t get32(const uint8_t *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

uint8_t mkfw_pattern_byte(uint32_t base, size_t i)
{
	return (uint8_t)((base + i / 4) >> (8 * (i % 4)));
}

static void fill(uint8_t *p, size_t n, uint32_t base)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = mkfw_pattern_byte(base, i);
}

void mkfw_default_opts(struct mkfw_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->kind = MKFW_GSP;
	o->chip = "ga102";
	o->image_len = MKFW_GSP_IMAGE_LEN;
	o->sig_len = MKFW_GSP_SIG_LEN;
	o->num_sigs = MKFW_HS_NUM_SIGS;
}

int mkfw_kind_from_name(const char *name)
{
	int k;

	for (k = 0; k < MKFW_NUM_KINDS; k++)
		if (!strcmp(name, mkfw_kind_names[k]))
			return k;
	return -1;
}

/* Whether @chip is one of mkfw_fsp_chips (Hopper and Blackwell). */
bool mkfw_fmc_chip(const char *chip)
{
	unsigned int i;

	for (i = 0; i < mkfw_num_fsp_chips; i++)
		if (!strcmp(chip, mkfw_fsp_chips[i]))
			return true;
	return false;
}

/* Whether @chip is one of mkfw_chips or mkfw_fsp_chips. */
bool mkfw_chip_known(const char *chip)
{
	unsigned int i;

	for (i = 0; i < mkfw_num_chips; i++)
		if (!strcmp(chip, mkfw_chips[i]))
			return true;
	return mkfw_fmc_chip(chip);
}

/*
 * Whether @chip has a file of @kind: fmc on the fmc chips, which have no
 * other; gen_bootloader on Turing and GA100 only.
 */
bool mkfw_kind_on_chip(enum mkfw_kind kind, const char *chip)
{
	if (mkfw_fmc_chip(chip))
		return kind == MKFW_FMC || kind == MKFW_GSP || kind == MKFW_BOOTLOADER;
	if (kind == MKFW_FMC)
		return false;
	return kind != MKFW_GEN_BOOTLOADER || mkfw_gsp_is_tu10x(chip);
}

/*
 * The sizes of the fmc file's public key and signature on @chip: RSA-3K
 * on GH100, ECDSA P-384 (97 and 96 bytes) on Blackwell.
 */
void mkfw_fmc_sizes(const char *chip, uint32_t *pkey_len, uint32_t *sig_len)
{
	bool gh = !strncmp(chip, "gh", 2);

	*pkey_len = gh ? MKFW_FMC_GH100_PKEY_LEN : MKFW_FMC_GB_PKEY_LEN;
	*sig_len = gh ? MKFW_FMC_GH100_SIG_LEN : MKFW_FMC_GB_SIG_LEN;
}

/*
 * zlib's crc32() of @n bytes at @p: the reflected CRC-32 of polynomial
 * 0xedb88320, pre- and post-inverted, a bit at a time. Written here rather
 * than taken from zlib or the parser's shim, so that the files do not
 * depend on what they test.
 */
uint32_t mkfw_crc32(const uint8_t *p, size_t n)
{
	uint32_t crc = 0xffffffff;
	int k;

	while (n--) {
		crc ^= *p++;
		for (k = 0; k < 8; k++)
			crc = crc & 1 ? (crc >> 1) ^ 0xedb88320 : crc >> 1;
	}
	return ~crc;
}

/* Turing and GA100 use the gsp_tu10x image; GA10x and Ada gsp_ga10x. */
bool mkfw_gsp_is_tu10x(const char *chip)
{
	return !strncmp(chip, "tu", 2) || !strcmp(chip, "ga100");
}

/* The signature section the driver asks for on @chip. */
const char *mkfw_gsp_sig_section(const char *chip)
{
	if (!strncmp(chip, "tu11", 4))
		return ".fwsignature_tu11x";
	if (!strncmp(chip, "tu", 2))
		return ".fwsignature_tu10x";
	if (!strcmp(chip, "ga100"))
		return ".fwsignature_ga100";
	if (!strncmp(chip, "ad", 2))
		return ".fwsignature_ad10x";
	if (!strncmp(chip, "gh", 2))
		return ".fwsignature_gh100";
	if (!strncmp(chip, "gb10", 4))
		return ".fwsignature_gb10x";
	if (!strncmp(chip, "gb20", 4))
		return ".fwsignature_gb20x";
	return ".fwsignature_ga10x";
}

/* The signature sections of @chip's gsp image; returns their number. */
unsigned int mkfw_gsp_sig_sections(const char *chip, const char *const **names)
{
	if (mkfw_gsp_is_tu10x(chip)) {
		*names = gsp_tu10x_sigs;
		return sizeof(gsp_tu10x_sigs) / sizeof(gsp_tu10x_sigs[0]);
	}
	*names = gsp_ga10x_sigs;
	return sizeof(gsp_ga10x_sigs) / sizeof(gsp_ga10x_sigs[0]);
}

/* Booter signatures: 16 bytes on TU10x/TU11x, RSA-3K (384) from GA100 on. */
uint32_t mkfw_booter_sig_len(const char *chip)
{
	return !strncmp(chip, "tu", 2) ? 16 : NOVA_EMU_SIG_LEN;
}

/* RM_RISCV_UCODE_DESC: 76 bytes on TU10x and GA100, 84 from GA102 on. */
uint32_t mkfw_bl_desc_len(const char *chip)
{
	return mkfw_gsp_is_tu10x(chip) ? 76 : 84;
}

/*
 * Byte @i of booter signature @idx: signature @idx is the one of fuse
 * version @fuse_ver - @idx, in the synthetic form of emu/firmware.h.
 */
uint8_t mkfw_booter_sig_byte(uint32_t fuse_ver, unsigned int idx, unsigned int i)
{
	return nova_emu_sig_byte(fuse_ver - idx, i);
}

/* Returns the index in mkfw_corruptions of @name, or -1. */
static int find_corruption(const char *name)
{
	unsigned int i;

	for (i = 0; i < mkfw_num_corruptions; i++)
		if (!strcmp(name, mkfw_corruptions[i].name))
			return i;
	return -1;
}

static int corrupt_is(const struct mkfw_opts *o, const char *name)
{
	return o->corrupt && !strcmp(o->corrupt, name);
}

#define ALIGN_UP(x, a) (((x) + (a) - 1) & ~(size_t)((a) - 1))

static int build_gsp(const struct mkfw_opts *o, uint8_t **datap, size_t *lenp)
{
	const char *want = mkfw_gsp_sig_section(o->chip);
	size_t shoff, str, str_len, sigs, image, len, off;
	uint32_t name[2 + MKFW_GSP_MAX_SIGS];
	unsigned int nsig, nsec, i, mine = 0;
	const char *const *names;
	uint8_t *d, *sh;

	nsig = mkfw_gsp_sig_sections(o->chip, &names);
	nsec = MKFW_GSP_FIRST_SIG + nsig;
	/* The string table: "", .shstrtab, .fwimage, the signature sections. */
	str_len = 1 + sizeof(".shstrtab") + sizeof(".fwimage");
	for (i = 0; i < nsig; i++)
		str_len += strlen(names[i]) + 1;
	shoff = sizeof(Elf64_Ehdr);
	str = shoff + (size_t)nsec * sizeof(Elf64_Shdr);
	sigs = ALIGN_UP(str + str_len, 8);
	image = ALIGN_UP(sigs + (size_t)nsig * ALIGN_UP(o->sig_len, 8), 0x100);
	len = image + o->image_len;
	d = calloc(1, len);
	if (!d)
		return -ENOMEM;

	memcpy(d, ELFMAG, SELFMAG);
	d[EI_CLASS] = ELFCLASS64;
	d[EI_DATA] = ELFDATA2LSB;
	d[EI_VERSION] = EV_CURRENT;
	put16(d + offsetof(Elf64_Ehdr, e_type), ET_EXEC);
	put16(d + offsetof(Elf64_Ehdr, e_machine), EM_RISCV);
	put32(d + offsetof(Elf64_Ehdr, e_version), EV_CURRENT);
	put64(d + offsetof(Elf64_Ehdr, e_shoff), shoff);
	put16(d + offsetof(Elf64_Ehdr, e_ehsize), sizeof(Elf64_Ehdr));
	put16(d + offsetof(Elf64_Ehdr, e_shentsize), sizeof(Elf64_Shdr));
	put16(d + offsetof(Elf64_Ehdr, e_shnum), nsec);
	put16(d + offsetof(Elf64_Ehdr, e_shstrndx), MKFW_GSP_SHSTRTAB);

	off = str + 1;
	name[0] = off - str;
	memcpy(d + off, ".shstrtab", sizeof(".shstrtab"));
	off += sizeof(".shstrtab");
	name[1] = off - str;
	memcpy(d + off, ".fwimage", sizeof(".fwimage"));
	off += sizeof(".fwimage");

	/* [1] .shstrtab */
	sh = d + shoff + MKFW_GSP_SHSTRTAB * sizeof(Elf64_Shdr);
	put32(sh + offsetof(Elf64_Shdr, sh_name), name[0]);
	put32(sh + offsetof(Elf64_Shdr, sh_type), SHT_STRTAB);
	put64(sh + offsetof(Elf64_Shdr, sh_offset), str);
	put64(sh + offsetof(Elf64_Shdr, sh_size), str_len);
	put64(sh + offsetof(Elf64_Shdr, sh_addralign), 1);

	/* [2] .fwimage: a banner, then a pattern. */
	sh = d + shoff + MKFW_GSP_FWIMAGE * sizeof(Elf64_Shdr);
	put32(sh + offsetof(Elf64_Shdr, sh_name), name[1]);
	put32(sh + offsetof(Elf64_Shdr, sh_type), SHT_PROGBITS);
	put64(sh + offsetof(Elf64_Shdr, sh_offset), image);
	put64(sh + offsetof(Elf64_Shdr, sh_size), o->image_len);
	put64(sh + offsetof(Elf64_Shdr, sh_addralign), 0x100);
	fill(d + image, o->image_len, 0x6e000000);
	memcpy(d + image, "SYNTHETIC GSP-RM (nova mkfw)",
	       o->image_len < 28 ? o->image_len : 28);

	/* [3..] the signature sections: their name, then a pattern. */
	for (i = 0; i < nsig; i++) {
		size_t n = strlen(names[i]) + 1, at = sigs + (size_t)i * ALIGN_UP(o->sig_len, 8);

		sh = d + shoff + (MKFW_GSP_FIRST_SIG + i) * sizeof(Elf64_Shdr);
		put32(sh + offsetof(Elf64_Shdr, sh_name), off - str);
		memcpy(d + off, names[i], n);
		off += n;
		put32(sh + offsetof(Elf64_Shdr, sh_type), SHT_PROGBITS);
		put64(sh + offsetof(Elf64_Shdr, sh_offset), at);
		put64(sh + offsetof(Elf64_Shdr, sh_size), o->sig_len);
		put64(sh + offsetof(Elf64_Shdr, sh_addralign), 8);
		fill(d + at, o->sig_len, 0x51600000 + (i << 16));
		memcpy(d + at, names[i], o->sig_len < n ? o->sig_len : n);
		if (!strcmp(names[i], want))
			mine = MKFW_GSP_FIRST_SIG + i;
	}

	sh = d + shoff + mine * sizeof(Elf64_Shdr);
	if (corrupt_is(o, "elf-magic"))
		d[3] = 'G';
	else if (corrupt_is(o, "elf-class32"))
		d[EI_CLASS] = ELFCLASS32;
	else if (corrupt_is(o, "elf-big-endian"))
		d[EI_DATA] = ELFDATA2MSB;
	else if (corrupt_is(o, "elf-shentsize"))
		put16(d + offsetof(Elf64_Ehdr, e_shentsize), 40);
	else if (corrupt_is(o, "elf-shnum-zero"))
		put16(d + offsetof(Elf64_Ehdr, e_shnum), 0);
	else if (corrupt_is(o, "elf-shoff"))
		put64(d + offsetof(Elf64_Ehdr, e_shoff), 0xffffffffffffff00ull);
	else if (corrupt_is(o, "elf-shnum"))
		put16(d + offsetof(Elf64_Ehdr, e_shnum), 0xffff);
	else if (corrupt_is(o, "elf-shstrndx"))
		put16(d + offsetof(Elf64_Ehdr, e_shstrndx), 0xffff);
	else if (corrupt_is(o, "elf-shstrtab-type"))
		put32(d + shoff + MKFW_GSP_SHSTRTAB * sizeof(Elf64_Shdr) +
		      offsetof(Elf64_Shdr, sh_type), SHT_NOBITS);
	else if (corrupt_is(o, "elf-shstrtab-range"))
		put64(d + shoff + MKFW_GSP_SHSTRTAB * sizeof(Elf64_Shdr) +
		      offsetof(Elf64_Shdr, sh_size), 0xffffffffffffff00ull);
	else if (corrupt_is(o, "elf-sh-name"))
		put32(d + shoff + MKFW_GSP_FWIMAGE * sizeof(Elf64_Shdr) +
		      offsetof(Elf64_Shdr, sh_name), 0x10000);
	else if (corrupt_is(o, "elf-no-fwimage"))
		d[str + name[1] + 7] = 'X';
	else if (corrupt_is(o, "elf-no-sig"))
		d[str + get32(sh + offsetof(Elf64_Shdr, sh_name)) + strlen(want) - 1] = 'X';
	else if (corrupt_is(o, "elf-dup-fwimage"))
		put32(d + shoff + MKFW_GSP_FIRST_SIG * sizeof(Elf64_Shdr) +
		      offsetof(Elf64_Shdr, sh_name), name[1]);
	else if (corrupt_is(o, "elf-fwimage-nobits"))
		put32(d + shoff + MKFW_GSP_FWIMAGE * sizeof(Elf64_Shdr) +
		      offsetof(Elf64_Shdr, sh_type), SHT_NOBITS);
	else if (corrupt_is(o, "elf-fwimage-range"))
		put64(d + shoff + MKFW_GSP_FWIMAGE * sizeof(Elf64_Shdr) +
		      offsetof(Elf64_Shdr, sh_size), o->image_len + 1);
	else if (corrupt_is(o, "elf-sig-empty"))
		put64(sh + offsetof(Elf64_Shdr, sh_size), 0);
	else if (corrupt_is(o, "elf-sig-range"))
		put64(sh + offsetof(Elf64_Shdr, sh_offset), 0xfffffffffffff000ull);

	*datap = d;
	*lenp = len;
	return 0;
}

/* fmc: the section header @idx of @d. */
static uint8_t *fmc_sh(uint8_t *d, unsigned int idx)
{
	return d + MKFW_FMC_EHDR_LEN + idx * MKFW_FMC_SHDR_LEN;
}

/*
 * fmc: sets section @idx's sh_info to the CRC32 of its contents as its
 * header now says (which must lie inside @d).
 */
static void fmc_set_crc(uint8_t *d, unsigned int idx)
{
	uint8_t *sh = fmc_sh(d, idx);

	put32(sh + offsetof(Elf32_Shdr, sh_info),
	      mkfw_crc32(d + get32(sh + offsetof(Elf32_Shdr, sh_offset)),
			 get32(sh + offsetof(Elf32_Shdr, sh_size))));
}

/*
 * fmc: the ELF32 header and section headers of NVIDIA's files (see
 * mkfw.h), the string table, then the blobs, each 4-aligned after the one
 * before: patterns, the image starting with a banner. Each blob's sh_info
 * is the CRC32 of its contents, the string table's 0, as in NVIDIA's
 * files; the corruptions that change a blob fix its CRC32 (but fmc-crc),
 * so that the parser reaches the check they aim at.
 */
static int build_fmc(const struct mkfw_opts *o, uint8_t **datap, size_t *lenp)
{
	/* "", ".shstrtab", "hash", "signature", "publickey", "image". */
	static const char strtab[MKFW_FMC_STR_LEN] =
		"\0.shstrtab\0hash\0signature\0publickey\0image";
	static const uint32_t name[MKFW_FMC_SECTIONS] = { 0, 1, 11, 16, 26, 36 };
	static const uint32_t pat[MKFW_FMC_SECTIONS] = {
		0, 0, MKFW_FMC_HASH_PAT, MKFW_FMC_SIG_PAT, MKFW_FMC_PKEY_PAT, MKFW_FMC_IMAGE_PAT,
	};
	uint32_t off[MKFW_FMC_SECTIONS], size[MKFW_FMC_SECTIONS];
	unsigned int i;
	uint8_t *d, *sh;
	size_t len;

	size[MKFW_FMC_STRTAB] = MKFW_FMC_STR_LEN;
	size[MKFW_FMC_HASH] = MKFW_FMC_HASH_LEN;
	mkfw_fmc_sizes(o->chip, &size[MKFW_FMC_PKEY], &size[MKFW_FMC_SIG]);
	size[MKFW_FMC_IMAGE] = o->image_len;
	off[MKFW_FMC_STRTAB] = MKFW_FMC_STR;
	for (i = MKFW_FMC_HASH; i < MKFW_FMC_SECTIONS; i++)
		off[i] = ALIGN_UP(off[i - 1] + size[i - 1], 4);
	len = off[MKFW_FMC_IMAGE] + size[MKFW_FMC_IMAGE];
	d = calloc(1, len);
	if (!d)
		return -ENOMEM;

	/* No type, machine, entry or program headers: NVIDIA's files have none. */
	memcpy(d, ELFMAG, SELFMAG);
	d[EI_CLASS] = ELFCLASS32;
	d[EI_DATA] = ELFDATA2LSB;
	d[EI_VERSION] = EV_CURRENT;
	put32(d + offsetof(Elf32_Ehdr, e_version), EV_CURRENT);
	put32(d + offsetof(Elf32_Ehdr, e_shoff), MKFW_FMC_EHDR_LEN);
	put16(d + offsetof(Elf32_Ehdr, e_ehsize), MKFW_FMC_EHDR_LEN);
	put16(d + offsetof(Elf32_Ehdr, e_shentsize), MKFW_FMC_SHDR_LEN);
	put16(d + offsetof(Elf32_Ehdr, e_shnum), MKFW_FMC_SECTIONS);
	put16(d + offsetof(Elf32_Ehdr, e_shstrndx), MKFW_FMC_STRTAB);

	/* [0] is the null section, all 0; [1] the string table; [2..5] the blobs. */
	memcpy(d + MKFW_FMC_STR, strtab, MKFW_FMC_STR_LEN);
	for (i = MKFW_FMC_STRTAB; i < MKFW_FMC_SECTIONS; i++) {
		bool str = i == MKFW_FMC_STRTAB;

		sh = fmc_sh(d, i);
		put32(sh + offsetof(Elf32_Shdr, sh_name), name[i]);
		put32(sh + offsetof(Elf32_Shdr, sh_type), str ? SHT_STRTAB : SHT_PROGBITS);
		put32(sh + offsetof(Elf32_Shdr, sh_flags),
		      str ? MKFW_FMC_STR_FLAGS : MKFW_FMC_BLOB_FLAGS);
		put32(sh + offsetof(Elf32_Shdr, sh_offset), off[i]);
		put32(sh + offsetof(Elf32_Shdr, sh_size), size[i]);
		put32(sh + offsetof(Elf32_Shdr, sh_addralign), str ? 1 : 4);
		put32(sh + offsetof(Elf32_Shdr, sh_entsize), str ? 1 : 0);
		if (str)
			continue;
		fill(d + off[i], size[i], pat[i]);
		if (i == MKFW_FMC_IMAGE)
			memcpy(d + off[i], MKFW_FMC_BANNER,
			       size[i] < sizeof(MKFW_FMC_BANNER) - 1 ?
			       size[i] : sizeof(MKFW_FMC_BANNER) - 1);
		fmc_set_crc(d, i);
	}

	if (corrupt_is(o, "fmc-magic"))
		d[3] = 'G';
	else if (corrupt_is(o, "fmc-class64"))
		d[EI_CLASS] = ELFCLASS64;
	else if (corrupt_is(o, "fmc-big-endian"))
		d[EI_DATA] = ELFDATA2MSB;
	else if (corrupt_is(o, "fmc-type"))
		put16(d + offsetof(Elf32_Ehdr, e_type), ET_EXEC);
	else if (corrupt_is(o, "fmc-shoff"))
		put32(d + offsetof(Elf32_Ehdr, e_shoff), 0x40);
	else if (corrupt_is(o, "fmc-shentsize"))
		put16(d + offsetof(Elf32_Ehdr, e_shentsize), 64);
	else if (corrupt_is(o, "fmc-shnum"))
		put16(d + offsetof(Elf32_Ehdr, e_shnum), MKFW_FMC_SECTIONS + 1);
	else if (corrupt_is(o, "fmc-shstrndx"))
		put16(d + offsetof(Elf32_Ehdr, e_shstrndx), 0xffff);
	else if (corrupt_is(o, "fmc-null-section"))
		put32(fmc_sh(d, 0) + offsetof(Elf32_Shdr, sh_name), name[MKFW_FMC_STRTAB]);
	else if (corrupt_is(o, "fmc-strtab-type"))
		put32(fmc_sh(d, MKFW_FMC_STRTAB) + offsetof(Elf32_Shdr, sh_type), SHT_PROGBITS);
	else if (corrupt_is(o, "fmc-blob-flags"))
		put32(fmc_sh(d, MKFW_FMC_IMAGE) + offsetof(Elf32_Shdr, sh_flags), SHF_ALLOC);
	else if (corrupt_is(o, "fmc-blob-type"))
		put32(fmc_sh(d, MKFW_FMC_HASH) + offsetof(Elf32_Shdr, sh_type), SHT_NOBITS);
	else if (corrupt_is(o, "fmc-blob-below"))
		put32(fmc_sh(d, MKFW_FMC_HASH) + offsetof(Elf32_Shdr, sh_offset), 0);
	else if (corrupt_is(o, "fmc-blob-past-end"))
		put32(fmc_sh(d, MKFW_FMC_IMAGE) + offsetof(Elf32_Shdr, sh_size), o->image_len + 1);
	else if (corrupt_is(o, "fmc-blob-wrap"))
		put32(fmc_sh(d, MKFW_FMC_SIG) + offsetof(Elf32_Shdr, sh_offset), 0xffffffc0);
	else if (corrupt_is(o, "fmc-crc"))
		d[off[MKFW_FMC_IMAGE] + o->image_len / 2] ^= 0xff;
	else if (corrupt_is(o, "fmc-hash-size")) {
		put32(fmc_sh(d, MKFW_FMC_HASH) + offsetof(Elf32_Shdr, sh_size), 32);
		fmc_set_crc(d, MKFW_FMC_HASH);
	} else if (corrupt_is(o, "fmc-no-publickey"))
		d[MKFW_FMC_STR + name[MKFW_FMC_PKEY] + strlen("publickey") - 1] = 'X';
	else if (corrupt_is(o, "fmc-dup-name"))
		put32(fmc_sh(d, MKFW_FMC_SIG) + offsetof(Elf32_Shdr, sh_name),
		      name[MKFW_FMC_HASH]);
	else if (corrupt_is(o, "fmc-name-range"))
		put32(fmc_sh(d, MKFW_FMC_IMAGE) + offsetof(Elf32_Shdr, sh_name),
		      MKFW_FMC_STR_LEN);
	else if (corrupt_is(o, "fmc-strtab-unterminated"))
		d[MKFW_FMC_STR + MKFW_FMC_STR_LEN - 1] = 'X';
	else if (corrupt_is(o, "fmc-image-empty")) {
		put32(fmc_sh(d, MKFW_FMC_IMAGE) + offsetof(Elf32_Shdr, sh_size), 0);
		fmc_set_crc(d, MKFW_FMC_IMAGE);
	}

	*datap = d;
	*lenp = len;
	return 0;
}

static void put_binhdr(uint8_t *d, size_t len, uint32_t data_offset, uint32_t data_size)
{
	put32(d, MKFW_BIN_MAGIC);
	put32(d + 4, 1);			/* bin_ver */
	put32(d + 8, len);			/* bin_size */
	put32(d + 12, MKFW_BINHDR_LEN);		/* header_offset */
	put32(d + 16, data_offset);
	put32(d + 20, data_size);
}

static void put_emu_hdr(uint8_t *p, uint32_t kind, uint32_t flags, uint32_t ucode_id,
			uint32_t engine_id_mask)
{
	memset(p, 0, sizeof(struct nova_emu_ucode_hdr));
	put32(p + offsetof(struct nova_emu_ucode_hdr, magic), NOVA_EMU_UCODE_MAGIC);
	put32(p + offsetof(struct nova_emu_ucode_hdr, version), NOVA_EMU_UCODE_VERSION);
	put32(p + offsetof(struct nova_emu_ucode_hdr, kind), kind);
	put32(p + offsetof(struct nova_emu_ucode_hdr, flags), flags);
	put32(p + offsetof(struct nova_emu_ucode_hdr, ucode_id), ucode_id);
	put32(p + offsetof(struct nova_emu_ucode_hdr, engine_id_mask), engine_id_mask);
}

static int build_bootloader(const struct mkfw_opts *o, uint8_t **datap, size_t *lenp)
{
	uint32_t desc_len = mkfw_bl_desc_len(o->chip), data_offset = MKFW_BINHDR_LEN + desc_len;
	size_t len = data_offset + MKFW_BL_PAYLOAD_LEN;
	uint8_t *d, *desc, *p;
	uint32_t f[21] = {
		MKFW_BL_VERSION,
		0, MKFW_BL_PAYLOAD_LEN,		/* bootloader offset, size */
		0, 0,				/* bootloader params */
		0, 0,				/* RISC-V ELF */
		MKFW_BL_APP_VERSION,
		MKFW_BL_MANIFEST, MKFW_BL_MANIFEST_LEN,
		MKFW_BL_MONITOR_DATA, MKFW_BL_MONITOR_DATA_LEN,
		MKFW_BL_MONITOR_CODE, MKFW_BL_MONITOR_CODE_LEN,
		1,				/* bIsMonitorEnabled */
		0, 0, 0, 0,			/* swbrom code, data */
		0,				/* fbReservedSize */
		0,				/* bSignedAsCode */
	};
	unsigned int i;

	d = calloc(1, len);
	if (!d)
		return -ENOMEM;
	put_binhdr(d, len, data_offset, MKFW_BL_PAYLOAD_LEN);
	desc = d + MKFW_BINHDR_LEN;
	for (i = 0; i < desc_len / 4; i++)
		put32(desc + 4 * i, f[i]);
	p = d + data_offset;
	fill(p + MKFW_BL_MONITOR_CODE, MKFW_BL_MONITOR_CODE_LEN, 0xc0de0000);
	fill(p + MKFW_BL_MONITOR_DATA, MKFW_BL_MONITOR_DATA_LEN, 0xda7a0000);
	fill(p + MKFW_BL_MANIFEST, MKFW_BL_MANIFEST_LEN, 0x3a1f0000);

	if (corrupt_is(o, "bl-desc-past-end"))
		put32(d + 12, len - 40);
	else if (corrupt_is(o, "bl-monitor-code"))
		put32(desc + 48, MKFW_BL_PAYLOAD_LEN);
	else if (corrupt_is(o, "bl-monitor-code-size"))
		put32(desc + 52, 0xfffffff0);
	else if (corrupt_is(o, "bl-monitor-data"))
		put32(desc + 40, 0xfffff000);
	else if (corrupt_is(o, "bl-manifest"))
		put32(desc + 32, 0xff0);
	else if (corrupt_is(o, "bl-manifest-empty")) {
		put32(desc + 32, MKFW_BL_PAYLOAD_LEN);
		put32(desc + 36, 0);
	}

	*datap = d;
	*lenp = len;
	return 0;
}

static int build_booter(const struct mkfw_opts *o, uint8_t **datap, size_t *lenp)
{
	bool load = o->kind == MKFW_BOOTER_LOAD;
	uint32_t sig_len = mkfw_booter_sig_len(o->chip), n = o->num_sigs;
	uint32_t sigs_size = n * sig_len, words = MKFW_HS_SIGS + sigs_size;
	uint32_t load_hdr = words + 24, data_offset = load_hdr + MKFW_HS_LOAD_HDR_LEN;
	uint32_t ucode_id = load ? MKFW_HS_UCODE_ID_LOAD : MKFW_HS_UCODE_ID_UNLOAD;
	size_t len = data_offset + MKFW_HS_PAYLOAD_LEN;
	uint8_t *d, *hs, *w, *lh, *p, *emu;
	unsigned int i, j;

	d = calloc(1, len);
	if (!d)
		return -ENOMEM;
	put_binhdr(d, len, data_offset, MKFW_HS_PAYLOAD_LEN);

	hs = d + MKFW_HS_HDR;
	put32(hs + 0, MKFW_HS_SIGS);		/* sig_prod_offset */
	put32(hs + 4, sigs_size);		/* sig_prod_size */
	put32(hs + 8, words);			/* patch_loc_offset */
	put32(hs + 12, words + 4);		/* patch_sig_offset */
	put32(hs + 16, words + 8);		/* meta_data_offset */
	put32(hs + 20, 12);			/* meta_data_size */
	put32(hs + 24, words + 20);		/* num_sig_offset */
	put32(hs + 28, load_hdr);		/* header_offset */
	put32(hs + 32, MKFW_HS_LOAD_HDR_LEN);	/* header_size */

	for (i = 0; i < n; i++)
		for (j = 0; j < sig_len; j++)
			d[MKFW_HS_SIGS + i * sig_len + j] = mkfw_booter_sig_byte(n, i, j);

	w = d + words;
	put32(w + 0, MKFW_HS_OS_DATA + MKFW_HS_PKC_OFFSET);	/* patch_loc */
	put32(w + 4, 0);					/* patch_sig */
	put32(w + 8, n);					/* fuse_ver */
	put32(w + 12, MKFW_HS_ENGINE_ID_MASK);
	put32(w + 16, ucode_id);
	put32(w + 20, n);					/* num_sigs */

	lh = d + load_hdr;
	put32(lh + 0, MKFW_HS_OS_CODE);
	put32(lh + 4, MKFW_HS_OS_CODE_LEN);
	put32(lh + 8, MKFW_HS_OS_DATA);
	put32(lh + 12, MKFW_HS_OS_DATA_LEN);
	put32(lh + 16, 1);					/* num_apps */
	put32(lh + 20, MKFW_HS_APP0);
	put32(lh + 24, MKFW_HS_APP0_LEN);

	/* The payload: OS code (app 0, emulated ucode), then OS data. */
	p = d + data_offset;
	fill(p + MKFW_HS_OS_CODE, MKFW_HS_OS_CODE_LEN, load ? 0xb0070000 : 0xb0071000);
	emu = p + MKFW_HS_APP0;
	put_emu_hdr(emu, load ? NOVA_EMU_UCODE_BOOTER_LOAD : NOVA_EMU_UCODE_BOOTER_UNLOAD,
		    sig_len == NOVA_EMU_SIG_LEN ? NOVA_EMU_UCODE_F_SIGNED : 0, ucode_id,
		    MKFW_HS_ENGINE_ID_MASK);
	fill(p + MKFW_HS_OS_DATA, MKFW_HS_OS_DATA_LEN, 0xda7a0000);
	memset(p + MKFW_HS_OS_DATA + MKFW_HS_PKC_OFFSET, 0, sig_len);

	if (corrupt_is(o, "hs-header-past-end"))
		put32(d + 12, len - 20);
	else if (corrupt_is(o, "hs-num-sig-offset"))
		put32(hs + 24, 0xfffffffe);
	else if (corrupt_is(o, "hs-num-sigs-zero"))
		put32(w + 20, 0);
	else if (corrupt_is(o, "hs-sig-size-zero"))
		put32(hs + 4, 0);
	else if (corrupt_is(o, "hs-sig-size"))
		put32(hs + 4, sigs_size + 1);
	else if (corrupt_is(o, "hs-patch-sig-offset"))
		put32(hs + 12, 0xffffffff);
	else if (corrupt_is(o, "hs-sigs-past-end"))
		put32(hs + 4, n * 0x10000);
	else if (corrupt_is(o, "hs-patch-sig"))
		put32(w + 4, 0x100000);
	else if (corrupt_is(o, "hs-patch-loc-offset"))
		put32(hs + 8, 0xfffffffc);
	else if (corrupt_is(o, "hs-meta-size"))
		put32(hs + 20, 8);
	else if (corrupt_is(o, "hs-meta-offset"))
		put32(hs + 16, 0xfffffff8);
	else if (corrupt_is(o, "hs-engine-mask"))
		put32(w + 12, 0x10000);
	else if (corrupt_is(o, "hs-ucode-id"))
		put32(w + 16, 0x100);
	else if (corrupt_is(o, "hs-load-header-offset"))
		put32(hs + 28, 0xfffffff0);
	else if (corrupt_is(o, "hs-header-size"))
		put32(hs + 32, 16);
	else if (corrupt_is(o, "hs-num-apps-zero"))
		put32(lh + 16, 0);
	else if (corrupt_is(o, "hs-num-apps"))
		put32(lh + 16, 0x20000000);
	else if (corrupt_is(o, "hs-os-code"))
		put32(lh + 4, 0x10000);
	else if (corrupt_is(o, "hs-os-data"))
		put32(lh + 8, 0xfffffc00);
	else if (corrupt_is(o, "hs-app0"))
		put32(lh + 24, 0xfffffff0);
	else if (corrupt_is(o, "hs-app0-empty"))
		put32(lh + 24, 0);
	else if (corrupt_is(o, "hs-patch-loc-below"))
		put32(w, MKFW_HS_OS_DATA - 4);
	else if (corrupt_is(o, "hs-patch-loc-past"))
		put32(w, MKFW_HS_OS_DATA + MKFW_HS_OS_DATA_LEN - 8);

	*datap = d;
	*lenp = len;
	return 0;
}

/*
 * gen_bootloader: BinHdr, BootloaderDesc { start_tag, dmem_load_off,
 * code_off, code_size, data_off, data_size }, then the code, the whole
 * payload: the emulated ucode header, then a pattern. The legacy fields
 * are as in the real files: dmem_load_off 0, code_off 0, data_off the end
 * of the code, no data.
 */
static int build_gen_bootloader(const struct mkfw_opts *o, uint8_t **datap, size_t *lenp)
{
	size_t len = MKFW_GBL_LEN;
	uint8_t *d, *desc;

	d = calloc(1, len);
	if (!d)
		return -ENOMEM;
	put_binhdr(d, len, MKFW_GBL_CODE, MKFW_GBL_CODE_LEN);
	desc = d + MKFW_GBL_DESC;
	put32(desc + 0, MKFW_GBL_START_TAG);
	put32(desc + 4, 0);				/* dmem_load_off */
	put32(desc + 8, 0);				/* code_off */
	put32(desc + 12, MKFW_GBL_CODE_LEN);		/* code_size */
	put32(desc + 16, MKFW_GBL_CODE_LEN);		/* data_off */
	put32(desc + 20, 0);				/* data_size */
	fill(d + MKFW_GBL_CODE, MKFW_GBL_CODE_LEN, 0x9eb10000);
	put_emu_hdr(d + MKFW_GBL_CODE, NOVA_EMU_UCODE_GEN_BL, 0, 0, 0);

	if (corrupt_is(o, "gbl-desc-past-end"))
		put32(d + 12, len - 20);
	else if (corrupt_is(o, "gbl-desc-wrap"))
		put32(d + 12, 0xfffffff0);
	else if (corrupt_is(o, "gbl-start-tag"))
		put32(desc + 0, 0x100);
	else if (corrupt_is(o, "gbl-code-size-zero"))
		put32(desc + 12, 0);
	else if (corrupt_is(o, "gbl-code-too-big"))
		put32(desc + 12, 0xff01);
	else if (corrupt_is(o, "gbl-code-size"))
		put32(desc + 12, 0xffffffff);
	else if (corrupt_is(o, "gbl-code-past-end"))
		put32(desc + 12, MKFW_GBL_CODE_LEN + 1);
	else if (corrupt_is(o, "gbl-payload-short"))
		put32(d + 20, MKFW_GBL_CODE_LEN / 2);
	else if (corrupt_is(o, "gbl-data-offset-wrap"))
		put32(d + 16, 0xfffffe00);

	*datap = d;
	*lenp = len;
	return 0;
}

int mkfw_build(const struct mkfw_opts *o, uint8_t **datap, size_t *lenp)
{
	const char *c = o->corrupt;
	int ret, i;

	if ((int)o->kind < 0 || o->kind >= MKFW_NUM_KINDS || !o->chip || !mkfw_chip_known(o->chip))
		return -EINVAL;
	if (!mkfw_kind_on_chip(o->kind, o->chip))
		return -ENODEV;
	if (c) {
		i = find_corruption(c);
		if (i < 0)
			return -ENOENT;
		if (!(mkfw_corruptions[i].kinds & MKFW_K(o->kind)))
			return -ENOTSUP;
	}
	if (o->image_len > 0x4000000 || o->sig_len > 0x100000 || o->num_sigs < 1 ||
	    o->num_sigs > 16 || (o->kind == MKFW_GSP && o->sig_len < 32) ||
	    (o->kind == MKFW_FMC && !o->image_len))
		return -ERANGE;

	switch (o->kind) {
	case MKFW_GSP:
		ret = build_gsp(o, datap, lenp);
		break;
	case MKFW_BOOTLOADER:
		ret = build_bootloader(o, datap, lenp);
		break;
	case MKFW_GEN_BOOTLOADER:
		ret = build_gen_bootloader(o, datap, lenp);
		break;
	case MKFW_FMC:
		ret = build_fmc(o, datap, lenp);
		break;
	default:
		ret = build_booter(o, datap, lenp);
		break;
	}
	if (ret)
		return ret;

	if (corrupt_is(o, "truncated"))
		*lenp -= 0x100;
	else if (corrupt_is(o, "short"))
		*lenp = 16;
	else if (corrupt_is(o, "bin-magic"))
		put32(*datap, 0x10df);
	else if (corrupt_is(o, "bin-data-size-zero"))
		put32(*datap + 20, 0);
	else if (corrupt_is(o, "bin-data-offset"))
		put32(*datap + 16, 0xfffffff0);
	else if (corrupt_is(o, "bin-data-size"))
		put32(*datap + 20, 0xffffffff);
	else if (corrupt_is(o, "bin-header-offset"))
		put32(*datap + 12, 0xffffffe0);
	return 0;
}

static int mkdir_one(const char *path)
{
	if (mkdir(path, 0755) && errno != EEXIST)
		return -errno;
	return 0;
}

/*
 * Writes @dir/nvidia/<chip>/gsp/<kind>-570.144.bin for every chip of
 * mkfw_chips and kind the chip has (gen_bootloader on Turing and GA100
 * only; fmc on none of them), as plain files.
 */
int mkfw_write_tree(const char *dir)
{
	char path[4096];
	struct mkfw_opts o;
	unsigned int c, k, n = mkfw_num_chips + mkfw_num_fsp_chips;
	const char *chip;
	uint8_t *data;
	size_t len;
	FILE *f;
	int ret;

	snprintf(path, sizeof(path), "%s/nvidia", dir);
	ret = mkdir_one(dir);
	if (!ret)
		ret = mkdir_one(path);
	for (c = 0; !ret && c < n; c++) {
		chip = c < mkfw_num_chips ? mkfw_chips[c] : mkfw_fsp_chips[c - mkfw_num_chips];
		snprintf(path, sizeof(path), "%s/nvidia/%s", dir, chip);
		ret = mkdir_one(path);
		snprintf(path, sizeof(path), "%s/nvidia/%s/gsp", dir, chip);
		if (!ret)
			ret = mkdir_one(path);
		for (k = 0; !ret && k < MKFW_NUM_KINDS; k++) {
			if (!mkfw_kind_on_chip(k, chip))
				continue;
			mkfw_default_opts(&o);
			o.kind = k;
			o.chip = chip;
			ret = mkfw_build(&o, &data, &len);
			if (ret)
				break;
			snprintf(path, sizeof(path), "%s/nvidia/%s/gsp/%s-%s.bin", dir,
				 chip, mkfw_kind_names[k], MKFW_VERSION);
			f = fopen(path, "wb");
			if (!f || fwrite(data, 1, len, f) != len)
				ret = errno ? -errno : -EIO;
			if (f && fclose(f) && !ret)
				ret = -errno;
			free(data);
		}
	}
	return ret;
}
