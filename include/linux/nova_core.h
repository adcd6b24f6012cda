/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nova_core: interfaces offered to the other nova modules.
 *
 * Two audiences use this header:
 *
 * - the DRM driver (nova.ko), which binds to the auxiliary device
 *   "nova_core.nova-drm.N" that nova_core creates for each GPU;
 * - the emulated GPU (nova_emu.ko), which plugs into nova_core's
 *   register-access seam: see &struct nova_core_io_ops.
 *
 * Nothing here exposes PCI or raw registers to the DRM side.
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

/**
 * NOVA_CORE_EMU_DEVICE_NAME - platform device name of emulated GPUs
 *
 * An emulated GPU is a platform device of this name whose platform data is
 * a &struct nova_core_emu_pdata. nova_core binds it exactly as it binds a
 * PCI function, except that register accesses go through the emulator's
 * callbacks instead of MMIO.
 */
#define NOVA_CORE_EMU_DEVICE_NAME	"nova-emu"

/**
 * struct nova_core_io_ops - the register-access seam
 * @rd32: read the 32-bit register at byte offset @addr of BAR0.
 * @wr32: write @val to the 32-bit register at byte offset @addr of BAR0.
 *
 * nova_core performs every register access through one of these. For a
 * real GPU the callbacks are MMIO (readl()/writel() on the mapped BAR0);
 * for an emulated GPU they are the emulator's register model. @addr is
 * always 4-byte aligned and below the BAR0 size the device declared.
 * Both callbacks may be called from any context that nova_core accesses
 * the hardware in, including atomic context: they must not sleep.
 */
struct nova_core_io_ops {
	u32 (*rd32)(void *priv, u32 addr);
	void (*wr32)(void *priv, u32 addr, u32 val);
};

/**
 * struct nova_core_emu_pdata - what an emulated GPU hands to nova_core
 * @ops: register-access callbacks of the emulated BAR0.
 * @priv: opaque pointer passed back to @ops.
 * @bar0_size: size of the emulated BAR0 (register space), in bytes.
 * @bar1_size: size of the emulated BAR1 (VRAM aperture), in bytes.
 *
 * The emulator owns this structure and keeps it alive until its platform
 * device is unregistered, which unbinds nova_core first.
 */
struct nova_core_emu_pdata {
	const struct nova_core_io_ops *ops;
	void *priv;
	u64 bar0_size;
	u64 bar1_size;
};

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

void nova_core_get_chip(struct auxiliary_device *adev,
			struct nova_core_chip *chip);
u64 nova_core_vram_bar_size(struct auxiliary_device *adev);
const char *nova_core_pci_name(struct auxiliary_device *adev);

#endif /* __LINUX_NOVA_CORE_H__ */
