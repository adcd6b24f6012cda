/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nova_core: the core API, what the DRM driver (nova.ko) learns from
 * nova_core through the auxiliary device "nova_core.nova-drm.N" that
 * nova_core creates for each GPU.
 *
 * Nothing here exposes PCI or raw registers to the DRM side. The seam the
 * emulated GPU plugs into is in <linux/nova_core_emu.h>.
 */
#ifndef __LINUX_NOVA_CORE_H__
#define __LINUX_NOVA_CORE_H__

#include <linux/nova_compat.h>
#include <linux/types.h>

struct auxiliary_device;

/**
 * NOVA_CORE_AUX_DRM_NAME - name of the auxiliary device for the DRM driver
 *
 * The device appears on the auxiliary bus as "nova_core.nova-drm.<id>";
 * nova.ko matches "nova_core.nova-drm".
 */
#define NOVA_CORE_AUX_DRM_NAME		"nova-drm"

/*
 * The core API: what the DRM driver learns from nova_core. Every function
 * takes the auxiliary device nova_core created ("nova_core.nova-drm.N") and
 * that the caller is bound to, and may be called from the caller's probe
 * until its remove callback returns: nova_core removes the auxiliary
 * device, unbinding the caller, before it tears the GPU down. A DRM driver
 * calls them inside drm_dev_enter()/drm_dev_exit().
 *
 * The symbols are exported in the NOVA_CORE namespace; importers say
 * MODULE_IMPORT_NS(NOVA_CORE_NS).
 */

/**
 * struct nova_core_chip - identity of a GPU
 * @name: chipset name, e.g. "GA102".
 * @arch: architecture name, e.g. "Ampere".
 * @chipset: chipset number, e.g. 0x172.
 * @major_rev: major revision of the silicon.
 * @minor_rev: minor revision of the silicon.
 *
 * The strings are static in nova_core and live as long as the module.
 */
struct nova_core_chip {
	const char *name;
	const char *arch;
	u16 chipset;
	u8 major_rev;
	u8 minor_rev;
};

/* The most VRAM regions struct nova_core_gsp_info holds. */
#define NOVA_CORE_FB_REGIONS		16

/**
 * struct nova_core_gsp_info - what GSP-RM reported about a GPU at its boot
 * @gpu_name: the GPU's marketing name, "NVIDIA GeForce RTX 3090",
 *	printable ASCII, NUL-terminated (empty if GSP-RM gave none).
 * @vram_size: the VRAM GSP-RM manages, in bytes.
 * @bar1_pde_base: the GPU address of the BAR1 page directory GSP-RM set up.
 * @num_fb_regions: how many entries of @fb_regions are valid.
 * @fb_regions: the VRAM regions GSP-RM reported, as GPU addresses.
 * @fb_regions.start: a region's first byte.
 * @fb_regions.end: the first byte past it.
 */
struct nova_core_gsp_info {
	char gpu_name[64];
	u64 vram_size;
	u64 bar1_pde_base;
	u32 num_fb_regions;
	struct {
		u64 start;
		u64 end;
	} fb_regions[NOVA_CORE_FB_REGIONS];
};

void nova_core_get_chip(struct auxiliary_device *adev,
			struct nova_core_chip *chip);
int nova_core_get_gsp_info(struct auxiliary_device *adev,
			   struct nova_core_gsp_info *info);
u64 nova_core_vram_bar_size(struct auxiliary_device *adev);
const char *nova_core_pci_name(struct auxiliary_device *adev);

#endif /* __LINUX_NOVA_CORE_H__ */
