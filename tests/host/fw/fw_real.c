// SPDX-License-Identifier: GPL-2.0
/*
 * Host test of nova_core's firmware file parsers (drivers/gpu/nova-core/
 * fw.c) on NVIDIA's real 570.144 files, as Debian ships them in
 * firmware-nvidia-graphics (fetched at test time by scripts/firmware.sh,
 * never committed), built with ASan and UBSan.
 *
 * Every value the parsers return is compared with a fact written below as
 * a literal number and read from the files outside the parser:
 *  - the ELF section tables of the gsp images as binutils' readelf -S -W
 *    prints them (.fwimage, .fwversion, the .fwsignature_* sections);
 *  - the 32-bit little-endian words of each header at the offsets NVIDIA's
 *    open-gpu-kernel-modules (570.144) gives for BINHDR, HS_HEADER_V2 and
 *    its HS_SIGNATURE_PARAMS, HS_LOAD_HEADER_V2, RM_RISCV_UCODE_DESC and
 *    the generic bootloader's descriptor, as od -t x4 prints them (the
 *    HS_HEADER_V2 members patch_loc, patch_sig and num_sig are offsets of
 *    the words that hold them, as nouveau reads them);
 *  - the ELF32 section tables of the fmc files (Hopper, Blackwell) as
 *    readelf -S -W prints them, their sh_info (zlib's CRC32 of each blob),
 *    and the sizes of the hash, public key and signature that nouveau's
 *    FSP code (nvkm/subdev/fsp/gh100.c, gb100.c, gb202.c) sends;
 *  - which file each chip loads: Debian's tree links chips that share one
 *    (linux-firmware's WHENCE), and which signature section of the gsp
 *    image each chip's family takes (open-gpu-kernel-modules' section
 *    names by chip family, as upstream Nova picks them).
 * A parser that read a field from the wrong place, or a wrong file for a
 * chip, fails here whatever the synthetic generator believes.
 *
 *   fw-real-test DIR        (DIR/nvidia/<chip>/gsp/<kind>-570.144.bin)
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/crc32.h>

#include "../../../drivers/gpu/nova-core/firmware/fw.h"

#include "../ktap.h"
#include "../readfile.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/**
 * struct binhdr_fact - BINHDR, the six words at the start of every file
 * @w: bin_magic, bin_ver, bin_size, header_offset, data_offset, data_size.
 */
struct binhdr_fact {
	uint32_t w[6];
};

/**
 * struct booter_fact - a booter_load or booter_unload file
 * @file: its path under nvidia/ (where Debian keeps it).
 * @size: its size in bytes.
 * @bin: its BINHDR.
 * @hs: HS_HEADER_V2 at bin.header_offset: sig_prod_offset, sig_prod_size,
 *	patch_loc, patch_sig, meta_data_offset, meta_data_size, num_sig,
 *	header_offset, header_size (the offsets are in the file).
 * @patch_loc: the word at hs.patch_loc.
 * @patch_sig: the word at hs.patch_sig.
 * @num_sig: the word at hs.num_sig.
 * @meta: HS_SIGNATURE_PARAMS at hs.meta_data_offset: fuse_ver,
 *	engine_id_mask, ucode_id.
 * @load: HS_LOAD_HEADER_V2 at hs.header_offset: os_code_offset,
 *	os_code_size, os_data_offset, os_data_size, num_apps, then app 0's
 *	offset and size.
 */
struct booter_fact {
	const char *file;
	uint32_t size;
	struct binhdr_fact bin;
	uint32_t hs[9];
	uint32_t patch_loc, patch_sig, num_sig;
	uint32_t meta[3];
	uint32_t load[7];
};

static const struct booter_fact booters[] = {
	{ "tu102/gsp/booter_load-570.144.bin", 59272,
	  { { 0x10de, 0x1, 0xe800, 0x18, 0x88, 0xe700 } },
	  { 0x3c, 0x10, 0x4c, 0x50, 0x54, 0xc, 0x60, 0x64, 0x24 },
	  0x8700, 0x0, 1, { 0x0, 0x1, 0xd },
	  { 0x0, 0x100, 0x8500, 0x6200, 0x1, 0x100, 0x8400 } },
	{ "tu102/gsp/booter_unload-570.144.bin", 39304,
	  { { 0x10de, 0x1, 0x9a00, 0x18, 0x88, 0x9900 } },
	  { 0x3c, 0x10, 0x4c, 0x50, 0x54, 0xc, 0x60, 0x64, 0x24 },
	  0x4e00, 0x0, 1, { 0x0, 0x1, 0xd },
	  { 0x0, 0x100, 0x4c00, 0x4d00, 0x1, 0x100, 0x4b00 } },
	{ "tu116/gsp/booter_load-570.144.bin", 59016,
	  { { 0x10de, 0x1, 0xe700, 0x18, 0x88, 0xe600 } },
	  { 0x3c, 0x10, 0x4c, 0x50, 0x54, 0xc, 0x60, 0x64, 0x24 },
	  0x8600, 0x0, 1, { 0x0, 0x1, 0xd },
	  { 0x0, 0x100, 0x8400, 0x6200, 0x1, 0x100, 0x8300 } },
	{ "tu116/gsp/booter_unload-570.144.bin", 39048,
	  { { 0x10de, 0x1, 0x9900, 0x18, 0x88, 0x9800 } },
	  { 0x3c, 0x10, 0x4c, 0x50, 0x54, 0xc, 0x60, 0x64, 0x24 },
	  0x4d00, 0x0, 1, { 0x0, 0x1, 0xd },
	  { 0x0, 0x100, 0x4b00, 0x4d00, 0x1, 0x100, 0x4a00 } },
	{ "ga100/gsp/booter_load-570.144.bin", 60664,
	  { { 0x10de, 0x1, 0xed00, 0x18, 0x1f8, 0xeb00 } },
	  { 0x3c, 0x180, 0x1bc, 0x1c0, 0x1c4, 0xc, 0x1d0, 0x1d4, 0x24 },
	  0x8900, 0x0, 1, { 0x0, 0x1, 0x3 },
	  { 0x0, 0x100, 0x8700, 0x6400, 0x1, 0x100, 0x8600 } },
	{ "ga100/gsp/booter_unload-570.144.bin", 40440,
	  { { 0x10de, 0x1, 0x9e00, 0x18, 0x1f8, 0x9c00 } },
	  { 0x3c, 0x180, 0x1bc, 0x1c0, 0x1c4, 0xc, 0x1d0, 0x1d4, 0x24 },
	  0x4f00, 0x0, 1, { 0x0, 0x1, 0x3 },
	  { 0x0, 0x100, 0x4d00, 0x4f00, 0x1, 0x100, 0x4c00 } },
	{ "ga102/gsp/booter_load-570.144.bin", 61304,
	  { { 0x10de, 0x1, 0xf000, 0x18, 0x378, 0xec00 } },
	  { 0x3c, 0x300, 0x33c, 0x340, 0x344, 0xc, 0x350, 0x354, 0x24 },
	  0x8a10, 0x0, 2, { 0x1, 0x1, 0x3 },
	  { 0x0, 0x100, 0x8a00, 0x6200, 0x1, 0x100, 0x8900 } },
	{ "ga102/gsp/booter_unload-570.144.bin", 41080,
	  { { 0x10de, 0x1, 0xa100, 0x18, 0x378, 0x9d00 } },
	  { 0x3c, 0x300, 0x33c, 0x340, 0x344, 0xc, 0x350, 0x354, 0x24 },
	  0x5010, 0x0, 2, { 0x1, 0x1, 0x3 },
	  { 0x0, 0x100, 0x5000, 0x4d00, 0x1, 0x100, 0x4f00 } },
	{ "ad102/gsp/booter_load-570.144.bin", 57720,
	  { { 0x10de, 0x1, 0xe200, 0x18, 0x378, 0xde00 } },
	  { 0x3c, 0x300, 0x33c, 0x340, 0x344, 0xc, 0x350, 0x354, 0x24 },
	  0x7e10, 0x0, 2, { 0x1, 0x1, 0x3 },
	  { 0x0, 0x100, 0x7e00, 0x6000, 0x1, 0x100, 0x7d00 } },
	{ "ad102/gsp/booter_unload-570.144.bin", 41592,
	  { { 0x10de, 0x1, 0xa300, 0x18, 0x378, 0x9f00 } },
	  { 0x3c, 0x300, 0x33c, 0x340, 0x344, 0xc, 0x350, 0x354, 0x24 },
	  0x5010, 0x0, 2, { 0x1, 0x1, 0x3 },
	  { 0x0, 0x100, 0x5000, 0x4e00, 0x1, 0x100, 0x4f00 } },
};

/**
 * struct bootloader_fact - a bootloader file
 * @file: its path under nvidia/.
 * @size: its size in bytes.
 * @bin: its BINHDR.
 * @desc: the first 14 words of RM_RISCV_UCODE_DESC at bin.header_offset:
 *	version, bootloaderOffset, bootloaderSize, bootloaderParamOffset,
 *	bootloaderParamSize, riscvElfOffset, riscvElfSize, appVersion,
 *	manifestOffset, manifestSize, monitorDataOffset, monitorDataSize,
 *	monitorCodeOffset, monitorCodeSize.
 */
struct bootloader_fact {
	const char *file;
	uint32_t size;
	struct binhdr_fact bin;
	uint32_t desc[14];
};

static const struct bootloader_fact bootloaders[] = {
	{ "tu102/gsp/bootloader-535.113.01.bin", 4196,
	  { { 0x10de, 0x1, 0x1100, 0x18, 0x64, 0x1000 } },
	  { 0x4, 0x0, 0x488, 0x488, 0x10, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 } },
	{ "ga100/gsp/bootloader-535.113.01.bin", 4196,
	  { { 0x10de, 0x1, 0x1100, 0x18, 0x64, 0x1000 } },
	  { 0x4, 0x0, 0x488, 0x488, 0x10, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 } },
	{ "ga102/gsp/bootloader-570.144.bin", 24684,
	  { { 0x10de, 0x1, 0x6100, 0x18, 0x6c, 0x6000 } },
	  { 0x5, 0x5000, 0x880, 0x5880, 0x10, 0x0, 0x0, 0x0, 0x0, 0x800, 0x800,
	    0x1000, 0x1800, 0x2900 } },
	{ "ad102/gsp/bootloader-570.144.bin", 36972,
	  { { 0x10de, 0x1, 0x9100, 0x18, 0x6c, 0x9000 } },
	  { 0x5, 0x8000, 0x880, 0x8880, 0x10, 0x0, 0x0, 0x0, 0x0, 0x800, 0x800,
	    0x4000, 0x4800, 0x2900 } },
	{ "gh100/gsp/bootloader-570.144.bin", 168044,
	  { { 0x10de, 0x1, 0x29100, 0x18, 0x6c, 0x29000 } },
	  { 0x5, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0xa00, 0xa00, 0xa700,
	    0xb100, 0x1d500 } },
	{ "gb100/gsp/bootloader-570.144.bin", 200812,
	  { { 0x10de, 0x1, 0x31100, 0x18, 0x6c, 0x31000 } },
	  { 0x5, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0xa00, 0xa00, 0xa700,
	    0xb100, 0x25200 } },
	{ "gb202/gsp/bootloader-570.144.bin", 200812,
	  { { 0x10de, 0x1, 0x31100, 0x18, 0x6c, 0x31000 } },
	  { 0x5, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0xa00, 0xa00, 0xa800,
	    0xb200, 0x25800 } },
};

/*
 * The one gen_bootloader (TU10x, TU11x and GA100 share it): BINHDR, then
 * the descriptor at bin.header_offset: start_tag, dmem_load_off, code_off,
 * code_size, data_off, data_size.
 */
static const char gbl_file[] = "tu102/gsp/gen_bootloader-570.144.bin";
static const uint32_t gbl_size = 816;
static const struct binhdr_fact gbl_bin = { { 0x10de, 0x1, 0x400, 0x18, 0x30, 0x300 } };
static const uint32_t gbl_desc[6] = { 0xfd, 0x0, 0x0, 0x200, 0x200, 0x100 };

/**
 * struct gsp_fact - a gsp image (ELF64) as readelf -S -W lists it
 * @file: its path under nvidia/.
 * @size: its size in bytes.
 * @image_off: .fwimage's offset.
 * @image_size: .fwimage's size.
 * @version_off: .fwversion's offset (8 bytes, "570.144" and a NUL).
 * @sigs: its signature sections: name, offset (each is 0x1000 bytes).
 */
struct gsp_fact {
	const char *file;
	uint32_t size;
	uint32_t image_off, image_size, version_off;
	struct {
		const char *name;
		uint32_t off;
	} sigs[7];
};

static const struct gsp_fact gsps[] = {
	{ "tu102/gsp/gsp-570.144.bin", 28542040, 0x40, 0x1b34ea0, 0x1b34f04,
	  { { ".fwsignature_ga100", 0x1b34f0c },
	    { ".fwsignature_tu11x", 0x1b35f0c },
	    { ".fwsignature_tu10x", 0x1b36f0c } } },
	{ "ga102/gsp/gsp-570.144.bin", 63571696, 0x40, 0x3c99000, 0x3c99064,
	  { { ".fwsignature_gb20x", 0x3c9906c },
	    { ".fwsignature_cc_gb10x", 0x3c9a06c },
	    { ".fwsignature_gb10x", 0x3c9b06c },
	    { ".fwsignature_cc_gh100", 0x3c9c06c },
	    { ".fwsignature_gh100", 0x3c9d06c },
	    { ".fwsignature_ad10x", 0x3c9e06c },
	    { ".fwsignature_ga10x", 0x3c9f06c } } },
};

#define SIG_SECTION_SIZE	0x1000

/**
 * struct fmc_fact - an fmc file (ELF32) as readelf -S -W lists it
 * @file: its path under nvidia/.
 * @size: its size in bytes.
 * @gh100: whether it is Hopper's (an RSA-3K key and signature, 384 bytes
 *	each) rather than Blackwell's (ECDSA P-384: a 97-byte key, a 96-byte
 *	signature); the hash is 48 bytes on both.
 * @image_off: section image's offset.
 * @image_size: its size.
 * @image_crc: its sh_info, zlib's CRC32 of its contents.
 * @hash_off: section hash's offset.
 * @sig_off: section signature's offset.
 * @pkey_off: section publickey's offset.
 */
struct fmc_fact {
	const char *file;
	uint32_t size;
	int gh100;
	uint32_t image_off, image_size, image_crc;
	uint32_t hash_off, sig_off, pkey_off;
};

static const struct fmc_fact fmcs[] = {
	{ "gh100/gsp/fmc-570.144.bin", 166600, 1, 0x480, 0x28648, 0xf9326fed,
	  0x150, 0x180, 0x300 },
	{ "gb100/gsp/fmc-570.144.bin", 198028, 0, 0x244, 0x30348, 0x592c1457,
	  0x150, 0x180, 0x1e0 },
	{ "gb202/gsp/fmc-570.144.bin", 199820, 0, 0x244, 0x30a48, 0x7ed85d13,
	  0x150, 0x180, 0x1e0 },
};

/**
 * struct chip_fact - what one chip loads
 * @chip: its directory under nvidia/.
 * @gsp: the gsp image it loads (a path of gsps[]).
 * @sig: the signature section of that image it takes.
 * @bootloader: the bootloader it loads (a path of bootloaders[]).
 * @booter_load: its booter_load (a path of booters[]), or NULL (Hopper
 *	and Blackwell boot through the FSP).
 * @booter_unload: its booter_unload, or NULL.
 * @gbl: whether it has the generic bootloader (Turing and GA100).
 * @fmc: its fmc (a path of fmcs[]), or NULL (Turing to Ada).
 */
struct chip_fact {
	const char *chip, *gsp, *sig, *bootloader, *booter_load, *booter_unload;
	int gbl;
	const char *fmc;
};

#define TU_GSP	"tu102/gsp/gsp-570.144.bin"
#define GA_GSP	"ga102/gsp/gsp-570.144.bin"
#define TU_BL	"tu102/gsp/bootloader-535.113.01.bin"
#define BOOTERS(c) c "/gsp/booter_load-570.144.bin", c "/gsp/booter_unload-570.144.bin"

static const struct chip_fact chips[] = {
	{ "tu102", TU_GSP, ".fwsignature_tu10x", TU_BL, BOOTERS("tu102"), 1, NULL },
	{ "tu104", TU_GSP, ".fwsignature_tu10x", TU_BL, BOOTERS("tu102"), 1, NULL },
	{ "tu106", TU_GSP, ".fwsignature_tu10x", TU_BL, BOOTERS("tu102"), 1, NULL },
	{ "tu116", TU_GSP, ".fwsignature_tu11x", TU_BL, BOOTERS("tu116"), 1, NULL },
	{ "tu117", TU_GSP, ".fwsignature_tu11x", TU_BL, BOOTERS("tu116"), 1, NULL },
	{ "ga100", TU_GSP, ".fwsignature_ga100", "ga100/gsp/bootloader-535.113.01.bin",
	  BOOTERS("ga100"), 1, NULL },
	{ "ga102", GA_GSP, ".fwsignature_ga10x", "ga102/gsp/bootloader-570.144.bin",
	  BOOTERS("ga102"), 0, NULL },
	{ "ga103", GA_GSP, ".fwsignature_ga10x", "ga102/gsp/bootloader-570.144.bin",
	  BOOTERS("ga102"), 0, NULL },
	{ "ga104", GA_GSP, ".fwsignature_ga10x", "ga102/gsp/bootloader-570.144.bin",
	  BOOTERS("ga102"), 0, NULL },
	{ "ga106", GA_GSP, ".fwsignature_ga10x", "ga102/gsp/bootloader-570.144.bin",
	  BOOTERS("ga102"), 0, NULL },
	{ "ga107", GA_GSP, ".fwsignature_ga10x", "ga102/gsp/bootloader-570.144.bin",
	  BOOTERS("ga102"), 0, NULL },
	{ "ad102", GA_GSP, ".fwsignature_ad10x", "ad102/gsp/bootloader-570.144.bin",
	  BOOTERS("ad102"), 0, NULL },
	{ "ad103", GA_GSP, ".fwsignature_ad10x", "ad102/gsp/bootloader-570.144.bin",
	  BOOTERS("ad102"), 0, NULL },
	{ "ad104", GA_GSP, ".fwsignature_ad10x", "ad102/gsp/bootloader-570.144.bin",
	  BOOTERS("ad102"), 0, NULL },
	{ "ad106", GA_GSP, ".fwsignature_ad10x", "ad102/gsp/bootloader-570.144.bin",
	  BOOTERS("ad102"), 0, NULL },
	{ "ad107", GA_GSP, ".fwsignature_ad10x", "ad102/gsp/bootloader-570.144.bin",
	  BOOTERS("ad102"), 0, NULL },
	{ "gh100", GA_GSP, ".fwsignature_gh100", "gh100/gsp/bootloader-570.144.bin",
	  NULL, NULL, 0, "gh100/gsp/fmc-570.144.bin" },
	{ "gb100", GA_GSP, ".fwsignature_gb10x", "gb100/gsp/bootloader-570.144.bin",
	  NULL, NULL, 0, "gb100/gsp/fmc-570.144.bin" },
	{ "gb102", GA_GSP, ".fwsignature_gb10x", "gb100/gsp/bootloader-570.144.bin",
	  NULL, NULL, 0, "gb100/gsp/fmc-570.144.bin" },
	{ "gb202", GA_GSP, ".fwsignature_gb20x", "gb202/gsp/bootloader-570.144.bin",
	  NULL, NULL, 0, "gb202/gsp/fmc-570.144.bin" },
	{ "gb203", GA_GSP, ".fwsignature_gb20x", "gb202/gsp/bootloader-570.144.bin",
	  NULL, NULL, 0, "gb202/gsp/fmc-570.144.bin" },
	{ "gb205", GA_GSP, ".fwsignature_gb20x", "gb202/gsp/bootloader-570.144.bin",
	  NULL, NULL, 0, "gb202/gsp/fmc-570.144.bin" },
	{ "gb206", GA_GSP, ".fwsignature_gb20x", "gb202/gsp/bootloader-570.144.bin",
	  NULL, NULL, 0, "gb202/gsp/fmc-570.144.bin" },
	{ "gb207", GA_GSP, ".fwsignature_gb20x", "gb202/gsp/bootloader-570.144.bin",
	  NULL, NULL, 0, "gb202/gsp/fmc-570.144.bin" },
};

static const char *dir;

/* A file under DIR/nvidia, read whole; its size goes to @len. */
static uint8_t *load(const char *rel, size_t *len)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/nvidia/%s", dir, rel);
	return read_file(path, len);
}

/* The same bytes: whether @a (from a chip's path) is the file @b names. */
static int same_file(const char *a, const char *b)
{
	size_t la, lb;
	uint8_t *da = load(a, &la), *db = load(b, &lb);
	int same = da && db && la == lb && !memcmp(da, db, la);

	free(da);
	free(db);
	return same;
}

static unsigned int mismatches;

/* Compares one parsed value with its fact; the first few differences are reported. */
static void eq(const char *what, const char *field, unsigned long long got,
	       unsigned long long want)
{
	if (got == want)
		return;
	if (mismatches++ < 20)
		diag("%s: %s is 0x%llx, the file says 0x%llx", what, field, got, want);
}

static void check_bin(const char *what, const struct nova_fw_binhdr *b,
		      const struct binhdr_fact *f)
{
	eq(what, "bin_magic", b->bin_magic, f->w[0]);
	eq(what, "bin_ver", b->bin_ver, f->w[1]);
	eq(what, "bin_size", b->bin_size, f->w[2]);
	eq(what, "header_offset", b->header_offset, f->w[3]);
	eq(what, "data_offset", b->data_offset, f->w[4]);
	eq(what, "data_size", b->data_size, f->w[5]);
}

static const char headers_ok[] = "parsed as NVIDIA's headers say";

/*
 * Starts the test of one file: reads it (a failed test if it cannot) and
 * checks its size. Return: its bytes, or NULL (the test is over).
 */
static uint8_t *begin(const char *file, uint32_t size, size_t *len)
{
	uint8_t *d = load(file, len);

	if (!d) {
		result(0, "%s: %s", file, headers_ok);
		diag("cannot read it");
		return NULL;
	}
	eq(file, "file size", *len, size);
	return d;
}

/* Whether the parser accepted the file; if not, why, in a diagnostic. */
static int parsed(const char *file, int ret, const char *why)
{
	eq(file, "parse", ret, 0);
	if (ret)
		diag("%s: %d '%s'", file, ret, why);
	return !ret;
}

/* Ends the test of one file: passed if no value differed since @before. */
static void end(const char *file, unsigned int before, uint8_t *d)
{
	result(mismatches == before, "%s: %s", file, headers_ok);
	free(d);
}

static void test_booter(const struct booter_fact *f)
{
	struct nova_fw_booter r;
	unsigned int before = mismatches;
	size_t len = 0;
	uint8_t *d = begin(f->file, f->size, &len);

	if (!d)
		return;
	memset(&r, 0, sizeof(r));
	if (parsed(f->file, nova_fw_booter_parse(d, len, &r), r.why)) {
		check_bin(f->file, &r.bin, &f->bin);
		eq(f->file, "sig_prod_offset", r.sig_prod_offset, f->hs[0]);
		eq(f->file, "sig_prod_size", r.sig_prod_size, f->hs[1]);
		eq(f->file, "patch_loc offset", r.patch_loc_offset, f->hs[2]);
		eq(f->file, "patch_sig offset", r.patch_sig_offset, f->hs[3]);
		eq(f->file, "meta_data_offset", r.meta_data_offset, f->hs[4]);
		eq(f->file, "meta_data_size", r.meta_data_size, f->hs[5]);
		eq(f->file, "num_sig offset", r.num_sig_offset, f->hs[6]);
		eq(f->file, "header_offset", r.header_offset, f->hs[7]);
		eq(f->file, "header_size", r.header_size, f->hs[8]);
		eq(f->file, "patch_loc", r.patch_loc, f->patch_loc);
		eq(f->file, "patch_sig", r.patch_sig, f->patch_sig);
		eq(f->file, "num_sigs", r.num_sigs, f->num_sig);
		eq(f->file, "fuse_ver", r.fuse_ver, f->meta[0]);
		eq(f->file, "engine_id_mask", r.engine_id_mask, f->meta[1]);
		eq(f->file, "ucode_id", r.ucode_id, f->meta[2]);
		eq(f->file, "sig_len", r.sig_len, f->hs[1] / f->num_sig);
		eq(f->file, "sigs_offset", r.sigs_offset, f->hs[0] + f->patch_sig);
		eq(f->file, "sigs", r.sigs - d, f->hs[0] + f->patch_sig);
		eq(f->file, "os_code_offset", r.os_code_offset, f->load[0]);
		eq(f->file, "os_code_size", r.os_code_size, f->load[1]);
		eq(f->file, "os_data_offset", r.os_data_offset, f->load[2]);
		eq(f->file, "os_data_size", r.os_data_size, f->load[3]);
		eq(f->file, "num_apps", r.num_apps, f->load[4]);
		eq(f->file, "app0_offset", r.app0_offset, f->load[5]);
		eq(f->file, "app0_size", r.app0_size, f->load[6]);
		eq(f->file, "ucode", r.ucode - d, f->bin.w[4]);
		eq(f->file, "ucode_len", r.ucode_len, f->bin.w[5]);
	}
	end(f->file, before, d);
}

static void test_bootloader(const struct bootloader_fact *f)
{
	struct nova_fw_bootloader r;
	unsigned int before = mismatches;
	size_t len = 0;
	uint8_t *d = begin(f->file, f->size, &len);

	if (!d)
		return;
	memset(&r, 0, sizeof(r));
	if (parsed(f->file, nova_fw_bootloader_parse(d, len, &r), r.why)) {
		check_bin(f->file, &r.bin, &f->bin);
		eq(f->file, "version", r.version, f->desc[0]);
		eq(f->file, "bootloaderOffset", r.bootloader_offset, f->desc[1]);
		eq(f->file, "bootloaderSize", r.bootloader_size, f->desc[2]);
		eq(f->file, "bootloaderParamOffset", r.bootloader_param_offset, f->desc[3]);
		eq(f->file, "bootloaderParamSize", r.bootloader_param_size, f->desc[4]);
		eq(f->file, "riscvElfOffset", r.riscv_elf_offset, f->desc[5]);
		eq(f->file, "riscvElfSize", r.riscv_elf_size, f->desc[6]);
		eq(f->file, "appVersion", r.app_version, f->desc[7]);
		eq(f->file, "manifestOffset", r.manifest_offset, f->desc[8]);
		eq(f->file, "manifestSize", r.manifest_size, f->desc[9]);
		eq(f->file, "monitorDataOffset", r.monitor_data_offset, f->desc[10]);
		eq(f->file, "monitorDataSize", r.monitor_data_size, f->desc[11]);
		eq(f->file, "monitorCodeOffset", r.monitor_code_offset, f->desc[12]);
		eq(f->file, "monitorCodeSize", r.monitor_code_size, f->desc[13]);
		eq(f->file, "ucode", r.ucode - d, f->bin.w[4]);
		eq(f->file, "ucode_len", r.ucode_len, f->bin.w[5]);
	}
	end(f->file, before, d);
}

static void test_gen_bootloader(void)
{
	struct nova_fw_gen_bootloader r;
	unsigned int before = mismatches;
	size_t len = 0;
	uint8_t *d = begin(gbl_file, gbl_size, &len);

	if (!d)
		return;
	memset(&r, 0, sizeof(r));
	if (parsed(gbl_file, nova_fw_gen_bootloader_parse(d, len, &r), r.why)) {
		check_bin(gbl_file, &r.bin, &gbl_bin);
		eq(gbl_file, "start_tag", r.start_tag, gbl_desc[0]);
		eq(gbl_file, "dmem_load_off", r.dmem_load_off, gbl_desc[1]);
		eq(gbl_file, "code_off", r.code_off, gbl_desc[2]);
		eq(gbl_file, "code_size", r.code_size, gbl_desc[3]);
		eq(gbl_file, "data_off", r.data_off, gbl_desc[4]);
		eq(gbl_file, "data_size", r.data_size, gbl_desc[5]);
		eq(gbl_file, "code", r.code - d, gbl_bin.w[4]);
		eq(gbl_file, "code_len", r.code_len, gbl_desc[3]);
	}
	end(gbl_file, before, d);
}

/* Each signature section of each gsp image, found where readelf puts it. */
static void test_gsp(const struct gsp_fact *f)
{
	unsigned int i, before = mismatches;
	struct nova_fw_gsp r;
	size_t len = 0;
	uint8_t *d = load(f->file, &len);
	int ret;

	if (!d) {
		result(0, "%s: .fwimage and every signature section where readelf puts them",
		       f->file);
		diag("cannot read it");
		return;
	}
	eq(f->file, "file size", len, f->size);
	if (len >= f->version_off + 8 && memcmp(d + f->version_off, "570.144", 8) &&
	    mismatches++ < 20)
		diag("%s: .fwversion does not say 570.144", f->file);
	for (i = 0; i < N(f->sigs) && f->sigs[i].name; i++) {
		memset(&r, 0, sizeof(r));
		ret = nova_fw_gsp_parse(d, len, f->sigs[i].name, &r);
		eq(f->sigs[i].name, "parse", ret, 0);
		if (ret) {
			diag("%s %s: %d '%s'", f->file, f->sigs[i].name, ret, r.why);
			continue;
		}
		eq(f->sigs[i].name, "image_offset", r.image_offset, f->image_off);
		eq(f->sigs[i].name, "image_len", r.image_len, f->image_size);
		eq(f->sigs[i].name, "image", r.image - d, f->image_off);
		eq(f->sigs[i].name, "sig_offset", r.sig_offset, f->sigs[i].off);
		eq(f->sigs[i].name, "sig_len", r.sig_len, SIG_SECTION_SIZE);
		eq(f->sigs[i].name, "sig", r.sig - d, f->sigs[i].off);
	}
	/* A section the image does not have is refused. */
	memset(&r, 0, sizeof(r));
	ret = nova_fw_gsp_parse(d, len, ".fwsignature_nv50", &r);
	eq(f->file, ".fwsignature_nv50 parse", ret == 0, 0);
	result(mismatches == before,
	       "%s: .fwimage and every signature section where readelf puts them", f->file);
	free(d);
}

static void test_fmc(const struct fmc_fact *f)
{
	const struct nova_fw_fmc_cot *cot = f->gh100 ? &nova_fw_fmc_cot_gh100 :
						       &nova_fw_fmc_cot_gb100;
	const struct nova_fw_fmc_cot *other = f->gh100 ? &nova_fw_fmc_cot_gb100 :
							 &nova_fw_fmc_cot_gh100;
	unsigned int before = mismatches;
	struct nova_fw_fmc r;
	size_t len = 0;
	uint8_t *d = begin(f->file, f->size, &len);
	int ret;

	if (!d)
		return;
	ret = nova_fw_fmc_parse(d, len, cot, &r);
	if (parsed(f->file, ret, r.why)) {
		eq(f->file, "image_offset", r.image_offset, f->image_off);
		eq(f->file, "image_len", r.image_len, f->image_size);
		eq(f->file, "image", r.image - d, f->image_off);
		eq(f->file, "image CRC32", crc32_le(~0U, r.image, r.image_len) ^ ~0U,
		   f->image_crc);
		eq(f->file, "hash", r.hash - d, f->hash_off);
		eq(f->file, "signature", r.sig - d, f->sig_off);
		eq(f->file, "publickey", r.pkey - d, f->pkey_off);
		/* The sizes of the COT message's fields, as nouveau sends them. */
		eq(f->file, "hash size", cot->hash, 48);
		eq(f->file, "publickey size", cot->pkey, f->gh100 ? 384 : 97);
		eq(f->file, "signature size", cot->sig, f->gh100 ? 384 : 96);
	}
	/* The other family's FSP takes other sizes: refused. */
	ret = nova_fw_fmc_parse(d, len, other, &r);
	eq(f->file, "parse with the other family's sizes", ret, -EINVAL);
	end(f->file, before, d);
}

static const char *rel_gsp(const struct chip_fact *c, char *rel, size_t n)
{
	snprintf(rel, n, "%s/gsp/gsp-570.144.bin", c->chip);
	return rel;
}

/* Each chip's path leads to the file the facts name. */
static void test_chip(const struct chip_fact *c)
{
	static const char *const kinds[] = {
		"gsp", "bootloader", "booter_load", "booter_unload", "gen_bootloader", "fmc"
	};
	const char *want[6] = { c->gsp, c->bootloader, c->booter_load, c->booter_unload,
				c->gbl ? gbl_file : NULL, c->fmc };
	unsigned int k, bad = 0;
	char rel[256];
	size_t len;
	uint8_t *d;

	for (k = 0; k < N(kinds); k++) {
		snprintf(rel, sizeof(rel), "%s/gsp/%s-570.144.bin", c->chip, kinds[k]);
		if (!want[k]) {
			d = load(rel, &len);
			if (d && !bad++)
				diag("%s exists, and %s has no %s", rel, c->chip, kinds[k]);
			free(d);
			continue;
		}
		if (!same_file(rel, want[k]) && !bad++)
			diag("%s is not %s", rel, want[k]);
	}
	/* Its family's signature section is in its gsp image, where readelf says. */
	d = load(rel_gsp(c, rel, sizeof(rel)), &len);
	if (d) {
		struct nova_fw_gsp r;
		const struct gsp_fact *g = !strcmp(c->gsp, TU_GSP) ? &gsps[0] : &gsps[1];
		uint32_t off = 0;

		for (k = 0; k < N(g->sigs) && g->sigs[k].name; k++)
			if (!strcmp(g->sigs[k].name, c->sig))
				off = g->sigs[k].off;
		memset(&r, 0, sizeof(r));
		if ((nova_fw_gsp_parse(d, len, c->sig, &r) || r.sig_offset != off || !off) &&
		    !bad++)
			diag("%s: %s not at 0x%x (%s)", rel, c->sig, off, r.why);
		free(d);
	}
	result(!bad, "%s loads the files the tree's links name, and its %s", c->chip, c->sig);
}

int main(int argc, char **argv)
{
	unsigned int i, n;

	if (argc != 2) {
		fprintf(stderr, "usage: fw-real-test DIR\n");
		return 2;
	}
	dir = argv[1];
	n = N(booters) + N(bootloaders) + 1 + N(gsps) + N(fmcs) + N(chips) + 1;
	printf("KTAP version 1\n1..%u\n", n);
	for (i = 0; i < N(booters); i++)
		test_booter(&booters[i]);
	for (i = 0; i < N(bootloaders); i++)
		test_bootloader(&bootloaders[i]);
	test_gen_bootloader();
	for (i = 0; i < N(gsps); i++)
		test_gsp(&gsps[i]);
	for (i = 0; i < N(fmcs); i++)
		test_fmc(&fmcs[i]);
	for (i = 0; i < N(chips); i++)
		test_chip(&chips[i]);
	result(!mismatches, "every parsed value matches its fact (%u mismatches)", mismatches);
	fprintf(stderr, "%u tests, %u failed\n", tests, failed);
	return failed ? 1 : 0;
}
