// SPDX-License-Identifier: GPL-2.0
/*
 * nova_core: pure functions of the GSP-RM firmware ABI (fw.h), the first
 * pieces of the GSP boot.
 */

#include <linux/kernel.h>
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
