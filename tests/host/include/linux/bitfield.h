/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host stand-in for <linux/bitfield.h>: FIELD_PREP() and FIELD_GET() for
 * constant, contiguous masks (the kernel's also checks them at build time).
 */
#ifndef __HOST_LINUX_BITFIELD_H__
#define __HOST_LINUX_BITFIELD_H__
#include <linux/bits.h>

#define FIELD_PREP(mask, val) \
	(((unsigned long long)(val) << __builtin_ctzll(mask)) & (mask))
#define FIELD_GET(mask, reg) \
	(((reg) & (mask)) >> __builtin_ctzll(mask))
#endif
