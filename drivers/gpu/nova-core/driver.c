// SPDX-License-Identifier: GPL-2.0
/*
 * nova_core: core driver for NVIDIA GPUs that run the GSP firmware
 * (Turing and newer).
 *
 * nova_core owns the hardware: it binds the GPU, identifies the chip, and
 * creates the auxiliary device "nova_core.nova-drm.N" that the DRM driver
 * (nova.ko) binds to. It binds two kinds of device through the same code:
 * PCI functions (pci.c) and emulated GPUs provided by nova_emu.ko
 * (platform.c), which differ only in how registers are reached.
 */

#include <linux/debugfs.h>
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/platform_device.h>

#include "device.h"
#include "firmware/firmware.h"

#define NOVA_FW(chip, name) \
	MODULE_FIRMWARE("nvidia/" chip "/gsp/" name "-" NOVA_FW_VERSION ".bin")

/*
 * Turing and GA100 boot with booter and load FWSEC with gen_bootloader;
 * GA102 and later Ampere and Ada boot with booter; Hopper and Blackwell
 * boot through the FSP with fmc.
 */
NOVA_FW("tu102", "booter_load");
NOVA_FW("tu102", "booter_unload");
NOVA_FW("tu102", "bootloader");
NOVA_FW("tu102", "gen_bootloader");
NOVA_FW("tu102", "gsp");
NOVA_FW("tu104", "booter_load");
NOVA_FW("tu104", "booter_unload");
NOVA_FW("tu104", "bootloader");
NOVA_FW("tu104", "gen_bootloader");
NOVA_FW("tu104", "gsp");
NOVA_FW("tu106", "booter_load");
NOVA_FW("tu106", "booter_unload");
NOVA_FW("tu106", "bootloader");
NOVA_FW("tu106", "gen_bootloader");
NOVA_FW("tu106", "gsp");
NOVA_FW("tu116", "booter_load");
NOVA_FW("tu116", "booter_unload");
NOVA_FW("tu116", "bootloader");
NOVA_FW("tu116", "gen_bootloader");
NOVA_FW("tu116", "gsp");
NOVA_FW("tu117", "booter_load");
NOVA_FW("tu117", "booter_unload");
NOVA_FW("tu117", "bootloader");
NOVA_FW("tu117", "gen_bootloader");
NOVA_FW("tu117", "gsp");
NOVA_FW("ga100", "booter_load");
NOVA_FW("ga100", "booter_unload");
NOVA_FW("ga100", "bootloader");
NOVA_FW("ga100", "gen_bootloader");
NOVA_FW("ga100", "gsp");
NOVA_FW("ga102", "booter_load");
NOVA_FW("ga102", "booter_unload");
NOVA_FW("ga102", "bootloader");
NOVA_FW("ga102", "gsp");
NOVA_FW("ga103", "booter_load");
NOVA_FW("ga103", "booter_unload");
NOVA_FW("ga103", "bootloader");
NOVA_FW("ga103", "gsp");
NOVA_FW("ga104", "booter_load");
NOVA_FW("ga104", "booter_unload");
NOVA_FW("ga104", "bootloader");
NOVA_FW("ga104", "gsp");
NOVA_FW("ga106", "booter_load");
NOVA_FW("ga106", "booter_unload");
NOVA_FW("ga106", "bootloader");
NOVA_FW("ga106", "gsp");
NOVA_FW("ga107", "booter_load");
NOVA_FW("ga107", "booter_unload");
NOVA_FW("ga107", "bootloader");
NOVA_FW("ga107", "gsp");
NOVA_FW("gh100", "fmc");
NOVA_FW("gh100", "bootloader");
NOVA_FW("gh100", "gsp");
NOVA_FW("ad102", "booter_load");
NOVA_FW("ad102", "booter_unload");
NOVA_FW("ad102", "bootloader");
NOVA_FW("ad102", "gsp");
NOVA_FW("ad103", "booter_load");
NOVA_FW("ad103", "booter_unload");
NOVA_FW("ad103", "bootloader");
NOVA_FW("ad103", "gsp");
NOVA_FW("ad104", "booter_load");
NOVA_FW("ad104", "booter_unload");
NOVA_FW("ad104", "bootloader");
NOVA_FW("ad104", "gsp");
NOVA_FW("ad106", "booter_load");
NOVA_FW("ad106", "booter_unload");
NOVA_FW("ad106", "bootloader");
NOVA_FW("ad106", "gsp");
NOVA_FW("ad107", "booter_load");
NOVA_FW("ad107", "booter_unload");
NOVA_FW("ad107", "bootloader");
NOVA_FW("ad107", "gsp");
NOVA_FW("gb100", "fmc");
NOVA_FW("gb100", "bootloader");
NOVA_FW("gb100", "gsp");
NOVA_FW("gb102", "fmc");
NOVA_FW("gb102", "bootloader");
NOVA_FW("gb102", "gsp");
NOVA_FW("gb202", "fmc");
NOVA_FW("gb202", "bootloader");
NOVA_FW("gb202", "gsp");
NOVA_FW("gb203", "fmc");
NOVA_FW("gb203", "bootloader");
NOVA_FW("gb203", "gsp");
NOVA_FW("gb205", "fmc");
NOVA_FW("gb205", "bootloader");
NOVA_FW("gb205", "gsp");
NOVA_FW("gb206", "fmc");
NOVA_FW("gb206", "bootloader");
NOVA_FW("gb206", "gsp");
NOVA_FW("gb207", "fmc");
NOVA_FW("gb207", "bootloader");
NOVA_FW("gb207", "gsp");

/*
 * nova_debugfs_root: nova_core's directory in debugfs ("nova_core"), with
 * one directory per GPU in it (gsp/gsp.c); NULL or an error pointer where
 * debugfs is not available, which the users check.
 */
struct dentry *nova_debugfs_root;

static int __init nova_core_init(void)
{
	int ret;

	nova_debugfs_root = debugfs_create_dir("nova_core", NULL);
	ret = nova_emu_driver_register();
	if (ret)
		goto remove_debugfs;

	ret = pci_register_driver(&nova_pci_driver);
	if (ret)
		goto unregister_emu;

	return 0;

unregister_emu:
	nova_emu_driver_unregister();
remove_debugfs:
	debugfs_remove_recursive(nova_debugfs_root);
	return ret;
}

static void __exit nova_core_exit(void)
{
	pci_unregister_driver(&nova_pci_driver);
	nova_emu_driver_unregister();
	nova_gsp_kept_drop_all();
	nova_gsp_stuck_drop_all();
	debugfs_remove_recursive(nova_debugfs_root);
}

module_init(nova_core_init);
module_exit(nova_core_exit);

MODULE_DESCRIPTION("Core driver for NVIDIA GPUs with the GSP (Turing and newer)");
MODULE_LICENSE("GPL");
