/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nova_core VBIOS parser: a pure function over a copy of the ROM that finds
 * the image chain, the BIT table, the falcon ucode table and the FWSEC
 * ucode with its descriptor and signatures.
 */
#ifndef __NOVA_CORE_VBIOS_H__
#define __NOVA_CORE_VBIOS_H__

#include <linux/types.h>

/* The parser looks at no more than this many bytes of the ROM. */
#define NOVA_VBIOS_MAX_SCAN		0x100000
/* Images are sized in units of this many bytes. */
#define NOVA_VBIOS_IMAGE_UNIT		512
/* The most images the chain may hold. */
#define NOVA_VBIOS_MAX_IMAGES		16

/* ROM header signatures (u16 at offset 0 of each image). */
#define NOVA_VBIOS_ROM_SIG		0xaa55
#define NOVA_VBIOS_ROM_SIG_NV_ALT	0xbb77
#define NOVA_VBIOS_ROM_SIG_NV		0x4e56
/* Offset in the ROM header of the u16 pointer to the PCI data structure. */
#define NOVA_VBIOS_ROM_PCIR_PTR		0x18

/* PCI data structure ("PCIR", "NPDS" or "RGIS"). */
#define NOVA_VBIOS_PCIR_LEN		0x0a	/* u16: structure length */
#define NOVA_VBIOS_PCIR_IMAGE_LEN	0x10	/* u16: units of 512 bytes */
#define NOVA_VBIOS_PCIR_CODE_TYPE	0x14	/* u8 */
#define NOVA_VBIOS_PCIR_INDICATOR	0x15	/* u8: bit 7 = last image */
#define NOVA_VBIOS_PCIR_MIN_LEN		0x18
#define NOVA_VBIOS_LAST_IMAGE		0x80

/* NVIDIA PCI data extension ("NPDE"), 16-byte aligned after the PCIR. */
#define NOVA_VBIOS_NPDE_SUBIMAGE_LEN	0x08	/* u16: units of 512 bytes */
#define NOVA_VBIOS_NPDE_LAST		0x0a	/* u8: bit 7 = last image */
#define NOVA_VBIOS_NPDE_MIN_LEN		0x0b

/* Image code types. */
#define NOVA_VBIOS_CODE_PCI_AT		0x00
#define NOVA_VBIOS_CODE_EFI		0x03
#define NOVA_VBIOS_CODE_NBSI		0x70
#define NOVA_VBIOS_CODE_FWSEC		0xe0

/* BIT header: FF B8 'B' 'I' 'T' 00, version, sizes, token count. */
#define NOVA_VBIOS_BIT_HDR_LEN		12
#define NOVA_VBIOS_BIT_TOKEN_LEN	6
#define NOVA_VBIOS_BIT_TOKEN_FALCON	0x70

/* Falcon ucode (PMU lookup) table. */
#define NOVA_VBIOS_PMU_HDR_LEN		4
#define NOVA_VBIOS_PMU_ENTRY_LEN	6
#define NOVA_VBIOS_APP_FWSEC_PROD	0x85

/* FWSEC ucode descriptor. */
#define NOVA_VBIOS_DESC_V2_LEN		60
#define NOVA_VBIOS_DESC_V3_LEN		44
#define NOVA_VBIOS_SIG_LEN		384

/**
 * struct nova_vbios_image - one image of the ROM's image chain
 * @offset: offset of the image in the ROM.
 * @len: length of the image in bytes (from the NPDE if there is one, else
 *	from the PCIR).
 * @pcir: offset of the PCI data structure in the ROM.
 * @code_type: code type (NOVA_VBIOS_CODE_*).
 * @last: whether the image is flagged as the last one.
 */
struct nova_vbios_image {
	u32 offset;
	u32 len;
	u32 pcir;
	u8 code_type;
	bool last;
};

/**
 * struct nova_fwsec_desc - the FWSEC ucode descriptor (FalconUCodeDesc v2/v3)
 * @version: descriptor version, bits 15:8 of the header (2 or 3).
 * @hdr_size: descriptor size in bytes, bits 31:16 of the header; the ucode
 *	starts this many bytes after the descriptor.
 * @stored_size: stored size of the ucode.
 * @uncompressed_size: (v2) uncompressed size of the ucode.
 * @virtual_entry: (v2) code entry point.
 * @pkc_data_offset: (v3) offset in DMEM where the chosen signature goes.
 * @interface_offset: offset of the application interface table in DMEM.
 * @imem_phys_base: IMEM physical load address.
 * @imem_load_size: bytes of code to load into IMEM.
 * @imem_virt_base: IMEM virtual address (tag) of the code.
 * @imem_sec_base: (v2) virtual address of the secure IMEM segment.
 * @imem_sec_size: (v2) size of the secure IMEM segment.
 * @dmem_offset: (v2) offset of the DMEM data in the ucode.
 * @dmem_phys_base: DMEM physical load address.
 * @dmem_load_size: bytes of data to load into DMEM.
 * @alt_imem_load_size: (v2) alternative IMEM load size.
 * @alt_dmem_load_size: (v2) alternative DMEM load size.
 * @engine_id_mask: (v3) engines the ucode may run on.
 * @ucode_id: (v3) ucode id, selects the signature fuse register.
 * @signature_count: (v3) number of signatures after the descriptor.
 * @signature_versions: (v3) bit mask of the signature versions present.
 */
struct nova_fwsec_desc {
	u8 version;
	u16 hdr_size;
	u32 stored_size;
	u32 uncompressed_size;
	u32 virtual_entry;
	u32 pkc_data_offset;
	u32 interface_offset;
	u32 imem_phys_base;
	u32 imem_load_size;
	u32 imem_virt_base;
	u32 imem_sec_base;
	u32 imem_sec_size;
	u32 dmem_offset;
	u32 dmem_phys_base;
	u32 dmem_load_size;
	u32 alt_imem_load_size;
	u32 alt_dmem_load_size;
	u16 engine_id_mask;
	u8 ucode_id;
	u8 signature_count;
	u16 signature_versions;
};

/**
 * struct nova_vbios - what nova_vbios_parse() found in a ROM
 * @num_images: number of images in @images.
 * @images: the image chain, in ROM order.
 * @pci_at: index in @images of the (first) PCI-AT image.
 * @efi: index in @images of the first EFI image, or -1.
 * @fwsec: indices in @images of the first two FWSEC images, or -1.
 * @bit_offset: offset in the ROM of the BIT header.
 * @bit_version: BCD version of the BIT.
 * @falcon_data_ptr: the falcon data pointer of BIT token 0x70, an address
 *	in the PCI-AT + FWSEC space (the EFI image is not counted).
 * @pmu_table: offset in the ROM of the falcon ucode (PMU lookup) table.
 * @desc_offset: offset in the ROM of the FWSEC_PROD ucode descriptor.
 * @desc: the decoded descriptor.
 * @sigs: the signatures (@desc.signature_count of NOVA_VBIOS_SIG_LEN bytes)
 *	inside the ROM buffer, or NULL if there are none.
 * @sigs_offset: offset in the ROM of @sigs.
 * @sigs_len: length of @sigs in bytes.
 * @ucode: the ucode inside the ROM buffer (IMEM, then DMEM).
 * @ucode_offset: offset in the ROM of @ucode.
 * @ucode_len: length of @ucode in bytes (covers IMEM and DMEM).
 * @imem_offset: offset of the IMEM code in @ucode (always 0).
 * @imem_len: length of the IMEM code.
 * @dmem_offset: offset of the DMEM data in @ucode.
 * @dmem_len: length of the DMEM data.
 * @why: on failure, the reason, naming the structure, its offset and the
 *	field at fault; an empty string on success.
 *
 * The pointers point into the buffer given to nova_vbios_parse(): it must
 * outlive them.
 */
struct nova_vbios {
	unsigned int num_images;
	struct nova_vbios_image images[NOVA_VBIOS_MAX_IMAGES];
	int pci_at;
	int efi;
	int fwsec[2];
	u32 bit_offset;
	u16 bit_version;
	u32 falcon_data_ptr;
	u32 pmu_table;
	u32 desc_offset;
	struct nova_fwsec_desc desc;
	const u8 *sigs;
	u32 sigs_offset;
	u32 sigs_len;
	const u8 *ucode;
	u32 ucode_offset;
	u32 ucode_len;
	u32 imem_offset;
	u32 imem_len;
	u32 dmem_offset;
	u32 dmem_len;
	char why[128];
};

int nova_vbios_parse(const u8 *rom, size_t len, struct nova_vbios *out);
int nova_vbios_image_len(const u8 *rom, size_t len, size_t off, size_t *ilen,
			 bool *last);

/* prom.c */
struct nova_device;

int nova_vbios_read(struct nova_device *nd, u8 **rom, size_t *len);

#endif /* __NOVA_CORE_VBIOS_H__ */
