// SPDX-License-Identifier: GPL-2.0
/*
 * nova_core: the core API, what the DRM driver (nova.ko) may learn about a
 * GPU. See include/linux/nova_core.h for the rules of use. Nothing here
 * hands out PCI or register access.
 */

#include <linux/auxiliary_bus.h>
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/string.h>

#include "device.h"

static struct nova_device *nova_from_adev(struct auxiliary_device *adev)
{
	/* The auxiliary device is a child of the GPU nova_core is bound to. */
	return dev_get_drvdata(adev->dev.parent);
}

/**
 * nova_core_get_chip() - identity of the GPU
 * @adev: the "nova_core.nova-drm" auxiliary device of the GPU
 * @chip: filled with the chipset, architecture and revision
 */
void nova_core_get_chip(struct auxiliary_device *adev,
			struct nova_core_chip *chip)
{
	const struct nova_chip_id *id = &nova_from_adev(adev)->chip;

	chip->name = id->info->name;
	chip->arch = nova_arch_name(id->info->arch);
	chip->chipset = id->chipset;
	chip->major_rev = id->major_rev;
	chip->minor_rev = id->minor_rev;
}
EXPORT_SYMBOL_NS_GPL(nova_core_get_chip, NOVA_CORE_NS);

/**
 * nova_core_get_gsp_info() - what GSP-RM reported at its boot
 * @adev: the "nova_core.nova-drm" auxiliary device of the GPU
 * @info: filled with GSP-RM's static information (a copy)
 *
 * Return: 0; -ENODEV if GSP-RM does not run on this GPU (its bring-up was
 * skipped), @info then zeroed.
 */
int nova_core_get_gsp_info(struct auxiliary_device *adev,
			   struct nova_core_gsp_info *info)
{
	const struct nova_device *nd = nova_from_adev(adev);
	const struct nova_gsp *gsp = &nd->gsp_rm;
	unsigned int i;

	static_assert(NOVA_CORE_FB_REGIONS >= NOVA_GSP_FB_REGIONS);
	static_assert(sizeof(info->gpu_name) == sizeof(gsp->gpu_name));

	memset(info, 0, sizeof(*info));
	if (!nd->brought_up)
		return -ENODEV;
	strscpy(info->gpu_name, gsp->gpu_name, sizeof(info->gpu_name));
	info->vram_size = gsp->vram_size;
	info->bar1_pde_base = gsp->bar1_pde_base;
	info->num_fb_regions = gsp->num_fb_regions;
	for (i = 0; i < gsp->num_fb_regions; i++) {
		info->fb_regions[i].start = gsp->fb_regions[i].start;
		info->fb_regions[i].end = gsp->fb_regions[i].end;
	}
	return 0;
}
EXPORT_SYMBOL_NS_GPL(nova_core_get_gsp_info, NOVA_CORE_NS);

/**
 * nova_core_vram_bar_size() - size of the GPU's VRAM BAR
 * @adev: the "nova_core.nova-drm" auxiliary device of the GPU
 *
 * Return: the size of BAR1 in bytes: the PCI resource's length for a PCI
 * GPU, the configured size for an emulated one.
 */
u64 nova_core_vram_bar_size(struct auxiliary_device *adev)
{
	return nova_from_adev(adev)->bar1_size;
}
EXPORT_SYMBOL_NS_GPL(nova_core_vram_bar_size, NOVA_CORE_NS);

/**
 * nova_core_pci_name() - PCI address of the GPU
 * @adev: the "nova_core.nova-drm" auxiliary device of the GPU
 *
 * Return: the PCI function's name ("0000:01:00.0"), valid while the caller
 * is bound; NULL for a GPU that is not a PCI device (an emulated one).
 */
const char *nova_core_pci_name(struct auxiliary_device *adev)
{
	struct device *dev = nova_from_adev(adev)->dev;

	return dev_is_pci(dev) ? pci_name(to_pci_dev(dev)) : NULL;
}
EXPORT_SYMBOL_NS_GPL(nova_core_pci_name, NOVA_CORE_NS);
