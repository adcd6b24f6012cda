/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nova_core firmware: the GSP firmware files of a chipset, and the VBIOS
 * read through the PROM window.
 */
#ifndef __NOVA_CORE_FIRMWARE_H__
#define __NOVA_CORE_FIRMWARE_H__

#include <linux/types.h>

#include "fw.h"

struct firmware;
struct nova_device;

/* The linux-firmware release of the GSP firmware nova_core speaks to. */
#define NOVA_FW_VERSION "570.144"

/**
 * struct nova_firmware - the GSP firmware files of one GPU, parsed
 * @gsp_file: gsp-<ver>.bin.
 * @bootloader_file: bootloader-<ver>.bin.
 * @booter_load_file: booter_load-<ver>.bin.
 * @booter_unload_file: booter_unload-<ver>.bin.
 * @gen_bootloader_file: gen_bootloader-<ver>.bin (Turing and GA100 only;
 *	NULL otherwise).
 * @fmc_file: fmc-<ver>.bin (Hopper and Blackwell, which have no booter;
 *	NULL otherwise).
 * @gsp: the GSP ELF's image and signature sections.
 * @bootloader: the RISC-V bootloader.
 * @booter_load: the booter that loads GSP-RM.
 * @booter_unload: the booter that unloads it.
 * @gen_bootloader: the generic bootloader that loads FWSEC (if
 *	@gen_bootloader_file).
 * @fmc: the FMC the FSP boots GSP-RM with (if @fmc_file).
 *
 * The parsed views point into the files: release them together with
 * nova_firmware_release().
 */
struct nova_firmware {
	const struct firmware *gsp_file;
	const struct firmware *bootloader_file;
	const struct firmware *booter_load_file;
	const struct firmware *booter_unload_file;
	const struct firmware *gen_bootloader_file;
	const struct firmware *fmc_file;
	struct nova_fw_gsp gsp;
	struct nova_fw_bootloader bootloader;
	struct nova_fw_booter booter_load;
	struct nova_fw_booter booter_unload;
	struct nova_fw_gen_bootloader gen_bootloader;
	struct nova_fw_fmc fmc;
};

int nova_firmware_request(struct nova_device *nd, struct nova_firmware *fw);
void nova_firmware_release(struct nova_firmware *fw);
void nova_firmware_release_boot(struct nova_firmware *fw);

#endif /* __NOVA_CORE_FIRMWARE_H__ */
