// SPDX-License-Identifier: GPL-2.0
/*
 * nova: the DRM driver for NVIDIA GPUs with the GSP (Turing and newer).
 *
 * DOC: overview
 *
 * nova binds the auxiliary device "nova_core.nova-drm.N" that nova_core
 * creates for each GPU, and registers a DRM device on it with a primary and
 * a render node. It learns about the GPU only through the core API of
 * include/linux/nova_core.h, never from PCI or registers.
 *
 * The UAPI (include/uapi/drm/nova_drm.h) is upstream Nova's, with stricter
 * validation: see docs/uapi.md.
 *
 * When the GPU goes away (nova_core unbound, the emulated GPU removed, the
 * module unloaded), remove unplugs the DRM device: the DRM core fails every
 * ioctl with -ENODEV afterwards, every nova ioctl that reaches nova_core
 * runs inside drm_dev_enter()/drm_dev_exit() (so none is still running
 * when remove returns), and the objects of files still open are freed when
 * they are closed.
 */

#include <drm/drm_drv.h>
#include <drm/drm_file.h>
#include <drm/drm_gem.h>
#include <drm/drm_ioctl.h>
#include <drm/drm_print.h>
#include <linux/auxiliary_bus.h>
#include <linux/module.h>
#include <linux/nova_core.h>

#include <uapi/drm/nova_drm.h>

#include "nova_drv.h"

#define DRIVER_NAME		"nova"
#define DRIVER_DESC		"NVIDIA Nova"
/* Kernels before 6.14 only (see nova_compat.h). */
#define DRIVER_DATE		"20261122"
#define DRIVER_MAJOR		0
#define DRIVER_MINOR		0
#define DRIVER_PATCHLEVEL	0

static int nova_getparam_ioctl(struct drm_device *drm, void *data,
			       struct drm_file *file)
{
	struct nova_drm *nova = to_nova_drm(drm);
	struct drm_nova_getparam *args = data;
	int idx, ret = 0;

	if (!drm_dev_enter(drm, &idx))
		return -ENODEV;

	/* All 64 bits count: upstream looks at the low 32 only. */
	switch (args->param) {
	case NOVA_GETPARAM_VRAM_BAR_SIZE:
		args->value = nova_core_vram_bar_size(nova->adev);
		break;
	default:
		ret = -EINVAL;
		break;
	}

	drm_dev_exit(idx);
	return ret;
}

static const struct drm_ioctl_desc nova_ioctls[] = {
	DRM_IOCTL_DEF_DRV(NOVA_GETPARAM, nova_getparam_ioctl, DRM_RENDER_ALLOW),
	DRM_IOCTL_DEF_DRV(NOVA_GEM_CREATE, nova_gem_create_ioctl,
			  DRM_AUTH | DRM_RENDER_ALLOW),
	DRM_IOCTL_DEF_DRV(NOVA_GEM_INFO, nova_gem_info_ioctl,
			  DRM_AUTH | DRM_RENDER_ALLOW),
};

static const struct file_operations nova_fops = {
	.owner = THIS_MODULE,
	DRM_GEM_FOPS,
	.show_fdinfo = nova_show_fdinfo,
};

static const struct drm_driver nova_drm_driver = {
	.driver_features = DRIVER_GEM | DRIVER_RENDER,
	.open = nova_open,
	.postclose = nova_postclose,
	.ioctls = nova_ioctls,
	.num_ioctls = ARRAY_SIZE(nova_ioctls),
	.fops = &nova_fops,
	.name = DRIVER_NAME,
	.desc = DRIVER_DESC,
	NOVA_DRM_DRIVER_DATE(DRIVER_DATE)
	.major = DRIVER_MAJOR,
	.minor = DRIVER_MINOR,
	.patchlevel = DRIVER_PATCHLEVEL,
};

static int nova_probe(struct auxiliary_device *adev,
		      const struct auxiliary_device_id *id)
{
	struct nova_core_gsp_info gsp;
	struct nova_core_chip chip;
	struct nova_drm *nova;
	int ret;

	nova = devm_drm_dev_alloc(&adev->dev, &nova_drm_driver,
				  struct nova_drm, drm);
	if (IS_ERR(nova))
		return PTR_ERR(nova);
	nova->adev = adev;
	auxiliary_set_drvdata(adev, nova);

	ret = drm_dev_register(&nova->drm, 0);
	if (ret)
		return dev_err_probe(&adev->dev, ret,
				     "failed to register the DRM device\n");

	nova_core_get_chip(adev, &chip);
	if (!nova_core_get_gsp_info(adev, &gsp))
		drm_info(&nova->drm, "NVIDIA %s (%s): %s, VRAM %llu MiB, VRAM BAR %llu MiB\n",
			 chip.name, chip.arch,
			 gsp.gpu_name[0] ? gsp.gpu_name : "unnamed",
			 gsp.vram_size >> 20, nova_core_vram_bar_size(adev) >> 20);
	else
		drm_info(&nova->drm, "NVIDIA %s (%s), VRAM BAR %llu MiB, GSP-RM not running\n",
			 chip.name, chip.arch, nova_core_vram_bar_size(adev) >> 20);
	return 0;
}

static void nova_remove(struct auxiliary_device *adev)
{
	struct nova_drm *nova = auxiliary_get_drvdata(adev);

	/*
	 * Unregisters the device and waits for every drm_dev_enter() section
	 * to end; from here on no ioctl reaches nova_core. The device itself
	 * lives on (devm reference dropped after this) until the last file is
	 * closed.
	 */
	drm_dev_unplug(&nova->drm);
}

static const struct auxiliary_device_id nova_aux_ids[] = {
	{ .name = "nova_core." NOVA_CORE_AUX_DRM_NAME },
	{ }
};
MODULE_DEVICE_TABLE(auxiliary, nova_aux_ids);

static struct auxiliary_driver nova_aux_driver = {
	.probe = nova_probe,
	.remove = nova_remove,
	.id_table = nova_aux_ids,
};

static int __init nova_init(void)
{
	int ret;

	ret = nova_gem_init();
	if (ret)
		return ret;
	ret = auxiliary_driver_register(&nova_aux_driver);
	if (ret)
		goto gem_fini;
	return 0;

gem_fini:
	nova_gem_fini();
	return ret;
}
module_init(nova_init);

static void __exit nova_exit(void)
{
	auxiliary_driver_unregister(&nova_aux_driver);
	nova_gem_fini();
}
module_exit(nova_exit);

MODULE_DESCRIPTION("DRM driver for NVIDIA GPUs with the GSP (Turing and newer)");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(NOVA_CORE_NS);
