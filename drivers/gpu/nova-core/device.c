// SPDX-License-Identifier: GPL-2.0
/*
 * nova_core: what every GPU goes through once its register space is
 * reachable, whether it is a PCI function or an emulated GPU: checking the
 * BARs and identifying the chip (nova_device_identify(), before the bus
 * glue lets the GPU master the bus), then the sysfs attributes, the
 * auxiliary device the DRM driver binds to, and the bring-up
 * (nova_device_start()). Teardown runs in the exact reverse order.
 */

#include <linux/auxiliary_bus.h>
#include <linux/debugfs.h>
#include <linux/device.h>
#include <linux/idr.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/sizes.h>
#include <linux/slab.h>

#include "device.h"
#include "firmware/firmware.h"
#include "firmware/fwsec.h"
#include "fsp/fsp.h"
#include "regs.h"
#include "vbios/vbios.h"

static bool bringup = true;
module_param(bringup, bool, 0644);
MODULE_PARM_DESC(bringup,
		 "Bring each GPU up to WPR2 at probe (default: Y). N stops after identification: the GPU is registered with its facts, its firmware and falcons are left alone (to inspect a board nova_core cannot bring up)");

/* Ids of the "nova_core.nova-drm.N" auxiliary devices, one per GPU. */
static DEFINE_IDA(nova_aux_ida);

static void nova_aux_release(struct device *dev)
{
	struct auxiliary_device *adev = to_auxiliary_dev(dev);

	ida_free(&nova_aux_ida, adev->id);
	kfree(adev);
}

static int nova_aux_create(struct nova_device *nd)
{
	struct auxiliary_device *adev;
	int id, ret;

	adev = kzalloc(sizeof(*adev), GFP_KERNEL);
	if (!adev)
		return -ENOMEM;

	id = ida_alloc(&nova_aux_ida, GFP_KERNEL);
	if (id < 0) {
		kfree(adev);
		return id;
	}

	adev->name = NOVA_CORE_AUX_DRM_NAME;
	adev->id = id;
	adev->dev.parent = nd->dev;
	adev->dev.release = nova_aux_release;

	ret = auxiliary_device_init(adev);
	if (ret) {
		ida_free(&nova_aux_ida, id);
		kfree(adev);
		return ret;
	}

	/* From here on, the release callback frees the id and the memory. */
	ret = auxiliary_device_add(adev);
	if (ret) {
		auxiliary_device_uninit(adev);
		return ret;
	}

	nd->drm_adev = adev;
	return 0;
}

static void nova_aux_destroy(struct nova_device *nd)
{
	auxiliary_device_delete(nd->drm_adev);
	auxiliary_device_uninit(nd->drm_adev);
	nd->drm_adev = NULL;
}

static int nova_identify(struct nova_device *nd)
{
	struct nova_chip_id *chip = &nd->chip;
	u32 boot0, boot42;
	int ret;

	boot0 = nova_rd32(nd, NV_PMC_BOOT_0);
	boot42 = nova_rd32(nd, NV_PMC_BOOT_42);

	ret = nova_chip_identify(boot0, boot42, chip);
	if (ret) {
		if (chip->refusal == NOVA_CHIP_PRE_TURING ||
		    chip->refusal == NOVA_CHIP_UNKNOWN)
			dev_notice(nd->dev,
				   "unsupported GPU, chipset 0x%03x: %s (NV_PMC_BOOT_0=0x%08x, NV_PMC_BOOT_42=0x%08x)\n",
				   chip->chipset,
				   nova_chip_refusal_str(chip->refusal),
				   boot0, boot42);
		else
			dev_notice(nd->dev,
				   "unsupported GPU: %s (NV_PMC_BOOT_0=0x%08x, NV_PMC_BOOT_42=0x%08x)\n",
				   nova_chip_refusal_str(chip->refusal),
				   boot0, boot42);
		return ret;
	}

	return 0;
}

/* Reads the FB layout's inputs and computes it. */
static int nova_fb_layout(struct nova_device *nd, const struct nova_firmware *fw)
{
	struct nova_fb_params p = {
		.fb_size = nd->vram_size,
		.display = nd->display,
		.libos3 = nd->hal->fb->libos3,
		.bootloader_size = fw->bootloader.ucode_len,
		.gsp_size = fw->gsp.image_len,
	};
	int ret;

	if (p.display)
		p.vga_workspace = nova_rd32(nd, NV_PDISP_VGA_WORKSPACE_BASE);
	ret = nova_fb_layout_compute(&p, &nd->fb);
	if (ret)
		dev_err(nd->dev, "FB layout: %llu MiB of VRAM cannot hold the GSP boot's regions (%d)\n",
			nd->vram_size >> 20, ret);
	return ret;
}

/*
 * Undoes nova_bringup(): GSP-RM unloaded, its memory and firmware freed;
 * after a failed boot (@failed) its logs are kept in debugfs.
 */
static void nova_bringup_fini(struct nova_device *nd, bool failed)
{
	nova_sysfs_remove_gsp(nd);
	/* One that cannot be stopped has its DMA switched off first. */
	if (nd->gsp_rm.running)
		nova_gsp_unload(nd);
	nova_gsp_fini(nd, failed);
	nova_firmware_release(&nd->fw);
	kvfree(nd->rom);
	nd->rom = NULL;
	kfree(nd->bios);
	nd->bios = NULL;
}

/*
 * Hardware bring-up, up to GSP-RM running: the interrupt, the sysmem flush
 * page, the wait for GFW (Hopper and Blackwell: for the FSP), VRAM, the
 * VBIOS, the firmware files, the FB layout (those two not on Hopper and
 * Blackwell), GSP-RM's memory and its boot (gsp/boot.c), which unloads what
 * it started if it fails. What stays is undone by nova_bringup_fini(), or is
 * device-managed (the interrupt, the flush page).
 */
static int nova_bringup(struct nova_device *nd, int irq)
{
	int ret;
	size_t rom_len;

	nd->gsp.swgen0 = nova_gsp_irq;

	ret = nova_irq_init(nd, irq);
	if (ret)
		return ret;
	/* Hopper and Blackwell have no GFW to wait for: their FSP boots. */
	ret = nd->hal->fsp ? nova_fsp_wait_boot(nd) : nova_gfw_boot_wait(nd);
	if (ret)
		return ret;
	/* As upstream Nova: GB20x with SR-IOV VFs asks its FSP for vGPU mode. */
	if (nd->hal->fsp)
		nd->vgpu = nova_fsp_vgpu_mode(nd);
	ret = nova_fb_flush_page_init(nd);
	if (ret)
		return ret;
	ret = nova_fb_init(nd);
	if (ret)
		return ret;

	/* The VBIOS holds FWSEC, which Hopper and Blackwell do not run. */
	if (!nd->hal->fsp) {
		nd->bios = kzalloc(sizeof(*nd->bios), GFP_KERNEL);
		if (!nd->bios)
			return -ENOMEM;
		ret = nova_vbios_read(nd, &nd->rom, &rom_len);
		if (ret)
			goto fail;
		ret = nova_vbios_parse(nd->rom, rom_len, nd->bios);
		if (ret) {
			dev_err(nd->dev, "VBIOS: %s (%d)\n", nd->bios->why, ret);
			goto fail;
		}
	}

	ret = nova_firmware_request(nd, &nd->fw);
	if (ret)
		goto fail;
	/* There, GSP-FMC lays VRAM out: nova_core gives it sizes only. */
	if (!nd->hal->fsp) {
		ret = nova_fb_layout(nd, &nd->fw);
		if (ret)
			goto fail;
	}
	ret = nova_gsp_init(nd);
	if (ret)
		goto fail;

	ret = nova_gsp_boot(nd);
	if (ret)
		goto fail;
	nova_firmware_release_boot(&nd->fw);

	if (nd->hal->fsp)
		dev_info(nd->dev, "VRAM %llu MiB, laid out by GSP-FMC\n", nd->vram_size >> 20);
	else
		dev_info(nd->dev, "VRAM %llu MiB, WPR2 at 0x%llx-0x%llx (FRTS 0x%llx)\n",
			 nd->vram_size >> 20, nd->fb.wpr2.start, nd->fb.wpr2.end,
			 nd->fb.frts.start);
	dev_info(nd->dev, "GSP-RM started (firmware %s)\n", NOVA_FW_VERSION);
	nd->brought_up = true;
	return 0;

fail:
	nova_bringup_fini(nd, true);
	return ret;
}

/**
 * nova_device_identify() - check the BARs and identify the chip
 * @nd: the GPU, with @dev, @io and the BAR sizes filled in by the bus glue
 *
 * Reads only the identification registers (and, for a GPU whose GSP
 * nova_core could not stop before, the GSP's state); the bus glue calls it
 * before it lets the GPU master the bus, so a device nova_core does not
 * drive, or whose GSP may still write to freed memory, is never given DMA.
 *
 * Return: 0; -ENODEV for a GPU nova_core does not drive (BAR0 too small,
 * unsupported chip), -EBUSY for one whose abandoned GSP still runs
 * (nova_gsp_check_stuck()), with one log line saying why.
 */
int nova_device_identify(struct nova_device *nd)
{
	const struct nova_chip_info *info;
	int ret;

	if (nd->bar0_size < SZ_16M) {
		dev_err(nd->dev, "BAR0 is %llu bytes, at least 16 MiB needed\n",
			nd->bar0_size);
		return -ENODEV;
	}

	ret = nova_identify(nd);
	if (ret)
		return ret;

	info = nd->chip.info;
	dev_info(nd->dev, "NVIDIA (Chipset: %s, Architecture: %s, Revision: %x.%x)\n",
		 info->name, nova_arch_name(info->arch),
		 nd->chip.major_rev, nd->chip.minor_rev);
	nd->hal = nova_hal_get(info);
	nova_falcon_init(&nd->gsp, nd, "GSP", NV_PFALCON_GSP_BASE);
	nova_falcon_init(&nd->sec2, nd, "SEC2", NV_PFALCON_SEC2_BASE);
	return nova_gsp_check_stuck(nd);
}

/**
 * nova_device_start() - bring up an identified GPU and offer it
 * @nd: the GPU, identified, able to master the bus
 * @irq: its interrupt, or a negative errno if the bus gave none
 *
 * The bring-up boots GSP-RM; what GSP-RM told the driver then joins the
 * sysfs attributes, and only then is the auxiliary device for the DRM
 * driver added, as upstream Nova does: the DRM driver binds to a GPU whose
 * GSP-RM runs (or whose bring-up was skipped), never to one half brought
 * up. Whatever fails after FWSEC-FRTS unloads GSP-RM again (FWSEC-SB,
 * booter_unload), so a failed probe leaves no WPR2 for the next probe to
 * find.
 *
 * Return: 0 on success, else a negative errno, with nothing left behind.
 */
int nova_device_start(struct nova_device *nd, int irq)
{
	int ret;

	ret = nova_sysfs_add(nd);
	if (ret)
		return dev_err_probe(nd->dev, ret, "failed to add the sysfs attributes\n");

	if (!READ_ONCE(bringup)) {
		dev_info(nd->dev, "bring-up skipped (bringup=N)\n");
	} else {
		ret = nova_bringup(nd, irq);
		if (ret)
			return ret;
		ret = nova_sysfs_add_gsp(nd);
		if (ret) {
			dev_err_probe(nd->dev, ret,
				      "failed to add GSP-RM's sysfs attributes\n");
			goto fini;
		}
	}

	ret = nova_aux_create(nd);
	if (ret) {
		dev_err_probe(nd->dev, ret,
			      "failed to create the DRM auxiliary device\n");
		goto fini;
	}
	return 0;

fini:
	if (nd->brought_up)
		nova_bringup_fini(nd, false);
	nd->brought_up = false;
	return ret;
}

/**
 * nova_device_remove() - tear down what nova_device_start() set up
 * @nd: the GPU
 *
 * Called on unbind, including module unload; undoes nova_device_start() in
 * reverse order. Bus resources are device-managed and go after this.
 */
void nova_device_remove(struct nova_device *nd)
{
	nova_aux_destroy(nd);
	if (nd->brought_up)
		nova_bringup_fini(nd, false);
	nd->brought_up = false;
}
