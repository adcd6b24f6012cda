// SPDX-License-Identifier: GPL-2.0
/*
 * nova_core GSP boot (Turing to Ada): GSP-RM's firmware in system memory,
 * FWSEC-FRTS, booter_load on SEC2, and the unload that undoes it.
 *
 * The GSP image (the .fwimage section of gsp-<ver>.bin) is copied into
 * chunks of physically contiguous pages (2 MiB where the allocator has
 * them, smaller where not: fewer, larger scatter-gather entries to map),
 * mapped for the GPU and described by a three-level (radix3) page table;
 * the RISC-V bootloader and the image's signature get a coherent copy
 * each; GspFwWprMeta says where all of it is in system
 * memory and where it goes in VRAM (the FB layout). Booter, running on
 * SEC2, reads GspFwWprMeta, copies and checks the firmware into WPR2 and
 * starts the GSP's RISC-V core, which finds its libos arguments (gsp.c)
 * through the GSP's mailboxes. After that the system memory copy of the
 * firmware is freed: GSP-RM runs from VRAM.
 *
 * Unloading is FWSEC-SB, which returns the GSP falcon to its state before
 * libos, then booter_unload on SEC2, which takes down WPR2, so the next
 * probe finds the GPU as it was at power-on.
 *
 * Hopper and Blackwell have neither FWSEC nor booter: GspFwWprMeta gives
 * only the regions' sizes, and the FSP (fsp/fsp.c) takes the FMC, whose
 * GSP-FMC (its ACR) lays out VRAM, checks and starts GSP-RM, given
 * GSP_FMC_BOOT_PARAMS (where GspFwWprMeta and the libos arguments are).
 * Their unload ends with the GSP's RISC-V core halted.
 */

#include <linux/bitfield.h>
#include <linux/device.h>
#include <linux/dma-mapping.h>
#include <linux/iopoll.h>
#include <linux/mm.h>
#include <linux/pci.h>
#include <linux/scatterlist.h>
#include <linux/sizes.h>
#include <linux/slab.h>

#include "../device.h"
#include "../devrec.h"
#include "../firmware/booter.h"
#include "../firmware/firmware.h"
#include "../firmware/fwsec.h"
#include "../fb.h"
#include "../fsp/fsp.h"
#include "../regs.h"
#include "fw.h"
#include "gsp.h"

/* How long GSP-RM's RISC-V core may take to start after booter_load. */
#define NOVA_GSP_RISCV_START_S		5
#define NOVA_GSP_RISCV_POLL_US		USEC_PER_MSEC
/* Hopper and Blackwell: FRTS and the VGA workspace GSP-FMC lays out. */
#define NOVA_GSP_FRTS_SIZE		SZ_1M
#define NOVA_GSP_VGA_WORKSPACE_SIZE	SZ_128K
/* What booter_unload finds in its mailboxes: a value it must overwrite. */
#define NOVA_GSP_UNLOAD_SENTINEL	0xff

/*
 * The GPUs whose GSP nova_core could not stop, until found reset or the
 * module goes: such a GSP may still run and write to the (freed) addresses
 * it was given, so nova_core does not let the GPU master the bus again
 * before a reset. A bare record each.
 */
static struct nova_devrecs nova_gsp_stuck_gpus = {
	.lock = __MUTEX_INITIALIZER(nova_gsp_stuck_gpus.lock),
	.list = LIST_HEAD_INIT(nova_gsp_stuck_gpus.list),
};

static void nova_gsp_stuck_release(struct nova_devrec *rec)
{
	kfree(rec);
}

/* The image's largest chunk of contiguous pages. */
#define NOVA_GSP_IMAGE_CHUNK		SZ_2M

/**
 * struct nova_gsp_image_chunk - physically contiguous pages of the image
 * @page: the first page (not compound).
 * @order: there are 2^@order pages.
 */
struct nova_gsp_image_chunk {
	struct page *page;
	unsigned int order;
};

/**
 * struct nova_gsp_fw_mem - GSP-RM's firmware in system memory, for booter
 * @chunks: the GSP image's pages, copied from .fwimage and zero-padded to
 *	whole GSP pages, in chunks of up to %NOVA_GSP_IMAGE_CHUNK; NULL if
 *	not allocated.
 * @nchunks: how many of @chunks are allocated.
 * @image_size: size of the image in bytes (a multiple of the CPU's page).
 * @sgt: the image's pages, mapped for the GPU if @mapped.
 * @mapped: @sgt is DMA-mapped.
 * @radix3: the radix3 page table of the image: level 0, 1 and 2 one after
 *	the other.
 * @bootloader: a copy of the RISC-V bootloader's payload.
 * @sig: a copy of the image's signature for this chip family.
 * @wpr_meta: the &struct nova_gsp_wpr_meta booter reads.
 * @fmc: Hopper and Blackwell: a copy of the FMC's image, for the FSP.
 * @boot_params: Hopper and Blackwell: the &struct nova_gsp_fmc_boot_params
 *	GSP-FMC reads.
 *
 * Exists from before FWSEC-FRTS (or the COT message) until GSP-RM has
 * started; freed by nova_gsp_fw_mem_fini().
 */
struct nova_gsp_fw_mem {
	struct nova_gsp_image_chunk *chunks;
	unsigned int nchunks;
	size_t image_size;
	struct sg_table sgt;
	bool mapped;
	struct nova_dma_buf radix3;
	struct nova_dma_buf bootloader;
	struct nova_dma_buf sig;
	struct nova_dma_buf wpr_meta;
	struct nova_dma_buf fmc;
	struct nova_dma_buf boot_params;
};

/*
 * Copies @len bytes of @src into new pages of @mem->image_size bytes,
 * zero-padded, in chunks as large as the allocator gives, and describes
 * them in @mem->sgt.
 */
static int nova_gsp_image_alloc(struct nova_gsp_fw_mem *mem, const u8 *src,
				size_t len)
{
	size_t npages = mem->image_size >> PAGE_SHIFT, off = 0, n, i;
	unsigned int order = get_order(NOVA_GSP_IMAGE_CHUNK);
	struct nova_gsp_image_chunk *c;
	struct page **pages;
	int ret = -ENOMEM;

	mem->chunks = kvcalloc(npages, sizeof(*mem->chunks), GFP_KERNEL);
	pages = kvmalloc_array(npages, sizeof(*pages), GFP_KERNEL);
	if (!mem->chunks || !pages)
		goto out;

	while (off < mem->image_size) {
		struct page *page;
		u8 *dst;

		while (order && (PAGE_SIZE << order) > mem->image_size - off)
			order--;
		/* Not GFP_HIGHUSER: page_address() must hold. */
		page = alloc_pages(GFP_KERNEL | (order ? __GFP_NOWARN | __GFP_NORETRY : 0),
				   order);
		if (!page) {
			if (!order)
				goto out;
			order--;
			continue;
		}
		c = &mem->chunks[mem->nchunks++];
		c->page = page;
		c->order = order;

		dst = page_address(page);
		n = off < len ? min_t(size_t, len - off, PAGE_SIZE << order) : 0;
		memcpy(dst, src + off, n);
		memset(dst + n, 0, (PAGE_SIZE << order) - n);
		/* One allocation's struct pages are contiguous. */
		for (i = 0; i < (1UL << order); i++)
			pages[(off >> PAGE_SHIFT) + i] = page + i;
		off += PAGE_SIZE << order;
	}
	ret = sg_alloc_table_from_pages(&mem->sgt, pages, npages, 0,
					mem->image_size, GFP_KERNEL);
out:
	kvfree(pages);
	return ret;
}

/* Maps the image's pages and builds its radix3 page table, laid out as @l. */
static int nova_gsp_radix3_build(struct nova_device *nd,
				 struct nova_gsp_fw_mem *mem,
				 const struct nova_gsp_radix3_layout *l)
{
	struct sg_dma_page_iter iter;
	u64 *lvl1, *lvl2;
	size_t n = 0;
	int ret;

	ret = dma_map_sgtable(nd->dev, &mem->sgt, DMA_TO_DEVICE, 0);
	if (ret) {
		sg_free_table(&mem->sgt);
		return ret;
	}
	mem->mapped = true;

	ret = nova_dma_buf_alloc(nd->dev, l->bytes[0] + l->bytes[1] + l->bytes[2],
				 &mem->radix3);
	if (ret)
		return ret;
	lvl1 = mem->radix3.cpu + l->bytes[0];
	lvl2 = mem->radix3.cpu + l->bytes[0] + l->bytes[1];
	nova_gsp_radix3_fill(mem->radix3.cpu, l->entries[0],
			     mem->radix3.dma + l->bytes[0]);
	nova_gsp_radix3_fill(lvl1, l->entries[1],
			     mem->radix3.dma + l->bytes[0] + l->bytes[1]);

	/* Level 2: each 4 KiB page of the image, whatever the CPU's pages. */
	for_each_sgtable_dma_page(&mem->sgt, &iter, 0) {
		dma_addr_t addr = sg_page_iter_dma_address(&iter);
		size_t sub;

		for (sub = 0; sub < PAGE_SIZE; sub += NOVA_GSP_PAGE_SIZE) {
			if (n == l->entries[2])
				break;
			lvl2[n++] = addr + sub;
		}
	}
	if (n != l->entries[2]) {
		dev_err(nd->dev, "GSP image: %zu of %zu pages mapped\n", n,
			l->entries[2]);
		return -EIO;
	}
	return 0;
}

/* What GspFwWprMeta says of system memory: the image, bootloader, signature. */
static void nova_gsp_wpr_meta_fill_sysmem(struct nova_gsp_wpr_meta *m, u64 image,
					  u64 image_size,
					  const struct nova_fw_bootloader *bl,
					  u64 bl_dma, u64 sig, u64 sig_size)
{
	m->magic = NOVA_GSP_WPR_META_MAGIC;
	m->revision = NOVA_GSP_WPR_META_REVISION;
	m->sysmem_addr_radix3_elf = image;
	m->size_radix3_elf = image_size;
	m->sysmem_addr_bootloader = bl_dma;
	m->size_bootloader = bl->ucode_len;
	m->bootloader_code_offset = bl->monitor_code_offset;
	m->bootloader_data_offset = bl->monitor_data_offset;
	m->bootloader_manifest_offset = bl->manifest_offset;
	m->sysmem_addr_signature = sig;
	m->size_signature = sig_size;
}

/**
 * nova_gsp_wpr_meta_fill() - fill GspFwWprMeta
 * @m: the structure, zeroed
 * @fb: the FB layout
 * @image: bus address of level 0 of the image's radix3 page table
 * @image_size: size of the image (.fwimage)
 * @bl: the RISC-V bootloader
 * @bl_dma: bus address of its payload's copy
 * @sig: bus address of the signature's copy
 * @sig_size: size of the signature
 *
 * A pure function: the system memory inputs, then the FB layout.
 */
void nova_gsp_wpr_meta_fill(struct nova_gsp_wpr_meta *m,
			    const struct nova_fb_layout *fb, u64 image,
			    u64 image_size, const struct nova_fw_bootloader *bl,
			    u64 bl_dma, u64 sig, u64 sig_size)
{
	nova_gsp_wpr_meta_fill_sysmem(m, image, image_size, bl, bl_dma, sig, sig_size);
	m->gsp_fw_rsvd_start = fb->heap.start;
	m->non_wpr_heap_offset = fb->heap.start;
	m->non_wpr_heap_size = fb->heap.end - fb->heap.start;
	m->gsp_fw_wpr_start = fb->wpr2.start;
	m->gsp_fw_heap_offset = fb->wpr2_heap.start;
	m->gsp_fw_heap_size = fb->wpr2_heap.end - fb->wpr2_heap.start;
	m->gsp_fw_offset = fb->elf.start;
	m->boot_bin_offset = fb->boot.start;
	m->frts_offset = fb->frts.start;
	m->frts_size = fb->frts.end - fb->frts.start;
	m->gsp_fw_wpr_end = ALIGN_DOWN(fb->vga_workspace.start, SZ_128K);
	m->fb_size = fb->fb.end - fb->fb.start;
	m->vga_workspace_offset = fb->vga_workspace.start;
	m->vga_workspace_size = fb->vga_workspace.end - fb->vga_workspace.start;
}

/**
 * nova_gsp_wpr_meta_fill_sizes() - fill GspFwWprMeta for GSP-FMC (Hopper
 *	and Blackwell)
 * @m: the structure, zeroed
 * @hal: the family's FSP
 * @fb_size: usable VRAM in bytes
 * @image: bus address of level 0 of the image's radix3 page table
 * @image_size: size of the image (.fwimage)
 * @bl: the RISC-V bootloader
 * @bl_dma: bus address of its payload's copy
 * @sig: bus address of the signature's copy
 * @sig_size: size of the signature
 *
 * A pure function. GSP-FMC's ACR lays out VRAM itself: GspFwWprMeta gives
 * it the system memory inputs and the regions' sizes, their offsets 0.
 */
void nova_gsp_wpr_meta_fill_sizes(struct nova_gsp_wpr_meta *m,
				  const struct nova_fsp_hal *hal, u64 fb_size,
				  u64 image, u64 image_size,
				  const struct nova_fw_bootloader *bl, u64 bl_dma,
				  u64 sig, u64 sig_size)
{
	nova_gsp_wpr_meta_fill_sysmem(m, image, image_size, bl, bl_dma, sig, sig_size);
	m->non_wpr_heap_size = hal->non_wpr_heap_size;
	m->gsp_fw_heap_size = nova_fb_wpr2_heap_size_gh100(fb_size);
	m->frts_size = NOVA_GSP_FRTS_SIZE;
	m->vga_workspace_size = NOVA_GSP_VGA_WORKSPACE_SIZE;
	m->pmu_reserved_size = hal->pmu_reserved_size;
}

/*
 * A vGPU host's GSP-RM (r570.144): a fixed heap (GSP_FW_HEAP_SIZE_VGPU_DEFAULT)
 * and the heap's VF partitions (MAX_PARTITIONS_WITH_GFID).
 */
#define NOVA_GSP_FW_HEAP_SIZE_VGPU	(581ULL * SZ_1M)
#define NOVA_GSP_VF_PARTITIONS		32

/**
 * nova_gsp_wpr_meta_vgpu() - size GspFwWprMeta for a vGPU host's boot
 * @m: the structure, filled by nova_gsp_wpr_meta_fill_sizes()
 *
 * A pure function: GSP-RM's heap is 581 MiB whatever the VRAM, split in
 * 32 partitions, as NVIDIA's r570.144 kernel sizes it with SR-IOV on.
 * (Upstream Nova gives TotalVFs partitions instead.)
 */
void nova_gsp_wpr_meta_vgpu(struct nova_gsp_wpr_meta *m)
{
	m->gsp_fw_heap_size = NOVA_GSP_FW_HEAP_SIZE_VGPU;
	m->gsp_fw_heap_vf_partition_count = NOVA_GSP_VF_PARTITIONS;
}

static void nova_gsp_fw_mem_fini(struct nova_device *nd,
				 struct nova_gsp_fw_mem *mem)
{
	nova_dma_buf_free(&mem->boot_params);
	nova_dma_buf_free(&mem->fmc);
	nova_dma_buf_free(&mem->wpr_meta);
	nova_dma_buf_free(&mem->sig);
	nova_dma_buf_free(&mem->bootloader);
	nova_dma_buf_free(&mem->radix3);
	if (mem->mapped)
		dma_unmap_sgtable(nd->dev, &mem->sgt, DMA_TO_DEVICE, 0);
	mem->mapped = false;
	if (mem->sgt.sgl)
		sg_free_table(&mem->sgt);
	mem->sgt.sgl = NULL;
	while (mem->nchunks--)
		__free_pages(mem->chunks[mem->nchunks].page,
			     mem->chunks[mem->nchunks].order);
	mem->nchunks = 0;
	kvfree(mem->chunks);
	mem->chunks = NULL;
}

/* Puts the firmware where booter can find it, and fills GspFwWprMeta. */
static int nova_gsp_fw_mem_init(struct nova_device *nd,
				const struct nova_firmware *fw,
				struct nova_gsp_fw_mem *mem)
{
	const struct nova_fw_gsp *g = &fw->gsp;
	struct nova_gsp_radix3_layout l;
	int ret;

	mem->image_size = ALIGN(g->image_len, NOVA_GSP_PAGE_SIZE);
	mem->image_size = PAGE_ALIGN(mem->image_size);
	ret = nova_gsp_radix3_layout(mem->image_size, &l);
	if (ret) {
		dev_err(nd->dev, "GSP image of %zu bytes is too big for its page table (%d)\n",
			mem->image_size, ret);
		return ret;
	}
	ret = nova_gsp_image_alloc(mem, g->image, g->image_len);
	if (!ret)
		ret = nova_gsp_radix3_build(nd, mem, &l);
	if (!ret)
		ret = nova_dma_buf_from(nd->dev, fw->bootloader.ucode,
					fw->bootloader.ucode_len,
					&mem->bootloader);
	if (!ret)
		ret = nova_dma_buf_from(nd->dev, g->sig, g->sig_len, &mem->sig);
	if (!ret)
		ret = nova_dma_buf_alloc(nd->dev, sizeof(struct nova_gsp_wpr_meta),
					 &mem->wpr_meta);
	if (ret) {
		nova_gsp_fw_mem_fini(nd, mem);
		return ret;
	}

	if (nd->hal->fsp) {
		nova_gsp_wpr_meta_fill_sizes(mem->wpr_meta.cpu, nd->hal->fsp, nd->vram_size,
					     mem->radix3.dma, g->image_len, &fw->bootloader,
					     mem->bootloader.dma, mem->sig.dma, g->sig_len);
		if (nd->vgpu)
			nova_gsp_wpr_meta_vgpu(mem->wpr_meta.cpu);
	} else {
		nova_gsp_wpr_meta_fill(mem->wpr_meta.cpu, &nd->fb, mem->radix3.dma,
				       g->image_len, &fw->bootloader,
				       mem->bootloader.dma, mem->sig.dma, g->sig_len);
	}
	return 0;
}

static bool nova_gsp_wpr2_set(struct nova_device *nd)
{
	return FIELD_GET(NV_PFB_PRI_MMU_WPR2_ADDR,
			 nova_rd32(nd, NV_PFB_PRI_MMU_WPR2_ADDR_HI)) != 0;
}

/*
 * UNLOADING_GUEST_DRIVER if GSP-RM is up, FWSEC-SB, then booter_unload if
 * WPR2 exists; each is tried even if one before failed, and each failure
 * is logged. On Hopper and Blackwell: UNLOADING_GUEST_DRIVER, then the wait
 * for the GSP's RISC-V core to halt. 0 once WPR2 is gone and the core
 * stopped.
 */
static int nova_gsp_stop(struct nova_device *nd)
{
	struct nova_firmware *fw = &nd->fw;
	int ret, ret_sb;
	u32 mbox0;

	if (nd->gsp_rm.ready) {
		ret = nova_gsp_rm_unload(nd);
		if (ret)
			dev_err(nd->dev, "GSP unload: GSP-RM did not acknowledge (%d); stopping it regardless\n",
				ret);
		nd->gsp_rm.ready = false;
	}

	/* Hopper and Blackwell: GSP-FMC and the ACR stop on their own. */
	if (nd->hal->fsp) {
		ret = nova_fsp_wait_gsp_halt(nd);
		if (!ret)
			nd->gsp_rm.running = false;
		return ret;
	}

	ret_sb = nova_fwsec_sb(nd, nd->bios, fw->gen_bootloader_file ?
			       &fw->gen_bootloader : NULL);
	if (ret_sb)
		dev_err(nd->dev, "GSP unload: FWSEC-SB failed (%d)\n", ret_sb);

	if (nova_gsp_wpr2_set(nd)) {
		ret = nova_booter_run(nd, &fw->booter_unload, "booter_unload",
				      NOVA_GSP_UNLOAD_SENTINEL,
				      NOVA_GSP_UNLOAD_SENTINEL, &mbox0);
		if (!ret && mbox0) {
			dev_err(nd->dev, "GSP unload: booter_unload failed: MAILBOX0 0x%08x\n",
				mbox0);
			ret = -EIO;
		}
		if (!ret && nova_gsp_wpr2_set(nd)) {
			dev_err(nd->dev, "GSP unload: WPR2 still set after booter_unload\n");
			ret = -EBUSY;
		}
		if (ret)
			return ret;
	}
	if (nova_falcon_riscv_active(&nd->gsp)) {
		dev_err(nd->dev, "GSP unload: the GSP's RISC-V core still runs\n");
		return -EBUSY;
	}
	nd->gsp_rm.running = false;
	return ret_sb;
}

/*
 * Whether the GSP is stopped as an unload leaves it: on Hopper and
 * Blackwell its RISC-V core halted; before, no WPR2 and the core inactive.
 */
static bool nova_gsp_stopped(struct nova_device *nd)
{
	if (nd->hal->fsp)
		return nova_rd32(nd, NV_PRISCV_RISCV_CPUCTL_GH100) &
		       NV_PRISCV_RISCV_CPUCTL_HALTED;
	return !nova_gsp_wpr2_set(nd) && !nova_falcon_riscv_active(&nd->gsp);
}

/*
 * The GSP could not be stopped: it may still write to the memory it was
 * given. Its DMA is cut off (bus mastering off; an IOMMU also refuses the
 * addresses once unmapped), so that memory can be freed, and the GPU is
 * remembered, so that no probe lets it master the bus again before a
 * reset (nova_gsp_check_stuck()).
 */
static void nova_gsp_abandon(struct nova_device *nd)
{
	struct nova_devrec *stuck;

	if (dev_is_pci(nd->dev))
		pci_clear_master(to_pci_dev(nd->dev));
	nd->gsp_rm.ready = false;
	nd->gsp_rm.running = false;
	dev_err(nd->dev, "GSP-RM could not be stopped: its DMA is switched off and its memory freed; the GPU must be reset before nova_core binds it again\n");

	stuck = kzalloc(sizeof(*stuck), GFP_KERNEL);
	if (stuck)
		nova_devrec_add(&nova_gsp_stuck_gpus, stuck, nd->dev,
				nova_gsp_stuck_release);
}

/**
 * nova_gsp_unload() - stop GSP-RM and take down WPR2
 * @nd: the GPU
 *
 * UNLOADING_GUEST_DRIVER if GSP-RM is up, FWSEC-SB, then booter_unload if
 * WPR2 exists; on Hopper and Blackwell, UNLOADING_GUEST_DRIVER, then the
 * wait for the GSP's RISC-V core to halt. If the GSP cannot be stopped,
 * its DMA is switched off and the GPU refused until it is reset.
 *
 * Return: 0 if the GSP stopped; else a negative errno (logged), and the
 * memory GSP-RM was given may be freed all the same.
 */
int nova_gsp_unload(struct nova_device *nd)
{
	int ret = nova_gsp_stop(nd);

	if (ret)
		nova_gsp_abandon(nd);
	return ret;
}

/**
 * nova_gsp_check_stuck() - refuse a GPU whose GSP nova_core abandoned
 * @nd: the GPU, identified, not yet mastering the bus
 *
 * A GPU whose GSP could not be stopped (nova_gsp_unload()) may master the
 * bus again only once its GSP is found stopped, by a reset.
 *
 * Return: 0, or -EBUSY (logged) while that GSP still runs.
 */
int nova_gsp_check_stuck(struct nova_device *nd)
{
	struct nova_devrec *rec = nova_devrec_take(&nova_gsp_stuck_gpus,
						   nd->dev);

	if (!rec)
		return 0;
	if (nova_gsp_stopped(nd)) {
		dev_info(nd->dev, "the GSP that nova_core could not stop before is stopped now (GPU reset)\n");
		rec->release(rec);
		return 0;
	}
	dev_err(nd->dev, "the GSP that nova_core could not stop still runs: reset the GPU first\n");
	nova_devrec_add(&nova_gsp_stuck_gpus, rec, nd->dev, rec->release);
	return -EBUSY;
}

/**
 * nova_gsp_stuck_drop_all() - forget the abandoned GPUs, at module unload
 */
void nova_gsp_stuck_drop_all(void)
{
	nova_devrec_drop_all(&nova_gsp_stuck_gpus);
}

/*
 * GSP-RM was started (by @by): its bootloader's version, the wait for its
 * RISC-V core, its interrupt, its boot over the queues.
 */
static int nova_gsp_riscv_started(struct nova_device *nd,
				  const struct nova_firmware *fw, const char *by)
{
	struct nova_gsp *gsp = &nd->gsp_rm;
	bool active;
	int ret;

	gsp->app_version = fw->bootloader.app_version;
	nova_falcon_set_os(&nd->gsp, gsp->app_version);
	ret = read_poll_timeout(nova_falcon_riscv_active, active, active,
				NOVA_GSP_RISCV_POLL_US,
				NOVA_GSP_RISCV_START_S * USEC_PER_SEC,
				false, &nd->gsp);
	if (ret) {
		dev_err(nd->dev, "GSP-RM did not start: the GSP's RISC-V core is not active %u s after %s\n",
			NOVA_GSP_RISCV_START_S, by);
		return ret;
	}

	/* GSP-RM tells of its messages with SWGEN0. */
	nova_falcon_irq_enable(&nd->gsp, NV_PFALCON_IRQ_SWGEN0);
	ret = nova_gsp_rm_init(nd);
	if (ret)
		return ret;
	gsp->ready = true;
	return 0;
}

/* GSP reset and given its arguments, booter_load, the wait for RISC-V. */
static int nova_gsp_start(struct nova_device *nd,
			  const struct nova_firmware *fw,
			  struct nova_gsp_fw_mem *mem)
{
	struct nova_gsp *gsp = &nd->gsp_rm;
	u32 mbox0;
	int ret;

	/* GSP-RM reads these first thing; their replies are not waited for. */
	ret = nova_gsp_send_init_commands(nd);
	if (ret)
		return ret;

	ret = nova_falcon_reset(&nd->gsp);
	if (ret)
		return ret;
	nova_falcon_set_mailboxes(&nd->gsp, lower_32_bits(gsp->libos.dma),
				  upper_32_bits(gsp->libos.dma));

	ret = nova_booter_run(nd, &fw->booter_load, "booter_load",
			      lower_32_bits(mem->wpr_meta.dma),
			      upper_32_bits(mem->wpr_meta.dma), &mbox0);
	if (ret)
		return ret;
	/* From here on GSP-RM may be running: the unload must stop it. */
	gsp->started = true;
	gsp->running = true;
	if (mbox0) {
		dev_err(nd->dev, "booter_load failed: MAILBOX0 0x%08x\n", mbox0);
		return -EIO;
	}

	return nova_gsp_riscv_started(nd, fw, "booter_load");
}

/*
 * Hopper and Blackwell: the FMC's image and GSP_FMC_BOOT_PARAMS in system
 * memory, the COT message, the wait for GSP-FMC to release the GSP.
 */
static int nova_gsp_start_fsp(struct nova_device *nd,
			      const struct nova_firmware *fw,
			      struct nova_gsp_fw_mem *mem)
{
	const struct nova_fsp_hal *hal = nd->hal->fsp;
	struct nova_gsp *gsp = &nd->gsp_rm;
	struct nova_gsp_fmc_boot_params *p;
	struct nova_fsp_cot_args args;
	int ret;

	ret = nova_gsp_send_init_commands(nd);
	if (ret)
		return ret;
	ret = nova_dma_buf_from(nd->dev, fw->fmc.image, fw->fmc.image_len, &mem->fmc);
	if (!ret)
		ret = nova_dma_buf_alloc(nd->dev, sizeof(*p), &mem->boot_params);
	if (ret)
		return ret;

	p = mem->boot_params.cpu;
	p->boot_gsp_rm_params.target = NOVA_GSP_DMA_TARGET_COHERENT_SYSTEM;
	p->boot_gsp_rm_params.gsp_rm_desc_size = sizeof(struct nova_gsp_wpr_meta);
	p->boot_gsp_rm_params.gsp_rm_desc_offset = mem->wpr_meta.dma;
	p->boot_gsp_rm_params.is_gsp_rm_boot = 1;
	p->gsp_rm_params.target = NOVA_GSP_DMA_TARGET_NONCOHERENT_SYSTEM;
	p->gsp_rm_params.boot_args_offset = gsp->libos.dma;

	args = (struct nova_fsp_cot_args) {
		.version = hal->cot_version,
		.fmc_addr = mem->fmc.dma,
		.frts_vidmem_offset = nova_fsp_frts_vidmem_offset(hal),
		.frts_vidmem_size = NOVA_GSP_FRTS_SIZE,
		.hash = fw->fmc.hash,
		.pkey = fw->fmc.pkey,
		.pkey_len = hal->fmc->pkey,
		.sig = fw->fmc.sig,
		.sig_len = hal->fmc->sig,
		.boot_params_addr = mem->boot_params.dma,
	};
	ret = nova_fsp_send_cot(nd, &args);
	if (ret)
		return ret;
	/* From here on GSP-RM may be running: the unload must stop it. */
	gsp->started = true;
	gsp->running = true;
	ret = nova_fsp_wait_lockdown(nd, mem->boot_params.dma);
	if (ret)
		return ret;
	return nova_gsp_riscv_started(nd, fw, "GSP-FMC");
}

/**
 * nova_gsp_boot() - boot GSP-RM
 * @nd: the GPU, with its FB layout, VBIOS, firmware and GSP memory
 *	(nova_gsp_init()) set up
 *
 * Puts the firmware in system memory, runs FWSEC-FRTS and booter_load (on
 * Hopper and Blackwell: gives the FSP the FMC and waits for GSP-FMC),
 * waits for GSP-RM's RISC-V core to start, then runs its sequencer, waits
 * for INIT_DONE and reads its static information (commands.c). If a step
 * after FWSEC-FRTS fails, GSP-RM is unloaded again, so the GPU is left as
 * it was found. The firmware's system memory copy (and GspFwWprMeta, which
 * a CORE_RESUME of the sequencer needs) is freed at the end.
 *
 * Return: 0 once GSP-RM runs, else a negative errno.
 */
int nova_gsp_boot(struct nova_device *nd)
{
	const struct nova_firmware *fw = &nd->fw;
	struct nova_gsp_fw_mem mem = {};
	int ret;

	if (nd->hal->fsp) {
		ret = nova_gsp_fw_mem_init(nd, fw, &mem);
		if (ret)
			return ret;
		ret = nova_gsp_start_fsp(nd, fw, &mem);
		goto unload;
	}

	/* What could stop the boot or the unload halfway, before it starts. */
	ret = nova_booter_check(nd, &fw->booter_load, "booter_load");
	if (!ret)
		ret = nova_booter_check(nd, &fw->booter_unload, "booter_unload");
	if (ret)
		return ret;

	ret = nova_gsp_fw_mem_init(nd, fw, &mem);
	if (ret)
		return ret;

	ret = nova_fwsec_frts(nd, nd->bios, fw->gen_bootloader_file ?
			      &fw->gen_bootloader : NULL);
	if (ret)
		goto out;

	ret = nova_gsp_start(nd, fw, &mem);
unload:
	if (ret)
		nova_gsp_unload(nd);
out:
	nova_gsp_fw_mem_fini(nd, &mem);
	return ret;
}
