// SPDX-License-Identifier: GPL-2.0
/*
 * nova_core: the binding for emulated GPUs.
 *
 * This is the one place where the emulated GPU plugs in (the seam is
 * <linux/nova_core_emu.h>); it is built only with CONFIG_NOVA_EMU.
 * nova_emu.ko registers platform devices named NOVA_CORE_EMU_DEVICE_NAME
 * whose platform data carries the emulator's register callbacks and BAR
 * sizes, with an interrupt and DMA operations of the emulator's; this
 * driver binds them (matching on the device name, so that the driver and
 * its log lines are "nova_core", as for a PCI GPU) and hands them to the
 * same nova_device_identify() and nova_device_start() a PCI GPU goes
 * through. Above this file, nothing can tell an emulated GPU from a real
 * one.
 */

#include <linux/mod_devicetable.h>
#include <linux/platform_device.h>

#include "device.h"

static int nova_emu_probe(struct platform_device *pdev)
{
	const struct nova_core_emu_pdata *pdata = dev_get_platdata(&pdev->dev);
	struct nova_device *nd;
	int ret;

	if (!pdata || !pdata->ops || !pdata->ops->rd32 || !pdata->ops->wr32) {
		dev_err(&pdev->dev, "emulated GPU without register callbacks\n");
		return -EINVAL;
	}

	nd = devm_kzalloc(&pdev->dev, sizeof(*nd), GFP_KERNEL);
	if (!nd)
		return -ENOMEM;

	nd->dev = &pdev->dev;
	nd->bar0_size = pdata->bar0_size;
	nd->bar1_size = pdata->bar1_size;
	nd->sriov_total_vfs = pdata->sriov_total_vfs;
	nd->io.ops = pdata->ops;
	nd->io.priv = pdata->priv;
	platform_set_drvdata(pdev, nd);

	ret = nova_device_identify(nd);
	if (ret)
		return ret;
	/* The emulator's DMA operations are the device's; nothing to enable. */
	return nova_device_start(nd, platform_get_irq_optional(pdev, 0));
}

static void nova_emu_remove(struct platform_device *pdev)
{
	nova_device_remove(platform_get_drvdata(pdev));
}

NOVA_DEFINE_PLATFORM_REMOVE(nova_emu_remove);

static const struct platform_device_id nova_emu_ids[] = {
	{ .name = NOVA_CORE_EMU_DEVICE_NAME },
	{ }
};
MODULE_DEVICE_TABLE(platform, nova_emu_ids);

static struct platform_driver nova_emu_platform_driver = {
	.driver = {
		.name = KBUILD_MODNAME,
	},
	.id_table = nova_emu_ids,
	.probe = nova_emu_probe,
	.remove = NOVA_PLATFORM_REMOVE(nova_emu_remove),
};

/**
 * nova_emu_driver_register() - register the binding for emulated GPUs
 *
 * Return: 0, or a negative errno.
 */
int nova_emu_driver_register(void)
{
	return platform_driver_register(&nova_emu_platform_driver);
}

/**
 * nova_emu_driver_unregister() - unregister the binding for emulated GPUs
 */
void nova_emu_driver_unregister(void)
{
	platform_driver_unregister(&nova_emu_platform_driver);
}
