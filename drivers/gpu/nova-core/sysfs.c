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
 * What GSP-RM told the driver (gpu_name, vram_size, fb_regions,
 * bar1_pde_base) joins the group once GSP-RM runs and leaves it before
 * GSP-RM is unloaded (nova_sysfs_add_gsp(), nova_sysfs_remove_gsp()):
 * the files are there exactly while what they show is valid, and removing
 * them waits for the readers.
 *
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

static ssize_t gpu_name_show(struct device *dev, struct device_attribute *attr,
			     char *buf)
{
	return sysfs_emit(buf, "%s\n", nova_from_dev(dev)->gsp_rm.gpu_name);
}
static DEVICE_ATTR_RO(gpu_name);

static ssize_t vram_size_show(struct device *dev, struct device_attribute *attr,
			      char *buf)
{
	return sysfs_emit(buf, "%llu\n", nova_from_dev(dev)->gsp_rm.vram_size);
}
static DEVICE_ATTR_RO(vram_size);

static ssize_t fb_regions_show(struct device *dev, struct device_attribute *attr,
			       char *buf)
{
	const struct nova_gsp *gsp = &nova_from_dev(dev)->gsp_rm;
	unsigned int i;
	int len = 0;

	/* At most 16 lines of 38 characters: well within a page. */
	for (i = 0; i < gsp->num_fb_regions; i++)
		len += sysfs_emit_at(buf, len, "0x%llx-0x%llx\n",
				     gsp->fb_regions[i].start,
				     gsp->fb_regions[i].end - 1);
	return len;
}
static DEVICE_ATTR_RO(fb_regions);

static ssize_t bar1_pde_base_show(struct device *dev,
				  struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "0x%llx\n", nova_from_dev(dev)->gsp_rm.bar1_pde_base);
}
static DEVICE_ATTR_RO(bar1_pde_base);

static struct attribute *nova_gsp_attrs[] = {
	&dev_attr_gpu_name.attr,
	&dev_attr_vram_size.attr,
	&dev_attr_fb_regions.attr,
	&dev_attr_bar1_pde_base.attr,
	NULL
};

static const struct attribute_group nova_gsp_group = {
	.name = "nova",
	.attrs = nova_gsp_attrs,
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

/**
 * nova_sysfs_add_gsp() - add what GSP-RM told the driver to the "nova" group
 * @nd: the GPU, with GSP-RM running and its static information kept
 *
 * Return: 0, or a negative errno (the attributes are then not there).
 */
int nova_sysfs_add_gsp(struct nova_device *nd)
{
	int ret;

	ret = sysfs_merge_group(&nd->dev->kobj, &nova_gsp_group);
	if (!ret)
		nd->gsp_sysfs = true;
	return ret;
}

/**
 * nova_sysfs_remove_gsp() - remove what nova_sysfs_add_gsp() added
 * @nd: the GPU
 *
 * Waits for the readers of the files; does nothing if they are not there.
 */
void nova_sysfs_remove_gsp(struct nova_device *nd)
{
	if (!nd->gsp_sysfs)
		return;
	sysfs_unmerge_group(&nd->dev->kobj, &nova_gsp_group);
	nd->gsp_sysfs = false;
}
