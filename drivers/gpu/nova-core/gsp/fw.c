// SPDX-License-Identifier: GPL-2.0
/*
 * nova_core: pure functions of the GSP-RM firmware ABI (fw.h), the first
 * pieces of the GSP boot.
 */

#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/math.h>
#include <linux/nova_compat.h>

#include "fw.h"

/**
 * nova_gsp_msg_checksum() - the checksum of a message queue element
 * @elem: the element, every slot it takes, its checksum field 0
 * @len: its length in bytes, a multiple of 8
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
	u64 x = 0;
	size_t i;

	for (i = 0; i + 8 <= len; i += 8)
		x ^= get_unaligned_le64(p + i);
	return lower_32_bits(x) ^ upper_32_bits(x);
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
