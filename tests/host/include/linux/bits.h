/* SPDX-License-Identifier: GPL-2.0 */
/* Host stand-in for the parts of <linux/bits.h> fw.h uses. */
#ifndef __HOST_LINUX_BITS_H__
#define __HOST_LINUX_BITS_H__
#define BIT(nr)		(1UL << (nr))
#define GENMASK(h, l)	((~0UL << (l)) & (~0UL >> (8 * sizeof(long) - 1 - (h))))
#define BIT_ULL(nr)	(1ULL << (nr))
#endif
