/* SPDX-License-Identifier: MIT */
/*
 * libnova: a small C library over libdrm for the nova DRM driver (NVIDIA
 * GPUs with GSP firmware). It finds nova devices through sysfs, with the
 * facts nova_core knows about each GPU, and wraps nova's ioctls.
 *
 * Conventions (docs/libnova.md):
 *  - every function that can fail returns 0 or a negative errno (-ENODEV,
 *    -EINVAL, ...), never -1 with errno; nova_strerror() explains it;
 *  - output parameters are written only on success;
 *  - the library keeps no global state and is thread-safe: one struct
 *    nova may be used from several threads at once (each call is one or
 *    two ioctls on its file descriptor).
 *
 * Usable from C and C++. Link with `pkg-config --cflags --libs libnova`.
 */
#ifndef LIBNOVA_H
#define LIBNOVA_H

#include <stddef.h>
#include <stdint.h>

#if defined(__cplusplus)
extern "C" {
#endif

/**
 * define NOVA_LIB_VERSION_MAJOR - major version of libnova (the header)
 *
 * Changes when the ABI changes incompatibly (it is the soname's number:
 * libnova.so.0).
 */
#define NOVA_LIB_VERSION_MAJOR	0
/**
 * define NOVA_LIB_VERSION_MINOR - minor version of libnova (the header)
 *
 * Changes when functions or fields are added.
 */
#define NOVA_LIB_VERSION_MINOR	2
/**
 * define NOVA_LIB_VERSION_MICRO - micro version of libnova (the header)
 */
#define NOVA_LIB_VERSION_MICRO	0
/**
 * define NOVA_LIB_VERSION - the header's version as one number
 *
 * (major << 16) | (minor << 8) | micro, for comparisons in the preprocessor.
 */
#define NOVA_LIB_VERSION \
	((NOVA_LIB_VERSION_MAJOR << 16) | (NOVA_LIB_VERSION_MINOR << 8) | NOVA_LIB_VERSION_MICRO)

/**
 * define NOVA_PARAM_VRAM_BAR_SIZE - size of the VRAM BAR, for nova_getparam()
 *
 * The size of the GPU's VRAM BAR (PCI BAR1) in bytes; for an emulated GPU,
 * the size it was created with. The same id as NOVA_GETPARAM_VRAM_BAR_SIZE
 * of <nova_drm.h>.
 */
#define NOVA_PARAM_VRAM_BAR_SIZE	UINT64_C(0x1)

/**
 * define NOVA_GEM_MAX_SIZE - the largest object nova creates, 1 TiB
 *
 * nova_gem_create() of a larger size fails with -E2BIG.
 */
#define NOVA_GEM_MAX_SIZE	(UINT64_C(1) << 40)

/**
 * enum nova_bus - what kind of device the GPU is
 * @NOVA_BUS_UNKNOWN: neither of the below (the bus is in &nova_device_info.bus_id)
 * @NOVA_BUS_PCI: a PCI function; &nova_device_info.bus_id is its address,
 *	"0000:01:00.0"
 * @NOVA_BUS_EMULATED: a GPU emulated by nova_emu.ko (a platform device);
 *	&nova_device_info.bus_id is its name, "nova-emu.0"
 */
enum nova_bus {
	NOVA_BUS_UNKNOWN = 0,
	NOVA_BUS_PCI = 1,
	NOVA_BUS_EMULATED = 2,
};

/**
 * struct nova_device_info - one nova device, as nova_device_list() found it
 * @render_node: the render node, "/dev/dri/renderD128"; NULL if the device
 *	has none
 * @primary_node: the primary node, "/dev/dri/card0"; NULL if it has none
 * @bus: what kind of device the GPU is
 * @bus_id: the GPU's name on its bus: the PCI address "0000:01:00.0", or
 *	"nova-emu.N" for an emulated GPU
 * @sysfs_path: the GPU's directory in sysfs (the parent of nova_core's
 *	auxiliary device), "/sys/devices/pci0000:00/0000:00:02.0"
 * @facts_error: 0 if the four facts below were read from nova_core's
 *	<sysfs_path>/nova/ attributes, else the negative errno of reading them
 *	(-ENOENT: this nova_core does not expose them); a fact that could not
 *	be read is NULL (or 0)
 * @chipset: the chipset, "GA102"
 * @architecture: the architecture, "Ampere"
 * @revision: the revision, "a.1"
 * @vram_bar_size: the size of the VRAM BAR (BAR1) in bytes; a PCI GPU
 *	without a BAR1 has 0
 * @driver_error: 0 if the driver fields below are valid, else the negative
 *	errno of opening the render node or of asking it (-EACCES: no
 *	permission to open it); the other fields are valid either way
 * @driver_name: the DRM driver's name, "nova" (drmGetVersion())
 * @driver_desc: the driver's description, "NVIDIA Nova"
 * @driver_date: the driver's date, "20261122"
 * @driver_major: the driver's major version
 * @driver_minor: the driver's minor version
 * @driver_patchlevel: the driver's patch level
 * @gpu_name: the GPU's name as GSP-RM gave it, "NVIDIA GeForce RTX 3090";
 *	NULL if GSP-RM does not run on the GPU (its bring-up was skipped, or
 *	nova_core does not boot this GPU's GSP yet). Since 0.2.
 * @vram_size: the VRAM GSP-RM manages, in bytes; 0 when @gpu_name is
 *	NULL. Since 0.2.
 *
 * Every string belongs to the list and lives until nova_device_list_free().
 * Fields may be added at the end in later minor versions: the list is an
 * array of pointers, so the size of the structure is not part of the ABI.
 */
struct nova_device_info {
	const char *render_node;
	const char *primary_node;
	enum nova_bus bus;
	const char *bus_id;
	const char *sysfs_path;
	int facts_error;
	const char *chipset;
	const char *architecture;
	const char *revision;
	uint64_t vram_bar_size;
	int driver_error;
	const char *driver_name;
	const char *driver_desc;
	const char *driver_date;
	int driver_major;
	int driver_minor;
	int driver_patchlevel;
	const char *gpu_name;
	uint64_t vram_size;
};

/**
 * nova_device_list() - find every nova device
 * @list: out, a NULL-terminated array of @count devices, in the order of
 *	their render nodes (renderD128 first); free it with
 *	nova_device_list_free()
 * @count: out, the number of devices; 0 (and a list holding only NULL) if
 *	there is none, which is not an error
 *
 * Walks /sys/class/drm for the card* and renderD* nodes whose device is
 * driven by "nova", groups the nodes of one DRM device, and reads the GPU's
 * facts from sysfs. It does not use drmGetDevices2(), which skips devices
 * whose parent is on the auxiliary bus, as nova's is. To fill the driver_*
 * fields it opens each render node and calls drmGetVersion(); a node it
 * cannot open (no permission) only sets &nova_device_info.driver_error.
 * Devices that disappear during the walk are left out.
 *
 * Return: 0, or -ENOMEM, or the negative errno of reading /sys/class/drm
 * (a missing /sys/class/drm means no device: 0).
 */
int nova_device_list(struct nova_device_info ***list, size_t *count);

/**
 * nova_device_list_free() - free a list from nova_device_list()
 * @list: the list; NULL is allowed
 */
void nova_device_list_free(struct nova_device_info **list);

/*
 * struct nova - an open nova device (opaque): one open file of a nova DRM
 * node. GEM handles belong to it and are closed with it.
 */
struct nova;

/**
 * nova_open() - open a nova DRM node
 * @path: the node, "/dev/dri/renderD128" (a primary node works too, but
 *	GEM on it needs DRM authentication)
 * @out: out, the open device; close it with nova_close()
 *
 * Opens @path read-write and close-on-exec, and checks that its driver is
 * nova.
 *
 * Return: 0; -EINVAL if @path or @out is NULL; -ENOTTY if @path is not a
 * nova DRM node; -ENOMEM; or the negative errno of open(): -ENOENT (no
 * such node), -EACCES (no permission), ...
 */
int nova_open(const char *path, struct nova **out);

/**
 * nova_close() - close a nova device
 * @nova: the device; NULL is allowed
 *
 * Closes the file, which closes its GEM handles. Works after the GPU is
 * gone, too.
 */
void nova_close(struct nova *nova);

/**
 * nova_fd() - the file descriptor of an open nova device
 * @nova: the device
 *
 * For ioctls libnova does not wrap (<nova_drm.h>, libdrm). It stays owned
 * by @nova: do not close it.
 *
 * Return: the file descriptor, or -EINVAL if @nova is NULL.
 */
int nova_fd(const struct nova *nova);

/**
 * nova_getparam() - query a device parameter (DRM_IOCTL_NOVA_GETPARAM)
 * @nova: the device
 * @param: the parameter, NOVA_PARAM_*
 * @value: out, its value
 *
 * Return: 0; -EINVAL if @param is unknown (compared on all 64 bits) or
 * @nova or @value is NULL; -ENODEV if the GPU is gone.
 */
int nova_getparam(struct nova *nova, uint64_t param, uint64_t *value);

/**
 * nova_gem_create() - create a GEM object (DRM_IOCTL_NOVA_GEM_CREATE)
 * @nova: the device
 * @size: its size in bytes, 1 to NOVA_GEM_MAX_SIZE; rounded up to pages
 * @handle: out, the object's handle in this file
 * @aligned_size: out (NULL if not wanted), the object's size: @size
 *	rounded up to the page size, as the kernel rounds it
 *
 * Return: 0; -EINVAL if @size is 0 or @nova or @handle is NULL; -E2BIG if
 * @size is over 1 TiB; -ENOMEM; -ENODEV if the GPU is gone; -EACCES on an
 * unauthenticated primary node.
 */
int nova_gem_create(struct nova *nova, uint64_t size, uint32_t *handle,
		    uint64_t *aligned_size);

/**
 * nova_gem_info() - the size of a GEM object (DRM_IOCTL_NOVA_GEM_INFO)
 * @nova: the device
 * @handle: the object's handle, in this file
 * @size: out, the object's size in bytes (page-aligned)
 *
 * Return: 0; -ENOENT if @handle is not an object of this file (0, never
 * created, closed, or another file's); -EINVAL if @nova or @size is NULL;
 * -ENODEV if the GPU is gone.
 */
int nova_gem_info(struct nova *nova, uint32_t handle, uint64_t *size);

/**
 * nova_gem_close() - close a GEM handle (DRM_IOCTL_GEM_CLOSE)
 * @nova: the device
 * @handle: the handle, in this file
 *
 * The object is freed when its last handle is closed.
 *
 * Return: 0; -ENOENT if @handle is not an object of this file (the kernel
 * says EINVAL; libnova, which always passes a zero pad, says ENOENT as
 * nova_gem_info() does); -EINVAL if @nova is NULL; -ENODEV if the GPU is
 * gone.
 */
int nova_gem_close(struct nova *nova, uint32_t handle);

/**
 * nova_strerror() - a message for a libnova error
 * @err: a negative errno returned by libnova, or 0 (a positive errno is
 *	taken as its negative)
 *
 * Says what the error means for nova ("the GPU is gone (unplugged)" for
 * -ENODEV); errors without a nova meaning get strerror()'s text.
 *
 * Return: a constant string; never NULL.
 */
const char *nova_strerror(int err);

/**
 * nova_lib_version() - the version of the libnova that is running
 * @major: out (NULL if not wanted), its NOVA_LIB_VERSION_MAJOR
 * @minor: out (NULL if not wanted), its NOVA_LIB_VERSION_MINOR
 * @micro: out (NULL if not wanted), its NOVA_LIB_VERSION_MICRO
 *
 * This is the shared library's version, which may be newer than the
 * header a program was built with.
 *
 * Return: the version as a string, "0.2.0".
 */
const char *nova_lib_version(unsigned int *major, unsigned int *minor,
			     unsigned int *micro);

#if defined(__cplusplus)
}
#endif

#endif /* LIBNOVA_H */
