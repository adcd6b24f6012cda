/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nova_core framebuffer: VRAM size, the sysmem flush page and the layout
 * of the regions the GSP boot carves out of the top of VRAM (computed by a
 * pure function, nova_fb_layout_compute()).
 */
#ifndef __NOVA_CORE_FB_H__
#define __NOVA_CORE_FB_H__

#include <linux/types.h>

struct nova_device;

/* Size of the GSP firmware's WprMeta structure, below the WPR2 heap. */
#define NOVA_FB_WPR_META_SIZE		256

/**
 * struct nova_range - a region of VRAM, [@start, @end)
 * @start: first byte.
 * @end: one past the last byte.
 */
struct nova_range {
	u64 start;
	u64 end;
};

/**
 * struct nova_fb_params - the inputs of the FB layout
 * @fb_size: usable VRAM in bytes.
 * @display: whether the GPU has a display engine (the VGA workspace
 *	register is only meaningful then).
 * @vga_workspace: value of NV_PDISP_VGA_WORKSPACE_BASE.
 * @libos3: the GSP runs libos3 (GA102 and later) rather than libos2
 *	(Turing, GA100); decides the WPR2 heap's size.
 * @bootloader_size: size of the GSP bootloader's ucode.
 * @gsp_size: size of the GSP firmware's ELF image (.fwimage).
 */
struct nova_fb_params {
	u64 fb_size;
	bool display;
	u32 vga_workspace;
	bool libos3;
	u64 bootloader_size;
	u64 gsp_size;
};

/**
 * struct nova_fb_layout - where the GSP boot puts things in VRAM, from the
 * top down
 * @fb: all of the usable VRAM.
 * @vga_workspace: the VBIOS's VGA workspace, at the top.
 * @frts: the FRTS region FWSEC creates WPR2 around (1 MiB).
 * @boot: the GSP bootloader.
 * @elf: the GSP firmware image.
 * @wpr2_heap: the GSP's heap inside WPR2.
 * @wpr2: the WPR2 region the booter sets up: from below the heap (and the
 *	WprMeta) up to the end of @frts.
 * @heap: the non-WPR heap, right below @wpr2 (1 MiB).
 */
struct nova_fb_layout {
	struct nova_range fb;
	struct nova_range vga_workspace;
	struct nova_range frts;
	struct nova_range boot;
	struct nova_range elf;
	struct nova_range wpr2_heap;
	struct nova_range wpr2;
	struct nova_range heap;
};

/**
 * struct nova_fb_hal - framebuffer registers that differ between families
 * @vram_size: read the usable VRAM size, in bytes.
 * @flush_set: point the sysmem flush register at a bus address; -ERANGE
 *	if the family's register cannot hold it.
 * @flush_get: read back the bus address the flush register points at.
 * @display_present: whether the display engine is present (not fused off).
 * @libos3: the family's GSP runs libos3.
 */
struct nova_fb_hal {
	int (*vram_size)(struct nova_device *nd, u64 *size);
	int (*flush_set)(struct nova_device *nd, dma_addr_t addr);
	dma_addr_t (*flush_get)(struct nova_device *nd);
	bool (*display_present)(struct nova_device *nd);
	bool libos3;
};

extern const struct nova_fb_hal nova_fb_hal_tu102;
extern const struct nova_fb_hal nova_fb_hal_ga100;
extern const struct nova_fb_hal nova_fb_hal_ga102;
extern const struct nova_fb_hal nova_fb_hal_gh100;
extern const struct nova_fb_hal nova_fb_hal_gb100;
extern const struct nova_fb_hal nova_fb_hal_gb202;

u64 nova_fb_wpr2_heap_size(bool libos3, u64 fb_size);
u64 nova_fb_wpr2_heap_size_gh100(u64 fb_size);
int nova_fb_layout_compute(const struct nova_fb_params *p,
			   struct nova_fb_layout *out);

int nova_fb_flush_page_init(struct nova_device *nd);
int nova_fb_init(struct nova_device *nd);

#endif /* __NOVA_CORE_FB_H__ */
