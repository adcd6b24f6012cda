/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nova_core firmware file parsers: pure functions over the bytes of a
 * firmware file (nvidia/<chip>/gsp/<name>-<version>.bin) that check its
 * layout and describe where its parts are. They neither allocate nor touch
 * a device; the results point into the caller's buffer.
 */
#ifndef __NOVA_CORE_FW_H__
#define __NOVA_CORE_FW_H__

#include <linux/types.h>

/* BinHdr.bin_magic of the bootloader, gen_bootloader and booter files. */
#define NOVA_FW_BIN_MAGIC		0x10de
/* Size of the BinHdr at the start of those files. */
#define NOVA_FW_BINHDR_LEN		24
/* Bytes of RM_RISCV_UCODE_DESC the parser reads (its first 14 u32). */
#define NOVA_FW_RISCV_DESC_LEN		56
/* Size of HsHeaderV2 (9 u32). */
#define NOVA_FW_HS_HDR_LEN		36
/* Bytes of the signature meta data the parser reads (3 u32). */
#define NOVA_FW_HS_META_LEN		12
/* Size of HsLoadHeaderV2 without its apps (5 u32). */
#define NOVA_FW_HS_LOAD_HDR_LEN		20
/* Size of one HsLoadHeaderV2 app entry (offset, size). */
#define NOVA_FW_HS_APP_LEN		8
/* gen_bootloader: size of the BootloaderDesc (6 u32). */
#define NOVA_FW_GEN_BL_DESC_LEN		24
/* gen_bootloader: IMEM block size; the code is loaded in whole blocks. */
#define NOVA_FW_GEN_BL_BLOCK		256
/* gen_bootloader: the code ends here, at the top of 64 KiB of IMEM. */
#define NOVA_FW_GEN_BL_IMEM_END		0x10000
/* gen_bootloader: largest code_size, leaving a block below the code. */
#define NOVA_FW_GEN_BL_MAX_CODE		(NOVA_FW_GEN_BL_IMEM_END - NOVA_FW_GEN_BL_BLOCK)
/* gen_bootloader: largest start_tag, a block number in the first 64 KiB. */
#define NOVA_FW_GEN_BL_MAX_TAG		0xff
/* Name of the GSP image section of gsp-<version>.bin. */
#define NOVA_FW_GSP_IMAGE_SECTION	".fwimage"
/* fmc-<version>.bin: its ELF32 header and section header sizes. */
#define NOVA_FW_FMC_EHDR_LEN		52
#define NOVA_FW_FMC_SHDR_LEN		40
/* fmc-<version>.bin: its sections (null, string table, four blobs). */
#define NOVA_FW_FMC_SECTIONS		6
/* fmc-<version>.bin: where its sections' contents may start. */
#define NOVA_FW_FMC_DATA_START		(NOVA_FW_FMC_EHDR_LEN + \
					 NOVA_FW_FMC_SECTIONS * NOVA_FW_FMC_SHDR_LEN)
/* Size of the @why member of the results. */
#define NOVA_FW_WHY_LEN			128

/**
 * struct nova_fw_binhdr - the header at the start of a bootloader,
 *	gen_bootloader or booter file (six little-endian u32)
 * @bin_magic: %NOVA_FW_BIN_MAGIC.
 * @bin_ver: version of the header (not checked).
 * @bin_size: size of the binary (not checked).
 * @header_offset: offset in the file of the file kind's own header.
 * @data_offset: offset in the file of the payload (the ucode).
 * @data_size: size of the payload in bytes.
 */
struct nova_fw_binhdr {
	u32 bin_magic;
	u32 bin_ver;
	u32 bin_size;
	u32 header_offset;
	u32 data_offset;
	u32 data_size;
};

/**
 * struct nova_fw_bootloader - what nova_fw_bootloader_parse() found in a
 *	bootloader-<version>.bin file (the GSP's RISC-V boot loader)
 * @bin: the BinHdr.
 * @version: RM_RISCV_UCODE_DESC version.
 * @bootloader_offset: offset of the boot loader in the payload.
 * @bootloader_size: size of the boot loader.
 * @bootloader_param_offset: offset of the boot loader parameters.
 * @bootloader_param_size: size of the boot loader parameters.
 * @riscv_elf_offset: offset of the RISC-V ELF image.
 * @riscv_elf_size: size of the RISC-V ELF image.
 * @app_version: version of the application.
 * @manifest_offset: offset of the manifest in the payload.
 * @manifest_size: size of the manifest.
 * @monitor_data_offset: offset of the monitor's data in the payload.
 * @monitor_data_size: size of the monitor's data.
 * @monitor_code_offset: offset of the monitor's code in the payload.
 * @monitor_code_size: size of the monitor's code.
 * @ucode: the payload (@bin.data_offset, @bin.data_size) inside the
 *	caller's buffer.
 * @ucode_len: length of @ucode in bytes (@bin.data_size).
 * @why: on failure, the reason, naming the structure, the field, its
 *	value and offset; an empty string on success.
 *
 * The offsets of the descriptor count from the start of the payload;
 * @manifest_offset, @monitor_data_offset and @monitor_code_offset (with
 * their sizes) are checked to lie inside it, the others are not.
 */
struct nova_fw_bootloader {
	struct nova_fw_binhdr bin;
	u32 version;
	u32 bootloader_offset;
	u32 bootloader_size;
	u32 bootloader_param_offset;
	u32 bootloader_param_size;
	u32 riscv_elf_offset;
	u32 riscv_elf_size;
	u32 app_version;
	u32 manifest_offset;
	u32 manifest_size;
	u32 monitor_data_offset;
	u32 monitor_data_size;
	u32 monitor_code_offset;
	u32 monitor_code_size;
	const u8 *ucode;
	u32 ucode_len;
	char why[NOVA_FW_WHY_LEN];
};

/**
 * struct nova_fw_booter - what nova_fw_booter_parse() found in a
 *	booter_load or booter_unload file (heavy-secure ucode for SEC2)
 * @bin: the BinHdr.
 * @sig_prod_offset: (HsHeaderV2) offset in the file of the signatures.
 * @sig_prod_size: (HsHeaderV2) size of all the signatures.
 * @patch_loc_offset: (HsHeaderV2) offset in the file of the u32 @patch_loc.
 * @patch_sig_offset: (HsHeaderV2) offset in the file of the u32 @patch_sig.
 * @meta_data_offset: (HsHeaderV2) offset in the file of the signature meta
 *	data (@fuse_ver, @engine_id_mask, @ucode_id).
 * @meta_data_size: (HsHeaderV2) size of the meta data.
 * @num_sig_offset: (HsHeaderV2) offset in the file of the u32 @num_sigs.
 * @header_offset: (HsHeaderV2) offset in the file of HsLoadHeaderV2.
 * @header_size: (HsHeaderV2) size of HsLoadHeaderV2 with its apps.
 * @patch_loc: offset in the payload where the chosen signature is
 *	patched; it lies in the OS data, so the BROM's PKC data offset is
 *	@patch_loc - @os_data_offset.
 * @patch_sig: byte offset of the first signature from @sig_prod_offset
 *	(0 in the known files).
 * @fuse_ver: fuse version of the first signature: a hardware fuse
 *	version V other than 0 selects signature @fuse_ver - V, and 0 selects
 *	the last one.
 * @engine_id_mask: engines the ucode may run on (fits in 16 bits).
 * @ucode_id: ucode id for the BROM (fits in 8 bits).
 * @num_sigs: number of signatures (at least 1).
 * @sig_len: size of one signature, @sig_prod_size / @num_sigs.
 * @sigs: the @num_sigs signatures inside the caller's buffer.
 * @sigs_offset: offset in the file of @sigs, @sig_prod_offset + @patch_sig.
 * @os_code_offset: (HsLoadHeaderV2) offset of the OS code in the payload.
 * @os_code_size: (HsLoadHeaderV2) size of the OS code.
 * @os_data_offset: (HsLoadHeaderV2) offset of the OS data in the payload.
 * @os_data_size: (HsLoadHeaderV2) size of the OS data.
 * @num_apps: (HsLoadHeaderV2) number of app entries (at least 1).
 * @app0_offset: offset of app 0's code in the payload.
 * @app0_size: size of app 0's code.
 * @ucode: the payload (@bin.data_offset, @bin.data_size) inside the
 *	caller's buffer.
 * @ucode_len: length of @ucode in bytes (@bin.data_size).
 * @why: on failure, the reason, naming the structure, the field, its
 *	value and offset; an empty string on success.
 *
 * On success the OS code, the OS data and app 0 lie inside the payload,
 * and @patch_loc + @sig_len lies inside the OS data.
 */
struct nova_fw_booter {
	struct nova_fw_binhdr bin;
	u32 sig_prod_offset;
	u32 sig_prod_size;
	u32 patch_loc_offset;
	u32 patch_sig_offset;
	u32 meta_data_offset;
	u32 meta_data_size;
	u32 num_sig_offset;
	u32 header_offset;
	u32 header_size;
	u32 patch_loc;
	u32 patch_sig;
	u32 fuse_ver;
	u32 engine_id_mask;
	u32 ucode_id;
	u32 num_sigs;
	u32 sig_len;
	const u8 *sigs;
	size_t sigs_offset;
	u32 os_code_offset;
	u32 os_code_size;
	u32 os_data_offset;
	u32 os_data_size;
	u32 num_apps;
	u32 app0_offset;
	u32 app0_size;
	const u8 *ucode;
	u32 ucode_len;
	char why[NOVA_FW_WHY_LEN];
};

/**
 * struct nova_fw_gen_bootloader - what nova_fw_gen_bootloader_parse() found
 *	in a gen_bootloader-<version>.bin file (Turing and GA100: the generic
 *	falcon boot loader that loads FWSEC)
 * @bin: the BinHdr.
 * @start_tag: (BootloaderDesc) IMEM tag of the code's first 256-byte block
 *	(at most %NOVA_FW_GEN_BL_MAX_TAG).
 * @dmem_load_off: (BootloaderDesc) DMEM offset of the data (legacy, unused).
 * @code_off: (BootloaderDesc) offset of the code (legacy, unused: the code
 *	starts at @bin.data_offset).
 * @code_size: (BootloaderDesc) size of the code in bytes (1 to
 *	%NOVA_FW_GEN_BL_MAX_CODE).
 * @data_off: (BootloaderDesc) offset of the data (legacy, unused).
 * @data_size: (BootloaderDesc) size of the data (legacy, unused).
 * @code: the code (@bin.data_offset, @code_size) inside the caller's
 *	buffer.
 * @code_len: length of @code in bytes (@code_size).
 * @why: on failure, the reason, naming the structure, the field, its
 *	value and offset; an empty string on success.
 *
 * The driver PIO-loads @code into IMEM at %NOVA_FW_GEN_BL_IMEM_END -
 * ALIGN(@code_size, %NOVA_FW_GEN_BL_BLOCK), tagged from @start_tag on, and
 * starts it there.
 */
struct nova_fw_gen_bootloader {
	struct nova_fw_binhdr bin;
	u32 start_tag;
	u32 dmem_load_off;
	u32 code_off;
	u32 code_size;
	u32 data_off;
	u32 data_size;
	const u8 *code;
	u32 code_len;
	char why[NOVA_FW_WHY_LEN];
};

/**
 * struct nova_fw_gsp - what nova_fw_gsp_parse() found in a gsp-<version>.bin
 *	file (an ELF64 little-endian image of GSP-RM)
 * @image: contents of section %NOVA_FW_GSP_IMAGE_SECTION inside the
 *	caller's buffer.
 * @image_len: length of @image in bytes (not 0).
 * @image_offset: offset in the file of @image.
 * @sig: contents of the signature section named by the caller inside the
 *	caller's buffer, or NULL if no name was given.
 * @sig_len: length of @sig in bytes (not 0 if @sig is not NULL).
 * @sig_offset: offset in the file of @sig.
 * @why: on failure, the reason, naming the structure, the field, its
 *	value and offset; an empty string on success.
 */
struct nova_fw_gsp {
	const u8 *image;
	size_t image_len;
	size_t image_offset;
	const u8 *sig;
	size_t sig_len;
	size_t sig_offset;
	char why[NOVA_FW_WHY_LEN];
};

/**
 * struct nova_fw_fmc_cot - the sizes of the signing material a chip's FSP
 *	takes in its chain-of-trust message (NVDM_PAYLOAD_COT)
 * @hash: bytes of section "hash" (a SHA-384 digest: 48).
 * @pkey: bytes of section "publickey".
 * @sig: bytes of section "signature".
 */
struct nova_fw_fmc_cot {
	u32 hash;
	u32 pkey;
	u32 sig;
};

/**
 * struct nova_fw_fmc - what nova_fw_fmc_parse() found in an
 *	fmc-<version>.bin file (Hopper and Blackwell: the GSP's FMC, which
 *	the FSP checks and starts)
 * @image: contents of section "image" inside the caller's buffer: what the
 *	GSP runs, put in system memory for the FSP.
 * @image_len: length of @image in bytes (not 0).
 * @image_offset: offset in the file of @image.
 * @hash: contents of section "hash": the image's digest.
 * @pkey: contents of section "publickey".
 * @sig: contents of section "signature".
 * @why: on failure, the reason, naming the structure, the field, its
 *	value and offset; an empty string on success.
 *
 * @hash, @pkey and @sig are as long as the &struct nova_fw_fmc_cot given
 * to the parser says.
 */
struct nova_fw_fmc {
	const u8 *image;
	size_t image_len;
	size_t image_offset;
	const u8 *hash;
	const u8 *pkey;
	const u8 *sig;
	char why[NOVA_FW_WHY_LEN];
};

extern const struct nova_fw_fmc_cot nova_fw_fmc_cot_gh100;
extern const struct nova_fw_fmc_cot nova_fw_fmc_cot_gb100;

int nova_fw_bootloader_parse(const u8 *data, size_t len, struct nova_fw_bootloader *out);
int nova_fw_booter_parse(const u8 *data, size_t len, struct nova_fw_booter *out);
int nova_fw_gen_bootloader_parse(const u8 *data, size_t len,
				 struct nova_fw_gen_bootloader *out);
int nova_fw_gsp_parse(const u8 *data, size_t len, const char *sig_section,
		      struct nova_fw_gsp *out);
int nova_fw_fmc_parse(const u8 *data, size_t len, const struct nova_fw_fmc_cot *cot,
		      struct nova_fw_fmc *out);

#endif /* __NOVA_CORE_FW_H__ */
