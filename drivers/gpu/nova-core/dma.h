/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nova_core DMA buffers: coherent system memory the GPU reads or writes
 * (falcon loads, the GSP's boot structures, its log buffers and queues).
 */
#ifndef __NOVA_CORE_DMA_H__
#define __NOVA_CORE_DMA_H__

#include <linux/types.h>

struct device;

/**
 * struct nova_dma_buf - a buffer of coherent DMA memory
 * @dev: the device it was allocated for; NULL while there is no buffer.
 * @cpu: its kernel address.
 * @dma: its bus address, as given to the GPU.
 * @size: its size in bytes, a whole number of pages.
 *
 * Zeroed when allocated. Owned by whoever allocated it; nothing in it
 * locks: the owner serialises access, and the GPU is told to stop using
 * it before it is freed.
 */
struct nova_dma_buf {
	struct device *dev;
	void *cpu;
	dma_addr_t dma;
	size_t size;
};

int nova_dma_buf_alloc(struct device *dev, size_t size,
		       struct nova_dma_buf *buf);
int nova_dma_buf_from(struct device *dev, const void *data, size_t len,
		      struct nova_dma_buf *buf);
void nova_dma_buf_free(struct nova_dma_buf *buf);

#endif /* __NOVA_CORE_DMA_H__ */
