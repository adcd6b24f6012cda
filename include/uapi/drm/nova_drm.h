/* SPDX-License-Identifier: MIT */
/*
 * UAPI of the nova DRM driver, ABI-identical to upstream Linux's nova
 * UAPI: same ioctl numbers, structure layouts and parameter ids, so that
 * user space written for upstream Nova runs unchanged. docs/uapi.md
 * documents every field and error.
 *
 * Like upstream's, this interface is not yet stable: it exists for testing
 * the driver, and grows with it.
 */
#ifndef __NOVA_DRM_H__
#define __NOVA_DRM_H__

#include "drm.h"

#if defined(__cplusplus)
extern "C" {
#endif

/**
 * define NOVA_GETPARAM_VRAM_BAR_SIZE - size of the VRAM BAR (BAR1), in bytes
 */
#define NOVA_GETPARAM_VRAM_BAR_SIZE	0x1

/**
 * struct drm_nova_getparam - query a device parameter
 * @param: in, the parameter id (NOVA_GETPARAM_*), compared on all 64 bits
 * @value: out, the parameter's value; written only on success
 */
struct drm_nova_getparam {
	__u64 param;
	__u64 value;
};

/**
 * struct drm_nova_gem_create - create a GEM object
 * @handle: out, the handle of the new object, owned by the file
 * @pad: must be zero
 * @size: in, the size in bytes; rounded up to a multiple of the page size
 */
struct drm_nova_gem_create {
	__u32 handle;
	__u32 pad;
	__u64 size;
};

/**
 * struct drm_nova_gem_info - query a GEM object
 * @handle: in, the handle of the object, in this file
 * @pad: must be zero
 * @size: out, the (page-aligned) size of the object in bytes
 */
struct drm_nova_gem_info {
	__u32 handle;
	__u32 pad;
	__u64 size;
};

#define DRM_NOVA_GETPARAM		0x00
#define DRM_NOVA_GEM_CREATE		0x01
#define DRM_NOVA_GEM_INFO		0x02

/* Enum values, rather than macros, so that bindgen sees them. */
enum {
	DRM_IOCTL_NOVA_GETPARAM = DRM_IOWR(DRM_COMMAND_BASE + DRM_NOVA_GETPARAM,
					   struct drm_nova_getparam),
	DRM_IOCTL_NOVA_GEM_CREATE = DRM_IOWR(DRM_COMMAND_BASE + DRM_NOVA_GEM_CREATE,
					     struct drm_nova_gem_create),
	DRM_IOCTL_NOVA_GEM_INFO = DRM_IOWR(DRM_COMMAND_BASE + DRM_NOVA_GEM_INFO,
					   struct drm_nova_gem_info),
};

#if defined(__cplusplus)
}
#endif

#endif /* __NOVA_DRM_H__ */
