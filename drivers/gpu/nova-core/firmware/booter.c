// SPDX-License-Identifier: GPL-2.0
/*
 * nova_core booter: running booter_load or booter_unload on SEC2.
 *
 * Both are heavy-secure ucodes (HS header v2, parsed by fw.c). As upstream
 * Nova and nouveau load them: app 0's code goes to IMEM 0 as secure code,
 * tagged with its offset in the payload, which is also the boot vector;
 * the OS data goes to DMEM 0, with the signature that matches the GPU's
 * fuse version patched in at the patch location; the boot ROM is told
 * where that signature lies (on the families whose boot ROM is
 * programmed). The mailboxes carry the ucode's argument in and its status
 * out.
 */

#include <linux/device.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../device.h"
#include "booter.h"
#include "fw.h"

/*
 * Index of the signature for hardware fuse version @fuse: 0 selects the
 * last one; otherwise the first signature is for fuse version @b->fuse_ver
 * and each next one for the version below.
 */
static int nova_booter_sig_index(const struct nova_fw_booter *b, u32 fuse,
				 u32 *idx)
{
	if (!fuse) {
		*idx = b->num_sigs - 1;
		return 0;
	}
	if (fuse > b->fuse_ver || b->fuse_ver - fuse >= b->num_sigs)
		return -EINVAL;
	*idx = b->fuse_ver - fuse;
	return 0;
}

/* The signature that matches the GPU's fuses, or an error logged. */
static int nova_booter_sig(struct nova_device *nd,
			   const struct nova_fw_booter *b, const char *what,
			   u32 *idx)
{
	u32 fuse;
	int ret;

	ret = nova_falcon_fuse_version(&nd->sec2, b->engine_id_mask,
				       b->ucode_id, &fuse);
	if (ret) {
		dev_err(nd->dev, "%s: no signature fuse for engines 0x%x, ucode id %u\n",
			what, b->engine_id_mask, b->ucode_id);
		return ret;
	}
	if (nova_booter_sig_index(b, fuse, idx)) {
		dev_err(nd->dev, "%s: no signature for fuse version %u (the file has %u, from version %u down)\n",
			what, fuse, b->num_sigs, b->fuse_ver);
		return -EINVAL;
	}
	return 0;
}

/**
 * nova_booter_check() - whether a booter can run on this GPU
 * @nd: the GPU
 * @b: the parsed booter_load or booter_unload file
 * @what: its name, for messages
 *
 * Checked before FWSEC-FRTS: a booter_unload that could not run would
 * leave WPR2 for good.
 *
 * Return: 0, or -EINVAL if no signature matches the GPU's fuses (logged).
 */
int nova_booter_check(struct nova_device *nd, const struct nova_fw_booter *b,
		      const char *what)
{
	u32 idx;

	return nova_booter_sig(nd, b, what, &idx);
}

/**
 * nova_booter_run() - load a booter ucode into SEC2, run it and wait for it
 * @nd: the GPU
 * @b: the parsed booter_load or booter_unload file
 * @what: "booter_load" or "booter_unload", for messages
 * @mbox0_in: MAILBOX0 before the start (the ucode's argument)
 * @mbox1_in: MAILBOX1 before the start
 * @mbox0: set to MAILBOX0 after the halt: 0 if the ucode succeeded
 *
 * Return: 0 once the ucode halted (check @mbox0); -EINVAL if no signature
 * matches the GPU's fuses; -ENOMEM; -ETIMEDOUT or another negative errno
 * from the falcon.
 */
int nova_booter_run(struct nova_device *nd, const struct nova_fw_booter *b,
		    const char *what, u32 mbox0_in, u32 mbox1_in, u32 *mbox0)
{
	struct nova_falcon_load ld = {
		.image_len = b->ucode_len,
		.imem_src = b->app0_offset,
		.imem_dst = 0,
		.imem_len = b->app0_size,
		.imem_secure = true,
		.imem_tag = b->app0_offset / NOVA_FALCON_BLOCK,
		.dmem_src = b->os_data_offset,
		.dmem_dst = 0,
		.dmem_len = b->os_data_size,
		.boot_vector = b->app0_offset,
		.brom = true,
		.pkc_data_offset = b->patch_loc - b->os_data_offset,
		.engine_id_mask = b->engine_id_mask,
		.ucode_id = b->ucode_id,
	};
	u32 idx;
	u8 *ucode;
	int ret;

	ret = nova_booter_sig(nd, b, what, &idx);
	if (ret)
		return ret;

	/* fw.c checked that the signature fits at patch_loc in the OS data. */
	ucode = kmemdup(b->ucode, b->ucode_len, GFP_KERNEL);
	if (!ucode)
		return -ENOMEM;
	memcpy(ucode + b->patch_loc, b->sigs + (size_t)idx * b->sig_len,
	       b->sig_len);
	ld.image = ucode;

	ret = nova_falcon_reset(&nd->sec2);
	if (!ret)
		ret = nova_falcon_load(&nd->sec2, &ld);
	if (!ret)
		ret = nova_falcon_boot(&nd->sec2, mbox0_in, mbox1_in, mbox0,
				       NULL);
	kfree(ucode);
	return ret;
}
