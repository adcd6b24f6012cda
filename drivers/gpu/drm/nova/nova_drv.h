/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nova: the DRM driver for NVIDIA GPUs with the GSP, internal definitions.
 */
#ifndef __NOVA_DRV_H__
#define __NOVA_DRV_H__

#include <drm/drm_device.h>
#include <drm/drm_gem.h>
#include <linux/sizes.h>
#include <linux/types.h>

struct auxiliary_device;
struct drm_file;
struct file;
struct seq_file;

/**
 * struct nova_drm - the DRM device of one GPU
 * @drm: the DRM device; its parent is @adev.
 * @adev: the auxiliary device nova_core created for the GPU. The core API
 *	may be called on it only inside drm_dev_enter()/drm_dev_exit(): once
 *	the GPU is unplugged, nova_core may have torn it down.
 *
 * Allocated with devm_drm_dev_alloc() on @adev; lives until the last open
 * file of the device is closed, which may be after the GPU is gone.
 */
struct nova_drm {
	struct drm_device drm;
	struct auxiliary_device *adev;
};

/**
 * struct nova_file - per-file state
 * @client_id: the client id shown in fdinfo, unique for the module's
 *	lifetime; constant after open.
 */
struct nova_file {
	u64 client_id;
};

/**
 * struct nova_gem_object - a GEM object
 * @base: the GEM object. Objects have no backing store yet (no VRAM, no
 *	mmap); an object is its size and its handles.
 */
struct nova_gem_object {
	struct drm_gem_object base;
};

/**
 * NOVA_GEM_MAX_SIZE - largest GEM object, in bytes (1 TiB)
 *
 * More than any GPU nova supports has VRAM; documented in docs/uapi.md.
 */
#define NOVA_GEM_MAX_SIZE	SZ_1T

static inline struct nova_drm *to_nova_drm(struct drm_device *drm)
{
	return container_of(drm, struct nova_drm, drm);
}

/* nova_file.c */
int nova_open(struct drm_device *drm, struct drm_file *file);
void nova_postclose(struct drm_device *drm, struct drm_file *file);
void nova_show_fdinfo(struct seq_file *m, struct file *f);

/* nova_gem.c */
int nova_gem_init(void);
void nova_gem_fini(void);
int nova_gem_create_ioctl(struct drm_device *drm, void *data,
			  struct drm_file *file);
int nova_gem_info_ioctl(struct drm_device *drm, void *data,
			struct drm_file *file);

#endif /* __NOVA_DRV_H__ */
