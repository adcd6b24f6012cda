// SPDX-License-Identifier: MIT
/*
 * libnova: finding nova devices through sysfs.
 *
 * libdrm's drmGetDevices2() does not list nova's DRM devices: their parent
 * is nova_core's auxiliary device, and libdrm knows only PCI, USB,
 * platform, host1x and virtio parents. So this walks /sys/class/drm:
 *
 *   /sys/class/drm/renderD128/device          -> the auxiliary device
 *                                                nova_core.nova-drm.N
 *   /sys/class/drm/renderD128/device/driver   -> .../drivers/nova
 *   /sys/class/drm/renderD128/device/..       -> the GPU: a PCI function,
 *                                                or nova-emu.N (platform)
 *   <GPU>/nova/{chipset,architecture,revision,vram_bar_size}
 *                                             -> nova_core's facts
 *   <GPU>/nova/{gpu_name,vram_size}           -> GSP-RM's, while it runs
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xf86drm.h>

#include "internal.h"

#define SYSFS_DRM "/sys/class/drm"

/* A DRM device being assembled from its nodes. */
struct group {
	char *aux;			/* realpath of .../<node>/device */
	char *render, *primary;		/* "/dev/dri/..." */
	unsigned long render_minor, primary_minor;
};

/* Matches "card<N>" and "renderD<N>" exactly; *n = N. */
static bool node_name(const char *name, const char *prefix, unsigned long *n)
{
	size_t l = strlen(prefix);
	char *end;

	if (strncmp(name, prefix, l) != 0 || name[l] < '0' || name[l] > '9')
		return false;
	errno = 0;
	*n = strtoul(name + l, &end, 10);
	return !errno && !*end;
}

/* The last component of what the link at @path points to, in @buf. */
static bool link_base(const char *path, char *buf, size_t size)
{
	char target[PATH_MAX];
	ssize_t n = readlink(path, target, sizeof(target) - 1);
	const char *base;

	if (n <= 0)
		return false;
	target[n] = 0;
	base = strrchr(target, '/');
	base = base ? base + 1 : target;
	if (strlen(base) >= size)
		return false;
	strcpy(buf, base);
	return true;
}

/*
 * The contents of a small sysfs file, without trailing white space, as a
 * new string; NULL if it cannot be read or is empty (errno says which:
 * ENOMEM is the only one that matters to callers).
 */
static char *read_attr(const char *dir, const char *name)
{
	char path[PATH_MAX], buf[256];
	ssize_t n;
	int fd;

	if (snprintf(path, sizeof(path), "%s/%s", dir, name) >= (int)sizeof(path))
		return NULL;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n < 0)
		return NULL;
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == ' ' || buf[n - 1] == '\t'))
		n--;
	if (n == 0) {
		errno = 0;
		return NULL;
	}
	buf[n] = 0;
	return strdup(buf);
}

/* A fact for make_info(): 0, or -errno (-ENOENT, -ENOMEM, -ENODATA if empty). */
static int read_fact(const char *dir, const char *name, char **out)
{
	errno = 0;
	*out = read_attr(dir, name);
	if (*out)
		return 0;
	return errno ? -errno : -ENODATA;
}

/* "/dev/" + DEVNAME from the node's uevent, or "/dev/dri/<name>". */
static char *dev_path(const char *name)
{
	char dir[PATH_MAX], *uevent, *line, *save = NULL, *ret = NULL;

	snprintf(dir, sizeof(dir), SYSFS_DRM "/%s", name);
	uevent = read_attr(dir, "uevent");
	for (line = uevent ? strtok_r(uevent, "\n", &save) : NULL; line && !ret;
	     line = strtok_r(NULL, "\n", &save))
		if (strncmp(line, "DEVNAME=", 8) == 0 && line[8])
			if (asprintf(&ret, "/dev/%s", line + 8) < 0)
				ret = NULL;
	free(uevent);
	if (!ret && asprintf(&ret, "/dev/dri/%s", name) < 0)
		ret = NULL;
	return ret;
}

static void free_info(struct nova_device_info *d)
{
	if (!d)
		return;
	free((char *)d->render_node);
	free((char *)d->primary_node);
	free((char *)d->bus_id);
	free((char *)d->sysfs_path);
	free((char *)d->chipset);
	free((char *)d->architecture);
	free((char *)d->revision);
	free((char *)d->gpu_name);
	free((char *)d->driver_name);
	free((char *)d->driver_desc);
	free((char *)d->driver_date);
	free(d);
}

NOVA_EXPORT void nova_device_list_free(struct nova_device_info **list)
{
	size_t i;

	if (!list)
		return;
	for (i = 0; list[i]; i++)
		free_info(list[i]);
	free(list);
}

/* Fills the driver_* fields from drmGetVersion() on @node. */
static int query_driver(struct nova_device_info *d, const char *node)
{
	drmVersionPtr v;
	int fd, ret = 0;

	fd = open(node, O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		d->driver_error = -errno;
		return 0;
	}
	errno = 0;
	v = drmGetVersion(fd);
	close(fd);
	if (!v) {
		d->driver_error = errno > 0 ? -errno : -EIO;
		return d->driver_error == -ENOMEM ? -ENOMEM : 0;
	}
	d->driver_name = strdup(v->name ? v->name : "");
	d->driver_desc = strdup(v->desc ? v->desc : "");
	d->driver_date = strdup(v->date ? v->date : "");
	d->driver_major = v->version_major;
	d->driver_minor = v->version_minor;
	d->driver_patchlevel = v->version_patchlevel;
	if (!d->driver_name || !d->driver_desc || !d->driver_date)
		ret = -ENOMEM;
	drmFreeVersion(v);
	return ret;
}

/* A device from a group of nodes; NULL with *err set if out of memory. */
static struct nova_device_info *make_info(struct group *g, int *err)
{
	struct nova_device_info *d = calloc(1, sizeof(*d));
	char *gpu = NULL, *slash, *vram = NULL, *end, sub[64], path[PATH_MAX];
	const char *base;
	int ret;

	*err = -ENOMEM;
	if (!d)
		return NULL;
	d->render_node = g->render;
	d->primary_node = g->primary;
	g->render = g->primary = NULL;

	/* The GPU is the parent of the auxiliary device. */
	gpu = strdup(g->aux);
	if (!gpu)
		goto fail;
	slash = strrchr(gpu, '/');
	if (slash && slash != gpu)
		*slash = 0;
	d->sysfs_path = gpu;
	base = strrchr(gpu, '/');
	base = base ? base + 1 : gpu;
	d->bus_id = strdup(base);
	if (!d->bus_id)
		goto fail;
	snprintf(path, sizeof(path), "%s/subsystem", gpu);
	if (link_base(path, sub, sizeof(sub))) {
		if (strcmp(sub, "pci") == 0)
			d->bus = NOVA_BUS_PCI;
		else if (strcmp(sub, "platform") == 0 && strncmp(base, "nova-emu.", 9) == 0)
			d->bus = NOVA_BUS_EMULATED;
	}

	/* nova_core's facts, in the GPU's "nova" attribute group. */
	snprintf(path, sizeof(path), "%s/nova", gpu);
	d->facts_error = read_fact(path, "chipset", (char **)&d->chipset);
	ret = read_fact(path, "architecture", (char **)&d->architecture);
	d->facts_error = d->facts_error ?: ret;
	ret = read_fact(path, "revision", (char **)&d->revision);
	d->facts_error = d->facts_error ?: ret;
	ret = read_fact(path, "vram_bar_size", &vram);
	d->facts_error = d->facts_error ?: ret;
	if (vram) {
		errno = 0;
		d->vram_bar_size = strtoull(vram, &end, 10);
		if (errno || end == vram || *end || vram[0] == '-') {
			d->vram_bar_size = 0;
			d->facts_error = d->facts_error ?: -EINVAL;
		}
		free(vram);
	}
	if (d->facts_error == -ENOMEM)
		goto fail;

	/* GSP-RM's, there only while it runs: missing is not an error. */
	ret = read_fact(path, "gpu_name", (char **)&d->gpu_name);
	if (ret == -ENOMEM)
		goto fail;
	if (!ret)
		ret = read_fact(path, "vram_size", &vram);
	if (ret == -ENOMEM)
		goto fail;
	if (!ret) {
		errno = 0;
		d->vram_size = strtoull(vram, &end, 10);
		if (errno || end == vram || *end || vram[0] == '-')
			d->vram_size = 0;
		free(vram);
	}

	if (d->render_node) {
		if (query_driver(d, d->render_node))
			goto fail;
	} else {
		d->driver_error = -ENODEV;
	}
	*err = 0;
	return d;
fail:
	free_info(d);
	return NULL;
}

static unsigned long sort_key(const struct group *g)
{
	/* Render nodes first by number; a device without one goes last. */
	return g->render ? g->render_minor : ULONG_MAX / 2 + g->primary_minor;
}

static int cmp_group(const void *a, const void *b)
{
	unsigned long ka = sort_key(a), kb = sort_key(b);

	return ka < kb ? -1 : ka > kb;
}

NOVA_EXPORT int nova_device_list(struct nova_device_info ***list, size_t *count)
{
	struct group *groups = NULL, *g;
	struct nova_device_info **out = NULL;
	size_t n = 0, cap = 0, i, k;
	struct dirent *e;
	DIR *dir;
	int ret = 0;

	if (!list || !count)
		return -EINVAL;
	dir = opendir(SYSFS_DRM);
	if (!dir && errno != ENOENT)
		return -errno;

	while (dir && (errno = 0, e = readdir(dir))) {
		char path[PATH_MAX], drv[64], *aux, *node;
		unsigned long num;
		bool render;

		if (node_name(e->d_name, "renderD", &num))
			render = true;
		else if (node_name(e->d_name, "card", &num))
			render = false;
		else
			continue;
		snprintf(path, sizeof(path), SYSFS_DRM "/%s/device/driver", e->d_name);
		if (!link_base(path, drv, sizeof(drv)) || strcmp(drv, "nova") != 0)
			continue;
		snprintf(path, sizeof(path), SYSFS_DRM "/%s/device", e->d_name);
		aux = realpath(path, NULL);
		if (!aux) {
			if (errno == ENOMEM)
				goto nomem;
			continue;	/* gone meanwhile */
		}
		for (g = NULL, i = 0; i < n; i++)
			if (strcmp(groups[i].aux, aux) == 0)
				g = &groups[i];
		if (g) {
			free(aux);
		} else {
			if (n == cap) {
				struct group *ng;

				cap = cap ? 2 * cap : 8;
				ng = realloc(groups, cap * sizeof(*groups));
				if (!ng) {
					free(aux);
					goto nomem;
				}
				groups = ng;
			}
			g = &groups[n++];
			memset(g, 0, sizeof(*g));
			g->aux = aux;
		}
		node = dev_path(e->d_name);
		if (!node)
			goto nomem;
		if (render && !g->render) {
			g->render = node;
			g->render_minor = num;
		} else if (!render && !g->primary) {
			g->primary = node;
			g->primary_minor = num;
		} else {
			free(node);
		}
	}
	if (dir && errno) {
		ret = -errno;
		goto out;
	}

	if (n)
		qsort(groups, n, sizeof(*groups), cmp_group);
	out = calloc(n + 1, sizeof(*out));
	if (!out)
		goto nomem;
	for (i = 0, k = 0; i < n; i++) {
		int err;

		out[k] = make_info(&groups[i], &err);
		if (!out[k]) {
			ret = err;
			nova_device_list_free(out);
			out = NULL;
			goto out;
		}
		k++;
	}
	*list = out;
	*count = k;
	out = NULL;
	goto out;
nomem:
	ret = -ENOMEM;
out:
	for (i = 0; i < n; i++) {
		free(groups[i].aux);
		free(groups[i].render);
		free(groups[i].primary);
	}
	free(groups);
	if (dir)
		closedir(dir);
	return ret;
}
