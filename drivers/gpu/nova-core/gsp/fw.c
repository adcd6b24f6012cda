// SPDX-License-Identifier: GPL-2.0
/*
 * nova_core: pure functions of the GSP-RM firmware ABI (fw.h), the first
 * pieces of the GSP boot.
 */

#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/math.h>
#include <linux/nova_compat.h>
#include <linux/string.h>

#include "fw.h"

/**
 * nova_gsp_msg_checksum() - the checksum of a message queue element
 * @elem: the element, its checksum field 0
 * @len: the bytes it covers, a multiple of 8: nova_gsp_msg_sum_len()
 *
 * The XOR of the element's little-endian 64-bit words, its two halves
 * XORed together. Stored in &nova_gsp_msg_element.checksum, it makes the
 * checksum of the element as stored 0, which is how a receiver checks it.
 *
 * Return: the checksum.
 */
u32 nova_gsp_msg_checksum(const void *elem, size_t len)
{
	const u8 *p = elem;
	u64 x[4] = {};
	size_t i;

	/* Four independent chains: the XORs of one do not wait on another's. */
	for (i = 0; i + 32 <= len; i += 32) {
		x[0] ^= get_unaligned_le64(p + i);
		x[1] ^= get_unaligned_le64(p + i + 8);
		x[2] ^= get_unaligned_le64(p + i + 16);
		x[3] ^= get_unaligned_le64(p + i + 24);
	}
	for (; i + 8 <= len; i += 8)
		x[0] ^= get_unaligned_le64(p + i);
	x[0] ^= x[1] ^ x[2] ^ x[3];
	return lower_32_bits(x[0]) ^ upper_32_bits(x[0]);
}

/**
 * nova_gsp_msg_sum_len() - the bytes of an element its checksum covers
 * @e: the element's headers
 * @len: the bytes the element takes in its queue (its slots)
 *
 * The element header and the RPC message, as long as the RPC header says
 * (GSP_MSG_QUEUE_ELEMENT_HDR_SIZE + rpc.length in r570's
 * message_queue_cpu.c), rounded up to 8 with zeroes: what NVIDIA's sender
 * sums and its receiver checks, outside Confidential Computing. The rest
 * of the slots is not the message's: a sender may leave anything there.
 * A length from the other side is hostile: the span is kept within the
 * headers and @len, so that it never reaches past the element.
 *
 * Return: the span: from sizeof(*@e) to @len, a multiple of 8 if @len is.
 */
size_t nova_gsp_msg_sum_len(const struct nova_gsp_msg_element *e, size_t len)
{
	size_t n = ALIGN(offsetof(struct nova_gsp_msg_element, rpc) +
			 (size_t)e->rpc.length, 8);

	return min_t(size_t, max_t(size_t, n, sizeof(*e)), len);
}

/**
 * nova_gsp_msgq_free() - slots a queue's writer may fill
 * @wptr: the writer's pointer, a slot index
 * @rptr: the reader's pointer, a slot index
 * @count: slots in the queue
 *
 * The writer keeps one slot free, so that a full queue is not taken for an
 * empty one. The pointers may come from the other side: they are checked.
 *
 * Return: the free slots, or -EPROTO for a pointer past the queue or a
 * count of 0 or over INT_MAX (which the arithmetic could not hold).
 */
int nova_gsp_msgq_free(u32 wptr, u32 rptr, u32 count)
{
	if (!count || count > INT_MAX || wptr >= count || rptr >= count)
		return -EPROTO;
	return (rptr + count - wptr - 1) % count;
}

/**
 * nova_gsp_msgq_avail() - slots a queue's reader may read
 * @wptr: the writer's pointer, a slot index
 * @rptr: the reader's pointer, a slot index
 * @count: slots in the queue
 *
 * Return: the slots written and not read, or -EPROTO for a pointer past
 * the queue or a count of 0 or over INT_MAX.
 */
int nova_gsp_msgq_avail(u32 wptr, u32 rptr, u32 count)
{
	if (!count || count > INT_MAX || wptr >= count || rptr >= count)
		return -EPROTO;
	return (wptr + count - rptr) % count;
}

/**
 * nova_gsp_msg_check_sum() - check a received element, its checksum known
 * @buf: the element's headers and payload, copied out of the queue
 * @len: the bytes the element takes in the queue: a whole number of
 *	slots, as many as its header says (the caller reads the header's
 *	element count first, after checking it against what the queue holds)
 * @sum: nova_gsp_msg_checksum() of the first nova_gsp_msg_sum_len() bytes
 *	of the element, which the caller may work out in parts (the checksum
 *	of a concatenation is the XOR of its parts' at offsets that are
 *	multiples of 8)
 * @seq: the sequence number the element must carry
 * @why: set to the reason of a failure, a constant string
 *
 * Checks, in this order, before any field past the header is trusted: the
 * element count (1 to %NOVA_GSP_MSG_MAX_SLOTS, matching @len), the
 * checksum (@sum must be 0), the sequence number, the RPC header's version
 * and signature, and that the RPC's length covers its header and fits in
 * the element. Reads only the headers at @buf.
 *
 * Return: 0; -EBADMSG for a bad checksum, -EPROTO for anything else.
 */
int nova_gsp_msg_check_sum(const void *buf, size_t len, u32 sum, u32 seq,
			   const char **why)
{
	const struct nova_gsp_msg_element *e = buf;
	size_t room;

	*why = NULL;
	if (len < NOVA_GSP_MSG_SLOT || !IS_ALIGNED(len, NOVA_GSP_MSG_SLOT)) {
		*why = "not a whole number of slots";
		return -EPROTO;
	}
	if (!e->elem_count || e->elem_count > NOVA_GSP_MSG_MAX_SLOTS ||
	    e->elem_count != len / NOVA_GSP_MSG_SLOT) {
		*why = "bad element count";
		return -EPROTO;
	}
	if (sum) {
		*why = "bad checksum";
		return -EBADMSG;
	}
	if (e->seq_num != seq) {
		*why = "out of sequence";
		return -EPROTO;
	}
	if (e->rpc.header_version != NOVA_RPC_HEADER_VERSION ||
	    e->rpc.signature != NOVA_RPC_SIGNATURE) {
		*why = "bad RPC header version or signature";
		return -EPROTO;
	}
	room = len - offsetof(struct nova_gsp_msg_element, rpc);
	if (e->rpc.length < sizeof(e->rpc) || e->rpc.length > room) {
		*why = "RPC length outside the element";
		return -EPROTO;
	}
	return 0;
}

/**
 * nova_gsp_msg_check() - check a received element before anything uses it
 * @buf: the element, its slots copied out of the queue in order
 * @len: bytes of @buf: a whole number of slots, as many as its header says
 * @seq: the sequence number the element must carry
 * @why: set to the reason of a failure, a constant string
 *
 * nova_gsp_msg_check_sum() with the checksum of the element's message.
 *
 * Return: 0; -EBADMSG for a bad checksum, -EPROTO for anything else.
 */
int nova_gsp_msg_check(const void *buf, size_t len, u32 seq, const char **why)
{
	u32 sum = 0;

	if (len >= NOVA_GSP_MSG_SLOT)
		sum = nova_gsp_msg_checksum(buf, nova_gsp_msg_sum_len(buf, len));
	return nova_gsp_msg_check_sum(buf, len, sum, seq, why);
}

/**
 * nova_gsp_radix3_layout() - the sizes of the radix3 table for some memory
 * @size: bytes of the memory to map, a multiple of %NOVA_GSP_PAGE_SIZE
 * @l: set to the entries and bytes of each level
 *
 * Return: 0; -EINVAL for a size of 0 or not a multiple of the GSP page;
 * -E2BIG past %NOVA_GSP_RADIX3_MAX, which a level 1 of one page bounds.
 */
int nova_gsp_radix3_layout(u64 size, struct nova_gsp_radix3_layout *l)
{
	int i;

	if (!size || !IS_ALIGNED(size, NOVA_GSP_PAGE_SIZE))
		return -EINVAL;
	if (size > NOVA_GSP_RADIX3_MAX)
		return -E2BIG;

	for (i = NOVA_GSP_RADIX3_LEVELS - 1; i >= 0; i--) {
		l->entries[i] = size >> NOVA_GSP_PAGE_SHIFT;
		l->bytes[i] = ALIGN(l->entries[i] * sizeof(u64), NOVA_GSP_PAGE_SIZE);
		size = l->bytes[i];
	}
	return 0;
}

/**
 * nova_gsp_radix3_fill() - entries for memory contiguous on the bus
 * @ptes: the entries to fill
 * @count: how many
 * @base: bus address of the memory's first GSP page
 *
 * Entry i gets the bus address of page i: how levels 0 and 1 point at the
 * level after them, each level being one contiguous DMA buffer.
 */
void nova_gsp_radix3_fill(u64 *ptes, size_t count, u64 base)
{
	size_t i;

	for (i = 0; i < count; i++)
		ptes[i] = base + ((u64)i << NOVA_GSP_PAGE_SHIFT);
}

/**
 * nova_gsp_msg_write() - write an element's headers and payload
 * @buf: where the element starts
 * @slots: the slots it takes, as nova_gsp_msg_build() works them out
 * @seq: the element's sequence number in its queue
 * @fn: the RPC function
 * @rpc_seq: the RPC's sequence number
 * @payload: the payload
 * @len: its length
 *
 * Writes the element header, the RPC header (results pending), the
 * payload and the up to 7 zero bytes that round it to 8, with the
 * checksum of what it wrote (nova_gsp_msg_sum_len()), and nothing after:
 * the rest of the slots is not the message's. The command queue writes
 * its elements in place with it.
 *
 * Return: the bytes written from @buf, a multiple of 8.
 */
size_t nova_gsp_msg_write(void *buf, u32 slots, u32 seq, u32 fn, u32 rpc_seq,
			  const void *payload, size_t len)
{
	struct nova_gsp_msg_element *e = buf;
	size_t end = ALIGN(sizeof(*e) + len, 8);

	memset(e, 0, sizeof(*e));
	e->seq_num = seq;
	e->elem_count = slots;
	e->rpc.header_version = NOVA_RPC_HEADER_VERSION;
	e->rpc.signature = NOVA_RPC_SIGNATURE;
	e->rpc.length = sizeof(e->rpc) + len;
	e->rpc.function = fn;
	e->rpc.rpc_result = NOVA_RPC_RESULT_PENDING;
	e->rpc.rpc_result_private = NOVA_RPC_RESULT_PENDING;
	e->rpc.sequence = rpc_seq;
	if (len)
		memcpy(e->rpc.data, payload, len);
	memset(e->rpc.data + len, 0, end - sizeof(*e) - len);
	e->checksum = nova_gsp_msg_checksum(buf, end);
	return end;
}

/**
 * nova_gsp_msg_slots() - the slots an element of some payload takes
 * @len: the payload's length
 *
 * Return: 1 to %NOVA_GSP_MSG_MAX_SLOTS; -E2BIG past that.
 */
int nova_gsp_msg_slots(size_t len)
{
	if (len > NOVA_GSP_MSG_MAX_PAYLOAD)
		return -E2BIG;
	return DIV_ROUND_UP(sizeof(struct nova_gsp_msg_element) + len,
			    NOVA_GSP_MSG_SLOT);
}

/**
 * nova_gsp_msg_build() - lay out one queue element
 * @buf: where
 * @buf_len: bytes of @buf (at least the element's slots)
 * @seq: the element's sequence number in its queue
 * @fn: the RPC function
 * @rpc_seq: the RPC's sequence number
 * @payload: the payload
 * @len: its length
 *
 * A pure function: nova_gsp_msg_write() once the element's slots are
 * known to fit in @buf; what @buf held after the message is left there.
 *
 * Return: the slots the element takes; -E2BIG if it needs more than
 * %NOVA_GSP_MSG_MAX_SLOTS; -ENOSPC if @buf is too small.
 */
int nova_gsp_msg_build(void *buf, size_t buf_len, u32 seq, u32 fn,
		       u32 rpc_seq, const void *payload, size_t len)
{
	int slots = nova_gsp_msg_slots(len);

	if (slots < 0)
		return slots;
	if (buf_len < (size_t)slots * NOVA_GSP_MSG_SLOT)
		return -ENOSPC;
	nova_gsp_msg_write(buf, slots, seq, fn, rpc_seq, payload, len);
	return slots;
}
