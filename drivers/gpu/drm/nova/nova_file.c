// SPDX-License-Identifier: GPL-2.0
/*
 * nova: per-file state and fdinfo.
 */

#include <drm/drm_drv.h>
#include <drm/drm_file.h>
#include <drm/drm_print.h>
#include <linux/atomic.h>
#include <linux/fs.h>
#include <linux/idr.h>
#include <linux/nova_core.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#include "nova_drv.h"

/* Source of fdinfo client ids; the first client is 1. */
static atomic64_t nova_client_ids = ATOMIC64_INIT(0);

/**
 * nova_open() - &drm_driver.open: set up the state of a new file
 * @drm: the DRM device
 * @file: the new file
 *
 * Return: 0, or -ENOMEM.
 */
int nova_open(struct drm_device *drm, struct drm_file *file)
{
	struct nova_file *nf;

	nf = kzalloc(sizeof(*nf), GFP_KERNEL_ACCOUNT);
	if (!nf)
		return -ENOMEM;

	nf->client_id = atomic64_inc_return(&nova_client_ids);
	file->driver_priv = nf;
	return 0;
}

/**
 * nova_postclose() - &drm_driver.postclose: free the state of a file
 * @drm: the DRM device
 * @file: the file being closed; its GEM handles are already gone
 */
void nova_postclose(struct drm_device *drm, struct drm_file *file)
{
	kfree(file->driver_priv);
}

/**
 * nova_show_fdinfo() - &file_operations.show_fdinfo
 * @m: where to print
 * @f: the open DRM file
 *
 * Prints the keys of Documentation/gpu/drm-usage-stats.rst that apply:
 * the driver, the client id, the PCI address of the GPU when it is a PCI
 * device and still present, and the GEM memory of the file. Objects have
 * no backing pages yet, so none of that memory is resident.
 */
void nova_show_fdinfo(struct seq_file *m, struct file *f)
{
	struct drm_file *file = f->private_data;
	struct drm_device *drm = file->minor->dev;
	struct nova_file *nf = file->driver_priv;
	struct drm_printer p = drm_seq_file_printer(m);
	struct drm_gem_object *obj;
	const char *pdev = NULL;
	u64 total = 0;
	int id, idx;

	drm_printf(&p, "drm-driver:\t%s\n", drm->driver->name);
	drm_printf(&p, "drm-client-id:\t%llu\n", nf->client_id);

	if (drm_dev_enter(drm, &idx)) {
		pdev = nova_core_pci_name(to_nova_drm(drm)->adev);
		if (pdev)
			drm_printf(&p, "drm-pdev:\t%s\n", pdev);
		drm_dev_exit(idx);
	}

	spin_lock(&file->table_lock);
	idr_for_each_entry(&file->object_idr, obj, id)
		total += obj->size;
	spin_unlock(&file->table_lock);

	drm_printf(&p, "drm-total-memory:\t%llu KiB\n", total >> 10);
	drm_printf(&p, "drm-resident-memory:\t0 KiB\n");
}
