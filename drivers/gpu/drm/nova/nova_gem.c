// SPDX-License-Identifier: GPL-2.0
/*
 * nova: GEM objects and their ioctls.
 *
 * An object has no backing store yet: no VRAM (there is no VRAM allocator)
 * and no system memory (there is no mmap path). So it holds no shmem file,
 * only its size and its handles, and costs one small allocation from a
 * cache of its own (a kmalloc would round it up to 512 bytes), charged to
 * the memory cgroup of the process that creates it.
 *
 * Neither ioctl here reaches nova_core or the hardware, so neither enters
 * drm_dev_enter(): after an unplug the DRM core refuses them (-ENODEV),
 * and one already running touches only its file's objects, which live
 * until the file is closed. See docs/performance.md for what this saves.
 */

#include <drm/drm_drv.h>
#include <drm/drm_file.h>
#include <drm/drm_gem.h>
#include <linux/idr.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#include <uapi/drm/nova_drm.h>

#include "nova_drv.h"

/* The objects, charged to the creator's memory cgroup (SLAB_ACCOUNT). */
static struct kmem_cache *nova_gem_cache;

static void nova_gem_free(struct drm_gem_object *obj)
{
	struct nova_gem_object *bo = container_of(obj, struct nova_gem_object, base);

	drm_gem_object_release(obj);
	kmem_cache_free(nova_gem_cache, bo);
}

static const struct drm_gem_object_funcs nova_gem_funcs = {
	.free = nova_gem_free,
};

/**
 * nova_gem_init() - create the cache of GEM objects
 *
 * Called once at module load, before the driver is registered.
 *
 * Return: 0, or -ENOMEM.
 */
int nova_gem_init(void)
{
	nova_gem_cache = KMEM_CACHE(nova_gem_object, SLAB_ACCOUNT);
	return nova_gem_cache ? 0 : -ENOMEM;
}

/**
 * nova_gem_fini() - destroy the cache of GEM objects
 *
 * Called at module unload, after the driver is unregistered. No object is
 * left then: every open file holds a reference on the module, and objects
 * live only through the handles of files.
 */
void nova_gem_fini(void)
{
	kmem_cache_destroy(nova_gem_cache);
}

/**
 * nova_gem_create_ioctl() - DRM_IOCTL_NOVA_GEM_CREATE
 * @drm: the DRM device
 * @data: &struct drm_nova_gem_create
 * @file: the file the new handle belongs to
 *
 * Return: 0 with the handle set; -EINVAL for a non-zero pad or a zero
 * size; -E2BIG for a size over NOVA_GEM_MAX_SIZE (which covers every size
 * that would overflow when page-aligned); -ENOMEM. (Once the GPU is gone,
 * the DRM core answers -ENODEV before this runs.)
 */
int nova_gem_create_ioctl(struct drm_device *drm, void *data,
			  struct drm_file *file)
{
	struct drm_nova_gem_create *args = data;
	struct nova_gem_object *bo;
	u32 handle;
	int ret;

	if (args->pad || !args->size)
		return -EINVAL;
	if (args->size > NOVA_GEM_MAX_SIZE)
		return -E2BIG;

	bo = kmem_cache_zalloc(nova_gem_cache, GFP_KERNEL);
	if (!bo)
		return -ENOMEM;
	bo->base.funcs = &nova_gem_funcs;
	drm_gem_private_object_init(drm, &bo->base, PAGE_ALIGN(args->size));

	ret = drm_gem_handle_create(file, &bo->base, &handle);
	/* The handle holds its own reference; on failure this frees bo. */
	drm_gem_object_put(&bo->base);
	if (!ret)
		args->handle = handle;
	return ret;
}

/**
 * nova_gem_info_ioctl() - DRM_IOCTL_NOVA_GEM_INFO
 * @drm: the DRM device
 * @data: &struct drm_nova_gem_info
 * @file: the file the handle belongs to
 *
 * Return: 0 with the object's page-aligned size set; -EINVAL for a
 * non-zero pad; -ENOENT if the handle is not one of this file's. (Once the
 * GPU is gone, the DRM core answers -ENODEV before this runs.)
 */
int nova_gem_info_ioctl(struct drm_device *drm, void *data,
			struct drm_file *file)
{
	struct drm_nova_gem_info *args = data;
	struct drm_gem_object *obj;

	if (args->pad)
		return -EINVAL;

	obj = drm_gem_object_lookup(file, args->handle);
	if (!obj)
		return -ENOENT;
	args->size = obj->size;
	drm_gem_object_put(obj);
	return 0;
}
