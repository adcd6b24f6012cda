/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host stand-in for <linux/crc32.h>: crc32_le(), the reflected CRC-32 of
 * polynomial 0xedb88320 without the pre- and post-inversion (zlib's crc32()
 * is crc32_le(~0, p, n) ^ ~0), one bit at a time.
 */
#ifndef __HOST_LINUX_CRC32_H__
#define __HOST_LINUX_CRC32_H__
#include <linux/types.h>

static inline u32 crc32_le(u32 crc, const void *p, size_t len)
{
	const u8 *b = p;
	int k;

	while (len--) {
		crc ^= *b++;
		for (k = 0; k < 8; k++)
			crc = (crc >> 1) ^ (0xedb88320 & -(crc & 1));
	}
	return crc;
}
#endif
