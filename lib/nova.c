// SPDX-License-Identifier: MIT
/*
 * libnova: opening a nova node, the ioctl wrappers, error messages and the
 * library version.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xf86drm.h>

#include "nova_drm.h"
#include "internal.h"

/* libnova.h does not include the UAPI header: its copies must agree. */
_Static_assert(NOVA_PARAM_VRAM_BAR_SIZE == NOVA_GETPARAM_VRAM_BAR_SIZE,
	       "NOVA_PARAM_VRAM_BAR_SIZE");

#define STR_(x)	#x
#define STR(x)	STR_(x)

struct nova {
	int fd;
};

/* drmIoctl() (which restarts after EINTR and EAGAIN), as 0 or -errno. */
static int nova_ioctl(int fd, unsigned long req, void *arg)
{
	if (drmIoctl(fd, req, arg) == 0)
		return 0;
	return errno > 0 ? -errno : -EIO;
}

/* 0 if @fd is a nova DRM node, else -ENOTTY (or -ENOMEM, -ENODEV). */
static int check_nova(int fd)
{
	drmVersionPtr v;
	int ret;

	errno = 0;
	v = drmGetVersion(fd);
	if (!v) {
		if (errno == ENOMEM || errno == ENODEV)
			return -errno;
		return -ENOTTY;
	}
	ret = v->name && strcmp(v->name, "nova") == 0 ? 0 : -ENOTTY;
	drmFreeVersion(v);
	return ret;
}

NOVA_EXPORT int nova_open(const char *path, struct nova **out)
{
	struct nova *nova;
	int fd, ret;

	if (!path || !out)
		return -EINVAL;
	fd = open(path, O_RDWR | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	ret = check_nova(fd);
	if (ret) {
		close(fd);
		return ret;
	}
	nova = malloc(sizeof(*nova));
	if (!nova) {
		close(fd);
		return -ENOMEM;
	}
	nova->fd = fd;
	*out = nova;
	return 0;
}

NOVA_EXPORT void nova_close(struct nova *nova)
{
	int saved = errno;

	if (!nova)
		return;
	close(nova->fd);
	free(nova);
	errno = saved;
}

NOVA_EXPORT int nova_fd(const struct nova *nova)
{
	return nova ? nova->fd : -EINVAL;
}

NOVA_EXPORT int nova_getparam(struct nova *nova, uint64_t param, uint64_t *value)
{
	struct drm_nova_getparam gp = { .param = param };
	int ret;

	if (!nova || !value)
		return -EINVAL;
	ret = nova_ioctl(nova->fd, DRM_IOCTL_NOVA_GETPARAM, &gp);
	if (ret)
		return ret;
	*value = gp.value;
	return 0;
}

NOVA_EXPORT int nova_gem_create(struct nova *nova, uint64_t size, uint32_t *handle,
				uint64_t *aligned_size)
{
	struct drm_nova_gem_create c = { .size = size };
	uint64_t page = (uint64_t)sysconf(_SC_PAGESIZE);
	int ret;

	if (!nova || !handle)
		return -EINVAL;
	ret = nova_ioctl(nova->fd, DRM_IOCTL_NOVA_GEM_CREATE, &c);
	if (ret)
		return ret;
	*handle = c.handle;
	/* The kernel took it, so it is at most 1 TiB: no overflow. */
	if (aligned_size)
		*aligned_size = (size + page - 1) / page * page;
	return 0;
}

NOVA_EXPORT int nova_gem_info(struct nova *nova, uint32_t handle, uint64_t *size)
{
	struct drm_nova_gem_info i = { .handle = handle };
	int ret;

	if (!nova || !size)
		return -EINVAL;
	ret = nova_ioctl(nova->fd, DRM_IOCTL_NOVA_GEM_INFO, &i);
	if (ret)
		return ret;
	*size = i.size;
	return 0;
}

NOVA_EXPORT int nova_gem_close(struct nova *nova, uint32_t handle)
{
	struct drm_gem_close c = { .handle = handle };
	int ret;

	if (!nova)
		return -EINVAL;
	ret = nova_ioctl(nova->fd, DRM_IOCTL_GEM_CLOSE, &c);
	/* With pad 0, the DRM core's EINVAL means "no such handle". */
	return ret == -EINVAL ? -ENOENT : ret;
}

static const struct {
	int err;
	const char *msg;
} messages[] = {
	{ 0, "success" },
	{ ENODEV, "the GPU is gone (unplugged)" },
	{ E2BIG, "object too large (over 1 TiB)" },
	{ ENOENT, "no such object in this file (or, opening, no such device node)" },
	{ EACCES, "permission denied opening the device (or, on a primary node, not authenticated)" },
	{ EINVAL, "invalid argument (unknown parameter, size 0, or a NULL pointer)" },
	{ ENOMEM, "out of memory (or over the memory cgroup's limit)" },
	{ ENOTTY, "not a nova device" },
};

NOVA_EXPORT const char *nova_strerror(int err)
{
	/* The errno, positive, whatever the sign of @err (INT_MIN included). */
	unsigned int e = err < 0 ? 0U - (unsigned int)err : (unsigned int)err;
	size_t i;

	for (i = 0; i < sizeof(messages) / sizeof(messages[0]); i++)
		if ((unsigned int)messages[i].err == e)
			return messages[i].msg;
	/* glibc's strerror() gives constant strings for every errno it knows. */
	if (e < 4096 && strerrorname_np((int)e))
		return strerror((int)e);
	return "unknown error";
}

NOVA_EXPORT const char *nova_lib_version(unsigned int *major, unsigned int *minor,
					 unsigned int *micro)
{
	if (major)
		*major = NOVA_LIB_VERSION_MAJOR;
	if (minor)
		*minor = NOVA_LIB_VERSION_MINOR;
	if (micro)
		*micro = NOVA_LIB_VERSION_MICRO;
	return STR(NOVA_LIB_VERSION_MAJOR) "." STR(NOVA_LIB_VERSION_MINOR) "."
	       STR(NOVA_LIB_VERSION_MICRO);
}
