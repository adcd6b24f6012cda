/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nova_emu: the "emulated ucode" format.
 *
 * A real falcon runs NVIDIA's signed microcode, which is not free and
 * cannot be shipped. The emulated falcons run synthetic images in the same
 * containers (VBIOS FWSEC image, BinHdr files) whose IMEM starts with the
 * header below: the emulator reads it when the falcon's CPU is started and
 * performs, in C, what the real ucode of that kind would do to the GPU.
 *
 * Everything after the header is what the real ucode's data would be: for
 * FWSEC, DMEM holds an application interface table with a DMEMMAPPER entry
 * exactly as nova_core expects to find and patch it.
 *
 * This header is shared by the emulator (kernel) and the image generators
 * (user space): it uses only fixed-size types, all little endian.
 */
#ifndef __NOVA_EMU_UCODE_H__
#define __NOVA_EMU_UCODE_H__

#include <linux/types.h>

/* "NEMU", little endian, at IMEM offset BOOTVEC of a started falcon. */
#define NOVA_EMU_UCODE_MAGIC		0x554d454e
#define NOVA_EMU_UCODE_VERSION		1

/* Kinds of emulated ucode. */
#define NOVA_EMU_UCODE_FWSEC		1	/* FWSEC from the VBIOS */
#define NOVA_EMU_UCODE_BOOTER_LOAD	2	/* booter_load (SEC2) */
#define NOVA_EMU_UCODE_BOOTER_UNLOAD	3	/* booter_unload (SEC2) */
#define NOVA_EMU_UCODE_GEN_BL		4	/* generic bootloader (gen_bootloader) */

/* Flags. */
#define NOVA_EMU_UCODE_F_SIGNED		0x1	/* BROM checks the signature */
#define NOVA_EMU_UCODE_F_SPLIT		0x2	/* non-secure, then secure part */

/*
 * "NSEC", little endian: the first word of the secure part of a split
 * image (FWSEC v2, as on Turing and GA100: a non-secure part the generic
 * bootloader loads in non-secure mode at IMEMPhysBase, then the secure
 * part it loads in secure mode at IMEMSecBase).
 */
#define NOVA_EMU_UCODE_SEC_MAGIC	0x4345534e

/**
 * struct nova_emu_ucode_sec - start of the secure part of a split image
 * @magic: %NOVA_EMU_UCODE_SEC_MAGIC.
 * @size: size of the secure part in bytes, a multiple of 256.
 */
struct nova_emu_ucode_sec {
	__le32 magic;
	__le32 size;
};

/**
 * struct nova_emu_ucode_hdr - header of an emulated ucode image, at the
 * start of its IMEM
 * @magic: %NOVA_EMU_UCODE_MAGIC.
 * @version: %NOVA_EMU_UCODE_VERSION.
 * @kind: NOVA_EMU_UCODE_*.
 * @flags: NOVA_EMU_UCODE_F_*.
 * @interface_offset: (FWSEC) DMEM offset of the application interface
 *	table, the same value as the descriptor's InterfaceOffset.
 * @ucode_id: (signed) the ucode id the BROM must be programmed with.
 * @engine_id_mask: (signed) the engine mask the BROM must be programmed
 *	with.
 * @sec_offset: (with %NOVA_EMU_UCODE_F_SPLIT) IMEM offset, 256-byte
 *	aligned, of the secure part, which starts with a &struct
 *	nova_emu_ucode_sec; everything below it, from the header on, is the
 *	non-secure part. Zero otherwise.
 */
struct nova_emu_ucode_hdr {
	__le32 magic;
	__le32 version;
	__le32 kind;
	__le32 flags;
	__le32 interface_offset;
	__le32 ucode_id;
	__le32 engine_id_mask;
	__le32 sec_offset;
};

/*
 * Synthetic signatures. A signed image carries, like the real one, one
 * 384-byte RSA-3K signature per signature version it was built for; the
 * synthetic signature of version V is:
 *
 *   bytes 0..3: 'N' 'S' 'I' 'G'
 *   byte  4:    V
 *   bytes 5..:  byte i holds (0x5a ^ V ^ i) & 0xff
 *
 * The emulated BROM accepts a started ucode only if the 384 bytes at the
 * DMEM offset programmed in BROM_PARAADDR are the signature of the GPU's
 * fuse version.
 */
#define NOVA_EMU_SIG_LEN		384

static inline __u8 nova_emu_sig_byte(unsigned int version, unsigned int i)
{
	static const __u8 magic[4] = { 'N', 'S', 'I', 'G' };

	if (i < 4)
		return magic[i];
	if (i == 4)
		return version;
	return (0x5a ^ version ^ i) & 0xff;
}

/*
 * What the emulated FWSEC reads in DMEM (the real FWSEC's interface, as
 * nova_core patches it). Offsets in bytes.
 */
#define NOVA_EMU_APPIF_VERSION		1
#define NOVA_EMU_APPIF_HDR_LEN		4	/* ver, hdr len, entry len, count */
#define NOVA_EMU_APPIF_ENTRY_LEN	8	/* u32 id, u32 dmem offset */
#define NOVA_EMU_APPIF_ID_DMEMMAPPER	4

#define NOVA_EMU_DMAP_SIGNATURE		0x50414d44	/* "DMAP" */
#define NOVA_EMU_DMAP_VERSION		3
#define NOVA_EMU_DMAP_LEN		64
#define NOVA_EMU_DMAP_SIG		0x00	/* u32 signature */
#define NOVA_EMU_DMAP_VER		0x04	/* u16 version */
#define NOVA_EMU_DMAP_SIZE		0x06	/* u16 size */
#define NOVA_EMU_DMAP_CMD_IN_OFFSET	0x08	/* u32 */
#define NOVA_EMU_DMAP_CMD_IN_SIZE	0x0c	/* u32 */
#define NOVA_EMU_DMAP_INIT_CMD		0x2c	/* u32 */

#define NOVA_EMU_FWSEC_CMD_FRTS		0x15
#define NOVA_EMU_FWSEC_CMD_SB		0x19

/* The FRTS command's input: READ_VBIOS (24 bytes), then FRTS_REGION. */
#define NOVA_EMU_FRTS_READ_VBIOS_LEN	24
#define NOVA_EMU_FRTS_REGION_LEN	20
#define NOVA_EMU_FRTS_MEDIA_FB		2

#endif /* __NOVA_EMU_UCODE_H__ */
