// SPDX-License-Identifier: GPL-2.0
/*
 * nova_emu: bus-master DMA of the emulated GPUs, through an IOMMU of sorts.
 *
 * An emulated GPU's platform device has DMA operations of its own. Every
 * buffer the driver maps for it (dma_map_page(), dma_map_sg(), ...) or
 * allocates coherent for it gets a bus address in the GPU's own address
 * space, unrelated to where the buffer is in physical memory, and is
 * recorded with the directions it may be accessed in. nova_emu_host_dma()
 * is the only place that turns a bus address back into memory: an access
 * must lie inside one live mapping, in a direction it allows, or it is
 * refused, counted (emu/dma_faults) and logged, as an IOMMU fault would be.
 * A driver that hands the GPU a physical address, a buffer it already
 * unmapped, or a length past its buffer is caught on its first access.
 *
 * Bus addresses start at 4 GiB, so a 32-bit or physical address faults,
 * keep the buffer's offset within its page, grow upwards with an unmapped
 * page between mappings, and are not reused while the GPU exists.
 */

#include <linux/device.h>
#include <linux/dma-map-ops.h>
#include <linux/dma-mapping.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/platform_device.h>
#include <linux/rbtree.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <linux/nova_compat.h>

#include "emu.h"
#include "host.h"

#if !IS_ENABLED(CONFIG_DMA_OPS) && !IS_ENABLED(CONFIG_ARCH_HAS_DMA_OPS)
/* CONFIG_DMA_OPS up to 6.11, CONFIG_ARCH_HAS_DMA_OPS since. */
#error "nova_emu needs a kernel with DMA operations"
#endif

/* The first bus address, and the end of the GPU's address space. */
#define NOVA_EMU_DMA_BASE	(4ULL << 30)
#define NOVA_EMU_DMA_END	BIT_ULL(NOVA_EMU_DMA_BITS)

/**
 * struct nova_emu_dma_map - one buffer the driver mapped for the GPU
 * @node: entry in &nova_emu_dma.maps, ordered by @addr.
 * @addr: bus address of its first byte.
 * @size: its length in bytes.
 * @cpu: kernel address of its first byte.
 * @dir: the directions the GPU may access it in.
 * @coherent: allocated by the DMA operations (dma_alloc_coherent()); its
 *	pages are freed with the mapping.
 */
struct nova_emu_dma_map {
	struct rb_node node;
	u64 addr;
	size_t size;
	void *cpu;
	enum dma_data_direction dir;
	bool coherent;
};

static struct nova_emu_gpu *nova_emu_dma_gpu(struct device *dev)
{
	const struct nova_core_emu_pdata *pdata = dev_get_platdata(dev);

	return pdata->priv;
}

/* Orders a bus address against a mapping: 0 if the mapping holds it. */
static int nova_emu_dma_cmp(const void *key, const struct rb_node *node)
{
	const struct nova_emu_dma_map *m =
		rb_entry(node, struct nova_emu_dma_map, node);
	u64 addr = *(const u64 *)key;

	if (addr < m->addr)
		return -1;
	return addr - m->addr < m->size ? 0 : 1;
}

static bool nova_emu_dma_less(struct rb_node *a, const struct rb_node *b)
{
	return rb_entry(a, struct nova_emu_dma_map, node)->addr <
	       rb_entry(b, struct nova_emu_dma_map, node)->addr;
}

/* The mapping holding @addr, or NULL. */
static struct nova_emu_dma_map *nova_emu_dma_find(struct nova_emu_dma *d,
						  u64 addr)
	__must_hold(&d->lock)
{
	struct rb_node *node = rb_find(&addr, &d->maps, nova_emu_dma_cmp);

	lockdep_assert_held(&d->lock);
	return node ? rb_entry(node, struct nova_emu_dma_map, node) : NULL;
}

/**
 * nova_emu_dma_add() - give a buffer a bus address
 * @dev: the emulated GPU's device
 * @cpu: kernel address of the buffer
 * @size: its length in bytes, not 0
 * @dir: the directions the GPU may access it in
 * @coherent: the pages were allocated by nova_emu_dma_alloc()
 * @gfp: how to allocate the record
 *
 * Return: the bus address, or %DMA_MAPPING_ERROR when out of memory or of
 * address space.
 */
static dma_addr_t nova_emu_dma_add(struct device *dev, void *cpu, size_t size,
				   enum dma_data_direction dir, bool coherent,
				   gfp_t gfp)
{
	struct nova_emu_dma *d = &nova_emu_dma_gpu(dev)->dma;
	size_t span = PAGE_ALIGN(offset_in_page(cpu) + size) + PAGE_SIZE;
	struct nova_emu_dma_map *m;
	unsigned long flags;

	if (!size || size > NOVA_EMU_DMA_END)
		return DMA_MAPPING_ERROR;
	m = kzalloc(sizeof(*m), gfp);
	if (!m)
		return DMA_MAPPING_ERROR;
	m->size = size;
	m->cpu = cpu;
	m->dir = dir;
	m->coherent = coherent;

	spin_lock_irqsave(&d->lock, flags);
	if (d->next > NOVA_EMU_DMA_END - span) {
		spin_unlock_irqrestore(&d->lock, flags);
		kfree(m);
		dev_err_ratelimited(dev, "DMA: bus address space exhausted\n");
		return DMA_MAPPING_ERROR;
	}
	m->addr = d->next + offset_in_page(cpu);
	d->next += span;
	rb_add(&m->node, &d->maps, nova_emu_dma_less);
	d->count++;
	spin_unlock_irqrestore(&d->lock, flags);
	return m->addr;
}

/**
 * nova_emu_dma_remove() - take a buffer's bus address away
 * @dev: the emulated GPU's device
 * @addr: the bus address the buffer was given
 * @size: the length it was mapped with
 * @coherent: whether the caller frees a coherent buffer
 *
 * A bus address that was not given out, or not with this length and kind,
 * is a driver bug: it is counted as a fault, logged, and nothing is
 * removed.
 *
 * Return: the record, for the caller to free, or NULL.
 */
static struct nova_emu_dma_map *nova_emu_dma_remove(struct device *dev,
						    u64 addr, size_t size,
						    bool coherent)
{
	struct nova_emu_dma *d = &nova_emu_dma_gpu(dev)->dma;
	struct nova_emu_dma_map *m;
	unsigned long flags;

	spin_lock_irqsave(&d->lock, flags);
	m = nova_emu_dma_find(d, addr);
	if (!m || m->addr != addr || m->size != size ||
	    m->coherent != coherent) {
		d->faults++;
		spin_unlock_irqrestore(&d->lock, flags);
		dev_err_ratelimited(dev, "DMA: %s of 0x%llx+0x%zx, which was not mapped so\n",
				    coherent ? "free" : "unmap", addr, size);
		return NULL;
	}
	rb_erase(&m->node, &d->maps);
	d->count--;
	spin_unlock_irqrestore(&d->lock, flags);
	return m;
}

static void *nova_emu_dma_alloc(struct device *dev, size_t size,
				dma_addr_t *handle, gfp_t gfp,
				unsigned long attrs)
{
	void *cpu = alloc_pages_exact(PAGE_ALIGN(size), gfp | __GFP_ZERO);

	if (!cpu)
		return NULL;
	*handle = nova_emu_dma_add(dev, cpu, size, DMA_BIDIRECTIONAL, true,
				   gfp);
	if (*handle == DMA_MAPPING_ERROR) {
		free_pages_exact(cpu, PAGE_ALIGN(size));
		return NULL;
	}
	return cpu;
}

static void nova_emu_dma_free(struct device *dev, size_t size, void *cpu,
			      dma_addr_t handle, unsigned long attrs)
{
	struct nova_emu_dma_map *m = nova_emu_dma_remove(dev, handle, size,
							 true);

	if (!m)
		return;
	free_pages_exact(m->cpu, PAGE_ALIGN(m->size));
	kfree(m);
}

/* Maps lowmem at @cpu; anything else (highmem, MMIO) is not supported. */
static dma_addr_t nova_emu_dma_map_cpu(struct device *dev, void *cpu,
				       size_t size,
				       enum dma_data_direction dir)
{
	return nova_emu_dma_add(dev, cpu, size, dir, false, GFP_ATOMIC);
}

static void nova_emu_dma_unmap_one(struct device *dev, dma_addr_t handle,
				   size_t size)
{
	kfree(nova_emu_dma_remove(dev, handle, size, false));
}

#if NOVA_DMA_OPS_MAP_PHYS
static dma_addr_t nova_emu_dma_map_phys(struct device *dev, phys_addr_t phys,
					size_t size,
					enum dma_data_direction dir,
					unsigned long attrs)
{
	if ((attrs & DMA_ATTR_MMIO) || !pfn_valid(PHYS_PFN(phys)) ||
	    PageHighMem(pfn_to_page(PHYS_PFN(phys))))
		return DMA_MAPPING_ERROR;
	return nova_emu_dma_map_cpu(dev, phys_to_virt(phys), size, dir);
}

static void nova_emu_dma_unmap_phys(struct device *dev, dma_addr_t handle,
				    size_t size, enum dma_data_direction dir,
				    unsigned long attrs)
{
	nova_emu_dma_unmap_one(dev, handle, size);
}
#else
static dma_addr_t nova_emu_dma_map_page(struct device *dev, struct page *page,
					unsigned long offset, size_t size,
					enum dma_data_direction dir,
					unsigned long attrs)
{
	if (PageHighMem(page))
		return DMA_MAPPING_ERROR;
	return nova_emu_dma_map_cpu(dev, page_address(page) + offset, size,
				    dir);
}

static void nova_emu_dma_unmap_page(struct device *dev, dma_addr_t handle,
				    size_t size, enum dma_data_direction dir,
				    unsigned long attrs)
{
	nova_emu_dma_unmap_one(dev, handle, size);
}
#endif

static void nova_emu_dma_unmap_sg(struct device *dev, struct scatterlist *sgl,
				  int nents, enum dma_data_direction dir,
				  unsigned long attrs)
{
	struct scatterlist *sg;
	int i;

	for_each_sg(sgl, sg, nents, i)
		nova_emu_dma_unmap_one(dev, sg_dma_address(sg), sg_dma_len(sg));
}

/* Each segment gets a mapping of its own; none is merged. */
static int nova_emu_dma_map_sg(struct device *dev, struct scatterlist *sgl,
			       int nents, enum dma_data_direction dir,
			       unsigned long attrs)
{
	struct scatterlist *sg;
	dma_addr_t addr;
	int i;

	for_each_sg(sgl, sg, nents, i) {
		if (PageHighMem(sg_page(sg))) {
			addr = DMA_MAPPING_ERROR;
		} else {
			addr = nova_emu_dma_map_cpu(dev, sg_virt(sg),
						    sg->length, dir);
		}
		if (addr == DMA_MAPPING_ERROR) {
			nova_emu_dma_unmap_sg(dev, sgl, i, dir, attrs);
			return -ENOMEM;
		}
		sg_dma_address(sg) = addr;
		sg_dma_len(sg) = sg->length;
	}
	return nents;
}

/* Bus addresses need NOVA_EMU_DMA_BITS bits. */
static int nova_emu_dma_supported(struct device *dev, u64 mask)
{
	return mask >= NOVA_EMU_DMA_END - 1;
}

/* The DMA operations of every emulated GPU's platform device. */
static const struct dma_map_ops nova_emu_dma_ops = {
	.alloc = nova_emu_dma_alloc,
	.free = nova_emu_dma_free,
#if NOVA_DMA_OPS_MAP_PHYS
	.map_phys = nova_emu_dma_map_phys,
	.unmap_phys = nova_emu_dma_unmap_phys,
#else
	.map_page = nova_emu_dma_map_page,
	.unmap_page = nova_emu_dma_unmap_page,
#endif
	.map_sg = nova_emu_dma_map_sg,
	.unmap_sg = nova_emu_dma_unmap_sg,
	.dma_supported = nova_emu_dma_supported,
};

/**
 * nova_emu_dma_init() - give a new GPU's device its DMA operations
 * @gpu: the emulated GPU, its platform device allocated but not added
 *
 * Return: 0, or a negative error code.
 */
int nova_emu_dma_init(struct nova_emu_gpu *gpu)
{
	struct device *dev = &gpu->pdev->dev;

	spin_lock_init(&gpu->dma.lock);
	gpu->dma.maps = RB_ROOT;
	gpu->dma.next = NOVA_EMU_DMA_BASE;
	set_dma_ops(dev, &nova_emu_dma_ops);
	return dma_coerce_mask_and_coherent(dev, DMA_BIT_MASK(NOVA_EMU_DMA_BITS));
}

/**
 * nova_emu_dma_fini() - forget the mappings of a GPU going away
 * @gpu: the emulated GPU, its driver unbound
 *
 * A driver unmaps everything before its unbind completes; what is left is
 * a leak of the driver's, logged and counted as a fault, and freed here.
 */
void nova_emu_dma_fini(struct nova_emu_gpu *gpu)
{
	struct nova_emu_dma_map *m, *tmp;

	if (gpu->dma.count)
		dev_err(&gpu->pdev->dev, "DMA: the driver left %u mapping(s) behind\n",
			gpu->dma.count);
	rbtree_postorder_for_each_entry_safe(m, tmp, &gpu->dma.maps, node) {
		gpu->dma.faults++;
		if (m->coherent)
			free_pages_exact(m->cpu, PAGE_ALIGN(m->size));
		kfree(m);
	}
	gpu->dma.maps = RB_ROOT;
	gpu->dma.count = 0;
}

/**
 * nova_emu_dma_faults() - how many DMA accesses of a GPU were refused
 * @gpu: the emulated GPU
 *
 * Return: the number of faults since the GPU was created.
 */
u64 nova_emu_dma_faults(struct nova_emu_gpu *gpu)
{
	unsigned long flags;
	u64 n;

	spin_lock_irqsave(&gpu->dma.lock, flags);
	n = gpu->dma.faults;
	spin_unlock_irqrestore(&gpu->dma.lock, flags);
	return n;
}

/**
 * nova_emu_host_dma() - the GPU reads or writes the driver's memory
 * @gpu: the emulated GPU
 * @addr: bus address of the first byte
 * @buf: where the bytes go to (read) or come from (write)
 * @len: how many
 * @write: the GPU writes memory (else it reads)
 *
 * The access must lie inside one mapping that allows it: a read needs a
 * buffer mapped DMA_TO_DEVICE or DMA_BIDIRECTIONAL, a write one mapped
 * DMA_FROM_DEVICE or DMA_BIDIRECTIONAL. The mapping cannot go away while
 * the bytes are copied. Safe in any context.
 *
 * Return: 0, or -EFAULT for an access refused (counted and logged).
 */
int nova_emu_host_dma(struct nova_emu_gpu *gpu, u64 addr, void *buf,
		      size_t len, bool write)
{
	struct nova_emu_dma *d = &gpu->dma;
	const char *why = NULL;
	struct nova_emu_dma_map *m;
	unsigned long flags;

	if (!len)
		return 0;

	spin_lock_irqsave(&d->lock, flags);
	m = nova_emu_dma_find(d, addr);
	if (!m)
		why = "not mapped";
	else if (len > m->size - (addr - m->addr))
		why = "past the end of its mapping";
	else if (m->dir != DMA_BIDIRECTIONAL &&
		 m->dir != (write ? DMA_FROM_DEVICE : DMA_TO_DEVICE))
		why = "in a direction its mapping does not allow";
	if (why)
		d->faults++;
	else if (write)
		memcpy(m->cpu + (addr - m->addr), buf, len);
	else
		memcpy(buf, m->cpu + (addr - m->addr), len);
	spin_unlock_irqrestore(&d->lock, flags);

	if (why) {
		dev_err_ratelimited(&gpu->pdev->dev, "DMA fault: %s of %zu bytes at 0x%llx: %s\n",
				    write ? "write" : "read", len, addr, why);
		return -EFAULT;
	}
	return 0;
}
