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
 *
 * &struct nova_gsp_queues moves elements in and out of the two rings over
 * the shared memory's kernel address: a pure view of the memory (the
 * caller serialises, rings the doorbell and waits), which KUnit drives on
 * a plain buffer playing GSP-RM's side. Whatever GSP-RM wrote there (its
 * write pointer, its read pointer of the command queue, the elements) is
 * read once and checked before it is used.
 */

#include <linux/device.h>
#include <linux/minmax.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>

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

/* The four places the rings' pointers live in the shared memory. */
static u32 *nova_q_cmd_wptr(struct nova_gsp_queues *q)
{
	return q->shm + NOVA_GSP_CMDQ_OFFSET +
	       offsetof(struct nova_msgq_tx_header, write_ptr);
}

static u32 *nova_q_msg_rptr(struct nova_gsp_queues *q)
{
	return q->shm + NOVA_GSP_CMDQ_OFFSET + NOVA_GSP_QUEUE_RX_HDR_OFF;
}

static u32 *nova_q_msg_wptr(struct nova_gsp_queues *q)
{
	return q->shm + NOVA_GSP_MSGQ_OFFSET +
	       offsetof(struct nova_msgq_tx_header, write_ptr);
}

static u32 *nova_q_cmd_rptr(struct nova_gsp_queues *q)
{
	return q->shm + NOVA_GSP_MSGQ_OFFSET + NOVA_GSP_QUEUE_RX_HDR_OFF;
}

static void *nova_q_slot(struct nova_gsp_queues *q, u32 queue, u32 slot)
{
	return q->shm + queue + NOVA_GSP_QUEUE_ENTRY_OFF +
	       (size_t)slot * NOVA_GSP_MSG_SLOT;
}

/* The bytes of a ring's slots, past which an offset wraps to slot 0. */
#define NOVA_Q_RING_BYTES	(NOVA_GSP_QUEUE_SLOTS * NOVA_GSP_MSG_SLOT)

/* Copies @n bytes from @src into the ring @queue from @slot on, wrapping. */
static void nova_q_write(struct nova_gsp_queues *q, u32 queue, u32 slot,
			 const void *src, size_t n)
{
	size_t at = (size_t)slot * NOVA_GSP_MSG_SLOT;
	size_t first = min_t(size_t, n, NOVA_Q_RING_BYTES - at);

	memcpy(nova_q_slot(q, queue, 0) + at, src, first);
	memcpy(nova_q_slot(q, queue, 0), src + first, n - first);
}

/*
 * Copies @n bytes from @off bytes into the element at @slot of the ring
 * @queue into @dst, wrapping.
 */
static void nova_q_read(struct nova_gsp_queues *q, u32 queue, u32 slot,
			size_t off, void *dst, size_t n)
{
	size_t at = ((size_t)slot * NOVA_GSP_MSG_SLOT + off) % NOVA_Q_RING_BYTES;
	size_t first = min_t(size_t, n, NOVA_Q_RING_BYTES - at);

	memcpy(dst, nova_q_slot(q, queue, 0) + at, first);
	memcpy(dst + first, nova_q_slot(q, queue, 0), n - first);
}

/**
 * nova_gsp_queues_init() - a view of the queues in their shared memory
 * @q: the view
 * @shm: kernel address of the shared memory, laid out by
 *	nova_gsp_cmdq_init() (or by a test)
 *
 * Return: 0 or -ENOMEM (for the two element buffers).
 */
int nova_gsp_queues_init(struct nova_gsp_queues *q, void *shm)
{
	memset(q, 0, sizeof(*q));
	q->shm = shm;
	q->tx = kvzalloc(NOVA_GSP_MSG_MAX_SLOTS * NOVA_GSP_MSG_SLOT, GFP_KERNEL);
	q->rx = kvzalloc(NOVA_GSP_MSG_MAX_SLOTS * NOVA_GSP_MSG_SLOT, GFP_KERNEL);
	if (!q->tx || !q->rx) {
		nova_gsp_queues_fini(q);
		return -ENOMEM;
	}
	return 0;
}

/**
 * nova_gsp_queues_fini() - free a view's buffers
 * @q: the view
 */
void nova_gsp_queues_fini(struct nova_gsp_queues *q)
{
	kvfree(q->tx);
	kvfree(q->rx);
	q->tx = NULL;
	q->rx = NULL;
}

/**
 * nova_gsp_queues_push() - put one command element in the command queue
 * @q: the queues
 * @fn: the RPC function
 * @rpc_seq: the RPC's sequence number
 * @payload: the payload
 * @len: its length, at most %NOVA_GSP_MSG_MAX_PAYLOAD
 * @why: set to the reason of an -EPROTO
 *
 * Writes the element after the last one and publishes the new write
 * pointer; the caller rings the doorbell.
 *
 * Return: 0; -EAGAIN if the queue has too few free slots now; -E2BIG for a
 * payload too long for one element; -EPROTO if GSP-RM's read pointer is
 * out of range.
 */
int nova_gsp_queues_push(struct nova_gsp_queues *q, u32 fn, u32 rpc_seq,
			 const void *payload, size_t len, const char **why)
{
	u32 rptr = READ_ONCE(*nova_q_cmd_rptr(q));
	int free, slots;

	*why = NULL;
	free = nova_gsp_msgq_free(q->wptr, rptr, NOVA_GSP_QUEUE_SLOTS);
	if (free < 0) {
		*why = "command queue read pointer out of range";
		return -EPROTO;
	}
	slots = nova_gsp_msg_slots(len);
	if (slots < 0)
		return slots;
	if (slots > free)
		return -EAGAIN;

	if (q->wptr + slots <= NOVA_GSP_QUEUE_SLOTS) {
		/*
		 * Written in place, up to the message's end: the rest of the
		 * slots is not the message's, and GSP-RM does not read it.
		 */
		nova_gsp_msg_write(nova_q_slot(q, NOVA_GSP_CMDQ_OFFSET, q->wptr),
				   slots, q->cmd_seq, fn, rpc_seq, payload, len);
	} else {
		/* Across the end of the ring: built, then copied. */
		size_t end = nova_gsp_msg_write(q->tx, slots, q->cmd_seq, fn,
						rpc_seq, payload, len);

		nova_q_write(q, NOVA_GSP_CMDQ_OFFSET, q->wptr, q->tx, end);
	}

	q->wptr = (q->wptr + slots) % NOVA_GSP_QUEUE_SLOTS;
	q->cmd_seq++;
	/* The element is in memory before GSP-RM can see the pointer. */
	dma_wmb();
	WRITE_ONCE(*nova_q_cmd_wptr(q), q->wptr);
	return 0;
}

/**
 * nova_gsp_queues_pop() - take the next element from the status queue
 * @q: the queues
 * @msg: set to the message, which points into @q's receive buffer and is
 *	valid until the next pop
 * @why: set to the reason of an -EPROTO or -EBADMSG
 *
 * Checks the element (its slot count against what GSP-RM published, its
 * checksum, its sequence number, its RPC header and length) before it is
 * used; a malformed element is consumed and reported.
 *
 * Return: 0; -EAGAIN if the queue is empty; -EPROTO or -EBADMSG for a
 * malformed element (or pointer), with @why.
 */
int nova_gsp_queues_pop(struct nova_gsp_queues *q, struct nova_gsp_msg *msg,
			const char **why)
{
	u32 wptr = READ_ONCE(*nova_q_msg_wptr(q));
	const struct nova_gsp_msg_element *e = q->rx;
	const size_t hdr = sizeof(*e);
	size_t len, used;
	int avail, ret;
	u32 count;

	*why = NULL;
	avail = nova_gsp_msgq_avail(wptr, q->rptr, NOVA_GSP_QUEUE_SLOTS);
	if (avail < 0) {
		*why = "status queue write pointer out of range";
		return -EPROTO;
	}
	if (!avail)
		return -EAGAIN;
	/* The element is read after the pointer that published it. */
	dma_rmb();

	/* The headers, copied once: what is checked is what is used. */
	nova_q_read(q, NOVA_GSP_MSGQ_OFFSET, q->rptr, 0, q->rx, hdr);
	count = e->elem_count;
	if (!count || count > NOVA_GSP_MSG_MAX_SLOTS || count > avail) {
		*why = "element count outside what the queue holds";
		/* Nothing in the queue can be trusted to frame the rest. */
		count = avail;
		ret = -EPROTO;
	} else {
		/*
		 * The message is copied out as far as the RPC header says,
		 * within the element, and checked there: its checksum covers
		 * no more (nova_gsp_msg_sum_len()), and nothing reads the
		 * rest of the slots.
		 */
		len = count * NOVA_GSP_MSG_SLOT;
		used = nova_gsp_msg_sum_len(e, len);
		nova_q_read(q, NOVA_GSP_MSGQ_OFFSET, q->rptr, hdr, q->rx + hdr,
			    used - hdr);
		ret = nova_gsp_msg_check_sum(q->rx, len,
					     nova_gsp_msg_checksum(q->rx, used),
					     q->msg_seq, why);
	}

	q->rptr = (q->rptr + count) % NOVA_GSP_QUEUE_SLOTS;
	q->msg_seq++;
	WRITE_ONCE(*nova_q_msg_rptr(q), q->rptr);
	if (ret)
		return ret;

	msg->rpc = &e->rpc;
	msg->payload = e->rpc.data;
	msg->len = e->rpc.length - sizeof(e->rpc);
	return 0;
}
