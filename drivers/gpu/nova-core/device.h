/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nova_core device state and register accessors.
 */
#ifndef __NOVA_CORE_DEVICE_H__
#define __NOVA_CORE_DEVICE_H__

#include <linux/auxiliary_bus.h>
#include <linux/nova_core.h>
#include <linux/nova_core_emu.h>
#include <linux/spinlock.h>
#include <linux/types.h>

#include "falcon/falcon.h"
#include "fb.h"
#include "firmware/firmware.h"
#include "gpu.h"
#include "gsp/gsp.h"

struct attribute_group;
struct nova_fsp_hal;
struct pci_driver;

/**
 * struct nova_hal - how a chip family differs, one table per family
 * @name: name of the family, for messages ("tu10x").
 * @falcon: falcon handling.
 * @fb: framebuffer registers.
 * @gen_bootloader: FWSEC is loaded through the generic bootloader
 *	(gen_bootloader-<ver>.bin): Turing and GA100.
 * @gsp_sig_section: the section of the GSP firmware ELF that holds the
 *	family's signatures.
 * @fsp: Hopper and Blackwell: the FSP that boots GSP-RM through its chain
 *	of trust, with no VBIOS, FWSEC or booter; NULL for Turing to Ada.
 * @dma_bits: how many bits of system memory the GPU's DMA reaches.
 * @pci_config_mirror: where BAR0 mirrors the PCI config space, which
 *	GSP-RM is told.
 */
struct nova_hal {
	const char *name;
	const struct nova_falcon_hal *falcon;
	const struct nova_fb_hal *fb;
	bool gen_bootloader;
	const char *gsp_sig_section;
	const struct nova_fsp_hal *fsp;
	u8 dma_bits;
	u32 pci_config_mirror;
};

/**
 * struct nova_device - one GPU bound to nova_core
 * @dev: the bound device: a PCI function, or an emulated GPU's platform
 *	device. Device-managed resources of nova_core hang off it.
 * @io: register-access seam; every register access goes through it.
 * @io.ops: MMIO callbacks for a PCI GPU, the emulator's for an emulated one.
 * @io.priv: passed back to @io.ops.
 * @bar0: mapped BAR0 of a PCI GPU; NULL for an emulated GPU.
 * @bar0_size: size of BAR0 in bytes.
 * @bar1_size: size of BAR1 (the VRAM aperture) in bytes.
 * @sriov_total_vfs: the SR-IOV virtual functions the GPU offers (its
 *	TotalVFs; 0 without SR-IOV), filled in by the bus glue.
 * @vgpu: this boot is a vGPU host's (nova_fsp_vgpu_mode()): GSP-RM is
 *	told to boot in SR-IOV mode.
 * @irq: the interrupt nova_core took, or 0 if it has none (irq.c).
 * @irq_lock: protects the falcons' &nova_falcon.irq_pending, which the
 *	hard interrupt handler fills and the thread empties.
 * @chip: identity of the GPU, decoded at probe.
 * @drm_adev: the auxiliary device for the DRM driver; NULL until created.
 * @hal: the chip family's HAL, chosen from @chip at probe.
 * @gsp: the GSP falcon.
 * @sec2: the SEC2 falcon.
 * @flush: the sysmem flush page (device-managed).
 * @flush.cpu: its kernel address.
 * @flush.dma: its bus address, as given to the GPU.
 * @vram_size: usable VRAM in bytes.
 * @display: whether the display engine is present.
 * @fb: the FB layout of the GSP boot.
 * @rom: the VBIOS image read at bring-up; kept (with @bios, which points
 *	into it) for FWSEC-SB, which the GSP unload runs. NULL before the
 *	bring-up and after the teardown.
 * @bios: the parsed VBIOS; NULL when @rom is.
 * @fw: the GSP firmware files; the boot-only ones are released once GSP-RM
 *	runs, booter_unload and the generic bootloader stay for the unload.
 * @gsp_rm: GSP-RM's memory and state.
 * @brought_up: the bring-up succeeded: removal undoes it. Set before the
 *	auxiliary device is added and cleared after it is gone, so the core
 *	API's callers see it constant.
 * @gsp_sysfs: GSP-RM's attributes are in the sysfs group "nova".
 *
 * Allocated with devm_kzalloc() on @dev at probe and freed when @dev is
 * unbound. It is only written during probe and removal, which the driver
 * core serialises, so it needs no lock, but for what @irq_lock protects.
 */
struct nova_device {
	struct device *dev;
	struct {
		const struct nova_core_io_ops *ops;
		void *priv;
	} io;
	void __iomem *bar0;
	u64 bar0_size;
	u64 bar1_size;
	u16 sriov_total_vfs;
	bool vgpu;
	int irq;
	/* Protects the falcons' irq_pending. */
	spinlock_t irq_lock;
	struct nova_chip_id chip;
	struct auxiliary_device *drm_adev;
	const struct nova_hal *hal;
	struct nova_falcon gsp;
	struct nova_falcon sec2;
	struct {
		void *cpu;
		dma_addr_t dma;
	} flush;
	u64 vram_size;
	bool display;
	struct nova_fb_layout fb;
	u8 *rom;
	struct nova_vbios *bios;
	struct nova_firmware fw;
	struct nova_gsp gsp_rm;
	bool brought_up;
	bool gsp_sysfs;
};

/**
 * nova_rd32() - read a 32-bit register of BAR0
 * @nd: the GPU
 * @reg: byte offset of the register
 *
 * Return: the register value.
 */
static inline u32 nova_rd32(struct nova_device *nd, u32 reg)
{
	return nd->io.ops->rd32(nd->io.priv, reg);
}

/**
 * nova_wr32() - write a 32-bit register of BAR0
 * @nd: the GPU
 * @reg: byte offset of the register
 * @val: value to write
 */
static inline void nova_wr32(struct nova_device *nd, u32 reg, u32 val)
{
	nd->io.ops->wr32(nd->io.priv, reg, val);
}

/* device.c */
int nova_device_identify(struct nova_device *nd);
int nova_device_start(struct nova_device *nd, int irq);
void nova_device_remove(struct nova_device *nd);

/* gfw.c */
int nova_gfw_boot_wait(struct nova_device *nd);

/* irq.c */
int nova_irq_init(struct nova_device *nd, int irq);

/* hal.c */
const struct nova_hal *nova_hal_get(const struct nova_chip_info *info);

/* sysfs.c */
int nova_sysfs_add(struct nova_device *nd);
int nova_sysfs_add_gsp(struct nova_device *nd);
void nova_sysfs_remove_gsp(struct nova_device *nd);

/* pci.c */
extern struct pci_driver nova_pci_driver;

/* platform.c: the binding for emulated GPUs, built with CONFIG_NOVA_EMU */
#if IS_ENABLED(CONFIG_NOVA_EMU)
int nova_emu_driver_register(void);
void nova_emu_driver_unregister(void);
#else
static inline int nova_emu_driver_register(void)
{
	return 0;
}

static inline void nova_emu_driver_unregister(void)
{
}
#endif

#endif /* __NOVA_CORE_DEVICE_H__ */
