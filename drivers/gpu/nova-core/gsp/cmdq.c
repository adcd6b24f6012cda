// SPDX-License-Identifier: GPL-2.0
/*
 * nova_core GSP message queues: the shared memory of the command queue
 * (CPU to GSP) and the status queue (GSP to CPU).
 *
 * One coherent allocation: a page of page table entries (the bus address
 * of each 4 KiB page of the allocation, itself included), then each queue:
 * its msgqTxHeader and msgqRxHeader in the first page, then 4 KiB element
 * slots. The driver writes the command queue's headers; GSP-RM writes the
 * status queue's when it starts. With MSGQ_FLAGS_SWAP_RX each side keeps
 * its read pointer in the other side's queue.
 */

#include <linux/device.h>

#include "../device.h"
#include "fw.h"
#include "gsp.h"

/**
 * nova_gsp_cmdq_init() - allocate and lay out the queues' shared memory
 * @nd: the GPU
 * @gsp: its GSP; fills @gsp->shm
 *
 * Return: 0 or -ENOMEM.
 */
int nova_gsp_cmdq_init(struct nova_device *nd, struct nova_gsp *gsp)
{
	struct nova_msgq_tx_header *tx;
	int ret;

	ret = nova_dma_buf_alloc(nd->dev, NOVA_GSP_SHM_SIZE, &gsp->shm);
	if (ret)
		return ret;

	nova_gsp_radix3_fill(gsp->shm.cpu, NOVA_GSP_SHM_SIZE / NOVA_GSP_PAGE_SIZE,
			     gsp->shm.dma);

	tx = gsp->shm.cpu + NOVA_GSP_CMDQ_OFFSET;
	tx->version = 0;
	tx->size = NOVA_GSP_QUEUE_SIZE;
	tx->msg_size = NOVA_GSP_MSG_SLOT;
	tx->msg_count = NOVA_GSP_QUEUE_SLOTS;
	tx->write_ptr = 0;
	tx->flags = NOVA_MSGQ_FLAGS_SWAP_RX;
	tx->rx_hdr_off = NOVA_GSP_QUEUE_RX_HDR_OFF;
	tx->entry_off = NOVA_GSP_QUEUE_ENTRY_OFF;
	return 0;
}

/**
 * nova_gsp_cmdq_fini() - free the queues' shared memory
 * @gsp: the GSP, stopped
 */
void nova_gsp_cmdq_fini(struct nova_gsp *gsp)
{
	nova_dma_buf_free(&gsp->shm);
}
