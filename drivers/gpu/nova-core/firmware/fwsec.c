// SPDX-License-Identifier: GPL-2.0
/*
 * nova_core FWSEC-FRTS. The VBIOS carries FWSEC, a heavy-secure ucode
 * for the GSP falcon. Given the FRTS command through its DMEMMAPPER
 * interface, it reserves the FRTS region at the top of VRAM and creates
 * the WPR2 write-protected region around it, which the GSP boot needs.
 *
 * The driver copies the ucode, writes the command and the signature that
 * matches the GPU's fuses into the copy's DMEM, runs it and checks that
 * WPR2 now exists where asked.
 */

#include <linux/bitfield.h>
#include <linux/bitops.h>
#include <linux/device.h>
#include <linux/dma-mapping.h>
#include <linux/slab.h>
#include <linux/nova_compat.h>

#include "../device.h"
#include "../dma.h"
#include "fw.h"
#include "fwsec.h"
#include "../regs.h"
#include "../vbios/vbios.h"

#define NOVA_FWSEC_FAIL(why, len, err, fmt, ...) \
	({ snprintf(why, len, fmt, ##__VA_ARGS__); (err); })

/*
 * Finds FWSEC's DMEMMAPPER interface through its application interface
 * table: sets *@dmem to the DMEM contents in @ucode and *@dmap to the
 * DMEMMAPPER in it. Every offset read from the ucode is checked against it.
 */
static int nova_fwsec_find_dmap(u8 *ucode, size_t len, u32 dmem_offset,
				u32 dmem_len, u32 interface_offset, u8 **dmemp,
				u8 **dmapp, char *why, size_t why_len)
{
	u32 i, base = 0, count, hdr_len, entry_len;
	bool found = false;
	u8 *dmem, *appif, *dmap;

	if (dmem_offset > len || dmem_len > len - dmem_offset)
		return NOVA_FWSEC_FAIL(why, why_len, -EINVAL,
				       "DMEM 0x%x+0x%x outside the ucode (0x%zx)",
				       dmem_offset, dmem_len, len);
	dmem = ucode + dmem_offset;

	if (interface_offset > dmem_len ||
	    dmem_len - interface_offset < NOVA_FWSEC_APPIF_HDR_LEN)
		return NOVA_FWSEC_FAIL(why, why_len, -EINVAL,
				       "interface table at 0x%x outside DMEM (0x%x)",
				       interface_offset, dmem_len);
	appif = dmem + interface_offset;
	hdr_len = appif[1];
	entry_len = appif[2];
	count = appif[3];
	if (appif[0] != NOVA_FWSEC_APPIF_VERSION ||
	    hdr_len < NOVA_FWSEC_APPIF_HDR_LEN ||
	    entry_len < NOVA_FWSEC_APPIF_ENTRY_LEN)
		return NOVA_FWSEC_FAIL(why, why_len, -EINVAL,
				       "interface table at 0x%x: version %u, header %u, entry %u bytes",
				       interface_offset, appif[0], hdr_len,
				       entry_len);
	if ((u64)interface_offset + hdr_len + (u64)count * entry_len > dmem_len)
		return NOVA_FWSEC_FAIL(why, why_len, -EINVAL,
				       "interface table at 0x%x: %u entries past the end of DMEM",
				       interface_offset, count);

	for (i = 0; i < count; i++) {
		u8 *e = appif + hdr_len + i * entry_len;

		if (get_unaligned_le32(e) == NOVA_FWSEC_APPIF_DMEMMAPPER) {
			base = get_unaligned_le32(e + 4);
			found = true;
			break;
		}
	}
	if (!found)
		return NOVA_FWSEC_FAIL(why, why_len, -EOPNOTSUPP,
				       "no DMEMMAPPER interface among %u", count);

	if ((u64)base + NOVA_FWSEC_DMAP_LEN > dmem_len)
		return NOVA_FWSEC_FAIL(why, why_len, -EINVAL,
				       "DMEMMAPPER at 0x%x past the end of DMEM (0x%x)",
				       base, dmem_len);
	dmap = dmem + base;
	if (get_unaligned_le32(dmap) != NOVA_FWSEC_DMAP_SIGNATURE)
		return NOVA_FWSEC_FAIL(why, why_len, -EINVAL,
				       "DMEMMAPPER at 0x%x: bad signature 0x%08x",
				       base, get_unaligned_le32(dmap));

	*dmemp = dmem;
	*dmapp = dmap;
	return 0;
}

/**
 * nova_fwsec_patch_frts() - write the FRTS command into an FWSEC ucode
 * @ucode: a writable copy of the ucode (IMEM, then DMEM)
 * @len: its length in bytes
 * @dmem_offset: offset of the DMEM contents in @ucode
 * @dmem_len: their length
 * @interface_offset: DMEM offset of the application interface table
 * @frts_start: VRAM address of the FRTS region
 * @frts_size: its size in bytes
 * @why: set to the reason on failure
 * @why_len: size of @why
 *
 * A pure function: finds the DMEMMAPPER interface, writes the READ_VBIOS
 * and FRTS_REGION input into its command buffer and sets its initial
 * command to FRTS. Every offset read from the ucode is checked against it.
 *
 * Return: 0; -EOPNOTSUPP if the ucode has no DMEMMAPPER interface; -EINVAL
 * if a table or buffer is malformed or outside DMEM.
 */
int nova_fwsec_patch_frts(u8 *ucode, size_t len, u32 dmem_offset,
			  u32 dmem_len, u32 interface_offset, u64 frts_start,
			  u64 frts_size, char *why, size_t why_len)
{
	u32 cmd_off, cmd_size;
	u8 *dmem, *dmap, *cmd;
	int ret;

	ret = nova_fwsec_find_dmap(ucode, len, dmem_offset, dmem_len,
				   interface_offset, &dmem, &dmap, why, why_len);
	if (ret)
		return ret;

	cmd_off = get_unaligned_le32(dmap + NOVA_FWSEC_DMAP_CMD_IN_OFFSET);
	cmd_size = get_unaligned_le32(dmap + NOVA_FWSEC_DMAP_CMD_IN_SIZE);
	if (cmd_size < NOVA_FWSEC_FRTS_CMD_LEN ||
	    (u64)cmd_off + NOVA_FWSEC_FRTS_CMD_LEN > dmem_len)
		return NOVA_FWSEC_FAIL(why, why_len, -EINVAL,
				       "DMEMMAPPER command buffer 0x%x+0x%x does not hold the FRTS command",
				       cmd_off, cmd_size);

	cmd = dmem + cmd_off;
	/* READ_VBIOS: the ucode finds the VBIOS itself. */
	put_unaligned_le32(1, cmd);
	put_unaligned_le32(NOVA_FWSEC_READ_VBIOS_LEN, cmd + 4);
	put_unaligned_le64(0, cmd + 8);
	put_unaligned_le32(0, cmd + 16);
	put_unaligned_le32(NOVA_FWSEC_READ_VBIOS_FLAGS, cmd + 20);
	/* FRTS_REGION, in 4 KiB units. */
	cmd += NOVA_FWSEC_READ_VBIOS_LEN;
	put_unaligned_le32(1, cmd);
	put_unaligned_le32(NOVA_FWSEC_FRTS_REGION_LEN, cmd + 4);
	put_unaligned_le32(frts_start >> 12, cmd + 8);
	put_unaligned_le32(frts_size >> 12, cmd + 12);
	put_unaligned_le32(NOVA_FWSEC_FRTS_MEDIA_FB, cmd + 16);

	put_unaligned_le32(NOVA_FWSEC_CMD_FRTS, dmap + NOVA_FWSEC_DMAP_INIT_CMD);
	why[0] = '\0';
	return 0;
}

/**
 * nova_fwsec_patch_sb() - make an FWSEC ucode run the SB command
 * @ucode: a writable copy of the ucode (IMEM, then DMEM)
 * @len: its length in bytes
 * @dmem_offset: offset of the DMEM contents in @ucode
 * @dmem_len: their length
 * @interface_offset: DMEM offset of the application interface table
 * @why: set to the reason on failure
 * @why_len: size of @why
 *
 * A pure function: sets the DMEMMAPPER's initial command to SB, which
 * takes no input: it returns the GSP falcon to its state before libos ran,
 * one step of unloading GSP-RM.
 *
 * Return: 0; -EOPNOTSUPP if the ucode has no DMEMMAPPER interface; -EINVAL
 * if a table is malformed or outside DMEM.
 */
int nova_fwsec_patch_sb(u8 *ucode, size_t len, u32 dmem_offset, u32 dmem_len,
			u32 interface_offset, char *why, size_t why_len)
{
	u8 *dmem, *dmap;
	int ret;

	ret = nova_fwsec_find_dmap(ucode, len, dmem_offset, dmem_len,
				   interface_offset, &dmem, &dmap, why, why_len);
	if (ret)
		return ret;
	put_unaligned_le32(NOVA_FWSEC_CMD_SB, dmap + NOVA_FWSEC_DMAP_INIT_CMD);
	why[0] = '\0';
	return 0;
}

/* Patches the signature matching the GPU's fuse version into DMEM. */
static int nova_fwsec_patch_sig(struct nova_device *nd,
				const struct nova_vbios *bios, u8 *dmem)
{
	const struct nova_fwsec_desc *d = &bios->desc;
	u32 fuse, idx;
	int ret;

	ret = nova_falcon_fuse_version(&nd->gsp, d->engine_id_mask,
				       d->ucode_id, &fuse);
	if (ret) {
		dev_err(nd->dev, "FWSEC: no signature fuse for engines 0x%x, ucode id %u\n",
			d->engine_id_mask, d->ucode_id);
		return ret;
	}
	if (fuse >= 16 || !(d->signature_versions & BIT(fuse))) {
		dev_err(nd->dev, "FWSEC: no signature for fuse version %u (the VBIOS has versions 0x%04x)\n",
			fuse, d->signature_versions);
		return -EINVAL;
	}
	idx = hweight16(d->signature_versions & (BIT(fuse) - 1));
	if (idx >= d->signature_count ||
	    (u64)(idx + 1) * NOVA_VBIOS_SIG_LEN > bios->sigs_len) {
		dev_err(nd->dev, "FWSEC: signature %u of fuse version %u missing (%u present)\n",
			idx, fuse, d->signature_count);
		return -EINVAL;
	}
	if ((u64)d->pkc_data_offset + NOVA_VBIOS_SIG_LEN > bios->dmem_len) {
		dev_err(nd->dev, "FWSEC: signature slot at DMEM 0x%x past the end of DMEM (0x%x)\n",
			d->pkc_data_offset, bios->dmem_len);
		return -EINVAL;
	}
	memcpy(dmem + d->pkc_data_offset, bios->sigs + idx * NOVA_VBIOS_SIG_LEN,
	       NOVA_VBIOS_SIG_LEN);
	return 0;
}

static u64 nova_wpr2_addr(u32 reg)
{
	return (u64)FIELD_GET(NV_PFB_PRI_MMU_WPR2_ADDR, reg) <<
	       NV_PFB_PRI_MMU_WPR2_SHIFT;
}

/* FWSEC v3 (GA102 and later): loaded directly, BROM-checked. */
static int nova_fwsec_run_direct(struct nova_device *nd,
				 const struct nova_vbios *bios, const u8 *ucode,
				 u32 *mbox0)
{
	const struct nova_fwsec_desc *d = &bios->desc;
	struct nova_falcon_load ld = {
		.image = ucode,
		.image_len = bios->ucode_len,
		.imem_src = bios->imem_offset,
		.imem_dst = d->imem_phys_base,
		.imem_len = bios->imem_len,
		.imem_secure = true,
		.imem_tag = d->imem_phys_base / NOVA_FALCON_BLOCK,
		.dmem_src = bios->dmem_offset,
		.dmem_dst = d->dmem_phys_base,
		.dmem_len = bios->dmem_len,
		.boot_vector = 0,
		.brom = d->version == 3,
		.pkc_data_offset = d->pkc_data_offset,
		.engine_id_mask = d->engine_id_mask,
		.ucode_id = d->ucode_id,
	};
	int ret;

	ret = nova_falcon_reset(&nd->gsp);
	if (!ret)
		ret = nova_falcon_load(&nd->gsp, &ld);
	if (!ret)
		ret = nova_falcon_boot(&nd->gsp, 0, 0, mbox0, NULL);
	return ret;
}

/*
 * The generic bootloader's descriptor, at DMEM 0: where to DMA FWSEC's
 * code and data from (packed, little endian).
 */
#define NOVA_GBL_CTX_DMA		32
#define NOVA_GBL_CODE_DMA_BASE		36
#define NOVA_GBL_NON_SEC_OFF		44
#define NOVA_GBL_NON_SEC_SIZE		48
#define NOVA_GBL_SEC_OFF		52
#define NOVA_GBL_SEC_SIZE		56
#define NOVA_GBL_ENTRY			60
#define NOVA_GBL_DATA_DMA_BASE		64
#define NOVA_GBL_DATA_SIZE		72
#define NOVA_GBL_DESC_LEN		84
/* The DMA context it uses: system memory (FALCON_DMAIDX_PHYS_SYS_NCOH). */
#define NOVA_GBL_CTX			4
/* The bootloader's code goes right below the first 64 KiB of IMEM. */
#define NOVA_GBL_IMEM_CEILING		0x10000

/*
 * FWSEC v2 (Turing, GA100): the generic bootloader is PIO-loaded into
 * non-secure IMEM with a descriptor in DMEM, and DMA-copies FWSEC from
 * system memory before running it, as nouveau and upstream Nova describe
 * it: the non-secure part [IMEMPhysBase, + IMEMLoadSize - IMEMSecSize) in
 * non-secure mode, the secure part [IMEMSecBase, + IMEMSecSize) in secure
 * mode, each from the same offset of the image, then the data
 * [DMEMOffset, + DMEMLoadSize) to DMEM 0.
 */
static int nova_fwsec_run_gbl(struct nova_device *nd,
			      const struct nova_vbios *bios, const u8 *ucode,
			      const struct nova_fw_gen_bootloader *gbl,
			      u32 *mbox0)
{
	const struct nova_fwsec_desc *d = &bios->desc;
	struct nova_falcon_load ld = {};
	u32 code_len, nsec_size, top;
	struct nova_dma_buf buf;
	dma_addr_t dma;
	u8 *img, *desc;
	int ret;

	if (d->dmem_phys_base) {
		dev_err(nd->dev, "FWSEC: DMEM base 0x%x, but the bootloader loads data at 0\n",
			d->dmem_phys_base);
		return -EINVAL;
	}
	code_len = ALIGN(gbl->code_size, NOVA_FALCON_BLOCK);
	if (code_len > NOVA_GBL_IMEM_CEILING) {
		dev_err(nd->dev, "FWSEC: bootloader size 0x%x too large\n", gbl->code_size);
		return -EINVAL;
	}
	/*
	 * Both parts are copied from their IMEM offset in the image, below
	 * the bootloader's own code.
	 */
	top = min_t(u32, NOVA_GBL_IMEM_CEILING - code_len, bios->imem_len);
	if (d->imem_sec_size > bios->imem_len ||
	    d->imem_phys_base > top ||
	    bios->imem_len - d->imem_sec_size > top - d->imem_phys_base ||
	    d->imem_sec_base > top || d->imem_sec_size > top - d->imem_sec_base) {
		dev_err(nd->dev, "FWSEC: IMEM parts [0x%x, +0x%x) and [0x%x, +0x%x) not within the image's 0x%x bytes below the bootloader at 0x%x\n",
			d->imem_phys_base, bios->imem_len - d->imem_sec_size,
			d->imem_sec_base, d->imem_sec_size, bios->imem_len,
			NOVA_GBL_IMEM_CEILING - code_len);
		return -EINVAL;
	}
	nsec_size = bios->imem_len - d->imem_sec_size;

	/* The image as it is: IMEM offsets are offsets in it. */
	ret = nova_dma_buf_from(nd->dev, ucode, bios->ucode_len, &buf);
	if (ret)
		return ret;
	dma = buf.dma;

	img = kzalloc(code_len + NOVA_GBL_DESC_LEN, GFP_KERNEL);
	if (!img) {
		ret = -ENOMEM;
		goto free_dma;
	}
	memcpy(img, gbl->code, gbl->code_size);
	desc = img + code_len;
	put_unaligned_le32(NOVA_GBL_CTX, desc + NOVA_GBL_CTX_DMA);
	put_unaligned_le64(dma, desc + NOVA_GBL_CODE_DMA_BASE);
	put_unaligned_le32(d->imem_phys_base, desc + NOVA_GBL_NON_SEC_OFF);
	put_unaligned_le32(nsec_size, desc + NOVA_GBL_NON_SEC_SIZE);
	put_unaligned_le32(d->imem_sec_base, desc + NOVA_GBL_SEC_OFF);
	put_unaligned_le32(d->imem_sec_size, desc + NOVA_GBL_SEC_SIZE);
	put_unaligned_le32(0, desc + NOVA_GBL_ENTRY);
	put_unaligned_le64(dma + bios->dmem_offset, desc + NOVA_GBL_DATA_DMA_BASE);
	put_unaligned_le32(bios->dmem_len, desc + NOVA_GBL_DATA_SIZE);

	ld.image = img;
	ld.image_len = code_len + NOVA_GBL_DESC_LEN;
	ld.imem_src = 0;
	ld.imem_dst = NOVA_GBL_IMEM_CEILING - code_len;
	ld.imem_len = code_len;
	ld.imem_tag = gbl->start_tag;
	ld.dmem_src = code_len;
	ld.dmem_dst = 0;
	ld.dmem_len = NOVA_GBL_DESC_LEN;
	ld.boot_vector = gbl->start_tag * NOVA_FALCON_BLOCK;

	ret = nova_falcon_reset(&nd->gsp);
	if (!ret)
		ret = nova_falcon_load(&nd->gsp, &ld);
	if (!ret) {
		nova_falcon_dma_ctx_sysmem(&nd->gsp, NOVA_GBL_CTX);
		ret = nova_falcon_boot(&nd->gsp, 0, 0, mbox0, NULL);
	}

	kfree(img);
free_dma:
	nova_dma_buf_free(&buf);
	return ret;
}

/* Runs a patched copy of FWSEC on the GSP falcon, directly or through the GBL. */
static int nova_fwsec_exec(struct nova_device *nd, const struct nova_vbios *bios,
			   const struct nova_fw_gen_bootloader *gbl, u8 *ucode,
			   u32 *mbox0)
{
	int ret;

	if (bios->desc.version != 3)
		return nova_fwsec_run_gbl(nd, bios, ucode, gbl, mbox0);
	ret = nova_fwsec_patch_sig(nd, bios, ucode + bios->dmem_offset);
	if (ret)
		return ret;
	return nova_fwsec_run_direct(nd, bios, ucode, mbox0);
}

/**
 * nova_fwsec_frts() - create WPR2 by running FWSEC-FRTS
 * @nd: the GPU, with its FB layout computed
 * @bios: the parsed VBIOS
 * @gbl: the generic bootloader, for v2 FWSEC descriptors (Turing, GA100);
 *	NULL for v3
 *
 * Return: 0 once WPR2 exists at the FRTS region; -EBUSY if WPR2 existed
 * before (the GPU must be reset first); -EIO if FWSEC failed or did not
 * create WPR2; another negative errno from patching, loading or running it.
 */
int nova_fwsec_frts(struct nova_device *nd, const struct nova_vbios *bios,
		    const struct nova_fw_gen_bootloader *gbl)
{
	const struct nova_fwsec_desc *d = &bios->desc;
	const struct nova_range *frts = &nd->fb.frts;
	u32 mbox0, err, lo, hi;
	char why[128];
	u8 *ucode;
	int ret;

	hi = nova_rd32(nd, NV_PFB_PRI_MMU_WPR2_ADDR_HI);
	if (nova_wpr2_addr(hi)) {
		lo = nova_rd32(nd, NV_PFB_PRI_MMU_WPR2_ADDR_LO);
		dev_err(nd->dev, "WPR2 already exists (0x%llx-0x%llx): the GPU must be reset before nova_core can bind it\n",
			nova_wpr2_addr(lo), nova_wpr2_addr(hi));
		return -EBUSY;
	}
	if (d->version == 2 && !gbl) {
		dev_err(nd->dev, "FWSEC: a v2 descriptor needs the generic bootloader\n");
		return -EINVAL;
	}

	ucode = kmemdup(bios->ucode, bios->ucode_len, GFP_KERNEL);
	if (!ucode)
		return -ENOMEM;

	ret = nova_fwsec_patch_frts(ucode, bios->ucode_len, bios->dmem_offset,
				    bios->dmem_len, d->interface_offset,
				    frts->start, frts->end - frts->start,
				    why, sizeof(why));
	if (ret) {
		dev_err(nd->dev, "FWSEC: %s\n", why);
		goto out;
	}

	ret = nova_fwsec_exec(nd, bios, gbl, ucode, &mbox0);
	if (ret)
		goto out;

	ret = -EIO;
	if (mbox0) {
		dev_err(nd->dev, "FWSEC-FRTS failed: MAILBOX0 0x%08x\n", mbox0);
		goto out;
	}
	err = FIELD_GET(NV_PBUS_SW_SCRATCH_0E_FRTS_ERR,
			nova_rd32(nd, NV_PBUS_SW_SCRATCH_0E));
	if (err) {
		dev_err(nd->dev, "FWSEC-FRTS failed: error 0x%04x\n", err);
		goto out;
	}
	lo = nova_rd32(nd, NV_PFB_PRI_MMU_WPR2_ADDR_LO);
	hi = nova_rd32(nd, NV_PFB_PRI_MMU_WPR2_ADDR_HI);
	if (!nova_wpr2_addr(hi)) {
		dev_err(nd->dev, "FWSEC-FRTS ran but created no WPR2\n");
		goto out;
	}
	if (nova_wpr2_addr(lo) != frts->start) {
		dev_err(nd->dev, "FWSEC-FRTS put WPR2 at 0x%llx, not at FRTS (0x%llx)\n",
			nova_wpr2_addr(lo), frts->start);
		goto out;
	}
	ret = 0;
out:
	kfree(ucode);
	return ret;
}

/**
 * nova_fwsec_sb() - run FWSEC-SB, the first step of unloading GSP-RM
 * @nd: the GPU
 * @bios: the parsed VBIOS
 * @gbl: the generic bootloader, for v2 FWSEC descriptors (Turing, GA100);
 *	NULL for v3
 *
 * Return: 0 if FWSEC-SB ran and reported no error; -EIO if it reported
 * one; another negative errno from patching, loading or running it.
 */
int nova_fwsec_sb(struct nova_device *nd, const struct nova_vbios *bios,
		  const struct nova_fw_gen_bootloader *gbl)
{
	const struct nova_fwsec_desc *d = &bios->desc;
	u32 mbox0, err;
	char why[128];
	u8 *ucode;
	int ret;

	if (d->version == 2 && !gbl)
		return -EINVAL;
	ucode = kmemdup(bios->ucode, bios->ucode_len, GFP_KERNEL);
	if (!ucode)
		return -ENOMEM;

	ret = nova_fwsec_patch_sb(ucode, bios->ucode_len, bios->dmem_offset,
				  bios->dmem_len, d->interface_offset, why,
				  sizeof(why));
	if (ret) {
		dev_err(nd->dev, "FWSEC: %s\n", why);
		goto out;
	}
	ret = nova_fwsec_exec(nd, bios, gbl, ucode, &mbox0);
	if (ret)
		goto out;
	err = FIELD_GET(NV_PBUS_SW_SCRATCH_15_SB_ERR,
			nova_rd32(nd, NV_PBUS_SW_SCRATCH_15));
	if (mbox0 || err) {
		dev_err(nd->dev, "FWSEC-SB failed: MAILBOX0 0x%08x, error 0x%04x\n",
			mbox0, err);
		ret = -EIO;
	}
out:
	kfree(ucode);
	return ret;
}
