// SPDX-License-Identifier: GPL-2.0
/*
 * nova_core: the PCI driver for real GPUs.
 */

#include <linux/dma-mapping.h>
#include <linux/io.h>
#include <linux/pci.h>
#include <linux/nova_compat.h>

#include "device.h"

static u32 nova_mmio_rd32(void *priv, u32 addr)
{
	struct nova_device *nd = priv;

	return readl(nd->bar0 + addr);
}

static void nova_mmio_wr32(void *priv, u32 addr, u32 val)
{
	struct nova_device *nd = priv;

	writel(val, nd->bar0 + addr);
}

static const struct nova_core_io_ops nova_mmio_ops = {
	.rd32 = nova_mmio_rd32,
	.wr32 = nova_mmio_wr32,
};

static int nova_pci_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct nova_device *nd;
	int ret, irq;

	nd = devm_kzalloc(&pdev->dev, sizeof(*nd), GFP_KERNEL);
	if (!nd)
		return -ENOMEM;

	ret = pcim_enable_device(pdev);
	if (ret)
		return dev_err_probe(&pdev->dev, ret, "failed to enable the device\n");

	ret = pcim_iomap_regions(pdev, BIT(0), "nova_core/bar0");
	if (ret)
		return dev_err_probe(&pdev->dev, ret, "failed to map BAR0\n");

	nd->dev = &pdev->dev;
	nd->bar0 = pcim_iomap_table(pdev)[0];
	nd->bar0_size = pci_resource_len(pdev, 0);
	nd->bar1_size = pci_resource_len(pdev, 1);
	nd->sriov_total_vfs = pci_sriov_get_totalvfs(pdev);
	nd->io.ops = &nova_mmio_ops;
	nd->io.priv = nd;
	pci_set_drvdata(pdev, nd);

	ret = nova_device_identify(nd);
	if (ret)
		return ret;

	/* Only a GPU nova_core drives may master the bus. */
	pci_set_master(pdev);
	/* The falcons' DMA reaches 47 bits of system memory, 52 from Hopper on. */
	ret = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(nd->hal->dma_bits));
	if (ret)
		return dev_err_probe(&pdev->dev, ret, "no usable DMA mask\n");

	/* One vector, MSI if the function has it; released with the device. */
	irq = pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_MSI | NOVA_PCI_IRQ_INTX);
	if (irq > 0)
		irq = pci_irq_vector(pdev, 0);
	return nova_device_start(nd, irq);
}

static void nova_pci_remove(struct pci_dev *pdev)
{
	nova_device_remove(pci_get_drvdata(pdev));
}

/* Any NVIDIA function of the given display class, whatever its subclass. */
#define NOVA_PCI_CLASS(cls)						\
	.vendor = PCI_VENDOR_ID_NVIDIA, .device = PCI_ANY_ID,		\
	.subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID,		\
	.class = (cls) << 8, .class_mask = 0xffff00

static const struct pci_device_id nova_pci_ids[] = {
	{ NOVA_PCI_CLASS(PCI_CLASS_DISPLAY_VGA) },
	{ NOVA_PCI_CLASS(PCI_CLASS_DISPLAY_3D) },
	{ }
};
MODULE_DEVICE_TABLE(pci, nova_pci_ids);

struct pci_driver nova_pci_driver = {
	.name = KBUILD_MODNAME,
	.id_table = nova_pci_ids,
	.probe = nova_pci_probe,
	.remove = nova_pci_remove,
};
