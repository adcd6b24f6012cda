// SPDX-License-Identifier: GPL-2.0
/*
 * nova: GEM objects and their ioctls.
 *
 * An object has no backing store yet: no VRAM (there is no VRAM allocator)
 * and no system memory (there is no mmap path). So it holds no shmem file,
 * only its size and its handles, and costs one small allocation, charged
 * to the memory cgroup of the process that creates it.
 */

#include <drm/drm_drv.h>
#include <drm/drm_file.h>
#include <drm/drm_gem.h>
#include <linux/mm.h>
#include <linux/slab.h>

#include <uapi/drm/nova_drm.h>

#include "nova_drv.h"

static void nova_gem_free(struct drm_gem_object *obj)
{
	struct nova_gem_object *bo = container_of(obj, struct nova_gem_object, base);

	drm_gem_object_release(obj);
	kfree(bo);
}

static const struct drm_gem_object_funcs nova_gem_funcs = {
	.free = nova_gem_free,
};

/**
 * nova_gem_create_ioctl() - DRM_IOCTL_NOVA_GEM_CREATE
 * @drm: the DRM device
 * @data: &struct drm_nova_gem_create
 * @file: the file the new handle belongs to
 *
 * Return: 0 with the handle set; -EINVAL for a non-zero pad or a zero
 * size; -E2BIG for a size over NOVA_GEM_MAX_SIZE (which covers every size
 * that would overflow when page-aligned); -ENODEV once the GPU is gone;
 * -ENOMEM.
 */
int nova_gem_create_ioctl(struct drm_device *drm, void *data,
			  struct drm_file *file)
{
	struct drm_nova_gem_create *args = data;
	struct nova_gem_object *bo;
	u32 handle;
	int idx, ret;

	if (args->pad || !args->size)
		return -EINVAL;
	if (args->size > NOVA_GEM_MAX_SIZE)
		return -E2BIG;

	if (!drm_dev_enter(drm, &idx))
		return -ENODEV;

	bo = kzalloc(sizeof(*bo), GFP_KERNEL_ACCOUNT);
	if (!bo) {
		ret = -ENOMEM;
		goto exit;
	}
	bo->base.funcs = &nova_gem_funcs;
	drm_gem_private_object_init(drm, &bo->base, PAGE_ALIGN(args->size));

	ret = drm_gem_handle_create(file, &bo->base, &handle);
	/* The handle holds its own reference; on failure this frees bo. */
	drm_gem_object_put(&bo->base);
	if (!ret)
		args->handle = handle;

exit:
	drm_dev_exit(idx);
	return ret;
}

/**
 * nova_gem_info_ioctl() - DRM_IOCTL_NOVA_GEM_INFO
 * @drm: the DRM device
 * @data: &struct drm_nova_gem_info
 * @file: the file the handle belongs to
 *
 * Return: 0 with the object's page-aligned size set; -EINVAL for a
 * non-zero pad; -ENOENT if the handle is not one of this file's; -ENODEV
 * once the GPU is gone.
 */
int nova_gem_info_ioctl(struct drm_device *drm, void *data,
			struct drm_file *file)
{
	struct drm_nova_gem_info *args = data;
	struct drm_gem_object *obj;
	int idx, ret = 0;

	if (args->pad)
		return -EINVAL;

	if (!drm_dev_enter(drm, &idx))
		return -ENODEV;

	obj = drm_gem_object_lookup(file, args->handle);
	if (obj) {
		args->size = obj->size;
		drm_gem_object_put(obj);
	} else {
		ret = -ENOENT;
	}

	drm_dev_exit(idx);
	return ret;
}
