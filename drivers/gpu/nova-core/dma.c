// SPDX-License-Identifier: GPL-2.0
/*
 * nova_core DMA buffers: one coherent allocation each, zeroed, freed
 * exactly once (nova_dma_buf_free() may be called on an empty or already
 * freed buffer, which keeps error paths simple).
 */

#include <linux/dma-mapping.h>
#include <linux/mm.h>
#include <linux/string.h>

#include "dma.h"

/**
 * nova_dma_buf_alloc() - allocate a zeroed buffer of coherent DMA memory
 * @dev: the device that will access it
 * @size: bytes wanted (not 0); rounded up to whole pages
 * @buf: filled in on success, left empty on failure
 *
 * Return: 0, -EINVAL for a size of 0, or -ENOMEM.
 */
int nova_dma_buf_alloc(struct device *dev, size_t size,
		       struct nova_dma_buf *buf)
{
	memset(buf, 0, sizeof(*buf));
	if (!size)
		return -EINVAL;
	size = PAGE_ALIGN(size);
	buf->cpu = dma_alloc_coherent(dev, size, &buf->dma, GFP_KERNEL);
	if (!buf->cpu)
		return -ENOMEM;
	/* dma_alloc_coherent() zeroes on every kernel nova_core builds for. */
	buf->dev = dev;
	buf->size = size;
	return 0;
}

/**
 * nova_dma_buf_from() - a coherent DMA copy of some data
 * @dev: the device that will read it
 * @data: the data
 * @len: its length in bytes (not 0); the rest of the last page is zero
 * @buf: filled in on success, left empty on failure
 *
 * Return: 0, -EINVAL for a length of 0, or -ENOMEM.
 */
int nova_dma_buf_from(struct device *dev, const void *data, size_t len,
		      struct nova_dma_buf *buf)
{
	int ret = nova_dma_buf_alloc(dev, len, buf);

	if (!ret)
		memcpy(buf->cpu, data, len);
	return ret;
}

/**
 * nova_dma_buf_free() - free a buffer, if there is one
 * @buf: the buffer; emptied
 */
void nova_dma_buf_free(struct nova_dma_buf *buf)
{
	if (buf->dev)
		dma_free_coherent(buf->dev, buf->size, buf->cpu, buf->dma);
	memset(buf, 0, sizeof(*buf));
}
