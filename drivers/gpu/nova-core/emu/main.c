// SPDX-License-Identifier: GPL-2.0
/*
 * nova_emu: an emulated NVIDIA GPU for nova_core.
 *
 * Each emulated GPU is a platform device "nova-emu.<id>" whose platform data
 * carries the register callbacks of its model (regs.c). nova_core binds it
 * through its register-access seam and drives it exactly as it drives a PCI
 * GPU. GPUs are created when the module loads (parameters chipset, count,
 * vram) and at run time, in the manner of netdevsim:
 *
 *   echo "ID [chipset=NAME | boot0=X boot42=Y] [vram=SIZE] [bar0=SIZE]" \
 *	> /sys/devices/nova_emu/new_device
 *   echo ID > /sys/devices/nova_emu/del_device
 *
 * See docs/emulator.md.
 */

#include <linux/ctype.h>
#include <linux/device.h>
#include <linux/dma-mapping.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/sizes.h>
#include <linux/string.h>

#include "emu.h"

/* Largest id user space may give an emulated GPU. */
#define NOVA_EMU_MAX_ID		1023
/* Most GPUs the module parameters may create at load time. */
#define NOVA_EMU_MAX_COUNT	16

#define NOVA_EMU_BAR0_DEFAULT	SZ_16M
#define NOVA_EMU_BAR0_MIN	SZ_1M
#define NOVA_EMU_BAR0_MAX	SZ_64M
#define NOVA_EMU_VRAM_DEFAULT	SZ_256M
#define NOVA_EMU_VRAM_MIN	SZ_16M
#define NOVA_EMU_VRAM_MAX	(128ULL * SZ_1G)

static char *chipset = "ga102";
module_param(chipset, charp, 0444);
MODULE_PARM_DESC(chipset, "Chipset of the GPUs created at load time, e.g. tu102, ga102, ad104 (default: ga102)");

static unsigned int count = 1;
module_param(count, uint, 0444);
MODULE_PARM_DESC(count, "Number of GPUs created at load time, 0 to 16 (default: 1)");

static char *vram = "256M";
module_param(vram, charp, 0444);
MODULE_PARM_DESC(vram, "VRAM BAR size of the GPUs created at load time, a power of two from 16M to 128G (default: 256M)");

/* The root of all emulated GPUs: /sys/devices/nova_emu. */
static struct device *nova_emu_root;

/* Protects nova_emu_gpus and serializes creation and removal of GPUs. */
static DEFINE_MUTEX(nova_emu_lock);
static LIST_HEAD(nova_emu_gpus);

static struct nova_emu_gpu *nova_emu_find(unsigned int id)
{
	struct nova_emu_gpu *gpu;

	lockdep_assert_held(&nova_emu_lock);
	list_for_each_entry(gpu, &nova_emu_gpus, node)
		if (gpu->id == id)
			return gpu;
	return NULL;
}

static ssize_t chipset_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	struct nova_core_emu_pdata *pdata = dev_get_platdata(dev);
	struct nova_emu_gpu *gpu = pdata->priv;

	return sysfs_emit(buf, "%s\n", gpu->cfg.chip ? gpu->cfg.chip->name : "raw");
}
static DEVICE_ATTR_RO(chipset);

#define NOVA_EMU_HEX_ATTR(_name, _field)				\
static ssize_t _name##_show(struct device *dev,				\
			    struct device_attribute *attr, char *buf)	\
{									\
	struct nova_core_emu_pdata *pdata = dev_get_platdata(dev);	\
	struct nova_emu_gpu *gpu = pdata->priv;				\
									\
	return sysfs_emit(buf, "0x%llx\n", (u64)gpu->cfg._field);	\
}									\
static DEVICE_ATTR_RO(_name)

NOVA_EMU_HEX_ATTR(boot0, boot0);
NOVA_EMU_HEX_ATTR(boot42, boot42);
NOVA_EMU_HEX_ATTR(bar0_size, bar0_size);
NOVA_EMU_HEX_ATTR(vram_bar_size, vram_bar_size);

static ssize_t unmodeled_show(struct device *dev,
			      struct device_attribute *attr, char *buf)
{
	struct nova_core_emu_pdata *pdata = dev_get_platdata(dev);
	struct nova_emu_gpu *gpu = pdata->priv;
	unsigned long flags;
	u64 n;

	spin_lock_irqsave(&gpu->lock, flags);
	n = gpu->unmodeled;
	spin_unlock_irqrestore(&gpu->lock, flags);
	return sysfs_emit(buf, "%llu\n", n);
}
static DEVICE_ATTR_RO(unmodeled);

static struct attribute *nova_emu_gpu_attrs[] = {
	&dev_attr_chipset.attr,
	&dev_attr_boot0.attr,
	&dev_attr_boot42.attr,
	&dev_attr_bar0_size.attr,
	&dev_attr_vram_bar_size.attr,
	&dev_attr_unmodeled.attr,
	NULL
};

static const struct attribute_group nova_emu_gpu_group = {
	.name = "emu",
	.attrs = nova_emu_gpu_attrs,
};

static const struct attribute_group *nova_emu_gpu_groups[] = {
	&nova_emu_gpu_group,
	NULL
};

static int nova_emu_create(unsigned int id, const struct nova_emu_config *cfg)
{
	struct nova_core_emu_pdata pdata = {
		.ops = &nova_emu_io_ops,
		.bar0_size = cfg->bar0_size,
		.bar1_size = cfg->vram_bar_size,
	};
	struct nova_emu_gpu *gpu;
	int ret;

	lockdep_assert_held(&nova_emu_lock);

	if (nova_emu_find(id))
		return -EEXIST;

	gpu = kzalloc(sizeof(*gpu), GFP_KERNEL);
	if (!gpu)
		return -ENOMEM;

	gpu->id = id;
	gpu->cfg = *cfg;
	nova_emu_regs_init(gpu);
	pdata.priv = gpu;

	gpu->pdev = platform_device_alloc(NOVA_CORE_EMU_DEVICE_NAME, id);
	if (!gpu->pdev) {
		ret = -ENOMEM;
		goto free_gpu;
	}

	gpu->pdev->dev.parent = nova_emu_root;
	gpu->pdev->dev.groups = nova_emu_gpu_groups;
	ret = dma_coerce_mask_and_coherent(&gpu->pdev->dev, DMA_BIT_MASK(47));
	if (ret)
		goto put_pdev;

	ret = platform_device_add_data(gpu->pdev, &pdata, sizeof(pdata));
	if (ret)
		goto put_pdev;

	ret = platform_device_add(gpu->pdev);
	if (ret)
		goto put_pdev;

	list_add_tail(&gpu->node, &nova_emu_gpus);
	return 0;

put_pdev:
	platform_device_put(gpu->pdev);
free_gpu:
	kfree(gpu);
	return ret;
}

static void nova_emu_destroy(struct nova_emu_gpu *gpu)
{
	lockdep_assert_held(&nova_emu_lock);

	list_del(&gpu->node);
	/* Unbinds nova_core first, so no register callback runs after this. */
	platform_device_unregister(gpu->pdev);
	kfree(gpu);
}

static int nova_emu_parse_size(const char *s, u64 min, u64 max, u64 *size)
{
	char *end;
	u64 v;

	if (!isdigit(*s))
		return -EINVAL;
	v = memparse(s, &end);
	if (*end || !is_power_of_2(v) || v < min || v > max)
		return -EINVAL;
	*size = v;
	return 0;
}

static int nova_emu_config_chip(struct nova_emu_config *cfg, const char *name)
{
	cfg->chip = nova_emu_chip_find(name);
	if (!cfg->chip)
		return -EINVAL;
	nova_emu_chip_boot_regs(cfg->chip, &cfg->boot0, &cfg->boot42);
	return 0;
}

/*
 * Parses "ID [chipset=NAME | boot0=X boot42=Y] [vram=SIZE] [bar0=SIZE]".
 * Without chipset or boot0/boot42 the GPU is of the module's chipset.
 */
static int nova_emu_parse(char *line, unsigned int *id,
			  struct nova_emu_config *cfg)
{
	bool have_chip = false, have_raw = false;
	char *tok, *val;
	int ret;

	memset(cfg, 0, sizeof(*cfg));
	cfg->bar0_size = NOVA_EMU_BAR0_DEFAULT;
	cfg->vram_bar_size = NOVA_EMU_VRAM_DEFAULT;

	line = strim(line);
	tok = strsep(&line, " \t");
	if (!tok || kstrtouint(tok, 10, id) || *id > NOVA_EMU_MAX_ID)
		return -EINVAL;

	while ((tok = strsep(&line, " \t"))) {
		if (!*tok)
			continue;
		val = strchr(tok, '=');
		if (!val || !val[1])
			return -EINVAL;
		*val++ = '\0';

		if (!strcmp(tok, "chipset") && !have_chip && !have_raw) {
			ret = nova_emu_config_chip(cfg, val);
			have_chip = true;
		} else if (!strcmp(tok, "boot0") && !have_chip) {
			ret = kstrtou32(val, 0, &cfg->boot0);
			have_raw = true;
		} else if (!strcmp(tok, "boot42") && !have_chip) {
			ret = kstrtou32(val, 0, &cfg->boot42);
			have_raw = true;
		} else if (!strcmp(tok, "vram")) {
			ret = nova_emu_parse_size(val, NOVA_EMU_VRAM_MIN,
						  NOVA_EMU_VRAM_MAX,
						  &cfg->vram_bar_size);
		} else if (!strcmp(tok, "bar0")) {
			ret = nova_emu_parse_size(val, NOVA_EMU_BAR0_MIN,
						  NOVA_EMU_BAR0_MAX,
						  &cfg->bar0_size);
		} else {
			ret = -EINVAL;
		}
		if (ret)
			return -EINVAL;
	}

	if (!have_chip && !have_raw)
		return nova_emu_config_chip(cfg, chipset);
	return 0;
}

static ssize_t new_device_store(struct device *dev,
				struct device_attribute *attr,
				const char *buf, size_t len)
{
	struct nova_emu_config cfg;
	unsigned int id;
	char *line;
	int ret;

	line = kstrndup(buf, len, GFP_KERNEL);
	if (!line)
		return -ENOMEM;
	ret = nova_emu_parse(line, &id, &cfg);
	kfree(line);
	if (ret) {
		dev_err(dev, "new_device: expected \"ID [chipset=NAME | boot0=X boot42=Y] [vram=SIZE] [bar0=SIZE]\"\n");
		return ret;
	}

	mutex_lock(&nova_emu_lock);
	ret = nova_emu_create(id, &cfg);
	mutex_unlock(&nova_emu_lock);
	if (ret == -EEXIST)
		dev_err(dev, "new_device: id %u is in use\n", id);

	return ret ? ret : len;
}
static DEVICE_ATTR_WO(new_device);

static ssize_t del_device_store(struct device *dev,
				struct device_attribute *attr,
				const char *buf, size_t len)
{
	struct nova_emu_gpu *gpu;
	unsigned int id;
	int ret;

	ret = kstrtouint(buf, 10, &id);
	if (ret)
		return ret;

	mutex_lock(&nova_emu_lock);
	gpu = nova_emu_find(id);
	if (gpu)
		nova_emu_destroy(gpu);
	mutex_unlock(&nova_emu_lock);

	return gpu ? len : -ENOENT;
}
static DEVICE_ATTR_WO(del_device);

static struct attribute *nova_emu_root_attrs[] = {
	&dev_attr_new_device.attr,
	&dev_attr_del_device.attr,
	NULL
};

static const struct attribute_group nova_emu_root_group = {
	.attrs = nova_emu_root_attrs,
};

static void nova_emu_destroy_all(void)
{
	struct nova_emu_gpu *gpu, *tmp;

	mutex_lock(&nova_emu_lock);
	list_for_each_entry_safe_reverse(gpu, tmp, &nova_emu_gpus, node)
		nova_emu_destroy(gpu);
	mutex_unlock(&nova_emu_lock);
}

static int __init nova_emu_init(void)
{
	struct nova_emu_config cfg = {
		.bar0_size = NOVA_EMU_BAR0_DEFAULT,
	};
	unsigned int i;
	int ret;

	if (nova_emu_config_chip(&cfg, chipset)) {
		pr_err("nova_emu: unknown chipset \"%s\"\n", chipset);
		return -EINVAL;
	}
	if (count > NOVA_EMU_MAX_COUNT) {
		pr_err("nova_emu: count %u is over %u\n", count,
		       NOVA_EMU_MAX_COUNT);
		return -EINVAL;
	}
	if (nova_emu_parse_size(vram, NOVA_EMU_VRAM_MIN, NOVA_EMU_VRAM_MAX,
				&cfg.vram_bar_size)) {
		pr_err("nova_emu: vram \"%s\" is not a power of two from 16M to 128G\n",
		       vram);
		return -EINVAL;
	}

	nova_emu_root = root_device_register("nova_emu");
	if (IS_ERR(nova_emu_root))
		return PTR_ERR(nova_emu_root);

	mutex_lock(&nova_emu_lock);
	for (i = 0, ret = 0; i < count && !ret; i++)
		ret = nova_emu_create(i, &cfg);
	mutex_unlock(&nova_emu_lock);
	if (ret)
		goto destroy_gpus;

	ret = sysfs_create_group(&nova_emu_root->kobj, &nova_emu_root_group);
	if (ret)
		goto destroy_gpus;

	return 0;

destroy_gpus:
	nova_emu_destroy_all();
	root_device_unregister(nova_emu_root);
	return ret;
}

static void __exit nova_emu_exit(void)
{
	/* Waits for writers of new_device and del_device to finish. */
	sysfs_remove_group(&nova_emu_root->kobj, &nova_emu_root_group);
	nova_emu_destroy_all();
	root_device_unregister(nova_emu_root);
}

module_init(nova_emu_init);
module_exit(nova_emu_exit);

MODULE_DESCRIPTION("Emulated NVIDIA GPU for nova_core");
MODULE_LICENSE("GPL");
