// SPDX-License-Identifier: GPL-2.0
/*
 * nova_core: what it tells user space about a GPU, as sysfs attributes in
 * the group "nova" of the GPU's device (the PCI function, or the emulated
 * GPU). Probe adds them, device-managed, once the GPU is identified and
 * brought up, and they go after remove has run; the GPU's state they show
 * lives as long.
 *
 * Not through &device_driver.dev_groups: when the driver core fails to
 * create those (an allocation failure), Linux 6.1's really_probe() removes
 * them a second time, and removing a named group that is not there is a
 * WARN in sysfs_remove_group().
 * The ABI is documented in docs/ABI/sysfs-driver-nova_core.
 */

#include <linux/device.h>
#include <linux/sysfs.h>

#include "device.h"

static struct nova_device *nova_from_dev(struct device *dev)
{
	return dev_get_drvdata(dev);
}

static ssize_t chipset_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	return sysfs_emit(buf, "%s\n", nova_from_dev(dev)->chip.info->name);
}
static DEVICE_ATTR_RO(chipset);

static ssize_t architecture_show(struct device *dev,
				 struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%s\n",
			  nova_arch_name(nova_from_dev(dev)->chip.info->arch));
}
static DEVICE_ATTR_RO(architecture);

static ssize_t revision_show(struct device *dev, struct device_attribute *attr,
			     char *buf)
{
	const struct nova_chip_id *chip = &nova_from_dev(dev)->chip;

	return sysfs_emit(buf, "%x.%x\n", chip->major_rev, chip->minor_rev);
}
static DEVICE_ATTR_RO(revision);

static ssize_t vram_bar_size_show(struct device *dev,
				  struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%llu\n", nova_from_dev(dev)->bar1_size);
}
static DEVICE_ATTR_RO(vram_bar_size);

static struct attribute *nova_attrs[] = {
	&dev_attr_chipset.attr,
	&dev_attr_architecture.attr,
	&dev_attr_revision.attr,
	&dev_attr_vram_bar_size.attr,
	NULL
};

static const struct attribute_group nova_group = {
	.name = "nova",
	.attrs = nova_attrs,
};

/**
 * nova_sysfs_add() - add the GPU's "nova" attributes, device-managed
 * @nd: the GPU, identified
 *
 * Return: 0, or a negative errno (the attributes are then not there).
 */
int nova_sysfs_add(struct nova_device *nd)
{
	return devm_device_add_group(nd->dev, &nova_group);
}
