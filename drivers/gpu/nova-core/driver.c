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

#include <linux/module.h>
#include <linux/pci.h>
#include <linux/platform_device.h>

#include "device.h"

/* Version of the GSP firmware files nova_core requests. */
#define NOVA_FW_VERSION "570.144"

#define NOVA_FW(chip, name) \
	MODULE_FIRMWARE("nvidia/" chip "/gsp/" name "-" NOVA_FW_VERSION ".bin")

/* Turing and GA100: booted by booter, FWSEC loaded by gen_bootloader. */
#define NOVA_FW_TU(chip)			\
	NOVA_FW(chip, "booter_load");		\
	NOVA_FW(chip, "booter_unload");		\
	NOVA_FW(chip, "bootloader");		\
	NOVA_FW(chip, "gen_bootloader");	\
	NOVA_FW(chip, "gsp")

/* GA102 and later Ampere, Ada: booted by booter. */
#define NOVA_FW_GA(chip)			\
	NOVA_FW(chip, "booter_load");		\
	NOVA_FW(chip, "booter_unload");		\
	NOVA_FW(chip, "bootloader");		\
	NOVA_FW(chip, "gsp")

/* Hopper, Blackwell: booted by the FSP through FMC. */
#define NOVA_FW_GH(chip)			\
	NOVA_FW(chip, "fmc");			\
	NOVA_FW(chip, "bootloader");		\
	NOVA_FW(chip, "gsp")

NOVA_FW_TU("tu102");
NOVA_FW_TU("tu104");
NOVA_FW_TU("tu106");
NOVA_FW_TU("tu116");
NOVA_FW_TU("tu117");
NOVA_FW_TU("ga100");
NOVA_FW_GA("ga102");
NOVA_FW_GA("ga103");
NOVA_FW_GA("ga104");
NOVA_FW_GA("ga106");
NOVA_FW_GA("ga107");
NOVA_FW_GH("gh100");
NOVA_FW_GA("ad102");
NOVA_FW_GA("ad103");
NOVA_FW_GA("ad104");
NOVA_FW_GA("ad106");
NOVA_FW_GA("ad107");
NOVA_FW_GH("gb100");
NOVA_FW_GH("gb102");
NOVA_FW_GH("gb202");
NOVA_FW_GH("gb203");
NOVA_FW_GH("gb205");
NOVA_FW_GH("gb206");
NOVA_FW_GH("gb207");

static int __init nova_core_init(void)
{
	int ret;

	ret = platform_driver_register(&nova_emu_platform_driver);
	if (ret)
		return ret;

	ret = pci_register_driver(&nova_pci_driver);
	if (ret)
		goto unregister_platform;

	return 0;

unregister_platform:
	platform_driver_unregister(&nova_emu_platform_driver);
	return ret;
}

static void __exit nova_core_exit(void)
{
	pci_unregister_driver(&nova_pci_driver);
	platform_driver_unregister(&nova_emu_platform_driver);
}

module_init(nova_core_init);
module_exit(nova_core_exit);

MODULE_DESCRIPTION("Core driver for NVIDIA GPUs with the GSP (Turing and newer)");
MODULE_LICENSE("GPL");
