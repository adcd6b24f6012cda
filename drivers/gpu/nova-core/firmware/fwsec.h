/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nova_core FWSEC: running the VBIOS's FWSEC ucode on the GSP falcon so
 * that it carves the WPR2 region out of VRAM (FRTS), or returns the GSP
 * falcon to its state before GSP-RM (SB).
 */
#ifndef __NOVA_CORE_FWSEC_H__
#define __NOVA_CORE_FWSEC_H__

#include <linux/types.h>

struct nova_device;
struct nova_fw_gen_bootloader;
struct nova_vbios;

/* The application interface table and the DMEMMAPPER interface. */
#define NOVA_FWSEC_APPIF_VERSION	1
#define NOVA_FWSEC_APPIF_HDR_LEN	4
#define NOVA_FWSEC_APPIF_ENTRY_LEN	8
#define NOVA_FWSEC_APPIF_DMEMMAPPER	4
#define NOVA_FWSEC_DMAP_LEN		64
#define NOVA_FWSEC_DMAP_SIGNATURE	0x50414d44	/* "DMAP" */
#define NOVA_FWSEC_DMAP_CMD_IN_OFFSET	0x08
#define NOVA_FWSEC_DMAP_CMD_IN_SIZE	0x0c
#define NOVA_FWSEC_DMAP_INIT_CMD	0x2c

/* Commands. */
#define NOVA_FWSEC_CMD_FRTS		0x15
#define NOVA_FWSEC_CMD_SB		0x19

/* The FRTS command's input: READ_VBIOS, then FRTS_REGION. */
#define NOVA_FWSEC_READ_VBIOS_LEN	24
#define NOVA_FWSEC_READ_VBIOS_FLAGS	2
#define NOVA_FWSEC_FRTS_REGION_LEN	20
#define NOVA_FWSEC_FRTS_MEDIA_FB	2
#define NOVA_FWSEC_FRTS_CMD_LEN		(NOVA_FWSEC_READ_VBIOS_LEN + \
					 NOVA_FWSEC_FRTS_REGION_LEN)

int nova_fwsec_patch_frts(u8 *ucode, size_t len, u32 dmem_offset,
			  u32 dmem_len, u32 interface_offset, u64 frts_start,
			  u64 frts_size, char *why, size_t why_len);
int nova_fwsec_patch_sb(u8 *ucode, size_t len, u32 dmem_offset, u32 dmem_len,
			u32 interface_offset, char *why, size_t why_len);
int nova_fwsec_frts(struct nova_device *nd, const struct nova_vbios *bios,
		    const struct nova_fw_gen_bootloader *gbl);
int nova_fwsec_sb(struct nova_device *nd, const struct nova_vbios *bios,
		  const struct nova_fw_gen_bootloader *gbl);

#endif /* __NOVA_CORE_FWSEC_H__ */
