/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nova_core: the seam an emulated GPU (nova_emu.ko) plugs into.
 *
 * An emulated GPU is a platform device that gives nova_core what a PCI
 * function gives it:
 *
 * - register access: &struct nova_core_io_ops in its platform data, in
 *   place of MMIO on BAR0;
 * - an interrupt: the platform device's IRQ resource 0, which nova_core
 *   takes with platform_get_irq() (nova_emu raises it from an irq_sim
 *   domain);
 * - bus-master DMA: the DMA API on the platform device, whose DMA
 *   operations nova_emu provides; the emulated GPU reaches only memory
 *   the driver mapped for it.
 *
 * nova_core builds the binding for these devices (platform.c) only with
 * CONFIG_NOVA_EMU. Nothing above the binding can tell an emulated GPU from
 * a real one. See docs/emulator.md.
 */
#ifndef __LINUX_NOVA_CORE_EMU_H__
#define __LINUX_NOVA_CORE_EMU_H__

#include <linux/types.h>

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
 * @sriov_total_vfs: the SR-IOV virtual functions it offers, what a PCI
 *	function's SR-IOV capability says in TotalVFs.
 *
 * The emulator owns this structure and keeps it alive until its platform
 * device is unregistered, which unbinds nova_core first.
 */
struct nova_core_emu_pdata {
	const struct nova_core_io_ops *ops;
	void *priv;
	u64 bar0_size;
	u64 bar1_size;
	u16 sriov_total_vfs;
};

#endif /* __LINUX_NOVA_CORE_EMU_H__ */
