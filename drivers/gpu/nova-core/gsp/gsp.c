// SPDX-License-Identifier: GPL-2.0
/*
 * nova_core GSP: the system memory GSP-RM is given for as long as it runs.
 *
 * GSP-RM finds everything through the libos arguments, one page whose bus
 * address it reads from the GSP's mailboxes: an array of
 * LibosMemoryRegionInitArgument naming the three log buffers (LOGINIT,
 * LOGINTR, LOGRM) and RMARGS (GSP_ARGUMENTS_CACHED), which in turn points
 * at the message queues. Each log buffer starts with GSP-RM's put pointer
 * followed by the buffer's own page table. The log buffers are readable in
 * debugfs (nova_core/<device>/loginit, logintr, logrm) as raw bytes.
 */

#include <linux/debugfs.h>
#include <linux/device.h>
#include <linux/interrupt.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../device.h"
#include "../devrec.h"
#include "fw.h"
#include "gsp.h"

static const char *const nova_gsp_log_names[NOVA_GSP_LOGS] = {
	[NOVA_GSP_LOG_INIT] = "LOGINIT",
	[NOVA_GSP_LOG_INTR] = "LOGINTR",
	[NOVA_GSP_LOG_RM] = "LOGRM",
};

static const char *const nova_gsp_log_files[NOVA_GSP_LOGS] = {
	[NOVA_GSP_LOG_INIT] = "loginit",
	[NOVA_GSP_LOG_INTR] = "logintr",
	[NOVA_GSP_LOG_RM] = "logrm",
};

/**
 * struct nova_gsp_kept - the log buffers of a failed boot, kept in debugfs
 * @rec: its record in &nova_gsp_kept_logs, under the device's name, also
 *	its directory's.
 * @dir: its directory under nova_core's.
 * @blob: what each file shows.
 * @data: the copies of the buffers.
 */
struct nova_gsp_kept {
	struct nova_devrec rec;
	struct dentry *dir;
	struct debugfs_blob_wrapper blob[NOVA_GSP_LOGS];
	void *data[NOVA_GSP_LOGS];
};

/* The kept logs: until the device is probed again, or the module goes. */
static struct nova_devrecs nova_gsp_kept_logs = {
	.lock = __MUTEX_INITIALIZER(nova_gsp_kept_logs.lock),
	.list = LIST_HEAD_INIT(nova_gsp_kept_logs.list),
};

static void nova_gsp_kept_free(struct nova_gsp_kept *k)
{
	int i;

	for (i = 0; i < NOVA_GSP_LOGS; i++)
		kvfree(k->data[i]);
	kfree(k);
}

static void nova_gsp_kept_release(struct nova_devrec *rec)
{
	struct nova_gsp_kept *k = container_of(rec, struct nova_gsp_kept, rec);

	debugfs_remove_recursive(k->dir);
	nova_gsp_kept_free(k);
}

/**
 * nova_gsp_kept_drop_all() - drop every kept log, at module unload
 */
void nova_gsp_kept_drop_all(void)
{
	nova_devrec_drop_all(&nova_gsp_kept_logs);
}

/*
 * Keeps a copy of the log buffers of a failed boot in debugfs, under the
 * device's name; best effort (a failed allocation keeps nothing).
 */
static void nova_gsp_keep_logs(struct nova_device *nd, struct nova_gsp *gsp)
{
	struct nova_gsp_kept *k;
	int i;

	if (IS_ERR_OR_NULL(nova_debugfs_root) || !gsp->started ||
	    !gsp->log[0].cpu)
		return;
	k = kzalloc(sizeof(*k), GFP_KERNEL);
	if (!k)
		return;
	for (i = 0; i < NOVA_GSP_LOGS; i++) {
		k->data[i] = kvmalloc(NOVA_GSP_LOG_SIZE, GFP_KERNEL);
		if (!k->data[i]) {
			nova_gsp_kept_free(k);
			return;
		}
		memcpy(k->data[i], gsp->log[i].cpu, NOVA_GSP_LOG_SIZE);
		k->blob[i].data = k->data[i];
		k->blob[i].size = NOVA_GSP_LOG_SIZE;
	}
	/* The directory of a previous failed boot goes first: same name. */
	nova_devrec_drop(&nova_gsp_kept_logs, nd->dev);
	k->dir = debugfs_create_dir(dev_name(nd->dev), nova_debugfs_root);
	for (i = 0; i < NOVA_GSP_LOGS; i++)
		debugfs_create_blob(nova_gsp_log_files[i], 0400, k->dir,
				    &k->blob[i]);
	nova_devrec_add(&nova_gsp_kept_logs, &k->rec, nd->dev,
			nova_gsp_kept_release);
	dev_info(nd->dev, "GSP-RM's logs of the failed boot stay in debugfs (nova_core/%s) until the device is probed again\n",
		 dev_name(nd->dev));
}

/* A libos region's id8: up to 8 characters, the first most significant. */
static u64 nova_libos_id8(const char *name)
{
	u64 id = 0;

	while (*name)
		id = (id << 8) | (u8)*name++;
	return id;
}

static void nova_libos_region(struct nova_libos_region *r, const char *name,
			      const struct nova_dma_buf *buf, u64 size)
{
	r->id8 = nova_libos_id8(name);
	r->pa = buf->dma;
	r->size = size;
	r->kind = NOVA_LIBOS_REGION_CONTIGUOUS;
	r->loc = NOVA_LIBOS_REGION_LOC_SYSMEM;
}

static void nova_gsp_debugfs_init(struct nova_device *nd, struct nova_gsp *gsp)
{
	int i;

	if (IS_ERR_OR_NULL(nova_debugfs_root))
		return;
	nova_devrec_drop(&nova_gsp_kept_logs, nd->dev);
	gsp->debugfs = debugfs_create_dir(dev_name(nd->dev), nova_debugfs_root);
	for (i = 0; i < NOVA_GSP_LOGS; i++) {
		gsp->log_blob[i].data = gsp->log[i].cpu;
		gsp->log_blob[i].size = NOVA_GSP_LOG_SIZE;
		debugfs_create_blob(nova_gsp_log_files[i], 0400, gsp->debugfs,
				    &gsp->log_blob[i]);
	}
}

/**
 * nova_gsp_init() - set up the memory GSP-RM will run with
 * @nd: the GPU
 *
 * Allocates and fills the libos arguments, the log buffers, RMARGS and the
 * message queues, and adds the log buffers to debugfs.
 *
 * Return: 0, or -ENOMEM with nothing left allocated.
 */
int nova_gsp_init(struct nova_device *nd)
{
	struct nova_gsp *gsp = &nd->gsp_rm;
	struct nova_libos_region *regions;
	struct nova_gsp_args_cached *args;
	int i, ret;

	ret = nova_dma_buf_alloc(nd->dev, NOVA_GSP_PAGE_SIZE, &gsp->libos);
	if (ret)
		return ret;
	regions = gsp->libos.cpu;

	for (i = 0; i < NOVA_GSP_LOGS; i++) {
		u64 *log;

		ret = nova_dma_buf_alloc(nd->dev, NOVA_GSP_LOG_SIZE, &gsp->log[i]);
		if (ret)
			goto fail;
		/* u64[0] is the put pointer; the page table follows it. */
		log = gsp->log[i].cpu;
		nova_gsp_radix3_fill(log + 1, NOVA_GSP_LOG_SIZE / NOVA_GSP_PAGE_SIZE,
				     gsp->log[i].dma);
		nova_libos_region(&regions[i], nova_gsp_log_names[i],
				  &gsp->log[i], NOVA_GSP_LOG_SIZE);
	}

	ret = nova_gsp_cmdq_init(nd, gsp);
	if (ret)
		goto fail;
	ret = nova_gsp_rpc_init(gsp);
	if (ret)
		goto fail;

	ret = nova_dma_buf_alloc(nd->dev, NOVA_GSP_PAGE_SIZE, &gsp->rmargs);
	if (ret)
		goto fail;
	args = gsp->rmargs.cpu;
	args->mq.shared_mem_phys_addr = gsp->shm.dma;
	args->mq.page_table_entry_count = NOVA_GSP_SHM_SIZE / NOVA_GSP_PAGE_SIZE;
	args->mq.cmd_queue_offset = NOVA_GSP_CMDQ_OFFSET;
	args->mq.stat_queue_offset = NOVA_GSP_MSGQ_OFFSET;
	/* r570: GSP-RM keeps its stack in DMEM. A cold boot resumes nothing. */
	args->dmem_stack = 1;
	nova_libos_region(&regions[NOVA_GSP_LOGS], "RMARGS", &gsp->rmargs,
			  NOVA_GSP_PAGE_SIZE);

	nova_gsp_debugfs_init(nd, gsp);
	return 0;

fail:
	nova_gsp_fini(nd, false);
	return ret;
}

/**
 * nova_gsp_fini() - free what nova_gsp_init() set up
 * @nd: the GPU, whose GSP-RM does not run (any more)
 * @keep_logs: the boot failed: keep a copy of the log buffers in debugfs
 *
 * Safe on a partly set-up or already freed GSP.
 */
void nova_gsp_fini(struct nova_device *nd, bool keep_logs)
{
	struct nova_gsp *gsp = &nd->gsp_rm;
	int i;

	debugfs_remove_recursive(gsp->debugfs);
	gsp->debugfs = NULL;
	if (keep_logs)
		nova_gsp_keep_logs(nd, gsp);
	nova_dma_buf_free(&gsp->rmargs);
	if (gsp->rpc_inited) {
		/*
		 * No interrupt thread may look at the queues any more; one
		 * running now unmasks what it handled when it ends, hence the
		 * second mask.
		 */
		nova_falcon_irq_disable(&nd->gsp, NV_PFALCON_IRQ_SWGEN0);
		if (nd->irq)
			synchronize_irq(nd->irq);
		nova_falcon_irq_disable(&nd->gsp, NV_PFALCON_IRQ_SWGEN0);
		nova_gsp_rpc_fini(gsp);
	}
	gsp->rpc_inited = false;
	nova_gsp_cmdq_fini(gsp);
	for (i = 0; i < NOVA_GSP_LOGS; i++)
		nova_dma_buf_free(&gsp->log[i]);
	nova_dma_buf_free(&gsp->libos);
}
