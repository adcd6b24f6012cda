// SPDX-License-Identifier: GPL-2.0
/*
 * nova_core framebuffer: VRAM size, the sysmem flush page and the FB
 * layout.
 */

#include <linux/bitfield.h>
#include <linux/device.h>
#include <linux/dma-mapping.h>
#include <linux/iopoll.h>
#include <linux/kernel.h>
#include <linux/minmax.h>
#include <linux/sizes.h>

#include "device.h"
#include "fb.h"
#include "regs.h"

/* WPR2 heap sizing (libos2: Turing and GA100; libos3: GA102 and later). */
#define NOVA_HEAP_BASE_RM		SZ_8M
#define NOVA_HEAP_BASE_RM_GH100		(14 * (u64)SZ_1M)
#define NOVA_HEAP_PER_GB_FB		(96 * SZ_1K)
#define NOVA_HEAP_CLIENT_ALLOC		(96 * (u64)SZ_1M)
#define NOVA_HEAP_LIBOS3_CARVEOUT	(22 * (u64)SZ_1M)
#define NOVA_HEAP_LIBOS2_MIN		(64 * (u64)SZ_1M)
#define NOVA_HEAP_LIBOS2_MAX		(256 * (u64)SZ_1M)
#define NOVA_HEAP_LIBOS3_MIN		(88 * (u64)SZ_1M)
#define NOVA_HEAP_LIBOS3_MAX		(280 * (u64)SZ_1M)

/* Sizes of the regions at the top of VRAM. */
#define NOVA_FB_PRAMIN_SIZE		SZ_1M
#define NOVA_FB_VBIOS_WORKSPACE		SZ_128K
#define NOVA_FB_FRTS_SIZE		SZ_1M
#define NOVA_FB_NON_WPR_HEAP_SIZE	SZ_1M

/* The heap: GSP-RM's @base, per GiB of VRAM, its clients, libos3's carveout. */
static u64 nova_fb_heap_size(bool libos3, u64 base, u64 fb_size)
{
	u64 gb = DIV_ROUND_UP_ULL(fb_size, SZ_1G);
	u64 size;

	size = base + ALIGN(gb * NOVA_HEAP_PER_GB_FB, SZ_1M) + NOVA_HEAP_CLIENT_ALLOC;
	if (libos3)
		return clamp(size + NOVA_HEAP_LIBOS3_CARVEOUT,
			     NOVA_HEAP_LIBOS3_MIN, NOVA_HEAP_LIBOS3_MAX);
	return clamp(size, NOVA_HEAP_LIBOS2_MIN, NOVA_HEAP_LIBOS2_MAX);
}

/**
 * nova_fb_wpr2_heap_size() - size of the GSP's heap inside WPR2
 * @libos3: the GSP runs libos3 (GA102 and later)
 * @fb_size: usable VRAM in bytes
 *
 * Return: the size in bytes, a multiple of 1 MiB.
 */
u64 nova_fb_wpr2_heap_size(bool libos3, u64 fb_size)
{
	return nova_fb_heap_size(libos3, NOVA_HEAP_BASE_RM, fb_size);
}

/**
 * nova_fb_wpr2_heap_size_gh100() - size of the GSP's heap on Hopper and
 *	Blackwell
 * @fb_size: usable VRAM in bytes
 *
 * libos3's, with GSP-RM's base of 14 MiB rather than 8.
 *
 * Return: the size in bytes, a multiple of 1 MiB.
 */
u64 nova_fb_wpr2_heap_size_gh100(u64 fb_size)
{
	return nova_fb_heap_size(true, NOVA_HEAP_BASE_RM_GH100, fb_size);
}

/* *start = ALIGN_DOWN(top - size, align), or false if it would wrap. */
static bool nova_fb_below(u64 top, u64 size, u64 align, u64 *start)
{
	if (top < size)
		return false;
	*start = ALIGN_DOWN(top - size, align);
	return true;
}

/**
 * nova_fb_layout_compute() - place the GSP boot's regions in VRAM
 * @p: the inputs
 * @out: the layout
 *
 * A pure function: from the top of VRAM down, the VGA workspace, FRTS, the
 * bootloader, the GSP image, the WPR2 heap (the WPR2 region spans from
 * below it up to the end of FRTS) and the non-WPR heap.
 *
 * Return: 0; -EINVAL for an empty bootloader or GSP image; -ENOSPC if the
 * regions do not fit in @p->fb_size.
 */
int nova_fb_layout_compute(const struct nova_fb_params *p,
			   struct nova_fb_layout *out)
{
	struct nova_fb_layout l = {};
	u64 base, start, heap;

	if (!p->bootloader_size || !p->gsp_size)
		return -EINVAL;
	if (p->fb_size < NOVA_FB_PRAMIN_SIZE)
		return -ENOSPC;

	l.fb.end = p->fb_size;

	/*
	 * The VGA workspace: the last MiB, unless the VBIOS says where it
	 * put it; an address below that means the workspace is the last
	 * 128 KiB, one past the end of VRAM is not believed.
	 */
	base = p->fb_size - NOVA_FB_PRAMIN_SIZE;
	start = base;
	if (p->display &&
	    (p->vga_workspace & NV_PDISP_VGA_WORKSPACE_STATUS_VALID)) {
		u64 addr = (u64)FIELD_GET(NV_PDISP_VGA_WORKSPACE_ADDR,
					  p->vga_workspace) << 16;

		if (addr < base)
			start = p->fb_size - NOVA_FB_VBIOS_WORKSPACE;
		else if (addr < p->fb_size)
			start = addr;
	}
	l.vga_workspace.start = start;
	l.vga_workspace.end = p->fb_size;

	if (!nova_fb_below(ALIGN_DOWN(start, SZ_128K), NOVA_FB_FRTS_SIZE, 1,
			   &l.frts.start))
		return -ENOSPC;
	l.frts.end = l.frts.start + NOVA_FB_FRTS_SIZE;

	if (!nova_fb_below(l.frts.start, p->bootloader_size, SZ_4K,
			   &l.boot.start))
		return -ENOSPC;
	l.boot.end = l.boot.start + p->bootloader_size;

	if (!nova_fb_below(l.boot.start, p->gsp_size, SZ_64K, &l.elf.start))
		return -ENOSPC;
	l.elf.end = l.elf.start + p->gsp_size;

	heap = nova_fb_wpr2_heap_size(p->libos3, p->fb_size);
	if (!nova_fb_below(l.elf.start, heap, SZ_1M, &l.wpr2_heap.start))
		return -ENOSPC;
	l.wpr2_heap.end = ALIGN_DOWN(l.elf.start, SZ_1M);

	if (!nova_fb_below(l.wpr2_heap.start, NOVA_FB_WPR_META_SIZE, SZ_1M,
			   &l.wpr2.start))
		return -ENOSPC;
	l.wpr2.end = l.frts.end;

	if (!nova_fb_below(l.wpr2.start, NOVA_FB_NON_WPR_HEAP_SIZE, 1,
			   &l.heap.start))
		return -ENOSPC;
	l.heap.end = l.wpr2.start;

	*out = l;
	return 0;
}

static int nova_fb_vram_size_tu102(struct nova_device *nd, u64 *size)
{
	u32 reg = nova_rd32(nd, NV_PFB_PRI_MMU_LOCAL_MEMORY_RANGE);
	u64 mib;

	mib = (u64)FIELD_GET(NV_PFB_LOCAL_MEMORY_RANGE_MAG, reg) <<
	      FIELD_GET(NV_PFB_LOCAL_MEMORY_RANGE_SCALE, reg);
	if (reg & NV_PFB_LOCAL_MEMORY_RANGE_ECC)
		mib = mib * 15 / 16;
	*size = mib * SZ_1M;
	return 0;
}

static int nova_fb_vram_size_ga102(struct nova_device *nd, u64 *size)
{
	*size = (u64)nova_rd32(nd, NV_USABLE_FB_SIZE_IN_MB) * SZ_1M;
	return 0;
}

/* Turing: the flush register holds address bits 39:8. */
static int nova_fb_flush_set_tu102(struct nova_device *nd, dma_addr_t addr)
{
	if (upper_32_bits((u64)addr >> 8))
		return -ERANGE;
	nova_wr32(nd, NV_PFB_NISO_FLUSH_SYSMEM_ADDR, (u64)addr >> 8);
	return 0;
}

static dma_addr_t nova_fb_flush_get_tu102(struct nova_device *nd)
{
	return (u64)nova_rd32(nd, NV_PFB_NISO_FLUSH_SYSMEM_ADDR) << 8;
}

/* GA100 and later: bits 39:8 and, in a second register, bits 63:40. */
static int nova_fb_flush_set_ga100(struct nova_device *nd, dma_addr_t addr)
{
	nova_wr32(nd, NV_PFB_NISO_FLUSH_SYSMEM_ADDR_HI, (u64)addr >> 40);
	nova_wr32(nd, NV_PFB_NISO_FLUSH_SYSMEM_ADDR, lower_32_bits((u64)addr >> 8));
	return 0;
}

static dma_addr_t nova_fb_flush_get_ga100(struct nova_device *nd)
{
	u64 hi = nova_rd32(nd, NV_PFB_NISO_FLUSH_SYSMEM_ADDR_HI);
	u64 lo = nova_rd32(nd, NV_PFB_NISO_FLUSH_SYSMEM_ADDR);

	return (hi << 40) | (lo << 8);
}

/*
 * Hopper and Blackwell: the raw address, bits 31:0 in one register and
 * bits 51:32 in another, written first (the low half's write flushes).
 */
static int nova_fb_flush_set_raw(struct nova_device *nd, u32 lo, u32 hi, dma_addr_t addr)
{
	if ((u64)addr >> 52)
		return -ERANGE;
	nova_wr32(nd, hi, upper_32_bits((u64)addr));
	nova_wr32(nd, lo, lower_32_bits((u64)addr));
	return 0;
}

static dma_addr_t nova_fb_flush_get_raw(struct nova_device *nd, u32 lo, u32 hi)
{
	return (u64)FIELD_GET(NV_PFB_PCIE_FLUSH_SYSMEM_ADDR_HI, nova_rd32(nd, hi)) << 32 |
	       nova_rd32(nd, lo);
}

static int nova_fb_flush_set_gh100(struct nova_device *nd, dma_addr_t addr)
{
	return nova_fb_flush_set_raw(nd, NV_PFB_FBHUB_PCIE_FLUSH_SYSMEM_ADDR_LO_GH100,
				     NV_PFB_FBHUB_PCIE_FLUSH_SYSMEM_ADDR_HI_GH100, addr);
}

static dma_addr_t nova_fb_flush_get_gh100(struct nova_device *nd)
{
	return nova_fb_flush_get_raw(nd, NV_PFB_FBHUB_PCIE_FLUSH_SYSMEM_ADDR_LO_GH100,
				     NV_PFB_FBHUB_PCIE_FLUSH_SYSMEM_ADDR_HI_GH100);
}

/* GB10x routes sysmembar through HSHUB0's primary and egress pairs: both. */
static int nova_fb_flush_set_gb100(struct nova_device *nd, dma_addr_t addr)
{
	int ret;

	ret = nova_fb_flush_set_raw(nd, NV_PFB_HSHUB0_PCIE_FLUSH_SYSMEM_ADDR_LO_GB100,
				    NV_PFB_HSHUB0_PCIE_FLUSH_SYSMEM_ADDR_HI_GB100, addr);
	if (ret)
		return ret;
	return nova_fb_flush_set_raw(nd, NV_PFB_HSHUB0_EG_PCIE_FLUSH_SYSMEM_ADDR_LO_GB100,
				     NV_PFB_HSHUB0_EG_PCIE_FLUSH_SYSMEM_ADDR_HI_GB100, addr);
}

static dma_addr_t nova_fb_flush_get_gb100(struct nova_device *nd)
{
	return nova_fb_flush_get_raw(nd, NV_PFB_HSHUB0_PCIE_FLUSH_SYSMEM_ADDR_LO_GB100,
				     NV_PFB_HSHUB0_PCIE_FLUSH_SYSMEM_ADDR_HI_GB100);
}

static int nova_fb_flush_set_gb202(struct nova_device *nd, dma_addr_t addr)
{
	return nova_fb_flush_set_raw(nd, NV_PFB_FBHUB0_PCIE_FLUSH_SYSMEM_ADDR_LO_GB202,
				     NV_PFB_FBHUB0_PCIE_FLUSH_SYSMEM_ADDR_HI_GB202, addr);
}

static dma_addr_t nova_fb_flush_get_gb202(struct nova_device *nd)
{
	return nova_fb_flush_get_raw(nd, NV_PFB_FBHUB0_PCIE_FLUSH_SYSMEM_ADDR_LO_GB202,
				     NV_PFB_FBHUB0_PCIE_FLUSH_SYSMEM_ADDR_HI_GB202);
}

static bool nova_fb_display_tu102(struct nova_device *nd)
{
	return !(nova_rd32(nd, NV_FUSE_STATUS_OPT_DISPLAY_TU102) &
		 NV_FUSE_STATUS_OPT_DISPLAY_DISABLED);
}

static bool nova_fb_display_ga100(struct nova_device *nd)
{
	return !(nova_rd32(nd, NV_FUSE_STATUS_OPT_DISPLAY_GA100) &
		 NV_FUSE_STATUS_OPT_DISPLAY_DISABLED);
}

/** nova_fb_hal_tu102 - Turing. */
const struct nova_fb_hal nova_fb_hal_tu102 = {
	.vram_size = nova_fb_vram_size_tu102,
	.flush_set = nova_fb_flush_set_tu102,
	.flush_get = nova_fb_flush_get_tu102,
	.display_present = nova_fb_display_tu102,
	.libos3 = false,
};

/** nova_fb_hal_ga100 - GA100: Turing's VRAM size, Ampere's flush page. */
const struct nova_fb_hal nova_fb_hal_ga100 = {
	.vram_size = nova_fb_vram_size_tu102,
	.flush_set = nova_fb_flush_set_ga100,
	.flush_get = nova_fb_flush_get_ga100,
	.display_present = nova_fb_display_ga100,
	.libos3 = false,
};

/** nova_fb_hal_ga102 - GA102 and later. */
const struct nova_fb_hal nova_fb_hal_ga102 = {
	.vram_size = nova_fb_vram_size_ga102,
	.flush_set = nova_fb_flush_set_ga100,
	.flush_get = nova_fb_flush_get_ga100,
	.display_present = nova_fb_display_ga100,
	.libos3 = true,
};

/** nova_fb_hal_gh100 - Hopper: GA102's, with the FBHUB's flush registers. */
const struct nova_fb_hal nova_fb_hal_gh100 = {
	.vram_size = nova_fb_vram_size_ga102,
	.flush_set = nova_fb_flush_set_gh100,
	.flush_get = nova_fb_flush_get_gh100,
	.display_present = nova_fb_display_ga100,
	.libos3 = true,
};

/** nova_fb_hal_gb100 - Blackwell GB10x: HSHUB0's flush registers. */
const struct nova_fb_hal nova_fb_hal_gb100 = {
	.vram_size = nova_fb_vram_size_ga102,
	.flush_set = nova_fb_flush_set_gb100,
	.flush_get = nova_fb_flush_get_gb100,
	.display_present = nova_fb_display_ga100,
	.libos3 = true,
};

/** nova_fb_hal_gb202 - Blackwell GB20x: FBHUB0's flush registers. */
const struct nova_fb_hal nova_fb_hal_gb202 = {
	.vram_size = nova_fb_vram_size_ga102,
	.flush_set = nova_fb_flush_set_gb202,
	.flush_get = nova_fb_flush_get_gb202,
	.display_present = nova_fb_display_ga100,
	.libos3 = true,
};

static void nova_fb_flush_page_fini(void *data)
{
	struct nova_device *nd = data;
	const struct nova_fb_hal *hal = nd->hal->fb;

	/* Leave the register alone if something else has taken it since. */
	if (hal->flush_get(nd) == nd->flush.dma)
		hal->flush_set(nd, 0);
}

/**
 * nova_fb_flush_page_init() - give the GPU its sysmem flush page
 * @nd: the GPU
 *
 * The page is device-managed; at unbind the register is cleared, but only
 * if it still points at this page.
 *
 * Return: 0 or a negative errno.
 */
int nova_fb_flush_page_init(struct nova_device *nd)
{
	const struct nova_fb_hal *hal = nd->hal->fb;
	int ret;

	nd->flush.cpu = dmam_alloc_coherent(nd->dev, PAGE_SIZE, &nd->flush.dma,
					    GFP_KERNEL);
	if (!nd->flush.cpu)
		return -ENOMEM;

	ret = hal->flush_set(nd, nd->flush.dma);
	if (ret) {
		dev_err(nd->dev, "sysmem flush page at %pad is out of the register's reach\n",
			&nd->flush.dma);
		return ret;
	}
	return devm_add_action_or_reset(nd->dev, nova_fb_flush_page_fini, nd);
}

/**
 * nova_fb_init() - read the framebuffer's facts: VRAM size, display
 * @nd: the GPU
 *
 * Return: 0, or -ENODEV if the GPU reports no usable VRAM.
 */
int nova_fb_init(struct nova_device *nd)
{
	const struct nova_fb_hal *hal = nd->hal->fb;
	int ret;

	ret = hal->vram_size(nd, &nd->vram_size);
	if (ret)
		return ret;
	if (!nd->vram_size) {
		dev_err(nd->dev, "the GPU reports no usable VRAM\n");
		return -ENODEV;
	}
	nd->display = hal->display_present(nd);
	return 0;
}
