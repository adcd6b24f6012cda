// SPDX-License-Identifier: GPL-2.0
/*
 * nova_emu: the emulated firmware (the ucodes the driver loads), what a
 * started falcon "runs"; it mirrors nova_core's firmware/.
 *
 * A started falcon finds a &struct nova_emu_ucode_hdr (firmware.h) at
 * IMEM[BOOTVEC] and the emulator performs, in C, what the real ucode of
 * that kind does to the GPU:
 *
 * - FWSEC (GSP falcon): for a signed image, the boot ROM's checks first
 *   (MOD_SEL, ucode id, engine mask, the synthetic signature of the GPU's
 *   fuse version at DMEM[BROM_PARAADDR0]); then the command the driver
 *   patched into the DMEMMAPPER of its application interface table: FRTS
 *   (0x15) creates WPR2 over the FRTS region, SB (0x19) does nothing here.
 * - the generic bootloader (Turing and GA100, GSP falcon): reads its
 *   descriptor at DMEM 0, DMA-copies the code and data it names from system
 *   memory into IMEM and DMEM (through the DMA context it names, which must
 *   target coherent system memory, physical; through nova_emu_host_dma(),
 *   which refuses what the driver did not map) and runs the ucode at its
 *   entry point, FWSEC.
 * - booter_load and booter_unload (SEC2 falcon), synthetic or NVIDIA's
 *   own (recognised by the CRC32 of their code): the secure loading and,
 *   on GA102 and later, the boot ROM's checks here; the rest, GspFwWprMeta
 *   and GSP-RM, in gsp/boot.c.
 *
 * The outcome is in MAILBOX0: 0 for success, else one of the
 * NOVA_EMU_MBOX_* codes (emu.h, docs/emulator.md). DMEM is written by the
 * driver, so every read of it is bounds-checked: it is hostile input.
 *
 * The models run on the falcon's CPU job (falcon.c), without the GPU's
 * lock, on a copy of the falcon's registers and on its memories, which the
 * job owns; what they change in the rest of the GPU (WPR2, the scratch
 * registers, the counters) they change under the lock.
 */

#include <linux/bitfield.h>
#include <linux/device.h>
#include <linux/platform_device.h>
#include <linux/string.h>
#include <linux/crc32.h>
#include <linux/kernel.h>
#include <linux/nova_compat.h>

#include "emu.h"
#include "firmware.h"

/* What the boot ROM expects in MOD_SEL: RSA-3K signatures. */
#define NOVA_EMU_BROM_MOD_SEL_RSA3K	1

/* Size of the FRTS region the FWSEC-FRTS command accepts, in 4 KiB units. */
#define NOVA_EMU_FRTS_SIZE_4K		0x100

/* NV_PFB_PRI_MMU_WPR2_ADDR_LO/HI: bits 31:4 hold an address >> 12. */
#define NOVA_EMU_WPR2_ADDR		GENMASK(31, 4)

/* NV_PBUS_SW_SCRATCH(0xe): FWSEC-FRTS error code in bits 31:16. */
#define NOVA_EMU_SCRATCH_0E_FRTS_ERR	GENMASK(31, 16)
/* NV_PBUS_SW_SCRATCH(0x15): FWSEC-SB error code in bits 15:0. */
#define NOVA_EMU_SCRATCH_15_SB_ERR	GENMASK(15, 0)

/**
 * nova_emu_mem_ok() - whether a range lies inside a falcon memory
 * @offs: byte offset of the range
 * @len: length of the range in bytes
 *
 * Return: true if [@offs, @offs + @len) is inside the memory.
 */
static bool nova_emu_mem_ok(u32 offs, u32 len)
{
	return len <= NOVA_EMU_FALCON_MEM_SIZE &&
	       offs <= NOVA_EMU_FALCON_MEM_SIZE - len;
}

/**
 * nova_emu_mem_rd32() - a little-endian u32 of a falcon memory
 * @mem: the memory
 * @offs: byte offset, checked by the caller with nova_emu_mem_ok()
 *
 * Return: the value.
 */
static u32 nova_emu_mem_rd32(const u8 *mem, u32 offs)
{
	return get_unaligned_le32(mem + offs);
}

/**
 * nova_emu_brom_check() - the boot ROM's checks of a signed ucode
 * @gpu: the emulated GPU
 * @f: the falcon started
 * @hdr: the ucode's header
 *
 * Return: 0 if the ucode may run, else a NOVA_EMU_MBOX_* code.
 */
static u32 nova_emu_brom_check(const struct nova_emu_gpu *gpu,
			       const struct nova_emu_falcon *f,
			       const struct nova_emu_ucode_hdr *hdr)
{
	unsigned int fuse = gpu->cfg.ga102_plus ? gpu->cfg.fuse : 0;
	unsigned int i;

	if (f->mod_sel != NOVA_EMU_BROM_MOD_SEL_RSA3K)
		return NOVA_EMU_MBOX_BROM_MOD_SEL;
	if (f->brom_ucode_id != le32_to_cpu(hdr->ucode_id))
		return NOVA_EMU_MBOX_BROM_UCODE_ID;
	if (f->brom_engidmask != le32_to_cpu(hdr->engine_id_mask))
		return NOVA_EMU_MBOX_BROM_ENGIDMASK;
	if (!nova_emu_mem_ok(f->brom_paraaddr0, NOVA_EMU_SIG_LEN))
		return NOVA_EMU_MBOX_BROM_PARAADDR;
	for (i = 0; i < NOVA_EMU_SIG_LEN; i++)
		if (f->dmem[f->brom_paraaddr0 + i] != nova_emu_sig_byte(fuse, i))
			return NOVA_EMU_MBOX_BROM_SIGNATURE;
	return 0;
}

/**
 * nova_emu_fwsec_find_dmap() - find the DMEMMAPPER of a FWSEC image
 * @dmem: the falcon's DMEM
 * @appif: DMEM offset of the application interface table
 * @dmap: set to the DMEM offset of the DMEMMAPPER
 *
 * Return: 0, or a NOVA_EMU_MBOX_* code.
 */
static u32 nova_emu_fwsec_find_dmap(const u8 *dmem, u32 appif, u32 *dmap)
{
	unsigned int i, count;

	if (!nova_emu_mem_ok(appif, NOVA_EMU_APPIF_HDR_LEN) ||
	    dmem[appif] != NOVA_EMU_APPIF_VERSION ||
	    dmem[appif + 1] != NOVA_EMU_APPIF_HDR_LEN ||
	    dmem[appif + 2] != NOVA_EMU_APPIF_ENTRY_LEN)
		return NOVA_EMU_MBOX_FWSEC_APPIF;
	count = dmem[appif + 3];
	if (!nova_emu_mem_ok(appif, NOVA_EMU_APPIF_HDR_LEN +
			     count * NOVA_EMU_APPIF_ENTRY_LEN))
		return NOVA_EMU_MBOX_FWSEC_APPIF;

	for (i = 0; i < count; i++) {
		u32 e = appif + NOVA_EMU_APPIF_HDR_LEN +
			i * NOVA_EMU_APPIF_ENTRY_LEN;

		if (nova_emu_mem_rd32(dmem, e) == NOVA_EMU_APPIF_ID_DMEMMAPPER) {
			*dmap = nova_emu_mem_rd32(dmem, e + 4);
			return 0;
		}
	}
	return NOVA_EMU_MBOX_FWSEC_NO_DMAP;
}

/**
 * nova_emu_fwsec_frts() - the FWSEC-FRTS command
 * @gpu: the emulated GPU
 * @dmem: the falcon's DMEM
 * @dmap: DMEM offset of the DMEMMAPPER, checked to be inside DMEM
 *
 * Checks the command's input (READ_VBIOS, then FRTS_REGION) and creates
 * WPR2 over the FRTS region; fwsec=nowpr2 creates none, fwsec=frtserr
 * none and leaves an error code in SW scratch 0xe with MAILBOX0 clear,
 * fwsec=wpr2off creates it just below the region.
 *
 * Return: 0, or a NOVA_EMU_MBOX_* code.
 */
static u32 nova_emu_fwsec_frts(struct nova_emu_gpu *gpu, const u8 *dmem,
			       u32 dmap)
{
	u32 in = nova_emu_mem_rd32(dmem, dmap + NOVA_EMU_DMAP_CMD_IN_OFFSET);
	u32 in_size = nova_emu_mem_rd32(dmem, dmap + NOVA_EMU_DMAP_CMD_IN_SIZE);
	u32 frts = in + NOVA_EMU_FRTS_READ_VBIOS_LEN;
	unsigned long flags;
	u64 addr_4k, size_4k;

	if (in_size < NOVA_EMU_FRTS_READ_VBIOS_LEN + NOVA_EMU_FRTS_REGION_LEN ||
	    !nova_emu_mem_ok(in, in_size))
		return NOVA_EMU_MBOX_FWSEC_CMD_IN;

	/* READ_VBIOS: version 1, its own size; where it reads is ignored. */
	if (nova_emu_mem_rd32(dmem, in) != 1 ||
	    nova_emu_mem_rd32(dmem, in + 4) != NOVA_EMU_FRTS_READ_VBIOS_LEN)
		return NOVA_EMU_MBOX_FWSEC_READ_VBIOS;

	/* FRTS_REGION: version, size, address, size, media type. */
	if (nova_emu_mem_rd32(dmem, frts) != 1 ||
	    nova_emu_mem_rd32(dmem, frts + 4) != NOVA_EMU_FRTS_REGION_LEN)
		return NOVA_EMU_MBOX_FWSEC_FRTS_HDR;
	addr_4k = nova_emu_mem_rd32(dmem, frts + 8);
	size_4k = nova_emu_mem_rd32(dmem, frts + 12);
	if (size_4k != NOVA_EMU_FRTS_SIZE_4K ||
	    nova_emu_mem_rd32(dmem, frts + 16) != NOVA_EMU_FRTS_MEDIA_FB)
		return NOVA_EMU_MBOX_FWSEC_FRTS_REGION;
	if (addr_4k + size_4k > gpu->cfg.fb_size >> 12)
		return NOVA_EMU_MBOX_FWSEC_FRTS_RANGE;

	spin_lock_irqsave(&gpu->lock, flags);
	if (gpu->wpr2_hi) {
		spin_unlock_irqrestore(&gpu->lock, flags);
		return NOVA_EMU_MBOX_FWSEC_WPR2_EXISTS;
	}
	gpu->scratch_0e = 0;
	switch (gpu->cfg.fwsec) {
	case NOVA_EMU_FWSEC_NOWPR2:
		break;
	case NOVA_EMU_FWSEC_FRTSERR:
		u32p_replace_bits(&gpu->scratch_0e, NOVA_EMU_FRTS_ERR,
				  NOVA_EMU_SCRATCH_0E_FRTS_ERR);
		break;
	case NOVA_EMU_FWSEC_WPR2OFF:
		/* Just below the region, or above it if there is no room. */
		addr_4k = addr_4k >= size_4k ? addr_4k - size_4k :
					       addr_4k + size_4k;
		fallthrough;
	default:
		gpu->wpr2_lo = FIELD_PREP(NOVA_EMU_WPR2_ADDR, addr_4k);
		gpu->wpr2_hi = FIELD_PREP(NOVA_EMU_WPR2_ADDR,
					  addr_4k + size_4k - 1);
		break;
	}
	spin_unlock_irqrestore(&gpu->lock, flags);
	return 0;
}

/**
 * nova_emu_split_check() - check where the parts of a split ucode landed
 * @f: the falcon, started at the non-secure part's header (IMEM 0)
 * @sec: the IMEM offset of the secure part, from that header
 *
 * A real split ucode starts in its non-secure part and jumps into its
 * secure part, which runs only if it was loaded, in secure mode, at the
 * addresses it was built for: every block of the non-secure part must be
 * non-secure, and the secure part (its &struct nova_emu_ucode_sec, then
 * the rest of its size) must be there and secure, block by block.
 *
 * Return: 0, or %NOVA_EMU_MBOX_SPLIT.
 */
static u32 nova_emu_split_check(const struct nova_emu_falcon *f, u32 sec)
{
	u32 size, b;

	if (!sec || !IS_ALIGNED(sec, 256) ||
	    !nova_emu_mem_ok(sec, sizeof(struct nova_emu_ucode_sec)) ||
	    nova_emu_mem_rd32(f->imem, sec) != NOVA_EMU_UCODE_SEC_MAGIC)
		return NOVA_EMU_MBOX_SPLIT;
	size = nova_emu_mem_rd32(f->imem, sec + 4);
	if (!size || !IS_ALIGNED(size, 256) || !nova_emu_mem_ok(sec, size))
		return NOVA_EMU_MBOX_SPLIT;
	for (b = 0; b < sec / 256; b++)
		if (test_bit(b, f->imem_secure))
			return NOVA_EMU_MBOX_SPLIT;
	for (b = sec / 256; b < (sec + size) / 256; b++)
		if (!test_bit(b, f->imem_secure))
			return NOVA_EMU_MBOX_SPLIT;
	return 0;
}

/**
 * nova_emu_fwsec_run() - run an emulated FWSEC
 * @gpu: the emulated GPU
 * @f: the GSP falcon
 * @hdr: the ucode's header
 *
 * A failing FRTS command leaves its error code (the low 16 bits of the
 * MAILBOX0 code) in bits 31:16 of NV_PBUS_SW_SCRATCH(0xe), a failing SB
 * command in bits 15:0 of NV_PBUS_SW_SCRATCH(0x15), as the real FWSEC
 * does; a signed image the boot ROM refuses does not run and leaves both.
 *
 * Return: 0, or a NOVA_EMU_MBOX_* code.
 */
static u32 nova_emu_fwsec_run(struct nova_emu_gpu *gpu,
			      const struct nova_emu_falcon *f,
			      const struct nova_emu_ucode_hdr *hdr)
{
	u32 dmap, cmd = 0, ret;
	unsigned long flags;

	nova_emu_count(gpu, &gpu->fwsec_runs);
	if (le32_to_cpu(hdr->flags) & NOVA_EMU_UCODE_F_SPLIT) {
		ret = nova_emu_split_check(f, le32_to_cpu(hdr->sec_offset));
		if (ret)
			return ret;
	}
	if (le32_to_cpu(hdr->flags) & NOVA_EMU_UCODE_F_SIGNED) {
		ret = nova_emu_brom_check(gpu, f, hdr);
		if (ret)
			return ret;
	}

	ret = nova_emu_fwsec_find_dmap(f->dmem,
				       le32_to_cpu(hdr->interface_offset),
				       &dmap);
	if (ret)
		goto fail;
	if (!nova_emu_mem_ok(dmap, NOVA_EMU_DMAP_LEN) ||
	    nova_emu_mem_rd32(f->dmem, dmap + NOVA_EMU_DMAP_SIG) !=
		NOVA_EMU_DMAP_SIGNATURE ||
	    get_unaligned_le16(f->dmem + dmap + NOVA_EMU_DMAP_VER) !=
		NOVA_EMU_DMAP_VERSION ||
	    get_unaligned_le16(f->dmem + dmap + NOVA_EMU_DMAP_SIZE) !=
		NOVA_EMU_DMAP_LEN) {
		ret = NOVA_EMU_MBOX_FWSEC_DMAP;
		goto fail;
	}

	cmd = nova_emu_mem_rd32(f->dmem, dmap + NOVA_EMU_DMAP_INIT_CMD);
	if (gpu->cfg.fwsec == NOVA_EMU_FWSEC_FAIL) {
		ret = NOVA_EMU_MBOX_FWSEC_FAIL;
		goto fail;
	}
	switch (cmd) {
	case NOVA_EMU_FWSEC_CMD_FRTS:
		ret = nova_emu_fwsec_frts(gpu, f->dmem, dmap);
		break;
	case NOVA_EMU_FWSEC_CMD_SB:
		spin_lock_irqsave(&gpu->lock, flags);
		gpu->scratch_15 &= ~NOVA_EMU_SCRATCH_15_SB_ERR;
		spin_unlock_irqrestore(&gpu->lock, flags);
		/* The GSP goes back to its state before libos. */
		nova_emu_gsp_fwsec_sb(gpu);
		ret = 0;
		break;
	default:
		ret = NOVA_EMU_MBOX_FWSEC_CMD;
		break;
	}
	if (!ret)
		return 0;

fail:
	spin_lock_irqsave(&gpu->lock, flags);
	if (cmd == NOVA_EMU_FWSEC_CMD_SB)
		u32p_replace_bits(&gpu->scratch_15, ret & 0xffff,
				  NOVA_EMU_SCRATCH_15_SB_ERR);
	else
		u32p_replace_bits(&gpu->scratch_0e, ret & 0xffff,
				  NOVA_EMU_SCRATCH_0E_FRTS_ERR);
	spin_unlock_irqrestore(&gpu->lock, flags);
	return ret;
}

/* The generic bootloader's descriptor at DMEM 0 (packed, little endian). */
#define GBL_CTX_DMA		32
#define GBL_CODE_DMA_BASE	36
#define GBL_NON_SEC_OFF		44
#define GBL_NON_SEC_SIZE	48
#define GBL_SEC_OFF		52
#define GBL_SEC_SIZE		56
#define GBL_ENTRY		60
#define GBL_DATA_DMA_BASE	64
#define GBL_DATA_SIZE		72
/* The context the bootloader DMAs through, and what it must target. */
#define GBL_CTX			4
#define GBL_TRANSCFG_MASK	GENMASK(2, 0)
#define GBL_TRANSCFG		(BIT(2) | 1)	/* physical, coherent sysmem */

/*
 * Copies [off, off + size) from system memory at base + off into mem; an
 * IMEM copy (@secure not NULL) leaves its blocks in the mode *@secure says.
 */
static u32 nova_emu_gbl_copy(struct nova_emu_gpu *gpu, struct nova_emu_falcon *f,
			     u8 *mem, u64 base, u32 off, u32 size, const bool *secure)
{
	u32 b;

	if (!size)
		return 0;
	if (!nova_emu_mem_ok(off, size))
		return NOVA_EMU_MBOX_GBL_RANGE;
	if (gpu->cfg.dma_stray)
		base += NOVA_EMU_DMA_STRAY;
	if (base + off < base ||
	    nova_emu_host_dma(gpu, base + off, mem + off, size, false)) {
		nova_emu_count(gpu, &gpu->dma_errors);
		return NOVA_EMU_MBOX_GBL_DMA;
	}
	for (b = off / 256; secure && b <= (off + size - 1) / 256; b++) {
		assign_bit(b, f->imem_secure, *secure);
		f->imem_tag[b] = b;
		set_bit(b, f->imem_tagged);
	}
	return 0;
}

/**
 * nova_emu_gbl_run() - run the emulated generic bootloader
 * @gpu: the emulated GPU
 * @f: the falcon
 * @entry: set to the entry point of the ucode it loaded
 *
 * Return: 0, or a NOVA_EMU_MBOX_* code.
 */
static u32 nova_emu_gbl_run(struct nova_emu_gpu *gpu, struct nova_emu_falcon *f,
			    u32 *entry)
{
	static const bool non_secure, secure = true;
	const u8 *d = f->dmem;
	u64 code, data;
	u32 ret;

	if (nova_emu_mem_rd32(d, GBL_CTX_DMA) != GBL_CTX ||
	    (f->transcfg[GBL_CTX] & GBL_TRANSCFG_MASK) != GBL_TRANSCFG)
		return NOVA_EMU_MBOX_GBL_CTX;

	code = get_unaligned_le64(d + GBL_CODE_DMA_BASE);
	data = get_unaligned_le64(d + GBL_DATA_DMA_BASE);
	*entry = nova_emu_mem_rd32(d, GBL_ENTRY);

	ret = nova_emu_gbl_copy(gpu, f, f->imem, code,
				nova_emu_mem_rd32(d, GBL_NON_SEC_OFF),
				nova_emu_mem_rd32(d, GBL_NON_SEC_SIZE), &non_secure);
	if (!ret)
		ret = nova_emu_gbl_copy(gpu, f, f->imem, code,
					nova_emu_mem_rd32(d, GBL_SEC_OFF),
					nova_emu_mem_rd32(d, GBL_SEC_SIZE), &secure);
	/* The data lands at DMEM 0, over the descriptor. */
	if (!ret)
		ret = nova_emu_gbl_copy(gpu, f, f->dmem, data, 0,
					nova_emu_mem_rd32(d, GBL_DATA_SIZE), NULL);
	return ret;
}

/*
 * The IMEM offset of virtual address @va: in the block validly tagged
 * va >> 8 (the block of that index if it is, else the first so tagged),
 * or @va itself if none is.
 */
static u32 nova_emu_imem_phys(const struct nova_emu_falcon *f, u32 va)
{
	u32 tag = va >> 8, b;

	if (tag < NOVA_EMU_FALCON_BLOCKS && test_bit(tag, f->imem_tagged) &&
	    f->imem_tag[tag] == tag)
		return va;
	for_each_set_bit(b, f->imem_tagged, NOVA_EMU_FALCON_BLOCKS)
		if (f->imem_tag[b] == tag)
			return b * 256 + (va & 0xff);
	return va;
}

/*
 * NVIDIA's generic bootloader, the code of gen_bootloader-570.144.bin
 * (TU10x, TU11x and GA100 share it): 512 bytes whose CRC32 (as zlib
 * computes it) is 0xbf1f7927. The emulator cannot run NVIDIA's code; it
 * recognises this one and does what it does, as for the synthetic one.
 */
#define NOVA_EMU_NVIDIA_GBL_LEN		0x200
#define NOVA_EMU_NVIDIA_GBL_CRC32	0xbf1f7927

static bool nova_emu_is_nvidia_gbl(const struct nova_emu_falcon *f, u32 phys)
{
	return nova_emu_mem_ok(phys, NOVA_EMU_NVIDIA_GBL_LEN) &&
	       (crc32_le(~0U, f->imem + phys, NOVA_EMU_NVIDIA_GBL_LEN) ^ ~0U) ==
		NOVA_EMU_NVIDIA_GBL_CRC32;
}

/*
 * NVIDIA's booters (booter_load-570.144.bin and booter_unload-570.144.bin
 * of linux-firmware; chips of a family link to one file). The emulator
 * cannot run NVIDIA's code; it recognises app 0's code, what the driver
 * loads into IMEM, by its CRC32 and does what the booter does. Measured
 * on the real files (Debian's firmware-nvidia-graphics, 570.144) with a
 * small host program: from BinHdr (u32 data_offset at 16) the payload;
 * from HsHeaderV2 (at BinHdr's header_offset, 12) the HsLoadHeaderV2 (at
 * its header_offset, 28), whose app 0 (offset and size at 20 and 24)
 * gives the code; zlib's crc32() of those app0_size bytes. The metadata
 * (HsHeaderV2's meta_data_offset, 16: fuse version, engine mask, ucode
 * id) gives the boot ROM's expected values; patch_loc (at
 * patch_loc_offset, 8) less os_data_offset gives where the signature
 * lands in DMEM. All five have app0_offset 0x100; below it, from
 * HsLoadHeaderV2's os_code_offset (0, at 0) and os_code_size (0x100, at
 * 4), the non-secure code that enters app 0, and its CRC32.
 */
static const struct nova_emu_nvidia_booter nova_emu_nvidia_booters[] = {
	{ "tu102", 0xde147e29, 0x8400, true,  0x0d, 0x0001, 0x200, 0x4236e72a },
	{ "tu102", 0x1c62e011, 0x4b00, false, 0x0d, 0x0001, 0x200, 0x2c1129e4 },
	{ "tu116", 0xc9501bf6, 0x8300, true,  0x0d, 0x0001, 0x200, 0xc48b26ab },
	{ "tu116", 0xb0331fb6, 0x4a00, false, 0x0d, 0x0001, 0x200, 0x99b7563d },
	{ "ga100", 0xd78d68e7, 0x8600, true,  0x03, 0x0001, 0x200, 0x2b311933 },
	{ "ga100", 0xe0d08b4b, 0x4c00, false, 0x03, 0x0001, 0x200, 0x9894d224 },
	{ "ga102", 0xf1c36b83, 0x8900, true,  0x03, 0x0001, 0x010, 0x0d968558 },
	{ "ga102", 0xacac497d, 0x4f00, false, 0x03, 0x0001, 0x010, 0x0d968558 },
	{ "ad102", 0xed8375b8, 0x7d00, true,  0x03, 0x0001, 0x010, 0x0d968558 },
	{ "ad102", 0xf7bddb10, 0x4f00, false, 0x03, 0x0001, 0x010, 0x0d968558 },
};

/**
 * nova_emu_nvidia_booter_find() - recognise one of NVIDIA's booters
 * @f: the falcon
 * @phys: IMEM offset of the code at the boot vector
 *
 * Return: the booter, or NULL.
 */
static const struct nova_emu_nvidia_booter *
nova_emu_nvidia_booter_find(const struct nova_emu_falcon *f, u32 phys)
{
	const struct nova_emu_nvidia_booter *nb;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(nova_emu_nvidia_booters); i++) {
		nb = &nova_emu_nvidia_booters[i];
		if (nova_emu_mem_ok(phys, nb->size) &&
		    (crc32_le(~0U, f->imem + phys, nb->size) ^ ~0U) == nb->crc)
			return nb;
	}
	return NULL;
}

#define NOVA_EMU_NVIDIA_BOOTER_OS_SIZE	0x100

/**
 * nova_emu_nvidia_booter_os_find() - recognise NVIDIA's booter entered
 *	through its non-secure code
 * @f: the falcon
 * @entry: the boot vector, a virtual IMEM address
 * @phys: set to app 0's IMEM offset where the booter is found (left
 *	alone otherwise)
 *
 * The non-secure code, at the boot vector, enters app 0's code at the
 * virtual address 0x100 above it; both must be those of one booter.
 *
 * Return: the booter, or NULL.
 */
static const struct nova_emu_nvidia_booter *
nova_emu_nvidia_booter_os_find(const struct nova_emu_falcon *f, u32 entry,
			       u32 *phys)
{
	const struct nova_emu_nvidia_booter *nb;
	u32 os = nova_emu_imem_phys(f, entry), app0, crc;

	if (!nova_emu_mem_ok(os, NOVA_EMU_NVIDIA_BOOTER_OS_SIZE))
		return NULL;
	crc = crc32_le(~0U, f->imem + os, NOVA_EMU_NVIDIA_BOOTER_OS_SIZE) ^ ~0U;
	app0 = nova_emu_imem_phys(f, entry + NOVA_EMU_NVIDIA_BOOTER_OS_SIZE);
	nb = nova_emu_nvidia_booter_find(f, app0);
	if (!nb || nb->os_crc != crc)
		return NULL;
	*phys = app0;
	return nb;
}

/**
 * nova_emu_secure_check() - whether a range of IMEM was loaded secure
 * @f: the falcon
 * @phys: IMEM offset of the range, inside IMEM
 * @size: its size in bytes, not 0
 *
 * Return: true if every 256-byte block of the range is secure.
 */
static bool nova_emu_secure_check(const struct nova_emu_falcon *f, u32 phys,
				  u32 size)
{
	u32 b;

	for (b = phys / 256; b <= (phys + size - 1) / 256; b++)
		if (!test_bit(b, f->imem_secure))
			return false;
	return true;
}

/**
 * nova_emu_booter_run() - run booter_load or booter_unload on SEC2
 * @gpu: the emulated GPU
 * @f: the SEC2 falcon
 * @phys: IMEM offset of the booter's code (what BOOTVEC found)
 * @load: booter_load (else booter_unload)
 * @nb: NVIDIA's booter it is, or NULL for a synthetic one
 * @hdr: the synthetic booter's header, or NULL for NVIDIA's
 *
 * The heavy-secure code runs only if loaded secure and, on GA102 and
 * later, if the boot ROM was programmed for it (the signature itself is
 * checked for synthetic booters only: NVIDIA's cannot be).
 *
 * Return: 0, or a NOVA_EMU_MBOX_* code.
 */
static u32 nova_emu_booter_run(struct nova_emu_gpu *gpu,
			       struct nova_emu_falcon *f, u32 phys, bool load,
			       const struct nova_emu_nvidia_booter *nb,
			       const struct nova_emu_ucode_hdr *hdr)
{
	const char *name = load ? "booter_load" : "booter_unload";
	struct device *dev = &gpu->pdev->dev;
	const char *fam;
	u32 ret = 0;

	if (!nova_emu_secure_check(f, phys, nb ? nb->size :
				   sizeof(struct nova_emu_ucode_hdr))) {
		dev_err(dev, "%s: its code at IMEM 0x%x was not loaded secure\n",
			name, phys);
		return NOVA_EMU_MBOX_BOOTER_NOT_SECURE;
	}
	if (nb) {
		const struct nova_emu_chip *chip = nova_emu_chip_of(gpu);

		fam = chip ? nova_emu_gsp_sig_section(chip->name) : NULL;
		if (!fam || strcmp(fam, nova_emu_gsp_sig_section(nb->chip))) {
			dev_err(dev, "%s: NVIDIA's %s of %s does not run on this chip\n",
				name, name, nb->chip);
			return NOVA_EMU_MBOX_BOOTER_CHIP;
		}
		if (gpu->cfg.ga102_plus) {
			if (f->mod_sel != NOVA_EMU_BROM_MOD_SEL_RSA3K)
				ret = NOVA_EMU_MBOX_BROM_MOD_SEL;
			else if (f->brom_ucode_id != nb->ucode_id)
				ret = NOVA_EMU_MBOX_BROM_UCODE_ID;
			else if (f->brom_engidmask != nb->engine_id_mask)
				ret = NOVA_EMU_MBOX_BROM_ENGIDMASK;
			else if (f->brom_paraaddr0 != nb->pkc)
				ret = NOVA_EMU_MBOX_BROM_PARAADDR;
		}
	} else if (gpu->cfg.ga102_plus &&
		   (le32_to_cpu(hdr->flags) & NOVA_EMU_UCODE_F_SIGNED)) {
		ret = nova_emu_brom_check(gpu, f, hdr);
	}
	if (ret) {
		dev_err(dev, "%s: the boot ROM refuses it (0x%08x)\n", name, ret);
		return ret;
	}
	return load ? nova_emu_booter_load(gpu, f) : nova_emu_booter_unload(gpu);
}

/* Runs the ucode at virtual address @entry; the bootloader may chain once. */
static u32 nova_emu_ucode_exec(struct nova_emu_gpu *gpu,
			       struct nova_emu_falcon *f, unsigned int inst,
			       u32 entry, bool chained)
{
	const struct nova_emu_nvidia_booter *nb;
	struct nova_emu_ucode_hdr hdr;
	u32 ret, phys = nova_emu_imem_phys(f, entry);

	if (!chained && inst == NOVA_EMU_FALCON_SEC2) {
		nb = nova_emu_nvidia_booter_find(f, phys);
		if (!nb)
			nb = nova_emu_nvidia_booter_os_find(f, entry, &phys);
		if (nb) {
			nova_emu_count(gpu, &gpu->nvidia_ucode_runs);
			return nova_emu_booter_run(gpu, f, phys, nb->load, nb, NULL);
		}
	}
	if (!chained && !gpu->cfg.ga102_plus && nova_emu_is_nvidia_gbl(f, phys)) {
		nova_emu_count(gpu, &gpu->nvidia_ucode_runs);
		ret = nova_emu_gbl_run(gpu, f, &entry);
		return ret ? ret : nova_emu_ucode_exec(gpu, f, inst, entry, true);
	}
	if (!nova_emu_mem_ok(phys, sizeof(hdr)))
		return NOVA_EMU_MBOX_NO_UCODE;
	memcpy(&hdr, f->imem + phys, sizeof(hdr));
	if (le32_to_cpu(hdr.magic) != NOVA_EMU_UCODE_MAGIC)
		return NOVA_EMU_MBOX_NO_UCODE;
	if (le32_to_cpu(hdr.version) != NOVA_EMU_UCODE_VERSION)
		return NOVA_EMU_MBOX_BAD_VERSION;

	switch (le32_to_cpu(hdr.kind)) {
	case NOVA_EMU_UCODE_FWSEC:
		if (inst != NOVA_EMU_FALCON_GSP)
			return NOVA_EMU_MBOX_BAD_KIND;
		return nova_emu_fwsec_run(gpu, f, &hdr);
	case NOVA_EMU_UCODE_GEN_BL:
		if (chained || gpu->cfg.ga102_plus)
			return NOVA_EMU_MBOX_BAD_KIND;
		ret = nova_emu_gbl_run(gpu, f, &entry);
		if (ret)
			return ret;
		return nova_emu_ucode_exec(gpu, f, inst, entry, true);
	case NOVA_EMU_UCODE_BOOTER_LOAD:
	case NOVA_EMU_UCODE_BOOTER_UNLOAD:
		if (inst != NOVA_EMU_FALCON_SEC2 || chained)
			return NOVA_EMU_MBOX_BAD_KIND;
		return nova_emu_booter_run(gpu, f, phys,
					   le32_to_cpu(hdr.kind) ==
						NOVA_EMU_UCODE_BOOTER_LOAD,
					   NULL, &hdr);
	default:
		return NOVA_EMU_MBOX_BAD_KIND;
	}
}

/**
 * nova_emu_ucode_run() - run the emulated ucode of a started falcon
 * @gpu: the emulated GPU, its lock not held
 * @f: the falcon's registers as its CPU job copied them, and its memories
 * @inst: which falcon (NOVA_EMU_FALCON_*)
 *
 * Reads the header at IMEM[BOOTVEC] and performs what the ucode of its
 * kind does. The CPU job halts the falcon afterwards.
 *
 * Return: what MAILBOX0 holds then: 0, or a NOVA_EMU_MBOX_* code.
 */
u32 nova_emu_ucode_run(struct nova_emu_gpu *gpu, struct nova_emu_falcon *f,
		       unsigned int inst)
{
	return nova_emu_ucode_exec(gpu, f, inst, f->bootvec, false);
}
