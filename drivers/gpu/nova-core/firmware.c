// SPDX-License-Identifier: GPL-2.0
/*
 * nova_core firmware: requesting and parsing a chipset's GSP firmware
 * files (nvidia/<chip>/gsp/<name>-570.144.bin, as in linux-firmware), and
 * reading the VBIOS ROM through the PROM window of BAR0.
 */

#include <linux/device.h>
#include <linux/firmware.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/nova_compat.h>

#include "device.h"
#include "firmware.h"
#include "regs.h"
#include "vbios.h"

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
 * nova_firmware_gsp_sig_section() - the GSP ELF's signature section for
 * a GPU
 * @nd: the GPU
 *
 * Return: the section name.
 */
const char *nova_firmware_gsp_sig_section(const struct nova_device *nd)
{
	const struct nova_chip_info *info = nd->chip.info;

	switch (info->arch) {
	case NOVA_ARCH_TURING:
		/* TU116 and TU117 (chipsets 0x168, 0x167) are "tu11x". */
		return info->chipset >= 0x167 ? ".fwsignature_tu11x" :
						".fwsignature_tu10x";
	case NOVA_ARCH_AMPERE:
		return info->chipset == 0x170 ? ".fwsignature_ga100" :
						".fwsignature_ga10x";
	case NOVA_ARCH_ADA:
		return ".fwsignature_ad10x";
	case NOVA_ARCH_HOPPER:
		return ".fwsignature_gh100";
	case NOVA_ARCH_BLACKWELL_GB10X:
		return ".fwsignature_gb10x";
	default:
		return ".fwsignature_gb20x";
	}
}

/**
 * nova_firmware_release() - release what nova_firmware_request() got
 * @fw: the firmware; its files may be NULL
 */
void nova_firmware_release(struct nova_firmware *fw)
{
	release_firmware(fw->gen_bootloader_file);
	release_firmware(fw->booter_unload_file);
	release_firmware(fw->booter_load_file);
	release_firmware(fw->bootloader_file);
	release_firmware(fw->gsp_file);
	memset(fw, 0, sizeof(*fw));
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
				nova_firmware_gsp_sig_section(nd), &fw->gsp);
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

/* Copies [off, off + n) of the PROM into rom, which holds max bytes. */
static void nova_prom_copy(struct nova_device *nd, u8 *rom, size_t *have,
			   size_t off, size_t n, size_t max)
{
	size_t end = min(off + n, max), pos;

	for (pos = ALIGN_DOWN(*have, 4); pos < end; pos += 4)
		put_unaligned_le32(nova_rd32(nd, NV_PROM_DATA + pos), rom + pos);
	*have = max(*have, ALIGN(end, 4));
}

/* Length of the ROM image at off, from its PCIR or NPDE; 0 if none. */
static size_t nova_prom_image_len(const u8 *rom, size_t have, size_t off,
				  bool *last)
{
	size_t pcir, npde, plen;

	if (off + 0x1a > have)
		return 0;
	pcir = off + get_unaligned_le16(rom + off + NOVA_VBIOS_ROM_PCIR_PTR);
	if (pcir + NOVA_VBIOS_PCIR_MIN_LEN > have)
		return 0;
	plen = get_unaligned_le16(rom + pcir + NOVA_VBIOS_PCIR_LEN);
	*last = rom[pcir + NOVA_VBIOS_PCIR_INDICATOR] & NOVA_VBIOS_LAST_IMAGE;
	npde = ALIGN(pcir + plen, 16);
	if (npde + NOVA_VBIOS_NPDE_MIN_LEN <= have &&
	    !memcmp(rom + npde, "NPDE", 4)) {
		*last = rom[npde + NOVA_VBIOS_NPDE_LAST] & NOVA_VBIOS_LAST_IMAGE;
		return (size_t)get_unaligned_le16(rom + npde +
						  NOVA_VBIOS_NPDE_SUBIMAGE_LEN) *
		       NOVA_VBIOS_IMAGE_UNIT;
	}
	return (size_t)get_unaligned_le16(rom + pcir + NOVA_VBIOS_PCIR_IMAGE_LEN) *
	       NOVA_VBIOS_IMAGE_UNIT;
}

/**
 * nova_vbios_read() - copy the VBIOS ROM out of the PROM window
 * @nd: the GPU
 * @rom: set to a kvmalloc()ed copy (free with kvfree())
 * @len: set to its length
 *
 * Reads image by image, following the lengths in the image headers, up to
 * the image flagged last or 1 MiB. It only finds out how much to copy; it
 * trusts nothing it reads, nova_vbios_parse() checks the copy.
 *
 * Return: 0 or -ENOMEM.
 */
int nova_vbios_read(struct nova_device *nd, u8 **rom, size_t *len)
{
	size_t max = NV_PROM_SIZE, have = 0, off = 0, ilen;
	bool last = false;
	unsigned int i;
	u8 *buf;

	/* Only the bytes read are used: no need to zero the rest. */
	buf = kvmalloc(max, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;

	for (i = 0; i < NOVA_VBIOS_MAX_IMAGES && off < max; i++) {
		/* The headers of an image are within its first KiB. */
		nova_prom_copy(nd, buf, &have, off, SZ_1K, max);
		ilen = nova_prom_image_len(buf, have, off, &last);
		if (!ilen)
			break;
		nova_prom_copy(nd, buf, &have, off, ilen, max);
		off += ilen;
		if (last)
			break;
	}

	*rom = buf;
	*len = have;
	return 0;
}
