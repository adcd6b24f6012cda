/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nova_emu: the emulated GPU, internal definitions.
 */
#ifndef __NOVA_EMU_H__
#define __NOVA_EMU_H__

#include <linux/list.h>
#include <linux/nova_core.h>
#include <linux/spinlock.h>
#include <linux/types.h>

struct platform_device;

/**
 * struct nova_emu_chip - a chipset the emulator can pretend to be
 * @name: lower-case chipset name, as accepted in sysfs, e.g. "ga102".
 * @arch: architecture code (NV_PMC_BOOT_42 arch field).
 * @impl: implementation code (NV_PMC_BOOT_42 impl field).
 */
struct nova_emu_chip {
	const char *name;
	u8 arch;
	u8 impl;
};

/**
 * struct nova_emu_config - what an emulated GPU is created with
 * @chip: the chipset, or NULL when @boot0 and @boot42 were given raw.
 * @boot0: value NV_PMC_BOOT_0 reads as.
 * @boot42: value NV_PMC_BOOT_42 reads as.
 * @bar0_size: size of the register BAR, in bytes.
 * @vram_bar_size: size of the VRAM BAR (BAR1), in bytes.
 */
struct nova_emu_config {
	const struct nova_emu_chip *chip;
	u32 boot0;
	u32 boot42;
	u64 bar0_size;
	u64 vram_bar_size;
};

/**
 * struct nova_emu_gpu - one emulated GPU
 * @node: entry in the list of emulated GPUs, protected by the module's
 *	device lock (nova_emu_lock in main.c).
 * @id: the id user space chose; the platform device is "nova-emu.<id>".
 * @cfg: the configuration it was created with; constant afterwards.
 * @pdev: the platform device nova_core binds; its platform data (a
 *	&struct nova_core_emu_pdata) points back at this GPU.
 * @lock: protects the register state below; taken by the register
 *	callbacks, which may run in atomic context.
 * @unmodeled: number of accesses to registers the model does not know.
 */
struct nova_emu_gpu {
	struct list_head node;
	unsigned int id;
	struct nova_emu_config cfg;
	struct platform_device *pdev;
	/* Protects @unmodeled and the register state. */
	spinlock_t lock;
	u64 unmodeled;
};

/* regs.c */
extern const struct nova_core_io_ops nova_emu_io_ops;
extern const struct nova_emu_chip nova_emu_chips[];
extern const unsigned int nova_emu_num_chips;

const struct nova_emu_chip *nova_emu_chip_find(const char *name);
void nova_emu_chip_boot_regs(const struct nova_emu_chip *chip, u32 *boot0,
			     u32 *boot42);
void nova_emu_regs_init(struct nova_emu_gpu *gpu);

#endif /* __NOVA_EMU_H__ */
