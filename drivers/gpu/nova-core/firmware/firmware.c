// SPDX-License-Identifier: GPL-2.0
/*
 * nova_core firmware: requesting and parsing a chipset's GSP firmware
 * files (nvidia/<chip>/gsp/<name>-570.144.bin, as in linux-firmware). The
 * parsers are in fw.c, the FWSEC ucode's loading in fwsec.c.
 */

#include <linux/device.h>
#include <linux/firmware.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/nova_compat.h>

#include "../device.h"
#include "../fsp/fsp.h"
#include "firmware.h"

#define NOVA_FW_PATH_MAX	64

/* Requests nvidia/<chip>/gsp/<name>-<ver>.bin, naming it on failure. */
static int nova_firmware_get(struct nova_device *nd, const char *name,
			     const struct firmware **fw, char *path)
{
	int ret;

	snprintf(path, NOVA_FW_PATH_MAX, "nvidia/%s/gsp/%s-" NOVA_FW_VERSION ".bin",
		 nd->chip.info->fw_name, name);
	ret = firmware_request_nowarn(fw, path, nd->dev);
	if (ret)
		dev_err(nd->dev, "firmware %s: cannot load it (%d)%s\n", path, ret,
			ret == -ENOENT ? "; is linux-firmware installed?" : "");
	else
		dev_dbg(nd->dev, "firmware %s: %zu bytes\n", path, (*fw)->size);
	return ret;
}

/**
 * nova_firmware_release() - release what nova_firmware_request() got
 * @fw: the firmware; its files may be NULL
 */
void nova_firmware_release(struct nova_firmware *fw)
{
	release_firmware(fw->fmc_file);
	release_firmware(fw->gen_bootloader_file);
	release_firmware(fw->booter_unload_file);
	release_firmware(fw->booter_load_file);
	release_firmware(fw->bootloader_file);
	release_firmware(fw->gsp_file);
	memset(fw, 0, sizeof(*fw));
}

/**
 * nova_firmware_release_boot() - release the files only the boot needs
 * @fw: the firmware
 *
 * Once GSP-RM runs, the GSP image, its bootloader, booter_load and the FMC
 * are no longer needed; booter_unload and the generic bootloader (which
 * FWSEC-SB needs on Turing and GA100) stay for the unload.
 */
void nova_firmware_release_boot(struct nova_firmware *fw)
{
	release_firmware(fw->fmc_file);
	fw->fmc_file = NULL;
	memset(&fw->fmc, 0, sizeof(fw->fmc));
	release_firmware(fw->booter_load_file);
	release_firmware(fw->bootloader_file);
	release_firmware(fw->gsp_file);
	fw->booter_load_file = NULL;
	fw->bootloader_file = NULL;
	fw->gsp_file = NULL;
	memset(&fw->gsp, 0, sizeof(fw->gsp));
	memset(&fw->bootloader, 0, sizeof(fw->bootloader));
	memset(&fw->booter_load, 0, sizeof(fw->booter_load));
}

/**
 * nova_firmware_request() - load and parse a GPU's GSP firmware files
 * @nd: the GPU, identified
 * @fw: filled in; released by nova_firmware_release(), also on failure
 *	(which this function does itself)
 *
 * Return: 0; the request's errno for a missing file; the parser's errno
 * for a malformed one. Each failure is logged with the file's path and,
 * for a malformed file, the structure and field at fault.
 */
int nova_firmware_request(struct nova_device *nd, struct nova_firmware *fw)
{
	char path[NOVA_FW_PATH_MAX];
	const char *why;
	int ret;

	memset(fw, 0, sizeof(*fw));

	ret = nova_firmware_get(nd, "gsp", &fw->gsp_file, path);
	if (ret)
		goto fail;
	ret = nova_fw_gsp_parse(fw->gsp_file->data, fw->gsp_file->size,
				nd->hal->gsp_sig_section, &fw->gsp);
	why = fw->gsp.why;
	if (ret)
		goto bad;

	ret = nova_firmware_get(nd, "bootloader", &fw->bootloader_file, path);
	if (ret)
		goto fail;
	ret = nova_fw_bootloader_parse(fw->bootloader_file->data,
				       fw->bootloader_file->size,
				       &fw->bootloader);
	why = fw->bootloader.why;
	if (ret)
		goto bad;

	/* Hopper and Blackwell: the FSP boots GSP-RM with the FMC. */
	if (nd->hal->fsp) {
		ret = nova_firmware_get(nd, "fmc", &fw->fmc_file, path);
		if (ret)
			goto fail;
		ret = nova_fw_fmc_parse(fw->fmc_file->data, fw->fmc_file->size,
					nd->hal->fsp->fmc, &fw->fmc);
		why = fw->fmc.why;
		if (ret)
			goto bad;
		return 0;
	}

	ret = nova_firmware_get(nd, "booter_load", &fw->booter_load_file, path);
	if (ret)
		goto fail;
	ret = nova_fw_booter_parse(fw->booter_load_file->data,
				   fw->booter_load_file->size, &fw->booter_load);
	why = fw->booter_load.why;
	if (ret)
		goto bad;

	ret = nova_firmware_get(nd, "booter_unload", &fw->booter_unload_file,
				path);
	if (ret)
		goto fail;
	ret = nova_fw_booter_parse(fw->booter_unload_file->data,
				   fw->booter_unload_file->size,
				   &fw->booter_unload);
	why = fw->booter_unload.why;
	if (ret)
		goto bad;

	if (nd->hal->gen_bootloader) {
		ret = nova_firmware_get(nd, "gen_bootloader",
					&fw->gen_bootloader_file, path);
		if (ret)
			goto fail;
		ret = nova_fw_gen_bootloader_parse(fw->gen_bootloader_file->data,
						   fw->gen_bootloader_file->size,
						   &fw->gen_bootloader);
		why = fw->gen_bootloader.why;
		if (ret)
			goto bad;
	}

	return 0;

bad:
	dev_err(nd->dev, "firmware %s: %s (%d)\n", path, why, ret);
fail:
	nova_firmware_release(fw);
	return ret;
}
