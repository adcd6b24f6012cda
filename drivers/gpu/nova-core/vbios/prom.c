// SPDX-License-Identifier: GPL-2.0
/*
 * nova_core: the VBIOS ROM, read out of the PROM window (BAR0 + 0x300000)
 * image by image, with the image chain decoded by the parser's own decoder
 * (nova_vbios_image_len(), parse.c), which then parses the copy.
 */

#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/nova_compat.h>

#include "../device.h"
#include "../regs.h"
#include "vbios.h"

/* Copies [off, off + n) of the PROM into rom, which holds max bytes. */
static void nova_prom_copy(struct nova_device *nd, u8 *rom, size_t *have,
			   size_t off, size_t n, size_t max)
{
	size_t end = min(off + n, max), pos;

	for (pos = ALIGN_DOWN(*have, 4); pos < end; pos += 4)
		put_unaligned_le32(nova_rd32(nd, NV_PROM_DATA + pos), rom + pos);
	*have = max(*have, ALIGN(end, 4));
}

/**
 * nova_vbios_read() - copy the VBIOS ROM out of the PROM window
 * @nd: the GPU
 * @rom: set to a kvmalloc()ed copy (free with kvfree())
 * @len: set to its length
 *
 * Reads image by image, following the lengths in the image headers, up to
 * the image flagged last or 1 MiB. It only finds out how much to copy; it
 * trusts nothing it reads, nova_vbios_parse() checks the copy.
 *
 * Return: 0 or -ENOMEM.
 */
int nova_vbios_read(struct nova_device *nd, u8 **rom, size_t *len)
{
	size_t max = NV_PROM_SIZE, have = 0, off = 0, ilen;
	bool last = false;
	unsigned int i;
	u8 *buf;

	/* Only the bytes read are used: no need to zero the rest. */
	buf = kvmalloc(max, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;

	for (i = 0; i < NOVA_VBIOS_MAX_IMAGES && off < max; i++) {
		/* The headers of an image are within its first KiB. */
		nova_prom_copy(nd, buf, &have, off, SZ_1K, max);
		if (nova_vbios_image_len(buf, have, off, &ilen, &last))
			break;
		nova_prom_copy(nd, buf, &have, off, ilen, max);
		off += ilen;
		if (last)
			break;
	}

	/*
	 * The image stays for as long as the GPU is bound (FWSEC-SB needs
	 * it at unload): keep what was read, not the whole window.
	 */
	if (have && have < max) {
		u8 *fit = kvmalloc(have, GFP_KERNEL);

		if (fit) {
			memcpy(fit, buf, have);
			kvfree(buf);
			buf = fit;
		}
	}
	*rom = buf;
	*len = have;
	return 0;
}
