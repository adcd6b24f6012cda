// SPDX-License-Identifier: GPL-2.0
/*
 * nova_core: the wait for the GPU's own firmware (GFW) to finish booting
 * the GPU (devinit) before the driver touches it.
 */

#include <linux/bitfield.h>
#include <linux/device.h>
#include <linux/iopoll.h>
#include <linux/kernel.h>

#include "device.h"
#include "regs.h"

/* GFW boot: polled every millisecond for up to four seconds. */
#define NOVA_GFW_POLL_US		1000
#define NOVA_GFW_TIMEOUT_US		(4 * USEC_PER_SEC)

static bool nova_gfw_done(struct nova_device *nd)
{
	u32 progress;

	/* The progress register is only readable once GFW opened it. */
	if (!(nova_rd32(nd, NV_PGC6_AON_SECURE_SCRATCH_GROUP_05_PRIV_LEVEL_MASK) &
	      NV_PGC6_AON_READ_PROTECTION_LEVEL0))
		return false;
	progress = nova_rd32(nd, NV_PGC6_AON_SECURE_SCRATCH_GROUP_05_0_GFW_BOOT);
	return FIELD_GET(NV_PGC6_AON_GFW_BOOT_PROGRESS, progress) ==
	       NV_PGC6_AON_GFW_BOOT_COMPLETED;
}

/**
 * nova_gfw_boot_wait() - wait for the GPU firmware's own boot (devinit)
 * @nd: the GPU
 *
 * Return: 0 once GFW reports completion; -ETIMEDOUT after four seconds.
 */
int nova_gfw_boot_wait(struct nova_device *nd)
{
	bool done;
	int ret;

	ret = read_poll_timeout(nova_gfw_done, done, done, NOVA_GFW_POLL_US,
				NOVA_GFW_TIMEOUT_US, false, nd);
	if (ret)
		dev_err(nd->dev, "GPU firmware boot (GFW) did not complete in %u ms (progress 0x%02x)\n",
			(unsigned int)(NOVA_GFW_TIMEOUT_US / USEC_PER_MSEC),
			nova_rd32(nd, NV_PGC6_AON_SECURE_SCRATCH_GROUP_05_0_GFW_BOOT) & 0xff);
	return ret;
}
